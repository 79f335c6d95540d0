-- Quantities and times reach Lua as plain tables whose positions index
-- doc.text like every span, with helpers and readable printing.

local c = testing.corpus{
  { id = "a", published = "2021-09-07", source = "Wire",
    text = "Fighters entered the town on Monday. More than 700 were killed, a spokesman said. " ..
      "The valley lies 90 miles (144 km) north of the capital; another report said 120 km.\n" },
}
local doc = c:document("a")

test("records index doc.text as string.sub does", function()
  for _, corpus in ipairs({ c, sift.load("corpus/panjshir-2021") }) do
    for _, d in ipairs(corpus:documents()) do
      for _, q in ipairs(d:quantities()) do eq(d.text:sub(q.start, q.stop), q.text) end
      for _, t in ipairs(d:times()) do eq(d.text:sub(t.start, t.stop), t.text) end
    end
  end
end)

test("a relative weekday resolves against the published date and prints readably", function()
  local t = doc:times()[1]
  eq(t.text, "on Monday")
  eq(t.value, "2021-09-06")
  eq(t.anchor, "published")
  eq(t.relative, true)
  eq(tostring(t), '2021-09-06 (Monday, from "on Monday", anchored to published 2021-09-07)')
end)

test("a lower bound: more than 700", function()
  local q = doc:quantities()[1]
  eq({ q.text, q.value, q.min }, { "More than 700", 700, 701 })
  ok(q:contains(701) and not q:contains(700))
end)

test("90 miles and 144 km agree; 120 km does not", function()
  local qs = doc:quantities()
  local miles, km120
  for _, q in ipairs(qs) do
    if q.unit == "mi" then miles = q end
    if q.value == 120 then km120 = q end
  end
  ok(miles and km120, "both distances found")
  eq(miles.alt and miles.alt.value, 144)
  ok(math.abs(miles:to("km") - 144.8) < 0.1)
  eq(miles:overlaps(km120), false)
end)

test("time helpers compare day bounds", function()
  local d = testing.corpus{ { id = "b", published = "2021-09-07",
    text = "It began in early September 2021 and ended on 5 September 2021.\n" } }:document("b")
  local ts = d:times()
  ok(#ts >= 2, "two times")
  local month, day = ts[1], ts[#ts]
  ok(day:overlaps(month) ~= false)
  eq(month:before(day), false)
  raises(function() day:overlaps("x") end, "a time expected")
end)
