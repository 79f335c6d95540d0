-- sift.grammar.name on hostile texts: long title-case runs without
-- punctuation, all-capital lines, runs of title words, lines without a
-- stop, long sentences of role phrases. A scan must stay linear in the
-- text: the work of its steps that read around a token (name._work(): bytes
-- searched, spans keyed, candidates stepped over) must at most double when
-- the text doubles, and stay within a few units a byte; the mentions are
-- the ones the grammar gives on short texts of the same shape.
local name = require "sift.grammar.name"

local SIDES = { { id = "nrf", label = "National Resistance Front", aliases = { "the resistance" } } }

-- Distinct capitalised words, one per piece ("W" in the piece).
local function distinct(n, piece)
  local t = {}
  for i = 1, n do
    local w = string.char(65 + i % 26, 97 + (i // 26) % 26, 97 + (i // 676) % 26)
    t[i] = piece:gsub("W", w)
  end
  return table.concat(t)
end

-- name, the text of about `bytes` bytes, the mentions per 60,000 bytes
local SHAPES = {
  { "a title-case line", function(b) return ("Ab "):rep(b // 3) end, 0 },
  { "hyphened words", function(b) return ("Ab-Cd "):rep(b // 6) end, 0 },
  { "initials", function(b) return ("A. "):rep(b // 3) end, 19999 },
  { "a name particle's word", function(b) return ("Al Ab "):rep(b // 6) end, 0 },
  { "all-capital lines", function(b) return ("ABC DEF\n"):rep(b // 8) end, 0 },
  { "an all-capital line", function(b) return ("ABC "):rep(b // 4) end, 0 },
  { "al- names", function(b) return ("al-Ab "):rep(b // 6) end, 0 },
  { "title words", function(b) return ("General Commander Leader "):rep(b // 25) end, 0 },
  { "title words joined by of", function(b) return ("Minister of "):rep(b // 12) .. "Ab." end, 1 },
  { "one-word sentences", function(b) return ("Ab. "):rep(b // 4) end, 0 },
  { "distinct one-word sentences", function(b) return distinct(b // 5, "W. ") end, 4 },
  { "lines without a stop", function(b) return ("Ab\n"):rep(b // 3) end, 0 },
  { "a name, then a headline of it", function(b) return "Ab Cd said.\n" .. ("Ab Cd "):rep(b // 6) end, 10001 },
  { "a long name, then a long headline", function(b)
    return ("Ab "):rep(b // 6) .. "Ab.\n" .. ("Ab "):rep(b // 6)
  end, 1 },
  { "a sentence of role phrases", function(b) return ("spokesman Ab Cd, "):rep(b // 17) .. "x." end, 3529 },
  { "a sentence of 'led by'", function(b) return ("the resistance led by Ab Cd, "):rep(b // 29) .. "x." end, 2068 },
  { "a sentence of 'its'", function(b) return ("the resistance and its spokesman Ab Cd, "):rep(b // 40) .. "x." end,
    1500 },
}

for _, sh in ipairs(SHAPES) do
  test(("linear on %s"):format(sh[1]), function()
    local t1, t2 = sh[2](30000), sh[2](60000)
    local ms1 = name.scan{ text = t1, sides = SIDES }
    local w1 = name._work()
    local ms2 = name.scan{ text = t2, sides = SIDES }
    local w2 = name._work()
    ok(w2 <= 2.2 * w1 + 100 and w2 <= 8 * #t2, ("work %d for %d bytes, %d for %d bytes"):format(w1, #t1, w2, #t2))
    ok(#ms1 <= #ms2, "fewer mentions in the longer text")
    eq(#ms2, sh[3])
  end)
end

test("a 200 KB line of capitalised words and 50,000 one-word sentences stay linear", function()
  local line = ("Ab Cd "):rep(200000 // 6)
  eq(#name.scan{ text = line }, 0)
  ok(name._work() <= 4 * #line, "work " .. name._work())
  local sents = ("Kelm. "):rep(50000) .. "They left Kelm."
  local ms = name.scan{ text = sents }
  ok(name._work() <= 4 * #sents, "work " .. name._work())
  eq(#ms, 50001)
end)

-- The counts above at a size the grammar had no trouble with before.
test("the shapes give at 3 KB what they give at 60 KB, scaled", function()
  local ms = name.scan{ text = "Ab Cd said.\n" .. ("Ab Cd "):rep(500) }
  eq(#ms, 501)
  eq(ms[2].text, "Ab Cd")
  eq(ms[501].s, 12 + 6 * 499 + 1)
  eq(#name.scan{ text = ("A. "):rep(1000) }, 999)
end)
