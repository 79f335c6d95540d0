-- The bundled corpora are written in the project's own words: no run of
-- eight words may match the real articles in ../shared/dev-samples.
local SAMPLES = "../shared/dev-samples/"
local CORPORA = { "panjshir-2021", "varkesia-2023" }
local N = 8

local function words(text)
  local w = {}
  for word in text:lower():gmatch("[%l%d]+") do w[#w + 1] = word end
  return w
end

local function grams(text, into)
  local w = into or {}
  local ws = words(text)
  for i = 1, #ws - N + 1 do w[table.concat(ws, " ", i, i + N - 1)] = true end
  return w
end

local f = io.open(SAMPLES .. "gold.json", "rb")
if not f then
  io.write("skip originality: ", SAMPLES, " is not beside the project\n")
  return
end
local index = sift.json.decode(f:read("a"))
f:close()
local ref = {}
for _, d in pairs(index.docs) do
  local g = assert(io.open(SAMPLES .. d.file, "rb"))
  grams(g:read("a"), ref)
  g:close()
end

for _, name in ipairs(CORPORA) do
  test(name .. ": no run of " .. N .. " words from the dev samples", function()
    local hits = {}
    for _, doc in ipairs(sift.load("corpus/" .. name):documents()) do
      for g in pairs(grams(doc.text)) do
        if ref[g] then hits[#hits + 1] = doc.id .. ": " .. g end
      end
    end
    table.sort(hits)
    eq(hits, {})
  end)
end
