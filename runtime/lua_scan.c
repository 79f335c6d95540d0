/*
** lua_scan.c -- sift.scan: the candidate search of the number and date
** grammars (scan.h) for the Lua stdlib. A private module of the grammars;
** positions follow string.sub (1-based).
**
*** @function scan.words(list [, after [, marks]]) a set of start words (ASCII letters),
***                                        of the words that may follow a number in a
***                                        date, or a year in a quantity, and of the
***                                        marked words (scan.h)
*** @function scan.number(text, pos, set) the next candidate at or after pos, or nil
*** @function scan.numberto(text, pos, set) the same, or #text + 1 when there is none
*** @function scan.date(text, pos, set)   the same for the date grammar
*** @function scan.fields(name, value, ...) a table of the pairs (the grammars' records)
*** @function scan.prevword(text, s)      the word before position s (number grammar)
*** @function scan.context(classes [, records]) the number grammar's context checks (noun,
***                                        label, idiom, next, fraction, sentence, title)
***                                        over its word classes, and its records of plain
***                                        numbers (quantity, qstep)
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
** words in the lists of marks (scan.h): need (bound words and whole bound
** phrases of two words), next (what may follow one), month, monthdot and
** daymonth (number mode); dash (date mode: words alone whose phrases go on
** with a hyphen).
*/
static int words(lua_State *L)
{
    static const struct {
        const char *name;
        int kind;
    } marks[] = {{"need", SIFT_SCAN_NEED},         {"next", SIFT_SCAN_NEXT},
                 {"month", SIFT_SCAN_MONTH},       {"monthdot", SIFT_SCAN_MONTHDOT},
                 {"daymonth", SIFT_SCAN_DAYMONTH}, {"dash", SIFT_SCAN_DASH}};
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

/* The next candidate at or after pos (a position of the text at 1, the set
   at 3), or nil; with toend, #text + 1 instead of nil. */
static int find(lua_State *L, int mode, int toend)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer pos = luaL_checkinteger(L, 2);
    const sift_scan_words *set = checkwords(L, 3);
    if (pos < 1) pos = 1;
    size_t c = (size_t)pos > len ? len : sift_scan_find(s, len, (size_t)pos - 1, set, mode);
    if (c >= len && !toend) return 0;
    lua_pushinteger(L, (lua_Integer)c + 1);
    return 1;
}

static int number(lua_State *L)
{
    return find(L, SIFT_SCAN_NUMBER, 0);
}

/* number, but #text + 1 when no candidate is left (for a match-time
   capture that must not fail at the end) */
static int numberto(lua_State *L)
{
    return find(L, SIFT_SCAN_NUMBER, 1);
}

static int date(lua_State *L)
{
    return find(L, SIFT_SCAN_DATE, 0);
}

/*
** fields(name1, value1, ...): a table of the pairs, made at its final size.
** The grammars make their record tables with it (`patt / scan.fields`, each
** field a name constant and one value): LPeg's table capture grows its
** table by rehashing as named groups arrive, which costs about twice as
** much. A name without a value (an odd count, or one value: a pattern that
** captured nothing) or a name that is no string is an error.
*/
static int pushfields(lua_State *L, int first)
{
    int n = lua_gettop(L) - first + 1;
    if (n % 2) return luaL_error(L, "bad record fields (%d values: a name without a value)", n);
    lua_createtable(L, 0, n / 2);
    for (int i = first; i < first + n; i += 2) {
        if (lua_type(L, i) != LUA_TSTRING)
            return luaL_error(L, "bad record field #%d (a name expected, got %s)", i - first + 1,
                              luaL_typename(L, i));
        lua_pushvalue(L, i);
        lua_pushvalue(L, i + 1);
        lua_rawset(L, -3);
    }
    return 1;
}

static int fields(lua_State *L)
{
    return pushfields(L, 1);
}

static int asciiword(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int asciialpha(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int isupper_(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int blank(int c)
{
    return c == ' ' || c == '\t';
}

/* The word before a position (prevword): where it and its lower-case form
   lie (w, ll bytes of wl), the gap after it (g, gl), where it starts (ws,
   1-based) and whether it was possessive. */
typedef struct {
    const char *w, *g;
    size_t wl, ll, gl;
    lua_Integer ws;
    int poss;
} pword;

/*
** Read the word before position s of t (n bytes) as the number grammar's
** context checks do: 0 when a newline or more than seven bytes of no letter
** or digit come first. The word runs back over letters, digits, periods,
** apostrophes and non-ASCII bytes from the last letter or digit (and a
** period right after it); a possessive and anything after a non-ASCII byte
** are cut, and the lower-case form has no final period.
*/
static int readprev(const char *t, lua_Integer n, lua_Integer s, pword *p)
{
    if (s < 1 || s - 9 > n) return 0; /* (no word can come before: nor overflow below) */
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
    lua_Integer gs = we + 1, ge = s - 1;
    if (gs < 1) gs = 1;
    if (ge > n) ge = n;
    p->w = w;
    p->wl = wl;
    p->ll = wl && w[wl - 1] == '.' ? wl - 1 : wl;
    p->g = ge >= gs ? t + gs - 1 : "";
    p->gl = ge >= gs ? (size_t)(ge - gs + 1) : 0;
    p->ws = ws;
    p->poss = poss;
    return 1;
}

/*
** prevword(text, s): the word before position s, as the number grammar's
** context checks read it (number.lua, "context"; readprev): nil, or the
** word lower-cased without a final period or possessive, the bytes between
** it and s, the word as written, where it starts, and whether it was
** possessive ("Afghanistan's").
*/
static int prevword(lua_State *L)
{
    size_t len;
    const char *t = luaL_checklstring(L, 1, &len);
    lua_Integer s = luaL_checkinteger(L, 2);
    pword p;
    if (!readprev(t, (lua_Integer)len, s, &p)) return 0;
    luaL_Buffer b;
    char *low = luaL_buffinitsize(L, &b, p.ll ? p.ll : 1);
    for (size_t k = 0; k < p.ll; k++) {
        unsigned char c = (unsigned char)p.w[k];
        low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    luaL_pushresultsize(&b, p.ll);
    lua_pushlstring(L, p.g, p.gl);
    lua_pushlstring(L, p.w, p.wl);
    lua_pushinteger(L, p.ws);
    lua_pushboolean(L, p.poss);
    return 5;
}

/* ------------------------------------------------------------ context */

/*
** The word classes of the number grammar's context checks, one bit each:
** a hash set of words (as given, at most CTX_LEN bytes) and their classes.
** A check looks a word up as written or lower-cased.
*/
#define CTX_LEN   23
#define CTX_SLOTS 2048 /* a power of two: at most half of it is used */

enum {
    C_NOT_NOUN,
    C_DETS,
    C_PLURALS,
    C_COUNT_NOUNS,
    C_MONTHS,
    C_WEEKDAYS,
    C_DESIGNATORS,
    C_CAP_FUNCTION,
    C_ONE_PRONOUN,
    C_ONE_IDIOM,
    C_ONE_TIME,
    C_DURATION_PREP,
    C_FRACTIONS,
    C_NCLASSES
};

/* the names of the classes in the table given to scan.context */
static const char *const classnames[C_NCLASSES] = {
    "not_noun", "dets",          "plurals",      "count_nouns", "months",
    "weekdays", "designators",   "cap_function", "one_pronoun", "one_idiom",
    "one_time", "duration_prep", "fractions"};

/* The counts of the last line titleline read (see there). */
typedef struct {
    const char *t; /* NULL: none */
    size_t n, b, e, x;
    int up, low;
} titlecache;

typedef struct {
    char w[CTX_SLOTS][CTX_LEN + 1]; /* zero padded; "" is free */
    unsigned mask[CTX_SLOTS];
    int n;
    titlecache title; /* (its text is the set's user value) */
} ctxset;

static unsigned ctxhash(const char *w, size_t len)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h & (CTX_SLOTS - 1);
}

/* The classes of the word w (len bytes), lower-cased first when low. */
static unsigned ctxget(const ctxset *set, const char *w, size_t len, int low)
{
    char key[CTX_LEN + 1] = {0};
    if (len == 0 || len > CTX_LEN) return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)w[i];
        key[i] = (char)(low && c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (unsigned h = ctxhash(key, len); set->w[h][0]; h = (h + 1) & (CTX_SLOTS - 1))
        if (memcmp(set->w[h], key, sizeof key) == 0) return set->mask[h];
    return 0;
}

static int ctxput(ctxset *set, const char *w, size_t len, unsigned bit)
{
    char key[CTX_LEN + 1] = {0};
    if (len == 0 || len > CTX_LEN || memchr(w, 0, len)) return -1;
    memcpy(key, w, len);
    unsigned h = ctxhash(key, len);
    while (set->w[h][0] && memcmp(set->w[h], key, sizeof key) != 0) h = (h + 1) & (CTX_SLOTS - 1);
    if (!set->w[h][0]) {
        if (set->n >= CTX_SLOTS / 2) return -1;
        memcpy(set->w[h], key, sizeof key);
        set->n++;
    }
    set->mask[h] |= bit;
    return 0;
}

#define IN(mask, c) (((mask) >> (c)) & 1u)

static ctxset *ctxof(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* The span of the word after e (1-based, the byte before it): blanks, a
   letter, then letters, hyphens and apostrophes (next_word); 0 if none. */
static size_t nextword(const char *t, size_t n, lua_Integer e, const char **w)
{
    size_t k = e < 0 ? 0 : (size_t)e; /* 0-based index of byte e + 1 */
    size_t i = k;
    while (i < n && blank((unsigned char)t[i])) i++;
    if (i == k || i >= n || !asciialpha((unsigned char)t[i])) return 0;
    size_t j = i + 1;
    while (j < n && (asciialpha((unsigned char)t[j]) || t[j] == '-' || t[j] == '\'')) j++;
    *w = t + i;
    return j - i;
}

/* True when position s (1-based) starts a sentence (sentence_start). */
static int sentstart(const char *t, lua_Integer s)
{
    lua_Integer i = s - 1;
#define B(k) ((k) >= 1 ? (unsigned char)t[(k)-1] : -1)
    while (i >= 1) {
        int b = B(i);
        if (blank(b) || b == '"' || b == '\'' || b == '(' || b == '[' || b == '*' || b == '_')
            i--;
        else if ((b == 156 || b == 152) && B(i - 1) == 128 && B(i - 2) == 226)
            i -= 3;
        else
            return b == '.' || b == '!' || b == '?' || b == ':' || b == ';' || b == '\n';
    }
#undef B
    return 1;
}

/* The classes of the word starting at index i (0-based) of t: 1 when it has
   four letters or more and starts with a capital, -1 when it has four
   letters or more and does not, 0 when shorter (or no letter is at i). */
static int wordkind(const char *t, size_t n, size_t i)
{
    if (i + 4 > n) return 0;
    for (size_t k = i; k < i + 4; k++)
        if (!asciialpha((unsigned char)t[k])) return 0;
    return isupper_((unsigned char)t[i]) ? 1 : -1;
}

/* Add sign times the words that start after a letter-less byte in [from,
   to) (1 <= from) to c's counts. */
static void titlecount(titlecache *c, const char *t, size_t from, size_t to, int sign)
{
    for (size_t i = from; i < to; i++) {
        if (asciialpha((unsigned char)t[i - 1]) || !asciialpha((unsigned char)t[i])) continue;
        int k = wordkind(t, c->n, i);
        if (k > 0)
            c->up += sign;
        else if (k < 0)
            c->low += sign;
    }
}

/*
** True when the line holding position s (1 <= s <= n + 1) of the string t
** (n bytes) is in title case (title_line): at least three words of four
** letters or more start with a capital, and at most a quarter as many do
** not. The line is read from a, the byte after the last newline before s
** but at most 600 bytes back (so a may fall inside a word: its letters from
** a count as a word), to the next newline: its words are the one at a (if
** a letter is there) and those that start after a letter-less byte later.
**
** The number checks ask this for each number, so a long line with many
** numbers would be read again for each one. set (the userdata at upvalue 1
** of the context functions and quantity) keeps the counts of the last line
** asked about: its text (t, n: held in set's user value, so no other string
** can take that address while the cache names it), a span [b, e) known to
** hold no newline (e: the line's end, a newline or n), and the capitalised
** and other words that start after a letter-less byte from x to e. A number
** on the same line moves x to its a + 1, reading only the bytes between:
** the numbers of a line read in order read it about once. The cache is
** filled only when t is the string at index 1 of L; otherwise (or with set
** NULL) the line is read from a to its end.
*/
static int titleline(lua_State *L, ctxset *set, const char *t, size_t n, lua_Integer s)
{
    size_t sp = (size_t)s - 1; /* 0-based index of s */
    size_t a = sp > 600 ? sp - 600 : 0;
    for (size_t i = sp; i > a; i--) /* the last newline in [a, sp) */
        if (t[i - 1] == '\n') {
            a = i;
            break;
        }
    titlecache local = {0}, *c = set ? &set->title : &local;
    if (!(c->t == t && c->n == n && c->b <= sp && sp <= c->e)) {
        int keep = set && lua_type(L, 1) == LUA_TSTRING && lua_tostring(L, 1) == t;
        if (!keep) c = &local;
        size_t e = sp;
        while (e < n && t[e] != '\n') e++;
        c->t = t, c->n = n, c->b = a, c->e = e, c->x = e, c->up = c->low = 0;
        if (keep) {
            lua_pushvalue(L, 1);
            lua_setiuservalue(L, lua_upvalueindex(1), 1);
        }
    }
    if (a < c->b) c->b = a;
    /* the words after a letter-less byte from a + 1 on */
    if (a + 1 < c->x)
        titlecount(c, t, a + 1, c->x, 1);
    else if (a + 1 > c->x)
        titlecount(c, t, c->x, a + 1 < c->e ? a + 1 : c->e, -1);
    c->x = a + 1 < c->e ? a + 1 : c->e;
    int up = c->up, low = c->low, k = a < n ? wordkind(t, n, a) : 0;
    if (k > 0) up++;
    if (k < 0) low++;
    return up >= 3 && low <= up / 4;
}

static int ctxsentence(lua_State *L)
{
    size_t n;
    const char *t = luaL_checklstring(L, 1, &n);
    lua_Integer s = luaL_checkinteger(L, 2);
    luaL_argcheck(L, s >= 1 && s <= (lua_Integer)n + 1, 2, "out of range");
    lua_pushboolean(L, sentstart(t, s));
    return 1;
}

static int ctxtitle(lua_State *L)
{
    size_t n;
    const char *t = luaL_checklstring(L, 1, &n);
    lua_Integer s = luaL_checkinteger(L, 2);
    luaL_argcheck(L, s >= 1 && s <= (lua_Integer)n + 1, 2, "out of range");
    lua_pushboolean(L, titleline(L, ctxof(L), t, n, s));
    return 1;
}

static int ctxnext(lua_State *L)
{
    size_t n;
    const char *t = luaL_checklstring(L, 1, &n);
    lua_Integer e = luaL_checkinteger(L, 2);
    const char *w;
    size_t wl = e >= 0 ? nextword(t, n, e, &w) : 0;
    if (!wl) return 0;
    lua_pushlstring(L, w, wl);
    return 1;
}

/* True when the word after e is a fraction ("thirds"). */
static int isfraction(const ctxset *set, const char *t, size_t n, lua_Integer e)
{
    const char *w;
    size_t wl = e >= 0 ? nextword(t, n, e, &w) : 0;
    return wl && IN(ctxget(set, w, wl, 1), C_FRACTIONS);
}

/* fraction(text, e): true when the word after e is a fraction ("thirds"). */
static int ctxfraction(lua_State *L)
{
    size_t n;
    const char *t = luaL_checklstring(L, 1, &n);
    lua_Integer e = luaL_checkinteger(L, 2);
    lua_pushboolean(L, isfraction(ctxof(L), t, n, e));
    return 1;
}

/* True when t[k] (0-based) on is s (len bytes), as written. */
static int at(const char *t, size_t n, size_t k, const char *s, size_t len)
{
    return k + len <= n && memcmp(t + k, s, len) == 0;
}

/*
** The counted noun after position e of t (0 <= e <= n; after "of" and an
** article when skip_of; the last word of up to three when one), as
** noun_after in number.lua reads it: its length, *noun where it starts; 0
** when none.
*/
static size_t nounafter(const ctxset *set, const char *t, size_t n, lua_Integer e, int skip_of,
                        int one, const char **noun)
{
    size_t pos = (size_t)e; /* 0-based index of byte e + 1 */
    if (skip_of) {
        size_t k = pos;
        while (k < n && blank((unsigned char)t[k])) k++;
        if (k > pos && at(t, n, k, "of", 2) && k + 2 < n && blank((unsigned char)t[k + 2])) {
            size_t p = k + 2;
            while (p < n && blank((unsigned char)t[p])) p++;
            pos = p - 1;
            size_t d = pos;
            while (d < n && blank((unsigned char)t[d])) d++;
            if (d > pos && d < n && asciialpha((unsigned char)t[d])) {
                size_t m = d;
                while (m < n && asciialpha((unsigned char)t[m])) m++;
                if (IN(ctxget(set, t + d, m - d, 1), C_DETS)) pos = m;
            }
        }
    }
    const char *got = NULL, *first = NULL;
    size_t gotl = 0, firstl = 0;
    int after_of = pos != (size_t)e;
    for (int round = 0; round < 3; round++) {
        size_t k = pos, i = pos;
        while (i < n && blank((unsigned char)t[i])) i++;
        const char *w = NULL;
        size_t wl = 0;
        if (i > k) {
            while (i < n && (t[i] == '"' || (unsigned char)t[i] == 0xE2 ||
                             (unsigned char)t[i] == 0x80 || (unsigned char)t[i] == 0x9C))
                i++;
            if (i < n && asciialpha((unsigned char)t[i])) w = t + i;
        }
        if (!w && at(t, n, k, "\xE2\x80\x9C", 3) && k + 3 < n &&
            asciialpha((unsigned char)t[k + 3]))
            w = t + k + 3;
        if (!w) break;
        size_t j = (size_t)(w - t) + 1;
        while (j < n && (asciiword((unsigned char)t[j]) || t[j] == '-')) j++;
        wl = j - (size_t)(w - t);
        if (IN(ctxget(set, w, wl, 1), C_NOT_NOUN)) break;
        if (got && ((wl >= 2 && memcmp(w + wl - 2, "ed", 2) == 0) ||
                    (wl >= 3 && memcmp(w + wl - 3, "ing", 3) == 0)))
            break;
        if (!one && (IN(ctxget(set, w, wl, 0), C_PLURALS) ||
                     (wl >= 2 && w[wl - 1] == 's' && w[wl - 2] != 's' && w[wl - 2] != '\'') ||
                     (wl >= 3 && memcmp(w + wl - 3, "men", 3) == 0))) {
            *noun = w;
            return wl;
        }
        got = w;
        gotl = wl;
        if (!first) first = w, firstl = wl;
        pos = j;
        if (!(pos < n && blank((unsigned char)t[pos]))) break;
    }
    if (one) {
        if (!got) return 0;
        *noun = got;
        return gotl;
    }
    if (first && (after_of || isupper_((unsigned char)first[0]))) {
        *noun = first;
        return firstl;
    }
    return 0;
}

/*
** noun(text, e, skip_of, one): the counted noun after position e (after
** "of" and an article when skip_of; the last word of up to three when one),
** as noun_after in number.lua reads it; nil when none.
*/
static int ctxnoun(lua_State *L)
{
    size_t n;
    const char *t = luaL_checklstring(L, 1, &n);
    lua_Integer e = luaL_checkinteger(L, 2);
    int skip_of = lua_toboolean(L, 3), one = lua_toboolean(L, 4);
    luaL_argcheck(L, e >= 0 && e <= (lua_Integer)n, 2, "out of range");
    const char *w;
    size_t wl = nounafter(ctxof(L), t, n, e, skip_of, one, &w);
    if (!wl) return 0;
    lua_pushlstring(L, w, wl);
    return 1;
}

static int isdigit_(char c)
{
    return c >= '0' && c <= '9';
}

/* True when the word w (wl bytes) starts with a capital ("^%u"). */
static int startsupper(const char *w, size_t wl)
{
    return wl > 0 && isupper_((unsigned char)w[0]);
}

/* True when the word w (wl bytes) lower-cased is s. */
static int lowis(const char *w, size_t wl, const char *s)
{
    size_t n = strlen(s);
    if (wl != n) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)s[i]) return 0;
    }
    return 1;
}

/* The span of "%u%a+" at t[k] (0-based): a capital and one or more
   letters; 0 if none. */
static size_t capword(const char *t, size_t n, size_t k)
{
    if (k >= n || !isupper_((unsigned char)t[k])) return 0;
    size_t j = k + 1;
    while (j < n && asciialpha((unsigned char)t[j])) j++;
    return j - k >= 2 ? j - k : 0;
}

/* The index after blanks from k, or k when there are none. */
static size_t blanks(const char *t, size_t n, size_t k)
{
    while (k < n && blank((unsigned char)t[k])) k++;
    return k;
}

/*
** True when the bare number t[s, qe) (1 <= s, qe <= n + 1; its digits d as
** written, its value v, whether v is an integer, whether a scale word
** follows its digits, whether it has a unit) is no quantity but a year, a
** clock time, a day of a month, a footnote mark or a label (label_or_time
** in number.lua).
*/
static int islabel(lua_State *L, ctxset *set, const char *t, size_t n, lua_Integer s,
                   lua_Integer qe, const char *d, size_t dl, lua_Number v, int isint, int scaled,
                   int hasunit)
{
    size_t q = (size_t)qe - 1; /* 0-based index of qe */
    const char *nw = NULL;
    size_t nwl = nextword(t, n, qe - 1, &nw);
    unsigned nwc = nwl ? ctxget(set, nw, nwl, 1) : 0;
#define DONE(x) return (x)
    /* a year: four digits from 1000 to 2099, unless a count noun follows */
    if (!hasunit && !scaled && dl == 4 && d[0] >= '0' && d[0] <= '9' && d[1] >= '0' &&
        d[1] <= '9' && d[2] >= '0' && d[2] <= '9' && d[3] >= '0' && d[3] <= '9') {
        int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
        if (y >= 1000 && y <= 2099) DONE(!(nwl && IN(nwc, C_COUNT_NOUNS)));
    }
    /* a clock time: "5 pm", "11 a.m." */
    {
        size_t k = blanks(t, n, q);
        if (k < n && ((t[k] | 32) == 'a' || (t[k] | 32) == 'p')) {
            k++;
            if (k < n && t[k] == '.') k++;
            if (k < n && (t[k] | 32) == 'm' && !(k + 1 < n && asciiword((unsigned char)t[k + 1])))
                DONE(1);
        }
    }
    if (nwl && (lowis(nw, nwl, "gmt") || lowis(nw, nwl, "utc") || lowis(nw, nwl, "o'clock") ||
                (lowis(nw, nwl, "hrs") && dl == 4)))
        DONE(1);
    if (hasunit) DONE(0);
    /* a day of a month: "5 September", "3 and 4 September", "September 5" */
    int mday = dl <= 2 && v >= 1 && v <= 31 && isint;
    if (mday) {
        if (nwl && startsupper(nw, nwl) && IN(nwc, C_MONTHS)) DONE(1);
        size_t m = 0, k = 0;
        if (lowis(nw, nwl, "of")) {
            k = blanks(t, n, q);
            if (k > q && at(t, n, k, "of", 2) && blanks(t, n, k + 2) > k + 2) {
                k = blanks(t, n, k + 2);
                m = capword(t, n, k);
            }
        } else if (lowis(nw, nwl, "and")) {
            k = blanks(t, n, q);
            if (k > q && at(t, n, k, "and", 3) && blanks(t, n, k + 3) > k + 3) {
                k = blanks(t, n, k + 3);
                /* one or two digits, then blanks */
                size_t j = k + 1;
                if (j < n && isdigit_(t[j]) && j + 1 < n && blank((unsigned char)t[j + 1])) j++;
                if (k < n && isdigit_(t[k]) && blanks(t, n, j) > j) {
                    k = blanks(t, n, j);
                    m = capword(t, n, k);
                }
            }
        }
        if (m && IN(ctxget(set, t + k, m, 1), C_MONTHS)) DONE(1);
    }
    /* a footnote mark: "[12]" */
    if (s >= 2 && t[s - 2] == '[' && q < n && t[q] == ']') DONE(1);
    /* the checks below need the word before */
    if (s <= 2) DONE(0);
    int b1 = (unsigned char)t[s - 3], b2 = (unsigned char)t[s - 2];
    if (!(blank(b2) || b2 == '(' || b2 == '[') ||
        !(asciiword(b1) || b1 == '.' || blank(b1) || b1 == '(' || b1 >= 128))
        DONE(0);
    pword p;
    if (!readprev(t, (lua_Integer)n, s, &p)) DONE(0);
    int blankgap = p.gl > 0;
    for (size_t i = 0; i < p.gl; i++)
        if (!blank((unsigned char)p.g[i])) blankgap = 0;
    unsigned pc = ctxget(set, p.w, p.ll, 1);
    if (mday) {
        if (blankgap && IN(pc, C_MONTHS) && startsupper(p.w, p.wl)) DONE(1);
        if (IN(pc, C_WEEKDAYS)) {
            size_t i = 0;
            while (i < p.gl && blank((unsigned char)p.g[i])) i++;
            if (i + 1 == p.gl && p.g[i] == '(') DONE(1);
        }
    }
    /* a label: "Article 5", "No. 10", "Boeing 737" */
    if (blankgap) {
        if (IN(pc, C_DESIGNATORS)) DONE(1);
        if (startsupper(p.w, p.wl) && !p.poss && !IN(pc, C_CAP_FUNCTION) && !memchr(d, ',', dl) &&
            !memchr(d, '.', dl) && !IN(pc, C_MONTHS) && !sentstart(t, p.ws) &&
            !titleline(L, set, t, n, s))
            DONE(1);
    }
    DONE(0);
}

/*
** label(text, s, qe, digits, value, scaled, unit): true when the bare
** number text[s, qe) (its digits as written, its value, whether a scale
** word follows its digits, whether it has a unit) is no quantity but a
** year, a clock time, a day of a month, a footnote mark or a label
** (label_or_time in number.lua; islabel).
*/
static int ctxlabel(lua_State *L)
{
    size_t n, dl;
    const char *t = luaL_checklstring(L, 1, &n);
    lua_Integer s = luaL_checkinteger(L, 2), qe = luaL_checkinteger(L, 3);
    const char *d = luaL_checklstring(L, 4, &dl);
    lua_Number v = luaL_checknumber(L, 5);
    int isint;
    lua_tointegerx(L, 5, &isint);
    int scaled = lua_toboolean(L, 6), hasunit = lua_toboolean(L, 7);
    luaL_argcheck(L, s >= 1 && s <= (lua_Integer)n + 1, 2, "out of range");
    luaL_argcheck(L, qe >= 1 && qe <= (lua_Integer)n + 1, 3, "out of range");
    lua_pushboolean(L, islabel(L, ctxof(L), t, n, s, qe, d, dl, v, isint, scaled, hasunit));
    return 1;
}

/*
** True when the number words text[ns, ne) of the candidate text[s, e) are
** no quantity (idiom in number.lua; idiomargs: the positions it takes):
** "one" (one is true: a single word, no "and a half") as a pronoun or in an
** idiom ("no one", "one of the", "one day" unless after "for"), or a
** capitalised number word inside a sentence before another capital (a
** name: "Five Lions"), except in a title-case line.
*/
static int isidiom(lua_State *L, ctxset *set, const char *t, size_t n, lua_Integer s, lua_Integer e,
                   lua_Integer ns, lua_Integer ne, int one)
{
    const char *first = t + ns - 1;
    size_t fl = 0;
    while (ns - 1 + (lua_Integer)fl < (lua_Integer)n && asciialpha((unsigned char)first[fl])) fl++;
    if (one && lowis(first, fl, "one")) {
        pword p;
        int havep = readprev(t, (lua_Integer)n, s, &p);
        unsigned pc = havep ? ctxget(set, p.w, p.ll, 1) : 0;
        const char *nw = NULL;
        size_t nwl = nextword(t, n, ne - 1, &nw);
        unsigned nc = nwl ? ctxget(set, nw, nwl, 1) : 0;
        if (IN(pc, C_ONE_PRONOUN)) DONE(1);
        /* "one by one" */
        if (havep && lowis(p.w, p.ll, "by")) {
            /* "[Oo]ne by%s+$" in the bytes a to b (1-based, b = s - 1) */
            lua_Integer a = s - 8 > 0 ? s - 8 : 1, b = s - 1, k = b;
            while (k >= a && (t[k - 1] == ' ' || (t[k - 1] >= '\t' && t[k - 1] <= '\r'))) k--;
            if (k < b && k - 5 >= a && memcmp(t + k - 5, "ne by", 5) == 0 &&
                (t[k - 6] == 'O' || t[k - 6] == 'o'))
                DONE(1);
        }
        {
            size_t k = (size_t)ne - 1;
            if (k < n && (t[k] == '\'' || (unsigned char)t[k] == 0xE2)) {
                k++;
                while (k < n && (unsigned char)t[k] >= 0x80) k++; /* "['\226][\128-\255]*s" */
                if (k < n && t[k] == 's') DONE(1);
            }
        }
        if (IN(nc, C_ONE_IDIOM)) DONE(1);
        if (IN(nc, C_ONE_TIME) && !IN(pc, C_DURATION_PREP)) DONE(1);
        if (nwl && (lowis(nw, nwl, "of") || lowis(nw, nwl, "by"))) DONE(1);
        if (nwl && lowis(nw, nwl, "or")) {
            size_t k = blanks(t, n, (size_t)ne - 1);
            if (k > (size_t)ne - 1 && at(t, n, k, "or", 2) && blanks(t, n, k + 2) > k + 2 &&
                at(t, n, blanks(t, n, k + 2), "another", 7))
                DONE(1);
        }
    }
    /* a capitalised number word inside a sentence, before another capital */
    if (fl >= 2 && isupper_((unsigned char)first[0]) && first[1] >= 'a' && first[1] <= 'z' &&
        !sentstart(t, s)) {
        const char *nw = NULL;
        size_t nwl = nextword(t, n, e - 1, &nw);
        if (nwl && startsupper(nw, nwl) && !titleline(L, set, t, n, s)) DONE(1);
    }
    DONE(0);
}
#undef DONE

/* The positions idiom (and isidiom) takes: 1 <= s, ns <= n; 1 <= e, ne <= n + 1. */
static int idiomargs(size_t n, lua_Integer s, lua_Integer e, lua_Integer ns, lua_Integer ne)
{
    lua_Integer len = (lua_Integer)n;
    return s >= 1 && s <= len && e >= 1 && e <= len + 1 && ns >= 1 && ns <= len && ne >= 1 &&
           ne <= len + 1;
}

static int ctxidiom(lua_State *L)
{
    size_t n;
    const char *t = luaL_checklstring(L, 1, &n);
    lua_Integer s = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    lua_Integer ns = luaL_checkinteger(L, 4), ne = luaL_checkinteger(L, 5);
    int one = lua_toboolean(L, 6);
    luaL_argcheck(L, s >= 1 && s <= (lua_Integer)n, 2, "out of range");
    luaL_argcheck(L, e >= 1 && e <= (lua_Integer)n + 1, 3, "out of range");
    luaL_argcheck(L, ns >= 1 && ns <= (lua_Integer)n, 4, "out of range");
    luaL_argcheck(L, ne >= 1 && ne <= (lua_Integer)n + 1, 5, "out of range");
    lua_pushboolean(L, isidiom(L, ctxof(L), t, n, s, e, ns, ne, one));
    return 1;
}

/* ------------------------------------------------------------ records */

/* The fields of a quantity record: upvalues Q_UP + k of quantity. */
enum {
    Q_S,
    Q_E,
    Q_TEXT,
    Q_VALUE,
    Q_MIN,
    Q_MAX,
    Q_UNIT,
    Q_NOUN,
    Q_APPROX,
    Q_BASE,
    Q_VAGUE,
    Q_CODED,
    Q_ALT,
    Q_NFIELDS
};
static const char *const qfields[Q_NFIELDS] = {"s",     "e",     "text", "value",  "min",
                                               "max",   "unit",  "noun", "approx", "base",
                                               "vague", "coded", "alt"};
/* quantity's other upvalues: the word classes (1), the bound words' classes
   before a number (2) and after one (3), the base units (4), the records'
   metatable (5), the vague words' {min, coded} (6), the scale words after
   a vague word (7) */
#define Q_UP 8
/* qstep's upvalues after quantity's, set by qbegin: the list of records,
   build, the ordinals flag, the set of start words */
#define Q_OUT      (Q_UP + Q_NFIELDS)
#define Q_BUILD    (Q_OUT + 1)
#define Q_ORDINALS (Q_OUT + 2)
#define Q_SET      (Q_OUT + 3)

/* The fields of a step quantity takes (stack indices of their values, 0
   when absent; the positions as read). */
typedef struct {
    int d, w, u, m, post, v, vs, au, n, n2, sep, u2, alt;
    lua_Integer ne, ns, qe;
    int hasne, hasns, hasqe;
} qraw;

/* One string field at v into *slot: 0 when of another type or given twice. */
static int qstr(lua_State *L, int v, int *slot)
{
    if (*slot || lua_type(L, v) != LUA_TSTRING) return 0;
    *slot = v;
    return 1;
}

/* One position field at v into *p: 0 when no integer or given twice. */
static int qpos(lua_State *L, int v, lua_Integer *p, int *has)
{
    if (*has || !lua_isinteger(L, v)) return 0;
    *p = lua_tointeger(L, v);
    *has = 1;
    return 1;
}

/* Read the name-value pairs from index first to top into r: 0 when a name
   is none of those of a plain number (d or w, ns, ne, m, u, post, qe; alt), a
   vague word (v, vs, m, ns), a unit of one (au, m, ns) or a range (d or w
   and ne, or n; n2, sep, u, u2, m, ns), or a value is of another type than
   the grammar gives it. */
static int qread(lua_State *L, int first, int top, qraw *r)
{
    memset(r, 0, sizeof *r);
    if ((top - first + 1) % 2) return 0;
    for (int i = first; i < top; i += 2) {
        size_t len;
        if (lua_type(L, i) != LUA_TSTRING) return 0;
        const char *k = lua_tolstring(L, i, &len);
        int v = i + 1, ok;
        if (len == 1 && k[0] == 'd')
            ok = qstr(L, v, &r->d);
        else if (len == 1 && k[0] == 'u')
            ok = qstr(L, v, &r->u);
        else if (len == 1 && k[0] == 'm')
            ok = qstr(L, v, &r->m);
        else if (len == 1 && k[0] == 'w')
            ok = !r->w && lua_type(L, v) == LUA_TTABLE && (r->w = v);
        else if (len == 1 && k[0] == 'v')
            ok = qstr(L, v, &r->v);
        else if (len == 2 && memcmp(k, "vs", 2) == 0)
            ok = qstr(L, v, &r->vs);
        else if (len == 2 && memcmp(k, "au", 2) == 0)
            ok = qstr(L, v, &r->au);
        else if (len == 2 && memcmp(k, "u2", 2) == 0)
            ok = qstr(L, v, &r->u2);
        else if (len == 3 && memcmp(k, "sep", 3) == 0)
            ok = qstr(L, v, &r->sep);
        else if (len == 1 && k[0] == 'n')
            ok = !r->n && lua_type(L, v) == LUA_TTABLE && (r->n = v);
        else if (len == 2 && memcmp(k, "n2", 2) == 0)
            ok = !r->n2 && lua_type(L, v) == LUA_TTABLE && (r->n2 = v);
        else if (len == 3 && memcmp(k, "alt", 3) == 0)
            ok = !r->alt && lua_type(L, v) == LUA_TTABLE && (r->alt = v);
        else if (len == 4 && memcmp(k, "post", 4) == 0)
            ok = qstr(L, v, &r->post);
        else if (len == 2 && memcmp(k, "ne", 2) == 0)
            ok = qpos(L, v, &r->ne, &r->hasne);
        else if (len == 2 && memcmp(k, "ns", 2) == 0)
            ok = qpos(L, v, &r->ns, &r->hasns);
        else if (len == 2 && memcmp(k, "qe", 2) == 0)
            ok = qpos(L, v, &r->qe, &r->hasqe);
        else
            ok = 0;
        if (!ok) return 0;
    }
    return 1;
}

/* The classes of bound words (number.lua's MODS and POSTS). */
enum { B_NONE, B_GT, B_GE, B_LT, B_LE, B_NEAR, B_OVER, B_ABOUT };

/* The class of the word at w in the table at map (B_NONE: not there). */
static int qclass(lua_State *L, int map, int w)
{
    static const char *const names[] = {"gt", "ge", "lt", "le", "near", "over", "about", NULL};
    lua_pushvalue(L, w);
    lua_rawget(L, map);
    const char *c = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    int k = 0;
    if (c)
        while (names[k] && strcmp(names[k], c) != 0) k++;
    lua_pop(L, 1);
    return c && names[k] ? k + 1 : B_NONE;
}

/* The value of number words (words_value in number.lua): integers, "h"
   (hundred) and "dz" (dozen), in the table at w; 0 when it holds anything
   else (a half). *count: how many. Integer arithmetic wraps as Lua's. */
static int qwords(lua_State *L, int w, lua_Integer *v, lua_Integer *count)
{
    lua_Unsigned total = 0, cur = 0;
    lua_Integer i = 1;
    for (;; i++) {
        int ty = lua_rawgeti(L, w, i);
        if (ty == LUA_TNIL) {
            lua_pop(L, 1);
            break;
        }
        if (ty == LUA_TNUMBER && lua_isinteger(L, -1)) {
            lua_Integer x = lua_tointeger(L, -1);
            if (x >= 1000) {
                total += (cur == 0 ? 1 : cur) * (lua_Unsigned)x;
                cur = 0;
            } else {
                cur += (lua_Unsigned)x;
            }
        } else if (ty == LUA_TSTRING && strcmp(lua_tostring(L, -1), "h") == 0) {
            cur = (cur == 0 ? 1 : cur) * 100;
        } else if (ty == LUA_TSTRING && strcmp(lua_tostring(L, -1), "dz") == 0) {
            cur = (cur == 0 ? 1 : cur) * 12;
        } else {
            lua_pop(L, 1);
            return 0;
        }
        lua_pop(L, 1);
    }
    *v = (lua_Integer)(total + cur);
    *count = i - 1;
    return 1;
}

/* Push the name of field (then its value, then lua_rawset). */
static void qkey(lua_State *L, int field)
{
    lua_pushvalue(L, lua_upvalueindex(Q_UP + field));
}

/* The fields' table of the pairs from index first on (quantity's values
   above top dropped): the step is build()'s. */
static int qfallback(lua_State *L, int first, int top)
{
    lua_settop(L, top);
    return pushfields(L, first);
}

/* The value of the digits d (dl bytes, at most 18; commas dropped, as
   digits_value drops them) in *v: 0 when d holds another byte or no
   digit. */
static int qdigits(const char *d, size_t dl, lua_Integer *v)
{
    lua_Unsigned x = 0;
    int digits = 0;
    for (size_t i = 0; i < dl; i++) {
        if (d[i] == ',') continue;
        if (d[i] < '0' || d[i] > '9' || ++digits > 18) return 0;
        x = x * 10 + (lua_Unsigned)(d[i] - '0');
    }
    *v = (lua_Integer)x;
    return digits > 0;
}

/* The base of the unit at index u (with_base in number.lua, from the
   upvalue base): 1, its factor and name pushed; 0, nothing pushed, when it
   has none; -1 when it is not known yet (build() asks sift.grammar.unit)
   or is no number. */
static int qbase(lua_State *L, int u)
{
    lua_pushvalue(L, u);
    int bt = lua_rawget(L, lua_upvalueindex(4));
    if (bt == LUA_TTABLE) {
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        lua_remove(L, -3);
        if (lua_type(L, -2) == LUA_TNUMBER) return 1;
        lua_pop(L, 2);
        return -1;
    }
    int none = bt == LUA_TBOOLEAN && !lua_toboolean(L, -1);
    lua_pop(L, 1);
    return none ? 0 : -1;
}

/* True when the number at s (1-based) of t is joined to the word before it
   ("AK-47", "x.com/2021"): build()'s JOINERS. */
static int joined(const char *t, lua_Integer s)
{
    if (s <= 2) return 0;
    int b1 = (unsigned char)t[s - 2], b2 = (unsigned char)t[s - 3];
    return (b1 == '-' || b1 == '/' || b1 == '_' || b1 == '.' || b1 == ':' || b1 == '@' ||
            b1 == '#' || b1 == ',') &&
           asciiword(b2);
}

/* Push the field of quantity's upvalues and the value at v, and set them in
   the table at q. */
static void qset(lua_State *L, int q, int field, int v)
{
    qkey(L, field);
    lua_pushvalue(L, v);
    lua_rawset(L, q);
}

/*
** The record of a vague word read by the step from s to e (e: the byte
** after it; fields in r: v, then vs, m, ns perhaps), as build()'s "vague"
** branch makes it, appended to out (stack index 3): "several" (v), "a few
** hundred" (and vs, a scale word); "many" after how, so, too, that or as
** makes none, nor does a word joined to the one before it. The fields'
** table for build() when the step has other fields or e is not known (0).
*/
static int qvague(lua_State *L, ctxset *set, const char *t, size_t n, lua_Integer s, lua_Integer e,
                  const qraw *r, int first, int top)
{
    if (e <= s || e > (lua_Integer)n + 1 || r->d || r->w || r->u || r->post || r->hasqe || r->hasne)
        return qfallback(L, first, top);
    if (joined(t, s)) return 0;
    size_t vl;
    const char *v = lua_tolstring(L, r->v, &vl);
    if (!r->m && vl == 4 && memcmp(v, "many", 4) == 0) {
        static const char *const not_after[] = {"how", "so", "too", "that", "as"};
        pword p;
        if (readprev(t, (lua_Integer)n, s, &p))
            for (int k = 0; k < 5; k++)
                if (lowis(p.w, p.ll, not_after[k])) return 0;
    }
    luaL_checkstack(L, 12, NULL);
    /* min and coded at top + 1, top + 2 (nil when none); the phrase at top + 3 */
    if (r->vs) {
        lua_pushvalue(L, r->vs);
        if (lua_rawget(L, lua_upvalueindex(7)) != LUA_TNUMBER || !lua_isinteger(L, -1))
            return qfallback(L, first, top);
        lua_Integer sc = lua_tointeger(L, -1);
        lua_pushinteger(L, (lua_Integer)(2 * (lua_Unsigned)sc));
        lua_insert(L, -2);
        lua_pushvalue(L, r->v);
        lua_pushliteral(L, " ");
        lua_pushvalue(L, r->vs);
        lua_concat(L, 3);
    } else {
        lua_pushvalue(L, r->v);
        if (lua_rawget(L, lua_upvalueindex(6)) == LUA_TTABLE) {
            lua_rawgeti(L, -1, 1);
            lua_rawgeti(L, -2, 2);
            lua_remove(L, -3);
        } else {
            lua_pop(L, 1);
            lua_pushnil(L);
            lua_pushnil(L);
        }
        lua_pushvalue(L, r->v);
    }
    int approx = 0;
    if (r->m) {
        int c = qclass(L, lua_upvalueindex(2), r->m);
        if (c == B_ABOUT || c == B_NEAR || c == B_OVER) approx = r->m;
    }
    const char *noun = NULL;
    size_t nounl = nounafter(set, t, n, e - 1, 1, 0, &noun);
    /* (the fields in build()'s order, in a table of new()'s size, so the
       record is laid out as build() lays it out) */
    lua_createtable(L, 0, 8);
    int q = lua_gettop(L);
    qkey(L, Q_S);
    lua_pushinteger(L, s);
    lua_rawset(L, q);
    qkey(L, Q_E);
    lua_pushinteger(L, e - 1);
    lua_rawset(L, q);
    qkey(L, Q_TEXT);
    lua_pushlstring(L, t + s - 1, (size_t)(e - s));
    lua_rawset(L, q);
    qset(L, q, Q_VAGUE, top + 3);
    if (!lua_isnil(L, top + 2)) qset(L, q, Q_CODED, top + 2);
    if (!lua_isnil(L, top + 1)) qset(L, q, Q_MIN, top + 1);
    if (approx) qset(L, q, Q_APPROX, approx);
    if (nounl) {
        qkey(L, Q_NOUN);
        lua_pushlstring(L, noun, nounl);
        lua_rawset(L, q);
    }
    lua_pushvalue(L, lua_upvalueindex(5));
    lua_setmetatable(L, q);
    lua_rawseti(L, 3, (lua_Integer)lua_rawlen(L, 3) + 1);
    return 0;
}

/* A record quantity makes: text from s to e, value, min and max when it
   has them; stack indices of its unit, its approx word and its base unit's
   factor (then name), 0 when none; its noun (nounl bytes), if any; its
   conversion in brackets (alt). */
typedef struct {
    lua_Integer s, e, v, mn, mx;
    int hasmin, hasmax, u, approx, base;
    const char *noun;
    size_t nounl;
    int alt; /* (the stack index of its alt table, 0 when none) */
} qrec;

/* Append the record r of text t to out (stack index 3): a table with the
   metatable of the records, made at its final size. */
static void qrecord(lua_State *L, const char *t, const qrec *r)
{
    luaL_checkstack(L, 6, NULL);
    lua_createtable(L, 0,
                    4 + r->hasmin + r->hasmax + (r->u != 0) + (r->nounl != 0) + (r->approx != 0) +
                        (r->base != 0) + (r->alt != 0));
    int q = lua_gettop(L);
    qkey(L, Q_S);
    lua_pushinteger(L, r->s);
    lua_rawset(L, q);
    qkey(L, Q_E);
    lua_pushinteger(L, r->e);
    lua_rawset(L, q);
    qkey(L, Q_TEXT);
    lua_pushlstring(L, t + r->s - 1, r->e >= r->s ? (size_t)(r->e - r->s + 1) : 0);
    lua_rawset(L, q);
    qkey(L, Q_VALUE);
    lua_pushinteger(L, r->v);
    lua_rawset(L, q);
    if (r->hasmin) {
        qkey(L, Q_MIN);
        lua_pushinteger(L, r->mn);
        lua_rawset(L, q);
    }
    if (r->hasmax) {
        qkey(L, Q_MAX);
        lua_pushinteger(L, r->mx);
        lua_rawset(L, q);
    }
    if (r->u) qset(L, q, Q_UNIT, r->u);
    if (r->nounl) {
        qkey(L, Q_NOUN);
        lua_pushlstring(L, r->noun, r->nounl);
        lua_rawset(L, q);
    }
    if (r->approx) qset(L, q, Q_APPROX, r->approx);
    if (r->base) {
        qkey(L, Q_BASE);
        lua_createtable(L, 0, 2);
        int b = lua_gettop(L);
        qkey(L, Q_VALUE);
        lua_pushinteger(L, r->v);
        lua_pushvalue(L, r->base);
        lua_arith(L, LUA_OPMUL);
        lua_rawset(L, b);
        qset(L, b, Q_UNIT, r->base + 1);
        lua_rawset(L, q);
    }
    if (r->alt) qset(L, q, Q_ALT, r->alt);
    lua_pushvalue(L, lua_upvalueindex(5));
    lua_setmetatable(L, q);
    lua_rawseti(L, 3, (lua_Integer)lua_rawlen(L, 3) + 1);
}

/* One number of a range (value_of in number.lua, for digits or number
   words with no scale word and no half): its value, its digits (d, dl;
   NULL for words), its span as read (s, e: G.num's fields; ns, ne: the
   step's, for the first number) and which of them it has. */
typedef struct {
    lua_Integer v, s, e, ns, ne;
    const char *d;
    size_t dl;
    int hass, hase, hasns, hasne;
} qnum;

/* The number of the fields' table at idx (G.num's: s, d or w, e) into *x:
   0 when it has another field or is no such number. */
static int qnumof(lua_State *L, int idx, qnum *x)
{
    memset(x, 0, sizeof *x);
    int hasv = 0;
    luaL_checkstack(L, 4, NULL);
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        size_t kl;
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pop(L, 2);
            return 0;
        }
        const char *k = lua_tolstring(L, -2, &kl);
        int ok = 0;
        if (kl == 1 && (k[0] == 's' || k[0] == 'e') && lua_isinteger(L, -1)) {
            *(k[0] == 's' ? &x->s : &x->e) = lua_tointeger(L, -1);
            *(k[0] == 's' ? &x->hass : &x->hase) = 1;
            ok = 1;
        } else if (kl == 1 && k[0] == 'd' && lua_type(L, -1) == LUA_TSTRING && !hasv) {
            x->d = lua_tolstring(L, -1, &x->dl); /* (a string of the table: it stays) */
            ok = hasv = qdigits(x->d, x->dl, &x->v);
        } else if (kl == 1 && k[0] == 'w' && lua_type(L, -1) == LUA_TTABLE && !hasv) {
            lua_Integer nw;
            ok = hasv = qwords(L, lua_gettop(L), &x->v, &nw);
        }
        if (!ok) {
            lua_pop(L, 2);
            return 0;
        }
    }
    return hasv;
}

/* The conversion in brackets of the fields' table at idx (G.alt's: s, n,
   u, e) into *x (its number, s and e its span), *u (the stack index of its
   unit, pushed): 0, nothing pushed, when it has another field or is no
   such conversion. */
static int qaltof(lua_State *L, int idx, qnum *x, int *u)
{
    int hasn = 0, hasu = 0, hass = 0, hase = 0;
    lua_Integer s = 0, e = 0;
    luaL_checkstack(L, 4, NULL);
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        size_t kl = 0;
        int ok = 0;
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &kl) : NULL;
        if (k && kl == 1 && (k[0] == 's' || k[0] == 'e') && lua_isinteger(L, -1)) {
            int *has = k[0] == 's' ? &hass : &hase;
            *(k[0] == 's' ? &s : &e) = lua_tointeger(L, -1);
            ok = !*has;
            *has = 1;
        } else if (k && kl == 1 && k[0] == 'n' && lua_type(L, -1) == LUA_TTABLE && !hasn) {
            ok = hasn = qnumof(L, lua_gettop(L), x);
        } else if (k && kl == 1 && k[0] == 'u' && lua_type(L, -1) == LUA_TSTRING) {
            ok = hasu = 1;
        }
        if (!ok) {
            lua_pop(L, 2);
            return 0;
        }
    }
    if (!hasn || !hasu || !hass || !hase) return 0;
    x->s = s, x->e = e;
    lua_pushliteral(L, "u");
    lua_rawget(L, idx);
    *u = lua_gettop(L);
    return 1;
}

/*
** The records of a number with a conversion in brackets ("90 miles (144
** kilometers)"), q and the alt fields at a, as build() makes them,
** appended to out (stack index 3): q with alt = {value, unit, s, e, text}
** when the two agree within 10% in the same base unit (and their units
** differ); else q, then the conversion as a record of its own. The fields'
** table for build() (nothing appended) when the conversion is no number
** without a scale word and a half, or its unit's base is not known yet.
*/
static int qalt(lua_State *L, const char *t, size_t n, qrec *q, int a, int first, int top)
{
    qnum x;
    int u;
    if (!qaltof(L, a, &x, &u)) return qfallback(L, first, top);
    if (x.s < 1 || x.s > (lua_Integer)n + 1 || x.e < x.s || x.e > (lua_Integer)n + 1)
        return qfallback(L, first, top);
    int hasbase = qbase(L, u);
    if (hasbase < 0) return qfallback(L, first, top);
    int f = hasbase ? lua_gettop(L) - 1 : 0, agree = 0;
    luaL_checkstack(L, 12, NULL);
    if (q->base && f && lua_rawequal(L, q->base + 1, f + 1) && !lua_rawequal(L, q->u, u)) {
        /* |b1 - b2| <= 0.1 * max(b1, b2), in Lua's arithmetic (math.abs, math.max) */
        lua_pushinteger(L, q->v);
        lua_pushvalue(L, q->base);
        lua_arith(L, LUA_OPMUL);
        int b1 = lua_gettop(L);
        lua_pushinteger(L, x.v);
        lua_pushvalue(L, f);
        lua_arith(L, LUA_OPMUL);
        int b2 = lua_gettop(L);
        lua_pushvalue(L, b1);
        lua_pushvalue(L, b2);
        lua_arith(L, LUA_OPSUB);
        lua_pushinteger(L, 0);
        int negative = lua_compare(L, -2, -1, LUA_OPLT);
        lua_pop(L, 1);
        if (negative) lua_arith(L, LUA_OPUNM);
        int diff = lua_gettop(L);
        lua_pushnumber(L, 0.1);
        lua_pushvalue(L, lua_compare(L, b1, b2, LUA_OPLT) ? b2 : b1);
        lua_arith(L, LUA_OPMUL);
        agree = lua_compare(L, diff, -1, LUA_OPLE);
        lua_settop(L, b1 - 1);
    }
    if (agree) {
        lua_createtable(L, 0, 5);
        int at = lua_gettop(L);
        qkey(L, Q_VALUE);
        lua_pushinteger(L, x.v);
        lua_rawset(L, at);
        qset(L, at, Q_UNIT, u);
        qkey(L, Q_S);
        lua_pushinteger(L, x.s);
        lua_rawset(L, at);
        qkey(L, Q_E);
        lua_pushinteger(L, x.e - 1);
        lua_rawset(L, at);
        qkey(L, Q_TEXT);
        lua_pushlstring(L, t + x.s - 1, (size_t)(x.e - x.s));
        lua_rawset(L, at);
        q->alt = at;
        qrecord(L, t, q);
    } else {
        qrecord(L, t, q);
        qrec b = {x.s, x.e - 1, x.v, x.v, x.v, 1, 1, u, 0, f, NULL, 0, 0};
        qrecord(L, t, &b);
    }
    return 0;
}

/* True when the number x is a year to is_year_like in number.lua: four
   digits from 1000 to 2099. */
static int qyear(const qnum *x)
{
    return x->d && x->dl == 4 && isdigit_(x->d[0]) && isdigit_(x->d[1]) && isdigit_(x->d[2]) &&
           isdigit_(x->d[3]) && x->v >= 1000 && x->v <= 2099;
}

/*
** The records of a range read by the step from s to e (e: the byte after
** it; fields in r), as build()'s "range" branch makes them, appended to out
** (stack index 3): "20-25 km", "between 14 and 18", "two or three" is one
** record (value and min the low end, max the high one); "from 20 to 25" and
** "5 or 3" are two; a range of years, days of a month ("5-6 September"), a
** score ("3-1") and a number joined to the word before make none. The
** fields' table for build() when e is not known (0), a number has a scale
** word or a half, two units differ, or a unit's base is not known yet.
*/
static int qrange(lua_State *L, ctxset *set, const char *t, size_t n, lua_Integer s, lua_Integer e,
                  const qraw *r, int first, int top)
{
    qnum x1, x2;
    if (e <= s || e > (lua_Integer)n + 1 || r->post || r->hasqe || r->vs || r->au || !r->sep ||
        (r->n ? r->d || r->w || r->hasne : !r->d == !r->w || !r->hasne) || !qnumof(L, r->n2, &x2) ||
        !x2.hass)
        return qfallback(L, first, top);
    if (r->n) {
        if (!qnumof(L, r->n, &x1) || !x1.hase) return qfallback(L, first, top);
    } else {
        memset(&x1, 0, sizeof x1);
        if (r->d) {
            x1.d = lua_tolstring(L, r->d, &x1.dl);
            if (!qdigits(x1.d, x1.dl, &x1.v)) return qfallback(L, first, top);
        } else {
            lua_Integer nw;
            if (!qwords(L, r->w, &x1.v, &nw)) return qfallback(L, first, top);
        }
        x1.ns = r->ns, x1.hasns = r->hasns, x1.ne = r->ne, x1.hasne = 1;
    }
    /* the first number's span, as build() gives it: ns or s, then ne or e */
    lua_Integer s1 = x1.hasns ? x1.ns : x1.hass ? x1.s : s, e1 = (x1.hasne ? x1.ne : x1.e) - 1;
    if (s1 < 1 || s1 > (lua_Integer)n + 1 || e1 < s1 - 1 || e1 > (lua_Integer)n || x2.s < 1 ||
        x2.s > e)
        return qfallback(L, first, top);
    /* (two units: sift.grammar.unit's dimensions are build()'s) */
    int u1 = r->u, u = r->u2 ? r->u2 : r->u;
    if (u1 && u != u1 && !lua_rawequal(L, u, u1)) return qfallback(L, first, top);
    lua_Integer v1 = x1.v, v2 = x2.v;
    if (joined(t, s)) return 0;
    if (qyear(&x1) && (qyear(&x2) || (x2.d && x2.dl == 2))) return 0;
    pword p;
    int haspw = readprev(t, (lua_Integer)n, s, &p);
    /* days of a month: "5-6 September", "September 5-6" */
    if (!u && v2 <= 31 && x1.d && x2.d) {
        const char *w;
        size_t wl = nextword(t, n, e - 1, &w);
        if (wl && startsupper(w, wl) && IN(ctxget(set, w, wl, 1), C_MONTHS)) return 0;
        if (haspw && IN(ctxget(set, p.w, p.ll, 1), C_MONTHS) && startsupper(p.w, p.wl) &&
            p.gl > 0) {
            size_t k = 0;
            while (k < p.gl && (p.g[k] == ' ' || p.g[k] == '\t')) k++;
            if (k == p.gl) return 0;
        }
    }
    size_t sl;
    const char *sep = lua_tolstring(L, r->sep, &sl);
    int dash = sl == 4 && memcmp(sep, "dash", 4) == 0;
    luaL_checkstack(L, 8, NULL);
    if ((sl == 2 && memcmp(sep, "to", 2) == 0 && haspw && lowis(p.w, p.ll, "from")) ||
        (!dash && v2 <= v1)) {
        /* a change ("from 20 to 25") or two figures ("5 or 3"): two records */
        int ua = u1 ? u1 : u, ba = ua ? qbase(L, ua) : 0;
        if (ba < 0) return qfallback(L, first, top);
        int fa = ba ? lua_gettop(L) - 1 : 0, bb = u ? qbase(L, u) : 0;
        if (bb < 0) return qfallback(L, first, top);
        int fb = bb ? lua_gettop(L) - 1 : 0;
        qrec a = {s1, e1, v1, v1, v1, 1, 1, ua, 0, fa, NULL, 0, 0};
        qrec b = {x2.s, e - 1, v2, v2, v2, 1, 1, u, 0, fb, NULL, 0, 0};
        qrecord(L, t, &a);
        qrecord(L, t, &b);
        return 0;
    }
    if (v2 <= v1) return 0;
    int hasbase = u ? qbase(L, u) : 0;
    if (hasbase < 0) return qfallback(L, first, top);
    int f = hasbase ? lua_gettop(L) - 1 : 0, approx = 0;
    if (r->m) {
        int c = qclass(L, lua_upvalueindex(2), r->m);
        if (c == B_ABOUT || c == B_NEAR || c == B_OVER) approx = r->m;
    }
    const char *noun = NULL;
    size_t nounl = u ? 0 : nounafter(set, t, n, e - 1, 0, 0, &noun);
    qrec q = {s, e - 1, v1, v1, v2, 1, 1, u, approx, f, noun, nounl, 0};
    qrecord(L, t, &q);
    return 0;
}

/*
** quantity(text, s, out, name1, value1, ...): the record of a plain number
** read by the step at s of text, from the step's fields (as fields() takes
** them), appended to out; nothing returned. A plain number is digits (at
** most 18) perhaps grouped by commas ("1,500"), with no decimal point or
** scale word, or number words without "a half", after a bound word or not,
** with a unit or not, and a word after it ("or more") or not: build() in
** number.lua for such a number, its checks and fields, without the
** intermediate tables. A number the checks reject appends nothing, and so
** does "a year" or the like (the step's one field au) that no word of
** duration_prep comes before. A conversion in brackets after the number
** ("90 miles (144 km)") is read too (qalt). Any other step (money, "dozens
** of thousands", a number with a scale word or a half, ...), or a unit
** whose base is not known yet, returns its fields' table for build()
** instead. qmake does it with
** the step's pairs at first..top (the top of the stack): quantity's from 4,
** qstep's from 5. With e, the end of qstep's step (the byte after it; 0 for
** quantity), it makes the records of a vague word (qvague), of "a year",
** "about a week" (a unit of one, field au) and of a range of such numbers
** (qrange) too.
*/
static int qmake(lua_State *L, int first, int top, lua_Integer e)
{
    size_t n;
    const char *t = luaL_checklstring(L, 1, &n);
    lua_Integer s = luaL_checkinteger(L, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    luaL_argcheck(L, s >= 1 && s <= (lua_Integer)n, 2, "out of range");
    ctxset *set = ctxof(L);
    if (top == first + 1 && lua_type(L, first) == LUA_TSTRING &&
        lua_type(L, first + 1) == LUA_TSTRING) {
        /* "a year", "an hour" with no bound word before it: build() keeps
           it only after a word of duration_prep ("for a year") */
        size_t kl;
        const char *k = lua_tolstring(L, first, &kl);
        pword p;
        if (kl == 2 && k[0] == 'a' && k[1] == 'u' &&
            (!readprev(t, (lua_Integer)n, s, &p) ||
             !IN(ctxget(set, p.w, p.ll, 1), C_DURATION_PREP)))
            return 0;
    }
    qraw r;
    if (!qread(L, first, top, &r)) return qfallback(L, first, top);
    if (r.v) return qvague(L, set, t, n, s, e, &r, first, top);
    if (r.n2) return qrange(L, set, t, n, s, e, &r, first, top);
    if (r.n || r.sep || r.u2) return qfallback(L, first, top);
    lua_Integer qe, ne, v, nw = 0;
    const char *d = NULL;
    size_t dl = 0;
    int aunit = r.au != 0;
    if (aunit) {
        /* "a year", "about a week" (build()'s "aunit"): one of the unit, to e;
           "a fortnight" is two weeks */
        size_t al;
        const char *a = lua_tolstring(L, r.au, &al);
        if (e <= s || e > (lua_Integer)n + 1 || r.d || r.w || r.u || r.post || r.hasqe || r.hasne ||
            r.vs || r.alt)
            return qfallback(L, first, top);
        if (joined(t, s)) return 0;
        pword p;
        if (!r.m && (!readprev(t, (lua_Integer)n, s, &p) ||
                     !IN(ctxget(set, p.w, p.ll, 1), C_DURATION_PREP)))
            return 0;
        v = 1;
        r.u = r.au;
        if (al == 9 && memcmp(a, "fortnight", 9) == 0) {
            lua_pushliteral(L, "week");
            r.u = lua_gettop(L);
            v = 2;
        }
        qe = ne = e;
    } else if (r.vs || !r.d == !r.w || !r.hasqe || !r.hasne || r.qe <= s ||
               r.qe > (lua_Integer)n + 1 || r.ne < 1 || r.ne > (lua_Integer)n + 1) {
        return qfallback(L, first, top);
    } else {
        qe = r.qe, ne = r.ne;
    }
    if (r.d) {
        d = lua_tolstring(L, r.d, &dl);
        if (!qdigits(d, dl, &v)) return qfallback(L, first, top);
    } else if (!aunit && !qwords(L, r.w, &v, &nw)) {
        return qfallback(L, first, top);
    }
    lua_Integer ns = r.hasns ? r.ns : s;
    if (r.w && !r.m && !idiomargs(n, s, qe, ns, ne)) return qfallback(L, first, top);
    /* a year after a bound word: build() looks at the word before it */
    if (r.m && d && dl == 4 && !r.u && v >= 1000 && v <= 2099) return qfallback(L, first, top);
    luaL_checkstack(L, 12, NULL);
    /* the base unit: its factor and name at base, base + 1 */
    int hasbase = r.u ? qbase(L, r.u) : 0;
    if (hasbase < 0) return qfallback(L, first, top);
    int base = hasbase ? lua_gettop(L) - 1 : 0;
    /* the checks: a number joined to a word before it, a fraction, a label,
       an idiom of "one" */
    if (joined(t, s)) return 0;
    if (!r.u && isfraction(set, t, n, ne - 1)) return 0;
    if (!r.m && !aunit &&
        (d ? islabel(L, set, t, n, s, qe, d, dl, (lua_Number)v, 1, 0, r.u != 0)
           : isidiom(L, set, t, n, s, qe, ns, ne, nw == 1)))
        return 0;
    /* the bounds: the word before, then the word after */
    int hasmin = 1, hasmax = 1, approx = 0, count = !r.u;
    lua_Integer mn = v, mx = v;
    for (int k = 0; k < 2; k++) {
        int w = k == 0 ? r.m : r.post;
        if (!w) continue;
        switch (qclass(L, lua_upvalueindex(k == 0 ? 2 : 3), w)) {
        case B_GT:
            hasmin = 1, hasmax = 0, mn = count ? (lua_Integer)((lua_Unsigned)v + 1) : v;
            break;
        case B_GE:
            hasmin = 1, hasmax = 0, mn = v;
            break;
        case B_LT:
            hasmin = 0, hasmax = 1, mx = count ? (lua_Integer)((lua_Unsigned)v - 1) : v;
            break;
        case B_LE:
            hasmin = 0, hasmax = 1, mx = v;
            break;
        case B_NEAR:
            hasmin = 0, hasmax = 1, mx = v, approx = w;
            break;
        case B_OVER:
            hasmin = 1, hasmax = 0, mn = v, approx = w;
            break;
        case B_ABOUT:
            hasmin = 0, hasmax = 0, approx = w;
            break;
        default:
            break;
        }
    }
    const char *noun = NULL;
    size_t nounl = r.u || r.alt ? 0 : nounafter(set, t, n, qe - 1, 0, v == 1, &noun);
    qrec q = {s, qe - 1, v, mn, mx, hasmin, hasmax, r.u, approx, base, noun, nounl, 0};
    if (r.alt) return qalt(L, t, n, &q, r.alt, first, top);
    qrecord(L, t, &q);
    return 0;
}

static int quantity(lua_State *L)
{
    return qmake(L, 4, lua_gettop(L), 0);
}

/*
** qstep(text, e, s [, true, name1, value1, ...]): the function of the
** match-time capture after each step of number.lua's scan, which reads a
** whole text in one match, with the out, build, ordinals and set qbegin
** gave it: for a step from s to e (e: the byte after it) that read a
** record (true, then the step's fields' pairs), what quantity does with s,
** out and the pairs; when quantity gives the step's fields' table instead,
** build(text, fields, out, s, e), unless ordinals is false and the step is
** an ordinal's (fields ov, od or ot). Returns the next candidate at or
** after e (numberto, with set). So the records go to out in text order as
** the steps are taken, LPeg keeps no captures, and Lua runs only for build.
*/
static int qstep(lua_State *L)
{
    int top = lua_gettop(L);
    lua_Integer e = luaL_checkinteger(L, 2);
    const sift_scan_words *set = lua_touserdata(L, lua_upvalueindex(Q_SET));
    if (!set) return luaL_error(L, "'qstep' called before 'qbegin'");
    if (top >= 4 && lua_toboolean(L, 4)) {
        lua_copy(L, 3, 2); /* (quantity's arguments: text, s, out, pairs) */
        lua_pushvalue(L, lua_upvalueindex(Q_OUT));
        lua_replace(L, 3);
        if (qmake(L, 5, top, e) != 0) {
            int f = lua_gettop(L), ordinal = 0;
            if (!lua_toboolean(L, lua_upvalueindex(Q_ORDINALS))) {
                static const char *const ords[] = {"ov", "od", "ot"};
                for (int k = 0; k < 3 && !ordinal; k++) {
                    lua_pushstring(L, ords[k]);
                    lua_rawget(L, f);
                    ordinal = lua_toboolean(L, -1);
                    lua_pop(L, 1);
                }
            }
            if (!ordinal) {
                lua_pushvalue(L, lua_upvalueindex(Q_BUILD));
                lua_pushvalue(L, 1);
                lua_pushvalue(L, f);
                lua_pushvalue(L, 3);
                lua_pushvalue(L, 2);
                lua_pushinteger(L, e);
                lua_call(L, 5, 0);
            }
        }
    }
    size_t len;
    const char *t = lua_tolstring(L, 1, &len);
    size_t c = e < 1 || (size_t)e > len
                   ? len
                   : sift_scan_find(t, len, (size_t)e - 1, set, SIFT_SCAN_NUMBER);
    lua_pushinteger(L, (lua_Integer)c + 1);
    return 1;
}

/*
** qbegin(out, build, ordinals, set): what qstep takes for the steps of one
** text (see there), kept until the next call.
*/
static int qbegin(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    luaL_checkudata(L, 4, SIFT_SCANWORDS);
    lua_settop(L, 4);
    lua_pushboolean(L, lua_toboolean(L, 3));
    lua_replace(L, 3);
    for (int k = 0; k < 4; k++) {
        lua_pushvalue(L, 1 + k);
        lua_setupvalue(L, lua_upvalueindex(1), Q_OUT + k);
    }
    return 0;
}

/*
** context(classes [, records]): the context checks of the number grammar,
** as a table of functions (noun, label, idiom, next, fraction, sentence,
** title) that share one set of the words of classes (a table of class name
** -> a table whose keys are the words; names: see classnames). A word
** longer than CTX_LEN bytes, or holding a zero byte, is an error. With
** records (a table: mods and posts, the bound words' classes before and
** after a number; base, unit -> {factor, base unit} or false; meta, the
** records' metatable; vague, a vague word -> {min, coded}; vscales, a scale
** word after one -> its value) the table has quantity, qstep and qbegin
** too.
*/
static int context(lua_State *L)
{
    static const luaL_Reg fns[] = {{"noun", ctxnoun},         {"label", ctxlabel},
                                   {"idiom", ctxidiom},       {"next", ctxnext},
                                   {"fraction", ctxfraction}, {"sentence", ctxsentence},
                                   {"title", ctxtitle},       {NULL, NULL}};
    luaL_checktype(L, 1, LUA_TTABLE);
    int records = !lua_isnoneornil(L, 2);
    if (records) luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    ctxset *set = lua_newuserdatauv(L, sizeof *set, 1);
    memset(set, 0, sizeof *set);
    for (int c = 0; c < C_NCLASSES; c++) {
        if (lua_getfield(L, 1, classnames[c]) != LUA_TTABLE)
            return luaL_error(L, "bad classes to 'context' (no table of words '%s')",
                              classnames[c]);
        for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) {
            size_t len;
            if (lua_type(L, -2) != LUA_TSTRING)
                return luaL_error(L, "bad word in class '%s'", classnames[c]);
            const char *w = lua_tolstring(L, -2, &len);
            if (ctxput(set, w, len, 1u << c) != 0)
                return luaL_error(L,
                                  "bad word '%s' in class '%s' (1 to %d bytes, at most %d words)",
                                  w, classnames[c], CTX_LEN, CTX_SLOTS / 2);
        }
        lua_pop(L, 1);
    }
    luaL_newlibtable(L, fns);
    lua_pushvalue(L, -2);
    luaL_setfuncs(L, fns, 1);
    if (records) {
        static const char *const parts[] = {"mods", "posts", "base", "meta", "vague", "vscales"};
        luaL_checkstack(L, 2 * (Q_UP + Q_NFIELDS), NULL);
        lua_pushvalue(L, -2);
        for (int k = 0; k < 6; k++)
            if (lua_getfield(L, 2, parts[k]) != LUA_TTABLE)
                return luaL_error(L, "bad records to 'context' (no table '%s')", parts[k]);
        for (int k = 0; k < Q_NFIELDS; k++) lua_pushstring(L, qfields[k]);
        for (int k = 1; k < Q_UP + Q_NFIELDS; k++) lua_pushvalue(L, -(Q_UP - 1 + Q_NFIELDS));
        lua_pushcclosure(L, quantity, Q_UP - 1 + Q_NFIELDS);
        lua_setfield(L, -(Q_UP + Q_NFIELDS + 1), "quantity");
        for (int k = Q_OUT; k <= Q_SET; k++) lua_pushnil(L);
        lua_pushcclosure(L, qstep, Q_SET);
        lua_pushvalue(L, -1);
        lua_setfield(L, -3, "qstep");
        lua_pushcclosure(L, qbegin, 1);
        lua_setfield(L, -2, "qbegin");
    }
    return 1;
}

int sift_lua_open_scan(lua_State *L)
{
    static const luaL_Reg fns[] = {{"words", words},     {"number", number}, {"numberto", numberto},
                                   {"date", date},       {"fields", fields}, {"prevword", prevword},
                                   {"context", context}, {NULL, NULL}};
    luaL_newlibtable(L, fns);
    luaL_newmetatable(L, SIFT_SCANWORDS);
    luaL_setfuncs(L, fns, 1);
    return 1;
}
