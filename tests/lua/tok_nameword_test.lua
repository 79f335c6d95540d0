-- sift.tok.tokenize, given cue's nonames and particles sets, finds the name
-- words of a document (D.nw) while it tokenizes; cue's namewordof is the
-- definition (Doc._nameword). These check that the two agree on every token
-- (and the positions just outside the text) of every bundled document and
-- of hostile texts: particles joined by hyphens after accented letters,
-- capitals of Latin-1 and Latin Extended-A, hot words that start sentences
-- or stand in no sentence, long sentences, and bytes of no word.
local cue = require "sift.grammar.cue"

local function agree(text, sentences, label)
  local D = cue.analyse({ text = text, sentences = sentences })
  local bad = 0
  for t = 0, D.n + 1 do
    -- (cue.upper reads past the text's end for a capital's lead byte ending it: an error in Lua)
    local okd, want = pcall(D._nameword, D, t)
    if okd and want ~= (D.nw[t] == true) then
      bad = bad + 1
      if bad <= 3 then print(label, t, D.w[t], want) end
    end
  end
  eq(bad, 0, label)
end

test("tok nameword: C and namewordof agree on every bundled document", function()
  for _, name in ipairs({ "panjshir-2021", "varkesia-2023" }) do
    local corpus = assert(sift.load("corpus/" .. name))
    for _, doc in ipairs(corpus:documents()) do
      agree(doc.plain, doc:_plainsentences(), doc.id)
      agree(doc.plain, nil, doc.id .. " (own sentences)")
    end
  end
end)

test("tok nameword: hostile words and sentences", function()
  local pieces = { "al-Mardini", "Al-Mardini", "al-mardini", "bin-Laden", "ibn-Ali", "abc-Def", "ab-", "abc-",
    "éé-Xy", "ééé-Xy", "ÉÉ-Xy", "el-Émir", "el-émir", "de-Ölzer", "Ōtomo", "ōtomo", "Łódź", "Ţara", "ţara",
    "Said", "said", "Took", "The", "Fighting", "Spokesman", "ÀÉ", "Þór", "ßx", "×", "÷x", "Ÿves", "Ĳssel",
    "x-Ĳ", "al-", "-al", "Al-", "A-b", "ab-c", "abc-de", "d'Arc", "O'Neil", "’s", "'s", "1-Al", "US",
    "\195", "\195\128", "\196\128", "\197\191", "\226\128\148", "“Quoted”", ".", ",", "\n\n" }
  local x = 7
  local function rnd(n)
    x = (x * 1103515245 + 12345) % 2147483648
    return x % n + 1
  end
  for round = 1, 40 do
    local parts = {}
    for _ = 1, rnd(60) do parts[#parts + 1] = pieces[rnd(#pieces)] end
    local text = table.concat(parts, " ")
    -- sentences of the text's words, with gaps between some
    local sents, pos = {}, 1
    while pos <= #text do
      local e = math.min(#text, pos + rnd(40))
      if rnd(4) > 1 then sents[#sents + 1] = { s = pos, e = e, kind = "sentence" } end
      pos = e + 1 + rnd(3)
    end
    agree(text, sents, "round " .. round)
    agree(text, nil, "round " .. round .. " (own sentences)")
  end
  -- one long sentence of every piece, and each piece starting a sentence
  local long = table.concat(pieces, " ")
  agree(string.rep(long .. " ", 50), { { s = 1, e = 50 * (#long + 1), kind = "sentence" } }, "long")
  for i, p in ipairs(pieces) do
    agree(p .. " said " .. p .. ".", { { s = 1, e = #p + 6 + #p + 1, kind = "sentence" } }, "start " .. i)
  end
end)
