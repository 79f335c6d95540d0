-- one-sided-casualty -- a casualty figure that only one party gives: no
-- claimant on another side (the other party, an observer, the outlet's own
-- reporting) gives a figure that overlaps it for the same category and the
-- same people counted.
local rule = require "sift.rule"

local ipairs = ipairs
local string_format = string.format

-- Could two figures be the same amount? (claim:bounds(): "more than 700" is
-- 701 and up, a round figure reaches to its rounding)
local function overlap(a, b)
  local a1, a2 = a:bounds()
  local b1, b2 = b:bounds()
  return a1 <= b2 and b1 <= a2
end

return rule.define {
  id = "one-sided-casualty",
  severity = "warning",
  summary = "Casualty figure reported by only one party",
  description = "A party's casualty figure (killed, wounded, captured, ...) that no claimant on another side "
    .. "confirms with an overlapping figure for the same category and the same people. A party that admits "
    .. "its own losses gets a note instead of a warning. Vague figures (\"heavy losses\") are not checked.",
  tags = { "casualty", "sides" },
  check = function(corpus, report)
    local label, party = {}, {}
    for _, s in ipairs(corpus:sides()) do
      label[s.id] = s.label
      party[s.id] = s.party
    end
    label.civilian = "civilians"
    -- affirmed casualty figures, blocked by category and whose people they count
    local groups = corpus:claims{ kind = "casualty", polarity = "affirm" }
      :where(function(c) return c.value ~= nil end)
      :group_by(function(c) return c.category .. "\0" .. (c.subject_side or "") end)
    local keys = {}
    for k in pairs(groups) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local g = groups[k]
      for _, c in ipairs(g) do
        if c.claimant_side and party[c.claimant_side] then
          local confirmed = false
          for _, o in ipairs(g) do
            if o.claimant_side ~= c.claimant_side and overlap(c, o) then confirmed = true; break end
          end
          if not confirmed then
            local own = c.subject_side == c.claimant_side
            local target = c.quantity or c
            report(target, "%s figure %s (%s) reported only by %s", c.category,
              c.quantity and c.quantity.text or string_format("%g", c.value),
              label[c.subject_side] or c.subject_side or "unknown side",
              label[c.claimant_side] or c.claimant_side,
              { severity = own and "note" or "warning" })
          end
        end
      end
    end
  end,
}
