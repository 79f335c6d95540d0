/*
** extract.c -- drives the Lua extractors over a store on worker threads and
** converts their records to the store's C structs. Host-side glue: it owns
** per-worker Lua states (host.c) and writes sift_quantity / sift_time arrays.
**
** The Lua side is stdlib/sift/extract.lua: extract.document(text, info)
** returns {quantities = {...}, times = {...}, ...} with 1-based inclusive
** positions into the plain text; they are mapped to the original bytes here.
**
** User extractors (sift.extractor) are Lua functions, which cannot cross
** states: what crosses is the file that defines them. A script's call
** registers its file with the corpora of its state (the registry's
** "sift.extract.files" and "sift.extract.corpora"); the manifest lists its
** own (load.c). Each worker state loads every file of st->xfiles in
** "worker mode", where sift.extractor only adds to that state's
** sift.extract and stops the file after its last definition.
*/
#include "extract.h"

#include <lauxlib.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "limits.h"
#include "lua_common.h"
#include "pool.h"

typedef struct {
    sift_store *st;
    const sift_opts *o;
    lua_State *states[SIFT_MAX_JOBS];
    char *werr[SIFT_MAX_JOBS]; /* why a worker's state did not load, or NULL */
    char **errs;               /* per document: an error message, or NULL */
    uint8_t *user;             /* per document: the error came from a user extractor */
    pthread_mutex_t loading;   /* one worker state is built at a time */
    sift_extract_sink sink;    /* or NULL */
    void *sinkctx;
} xctx;

/* The error value that ends an extractor file after its last sift.extractor call. */
static const char STOP = 0;

/* Extraction errors printed before the rest are only counted (a user
** extractor that fails on every document of a large corpus). */
#define MAX_ERRORS 10

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

/* A string field as a malloc'd copy, or NULL. */
static char *dupfield(lua_State *L, int t, const char *k)
{
    size_t len;
    char *r = NULL;
    if (lua_getfield(L, t, k) == LUA_TSTRING) {
        const char *v = lua_tolstring(L, -1, &len);
        r = strndup(v, len);
    }
    lua_pop(L, 1);
    return r;
}

/* Positions of a sub-span given as fields sk/ek (claimant_s, claimant_e), or 0, 0. */
static void subspan(lua_State *L, int t, const sift_doc *d, const char *sk, const char *ek,
                    uint32_t *start, uint32_t *end)
{
    size_t plen;
    sift_doc_plain(d, &plen);
    double s = num(L, t, sk), e = num(L, t, ek);
    *start = *end = 0;
    if (isnan(s) || isnan(e) || s < 1 || e < s || e > (double)plen) return;
    *start = (uint32_t)sift_doc_src_start(d, (size_t)s - 1);
    *end = (uint32_t)sift_doc_src_end(d, (size_t)e);
}

/*
** A string field as the id of the store's shared copy: SIFT_STR_EMPTY when
** absent, SIFT_STR_NONE when out of memory.
*/
static uint32_t istr(lua_State *L, int t, const char *k, sift_store *st, sift_strcache *c)
{
    size_t len = 0;
    const char *s = lua_getfield(L, t, k) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : "";
    uint32_t r = sift_store_intern_cached(st, c, s, len);
    lua_pop(L, 1);
    return r;
}

static int mentions(lua_State *L, int list, sift_doc *d, sift_store *st)
{
    size_t n = lua_rawlen(L, list);
    d->mentions = calloc(n ? n : 1, sizeof *d->mentions);
    if (!d->mentions) return -1;
    sift_strcache c = {0}; /* a document's mentions repeat a few kinds, sides, cues */
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, list, (lua_Integer)i);
        int t = lua_gettop(L);
        sift_mention *m = &d->mentions[d->nmentions];
        if (lua_istable(L, t) && span(L, t, d, &m->start, &m->end) == 0) {
            m->entity = -1;
            m->kind = istr(L, t, "kind", st, &c);
            m->side = istr(L, t, "side", st, &c);
            m->cue = istr(L, t, "cue", st, &c);
            m->role = istr(L, t, "role", st, &c);
            m->title = istr(L, t, "title", st, &c);
            m->decl = lua_getfield(L, t, "decl") == LUA_TSTRING ? istr(L, t, "decl", st, &c)
                                                                : SIFT_STR_NONE;
            lua_pop(L, 1);
            if (!m->kind || !m->side || !m->cue || !m->role || !m->title) return -1;
            d->nmentions++;
        }
        lua_pop(L, 1);
    }
    return 0;
}

static int claims(lua_State *L, int list, sift_doc *d)
{
    size_t n = lua_rawlen(L, list);
    d->claims = calloc(n ? n : 1, sizeof *d->claims);
    if (!d->claims) return -1;
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, list, (lua_Integer)i);
        int t = lua_gettop(L);
        sift_claim *c = &d->claims[d->nclaims];
        char k[16];
        if (lua_istable(L, t) && span(L, t, d, &c->start, &c->end) == 0) {
            str(L, t, "kind", c->kind, sizeof c->kind);
            str(L, t, "category", c->category, sizeof c->category);
            double q = num(L, t, "quantity"), tm = num(L, t, "time");
            c->quantity = isnan(q) || q < 1 ? -1 : (int32_t)q - 1;
            c->time = isnan(tm) || tm < 1 ? -1 : (int32_t)tm - 1;
            c->value = num(L, t, "value");
            c->min = num(L, t, "min");
            c->max = num(L, t, "max");
            c->vague = (uint8_t)flag(L, t, "vague");
            c->hedged = (uint8_t)flag(L, t, "hedged");
            str(L, t, "polarity", k, sizeof k);
            c->deny = !strcmp(k, "deny");
            c->subject = dupfield(L, t, "subject");
            c->claimant = dupfield(L, t, "claimant");
            c->place = dupfield(L, t, "place");
            c->extent = dupfield(L, t, "extent");
            str(L, t, "subject_side", c->subject_side, sizeof c->subject_side);
            str(L, t, "claimant_side", c->claimant_side, sizeof c->claimant_side);
            str(L, t, "holder_side", c->holder_side, sizeof c->holder_side);
            str(L, t, "cue", c->cue, sizeof c->cue);
            str(L, t, "action", c->action, sizeof c->action);
            subspan(L, t, d, "claimant_s", "claimant_e", &c->claimant_start, &c->claimant_end);
            subspan(L, t, d, "place_s", "place_e", &c->place_start, &c->place_end);
            c->claimant_entity = c->place_entity = -1;
            d->nclaims++;
        }
        lua_pop(L, 1);
    }
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

/* {sides = {...}, declared = {...}}: the manifest, as corpus:sides() and corpus:declared() give it.
 */
static void pushconfig(lua_State *L, const sift_store *st)
{
    lua_createtable(L, 0, 2);
    sift_lua_pushsides(L, st);
    lua_setfield(L, -2, "sides");
    sift_lua_pushdecls(L, st);
    lua_setfield(L, -2, "declared");
}

/* ------------------------------------------------------- extractor files */

static int noop(lua_State *L)
{
    (void)L;
    return 0;
}

/*
** Load extractor file xf into L, a state in worker mode: its sift.extractor
** calls add to L's sift.extract, and the call numbered xf->count (when
** nonzero) ends the file, so what a script does after its definitions
** (reading `corpus`, printing) does not run here. print and io.write are
** muted meanwhile: a worker repeats the top of the file, not its output.
** Returns LUA_OK (with *n, the number of definitions) or an error status
** with the message on the stack.
*/
static int loadxfile(lua_State *L, const sift_xfile *xf, int *n)
{
    lua_pushinteger(L, 0);
    lua_setfield(L, LUA_REGISTRYINDEX, "sift.extract.count");
    lua_pushinteger(L, xf->count);
    lua_setfield(L, LUA_REGISTRYINDEX, "sift.extract.target");
    int base = lua_gettop(L);
    lua_getglobal(L, "print");
    lua_getglobal(L, "io");
    int hasio = lua_istable(L, base + 2);
    lua_pushnil(L);
    if (hasio) {
        lua_getfield(L, base + 2, "write");
        lua_replace(L, base + 3); /* [print, io, write] */
        lua_pushcfunction(L, noop);
        lua_setfield(L, base + 2, "write");
    }
    lua_pushcfunction(L, noop);
    lua_setglobal(L, "print");
    int st = luaL_loadfilex(L, xf->path, sift_host_get(L)->opts.unsafe ? NULL : "t");
    if (st == LUA_OK) st = lua_pcall(L, 0, 0, 0);
    if (st != LUA_OK && lua_touserdata(L, -1) == &STOP) {
        lua_pop(L, 1);
        st = LUA_OK;
    }
    if (st != LUA_OK && !lua_isstring(L, -1)) {
        lua_pop(L, 1);
        lua_pushfstring(L, "%s: the file raised a non-string error", xf->path);
    }
    if (hasio) {
        lua_pushvalue(L, base + 3);
        lua_setfield(L, base + 2, "write");
    }
    lua_pushvalue(L, base + 1);
    lua_setglobal(L, "print");
    if (st != LUA_OK) lua_replace(L, base + 1); /* the message */
    lua_settop(L, st != LUA_OK ? base + 1 : base);
    lua_getfield(L, LUA_REGISTRYINDEX, "sift.extract.count");
    *n = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    return st;
}

/* A state with the sandbox and no limits: the host's own work, not a
** script's; pooled (sift_host_new_pooled) for the workers, whose garbage
** is millions of small blocks, not for resolution, whose memory must
** shrink between its steps. */
static lua_State *newstate(const sift_opts *opts, int pooled)
{
    sift_opts o = *opts;
    o.timeout = 0;
    o.max_memory = 0;
    return pooled ? sift_host_new_pooled(&o) : sift_host_new(&o);
}

/* A state for loading extractor files: the sandbox, sift.extract set up, worker mode. */
static lua_State *newworker(const sift_opts *opts, const sift_store *st)
{
    lua_State *L = newstate(opts, 1);
    if (!L) return NULL;
    lua_pushboolean(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "sift.extract.worker");
    lua_getglobal(L, "require");
    lua_pushliteral(L, "sift.extract");
    if (sift_host_docall(L, 1, 1) != LUA_OK) {
        sift_host_report(L);
        sift_host_close(L);
        return NULL;
    }
    lua_getfield(L, -1, "setup");
    pushconfig(L, st);
    if (sift_host_docall(L, 1, 0) != LUA_OK) {
        sift_host_report(L);
        sift_host_close(L);
        return NULL;
    }
    lua_getfield(L, -1, "document");
    lua_setfield(L, LUA_REGISTRYINDEX, "sift.extract.document");
    lua_pop(L, 1);
    return L;
}

int sift_extract_check(sift_store *st, const sift_opts *o)
{
    size_t listed = 0;
    for (size_t i = 0; i < st->nxfiles; i++) listed += st->xfiles[i].where != NULL;
    if (listed == 0) return 0;
    lua_State *L = newworker(o, st);
    if (!L) return -1;
    int rc = 0;
    for (size_t i = 0; i < st->nxfiles; i++) {
        sift_xfile *xf = &st->xfiles[i];
        int n = 0;
        if (!xf->where) continue;
        if (loadxfile(L, xf, &n) != LUA_OK) {
            fprintf(stderr, "%s: error: extractor %s did not load: %s\n", xf->where, xf->path,
                    lua_tostring(L, -1));
            lua_pop(L, 1);
            rc = -1;
        } else if (n == 0) {
            if (!o->quiet)
                fprintf(stderr,
                        "%s: warning: %s defines no extractor (no sift.extractor{...} call)\n",
                        xf->where, xf->path);
        } else {
            xf->count = n;
        }
    }
    sift_host_close(L);
    return rc;
}

/*
** Add extractor file `path` (count definitions so far) to st: a script's
** file that the store already has is updated; one the manifest lists is
** not loaded twice.
*/
static int addxfile(sift_store *st, const char *path, int count)
{
    char *real = realpath(path, NULL);
    for (size_t i = 0; i < st->nxfiles; i++) {
        sift_xfile *xf = &st->xfiles[i];
        char *r = real ? realpath(xf->path, NULL) : NULL;
        int same = !strcmp(xf->path, path) || (r && !strcmp(r, real));
        free(r);
        if (!same) continue;
        if (!xf->where) xf->count = count;
        free(real);
        return 0;
    }
    free(real);
    sift_xfile *v = realloc(st->xfiles, (st->nxfiles + 1) * sizeof *v);
    if (!v) return -1;
    st->xfiles = v;
    v[st->nxfiles] = (sift_xfile){strdup(path), NULL, count};
    if (!v[st->nxfiles].path) return -1;
    st->nxfiles++;
    return 0;
}

/* The registry table `name`, made on first use; weak keys when `weak`. */
static void pushsubtable(lua_State *L, const char *name, int weak)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, name) == LUA_TTABLE) return;
    lua_pop(L, 1);
    lua_newtable(L);
    if (weak) {
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, name);
}

void sift_extract_adopt(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    sift_store *st = sift_lua_checkcorpus(L, idx)->st;
    pushsubtable(L, "sift.extract.corpora", 1);
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    pushsubtable(L, "sift.extract.files", 0); /* [corpora, files] */
    for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TSTRING; i++) {
        lua_pushvalue(L, -1);
        lua_rawget(L, -3);
        if (st && addxfile(st, lua_tostring(L, -2), (int)lua_tointeger(L, -1)) != 0)
            luaL_error(L, "not enough memory");
        lua_pop(L, 2);
    }
    lua_pop(L, 3);
}

/* Raise an error located at the caller of sift.extractor (two levels up). */
static int errup(lua_State *L, const char *fmt, const char *a, const char *b)
{
    luaL_where(L, 2);
    lua_pushfstring(L, fmt, a, b);
    lua_concat(L, 2);
    return lua_error(L);
}

/* The first corpus of the state whose records were already extracted, or NULL. */
static const char *extracted(lua_State *L, int corpora)
{
    lua_pushnil(L);
    while (lua_next(L, corpora)) {
        lua_pop(L, 1);
        const sift_store *st = sift_lua_checkcorpus(L, -1)->st;
        if (st && st->extracted) {
            lua_pop(L, 1);
            return st->name ? st->name : "corpus";
        }
    }
    return NULL;
}

/*
** core._extractor(name) -> "file:line", stop -- the bookkeeping of
** sift.extractor (stdlib/sift/init.lua). In a worker state it counts the
** definition; stop says the file's last one is done. In a script's state
** it registers the calling file with every corpus of the state, which
** must not have been extracted yet.
*/
static int registerx(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    lua_Debug ar;
    const char *src = "=?";
    int line = 0;
    if (lua_getstack(L, 2, &ar) && lua_getinfo(L, "Sl", &ar)) {
        src = ar.source;
        line = ar.currentline;
    }
    lua_pushfstring(L, "%s:%d", *src == '@' || *src == '=' ? src + 1 : "?", line);
    if (lua_getfield(L, LUA_REGISTRYINDEX, "sift.extract.worker") != LUA_TNIL) {
        lua_getfield(L, LUA_REGISTRYINDEX, "sift.extract.count");
        lua_Integer n = lua_tointeger(L, -1) + 1;
        lua_getfield(L, LUA_REGISTRYINDEX, "sift.extract.target");
        lua_Integer target = lua_tointeger(L, -1);
        lua_pop(L, 3);
        lua_pushinteger(L, n);
        lua_setfield(L, LUA_REGISTRYINDEX, "sift.extract.count");
        lua_pushboolean(L, target > 0 && n >= target);
        return 2;
    }
    lua_pop(L, 1);
    if (*src != '@')
        return errup(L,
                     "sift.extractor: extractor '%s' must be defined in a Lua file (a script, a "
                     "--rules file or a manifest's extractor)%s",
                     name, "");
    const char *path = src + 1;
    pushsubtable(L, "sift.extract.corpora", 1);
    int corpora = lua_gettop(L);
    if (extracted(L, corpora)) {
        lua_gc(L, LUA_GCCOLLECT); /* corpora nobody holds may still be keys */
        const char *late = extracted(L, corpora);
        if (late)
            return errup(L,
                         "sift.extractor: extractor '%s' comes too late: the records of '%s' "
                         "were already extracted (define extractors before the first use of "
                         "claims, quantities, times or entities)",
                         name, late);
    }
    pushsubtable(L, "sift.extract.files", 0);
    int files = lua_gettop(L);
    lua_getfield(L, files, path);
    lua_Integer n = lua_tointeger(L, -1) + 1;
    lua_pop(L, 1);
    if (n == 1) {
        lua_pushstring(L, path);
        lua_rawseti(L, files, (lua_Integer)lua_rawlen(L, files) + 1);
    }
    lua_pushinteger(L, n);
    lua_setfield(L, files, path);
    lua_pushnil(L);
    while (lua_next(L, corpora)) {
        lua_pop(L, 1);
        sift_store *st = sift_lua_checkcorpus(L, -1)->st;
        if (st && addxfile(st, path, (int)n) != 0) return luaL_error(L, "not enough memory");
    }
    lua_settop(L, 2);
    lua_pushboolean(L, 0);
    return 2;
}

void sift_extract_lua_open(lua_State *L, int core)
{
    core = lua_absindex(L, core);
    lua_pushcfunction(L, registerx);
    lua_setfield(L, core, "_extractor");
    lua_pushlightuserdata(L, (void *)&STOP);
    lua_setfield(L, core, "_extractor_stop");
}

/*
** The worker's state, made on first use: sift.extract set up with the
** manifest, then the user extractor files loaded. A state that fails says
** why once (x->werr) and the worker extracts nothing more.
*/
/* Build worker w's state (with x->loading held). */
static lua_State *build(xctx *x, int worker)
{
    lua_State *L = newworker(x->o, x->st);
    if (!L) {
        x->werr[worker] = strdup("sift: error: the extractors did not load");
        return NULL;
    }
    for (size_t i = 0; i < x->st->nxfiles; i++) {
        int n;
        if (loadxfile(L, &x->st->xfiles[i], &n) != LUA_OK) {
            const char *m = lua_tostring(L, -1);
            size_t len = strlen(m) + 64;
            x->werr[worker] = malloc(len);
            if (x->werr[worker])
                snprintf(x->werr[worker], len, "sift: error: extractor file: %s", m);
            sift_host_close(L);
            return NULL;
        }
    }
    /* Building the grammars leaves tens of megabytes of garbage (every LPeg
    ** composition is a new pattern) that the collector, paced by the heap it
    ** has seen, would keep for hundreds of documents. Collect it before the
    ** first one, twice: patterns have finalizers, and an object with a
    ** finalizer is freed only by the cycle after the one that finalized it. */
    lua_gc(L, LUA_GCCOLLECT);
    lua_gc(L, LUA_GCCOLLECT);
    return L;
}

/*
** Worker w's state, built on first use. States are built one at a time:
** building one peaks at several times what it keeps, and workers building
** together would add those peaks up; the first worker extracts while the
** next one builds.
*/
static lua_State *state(xctx *x, int worker)
{
    if (x->states[worker] || x->werr[worker]) return x->states[worker];
    pthread_mutex_lock(&x->loading);
    x->states[worker] = build(x, worker);
    pthread_mutex_unlock(&x->loading);
    return x->states[worker];
}

/* info = {id, source, kind, published, sentences = {{s, e, kind}}} for extract.document. */
static void pushinfo(lua_State *L, const sift_doc *d)
{
    lua_createtable(L, 0, 5);
    const char *k[] = {"id", "source", "kind", "published"};
    const char *v[] = {d->id, d->source, d->kind, d->published};
    for (int i = 0; i < 4; i++) {
        if (!v[i]) continue;
        lua_pushstring(L, v[i]);
        lua_setfield(L, -2, k[i]);
    }
    sift_lua_pushplainsents(L, d);
    lua_setfield(L, -2, "sentences");
}

static void xone(void *ctx, size_t i, int worker)
{
    xctx *x = ctx;
    sift_doc *d = &x->st->docs[i];
    if (d->has_records) { /* loaded from `sift extract` output */
        if (x->sink) x->sink(x->sinkctx, d, i, worker);
        return;
    }
    lua_State *L = state(x, worker);
    char msg[1024];
    if (!L) return; /* x->werr[worker] says why */
    size_t plen;
    const char *plain = sift_doc_plain(d, &plen);
    lua_getfield(L, LUA_REGISTRYINDEX, "sift.extract.document");
    lua_pushlstring(L, plain, plen);
    pushinfo(L, d);
    if (sift_host_docall(L, 2, 2) != LUA_OK) {
        snprintf(msg, sizeof msg, "%s: error: extraction failed: %s", d->path,
                 lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
        x->errs[i] = strdup(msg);
        lua_settop(L, 0);
        return;
    }
    if (lua_isstring(L, -1)) { /* a user extractor raised: its claims are dropped */
        snprintf(msg, sizeof msg, "%s: error: %s", d->path, lua_tostring(L, -1));
        x->errs[i] = strdup(msg);
        x->user[i] = 1;
    }
    lua_pop(L, 1);
    int r = lua_gettop(L), bad = 0;
    if (lua_getfield(L, r, "quantities") == LUA_TTABLE) bad |= quantities(L, lua_gettop(L), d);
    lua_pop(L, 1);
    if (lua_getfield(L, r, "times") == LUA_TTABLE) bad |= times(L, lua_gettop(L), d);
    lua_pop(L, 1);
    if (lua_getfield(L, r, "mentions") == LUA_TTABLE) bad |= mentions(L, lua_gettop(L), d, x->st);
    lua_pop(L, 1);
    if (lua_getfield(L, r, "claims") == LUA_TTABLE) bad |= claims(L, lua_gettop(L), d);
    lua_settop(L, 0);
    if (x->st->records_only) { /* nothing reads them again: room for resolution */
        free(d->sents);
        free(d->paras);
        sift_plain_free(&d->plain);
        d->sents = NULL;
        d->paras = NULL;
        d->nsents = d->nparas = 0;
    }
    if (bad) {
        snprintf(msg, sizeof msg, "%s: error: out of memory during extraction", d->path);
        free(x->errs[i]);
        x->errs[i] = strdup(msg);
        x->user[i] = 0;
    }
    if (x->sink) x->sink(x->sinkctx, d, i, worker);
}

/*
** Hand the heap's free pages back to the system. Freeing a state, or the
** garbage between resolution's steps, leaves tens of megabytes of holes
** between live blocks, which the C library keeps resident and the next
** step, needing blocks of other sizes, does not fill.
*/
static void trim(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/* opts.collect of sift.resolve: a full collection, then trim. */
static int collect(lua_State *L)
{
    lua_gc(L, LUA_GCCOLLECT);
    trim();
    return 0;
}

/* opts.assigns of sift.resolve: assigns(n, E, W, count) records the entity
** E[j] (1-based) and reason W[j] of mention n + j - 1 in res (upvalue 1: a
** sift_resolved array of upvalue 2 slots), for j = 1 to count, as
** resolution decides them; upvalue 3 is a sift_strcache (a run of mentions
** often shares one reason). A call a block of mentions, not one a mention:
** a call from Lua to C costs about as much as resolution's other work on a
** mention there. */
static int assigns(lua_State *L)
{
    sift_resolved *res = lua_touserdata(L, lua_upvalueindex(1));
    sift_store *st = lua_touserdata(L, lua_upvalueindex(2));
    sift_strcache *c = lua_touserdata(L, lua_upvalueindex(3));
    lua_Integer n = luaL_checkinteger(L, 1), count = luaL_checkinteger(L, 4);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    if (count < 0 || n < 1 || (lua_Unsigned)n > st->nresolved ||
        (lua_Unsigned)count > st->nresolved - (lua_Unsigned)(n - 1))
        return luaL_error(L, "no mentions %I to %I", n, n + count - 1);
    for (lua_Integer j = 1; j <= count; j++) {
        int isnum;
        lua_rawgeti(L, 2, j);
        lua_Integer e = lua_tointegerx(L, -1, &isnum);
        if (!isnum) return luaL_error(L, "bad entity of mention %I", n + j - 1);
        size_t wlen;
        lua_rawgeti(L, 3, j);
        const char *why = lua_tolstring(L, -1, &wlen);
        if (!why) return luaL_error(L, "bad reason of mention %I", n + j - 1);
        sift_resolved *r = &res[n + j - 2];
        r->entity = e < 1 || e > INT32_MAX ? -1 : (int32_t)(e - 1);
        r->why = sift_store_intern_cached(st, c, why, wlen);
        lua_pop(L, 2);
    }
    return 0;
}

/* ------------------------------------------------------ resolution's texts */

/*
** The mentions' texts for sift.resolve's steps 1 and 2 (cols.textgroups and
** cols.textnodes): each mention's text as an index into the corpus's
** distinct texts, numbered in order of first mention, and the runs of one
** document. Those steps then work a text or a node at a time in Lua; the
** walks over every mention are here, over C arrays. A corpus has millions
** of mentions and thousands to hundreds of thousands of distinct texts.
*/
/* free the n pointers of p; FREEALL(a, b, ...) frees a, b, ... */
static void freeall(void *const *p, size_t n)
{
    for (size_t i = 0; i < n; i++) free(p[i]);
}
#define FREEALL(...)                                                                               \
    freeall((void *[]){__VA_ARGS__}, sizeof((void *[]){__VA_ARGS__}) / sizeof(void *))

typedef struct {
    size_t n;               /* mentions */
    uint32_t *tid;          /* per mention: its text (0-based) */
    unsigned char *kind;    /* per mention: its kind code (0: none), the host's kindcode */
    size_t ntexts, tcap;    /* distinct texts, and room */
    uint32_t *tfirst;       /* per text: its first mention (0-based) */
    size_t *toff;           /* per text: its bytes in arena (tlen of them) */
    uint32_t *tlen, *thash; /* per text: its length and hash */
    char *arena;
    size_t used, acap;
    uint32_t *slot; /* open addressing: text + 1, 0 for an empty slot */
    size_t nslot;   /* a power of 2, at least twice ntexts */
    uint32_t *runfirst;
    size_t nruns, runcap;
    unsigned char kp[256]; /* kind code -> its place (textgroups' KP) */
    int kinds;             /* textgroups has filled kp */
    unsigned char *side;   /* per mention: its side, 0 for none, else c: sides[c - 1] */
    uint32_t sides[255];   /* the sides (store string ids) */
    int nsides;            /* sides, or 256 when there are more (spellings is not offered) */
    uint32_t *nfirst;      /* per node: its first mention, from textnodes */
    size_t nn;             /* nodes */
} rtexts;

/* the texts' bytes and hash go (textgroups and textnodes are done); the
** mentions' texts, kinds, sides and runs stay, and the nodes */
static void rtexts_freetexts(rtexts *x)
{
    FREEALL(x->tfirst, x->toff, x->tlen, x->thash, x->arena, x->slot);
    x->tfirst = x->tlen = x->thash = x->slot = NULL;
    x->toff = NULL;
    x->arena = NULL;
}

static void rtexts_free(rtexts *x)
{
    rtexts_freetexts(x);
    FREEALL(x->tid, x->runfirst, x->kind, x->side, x->nfirst);
    memset(x, 0, sizeof *x);
}

static int rtexts_gc(lua_State *L)
{
    rtexts_free(lua_touserdata(L, 1));
    return 0;
}

static uint32_t rhash(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int rtexts_grow(rtexts *x)
{
    size_t ns = x->nslot ? x->nslot * 2 : 1024;
    uint32_t *slot = calloc(ns, sizeof *slot);
    if (!slot) return -1;
    for (size_t t = 0; t < x->ntexts; t++) {
        size_t j = x->thash[t] & (ns - 1);
        while (slot[j]) j = (j + 1) & (ns - 1);
        slot[j] = (uint32_t)t + 1;
    }
    free(x->slot);
    x->slot = slot;
    x->nslot = ns;
    return 0;
}

/* The index of text s (len bytes), mention m's, added when new; -1 when out of memory. */
static long rtexts_add(rtexts *x, const char *s, size_t len, size_t m)
{
    uint32_t h = rhash(s, len);
    size_t j = h & (x->nslot - 1);
    for (uint32_t t; (t = x->slot[j]) != 0; j = (j + 1) & (x->nslot - 1)) {
        t--;
        if (x->thash[t] == h && x->tlen[t] == len && memcmp(x->arena + x->toff[t], s, len) == 0)
            return t;
    }
    if (x->ntexts == x->tcap || len > UINT32_MAX) {
        size_t c = x->tcap ? x->tcap * 2 : 256;
        uint32_t *tf = realloc(x->tfirst, c * sizeof *tf);
        if (tf) x->tfirst = tf;
        size_t *to = realloc(x->toff, c * sizeof *to);
        if (to) x->toff = to;
        uint32_t *tl = realloc(x->tlen, c * sizeof *tl);
        if (tl) x->tlen = tl;
        uint32_t *th = realloc(x->thash, c * sizeof *th);
        if (th) x->thash = th;
        if (!tf || !to || !tl || !th || len > UINT32_MAX) return -1;
        x->tcap = c;
    }
    if (x->used + len > x->acap) {
        size_t c = x->acap ? x->acap : 4096;
        while (c < x->used + len) c *= 2;
        char *a = realloc(x->arena, c);
        if (!a) return -1;
        x->arena = a;
        x->acap = c;
    }
    size_t t = x->ntexts++;
    memcpy(x->arena + x->used, s, len);
    x->toff[t] = x->used;
    x->used += len;
    x->tlen[t] = (uint32_t)len;
    x->thash[t] = h;
    x->tfirst[t] = (uint32_t)m;
    x->slot[j] = (uint32_t)t + 1;
    if (x->ntexts * 2 > x->nslot && rtexts_grow(x) != 0) return -1;
    return (long)t;
}

/* Mention m (0-based) has text s of len bytes and side side; a run of one
** document starts at it when first. 0, or -1 when out of memory. */
static int rtexts_mention(rtexts *x, size_t m, const char *s, size_t len, uint32_t side, int first)
{
    if (first) {
        if (x->nruns == x->runcap) {
            size_t c = x->runcap ? x->runcap * 2 : 256;
            uint32_t *r = realloc(x->runfirst, c * sizeof *r);
            if (!r) return -1;
            x->runfirst = r;
            x->runcap = c;
        }
        x->runfirst[x->nruns++] = (uint32_t)m;
    }
    long t = rtexts_add(x, s, len, m);
    if (t < 0) return -1;
    x->tid[m] = (uint32_t)t;
    int c = 0;
    if (side != SIFT_STR_NONE && side != SIFT_STR_EMPTY) {
        while (c < x->nsides && c < 255 && x->sides[c] != side) c++;
        if (c == x->nsides && c < 255) x->sides[x->nsides++] = side;
        if (c == 255) x->nsides = 256;
        c = c < 255 ? c + 1 : 0;
    }
    x->side[m] = (unsigned char)c;
    return 0;
}

static rtexts *checkrtexts(lua_State *L)
{
    rtexts *x = lua_touserdata(L, lua_upvalueindex(1));
    if (!x->slot) luaL_error(L, "the mentions' texts are released");
    return x;
}

/* a scratch array of n items of size sz, on the stack: the collector frees it */
static void *scratch(lua_State *L, size_t n, size_t sz)
{
    return lua_newuserdatauv(L, (n ? n : 1) * sz, 0);
}

/*
** cols.textgroups(KP, np) -> texts, first, counts: the distinct texts in
** order of first mention, the first mention of each (1-based), and the
** kinds of each text's mentions counted by place: counts[(t - 1) * np + p]
** is the number of text t's mentions whose kind code c has KP[c] == p, for
** p = 1 to np (KP[c]: 0 to np, nil as 0).
*/
static int textgroups(lua_State *L)
{
    rtexts *x = checkrtexts(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer np = luaL_checkinteger(L, 2);
    luaL_argcheck(L, np >= 1 && np <= 255, 2, "1 to 255 places expected");
    for (int c = 0; c < 256; c++) {
        lua_Integer p = lua_rawgeti(L, 1, c) == LUA_TNIL ? 0 : lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (p < 0 || p > np) return luaL_error(L, "bad place %I of kind code %d", p, c);
        x->kp[c] = (unsigned char)p;
    }
    x->kinds = 1;
    lua_createtable(L, (int)x->ntexts, 0);
    lua_createtable(L, (int)x->ntexts, 0);
    for (size_t t = 0; t < x->ntexts; t++) {
        lua_pushlstring(L, x->arena + x->toff[t], x->tlen[t]);
        lua_rawseti(L, -3, (lua_Integer)t + 1);
        lua_pushinteger(L, (lua_Integer)x->tfirst[t] + 1);
        lua_rawseti(L, -2, (lua_Integer)t + 1);
    }
    size_t nc = x->ntexts * (size_t)np;
    uint32_t *cnt = calloc(nc ? nc : 1, sizeof *cnt);
    if (!cnt) return luaL_error(L, "not enough memory");
    for (size_t m = 0; m < x->n; m++) {
        unsigned p = x->kp[x->kind[m]];
        if (p) cnt[x->tid[m] * (size_t)np + p - 1]++;
    }
    lua_createtable(L, (int)nc, 0);
    for (size_t j = 0; j < nc; j++) {
        lua_pushinteger(L, cnt[j]);
        lua_rawseti(L, -2, (lua_Integer)j + 1);
    }
    free(cnt);
    return 3;
}

/*
** cols.textnodes(CLASS, BARE, SUR, CAND, person, room) -> nodeof, first,
** lists, pairs: step 2 of sift.resolve over the mentions, after textgroups.
** CLASS[t] is text t's exact class (1 to nc); for each class c, BARE[c]
** (a boolean) whether each of its mentions is a node of its own, SUR[c]
** the number of its surname when it is a person's full name (else 0), and
** CAND[c] the number of a surname when it is a one-word class of another
** category whose mentions the text may call a person (else 0). A mention is
** a node of its own, paired with the person's node, when its kind is of
** place `person` and CAND[c] is the surname of a mention before it in its
** document (the nearest); else of its own when BARE[c]; else its class's
** node in its document, made at the class's first mention there. The nodes
** are numbered from 1 as they are made, in mention order: nodeof[m] is
** mention m's, first[id] node id's first mention (the table has room for
** `room` more), lists[c] class c's nodes but those of their own paired
** with a person, in order (false when none), and pairs lists those pairs
** (id, person, id, ...).
** Releases the texts (a second call raises an error) but keeps the nodes'
** first mentions for opts.nodeassign.
*/
static int textnodes(lua_State *L)
{
    rtexts *x = checkrtexts(L);
    for (int a = 1; a <= 4; a++) luaL_checktype(L, a, LUA_TTABLE);
    lua_Integer person = luaL_checkinteger(L, 5), room = luaL_optinteger(L, 6, 0);
    luaL_argcheck(L, room >= 0 && room <= INT_MAX / 2, 6, "0 to 2^30 more expected");
    if (!x->kinds) return luaL_error(L, "textgroups first");
    size_t nc = lua_rawlen(L, 2);
    int32_t *cls = malloc((x->ntexts ? x->ntexts : 1) * sizeof *cls);
    int32_t *sur = malloc((nc ? nc : 1) * sizeof *sur);
    int32_t *cand = malloc((nc ? nc : 1) * sizeof *cand);
    unsigned char *bare = malloc(nc ? nc : 1);
    int32_t *sn = calloc(nc ? nc : 1, sizeof *sn);  /* the class's node in the current run */
    uint32_t *sd = calloc(nc ? nc : 1, sizeof *sd); /* the run of that node, + 1 */
    int32_t *nodeof = malloc((x->n ? x->n : 1) * sizeof *nodeof);
    uint32_t *first = malloc((x->n ? x->n : 1) * sizeof *first);
    int32_t *nodecls = malloc((x->n ? x->n : 1) * sizeof *nodecls);
    int32_t *pairs = NULL;
    size_t np = 0, pcap = 0, nn = 0;
    if (!cls || !sur || !cand || !bare || !sn || !sd || !nodeof || !first || !nodecls) {
        FREEALL(cls, sur, cand, bare, sn, sd, nodeof, first, nodecls);
        return luaL_error(L, "not enough memory");
    }
    /* (no error is raised until they are freed: the lists are checked here) */
    int ok = 1;
    for (size_t t = 0; t < x->ntexts && ok; t++) {
        int isnum;
        lua_rawgeti(L, 1, (lua_Integer)t + 1);
        lua_Integer c = lua_tointegerx(L, -1, &isnum);
        lua_pop(L, 1);
        ok = isnum && c >= 1 && (size_t)c <= nc;
        cls[t] = (int32_t)c - 1;
    }
    for (size_t c = 0; c < nc && ok; c++) {
        lua_rawgeti(L, 2, (lua_Integer)c + 1);
        bare[c] = (unsigned char)lua_toboolean(L, -1);
        lua_pop(L, 1);
        int isnum;
        lua_rawgeti(L, 3, (lua_Integer)c + 1);
        lua_rawgeti(L, 4, (lua_Integer)c + 1);
        lua_Integer s = lua_tointegerx(L, -2, &isnum), k = 0;
        ok = isnum && s >= 0 && s <= INT32_MAX;
        if (ok) k = lua_tointegerx(L, -1, &isnum);
        ok = ok && isnum && k >= 0 && k <= INT32_MAX;
        lua_pop(L, 2);
        sur[c] = (int32_t)s;
        cand[c] = (int32_t)k;
    }
    for (size_t r = 0; r < x->nruns && ok; r++) {
        size_t from = x->runfirst[r], to = r + 1 < x->nruns ? x->runfirst[r + 1] : x->n;
        for (size_t m = from; m < to && ok; m++) {
            int32_t c = cls[x->tid[m]], id = -1, own = -1;
            if (cand[c] && x->kp[x->kind[m]] == person)
                for (size_t y = m; y-- > from;)
                    if (sur[cls[x->tid[y]]] == cand[c]) {
                        own = nodeof[y];
                        break;
                    }
            if (own >= 0 || bare[c] || sd[c] != r + 1) {
                id = (int32_t)nn++;
                first[id] = (uint32_t)m;
                nodecls[id] = c;
                if (own >= 0) {
                    if (np + 2 > pcap) {
                        size_t cap = pcap ? pcap * 2 : 64;
                        int32_t *p = realloc(pairs, cap * sizeof *p);
                        if (!p) {
                            ok = 0;
                            break;
                        }
                        pairs = p;
                        pcap = cap;
                    }
                    pairs[np++] = id;
                    pairs[np++] = own;
                    nodecls[id] = -1; /* (in no class's list) */
                } else if (!bare[c]) {
                    sd[c] = (uint32_t)r + 1;
                    sn[c] = id;
                }
            } else
                id = sn[c];
            nodeof[m] = id;
        }
    }
    FREEALL(cls, sur, cand, bare, sn, sd);
    if (!ok) {
        FREEALL(nodeof, first, nodecls, pairs);
        return luaL_error(L, "bad class lists, or not enough memory");
    }
    rtexts_freetexts(x);                                          /* (room for the steps after) */
    uint32_t *fr = realloc(first, (nn ? nn : 1) * sizeof *first); /* (nodes, not mentions) */
    x->nfirst = fr ? fr : first;
    x->nn = nn;
    lua_createtable(L, (int)x->n, 0);
    for (size_t m = 0; m < x->n; m++) {
        lua_pushinteger(L, (lua_Integer)nodeof[m] + 1);
        lua_rawseti(L, -2, (lua_Integer)m + 1);
    }
    free(nodeof);
    first = x->nfirst;
    lua_createtable(L, (int)(nn + (size_t)room), 0);
    for (size_t id = 0; id < nn; id++) {
        lua_pushinteger(L, (lua_Integer)first[id] + 1);
        lua_rawseti(L, -2, (lua_Integer)id + 1);
    }
    /* the lists, each made at its size: their lengths first (in sd) */
    uint32_t *len = calloc(nc ? nc : 1, sizeof *len);
    if (!len) {
        free(nodecls);
        free(pairs);
        return luaL_error(L, "not enough memory");
    }
    for (size_t id = 0; id < nn; id++)
        if (nodecls[id] >= 0) len[nodecls[id]]++;
    lua_createtable(L, (int)nc, 0);
    for (size_t k = 0; k < nc; k++) {
        if (len[k])
            lua_createtable(L, (int)len[k], 0);
        else
            lua_pushboolean(L, 0);
        lua_rawseti(L, -2, (lua_Integer)k + 1);
        len[k] = 0;
    }
    for (size_t id = 0; id < nn; id++) {
        int32_t k = nodecls[id];
        if (k < 0) continue;
        lua_rawgeti(L, -1, (lua_Integer)k + 1);
        lua_pushinteger(L, (lua_Integer)id + 1);
        lua_rawseti(L, -2, (lua_Integer)++len[k]);
        lua_pop(L, 1);
    }
    free(len);
    free(nodecls);
    lua_createtable(L, (int)np, 0);
    for (size_t j = 0; j < np; j++) {
        lua_pushinteger(L, (lua_Integer)pairs[j] + 1);
        lua_rawseti(L, -2, (lua_Integer)j + 1);
    }
    free(pairs);
    return 4;
}

/*
** opts.nodeassign(nodeof, E, WHY, NEW, SAME, ne, np) -> counts: after
** cols.textnodes, each mention's entity and reason (recorded as assigns
** records them) from its node's, nodeof[m] (textnodes' nodeof): for each
** node id textnodes made, E[id] is its entity (1 to ne) and WHY[id] the
** reason of all its mentions, or false: then its first mention's is
** NEW[E[id]] and the others' SAME. counts[(e - 1) * np + p] is the number
** of entity e's mentions of kind place p (textgroups' KP, 1 to np).
** Upvalues as assigns', and the texts of textgroups (4). A reason is
** interned once a node or entity, not once a mention.
*/
static uint32_t internat(lua_State *L, sift_store *st, sift_strcache *c, int t, size_t i)
{
    size_t len;
    lua_rawgeti(L, t, (lua_Integer)i + 1);
    const char *s = lua_tolstring(L, -1, &len);
    if (!s) luaL_error(L, "bad reason #%I (a string expected)", (lua_Integer)i + 1);
    uint32_t id = sift_store_intern_cached(st, c, s, len);
    lua_pop(L, 1);
    return id;
}

static int nodeassign(lua_State *L)
{
    sift_resolved *res = lua_touserdata(L, lua_upvalueindex(1));
    sift_store *st = lua_touserdata(L, lua_upvalueindex(2));
    sift_strcache *c = lua_touserdata(L, lua_upvalueindex(3));
    rtexts *x = lua_touserdata(L, lua_upvalueindex(4));
    for (int a = 1; a <= 4; a++) luaL_checktype(L, a, LUA_TTABLE);
    size_t slen;
    const char *same = luaL_checklstring(L, 5, &slen);
    lua_Integer ne = luaL_checkinteger(L, 6), np = luaL_checkinteger(L, 7);
    luaL_argcheck(L, ne >= 0 && ne <= INT32_MAX, 6, "0 to 2^31 - 1 entities expected");
    luaL_argcheck(L, np >= 1 && np <= 255, 7, "1 to 255 places expected");
    if (!x->nfirst) return luaL_error(L, "no nodes (cols.textnodes first)");
    if (x->n != st->nresolved)
        return luaL_error(L, "%I mentions, not %I", (lua_Integer)x->n, (lua_Integer)st->nresolved);
    size_t nn = x->nn, n = x->n;
    uint32_t sameid = sift_store_intern_cached(st, c, same, slen);
    int32_t *ent = scratch(L, nn, sizeof *ent);
    uint32_t *why = scratch(L, nn, sizeof *why), *nw = scratch(L, (size_t)ne, sizeof *nw);
    uint32_t *cnt = scratch(L, (size_t)ne * (size_t)np, sizeof *cnt);
    memset(cnt, 0, (ne ? (size_t)ne * (size_t)np : 1) * sizeof *cnt);
    for (lua_Integer e = 0; e < ne; e++)
        nw[e] = UINT32_MAX; /* (interned when a mention needs it) */
    for (size_t id = 0; id < nn; id++) {
        int isnum;
        lua_rawgeti(L, 2, (lua_Integer)id + 1);
        lua_Integer e = lua_tointegerx(L, -1, &isnum);
        lua_pop(L, 1);
        if (!isnum || e < 1 || e > ne)
            return luaL_error(L, "bad entity of node %I", (lua_Integer)id + 1);
        ent[id] = (int32_t)e - 1;
        lua_rawgeti(L, 3, (lua_Integer)id + 1);
        int own = lua_toboolean(L, -1);
        lua_pop(L, 1);
        why[id] = own ? internat(L, st, c, 3, id) : UINT32_MAX;
    }
    for (size_t m = 0; m < n; m++) {
        int isnum;
        lua_rawgeti(L, 1, (lua_Integer)m + 1);
        lua_Integer nd = lua_tointegerx(L, -1, &isnum);
        lua_pop(L, 1);
        if (!isnum || nd < 1 || (size_t)nd > nn)
            return luaL_error(L, "bad node of mention %I", (lua_Integer)m + 1);
        int32_t id = (int32_t)nd - 1, e = ent[id];
        uint32_t w = why[id];
        if (w == UINT32_MAX) {
            w = sameid;
            if (x->nfirst[id] == m) {
                if (nw[e] == UINT32_MAX) nw[e] = internat(L, st, c, 4, (size_t)e);
                w = nw[e];
            }
        }
        res[m].entity = e;
        res[m].why = w;
        unsigned p = x->kp[x->kind[m]];
        if (p && p <= np) cnt[(size_t)e * (size_t)np + p - 1]++;
    }
    size_t nc = (size_t)ne * (size_t)np;
    lua_createtable(L, (int)nc, 0);
    for (size_t j = 0; j < nc; j++) {
        lua_pushinteger(L, cnt[j]);
        lua_rawseti(L, -2, (lua_Integer)j + 1);
    }
    return 1;
}

/*
** opts.spellings(TEXTS, TSIDE, DOCS, ne) -> SPL, SIDE: after nodeassign,
** the spellings and side of each entity e (1 to ne). SPL[e] lists the
** distinct texts of e's mentions in order of first mention, each as
** {text = TEXTS[t], docs = {...}, n = its first mention, count = its
** mentions}: docs lists DOCS[r] for each run r of one document with such
** a mention, in order. SIDE[e] is the side most of e's mentions carry (a
** mention's own, else TSIDE[t], its text's, a string or nil; the one met
** first among equals), false when none. Upvalues as nodeassign's.
*/
static int spellings(lua_State *L)
{
    sift_resolved *res = lua_touserdata(L, lua_upvalueindex(1));
    sift_store *st = lua_touserdata(L, lua_upvalueindex(2));
    sift_strcache *c = lua_touserdata(L, lua_upvalueindex(3));
    rtexts *x = lua_touserdata(L, lua_upvalueindex(4));
    for (int a = 1; a <= 3; a++) luaL_checktype(L, a, LUA_TTABLE);
    lua_Integer ne = luaL_checkinteger(L, 4);
    luaL_argcheck(L, ne >= 0 && ne <= INT32_MAX, 4, "0 to 2^31 - 1 entities expected");
    if (!x->nfirst || !x->tid) return luaL_error(L, "no nodes (cols.textnodes first)");
    size_t n = x->n, nt = x->ntexts;
    luaL_checkstack(L, 16, "spellings");
    uint32_t *tside = scratch(L, nt, sizeof *tside);
    for (size_t t = 0; t < nt; t++) {
        size_t len;
        int ty = lua_rawgeti(L, 2, (lua_Integer)t + 1);
        if (ty != LUA_TNIL && ty != LUA_TSTRING)
            return luaL_error(L, "bad side of text %I (a string expected)", (lua_Integer)t + 1);
        const char *s = ty == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
        tside[t] = s ? sift_store_intern_cached(st, c, s, len) : SIFT_STR_NONE;
        if (s && tside[t] == SIFT_STR_NONE) return luaL_error(L, "not enough memory");
        lua_pop(L, 1);
    }
    /* each entity's mentions chained in order; the run of each mention */
    int32_t *head = scratch(L, (size_t)ne, sizeof *head),
            *tail = scratch(L, (size_t)ne, sizeof *tail);
    int32_t *nxt = scratch(L, n, sizeof *nxt), *run = scratch(L, n, sizeof *run);
    for (lua_Integer e = 0; e < ne; e++) head[e] = -1;
    for (size_t r = 0, m = 0; r < x->nruns; r++) {
        size_t to = r + 1 < x->nruns ? x->runfirst[r + 1] : n;
        for (; m < to; m++) run[m] = (int32_t)r;
    }
    for (size_t m = 0; m < n; m++) {
        int32_t e = res[m].entity;
        if (e < 0 || e >= ne) return luaL_error(L, "mention %I has no entity", (lua_Integer)m + 1);
        nxt[m] = -1;
        if (head[e] < 0)
            head[e] = (int32_t)m;
        else
            nxt[tail[e]] = (int32_t)m;
        tail[e] = (int32_t)m;
    }
    /* per text, for the entity at hand: its place in the entity's list
       (stamp: the entity + 1 that set it), its mentions, its last run */
    uint32_t *stamp = scratch(L, nt, sizeof *stamp);
    int32_t *spj = scratch(L, nt, sizeof *spj), *cnt = scratch(L, nt, sizeof *cnt);
    int32_t *lastrun = scratch(L, nt, sizeof *lastrun);
    memset(stamp, 0, (nt ? nt : 1) * sizeof *stamp);
    /* the entity's side votes: side, count, first mention */
    size_t vcap = 16;
    uint32_t *vs = scratch(L, vcap * 3, sizeof *vs);
    int vslot = lua_gettop(L);
    lua_createtable(L, (int)ne, 0); /* SPL */
    lua_createtable(L, (int)ne, 0); /* SIDE */
    int spl = vslot + 1, side = vslot + 2;
    for (lua_Integer e = 0; e < ne; e++) {
        size_t nsp = 0, nv = 0;
        lua_newtable(L); /* [.., list] */
        int list = lua_gettop(L);
        for (int32_t m = head[e]; m >= 0; m = nxt[m]) {
            uint32_t t = x->tid[m];
            if (stamp[t] != (uint32_t)e + 1) {
                stamp[t] = (uint32_t)e + 1;
                spj[t] = (int32_t)++nsp;
                cnt[t] = 0;
                lastrun[t] = -1;
                lua_createtable(L, 0, 4);
                lua_rawgeti(L, 1, (lua_Integer)t + 1);
                lua_setfield(L, -2, "text");
                lua_newtable(L);
                lua_setfield(L, -2, "docs");
                lua_pushinteger(L, (lua_Integer)m + 1);
                lua_setfield(L, -2, "n");
                lua_rawseti(L, list, (lua_Integer)nsp);
            }
            cnt[t]++;
            if (lastrun[t] != run[m]) {
                lastrun[t] = run[m];
                lua_rawgeti(L, list, spj[t]);
                lua_getfield(L, -1, "docs");
                lua_rawgeti(L, 3, (lua_Integer)run[m] + 1);
                lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
                lua_pop(L, 2);
            }
            uint32_t sd = x->side[m] ? x->sides[x->side[m] - 1] : tside[t];
            if (sd == SIFT_STR_NONE) continue;
            size_t v = 0;
            while (v < nv && vs[v * 3] != sd) v++;
            if (v == nv) {
                if (nv == vcap) { /* (the old buffer is garbage once replaced) */
                    uint32_t *w = scratch(L, vcap * 6, sizeof *w);
                    memcpy(w, vs, vcap * 3 * sizeof *w);
                    lua_replace(L, vslot);
                    vs = w;
                    vcap *= 2;
                }
                vs[v * 3] = sd;
                vs[v * 3 + 1] = 0;
                vs[v * 3 + 2] = (uint32_t)m;
                nv++;
            }
            vs[v * 3 + 1]++;
        }
        for (int32_t m = head[e]; m >= 0; m = nxt[m]) { /* the counts, once a text */
            uint32_t t = x->tid[m];
            if (cnt[t] < 0) continue;
            lua_rawgeti(L, list, spj[t]);
            lua_pushinteger(L, cnt[t]);
            lua_setfield(L, -2, "count");
            lua_pop(L, 1);
            cnt[t] = -1;
        }
        lua_rawseti(L, spl, (lua_Integer)e + 1);
        size_t best = nv;
        for (size_t v = 0; v < nv; v++)
            if (best == nv || vs[v * 3 + 1] > vs[best * 3 + 1] ||
                (vs[v * 3 + 1] == vs[best * 3 + 1] && vs[v * 3 + 2] < vs[best * 3 + 2]))
                best = v;
        if (best < nv)
            lua_pushstring(L, sift_store_str(st, vs[best * 3]));
        else
            lua_pushboolean(L, 0);
        lua_rawseti(L, side, (lua_Integer)e + 1);
    }
    return 2;
}

/* resolve() (below) in state L, over the store's `total` mentions. */
static int resolvein(lua_State *L, sift_store *st, size_t total)
{
    lua_getglobal(L, "require");
    lua_pushliteral(L, "sift.resolve");
    if (sift_host_docall(L, 1, 1) != LUA_OK) goto fail;
    lua_getfield(L, -1, "entities"); /* [mod, fn] */
    /* the mentions as columns (sift.resolve's form): a slot a field; no
       "i" column, as each document's mentions come in text order; no "key"
       column, as sift.resolve keys each distinct text once; the documents
       as ranges (docs, docfirst), not a slot a mention; the kinds as one
       byte a mention (kindcode, an index into kindname), not a 16-byte
       slot, unless there are more than 255 of them */
    enum { TEXT, KIND, SIDE, ROLE, TITLE, DECL, DOCS, DOCFIRST, NCOLS };
    static const char *const col[NCOLS] = {"text",  "kind", "side", "role",
                                           "title", "decl", "docs", "docfirst"};
    size_t ndocs = 0;
    uint32_t kinds[255];
    int nkinds = 0;
    for (size_t i = 0; i < st->ndocs; i++) {
        const sift_doc *d = &st->docs[i];
        ndocs += d->nmentions > 0;
        for (size_t k = 0; k < d->nmentions && nkinds <= 255; k++) {
            uint32_t v = d->mentions[k].kind;
            int f = v == SIFT_STR_NONE || v == SIFT_STR_EMPTY;
            for (int j = 0; j < nkinds && !f; j++) f = kinds[j] == v;
            if (!f && nkinds < 255) kinds[nkinds] = v;
            nkinds += !f;
        }
    }
    unsigned char *kindcode = nkinds <= 255 ? calloc(total, 1) : NULL;
    if (nkinds <= 255 && !kindcode) return -1;
    /* the texts for cols.textgroups and textnodes (with packed kinds only;
       without them, or short of memory, sift.resolve walks the columns) */
    rtexts *tx = lua_newuserdatauv(L, sizeof *tx, 0);
    memset(tx, 0, sizeof *tx);
    if (luaL_newmetatable(L, "sift.resolve.texts")) {
        lua_pushcfunction(L, rtexts_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    int txi = lua_gettop(L);
    tx->n = total;
    tx->tid = kindcode ? malloc(total * sizeof *tx->tid) : NULL;
    tx->side = kindcode ? malloc(total) : NULL;
    int txok = tx->tid && tx->side && rtexts_grow(tx) == 0;
    lua_createtable(L, 0, NCOLS + 3);
    int cols = lua_gettop(L);
    lua_pushinteger(L, (lua_Integer)total);
    lua_setfield(L, cols, "n");
    for (int c = 0; c < NCOLS; c++) /* the rare fields go to the hash part */
        lua_createtable(L,
                        c == TEXT || (c == KIND && !kindcode) ? (int)total
                        : c >= DOCS                           ? (int)ndocs
                                                              : 0,
                        0);
    int c0 = cols + 1; /* the columns, in enum order */
    lua_Integer n = 0, nd = 0;
    for (size_t i = 0; i < st->ndocs; i++) {
        sift_doc *d = &st->docs[i];
        if (d->nmentions) {
            nd++;
            lua_pushstring(L, d->id);
            lua_rawseti(L, c0 + DOCS, nd);
            lua_pushinteger(L, n + 1);
            lua_rawseti(L, c0 + DOCFIRST, nd);
        }
        for (size_t k = 0; k < d->nmentions; k++) {
            const sift_mention *m = &d->mentions[k];
            n++;
            if (txok)
                txok = rtexts_mention(tx, (size_t)n - 1, d->bytes + m->start, m->end - m->start,
                                      m->side, k == 0) == 0;
            lua_pushlstring(L, d->bytes + m->start, m->end - m->start);
            lua_rawseti(L, c0 + TEXT, n);
            const uint32_t fv[] = {m->kind, m->side, m->role, m->title, m->decl};
            for (int f = 0; f < 5; f++) {
                if (fv[f] == SIFT_STR_NONE || fv[f] == SIFT_STR_EMPTY) continue;
                if (f == 0 && kindcode) {
                    for (int j = 0; j < nkinds; j++)
                        if (kinds[j] == fv[f]) kindcode[n - 1] = (unsigned char)(j + 1);
                    continue;
                }
                lua_pushstring(L, sift_store_str(st, fv[f]));
                lua_rawseti(L, c0 + KIND + f, n);
            }
        }
        if (d->spilled) { /* written out: nothing reads them again, room for resolution */
            free(d->mentions);
            free(d->bytes);
            d->mentions = NULL;
            d->bytes = NULL;
        }
    }
    for (int c = NCOLS - 1; c >= 0; c--) {
        if (c == KIND && kindcode)
            lua_pop(L, 1);
        else
            lua_setfield(L, cols, col[c]);
    }
    if (kindcode) {
        lua_pushlstring(L, (const char *)kindcode, total);
        lua_setfield(L, cols, "kindcode");
        if (txok) {
            tx->kind = kindcode; /* (its own now) */
            lua_pushvalue(L, txi);
            lua_pushcclosure(L, textgroups, 1);
            lua_setfield(L, cols, "textgroups");
            lua_pushvalue(L, txi);
            lua_pushcclosure(L, textnodes, 1);
            lua_setfield(L, cols, "textnodes");
        } else {
            rtexts_free(tx);
            free(kindcode);
        }
        lua_createtable(L, nkinds, 0);
        for (int j = 0; j < nkinds; j++) {
            lua_pushstring(L, sift_store_str(st, kinds[j]));
            lua_rawseti(L, -2, j + 1);
        }
        lua_setfield(L, cols, "kindname");
    }
    trim(); /* the pages of the spilled documents' mentions go back */

    pushconfig(L, st); /* [mod, fn, texts, cols, opts] */
    lua_pushcfunction(L, collect);
    lua_setfield(L, -2, "collect");
    lua_pushlightuserdata(L, st->resolved);
    lua_pushlightuserdata(L, st);
    memset(lua_newuserdatauv(L, sizeof(sift_strcache), 0), 0, sizeof(sift_strcache));
    lua_pushcclosure(L, assigns, 3);
    lua_setfield(L, -2, "assigns");
    if (tx->kind) { /* (the texts were taken) */
        lua_pushlightuserdata(L, st->resolved);
        lua_pushlightuserdata(L, st);
        memset(lua_newuserdatauv(L, sizeof(sift_strcache), 0), 0, sizeof(sift_strcache));
        lua_pushvalue(L, txi);
        lua_pushcclosure(L, nodeassign, 4);
        lua_setfield(L, -2, "nodeassign");
        lua_pushlightuserdata(L, st->resolved);
        lua_pushlightuserdata(L, st);
        memset(lua_newuserdatauv(L, sizeof(sift_strcache), 0), 0, sizeof(sift_strcache));
        lua_pushvalue(L, txi);
        lua_pushcclosure(L, spellings, 4);
        if (tx->nsides <= 255)
            lua_setfield(L, -2, "spellings");
        else
            lua_pop(L, 1);
    }
    lua_remove(L, txi); /* [mod, fn, cols, opts]: the closures hold it */
    if (sift_host_docall(L, 2, 1) != LUA_OK) goto fail;
    int ents = lua_gettop(L); /* [mod, entities] */
    size_t ne = lua_rawlen(L, ents);
    st->entities = calloc(ne ? ne : 1, sizeof *st->entities);
    if (!st->entities) return -1;
    for (size_t e = 0; e < ne; e++) {
        lua_rawgeti(L, ents, (lua_Integer)e + 1);
        int t = lua_gettop(L);
        sift_entity *en = &st->entities[st->nentities++];
        en->name = dupfield(L, t, "name");
        en->kind = dupfield(L, t, "kind");
        en->side = dupfield(L, t, "side");
        if (lua_getfield(L, t, "aliases") == LUA_TTABLE) {
            size_t na = lua_rawlen(L, -1);
            en->aliases = calloc(na ? na : 1, sizeof(char *));
            for (size_t a = 0; en->aliases && a < na; a++) {
                lua_rawgeti(L, -1, (lua_Integer)a + 1);
                if (lua_type(L, -1) == LUA_TSTRING)
                    en->aliases[en->naliases++] = strdup(lua_tostring(L, -1));
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 2);
        if (!en->name) en->name = strdup("?");
    }
    int spilled = 0;
    for (size_t i = 0, at = 0; i < st->ndocs; i++) {
        sift_doc *d = &st->docs[i];
        spilled |= d->spilled;
        for (size_t k = 0; k < d->nmentions; k++, at++) { /* assigns set them */
            sift_resolved *r = &st->resolved[at];
            if (r->entity >= (int32_t)ne) r->entity = -1;
            if (d->mentions) {
                d->mentions[k].entity = r->entity;
                d->mentions[k].why = r->why;
            }
        }
        for (size_t k = 0; k < d->nclaims; k++) {
            sift_claim *c = &d->claims[k];
            long m = sift_doc_mention_at(d, c->claimant_start, c->claimant_end);
            if (m >= 0) c->claimant_entity = d->mentions[m].entity;
            const sift_entity *ce =
                c->claimant_entity >= 0 ? &st->entities[c->claimant_entity] : NULL;
            if (!c->claimant_side[0] && ce && ce->side)
                snprintf(c->claimant_side, sizeof c->claimant_side, "%s", ce->side);
            m = sift_doc_mention_at(d, c->place_start, c->place_end);
            if (m >= 0) c->place_entity = d->mentions[m].entity;
        }
    }
    if (!spilled) { /* every mention holds what became of it */
        free(st->resolved);
        st->resolved = NULL;
        st->nresolved = 0;
    }
    lua_settop(L, 0);
    return 0;
fail:
    fprintf(stderr, "sift: error: entity resolution failed: %s\n",
            lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
    lua_settop(L, 0);
    for (size_t at = 0; at < st->nresolved; at++) st->resolved[at].entity = -1; /* assigns' */
    return -1;
}

/*
** Cross-document resolution: sift.resolve over every mention of the corpus
** (it runs after the parallel pass, in a state of its own: a worker's holds
** the grammars, tens of megabytes resolution does not need), then the
** entities into the store, each mention's entity and reason, and each
** claim's claimant and place linked to the mention its span overlaps (a
** claimant's side comes from its entity when the text gave none).
*/
static int resolve(xctx *x)
{
    sift_store *st = x->st;
    size_t total = 0;
    for (size_t i = 0; i < st->ndocs; i++) total += st->docs[i].nmentions;
    if (total == 0) return 0;
    for (int w = 0; w < SIFT_MAX_JOBS; w++) /* a worker state that did not load fails it */
        if (x->werr[w]) return -1;
    st->resolved = malloc(total * sizeof *st->resolved);
    if (!st->resolved) return -1;
    st->nresolved = total;
    for (size_t n = 0; n < total; n++) st->resolved[n] = (sift_resolved){-1, SIFT_STR_NONE};
    lua_State *L = newstate(x->o, 0);
    if (!L) return -1;
    int rc = resolvein(L, x->st, total);
    sift_host_close(L);
    return rc;
}

int sift_extract_run(sift_store *st, const sift_opts *o)
{
    return sift_extract_run_sink(st, o, NULL, NULL);
}

int sift_extract_run_sink(sift_store *st, const sift_opts *o, sift_extract_sink sink, void *ctx)
{
    if (st->extracted) return 0;
    st->extracted = 1;
    xctx *x = calloc(1, sizeof *x);
    if (!x) return -1;
    x->st = st;
    x->o = o;
    x->sink = sink;
    x->sinkctx = ctx;
    x->errs = calloc(st->ndocs ? st->ndocs : 1, sizeof(char *));
    x->user = calloc(st->ndocs ? st->ndocs : 1, 1);
    if (!x->errs || !x->user || pthread_mutex_init(&x->loading, NULL) != 0) {
        free(x->errs);
        free(x->user);
        free(x);
        return -1;
    }
    sift_pool_run(o->jobs, st->ndocs, xone, x);
    int rc = 0, shown = 0;
    size_t more = 0;
    for (int w = 0; w < SIFT_MAX_JOBS; w++) /* one message per distinct reason */
        if (x->werr[w]) {
            int seen = 0;
            for (int v = 0; v < w && !seen; v++)
                seen = x->werr[v] && !strcmp(x->werr[v], x->werr[w]);
            if (!seen) fprintf(stderr, "%s\n", x->werr[w]);
            rc = x->st->nxfiles ? -2 : -1;
        }
    for (size_t i = 0; i < st->ndocs; i++)
        if (x->errs[i]) {
            if (shown < MAX_ERRORS) {
                fprintf(stderr, "%s\n", x->errs[i]);
                shown++;
            } else {
                more++;
            }
            free(x->errs[i]);
            if (!x->user[i])
                rc = -1;
            else if (rc == 0)
                rc = -2;
        }
    if (more) fprintf(stderr, "sift: error: extraction failed on %zu more documents\n", more);
    for (int w = 0; w < SIFT_MAX_JOBS; w++) { /* resolution has a state of its own */
        sift_host_close(x->states[w]);
        x->states[w] = NULL;
    }
    trim();
    double t = sift_now();
    if (rc != -1 && resolve(x) != 0) rc = -1;
    st->resolve_seconds = sift_now() - t;
    uint32_t id = 0; /* claim ids: corpus order, then text order */
    for (size_t i = 0; i < st->ndocs; i++)
        for (size_t k = 0; k < st->docs[i].nclaims; k++) st->docs[i].claims[k].id = ++id;
    for (int w = 0; w < SIFT_MAX_JOBS; w++) free(x->werr[w]);
    free(x->errs);
    free(x->user);
    pthread_mutex_destroy(&x->loading);
    free(x);
    return rc;
}
