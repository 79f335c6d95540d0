-- sift.grammar.name: the cases of tests/data/grammar/names.lua (one test
-- each: add cases there, not here), properties every mention has, argument
-- checks, and precision and recall against the gold mentions of the
-- bundled corpora (tests/gold/<corpus>.json).
local name = require "sift.grammar.name"
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

local CASES = "tests/data/grammar/names.lua"
local KINDS = { person = true, org = true, place = true, group = true, other = true }
local CUES = { declared = true, side = true, title = true, role = true, ["place-cue"] = true, ["org-cue"] = true,
  capitalised = true }
-- What each corpus must reach: mentions with the exact span (precision,
-- recall), mentions overlapping a gold one, and the kind and side of the
-- overlapping ones. Set at levels reached, a little below.
local GOLD = {
  ["panjshir-2021"] = { exact = 0.97, overlap = 0.97, kind = 0.97, side = 0.95 },
  ["varkesia-2023"] = { exact = 0.90, overlap = 0.95, kind = 0.97, side = 0.95 },
}

local readfile = testing.readfile

-- (the case file is plain data: a chunk that returns a table)
local data = testing.data(CASES)

-- The document context of grammar/README.md, built here from the doc
-- handle so these tests need no other extractor.
local function context(doc, sides, declared)
  local corpus = doc.corpus
  local text = doc.plain
  local ctx = {
    text = text,
    doc = { id = doc.id, source = doc.source, kind = doc.kind, published = doc.published },
    sides = sides or corpus:sides(), declared = declared or corpus:declared(),
    sentences = doc:_plainsentences(),
  }
  ctx.quantities = number.scan(text)
  ctx.times = date.scan(text, doc.published and { value = doc.published, kind = "published" } or nil)
  return ctx
end

-- A manifest of the case file with its alias lists marked as arrays (an
-- empty table would be written as a JSON object).
local arrays = setmetatable({}, { __mode = "k" })
local function fixture(m)
  if arrays[m] then return arrays[m] end
  local out = { sides = m.sides, entities = {} }
  for i, e in ipairs(m.entities or {}) do
    local copy = {}
    for k, v in pairs(e) do copy[k] = v end
    copy.aliases = setmetatable({ table.unpack(e.aliases or {}) }, sift.json.array_mt)
    out.entities[i] = copy
  end
  arrays[m] = out
  return out
end

-- The context of one case: its text as a document of a fixture corpus
-- with the case file's manifest (or the case's own).
local function casecontext(case)
  local text, c = case[1], case[3] or {}
  local m = fixture(c.manifest or data.manifest)
  local d = { id = "case", text = text, published = c.published or "2023-03-14", kind = c.kind or "news",
    source = c.source or "Wire" }
  local corpus = testing.corpus{ d, sides = m.sides, entities = m.entities }
  return context(corpus:document("case"))
end

local function show(ms)
  local parts = {}
  for i, m in ipairs(ms) do
    parts[i] = ("%q %s/%s"):format(m.text, m.kind, tostring(m.side))
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function diff(got, want) return testing.differences(got, want, { noun = "mention", show = show }) end

for i, c in ipairs(data.cases) do
  test(("case %d: %q"):format(i, c[1]:sub(1, 70)), function()
    eq(diff(name.scan(casecontext(c)), c[2]), {})
  end)
end

-- Every mention spans its text, has a known kind and cue, a key that is
-- sift.key of its text, a side of the manifest or none, a declared name or
-- none; mentions come in text order and do not overlap.
local function wellformed(ctx, ms, where)
  local bad = {}
  local sides, decls = {}, {}
  for _, s in ipairs(ctx.sides) do sides[s.id] = true end
  for _, d in ipairs(ctx.declared) do decls[d.name] = true end
  local last = 0
  for _, m in ipairs(ms) do
    local why
    if ctx.text:sub(m.s, m.e) ~= m.text then why = "text is not text:sub(s, e)"
    elseif m.s <= last then why = "overlaps or precedes the mention before"
    elseif not KINDS[m.kind] then why = "kind " .. tostring(m.kind)
    elseif not CUES[m.cue] then why = "cue " .. tostring(m.cue)
    elseif m.key ~= sift.key(m.text) then why = "key is not sift.key(text)"
    elseif m.side ~= nil and not sides[m.side] then why = "side " .. tostring(m.side)
    elseif m.decl ~= nil and not decls[m.decl] then why = "decl " .. tostring(m.decl)
    elseif m.text:find("^%s") or m.text:find("%s$") then why = "blank at an end"
    end
    if why then bad[#bad + 1] = ("%s, %q: %s"):format(where, tostring(m.text), why) end
    last = m.e
  end
  return bad
end

test("every mention is well formed (cases)", function()
  local bad = {}
  for i, c in ipairs(data.cases) do
    local ctx = casecontext(c)
    for _, b in ipairs(wellformed(ctx, name.scan(ctx), "case " .. i)) do bad[#bad + 1] = b end
  end
  eq(bad, {})
end)

test("scan checks its argument; empty and name-free texts give nothing", function()
  raises(function() name.scan(nil) end, "bad argument #1 to 'scan' %(table expected, got nil%)")
  raises(function() name.scan({}) end, "bad argument #1 to 'scan'")
  eq(name.scan({ text = "" }), {})
  eq(name.scan({ text = "no names here, only lower case words." }), {})
end)

-- Documents are valid UTF-8 (they are checked when loaded); a script's
-- string may not be: the scan says where, wherever the byte falls (the
-- keys of the words around it would fail, or not, by chance).
test("scan refuses a text that is no valid UTF-8, at its first bad byte", function()
  for _, c in ipairs{ { "Ab \195 Cd said.", 4 }, { "Ab Cd \255 said.", 7 }, { "\128Ab", 1 }, { "Ab\195", 3 },
    { "Kabul \237\160\128 Ab", 7 }, { "x \240\159\152", 3 } } do
    raises(function() name.scan({ text = c[1] }) end,
      "bad argument #1 to 'scan' %(field 'text': invalid UTF%-8 at byte " .. c[2] .. "%)")
  end
  eq(#name.scan({ text = "Ab Cd said \240\159\152\128 é." }), 1)
end)

-- The C readers take any integers (a script reaches them through the
-- grammar's private module).
test("the readers bound their positions", function()
  local cname = require "sift.cname"
  cname.settext("ABC def")
  eq(cname.allcapsat(1, math.maxinteger), false)
  eq(cname.allcapsat(math.maxinteger, math.maxinteger), false)
  eq(cname.allcapsat(math.mininteger, 3), false)
  eq(cname.allcapsat(1, 3), true)
  eq(cname.nextword(math.maxinteger), nil)
  eq(cname.prevword(math.maxinteger, math.mininteger), nil)
  eq(cname.prevchar(math.maxinteger), nil)
  eq(cname.prevchar(math.mininteger), nil)
  eq(select("#", cname.badbyte("ABC é")), 0)
  eq(cname.badbyte("AB\195"), 3)
  cname.settext("")
end)

test("a bare context (no manifest, no sentences, no records) still works", function()
  local ms = name.scan({ text = "The talks in Geneva ended. Maria Lopez said the Red Cross would stay." })
  local texts = {}
  for i, m in ipairs(ms) do texts[i] = m.text end
  eq(texts, { "Geneva", "Maria Lopez", "Red Cross" })
  -- without sentences, a line without a final stop is a headline
  ms = name.scan({ text = "Rebels Claim Victory In Kelm\n\nThe rebels took Kelm. Photo by Ana Lis/Getty Images" })
  texts = {}
  for i, m in ipairs(ms) do texts[i] = m.text .. "/" .. m.kind end
  eq(texts, { "Kelm/place", "Kelm/place", "Ana Lis/person", "Getty Images/org" })
end)

test("the manifest index is built once per manifest and reused", function()
  local m = fixture(data.manifest)
  local corpus = testing.corpus{ { id = "a", text = "ELF fighters entered Valeport." }, sides = m.sides,
    entities = m.entities }
  local doc = corpus:document("a")
  local sides, declared = corpus:sides(), corpus:declared()
  local a = name.scan(context(doc, sides, declared))
  local b = name.scan(context(doc, sides, declared))
  eq(a, b)
  eq(a[1].side, "front")
end)

-- Gold: every gold mention against the system mention with the same span
-- (exact) or the first unused one overlapping it (overlap); kind and side
-- are compared with the gold entity's on the overlapping pairs. Positions
-- of markup documents are mapped back to the original bytes.
local function score(cname)
  local gold = sift.json.decode(assert(readfile("tests/gold/" .. cname .. ".json")))
  local corpus = assert(sift.load("corpus/" .. cname))
  local sides, declared = corpus:sides(), corpus:declared()
  local ents = {}
  for _, e in ipairs(gold.entities) do ents[e.name] = e end
  local sys, bad = {}, {}
  for _, doc in ipairs(corpus:documents()) do
    local ctx = context(doc, sides, declared)
    local ms = name.scan(ctx)
    for _, b in ipairs(wellformed(ctx, ms, doc.id)) do bad[#bad + 1] = b end
    for _, m in ipairs(ms) do
      local span = doc:_plainspan(m.s, m.e)
      sys[#sys + 1] = { doc = doc.id, start = span.start - 1, stop = span.stop, m = m }
    end
  end
  local used, exact, over, kind, side = {}, 0, 0, 0, 0
  local missed = {}
  for _, g in ipairs(gold.mentions) do
    local hit, near
    for i, r in ipairs(sys) do
      if not used[i] and r.doc == g.doc then
        if r.start == g.start and r.stop == g["end"] then hit = i; break end
        if not near and r.start < g["end"] and g.start < r.stop then near = i end
      end
    end
    local h = hit or near
    if h then
      used[h] = true
      if hit then exact = exact + 1 end
      over = over + 1
      local e, m = ents[g.entity], sys[h].m
      if m.kind == e.kind then kind = kind + 1 end
      local es = type(e.side) == "string" and e.side or nil
      if m.side == es then side = side + 1 end
    else
      missed[#missed + 1] = ("%s %q"):format(g.doc, g.text)
    end
  end
  local extra = {}
  for i, r in ipairs(sys) do
    if not used[i] then extra[#extra + 1] = ("%s %q"):format(r.doc, r.m.text) end
  end
  local ns, ng = math.max(#sys, 1), math.max(#gold.mentions, 1)
  return { ep = exact / ns, er = exact / ng, op = over / ns, orr = over / ng, kind = kind / math.max(over, 1),
    side = side / math.max(over, 1), missed = missed, extra = extra, bad = bad }
end

for cname, bar in pairs(GOLD) do
  if readfile("tests/gold/" .. cname .. ".json") then
    test(("gold %s: exact >= %.2f, overlap >= %.2f, kind >= %.2f, side >= %.2f"):format(cname, bar.exact,
      bar.overlap, bar.kind, bar.side), function()
      local r = score(cname)
      eq(r.bad, {})
      ok(r.ep >= bar.exact and r.er >= bar.exact and r.op >= bar.overlap and r.orr >= bar.overlap
        and r.kind >= bar.kind and r.side >= bar.side,
        ("exact P %.3f R %.3f, overlap P %.3f R %.3f, kind %.3f, side %.3f; missed %s; extra %s"):format(
          r.ep, r.er, r.op, r.orr, r.kind, r.side, table.concat(r.missed, ", "), table.concat(r.extra, ", ")))
    end)
  end
end

-- The word readers take shortcuts (a byte or two, string.find for ASCII
-- words) before the LPeg patterns; at every position of texts with blanks,
-- no-break spaces, hyphens, apostrophes, accents, quotes and dashes they
-- give what the patterns alone give.
test("the word readers agree with their LPeg patterns at every position", function()
  local texts = {
    "The elder Kaceli said: \"Kabul\" - U.S. troops left al-Qaeda's base.",
    "  Jabul-Saraj\t\tand O'Brien’s men, \194\160Zürich  (AA) – NGOs' -Front- 'Quote' KABUL, Sept 7",
    "ÉCOLE Ünal\194\160Ole\226\128\148Dash 4th-Brigade x-'y '-z A. B. C.D. AK-47 ü",
    "x\194\160 Y, z \194\160\tW it's Ole’s rock'n'roll à Y",
    "a", "", " ", "\194\160", "-", "'A", "A'", "Ab-", "AB.", "É",
  }
  local bad = {}
  for _, t in ipairs(texts) do
    local fast, pat = name._readers(t)
    local n = #t
    local rt = t:reverse()
    local function prevword(pos, limit)
      if pos <= limit then return nil end
      local a, b = pat.rwordat:match(rt, n - pos + 2)
      if not a then return nil end
      local s, e = n - b + 2, n - a + 1
      while s <= e and (t:byte(s) == 39 or t:byte(s) == 45) do s = s + 1 end
      if s > e or s < limit then return nil end
      return s, e, t:sub(s, e)
    end
    local function nextword(pos)
      local a, b = pat.wordat:match(t, pos)
      if a then return a, b - 1, t:sub(a, b - 1) end
    end
    local function prevchar(pos)
      if pos <= 1 then return nil end
      local q = n - pat.rblanks:match(rt, n - pos + 2) + 1
      if q < 1 then return nil end
      return t:byte(q), q
    end
    local function same(what, pos, ...)
      local x, y = table.pack(...), nil
      return function(...)
        y = table.pack(...)
        for k = 1, math.max(x.n, y.n) do
          if x[k] ~= y[k] then
            bad[#bad + 1] = ("%s at %d of %q: %s ~= %s"):format(what, pos, t, tostring(x[k]), tostring(y[k]))
            return
          end
        end
      end
    end
    for pos = 1, n + 1 do
      for _, limit in ipairs{ 1, 2, 5 } do
        same("prevword", pos, fast.prevword(pos, limit))(prevword(pos, limit))
      end
      same("nextword", pos, fast.nextword(pos))(nextword(pos))
      same("prevchar", pos, fast.prevchar(pos))(prevchar(pos))
      for e = pos, math.min(n, pos + 5) do
        same("allcapsat", pos, fast.allcapsat(pos, e))(pat.capsat:match(t, pos) == e + 1)
      end
    end
  end
  eq(bad, {})
end)
