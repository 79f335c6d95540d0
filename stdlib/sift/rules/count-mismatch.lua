-- count-mismatch -- a stated count and the list that follows disagree:
-- "the town is formed of six villages: A, B, C, D and E" names five.
local rule = require "sift.rule"

local ipairs, math_type = ipairs, math.type

-- Items of an inline list: split on commas, "and", "or" and semicolons.
local function items(list)
  local n, names = 0, {}
  list = list:gsub("%s+and%s+", ","):gsub("%s+or%s+", ","):gsub(";", ",")
  for item in list:gmatch("[^,]+") do
    -- the name as a reader sees it: no link or emphasis markup around it
    item = item:gsub("%[%[[^|%]]*|", ""):gsub("[%[%]]", ""):gsub("'''?", ""):gsub("%*+", "")
    item = item:gsub("^%s+", ""):gsub("%s+$", "")
    if item ~= "" then n = n + 1; names[n] = item end
  end
  return n, names
end

return rule.define {
  id = "count-mismatch",
  severity = "warning",
  summary = "A stated count and the list that follows disagree",
  description = "A number followed by a noun and a colon announces a list (\"six villages: A, B, C, D and E\"). "
    .. "The rule counts the items up to the end of the sentence and reports when the count differs.",
  tags = { "consistency" },
  check = function(corpus, report)
    for _, doc in ipairs(corpus:documents()) do
      local text = doc.text
      for _, q in ipairs(doc:quantities()) do
        local v = q.value
        if v and math_type(v) == "integer" and v >= 2 and v <= 50 and not q.vague and not q.unit
          and not q.approx and (q.min == nil or q.min == v) then
          -- up to four words of noun phrase, then a colon, then the list to the sentence's end
          local rest = text:sub(q.stop + 1, q.stop + 400)
          local noun, list = rest:match("^%s+([%a'%- ]-)%s*:%s*([^%.\n]+)")
          if noun and #noun > 0 and select(2, noun:gsub("%S+", "")) <= 4 then
            local n, names = items(list)
            if n >= 2 and n ~= v then
              report(q, "%s %s, but the list that follows names %d: %s", q.text, noun, n,
                table.concat(names, ", "))
            end
          end
        end
      end
    end
  end,
}
