-- sift.grammar.sidewords -- the proper words that name a side. A side
-- alias made of one capitalised word and words of an armed force or a
-- state ("Karabakh forces", "Sudanese army", "Azerbaijani armed forces")
-- gives that word: written before the words of a side's people and bodies
-- ("Karabakh officials", "the Azerbaijani Defence Ministry", "Armenian
-- soldiers", but not "Armenian civilians") it names the side too. Used by
-- sift.grammar.cue (speakers' sides) and sift.grammar.name (people's
-- sides), so both read one list.
--
--   local sidewords = require "sift.grammar.sidewords"
--   for _, p in ipairs(sidewords.phrases(sides)) do print(p.text, p.side) end
--
-- The word lists are data; a script may extend them before a corpus is
-- read.
local type, ipairs = type, ipairs
local string_match, string_gmatch, string_lower, string_find, string_sub = string.match, string.gmatch,
  string.lower, string.find, string.sub

local _ENV = nil -- luacheck: ignore 211 (from here on no global is read or written)

local M = {}

-- Words after the proper word that make an alias a force or a state.
M.forcewords = { forces = true, force = true, army = true, armed = true, military = true, troops = true,
  government = true, authorities = true, defence = true, defense = true, side = true, units = true,
  command = true }

-- The words of a side's people and bodies the proper word names.
M.heads = { "officials", "official", "authorities", "government", "leader", "leaders", "leadership",
  "forces", "troops", "army", "military", "soldiers", "soldier", "servicemen", "fighters", "units", "command",
  "ministry", "side", "commander", "commanders", "president", "spokesman", "spokeswoman", "spokesperson",
  "officers", "police", "defence ministry", "defense ministry", "ministry of defence", "ministry of defense",
  "foreign ministry", "interior ministry", "armed forces", "security forces", "prime minister",
  "defence minister", "defense minister", "foreign minister", "military command", "general staff" }

-- The words of a side's bodies the proper word names after them ("the
-- authorities in Karabakh").
M.inheads = { "authorities", "officials", "government", "leadership", "forces", "troops" }

-- modifier(alias) -> the proper word of an alias of that shape
-- ("Karabakh forces": "Karabakh"), or nil.
function M.modifier(alias)
  if type(alias) ~= "string" then return nil end
  local first, rest = string_match(alias, "^(%u%S*)%s+(.+)$")
  if not first or string_find(first, "'", 1, true) then return nil end
  for x in string_gmatch(rest, "%S+") do
    if not M.forcewords[string_lower(x)] then return nil end
  end
  return first
end

-- adjective(alias) -> the lower-case word of an alias made of it and
-- force words ("federal forces": "federal"; "rebel forces": "rebel"), or
-- nil: not a force word itself ("armed forces"), nor a determiner.
M.determiners = { the = true, a = true, an = true, our = true, their = true, its = true, his = true, her = true,
  all = true, some = true, other = true, enemy = true }
function M.adjective(alias)
  if type(alias) ~= "string" then return nil end
  local first, rest = string_match(alias, "^(%l[%l%-]*)%s+(.+)$")
  if not first or M.forcewords[first] or M.determiners[first] then return nil end
  for x in string_gmatch(rest, "%S+") do
    if not M.forcewords[string_lower(x)] then return nil end
  end
  return first
end

-- vote(of, order, w, side): w is side's, unless another side has it too
-- (of[w] false); order keeps the words in the order first met.
local function vote(of, order, w, side)
  if of[w] == nil then order[#order + 1] = w end
  of[w] = (of[w] == nil or of[w] == side) and side or false
end

-- phrases(sides) -> {{text = "Karabakh officials", side = id}, ...}: each
-- proper word (of the aliases of one side only; in the order of the sides
-- and their aliases) with each head word, also in the possessive
-- ("Karabakh's forces"), and after the words of M.inheads ("officials in
-- Karabakh").
function M.phrases(sides)
  local of, order = {}, {}
  for _, sd in ipairs(sides or {}) do
    if type(sd) == "table" and sd.id then
      for _, a in ipairs(type(sd.aliases) == "table" and sd.aliases or {}) do
        local m = M.modifier(a) or M.adjective(a)
        if m then vote(of, order, m, sd.id) end
      end
    end
  end
  local out = {}
  for _, m in ipairs(order) do
    if of[m] then
      local proper = string_find(m, "^%u") ~= nil -- (an adjective has no possessive, no "officials in")
      for _, h in ipairs(M.heads) do
        out[#out + 1] = { text = m .. " " .. h, side = of[m] }
        if proper then out[#out + 1] = { text = m .. "'s " .. h, side = of[m] } end
      end
      if proper then
        for _, h in ipairs(M.inheads) do out[#out + 1] = { text = h .. " in " .. m, side = of[m] } end
      end
    end
  end
  return out
end

-- The name of a country its adjective may come from ("Ethiopian":
-- "Ethiopia"; "Sudanese": "Sudan"; "Azerbaijani": "Azerbaijan"; "Tigrayan":
-- "Tigray"), as candidates: one that is no word of the text never matches.
local function lands(m)
  local out = {}
  local function try(stem, suffix)
    if #stem >= 4 and string_sub(m, -#suffix) == suffix then out[#out + 1] = stem end
  end
  try(string_sub(m, 1, -2), "ian")
  try(string_sub(m, 1, -3), "yan")
  try(string_sub(m, 1, -4), "ese")
  try(string_sub(m, 1, -2), "i")
  return out
end

-- countries(sides) -> {{text = "Ethiopia", side = id}, ...}: the country
-- of each proper word (of one side only) a side's aliases give, when no
-- alias of another side is that word: "Ethiopia said" is the side whose
-- alias is "Ethiopian army".
function M.countries(sides)
  local of, order, named = {}, {}, {}
  for _, sd in ipairs(sides or {}) do
    if type(sd) == "table" and sd.id then
      for _, a in ipairs(type(sd.aliases) == "table" and sd.aliases or {}) do
        if type(a) == "string" then named[string_lower(a)] = named[string_lower(a)] or sd.id end
        local m = M.modifier(a)
        for _, c in ipairs(m and lands(m) or {}) do vote(of, order, c, sd.id) end
      end
    end
  end
  local out = {}
  for _, c in ipairs(order) do
    local n = named[string_lower(c)]
    if of[c] and (n == nil or n == of[c]) then out[#out + 1] = { text = c, side = of[c] } end
  end
  return out
end

return M
