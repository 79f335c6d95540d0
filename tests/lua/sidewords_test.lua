-- sift.grammar.sidewords: the proper word of a side alias made of it and
-- force words ("Karabakh forces") names the side before the words of its
-- people and bodies; a word two sides' aliases begin with names neither.
local sidewords = require "sift.grammar.sidewords"

test("sidewords: the proper word of an alias of force words", function()
  eq(sidewords.modifier("Karabakh forces"), "Karabakh")
  eq(sidewords.modifier("Azerbaijani armed forces"), "Azerbaijani")
  eq(sidewords.modifier("Nagorno-Karabakh Defence Army"), "Nagorno-Karabakh")
  eq(sidewords.modifier("Sudanese army"), "Sudanese")
  eq(sidewords.modifier("Rapid Support Forces"), nil) -- "Support" is no force word
  eq(sidewords.modifier("rebel forces"), nil) -- not capitalised
  eq(sidewords.modifier("Taliban"), nil) -- one word: an alias of its own
  eq(sidewords.modifier("Taliban's forces"), nil)
  eq(sidewords.modifier(42), nil)
end)

test("sidewords: phrases for each side, none for a word two sides share", function()
  local sides = {
    { id = "a", aliases = { "Karabakh forces", "Armenia" } },
    { id = "b", aliases = { "Azerbaijani army", "Azerbaijani forces" } },
    { id = "c", aliases = { "Northern forces" } },
    { id = "d", aliases = { "Northern army" } },
  }
  local got = {}
  for _, p in ipairs(sidewords.phrases(sides)) do got[p.text] = p.side end
  eq(got["Karabakh officials"], "a")
  eq(got["Karabakh's forces"], "a")
  eq(got["Azerbaijani defence ministry"], "b")
  eq(got["Azerbaijani civilians"], nil)
  eq(got["authorities in Karabakh"], "a")
  eq(got["Northern officials"], nil)
  eq(got["Armenia officials"], nil)
  -- deterministic order: the sides', then the aliases'
  local l = sidewords.phrases(sides)
  eq(l[1].text, "Karabakh " .. sidewords.heads[1])
  eq(sidewords.phrases({})[1], nil)
  eq(sidewords.phrases(nil)[1], nil)
end)

test("sidewords: the countries of sides' proper words, none two sides share or another side names", function()
  local sides = {
    { id = "a", aliases = { "Norlandian army", "Tamese forces", "Kestrese forces" } },
    { id = "b", aliases = { "Tarvani army", "Norlandia", "Veslandian forces" } },
    { id = "c", aliases = { "Ostrian army" } },
    { id = "d", aliases = { "Ostrian forces" } },
  }
  local got = {}
  for _, p in ipairs(sidewords.countries(sides)) do got[p.text] = p.side end
  eq(got.Kestr, "a") -- -ese
  eq(got.Tam, nil) -- too short a stem
  eq(got.Tarvan, "b") -- -i
  eq(got.Veslandia, "b") -- -ian
  eq(got.Norlandia, nil) -- another side's alias
  eq(got.Ostria, nil) -- two sides
  eq(sidewords.countries(nil)[1], nil)
  eq(sidewords.countries({ { id = "x", aliases = { "Sudanese army" } } })[1].text, "Sudan")
  eq(sidewords.countries({ { id = "x", aliases = { "Tigrayan forces" } } })[1].text, "Tigray")
end)

test("sidewords: a lower-case word with force words names the side before the heads, without possessives", function()
  eq(sidewords.adjective("federal forces"), "federal")
  eq(sidewords.adjective("rebel forces"), "rebel")
  eq(sidewords.adjective("armed forces"), nil) -- a force word itself
  eq(sidewords.adjective("the army"), nil)
  eq(sidewords.adjective("Karabakh forces"), nil) -- (sidewords.modifier's)
  local got = {}
  for _, p in ipairs(sidewords.phrases({ { id = "a", aliases = { "federal army" } } })) do got[p.text] = p.side end
  eq(got["federal soldiers"], "a")
  eq(got["federal's soldiers"], nil)
  eq(got["officials in federal"], nil)
end)
