-- sift.grammar.cue tokenizes with sift.tok (C); cue.tokenize_lua is the
-- definition (an LPeg pattern and a Lua loop). This checks that the two give
-- the same arrays on tricky strings, on texts pieced together from tricky
-- fragments and hostile bytes (fixed seed), on every byte pair a folded word
-- can hold, and on every document of the bundled corpora. Also checks
-- cue._paragraphs, the paragraph starts found by a line-break search.
local cue = require "sift.grammar.cue"
local tok = require "sift.tok"

local hotset = cue.compile().hot

local function same(text, hot)
  local a = table.pack(cue.tokenize(text, hot))
  local b = table.pack(cue.tokenize_lua(text, hot))
  eq(a, b, string.format("%q", text))
end

-- Words hot only before given words (sets of next words), of every kind.
local nexthot = { said = { the = true, ["'s"] = true, ['"'] = true, [","] = true }, the = { spokesman = true,
  ["1,000"] = true, said = true }, spokesman = {}, told = { ["'"] = false, ["\226\128\148"] = true, ["-"] = true },
  according = { to = true }, zarek = { ["'s"] = true }, a = true, s = { x = true } }

local TRICKY = {
  "", " ", "  \t\r\n ", "word", "Word", "WORD", "a", "'", '"', "'s", "’s", "s",
  "Zarëk’s fighters, “1,000” anti-Taliban", "“Quoted,” he said. ‘Single,’ she said. «Guillemets» „Low“",
  "\"straight\" and 'single' quotes", "the Taliban's claim", "the TALIBAN'S claim", "James' car", "its'",
  "the boss's", "the bosses'", "it's", "don't", "o'clock", "rock'n'roll", "’tis", "Ma’am’s", "X’S",
  "'s'", "'ss", "’sé", "’s-", "'s1", "a's", "a'", "a'-b", "a-'b", "a--b", "-a-", "anti-Taliban",
  "well-known-ish", "self-", "-self", "1,000.5", "1,000,000", "1.", "1,", ",1", "1.5.6", "1,2x-y", "1990s",
  "1990s-era", "12-15", "3.5bn", "$20m", "20-", "1-", "1-a", "a1", "AK-47", "100%", "#3",
  "Sendova Kaçeli", "ŞENDOVA", "ÀÉÎÕÜ àéîõü ÿ Ÿ ß Þ þ Æ æ Œ œ Ĳ ĳ Ł ł ſ", "× ÷ multiply×divide÷",
  "caf\195\169", "na\195\175ve", "Łódź", "Đakovo", "Ørsted", "ḍ", "中文", "日本語テキスト", "русский",
  "ελληνικά", "emoji 😀 here", "😀😀", "a\194\160b", "a \194\160b", "a\194\160 b", "a\226\128\137b",
  "a \226\128\137b", "a\226\128\175b", "a\226\128\128\226\128\138b", "a\226\128\139b", "a\12b",
  "a \12b", "a\11\11b", "a\0b", "\0", "x—y – z − w … v", "a‐b", "“", "”", "„", "«", "»", "‘", "’",
  "–", "—", "−", "…", "\226\128", "\226", "\194", "\195", "\195\195\128", "\128", "\191abc", "\255",
  "\192\128", "\193\191", "\245\128\128", "\244\143\191\191", "\240\159", "abc\226\128\153",
  "abc\226\128\153s", "abc\226\128\153S", "abc\226\128\153sx", "abc\226\128\153t", "a'\226\128\153b",
  "\226\128\152quoted\226\128\153", "end.", "end...", "(parenthesis)", "[b]", "a/b", "a_b", "a.b",
  "A.B.C.", "e-mail", "U.S.", "dr. Smith", "according to officials, who said", "said the spokesman",
}

local FRAGMENTS = { "the", "The", "a", "said", "Said", "told", "spokesman", "according", "to", "1,000",
  "1.5", "1990s", "AK-47", "anti-Taliban", "Zarëk", "’s", "'s", "'", "’", "‘", "“", "”", '"', "«", "»",
  "„", "—", "–", "−", "…", "-", ",", ".", ":", ";", "(", ")", "\194\160", "\226\128\137", "\226\128\175",
  "\226\128\139", "\n", "\r\n", "\t", "\12", "\11", " ", "  ", "\195\169", "É", "ß", "Ÿ", "×", "\128",
  "\255", "\194", "\226", "\226\128", "\240\159\152\128", "中", "s", "S", "x", "don't", "o'", "0", "9" }

local function pieced(n)
  local parts = {}
  for i = 1, n do
    parts[i] = FRAGMENTS[math.random(#FRAGMENTS)]
    if math.random(3) == 1 then parts[i] = parts[i] .. " " end
  end
  return table.concat(parts)
end

test("tokenize: C and Lua agree on tricky strings", function()
  for _, t in ipairs(TRICKY) do
    same(t)
    same(t, hotset)
  end
  same("He said, the spokesman told them", { said = true, told = false, spokesman = 1 })
  for _, t in ipairs(TRICKY) do same(t, nexthot) end
  same("He said the spokesman said, the said", nexthot)
  local _, _, _, _, _, _, hot = tok.tokenize("He said the spokesman said, the said", nexthot)
  eq(hot, { 2, 3, 5, 7 })
end)

test("tokenize: C and Lua agree on pieced and random texts", function()
  math.randomseed(5)
  for _ = 1, 5000 do same(pieced(math.random(1, 25)), hotset) end
  for _ = 1, 5000 do same(pieced(math.random(1, 25)), nexthot) end
  for _ = 1, 2000 do
    local b = {}
    for i = 1, math.random(1, 12) do b[i] = string.char(math.random(0, 255)) end
    same(table.concat(b), hotset)
  end
end)

test("tokenize: C and Lua agree on every byte pair and triple in a word", function()
  for b1 = 0, 255 do
    for b2 = 0, 255 do
      local pair = string.char(b1, b2)
      eq(tok.fold(pair), cue.fold(pair), string.format("fold %q", pair))
      same("x" .. pair .. "s x" .. pair .. " " .. pair)
    end
  end
  for b2 = 128, 191 do
    for b3 = 0, 255 do
      local t = string.char(226, b2, b3)
      same("a" .. t .. "s " .. t .. "s" .. t)
    end
  end
  local long = string.rep("Ça’Ã", 200)
  eq(tok.fold(long), cue.fold(long))
  same(long .. " " .. long .. "’s")
end)

test("tokenize: C and Lua agree on every bundled document", function()
  for _, name in ipairs({ "panjshir-2021", "varkesia-2023" }) do
    local corpus = assert(sift.load("corpus/" .. name))
    for _, doc in ipairs(corpus:documents()) do
      same(doc.text, hotset)
      if doc.title then same(doc.title, hotset) end
      if doc.source then same(doc.source) end
    end
  end
end)

test("tokenize: arguments", function()
  raises(function() tok.tokenize() end, "bad argument #1 to 'tokenize'")
  raises(function() tok.fold({}) end, "bad argument #1 to 'fold'")
  eq(table.pack(tok.tokenize("")), table.pack(0, {}, {}, {}, {}, {}, {}, {}))
end)

-- The paragraph starts as the plain pattern search finds them.
local function paragraphs_ref(text)
  local starts, pos = { 1 }, 1
  while true do
    local _, e = text:find("\n[ \t\r]*\n%s*", pos)
    if not e then break end
    starts[#starts + 1] = e + 1
    pos = e + 1
  end
  return starts
end

test("paragraphs: the line-break search finds what the pattern search finds", function()
  local cases = { "", "\n", "\n\n", "a\n\nb", "a\n \t\r\n  b\n\n\n", "a\nb\n", "\n \n \n", "a\r\n\r\nb" }
  math.randomseed(7)
  local bits = { "a", " ", "\t", "\r", "\n", "\n\n", "\12", "word " }
  for _ = 1, 2000 do
    local b = {}
    for i = 1, math.random(0, 20) do b[i] = bits[math.random(#bits)] end
    cases[#cases + 1] = table.concat(b)
  end
  for _, name in ipairs({ "panjshir-2021", "varkesia-2023" }) do
    for _, doc in ipairs(assert(sift.load("corpus/" .. name)):documents()) do
      cases[#cases + 1] = doc.text
      cases[#cases + 1] = doc.plain
    end
  end
  for _, t in ipairs(cases) do eq(cue._paragraphs(t), paragraphs_ref(t), string.format("%q", t)) end
end)

-- sift.tok.map (C) against cue.map_lua (the definition) for one text.
local function samemap(text, sentences, times, quantities, label)
  local n, ts, _, _, _, _, hot = cue.tokenize(text, hotset)
  local D = setmetatable({ n = n, ts = ts, hot = hot, text = text }, cue.Doc)
  local a = table.pack(tok.map(ts, n, sentences, hot, times, quantities))
  local b = table.pack(cue.map_lua(D, sentences, times, quantities))
  eq(a, b, label or string.format("%q", text))
  -- the same from tokenize, after its usual results
  local c = table.pack(cue.tokenize(text, hotset, sentences, times, quantities))
  eq(table.pack(table.unpack(c, 9, c.n)), b, label or string.format("%q", text))
  eq(table.pack(table.unpack(c, 1, 8)), table.pack(cue.tokenize(text, hotset)), label or string.format("%q", text))
end

test("map: C and Lua agree on sentences, times and quantities by token", function()
  local number = require "sift.grammar.number"
  local date = require "sift.grammar.date"
  for _, name in ipairs({ "panjshir-2021", "varkesia-2023" }) do
    for _, doc in ipairs(assert(sift.load("corpus/" .. name)):documents()) do
      local text = doc.plain
      samemap(text, doc:_plainsentences(), date.scan(text), number.scan(text), doc.id)
    end
  end
  -- spans between tokens, past the end, unsorted, overlapping, empty; durations
  local text = "  Fighters took  the pass on 6 September,  killing 40.  \n\nThe end "
  local cases = {
    { {}, {}, {} },
    { { { s = 1, e = #text } }, { { s = 3, e = 10, kind = "date" } }, { { s = 30, e = 30 } } },
    { { { s = 1, e = 20 }, { s = 10, e = 40, kind = "headline" }, { s = 41, e = 41 }, { s = 60, e = 200 } },
      { { s = 29, e = 39, kind = "duration" }, { s = 2, e = 2 }, { s = 50, e = 55 }, { s = 29, e = 35 },
        { s = 300, e = 400 } },
      { { s = 51, e = 52 }, { s = 1, e = 1 }, { s = 45, e = 52 }, { s = 29, e = 29 }, { s = 0, e = 0 } } },
    { { { s = 5, e = 4 }, { s = 3, e = 3 }, { s = 2, e = 8 } }, { { s = 4, e = 3 } }, { { s = 9, e = 8 } } },
  }
  for i, c in ipairs(cases) do samemap(text, c[1], c[2], c[3], "case " .. i) end
  samemap("", {}, {}, {}, "empty")
  samemap("", { { s = 1, e = 0 } }, { { s = 1, e = 1 } }, { { s = 1, e = 1 } }, "empty with spans")
  samemap("a b c", { { s = 1, e = 5 } }, { { s = 1.5, e = 2.5 } }, { { s = 2.5, e = 3.5 } }, "fractions")
  local ok, err = pcall(tok.map, {}, 0, { { s = "1", e = 2 } }, {}, {}, {})
  assert(not ok and err:find("no number"), err)
  -- a token count beyond the starts given is refused, not read past them
  for _, n in ipairs{ 3, math.maxinteger, math.maxinteger // 8 + 1 } do
    ok, err = pcall(tok.map, { 1, 3 }, n, { { s = 1, e = 4 } }, {}, {}, {})
    assert(not ok and err:find("more tokens than starts"), tostring(err))
  end
end)
