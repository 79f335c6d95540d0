/*
** lua_cdate.c -- sift.cdate: the resolution of sift.grammar.date in C. The
** grammar (LPeg) finds the parse nodes; this turns them into time records:
** it decodes a node, reads the word before it, makes its records (values,
** precisions, day bounds, modifiers) and resolves relative expressions
** against the document's anchor, the dateline or the dates before. The
** word lists come from date.lua (cdate.resolver's sets); the rules are
** date.lua's "Decisions" (its header comment). It also gates the
** grammar's candidates: of the places sift.scan finds, those where what
** follows shows no date can start are passed over ("candidates" below). A
** private module of the grammar; positions follow string.sub (1-based).
**
*** @function cdate.resolver(sets)            collect, records, reset: the node capture of the
***                                            grammar (`patt / collect`), the records of the
***                                            nodes collected from a text (records(text,
***                                            anchor)), a fresh start (see resolver below)
*** @function cdate.finder(set, spec)         next(text, pos): the grammar's next candidate
***                                            that the gate of spec lets through (see
***                                            finder below)
*** @function cdate.day(y, m, d)              the day number of a civil date
*** @function cdate.civil(n)                  the year, month and day of day number n
**
** Day numbers count days since 1970-01-01 (sift.grammar.calendar). Integer
** arithmetic wraps and divides like Lua's (// and % round down), so counts
** written with up to 19 digits give what the Lua definition gives; a count
** with a decimal point is one only when it is a whole number below 2^31.
*/
#include "lua_common.h"
#include "scan.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef lua_Integer I;
typedef lua_Unsigned U;

#define NONE LUA_MININTEGER /* an absent integer field */

/* ------------------------------------------------------------ arithmetic */

static I iadd(I a, I b)
{
    return (I)((U)a + (U)b);
}

static I imul(I a, I b)
{
    return (I)((U)a * (U)b);
}

/* Lua's a // b and a % b for b > 0 */
static I idiv(I a, I b)
{
    I q = a / b;
    if (a % b != 0 && a < 0) q--;
    return q;
}

static I imod(I a, I b)
{
    I r = a % b;
    if (r < 0) r += b;
    return r;
}

static const int MDAYS[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

static int leap(I y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static I mdays(I y, I m)
{
    if (m == 2 && leap(y)) return 29;
    return MDAYS[m];
}

static int valid(I y, I m, I d)
{
    if (m < 1 || m > 12 || d < 1) return 0;
    return d <= 28 || d <= mdays(y, m);
}

/* calendar.day: shift the year to start in March, count 400-year eras */
static I cday(I y, I m, I d)
{
    if (m <= 2) y = iadd(y, -1);
    I era = idiv(y, 400);
    I yoe = iadd(y, imul(era, -400));
    I mp = imod(iadd(m, 9), 12); /* (m and d may be any integers: a script's) */
    I doy = iadd(idiv(153 * mp + 2, 5), iadd(d, -1));
    I doe = iadd(yoe * 365 + yoe / 4 - yoe / 100, doy);
    return iadd(iadd(imul(era, 146097), doe), -719468);
}

static void civil(I n, I *y, I *m, I *d)
{
    n = iadd(n, 719468);
    I era = idiv(n, 146097);
    I doe = iadd(n, -imul(era, 146097));
    I yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    I doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    I mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = iadd(yoe, imul(era, 400));
    if (*m <= 2) *y = iadd(*y, 1);
}

static I weekday(I n)
{
    return imod(iadd(n, 3), 7) + 1;
}

static void addmonths(I y, I m, I k, I *ry, I *rm)
{
    I i = iadd(iadd(imul(y, 12), m - 1), k);
    *ry = idiv(i, 12);
    *rm = imod(i, 12) + 1;
}

/* first day of month k = y * 12 + m - 1 */
static I monthfirst(I k)
{
    return cday(idiv(k, 12), imod(k, 12) + 1, 1);
}

static void monthbounds(I y, I m, I *a, I *b)
{
    I k = iadd(imul(y, 12), m - 1);
    *a = monthfirst(k);
    *b = monthfirst(iadd(k, 1)) - 1;
}

static void yearbounds(I y, I *a, I *b)
{
    I k = imul(y, 12);
    *a = monthfirst(k);
    *b = iadd(monthfirst(iadd(k, 12)), -1);
}

/* ------------------------------------------------------------ word sets */

#define WLEN 24 /* longest word of a set, and of a word read before a date */

typedef struct {
    unsigned char len;
    char w[WLEN];
    int val;
} entry;

typedef struct {
    int n;
    entry e[64];
} wordset;

static int lookup(const wordset *set, const char *w, size_t len)
{
    for (int i = 0; i < set->n; i++)
        if (set->e[i].len == len && memcmp(set->e[i].w, w, len) == 0) return set->e[i].val;
    return 0;
}

/* the lower-case copy of s[0, len) in buf (len < WLEN) */
static void lower(char *buf, const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
}

/* ------------------------------------------------------------ names */

enum {
    K_SKIP = 1,
    K_DMY,
    K_MDY,
    K_ISO,
    K_NUM,
    K_YEAR,
    K_YRANGE,
    K_DECADE,
    K_CENTURY,
    K_SEASON,
    K_PART,
    K_MY,
    K_MY2,
    K_WD,
    K_DEIC,
    K_REF,
    K_REFOFF,
    K_AGO,
    K_RELU,
    K_RELM,
    K_DUR
};
static const char *const KINDS[] = {"",     "skip",   "dmy",    "mdy",     "iso",    "num",
                                    "year", "yrange", "decade", "century", "season", "part",
                                    "my",   "my2",    "wd",     "deic",    "ref",    "refoff",
                                    "ago",  "relu",   "relm",   "dur",     NULL};
/* the kinds whose dates later text can refer back to ("the same day") */
static int named(int k)
{
    return k == K_DMY || k == K_MDY || k == K_ISO || k == K_NUM || k == K_WD || k == K_REF ||
           k == K_REFOFF || k == K_MY || k == K_MY2 || k == K_YEAR || k == K_YRANGE ||
           k == K_SEASON || k == K_PART || k == K_RELM || k == K_AGO;
}

/* precisions, and the units of durations and periods among them */
enum {
    P_DAY = 1,
    P_WEEK,
    P_WEEKEND,
    P_MONTH,
    P_QUARTER,
    P_SEASON,
    P_HALF,
    P_YEAR,
    P_DECADE,
    P_CENTURY,
    P_HOUR,
    P_MINUTE
};
static const char *const PRECS[] = {"",        "day",    "week",   "weekend", "month",
                                    "quarter", "season", "half",   "year",    "decade",
                                    "century", "hour",   "minute", NULL};
static const int PRECRANK[] = {0, 1, 2, 2, 3, 4, 4, 4, 5, 6, 7, 0, 0};
static const int UNITRANK[] = {0, 1, 1, 0, 3, 0, 0, 0, 5, 5, 5, 0, 0};
static const int UNITYEARS[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 100, 0, 0};
static const char UNITLETTER[] = {0, 'D', 'W', 0, 'M', 0, 0, 0, 'Y', 0, 0, 'H', 'M'};

enum { M_START = 1, M_MID, M_END, M_APPROX, M_BEFORE, M_AFTER, M_SOME, M_RATE, M_RATENOUN, M_ON };
static const char *const MODS[] = {"",      "START", "MID",  "END",      "APPROX", "BEFORE",
                                   "AFTER", "SOME",  "RATE", "RATENOUN", "ON",     NULL};

/* how a relative record was resolved: record.anchor */
enum { A_NONE, A_TEXT, A_DATELINE, A_USER };

static int find(const char *const *names, const char *s)
{
    if (!s) return 0;
    for (int i = 1; names[i]; i++)
        if (names[i][0] == s[0] && strcmp(names[i], s) == 0) return i;
    return 0;
}

/* ------------------------------------------------------------ state */

typedef struct {
    wordset mod;          /* words before a date: M_* (M_ON: "on") */
    wordset mod2;         /* the second words of the pairs in mod ("prior to") */
    unsigned modlens[26]; /* bit n of [c]: a word of mod has n letters and starts with c */
    wordset cue;          /* words before a bare month name */
    wordset monthname;    /* full month names */
    wordset future, past; /* future markers, reporting verbs */
    wordset future2;      /* "going" -> index of its second word in future2b */
    char future2b[16][WLEN];
    wordset hints; /* a clause holds one of these when it may be future */
    wordset units; /* surface form -> P_* unit, + 16 when plural */
} sets;

typedef struct {
    int k; /* 0 none, 1 integer, 2 other number (f), 3 unknown ("X") */
    I i;
    double f;
} count;

typedef struct {
    int kind, unit, plural, mod, pm, bare, capnext, recent, art, pre, post, partq, hasymd;
    int items0, nitems; /* pre or post: the day items of a list, in the store's items */
    I s, e, ms, me, ms2, d, m, m2, y, a, b, dec, c, wd, dom, off, dir, n2, part;
    char season[4];
    count n;
    I ymd[3], y1s, y1y, y1e, y2s, y2y, y2e;
} node;

typedef struct {
    I s, e; /* e exclusive */
    char value[64];
    int vlen, prec, dur, mod, rel, anchor, hasab;
    I a, b;
} rec;

typedef struct {
    int hasay, hasam, hasad, akind, fixed, hasref, refprec, refvlen;
    I ay, am, ad, refa, refb;
    char refvalue[64];
} ctxt;

typedef struct {
    I s, d, e;
} item;

/* The parse nodes of one text (collect appends them), their list items,
   and the records of one node. Arrays from the state's allocator, freed by
   __gc. */
typedef struct {
    sets S;
    node *nodes;
    int nn, ncap;
    item *items;
    int ni, icap;
    rec *recs;
    int rcap;
    int ndays;        /* the days in the records' cache of day strings (pushday) */
    struct konst *ks; /* the constant fields (constant) */
    int nk, kcap;
} store;

/* Make room in *p (cap elements of size) for one more after n. */
static void *grow(lua_State *L, void *p, int *cap, int n, size_t size)
{
    if (n < *cap) return p;
    void *ud;
    lua_Alloc f = lua_getallocf(L, &ud);
    int nc = *cap ? *cap * 2 : 16;
    void *q = f(ud, p, *cap * size, (size_t)nc * size);
    if (!q) luaL_error(L, "not enough memory");
    *cap = nc;
    return q;
}

typedef struct {
    const sets *sets;
    store *st;
    const unsigned char *t;
    I len;
    lua_State *L;
    rec *recs;
    int nrecs;
    I lasta, lastb; /* the bounds of the last record made (NONE: none) */
} run;

/* ------------------------------------------------------------ reading nodes */

static void readcount(lua_State *L, int idx, count *c)
{
    if (lua_type(L, idx) == LUA_TSTRING) {
        c->k = 3;
    } else if (lua_isinteger(L, idx)) {
        c->k = 1;
        c->i = lua_tointeger(L, idx);
    } else {
        double f = lua_tonumber(L, idx);
        if (f == floor(f) && fabs(f) <= 2147483648.0) {
            c->k = 1;
            c->i = (I)f;
        } else {
            c->k = 2;
            c->f = f;
        }
    }
}

static I geti(lua_State *L, int t, const char *k)
{
    lua_getfield(L, t, k);
    I v = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return v;
}

/* One field of a node: the value at idx under the name k. */
static void nodefield(lua_State *L, store *st, node *t, const char *k, size_t kl, int v)
{
    const sets *S = &st->S;
#define IS(name) (kl == sizeof(name) - 1 && memcmp(k, name, kl) == 0)
#define INT()    lua_tointeger(L, v)
    switch (k[0]) {
    case 's':
        if (kl == 1)
            t->s = INT();
        else if (IS("season")) {
            const char *s = lua_tostring(L, v);
            strncpy(t->season, s ? s : "", 3);
        }
        break;
    case 'e':
        if (kl == 1) t->e = INT();
        break;
    case 't':
        if (kl == 1) t->kind = find(KINDS, lua_tostring(L, v));
        break;
    case 'm':
        if (kl == 1)
            t->m = INT();
        else if (IS("ms"))
            t->ms = INT();
        else if (IS("me"))
            t->me = INT();
        else if (IS("m2"))
            t->m2 = INT();
        else if (IS("ms2"))
            t->ms2 = INT();
        else if (IS("mod"))
            t->mod = find(MODS, lua_tostring(L, v));
        break;
    case 'd':
        if (kl == 1)
            t->d = INT();
        else if (IS("dec"))
            t->dec = INT();
        else if (IS("dom"))
            t->dom = INT();
        else if (IS("dir"))
            t->dir = INT();
        break;
    case 'y':
        if (kl == 1)
            t->y = INT();
        else if (IS("ymd")) {
            luaL_checktype(L, v, LUA_TTABLE);
            for (int i = 0; i < 3; i++) {
                lua_rawgeti(L, v, i + 1);
                t->ymd[i] = lua_tointeger(L, -1);
                lua_pop(L, 1);
            }
            t->hasymd = 1;
        } else if (IS("y1") || IS("y2")) {
            I s = geti(L, v, "s"), y = geti(L, v, "y"), e = geti(L, v, "e");
            if (k[1] == '1')
                t->y1s = s, t->y1y = y, t->y1e = e;
            else
                t->y2s = s, t->y2y = y, t->y2e = e;
        }
        break;
    case 'a':
        if (kl == 1)
            t->a = INT();
        else if (IS("art"))
            t->art = lua_toboolean(L, v);
        break;
    case 'b':
        if (kl == 1)
            t->b = INT();
        else if (IS("bare"))
            t->bare = lua_toboolean(L, v);
        break;
    case 'c':
        if (kl == 1)
            t->c = INT();
        else if (IS("capnext"))
            t->capnext = lua_toboolean(L, v);
        break;
    case 'w':
        if (IS("wd")) t->wd = INT();
        break;
    case 'o':
        if (IS("off")) t->off = INT();
        break;
    case 'n':
        if (kl == 1)
            readcount(L, v, &t->n);
        else if (IS("n2"))
            t->n2 = INT();
        break;
    case 'u':
        if (IS("unit")) {
            size_t ul;
            const char *u = lua_tolstring(L, v, &ul);
            int x = u && ul < WLEN ? lookup(&S->units, u, ul) : 0;
            if (x)
                t->unit = x & 15, t->plural = x >> 4;
            else
                t->unit = u ? find(PRECS, u) : 0;
        }
        break;
    case 'p':
        if (IS("part")) {
            if (lua_type(L, v) == LUA_TSTRING)
                t->partq = lua_tostring(L, v)[0];
            else
                t->part = INT();
        } else if (IS("pre") || IS("post")) {
            if (k[1] == 'r')
                t->pre = 1, t->post = 0;
            else
                t->post = 1, t->pre = 0;
            luaL_checktype(L, v, LUA_TTABLE);
            t->items0 = st->ni;
            t->nitems = (int)lua_rawlen(L, v);
            for (int i = 1; i <= t->nitems; i++) {
                lua_rawgeti(L, v, i);
                st->items = grow(L, st->items, &st->icap, st->ni, sizeof(item));
                item *it = &st->items[st->ni++];
                it->s = geti(L, -1, "s"), it->d = geti(L, -1, "d"), it->e = geti(L, -1, "e");
                lua_pop(L, 1);
            }
        }
        break;
    case 'r':
        if (IS("recent")) t->recent = lua_toboolean(L, v);
        break;
    }
#undef IS
#undef INT
}

static void initnode(node *t)
{
    memset(t, 0, sizeof *t);
    t->s = t->e = t->ms = t->me = t->ms2 = t->d = t->m = t->m2 = t->y = t->a = t->b = NONE;
    t->dec = t->c = t->wd = t->dom = t->off = t->dir = t->n2 = t->part = NONE;
    t->y1s = t->y1y = t->y1e = t->y2s = t->y2y = t->y2e = NONE;
}

/*
** A constant field of nodes (a name and a value known when the grammar is
** made: "t" "dmy", "off" -1, "unit" "day"): the bytes of a node that
** nodefield sets for it, found once (constant, below), in at most KSPANS
** runs, so collect copies them instead of reading two values.
*/
#define KSPANS 4
#define KBYTES 32
typedef struct konst {
    unsigned short at[KSPANS], len[KSPANS]; /* the runs: offset in a node, length */
    int n;
    unsigned char bytes[KBYTES]; /* their bytes, run after run */
} konst;

/* Set constant field q of node t. */
static void setkonst(node *t, const konst *q)
{
    const unsigned char *b = q->bytes;
    for (int j = 0; j < q->n; b += q->len[j], j++) memcpy((char *)t + q->at[j], b, q->len[j]);
}

/*
** constant(name, value): the code of the constant field name = value (a
** number, string or boolean) for collect: an integer a node's pattern
** captures in place of the name and the value (one capture, not two). The
** bytes the field sets are those where nodefield leaves the same in a node
** of all zero bytes and one of all 0xFF bytes (nodefield sets members from
** the value alone: a constant field is table-free, so never a list).
*/
static int constant(lua_State *L)
{
    size_t kl;
    const char *k = luaL_checklstring(L, 1, &kl);
    int ty = lua_type(L, 2);
    luaL_argexpected(L, ty == LUA_TNUMBER || ty == LUA_TSTRING || ty == LUA_TBOOLEAN, 2,
                     "number, string or boolean");
    store *st = lua_touserdata(L, lua_upvalueindex(1));
    node a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0xFF, sizeof b);
    lua_settop(L, 2);
    lua_pushvalue(L, 2); /* (copies: lua_tostring turns a number into a string) */
    lua_pushvalue(L, 2);
    if (kl) nodefield(L, st, &a, k, kl, 3);
    if (kl) nodefield(L, st, &b, k, kl, 4);
    konst q;
    memset(&q, 0, sizeof q);
    int nb = 0;
    const unsigned char *pa = (const unsigned char *)&a, *pb = (const unsigned char *)&b;
    for (size_t i = 0; i < sizeof(node); i++) {
        if (pa[i] != pb[i]) continue;
        if (nb == KBYTES) return luaL_error(L, "constant field '%s' sets too many bytes", k);
        if (q.n && q.at[q.n - 1] + q.len[q.n - 1] == i) {
            q.len[q.n - 1]++;
        } else {
            if (q.n == KSPANS) return luaL_error(L, "constant field '%s' sets too many members", k);
            q.at[q.n] = (unsigned short)i, q.len[q.n] = 1, q.n++;
        }
        q.bytes[nb++] = pa[i];
    }
    st->ks = grow(L, st->ks, &st->kcap, st->nk, sizeof(konst));
    st->ks[st->nk] = q;
    lua_pushinteger(L, st->nk++);
    return 1;
}

/*
** collect(s, field1, ..., e): append the parse node of text[s, e) and these
** fields (later ones win) to the store; returns nothing. A field is a name
** and its value, or the code of a constant field (constant). The grammar's
** node pattern captures into it (`Cp() * patt * Cp() / collect`), so nodes
** need no tables; the span comes unnamed (two captures fewer).
*/
static int collect(lua_State *L)
{
    int n = lua_gettop(L);
    if (n < 2) return luaL_error(L, "bad node fields (%d values: no span)", n);
    I s = luaL_checkinteger(L, 1), e = luaL_checkinteger(L, n);
    store *st = lua_touserdata(L, lua_upvalueindex(1));
    st->nodes = grow(L, st->nodes, &st->ncap, st->nn, sizeof(node));
    node *t = &st->nodes[st->nn];
    initnode(t);
    for (int i = 2; i < n;) {
        int ty = lua_type(L, i);
        if (ty == LUA_TNUMBER && lua_isinteger(L, i)) {
            lua_Integer c = lua_tointeger(L, i);
            if (c < 0 || c >= st->nk)
                return luaL_error(L, "bad node field #%d (no constant %d)", i, (int)c);
            setkonst(t, &st->ks[c]);
            i++;
            continue;
        }
        if (ty != LUA_TSTRING) /* (before lua_tolstring turns a number into one) */
            return luaL_error(L, "bad node field #%d (a name expected, got %s)", i,
                              luaL_typename(L, i));
        if (i + 1 >= n) return luaL_error(L, "bad node field #%d (a name without a value)", i);
        size_t kl;
        const char *k = lua_tolstring(L, i, &kl);
        if (kl) nodefield(L, st, t, k, kl, i + 1);
        i += 2;
    }
    t->s = s, t->e = e;
    st->nn++;
    return 0;
}

/* reset(): forget the nodes collected (a new text). */
static int reset(lua_State *L)
{
    store *st = lua_touserdata(L, lua_upvalueindex(1));
    st->nn = st->ni = 0;
    return 0;
}

/* ------------------------------------------------------------ context readers */

static int wc(unsigned c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c >= 0xC3 && c <= 0xE1) || (c >= 0xE3 && c <= 0xF4);
}

static int alpha(unsigned c)
{
    return (c | 32) - 'a' < 26;
}

static int alnum(unsigned c)
{
    return alpha(c) || c - '0' < 10;
}

#define T(k) (r->t[(k)-1]) /* the byte at 1-based position k */

/*
** The word that ends one blank (space or tab) before position s, in any
** case, with no word byte before it, when it is a word of the mod set (or
** two words with one space between, like "prior to"): its M_* value, 0 if
** none. A single word is tried before a pair.
*/
static int wordbefore(const run *r, I s)
{
    I p = s - 1;
    if (p < 2 || (T(p) != ' ' && T(p) != '\t')) return 0;
    I k = p - 1;
    while (k >= 1 && alpha(T(k))) k--;
    I n = p - 1 - k;
    if (n == 0 || n >= WLEN) return 0;
    char buf[WLEN];
    lower(buf, r->t + k, (size_t)n);
    if ((k < 1 || !wc(T(k))) && r->sets->modlens[buf[0] - 'a'] >> n & 1) {
        int v = lookup(&r->sets->mod, buf, (size_t)n);
        if (v) return v;
    }
    if (k < 2 || T(k) != ' ' || !lookup(&r->sets->mod2, buf, (size_t)n)) return 0;
    I j = k - 1;
    while (j >= 1 && alpha(T(j))) j--;
    I n2 = k - 1 - j;
    if (n2 == 0 || n2 + 1 + n >= WLEN || (j >= 1 && wc(T(j)))) return 0;
    lower(buf, r->t + j, (size_t)(n2 + 1 + n));
    return lookup(&r->sets->mod, buf, (size_t)(n2 + 1 + n));
}

/*
** The word that ends right before position s with blanks (spaces, tabs)
** between, within the 24 bytes before s: its length (0: none, or a word
** byte right before it), lower-cased in buf, and its first position.
*/
static size_t prevword(const run *r, I s, char *buf, I *at)
{
    I from = s - 24 < 1 ? 1 : s - 24;
    I i = s - 1;
    while (i >= from && (T(i) == ' ' || T(i) == '\t')) i--;
    if (i == s - 1) return 0;
    I j = i;
    while (j >= from && alpha(T(j))) j--;
    if (j == i) return 0;
    I a = j + 1;
    if (a > 1 && (alnum(T(a - 1)) || T(a - 1) >= 128)) return 0;
    lower(buf, r->t + a - 1, (size_t)(i - j));
    *at = a;
    return (size_t)(i - j);
}

/*
** Do the words before position s in its clause (the 80 bytes before s
** after the last . ! ? ; newline or double quote) put a weekday in the
** future: a future marker ("will", "'ll", "going to") with no reporting
** verb ("said") after it? The clause is looked at only when it holds one
** of the hints.
*/
static int future(const run *r, I s)
{
    const sets *S = r->sets;
    I from = s - 80 < 1 ? 1 : s - 80;
    I cs = s;
    while (cs > from) {
        unsigned c = T(cs - 1);
        if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '"') break;
        cs--;
    }
    size_t len = (size_t)(s - cs);
    char cl[96];
    lower(cl, r->t + cs - 1, len);
    int hint = 0;
    for (int h = 0; h < S->hints.n && !hint; h++) {
        const entry *e = &S->hints.e[h];
        for (size_t i = 0; i + e->len <= len && !hint; i++)
            if (cl[i] == e->w[0] && memcmp(cl + i, e->w, e->len) == 0) hint = 1;
    }
    if (!hint) return 0;
    int fut = 0;
    const char *prev = NULL;
    size_t prevl = 0;
    for (size_t i = 0; i < len;) {
        if (!(alpha((unsigned char)cl[i]) || cl[i] == '\'')) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && (alpha((unsigned char)cl[j]) || cl[j] == '\'')) j++;
        const char *w = cl + i;
        size_t wl = j - i;
        int f2 = 0;
        if (prev && prevl < WLEN) {
            int x = lookup(&S->future2, prev, prevl);
            if (x) {
                const char *b = S->future2b[x - 1];
                f2 = strlen(b) == wl && memcmp(b, w, wl) == 0;
            }
        }
        if ((wl < WLEN && lookup(&S->future, w, wl)) || f2 ||
            (wl >= 3 && memcmp(w + wl - 3, "'ll", 3) == 0))
            fut = 1;
        else if (fut && wl < WLEN && lookup(&S->past, w, wl))
            fut = 0;
        prev = w;
        prevl = wl;
        i = j;
    }
    return fut;
}

/* Is the capitalised word at s the end of a name ("Varkesia Today")? True
   when a capitalised word precedes it on the same line, spaces between. */
static int namepart(const run *r, I s)
{
    if (s > r->len || T(s) < 'A' || T(s) > 'Z' || s == 1) return 0;
    I from = s - 32 < 1 ? 1 : s - 32;
    I i = s - 1;
    while (i >= from && T(i) == ' ') i--;
    if (i == s - 1) return 0;
    I j = i;
    while (j >= from && (alnum(T(j)) || T(j) >= 128)) j--;
    if (j == i || (from > 1 && j < from)) return 0;
    return T(j + 1) >= 'A' && T(j + 1) <= 'Z';
}

static int isspace_(unsigned c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* A dateline: a full date near the top on a line reading "PLACE, <date>"
   or followed by a dash or a parenthesis. */
static int dateline(const run *r, const rec *x)
{
    if (x->s > 400 || x->rel || x->prec != P_DAY) return 0;
    I ls = x->s;
    while (ls > 1 && T(ls - 1) != '\n') ls--;
    I bl = x->s - ls; /* before: [ls, s) */
    if (bl < 80) {
        I i = ls;
        while (i < x->s && isspace_(T(i))) i++;
        if (i < x->s && T(i) >= 'A' && T(i) <= 'Z') {
            I k = x->s - 1;
            while (k > i && isspace_(T(k))) k--;
            int ok = k > i && T(k) == ',';
            for (I q = i + 1; ok && q < k; q++)
                if (T(q) == '.' || T(q) == '!' || T(q) == '?') ok = 0;
            if (ok) return 1;
        }
    }
    I a = x->e, lim = x->e + 6 > r->len + 1 ? r->len + 1 : x->e + 6; /* after: [e, lim) */
    while (a < lim && isspace_(T(a))) a++;
    if (a < lim && (T(a) == '-' || T(a) == '(')) return 1;
    if (a + 2 < lim && T(a) == 0xE2 && T(a + 1) == 0x80 && (T(a + 2) == 0x93 || T(a + 2) == 0x94))
        return 1;
    return 0;
}

/* ------------------------------------------------------------ records */

static rec *newrec(run *r)
{
    r->recs = r->st->recs = grow(r->L, r->st->recs, &r->st->rcap, r->nrecs, sizeof(rec));
    return &r->recs[r->nrecs++];
}

/* Narrow [a, b] to the third that mod (START, MID, END) names: by days for
   a month or less, by months for a year, by years for longer periods. */
static void narrow(I *pa, I *pb, int mod)
{
    I a = *pa, b = *pb, n = b - a + 1;
    if (n > 31) {
        I y1, m1, d1, y2, m2, d2;
        civil(a, &y1, &m1, &d1);
        civil(b, &y2, &m2, &d2);
        I months = (y2 - y1) * 12 + m2 - m1 + 1;
        I step = months > 12 ? 12 : 1;
        I units = idiv(months, step);
        I size = idiv(units + 2, 3);
        I k1 = mod == M_START ? 0 : mod == M_END ? units - size : idiv(units - size, 2);
        I k2 = k1 + size - 1;
        I ya, ma, yb, mb;
        addmonths(y1, m1, k1 * step, &ya, &ma);
        addmonths(y1, m1, k2 * step + step - 1, &yb, &mb);
        *pa = cday(ya, ma, 1);
        *pb = cday(yb, mb, mdays(yb, mb));
        return;
    }
    if (mod == M_START)
        *pb = a + idiv(n, 3) - 1;
    else if (mod == M_MID)
        *pa = a + idiv(n, 3), *pb = a + idiv(2 * n, 3) - 1;
    else
        *pa = a + idiv(2 * n, 3);
}

/* The record for text[s, e) with a value and day bounds (a == NONE: none). */
static rec *record(run *r, I s, I e, const char *value, int prec, I a, I b, int mod)
{
    if (a != NONE && (mod == M_START || mod == M_MID || mod == M_END)) narrow(&a, &b, mod);
    r->lasta = a, r->lastb = b;
    rec *x = newrec(r);
    x->s = s, x->e = e;
    size_t vl = strlen(value);
    if (vl >= sizeof x->value) vl = sizeof x->value - 1;
    memcpy(x->value, value, vl);
    x->value[vl] = 0;
    x->vlen = (int)vl;
    x->prec = prec, x->mod = mod, x->dur = 0, x->rel = 0, x->anchor = A_NONE;
    x->hasab = a != NONE, x->a = a, x->b = b;
    return x;
}

/* Mark x as resolved against how (-1: the context's anchor kind). */
static rec *relative(const ctxt *c, rec *x, int how)
{
    x->rel = 1;
    x->anchor = how >= 0 ? how : c->akind;
    return x;
}

/* v as printf's "%0<width>lld" at p (no terminator); the end */
static char *putint(char *p, I v, int width)
{
    char dig[24];
    int n = 0;
    U u = v < 0 ? (U)0 - (U)v : (U)v;
    do dig[n++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0) *p++ = '-', width--;
    for (; width > n; width--) *p++ = '0';
    while (n) *p++ = dig[--n];
    return p;
}

/* "YYYY-MM-DD" of day number n in buf; its length */
static size_t fmtday(char *buf, I n)
{
    I y, m, d;
    civil(n, &y, &m, &d);
    char *p;
    if (y >= 0 && y <= 9999) { /* (the common case, without putint's loops) */
        int v = (int)y;
        buf[0] = (char)('0' + v / 1000), buf[1] = (char)('0' + v / 100 % 10);
        buf[2] = (char)('0' + v / 10 % 10), buf[3] = (char)('0' + v % 10);
        p = buf + 4;
    } else {
        p = putint(buf, y, 4);
    }
    p[0] = '-', p[1] = (char)('0' + m / 10), p[2] = (char)('0' + m % 10);
    p[3] = '-', p[4] = (char)('0' + d / 10), p[5] = (char)('0' + d % 10), p[6] = 0;
    return (size_t)(p + 6 - buf);
}

static rec *dayrec(run *r, I s, I e, I n, int mod)
{
    char v[64];
    fmtday(v, n);
    return record(r, s, e, v, P_DAY, n, n, mod);
}

static rec *yearrec(run *r, I s, I e, I y, int mod)
{
    char v[64];
    I a, b;
    yearbounds(y, &a, &b);
    *putint(v, y, 4) = 0;
    return record(r, s, e, v, P_YEAR, a, b, mod);
}

static rec *monthrec(run *r, I s, I e, I y, I m, int mod)
{
    char v[64];
    I a, b;
    monthbounds(y, m, &a, &b);
    char *p = putint(v, y, 4);
    *p++ = '-';
    *putint(p, m, 2) = 0;
    return record(r, s, e, v, P_MONTH, a, b, mod);
}

/* The year a year-less month m (day d, or the month's first day) takes:
   the anchor's, or the one before when that would lie more than 183 days
   after the anchor; NONE without one. wd (NONE: any) is the weekday the
   day must fall on. */
static I guessyear(const ctxt *c, I m, I d, I wd)
{
    if (!c->hasay) return NONE;
    I y = c->ay, pick = y;
    if (c->hasad) {
        I dd = d != NONE ? d : 1;
        if (!valid(y, m, dd) || cday(y, m, dd) - c->ad > 183) pick = y - 1;
    } else if (c->hasam && m - c->am > 6) {
        pick = y - 1;
    }
    if (wd != NONE && d != NONE) {
        if (valid(pick, m, d) && weekday(cday(pick, m, d)) == wd) return pick;
        I yy[3] = {y, y - 1, y + 1};
        for (int i = 0; i < 3; i++)
            if (valid(yy[i], m, d) && weekday(cday(yy[i], m, d)) == wd) return yy[i];
    }
    return pick;
}

/* A day-precision record for day d, month m, year y (NONE: from the anchor). */
static rec *dayrecord(run *r, const ctxt *c, I s, I e, I d, I m, I y, I wd, int mod)
{
    if (y != NONE) {
        if (!valid(y, m, d)) return NULL;
        return dayrec(r, s, e, cday(y, m, d), mod);
    }
    if (d > 31 || (m == 2 && d > 29) || (d > 30 && (m == 4 || m == 6 || m == 9 || m == 11)))
        return NULL;
    y = guessyear(c, m, d, wd);
    if (y == NONE || !valid(y, m, d)) {
        char v[64];
        snprintf(v, sizeof v, "XXXX-%02lld-%02lld", (long long)m, (long long)d);
        return relative(c, record(r, s, e, v, P_DAY, NONE, NONE, mod), A_NONE);
    }
    return relative(c, dayrec(r, s, e, cday(y, m, d), mod), -1);
}

static rec *monthrecord(run *r, const ctxt *c, I s, I e, I m, I y, int mod)
{
    int rel = y == NONE;
    if (rel) y = guessyear(c, m, NONE, NONE);
    if (y == NONE) {
        char v[64];
        snprintf(v, sizeof v, "XXXX-%02lld", (long long)m);
        return relative(c, record(r, s, e, v, P_MONTH, NONE, NONE, mod), A_NONE);
    }
    rec *x = monthrec(r, s, e, y, m, mod);
    return rel ? relative(c, x, -1) : x;
}

/* Day number of weekday wd relative to anchor day ad: dir -1 strictly
   before, 1 strictly after, 0 on or after, NONE on or before. */
static I weekdayfrom(I ad, I wd, I dir)
{
    I wa = weekday(ad);
    if (dir == -1) return ad - imod(wa - wd - 1, 7) - 1;
    if (dir == 1) return ad + imod(wd - wa - 1, 7) + 1;
    if (dir == 0) return ad + imod(wd - wa, 7);
    return ad - imod(wa - wd, 7);
}

/* "Friday (3)": the day numbered dom, in the anchor's month or one next to
   it, that falls on weekday wd and lies nearest the anchor (NONE: none). */
static I weekdaydom(I ad, I wd, I dom)
{
    I y, m, d, best = NONE, bestdist = 0, fallback = NONE;
    civil(ad, &y, &m, &d);
    for (int k = -1; k <= 1; k++) {
        I yy, mm;
        addmonths(y, m, k, &yy, &mm);
        if (valid(yy, mm, dom)) {
            I n = cday(yy, mm, dom);
            I dist = n > ad ? n - ad : ad - n;
            if (weekday(n) == wd && (best == NONE || dist < bestdist)) best = n, bestdist = dist;
            if (n <= ad && (fallback == NONE || n > fallback)) fallback = n;
        }
    }
    return best != NONE ? best : fallback;
}

/* Duration value: P5D, P2W, P10Y, PT2H, PXD; 0 for a whole count beyond
   the integers (no record: one document must not stop an extraction). */
static int durvalue(char *v, const count *n, int unit)
{
    int yrs = UNITYEARS[unit];
    int t = unit == P_HOUR || unit == P_MINUTE;
    char q[48];
    if (n->k == 3) {
        if (yrs)
            strcpy(v, unit == P_DECADE ? "PXDE" : "PXCE");
        else
            snprintf(v, 64, "P%sX%c", t ? "T" : "", UNITLETTER[unit]);
        return 1;
    }
    if (n->k == 1) {
        *putint(q, yrs ? imul(n->i, yrs) : n->i, 0) = 0;
    } else {
        double f = yrs ? n->f * yrs : n->f;
        if (f == floor(f)) {
            if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0)) return 0;
            snprintf(q, sizeof q, "%lld", (long long)f);
        } else {
            snprintf(q, sizeof q, "%.14g", f);
        }
    }
    char *p = v;
    size_t ql = strlen(q);
    *p++ = 'P';
    if (t) *p++ = 'T';
    memcpy(p, q, ql);
    p += ql;
    *p++ = yrs ? 'Y' : UNITLETTER[unit];
    *p = 0;
    return 1;
}

/* the whole number a count is, for arithmetic: 0 when it is none */
static int wholecount(const count *n, I *v)
{
    if (n->k == 1) {
        *v = n->i;
        return 1;
    }
    if (n->k == 2 && n->f == floor(n->f) && fabs(n->f) < 9223372036854775808.0) {
        *v = (I)n->f;
        return 1;
    }
    return 0;
}

/* A date n units after day number base (NULL for other units). */
static rec *shifted(run *r, I s, I e, I base, I n, int unit)
{
    if (unit == P_DAY || unit == P_WEEK) {
        I d = iadd(base, imul(n, unit == P_WEEK ? 7 : 1));
        return dayrec(r, s, e, d, 0);
    }
    I by, bm, bd;
    civil(base, &by, &bm, &bd);
    if (unit == P_MONTH) {
        I y, m;
        addmonths(by, bm, n, &y, &m);
        return monthrec(r, s, e, y, m, 0);
    }
    I k = unit == P_YEAR ? 1 : UNITYEARS[unit];
    if (!k) return NULL;
    return yearrec(r, s, e, iadd(by, imul(n, k)), 0);
}

/* The reference for "the same day", "two days later": the last date the
   text named, else the anchor day; its anchor kind, or -2 when none. */
typedef struct {
    I a, b;
    int prec;
    const char *value;
} ref;

static int refdate(const ctxt *c, ref *f)
{
    if (c->hasref) {
        f->a = c->refa, f->b = c->refb, f->prec = c->refprec, f->value = c->refvalue;
        return A_TEXT;
    }
    if (c->hasad) {
        f->a = f->b = c->ad, f->prec = P_DAY, f->value = "";
        return c->akind;
    }
    return -2;
}

/* A reference coarser than a day keeps its value; its bounds move by k
   days, or by k months when months is set. */
static rec *movedref(run *r, I s, I e, const ref *f, I k, int months)
{
    I a = f->a, b = f->b;
    if (months) {
        I y, m, d;
        civil(a, &y, &m, &d);
        addmonths(y, m, k, &y, &m);
        a = cday(y, m, d <= mdays(y, m) ? d : mdays(y, m));
        civil(b, &y, &m, &d);
        addmonths(y, m, k, &y, &m);
        b = cday(y, m, d <= mdays(y, m) ? d : mdays(y, m));
    } else {
        a = iadd(a, k), b = iadd(b, k);
    }
    char v[64];
    strcpy(v, f->value);
    return record(r, s, e, v, f->prec, a, b, 0);
}

/* A period relative to the anchor: "last week", "this month", ... */
static rec *relunit(run *r, const ctxt *c, const node *t)
{
    I k = t->off != NONE ? t->off : 0;
    char v[64];
    rec *x;
    if (t->unit == P_WEEK || t->unit == P_WEEKEND) {
        if (!c->hasad)
            return relative(c,
                            record(r, t->s, t->e, t->unit == P_WEEK ? "XXXX-WXX" : "XXXX-WXX-WE",
                                   t->unit, NONE, NONE, 0),
                            A_NONE);
        I base = c->ad - weekday(c->ad) + 1 + 7 * k;
        if (t->recent && weekday(c->ad) < 6) base -= 7;
        I th = base - weekday(base) + 4, wy, wm, wdd;
        civil(th, &wy, &wm, &wdd);
        I wn = idiv(th - cday(wy, 1, 1), 7) + 1;
        if (t->unit == P_WEEK) {
            snprintf(v, sizeof v, "%04lld-W%02lld", (long long)wy, (long long)wn);
            x = record(r, t->s, t->e, v, P_WEEK, base, base + 6, t->mod);
        } else {
            snprintf(v, sizeof v, "%04lld-W%02lld-WE", (long long)wy, (long long)wn);
            x = record(r, t->s, t->e, v, P_WEEKEND, base + 5, base + 6, t->mod);
        }
    } else if (t->unit == P_MONTH) {
        if (!(c->hasay && c->hasam))
            return relative(c, record(r, t->s, t->e, "XXXX-XX", P_MONTH, NONE, NONE, 0), A_NONE);
        I y, m;
        addmonths(c->ay, c->am, k, &y, &m);
        x = monthrec(r, t->s, t->e, y, m, t->mod);
    } else {
        if (!c->hasay)
            return relative(c, record(r, t->s, t->e, "XXXX", P_YEAR, NONE, NONE, 0), A_NONE);
        x = yearrec(r, t->s, t->e, c->ay + k, t->mod);
    }
    /* "earlier this month" ends at the anchor, "later this month" starts there */
    if (t->part != NONE && c->hasad && x->hasab) {
        if (t->part < 0 && x->b > c->ad) x->b = c->ad;
        if (t->part > 0 && x->a < c->ad) x->a = c->ad;
    }
    return relative(c, x, -1);
}

/* The records of node t, appended to r->recs: the main one (which takes
   the prefix mod), if any. */
static rec *make(run *r, const ctxt *c, node *t)
{
    I s = t->s, e = t->e;
    char v[64];
    switch (t->kind) {
    case K_DMY:
    case K_MDY: {
        int xi = -1;
        if (t->pre || t->post) {
            const item *its = r->st->items + t->items0;
            int n = t->nitems;
            if (t->pre) {
                for (int i = 0; i < n; i++) {
                    int first = i == 0 && t->wd != NONE;
                    rec *y = dayrecord(r, c, first ? s : its[i].s, its[i].e, its[i].d, t->m, t->y,
                                       first ? t->wd : NONE, t->mod);
                    if (xi < 0 && y) xi = (int)(y - r->recs);
                }
                rec *last =
                    dayrecord(r, c, t->ms != NONE ? t->ms : s, e, t->d, t->m, t->y, NONE, t->mod);
                if (xi < 0 && last) xi = (int)(last - r->recs);
            } else {
                rec *y = dayrecord(r, c, s, t->me, t->d, t->m, t->y, t->wd, t->mod);
                if (y) xi = (int)(y - r->recs);
                for (int i = 0; i < n; i++)
                    dayrecord(r, c, its[i].s, i == n - 1 ? e : its[i].e, its[i].d, t->m, t->y, NONE,
                              t->mod);
            }
            /* (by index: making more records may move them) */
            return xi >= 0 ? &r->recs[xi] : NULL;
        }
        return dayrecord(r, c, s, e, t->d, t->m, t->y, t->wd, t->mod);
    }
    case K_ISO: {
        I y = t->ymd[0], m = t->ymd[1], d = t->ymd[2];
        if (!valid(y, m, d)) return NULL;
        return dayrec(r, s, e, cday(y, m, d), 0);
    }
    case K_NUM: {
        I a = t->a, b = t->b, y = t->y;
        int dm = a <= 31 && b <= 12 && valid(y, b, a);
        int md = b <= 31 && a <= 12 && valid(y, a, b);
        if (dm && md && a != b) {
            I n1 = cday(y, b, a), n2 = cday(y, a, b);
            if (n1 > n2) {
                I tmp = n1;
                n1 = n2, n2 = tmp;
            }
            snprintf(v, sizeof v, "%04lld", (long long)y);
            return record(r, s, e, v, P_YEAR, n1, n2, 0);
        }
        if (dm || md) return dayrec(r, s, e, dm ? cday(y, b, a) : cday(y, a, b), 0);
        return NULL;
    }
    case K_YEAR:
        return yearrec(r, s, e, t->y, t->mod);
    case K_YRANGE: {
        I y1 = t->y1y, y2 = t->y2y;
        if (y2 < 100) y2 = idiv(y1, 100) * 100 + y2;
        if (y2 <= y1 || y2 - y1 > 100) return NULL;
        rec *x = yearrec(r, t->y1s, t->y1e, y1, 0);
        size_t i = (size_t)(x - r->recs);
        yearrec(r, t->y2s, e, y2, 0);
        return &r->recs[i];
    }
    case K_DECADE: {
        I a, b, tmp;
        yearbounds(t->dec * 10, &a, &tmp);
        yearbounds(t->dec * 10 + 9, &tmp, &b);
        char *p = putint(v, t->dec, 3);
        *p++ = 'X';
        *p = 0;
        return record(r, s, e, v, P_DECADE, a, b, t->mod);
    }
    case K_CENTURY: {
        I cc = t->c - 1, a, b, tmp;
        yearbounds(cc * 100, &a, &tmp);
        yearbounds(cc * 100 + 99, &tmp, &b);
        *putint(v, cc, 2) = 0;
        return record(r, s, e, v, P_CENTURY, a, b, t->mod);
    }
    case K_SEASON: {
        const char *se = t->season;
        I m = se[0] == 'S' && se[1] == 'P' ? 3 : se[0] == 'S' ? 6 : se[0] == 'F' ? 9 : 12;
        I y2, m2;
        addmonths(t->y, m, 3, &y2, &m2);
        snprintf(v, sizeof v, "%04lld-%s", (long long)t->y, se);
        return record(r, s, e, v, P_SEASON, cday(t->y, m, 1), cday(y2, m2, 1) - 1, t->mod);
    }
    case K_PART: {
        I y = t->y, n = t->n.k == 1 ? t->n.i : 0;
        int q = t->partq == 'Q';
        if (!q && n > 2) return NULL;
        I len = q ? 3 : 6, m1 = (n - 1) * len + 1;
        snprintf(v, sizeof v, "%04lld-%c%lld", (long long)y, t->partq, (long long)n);
        return record(r, s, e, v, q ? P_QUARTER : P_HALF, cday(y, m1, 1),
                      cday(y, m1 + len - 1, mdays(y, m1 + len - 1)), t->mod);
    }
    case K_MY:
        return monthrecord(r, c, s, e, t->m, t->y, t->mod);
    case K_MY2: {
        rec *x = monthrecord(r, c, s, t->me, t->m, t->y, 0);
        size_t i = (size_t)(x - r->recs);
        monthrecord(r, c, t->ms2, e, t->m2, t->y, 0);
        return &r->recs[i];
    }
    case K_WD: {
        if (!c->hasad) {
            snprintf(v, sizeof v, "XXXX-WXX-%lld", (long long)t->wd);
            return relative(c, record(r, s, e, v, P_DAY, NONE, NONE, 0), A_NONE);
        }
        I n;
        if (t->dom != NONE) {
            n = weekdaydom(c->ad, t->wd, t->dom);
        } else {
            I dir = t->dir;
            if (dir == NONE && future(r, s)) dir = 0;
            n = weekdayfrom(c->ad, t->wd, dir);
        }
        if (n == NONE) return NULL;
        return relative(c, dayrec(r, s, e, n, 0), -1);
    }
    case K_DEIC:
        if (namepart(r, s)) return NULL;
        if (!c->hasad)
            return relative(c, record(r, s, e, "XXXX-XX-XX", P_DAY, NONE, NONE, 0), A_NONE);
        return relative(c, dayrec(r, s, e, iadd(c->ad, t->off), 0), -1);
    case K_REF: {
        ref f;
        int how = refdate(c, &f);
        if (how == -2)
            return relative(c, record(r, s, e, "XXXX-XX-XX", P_DAY, NONE, NONE, 0), A_NONE);
        if (f.prec != P_DAY) return relative(c, movedref(r, s, e, &f, t->off, 0), how);
        return relative(c, dayrec(r, s, e, iadd(f.a, t->off), 0), how);
    }
    case K_REFOFF: {
        ref f;
        int how = refdate(c, &f);
        I n;
        int unit = t->unit;
        if (t->n.k == 3 || how == -2 || !wholecount(&t->n, &n) || !UNITRANK[unit]) return NULL;
        n = imul(n, t->dir);
        rec *x;
        if (PRECRANK[f.prec] <= UNITRANK[unit])
            x = shifted(r, s, e, f.a, n, unit);
        else if (unit == P_DAY || unit == P_WEEK)
            x = movedref(r, s, e, &f, imul(n, unit == P_WEEK ? 7 : 1), 0);
        else
            x = movedref(
                r, s, e, &f,
                imul(n, unit == P_MONTH ? 1 : 12 * (UNITYEARS[unit] ? UNITYEARS[unit] : 1)), 1);
        return x ? relative(c, x, how) : NULL;
    }
    case K_AGO: {
        I n;
        if (t->n.k == 3 || !wholecount(&t->n, &n) || !c->hasad) return NULL;
        rec *x = shifted(r, s, e, c->ad, imul(n, -1), t->unit);
        return x ? relative(c, x, -1) : NULL;
    }
    case K_RELU:
        return relunit(r, c, t);
    case K_RELM: {
        I m = t->m;
        if (!c->hasay) {
            snprintf(v, sizeof v, "XXXX-%02lld", (long long)m);
            return relative(c, record(r, s, e, v, P_MONTH, NONE, NONE, 0), A_NONE);
        }
        I am = c->hasam ? c->am : 12, y = c->ay;
        if (t->dir < 0 && m >= am) y = y - 1;
        if (t->dir > 0 && m <= am) y = y + 1;
        return relative(c, monthrec(r, s, e, y, m, 0), -1);
    }
    case K_DUR: {
        count n = t->n;
        if (n.k == 0) {
            if (t->plural)
                n.k = 3;
            else
                n.k = 1, n.i = 1;
        }
        if (!durvalue(v, &n, t->unit)) return NULL;
        rec *x = record(r, s, e, v, t->unit, NONE, NONE, 0);
        x->dur = 1;
        if (t->pm == M_APPROX) x->mod = M_APPROX;
        return x;
    }
    }
    return NULL;
}

/* The word before node t, one blank between: "on" joins a weekday's span;
   a mod word gives the date its mod or makes a duration a frequency. */
static void prefix(const run *r, node *t)
{
    int w = wordbefore(r, t->s);
    if (!w) return;
    if (w == M_ON && (t->kind == K_WD || t->wd != NONE)) {
        t->s -= 3;
        w = wordbefore(r, t->s);
    }
    if (!w || w == M_ON) return;
    if (t->kind == K_DUR) {
        if (w == M_RATE || (w == M_RATENOUN && t->art))
            t->kind = K_SKIP; /* a frequency */
        else if (w == M_APPROX || w == M_SOME)
            t->pm = M_APPROX;
    } else if (w != M_SOME && w != M_RATE && w != M_RATENOUN) {
        t->pm = w;
    }
}

/* Undo the grammar's encodings (abbreviated months and weekdays come as
   negative numbers); false when the node is no date after all (an
   abbreviation alone, a bare "May" without a cue). */
static int decode(const run *r, node *t)
{
    if (t->kind == K_SKIP || !t->kind) return 0;
    int abbr = 0;
    if (t->m != NONE && t->m < 0) t->m = -t->m, abbr = 1;
    if (t->m2 != NONE && t->m2 < 0) t->m2 = -t->m2;
    if (t->wd != NONE && t->wd < 0) {
        t->wd = -t->wd;
        if (t->kind == K_WD) return 0;
    }
    if (t->n2 != NONE && t->n.k == 1) t->n.i = iadd(t->n.i, t->n2);
    if (t->bare) {
        if (abbr) return 0;
        if (!(t->m == 3 || t->m == 5 || t->capnext)) return 1;
        /* "in May", "since March", "in April and May": a preposition, early/mid/late, or
           "and"/"or" after another month */
        char w[WLEN];
        I at;
        size_t wl = prevword(r, t->s, w, &at);
        if ((wl == 3 && memcmp(w, "and", 3) == 0) || (wl == 2 && memcmp(w, "or", 2) == 0)) {
            wl = prevword(r, at, w, &at);
            if (!wl || !lookup(&r->sets->monthname, w, wl)) return 0;
        } else if (!wl || !lookup(&r->sets->cue, w, wl)) {
            return 0;
        }
    }
    return 1;
}

/* anchorof: year, month (NONE), day number (NONE) of "YYYY", "YYYY-MM" or
   "YYYY-MM-DD" naming a calendar day; 0 when s is none of these. */
static int anchorof(const char *s, size_t len, I *y, I *m, I *dn)
{
#define D(k) (s[k] >= '0' && s[k] <= '9')
#define N(k) (s[k] - '0')
    if (len != 4 && len != 7 && len != 10) return 0;
    if (!(D(0) && D(1) && D(2) && D(3))) return 0;
    *y = N(0) * 1000 + N(1) * 100 + N(2) * 10 + N(3);
    *m = *dn = NONE;
    if (len == 4) return 1;
    if (s[4] != '-' || !D(5) || !D(6)) return 0;
    *m = N(5) * 10 + N(6);
    if (*m < 1 || *m > 12) return 0;
    if (len == 7) return 1;
    if (s[7] != '-' || !D(8) || !D(9)) return 0;
    I d = N(8) * 10 + N(9);
    if (!valid(*y, *m, d)) return 0;
    *dn = cday(*y, *m, d);
    return 1;
#undef D
#undef N
}

static void textanchor(ctxt *c, const rec *x, int kind)
{
    I y, m, dn;
    if (!anchorof(x->value, (size_t)x->vlen, &y, &m, &dn)) return;
    c->hasay = 1, c->ay = y;
    c->hasam = m != NONE, c->am = m;
    c->hasad = dn != NONE, c->ad = dn;
    c->akind = kind;
}

/* The records of node t: decode (unless ok says how it decoded before),
   make, the prefix mod on the main record. */
static void resolve(run *r, const ctxt *c, node *t, int ok)
{
    r->nrecs = 0;
    if (ok < 0) ok = decode(r, t);
    if (!ok) return;
    rec *x = make(r, c, t);
    if (x && t->pm && !x->mod) x->mod = t->pm;
}

/* The strings of records, records' upvalues after the store: the field
   names, then these values, then the precisions and the mods (upvalues
   cost less to push than a list's entries). */
enum {
    F_S = 1,
    F_E,
    F_TEXT,
    F_VALUE,
    F_KIND,
    F_PRECISION,
    F_MOD,
    F_EARLIEST,
    F_LATEST,
    F_RELATIVE,
    F_ANCHOR,
    S_DATE,
    S_DURATION,
    S_NONE,
    S_TEXT,
    S_DATELINE,
    S_PRECS
};
#define S_MODS  (S_PRECS + P_MINUTE)
#define S_COUNT (S_MODS + M_AFTER - 1)
static const char *const STRINGS[] = {
    "s",        "e",      "text", "value",    "kind", "precision", "mod",      "earliest", "latest",
    "relative", "anchor", "date", "duration", "none", "text",      "dateline", NULL};

/* push the strings, S_COUNT of them */
static void names(lua_State *L)
{
    luaL_checkstack(L, S_COUNT, NULL); /* (more than the LUA_MINSTACK slots a C call is given) */
    for (int k = 0; STRINGS[k]; k++) lua_pushstring(L, STRINGS[k]);
    for (int k = 1; k <= P_MINUTE; k++) lua_pushstring(L, PRECS[k]);
    for (int k = 1; k <= M_AFTER; k++) lua_pushstring(L, MODS[k]);
}

static void pushname(lua_State *L, int k)
{
    lua_pushvalue(L, lua_upvalueindex(1 + k));
}

/* Is s (len bytes) the "YYYY-MM-DD" of day number n? (what fmtday(n) gives,
   read back: cheaper than writing it) */
static int isday(const char *s, int len, I n)
{
    if (len != 10 || s[4] != '-' || s[7] != '-') return 0;
    I v[3] = {0, 0, 0};
    static const int at[] = {0, 0, 0, 0, 1, 1, 2, 2}, pos[] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 0; i < 8; i++) {
        unsigned c = (unsigned char)s[pos[i]] - '0';
        if (c > 9) return 0;
        v[at[i]] = v[at[i]] * 10 + c;
    }
    return valid(v[0], v[1], v[2]) && cday(v[0], v[1], v[2]) == n;
}

/* Push the "YYYY-MM-DD" of day number n: from the records' cache of day
   strings (the upvalue after the names: day number -> string), made and
   kept there on a miss (a new cache once it holds DAYCACHE days). A day
   recurs from record to record (the bounds of a year, of the anchor's
   month): a cached one costs a table read, not fmtday and interning. */
#define DAYCACHE 4096
static void pushday(run *r, I n)
{
    lua_State *L = r->L;
    int cache = lua_upvalueindex(2 + S_COUNT);
    if (lua_rawgeti(L, cache, n) == LUA_TSTRING) return;
    lua_pop(L, 1);
    char d[64];
    lua_pushlstring(L, d, fmtday(d, n));
    if (r->st->ndays >= DAYCACHE) {
        lua_createtable(L, 0, 0);
        lua_replace(L, cache);
        r->st->ndays = 0;
    }
    lua_pushvalue(L, -1);
    lua_rawseti(L, cache, n);
    r->st->ndays++;
}

/* Append record x to the list at the top of the stack as its table, made
   at its final size (a string made once when it is the value and a bound,
   or the value and the text). */
static void push(run *r, const rec *x, int kindidx, lua_Integer i)
{
    lua_State *L = r->L;
    int vi = lua_gettop(L) + 1, ei = vi + 1, li = vi + 2, t = vi + 3;
    lua_pushlstring(L, x->value, (size_t)x->vlen);
    if (x->hasab) {
        if (isday(x->value, x->vlen, x->a)) {
            lua_pushvalue(L, vi);
        } else {
            pushday(r, x->a);
        }
        if (x->b == x->a) {
            lua_pushvalue(L, ei);
        } else {
            pushday(r, x->b);
        }
    } else {
        lua_pushnil(L);
        lua_pushnil(L);
    }
    lua_createtable(L, 0, 7 + (x->mod != 0) + 2 * x->hasab + (x->rel != 0));
    pushname(L, F_S);
    lua_pushinteger(L, x->s);
    lua_rawset(L, t);
    pushname(L, F_E);
    lua_pushinteger(L, x->e - 1);
    lua_rawset(L, t);
    pushname(L, F_TEXT);
    const char *text = (const char *)r->t + x->s - 1;
    size_t tl = x->e > x->s ? (size_t)(x->e - x->s) : 0;
    if (tl == (size_t)x->vlen && memcmp(text, x->value, tl) == 0) /* ("2021", "2021-09-06") */
        lua_pushvalue(L, vi);
    else
        lua_pushlstring(L, text, tl);
    lua_rawset(L, t);
    pushname(L, F_VALUE);
    lua_pushvalue(L, vi);
    lua_rawset(L, t);
    pushname(L, F_KIND);
    pushname(L, x->dur ? S_DURATION : S_DATE);
    lua_rawset(L, t);
    pushname(L, F_PRECISION);
    pushname(L, S_PRECS + x->prec - 1);
    lua_rawset(L, t);
    if (x->mod) {
        pushname(L, F_MOD);
        pushname(L, S_MODS + x->mod - 1);
        lua_rawset(L, t);
    }
    if (x->hasab) {
        pushname(L, F_EARLIEST);
        lua_pushvalue(L, ei);
        lua_rawset(L, t);
        pushname(L, F_LATEST);
        lua_pushvalue(L, li);
        lua_rawset(L, t);
    }
    pushname(L, F_RELATIVE);
    lua_pushboolean(L, x->rel);
    lua_rawset(L, t);
    if (x->rel) {
        pushname(L, F_ANCHOR);
        if (x->anchor == A_USER)
            lua_pushvalue(L, kindidx);
        else
            pushname(L, x->anchor == A_TEXT       ? S_TEXT
                        : x->anchor == A_DATELINE ? S_DATELINE
                                                  : S_NONE);
        lua_rawset(L, t);
    }
    lua_rawseti(L, vi - 1, i);
    lua_settop(L, vi - 1);
}

/*
** records(text, anchor): the records of the nodes collected from text, in
** text order (the anchor, the dateline, text anchoring and the last named
** date: date.lua's "Decisions"); forgets the nodes.
*/
/* Is p a position of a text of len bytes, or NONE (unset)? */
static int inside(I p, I len)
{
    return p == NONE || (p >= 1 && p <= len + 1);
}

/* Do every position of node t lie in the text: its span (set), the parts of
   its span, its list items? */
static int nodeinside(const store *st, const node *t, I len)
{
    if (t->s == NONE || t->e == NONE || !inside(t->s, len) || !inside(t->e, len) || t->s > t->e)
        return 0;
    const I ps[] = {t->ms, t->me, t->ms2, t->y1s, t->y1e, t->y2s, t->y2e};
    for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++)
        if (!inside(ps[k], len)) return 0;
    for (int k = 0; k < t->nitems; k++) {
        const item *it = &st->items[t->items0 + k];
        if (!inside(it->s, len) || !inside(it->e, len)) return 0;
    }
    return 1;
}

static int records(lua_State *L)
{
    run r;
    size_t len;
    r.t = (const unsigned char *)luaL_checklstring(L, 1, &len);
    r.len = (I)len;
    lua_settop(L, 2);
    r.st = lua_touserdata(L, lua_upvalueindex(1));
    r.sets = &r.st->S;
    r.recs = r.st->recs;
    r.nrecs = 0;
    r.L = L;
    r.lasta = r.lastb = NONE;
    ctxt c;
    memset(&c, 0, sizeof c);
    c.akind = A_NONE;
    /* the anchor's kind (slot 3) */
    lua_pushnil(L);
    if (lua_istable(L, 2)) { /* raw: a metamethod must not scan into the store meanwhile */
        lua_pushliteral(L, "value");
        lua_rawget(L, 2);
        size_t vl;
        I y, m, dn;
        const char *v = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &vl) : NULL;
        if (v && anchorof(v, vl, &y, &m, &dn)) {
            c.hasay = 1, c.ay = y, c.hasam = m != NONE, c.am = m, c.hasad = dn != NONE, c.ad = dn;
            c.akind = A_USER;
            c.fixed = 1;
            lua_pushliteral(L, "kind");
            lua_rawget(L, 2);
            if (!lua_toboolean(L, -1)) {
                lua_pop(L, 1);
                lua_pushliteral(L, "published");
            }
            lua_replace(L, 3);
        }
        lua_pop(L, 1);
    }
    int nn = r.st->nn;
    node *nodes = r.st->nodes;
    for (int i = 0; i < nn; i++) /* collect takes any numbers: positions must lie in the text */
        if (!nodeinside(r.st, &nodes[i], r.len)) {
            r.st->nn = r.st->ni = 0;
            return luaL_error(L, "sift.cdate: node %d lies outside the text", i + 1);
        }
    /* without an anchor, look for a dateline first: it anchors the whole text */
    if (!c.fixed) {
        ctxt none;
        memset(&none, 0, sizeof none);
        for (int i = 0; i < nn && nodes[i].s <= 400; i++) {
            node t = nodes[i]; /* (a copy: decode changes it) */
            if (((t.kind == K_DMY || t.kind == K_MDY) && t.y != NONE) || t.kind == K_ISO) {
                resolve(&r, &none, &t, -1);
                rec *x = r.nrecs ? &r.recs[r.nrecs - 1] : NULL;
                if (x && !x->rel && dateline(&r, x)) {
                    textanchor(&c, x, A_DATELINE);
                    c.fixed = 1;
                    break;
                }
            }
        }
    }
    lua_createtable(L, nn, 0);
    lua_Integer nout = 0;
    for (int i = 0; i < nn; i++) {
        node *t = &nodes[i];
        prefix(&r, t);
        resolve(&r, &c, t, -1);
        for (int k = 0; k < r.nrecs; k++) {
            const rec *x = &r.recs[k];
            if (!x->dur) {
                if (!c.fixed && !x->rel &&
                    (x->prec == P_DAY || x->prec == P_MONTH || x->prec == P_YEAR))
                    textanchor(&c, x, A_TEXT);
                if (k == r.nrecs - 1 && named(t->kind) && x->hasab) {
                    c.hasref = 1;
                    c.refa = r.lasta, c.refb = r.lastb;
                    memcpy(c.refvalue, x->value, (size_t)x->vlen + 1);
                    c.refvlen = x->vlen;
                    c.refprec = x->prec;
                }
            }
            push(&r, x, 3, ++nout);
        }
    }
    r.st->nn = r.st->ni = 0;
    return 1;
}

/* Read the list at the top of the stack into set (value: val; fn: the function, for errors). */
static void readset(lua_State *L, wordset *set, const char *name, int val, const char *fn)
{
    if (!lua_istable(L, -1)) luaL_error(L, "bad set '%s' to '%s' (a list expected)", name, fn);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        size_t len;
        lua_rawgeti(L, -1, i);
        const char *w = lua_tolstring(L, -1, &len);
        if (!w || len == 0 || len >= WLEN || set->n == (int)(sizeof set->e / sizeof set->e[0]))
            luaL_error(L, "bad word #%d of set '%s' to '%s'", (int)i, name, fn);
        entry *e = &set->e[set->n++];
        e->len = (unsigned char)len;
        memcpy(e->w, w, len);
        e->val = val;
        lua_pop(L, 1);
    }
}

/* ------------------------------------------------------------ candidates */

/*
** The date grammar's candidates, checked by what follows them. sift.scan
** (scan.h) finds the next place a date may start: digits, a start word, the
** copyright sign. Many of those start no date after all ("the seventh
** tide", "two sides", "3,000 people"), and trying the grammar there costs a
** match-time call and a failed match. The gate knows, for the first words
** date.lua lists, what must follow them for any entry of the grammar to
** match (phrases: a superset of what the grammar takes), and for digits the
** forms a date or a count led by digits takes; a candidate that can start
** no date is passed over like a skipped word (its word and continuation
** bytes), so the grammar reaches the same positions and makes the same
** nodes.
**
** Phrases: tokens with one space between, matched one after another from
** the end of the first word (the whole run of its ASCII letters):
**     _       blanks (space, tab, no-break space)
**     -       a dash (hyphen, figure, en or em dash), blanks around it
**     _-      blanks, or a dash with blanks around it
**     #       a digit
**     '       an apostrophe (', U+2018, U+2019)
**     ^       the first word starts with an upper-case letter
**     {name}  a word of the named set (the whole run of letters, any case)
**     word    that word (lower-case letters; the whole run, any case)
** An empty phrase takes anything. A first word without phrases is always a
** candidate, and so is one followed by a digit or a byte of a multi-byte
** letter (no word of the grammar ends there). Digits (with the option
** digits) are a candidate when four of them make a year, or when a count
** ("3,000 days", "2.5 weeks", "5-day"), a numeric date ("6/9/2021"), a
** century ("19th century") or a day of a list that reaches a month ("3, 4
** and 5 September", "5th of May") may start there: the sets months, units,
** unitsing (the singular units), listwords and centuries give the words.
**
** The words of the sets and phrases make one dictionary: a word's bits say
** which sets hold it and which phrase word it is, and a first word's entry
** leads to its phrases, kept as a trie (phrases with the same first tokens
** share them). Where phrases go on with different words ("the same", "the
** next", ...), the word is read once and its node found by one lookup of
** the pair (node, word) in the gate's lit.
**
** A list of days ("1, 2, 3, ...") makes every day a candidate, and the walk
** from each to its end would make a long list cost its length squared. The
** walk's steps depend only on where they are: from a day, what ends it and
** what follows (the month, the separator, the next day), never on where the
** walk began; and between the days there are no digits. So a walk from any
** digit of a day the last walk passed (up to where it stopped) takes the
** same steps from that day on and ends the same way: the gate keeps the
** last walk (memo below) and gives its result for a candidate inside it
** without walking. The memo holds its text (nextdate's third upvalue), so
** a text at the same address is the same text; it is dropped at the end of
** a text. A run of thousands ("1,000,000,...") makes every group a
** candidate in the same way, and from any group the groups end where they
** end from the first: the memo keeps that end too.
**
** The grammar, for its part, reads such a list from each day it tries,
** and a list it fails on costs it the list's length. So for digits the gate
** is exact where a walk is long: it passes a day whose list reaches a
** month only when the grammar's dmy takes that month (a capital, the end of
** a word: "28 may" ends no list), a numeric date ("6/9/2021") and a count
** ("1,000 days", not "1,000 years old") only when the grammar takes them
** whole, so that every day or group it passes starts a date, and the
** grammar reads each list once.
*/

#define GSETS   32  /* named sets (bits of a word's mask) */
#define GDICT   512 /* dictionary slots (a power of two; half of them used at most) */
#define GNODES  1024
#define GTOKENS 8

enum { G_ROOT, G_BLANKS, G_DASH, G_SEP, G_DIGIT, G_APOS, G_CAP, G_SET, G_LIT };

typedef struct {
    char w[WLEN];
    unsigned char len; /* 0: a free slot */
    short root;        /* the trie of its phrases when a first word, else -1 */
    uint32_t mask;     /* bit i: in set i */
} gentry;

typedef struct {
    unsigned char op; /* G_*; G_SET: a word of set arg, G_LIT: the word of entry arg */
    unsigned short arg;
    unsigned char end;  /* a phrase ends here */
    unsigned char lits; /* some nodes after this one are G_LIT (found in the gate's lit) */
    short child, next;  /* the first other node after this one, the next sibling (-1: none) */
} gnode;

typedef struct {
    short at, entry, node; /* G_LIT node after node at for the word of entry (at -1: a free slot) */
} glit;

/* the last list walk: from a candidate at from, it stopped at stop (the
   end of the day where it found a month, or where the next day would
   start), with result pass; the last run of thousands: from the digits at
   tfrom, its groups (",000") end at tend; text: the text (NULL: none) */
typedef struct {
    const char *text;
    size_t from, stop;
    int pass;
    size_t tfrom, tend;
} gmemo;

typedef struct {
    gentry dict[GDICT];
    int nwords;
    char setname[GSETS][WLEN];
    int nsets;
    gnode node[GNODES];
    int nnodes;
    glit lit[2 * GNODES];                              /* (a power of two) */
    int digits;                                        /* walk digits */
    int months, units, unitsing, listwords, centuries; /* their sets */
    gmemo memo;
} gate;

static int isdigit_(unsigned c)
{
    return c - '0' < 10;
}

/* the entry of w (lower case, 0 < len < WLEN): its own, or the free one it would take */
static gentry *gslot(const gate *g, const char *w, size_t len)
{
    unsigned h =
        ((unsigned)len * 31u + (unsigned char)w[0] * 7u + (unsigned char)w[len - 1]) & (GDICT - 1);
    for (;;) {
        const gentry *e = &g->dict[h];
        if (e->len == 0 || (e->len == len && memcmp(e->w, w, len) == 0)) return (gentry *)e;
        h = (h + 1) & (GDICT - 1);
    }
}

/* the slot of the G_LIT node after node at for the word of dictionary entry e: its own,
   or the free one it would take */
static glit *glitslot(const gate *g, int at, int e)
{
    unsigned h = ((unsigned)at * 31u + (unsigned)e) & (2 * GNODES - 1);
    for (;;) {
        const glit *l = &g->lit[h];
        if (l->at < 0 || (l->at == at && l->entry == e)) return (glit *)l;
        h = (h + 1) & (2 * GNODES - 1);
    }
}

/* the dictionary entry of the run of ASCII letters at k (its length in *n), or NULL */
static const gentry *gword(const gate *g, const unsigned char *s, size_t len, size_t k, size_t *n)
{
    char buf[WLEN];
    size_t m = k;
    for (; m < len && alpha(s[m]); m++)
        if (m - k < WLEN) buf[m - k] = (char)(s[m] | 32);
    *n = m - k;
    if (m == k || m - k >= WLEN) return NULL;
    const gentry *e = gslot(g, buf, m - k);
    return e->len ? e : NULL;
}

/* True when the word at *k is in set (a bit of the masks); *k moves past it. */
static int inset(const gate *g, int set, const unsigned char *s, size_t len, size_t *k)
{
    size_t n;
    const gentry *e = gword(g, s, len, *k, &n);
    if (!e || !((e->mask >> set) & 1)) return 0;
    *k += n;
    return 1;
}

/* the length of the dash at k (date.lua's dash), 0 if none */
static size_t gdash(const unsigned char *s, size_t len, size_t k)
{
    if (k < len && s[k] == '-') return 1;
    if (k + 2 < len && s[k] == 0xE2 && s[k + 1] == 0x80 && s[k + 2] >= 0x92 && s[k + 2] <= 0x94)
        return 3;
    return 0;
}

/* True when a phrase of the trie below node matches at k (c: the first word's start). */
static int gwalk(const gate *g, int at, const unsigned char *s, size_t len, size_t c, size_t k)
{
    if (g->node[at].end) return 1;
    size_t wn = 0;
    const gentry *w = NULL;
    int read = 0;
    if (g->node[at].lits) {
        w = gword(g, s, len, k, &wn), read = 1;
        const glit *l = w ? glitslot(g, at, (int)(w - g->dict)) : NULL;
        if (l && l->at >= 0 && gwalk(g, l->node, s, len, c, k + wn)) return 1;
    }
    for (int i = g->node[at].child; i >= 0; i = g->node[i].next) {
        const gnode *t = &g->node[i];
        size_t j, d;
        switch (t->op) {
        case G_BLANKS:
            j = sift_scan_dateblanks(s, len, k);
            if (j == k) continue;
            break;
        case G_DASH:
        case G_SEP:
            j = sift_scan_dateblanks(s, len, k);
            d = gdash(s, len, j);
            if (d)
                j = sift_scan_dateblanks(s, len, j + d);
            else if (t->op == G_DASH || j == k)
                continue;
            break;
        case G_DIGIT:
            if (k >= len || !isdigit_(s[k])) continue;
            j = k + 1;
            break;
        case G_APOS:
            if (k < len && s[k] == '\'')
                j = k + 1;
            else if (k + 2 < len && s[k] == 0xE2 && s[k + 1] == 0x80 &&
                     (s[k + 2] == 0x98 || s[k + 2] == 0x99))
                j = k + 3;
            else
                continue;
            break;
        case G_CAP:
            if (!(s[c] >= 'A' && s[c] <= 'Z')) continue;
            j = k;
            break;
        default: /* G_SET (G_LIT nodes are found above) */
            if (!read) w = gword(g, s, len, k, &wn), read = 1;
            if (!w || !((w->mask >> t->arg) & 1)) continue;
            j = k + wn;
        }
        if (gwalk(g, i, s, len, c, j)) return 1;
    }
    return 0;
}

/* a day at k (date.lua's day: one or two digits, "st", "nd", "rd" or "th",
   the end of a word): its end, or 0 */
static size_t gday(const unsigned char *s, size_t len, size_t k)
{
    size_t j = k;
    while (j < len && isdigit_(s[j])) j++;
    if (j == k || j - k > 2) return 0;
    if (j + 1 < len) {
        unsigned a = s[j] | 32, b = s[j + 1] | 32;
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h'))
            j += 2;
    }
    if (j < len && wc(s[j])) return 0;
    return j;
}

/* the word w (lower case, n letters) at k, in any case; with eow, the end
   of a word after it (date.lua's kw): where it ends, else 0 */
static size_t gis(const unsigned char *s, size_t len, size_t k, const char *w, size_t n, int eow)
{
    for (size_t i = 0; i < n; i++)
        if (k + i >= len || (s[k + i] | 32) != (unsigned char)w[i]) return 0;
    if (eow && k + n < len && wc(s[k + n])) return 0;
    return k + n;
}

/* the word at k is w (lower case, n letters) and blanks follow it: where they end, else 0 */
static size_t gthen(const unsigned char *s, size_t len, size_t k, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (k + i >= len || (s[k + i] | 32) != (unsigned char)w[i]) return 0;
    if (k + n < len && alpha(s[k + n])) return 0;
    size_t m = sift_scan_dateblanks(s, len, k + n);
    return m > k + n ? m : 0;
}

/* True when the word at *k is in set and ends a word (date.lua's lexicon:
   no letter, digit or multi-byte letter after it); *k moves past it. */
static int inword(const gate *g, int set, const unsigned char *s, size_t len, size_t *k)
{
    size_t m = *k;
    if (!inset(g, set, s, len, &m) || (m < len && wc(s[m]))) return 0;
    *k = m;
    return 1;
}

/* after a day (date.lua's listsep): a comma (and "and"), a list word, a
   dash; where the next item starts, or 0 */
static size_t glistsep(const gate *g, const unsigned char *s, size_t len, size_t k)
{
    size_t j = sift_scan_dateblanks(s, len, k), d;
    if (j < len && s[j] == ',') {
        j = sift_scan_dateblanks(s, len, j + 1);
        size_t m = gthen(s, len, j, "and", 3);
        return m ? m : j;
    }
    if (j > k) {
        size_t m = j;
        if (inset(g, g->listwords, s, len, &m)) {
            size_t e = sift_scan_dateblanks(s, len, m);
            if (e > m) return e;
        }
    }
    d = gdash(s, len, j);
    return d ? sift_scan_dateblanks(s, len, j + d) : 0;
}

/* blanks or a dash at k, then a word of set */
static int gsepset(const gate *g, int set, const unsigned char *s, size_t len, size_t k)
{
    size_t b = sift_scan_dateblanks(s, len, k), d = gdash(s, len, b);
    size_t u = d ? sift_scan_dateblanks(s, len, b + d) : b;
    return (d || b > k) && inset(g, set, s, len, &u);
}

/* blanks and the word "old" at k */
static int gold(const unsigned char *s, size_t len, size_t k)
{
    size_t b = sift_scan_dateblanks(s, len, k);
    return b > k && gis(s, len, b, "old", 3, 1);
}

/* True when the rest of a count follows its number at k (date.lua's
   countrest, all of it: a dash and a singular unit, no "-old", "-year" or
   " old" after; or blanks and a unit, no " old" or a dash and a word
   after). Exact, so that a run of thousands ("1,000,000,...") the grammar
   reads to its end fails in the grammar once, not from each group. */
static int gcountrest(const gate *g, const unsigned char *s, size_t len, size_t k)
{
    size_t d = gdash(s, len, k), u = k + d;
    if (d) {
        if (!inword(g, g->unitsing, s, len, &u)) return 0;
        d = gdash(s, len, u);
        if (d && (gis(s, len, u + d, "old", 3, 0) || gis(s, len, u + d, "year", 4, 0))) return 0;
        return !gold(s, len, u);
    }
    u = sift_scan_dateblanks(s, len, k);
    if (u == k || !inword(g, g->units, s, len, &u)) return 0;
    d = gdash(s, len, u);
    return !gold(s, len, u) && !(d && u + d < len && wc(s[u + d]));
}

/* True when date.lua's numeric date follows the day or month s[c, j) (up
   to two digits): "/", "." or "-", one or two digits, the same separator, a
   year of four digits from 1000 to 2999 that ends a word, and no
   separator and digit after it. Exact, so that a list of pairs ("1-2,
   3-4, ...") goes to the walk of lists below, not to the grammar, which
   would read the list from each of its days. */
static int gnumeric(const unsigned char *s, size_t len, size_t j)
{
    if (j + 1 >= len || !(s[j] == '/' || s[j] == '.' || s[j] == '-') || !isdigit_(s[j + 1]))
        return 0;
    size_t k = j + 2;
    if (k < len && isdigit_(s[k])) k++;
    if (k + 4 >= len || s[k] != s[j] || !(s[k + 1] == '1' || s[k + 1] == '2')) return 0;
    for (size_t i = k + 2; i <= k + 4; i++)
        if (!isdigit_(s[i])) return 0;
    k += 5;
    if (k < len && wc(s[k])) return 0;
    return !(k + 1 < len && (s[k] == '.' || s[k] == '-' || s[k] == '/') && isdigit_(s[k + 1]));
}

/* a month at *k as date.lua's month reads it after a day: its first letter
   upper case, the end of a word after it; *k moves past it */
static int gmonth(const gate *g, const unsigned char *s, size_t len, size_t *k)
{
    return *k < len && s[*k] >= 'A' && s[*k] <= 'Z' && inword(g, g->months, s, len, k);
}

/* True when digits s[c, j) (a whole run) may start a date or a count (m:
   the last walks on s). */
static int gdigits(const gate *g, gmemo *m, const unsigned char *s, size_t len, size_t c, size_t j)
{
    if (j - c == 4) return 1;
    /* a count: digits, thousands, decimals, the rest of a count; digits
       inside the last run of thousands (a group, not one that goes on
       past the run: "1,00012") end it where that run ended */
    size_t k = j, e;
    if (c > m->tfrom && j <= m->tend) {
        k = m->tend;
    } else {
        while (k + 3 < len && s[k] == ',' && isdigit_(s[k + 1]) && isdigit_(s[k + 2]) &&
               isdigit_(s[k + 3]))
            k += 4;
        if (k > j) m->tfrom = c, m->tend = k;
    }
    if (k + 1 < len && s[k] == '.' && isdigit_(s[k + 1])) {
        k++;
        while (k < len && isdigit_(s[k])) k++;
    }
    if (gcountrest(g, s, len, k)) return 1;
    if (j - c > 2) return 0;
    /* a numeric date */
    if (gnumeric(s, len, j)) return 1;
    /* a century */
    e = gday(s, len, c);
    if (e > j && gsepset(g, g->centuries, s, len, e)) return 1;
    /* days of a list, the last one before a month ("5 of May"); a digit
       the last walk passed ends the same way (see memo above) */
    if (c >= m->from && c < m->stop) return m->pass;
    int pass = 0;
    for (k = c; (e = gday(s, len, k)) != 0;) {
        size_t b = sift_scan_dateblanks(s, len, e);
        if (b > e) {
            size_t o = gthen(s, len, b, "of", 2);
            if ((o && gmonth(g, s, len, &o)) || gmonth(g, s, len, &b)) {
                pass = 1;
                break;
            }
        }
        k = glistsep(g, s, len, e);
        if (k == 0) break;
    }
    m->from = c, m->stop = e ? e : k, m->pass = pass;
    return pass;
}

/* True when a date may start at the candidate c. */
static int gpass(gate *g, const unsigned char *s, size_t len, size_t c)
{
    if (isdigit_(s[c])) {
        size_t j = c + 1;
        while (j < len && isdigit_(s[j])) j++;
        return !g->digits || gdigits(g, &g->memo, s, len, c, j);
    }
    size_t n;
    const gentry *e = gword(g, s, len, c, &n);
    if (!e || e->root < 0 || (c + n < len && wc(s[c + n]))) return 1;
    return gwalk(g, e->root, s, len, c, c + n);
}

/*
** next(text, pos): the first candidate of the date grammar at or after pos
** that the gate lets through, or nothing. Upvalues: the sift.scan set of
** start words, the gate, the text of its memo.
*/
static int nextdate(lua_State *L)
{
    size_t len;
    const char *t = luaL_checklstring(L, 1, &len);
    lua_Integer pos = luaL_checkinteger(L, 2);
    const sift_scan_words *set = lua_touserdata(L, lua_upvalueindex(1));
    gate *g = lua_touserdata(L, lua_upvalueindex(2));
    const unsigned char *s = (const unsigned char *)t;
    if (pos < 1) pos = 1;
    if ((lua_Unsigned)pos > len) goto none;
    if (g->memo.text != t) {
        g->memo.text = t, g->memo.from = g->memo.stop = 0;
        g->memo.tfrom = g->memo.tend = 0;
        lua_pushvalue(L, 1);
        lua_replace(L, lua_upvalueindex(3));
    }
    size_t k = (size_t)pos - 1;
    for (;;) {
        size_t c = sift_scan_find(t, len, k, set, SIFT_SCAN_DATE);
        if (c >= len) goto none;
        if (gpass(g, s, len, c)) {
            lua_pushinteger(L, (lua_Integer)c + 1);
            return 1;
        }
        /* the grammar's step over what starts no date: a word, or one byte */
        k = c + 1;
        if (wc(s[c]))
            while (k < len && (wc(s[k]) || (s[k] >= 0x80 && s[k] <= 0xBF))) k++;
    }
none: /* (the end of a text: drop the memo, let its text go) */
    g->memo.text = NULL;
    lua_pushnil(L);
    lua_replace(L, lua_upvalueindex(3));
    return 0;
}

static int lowerword(const char *w, size_t len)
{
    if (len == 0 || len >= WLEN) return 0;
    for (size_t i = 0; i < len; i++)
        if (w[i] < 'a' || w[i] > 'z') return 0;
    return 1;
}

/* the dictionary entry of w (lower-case letters), added if new */
static gentry *gadd(lua_State *L, gate *g, const char *w, size_t len)
{
    gentry *e = gslot(g, w, len);
    if (e->len == 0) {
        if (g->nwords == GDICT / 2)
            luaL_error(L, "too many words to 'finder' (at most %d)", GDICT / 2);
        memcpy(e->w, w, len);
        e->len = (unsigned char)len;
        e->root = -1;
        g->nwords++;
    }
    return e;
}

static int gnewnode(lua_State *L, gate *g, int op, int arg)
{
    if (g->nnodes == GNODES) luaL_error(L, "too many phrases to 'finder'");
    gnode *t = &g->node[g->nnodes];
    t->op = (unsigned char)op, t->arg = (unsigned short)arg, t->end = t->lits = 0;
    t->child = t->next = -1;
    return g->nnodes++;
}

/* Add the phrase p of the first word key to the trie at root. */
static void gphrase(lua_State *L, gate *g, int root, const char *key, const char *p)
{
    static const struct {
        const char *tok;
        unsigned char op;
    } ops[] = {{"_", G_BLANKS}, {"-", G_DASH}, {"_-", G_SEP},
               {"#", G_DIGIT},  {"'", G_APOS}, {"^", G_CAP}};
    int at = root, n = 0;
    const char *q = p;
    while (*q) {
        const char *e = strchr(q, ' ');
        size_t len = e ? (size_t)(e - q) : strlen(q);
        int op = -1, arg = 0;
        for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
            if (strlen(ops[i].tok) == len && memcmp(ops[i].tok, q, len) == 0) op = ops[i].op;
        if (op < 0 && len > 2 && q[0] == '{' && q[len - 1] == '}') {
            for (arg = 0; arg < g->nsets; arg++)
                if (strlen(g->setname[arg]) == len - 2 &&
                    memcmp(g->setname[arg], q + 1, len - 2) == 0)
                    break;
            if (arg < g->nsets) op = G_SET;
        } else if (op < 0 && lowerword(q, len)) {
            arg = (int)(gadd(L, g, q, len) - g->dict);
            op = G_LIT;
        }
        if (op < 0 || n == GTOKENS)
            luaL_error(L, "bad phrase '%s' of word '%s' to 'finder'", p, key);
        int i;
        if (op == G_LIT) {
            glit *l = glitslot(g, at, arg);
            if (l->at < 0) {
                l->at = (short)at, l->entry = (short)arg, l->node = (short)gnewnode(L, g, op, arg);
                g->node[at].lits = 1;
            }
            i = l->node;
        } else {
            int last = -1;
            for (i = g->node[at].child; i >= 0 && !(g->node[i].op == op && g->node[i].arg == arg);)
                last = i, i = g->node[i].next;
            if (i < 0) {
                i = gnewnode(L, g, op, arg);
                if (last < 0)
                    g->node[at].child = (short)i;
                else
                    g->node[last].next = (short)i;
            }
        }
        at = i, n++;
        q = e ? e + 1 : q + len;
    }
    g->node[at].end = 1;
}

/*
** finder(set, spec): next (above), over the sift.scan set of start words
** (scan.words) and the gate of spec: sets (name -> list of lower-case
** words), words (first word -> list of phrases), digits (true: walk
** digits; needs the sets months, units, unitsing, listwords and centuries).
*/
static int finder(lua_State *L)
{
    luaL_checkudata(L, 1, SIFT_SCANWORDS);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    gate *g = lua_newuserdatauv(L, sizeof *g, 0);
    memset(g, 0, sizeof *g);
    for (int i = 0; i < 2 * GNODES; i++) g->lit[i].at = -1;
    if (lua_getfield(L, 2, "sets") != LUA_TTABLE)
        luaL_error(L, "bad field 'sets' to 'finder' (a table expected)");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        size_t len;
        const char *name = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &len) : NULL;
        if (!name || len == 0 || len >= WLEN || g->nsets == GSETS || !lua_istable(L, -1))
            luaL_error(L, "bad set to 'finder' (at most %d lists, names of 1 to %d bytes)", GSETS,
                       WLEN - 1);
        int set = g->nsets++;
        memcpy(g->setname[set], name, len);
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            size_t wl;
            lua_rawgeti(L, -1, i);
            const char *w = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &wl) : NULL;
            if (!w || !lowerword(w, wl))
                luaL_error(L, "bad word #%d of set '%s' to 'finder' (1 to %d lower-case letters)",
                           (int)i, g->setname[set], WLEN - 1);
            gadd(L, g, w, wl)->mask |= (uint32_t)1 << set;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 2, "words") != LUA_TTABLE)
        luaL_error(L, "bad field 'words' to 'finder' (a table expected)");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        size_t len;
        const char *w = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &len) : NULL;
        if (!w || !lowerword(w, len) || !lua_istable(L, -1))
            luaL_error(L, "bad word to 'finder' (1 to %d lower-case letters and a list of phrases)",
                       WLEN - 1);
        int root = gnewnode(L, g, G_ROOT, 0);
        gadd(L, g, w, len)->root = (short)root;
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_error(L, "bad phrase #%d of word '%s' to 'finder' (a string expected)", (int)i,
                           w);
            gphrase(L, g, root, w, lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getfield(L, 2, "digits");
    g->digits = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (g->digits) {
        static const char *const need[] = {"months", "units", "unitsing", "listwords", "centuries"};
        int *idx[] = {&g->months, &g->units, &g->unitsing, &g->listwords, &g->centuries};
        for (int i = 0; i < 5; i++) {
            for (*idx[i] = 0; *idx[i] < g->nsets && strcmp(g->setname[*idx[i]], need[i]) != 0;)
                (*idx[i])++;
            if (*idx[i] == g->nsets)
                luaL_error(L, "bad spec to 'finder' (digits need set '%s')", need[i]);
        }
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 3);
    lua_pushnil(L);
    lua_pushcclosure(L, nextdate, 3);
    return 1;
}

static int freestore(lua_State *L)
{
    store *st = lua_touserdata(L, 1);
    void *ud;
    lua_Alloc f = lua_getallocf(L, &ud);
    f(ud, st->nodes, (size_t)st->ncap * sizeof(node), 0);
    f(ud, st->items, (size_t)st->icap * sizeof(item), 0);
    f(ud, st->recs, (size_t)st->rcap * sizeof(rec), 0);
    f(ud, st->ks, (size_t)st->kcap * sizeof(konst), 0);
    st->nodes = NULL, st->items = NULL, st->recs = NULL, st->ks = NULL;
    st->ncap = st->icap = st->rcap = st->kcap = st->nk = 0;
    return 0;
}

/*
** resolver(sets): collect, records, reset, constant (above), closures over
** one store and these word sets: mods (mod name ->
** list of words before a date; "ON" for "on"), cues, monthnames, future,
** past, future2 (first word -> second: "going" -> "to"), hints (substrings
** a future clause holds), units (surface form -> {unit, plural}).
*/
static int resolver(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    store *st = lua_newuserdatauv(L, sizeof *st, 0);
    memset(st, 0, sizeof *st);
    sets *S = &st->S;
    if (luaL_newmetatable(L, "sift.cdate.store")) {
        lua_pushcfunction(L, freestore);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lua_getfield(L, 1, "mods");
    luaL_checktype(L, -1, LUA_TTABLE);
    for (int k = 1; MODS[k]; k++) {
        if (k <= M_END) continue;
        lua_getfield(L, -1, MODS[k]);
        if (!lua_isnil(L, -1)) readset(L, &S->mod, MODS[k], k, "resolver");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    for (int i = 0; i < S->mod.n; i++) {
        const entry *e = &S->mod.e[i];
        const char *sp = memchr(e->w, ' ', e->len);
        if (sp) {
            entry *x = &S->mod2.e[S->mod2.n++];
            x->len = (unsigned char)(e->len - (sp + 1 - e->w));
            memcpy(x->w, sp + 1, x->len);
            x->val = 1;
        } else if (e->w[0] >= 'a' && e->w[0] <= 'z') {
            S->modlens[e->w[0] - 'a'] |= 1u << e->len;
        } else {
            luaL_error(L, "bad word '%s' of set 'mods' to 'resolver' (lower-case letters expected)",
                       e->w);
        }
    }
    static const char *const lists[] = {"cues", "monthnames", "future", "past", "hints", NULL};
    wordset *dst[] = {&S->cue, &S->monthname, &S->future, &S->past, &S->hints};
    for (int k = 0; lists[k]; k++) {
        lua_getfield(L, 1, lists[k]);
        readset(L, dst[k], lists[k], 1, "resolver");
        lua_pop(L, 1);
    }
    lua_getfield(L, 1, "future2");
    luaL_checktype(L, -1, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        size_t al, bl;
        const char *a = lua_tolstring(L, -2, &al), *b = lua_tolstring(L, -1, &bl);
        if (!a || !b || al >= WLEN || bl >= WLEN || S->future2.n == 16)
            luaL_error(L, "bad pair of set 'future2' to 'resolver'");
        entry *e = &S->future2.e[S->future2.n];
        e->len = (unsigned char)al;
        memcpy(e->w, a, al);
        memcpy(S->future2b[S->future2.n], b, bl);
        e->val = ++S->future2.n;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "units");
    luaL_checktype(L, -1, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        size_t fl;
        const char *f = lua_tolstring(L, -2, &fl);
        lua_rawgeti(L, -1, 1);
        int u = lua_isstring(L, -1) ? find(PRECS, lua_tostring(L, -1)) : 0;
        lua_pop(L, 1);
        lua_rawgeti(L, -1, 2);
        int plural = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (!f || fl >= WLEN || !u || (!UNITLETTER[u] && !UNITYEARS[u]) || S->units.n == 64)
            luaL_error(L, "bad unit of set 'units' to 'resolver'");
        entry *e = &S->units.e[S->units.n++];
        e->len = (unsigned char)fl;
        memcpy(e->w, f, fl);
        e->val = u | plural << 4;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, collect, 1);
    lua_pushvalue(L, 2);
    names(L);
    luaL_checkstack(L, 1, NULL);
    lua_createtable(L, 0, 0); /* the cache of day strings */
    lua_pushcclosure(L, records, 2 + S_COUNT);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, reset, 1);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, constant, 1);
    return 4;
}

static int l_day(lua_State *L)
{
    lua_pushinteger(
        L, cday(luaL_checkinteger(L, 1), luaL_checkinteger(L, 2), luaL_checkinteger(L, 3)));
    return 1;
}

static int l_civil(lua_State *L)
{
    I y, m, d;
    civil(luaL_checkinteger(L, 1), &y, &m, &d);
    lua_pushinteger(L, y);
    lua_pushinteger(L, m);
    lua_pushinteger(L, d);
    return 3;
}

int sift_lua_open_cdate(lua_State *L)
{
    static const luaL_Reg fns[] = {{"resolver", resolver},
                                   {"finder", finder},
                                   {"day", l_day},
                                   {"civil", l_civil},
                                   {NULL, NULL}};
    luaL_newlib(L, fns);
    return 1;
}
