-- summary.lua -- what is in a corpus: documents per source, the dates they
-- cover, sentences and words, and the sides the manifest declares.
--
--   sift run scripts/summary.lua corpus/panjshir-2021
local docs = corpus:documents()

local function words(text)
  local n = 0
  for _ in text:gmatch("[%w\128-\255][%w\128-\255'’%-]*") do n = n + 1 end
  return n
end

local by_source, sources = {}, {}
local first, last
local total_sentences, total_words, total_bytes = 0, 0, 0
for _, doc in ipairs(docs) do
  local src = doc.source or "(no source)"
  if not by_source[src] then
    by_source[src] = {}
    sources[#sources + 1] = src
  end
  table.insert(by_source[src], doc)
  if doc.published then
    if not first or doc.published < first then first = doc.published end
    if not last or doc.published > last then last = doc.published end
  end
  total_sentences = total_sentences + #doc:sentences()
  total_words = total_words + words(doc.plain)
  total_bytes = total_bytes + doc.bytes
end
table.sort(sources)

print(string.format("corpus %s: %d documents from %d sources, %d sentences, %d words (%d bytes)",
  corpus.name, #docs, #sources, total_sentences, total_words, total_bytes))
if first then print(string.format("published %s to %s", first, last)) end

local sides = corpus:sides()
if #sides > 0 then
  local parts = {}
  for _, s in ipairs(sides) do
    parts[#parts + 1] = string.format("%s (%s%s)", s.label, s.id, s.party and ", party" or "")
  end
  print("sides: " .. table.concat(parts, ", "))
end

print("")
print(string.format("%-28s %-11s %-12s %9s  %s", "source", "published", "kind", "sentences", "title"))
for _, src in ipairs(sources) do
  for _, doc in ipairs(by_source[src]) do
    local title = doc.title or doc.id
    if #title > 50 then title = title:sub(1, 47):gsub("[\128-\191]*$", ""):gsub("[\192-\255]$", "") .. "..." end
    print(string.format("%-28s %-11s %-12s %9d  %s", src:sub(1, 28), doc.published or "-",
      doc.kind or "-", #doc:sentences(), title))
  end
end
