-- score.lua -- precision and recall of extracted quantities and times
-- against the gold annotations of a bundled corpus.
--
--   sift run tests/gold/score.lua corpus/panjshir-2021
--
-- A system record matches a gold record of the same kind when their spans
-- overlap and their values agree (quantities: value, or both vague; times:
-- the TIMEX3 value). Matching is one to one, in text order. Prints a line
-- per layer and, for each miss, where it is. Used by accuracy_test.lua.
local M = {}

local readjson = require("sift.testing").readjson

local null = sift.json.null
local function val(v) if v == null then return nil end return v end

local function same_quantity(sys, g)
  local gv = val(g.value)
  if gv == nil or sys.value == nil then
    return (gv == nil) == (sys.value == nil) and (sys.vague or false) == (val(g.vague) or false)
  end
  return math.abs(sys.value - gv) < 1e-9 * math.max(1, math.abs(gv))
end

local function same_time(sys, g) return sys.value == val(g.value) end

-- Score one layer: sys records have start/stop (Lua positions), gold records start/end (0-based).
local function score(sysrecs, goldrecs, same)
  local used, tp, misses = {}, 0, {}
  for _, g in ipairs(goldrecs) do
    local hit
    for i, s in ipairs(sysrecs) do
      if not used[i] and s.start - 1 < g["end"] and g.start < s.stop and same(s, g) then hit = i; break end
    end
    if hit then used[hit] = true; tp = tp + 1 else misses[#misses + 1] = g end
  end
  local extra = {}
  for i, s in ipairs(sysrecs) do if not used[i] then extra[#extra + 1] = s end end
  return tp, #sysrecs, #goldrecs, misses, extra
end

-- A quantity with a bracketed conversion ("95 km (59 miles)") is one record
-- with two readings; each reading can match a gold record of its own.
local function readings(qs)
  local out = {}
  for _, q in ipairs(qs) do
    out[#out + 1] = q
    if q.alt and q.alt.start then
      out[#out + 1] = { start = q.alt.start, stop = q.alt.stop, text = q.alt.text, value = q.alt.value, doc = q.doc }
    end
  end
  return out
end

-- M.run(name) -> {quantities = {p, r, tp, sys, gold, misses, extra}, times = {...}}
function M.run(name, corpus)
  corpus = corpus or sift.load("corpus/" .. name)
  local gold = readjson("tests/gold/" .. name .. ".json")
  local out = {}
  for _, layer in ipairs({ { "quantities", "quantities", same_quantity }, { "times", "times", same_time } }) do
    local key, method, same = layer[1], layer[2], layer[3]
    local tp, ns, ng, misses, extra = 0, 0, 0, {}, {}
    for _, doc in ipairs(corpus:documents()) do
      local g = {}
      for _, r in ipairs(gold[key] or {}) do if r.doc == doc.id then g[#g + 1] = r end end
      local recs = doc[method](doc)
      if key == "quantities" then recs = readings(recs) end
      local a, b, c, m, e = score(recs, g, same)
      tp, ns, ng = tp + a, ns + b, ng + c
      for _, x in ipairs(m) do misses[#misses + 1] = x end
      for _, x in ipairs(e) do extra[#extra + 1] = x end
    end
    out[key] = { p = ns > 0 and tp / ns or 1, r = ng > 0 and tp / ng or 1, tp = tp, sys = ns, gold = ng,
      misses = misses, extra = extra }
  end
  return out
end

-- run as a script (sift run tests/gold/score.lua corpus/NAME), or loaded with
-- an argument by accuracy_test.lua: load(source, "@tests/gold/score.lua")("module")
local loaded = rawget(_G, "corpus")
if loaded and not ... then
  local name = loaded.name
  local res = M.run(name, loaded)
  for _, key in ipairs({ "quantities", "times" }) do
    local r = res[key]
    print(string.format("%s %-10s precision %.3f  recall %.3f  (%d matched, %d found, %d in gold)",
      name, key, r.p, r.r, r.tp, r.sys, r.gold))
    for _, g in ipairs(r.misses) do
      print(string.format("  missed  %s:%d %q = %s", g.doc, g.start, g.text, tostring(val(g.value))))
    end
    for _, s in ipairs(r.extra) do
      print(string.format("  extra   %s:%d %q = %s", s.doc.id, s.start - 1, s.text, tostring(s.value)))
    end
  end
end
return M
