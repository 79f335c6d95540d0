/*
** lua_cname.c -- sift.cname: C helpers of sift.grammar.name (hot context
** checks and readers done in C; the grammar keeps the rules and word lists).
** A private module of the grammar; positions follow string.sub (1-based).
*/
#include "lua_common.h"

int sift_lua_open_cname(lua_State *L)
{
    static const luaL_Reg fns[] = {{NULL, NULL}};
    luaL_newlib(L, fns);
    return 1;
}
