-- figures.lua -- the figures each source gives, side by side: one block per
-- source, each figure with its normalised value and the words around it.
--
--   sift run scripts/figures.lua corpus/panjshir-2021
--   sift run -e 'about = "killed"' scripts/figures.lua corpus/panjshir-2021
--
-- With `about`, only figures in sentences containing that word are listed.
local subject = rawget(_G, "about")

local by_source, sources = {}, {}
for _, doc in ipairs(corpus:documents()) do
  local src = doc.source or doc.id
  for _, q in ipairs(doc:quantities()) do
    local sentence = doc:span(q.start, q.stop):sentence()
    local text = (sentence and sentence.text or q.text):gsub("%s+", " ")
    if not subject or text:find(subject, 1, true) then
      if not by_source[src] then
        by_source[src] = {}
        sources[#sources + 1] = src
      end
      table.insert(by_source[src], { q = q, doc = doc.id, text = text })
    end
  end
end
table.sort(sources)

local function value(q)
  local parts = {}
  if q.value then parts[1] = string.format("%g", q.value) .. (q.unit and (" " .. q.unit) or "") end
  if q.min and q.min ~= q.value then parts[#parts + 1] = ">= " .. string.format("%g", q.min) end
  if q.max and q.max ~= q.value then parts[#parts + 1] = "<= " .. string.format("%g", q.max) end
  if q.vague then parts[#parts + 1] = "vague" end
  if q.approx then parts[#parts + 1] = "approx" end
  return table.concat(parts, ", ")
end

for _, src in ipairs(sources) do
  print(src)
  for _, r in ipairs(by_source[src]) do
    local quote = r.text
    if #quote > 80 then quote = quote:sub(1, 77):gsub("[\128-\191]*$", ""):gsub("[\192-\255]$", "") .. "..." end
    print(string.format("  %-22s %-18s %-16s %s", r.q.text:sub(1, 22), value(r.q), r.doc, quote))
  end
end
