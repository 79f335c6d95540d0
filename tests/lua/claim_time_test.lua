-- sift.grammar.claim's time of a claim (timein) is the nearest date in the
-- claim's clause that is no duration and no date of reporting; it visits
-- only the tokens of such dates (D.tt), the first token of each. These
-- check the times chosen where durations stand before, between and after
-- the dates of a clause.
local claim = require "sift.grammar.claim"
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

local function times(text)
  local ctx = { text = text, doc = { id = "d", kind = "news", source = "Outlet", published = "2024-05-08" } }
  ctx.quantities = number.scan(text)
  ctx.times = date.scan(text, { value = "2024-05-08", kind = "published" })
  local got = {}
  for _, r in ipairs(claim.scan(ctx)) do
    got[#got + 1] = r.category .. ": " .. (r.time and ctx.times[r.time].text or "-")
  end
  return got
end

test("claim time: dates among durations", function()
  eq(times("Fighters killed 12 soldiers on Monday after a three-day siege of the town."),
    { "killed: on Monday", "siege: on Monday" })
  eq(times("After three days of fighting, rebels captured Kell on March 3, the army said."),
    { "took: March 3", "capture: March 3" })
  eq(times("For two weeks the army shelled Kell; on 4 May it captured the town."),
    { "capture: 4 May", "took: 4 May" })
  eq(times("Rebels killed 7 civilians in Kell over the weekend, two days after the army captured Zarek on Friday."),
    { "killed: the weekend", "took: on Friday", "capture: on Friday" })
end)
