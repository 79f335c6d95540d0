-- timeline.lua -- every date the sources give, in date order, with who gave
-- it and the sentence it sits in. Restrict it to one subject by setting
-- `about` first:
--
--   sift run scripts/timeline.lua corpus/panjshir-2021
--   sift run -e 'about = "Bazarak"' scripts/timeline.lua corpus/panjshir-2021
--
-- Dates are compared by their day bounds, so "September 2021" sorts before
-- "5 September 2021" and both sort by what they mean, not how they are written.
local subject = rawget(_G, "about")

local rows = {}
for _, doc in ipairs(corpus:documents()) do
  for _, t in ipairs(doc:times()) do
    if t.kind == "date" and t.earliest then
      local sentence = doc:span(t.start, t.stop):sentence()
      local text = sentence and sentence.text or t.text
      if not subject or text:find(subject, 1, true) then
        rows[#rows + 1] = { t = t, source = doc.source or doc.id, doc = doc.id, text = (text:gsub("%s+", " ")) }
      end
    end
  end
end

table.sort(rows, function(a, b)
  if a.t.earliest ~= b.t.earliest then return a.t.earliest < b.t.earliest end
  if a.t.latest ~= b.t.latest then return a.t.latest < b.t.latest end
  if a.doc ~= b.doc then return a.doc < b.doc end
  return a.t.start < b.t.start
end)

print(string.format("%d dates%s", #rows, subject and (" in sentences about " .. subject) or ""))
for _, r in ipairs(rows) do
  local when = r.t.value .. (r.t.mod and (" " .. r.t.mod:lower()) or "")
  local quote = r.text
  if #quote > 90 then quote = quote:sub(1, 87):gsub("[\128-\191]*$", ""):gsub("[\192-\255]$", "") .. "..." end
  print(string.format("%-16s %-28s %s", when, r.source:sub(1, 28), quote))
end
