-- sift.report -- findings as text (the compiler convention, with the source
-- line and a caret underline), JSON, JSON Lines and SARIF 2.1.0. Every
-- reporter returns a string; the same findings give the same bytes.
local json = require "sift.core".json
local ipairs, type = ipairs, type
local string_format, string_rep, table_concat = string.format, string.rep, table.concat
local utf8_len = utf8.len

local M = {}

local COLORS = { error = "\27[1;31m", warning = "\27[1;35m", note = "\27[1;36m" }
local BOLD, GREEN, RESET = "\27[1m", "\27[1;32m", "\27[0m"

-- The source line of a finding, tabs kept, and its caret underline. A long
-- line is shown as a window of about 100 characters around the target.
local WINDOW = 40
local function excerpt(doc, f)
  local text = doc.text
  local ls = f.start
  while ls > 0 and text:byte(ls) ~= 10 do ls = ls - 1 end
  local le = text:find("\n", f.start + 1, true) or (#text + 1)
  local from, to, pre, post = ls + 1, le - 1, "", ""
  if to - from > 2 * WINDOW + 20 then
    if f.start - WINDOW > from then
      from = f.start - WINDOW
      while from <= f.start and (text:byte(from) or 0) >= 128 and (text:byte(from) or 0) < 192 do from = from + 1 end
      pre = "..."
    end
    local stop = math.max(f["end"], f.start + 1) + WINDOW
    if stop < to then
      to = stop
      while to > f.start and (text:byte(to + 1) or 0) >= 128 and (text:byte(to + 1) or 0) < 192 do to = to - 1 end
      post = "..."
    end
  end
  local line = pre .. text:sub(from, to):gsub("\r$", "") .. post
  -- one space per character before the target (tabs kept, so columns line up)
  local lead = pre:gsub(".", " ") .. text:sub(from, f.start):gsub(utf8.charpattern,
    function(c) return c == "\t" and "\t" or " " end)
  local last = math.min(f["end"], to)
  local width = math.max(1, (utf8_len(text, f.start + 1, last, true) or 1))
  return line, lead .. "^" .. string_rep("~", width - 1)
end

local function counts(findings)
  local c = { error = 0, warning = 0, note = 0 }
  for _, f in ipairs(findings) do c[f.severity] = c[f.severity] + 1 end
  return c
end

local function plural(n, word) return string_format("%d %s%s", n, word, n == 1 and "" or "s") end

-- text(findings, corpus, {color = bool}) -- "path:line:col: severity: message [rule]"
function M.text(findings, corpus, opts)
  local color = opts and opts.color
  local out = {}
  for _, f in ipairs(findings) do
    local loc = string_format("%s:%d:%d:", f.path or f.doc, f.line, f.col)
    local sev = f.severity .. ":"
    if color then loc, sev = BOLD .. loc .. RESET, COLORS[f.severity] .. sev .. RESET end
    out[#out + 1] = string_format("%s %s %s [%s]", loc, sev, f.message, f.rule)
    local doc = corpus:document(f.doc)
    if doc then
      local line, caret = excerpt(doc, f)
      out[#out + 1] = "  " .. line
      out[#out + 1] = "  " .. (color and (GREEN .. caret .. RESET) or caret)
    end
    for _, r in ipairs(f.related or {}) do
      out[#out + 1] = string_format("%s:%d:%d: note: related: %s", r.path or r.doc, r.line, r.col,
        (r.text:gsub("%s+", " ")))
    end
  end
  local c = counts(findings)
  if #findings == 0 then
    out[#out + 1] = "no findings"
  else
    local parts = {}
    if c.error > 0 then parts[#parts + 1] = plural(c.error, "error") end
    if c.warning > 0 then parts[#parts + 1] = plural(c.warning, "warning") end
    if c.note > 0 then parts[#parts + 1] = plural(c.note, "note") end
    out[#out + 1] = table_concat(parts, ", ")
  end
  return table_concat(out, "\n") .. "\n"
end

local ORDER = { "rule", "severity", "message", "doc", "path", "start", "end", "line", "col", "end_line",
  "end_col", "text", "fingerprint", "related" }

-- A finding as a JSON object with its keys in schema order, "type" first.
local function finding_json(f)
  local parts = { '"type":"finding"' }
  for _, k in ipairs(ORDER) do
    local v = f[k]
    if k == "related" then v = setmetatable(v or {}, json.array_mt) end
    if v ~= nil then parts[#parts + 1] = json.encode(k) .. ":" .. json.encode(v) end
  end
  return "{" .. table_concat(parts, ",") .. "}"
end

-- jsonl(findings) -- one finding record a line.
function M.jsonl(findings)
  local out = {}
  for i, f in ipairs(findings) do out[i] = finding_json(f) end
  return #out > 0 and (table_concat(out, "\n") .. "\n") or ""
end

local function rules_meta(rules)
  local out = {}
  for i, r in ipairs(rules) do
    out[i] = { id = r.id, severity = r.severity, summary = r.summary, description = r.description,
      tags = setmetatable(r.tags or {}, json.array_mt) }
  end
  return setmetatable(out, json.array_mt)
end

-- json(findings, rules, info) -- one document: tool, rules, findings, errors, summary.
function M.json(findings, rules, info)
  local items = {}
  for i, f in ipairs(findings) do items[i] = finding_json(f) end
  local c = counts(findings)
  local head = json.encode({ tool = "sift", version = info.version, corpus = info.corpus,
    summary = { errors = c.error, warnings = c.warning, notes = c.note },
    rules = rules_meta(rules), errors = setmetatable(info.errors or {}, json.array_mt) })
  return head:sub(1, -2) .. ',"findings":[' .. table_concat(items, ",") .. "]}\n"
end

local LEVEL = { error = "error", warning = "warning", note = "note" }

local function region(l)
  return { startLine = l.line, startColumn = l.col, endLine = l.end_line, endColumn = l.end_col,
    byteOffset = l.start, byteLength = l["end"] - l.start }
end

-- sarif(findings, rules, info) -- SARIF 2.1.0, one run.
function M.sarif(findings, rules, info)
  local index = {}
  local drules = {}
  for i, r in ipairs(rules) do
    index[r.id] = i - 1
    drules[i] = { id = r.id, name = r.id, shortDescription = { text = r.summary },
      fullDescription = { text = r.description or r.summary },
      defaultConfiguration = { level = LEVEL[r.severity] },
      properties = { tags = setmetatable(r.tags or {}, json.array_mt) } }
    if r.help then drules[i].helpUri = r.help end
  end
  local results = {}
  for i, f in ipairs(findings) do
    local res = { ruleId = f.rule, level = LEVEL[f.severity], message = { text = f.message },
      locations = { { physicalLocation = { artifactLocation = { uri = f.path or f.doc }, region = region(f) } } },
      partialFingerprints = { ["sift/v1"] = f.fingerprint } }
    if index[f.rule] then res.ruleIndex = index[f.rule] end
    if f.related and #f.related > 0 then
      res.relatedLocations = {}
      for k, r in ipairs(f.related) do
        res.relatedLocations[k] = { id = k, physicalLocation = { artifactLocation = { uri = r.path or r.doc },
          region = region(r) }, message = { text = r.text } }
      end
    end
    results[i] = res
  end
  local notes = {}
  for i, e in ipairs(info.errors or {}) do
    notes[i] = { level = "error", message = { text = e.message }, associatedRule = { id = e.rule } }
  end
  local doc = {
    ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
    version = "2.1.0",
    runs = { {
      tool = { driver = { name = "sift", version = info.version, semanticVersion = info.version,
        informationUri = "https://example.invalid/sift", rules = setmetatable(drules, json.array_mt) } },
      invocations = { { executionSuccessful = #(info.errors or {}) == 0,
        toolExecutionNotifications = setmetatable(notes, json.array_mt) } },
      columnKind = "unicodeCodePoints",
      results = setmetatable(results, json.array_mt),
    } },
  }
  return json.encode(doc, true) .. "\n"
end

-- fingerprints(text) -- the fingerprints in an earlier JSON or SARIF report.
function M.fingerprints(text)
  local v, err = json.decode(text)
  if type(v) ~= "table" then return nil, err or "not a JSON report" end
  local set = {}
  if v.runs then
    for _, run in ipairs(v.runs) do
      for _, r in ipairs(run.results or {}) do
        local fp = r.partialFingerprints and r.partialFingerprints["sift/v1"]
        if fp then set[fp] = true end
      end
    end
  elseif v.findings then
    for _, f in ipairs(v.findings) do
      if f.fingerprint then set[f.fingerprint] = true end
    end
  else
    return nil, "neither a sift JSON report nor SARIF"
  end
  return set
end

return M
