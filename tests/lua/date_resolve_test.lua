-- sift.grammar.date resolves its parse nodes in C (sift.cdate, runtime/
-- lua_cdate.c). This file keeps the Lua definition of that resolution (the
-- record makers, the word before a date, decoding, the dateline, text
-- anchors and references) and checks that date.scan gives exactly its
-- records, field by field, on the grammar cases and on texts pieced
-- together from date fragments and the words around them (fixed seed),
-- with no anchor, a published day, month or year, and odd anchors.
local lpeg = require "lpeg"
local date = require "sift.grammar.date"
local cal = require "sift.grammar.calendar"

local SETS = date._sets
local P, R, S, B, Cc = lpeg.P, lpeg.R, lpeg.S, lpeg.B, lpeg.Cc
local string_format, string_sub, string_find, string_lower = string.format, string.sub, string.find, string.lower
local string_upper, string_match, string_gmatch, string_reverse = string.upper, string.match, string.gmatch,
  string.reverse
local table_sort, table_concat = table.sort, table.concat
local cal_day, cal_civil, cal_weekday = cal.day, cal.civil, cal.weekday
local cal_mdays, cal_addmonths = cal.mdays, cal.addmonths
local cal_parse, cal_valid = cal.parse, cal.valid

local wc = R("az", "AZ", "09", "\195\225", "\227\244")
local UNITS = SETS.units
local MODWORD = {}
for mod, list in pairs(SETS.mods) do
  if mod ~= "ON" then for _, w in ipairs(list) do MODWORD[w] = mod end end
end

-- ci(s) -- s in any letter case (the grammar's own).
local ci = date._ci

-- wordsbefore(list) -- matches, without moving, where one of the words of
-- list (in any case, no word byte before it) ends with one blank (space or
-- tab) before the position, capturing the word as listed. Look-behinds
-- need a fixed length: the words are grouped by length, and a group is
-- tried only when the byte before the blank is a last letter of one of its
-- words (which rejects most words at once).
local function wordsbefore(list)
  local bylen, lens = {}, {}
  for _, w in ipairs(list) do
    local n = #w
    if not bylen[n] then bylen[n], lens[#lens + 1] = {}, n end
    local l = bylen[n]
    l[#l + 1] = w
  end
  table_sort(lens)
  local p = P(false)
  for _, n in ipairs(lens) do
    local l, last, each = bylen[n], {}, P(false)
    table_sort(l)
    for i, w in ipairs(l) do
      local c = string_sub(w, -1)
      last[i] = c .. string_upper(c)
      each = each + B(ci(w) * S" \t") * Cc(w)
    end
    p = p + B(S(table_concat(last)) * S" \t") * -B(wc * P(n + 1)) * each
  end
  return p
end


local UNITLETTER = { day = "D", week = "W", month = "M", year = "Y", hour = "H", minute = "M" }
local UNITYEARS = { decade = 10, century = 100 }

-- Narrow [a, b] (day numbers) to the third that mod (START, MID, END)
-- names: by days for a month or less, by months for a year (Jan-Apr,
-- May-Aug, Sep-Dec), by years for longer periods (a decade: 0-3, 3-6, 6-9).
local THIRDS = { START = true, MID = true, END = true }
local function narrow(a, b, mod)
  local n = b - a + 1
  if n > 31 then
    local y1, m1 = cal_civil(a)
    local y2, m2 = cal_civil(b)
    local months = (y2 - y1) * 12 + m2 - m1 + 1
    local step = months > 12 and 12 or 1
    local units = months // step
    local size = (units + 2) // 3 -- 12 months: 4; 10 years: 4; 100 years: 34
    local k1 = mod == "START" and 0 or mod == "END" and units - size or (units - size) // 2
    local k2 = k1 + size - 1
    local ya, ma = cal_addmonths(y1, m1, k1 * step)
    local yb, mb = cal_addmonths(y1, m1, k2 * step + step - 1)
    return cal_day(ya, ma, 1), cal_day(yb, mb, cal_mdays(yb, mb))
  end
  if mod == "START" then return a, a + n // 3 - 1 end
  if mod == "MID" then return a + n // 3, a + (2 * n) // 3 - 1 end
  return a + (2 * n) // 3, b
end

-- "YYYY-MM-DD" of day number n, remembered (a few thousand days at most
-- recur in a corpus; the cache is emptied when it grows past that).
local fmtcache, nfmt = {}, 0
local function fmt(n)
  local v = fmtcache[n]
  if not v then
    if nfmt > 20000 then fmtcache, nfmt = {}, 0 end
    v = cal.fmt(n)
    fmtcache[n], nfmt = v, nfmt + 1
  end
  return v
end

-- string_format(f, n) for a number n, remembered for n in 0-9999 (a
-- corpus names a few hundred years, decades and centuries).
local FORMATTED = {}
local function formatted(f, n)
  local byn = FORMATTED[f]
  if not byn then byn = {}; FORMATTED[f] = byn end
  local v = byn[n]
  if not v then
    v = string_format(f, n)
    if n >= 0 and n < 10000 then byn[n] = v end
  end
  return v
end

-- "YYYY" of year y.
local function yearstr(y) return formatted("%04d", y) end

-- The bounds (day numbers) of the last record made, for "the same day".
local lasta, lastb

-- The record for text[s, e) with a value and day bounds (day numbers or nil).
local function record(text, s, e, value, precision, a, b, mod)
  if a and THIRDS[mod] then a, b = narrow(a, b, mod) end
  lasta, lastb = a, b
  return {
    s = s, e = e - 1, text = string_sub(text, s, e - 1), value = value, kind = "date",
    precision = precision, mod = mod, earliest = a and (fmtcache[a] or fmt(a)),
    latest = b and (fmtcache[b] or fmt(b)), relative = false,
  }
end

-- The day number of the first day of month k (y * 12 + m - 1), remembered
-- (emptied past 20000 months).
local firsts, nfirsts = {}, 0
local function monthfirst(k)
  local n = firsts[k]
  if not n then
    if nfirsts > 20000 then firsts, nfirsts = {}, 0 end
    n = cal_day(k // 12, k % 12 + 1, 1)
    firsts[k], nfirsts = n, nfirsts + 1
  end
  return n
end

local function monthbounds(y, m)
  local k = y * 12 + m - 1
  return firsts[k] or monthfirst(k), (firsts[k + 1] or monthfirst(k + 1)) - 1
end
local function yearbounds(y)
  local k = y * 12
  return firsts[k] or monthfirst(k), (firsts[k + 12] or monthfirst(k + 12)) - 1
end

-- "YYYY-MM" of year y and month m, remembered.
local monthcache = {}
local function monthstr(y, m)
  local k = y * 12 + m - 1
  local v = monthcache[k]
  if not v then
    v = string_format("%04d-%02d", y, m)
    if y >= 0 and y < 10000 then monthcache[k] = v end
  end
  return v
end

-- The year a year-less month m (day d, or the month's first day) takes:
-- the anchor's, or the one before when that would lie more than 183 days
-- after the anchor. wd, when given, is a weekday the day must fall on.
local function guessyear(ctx, m, d, wd)
  local y = ctx.ay
  if not y then return nil end
  local ad, pick = ctx.ad, y
  if ad then
    local dd = d or 1
    if not cal_valid(y, m, dd) or cal_day(y, m, dd) - ad > 183 then pick = y - 1 end
  elseif ctx.am and m - ctx.am > 6 then
    pick = y - 1
  end
  if wd and d then
    if cal_valid(pick, m, d) and cal_weekday(cal_day(pick, m, d)) == wd then return pick end
    for _, yy in ipairs{ y, y - 1, y + 1 } do
      if cal_valid(yy, m, d) and cal_weekday(cal_day(yy, m, d)) == wd then return yy end
    end
  end
  return pick
end

-- Mark r as resolved against the anchor (or not resolved at all).
local function relative(r, ctx, how)
  r.relative = true
  r.anchor = how or ctx.akind or "none"
  return r
end

-- A day-precision record for day d, month m, year y (nil: from the anchor).
local function dayrecord(text, s, e, ctx, d, m, y, wd, mod)
  if y then
    if not cal_valid(y, m, d) then return nil end
    local n = cal_day(y, m, d)
    return record(text, s, e, fmt(n), "day", n, n, mod)
  end
  if d > 31 or (m == 2 and d > 29) or (d > 30 and (m == 4 or m == 6 or m == 9 or m == 11)) then return nil end
  y = guessyear(ctx, m, d, wd)
  if not y or not cal_valid(y, m, d) then
    return relative(record(text, s, e, string_format("XXXX-%02d-%02d", m, d), "day", nil, nil, mod), ctx, "none")
  end
  local n = cal_day(y, m, d)
  return relative(record(text, s, e, fmt(n), "day", n, n, mod), ctx)
end

local function monthrecord(text, s, e, ctx, m, y, mod)
  local rel = not y
  if rel then y = guessyear(ctx, m) end
  if not y then
    return relative(record(text, s, e, string_format("XXXX-%02d", m), "month", nil, nil, mod), ctx, "none")
  end
  local a, b = monthbounds(y, m)
  local r = record(text, s, e, monthstr(y, m), "month", a, b, mod)
  return rel and relative(r, ctx) or r
end

-- Words before position s in its clause that put a weekday in the future:
-- a future marker with no past-tense reporting verb after it.
local future
do
  local FUTURE, PAST = {}, {}
  for _, w in ipairs(SETS.future) do FUTURE[w] = true end
  for _, w in ipairs(SETS.past) do PAST[w] = true end
  local FUTURE2 = SETS.future2
  function future(text, s)
    local from = s - 80
    if from < 1 then from = 1 end
    -- (matched on the reversed text: an anchored match is linear, a "$" one is not)
    local clause = string_lower(string_reverse(string_match(string_reverse(string_sub(text, from, s - 1)),
      "^[^%.!?;\n\"]*")))
    local hint = false
    for _, h in ipairs(SETS.hints) do hint = hint or string_find(clause, h, 1, true) ~= nil end
    if not hint then return false end
    local fut, prev = false, nil
    for w in string_gmatch(clause, "[%a']+") do
      if FUTURE[w] or (prev and FUTURE2[prev] == w) or string_sub(w, -3) == "'ll" then fut = true
      elseif fut and PAST[w] then fut = false end
      prev = w
    end
    return fut
  end
end

-- Day number of weekday wd relative to anchor day ad: dir -1 strictly
-- before, 1 strictly after, 0 on or after, nil on or before.
local function weekdayfrom(ad, wd, dir)
  local wa = cal_weekday(ad)
  if dir == -1 then return ad - (wa - wd - 1) % 7 - 1 end
  if dir == 1 then return ad + (wd - wa - 1) % 7 + 1 end
  if dir == 0 then return ad + (wd - wa) % 7 end
  return ad - (wa - wd) % 7
end

-- "Friday (3)": the day numbered dom, in the anchor's month or one next to
-- it, that falls on weekday wd and lies nearest the anchor.
local function weekdaydom(ad, wd, dom)
  local y, m = cal_civil(ad)
  local best, fallback
  for k = -1, 1 do
    local yy, mm = cal_addmonths(y, m, k)
    if cal_valid(yy, mm, dom) then
      local n = cal_day(yy, mm, dom)
      local dist = n > ad and n - ad or ad - n
      if cal_weekday(n) == wd and (not best or dist < best[2]) then best = { n, dist } end
      if n <= ad and (not fallback or n > fallback) then fallback = n end
    end
  end
  return best and best[1] or fallback
end

-- Is the capitalised word at s the end of a name ("Varkesia Today")? True
-- when a capitalised word precedes it on the same line.
local function namepart(text, s)
  local c = string_sub(text, s, s)
  if c < "A" or c > "Z" or s == 1 then return false end
  local from = s - 32
  if from < 1 then from = 1 end
  local rev = string_reverse(string_sub(text, from, s - 1))
  local w = string_match(rev, "^ +([%w\128-\255]+)")
  if not w or (from > 1 and #w == #rev - #string_match(rev, "^ +")) then return false end
  local first = string_sub(w, -1)
  return first >= "A" and first <= "Z"
end

-- Duration value: P5D, P2W, P10Y, PT2H, PXD (remembered by unit and count);
-- false for a whole count beyond the integers (no record).
local DURVALUE = {}
local function durvalue(n, unit)
  local byn = DURVALUE[unit]
  if not byn then byn = {}; DURVALUE[unit] = byn end
  local v = byn[n]
  if v ~= nil then return v end
  local yrs = UNITYEARS[unit]
  if n == "X" then
    if yrs then v = unit == "decade" and "PXDE" or "PXCE"
    elseif unit == "hour" or unit == "minute" then v = "PTX" .. UNITLETTER[unit]
    else v = "PX" .. UNITLETTER[unit] end
  else
    local q = n
    if yrs then q = n * yrs end
    if q == (q // 1) then
      if not math.tointeger(q) then
        byn[n] = false
        return false
      end
      q = string_format("%d", q)
    else
      q = tostring(q)
    end
    if yrs then v = "P" .. q .. "Y"
    elseif unit == "hour" or unit == "minute" then v = "PT" .. q .. UNITLETTER[unit]
    else v = "P" .. q .. UNITLETTER[unit] end
  end
  byn[n] = v
  return v
end

-- A period unit relative to the anchor: "last week", "this month", ...
local function relunitrecord(text, s, e, ctx, t)
  local unit, k = t.unit, t.off or 0
  local ad = ctx.ad
  local r
  if unit == "week" or unit == "weekend" then
    if not ad then return relative(record(text, s, e, unit == "week" and "XXXX-WXX" or "XXXX-WXX-WE", unit),
      ctx, "none") end
    local base = cal.weekstart(ad) + 7 * k
    if t.recent and cal_weekday(ad) < 6 then base = base - 7 end
    local wy, wn = cal.isoweek(base)
    if unit == "week" then
      r = record(text, s, e, string_format("%04d-W%02d", wy, wn), "week", base, base + 6, t.mod)
    else
      r = record(text, s, e, string_format("%04d-W%02d-WE", wy, wn), "weekend", base + 5, base + 6, t.mod)
    end
  elseif unit == "month" then
    if not (ctx.ay and ctx.am) then return relative(record(text, s, e, "XXXX-XX", "month"), ctx, "none") end
    local y, m = cal_addmonths(ctx.ay, ctx.am, k)
    local a, b = monthbounds(y, m)
    r = record(text, s, e, monthstr(y, m), "month", a, b, t.mod)
  else
    if not ctx.ay then return relative(record(text, s, e, "XXXX", "year"), ctx, "none") end
    local a, b = yearbounds(ctx.ay + k)
    r = record(text, s, e, yearstr(ctx.ay + k), "year", a, b, t.mod)
  end
  -- "earlier this month" ends at the anchor, "later this month" starts there
  if t.part and ad and r.earliest then
    if t.part < 0 and cal_day(cal_parse(r.latest)) > ad then r.latest = fmt(ad) end
    if t.part > 0 and cal_day(cal_parse(r.earliest)) < ad then r.earliest = fmt(ad) end
  end
  return relative(r, ctx)
end

-- The word that ends right before position s, with blanks between (none
-- across lines): the word, lower-cased, and its first position.
local function prevword(text, s)
  local from = s - 24
  if from < 1 then from = 1 end
  local sp, w = string_match(string_reverse(string_sub(text, from, s - 1)), "^([ \t]+)(%a+)")
  if not w then return nil end
  w = string_reverse(w)
  local at = s - #sp - #w
  if at > 1 and string_find(string_sub(text, at - 1, at - 1), "^[%w\128-\255]") then return nil end
  return string_lower(w), at
end

local CUE, MONTHNAME = {}, {}
for _, w in ipairs(SETS.cues) do CUE[w] = true end
for _, w in ipairs(SETS.monthnames) do MONTHNAME[w] = true end

-- Undo the grammar's encodings: abbreviated months and weekdays come as
-- negative numbers, units as their surface form. False when the node is
-- no date after all (an abbreviation alone, a bare "May" without a cue).
local function decode(text, t)
  local kind = t.t
  if kind == "skip" then return false end
  local abbr = false
  if t.m and t.m < 0 then t.m, abbr = -t.m, true end
  if t.m2 and t.m2 < 0 then t.m2 = -t.m2 end
  if t.wd and t.wd < 0 then
    t.wd = -t.wd
    if kind == "wd" then return false end
  end
  if t.n2 then t.n = t.n + t.n2 end
  local u = t.unit and UNITS[t.unit]
  if u then t.unit, t.plural = u[1], u[2] end
  if t.bare then
    if abbr then return false end
    if not (t.m == 3 or t.m == 5 or t.capnext) then return true end
    -- "in May", "since March", "in April and May": a preposition, early/mid/
    -- late, or "and"/"or" after another month
    local w, at = prevword(text, t.s)
    if w == "and" or w == "or" then
      w = prevword(text, at)
      if not (w and MONTHNAME[w]) then return false end
    elseif not CUE[w or ""] then
      return false
    end
  end
  return true
end

local function add(out, r)
  if r then out[#out + 1] = r end
  return r
end

-- The record makers by parse kind: each appends what its node gives to
-- out and returns the main record (which takes the prefix mod), if any.
local MAKE = {}

function MAKE.dmy(text, t, ctx, out)
  local s, e, wd, mod = t.s, t.e, t.wd, t.mod
  local r
  if t.pre then
    for i, it in ipairs(t.pre) do
      local first = i == 1 and wd
      local ri = add(out, dayrecord(text, first and s or it.s, it.e, ctx, it.d, t.m, t.y, first, mod))
      r = r or ri
    end
    local last = add(out, dayrecord(text, t.ms or s, e, ctx, t.d, t.m, t.y, nil, mod))
    return r or last
  end
  if t.post then
    r = add(out, dayrecord(text, s, t.me, ctx, t.d, t.m, t.y, wd, mod))
    local post = t.post
    for i, it in ipairs(post) do
      add(out, dayrecord(text, it.s, i == #post and e or it.e, ctx, it.d, t.m, t.y, nil, mod))
    end
    return r
  end
  return add(out, dayrecord(text, s, e, ctx, t.d, t.m, t.y, wd, mod))
end
MAKE.mdy = MAKE.dmy

function MAKE.iso(text, t, _, out)
  local y, m, d = t.ymd[1], t.ymd[2], t.ymd[3]
  if not cal_valid(y, m, d) then return end
  local n = cal_day(y, m, d)
  return add(out, record(text, t.s, t.e, fmt(n), "day", n, n))
end

function MAKE.num(text, t, _, out)
  local a, b, y = t.a, t.b, t.y
  local dm = a <= 31 and b <= 12 and cal_valid(y, b, a) -- a is the day
  local md = b <= 31 and a <= 12 and cal_valid(y, a, b) -- a is the month
  if dm and md and a ~= b then
    local n1, n2 = cal_day(y, b, a), cal_day(y, a, b)
    if n1 > n2 then n1, n2 = n2, n1 end
    return add(out, record(text, t.s, t.e, yearstr(y), "year", n1, n2))
  elseif dm or md then
    local n = dm and cal_day(y, b, a) or cal_day(y, a, b)
    return add(out, record(text, t.s, t.e, fmt(n), "day", n, n))
  end
end

function MAKE.year(text, t, _, out)
  local a, b = yearbounds(t.y)
  return add(out, record(text, t.s, t.e, yearstr(t.y), "year", a, b, t.mod))
end

function MAKE.yrange(text, t, _, out)
  local y1, y2 = t.y1.y, t.y2.y
  if y2 < 100 then y2 = y1 // 100 * 100 + y2 end
  if y2 <= y1 or y2 - y1 > 100 then return end
  local a1, b1 = yearbounds(y1)
  local a2, b2 = yearbounds(y2)
  local r = add(out, record(text, t.y1.s, t.y1.e, yearstr(y1), "year", a1, b1))
  add(out, record(text, t.y2.s, t.e, yearstr(y2), "year", a2, b2))
  return r
end

function MAKE.decade(text, t, _, out)
  local y0 = t.dec * 10
  local a = yearbounds(y0)
  local _, b = yearbounds(y0 + 9)
  return add(out, record(text, t.s, t.e, formatted("%03dX", t.dec), "decade", a, b, t.mod))
end

function MAKE.century(text, t, _, out)
  local c = t.c - 1
  local a = yearbounds(c * 100)
  local _, b = yearbounds(c * 100 + 99)
  return add(out, record(text, t.s, t.e, formatted("%02d", c), "century", a, b, t.mod))
end

local SEASONMONTHS = { SP = 3, SU = 6, FA = 9, WI = 12 }
function MAKE.season(text, t, _, out)
  local y, m = t.y, SEASONMONTHS[t.season]
  local a = cal_day(y, m, 1)
  local y2, m2 = cal_addmonths(y, m, 3)
  return add(out, record(text, t.s, t.e, string_format("%04d-%s", y, t.season), "season", a,
    cal_day(y2, m2, 1) - 1, t.mod))
end

function MAKE.part(text, t, _, out)
  local y, n, qh = t.y, t.n, t.part
  if qh == "H" and n > 2 then return end
  local len = qh == "Q" and 3 or 6
  local m1 = (n - 1) * len + 1
  return add(out, record(text, t.s, t.e, string_format("%04d-%s%d", y, qh, n), qh == "Q" and "quarter" or "half",
    cal_day(y, m1, 1), cal_day(y, m1 + len - 1, cal_mdays(y, m1 + len - 1)), t.mod))
end

function MAKE.my(text, t, ctx, out)
  return add(out, monthrecord(text, t.s, t.e, ctx, t.m, t.y, t.mod))
end

function MAKE.my2(text, t, ctx, out)
  local r = add(out, monthrecord(text, t.s, t.me, ctx, t.m, t.y))
  add(out, monthrecord(text, t.ms2, t.e, ctx, t.m2, t.y))
  return r
end

function MAKE.wd(text, t, ctx, out)
  local ad, s = ctx.ad, t.s
  if not ad then return add(out, relative(record(text, s, t.e, "XXXX-WXX-" .. t.wd, "day"), ctx, "none")) end
  local n
  if t.dom then
    n = weekdaydom(ad, t.wd, t.dom)
  else
    local dir = t.dir
    if dir == nil and future(text, s) then dir = 0 end
    n = weekdayfrom(ad, t.wd, dir)
  end
  if not n then return end
  return add(out, relative(record(text, s, t.e, fmt(n), "day", n, n), ctx))
end

function MAKE.deic(text, t, ctx, out)
  local s = t.s
  if namepart(text, s) then return end
  if not ctx.ad then return add(out, relative(record(text, s, t.e, "XXXX-XX-XX", "day"), ctx, "none")) end
  local n = ctx.ad + t.off
  return add(out, relative(record(text, s, t.e, fmt(n), "day", n, n), ctx))
end

-- A date n units after day number base: its record (nil for other units).
local function shifted(text, s, e, base, n, unit)
  if unit == "day" or unit == "week" then
    local d = base + n * (unit == "week" and 7 or 1)
    return record(text, s, e, fmt(d), "day", d, d)
  end
  local by, bm = cal_civil(base)
  if unit == "month" then
    local y, m = cal_addmonths(by, bm, n)
    local a, b = monthbounds(y, m)
    return record(text, s, e, monthstr(y, m), "month", a, b)
  end
  local k = unit == "year" and 1 or UNITYEARS[unit]
  if not k then return nil end
  local y = by + n * k
  local a, b = yearbounds(y)
  return record(text, s, e, yearstr(y), "year", a, b)
end

-- The reference for "the same day", "two days later": the last date the
-- text named ({a =, b =, value =, precision =}), else the anchor day.
local function refdate(ctx)
  if ctx.ref then return ctx.ref, "text" end
  if ctx.ad then return { a = ctx.ad, b = ctx.ad, precision = "day" }, ctx.akind end
  return nil
end

-- A reference coarser than a day ("In 2011 ... the same day") keeps its
-- value; its bounds move by k days, or by k months when months is true.
local function movedref(text, s, e, ref, k, months)
  local a, b = ref.a, ref.b
  if months then
    local y, m, d = cal_civil(a)
    y, m = cal_addmonths(y, m, k)
    a = cal_day(y, m, d <= cal_mdays(y, m) and d or cal_mdays(y, m))
    y, m, d = cal_civil(b)
    y, m = cal_addmonths(y, m, k)
    b = cal_day(y, m, d <= cal_mdays(y, m) and d or cal_mdays(y, m))
  else
    a, b = a + k, b + k
  end
  return record(text, s, e, ref.value, ref.precision, a, b)
end

function MAKE.ref(text, t, ctx, out)
  local ref, how = refdate(ctx)
  if not ref then return add(out, relative(record(text, t.s, t.e, "XXXX-XX-XX", "day"), ctx, "none")) end
  if ref.precision ~= "day" then return add(out, relative(movedref(text, t.s, t.e, ref, t.off), ctx, how)) end
  local n = ref.a + t.off
  return add(out, relative(record(text, t.s, t.e, fmt(n), "day", n, n), ctx, how))
end

local UNITRANK = { day = 1, week = 1, month = 3, year = 5, decade = 5, century = 5 }
local PRECRANK = { day = 1, week = 2, weekend = 2, month = 3, quarter = 4, season = 4, half = 4, year = 5,
  decade = 6, century = 7 }

function MAKE.refoff(text, t, ctx, out)
  local ref, how = refdate(ctx)
  local n, unit = t.n, t.unit
  if n == "X" or not ref or n ~= n // 1 or not UNITRANK[unit] then return end
  n = n * t.dir
  local r
  if PRECRANK[ref.precision] <= UNITRANK[unit] then
    r = shifted(text, t.s, t.e, ref.a, n, unit)
  elseif unit == "day" or unit == "week" then
    r = movedref(text, t.s, t.e, ref, n * (unit == "week" and 7 or 1))
  else
    r = movedref(text, t.s, t.e, ref, n * (unit == "month" and 1 or 12 * (UNITYEARS[unit] or 1)), true)
  end
  return r and add(out, relative(r, ctx, how))
end

function MAKE.ago(text, t, ctx, out)
  local n = t.n
  if n == "X" or n ~= n // 1 or not ctx.ad then return end
  local r = shifted(text, t.s, t.e, ctx.ad, -n, t.unit)
  return r and add(out, relative(r, ctx))
end

function MAKE.relu(text, t, ctx, out)
  return add(out, relunitrecord(text, t.s, t.e, ctx, t))
end

function MAKE.relm(text, t, ctx, out)
  local s, e, m = t.s, t.e, t.m
  if not ctx.ay then
    return add(out, relative(record(text, s, e, string_format("XXXX-%02d", m), "month"), ctx, "none"))
  end
  local am, y = ctx.am or 12, ctx.ay
  if t.dir < 0 and m >= am then y = y - 1 end
  if t.dir > 0 and m <= am then y = y + 1 end
  local a, b = monthbounds(y, m)
  return add(out, relative(record(text, s, e, monthstr(y, m), "month", a, b), ctx))
end

function MAKE.dur(text, t, _, out)
  local n = t.n or (t.plural and "X") or 1
  local v = durvalue(n, t.unit)
  if not v then return end
  local r = record(text, t.s, t.e, v, t.unit, nil, nil)
  r.kind = "duration"
  if t.pm == "APPROX" then r.mod = "APPROX" end
  return add(out, r)
end

-- Records for one parse node, appended to out; ctx carries the anchor, the
-- text anchor and the last named day. ok is decode's verdict when the node
-- was decoded before (decode changes the node: once per node).
local function resolve(text, t, ctx, out, ok)
  if ok == nil then ok = decode(text, t) end
  if not ok then return end
  local make = MAKE[t.t]
  local r = make and make(text, t, ctx, out)
  if r and t.pm and not r.mod then r.mod = t.pm end
end

-- anchorof(v) -- {year, month or nil, day number or nil} of a value
-- "YYYY", "YYYY-MM" or "YYYY-MM-DD" (cal.parse), or false; remembered (the
-- values recur), the memory emptied past 20000 values.
local anchorof
do
  local memo, n = {}, 0
  function anchorof(v)
    local a = memo[v]
    if a == nil then
      local y, m, d = cal_parse(v)
      a = y and { y, m, d and cal_day(y, m, d) } or false
      if type(v) == "string" then
        if n > 20000 then memo, n = {}, 0 end
        memo[v], n = a, n + 1
      end
    end
    return a
  end
end

-- The anchor state for a document: anchor is {value=, kind=} or nil.
local function newctx(anchor)
  local ctx = {}
  if type(anchor) == "table" and anchor.value then
    local a = anchorof(anchor.value)
    if a then
      ctx.ay, ctx.am, ctx.ad = a[1], a[2], a[3]
      ctx.akind = anchor.kind or "published"
      ctx.fixed = true
    end
  end
  return ctx
end

-- Set ctx from the latest absolute record r (text anchoring).
local function textanchor(ctx, r, kind)
  local a = anchorof(r.value)
  if not a then return end
  ctx.ay, ctx.am, ctx.ad = a[1], a[2], a[3]
  ctx.akind = kind or "text"
end

-- A dateline: a full date near the top on a line reading "PLACE, <date>"
-- or followed by a dash.
local function dateline(text, r)
  if r.s > 400 or r.relative or r.precision ~= "day" then return false end
  -- (the line starts after the last newline before the date)
  local ls, nl = 1, string_find(text, "\n", 1, true)
  while nl and nl < r.s do
    ls = nl + 1
    nl = string_find(text, "\n", ls, true)
  end
  local before = string_sub(text, ls, r.s - 1)
  local after = string_sub(text, r.e + 1, r.e + 6)
  if #before < 80 and string_find(before, "^%s*%u[^%.!?]*,%s*$") then return true end
  if string_find(after, "^%s*[%-%(]") or string_find(after, "^%s*\226\128[\147\148]") then return true end
  return false
end

-- The kinds of node that name a date later text can refer back to ("the
-- same day", "two days later"); not deictic words, periods or durations.
local NAMED = { dmy = true, mdy = true, iso = true, num = true, wd = true, ref = true, refoff = true, my = true,
  my2 = true, year = true, yrange = true, season = true, part = true, relm = true, ago = true }

-- The word before a date, with one blank between: "on" joins a weekday's
-- span; a MODWORD word gives the date its mod or makes it a frequency.
local prefix
do
  local list = { "on" }
  for w in pairs(MODWORD) do list[#list + 1] = w end
  table.sort(list)
  local wordbefore = wordsbefore(list)

  -- Apply the words before node t.
  function prefix(text, t)
    local s = t.s
    local w = wordbefore:match(text, s)
    if not w then return end
    if w == "on" and (t.t == "wd" or t.wd) then
      t.s = s - 3
      w = wordbefore:match(text, s - 3)
    end
    local mod = w and MODWORD[w]
    if not mod then return end
    if t.t == "dur" then
      if mod == "RATE" or (mod == "RATENOUN" and t.art) then t.t = "skip" -- a frequency, not a duration
      elseif mod == "APPROX" or mod == "SOME" then t.pm = "APPROX" end
    elseif mod ~= "SOME" and mod ~= "RATE" and mod ~= "RATENOUN" then
      t.pm = mod
    end
  end
end

-- The records of the parse nodes of text, resolved in text order.
local function records(text, nodes, anchor)
  local ctx = newctx(anchor)
  local out = {}
  local decoded -- (the nodes the dateline search decoded, and decode's verdicts)
  -- without an anchor, look for a dateline first: it anchors the whole text
  if not ctx.fixed then
    decoded = {}
    for _, t in ipairs(nodes) do
      if t.s > 400 then break end
      if (t.t == "dmy" or t.t == "mdy" or t.t == "iso") and t.y or t.t == "iso" then
        local tmp = {}
        local ok = decode(text, t)
        decoded[t] = ok
        resolve(text, t, {}, tmp, ok)
        local r = tmp[#tmp]
        if r and not r.relative and dateline(text, r) then
          textanchor(ctx, r, "dateline")
          ctx.fixed = true
          break
        end
      end
    end
  end
  for _, t in ipairs(nodes) do
    prefix(text, t)
    local n0 = #out
    resolve(text, t, ctx, out, decoded and decoded[t])
    for i = n0 + 1, #out do
      local r = out[i]
      if r.kind == "date" then
        if not ctx.fixed and not r.relative and (r.precision == "day" or r.precision == "month"
            or r.precision == "year") then
          textanchor(ctx, r)
        end
        if i == #out and NAMED[t.t] and r.earliest then
          local ref = ctx.ref or {}
          ref.a, ref.b, ref.value, ref.precision = lasta, lastb, r.value, r.precision
          ctx.ref = ref
        end
      end
    end
  end
  return out
end

-- ------------------------------------------------------------ comparison

local FIELDS = { "s", "e", "text", "value", "kind", "precision", "mod", "earliest", "latest", "relative", "anchor" }

local function show(r)
  local p = {}
  for i, f in ipairs(FIELDS) do p[i] = tostring(r[f]) end
  return table_concat(p, "|")
end

-- the records of text by the Lua definition, each as one line of its fields
local function reference(text, anchor)
  local out = {}
  for i, r in ipairs(records(text, date._parse(text), anchor)) do out[i] = show(r) end
  return out
end

local function scanned(text, anchor)
  local out = {}
  for i, r in ipairs(date.scan(text, anchor)) do
    local n = 0
    for _ in pairs(r) do n = n + 1 end
    out[i] = show(r)
    -- (no other fields)
    local want = 0
    for _, f in ipairs(FIELDS) do if r[f] ~= nil then want = want + 1 end end
    if n ~= want then out[i] = out[i] .. " +" .. (n - want) .. " fields" end
  end
  return out
end

local ANCHORS = { false, { value = "2021-09-07", kind = "published" }, { value = "2021-09-05" },
  { value = "2023-03", kind = "published" }, { value = "1999", kind = "x" }, { value = "2021-02-30" },
  { value = 20210907 }, { kind = "published" }, { value = "2024-02-29", kind = 7 }, { value = "0001-01-03" } }

local function same(text)
  for _, a in ipairs(ANCHORS) do
    local anchor = a or nil
    eq(scanned(text, anchor), reference(text, anchor), string_format("%q, anchor %s", text,
      anchor and tostring(anchor.value) or "none"))
  end
end

local texts = testing.strings(testing.data("tests/data/grammar/dates.lua"))

local FRAGMENTS = { "5 September 2021", "5 September", "September 5, 2021", "Sept. 6", "May", "March", "may",
  "in", "In", "on", "On", "and", "or", "April", "and May", "Monday", "on Monday", "Friday (3)", "Sun",
  "Friday, 3 September 2021", "Friday, 3 and 4 September", "3, 4 and 5 September 2021", "September 5 and 6",
  "last Monday", "next Friday", "this Monday", "this past Monday", "will", "won't", "going to", "said",
  "told", "'ll", "we'll", "scheduled", "due to", "planned for", "expected on", "was", ".", ";", "\"",
  "the same day", "the next day", "the day before", "the night before", "two days later", "three weeks later",
  "a month later", "two years earlier", "five days ago", "a decade later", "two decades later",
  "2.5 days later", "10 days later than", "yesterday", "today", "Today", "Varkesia Today", "tomorrow",
  "last week", "this month", "next year", "earlier this month", "later this week", "the weekend",
  "last weekend", "early 2021", "mid-1990s", "late May", "the end of 2020", "the beginning of March",
  "the 1990s", "the '90s", "the 19th century", "the twenty-first century", "spring 2021", "summer of 2020",
  "first quarter of 2021", "second half of 2020", "third half of 2020", "Q3 2021", "2021", "1999-2001",
  "1992-94", "2001-1999", "2021-09-06", "2021-02-30", "13.09.2021", "09/08/2021", "8/8/2021", "31/02/2021",
  "five-day", "two weeks", "decade-long", "the past few days", "within days", "several years", "a few days",
  "twenty-one days", "2.5 days", "1.5 decades", "hours", "a day", "once", "twice a week", "every two days",
  "around", "about", "almost", "nearly", "some", "before", "by", "prior to", "prior  to", "after", "since",
  "km", "days", "approximately", "AROUND", "xaround", "\195\169around", "\t", " ", "  ", "\n", ",", "-",
  "\226\128\147", "(", "Kabul,", "KABUL, Sept 6 (Reuters) -", "Kabul (AP) \226\128\148", "Copyright 2021",
  "\194\169 2021", "0 September", "31 April", "29 February", "30 February 2024", "The", "He", "x",
  "2021 km", "1500 fighters", "3 days", "1 May 2021", "Monday morning", "last night", "this morning",
  "later that day", "earlier in the day", "that same day", "the following day", "the previous week",
  "twenty years later", "a century later", "9999 years later", "12345 days ago" }

local function pieced(n)
  local parts = {}
  for i = 1, n do
    parts[i] = FRAGMENTS[math.random(#FRAGMENTS)]
    if math.random(4) > 1 then parts[i] = parts[i] .. (math.random(5) == 1 and "\n" or " ") end
  end
  return table_concat(parts)
end

test("date.scan gives the records of the Lua definition on the grammar cases", function()
  for _, t in ipairs(texts) do same(t) end
end)

test("date.scan gives the records of the Lua definition on pieced texts", function()
  math.randomseed(7)
  for _ = 1, 1500 do same(pieced(math.random(1, 24))) end
end)

test("date.scan gives the records of the Lua definition with a date after every prefix of a text", function()
  -- the words before a date, read at every length of what precedes it
  local lead = "He said the talks, due to resume around Monday,\tprior to 4 May, will end xon by 2021 and "
  for i = 0, #lead do
    for _, d in ipairs{ "Friday", "5 September 2021", "May", "two days", "the same day", "today" } do
      same(string_sub(lead, 1, i) .. d)
    end
  end
end)

test("date.scan gives the records of the Lua definition at the edges of guessed years and datelines", function()
  local months = { "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December" }
  for _, a in ipairs{ "2021-03-01", "2021-09-07", "2020-02-29", "2021-12-31", "2021-01-01", "2021-06" } do
    local anchor = { value = a, kind = "published" }
    local parts = {}
    for _, m in ipairs(months) do
      for _, d in ipairs{ 1, 2, 15, 28, 29, 30, 31 } do
        parts[#parts + 1] = ("on %d %s, in %s, Friday, %d %s; "):format(d, m, m, d, m)
      end
    end
    local text = table_concat(parts)
    eq(scanned(text, anchor), reference(text, anchor), a)
  end
  for k = 300, 420, 3 do
    for _, line in ipairs{ "KABUL, 5 September 2021 (Reuters)", "5 September 2021 - Kabul", "A, 2021-09-05 x",
      "Kabul. 5 September 2021,", "Sunday, 5 September 2021 \226\128\148" } do
      local text = string.rep("x", k % 97) .. "\n" .. string.rep("y ", (k - k % 97) // 2) .. "\n" .. line
        .. " and the next day Monday, last week"
      eq(scanned(text), reference(text), text)
      text = string.rep("z", k - 5) .. " " .. line .. " then two days later"
      eq(scanned(text), reference(text), text)
    end
  end
end)

test("the gate lets through every node that starts with a word whose phrases it lists in full", function()
  local leads = { "last", "Last", "this", "next", "NEXT", "spring", "Summer", "autumn", "fall", "winter", "within",
    "recent", "beginning", "start", "middle", "end", "earlier", "later", "several", "Few", "many", "numerous" }
  local after = { "Monday", "mon", "Tues.", "thur", "January", "jan", "Sept.", "sep", "May", "week", "weekend",
    "month", "year", "night", "evening", "morning", "afternoon", "past", "few", "days", "weeks", "hours", "day",
    "of", "of 2021", "2021", "the", "this", "that", "in", "in the day", "that day", "this month", "held",
    "census", "-", "'90s", "\226\128\1472021", "x", "", "Days", "year-long", "\226\128\148day", "villages" }
  for _, f in ipairs(leads) do
    for _, a in ipairs(after) do
      for _, sep in ipairs{ " ", "  ", "\t", "\194\160", "-", "" } do
        local t = "on " .. f .. sep .. a .. " 2021"
        eq(date._scanner:match(t), date._ungated:match(t), t)
      end
    end
  end
end)

test("the calendar of sift.cdate is sift.grammar.calendar's", function()
  local cdate = require "sift.cdate"
  local bad = {}
  for n = cal.day(-401, 1, 1), cal.day(2401, 12, 31), 97 do
    local y, m, d = cal.civil(n)
    local cy, cm, cd = cdate.civil(n)
    if cy ~= y or cm ~= m or cd ~= d or cdate.day(y, m, d) ~= n then bad[#bad + 1] = n end
  end
  eq(bad, {})
end)

test("sift.cdate's day takes any integers, wrapping like the Lua definition", function()
  local cdate = require "sift.cdate"
  local big = math.maxinteger
  for _, a in ipairs{ { 2021, big, 1 }, { 2021, 1, big }, { 2021, math.mininteger, math.mininteger },
    { big, big, big }, { -big, 3, -5 }, { 2021, -7, 400 }, { math.mininteger, 1, 1 }, { math.mininteger, 3, 1 } } do
    eq(cdate.day(a[1], a[2], a[3]), cal.day(a[1], a[2], a[3]), table_concat(a, " "))
  end
end)

test("sift.cdate refuses nodes a script could forge: wrong types, positions outside the text", function()
  local put, make = require("sift.cdate").resolver(date._sets)
  -- put(s, name1, value1, ..., e)
  raises(function() put(1, "ymd", 5, 2) end, "table expected, got number")
  raises(function() put(1, "pre", "abc", 2) end, "table expected, got string")
  raises(function() put(1, "t", "iso", "ymd", 2) end, "a name without a value")
  raises(function() put(1, "t", "iso", "ymd") end, "number expected, got string")
  raises(function() put(1) end, "no span")
  raises(function() put(1, 2, 3, 4) end, "no constant 2")
  raises(function() put(1, 2.5, 3, 4) end, "a name expected, got number")
  put(1, "t", true, 1) -- an unknown kind makes no record
  raises(function()
    put(1000, "t", "iso", "ymd", { 2021, 1, 1 }, 2000)
    make("x")
  end, "lies outside the text")
  put(1, "t", "iso", "ymd", { 2021, 1, 1 }, 3)
  local rs = make("xy")
  eq(rs[1] and rs[1].value, "2021-01-01")
end)

test("sift.cdate's constant fields: one code for a name and its value, read as the pair", function()
  local put, make, _, constant = require("sift.cdate").resolver(date._sets)
  local iso, year = constant("t", "iso"), constant("t", "year")
  eq(math.type(iso), "integer")
  raises(function() constant("t", {}) end, "number, string or boolean expected")
  raises(function() constant({}, 1) end, "string expected")
  put(1, iso, "ymd", { 2021, 1, 2 }, 3)
  eq(make("xy")[1].value, "2021-01-02")
  -- later fields win, codes or pairs
  put(1, "t", "iso", "y", 2021, year, 3)
  eq(make("xy")[1].value, "2021")
  put(1, year, "y", 2021, "t", "iso", "ymd", { 2021, 3, 4 }, 3)
  eq(make("xy")[1].value, "2021-03-04")
  local apr, n1, dur = constant("m", 4), constant("n", 1), constant("t", "dur")
  put(1, "t", "my", apr, "y", 2021, 3)
  local r = make("xy")[1]
  eq({ r.value, r.earliest, r.latest }, { "2021-04", "2021-04-01", "2021-04-30" })
  put(1, n1, "unit", "weeks", dur, 3)
  eq(make("xy")[1].value, "P1W")
end)

test("records' bounds stay right past the cache of day strings (more than 4,096 days)", function()
  local parts, want = {}, {}
  local function mdays(y, m)
    if m == 2 then return (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) and 29 or 28 end
    return (m == 4 or m == 6 or m == 9 or m == 11) and 30 or 31
  end
  local names = { "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December" }
  for y = 1700, 2099 do
    for m = 1, 12 do
      parts[#parts + 1] = "in " .. names[m] .. " " .. y .. "."
      want[#want + 1] = string.format("%04d-%02d-01 %04d-%02d-%02d", y, m, y, m, mdays(y, m))
    end
  end
  local text = table_concat(parts, " ")
  for pass = 1, 2 do -- (the second from a cache renewed meanwhile)
    local got = {}
    for _, r in ipairs(date.scan(text)) do got[#got + 1] = r.earliest .. " " .. r.latest end
    eq(got, want, "pass " .. pass)
  end
end)
