-- sift.grammar.calendar -- proleptic Gregorian day arithmetic for the date
-- grammar: day numbers (days since 1970-01-01), weekdays, ISO weeks, month
-- lengths and YYYY-MM-DD formatting. Pure Lua integer arithmetic; no os.*.
--
--   local cal = require "sift.grammar.calendar"
--   local n = cal.day(2021, 9, 7)          -- 18877
--   cal.weekday(n)                         -- 2 (ISO: 1 = Monday ... 7 = Sunday)
--   cal.fmt(n - 1)                         -- "2021-09-06"
--   cal.isoweek(n)                         -- 2021, 36
--   cal.parse("2021-09")                   -- 2021, 9, nil
local tonumber, type, string_format = tonumber, type, string.format

local M = {}

local MDAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

-- leap(y) -- is y a leap year?
local function leap(y)
  return y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)
end
M.leap = leap

-- mdays(y, m) -- the number of days in month m of year y.
local function mdays(y, m)
  if m == 2 and leap(y) then return 29 end
  return MDAYS[m]
end
M.mdays = mdays

-- valid(y, m, d) -- does the triple name a calendar day? (Every month has
-- the days up to 28.)
local function valid(y, m, d)
  if m < 1 or m > 12 or d < 1 then return false end
  return d <= 28 or d <= mdays(y, m)
end
M.valid = valid

-- day(y, m, d) -- the day number of a civil date (days since 1970-01-01).
-- Shifts the year to start in March so the leap day is the year's last day,
-- then counts whole 400-year eras, years and days of the shifted year.
function M.day(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12 -- March = 0
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

-- civil(n) -- the year, month and day of day number n (inverse of day).
function M.civil(n)
  n = n + 719468
  local era = n // 146097
  local doe = n - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400
  if m <= 2 then y = y + 1 end
  return y, m, d
end

-- weekday(n) -- ISO weekday of day number n: 1 = Monday ... 7 = Sunday.
function M.weekday(n)
  return (n + 3) % 7 + 1 -- 1970-01-01 was a Thursday
end

-- fmt(n) -- "YYYY-MM-DD" of day number n.
function M.fmt(n)
  local y, m, d = M.civil(n)
  return string_format("%04d-%02d-%02d", y, m, d)
end

-- isoweek(n) -- ISO 8601 week-numbering year and week of day number n.
function M.isoweek(n)
  local thursday = n - M.weekday(n) + 4 -- the week belongs to its Thursday's year
  local y = M.civil(thursday)
  return y, (thursday - M.day(y, 1, 1)) // 7 + 1
end

-- weekstart(n) -- day number of the Monday of n's ISO week.
function M.weekstart(n)
  return n - M.weekday(n) + 1
end

-- parse(s) -- year, month, day of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (missing
-- parts nil), or nil when s is none of these or names no calendar day.
function M.parse(s)
  if type(s) ~= "string" then return nil end
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then
    y, m = s:match("^(%d%d%d%d)%-(%d%d)$")
    if not y then y = s:match("^(%d%d%d%d)$") end
  end
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m and (m < 1 or m > 12) then return nil end
  if d and not M.valid(y, m, d) then return nil end
  return y, m, d
end

-- addmonths(y, m, k) -- the year and month k months after y-m (k may be negative).
function M.addmonths(y, m, k)
  local i = y * 12 + (m - 1) + k
  return i // 12, i % 12 + 1
end

return M
