-- sift.grammar.date's gate (sift.cdate.finder): a candidate whose first
-- word or digits cannot start a date by what follows them is passed over
-- without trying the grammar. These check that a gated phrase still dates
-- when it is a date, is skipped when it is not, and that the nodes are
-- those of the full walk on texts pieced from the gate's first words and
-- what may follow them (fixed seed).
local date = require "sift.grammar.date"
local cdate = require "sift.cdate"
local scan = require "sift.scan"

local ANCHOR = { value = "2021-09-07", kind = "published" }

local function texts(s)
  local out = {}
  for _, r in ipairs(date.scan(s, ANCHOR)) do out[#out + 1] = r.text .. "=" .. r.value end
  return table.concat(out, "; ")
end

test("a gated phrase still dates when it is a date", function()
  local cases = {
    { "early May", "early May=2021-05" }, { "the 1990s", "the 1990s=199X" },
    { "the '90s", "the '90s=199X" }, { "two weeks ago", "two weeks ago=2021-08-24" },
    { "20 to 25 September", "20=2021-09-20; 25 September=2021-09-25" },
    { "3, 4 and 5 September 2021", "3=2021-09-03; 4=2021-09-04; 5 September 2021=2021-09-05" },
    { "5th of May", "5th of May=2021-05-05" }, { "3 \226\128\147 4 May", "3=2021-05-03; 4 May=2021-05-04" },
    { "the seventh century", "the seventh century=06" }, { "the 19th-century", "the 19th-century=18" },
    { "the twenty-first century", "the twenty-first century=20" }, { "the same day", "the same day=2021-09-07" },
    { "the next two weeks", "the next two weeks=P2W" }, { "the last few days", "the last few days=PXD" },
    { "the early 1990s", "the early 1990s=199X" }, { "the end of May", "the end of May=2021-05" },
    { "the day before yesterday", "the day before yesterday=2021-09-05" },
    { "the weekend", "the weekend=2021-W35-WE" },
    { "twenty-five days", "twenty-five days=P25D" }, { "twenty five-day", "twenty five-day=P25D" },
    { "a couple of weeks", "a couple of weeks=P2W" }, { "a few days", "a few days=PXD" },
    { "an hour", "an hour=PT1H" }, { "mid-2021", "mid-2021=2021" },
    { "late\194\160March", "late\194\160March=2021-03" },
    { "early last year", "early last year=2020" }, { "that same day", "that same day=2021-09-07" },
    { "spring 2021", "spring 2021=2021-SP" }, { "winter of 2020", "winter of 2020=2020-WI" },
    { "past Monday", "past Monday=2021-09-06" }, { "coming Friday", "coming Friday=2021-09-10" },
    { "1,500 days", "1,500 days=P1500D" }, { "2.5 weeks", "2.5 weeks=P2.5W" }, { "300-year", "300-year=P300Y" },
    { "6/9/2021", "6/9/2021=2021" }, { "21st century", "21st century=20" }, { "In May", "May=2021-05" },
  }
  for _, c in ipairs(cases) do eq(texts(c[1]), c[2], c[1]) end
end)

test("a gated phrase is passed over when it starts no date", function()
  for _, t in ipairs{ "the seventh tide", "the last census", "the same roads", "the next round", "the early hours",
    "the morning.", "the day, then", "the evening lantern", "the past.", "two sides", "one of them",
    "twenty-five languages", "a few hundred", "early in the", "early hours", "that 1 to 2", "may change",
    "spring.", "past.", "3,000 people", "5 to 7 villages", "3 and 4 others", "12\226\128\14715 km away",
    "21st floor", "five conditions" } do
    eq(date._next(t, 1), nil, t)
    eq(texts(t), "", t)
  end
  -- the candidate after a passed-over one is still found
  eq(date._next("the seventh tide rose on 5 May", 1), 26)
  eq(date._next("two sides met two days later", 1), 15)
end)

-- Texts of the gate's first words and what may follow them.
local LEADS = { "the", "The", "THE", "two", "Two", "twenty", "one", "nineteen", "a", "an", "few", "early", "mid",
  "Late", "that", "spring", "Summer", "past", "coming", "last", "this", "next", "earlier", "later", "within",
  "may", "May", "march", "Sept", "sun", "Sun", "days", "hours", "beginning", "end", "first", "seventh",
  "3", "12", "3rd", "21st", "123", "1,500", "2.5", "2021", "12,5", "1.", "07" }
local SEPS = { " ", "  ", "\t", "\194\160", "-", "\226\128\147", " - ", "", ",", ", ", ".", "'" }
local AFTERS = { "day", "days", "week", "weeks", "weekend", "same", "next", "seventh", "century", "centuries",
  "1990s", "90s", "'90s", "\226\128\15390s", "September", "Sept.", "may", "of", "and", "to", "or", "5", "12th",
  "the", "hours", "couple", "few", "before", "after", "early", "last", "this", "quarter", "half", "morning",
  "night", "Monday", "mon", "past", "in", "that", "long", "twenty", "first", "one", "five", "x", "", "census",
  "2021", "\195\169t\195\169" }
local THIRDS = { "", " day", " September 2021", " of May", " century", " before.", " weeks ago", " of 2021",
  " 5 May", " and 6 June", " days", " few days", " of weeks", " x", "-first century", " 2021", " Monday",
  " 5 days", " two weeks", " 3rd century", " May" }

test("the gated walk makes the nodes of the full walk", function()
  -- every lead, after and third, with a blank and with the other separators in turn
  local k = 0
  for _, lead in ipairs(LEADS) do
    for _, after in ipairs(AFTERS) do
      for _, third in ipairs(THIRDS) do
        k = k + 1
        for _, sep in ipairs{ " ", SEPS[k % #SEPS + 1] } do
          local t = lead .. sep .. after .. third
          eq(date._parse(t), date._scanner:match(t), t)
        end
      end
    end
  end
  -- and texts of several such phrases (fixed seed)
  local function pick(list) return list[math.random(#list)] end
  math.randomseed(11)
  for _ = 1, 3000 do
    local parts = {}
    for i = 1, math.random(1, 4) do
      parts[i] = pick(LEADS) .. pick(SEPS) .. pick(AFTERS) .. pick(THIRDS) .. pick{ " ", "\n", ". ", "" }
    end
    local t = table.concat(parts)
    eq(date._parse(t), date._scanner:match(t), t)
  end
end)

-- A list of days with no month after it: every day is a candidate, and
-- each walk of the list from a day goes to its end unless the gate keeps
-- the last walk. These lists take milliseconds when the gate is linear, and
-- from seconds to minutes when it is not.
local function list(item, sep, size, tail)
  local parts, n, i = {}, 0, 0
  while n < size do
    i = i + 1
    parts[i] = item(i) .. sep(i)
    n = n + #parts[i]
  end
  return table.concat(parts) .. tail
end
local function day(i) return tostring(i % 31 + 1) end

test("a long list of days with no month is passed over in one walk", function()
  local seps = {
    function() return ", " end, function(i) return i % 3 == 0 and ", and " or ", " end,
    function(i) return i % 2 == 0 and " and " or " or " end, function() return " - " end,
    function() return "\226\128\147" end, function(i) return i % 2 == 0 and "th to " or "\194\160till " end,
  }
  for _, sep in ipairs(seps) do
    eq(date._next(list(day, sep, 1000000, "."), 1), nil)
    eq(#date.scan(list(day, sep, 200000, "")), 0)
  end
  -- one day after the list dates; the list before it does not
  local t = list(day, seps[1], 200000, "and 300 or 5th of May")
  eq(texts(t), "5th of May=2021-05-05")
  -- a list ending in a month: every day of it is a date
  t = list(day, seps[1], 20000, "5 May")
  local rs = date.scan(t, ANCHOR)
  eq({ #rs, rs[1].text, rs[1].value, rs[#rs].text, rs[#rs].value }, { 5393, "2", "2021-05-02", "5 May", "2021-05-05" })
end)

test("the last walk is kept across calls", function()
  -- "1, 2, ... 5 May": the walk from the first day reaches the month, and
  -- every later day, one call each, gets its result without walking again;
  -- so does every group of "1,000,000,... days" (the run of thousands)
  local function calls(t)
    local n, at = 0, 1
    while true do
      local c = date._next(t, at)
      if not c then break end
      n, at = n + 1, string.find(t, "%D", c + 1) or #t + 1 -- (past the digits)
    end
    return n
  end
  local function runs(t) return select(2, string.gsub(t, "%d+", "")) end
  local t = list(function(i) return tostring(i % 9 + 1) end, function() return ", " end, 1000000, "5 May")
  eq(calls(t), runs(t) + 1) -- (and "May")
  t = "1" .. string.rep(",000", 250000) .. " days"
  eq(calls(t), runs(t))
  eq(calls("1" .. string.rep(",000", 250000) .. " years old"), 0)
end)

test("a candidate inside the last walk gets the result of its own walk", function()
  -- each position of texts of days, separators, months and other words:
  -- from a fresh copy (a walk of its own), from the same text after the
  -- calls before it (the kept walk), and between calls on another text
  -- (whose walk is not kept for this one)
  local items = { "1", "12", "3rd", "21st", "123", "5x", "9", "2021", "7 May", "8 of June", "4 km", "6-7", "x",
    "8 may", "9 MAY", "3 Mayx", "1,000", "1,00012", "000", "2.5", "6/9/2021", "6-9-21", "5 years old", "5-day-old",
    "5 days-long", "5 day" }
  local seps = { ", ", ", and ", " and ", " or ", " to ", " - ", "-", "\226\128\147", " ", ". ", ",",
    "\194\160through ", "/", "." }
  local function pick(l) return l[math.random(#l)] end
  math.randomseed(7)
  local other = ""
  for _ = 1, 400 do
    local parts = {}
    for i = 1, math.random(1, 12) do parts[2 * i - 1], parts[2 * i] = pick(items), pick(seps) end
    parts[#parts + 1] = pick{ "", "May", "of May", "days", "century", "x", "may", "years old", "2021" }
      .. string.rep(" ", 41)
    local t = table.concat(parts)
    local got, want = {}, {}
    for p = 1, #t do want[p] = date._next(table.concat(parts), p) or 0 end
    for p = 1, #t do got[p] = date._next(t, p) or 0 end
    eq(got, want, t)
    for p = 1, #t do
      got[p] = date._next(t, p) or 0
      date._next(other, p)
    end
    eq(got, want, t)
    other = t
    eq(date._parse(t), date._scanner:match(t), t)
  end
end)

test("sift.cdate.finder checks its arguments", function()
  local set = scan.words({ "the" })
  raises(function() cdate.finder({}, { sets = {}, words = {} }) end, "sift.scanwords expected")
  raises(function() cdate.finder(set) end, "table expected")
  raises(function() cdate.finder(set, { words = {} }) end, "bad field 'sets'")
  raises(function() cdate.finder(set, { sets = {} }) end, "bad field 'words'")
  raises(function() cdate.finder(set, { sets = { x = { "Day" } }, words = {} }) end, "bad word #1 of set 'x'")
  raises(function() cdate.finder(set, { sets = { x = "day" }, words = {} }) end, "bad set")
  raises(function() cdate.finder(set, { sets = {}, words = { The = {} } }) end, "bad word")
  raises(function() cdate.finder(set, { sets = {}, words = { the = { "_ {nope}" } } }) end, "bad phrase '_ {nope}'")
  raises(function() cdate.finder(set, { sets = {}, words = { the = { "_  x" } } }) end, "bad phrase")
  raises(function() cdate.finder(set, { sets = {}, words = { the = { 5 } } }) end, "a string expected")
  raises(function() cdate.finder(set, { sets = {}, words = {}, digits = true }) end, "digits need set 'months'")
  local many = {}
  for i = 1, 40 do many["s" .. string.char(96 + (i - 1) % 26 + 1) .. i] = { "x" } end
  raises(function() cdate.finder(set, { sets = many, words = {} }) end, "bad set")
  local next = cdate.finder(set, { sets = { d = { "day" } }, words = { the = { "_ {d}", "_ #", "" } } })
  eq(next("the x", 1), 1) -- (the empty phrase takes anything)
  next = cdate.finder(set, { sets = { d = { "day" } }, words = { the = { "_ {d}", "- #", "_ '" } } })
  eq({ next("the day", 1), next("The  DAY", 1), next("the days", 1), next("the -5", 1), next("the'", 1) },
    { 1, 1, nil, 1, nil })
  eq({ next("x the day", 0), next("the day", 2), next("the day", 100), next("", 1) }, { 3, nil, nil, nil })
  raises(function() next(nil, 1) end, "string expected")
  raises(function() next("the day", "x") end, "number expected")
end)
