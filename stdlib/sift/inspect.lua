-- sift.inspect -- readable printing of any Lua value, as the REPL shows it.
-- Tables print to a bounded depth with sorted keys; sift objects and other
-- values with a __tostring print through it; cycles print as <cycle>.
local type, tostring, pairs, getmetatable, rawget = type, tostring, pairs, getmetatable, rawget
local string_format, string_match = string.format, string.match
local table_sort, table_concat, math_type = table.sort, table.concat, math.type

local MAX_DEPTH = 4   -- SIFT_MAX_PRINT_DEPTH in runtime/limits.h
local MAX_ITEMS = 100 -- items shown per table before "..."
local WIDTH = 78      -- a table that fits on one line prints on one line

local function isident(s)
  return type(s) == "string" and string_match(s, "^[%a_][%w_]*$") ~= nil
end

local function quote(s)
  return (string_format("%q", s):gsub("\\\n", "\\n"))
end

local function keycmp(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

local function scalar(v)
  local t = type(v)
  if t == "string" then return quote(v) end
  if t == "number" then
    if math_type(v) == "float" and v == v and v ~= 1 / 0 and v ~= -1 / 0 and v % 1 == 0 then
      return string_format("%.1f", v)
    end
    return tostring(v)
  end
  local mt = getmetatable(v)
  if mt and type(mt) == "table" and rawget(mt, "__tostring") then return tostring(v) end
  if t == "table" then return nil end
  return tostring(v)
end

local function render(v, depth, seen, indent)
  local s = scalar(v)
  if s then return s end
  if seen[v] then return "<cycle>" end
  if depth >= MAX_DEPTH then return "{...}" end
  seen[v] = true
  local n, keys = #v, {}
  for k in pairs(v) do
    if not (math_type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  table_sort(keys, keycmp)
  local parts = {}
  for i = 1, n do
    if i > MAX_ITEMS then
      parts[#parts + 1] = string_format("... (%d more)", n - MAX_ITEMS)
      break
    end
    parts[#parts + 1] = render(v[i], depth + 1, seen, indent .. "  ")
  end
  for i, k in ipairs(keys) do
    if i > MAX_ITEMS then
      parts[#parts + 1] = string_format("... (%d more)", #keys - MAX_ITEMS)
      break
    end
    local ks = isident(k) and k or "[" .. (scalar(k) or tostring(k)) .. "]"
    parts[#parts + 1] = ks .. " = " .. render(v[k], depth + 1, seen, indent .. "  ")
  end
  seen[v] = nil
  if #parts == 0 then return "{}" end
  local one = "{ " .. table_concat(parts, ", ") .. " }"
  if #one + #indent <= WIDTH and not one:find("\n", 1, true) then return one end
  local inner = indent .. "  "
  return "{\n" .. inner .. table_concat(parts, ",\n" .. inner) .. "\n" .. indent .. "}"
end

-- inspect(v) -- a readable string for v.
local function inspect(v)
  return render(v, 0, {}, "")
end

return { inspect = inspect }
