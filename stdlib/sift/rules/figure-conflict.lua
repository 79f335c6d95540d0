-- figure-conflict -- two origins give figures for the same thing that
-- cannot both be true: a distance, a population, an area (measure claims
-- about the same place, from the same place), or a casualty count (claims of
-- one cluster: same category, same people, compatible places, overlapping
-- days). Units are converted first, so 90 miles and 144 km agree and 120 km
-- does not.
local rule = require "sift.rule"
local places = require "sift.places"

local ipairs, tostring = ipairs, tostring
local string_format, table_concat, table_sort = string.format, table.concat, table.sort

local function overlap(a, b)
  local a1, a2 = a:bounds()
  local b1, b2 = b:bounds()
  return a1 <= b2 and b1 <= a2
end

-- How a figure reads in a message: its text, with its value in the base
-- unit when that differs ("about 90 miles (145 km)").
local function figure(c)
  local q = c.quantity
  if not q then return string_format("%g", c.value) end
  local v, unit = q:normalized()
  if v and unit ~= q.unit then return string_format("'%s' (%.0f %s)", q.text, v, unit) end
  return "'" .. q.text .. "'"
end

-- The measure claims about the same thing: same category, the same place
-- measured from (or none), subjects that are the same place or one inside
-- the other.
local function measures(corpus)
  local P = places.of(corpus)
  local subject = {}
  local function subj(c)
    if subject[c] == nil then
      local e = c.subject and corpus:entity(c.subject)
      subject[c] = e and e.id or false
    end
    return subject[c]
  end
  local out = {}
  local ms = corpus:claims{ kind = "measure", polarity = "affirm" }
    :where(function(c) return c.value ~= nil and subj(c) end)
  -- blocked by category, the place measured from and the subject's
  -- outermost place (compatible subjects share it)
  local blocks = ms:group_by(function(c)
    return table_concat({ c.category, c.location and c.location.id or 0, P:root(subj(c)) }, "\0")
  end)
  for _, c in ipairs(ms) do
    local g = {}
    for _, o in ipairs(blocks[table_concat({ c.category, c.location and c.location.id or 0, P:root(subj(c)) },
      "\0")]) do
      if o ~= c and P:compatible(subj(c), subj(o)) then g[#g + 1] = o end
    end
    out[c] = g
  end
  return ms, out
end

return rule.define {
  id = "figure-conflict",
  severity = "warning",
  summary = "Sources give figures for the same thing that cannot both be true",
  description = "A measure (distance, population, area) or a casualty count given by two origins with intervals "
    .. "that do not overlap once units are converted and each figure is read with its rounding (\"about 90 "
    .. "miles\" is 85 to 95 miles; \"more than 700\" is 701 and up). Casualty figures are compared within a "
    .. "cluster (claims:cluster()); an origin agrees with another when any of its figures overlaps any of the "
    .. "other's, so a part (\"including four children\") never conflicts with its whole.",
  tags = { "figure", "casualty", "measure" },
  check = function(corpus, report)
    local label = { civilian = "civilians" }
    for _, s in ipairs(corpus:sides()) do label[s.id] = s.label end
    -- The message names the first few other figures, the related
    -- locations the first five: a figure contradicted a thousand times
    -- needs no thousand-item message.
    local SHOWN, RELATED = 4, 5
    local function flag(c, others, what)
      local parts, seen, n = {}, {}, 0
      for _, o in ipairs(others) do
        local key = figure(o) .. "\0" .. o.doc.id
        if not seen[key] then
          seen[key] = true
          n = n + 1
          if n <= SHOWN then parts[#parts + 1] = string_format("%s in %s", figure(o), o.doc.id) end
        end
      end
      if n > SHOWN then parts[#parts + 1] = string_format("and %d more", n - SHOWN) end
      local related = others
      if #others > RELATED then related = table.move(others, 1, RELATED, 1, {}) end
      report(c.quantity or c, "%s: %s here vs %s", what, figure(c), table_concat(parts, ", "), { related = related })
    end
    -- measures: every figure against the others of different origin
    local ms, groups = measures(corpus)
    for _, c in ipairs(ms) do
      local others = {}
      for _, o in ipairs(groups[c]) do
        if o:origin() ~= c:origin() and not overlap(c, o) then others[#others + 1] = o end
      end
      if #others > 0 then
        local from = c.location and (" from " .. c.location.name) or ""
        flag(c, others, string_format("%s of %s%s", c.category, tostring(c.subject), from))
      end
    end
    -- casualty clusters: an origin against another whose figures all differ
    local clusters = corpus:claims{ kind = "casualty", polarity = "affirm" }
      :where(function(c) return c.value ~= nil and not c.vague end)
      :cluster()
    for _, g in ipairs(clusters) do
      local by, origins = {}, {}
      for _, c in ipairs(g) do
        local o = c:origin()
        if not by[o] then by[o] = {}; origins[#origins + 1] = o end
        by[o][#by[o] + 1] = c
      end
      table_sort(origins)
      for _, oa in ipairs(origins) do
        local others = {}
        for _, ob in ipairs(origins) do
          if ob ~= oa then
            local agree = false
            for _, a in ipairs(by[oa]) do
              for _, b in ipairs(by[ob]) do
                if overlap(a, b) then agree = true; break end
              end
              if agree then break end
            end
            if not agree then
              for _, b in ipairs(by[ob]) do others[#others + 1] = b end
            end
          end
        end
        if #others > 0 then
          table_sort(others, function(x, y) return x.id < y.id end)
          for _, c in ipairs(by[oa]) do
            flag(c, others, string_format("%s %s", label[c.subject_side] or c.subject_side or "people", c.category))
          end
        end
      end
    end
  end,
}
