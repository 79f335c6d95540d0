-- single-source -- a claim only one origin carries, which that origin does
-- not vouch for itself ("reportedly", "could not be independently
-- verified", "according to relatives"). Wire copies and an outlet quoting
-- another are one origin (claim:origin()); a party's claims are the
-- business of one-sided-casualty, so only independent reporting is checked.
local rule = require "sift.rule"

local ipairs = ipairs
local string_format = string.format

local function figure(c)
  if c.quantity then return "'" .. c.quantity.text .. "'" end
  if c.value then return string_format("%g", c.value) end
  return nil
end

return rule.define {
  id = "single-source",
  severity = "note",
  summary = "Unverified claim carried by one origin only",
  description = "A hedged claim (reportedly, unconfirmed, citing unnamed people) that no other origin carries: "
    .. "nothing else in its cluster (same kind, category, people, place and days) comes from another outlet or "
    .. "party. Copies of one wire report, and an outlet quoting another, count as one origin. Claims of a "
    .. "party are left to one-sided-casualty.",
  tags = { "sources", "verification" },
  check = function(corpus, report)
    local party = {}
    for _, s in ipairs(corpus:sides()) do party[s.id] = s.party end
    local all = corpus:claims{ polarity = "affirm" }
      :where(function(c) return c.kind ~= "casualty" or c.value ~= nil end)
    for _, g in ipairs(all:cluster()) do
      local origin, one = g[1]:origin(), true
      for _, c in ipairs(g) do
        if c:origin() ~= origin then one = false; break end
      end
      -- reported once, where a reader first meets the claim (a headline
      -- that states it flatly counts: the story's hedge covers it)
      local hedged
      for _, c in ipairs(g) do
        if c.hedged then hedged = c; break end
      end
      local c = g[1]
      if one and hedged and not (c.claimant_side and party[c.claimant_side]) then
        local fig = figure(c)
        local what, place
        if c.kind == "casualty" then
          what, place = string_format("%s %s", fig, c.category), c.location and (" in " .. c.location.name) or ""
        else
          what = string_format("%s %s", c.kind, c.category or "")
          place = (c.location and (" of " .. c.location.name) or "") .. (c.time and (" on " .. c.time.value) or "")
        end
        report(c.quantity or c, "%s%s is carried by %s alone%s, which does not vouch for it", what, place,
          origin, hedged.claimant and (" (citing " .. hedged.claimant .. ")") or "",
          { related = hedged ~= c and { hedged } or nil })
      end
    end
  end,
}
