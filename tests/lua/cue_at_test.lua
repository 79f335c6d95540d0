-- cue.at walks the word trie that cue.index builds with each list; it
-- gives what cue.at_lua (the definition: the list, longest first) gives,
-- at every token and for every last token, for phrases that share first
-- words, end inside longer ones, repeat (two texts of the same words: the
-- first of the list wins) or have false values.
local cue = require "sift.grammar.cue"

local function words(text)
  local n, _, _, w = cue.tokenize(text)
  return w, n
end

local function same(idx, text, label)
  local w, n = words(text)
  for i = 1, n + 1 do
    for last = i - 2, n + 2 do
      eq(table.pack(cue.at(w, i, last, idx)), table.pack(cue.at_lua(w, i, last, idx)),
        ("%s: at %d, last %d"):format(label, i, last))
    end
  end
end

test("cue.at: the trie gives what the lists give", function()
  local idx = cue.index{
    ["in control of"] = "control", ["in"] = "in", ["in full control of"] = "full", ["control"] = false,
    ["took control"] = { "took" }, ["took"] = true, ["the Army"] = "army", ["the army"] = "army2",
    ["the Army of the South"] = "south", ["of the"] = 1, ["of"] = 2,
  }
  local texts = {
    "They took control of the town and were in full control of the army of the South.",
    "in control of the Army of the south in in full control control of",
    "the Army of the South", "in full", "", "took", "of the the army",
  }
  for k, text in ipairs(texts) do same(idx, text, "text " .. k) end
  local list = cue.index{ "according to", "according to the", "in a statement", "in a" }
  same(list, "according to the statement, in a statement, according to", "a list of phrases")
end)

test("cue.at: a repeated phrase gives the first of its list", function()
  local idx = cue.index{ ["Free Army"] = "a", ["free army"] = "b", ["FREE ARMY"] = "c" }
  local w = words("the free army")
  local l = idx.free
  eq(#l, 3)
  eq(select(2, cue.at(w, 2, 3, idx)), l[1].v)
  eq(table.pack(cue.at(w, 2, 3, idx)), table.pack(cue.at_lua(w, 2, 3, idx)))
  eq(cue.at(w, 2, 2, idx), nil)
end)
