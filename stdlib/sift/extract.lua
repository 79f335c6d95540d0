-- sift.extract -- the extraction stage the host runs on every document, one
-- Lua state per worker thread. Every extractor receives the same context
-- (see stdlib/sift/grammar/README.md, "The document context"):
--
--   extract.setup{sides = ..., declared = ...}   once per worker (the manifest's)
--   extract.document(text, info)                 per document -> records by kind
--   extract.context(doc)                         the same context for a doc
--                                                handle (tests, the REPL)
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"
local name = require "sift.grammar.name"
local claim = require "sift.grammar.claim"

-- Zero words that are the figure of a claim ("no civilian casualties") become
-- quantity records, as the annotation guidelines count them.
claim.zeroquantities = true

local type, ipairs, table_sort = type, ipairs, table.sort

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

-- document(text, info) -- {quantities, times, mentions, claims} for one document's plain
-- text; info = {id, source, kind, published, sentences = {{s, e, kind}}}.
-- Positions are 1-based and inclusive into text (the host maps them to the
-- original bytes).
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
  return { quantities = sorted, times = ctx.times, mentions = ctx.mentions, claims = claims }
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
