/*
** lua_sift.c -- the C half of the `sift` module: JSON, normalisation keys,
** and building corpora from Lua (fixtures, extra folders). The Lua half is
** stdlib/sift/init.lua, which receives this table and adds to it.
**
*** @function sift.json.decode(s)   JSON text -> Lua value (null -> sift.json.null)
*** @function sift.json.encode(v)   Lua value -> JSON text (keys sorted: stable output)
*** @function sift.key(s)           normalisation key: NFKC, case folded, marks stripped
*** @function sift.load(path, ...)  load another corpus (same rules as the command line)
*/
#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "host.h"
#include "load.h"
#include "lua_common.h"
#include "utf8.h"

/* ------------------------------------------------------------------ JSON */

static void pushnull(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, "sift.json.null");
}

static void pushvalue(lua_State *L, const cJSON *v, int depth)
{
    if (depth > 200) luaL_error(L, "JSON nested too deeply");
    luaL_checkstack(L, 4, "JSON nested too deeply");
    if (cJSON_IsString(v))
        lua_pushstring(L, v->valuestring);
    else if (cJSON_IsNumber(v)) {
        double x = v->valuedouble;
        if (x == floor(x) && fabs(x) < 9.0e15)
            lua_pushinteger(L, (lua_Integer)x);
        else
            lua_pushnumber(L, x);
    } else if (cJSON_IsBool(v))
        lua_pushboolean(L, cJSON_IsTrue(v));
    else if (cJSON_IsNull(v))
        pushnull(L);
    else {
        int arr = cJSON_IsArray(v);
        lua_newtable(L);
        int i = 0;
        for (const cJSON *c = v->child; c; c = c->next) {
            pushvalue(L, c, depth + 1);
            if (arr)
                lua_rawseti(L, -2, ++i);
            else
                lua_setfield(L, -2, c->string);
        }
    }
}

static int jdecode(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *end = NULL;
    cJSON *v = cJSON_ParseWithLengthOpts(s, len, &end, 0);
    if (!v) {
        size_t line, col;
        sift_text_linecol(s, len, end ? (size_t)(end - s) : len, &line, &col);
        lua_pushnil(L);
        lua_pushfstring(L, "invalid JSON at line %I, column %I", (lua_Integer)line,
                        (lua_Integer)col);
        return 2;
    }
    pushvalue(L, v, 0);
    cJSON_Delete(v);
    return 1;
}

static int cmpkeys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
** Lua value at idx -> cJSON. A table with a sequence part 1..n and nothing
** else is an array; an empty table is an object unless marked with
** sift.json.array. Object keys are sorted so output is stable.
*/
static cJSON *tojson(lua_State *L, int idx, int depth)
{
    idx = lua_absindex(L, idx);
    if (depth > 200) luaL_error(L, "cannot encode: table nested too deeply (a cycle?)");
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        return cJSON_CreateNull();
    case LUA_TBOOLEAN:
        return cJSON_CreateBool(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) return cJSON_CreateNumber((double)lua_tointeger(L, idx));
        if (!isfinite(lua_tonumber(L, idx)))
            luaL_error(L, "cannot encode %f in JSON", lua_tonumber(L, idx));
        return cJSON_CreateNumber(lua_tonumber(L, idx));
    case LUA_TSTRING:
        return cJSON_CreateString(lua_tostring(L, idx));
    case LUA_TTABLE:
        break;
    default:
        pushnull(L);
        if (lua_rawequal(L, -1, idx)) {
            lua_pop(L, 1);
            return cJSON_CreateNull();
        }
        lua_pop(L, 1);
        luaL_error(L, "cannot encode a %s in JSON", luaL_typename(L, idx));
    }
    pushnull(L);
    int isnull = lua_rawequal(L, -1, idx);
    lua_pop(L, 1);
    if (isnull) return cJSON_CreateNull();
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;
    int strings = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        count++;
        strings += lua_type(L, -2) == LUA_TSTRING;
        lua_pop(L, 1);
    }
    int mark = 0;
    if (lua_getmetatable(L, idx)) {
        lua_getfield(L, LUA_REGISTRYINDEX, "sift.json.array");
        mark = lua_rawequal(L, -1, -2);
        lua_pop(L, 2);
    }
    if ((n > 0 && count == n) || (count == 0 && mark)) {
        cJSON *a = cJSON_CreateArray();
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            cJSON_AddItemToArray(a, tojson(L, -1, depth + 1));
            lua_pop(L, 1);
        }
        return a;
    }
    if (strings != count) luaL_error(L, "cannot encode a table mixing array and non-string keys");
    const char **keys = lua_newuserdatauv(L, (size_t)(count ? count : 1) * sizeof *keys, 0);
    lua_Integer k = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        keys[k++] = lua_tostring(L, -1);
    }
    qsort(keys, (size_t)count, sizeof *keys, cmpkeys);
    cJSON *o = cJSON_CreateObject();
    for (lua_Integer i = 0; i < count; i++) {
        lua_getfield(L, idx, keys[i]);
        cJSON_AddItemToObject(o, keys[i], tojson(L, -1, depth + 1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1); /* keys */
    return o;
}

static int jencode(lua_State *L)
{
    luaL_checkany(L, 1);
    int pretty = lua_toboolean(L, 2);
    cJSON *v = tojson(L, 1, 0);
    char *s = pretty ? cJSON_Print(v) : cJSON_PrintUnformatted(v);
    cJSON_Delete(v);
    if (!s) return luaL_error(L, "not enough memory");
    lua_pushstring(L, s);
    free(s);
    return 1;
}

/* ----------------------------------------------------------------- other */

static int key(lua_State *L)
{
    size_t len, klen;
    const char *s = luaL_checklstring(L, 1, &len);
    char *k = sift_utf8_key(s, len, &klen);
    if (!k) return luaL_error(L, "bad argument #1 to 'key' (invalid UTF-8)");
    lua_pushlstring(L, k, klen);
    free(k);
    return 1;
}

/* sift.load(path, ...) -- a corpus loaded as the command line would; nil, message on error. */
static int load(lua_State *L)
{
    int n = lua_gettop(L);
    const char *paths[64];
    luaL_argcheck(L, n >= 1 && n <= 64, 1, "expected 1 to 64 paths");
    for (int i = 1; i <= n; i++) paths[i - 1] = luaL_checkstring(L, i);
    const sift_host *h = sift_host_get(L);
    sift_load_opts o = {h->opts.jobs, h->opts.lenient, h->opts.quiet, NULL};
    sift_store *st = sift_load(paths, n, &o);
    if (st && sift_extract_check(st, &h->opts) != 0) {
        sift_store_free(st);
        st = NULL;
    }
    if (!st) {
        lua_pushnil(L);
        lua_pushstring(L, "the corpus could not be loaded (the errors were printed)");
        return 2;
    }
    sift_lua_pushcorpus(L, st);
    sift_extract_adopt(L, -1);
    return 1;
}

/* sift._manifest(json, dir) -- a corpus from manifest text (sift.testing.corpus). */
static int manifest(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *dir = luaL_optstring(L, 2, ".");
    const char *name = luaL_optstring(L, 3, "fixture");
    const sift_host *h = sift_host_get(L);
    sift_load_opts o = {1, h->opts.lenient, 1, NULL};
    sift_store *st = sift_load_manifest_text(s, len, name, dir, &o);
    if (!st) return luaL_error(L, "invalid fixture corpus (see the messages above)");
    sift_lua_pushcorpus(L, st);
    sift_extract_adopt(L, -1);
    return 1;
}

/* sift._methods(class) -- the methods table of a class ("sift.doc"), for the stdlib. */
static int methods(lua_State *L)
{
    const char *cls = luaL_checkstring(L, 1);
    lua_pushfstring(L, "%s.methods", cls);
    if (lua_gettable(L, LUA_REGISTRYINDEX) != LUA_TTABLE)
        return luaL_error(L, "no class '%s'", cls);
    return 1;
}

/* sift._fields(class) -- the field names of a class, for help and completion. */
static int fields(lua_State *L)
{
    const char *cls = luaL_checkstring(L, 1);
    lua_pushfstring(L, "%s.fields", cls);
    if (lua_gettable(L, LUA_REGISTRYINDEX) != LUA_TTABLE)
        return luaL_error(L, "no class '%s'", cls);
    return 1;
}

/*
** sift._setmeta(name, mt) -- the metatable C gives the plain tables it
** returns: lists ("sift.list"), quantities ("sift.quantity"), times
** ("sift.time"). The stdlib defines them; C only attaches them.
*/
static int setmeta(lua_State *L)
{
    static const char *const NAMES[] = {SIFT_LIST, SIFT_QUANTITY, SIFT_TIME, NULL};
    int which = luaL_checkoption(L, 1, NULL, NAMES);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    lua_setfield(L, LUA_REGISTRYINDEX, NAMES[which]);
    return 0;
}

int sift_lua_open_sift(lua_State *L)
{
    static const luaL_Reg json[] = {{"decode", jdecode}, {"encode", jencode}, {NULL, NULL}};
    static const luaL_Reg fns[] = {
        {"key", key},          {"load", load},      {"_manifest", manifest},
        {"_methods", methods}, {"_fields", fields}, {"_setmeta", setmeta},
        {NULL, NULL}};
    luaL_newlib(L, fns);
    sift_extract_lua_open(L, -1);
    lua_pushliteral(L, SIFT_VERSION_STRING);
    lua_setfield(L, -2, "version");
    luaL_newlib(L, json);
    /* json.null: a unique light value that prints as "null" */
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "null");
    lua_setfield(L, -2, "__name");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "sift.json.null");
    lua_setfield(L, -2, "null");
    /* json.array: metatable marking a table to encode as an array even when empty */
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "sift.json.array");
    lua_setfield(L, -2, "array_mt");
    lua_setfield(L, -2, "json");
    return 1;
}
