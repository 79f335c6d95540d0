-- sift.scan's spans (runtime/scan.h): the number search records the runs of
-- a text that both searches skip alike, and the date search jumps over them
-- when it is given the same text. These check that the date search gives
-- the same candidates from every position with the spans as without them
-- (a copy of the text: another string, which the cache does not name), on
-- texts pieced from start words, words of neither set, digits, signs and
-- multi-byte letters (fixed seed), and that the grammars' records do not
-- depend on the order of the scans.
local scan = require "sift.scan"
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

-- a string equal to s that is another object (long strings are not interned)
local function copy(s) return string.sub(s .. "x", 1, -2) end

local NUMWORDS = { "about", "over", "a dozen", "one", "close to", "as many", "percent" }
local DATEWORDS = { "the same", "last", "in", "early", "today", "mid", "hours" }
local PIECES = { "the", "same", "over", "about", "close", "to", "in", "inside", "earlier", "lastly", "last",
  "early", "text", "words", "and", "of", "one", "dozen", "mid", "hours", "hours-long", "5", "12", "2021",
  "1990s", "5th", "September", "$3", "#4", "\n", "\n 7", "caf\195\169", "na\195\175ve", "\194\169",
  "\226\130\172", "\194\160", "x9", "abc123", "a-b", "e.g.", "(note)", ",", ".", ";", "--", "'s" }

local function texts()
  math.randomseed(5)
  local out = {}
  for _ = 1, 60 do
    local parts = {}
    for i = 1, math.random(20, 120) do
      parts[i] = PIECES[math.random(#PIECES)]
      if math.random(4) > 1 then parts[i] = parts[i] .. " " end
    end
    out[#out + 1] = table.concat(parts)
  end
  return out
end

-- the number search over text from pos on, jumping as a grammar's steps do
local function walknumbers(text, set, jumps)
  local pos = 1
  while true do
    local c = scan.number(text, pos, set)
    if not c then return end
    pos = c + (jumps and math.random(1, 12) or 1)
  end
end

test("the date search gives the same candidates with the number search's spans", function()
  local nset = scan.words(NUMWORDS, { "percent", "dozen" }, { need = { "over", "about", "close", "close to" },
    next = { "one" }, month = { "september" }, daymonth = { "september" } })
  local dset = scan.words(DATEWORDS, { "september", "of" }, { dash = { "hours" } })
  local checked = 0
  for k, text in ipairs(texts()) do
    local plain = copy(text)
    walknumbers(text, nset, k % 2 == 0)
    for pos = 1, #text + 1 do
      local a, b = scan.date(plain, pos, dset), scan.date(text, pos, dset)
      if a ~= b then
        error(string.format("text %d, position %d: %s without spans, %s with them", k, pos, tostring(a),
          tostring(b)))
      end
      checked = checked + 1
    end
    -- and the number search itself gives what it gives on the copy
    for pos = 1, #text + 1, 7 do
      eq(scan.number(text, pos, nset), scan.number(plain, pos, nset))
    end
  end
  ok(checked > 1000)
end)

test("the grammars' records do not depend on the order of the scans", function()
  local function show(list)
    local out = {}
    for _, r in ipairs(list) do out[#out + 1] = r.s .. ":" .. r.e .. ":" .. tostring(r.value) end
    return table.concat(out, " ")
  end
  local anchor = { value = "2021-09-07", kind = "published" }
  for _, text in ipairs(texts()) do
    local d0 = show(date.scan(copy(text), anchor))
    local n0 = show(number.scan(copy(text)))
    eq(show(number.scan(text)), n0)
    eq(show(date.scan(text, anchor)), d0)
    eq(show(date.scan(text, anchor)), d0)
  end
end)

test("a set made after the spans drops them", function()
  local nset = scan.words({ "about" })
  local text = string.rep("zebra quietly walks ", 8) .. "at 5"
  walknumbers(text, nset)
  local dset = scan.words({ "quietly" })
  eq(scan.date(text, 1, dset), 7)
  eq(scan.date(copy(text), 1, dset), 7)
end)
