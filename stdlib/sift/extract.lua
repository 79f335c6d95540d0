-- sift.extract -- the extraction stage the host runs on every document, one
-- Lua state per worker thread: extract.document(text, published) returns
-- the records of each kind for one document's plain text.
local number = require "sift.grammar.number"
local date = require "sift.grammar.date"

local M = {}

-- document(text, published) -- {quantities = {...}, times = {...}}, positions
-- 1-based and inclusive into text (the host maps them to the original bytes).
function M.document(text, published)
  local anchor = published and { value = published, kind = "published" } or nil
  return { quantities = number.scan(text), times = date.scan(text, anchor) }
end

return M
