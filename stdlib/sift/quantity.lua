-- sift.quantity -- the metatable of quantity records (doc:quantities()):
-- plain tables {doc, start, stop, text, value, min, max, unit, approx, vague,
-- coded, base = {value, unit}, alt = {value, unit}} with interval helpers.
local core = require "sift.core"
local unit = require "sift.grammar.unit"
local type, error, tostring, math_huge = type, error, tostring, math.huge
local string_format = string.format

local Q = {}
local mt = { __index = Q, __name = "sift.quantity" }

-- Units, their dimensions and conversion factors live in sift.grammar.unit.
-- factor(u) -> multiplier to the base unit and the base unit's name, or nil
-- (counts, percentages, money: never converted).
local function factor(u)
  if not u then return nil end
  return unit.base(1, u)
end

-- The interval [lo, hi] a quantity stands for, in its own unit: an exact
-- figure is [value, value]; a bound opens the other side ("more than 700":
-- min 701, no max -> [701, inf)); a vague figure without bounds is nil.
local function raw(q)
  if q.value == nil and q.min == nil and q.max == nil then return nil end
  local lo = q.min or (q.max == nil and q.value) or -math_huge
  local hi = q.max or (q.min == nil and q.value) or math_huge
  return lo, hi
end

-- The same interval in the base unit of the quantity's dimension.
local function interval(q)
  local lo, hi = raw(q)
  if lo == nil then return nil end
  local f = factor(q.unit) or 1
  return lo * f, hi * f
end

-- What can be compared with what: the base unit of a convertible unit
-- ("mi" and "km" are both "km"), else the unit itself, else "count".
local function dimension(q)
  local _, base = factor(q.unit)
  return base or q.unit or "count"
end

-- q:bounds() -- lo, hi in the base unit (open ends are -inf / +inf; nil if vague).
function Q:bounds() return interval(self) end

-- q:overlaps(other) -- could the two stand for the same amount? (same
-- dimension, intersecting intervals after conversion; nil when unknown)
function Q:overlaps(other)
  if dimension(self) ~= dimension(other) then return false end
  local a, b = interval(self)
  local c, d = interval(other)
  if not a or not c then return nil end
  -- a stated figure covers its last rounding digit: 144 km is 143.5 to 144.5
  local slack = 0.025 * math.max(math.abs(b), math.abs(d) == math_huge and 0 or math.abs(d), 1)
  return a <= d + slack and c <= b + slack
end

-- q:normalized() -- the value in the base unit of its dimension and that
-- unit's name (90 mi -> 144.84, "km"); nil for counts and vague figures.
-- Computed from the unit, so records read back from JSON Lines agree.
function Q:normalized()
  local f, base = factor(self.unit)
  if not f or self.value == nil then return nil end
  return self.value * f, base
end

-- q:contains(n) -- does the quantity's interval hold n (in its own unit)?
function Q:contains(n)
  if type(n) ~= "number" then error("bad argument #1 to 'contains' (number expected)", 2) end
  local lo, hi = raw(self)
  return lo ~= nil and n >= lo and n <= hi
end

-- q:to(unit) -- the value converted to another unit of the same dimension.
function Q:to(name)
  local f2, b2 = factor(name)
  if not f2 then error("bad argument #1 to 'to' (unknown or unconvertible unit '" .. tostring(name) .. "')", 2) end
  local f1, b1 = factor(self.unit)
  if not f1 or b1 ~= b2 then
    error(string_format("cannot convert %s to %s", tostring(self.unit or "a count"), name), 2)
  end
  return self.value and self.value * f1 / f2 or nil
end

local function num(x)
  if x == nil then return nil end
  if x == math.floor(x) and math.abs(x) < 1e15 then return string_format("%d", x) end
  return string_format("%g", x)
end

function mt.__tostring(q)
  local parts = {}
  if q.value then parts[#parts + 1] = num(q.value) .. (q.unit and (" " .. q.unit) or "") end
  if q.min and q.min ~= q.value then parts[#parts + 1] = "min " .. num(q.min) end
  if q.max and q.max ~= q.value then parts[#parts + 1] = "max " .. num(q.max) end
  if q.vague then parts[#parts + 1] = "vague" .. (q.coded and (", coded " .. num(q.coded)) or "") end
  if q.approx then parts[#parts + 1] = "approx" end
  if q.alt then parts[#parts + 1] = "= " .. num(q.alt.value) .. " " .. (q.alt.unit or "") end
  return string_format("%q (%s)", q.text or "?", table.concat(parts, ", "))
end

core._setmeta("sift.quantity", mt)
return { mt = mt, methods = Q }
