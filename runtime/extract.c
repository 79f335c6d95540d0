/*
** extract.c -- drives the Lua extractors over a store on worker threads and
** converts their records to the store's C structs. Host-side glue: it owns
** per-worker Lua states (host.c) and writes sift_quantity / sift_time arrays.
**
** The Lua side is stdlib/sift/extract.lua: extract.document(text, published)
** returns {quantities = {...}, times = {...}} with 1-based inclusive
** positions into the plain text; they are mapped to the original bytes here.
*/
#include "extract.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "limits.h"
#include "pool.h"

typedef struct {
    sift_store *st;
    const sift_opts *o;
    lua_State *states[SIFT_MAX_JOBS];
    char **errs;
} xctx;

static double num(lua_State *L, int t, const char *k)
{
    lua_getfield(L, t, k);
    double v = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN;
    lua_pop(L, 1);
    return v;
}

static int flag(lua_State *L, int t, const char *k)
{
    lua_getfield(L, t, k);
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

static void str(lua_State *L, int t, const char *k, char *buf, size_t n)
{
    size_t len = 0;
    const char *s = lua_getfield(L, t, k) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : "";
    if (len >= n) len = n - 1;
    memcpy(buf, s, len);
    buf[len] = 0;
    lua_pop(L, 1);
}

/* A "YYYY-MM-DD" field as a day number, or SIFT_NO_DAY. */
static int32_t day(lua_State *L, int t, const char *k)
{
    size_t len = 0;
    const char *s = lua_getfield(L, t, k) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : "";
    int32_t r = SIFT_NO_DAY;
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        int v[8], ok = 1;
        static const int at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
        for (int i = 0; i < 8; i++) {
            v[i] = s[at[i]] - '0';
            ok &= v[i] >= 0 && v[i] <= 9;
        }
        if (ok)
            r = sift_days(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5],
                          v[6] * 10 + v[7]);
    }
    lua_pop(L, 1);
    return r;
}

/*
** Positions of record t: 1-based inclusive plain-text s..e mapped to the
** original bytes. Returns -1 when they are out of range (a broken extractor).
*/
static int span(lua_State *L, int t, const sift_doc *d, uint32_t *start, uint32_t *end)
{
    size_t plen;
    sift_doc_plain(d, &plen);
    double s = num(L, t, "s"), e = num(L, t, "e");
    if (isnan(s) || isnan(e) || s < 1 || e < s - 1 || e > (double)plen) return -1;
    *start = (uint32_t)sift_doc_src_start(d, (size_t)s - 1);
    *end = (uint32_t)sift_doc_src_end(d, (size_t)e);
    if (*end < *start) *end = *start;
    return 0;
}

static int quantities(lua_State *L, int list, sift_doc *d)
{
    size_t n = lua_rawlen(L, list);
    d->quantities = calloc(n ? n : 1, sizeof *d->quantities);
    if (!d->quantities) return -1;
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, list, (lua_Integer)i);
        int t = lua_gettop(L);
        sift_quantity *q = &d->quantities[d->nquantities];
        if (lua_istable(L, t) && span(L, t, d, &q->start, &q->end) == 0) {
            q->value = num(L, t, "value");
            q->min = num(L, t, "min");
            q->max = num(L, t, "max");
            q->coded = num(L, t, "coded");
            q->approx = (uint8_t)flag(L, t, "approx");
            q->vague = (uint8_t)flag(L, t, "vague");
            q->ordinal = (uint8_t)flag(L, t, "ordinal");
            str(L, t, "unit", q->unit, sizeof q->unit);
            q->base = q->alt = NAN;
            if (lua_getfield(L, t, "base") == LUA_TTABLE) {
                q->base = num(L, -1, "value");
                str(L, -1, "unit", q->base_unit, sizeof q->base_unit);
            }
            lua_pop(L, 1);
            if (lua_getfield(L, t, "alt") == LUA_TTABLE &&
                span(L, lua_gettop(L), d, &q->alt_start, &q->alt_end) == 0) {
                q->alt = num(L, -1, "value");
                str(L, -1, "unit", q->alt_unit, sizeof q->alt_unit);
            }
            lua_pop(L, 1);
            d->nquantities++;
        }
        lua_pop(L, 1);
    }
    return 0;
}

static int times(lua_State *L, int list, sift_doc *d)
{
    static const char *const ANCHORS[] = {"none", "published", "dateline", "text"};
    size_t n = lua_rawlen(L, list);
    d->times = calloc(n ? n : 1, sizeof *d->times);
    if (!d->times) return -1;
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, list, (lua_Integer)i);
        int t = lua_gettop(L);
        sift_time *x = &d->times[d->ntimes];
        if (lua_istable(L, t) && span(L, t, d, &x->start, &x->end) == 0) {
            str(L, t, "value", x->value, sizeof x->value);
            str(L, t, "precision", x->precision, sizeof x->precision);
            str(L, t, "mod", x->mod, sizeof x->mod);
            x->earliest = day(L, t, "earliest");
            x->latest = day(L, t, "latest");
            char k[16];
            str(L, t, "kind", k, sizeof k);
            x->kind = !strcmp(k, "duration") ? SIFT_TIME_DURATION : SIFT_TIME_DATE;
            str(L, t, "anchor", k, sizeof k);
            for (uint8_t a = 0; a < 4; a++)
                if (!strcmp(k, ANCHORS[a])) x->anchor = a;
            x->relative = (uint8_t)flag(L, t, "relative");
            d->ntimes++;
        }
        lua_pop(L, 1);
    }
    return 0;
}

/* The worker's state, made on first use, with extract.document in the registry. */
static lua_State *state(xctx *x, int worker)
{
    if (x->states[worker]) return x->states[worker];
    sift_opts o = *x->o;
    o.timeout = 0;
    o.max_memory = 0;
    lua_State *L = sift_host_new(&o);
    if (!L) return NULL;
    lua_getglobal(L, "require");
    lua_pushliteral(L, "sift.extract");
    if (sift_host_docall(L, 1, 1) != LUA_OK) {
        sift_host_report(L);
        sift_host_close(L);
        return NULL;
    }
    lua_getfield(L, -1, "document");
    lua_setfield(L, LUA_REGISTRYINDEX, "sift.extract.document");
    lua_pop(L, 1);
    return x->states[worker] = L;
}

static void xone(void *ctx, size_t i, int worker)
{
    xctx *x = ctx;
    sift_doc *d = &x->st->docs[i];
    if (d->has_records) return; /* loaded from `sift extract` output */
    lua_State *L = state(x, worker);
    char msg[512];
    if (!L) {
        snprintf(msg, sizeof msg, "%s: error: the extractors did not load", d->path);
        x->errs[i] = strdup(msg);
        return;
    }
    size_t plen;
    const char *plain = sift_doc_plain(d, &plen);
    lua_getfield(L, LUA_REGISTRYINDEX, "sift.extract.document");
    lua_pushlstring(L, plain, plen);
    if (d->published)
        lua_pushstring(L, d->published);
    else
        lua_pushnil(L);
    if (sift_host_docall(L, 2, 1) != LUA_OK) {
        snprintf(msg, sizeof msg, "%s: error: extraction failed: %s", d->path,
                 lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
        x->errs[i] = strdup(msg);
        lua_settop(L, 0);
        return;
    }
    int r = lua_gettop(L), bad = 0;
    if (lua_getfield(L, r, "quantities") == LUA_TTABLE) bad |= quantities(L, lua_gettop(L), d);
    lua_pop(L, 1);
    if (lua_getfield(L, r, "times") == LUA_TTABLE) bad |= times(L, lua_gettop(L), d);
    lua_settop(L, 0);
    if (bad) {
        snprintf(msg, sizeof msg, "%s: error: out of memory during extraction", d->path);
        x->errs[i] = strdup(msg);
    }
}

int sift_extract_run(sift_store *st, const sift_opts *o)
{
    if (st->extracted) return 0;
    st->extracted = 1;
    xctx *x = calloc(1, sizeof *x);
    if (!x) return -1;
    x->st = st;
    x->o = o;
    x->errs = calloc(st->ndocs ? st->ndocs : 1, sizeof(char *));
    if (!x->errs) {
        free(x);
        return -1;
    }
    sift_pool_run(o->jobs, st->ndocs, xone, x);
    int rc = 0;
    for (size_t i = 0; i < st->ndocs; i++)
        if (x->errs[i]) {
            fprintf(stderr, "%s\n", x->errs[i]);
            free(x->errs[i]);
            rc = -1;
        }
    for (int w = 0; w < SIFT_MAX_JOBS; w++) sift_host_close(x->states[w]);
    free(x->errs);
    free(x);
    return rc;
}
