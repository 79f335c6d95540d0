-- User extractors (sift.extractor): their claims are ordinary claim records,
-- and what they are given and what emit accepts is checked with clear errors.
-- The definition comes first: worker states load this file up to it.
local P, Cp, V = lpeg.P, lpeg.Cp, lpeg.V
local nextverb = P { Cp() * P "arrested " * Cp() + 1 * V(1) }

sift.extractor {
  name = "test-arrests",
  kinds = { "arrest" },
  run = function(doc, emit)
    local at = {}
    for _, q in ipairs(doc.quantities) do at[q.s] = q end
    local pos = 1
    while true do
      local s, object = nextverb:match(doc.text, pos)
      if not s then break end
      if at[object] then emit { s = s, e = at[object].e, category = "arrested", quantity = at[object] } end
      pos = object
    end
  end,
}

local extract = require "sift.extract"

local c = testing.corpus {
  { id = "a", source = "Wire", published = "2021-09-07",
    text = "Police arrested 12 people on Monday. Later 5 fighters were killed, a spokesman said.\n" },
  { id = "b", source = "Paper", text = "Nobody was arrested in the capital.\n" },
}

-- Run one extractor (not registered with the host) over text in this state.
local function run(spec, text)
  local x = extract.new(spec)
  x.where = "test"
  local saved = extract.extractors
  extract.extractors = { x }
  local ok_, recs, err = pcall(extract.document, text, { id = "t" })
  extract.extractors = saved
  assert(ok_, recs)
  return recs, err
end

test("emitted claims are claims of their kind, in the corpus and the doc", function()
  local arrests = c:claims { kind = "arrest" }
  eq(#arrests, 1)
  local a = arrests[1]
  eq(a.kind, "arrest")
  eq(a.category, "arrested")
  eq(a.doc.id, "a")
  eq(a.span.text, "arrested 12")
  eq(a.quantity.value, 12)
  eq(a.source, "Wire")
  eq(#c:document("a"):claims { kind = "arrest" }, 1)
  eq(#c:document("b"):claims { kind = "arrest" }, 0)
end)

test("stock claims stay, and ids follow text order", function()
  local all = c:document("a"):claims()
  local kinds = {}
  for i, cl in ipairs(all) do kinds[i] = cl.kind end
  eq(kinds, { "arrest", "casualty" })
  ok(all[1].id < all[2].id, "ids in text order")
end)

test("run gets the document's context: metadata, sentences, records, the claims so far", function()
  local got
  run({ name = "ctx", kinds = { "note" }, run = function(doc) got = doc end },
    "Police arrested 12 people on 6 September 2021. 5 fighters were killed.")
  eq({ got.id, got.doc.id }, { "t", "t" })
  eq(got.text:sub(got.quantities[1].s, got.quantities[1].e), "12")
  eq(got.times[1].value, "2021-09-06")
  eq(#got.claims, 1)
  eq(got.claims[1].kind, "casualty")
  eq(type(got.sentences), "table")
  eq(type(got.mentions), "table")
end)

test("sift.grammar gives the stdlib grammars", function()
  eq(sift.grammar.number, require "sift.grammar.number")
  eq(sift.grammar.date, require "sift.grammar.date")
  eq(sift.grammar.number.scan("arrested 12 people")[1].value, 12)
end)

local function emitting(t, kinds)
  return { name = "t", kinds = kinds or { "note" }, run = function(_, emit) emit(t) end }
end

test("emit: positions from s and e, or from the quantity; the only kind by default", function()
  local recs, err = run(emitting { s = 1, e = 6 }, "Police arrested 12 people.")
  eq(err, nil)
  eq(recs.claims[1].kind, "note")
  eq(recs.claims[1].text, "Police")
  recs = run({ name = "q", kinds = { "note" }, run = function(doc, emit)
    emit { quantity = doc.quantities[1], subject = "people" }
  end }, "Police arrested 12 people.")
  local cl = recs.claims[1]
  eq({ cl.s, cl.e, cl.value, cl.quantity, cl.subject }, { 17, 18, 12, 1, "people" })
end)

test("emit: bad fields are errors naming the extractor, the field and the place", function()
  local cases = {
    { { s = 1, e = 6, sidee = "x" },
      "extractor_test.lua:%d+: emit %(extractor 't'%): unknown field 'sidee' %(expected one of: action, category" },
    { { kind = "arrest", s = 1, e = 2 }, "kind 'arrest' is not one of the kinds the extractor declared %(note%)" },
    { { s = 0, e = 2 }, "'s' must be a position in doc.text %(an integer in 1..26; got 0%)" },
    { { s = 5, e = 2 }, "'e' %(2%) is before 's' %(5%)" },
    { { category = "arrested" }, "'s' and 'e' are missing" },
    { { s = 1, e = 2, quantity = {} }, "'quantity' is not a record of doc.quantities" },
    { { s = 1, e = 2, time = 3 }, "'time' index 3 is out of range %(1..0%)" },
    { { s = 1, e = 2, category = "a-category-too-long" }, "'category' is longer than 15 bytes" },
    { { s = 1, e = 2, hedged = "yes" }, "'hedged' must be a boolean %(got string%)" },
    { { s = 1, e = 2, polarity = "maybe" }, "'polarity' must be 'affirm' or 'deny' %(got maybe%)" },
  }
  for _, case in ipairs(cases) do
    local recs, err = run(emitting(case[1]), "Police arrested 12 people.")
    eq(#recs.claims, 0)
    matches(err, "^extractor 't' failed on document 't': .*" .. case[2])
  end
  local _, err = run(emitting({ s = 1, e = 2 }, { "a", "b" }), "Police arrested 12 people.")
  matches(err, "'kind' is missing %(the extractor declared a, b%)")
end)

test("a raising extractor loses its claims; the others keep theirs", function()
  local saved = extract.extractors
  local x1 = extract.new { name = "boom", kinds = { "note" }, run = function(_, emit)
    emit { s = 1, e = 2 }
    error("boom")
  end }
  local x2 = extract.new(emitting { s = 1, e = 6 })
  extract.extractors = { x1, x2 }
  local recs, err = extract.document("Police arrested 12 people.", { id = "d1" })
  extract.extractors = saved
  eq(#recs.claims, 1)
  matches(err, "^extractor 'boom' failed on document 'd1': .*extractor_test.lua:%d+: boom")
end)

test("sift.extractor checks its table", function()
  local function f() end
  raises(function() sift.extractor "x" end, "bad argument #1 to 'extractor' %(table expected, got string%)")
  raises(function() sift.extractor { kinds = { "a" }, run = f } end, "'name' must be a non%-empty string")
  raises(function() sift.extractor { name = "x", kinds = {}, run = f } end,
    "'kinds' must be a non%-empty list of claim kinds")
  raises(function() sift.extractor { name = "x", kinds = { "Big Kind" }, run = f } end,
    "kinds%[1%] must be a lowercase word")
  raises(function() sift.extractor { name = "x", kinds = { "a" } } end, "'run' must be a function%(doc, emit%)")
  raises(function() sift.extractor { name = "x", kinds = { "a" }, run = f, kind = "a" } end,
    "unknown field 'kind' %(expected one of: name, kinds, run, description%)")
  raises(function() sift.extractor { name = "test-arrests", kinds = { "a" }, run = f } end,
    "an extractor named 'test%-arrests' is already defined %(at tests/lua/extractor_test.lua:7%)")
end)
