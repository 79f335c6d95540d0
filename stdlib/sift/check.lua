-- sift.check -- the rule pass of `sift check` (stock rules plus --rules
-- files) and of `sift run` (rules the scripts defined). The host calls
-- main(opts) and writes the outputs it returns.
local rule = require "sift.rule"
local report = require "sift.report"
local core = require "sift.core"

local ipairs, pairs, tostring, pcall, load, require = ipairs, pairs, tostring, pcall, load, require
local io_open, string_gmatch = io.open, string.gmatch

local M = {}

-- The stock rules shipped in the stdlib (sift.rules.<id>), in id order.
M.STOCK = { "control-conflict", "count-mismatch", "date-conflict", "figure-conflict", "name-variants",
  "one-sided-casualty", "single-source" }

local LEVELS = { error = 3, warning = 2, note = 1, none = 99 }

local function set(list)
  local s, any = {}, false
  for item in string_gmatch(list or "", "[^,%s]+") do s[item] = true; any = true end
  return any and s or nil
end

local function selected(r, only, skip)
  local function hit(s)
    if s[r.id] then return true end
    for _, t in ipairs(r.tags or {}) do if s[t] then return true end end
    return false
  end
  if only and not hit(only) then return false end
  if skip and hit(skip) then return false end
  return true
end

-- Load a rules file in the current (sandboxed) environment.
local function loadrules(path, errors)
  local f, err = io_open(path, "rb")
  if not f then errors[#errors + 1] = { rule = path, message = "cannot read rules: " .. tostring(err) }; return end
  local src = f:read("a")
  f:close()
  local chunk, cerr = load(src, "@" .. path, "t")
  if not chunk then errors[#errors + 1] = { rule = path, message = cerr }; return end
  local ok, rerr = pcall(chunk)
  if not ok then errors[#errors + 1] = { rule = path, message = tostring(rerr) } end
end

-- main{corpus, stock, rules = {paths}, only, skip, format, color, fail_on,
--      baseline (report text), sarif, json} -> {main, sarif, json, exit, errors}
function M.main(o)
  local errors = {}
  if o.stock then
    for _, id in ipairs(M.STOCK) do require("sift.rules." .. id) end
  end
  for _, path in ipairs(o.rules or {}) do loadrules(path, errors) end
  local only, skip = set(o.only), set(o.skip)
  if only then -- an id or tag that matches nothing is a mistake worth saying
    for name in pairs(only) do
      local found = false
      for _, r in ipairs(rule.list()) do
        if selected(r, { [name] = true }, nil) then found = true end
      end
      if not found then return { usage = "--only: no rule has the id or tag '" .. name .. "'" } end
    end
  end
  local list = {}
  for _, r in ipairs(rule.list()) do
    if selected(r, only, skip) then list[#list + 1] = r end
  end
  local findings, rerrors = rule.run(o.corpus, list)
  for _, e in ipairs(rerrors) do errors[#errors + 1] = e end
  if o.baseline then
    local known, err = report.fingerprints(o.baseline)
    if not known then return { usage = "--baseline: " .. tostring(err) } end
    local kept = {}
    for _, f in ipairs(findings) do
      if not known[f.fingerprint] then kept[#kept + 1] = f end
    end
    findings = kept
  end
  local info = { version = core.version, corpus = o.corpus.name, errors = errors }
  local fmt = o.format or "text"
  local out = {}
  if fmt == "text" then out.main = report.text(findings, o.corpus, { color = o.color })
  elseif fmt == "json" then out.main = report.json(findings, list, info)
  elseif fmt == "jsonl" then out.main = report.jsonl(findings)
  elseif fmt == "sarif" then out.main = report.sarif(findings, list, info)
  else return { usage = "unknown format '" .. tostring(fmt) .. "'" } end
  if o.sarif then out.sarif = report.sarif(findings, list, info) end
  if o.json then out.json = report.json(findings, list, info) end
  local bar = LEVELS[o.fail_on or "error"] or 3
  local failing = false
  for _, f in ipairs(findings) do
    if rule.SEVERITIES[f.severity] >= bar then failing = true end
  end
  out.errors = errors
  out.findings = #findings
  out.exit = #errors > 0 and 3 or failing and 1 or 0
  return out
end

return M
