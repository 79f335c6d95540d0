-- sift.grammar.number: the cases of tests/data/grammar/quantities.lua (one
-- test each: add cases there, not here), properties every record has,
-- argument checks, units, and precision and recall against the gold
-- quantities of the bundled corpora (tests/gold/<corpus>.json).
local number = require "sift.grammar.number"
local unit = require "sift.grammar.unit"

local CASES = "tests/data/grammar/quantities.lua"
local GOLD = { "panjshir-2021", "varkesia-2023" }
local BAR = 0.95 -- precision and recall every corpus must reach

local readfile = testing.readfile

-- (the case file is plain data: a chunk that returns a table)
local cases = testing.data(CASES)

local function show(rs)
  local parts = {}
  for i, r in ipairs(rs) do parts[i] = ("%q=%s"):format(r.text, tostring(r.value)) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function diff(got, want) return testing.differences(got, want, { show = show }) end

for i, c in ipairs(cases) do
  test(("case %d: %q"):format(i, c[1]), function()
    eq(diff(number.scan(c[1], c[3]), c[2]), {})
  end)
end

test("every record spans its text; bounds enclose the value; vague records have no value", function()
  local bad = {}
  for i, c in ipairs(cases) do
    for _, r in ipairs(number.scan(c[1], { ordinals = true })) do
      local why
      if c[1]:sub(r.s, r.e) ~= r.text then why = "text is not input:sub(s, e)"
      elseif r.alt and c[1]:sub(r.alt.s, r.alt.e) ~= r.alt.text then why = "alt text is not input:sub(s, e)"
      elseif r.vague and (r.value ~= nil or type(r.vague) ~= "string") then why = "a vague record with a value"
      elseif not r.vague and type(r.value) ~= "number" then why = "no value"
      elseif r.min and r.max and r.min > r.max then why = "min > max"
      elseif r.value and r.min and r.value < r.min - 1 then why = "value below min"
      elseif r.value and r.max and r.value > r.max + 1 then why = "value above max"
      elseif r.coded and not r.vague then why = "coded without vague"
      elseif r.ordinal and (r.min or r.max or r.unit) then why = "an ordinal with bounds or a unit"
      elseif r.unit and not unit.dimension(r.unit) then why = "unknown unit " .. r.unit
      elseif r.base and unit.base(r.value, r.unit) ~= r.base.value then why = "base is not unit.base"
      end
      if why then bad[#bad + 1] = ("case %d, %q: %s"):format(i, r.text, why) end
    end
  end
  eq(bad, {})
end)

test("records come in text order and do not overlap", function()
  local bad = {}
  for i, c in ipairs(cases) do
    local last = 0
    for _, r in ipairs(number.scan(c[1], { ordinals = true })) do
      if r.s <= last then bad[#bad + 1] = ("case %d: %q overlaps or precedes the record before"):format(i, r.text) end
      last = r.alt and r.alt.e or r.e
    end
  end
  eq(bad, {})
end)

test("scan checks its arguments", function()
  raises(function() number.scan(nil) end, "bad argument #1 to 'scan' %(string expected, got nil%)")
  raises(function() number.scan("x", "ordinals") end, "bad argument #2 to 'scan' %(table expected, got string%)")
  eq(number.scan(""), {})
  eq(number.scan("no figures here"), {})
end)

test("records print readably", function()
  matches(tostring(number.scan("more than 700 fighters")[1]), "^quantity%(more than 700 value=700 min=701%)$")
end)

test("scan survives hostile input: lone signs, bytes that start nothing, long runs", function()
  eq(number.scan("$ # £ € \255\254 \240\159\152\128"), {})
  eq(#number.scan(("$"):rep(1000) .. " 5 fighters"), 1)
  eq(#number.scan(("12 "):rep(2000)), 0) -- one long phone-like run of groups
  eq(#number.scan(("7 men, "):rep(2000)), 2000)
end)

test("units: names, dimensions, base values", function()
  eq(unit.name("kilometres"), "km")
  eq(unit.name("Hectares"), "ha")
  eq(unit.name("per cent"), "percent")
  eq(unit.name("parsecs"), nil)
  eq(unit.dimension("mi"), "length")
  eq(unit.dimension("USD"), "money")
  eq(unit.dimension("nope"), nil)
  eq({ unit.base(90, "mi") }, { 90 * 1.609344, "km" })
  eq({ unit.base(9122, "ha") }, { 91.22, "km2" })
  eq({ unit.base(2, "week") }, { 14, "day" })
  eq({ unit.base(60, "percent") }, {})
  eq({ unit.base(5, "USD") }, {})
end)

-- Gold: every gold quantity must overlap a system quantity with its value
-- (or its min, for bounds) (recall), and every system quantity a gold one
-- (precision). A conversion in brackets counts as its own quantity, as the
-- gold has it. Positions are mapped from the plain text to the original bytes.
local function score(name)
  local gold = sift.json.decode(assert(readfile("tests/gold/" .. name .. ".json")))
  local corpus = assert(sift.load("corpus/" .. name))
  local null = sift.json.null
  local sys = {}
  for _, doc in ipairs(corpus:documents()) do
    for _, q in ipairs(number.scan(doc.plain)) do
      local span = doc:_plainspan(q.s, q.e)
      sys[#sys + 1] = { doc = doc.id, start = span.start - 1, stop = span.stop, value = q.value, min = q.min,
        text = q.text }
      if q.alt then
        span = doc:_plainspan(q.alt.s, q.alt.e)
        sys[#sys + 1] = { doc = doc.id, start = span.start - 1, stop = span.stop, value = q.alt.value,
          text = q.alt.text }
      end
    end
  end
  local used, tp, missed = {}, 0, {}
  for _, g in ipairs(gold.quantities) do
    local v = g.value ~= null and g.value or nil
    local hit
    for i, r in ipairs(sys) do
      if not used[i] and r.doc == g.doc and r.start < g["end"] and g.start < r.stop
        and (v == nil or r.value == v or r.min == v) then
        hit = i
        break
      end
    end
    if hit then
      used[hit], tp = true, tp + 1
    else
      missed[#missed + 1] = ("%s %q"):format(g.doc, g.text)
    end
  end
  local extra = {}
  for i, r in ipairs(sys) do
    if not used[i] then extra[#extra + 1] = ("%s %q"):format(r.doc, r.text) end
  end
  return tp / math.max(#sys, 1), tp / math.max(#gold.quantities, 1), missed, extra
end

for _, name in ipairs(GOLD) do
  if readfile("tests/gold/" .. name .. ".json") then
    test(("gold %s: precision and recall >= %.2f"):format(name, BAR), function()
      local p, r, missed, extra = score(name)
      ok(p >= BAR and r >= BAR, ("precision %.3f, recall %.3f; missed %s; extra %s"):format(p, r,
        table.concat(missed, ", "), table.concat(extra, ", ")))
    end)
  end
end

-- A benchmark (not run as a test): quantities over a few MB of the bundled
-- news texts, repeated.
--
--   local parts = {}
--   for _, d in ipairs(sift.load("corpus/panjshir-2021"):documents()) do parts[#parts + 1] = d.plain end
--   local text = string.rep(table.concat(parts, "\n\n"), 150, "\n\n")
--   local t0 = os.clock(); number.scan(text)
--   print(("%.1f MB/s"):format(#text / 1e6 / (os.clock() - t0)))
