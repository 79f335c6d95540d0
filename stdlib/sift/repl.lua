-- sift.repl -- the Lua side of the REPL: tab completion and :commands.
local type, pairs, getmetatable, rawget, pcall = type, pairs, getmetatable, rawget, pcall
local table_sort = table.sort
local core = require "sift.core"

local M = {}

-- The keys one can write after "obj." or "obj:" for this value.
local function members(v, colon)
  local out = {}
  local mt = getmetatable(v)
  local cls = type(mt) == "table" and rawget(mt, "__name")
  if type(v) == "userdata" and cls then
    local ok, methods = pcall(core._methods, cls)
    if ok then
      for k in pairs(methods) do
        if k:sub(1, 1) ~= "_" then out[#out + 1] = { k, true } end
      end
    end
    local okf, fields = pcall(core._fields, cls)
    if okf and not colon then
      for _, k in ipairs(fields) do out[#out + 1] = { k, false } end
    end
  elseif type(v) == "table" then
    for k, x in pairs(v) do
      if type(k) == "string" and k:sub(1, 1) ~= "_" then out[#out + 1] = { k, type(x) == "function" } end
    end
    local idx = type(mt) == "table" and rawget(mt, "__index")
    if type(idx) == "table" then
      for k, x in pairs(idx) do
        if type(k) == "string" and k:sub(1, 1) ~= "_" then out[#out + 1] = { k, type(x) == "function" } end
      end
    end
  elseif type(v) == "string" then
    for k in pairs(string) do out[#out + 1] = { k, true } end
  end
  return out
end

-- complete(word) -- candidates for the word under the cursor, e.g. "corpus:doc"
-- gives "corpus:document", "corpus:documents". Only plain name chains are
-- followed (never calls), so completion has no side effects beyond __index.
function M.complete(word, env)
  local chain, sep, last = word:match("^([%a_][%w_%.:]-)([%.:])([%w_]*)$")
  local out = {}
  if not chain then
    last = word:match("([%a_][%w_]*)$") or ""
    local prefix = word:sub(1, #word - #last)
    for k in pairs(env) do
      if type(k) == "string" and k:sub(1, #last) == last then out[#out + 1] = prefix .. k end
    end
    for _, k in ipairs({ "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
      "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while" }) do
      if k:sub(1, #last) == last then out[#out + 1] = prefix .. k end
    end
  else
    local v = rawget(env, chain:match("^[%a_][%w_]*"))
    for name in chain:gmatch("[%.:]([%a_][%w_]*)") do
      if v == nil then break end
      local ok, nv = pcall(function() return v[name] end)
      v = ok and nv or nil
    end
    if v ~= nil then
      for _, m in ipairs(members(v, sep == ":")) do
        local k, isfn = m[1], m[2]
        if k:sub(1, #last) == last and (sep == "." or isfn) then
          out[#out + 1] = chain .. sep .. k .. (isfn and sep == ":" and "(" or "")
        end
      end
    end
  end
  table_sort(out)
  local uniq = {}
  for _, c in ipairs(out) do
    if uniq[#uniq] ~= c then uniq[#uniq + 1] = c end
  end
  return uniq
end

M.HELP = [[
REPL commands:
  :help [name]   help on sift (or a class: corpus, doc, span, sift; or 'doc:find')
  :load FILE     run a Lua file in this session
  :quit          leave (also Ctrl-D)
Lua: statements run; expressions print their values. A chunk left open
(an unfinished function, table or string) continues on the next line.]]

return M
