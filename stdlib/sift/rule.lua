-- sift.rule -- rules and findings.
--
--   rule {
--     id = "one-sided-casualty", severity = "warning",
--     summary = "Casualty figure reported by only one party",
--     description = "...", tags = {"casualty"},
--     check = function(corpus, report)
--       report(target, "format %s", ..., {related = {...}, severity = "note"})
--     end,
--   }
--
-- A target is a span, a doc, or any record with `doc` and `start`/`stop`
-- (quantities, times, claims). Findings are plain tables:
--   {rule, severity, message, doc, path, start, end, line, col, end_line,
--    end_col, text, fingerprint, related = {{doc, path, start, end, line, col, message}}}
-- with 0-based, end-exclusive byte offsets (the JSON convention).
local type, error, ipairs, pairs, tostring = type, error, ipairs, pairs, tostring
local select, pcall, xpcall = select, pcall, xpcall
local getmetatable, setmetatable = getmetatable, setmetatable
local string_format, table_sort, table_concat = string.format, table.sort, table.concat
local traceback = debug.traceback

local M = {}
local SEVERITIES = { error = 3, warning = 2, note = 1 }
M.SEVERITIES = SEVERITIES
local FIELDS = { id = "string", severity = "string", summary = "string", description = "string",
  tags = "table", check = "function", help = "string" }

local rules, by_id = {}, {}

-- rule{...} -- define a rule. Errors point at the caller.
function M.define(spec)
  if type(spec) ~= "table" then error("bad argument #1 to 'rule' (table expected, got " .. type(spec) .. ")", 2) end
  for k, v in pairs(spec) do
    local want = FIELDS[k]
    if not want then
      local names = {}
      for n in pairs(FIELDS) do names[#names + 1] = n end
      table_sort(names)
      error(string_format("unknown field '%s' in rule (expected one of: %s)", tostring(k),
        table_concat(names, ", ")), 2)
    end
    if type(v) ~= want then error(string_format("rule field '%s' must be a %s (got %s)", k, want, type(v)), 2) end
  end
  if not spec.id or not spec.id:match("^[%l%d][%l%d%-]*$") then
    error("rule needs an 'id' of lower-case letters, digits and hyphens", 2)
  end
  if not spec.check then error("rule '" .. spec.id .. "' needs a 'check' function", 2) end
  local sev = spec.severity or "warning"
  if not SEVERITIES[sev] then
    error("rule '" .. spec.id .. "': unknown severity '" .. sev .. "' (expected one of: error, warning, note)", 2)
  end
  if by_id[spec.id] then error("rule '" .. spec.id .. "' is defined twice", 2) end
  local r = { id = spec.id, severity = sev, summary = spec.summary or spec.id, description = spec.description,
    tags = spec.tags or {}, check = spec.check, help = spec.help }
  rules[#rules + 1] = r
  by_id[r.id] = r
  return r
end

function M.list() return rules end
function M.get(id) return by_id[id] end
function M.clear() rules, by_id = {}, {} end

-- FNV-1a, 64 bits (Lua integers wrap), as 16 hex digits.
local function fnv(s)
  local h = -3750763034362895579 -- 0xcbf29ce484222325
  for i = 1, #s do
    h = (h ~ s:byte(i)) * 1099511628211
  end
  return string_format("%016x", h)
end
M.fingerprint = fnv

local function classof(v)
  local mt = getmetatable(v)
  return type(mt) == "table" and mt.__name or nil
end

-- Where a target is: doc handle, 0-based start and end.
local function locate(t)
  local cls = classof(t)
  if cls == "sift.span" then return t.doc, t.offset, t.offset + t.length end
  if cls == "sift.doc" then return t, 0, 0 end
  if type(t) == "table" and classof(t.doc) == "sift.doc" and t.start and t.stop then
    return t.doc, t.start - 1, t.stop
  end
  if type(t) == "table" and t.span and classof(t.span) == "sift.span" then return locate(t.span) end
  return nil
end

local function where(t, what)
  local doc, s, e = locate(t)
  if not doc then
    error(string_format("bad %s to 'report' (a span, doc, claim or record expected, got %s)", what,
      classof(t) or type(t)), 3)
  end
  local a = doc:span(s + 1, s) -- empty spans give line and column of an offset
  local b = doc:span(e + 1, e)
  return { doc = doc.id, path = doc.path, start = s, ["end"] = e, line = a.line, col = a.col,
    end_line = b.line, end_col = b.col, text = doc.text:sub(s + 1, e), _order = doc }
end

-- run(corpus, list) -> findings (sorted), errors ({rule, message} for rules that raised)
function M.run(corpus, list)
  local findings, errors = {}, {}
  local order = {}
  for i, d in ipairs(corpus:documents()) do order[d.id] = i end
  for _, r in ipairs(list or rules) do
    local function report(target, fmt, ...)
      local n = select("#", ...)
      local opts = n > 0 and select(n, ...) or nil
      if type(opts) == "table" and getmetatable(opts) == nil then n = n - 1 else opts = nil end
      if type(fmt) ~= "string" then error("bad argument #2 to 'report' (format string expected)", 2) end
      local ok, msg = pcall(string_format, fmt, select(1, ...))
      if not ok then error("bad format for 'report': " .. tostring(msg), 2) end
      if n == 0 then msg = fmt end
      local f = where(target, "argument #1")
      f.rule, f.message = r.id, msg
      f.severity = opts and opts.severity or r.severity
      if not SEVERITIES[f.severity] then error("unknown severity '" .. tostring(f.severity) .. "'", 2) end
      f.related = {}
      for i, rel in ipairs(opts and opts.related or {}) do
        local l = where(rel, "related target #" .. i)
        l._order = nil
        f.related[#f.related + 1] = l
      end
      f.fingerprint = fnv(table_concat({ r.id, f.doc, f.text, msg }, "\0"))
      findings[#findings + 1] = f
    end
    local ok, err = xpcall(r.check, function(e) return traceback(tostring(e), 2) end, corpus, report)
    if not ok then errors[#errors + 1] = { rule = r.id, message = err } end
  end
  table_sort(findings, function(a, b)
    local oa, ob = order[a.doc] or 0, order[b.doc] or 0
    if oa ~= ob then return oa < ob end
    if a.start ~= b.start then return a.start < b.start end
    if a.rule ~= b.rule then return a.rule < b.rule end
    if a["end"] ~= b["end"] then return a["end"] < b["end"] end
    return a.message < b.message
  end)
  for _, f in ipairs(findings) do f._order = nil end
  return findings, errors
end

return setmetatable(M, { __name = "sift.rule" })
