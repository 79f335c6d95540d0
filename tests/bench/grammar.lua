-- grammar.lua -- throughput of the extraction grammars on one core.
--   sift run tests/bench/grammar.lua CORPUS
-- Runs each grammar over every document's plain text (warm, after one
-- untimed pass over the first documents) and prints MB/s per grammar and
-- for quantities and dates together.
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

local texts, bytes = {}, 0
for _, doc in ipairs(corpus:documents()) do
  local t = doc.plain
  texts[#texts + 1] = { t, doc.published and { value = doc.published, kind = "published" } }
  bytes = bytes + #t
end
for i = 1, math.min(20, #texts) do number.scan(texts[i][1]); date.scan(texts[i][1], texts[i][2]) end

local function time(fn)
  local t0 = os.clock()
  local n = 0
  for _, t in ipairs(texts) do n = n + #fn(t[1], t[2]) end
  return os.clock() - t0, n
end

local tq, nq = time(function(t) return number.scan(t) end)
local td, nd = time(function(t, a) return date.scan(t, a) end)
local mb = bytes / 1e6
print(string.format("grammars on one core, %.1f MB in %d documents:", mb, #texts))
print(string.format("  quantities        %7.1f MB/s  (%d found)", mb / tq, nq))
print(string.format("  dates             %7.1f MB/s  (%d found)", mb / td, nd))
print(string.format("  both together     %7.1f MB/s", mb / (tq + td)))
