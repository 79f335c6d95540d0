/*
** lua_common.c -- helpers shared by the Lua bindings: class creation,
** strict field access with helpful errors, lists, handle plumbing.
*/
#include "lua_common.h"

#include <string.h>

void sift_lua_pushstr(lua_State *L, const char *s)
{
    if (s)
        lua_pushstring(L, s);
    else
        lua_pushnil(L);
}

void sift_lua_setmeta(lua_State *L, const char *name)
{
    luaL_getmetatable(L, name);
    if (lua_istable(L, -1))
        lua_setmetatable(L, -2);
    else
        lua_pop(L, 1);
}

void sift_lua_newlist(lua_State *L, int n)
{
    lua_createtable(L, n, 0);
    sift_lua_setmeta(L, SIFT_LIST);
}

void sift_lua_newclass(lua_State *L, const char *name, const luaL_Reg *meta,
                       const luaL_Reg *methods, lua_CFunction index, const char *const *fields)
{
    luaL_newmetatable(L, name); /* [mt] */
    luaL_setfuncs(L, meta, 0);
    lua_pushcfunction(L, index);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
    lua_newtable(L); /* [methods] */
    luaL_setfuncs(L, methods, 0);
    lua_pushfstring(L, "%s.methods", name);
    lua_insert(L, -2);
    lua_settable(L, LUA_REGISTRYINDEX);
    /* the field list, for errors, help and completion */
    lua_newtable(L);
    for (int i = 0; fields[i]; i++) {
        lua_pushstring(L, fields[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushfstring(L, "%s.fields", name);
    lua_insert(L, -2);
    lua_settable(L, LUA_REGISTRYINDEX);
}

/*
** __index after the fields: a method, or an error listing what exists. The
** key is at index 2. Keys that are not strings (numbers on a doc) raise too.
*/
int sift_lua_method_or_error(lua_State *L, const char *cls, const char *const *fields)
{
    lua_pushfstring(L, "%s.methods", cls);
    lua_gettable(L, LUA_REGISTRYINDEX);
    lua_pushvalue(L, 2);
    lua_rawget(L, -2);
    if (!lua_isnil(L, -1)) return 1;
    lua_pop(L, 2);
    if (lua_type(L, 2) == LUA_TSTRING && lua_tostring(L, 2)[0] == '_') {
        lua_pushnil(L); /* metamethod probes such as __name, __close */
        return 1;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; fields[i]; i++) {
        if (i) luaL_addstring(&b, ", ");
        luaL_addstring(&b, fields[i]);
    }
    lua_pushfstring(L, "%s.methods", cls);
    lua_gettable(L, LUA_REGISTRYINDEX);
    /* methods in sorted order so the message is stable */
    lua_getglobal(L, "table");
    int has_sort = lua_istable(L, -1);
    lua_newtable(L);
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, -4)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING && lua_tostring(L, -1)[0] != '_') {
            lua_pushvalue(L, -1);
            lua_rawseti(L, -3, ++n);
        }
    }
    if (has_sort) {
        lua_getfield(L, -2, "sort");
        lua_pushvalue(L, -2);
        lua_call(L, 1, 0);
    }
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        const char *m = lua_tostring(L, -1);
        lua_pop(L, 1);
        luaL_addstring(&b, ", ");
        luaL_addstring(&b, m);
        luaL_addstring(&b, "()");
    }
    lua_pop(L, 3);
    luaL_pushresult(&b);
    const char *what = strchr(cls, '.') ? strchr(cls, '.') + 1 : cls;
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "unknown field '%s' on %s (expected one of: %s)", lua_tostring(L, 2),
                          what, lua_tostring(L, -1));
    return luaL_error(L, "%s has no field of type %s (expected one of: %s)", what,
                      luaL_typename(L, 2), lua_tostring(L, -1));
}

sift_store *sift_lua_store(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    lcorpus *c = luaL_testudata(L, idx, SIFT_CORPUS);
    if (!c) {
        lua_getiuservalue(L, idx, 1);
        c = luaL_testudata(L, -1, SIFT_CORPUS);
        lua_pop(L, 1);
    }
    if (!c || !c->st) luaL_error(L, "the corpus behind this object is closed");
    return c->st;
}
