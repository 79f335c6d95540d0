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
*** @function cname.badbyte(text)         the first byte of the first invalid UTF-8 sequence, or nil
*** @function cname.tokenizer(upper, sets) a function (text, keys, key, TS, TE, RE, TK, POSS,
***                                        ADJ) -> n that fills the token columns of step 1
***                                        of a scan (name.lua) and returns how many tokens
**
** The readers' definitions are the LPeg patterns of name.lua (rwordat,
** wordat, rblanks, capsat): tests/lua/grammar_name_test.lua compares the two
** at every position of tricky texts. The tokenizer's definition is the
** LPeg scanner and the Lua token loop kept in tests/lua/name_tokens_test.lua.
*/
#include "lua_common.h"
#include "utf8.h"

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
** apostrophes and hyphens cut.
*/
static int prevword(lua_State *L)
{
    const ntext *x = TEXT();
    lua_Integer pos = luaL_checkinteger(L, 1), limit = luaL_checkinteger(L, 2);
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

/* nextword(pos): wordat: blanks, then letters and digits with inner joiners. */
static int nextword(lua_State *L)
{
    const ntext *x = TEXT();
    lua_Integer pos = luaL_checkinteger(L, 1);
    if (pos < 1) return luaL_argerror(L, 1, "position out of range");
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
    lua_pushinteger(L, a);
    lua_pushinteger(L, i - 1);
    lua_pushlstring(L, (const char *)x->t + a - 1, (size_t)(i - a));
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

/* allcapsat(s, e): capsat (a capital, then capitals and dots) from s ends at e. */
static int allcapsat(lua_State *L)
{
    const ntext *x = TEXT();
    lua_Integer s = luaL_checkinteger(L, 1), e = luaL_checkinteger(L, 2);
    int ok = 0;
    /* (a run inside the text; s + 1 and e + 1 cannot overflow) */
    if (s >= 1 && s <= e && e <= x->n && isupperb(BYTE(x, s))) {
        lua_Integer i = s + 1;
        for (int c; (c = BYTE(x, i)) == '.' || isupperb(c);) i++;
        ok = i == e + 1;
    }
    lua_pushboolean(L, ok);
    return 1;
}

/* ------------------------------------------------------------ tokens */

/* The tokenizer's upvalues: the capitals beyond ASCII (second bytes by lead
   byte 192-223), then the word sets. */
typedef struct {
    unsigned char up[32][64];
} nupper;

enum { UV_UPPER = 1, UV_HPREFIX, UV_HYPHEN_END, UV_LINKED, UV_ABBR, UV_HYPHEN_PARTICLE, UV_N };

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
** tokens(text, keys, key, TS, TE, RE, TK, POSS, ADJ): step 1 of a scan up to
** the keys (name.lua): every capitalised word the scanner finds, its
** possessive cut, a hyphen prefix, a linked adjective or an era word, an
** abbreviation's dot and a particle before a hyphen handled; a kept token's
** start, name end, written end, key (keys[word], else key(word)),
** possessive flag and adjective go to row n of the columns. Returns n.
*/
static int tokens(lua_State *L)
{
    size_t len;
    const char *str = luaL_checklstring(L, 1, &len);
    luaL_checktype(L, 2, LUA_TTABLE);
    for (int k = 4; k <= 9; k++) luaL_checktype(L, k, LUA_TTABLE);
    const nupper *u = lua_touserdata(L, lua_upvalueindex(UV_UPPER));
    ntext tx = {(const unsigned char *)str, (lua_Integer)len}, *x = &tx;
    const unsigned char *t = x->t;
    lua_Integer N = x->n, n = 0;
    for (lua_Integer i = 1; i <= N; i++) {
        int c0 = t[i - 1];
        if (!capstart(c0)) continue;
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
        lua_pushlstring(L, (const char *)t + s - 1, (size_t)(e - s + 1));
        lua_pushvalue(L, -1);
        if (lua_rawget(L, 2) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushvalue(L, 3);
            lua_pushvalue(L, -2);
            lua_call(L, 1, 1);
        }
        lua_rawseti(L, 7, n);
        lua_pop(L, 1);
        lua_pushinteger(L, s);
        lua_rawseti(L, 4, n);
        lua_pushinteger(L, e);
        lua_rawseti(L, 5, n);
        lua_pushinteger(L, re);
        lua_rawseti(L, 6, n);
        lua_pushboolean(L, poss);
        lua_rawseti(L, 8, n);
        if (adj)
            lua_pushlstring(L, (const char *)adj, adjl);
        else
            lua_pushnil(L);
        lua_rawseti(L, 9, n);
    }
    lua_pushinteger(L, n);
    return 1;
}

/* tokenizer(upper, hprefix, hyphen_end, linked, abbr, hyphen_particle):
   the tokens function over these capitals (a string of two-byte
   characters) and word sets. */
static int tokenizer(lua_State *L)
{
    size_t len;
    const char *up = luaL_checklstring(L, 1, &len);
    for (int k = 2; k < UV_N; k++) luaL_checktype(L, k, LUA_TTABLE);
    lua_settop(L, UV_N - 1);
    nupper *u = lua_newuserdatauv(L, sizeof *u, 0);
    memset(u, 0, sizeof *u);
    for (size_t k = 0; k + 1 < len; k += 2) {
        unsigned char a = (unsigned char)up[k], b = (unsigned char)up[k + 1];
        luaL_argcheck(L, a >= 192 && a <= 223 && iscont(b), 1, "two-byte characters expected");
        u->up[a - 192][b - 128] = 1;
    }
    lua_replace(L, 1);
    lua_pushcclosure(L, tokens, UV_N - 1);
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
    static const luaL_Reg readers[] = {{"settext", settext},     {"prevword", prevword},
                                       {"nextword", nextword},   {"prevchar", prevchar},
                                       {"allcapsat", allcapsat}, {NULL, NULL}};
    lua_newtable(L);
    ntext *x = lua_newuserdatauv(L, sizeof *x, 1);
    x->t = (const unsigned char *)"";
    x->n = 0;
    luaL_setfuncs(L, readers, 1);
    lua_pushcfunction(L, tokenizer);
    lua_setfield(L, -2, "tokenizer");
    lua_pushcfunction(L, badbyte);
    lua_setfield(L, -2, "badbyte");
    return 1;
}
