-- sift.grammar.date -- finds dates, periods and durations in plain text and
-- gives them TIMEX3 values, precisions, modifiers and day bounds, resolving
-- relative expressions against an anchor. Uses LPeg for the grammar and
-- sift.cdate (runtime/lua_cdate.c) for resolution and day arithmetic.
-- Interface: grammar/README.md.
--
--   local date = require "sift.grammar.date"
--   for _, t in ipairs(date.scan(text, {value = "2021-09-07", kind = "published"})) do
--     print(t.s, t.e, t.text, t.value, t.precision, t.earliest, t.latest)
--   end
--
-- How it scans. One LPeg grammar, built once at load (LPeg compiles it at
-- its first match), walks the text a word at a time: bytes that cannot
-- start a word are skipped in one span; at each word start a capture-free
-- trie (the gate) checks whether the word, and for frequent words like
-- "the" and "a" the next one too, can start a date; only then is the
-- grammar tried, itself entered through a trie of first words. Tries are
-- laid out as trees of byte tests, so LPeg rejects other words after a few
-- tests, and the word is skipped whole.
-- In scan, the steps between candidates are taken in C, in place of the
-- gate: sift.scan finds the next word or digits that may start a date, and
-- sift.cdate's finder passes over those that what follows rules out (the
-- phrases of follows below: "the seventh tide", "two sides", "3,000
-- people"); the grammar is tried at each candidate it gives.
-- A match's node goes straight into sift.cdate's store (a C struct, no
-- table); sift.cdate then turns the nodes into records in text order, so a
-- record can use the dates before it (text anchor, "the same day"), by the
-- decisions below and this file's word lists.
--
-- Decisions (also the answers to "what does X give?"):
-- * Anchor: the `anchor` argument (a document's published date); without
--   one, a dateline date (a full date in the first 400 bytes, on a line
--   that reads "PLACE, <date>" or followed by a dash or parenthesis);
--   without that, the latest absolute date earlier in the text (its year
--   and month serve year-less dates; its day, when it has one, weekdays and
--   deictic words). `anchor` on a record says which served.
-- * A bare weekday ("on Monday", "said Monday") is the latest such day on or
--   before the anchor: in a Tuesday article Monday is the day before, and a
--   weekday equal to the anchor's is the anchor day. "last Monday" and
--   "this past Monday" are strictly before, "next Monday" strictly after,
--   "this Monday" on or after; a future marker ("will", "shall", "'ll",
--   "going to", "scheduled", "due to") earlier in the same clause, with no
--   "said"/"told"/... after it, turns a bare weekday forward (on or after
--   the anchor). "Friday (3)" is the 3rd nearest the anchor that is a
--   Friday. A preceding "on" is part of a weekday's span.
-- * A year-less date or month takes the anchor's year, or the previous year
--   when it would otherwise lie more than 183 days after the anchor. A named
--   weekday ("Friday, 3 September") picks the year whose calendar agrees.
-- * Unresolvable values keep X for the unknown part: "XXXX-10",
--   "XXXX-09-06", a weekday "XXXX-WXX-1" (ISO weekday, 1 = Monday),
--   deictic days "XXXX-XX-XX"; such records have no earliest/latest and
--   anchor "none".
-- * Numeric dates "d/m/yyyy" or "m/d/yyyy" (also with "." or "-") are read
--   as days only when unambiguous (one part > 12, or both parts equal);
--   otherwise the record is the year (precision year), its bounds spanning
--   both readings.
-- * Lists and intervals give one time per item, later items lending month
--   and year to earlier ones: "3 and 4 September 2021" is "3" (2021-09-03)
--   and "4 September 2021"; "from 1996 to 2001" and "1992-94" two years.
-- * Precisions beyond the README's: week ("last week": 2021-W35), weekend
--   (2021-W35-WE), season (2021-SU), quarter (2021-Q1), half (2021-H2).
-- * early/mid/late (and "the beginning/middle/end of") set mod START, MID,
--   END and narrow the bounds to the first, middle or last third of the
--   period (a month by days, a year Jan-Apr/May-Aug/Sep-Dec, a decade by
--   years); the value stays the period's. "around/about/approximately/
--   circa/roughly/almost/nearly" give APPROX, "before/by/prior to" BEFORE,
--   "after/since" AFTER; these words stay outside the span (durations too:
--   "almost thirty years" is "thirty years", APPROX), early/mid/late win,
--   and the bounds stay those of the named period: mod says how to read
--   them.
-- * Durations ("five-day", "two weeks", "decade-long", "the past few days",
--   "within days") are kind "duration" with value P<n><unit> (P5D, P2W,
--   P10Y, PT2H, PXD for an unknown count), precision the unit, no bounds.
--   Ages ("20-year-old", "20 years old") and frequencies ("twice a day",
--   "hours a day", "every two weeks") are not durations. "N days ago" is a
--   date before the anchor; "N days later/earlier" one after or before the
--   last date the text named (a duration when "than" follows).
-- * "the same day", "the next day", "the previous day", "the night before"
--   count from the last date the text named: a date, a weekday, a month or
--   year, "two days later" (not deictic words like "yesterday": they are
--   the speaker's, and not durations); else from the anchor day. Anchor
--   "text" when a named date served. A reference coarser than a day keeps
--   its value ("in 2011 ... two weeks later" is 2011, bounds moved).
-- * Not dates: numbers with thousands separators or decimals, numbers
--   followed by a unit or a counted noun ("2021 km", "1500 fighters"),
--   digit groups that look like phone numbers, "AK-47", lower-case
--   "may"/"march", a bare "May" or "March" without a preposition or
--   early/mid/late before it (or "and"/"or" after another month), a bare
--   month followed by a capitalised word ("April Ryan"), abbreviated months
--   and weekdays alone ("Dec.", "Sun"), "the September 11 attacks",
--   weekday-named papers ("Sunday Times"), "Today" after a capitalised
--   word ("Varkesia Today"), and everything on a line from "Copyright" or
--   "©" on (years in copyright footers are not emitted).
local lpeg = require "lpeg"
local prefilter = require "sift.scan"
local cal = require "sift.grammar.calendar"
local cdate = require "sift.cdate"

local P, R, S, B, C, Cc, Ct, Cp, Cmt, V = lpeg.P, lpeg.R, lpeg.S, lpeg.B, lpeg.C, lpeg.Cc, lpeg.Ct, lpeg.Cp, lpeg.Cmt,
  lpeg.V
local lpeg_type = lpeg.type
local tonumber, tostring, type, ipairs, pairs, error, select = tonumber, tostring, type, ipairs, pairs, error, select
local setmetatable = setmetatable
local string_sub, string_find, string_lower = string.sub, string.find, string.lower
local string_upper = string.upper
local string_gsub, string_match = string.gsub, string.match
local table_sort, table_concat, table_unpack = table.sort, table.concat, table.unpack
local prefilter_fields = prefilter.fields

local _ENV = nil -- luacheck: ignore 211

local M = {}

-- ------------------------------------------------------------ lexical

local digit = R"09"
local upper = R"AZ"
-- Bytes that start or continue a word: ASCII letters and digits, and the
-- lead bytes of multi-byte letters (not U+0080-U+00BF, not U+2000-U+2FFF:
-- those are punctuation, no-break space, quotes and dashes).
local wc = R("az", "AZ", "09", "\195\225", "\227\244")
local cont = R"\128\191"
local eow = -wc
local hs = S" \t" + P"\194\160"
local ws = hs^1
local dash = P"-" + P"\226\128\147" + P"\226\128\148" + P"\226\128\146"
local apos = P"'" + P"\226\128\153" + P"\226\128\152"
local comma = hs^0 * P"," * hs^0

-- The period after an abbreviation ("Sept."), unless it ends a sentence
-- ("on 12 Oct. Prices rose").
local abbrdot = (P"." * -(hs^1 * upper))^-1

-- anycase(c) -- the byte c, a letter in either case. ci(s) -- s in any
-- letter case. (Each made once for each c or s: LPeg makes a new tree at
-- every operation.)
local ANYCASE, CI = {}, {}
local function anycase(c)
  local l = string_lower(c)
  local p = ANYCASE[l]
  if not p then
    local u = string_upper(c)
    p = l ~= u and S(l .. u) or P(c)
    ANYCASE[l] = p
  end
  return p
end
local function ci(s)
  local p = CI[s]
  if p then return p end
  p = P(true)
  for i = 1, #s do p = p * anycase(string_sub(s, i, i)) end
  CI[s] = p
  return p
end

-- kw(s) -- the word s in any letter case, ending at a word boundary.
local function kw(s) return ci(s) * eow end

-- cap(s) -- s capitalised ("Times", "TIMES", not "times"), as a whole word.
local function cap(s)
  return P(string_upper(string_sub(s, 1, 1))) * ci(string_sub(s, 2)) * eow
end

-- lexicon(entries, capital) -- one whole word of entries ({word, value
-- [, dot = true]}), in any case (capital: the first letter upper case),
-- capturing its value (a pattern: what it captures); an entry with dot may
-- end in ".". Built as a trie:
-- the alternatives at each letter start with different bytes, so LPeg
-- takes one branch after a single test instead of trying words in turn.
local function lexicon(entries, capital)
  local function build(list, depth)
    local groups, order, leaf
    local lead -- the letters of a chain (below)
    while true do
      groups, order, leaf = {}, {}, nil
      for _, e in ipairs(list) do
        if #e[1] < depth then
          leaf = e
        else
          local c = string_lower(string_sub(e[1], depth, depth))
          if not groups[c] then groups[c] = {}; order[#order + 1] = c end
          local g = groups[c]
          g[#g + 1] = e
        end
      end
      -- a node with one letter after it and no word ending there: its
      -- letter joins the chain before the next node, one operation
      if leaf or #order ~= 1 or depth == 1 and capital or not string_find(order[1], "^%a$") then break end
      lead = lead and lead * anycase(order[1]) or anycase(order[1])
      list, depth = groups[order[1]], depth + 1
    end
    table_sort(order)
    local p = P(false)
    for _, c in ipairs(order) do
      local head = depth == 1 and capital and P(string_upper(c)) or anycase(c)
      p = p + head * build(groups[c], depth + 1)
    end
    if leaf then
      local v = leaf[2]
      p = p + eow * (leaf.dot and abbrdot or P(true)) * (v == nil and P(true) or lpeg_type(v) and v or Cc(v))
    end
    return lead and lead * p or p
  end
  return build(entries, 1)
end

-- words(list [, value]) -- lexicon entries giving every word of list one
-- value (none: the words capture nothing).
local function words(list, value, out)
  out = out or {}
  for _, w in ipairs(list) do out[#out + 1] = { w, value } end
  return out
end

local function num(s) return tonumber((string_gsub(s, ",", ""))) end

-- rule(name, p) -- p as a rule of the grammar: a pattern that stands for
-- it (V(name)). An LPeg pattern is a tree that every use copies, and
-- compiles to code of its own; the parts used in many places (the rest of
-- a date after a month, a weekday or a count, ...) are rules, so the
-- grammar holds one copy of each. grammar(p) -- the grammar matching p,
-- with every rule.
local RULES = {}
local function rule(name, p)
  RULES[name] = p
  return V(name)
end
local function grammar(p)
  local g = { "top", top = p }
  for name, r in pairs(RULES) do g[name] = r end
  return P(g)
end

-- patt / NUMERAL: the number a run of a few digits writes (a table filled
-- as numerals turn up: a query capture costs less than calling tonumber).
local NUMERAL = setmetatable({}, { __index = function(t, s)
  local n = tonumber(s)
  t[s] = n
  return n
end })

-- ------------------------------------------------------------ vocabulary

local MONTHS = {
  { "january", "jan" }, { "february", "feb" }, { "march", "mar" }, { "april", "apr" }, { "may" },
  { "june", "jun" }, { "july", "jul" }, { "august", "aug" }, { "september", "sept", "sep" },
  { "october", "oct" }, { "november", "nov" }, { "december", "dec" },
}
local WEEKDAYS = {
  { "monday", "mon" }, { "tuesday", "tues", "tue" }, { "wednesday", "wed" },
  { "thursday", "thurs", "thur", "thu" }, { "friday", "fri" }, { "saturday", "sat" }, { "sunday", "sun" },
}
local ONES = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
  "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen" }
local TENS = { "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" }
local ORDS = { "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
  "eighteenth", "nineteenth", "twentieth" }
-- Duration units by surface form: the unit and whether the form is plural.
local UNITS = {
  day = { "day", false }, days = { "day", true }, week = { "week", false }, weeks = { "week", true },
  month = { "month", false }, months = { "month", true }, year = { "year", false }, years = { "year", true },
  decade = { "decade", false }, decades = { "decade", true }, century = { "century", false },
  centuries = { "century", true }, hour = { "hour", false }, hours = { "hour", true },
  minute = { "minute", false }, minutes = { "minute", true },
}
-- Words after a number that make it a count or a measure, not a year.
local COUNTED = { "people", "persons", "fighters", "soldiers", "troops", "civilians", "militants", "men",
  "women", "children", "families", "residents", "inhabitants", "refugees", "members", "deaths", "dead",
  "casualties", "households", "houses", "homes", "buildings", "villages", "km", "kms", "kilometres",
  "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre", "meter", "m", "ft",
  "feet", "ha", "hectares", "acres", "tonnes", "tons", "kg", "kilograms", "dollars", "euros", "pounds",
  "afghanis", "rupees", "usd", "eur", "votes", "cases", "vehicles", "weapons", "rifles", "rounds",
  "students", "prisoners", "police", "policemen", "officers", "workers", "employees", "hours", "hrs",
  "gmt", "utc", "pages", "words", "units", "times", "mm", "cm", "sq", "square", "per", "percent",
  "million", "billion", "calories", "displaced" }
-- Words just before a date, with one blank between, that give it a mod
-- ("around", "before", "since") or make it a frequency ("once", "every",
-- "hours" before "a day"): the word's mod.
local MODWORDS = { APPROX = { "around", "about", "approximately", "circa", "roughly", "almost", "nearly" },
  SOME = { "some" }, BEFORE = { "before", "by", "prior to" }, AFTER = { "after", "since" },
  RATE = { "once", "twice", "thrice", "per", "every" },
  RATENOUN = { "hours", "days", "times", "weeks", "months", "nights", "meals", "shifts", "flights", "trips",
    "visits", "sessions", "doses", "miles", "kilometres", "kilometers", "km", "dollars" },
  ON = { "on" } } -- ("on" joins a weekday's span: "on Monday")
-- Words that, before a bare month name, show it is one ("in May").
local CUES = { "in", "since", "until", "till", "by", "of", "from", "to", "through", "during", "before",
  "after", "last", "next", "this", "between", "throughout", "early", "late", "mid", "around", "about", "end",
  "beginning", "start", "middle" }

-- Words that, before a weekday, put it in the future ("will", "going to"),
-- unless a reporting verb (PAST) follows them in the clause.
local FUTURE = { "will", "shall", "'ll", "scheduled", "won't" } -- a weekday after these is ahead
local FUTURE2 = { going = "to", due = "to", plans = "to", planned = "for", expected = "on" }
local PAST = { "said", "told", "says", "added", "announced", "reported", "was", "were", "had" }
-- (a clause is read word by word only when it holds one of these)
local FUTUREHINTS = { "'ll", "will", "shall", "won't", "to ", "scheduled", "planned", "expected" }
local SETS = { mods = MODWORDS, cues = CUES, monthnames = {}, future = FUTURE, future2 = FUTURE2, past = PAST,
  hints = FUTUREHINTS, units = UNITS }
for i, names in ipairs(MONTHS) do SETS.monthnames[i] = names[1] end
-- Resolution is sift.cdate's (runtime/lua_cdate.c), by the rules of the
-- header comment and these word lists: the grammar's node pattern captures
-- into collect (a node is a C struct, no table), and records(text, anchor)
-- decodes each node, reads the word before it, makes its records and
-- resolves them against the anchor, the dateline or the dates before.
local collect, records, reset, constant = cdate.resolver(SETS)

local monthentries, wdentries = {}, {}
for i, names in ipairs(MONTHS) do
  monthentries[#monthentries + 1] = { names[1], i }
  for j = 2, #names do monthentries[#monthentries + 1] = { names[j], -i, dot = true } end
end
for i, names in ipairs(WEEKDAYS) do
  wdentries[#wdentries + 1] = { names[1], i }
  for j = 2, #names do wdentries[#wdentries + 1] = { names[j], -i, dot = true } end
end
-- Months and weekdays: the number, negative for an abbreviation.
local month = rule("month", lexicon(monthentries, true))
local weekdayname = rule("weekdayname", lexicon(wdentries, true))

local ones9 = {}
for i = 1, 9 do ones9[i] = { ONES[i], i } end
local onesword = lexicon(ones9)
local numword
do
  local numbers = {}
  for i, w in ipairs(ONES) do numbers[#numbers + 1] = { w, i } end
  for i, w in ipairs(TENS) do numbers[#numbers + 1] = { w, 10 * (i + 1) } end
  words({ "few", "several", "many", "numerous" }, "X", numbers)
  local tens = {}
  for i, w in ipairs(TENS) do tens[i] = { w, 10 * (i + 1) } end
  numword = lexicon(tens) * S"- " * onesword / function(a, b) return a + b end + lexicon(numbers)
end
-- A count: digits (thousands separators, decimals), number words, "a"/"an",
-- or a vague word ("X": an unknown count).
local count = rule("count",
  C(digit^1 * ("," * digit * digit * digit)^0 * ("." * digit^1)^-1) * -(digit + P"," * digit) / num
  + numword
  + kw"a" * ws * (kw"couple" * ws * kw"of" * Cc(2) + kw"few" * Cc"X")
  + (kw"a" + kw"an") * Cc(1))

local ordinal
do
  local ordentries = {}
  for i, w in ipairs(ORDS) do ordentries[i] = { w, i } end
  ordinal = (digit * digit^-1) / NUMERAL * (ci"st" + ci"nd" + ci"rd" + ci"th") * eow
    + ci"twenty" * dash * (kw"first" * Cc(21) + kw"second" * Cc(22))
    + lexicon(ordentries)
end

-- Parse nodes are tables of named values, made by fields(p) (sift.scan's
-- fields) from the names and values p captures, later names winning, at
-- their final size: LPeg's table capture, Ct of named Cg groups, grows its
-- table a field at a time, rehashing it as it goes. So everything a node's
-- pattern captures comes in pairs: grp(p, name) is the name and p's value
-- (p must capture exactly one value; fields refuses an odd count), or as
-- the one code of a fixed pair (konst, below: the C node and the tests'
-- walks decode it).
local function grp(p, name) return Cc(name) * p end
-- konst(name, value) -- a field whose value the pattern fixes ("t" "dmy",
-- "off" -1): one constant capture, sift.cdate's code of the pair
-- (constant), which collect reads as the name and the value (a capture
-- and a decoded pair fewer a field). KDEC: code -> {name, value}, for the
-- tests' walks (unpacked, below). tag the node's kind, off its day offset.
local KONST, KDEC = {}, {}
local function konst(name, value)
  local key = name .. "\0" .. type(value) .. "\0" .. tostring(value)
  local p = KONST[key]
  if not p then
    local code = constant(name, value)
    KDEC[code] = { name, value }
    p = Cc(code)
    KONST[key] = p
  end
  return p
end
local function tag(t) return konst("t", t) end
-- fixed(list, name) -- lexicon entries of list ({word, value}) capturing name = value as konst
local function fixed(list, name)
  local out = {}
  for i, e in ipairs(list) do out[i] = { e[1], konst(name, e[2]) } end
  return out
end
local function off(n) return konst("off", n) end
local function fields(p) return p / prefilter_fields end
local pos = Cp()

local unitany, unitsing
do
  local unitentries, singentries = {}, {}
  for form, u in pairs(UNITS) do
    unitentries[#unitentries + 1] = { form, form }
    if not u[2] then singentries[#singentries + 1] = { form, form } end
  end
  table_sort(unitentries, function(a, b) return a[1] < b[1] end)
  table_sort(singentries, function(a, b) return a[1] < b[1] end)
  unitany = rule("unitany", lexicon(fixed(unitentries, "unit")))
  unitsing = rule("unitsing", lexicon(fixed(singentries, "unit")))
end
local unitplur = rule("unitplur",
  #lexicon(words{ "days", "weeks", "months", "years", "decades", "centuries", "hours", "minutes" }) * unitany)
local counted = rule("counted", lexicon(words(COUNTED)))
local partofday = rule("partofday", lexicon(words{ "morning", "afternoon", "evening", "night", "noon", "midday",
  "lunchtime", "dawn", "overnight" }))
local DAYISH = { "day", "night", "evening", "morning" }
local dayish = lexicon(words(DAYISH))

-- ------------------------------------------------------------ grammar

local day = (digit * digit^-1) / NUMERAL * -digit * (ci"st" + ci"nd" + ci"rd" + ci"th")^-1 * eow
local year4 = (R"12" * digit * digit * digit) / NUMERAL * eow
local d2 = (digit * digit) / NUMERAL
local d12 = (digit * digit^-1) / NUMERAL
local yearnum = (P"1" * digit * digit * digit + P"20" * digit * digit) / NUMERAL * eow

local dayitem = fields(grp(pos, "s") * grp(day, "d") * grp(pos, "e"))
local LISTWORDS = { "and", "or", "to", "through", "until", "till" }
local listsep = comma * (kw"and" * ws)^-1
  + ws * lexicon(words(LISTWORDS)) * ws
  + hs^0 * dash * hs^0
local yearpart = (comma + ws) * grp(year4, "y")

-- "3 and 4 September 2021", "5 September", "5th of September".
local dmy = rule("dmy", tag"dmy" * grp(Ct((dayitem * listsep)^1), "pre")^-1 * grp(pos, "ms") * grp(day, "d") * ws
  * (kw"of" * ws)^-1 * grp(month, "m") * yearpart^-1)
-- After a month: " 5, 2021", " 6", " 5 and 6".
local mdyrest = rule("mdyrest", tag"mdy" * hs^1 * grp(day, "d") * grp(pos, "me")
  * grp(Ct((listsep * dayitem)^1), "post")^-1 * yearpart^-1)
local mdy = grp(month, "m") * mdyrest
-- "2021-09-06", "2021/09/06".
local iso = tag"iso" * grp(Ct((R"12" * digit^3) / NUMERAL * S"-/" * d2 * S"-/" * d2), "ymd") * eow
  * -(P"." * digit)
-- "6/9/2021", "13.09.2021": day and month order decided later.
local numeric = tag"num" * grp(d12, "a") * (P"/" * grp(d12, "b") * P"/" + P"." * grp(d12, "b") * P"."
  + P"-" * grp(d12, "b") * P"-") * grp(year4, "y") * -(S".-/" * digit)
-- A bare year: four digits, 1000-2099, not a count, measure, phone or
-- decimal number.
local year = tag"year" * -B(digit * S" ,.-/") * -B(S"$#+/\\.:-") * -B(P"\194\163") * -B(P"\226\130\172")
  * grp(yearnum, "y") * -(S".,:" * digit) * -(hs^0 * P"%") * -(S"-/" * digit) * -(ws * counted)
-- "1992-1994", "1992–94": two years.
local yrange = tag"yrange" * grp(fields(grp(pos, "s") * grp(yearnum, "y") * grp(pos, "e")), "y1") * hs^0 * dash
  * hs^0 * grp(fields(grp(pos, "s") * grp(yearnum + d2 * eow, "y") * grp(pos, "e")), "y2") * -(S".,:-/" * digit)
-- "1980s", "1990's", "'90s" (after "the").
local decade = tag"decade" * (grp((R"12" * digit * digit) / NUMERAL, "dec") * P"0" * apos^-1 * P"s"
  + apos * grp(C(digit) / function(d) return 190 + tonumber(d) end, "dec") * P"0s") * eow
-- After an ordinal: " century", "-century".
local CENTURIES = { "century", "centuries" }
local centuryrest = rule("centuryrest", tag"century" * (ws + dash) * lexicon(words(CENTURIES)))
local century = grp(ordinal, "c") * centuryrest
-- After a season: " 2021", " of 2022".
local seasonrest = rule("seasonrest", tag"season" * ws * (kw"of" * ws)^-1 * grp(year4, "y"))
-- After "first" ... "fourth": " quarter of 2021", " half of 2021".
local PARTS = { { "quarter", "Q" }, { "half", "H" } }
local partrest = rule("partrest", tag"part" * ws * lexicon(fixed(PARTS, "part")) * ws * kw"of" * ws
  * grp(year4, "y"))

-- Modified periods: "May", "May 2021", "1990s", "19th century", "2021",
-- "last year" (after "early", "mid-", "the end of", ...).
local RELUNITS = { "week", "weekend", "month", "year" }
local RELDIRS = { { "last", -1 }, { "next", 1 }, { "this", 0 } }
local relunit
do
  local entries = {}
  for i, w in ipairs(RELUNITS) do entries[i] = { w, w } end
  relunit = lexicon(fixed(entries, "unit"))
end
local relu = tag"relu" * lexicon(fixed(RELDIRS, "off")) * ws * relunit
local modhead = rule("modhead", grp(pos, "ms") * grp(month, "m")
    * ((ws * kw"of")^-1 * (comma + ws) * grp(year4, "y"))^-1 * tag"my"
  + (kw"the" * ws)^-1 * (decade + century) + tag"year" * grp(yearnum, "y") * -(ws * counted)
  + relu)
local earlymidlate = rule("earlymidlate", (hs^0 * dash * hs^0 + ws) * modhead)
local endof = rule("endof", ws * kw"of" * ws * (kw"the" * ws * off(0) * relunit * tag"relu"
  + (kw"the" * ws)^-1 * modhead))

-- After a weekday: ", 5 September 2021", " (3)", " morning", or nothing.
local weekdayrest = rule("weekdayrest", ws * (cap"times" + cap"telegraph" + cap"express" + cap"mirror"
    + cap"post" + cap"herald" + cap"mail" + cap"independent" + cap"observer" + cap"tribune" + cap"star" + cap"sun"
    + cap"sport") * tag"skip"
  + (comma + ws) * (dmy + mdy)
  + hs^0 * P"(" * grp(day, "dom") * P")" * tag"wd"
  + ws * partofday * tag"wd"
  + tag"wd")

-- After a month: " 11 attacks" (dropped; "/ 0" keeps the day out of the
-- node's pairs), " 5, 2021", " 2021", " to May 2021", or nothing (a bare
-- month).
local monthrest = rule("monthrest", ws * (day / 0) * ws
    * lexicon(words{ "attack", "attacks", "commission", "memorial" }) * tag"skip"
  + mdyrest
  + (ws * kw"of")^-1 * (comma + ws) * grp(year4, "y") * tag"my"
  + grp(pos, "me") * listsep * grp(pos, "ms2") * grp(month, "m2") * (comma + ws) * grp(year4, "y") * tag"my2"
  + tag"my" * konst("bare", true) * (#(ws * upper) * konst("capnext", true))^-1
    * -(hs^0 * dash * hs^0 * digit))

-- After a count: "-day", " weeks", " years ago", " days earlier" (but
-- "two days later than" is a duration).
local countrest = rule("countrest", dash * unitsing * -(dash * (ci"old" + ci"year")) * -(ws * kw"old") * tag"dur"
  + ws * unitany * (
    ws * kw"ago" * tag"ago"
    + ws * (kw"later" * konst("dir", 1) + kw"earlier" * konst("dir", -1)) * -(ws * kw"than") * tag"refoff"
    + -(ws * kw"old") * -(dash * wc) * tag"dur"))
local digitcount = C(digit^1 * ("," * digit * digit * digit)^0 * ("." * digit^1)^-1) * -(digit + P"," * digit) / num

-- choose(alts) -- the choice of alts ({bytes, pattern}: a pattern and the
-- bytes it can start with, all different), as a balanced tree: LPeg tests
-- alternatives one after another, so a flat choice of 26 letters costs up
-- to 26 tests a word and the tree five. (The "#S(...)" keeps LPeg from
-- flattening the tree back into one list.)
local function choose(alts, i, j)
  i, j = i or 1, j or #alts
  if i > j then return P(false) end
  if j - i < 3 then
    local p = P(false)
    for k = i, j do p = p + alts[k][2] end
    return p
  end
  local m = (i + j) // 2
  local left = {}
  for k = i, m do left[#left + 1] = alts[k][1] end
  return #S(table_concat(left)) * choose(alts, i, m) + choose(alts, m + 1, j)
end

-- dispatch(entries) -- like lexicon, but each entry {word, cont [, dot =
-- true] [, capital = true]} continues with its own pattern after the word;
-- entries of one word are tried in order; a capital entry needs its first
-- letter in upper case (checked by looking back from the word's end). One
-- trie walk finds the first word, so words that start no date cost a byte
-- or two. (The tries are never joined by "+" with patterns that can start
-- with the same byte: LPeg would flatten them into one long choice.)
local function dispatch(entries)
  local function build(list, depth)
    local groups, order, leaf
    local lead -- the letters of a chain (as in lexicon)
    while true do
      groups, order, leaf = {}, {}, nil
      for _, e in ipairs(list) do
        if #e[1] < depth then
          local p = (e.dot and abbrdot or P(true)) * e[2]
          if e.capital then p = B(upper * P(#e[1] - 1)) * p end
          leaf = leaf and leaf + p or p
        else
          local c = string_lower(string_sub(e[1], depth, depth))
          if not groups[c] then groups[c] = {}; order[#order + 1] = c end
          local g = groups[c]
          g[#g + 1] = e
        end
      end
      if leaf or #order ~= 1 or not string_find(order[1], "^%a$") then break end
      lead = lead and lead * anycase(order[1]) or anycase(order[1])
      list, depth = groups[order[1]], depth + 1
    end
    table_sort(order)
    local alts = {}
    for _, c in ipairs(order) do
      local u = string_upper(c)
      alts[#alts + 1] = { u ~= c and c .. u or c, anycase(c) * build(groups[c], depth + 1) }
    end
    local p = choose(alts)
    if leaf then p = p + eow * leaf end
    return lead and lead * p or p
  end
  return build(entries, 1)
end

-- What may follow a first word for an entry of it to match: phrases for
-- sift.cdate's finder, which passes over a candidate that matches none of
-- its first word's phrases (runtime/lua_cdate.c, "candidates": "_" blanks,
-- "-" a dash, "_-" either, "#" a digit, "'" an apostrophe, "^" a capital
-- first letter, "{set}" a word of GATESETS, a word itself). Each entry of
-- the grammar below lists phrases that every text it matches begins with
-- (more may match them: the grammar decides); an entry without phrases
-- takes its first word whatever follows.
local GATESETS = { dayish = DAYISH, units = {}, unitsing = {}, counts = {}, relunits = RELUNITS, months = {},
  weekdays = {}, ords = ORDS, centuries = CENTURIES, parts = {}, ones9 = {}, reldirs = {}, listwords = LISTWORDS }
do
  local G = GATESETS
  for form, u in pairs(UNITS) do
    G.units[#G.units + 1] = form
    if not u[2] then G.unitsing[#G.unitsing + 1] = form end
  end
  table_sort(G.units)
  table_sort(G.unitsing)
  for _, list in ipairs{ ONES, TENS, { "few", "several", "many", "numerous", "a", "an" } } do
    for _, w in ipairs(list) do G.counts[#G.counts + 1] = w end
  end
  for _, e in ipairs(monthentries) do G.months[#G.months + 1] = e[1] end
  for _, e in ipairs(wdentries) do G.weekdays[#G.weekdays + 1] = e[1] end
  for i, e in ipairs(PARTS) do G.parts[i] = e[1] end
  for i = 1, 9 do G.ones9[i] = ONES[i] end
  for i, e in ipairs(RELDIRS) do G.reldirs[i] = e[1] end
end
local follows = {} -- first word (lower case) -> its phrases, or false: anything may follow
local function follow(w, phrases)
  w = string_lower(w)
  if not string_find(w, "^%a+$") then return end -- (the finder looks up runs of letters only)
  if not phrases then
    follows[w] = false
  elseif follows[w] ~= false then
    local list = follows[w] or {}
    for _, p in ipairs(phrases) do list[#list + 1] = p end
    follows[w] = list
  end
end
-- After a count word: countrest. After early/mid/late: earlymidlate (a
-- month, "the", a decade or year, an ordinal century, "last year"). After
-- "last", "next", "this": a weekday, a period word, a month.
local COUNTREST = { "_- {units}" }
local EARLYMIDLATE = { "_- {months}", "_- the", "_- #", "_- '", "_- {ords}", "_- twenty", "_- {reldirs}" }
local DIRREST = { "_ {weekdays}", "_ {relunits}", "_ {months}" }
local SEASONREST = { "_ #", "_ of" }

-- Words after "the": "the 1980s", "the 19th century", "the same day",
-- "the night before", "the past few days", "the weekend", "the end of May".
-- (thefollows: what may follow "the": the words and their phrases.)
local thebody, thefollows
do
  local thewords = {}
  thefollows = { "_ #", "_ '" }
  local punct_after = #(hs^0 * (S".,;:!?)\"'\r\n" + P"\226\128" + -P(1)))
  local function add(w, p, phrases)
    thewords[#thewords + 1] = { w, p }
    for _, f in ipairs(phrases) do thefollows[#thefollows + 1] = "_ " .. w .. (f ~= "" and " " .. f or "") end
  end
  local dayafter = ws * dayish
  add("same", dayafter * off(0) * tag"ref", { "_ {dayish}" })
  add("next", dayafter * off(1) * tag"ref", { "_ {dayish}" })
  add("following", dayafter * off(1) * tag"ref", { "_ {dayish}" })
  add("previous", dayafter * off(-1) * tag"ref", { "_ {dayish}" })
  add("previous", ws * off(-1) * relunit * tag"relu", { "_ {relunits}" })
  add("day", ws * (kw"before" * ws * kw"yesterday" * off(-2) + kw"after" * ws * kw"tomorrow" * off(2)) * tag"deic",
    { "_ before", "_ after" })
  add("day", ws * kw"after" * punct_after * off(1) * tag"ref", { "_ after" })
  for _, w in ipairs(DAYISH) do
    add(w, ws * kw"before" * punct_after * off(-1) * tag"ref", { "_ before" })
  end
  add("weekend", konst("unit", "weekend") * konst("recent", true) * tag"relu", { "" })
  local unit1 = #lexicon(words{ "week", "month", "year", "decade", "hour" })
  for _, w in ipairs{ "past", "last", "next", "coming", "previous", "following" } do
    add(w, ws * (grp(count, "n") * ws * unitany + unitplur + unit1 * unitany * konst("n", 1)) * tag"dur",
      { "_ {counts}", "_ #", "_ {units}" })
  end
  for _, w in ipairs{ "early", "mid", "late" } do
    add(w, konst("mod", w == "early" and "START" or w == "mid" and "MID" or "END") * earlymidlate, EARLYMIDLATE)
  end
  for _, w in ipairs{ "beginning", "start", "middle", "end" } do
    add(w, konst("mod", (w == "middle" and "MID") or (w == "end" and "END") or "START") * endof, { "_ of" })
  end
  for _, w in ipairs{ "spring", "summer", "autumn", "fall", "winter" } do
    add(w, konst("season", w == "spring" and "SP" or w == "summer" and "SU" or w == "winter" and "WI" or "FA")
      * seasonrest, SEASONREST)
  end
  for i, w in ipairs{ "first", "second", "third", "fourth" } do add(w, konst("n", i) * partrest, { "_ {parts}" }) end
  for i, w in ipairs(ORDS) do add(w, konst("c", i) * centuryrest, { "_- {centuries}" }) end
  add("twenty", dash * (kw"first" * konst("c", 21) + kw"second" * konst("c", 22)) * centuryrest, { "-" })
  thebody = dispatch(thewords) + #digit * (decade + century) + decade
end

-- First words of dates (other than digits, month and weekday names).
local firstwords = {}
do
  local function add(w, p, phrases) firstwords[#firstwords + 1] = { w, p }; follow(w, phrases) end
  add("the", ws * thebody, thefollows)
  for i, w in ipairs(ONES) do add(w, konst("n", i) * countrest, COUNTREST) end
  for i, w in ipairs(TENS) do
    add(w, konst("n", 10 * (i + 1)) * (S"- " * grp(onesword, "n2"))^-1 * countrest,
      { "_- {units}", "_- {ones9} _- {units}" })
  end
  for _, w in ipairs{ "few", "several", "many", "numerous" } do add(w, konst("n", "X") * countrest, COUNTREST) end
  add("a", ws * (kw"couple" * ws * kw"of" * konst("n", 2) + kw"few" * konst("n", "X")) * countrest,
    { "_ couple _ of _- {units}", "_ few _- {units}" })
  add("a", konst("n", 1) * konst("art", true) * countrest, COUNTREST)
  add("an", konst("n", 1) * konst("art", true) * countrest, COUNTREST)
  for _, w in ipairs{ "early", "mid", "late" } do
    add(w, konst("mod", w == "early" and "START" or w == "mid" and "MID" or "END") * earlymidlate, EARLYMIDLATE)
  end
  for _, w in ipairs{ "beginning", "start", "middle", "end" } do
    add(w, konst("mod", (w == "middle" and "MID") or (w == "end" and "END") or "START") * endof, { "_ of" })
  end
  -- "last night", "last Sunday", "last week", "last March", "this morning" ...
  local function dirrest(k)
    return ws * (grp(weekdayname, "wd") * (ws * partofday)^-1 * tag"wd"
      + relunit * off(k) * tag"relu"
      + grp(month, "m") * tag"relm")
  end
  add("last", ws * (kw"night" + kw"evening") * off(-1) * tag"deic", { "_ night", "_ evening" })
  add("last", konst("dir", -1) * dirrest(-1), DIRREST)
  add("next", konst("dir", 1) * dirrest(1), DIRREST)
  add("this", ws * (kw"morning" + kw"afternoon" + kw"evening") * off(0) * tag"deic",
    { "_ morning", "_ afternoon", "_ evening" })
  add("this", ws * kw"past" * konst("dir", -1) * ws * grp(weekdayname, "wd") * (ws * partofday)^-1 * tag"wd",
    { "_ past _ {weekdays}" })
  add("this", konst("dir", 0) * dirrest(0), DIRREST)
  add("past", konst("dir", -1) * ws * grp(weekdayname, "wd") * (ws * partofday)^-1 * tag"wd", { "_ {weekdays}" })
  add("coming", konst("dir", 1) * ws * grp(weekdayname, "wd") * (ws * partofday)^-1 * tag"wd",
    { "_ {weekdays}" })
  for _, w in ipairs{ "earlier", "later" } do
    add(w, konst("part", w == "earlier" and -1 or 1) * ws * (
      kw"this" * ws * off(0) * relunit * tag"relu"
      + kw"in" * ws * kw"the" * ws * kw"day" * off(0) * tag"deic"
      + kw"that" * ws * dayish * off(0) * tag"ref"), { "_ this", "_ in", "_ that" })
  end
  add("today", off(0) * tag"deic")
  add("tonight", off(0) * tag"deic")
  add("yesterday", off(-1) * (ws * partofday)^-1 * tag"deic")
  add("tomorrow", off(1) * (ws * partofday)^-1 * tag"deic")
  add("that", ws * kw"same" * ws * dayish * off(0) * tag"ref", { "_ same" })
  for form, u in pairs(UNITS) do
    add(form, konst("unit", form) * (u[2] and P(true) or konst("n", 1)) * dash * kw"long" * tag"dur", { "- long" })
  end
  for _, w in ipairs{ "within", "recent" } do add(w, ws * unitplur * tag"dur", { "_ {units}" }) end
  for _, w in ipairs{ "spring", "summer", "autumn", "fall", "winter" } do
    add(w, konst("season", w == "spring" and "SP" or w == "summer" and "SU" or w == "winter" and "WI" or "FA")
      * seasonrest, SEASONREST)
  end
  for i, w in ipairs{ "first", "second", "third", "fourth" } do add(w, konst("n", i) * partrest, { "_ {parts}" }) end
end

-- Capitalised first words: months, weekdays, "Q1", "Copyright".
do
  local function add(w, p, dot)
    firstwords[#firstwords + 1] = { w, p, dot = dot, capital = true }
    follow(w, { "^" })
  end
  for _, e in ipairs(monthentries) do add(e[1], konst("m", e[2]) * monthrest, e.dot) end
  for _, e in ipairs(wdentries) do add(e[1], konst("wd", e[2]) * weekdayrest, e.dot) end
  for i = 1, 4 do add("q" .. i, tag"part" * konst("n", i) * konst("part", "Q") * ws * grp(year4, "y")) end
  -- copyright lines are skipped to their end
  add("copyright", (1 - S"\r\n")^0 * tag"skip")
end

-- A parse node: body, the date; node as a table (for tests and the full
-- walk: made on first use, below), cnode as a C struct in sift.cdate's
-- store (its span captured unnamed, first and last: collect(s, name1,
-- value1, code2, ..., e), a code standing for a name and its value).
local body, cnode
do
  local counting = grp(digitcount, "n") * countrest
  -- Four digits are a bare year unless what follows them could start the
  -- rest of a range ("-"), an ISO date ("/"), a count (",5", ".5", a unit
  -- word) or make a decade ("0s", "0's"): then the alternatives in turn.
  -- One or two digits try a numeric date only before "/", "." or "-" and a
  -- digit, and a century only before an ordinal's letters ("19th").
  local d4 = digit * digit * digit * digit
  local notyear = #(d4 * (hs^0 * dash + P"/" + S",." * digit + ws * S"dwmychDWMYCH")
    + digit * digit * digit * P"0" * (P"s" + apos))
  local digitled = #(d4 * -digit) * (notyear * (yrange + iso + decade + counting + year) + year)
    + #(digit * digit^-1 * -digit) * (#(digit * digit^-1 * S"/.-" * digit) * numeric + dmy + counting
      + #(digit * digit^-1 * S"snrtSNRT") * century)
    + #digit * counting
  local firstword = dispatch(firstwords)
  body = digitled + firstword + P"\194\169" * (1 - S"\r\n")^0 * tag"skip"
  cnode = pos * body * pos / collect
end

-- trie(list) -- accepts the input when it starts with one of the phrases
-- in list (letters in any case; " " is one or more blanks; "#" a digit;
-- "$" the end of a word).
-- The pattern depends on the phrases in lower case only, so lists that
-- recur (the words after "this ", "last " and "next ") make one (TRIES).
local TRIES = {}
local function trie(list)
  local key = {}
  for i, w in ipairs(list) do key[i] = string_lower(w) end
  table_sort(key)
  key = table_concat(key, "\n")
  if TRIES[key] then return TRIES[key] end
  local groups, order, final, boundary = {}, {}, false, false
  for _, w in ipairs(list) do
    if w == "" then
      final = true
    elseif w == "$" then
      boundary = true
    else
      local c = string_lower(string_sub(w, 1, 1))
      if not groups[c] then groups[c] = {}; order[#order + 1] = c end
      local g = groups[c]
      g[#g + 1] = string_sub(w, 2)
    end
  end
  table_sort(order)
  local alts = {}
  for _, c in ipairs(order) do
    local head, bytes
    if c == " " then head, bytes = ws, " \t\194"
    elseif c == "#" then head, bytes = digit, "0123456789"
    else head, bytes = anycase(c), string_upper(c) ~= c and c .. string_upper(c) or c end
    alts[#alts + 1] = { bytes, head * trie(groups[c]) }
  end
  local p = choose(alts)
  if boundary then p = p + eow end
  if final then p = p + P(true) end
  TRIES[key] = p
  return p
end

-- The gate: the words (and for frequent words, the next word too) that can
-- start a date. Words outside it are skipped without trying the grammar.
local gate, gatelist
do
  local free, exact = {}, {}
  -- phrases ending in a letter must end a word there; the others are prefixes
  local function add(list, w) list[#list + 1] = string_find(w, "%a$") and w .. "$" or w end
  local function title(w) return string_upper(string_sub(w, 1, 1)) .. string_sub(w, 2) end
  for _, names in ipairs(MONTHS) do for _, n in ipairs(names) do add(exact, title(n)) end end
  for _, names in ipairs(WEEKDAYS) do for _, n in ipairs(names) do add(exact, title(n)) end end
  for _, w in ipairs{ "Q1", "Q2", "Q3", "Q4" } do add(exact, w) end
  local units = {}
  for form in pairs(UNITS) do units[#units + 1] = form end
  table_sort(units)
  add(exact, "Copyright")
  for _, w in ipairs{ "yesterday", "today", "tonight", "tomorrow", "early", "mid", "late", "past", "coming" } do
    add(free, w)
  end
  -- a season before a year ("winter 2021", "summer of 2020")
  for _, w in ipairs{ "spring", "summer", "autumn", "fall", "winter" } do
    add(free, w .. " of"); add(free, w .. " #")
  end
  -- a vague count before a unit ("several days", "many-year"), so sift.scan passes over "several
  -- villages" (pairs of words it checks; its set holds too few for the pairs of every count word)
  for _, w in ipairs{ "few", "several", "many", "numerous" } do
    for _, d in ipairs{ "-", "\226\128\147", "\226\128\148", "\226\128\146" } do add(free, w .. d) end
    for _, u in ipairs(units) do add(free, w .. " " .. u) end
  end
  for _, w in ipairs(ONES) do add(free, w) end
  for _, w in ipairs(TENS) do add(free, w) end
  for _, w in ipairs(units) do add(free, w .. "-") end
  for _, w in ipairs(units) do add(free, "a " .. w); add(free, "an " .. w) end
  for _, w in ipairs{ "few", "couple" } do add(free, "a " .. w) end
  for _, w in ipairs{ "past ", "coming " } do add(free, w) end
  for _, w in ipairs{ "within ", "recent " } do
    for _, u in ipairs(units) do if UNITS[u][2] then add(free, w .. u) end end
  end
  for _, w in ipairs{ "beginning", "start", "middle", "end" } do add(free, w .. " of") end
  for _, w in ipairs{ "first", "second", "third", "fourth" } do add(free, w .. " quarter"); add(free, w .. " half") end
  -- "last", "this", "next": a period word, or a weekday or month
  for _, w in ipairs{ "this ", "last ", "next " } do
    for _, u in ipairs{ "week", "month", "year", "weekend", "night", "evening", "morning", "afternoon", "past",
      "few" } do
      add(free, w .. u)
    end
    for _, names in ipairs(MONTHS) do for _, n in ipairs(names) do add(free, w .. n) end end
    for _, names in ipairs(WEEKDAYS) do for _, n in ipairs(names) do add(free, w .. n) end end
  end
  for _, w in ipairs{ "earlier ", "later " } do
    add(free, w .. "in"); add(free, w .. "that"); add(free, w .. "this")
  end
  add(free, "that same")
  for _, w in ipairs{ "same", "next", "following", "previous", "past", "last", "coming", "end", "beginning",
    "start", "middle", "weekend", "first", "second", "third", "fourth", "spring", "summer", "autumn", "fall",
    "winter", "early", "mid", "late", "#", "'", "\226\128\153", "twenty", "day", "night", "evening",
    "morning" } do
    add(free, "the " .. w)
  end
  for _, w in ipairs(ORDS) do add(free, "the " .. w) end
  for _, w in ipairs(exact) do add(free, w) end -- case is checked by the grammar
  add(free, "#")
  add(free, "\194\169")
  gate = trie(free)
  gatelist = free
end

-- Words are skipped whole; other bytes in one span, except \194 (the lead
-- byte of the copyright sign), which stops the span.
local word = wc * (wc + cont)^0
-- The full walk and the steps of parse, for tests, made on first use (each
-- copies the grammar: LPeg builds a new tree for every operation):
-- * scanner: the parse nodes of a text, as tables; ungated, the same without
--   the gate (the gate only saves work);
-- * one: the same walk with the skipping done by sift.scan, which stops
--   only at digits, the copyright sign and words whose letters start a
--   phrase of the gate: there one step, a parse node and where it ends, or
--   where the skipped word ends (parse; collectnodes takes the same steps
--   inside one match).
local walks
-- unpacked(...) -- the node of these fields as a table: fields with the
-- codes of constant fields back as their names and values (konst)
local function unpacked(...)
  local args, out, n = { ... }, {}, 0
  local i, m = 1, select("#", ...)
  while i <= m do
    local f = KDEC[args[i]]
    if type(args[i]) == "number" and f then
      out[n + 1], out[n + 2] = f[1], f[2]
      i = i + 1
    else
      out[n + 1], out[n + 2] = args[i], args[i + 1]
      i = i + 2
    end
    n = n + 2
  end
  return prefilter_fields(table_unpack(out, 1, n))
end
local function walk()
  if not walks then
    local skip = (1 - (wc + P"\194"))^0
    local node = grp(pos, "s") * body * grp(pos, "e") / unpacked
    walks = { scanner = grammar(Ct((skip * (#gate * node + word + 1))^0)),
      ungated = grammar(Ct((skip * (node + word + 1))^0)), one = grammar(#gate * node * Cp() + (word + 1) * Cp()) }
  end
  return walks
end
local starts = {}
-- The start words whose every phrase is the word and a hyphen ("hours-"):
-- sift.scan passes over them unless a hyphen follows (scan.h, "dash").
local dashed = {}
do
  -- a word alone (any phrase that goes on otherwise), or the pairs of it
  -- and a whole second word ("the same", "a few")
  local alone, pairs_of, order, hyphen_only = {}, {}, {}, {}
  for _, w in ipairs(gatelist) do
    local first, rest = string_match(w, "^(%a+)(.*)$")
    if first then
      first = string_lower(first)
      if not pairs_of[first] then pairs_of[first], order[#order + 1] = {}, first end
      hyphen_only[first] = hyphen_only[first] ~= false and rest == "-"
      local second, after = string_match(rest, "^ (%a+)(.?)")
      if second and after ~= "" and not string_find(after, "%a") then
        pairs_of[first][#pairs_of[first] + 1] = first .. " " .. string_lower(second)
      elseif not (string_find(rest, "^ [^%a]") or string_find(rest, "^[^%a %$]")) then
        alone[first] = true
      end
    elseif w ~= "#" and w ~= "\194\169" then
      error("sift.grammar.date: a gate phrase that starts with no letter: " .. w)
    end
  end
  for _, first in ipairs(order) do
    if alone[first] or #pairs_of[first] == 0 then
      starts[#starts + 1] = first
      if hyphen_only[first] then dashed[#dashed + 1] = first end
    else
      for _, p in ipairs(pairs_of[first]) do starts[#starts + 1] = p end
    end
  end
end
-- The words that may follow a number and blanks in a date led by digits:
-- a month ("5 September"), "of" ("5th of May"), a list word ("3 and 4
-- May") and a unit ("3 days"). Digits followed by another word start no
-- date, and sift.scan skips them like a word (see scan.c, datedigits).
do
  local afterdigits = { "of" }
  for _, e in ipairs(monthentries) do afterdigits[#afterdigits + 1] = e[1] end
  for _, w in ipairs(LISTWORDS) do afterdigits[#afterdigits + 1] = w end
  for form in pairs(UNITS) do afterdigits[#afterdigits + 1] = form end
  starts = prefilter.words(starts, afterdigits, { dash = dashed })
end
-- nextdate(text, pos): the next candidate at or after pos, or nil: where
-- sift.scan stops and the phrases of follows (or, for digits, sift.cdate's
-- walk of the forms a date or count led by digits takes) let it through.
local nextdate
do
  local gated = {}
  for w, phrases in pairs(follows) do if phrases then gated[w] = phrases end end
  nextdate = cdate.finder(starts, { sets = GATESETS, words = gated, digits = true })
end

-- The parse nodes of text, in text order, and the number of candidates
-- nextdate let through that start no node (misses: for tests, as a miss
-- may cost the grammar a read to the end of a list).
local function parse(text)
  local one = walk().one
  local list, n, misses = {}, 0, 0
  local at = 1
  while true do
    local c = nextdate(text, at)
    if not c then break end
    local t, e = one:match(text, c)
    if e then
      n = n + 1
      list[n] = t
      at = e
    else
      misses = misses + 1
      at = t
    end
  end
  return list, misses
end

-- The parse nodes of text into sift.cdate's store, for records: one match
-- over the whole text, jumping from candidate to candidate (a match-time
-- capture calls nextdate, which gives the next candidate or fails at the
-- end), so LPeg is entered once a text, not once a candidate. The Lua gate
-- is not tried here: nextdate has let through only what sift.scan's start
-- words and follows allow, and the gate only saves work (the grammar
-- matches nowhere it refuses: the tests compare the walks with and without
-- it), so trying it again costs a second trie walk a candidate for nothing.
local collectall = grammar((Cmt(P(true), nextdate) * (cnode + word + 1))^0)
local function collectnodes(text)
  reset()
  collectall:match(text)
end

-- ------------------------------------------------------------ resolution

-- scan(text, anchor) -- the times in text, in text order (see README.md).
function M.scan(text, anchor)
  if type(text) ~= "string" then
    error("bad argument #1 to 'scan' (string expected, got " .. type(text) .. ")", 2)
  end
  if anchor ~= nil and type(anchor) ~= "table" then
    error("bad argument #2 to 'scan' (table or nil expected, got " .. type(anchor) .. ")", 2)
  end
  collectnodes(text)
  return records(text, anchor)
end

M.calendar = cal
M._parse = parse
M._next = nextdate
M._ci = ci
M._sets = SETS
setmetatable(M, { __index = function(_, k)
  if k == "_scanner" or k == "_ungated" then return walk()[string_sub(k, 2)] end
end })
return M
