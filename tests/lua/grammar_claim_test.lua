-- sift.grammar.claim and sift.grammar.cue: the cases of
-- tests/data/grammar/claims.lua (one test each: add cases there, not
-- here), properties every claim has, argument checks, the analyst's
-- extension point, and precision and recall against the gold claims of the
-- bundled corpora (tests/gold/<corpus>.json).
local claim = require "sift.grammar.claim"
local cue = require "sift.grammar.cue"
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

local CASES = "tests/data/grammar/claims.lua"

local readfile = testing.readfile

-- (the case file is plain data: a chunk that returns a table)
local data = testing.data(CASES)

-- The context of one text, as sift.extract builds it: sentences from the
-- runtime's segmenter (through a fixture corpus), the manifest's sides and
-- entities, quantities and times.
local function context(text, doc, manifest)
  doc = doc or {}
  local c = testing.corpus{ { id = "d", text = text, kind = doc.kind or "news", source = doc.source or "Outlet",
    published = doc.published or "2024-05-08" }, sides = manifest.sides, entities = manifest.entities }
  local d = c:document("d")
  local anchor = d.published and { value = d.published, kind = "published" } or nil
  local ctx = {
    text = d.plain,
    doc = { id = d.id, source = d.source, kind = d.kind, published = d.published },
    sides = c:sides(), declared = c:declared(), sentences = d:_plainsentences(),
  }
  ctx.quantities = number.scan(ctx.text)
  ctx.times = date.scan(ctx.text, anchor)
  return ctx
end

local function show(cs)
  local parts = {}
  for i, c in ipairs(cs) do
    parts[i] = ("%s/%s %q v=%s subj=%s cl=%s/%s"):format(c.kind, tostring(c.category), c.text, tostring(c.value),
      tostring(c.subject_side), tostring(c.claimant), tostring(c.claimant_side))
  end
  return "{" .. table.concat(parts, "; ") .. "}"
end

-- The differences between the claims got (of the case's kind) and the
-- expected field subsets. `date` checks the value of the claim's time.
local function diff(ctx, got, want)
  return testing.differences(got, want, { noun = "claim", show = show, get = function(r, k)
    if k == "date" then return r.time and ctx.times[r.time].value end
    return r[k]
  end })
end

local manifest = { sides = data.sides, entities = data.entities }
for i, c in ipairs(data.cases) do
  test(("case %d: %q"):format(i, c[1]:sub(1, 70)), function()
    local ctx = context(c[1], c.doc, manifest)
    local kind = c.kind or "casualty"
    local got = {}
    for _, r in ipairs(claim.scan(ctx)) do
      if r.kind == kind then got[#got + 1] = r end
    end
    eq(diff(ctx, got, c[2]), {})
  end)
end

test("every claim spans its text, in text order, with the fields of its kind", function()
  local bad = {}
  for i, c in ipairs(data.cases) do
    local ctx = context(c[1], c.doc, manifest)
    local last = 0
    for _, r in ipairs(claim.scan(ctx)) do
      local why
      if ctx.text:sub(r.s, r.e) ~= r.text then why = "text is not text:sub(s, e)"
      elseif r.s < last then why = "not in text order"
      elseif r.claimant_s and ctx.text:sub(r.claimant_s, r.claimant_e) ~= r.claimant then
        why = "claimant is not text:sub(claimant_s, claimant_e)"
      elseif r.place and r.place_s and ctx.text:sub(r.place_s, r.place_e) ~= r.place then
        why = "place is not text:sub(place_s, place_e)"
      elseif r.polarity ~= "affirm" and r.polarity ~= "deny" then why = "polarity " .. tostring(r.polarity)
      elseif type(r.hedged) ~= "boolean" then why = "hedged is no boolean"
      elseif r.quantity and ctx.quantities[r.quantity].value ~= r.value then why = "value is not the quantity's"
      elseif r.kind == "casualty" and r.value == nil and not r.vague then why = "no value and not vague"
      elseif r.time and not ctx.times[r.time] then why = "time is no index into ctx.times"
      elseif not r.claimant and r.claimant_side then why = "a side without a claimant"
      elseif r.kind == "control" and r.action ~= "took" and r.action ~= "holds" then
        why = "action " .. tostring(r.action)
      end
      if why then bad[#bad + 1] = ("case %d, %q: %s"):format(i, r.text, why) end
      last = r.s
    end
  end
  eq(bad, {})
end)

test("scan checks its argument and takes an empty document", function()
  raises(function() claim.scan(nil) end, "bad argument #1 to 'scan' %(context table expected, got nil%)")
  raises(function() claim.scan({}) end, "bad argument #1 to 'scan'")
  eq(claim.scan({ text = "" }), {})
  eq(claim.scan({ text = "Nothing happened here." }), {})
  -- a context without sentences, quantities or times still scans: no
  -- figure without quantities, but the soldiers are a group of people
  local cs = claim.scan({ text = "Officials said 12 soldiers were killed.", sides = {}, declared = {} })
  eq(#cs, 1)
  eq({ cs[1].category, cs[1].value, cs[1].vague, cs[1].claimant }, { "killed", nil, true, "Officials" })
end)

-- A bare context (no runtime segmentation) for inputs a fixture corpus refuses.
local function bare(text)
  return { text = text, sides = {}, declared = {}, quantities = number.scan(text), times = date.scan(text) }
end

test("hostile input: long runs, unbalanced quotation marks, stray bytes", function()
  local long = ("\"They said. "):rep(2000) .. "\255\254 ' \226\128\153 \226\128\156 \226\128\157 \226\128"
  ok(type(claim.scan(bare(long))) == "table")
  ok(type(claim.scan(bare(("\226\128\156"):rep(3000)))) == "table")
  ok(type(claim.scan(bare(("(, ; : - "):rep(3000)))) == "table")
  local ctx = context(("Five soldiers were killed, "):rep(500) .. "said the Front.", nil, manifest)
  local cs = claim.scan(ctx)
  eq(#cs, 500)
  eq(cs[500].claimant_side, "ilf")
end)

test("an analyst extends the patterns from a script", function()
  local ctx = context("Rebel officials said 14 soldiers were beheaded on Monday.", nil, manifest)
  eq(#claim.scan(ctx), 0)
  claim.casualty.beheaded = { "killed", "v" }
  claim.compile()
  local cs = claim.scan(ctx)
  claim.casualty.beheaded = nil
  claim.compile()
  eq(#cs, 1)
  eq(cs[1].category, "killed")
  eq(cs[1].value, 14)
  claim.extend{ casualty = { ["went astray"] = { "missing", "i" } } }
  ctx = context("Six villagers went astray in the storm.", nil, manifest)
  eq(claim.scan(ctx)[1].category, "missing")
  claim.casualty["went astray"] = nil
  claim.compile()
  raises(function() claim.extend{ nope = {} } end, "unknown table 'nope'")
end)

test("zero figures as quantities, on request", function()
  local text = "There were no civilian casualties, the Group said."
  local ctx = context(text, nil, manifest)
  local n = #ctx.quantities
  local c = claim.scan(ctx)[1]
  eq({ c.value, c.min, c.max, c.quantity, #ctx.quantities }, { 0, 0, 0, nil, n })
  claim.zeroquantities = true
  ctx = context(text, nil, manifest)
  c = claim.scan(ctx)[1]
  claim.zeroquantities = false
  local q = ctx.quantities[c.quantity]
  eq({ q.text, q.value, q.min, q.max, text:sub(q.s, q.e) }, { "no", 0, 0, 0, "no" })
end)

test("cue: tokens fold case and diacritics; possessives split", function()
  local n, ts, te, w, k = cue.tokenize("Zarëk’s fighters, “1,000” anti-Taliban")
  eq(n, 8)
  eq({ w[1], w[2], k[2], w[3], w[5], w[6], w[8] }, { "zarek", "'s", "$", "fighters", '"', "1,000", "anti-taliban" })
  eq({ ts[1], te[1] }, { 1, 6 })
  eq(cue.fold("ŞENDOVA Kaçeli"), "sendova kaceli")
end)

test("cue: speakers of quotations and reported speech", function()
  local ctx = context(table.concat({
    "A Crown Forces officer, who asked not to be named, told the Harbour Times that the road was open.",
    "\"We crossed the river at dawn,\" the officer said. \"Nobody stopped us.\"",
    "He added that the bridge was intact.",
  }, "\n\n"), nil, manifest)
  local D = cue.analyse(ctx)
  local function who(word)
    local p = ctx.text:find(word, 1, true)
    for si = 1, D.ns do
      for t = D.sa[si], D.sb[si] do
        if D.ts[t] == p then
          local spk = cue.attribute(D, si, t)
          return spk and spk.text, spk and spk.side
        end
      end
    end
  end
  eq({ who("road") }, { "Crown Forces", "crown" })
  eq({ who("river") }, { "Crown Forces", "crown" })
  eq({ who("Nobody") }, { "Crown Forces", "crown" })
  eq({ who("bridge") }, { "Crown Forces", "crown" })
end)

-- Gold: every gold casualty claim must overlap a system casualty claim
-- (recall) and every system claim a gold one (precision); on the matches,
-- the category, value, subject side and claimant side must agree. Positions
-- are mapped from the plain text to the original bytes.
local GOLD = { "panjshir-2021", "varkesia-2023" }
local BAR = { precision = 0.95, recall = 0.95, fields = 0.95 }

local function score(name)
  local gold = sift.json.decode(assert(readfile("tests/gold/" .. name .. ".json")))
  local corpus = assert(sift.load("corpus/" .. name))
  local null = sift.json.null
  local function nn(v) if v == null then return nil end return v end
  local sys = {}
  for _, doc in ipairs(corpus:documents()) do
    local anchor = doc.published and { value = doc.published, kind = "published" } or nil
    local ctx = {
      text = doc.plain, doc = { id = doc.id, source = doc.source, kind = doc.kind, published = doc.published },
      sides = corpus:sides(), declared = corpus:declared(), sentences = doc:_plainsentences(),
    }
    ctx.quantities = number.scan(ctx.text)
    ctx.times = date.scan(ctx.text, anchor)
    for _, c in ipairs(claim.scan(ctx)) do
      if c.kind == "casualty" then
        local span = doc:_plainspan(c.s, c.e)
        c.doc, c.start, c.stop = doc.id, span.start - 1, span.stop
        sys[#sys + 1] = c
      end
    end
  end
  local used, tp, bad = {}, 0, {}
  local fields = { "category", "value", "subject_side", "claimant_side" }
  local right = { category = 0, value = 0, subject_side = 0, claimant_side = 0 }
  for _, g in ipairs(gold.casualties) do
    local hit, best
    for i, c in ipairs(sys) do
      if not used[i] and c.doc == g.doc and c.start < g["end"] and g.start < c.stop then
        local sc = (c.value == nn(g.value) and 2 or 0) + (c.category == g.category and 1 or 0)
        if not hit or sc > best then hit, best = i, sc end
      end
    end
    if hit then
      used[hit], tp = true, tp + 1
      for _, f in ipairs(fields) do
        if sys[hit][f] == nn(g[f]) then right[f] = right[f] + 1
        else bad[#bad + 1] = ("%s %q: %s %s, gold %s"):format(g.doc, g.text, f, tostring(sys[hit][f]),
          tostring(nn(g[f]))) end
      end
    else
      bad[#bad + 1] = ("missed %s %q"):format(g.doc, g.text)
    end
  end
  for i, c in ipairs(sys) do
    if not used[i] then bad[#bad + 1] = ("extra %s %q"):format(c.doc, c.text) end
  end
  local acc = {}
  for _, f in ipairs(fields) do acc[f] = right[f] / math.max(tp, 1) end
  return tp / math.max(#sys, 1), tp / math.max(#gold.casualties, 1), acc, bad
end

for _, name in ipairs(GOLD) do
  if readfile("tests/gold/" .. name .. ".json") then
    test(("gold %s: casualty claims, precision and recall >= %.2f, fields >= %.2f"):format(name, BAR.precision,
      BAR.fields), function()
      local p, r, acc, bad = score(name)
      local okay = p >= BAR.precision and r >= BAR.recall
      for _, v in pairs(acc) do okay = okay and v >= BAR.fields end
      ok(okay, ("precision %.3f, recall %.3f, category %.3f, value %.3f, subject side %.3f, claimant side %.3f; %s")
        :format(p, r, acc.category, acc.value, acc.subject_side, acc.claimant_side, table.concat(bad, "; ")))
    end)
  end
end

-- A benchmark (not run as a test): claims over the bundled news texts, repeated.
--
--   local parts = {}
--   for _, d in ipairs(sift.load("corpus/panjshir-2021"):documents()) do parts[#parts + 1] = d.plain end
--   ... build a context per document (as score() does) and time claim.scan over it
