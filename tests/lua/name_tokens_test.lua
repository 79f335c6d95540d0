-- sift.grammar.name's tokenizer (step 1 of a scan, in C: sift.cname)
-- against its Lua definition below: the LPeg scanner of name.lua and the
-- loop that normalised each capitalised word (possessives, hyphen
-- prefixes, linked adjectives and era words, abbreviation dots, particles
-- before a hyphen). Every column of every token must agree, on tricky
-- texts and on texts generated from tricky pieces.
local name = require "sift.grammar.name"

local L = name._lex
local HPREFIX, HYPHEN_END, LINKED, ABBR, HYPHEN_PARTICLE = L.HPREFIX, L.HYPHEN_END, L.LINKED, L.ABBR,
  L.HYPHEN_PARTICLE
local key = L.key

local function isupperbyte(b) return b ~= nil and b >= 65 and b <= 90 end
-- The byte at k, nil before the text (string.byte would count from its end).
local function byteat(text, k) return k >= 1 and string.byte(text, k) or nil end

-- The definition: the scan's step 1 as Lua over the scanner's captures.
local function tokens(text)
  local TS, TE, RE, TK, POSS, ADJ = {}, {}, {}, {}, {}, {}
  local raw = L.scanner:match(text)
  local N = #text
  local n = 0
  local hy = 0 -- the first hyphen at or after the token's start (N + 1: none)
  for t = 1, #raw // 2 do
    local s, w = raw[2 * t - 1], raw[2 * t]
    local e = s + #w - 1
    local re = e
    local poss, adj, drop = false, nil, false
    local b0 = string.byte(text, s - 1)
    if b0 and ((b0 >= 97 and b0 <= 122) or (b0 >= 48 and b0 <= 57) or (b0 >= 65 and b0 <= 90)
      or (b0 >= 128 and b0 < 192 and byteat(text, s - 3) ~= 226 and byteat(text, s - 2) ~= 194)) then
      drop = true -- a capital inside a word
    end
    local blast, bnext = string.byte(text, e, e + 1) -- the word's last byte, the byte after it
    if blast == 115 then -- a possessive "'s", "’s"
      local b = string.byte(w, #w - 1)
      local pl = b == 39 and 2 or (b == 153 and string.byte(w, #w - 2) == 128 and 4) or 0
      if pl > 0 and #w > pl then e = e - pl; poss = true; w = string.sub(w, 1, #w - pl) end
    end
    -- hyphens: "Anti-Taliban" -> "Taliban"; "Taliban-held" -> "Taliban"
    -- (an adjective); "Soviet-era" -> nothing; "Sahib-e" stays
    if hy < s then hy = string.find(text, "-", s, true) or N + 1 end
    if hy <= e then
      local pre = string.match(w, "^(%a+)%-[%u\195-\223]")
      if pre and HPREFIX[string.lower(pre)] then
        s = s + #pre + 1
        w = string.sub(w, #pre + 2)
      end
      local h, rest = string.match(w, "()%-(%l[%l]*)$")
      if not h then h, rest = string.match(w, "()%-(%l[%l]*)%-") end
      if h and not HYPHEN_END[rest] then
        if LINKED[rest] then
          adj = rest
          e = s + h - 2
          w = string.sub(text, s, e)
          poss = false
        else
          drop = true
        end
      end
    end
    if not poss and not adj and bnext == 46 then -- "." (e is still the word's end)
      if (#w == 1 and isupperbyte(string.byte(w)) and string.byte(text, e + 2) == 32
          and isupperbyte(string.byte(text, e + 3))) or ABBR[w] then
        e = e + 1; re = e; w = w .. "."
      end
    end
    -- "al-Qaeda": a particle before the hyphen joins the name
    if b0 == 45 then
      local pw = string.match(string.sub(text, s > 8 and s - 8 or 1, s - 2), "%f[%a](%l+)$")
      if pw and HYPHEN_PARTICLE[pw] then
        s = s - #pw - 1
        w = string.sub(text, s, e)
      end
    end
    if not drop and e >= s then
      n = n + 1
      TS[n], TE[n], RE[n], TK[n], POSS[n], ADJ[n] = s, e, re, key(w), poss, adj
    end
  end
  return { n = n, TS = TS, TE = TE, RE = RE, TK = TK, POSS = POSS, ADJ = ADJ }
end

-- The first difference between the C columns and the definition's, or nil
-- (the C possessive flags are the token set's: the marks write them to FL,
-- as 1 in the sum; the C written ends are in RE only where they are not
-- TE).
local function differ(text)
  local a, b = name._marks({ text = text, sentences = { { s = 1, e = #text } } }), tokens(text)
  a.POSS = {}
  for i = 1, a.n do
    a.POSS[i] = a.FL[i] & 1 ~= 0
    -- (the written end only where a possessive or an adjective is cut, 17 in FL)
    if (a.RE[i] ~= nil) ~= (a.FL[i] & 17 ~= 0) then
      return ("%q: token %d RE: %s"):format(text, i, tostring(a.RE[i]))
    end
    a.RE[i] = a.RE[i] or a.TE[i]
    -- (the word list bits of each token's key: kinfo's)
    if a.CL[i] ~= name._lex.kinfo(a.TK[i]) then
      return ("%q: token %d CL: %s, expected %s"):format(text, i, tostring(a.CL[i]), tostring(name._lex.kinfo(a.TK[i])))
    end
  end
  if a.n ~= b.n then return ("%q: %d tokens, expected %d"):format(text, a.n, b.n) end
  for i = 1, a.n do
    for _, col in ipairs{ "TS", "TE", "RE", "TK", "POSS", "ADJ" } do
      if a[col][i] ~= b[col][i] then
        return ("%q: token %d (%s) %s: %s, expected %s"):format(text, i, tostring(b.TK[i]), col,
          tostring(a[col][i]), tostring(b[col][i]))
      end
    end
  end
  return nil
end

local TRICKY = {
  "", "A", "a", "Ab", "AB.", "U.S.", "U.S", "U.S.A. troops", "A. B. Carter", "A.B", "É", "Éa", "Ünal's",
  "The Taliban's men, Taliban’s, Taliban-held, US-backed Kabul-born Soviet-era Sahib-e anti-Taliban",
  "Anti-Taliban Pro-Kremlin Non-Aligned Ex-President Co-Founder Un-American Anti-taliban ANTI-Taliban",
  "al-Qaeda el-Sisi bin-Laden Abu-Bakr x-Ray ab-Ray xal-Qaeda Dal-Qaeda 9al-Qaeda abcdefghal-Qaeda",
  "Gen. Dr. Mr. Mrs. St. Mt. Co. Inc. Jr. Sr. X. Y. Z. Gen.X A. b. A.  B. Prof.'s Gen's.",
  "Jabul-Saraj O'Brien O’Brien Ole’s Ole's 'A A' Ab- -Ab- 'Quote' A-'B A-’B A--B A-b-c A-b-C",
  "iPhone eBay McDonald's 4th-Brigade AK-47 x\194\160Y \194\160Z 9A aB \226\128\156Quote\226\128\157 —Dash",
  "ÉCOLE Zürich Ωmega ΑΘΗΝΑ Москва Ǎb Ȑa Ș Ț Ÿes Ŀa ŀa İstanbul ı \199\141b",
  "Taliban-held's Taliban's-held X-era-Y X-held-Z Soviet-era's X-e X-ul X-born-again X-style",
  "Kabul’s Kabul\226\128\153 A\227\128\153s A\153\128s 's X's Xs's X'ss Aęs Abęs Aę's Ać\128\153s",
  "\128A \191A \194A é\128A —A \226\128\148A \194\160A",
  -- a capital at byte 2 after a lone continuation byte: nothing before the
  -- text, whatever its last bytes are
  "\128A x\226", "\128A \194", "\191Ab Cd \226\128\148",
}

test("the tokenizer agrees with its Lua definition on tricky texts", function()
  local bad = {}
  for _, t in ipairs(TRICKY) do
    local d = differ(t)
    if d then bad[#bad + 1] = d end
  end
  eq(bad, {})
end)

-- A capital at byte 2 after a lone continuation byte is inside a word,
-- whatever the text's last bytes are (before the text there is no byte).
test("the tokenizer reads no byte before the text", function()
  eq(name._tokens("\128A x\226").n, 0)
  eq(name._tokens("\128A \194").n, 0)
  eq(name._tokens("\128A x").n, 0)
end)

-- Texts pieced together from words, joiners, blanks and punctuation that
-- the loop treats specially (a fixed seed: the same texts every run).
local PIECES = {
  "A", "Ab", "Taliban", "Kabul", "É", "Ünal", "Ωmega", "Москва", "ÉCOLE", "KABUL", "U", "S", "Gen", "Dr", "Mr",
  "St", "Co", "al", "el", "bin", "abu", "anti", "Anti", "pro", "Pro", "co", "held", "born", "era", "e", "ul",
  "style", "backed", "x", "ab", "abcdefgh", "s", "9", "47", "'", "’", "-", "-", "-", ".", ".", ",", " ", " ",
  " ", "  ", "\t", "\194\160", "\n", "\226\128\148", "\226\128\156", "\128", "\195", "é", "ę", "\227\128\153", "(", ")",
  ":",
}

test("the tokenizer agrees with its Lua definition on generated texts", function()
  local seed = 12345
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local bad = {}
  for _ = 1, 3000 do
    local parts = {}
    for k = 1, rand(14) do parts[k] = PIECES[rand(#PIECES)] end
    local t = table.concat(parts)
    local d = differ(t)
    if d then bad[#bad + 1] = d; if #bad >= 5 then break end end
  end
  eq(bad, {})
end)

-- The tokenizer passes over bytes that start no word eight at a time: a
-- word after runs of every length, at every offset, is found all the same
-- (and the bytes next to the capitals, "@", "[", are passed over).
test("the tokenizer finds the words after runs of plain bytes", function()
  local bad = {}
  for pad = 0, 20 do
    for _, m in ipairs{ "A", "Z", "É", "\226\128\156Q", "@", "[", "`", "{", "\127" } do
      local t = string.rep("x", pad) .. " " .. m .. "b " .. string.rep("y ", pad) .. m .. "c" .. string.rep("z", pad)
      local d = differ(t)
      if d then bad[#bad + 1] = d end
    end
    eq(name._tokens(string.rep("x", pad) .. " Ab" .. string.rep("@[", pad) .. " Z").n, 2)
  end
  eq(bad, {})
end)
