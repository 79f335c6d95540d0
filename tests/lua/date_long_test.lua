-- sift.grammar.date on long lists (hostile input): "1-2, 3-4, ...",
-- "1, 2, ... 28 may", "1,000,000,... years old". The grammar reads a list
-- from each day it tries, so a list whose days the gate (sift.cdate.finder)
-- lets through while no date starts there costs the grammar the list's
-- length at each of them: its length squared in all (20 KB of "1-2, 3-4"
-- took seconds, 200 KB minutes). These check, without timing, that the
-- gate lets no such day through: on lists that hold no date, no candidate
-- at all; on lists that end in a date, no candidate the grammar fails on
-- (date._parse's second result, its misses); and the records of lists at
-- sizes where reading the list from each day would take minutes.
local date = require "sift.grammar.date"

local ANCHOR = { value = "2021-09-07", kind = "published" }

-- the items item(1), item(2), ... joined by sep up to size bytes, then tail
local function list(item, sep, size, tail)
  local parts, n, i = {}, 0, 0
  while n < size do
    i = i + 1
    parts[i] = item(i) .. sep
    n = n + #parts[i]
  end
  return table.concat(parts) .. tail
end
local function day(i) return tostring(i % 28 + 1) end

-- Lists of days, pairs and numbers that no month, unit or year completes.
local SHAPES = {
  { "ranges", function(i) return day(i) .. "-" .. day(i + 3) end, ", " },
  { "ranges without blanks", function(i) return day(i) .. "-" .. day(i + 3) end, "," },
  { "dashed triples", function(i) return day(i) .. "-" .. day(i + 1) .. "-" .. day(i + 2) end, ", " },
  { "slashed triples", function(i) return day(i) .. "/" .. day(i + 1) .. "/" .. day(i + 2) end, ", " },
  { "dotted triples", function(i) return day(i) .. "." .. day(i + 1) .. "." .. day(i + 2) end, " " },
  { "fractions", function(i) return day(i) .. "/" .. day(i + 5) end, ", " },
  { "days", day, ", " },
  { "days and", day, " and " },
  { "days to", function(i) return day(i) .. " to " .. day(i + 1) end, ", " },
  { "days and days", function(i) return day(i) .. " and " .. day(i + 1) end, ", " },
  { "ordinals", function(i) return day(i) .. "th" end, ", " },
  { "ordinals and", function(i) return day(i) .. "th" end, " and " },
  { "dashes", day, "-" },
  { "en dashes", day, "\226\128\147" },
  { "days through", day, "\194\160through " },
  { "mixed", function(i) return day(i) .. ({ ", ", " and ", "-", " to ", ", and " })[i % 5 + 1] end, "" },
}
-- What may follow them: nothing, words that end no list, or a date.
local NODATE = { "", ".", " may", " mAY", " Mayor", " May2", " of may", " days-long", " years old" }

test("a long list that holds no date lets no candidate through", function()
  for _, shape in ipairs(SHAPES) do
    for _, tail in ipairs(NODATE) do
      local t = list(shape[2], shape[3], 20000, "5")
      -- (the word after the list may be a candidate: "May2")
      local c = date._next(t .. tail, 1)
      assert(c == nil or c > #t, shape[1] .. " + 5" .. tail .. ": a candidate at " .. tostring(c))
    end
  end
  -- runs of thousands: the count they start needs a unit after them
  local t = "1" .. string.rep(",000", 5000)
  for _, tail in ipairs{ "", " years old", "-year-old", " days-long", " people" } do
    local c = date._next(t .. tail, 1)
    assert(c == nil or c > #t, tail .. ": a candidate at " .. tostring(c))
  end
end)

test("a long list that ends in a date lets through only what dates", function()
  for _, shape in ipairs(SHAPES) do
    for _, tail in ipairs{ " May", " of May", " MAY 2021", " MAy", " days", " day ago", "th century", " Sept." } do
      local t = list(shape[2], shape[3], 20000, "5" .. tail)
      local nodes, misses = date._parse(t)
      eq(misses, 0, shape[1] .. " + 5" .. tail)
      assert(#nodes >= 1, shape[1] .. " + 5" .. tail)
    end
  end
  for _, tail in ipairs{ " days", "-day", " years ago", " days later" } do
    local nodes, misses = date._parse("1" .. string.rep(",000", 5000) .. tail)
    eq({ #nodes, misses }, { 1, 0 }, tail)
  end
end)

test("the gate lets through what the full walk dates, on lists", function()
  -- texts of the items and separators above, with the other items of the
  -- lists and their tails, against the walk without sift.cdate's gate
  -- (small: that walk reads a list from each day)
  local items = { "1", "12", "3rd", "21st", "1-2", "3-4-5", "6/7", "6/9/2021", "6-9-21", "1.2.2021", "2021",
    "1992-94", "1,000", "1,000,000", "1,00012", "5 may", "5 May", "5 Mayx", "5 MAY", "5 of May", "5 days",
    "5-day-old", "5 years old", "5 days-long", "5 century", "5th-century", "x" }
  local seps = { ", ", ",", " and ", ", and ", " to ", "-", " - ", "\226\128\147", " ", "/", ".", ". " }
  local tails = { "", " May", " may", " days", " years old", " 2021", " century" }
  local function pick(l) return l[math.random(#l)] end
  math.randomseed(3)
  for _ = 1, 2000 do
    local parts = {}
    for i = 1, math.random(1, 10) do parts[2 * i - 1], parts[2 * i] = pick(items), pick(seps) end
    parts[#parts + 1] = pick(items) .. pick(tails)
    local t = table.concat(parts)
    eq(date._parse(t), date._scanner:match(t), t)
  end
end)

-- the days of text, one record each
local function records(t)
  local rs = date.scan(t, ANCHOR)
  local n = 0
  for _, r in ipairs(rs) do
    if r.kind == "date" and r.precision == "day" then n = n + 1 end
  end
  return #rs, n
end

test("long lists give the records of their items", function()
  -- 200 KB each: reading the list from each day would take minutes
  local ranges = function(i) return day(i) .. "-" .. day(i + 3) end
  eq(#date.scan(list(ranges, ", ", 200000, "5 may"), ANCHOR), 0)
  eq(#date.scan(list(day, " to ", 200000, "5th"), ANCHOR), 0)
  eq(#date.scan("1" .. string.rep(",000", 50000) .. " years old", ANCHOR), 0)
  -- a list that ends in a month: every day of it is a day of that month
  local t = list(ranges, ", ", 200000, "5 May")
  local all, days = records(t)
  local want = select(2, string.gsub(t, "%d+", ""))
  eq({ all, days }, { want, want })
  local rs = date.scan(t, ANCHOR)
  eq({ rs[1].text, rs[1].value, rs[#rs].text, rs[#rs].value }, { "2", "2021-05-02", "5 May", "2021-05-05" })
  -- lists of dates, years and year ranges: one record an item, or two a range
  local months = { "May", "June", "July" }
  eq(#date.scan(list(function(i) return day(i) .. " " .. months[i % 3 + 1] end, ", ", 200000, ""), ANCHOR),
    select(2, string.gsub(list(function(i) return day(i) .. " " .. months[i % 3 + 1] end, ", ", 200000, ""),
      "%d+", "")))
  t = list(function(i) return tostring(1950 + i % 70) end, ", ", 200000, "")
  eq(#date.scan(t, ANCHOR), select(2, string.gsub(t, "%d+", "")))
  t = list(function(i) return (1950 + i % 49) .. "-" .. (1951 + i % 49) end, ", ", 200000, "")
  eq(#date.scan(t, ANCHOR), select(2, string.gsub(t, "%d+", "")))
end)
