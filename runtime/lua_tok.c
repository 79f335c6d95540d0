/*
** lua_tok.c -- sift.tok: the word tokenizer of sift.grammar.cue, in C. A
** private module of the attribution and claim grammars; it gives exactly
** what cue.lua's LPeg pattern TOKENS and its classifying loop give (the Lua
** version stays as cue.tokenize_lua, and tests/lua/tokenize_test.lua
** compares the two). Positions follow string.sub (1-based, inclusive).
** Uses only the Lua API; the state kept between calls is tokenize's
** scratch block and its word cache (upvalues: memory, and the strings of
** words by their bytes, which no call's results depend on; tokenize and
** analyse each have their own), and the metatable of bounds arrays.
**
*** @function tok.tokenize(text [, hotset]) -> n, ts, te, w, k, dir, hot, marks
***   token starts and ends, folded words, kinds (w word, n number, p
***   punctuation, q double quotation mark, s single one, $ possessive 's),
***   quotation-mark directions ("open", "close", "either"), the tokens whose
***   word is a key of hotset with a true value (in order; a word whose value
***   is a table is hot when the next token's word is a key of that table
***   with a true value), and the tokens that are quotation marks (in
***   order); with the lists
***   sentences, times and quantities (after hotset, which may be nil), also
***   what tok.map gives for them (after marks); with a hotset, the lists and
***   cue's nonames and particles sets after them, also the name words (a
***   table token -> true of the tokens cue's namewordof calls name words,
***   after the maps)
*** @function tok.analyse(text, hotset, sentences, times, quantities [,
***   nonames, particles [, stamp]]) -> what tokenize gives with the lists,
***   but ts and te are read-only arrays (userdata: indexing and # as on the
***   tables, for the 1-based token indexes; nil elsewhere), made with no
***   table store per token (tables for a text of 4 GB or more). For
***   cue.analyse, which reads few of them. stamp (an integer, with nonames):
***   the caller's promise that hotset and nonames hold what they held at the
***   call before when that call gave the same stamp and the same two tables
***   (cue gives the generation of its compile()), so the words' values read
***   from them then still hold.
*** @function tok.fold(s) -> s folded as cue.fold does: ASCII lower case,
***   Latin-1 and Latin Extended-A letters to ASCII, curly apostrophes straight
*** @function tok.map(ts, n, sentences, hot, times, quantities) -> sa, sb,
***   ss, sk, hf, hl, stimes, timeat, timeof, qat, qof, qfirst, qlast, tt:
***   sentences, times and quantities by token, as cue.map_lua gives them
*** @function tok.tables(n, count) -> count empty tables with room for n
***   array items each (filled by token index, they never rehash)
*** @function tok.namer(nw, w, k, ts, te, particles, titles, roles, heads,
***   abbrevs) -> names: names(a, b [, one]) gives the name chunks of tokens
***   a..b of a document, as cue's docnames_lua (the definition), from its
***   name words, words, kinds, token starts and ends and cue's word sets
*/
#include "lua_common.h"

#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------ bytes */

/*
** Word bytes as sift.grammar.unit's wordch: ASCII letters and digits, UTF-8
** continuation bytes and the lead bytes C3-E1 and E3-EF (not C2, E2, F0-F4).
*/
static const unsigned char WORDCH[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 1_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 2_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* 3_ */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 4_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 5_ */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 6_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 7_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 8_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 9_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* A_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* B_ */
    0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* C_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* D_ */
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* E_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* F_ */
};

static int wordch(unsigned char c)
{
    return WORDCH[c];
}

static int digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int cont(unsigned char c)
{
    return c >= 0x80 && c <= 0xBF;
}

/* The length of an apostrophe (' or U+2019) at i, else 0. */
static size_t apos(const unsigned char *s, size_t len, size_t i)
{
    if (i < len && s[i] == '\'') return 1;
    if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99) return 3;
    return 0;
}

/* The length of a possessive 's at i (not followed by a word byte), else 0. */
static size_t poss(const unsigned char *s, size_t len, size_t i)
{
    size_t a = apos(s, len, i);
    if (a == 0 || i + a >= len || (s[i + a] != 's' && s[i + a] != 'S')) return 0;
    if (i + a + 1 < len && wordch(s[i + a + 1])) return 0;
    return a + 1;
}

/*
** The length of one space at i as cue.lua's `space`: an ASCII blank (with
** form feed and vertical tab), U+00A0, U+2000-U+200A or U+202F; else 0.
*/
static size_t space(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] <= 0x8A || s[i + 2] == 0xAF) &&
        s[i + 2] >= 0x80)
        return 3;
    return 0;
}

/*
** The position after the blanks at i: a run of ASCII blanks when one
** starts there (and only that run), else a run of any spaces.
*/
static size_t blanks(const unsigned char *s, size_t len, size_t i)
{
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
        return i;
    }
    size_t n;
    while (i < len && (n = space(s, len, i)) > 0) i += n;
    return i;
}

static size_t wordrun(const unsigned char *s, size_t len, size_t i)
{
    while (i < len && wordch(s[i])) i++;
    return i;
}

/*
** The end (exclusive) of the token at i < len, the first of: a number
** (digits, groups after ',' or '.', word bytes, '-' parts), a word (word
** bytes joined by '-' or by an apostrophe that is no possessive), a
** possessive 's, a multi-byte character of no word, any one byte.
*/
static size_t tokenend(const unsigned char *s, size_t len, size_t i)
{
    size_t j;
    if (digit(s[i])) {
        j = i;
        while (j < len && digit(s[j])) j++;
        while (j + 1 < len && (s[j] == ',' || s[j] == '.') && digit(s[j + 1])) {
            j += 2;
            while (j < len && digit(s[j])) j++;
        }
        j = wordrun(s, len, j);
        while (j + 1 < len && s[j] == '-' && wordch(s[j + 1])) j = wordrun(s, len, j + 2);
        return j;
    }
    if (wordch(s[i])) {
        j = wordrun(s, len, i);
        for (;;) {
            size_t sep = 0;
            if (j >= len || (s[j] != '-' && s[j] != '\'' && s[j] != 0xE2)) break;
            if (s[j] == '-')
                sep = 1;
            else if (poss(s, len, j) == 0)
                sep = apos(s, len, j);
            if (sep == 0 || j + sep >= len || !wordch(s[j + sep])) break;
            j = wordrun(s, len, j + sep);
        }
        return j;
    }
    if ((j = poss(s, len, i)) > 0) return i + j;
    if (s[i] >= 0xC2 && s[i] <= 0xF4 && i + 1 < len && cont(s[i + 1])) {
        j = i + 1;
        while (j < len && cont(s[j])) j++;
        return j;
    }
    return i + 1;
}

/* ------------------------------------------------------------ folding */

/* U+00C0-U+00DF folded (U+00E0-U+00FF the same, but U+00FF is y). */
static const char *const latin1[32] = {"a", "a",  "a", "a", "a", "a", "ae", "c", "e",  "e", "e",
                                       "e", "i",  "i", "i", "i", "d", "n",  "o", "o",  "o", "o",
                                       "o", NULL, "o", "u", "u", "u", "u",  "y", "th", "ss"};

/* U+0100-U+017F folded: runs of code points with one folded form each. */
static const struct {
    const char *to;
    int n;
} extended[] = {{"a", 6},  {"c", 8},  {"d", 4}, {"e", 10}, {"g", 8},  {"h", 4},
                {"i", 10}, {"ij", 2}, {"j", 2}, {"k", 3},  {"l", 10}, {"n", 9},
                {"o", 6},  {"oe", 2}, {"r", 6}, {"s", 8},  {"t", 6},  {"u", 12},
                {"w", 2},  {"y", 3},  {"z", 6}, {"s", 1}};

/* The ASCII form of code point cp (U+00C0-U+017F), or NULL to keep it. */
static const char *accent(unsigned cp)
{
    if (cp < 0xC0) return NULL;
    if (cp < 0xE0) return latin1[cp - 0xC0];
    if (cp < 0x100) return cp == 0xFF ? "y" : latin1[cp - 0xE0];
    unsigned at = 0x100;
    for (size_t r = 0; r < sizeof extended / sizeof extended[0]; r++) {
        at += (unsigned)extended[r].n;
        if (cp < at) return extended[r].to;
    }
    return NULL;
}

/*
** Write s[0..len) folded into out (room for len bytes: folding never
** lengthens) and return the folded length. One pass gives what cue.lua's
** lower-case-then-two-substitutions gives: their matches cannot overlap.
*/
static size_t fold(const unsigned char *s, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            out[o++] = (char)(c + ('a' - 'A'));
            i++;
        } else if (c >= 0xC3 && c <= 0xC5 && i + 1 < len && cont(s[i + 1])) {
            const char *to = accent(((unsigned)(c & 0x1F) << 6) | (s[i + 1] & 0x3F));
            if (to) {
                size_t n = strlen(to);
                memcpy(out + o, to, n);
                o += n;
            } else {
                out[o++] = (char)c;
                out[o++] = (char)s[i + 1];
            }
            i += 2;
        } else if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
                   (s[i + 2] == 0x98 || s[i + 2] == 0x99)) {
            out[o++] = '\'';
            i += 3;
        } else {
            out[o++] = (char)c;
            i++;
        }
    }
    return o;
}

/* Push s[0..len) folded (as it is when it holds no byte folding changes). */
static void pushfold(lua_State *L, const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] < 0x80 && !(s[i] >= 'A' && s[i] <= 'Z')) i++;
    if (i == len) {
        lua_pushlstring(L, (const char *)s, len);
        return;
    }
    char small[128];
    if (len <= sizeof small) {
        lua_pushlstring(L, small, fold(s, len, small));
        return;
    }
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, len);
    luaL_pushresultsize(&b, fold(s, len, out));
}

/*
** fold(s): s folded as cue.fold folds it.
*/
static int l_fold(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    pushfold(L, (const unsigned char *)s, len);
    return 1;
}

/* ------------------------------------------------------------ bounds */

/*
** The token starts or ends of tok.analyse: n positions in a userdata read
** through its metatable (tokenize's upvalue 3) as a list of integers.
*/
struct bounds {
    lua_Integer n;
    uint32_t v[];
};

/* bounds[i]: position i (1 to n; a float key of an integer value too), else nil. */
static int l_boundsindex(lua_State *L)
{
    const struct bounds *b = (const struct bounds *)lua_touserdata(L, 1);
    int ok = 0;
    lua_Integer i = lua_type(L, 2) == LUA_TNUMBER ? lua_tointegerx(L, 2, &ok) : 0;
    if (ok && i >= 1 && i <= b->n)
        lua_pushinteger(L, b->v[i - 1]);
    else
        lua_pushnil(L);
    return 1;
}

/* #bounds: n. */
static int l_boundslen(lua_State *L)
{
    lua_pushinteger(L, ((const struct bounds *)lua_touserdata(L, 1))->n);
    return 1;
}

/* Push a bounds array of n positions (unset) and return its positions. */
static uint32_t *newbounds(lua_State *L, lua_Integer n)
{
    if ((size_t)n > (SIZE_MAX - sizeof(struct bounds)) / sizeof(uint32_t))
        luaL_error(L, "sift.tok: too many tokens");
    struct bounds *b =
        (struct bounds *)lua_newuserdatauv(L, sizeof *b + (size_t)n * sizeof(uint32_t), 0);
    b->n = n;
    lua_pushvalue(L, lua_upvalueindex(3));
    lua_setmetatable(L, -2);
    return b->v;
}

/* ------------------------------------------------------------ tokens */

/* Stack slots of tokenize: the arguments, the result tables, constants. */
enum {
    TEXT = 1,
    HOTSET,
    SENTS, /* the optional lists to map */
    TIMES,
    QUANTS,
    NONAMES, /* the optional sets of nameword */
    PARTICLES,
    STAMP,  /* the optional generation of the sets (tok.analyse) */
    BOUNDS, /* the scratch block (or nil): token bounds of the counting pass, ... */
    TS,
    TE,
    W,
    K,
    DIR,
    HOT,
    MARKS,
    KW, /* kinds */
    KN,
    KP,
    KQ,
    KS,
    KPOSS,
    OPEN, /* directions */
    CLOSE,
    EITHER,
    DQUOTE, /* folded forms of punctuation */
    SQUOTE,
    DASH,
    DOTS,
    POSS,
    NEXT,  /* the set of next words of a waiting hot token */
    CACHE, /* the word cache (or nil) and its strings */
    REFS,
    NSLOTS = REFS
};

/* Quotation marks and punctuation of cue.lua's PUNCT by their bytes. */
static const struct {
    const char *bytes;
    int w, k, dir; /* slots; dir 0 for none */
} punct[] = {{"\xE2\x80\x9C", DQUOTE, KQ, OPEN}, {"\xE2\x80\x9D", DQUOTE, KQ, CLOSE},
             {"\xE2\x80\x9E", DQUOTE, KQ, OPEN}, {"\xC2\xAB", DQUOTE, KQ, OPEN},
             {"\xC2\xBB", DQUOTE, KQ, CLOSE},    {"\"", DQUOTE, KQ, EITHER},
             {"\xE2\x80\x98", SQUOTE, KS, OPEN}, {"\xE2\x80\x99", SQUOTE, KS, CLOSE},
             {"'", SQUOTE, KS, EITHER},          {"\xE2\x80\x93", DASH, KP, 0},
             {"\xE2\x80\x94", DASH, KP, 0},      {"\xE2\x88\x92", DASH, KP, 0},
             {"\xE2\x80\xA6", DOTS, KP, 0}};

/*
** The entry of punct for the token s[0..len), or -1. Only tokens of one to
** three bytes that start as an entry does are compared.
*/
static int findpunct(const unsigned char *s, size_t len)
{
    if (len > 3 || (s[0] != '"' && s[0] != '\'' && s[0] != 0xC2 && s[0] != 0xE2)) return -1;
    for (size_t p = 0; p < sizeof punct / sizeof punct[0]; p++)
        if (strlen(punct[p].bytes) == len && memcmp(punct[p].bytes, s, len) == 0) return (int)p;
    return -1;
}

/* Set table slot t at n to the value of slot v. */
static void setslot(lua_State *L, int t, lua_Integer n, int v)
{
    lua_pushvalue(L, v);
    lua_rawseti(L, t, n);
}

/* ------------------------------------------------------------ word cache */

/*
** The strings tokenize gives for words and numbers, by their bytes in the
** text: a hash table of slots kept between calls (an upvalue, with the
** strings in its user value, a table; a slot's string is at refs[ref], the
** next-word set of its hot value, when one, at refs[ref + 1]). A word's
** string is a function of its bytes, so a hit pushes it without folding or
** interning; its hot value (and whether nonames has it) is read from the
** hot set once per epoch and kept for the words after it. An epoch is one
** call, or for tok.analyse the calls in a row with one stamp and sets.
** Words longer than WMAX bytes are not kept; a full table takes no more
** words and is emptied at the next call.
** A slot keeps the bytes as WMAX / 8 words, zero after the word's length,
** hashed and compared a word at a time. Like the scratch block, the cache
** is taken while a call runs.
*/
#define WCAP  4096 /* slots, a power of two */
#define WFULL (WCAP / 4 * 3)
#define WMAX  24 /* a multiple of 8 */

struct wslot {
    uint32_t hash, ref, epoch; /* ref 0: an empty slot */
    unsigned char len;
    signed char hot;    /* 0 no, 1 yes, 2 when the next word is (its set at refs[ref + 1]) */
    signed char nn;     /* a key of the nonames set with a true value (read at nnepoch) */
    signed char hyphen; /* the bytes hold a '-' */
    uint32_t nnepoch;
    uint64_t bytes[WMAX / 8]; /* (zero after len) */
};

struct wcache {
    uint32_t used, epoch;
    int keyed;              /* the epoch holds for the sets of this key: */
    lua_Integer stamp;      /* a generation given by the caller */
    const void *hotp, *nnp; /* and the hot and nonames sets */
    struct wslot slot[WCAP];
};

/* WMAX bytes of 0xFF, then WMAX of zero: the mask of a word's first len
   bytes starts at WMAX - len. */
static const unsigned char KEEP[2 * WMAX] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

/*
** The bytes s[0..len) (len <= WMAX) as words, zero after len; room says
** that WMAX bytes from s may be read.
*/
static void wbytes(const unsigned char *s, size_t len, int room, uint64_t v[WMAX / 8])
{
    if (room) {
        uint64_t m[WMAX / 8];
        memcpy(v, s, WMAX);
        memcpy(m, KEEP + WMAX - len, WMAX);
        v[0] &= m[0];
        v[1] &= m[1];
        v[2] &= m[2];
    } else {
        memset(v, 0, WMAX);
        memcpy(v, s, len);
    }
}

static uint32_t whash(const uint64_t v[WMAX / 8], size_t len)
{
    uint64_t h = (uint64_t)len * 0x9E3779B97F4A7C15u;
    h = (h ^ v[0]) * 0xFF51AFD7ED558CCDu;
    h = (h ^ v[1]) * 0xFF51AFD7ED558CCDu;
    h = (h ^ v[2]) * 0xFF51AFD7ED558CCDu;
    return (uint32_t)(h >> 32);
}

/*
** Push the string of the token s[0..len) (folded when folding), new, and
** keep it in slot e (an empty one, for the bytes v of hash h) when the
** cache has room. Returns the slot, or NULL.
*/
static struct wslot *newword(lua_State *L, struct wcache *c, struct wslot *e,
                             const unsigned char *s, size_t len, int folding,
                             const uint64_t v[WMAX / 8], uint32_t h)
{
    if (folding)
        pushfold(L, s, len);
    else
        lua_pushlstring(L, (const char *)s, len);
    if (!e || c->used >= WFULL) return NULL;
    uint32_t ref = 2 * c->used + 1;
    lua_pushvalue(L, -1);
    lua_rawseti(L, REFS, ref); /* (before the slot is filled: it may raise) */
    e->hash = h;
    e->epoch = 0;
    e->len = (unsigned char)len;
    e->hot = 0;
    e->nnepoch = 0;
    e->hyphen = memchr(s, '-', len) != NULL;
    memcpy(e->bytes, v, WMAX);
    e->ref = ref;
    c->used++;
    return e;
}

/*
** Push the string of the token s[0..len) (folded when folding) and return
** its slot (NULL when the cache has none for it: a new one is made when
** there is room). room: WMAX bytes from s may be read.
*/
static struct wslot *cached(lua_State *L, struct wcache *c, const unsigned char *s, size_t len,
                            int folding, int room)
{
    uint64_t v[WMAX / 8];
    if (!c || len > WMAX) return newword(L, c, NULL, s, len, folding, v, 0);
    wbytes(s, len, room, v);
    uint32_t h = whash(v, len);
    for (size_t i = h & (WCAP - 1);; i = (i + 1) & (WCAP - 1)) {
        struct wslot *e = &c->slot[i];
        if (e->ref == 0) return newword(L, c, e, s, len, folding, v, h);
        if (e->hash == h && e->bytes[0] == v[0] && e->bytes[1] == v[1] && e->bytes[2] == v[2] &&
            e->len == len) {
            lua_rawgeti(L, REFS, e->ref);
            return e;
        }
    }
}

/*
** Push the word cache (CACHE) and its strings (REFS), taken from upvalue 2
** (nil meanwhile), emptied when full, made when there is none; starts a
** new epoch unless keyed and the call before it had the same key (stamp,
** hotp, nnp): a caller that gives a stamp promises the sets hold the same
** keys and values as long as it gives the same stamp. Returns the cache.
*/
static struct wcache *takecache(lua_State *L, int keyed, lua_Integer stamp, const void *hotp,
                                const void *nnp)
{
    struct wcache *c = NULL;
    if (lua_type(L, lua_upvalueindex(2)) == LUA_TUSERDATA) {
        lua_pushvalue(L, lua_upvalueindex(2));
        c = (struct wcache *)lua_touserdata(L, -1);
        lua_getiuservalue(L, -1, 1);
    } else {
        c = (struct wcache *)lua_newuserdatauv(L, sizeof *c, 1);
        c->used = WFULL; /* emptied below */
        lua_pushnil(L);
    }
    if (c->used >= WFULL || c->epoch == UINT32_MAX) {
        lua_pop(L, 1);
        memset(c, 0, sizeof *c);
        lua_createtable(L, 2 * WFULL, 0);
        lua_pushvalue(L, -1);
        lua_setiuservalue(L, -3, 1);
    }
    if (!(keyed && c->keyed && c->stamp == stamp && c->hotp == hotp && c->nnp == nnp)) c->epoch++;
    c->keyed = keyed;
    c->stamp = stamp;
    c->hotp = hotp;
    c->nnp = nnp;
    lua_pushnil(L);
    lua_replace(L, lua_upvalueindex(2));
    return c;
}

/* ------------------------------------------------------------ token maps */

/*
** The first token (1-based) whose start is at or after byte position pos
** (after it, when after is set), or n + 1: a binary search of
** starts[0..n), which ascend.
*/
static lua_Integer firstat(const lua_Integer *starts, lua_Integer n, lua_Number pos, int after)
{
    lua_Integer lo = 0, hi = n; /* the answer (0-based) lies in [lo, hi] */
    while (lo < hi) {
        lua_Integer mid = lo + (hi - lo) / 2;
        lua_Number at = (lua_Number)starts[mid];
        if (at < pos || (after && at == pos))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo + 1;
}

/* The number of items of list at idx, as ipairs counts them. */
static lua_Integer items(lua_State *L, int idx)
{
    lua_Integer i = 0;
    while (lua_geti(L, idx, i + 1) != LUA_TNIL) {
        lua_pop(L, 1);
        i++;
    }
    lua_pop(L, 1);
    return i;
}

/*
** Number field f of the table at idx, f's name at stack slot key (an error
** when it is no number).
*/
static lua_Number numfield(lua_State *L, int idx, int key, const char *f)
{
    idx = lua_absindex(L, idx);
    lua_pushvalue(L, key);
    if (lua_gettable(L, idx) != LUA_TNUMBER)
        luaL_error(L, "sift.tok: a span's field '%s' is no number", f);
    lua_Number v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

/*
** Scratch memory of one call: a block taken from tokenize's upvalue (the
** block the last call left there), handed out in order; what does not fit
** is a new userdata left on the stack. want counts what the call asked for,
** so the block left for the next call fits it. NULL pools (tok.map) take
** every array from a new userdata.
*/
struct pool {
    unsigned char *p;
    size_t cap, used, want;
};

/* Blocks up to this size are kept whatever the call used of them. */
#define POOLKEEP ((size_t)1 << 20)

/* bytes of scratch memory from pl (aligned for any array of numbers). */
static void *palloc(lua_State *L, struct pool *pl, size_t bytes)
{
    bytes = bytes == 0 ? 16 : (bytes + 15) & ~(size_t)15;
    if (pl) {
        pl->want += bytes;
        if (pl->p && pl->cap - pl->used >= bytes) {
            void *r = pl->p + pl->used;
            pl->used += bytes;
            return r;
        }
    }
    return lua_newuserdatauv(L, bytes, 0);
}

/* A scratch array of n integers (from pl, or a userdata left on the stack). */
static lua_Integer *scratch(lua_State *L, struct pool *pl, lua_Integer n)
{
    if (n > (lua_Integer)(SIZE_MAX / 2 / sizeof(lua_Integer)))
        luaL_error(L, "sift.tok: too many items");
    return (lua_Integer *)palloc(L, pl, (size_t)(n > 0 ? n : 1) * sizeof(lua_Integer));
}

/* Set table slot t at key k to the integer v. */
static void setint(lua_State *L, int t, lua_Integer k, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_rawseti(L, t, k);
}

/* An array size for lua_createtable. */
static int asize(lua_Integer n)
{
    return n <= 0 ? 0 : n > 1 << 26 ? 1 << 26 : (int)n;
}

/* Result slots of maps, from its first one. */
enum {
    RSA, /* sentences: first and last tokens, start, kind */
    RSB,
    RSS,
    RSK,
    RHF, /* the hot tokens of each: first and last index in hot */
    RHL,
    RSTIMES,
    RTIMEAT,
    RTIMEOF,
    RQAT,
    RQOF,
    RQFIRST,
    RQLAST,
    RTT, /* the tokens of the times that are no duration */
    NMAPS
};

/*
** The token spans of the n items of the list at idx: a[i] is the first
** token at or after the item's start, b[i] the first after its end; also
** the number of items holding a token and the sum of their lengths.
** The names "s" and "e" are at stack slots key and key + 1. The two arrays
** are scratch memory of pl.
*/
static void spans(lua_State *L, struct pool *pl, int idx, int key, lua_Integer n,
                  const lua_Integer *ts, lua_Integer nt, lua_Integer **a, lua_Integer **b,
                  lua_Integer *nspans, lua_Integer *ntokens)
{
    *a = scratch(L, pl, n);
    *b = scratch(L, pl, n);
    *nspans = *ntokens = 0;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, idx, i);
        lua_Number s = numfield(L, -1, key, "s");
        lua_Number e = numfield(L, -1, key + 1, "e");
        lua_pop(L, 1);
        lua_Integer x = firstat(ts, nt, s, 0), y = firstat(ts, nt, e, 1);
        (*a)[i - 1] = x;
        (*b)[i - 1] = y;
        if (x < y) {
            ++*nspans;
            *ntokens += y - x;
        }
    }
}

/*
** Push what cue.analyse reads by token, as cue.map_lua (the definition)
** gives it, from the token starts ts[0..n), the hot tokens hot[0..nhot)
** and the lists of sentences, times and quantities at stack slots sl, tl
** and ql: the sentences holding a token, as lists by sentence (no table
** per sentence): first and last token (a, b), start (s) and kind; the hot
** tokens of each as the first and last index of them in hot (hl = hf - 1
** for none), the sentences holding a time that is no duration (a set), and
** times and quantities by token (timeat[a] = the token after the time,
** timeof[x] = its index; qat[a], qof[x], qfirst[i], qlast[i]) and the
** tokens of the times that are no duration, in order (tt). Each table
** is made at its final size (the token-indexed ones, sparse, as hash
** parts), so filling it never rehashes. Scratch arrays come from pl.
** Returns the number pushed.
*/
static int maps(lua_State *L, struct pool *pl, const lua_Integer *ts, lua_Integer n,
                const lua_Integer *hot, lua_Integer nhot, int sl, int tl, int ql,
                lua_Integer **ranges, lua_Integer *nranges)
{
    luaL_checkstack(L, NMAPS + 24, NULL);
    lua_Integer nsrc = items(L, sl), ntm = items(L, tl), nq = items(L, ql);
    int r = lua_gettop(L) + 1;
    lua_settop(L, r + NMAPS - 1);
    for (int x = RSA; x <= RSTIMES; x++) {
        lua_createtable(L, asize(nsrc), 0);
        lua_replace(L, r + x);
    }
    lua_Number *ss = (lua_Number *)palloc(L, pl, (size_t)(nsrc > 0 ? nsrc : 1) * sizeof *ss);
    lua_Integer *sab = ranges ? scratch(L, pl, 2 * nsrc) : NULL;
    /* the fields of a span, as keys on the stack (no lookup of C strings) */
    static const char *const fields[] = {"s", "e", "kind"};
    int key = lua_gettop(L) + 1;
    for (int f = 0; f < 3; f++) lua_pushstring(L, fields[f]);
    /* sentences: a = tokenat(s, from), b = tokenat(e + 1, a) - 1 */
    lua_Integer from = 1, ns = 0, hi = 1;
    for (lua_Integer i = 1; i <= nsrc; i++) {
        lua_geti(L, sl, i);
        int item = lua_gettop(L);
        for (int f = 0; f < 2; f++) { /* [item, s, e] */
            lua_pushvalue(L, key + f);
            if (lua_gettable(L, item) != LUA_TNUMBER)
                luaL_error(L, "sift.tok: a span's field '%s' is no number", fields[f]);
        }
        lua_Number s = lua_tonumber(L, item + 1), e = lua_tonumber(L, item + 2);
        lua_Integer a = firstat(ts, n, s, 0), b = firstat(ts, n, e + 1, 0);
        if (a < from) a = from;
        if (b < a) b = a;
        b--;
        from = b + 1;
        if (b >= a) {
            ns++;
            ss[ns - 1] = s;
            if (sab) {
                sab[2 * ns - 2] = a;
                sab[2 * ns - 1] = b;
            }
            setint(L, r + RSA, ns, a);
            setint(L, r + RSB, ns, b);
            lua_pushvalue(L, item + 1);
            lua_rawseti(L, r + RSS, ns);
            lua_pushvalue(L, key + 2);
            lua_gettable(L, item);
            lua_rawseti(L, r + RSK, ns);
            /* the hot tokens in a..b, from where the sentence before stopped */
            while (hi <= nhot && hot[hi - 1] < a) hi++;
            setint(L, r + RHF, ns, hi);
            while (hi <= nhot && hot[hi - 1] <= b) hi++;
            setint(L, r + RHL, ns, hi - 1);
        }
        lua_settop(L, item - 1);
    }
    /* times: the sentence of each that is no duration, and its tokens */
    unsigned char *nodur = (unsigned char *)palloc(L, pl, (size_t)(ntm > 0 ? ntm : 1));
    for (lua_Integer i = 1; i <= ntm; i++) {
        lua_geti(L, tl, i);
        size_t kl = 0;
        lua_pushvalue(L, key + 2);
        const char *kind = lua_gettable(L, -2) == LUA_TSTRING ? lua_tolstring(L, -1, &kl) : NULL;
        nodur[i - 1] = !(kind && kl == 8 && memcmp(kind, "duration", 8) == 0);
        if (nodur[i - 1]) {
            /* the sentence at or before s, as cue's sentat searches */
            lua_Number s = numfield(L, -2, key, "s");
            lua_Integer lo = 1, up = ns;
            while (lo < up) {
                lua_Integer mid = (lo + up + 1) / 2;
                if (ss[mid - 1] <= s)
                    lo = mid;
                else
                    up = mid - 1;
            }
            lua_pushboolean(L, 1);
            lua_rawseti(L, r + RSTIMES, lo);
        }
        lua_pop(L, 2);
    }
    lua_Integer *a, *b, nspans, ntokens;
    spans(L, pl, tl, key, ntm, ts, n, &a, &b, &nspans, &ntokens);
    lua_createtable(L, 0, asize(nspans));
    lua_replace(L, r + RTIMEAT);
    lua_createtable(L, 0, asize(ntokens));
    lua_replace(L, r + RTIMEOF);
    lua_Integer *owner = scratch(L, pl, n), ntt = 0; /* timeof[x] (0: none) */
    memset(owner, 0, (size_t)(n > 0 ? n : 1) * sizeof *owner);
    for (lua_Integer i = 1; i <= ntm; i++) {
        if (a[i - 1] >= b[i - 1]) continue;
        setint(L, r + RTIMEAT, a[i - 1], b[i - 1]);
        for (lua_Integer x = a[i - 1]; x < b[i - 1]; x++) {
            setint(L, r + RTIMEOF, x, i);
            owner[x - 1] = i;
        }
    }
    for (lua_Integer x = 1; x <= n; x++) ntt += owner[x - 1] && nodur[owner[x - 1] - 1];
    lua_createtable(L, asize(ntt), 0);
    lua_replace(L, r + RTT);
    for (lua_Integer x = 1, k = 0; x <= n; x++)
        if (owner[x - 1] && nodur[owner[x - 1] - 1]) setint(L, r + RTT, ++k, x);
    /* quantities */
    spans(L, pl, ql, key, nq, ts, n, &a, &b, &nspans, &ntokens);
    lua_createtable(L, 0, asize(nspans));
    lua_replace(L, r + RQAT);
    lua_createtable(L, 0, asize(ntokens));
    lua_replace(L, r + RQOF);
    lua_createtable(L, asize(nq), 0);
    lua_replace(L, r + RQFIRST);
    lua_createtable(L, asize(nq), 0);
    lua_replace(L, r + RQLAST);
    for (lua_Integer i = 1; i <= nq; i++) {
        if (a[i - 1] >= b[i - 1]) continue;
        setint(L, r + RQAT, a[i - 1], i);
        setint(L, r + RQFIRST, i, a[i - 1]);
        setint(L, r + RQLAST, i, b[i - 1] - 1);
        for (lua_Integer x = a[i - 1]; x < b[i - 1]; x++) setint(L, r + RQOF, x, i);
    }
    lua_settop(L, r + NMAPS - 1);
    if (ranges) {
        *ranges = sab;
        *nranges = ns;
    }
    return NMAPS;
}

/* The integers of the list at idx (n of them) in a scratch array. */
static lua_Integer *intlist(lua_State *L, int idx, lua_Integer n)
{
    lua_Integer *v = scratch(L, NULL, n);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        v[i - 1] = lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    return v;
}

/*
** map(ts, n, sentences, hot, times, quantities) -> sa, sb, ss, sk, hf, hl,
** stimes, timeat, timeof, qat, qof, qfirst, qlast, tt: maps() from Lua tables (what
** tokenize gives with its optional lists; for tests).
*/
static int l_map(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_checkinteger(L, 2);
    for (int a = 3; a <= 6; a++) luaL_checktype(L, a, LUA_TTABLE);
    lua_settop(L, 6);
    if (n < 0) n = 0;
    /* (n tokens need n starts: a larger n from a script would read past them) */
    luaL_argcheck(L, n <= (lua_Integer)lua_rawlen(L, 1), 2, "more tokens than starts");
    lua_Integer nhot = (lua_Integer)lua_rawlen(L, 4);
    const lua_Integer *ts = intlist(L, 1, n);
    const lua_Integer *hot = intlist(L, 4, nhot);
    return maps(L, NULL, ts, n, hot, nhot, 3, 5, 6, NULL, NULL);
}

/*
** tables(n, count): count new tables, each with room for n array items.
*/
static int l_tables(lua_State *L)
{
    lua_Integer n = luaL_checkinteger(L, 1);
    lua_Integer count = luaL_checkinteger(L, 2);
    luaL_argcheck(L, count >= 0 && count <= 32, 2, "0 to 32 tables");
    luaL_checkstack(L, (int)count, NULL);
    for (lua_Integer i = 0; i < count; i++) lua_createtable(L, asize(n), 0);
    return (int)count;
}

/* The hot list as tokenize fills it: its length, the token waiting for its
** next word (0 for none; its set of next words is in slot NEXT), and the
** hot tokens (scratch memory; the table hot is made from them at the end,
** at its final size). */
struct hotlist {
    lua_Integer nh, pend, *hots;
};

/* Add token n to the hot list. */
static void addhot(struct hotlist *h, lua_Integer n)
{
    h->hots[h->nh++] = n;
}

/*
** With the word of the current token on top of the stack (left there):
** settle the token before it when it waits for its next word (hot when that word is a
** key of its set with a true value).
*/
static void settle(lua_State *L, struct hotlist *h)
{
    if (h->pend == 0) return;
    lua_pushvalue(L, -1);
    if (lua_rawget(L, NEXT) != LUA_TNIL && lua_toboolean(L, -1)) addhot(h, h->pend);
    lua_pop(L, 1);
    h->pend = 0;
}

/*
** What cue's namewordof says of word tokens, found while tokenizing: per
** token 0 (no name word), 1 (a name word) or 2 (one unless it starts its
** sentence, settled once the sentences are mapped).
*/
struct naming {
    unsigned char *v;
    const unsigned char *text;
    size_t len;
};

/*
** cue.upper: an upper-case first letter at text[i] (ASCII, Latin-1 and
** Latin Extended-A capitals). (Where upper reads past the text's end, an
** error in Lua, this says no.)
*/
static int upperat(const unsigned char *text, size_t len, size_t i)
{
    unsigned char b = text[i];
    if (b >= 'A' && b <= 'Z') return 1;
    if (b == 0xC3) return i + 1 < len && text[i + 1] >= 0x80 && text[i + 1] <= 0x9E;
    if (b == 0xC4 || b == 0xC5) return i + 1 < len && text[i + 1] % 2 == 0;
    return 0;
}

static int alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
** namewordof for the word token at byte at (0-based) of the text, its
** folded form on top of the stack, its cache slot e (or NULL) and hot value:
** a lower-case word is a name word only as a particle joined by a hyphen
** to a capital ("al-Mardini"); a capitalised one unless it is a key of
** nonames, or a hot word starting its sentence.
*/
static unsigned char nameword(lua_State *L, const struct naming *nm, struct wcache *c,
                              struct wslot *e, size_t at, size_t len, int hot)
{
    if ((nm->text[at] >= 'a' && nm->text[at] <= 'z') || !upperat(nm->text, nm->len, at)) {
        /* string.match(w, "^(%a%a%a?)%-(.)") (folding makes no hyphen) */
        size_t fl, pl;
        if (e ? !e->hyphen : !memchr(nm->text + at, '-', len)) return 0;
        const char *f = lua_tolstring(L, -1, &fl);
        if (fl < 4 || !alpha(f[0]) || !alpha(f[1])) return 0;
        if (f[2] == '-')
            pl = 2;
        else if (alpha(f[2]) && f[3] == '-' && fl >= 5)
            pl = 3;
        else
            return 0;
        lua_pushlstring(L, f, pl);
        int t = lua_rawget(L, PARTICLES);
        lua_pop(L, 1);
        return t != LUA_TNIL && upperat(nm->text, nm->len, at + pl + 1);
    }
    int nn;
    if (e && e->nnepoch == c->epoch) {
        nn = e->nn;
    } else {
        lua_pushvalue(L, -1);
        lua_rawget(L, NONAMES);
        nn = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (e) {
            e->nn = (signed char)nn;
            e->nnepoch = c->epoch;
        }
    }
    if (nn) return 0;
    return hot ? 2 : 1;
}

/*
** Push the table of name words (token -> true) from nm->v[0..n) and the
** sentences' token ranges sab[0..2 ns): a token of value 2 is one unless it
** is the first of its sentence (a token of no sentence is its own first).
*/
static void pushnames(lua_State *L, const struct naming *nm, lua_Integer n, const lua_Integer *sab,
                      lua_Integer ns)
{
    lua_Integer count = 0;
    for (lua_Integer i = 0; i < n; i++) count += nm->v[i] != 0;
    lua_createtable(L, 0, asize(count));
    lua_Integer si = 0;
    for (lua_Integer i = 1; i <= n; i++) {
        unsigned char v = nm->v[i - 1];
        if (v == 0) continue;
        if (v == 2) {
            while (si < ns && sab[2 * si + 1] < i) si++;
            if (si >= ns || sab[2 * si] > i || sab[2 * si] == i) continue;
        }
        lua_pushboolean(L, 1);
        lua_rawseti(L, -2, i);
    }
}

/*
** How tokenize stores w and k. With kinds set (a text of up to PACKMAX
** tokens), each token's word is left on the stack, above the function
** `return {...}` (tokenize's upvalue 4), and its kind (a slot) is kept in
** kinds: one call of that function makes w, and another k (a table
** constructor fills its array at once, for far fewer instructions than a
** lua_rawseti per item). Else each goes into the tables at W and K.
*/
struct out {
    unsigned char *kinds;
};

#define PACKMAX ((lua_Integer)1 << 16)

/* Store token n: its word on top of the stack, its kind the slot kind. */
static void put(lua_State *L, const struct out *o, lua_Integer n, int kind)
{
    if (o->kinds) {
        o->kinds[n - 1] = (unsigned char)kind;
        return;
    }
    lua_rawseti(L, W, n);
    setslot(L, K, n, kind);
}

/*
** Store w[n] and k[n] of a word token s[0..len): hot when its folded form is
** a key of the hot set with a true value; with a table value, hot when the
** next token's word is a key of that table (settled with the next token).
** The folded form and the hot value come from the cache c when it has them.
*/
static void word(lua_State *L, const struct out *o, lua_Integer n, struct hotlist *h,
                 const unsigned char *s, size_t len, int hashot, struct wcache *c,
                 const struct naming *nm)
{
    struct wslot *e = cached(L, c, s, len, 1, s + WMAX <= nm->text + nm->len); /* [..., f] */
    settle(L, h);
    if (hashot) {
        int hot;
        if (e && e->epoch == c->epoch) {
            hot = e->hot;
            if (hot == 2) {
                lua_rawgeti(L, REFS, (lua_Integer)e->ref + 1);
                lua_replace(L, NEXT);
            }
        } else {
            lua_pushvalue(L, -1);
            int t = lua_rawget(L, HOTSET); /* [..., f, hotset[f]] */
            if (t == LUA_TTABLE) {
                hot = 2;
                if (e) {
                    lua_pushvalue(L, -1);
                    lua_rawseti(L, REFS, (lua_Integer)e->ref + 1);
                }
                lua_replace(L, NEXT);
            } else {
                hot = t != LUA_TNIL && lua_toboolean(L, -1);
                lua_pop(L, 1);
            }
            if (e) {
                e->hot = (signed char)hot;
                e->epoch = c->epoch;
            }
        }
        if (hot == 2)
            h->pend = n;
        else if (hot)
            addhot(h, n);
        if (nm->v) nm->v[n - 1] = nameword(L, nm, c, e, (size_t)(s - nm->text), len, hot);
    }
    put(L, o, n, KW);
}

/* Store token n, of the word at slot v and the kind at slot kind (and
   settle a waiting token with that word). */
static void setword(lua_State *L, const struct out *o, lua_Integer n, struct hotlist *h, int v,
                    int kind)
{
    lua_pushvalue(L, v);
    settle(L, h);
    put(L, o, n, kind);
}

/* Texts up to this length keep their token bounds from the counting pass. */
#define KEEPMAX ((size_t)1 << 24)

/*
** tokenize(text [, hotset [, sentences, times, quantities]]): the tokens of
** text, as cue.tokenize_lua gives them; with the lists, also what maps()
** gives for them. A first pass counts the tokens so the tables are made at
** size; it keeps their bounds (for a text of up to KEEPMAX bytes whose
** tokens number at most half its length plus 8) for the second pass.
** Its scratch arrays come from one block kept in its upvalue between calls
** (taken while a call runs, so a call made meanwhile makes its own).
** With bounding set (tok.analyse), ts and te are bounds arrays (unless the
** text is too long for their positions).
*/
static int tokenize(lua_State *L, int bounding)
{
    size_t len;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, TEXT, &len);
    int hashot = !lua_isnoneornil(L, HOTSET);
    int mapping = !lua_isnoneornil(L, SENTS);
    if (mapping) {
        luaL_checktype(L, SENTS, LUA_TTABLE);
        luaL_checktype(L, TIMES, LUA_TTABLE);
        luaL_checktype(L, QUANTS, LUA_TTABLE);
    }
    int naming = mapping && hashot && !lua_isnoneornil(L, NONAMES);
    if (naming) {
        luaL_checktype(L, NONAMES, LUA_TTABLE);
        luaL_checktype(L, PARTICLES, LUA_TTABLE);
    }
    int keyed = bounding && naming && lua_isinteger(L, STAMP);
    lua_Integer stamp = keyed ? lua_tointeger(L, STAMP) : 0;
    lua_settop(L, STAMP);
    size_t cap = len <= KEEPMAX ? len / 2 + 8 : 0;
    /* the block (BOUNDS), with room for the bounds at least */
    struct pool pl = {NULL, 0, 0, 0};
    size_t need = cap * 2 * sizeof(uint32_t);
    if (lua_type(L, lua_upvalueindex(1)) == LUA_TUSERDATA &&
        lua_rawlen(L, lua_upvalueindex(1)) >= need) {
        lua_pushvalue(L, lua_upvalueindex(1));
        pl.cap = lua_rawlen(L, -1);
    } else {
        pl.cap = (need + 15) / 16 * 32;
        lua_newuserdatauv(L, pl.cap, 0);
    }
    pl.p = (unsigned char *)lua_touserdata(L, BOUNDS);
    lua_pushnil(L);
    lua_replace(L, lua_upvalueindex(1));
    uint32_t *bound = cap ? (uint32_t *)palloc(L, &pl, need) : NULL;
    lua_Integer count = 0;
    for (size_t i = 0; i < len;) {
        i = blanks(s, len, i);
        if (i >= len) break;
        size_t e = tokenend(s, len, i);
        if ((size_t)count < cap) {
            bound[2 * count] = (uint32_t)i;
            bound[2 * count + 1] = (uint32_t)e;
        }
        i = e;
        count++;
    }
    if ((size_t)count > cap) bound = NULL;
    int size = count > 1 << 26 ? 1 << 26 : (int)count;
    luaL_checkstack(L, NSLOTS + 4, NULL);
    uint32_t *tsv = NULL, *tev = NULL;
    if (bounding && len < UINT32_MAX) {
        tsv = newbounds(L, count);
        tev = newbounds(L, count);
    } else {
        lua_createtable(L, size, 0);
        lua_createtable(L, size, 0);
    }
    struct out o = {NULL};
    if (count <= PACKMAX) {
        lua_pushnil(L); /* w and k, made after the loop */
        lua_pushnil(L);
    } else {
        lua_createtable(L, size, 0);
        lua_createtable(L, size, 0);
    }
    lua_pushnil(L); /* dir, hot and marks, made after the loop */
    lua_pushnil(L);
    lua_pushnil(L);
    static const char *const constants[] = {"w",     "n",      "p",  "q", "s", "$",   "open",
                                            "close", "either", "\"", "'", "-", "...", "'s"};
    for (size_t c = 0; c < sizeof constants / sizeof constants[0]; c++)
        lua_pushstring(L, constants[c]);
    lua_pushnil(L);    /* NEXT */
    struct wcache *c = /* CACHE, REFS */
        takecache(L, keyed, stamp, lua_topointer(L, HOTSET), lua_topointer(L, NONAMES));
    /* the starts again, for maps(); the hot tokens and the quotation marks */
    lua_Integer *starts = mapping ? scratch(L, &pl, count) : NULL;
    struct hotlist h = {0, 0, scratch(L, &pl, count)};
    lua_Integer *marks = scratch(L, &pl, count);
    unsigned char *dirs = (unsigned char *)palloc(L, &pl, (size_t)count);
    struct naming names = {naming ? (unsigned char *)palloc(L, &pl, (size_t)count) : NULL, s, len};
    if (names.v) memset(names.v, 0, (size_t)count);
    if (count <= PACKMAX) {
        o.kinds = (unsigned char *)palloc(L, &pl, (size_t)count);
        luaL_checkstack(L, (int)count + 8, "sift.tok: too many tokens");
        lua_pushvalue(L, lua_upvalueindex(4)); /* the words go above it */
    }
    lua_Integer n = 0, nm = 0;
    for (size_t i = 0; n < count;) {
        size_t e;
        if (bound) {
            i = bound[2 * n];
            e = bound[2 * n + 1];
        } else {
            i = blanks(s, len, i);
            e = tokenend(s, len, i);
        }
        const unsigned char *t = s + i;
        size_t tl = e - i;
        unsigned char b = t[0];
        n++;
        if (starts) starts[n - 1] = (lua_Integer)i + 1;
        if (tsv) {
            tsv[n - 1] = (uint32_t)(i + 1);
            tev[n - 1] = (uint32_t)e;
        } else {
            lua_pushinteger(L, (lua_Integer)i + 1);
            lua_rawseti(L, TS, n);
            lua_pushinteger(L, (lua_Integer)e);
            lua_rawseti(L, TE, n);
        }
        i = e;
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
            word(L, &o, n, &h, t, tl, hashot, c, &names);
            continue;
        }
        if (digit(b)) {
            cached(L, c, t, tl, 0, t + WMAX <= s + len);
            settle(L, &h);
            put(L, &o, n, KN);
            continue;
        }
        int p = findpunct(t, tl);
        if (p >= 0) {
            setword(L, &o, n, &h, punct[p].w, punct[p].k);
            if (punct[p].dir) {
                marks[nm] = n;
                dirs[nm++] = (unsigned char)punct[p].dir;
            }
        } else if (b >= 0x80 && wordch(b)) {
            word(L, &o, n, &h, t, tl, hashot, c, &names);
        } else if (poss(t, tl, 0) > 0) {
            setword(L, &o, n, &h, POSS, KPOSS);
        } else {
            lua_pushlstring(L, (const char *)t, tl);
            settle(L, &h);
            put(L, &o, n, KP);
        }
    }
    if (o.kinds) { /* w from the words on the stack, k from their kinds */
        lua_call(L, (int)n, 1);
        lua_replace(L, W);
        lua_pushvalue(L, lua_upvalueindex(4));
        for (lua_Integer x = 0; x < n; x++) lua_pushvalue(L, o.kinds[x]);
        lua_call(L, (int)n, 1);
        lua_replace(L, K);
    }
    /* dir, hot and marks at their final sizes */
    lua_createtable(L, 0, asize(nm));
    lua_replace(L, DIR);
    lua_createtable(L, asize(h.nh), 0);
    lua_replace(L, HOT);
    lua_createtable(L, asize(nm), 0);
    lua_replace(L, MARKS);
    for (lua_Integer x = 0; x < nm; x++) {
        setslot(L, DIR, marks[x], dirs[x]);
        setint(L, MARKS, x + 1, marks[x]);
    }
    for (lua_Integer x = 0; x < h.nh; x++) setint(L, HOT, x + 1, h.hots[x]);
    int top = lua_gettop(L);
    lua_pushinteger(L, n);
    for (int t = TS; t <= MARKS; t++) lua_pushvalue(L, t);
    if (mapping) {
        lua_Integer *sab = NULL, ns = 0;
        maps(L, &pl, starts, n, h.hots, h.nh, SENTS, TIMES, QUANTS, names.v ? &sab : NULL, &ns);
        if (names.v) pushnames(L, &names, n, sab, ns);
    }
    /* the block for the next call: this one, or one that fits what this call
       asked for (not one much larger than that, unless small) */
    if (pl.want <= pl.cap && (pl.cap <= POOLKEEP || pl.cap / 4 <= pl.want))
        lua_pushvalue(L, BOUNDS);
    else
        lua_newuserdatauv(L, pl.want + pl.want / 4, 0);
    lua_replace(L, lua_upvalueindex(1));
    lua_pushvalue(L, CACHE);
    lua_replace(L, lua_upvalueindex(2));
    return lua_gettop(L) - top;
}

/* ------------------------------------------------------------ name chunks */

/* Upvalues of a namer: the document's tables and the word sets. */
enum {
    UNW = 1,
    UW,
    UK,
    UTS,
    UTE,
    UPARTICLES,
    UTITLES,
    UROLES,
    UHEADS,
    UABBREVS,
    NUPVALUES = UABBREVS
};

/* Is token x a name word (nw[x] == true)? */
static int isname(lua_State *L, lua_Integer x)
{
    int t = lua_rawgeti(L, lua_upvalueindex(UNW), x);
    int r = t == LUA_TBOOLEAN && lua_toboolean(L, -1);
    lua_pop(L, 1);
    return r;
}

/* Is the item x of the list upvalue u the string lit? */
static int isword(lua_State *L, int u, lua_Integer x, const char *lit)
{
    size_t len, ll = strlen(lit);
    int r = 0;
    if (lua_rawgeti(L, lua_upvalueindex(u), x) == LUA_TSTRING) {
        const char *v = lua_tolstring(L, -1, &len);
        r = len == ll && memcmp(v, lit, len) == 0;
    }
    lua_pop(L, 1);
    return r;
}

/* Is w[x] a key of the set upvalue u with a true value (nonnil: any
   value but nil)? */
static int inset(lua_State *L, int u, lua_Integer x, int nonnil)
{
    lua_rawgeti(L, lua_upvalueindex(UW), x);
    int t = lua_rawget(L, lua_upvalueindex(u));
    int r = nonnil ? t != LUA_TNIL : lua_toboolean(L, -1);
    lua_pop(L, 1);
    return r;
}

/* The integer at list upvalue u, item x (0 when none). */
static lua_Integer intat(lua_State *L, int u, lua_Integer x)
{
    lua_geti(L, lua_upvalueindex(u), x);
    lua_Integer v = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return v;
}

/*
** Does the abbreviation at name word j go on with the period at nx right
** after it ("Lt." "Jr.": one byte, or a key of abbrevs)?
*/
static int abbrevdot(lua_State *L, lua_Integer j, lua_Integer nx)
{
    if (!isword(L, UW, nx, ".") || !isword(L, UK, nx, "p")) return 0;
    int ab = 0;
    if (lua_rawgeti(L, lua_upvalueindex(UW), j) == LUA_TSTRING) {
        ab = lua_rawlen(L, -1) == 1 || lua_rawget(L, lua_upvalueindex(UABBREVS)) != LUA_TNIL;
    }
    lua_pop(L, 1);
    return ab && intat(L, UTE, j) + 1 == intat(L, UTS, nx);
}

/* Is token s a title or a role (or, with heads, a head word of a side's names)? */
static int titled(lua_State *L, lua_Integer s, int heads)
{
    return inset(L, UTITLES, s, 0) || inset(L, UROLES, s, 0) || (heads && inset(L, UHEADS, s, 0));
}

/*
** A namer's call (a, b [, one]) -> the name chunks in tokens a..b as cue's
** docnames_lua (the definition) finds them: a list of {first, last}
** (only the first with one).
*/
static int l_names(lua_State *L)
{
    lua_Integer a = luaL_checkinteger(L, 1), b = luaL_checkinteger(L, 2);
    int one = lua_toboolean(L, 3);
    lua_settop(L, 3);
    lua_newtable(L);
    lua_Integer count = 0;
    for (lua_Integer i = a; i <= b;) {
        if (!isname(L, i)) {
            i++;
            continue;
        }
        lua_Integer j = i;
        while (j < b) {
            lua_Integer nx = j + 1;
            if (isname(L, nx) || abbrevdot(L, j, nx) ||
                (inset(L, UPARTICLES, nx, 0) && nx < b && isname(L, nx + 1)))
                j = nx;
            else
                break;
        }
        lua_Integer s = i;
        while (s < j && titled(L, s, 1)) {
            s++;
            while (s < j && isword(L, UW, s, ".")) s++;
        }
        if (!(s == j && titled(L, s, 0)) && isname(L, s)) {
            lua_createtable(L, 2, 0);
            lua_pushinteger(L, s);
            lua_rawseti(L, -2, 1);
            lua_pushinteger(L, j);
            lua_rawseti(L, -2, 2);
            lua_rawseti(L, 4, ++count);
            if (one) break;
        }
        i = j + 1;
    }
    return 1;
}

/*
** namer(nw, w, k, ts, te, particles, titles, roles, heads, abbrevs): the
** function (a, b [, one]) of a document's name chunks.
*/
static int l_namer(lua_State *L)
{
    for (int i = 1; i <= NUPVALUES; i++)
        if (i != UTS && i != UTE) luaL_checktype(L, i, LUA_TTABLE);
    lua_settop(L, NUPVALUES);
    lua_pushcclosure(L, l_names, NUPVALUES);
    return 1;
}

static int l_tokenize(lua_State *L)
{
    return tokenize(L, 0);
}

static int l_analyse(lua_State *L)
{
    return tokenize(L, 1);
}

int sift_lua_open_tok(lua_State *L)
{
    static const luaL_Reg fns[] = {
        {"tokenize", l_tokenize}, {"analyse", l_analyse}, {"fold", l_fold}, {"map", l_map},
        {"tables", l_tables},     {"namer", l_namer},     {NULL, NULL}};
    luaL_newlibtable(L, fns);
    lua_pushnil(L);           /* the scratch block of tokenize (and of map, unused) */
    lua_pushnil(L);           /* the word cache of tokenize */
    lua_createtable(L, 0, 3); /* the metatable of bounds arrays */
    lua_pushcfunction(L, l_boundsindex);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_boundslen);
    lua_setfield(L, -2, "__len");
    lua_pushliteral(L, "sift.tok bounds");
    lua_setfield(L, -2, "__name");
    lua_pushliteral(L, "sift.tok bounds");
    lua_setfield(L, -2, "__metatable");                             /* (no script changes it) */
    if (luaL_loadstring(L, "return {...}") != LUA_OK) lua_error(L); /* tables of the stack */
    luaL_setfuncs(L, fns, 4);
    return 1;
}
