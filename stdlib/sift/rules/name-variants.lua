-- name-variants -- one entity spelt differently across sources:
-- "Zabiullah Mujahid" in one outlet, "Zabihullah Mujahid" in another.
local rule = require "sift.rule"
local core = require "sift.core"

local ipairs, pairs = ipairs, pairs
local table_sort, table_concat = table.sort, table.concat

-- The words of a spelling, as normalisation keys ("Jabul-Saraj" -> {"jabul", "saraj"}).
local function words(text)
  local out = {}
  for w in text:gmatch("[^%s%-]+") do out[#out + 1] = core.key(w) end
  return out
end

-- Levenshtein distance of two short strings (bytes of their keys).
local function distance(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end

-- Two spellings are variants when they have as many words, differ in at
-- least one beyond case and accents, and every differing pair of words is a
-- respelling (same first letter, few edits: "Panjsher"/"Panjshir",
-- "Jablus"/"Jabul"), not another word ("province"/"valley", "Jr."/"R.").
local function variants(a, b)
  local wa, wb = words(a), words(b)
  if #wa ~= #wb then return false end
  local differ = false
  for i = 1, #wa do
    local x, y = wa[i], wb[i]
    if x ~= y then
      if x:sub(1, 1) ~= y:sub(1, 1) or math.min(#x, #y) < 3 then return false end
      if distance(x, y) > math.max(2, math.max(#x, #y) // 3) then return false end
      differ = true
    end
  end
  return differ
end

return rule.define {
  id = "name-variants",
  severity = "note",
  summary = "One entity spelt differently across sources",
  description = "Reports the first use, in each document, of a spelling of an entity that other sources "
    .. "spell differently (beyond case and accents; short forms such as a bare surname do not count).",
  tags = { "entities", "spelling" },
  check = function(corpus, report)
    for _, e in ipairs(corpus:entities()) do
      local spellings = e:spellings()
      -- sources per spelling
      local sources = {}
      for _, s in ipairs(spellings) do
        local set = {}
        for _, id in ipairs(s.docs) do set[corpus:document(id).source or id] = true end
        sources[s.text] = set
      end
      for i, s in ipairs(spellings) do
        local others = {}
        for j, t in ipairs(spellings) do
          if i ~= j and variants(s.text, t.text) then
            local differs = false
            for src in pairs(sources[t.text]) do
              if not sources[s.text][src] then differs = true end
            end
            if differs then others[#others + 1] = t end
          end
        end
        -- report the less common spelling of each pair (ties: the later in sort order)
        local alt = {}
        for _, t in ipairs(others) do
          if t.n > s.n or (t.n == s.n and t.text < s.text) then alt[#alt + 1] = t.text end
        end
        if #alt > 0 then
          table_sort(alt)
          local seen = {}
          for _, m in ipairs(e:mentions()) do
            if m.text == s.text and not seen[m.doc.id] then
              seen[m.doc.id] = true
              report(m, "'%s' is spelt '%s' by other sources (%s)", s.text, table_concat(alt, "', '"), e.name)
            end
          end
        end
      end
    end
  end,
}
