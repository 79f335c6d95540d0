-- sift.grammar.unit's trie: a phrase, then its pattern; an open trie
-- consumes a word that is no phrase (or whose pattern fails) whole. Chains
-- of letters with no phrase ending in them are built as one sequence;
-- these check that a word leaving such a chain anywhere is read as before.
local lpeg = require "lpeg"
local unit = require "sift.grammar.unit"

local Cc, Cp = lpeg.Cc, lpeg.Cp
local MAP = { considerable = Cc"C", consider = Cc"D", con = Cc"N", ["more than"] = Cc"M", ["a few"] = Cc"F",
  kmh = Cc"K", ["km/h"] = Cc"H" }

local function run(p, s)
  local r = { lpeg.match(p * Cp(), s) }
  return table.concat(r, " ")
end

test("an open trie reads a phrase, or consumes the word", function()
  local open = unit.trie(MAP, nil, true)
  local cases = {
    { "considerable x", "C 13" }, { "CONSIDERABLE", "C 13" }, { "consider x", "D 9" }, { "con", "N 4" },
    { "considerate", "12" }, { "conside", "8" }, { "considerables", "14" }, { "cons1der x", "9" },
    { "cont", "5" }, { "consid\195\169r", "10" }, { "consider-x", "D 9" }, { "more than 5", "M 10" },
    { "more  than", "M 11" }, { "more thin", "5" }, { "more", "5" }, { "moreover", "9" }, { "mor", "4" },
    { "a few", "F 6" }, { "a fed", "2" }, { "kmh", "K 4" }, { "km/h", "H 5" }, { "kmx", "4" }, { "km", "3" },
    { "xyz", "4" },
  }
  for _, c in ipairs(cases) do eq(run(open, c[1]), c[2], c[1]) end
end)

test("a closed trie reads a phrase or fails", function()
  local closed = unit.trie(MAP)
  local cases = { { "considerable", "C 13" }, { "considerate", "" }, { "conside", "" }, { "consider", "D 9" },
    { "more than", "M 10" }, { "more", "" }, { "kmh", "K 4" }, { "km", "" }, { "Km/H", "H 5" } }
  for _, c in ipairs(cases) do eq(run(closed, c[1]), c[2], c[1]) end
end)
