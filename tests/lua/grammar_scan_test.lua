-- sift.grammar.number and sift.grammar.date run their grammars only where
-- sift.scan finds a candidate; this checks that the records are those of
-- the full walk of each grammar (number._scanner, date._scanner) on the
-- grammar cases, hostile bytes and texts pieced together from tricky
-- fragments (fixed seed).
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

-- The full walk of the number grammar, every step in LPeg: the start of
-- each step, its record table when it makes one, and its end (a record's
-- start and end are its step's).
local function number_ref(text)
  local out, pos = {}, 1
  while pos <= #text do
    local raws, stop = number._scanner:match(text, pos)
    local at, r
    for i = 1, #raws do
      local x = raws[i]
      if type(x) ~= "number" then
        r = x
      elseif not at then
        at = x
      else
        if r then number._build(text, r, out, at, x) end
        at, r = nil, nil
      end
    end
    pos = stop + 1
  end
  return out
end

local texts = testing.strings(testing.data("tests/data/grammar/quantities.lua"))
testing.strings(testing.data("tests/data/grammar/dates.lua"), texts)

local FRAGMENTS = { "the", "The", "a", "A", "an", "at", "at least", "more than", "some", "about", "over",
  "the same day", "the 1990s", "the '90s", "the\226\128\137same", "a\194\160few", "a few", "a dozen",
  "half a dozen", "two", "Twenty-one", "5", "2021", "5 September", "Sept. 6", "10:30", "2021-09-06",
  "1,500", "3.5bn", "$20m", "US$", "\226\130\172", "5\226\130\172", "\194\163", "\194\169", "Copyright",
  "#3", "\n", "\n1. ", "\n 2 of 5", "\r\n", "\t", " ", "  ", ",", ".", "-", "\226\128\147", "\226\128\153",
  "\226\128\156", "\194\160", "\240\159\152\128", "\195\169", "caf\195\169", "\128", "\255", "AK-47",
  "last Monday", "last", "this", "next", "May", "march", "early", "mid-", "late", "yesterday", "km",
  "miles", "(144 km)", "20-25", "between", "and", "or", "to", "people", "fighters", "dozens", "hundreds",
  "of", "third", "5th", "Q1", "one", "One", "no one", "day-long", "years ago", "a year", "an hour",
  "several", "approx.", "somewhere around", "as many as", "word", "Name", "X",
  -- what may follow digits in a date (sift.scan skips digits before anything else)
  "7", "12", "31", "100", "12345", "3rd", "21st", "2nd", "4th", "5x", "days", "hours", "Sept", "Sept.",
  "until", "through", "till", "%", ")", ";", "/", "(3)", "\n", "\226\128\148", "\226\128\153", "3 - 4 May",
  "5 , 6 June", "2 \226\128\147 3 days", "1\194\160and 2 Sept",
  -- what may follow a year (sift.scan skips years before anything else)
  "1999", "2000", "2021", "1899", "2100", "20210", "2021s", "1990s", "2021%", "2021\226\128\1452",
  "2021\226\128\137people", "2021\194\160km", "2021-22", "2021.5", "2021,000", "2021 20 210 1234",
  "people", "killed", "more", "Houses", "KM", "km2", "km\194\178", "sq", "percentage", "per", "u.s.", "U.S.",
  "pounds", "metric", "nautical", "square", "pakistani", "kilometres", "(", "\"", "'", ":", "!", "?",
  -- what sift.scan decides on for the number grammar: bound words and what follows them, month
  -- words with a day and a year, a day before a month, decades
  "over", "Over", "around", "below", "nearly", "circa", "estimated", "under", "almost", "roughly", "half",
  "half a", "an", "large", "huge", "multiple", "usd", "eur", "GBP", "AFN", "us", "US", "the", "$",
  "January", "Jan", "Jan.", "june", "June.", "SEPT", "Sep", "mayor", "5,", "5 ,", "5th", "25th", "21st", "5TH",
  "5thx", "6\194\160", "of", "Of", "5 of September", "25th of Sept.", "3 May", "3 may", "31 Marchx",
  "1990s", "90s", "1990s-era", "1990S", "5s", "2021s,", "1990s/2000s", "80s'", "1990s.5", "1990st",
  "close", "close to", "as many as", "as", "at least", "at", "up to", "up", "no fewer than", "roughly about",
  "more than", "more then", "just over", "just", "not quite", "somewhere around", "upwards of", "fewer", "less",
  "slightly more than", "no more than", "many", "least", "than",
  -- records sift.scan's qstep makes in C: ranges, vague words, units of one, digits with commas
  "from", "From", "20 to 25", "5 or 3", "3-1", "1999-2000", "2020-21", "5-6", "September", "between 14 and 18",
  "two or three", "20\226\128\14725 km", "20 km-30 miles", "several hundred", "a few thousand", "how", "so",
  "many", "too many", "for a year", "about a week", "a fortnight", "1,500", "1,000,000", "about 1,200",
  "90 miles (144 kilometers)", "20 km (12 miles)", "5 km (5 miles)", "(about 3 miles)", "(30 km)",
  "10 hectares (25 acres)",
  -- unit words, which start a date only before a hyphen ("hours-long")
  "hours-", "Hours-long", "week", "week-", "weeks", "day", "day-", "days\226\128\147", "hour-", "hourx-" }

local function pieced(n)
  local parts = {}
  for i = 1, n do
    parts[i] = FRAGMENTS[math.random(#FRAGMENTS)]
    if math.random(3) > 1 then parts[i] = parts[i] .. (math.random(4) == 1 and "" or " ") end
  end
  return table.concat(parts)
end

test("number.scan finds what the full walk finds", function()
  for _, t in ipairs(texts) do eq(number.scan(t, { ordinals = true }), number_ref(t), t) end
  for _ = 1, 3000 do
    local t = pieced(math.random(1, 30))
    eq(number.scan(t, { ordinals = true }), number_ref(t), t)
  end
end)

test("number.scan skips a year only where the full walk makes no record", function()
  local after = { "", " ", ".", ",", ";", "-", "%", " %", " the", " The", " in", " 5", "-5", ",5", ".5",
    " 20 210", "\226\128\1455", "s", "x", "\195\169", "\226\128\137" }
  for _, form in ipairs(require("sift.grammar.unit").forms) do after[#after + 1] = " " .. form end
  for _, w in ipairs{ "people", "Civilians", "killed", "more", "tanks", "others" } do after[#after + 1] = " " .. w end
  for _, year in ipairs{ "1900", "1999", "2000", "2099", "1899", "2100" } do
    for _, a in ipairs(after) do
      for _, t in ipairs{ year .. a, "in " .. year .. a .. " and", "\n" .. year .. a, "about " .. year .. a } do
        eq(number.scan(t, { ordinals = true }), number_ref(t), t)
      end
    end
  end
end)

test("number.scan skips words and digits only where the full walk makes no record", function()
  local marks = number._marks
  local follow = { "", " ", "  ", ".", ",", "-", "\n", " the", " The", " a", " a few", " an hour", " a year",
    " half a dozen", " 5", " 5th", " $5", " US$ 5", " usd 5", " \226\130\1745", " \194\16320", " twenty-one",
    " several", " many", " dozens", " hundreds of", "\194\1605", "\226\128\1375", "5", " 5 September",
    " 1990s", " Sept. 6, 2021", " \226\128\156", " \195\169", " tens of thousands", " large numbers",
    -- the rest of a bound phrase
    " to", " to 5", " to the", " To five", " to\194\1605", " tox 5", " than 5", " than the", " least 5", " least",
    " many as 5", " many as the", " many people", " about 5", " about the", " about", " more than 5",
    " more than the", " then 5", " quite 5", " over 5", " around 5", " of 5", " of the", " fewer than 5",
    " less than a few", "  to  5", " to5", " to-5" }
  for _, w in ipairs(marks.need) do
    for _, case in ipairs{ w, w:upper(), w:sub(1, 1):upper() .. w:sub(2) } do
      for _, f in ipairs(follow) do
        local t = case .. f
        eq(number.scan(t, { ordinals = true }), number_ref(t), t)
        t = "x " .. t .. " 7"
        eq(number.scan(t, { ordinals = true }), number_ref(t), t)
      end
    end
  end
  local days = { "", " ", "  ", ".", ". ", "5", " 5", " 25", " 5th", " 21ST", " 123", " 5x", " 5th,", " 5, 2021",
    " 5 2021", " 5,2021", " 5,\194\1602021", " 5, 20215", " 5, 2021x", " 5, 21", "\194\1606", " 5.", " 5-6",
    " 5 people", " 5 km", " 1990s", "\195\169", "5 September" }
  for _, m in ipairs(marks.month) do
    for _, case in ipairs{ m, m:upper(), m:sub(1, 1):upper() .. m:sub(2) } do
      for _, d in ipairs(days) do
        local t = case .. d
        eq(number.scan(t, { ordinals = true }), number_ref(t), t)
        t = "on " .. t .. " 7 people"
        eq(number.scan(t, { ordinals = true }), number_ref(t), t)
      end
    end
  end
  for _, m in ipairs(marks.daymonth) do
    local M = m:sub(1, 1):upper() .. m:sub(2)
    for _, t in ipairs{ "5 " .. M, "5 " .. m, "25 " .. M .. ".", "5th " .. M, "5th of " .. M, "5 Of " .. M,
      "5 of" .. M, "5  of  " .. M .. " 2021", "123 " .. M, "5 " .. M .. "x", "5 " .. M .. "5", "5\194\160" .. M,
      "5x " .. M, "5 " .. M:upper() .. " 7 km", "5, " .. M, "5-6 " .. M } do
      eq(number.scan(t, { ordinals = true }), number_ref(t), t)
      t = "about " .. t .. " 7"
      eq(number.scan(t, { ordinals = true }), number_ref(t), t)
    end
  end
  for _, t in ipairs{ "1990s", "90s", "5s", "1990S", "1990s-era", "1990s/5 km", "1990s,2000s", "1990s'5",
    "1990s.", "1990s-", "1990s\195\169", "1990st", "1990s5", "1990 s", "1,990s", "1.5s", "#1990s" } do
    eq(number.scan(t, { ordinals = true }), number_ref(t), t)
    t = "the " .. t .. " 7 people"
    eq(number.scan(t, { ordinals = true }), number_ref(t), t)
  end
end)

test("the words that may follow a bound word take in every currency code sift.grammar.unit reads", function()
  -- unit.prefix has no list: try every word of one to three letters, alone and before "$"
  local lpeg = require "lpeg"
  local prefix = require("sift.grammar.unit").prefix
  local follows = {}
  for _, w in ipairs(number._marks.next) do follows[w] = true end
  local a = string.byte("a")
  local function try(w)
    for _, t in ipairs{ w, w .. "$", w:upper(), w:upper() .. "$" } do
      if lpeg.match(prefix, t) then ok(follows[w], "a currency word not in next: " .. t) end
    end
  end
  for i = 0, 25 do
    local w1 = string.char(a + i)
    try(w1)
    for j = 0, 25 do
      local w2 = w1 .. string.char(a + j)
      try(w2)
      for k = 0, 25 do try(w2 .. string.char(a + k)) end
    end
  end
end)

test("date.scan parses what the full walk parses", function()
  for _, t in ipairs(texts) do eq(date._parse(t), date._scanner:match(t), t) end
  for _ = 1, 3000 do
    local t = pieced(math.random(1, 30))
    eq(date._parse(t), date._scanner:match(t), t)
  end
end)

test("sift.scan passes over a date's unit word unless a hyphen follows it", function()
  local scan = require "sift.scan"
  local set = scan.words({ "hours", "the" }, nil, { dash = { "hours" } })
  eq(scan.date("3 hours to", 3, set), nil)
  eq(scan.date("hours", 1, set), nil)
  eq(scan.date("Hours-long", 1, set), 1)
  eq(scan.date("hours\226\128\147long", 1, set), nil)
  eq(scan.date("hours -long the", 1, set), 13)
  eq(scan.date("hoursx-long", 1, set), nil)
  -- the number mode takes no dash mark into account
  eq(scan.number("hours to", 1, set), 1)
  local plain = scan.words({ "hours" })
  eq(scan.date("3 hours to", 3, plain), 3)
end)

test("sift.scan.fields makes a record of name-value pairs and refuses a name without a value", function()
  local lpeg = require "lpeg"
  local fields = require("sift.scan").fields
  eq(fields("s", 1, "u", "km", "n", { 2 }), { s = 1, u = "km", n = { 2 } })
  eq(fields(), {})
  eq(fields("s", 1, "s", 2), { s = 2 })
  raises(function() fields("s", 1, "e") end, "a name without a value")
  raises(function() fields(1, "s") end, "a name expected, got number")
  -- as a grammar uses it: a field whose pattern captures nothing is an error
  local p = (lpeg.Cc"s" * lpeg.Cp() * lpeg.P"x" * lpeg.Cc"e" * lpeg.P"y") / fields
  raises(function() p:match("xy") end, "a name without a value")
  eq(((lpeg.Cc"s" * lpeg.Cp() * lpeg.P"x" * lpeg.Cc"e" * lpeg.Cp()) / fields):match("x"), { s = 1, e = 2 })
end)

-- The definition of sift.scan.prevword (the number grammar's word before
-- position s: lowercased without a final period or a possessive; what lies
-- between it and s; the word as written; where it starts; whether it was
-- possessive). Looks back at most a few bytes of punctuation and one word.
local ISWORD = {}
for b = 48, 57 do ISWORD[b] = true end
for b = 65, 90 do ISWORD[b] = true end
for b = 97, 122 do ISWORD[b] = true end
local string_byte, string_sub, string_find, string_gsub, string_lower =
  string.byte, string.sub, string.find, string.gsub, string.lower
local function prev_word(text, s)
  local i = s - 1
  local lim = s - 8
  while i > 0 and i > lim and not ISWORD[string_byte(text, i)] do
    local b = string_byte(text, i)
    if b == 10 then return nil end
    i = i - 1
  end
  if i < 1 or not ISWORD[string_byte(text, i)] then return nil end
  local we = i
  if string_byte(text, we + 1) == 46 then we = we + 1 end
  while i > 0 do
    local b = string_byte(text, i)
    if ISWORD[b] or b == 46 or b == 39 or b >= 128 then i = i - 1 else break end
  end
  local ws = i + 1
  while ws <= we and not ISWORD[string_byte(text, ws)] do ws = ws + 1 end
  local w = string_sub(text, ws, we)
  local gap = string_sub(text, we + 1, s - 1)
  local poss = false
  if string_find(w, "['\128-\255]") then
    poss = string_find(w, "'s$") or string_find(w, "\226\128\153s$")
    w = string_gsub(w, "[\128-\255].*$", "")
    w = string_gsub(w, "'s$", "")
    poss = poss ~= nil
  end
  local raw = w
  if string_byte(w, -1) == 46 then w = string_sub(w, 1, -2) end
  return string_lower(w), gap, raw, ws, poss
end

test("sift.scan.prevword reads the word before a position as its Lua definition does", function()
  local prevword = require("sift.scan").prevword
  local function same(t)
    for s = 1, #t + 1 do eq({ prevword(t, s) }, { prev_word(t, s) }, string.format("%q at %d", t, s)) end
  end
  for _, t in ipairs{ "", "5", "about 5", "Article 5", "No. 10", "U.S. 5", "Afghanistan's 5", "Kabul\226\128\153s 9",
    "caf\195\169 7", "it's 3", "'s 4", "x.'s 2", "A.B.C. 7", "line\n5", "word ,;:-( 5", "word  \t\t\t\t\t\t 5",
    "e.g. 5", "5.", "..", "''", "\255\254a 1", "a\128b's 3" } do
    same(t)
  end
  for _ = 1, 2000 do same(pieced(math.random(1, 12))) end
end)

test("sift.scan's readers take any integer position (no overflow at the extremes)", function()
  local scan = require "sift.scan"
  local C = scan.context(number._classes)
  local set = scan.words({ "about" })
  local t = "about 5 people"
  for _, p in ipairs{ math.mininteger, math.mininteger + 1, -1, 0, #t + 10, #t + 11, math.maxinteger - 1,
    math.maxinteger } do
    eq(scan.prevword(t, p), nil, tostring(p))
    eq(scan.number(t, p, set), p < 1 and 1 or nil, tostring(p))
    eq(scan.date(t, p, set), p < 1 and 1 or nil, tostring(p))
    eq(C.next(t, p), nil, tostring(p))
    eq(C.fraction(t, p), false, tostring(p))
    eq(pcall(C.noun, t, p), p == 0, tostring(p))
    for _, f in ipairs{ C.sentence, C.title } do ok(not pcall(f, t, p), tostring(p)) end
    ok(not pcall(C.label, t, p, p, "5", 5), tostring(p))
    ok(not pcall(C.idiom, t, p, p, p, p), tostring(p))
  end
  eq(scan.prevword(t, #t + 9), nil)
  eq(scan.prevword(t, 7), "about")
end)
