-- sift.grammar.claim visits only the tokens whose word may start one of its
-- patterns: a first word that starts only phrases of several words ("in"
-- of "in control of") is visited only before a second word of one of them
-- (claim.compile gives cue.compile those words as a set). This checks that
-- the claims are the ones the analysis gives when it visits every token of
-- a first word (as it did), on the case file, on texts with long side
-- names (where a name found for a passed-over word reaches further than the
-- names the analysis looks for from a later word), and on the bundled
-- corpora.
local claim = require "sift.grammar.claim"
local cue = require "sift.grammar.cue"
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

local data = testing.data("tests/data/grammar/claims.lua")

local function context(text, manifest)
  local c = testing.corpus{ { id = "d", text = text, kind = "news", source = "Outlet", published = "2024-05-08" },
    sides = manifest.sides, entities = manifest.entities }
  local d = c:document("d")
  local ctx = { text = d.plain, doc = { id = d.id, source = d.source, kind = d.kind, published = d.published },
    sides = c:sides(), declared = c:declared(), sentences = d:_plainsentences() }
  ctx.quantities = number.scan(ctx.text)
  ctx.times = date.scan(ctx.text, { value = d.published, kind = "published" })
  return ctx
end

-- The claims of ctx with the hot words as compiled, and with every first
-- word visited on every token.
local function both(mk)
  local ctx = mk()
  local got = claim.scan(ctx)
  local extra = cue.compile().extra
  local all = {}
  for wd, v in pairs(extra) do all[wd] = v and true end
  cue.compile(all)
  ctx = mk()
  local ok, want = pcall(claim.scan, ctx)
  claim.compile()
  assert(ok, want)
  return got, want
end

test("hot words: some first words wait for their second word", function()
  local hot = cue.compile().hot
  eq(type(hot["in"]), "table")
  eq(hot["in"].control, true)
  eq(hot.killed, true)
  eq(hot.among, true) -- a word of a part, too
  eq(hot.said, true) -- a reporting verb
  local _, _, _, w, _, _, h = cue.tokenize("It is in the town, not in control of it; it was killed.", hot)
  local words = {}
  for i, x in ipairs(h) do words[i] = w[x] end
  eq(words, { "in", "control", "was", "killed" })
end)

test("hot words: the claims of the case file are those of every first word visited", function()
  local manifest = { sides = data.sides, entities = data.entities }
  for i, c in ipairs(data.cases) do
    local got, want = both(function() return context(c[1], manifest) end)
    eq(got, want, ("case %d"):format(i))
  end
end)

test("hot words: a long name found from a passed-over word still covers the words after", function()
  local manifest = {
    sides = {
      a = { label = "Union of Free Workers in the Northern Hills Captured Brigade", party = true,
        aliases = { "Free Workers in the Northern Valley Were Killed Unit", "the Union" } },
      b = { label = "Crown Forces", party = true, aliases = { "the army" } },
    },
    entities = { { name = "League of Farmers in the Upper Plains Fell Guard", kind = "org", side = "a" } },
  }
  local texts = {
    "The Union of Free Workers in the Northern Hills Captured Brigade entered Kell on Monday.",
    "Officials said Free Workers in the Northern Valley Were Killed Unit fighters took Ostreva on 3 May.",
    "The League of Farmers in the Upper Plains Fell Guard said 12 soldiers were killed in Kell on Sunday.",
    "In the Northern Hills Captured Brigade, 30 soldiers were captured, the army said.",
    "The army captured Kell on Monday and 12 rebels were killed in the fighting.",
  }
  for _, text in ipairs(texts) do
    local got, want = both(function() return context(text, manifest) end)
    eq(got, want, text)
  end
  -- the word inside the long name starts no claim, as before
  local cs = claim.scan(context(texts[1], manifest))
  for _, r in ipairs(cs) do ok(r.kind ~= "control", r.text) end
end)

test("hot words: the claims of the bundled corpora are those of every first word visited", function()
  for _, name in ipairs({ "panjshir-2021", "varkesia-2023" }) do
    local corpus = assert(sift.load("corpus/" .. name))
    local sides, declared = corpus:sides(), corpus:declared()
    for _, d in ipairs(corpus:documents()) do
      local got, want = both(function()
        local ctx = { text = d.plain, doc = { id = d.id, source = d.source, kind = d.kind, published = d.published },
          sides = sides, declared = declared, sentences = d:_plainsentences() }
        ctx.quantities = number.scan(ctx.text)
        ctx.times = date.scan(ctx.text, d.published and { value = d.published, kind = "published" } or nil)
        return ctx
      end)
      eq(got, want, d.id)
    end
  end
end)
