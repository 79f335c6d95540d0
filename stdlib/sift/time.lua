-- sift.time -- the metatable of time records (doc:times()): plain tables
-- {doc, start, stop, text, value, kind, precision, mod, earliest, latest,
-- relative, anchor} with interval helpers and readable printing.
local core = require "sift.core"
local tonumber, error, type = tonumber, error, type
local string_format = string.format

local T = {}
local mt = { __index = T, __name = "sift.time" }

local WEEKDAYS = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" }

-- Day number (days since 1970-01-01) of "YYYY-MM-DD".
local function daynum(s)
  local y, m, d = s:match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
end

local function weekday(s)
  local n = daynum(s)
  return n and WEEKDAYS[(n + 3) % 7 + 1] -- 1970-01-01 was a Thursday
end

local function check(t, name)
  if type(t) ~= "table" or getmetatable(t) ~= mt then
    error("bad argument #1 to '" .. name .. "' (a time expected)", 3)
  end
end

-- t:overlaps(other) -- could the two name the same day? (nil when either is unbounded)
function T:overlaps(other)
  check(other, "overlaps")
  if not (self.earliest and self.latest and other.earliest and other.latest) then return nil end
  return self.earliest <= other.latest and other.earliest <= self.latest
end

-- t:before(other) -- does t end before other begins?
function T:before(other)
  check(other, "before")
  if not (self.latest and other.earliest) then return nil end
  return self.latest < other.earliest
end

-- t:days() -- earliest and latest as day numbers (days since 1970-01-01).
function T:days()
  return self.earliest and daynum(self.earliest), self.latest and daynum(self.latest)
end

function mt.__tostring(t)
  local head = t.value or "?"
  local notes = {}
  if t.precision == "day" and t.kind ~= "duration" then notes[#notes + 1] = weekday(t.value) end
  if t.mod then notes[#notes + 1] = "mod " .. t.mod end
  if t.kind == "duration" then notes[#notes + 1] = "duration" end
  notes[#notes + 1] = string_format("from %q", t.text or "")
  if t.relative then
    local doc = t.doc
    local anchor = t.anchor == "published" and doc and doc.published
    notes[#notes + 1] = "anchored to " .. (t.anchor or "none") .. (anchor and (" " .. anchor) or "")
  end
  return head .. " (" .. table.concat(notes, ", ") .. ")"
end

core._setmeta("sift.time", mt)
return { mt = mt, methods = T, daynum = daynum, weekday = weekday }
