-- Entities through the runtime: mentions resolved across documents into
-- entities with sides, variant-aware lookup, spellings with their documents.
local c = sift.load("corpus/panjshir-2021")

test("transliteration variants are one entity, found under any spelling", function()
  local a, b = c:entity("Zabiullah Mujahid"), c:entity("Zabihullah Mujahid")
  ok(a, "Zabiullah Mujahid resolves")
  ok(rawequal(a, b), "both spellings name one entity")
  eq(a.kind, "person")
  eq(a.side, "taliban")
  local spelt = {}
  for _, s in ipairs(a:spellings()) do spelt[s.text] = s.docs end
  ok(spelt["Zabiullah Mujahid"] and spelt["Zabihullah Mujahid"], "both spellings kept with their documents")
end)

test("father and son stay apart", function()
  local father, son = c:entity("Ahmad Shah Massoud"), c:entity("Ahmad Massoud")
  ok(father and son, "both found")
  ok(not rawequal(father, son), "different entities")
end)

test("every mention indexes doc.text and says why it joined its entity", function()
  local n = 0
  for _, e in ipairs(c:entities()) do
    for _, m in ipairs(e:mentions()) do
      eq(m.doc.text:sub(m.start, m.stop), m.text)
      n = n + 1
    end
  end
  ok(n > 100, "mentions found: " .. n)
end)

test("entities filter by kind and side", function()
  for _, e in ipairs(c:entities{ kind = "person", side = "nrf" }) do
    eq({ e.kind, e.side }, { "person", "nrf" })
  end
  ok(#c:entities{ kind = "place" } > 3, "places found")
  eq(c:entity("Nobody Atall"), nil)
end)

test("'the elder X' and 'the younger X' go to the father and the son", function()
  local fx = testing.corpus{
    { id = "a", source = "Radio", published = "2024-01-02",
      text = "Dobrin Vasko Sr. led the guard in the 1990s. His son, Dobrin T. Vasko, leads it now.\n\n"
        .. "\"He is his own man,\" the elder Vasko said. The younger Vasko was not seen.\n" },
  }
  local byid = {}
  for _, m in ipairs(fx:document("a"):_mentions()) do
    if m.text == "Vasko" then byid[#byid + 1] = m.entity end
  end
  eq(#byid, 2)
  eq(fx:entity("Dobrin Vasko Sr.").id, byid[1])
  eq(fx:entity("Dobrin T. Vasko").id, byid[2])
end)
