-- sift -- the Lua half of the `sift` module.
-- Receives the C half (require "sift.core": json, key, load, _manifest),
-- adds the Lua-written methods to the classes, and exports helpers.
local core = require "sift.core"
local inspect = require "sift.inspect"
local list = require "sift.list"
local help = require "sift.help"
require "sift.quantity" -- metatables of quantity and time records
require "sift.time"
require "sift.claims" -- entities, claims and claim sets on corpus and doc
local lpeg = require "lpeg"

local setmetatable, type, tostring, select, ipairs, error = setmetatable, type, tostring, select, ipairs, error
local io_write, table_concat = io.write, table.concat
local string_find = string.find
local P, Cp, V = lpeg.P, lpeg.Cp, lpeg.V

local sift = core
sift.inspect = inspect.inspect
sift.list = list.new
sift.help = help.help
sift.rule = require("sift.rule").define
core._setmeta("sift.list", list.mt)

-- sift.grammar.number, .date, .cue, ... -- the stdlib's grammars, loaded on
-- first use (the same modules as require "sift.grammar.number").
sift.grammar = setmetatable({}, { __index = function(t, k)
  local m = require("sift.grammar." .. k)
  t[k] = m
  return m
end })

-- sift.extractor{name =, kinds = {...}, run = function(doc, emit) ... end}
-- -- a user extractor: every document's extraction calls run with the
-- document's context, and each emit{...} adds a claim (sift.extract). The
-- host loads the file that defines it into every worker state.
function sift.extractor(spec)
  local extract = require "sift.extract"
  local x = extract.new(spec, 2)
  extract.unique(x.name, 2)
  local where, stop = core._extractor(x.name)
  x.where = where
  extract.add(x, 2)
  if stop then error(core._extractor_stop, 0) end
end

-- Methods written in Lua join the C methods tables of their classes.
local methods = core._methods

-- ------------------------------------------------------------ find

-- An LPeg pattern that finds p anywhere, returning start and end positions.
local function anywhere(p)
  return P{ Cp() * p * Cp() + 1 * V(1) }
end

local function matcher(p)
  if type(p) == "string" then
    if p == "" then error("bad argument #1 to 'find' (empty string)", 3) end
    return function(text, init)
      local s, e = string_find(text, p, init, true)
      if s then return s, e + 1 end
    end
  end
  if lpeg.type(p) ~= "pattern" then
    error("bad argument #1 to 'find' (string or LPeg pattern expected, got " .. type(p) .. ")", 3)
  end
  local a = anywhere(p)
  return function(text, init) return a:match(text, init) end
end

-- doc:find(p) -- every non-overlapping match of p (a literal string or an
-- LPeg pattern) in the document's plain text, as spans of the original bytes.
local function docfind(doc, p, m)
  m = m or matcher(p)
  local text, out, init = doc.plain, list.new(), 1
  while init <= #text do
    local s, e = m(text, init)
    if not s then break end
    if e > s then
      out[#out + 1] = doc:_plainspan(s, e - 1)
      init = e
    else
      init = s + 1 -- an empty match: move on
    end
  end
  return out
end

methods("sift.doc").find = function(doc, p) return docfind(doc, p) end

-- corpus:find(p) -- matches in every document, in corpus order.
methods("sift.corpus").find = function(corpus, p)
  local m, out = matcher(p), list.new()
  for _, doc in ipairs(corpus:documents()) do
    for _, span in ipairs(docfind(doc, p, m)) do out[#out + 1] = span end
  end
  return out
end

-- ------------------------------------------------------------ printing

-- Print values as the REPL and `run -e` show them.
function sift._show(...)
  local n = select("#", ...)
  if n == 0 then return end
  local parts = {}
  for i = 1, n do parts[i] = inspect.inspect((select(i, ...))) end
  io_write(table_concat(parts, "\t"), "\n")
end

sift.tostring = tostring
return setmetatable(sift, { __name = "sift" })
