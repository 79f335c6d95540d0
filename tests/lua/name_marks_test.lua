-- sift.grammar.name's token marks (the rest of step 1 of a scan, in C:
-- sift.cname.marker) against their Lua definition below: the loop that
-- gave each token its sentence, whether a possessive ends it, whether it
-- starts its sentence, whether a time or quantity record holds it, whether
-- its key may start a manifest name, whether a linked adjective ends it,
-- whether a clause starts at it after a bracket, a dash or an opening quote
-- (or after a colon, where the scan decides) (all in FL: 1, 2, 4, 8, 16,
-- 32 or 64, plus 128 times the sentence), and what joins it to the next
-- token (the gap of step 2 without the manifest's matches); and per
-- sentence that holds a token whether it is a headline. Every mark of every token must agree,
-- on the bundled corpora and on texts generated from tricky pieces.
local name = require "sift.grammar.name"
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

local SUFFIX, PARTICLE = name._lex.SUFFIX, name._lex.PARTICLE

-- The definition, over the token columns and the sentences the C marks
-- were made from. (A token ends in a possessive when its written word goes
-- on after its name with an apostrophe, "'" or "’": the tokenizer cuts
-- "'s" and "’s" only; name_tokens_test.lua checks the flag against the
-- tokenizer's definition.)
local function marks(text, c, times, quants)
  local n, TS, TE, RE, TK, ADJ, sents, gfirst = c.n, c.TS, c.TE, c.RE, c.TK, c.ADJ, c.sents, c.gfirst
  local SI, INIT, DEAD, FL, SG, HL, POSS = {}, {}, {}, {}, {}, {}, {}
  for t = 1, n do
    local b = string.byte(text, TE[t] + 1)
    POSS[t] = (RE[t] or TE[t]) > TE[t] and (b == 39 or b == 226)
  end
  -- does a clause start at token t, as a sentence does: 32 after nothing,
  -- a bracket, a dash or an opening quote; 64 after a colon; else 0
  local prevchar = name._readers(text).prevchar
  local function clause(t)
    local b, q = prevchar(TS[t])
    if not b then return 32 end
    if b == 58 then return 64 end
    if b == 40 or b == 91 or b == 45 or b == 124 or b == 42 or b == 41 then return 32 end
    if b == 34 then
      local b2 = prevchar(q)
      return (b2 == nil or b2 == 58 or b2 == 44) and 32 or 0
    end
    if b >= 128 and string.byte(text, q - 1) == 128 and string.byte(text, q - 2) == 226 then
      return (b == 147 or b == 148 or b == 156 or b == 152) and 32 or 0 -- dashes, opening quotes
    end
    return 0
  end
  local tp, qp, ntimes, nquants = 1, 1, #times, #quants
  local si, nsent = 1, #sents
  local lastsent = 0
  for t = 1, n do
    local s, e = TS[t], TE[t]
    while tp <= ntimes and times[tp].e < s do tp = tp + 1 end
    while qp <= nquants and quants[qp].e < s do qp = qp + 1 end
    DEAD[t] = (tp <= ntimes and times[tp].s <= e) or (qp <= nquants and quants[qp].s <= e)
    while si < nsent and sents[si].e < s do si = si + 1 end
    SI[t] = si
    if si ~= lastsent then
      lastsent = si
      local first = string.find(text, "[%w\195-\239]", sents[si].s)
      INIT[t] = first ~= nil and first >= s
    else
      INIT[t] = false
    end
  end
  for t = 1, n do HL[SI[t]] = sents[SI[t]].kind == "headline" end
  -- what joins token j to j + 1, whatever the manifest matches
  local function gap(j)
    local k = j + 1
    if k > n or DEAD[k] or SI[j] ~= SI[k] or POSS[j] or ADJ[j] or SUFFIX[TK[j]] then return nil end
    local a, b = (RE[j] or TE[j]) + 1, TS[j + 1] - 1
    if b == a then
      local ch = string.byte(text, a)
      if ch == 32 or ch == 9 then return "sp" end
      return nil
    end
    if b < a or b - a > 8 then return nil end
    local gs = string.sub(text, a, b)
    if gs == "\194\160" or string.find(gs, "^[ \t]+$") then return "sp" end
    if gs == " of " then return "of" end
    if gs == " of the " then return "ofthe" end
    local w, w2 = string.match(gs, "^ (%l+) (%l+) $")
    if w then return PARTICLE[w] and PARTICLE[w2] and "part" or nil end
    w = string.match(gs, "^ (%l+) $")
    if w and PARTICLE[w] then return "part" end
    return nil
  end
  for j = 1, n do
    SG[j] = gap(j) or false
    FL[j] = (POSS[j] and 1 or 0) + (INIT[j] and 2 or 0) + (DEAD[j] and 4 or 0) + (gfirst[TK[j]] and 8 or 0)
      + (ADJ[j] and 16 or 0) + clause(j) + 128 * SI[j]
  end
  return { FL = FL, SG = SG, HL = HL }
end

-- The first difference between the C marks and the definition's for a
-- context, or nil.
local function differ(ctx, label)
  local c = name._marks(ctx)
  local d = marks(ctx.text, c, ctx.times or {}, ctx.quantities or {})
  for _, col in ipairs{ "FL", "SG" } do
    for i = 1, c.n do
      if c[col][i] ~= d[col][i] then
        return ("%s: token %d (%s) %s: %s, expected %s"):format(label, i, tostring(c.TK[i]), col,
          tostring(c[col][i]), tostring(d[col][i]))
      end
    end
  end
  for x = 1, #c.sents do
    if c.HL[x] ~= d.HL[x] then return ("%s: sentence %d HL: %s"):format(label, x, tostring(c.HL[x])) end
  end
  return nil
end

local function context(text, sides, declared, sentences, anchor)
  return { text = text, sides = sides, declared = declared, sentences = sentences,
    quantities = number.scan(text), times = date.scan(text, anchor) }
end

test("the marks agree with their Lua definition on the bundled corpora", function()
  local bad = {}
  for _, cn in ipairs{ "panjshir-2021", "varkesia-2023" } do
    local corpus = assert(sift.load("corpus/" .. cn))
    local sides, declared = corpus:sides(), corpus:declared()
    for _, doc in ipairs(corpus:documents()) do
      local anchor = doc.published and { value = doc.published, kind = "published" } or nil
      local d = differ(context(doc.plain, sides, declared, doc:_plainsentences(), anchor), cn .. "/" .. doc.id)
      if d then bad[#bad + 1] = d end
      -- and with the sentences a scan finds itself
      d = differ(context(doc.plain, sides, declared, nil, anchor), cn .. "/" .. doc.id .. " (segmented)")
      if d then bad[#bad + 1] = d end
    end
  end
  eq(bad, {})
end)

-- Texts pieced together from words, gaps, particles, numbers and dates
-- (a fixed seed: the same texts every run), with a manifest whose names
-- start with some of the words.
local PIECES = {
  "Ahmad", "Shah", "Massoud", "Kabul", "Taliban", "Front", "Jr.", "Sr", "II", "University", "The", "Mr.",
  "Taliban's", "US-backed", "Soviet-era", "É", "Ünal", "of", "of the", "van", "der", "de", "bin", "al", "y",
  "and", "the", "abc", "March", "12", "2021", "5 km", "three", "March 2021", " ", " ", " ", "  ", "\t",
  "\194\160", " of ", " of the ", " van der ", " de la ", " bin ", " xyz ", ". ", ".\n", "\n", "\n\n", ", ",
  ": ", "(", ")", "\226\128\148", "-", "'", "9", "NRF", "U.S.", "Lower", "Panjshir Valley",
  "\"", ", \"", ":\"", "[", "|", "*", ":", "\226\128\156", "\226\128\152", "\226\128\147", "\226\128\153",
}

test("the marks agree with their Lua definition on generated texts", function()
  local sides = { { id = "nrf", label = "National Resistance Front", aliases = { "NRF", "the resistance" } } }
  local declared = { { name = "Ahmad Massoud", kind = "person", side = "nrf" },
    { name = "Panjshir Valley", kind = "place" }, { name = "Taliban", kind = "org" } }
  local seed = 4242
  local function rand(k)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k + 1
  end
  local bad = {}
  for _ = 1, 1500 do
    local parts = {}
    for k = 1, rand(24) do parts[k] = PIECES[rand(#PIECES)] end
    local t = table.concat(parts)
    if utf8.len(t) then
      local d = differ(context(t, sides, declared, nil, nil), ("%q"):format(t))
      if d then bad[#bad + 1] = d; if #bad >= 5 then break end end
    end
  end
  eq(bad, {})
end)

test("the marks read records once and refuse bad ones", function()
  local ctx = context("In Kabul on 3 March Ahmad Massoud spoke.", {}, {}, nil, nil)
  eq(differ(ctx, "plain"), nil)
  ctx.times = { { s = "x", e = 1 } }
  local ok, err = pcall(name._marks, ctx)
  eq(ok, false)
  eq(string.find(err, "must be a number", 1, true) ~= nil, true)
  ctx.times = { 5 }
  ok, err = pcall(name._marks, ctx)
  eq(ok, false)
  eq(string.find(err, "table expected", 1, true) ~= nil, true)
end)

test("the marks read the tokens from a tokenizer's token set and refuse anything else", function()
  -- (the tokens' positions are the tokenizer's, inside its text: a script
  -- cannot hand the C marks columns of its own)
  local cname = require("sift.cname")
  local marker = cname.marker({}, {})
  local tokens = cname.tokenizer("", {}, {}, {}, {}, {})
  local TK = {}
  local n, toks = tokens("Ab Cd's", {}, function(w) return w:lower() end, {}, {}, {}, TK, {}, {},
      function() return 0 end, {})
  eq(n, 2)
  local FL, SG, HL = {}, {}, {}
  marker(toks, TK, { { s = 1, e = 7 } }, {}, {}, {}, FL, SG, HL)
  eq(SG, { "sp", false })
  -- (sentence 1; it starts its sentence and a clause; a possessive ends it; no manifest)
  eq(FL, { 128 + 2 + 32, 128 + 1 })
  eq((pcall(marker, {}, TK, { { s = 1, e = 7 } }, {}, {}, {}, {}, {}, {})), false)
  eq((pcall(marker, "Ab Cd's", TK, { { s = 1, e = 7 } }, {}, {}, {}, {}, {}, {})), false)
  -- records with a metatable are read through it, as Lua reads them
  local rec = setmetatable({}, { __index = { s = 1, e = 7, kind = "headline" } })
  marker(toks, TK, { rec }, {}, {}, {}, FL, SG, HL)
  eq(HL, { true })
  eq(SG, { "sp", false })
end)

test("the marks join tokens over the particles and not after a suffix", function()
  local cname = require("sift.cname")
  -- (the particles are read when the marks function is made)
  local marker = cname.marker({ van = true, der = true, off = false, abcdefghi = true }, { jr = true })
  local tokens = cname.tokenizer("", {}, {}, {}, {}, {})
  local function sg(text)
    local TK, SG = {}, {}
    local n, toks = tokens(text, {}, function(w) return w:lower() end, {}, {}, {}, TK, {}, {},
      function() return 0 end, {})
    marker(toks, TK, { { s = 1, e = #text } }, {}, {}, {}, {}, SG, {})
    eq(#SG, n)
    return SG
  end
  eq(sg("Ab van Cd"), { "part", false })
  eq(sg("Ab van der Cd"), { "part", false })
  eq(sg("Ab off Cd"), { false, false })
  eq(sg("Ab xyz Cd"), { false, false })
  eq(sg("Ab of Cd of the Ef"), { "of", "ofthe", false })
  eq(sg("Ab Jr Cd\194\160Ef"), { "sp", false, "sp", false })
end)
