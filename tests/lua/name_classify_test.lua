-- sift.grammar.name's classify (in C: sift.cname.classifier) against its
-- Lua definition (classify_lua in name.lua, used when name._luaclassify is
-- set): scans of the bundled corpora, of the grammar's cases and of
-- generated texts rich in the cues classify reads give the same mentions
-- both ways.
local name = require "sift.grammar.name"
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

-- The mentions of a scan as one string (every field, sorted by name).
local function dump(ms)
  local out = {}
  for _, m in ipairs(ms) do
    local ks = {}
    for k in pairs(m) do ks[#ks + 1] = k end
    table.sort(ks)
    for _, k in ipairs(ks) do out[#out + 1] = k .. "=" .. tostring(m[k]) end
    out[#out + 1] = "\n"
  end
  return table.concat(out, " ")
end

-- Scans ctx both ways: a difference goes to bad (with label); the number
-- of mentions is added to seen.
local function check(ctx, label, bad, seen)
  local a = dump(name.scan(ctx))
  name._luaclassify = true
  local ok, ms = pcall(name.scan, ctx)
  name._luaclassify = nil
  if not ok then error(ms, 0) end
  local b = dump(ms)
  seen.n = seen.n + #ms
  if a ~= b and #bad < 5 then bad[#bad + 1] = ("%s:\n%s\nexpected\n%s"):format(label, a, b) end
end

test("classify agrees with its Lua definition on the bundled corpora", function()
  local bad, seen = {}, { n = 0 }
  for _, cn in ipairs{ "panjshir-2021", "varkesia-2023" } do
    local corpus = assert(sift.load("corpus/" .. cn))
    local sides, declared = corpus:sides(), corpus:declared()
    for _, doc in ipairs(corpus:documents()) do
      local text = doc.plain
      local ctx = { text = text, sides = sides, declared = declared, sentences = doc:_plainsentences(),
        quantities = number.scan(text), times = date.scan(text), doc = { kind = doc.kind, source = doc.source } }
      check(ctx, cn .. "/" .. doc.id, bad, seen)
    end
  end
  eq(bad, {})
  eq(seen.n > 400, true)
end)

-- Texts pieced together from names and the words around them that
-- classify's cues read (a fixed seed).
local PIECES = {
  "Ahmad", "Massoud", "Massoud's", "Front", "National", "Resistance", "of", "of the", "in", "Afghanistan",
  "the", "The", "University", "Minister", "Prime", "Defence", "Head", "General", "Lion", "Panjshir", "van",
  "al-Qaeda", "Taliban-held", "Kabul-born", "Jr.", "Ünal", "KABUL", "NGOs", "UN", "U.S.", "US", "Ahmad's",
  " ", " ", " ", " ", " ", ". ", "\n", ", ", ": ", " - ", " – ", "(", ")", "\"", "12 March 2021", "Sept 7",
  "five", "Five", "Afghan", "Afghans", "Varkesian", "army", "province", "district", "Valley", "valley",
  "said", "told", "says", "added", "spokesman", "Spokesman", "named", "called", "by", "By", "Photo", "photo",
  "according to", "From", "to", "north of", "town of", "people of", "near", "in the", "the elder",
  "the younger", "a town", "a teacher", "the capital", "a group", "who", "an agency", "villages", "lies",
  "Twitter", "on Twitter", "Twitter post", "Kremlin", "White House", "Red Cross", "United States",
  "Central African Republic", "New", "Lower", "Mount", "Times", "Agreement", "Monday", "Heavy", "heavy",
  "Press Service", "Government Forces", "Northern Alliance", "AA", "CNN", "Sr.", "Ashraf Ghani's government",
  "x", "and", "Mr", "Dr.", "Pakistan", "Secretary of State", "Head of Mission", "Sahib-e", "Ахмад",
}

test("classify agrees with its Lua definition on generated texts", function()
  local sides = { { id = "nrf", label = "National Resistance Front", aliases = { "NRF" } } }
  local declared = { { name = "Ahmad Massoud", kind = "person", side = "nrf" },
    { name = "Panjshir Valley", kind = "place" }, { name = "Norland Press", kind = "org" } }
  local seed = 777
  local function rand(k)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k + 1
  end
  local bad, seen = {}, { n = 0 }
  local texts = { "", "Kabul", "KABUL, Sept 7 (AA) - Massoud", "(CNN) The", "Ünal" }
  for _ = 1, 3000 do
    local parts = {}
    for k = 1, rand(40) do parts[k] = PIECES[rand(#PIECES)] .. (rand(4) > 1 and " " or "") end
    texts[#texts + 1] = table.concat(parts)
  end
  for _, t in ipairs(texts) do
    local ctx = { text = t, sides = sides, declared = declared, quantities = number.scan(t), times = date.scan(t) }
    check(ctx, ("%q"):format(t), bad, seen)
  end
  eq(bad, {})
  eq(seen.n > 5000, true)
end)

test("cname.classifier wants its word sets and bits", function()
  local ok = pcall(require("sift.cname").classifier, {}, {})
  eq(ok, false)
end)
