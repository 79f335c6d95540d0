/*
** host.c -- building and tearing down Lua states.
**
** The sandbox is built, not patched: a state gets base, package, coroutine,
** table, string, math, utf8, lpeg and sift; then io and os are replaced by
** read-only subsets, load only accepts text, dofile/loadfile are gone and
** require finds only the embedded stdlib (or SIFT_PATH). --unsafe opens the
** full library instead. Globals are strict: reading an undefined one raises.
** Memory is counted by the allocator (--max-memory); time by a count hook
** that, once expired, fires on every line so pcall cannot swallow it.
*/
#include "host.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "embedded.h"
#include "extract.h"
#include "load.h"
#include "lua_common.h"

int luaopen_lpeg(lua_State *L);

sift_host *sift_host_get(lua_State *L)
{
    return *(sift_host **)lua_getextraspace(L);
}

/*
** The pool of a pooled state: blocks of up to SIFT_POOL_MAX bytes, in
** classes SIFT_POOL_STEP bytes apart, carved from chunks of POOL_CHUNK
** bytes and put on their class's list when freed. Lua gives every block's
** size when it frees or resizes it, so a block has no header. Under
** AddressSanitizer a block outside Lua's hands is poisoned, as malloc's are.
*/
#define POOL_CHUNK (64 * 1024)

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#endif
#endif
#ifndef POISON
#define POISON(p, n)   ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

static size_t poolclass(size_t size)
{
    return (size + SIFT_POOL_STEP - 1) / SIFT_POOL_STEP - 1;
}

static void *poolget(sift_pool *pl, size_t size)
{
    size_t c = poolclass(size), csize = (c + 1) * SIFT_POOL_STEP;
    void *p = pl->free[c];
    if (p) {
        UNPOISON(p, sizeof(void *));
        pl->free[c] = *(void **)p;
        UNPOISON(p, size);
        return p;
    }
    if ((size_t)(pl->end - pl->cur) < csize) {
        /* a new chunk, whose first SIFT_POOL_STEP bytes link the chunks;
           what is left of the old one, less than this class's block,
           stays unused */
        char *chunk = malloc(POOL_CHUNK);
        if (!chunk) return NULL;
        *(void **)chunk = pl->chunks;
        pl->chunks = chunk;
        pl->cur = chunk + SIFT_POOL_STEP;
        pl->end = chunk + POOL_CHUNK;
        POISON(pl->cur, (size_t)(pl->end - pl->cur));
    }
    p = pl->cur;
    pl->cur += csize;
    UNPOISON(p, size);
    return p;
}

static void poolput(sift_pool *pl, void *p, size_t size)
{
    size_t c = poolclass(size);
    POISON(p, (c + 1) * SIFT_POOL_STEP);
    UNPOISON(p, sizeof(void *));
    *(void **)p = pl->free[c];
    POISON(p, sizeof(void *));
    pl->free[c] = p;
}

static void poolfree(sift_pool *pl)
{
    void *c = pl->chunks;
    while (c) {
        UNPOISON(c, POOL_CHUNK);
        void *next = *(void **)c;
        free(c);
        c = next;
    }
    memset(pl, 0, sizeof *pl);
}

/* Resize a pooled state's block: pooled when small, malloc's otherwise. */
static void *poolrealloc(sift_pool *pl, void *ptr, size_t osize, size_t nsize)
{
    int osmall = ptr && osize <= SIFT_POOL_MAX, nsmall = nsize <= SIFT_POOL_MAX;
    if (ptr && !osmall && !nsmall) return realloc(ptr, nsize);
    if (osmall && nsmall && poolclass(osize) == poolclass(nsize)) {
        if (nsize > osize) UNPOISON((char *)ptr + osize, nsize - osize);
        return ptr;
    }
    void *p = nsmall ? poolget(pl, nsize) : malloc(nsize);
    if (!p || !ptr) return p;
    memcpy(p, ptr, osize < nsize ? osize : nsize);
    if (osmall)
        poolput(pl, ptr, osize);
    else
        free(ptr);
    return p;
}

/* A counting allocator: refuses growth past the --max-memory limit. */
static void *alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sift_host *h = ud;
    if (!ptr) osize = 0;
    if (nsize == 0) {
        if (ptr && h->pooled && osize <= SIFT_POOL_MAX)
            poolput(&h->pool, ptr, osize);
        else
            free(ptr);
        h->mem_used -= osize;
        return NULL;
    }
    if (h->mem_limit && nsize > osize && h->mem_used + (nsize - osize) > h->mem_limit) return NULL;
    void *p = h->pooled ? poolrealloc(&h->pool, ptr, osize, nsize) : realloc(ptr, nsize);
    if (p) h->mem_used = h->mem_used - osize + nsize;
    return p;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void hook(lua_State *L, lua_Debug *ar)
{
    sift_host *h = sift_host_get(L);
    if (!h->timed_out && (h->deadline == 0 || now() < h->deadline)) return;
    h->timed_out = 1;
    lua_sethook(L, hook, LUA_MASKCOUNT | LUA_MASKLINE, 1); /* re-arm on every line */
    luaL_error(L, "script timed out after %f seconds (raise the limit with --timeout)",
               h->opts.timeout);
}

void sift_host_arm(lua_State *L)
{
    sift_host *h = sift_host_get(L);
    h->timed_out = 0;
    if (h->opts.timeout > 0) {
        h->deadline = now() + h->opts.timeout;
        lua_sethook(L, hook, LUA_MASKCOUNT, 10000);
    } else {
        lua_sethook(L, NULL, 0, 0);
    }
}

/* Message handler: adds a traceback (lua.c's msghandler). */
static int msghandler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int sift_host_docall(lua_State *L, int nargs, int nres)
{
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    int st = lua_pcall(L, nargs, nres, base);
    lua_remove(L, base);
    return st;
}

int sift_host_dofile(lua_State *L, const char *path)
{
    sift_host *h = sift_host_get(L);
    int st = luaL_loadfilex(L, path, h->opts.unsafe ? NULL : "t");
    if (st == LUA_OK) st = sift_host_docall(L, 0, 0);
    return st;
}

int sift_host_dostring(lua_State *L, const char *s, size_t len, const char *name, int nres)
{
    int st = luaL_loadbufferx(L, s, len, name, "t");
    if (st == LUA_OK) st = sift_host_docall(L, 0, nres);
    return st;
}

void sift_host_report(lua_State *L)
{
    fflush(stdout); /* what the script printed comes first */
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "%s\n", msg ? msg : "(error object is not a string)");
    fflush(stderr);
    lua_pop(L, 1);
}

/* ------------------------------------------------------------- require */

/*
** Searcher for the stdlib: SIFT_PATH (a source tree, for development) first,
** then the copy embedded at build time, which mk/embed.c compiled to bytecode
** with its debug information (chunk names and lines as the source's).
*/
static int searcher(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    const char *dir = getenv("SIFT_PATH");
    if (dir && *dir) {
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        luaL_addstring(&b, dir);
        luaL_addchar(&b, '/');
        for (const char *p = name; *p; p++) luaL_addchar(&b, *p == '.' ? '/' : *p);
        luaL_pushresult(&b); /* dir/sift/x */
        const char *base = lua_tostring(L, -1);
        const char *tries[] = {"%s.lua", "%s/init.lua"};
        for (int i = 0; i < 2; i++) {
            const char *path = lua_pushfstring(L, tries[i], base);
            FILE *f = fopen(path, "r");
            if (f) {
                fclose(f);
                if (luaL_loadfilex(L, path, "t") != LUA_OK) return lua_error(L);
                lua_pushstring(L, path);
                return 2;
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    for (const sift_embedded *e = sift_stdlib; e->name; e++) {
        if (strcmp(e->name, name) != 0) continue;
        const char *chunk = lua_pushfstring(L, "@%s", e->chunk);
        if (luaL_loadbufferx(L, e->data, (size_t)e->len, chunk, "b") != LUA_OK) return lua_error(L);
        lua_pushstring(L, e->chunk);
        return 2;
    }
    lua_pushfstring(L, "no module '%s' in the sift standard library", name);
    return 1;
}

/* package.searchers = {preload, stdlib [, the stock Lua and C searchers]} */
static void setsearchers(lua_State *L, int unsafe)
{
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "searchers"); /* [package, old] */
    lua_newtable(L);                  /* [package, old, new] */
    lua_rawgeti(L, -2, 1);
    lua_rawseti(L, -2, 1);
    lua_pushcfunction(L, searcher);
    lua_rawseti(L, -2, 2);
    if (unsafe)
        for (int i = 2; i <= 4; i++) {
            lua_rawgeti(L, -2, i);
            lua_rawseti(L, -2, i + 1);
        }
    lua_setfield(L, -3, "searchers");
    lua_pop(L, 1);
    if (!unsafe) {
        lua_pushnil(L);
        lua_setfield(L, -2, "loadlib");
        lua_pushliteral(L, "");
        lua_setfield(L, -2, "cpath");
        lua_pushliteral(L, "");
        lua_setfield(L, -2, "path");
    }
    lua_getfield(L, -1, "preload");
    lua_pushcfunction(L, luaopen_lpeg);
    lua_setfield(L, -2, "lpeg");
    lua_pushcfunction(L, sift_lua_open_sift);
    lua_setfield(L, -2, "sift.core");
    lua_pushcfunction(L, sift_lua_open_scan);
    lua_setfield(L, -2, "sift.scan");
    lua_pushcfunction(L, sift_lua_open_tok);
    lua_setfield(L, -2, "sift.tok");
    lua_pushcfunction(L, sift_lua_open_cdate);
    lua_setfield(L, -2, "sift.cdate");
    lua_pushcfunction(L, sift_lua_open_cname);
    lua_setfield(L, -2, "sift.cname");
    lua_pop(L, 2);
}

/* ------------------------------------------------------------- sandbox */

/* io.open that only reads. */
static int ro_open(lua_State *L)
{
    const char *mode = luaL_optstring(L, 2, "r");
    if (strcmp(mode, "r") != 0 && strcmp(mode, "rb") != 0)
        return luaL_error(L,
                          "io.open: mode '%s' is not allowed in the sandbox (files are "
                          "read-only; write results with -o, or run with --unsafe)",
                          mode);
    int base = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_pushstring(L, mode);
    lua_call(L, 2, LUA_MULTRET);
    return lua_gettop(L) - base;
}

/* load() that refuses binary chunks: the mode argument is forced to "t". */
static int textload(lua_State *L)
{
    if (lua_gettop(L) < 3) lua_settop(L, 3); /* chunk, chunkname, mode [, env] */
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* Copy the named fields of global table `lib` into a new global of the same name. */
static void subset(lua_State *L, const char *lib, const char *const *keep)
{
    lua_getglobal(L, lib);
    lua_newtable(L);
    for (const char *const *k = keep; *k; k++) {
        lua_getfield(L, -2, *k);
        lua_setfield(L, -2, *k);
    }
    lua_setglobal(L, lib);
    lua_pop(L, 1);
}

static void sandbox(lua_State *L)
{
    static const char *const IO[] = {"write", "read", "lines", "stdout", "stderr", "stdin", NULL};
    static const char *const OS[] = {"time", "clock", "date", "difftime", "getenv", NULL};
    lua_getglobal(L, "io");
    lua_getfield(L, -1, "open");
    subset(L, "io", IO);
    lua_getglobal(L, "io");
    lua_pushvalue(L, -2);
    lua_pushcclosure(L, ro_open, 1);
    lua_setfield(L, -2, "open");
    lua_pop(L, 3);
    subset(L, "os", OS);
    lua_getglobal(L, "load");
    lua_pushcclosure(L, textload, 1);
    lua_setglobal(L, "load");
    lua_pushnil(L);
    lua_setglobal(L, "dofile");
    lua_pushnil(L);
    lua_setglobal(L, "loadfile");
    static const char *const DBG[] = {"traceback", NULL};
    subset(L, "debug", DBG);
}

static int strict_index(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "undefined global '%s'", lua_tostring(L, 2));
    lua_pushnil(L);
    return 1;
}

static lua_State *hostnew(const sift_opts *o, int pooled)
{
    sift_host *h = calloc(1, sizeof *h);
    if (!h) return NULL;
    h->opts = *o;
    h->pooled = pooled;
    h->mem_limit = o->max_memory > 0 ? (size_t)o->max_memory : 0;
    lua_State *L = lua_newstate(alloc, h);
    if (!L) {
        poolfree(&h->pool);
        free(h);
        return NULL;
    }
    *(sift_host **)lua_getextraspace(L) = h;
    luaL_openlibs(L);
    if (!o->unsafe) sandbox(L);
    setsearchers(L, o->unsafe);
    /* fixed seed: scripts using math.random give the same output every run */
    lua_getglobal(L, "math");
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, 20210905);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
    sift_lua_open_corpus(L);
    sift_lua_open_doc(L);
    sift_lua_open_span(L);
    /* lpeg, re and sift as globals too: scripts and the REPL use them constantly */
    static const char *const GLOBALS[] = {"lpeg", "re", "sift"};
    for (int i = 0; i < 3; i++) {
        lua_getglobal(L, "require");
        lua_pushstring(L, GLOBALS[i]);
        if (sift_host_docall(L, 1, 1) != LUA_OK) {
            sift_host_report(L);
            sift_host_close(L);
            return NULL;
        }
        lua_setglobal(L, GLOBALS[i]);
    }
    lua_getglobal(L, "sift"); /* rule{...} is a global: scripts define rules with it */
    lua_getfield(L, -1, "rule");
    lua_setglobal(L, "rule");
    lua_pop(L, 1);
    return L;
}

lua_State *sift_host_new(const sift_opts *o)
{
    return hostnew(o, 0);
}

lua_State *sift_host_new_pooled(const sift_opts *o)
{
    return hostnew(o, 1);
}

void sift_host_strict(lua_State *L)
{
    lua_pushglobaltable(L);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, strict_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
}

void sift_host_close(lua_State *L)
{
    if (!L) return;
    sift_host *h = sift_host_get(L);
    lua_close(L);
    poolfree(&h->pool);
    free(h);
}

int sift_host_load_corpus(lua_State *L, const sift_opts *o)
{
    if (o->npaths == 0) return SIFT_EXIT_OK;
    sift_load_opts lo = {o->jobs, o->lenient, o->quiet, o->config};
    sift_store *st = sift_load(o->paths, o->npaths, &lo);
    if (!st) return SIFT_EXIT_INPUT;
    if (sift_extract_check(st, o) != 0) { /* a manifest's extractor is input too */
        sift_store_free(st);
        return SIFT_EXIT_INPUT;
    }
    sift_lua_pushcorpus(L, st);
    sift_extract_adopt(L, -1);
    lua_setglobal(L, "corpus");
    return SIFT_EXIT_OK;
}

void sift_host_show(lua_State *L, int first)
{
    int top = lua_gettop(L);
    if (top < first) return;
    lua_getglobal(L, "sift");
    lua_getfield(L, -1, "_show");
    lua_remove(L, -2);
    lua_insert(L, first);
    if (sift_host_docall(L, top - first + 1, 0) != LUA_OK) sift_host_report(L);
}

int sift_host_open(const sift_opts *o, lua_State **out)
{
    lua_State *L = sift_host_new(o);
    *out = NULL;
    if (!L) {
        sift_errorf("cannot create a Lua state (out of memory)");
        return SIFT_EXIT_INPUT;
    }
    int rc = sift_host_load_corpus(L, o);
    if (rc != SIFT_EXIT_OK) {
        sift_host_close(L);
        return rc;
    }
    *out = L;
    return SIFT_EXIT_OK;
}

void sift_host_rule_errors(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    for (lua_Integer i = 1; lua_rawgeti(L, idx, i) == LUA_TTABLE; i++) {
        lua_getfield(L, -1, "message");
        lua_getfield(L, -2, "rule");
        fprintf(stderr, "sift: error: rule '%s' raised an error:\n%s\n", lua_tostring(L, -1),
                lua_tostring(L, -2));
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
}
