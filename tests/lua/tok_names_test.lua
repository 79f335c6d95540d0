-- sift.tok.namer gives cue's docnames (Doc.names: the name chunks of a
-- token range) in C; cue's docnames_lua is the definition (Doc._names).
-- These check that the two agree on every range of every sentence of the
-- bundled documents (with one and without), on ranges reaching past the
-- text's ends and empty ones, and on hostile texts: titles and roles
-- before names, initials and abbreviations with and without their
-- period, particles, non-ASCII names, punctuation and names at the end.
local cue = require "sift.grammar.cue"

local function same(x, y)
  if #x ~= #y then return false end
  for i = 1, #x do
    if x[i][1] ~= y[i][1] or x[i][2] ~= y[i][2] or #x[i] ~= 2 or #y[i] ~= 2 then return false end
  end
  return true
end

local function show(l)
  local parts = {}
  for i = 1, #l do parts[i] = l[i][1] .. "-" .. l[i][2] end
  return "{" .. table.concat(parts, " ") .. "}"
end

local bad = 0
local function check(D, a, b, one, label)
  local want, got = D:_names(a, b, one), D:names(a, b, one)
  if not same(want, got) then
    bad = bad + 1
    if bad <= 5 then print(label, a, b, one, show(want), show(got)) end
  end
end

-- every range of every sentence (up to 12 tokens long), and ranges past the ends
local function agree(ctx, label)
  local D = cue.analyse(ctx)
  bad = 0
  for si = 1, D.ns do
    local first, last = D.sa[si], D.sb[si]
    for a = first, last do
      for b = a - 1, math.min(last, a + 12) do
        check(D, a, b, false, label)
        check(D, a, b, true, label)
      end
    end
    check(D, first, last, false, label)
  end
  for _, r in ipairs({ { 1, D.n }, { 0, D.n + 1 }, { -2, 3 }, { D.n - 3, D.n + 2 }, { D.n, D.n }, { D.n + 1, D.n },
    { 5, 2 } }) do
    check(D, r[1], r[2], false, label)
    check(D, r[1], r[2], true, label)
  end
  eq(bad, 0, label)
end

test("tok names: C and docnames_lua agree on every bundled document", function()
  for _, name in ipairs({ "panjshir-2021", "varkesia-2023" }) do
    local corpus = assert(sift.load("corpus/" .. name))
    for _, doc in ipairs(corpus:documents()) do
      agree({ text = doc.plain, sentences = doc:_plainsentences(), sides = corpus:sides(),
        declared = corpus:declared() }, doc.id)
    end
  end
end)

test("tok names: hostile names, titles, initials and punctuation", function()
  local pieces = { "Gen.", "Gen", "Lt.", "Col.", "Colonel", "General", "Commander", "spokesman", "Spokesman",
    "J.", "R.", "A", "Jr.", "Sr.", "Jr", "al-Mardini", "al", "Al", "bin", "ibn", "de", "Ahmad", "Massoud",
    "Zarëk", "Ōtomo", "Łódź", "Émile", "the", "The", "said", "Ministry", "Front", ".", ",", ";", ":",
    "“Quoted”", "'s", "’s", "—", "(", ")", "O'Neil", "d'Arc", "US", "NRF", "Mr.", "Dr.", "x.", "Ab.", "\n\n" }
  local x = 11
  local function rnd(n)
    x = (x * 1103515245 + 12345) % 2147483648
    return x % n + 1
  end
  local sides = { { id = "front", label = "National Front", aliases = { "the Front", "Front Ministry" } },
    { id = "gov", label = "Government", aliases = { "Defence Ministry" } } }
  for round = 1, 60 do
    local parts = {}
    for _ = 1, rnd(50) do parts[#parts + 1] = pieces[rnd(#pieces)] end
    -- a period joined to the word before it, some of the time
    local text = table.concat(parts, " "):gsub(" %.", function() return rnd(2) == 1 and "." or " ." end)
    agree({ text = text, sides = sides }, "round " .. round)
    agree({ text = text }, "round " .. round .. " (no sides)")
  end
  agree({ text = "" }, "empty")
  agree({ text = "Ahmad" }, "one name")
  agree({ text = "said Gen. Ahmad Massoud" }, "name at the end")
  agree({ text = "Gen." }, "title alone")
end)
