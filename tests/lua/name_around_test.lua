-- sift.grammar.name's around(s, e, re) (sift.cname, the one call that reads
-- what classify's cues need around a name) against its definition by the
-- other readers: prevword(s, 1)'s start and word, the byte after re,
-- nextword(re + 1)'s start and word when that byte is a space or the lead
-- of a no-break space, allcapsat(s, e). Every s <= e <= re of tricky texts.
local name = require "sift.grammar.name"

local function around(r, t, s, e, re)
  local pa, _, pw = r.prevword(s, 1)
  local after = string.byte(t, re + 1)
  local na, nw
  if after == 32 or after == 194 then na, _, nw = r.nextword(re + 1) end
  return pa, pw, after, na, nw, r.allcapsat(s, e)
end

test("around gives what the readers give, at every name position", function()
  local texts = {
    "The elder Kaceli said: \"Kabul\" - U.S. troops left al-Qaeda's base.",
    "  Jabul-Saraj\t\tand O'Brien’s men, \194\160Zürich  (AA) – NGOs' -Front- 'Quote' KABUL, Sept 7",
    "ÉCOLE Ünal\194\160Ole\226\128\148Dash 4th-Brigade x-'y '-z A. B. C.D. AK-47 ü",
    "x\194\160 Y, z \194\160\tW it's Ole’s rock'n'roll à Y \194x",
    "a", " ", "\194\160", "-", "'A", "A'", "Ab-", "AB.", "É", "A \194",
  }
  local bad = {}
  for _, t in ipairs(texts) do
    local r = name._readers(t)
    local n = #t
    for s = 1, n do
      for e = s, math.min(n, s + 4) do
        for re = e, math.min(n, e + 3) do
          local x = table.pack(r.around(s, e, re))
          local y = table.pack(around(r, t, s, e, re))
          for k = 1, 6 do
            if x[k] ~= y[k] then
              bad[#bad + 1] = ("around(%d, %d, %d) of %q: %d: %s ~= %s"):format(s, e, re, t, k, tostring(x[k]),
                tostring(y[k]))
              break
            end
          end
        end
      end
    end
  end
  eq(bad, {})
end)

test("around checks its end position", function()
  local r = name._readers("Kabul")
  local ok = pcall(r.around, 1, 5, 6)
  eq(ok, false)
  eq(select(6, r.around(1, 5, 5)), false)
  eq(select(3, r.around(1, 5, 5)), nil)
end)
