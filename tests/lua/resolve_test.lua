-- sift.resolve: the keys and cases of tests/data/resolve/cases.lua (add cases
-- there, not here), the record it returns and sets, argument checks, a size
-- that must stay fast, and resolution of the gold mentions of the bundled
-- corpora (tests/gold/<corpus>.json): zero wrong merges, zero cannot_link
-- violations, pairwise recall and side accuracy at the levels reached.
--
-- The gold test builds mention records the way sift.grammar.name would: the
-- gold text, its key and kind; a side only where the words around a person
-- give one (a role word: "Taliban spokesman X", "X, leader of ..."); "the
-- elder"/"the younger" as the title. Three more runs take the kind away from
-- every third mention, give every fifth a wrong one, and give none at all.
local core = require "sift.core"
local resolve = require "sift.resolve"

local CASES = "tests/data/resolve/cases.lua"
local GOLD = {
  -- corpus, pairwise recall with kinds, without some, with some wrong,
  -- without any; side accuracy (per gold entity) every run must reach
  { "panjshir-2021", 0.98, 0.98, 0.98, 0.98, 0.97 },
  { "varkesia-2023", 0.99, 0.99, 0.97, 0.99, 0.99 },
}

local readfile = testing.readfile

local data = testing.data(CASES)

-- ------------------------------------------------------------ keys

for i, c in ipairs(data.keys) do
  test(("key %d: %s"):format(i, table.concat(c, "/")), function()
    local ks = {}
    for r, w in ipairs(c) do ks[r] = resolve.key(w) end
    for r = 2, #ks do
      if c.same then
        eq(ks[r], ks[1], c[r] .. " and " .. c[1])
      else
        for q = 1, r - 1 do ok(ks[r] ~= ks[q], c[r] .. " and " .. c[q] .. " both give " .. ks[r]) end
      end
    end
  end)
end

-- ------------------------------------------------------------ cases

local function records(c)
  local ms, counter = {}, {}
  for r, t in ipairs(c.mentions) do
    local doc, text, kind, side, extra = t[1], t[2], t[3], t[4], t[5]
    counter[doc] = (counter[doc] or 0) + 1
    local m = { doc = doc, i = counter[doc], text = text, key = core.key(text) }
    if kind then m.kind = kind end
    if side then m.side = side end
    for k, v in pairs(extra or {}) do m[k] = v end
    ms[r] = m
  end
  return ms
end

local function show(ms, ents)
  local parts = {}
  for r, m in ipairs(ms) do
    parts[r] = ("%d %s@%s -> %d %q (%s)"):format(r, m.text, m.doc, m.entity, ents[m.entity].name, m.why)
  end
  return "\n  " .. table.concat(parts, "\n  ")
end

for i, c in ipairs(data.cases) do
  test(("case %d: %s"):format(i, c[1]), function()
    local ms = records(c)
    local ents = resolve.entities(ms, c.opts)
    for _, g in ipairs(c.same or {}) do
      for r = 2, #g do
        ok(ms[g[r]].entity == ms[g[1]].entity, ("mentions %d and %d apart:"):format(g[1], g[r]) .. show(ms, ents))
      end
    end
    for _, g in ipairs(c.apart or {}) do
      for r = 1, #g do
        for q = r + 1, #g do
          ok(ms[g[r]].entity ~= ms[g[q]].entity, ("mentions %d and %d merged:"):format(g[r], g[q]) .. show(ms, ents))
        end
      end
    end
    for r, name in pairs(c.names or {}) do eq(ents[ms[r].entity].name, name, "name of mention " .. r) end
    for r, side in pairs(c.sides or {}) do
      eq(ents[ms[r].entity].side, side or nil, "side of mention " .. r)
    end
  end)
end

-- ------------------------------------------------------------ records

local SAMPLE = {
  mentions = {
    { "a", "Zabihullah Mujahid", "person", "taliban" }, { "a", "Mujahid", "person" }, { "a", "Panjshir", "place" },
    { "b", "Zabiullah Mujahid", "person" }, { "b", "Panjsher province", "place" }, { "b", "NRF", "org" },
    { "c", "National Resistance Front", "org" }, { "c", "Panjshir", "place" },
  },
}

test("every mention gets an entity index and a reason", function()
  local ms = records(SAMPLE)
  local ents = resolve.entities(ms)
  for _, m in ipairs(ms) do
    ok(math.type(m.entity) == "integer" and ents[m.entity] ~= nil, "entity of " .. m.text)
    ok(type(m.why) == "string" and #m.why > 0, "why of " .. m.text)
  end
  eq(ms[4].why, "transliteration of 'Zabihullah Mujahid'")
  eq(ms[2].why, "surname of 'Zabihullah Mujahid' named earlier in this document")
  matches(ms[6].why, "^acronym of 'National Resistance Front'")
end)

test("entities carry name, kind, side, aliases and spellings with their documents", function()
  local ms = records(SAMPLE)
  local ents = resolve.entities(ms)
  local z = ents[ms[1].entity]
  eq(z.name, "Zabihullah Mujahid")
  eq(z.kind, "person")
  eq(z.side, "taliban")
  eq(z.spellings, { { text = "Zabihullah Mujahid", docs = { "a" } }, { text = "Mujahid", docs = { "a" } },
    { text = "Zabiullah Mujahid", docs = { "b" } } })
  eq(z.aliases, { "Mujahid", "Zabiullah Mujahid" })
  local p = ents[ms[3].entity]
  eq(p.kind, "place")
  eq(p.spellings, { { text = "Panjshir", docs = { "a", "c" } }, { text = "Panjsher province", docs = { "b" } } })
  for i in ipairs(ents) do
    local used = false
    for _, m in ipairs(ms) do used = used or m.entity == i end
    ok(used, "entity " .. i .. " has mentions")
  end
end)

test("entities come in the order of their first mention; output is deterministic", function()
  local a, b = records(SAMPLE), records(SAMPLE)
  local ea, eb = resolve.entities(a), resolve.entities(b)
  eq(ea, eb)
  local seen = 0
  for _, m in ipairs(a) do
    ok(m.entity <= seen + 1, "entity " .. m.entity .. " before " .. seen + 1)
    if m.entity > seen then seen = m.entity end
  end
end)

test("keys are computed when records lack them; documents without i keep list order", function()
  local ms = { { doc = "x", text = "Ahmad Massoud", kind = "person" },
    { doc = "x", text = "Massoud", kind = "person" } }
  resolve.entities(ms)
  eq(ms[1].entity, ms[2].entity)
end)

test("a document's mentions are read in the order of i, wherever the list puts them", function()
  local ms = records(SAMPLE)
  resolve.entities(ms)
  -- documents interleaved, and "Mujahid" (i = 2) before "Zabihullah Mujahid" (i = 1)
  local order = { 8, 2, 5, 1, 7, 4, 3, 6 }
  local mixed = {}
  for r, q in ipairs(order) do
    local m = {}
    for k, v in pairs(ms[q]) do m[k] = v end
    m.entity, m.why = nil, nil
    mixed[r] = m
  end
  resolve.entities(mixed)
  for r, q in ipairs(order) do
    for s, p in ipairs(order) do
      eq(mixed[r].entity == mixed[s].entity, ms[q].entity == ms[p].entity, ms[q].text .. " and " .. ms[p].text)
    end
  end
  eq(mixed[2].why, "surname of 'Zabihullah Mujahid' named earlier in this document")
end)

test("the host's columns, with documents as ranges, resolve as the records do", function()
  local ms = records(SAMPLE)
  local want = resolve.entities(ms)
  -- SAMPLE's documents come one after another, each in text order
  local cols = { n = #ms, docs = {}, docfirst = {} }
  for _, f in ipairs({ "text", "key", "kind", "side" }) do cols[f] = {} end
  for n, m in ipairs(ms) do
    for _, f in ipairs({ "text", "key", "kind", "side" }) do cols[f][n] = m[f] end
    if n == 1 or m.doc ~= ms[n - 1].doc then
      cols.docs[#cols.docs + 1], cols.docfirst[#cols.docfirst + 1] = m.doc, n
    end
  end
  local collected = 0
  local got = resolve.entities(cols, { collect = function() collected = collected + 1 end })
  eq(got, want)
  for n, m in ipairs(ms) do
    eq(cols.entity[n], m.entity, m.text)
    eq(cols.why[n], m.why, m.text)
    eq(cols.doc[n], m.doc, "document of " .. m.text)
  end
  eq(cols.doc[0], nil)
  eq(cols.doc[#ms + 1], nil)
  eq(cols.doc[2], ms[2].doc) -- out of order: the range is searched
  ok(collected > 0, "opts.collect is called")
end)

test("without keys, and with opts.assign, the host's columns resolve as the records do", function()
  local ms = records(SAMPLE)
  local want = resolve.entities(ms)
  local cols = { n = #ms, docs = {}, docfirst = {} }
  for _, f in ipairs({ "text", "kind", "side" }) do cols[f] = {} end
  for n, m in ipairs(ms) do
    for _, f in ipairs({ "text", "kind", "side" }) do cols[f][n] = m[f] end
    if n == 1 or m.doc ~= ms[n - 1].doc then
      cols.docs[#cols.docs + 1], cols.docfirst[#cols.docfirst + 1] = m.doc, n
    end
  end
  local seen = {}
  local got = resolve.entities(cols, { assign = function(n, e, why) seen[#seen + 1] = { n, e, why } end })
  eq(got, want)
  eq(#seen, #ms)
  for n, m in ipairs(ms) do eq(seen[n], { n, m.entity, m.why }, m.text) end
  eq(cols.entity, nil, "assign instead of the columns")
  eq(cols.why, nil)
end)

test("with opts.assigns, the host's columns resolve as the records do, a block of mentions a call", function()
  local ms = records(SAMPLE)
  local want = resolve.entities(ms)
  -- the sample again and again: more mentions than one block holds
  local cols = { n = 0, docs = {}, docfirst = {} }
  for _, f in ipairs({ "text", "kind", "side" }) do cols[f] = {} end
  local copies = 0
  while cols.n <= 300 do
    copies = copies + 1
    for n, m in ipairs(ms) do
      local at = cols.n + 1
      cols.n = at
      for _, f in ipairs({ "text", "kind", "side" }) do cols[f][at] = m[f] end
      if n == 1 or m.doc ~= ms[n - 1].doc then
        local d = copies == 1 and m.doc or copies .. "/" .. m.doc -- (the first copy: the records' documents)
        cols.docs[#cols.docs + 1], cols.docfirst[#cols.docfirst + 1] = d, at
      end
    end
  end
  local seen, calls, called = {}, 0, false
  local got = resolve.entities(cols, {
    assign = function() called = true end, -- (assigns goes first)
    assigns = function(n, E, W, count)
      calls = calls + 1
      eq(n, #seen + 1, "blocks in order")
      for j = 1, count do seen[#seen + 1] = { E[j], W[j] } end
    end,
  })
  eq(#seen, cols.n)
  ok(calls > 1 and calls < cols.n // 100, "a call a block: " .. calls)
  ok(not called, "assign is not called")
  eq(cols.entity, nil, "assigns instead of the columns")
  -- each copy's mentions: the entities of the records, in the same order
  local ents, first = {}, {}
  for n = 1, cols.n do
    local m, e = ms[(n - 1) % #ms + 1], seen[n][1]
    ents[e] = true
    if not first[m.entity] then first[m.entity] = e end
    eq(e, first[m.entity], m.text .. " #" .. n)
    if n <= #ms then eq(seen[n][2], m.why, m.text) end
  end
  eq(#got, #want)
  for e in pairs(ents) do ok(got[e] ~= nil, "entity " .. e) end
end)

test("no mentions, no entities", function()
  eq(resolve.entities({}), {})
  eq(resolve.entities({}, { sides = {}, declared = {} }), {})
end)

test("argument errors", function()
  raises(function() resolve.entities("x") end, "bad argument #1 to 'entities' %(table expected, got string%)")
  raises(function() resolve.entities({}, 3) end, "bad argument #2 to 'entities'")
  raises(function() resolve.entities({ { doc = "a" } }) end, "bad mention #1 to 'entities'")
  raises(function() resolve.key(1) end, "bad argument #1 to 'key'")
end)

-- ------------------------------------------------------------ size

test("20,000 mentions in 4,000 documents resolve without all-pairs work", function()
  local first = { "Ahmad", "Ali", "Karim", "Fahim", "Belal", "Mirela", "Radomir", "Teodora", "Aleks", "Henrike" }
  local last = { "Massoud", "Nazary", "Dashti", "Kareemi", "Sendova", "Kaceli", "Vukal", "Torvan", "Vos", "Marun" }
  local places = { "Bazarak", "Panjshir", "Ostreva", "Tisova", "Seravin", "Brodnik", "Kabul", "Rokha" }
  local ms = {}
  for d = 1, 4000 do
    local doc = "d" .. d
    for r = 1, 5 do
      local x = (d * 7 + r * 13) % 100
      local m
      if r == 5 then
        m = { doc = doc, i = r, text = places[x % #places + 1], kind = "place" }
      elseif r == 4 then
        -- the surname of the person just named
        m = { doc = doc, i = r, text = last[(d * 7 + 39) % 100 % 10 + 1], kind = "person" }
      else
        -- 100 distinct people, with a generated variant spelling for some
        local name = first[x // 10 + 1] .. (x % 3 == 0 and "h" or "") .. " " .. last[x % 10 + 1]
        m = { doc = doc, i = r, text = name, kind = "person" }
      end
      m.key = core.key(m.text)
      ms[#ms + 1] = m
    end
  end
  local ents = resolve.entities(ms)
  eq(#ents, 108)
  for _, m in ipairs(ms) do ok(m.entity ~= nil) end
end)

test("a crowded first name and surname: variants join, other middle names stay apart", function()
  local syl = { "ka", "ra", "ma", "sa", "da", "zi", "lu", "ne", "ba", "to" }
  local ms, want = {}, {}
  for p = 1, 45 do
    -- 45 people "Mohammad <middle> Khan", each in two documents, the second
    -- spelling with an h after a consonant
    local mid = syl[p % 10 + 1]:upper():sub(1, 1) .. syl[p % 10 + 1]:sub(2) .. syl[(p // 10) % 10 + 1] .. "r"
    local var = mid:gsub("^(%a)", "%1h")
    for r, text in ipairs { "Mohammad " .. mid .. " Khan", "Muhammad " .. var .. " Khan" } do
      ms[#ms + 1] = { doc = "p" .. p .. "-" .. r, i = 1, text = text, kind = "person" }
      want[#ms] = p
    end
  end
  ms[#ms + 1] = { doc = "x", i = 1, text = "Mohammad Khan", kind = "person" }
  want[#ms] = 0
  resolve.entities(ms)
  for a = 1, #ms do
    for b = a + 1, #ms do
      if want[a] == want[b] then
        ok(ms[a].entity == ms[b].entity, ms[a].text .. " / " .. ms[b].text .. " apart")
      else
        ok(ms[a].entity ~= ms[b].entity, ms[a].text .. " / " .. ms[b].text .. " merged")
      end
    end
  end
end)

-- ------------------------------------------------------------ gold

local ROLE = { "spokes%a*", "leader", "commander", "fighter", "head of", "minister", "representative", "chief" }
local function hasrole(s)
  s = s:lower()
  for _, r in ipairs(ROLE) do
    if s:find(r) then return true end
  end
  return false
end

local function str(v)
  if type(v) == "string" then return v end
  return nil
end

-- The mention records of a gold file; variant "nokind" drops every third
-- kind, "wrongkind" replaces every fifth, "nokinds" drops them all.
local function build(corpus, variant)
  local gold = core.json.decode(assert(readfile("tests/gold/" .. corpus .. ".json")))
  local man = core.json.decode(assert(readfile("corpus/" .. corpus .. "/corpus.json")))
  local paths, order = {}, {}
  for r, d in ipairs(man.documents) do
    paths[d.id], order[d.id] = d.path, r
  end
  local ents = {}
  for _, e in ipairs(gold.entities) do ents[e.name] = e end
  local gm = {}
  for r, m in ipairs(gold.mentions) do gm[r] = m end
  table.sort(gm, function(a, b)
    if a.doc ~= b.doc then return order[a.doc] < order[b.doc] end
    return a.start < b.start
  end)
  local KINDS = { "person", "org", "place", "group", "other" }
  local texts, counter, ms = {}, {}, {}
  for n, g in ipairs(gm) do
    local text = texts[g.doc] or assert(readfile("corpus/" .. corpus .. "/" .. paths[g.doc]))
    texts[g.doc] = text
    local e = assert(ents[g.entity], g.entity)
    counter[g.doc] = (counter[g.doc] or 0) + 1
    local m = { text = g.text, key = core.key(g.text), kind = e.kind, doc = g.doc, i = counter[g.doc], gold = g.entity }
    local before = text:sub(math.max(1, g.start - 30), g.start)
    local after = text:sub(g["end"] + 1, g["end"] + 40):match("^[^.;:\n]*") or ""
    if e.kind == "person" and str(e.side) and (hasrole(before) or hasrole(after)) then m.side = e.side end
    local w = before:lower():match("(%a+)%s*$")
    if w == "elder" or w == "younger" then m.title = w end
    if variant == "nokind" and n % 3 == 0 or variant == "nokinds" then m.kind = nil end
    if variant == "wrongkind" and n % 5 == 0 then
      for r, k in ipairs(KINDS) do
        if k == e.kind then
          m.kind = KINDS[r % #KINDS + 1]
          break
        end
      end
    end
    ms[#ms + 1] = m
  end
  return ms, { sides = man.sides, declared = man.entities }, gold
end

-- Pairwise precision and recall of same-entity mention pairs, wrong merges
-- (entities holding mentions of two gold entities), cannot_link violations,
-- and side accuracy (per gold entity, of the entity holding most of its
-- mentions).
local function score(ms, ents, gold)
  local tp, fp, fn = 0, 0, 0
  for a = 1, #ms do
    for b = a + 1, #ms do
      local g, p = ms[a].gold == ms[b].gold, ms[a].entity == ms[b].entity
      if g and p then tp = tp + 1 elseif p then fp = fp + 1 elseif g then fn = fn + 1 end
    end
  end
  local byent, wrong, cl = {}, {}, {}
  for _, m in ipairs(ms) do
    byent[m.entity] = byent[m.entity] or {}
    byent[m.entity][m.gold] = true
  end
  for e, s in pairs(byent) do
    local names = {}
    for g in pairs(s) do names[#names + 1] = g end
    table.sort(names)
    if #names > 1 then wrong[#wrong + 1] = ents[e].name .. ": " .. table.concat(names, " + ") end
  end
  for _, pr in ipairs(gold.cannot_link or {}) do
    for _, s in pairs(byent) do
      if s[pr[1]] and s[pr[2]] then cl[#cl + 1] = pr[1] .. " / " .. pr[2] end
    end
  end
  local gside = {}
  for _, e in ipairs(gold.entities) do gside[e.name] = str(e.side) or false end
  local cnt = {}
  for _, m in ipairs(ms) do
    cnt[m.gold] = cnt[m.gold] or {}
    cnt[m.gold][m.entity] = (cnt[m.gold][m.entity] or 0) + 1
  end
  local sok, sn, badside = 0, 0, {}
  for g, c in pairs(cnt) do
    local best, bn = nil, 0
    for e, k in pairs(c) do
      if k > bn or (k == bn and e < best) then best, bn = e, k end
    end
    sn = sn + 1
    if (ents[best].side or false) == gside[g] then
      sok = sok + 1
    else
      badside[#badside + 1] = g
    end
  end
  return { p = tp / math.max(1, tp + fp), r = tp / math.max(1, tp + fn), wrong = wrong, cl = cl,
    side = sok / math.max(1, sn), badside = badside }
end

for _, spec in ipairs(GOLD) do
  local corpus, minside = spec[1], spec[6]
  if readfile("tests/gold/" .. corpus .. ".json") then
    for v, variant in ipairs { "clean", "nokind", "wrongkind", "nokinds" } do
      local minr = spec[1 + v]
      test(("gold %s (%s): no wrong merge, recall >= %.2f, sides >= %.2f"):format(corpus, variant, minr, minside),
        function()
          local ms, opts, gold = build(corpus, variant)
          local ents = resolve.entities(ms, opts)
          local r = score(ms, ents, gold)
          eq(r.wrong, {}, "wrong merges")
          eq(r.cl, {}, "cannot_link violations")
          eq(r.p, 1.0, "pairwise precision")
          ok(r.r >= minr, ("pairwise recall %.3f < %.2f"):format(r.r, minr))
          ok(r.side >= minside, ("side accuracy %.3f < %.2f (%s)"):format(r.side, minside,
            table.concat(r.badside, ", ")))
        end)
    end
  end
end
