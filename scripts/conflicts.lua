-- conflicts.lua -- the questions the stock rules answer, written out as a
-- plain script an analyst can read, copy and bend: which figures only one
-- party gives, which events sources date differently, which figures
-- disagree, and who claims to hold which place. Each section uses the Lua
-- API the stock rules use (claim sets, clusters, places) and prints a short
-- readable report instead of findings; `sift check` runs the real rules,
-- with every case they handle (docs/rules/ explains each).
--
--   sift run scripts/conflicts.lua corpus/panjshir-2021
--   sift run -e 'only = "dates"' scripts/conflicts.lua corpus/varkesia-2023
--
-- `only` picks one section: "one-sided", "dates", "figures", "control".
local places = require("sift.places").of(corpus)
local only = rawget(_G, "only")

local label = { civilian = "civilians" }
for _, s in ipairs(corpus:sides()) do label[s.id] = s.label end
local function side(id) return id and (label[id] or id) or "narration" end

local function where(c)
  local sp = c.doc:span(c.start, c.start)
  return string.format("%s:%d", c.doc.id, sp.line)
end

local function heading(title)
  print(title)
  print(string.rep("-", #title))
end

-- Do two claims' figures overlap, read with their rounding (claim:bounds())?
local function agree(a, b)
  local a1, a2 = a:bounds()
  local b1, b2 = b:bounds()
  return a1 <= b2 and b1 <= a2
end

-- 1. Figures only one party gives: in each cluster of casualty claims (same
-- category, same people, compatible places and days), a figure whose
-- claimants all stand on one side.
local function onesided()
  heading("Casualty figures only one side gives")
  local clusters = corpus:claims{ kind = "casualty", polarity = "affirm" }
    :where(function(c) return c.value ~= nil end)
    :cluster()
  for _, g in ipairs(clusters) do
    local sides = g:sides()
    if #sides == 1 then
      local c = g[1]
      local figures = {}
      for _, x in ipairs(g) do figures[#figures + 1] = x.quantity and x.quantity.text or tostring(x.value) end
      print(string.format("  %s %s: %s, only from %s (%d report%s, first at %s)", side(c.subject_side),
        c.category, table.concat(figures, " / "), side(sides[1]), #g, #g == 1 and "" or "s", where(c)))
    end
  end
  print()
end

-- 2. Events sources date differently: events of one kind at places one
-- inside the other, whose dates cannot be the same day but lie within a
-- month. (The stock rule also keeps to events that happen once, such as a
-- capture: fighting on two days is two events.)
local function dates()
  heading("Events dated differently by different sources")
  local events = corpus:claims{ kind = "event", polarity = "affirm" }
    :where(function(c) return c.time and c.time.earliest and c.location end)
  local by = events:group_by("category")
  local cats = {}
  for k in pairs(by) do cats[#cats + 1] = k end
  table.sort(cats)
  for _, cat in ipairs(cats) do
    local g = by[cat]
    for i, a in ipairs(g) do
      for j = i + 1, #g do
        local b = g[j]
        -- dates a month apart or more are two events, not one misdated
        local a1, a2 = a:days()
        local b1, b2 = b:days()
        local near = b1 - a2 < 31 and a1 - b2 < 31
        if a.source ~= b.source and places:compatible(a.location.id, b.location.id)
          and a.time:overlaps(b.time) == false and near then
          print(string.format("  %s: %s %s (%s, %s) vs %s %s (%s, %s)", cat, a.location.name, a.time.value,
            a.source, where(a), b.location.name, b.time.value, b.source, where(b)))
        end
      end
    end
  end
  print()
end

-- 3. Figures that disagree: measures about the same place from the same
-- place, compared after unit conversion.
local function figures()
  heading("Measures that disagree")
  local ms = corpus:claims{ kind = "measure" }:where(function(c) return c.value and c.subject end)
  for i, a in ipairs(ms) do
    for j = i + 1, #ms do
      local b = ms[j]
      local sa, sb = corpus:entity(a.subject), corpus:entity(b.subject)
      local same = sa and sb and places:compatible(sa.id, sb.id) and a.category == b.category
        and (a.location and a.location.id) == (b.location and b.location.id)
      if same and a.source ~= b.source and not agree(a, b) then
        print(string.format("  %s of %s: %s (%s) vs %s (%s)", a.category, a.subject, a.quantity.text, a.source,
          b.quantity.text, b.source))
      end
    end
  end
  print()
end

-- 4. Who claims to hold which place: the control claims per place, by the
-- side said to hold it, with the place each place lies in.
local function control()
  heading("Who holds what, by place")
  local claims = corpus:claims{ kind = "control", polarity = "affirm" }
    :where(function(c) return c.location and c.holder_side end)
  local byplace = claims:group_by(function(c) return c.location.name end)
  local names = {}
  for k in pairs(byplace) do names[#names + 1] = k end
  table.sort(names)
  for _, name in ipairs(names) do
    local g = byplace[name]
    print("  " .. places:path(g[1].location.id))
    local byholder = g:group_by("holder_side")
    local holders = {}
    for k in pairs(byholder) do holders[#holders + 1] = k end
    table.sort(holders)
    for _, h in ipairs(holders) do
      local docs = byholder[h]:group_by(function(c) return c.doc.id end)
      local ids = {}
      for k in pairs(docs) do ids[#ids + 1] = k end
      table.sort(ids)
      print(string.format("    %-28s %d claim(s) in %s", side(h), #byholder[h], table.concat(ids, ", ")))
    end
    if #holders > 1 then print("    -> contested") end
  end
  print()
end

local SECTIONS = { ["one-sided"] = onesided, dates = dates, figures = figures, control = control }
if only then
  local f = SECTIONS[only]
  if not f then error("unknown section '" .. tostring(only) .. "' (one-sided, dates, figures, control)", 0) end
  f()
else
  onesided()
  dates()
  figures()
  control()
end
