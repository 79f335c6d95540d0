-- sift.testing -- tests for sift scripts and rules, run by `sift test`.
--
--   test("finds the capital", function()
--     local c = testing.corpus{ {id = "a", published = "2021-09-06", text = [[...]]} }
--     eq(#c:find("Bazarak"), 1)
--   end)
--
-- A test file sees test, eq, ok, raises, matches, snapshot and testing as globals.
local core = require "sift.core"
local inspect = require "sift.inspect".inspect
local type, pairs, ipairs, error, pcall, tostring = type, pairs, ipairs, error, pcall, tostring
local setmetatable, xpcall = setmetatable, xpcall
local string_format, io_write = string.format, io.write
local traceback = debug.traceback

local M = {}
local registered = {}

-- test(name, fn) -- register a test of this file.
function M.test(name, fn)
  if type(name) ~= "string" then error("bad argument #1 to 'test' (string expected, got " .. type(name) .. ")", 2) end
  if type(fn) ~= "function" then error("bad argument #2 to 'test' (function expected, got " .. type(fn) .. ")", 2) end
  registered[#registered + 1] = { name = name, fn = fn }
end

-- corpus{ doc, doc, ..., sides = {...}, entities = {...} } -- a fixture corpus
-- from inline documents ({id=, source=, published=, kind=, title=, text=}).
function M.corpus(spec)
  if type(spec) ~= "table" then error("bad argument #1 to 'corpus' (table expected)", 2) end
  local docs = setmetatable({}, core.json.array_mt)
  for i, d in ipairs(spec) do
    if type(d) ~= "table" or type(d.text) ~= "string" then
      error(string_format("bad document #%d to 'corpus' (a table with a 'text' string expected)", i), 2)
    end
    docs[i] = d
  end
  local manifest = { name = spec.name or "fixture", sides = spec.sides, entities = spec.entities, documents = docs }
  return core._manifest(core.json.encode(manifest), ".", "fixture")
end

local function deepeq(a, b, seen)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, v in pairs(a) do
    if not deepeq(v, b[k], seen) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

-- eq(got, want [, what]) -- deep equality of contents (metatables are not compared).
function M.eq(got, want, what)
  if not deepeq(got, want) then
    error(string_format("%sexpected %s, got %s", what and (what .. ": ") or "", inspect(want), inspect(got)), 2)
  end
end

-- ok(v [, what]) -- v is truthy.
function M.ok(v, what)
  if not v then error((what or "expected a true value") .. " (got " .. inspect(v) .. ")", 2) end
  return v
end

-- matches(s, pattern) -- s matches the Lua pattern.
function M.matches(s, pattern)
  if type(s) ~= "string" or not s:find(pattern) then
    error(string_format("expected a string matching %q, got %s", pattern, inspect(s)), 2)
  end
end

-- raises(fn, pattern) -- fn raises an error whose message matches pattern.
function M.raises(fn, pattern)
  local okay, err = pcall(fn)
  if okay then error("expected an error" .. (pattern and (" matching " .. pattern) or ""), 2) end
  if pattern and not tostring(err):find(pattern) then
    error(string_format("expected an error matching %q, got: %s", pattern, tostring(err)), 2)
  end
  return err
end

-- ------------------------------------------------------------ snapshots

local current = { file = nil, accept = false, writes = {} }

local function readfile(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

-- The first line where two texts differ, for the failure message.
local function firstdiff(want, got)
  local n = 1
  local wl, gl = {}, {}
  for l in (want .. "\n"):gmatch("(.-)\n") do wl[#wl + 1] = l end
  for l in (got .. "\n"):gmatch("(.-)\n") do gl[#gl + 1] = l end
  while wl[n] == gl[n] and n <= #wl do n = n + 1 end
  return string_format("line %d:\n       expected: %s\n       got:      %s", n, tostring(wl[n]), tostring(gl[n]))
end

-- snapshot(name, value) -- value (a string, or anything sift.inspect prints)
-- must equal the stored snapshot __snapshots__/<test file>.<name>.txt beside
-- the test file; `sift test --accept` writes or updates it.
function M.snapshot(name, value)
  if type(name) ~= "string" or not name:match("^[%w_%-%.]+$") then
    error("bad argument #1 to 'snapshot' (a name of letters, digits, '-', '_' and '.' expected)", 2)
  end
  local got = type(value) == "string" and value or (inspect(value) .. "\n")
  local file = current.file or "test"
  local dir = file:match("^(.*)/[^/]*$") or "."
  local base = file:match("([^/]*)%.lua$") or file
  local path = dir .. "/__snapshots__/" .. base .. "." .. name .. ".txt"
  local want = readfile(path)
  if want == got then return end
  if current.accept then
    current.writes[#current.writes + 1] = { path = path, text = got }
    return
  end
  if want == nil then error("no snapshot " .. path .. " (run 'sift test --accept' to create it)", 2) end
  error("snapshot " .. path .. " differs at " .. firstdiff(want, got)
    .. "\n       (run 'sift test --accept' to update it)", 2)
end

-- findings(corpus [, rules]) -- the text report of the rules (default: the
-- stock rules) on a corpus, for expected-findings snapshots.
function M.findings(corpus, rules)
  local rule = require "sift.rule"
  local check = require "sift.check"
  if not rules then
    rules = {}
    for _, id in ipairs(check.STOCK) do rules[#rules + 1] = require("sift.rules." .. id) end
  end
  local fs = rule.run(corpus, rules)
  return require("sift.report").text(fs, corpus, { color = false })
end

-- Expected field values: numbers within a relative 1e-9 (products of
-- floats), tables field by field (a subset), anything else exactly.
local function fieldeq(g, v)
  if type(v) == "number" and type(g) == "number" then
    return g == v or math.abs(g - v) <= 1e-9 * math.max(math.abs(g), math.abs(v))
  end
  if type(v) == "table" and type(g) == "table" then
    for k, x in pairs(v) do
      if not fieldeq(g[k], x) then return false end
    end
    return true
  end
  return g == v
end

local function fieldstr(v)
  if type(v) ~= "table" then return tostring(v) end
  local keys, parts = {}, {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. tostring(v[k]) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- differences(got, want, opts) -- how a list of records differs from the
-- expected field subsets (grammar cases): a list of messages, empty when
-- they match. want[i] is a table of fields ("<nil>" for a field that must
-- be absent) or a string, the expected text. opts: noun ("record"), show
-- (got list -> string, for a count mismatch), get (record, field -> value).
M.NIL = "<nil>"
function M.differences(got, want, opts)
  opts = opts or {}
  local noun, NIL = opts.noun or "record", M.NIL
  local bad = {}
  if #got ~= #want then
    bad[#bad + 1] = string_format("%d %ss, expected %d: %s", #got, noun, #want,
      opts.show and opts.show(got) or "")
  end
  for i = 1, math.min(#got, #want) do
    local w = want[i]
    if type(w) == "string" then w = { text = w } end
    for k, v in pairs(w) do
      local g
      if opts.get then g = opts.get(got[i], k) else g = got[i][k] end
      if (v == NIL and g ~= nil) or (v ~= NIL and not fieldeq(g, v)) then
        bad[#bad + 1] = string_format("%s %d (%q): %s is %s, expected %s", noun, i, tostring(got[i].text), k,
          fieldstr(g), v == NIL and "nil" or fieldstr(v))
      end
    end
  end
  return bad
end

-- readfile(path) -- a file's bytes, or nil and a message.
M.readfile = readfile

-- readjson(path) -- a JSON file's value; raises "path: what" when it cannot.
function M.readjson(path)
  local s, err = readfile(path)
  if not s then error("cannot read " .. path .. (err and (": " .. err) or ""), 2) end
  local v, jerr = core.json.decode(s)
  if v == nil then error(path .. ": " .. tostring(jerr), 2) end
  return v
end

-- data(path) -- the table a plain-data Lua file returns (grammar cases).
function M.data(path)
  local s = readfile(path)
  if not s then error("cannot read " .. path, 2) end
  local chunk, err = load(s, "@" .. path, "t")
  if not chunk then error(err, 2) end
  return chunk()
end

-- strings(v [, out]) -- every string inside v (tables walked deeply, keys
-- in sorted order so runs agree), appended to out; returns out.
function M.strings(v, out)
  out = out or {}
  if type(v) == "string" then
    out[#out + 1] = v
  elseif type(v) == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
      return type(a) < type(b)
    end)
    for _, k in ipairs(keys) do M.strings(v[k], out) end
  end
  return out
end

function M.install(env)
  env.test, env.eq, env.ok, env.matches, env.raises, env.testing = M.test, M.eq, M.ok, M.matches, M.raises, M
  env.snapshot = M.snapshot
end

-- _run(file, verbose, accept) -- run the tests the file registered; print
-- one line each; return passed, failed, results ({name, ok, message,
-- seconds}) and the snapshot files to write ({path, text}).
function M._run(file, verbose, accept)
  local passed, failed, results = 0, 0, {}
  current = { file = file, accept = accept, writes = {} }
  for _, t in ipairs(registered) do
    local t0 = os.clock()
    local okay, err = xpcall(t.fn, function(e) return verbose and traceback(tostring(e), 2) or tostring(e) end)
    results[#results + 1] = { name = t.name, ok = okay, message = not okay and tostring(err) or nil,
      seconds = os.clock() - t0 }
    if okay then
      passed = passed + 1
      if verbose then io_write("ok   ", file, ": ", t.name, "\n") end
    else
      failed = failed + 1
      io_write("FAIL ", file, ": ", t.name, "\n     ", (tostring(err):gsub("\n", "\n     ")), "\n")
    end
  end
  registered = {}
  return passed, failed, results, current.writes
end

return M
