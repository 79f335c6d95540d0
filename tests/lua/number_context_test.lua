-- sift.grammar.number reads the context of its candidates in C
-- (sift.scan.context: the counted noun, the checks of bare numbers and of
-- number words, the word after a position, sentence starts, title-case
-- lines). This file keeps their definitions in Lua and compares the two at
-- every position of tricky texts and of texts pieced together from tricky
-- fragments (fixed seed).
local number = require "sift.grammar.number"
local scan = require "sift.scan"

local C = scan.context(number._classes)
local K = number._classes
local NOT_NOUN, DETS, PLURALS, COUNT_NOUNS, MONTHS, WEEKDAYS = K.not_noun, K.dets, K.plurals, K.count_nouns,
  K.months, K.weekdays
local DESIGNATORS, CAP_FUNCTION, ONE_PRONOUN, ONE_IDIOM, ONE_TIME, DURATION_PREP, FRACTIONS = K.designators,
  K.cap_function, K.one_pronoun, K.one_idiom, K.one_time, K.duration_prep, K.fractions
local string_byte, string_sub, string_find, string_match, string_lower, string_gmatch =
  string.byte, string.sub, string.find, string.match, string.lower, string.gmatch
local prev_word = scan.prevword -- (its own Lua definition is in grammar_scan_test.lua)
local ISWORD, ISBLANK = {}, { [32] = true, [9] = true }
for b = 48, 57 do ISWORD[b] = true end
for b = 65, 90 do ISWORD[b] = true end
for b = 97, 122 do ISWORD[b] = true end

-- The word after position e.
local function next_word(text, e)
  return string_match(text, "^[ \t]+([%a][%a%-']*)", e + 1)
end

-- True when the word after e is a fraction ("one third").
local function fraction(text, e)
  local w = next_word(text, e)
  return w ~= nil and FRACTIONS[string_lower(w)] == true
end

-- True when s starts a sentence: only blanks, quotes or brackets lie
-- between it and the start of the text, a newline or . ! ? : ;
local function sentence_start(text, s)
  local i = s - 1
  while i >= 1 do
    local b = string_byte(text, i)
    if ISBLANK[b] or b == 34 or b == 39 or b == 40 or b == 91 or b == 42 or b == 95 then
      i = i - 1
    elseif (b == 156 or b == 152) and string_byte(text, i - 1) == 128 and string_byte(text, i - 2) == 226 then
      i = i - 3
    else
      return b == 46 or b == 33 or b == 63 or b == 58 or b == 59 or b == 10
    end
  end
  return true
end

-- True when the line holding position s is written in title case (a
-- headline), where capitals say nothing about names.
local function title_line(text, s)
  local a = s > 600 and s - 600 or 1
  while true do
    local p = string_find(text, "\n", a, true)
    if not p or p >= s then break end
    a = p + 1
  end
  local line = string_match(text, "^[^\n]*", a)
  local up, low = 0, 0
  for w in string_gmatch(line, "%a+") do
    if #w >= 4 then
      if string_find(w, "^%u") then up = up + 1 else low = low + 1 end
    end
  end
  return up >= 3 and low <= up // 4
end

-- The counted noun after position e (after "of" and an article when
-- skip_of; the last word of the phrase when one is true).
local function noun_after(text, e, skip_of, one)
  local pos = e + 1
  if skip_of then
    local p = string_match(text, "^[ \t]+of[ \t]+()", pos)
    if p then
      pos = p - 1
      local d, p2 = string_match(text, "^[ \t]+(%a+)()", pos)
      if d and DETS[string_lower(d)] then pos = p2 end
    end
  end
  local got, first
  local after_of = pos ~= e + 1
  for _ = 1, 3 do
    local w, p = string_match(text, "^[ \t]+[\"\226\128\156]*([%a][%w%-]*)()", pos)
    if not w then w, p = string_match(text, "^\226\128\156([%a][%w%-]*)()", pos) end
    if not w or NOT_NOUN[string_lower(w)] then break end
    if got and (string_find(w, "ed$") or string_find(w, "ing$")) then break end
    if not one and (PLURALS[w] or string_find(w, "[^s']s$") or string_find(w, "men$")) then return w end
    got = w
    first = first or w
    pos = p
    if not string_find(text, "^[ \t]", p) then break end
  end
  if one then return got end
  if first and (after_of or string_find(first, "^%u")) then return first end
  return nil
end

local function is_year_like(d, scaled)
  return not scaled and #d == 4 and string_find(d, "^%d%d%d%d$") and tonumber(d) >= 1000 and tonumber(d) <= 2099
end

-- True when the bare number text[s, qe) (digits d, value v, a scale word
-- after the digits when scaled, a unit when unit) is not a quantity.
local function label_or_time(text, s, qe, d, v, scaled, unit)
  local nw = next_word(text, qe - 1)
  local lnw = nw and string_lower(nw)
  if not unit and is_year_like(d, scaled) then
    if lnw and COUNT_NOUNS[lnw] then return false end
    return true
  end
  if string_find(text, "^[ \t]*[AaPp]%.?[Mm]%f[^%w]", qe) then return true end
  if lnw and (lnw == "gmt" or lnw == "utc" or lnw == "o'clock" or lnw == "hrs" and #d == 4) then return true end
  if unit then return false end
  local mday = #d <= 2 and v >= 1 and v <= 31 and math.tointeger(v) ~= nil
  if mday then
    if nw and string_find(nw, "^%u") and MONTHS[lnw] then return true end
    local m2 = lnw == "of" and string_match(text, "^[ \t]+of[ \t]+(%u%a+)", qe)
      or lnw == "and" and string_match(text, "^[ \t]+and[ \t]+%d%d?[ \t]+(%u%a+)", qe)
    if m2 and MONTHS[string_lower(m2)] then return true end
  end
  if string_byte(text, s - 1) == 91 and string_byte(text, qe) == 93 then return true end
  local b1, b2 = string_byte(text, s - 2, s - 1)
  if s <= 2 or not (ISBLANK[b2] or b2 == 40 or b2 == 91) or not (ISWORD[b1] or b1 == 46 or ISBLANK[b1]
    or b1 == 40 or b1 >= 128) then
    return false
  end
  local pw, gap, praw, pat, poss = prev_word(text, s)
  local blank = gap and string_find(gap, "^[ \t]+$")
  if mday then
    if pw and blank and MONTHS[pw] and string_find(praw, "^%u") then return true end
    if pw and WEEKDAYS[pw] and string_find(gap, "^[ \t]*%($") then return true end
  end
  if pw and blank then
    if DESIGNATORS[pw] then return true end
    if string_find(praw, "^%u") and not poss and not CAP_FUNCTION[pw] and not string_find(d, "[,.]")
      and not MONTHS[pw] and not sentence_start(text, pat) and not title_line(text, s) then
      return true
    end
  end
  return false
end

-- True when the number words text[ns, ne) of the candidate text[s, e) are
-- not a quantity (one: a single word "one" may be, with no "and a half").
local function idiom(text, s, e, ns, ne, one)
  local first = string_match(text, "^%a+", ns) or ""
  if one and string_lower(first) == "one" then
    local pw = prev_word(text, s)
    local nw = next_word(text, ne - 1)
    nw = nw and string_lower(nw)
    if pw and ONE_PRONOUN[pw] then return true end
    if pw == "by" and string_find(string_sub(text, s - 8 > 0 and s - 8 or 1, s - 1), "[Oo]ne by%s+$") then
      return true
    end
    if string_find(text, "^['\226][\128-\255]*s", ne) then return true end
    if nw and ONE_IDIOM[nw] then return true end
    if nw and ONE_TIME[nw] and not (pw and DURATION_PREP[pw]) then return true end
    if nw == "of" or nw == "by" or nw == "or" and string_find(text, "^[ \t]+or[ \t]+another", ne) then
      return true
    end
  end
  if string_find(first, "^%u%l") and not sentence_start(text, s) then
    local nw = next_word(text, e - 1)
    if nw and string_find(nw, "^%u") and not title_line(text, s) then return true end
  end
  return false
end

local FRAGMENTS = { "the", "The", "a", "of", "Of", "of the", "of their", "and", "or", "or another", "by",
  "one", "One", "ONE", "one's", "one\226\128\153s", "one'", "no one", "one by one", "One by  one", "by\tone",
  "day", "Day", "for", "For", "one day", "for one day", "one of", "one hand", "people", "fighters", "men",
  "women", "Taliban", "taliban", "Mujahideen", "killed", "injured", "wounded", "commanders", "resistance",
  "bus's", "others'", "class", "well-armed", "\"quoted", "\226\128\156Taliban\226\128\157", "\226\128\156",
  "\226\128\152", "Five", "Lions", "Big", "Three", "five", "5", "12", "2021", "1,500", "3.5", "31", "0500",
  "1999", "[12]", "[", "]", "(", ")", "5 pm", "11 a.m.", "PM", "p.m", "amx", "GMT", "utc", "o'clock", "hrs",
  "September", "Sept", "sept", "Monday", "Monday (", "Article", "article", "No.", "Boeing", "In", "About",
  "Afghanistan's", "Kabul\226\128\153s", "U.S.", "e.g.", "third", "thirds", "Half", "half-", ".", ",", ";",
  ":", "!", "?", "*", "_", "'", "-", "\n", "\r\n", "\t", " ", "  ", "\194\160", "caf\195\169", "\255",
  "Strikes Hit Three Northern Districts", "Fighters Take Control Of Valley", "hours", "ing", "ed", "shouting",
  "armed", "Seized" }

local function pieced(n)
  local parts = {}
  for i = 1, n do
    parts[i] = FRAGMENTS[math.random(#FRAGMENTS)]
    if math.random(4) > 1 then parts[i] = parts[i] .. (math.random(5) == 1 and "" or " ") end
  end
  return table.concat(parts)
end

local TEXTS = { "", " ", "one", "no one said", "one by one", "One by one", "they came one by one", "one's own",
  "one of the men", "on one side", "for one day", "one day later", "one or another", "one or two",
  "the Five Lions came", "Strikes Hit Five Northern Villages Today", "5 pm", "at 11 a.m. today", "0500 GMT",
  "5 September", "3 and 4 September", "5 of September", "September 5", "Monday (5", "Article 5", "No. 10",
  "a Boeing 737", "In 2020", "About 20", "Afghanistan's 5 provinces", "[12]", "2000 people", "1999 was",
  "700 Taliban", "30 resistance commanders", "one Taliban fighter", "dozens of the fighters",
  "hundreds of their homes were", "5 \226\128\156armed\226\128\157 men", "5 \"quoted\" men" }

local function same(t)
  local n = #t
  for e = 0, n do
    eq(C.next(t, e), next_word(t, e), ("next %q %d"):format(t, e))
    eq(C.fraction(t, e), fraction(t, e), ("fraction %q %d"):format(t, e))
    for _, f in ipairs{ { false, false }, { true, false }, { false, true }, { true, true } } do
      eq(C.noun(t, e, f[1], f[2]), noun_after(t, e, f[1], f[2]), ("noun %q %d %s %s"):format(t, e, f[1], f[2]))
    end
  end
  local digits = { { "5", 5 }, { "12", 12 }, { "31", 31 }, { "32", 32 }, { "0", 0 }, { "5", 5.0 }, { "3.5", 3.5 },
    { "1,500", 1500 }, { "2021", 2021 }, { "1999", 1999 }, { "0500", 500 }, { "999", 999 }, { "2100", 2100 },
    { "5", 5000000 } }
  for s = 1, n + 1 do
    eq(C.sentence(t, s), sentence_start(t, s), ("sentence %q %d"):format(t, s))
    eq(C.title(t, s), title_line(t, s), ("title %q %d"):format(t, s))
  end
  for s = 1, n do
    for qe = s + 1, math.min(s + 5, n + 1) do
      local d = digits[math.random(#digits)]
      local scaled, unit = math.random(4) == 1, math.random(4) == 1
      eq(C.label(t, s, qe, d[1], d[2], scaled, unit), label_or_time(t, s, qe, d[1], d[2], scaled, unit),
        ("label %q %d %d %s %s %s %s"):format(t, s, qe, d[1], d[2], scaled, unit))
      local ns, ne = s + math.random(0, qe - s - 1), qe - math.random(0, 1)
      if ne <= ns then ne = qe end
      local one = math.random(3) > 1
      eq(C.idiom(t, s, qe, ns, ne, one), idiom(t, s, qe, ns, ne, one),
        ("idiom %q %d %d %d %d %s"):format(t, s, qe, ns, ne, one))
    end
  end
end

test("the context checks in C read what their Lua definitions read", function()
  math.randomseed(7)
  for _, t in ipairs(TEXTS) do same(t) end
  for _ = 1, 1500 do same(pieced(math.random(1, 10))) end
end)

test("title_line looks back at most 600 bytes for the start of its line", function()
  local long = ("word "):rep(150) .. "Strikes Hit Three Northern Districts"
  for _, t in ipairs{ long, "x\n" .. long, ("Alpha Bravo Charlie Delta "):rep(40) .. "\nthe end" } do
    for _, s in ipairs{ 1, 2, 300, 590, 600, 601, 602, 700, 750, #t, #t + 1 } do
      if s <= #t + 1 then eq(C.title(t, s), title_line(t, s), ("%d"):format(s)) end
    end
  end
end)

test("title keeps the last line's counts: any order of positions, texts in turn, GC", function()
  -- (C.title, label and idiom share counts of the last line they read)
  math.randomseed(11)
  local function text(n, nl)
    local parts = {}
    for i = 1, n do
      parts[i] = FRAGMENTS[math.random(#FRAGMENTS)]
      if math.random(nl) == 1 then parts[i] = parts[i] .. "\n" else parts[i] = parts[i] .. " " end
    end
    return table.concat(parts)
  end
  local texts = { text(600, 1000), text(600, 60), text(300, 5), ("Alpha Bravo 5 Charlie "):rep(60) .. "delta 7",
    ("the Boeing 737 and "):rep(80) .. "\n" .. ("The Boeing 737 And "):rep(80),
    ("some words here "):rep(80) .. ("Strikes Hit Three Northern Districts "):rep(30) .. "\nthe words 5" }
  for _, t in ipairs(texts) do
    local n = #t
    for s = 1, n + 1, 7 do eq(C.title(t, s), title_line(t, s), ("up %d"):format(s)) end
    for s = n + 1, 1, -5 do eq(C.title(t, s), title_line(t, s), ("down %d"):format(s)) end
    for _ = 1, 300 do
      local s = math.random(n + 1)
      eq(C.title(t, s), title_line(t, s), ("random %d"):format(s))
    end
  end
  for _ = 1, 600 do
    local t = texts[math.random(#texts)]
    local s = math.random(#t)
    if math.random(3) == 1 then
      eq(C.label(t, s, s + 1, "5", 5, false, false), label_or_time(t, s, s + 1, "5", 5, false, false), s)
    else
      eq(C.title(t, s), title_line(t, s), ("turns %d"):format(s))
    end
  end
  -- texts of one length made and dropped in turn: no counts of a dead text
  for i = 1, 300 do
    local t = (i % 3 == 0 and "Five Big Lions Came Home " or "five big lions came home ") .. ("x"):rep(i % 7)
    t = t .. ("x"):rep(40 - #t)
    for _, s in ipairs{ 1, 20, 41 } do eq(C.title(t, s), title_line(t, s), ("gc %d %d"):format(i, s)) end
    if i % 10 == 0 then collectgarbage() end
  end
end)

test("a long line of many numbers is read once: its records are those of its pieces", function()
  -- (reading the line again for each number took seconds for this one)
  local unit = "the Boeing 737 and "
  local piece = unit:rep(100)
  local long = piece:rep(200)
  local rs, ps = number.scan(long), number.scan(piece)
  eq(#ps, 100)
  eq(#rs, 200 * #ps)
  for j = 0, 199 do
    for i, p in ipairs(ps) do
      local r = rs[j * #ps + i]
      local off = j * #piece
      eq({ r.s - off, r.e - off, r.text, r.value, r.min, r.max, r.noun },
        { p.s, p.e, p.text, p.value, p.min, p.max, p.noun }, ("%d %d"):format(j, i))
    end
  end
end)

test("sift.scan.context refuses a class that is missing or a word that is too long", function()
  local classes = {}
  for k, v in pairs(number._classes) do classes[k] = v end
  classes.dets = nil
  raises(function() scan.context(classes) end, "no table of words 'dets'")
  classes.dets = { [("x"):rep(40)] = true }
  raises(function() scan.context(classes) end, "bad word")
end)
