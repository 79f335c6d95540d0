-- The stock rules' findings against the gold findings of both corpora:
-- same rule, same document, overlapping span. Rules listed here match the
-- gold exactly; a rule joins the list when it does.
local RULES = { "count-mismatch", "one-sided-casualty" }

local rule = require "sift.rule"

local readjson = testing.readjson

for _, name in ipairs({ "panjshir-2021", "varkesia-2023" }) do
  local corpus = sift.load("corpus/" .. name)
  local gold = readjson("tests/gold/" .. name .. ".json").findings
  for _, id in ipairs(RULES) do
    test(("%s: %s findings are the gold's"):format(name, id), function()
      local r = require("sift.rules." .. id)
      local found = rule.run(corpus, { r })
      local want = {}
      for _, g in ipairs(gold) do
        if g.rule == id then want[#want + 1] = g end
      end
      local used, missed = {}, {}
      for _, g in ipairs(want) do
        local hit
        for i, f in ipairs(found) do
          if not used[i] and f.doc == g.doc and f.start < g["end"] and g.start < f["end"] then hit = i; break end
        end
        if hit then used[hit] = true else missed[#missed + 1] = g.doc .. ": " .. g.text end
      end
      local extra = {}
      for i, f in ipairs(found) do
        if not used[i] then extra[#extra + 1] = f.doc .. ": " .. f.text end
      end
      eq({ missed = missed, extra = extra }, { missed = {}, extra = {} })
    end)
  end
end
