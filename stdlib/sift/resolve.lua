-- sift.resolve -- one entity per referent, across documents.
--
--   local resolve = require "sift.resolve"
--   local entities = resolve.entities(mentions, {sides = ..., declared = ...})
--
-- (opts.collect, when given, is called for the full collections between the
-- steps instead of collectgarbage("collect"): the host hands memory back.
-- opts.assign, when given, gets each mention's entity and reason as
-- assign(n, entity, why) instead of columns or fields; opts.assigns, when
-- given, gets them a block of mentions a call, as assigns(n, E, W, count):
-- mention n + j - 1 has entity E[j] and reason W[j] for j = 1 to count
-- (the host's form: it stores them, and a call from Lua to C costs as much
-- as the rest of a mention's work there). The host's columns may also carry
-- textgroups and textnodes, C walks over the mentions for steps 1 and 2
-- (see cluster), and its opts nodeassign, which with them records each
-- mention's entity and reason from its node's (see members).)
-- Owns cross-document entity resolution: it groups the mention records of
-- sift.grammar.name (each with `doc` and `i`) into entities, sets `m.entity`
-- (an index into the returned list) and `m.why` (why the mention joined its
-- entity, for `sift extract --explain`) on every mention, and returns
-- {{name, kind, side, aliases = {...}, spellings = {{text, docs = {...}}}}}.
-- Uses sift.core.key (NFKC, case folded, marks stripped), and
-- sift.cname.newtable to make its big columns at their final size.
--
-- How it decides (every rule is general; nothing names a corpus):
--  * Exact classes: mentions with one normalisation key are one class; its
--    kind is the majority of its mentions' kinds, so a few missing or wrong
--    kinds do not move it. A class no mention gives a kind may join the one
--    well-attested entity its words make under some kind.
--  * A transliteration key per token finds variants: the first letter (vowels
--    by class), then the consonants with digraphs folded (sh/ch/zh/kh/gh/th/
--    dh/ph, dj/dzh -> j, c/q -> k, w -> v, f/ph), h dropped after the first
--    letter, doubled letters collapsed, y read as i, the article of an
--    Arabic "Abd al-" name one spelling (Abdullah/Abdallah); plus, for
--    places and organisations, the number of vowel groups and the class of
--    the first vowel (Panjsher/Panjshir agree), and for people whether the
--    name ends in a vowel (Karim is not Karima), as a vowel between two
--    consonants comes and goes (Dagalo/Daglo). Short tokens keep their whole
--    vowel pattern (Ali is not Ala); in people's names each vowel must be
--    near its partner (a/e, e/i, o/u: Karim is not Karam, Mahmud not
--    Mohammad; Ahmad/Ahmed, Sarraj/Serraj agree), one inner group of three
--    or more may be missing. "Abdel Fattah", "Abd al-Fattah" are one name,
--    as "Abdelfattah". Place names compare their words joined
--    (Jabul-Saraj/Jablus Siraj); "-e", "al-" and other particles drop out
--    (a capitalised al/el/bin/ibn too, before a person's last name).
--  * Token alignment confirms people: first and last name align, every token
--    of the shorter name aligns in order with one of the longer, each pair
--    with one transliteration key or an initial. Extra initials and "Sr."/
--    "Jr." markers are compatible ("Sr." and "Jr." are not); an extra middle
--    name (Ahmad Massoud / Ahmad Shah Massoud) joins only when both carry the
--    same side, it is the only candidate, and no document uses both forms.
--    Titles ("General", "Commander") are not part of a name.
--  * A document that uses two compatible but different forms of a name
--    (Radomir Kaçeli Sr. and Radomir R. Kaçeli) names two people: those
--    forms never merge. A form that fits, by initials or markers, two people
--    who must stay apart (plain "Radomir Kaceli") is resolved per document,
--    by which of them that document names apart; it never merges on its
--    spelling alone.
--  * A one-word mention the text calls a person, whose exact class is of
--    another category, is the person its document named before with that
--    surname ("Tomas Sarn ... Sarn said", where Sarn is a town elsewhere):
--    people and places of one name never share a class's node.
--  * A bare surname goes to the person its document named most recently with
--    that surname (to the next one for a headline before the full name;
--    "Sr."/"the elder" to the senior, from the text or the mention's title);
--    across documents only when one person in the corpus has that surname.
--    A nickname (a mention whose role is "nickname": "X, widely known as
--    Y") is X wherever the corpus has it; a first name alone is the one
--    person of its document with it, when it is nobody's surname.
--  * Organisations: translation order ("Ministry of Defence" / "Defence
--    Ministry"), a qualifier ("... of Afghanistan", when the short form has
--    three words or shares a document with the long one), a generic tail
--    ("News Agency"), acronyms (initials of the capitalised words, without
--    of/the/and; two letters only beside the long form, in its document; an
--    acronym two long forms share is resolved per document).
--  * Places: a type word separates (province / river / street / district);
--    a bare name joins the province-like forms (province, valley, region,
--    republic, "Republic of X"), or the city if the corpus writes "X city";
--    "X district" takes a bare X only after it in the same document.
--  * People and non-people never merge; sides never block a merge (a side
--    the text gets wrong must not split a name).
--  * Declared entities of the manifest (names and aliases, also through the
--    transliteration key and a qualifier) anchor clusters and give name,
--    kind and side; otherwise an entity's side is the side most of its
--    side-bearing mentions carry (a mention that is a side's alias counts).
--  * name: the declared name, else the full form most documents use (ties:
--    more words), written in its native spelling when one has diacritics,
--    else the spelling most documents use.
-- Candidates come from hash buckets (first name + surname key, place base
-- key, organisation forms, initials), never from all pairs: the work grows
-- with the number of mentions and, inside a bucket, with the forms whose
-- middle names contain each other. Deterministic: one input, one output.
local core = require "sift.core"
local newtable = require("sift.cname").newtable

local type, ipairs, pairs, next, error, tostring = type, ipairs, pairs, next, error, tostring
local collectgarbage, setmetatable = collectgarbage, setmetatable
local string_sub, string_gsub, string_find, string_gmatch = string.sub, string.gsub, string.find,
  string.gmatch
local string_lower, string_upper, string_format, string_byte = string.lower, string.upper, string.format, string.byte
local table_sort, table_concat = table.sort, table.concat
local utf8_len = utf8.len
local corekey = core.key

local _ENV = nil -- luacheck: ignore 211 (from here on no global is read or written)

local M = {}

-- ------------------------------------------------------------ word lists
-- General English (and a few widely used name particles); nothing here is
-- specific to a conflict or a corpus.

local function set(list)
  local s = {}
  for _, w in ipairs(list) do s[w] = true end
  return s
end

-- titles and ranks written before a name ("General Abdul Wudod Zara")
local TITLES = set {
  "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "general", "gen",
  "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt", "commander", "cmdr", "cdr",
  "sergeant", "sgt", "corporal", "cpl", "private", "pte", "pvt", "admiral", "adm", "brigadier", "brig",
  "marshal", "president", "vice", "minister", "premier", "chancellor", "governor", "gov", "mayor",
  "senator", "sen", "rep", "judge", "justice", "sheikh", "shaikh", "sheik", "mullah", "mawlawi", "maulvi",
  "mawlana", "maulana", "imam", "ayatollah", "hajji", "haji", "king", "queen", "prince", "princess", "pope",
  "rev", "reverend", "bishop", "rabbi", "comrade", "deputy", "acting", "prime", "chief", "ambassador",
  "spokesman", "spokeswoman", "spokesperson", "leader",
}
-- generation markers, after the name or given as the mention's title/role
local MARKERS = {
  sr = "sr", snr = "sr", senior = "sr", elder = "sr",
  jr = "jr", jnr = "jr", junior = "jr", younger = "jr",
  ii = "ii", iii = "iii", iv = "iv",
}
-- particles that do not distinguish names (al-Qaeda, Sahib-e, Mazar-i-Sharif)
local PARTICLES = set { "al", "el", "ul", "ad", "ud", "ash", "as", "ar", "an", "e", "i", "bin", "ibn", "bint",
  "van", "von", "de", "da", "di", "du", "del", "der", "den", "la", "le", "ter", "ten", "zu" }
-- particles that are no name also when capitalised, before a name's last word
local CAPARTICLES = set { "al", "el", "bin", "ibn" }
-- lower-case words that structure organisation names and epithets
local CONNECTORS = set { "of", "the", "and", "in", "for", "on", "at", "to", "&", "des", "du", "de", "del" }
-- words that begin a qualifier of an organisation ("... of Afghanistan")
local QUALIFIERS = set { "of", "in", "for", "at" }
-- place type words; a bare name denotes the province-like ones
local COEXTENSIVE = set { "province", "region", "republic", "state", "governorate", "oblast", "krai",
  "prefecture", "canton", "emirate", "kingdom", "territory", "valley" }
-- administrative units often named after their main town
local SUBAREA = set { "district", "county", "municipality", "subdistrict", "commune", "parish", "borough",
  "township", "zone", "neighbourhood", "neighborhood", "quarter", "ward" }
local SETTLEMENT = set { "city", "town", "village", "hamlet" }
-- places that are never the bare name's referent
local LINEAR = set { "river", "street", "road", "avenue", "boulevard", "highway", "lane", "pass", "bridge",
  "lake", "sea", "bay", "gulf", "strait", "canal", "dam", "mountain", "mountains", "hill", "hills", "peak",
  "range", "ridge", "gorge", "island", "islands", "airport", "airbase", "square", "station", "port",
  "harbour", "harbor", "crossing", "checkpoint", "camp", "desert", "forest", "plain", "plateau", "coast",
  "beach", "cape", "stream", "creek", "falls", "glacier", "basin", "delta", "peninsula", "park" }
-- generic tails an outlet's name is often written without ("Tasnim News Agency")
local GENERIC_TAIL = set { "agency", "news", "press", "network", "corporation", "corp", "company", "co", "inc",
  "ltd", "llc", "plc", "broadcasting", "tv" }
-- words that make an unlabelled name an organisation
local ORG_CUES = set { "front", "agency", "ministry", "army", "forces", "force", "party", "university",
  "council", "committee", "government", "brigade", "mission", "centre", "center", "guard", "movement",
  "alliance", "union", "organisation", "organization", "association", "institute", "news", "radio",
  "television", "court", "bank", "police", "department", "office", "service", "corps", "battalion",
  "regiment", "division", "company", "corporation", "network", "times", "post", "tribune", "herald",
  "journal", "gazette", "press", "group", "federation", "league", "foundation", "fund", "authority",
  "commission", "parliament", "assembly", "coalition", "command", "directorate", "administration" }

local KINDS = { "person", "org", "place", "group", "other" }
local KPOS = {} -- kind -> its place in KINDS
for p, kd in ipairs(KINDS) do KPOS[kd] = p end
local SAME = {} -- reason: the same name (formatted when the entities are built)
local KBLOCK = 64 -- mentions whose packed kinds are read at once (see cluster)

local function placetype(w)
  if COEXTENSIVE[w] then return "coext" end
  if SUBAREA[w] then return "sub" end
  if SETTLEMENT[w] then return "settle" end
  if LINEAR[w] then return "linear" end
  return nil
end

-- ------------------------------------------------------------ transliteration key

-- Latin letters sift.key leaves alone because they do not decompose.
local FOLDS = { ["ı"] = "i", ["ł"] = "l", ["đ"] = "d", ["ð"] = "d", ["ø"] = "o", ["æ"] = "ae", ["œ"] = "oe",
  ["þ"] = "th", ["ŀ"] = "l", ["ħ"] = "h", ["ŧ"] = "t" }

-- The letters of a normalisation key, with digraphs and near-equivalent
-- letters folded: "šendova", "shendova" and "sendova" all give "sendova".
-- nil when nothing Latin is left (the caller then compares keys exactly).
local function letters(k)
  local s = string_gsub(k, "[\192-\255][\128-\191]*", FOLDS)
  s = string_gsub(s, "[^a-z0-9]", "")
  if s == "" then return nil end
  s = string_gsub(s, "dzh", "j")
  s = string_gsub(s, "dj", "j")
  s = string_gsub(s, "([zsckgptd])h", "%1")
  s = string_gsub(s, "ck", "k")
  s = string_gsub(s, "[qc]", "k") -- (c after "ch" lost its h: Mikael/Michael)
  s = string_gsub(s, "w", "v")
  s = string_gsub(s, "f", "p") -- ph and f: one class (after "ph" lost its h)
  -- the article of an Arabic "Abd al-" name, however it is written
  -- (Abdullah, Abdallah, Abdel-, Abdul-, Abdol-): one spelling
  s = string_gsub(s, "^abd[aeiou]l", "abdal")
  return s
end

local VCLASS = { a = "a", e = "i", i = "i", y = "i", o = "u", u = "u" }

-- The transliteration key of folded letters: first letter (a vowel by its
-- class), consonant skeleton, number of vowel groups, class of the first
-- vowel; short skeletons keep every vowel class.
local function shape(s)
  local first = string_sub(s, 1, 1)
  local rest = string_gsub(string_sub(s, 2), "h", "")
  rest = string_gsub(rest, "y", "i")
  local t = first .. rest
  local again = 1
  while again > 0 do t, again = string_gsub(t, "([a-z0-9])%1", "%1") end
  local skel, classes, vs = {}, {}, {}
  local fc = t:sub(1, 1)
  if fc ~= "y" and VCLASS[fc] then skel[1] = VCLASS[fc] else skel[1] = fc end
  local prev = false
  for p = 1, #t do
    local c = string_sub(t, p, p)
    local v = VCLASS[c] ~= nil and not (p == 1 and c == "y")
    if v then
      if not prev then
        classes[#classes + 1] = VCLASS[c]
        vs[#vs + 1] = c
      end
      prev = true
    else
      if p > 1 then skel[#skel + 1] = c end
      prev = false
    end
  end
  local sk = table_concat(skel)
  local k = sk .. #classes .. (classes[1] or "")
  if #sk <= 2 then return k .. ":" .. table_concat(classes), table_concat(vs), k .. ":" .. table_concat(classes) end
  -- a person's key leaves out the number of vowel groups, as a vowel
  -- between two consonants comes and goes in transliteration (Dagalo/
  -- Daglo), and the class of the first vowel (Sarraj/Serraj: vcompat
  -- compares the vowels), but says whether the name ends in a vowel
  -- (Karim/Karima)
  local pk = sk .. (prev and "-" or "")
  return k, table_concat(vs), pk
end

-- tk(k): the transliteration key of one token's normalisation key, and its
-- vowel signature (the first vowel of each group).
local function tk(k)
  local s = letters(k)
  if not s then return "=" .. k, "" end
  return shape(s)
end

-- ptk(k): a person's transliteration key of one token (see shape), and its
-- vowel signature.
local function ptk(k)
  local s = letters(k)
  if not s then return "=" .. k, "" end
  local _, vs, pk = shape(s)
  return pk, vs
end

-- Vowel signatures that may write one name: the same vowels, or a/e, e/i,
-- o/u apart (Ahmad/Ahmed, Kareemi/Karimi, Mohammad/Muhammad; not
-- Karim/Karam); one of three or more groups may be missing inside the
-- name (Dagalo/Daglo, whose keys agree: ptk). Pairwise, not a key: e is
-- near both a and i.
local VNEAR = set { "ae", "ea", "ei", "ie", "ou", "uo" }
local function vnear(x, y, skip) -- x without its vowel skip against y
  local q = 0
  for p = 1, #x do
    if p ~= skip then
      q = q + 1
      local a, b = string_sub(x, p, p), string_sub(y, q, q)
      if a ~= b and not VNEAR[a .. b] then return false end
    end
  end
  return true
end
local function vcompat(x, y)
  if x == y then return true end
  if #x == #y then return vnear(x, y, 0) end
  if #x < #y then x, y = y, x end
  if #x ~= #y + 1 or #x < 3 then return false end
  for skip = 2, #x - 1 do
    if vnear(x, y, skip) then return true end
  end
  return false
end

-- ------------------------------------------------------------ tokens and analysis

local function firstletter(k)
  local s = letters(k)
  return s and string_sub(s, 1, 1) or string_sub(k, 1, 1)
end

-- The words of a name: {raw, k (normalisation key), low (written in lower
-- case), hy (part of a hyphenated word), dot (ends with a period)}.
local function tokens(text)
  local t = string_gsub(text, "\226\128\153s$", "")
  t = string_gsub(t, "'s$", "")
  t = string_gsub(t, "\226\128\153$", "")
  t = string_gsub(t, "\226\128[\152\153\156\157]", " ")
  t = string_gsub(t, "[\"()%[%],;:!?]", " ")
  t = string_gsub(t, "\226\128[\147\148]", "-")
  local out = {}
  for w in string_gmatch(t, "%S+") do
    local parts = {}
    for p in string_gmatch(w, "[^%-]+") do parts[#parts + 1] = p end
    for _, p in ipairs(parts) do
      p = string_gsub(p, "^'+", "")
      local dot = string_sub(p, -1) == "."
      local bare = string_gsub(p, "[%.']+$", "")
      if bare ~= "" then
        local k = corekey(bare)
        out[#out + 1] = { raw = p, bare = bare, k = k, low = string_find(bare, "^[a-z]") ~= nil,
          hy = #parts > 1, dot = dot }
      end
    end
  end
  return out
end

local function isinitial(tok)
  local n = utf8_len(tok.bare)
  if n == 1 then return not tok.low end
  return false
end

local function allcaps(text)
  local s = string_gsub(text, "%.", "")
  return string_find(s, "^%u%u+$") ~= nil and #s <= 6
end

-- The content of a name without connectors and particles: transliteration
-- keys joined by spaces.
local function contentkey(toks, from, to)
  local ks = {}
  for p = from, to do
    local w = toks[p]
    if not CONNECTORS[w.k] and not (PARTICLES[w.k] and (w.low or w.hy)) then ks[#ks + 1] = tk(w.k) end
  end
  return table_concat(ks, " "), #ks
end

-- Initials of the capitalised words between from and to (of/the/and left out).
local function initials(toks, from, to)
  local s = {}
  for p = from, to do
    local w = toks[p]
    if not w.low and not CONNECTORS[w.k] and not PARTICLES[w.k] then
      s[#s + 1] = string_sub(w.k, 1, 1)
    end
  end
  return table_concat(s)
end

-- The kind a name suggests when no mention says it.
local function guesskind(toks, text)
  if allcaps(text) then return "org" end
  local n = #toks
  if n == 0 then return nil end
  local last, first = toks[n].k, toks[1].k
  if n >= 2 and placetype(last) then return "place" end
  if n >= 2 and first == "the" then return "org" end
  if n >= 3 and placetype(first) and toks[2].k == "of" then return "place" end
  for _, w in ipairs(toks) do
    if ORG_CUES[w.k] then return "org" end
  end
  if TITLES[first] or MARKERS[last] then return "person" end
  for _, w in ipairs(toks) do
    if isinitial(w) then return "person" end
  end
  if n >= 2 and n <= 4 then
    for _, w in ipairs(toks) do
      if w.low then return nil end
    end
    return "person"
  end
  return nil
end

-- Person name: titles off the front, markers off the back, particles out;
-- slots = {tk, init, l1}. A lower-case connector makes it an epithet
-- ("Lion of Panjshir"), compared only as a whole.
local function personform(toks, a)
  local p, q = 1, #toks
  while p < q and TITLES[toks[p].k] do p = p + 1 end
  local marker
  while q > p and MARKERS[toks[q].k] and not (toks[q].low and string_find(toks[q].k, "^i")) do
    marker = marker or MARKERS[toks[q].k]
    q = q - 1
  end
  -- "the elder"/"the younger" in the text itself
  if toks[p] and toks[p].k == "the" and toks[p + 1] and MARKERS[toks[p + 1].k] then
    marker = marker or MARKERS[toks[p + 1].k]
    p = p + 2
  end
  local ws = {}
  for r = p, q do
    local w = toks[r]
    if CONNECTORS[w.k] and w.low then
      a.form = "epithet"
      return a
    end
    -- (a capitalised article inside a name too: "Abdelfattah El Burhan")
    if not (PARTICLES[w.k] and (w.low or w.hy or (CAPARTICLES[w.k] and r < q))) then ws[#ws + 1] = w end
  end
  local slots = {}
  local j = 1
  while j <= #ws do
    local w = ws[j]
    if isinitial(w) then
      slots[#slots + 1] = { init = firstletter(w.k) }
    elseif string_find(w.raw, "^%u%.%u%.") then -- "R.R."
      for c in string_gmatch(w.bare, "%u") do slots[#slots + 1] = { init = string_lower(c) } end
    else
      local k = w.k
      -- "Abdel Fattah", "Abd al-Fattah": one name, as "Abdelfattah" (when
      -- a surname follows)
      if string_find(k, "^abd[aeiou]?l?$") and j + 2 <= #ws and not isinitial(ws[j + 1]) then
        j = j + 1
        k = "abdal" .. ws[j].k
      end
      local key, vs = ptk(k)
      slots[#slots + 1] = { tk = key, vs = vs, l1 = firstletter(k) }
    end
    j = j + 1
  end
  a.marker = marker
  local full = 0
  for _, s in ipairs(slots) do
    if s.tk then full = full + 1 end
  end
  if #slots == 0 then
    a.form = "epithet"
  elseif #slots == 1 and slots[1].tk then
    a.form = "bare"
    a.sur, a.vs = slots[1].tk, slots[1].vs
  elseif full == 0 or not slots[#slots].tk then
    a.form = "epithet"
  else
    a.form = "person"
    a.slots = slots
    a.prof = { slots = slots, marker = marker }
    a.sur = slots[#slots].tk
    -- first and last names must align: forms compare inside a bucket of
    -- first name and surname, and forms with an initial first against the
    -- buckets of that letter
    local first = slots[1]
    a.letter = (first.init or first.l1) .. "|" .. a.sur
    a.bucket = first.init and ("~" .. a.letter) or (first.tk .. "|" .. a.sur)
    local ks = {}
    for r, s in ipairs(slots) do ks[r] = s.tk or ("~" .. s.init) end
    a.tc = table_concat(ks, " ") .. "|" .. (marker or "")
  end
  return a
end

-- Place name: base words and an optional type word ("Panjshir River",
-- "Republic of Varkesia"); the base compares with its words joined.
local function placeform(toks, a)
  local n = #toks
  local from, to, ptype = 1, n, ""
  if n >= 2 and placetype(toks[n].k) then
    ptype, to = toks[n].k, n - 1
  elseif n >= 3 and placetype(toks[1].k) and toks[2].k == "of" then
    ptype, from = toks[1].k, 3
  end
  local ls = {}
  for p = from, to do
    local w = toks[p]
    if not (CONNECTORS[w.k] and w.low) and not (PARTICLES[w.k] and (w.low or w.hy)) then
      ls[#ls + 1] = letters(w.k) or w.k
    end
  end
  if #ls == 0 then
    a.form = "other"
    a.tc = contentkey(toks, 1, n)
    return a
  end
  a.form = "place"
  a.base = shape(table_concat(ls))
  a.ptype = ptype
  a.pclass = ptype ~= "" and placetype(ptype) or nil
  a.tc = a.base .. "|" .. ptype
  a.inits = initials(toks, 1, n)
  return a
end

-- Organisation (and group, other) name: content key, reordered "A of B",
-- qualifier prefix, generic tail, initials.
local function orgform(toks, a, text)
  local n = #toks
  local from = 1
  if n >= 2 and toks[1].k == "the" then from = 2 end
  a.form = "org"
  a.tc, a.ntok = contentkey(toks, from, n)
  a.inits = initials(toks, from, n)
  local of
  for p = from + 1, n - 1 do
    if QUALIFIERS[toks[p].k] and toks[p].low then
      of = p
      break
    end
  end
  if of then
    local pk, pn = contentkey(toks, from, of - 1)
    if pn >= 2 then
      a.prefix, a.prefixn = pk, pn
      a.pinits = initials(toks, from, of - 1)
    end
    if toks[of].k == "of" then
      local head = contentkey(toks, from, of - 1)
      local tail = contentkey(toks, of + 1, n)
      if head ~= "" and tail ~= "" then a.alt = tail .. " " .. head end
    end
  end
  local q = n
  while q > from and GENERIC_TAIL[toks[q].k] do q = q - 1 end
  if q < n and q >= from then a.tail = contentkey(toks, from, q) end
  if a.tc == "" then a.tc = "=" .. corekey(text) end
  return a
end

-- analyse(text, kind) -- the comparable form of one name.
local function analyse(text, kind, caps)
  local toks = tokens(text)
  local a = { kind = kind }
  if #toks == 0 then
    a.form, a.tc = "other", "=" .. corekey(text)
    return a
  end
  if caps then
    a.acr = string_lower(string_gsub(text, "%.", ""))
  end
  local cat = kind or guesskind(toks, text)
  a.cat = cat
  if cat == "person" or (cat == nil and #toks == 1 and not caps) then
    personform(toks, a)
    if a.form == "epithet" then a.tc = "=" .. corekey(text) end
    return a
  end
  if cat == "place" then return placeform(toks, a) end
  return orgform(toks, a, text)
end

-- ------------------------------------------------------------ person profiles

local function slotok(x, y)
  if x.init and y.init then return x.init == y.init end
  if x.init then return x.init == y.l1 end
  if y.init then return y.init == x.l1 end
  return x.tk == y.tk and vcompat(x.vs, y.vs)
end

-- align(p, q) -- how profile p relates to q: "eq", "gen" (p is more general:
-- q adds initials, full forms of initials or a marker), "spec" (the reverse),
-- "sib" (each adds something), "drop" (q has a middle name p lacks),
-- "dropsup" (the reverse), or nil (incompatible); and the merged profile.
local function align(p, q)
  if p.marker and q.marker and p.marker ~= q.marker then return nil end
  local short, long, swapped = p.slots, q.slots, false
  if #short > #long then short, long, swapped = q.slots, p.slots, true end
  local ns, nl = #short, #long
  if ns < 2 then return nil end
  if not slotok(short[1], long[1]) or not slotok(short[ns], long[nl]) then return nil end
  local map = { [1] = 1, [ns] = nl }
  local j = 2
  for r = 2, ns - 1 do
    while j <= nl - 1 and not slotok(short[r], long[j]) do j = j + 1 end
    if j > nl - 1 then return nil end
    map[r] = j
    j = j + 1
  end
  local sx, lx, drop = false, false, false
  local used, merged = {}, nil
  for r = 1, ns do
    local x, y = short[r], long[map[r]]
    used[map[r]] = true
    if x.init and not y.init then
      lx = true
    elseif y.init and not x.init then
      sx = true
      if not merged then
        merged = {}
        for t = 1, nl do merged[t] = long[t] end
      end
      merged[map[r]] = x
    end
  end
  for r = 2, nl - 1 do
    if not used[r] then
      if long[r].init then lx = true else drop = true end
    end
  end
  local smark, lmark = p.marker, q.marker
  if swapped then smark, lmark = q.marker, p.marker end
  if smark and not lmark then sx = true elseif lmark and not smark then lx = true end
  local rel
  if drop then
    rel = "drop"
  elseif sx and lx then
    rel = "sib"
  elseif lx then
    rel = "gen"
  elseif sx then
    rel = "spec"
  else
    rel = "eq"
  end
  if swapped then
    if rel == "drop" then
      rel = "dropsup"
    elseif rel == "gen" then
      rel = "spec"
    elseif rel == "spec" then
      rel = "gen"
    end
  end
  -- the merged profile: one of the two when it already says everything
  local marker = p.marker or q.marker
  if not merged then
    local lp = swapped and p or q
    if lp.marker == marker then return rel, lp end
    merged = long
  end
  return rel, { slots = merged, marker = marker }
end

-- ------------------------------------------------------------ helpers

local function sidelist(sides)
  local out = {}
  if type(sides) ~= "table" then return out end
  if sides[1] ~= nil then
    for _, s in ipairs(sides) do
      if type(s) == "table" and s.id then out[#out + 1] = s end
    end
  else
    local ids = {}
    for id in pairs(sides) do ids[#ids + 1] = id end
    table_sort(ids, function(x, y) return tostring(x) < tostring(y) end)
    for _, id in ipairs(ids) do
      local s = sides[id]
      if type(s) == "table" then
        out[#out + 1] = { id = id, label = s.label, aliases = s.aliases }
      end
    end
  end
  return out
end

local function nonascii(s)
  return string_find(s, "[\128-\255]") ~= nil
end

local function isupper(s)
  return string_upper(s) == s and string_lower(s) ~= s
end

local function quote(s)
  return "'" .. s .. "'"
end

-- ------------------------------------------------------------ resolution

-- The fields of a mention the resolver reads, one column each.
local FIELDS = { "text", "doc", "i", "key", "kind", "side", "decl", "title", "role", "generation" }

-- columns(mentions) -> the mentions as columns {n =, text = {...}, ...}: a
-- list of mention tables is turned into them, columns are taken as they are.
-- A corpus has millions of mentions; a column costs one slot a mention where
-- a table costs hundreds of bytes.
--
-- The doc column may come as document ranges instead (the host's form: one
-- slot a document, not one a mention): docs[k] is the document of mentions
-- docfirst[k] up to docfirst[k + 1] - 1 (the last one: up to n), the
-- docfirst ascending from 1. Reads of the column find the range.
local DOCBLOCK = 64 -- mentions a slot of doccolumn's index (a document has tens)

local function doccolumn(docs, first, N) -- the index (docblk) and the column
  local nd = #docs
  -- BLK[b]: the last range that starts at or before mention (b - 1) *
  -- DOCBLOCK + 1, so a read walks from there over the few ranges that
  -- start within the block (reads come in any order: by cluster too);
  -- k: the range of the last read (the steps that go in order read each
  -- range's mentions one after another)
  local BLK, k = {}, 1
  for b = 1, nd > 0 and (N - 1) // DOCBLOCK + 1 or 0 do
    local n = (b - 1) * DOCBLOCK + 1
    while k < nd and first[k + 1] <= n do k = k + 1 end
    BLK[b] = k
  end
  k = 1
  return BLK, setmetatable({}, { __index = function(_, n)
    if type(n) ~= "number" or n < 1 or n > N or nd == 0 then return nil end
    local r = k
    if n < first[r] or (r < nd and n >= first[r + 1]) then
      r = BLK[(n - 1) // DOCBLOCK + 1]
      while r < nd and first[r + 1] <= n do r = r + 1 end
      k = r
    end
    return docs[r]
  end })
end

--
-- The kind column may come packed instead (the host's form: one byte a
-- mention, not a 16-byte slot): kindcode is a string whose n-th byte is
-- mention n's kind as an index into the list kindname, 0 for none. Its
-- two readers (step 1 and members, both in mention order) read the bytes
-- where they are, a block of KBLOCK at a time.
local function columns(mentions)
  if type(mentions.n) == "number" and type(mentions.text) == "table" then
    if mentions.doc == nil and type(mentions.docs) == "table" and type(mentions.docfirst) == "table" then
      mentions.docblk, mentions.doc = doccolumn(mentions.docs, mentions.docfirst, mentions.n)
    else -- (the loops over every mention read these: see cluster)
      mentions.docs, mentions.docfirst, mentions.docblk = nil, nil, nil
    end
    if type(mentions.kindcode) ~= "string" or type(mentions.kindname) ~= "table" or mentions.kind ~= nil then
      mentions.kindcode, mentions.kindname = nil, nil
    end
    for _, f in ipairs(FIELDS) do mentions[f] = mentions[f] or {} end
    return mentions
  end
  local c = { n = #mentions }
  for _, f in ipairs(FIELDS) do c[f] = {} end
  for n, m in ipairs(mentions) do
    if type(m) ~= "table" or type(m.text) ~= "string" then
      error(string_format("bad mention #%d to 'entities' (a table with a 'text' string expected)", n), 3)
    end
    for _, f in ipairs(FIELDS) do c[f][n] = m[f] end
  end
  return c
end

-- The place in KINDS of each code of a packed kind column (0: no kind, or
-- one not in KINDS), or nil for a column of names: the kind votes are
-- counted by place, in a list of #KINDS counts.
local function kindplaces(cols)
  local KN = cols.kindcode and cols.kindname
  if not KN then return nil end
  local KP = { [0] = 0 }
  for c, kd in ipairs(KN) do KP[c] = KPOS[kd] or 0 end
  return KP
end

-- cluster(cols, sidekey, declared, collect) -- steps 1 to 9 of entities: the nodes
-- and their clusters. Returns what the entities are made of: the exact
-- classes by text (tec: a mention's key is its text's, so a mention's class
-- is tec[text], without a key column), each mention's node (nodeof), the
-- node columns FIRST, WHY, parent and DECL, and catof (a root's category);
-- the rest of its state goes when it returns.
local function cluster(cols, sidekey, declared, collect)
  local N, Mtext, Mdoc, Mi, Mkey = cols.n, cols.text, cols.doc, cols.i, cols.key
  local Mkind, Mside, Mdecl, Mrole = cols.kind, cols.side, cols.decl, cols.role
  local KC, KP = cols.kindcode, kindplaces(cols)
  -- the host's document ranges (nil for a doc column): the loops that go
  -- through the mentions in order walk them instead of reading the column
  local RD, RF = cols.docs, cols.docfirst
  local NRD = RD and #RD or 0
  local hasi = next(Mi) ~= nil -- else mentions are in text order as listed (before is x < y)

  local function before(x, y)
    local ix, iy = Mi[x], Mi[y]
    if type(ix) == "number" and type(iy) == "number" and ix ~= iy then return ix < iy end
    return x < y
  end

  -- 1. exact classes: one normalisation key
  local ecs, eclist = {}, {}
  -- the mentions by document: the documents in order of first mention
  -- (docorder), the k-th one's mentions in text order (by i, else in list
  -- order) at positions DFROM[k] to DTO[k] of ORDER, or of the mentions
  -- themselves when they come so already (ORDER nil: the host's order)
  local docorder, docidx, DFROM, DTO, ORDER = {}, {}, {}, {}, nil
  local inorder, lastdk = true, nil
  local runs = true -- each document's mentions are one run of the list (the host's form)
  local tec = {} -- text -> exact class (its key: the caller's, else sift.core.key's)
  -- steps 1 and 2 go through the mentions by runs of one document (a range
  -- of the host's, else a stretch of equal doc values), a document's
  -- bookkeeping once a run: docrun(at) is the document ("" for none) and the
  -- last mention of the run that starts at mention at; each step asks for
  -- the runs in order, from rk = 0 (the range of the last run, RF)
  local rk = 0
  local function docrun(at)
    local d, last
    if RF then
      while rk < NRD and RF[rk + 1] <= at do rk = rk + 1 end
      d, last = RD[rk], rk < NRD and RF[rk + 1] - 1 or N
    else
      d, last = Mdoc[at], at
      while last < N and Mdoc[last + 1] == d do last = last + 1 end
    end
    if d == nil then d = "" end
    return d, last
  end
  -- the packed kinds are read a block at a time (KB: the codes of
  -- mentions kb0 + 1 to kb0 + KBLOCK, a call a block, not a mention);
  -- whether a text is all capitals is asked once a text, when tec first
  -- maps it (a text that was all capitals still is)
  local KB, kb0 = nil, -KBLOCK
  -- the exact class of a text first seen at mention m (by its key: the
  -- mention's, else the text's), made when new; tec maps the text to it
  local function classof(text, m)
    local k = Mkey[m]
    if type(k) ~= "string" then k = corekey(text) end
    local ec = ecs[k]
    if not ec then
      ec = { k = k, first = m, kc = { 0, 0, 0, 0, 0 }, caps = true, id = #eclist + 1 }
      ecs[k] = ec
      eclist[#eclist + 1] = ec
    end
    tec[text] = ec
    if ec.caps and not allcaps(text) then ec.caps = false; ec.text = ec.text or text end
    return ec
  end
  -- the host's texts (cols.textgroups and textnodes, with its document
  -- ranges and packed kinds): its C walks the mentions, these steps work
  -- a text (step 1) or a node (step 2) at a time; TID: each text's class
  -- id, by the host's text number. Taken when each document is one range.
  local TG, TID, TEXTS = type(cols.textgroups) == "function" and type(cols.textnodes) == "function"
    and KC and RF and not hasi, nil, nil
  if TG then
    for k = 1, NRD do
      local d = RD[k]
      if d == nil then d = "" end
      if docidx[d] then TG = false break end
      docorder[k], docidx[d], DFROM[k], DTO[k] = d, k, RF[k], k < NRD and RF[k + 1] - 1 or N
    end
    if not TG then docorder, docidx, DFROM, DTO = {}, {}, {}, {} end
  end
  if TG then
    local texts, tfirst, counts = cols.textgroups(KP, #KINDS)
    local nk = #KINDS
    TEXTS = texts
    TID = {}
    for t, text in ipairs(texts) do
      local ec = classof(text, tfirst[t])
      local kc, b = ec.kc, (t - 1) * nk
      for p = 1, nk do kc[p] = kc[p] + counts[b + p] end
      TID[t] = ec.id
    end
    for m in pairs(Mdecl) do tec[Mtext[m]].decl = true end
  end
  local at = TG and N + 1 or 1 -- the run's first mention
  while at <= N do
    local d, last = docrun(at)
    local dk = docidx[d]
    if not dk then
      dk = #docorder + 1
      docorder[dk], docidx[d], DFROM[dk] = d, dk, at
    elseif dk ~= lastdk then
      inorder, runs = false, false
    elseif hasi and before(at, at - 1) then -- (the same document again: a nil doc, then "")
      inorder = false
    end
    DTO[dk], lastdk = last, dk
    for m = at, last do
      local text = Mtext[m]
      if type(text) ~= "string" then
        error(string_format("bad mention #%d to 'entities' (a 'text' string expected)", m), 3)
      end
      local ec = tec[text] or classof(text, m)
      if Mdecl[m] ~= nil then ec.decl = true end
      local p
      if KC then
        if m - kb0 > KBLOCK or m <= kb0 then
          kb0 = m - 1
          KB = { string_byte(KC, m, m + KBLOCK - 1) }
        end
        p = KP[KB[m - kb0]]
      else
        p = KPOS[Mkind[m]] or 0
      end
      if p > 0 then
        local kc = ec.kc
        kc[p] = kc[p] + 1
      end
      if hasi and m > at and before(m, m - 1) then inorder = false end
    end
    at = last + 1
  end
  if not inorder then
    local lists = {}
    for dk = 1, #docorder do lists[dk] = {} end
    for n = 1, N do
      local d = Mdoc[n]
      if d == nil then d = "" end
      local l = lists[docidx[d]]
      l[#l + 1] = n
    end
    ORDER = {}
    for dk, l in ipairs(lists) do
      for p = 2, #l do
        if before(l[p], l[p - 1]) then
          table_sort(l, before)
          break
        end
      end
      DFROM[dk] = #ORDER + 1
      for _, n in ipairs(l) do ORDER[#ORDER + 1] = n end
      DTO[dk] = #ORDER
    end
  end

  local mixed, surnames, PERSON = {}, {}, KPOS.person
  for _, ec in ipairs(eclist) do
    local best, bn, votes = nil, 0, 0
    for p, kd in ipairs(KINDS) do
      local c = ec.kc[p]
      votes = votes + c
      if c > bn then best, bn = kd, c end
    end
    ec.votes = votes
    ec.kind = best
    ec.text = ec.text or Mtext[ec.first]
    ec.a = analyse(ec.text, best, ec.caps)
    ec.cat = ec.a.cat
    if ec.cat == "group" then ec.cat = "org" end
    -- (for step 2: one-word classes of another category than person some
    -- mention calls a person; the surnames of people's full names)
    if ec.a.form == "person" then
      surnames[ec.a.sur] = true
    elseif ec.cat ~= "person" and ec.kc[PERSON] > 0 and not string_find(ec.k, " ", 1, true) then
      mixed[#mixed + 1] = ec
    end
  end
  -- such a class whose word is some person's surname (cand: its
  -- transliteration key): step 2 looks for that person in the document
  for _, ec in ipairs(mixed) do
    local t = ptk(ec.k)
    if surnames[t] then ec.cand = t end
  end
  mixed, surnames = nil, nil -- luacheck: ignore 311 (released before the peak)

  -- 2. nodes: one per exact class and document; one per mention for bare
  -- surnames (resolved occurrence by occurrence); declared entities as seeds.
  -- A node is a number and its fields are columns indexed by it (a corpus
  -- has hundreds of thousands of nodes: a slot costs 16 bytes, a table of
  -- eight fields about 280):
  --   parent  union-find: the next node towards its cluster's root
  --   FIRST   its first mention (false for a seed)
  --   NEC     its exact class, its first mention's (false for a seed; a
  --           person's full name's class has its transliteration class,
  --           tclass, from step 4 on)
  --   NDOC    its document, its first mention's ("" for a seed, or a
  --           mention of no document): steps 3 to 8 ask for a node's
  --           class and document hundreds of thousands of times, and a read
  --           of the host's doc column looks for the mention's range
  --   WHY     the reason its cluster joined another, formatted; set on the
  --           founder (below), false until set
  -- The root of a cluster carries the cluster's record in sparse columns
  -- (nil: as for a node alone, which most roots are until they join one of
  -- the few that grow):
  --   SIZE    nodes in the cluster (alone: 1)
  --   FOUNDER the node whose reason is not yet set (alone: itself)
  --   CAT     category, false when none (alone: its class's, or its
  --           declared entity's; catof)
  --   PROF    person profile, false when none (alone: its class's; profof)
  --   DECL    index of its declared entity (a seed has its own from the start)
  --   CL, CLN cannot-link partner roots (root -> true) and their number
  -- SEEDNAME (a seed's declared name) and APART (the node its document
  -- names apart) are sparse too.
  -- (a column filled one slot after another holds up to twice the slots
  -- it needs: the columns of a mention or node are made at their size)
  local nodeof = not TG and newtable(N, 0) or nil -- (textnodes makes it)
  local FIRST = {}
  local NEC, NDOC, parent, WHY -- (made once FIRST is complete)
  -- NF[dk]: the first node of the k-th document of docorder; with ORDER
  -- nil (each document one run, in text order), a document's nodes are
  -- those from NF[dk] to the next document's first, in order of their
  -- first mention (the nodes of mentions end at NNM)
  local NF, NNM = {}, 0
  local SIZE, FOUNDER, CAT, PROF, DECL, CL, CLN = {}, {}, {}, {}, {}, {}, {}
  local SEEDNAME, APART = {}, {}
  local nnodes = 0
  local function newnode(first)
    local id = nnodes + 1
    nnodes = id
    FIRST[id] = first
    return id
  end
  -- the declared names and aliases, by key and by transliteration
  local dkey, dtc, dcat = {}, {}, {}
  for j, dd in ipairs(declared) do
    if type(dd) == "table" and type(dd.name) == "string" then
      local kind = type(dd.kind) == "string" and dd.kind or nil
      dcat[j] = kind == "group" and "org" or kind
      local names = { dd.name }
      if type(dd.aliases) == "table" then
        for _, al in ipairs(dd.aliases) do
          if type(al) == "string" then names[#names + 1] = al end
        end
      end
      for r, nm in ipairs(names) do
        local k = corekey(nm)
        if not dkey[k] then dkey[k] = { j = j, alias = r > 1 } end
        local a = analyse(nm, kind, allcaps(nm))
        if a.tc and a.form ~= "bare" and not dtc[a.tc] then dtc[a.tc] = { j = j, alias = r > 1 } end
      end
    end
  end
  -- per node, the first declared entity its mentions' m.decl (the
  -- extractor's match in the manifest) names, by dkey
  local dhit = {}
  -- the node of an exact class in a document: when each document's
  -- mentions are one run, the last document and node the class saw (ec.sd,
  -- ec.sn: the document's place in docorder), else a table a class (ecdoc)
  local ecdoc = not runs and {} or nil
  -- a one-word mention the text calls a person, in a class of another
  -- category, whose document names a person with that surname before it
  -- ("Tomas Sarn ... Sarn said", in a corpus where Sarn is a town): a node
  -- of its own, never the class's, linked to that person after step 2
  -- (SURNOF: the pairs)
  local SURNOF = {}
  -- the node of the last person of the run from mention from whose full
  -- name's surname has transliteration key t, before mention m, or nil
  local function surnamed(from, m, t)
    for x = m - 1, from, -1 do
      local a = tec[Mtext[x]].a
      if a.form == "person" and a.sur == t then return nodeof[x] end
    end
    return nil
  end
  if TG then
    -- the host's walk: BARE, SUR and CAND as textnodes reads them (SURN:
    -- a surname's number, by its transliteration key)
    local BARE, SUR, CAND, SURN, ns = {}, {}, {}, {}, 0
    for c, ec in ipairs(eclist) do
      local a = ec.a
      BARE[c], SUR[c], CAND[c] = a.form == "bare", 0, 0
      if a.form == "person" then
        local v = SURN[a.sur]
        if not v then
          ns = ns + 1
          v, SURN[a.sur] = ns, ns
        end
        SUR[c] = v
      end
    end
    for c, ec in ipairs(eclist) do
      if ec.cand then CAND[c] = SURN[ec.cand] or 0 end
    end
    local pairs_, lists
    nodeof, FIRST, lists, pairs_ = cols.textnodes(TID, BARE, SUR, CAND, PERSON, #declared)
    nnodes = #FIRST
    for q = 1, #pairs_, 2 do
      local id = pairs_[q]
      CAT[id] = "person"
      SURNOF[#SURNOF + 1] = id
      SURNOF[#SURNOF + 1] = pairs_[q + 1]
    end
    for c, ec in ipairs(eclist) do
      local l = lists[c]
      if l then
        if BARE[c] then ec.bnodes = l else ec.nodes = l end
      end
    end
    -- a nickname (sift.grammar.name): the person named just before it (the
    -- first such pair of the corpus, as the column walk below finds it)
    for m, r in pairs(Mrole) do
      if r == "nickname" and m > 1 then
        local ec = tec[Mtext[m]]
        if ec.a.form == "bare" and tec[Mtext[m - 1]].a.form == "person" and not (ec.nickm and ec.nickm < m) then
          ec.nick, ec.nickm = nodeof[m - 1], m
        end
      end
    end
    -- per node, the first of its mentions whose m.decl names a declared entity
    local dfirst, dhitof = {}, {}
    for m, dn in pairs(Mdecl) do
      if type(dn) == "string" then
        local h = dhitof[dn]
        if h == nil then
          h = dkey[corekey(dn)] or false
          dhitof[dn] = h
        end
        local id = nodeof[m]
        if h and (dfirst[id] == nil or m < dfirst[id]) then dfirst[id], dhit[id] = m, h end
      end
    end
  end
  rk = 0
  at = TG and N + 1 or 1
  while at <= N do -- by runs of one document, as step 1
    local d, last = docrun(at)
    local dk = docidx[d]
    for m = at, last do
      local ec = tec[Mtext[m]]
      local id
      local own = ec.cand
      if own then -- (the mention's own kind first: the walk back is longer)
        local p
        if KC then p = KP[string_byte(KC, m)] else p = KPOS[Mkind[m]] or 0 end
        own = p == PERSON and surnamed(at, m, own) or nil
      end
      if own then
        id = newnode(m)
        CAT[id] = "person"
        SURNOF[#SURNOF + 1] = id
        SURNOF[#SURNOF + 1] = own
      elseif ec.a.form == "bare" then
        id = newnode(m)
        local l = ec.bnodes
        if not l then
          l = {}
          ec.bnodes = l
        end
        l[#l + 1] = id
      elseif runs then
        if ec.sd == dk then
          id = ec.sn
        else
          id = newnode(m)
          ec.sd, ec.sn = dk, id
          local l = ec.nodes
          if not l then
            l = {}
            ec.nodes = l
          end
          l[#l + 1] = id
        end
      else
        ecdoc[ec] = ecdoc[ec] or {}
        id = ecdoc[ec][d]
        if not id then
          id = newnode(m)
          ecdoc[ec][d] = id
          ec.nodes = ec.nodes or {}
          ec.nodes[#ec.nodes + 1] = id
        end
      end
      local dn = Mdecl[m]
      if dn ~= nil and dhit[id] == nil and type(dn) == "string" then dhit[id] = dkey[corekey(dn)] end
      nodeof[m] = id
      -- a nickname (sift.grammar.name): the person named just before it
      if Mrole[m] == "nickname" and m > at and not ec.nick and ec.a.form == "bare"
        and tec[Mtext[m - 1]].a.form == "person" then
        ec.nick = nodeof[m - 1]
      end
    end
    at = last + 1
  end
  ecdoc = nil -- luacheck: ignore 311 (released: the steps below do not read it)
  for _, ec in ipairs(eclist) do ec.sd, ec.sn = nil, nil end
  local dseed = {}
  for j, dd in ipairs(declared) do
    if type(dd) == "table" and type(dd.name) == "string" then
      local id = newnode(false)
      dseed[j], DECL[id], SEEDNAME[id] = id, j, dd.name
    end
  end
  do
    -- (NEC and NDOC are made here at their size, not grown with FIRST: the
    -- nodes' first mentions ascend, so their documents are a walk of the
    -- runs, as in steps 1 and 2; textnodes made FIRST at its size, with
    -- room for the seeds)
    local first, nec, ndoc = TG and FIRST or newtable(nnodes, 0), newtable(nnodes, 0), newtable(nnodes, 0)
    parent, WHY = newtable(nnodes, 0), newtable(nnodes, 0)
    rk = 0
    local d, rlast = "", 0
    for id = 1, nnodes do
      local m = FIRST[id]
      if m then
        if m > rlast then
          d, rlast = docrun(m)
          NF[docidx[d]] = NF[docidx[d]] or id
        end
        nec[id], ndoc[id] = tec[Mtext[m]], d
      else
        nec[id], ndoc[id] = false, ""
      end
      first[id], parent[id], WHY[id] = m, id, false
      if m then NNM = id end
    end
    FIRST, NEC, NDOC = first, nec, ndoc
  end

  -- union-find with cluster data: find(x) is the root of node x in the
  -- forest parent (halving the path)
  local function find(x)
    while parent[x] ~= x do
      parent[x] = parent[parent[x]]
      x = parent[x]
    end
    return x
  end

  local function textof(id)
    local n = FIRST[id]
    if n then return Mtext[n] end
    return SEEDNAME[id]
  end

  -- a cluster's record where it has none of its own
  local function catof(r)
    local c = CAT[r]
    if c ~= nil then return c end
    local ec = NEC[r]
    if ec then return ec.cat end
    return dcat[DECL[r]]
  end
  local function profof(r)
    local p = PROF[r]
    if p ~= nil then return p end
    local ec = NEC[r]
    return ec and ec.a.prof
  end

  -- side votes of the clusters (root -> side -> votes): made when step 4
  -- first asks and kept up by link until it is done
  local SIDES
  local function sidesof(r)
    if not SIDES then
      SIDES = {}
      for n = 1, N do
        local s = Mside[n]
        if type(s) ~= "string" then s = sidekey[tec[Mtext[n]].k] end
        if s ~= nil then
          local id = find(nodeof[n])
          local sv = SIDES[id] or {}
          SIDES[id] = sv
          sv[s] = (sv[s] or 0) + 1
        end
      end
    end
    return SIDES[r]
  end

  local function sidemax(sv)
    if not sv then return nil end
    local best, bn = nil, 0
    local ids = {}
    for s in pairs(sv) do ids[#ids + 1] = s end
    table_sort(ids, function(x, y) return tostring(x) < tostring(y) end)
    for _, s in ipairs(ids) do
      if sv[s] > bn then best, bn = s, sv[s] end
    end
    return best
  end

  -- categories are strings; nil or false when unknown
  local function compatcat(x, y)
    if not x or not y or x == y then return true end
    if x == "person" or y == "person" then return false end
    return true
  end

  -- cannot-links are kept between roots (CL[r]: partner root -> true) and
  -- moved to the surviving root on every union, so a check is one lookup
  local function clashes(ra, rb)
    local cl = CL[ra]
    return cl ~= nil and cl[rb] == true
  end

  local function cladd(r, p)
    local cl = CL[r]
    if not cl then
      cl = {}
      CL[r] = cl
    end
    if not cl[p] then
      cl[p] = true
      CLN[r] = (CLN[r] or 0) + 1
    end
  end

  -- can(ra, rb) -- may two clusters merge: no other declared entity, no
  -- person with a non-person, no cannot-link, profiles that align. Sides do
  -- not block (a side the text gets wrong must not split a name); they are
  -- required only for a dropped middle name. Returns the merged profile too.
  local function can(ra, rb, anycat)
    if ra == rb then return false end
    local da, db = DECL[ra], DECL[rb]
    if da and db and da ~= db then return false end
    if not anycat and not compatcat(catof(ra), catof(rb)) then return false end
    local pa, pb = profof(ra), profof(rb)
    local prof = pa or pb
    if pa and pb and pa ~= pb then
      local rel, merged = align(pa, pb)
      if not rel then return false end
      prof = merged
    end
    if clashes(ra, rb) then return false end
    return true, prof
  end

  -- the reason of a link from node a to node b, formatted; "same name as
  -- in" a document is made once a document (SAMEIN: document -> reason)
  local SAMEIN = {}
  local function samewhy(a, b)
    local ea, eb = NEC[a], NEC[b]
    local ka, kb = ea and ea.k, eb and eb.k
    if ka and ka == kb then
      local d = NDOC[b]
      local why = SAMEIN[d]
      if not why then
        why = "same name as in " .. tostring(d)
        if d == d then SAMEIN[d] = why end -- (a NaN is no key)
      end
      return why
    end
    local ta, tb = textof(a), textof(b)
    if corekey(ta) == corekey(tb) then return "same key as " .. quote(tb) end
    return "transliteration of " .. quote(tb)
  end
  local function whyof(why, f, a, b)
    if why == SAME then why = samewhy(a, b) end
    if a ~= f then why = why .. " (through " .. quote(textof(a)) .. ")" end
    return why
  end

  -- link(a, b, why) -- merge the cluster of node a into that of node b; the
  -- reason goes to the founder of a's cluster (the node that had none).
  -- (find, can, catof and profof are written out here: a corpus makes
  -- hundreds of thousands of links, and a call costs as much as a test)
  local function link(a, b, why, anycat)
    local ra, rb = a, b
    while parent[ra] ~= ra do
      parent[ra] = parent[parent[ra]]
      ra = parent[ra]
    end
    while parent[rb] ~= rb do
      parent[rb] = parent[parent[rb]]
      rb = parent[rb]
    end
    if ra == rb then return false end
    local da, db = DECL[ra], DECL[rb]
    if da and db and da ~= db then return false end
    local ca, cb = CAT[ra], CAT[rb]
    if ca == nil then
      local ec = NEC[ra]
      if ec then ca = ec.cat else ca = dcat[da] end
    end
    if cb == nil then
      local ec = NEC[rb]
      if ec then cb = ec.cat else cb = dcat[db] end
    end
    if not anycat and ca and cb and ca ~= cb and (ca == "person" or cb == "person") then return false end
    local pa, pb = PROF[ra], PROF[rb]
    if pa == nil then
      local ec = NEC[ra]
      pa = ec and ec.a.prof
    end
    if pb == nil then
      local ec = NEC[rb]
      pb = ec and ec.a.prof
    end
    local prof = pa or pb
    if pa and pb and pa ~= pb then
      local rel, merged = align(pa, pb)
      if not rel then return false end
      prof = merged
    end
    local cl = CL[ra]
    if cl ~= nil and cl[rb] == true then return false end
    local f = FOUNDER[ra] or ra
    WHY[f] = whyof(why, f, a, b)
    local big, small = rb, ra
    local na, nb = CLN[ra] or 0, CLN[rb] or 0
    if na > nb or (na == nb and (SIZE[ra] or 1) > (SIZE[rb] or 1)) then big, small = ra, rb end
    parent[small] = big
    SIZE[big] = (SIZE[big] or 1) + (SIZE[small] or 1)
    FOUNDER[big] = FOUNDER[rb] or rb
    CAT[big] = cb or ca or false
    local decl = DECL[big] or DECL[small]
    if decl then
      DECL[big] = decl
      if dcat[decl] then CAT[big] = dcat[decl] end
    end
    PROF[big] = prof or false -- (falsy only when both profiles are)
    if SIDES and SIDES[small] then
      local sv = SIDES[big] or {}
      SIDES[big] = sv
      for s, c in pairs(SIDES[small]) do sv[s] = (sv[s] or 0) + c end
    end
    cl = CL[small]
    if cl then
      for p in pairs(cl) do
        CL[p][small] = nil
        CLN[p] = CLN[p] - 1
        cladd(p, big)
        cladd(big, p)
      end
    end
    return true
  end

  local function cannotlink(a, b)
    local ra, rb = find(a), find(b)
    if ra == rb then return end
    cladd(ra, rb)
    cladd(rb, ra)
    APART[a] = b
    APART[b] = a
  end

  -- node lists in order of their first mention (usually already so)
  local function byfirst(x, y) return FIRST[x] < FIRST[y] end
  local function sortfirst(l)
    for p = 2, #l do
      if FIRST[l[p]] < FIRST[l[p - 1]] then
        table_sort(l, byfirst)
        return
      end
    end
  end

  -- node lists per exact class, in mention order
  local function ecnodes(ec)
    return ec.nodes or {}
  end

  -- a surname the text calls a person, in a class of another category
  -- (step 2): the person its document named with it before
  for q = 1, #SURNOF, 2 do
    local a, b = SURNOF[q], SURNOF[q + 1]
    link(a, b, "surname of " .. quote(textof(b)) .. " named earlier in this document")
  end

  -- 3. declared names and aliases
  -- (why: how .. the declared name, formatted once a class, or once a
  -- declared entity for the extractor's matches: declwhy)
  local function declink(id, hit, why)
    -- a kind only guessed from the words does not stand against the manifest
    local free = NEC[id].votes == 0
    if free or compatcat(catof(find(id)), dcat[hit.j]) then
      link(id, dseed[hit.j], why, free)
    end
  end
  local declwhy = {}
  for _, ec in ipairs(eclist) do
    local hit = dkey[ec.k]
    local how = hit and (hit.alias and "declared alias of " or "declared name of ")
    if not hit and ec.a.tc and ec.a.form ~= "bare" and ec.a.form ~= "epithet" and dtc[ec.a.tc] then
      hit = dtc[ec.a.tc]
      how = "transliteration of declared "
    end
    if not hit and ec.a.prefix and dtc[ec.a.prefix] then
      hit = dtc[ec.a.prefix]
      how = "qualified form of declared "
    end
    local ids = ec.nodes or ec.bnodes or {}
    if hit then
      local why = how .. quote(declared[hit.j].name)
      for _, id in ipairs(ids) do declink(id, hit, why) end
    elseif ec.decl then -- the extractor matched the manifest (m.decl)
      for _, id in ipairs(ids) do
        local h = dhit[id]
        if h then
          local why = declwhy[h.j]
          if not why then
            why = "declared entity " .. quote(declared[h.j].name)
            declwhy[h.j] = why
          end
          declink(id, h, why)
        end
      end
    end
  end

  collect() -- the garbage of steps 1 to 3, before step 4's buckets and relations
  -- 4. people with full names
  -- classes: one transliteration key, vowels compatible with the first form
  local tcs, tclist = {}, {}
  local function samevowels(x, y)
    for r, sl in ipairs(x.slots) do
      if sl.tk and not vcompat(sl.vs, y.slots[r].vs) then return false end
    end
    return true
  end
  for _, ec in ipairs(eclist) do
    if ec.a.form == "person" then
      local l = tcs[ec.a.tc] or {}
      tcs[ec.a.tc] = l
      local t
      for _, x in ipairs(l) do
        if samevowels(x.a, ec.a) then t = x end
      end
      if not t then
        t = { tc = ec.a.tc, a = ec.a, nodes = {}, id = #tclist + 1 }
        l[#l + 1] = t
        tclist[#tclist + 1] = t
      end
      for _, id in ipairs(ecnodes(ec)) do
        t.nodes[#t.nodes + 1] = id
      end
      ec.tclass = t
    end
  end
  for _, t in ipairs(tclist) do
    sortfirst(t.nodes)
  end
  local buckets, blist, byletter = {}, {}, {}
  for _, t in ipairs(tclist) do
    local b = buckets[t.a.bucket]
    if not b then
      b = { initial = t.a.slots[1].init ~= nil }
      buckets[t.a.bucket] = b
      blist[#blist + 1] = b
      if not b.initial then
        byletter[t.a.letter] = byletter[t.a.letter] or {}
        local l = byletter[t.a.letter]
        l[#l + 1] = b
      end
    end
    b[#b + 1] = t
  end
  local rel, related = {}, {}
  local function relof(x, y)
    local r = rel[x]
    return r and r[y]
  end
  local pairsl = {}
  local function relate(x, y)
    local r = align(x.a.prof, y.a.prof)
    if r then
      local back = r == "gen" and "spec" or r == "spec" and "gen" or r == "drop" and "dropsup"
        or r == "dropsup" and "drop" or r
      rel[x] = rel[x] or {}
      rel[y] = rel[y] or {}
      rel[x][y], rel[y][x] = r, back
      related[x] = related[x] or {}
      related[y] = related[y] or {}
      related[x][#related[x] + 1] = y
      related[y][#related[y] + 1] = x
      pairsl[#pairsl + 1] = { x, y, r }
    end
  end
  -- the middle names of a form as a key, nil when an initial is among them
  local function middles(t)
    local sl, ks = t.a.slots, {}
    for r = 2, #sl - 1 do
      if sl[r].init then return nil end
      ks[#ks + 1] = sl[r].tk
    end
    return ks
  end
  -- every proper subsequence of a list (up to 4 entries) as keys
  local function subkeys(ks)
    local out = {}
    local n = #ks
    for mask = 0, (1 << n) - 2 do
      local sub = {}
      for r = 1, n do
        if mask & (1 << (r - 1)) ~= 0 then sub[#sub + 1] = ks[r] end
      end
      out[#out + 1] = table_concat(sub, " ")
    end
    return out
  end
  for _, b in ipairs(blist) do
    if #b <= 32 then
      for p = 1, #b do
        for q = p + 1, #b do relate(b[p], b[q]) end
      end
    else
      -- a large bucket: same middle names, or the middle names of a shorter
      -- form in order; forms with initials in the middle against all
      local bykey, special, mk = {}, {}, {}
      for p, t in ipairs(b) do
        local ks = middles(t)
        if ks and #ks <= 4 then
          mk[p] = ks
          local k = table_concat(ks, " ")
          bykey[k] = bykey[k] or {}
          local l = bykey[k]
          l[#l + 1] = p
        else
          special[#special + 1] = p
        end
      end
      for p, t in ipairs(b) do
        local ks = mk[p]
        if ks then
          for _, q in ipairs(bykey[table_concat(ks, " ")]) do
            if q > p then relate(t, b[q]) end
          end
          for _, k in ipairs(subkeys(ks)) do
            for _, q in ipairs(bykey[k] or {}) do relate(t, b[q]) end
          end
        end
      end
      for _, p in ipairs(special) do
        for q = 1, #b do
          if q ~= p and (mk[q] or q > p) then relate(b[p], b[q]) end
        end
      end
    end
    if b.initial then
      for _, o in ipairs(byletter[b[1].a.letter] or {}) do
        for _, x in ipairs(b) do
          for _, y in ipairs(o) do relate(x, y) end
        end
      end
    end
  end
  -- a document that uses two compatible forms names two people
  -- (the document's people: its nodes with a transliteration class, in
  -- order of first mention; a node's mentions share its class)
  local tccl = {}
  for dk = 1, #docorder do
    local list = {}
    if ORDER then
      local seen = {}
      for p = DFROM[dk], DTO[dk] do
        local n = ORDER[p]
        local id = nodeof[n]
        if tec[Mtext[n]].tclass and not seen[id] then
          seen[id] = true
          list[#list + 1] = id
        end
      end
    else
      for id = NF[dk], (NF[dk + 1] or NNM + 1) - 1 do
        if NEC[id].tclass then list[#list + 1] = id end
      end
    end
    if #list > 1 then
      local byb, bl = {}, {}
      for _, id in ipairs(list) do
        local bk = NEC[id].tclass.a.sur
        if not byb[bk] then
          byb[bk] = {}
          bl[#bl + 1] = byb[bk]
        end
        local l = byb[bk]
        l[#l + 1] = id
      end
      for _, l in ipairs(bl) do
        for p = 1, #l do
          for q = p + 1, #l do
            local x, y = NEC[l[p]].tclass, NEC[l[q]].tclass
            if x ~= y and relof(x, y) then
              cannotlink(l[p], l[q])
              tccl[x] = tccl[x] or {}
              tccl[y] = tccl[y] or {}
              tccl[x][y], tccl[y][x] = true, true
            end
          end
        end
      end
    end
  end
  local function apart(y1, y2)
    local r = relof(y1, y2)
    if r == nil or r == "drop" or r == "dropsup" then return true end
    return tccl[y1] ~= nil and tccl[y1][y2] == true
  end
  -- a form that fits two people who must stay apart is ambiguous (a form
  -- that lacks a middle name fits nobody without more evidence, so only
  -- initials and markers count here)
  for _, t in ipairs(tclist) do
    local o, g = {}, {}
    if rel[t] then
      for _, b in ipairs(related[t]) do
        local r = relof(t, b)
        if r == "gen" or r == "drop" then o[#o + 1] = b end
        if r == "gen" then g[#g + 1] = b end
      end
    end
    t.options = o
    for p = 1, #g do
      for q = p + 1, #g do
        if apart(g[p], g[q]) then t.ambiguous = true end
      end
    end
  end
  for _, t in ipairs(tclist) do
    if not t.ambiguous then
      for r = 2, #t.nodes do link(t.nodes[r], t.nodes[1], SAME) end
    end
  end
  -- aligned forms: more general into more specific first, then siblings
  local order = { gen = 1, spec = 1, sib = 2 }
  local edges = {}
  for _, e in ipairs(pairsl) do
    if order[e[3]] and not e[1].ambiguous and not e[2].ambiguous then edges[#edges + 1] = e end
  end
  table_sort(edges, function(x, y)
    local ox, oy = order[x[3]], order[y[3]]
    if ox ~= oy then return ox < oy end
    if x[1].id ~= y[1].id then return x[1].id < y[1].id end
    return x[2].id < y[2].id
  end)
  for _, e in ipairs(edges) do
    local x, y = e[1], e[2]
    if e[3] == "spec" then x, y = y, x end
    link(x.nodes[1], y.nodes[1], "aligns token by token with " .. quote(textof(y.nodes[1])))
  end
  -- ambiguous forms: per document, the one person its document does not name apart
  for _, t in ipairs(tclist) do
    if t.ambiguous then
      for _, id in ipairs(t.nodes) do
        local cands, seen = {}, {}
        for _, y in ipairs(t.options) do
          if not y.ambiguous and relof(t, y) == "gen" then
            local r = find(y.nodes[1])
            if not seen[r] then
              seen[r] = true
              cands[#cands + 1] = { r = r, via = y.nodes[1] }
            end
          end
        end
        local ok = {}
        for _, c in ipairs(cands) do
          if can(find(id), c.r) then ok[#ok + 1] = c end
        end
        if #ok == 1 then
          local apartof = APART[id]
          local why = "aligns token by token with " .. quote(textof(ok[1].via))
          if apartof then why = why .. "; this document names " .. quote(textof(apartof)) .. " apart" end
          link(id, ok[1].via, why)
        end
      end
    end
  end
  -- a dropped middle name: only one candidate, same side, never in one document
  for _, t in ipairs(tclist) do
    if not t.ambiguous then
      local cands, seen = {}, {}
      for _, y in ipairs(t.options) do
        if relof(t, y) == "drop" and not y.ambiguous then
          local r = find(y.nodes[1])
          if not seen[r] and r ~= find(t.nodes[1]) then
            seen[r] = true
            cands[#cands + 1] = y
          end
        end
      end
      if #cands == 1 then
        local ra, rb = find(t.nodes[1]), find(cands[1].nodes[1])
        local sa, sb = sidemax(sidesof(ra)), sidemax(sidesof(rb))
        if sa ~= nil and sa == sb then
          link(t.nodes[1], cands[1].nodes[1], quote(textof(cands[1].nodes[1])) .. " without a middle name, same side ("
            .. tostring(sa) .. ")")
        end
      end
    end
  end
  SIDES = nil -- nothing below reads sides
  collect() -- the people's buckets and relations go (steps 5 to 8 make as much again)

  -- 5. organisations, groups and other names
  local otc, olist = {}, {}
  for _, ec in ipairs(eclist) do
    if ec.a.form == "org" and not ec.a.acr then
      local t = otc[ec.a.tc]
      if not t then
        t = { tc = ec.a.tc, ecs = {}, nodes = {} }
        otc[ec.a.tc] = t
        olist[#olist + 1] = t
      end
      t.ecs[#t.ecs + 1] = ec
      for _, id in ipairs(ecnodes(ec)) do t.nodes[#t.nodes + 1] = id end
    end
  end
  for _, t in ipairs(olist) do
    sortfirst(t.nodes)
  end
  -- long forms by qualifier prefix and by generic tail
  local byprefix, bytail = {}, {}
  for _, t in ipairs(olist) do
    local a = t.ecs[1].a
    for _, ec in ipairs(t.ecs) do
      if ec.a.prefix then
        byprefix[ec.a.prefix] = byprefix[ec.a.prefix] or {}
        local l = byprefix[ec.a.prefix]
        if l[#l] ~= t then l[#l + 1] = t end
      end
    end
    if a.tail then
      bytail[a.tail] = bytail[a.tail] or {}
      local l = bytail[a.tail]
      l[#l + 1] = t
    end
  end
  local function docsof(t)
    if not t.docs then
      local s = {}
      for _, id in ipairs(t.nodes) do s[NDOC[id]] = id end
      t.docs = s
    end
    return t.docs
  end
  for _, t in ipairs(olist) do
    t.short = byprefix[t.tc] and #byprefix[t.tc] > 1
    if not t.short then
      for r = 2, #t.nodes do link(t.nodes[r], t.nodes[1], SAME) end
    end
  end
  for _, t in ipairs(olist) do
    local a = t.ecs[1].a
    -- "Ministry of Defence" / "Defence Ministry"
    for _, ec in ipairs(t.ecs) do
      local o = ec.a.alt and otc[ec.a.alt]
      if o and o ~= t and not o.short and not t.short then
        link(o.nodes[1], t.nodes[1], "reordered form of " .. quote(textof(t.nodes[1])))
      end
    end
    -- "National Resistance Front" in "National Resistance Front of Afghanistan"
    local longs = byprefix[t.tc]
    if longs and #longs == 1 and #t.nodes > 0 then
      local l = longs[1]
      local together = a.ntok >= 3
      if not together then
        local ds = docsof(l)
        for _, id in ipairs(t.nodes) do
          if ds[NDOC[id]] then together = true end
        end
      end
      if together then
        link(t.nodes[1], l.nodes[1], "short form of " .. quote(textof(l.nodes[1])))
      end
    elseif longs then
      for _, id in ipairs(t.nodes) do
        local hit
        for _, l in ipairs(longs) do
          local ds = docsof(l)
          local x = ds[NDOC[id]]
          if x then
            if hit and find(hit) ~= find(x) then
              hit = false
              break
            end
            hit = hit == nil and x or hit
          end
        end
        if hit then link(id, hit, "short form of " .. quote(textof(hit)) .. " in this document") end
      end
    end
    -- "Tasnim" for "Tasnim News Agency"
    local tails = bytail[t.tc]
    if tails and #tails == 1 and tails[1] ~= t and t.ecs[1].kind ~= nil and t.ecs[1].cat == "org" then
      link(t.nodes[1], tails[1].nodes[1], quote(textof(tails[1].nodes[1])) .. " without its generic tail")
    end
  end

  -- 6. places: one base, type words apart; bare names of province-like places
  local pbase, plist = {}, {}
  for _, ec in ipairs(eclist) do
    if ec.a.form == "place" then
      local b = pbase[ec.a.base]
      if not b then
        b = { types = {}, tlist = {}, bare = {} }
        pbase[ec.a.base] = b
        plist[#plist + 1] = b
      end
      local pt = ec.a.ptype
      if pt == "" then
        for _, id in ipairs(ecnodes(ec)) do b.bare[#b.bare + 1] = id end
      else
        if not b.types[pt] then
          b.types[pt] = {}
          b.tlist[#b.tlist + 1] = pt
        end
        for _, id in ipairs(ecnodes(ec)) do
          local l = b.types[pt]
          l[#l + 1] = id
        end
      end
    end
  end
  for _, b in ipairs(plist) do
    sortfirst(b.bare)
    for _, pt in ipairs(b.tlist) do
      local l = b.types[pt]
      sortfirst(l)
      for r = 2, #l do link(l[r], l[1], SAME) end
    end
    -- "Shotul" after "Shotul district" in the same document
    local typed = {} -- document -> typed (not linear) nodes of this base
    for _, pt in ipairs(b.tlist) do
      if placetype(pt) ~= "linear" then
        for _, x in ipairs(b.types[pt]) do
          local d = NDOC[x]
          typed[d] = typed[d] or {}
          local l = typed[d]
          l[#l + 1] = x
        end
      end
    end
    local rest = {}
    for _, id in ipairs(b.bare) do
      local hit, other = nil, false
      for _, x in ipairs(typed[NDOC[id]] or {}) do
        if placetype(NEC[x].a.ptype) == "sub" and before(FIRST[x], FIRST[id]) and not hit then
          hit = x
        else
          other = true
        end
      end
      if hit and not other then
        link(id, hit, "short for " .. quote(textof(hit)) .. " named earlier in this document")
      else
        rest[#rest + 1] = id
      end
    end
    for r = 2, #rest do link(rest[r], rest[1], SAME) end
    local anchor = rest[1]
    local settle = false
    for _, pt in ipairs(b.tlist) do
      if placetype(pt) == "settle" then settle = true end
    end
    for _, pt in ipairs(b.tlist) do
      local pc = placetype(pt)
      local first = b.types[pt][1]
      if (settle and pc == "settle") or (not settle and pc == "coext") then
        if anchor then
          link(first, anchor, quote(textof(anchor)) .. " with its type word")
        else
          anchor = first
        end
      end
    end
  end

  collect() -- what steps 5 and 6 left (steps 7 and 8 make as much again)
  -- 7. acronyms: initials of one long form (or of the one in this document)
  local byinit = {}
  local function indexinit(s, id)
    if s and #s >= 2 then
      byinit[s] = byinit[s] or {}
      local l = byinit[s]
      l[#l + 1] = id
    end
  end
  for _, ec in ipairs(eclist) do
    local a = ec.a
    if not a.acr and ec.cat ~= "person" and (a.form == "org" or a.form == "place") then
      for _, id in ipairs(ecnodes(ec)) do
        indexinit(a.inits, id)
        if a.pinits ~= a.inits then indexinit(a.pinits, id) end
      end
    end
  end
  for _, ec in ipairs(eclist) do
    if ec.a.acr and ec.nodes then
      local todo = {}
      for _, id in ipairs(ec.nodes) do
        if not DECL[find(id)] then todo[#todo + 1] = id end
      end
      if #todo > 0 then
        local roots, rl = {}, {}
        for _, x in ipairs(byinit[ec.a.acr] or {}) do
          local r = find(x)
          if not roots[r] then
            roots[r] = x
            rl[#rl + 1] = r
          end
        end
        -- two letters fit too many names: only beside the long form
        local together = #rl == 1 and #ec.a.acr >= 3
        if together then
          for _, id in ipairs(todo) do link(id, roots[rl[1]], "acronym of " .. quote(textof(roots[rl[1]]))) end
        else
          local left, indoc = {}, {}
          for _, x in ipairs(byinit[ec.a.acr] or {}) do
            local d = NDOC[x]
            indoc[d] = indoc[d] or {}
            local l = indoc[d]
            l[#l + 1] = x
          end
          for _, id in ipairs(todo) do
            local hit
            for _, x in ipairs(indoc[NDOC[id]] or {}) do
              if hit and find(hit) ~= find(x) then
                hit = false
                break
              end
              hit = hit == nil and x or hit
            end
            if hit then
              link(id, hit, "acronym of " .. quote(textof(hit)) .. " in this document")
            else
              left[#left + 1] = id
            end
          end
          if #rl == 0 then
            for r = 2, #left do link(left[r], left[1], SAME) end
          end
        end
      end
    end
  end

  -- everything else with one form across documents (epithets, unlabelled names)
  for _, ec in ipairs(eclist) do
    local f = ec.a.form
    if (f == "epithet" or f == "other") and ec.nodes then
      for r = 2, #ec.nodes do link(ec.nodes[r], ec.nodes[1], SAME) end
    end
  end

  -- 8. bare surnames, occurrence by occurrence
  local surroots = {}
  for _, t in ipairs(tclist) do
    local l = surroots[t.a.sur] or {}
    surroots[t.a.sur] = l
    for _, id in ipairs(t.nodes) do l[#l + 1] = id end
  end
  local function distinctroots(ids)
    local seen, out = {}, {}
    for _, x in ipairs(ids) do
      local r = find(x)
      if not seen[r] then
        seen[r] = true
        out[#out + 1] = x
      end
    end
    return out
  end
  local mono, perdoc = {}, {}
  -- the people with a surname across the corpus, one node per person (full
  -- names do not merge from here on), cached by surname and vowels
  local surpeople, surcache = {}, {}
  for s, ids in pairs(surroots) do surpeople[s] = distinctroots(ids) end
  local function elsewhere(s, vs)
    local ck = s .. "/" .. vs
    local c = surcache[ck]
    if c == nil then
      c = {}
      for _, x in ipairs(surpeople[s] or {}) do
        local sl = NEC[x].tclass.a.slots
        if vcompat(vs, sl[#sl].vs) then c[#c + 1] = x end
      end
      surcache[ck] = c
    end
    return c
  end
  -- (only a document with a bare surname has work here: the rest is the
  -- record of its full names that such a mention reads)
  local bare, baredocs = {}, {}
  for _, ec in ipairs(eclist) do
    for _, id in ipairs(ec.bnodes or {}) do bare[docidx[NDOC[id]]] = true end
  end
  for dk = 1, #docorder do
    if bare[dk] then baredocs[#baredocs + 1] = dk end
  end
  bare = nil -- luacheck: ignore 311
  for _, dk in ipairs(baredocs) do
    local d = docorder[dk]
    local function lastvs(x)
      local sl = NEC[x].tclass.a.slots
      return sl[#sl].vs
    end
    local full = {} -- surname -> {{p, node}} in document order
    local given -- first name -> the people of the document with it (nodes, or false for several)
    for p = DFROM[dk], DTO[dk] do
      local n = ORDER and ORDER[p] or p
      local ecn = tec[Mtext[n]]
      local t = ecn.tclass
      if t then
        local s = t.a.sur
        full[s] = full[s] or {}
        local l = full[s]
        l[#l + 1] = { p = p, id = nodeof[n] }
        local f = t.a.slots[1]
        if f.tk and ecn.kc[PERSON] > 0 then
          given = given or {}
          local id, g = nodeof[n], given[f.tk]
          if g == nil then given[f.tk] = { id = id, vs = f.vs }
          elseif g and find(g.id) ~= find(id) then given[f.tk] = false end
        end
      end
    end
    local recent = {}
    for p = DFROM[dk], DTO[dk] do
      local n = ORDER and ORDER[p] or p
      local id = nodeof[n]
      local ec = tec[Mtext[n]]
      if ec.tclass then
        recent[ec.tclass.a.sur] = { id = id, vs = lastvs(id) }
      elseif ec.a.form == "bare" then
        local a = ec.a
        local marker = a.marker
        for _, f in ipairs { cols.title[n], cols.role[n], cols.generation[n] } do
          if type(f) == "string" then
            for w in string_gmatch(string_lower(f), "%a+") do marker = marker or MARKERS[w] end
          end
        end
        if marker == "ii" or marker == "iii" or marker == "iv" then marker = nil end
        local s, target, why = a.sur, nil, nil
        local inDoc
        for _, e in ipairs(full[s] or {}) do
          if vcompat(a.vs, lastvs(e.id)) then
            inDoc = inDoc or {}
            inDoc[#inDoc + 1] = e
          end
        end
        if marker and inDoc then
          local ids = {}
          for _, e in ipairs(inDoc) do ids[#ids + 1] = e.id end
          local cands = distinctroots(ids)
          local same, notother = {}, {}
          for _, x in ipairs(cands) do
            local pf = profof(find(x))
            local mk = pf and pf.marker or nil
            if mk == marker then same[#same + 1] = x end
            if mk == nil then notother[#notother + 1] = x end
          end
          if #same == 1 then
            target = same[1]
          elseif #same == 0 and #notother > 0 then
            if marker == "sr" then target = notother[1] else target = notother[#notother] end
            if #notother == 1 and #cands > 1 then target = notother[1] end
          end
          if target then
            why = (marker == "sr" and "the elder" or "the younger") .. " of the people this document calls "
              .. quote(Mtext[n]) .. ": " .. quote(textof(target))
          end
        end
        if not target and recent[s] and vcompat(a.vs, recent[s].vs) then
          target = recent[s].id
          why = "surname of " .. quote(textof(target)) .. " named earlier in this document"
        end
        if not target and ec.nick then
          target = ec.nick
          why = "nickname of " .. quote(textof(target))
        end
        if not target and inDoc then
          for _, e in ipairs(inDoc) do
            if e.p > p then
              target = e.id
              why = "surname of " .. quote(textof(target)) .. " named later in this document"
              break
            end
          end
        end
        local known = elsewhere(s, a.vs)
        if #known == 0 then known = nil end
        if not target and known then
          if #known == 1 then
            target = known[1]
            why = "surname of " .. quote(textof(target)) .. ", the only person so named"
          end
        end
        -- a first name alone ("Abiy" after "Abiy Ahmed"), of the one person
        -- of the document with it, when nobody in the corpus has it as surname
        if not target and not known and given and given[s] and ec.kc[PERSON] > 0 and vcompat(a.vs, given[s].vs) then
          target = given[s].id
          why = "first name of " .. quote(textof(target)) .. ", named in this document"
        end
        if target and link(id, target, why) then
          recent[s] = { id = target, vs = a.vs }
        elseif not known then
          if mono[s] then link(id, mono[s], SAME) else mono[s] = id end
        else
          local pk = s
          perdoc[d] = perdoc[d] or {}
          if perdoc[d][pk] then
            link(id, perdoc[d][pk], "same name earlier in this document")
          else
            perdoc[d][pk] = id
          end
        end
      end
    end
  end

  collect() -- and what steps 5 to 8 left
  -- 9. a name no mention gives a kind, left alone, joins the one
  -- well-attested entity its words make under some kind (a kind given but
  -- wrong is not second-guessed: "Hizbullah" the fighter is not the party).
  -- Well attested: two mentions give the kind, or a type word makes it a
  -- place ("Panjshir province" takes a kind-less "Panjsher").
  local strong = {}
  local function attest(k, id)
    strong[k] = strong[k] or {}
    local l = strong[k]
    l[#l + 1] = id
  end
  for _, ec in ipairs(eclist) do
    if ec.nodes then
      if ec.votes >= 2 and ec.a.tc then attest(ec.a.form .. "|" .. ec.a.tc, ec.nodes[1]) end
      if ec.a.form == "place" and ec.a.pclass == "coext" then attest("base|" .. ec.a.base, ec.nodes[1]) end
    end
  end
  local given = {} -- roots of clusters with a kind given or declared
  for id = 1, nnodes do
    if DECL[id] or NEC[id].votes > 0 then given[find(id)] = true end
  end
  for _, ec in ipairs(eclist) do
    if ec.votes == 0 then
      local hits, seen = {}, {}
      for _, kd in ipairs { "place", "org", "person" } do
        local a = analyse(ec.text, kd, ec.caps)
        local ks = { a.tc and (a.form .. "|" .. a.tc) }
        if a.form == "place" and a.ptype == "" then ks[2] = "base|" .. a.base end
        for _, k in ipairs(ks) do
          for _, x in ipairs(strong[k] or {}) do
            local r = find(x)
            if not seen[r] and NEC[x] ~= ec then
              seen[r] = true
              hits[#hits + 1] = x
            end
          end
        end
      end
      if #hits == 1 then
        -- clusters made of kind-less names only
        local own, rl = {}, {}
        for _, id in ipairs(ec.nodes or ec.bnodes or {}) do
          local r = find(id)
          if not own[r] then
            own[r] = id
            rl[#rl + 1] = r
          end
        end
        for _, r in ipairs(rl) do
          if not given[r] and find(hits[1]) ~= r then
            link(own[r], hits[1], "same name as " .. quote(textof(hits[1])) .. " (no kind given)", true)
          end
        end
      end
    end
  end

  return tec, nodeof, FIRST, WHY, parent, DECL, catof, TEXTS
end

-- A full collection: what entities does between its steps, unless the
-- caller gives its own (opts.collect: the host's also hands the freed pages
-- back to the system, which would otherwise keep them for the next step).
local function fullgc()
  collectgarbage("collect")
end

-- members(collect, assign, assigns, nodeassign, cols, declared, tec, nodeof,
-- FIRST, WHY, parent, DECL, catof, TEXTS) -- step 10 of entities, first part: the entities in
-- the order of their first mention ({first, last, idx, dd = declared entity,
-- cat, kc = the kind votes of its mentions, a count for each of KINDS}),
-- each mention's entity index (Ment: nodeof, overwritten) and reason (Mwhy),
-- or, when assign is given, assign(n, entity index, reason) for each mention
-- in order instead of the two columns (when assigns is given, assigns(n, E,
-- W, count) for each block of ABLOCK mentions and the rest: see the header),
-- and the mentions of an entity chained in mention order from e.first
-- through NEXT (a column, not a list an entity). Returns ents, Ment, Mwhy,
-- NEXT and tec, which with the mentions' columns is all the rest of step 10
-- reads (and TEXTS). When the host made the nodes (TEXTS: the texts of
-- cols.textgroups, by number) and gives nodeassign, the work is a node's
-- here and a mention's there; there is no NEXT then, and step 10 has the
-- host list the entities' spellings (opts.spellings).
local ABLOCK = 256 -- mentions an assigns call (see members)

local function members(collect, assign, assigns, nodeassign, cols, declared, tec, nodeof, FIRST, WHY, parent, DECL,
                       catof, TEXTS)
  local N, Mkind, KC, KP = cols.n, cols.kind, cols.kindcode, kindplaces(cols)
  local KB, kb = nil, -KBLOCK -- (as in cluster)
  -- the rest of the clusters' state is garbage now; let it go before the
  -- columns below take their room (the collector, paced by the heap it has
  -- seen, would let the heap grow by as much again first)
  collect()
  local ents, eroot = {}, {}
  if TEXTS and assigns and nodeassign then
    -- the nodes of mentions come first, in order of their first mention
    -- (the seeds after them have none): an entity's first node has its
    -- first mention, and the entities come in that order as below
    local E, NEW = newtable(#FIRST, 0), {}
    local id = 1
    while FIRST[id] do
      local r = id -- (find, inline, as below)
      while parent[r] ~= r do
        parent[r] = parent[parent[r]]
        r = parent[r]
      end
      local e = eroot[r]
      if not e then
        local decl = DECL[r]
        e = { first = FIRST[id], idx = #ents + 1, dd = decl and declared[decl], cat = catof(r) }
        eroot[r] = e
        ents[e.idx] = e
        NEW[e.idx] = e.dd and ("declared entity " .. quote(e.dd.name)) or "new entity"
      end
      E[id] = e.idx
      id = id + 1
    end
    local nk = #KINDS
    local counts = nodeassign(nodeof, E, WHY, NEW, "same name earlier in this document", #ents, nk)
    for idx, e in ipairs(ents) do
      local kc, b = {}, (idx - 1) * nk
      for p = 1, nk do kc[p] = counts[b + p] end
      e.kc = kc
    end
    return ents, nil, nil, nil, tec, TEXTS
  end
  local Ment, Mwhy, NEXT = nodeof, {}, newtable(N, 0) -- a mention's node gives way to its entity
  local AE, AW, an, a0 = nil, nil, 0, 1 -- assigns' block: mentions a0 to a0 + an - 1
  if assigns then
    assign, AE, AW = nil, newtable(ABLOCK, 0), newtable(ABLOCK, 0)
  end
  if assign or assigns then Ment, Mwhy = nil, nil end
  for n = 1, N do
    local id = nodeof[n]
    local r = id -- its root (cluster's find, inline: a call a mention costs a tenth of this loop)
    while parent[r] ~= r do
      parent[r] = parent[parent[r]]
      r = parent[r]
    end
    local e = eroot[r]
    if e then
      NEXT[e.last] = n
      e.last = n
    else
      local decl = DECL[r]
      e = { first = n, last = n, idx = #ents + 1, dd = decl and declared[decl], cat = catof(r), kc = { 0, 0, 0, 0, 0 } }
      eroot[r] = e
      ents[e.idx] = e
    end
    local p
    if KC then
      if n - kb > KBLOCK then
        kb = n - 1
        KB = { string_byte(KC, n, n + KBLOCK - 1) }
      end
      p = KP[KB[n - kb]]
    else
      p = KPOS[Mkind[n]] or 0
    end
    if p > 0 then
      local kc = e.kc
      kc[p] = kc[p] + 1
    end
    NEXT[n] = false
    local why = WHY[id]
    if not why then
      if n ~= FIRST[id] then
        why = "same name earlier in this document"
      else
        why = e.dd and ("declared entity " .. quote(e.dd.name)) or "new entity"
      end
    end
    if AE then
      an = an + 1
      AE[an], AW[an] = e.idx, why
      if an == ABLOCK then
        assigns(a0, AE, AW, an)
        a0, an = a0 + an, 0
      end
    elseif assign then
      assign(n, e.idx, why)
    else
      Ment[n], Mwhy[n] = e.idx, why
    end
  end
  if an > 0 then assigns(a0, AE, AW, an) end
  return ents, Ment, Mwhy, NEXT, tec
end

-- entities(mentions, opts) -- see the header. mentions is a list of
-- mention tables (each gets `entity` and `why`) or columns {n =, text =
-- {...}, doc =, i =, key =, kind =, side =, decl =, title =, role =,
-- generation =} (the host's form, with docs and docfirst for doc and
-- kindcode and kindname for kind: see columns; `entity` and `why` columns
-- are added). key is optional: a
-- mention's key is its text's sift.core.key (the first given for a text
-- counts). opts.assign, when given, is called as assign(n, entity, why) for
-- each mention in order instead, or opts.assigns a block of mentions at a
-- time (the host's form: the columns never exist).
function M.entities(mentions, opts)
  if type(mentions) ~= "table" then
    error("bad argument #1 to 'entities' (table expected, got " .. type(mentions) .. ")", 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'entities' (table expected, got " .. type(opts) .. ")", 2)
  end
  opts = opts or {}
  local declared = opts.declared or {}
  if type(declared) ~= "table" then error("bad argument #2 to 'entities' ('declared' must be a table)", 2) end

  -- side of a name that is a side's label or alias
  local sidekey = {}
  for _, s in ipairs(sidelist(opts.sides)) do
    if type(s.label) == "string" then sidekey[corekey(s.label)] = sidekey[corekey(s.label)] or s.id end
    if type(s.aliases) == "table" then
      for _, al in ipairs(s.aliases) do
        if type(al) == "string" then sidekey[corekey(al)] = sidekey[corekey(al)] or s.id end
      end
    end
  end

  local cols = columns(mentions)
  -- steps 1 to 9 hand their results straight to the first part of 10, so
  -- no local here holds the clusters' state while the entities are described
  local collect = type(opts.collect) == "function" and opts.collect or fullgc
  local assign = type(opts.assign) == "function" and opts.assign or nil
  local assigns = type(opts.assigns) == "function" and opts.assigns or nil
  -- the host's walks for members and step 10, which read sides as strings
  local nodeassign = type(opts.nodeassign) == "function" and type(opts.spellings) == "function"
    and opts.nodeassign or nil
  for _, id in pairs(sidekey) do
    if type(id) ~= "string" then nodeassign = nil end
  end
  local ents, Ment, Mwhy, NEXT, tec, TEXTS =
    members(collect, assign, assigns, nodeassign, cols, declared, cluster(cols, sidekey, declared, collect))
  local Mtext, Mdoc, Mside = cols.text, cols.doc, cols.side
  local RD, RF = cols.docs, cols.docfirst -- (as in cluster)
  local NRD = RD and #RD or 0
  local RB = NRD > 0 and cols.docblk or nil
  local N = cols.n
  collect() -- and the node columns only members read

  -- 10. entities: kind, side, name, aliases and spellings
  -- (without NEXT, the host lists each entity's spellings and finds the
  -- side most of its mentions carry: SPL, SIDEOF; its texts' sides TSIDE)
  local SPL, SIDEOF
  if not NEXT then
    local TSIDE = {}
    for t, text in ipairs(TEXTS) do TSIDE[t] = sidekey[tec[text].k] end
    SPL, SIDEOF = opts.spellings(TEXTS, TSIDE, cols.docs, #ents)
  end
  local out = {}
  for idx, e in ipairs(ents) do
    local dd = e.dd
    -- spellings with their documents, and how many mentions use each
    local spl, vside
    local kc = e.kc
    if SPL then
      spl, vside = SPL[idx], SIDEOF[idx] or nil
    else
      local sp, sv, firsts = {}, {}, {}
      spl = {}
      local n = e.first
      -- the range of the last mention read, and the first mention after it:
      -- the chain goes in mention order, often several in one document
      local r, rnext = 0, 0
      while n do
        local text = Mtext[n]
        local s = sp[text]
        if not s then
          s = { text = text, docs = {}, seen = {}, n = n, side = sidekey[tec[text].k], count = 0 }
          sp[text] = s
          spl[#spl + 1] = s
        end
        s.count = s.count + 1
        local d
        if RB then -- the range of mention n, through the index: doccolumn's read without a call
          if n >= rnext then
            r = RB[(n - 1) // DOCBLOCK + 1]
            while r < NRD and RF[r + 1] <= n do r = r + 1 end
            rnext = r < NRD and RF[r + 1] or N + 1
          end
          d = RD[r]
        else
          d = Mdoc[n]
        end
        if d ~= nil and not s.seen[d] then
          s.seen[d] = true
          s.docs[#s.docs + 1] = d
        end
        local sd = Mside[n]
        if sd == nil or type(sd) ~= "string" then sd = s.side end -- a side's name or alias
        if sd ~= nil then
          sv[sd] = (sv[sd] or 0) + 1
          firsts[sd] = firsts[sd] or n
        end
        n = NEXT[n]
      end
      local bn = 0
      for sd, cnt in pairs(sv) do
        if cnt > bn or (cnt == bn and vside ~= nil and firsts[sd] < firsts[vside]) then vside, bn = sd, cnt end
      end
    end
    -- kind
    local kind = dd and type(dd.kind) == "string" and dd.kind or nil
    if not kind then
      local bn = 0
      for p, kd in ipairs(KINDS) do
        if kc[p] > bn then kind, bn = kd, kc[p] end
      end
    end
    kind = kind or e.cat or "other"
    -- side
    local side = dd and type(dd.side) == "string" and dd.side or nil
    if side == nil then side = vside end
    -- name: the full form most documents use; then its native spelling
    local name = dd and dd.name
    if not name and #spl == 1 then
      name = spl[1].text
    elseif not name then
      local forms, fl = {}, {}
      for _, s in ipairs(spl) do
        local ec = tec[s.text]
        local short = ec.a.form == "bare" or (ec.a.acr and true) or ec.a.form == "epithet"
        local fk = ec.a.tc or ec.k
        local f = forms[fk]
        if not f then
          ec.ntok = ec.ntok or #tokens(ec.text)
          f = { docs = {}, nd = 0, sp = {}, short = short, n = s.n, size = ec.ntok }
          forms[fk] = f
          fl[#fl + 1] = f
        end
        for _, d in ipairs(s.docs) do
          if not f.docs[d] then
            f.docs[d] = true
            f.nd = f.nd + 1
          end
        end
        f.sp[#f.sp + 1] = s
      end
      local best
      for _, f in ipairs(fl) do
        if not best then
          best = f
        elseif best.short and not f.short then
          best = f
        elseif best.short == f.short then
          if f.nd > best.nd or (f.nd == best.nd and f.size > best.size) then best = f end
        end
      end
      -- within the form: the key group with a native (non-ASCII) spelling,
      -- else the one most documents use; then its most used spelling
      local groups, gl = {}, {}
      for _, s in ipairs(best.sp) do
        local k = tec[s.text].k
        local g = groups[k]
        if not g then
          g = { sp = {}, docs = {}, nd = 0, native = false }
          groups[k] = g
          gl[#gl + 1] = g
        end
        g.sp[#g.sp + 1] = s
        if nonascii(s.text) then g.native = true end
        for _, d in ipairs(s.docs) do
          if not g.docs[d] then
            g.docs[d] = true
            g.nd = g.nd + 1
          end
        end
      end
      -- ties: the spelling more mentions use, counting surnames written alike
      if #gl > 1 then
        local bykey = {}
        for _, s in ipairs(spl) do
          local k = tec[s.text].k
          bykey[k] = (bykey[k] or 0) + s.count
        end
        for k, g in pairs(groups) do
          g.uses = (bykey[k] or 0) + (bykey[string_gsub(k, "^.* ", "")] or 0)
        end
      end
      local bg
      for _, g in ipairs(gl) do
        if not bg or (g.native and not bg.native) then
          bg = g
        elseif g.native == bg.native and (g.nd > bg.nd or (g.nd == bg.nd and (g.uses or 0) > (bg.uses or 0))) then
          bg = g
        end
      end
      local bs
      for _, s in ipairs(bg.sp) do
        if not bs then
          bs = s
        else
          local better = #s.docs > #bs.docs
          if #s.docs == #bs.docs then
            if nonascii(s.text) ~= nonascii(bs.text) then
              better = nonascii(s.text)
            elseif isupper(bs.text) and not isupper(s.text) then
              better = true
            end
          end
          if better then bs = s end
        end
      end
      name = bs.text
    end
    -- a place's type word is part of its name: "Parwan Province"
    local last = not dd and kind == "place" and string_find(name, " %f[%a][a-z]+$")
    if last and placetype(string_sub(name, last + 1)) then
      local w = string_sub(name, last + 1)
      name = string_sub(name, 1, last) .. string_upper(string_sub(w, 1, 1)) .. string_sub(w, 2)
    end
    local aliases, aseen = {}, { [name] = true }
    if dd and type(dd.aliases) == "table" then
      for _, al in ipairs(dd.aliases) do
        if type(al) == "string" and not aseen[al] then
          aseen[al] = true
          aliases[#aliases + 1] = al
        end
      end
    end
    local spellings = {}
    for _, s in ipairs(spl) do
      if not aseen[s.text] then
        aseen[s.text] = true
        aliases[#aliases + 1] = s.text
      end
      spellings[#spellings + 1] = { text = s.text, docs = s.docs }
    end
    out[idx] = { name = name, kind = kind, side = side, aliases = aliases, spellings = spellings }
  end
  if not assign and not assigns then -- (the host's assign has them already)
    if cols == mentions then
      mentions.entity, mentions.why = Ment, Mwhy
    else
      for n, m in ipairs(mentions) do m.entity, m.why = Ment[n], Mwhy[n] end
    end
  end
  return out
end

-- exposed for tests and tools: the transliteration key of one word, and the
-- analysis of one name
function M.key(word)
  if type(word) ~= "string" then error("bad argument #1 to 'key' (string expected, got " .. type(word) .. ")", 2) end
  return tk(corekey(word))
end

function M.analyse(text, kind)
  if type(text) ~= "string" then
    error("bad argument #1 to 'analyse' (string expected, got " .. type(text) .. ")", 2)
  end
  return analyse(text, kind, allcaps(text))
end

return M
