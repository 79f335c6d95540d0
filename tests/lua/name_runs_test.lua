-- sift.grammar.name's walk of step 2 (in C: sift.cname.runner's nextrun)
-- against its Lua definition below, at every step of real scans: from
-- token i, the token where a manifest name starts (for gazat), or the next
-- run of tokens a..b joined by their gaps (GAP[a .. b - 1], GAP[b] "end")
-- and whether a clause starts at a; nothing after the last token. The
-- gaps come from the marks (SG, as name._marks gives them), checked here
-- against a token that starts a manifest name, a headline's common words
-- and ofjoin; tokens in a time or quantity record are skipped.
local name = require "sift.grammar.name"
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

local COMMON = name._lex.COMMON

-- The definition (st: the scan's state, SG: the marks' gaps): a, b, init
-- and the gaps of the run, or a alone, or nil.
local function luarun(st, SG, i)
  local FL, GZE, HL, TK = st.FL, st.GZE, st.HL, st.TK
  while i <= st.n do
    local fl = FL[i]
    if fl & 8 ~= 0 and GZE[i] and fl & 4 == 0 then return i end
    if fl & 4 ~= 0 then
      i = i + 1
    else
      local j = i
      local init = fl & (2 | 32) ~= 0 or (fl & 64 ~= 0 and st.colonclause(i))
      local hl = HL[fl >> 7]
      local G = {}
      while true do
        local gk = SG[j]
        if not gk or (FL[j + 1] & 8 ~= 0 and GZE[j + 1]) or (hl and (COMMON[TK[j]] or COMMON[TK[j + 1]]))
            or not (gk == "sp" or gk == "part" or st.ofjoin(i, j, init)) then
          break
        end
        G[j] = gk
        j = j + 1
      end
      G[j] = "end"
      return i, j, init, G
    end
  end
  return nil
end

-- Scans ctx with nextrun checked at every step: the differences (in bad,
-- with label) and how many runs, joined gaps and manifest names it saw.
local function check(ctx, label, bad, seen)
  local SG = name._marks(ctx).SG
  name._trace = function(nextrun, gazat, st)
    local function step(i)
      local a, b, init = nextrun(i)
      local x, y, z, G = luarun(st, SG, i)
      local ok = a == x and b == y and init == z
      if ok and b then
        for j = a, b do if st.GAP[j] ~= G[j] then ok = false end end
        seen.runs, seen.joins = seen.runs + 1, seen.joins + (b - a)
      elseif ok and a then
        seen.gaz = seen.gaz + 1
      end
      if not ok and #bad < 5 then
        bad[#bad + 1] = ("%s: from token %d: %s %s %s, expected %s %s %s"):format(label, i, tostring(a),
          tostring(b), tostring(init), tostring(x), tostring(y), tostring(z))
      end
      return a, b, init
    end
    return step, gazat
  end
  local ok, err = pcall(name.scan, ctx)
  name._trace = nil
  if not ok then error(err, 0) end
end

test("the walk of step 2 agrees with its Lua definition on the bundled corpora", function()
  local bad, seen = {}, { runs = 0, joins = 0, gaz = 0 }
  for _, cn in ipairs{ "panjshir-2021", "varkesia-2023" } do
    local corpus = assert(sift.load("corpus/" .. cn))
    local sides, declared = corpus:sides(), corpus:declared()
    for _, doc in ipairs(corpus:documents()) do
      local text = doc.plain
      local ctx = { text = text, sides = sides, declared = declared, sentences = doc:_plainsentences(),
        quantities = number.scan(text), times = date.scan(text) }
      check(ctx, cn .. "/" .. doc.id, bad, seen)
    end
  end
  eq(bad, {})
  eq(seen.runs > 500 and seen.joins > 100 and seen.gaz > 50, true)
end)

-- Texts pieced together from names, particles, "of", headlines, colons,
-- quantities, hyphens, apostrophes and non-ASCII capitals (a fixed seed).
local PIECES = {
  "Ahmad", "Massoud", "Massoud's", "Massoud’s", "Front", "National", "Resistance", "of", "of the", "in",
  "Afghanistan", "the", "The", "University", "Minister", "Prime", "Head", "Lion", "Panjshir", "de", "van",
  "bin", "al-Qaeda", "Taliban-held", "Jr.", "É", "Ünal", "ÉCOLE", "Ахмад", "Гора", "O'Brien", "Jabul-Saraj",
  " ", " ", " ", "\t", "\194\160", ". ", ".", "\n", "\n\n", ", ", ": ", "-", "'", "’", "\226\128\148", "(",
  ")", "\"", "9", "12 March 2021", "five soldiers", "NRF", "Valley", "Heavy", "Note", "x", "and",
  " Ahmad Massoud", " National Resistance Front", " University of Kabul", " Prime Minister of Pakistan",
  " the Lion of Panjshir", " Ludwig van Beethoven", "HEADLINE The Big News\n", "villages: Ab, Cd",
}

test("the walk of step 2 agrees with its Lua definition on generated texts", function()
  local sides = { { id = "nrf", label = "National Resistance Front", aliases = { "NRF" } } }
  local declared = { { name = "Ahmad Massoud", kind = "person", side = "nrf" },
    { name = "Panjshir Valley", kind = "place" }, { name = "Ахмад Гора", kind = "place" } }
  local seed = 4242
  local function rand(k)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k + 1
  end
  local bad, seen = {}, { runs = 0, joins = 0, gaz = 0 }
  local texts = { "", "Kabul", "in Kabul", "Ünal", "Ahmad Massoud", "the Taliban-held O'Brien’s", "x É" }
  for _ = 1, 2000 do
    local parts = {}
    for k = 1, rand(30) do parts[k] = PIECES[rand(#PIECES)] end
    texts[#texts + 1] = table.concat(parts)
  end
  for _, t in ipairs(texts) do
    if utf8.len(t) then
      local ctx = { text = t, sides = sides, declared = declared, quantities = number.scan(t),
        times = date.scan(t) }
      check(ctx, ("%q"):format(t), bad, seen)
    end
  end
  eq(bad, {})
  eq(seen.runs > 5000 and seen.joins > 1000 and seen.gaz > 100, true)
end)

test("nextrun refuses a token number below 1", function()
  local ok
  name._trace = function(nextrun, gazat)
    ok = pcall(nextrun, 0)
    return nextrun, gazat
  end
  name.scan({ text = "Ahmad Massoud said" })
  name._trace = nil
  eq(ok, false)
end)
