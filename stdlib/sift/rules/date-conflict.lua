-- date-conflict -- sources date the same event differently: two reports of
-- an event that happens once to a place (its capture, a withdrawal from it)
-- give dates that cannot be the same day. Event dates only, never the
-- dates the reports were published.
local rule = require "sift.rule"
local places = require "sift.places"

local ipairs, pairs = ipairs, pairs
local string_format, table_concat, table_sort = string.format, table.concat, table.sort

-- Events that happen once to a place or a person in one campaign: two dates
-- for one of them are a conflict. Fighting, shelling and attacks recur, so
-- different days are different events. The stock extractor reads "fell" and
-- "liberated" as capture and "assassinated" as killing; the other names
-- serve extractors of a script or manifest. Extend this table in a copy of
-- the rule for other event kinds.
local ONCE = {
  capture = true, fall = true, withdrawal = true, killing = true, death = true, assassination = true,
  surrender = true, agreement = true, revocation = true, ceasefire = true, liberation = true,
}

-- Reports this many days apart or more are about different events.
local HORIZON = 31

-- The first other reports go with a finding as related locations; the
-- message lists every date.
local RELATED = 5

-- Events with named subjects (who was killed, who withdrew) are one event
-- only when the subjects are the same entity or the same words.
local function samesubject(corpus, a, b)
  if not a.subject or not b.subject then return true end
  local ea, eb = corpus:entity(a.subject), corpus:entity(b.subject)
  if ea and eb then return ea == eb end
  return a.subject == b.subject
end

local function dated(c)
  local t = c.time
  return t and t.kind ~= "duration" and t.earliest and t.latest and c.location and true or false
end

return rule.define {
  id = "date-conflict",
  severity = "warning",
  summary = "Sources give different dates for the same event",
  description = "Two sources report an event that happens once (a capture, a withdrawal, a killing) at the same "
    .. "place, or at places one inside the other, with dates that cannot be the same day. Event dates are "
    .. "compared, never publication dates; dates of any precision compare by their first and last day.",
  tags = { "event", "time" },
  check = function(corpus, report)
    local P = places.of(corpus)
    local events = corpus:claims{ kind = "event", polarity = "affirm" }
      :where(function(c) return ONCE[c.category] and dated(c) end)
    -- one category, places one inside the other (sharing their outermost place)
    local by = events:group_by(function(c) return c.category .. "\0" .. P:root(c.location.id) end)
    local cats = {}
    for k in pairs(by) do cats[#cats + 1] = k end
    table_sort(cats)
    for _, key in ipairs(cats) do
      local g = by[key]
      local cat = g[1].category
      for _, c in ipairs(g) do
        local lo, hi = c:days()
        local others = {}
        for _, o in ipairs(g) do
          if o ~= c and o:outlet() ~= c:outlet() and P:compatible(c.location.id, o.location.id)
            and samesubject(corpus, c, o) then
            local olo, ohi = o:days()
            local apart = ohi < lo or hi < olo
            local near = olo - hi < HORIZON and lo - ohi < HORIZON
            if apart and near then others[#others + 1] = o end
          end
        end
        if #others > 0 then
          -- each other date with its sources, in date order
          local dates, seen = {}, {}
          for _, o in ipairs(others) do
            local v = o.time.value
            if not seen[v] then
              seen[v] = { value = v, sources = {}, docs = {}, places = {}, first = o:days() }
              dates[#dates + 1] = seen[v]
            end
            local d = seen[v]
            if not d.docs[o.doc.id] then
              d.docs[o.doc.id] = true
              d.sources[#d.sources + 1] = string_format("%s, %s", o.source or "?", o.doc.id)
            end
            if o.location.id ~= c.location.id then d.places[o.location.name] = true end
          end
          table_sort(dates, function(a, b)
            if a.first ~= b.first then return a.first < b.first end
            return a.value < b.value
          end)
          local parts = {}
          for _, d in ipairs(dates) do
            local pl = {}
            for name in pairs(d.places) do pl[#pl + 1] = name end
            table_sort(pl)
            parts[#parts + 1] = string_format("%s by %s%s", d.value, table_concat(d.sources, "; "),
              #pl > 0 and (" (of " .. table_concat(pl, ", ") .. ")") or "")
          end
          report(c.time, "%s of %s dated %s here, %s", cat, c.location.name, c.time.value, table_concat(parts, "; "),
            { related = #others > RELATED and table.move(others, 1, RELATED, 1, {}) or others })
        end
      end
    end
  end,
}
