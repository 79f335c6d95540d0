-- sift.claims -- entities and claims for Lua: corpus:entities{...},
-- corpus:entity(name), entity:mentions(), entity:spellings(),
-- entity:claims{...}, corpus:claims{...} and doc:claims{...} returning claim
-- sets (lists with where, group_by, sides, sources, sort), claim:explain().
-- Records come from the store (runtime/extract.c); this module is policy.
local core = require "sift.core"
local list = require "sift.list"

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

local Claim = {}
local claim_mt = { __index = function(c, k)
  local m = Claim[k]
  if m then return m end
  if k == "span" then return c.doc:span(c.start, c.stop) end
  if k == "quantity" then return c.quantity_index and c.doc:quantities()[c.quantity_index] end
  if k == "time" then return c.time_index and c.doc:times()[c.time_index] end
  return nil
end, __name = "sift.claim" }

local function num(x) return x and (x == x // 1 and string_format("%d", x) or string_format("%g", x)) or "?" end

function claim_mt.__tostring(c)
  local fig = c.value and num(c.value) or (c.vague and "vague" or "")
  if c.min and c.min ~= c.value then fig = fig .. " (min " .. num(c.min) .. ")" end
  local who = c.claimant and (c.claimant .. (c.claimant_side and (" (" .. c.claimant_side .. ")") or ""))
    or "narration"
  local sp = c.doc:span(c.start, c.start)
  return string_format("claim %d %s%s %s%s, by %s [%s:%d:%d]", c.id, c.kind,
    c.category and (" " .. c.category) or "", fig, c.subject_side and (" " .. c.subject_side) or "",
    who, c.doc.id, sp.line, sp.col)
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
  add("place", self.place)
  add("hedged", self.hedged or nil)
  add("polarity", self.polarity ~= "affirm" and self.polarity or nil)
  add("source", self.source)
  return table_concat(lines, "\n")
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
  local key = core.key(name)
  local c = index(corpus)
  for _, e in ipairs(c.entities) do
    if core.key(e.name) == key then return e end
  end
  for _, e in ipairs(c.entities) do
    for _, a in ipairs(e.aliases or {}) do
      if core.key(a) == key then return e end
    end
    for _, m in ipairs(c.mentions[e.id]) do
      if core.key(m.text) == key then return e end
    end
  end
  return nil
end

return { Claim = Claim, Entity = Entity, Set = Set }
