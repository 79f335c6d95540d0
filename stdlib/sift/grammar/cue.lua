-- sift.grammar.cue -- attribution: who says what in a document. Splits the
-- text into word tokens, pairs quotation marks, finds reporting verbs ("X
-- said", "said X", "according to X", "X told CNN", "X tweeted", "in a
-- statement"), statement headers ("Remarks of X:") and the speaker phrases
-- they name, resolves "he said" and "the commander said" to the last
-- speaker of the right kind, and gives each speaker a side from the words
-- around it, the manifest's sides and declared entities, or the document
-- (a statement is its source's). Used by sift.grammar.claim; the interface
-- is in grammar/README.md ("sift.grammar.claim").
--
--   local cue = require "sift.grammar.cue"
--   local D = cue.analyse(ctx)           -- ctx: the document context (README)
--   local spk, frame = cue.attribute(D, si, t)
--   -- spk: {text, s, e, side, person, org, named} or nil (the outlet's narration);
--   -- frame: {cue, hedge, deny, suppress, ...} of the reporting verb, or nil
--
-- Word lists are data: the tables below (M.verbs, M.roles, M.titles, ...)
-- may be extended from a script; call M.compile() after changing them
-- (sift.grammar.claim.compile() does). No list names a party, person or
-- place: side names come from ctx.sides and ctx.declared only. Uses
-- sift.tok (the tokenizer in C), LPeg (its definition, kept as
-- M.tokenize_lua, compiled once) and sift.grammar.unit (word bytes).
--
-- How it works: one pass in C splits the text into tokens; each word is
-- folded once and looked up once in the set of words any later step reacts
-- to (reporting verbs, roles, media, the claim module's first words), so
-- every later pass visits those tokens only. The token starts and ends,
-- which few steps read, stay arrays in C (D.ts and D.te are read-only
-- userdata indexed as lists: sift.tok.analyse). Sentences, times and
-- quantities are mapped to token ranges by binary search, in C too
-- (sift.tok.map, which makes the token-indexed tables at their final size,
-- so filling them never rehashes; a sentence is no table but an index
-- into lists: D.sa and D.sb, its first and last tokens, D.ss its start,
-- D.sk its kind, D.hf and D.hl its hot tokens' first and last index in
-- D.hot), and so are the name words (what namewordof says of each token)
-- and the name chunks of a token range (Doc.names: sift.tok.namer's
-- function of the document's tables). The registry of people's sides,
-- statement passages and owners of media are read for the whole document;
-- reporting frames and the speakers of quotations are read on first use,
-- sentence by sentence, so a sentence nobody asks about costs nothing (a
-- pronoun walks back through the sentences before it).
--
-- Decisions:
-- * Tokens: words keep inner hyphens and apostrophes ("anti-Taliban" is one
--   word, so it is no mention of the Taliban); a possessive 's is a token;
--   numbers keep their separators ("1,000"). Words compare folded: lower
--   case, Latin diacritics removed ("Zarëk" = "zarek").
-- * Quotations: curly quotes pair by direction, straight ones by the spaces
--   around them. A quotation still open at the end of a paragraph goes on
--   into the next (the open-quote convention, and statements that quote
--   several paragraphs). A quotation is a speaker's when it opens a
--   sentence or a reporting verb introduces or follows it; quoted words
--   inside a sentence ("small groups of terrorists") belong to the
--   sentence and are attributed with it.
-- * A quotation without a reporting verb of its own takes the speaker of
--   the quotation before it in the same paragraph; in a statement, the
--   passage's speaker; else that of the quotation ending the paragraph
--   before; else, when it opens a paragraph, the speaker whose reported
--   words end the paragraph before ("X said that ...") or, after a
--   paragraph that introduces it (ending with a colon, or saying "below"),
--   the last speaker of the sentences before it, else the subject that
--   paragraph opens with.
-- * Pronouns: "he"/"she" is the last person who spoke (named or not: "a
--   Taliban commander ... He denied"), "it" the last organisation, "the
--   commander" the last speaker with that role; "its spokesman" takes the
--   side last named before it.
-- * An unnamed speaker of a party ("a Taliban commander", "a spokesman for
--   the Front") is the party: the claimant is the party's words as written.
-- * A person's side: from the words around the name ("NRF leader X", "X,
--   the commander of the ZDF", "X of the Front", "the Front, led by X";
--   "Karabakh officials" when an alias is "Karabakh forces":
--   sift.grammar.sidewords),
--   else from an earlier mention of the same person (same name, or the
--   surname of the latest person of that name; "Jr." and "Sr." differ).
-- * Own words: in a document of kind statement or report the text outside
--   quotations is the passage's speaker (named by a header such as
--   "Remarks of X:"), else the document's source; "Note:" paragraphs and
--   what follows them are narration. A speaker of no side in a statement
--   takes the statement's side. In a news report, a statement it prints in
--   full ("X issued the following statement:") is X's up to its signature
--   or the report's next heading.
-- * A speaker's side also comes from a country named for a side's proper
--   word ("Ethiopia" for "Ethiopian army") and from a body of the side
--   named with that word spelt otherwise ("the Government of ... Tigrai").
local lpeg = require "lpeg"
local unit = require "sift.grammar.unit"
local sidewords = require "sift.grammar.sidewords"
local tok = require "sift.tok"

local P, R, S, Cp, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.Cp, lpeg.Ct
local type, ipairs, pairs, setmetatable = type, ipairs, pairs, setmetatable
local string_sub, string_lower, string_byte, string_gsub = string.sub, string.lower, string.byte, string.gsub
local string_find, string_match = string.find, string.match
local utf8_char = utf8.char
local table_sort = table.sort
local math_min, math_max = math.min, math.max
local table_unpack = table.unpack
local wordch, digit = unit.wordch, unit.digit
local _ENV = nil -- luacheck: ignore 211 (from here on no global is read or written)

local M = {}

-- ------------------------------------------------------------ lexicon

-- Reporting verbs and the cue label they give. Passive uses ("was
-- reported", "is said to") name no speaker.
M.verbs = {
  said = "said", says = "said", say = "said", saying = "said",
  told = "told", tells = "told", telling = "told", tell = "told",
  claimed = "claimed", claims = "claimed", claim = "claimed", claiming = "claimed",
  tweeted = "tweeted", tweets = "tweeted", tweet = "tweeted",
  wrote = "wrote", writes = "wrote", posted = "posted",
  announced = "announced", announces = "announced", announce = "announced",
  confirmed = "confirmed", confirms = "confirmed", confirm = "confirmed",
  denied = "denied", denies = "denied", deny = "denied", denying = "denied",
  added = "said", adds = "said", adding = "said", stated = "said", states = "said", declared = "said",
  declares = "said", insisted = "said", insists = "said", maintained = "said", maintains = "said",
  asserted = "said", explained = "said", noted = "said", stressed = "said", acknowledged = "said",
  admitted = "said", warned = "said", reported = "reported", reports = "reported",
  alleged = "claimed", alleges = "claimed", estimated = "said", estimates = "said",
  reiterated = "said", replied = "said", responded = "said", disclosed = "said", revealed = "said",
  boasted = "claimed", affirmed = "said", documents = "reported", documented = "reported",
}
-- Verbs whose complement the outlet doubts (hedged), and verbs of denial
-- (the complement is denied: polarity deny).
M.hedging = { claimed = true, claims = true, claim = true, claiming = true, alleged = true, alleges = true,
  boasted = true }
M.denying = { denied = true, denies = true, deny = true, denying = true }
-- Words that may be a noun or a reporting verb ("the claim", "his posts").
M.nounlike = { claim = true, claims = true, reports = true, tweet = true, tweets = true, posted = false,
  say = true, documents = true, estimates = true, states = true }
-- Words that make a noun of the word after them ("false reports", "media claims").
M.nounadj = { ["false"] = true, unconfirmed = true, unverified = true, new = true, earlier = true,
  initial = true, conflicting = true, recent = true, several = true, some = true, many = true, other = true,
  multiple = true, these = true, those = true, such = true, similar = true, further = true, media = true,
  press = true, news = true, official = true, ["local"] = true, first = true, later = true, latest = true }
-- Speech acts that name a speaker (for a later "he said") but state no claim.
M.acts = { urged = true, urges = true, called = true, calls = true, appealed = true, appeals = true,
  asked = true, vowed = true, vows = true, promised = true, pledged = true, demanded = true,
  threatened = true, pleaded = true, welcomed = true, condemned = true, accused = true, blamed = true }
-- "X showed": a speaker only when X is a party's video, photos or statement.
M.showing = { showed = true, shows = true, show = true, showing = true }
M.media = { video = true, videos = true, footage = true, film = true, images = true, photos = true,
  pictures = true, photographs = true, recording = true, statement = true, message = true, post = true,
  clip = true, broadcast = true }
-- Media of a statement after a verb, kept as the cue ("in an audio message").
M.channels = { "in a statement", "in an audio message", "in a video message", "in a video", "in a message",
  "in a post", "in a tweet", "in a facebook post", "in a telegram post", "in an interview",
  "in a press release", "in a speech", "in a letter", "in a report", "in a recorded message",
  "in a voice message", "in a televised address", "in a joint statement", "in a written statement",
  "in a long message", "in a brief statement", "in an online statement", "on twitter", "on telegram",
  "on facebook", "in a news conference", "at a news conference", "at a press conference" }
-- Nouns that head a statement header: "Remarks of X:", "Posts by X on Twitter:".
M.headers = { statement = true, statements = true, remarks = true, message = true, messages = true,
  post = true, posts = true, tweet = true, tweets = true, address = true, speech = true, interview = true,
  communique = true, release = true, letter = true, video = true, recording = true, declaration = true,
  briefing = true, comments = true, transcript = true }
-- Heads of a data source after "according to": no speaker, the author's figure.
M.sources = { data = true, figures = true, report = true, reports = true, records = true, lists = true,
  list = true, estimates = true, statistics = true, registration = true, documents = true, count = true,
  tally = true, census = true, survey = true, findings = true }
-- Nouns of a reported claim ("the Taliban's claim that ..."), verbs that
-- reject one and predicates that call it false: its content is no claim.
M.claimnouns = { claim = true, claims = true, assertion = true, assertions = true, allegation = true,
  allegations = true, reports = true, report = true, account = true, accounts = true,
  announcement = true, rumours = true, rumors = true }
M.rejecting = { rejected = true, rejects = true, reject = true, denied = true, denies = true, dismissed = true,
  dismisses = true, disputed = true, disputes = true, refuted = true, refutes = true, rebuffed = true,
  contradicted = true, debunked = true, ridiculed = true, rebutted = true, rebut = true }
M.falsity = { "is false", "are false", "was false", "were false", "is not true", "are not true",
  "was not true", "is untrue", "are untrue", "is a lie", "are a lie", "are lies", "is baseless",
  "are baseless", "is fabricated", "are fabricated", "is groundless", "are groundless", "is wrong",
  "are wrong", "is propaganda", "is nonsense", "is fake", "are fake" }
-- Roles: words for a person speaking for an organisation, or for a group.
M.roles = { spokesman = true, spokeswoman = true, spokesperson = true, spokesmen = true, spokespeople = true,
  leader = true, leaders = true, commander = true, commanders = true, representative = true,
  representatives = true, official = true, officials = true, officer = true, minister = true,
  head = true, chief = true, director = true, president = true, governor = true, deputy = true,
  envoy = true, ambassador = true, adviser = true, advisor = true, aide = true, secretary = true,
  fighter = true, member = true, soldier = true, general = true, colonel = true, mayor = true,
  coordinator = true, chairman = true, chairwoman = true, founder = true, negotiator = true,
  resident = true, residents = true, witness = true, witnesses = true, source = true, sources = true,
  doctor = true, doctors = true, surgeon = true, nurse = true, medic = true, volunteer = true,
  volunteers = true, relatives = true, reporter = true, reporters = true, correspondent = true,
  analyst = true, researcher = true, researchers = true, teacher = true, villager = true, villagers = true,
  elder = true, elders = true, activist = true, activists = true, observer = true, observers = true,
  staff = true, worker = true, workers = true, journalist = true, journalists = true, survivors = true,
  survivor = true, lawmaker = true, militant = true, militants = true, cleric = true, people = true }
-- Roles that name the one person who leads or speaks (registry patterns:
-- "NRF leader X", "X, the commander of the ZDF").
M.personroles = { spokesman = true, spokeswoman = true, spokesperson = true, leader = true, commander = true,
  representative = true, official = true, officer = true, minister = true, head = true, chief = true,
  director = true, president = true, governor = true, deputy = true, envoy = true, ambassador = true,
  adviser = true, advisor = true, aide = true, secretary = true, fighter = true, member = true,
  general = true, colonel = true, mayor = true, coordinator = true, chairman = true, chairwoman = true,
  founder = true, negotiator = true, spokesmen = true, commanders = true, leaders = true }
-- Titles written before a name; not part of it.
M.titles = { general = true, gen = true, colonel = true, col = true, commander = true, cmdr = true,
  captain = true, capt = true, major = true, maj = true, lieutenant = true, lt = true, sergeant = true,
  sgt = true, dr = true, mr = true, mrs = true, ms = true, sheikh = true, mullah = true, maulvi = true,
  mawlawi = true, president = true, minister = true, prime = true, deputy = true, brigadier = true,
  marshal = true, admiral = true, prof = true, professor = true, judge = true, governor = true,
  mayor = true, senator = true, imam = true, ayatollah = true, haji = true, hajji = true, qari = true,
  defence = true, defense = true, foreign = true, interior = true, head = true, chief = true }
-- Name particles that may stand lower-case inside a name.
M.particles = { al = true, el = true, bin = true, ibn = true, de = true, da = true, di = true, du = true,
  van = true, von = true, der = true, den = true, la = true, le = true, abu = true, ul = true, ud = true,
  ad = true, ar = true, as = true, at = true, az = true, an = true, ash = true, abd = true }
-- Capitalised words that never start a name.
M.nonames = { the = true, a = true, an = true, he = true, she = true, it = true, they = true, we = true,
  i = true, you = true, his = true, her = true, its = true, their = true, our = true, my = true,
  this = true, that = true, these = true, those = true, there = true, but = true, ["and"] = true,
  ["or"] = true, ["in"] = true, on = true, at = true, of = true, ["for"] = true, by = true, from = true,
  with = true, to = true, as = true, after = true, before = true, since = true, during = true,
  earlier = true, later = true, meanwhile = true, however = true, today = true, yesterday = true,
  according = true, photo = true, note = true, monday = true, tuesday = true, wednesday = true,
  thursday = true, friday = true, saturday = true, sunday = true, january = true, february = true,
  march = true, april = true, may = true, june = true, july = true, august = true, september = true,
  october = true, november = true, december = true, jan = true, feb = true, mar = true, apr = true,
  jun = true, jul = true, aug = true, sep = true, sept = true, oct = true, nov = true, dec = true,
  both = true, neither = true, some = true, all = true, many = true, most = true, several = true,
  no = true, one = true, two = true, ["if"] = true, when = true, ["while"] = true, although = true,
  though = true, because = true, once = true, also = true, only = true, residents = true,
  officials = true, volunteers = true, reporters = true, witnesses = true, relatives = true,
  sources = true, people = true, statement = true, statements = true, remarks = true, message = true,
  messages = true, posts = true, post = true, audio = true, video = true, press = true, service = true }
-- Pronouns that can stand for a speaker, by what they refer to.
M.pronouns = { he = "person", she = "person", it = "org", they = "group" }
-- Words between a speaker and the verb ("X also said", "X had said").
M.between = { also = true, later = true, earlier = true, had = true, has = true, have = true, previously = true,
  ["then"] = true, further = true, again = true, first = true, separately = true, subsequently = true,
  repeatedly = true, already = true, now = true, publicly = true, officially = true, simply = true,
  just = true, initially = true, reportedly = true, allegedly = true }
-- Words a speaker phrase never runs over.
-- Words that open a relative clause set off by commas.
M.relatives = { which = true, who = true, whom = true, whose = true, where = true }
M.stops = { that = true, which = true, who = true, whom = true, whose = true, when = true, where = true,
  ["while"] = true, because = true, although = true, though = true, but = true, ["and"] = true, ["or"] = true,
  ["if"] = true, as = true, after = true, before = true, since = true, ["until"] = true, than = true,
  so = true, is = true, was = true, were = true, are = true, be = true, been = true, being = true,
  will = true, would = true, could = true, should = true, can = true, may = true, might = true,
  must = true, ["not"] = true, ["n't"] = true, did = true, does = true, ["do"] = true, had = true,
  has = true, have = true, however = true, also = true, whether = true, including = true,
  along = true, despite = true, amid = true, ["then"] = true, showed = true, shows = true }
-- Prepositions that may open an adjunct between a verb and its complement
-- ("said in a statement that", "told Radio Vesna by phone from his home that").
M.adjuncts = { ["in"] = true, on = true, at = true, by = true, via = true, over = true, from = true,
  during = true, through = true, to = true }
-- Addressees after "told" that are written lower-case.
M.addressees = { reporters = true, journalists = true, media = true, press = true, him = true, her = true,
  us = true, them = true, me = true, parliament = true, lawmakers = true, diplomats = true,
  residents = true, the = true, a = true, an = true, ["local"] = true, state = true, foreign = true }
-- Kinds of document whose text outside quotations is the source's claim.
M.own = { statement = true, report = true, ["press release"] = true, communique = true }
-- Words of a side's bodies: a speaker of one that names the side's proper
-- word, however it is spelt, speaks for the side.
M.bodies = { government = true, authorities = true, officials = true, leadership = true, administration = true,
  command = true, ministry = true, council = true, forces = true, army = true, military = true, troops = true,
  spokesman = true, spokeswoman = true, spokesperson = true }
-- Nouns of a statement a report prints in full ("issued the following
-- statement", "the following communique").
M.printed = { statement = true, communique = true, message = true, bulletin = true, declaration = true,
  text = true, letter = true }
-- Paragraph openers that make the rest of a statement narration.
M.notes = { note = true, notes = true, ["editor's note"] = true }
-- Last words of names that are places or organisations, not people.
M.nonpersons = { province = true, district = true, valley = true, river = true, street = true, road = true,
  pass = true, mountains = true, mountain = true, mount = true, lake = true, bridge = true, square = true,
  city = true, town = true, village = true, region = true, airport = true, university = true, agency = true,
  front = true, ministry = true, army = true, forces = true, news = true, pictures = true, today = true,
  centre = true, center = true, council = true, committee = true, movement = true, party = true,
  alliance = true, brigade = true, battalion = true, regiment = true, division = true, mission = true,
  office = true, service = true, channel = true, radio = true, television = true, times = true,
  post = true, press = true, union = true, nations = true, republic = true, state = true, states = true,
  emirate = true, government = true, authority = true, hospital = true, school = true, market = true,
  hall = true, palace = true, gate = true, island = true, islands = true, coast = true, sea = true,
  ocean = true, desert = true, hills = true, plain = true, basin = true, delta = true, steppe = true,
  marches = true, county = true, governorate = true, oblast = true, canton = true, prefecture = true,
  agreement = true, treaty = true, accord = true, war = true, operation = true, offensive = true,
  international = true, foundation = true, institute = true, group = true, network = true,
  observatory = true, watch = true, commission = true, tribunal = true, court = true, bank = true,
  company = true, corporation = true, association = true, society = true, federation = true, league = true,
  organisation = true, organization = true, programme = true, program = true, fund = true, crescent = true,
  cross = true, unit = true, taskforce = true, coalition = true, bureau = true, directorate = true }
-- Verbs of leading ("the Front, led by X"): X takes the side before them.
M.leading = { led = true, headed = true, commanded = true, founded = true, leads = true }

-- ------------------------------------------------------------ folding

-- Latin letters with diacritics (U+00C0-U+017F) to ASCII, as a reader
-- would compare them.
local ACC = {}
do
  local l1 = { "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
    "o", "o", "o", "o", false, "o", "u", "u", "u", "u", "y", "th", "ss" }
  for i = 0, 31 do
    local v = l1[i + 1]
    if v then
      ACC[utf8_char(0xC0 + i)] = v
      ACC[utf8_char(0xE0 + i)] = (i == 31) and "y" or v
    end
  end
  local runs = { { "a", 6 }, { "c", 8 }, { "d", 4 }, { "e", 10 }, { "g", 8 }, { "h", 4 }, { "i", 10 },
    { "ij", 2 }, { "j", 2 }, { "k", 3 }, { "l", 10 }, { "n", 9 }, { "o", 6 }, { "oe", 2 }, { "r", 6 },
    { "s", 8 }, { "t", 6 }, { "u", 12 }, { "w", 2 }, { "y", 3 }, { "z", 6 }, { "s", 1 } }
  local cp = 0x100
  for _, r in ipairs(runs) do
    for _ = 1, r[2] do
      ACC[utf8_char(cp)] = r[1]
      cp = cp + 1
    end
  end
  ACC["\226\128\153"], ACC["\226\128\152"] = "'", "'"
end

-- fold(s) -- lower case, Latin diacritics removed, curly apostrophes straight.
local function fold(s)
  s = string_lower(s)
  if string_find(s, "[\195-\197\226]") then
    s = string_gsub(s, "[\195-\197][\128-\191]", ACC)
    s = string_gsub(s, "\226\128[\152\153]", ACC)
  end
  return s
end
M.fold = fold
local FOLD = unit.lookup(fold)

-- spelling(w) -- a folded word with the letters transliteration varies
-- made one: h dropped after the first letter, y as i, doubled letters
-- single ("Tigrai" and "Tigray"; "Mekelle" and "Mekele").
local SPELT, nspelt = {}, 0
local function spelling(w)
  local v = SPELT[w]
  if v then return v end
  local s = string_sub(w, 1, 1) .. string_gsub(string_sub(w, 2), "h", "")
  s = string_gsub(s, "y", "i")
  v = string_gsub(s, "(%a)%1", "%1")
  if nspelt >= 20000 then SPELT, nspelt = {}, 0 end
  SPELT[w], nspelt = v, nspelt + 1
  return v
end

-- ------------------------------------------------------------ tokens

local apos = P"'" + P"\226\128\153"
local poss = apos * S"sS" * -wordch
local space = S" \t\r\n\f\v" + P"\194\160" + P"\226\128" * R"\128\138" + P"\226\128\175"
local numtok = digit ^ 1 * (S",." * digit ^ 1) ^ 0 * wordch ^ 0 * (P"-" * wordch ^ 1) ^ 0
local wordtok = wordch ^ 1 * ((P"-" + (apos - poss)) * wordch ^ 1) ^ 0
local other = R"\194\244" * R"\128\191" ^ 1 + 1
-- Each token is two captures: where it starts and where the next byte is.
local blanks = S" \t\r\n" ^ 1 + space ^ 1
local TOKENS = Ct((blanks ^ -1 * Cp() * (numtok + wordtok + poss + other) * Cp()) ^ 0)

-- Punctuation by bytes: folded form, kind (p punctuation, q double
-- quotation mark, s single quotation mark) and direction.
local PUNCT = {
  ["\226\128\156"] = { '"', "q", "open" }, ["\226\128\157"] = { '"', "q", "close" },
  ["\226\128\158"] = { '"', "q", "open" }, ["\194\171"] = { '"', "q", "open" },
  ["\194\187"] = { '"', "q", "close" }, ['"'] = { '"', "q", "either" },
  ["\226\128\152"] = { "'", "s", "open" }, ["\226\128\153"] = { "'", "s", "close" },
  ["'"] = { "'", "s", "either" }, ["\226\128\147"] = { "-", "p" }, ["\226\128\148"] = { "-", "p" },
  ["\226\136\146"] = { "-", "p" }, ["\226\128\166"] = { "...", "p" },
}

-- tokenize(text [, hotset]) -> n, ts, te, w, k, dir, hot, marks: token
-- positions (1-based, inclusive), folded words, kinds (w word, n number, p
-- punctuation, q double quotation mark, s single one, $ possessive 's),
-- the direction of quotation marks ("open", "close", "either"), the tokens
-- whose word is in hotset (in order) and the quotation marks (in order). A
-- word whose hotset value is a table is hot only when the next token's word
-- is a key of that table with a true value ("in" before "control").
-- This is the definition; the analysis runs sift.tok.tokenize, the same in
-- C (tests/lua/tokenize_test.lua compares them).
local function tokenize_lua(text, hotset)
  local caps = TOKENS:match(text)
  local ts, te, w, k, dir, hot, marks = {}, {}, {}, {}, {}, {}, {}
  local n, nh, nm = 0, 0, 0
  local last = #caps
  -- a trailing blank run captures one empty token: drop it
  if last >= 2 and caps[last] == caps[last - 1] then last = last - 2 end
  hotset = hotset or {}
  local pend, nexts -- a word waiting for the next one, and the words it takes
  for i = 1, last, 2 do
    local s, e = caps[i], caps[i + 1] - 1
    n = n + 1
    ts[n], te[n] = s, e
    local b = string_byte(text, s)
    if b >= 97 and b <= 122 or b >= 65 and b <= 90 then
      k[n], w[n] = "w", FOLD[string_sub(text, s, e)]
    elseif b >= 48 and b <= 57 then
      k[n], w[n] = "n", string_sub(text, s, e)
    else
      local raw = string_sub(text, s, e)
      local p = PUNCT[raw]
      if p then
        w[n], k[n], dir[n] = p[1], p[2], p[3]
        if p[2] ~= "p" then
          nm = nm + 1
          marks[nm] = n
        end
      elseif b >= 128 and wordch:match(raw) then
        k[n], w[n] = "w", FOLD[raw]
      elseif poss:match(raw) then
        k[n], w[n] = "$", "'s"
      else
        k[n], w[n] = "p", raw
      end
    end
    if pend then
      if nexts[w[n]] then
        nh = nh + 1
        hot[nh] = pend
      end
      pend = nil
    end
    if k[n] == "w" then
      local v = hotset[w[n]]
      if type(v) == "table" then
        pend, nexts = n, v
      elseif v then
        nh = nh + 1
        hot[nh] = n
      end
    end
  end
  return n, ts, te, w, k, dir, hot, marks
end
M.tokenize_lua = tokenize_lua
local tokenize = tok.tokenize
M.tokenize = tokenize

-- Upper-case first letter (ASCII, Latin-1 and Latin Extended-A capitals).
local function upper(text, s)
  local b = string_byte(text, s)
  if b >= 65 and b <= 90 then return true end
  if b == 195 then
    local c = string_byte(text, s + 1)
    return c >= 128 and c <= 158
  end
  if b == 196 or b == 197 then return string_byte(text, s + 1) % 2 == 0 end
  return false
end
M.upper = upper

-- ------------------------------------------------------------ phrase indexes

-- index(map) -- phrases by first word, longest first: first word -> list
-- of {ws = words, n, v}. map is {[phrase] = value} or a list of phrases.
-- Each list is also the root of a word trie for at(): a node's fields are
-- has (a phrase ends there), v (its value: of the first such phrase in the
-- list) and nx (next word -> node), when any.
local function index(map)
  local idx = {}
  local function add(phrase, v)
    local n, _, _, w = tokenize(phrase)
    if n == 0 then return end
    local ws = {}
    for i = 1, n do ws[i] = w[i] end
    local l = idx[ws[1]]
    if not l then
      l = {}
      idx[ws[1]] = l
    end
    l[#l + 1] = { ws = ws, n = n, v = v }
  end
  for key, v in pairs(map) do
    if type(key) == "number" then add(v, true) else add(key, v) end
  end
  for _, l in pairs(idx) do
    table_sort(l, function(a, b) return a.n > b.n end)
    for pi = 1, #l do
      local p = l[pi]
      local node = l
      for j = 2, p.n do
        local nx = node.nx
        if not nx then
          nx = {}
          node.nx = nx
        end
        local child = nx[p.ws[j]]
        if not child then
          child = {}
          nx[p.ws[j]] = child
        end
        node = child
      end
      if not node.has then node.has, node.v = true, p.v end
    end
  end
  return idx
end
M.index = index

-- at(w, i, last, idx) -- the longest phrase of idx at token i, ending at
-- or before token last: its length in tokens and its value, or nil (of
-- several such phrases of one length, the first of the list). Walks the
-- list's trie; at_lua is the definition.
local function at(w, i, last, idx)
  local node = idx[w[i]]
  if not node or i > last then return nil end
  local n, v
  if node.has then n, v = 1, node.v end
  local j = i
  while j < last do
    local nx = node.nx
    if not nx then break end
    j = j + 1
    node = nx[w[j]]
    if not node then break end
    if node.has then n, v = j - i + 1, node.v end
  end
  if not n then return nil end
  return n, v
end
local function at_lua(w, i, last, idx)
  local l = idx[w[i]]
  if not l then return nil end
  for pi = 1, #l do
    local p = l[pi]
    if i + p.n - 1 <= last then
      local ok = true
      for j = 2, p.n do
        if w[i + j - 1] ~= p.ws[j] then
          ok = false
          break
        end
      end
      if ok then return p.n, p.v end
    end
  end
  return nil
end
M.at_lua = at_lua
M.at = at

local compiled
local generation = 0 -- of compiled: sift.tok.analyse keeps words' hot and nonames values while it stays
local peoplecache -- declared people by declared list (made by compile)
-- compile([extra]) -- rebuild the phrase indexes from the lists (after a
-- change); extra: more words whose tokens the analysis must visit (the
-- first words of sift.grammar.claim's patterns), each with true or the set
-- of words after it that make its token worth a visit (as tokenize takes
-- them).
function M.compile(extra)
  local hot = {}
  for _, set in ipairs{ M.verbs, M.acts, M.showing, M.claimnouns, M.personroles, M.leading, M.media } do
    for wd, v in pairs(set) do
      if v then hot[wd] = true end
    end
  end
  hot.according = true
  for wd, v in pairs(extra or (compiled and compiled.extra) or {}) do
    if hot[wd] == nil and v then hot[wd] = v end
  end
  peoplecache = setmetatable({}, { __mode = "k" }) -- (made with M's lists)
  generation = generation + 1
  compiled = { channels = index(M.channels), falsity = index(M.falsity), hot = hot,
    extra = extra or (compiled and compiled.extra) }
  return compiled
end

-- ------------------------------------------------------------ sides

-- The sides of a manifest as phrases: side labels and aliases, declared
-- entities' names and aliases, each with its side (nil for an entity of no
-- side, so the longest written name wins: "Soviet army" is no "army").
-- heads: the last word of a several-word name -> its side, when all names
-- ending in it share one ("the Ministry", "Mission"); "" when they differ.
-- maxn: the most tokens a name has. (sourceside keeps the sides of sources
-- it has read in it, as sources.)
local sidecache = setmetatable({}, { __mode = "k" })
local function sideindex(ctx)
  local sides, declared = ctx.sides or {}, ctx.declared or {}
  local c = sidecache[sides]
  if c and c.declared == declared then return c end
  local map, heads, parties, label, vof = {}, {}, {}, {}, {}
  local function put(text, v)
    if type(text) ~= "string" or text == "" then return end
    if map[text] == nil then map[text] = v end
    local n, _, _, w, k = tokenize(text)
    if n >= 2 and k[n] == "w" and #w[n] >= 4 then
      local h, s = heads[w[n]], v.side or false
      if h == nil then heads[w[n]] = s elseif h ~= s then heads[w[n]] = "" end
    end
  end
  for _, sd in ipairs(sides) do
    if sd.id then
      label[sd.id] = sd.label or sd.id
      if sd.party then parties[#parties + 1] = sd.id end
      local v = { side = sd.id, name = sd.label or sd.id, kind = "org" }
      vof[sd.id] = v
      put(sd.label or sd.id, v)
      for _, a in ipairs(sd.aliases or {}) do
        put(a, v)
        -- a lower-case plural alias names one of them too ("rebels": "a rebel commander")
        local stem = type(a) == "string" and string_match(a, "^(.-%l%l%l)s$")
        if stem and not string_find(a, "%u") then put(stem, v) end
      end
    end
  end
  for _, d in ipairs(declared) do
    local side = d.side
    if type(side) ~= "string" then side = nil end
    local v = { side = side, name = d.name, kind = d.kind or "org", decl = true }
    put(d.name, v)
    for _, a in ipairs(d.aliases or {}) do put(a, v) end
  end
  -- the proper words of sides ("Karabakh officials": sift.grammar.sidewords),
  -- phrases only (no head words), after the declared names
  for _, p in ipairs(sidewords.phrases(sides)) do
    if map[p.text] == nil then map[p.text] = vof[p.side] end
  end
  -- and their countries, as speakers only ("Ethiopia said", when an alias
  -- is "Ethiopian army"; Ethiopia stays a place)
  local lands = {}
  for _, p in ipairs(sidewords.countries(sides)) do
    if map[p.text] == nil then lands[fold(p.text)] = p.side end
  end
  -- the proper words of sides and their countries however they are spelt
  -- (by spelling(): "Tigrai" for "Tigray forces"), for the speakers that name
  -- a body of one (Doc:speaker)
  local proper, anyproper = {}, false
  local function addproper(wd, side)
    anyproper = true
    local k = spelling(fold(wd))
    if proper[k] == nil then proper[k] = side elseif proper[k] ~= side then proper[k] = false end
  end
  for _, sd in ipairs(sides) do
    for _, a in ipairs(type(sd) == "table" and type(sd.aliases) == "table" and sd.aliases or {}) do
      local m = sidewords.modifier(a)
      if m then addproper(m, sd.id) end
    end
  end
  for _, p in ipairs(sidewords.countries(sides)) do addproper(p.text, p.side) end
  local ispart = {}
  for _, p in ipairs(parties) do ispart[p] = true end
  for wd, h in pairs(heads) do
    if h == false then heads[wd] = "" end
  end
  local idx, maxn = index(map), 0
  for _, l in pairs(idx) do maxn = math_max(maxn, l[1].n) end
  c = { declared = declared, idx = idx, maxn = maxn, heads = heads, parties = parties, party = ispart, label = label,
    lands = lands, proper = proper, anyproper = anyproper }
  sidecache[sides] = c
  return c
end
M.sideindex = sideindex

-- ------------------------------------------------------------ sentences and paragraphs

-- A plain split when the context has no sentences: lines, and sentence
-- punctuation followed by a space (not after an initial or a short
-- capitalised abbreviation).
local function ownsentences(text)
  local out = {}
  local pos, len = 1, #text
  while pos <= len do
    local s = string_find(text, "%S", pos)
    if not s then break end
    local e
    local from = s
    while true do
      local nl = string_find(text, "\n", from, true)
      local dot = string_find(text, "[%.!?][\"'\226\128\157]*%s", from)
      if nl and (not dot or nl < dot) then
        e = nl - 1
        break
      elseif dot then
        local word = string_sub(text, s, dot)
        local last = word:match("(%w+)[%.!?]$")
        local x = string_find(text, "%s", dot)
        if last and ((#last <= 2 and last:match("^%u")) or (last:match("^%u") and M.abbrevs[string_lower(last)])) then
          from = x
        else
          e = x - 1
          break
        end
      else
        e = len
        break
      end
    end
    while e > s and string_find(string_sub(text, e, e), "%s") do e = e - 1 end
    out[#out + 1] = { s = s, e = e, kind = "sentence" }
    pos = e + 1
  end
  return out
end

-- Paragraph starts: after a blank line. A plain search finds each line
-- break (memchr) and the pattern is tried there only.
local function paragraphs(text)
  local starts = { 1 }
  local pos = 1
  while true do
    local nl = string_find(text, "\n", pos, true)
    if not nl then break end
    local _, e = string_find(text, "^\n[ \t\r]*\n%s*", nl)
    if e then
      starts[#starts + 1] = e + 1
      pos = e + 1
    else
      pos = nl + 1
    end
  end
  return starts
end
M._paragraphs = paragraphs

-- ------------------------------------------------------------ the document

local Doc = {}
Doc.__index = Doc

-- The side phrase at token i (ending at or before last): length, entry.
local function sidephrase(self, i, last)
  return at(self.w, i, last or self.n, self.sx.idx)
end
Doc.side = sidephrase

-- Words of a name for the registry: no particles, initials or Jr./Sr.;
-- and whether it is a "Sr.".
local function namewords(D, a, b)
  local ws, senior = {}, false
  for i = a, b do
    local wi = D.w[i]
    if D.k[i] == "w" and not M.particles[wi] and #wi > 1 then
      if wi == "sr" then senior = true
      elseif wi ~= "jr" then ws[#ws + 1] = wi end
    end
  end
  return ws, senior
end

-- Surnames of the document: last words of several-word person names.
function Doc:surnames()
  local set = self._surnames
  if set then return set end
  set = {}
  local sa, sb = self.sa, self.sb
  for si = 1, self.ns do
    local nms = self:names(sa[si], sb[si])
    for ni = 1, #nms do
      local nm = nms[ni]
      local ws = namewords(self, nm[1], nm[2])
      if #ws >= 2 and not M.nonpersons[ws[#ws]] and not sidephrase(self, nm[1], nm[2])
        and not M.nonpersons[self.w[nm[2] + 1] or ""] then
        set[ws[#ws]] = true
      end
    end
  end
  self._surnames = set
  return set
end

-- Is the name chunk a..b a person's (not a place's or an organisation's)?
function Doc:isperson(a, b)
  local l, v = sidephrase(self, a, b)
  if l then return v.kind == "person" end
  local ws = namewords(self, a, b)
  if #ws == 0 or M.nonpersons[ws[#ws]] or M.nonpersons[self.w[b + 1] or ""] then return false end
  if self:lookup(a, b, self.ts[a]) then return true end
  if #ws >= 2 then return true end
  return self:surnames()[ws[1]] == true
end

-- Side phrases in tokens a..b: list of {i, n, v}. With first, only the
-- first phrase that has a side: its side, first token and {i, n, v}, or
-- nil (the walk stops there).
function Doc:sidewords(a, b, first)
  local out = not first and {} or nil
  local w, idx = self.w, self.sx.idx
  local i = a
  while i <= b do
    local l, v
    if idx[w[i]] then l, v = at(w, i, b, idx) end
    if l then
      if not first then
        out[#out + 1] = { i = i, n = l, v = v }
      elseif v.side then
        return v.side, i, { i = i, n = l, v = v }
      end
      i = i + l
    else
      i = i + 1
    end
  end
  return out
end

-- The first side in tokens a..b (a side id, its first token), or nil.
function Doc:sidein(a, b)
  return self:sidewords(a, b, true)
end

-- Head-word side: a capitalised word ending only one side's names
-- ("Ministry spokeswoman", "Head of Mission").
function Doc:headside(a, b)
  local heads, sidx, w = self.sx.heads, self.sx.idx, self.w
  local i = a
  while i <= b do
    local l = sidx[w[i]] and at(w, i, b, sidx)
    if l then
      i = i + l
    else
      local h = heads[self.w[i]]
      if h and h ~= "" and not (i < b and self:nameword(i + 1)) and (upper(self.text, self.ts[i])
        or (i > 1 and (self.w[i - 1] == "the" or self.w[i - 1] == "a" or self.w[i - 1] == "an"))
        or M.roles[self.w[i + 1] or ""]) then
        return h, i
      end
      i = i + 1
    end
  end
  return nil
end

-- Party sides written anywhere in the document, with counts (once).
function Doc:mentioned()
  local m = self._mentioned
  if m then return m end
  m = {}
  local sw = self:sidewords(1, self.n)
  for xi = 1, #sw do
    local x = sw[xi]
    if x.v.side then m[x.v.side] = (m[x.v.side] or 0) + 1 end
  end
  self._mentioned = m
  return m
end

-- other(side) -- the opposing party: the only other party of the manifest,
-- else the only other party the document names; nil when unknown.
function Doc:other(side)
  local sx = self.sx
  if not side or not sx.party[side] then return nil end
  local cand = {}
  for _, p in ipairs(sx.parties) do
    if p ~= side then cand[#cand + 1] = p end
  end
  if #cand == 1 then return cand[1] end
  local m = self:mentioned()
  local found
  for _, p in ipairs(cand) do
    if m[p] then
      if found then return nil end
      found = p
    end
  end
  return found
end

function Doc:text_of(a, b)
  return string_sub(self.text, self.ts[a], self.te[b])
end

-- The paragraph number of token t.
function Doc:para(t)
  local starts, pos = self.pstarts, self.ts[t]
  local lo, hi = 1, #starts
  while lo < hi do
    local mid = (lo + hi + 1) // 2
    if starts[mid] <= pos then lo = mid else hi = mid - 1 end
  end
  return lo
end

-- The first token of the sentence of token i (or i when in none).
function Doc:first(i)
  local si = self:sentof(i)
  return si and self.sa[si] or i
end

-- The sentence at or before byte position pos (1 before the first).
function Doc:sentat(pos)
  local ss = self.ss
  local lo, hi = 1, self.ns
  while lo < hi do
    local mid = (lo + hi + 1) // 2
    if ss[mid] <= pos then lo = mid else hi = mid - 1 end
  end
  return lo
end

-- The sentence of token t, or nil.
function Doc:sentof(t)
  local sa, sb = self.sa, self.sb
  local lo, hi = 1, self.ns
  while lo <= hi do
    local mid = (lo + hi) // 2
    if t < sa[mid] then hi = mid - 1 elseif t > sb[mid] then lo = mid + 1 else return mid end
  end
  return nil
end

-- Abbreviations written with a period inside names and titles: initials,
-- "Jr.", "Sr.", "Lt.", "Col.", "Gen." ...
M.abbrevs = { jr = true, sr = true, lt = true, col = true, gen = true, capt = true, maj = true, sgt = true,
  dr = true, mr = true, mrs = true, ms = true, prof = true, rev = true, st = true, brig = true, cpl = true,
  pvt = true, adm = true, cmdr = true, gov = true, sen = true, rep = true, hon = true, mt = true }
local function abbrev(wd) return #wd == 1 or M.abbrevs[wd] ~= nil end

-- Is token i a name word: a capitalised word that is no function word
-- (or a name with a particle: "al-Mardini")? The definition of what
-- sift.tok.tokenize finds for each token (D.nw).
local function namewordof(self, i)
  if self.k[i] ~= "w" then return false end
  local text, s = self.text, self.ts[i]
  local b = string_byte(text, s)
  if (b >= 97 and b <= 122) or not upper(text, s) then
    local wi = self.w[i]
    local c3, c4 = string_byte(wi, 3, 4)
    if c3 ~= 45 and c4 ~= 45 then return false end
    local p, rest = string_match(wi, "^(%a%a%a?)%-(.)")
    return p ~= nil and M.particles[p] ~= nil and rest ~= nil
      and upper(text, s + #p + 1)
  end
  -- a capitalised word of the patterns ("Fighting then moved") is no name
  local wi = self.w[i]
  return not M.nonames[wi] and not (compiled.hot[wi] and i == self:first(i))
end
Doc._nameword = namewordof

-- (sift.tok.tokenize finds them for every token of the document, as
-- namewordof says: D.nw holds the name words)
local function nameword(self, i)
  return self.nw[i] == true
end
Doc.nameword = nameword

-- The name chunks in tokens a..b: list of {first, last}, maximal runs of
-- name words with particles, initials and "Jr."/"Sr.", titles left out;
-- with one, only the first (names(a, b, true)[1]). This is the definition;
-- the analysis runs sift.tok.namer's function, the same in C
-- (tests/lua/tok_names_test.lua compares them).
local function docnames_lua(self, a, b, one)
  local out = {}
  local w, k = self.w, self.k
  local i = a
  while i <= b do
    if nameword(self, i) then
      local j = i
      while j < b do
        local nx = j + 1
        if nameword(self, nx) then
          j = nx
        elseif w[nx] == "." and k[nx] == "p" and abbrev(w[j])
          and self.te[j] + 1 == self.ts[nx] then
          j = nx
        elseif M.particles[w[nx]] and nx < b and nameword(self, nx + 1) then
          j = nx
        else
          break
        end
      end
      local s = i
      while s < j and (M.titles[w[s]] or M.roles[w[s]] or self.sx.heads[w[s]]) do
        s = s + 1
        while s < j and w[s] == "." do s = s + 1 end
      end
      if not (s == j and (M.titles[w[s]] or M.roles[w[s]])) and nameword(self, s) then
        out[#out + 1] = { s, j }
        if one then return out end
      end
      i = j + 1
    else
      i = i + 1
    end
  end
  return out
end
Doc._names = docnames_lua

local function docnames(self, a, b, one)
  return self.namer(a, b, one)
end
Doc.names = docnames

-- Remember a person's name with a side the text gives it.
function Doc:register(a, b, side)
  local ws, senior = namewords(self, a, b)
  if #ws == 0 then return end
  local p = self.people
  p[#p + 1] = { ws = ws, senior = senior, side = side, pos = self.ts[a] }
end

-- The side of a person's name: the same full name, else the latest person
-- before pos whose surname (or first name) it is; declared persons too.
function Doc:lookup(a, b, pos)
  local ws, senior = namewords(self, a, b)
  if #ws == 0 then return nil end
  local best, bestscore
  local people = self.people
  for pi = 1, #people do
    local p = people[pi]
    local full = #p.ws == #ws and p.senior == senior
    if full then
      for i = 1, #ws do
        if p.ws[i] ~= ws[i] then
          full = false
          break
        end
      end
    end
    local part = false
    if not full and p.senior == senior then
      if #ws == 1 then
        part = p.ws[#p.ws] == ws[1] or p.ws[1] == ws[1]
      else
        part = p.ws[1] == ws[1] and p.ws[#p.ws] == ws[#ws]
      end
    end
    if (full or part) and p.side then
      -- full names first; then people named before pos, the latest first
      local score = (full and 4e9 or 0) + (p.pos <= pos and 2e9 + p.pos or 1e9 - p.pos)
      if not best or score > bestscore then best, bestscore = p, score end
    end
  end
  return best and best.side
end

-- The last side named before pos, in the sentence of pos or the one before
-- ("The ZDF disputed that. Its spokesman ...").
function Doc:lastside(t)
  local si = self:sentof(t) or 1
  local first = self.sa[si > 1 and si - 1 or si]
  local found
  local sw = self:sidewords(first, t - 1)
  for xi = 1, #sw do
    local x = sw[xi]
    if x.v.side then found = x.v.side end
  end
  return found
end

-- The last speaker before pos of a kind: "person" (he, she), "org" (it),
-- "group" (they), or with a role ("the commander").
local function lastspeaker(D, kind, pos, role)
  local si = D:sentat(pos)
  for j = si, 1, -1 do
    D:framesof(j)
    local list = D.sspk[j]
    if list then
      for i = #list, 1, -1 do
        local s = list[i]
        if s.pos < pos then
          if role then
            if s.role == role then return s end
          elseif kind == "person" then
            if s.person then return s end
          elseif kind == "org" then
            if s.org and not s.person then return s end
          elseif kind == "group" then
            if s.org or not s.named then return s end
          end
        end
      end
    end
  end
  return nil
end

-- The speaker a phrase names (tokens a..b): {text, s, e, side, person,
-- org, named, role, pos}; pronouns and "the commander" resolve to earlier
-- speakers. nil for an empty phrase or a data source ("the figures").
function Doc:speaker(a, b)
  local w, k = self.w, self.k
  while a <= b and (k[a] == "p" or k[a] == "q" or k[a] == "s" or k[a] == "$") and w[a] ~= "(" do a = a + 1 end
  while b >= a and (k[b] == "p" or k[b] == "q" or k[b] == "s") and w[b] ~= ")" do b = b - 1 end
  if a > b then return nil end
  local pos = self.ts[a]
  if a == b and M.pronouns[w[a]] then return lastspeaker(self, M.pronouns[w[a]], pos) end
  local role
  local nroles = 0
  for i = a, b do
    if k[i] == "w" and M.roles[w[i]] then
      role = role or w[i]
      nroles = nroles + 1
    end
  end
  local sw = self:sidewords(a, b)
  -- the person's name: a name chunk that is no side or organisation name
  local person, pentry, orgname
  local nms = docnames(self, a, b)
  for ni = 1, #nms do
    local nm = nms[ni]
    local pre = w[nm[1] - 1]
    if nm[1] > a and (pre == "in" or pre == "at" or pre == "near" or pre == "from") then goto next end
    if M.nonpersons[w[nm[2]]] and nm[2] > nm[1] and not sidephrase(self, nm[1], nm[2]) then
      -- "The Coastal Observatory said": an organisation the manifest does not know
      orgname = orgname or nm
      goto next
    end
    do
    local inside
    for xi = 1, #sw do
      local x = sw[xi]
      if x.i <= nm[2] and x.i + x.n - 1 >= nm[1] then
        inside = x
        break
      end
    end
    if inside then
      if inside.v.kind == "person" then
        person, pentry = nm, inside.v
        break
      end
    elseif not (nm[2] < b and k[nm[2] + 1] == "w" and not upper(self.text, self.ts[nm[2] + 1])
      and not M.particles[w[nm[2] + 1]] and w[nm[2] + 1] ~= "of") then
      local h = self.sx.heads[w[nm[2]]]
      if not (h ~= nil and nm[1] == nm[2]) and not M.sources[w[nm[2]]] and not M.media[w[nm[2]]] then
        person = nm
        break
      end
    end
    end
    ::next::
  end
  local sidex
  for xi = 1, #sw do
    local x = sw[xi]
    if not (person and x.i >= person[1] and x.i <= person[2]) then
      if x.v.side then
        sidex = x
        break
      elseif not sidex then
        sidex = x
      end
    end
  end
  -- a body of a side named with its proper word spelt otherwise ("the
  -- Government of the National Regional State of Tigrai")
  local pside
  if not sidex and self.sx.anyproper then
    local body = false
    for i = a, b do
      if M.bodies[w[i]] then
        body = true
        break
      end
    end
    for i = body and a or b + 1, b do
      if k[i] == "w" and upper(self.text, self.ts[i]) then
        local s = self.sx.proper[spelling(w[i])]
        if s then
          pside = s
          break
        end
      end
    end
  end
  if person and not pentry and not role and not M.titles[w[person[1] - 1] or ""] then
    -- one capitalised word nobody introduced as a person ("The Pentagon
    -- said", "Reuters reported") is an organisation
    local ws = namewords(self, person[1], person[2])
    if #ws == 1 and not self:isperson(person[1], person[2]) then
      orgname, person = person, nil
    end
  end
  if person then
    local side = pentry and pentry.side
    if not side and sidex then side = sidex.v.side end
    if not side then side = self:headside(a, b) or pside end
    if not side and (w[a] == "its" or w[a] == "their") then side = self:lastside(a) end
    if side then
      self:register(person[1], person[2], side)
    else
      side = self:lookup(person[1], person[2], pos)
    end
    if not side and (role or (person[1] > a and M.titles[w[person[1] - 1]]) or M.titles[w[a]]) then
      -- "The army said ... Colonel X told reporters": an official speaking
      -- after a party in the same paragraph speaks for it
      local si = self:sentat(pos)
      if si > 1 and self:para(self.sa[si]) == self:para(self.sa[si - 1]) then
        self:framesof(si - 1)
        for _, m in ipairs(self.sspk[si - 1] or {}) do
          if m.org and not m.person and m.side and self.sx.party[m.side] then side = m.side end
        end
      end
    end
    return { text = self:text_of(person[1], person[2]), s = self.ts[person[1]], e = self.te[person[2]],
      side = side, person = true, named = true, role = role, pos = pos }
  end
  if orgname and not (sidex and sidex.v.side) then
    return { text = self:text_of(orgname[1], orgname[2]), s = self.ts[orgname[1]], e = self.te[orgname[2]],
      org = true, person = nroles > 0, role = role, pos = pos,
      side = orgname[1] == orgname[2] and self.sx.lands[w[orgname[1]]] or pside }
  end
  if sidex then
    local e = sidex.i + sidex.n - 1
    return { text = self:text_of(sidex.i, e), s = self.ts[sidex.i], e = self.te[e], side = sidex.v.side,
      org = true, person = nroles > 0, role = role, pos = pos }
  end
  local h, hi = self:headside(a, b)
  if h and not role then
    return { text = self:text_of(hi, hi), s = self.ts[hi], e = self.te[hi], side = h, org = true, pos = pos }
  end
  if (w[a] == "the" or w[a] == "this") and role and b - a <= 2 and nroles == 1 and not h then
    -- "the commander", "the spokesman": the last speaker with that role
    local r = lastspeaker(self, nil, pos, role)
    if r then return r end
  end
  if role and (w[a] == "its" or w[a] == "their" or w[a] == "his" or w[a] == "her") then
    local side
    if w[a] == "its" or w[a] == "their" then
      side = self:lastside(a)
    else
      local r = lastspeaker(self, "person", pos)
      side = r and r.side
    end
    return { text = self:text_of(a, b), s = self.ts[a], e = self.te[b], side = side, person = true,
      role = role, pos = pos }
  end
  if h then
    return { text = self:text_of(hi, hi), s = self.ts[hi], e = self.te[hi], side = h, org = true,
      person = true, role = role, pos = pos }
  end
  -- an unnamed speaker of no side, as written, up to a relative clause
  local e = b
  for i = a, b do
    if w[i] == "," or w[i] == "who" or w[i] == "which" or w[i] == "that" then
      e = i - 1
      break
    end
  end
  if e < a then return nil end
  for i = a, e do
    if (M.sources[w[i]] or M.media[w[i]]) and not role then return nil end
  end
  return { text = self:text_of(a, e), s = self.ts[a], e = self.te[e], person = role ~= nil, role = role,
    pos = pos, plain = true, side = pside }
end

-- The first token at or after byte position pos, searching from token lo
-- (galloping: cheap when the answer is near lo, as for consecutive
-- sentences).
local function tokenat(D, pos, lo)
  local ts, n = D.ts, D.n
  lo = lo or 1
  if lo > n or ts[lo] >= pos then return lo end
  -- ts[lo] < pos: widen until ts[hi] >= pos (or past the end)
  local step, hi = 1, lo + 1
  while hi <= n and ts[hi] < pos do
    lo = hi
    step = step * 2
    hi = lo + step
  end
  if hi > n + 1 then hi = n + 1 end
  while lo + 1 < hi do
    local mid = (lo + hi) // 2
    if ts[mid] < pos then lo = mid else hi = mid end
  end
  return hi
end

-- map_lua(D, sentences, times, quantities) -> sa, sb, ss, sk, hf, hl,
-- stimes, timeat, timeof, qat, qof, qfirst, qlast, tt: what the analysis reads
-- by token (the sentences holding a token, as lists by sentence: first and
-- last token, start, kind; the hot tokens of each, as the first and last
-- index of them in D.hot; the sentences holding a time that is no duration;
-- times and quantities by token; the tokens of the times that are no
-- duration, in order). This is the definition; the analysis runs
-- sift.tok.map, the same in C (tests/lua/tokenize_test.lua compares them).
local function map_lua(D, list, times, quantities)
  local n = D.n
  local sa, sb, ss, sk = {}, {}, {}, {}
  local ns, from = 0, 1
  for _, s in ipairs(list) do
    local a = tokenat(D, s.s, from)
    local b = tokenat(D, s.e + 1, a) - 1
    from = b + 1
    if b >= a then
      ns = ns + 1
      sa[ns], sb[ns], ss[ns], sk[ns] = a, b, s.s, s.kind
    end
  end
  local saved, savedn = D.ss, D.ns
  D.ss, D.ns = ss, ns
  -- the hot tokens of each sentence
  local hf, hl, hi = {}, {}, 1
  local hot = D.hot
  for si = 1, ns do
    while hi <= #hot and hot[hi] < sa[si] do hi = hi + 1 end
    hf[si] = hi
    while hi <= #hot and hot[hi] <= sb[si] do hi = hi + 1 end
    hl[si] = hi - 1
  end
  -- times and quantities by token
  local timeat, timeof, qat, qof, qfirst, qlast, stimes = {}, {}, {}, {}, {}, {}, {}
  from = 1
  for i, tm in ipairs(times) do
    if from > n or D.ts[from] > tm.s then from = 1 end
    local a = tokenat(D, tm.s, from)
    from = a
    if tm.kind ~= "duration" then stimes[D:sentat(tm.s)] = true end
    local b = a
    while b <= n and D.ts[b] <= tm.e do b = b + 1 end
    if a < b then
      timeat[a] = b
      for x = a, b - 1 do timeof[x] = i end
    end
  end
  from = 1
  for i, q in ipairs(quantities) do
    if from > n or D.ts[from] > q.s then from = 1 end
    local a = tokenat(D, q.s, from)
    from = a
    local b = a
    while b <= n and D.ts[b] <= q.e do b = b + 1 end
    if a < b then
      qat[a] = i
      qfirst[i], qlast[i] = a, b - 1
      for x = a, b - 1 do qof[x] = i end
    end
  end
  local tt = {}
  for x = 1, n do
    local ti = timeof[x]
    if ti and times[ti].kind ~= "duration" then tt[#tt + 1] = x end
  end
  D.ss, D.ns = saved, savedn
  return sa, sb, ss, sk, hf, hl, stimes, timeat, timeof, qat, qof, qfirst, qlast, tt
end
M.map_lua = map_lua

-- ------------------------------------------------------------ quotations

-- Pairs quotation marks into regions {a, b} (token indexes of the marks;
-- b is the paragraph's last token when a quotation never closes): curly
-- marks by direction, straight ones by the spaces around them. qid[t] is
-- the region of token t (the inner one when single quotes nest).
local function quotations(D)
  local n, k, dir, ts, te, text = D.n, D.k, D.dir, D.ts, D.te, D.text
  local function para(i) return D:para(i) end
  local regions = {}
  local function looks(i)
    local d = dir[i]
    if d ~= "either" then return d end
    local before = i > 1 and te[i - 1] + 1 == ts[i]
    local after = i < n and te[i] + 1 == ts[i + 1]
    if before and not after then return "close" end
    if after and not before then return "open" end
    if before and after and (k[i - 1] == "p" or k[i - 1] == "q") then return "open" end
    return "close"
  end
  local function paraend(i)
    local p = para(i)
    local nxt = D.pstarts[p + 1]
    if not nxt then return n end
    return tokenat(D, nxt) - 1
  end
  local open
  local marks = D.marks
  for mi = 1, #marks do
    local i = marks[mi]
    if k[i] == "q" then
      local d = looks(i)
      if open then
        if d == "close" then
          regions[#regions + 1] = { a = open, b = i }
          open = nil
        elseif not (para(i) ~= para(open) and para(i - 1) ~= para(i)) then
          -- an unclosed quotation before a new one (a new paragraph
          -- reopening it is the open-quote convention: nothing to do)
          regions[#regions + 1] = { a = open, b = i - 1, unclosed = true }
          open = i
        end
      elseif d == "open" then
        open = i
      end
    end
  end
  if open then regions[#regions + 1] = { a = open, b = paraend(open), unclosed = true } end
  -- single quotation marks: an opening one before a word, closed in the paragraph
  local sopen
  for mi = 1, #marks do
    local i = marks[mi]
    if k[i] == "s" then
      if sopen and para(i) ~= para(sopen) then sopen = nil end
      local d = looks(i)
      if d == "open" and not sopen and string_sub(text, ts[i], te[i]) ~= "\226\128\153" then
        if i < n and te[i] + 1 == ts[i + 1] and (k[i + 1] == "w" or k[i + 1] == "n") then sopen = i end
      elseif d == "close" and sopen and i > sopen + 1 then
        regions[#regions + 1] = { a = sopen, b = i, single = true }
        sopen = nil
      end
    end
  end
  table_sort(regions, function(x, y) return x.a < y.a end)
  -- (array room up to the last quoted token: qid of one after it is nil all the same)
  local maxb = 0
  for r = 1, #regions do maxb = math_max(maxb, regions[r].b) end
  local qid = maxb > 0 and tok.tables(maxb, 1) or {}
  for r = 1, #regions do
    local q = regions[r]
    for t = q.a, q.b do qid[t] = r end
  end
  return regions, qid
end

-- ------------------------------------------------------------ phrase bounds

local NPPUNCT = { ["("] = true, [")"] = true, ["&"] = true, ["."] = true }

-- Leftwards from token j over a speaker phrase (not before lo): its first
-- token (j + 1 when there is none). A leading prepositional phrase ("At a
-- news conference Mujahid") is left out.
function Doc:npstart(lo, j)
  local w, k = self.w, self.k
  -- a time between the speaker and the verb is the verb's ("X on Monday said")
  while j >= lo and self.timeof[j] do
    j = j - 1
    if j >= lo and k[j] == "w" and M.adjuncts[w[j]] and not self.timeof[j] then j = j - 1 end
  end
  local i = j
  while i >= lo do
    local ki, wi = k[i], w[i]
    if ki == "w" then
      if M.stops[wi] or M.verbs[wi] or M.acts[wi] then break end
    elseif ki == "p" then
      if not NPPUNCT[wi] then break end
      if wi == "." and not (i > lo and abbrev(w[i - 1])) then break end
    elseif ki ~= "n" and ki ~= "$" then
      break
    end
    i = i - 1
  end
  local s = i + 1
  -- a leading time ("On Monday Mujahid said")
  if s <= j and (self.timeof[s] or (k[s] == "w" and M.adjuncts[w[s]] and self.timeof[s + 1])) then
    if not self.timeof[s] then s = s + 1 end
    while s <= j and self.timeof[s] do s = s + 1 end
  end
  -- a leading prepositional phrase ("At a news conference Mujahid said")
  if s <= j and k[s] == "w" and (M.adjuncts[w[s]] or w[s] == "earlier" or w[s] == "meanwhile"
    or w[s] == "later" or w[s] == "however") then
    local cut
    for x = j, s + 1, -1 do
      if w[x] == "the" or w[x] == "a" or w[x] == "an" then
        cut = x
        break
      end
    end
    local nm = docnames(self, s + 1, j)
    if #nm > 0 then
      local first = nm[#nm][1]
      while first > s + 1 and (M.titles[w[first - 1]] or M.roles[w[first - 1]] or sidephrase(self, first - 1, j)) do
        first = first - 1
      end
      if not cut or first > cut then cut = first end
    end
    s = cut or ((M.pronouns[w[j]] or nameword(self, j)) and j) or j + 1
  end
  return s, j
end

-- Rightwards from token i over a speaker phrase (after "said X" or
-- "according to X"), not past hi: its last token, with an appositive that
-- names a role ("said Teodora Vukal, the director of the centre").
function Doc:npend(i, hi, noapp)
  local w, k = self.w, self.k
  local j = i
  while j <= hi do
    local kj, wj = k[j], w[j]
    if kj == "w" then
      if M.stops[wj] or M.verbs[wj] or M.acts[wj] then break end
      if j > i and (wj == "on" or wj == "by" or wj == "at" or wj == "to" or wj == "via") then break end
      if j > i and self.timeat[j] then break end
    elseif kj == "p" then
      if not NPPUNCT[wj] then break end
      if wj == "." and not abbrev(w[j - 1]) then break end
    elseif kj ~= "n" and kj ~= "$" then
      break
    end
    j = j + 1
  end
  local e = j - 1
  if not noapp and j <= hi and w[j] == "," and e >= i then
    local x = j + 1
    local hasrole = false
    while x <= hi and w[x] ~= "," and w[x] ~= "." and w[x] ~= ";" and w[x] ~= ":" and k[x] ~= "q" do
      if M.roles[w[x]] then hasrole = true end
      if (M.stops[w[x]] and w[x] ~= "and") or M.verbs[w[x]] then
        hasrole = false
        break
      end
      x = x + 1
    end
    if hasrole then e = x - 1 end
  end
  return e
end

-- Rightwards from reporting verb v over its adjuncts ("on Monday", "in a
-- statement", "told CNN", "by phone from his home"): the first token after
-- them, what comes there ("that", "end", "colon", "quote", "comma",
-- "clause") and the channel ("in an audio message"), if any.
function Doc:adjuncts(v, hi, told)
  local w, k = self.w, self.k
  local t = v + 1
  local channel
  if told and t <= hi then
    local function cap(x) return k[x] == "w" and upper(self.text, self.ts[x]) and not self.timeof[x] end
    if cap(t) then
      while t <= hi and (cap(t) or (w[t] == "of" and cap(t + 1)) or (k[t] == "$" and cap(t + 1))) do t = t + 1 end
    elseif M.addressees[w[t]] then
      if w[t] == "the" or w[t] == "a" or w[t] == "an" or w[t] == "local" or w[t] == "state"
        or w[t] == "foreign" then
        t = t + 1
        while t <= hi and k[t] == "w" and not M.stops[w[t]] and not M.adjuncts[w[t]] do t = t + 1 end
      else
        t = t + 1
      end
    end
  end
  local guard = 0
  while t <= hi and guard < 12 do
    guard = guard + 1
    if w[t] == "," and t < hi then
      -- ", on 6 September," between the verb and what it says
      local y = t + 1
      if k[y] == "w" and M.adjuncts[w[y]] and self.timeat[y + 1] then y = y + 1 end
      local z = self.timeat[y]
      if z and w[z] == "," then t = z + 1 end
    end
    local after = self.timeat[t]
    local cl = not after and at(w, t, hi, compiled.channels)
    if after then
      t = after
    elseif cl then
      channel = channel or fold(self:text_of(t, t + cl - 1))
      t = t + cl
      if t <= hi and (w[t] == "posted" or w[t] == "published" or w[t] == "released" or w[t] == "broadcast"
        or w[t] == "issued" or w[t] == "aired") then t = t + 1 end
    elseif k[t] == "w" and M.adjuncts[w[t]] then
      -- a short prepositional phrase, ending where an adjunct may end
      local x = t + 1
      local complement = self.qof[t] ~= nil
      while x <= hi and x <= t + 6 do
        local wx = w[x]
        if (k[x] ~= "w" and k[x] ~= "n" and k[x] ~= "$") or M.stops[wx] or M.verbs[wx]
          or (M.adjuncts[wx] and x > t + 1) or self.timeat[x] then break end
        if self.qof[x] or compiled.hot[wx] then complement = true end
        x = x + 1
      end
      if x == t + 1 or complement then break end
      if x > hi or w[x] == "that" or w[x] == "," or w[x] == "." or w[x] == ":" or w[x] == ";"
        or k[x] == "q" or (k[x] == "w" and M.adjuncts[w[x]]) or self.timeat[x] then
        t = x
      else
        break
      end
    elseif w[t] == "posted" or w[t] == "published" or w[t] == "released" then
      t = t + 1
    else
      break
    end
  end
  if t > hi then return t, "end", channel end
  local wt = w[t]
  if wt == "that" then return t + 1, "that", channel end
  if wt == "." or wt == "!" or wt == "?" or wt == ";" then return t, "end", channel end
  if wt == ":" then return t + 1, "colon", channel end
  if k[t] == "q" or k[t] == "s" then return t, "quote", channel end
  if wt == "," then
    if t + 1 <= hi and (k[t + 1] == "q" or k[t + 1] == "s") then return t + 1, "quote", channel end
    if t + 1 <= hi and k[t + 1] == "w" and (string_find(w[t + 1], "ing$") or w[t + 1] == "according"
      or w[t + 1] == "who" or w[t + 1] == "without") then
      return t, "end", channel
    end
    return t, "comma", channel
  end
  return t, "clause", channel
end

-- ------------------------------------------------------------ frames

local BE = { is = true, was = true, were = true, are = true, be = true, been = true, being = true, am = true,
  ["'s"] = true }
local NEG = { ["not"] = true, ["n't"] = true, never = true, cannot = true }
local AUXNEG = { did = true, does = true, ["do"] = true, had = true, has = true, have = true, would = true,
  could = true, will = true, ["didn't"] = true, ["doesn't"] = true, ["hasn't"] = true, ["hadn't"] = true }
local DET = { the = true, a = true, an = true, his = true, her = true, its = true, their = true, our = true,
  my = true, this = true, that = true, ["'s"] = true, any = true, no = true }

-- The end of the clause from token t: the token before the next ";" or a
-- narrator's relative clause (", where", ", which"), or the sentence end.
local function clauseend(D, t, b)
  for x = t, b do
    if D.w[x] == ";" then return x - 1 end
    if D.w[x] == "," and (D.w[x + 1] == "where" or D.w[x + 1] == "which") then return x - 1 end
  end
  return b
end

-- The clause start before token t: after the last ";" (or the sentence start).
local function clausestart(D, a, t)
  for x = t, a, -1 do
    if D.w[x] == ";" then return x + 1 end
  end
  return a
end

-- Speaker bookkeeping: a speaker mentioned at pos (a resolved pronoun is
-- mentioned again there).
local function mention(D, spk, pos)
  if not spk then return end
  local s = spk
  if spk.pos ~= pos then
    s = setmetatable({ pos = pos }, { __index = spk })
  end
  local si = D:sentat(pos)
  local list = D.sspk[si]
  if not list then
    list = {}
    D.sspk[si] = list
  end
  list[#list + 1] = s
end

-- The quotation ending at token t (its close mark, or a comma after it).
local function quoteending(D, t, lo)
  if t < lo then return nil end
  if D.w[t] == "," and t > lo then t = t - 1 end
  local r = D.qid[t]
  if r and D.quotes[r].b == t and (D.k[t] == "q" or D.k[t] == "s") then return r end
  -- a comma inside the quotation before the close mark: ',"' is one step
  return nil
end

-- The quotation opening at token t.
local function quoteopening(D, t)
  local r = D.qid[t]
  if r and D.quotes[r].a == t then return r end
  return nil
end

-- Is token t a verb by its looks (for "X called it false and said")?
local function verbish(D, t)
  local wt = D.w[t]
  if M.verbs[wt] or M.acts[wt] or BE[wt] or wt == "has" or wt == "had" or wt == "have" then return true end
  return D.k[t] == "w" and string_find(wt, "ed$") ~= nil and not upper(D.text, D.ts[t])
end

-- A reporting verb at token v of the sentence of tokens first..last: its
-- frame or nil.
local function verbframe(D, first, last, v)
  local w, k = D.w, D.k
  local wv = w[v]
  local f = { kind = "verb", v = v, cue = M.verbs[wv] or "said", hedge = M.hedging[wv], deny = M.denying[wv] }
  if M.acts[wv] then f.act, f.cue = true, wv end
  local lo = clausestart(D, first, v - 1)
  local j = v - 1
  while j >= lo and k[j] == "w" and (M.between[w[j]] or (string_find(w[j], "ly$") and #w[j] > 4)) do
    j = j - 1
  end
  if j >= lo and NEG[w[j]] then
    f.neg = true
    j = j - 1
    while j >= lo and AUXNEG[w[j]] do j = j - 1 end
  end
  if wv == "saying" and j >= lo and w[j] == "as" then
    -- "X was quoted (by Y) as saying ...": X speaks
    local q = j - 1
    while q >= lo and w[q] ~= "quoted" and j - q < 8 do q = q - 1 end
    if q >= lo and w[q] == "quoted" then
      local e = q - 1
      while e >= lo and (BE[w[e]] or M.between[w[e]]) do e = e - 1 end
      local sa = D:npstart(lo, e)
      if sa <= e then
        f.spk, f.ss, f.se = D:speaker(sa, e), sa, e
        local nt = v + 1
        if w[nt] == "that" then nt = nt + 1 end
        f.sa, f.sb = nt, clauseend(D, nt, last)
        mention(D, f.spk, D.ts[sa])
        return f
      end
    end
  end
  if j >= lo and (BE[w[j]] or w[j] == "to") then return nil end -- passive, infinitive
  if M.nounlike[wv] and j >= lo and (DET[w[j]] or k[j] == "$" or M.rejecting[w[j]] or M.nounadj[w[j]]) then
    return nil -- "the claim", "false reports"
  end
  if M.nounlike[wv] and v < last and (BE[w[v + 1]] or w[v + 1] == "of" or w[v + 1] == "by") then return nil end
  local spk, sa, sb, right
  local leftq
  if j > lo and (w[j] == "and" or w[j] == "but") then
    -- "X dismissed the figures and said that ...": the subject of the first verb
    local lo2 = clausestart(D, first, j - 1)
    for y = lo2, j - 1 do
      if verbish(D, y) then
        local a = D:npstart(lo2, y - 1)
        if a <= y - 1 then sa, sb = a, y - 1 end
        break
      end
    end
  end
  -- a relative clause between the speaker and the verb ("X, the ombudsman
  -- of the region, which locals call Z, said"; "The ministry, which denied
  -- it, said"): the speaker is before it
  local rel = false
  if not sa and j > lo and w[j] == "," then
    local r = j - 1
    while r > lo and w[r] ~= "," and w[r] ~= ":" and k[r] ~= "q" do r = r - 1 end
    if r > lo and w[r] == "," and M.relatives[w[r + 1]] then j, rel = r, true end
  end
  -- "X told Y by phone, adding that ...": the speaker of the verb before
  if not sa and j > lo and w[j] == "," and string_find(wv, "ing$") then
    for c = j - 1, lo, -1 do
      if k[c] == "q" then break end
      if M.verbs[w[c]] and not M.nounlike[w[c]] and not string_find(w[c], "ing$") then
        local f2 = verbframe(D, first, last, c)
        if f2 and f2.spk and not f2.act then sa, sb = f2.ss, f2.se end
        break
      end
    end
  end
  if sa then -- (the subject of the first verb)
    right = false
  elseif j < lo then
    right = true
  elseif k[j] == "q" or k[j] == "s" or (w[j] == "," and j > lo and (k[j - 1] == "q" or k[j - 1] == "s")) then
    right, leftq = true, quoteending(D, j, lo)
  elseif w[j] == "," then
    -- an appositive or relative clause: "X, the commander of Y, wrote"
    local c = j - 1
    while c >= lo and w[c] ~= "," and w[c] ~= ":" and k[c] ~= "q" and not M.verbs[w[c]] do c = c - 1 end
    if c > lo and w[c] == "," then
      local hs = D:npstart(lo, c - 1)
      -- the head must name someone: a name, a role, a side ("We, the Front, announce")
      local named = false
      for x = hs, c - 1 do
        if nameword(D, x) or M.roles[w[x]] or sidephrase(D, x, c - 1) or w[x] == "we" then named = true end
      end
      if hs <= c - 1 and named then sa, sb = hs, j - 1 end
    end
    if not sa and rel then
      sa, sb = D:npstart(lo, j - 1)
      if sa > sb then sa, sb = nil, nil end
    end
    if not sa then right = true end
  else
    sa, sb = D:npstart(lo, j)
    if sa > sb then right = true end
  end
  local after = v
  if right then
    if v < last and D.k[v + 1] == "w" and (M.adjuncts[w[v + 1]] or w[v + 1] == "that") then return nil end
    local e = D:npend(v + 1, last)
    if e < v + 1 then return nil end
    spk = D:speaker(v + 1, e)
    after = e
    f.ss, f.se = v + 1, e
  else
    spk = D:speaker(sa, sb)
    f.ss, f.se = sa, sb
    leftq = leftq or quoteending(D, sa - 1, lo)
  end
  if not spk and not f.act then
    -- "Photos showed ..." and data: no speaker
    if sa and sb then
      for x = sa, sb do
        if M.media[w[x]] or M.sources[w[x]] then return nil end
      end
    end
  end
  f.spk = spk
  if f.act then
    mention(D, spk, D.ts[f.ss])
    return f
  end
  local nt, what, channel = D:adjuncts(after, last, f.cue == "told")
  f.channel = channel
  if what == "quote" or what == "colon" then
    local q = quoteopening(D, nt) or (what == "colon" and quoteopening(D, nt))
    if q then f.quote = q end
    -- a split quotation ("A," X said, "B"): the part before is X's too
    if leftq and q then f.lquote = leftq end
    f.sa, f.sb = nt, last
    if not q and what == "colon" then f.sb = clauseend(D, nt, last) end
  elseif what == "that" or what == "clause" then
    f.sa, f.sb = nt, clauseend(D, nt, last)
  else
    -- "CLAUSE, X said." (inverted) or "A, X said, B" (parenthetical)
    local lb = (right and v or sa) - 1
    if leftq then
      f.quote = leftq
      f.sa, f.sb = D.quotes[leftq].a, lb
    elseif lb >= lo and w[lb] == "," then
      if what == "comma" and not right then
        f.sa, f.sb = lo, clauseend(D, nt, last)
      else
        f.sa, f.sb = lo, lb - 1
      end
    end
  end
  mention(D, spk, D.ts[f.ss])
  return f
end

-- "according to X": speaker X; the claim before it ("..., according to
-- X.") or after it ("According to X, ...").
local function accordingframe(D, first, last, t)
  local w = D.w
  local lo = clausestart(D, first, t)
  local e = D:npend(t + 2, last, true)
  if e < t + 2 then return nil end
  local f = { kind = "according", v = t, cue = "according to", ss = t + 2, se = e }
  -- a data source ("according to the registration data") names no speaker,
  -- unless it says whose ("figures from the health ministry")
  for x = t + 2, e do
    if M.sources[w[x]] then
      f.source = true
      for y = x + 1, e - 1 do
        if w[y] == "from" or w[y] == "of" or w[y] == "by" then
          -- (in a report or statement, the data the author cites are its own)
          local spk = D:speaker(y + 1, e)
          if spk and (spk.side or spk.org or spk.named or spk.role or not D.own) then
            f.source, f.spk = nil, spk
          end
          break
        end
      end
      break
    end
  end
  if not f.source and not f.spk then f.spk = D:speaker(t + 2, e) end
  if t - 1 >= lo and (w[t - 1] == "," or w[t - 1] == "-") and t - 2 - lo >= 2 and not upper(D.text, D.ts[t]) then
    f.sa, f.sb = lo, t - 2
  else
    local x = e + 1
    while x <= last and w[x] ~= "," do x = x + 1 end
    f.sa, f.sb = x + 1, clauseend(D, x + 1, last)
    if x > last then f.sa, f.sb = e + 1, last end
  end
  if f.spk then mention(D, f.spk, D.ts[t + 2]) end
  return f
end

-- "X video shows ...", "A video released by the Taliban showed ...": a
-- party's media speak for it.
local function showframe(D, first, last, v)
  local lo = clausestart(D, first, v - 1)
  local a = D:npstart(lo, v - 1)
  if a > v - 1 then
    -- "released by the Taliban": npstart stops at "by"? no; it stops at verbs
    return nil
  end
  local media = false
  for x = a, v - 1 do
    if M.media[D.w[x]] then media = true end
  end
  if not media then return nil end
  local side, i, x = D:sidein(a, v - 1)
  if not side then return nil end
  local e = i + x.n - 1
  local spk = { text = D:text_of(i, e), s = D.ts[i], e = D.te[e], side = side, org = true, pos = D.ts[i] }
  return { kind = "show", v = v, cue = "showed", spk = spk, sa = v + 1, sb = clauseend(D, v + 1, last),
    ss = i, se = e }
end

-- Owners of media named by the hot tokens D.hot[lo..hi] ("a video
-- released by the Taliban", "the Front's video", "Taliban footage"):
-- D.media[word] = speaker, so a later "In the video, ..." speaks for them.
-- The sentence is looked up for a medium's word only.
local function mediaowners(D, lo, hi)
  local w, media, hot = D.w, M.media, D.hot
  for h = lo, hi do
    local x = hot[h]
    local si = media[w[x]] and D:sentof(x)
    if si then
      local first, last = D.sa[si], D.sb[si]
      local spk
      local y = x + 1
      if (w[y] == "released" or w[y] == "published" or w[y] == "issued" or w[y] == "posted" or w[y] == "shared"
        or w[y] == "broadcast" or w[y] == "distributed") and w[y + 1] == "by" then
        local e = D:npend(y + 2, last, true)
        if e >= y + 2 then spk = D:speaker(y + 2, e) end
      else
        local side, i, sx = D:sidein(math_max(first, x - 3), x - 1)
        if side then
          local e = i + sx.n - 1
          spk = { text = D:text_of(i, e), s = D.ts[i], e = D.te[e], side = side, org = true, pos = D.ts[i] }
        end
      end
      if spk and spk.side then D.media[w[x]] = spk end
    end
  end
end

-- "In the video, ...": the owner of a medium named before.
local function mediumframe(D, first, last)
  local w = D.w
  local x = first
  if w[x] == "in" and w[x + 1] == "the" and M.media[w[x + 2]] and D.media[w[x + 2]] then
    local y = x + 3
    if w[y] == "," then y = y + 1 end
    return { kind = "medium", v = x, cue = "in the " .. w[x + 2], spk = D.media[w[x + 2]], sa = y,
      sb = clauseend(D, y, last), ss = x, se = x + 2 }
  end
  return nil
end

-- "the Taliban's claim (on Monday) that ...": the claimed content,
-- suppressed when rejected or called false.
local function claimframe(D, first, last, i)
  local w, k = D.w, D.k
  local t = i + 1
  local guard = 0
  if w[t] == "of" then
    t = D:npend(t + 1, last, true) + 1
  end
  while t <= last and guard < 4 and w[t] ~= "that" do
    t = D.timeat[t] or (t + 1)
    guard = guard + 1
  end
  if t > last or w[t] ~= "that" then return nil end
  local f = { kind = "claimnoun", v = i, sa = t + 1, sb = clauseend(D, t + 1, last), cue = "claimed", hedge = true }
  -- called false: the content is denied by whoever says so (a frame around it)
  for x = t + 1, f.sb do
    local l = at(w, x, last, compiled.falsity)
    if l then
      f.sb, f.deny, f.outer, f.hedge, f.cue = x - 1, true, true, nil, "denied"
      break
    end
  end
  -- rejected: the content is denied by the one who rejects it
  for x = i - 1, first, -1 do
    if M.rejecting[w[x]] then
      f.deny, f.hedge, f.cue = true, nil, "denied"
      local a0, b0 = D:npstart(clausestart(D, first, x - 1), x - 1)
      f.rejecter = a0 <= b0 and D:speaker(a0, b0) or nil
      break
    end
    if w[x] == "," or w[x] == ";" or i - x > 6 then break end
  end
  local spk
  if i - 1 >= first and k[i - 1] == "$" then
    spk = D:speaker(D:npstart(first, i - 2), i - 2)
  elseif i - 1 >= first and (w[i - 1] == "his" or w[i - 1] == "her") then
    spk = lastspeaker(D, "person", D.ts[i])
  elseif i - 1 >= first and (w[i - 1] == "its" or w[i - 1] == "their") then
    spk = lastspeaker(D, "org", D.ts[i]) or lastspeaker(D, "group", D.ts[i])
  elseif w[i + 1] == "of" then
    spk = D:speaker(i + 2, D:npend(i + 2, last, true))
  elseif i - 1 >= first and not DET[w[i - 1]] and not M.rejecting[w[i - 1]] and not M.nounadj[w[i - 1]] then
    -- "The Taliban claim that ..." is a verb, not this
    return nil
  end
  f.spk = spk
  if f.deny then f.spk, f.owner = f.rejecter, spk end
  return f
end

-- A headline "X: ..." (a party or a person before a colon) says what follows.
local function colonframe(D, first, last)
  local w = D.w
  for c = first + 1, math_min(last - 1, first + 9) do
    if w[c] == ":" then
      for x = first, c - 1 do
        if M.verbs[w[x]] or M.stops[w[x]] then return nil end
      end
      local spk = D:speaker(first, c - 1)
      if spk and (spk.side or spk.named) then
        mention(D, spk, D.ts[first])
        return { kind = "colon", v = c, cue = "said", spk = spk, sa = c + 1, sb = last, ss = first, se = c - 1 }
      end
      return nil
    end
    if w[c] == "," or D.k[c] == "q" then return nil end
  end
  return nil
end


-- ------------------------------------------------------------ registry

-- The registry entries of the declared people of a manifest (each name and
-- alias of a person with a side), made once per declared list (Doc:lookup
-- only reads them, so every document shares them); compile() drops them.
local function declaredpeople(declared)
  local out = peoplecache[declared]
  if out then return out end
  out = {}
  for _, d in ipairs(declared) do
    if d.kind == "person" and type(d.side) == "string" then
      for _, name in ipairs({ d.name, table_unpack(d.aliases or {}) }) do
        local n, _, _, ws = tokenize(name)
        local list = {}
        for i = 1, n do
          if #ws[i] > 1 and not M.particles[ws[i]] and ws[i] ~= "jr" and ws[i] ~= "sr" then list[#list + 1] = ws[i] end
        end
        if #list > 0 then
          out[#out + 1] = { ws = list, senior = false, side = d.side, pos = 0 }
        end
      end
    end
  end
  peoplecache[declared] = out
  return out
end

-- People with the sides the text gives them, read once before the frames:
-- "NRF leader X", "Ministry spokeswoman Colonel X", "X, the commander of
-- the ZDF", "X, spokesman of the Taliban", "the Front's spokesman, X",
-- "the Front, led by X".
local function prepass(D)
  local w, k = D.w, D.k
  local sa, sb, hot, hf, hl, ns = D.sa, D.sb, D.hot, D.hf, D.hl, D.ns
  local roles, leading, verbs, stops = M.personroles, M.leading, M.verbs, M.stops
  -- (the hot tokens in one walk, and the sentences with them: hot token hi
  -- lies in sentence s when hf[s] <= hi <= hl[s], in none when no s has it)
  local s = 1
  for hi = 1, #hot do
    local i = hot[hi]
    local wi = w[i]
    local si
    if (roles[wi] or leading[wi]) and k[i] == "w" then
      while s <= ns and hl[s] < hi do s = s + 1 end
      si = s <= ns and hf[s] <= hi and s
    end
    if si then
      local first, last = sa[si], sb[si]
      if roles[wi] then
        -- a name right after the role: the side just before it
        local nm = (nameword(D, i + 1) or nameword(D, i + 2)) and docnames(D, i + 1, math_min(last, i + 8), true)[1]
        if nm and nm[1] <= i + 3 then
          local side = D:sidein(math_max(first, i - 4), i - 1) or D:headside(math_max(first, i - 2), i - 1)
          if not side and i > first and (w[i - 1] == "its" or w[i - 1] == "their") then side = D:lastside(i - 1) end
          if side then D:register(nm[1], nm[2], side) end
        end
        -- "X, the ROLE of Y", "X, a senior field ROLE of Y" and "X, ROLE of Y"
        local c = i - 1
        while c > first and c >= i - 3 and k[c] == "w" and w[c] ~= "the" and w[c] ~= "a" and w[c] ~= "an"
          and not stops[w[c]] and not upper(D.text, D.ts[c]) do c = c - 1 end
        if c >= first and (w[c] == "the" or w[c] == "a" or w[c] == "an") then c = c - 1 end
        if c > first and w[c] == "," then
          local e = i + 1
          while e <= last and w[e] ~= "," and w[e] ~= "." and w[e] ~= ";" and k[e] ~= "q" and not verbs[w[e]] do
            e = e + 1
          end
          local side = nameword(D, c - 1) and (D:sidein(c + 1, e - 1) or D:headside(c + 1, e - 1))
          if side then
            local names = docnames(D, D:npstart(first, c - 1), c - 1)
            local nm2 = names[#names]
            if nm2 and nm2[2] == c - 1 then D:register(nm2[1], nm2[2], side) end
          end
        end
        -- "the ROLE of Y, X" and "Y's ROLE, X"
        local x = i + 1
        local xe = math_min(last, i + 10)
        while x <= xe do
          local wx = w[x]
          if wx == "," or k[x] == "q" or verbs[wx] then break end
          x = x + 1
        end
        if x < last and w[x] == "," and (nameword(D, x + 1) or nameword(D, x + 2)) then
          local nm2 = docnames(D, x + 1, math_min(last, x + 6), true)[1]
          if nm2 and nm2[1] <= x + 2 then
            local side = D:sidein(math_max(first, i - 4), x - 1) or D:headside(math_max(first, i - 2), x - 1)
            if side then D:register(nm2[1], nm2[2], side) end
          end
        end
      elseif w[i + 1] == "by" then
        local names = docnames(D, i + 2, math_min(last, i + 12))
        local nm = names[1]
        if nm and nm[1] == i + 2 and w[nm[2] + 1] == "'s" then nm = names[2] end
        if nm then
          local side
          for _, sw in ipairs(D:sidewords(first, i - 1)) do side = sw.v.side end
          if side then D:register(nm[1], nm[2], side) end
        end
      end
    end
  end
  -- declared people
  local people = D.people
  local decl = declaredpeople(D.sx.declared)
  for pi = 1, #decl do people[#people + 1] = decl[pi] end
end

-- ------------------------------------------------------------ statements

-- A header line of a statement ("Remarks of X, spokesman of Y:", "Posts by
-- X on Twitter:", "Facebook post, Monday:"): the speaker it names, false
-- for a header naming none, nil for no header.
local function header(D, si)
  local w, k = D.w, D.k
  local first, last = D.sa[si], D.sb[si]
  local lw = w[last]
  if not (D.sk[si] == "headline" or lw == ":") and (lw == "." or lw == "!" or lw == "?"
    or k[last] == "q" or k[first] == "q" or last - first > 30) then
    return nil
  end
  for x = first, math_min(last, first + 4) do
    if M.headers[w[x]] then
      local nx = w[x + 1]
      if (nx == "of" or nx == "by" or nx == "from") and x + 2 <= last then
        local e = D:npend(x + 2, last)
        local spk = D:speaker(x + 2, e)
        if spk then return spk end
      end
      return false
    end
  end
  return nil
end

-- A statement a report prints in full: a paragraph that introduces it
-- ("X issued the following statement", "... publishes it in full") and the
-- paragraphs after it up to the first line without a final stop after
-- the body (the signature, or the report's next heading). Its sentences
-- outside quotations are the statement's author's, the subject the
-- introducing paragraph opens with (D.embed: sentence -> speaker). Nothing
-- without such a line: the report's own words would run on.
local function printed(D)
  local text, w, sa, sb, sk = D.text, D.w, D.sa, D.sb, D.sk
  -- the introducing sentences, found in the text (most documents have none)
  local intros, seen = {}, {}
  local function intro(pos)
    local si = D:sentat(pos)
    if not seen[si] and sk[si] ~= "headline" then
      seen[si] = true
      intros[#intros + 1] = si
    end
  end
  local p = 1
  while true do -- "the following statement", "the following communique"
    local a, e = string_find(text, "following", p, true)
    if not a then break end
    local w1, w2 = string_match(text, "^%s+([%a\128-\255]+)%s*([%a\128-\255]*)", e + 1)
    if w1 and (M.printed[fold(w1)] or M.printed[fold(w2)]) then intro(a) end
    p = e + 1
  end
  for _, pat in ipairs { "in full", "full text", "Full text", "FULL TEXT" } do
    p = 1
    while true do
      local a, e = string_find(text, pat, p, true)
      if not a then break end
      if pat ~= "in full" or D:sentat(a) == D:sentat(a - 2) then intro(a) end
      p = e + 1
    end
  end
  if #intros == 0 then return end
  table_sort(intros)
  local done = 0 -- (a statement's sentences are not searched again)
  for _, si in ipairs(intros) do
    if si > done then
      local para = D:para(sa[si])
      local j = si
      while j > 1 and D:para(sa[j - 1]) == para do j = j - 1 end
      local e = D:npend(sa[j], sb[j], true)
      local spk = e >= sa[j] and D:speaker(sa[j], e) or nil
      local from = si + 1
      while spk and from <= D.ns and D:para(sa[from]) == para do from = from + 1 end
      local to, body
      if spk then
        for r = from, D.ns do
          local lw = w[sb[r]]
          if sk[r] == "headline" or not (lw == "." or lw == "!" or lw == "?" or lw == ":" or D.k[sb[r]] == "q") then
            if body then
              to = r
              break
            end
          else
            body = true
          end
        end
      end
      if to then
        local h = setmetatable({ header = true }, { __index = spk })
        D.embed = D.embed or {}
        for r = from, to do D.embed[r] = h end
        mention(D, h, D.ts[sa[from]])
        done = to
      end
    end
  end
end

-- ------------------------------------------------------------ analysis

-- The side of the document's source (a side or declared name in it),
-- found once per source for the side index (kept in it: sx.sources).
local function sourceside(D, source)
  if type(source) ~= "string" then return nil end
  local sx = D.sx
  local known = sx.sources
  if not known then
    known = {}
    sx.sources = known
  end
  local side = known[source]
  if side ~= nil then return side or nil end
  side = false
  local n, _, _, w = tokenize(source)
  for i = 1, n do
    local l, v = at(w, i, n, sx.idx)
    if l and v.side then
      side = v.side
      break
    end
  end
  known[source] = side
  return side or nil
end


-- analyse(ctx) -- the attribution analysis of one document: tokens,
-- sentences, quotations, people, reporting frames, statement passages.
function M.analyse(ctx)
  local text = ctx.text
  -- (every field analyse sets is in the constructor, nil until set: the
  -- table is made at its size)
  local D = setmetatable({ ctx = ctx, text = text, people = {}, media = {}, n = nil, ts = nil, te = nil,
    w = nil, k = nil, dir = nil, hot = nil, marks = nil, sa = nil, sb = nil, ss = nil, sk = nil, hf = nil,
    hl = nil, stimes = nil, timeat = nil, timeof = nil, qat = nil, qof = nil, qfirst = nil, qlast = nil,
    tt = nil, nw = nil, ns = nil, sx = nil, namer = nil, pstarts = nil, quotes = nil, qid = nil, own = nil,
    srcside = nil, srcspk = nil, pass = nil, frames = nil, sspk = nil, docspk = nil, embed = nil }, Doc)
  local list = ctx.sentences
  if not list or #list == 0 then list = ownsentences(text) end
  D.n, D.ts, D.te, D.w, D.k, D.dir, D.hot, D.marks, D.sa, D.sb, D.ss, D.sk, D.hf, D.hl, D.stimes, D.timeat,
    D.timeof, D.qat, D.qof, D.qfirst, D.qlast, D.tt, D.nw = tok.analyse(text, compiled.hot, list, ctx.times or {},
    ctx.quantities or {}, M.nonames, M.particles, generation)
  D.ns = #D.sa
  D.sx = sideindex(ctx)
  D.namer = tok.namer(D.nw, D.w, D.k, D.ts, D.te, M.particles, M.titles, M.roles, D.sx.heads, M.abbrevs)
  D.pstarts = paragraphs(text)
  D.quotes, D.qid = quotations(D)
  prepass(D)
  -- own words: the source, the statement's speaker, passages
  local doc = ctx.doc or {}
  D.own = M.own[doc.kind] or false
  D.srcside = sourceside(D, doc.source)
  D.srcspk = doc.source and { text = doc.source, side = D.srcside, org = true, pos = 0, source = true } or nil
  D.pass = {}
  D.frames, D.sspk = {}, {}
  local passage, note = nil, false
  local sa, hf, hl = D.sa, D.hf, D.hl
  -- the owners of media: in one walk outside statements and reports; inside,
  -- sentence by sentence with the passages, which may read them
  if not D.own then
    mediaowners(D, 1, #D.hot)
    printed(D)
    return D
  end
  for si = 1, D.ns do
    local first = sa[si]
    if note or (M.notes[D.w[first]] and D.w[first + 1] == ":") then
      note = true
      D.pass[si] = false
    else
      local h
      if not D.qid[first] then h = header(D, si) end
      if h then
        -- a statement's header speaks for its source
        h = setmetatable({ side = h.side or D.srcside, header = true }, { __index = h })
        D.docspk = D.docspk or h
        passage = h
        mention(D, h, D.ts[first])
      elseif h == false then
        passage = D.docspk
      end
      D.pass[si] = passage or D.docspk or false
      if D.pass[si] == false then D.pass[si] = nil end
    end
    mediaowners(D, hf[si], hl[si])
  end
  return D
end

-- The reporting frames of sentence si, read on first use: reporting verbs,
-- "according to", a party's media, claim nouns, a headline's colon.
function Doc:framesof(si)
  local fs = self.frames[si]
  if fs then return fs end
  fs = {}
  self.frames[si] = fs
  local D, first, last = self, self.sa[si], self.sb[si]
  if not first then return fs end
  if D.sk[si] == "headline" or si == 1 then
    local cf = colonframe(D, first, last)
    if cf then fs[#fs + 1] = cf end
  end
  local mf = mediumframe(D, first, last)
  if mf then fs[#fs + 1] = mf end
  local hot = D.hot
  local w, showing, verbs, acts, claimnouns = D.w, M.showing, M.verbs, M.acts, M.claimnouns
  for hi = D.hf[si], D.hl[si] do
    local x = hot[hi]
    local wx = w[x]
    local f
    if wx == "according" and w[x + 1] == "to" then
      f = accordingframe(D, first, last, x)
    elseif showing[wx] then
      f = showframe(D, first, last, x)
    elseif verbs[wx] or acts[wx] then
      f = verbframe(D, first, last, x)
      -- "X called it false and said ...": the subject of the first verb
      if f and f.ss and f.ss == x + 1 and x > first and (w[x - 1] == "and" or w[x - 1] == "but") then
        local lo = clausestart(D, first, x - 1)
        for y = lo, x - 2 do
          if verbish(D, y) then
            local sa = D:npstart(lo, y - 1)
            if sa <= y - 1 then
              f.spk = D:speaker(sa, y - 1)
              f.ss, f.se = sa, y - 1
            end
            break
          end
        end
      end
    end
    if not f and claimnouns[wx] then f = claimframe(D, first, last, x) end
    if f then
      if f.neg then f.suppress = true end
      if f.quote and not D.quotes[f.quote].link then D.quotes[f.quote].link = f end
      if f.lquote and not D.quotes[f.lquote].link then D.quotes[f.lquote].link = f end
      fs[#fs + 1] = f
    end
  end
  return fs
end

-- Quotation r with its speaker, read on first use: the frame that
-- introduces or follows it, else the quotation before it in the paragraph,
-- the statement's passage, the quotation ending the paragraph before, or
-- (for one that opens a paragraph) the speaker of the sentences before.
function Doc:quote(r)
  local q = self.quotes[r]
  if q.done then return q end
  q.done = true
  local si, sb = self:sentof(q.a), self:sentof(q.b)
  for j = si or sb or 1, math_min(self.ns, (sb or si or 0) + 1) do self:framesof(j) end
  local first = si and self.sa[si]
  local speech = q.link ~= nil
  if not speech and first then
    speech = q.a == first or q.b > self.sb[si] or (q.a > 1 and self.w[q.a - 1] == ":")
  end
  q.speech = speech
  q.para = self:para(q.a)
  if speech then
    local prev
    for r2 = r - 1, 1, -1 do
      local q2 = self:quote(r2)
      if q2.speech then
        prev = q2
        break
      end
    end
    if q.link then
      q.spk, q.frame = q.link.spk, q.link
    elseif prev and prev.para == q.para and prev.spk then
      q.spk, q.frame = prev.spk, prev.frame
    elseif self.own and si and self.pass[si] ~= false then
      q.spk = self.pass[si] or self.docspk or self.srcspk
    elseif self.embed and si and self.embed[si] then
      q.spk = self.embed[si]
    elseif prev and prev.spk and prev.para == q.para - 1 and (not first or q.a == first) then
      q.spk, q.frame = prev.spk, prev.frame
    elseif first and q.a == first and si > 1 and self:para(self.sa[si - 1]) == q.para - 1 then
      -- a paragraph that opens with a quotation after one that ends in a
      -- speaker's reported words ("X said that ...") takes that speaker;
      -- after one that ends with a colon ("... publishes it below:"), the
      -- last speaker of the few sentences before it
      local intro = self.w[self.sb[si - 1]] == ":"
      if not intro then -- "... publishes it in full below."
        for x = self.sa[si - 1], self.sb[si - 1] do
          if self.w[x] == "below" then intro = true end
        end
      end
      for j = si - 1, math_max(1, si - (intro and 4 or 1)), -1 do
        local fs = self:framesof(j)
        for fi = #fs, 1, -1 do
          local f = fs[fi]
          if f.spk and not f.act and not f.neg then
            q.spk, q.frame = f.spk, f
            break
          end
        end
        if q.spk or self.sk[j] == "headline" then break end
      end
      if not q.spk and intro then
        -- no speaker before: the one the introducing paragraph opens with
        -- ("The Ministry of Defence has released its bulletin.")
        local j = si - 1
        while j > 1 and self:para(self.sa[j - 1]) == q.para - 1 do j = j - 1 end
        local a = self.sa[j]
        local e = self:npend(a, self.sb[j], true)
        if e >= a then q.spk = self:speaker(a, e) end
      end
    end
  end
  return q
end

-- attribute(D, si, t) -- who states what token t of sentence si says: the
-- speaker record (nil for the outlet's own narration) and the reporting
-- frame ({cue, channel, hedge, deny, suppress}) when there is one.
function M.attribute(D, si, t)
  local r = D.qid[t]
  local q = r and D:quote(r)
  local best
  local fs = D:framesof(si)
  for fi = 1, #fs do
    local f = fs[fi]
    if f.sa and f.sb and f.sa <= t and t <= f.sb and not f.act then
      -- a verb outside a speaker's quotation reaches into it only if it introduces it
      if not (q and q.speech and D.qid[f.v] ~= r and f.quote ~= r) then
        if not best or (f.sb - f.sa) < (best.sb - best.sa) then best = f end
      end
    end
  end
  if best and best.outer then
    -- "X's claim that ... is false, Y said": Y denies it
    local around
    for fi = 1, #fs do
      local f = fs[fi]
      if f ~= best and f.sa and f.sa <= best.v and best.v <= f.sb and f.spk and not f.act then
        if not around or (f.sb - f.sa) < (around.sb - around.sa) then around = f end
      end
    end
    local spk = around and around.spk
    if not spk and q and q.speech then spk = q.spk end
    if not spk and D.own and D.pass[si] ~= false then spk = D.pass[si] or D.docspk or D.srcspk end
    if not spk and D.embed then spk = D.embed[si] end
    return spk, best
  end
  if best and best.spk then return best.spk, best end
  if best and best.suppress then return nil, best end
  if q and q.speech and q.spk then return q.spk, q.frame end
  if D.own and D.pass[si] ~= false then return D.pass[si] or D.docspk or D.srcspk, best end
  if D.embed and D.embed[si] then return D.embed[si], best end
  return nil, best
end

-- The cue label of an attribution.
function M.label(spk, frame)
  if frame then return frame.channel or frame.cue end
  if spk then return (spk.source or spk.header) and "statement" or "quote" end
  return nil
end

M.Doc = Doc
M.compile()
return M
