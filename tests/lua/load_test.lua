-- Loading from Lua: sift.load, markup formats, JSON records.

test("sift.load reads a corpus folder with its manifest", function()
  local c = sift.load("tests/data/mini")
  eq(c.name, "mini")
  eq(#c, 2)
  eq(c:document("statement").kind, "statement")
end)

test("markup is dropped from plain text but offsets stay on the original bytes", function()
  local c = sift.load("tests/data/markup")
  local md = c:document("river")
  ok(not md.plain:find("**", 1, true), "emphasis marks removed")
  ok(not md.plain:find("example.org", 1, true), "link targets removed")
  for _, d in ipairs(c:documents()) do
    for _, s in ipairs(d:sentences()) do
      eq(d.text:sub(s.start, s.stop), s.text)
    end
  end
  local html = c:document("page")
  ok(html.plain:find("Arvel & Tovin", 1, true), "entities decoded")
  local m = html:find("Tovin")[1]
  eq(html.text:sub(m.start, m.stop), "Tovin")
end)

test("wiki links keep their label, templates and references go", function()
  local w = sift.load("tests/data/markup"):document("town")
  ok(w.plain:find("in the valley.", 1, true), w.plain)
  ok(not w.plain:find("citation", 1, true))
  ok(not w.plain:find("A book", 1, true))
end)
