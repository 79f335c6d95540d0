-- speaker.lua -- every claim one speaker makes, across all documents, in date
-- order: the outlet that carried it, where it sits (document:line:col), what
-- kind of claim it is, its figure, place and date, whether it is hedged or
-- denied, and its words. Name the speaker with `who`:
--
--   sift run -e 'who = "Zabihullah Mujahid"' scripts/speaker.lua corpus/panjshir-2021
--   sift run -e 'who = "Mujahid"' scripts/speaker.lua corpus/panjshir-2021
--
-- The name is resolved as corpus:entity does it, through aliases and every
-- spelling the corpus uses, so variants find the same person. A name that
-- matches no entity is an error (exit 3) that lists the entities sharing a
-- word with it. Set `side` instead to list every claim made on one side,
-- grouped by claimant (a side's id, label or alias):
--
--   sift run -e 'side = "nrf"' scripts/speaker.lua corpus/panjshir-2021
--
-- Claims are ordered by their document's published date (undated documents
-- last), then document, then position; `claim:explain()` tells more of one.
local who, side = rawget(_G, "who"), rawget(_G, "side")

if who and side then error("set either 'who' or 'side', not both") end
if not who and not side then
  error("set 'who' (a speaker) or 'side' first, e.g. sift run -e 'who = \"Name\"' scripts/speaker.lua CORPUS")
end
if type(who or side) ~= "string" then error(string.format("'%s' must be a string", who and "who" or "side")) end

-- ------------------------------------------------------------ text helpers

-- Width in code points (bytes when the text is not UTF-8).
local function width(s) return utf8.len(s) or #s end

-- s cut to n code points, "..." marking the cut.
local function cut(s, n)
  if width(s) <= n then return s end
  local stop = utf8.offset(s, n - 2)
  if not stop or not utf8.len(s) then return s:sub(1, n - 3) .. "..." end
  return s:sub(1, stop - 1) .. "..."
end

local function pad(s, n) return s .. string.rep(" ", n - width(s)) end

local function num(x) return x == x // 1 and string.format("%d", x) or string.format("%g", x) end

-- The figure as written, with the value it normalises to when the words do
-- not show it ("more than 700 (>=701)", "dozens (>=24)", "about 90 (~90)").
local function figure(c)
  local q = c.quantity
  if not q then return c.vague and "vague" or "" end
  local v, lo, hi = q.value, q.min, q.max
  local norm
  if lo and hi and lo ~= hi then norm = num(lo) .. "-" .. num(hi)
  elseif lo and not hi then norm = ">=" .. num(lo)
  elseif hi and not lo then norm = "<=" .. num(hi)
  elseif v then norm = (q.approx and "~" or "") .. num(v)
  elseif lo then norm = num(lo)
  else norm = "vague" end
  if q.unit and (v or lo or hi) then norm = norm .. " " .. q.unit end
  if norm == q.text then return q.text end
  return string.format("%s (%s)", q.text, norm)
end

local function when(c)
  local t = c.time
  if not t or not t.value then return "" end
  return t.value .. (t.mod and (" " .. t.mod:lower()) or "")
end

local function marks(c)
  local m = {}
  if c.hedged then m[#m + 1] = "hedged" end
  if c.polarity == "deny" then m[#m + 1] = "denied" end
  return table.concat(m, ",")
end

-- ------------------------------------------------------------ the table

local COLUMNS = {
  { "published", 10 }, { "source", 24 }, { "where", 30 }, { "claim", 22 }, { "figure", 26 },
  { "place", 20 }, { "date", 14 }, { "marks", 13 }, { "text", 70 },
}

local function row(c)
  local span = c.span
  return {
    c.doc.published or "-", c.source or c.doc.source or "-",
    string.format("%s:%d:%d", c.doc.id, span.line, span.col),
    c.kind .. (c.category and ("/" .. c.category) or ""), figure(c), c.place or "", when(c), marks(c),
    (c.text:gsub("%s+", " ")),
  }
end

local function bydate(a, b)
  local pa, pb = a.doc.published, b.doc.published
  if pa ~= pb then
    if not pa or not pb then return pa ~= nil end
    return pa < pb
  end
  if a.doc.id ~= b.doc.id then return a.doc.id < b.doc.id end
  if a.start ~= b.start then return a.start < b.start end
  return a.id < b.id
end

-- Column widths over every row to print, so groups line up with each other.
local function widths(rows)
  local w = {}
  for i, col in ipairs(COLUMNS) do w[i] = width(col[1]) end
  for _, r in ipairs(rows) do
    for i, col in ipairs(COLUMNS) do
      w[i] = math.max(w[i], math.min(width(r[i]), col[2]))
    end
  end
  return w
end

local function line(cells, w, indent)
  local out = {}
  for i = 1, #COLUMNS do
    local s = cut(cells[i], COLUMNS[i][2])
    out[i] = i < #COLUMNS and pad(s, w[i]) or s
  end
  print((indent .. table.concat(out, "  "):gsub("%s+$", "")))
end

local function header(w, indent)
  local names = {}
  for i, col in ipairs(COLUMNS) do names[i] = col[1] end
  line(names, w, indent)
end

local function plural(n, word) return string.format("%d %s%s", n, word, n == 1 and "" or "s") end

local function ndocs(claims)
  local seen, n = {}, 0
  for _, c in ipairs(claims) do
    if not seen[c.doc.id] then seen[c.doc.id] = true; n = n + 1 end
  end
  return n
end

-- "Name (kind, side)" with the side's label when the manifest declares it.
local labels = {}
for _, s in ipairs(corpus:sides()) do labels[s.id] = s.label end
local function describe(e)
  local label = e.side and labels[e.side]
  if label and sift.key(label) == sift.key(e.side) then label = nil end
  local s = e.side and (", " .. e.side .. (label and (": " .. label) or "")) or ", no side"
  return string.format("%s (%s%s)", e.name, e.kind or "?", s)
end

local function spellings(e)
  local parts = {}
  for _, s in ipairs(e:spellings()) do
    parts[#parts + 1] = string.format("%s (%s)", s.text, plural(#s.docs, "doc"))
  end
  return table.concat(parts, ", ")
end

-- ------------------------------------------------------------ one speaker

-- The entities that share a word with name: by name, alias or spelling.
local function candidates(name)
  local words = {}
  for w in name:gmatch("[^%s%p]+") do
    if width(w) >= 3 then words[sift.key(w)] = true end
  end
  local found = {}
  for _, e in ipairs(corpus:entities()) do
    local names = { e.name }
    for _, a in ipairs(e.aliases or {}) do names[#names + 1] = a end
    for _, s in ipairs(e:spellings()) do names[#names + 1] = s.text end
    local hit = false
    for _, n in ipairs(names) do
      for w in n:gmatch("[^%s%p]+") do
        if words[sift.key(w)] then hit = true end
      end
    end
    if hit then
      found[#found + 1] = string.format("'%s' (%s%s)", e.name, e.kind or "?", e.side and (", " .. e.side) or "")
    end
  end
  return found
end

local function speaker(name)
  local e = corpus:entity(name)
  if not e then
    local near, more = candidates(name), ""
    if #near > 10 then
      more = string.format(" and %d more", #near - 10)
      near = table.move(near, 1, 10, 1, {})
    end
    error(string.format("no entity named '%s' in corpus %s (%s)", name, corpus.name or "?",
      #near > 0 and ("close candidates: " .. table.concat(near, ", ") .. more) or "no entity shares a word with it"))
  end
  local claims = e:claims()
  table.sort(claims, bydate)
  print(describe(e))
  if e.aliases and #e.aliases > 0 then print("  aliases:   " .. table.concat(e.aliases, ", ")) end
  local sp = spellings(e)
  if sp ~= "" then print("  spellings: " .. sp) end
  print(string.format("%s in %s", plural(#claims, "claim"), plural(ndocs(claims), "document")))
  if #claims == 0 then return end
  local rows = {}
  for i, c in ipairs(claims) do rows[i] = row(c) end
  local w = widths(rows)
  print("")
  header(w, "")
  for _, r in ipairs(rows) do line(r, w, "") end
end

-- ------------------------------------------------------------ one side

-- The declared side a name means: its id, label or one of its aliases.
local function findside(name)
  local key = sift.key(name)
  local sides = corpus:sides()
  for _, s in ipairs(sides) do
    if s.id == name then return s end
  end
  for _, s in ipairs(sides) do
    if sift.key(s.id) == key or (s.label and sift.key(s.label) == key) then return s end
    for _, a in ipairs(s.aliases or {}) do
      if sift.key(a) == key then return s end
    end
  end
  local ids = {}
  for _, s in ipairs(sides) do ids[#ids + 1] = s.id end
  error(string.format("no side '%s' in corpus %s (%s)", name, corpus.name or "?",
    #ids > 0 and ("expected one of: " .. table.concat(ids, ", ")) or "the manifest declares no sides"))
end

local function bysidegroups(s)
  local claims = corpus:claims{ claimant_side = s.id }
  table.sort(claims, bydate)
  local entities = {}
  for _, e in ipairs(corpus:entities()) do entities[e.id] = e end
  -- One group per claimant entity; claimants no entity resolves go by their words.
  local groups, order = {}, {}
  for _, c in ipairs(claims) do
    local e = c.claimant_entity and entities[c.claimant_entity]
    local key = e and ("entity " .. e.id) or ("text " .. (c.claimant or ""))
    local g = groups[key]
    if not g then
      g = { entity = e, name = e and e.name or c.claimant or "(unnamed)", claims = {} }
      groups[key] = g
      order[#order + 1] = g
    end
    g.claims[#g.claims + 1] = c
  end
  table.sort(order, function(a, b)
    if #a.claims ~= #b.claims then return #a.claims > #b.claims end
    return a.name < b.name
  end)
  return claims, order
end

local function byside(name)
  local s = findside(name)
  local claims, groups = bysidegroups(s)
  print(string.format("side %s%s: %s by %s in %s", s.id, s.label and s.label ~= s.id and (" (" .. s.label .. ")") or "",
    plural(#claims, "claim"), plural(#groups, "claimant"), plural(ndocs(claims), "document")))
  if #claims == 0 then return end
  local rows, all = {}, {}
  for _, g in ipairs(groups) do
    rows[g] = {}
    for i, c in ipairs(g.claims) do
      rows[g][i] = row(c)
      all[#all + 1] = rows[g][i]
    end
  end
  local w = widths(all)
  for _, g in ipairs(groups) do
    print("")
    local about = g.entity and describe(g.entity) or string.format("\"%s\" (as written; no entity)", g.name)
    print(string.format("%s: %s", about, plural(#g.claims, "claim")))
    if g.entity then
      local sp = spellings(g.entity)
      if sp ~= "" then print("  spellings: " .. sp) end
    end
    header(w, "  ")
    for _, r in ipairs(rows[g]) do line(r, w, "  ") end
  end
end

if who then speaker(who) else byside(side) end
