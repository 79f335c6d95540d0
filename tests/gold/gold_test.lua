-- The gold annotations agree with the texts: every offset points at the
-- annotated text, every mention names a listed entity, every side is
-- declared, every finding names a stock rule. Format: tests/gold/README.md.
-- A new bundled corpus is added to CORPORA.

local CORPORA = { "panjshir-2021", "varkesia-2023" }
local RULES = {
  ["one-sided-casualty"] = true, ["date-conflict"] = true, ["figure-conflict"] = true,
  ["control-conflict"] = true, ["single-source"] = true, ["name-variants"] = true,
  ["count-mismatch"] = true,
}
local SPANNED = { "times", "quantities", "mentions", "casualties", "controls", "events", "findings" }

local readjson = testing.readjson

for _, name in ipairs(CORPORA) do
  local gold = readjson("tests/gold/" .. name .. ".json")
  local corpus = sift.load("corpus/" .. name)
  local null = sift.json.null

  test(name .. ": every annotation's offsets point at its text", function()
    local bad, n = {}, 0
    for _, kind in ipairs(SPANNED) do
      for i, r in ipairs(gold[kind] or {}) do
        n = n + 1
        local doc = corpus:document(r.doc)
        if not doc then
          bad[#bad + 1] = ("%s[%d]: no document '%s'"):format(kind, i, tostring(r.doc))
        elseif r.start ~= null and r.start ~= nil then
          local got = doc.text:sub(r.start + 1, r["end"])
          if got ~= r.text then
            bad[#bad + 1] = ("%s[%d] %s:%d-%d: %q, annotated %q"):format(
              kind, i, r.doc, r.start, r["end"], got, r.text)
          end
        end
      end
    end
    ok(n > 0, "the gold file annotates something")
    eq(bad, {})
  end)

  test(name .. ": mentions name listed entities; spellings occur in the corpus", function()
    local names, bad = {}, {}
    for _, e in ipairs(gold.entities or {}) do names[e.name] = e end
    for i, m in ipairs(gold.mentions or {}) do
      if not names[m.entity] then
        bad[#bad + 1] = ("mentions[%d]: unknown entity '%s'"):format(i, tostring(m.entity))
      end
    end
    for _, e in ipairs(gold.entities or {}) do
      for _, s in ipairs(e.spellings or {}) do
        if #corpus:find(s) == 0 then
          bad[#bad + 1] = ("entity '%s': spelling '%s' not in the corpus"):format(e.name, s)
        end
      end
    end
    eq(bad, {})
  end)

  test(name .. ": sides are declared; findings name stock rules", function()
    local sides, bad = { civilian = true }, {}
    for _, s in ipairs(corpus:sides()) do sides[s.id] = true end
    local function side(v, where)
      if v ~= nil and v ~= null and not sides[v] then
        bad[#bad + 1] = where .. ": undeclared side '" .. tostring(v) .. "'"
      end
    end
    for i, c in ipairs(gold.casualties or {}) do
      side(c.subject_side, "casualties[" .. i .. "].subject_side")
      side(c.claimant_side, "casualties[" .. i .. "].claimant_side")
    end
    for i, e in ipairs(gold.entities or {}) do side(e.side, "entities[" .. i .. "].side") end
    for i, f in ipairs(gold.findings or {}) do
      if not RULES[f.rule] then bad[#bad + 1] = ("findings[%d]: unknown rule '%s'"):format(i, tostring(f.rule)) end
    end
    eq(bad, {})
  end)
end
