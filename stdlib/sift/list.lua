-- sift.list -- plain sequences with helper methods (the metatable of every
-- list sift returns: documents, sentences, matches).
local setmetatable, type, ipairs, error, tostring = setmetatable, type, ipairs, error, tostring
local table_sort, table_concat = table.sort, table.concat

local List = {}
local mt = { __index = List, __name = "sift.list" }

local function new(t) return setmetatable(t or {}, mt) end

-- list:map(fn) -- a new list of fn(item).
function List:map(fn)
  local out = new()
  for i, v in ipairs(self) do out[i] = fn(v) end
  return out
end

-- list:filter(fn) -- the items for which fn(item) is true.
function List:filter(fn)
  local out = new()
  for _, v in ipairs(self) do
    if fn(v) then out[#out + 1] = v end
  end
  return out
end

-- list:sort([cmp]) -- sorts in place and returns the list.
function List:sort(cmp)
  table_sort(self, cmp)
  return self
end

-- list:first() -- the first item, or nil.
function List:first() return self[1] end

-- list:join(sep) -- tostring of each item, joined.
function List:join(sep)
  local parts = {}
  for i, v in ipairs(self) do parts[i] = tostring(v) end
  return table_concat(parts, sep or ", ")
end

-- list:count([fn]) -- how many items (satisfy fn).
function List:count(fn)
  if not fn then return #self end
  local n = 0
  for _, v in ipairs(self) do
    if fn(v) then n = n + 1 end
  end
  return n
end

function List:each(fn)
  if type(fn) ~= "function" then error("bad argument #1 to 'each' (function expected)", 2) end
  for i, v in ipairs(self) do fn(v, i) end
end

return { new = new, mt = mt, methods = List }
