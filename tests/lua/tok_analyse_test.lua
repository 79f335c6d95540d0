-- sift.tok.analyse gives what sift.tok.tokenize gives with the same
-- arguments, except that the token starts and ends (ts, te) are read-only
-- arrays: indexing them and # give what the tables give, for any key.
local tok = require "sift.tok"
local cue = require "sift.grammar.cue"

local hotset = cue.compile().hot

-- What the arrays a, b give for keys around 1..n, and the other results.
local function same(text, sents, times, quants, label)
  local a = table.pack(tok.analyse(text, hotset, sents, times, quants, cue.nonames, cue.particles))
  local b = table.pack(tok.tokenize(text, hotset, sents, times, quants, cue.nonames, cue.particles))
  eq(a.n, b.n, label)
  local n = a[1]
  for r = 2, 3 do
    eq(type(a[r]), "userdata", label)
    eq(#a[r], n, label)
    for i = -1, n + 2 do
      eq(a[r][i], b[r][i], ("%s: result %d at %d"):format(label, r, i))
    end
    for i = 1, n do eq(a[r][i + 0.0], b[r][i], label) end
    eq(a[r][1.5], nil, label)
    eq(a[r]["1"], nil, label)
    eq(a[r].n, nil, label)
    eq(a[r][0 / 0], nil, label)
    eq(a[r][math.maxinteger], nil, label)
    eq(a[r][math.mininteger], nil, label)
    local seen = 0
    for i, v in ipairs(a[r]) do
      eq(v, b[r][i], label)
      seen = i
    end
    eq(seen, n, label)
    a[r], b[r] = true, true
  end
  eq(a, b, label)
end

test("tok.analyse: token bounds and the rest as tokenize gives them", function()
  local text = "The spokesman said: “Zarëk’s men took Kell” on 6 September, killing 1,000. He denied it…"
  local sents = { { s = 1, e = 77, kind = "sentence" }, { s = 79, e = #text, kind = "sentence" } }
  same(text, sents, { { s = 50, e = 60, kind = "date" } }, { { s = 71, e = 75 } }, "one text")
  same("", {}, {}, {}, "no text")
  same("   ", { { s = 1, e = 3 } }, {}, {}, "blanks only")
  same("x", { { s = 1, e = 1 } }, {}, {}, "one byte")
  -- a long text of many short tokens (more than tokenize keeps bounds for
  -- from its counting pass: one per two bytes)
  local parts = {}
  for i = 1, 5000 do parts[i] = (i % 7 == 0) and "a,b" or "Said ." end
  local long = table.concat(parts, " ")
  same(long, { { s = 1, e = #long } }, {}, {}, "many tokens")
end)

test("tok.analyse: the arrays are read-only and keep their metatable", function()
  local _, ts, te = tok.analyse("He said so.", hotset, {}, {}, {})
  eq(getmetatable(ts), "sift.tok bounds")
  eq(getmetatable(te), "sift.tok bounds")
  raises(function() ts[1] = 2 end, "index a sift.tok bounds value")
  eq(ts[1], 1)
  eq(te[4], 11)
end)

test("tok: w and k around the most tokens made from the stack (65,536)", function()
  -- (up to then both come from the stack; beyond, from a store per token)
  for _, n in ipairs({ 65535, 65536, 65537, 70000 }) do
    local parts = {}
    for i = 1, n // 2 do parts[i] = (i % 5 == 0) and "Said," or "it ’s" end
    if n % 2 == 1 then parts[#parts + 1] = "1,000" end
    local text = table.concat(parts, " ")
    local got = table.pack(cue.tokenize(text, hotset))
    eq(got[1], n)
    eq(got, table.pack(cue.tokenize_lua(text, hotset)), n .. " tokens")
    same(text, { { s = 1, e = #text } }, {}, {}, n .. " tokens")
  end
end)

test("tok.analyse: a stamp keeps the sets' values while it and the sets stay", function()
  local text = "The spokesman said Kell fell. Zarëk said the Taliban took Kell; The men said so."
  local sents = { { s = 1, e = 29, kind = "sentence" }, { s = 31, e = #text, kind = "sentence" } }
  local function both(hot, nonames, stamp, label)
    local a = table.pack(tok.analyse(text, hot, sents, {}, {}, nonames, cue.particles, stamp))
    local b = table.pack(tok.tokenize(text, hot, sents, {}, {}, nonames, cue.particles))
    a[2], a[3], b[2], b[3] = true, true, true, true
    eq(a, b, label)
    return a
  end
  local nonames = { the = true }
  local h1, h2 = { said = true }, { said = { the = true }, took = true }
  for round = 1, 3 do
    both(h1, nonames, 1, "stamp 1, round " .. round)
  end
  -- a new stamp, or other tables under the same stamp, read the sets again
  local r2 = both(h2, nonames, 1, "other hot set, same stamp")
  local r3 = both({ said = true, fell = true }, nonames, 2, "stamp 2")
  eq(#r3[7], 4, "said, said, fell, said")
  local n2 = { the = true, kell = true }
  local r4 = both(h2, n2, 2, "other nonames, same stamp")
  local function count(t)
    local c = 0
    for _ in pairs(t) do c = c + 1 end
    return c
  end
  eq(count(r4[23]) < count(r2[23]), true, "Kell is no name word under the other nonames")
  n2.kell, n2.zarek = nil, true
  both(h2, n2, 3, "nonames changed in place, new stamp")
  both(h2, n2, nil, "no stamp")
  h2.fell = true
  both(h2, n2, nil, "hot set changed in place, no stamp")
  both(h2, n2, 4, "stamp 4")
end)

test("cue.analyse: a list changed and compiled takes effect from the next document on", function()
  local ctx = { text = "The minister grumbled that the town fell. He grumbled again." }
  local function hotwords()
    local D = cue.analyse(ctx)
    local ws = {}
    for i = 1, #D.hot do ws[#ws + 1] = D.w[D.hot[i]] end
    return table.concat(ws, " ")
  end
  local before = hotwords()
  eq(before:find("grumbled") == nil, true, before)
  cue.verbs.grumbled = true
  cue.compile()
  local after = hotwords()
  eq(after:find("grumbled") ~= nil, true, after)
  cue.verbs.grumbled = nil
  cue.compile()
  eq(hotwords(), before)
end)
