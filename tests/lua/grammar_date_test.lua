-- sift.grammar.date: the cases of tests/data/grammar/dates.lua (one test
-- each: add cases there, not here), properties every record has, argument
-- checks, the calendar arithmetic, and precision and recall against the
-- gold times of the bundled corpora (tests/gold/<corpus>.json).
local date = require "sift.grammar.date"
local cal = require "sift.grammar.calendar"

local CASES = "tests/data/grammar/dates.lua"
local GOLD = { "panjshir-2021", "varkesia-2023" }
local BAR = 0.95 -- precision and recall every corpus must reach

local readfile = testing.readfile

-- (the case file is plain data: a chunk that returns a table)
local cases = testing.data(CASES)

local function anchorof(a)
  if not a then return nil end
  if type(a) == "string" then return { value = a, kind = "published" } end
  return a
end

local function show(rs)
  local parts = {}
  for i, r in ipairs(rs) do parts[i] = ("%q=%s"):format(r.text, tostring(r.value)) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function diff(got, want) return testing.differences(got, want, { show = show }) end

for i, c in ipairs(cases) do
  test(("case %d: %q"):format(i, c[1]), function()
    eq(diff(date.scan(c[1], anchorof(c[2])), c[3]), {})
  end)
end

test("every record spans its text and has a kind, value and precision; earliest <= latest", function()
  local KINDS = { date = true, duration = true }
  local MODS = { START = true, MID = true, END = true, APPROX = true, BEFORE = true, AFTER = true }
  local ANCHORS = { published = true, dateline = true, text = true, none = true }
  local bad = {}
  for i, c in ipairs(cases) do
    for _, r in ipairs(date.scan(c[1], anchorof(c[2]))) do
      local why
      if c[1]:sub(r.s, r.e) ~= r.text then why = "text is not input:sub(s, e)"
      elseif not KINDS[r.kind] or type(r.value) ~= "string" or type(r.precision) ~= "string" then
        why = "kind, value or precision missing"
      elseif r.mod ~= nil and not MODS[r.mod] then why = "unknown mod " .. tostring(r.mod)
      elseif r.relative and not ANCHORS[r.anchor] then why = "relative without an anchor kind"
      elseif r.kind == "duration" and (r.earliest or r.latest or r.value:sub(1, 1) ~= "P") then
        why = "a duration with bounds or a value not P..."
      elseif (r.earliest == nil) ~= (r.latest == nil) then why = "one bound only"
      elseif r.earliest and not (r.earliest <= r.latest and cal.parse(r.earliest) and cal.parse(r.latest)) then
        why = "bad bounds"
      elseif r.kind == "date" and not r.earliest and not r.value:find("X") then
        why = "a resolved date without bounds"
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
    for _, r in ipairs(date.scan(c[1], anchorof(c[2]))) do
      if r.s <= last then bad[#bad + 1] = ("case %d: %q overlaps or precedes the record before"):format(i, r.text) end
      last = r.e
    end
  end
  eq(bad, {})
end)

test("scan checks its arguments", function()
  raises(function() date.scan(nil) end, "bad argument #1 to 'scan' %(string expected, got nil%)")
  raises(function() date.scan("x", "2021-09-07") end, "bad argument #2 to 'scan'")
  eq(date.scan(""), {})
  eq(date.scan("no dates here", { value = "not a date" }), {})
end)

test("a duration whose count is beyond the integers makes no record and stops nothing", function()
  local rs = date.scan("The siege lasted 99999999999999999999 days, then 5 days; for 99999999999999999999 decades.")
  eq(#rs, 1)
  eq({ rs[1].text, rs[1].value, rs[1].kind }, { "5 days", "P5D", "duration" })
end)

test("an unparsable anchor leaves relative times unresolved", function()
  local r = date.scan("on Monday", { value = "soon", kind = "published" })[1]
  eq({ r.value, r.anchor, r.earliest }, { "XXXX-WXX-1", "none", nil })
end)

test("calendar: day numbers, weekdays, ISO weeks", function()
  eq(cal.day(1970, 1, 1), 0)
  eq(cal.fmt(cal.day(2021, 9, 7)), "2021-09-07")
  eq(cal.weekday(cal.day(2021, 9, 7)), 2)
  eq(cal.weekday(cal.day(2023, 3, 12)), 7)
  eq({ cal.isoweek(cal.day(2021, 1, 3)) }, { 2020, 53 })
  eq({ cal.isoweek(cal.day(2021, 1, 4)) }, { 2021, 1 })
  eq({ cal.isoweek(cal.day(2024, 12, 30)) }, { 2025, 1 })
  eq(cal.mdays(2024, 2), 29)
  eq(cal.mdays(1900, 2), 28)
  eq(cal.mdays(2000, 2), 29)
  eq({ cal.addmonths(2021, 1, -1) }, { 2020, 12 })
  eq({ cal.parse("2021-02-29") }, {})
  eq({ cal.parse("2021-09") }, { 2021, 9 })
  eq({ cal.valid(2024, 2, 29), cal.valid(2021, 2, 29), cal.valid(1900, 2, 29), cal.valid(2000, 2, 29) },
    { true, false, false, true })
  eq({ cal.valid(2021, 4, 31), cal.valid(2021, 13, 1), cal.valid(2021, 0, 1), cal.valid(2021, 1, 0),
    cal.valid(2021, 1, 28) }, { false, false, false, false, true })
  local bad = {}
  for n = cal.day(1899, 12, 25), cal.day(2101, 1, 5), 17 do
    local y, m, d = cal.civil(n)
    if cal.day(y, m, d) ~= n or not cal.valid(y, m, d) then bad[#bad + 1] = n end
  end
  eq(bad, {})
end)

-- The word before a date (date.lua's look-behind): any letter case, one
-- blank (space or tab) between, no letter, digit or lead byte of a letter
-- before it; "prior to" with one space; "on" before a weekday joins it.
test("the word before a date: case, one blank, word boundary", function()
  local function mods(text)
    local got = {}
    for _, r in ipairs(date.scan(text, { value = "2021-09-07", kind = "published" })) do
      got[#got + 1] = ("%s|%s"):format(r.text, tostring(r.mod))
    end
    return table.concat(got, ", ")
  end
  eq(mods("around 2010"), "2010|APPROX")
  eq(mods("AROUND 2010 and ArOuNd 2011"), "2010|APPROX, 2011|APPROX")
  eq(mods("around\t2010"), "2010|APPROX")
  eq(mods("around  2010"), "2010|nil")
  eq(mods("xaround 2010, 5around 2011"), "2010|nil, 2011|nil")
  eq(mods("\195\169around 2010, \195around 2011"), "2010|APPROX, 2011|nil")
  eq(mods("(since 2010) prior to 2011, prior  to 2012, xprior to 2013"), "2010|AFTER, 2011|BEFORE, 2012|nil, 2013|nil")
  eq(mods("approximately 2010, approximatelyy 2011"), "2010|APPROX, 2011|nil")
  eq(mods("by 2010; km 2011"), "2010|BEFORE, 2011|nil")
  eq(mods("since on Monday"), "on Monday|AFTER")
  eq(mods("on 2010"), "2010|nil")
  eq(mods("on five days"), "five days|nil")
  eq(mods("every two days, nearly two days, some two days"), "two days|APPROX, two days|APPROX")
  eq(#date.scan("once a day, twice a week, hours a day"), 0)
end)

test("numerals of dates: leading zeros and the digit forms", function()
  local function values(text)
    local got = {}
    for _, r in ipairs(date.scan(text, { value = "2021-09-07", kind = "published" })) do got[#got + 1] = r.value end
    return table.concat(got, " ")
  end
  eq(values("05 September 2021, 2021-09-06, 13.09.2021, 1999-2001, the 1990s, the 21st century"),
    "2021-09-05 2021-09-06 2021-09-13 1999 2001 199X 20")
  eq(values("On 09/08/2021 and 1996-98"), "2021 1996 1998")
end)

-- Gold: every gold time must overlap a system time with the same value
-- (recall), every system time a gold time with its value (precision).
-- The anchor is each document's published date; positions are mapped from
-- the plain text back to the original bytes.
local function score(name)
  local gold = sift.json.decode(assert(readfile("tests/gold/" .. name .. ".json")))
  local corpus = assert(sift.load("corpus/" .. name))
  local sys = {}
  for _, doc in ipairs(corpus:documents()) do
    local anchor = doc.published and { value = doc.published, kind = "published" } or nil
    for _, r in ipairs(date.scan(doc.plain, anchor)) do
      local span = doc:_plainspan(r.s, r.e)
      sys[#sys + 1] = { doc = doc.id, start = span.start - 1, stop = span.stop, value = r.value, text = r.text }
    end
  end
  local used, tp, missed = {}, 0, {}
  for _, g in ipairs(gold.times) do
    local hit
    for i, r in ipairs(sys) do
      if not used[i] and r.doc == g.doc and r.start < g["end"] and g.start < r.stop and r.value == g.value then
        hit = i
        break
      end
    end
    if hit then
      used[hit], tp = true, tp + 1
    else
      missed[#missed + 1] = ("%s %q=%s"):format(g.doc, g.text, g.value)
    end
  end
  local extra = {}
  for i, r in ipairs(sys) do
    if not used[i] then extra[#extra + 1] = ("%s %q=%s"):format(r.doc, r.text, r.value) end
  end
  return tp / math.max(#sys, 1), tp / math.max(#gold.times, 1), missed, extra
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
