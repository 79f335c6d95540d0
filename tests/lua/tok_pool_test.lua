-- sift.tok.tokenize keeps its scratch block between calls (in an upvalue)
-- and takes it while a call runs. These check that what a call gives does
-- not depend on the calls before it: texts of very different sizes in turn
-- (the block grows, is kept, and is dropped for a smaller one after a large
-- text), and a call made while another runs (a sentence whose fields are
-- read through __index tokenizes another text meanwhile).
local cue = require "sift.grammar.cue"

local hotset = cue.compile().hot

-- A text of about n bytes with sentences, times and quantities over it.
local function sample(n, seed)
  local words = { "Fighters", "took", "the", "pass", "on", "6", "September,", "killing", "40", "said",
    "a", "spokesman", "in", "control", "of", "Kell", "\"We", "won,\"", "he", "said.", "3,000", "were", "killed." }
  local parts, len, x = {}, 0, seed
  while len < n do
    x = (x * 1103515245 + 12345) % 2147483648
    local wd = words[x % #words + 1]
    parts[#parts + 1] = wd
    len = len + #wd + 1
  end
  local text = table.concat(parts, " ")
  local sents, times, quants = {}, {}, {}
  local pos = 1
  while pos <= #text do
    local e = math.min(#text, pos + 60 + pos % 37)
    sents[#sents + 1] = { s = pos, e = e, kind = "sentence" }
    times[#times + 1] = { s = pos + 3, e = pos + 9, kind = pos % 3 == 0 and "duration" or "date" }
    quants[#quants + 1] = { s = pos + 12, e = pos + 14 }
    pos = e + 1
  end
  return text, sents, times, quants
end

-- What tokenize gives, against the definitions (tokenize_lua, map_lua).
local function check(text, sents, times, quants, label)
  local got = table.pack(cue.tokenize(text, hotset, sents, times, quants))
  local want = table.pack(cue.tokenize_lua(text, hotset))
  local n, ts, hot = want[1], want[2], want[7]
  local D = setmetatable({ n = n, ts = ts, hot = hot, text = text }, cue.Doc)
  local maps = table.pack(cue.map_lua(D, sents, times, quants))
  for i = 1, maps.n do want[8 + i] = maps[i] end
  want.n = 8 + maps.n
  eq(got, want, label)
end

test("tok pool: texts of very different sizes in turn give what the definitions give", function()
  local sizes = { 10, 2000, 600000, 50, 3000000, 0, 700, 1500000, 5 }
  for i, n in ipairs(sizes) do
    local text, sents, times, quants = sample(n, i)
    check(text, sents, times, quants, ("text %d (%d bytes)"):format(i, #text))
    -- and without the lists
    eq(table.pack(cue.tokenize(text, hotset)), table.pack(cue.tokenize_lua(text, hotset)), "plain " .. i)
  end
end)

test("tok pool: a call made while another runs has its own block", function()
  -- (a block of room for both is left by a larger text first; the other
  -- text is as long, so a shared block would have its arrays where ours are)
  check(sample(100000, 6))
  local text, sents, times, quants = sample(5000, 7)
  local other, osents, otimes, oquants = sample(5000, 8)
  -- each sentence's fields are read through __index, which tokenizes the other text
  local inner = 0
  local proxied = {}
  for i, s in ipairs(sents) do
    proxied[i] = setmetatable({}, { __index = function(_, key)
      inner = inner + 1
      local r = table.pack(cue.tokenize(other, hotset, osents, otimes, oquants))
      assert(r[1] > 0)
      return s[key]
    end })
  end
  local got = table.pack(cue.tokenize(text, hotset, proxied, times, quants))
  ok(inner > 0, "the inner calls ran")
  eq(got, table.pack(cue.tokenize(text, hotset, sents, times, quants)))
  check(text, sents, times, quants, "after")
  check(other, osents, otimes, oquants, "other after")
end)
