-- sift.grammar.number makes the records of plain numbers in C
-- (sift.scan.context's quantity, called by the grammar with a step's
-- fields); build() in number.lua is their definition. This compares the
-- two on random fields over tricky texts (fixed seed) and checks
-- quantity's arguments.
local number = require "sift.grammar.number"
local scan = require "sift.scan"

local Q = number._quantity

-- A record as a string: fields sorted by name, integers apart from floats,
-- the metatable marked.
local function ser(v)
  local t = type(v)
  if t == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. "=" .. ser(v[k]) end
    local mt = getmetatable(v)
    return "{" .. table.concat(parts, ",") .. "}" .. (mt and (mt == number.Quantity and "Q" or "?") or "")
  elseif t == "number" then
    return math.type(v) == "integer" and tostring(v) or string.format("%a", v)
  elseif t == "string" then
    return string.format("%q", v)
  end
  return tostring(v)
end

-- What scan() makes of a step's fields: quantity's records, or build()'s
-- when it gives the table back; and build()'s own records.
local function both(text, s, e, pairs_)
  local out1, out2 = {}, {}
  local ok1, r1 = pcall(function()
    local r = Q(text, s, out1, table.unpack(pairs_))
    if r then number._build(text, r, out1, s, e) end
  end)
  local ok2, r2 = pcall(function() number._build(text, scan.fields(table.unpack(pairs_)), out2, s, e) end)
  return ok1 and ser(out1) or ("error " .. tostring(r1):gsub("^.-:%d+: ", "")),
    ok2 and ser(out2) or ("error " .. tostring(r2):gsub("^.-:%d+: ", ""))
end

local TEXTS = { "700 fighters were killed", "The 17 civilians", "Article 5 says", "in 2021 people", "2021 people",
  "one of the men", "no one came", "for one day", "one day", "Five Lions", "two thirds of the vote",
  "AK-47 rifles", "5 September", "5 pm", "[12]", "about 20 km north", "more than 1000 displaced", "x.com/2021",
  "twelve months later", "a hundred and five Taliban", "two or more", "20-odd", "one Taliban fighter", "1",
  "Some 3 children", "three hundred thousand", "nearly 1999 homes", "since about 1990", "No. 10", "Boeing 737",
  "over 18 percent", "#3 seed", "at least 999999999999999999 units", "9999999999999999999 more", "" }
local DIGITS = { "1", "5", "007", "17", "20", "700", "1000", "1999", "2021", "2100", "123456789012345678",
  "999999999999999999", "9999999999999999999", "1,500", "3.5", "", "x1", "12a" }
local WORDS = { { 1 }, { 2 }, { 20, 5 }, { 2, "h", 50 }, { 3, 1000000 }, { 1, "dz" }, { 0.5, "dz" }, { 1, "h" },
  { 999, 1000000000000, 999, 1000000000000, 999, 1000000000000 }, { 9, "h", 1000000000000, 1000000000000 },
  { 1, "x" }, { "h" }, {}, { 1.5 } }
local MODS = { "more than", "over", "at least", "fewer than", "up to", "nearly", "just over", "about", "some",
  "not a mod" }
local POSTS = { "or more", "or so", "or fewer", "odd", "plus", "+", "not a post" }
local UNITS = { "km", "mi", "percent", "day", "month", "year", "USD", "ha", "pp", "not a unit", "week" }

local function pick(list) return list[math.random(#list)] end

test("quantity makes the records build() makes", function()
  math.randomseed(7)
  local seen = 0
  for _ = 1, 20000 do
    local text = pick(TEXTS) .. (math.random(2) == 1 and "" or " " .. pick(TEXTS))
    local n = #text
    local s = math.random(1, math.max(n, 1))
    local qe = math.random(s + 1, n + 2)
    local ne = math.random(2) == 1 and qe or math.random(0, n + 2)
    local f = {}
    local function add(k, v) f[#f + 1], f[#f + 2] = k, v end
    if math.random(2) == 1 then add("d", pick(DIGITS)) else add("w", pick(WORDS)) end
    if math.random(3) == 1 then add("m", pick(MODS)) end
    if math.random(3) == 1 then add("ns", math.random(0, n + 1)) end
    if math.random(2) == 1 then add("u", pick(UNITS)) end
    if math.random(4) == 1 then add("post", pick(POSTS)) end
    if math.random(20) > 1 then add("ne", ne) end
    if math.random(20) > 1 then add("qe", qe) end
    if math.random(30) == 1 then add("x", "million") end
    if math.random(30) == 1 then add("d", "5") end
    if n > 0 then
      local got, want = both(text, s, qe, f)
      if got ~= want then
        error(string.format("%q at %d, fields %s: quantity gives %s, build %s", text, s, ser(f), got, want))
      end
      seen = seen + 1
    end
  end
  ok(seen > 10000)
end)

test("quantity keeps a step of one unit (\"a year\") after a word of duration only, as build()", function()
  local texts = { "for a year", "a year ago", "within an hour", "Lasted a week.", "last, a day", "FOR a month",
    "per\na day", "spent.. a decade", "x for.a year", "over a fortnight", "took a day", "in's a year",
    "the most a second", "\226\128\153a year", "for  \t a week", "e.g. a minute" }
  local seen = 0
  for _, text in ipairs(texts) do
    for s in text:gmatch("()an? ") do
      for _, u in ipairs{ "year", "hour", "week", "fortnight" } do
        local got, want = both(text, s, #text + 1, { "au", u })
        eq(got, want, text .. " at " .. s .. ": " .. u)
        seen = seen + 1
      end
    end
  end
  ok(seen > 40)
  -- kept only after a word of duration: some records, not all
  local out = {}
  ok(Q("for a year", 5, out, "au", "year") ~= nil)
  eq(Q("the a year", 5, out, "au", "year"), nil)
  eq(#out, 0)
end)

test("quantity checks its arguments", function()
  local out = {}
  raises(function() Q({}, 1, out) end, "bad argument #1")
  raises(function() Q("five", 0, out) end, "out of range")
  raises(function() Q("five", 5, out) end, "out of range")
  raises(function() Q("five", 1, "out") end, "bad argument #3")
  raises(function() Q("5 km", 1, out, "d") end, "a name without a value")
  raises(function() Q("5 km", 1, out, 1, "d") end, "a name expected")
  -- fields quantity does not take, or positions outside the text: the table for build()
  eq(Q("5 km", 1, out, "d", "5", "qe", 9, "ne", 2), { d = "5", qe = 9, ne = 2 })
  eq(Q("5 km", 1, out, "d", "5", "qe", 2, "ne", 0), { d = "5", qe = 2, ne = 0 })
  eq(Q("5 km", 1, out, "d", "5", "qe", 1, "ne", 2), { d = "5", qe = 1, ne = 2 })
  eq(Q("5 km", 1, out, "d", "5", "qe", 2.0, "ne", 2), { d = "5", qe = 2.0, ne = 2 })
  eq(Q("5 km", 1, out, "d", 5, "qe", 2, "ne", 2), { d = 5, qe = 2, ne = 2 })
  eq(Q("5 km", 1, out, "v", "many"), { v = "many" })
  eq(Q("5 km", 1, out, "d", "5", "d", "6", "qe", 2, "ne", 2), { d = "6", qe = 2, ne = 2 })
  eq(Q("5 km", 1, out), {})
  eq(#out, 0)
  -- a record
  eq(Q("5 km", 1, out, "d", "5", "u", "km", "ne", 2, "qe", 5), nil)
  eq(#out, 1)
  eq(ser(out[1]), ser(number.scan("5 km")[1]))
end)

test("quantity takes any integer position (no overflow at the extremes)", function()
  local t = "about 5 people"
  for _, p in ipairs{ math.mininteger, math.mininteger + 1, -1, 0, #t + 1, #t + 2, math.maxinteger - 1,
    math.maxinteger } do
    local out = {}
    ok(not pcall(Q, t, p, out), tostring(p))
    for _, f in ipairs{ { "d", "5", "qe", p, "ne", 8 }, { "d", "5", "qe", 8, "ne", p },
      { "w", { 5 }, "qe", 8, "ne", 8, "ns", p }, { "w", { 5 }, "m", "about", "qe", 8, "ne", p, "ns", p } } do
      local got, want = both(t, 7, 8, f)
      eq(got, want, tostring(p))
    end
  end
end)
