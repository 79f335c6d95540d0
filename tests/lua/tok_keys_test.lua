-- sift.tok.tokenize's word cache keys a word by its bytes read a machine
-- word at a time (zero after the word's length; read straight from the text
-- where 24 bytes follow the word's start, else copied). These check that
-- words of every length up to and past the longest kept, alike in their
-- first bytes and differing after them, at the text's end and inside it,
-- give what cue.tokenize_lua gives, call after call.
local cue = require "sift.grammar.cue"

local function same(text, hot, label)
  eq(table.pack(cue.tokenize(text, hot)), table.pack(cue.tokenize_lua(text, hot)), label)
end

test("tok keys: words of every length, alike before their last bytes", function()
  local words = {}
  for n = 1, 27 do
    local base = string.rep("Ab", 14):sub(1, n)
    words[#words + 1] = base
    words[#words + 1] = base:sub(1, n - 1) .. "z"
    words[#words + 1] = base:lower()
    words[#words + 1] = string.rep("7", n)
  end
  local hot = {}
  for i, wd in ipairs(words) do
    if i % 3 == 0 then hot[wd:lower()] = true end
  end
  for round = 1, 2 do
    for i, wd in ipairs(words) do
      -- alone (no room after it), last after others, first before others
      same(wd, hot, ("round %d, word %d alone"):format(round, i))
      same("said " .. wd, hot, ("round %d, word %d last"):format(round, i))
      same(wd .. " " .. string.rep("x ", 14) .. wd, hot, ("round %d, word %d first"):format(round, i))
    end
    same(table.concat(words, " "), hot, ("round %d, all"):format(round))
  end
end)

test("tok keys: hyphened words kept and read again", function()
  -- (the second and later calls read whether a word holds a hyphen from the cache)
  local text = "al-Mardini said al-mardini and Al-Mardini met al-Mardini; well-known al-Mardini, ab-Cd"
  local sents = { { s = 1, e = #text, kind = "sentence" } }
  for round = 1, 3 do
    local D = cue.analyse({ text = text, sentences = sents })
    for t = 1, D.n do eq(D.nw[t] == true, D._nameword(D, t), ("round %d, token %d"):format(round, t)) end
  end
end)
