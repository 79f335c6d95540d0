-- sift.grammar.name's manifest matches (step 2 of a scan finds the
-- manifest name at each token in C: sift.cname.gazmatches) against their
-- Lua definition below: per token, the longest manifest name whose first
-- capitalised word is the token's key, the words before that word read
-- back from the text and those after it forward, with its start, end and
-- possessive. Every token must agree, on the bundled corpora and on texts
-- generated from tricky pieces (and the presized tables of a scan).
local name = require "sift.grammar.name"

local key = name._lex.key

-- A possessive ending ("'s", "’s"): the length to cut.
local function posslen(w)
  local n = #w
  if string.byte(w, n) ~= 115 then return 0 end
  local b = string.byte(w, n - 1)
  if b == 39 then return 2 end
  if b == 153 and string.byte(w, n - 2) == 128 and string.byte(w, n - 3) == 226 then return 4 end
  return 0
end

-- The definition, over the token columns of text t (RE, the written end,
-- only where it is not TE) and the possessive flags of their marks (1 in
-- FL).
local function gazmatches(t, c)
  local rd = name._readers(t)
  local prevword, nextword = rd.prevword, rd.nextword
  local function nameword(q)
    local a, e, w = nextword(q)
    if not a or a == q then return nil end
    local pl = posslen(w)
    if pl > 0 then w = string.sub(w, 1, #w - pl) end
    return a, e + 1, w, pl, key(w)
  end
  local TS, TE, RE, TK, ADJ = c.TS, c.TE, c.RE, c.TK, c.ADJ
  local POSS = {}
  for i = 1, c.n do POSS[i] = c.FL[i] & 1 ~= 0 end
  local GZE, GZS, GZX, GZP = {}, {}, {}, {}
  local function match(i)
    local list = c.gfirst[TK[i]]
    if not list then return nil end
    for _, x in ipairs(list) do
      local s, e, poss, okay = TS[i], TE[i], POSS[i], true
      for l = x.lead - 1, 1, -1 do
        local a, _, w = prevword(s, 1)
        if not a or key(w) ~= x.ks[l] then okay = false; break end
        s = a
      end
      if okay and x.n > x.lead then
        if (POSS[i] and not (x.ps and x.ps[x.lead])) or ADJ[i] then okay = false end
        local q = (RE[i] or TE[i]) + 1
        for l = x.lead + 1, x.n do
          if not okay then break end
          local a, b, w, pl, kw = nameword(q)
          if not a then okay = false; break end
          local kx = x.ks[l]
          if kw ~= kx and not ((kw == "in" and kx == "of") or (kw == "of" and kx == "in")) then
            if string.byte(t, b) == 46 and key(w .. ".") == kx then b = b + 1 else okay = false end
          end
          if okay then
            e, q, poss = b - 1 - pl, b, pl > 0
            if poss and l < x.n and not (x.ps and x.ps[l]) then okay = false end
          end
        end
      end
      if okay then return x.e, s, e, poss end
    end
    return nil
  end
  for i = 1, c.n do
    local e0, s, e, poss = match(i)
    GZE[i] = e0 or false
    if e0 then GZS[i], GZX[i], GZP[i] = s, e, poss end
  end
  return { GZE = GZE, GZS = GZS, GZX = GZX, GZP = GZP }
end

-- The first difference between the C matches and the definition's for a
-- context, or nil. (The C matches are read at the tokens whose key may
-- start a manifest name, 8 in FL; at the others the definition finds none.)
local function differ(ctx, label)
  local c = name._gaz(ctx)
  local d = gazmatches(ctx.text, c)
  for i = 1, c.n do
    if c.FL[i] & 8 == 0 and (d.GZE[i] ~= false or c.GZE[i] ~= nil) then
      return ("%s: token %d (%s) skipped: %s"):format(label, i, tostring(c.TK[i]), tostring(d.GZE[i]))
    end
    for _, col in ipairs(c.FL[i] & 8 ~= 0 and { "GZE", "GZS", "GZX", "GZP" } or {}) do
      if c[col][i] ~= d[col][i] then
        return ("%s: token %d (%s) %s: %s, expected %s"):format(label, i, tostring(c.TK[i]), col,
          tostring(c[col][i]), tostring(d[col][i]))
      end
    end
  end
  return nil
end

test("the manifest matches agree with their Lua definition on the bundled corpora", function()
  local bad, found = {}, 0
  for _, cn in ipairs{ "panjshir-2021", "varkesia-2023" } do
    local corpus = assert(sift.load("corpus/" .. cn))
    local sides, declared = corpus:sides(), corpus:declared()
    for _, doc in ipairs(corpus:documents()) do
      local ctx = { text = doc.plain, sides = sides, declared = declared }
      local d = differ(ctx, cn .. "/" .. doc.id)
      if d then bad[#bad + 1] = d end
      for _, e in pairs(name._gaz(ctx).GZE) do if e then found = found + 1 end end
    end
  end
  eq(bad, {})
  eq(found > 100, true)
end)

-- Texts pieced together from the words of the manifest below, gaps,
-- possessives, dots and hostile pieces (a fixed seed: the same texts every
-- run).
local PIECES = {
  "Ahmad", "Massoud", "Massoud's", "Massoud’s", "Front", "Front's", "National", "Resistance", "of", "in",
  "Afghanistan", "Afghanistan's", "the", "The", "4th", "Mountain", "Brigade", "Brigade’s", "Gen", "Gen.",
  "Said", "al-Qaeda", "Qaeda", "US-backed", "Taliban-held", "Taliban", "Jr.", "É", "Ünal", "ÉCOLE", " ", " ",
  " ", " ", "\t", "\194\160", ". ", ".", "\n", ", ", "-", "'", "’", "\226\128\148", "(", ")", "9", "NRF",
  "NRF's", "Valley", "Panjshir", "s", "x", "Ахмад", "Гора", " Ahmad Massoud", " Ahmad Massoud's ",
  " National Resistance Front in Afghanistan", " the 4th Mountain Brigade", " Gen. Said", " Gen Said.",
  " Massoud Front’s ", " Ахмад Гора ", " Ünal ÉCOLE", " Panjshir Valley's",
  " National Resistance's Front", " 4th Mountain’s Brigade",
}

test("the manifest matches agree with their Lua definition on generated texts", function()
  local sides = { { id = "nrf", label = "National Resistance Front", aliases = { "NRF", "the resistance",
    "National Resistance Front of Afghanistan" } } }
  local declared = { { name = "Ahmad Massoud", kind = "person", side = "nrf" },
    { name = "Panjshir Valley", kind = "place" }, { name = "Taliban", kind = "org" },
    { name = "4th Mountain Brigade", kind = "org" }, { name = "the Mountain Brigade", kind = "org" },
    { name = "Gen. Said", kind = "person" }, { name = "Massoud Front", kind = "org" },
    { name = "al-Qaeda", kind = "org" }, { name = "Ахмад Гора", kind = "place" },
    { name = "Ünal ÉCOLE", kind = "org" } }
  local seed = 1717
  local function rand(k)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k + 1
  end
  local bad, found = {}, 0
  for _ = 1, 3000 do
    local parts = {}
    for k = 1, rand(30) do parts[k] = PIECES[rand(#PIECES)] end
    local t = table.concat(parts)
    if utf8.len(t) then
      local ctx = { text = t, sides = sides, declared = declared }
      local d = differ(ctx, ("%q"):format(t))
      if d then bad[#bad + 1] = d; if #bad >= 5 then break end end
      for _, e in pairs(name._gaz(ctx).GZE) do if e then found = found + 1 end end
    end
  end
  eq(bad, {})
  eq(found > 500, true)
end)

test("the manifest matches hold on long and hostile texts", function()
  local sides = { { id = "a", label = "Long Name Front" } }
  local declared = { { name = "Long Name", kind = "person" } }
  for _, t in ipairs{
    string.rep("Long ", 20000), string.rep("Long Name ", 5000) .. "Long", string.rep("Long  Name\194\160", 3000),
    string.rep("Long’s Name ", 3000), "Long" .. string.rep(" ", 10000) .. "Name", string.rep("É", 5000),
    string.rep("Long Name Front. ", 2000),
  } do
    eq(differ({ text = t, sides = sides, declared = declared }, "hostile"), nil)
  end
end)

test("the manifest matches refuse bad arguments", function()
  local cname = require("sift.cname")
  local gm = cname.gazmatches
  local tokens = cname.tokenizer("", {}, {}, {}, {}, {})
  local function go(gfirst, text)
    local TK = {}
    local _, toks = tokens(text or "Ab cd", {}, function(w) return w:lower() end, {}, {}, {}, TK, {}, {},
      function() return 0 end, {})
    return pcall(gm, toks, TK, gfirst, {}, function(w) return w end, {}, {}, {}, {})
  end
  eq(go({}), true)
  eq((go({ ab = { 5 } })), false)
  eq((go({ ab = { { lead = "x", n = 1, ks = {} } } })), false)
  eq((go({ ab = { { lead = 1, n = 2, ks = 3 } } })), false)
  eq(go({ ab = { { lead = 1, n = 2, ks = { "ab", "cd" }, e = 7 } } }), true)
  -- a name whose first words lie before the text, or after it
  eq(go({ ab = { { lead = 2, n = 2, ks = { "x", "ab" }, e = 7 } } }), true)
  eq(go({ ab = { { lead = 1, n = 3, ks = { "ab", "cd", "x" }, e = 7 } } }, "x Ab"), true)
  -- only a tokenizer's token set
  eq((pcall(gm, {}, {}, {}, {}, function(w) return w end, {}, {}, {}, {})), false)
end)

test("the manifest matches skip the tokens whose key the marks found to start no name", function()
  local cname = require("sift.cname")
  local tokens = cname.tokenizer("", {}, {}, {}, {}, {})
  local marker = cname.marker({}, {})
  local TK = {}
  local _, toks = tokens("Ab cd Ab", {}, function(w) return w:lower() end, {}, {}, {}, TK, {}, {},
      function() return 0 end, {})
  local gfirst = { ab = { { lead = 1, n = 1, ks = { "ab" }, e = 7 } } }
  -- (without the marks, every token is looked up)
  local GZE, GZS = {}, {}
  cname.gazmatches(toks, TK, gfirst, {}, function(w) return w end, GZE, GZS, {}, {})
  eq(GZE, { 7, 7 })
  eq(GZS, { 1, 7 })
  -- marks over a manifest where no name starts with "ab": both skipped,
  -- nothing written
  local FL = {}
  marker(toks, TK, { { s = 1, e = 8 } }, {}, {}, {}, FL, {}, {})
  eq(FL, { 128 + 2 + 32, 128 })
  GZE, GZS = {}, {}
  cname.gazmatches(toks, TK, gfirst, {}, function(w) return w end, GZE, GZS, {}, {})
  eq(GZE, {})
  eq(GZS, {})
  -- and where one may (8 in FL): found
  marker(toks, TK, { { s = 1, e = 8 } }, {}, {}, gfirst, FL, {}, {})
  eq(FL, { 128 + 2 + 32 + 8, 128 + 8 })
  cname.gazmatches(toks, TK, gfirst, {}, function(w) return w end, GZE, GZS, {}, {})
  eq(GZE, { 7, 7 })
end)

test("a scan's presized tables are plain tables and refuse bad sizes", function()
  local newtable = require("sift.cname").newtable
  local t = newtable(4, 8)
  t[1], t.x = 1, 2
  eq(#t, 1)
  eq(t.x, 2)
  eq(next(newtable(0, 0)), nil)
  eq((pcall(newtable, -1, 0)), false)
  eq((pcall(newtable, 0, 1 << 30)), false)
end)
