-- sift.claims -- entities and claims for Lua: corpus:entities{...},
-- corpus:entity(name), entity:mentions(), entity:spellings(),
-- entity:claims{...}, corpus:claims{...} and doc:claims{...} returning claim
-- sets (lists with where, group_by, sides, sources, sort), claim:explain().
-- Records come from the store (runtime/extract.c); this module is policy.
local core = require "sift.core"
local list = require "sift.list"
local daynum = require("sift.time").daynum
local places = require "sift.places"

local type, ipairs, pairs, error, tostring = type, ipairs, pairs, error, tostring
local setmetatable = setmetatable
local string_format, table_sort, table_concat = string.format, table.sort, table.concat

local methods = core._methods

-- ------------------------------------------------------------ entities

local Entity = {}
local entity_mt = { __index = Entity, __name = "sift.entity" }
function entity_mt.__tostring(e)
  return string_format("entity %s (%s%s)", e.name, e.kind or "?", e.side and (", " .. e.side) or "")
end

-- The corpus's entities with their mentions, built once per corpus.
local cache = setmetatable({}, { __mode = "k" })
local function index(corpus)
  local c = cache[corpus]
  if c then return c end
  c = { entities = {}, mentions = {} }
  for i, e in ipairs(corpus:_entities()) do
    e.corpus = corpus
    c.entities[i] = setmetatable(e, entity_mt)
    c.mentions[i] = list.new()
  end
  for _, doc in ipairs(corpus:documents()) do
    for _, m in ipairs(doc:_mentions()) do
      if m.entity and c.mentions[m.entity] then
        local ms = c.mentions[m.entity]
        ms[#ms + 1] = m
      end
    end
  end
  cache[corpus] = c
  return c
end

-- The corpus's sides by id ({id, label, party, ...}), read once.
local sidecache = setmetatable({}, { __mode = "k" })
local function sideinfo(corpus)
  local t = sidecache[corpus]
  if not t then
    t = {}
    for _, s in ipairs(corpus:sides()) do t[s.id] = s end
    sidecache[corpus] = t
  end
  return t
end

-- entity:mentions() -- every mention, in corpus order ({doc, start, stop, text, why, ...}).
function Entity:mentions() return index(self.corpus).mentions[self.id] end

-- entity:spellings() -- each spelling with the documents that used it, most used first.
function Entity:spellings()
  local by, out = {}, list.new()
  for _, m in ipairs(self:mentions()) do
    local s = by[m.text]
    if not s then
      s = { text = m.text, docs = {}, n = 0, seen = {} }
      by[m.text] = s
      out[#out + 1] = s
    end
    s.n = s.n + 1
    if not s.seen[m.doc.id] then
      s.seen[m.doc.id] = true
      s.docs[#s.docs + 1] = m.doc.id
    end
  end
  for _, s in ipairs(out) do s.seen = nil end
  table_sort(out, function(a, b) if a.n ~= b.n then return a.n > b.n end return a.text < b.text end)
  return out
end

-- entity:claims{...} -- the claims it makes (as claimant), filtered as corpus:claims.
function Entity:claims(filter)
  filter = filter or {}
  filter.entity = self
  return self.corpus:claims(filter)
end

-- ------------------------------------------------------------ claims

-- A document's quantities or times, built once per corpus and document.
local reccache = setmetatable({}, { __mode = "k" })
local function records(doc, k)
  local bycorpus = reccache[doc.corpus]
  if not bycorpus then
    bycorpus = {}
    reccache[doc.corpus] = bycorpus
  end
  local key = doc.id .. "\0" .. k
  local r = bycorpus[key]
  if not r then
    r = k == "quantity" and doc:quantities() or doc:times()
    bycorpus[key] = r
  end
  return r
end

local Claim = {}
local claim_mt = { __index = function(c, k)
  local m = Claim[k]
  if m then return m end
  if k == "span" then return c.doc:span(c.start, c.stop) end
  if k == "quantity" or k == "time" then
    -- doc:quantities() and doc:times() build their lists on each call:
    -- read them once per document and keep the record on the claim
    local i = c[k .. "_index"]
    if not i then return nil end
    local r = records(c.doc, k)[i]
    rawset(c, k, r)
    return r
  end
  if k == "location" or k == "location_why" then
    -- the entity of the claim's place, "the town" read as the town meant
    local id, why = places.of(c.doc.corpus):resolve(c)
    local e = id and index(c.doc.corpus).entities[id]
    rawset(c, "location", e or false)
    rawset(c, "location_why", why)
    return rawget(c, k)
  end
  return nil
end, __name = "sift.claim" }

local function num(x) return x and (x == x // 1 and string_format("%d", x) or string_format("%g", x)) or "?" end

function claim_mt.__tostring(c)
  local fig = c.value and num(c.value) or (c.vague and "vague" or "")
  if c.min and c.min ~= c.value then fig = fig .. " (min " .. num(c.min) .. ")" end
  local who = c.claimant and (c.claimant .. (c.claimant_side and (" (" .. c.claimant_side .. ")") or ""))
    or "narration"
  local sp = c.doc:span(c.start, c.start)
  local what
  if c.kind == "control" then
    what = string_format("%s %s %s", c.holder_side or "?", c.category or "?", c.place or "?")
  elseif c.kind == "event" then
    what = string_format("%s %s %s", c.category or "?", c.place or "?", c.time and c.time.value or "undated")
  else
    what = string_format("%s %s%s", c.category or "?", fig, c.subject_side and (" " .. c.subject_side)
      or c.subject and (" " .. c.subject) or "")
  end
  return string_format("claim %d %s %s, by %s [%s:%d:%d]", c.id, c.kind, what, who, c.doc.id, sp.line, sp.col)
end

-- claim:explain() -- why the claim reads as it does, one fact a line.
function Claim:explain()
  local lines = { tostring(self), "  text: " .. self.text }
  local function add(k, v) if v ~= nil then lines[#lines + 1] = string_format("  %s: %s", k, tostring(v)) end end
  add("figure", self.quantity and self.quantity.text)
  add("date", self.time and tostring(self.time))
  add("subject", self.subject)
  add("subject side", self.subject_side)
  add("claimant", self.claimant)
  add("claimant side", self.claimant_side)
  add("cue", self.cue)
  local loc = self.location
  if loc and self.place ~= loc.name then
    add("place", string_format("%s -> %s (%s)", tostring(self.place), loc.name, self.location_why))
  else
    add("place", self.place)
  end
  add("hedged", self.hedged or nil)
  add("polarity", self.polarity ~= "affirm" and self.polarity or nil)
  add("source", self.source)
  return table_concat(lines, "\n")
end

-- claim:days() -- the days the claim can be about, as day numbers (days
-- since 1970-01-01): its own date's bounds; for an undated claim, the week
-- up to its document's publication (a total "so far", a state "now"); nil,
-- nil when neither is known.
local REPORTING_WINDOW = 7
function Claim:days()
  local t = self.time
  if t and t.earliest and t.kind ~= "duration" then return daynum(t.earliest), daynum(t.latest) end
  local pub = self.doc.published and daynum(self.doc.published)
  if pub then return pub - REPORTING_WINDOW, pub end
  return nil, nil
end

-- Half the place value of a figure's last non-zero digit: how far a round
-- figure reaches (120 -> 5, 144 -> 0.5, 15,000 -> 500).
local function rounding(v)
  v = math.abs(v)
  if v == 0 then return 0 end
  if v ~= v // 1 then return 0.05 end
  local u = 1
  while v % (u * 10) == 0 and u < 1e12 do u = u * 10 end
  return u / 2
end

-- claim:bounds() -- the interval the claim's figure stands for, in the base
-- unit of its dimension (miles as km), for comparing figures: a stated
-- figure reaches to its rounding (90 miles is 85 to 95 miles), an
-- approximate one at least 5% ("about 15,000" is 14,250 to 15,750), a bound is kept exact
-- ("more than 700" is 701 and up). nil for a figure without any number.
function Claim:bounds()
  local v, lo, hi = self.value, self.min, self.max
  if v == nil and lo == nil and hi == nil then return nil end
  local q = self.quantity
  local f = 1
  local nv = q and q.value and q.value ~= 0 and q:normalized()
  if nv then f = nv / q.value end
  if v == nil or (lo ~= nil and lo ~= v) or (hi ~= nil and hi ~= v) or (lo == nil) ~= (hi == nil) then
    -- a bound ("more than 700", "at least 1,000", "up to 50") is exact
    return (lo or (hi == nil and v) or -math.huge) * f, (hi or (lo == nil and v) or math.huge) * f
  end
  local slack = rounding(v)
  if q and q.approx then slack = math.max(slack, 0.05 * math.abs(v)) end
  return (v - slack) * f, (v + slack) * f
end

-- The corpus's outlets by normalisation key: the documents' sources and the
-- outlets they are based on, except the parties.
local outletcache = setmetatable({}, { __mode = "k" })
local function outlets(corpus)
  local t = outletcache[corpus]
  if not t then
    t = {}
    -- a party publishing its own statements is no outlet
    local party = {}
    for _, sd in ipairs(corpus:sides()) do
      party[core.key(sd.label or sd.id)] = true
      for _, a in ipairs(sd.aliases or {}) do party[core.key(a)] = true end
    end
    for _, d in ipairs(corpus:documents()) do
      local meta = d.meta
      local based = type(meta) == "table" and type(meta.based_on) == "table" and meta.based_on.outlet
      for _, name in ipairs({ based or false, d.source or false }) do
        if name and not party[core.key(name)] then t[core.key(name)] = name end
      end
    end
    outletcache[corpus] = t
  end
  return t
end

-- claim:origin() -- where the claim comes from, for counting independent
-- reports: a party's claim comes from the party, however many outlets carry
-- it; a claim attributed to an outlet of the corpus ("according to CNN")
-- from that outlet; any other from the outlet the document is based on (a
-- wire copy is its agency's report), else the document's source.
function Claim:origin()
  local side = self.claimant_side
  if side then
    local s = sideinfo(self.doc.corpus)[side]
    if s and s.party then return side end
  end
  return self:outlet()
end

-- claim:outlet() -- the outlet whose report the claim is: the one it is
-- attributed to when that is an outlet of the corpus ("according to CNN"),
-- else the outlet its document is based on (a wire copy is its agency's
-- report), else the document's source.
function Claim:outlet()
  local quoted = self.claimant and outlets(self.doc.corpus)[core.key(self.claimant)]
  if quoted then return quoted end
  local meta = self.doc.meta
  local based = type(meta) == "table" and type(meta.based_on) == "table" and meta.based_on.outlet
  return based or self.source or self.doc.id
end

-- ------------------------------------------------------------ claim sets

local Set = setmetatable({}, { __index = list.methods })
local set_mt = { __index = Set, __name = "sift.claims" }
local function newset(t) return setmetatable(t or {}, set_mt) end

local FILTERS = { kind = true, category = true, claimant_side = true, subject_side = true, doc = true,
  entity = true, after = true, before = true, source = true, hedged = true, polarity = true }

local function matches(c, f)
  for k, v in pairs(f) do
    if not FILTERS[k] then
      local names = {}
      for n in pairs(FILTERS) do names[#names + 1] = n end
      table_sort(names)
      error(string_format("unknown filter '%s' (expected one of: %s)", tostring(k), table_concat(names, ", ")), 4)
    end
    if k == "doc" then
      if c.doc.id ~= (type(v) == "string" and v or v.id) then return false end
    elseif k == "entity" then
      local id = type(v) == "table" and v.id or v
      if c.claimant_entity ~= id then return false end
    elseif k == "after" or k == "before" then
      local t = c.time
      if not t or not t.earliest then return false end
      if k == "after" and t.latest < v then return false end
      if k == "before" and t.earliest > v then return false end
    elseif c[k] ~= v then
      return false
    end
  end
  return true
end

-- set:where{field = value, ...} or set:where(fn) -- the claims that match.
function Set:where(f)
  local out = newset()
  for _, c in ipairs(self) do
    if (type(f) == "function" and f(c)) or (type(f) == "table" and matches(c, f)) then out[#out + 1] = c end
  end
  return out
end

-- set:group_by(field or fn) -- {key = set, ...} (claims without a key go under "").
function Set:group_by(k)
  local out = {}
  for _, c in ipairs(self) do
    local key = type(k) == "function" and k(c) or c[k]
    if key == nil then key = "" end
    out[key] = out[key] or newset()
    local g = out[key]
    g[#g + 1] = c
  end
  return out
end

local function distinct(self, field)
  local seen, out = {}, list.new()
  for _, c in ipairs(self) do
    local v = c[field]
    if v ~= nil and not seen[v] then seen[v] = true; out[#out + 1] = v end
  end
  table_sort(out)
  return out
end

-- set:sides() -- the claimant sides present; set:sources() -- the outlets.
function Set:sides() return distinct(self, "claimant_side") end
function Set:sources() return distinct(self, "source") end

-- set:cluster{window =} -- the claims grouped by the event or figure they
-- are about: same kind and category, the same people counted (subject
-- side), compatible places (the same, one inside the other, or unknown) and
-- days that overlap within `window` days (default 1). An undated claim
-- stands for the week up to its publication (claim:days()), so a campaign
-- total stays comparable with other totals of that week. Blocked by kind,
-- category and subject, then swept in date order: n log n plus the pairs
-- that overlap. One figure a document gives twice (headline and story) is
-- one event. Returns a list of claim sets in corpus order.
function Set:cluster(opts)
  local window = opts and opts.window or 1
  local n = #self
  local up = {}
  for i = 1, n do up[i] = i end
  local function find(i)
    while up[i] ~= i do
      up[i] = up[up[i]]
      i = up[i]
    end
    return i
  end
  local blocks, order = {}, {}
  for i, c in ipairs(self) do
    local key = (c.kind or "") .. "\0" .. (c.category or "") .. "\0" .. (c.subject_side or "")
    if not blocks[key] then blocks[key] = {}; order[#order + 1] = key end
    local lo, hi = c:days()
    local b = blocks[key]
    b[#b + 1] = { i = i, lo = lo or -math.huge, hi = hi or math.huge, c = c }
  end
  local P
  for _, key in ipairs(order) do
    local b = blocks[key]
    table_sort(b, function(x, y) if x.lo ~= y.lo then return x.lo < y.lo end return x.i < y.i end)
    -- Swept in order of first day, the claims still open when x starts all
    -- overlap each other, so those of one place are one cluster already:
    -- x needs one representative per place, the one open longest.
    local open, places_open = {}, {}
    for _, x in ipairs(b) do
      local px = x.c.location
      local kx = px and px.id or 0
      local keep = {}
      for _, k in ipairs(places_open) do
        local y = open[k]
        if y.hi + window >= x.lo then
          keep[#keep + 1] = k
          local py = y.c.location
          P = P or places.of(x.c.doc.corpus)
          if not px or not py or P:compatible(px.id, py.id) then
            local a, r = find(x.i), find(y.i)
            if a ~= r then up[a > r and a or r] = a < r and a or r end
          end
        else
          open[k] = nil
        end
      end
      places_open = keep
      local y = open[kx]
      if not y then
        open[kx] = x
        places_open[#places_open + 1] = kx
      elseif x.hi > y.hi then
        open[kx] = x
      end
    end
  end
  -- a document that gives one figure twice (the headline and the story)
  -- gives it for one event, whatever dates surround each
  local same = {}
  for i, c in ipairs(self) do
    if c.value ~= nil then
      local key = table_concat({ c.doc.id, c.kind or "", c.category or "", c.subject_side or "",
        tostring(c.value), tostring(c.min), tostring(c.max) }, "\0")
      if same[key] then
        local a, r = find(i), find(same[key])
        if a ~= r then up[a > r and a or r] = a < r and a or r end
      else
        same[key] = i
      end
    end
  end
  local groups, out = {}, list.new()
  for i, c in ipairs(self) do
    local r = find(i)
    if not groups[r] then
      groups[r] = newset()
      out[#out + 1] = groups[r]
    end
    local g = groups[r]
    g[#g + 1] = c
  end
  return out
end

-- corpus:claims{...} -- every claim (filters: kind, category, claimant_side,
-- subject_side, doc, entity, after, before, source, hedged, polarity).
methods("sift.corpus").claims = function(corpus, filter)
  local out = newset()
  for _, doc in ipairs(corpus:documents()) do
    for _, c in ipairs(doc:_claims()) do
      c.doc = doc
      setmetatable(c, claim_mt)
      if not filter or matches(c, filter) then out[#out + 1] = c end
    end
  end
  return out
end

methods("sift.doc").claims = function(doc, filter)
  filter = filter or {}
  filter.doc = doc
  return doc.corpus:claims(filter)
end

-- corpus:entities{kind =, side =} -- the entities, in first-mention order.
methods("sift.corpus").entities = function(corpus, filter)
  local out = list.new()
  for _, e in ipairs(index(corpus).entities) do
    local f = filter or {}
    if (f.kind == nil or e.kind == f.kind) and (f.side == nil or e.side == f.side) then
      out[#out + 1] = e
    end
  end
  return out
end

-- corpus:entity(name) -- the entity a name refers to: by its name, an alias
-- or any spelling the corpus uses, compared through normalisation keys.
methods("sift.corpus").entity = function(corpus, name)
  if type(name) ~= "string" then error("bad argument #1 to 'entity' (string expected)", 2) end
  local c = index(corpus)
  local keys = c.keys
  if not keys then
    -- first by name, then by alias, then by any spelling: the first entity wins each key
    keys = {}
    for _, e in ipairs(c.entities) do
      local k = core.key(e.name)
      if keys[k] == nil then keys[k] = e end
    end
    for _, e in ipairs(c.entities) do
      for _, a in ipairs(e.aliases or {}) do
        local k = core.key(a)
        if keys[k] == nil then keys[k] = e end
      end
    end
    for _, e in ipairs(c.entities) do
      for _, m in ipairs(c.mentions[e.id]) do
        local k = core.key(m.text)
        if keys[k] == nil then keys[k] = e end
      end
    end
    c.keys = keys
  end
  return keys[core.key(name)]
end

return { Claim = Claim, Entity = Entity, Set = Set }
