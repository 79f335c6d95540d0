-- The stock rules on the bundled corpora: expected findings as snapshots
-- (tests/lua/__snapshots__/; after a deliberate change: sift test --accept).
for _, name in ipairs({ "panjshir-2021", "varkesia-2023" }) do
  test(name .. ": stock rule findings", function()
    snapshot(name, testing.findings(sift.load("corpus/" .. name)))
  end)
end
