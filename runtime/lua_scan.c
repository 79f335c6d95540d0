/*
** lua_scan.c -- sift.scan: the candidate search of the number and date
** grammars (scan.h) for the Lua stdlib. A private module of the grammars;
** positions follow string.sub (1-based).
**
*** @function scan.words(list [, after [, marks]]) a set of start words (ASCII letters),
***                                        of the words that may follow a number in a
***                                        date, or a year in a quantity, and of the
***                                        number mode's marked words (scan.h)
*** @function scan.number(text, pos, set) the next candidate at or after pos, or nil
*** @function scan.date(text, pos, set)   the same for the date grammar
*** @function scan.fields(name, value, ...) a table of the pairs (the grammars' records)
*** @function scan.prevword(text, s)      the word before position s (number grammar)
*/
#include "lua_common.h"
#include "scan.h"

#include <string.h>

/*
** The set at idx. The module's functions hold the sets' metatable as their
** upvalue: comparing with it costs less than luaL_checkudata, which looks
** the metatable up by name.
*/
static sift_scan_words *checkwords(lua_State *L, int idx)
{
    void *set = lua_touserdata(L, idx);
    if (set && lua_getmetatable(L, idx)) {
        int ok = lua_rawequal(L, -1, lua_upvalueindex(1));
        lua_pop(L, 1);
        if (ok) return set;
    }
    luaL_typeerror(L, idx, SIFT_SCANWORDS);
    return NULL;
}

/*
** Add the words of the list at idx to set, through add. An entry that is no
** word of ASCII letters, or longer than the set allows, is an error.
*/
static void addwords(lua_State *L, int idx, sift_scan_words *set,
                     int (*add)(sift_scan_words *, const char *, size_t), int kind)
{
    lua_Integer n = luaL_len(L, idx);
    for (lua_Integer i = 1; i <= n; i++) {
        size_t len;
        lua_geti(L, idx, i);
        const char *w = lua_tolstring(L, -1, &len);
        if (!w || (add ? add(set, w, len) : sift_scan_words_mark(set, w, len, kind)) != 0)
            luaL_error(L,
                       "bad word #%d to 'words' (expected 1 to %d ASCII letters, at most %d words)",
                       (int)i, SIFT_SCAN_WORDLEN, SIFT_SCAN_SLOTS / 2);
        lua_pop(L, 1);
    }
}

/*
** words(list [, after [, marks]]): the set of the words in list, of the
** words in after (single words) that may follow a number in a date (date
** mode) or a year the quantity grammar reads (number mode), and of the
** single words in the lists of marks (number mode, scan.h): need (bound
** words), next (what may follow one), month, monthdot and daymonth.
*/
static int words(lua_State *L)
{
    static const struct {
        const char *name;
        int kind;
    } marks[] = {{"need", SIFT_SCAN_NEED},
                 {"next", SIFT_SCAN_NEXT},
                 {"month", SIFT_SCAN_MONTH},
                 {"monthdot", SIFT_SCAN_MONTHDOT},
                 {"daymonth", SIFT_SCAN_DAYMONTH}};
    luaL_checktype(L, 1, LUA_TTABLE);
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TTABLE);
    if (!lua_isnoneornil(L, 3)) luaL_checktype(L, 3, LUA_TTABLE);
    sift_scan_words *set = lua_newuserdatauv(L, sizeof *set, 0);
    sift_scan_words_init(set);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_setmetatable(L, -2);
    addwords(L, 1, set, sift_scan_words_add, 0);
    if (lua_istable(L, 2)) addwords(L, 2, set, sift_scan_words_after, 0);
    if (lua_istable(L, 3)) {
        for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
            if (lua_getfield(L, 3, marks[i].name) == LUA_TTABLE)
                addwords(L, lua_gettop(L), set, NULL, marks[i].kind);
            lua_pop(L, 1);
        }
    }
    return 1;
}

static int find(lua_State *L, int mode)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer pos = luaL_checkinteger(L, 2);
    const sift_scan_words *set = checkwords(L, 3);
    if (pos < 1) pos = 1;
    if ((size_t)pos > len) return 0;
    size_t c = sift_scan_find(s, len, (size_t)pos - 1, set, mode);
    if (c >= len) return 0;
    lua_pushinteger(L, (lua_Integer)c + 1);
    return 1;
}

static int number(lua_State *L)
{
    return find(L, SIFT_SCAN_NUMBER);
}

static int date(lua_State *L)
{
    return find(L, SIFT_SCAN_DATE);
}

/*
** fields(name1, value1, ...): a table of the pairs, made at its final size.
** The grammars make their record tables with it (`patt / scan.fields`, each
** field a name constant and one value): LPeg's table capture grows its
** table by rehashing as named groups arrive, which costs about twice as
** much. A name without a value (an odd count, or one value: a pattern that
** captured nothing) or a name that is no string is an error.
*/
static int fields(lua_State *L)
{
    int n = lua_gettop(L);
    if (n % 2) return luaL_error(L, "bad record fields (%d values: a name without a value)", n);
    lua_createtable(L, 0, n / 2);
    for (int i = 1; i < n; i += 2) {
        if (lua_type(L, i) != LUA_TSTRING)
            return luaL_error(L, "bad record field #%d (a name expected, got %s)", i,
                              luaL_typename(L, i));
        lua_pushvalue(L, i);
        lua_pushvalue(L, i + 1);
        lua_rawset(L, -3);
    }
    return 1;
}

static int asciiword(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/*
** prevword(text, s): the word before position s, as the number grammar's
** context checks read it (number.lua, "context"): nil when a newline or
** more than seven bytes of no letter or digit come first; else the word
** lower-cased without a final period or possessive, the bytes between it
** and s, the word as written (possessive and anything after a non-ASCII
** byte cut), where it starts, and whether it was possessive
** ("Afghanistan's"). The word runs back over letters, digits, periods,
** apostrophes and non-ASCII bytes from the last letter or digit (and a
** period right after it).
*/
static int prevword(lua_State *L)
{
    size_t len;
    const char *t = luaL_checklstring(L, 1, &len);
    lua_Integer s = luaL_checkinteger(L, 2);
    lua_Integer n = (lua_Integer)len;
#define B(k) ((k) >= 1 && (k) <= n ? (unsigned char)t[(k)-1] : -1)
    lua_Integer i = s - 1, lim = s - 8;
    while (i > 0 && i > lim && !asciiword(B(i))) {
        if (B(i) == '\n') return 0;
        i--;
    }
    if (i < 1 || !asciiword(B(i))) return 0;
    lua_Integer we = i;
    if (B(we + 1) == '.') we++;
    while (i > 0) {
        int b = B(i);
        if (asciiword(b) || b == '.' || b == '\'' || b >= 128)
            i--;
        else
            break;
    }
    lua_Integer ws = i + 1;
    while (ws <= we && !asciiword(B(ws))) ws++;
#undef B
    const char *w = t + ws - 1;
    size_t wl = (size_t)(we - ws + 1);
    int poss = 0;
    size_t k;
    for (k = 0; k < wl && w[k] != '\'' && (unsigned char)w[k] < 128; k++) {}
    if (k < wl) {
        poss = (wl >= 2 && memcmp(w + wl - 2, "'s", 2) == 0) ||
               (wl >= 4 && memcmp(w + wl - 4, "\xE2\x80\x99s", 4) == 0);
        for (k = 0; k < wl && (unsigned char)w[k] < 128; k++) {}
        wl = k;
        if (wl >= 2 && memcmp(w + wl - 2, "'s", 2) == 0) wl -= 2;
    }
    size_t ll = wl && w[wl - 1] == '.' ? wl - 1 : wl;
    luaL_Buffer b;
    char *low = luaL_buffinitsize(L, &b, ll ? ll : 1);
    for (k = 0; k < ll; k++) {
        unsigned char c = (unsigned char)w[k];
        low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    luaL_pushresultsize(&b, ll);
    lua_Integer gs = we + 1, ge = s - 1;
    if (gs < 1) gs = 1;
    if (ge > n) ge = n;
    lua_pushlstring(L, ge >= gs ? t + gs - 1 : "", ge >= gs ? (size_t)(ge - gs + 1) : 0);
    lua_pushlstring(L, w, wl);
    lua_pushinteger(L, ws);
    lua_pushboolean(L, poss);
    return 5;
}

int sift_lua_open_scan(lua_State *L)
{
    static const luaL_Reg fns[] = {{"words", words},   {"number", number},     {"date", date},
                                   {"fields", fields}, {"prevword", prevword}, {NULL, NULL}};
    luaL_newlibtable(L, fns);
    luaL_newmetatable(L, SIFT_SCANWORDS);
    luaL_setfuncs(L, fns, 1);
    return 1;
}
