-- sift.tok.tokenize keeps the strings of the words it has seen in a cache
-- between calls (by their bytes, with each word's hot value read once per
-- call). These check that what a call gives does not depend on the calls
-- before it: the same words under hot sets that change between calls (a
-- word hot, then not, then hot only before some words), words too long to
-- keep, more distinct words than the cache holds (it fills, takes no more,
-- and is emptied at the next call), and a call made while another runs.
local cue = require "sift.grammar.cue"

local hotset = cue.compile().hot

local function same(text, hot, label)
  eq(table.pack(cue.tokenize(text, hot)), table.pack(cue.tokenize_lua(text, hot)), label)
end

test("tok cache: the same words under hot sets that change between calls", function()
  local text = "The spokesman said the Taliban took Kell. Zarëk’s men SAID “the town fell”; said the 1,000 said."
  local sets = {
    hotset, {}, { said = true }, { said = { the = true } }, { said = false, the = { spokesman = true } },
    { said = { taliban = true }, the = true }, nil, { said = true, took = { kell = true } }, hotset,
  }
  for round = 1, 3 do
    for i = 1, #sets + 1 do
      same(text, sets[i], ("round %d, set %d"):format(round, i))
    end
  end
  -- one table changed between calls (same identity, other values)
  local set = { said = true }
  same(text, set, "before the change")
  set.said, set.the = { taliban = true }, true
  same(text, set, "after the change")
  set.the = nil
  same(text, set, "after the second change")
end)

test("tok cache: words longer than kept, of every kind", function()
  local long = string.rep("Ab", 20)
  local text = table.concat({ long, long:lower(), "12" .. string.rep("3", 30), "Zarëk" .. long,
    string.rep("é", 13), string.rep("é", 12), string.rep("x", 24), string.rep("x", 25), long }, " ")
  for _ = 1, 3 do
    same(text, { [long:lower()] = true, [string.rep("x", 24)] = true }, "long words")
  end
end)

test("tok cache: more distinct words than the cache holds, call after call", function()
  -- 20,000 distinct words over several calls, with words seen before in between
  local parts = {}
  for i = 1, 20000 do
    parts[#parts + 1] = ("W%dq Said%d %d the"):format(i, i % 7, i)
  end
  local hot = { the = true, said1 = { the = true }, said3 = true }
  for c = 0, 9 do
    local text = table.concat(parts, " ", c * 2000 + 1, c * 2000 + 2000)
    same(text, hot, "slice " .. c)
    same("the Said1 the Said3 w1q", hot, "short after slice " .. c)
  end
  same(table.concat(parts, " "), hot, "all at once")
  same(table.concat(parts, " ", 1, 50), hot, "the first words again")
end)

test("tok cache: a call made while another runs", function()
  local text = "Fighters said the town fell. The spokesman said 40 were killed."
  local other = "Other words said in another text: the spokesman denied it, Zarëk said."
  local sents = { { s = 1, e = 28, kind = "sentence" }, { s = 30, e = #text, kind = "sentence" } }
  local osents = { { s = 1, e = #other, kind = "sentence" } }
  local inner = 0
  local proxied = {}
  for i, s in ipairs(sents) do
    proxied[i] = setmetatable({}, { __index = function(_, key)
      inner = inner + 1
      cue.tokenize(other, { said = { ["in"] = true }, the = true }, osents, {}, {})
      return s[key]
    end })
  end
  local got = table.pack(cue.tokenize(text, hotset, proxied, {}, {}))
  ok(inner > 0, "the inner calls ran")
  eq(got, table.pack(cue.tokenize(text, hotset, sents, {}, {})))
  same(text, hotset, "text after")
  same(other, hotset, "other after")
end)

test("tok cache: punctuation of no fixed string kept beside words and numbers", function()
  -- the punctuation tokens' strings come from the cache too: the same bytes
  -- give the same token whatever came before, beside words that fold
  local text = table.concat({ "(said)", "said,", "40%", "$40", "a&b", "€5", "§ 3", "10°C", "2×3", "--", "?!",
    "said;", "[the]", "{x}", "#1", "@said", "said...", "…", "ÉTÉ, été", "Ünal: ünal", "--" .. string.rep("-", 30),
    "*" .. string.rep("+", 25), "said" }, " ")
  local sets = { hotset, { said = { [","] = true, [";"] = true } }, { ["("] = true, said = true }, {} }
  for round = 1, 3 do
    for i = 1, #sets do
      same(text, sets[i], ("round %d, set %d"):format(round, i))
      same(text:upper(), sets[i], ("upper, round %d, set %d"):format(round, i))
    end
  end
end)
