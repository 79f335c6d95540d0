-- Places, clusters and the conflict rules (date-conflict, figure-conflict,
-- control-conflict, single-source) on small invented corpora: each test
-- states a situation an analyst meets and what the rule must say.
local rule = require "sift.rule"
local places = require "sift.places"

local SIDES = {
  crown = { label = "Crown Army", aliases = { "Crown Army", "the army", "Crown forces" }, party = true },
  hill = { label = "Hill Alliance", aliases = { "Hill Alliance", "the Alliance", "alliance fighters" },
    party = true },
}

local function run(id, corpus)
  return rule.run(corpus, { require("sift.rules." .. id) })
end

local function texts(fs)
  local out = {}
  for i, f in ipairs(fs) do out[i] = f.doc .. ": " .. f.text end
  return out
end

-- ------------------------------------------------------------ places

local geo = testing.corpus{
  sides = SIDES,
  { id = "w1", source = "Wire One", published = "2024-03-05",
    text = "The Crown Army took Tarnel, the capital of Osk province, on Monday.\n\n"
      .. "Fighting went on in Veldra district of Osk.\n\nThe town was quiet by evening.\n" },
  { id = "w2", source = "Wire Two", published = "2024-03-06",
    text = "Lunmark\u{2019}s Osk province has been contested for weeks.\n\n"
      .. "Residents of Pell, Osk province, fled north. The province is mountainous.\n" },
}

test("places: kinds and containment are read from the text", function()
  local P = places.of(geo)
  local tarnel, osk, pell = geo:entity("Tarnel"), geo:entity("Osk province"), geo:entity("Pell")
  ok(tarnel and osk and pell, "the places are entities")
  eq(P:type(tarnel.id), "settlement")
  eq(P:type(osk.id), "area")
  ok(P:within(tarnel.id, osk.id), "Tarnel, the capital of Osk province")
  ok(P:within(pell.id, osk.id), "Pell, Osk province")
  ok(not P:within(osk.id, tarnel.id), "containment has a direction")
  ok(P:compatible(osk.id, tarnel.id) and P:compatible(tarnel.id, osk.id), "compatible either way")
  local lunmark = geo:entity("Lunmark")
  ok(lunmark and P:within(osk.id, lunmark.id), "Lunmark\u{2019}s Osk province (a curly apostrophe)")
  ok(P:within(tarnel.id, lunmark.id), "containment is transitive")
end)

test("places: 'the town' and 'the province' are the places the text is about", function()
  local P = places.of(geo)
  local d = geo:document("w1")
  local span = d:find("The town was quiet")[1]
  local id, why = P:resolve({ doc = d, place = "The town", start = span.start, text = "The town was quiet",
    kind = "control" })
  eq(P:name(id), "Tarnel")
  matches(why, "settlement")
  d = geo:document("w2")
  span = d:find("The province")[1]
  id = P:resolve({ doc = d, place = "The province", start = span.start, text = "The province", kind = "control" })
  eq(P:name(id), "Osk Province")
end)

-- ------------------------------------------------------------ clusters

test("cluster: same category and people, overlapping days, places one inside the other", function()
  local c = testing.corpus{
    sides = SIDES,
    { id = "a", source = "Wire One", published = "2024-03-05",
      text = "The Crown Army said 40 alliance fighters were killed in Tarnel, the capital of Osk province.\n" },
    { id = "b", source = "Wire Two", published = "2024-03-06",
      text = "The Hill Alliance said 3 of its fighters were killed in Osk province.\n" },
    { id = "c", source = "Wire Two", published = "2024-06-30",
      text = "The Crown Army said 12 alliance fighters were killed in Osk province.\n" },
  }
  local groups = c:claims{ kind = "casualty" }:cluster()
  local shape = {}
  for i, g in ipairs(groups) do
    local ids = {}
    for j, cl in ipairs(g) do ids[j] = cl.doc.id end
    shape[i] = table.concat(ids, ",")
  end
  eq(shape, { "a,b", "c" })
end)

-- ------------------------------------------------------------ date-conflict

test("date-conflict: one capture, two dates, two sources", function()
  local c = testing.corpus{
    sides = SIDES,
    { id = "a", source = "Wire One", published = "2024-03-06",
      text = "Crown forces captured Tarnel on 4 March 2024, the army said.\n" },
    { id = "b", source = "Daily Two", published = "2024-03-07",
      text = "Tarnel fell to Crown forces on 6 March 2024.\n" },
    { id = "c", source = "Daily Three", published = "2024-03-07",
      text = "Heavy fighting was reported in Tarnel on 2 March 2024 and again on 5 March 2024.\n" },
  }
  local fs = run("date-conflict", c)
  eq(texts(fs), { "a: 4 March 2024", "b: 6 March 2024" })
  matches(fs[1].message, "capture of Tarnel dated 2024%-03%-04 here, 2024%-03%-06 by Daily Two, b")
end)

test("date-conflict: the date of the report is not the date of the event", function()
  local c = testing.corpus{
    sides = SIDES,
    { id = "a", source = "Wire One", published = "2024-03-06",
      text = "Crown forces captured Tarnel on Monday, 4 March 2024.\n" },
    { id = "b", source = "Daily Two", published = "2024-03-08",
      text = "The capture of Tarnel on 4 March was reported by the army on 7 March 2024.\n" },
  }
  eq(texts(run("date-conflict", c)), {})
end)

-- ------------------------------------------------------------ figure-conflict

test("figure-conflict: units are converted, readings agree, other figures conflict", function()
  local c = testing.corpus{
    sides = SIDES,
    { id = "a", source = "Wire One", published = "2024-03-06",
      text = "Tarnel lies about 50 miles (80 kilometres) from Dovra.\n" },
    { id = "b", source = "Daily Two", published = "2024-03-06", text = "Tarnel is 80 km from Dovra.\n" },
    { id = "c", source = "Daily Three", published = "2024-03-06", text = "Tarnel lies 130 km from Dovra.\n" },
  }
  local fs = run("figure-conflict", c)
  eq(texts(fs), { "a: about 50 miles", "b: 80 km", "c: 130 km" })
  matches(fs[3].message, "'130 km' here vs 'about 50 miles' %(80 km%) in a, '80 km' in b")
end)

test("figure-conflict: a part of a figure is no conflict; another count is", function()
  local c = testing.corpus{
    sides = SIDES,
    { id = "a", source = "Monitor", published = "2024-03-06",
      text = "The monitors said 20 civilians were killed in Tarnel, including 5 children.\n" },
    { id = "b", source = "Daily Two", published = "2024-03-06",
      text = "Twenty civilians were killed in Tarnel, the hospital said.\n" },
    { id = "c", source = "Daily Three", published = "2024-03-07",
      text = "The Crown Army said 2 civilians were killed in Tarnel.\n" },
  }
  local fs = run("figure-conflict", c)
  local got = {}
  for _, f in ipairs(fs) do got[#got + 1] = f.doc end
  eq(got, { "a", "a", "b", "c" })
end)

-- ------------------------------------------------------------ control-conflict

test("control-conflict: a whole place against a part of it; two parts agree", function()
  local c = testing.corpus{
    sides = SIDES,
    { id = "a", source = "Wire One", published = "2024-03-06",
      text = "The army said it controls the whole of Osk province.\n" },
    { id = "b", source = "Daily Two", published = "2024-03-06",
      text = "Tarnel, the capital of Osk province, is held by the Hill Alliance, its spokesman said.\n" },
    { id = "c", source = "Daily Three", published = "2024-03-07",
      text = "The Hill Alliance said it holds 30% of Osk province.\n"
        .. "The army said it holds 60% of Osk province.\n" },
  }
  local fs = run("control-conflict", c)
  local got = {}
  for _, f in ipairs(fs) do got[#got + 1] = f.doc end
  eq(got, { "a", "b", "c" })
  matches(fs[1].message, "^Crown Army holds Osk Province; contradicted by Hill Alliance in 2 document")
  -- the alliance's 30% conflicts with the whole province, not with the army's 60%
  matches(fs[3].message,
    "^Hill Alliance holds Osk Province %(30%%%); contradicted by Crown Army in 1 document%(s%): a$")
end)

-- ------------------------------------------------------------ single-source

test("single-source: an unverified figure one outlet carries, not a corroborated one", function()
  local c = testing.corpus{
    sides = SIDES,
    { id = "a", source = "Radio One", published = "2024-03-06",
      text = "Up to 30 villagers are reportedly missing in Pell, according to relatives.\n"
        .. "The monitors said 12 civilians were killed in Tarnel.\n" },
    { id = "b", source = "Daily Two", published = "2024-03-06",
      text = "Twelve civilians were reportedly killed in Tarnel.\n" },
  }
  local fs = run("single-source", c)
  eq(texts(fs), { "a: Up to 30" })
  matches(fs[1].message, "carried by Radio One alone %(citing relatives%)")
end)

test("places: the manifest may say where a place lies ('in')", function()
  local c = testing.corpus{
    entities = { { name = "Tarnel", kind = "place", ["in"] = "Osk Province" } },
    { id = "a", source = "Wire", published = "2024-03-05", text = "Fighting near Tarnel. Osk Province is large.\n" },
  }
  eq(c:declared()[1]["in"], "Osk Province")
  local P = places.of(c)
  ok(P:within(c:entity("Tarnel").id, c:entity("Osk Province").id), "Tarnel lies in Osk Province")
end)
