-- The rule API: defining rules, reporting on targets, findings, ordering.
local R = require "sift.rule"

local c = testing.corpus{
  { id = "a", source = "Wire", published = "2021-09-07",
    text = "Fighters held Arvel on Monday.\nThe town of Arvel has six villages: A, B and C.\n" },
  { id = "b", source = "Other", published = "2021-09-08", text = "Arvel was quiet. Tovin too.\n" },
}

local function define(spec)
  R.clear()
  return R.define(spec)
end

test("report on spans gives JSON positions, line and column", function()
  local r = define { id = "t1", severity = "note", summary = "s", check = function(corpus, report)
    report(corpus:document("a"):find("Arvel")[2], "found %s", "Arvel")
  end }
  local fs, errs = R.run(c, { r })
  eq(errs, {})
  eq(#fs, 1)
  local f = fs[1]
  eq({ f.rule, f.severity, f.message, f.doc, f.line, f.col, f.text },
    { "t1", "note", "found Arvel", "a", 2, 13, "Arvel" })
  eq(c:document("a").text:sub(f.start + 1, f["end"]), "Arvel")
end)

test("targets: docs, records, and related locations", function()
  local r = define { id = "t2", summary = "s", check = function(corpus, report)
    local a, b = corpus:document("a"), corpus:document("b")
    report(b, "whole document")
    local q = a:quantities()[1]
    report(q, "figure %s", q.text, { related = { b:find("Tovin")[1] }, severity = "error" })
  end }
  local fs = R.run(c, { r })
  eq(#fs, 2)
  eq(fs[1].doc, "a") -- corpus order first
  eq(fs[1].severity, "error")
  eq(fs[1].related[1].text, "Tovin")
  eq(fs[2].severity, "warning") -- the default
  eq({ fs[2].start, fs[2]["end"], fs[2].line }, { 0, 0, 1 })
end)

test("findings sort by document, offset and rule", function()
  R.clear()
  local z = R.define { id = "z", summary = "s", check = function(corpus, report)
    for _, s in ipairs(corpus:find("Arvel")) do report(s, "z") end
  end }
  local a = R.define { id = "a", summary = "s", check = function(corpus, report)
    for i = #corpus:find("Arvel"), 1, -1 do report(corpus:find("Arvel")[i], "a") end
  end }
  local fs = R.run(c, { z, a })
  local got = {}
  for i, f in ipairs(fs) do got[i] = f.doc .. ":" .. f.start .. ":" .. f.rule end
  eq(got, { "a:14:a", "a:14:z", "a:43:a", "a:43:z", "b:0:a", "b:0:z" })
end)

test("fingerprints are stable and tell findings apart", function()
  local r = define { id = "t3", summary = "s", check = function(corpus, report)
    for _, s in ipairs(corpus:find("Arvel")) do report(s, "x") end
  end }
  local f1, f2 = R.run(c, { r }), R.run(c, { r })
  eq(f1[1].fingerprint, f2[1].fingerprint)
  matches(f1[1].fingerprint, "^%x+$")
  ok(f1[1].fingerprint ~= f1[3].fingerprint, "different documents")
end)

test("a rule that raises is recorded; the others still run", function()
  R.clear()
  local bad = R.define { id = "bad", summary = "s", check = function() error("boom") end }
  local good = R.define { id = "good", summary = "s",
    check = function(corpus, report) report(corpus:document("b"), "ok") end }
  local fs, errs = R.run(c, { bad, good })
  eq(#fs, 1)
  eq(errs[1].rule, "bad")
  matches(errs[1].message, "boom")
end)

test("definitions are checked", function()
  R.clear()
  raises(function() R.define { id = "x", summary = "s", chek = function() end } end, "unknown field 'chek'")
  raises(function() R.define { id = "Bad Id", check = function() end } end, "needs an 'id'")
  raises(function() R.define { id = "x", severity = "fatal", check = function() end } end,
    "unknown severity 'fatal'")
  raises(function() R.define { id = "x" } end, "needs a 'check' function")
  R.define { id = "dup", check = function() end }
  raises(function() R.define { id = "dup", check = function() end } end, "defined twice")
end)

test("report checks its target", function()
  local r = define { id = "t4", summary = "s", check = function(_, report) report(42, "x") end }
  local _, errs = R.run(c, { r })
  matches(errs[1].message, "a span, doc, claim or record expected, got number")
end)

test("the stock count-mismatch rule", function()
  R.clear()
  local rule = require "sift.rules.count-mismatch"
  local fs = R.run(c, { rule })
  eq(#fs, 1)
  eq(fs[1].message, "six villages, but the list that follows names 3: A, B, C")
end)
