-- sift.extract -- the extraction stage the host runs on every document, one
-- Lua state per worker thread. Every extractor receives the same context
-- (see stdlib/sift/grammar/README.md, "The document context"):
--
--   extract.setup{sides = ..., declared = ...}   once per worker (the manifest's)
--   extract.document(text, info)                 per document -> records by kind
--   extract.context(doc)                         the same context for a doc
--                                                handle (tests, the REPL)
--   extract.new(spec), extract.add(x)            a user extractor (sift.extractor)
--
-- User extractors run after the stock ones, in the order they were defined,
-- each with the context (and the claims so far) and an `emit` function that
-- turns a table into a claim record.
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"
local name = require "sift.grammar.name"
local claim = require "sift.grammar.claim"

-- Zero words that are the figure of a claim ("no civilian casualties") become
-- quantity records, as the annotation guidelines count them.
claim.zeroquantities = true

local type, ipairs, pairs, pcall, tostring, error = type, ipairs, pairs, pcall, tostring, error
local math_type, table_sort, table_concat = math.type, table.sort, table.concat
local string_format, string_find = string.format, string.find

local M = {}
local config = { sides = {}, declared = {} }

-- setup{sides =, declared =} -- the manifest's sides and declared entities,
-- as corpus:sides() and corpus:declared() give them.
function M.setup(c)
  config = { sides = c.sides or {}, declared = c.declared or {} }
end

-- The context of one document: its text and metadata, the manifest's sides
-- and entities, its sentences, and the records of the extractors before.
local function context(text, info)
  local anchor = info.published and { value = info.published, kind = "published" } or nil
  local ctx = {
    text = text,
    doc = { id = info.id, source = info.source, kind = info.kind, published = info.published },
    sides = config.sides, declared = config.declared,
    sentences = info.sentences or {},
  }
  ctx.quantities = number.scan(text)
  ctx.times = date.scan(text, anchor)
  ctx.mentions = name.scan(ctx)
  return ctx
end

-- ------------------------------------------------------------ user extractors

-- The user extractors of this state, in definition order: {name, kinds =
-- {kind = true, ...}, run, where}.
M.extractors = {}
local byname = {}

local SPEC = { name = true, kinds = true, run = true, description = true }
local SPECLIST = "name, kinds, run, description"
-- What emit accepts: field -> checker kind; sizes are the store's limits.
local EMIT = {
  kind = "kind", category = 15, s = "pos", e = "pos",
  quantity = "quantity", time = "time", value = "number", min = "number", max = "number",
  vague = "boolean", hedged = "boolean", polarity = "polarity",
  subject = "string", claimant = "string", place = "string", extent = "string",
  subject_side = 23, claimant_side = 23, holder_side = 23, cue = 23, action = 7,
  claimant_s = "pos", claimant_e = "pos", place_s = "pos", place_e = "pos",
}
local EMITLIST
do
  local names = {}
  for k in pairs(EMIT) do names[#names + 1] = k end
  table_sort(names)
  EMITLIST = table_concat(names, ", ")
end

local function validkind(k)
  return type(k) == "string" and #k <= 23 and string_find(k, "^[a-z][a-z0-9_-]*$") ~= nil
end

-- new(spec [, level]) -- a checked extractor {name, kinds, list, run} from
-- the table given to sift.extractor; errors point `level` frames up.
function M.new(spec, level)
  level = (level or 1) + 1
  if type(spec) ~= "table" then
    error("bad argument #1 to 'extractor' (table expected, got " .. type(spec) .. ")", level)
  end
  for k in pairs(spec) do
    if not SPEC[k] then
      error(string_format("sift.extractor: unknown field '%s' (expected one of: %s)", tostring(k), SPECLIST), level)
    end
  end
  if type(spec.name) ~= "string" or spec.name == "" then
    error("sift.extractor: 'name' must be a non-empty string (got " .. type(spec.name) .. ")", level)
  end
  local xname = spec.name
  if type(spec.run) ~= "function" then
    error(string_format("sift.extractor '%s': 'run' must be a function(doc, emit) (got %s)", xname,
      type(spec.run)), level)
  end
  if type(spec.kinds) ~= "table" or #spec.kinds == 0 then
    error(string_format("sift.extractor '%s': 'kinds' must be a non-empty list of claim kinds (got %s)",
      xname, type(spec.kinds)), level)
  end
  local kinds = {}
  for i, k in ipairs(spec.kinds) do
    if not validkind(k) then
      error(string_format("sift.extractor '%s': kinds[%d] must be a lowercase word of at most 23 bytes "
        .. "(letters, digits, '_' and '-'; got %s)", xname, i, type(k) == "string" and "'" .. k .. "'" or type(k)),
        level)
    end
    kinds[k] = true
  end
  return { name = xname, kinds = kinds, list = table_concat(spec.kinds, ", "), run = spec.run,
    description = spec.description }
end

-- unique(name) -- raises when an extractor of that name is already defined.
function M.unique(xname, level)
  local old = byname[xname]
  if old then
    error(string_format("sift.extractor: an extractor named '%s' is already defined (at %s)", xname,
      old.where or "?"), (level or 1) + 1)
  end
end

-- add(x) -- x (from new, with x.where = "file:line") joins the extractors.
function M.add(x, level)
  M.unique(x.name, (level or 1) + 1)
  byname[x.name] = x
  M.extractors[#M.extractors + 1] = x
end

-- The emit function of extractor x over context ctx: checks the table and
-- appends a claim record (positions into ctx.text) to out.
local function emitter(x, ctx, out)
  local qindex, tindex
  -- errors point at the extractor's call of emit
  local function badat(level, fmt, ...)
    error(string_format("emit (extractor '%s'): " .. fmt, x.name, ...), level + 1)
  end
  local function bad(fmt, ...) badat(3, fmt, ...) end
  local function index(v, list, cache, what)
    local plural = what == "quantity" and "quantities" or "times"
    if math_type(v) == "integer" then
      if v < 1 or v > #list then badat(3, "'%s' index %d is out of range (1..%d)", what, v, #list) end
      return v, cache
    end
    if type(v) ~= "table" then
      badat(3, "'%s' must be a record of doc.%s or its index (got %s)", what, plural, type(v))
    end
    if not cache then
      cache = {}
      for i, r in ipairs(list) do cache[r] = i end
    end
    local i = cache[v]
    if not i then badat(3, "'%s' is not a record of doc.%s", what, plural) end
    return i, cache
  end
  local n = #ctx.text
  return function(c)
    if type(c) ~= "table" then bad("expected a table (got %s)", type(c)) end
    local r = {}
    for k, v in pairs(c) do
      local want = EMIT[k]
      if not want then
        bad("unknown field '%s' (expected one of: %s)", tostring(k), EMITLIST)
      elseif want == "kind" then
        if type(v) ~= "string" or not x.kinds[v] then
          bad("kind %s is not one of the kinds the extractor declared (%s)",
            type(v) == "string" and "'" .. v .. "'" or type(v), x.list)
        end
        r.kind = v
      elseif want == "pos" then
        if math_type(v) ~= "integer" or v < 1 or v > n then
          bad("'%s' must be a position in doc.text (an integer in 1..%d; got %s)", k, n, tostring(v))
        end
        r[k] = v
      elseif want == "quantity" then
        r.quantity, qindex = index(v, ctx.quantities, qindex, "quantity")
      elseif want == "time" then
        r.time, tindex = index(v, ctx.times, tindex, "time")
      elseif want == "number" then
        if type(v) ~= "number" then bad("'%s' must be a number (got %s)", k, type(v)) end
        r[k] = v
      elseif want == "boolean" then
        if type(v) ~= "boolean" then bad("'%s' must be a boolean (got %s)", k, type(v)) end
        r[k] = v
      elseif want == "polarity" then
        if v ~= "affirm" and v ~= "deny" then bad("'polarity' must be 'affirm' or 'deny' (got %s)", tostring(v)) end
        r[k] = v
      else -- a string, maybe with a byte limit
        if type(v) ~= "string" then bad("'%s' must be a string (got %s)", k, type(v)) end
        if type(want) == "number" and #v > want then
          bad("'%s' is longer than %d bytes ('%s')", k, want, v)
        end
        r[k] = v
      end
    end
    if not r.kind then
      local only
      for k in pairs(x.kinds) do only = only == nil and k or false end
      if not only then bad("'kind' is missing (the extractor declared %s)", x.list) end
      r.kind = only
    end
    local q = r.quantity and ctx.quantities[r.quantity]
    if not r.s and not r.e and q then r.s, r.e = q.s, q.e end
    if not r.s or not r.e then bad("'s' and 'e' are missing (the claim's first and last byte in doc.text)") end
    if r.e < r.s then bad("'e' (%d) is before 's' (%d)", r.e, r.s) end
    if (r.claimant_s == nil) ~= (r.claimant_e == nil) or (r.place_s == nil) ~= (r.place_e == nil) then
      bad("'claimant_s'/'claimant_e' and 'place_s'/'place_e' go in pairs")
    end
    if q and r.value == nil then
      r.value, r.min, r.max, r.vague = q.value, r.min or q.min, r.max or q.max, r.vague or q.vague
    end
    r.text = ctx.text:sub(r.s, r.e)
    r.extractor = x.name
    out[#out + 1] = r
  end
end

-- Run the user extractors over ctx, appending to claims (which ctx.claims
-- shows them). Returns nil, or the message of the first extractor that
-- raised (its claims are dropped; the others still run).
local function runusers(ctx, claims)
  local failed
  -- run(doc, emit) reads doc.id rather than doc.doc.id
  ctx.id, ctx.source, ctx.kind, ctx.published = ctx.doc.id, ctx.doc.source, ctx.doc.kind, ctx.doc.published
  for _, x in ipairs(M.extractors) do
    local mine = {}
    local ok, err = pcall(x.run, ctx, emitter(x, ctx, mine))
    if ok then
      for _, c in ipairs(mine) do c.order = #claims + 1; claims[#claims + 1] = c end
    elseif not failed then
      failed = string_format("extractor '%s' failed on document '%s': %s", x.name,
        tostring(ctx.doc.id), tostring(err))
    end
  end
  if #M.extractors > 0 then
    table_sort(claims, function(a, b)
      if a.s ~= b.s then return a.s < b.s end
      return (a.order or 0) < (b.order or 0)
    end)
  end
  return failed
end

-- document(text, info) -- {quantities, times, mentions, claims} for one document's plain
-- text; info = {id, source, kind, published, sentences = {{s, e, kind}}}.
-- Positions are 1-based and inclusive into text (the host maps them to the
-- original bytes). When a user extractor raised, a second result says
-- which, on which document, and where.
function M.document(text, info)
  if type(info) ~= "table" then info = { published = info } end
  local ctx = context(text, info)
  local claims = claim.scan(ctx)
  -- the claim layer appends zero figures: put the quantities back in text
  -- order and point the claims at the new places
  local qs = ctx.quantities
  local order = {}
  for i = 1, #qs do order[i] = i end
  table_sort(order, function(a, b)
    if qs[a].s ~= qs[b].s then return qs[a].s < qs[b].s end
    return a < b
  end)
  local sorted, newindex = {}, {}
  for i, old in ipairs(order) do sorted[i] = qs[old]; newindex[old] = i end
  for _, c in ipairs(claims) do
    if c.quantity then c.quantity = newindex[c.quantity] end
  end
  local failed
  if #M.extractors > 0 then
    ctx.quantities, ctx.claims = sorted, claims
    for i, c in ipairs(claims) do c.order = i end
    failed = runusers(ctx, claims)
  end
  return { quantities = sorted, times = ctx.times, mentions = ctx.mentions, claims = claims }, failed
end

-- context(doc) -- the context extractors get, built for a doc handle, with
-- the corpus's sides and declared entities.
function M.context(doc)
  local saved = config
  local corpus = doc.corpus
  config = { sides = corpus:sides(), declared = corpus:declared() }
  local ctx = context(doc.plain, { id = doc.id, source = doc.source, kind = doc.kind,
    published = doc.published, sentences = doc:_plainsentences() })
  config = saved
  return ctx
end

return M
