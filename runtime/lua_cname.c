/*
** lua_cname.c -- sift.cname: C helpers of sift.grammar.name (hot context
** checks and readers done in C; the grammar keeps the rules and word lists).
** A private module of the grammar; positions follow string.sub (1-based).
**
*** @function cname.settext(text)         the text the readers read (kept until the next call)
*** @function cname.prevword(pos, limit)  the word before pos, blanks between, not before limit:
***                                        start, end, word; or nil
*** @function cname.nextword(pos)         the word after pos, blanks between: start, end, word
*** @function cname.prevchar(pos)         the byte before pos, blanks skipped, and its position
*** @function cname.allcapsat(s, e)       is text[s, e] a run of capitals and dots ending at e?
*** @function cname.around(s, e, re)      the cues' reads around a name, in one call: start and
***                                        word before s, byte after re, start and word after
***                                        re when a blank follows it, allcapsat(s, e)
*** @function cname.badbyte(text)         the first byte of the first invalid UTF-8 sequence, or nil
*** @function cname.tokenizer(upper, sets) a function (text, keys, key, TS, TE, RE, TK, ADJ,
***                                        infos, info, CL) -> n, toks that fills the token
***                                        columns of step 1 of a scan (name.lua) and returns
***                                        how many tokens and the same tokens as a token set
***                                        (the tokenizer's own, refilled by its next call)
*** @function cname.marker(particles, suffixes) a function (toks, TK, sents, times, quants,
***                                        gfirst, FL, SG, HL) that fills the per-token
***                                        marks of step 1
*** @function cname.gazmatches(toks, TK, gfirst, keys, key, GZE, GZS, GZX, GZP) fills the
***                                        manifest match at each token (step 2) whose key
***                                        may start one (FL_GZ)
*** @function cname.newtable(narr, nrec)  a new table with room for narr items and nrec keys
*** @function cname.runner(GAP, ofjoin, colonclause, common) a function (toks, i) -> the next
***                                        manifest name's token or run of step 2 from i
*** @function cname.classifier(sets, bits, tokenizer, TK, ADJ, lowerused, timenear, orgend)
***                                        a function (first, last, init) -> what classify of
***                                        step 2 makes of the run first .. last
**
** The readers' definitions are the LPeg patterns of name.lua (rwordat,
** wordat, rblanks, capsat): tests/lua/grammar_name_test.lua compares the two
** at every position of tricky texts. The tokenizer's definition is the
** LPeg scanner and the Lua token loop kept in tests/lua/name_tokens_test.lua;
** the marks' definition is the Lua loop kept in tests/lua/name_marks_test.lua,
** the manifest matches' the one kept in tests/lua/name_gaz_test.lua; classify's
** is classify_lua of name.lua (tests/lua/name_classify_test.lua).
*/
#include "lua_common.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* The text the readers read: a userdata shared as the readers' upvalue,
   whose user value anchors the string. */
typedef struct {
    const unsigned char *t;
    lua_Integer n;
} ntext;

#define TEXT() ((ntext *)lua_touserdata(L, lua_upvalueindex(1)))

/* The byte at k (1-based) or -1 outside the text. */
#define BYTE(x, k) ((k) >= 1 && (k) <= (x)->n ? (int)(x)->t[(k)-1] : -1)

static int isalnumb(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int isupperb(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int iscont(int c)
{
    return c >= 128 && c <= 191;
}

static int settext(lua_State *L)
{
    size_t len;
    const char *t = luaL_checklstring(L, 1, &len);
    ntext *x = TEXT();
    x->t = (const unsigned char *)t;
    x->n = (lua_Integer)len;
    lua_settop(L, 1);
    lua_setiuservalue(L, lua_upvalueindex(1), 1);
    return 0;
}

/* A blank before position k+1 (ending at k): its length, or 0. */
static int blankbefore(const ntext *x, lua_Integer k)
{
    int c = BYTE(x, k);
    if (c == ' ' || c == '\t') return 1;
    if (c == 160 && BYTE(x, k - 1) == 194) return 2;
    return 0;
}

/*
** prevword(pos, limit): rwordat on the reversed text: blanks (space, tab,
** no-break space) back from pos - 1, then a run of ASCII letters and
** digits, apostrophes, hyphens and bytes >= 128 that are no reversed
** punctuation of U+2000-U+2FFF (but "’") or no-break space; leading
** apostrophes and hyphens cut; not before limit. rword gives its start
** and end (1 when there is one), prevword pushes them and the word.
*/
static int rword(const ntext *x, lua_Integer pos, lua_Integer limit, lua_Integer *ps,
                 lua_Integer *pe)
{
    if (pos <= limit) return 0;
    lua_Integer i = pos - 1;
    if (i > x->n) return 0; /* (the reversed text has no byte there) */
    for (int b; i >= 1 && (b = blankbefore(x, i)) > 0;) i -= b;
    lua_Integer e = i;
    while (i >= 1) {
        int c = BYTE(x, i);
        if (isalnumb(c) || c == '\'' || c == '-') {
            i--;
            continue;
        }
        if (c < 128) break;
        if (c == 160 && BYTE(x, i - 1) == 194) break;
        if (iscont(c) && iscont(BYTE(x, i - 1)) && BYTE(x, i - 2) == 226 &&
            !(c == 153 && BYTE(x, i - 1) == 128))
            break;
        i--;
    }
    lua_Integer s = i + 1;
    if (s > e) return 0;
    while (s <= e && (BYTE(x, s) == '\'' || BYTE(x, s) == '-')) s++;
    if (s > e || s < limit) return 0;
    *ps = s;
    *pe = e;
    return 1;
}

static int prevword(lua_State *L)
{
    const ntext *x = TEXT();
    lua_Integer pos = luaL_checkinteger(L, 1), limit = luaL_checkinteger(L, 2), s, e;
    if (!rword(x, pos, limit, &s, &e)) return 0;
    lua_pushinteger(L, s);
    lua_pushinteger(L, e);
    lua_pushlstring(L, (const char *)x->t + s - 1, (size_t)(e - s + 1));
    return 3;
}

/* A letter of two to four bytes at k (mbletter of name.lua): its length, or 0. */
static int mbletter(const ntext *x, lua_Integer k)
{
    int c = BYTE(x, k);
    if (c >= 195 && c <= 223) return iscont(BYTE(x, k + 1)) ? 2 : 0;
    if ((c >= 224 && c <= 225) || (c >= 227 && c <= 239))
        return iscont(BYTE(x, k + 1)) && iscont(BYTE(x, k + 2)) ? 3 : 0;
    if (c >= 240 && c <= 244)
        return iscont(BYTE(x, k + 1)) && iscont(BYTE(x, k + 2)) && iscont(BYTE(x, k + 3)) ? 4 : 0;
    return 0;
}

/* A letter or digit at k (alnum of name.lua): its length, or 0. */
static int alnumat(const ntext *x, lua_Integer k)
{
    return isalnumb(BYTE(x, k)) ? 1 : mbletter(x, k);
}

/* A joiner at k ("-", "'", "’"): its length, or 0. */
static int joinerat(const ntext *x, lua_Integer k)
{
    int c = BYTE(x, k);
    if (c == '-' || c == '\'') return 1;
    if (c == 226 && BYTE(x, k + 1) == 128 && BYTE(x, k + 2) == 153) return 3;
    return 0;
}

/* nextword(pos): wordat: blanks, then letters and digits with inner joiners
   (from pos >= 1). fword gives its start and end (1 when there is one),
   nextword pushes them and the word. */
static int fword(const ntext *x, lua_Integer pos, lua_Integer *pa, lua_Integer *pe)
{
    if (pos > x->n) return 0; /* (no word starts past the text: i + 1 cannot overflow) */
    lua_Integer i = pos;
    for (;;) {
        int c = BYTE(x, i);
        if (c == ' ' || c == '\t')
            i++;
        else if (c == 194 && BYTE(x, i + 1) == 160)
            i += 2;
        else
            break;
    }
    lua_Integer a = i;
    int l;
    if (!(l = alnumat(x, i))) return 0;
    do i += l;
    while ((l = alnumat(x, i)) > 0);
    for (int j; (j = joinerat(x, i)) > 0 && (l = alnumat(x, i + j)) > 0;) {
        i += j;
        do i += l;
        while ((l = alnumat(x, i)) > 0);
    }
    *pa = a;
    *pe = i - 1;
    return 1;
}

static int nextword(lua_State *L)
{
    const ntext *x = TEXT();
    lua_Integer pos = luaL_checkinteger(L, 1), a, e;
    if (pos < 1) return luaL_argerror(L, 1, "position out of range");
    if (!fword(x, pos, &a, &e)) return 0;
    lua_pushinteger(L, a);
    lua_pushinteger(L, e);
    lua_pushlstring(L, (const char *)x->t + a - 1, (size_t)(e - a + 1));
    return 3;
}

/* prevchar(pos): the byte before pos, blanks skipped, and its position. */
static int prevchar(lua_State *L)
{
    const ntext *x = TEXT();
    lua_Integer pos = luaL_checkinteger(L, 1);
    if (pos <= 1 || pos - 1 > x->n) return 0;
    lua_Integer q = pos - 1;
    for (int b; q >= 1 && (b = blankbefore(x, q)) > 0;) q -= b;
    if (q < 1) return 0;
    lua_pushinteger(L, BYTE(x, q));
    lua_pushinteger(L, q);
    return 2;
}

/* capsto(s, e): capsat (a capital, then capitals and dots) from s ends at e. */
static int capsto(const ntext *x, lua_Integer s, lua_Integer e)
{
    /* (a run inside the text; s + 1 and e + 1 cannot overflow) */
    if (s >= 1 && s <= e && e <= x->n && isupperb(BYTE(x, s))) {
        lua_Integer i = s + 1;
        for (int c; (c = BYTE(x, i)) == '.' || isupperb(c);) i++;
        return i == e + 1;
    }
    return 0;
}

static int allcapsat(lua_State *L)
{
    const ntext *x = TEXT();
    lua_Integer s = luaL_checkinteger(L, 1), e = luaL_checkinteger(L, 2);
    lua_pushboolean(L, capsto(x, s, e));
    return 1;
}

/*
** around(s, e, re): what a name's cues read around the name text[s, e]
** written up to re, in one call: the start of the word before s and the
** word (prevword(s, 1); nil, nil for none), the byte after re (nil at the
** end), the start of the word after re and the word when a blank follows
** re (nextword(re + 1) when that byte is a space or the lead of a
** no-break space; nil, nil otherwise), and allcapsat(s, e).
*/
static int around(lua_State *L)
{
    const ntext *x = TEXT();
    lua_Integer s = luaL_checkinteger(L, 1), e = luaL_checkinteger(L, 2),
                re = luaL_checkinteger(L, 3), a, b;
    luaL_argcheck(L, re >= 0 && re <= x->n, 3, "position out of range");
    if (rword(x, s, 1, &a, &b)) {
        lua_pushinteger(L, a);
        lua_pushlstring(L, (const char *)x->t + a - 1, (size_t)(b - a + 1));
    } else {
        lua_pushnil(L);
        lua_pushnil(L);
    }
    int after = re < x->n ? BYTE(x, re + 1) : -1;
    if (after >= 0)
        lua_pushinteger(L, after);
    else
        lua_pushnil(L);
    if ((after == ' ' || after == 194) && fword(x, re + 1, &a, &b)) {
        lua_pushinteger(L, a);
        lua_pushlstring(L, (const char *)x->t + a - 1, (size_t)(b - a + 1));
    } else {
        lua_pushnil(L);
        lua_pushnil(L);
    }
    lua_pushboolean(L, capsto(x, s, e));
    return 6;
}

/* ------------------------------------------------------------ tokens */

/* A token of step 1: its start, name end, written end, whether a
   possessive or a linked adjective ends it, and whether marks found that
   its key starts no manifest name (gazmatches skips it); for nextrun, what
   its key says of itself (CL), its flags (FL), what joins it to the next
   token (SG: a gap name's upvalue number of marks, 0 for none), whether its
   sentence is a headline (marks) and whether a manifest name starts at it
   (gazmatches). */
typedef struct {
    lua_Integer s, e, re, cl, fl;
    unsigned char poss, adj, nogz, sg, hl, gz;
    unsigned char
        gp; /* what nextrun joined it to the next token with (MU_SP ...; 0: the run's end) */
    lua_Integer ss; /* the start of its sentence (marks) */
} ntok;

/* The tokens of the last call of a tokenizer (a userdata of metatable
   TOKS, the tokenizer's upvalue, given to marks and gazmatches): the text
   they are in (anchored by user value 1) and the tokens (in a buffer, user
   value 2, replaced by a larger one as they grow). */
#define TOKS "sift.cname.tokens"
typedef struct {
    const unsigned char *t;
    lua_Integer len, n, cap;
    ntok *v;
} ntoks;

/* Appends a token to the set at index k (growing its buffer). */
static void addtok(lua_State *L, int k, ntoks *ts, ntok tk)
{
    if (ts->n == ts->cap) {
        lua_Integer cap = ts->cap < 64 ? 64 : 2 * ts->cap;
        if (cap > (lua_Integer)(((size_t)-1 / 2) / sizeof(ntok))) luaL_error(L, "too many tokens");
        ntok *v = lua_newuserdatauv(L, (size_t)cap * sizeof(ntok), 0);
        if (ts->n > 0) memcpy(v, ts->v, (size_t)ts->n * sizeof(ntok));
        lua_setiuservalue(L, k, 2);
        ts->v = v;
        ts->cap = cap;
    }
    ts->v[ts->n++] = tk;
}

/* The token set at argument k (made by a tokenizer). */
static ntoks *checktoks(lua_State *L, int k)
{
    return luaL_checkudata(L, k, TOKS);
}

/* The tokenizer's upvalues: the capitals beyond ASCII (second bytes by lead
   byte 192-223) and the bytes where the scanner tries a word (capstart, by
   byte), then the word sets. */
typedef struct {
    unsigned char up[32][64];
    unsigned char start[256];
} nupper;

enum {
    UV_UPPER = 1,
    UV_HPREFIX,
    UV_HYPHEN_END,
    UV_LINKED,
    UV_ABBR,
    UV_HYPHEN_PARTICLE,
    UV_TOKS,
    UV_N
};

/* A capital at k (upper of name.lua): its length, or 0. */
static int upperat(const nupper *u, const ntext *x, lua_Integer k)
{
    int c = BYTE(x, k);
    if (isupperb(c)) return 1;
    if (c >= 192 && c <= 223) {
        int d = BYTE(x, k + 1);
        if (iscont(d) && u->up[c - 192][d - 128]) return 2;
    }
    return 0;
}

/* Letters and digits from k (alnums of name.lua): where they end (+1). */
static lua_Integer alnums(const ntext *x, lua_Integer k)
{
    for (int l; (l = alnumat(x, k)) > 0;) k += l;
    return k;
}

/* The capitalised word at k (capword of name.lua): where it ends (+1), or 0. */
static lua_Integer capword(const nupper *u, const ntext *x, lua_Integer k)
{
    int l = upperat(u, x, k);
    if (!l) return 0;
    if (BYTE(x, k + l) == '.') { /* "U.S." */
        lua_Integer i = k + l + 1;
        int pairs = 0, m;
        while ((m = upperat(u, x, i)) > 0 && BYTE(x, i + m) == '.') {
            i += m + 1;
            pairs++;
        }
        if (pairs > 0) return i;
    }
    lua_Integer i = alnums(x, k + l);
    for (int j, a; (j = joinerat(x, i)) > 0 && (a = alnumat(x, i + j)) > 0;)
        i = alnums(x, i + j + a);
    return i;
}

/* Bytes where the scanner tries a capitalised word (all but notcap). */
static int capstart(int c)
{
    return isupperb(c) || (c >= 195 && c <= 198) || c == 200 || (c >= 206 && c <= 208);
}

/* Bytes after i (1-based, of text t of n bytes) that cannot start a
   capitalised word, eight at a time: ASCII bytes that are no capital
   (capstart's others are all ASCII capitals or bytes >= 128). Returns the
   last such byte before the first that may start one (or that is left
   unread, fewer than eight from the end); i when byte i + 1 may. */
static lua_Integer plainbytes(const unsigned char *t, lua_Integer n, lua_Integer i)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, t + i, 8); /* bytes i + 1 to i + 8 */
        uint64_t low7 = w & ~high;
        uint64_t ge_A = low7 + ones * (0x80 - 'A'), gt_Z = low7 + ones * (0x80 - 'Z' - 1);
        uint64_t stop = ((ge_A & ~gt_Z) | w) & high;
        if (stop) return i + (lua_Integer)(__builtin_ctzll(stop) >> 3);
        i += 8;
    }
#else
    (void)t;
    (void)n;
#endif
    return i;
}

/* Is text[s, e] a key of the set at upvalue uv (the text as written, or
   lower-cased when low)? */
static int inset(lua_State *L, int uv, const unsigned char *w, size_t len, int low)
{
    char buf[64];
    if (low) {
        if (len > sizeof buf) return 0; /* (longer than any word of the sets) */
        for (size_t k = 0; k < len; k++) buf[k] = (char)(isupperb(w[k]) ? w[k] + 32 : w[k]);
        w = (const unsigned char *)buf;
    }
    lua_pushlstring(L, (const char *)w, len);
    lua_rawget(L, lua_upvalueindex(uv));
    int in = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return in;
}

/*
** tokens(text, keys, key, TS, TE, RE, TK, ADJ, infos, info, CL): step 1 of a
** scan up to the keys (name.lua): every capitalised word the scanner finds,
** its possessive cut, a hyphen prefix, a linked adjective or an era word, an
** abbreviation's dot and a particle before a hyphen handled; a kept token's
** start, name end, key (keys[word], else key(word)) and what its key says of
** itself (infos[key], else info(key): the word lists it is in, as bits) go
** to row n of the columns TS, TE, TK, CL, its written end to RE[n] when it is
** not its name end
** (when a possessive or a linked adjective is cut), its adjective to ADJ[n]
** when it has one (nothing is written to RE and ADJ for the others);
** whether it has one and its possessive flag stay in the token set (marks
** writes them to FL). Returns
** n and the token set (the tokenizer's own, refilled by every call) that
** marks and gazmatches read the same tokens from.
*/
static int tokens(lua_State *L)
{
    size_t len;
    const char *str = luaL_checklstring(L, 1, &len);
    luaL_checktype(L, 2, LUA_TTABLE);
    for (int k = 4; k <= 9; k++) luaL_checktype(L, k, LUA_TTABLE);
    luaL_checktype(L, 10, LUA_TFUNCTION);
    luaL_checktype(L, 11, LUA_TTABLE);
    lua_settop(L, 11);
    const nupper *u = lua_touserdata(L, lua_upvalueindex(UV_UPPER));
    lua_pushvalue(L, lua_upvalueindex(UV_TOKS));
    const int K = 12; /* the token set */
    ntoks *ts = lua_touserdata(L, K);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, K, 1);
    ts->t = (const unsigned char *)str;
    ts->len = (lua_Integer)len;
    ts->n = 0;
    ntext tx = {(const unsigned char *)str, (lua_Integer)len}, *x = &tx;
    const unsigned char *t = x->t;
    lua_Integer N = x->n, n = 0;
    for (lua_Integer i = 1; i <= N; i++) {
        if (!u->start[t[i - 1]]) {
            i = plainbytes(t, N, i); /* (the loop's i++ goes to the next byte to try) */
            continue;
        }
        lua_Integer end = capword(u, x, i);
        if (!end) continue;
        lua_Integer s = i, e = end - 1, re = e;
        i = end - 1; /* (the loop's i++ resumes after the word) */
        int poss = 0, drop = 0;
        const unsigned char *adj = NULL;
        size_t adjl = 0;
        int b0 = BYTE(x, s - 1);
        if (b0 >= 0 &&
            (isalnumb(b0) || (iscont(b0) && BYTE(x, s - 3) != 226 && BYTE(x, s - 2) != 194)))
            drop = 1; /* a capital inside a word */
        int blast = BYTE(x, e), bnext = BYTE(x, e + 1);
        if (blast == 's') { /* a possessive "'s", "’s" */
            lua_Integer wl = e - s + 1;
            int b = wl >= 2 ? BYTE(x, e - 1) : -1;
            int pl = b == '\'' ? 2 : (b == 153 && wl >= 3 && BYTE(x, e - 2) == 128) ? 4 : 0;
            if (pl > 0 && wl > pl) {
                e -= pl;
                poss = 1;
            }
        }
        /* hyphens: "Anti-Taliban", "Taliban-held", "Soviet-era", "Sahib-e" */
        if (e >= s && memchr(t + s - 1, '-', (size_t)(e - s + 1))) {
            lua_Integer p = s;
            while (p <= e && isalnumb(t[p - 1]) && !(t[p - 1] >= '0' && t[p - 1] <= '9')) p++;
            if (p > s && p < e && t[p - 1] == '-' &&
                (isupperb(t[p]) || (t[p] >= 195 && t[p] <= 223)) &&
                inset(L, UV_HPREFIX, t + s - 1, (size_t)(p - s), 1))
                s = p + 1;
            lua_Integer h = 0, r1 = 0, r2 = 0; /* the hyphen, the lower-case word after it */
            lua_Integer q = e;
            while (q >= s && t[q - 1] >= 'a' && t[q - 1] <= 'z') q--;
            if (q < e && q >= s && t[q - 1] == '-') {
                h = q, r1 = q + 1, r2 = e;
            } else {
                for (q = s; q <= e && !h; q++) {
                    if (t[q - 1] != '-') continue;
                    lua_Integer r = q + 1;
                    while (r <= e && t[r - 1] >= 'a' && t[r - 1] <= 'z') r++;
                    if (r > q + 1 && r <= e && t[r - 1] == '-') h = q, r1 = q + 1, r2 = r - 1;
                }
            }
            if (h && !inset(L, UV_HYPHEN_END, t + r1 - 1, (size_t)(r2 - r1 + 1), 0)) {
                if (inset(L, UV_LINKED, t + r1 - 1, (size_t)(r2 - r1 + 1), 0)) {
                    adj = t + r1 - 1;
                    adjl = (size_t)(r2 - r1 + 1);
                    e = h - 1;
                    poss = 0;
                } else {
                    drop = 1;
                }
            }
        }
        if (!poss && !adj && bnext == '.') { /* e is still the word's end */
            if ((e == s && isupperb(t[s - 1]) && BYTE(x, e + 2) == ' ' &&
                 isupperb(BYTE(x, e + 3))) ||
                (e >= s && inset(L, UV_ABBR, t + s - 1, (size_t)(e - s + 1), 0))) {
                e++;
                re = e;
            }
        }
        /* "al-Qaeda": a particle before the hyphen joins the name */
        if (b0 == '-') {
            lua_Integer ws = s > 8 ? s - 8 : 1, we = s - 2, r = we;
            while (r >= ws && t[r - 1] >= 'a' && t[r - 1] <= 'z') r--;
            int prev = r >= ws ? t[r - 1] : 0;
            if (r < we && !((prev >= 'a' && prev <= 'z') || isupperb(prev)) &&
                inset(L, UV_HYPHEN_PARTICLE, t + r, (size_t)(we - r), 0))
                s = r + 1; /* s - #pw - 1 */
        }
        if (drop || e < s) continue;
        n++;
        addtok(L, K, ts,
               (ntok){s, e, re, 0, 0, (unsigned char)poss, adj != NULL, 0, 0, 0, 0, 0, 0});
        lua_pushlstring(L, (const char *)t + s - 1, (size_t)(e - s + 1));
        lua_pushvalue(L, -1);
        if (lua_rawget(L, 2) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushvalue(L, 3);
            lua_pushvalue(L, -2);
            lua_call(L, 1, 1);
        }
        lua_pushvalue(L, -1);
        if (lua_rawget(L, 9) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushvalue(L, 10);
            lua_pushvalue(L, -2);
            lua_call(L, 1, 1);
        }
        ts->v[n - 1].cl = lua_tointeger(L, -1);
        lua_rawseti(L, 11, n);
        lua_rawseti(L, 7, n);
        lua_pop(L, 1);
        lua_pushinteger(L, s);
        lua_rawseti(L, 4, n);
        lua_pushinteger(L, e);
        lua_rawseti(L, 5, n);
        if (re != e) { /* (a possessive or an adjective cut: FL_POSS, FL_ADJ) */
            lua_pushinteger(L, re);
            lua_rawseti(L, 6, n);
        }
        if (adj) {
            lua_pushlstring(L, (const char *)adj, adjl);
            lua_rawseti(L, 8, n);
        }
    }
    lua_pushinteger(L, n);
    lua_pushvalue(L, K);
    return 2;
}

/* tokenizer(upper, hprefix, hyphen_end, linked, abbr, hyphen_particle):
   the tokens function over these capitals (a string of two-byte
   characters) and word sets. */
static int tokenizer(lua_State *L)
{
    size_t len;
    const char *up = luaL_checklstring(L, 1, &len);
    for (int k = 2; k < UV_TOKS; k++) luaL_checktype(L, k, LUA_TTABLE);
    lua_settop(L, UV_TOKS - 1);
    nupper *u = lua_newuserdatauv(L, sizeof *u, 0);
    memset(u, 0, sizeof *u);
    for (size_t k = 0; k + 1 < len; k += 2) {
        unsigned char a = (unsigned char)up[k], b = (unsigned char)up[k + 1];
        luaL_argcheck(L, a >= 192 && a <= 223 && iscont(b), 1, "two-byte characters expected");
        u->up[a - 192][b - 128] = 1;
    }
    for (int c = 0; c < 256; c++) u->start[c] = (unsigned char)capstart(c);
    lua_replace(L, 1);
    ntoks *ts = lua_newuserdatauv(L, sizeof *ts, 2);
    memset(ts, 0, sizeof *ts);
    ts->t = (const unsigned char *)"";
    luaL_setmetatable(L, TOKS);
    lua_pushcclosure(L, tokens, UV_N - 1);
    return 1;
}

/* ------------------------------------------------------------ marks */

/* Pushes list[i] (as `list[i]` reads it in Lua; raw when the list has no
   metatable, rawlist), a table: whether it has no metatable (its fields are
   read raw). */
static int pushrec(lua_State *L, int list, int rawlist, lua_Integer i)
{
    if ((rawlist ? lua_rawgeti(L, list, i) : lua_geti(L, list, i)) != LUA_TTABLE)
        luaL_error(L, "bad record %I of argument #%d (table expected)", i, list);
    if (!lua_getmetatable(L, -1)) return 1;
    lua_pop(L, 1);
    return 0;
}

/* Pushes the field of the record on the top named f (the same string as
   the upvalue uv of the running function), as `rec.f` reads it. */
static void pushfield(lua_State *L, int raw, int uv, const char *f)
{
    if (raw) {
        lua_pushvalue(L, lua_upvalueindex(uv));
        lua_rawget(L, -2);
    } else {
        lua_getfield(L, -1, f);
    }
}

/* Does the table at index k have no metatable? */
static int nometa(lua_State *L, int k)
{
    if (!lua_getmetatable(L, k)) return 1;
    lua_pop(L, 1);
    return 0;
}

/* A number of a record field: integers exactly, floats as Lua compares
   them with positions (which are far below 2^53). */
typedef struct {
    int isint;
    lua_Integer i;
    lua_Number f;
} nnum;

/* The value on the top (field f of record i of argument list) as a number
   (an error when it is none, as comparing it in Lua is); popped. */
static nnum popnum(lua_State *L, int list, lua_Integer i, const char *f)
{
    nnum v = {0, 0, 0};
    if (lua_type(L, -1) != LUA_TNUMBER)
        luaL_error(L, "bad record %I of argument #%d (field '%s' must be a number)", i, list, f);
    if (lua_isinteger(L, -1)) {
        v.isint = 1;
        v.i = lua_tointeger(L, -1);
    } else {
        v.f = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    return v;
}

/* The upvalues of marks: the particles (an nparts), the suffixes, the
   field names of records, then the gaps' names. */
enum {
    MU_PARTICLE = 1,
    MU_SUFFIX,
    MU_S,
    MU_E,
    MU_KIND,
    MU_SP,
    MU_OF,
    MU_OFTHE,
    MU_PART,
    MU_N = MU_PART
};

/* list[i].f as a number (f "s" or "e", upvalue uv). */
static nnum recnum(lua_State *L, int list, int rawlist, lua_Integer i, int uv, const char *f)
{
    int raw = pushrec(L, list, rawlist, i);
    pushfield(L, raw, uv, f);
    nnum v = popnum(L, list, i, f);
    lua_pop(L, 1);
    return v;
}

static int numlt(nnum a, lua_Integer b)
{
    return a.isint ? a.i < b : a.f < (lua_Number)b;
}

static int numle(nnum a, lua_Integer b)
{
    return a.isint ? a.i <= b : a.f <= (lua_Number)b;
}

/* The start and end of list[i] (read once per record). */
typedef struct {
    nnum s, e;
} nspan;

static nspan recspan(lua_State *L, int list, int rawlist, lua_Integer i)
{
    nspan r;
    int raw = pushrec(L, list, rawlist, i);
    pushfield(L, raw, MU_E, "e");
    r.e = popnum(L, list, i, "e");
    pushfield(L, raw, MU_S, "s");
    r.s = popnum(L, list, i, "s");
    lua_pop(L, 1);
    return r;
}

/* The first byte at or after init (string.find's init: negative counts
   from the end) that is an ASCII letter or digit or a byte 195-239
   (string.find(text, "[%w\195-\239]", init)): its position, or 0. */
static lua_Integer firstword(const unsigned char *t, lua_Integer len, lua_Integer init)
{
    if (init == 0)
        init = 1;
    else if (init < 0)
        init = init < -len ? 1 : len + init + 1;
    for (lua_Integer k = init; k <= len; k++) {
        int c = t[k - 1];
        if (isalnumb(c) || (c >= 195 && c <= 239)) return k;
    }
    return 0;
}

static int islowerb(int c)
{
    return c >= 'a' && c <= 'z';
}

/* The particles of eight bytes at most (no longer word fits a gap
   gaptext reads), each as its bytes packed in an integer (the rest zero)
   and its length. */
#define NPARTS 64
typedef struct {
    int n;
    size_t len[NPARTS];
    uint64_t w[NPARTS];
} nparts;

static uint64_t pack8(const unsigned char *w, size_t len)
{
    uint64_t v = 0;
    memcpy(&v, w, len);
    return v;
}

/* A lower-case word w[0, len) in the particles? */
static int particle(const nparts *ps, const unsigned char *w, size_t len)
{
    if (len > 8) return 0;
    uint64_t v = pack8(w, len);
    for (int k = 0; k < ps->n; k++)
        if (ps->w[k] == v && ps->len[k] == len) return 1;
    return 0;
}

/*
** The gap text[pre + 1, s - 1] between two tokens of one sentence (pre:
** where the first ends, s: where the second starts; the gap of step 2 of
** name.lua, without the token checks): "sp" (blanks), "of", "ofthe",
** "part" (one or two particles of ps), as the upvalue of marks that holds
** the name (MU_SP, MU_OF, MU_OFTHE, MU_PART), or 0.
*/
static int gaptext(const nparts *ps, const unsigned char *t, lua_Integer len, lua_Integer pre,
                   lua_Integer s)
{
    /* (bounds before arithmetic) */
    if (pre < 0 || pre >= len || s < 2 || s > len + 1) return 0;
    lua_Integer a = pre + 1, b = s - 1;
    if (b == a) return t[a - 1] == ' ' || t[a - 1] == '\t' ? MU_SP : 0;
    if (b < a || b - a > 8) return 0;
    const unsigned char *g = t + a - 1;
    size_t n = (size_t)(b - a + 1), k;
    if (n == 2 && g[0] == 194 && g[1] == 160) return MU_SP;
    for (k = 0; k < n && (g[k] == ' ' || g[k] == '\t'); k++) {}
    if (k == n) return MU_SP;
    if (n == 4 && memcmp(g, " of ", 4) == 0) return MU_OF;
    if (n == 8 && memcmp(g, " of the ", 8) == 0) return MU_OFTHE;
    /* " w " or " w w2 " of lower-case letters */
    if (g[0] != ' ' || g[n - 1] != ' ') return 0;
    size_t i = 1;
    while (i < n - 1 && islowerb(g[i])) i++;
    if (i == 1) return 0;
    if (i == n - 1) return particle(ps, g + 1, i - 1) ? MU_PART : 0;
    if (g[i] != ' ') return 0;
    size_t j = i + 1;
    while (j < n - 1 && islowerb(g[j])) j++;
    if (j == i + 1 || j != n - 1) return 0;
    return particle(ps, g + 1, i - 1) && particle(ps, g + i + 1, j - i - 1) ? MU_PART : 0;
}

enum {
    MK_TOKS = 1,
    MK_TK,
    MK_SENTS,
    MK_TIMES,
    MK_QUANTS,
    MK_GFIRST,
    MK_FL,
    MK_SG,
    MK_HL,
    MK_NARGS = MK_HL,
    MK_PKEY /* the previous token's key */
};

enum {
    FL_POSS = 1,
    FL_INIT = 2,
    FL_DEAD = 4,
    FL_GZ = 8,
    FL_ADJ = 16,
    FL_CLAUSE = 32,
    FL_COLON = 64,
    FL_SI = 128
};

/* The byte before pos, blanks skipped (prevchar): its position, or 0. */
static lua_Integer charbefore(const ntext *x, lua_Integer pos)
{
    if (pos <= 1 || pos - 1 > x->n) return 0;
    lua_Integer q = pos - 1;
    for (int b; q >= 1 && (b = blankbefore(x, q)) > 0;) q -= b;
    return q >= 1 ? q : 0;
}

/* Does a clause start at a token from s, as a sentence does: FL_CLAUSE
   after nothing, a bracket, a dash, a bar, a star, an opening quote (a
   '"' after nothing, a colon or a comma); FL_COLON after a colon (the
   scan's own rule decides); else 0. */
static int clauseat(const ntext *x, lua_Integer s)
{
    lua_Integer q = charbefore(x, s);
    if (!q) return FL_CLAUSE;
    int b = x->t[q - 1];
    if (b == ':') return FL_COLON;
    if (b == '(' || b == '[' || b == '-' || b == '|' || b == '*' || b == ')') return FL_CLAUSE;
    if (b == '"') {
        lua_Integer q2 = charbefore(x, q);
        int b2 = q2 ? x->t[q2 - 1] : -1;
        return b2 < 0 || b2 == ':' || b2 == ',' ? FL_CLAUSE : 0;
    }
    if (b >= 128 && BYTE(x, q - 1) == 128 && BYTE(x, q - 2) == 226) /* dashes, opening quotes */
        return b == 147 || b == 148 || b == 156 || b == 152 ? FL_CLAUSE : 0;
    return 0;
}

/*
** marks(toks, TK, sents, times, quants, gfirst, FL, SG, HL): the rest of
** step 1 of a scan (name.lua) for the tokens of toks (TK: their keys): per
** token its sentence and flags (FL: the sentence times FL_SI = 128 plus
** the sum of FL_POSS = 1 when a possessive ends it, FL_INIT = 2 when it
** starts its sentence, FL_DEAD = 4 when it lies in a time or quantity
** record, FL_GZ = 8 when its key may start a manifest name (is a key of
** gfirst), FL_ADJ = 16 when a linked adjective ends it, FL_CLAUSE = 32 or
** FL_COLON = 64 as clauseat says whether a clause starts at it) and what
** joins it to the next token whatever the manifest matches (SG: "sp",
** "of", "ofthe", "part" or false; SG nil: kept in toks alone, for
** nextrun); per sentence that holds a token
** whether it is a headline (HL; nothing is written for the others).
** Whether a token's key may start a manifest name is kept in toks too, for
** gazmatches. Records and sentences are read once each, when the scan
** reaches them (a time or quantity record needs numbers at s and e).
*/
static int marks(lua_State *L)
{
    ntoks *ts = checktoks(L, MK_TOKS);
    for (int k = MK_TK; k <= MK_NARGS; k++)
        if (k != MK_SG || !lua_isnoneornil(L, k)) luaL_checktype(L, k, LUA_TTABLE);
    lua_settop(L, MK_NARGS);
    int sg = !lua_isnil(L, MK_SG);
    luaL_checkstack(L, 8, "marks");
    lua_pushnil(L); /* MK_PKEY */
    const nparts *ps = lua_touserdata(L, lua_upvalueindex(MU_PARTICLE));
    const unsigned char *t = ts->t;
    lua_Integer len = ts->len, n = ts->n;
    const ntext tx = {t, len};
    lua_Integer nsent = luaL_len(L, MK_SENTS), ntimes = luaL_len(L, MK_TIMES),
                nquants = luaL_len(L, MK_QUANTS);
    int rsents = nometa(L, MK_SENTS), rtimes = nometa(L, MK_TIMES), rquants = nometa(L, MK_QUANTS);
    lua_Integer tp = 1, qp = 1, si = 1, lastsent = 0, sstart = 0;
    lua_Integer pre = 0, psi = 0; /* the previous token's written end and sentence */
    int pblock = 1;               /* no gap joins the previous token */
    int hl = 0;                   /* whether the current sentence is a headline */
    /* the current record of each list (read when the list moves on) */
    nspan tm = {{0, 0, 0}, {0, 0, 0}}, qu = tm;
    nnum se = tm.s;
    if (ntimes >= 1) tm = recspan(L, MK_TIMES, rtimes, 1);
    if (nquants >= 1) qu = recspan(L, MK_QUANTS, rquants, 1);
    if (nsent > 1)
        se = recnum(L, MK_SENTS, rsents, 1, MU_E, "e"); /* (the last sentence's end is not read) */
    for (lua_Integer i = 1; i <= n; i++) {
        ntok *tk = &ts->v[i - 1];
        lua_Integer s = tk->s, e = tk->e;
        lua_rawgeti(L, MK_TK, i);
        lua_pushvalue(L, -1);
        int first = lua_rawget(L, MK_GFIRST) != LUA_TNIL && lua_toboolean(L, -1);
        lua_pop(L, 1);
        tk->nogz = (unsigned char)!first;
        while (tp <= ntimes && numlt(tm.e, s))
            if (++tp <= ntimes) tm = recspan(L, MK_TIMES, rtimes, tp);
        while (qp <= nquants && numlt(qu.e, s))
            if (++qp <= nquants) qu = recspan(L, MK_QUANTS, rquants, qp);
        int dead = (tp <= ntimes && numle(tm.s, e)) || (qp <= nquants && numle(qu.s, e));
        while (si < nsent && numlt(se, s))
            if (++si < nsent) se = recnum(L, MK_SENTS, rsents, si, MU_E, "e");
        int init = 0;
        if (si != lastsent) {
            lastsent = si;
            int raw = pushrec(L, MK_SENTS, rsents, si);
            pushfield(L, raw, MU_S, "s");
            int ok;
            lua_Integer from = lua_tointegerx(L, -1, &ok);
            if (!ok) return luaL_error(L, "bad sentence %I (field 's' must be an integer)", si);
            sstart = from;
            lua_pop(L, 1);
            size_t kl;
            pushfield(L, raw, MU_KIND, "kind");
            const char *kind = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &kl) : NULL;
            hl = kind && kl == 8 && memcmp(kind, "headline", 8) == 0;
            lua_pushboolean(L, hl);
            lua_rawseti(L, MK_HL, si);
            lua_pop(L, 2);
            lua_Integer f = firstword(t, len, from);
            init = f != 0 && f >= s;
        }
        tk->fl = (tk->poss ? FL_POSS : 0) | (init ? FL_INIT : 0) | (dead ? FL_DEAD : 0) |
                 (first ? FL_GZ : 0) | (tk->adj ? FL_ADJ : 0) | clauseat(&tx, s) | si * FL_SI;
        tk->hl = (unsigned char)hl;
        tk->ss = sstart;
        tk->sg = 0;
        tk->gz = 0;
        lua_pushinteger(L, tk->fl);
        lua_rawseti(L, MK_FL, i);
        /* the gap before this token, for the previous one (none after a
           suffix, "Jr.": its key, at MK_PKEY, is looked up last) */
        if (i > 1) {
            int g = pblock || dead || psi != si ? 0 : gaptext(ps, t, len, pre, s);
            if (g) {
                lua_pushvalue(L, MK_PKEY);
                if (lua_rawget(L, lua_upvalueindex(MU_SUFFIX)) != LUA_TNIL && lua_toboolean(L, -1))
                    g = 0;
                lua_pop(L, 1);
            }
            ts->v[i - 2].sg = (unsigned char)g;
            if (sg) {
                if (g)
                    lua_pushvalue(L, lua_upvalueindex(g));
                else
                    lua_pushboolean(L, 0);
                lua_rawseti(L, MK_SG, i - 1);
            }
        }
        pre = tk->re;
        psi = si;
        pblock = tk->poss || tk->adj;
        lua_replace(L, MK_PKEY); /* (the key) */
    }
    if (n >= 1 && sg) {
        lua_pushboolean(L, 0);
        lua_rawseti(L, MK_SG, n);
    }
    return 0;
}

/* marker(particles, suffixes): the marks function over these word sets
   (the particles are read now, once: their string keys of eight bytes at
   most whose value is true). */
static int marker(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    nparts *ps = lua_newuserdatauv(L, sizeof *ps, 0);
    ps->n = 0;
    for (lua_pushnil(L); lua_next(L, 1);) {
        size_t l;
        if (lua_type(L, -2) == LUA_TSTRING && lua_toboolean(L, -1)) {
            const char *w = lua_tolstring(L, -2, &l);
            if (l <= 8) {
                if (ps->n == NPARTS) return luaL_error(L, "too many particles");
                ps->len[ps->n] = l;
                ps->w[ps->n++] = pack8((const unsigned char *)w, l);
            }
        }
        lua_pop(L, 1);
    }
    lua_replace(L, 1);
    lua_pushliteral(L, "s");
    lua_pushliteral(L, "e");
    lua_pushliteral(L, "kind");
    lua_pushliteral(L, "sp");
    lua_pushliteral(L, "of");
    lua_pushliteral(L, "ofthe");
    lua_pushliteral(L, "part");
    lua_pushcclosure(L, marks, MU_N);
    return 1;
}

/* ------------------------------------------------------------ manifest names */

enum {
    GZ_TOKS = 1,
    GZ_TK,
    GZ_GFIRST,
    GZ_KEYS,
    GZ_KEY,
    GZ_GZE,
    GZ_GZS,
    GZ_GZX,
    GZ_GZP,
    GZ_NARGS = GZ_GZP,
    /* the names of the entries' fields, pushed once a call (read raw) */
    GZ_FLEAD,
    GZ_FN,
    GZ_FKS,
    GZ_FE,
    GZ_FPS,
    GZ_LIST /* the entries of the token's key */
};

/* Pushes the key of the bytes w[0, len) followed by dot when dot: keys[w],
   else key(w) (which remembers it in keys), as name.lua's key. */
static void pushkey(lua_State *L, const unsigned char *w, size_t len, int dot)
{
    lua_pushlstring(L, (const char *)w, len);
    if (dot) {
        lua_pushliteral(L, ".");
        lua_concat(L, 2);
    }
    lua_pushvalue(L, -1);
    if (lua_rawget(L, GZ_KEYS) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_pushvalue(L, GZ_KEY);
        lua_pushvalue(L, -2);
        lua_call(L, 1, 1);
    }
    lua_remove(L, -2);
}

/* A possessive ending of w[0, n) ("'s", "’s"): the length to cut (posslen). */
static size_t posscut(const unsigned char *w, size_t n)
{
    if (n < 1 || w[n - 1] != 's') return 0;
    if (n >= 2 && w[n - 2] == '\'') return 2;
    if (n >= 4 && w[n - 2] == 153 && w[n - 3] == 128 && w[n - 4] == 226) return 4;
    return 0;
}

/* The word of a name after blanks at q (nameword of name.lua): its start,
   end (+1), the possessive's length; its key (of the word without the
   possessive) pushed. 0 (nothing pushed) when no word starts after a blank. */
typedef struct {
    lua_Integer a, b;
    size_t pl;
} nword;

static int nameword(lua_State *L, const ntext *x, lua_Integer q, nword *w)
{
    lua_Integer a, e;
    if (q < 1) return luaL_error(L, "nameword: position %I out of range", q);
    if (!fword(x, q, &a, &e) || a == q) return 0;
    const unsigned char *p = x->t + a - 1;
    size_t len = (size_t)(e - a + 1);
    w->a = a;
    w->b = e + 1;
    w->pl = posscut(p, len);
    pushkey(L, p, len - w->pl, 0);
    return 1;
}

/* Is the string at index k the literal lit? */
static int iskey(lua_State *L, int k, const char *lit)
{
    size_t l;
    if (lua_type(L, k) != LUA_TSTRING) return 0;
    const char *v = lua_tolstring(L, k, &l);
    return l == strlen(lit) && memcmp(v, lit, l) == 0;
}

/* Pushes the field of the entry at index k named by the string at index f. */
static int entryfield(lua_State *L, int k, int f)
{
    lua_pushvalue(L, f);
    return lua_rawget(L, k);
}

/* Is word l of entry k a possessive of the name itself ("People's" of
   "Tigray People's Liberation Front": its field ps, a set of word numbers)? */
static int entryps(lua_State *L, int k, lua_Integer l)
{
    int top = lua_gettop(L);
    entryfield(L, k, GZ_FPS);
    int yes = lua_istable(L, -1) && lua_rawgeti(L, -1, l) != LUA_TNIL && lua_toboolean(L, -1);
    lua_settop(L, top);
    return yes;
}

/* An integer field of the entry at index k (named by the string at index
   fi, f). */
static lua_Integer entryint(lua_State *L, int k, int fi, const char *f)
{
    int ok;
    entryfield(L, k, fi);
    lua_Integer v = lua_tointegerx(L, -1, &ok);
    if (!ok) luaL_error(L, "manifest entry: field '%s' must be an integer", f);
    lua_pop(L, 1);
    return v;
}

/*
** The manifest name starting at token i, longest first (gazmatch of
** name.lua; list at index li: the entries of its key, each with the keys
** of its words ks, the index of its first capitalised word lead, its
** length n and what it names e, read raw): 1 with e pushed and its start,
** end and possessive set, or 0 (nothing pushed).
*/
static int gazmatch(lua_State *L, const ntext *x, const ntok *tk, int li, lua_Integer *ms,
                    lua_Integer *me, int *mposs)
{
    lua_Integer ts = tk->s, te = tk->e, re = tk->re;
    int possi = tk->poss, adji = tk->adj;
    /* the word after the token is read once, for every entry that goes on
       (its key in slot k1, below the entries' slots) */
    lua_pushnil(L);
    int k1 = lua_gettop(L), read1 = 0, has1 = 0;
    nword w1 = {0, 0, 0};
    lua_Integer q1 = re < x->n ? re + 1 : x->n + 1; /* (past the text: no word) */
    lua_Integer nl = (lua_Integer)lua_rawlen(L, li);
    for (lua_Integer xi = 1; xi <= nl; xi++) {
        if (lua_rawgeti(L, li, xi) != LUA_TTABLE)
            return luaL_error(L, "manifest entry %I: table expected", xi);
        int ent = lua_gettop(L);
        lua_Integer lead = entryint(L, ent, GZ_FLEAD, "lead"), n = entryint(L, ent, GZ_FN, "n");
        entryfield(L, ent, GZ_FKS);
        int ks = lua_gettop(L);
        if (!lua_istable(L, ks))
            return luaL_error(L, "manifest entry %I: field 'ks' must be a table", xi);
        lua_Integer s = ts, e = te;
        int poss = possi, okay = 1;
        for (lua_Integer l = lead - 1; l >= 1; l--) {
            lua_Integer a, we;
            if (!rword(x, s, 1, &a, &we)) {
                okay = 0;
                break;
            }
            pushkey(L, x->t + a - 1, (size_t)(we - a + 1), 0);
            lua_rawgeti(L, ks, l);
            int eq = lua_rawequal(L, -1, -2);
            lua_pop(L, 2);
            if (!eq) {
                okay = 0;
                break;
            }
            s = a;
        }
        if (okay && n > lead) {
            if ((possi && !entryps(L, ent, lead)) || adji) okay = 0;
            lua_Integer q = q1;
            for (lua_Integer l = lead + 1; l <= n && okay; l++) {
                nword w;
                int kw, fresh = q != q1;
                if (fresh) {
                    if (!nameword(L, x, q, &w)) {
                        okay = 0;
                        break;
                    }
                    kw = lua_gettop(L);
                } else {
                    if (!read1) {
                        read1 = 1;
                        has1 = nameword(L, x, q1, &w1);
                        if (has1) lua_replace(L, k1);
                    }
                    if (!has1) {
                        okay = 0;
                        break;
                    }
                    w = w1;
                    kw = k1;
                }
                lua_rawgeti(L, ks, l);
                int kx = lua_gettop(L);
                lua_Integer b = w.b;
                /* "Front in Afghanistan" is "Front of Afghanistan" */
                if (!lua_rawequal(L, kw, kx) && !(iskey(L, kw, "in") && iskey(L, kx, "of")) &&
                    !(iskey(L, kw, "of") && iskey(L, kx, "in"))) {
                    int dot = 0;
                    if (BYTE(x, b) == '.') {
                        pushkey(L, x->t + w.a - 1, (size_t)(b - w.a) - w.pl, 1);
                        dot = lua_rawequal(L, -1, kx);
                        lua_pop(L, 1);
                    }
                    if (dot)
                        b++;
                    else
                        okay = 0;
                }
                lua_pop(L, fresh ? 2 : 1);
                if (okay) {
                    e = b - 1 - (lua_Integer)w.pl;
                    q = b;
                    poss = w.pl > 0;
                    if (poss && l < n && !entryps(L, ent, l)) okay = 0;
                }
            }
        }
        if (okay) {
            entryfield(L, ent, GZ_FE);
            lua_replace(L, k1);
            lua_settop(L, k1);
            *ms = s;
            *me = e;
            *mposs = poss;
            return 1;
        }
        lua_settop(L, k1);
    }
    lua_settop(L, k1 - 1);
    return 0;
}

/*
** gazmatches(toks, TK, gfirst, keys, key, GZE, GZS, GZX, GZP): step 2's
** manifest matches of a scan (name.lua), for every token of toks (TK:
** their keys): the manifest name starting there, longest first (gfirst:
** the entries by the key of their first capitalised word), in GZE, with
** its start (GZS), end (GZX) and whether it ends in a possessive (GZP);
** false in GZE for none. Words are keyed as key(w) (keys: its remembered
** answers). A token whose key marks (run before on the same tokens) found
** to start no manifest name is skipped: nothing is written at it (its FL
** lacks FL_GZ).
*/
static int gazmatches(lua_State *L)
{
    ntoks *ts = checktoks(L, GZ_TOKS);
    for (int k = GZ_TK; k <= GZ_NARGS; k++)
        if (k != GZ_KEY) luaL_checktype(L, k, LUA_TTABLE);
    luaL_checktype(L, GZ_KEY, LUA_TFUNCTION);
    lua_settop(L, GZ_NARGS);
    luaL_checkstack(L, 28, "gazmatches");
    lua_pushliteral(L, "lead");
    lua_pushliteral(L, "n");
    lua_pushliteral(L, "ks");
    lua_pushliteral(L, "e");
    lua_pushliteral(L, "ps");
    ntext tx = {ts->t, ts->len};
    for (lua_Integer i = 1, n = ts->n; i <= n; i++) {
        if (ts->v[i - 1].nogz) continue;
        lua_rawgeti(L, GZ_TK, i);
        int found = 0;
        lua_Integer s = 0, e = 0;
        int poss = 0;
        if (lua_rawget(L, GZ_GFIRST) == LUA_TTABLE)
            found = gazmatch(L, &tx, &ts->v[i - 1], GZ_LIST, &s, &e, &poss);
        ts->v[i - 1].gz = (unsigned char)found;
        if (found) {
            lua_rawseti(L, GZ_GZE, i);
            lua_pushinteger(L, s);
            lua_rawseti(L, GZ_GZS, i);
            lua_pushinteger(L, e);
            lua_rawseti(L, GZ_GZX, i);
            lua_pushboolean(L, poss);
            lua_rawseti(L, GZ_GZP, i);
        } else {
            lua_pushboolean(L, 0);
            lua_rawseti(L, GZ_GZE, i);
        }
        lua_settop(L, GZ_FPS);
    }
    return 0;
}

/* ------------------------------------------------------------ runs */

/* The upvalues of nextrun: GAP, ofjoin, colonclause, the bit of a common
   word in CL, then the gaps' names by marks' numbers (NR_SP + g - MU_SP). */
enum {
    NR_GAP = 1,
    NR_OFJOIN,
    NR_COLON,
    NR_COMMON,
    NR_TOKS,
    NR_SP,
    NR_OF,
    NR_OFTHE,
    NR_PART,
    NR_END,
    NR_N = NR_END
};

/*
** nextrun(toks, i): step 2 of a scan (name.lua) from token i of toks (after
** marks and gazmatches): i when a manifest name starts at token i (its
** first token not in a record; the scan's gazat uses it); else, past the
** tokens in a record, the next run of tokens a..b joined by their gaps and
** whether a clause starts at a: a, b, init, with GAP[a .. b - 1] the gaps'
** names and GAP[b] "end"; nothing after the last token. A gap joins as
** marks says (SG), unless the next token starts a manifest name, or in a
** headline either token is a common word, or it is "of" or "of the" and
** ofjoin(a, j, init) says no; init is true at FL_INIT or FL_CLAUSE, or at
** FL_COLON when colonclause(a) says so. The loop of step 2 kept in
** tests/lua/name_runs_test.lua is its definition.
*/
static int nextrun(lua_State *L)
{
    const ntoks *ts = lua_touserdata(L, lua_upvalueindex(NR_TOKS));
    const lua_Integer *common = lua_touserdata(L, lua_upvalueindex(NR_COMMON));
    int ok;
    lua_Integer i = lua_tointegerx(L, 1, &ok), n = ts->n;
    if (!ok || i < 1) return luaL_argerror(L, 1, "token number expected");
    for (; i <= n; i++) {
        const ntok *t = &ts->v[i - 1];
        if (t->fl & FL_DEAD) continue;
        if (t->gz) {
            lua_pushinteger(L, i);
            return 1;
        }
        int init = (t->fl & (FL_INIT | FL_CLAUSE)) != 0;
        if (!init && (t->fl & FL_COLON)) {
            lua_pushvalue(L, lua_upvalueindex(NR_COLON));
            lua_pushinteger(L, i);
            lua_call(L, 1, 1);
            init = lua_toboolean(L, -1);
            lua_pop(L, 1);
        }
        lua_Integer j = i;
        for (int g; j < n && (g = ts->v[j - 1].sg) != 0; j++) {
            const ntok *a = &ts->v[j - 1], *b = &ts->v[j];
            if (b->gz) break;
            if (t->hl && ((a->cl & *common) || (b->cl & *common))) break;
            if (g == MU_OF || g == MU_OFTHE) {
                lua_pushvalue(L, lua_upvalueindex(NR_OFJOIN));
                lua_pushinteger(L, i);
                lua_pushinteger(L, j);
                lua_pushboolean(L, init);
                lua_call(L, 3, 1);
                int joins = lua_toboolean(L, -1);
                lua_pop(L, 1);
                if (!joins) break;
            }
            ts->v[j - 1].gp = (unsigned char)g;
            lua_pushvalue(L, lua_upvalueindex(NR_SP + g - MU_SP));
            lua_rawseti(L, lua_upvalueindex(NR_GAP), j);
        }
        ts->v[j - 1].gp = 0;
        lua_pushvalue(L, lua_upvalueindex(NR_END));
        lua_rawseti(L, lua_upvalueindex(NR_GAP), j);
        lua_pushinteger(L, i);
        lua_pushinteger(L, j);
        lua_pushboolean(L, init);
        return 3;
    }
    return 0;
}

/* runner(GAP, ofjoin, colonclause, common): the nextrun function over
   these (common: the bit of CL of a common word). */
static int runner(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    luaL_checktype(L, 3, LUA_TFUNCTION);
    lua_Integer common = luaL_checkinteger(L, 4);
    luaL_checktype(L, 5, LUA_TFUNCTION);
    lua_settop(L, 5);
    if (!lua_getupvalue(L, 5, UV_TOKS) || !luaL_testudata(L, -1, TOKS))
        return luaL_argerror(L, 5, "a tokenizer expected");
    lua_replace(L, 5);
    lua_Integer *c = lua_newuserdatauv(L, sizeof *c, 0);
    *c = common;
    lua_replace(L, 4);
    lua_pushliteral(L, "sp");
    lua_pushliteral(L, "of");
    lua_pushliteral(L, "ofthe");
    lua_pushliteral(L, "part");
    lua_pushliteral(L, "end");
    lua_pushcclosure(L, nextrun, NR_N);
    return 1;
}

/* ------------------------------------------------------------ classify */

/* A set of short words (at most NW_MAX bytes each), open addressing over
   the words packed in slots: a userdata made once from a Lua set. */
#define NW_MAX 31
typedef struct {
    unsigned char len, w[NW_MAX];
} nslot;
typedef struct {
    size_t mask;
    nslot slot[1];
} nwset;

static size_t whash(const unsigned char *w, size_t len)
{
    size_t h = 2166136261u;
    for (size_t k = 0; k < len; k++) h = (h ^ w[k]) * 16777619u;
    return h;
}

/* Is w[0, len) in the set? */
static int inwset(const nwset *ws, const unsigned char *w, size_t len)
{
    if (len == 0 || len > NW_MAX) return 0;
    for (size_t h = whash(w, len) & ws->mask;; h = (h + 1) & ws->mask) {
        const nslot *sl = &ws->slot[h];
        if (sl->len == 0) return 0;
        if (sl->len == len && memcmp(sl->w, w, len) == 0) return 1;
    }
}

/* The set of the string keys with a true value of the table at index k
   (longer ones are no words of it: an error); pushed as a userdata. */
static nwset *newwset(lua_State *L, int k)
{
    size_t n = 0, cap = 8;
    for (lua_pushnil(L); lua_next(L, k); lua_pop(L, 1)) n++;
    while (cap < 2 * n + 2) cap *= 2;
    nwset *ws = lua_newuserdatauv(L, sizeof *ws + (cap - 1) * sizeof(nslot), 0);
    memset(ws, 0, sizeof *ws + (cap - 1) * sizeof(nslot));
    ws->mask = cap - 1;
    for (lua_pushnil(L); lua_next(L, k); lua_pop(L, 1)) {
        size_t l;
        if (lua_type(L, -2) != LUA_TSTRING || !lua_toboolean(L, -1)) continue;
        const unsigned char *w = (const unsigned char *)lua_tolstring(L, -2, &l);
        if (l == 0 || l > NW_MAX) luaL_error(L, "word set: word of %d bytes", (int)l);
        if (inwset(ws, w, l)) continue;
        size_t h = whash(w, l) & ws->mask;
        while (ws->slot[h].len) h = (h + 1) & ws->mask;
        ws->slot[h].len = (unsigned char)l;
        memcpy(ws->slot[h].w, w, l);
    }
    return ws;
}

/* A word read around a name: where it starts, its bytes, and its lower
   case (ASCII letters; low is NULL when it is longer than any word of the
   sets, so that it equals none). */
typedef struct {
    lua_Integer a;
    const unsigned char *p;
    size_t len;
    const unsigned char *low;
    unsigned char buf[NW_MAX + 1];
} nwrd;

static void setwrd(nwrd *w, const ntext *x, lua_Integer a, lua_Integer e)
{
    w->a = a;
    w->p = x->t + a - 1;
    w->len = (size_t)(e - a + 1);
    w->low = NULL;
    if (w->len <= NW_MAX) {
        for (size_t k = 0; k < w->len; k++)
            w->buf[k] = (unsigned char)(isupperb(w->p[k]) ? w->p[k] + 32 : w->p[k]);
        w->low = w->buf;
    }
}

/* prevword / nextword into w: 1 when there is a word. */
static int prevwrd(const ntext *x, lua_Integer pos, lua_Integer limit, nwrd *w)
{
    lua_Integer a, e;
    if (!rword(x, pos, limit, &a, &e)) return 0;
    setwrd(w, x, a, e);
    return 1;
}

static int nextwrd(const ntext *x, lua_Integer pos, nwrd *w)
{
    lua_Integer a, e;
    if (!fword(x, pos, &a, &e)) return 0;
    setwrd(w, x, a, e);
    return 1;
}

/* The word as written (raw) or in lower case (low) in the set; equal to the literal. */
#define RAWIN(set, w) inwset(cx->set, (w)->p, (w)->len)
#define LOWIN(set, w) ((w)->low && inwset(cx->set, (w)->low, (w)->len))
#define RAWIS(w, lit) ((w)->len == sizeof(lit) - 1 && memcmp((w)->p, lit, sizeof(lit) - 1) == 0)
#define LOWIS(w, lit)                                                                              \
    ((w)->low && (w)->len == sizeof(lit) - 1 && memcmp((w)->low, lit, sizeof(lit) - 1) == 0)

/* The word sets of classify, by name (the fields of its first argument). */
/* clang-format off */
#define CLS_SETS(X) \
    X(ROLE) X(TITLEMOD) X(ADJ_SKIP) X(PLACE_APPOS) X(ORG_APPOS) X(ADMIN) X(PLACE_AFTER) \
    X(PLACE_VERB) X(SAID) X(PLACE_BEFORE) X(SAID_BEFORE) X(TOLD) X(CREDIT) X(DIRECTION) \
    X(PLACE_OF) X(PLACE_PLURAL) X(MEDIUM_BEFORE) X(MEDIUM_AFTER) X(LINKED_PLACE) X(COUNTRY2) X(ORG2) \
    X(PERSON_BEFORE)
/* The bits of CL (kinfo of name.lua), by name (the fields of its second argument). */
#define CLS_BITS(X) \
    X(TITLE) X(TITLEMOD) X(COMMON) X(NUMWORD) X(TIMEWORD) X(NONNAME) X(COUNTRY) X(ACRONYM) \
    X(ORG) X(PLACE) X(GENERIC) X(SUFFIX) X(PREFIX) X(PAPER) X(OTHER) X(PLACEFIRST) X(ORGNAME) \
    X(PLATFORM)
/* clang-format on */

typedef struct {
#define X(n) const nwset *n;
    CLS_SETS(X)
#undef X
#define X(n) lua_Integer b_##n;
    CLS_BITS(X)
#undef X
} ncls;

/* The upvalues of classify. */
enum {
    CU_CLS = 1, /* the ncls (its sets anchored by the user values) */
    CU_TOKS,
    CU_UPPER,
    CU_TK,
    CU_ADJ,
    CU_LOWERUSED,
    CU_TIMENEAR,
    CU_ORGEND,
    CU_N = CU_ORGEND
};

enum { K_NONE, K_PERSON, K_PLACE, K_ORG, K_OTHER };
enum { C_CAPITALISED, C_TITLE, C_ROLE, C_PLACE, C_ORG };
static const char *const KINDS[] = {NULL, "person", "place", "org", "other"};
static const char *const CUES[] = {"capitalised", "title", "role", "place-cue", "org-cue"};

/* A candidate's kind, the strength of its cue and the cue (ev of name.lua:
   the strongest wins). */
typedef struct {
    int kind, str, cue;
} nkind;

static void ev(nkind *c, int kind, int str, int cue)
{
    if (str > c->str) c->kind = kind, c->str = str, c->cue = cue;
}

/* Calls the upvalue uv with the integer v: its result as a boolean. */
static int callback(lua_State *L, int uv, lua_Integer v)
{
    lua_pushvalue(L, lua_upvalueindex(uv));
    lua_pushinteger(L, v);
    lua_call(L, 1, 1);
    int r = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return r;
}

/* Is the key of token i, joined to those of the next tokens (n keys in
   all) by "_", in the set (the pairs of name.lua)? */
static int keysin(lua_State *L, const nwset *ws, lua_Integer i, int n, lua_Integer last)
{
    unsigned char buf[NW_MAX + 1];
    size_t len = 0;
    for (int q = 0; q < n; q++) {
        size_t l;
        lua_rawgeti(L, lua_upvalueindex(CU_TK), q == n - 1 ? last : i + q);
        const char *k = lua_tolstring(L, -1, &l);
        if (!k || len + l + (q > 0) > NW_MAX) {
            lua_pop(L, 1);
            return 0;
        }
        if (q > 0) buf[len++] = '_';
        memcpy(buf + len, k, l);
        len += l;
        lua_pop(L, 1);
    }
    return inwset(ws, buf, len);
}

/* After a name: a dash, after a space or not (datelinerest of name.lua). */
static int dashat(const ntext *x, lua_Integer k)
{
    if (BYTE(x, k) == ' ') k++;
    int c = BYTE(x, k);
    return c == '-' ||
           (c == 226 && BYTE(x, k + 1) == 128 && (BYTE(x, k + 2) == 147 || BYTE(x, k + 2) == 148));
}

/* ... or a capital (parenrest). */
static int dashorcapat(const ntext *x, lua_Integer k)
{
    return dashat(x, k) || isupperb(BYTE(x, k + (BYTE(x, k) == ' ')));
}

/* "[Ff]rom [%u\195-\223]" in text[max(pa - 60, 1), pa]. */
static int fromcap(const ntext *x, lua_Integer pa)
{
    lua_Integer a = pa > 60 ? pa - 60 : 1;
    for (lua_Integer i = a; i + 5 <= pa; i++) {
        const unsigned char *p = x->t + i - 1;
        if ((p[0] == 'F' || p[0] == 'f') && p[1] == 'r' && p[2] == 'o' && p[3] == 'm' &&
            p[4] == ' ' && (isupperb(p[5]) || (p[5] >= 195 && p[5] <= 223)))
            return 1;
    }
    return 0;
}

/* Does the word start with a capital (or a digit)? (capital of name.lua) */
static int capitalw(const nupper *u, const ntext *x, const nwrd *w)
{
    int b = w->p[0];
    if (b >= '0' && b <= '9') return 1;
    if (b < 128) return isupperb(b);
    return upperat(u, x, w->a) > 0;
}

/*
** classify(first, last, init): the classify of name.lua (kept there as
** classify_lua, its definition) over the tokens of the scan: the run of
** tokens first .. last (as nextrun made it, just before) loses the words
** that are no part of a name and what is left is judged by its cues.
** Returns the token of a country before a title that is a place of its
** own (or false), then for a candidate: its start, end, tokens, first
** token, cue strength, kind (false for none), cue, title (false), whether
** it is one word starting a sentence, whether a possessive ends it, its
** role (false), whether an administrative word ends it, whether it is in
** brackets. Nothing when neither. The scan's state it needs beyond the
** tokens comes from its upvalues: TK, ADJ, and lowerused(k),
** timenear(q), orgend(p) (name.lua).
*/
static int classify(lua_State *L)
{
    const ncls *cx = lua_touserdata(L, lua_upvalueindex(CU_CLS));
    const ntoks *ts = lua_touserdata(L, lua_upvalueindex(CU_TOKS));
    const nupper *u = lua_touserdata(L, lua_upvalueindex(CU_UPPER));
    lua_Integer first = luaL_checkinteger(L, 1), last = luaL_checkinteger(L, 2);
    int init = lua_toboolean(L, 3);
    luaL_argcheck(L, first >= 1 && first <= ts->n, 1, "token out of range");
    luaL_argcheck(L, last >= first && last <= ts->n, 2, "token out of range");
    const ntext tx = {ts->t, ts->len}, *x = &tx;
#define T(i)  (&ts->v[(i)-1])
#define CL(i) (T(i)->cl)
    const lua_Integer W_TITLES = cx->b_TITLE | cx->b_TITLEMOD,
                      W_LEAD = cx->b_NUMWORD | cx->b_COMMON | cx->b_TIMEWORD | cx->b_NONNAME | 3;
    lua_Integer k = first, k0 = 0;
    int hl = T(first)->hl;
    /* leading words that are no part of a name */
    while (k <= last) {
        lua_Integer ck = CL(k);
        if (!(ck & W_LEAD)) break;
        if (k == first && (ck & cx->b_NUMWORD) && !init) return 0; /* "the 'Five Lions'" */
        int titled = k < last && (ck & W_TITLES);
        if ((init && k == first && !titled && (ck & (cx->b_COMMON | cx->b_NUMWORD)) &&
             !(T(k)->e > T(k)->s && capsto(x, T(k)->s, T(k)->e))) ||
            (ck & cx->b_TIMEWORD) || ((ck & cx->b_NONNAME) && k == last)) {
            k++;
            init = 0;
        } else if (k < last && (ck & 3) == 1 && (CL(k + 1) & W_TITLES)) {
            k++;
        } else {
            break;
        }
    }
    if (k > last) return 0;
    /* a country before a title is a place of its own */
    if (k < last && (CL(k) & (cx->b_COUNTRY | cx->b_ACRONYM)) && T(k)->gp == MU_SP) {
        lua_Integer j = k + 1;
        while (j < last && (CL(j) & W_TITLES) == cx->b_TITLEMOD && T(j)->gp == MU_SP) j++;
        if ((CL(j) & cx->b_TITLE) && j < last) {
            k0 = k;
            k++;
            init = 0;
        }
    }
#define NOCAND()                                                                                   \
    do {                                                                                           \
        if (!k0) return 0;                                                                         \
        lua_pushinteger(L, k0);                                                                    \
        return 1;                                                                                  \
    } while (0)
    /* a title phrase ("General", "Defence Minister", "Head of Mission") */
    lua_Integer tls = 0, tle = 0; /* the title's bytes */
    {
        lua_Integer j = k, tl = 0;
        while (j <= last) {
            lua_Integer cj = CL(j);
            if (cj & cx->b_TITLE)
                tl = j;
            else if (!(cj & cx->b_TITLEMOD))
                break;
            if (T(j)->gp != MU_SP) break;
            j++;
        }
        if (tl && (T(tl)->gp == MU_OF || T(tl)->gp == MU_OFTHE)) {
            for (lua_Integer q = tl + 1; q <= last; q++) {
                if (!(CL(q) & (cx->b_ORG | cx->b_TITLEMOD | cx->b_PLACE | cx->b_COUNTRY))) break;
                tl = q;
                if (T(q)->gp != MU_SP) break;
            }
        }
        if (tl && tl < last) {
            tls = T(k)->s, tle = T(tl)->e;
            k = tl + 1;
            init = 0;
        } else if (tl && tl == last) {
            NOCAND(); /* a title alone */
        }
    }
    /* a sentence-initial word used in lower case elsewhere ("Heavy fighting") */
    if (init && k < last && !(CL(k) & cx->b_COUNTRY) && callback(L, CU_LOWERUSED, k)) {
        k++;
        init = 0;
    }
    lua_Integer nn = last - k + 1, s = T(k)->s, e = T(last)->e, fc = CL(k), lc = CL(last),
                lki = last;
    if ((lc & cx->b_SUFFIX) && nn > 1) lki = last - 1, lc = CL(last - 1);
    lua_Integer re = T(last)->re; /* (reat(last)) */
    int caps = capsto(x, s, e);
    nwrd wa, wb;
    if (nn == 1) {
        if (fc & cx->b_NONNAME) NOCAND();
        int acro = (fc & cx->b_ACRONYM) && caps;
        int demonym = 0;
        if (!acro && !(fc & (cx->b_GENERIC | cx->b_NUMWORD)) && (fc & 3)) {
            int d = (int)(fc & 3); /* isdemonym(k, fc, true) */
            demonym = d == 1 || d == 2 || (nextwrd(x, re + 1, &wa) && !capitalw(u, x, &wa));
        }
        if (!acro && ((fc & (cx->b_GENERIC | cx->b_NUMWORD)) || demonym)) NOCAND();
        if (fc & 4) NOCAND();                                                 /* a digit */
        if (BYTE(x, e) == 's' && capsto(x, s, e - 1) && e - s >= 2) NOCAND(); /* "NGOs" */
        if (fc & cx->b_PLATFORM) {
            if ((prevwrd(x, s, 1, &wb) && LOWIN(MEDIUM_BEFORE, &wb)) ||
                (nextwrd(x, re + 1, &wa) && LOWIN(MEDIUM_AFTER, &wa)))
                NOCAND();
        }
    } else {
        int all = 1;
        for (lua_Integer q = k; q <= last; q++)
            if (!(CL(q) & (cx->b_GENERIC | cx->b_NUMWORD))) {
                all = 0;
                break;
            }
        /* "Press Service", "Government Forces" at the start of a sentence or
           in a headline are descriptions; "the Northern Alliance" is a name,
           and so is an institution's name after "The" opening a sentence
           ("The World Health Organization said", "The European Union") */
        int lead = k > first &&
                   !(k == first + 1 && T(first)->e - T(first)->s == 2 &&
                     (BYTE(x, T(first)->s) | 32) == 't' && (BYTE(x, T(first)->s + 1) | 32) == 'h' &&
                     (BYTE(x, T(first)->s + 2) | 32) == 'e');
        if (all &&
            (init || hl || lead || !((lc & cx->b_ORG) || ((fc & cx->b_ORG) && T(k)->gp != MU_SP))))
            NOCAND();
    }
    nkind c = {K_NONE, 0, C_CAPITALISED};
    int poss = (T(last)->fl & FL_POSS) != 0, admin = 0, paren = 0, pc = 0;
    lua_Integer ce = e;
    const unsigned char *title = tls ? x->t + tls - 1 : NULL, *role = NULL;
    size_t titlel = tls ? (size_t)(tle - tls + 1) : 0, rolel = 0;
    unsigned char rolebuf[NW_MAX + 1], titlebuf[NW_MAX + 1];
    if (title) ev(&c, K_PERSON, 3, C_TITLE);
    /* what the cues read around the name (around): the word before,
       anywhere before (pw0), the byte after, the word after a blank (nw0) */
    nwrd pw0, nw0;
    int haspw0 = prevwrd(x, s, 1, &pw0);
    int after = re < x->n ? BYTE(x, re + 1) : -1;
    int hasnw0 = (after == ' ' || after == 194) && nextwrd(x, re + 1, &nw0);
    /* "the elder Kaceli", "the younger Kaceli": which of two namesakes */
    if (haspw0 && (LOWIS(&pw0, "elder") || LOWIS(&pw0, "younger"))) {
        nwrd tw;
        if (prevwrd(x, pw0.a, 1, &tw) && LOWIS(&tw, "the") && !title) {
            memcpy(titlebuf, pw0.low, pw0.len);
            title = titlebuf;
            titlel = pw0.len;
        }
    }
    /* cues inside the name */
    if (nn >= 2) {
        if ((nn == 2 || nn == 3) && keysin(L, cx->COUNTRY2, k, (int)nn, k + nn - 1))
            ev(&c, K_PLACE, 3, C_PLACE);
        if ((lc & cx->b_PLACE) || ((fc & cx->b_PREFIX) && !(lc & cx->b_ORG)))
            ev(&c, K_PLACE, 3, C_PLACE);
        for (lua_Integer q = k; q <= last; q++)
            if (CL(q) & cx->b_ORG) {
                ev(&c, K_ORG, 3, C_ORG);
                break;
            }
        if (lc & cx->b_PAPER) ev(&c, K_ORG, 2, C_ORG);
        if (lc & cx->b_OTHER) ev(&c, K_OTHER, 3, C_CAPITALISED);
        if (nn == 2 && keysin(L, cx->ORG2, k, 2, lki)) ev(&c, K_ORG, 4, C_ORG);
        if (fc & cx->b_PLACEFIRST) ev(&c, K_PLACE, 2, C_PLACE);
    } else {
        if (fc & (cx->b_COUNTRY | cx->b_ACRONYM)) ev(&c, K_PLACE, 3, C_PLACE);
        if (fc & cx->b_ORGNAME) ev(&c, K_ORG, 4, C_ORG);
        if (T(k)->fl & FL_ADJ) {
            size_t l;
            lua_rawgeti(L, lua_upvalueindex(CU_ADJ), k);
            const char *a = lua_tolstring(L, -1, &l);
            int place = a && inwset(cx->LINKED_PLACE, (const unsigned char *)a, l);
            lua_pop(L, 1);
            ev(&c, place ? K_PLACE : K_ORG, 2, C_CAPITALISED);
        }
        if (e - s >= 1 && e - s <= 4 && !(fc & cx->b_ACRONYM) && caps) ev(&c, K_ORG, 2, C_ORG);
        if (fc & cx->b_PLATFORM) ev(&c, K_ORG, 2, C_ORG);
    }
    /* the word after: a type word, a verb of speech, an apposition */
    lua_Integer ss = T(first)->ss;
    int haspw = haspw0 && s > ss && pw0.a >= ss; /* prevword(s, ss) */
    const nwrd *pw = &pw0;
    int hasnw = 0;
    if (hasnw0 && !poss) { /* (a blank between) */
        hasnw = 1;
        if (RAWIN(ADMIN, &nw0)) {
            ce = nw0.a + (lua_Integer)nw0.len - 1;
            admin = 1;
            ev(&c, K_PLACE, 4, C_PLACE);
        } else if (RAWIN(PLACE_AFTER, &nw0) || RAWIN(PLACE_VERB, &nw0)) {
            ev(&c, K_PLACE, 2, C_PLACE);
        } else if (RAWIN(SAID, &nw0) && !(haspw && LOWIN(PLACE_BEFORE, pw))) {
            ev(&c, c.str == 0 ? (caps ? K_ORG : K_PERSON) : c.kind, 2, C_CAPITALISED);
        }
    }
    if (after == ',') { /* ", a town", ", spokesman of", ", who" */
        nwrd w;
        int has = nextwrd(x, re + 2, &w);
        if (has && (RAWIS(&w, "a") || RAWIS(&w, "an") || RAWIS(&w, "the")))
            has = nextwrd(x, w.a + (lua_Integer)w.len, &w);
        for (int q = 0; q < 3; q++) {
            if (has && (RAWIN(TITLEMOD, &w) || RAWIN(ADJ_SKIP, &w)) && !RAWIN(ROLE, &w))
                has = nextwrd(x, w.a + (lua_Integer)w.len, &w);
            else
                break;
        }
        if (has) {
            if (LOWIN(ROLE, &w)) {
                ev(&c, K_PERSON, 3, C_ROLE);
                if (!role) {
                    memcpy(rolebuf, w.low, w.len);
                    role = rolebuf;
                    rolel = w.len;
                }
            } else if (LOWIN(PLACE_APPOS, &w)) {
                ev(&c, K_PLACE, 3, C_PLACE);
            } else if (LOWIN(ORG_APPOS, &w)) {
                ev(&c, K_ORG, 3, C_ORG);
            } else if (LOWIS(&w, "who")) {
                ev(&c, K_PERSON, 2, C_CAPITALISED);
            }
        }
    }
    /* the words before */
    if (haspw) {
        nwrd w2;
        lua_Integer pa = pw->a;
        if (tls) {
            /* (the title already decided) */
        } else if (LOWIN(ROLE, pw) && memcmp(pw->p, pw->low, pw->len) == 0) {
            ev(&c, K_PERSON, 3, C_ROLE);
            memcpy(rolebuf, pw->low, pw->len);
            role = rolebuf;
            rolel = pw->len;
        } else if (LOWIS(pw, "named") || LOWIS(pw, "called")) {
            ev(&c, K_PERSON, 2, C_CAPITALISED);
            if (prevwrd(x, pa, ss, &w2) && RAWIN(ROLE, &w2)) {
                role = w2.p;
                rolel = w2.len;
                ev(&c, K_PERSON, 3, C_ROLE);
            }
        } else if (LOWIS(pw, "by")) {
            if (!prevwrd(x, pa, ss, &w2) || LOWIN(CREDIT, &w2)) ev(&c, K_PERSON, 3, C_CAPITALISED);
        } else if (LOWIN(SAID_BEFORE, pw)) {
            if (LOWIN(TOLD, pw))
                ev(&c, nn == 1 ? K_ORG : K_PERSON, 1, C_CAPITALISED);
            else if (nn >= 2 || after < 0 || after == ',' || after == '.' || after == ';')
                ev(&c, K_PERSON, 2, C_CAPITALISED);
        } else if (LOWIS(pw, "to")) {
            int has = prevwrd(x, pa, ss, &w2);
            if (has && (RAWIS(&w2, "according") || RAWIS(&w2, "According")))
                ev(&c, K_PERSON, 1, C_CAPITALISED);
            else if (fromcap(x, pa))
                ev(&c, K_PLACE, 2, C_PLACE);
        } else if (LOWIS(pw, "of")) {
            int has = prevwrd(x, pa, ss, &w2);
            if ((has && (LOWIN(DIRECTION, &w2) || RAWIN(PLACE_OF, &w2))) ||
                callback(L, CU_ORGEND, pa - 2))
                ev(&c, K_PLACE, 3, C_PLACE);
        } else if (LOWIN(PLACE_BEFORE, pw)) {
            /* "in Ashraf Ghani's government" is no place; after "from" a
               person may follow too (pc) */
            if (!(nn >= 2 && poss)) {
                if (c.str < 2) pc = LOWIN(PERSON_BEFORE, pw);
                ev(&c, K_PLACE, 2, C_PLACE);
            }
        } else if (LOWIS(pw, "the")) {
            if (prevwrd(x, pa, ss, &w2) && RAWIN(PLACE_BEFORE, &w2) && hasnw &&
                RAWIN(PLACE_AFTER, &nw0))
                ev(&c, K_PLACE, 2, C_PLACE);
        }
    } else {
        lua_Integer q = charbefore(x, s);
        if (q && x->t[q - 1] == ':') { /* "Photo: X", "six villages: X, Y and Z" */
            nwrd w2;
            if (prevwrd(x, q, ss, &w2)) {
                if (LOWIN(CREDIT, &w2)) ev(&c, K_PERSON, 3, C_CAPITALISED);
                if (RAWIN(PLACE_PLURAL, &w2)) ev(&c, K_PLACE, 3, C_PLACE);
            }
        }
    }
    /* a dateline: "KABUL, Sept 7", "Seravin, 16 March 2023", "TISOVA –" */
    if ((T(first)->fl & FL_INIT) && nn <= 3) {
        int longcaps = e - s >= 3 && caps;
        if (after == ',' && longcaps) {
            ev(&c, K_PLACE, 3, C_PLACE);
        } else if (after == ',') {
            if (callback(L, CU_TIMENEAR, re + 2)) ev(&c, K_PLACE, 3, C_PLACE);
        } else if (longcaps &&
                   (dashat(x, re + 1) || (BYTE(x, re + 1) == ' ' && BYTE(x, re + 2) == '('))) {
            ev(&c, K_PLACE, 3, C_PLACE);
        }
    }
    /* "(AA)" after a name; an outlet in a dateline */
    if (after == ')' && BYTE(x, s - 1) == '(') {
        paren = 1;
        if (dashat(x, re + 2) || ((T(first)->fl & FL_INIT) && dashorcapat(x, re + 2)))
            ev(&c, K_ORG, 3, C_ORG);
    }
    if (c.str == 0 && nn >= 2 && nn <= 4) c.kind = K_PERSON, c.str = 1;
    if (k0)
        lua_pushinteger(L, k0);
    else
        lua_pushboolean(L, 0);
    lua_pushinteger(L, s);
    lua_pushinteger(L, ce);
    lua_pushinteger(L, nn);
    lua_pushinteger(L, k);
    lua_pushinteger(L, c.str);
    if (c.kind)
        lua_pushstring(L, KINDS[c.kind]);
    else
        lua_pushboolean(L, 0);
    lua_pushstring(L, CUES[c.cue]);
    if (title)
        lua_pushlstring(L, (const char *)title, titlel);
    else
        lua_pushboolean(L, 0);
    lua_pushboolean(L, init && nn == 1);
    lua_pushboolean(L, poss);
    if (role)
        lua_pushlstring(L, (const char *)role, rolel);
    else
        lua_pushboolean(L, 0);
    lua_pushboolean(L, admin);
    lua_pushboolean(L, paren);
    lua_pushboolean(L, pc);
    return 15;
#undef NOCAND
#undef T
#undef CL
}

/* classifier(sets, bits, tokenizer, TK, ADJ, lowerused, timenear, orgend):
   the classify function over these word sets (by name), bits of CL (by
   name), the tokenizer's tokens and capitals, and the scan's columns and
   callbacks. */
static int classifier(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TFUNCTION);
    luaL_checktype(L, 4, LUA_TTABLE);
    luaL_checktype(L, 5, LUA_TTABLE);
    for (int k = 6; k <= 8; k++) luaL_checktype(L, k, LUA_TFUNCTION);
    lua_settop(L, 8);
    int nsets = 0;
#define X(n) nsets++;
    CLS_SETS(X)
#undef X
    ncls *cx = lua_newuserdatauv(L, sizeof *cx, nsets); /* 9 */
    memset(cx, 0, sizeof *cx);
    int uvi = 0;
#define X(n)                                                                                       \
    if (lua_getfield(L, 1, #n) != LUA_TTABLE)                                                      \
        return luaL_error(L, "classifier: set '%s' expected", #n);                                 \
    cx->n = newwset(L, lua_gettop(L));                                                             \
    lua_setiuservalue(L, 9, ++uvi);                                                                \
    lua_pop(L, 1);
    CLS_SETS(X)
#undef X
#define X(n)                                                                                       \
    {                                                                                              \
        int ok;                                                                                    \
        lua_getfield(L, 2, #n);                                                                    \
        cx->b_##n = lua_tointegerx(L, -1, &ok);                                                    \
        if (!ok) return luaL_error(L, "classifier: bit '%s' expected", #n);                        \
        lua_pop(L, 1);                                                                             \
    }
    CLS_BITS(X)
#undef X
    lua_pushvalue(L, 9); /* CU_CLS */
    if (!lua_getupvalue(L, 3, UV_TOKS) || !luaL_testudata(L, -1, TOKS))
        return luaL_argerror(L, 3, "a tokenizer expected");
    lua_getupvalue(L, 3, UV_UPPER);
    lua_pushvalue(L, 4);
    lua_pushvalue(L, 5);
    lua_pushvalue(L, 6);
    lua_pushvalue(L, 7);
    lua_pushvalue(L, 8);
    lua_pushcclosure(L, classify, CU_N);
    return 1;
}

/* newtable(narr, nrec): a new table with room for narr array items and
   nrec other keys (a scan's tables of known size grow without rehashing). */
static int newtable(lua_State *L)
{
    lua_Integer na = luaL_checkinteger(L, 1), nr = luaL_checkinteger(L, 2);
    luaL_argcheck(L, na >= 0 && na <= (1 << 24), 1, "size out of range");
    luaL_argcheck(L, nr >= 0 && nr <= (1 << 24), 2, "size out of range");
    lua_createtable(L, (int)na, (int)nr);
    return 1;
}

/* badbyte(text): the position of the first byte of the first invalid UTF-8
   sequence of text, or nothing when it is valid (as documents are checked). */
static int badbyte(lua_State *L)
{
    size_t len, bad;
    const char *t = luaL_checklstring(L, 1, &len);
    if (sift_utf8_check(t, len, &bad)) return 0;
    lua_pushinteger(L, (lua_Integer)bad + 1);
    return 1;
}

int sift_lua_open_cname(lua_State *L)
{
    static const luaL_Reg readers[] = {{"settext", settext},
                                       {"prevword", prevword},
                                       {"nextword", nextword},
                                       {"prevchar", prevchar},
                                       {"allcapsat", allcapsat},
                                       {"around", around},
                                       {NULL, NULL}};
    lua_newtable(L);
    ntext *x = lua_newuserdatauv(L, sizeof *x, 1);
    x->t = (const unsigned char *)"";
    x->n = 0;
    luaL_setfuncs(L, readers, 1);
    luaL_newmetatable(L, TOKS);
    lua_pop(L, 1);
    lua_pushcfunction(L, tokenizer);
    lua_setfield(L, -2, "tokenizer");
    lua_pushcfunction(L, marker);
    lua_setfield(L, -2, "marker");
    lua_pushcfunction(L, gazmatches);
    lua_setfield(L, -2, "gazmatches");
    lua_pushcfunction(L, newtable);
    lua_setfield(L, -2, "newtable");
    lua_pushcfunction(L, runner);
    lua_setfield(L, -2, "runner");
    lua_pushcfunction(L, classifier);
    lua_setfield(L, -2, "classifier");
    lua_pushcfunction(L, badbyte);
    lua_setfield(L, -2, "badbyte");
    return 1;
}
