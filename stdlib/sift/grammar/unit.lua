-- sift.grammar.unit -- units of measure: their written forms, canonical
-- names, dimensions and conversion to one base unit per dimension.
--
--   local unit = require "sift.grammar.unit"
--   unit.pattern                 -- LPeg: a unit written after a number, captures its name
--   unit.base(90, "mi")          --> 144.84096, "km"
--   unit.dimension("ha")         --> "area"
--   unit.words{ "at least", ... } -- LPeg: any of the phrases, case-insensitive, whole words
--   unit.trie{ ["at least"] = p }  -- LPeg: a phrase, then the pattern given for it
--
-- Base units: km (length), km2 (area), day (time), kg (mass), km/h (speed).
-- Percentages and money have no base: a currency is its ISO 4217 code and
-- is never converted. Uses LPeg only; all patterns are built once, here.
local lpeg = require "lpeg"

local P, R, S, C = lpeg.P, lpeg.R, lpeg.S, lpeg.C
local pairs, ipairs, type, error, setmetatable = pairs, ipairs, type, error, setmetatable
local string_lower, string_upper, string_sub, string_gsub = string.lower, string.upper, string.sub, string.gsub
local string_find = string.find
local table_sort, table_concat = table.sort, table.concat
local _ENV = nil -- luacheck: ignore 211 (from here on no global is read or written)

local M = {}

-- ------------------------------------------------------------ characters

local digit = R"09"
-- Word bytes: ASCII letters and digits, and the bytes of UTF-8 letters
-- (lead bytes C3-E1 and E3-EF, continuation bytes 80-BF); not C2 (no-break
-- space, pound sign), E2 (quotes, dashes, symbols) or F0-F4 (emoji). A set,
-- so LPeg tests a word boundary (-wordch) in one instruction and can tell
-- it apart from the letters of a longer word without backtracking.
local wordch = R("az", "AZ", "09", "\128\191", "\195\225", "\227\239")
-- Horizontal space: blank, tab, no-break space, thin and narrow no-break space.
local hs = S" \t" + P"\194\160" + P"\226\128\137" + P"\226\128\175"
-- One or more blanks, the common case (ASCII blanks only) first: a span.
local blanks = S" \t" ^ 1 + hs ^ 1

M.wordch, M.hs, M.blanks, M.digit = wordch, hs, blanks, digit

-- Lowercase a phrase and fold every run of space to one blank, so written
-- forms can be looked up in tables.
local function fold(s)
  s = string_lower(s)
  s = string_gsub(s, "\194\160", " ")
  s = string_gsub(s, "\226\128[\137\175]", " ")
  return (string_gsub(s, "%s+", " "))
end
M.fold = fold

-- lookup(f) -- a table whose value at a written form s is f(s), computed
-- once per distinct form: LPeg query captures (`patt / t`) index it in C,
-- so a repeated word costs no Lua call.
local function lookup(f)
  return setmetatable({}, { __index = function(t, s)
    local v = f(s)
    t[s] = v
    return v
  end })
end
M.lookup = lookup

-- ------------------------------------------------------------ word sets

-- trie(map [, order [, open]]) -- a pattern matching the longest phrase of
-- the map at the current position, then that phrase's pattern: letters
-- match in any case, a blank in a phrase matches one or more blanks, and a
-- phrase ending in a word character must not be followed by another one.
-- The phrases are compiled into a trie, so one walk both recognises a word
-- and picks what may follow it. `order` (a string of first letters) tests
-- the most frequent first letters first.
--
-- An open trie never fails on a word that starts with a word byte other
-- than a digit: a word that is no phrase, or a phrase whose pattern fails,
-- is consumed without captures. When a phrase of several words breaks off
-- after a blank, only its first word is consumed. Each node then tests disjoint byte sets only (the letters of
-- its children, the other word bytes, a non-word byte), so LPeg compiles it
-- to a chain of set tests with no backtracking: skipping a word costs a
-- few tests. (Only a node where a phrase goes on with a blank needs a
-- backtrack entry.)
--
-- Letters by how often English words start with them or contain them: a
-- node tests its children in this order.
local FREQUENT = " etaoinsrhldcumfpgwybvkxjqz"
-- RANK[order][c]: where c first is in order (nil when it is not), for sorting.
local RANK = setmetatable({}, { __index = function(t, order)
  local r = {}
  for i = #order, 1, -1 do r[string_sub(order, i, i)] = i end
  t[order] = r
  return r
end })
-- The patterns that many nodes share, made once (LPeg builds a new tree for
-- every operation): the end of a word, a byte (a letter in either case), and the
-- other word bytes of an open node with its letters (and a digit at the top).
local endword, truep, wordrest = -wordch, P(true), wordch ^ 0
local BYTE = setmetatable({}, { __index = function(t, k)
  local u = string_upper(k)
  local p = u ~= k and S(k .. u) or P(k)
  t[k] = p
  return p
end })
local OTHER = setmetatable({}, { __index = function(t, taken)
  local p = (wordch - S(taken .. string_upper(taken))) * wordch ^ 0
  t[taken] = p
  return p
end })
local function trie(map, order, open)
  if type(map) ~= "table" then error("bad argument #1 to 'trie' (table expected)", 2) end
  local space = blanks
  local root = { kids = {}, keys = {} }
  for w, cont in pairs(map) do
    local node = root
    for i = 1, #w do
      local c = string_sub(w, i, i)
      local k = string_lower(c)
      local nxt = node.kids[k]
      if not nxt then
        nxt = { kids = {}, keys = {} }
        node.kids[k] = nxt
        node.keys[#node.keys + 1] = k
      end
      node = nxt
    end
    node.word = string_sub(w, -1):match("[%w]") ~= nil
    node.cont = cont
  end
  local function gen(node, top, after_blank)
    local keys = node.keys
    -- A chain of nodes with one letter each and no phrase ending at them
    -- ("onsiderable" in "considerable") is its letters in one sequence: in
    -- an open trie, a word that leaves the chain is consumed to its end
    -- (wordrest), as the other word bytes of each node would. One LPeg
    -- operation a letter, not three that each copy the subtree below.
    if not top and node.cont == nil and #keys == 1 and string_find(keys[1], "^%a$") then
      local letters, last = BYTE[keys[1]], node.kids[keys[1]]
      while last.cont == nil and #last.keys == 1 and string_find(last.keys[1], "^%a$") do
        letters = letters * BYTE[last.keys[1]]
        last = last.kids[last.keys[1]]
      end
      local p = letters * gen(last, false, after_blank)
      return open and not after_blank and p + wordrest or p
    end
    local rank = RANK[top and order or FREQUENT]
    table_sort(keys, function(x, y)
      local a, b = rank[x] or 99, rank[y] or 99
      if a ~= b then return a < b end
      return x < y
    end)
    local alt
    local function add(p) alt = alt and (alt + p) or p end
    -- In an open trie the other word bytes come first: disjoint from the
    -- children, so the order keeps the meaning, and the commonest case (a
    -- word that is no phrase) costs one test.
    if open and not after_blank then
      add(OTHER[table_concat(keys) .. (top and "0123456789" or "")])
    end
    -- The children, in groups of a few letters behind one set test each,
    -- so a byte that starts no child costs a few tests, not one per child.
    local group, gset
    local function flush()
      if group then add(#S(gset) * group) end
      group, gset = nil, nil
    end
    for _, k in ipairs(keys) do
      local step, bytes
      if k == " " then
        step = space
      else
        local u = string_upper(k)
        step, bytes = BYTE[k], u ~= k and k .. u or k
      end
      local p = step * gen(node.kids[k], false, after_blank or k == " ")
      if bytes and #keys > 5 then
        group = group and (group + p) or p
        gset = (gset or "") .. bytes
        if #gset >= 8 then flush() end
      else
        flush()
        add(p)
      end
    end
    flush()
    if node.cont ~= nil then
      local stop = node.word and endword or truep
      local cont = node.cont == true and truep or node.cont
      add(stop * (open and not after_blank and (cont + truep) or cont))
    elseif open and not top and not after_blank then
      add(endword)
    end
    return alt or P(false)
  end
  return gen(root, true)
end
M.trie = trie

-- words(list) -- a pattern matching the longest phrase of the list (as trie).
local function words(list)
  if type(list) ~= "table" then error("bad argument #1 to 'words' (table expected)", 2) end
  local map = {}
  for _, w in ipairs(list) do map[w] = true end
  return trie(map)
end
M.words = words

-- ------------------------------------------------------------ units

-- name -> dimension, factor to the base unit of the dimension.
local UNITS = {
  km = { "length", 1 }, m = { "length", 0.001 }, cm = { "length", 0.00001 }, mm = { "length", 0.000001 },
  mi = { "length", 1.609344 }, ft = { "length", 0.0003048 }, yd = { "length", 0.0009144 },
  nmi = { "length", 1.852 },
  km2 = { "area", 1 }, m2 = { "area", 0.000001 }, ha = { "area", 0.01 }, mi2 = { "area", 2.589988110336 },
  acre = { "area", 0.0040468564224 },
  second = { "time", 1 / 86400 }, minute = { "time", 1 / 1440 }, hour = { "time", 1 / 24 }, day = { "time", 1 },
  week = { "time", 7 }, month = { "time", 365.2425 / 12 }, year = { "time", 365.2425 },
  decade = { "time", 3652.425 }, century = { "time", 36524.25 },
  kg = { "mass", 1 }, t = { "mass", 1000 }, g = { "mass", 0.001 },
  ["km/h"] = { "speed", 1 }, mph = { "speed", 1.609344 },
  percent = { "ratio" }, pp = { "ratio" },
  USD = { "money" }, EUR = { "money" }, GBP = { "money" }, AFN = { "money" }, RUB = { "money" },
  CNY = { "money" }, INR = { "money" }, PKR = { "money" },
}
local BASE = { length = "km", area = "km2", time = "day", mass = "kg", speed = "km/h" }

-- base(value, name) -- the value in the base unit of its dimension and that
-- unit's name; nil for counts, ratios, money and unknown units.
function M.base(value, name)
  local u = UNITS[name]
  if not u or not u[2] or type(value) ~= "number" then return nil end
  return value * u[2], BASE[u[1]]
end

-- dimension(name) -- "length", "area", "time", "mass", "speed", "ratio",
-- "money", or nil for an unknown name.
function M.dimension(name)
  local u = UNITS[name]
  return u and u[1]
end

-- Written forms after a number (any case; a blank also matches a no-break
-- space). Bare single letters are left out on purpose: "5 in", "5 s", "5 t"
-- and "5 g" are more often words than units.
local FORMS = {
  km = { "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers" },
  m = { "m", "metre", "metres", "meter", "meters" },
  cm = { "cm", "centimetre", "centimetres", "centimeter", "centimeters" },
  mm = { "mm", "millimetre", "millimetres", "millimeter", "millimeters" },
  mi = { "mi", "mile", "miles" },
  nmi = { "nautical mile", "nautical miles", "nmi" },
  ft = { "ft", "foot", "feet" },
  yd = { "yd", "yds", "yard", "yards" },
  km2 = { "km\194\178", "km2", "sq km", "sq. km", "square km", "square kilometre", "square kilometres",
    "square kilometer", "square kilometers" },
  m2 = { "m\194\178", "sq m", "square metre", "square metres", "square meter", "square meters" },
  mi2 = { "sq mi", "sq miles", "square mile", "square miles" },
  ha = { "ha", "hectare", "hectares" },
  acre = { "acre", "acres" },
  percent = { "%", "percent", "per cent", "per-cent", "pct" },
  pp = { "percentage point", "percentage points" },
  second = { "second", "seconds", "sec", "secs" },
  minute = { "minute", "minutes", "min", "mins" },
  hour = { "hour", "hours", "hr", "hrs" },
  day = { "day", "days" },
  week = { "week", "weeks" },
  month = { "month", "months" },
  year = { "year", "years", "yr", "yrs" },
  decade = { "decade", "decades" },
  century = { "century", "centuries" },
  kg = { "kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos" },
  t = { "tonne", "tonnes", "ton", "tons", "metric ton", "metric tons" },
  g = { "gram", "grams", "gramme", "grammes" },
  ["km/h"] = { "km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour" },
  mph = { "mph", "miles per hour" },
  USD = { "dollar", "dollars", "us dollars", "u.s. dollars", "usd" },
  EUR = { "euro", "euros", "eur" },
  GBP = { "pounds sterling", "gbp" },
  AFN = { "afghani", "afghanis", "afn" },
  RUB = { "rouble", "roubles", "ruble", "rubles" },
  CNY = { "yuan" },
  PKR = { "pakistani rupees" },
}

local NAME = {}
local all = {}
for name, list in pairs(FORMS) do
  for _, w in ipairs(list) do
    NAME[fold(w)] = name
    all[#all + 1] = w
  end
end
table_sort(all)
-- Every written form of every unit, sorted ("%", "acre", ..., "yrs").
M.forms = all
local name_of = lookup(function(s) return NAME[fold(s)] end)

-- name(s) -- the canonical name of a written unit ("kilometres" -> "km"), or nil.
function M.name(s) return name_of[s] end

-- A unit after a number: "km", "90 miles", "9,122 hectares", "60%".
M.pattern = C(words(all)) / name_of

-- Forms that make a hyphenated adjective: "five-day", "20-km", "two-hour".
local ADJ = {}
for _, name in ipairs{ "km", "m", "mi", "ft", "cm", "mm", "second", "minute", "hour", "day", "week", "month",
  "year", "decade", "century", "kg", "t", "ha", "acre" } do
  for _, w in ipairs(FORMS[name]) do
    if not w:find("[ .]") then ADJ[#ADJ + 1] = w end
  end
end
M.adjective = C(words(ADJ)) / name_of

-- Units that are time units (vague words before them make durations, not counts).
M.time = { second = true, minute = true, hour = true, day = true, week = true, month = true, year = true,
  decade = true, century = true }

-- Currency written before a number: "$3.5bn", "US$ 20", "€5", "AFN 100".
local PREFIX = { ["$"] = "USD", ["us$"] = "USD", ["usd"] = "USD", ["\226\130\172"] = "EUR", ["eur"] = "EUR",
  ["\194\163"] = "GBP", ["gbp"] = "GBP", ["afn"] = "AFN" }
local plist = {}
for w in pairs(PREFIX) do plist[#plist + 1] = w end
M.prefix = C(words(plist)) / lookup(function(s) return PREFIX[fold(s)] end)

return M
