-- sift.places -- what the corpus says about its places: what kind of place
-- each is (a settlement, a district, an area such as a province or a valley,
-- a country), which lies inside which, and which place a claim's "the town"
-- or "the province" refers to. Rules compare claims about the same place
-- through it: a capture of a town and a capture of its province are about
-- places one inside the other.
--
--   local places = require("sift.places").of(corpus)
--   places:resolve(claim)      -> entity id of the claim's place, or nil, and why
--   places:within(a, b)        -> is place a inside place b (or the same)?
--   places:compatible(a, b)    -> the same place or one inside the other
--   places:type(id)            -> "settlement" "district" "area" "country" "feature" or nil
--   places:parent(id)          -> the place it lies in, or nil
--   places:root(id)            -> the outermost place it lies in (blocking key)
--
-- Everything is read from the text and the manifest, never from a list of
-- places: the type from the words around a place's mentions ("Panjshir
-- province", "the provincial capital, Bazarak") and containment from the
-- phrases that state it ("Bazarak, the capital of Panjshir province",
-- "Afghanistan's Panjshir province", "its capital Bazarak", "Ostreva, Zarek
-- province", "Shotul district of Panjshir"). A manifest entity may state it
-- too: {"name": "Bazarak", "kind": "place", "in": "Panjshir"}.
local core = require "sift.core"

local ipairs, pairs, setmetatable = ipairs, pairs, setmetatable
local string_lower = string.lower

local M = {}
local Places = {}
Places.__index = Places

-- Words that say what kind of place a name is when they follow or end it.
local TYPE_WORDS = {
  province = "area", provinces = "area", region = "area", valley = "area", oblast = "area",
  governorate = "area", state = "area", county = "area", prefecture = "area", canton = "area",
  district = "district", municipality = "district", subdistrict = "district",
  city = "settlement", town = "settlement", village = "settlement",
  river = "feature", pass = "feature", street = "feature", road = "feature", mountain = "feature",
  mountains = "feature", bridge = "feature", lake = "feature", square = "feature",
}

-- Definite descriptions and the kind of place they point back to.
local DESCRIPTIONS = {
  city = "settlement", town = "settlement", village = "settlement", capital = "settlement",
  province = "area", region = "area", valley = "area", area = "area",
  district = "district", country = "country", pass = "feature", bridge = "feature", river = "feature",
}

-- Words a description may carry between "the" and its head.
local MODIFIERS = { whole = true, entire = true, same = true, last = true, provincial = true, northern = true,
  southern = true, eastern = true, western = true, central = true, small = true, nearby = true, besieged = true }

-- How strongly each kind of evidence types a place (later, stronger evidence wins).
local RANK = { word = 1, context = 2, name = 3 }

local function lastword(s) return s:match("(%a+)%W*$") end

-- The type a spelling states by its last word ("Panjshir Province" -> area).
local function nametype(text)
  local w = lastword(text)
  return w and TYPE_WORDS[string_lower(w)]
end

local function settype(self, id, t, rank)
  if not id or not t then return end
  local cur = self.rank[id]
  if not cur or rank > cur then
    self.types[id] = t
    self.rank[id] = rank
  end
end

-- Would making a lie inside b close a loop?
local function loops(self, a, b)
  local seen = 0
  while b and seen < 64 do
    if b == a then return true end
    b = self.parents[b]
    seen = seen + 1
  end
  return false
end

local function setparent(self, a, b, why)
  if not a or not b or a == b or self.parents[a] then return end
  if loops(self, a, b) then return end
  self.parents[a] = b
  self.because[a] = why
end

-- The kind a word right after a mention gives it ("Panjshir province").
local function wordafter(text, m)
  local w = string_lower(text:sub(m.stop + 1, m.stop + 20)):match("^%s+(%a+)")
  return w and TYPE_WORDS[w]
end

-- Is s the possessive between two names ("'s ", with a straight or curly
-- apostrophe)?
local function possessive(s)
  return s:match("^'s%s+$") ~= nil or s:match("^\u{2019}s%s+$") ~= nil
end

-- Strip wiki and HTML markup between two mentions, so "[[Bazarak]], the
-- capital of [[Panjshir Province]]" reads as plain words.
local function clean(s)
  return (s:gsub("%[%[", ""):gsub("%]%]", ""):gsub("'''?", ""):gsub("<[^>]*>", ""))
end

-- The place mentions of every document, in text order, with the bytes
-- between each and the next.
local function placementions(corpus, isplace)
  local bydoc = {}
  for _, doc in ipairs(corpus:documents()) do
    local ms = {}
    for _, m in ipairs(doc:_mentions()) do
      if m.entity and isplace[m.entity] then ms[#ms + 1] = m end
    end
    bydoc[doc.id] = ms
  end
  return bydoc
end

-- Read types and containment from one document's place mentions.
local function readdoc(self, doc, ms)
  local text = doc.text
  for i, m in ipairs(ms) do
    local id = m.entity
    settype(self, id, nametype(m.text), RANK.name)
    local after = clean(text:sub(m.stop + 1, m.stop + 60))
    local before = clean(text:sub(m.start > 60 and m.start - 60 or 1, m.start - 1))
    local la, lb = string_lower(after), string_lower(before)
    -- "X province", "X district"
    local w = la:match("^%s+(%a+)")
    if w and TYPE_WORDS[w] and TYPE_WORDS[w] ~= "settlement" then settype(self, id, TYPE_WORDS[w], RANK.word) end
    -- "the town of X", "the village of X"
    local of = lb:match("(%a+) of%s+$")
    if of and TYPE_WORDS[of] then settype(self, id, TYPE_WORDS[of], RANK.context) end
    -- "X, the capital of ...", "X is the capital of ...", "its capital X",
    -- "the provincial capital, X"
    local capital_after = la:match("^,?%s+is%s+the%s+capital") or la:match("^,%s+the%s+[%a%s]-capital")
      or la:match("^,%s+capital%s+of")
    local capital_before = lb:match("capital,?%s+$")
    if capital_after or capital_before then settype(self, id, "settlement", RANK.context) end
    local nxt, prev = ms[i + 1], ms[i - 1]
    local gap = nxt and string_lower(clean(text:sub(m.stop + 1, nxt.start - 1)))
    if nxt and nxt.entity ~= id and #gap <= 40 then
      local why = doc.id .. ": " .. text:sub(m.start, nxt.stop)
      if gap:match("^,?%s+is%s+the%s+[%a%s]-capital%s+of%s+$") or gap:match("^,%s+the%s+[%a%s]-capital%s+of%s+$")
        or gap:match("^,?%s+capital%s+of%s+$") or gap:match("^%s+in%s+$") or gap:match("^,%s+in%s+$")
        or gap:match("^%s+%a+%s+of%s+$") and TYPE_WORDS[gap:match("^%s+(%a+)")] == "district" then
        -- "A, the capital of B", "A in B", "A district of B"; the container
        -- may be the possessor of a further place ("the capital of
        -- Afghanistan's Panjshir province": B is the province)
        local nn = ms[i + 2]
        local g2 = nn and clean(text:sub(nxt.stop + 1, nn.start - 1))
        if g2 and possessive(g2) then
          setparent(self, id, nn.entity, why)
          setparent(self, nn.entity, nxt.entity, doc.id .. ": " .. text:sub(nxt.start, nn.stop))
        elseif gap:match("%s+in%s+$") then
          -- "A in B" says containment only when B is a larger kind of place
          self.pending[#self.pending + 1] = { id, nxt.entity, why }
        else
          setparent(self, id, nxt.entity, why)
        end
      elseif possessive(gap) then
        -- "Afghanistan's Panjshir province": the possessor contains the
        -- possessed when the possessed is named as a province or district
        local t = nametype(nxt.text) or wordafter(text, nxt)
        if t == "area" or t == "district" then setparent(self, nxt.entity, id, why) end
      elseif gap:match("^,%s+$") then
        -- "Ostreva, Zarek province": a place then a named larger one
        local t = nametype(nxt.text) or wordafter(text, nxt)
        if t == "area" then setparent(self, id, nxt.entity, why) end
      end
    end
    -- "B ... its capital A", "the provincial capital, A": A lies in the
    -- nearest area before it
    if capital_before and prev and prev.entity ~= id then
      local span = string_lower(clean(text:sub(prev.stop + 1, m.start - 1)))
      if #span <= 120 and (span:match("its%s+capital,?%s+$") or span:match("provincial%s+capital,?%s+$")) then
        self.pending[#self.pending + 1] = { id, prev.entity, doc.id .. ": " .. text:sub(prev.start, m.stop), true }
      end
    end
  end
end

local function build(corpus)
  local self = setmetatable({ types = {}, rank = {}, parents = {}, because = {}, pending = {},
    names = {}, corpus = corpus }, Places)
  local isplace = {}
  for _, e in ipairs(corpus:entities()) do
    if e.kind == "place" then
      isplace[e.id] = true
      self.names[e.id] = e.name
      settype(self, e.id, nametype(e.name), RANK.name)
    end
  end
  -- the manifest's own statements come first and win
  for _, d in ipairs(corpus:declared()) do
    if d["in"] then
      local a, b = corpus:entity(d.name), corpus:entity(d["in"])
      if a and b then setparent(self, a.id, b.id, "the manifest") end
    end
  end
  self.mentions = placementions(corpus, isplace)
  -- how often each place is mentioned, and the kind words its spellings end in
  self.counts, self.heads = {}, {}
  for _, ms in pairs(self.mentions) do
    for _, m in ipairs(ms) do
      local id = m.entity
      self.counts[id] = (self.counts[id] or 0) + 1
      local w = lastword(m.text)
      w = w and string_lower(w)
      if w and TYPE_WORDS[w] then
        self.heads[id] = self.heads[id] or {}
        self.heads[id][w] = true
      end
    end
  end
  for _, doc in ipairs(corpus:documents()) do readdoc(self, doc, self.mentions[doc.id]) end
  -- "A in B" and "its capital A" hold when B is a larger kind of place than A
  local size = { settlement = 1, feature = 1, district = 2, area = 3, country = 4 }
  for _, p in ipairs(self.pending) do
    local a, b = p[1], p[2]
    local ta, tb = self.types[a], self.types[b]
    if p[4] and tb == "area" or (size[tb] or 0) > (size[ta] or 1) then setparent(self, a, b, p[3]) end
  end
  -- a place that contains an area is a country; "Bazarak District" lies
  -- where Bazarak lies
  for a, b in pairs(self.parents) do
    if self.types[a] == "area" and not self.types[b] then settype(self, b, "country", RANK.word) end
  end
  local bykey = {}
  for id, name in pairs(self.names) do bykey[core.key(name)] = id end
  for id, name in pairs(self.names) do
    if self.types[id] == "district" and not self.parents[id] then
      local town = bykey[core.key((name:gsub("%s+%a+$", "")))]
      if town and town ~= id and self.parents[town] then
        setparent(self, id, self.parents[town], "named after " .. self.names[town])
      end
    end
  end
  return self
end

local cache = setmetatable({}, { __mode = "k" })

-- places.of(corpus) -- the corpus's places, read once.
function M.of(corpus)
  local p = cache[corpus]
  if not p then
    p = build(corpus)
    cache[corpus] = p
  end
  return p
end

function Places:type(id) return self.types[id] end
function Places:parent(id) return self.parents[id] end
function Places:name(id) return self.names[id] end

-- places:within(a, b) -- a is b or lies inside it (through any number of steps).
function Places:within(a, b)
  if a == nil or b == nil then return false end
  local n = 0
  while a and n < 64 do
    if a == b then return true end
    a = self.parents[a]
    n = n + 1
  end
  return false
end

-- places:root(id) -- the outermost place id lies in (itself when it lies in
-- none): compatible places share their root, so rules block by it.
function Places:root(id)
  local n = 0
  while self.parents[id] and n < 64 do
    id = self.parents[id]
    n = n + 1
  end
  return id
end

-- places:compatible(a, b) -- the same place, or one inside the other.
function Places:compatible(a, b) return self:within(a, b) or self:within(b, a) end

-- places:path(id) -- "Bazarak < Panjshir < Afghanistan".
function Places:path(id)
  local parts, n = {}, 0
  while id and n < 64 do
    parts[#parts + 1] = self.names[id] or ("#" .. id)
    id = self.parents[id]
    n = n + 1
  end
  return table.concat(parts, " < ")
end

-- The place of the wanted kind a description before position pos of a
-- document points back to: the most salient earlier one -- mentioned most
-- often so far, in the headline, the most recent, spelt with the
-- description's own word ("the valley" -> a place also spelt "... Valley");
-- then the first one after it; then the one the corpus mentions most.
local function nearest(self, doc, pos, want, head)
  local ms = self.mentions[doc.id] or {}
  local score, last, seen = {}, nil, {}
  for _, m in ipairs(ms) do
    if m.start >= pos then break end
    local t = self.types[m.entity]
    if t == want or (want == "settlement" and t == nil) then
      if want == "feature" and head and not (self.heads[m.entity] and self.heads[m.entity][head]) then
        goto continue -- "the pass" is a pass, not a river
      end
      local id = m.entity
      -- salience: mentions so far, the headline, the description's own word
      score[id] = (score[id] or 0) + 1
      if m.start <= 200 and not seen[id] then score[id] = score[id] + 2 end
      if head and self.heads[id] and self.heads[id][head] and not seen[id] then score[id] = score[id] + 4 end
      seen[id] = m
      last = id
    end
    ::continue::
  end
  if last then
    score[last] = score[last] + 3 -- the most recent
    local best, bs = nil, -1
    for id, sc in pairs(score) do
      if sc > bs or sc == bs and id < best then best, bs = id, sc end
    end
    return seen[best]
  end
  for _, m in ipairs(ms) do
    if m.start >= pos and self.types[m.entity] == want then return m end
  end
  local top, n = nil, 0
  for id, count in pairs(self.counts) do
    if self.types[id] == want and (count > n or count == n and id < top) then top, n = id, count end
  end
  return top and { entity = top, text = self.names[top], corpuswide = true }
end

-- places:resolve(claim) -- the entity id of the place a claim is about, and
-- how it was found: the place named in the claim, a definite description
-- ("the town", "the whole province") read as the nearest earlier place of
-- its kind, or, for control and event claims with no place, the nearest area.
function Places:resolve(c)
  if c.place_entity and self.names[c.place_entity] then return c.place_entity, "named" end
  local doc = c.doc
  local place = c.place
  local pos = c.start
  local want
  if place then
    local words = string_lower(place)
    local head = lastword(words)
    if not (words:match("^the%s") or words:match("^its%s") or words:match("^this%s")) then
      -- a name the resolver left unlinked: look it up variant-aware
      local e = self.corpus:entity(place)
      if e and self.names[e.id] then return e.id, "named" end
      return nil, "unknown place"
    end
    -- "the whole province", "the last town", never "the market area"
    local mods = words:match("^%a+%s+(.-)%s*%a+$") or ""
    for m in mods:gmatch("%a+") do
      if not MODIFIERS[m] then return nil, "no place" end
    end
    want = head and DESCRIPTIONS[head]
    local at = c.text:find(place, 1, true)
    if at then pos = c.start + at - 1 end
  elseif c.kind == "control" or c.kind == "event" then
    want = "area"
  end
  if not want then return nil, "no place" end
  if want == "country" then
    for id, t in pairs(self.types) do
      if t == "country" then return id, "the country" end
    end
    return nil, "no country"
  end
  local m = nearest(self, doc, pos, want, place and string_lower(lastword(place) or ""))
  if not m then return nil, "no " .. want .. " in the corpus" end
  if m.corpuswide then
    return m.entity, string.format("%sthe %s the corpus mentions most", place and "" or "no place named; ", want)
  end
  return m.entity, string.format("%sthe most salient %s before it", place and "" or "no place named; ", want)
end

return M
