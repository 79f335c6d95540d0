-- sift.grammar.number -- quantities in text: counts, measures, money,
-- percentages, ranges, bounds, vague quantifiers and ordinals.
--
--   local number = require "sift.grammar.number"
--   for _, q in ipairs(number.scan("more than 700 fighters")) do
--     print(q.s, q.e, q.text, q.value, q.min, q.max)   --> 1 13 more than 700 700 701 nil
--   end
--
-- Records and fields: stdlib/sift/grammar/README.md. Uses LPeg and
-- sift.grammar.unit; every pattern is compiled once, when the module loads.
--
-- How a scan works: one LPeg pass walks the text a word at a time. Bytes
-- that cannot start a word are skipped in one span; a word goes through one
-- trie of every word a quantity can start with ("two", "more than",
-- "dozens", "a year"), whose leaves go on with the grammar for what may
-- follow that word, so a word that starts nothing costs a few byte tests
-- and no capture; digits go to the grammar of numbers. A token the grammar
-- cannot read (10:30, 2021-09-06, 1990s, 4x4) is skipped whole, so no match
-- begins inside a word. Each step that reads a quantity gives a small raw
-- table; a Lua pass checks it against its context (years, days of months,
-- labels, names, idioms of "one") and makes the record: build(), the
-- definition. For a plain number ("700 fighters", "about 20 km", "two or
-- more"), a range of them ("20-25 km"), a vague word ("several", "a few
-- hundred") and a unit of one ("for a year") C does the same as the step
-- ends (sift.scan's qstep, as its quantity), with no raw table. The whole
-- text is one match, the steps between candidates taken in C (sift.scan's
-- numberto).
--
-- Decisions (the answers to "what does X give?"):
-- * Not quantities: years (four digits 1000-2099 without a separator,
--   unless a count noun follows: "2000 people"), days of months, clock
--   times, decades, numbers joined to a word ("AK-47", "COVID-19"), labels
--   ("Article 5", "Boeing 737"), phone numbers, gallery counters and list
--   numbers at the start of a line, fractions ("two thirds"), "one" as a
--   pronoun or in idioms ("one of the", "on one side", "no one", "one day"
--   unless a duration: "for one day"), and zero words ("no", "none": the
--   claims layer decides when "no casualties" is a figure).
-- * Ordinals ("third", "5th") are left out unless scan(text, {ordinals =
--   true}); they then come with ordinal = true and a value, no bounds.
-- * Bounds: "more than N" min N+1 and "fewer than N" max N-1 for counts; for
--   measures and fractions the bound is N itself. "nearly/almost N": approx,
--   max N; "just over N": approx, min N; "about/some/roughly N": approx, open.
--   approx holds the word ("about"), vague the phrase ("dozens", "tens of
--   thousands").
-- * A range ("20-25", "between 20 and 25", "two or three") is one record:
--   value is the low end (ACLED's convention), min and max the ends. "from
--   20 to 25" is a change (two records); "3-1" is a score (none).
-- * Vague words: plurals of scale words ("dozens", "hundreds", "tens of
--   thousands") have min twice the scale and coded the scale; several,
--   many, numerous, "a large number" are coded 10; "a few", "a handful"
--   are vague with no interval. A vague word counting time ("several days")
--   or occasions ("many times") is no quantity.
-- * Units are canonical names (sift.grammar.unit): km, m, mi, ft, ha, km2,
--   percent, pp, hour, day, week, month, year, ...; money is the ISO 4217
--   code (USD, EUR, GBP, AFN), as the gold guidelines have it. "a year"
--   after "within", "for", a bound word... is one year; "a year ago" is not.
-- * "90 miles (144 kilometers)": one record with alt = {value, unit, s, e,
--   text} (the bracketed reading and where it is), when the two agree within
--   10% after conversion; otherwise two records.
local lpeg = require "lpeg"
local prefilter = require "sift.scan"
local unit = require "sift.grammar.unit"

local P, R, S, C, Cp, Cc, Ct, V, Carg = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cp, lpeg.Cc, lpeg.Ct, lpeg.V, lpeg.Carg
local Cmt = lpeg.Cmt
local lpeg_match = lpeg.match
local type, ipairs, pairs, tonumber, tostring, error = type, ipairs, pairs, tonumber, tostring, error
local setmetatable = setmetatable
local string_sub, string_lower, string_byte = string.sub, string.lower, string.byte
local string_match, string_gsub, string_find = string.match, string.gsub, string.find
local table_concat, table_sort = table.concat, table.sort
local math_tointeger, math_abs, math_max, math_type = math.tointeger, math.abs, math.max, math.type

local words, fold, lookup = unit.words, unit.fold, unit.lookup
-- FOLD[s] is fold(s), remembered.
local FOLD = lookup(fold)
local wordch, hs, digit = unit.wordch, unit.hs, unit.digit
local _ENV = nil -- luacheck: ignore 211 (from here on no global is read or written)

local M = {}

-- ------------------------------------------------------------ lexicon

local ONES = { one = 1, two = 2, three = 3, four = 4, five = 5, six = 6, seven = 7, eight = 8, nine = 9 }
local TEENS = { ten = 10, eleven = 11, twelve = 12, thirteen = 13, fourteen = 14, fifteen = 15, sixteen = 16,
  seventeen = 17, eighteen = 18, nineteen = 19 }
local TENS = { twenty = 20, thirty = 30, forty = 40, fourty = 40, fifty = 50, sixty = 60, seventy = 70, eighty = 80,
  ninety = 90 }
local SCALES = { thousand = 1000, million = 1000000, billion = 1000000000, trillion = 1000000000000 }
-- Scale words and abbreviations written after digits ("1.2 million", "3.5bn").
local DSCALES = { hundred = 100, thousand = 1000, million = 1000000, billion = 1000000000,
  trillion = 1000000000000, mn = 1000000, mln = 1000000, bn = 1000000000, tn = 1000000000000 }
-- After a currency sign a bare "m", "b" or "k" is a scale too ("$20m").
local MSCALES = { m = 1000000, b = 1000000000, k = 1000 }
for k, v in pairs(DSCALES) do MSCALES[k] = v end
local ORD_ONES = { first = 1, second = 2, third = 3, fourth = 4, fifth = 5, sixth = 6, seventh = 7, eighth = 8,
  ninth = 9 }
local ORDS = { tenth = 10, eleventh = 11, twelfth = 12, thirteenth = 13, fourteenth = 14, fifteenth = 15,
  sixteenth = 16, seventeenth = 17, eighteenth = 18, nineteenth = 19, twentieth = 20, thirtieth = 30,
  fortieth = 40, fiftieth = 50, sixtieth = 60, seventieth = 70, eightieth = 80, ninetieth = 90,
  hundredth = 100, thousandth = 1000, millionth = 1000000 }
for k, v in pairs(ORD_ONES) do ORDS[k] = v end

-- Bound and approximation words before a number, by what they imply:
-- gt "more than N" (min N+1 for counts), ge "at least N" (min N),
-- lt "fewer than N" (max N-1), le "up to N" (max N), near "nearly N"
-- (approx, max N), over "just over N" (approx, min N), about "about N"
-- (approx, open).
local MODS = {
  ["more than"] = "gt", ["over"] = "gt", ["above"] = "gt", ["upwards of"] = "gt",
  ["more then"] = "gt",
  ["at least"] = "ge", ["no fewer than"] = "ge", ["no less than"] = "ge", ["not less than"] = "ge",
  ["not fewer than"] = "ge", ["a minimum of"] = "ge",
  ["fewer than"] = "lt", ["less than"] = "lt", ["under"] = "lt", ["below"] = "lt",
  ["up to"] = "le", ["at most"] = "le", ["no more than"] = "le", ["not more than"] = "le",
  ["a maximum of"] = "le", ["as many as"] = "le", ["as much as"] = "le", ["as high as"] = "le",
  ["nearly"] = "near", ["almost"] = "near", ["just under"] = "near", ["close to"] = "near",
  ["just shy of"] = "near", ["just below"] = "near", ["not quite"] = "near",
  ["just over"] = "over", ["just above"] = "over", ["slightly more than"] = "over", ["a little over"] = "over",
  ["a little more than"] = "over", ["just more than"] = "over",
  ["about"] = "about", ["around"] = "about", ["roughly"] = "about", ["approximately"] = "about",
  ["approx."] = "about", ["some"] = "about", ["an estimated"] = "about", ["estimated"] = "about",
  ["circa"] = "about", ["more or less"] = "about", ["somewhere around"] = "about", ["roughly about"] = "about",
  ["an approximate"] = "about", ["approx"] = "about", ["an average of"] = "about",
}
-- Written after a number: "20 or more", "20 or so", "20-odd", "20+".
local POSTS = { ["or more"] = "ge", ["or so"] = "about", ["or fewer"] = "le", ["or less"] = "le",
  ["odd"] = "about", ["plus"] = "ge", ["+"] = "ge", ["or over"] = "ge" }

-- Vague quantifiers: the interval they imply and an ACLED-style point value.
-- Plurals of scale words are "2 or more of them"; several, many, numerous
-- and "a large number" are coded 10 (ACLED's convention for unspecified
-- plural counts). Words with no agreed value are vague and nothing else.
local VAGUE = {
  dozens = { 24, 12 }, hundreds = { 200, 100 }, thousands = { 2000, 1000 }, millions = { 2000000, 1000000 },
  billions = { 2000000000, 1000000000 }, tens = { 20, 10 }, scores = { 40, 20 },
  several = { nil, 10 }, many = { nil, 10 }, numerous = { nil, 10 },
  ["a large number"] = { nil, 10 }, ["large numbers"] = { nil, 10 }, ["a huge number"] = { nil, 10 },
  ["a great number"] = { nil, 10 }, ["a significant number"] = { nil, 10 }, ["a considerable number"] = { nil, 10 },
  ["a high number"] = { nil, 10 }, ["a number"] = { nil, 10 }, ["huge numbers"] = { nil, 10 },
  ["a small number"] = {}, ["a few"] = {}, ["a handful"] = {}, countless = {}, multiple = {},
}
-- Scale words a vague determiner can govern: "several hundred", "a few thousand".
local VSCALES = { dozen = 12, dozens = 12, hundred = 100, hundreds = 100, thousand = 1000, thousands = 1000,
  million = 1000000, millions = 1000000, billion = 1000000000 }

local MONTHS = {}
for _, m in ipairs{ "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
  "nov", "dec" } do MONTHS[m] = true end
local WEEKDAYS = {}
for _, d in ipairs{ "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" } do
  WEEKDAYS[d] = true
end

-- Words before a bare number that make it a label, not a count ("Article 5",
-- "Resolution 2254", "No. 10", "day 3 of the siege").
-- (Capitalised labels, "Camp 5", "Boeing 737", are caught by their capital.)
local DESIGNATORS = {}
for _, w in ipairs{ "article", "articles", "resolution", "section", "chapter", "paragraph", "clause", "route",
  "highway", "flight", "no", "nos", "number", "room", "page", "pages", "p", "pp", "vol", "volume", "phase",
  "platform", "channel", "bus", "tier", "version", "episode", "season", "category", "grade", "exit", "junction",
  "terminal", "apartment", "tel", "phone", "fax", "ext", "art", "sec", "ch", "ref", "sura", "surah", "verse",
  "psalm", "decree", "amendment", "protocol", "annex", "appendix", "schedule", "fig", "figure", "table",
  "km" } do
  DESIGNATORS[w] = true
end

-- Words before "one" that make it a pronoun ("no one", "the one who").
local ONE_PRONOUN = {}
for _, w in ipairs{ "no", "any", "every", "each", "some", "the", "this", "that", "which", "what", "another",
  "such", "someone", "anyone", "everyone", "a", "little", "last", "first", "right", "wrong",
  "new", "old", "big", "small", "young", "loved", "dear" } do ONE_PRONOUN[w] = true end
-- Nouns after "one" that make an idiom ("one day", "on one side", "one hand").
local ONE_TIME = { day = true, night = true, morning = true, afternoon = true, evening = true, moment = true }
local ONE_IDIOM = {}
for _, w in ipairs{ "point", "way", "hand", "side", "thing", "another", "who", "whom", "whose", "must",
  "should", "can", "could", "would", "may", "might", "will", "shall", "instance", "occasion", "respect", "sense",
  "go", "piece", "voice", "accord", "mind", "reason", "kind", "sided", "off", "time" } do
  ONE_IDIOM[w] = true
end
-- Words before "one day" and the like that make it a duration after all.
local DURATION_PREP = {}
for _, w in ipairs{ "for", "within", "in", "after", "than", "only", "just", "over", "about", "nearly", "least",
  "lasted", "last", "lasting", "took", "take", "takes", "spent", "spend", "per", "every", "each", "around",
  "almost", "under", "most" } do DURATION_PREP[w] = true end
-- Words that make "about 1990" a year ("since about 1990").
local YEAR_PREP = {}
for _, w in ipairs{ "in", "since", "from", "until", "till", "before", "after", "during", "year", "circa", "c",
  "early", "late", "mid", "spring", "summer", "autumn", "winter" } do YEAR_PREP[w] = true end
-- Count nouns that make a 4-digit number a count even without a bound word.
local COUNT_NOUNS = {}
for _, w in ipairs{ "people", "persons", "civilians", "fighters", "troops", "soldiers", "militants", "men",
  "women", "children", "families", "residents", "refugees", "prisoners", "casualties", "deaths", "dead",
  "homes", "houses", "buildings", "villages", "households", "members", "students", "workers", "protesters",
  "migrants", "inhabitants", "killed", "wounded", "injured", "displaced", "detainees", "captives", "hostages",
  "victims", "police", "policemen", "officers", "rebels", "insurgents", "vehicles", "tanks", "rockets",
  "missiles", "shells", "rounds", "cases", "votes", "voters", "jobs", "tonnes", "units", "schools",
  "patients", "others", "more" } do COUNT_NOUNS[w] = true end
-- Words that cannot be the counted noun (noun capture stops at them).
local NOT_NOUN = {}
for _, w in ipairs{ "of", "the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "for", "from", "by",
  "with", "were", "was", "are", "is", "be", "been", "being", "had", "have", "has", "will", "would", "could",
  "should", "may", "might", "must", "can", "did", "do", "does", "that", "which", "who", "whom", "whose", "this",
  "these", "those", "them", "they", "their", "its", "his", "her", "our", "my", "your", "it", "as", "than", "per",
  "into", "over", "under", "after", "before", "since", "during", "while", "when", "where", "said", "says",
  "according", "more", "less", "other", "such", "each", "all", "both", "some", "any", "there", "here", "not",
  "no", "so", "too", "also", "only", "just", "about", "around", "between", "against", "among", "across",
  "if", "then", "out", "up", "down", "off", "back", "away", "ago", "later", "earlier", "times", "percent" } do
  NOT_NOUN[w] = true
end
-- Articles and possessives skipped between a vague word's "of" and its noun.
local DETS = { the = true, our = true, their = true, his = true, her = true, its = true, these = true,
  those = true, my = true, your = true }
-- Capitalised words that do not make the next number a label ("In 2020",
-- "About 20", "The 17 civilians").
local CAP_FUNCTION = {}
for _, w in ipairs{ "in", "on", "at", "the", "about", "some", "only", "just", "over", "nearly", "almost",
  "around", "with", "of", "and", "but", "for", "by", "to", "from", "since", "after", "before", "all",
  "another", "further", "roughly", "approximately", "least", "than", "says", "said", "say",
  "kill", "kills", "killed", "claims", "claim", "reports", "report", "lost", "loses", "lose" } do
  CAP_FUNCTION[w] = true
end

-- Plural nouns that do not end in -s.
local PLURALS = { men = true, women = true, children = true, people = true, police = true, personnel = true,
  staff = true, militia = true, dead = true, wounded = true, injured = true, Taliban = true, taliban = true,
  mujahideen = true, Mujahideen = true, livestock = true, cattle = true, sheep = true, troops = true }

-- Fractions: "one third", "two thirds", "one half" are shares, not counts.
local FRACTIONS = {}
for _, w in ipairs{ "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth",
  "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth", "tenths" } do
  FRACTIONS[w] = true
end

-- The records are plain tables with this metatable (its methods: "records"
-- below).
local Quantity = { __name = "sift.quantity" }

-- BASE_OF[u]: {factor, base unit} of the unit u (unit.base of 1), or false.
local BASE_OF = lookup(function(u)
  local f, bu = unit.base(1, u)
  return f ~= nil and { f, bu }
end)

-- The context checks in C (sift.scan.context: "context" below) over the
-- word classes, and the records of plain numbers and vague words
-- (quantity, qstep: the grammar below).
M._classes = { not_noun = NOT_NOUN, dets = DETS, plurals = PLURALS, count_nouns = COUNT_NOUNS, months = MONTHS,
  weekdays = WEEKDAYS, designators = DESIGNATORS, cap_function = CAP_FUNCTION, one_pronoun = ONE_PRONOUN,
  one_idiom = ONE_IDIOM, one_time = ONE_TIME, duration_prep = DURATION_PREP, fractions = FRACTIONS }
local context = prefilter.context(M._classes, { mods = MODS, posts = POSTS, base = BASE_OF, meta = Quantity,
  vague = VAGUE, vscales = VSCALES })

-- ------------------------------------------------------------ grammar

local hsp = hs ^ 1                              -- blanks inside one quantity (never a newline)
local bnd = -wordch                             -- end of a word
local hyph = P"-" + P"\226\128\145"             -- hyphen, non-breaking hyphen
local dash = P"-" + P"\226\128\147" + P"\226\128\148" -- hyphen, en dash, em dash
local nl = P"\r" ^ -1 * P"\n"

local function keys(t)
  local list = {}
  for k in pairs(t) do list[#list + 1] = k end
  return list
end

-- lex(t): any key of t as a whole word; captures t[key].
local function lex(t)
  return C(words(keys(t))) / lookup(function(s) return t[fold(s)] end)
end

-- The grammar is one LPeg grammar whose rules are compiled once and called
-- where they are used (inlined, the tries would be copied at every use).
-- Every word a quantity can start with is one entry of a single trie whose
-- leaves go on with what may follow that word ("more than" -> a number,
-- "dozens" -> "of thousands"?), so a word costs one walk of one trie,
-- and a word that starts no entry a few byte tests.
local G = {}
local trie = unit.trie

-- A record table is made by fields() from name-value pairs, a pair per
-- field (F), at its final size: a table capture with named groups grows
-- its table as they arrive and costs about twice as much. F's pattern must
-- capture exactly one value.
local fields = prefilter.fields
local function F(p, name) return Cc(name) * p end
-- A field whose value is a constant: one capture of the two values.
local function FC(v, name) return Cc(name, v) end
-- A step's fields: its start and end are the step's, which scan()'s
-- grammar knows, so they are not captured. K makes their table, for
-- build(). Q marks them (true, then the pairs) for sift.scan's qstep (C),
-- which scan()'s grammar calls after each step: a plain number ("700
-- fighters", "more than 20 km", "two or more": digits or number words, a
-- bound word, a unit) has its record made there as build() would (as
-- sift.scan's quantity does) and appended to the list of records, and so
-- has a range of such numbers ("20-25 km", "between 14 and 18"), one with
-- a conversion in brackets ("90 miles (144 km)"), a vague word ("several",
-- "a few hundred"; not "dozens of thousands") and a unit of one ("for a
-- year", "a fortnight"); any other step goes to build() with the table of
-- its fields. scan() runs the grammar with Q; the full walk (M._scanner,
-- for tests) with K.
local function K(p) return p / fields end
local quantity = context.quantity
local function Q(p) return Cc(true) * p end

-- Numbers in words ----------------------------------------------------

G.ones = lex(ONES)
G.tens = lex(TENS)
local ONES_TEENS = {}
for k, v in pairs(ONES) do ONES_TEENS[k] = v end
for k, v in pairs(TEENS) do ONES_TEENS[k] = v end
G.ones_teens = lex(ONES_TEENS)
G.scale = lex(SCALES)
G.w_and = words{ "and" } * hsp
-- 1..99 in words: "seven", "fifteen", "forty-eight", "forty eight".
G.w_small = V"tens" * ((hyph + hsp) * V"ones") ^ -1 + V"ones_teens"
-- What may follow 1..99 in a number: "hundred [and] N", then "dozen", or a
-- scale word and more ("two thousand five hundred").
G.w_hundred = hsp * words{ "hundred" } * Cc"h" * (hsp * V"w_and" ^ -1 * V"w_small") ^ -1
G.w_scales = hsp * (words{ "dozen" } * Cc"dz"
  + V"scale" * (hsp * V"w_and" ^ -1 * V"w_group" * (hsp * V"scale") ^ -1) ^ -1)
G.w_group = (V"w_small" + words{ "a" } * Cc(1) * #(hsp * words{ "hundred" })) * V"w_hundred" ^ -1
G.w_num = (V"w_small" + words{ "a" } * Cc(1) * #(hsp * (words{ "hundred", "dozen" } + V"scale"))
  + words{ "half a" } * Cc(0.5) * #(hsp * words{ "dozen" })) * V"w_hundred" ^ -1 * V"w_scales" ^ -1
G.half = hsp * words{ "and a half" } * FC(true, "half") * (hsp * F(C(words(keys(SCALES))), "hx")) ^ -1

-- Digits: "24,723", "700", "3.5". Never followed by more digit punctuation
-- (10:30, 1.2.3, 3/4, 1,23 are not numbers).
local int_comma = digit * digit ^ -2 * ("," * digit * digit * digit) ^ 1 * -digit
G.d_num = C((int_comma + digit ^ 1) * ("." * digit ^ 1) ^ -1) * -(S".,:/" * digit)
G.d_scale = hsp * C(words(keys(DSCALES))) + C(words{ "bn", "mn", "mln", "tn" })

-- A number as a table {s=, e=, d= digits | w= {word values}, x= scale word,
-- half=}, where one is read after another word (a bound, "between", a range).
G.num = (F(Cp(), "s") * (F(V"d_num", "d") * F(V"d_scale", "x") ^ -1 + F(Ct(V"w_num"), "w"))
  * V"half" ^ -1 * F(Cp(), "e")) / fields

-- What follows a number -----------------------------------------------

G.unit = unit.pattern
-- A number never runs into a word, a hyphenated word or more digits.
G.stop = bnd * -(hyph * wordch) * -(S".,:/" * digit)
G.post = F((hsp * C(words{ "or more", "or so", "or fewer", "or less", "or over" }) + C"+") / FOLD, "post")
-- A conversion in brackets: "90 miles (144 kilometers)", "20 km (12 miles)".
G.alt = hs ^ 0 * "(" * hs ^ 0 * (words{ "about", "around", "roughly", "approximately", "some", "nearly",
  "almost", "over", "more than", "or", "approx.", "c." } * hsp) ^ -1
  * F((F(Cp(), "s") * F(V"num", "n") * (hs ^ 0 * F(V"unit", "u") + hyph * F(unit.adjective, "u"))
  * F(Cp(), "e")) / fields, "alt") * hs ^ 0 * ")"
-- The end of a single quantity: "qe" is where its text ends (before a
-- conversion in brackets).
G.single = (hyph * F(C(words{ "odd", "plus" }) / FOLD, "post") + V"stop" * V"post" ^ -1) * F(Cp(), "qe")
  * V"alt" ^ -1
-- Ranges: "20-25", "20 to 25 km", "two or three"; build() checks that the
-- second number exceeds the first.
G.rsep = hs ^ 0 * dash * hs ^ 0 * Cc"dash" + hsp * (C(words{ "to", "or" }) / FOLD) * hsp
G.range_tail = F(V"rsep", "sep") * F(V"num", "n2") * (hs ^ 0 * F(V"unit", "u2")) ^ -1 * V"stop"
-- After a number: a unit ("km", "%"), a hyphenated unit adjective
-- ("five-day", "47-year-old"), a hyphenated count word ("30-strong"), the
-- rest of a range, or nothing.
G.after_num = hs ^ 0 * F(V"unit", "u") * (V"range_tail" + V"single")
  + hyph * F(unit.adjective, "u") * (hyph * words{ "old", "long" }) ^ -1 * V"single"
  + hyph * words{ "strong", "member", "man", "person", "seat", "vehicle" } * V"single"
  + V"range_tail" + V"single"
-- A number read after a bound word, and what follows it: the number's
-- fields (d, x, w, half, hx; its start is the bound's "ns") are the
-- record's, as after a number at the start of a step.
G.quantity = (F(V"d_num", "d") * F(V"d_scale", "x") ^ -1 + F(Ct(V"w_num"), "w")) * V"half" ^ -1
  * F(Cp(), "ne") * V"after_num"

-- Money: "$3.5bn", "US$ 20m", "€5". A bare m, b or k after a currency is a scale.
G.money_rest = hs ^ 0 * F(Cp(), "ns") * F(V"d_num", "d") * F(hs ^ 0 * C(words(keys(MSCALES))), "x") ^ -1
  * F(Cp(), "ne") * V"stop" * V"post" ^ -1 * F(Cp(), "qe")
G.money = F(unit.prefix, "cur") * V"money_rest"

-- Vague quantifiers ---------------------------------------------------

-- Not when they count time ("several days", "many years") or occasions
-- ("many times"), which are durations or frequencies.
local TIMEISH = { "times", "ways", "kinds", "types", "sorts", "reasons", "respects", "occasions", "instances",
  "aspects", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
  "months", "year", "years", "decade", "decades", "century", "centuries", "generations", "miles", "kilometres",
  "kilometers", "metres", "meters", "km", "percent", "per cent", "nights", "mornings", "afternoons",
  "evenings", "more times", "other" }
G.not_time = -(hsp * (words{ "of" } * hsp * (words{ "the" } * hsp) ^ -1) ^ -1 * words(TIMEISH))
local of = hsp * words{ "of" }
G.vof = (of * hsp * F(C(words{ "dozens", "hundreds", "thousands", "millions", "billions" }) / FOLD, "vof")) ^ -1
  * V"not_time"
G.vs = (hsp * F(C(words(keys(VSCALES))) / FOLD, "vs")) ^ -1 * V"not_time"
-- "dozens", "hundreds of thousands", "tens of thousands"
local VPLURALS = { dozens = "vof", hundreds = "vof", thousands = "vof", millions = "vof", billions = "vof",
  tens = "of", scores = "of", ["a number"] = "of" }
-- "several", "several hundred", "a large number", "a few thousand"
local DETS_V = { "several", "many", "numerous", "a few", "a large number", "large numbers", "a huge number",
  "a great number", "a significant number", "a considerable number", "a high number", "huge numbers",
  "a small number", "a handful", "countless", "multiple" }
local VAGUE_ENTRY = {}
for w, k in pairs(VPLURALS) do
  VAGUE_ENTRY[w] = FC(w, "v") * (k == "of" and #of * V"vof" or V"vof")
end
for _, w in ipairs(DETS_V) do VAGUE_ENTRY[w] = FC(w, "v") * V"vs" end

-- "a year", "an hour": one of a time unit.
local AUNITS = { "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "fortnight" }

-- After a bound word: a number, a vague quantifier, "a year", money.
local after_mod = {}
for w, p in pairs(VAGUE_ENTRY) do after_mod[w] = p end
for _, u in ipairs(AUNITS) do
  after_mod[(u == "hour" and "an " or "a ") .. u] = FC(u, "au") * V"stop"
end
G.after_mod = F(Cp(), "ns") * (V"quantity" + V"money" + trie(after_mod))

-- The dispatch trie ---------------------------------------------------

local entries = {}
-- A number word: the rest of the number, then what follows it.
local w_rest_small = V"w_hundred" ^ -1 * V"w_scales" ^ -1
for w, v in pairs(ONES_TEENS) do
  entries[w] = F(Ct(Cc(v) * w_rest_small), "w") * V"half" ^ -1 * F(Cp(), "ne") * V"after_num"
end
for w, v in pairs(TENS) do
  entries[w] = FC(v, "ot") * hyph * F(lex(ORD_ONES), "oo")
    + F(Ct(Cc(v) * ((hyph + hsp) * V"ones") ^ -1 * w_rest_small), "w") * V"half" ^ -1 * F(Cp(), "ne")
    * V"after_num"
end
for w, m in pairs{ ["a dozen"] = "dz", ["half a dozen"] = "dz", ["a hundred"] = "h" } do
  local lead = w == "half a dozen" and 0.5 or 1
  local rest = m == "h" and (hsp * V"w_and" ^ -1 * V"w_small") ^ -1 * V"w_scales" ^ -1 or P(true)
  entries[w] = F(Ct(Cc(lead) * Cc(m) * rest), "w") * F(Cp(), "ne") * V"after_num"
end
for w, v in pairs(SCALES) do
  entries["a " .. w] = F(Ct(Cc(1) * Cc(v) * (hsp * V"w_and" ^ -1 * V"w_group" * (hsp * V"scale") ^ -1) ^ -1), "w")
    * F(Cp(), "ne") * V"after_num"
end
-- A bound or approximation word, then what may follow it.
for w in pairs(MODS) do entries[w] = FC(w, "m") * hsp * V"after_mod" end
-- Vague quantifiers, ordinals, "a year", "between 20 and 25", currencies.
for w, p in pairs(VAGUE_ENTRY) do entries[w] = p end
for w, v in pairs(ORDS) do entries[w] = FC(v, "ov") end
for _, u in ipairs(AUNITS) do
  entries[(u == "hour" and "an " or "a ") .. u] = FC(u, "au") * V"stop"
end
entries["between"] = FC("between", "sep") * hsp * F(V"num", "n")
  * (hs ^ 0 * F(V"unit", "u")) ^ -1 * hsp * words{ "and" } * hsp * F(V"num", "n2")
  * (hs ^ 0 * F(V"unit", "u2")) ^ -1 * V"stop"
-- (Currency codes written before a number; sift.grammar.unit's prefix
-- reads the same ones after a bound word.)
local CURRENCY_WORDS = { ["us$"] = "USD", usd = "USD", eur = "EUR", gbp = "GBP", afn = "AFN" }
for w, code in pairs(CURRENCY_WORDS) do
  entries[w] = FC(code, "cur") * V"money_rest"
end
-- Each entry makes its own record (K or Q: words_step), so a word that
-- starts an entry but goes on to fail, and every other word, costs no
-- capture. The fields have no start and no end: a phrase starts and ends
-- where its step does, which the walk knows (scan() passes them on; each
-- captured field costs about as much as the match).
local RECORDS = {}
for w in pairs(entries) do
  if string_lower(w) ~= w then error("sift.grammar.number: a phrase not in lower case: " .. w) end
  RECORDS[w] = true
end
-- Dates that start with a month: "September 5", "Sept. 6, 2021", skipped
-- with no capture (the date grammar reads them).
local day = digit * digit ^ -1 * words{ "st", "nd", "rd", "th" } ^ -1 * bnd
local month_day = hsp * day * ((P"," * hs ^ 0 + hsp) * digit * digit * digit * digit * bnd) ^ -1
local MONTH_ENTRIES = {}
for _, m in ipairs{ "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
  "nov", "dec" } do
  entries[m] = month_day
  MONTH_ENTRIES[m] = month_day
  if #m <= 4 then entries[m .. "."], MONTH_ENTRIES[m .. "."] = month_day, month_day end
end
-- The trie of the phrases, their records made by record (K or Q).
local function words_step(record)
  local map = {}
  for w, p in pairs(entries) do map[w] = RECORDS[w] and record(p) or p end
  return trie(map, "taoscbfmhdrelnuw", true)
end
G.words = words_step(Q)

-- Digits that are dates, skipped with no capture: a year 1900-2099 not
-- followed by a unit or a count noun ("in 2021", "the 2011 census"), and a
-- day before a month ("5 September", "5th of September").
local MONTH_WORDS = {}
for m in pairs(MONTHS) do MONTH_WORDS[#MONTH_WORDS + 1] = m end
local cnouns = {}
for w in pairs(COUNT_NOUNS) do cnouns[#cnouns + 1] = w end
-- Phone numbers: three or more groups of digits ("20 210 1234", "+93 20 210 1234").
local group = digit * digit * digit ^ -2
G.date_digits = digit * digit ^ -3 * (S" -." * group) ^ 2 * bnd * -(S" -." * digit)
  + (P"19" + P"20") * digit * digit * -(wordch + S",." * digit + hyph * digit + hs ^ 0 * V"unit"
    + hsp * words(cnouns))
  + day * hsp * (words{ "of" } * hsp) ^ -1 * #R"AZ" * words(MONTH_WORDS) * P"." ^ -1

-- Digits: a number, what follows it; or an ordinal ("5th").
G.digits = F(C(digit ^ 1) * words{ "st", "nd", "rd", "th" }, "od")
  + F(V"d_num", "d") * F(V"d_scale", "x") ^ -1 * V"half" ^ -1 * F(Cp(), "ne") * V"after_num"

-- Skipping ------------------------------------------------------------

-- (Word bytes, unit.wordch: ASCII letters and digits and the bytes of UTF-8
-- letters. Sequences led by C2, E2 and F0-F4 are taken one at a time.)
-- A token: words joined by in-word punctuation ("10:30", "2021-09-06",
-- "1,23"); skipped whole when no quantity starts it.
local token = wordch ^ 1 * (S"-/_.:@#,+'" * wordch ^ 1) ^ 0
local other = 1 - (wordch + S"$#\n\194\226\240\241\242\243\244")
local sequence = P"\226" * R"\128\191" ^ -2 + P"\194" * R"\128\191" ^ -1 + R"\240\244" * R"\128\191" ^ -3

-- At the start of a line: gallery counters ("2 of 5", "3 out of 12") and
-- list numbers ("1. ", "2) "), which are not quantities.
G.counter = digit ^ 1 * hsp * words{ "of", "out of" } * hsp * digit ^ 1 * bnd
G.line_start = hs ^ 0 * (V"counter" + digit ^ 1 * S".)" * hsp)

-- One step per word: digits, a word (through the trie), a currency sign, a
-- newline. The alternatives start with disjoint bytes, so LPeg picks one
-- with a few byte tests and pushes no backtrack entry. There is no
-- catch-all alternative (it would overlap them all): should a byte be left
-- that none takes, the scan stops there and scan() goes on after it.
-- (Records made by record: K or Q.)
local function step(record)
  return #digit * (V"date_digits" + V"counter" * hs ^ 0 * (nl + -1) + record(V"digits") + token)
    + V"words"
    + nl * V"line_start" ^ -1
    + #S"$\194\226" * (record(V"money") + sequence + P"$")
    + P"#" * digit ^ 0
    + R"\240\244" * R"\128\191" ^ -3
end
-- The walk of scan(), one match over a text, run with the set of start
-- words (the match's extra argument 1) after sift.scan's qbegin has given
-- qstep the list of records, build, the ordinals flag and that set (once a
-- text: passed to each step as the match's arguments, they cost a capture
-- each). Match-time captures go from candidate to candidate (sift.scan's
-- numberto: the next one, or the end of the text), so the skipping steps
-- are taken in C. At a candidate one step is taken; the match-time capture
-- after it, qstep, gets the step's start and its fields when it read a
-- record (Q): it makes the record (or calls build) and gives the next
-- candidate.
-- So the records go to the list in text order as the steps are taken, and
-- the match keeps no captures. When no step takes the byte there, the walk
-- goes on after the byte as at the start of a text (a list number or a
-- counter). LPeg is entered once a text, not once a candidate, and Lua
-- runs only for build().
local prefilter_numberto = prefilter.numberto
local qbegin = context.qbegin
G[1] = "scan"
G.scan = V"line_start" ^ -1 * Cmt(Carg(1), prefilter_numberto)
  * (Cmt(Cp() * step(Q), context.qstep)
    + 1 * V"line_start" ^ -1 * Cmt(Carg(1), prefilter_numberto)) ^ 0
local scanner = P(G)
-- The full walk (tests compare it with scan()): the start of every step,
-- its fields' table if it makes one (K: every record by build()), and its
-- end, as one list. Made on first use (M._scanner, M._G: for tests), as
-- it needs a second trie of the phrases.
local function fullwalk()
  local GK = {}
  for k, p in pairs(G) do GK[k] = p end
  GK[1], GK.words = "scan", words_step(K)
  GK.scan = Ct(V"line_start" ^ -1 * (other ^ 0 * Cp() * step(K) * Cp()) ^ 0) * other ^ 0 * Cp()
  return P(GK), GK
end
-- The start words: the first word (its letters) of every phrase of the
-- trie. A word whose letters are none of them is skipped by sift.scan the
-- way the trie would skip it.
local starts = {}
do
  -- a word alone, or the pairs of it and the next word ("at least", "a few")
  local alone, pairs_of, order = {}, {}, {}
  for w in pairs(entries) do
    local first, rest = string_match(w, "^(%a+)(.*)$")
    if not first then error("sift.grammar.number: a phrase that starts with no letter: " .. w) end
    first = string_lower(first)
    if not pairs_of[first] then pairs_of[first], order[#order + 1] = {}, first end
    local second = string_match(rest, "^ (%a+)")
    if second then
      pairs_of[first][#pairs_of[first] + 1] = first .. " " .. string_lower(second)
    else
      alone[first] = true
    end
  end
  table_sort(order)
  for _, first in ipairs(order) do
    if alone[first] then
      starts[#starts + 1] = first
    else
      for _, p in ipairs(pairs_of[first]) do starts[#starts + 1] = p end
    end
  end
end
-- The words after which a year is no year: the first words (letters) of
-- the units and the count nouns (date_digits). sift.scan skips a year
-- followed by none of them like a word (scan.c, numyear); the unit forms
-- are sift.grammar.unit's own, so a unit added there is seen here.
local after_year = {}
do
  local seen = {}
  for _, form in ipairs(unit.forms) do
    local first = string_match(form, "^%a+")
    if first and not seen[first] then after_year[#after_year + 1], seen[first] = first, true end
  end
  for _, w in ipairs(cnouns) do
    if not seen[w] then after_year[#after_year + 1], seen[w] = w, true end
  end
end
-- The steps that read no record, taken by sift.scan too (scan.h, "marks"):
-- * need: a bound word ("over", "between", "close": every phrase it starts
--   is a bound phrase, or "between", and goes on with blanks and after_mod
--   or a number) is skipped like a word unless, after the word alone (when
--   it is a phrase) or a pair of it ("close to") marked need too (a whole
--   phrase), blanks and digits, "$", a non-ASCII byte or a word of next
--   follow: the first words of what after_mod reads (numbers in words, "a",
--   "half a", its own phrases, currency codes); a pair that starts a longer
--   phrase ("as many") is a candidate whatever follows;
-- * month, monthdot: a month phrase is skipped with its month_day;
-- * daymonth: the month words of date_digits' day before a month.
-- A word is marked only when no other phrase starts with it and a byte
-- other than a letter, so the marked step is the only one the trie takes.
local marks = { need = {}, next = {}, month = {}, monthdot = {}, daymonth = MONTH_WORDS }
do
  -- the phrases by their first word (letters)
  local byfirst = {}
  for k in pairs(entries) do
    local f = string_match(k, "^%a*")
    byfirst[f] = byfirst[f] or {}
    byfirst[f][#byfirst[f] + 1] = k
  end
  -- the phrases that start with the word (or pair) w and a byte other than a letter
  local function phrases(w)
    local list = {}
    for _, k in ipairs(byfirst[string_match(w, "^%a*")] or {}) do
      if string_sub(k, 1, #w) == w and not string_find(k, "^%a", #w + 1) then list[#list + 1] = k end
    end
    return list
  end
  local function alone(w, also)
    for _, k in ipairs(phrases(w)) do
      if k ~= w and k ~= also then return false end
    end
    return true
  end
  local done = {}
  for w in pairs(entries) do
    local f = string_match(w, "^%a+")
    if f and not done[f] then
      done[f] = true
      local ks, need = phrases(f), true
      for _, k in ipairs(ks) do
        if k == f then
          need = need and (MODS[k] ~= nil or k == "between")
        else
          need = need and string_sub(k, #f + 1, #f + 1) == " " and MODS[k] ~= nil
        end
      end
      if need then
        marks.need[#marks.need + 1] = f
        for _, k in ipairs(ks) do
          local pair = string_match(k, "^%a+ %a+")
          if pair and not done[pair] then
            done[pair] = true
            local pks = phrases(pair)
            if #pks == 1 and pks[1] == pair then
              marks.need[#marks.need + 1] = pair
            else
              starts[#starts + 1] = pair -- (a candidate whatever follows, even after a word alone)
            end
          end
        end
      end
    end
    if string_find(w, "^%a+$") then
      if MONTH_ENTRIES[w] and not MONTH_ENTRIES[w .. "."] and alone(w) then marks.month[#marks.month + 1] = w end
      if MONTH_ENTRIES[w] and MONTH_ENTRIES[w .. "."] and alone(w, w .. ".") then
        marks.month[#marks.month + 1] = w
        marks.monthdot[#marks.monthdot + 1] = w
      end
    end
  end
  local seen = {}
  local function first(w)
    local f = string_match(w, "^%a+")
    if f and not seen[f] then marks.next[#marks.next + 1], seen[f] = f, true end
  end
  for _, t in ipairs{ ONES_TEENS, TENS, after_mod, CURRENCY_WORDS } do
    for w in pairs(t) do first(w) end
  end
  first("a")
  first("half a")
  for _, t in pairs(marks) do table_sort(t) end
end
M._marks = marks
starts = prefilter.words(starts, after_year, marks)

-- ------------------------------------------------------------ values

-- The value of digits with an optional scale word, exact for "1.2 million".
local function digits_value(d, x, scales)
  if not x then
    -- plain digits read as an integer (a separator or a period makes none)
    local v = tonumber(d)
    if math_type(v) == "integer" then return v end
    if not string_find(d, "[,.]") then return math_tointeger(v) or v end
  end
  local intpart, frac = string_match(string_gsub(d, ",", ""), "^(%d+)%.?(%d*)$")
  local mult = x and scales[FOLD[x]] or 1
  if frac == "" then return math_tointeger(tonumber(intpart) * mult) or tonumber(intpart) * mult end
  local m = tonumber(intpart .. frac)
  local div = 10 ^ #frac
  if mult >= div and mult % div == 0 then return m * math_tointeger(mult // div) end
  return m * mult / div
end

-- The value of number words: {20, 5} = 25, {2, "h", 50} = 250,
-- {3, 1000000} = 3000000, {0.5, "dz"} = 6.
local function words_value(w)
  local total, cur = 0, 0
  for _, t in ipairs(w) do
    if t == "h" then
      cur = (cur == 0 and 1 or cur) * 100
    elseif t == "dz" then
      cur = (cur == 0 and 1 or cur) * 12
    elseif t >= 1000 then
      total = total + (cur == 0 and 1 or cur) * t
      cur = 0
    else
      cur = cur + t
    end
  end
  local v = total + cur
  return math_tointeger(v) or v
end

local function value_of(n, scales)
  local v
  if n.d then v = digits_value(n.d, n.x, scales or DSCALES) else v = words_value(n.w) end
  if n.half then
    v = v + 0.5
    if n.hx then v = v * SCALES[FOLD[n.hx]] end
    v = math_tointeger(v) or v
  end
  return v
end

-- ------------------------------------------------------------ context

-- ASCII letters and digits.
local ISWORD = {}
for b = 48, 57 do ISWORD[b] = true end
for b = 65, 90 do ISWORD[b] = true end
for b = 97, 122 do ISWORD[b] = true end

-- The word before position s: lowercased without a final period or a
-- possessive; what lies between it and s; the word as written; where it
-- starts; whether it was possessive ("Afghanistan's"). Looks back at most
-- a few bytes of punctuation and one word. Done in C (sift.scan.prevword:
-- byte loops in Lua cost more than the rest of a record's checks);
-- tests/lua/grammar_scan_test.lua keeps its definition in Lua.
local prev_word = prefilter.prevword

-- The other readers of the context (the word after a position, the counted
-- noun, the checks of bare numbers and number words, sentence starts and
-- title-case lines) are in C too: sift.scan.context, made below from the
-- word classes; tests/lua/number_context_test.lua keeps their definitions
-- in Lua and compares them at every position of tricky texts.

local function is_year_like(n)
  return n.d and not n.x and #n.d == 4 and string_find(n.d, "^%d%d%d%d$") and tonumber(n.d) >= 1000
    and tonumber(n.d) <= 2099
end

-- ------------------------------------------------------------ records

Quantity.__index = Quantity
function Quantity.__tostring(q)
  local parts = { q.text }
  if q.value ~= nil then parts[#parts + 1] = "value=" .. tostring(q.value) end
  if q.min ~= nil then parts[#parts + 1] = "min=" .. tostring(q.min) end
  if q.max ~= nil then parts[#parts + 1] = "max=" .. tostring(q.max) end
  if q.unit then parts[#parts + 1] = "unit=" .. q.unit end
  if q.approx then parts[#parts + 1] = "approx=" .. q.approx end
  if q.vague then parts[#parts + 1] = "vague=" .. q.vague end
  if q.ordinal then parts[#parts + 1] = "ordinal" end
  return "quantity(" .. table_concat(parts, " ") .. ")"
end
M.Quantity = Quantity

local function integral(v) return math_tointeger(v) ~= nil end

-- Apply a bound class to a record with a value.
local function bound(q, class, word)
  local v, count = q.value, q.unit == nil and integral(q.value)
  if class == "gt" then
    q.min, q.max = count and v + 1 or v, nil
  elseif class == "ge" then
    q.min, q.max = v, nil
  elseif class == "lt" then
    q.min, q.max = nil, count and v - 1 or v
  elseif class == "le" then
    q.min, q.max = nil, v
  elseif class == "near" then
    q.min, q.max, q.approx = nil, v, word
  elseif class == "over" then
    q.min, q.max, q.approx = v, nil, word
  elseif class == "about" then
    q.min, q.max, q.approx = nil, nil, word
  end
end

-- (The values here are numbers: q.value * factor is unit.base's product.)
local function with_base(q)
  local u, v = q.unit, q.value
  if u and v then
    local b = BASE_OF[u]
    if b then q.base = { value = v * b[1], unit = b[2] } end
  end
  return q
end

-- A record for text:sub(s, e), its fields set in one constructor (so the
-- table is made at its final size).
local function new(text, s, e, value, min, max, u)
  return setmetatable({ s = s, e = e, text = string_sub(text, s, e), value = value, min = min, max = max,
    unit = u, noun = nil }, Quantity)
end

-- Turn one number table into a record (no context checks).
local function single(text, s, raw, n, u, cur)
  local d = n.d
  local v
  if d and not n.x and not n.half then
    -- plain digits, the common case: digits_value's first step
    v = tonumber(d)
    if math_type(v) ~= "integer" then v = digits_value(d, nil, cur and MSCALES or DSCALES) end
  else
    v = value_of(n, cur and MSCALES)
  end
  return new(text, s, raw.qe - 1, v, v, v, cur or u)
end

-- The context checks in C (sift.scan.context) over the grammar's word
-- classes:
-- * noun(text, e, skip_of, one): the counted noun after position e: up to
--   three words (after "of" and an article when skip_of); the first plural
--   is the head ("30 resistance commanders"), for one the last word ("one
--   Taliban fighter"), a capitalised word counts as a plural ("700
--   Taliban"); else none. NOT_NOUN stops it, and so does a word in -ed or
--   -ing after the first.
-- * label(text, s, qe, digits, value, scaled, unit): true when a bare
--   number is no quantity: a year (four digits 1000-2099 without a
--   separator: edited text writes counts as "1,500") unless a count noun
--   follows; a clock time ("5 pm", "0500 GMT"); a day of a month ("5
--   September", "3 and 4 September", "September 5"); a footnote mark
--   ("[12]"); a label ("Article 5", "No. 10", "Boeing 737": a designator,
--   or a capitalised word that is no function word, inside a sentence of a
--   line not in title case).
-- * idiom(text, s, e, ns, ne, one): true when number words are no
--   quantity: "one" as a pronoun or in an idiom ("no one", "one of the",
--   "on one side", "one day" unless a duration: "for one day"); a
--   capitalised number word inside a sentence, before another capital, is a
--   name ("Five Lions", "the Big Three"), except in a title-case headline.
-- * next(text, e): the word after position e (blanks, then a letter and
--   letters, hyphens, apostrophes); fraction(text, e): whether it is a
--   fraction ("one third", "two thirds" are shares, not counts).
-- (context: made with the word classes, above the grammar.)
local noun_after, label_or_time, idiom = context.noun, context.label, context.idiom
local next_word, fraction_after = context.next, context.fraction

-- Bytes that join a number to the word before it ("AK-47", "Covid-19",
-- "x.com/2021"): such a number is part of a name or an address.
local JOINERS = { [45] = true, [47] = true, [95] = true, [46] = true, [58] = true, [64] = true, [35] = true,
  [44] = true }

-- Build the records of one raw candidate, the table of the step from s to
-- e (e: the byte after it), into out. (sift.scan's quantity does the same
-- for a plain number: the "num" branch without a range, money, a scale
-- word or "a half", with a conversion in brackets or not;
-- tests/lua/number_quantity_test.lua compares the two. Its qstep does the
-- "range" branch for numbers without a scale word or a half, the "vague"
-- branch without "of" and the "aunit" branch too;
-- tests/lua/grammar_scan_test.lua compares scan() with the full walk, which
-- builds every record here.)
local function build(text, raw, out, s, e)
  if s > 2 and JOINERS[string_byte(text, s - 1)] and ISWORD[string_byte(text, s - 2)] then return end
  -- A number read after "between" is a table of its own; one read at the
  -- start of the candidate or after a bound word has its fields (d, x, w,
  -- half, hx, ns, ne) in raw.
  local n = raw.n or (raw.d or raw.w) and raw
  local k = raw.n2 and "range" or n and "num" or raw.v and "vague" or raw.au and "aunit" or "ord"
  if k == "num" then
    e = raw.qe or e
    local q = single(text, s, raw, n, raw.u, raw.cur)
    if not q.unit and fraction_after(text, (n.ne or n.e) - 1) then return end
    if raw.m == nil and (n.d and label_or_time(text, s, raw.qe, n.d, q.value, n.x ~= nil, q.unit ~= nil)
      or n.w and idiom(text, s, e, n.ns or n.s or s, n.ne or n.e, #n.w == 1 and not n.half)) then
      return
    end
    if raw.m and n.d and is_year_like(n) and not q.unit then
      local pw = prev_word(text, s)
      if pw and YEAR_PREP[pw] and pw ~= "and" and pw ~= "of" then return end
    end
    if raw.m then bound(q, MODS[raw.m], raw.m) end
    if raw.post then bound(q, POSTS[raw.post], raw.post) end
    with_base(q)
    local a = raw.alt
    if a then
      local av = value_of(a.n)
      local b1, u1 = unit.base(q.value, q.unit)
      local b2, u2 = unit.base(av, a.u)
      local alt = new(text, a.s, a.e - 1, av, nil, nil, a.u)
      if b1 and b2 and u1 == u2 and math_abs(b1 - b2) <= 0.1 * math_max(b1, b2) and q.unit ~= a.u then
        q.alt = { value = av, unit = a.u, s = alt.s, e = alt.e, text = alt.text }
        out[#out + 1] = q
      else
        out[#out + 1] = q
        alt.min, alt.max = av, av
        out[#out + 1] = with_base(alt)
      end
      return
    end
    if not q.unit then q.noun = noun_after(text, raw.qe - 1, false, q.value == 1) end
    out[#out + 1] = q
  elseif k == "range" then
    local n1, n2 = n, raw.n2
    local u1, u = raw.u, raw.u2 or raw.u
    local v1, v2 = value_of(n1), value_of(n2)
    if n2.x and not n1.x and n1.d and v1 < tonumber((string_gsub(n2.d or "0", ",", ""))) then
      v1 = digits_value(n1.d, n2.x, DSCALES)
    end
    if is_year_like(n1) and (is_year_like(n2) or n2.d and #n2.d == 2) then return end
    if u1 and u ~= u1 and unit.dimension(u1) ~= unit.dimension(u) then return end
    -- Days of a month: "5-6 September", "September 5-6".
    local pw, gap, praw = prev_word(text, s)
    if not u and integral(v2) and v2 <= 31 and n1.d and n2.d then
      local nw = next_word(text, e - 1)
      if nw and string_find(nw, "^%u") and MONTHS[string_lower(nw)] then return end
      if pw and MONTHS[pw] and praw and string_find(praw, "^%u") and string_find(gap, "^[ \t]+$") then return end
    end
    -- "from 20 to 25 percent" is a change, not a range, and so is "5 or 3":
    -- two figures. "3-1" is a score or a label: nothing.
    if raw.sep == "to" and pw == "from" or raw.sep ~= "dash" and v2 <= v1 then
      local a = new(text, n1.ns or n1.s or s, (n1.ne or n1.e) - 1, v1, v1, v1, u1 or u)
      local b = new(text, n2.s, e - 1, v2, v2, v2, u)
      out[#out + 1] = with_base(a)
      out[#out + 1] = with_base(b)
      return
    end
    if v2 <= v1 then return end
    local q = new(text, s, e - 1, v1, v1, v2, u)
    if raw.m then
      local class = MODS[raw.m]
      if class == "about" or class == "near" or class == "over" then q.approx = raw.m end
    end
    if not u then q.noun = noun_after(text, e - 1) end
    out[#out + 1] = with_base(q)
  elseif k == "vague" then
    if not raw.m and raw.v == "many" then
      local pw = prev_word(text, s)
      if pw and (pw == "how" or pw == "so" or pw == "too" or pw == "that" or pw == "as") then return end
    end
    local q = new(text, s, e - 1)
    local v = raw.v
    local info = VAGUE[v] or {}
    q.vague = v
    if raw.vs then
      local sc = VSCALES[raw.vs]
      q.min, q.coded = 2 * sc, sc
      q.vague = v .. " " .. raw.vs
    elseif raw.vof then
      local a, b = VAGUE[raw.vof], info
      q.min, q.coded = b[1] * a[2], b[2] * a[2]
      q.vague = v .. " of " .. raw.vof
    else
      q.min, q.coded = info[1], info[2]
    end
    if raw.m then
      local class = MODS[raw.m]
      if class == "about" or class == "near" or class == "over" then q.approx = raw.m end
    end
    q.noun = noun_after(text, e - 1, true)
    out[#out + 1] = q
  elseif k == "aunit" then
    if not raw.m then
      local pw = prev_word(text, s)
      if not (pw and DURATION_PREP[pw]) then return end
    end
    local v = raw.au == "fortnight" and 2 or 1
    local q = new(text, s, e - 1, v, v, v, raw.au == "fortnight" and "week" or raw.au)
    if raw.m then bound(q, MODS[raw.m], raw.m) end
    out[#out + 1] = with_base(q)
  elseif k == "ord" then
    local v
    if raw.od then
      v = tonumber(raw.od)
      local nw = next_word(text, e - 1)
      local pw, gap = prev_word(text, s)
      if nw and (MONTHS[string_lower(nw)] or nw == "of" and
        MONTHS[string_lower(string_match(text, "^[ \t]+of[ \t]+(%a+)", e) or "")]) then return end
      if pw and MONTHS[pw] and gap and string_find(gap, "^[ \t]*$") then return end
    elseif raw.ot then
      v = raw.ot + raw.oo
    else
      v = raw.ov
    end
    local q = new(text, s, e - 1, v)
    q.ordinal = true
    out[#out + 1] = q
  end
end

-- scan(text [, opts]) -- every quantity in text, in text order (README.md).
-- Ordinals ("third", "5th") are not counts and are left out unless
-- opts.ordinals is true; their records then have ordinal = true.
function M.scan(text, opts)
  if type(text) ~= "string" then
    error("bad argument #1 to 'scan' (string expected, got " .. type(text) .. ")", 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'scan' (table expected, got " .. type(opts) .. ")", 2)
  end
  local out = {}
  -- The walk of the grammar, with the steps that cannot make a record done
  -- by sift.scan: the same steps, the same records.
  qbegin(out, build, opts and opts.ordinals and true or false, starts)
  lpeg_match(scanner, text, 1, starts)
  return out
end

M._build = build
M._quantity = quantity
setmetatable(M, { __index = function(t, k)
  if k == "_scanner" or k == "_G" then
    t._scanner, t._G = fullwalk()
    return t[k]
  end
end })
return M
