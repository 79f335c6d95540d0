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
local string_match, string_gmatch, string_lower, string_find = string.match, string.gmatch, string.lower,
  string.find

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
        local m = M.modifier(a)
        if m then
          if of[m] == nil then order[#order + 1] = m end
          of[m] = (of[m] == nil or of[m] == sd.id) and sd.id or false
        end
      end
    end
  end
  local out = {}
  for _, m in ipairs(order) do
    if of[m] then
      for _, h in ipairs(M.heads) do
        out[#out + 1] = { text = m .. " " .. h, side = of[m] }
        out[#out + 1] = { text = m .. "'s " .. h, side = of[m] }
      end
      for _, h in ipairs(M.inheads) do out[#out + 1] = { text = h .. " in " .. m, side = of[m] } end
    end
  end
  return out
end

return M
