-- control-conflict -- who holds a place: claims that different sides hold
-- or took the same place at the same time, where both cannot be true. A
-- claim to a whole place ("we control the entire province", "the Taliban
-- took Bazarak") contradicts any claim of the other side to that place or a
-- place inside it; two partial claims ("60% of the province", "all
-- districts except Bazarak and Rokha") contradict each other only when
-- their shares add up to more than the whole.
local rule = require "sift.rule"
local places = require "sift.places"

local ipairs, tonumber = ipairs, tonumber
local string_lower, table_concat, table_sort = string.lower, table.concat, table.sort

-- Extents that still claim the whole place.
local function whole(extent)
  if not extent then return true end
  local e = string_lower(extent)
  return e == "all" or e == "entire" or e == "whole" or e:match("^every%s+district") ~= nil
    or e:match("^all%s+districts?$") ~= nil or e:match("^all%s+of") ~= nil
end

-- The share of a place a partial extent names ("60%", "70 percent"), or nil.
local function share(extent)
  if not extent then return nil end
  local n = extent:match("^(%d+)%s*%%") or extent:match("^(%d+)%s+per%s*cent")
  return n and tonumber(n)
end

-- The first contradicting claims go with a finding as related locations;
-- the message counts them all.
local RELATED = 5
local function first(list, n)
  if #list <= n then return list end
  return table.move(list, 1, n, 1, {})
end

local function overlapdays(a, b)
  local a1, a2 = a:days()
  local b1, b2 = b:days()
  if not a1 or not b1 then return true end
  return a1 <= b2 + 1 and b1 <= a2 + 1
end

local function contradicts(P, a, b)
  if a.holder_side == b.holder_side then return false end
  -- one speaker in one document telling a change of hands ("it captured
  -- Ostreva, the last town held by the separatists") does not contradict
  -- itself
  if a.doc == b.doc and a.claimant == b.claimant then return false end
  local pa, pb = a.location.id, b.location.id
  if not P:compatible(pa, pb) or not overlapdays(a, b) then return false end
  local wa, wb = whole(a.extent), whole(b.extent)
  if wa and P:within(pb, pa) then return true end
  if wb and P:within(pa, pb) then return true end
  local sa, sb = share(a.extent), share(b.extent)
  return pa == pb and sa ~= nil and sb ~= nil and sa + sb > 100
end

return rule.define {
  id = "control-conflict",
  severity = "warning",
  summary = "Sides claim control of the same place at the same time",
  description = "A control claim (who holds or took a place) contradicted by a claim that another side holds or "
    .. "took the same place, a place inside it, or the place it lies in, on overlapping days (an undated claim "
    .. "stands for the week before its publication). A claim to the whole place contradicts any claim of the "
    .. "other side to it or to a place inside it; partial claims conflict only when their shares exceed the "
    .. "whole. Places are read through sift.places: \"the province\" is the province the text is about.",
  tags = { "control", "sides" },
  check = function(corpus, report)
    local P = places.of(corpus)
    local label = {}
    for _, s in ipairs(corpus:sides()) do label[s.id] = s.label end
    local claims = corpus:claims{ kind = "control", polarity = "affirm" }
      :where(function(c) return c.holder_side ~= nil and c.location end)
    -- places one inside the other share their outermost place: block by it
    local blocks = claims:group_by(function(c) return P:root(c.location.id) end)
    for _, c in ipairs(claims) do
      local others, docs, seen = {}, {}, {}
      for _, o in ipairs(blocks[P:root(c.location.id)]) do
        if o ~= c and contradicts(P, c, o) then
          others[#others + 1] = o
          if not seen[o.doc.id] then seen[o.doc.id] = true; docs[#docs + 1] = o.doc.id end
        end
      end
      if #others > 0 then
        local sides, sseen = {}, {}
        for _, o in ipairs(others) do
          local s = label[o.holder_side] or o.holder_side
          if not sseen[s] then sseen[s] = true; sides[#sides + 1] = s end
        end
        table_sort(sides)
        local shown = {}
        for i = 1, math.min(3, #docs) do shown[i] = docs[i] end
        report(c, "%s %s %s%s; contradicted by %s in %d document(s): %s%s",
          label[c.holder_side] or c.holder_side, c.category or "holds", c.location.name,
          c.extent and (" (" .. c.extent .. ")") or "", table_concat(sides, ", "), #docs,
          table_concat(shown, ", "), #docs > 3 and ", ..." or "", { related = first(others, RELATED) })
      end
    end
  end,
}
