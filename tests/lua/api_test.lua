-- The document part of the Lua API: corpus, doc, span, find, printing.

local fixture = testing.corpus{
  sides = { north = { label = "Northern Front", aliases = { "the front" }, party = true } },
  { id = "w1", source = "Example Wire", published = "2021-09-07", kind = "wire",
    text = "Front claims the pass\n\nARVEL, Sept 7 - The front said on Monday it held the pass. " ..
      "\"We hold it. Nobody passed,\" a spokesman said.\n\nTovin lies 90 miles (144 km) north.\n" },
  { id = "w2", source = "Other Outlet", published = "2021-09-08",
    text = "Bāzārak and Tovin were quiet on Tuesday.\n" },
}

test("documents come in corpus order and by id", function()
  local ids = fixture:documents():map(function(d) return d.id end)
  eq(ids, { "w1", "w2" })
  eq(fixture:document("w2").source, "Other Outlet")
  eq(fixture:document("nope"), nil)
  eq(#fixture, 2)
end)

test("a doc handle is one object per document", function()
  ok(rawequal(fixture:document("w1"), fixture:documents()[1]))
  local seen = { [fixture:document("w1")] = true }
  ok(seen[fixture:document("w1")], "docs work as table keys")
end)

test("metadata fields", function()
  local d = fixture:document("w1")
  eq(d.published, "2021-09-07")
  eq(d.kind, "wire")
  eq(d.title, "Front claims the pass")
  eq(d.language, nil)
  eq(d.bytes, #d.text)
end)

test("sentences: headline first, quotation kept whole", function()
  local s = fixture:document("w1"):sentences()
  eq(s[1].kind, "headline")
  eq(s[1].text, "Front claims the pass")
  eq(s[2].text, "ARVEL, Sept 7 - The front said on Monday it held the pass.")
  eq(s[3].text, "\"We hold it. Nobody passed,\" a spokesman said.")
  eq(s[4].text, "Tovin lies 90 miles (144 km) north.")
  eq(#s, 4)
end)

test("every sentence span indexes doc.text as string.sub does", function()
  for _, d in ipairs(fixture:documents()) do
    for _, s in ipairs(d:sentences()) do
      eq(d.text:sub(s.start, s.stop), s.text)
      eq(s.offset, s.start - 1)
      eq(s.length, #s.text)
    end
  end
end)

test("doc:span follows string.sub over a grid of positions, negatives included", function()
  local d = fixture:document("w2")
  local n = #d.text
  for i = -n - 2, n + 2, 3 do
    for j = -n - 2, n + 2, 3 do
      local s = d:span(i, j)
      eq(s.text, d.text:sub(i, j), ("span(%d, %d)"):format(i, j))
    end
  end
end)

test("line and column count characters, not bytes", function()
  local d = fixture:document("w2")
  local m = d:find("Tovin")[1]
  eq(m.line, 1)
  eq(m.col, 13) -- "Bāzārak and " is 12 characters, 14 bytes
  eq(m.start, 15)
  local w = fixture:document("w1"):find("Tovin")[1]
  eq({ w.line, w.col }, { 5, 1 })
end)

test("find with a string is literal; with an LPeg pattern it is a pattern", function()
  eq(#fixture:find("."), 0 + #fixture:find("."))
  eq(#fixture:document("w1"):find("(144"), 1)
  local digits = lpeg.R("09") ^ 1
  local got = fixture:document("w1"):find(digits):map(function(s) return s.text end)
  eq(got, { "7", "90", "144" })
  eq(#fixture:find("Tovin"), 2)
  raises(function() fixture:find(42) end, "string or LPeg pattern expected")
end)

test("span:sentence and span.doc", function()
  local m = fixture:find("spokesman")[1]
  eq(m:sentence().text, "\"We hold it. Nobody passed,\" a spokesman said.")
  eq(m.doc.id, "w1")
  eq(m.kind, "match")
  eq(m:sentence().kind, "sentence")
end)

test("spans compare by value and sort by position", function()
  local a = fixture:find("Tovin")
  local b = fixture:find("Tovin")
  ok(a[1] == b[1])
  ok(a[1] ~= a[2])
  local l = { a[2], a[1] }
  table.sort(l)
  eq(l[1].doc.id, "w1")
end)

test("everything prints readably", function()
  matches(tostring(fixture), "^corpus fixture %(2 documents, %d+ sentences%)$")
  eq(tostring(fixture:document("w2")), "doc w2 (Other Outlet, 2021-09-08, 1 sentence, 43 bytes)")
  eq(tostring(fixture:find("Tovin")[2]), "w2:1:13 \"Tovin\"")
  eq(sift.inspect({ 1, "a", { b = true } }), "{ 1, \"a\", { b = true } }")
end)

test("unknown fields raise with the list of what exists", function()
  raises(function() return fixture:document("w1").sorce end, "unknown field 'sorce' on doc %(expected one of: id,")
  raises(function() return fixture.nme end, "unknown field 'nme' on corpus")
  raises(function() return fixture:find("Tovin")[1].txt end, "unknown field 'txt' on span")
end)

test("sides come from the manifest", function()
  local s = fixture:sides()[1]
  eq(s.id, "north")
  eq(s.aliases, { "the front" })
  eq(s.party, true)
end)

test("normalisation keys fold case, accents and compatibility forms", function()
  eq(sift.key("Bāzārak"), sift.key("BAZARAK"))
  eq(sift.key("Bāzārak"), "bazarak")
  eq(sift.key("ﬁve"), "five")
  ok(sift.key("Panjshir") ~= sift.key("Panjsher"), "keys are not transliteration-aware")
end)

test("json round trip with sorted keys", function()
  local v = sift.json.decode('{"b": [1, 2.5, "x"], "a": null, "c": {"d": true}}')
  eq(v.b, { 1, 2.5, "x" })
  ok(v.a == sift.json.null)
  eq(sift.json.encode({ b = 1, a = { 1, 2 }, c = "x" }), '{"a":[1,2],"b":1,"c":"x"}')
  local bad, err = sift.json.decode('{"a": }')
  eq(bad, nil)
  matches(err, "line 1, column 7")
end)

test("a fixture document without text is an error", function()
  raises(function() testing.corpus{ { id = "x" } } end, "a 'text' string expected")
end)

test("testing reads files, JSON and plain-data case files", function()
  eq(testing.readjson("tests/data/mini/corpus.json").name, "mini")
  eq(testing.readfile("tests/data/nope.txt"), nil)
  raises(function() testing.readjson("tests/data/nope.json") end, "cannot read tests/data/nope.json")
  eq(testing.strings({ "a", { z = "c", b = { "d", 7 } }, 5, "e" }), { "a", "d", "c", "e" })
  eq(testing.strings("x", { "w" }), { "w", "x" })
  raises(function() testing.readjson("tests/data/mini/docs/wire.txt") end, "wire.txt: invalid JSON")
  eq(type(testing.data("tests/data/grammar/dates.lua")), "table")
end)
