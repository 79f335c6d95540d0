-- Extraction accuracy against the gold annotations of both bundled corpora:
-- quantities and times, precision and recall at least 0.95 (the issue's bar).
local f = assert(io.open("tests/gold/score.lua", "rb"))
local score = assert(load(f:read("a"), "@tests/gold/score.lua"))("module")
f:close()

local BAR = 0.95

for _, name in ipairs({ "panjshir-2021", "varkesia-2023" }) do
  local res
  local function get()
    res = res or score.run(name)
    return res
  end
  for _, layer in ipairs({ "quantities", "times" }) do
    test(("%s: %s precision and recall >= %.2f"):format(name, layer, BAR), function()
      local r = get()[layer]
      local detail = ("precision %.3f, recall %.3f (%d matched, %d found, %d in gold)"):format(
        r.p, r.r, r.tp, r.sys, r.gold)
      ok(r.p >= BAR and r.r >= BAR, detail .. "; run: sift run tests/gold/score.lua corpus/" .. name)
    end)
  end
end
