/*
** lua_corpus.c -- the corpus class: the handle Lua scripts get as `corpus`.
** Owns the store (freed by __gc/__close). Its user value is a table holding
** the document cache (one userdata per document, weak values) and the
** id -> index map.
**
*** @field corpus.name        the corpus name (manifest "name" or folder name)
*** @method corpus:documents() every document, in corpus order
*** @method corpus:document(id) the document with this id, or nil
*** @method corpus:sides()     the sides the manifest declares
*** @method corpus:entities()  (declared entities; extraction adds more later)
*/
#include <string.h>

#include "extract.h"
#include "host.h"
#include "lua_common.h"

static const char *const FIELDS[] = {"name", NULL};

lcorpus *sift_lua_checkcorpus(lua_State *L, int idx)
{
    lcorpus *c = luaL_checkudata(L, idx, SIFT_CORPUS);
    if (!c->st) luaL_error(L, "attempt to use a closed corpus");
    return c;
}

void sift_lua_pushcorpus(lua_State *L, sift_store *st)
{
    lcorpus *c = lua_newuserdatauv(L, sizeof *c, 1); /* [ud] */
    c->st = NULL;                                    /* valid (empty) before anything can fail */
    luaL_setmetatable(L, SIFT_CORPUS);
    lua_createtable(L, 1, 1); /* [ud, uv] */
    lua_newtable(L);          /* the document cache, weak-valued */
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "v");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_rawseti(L, -2, 1);
    lua_createtable(L, 0, (int)st->ndocs); /* id -> index */
    for (size_t i = 0; i < st->ndocs; i++) {
        lua_pushinteger(L, (lua_Integer)i);
        lua_setfield(L, -2, st->docs[i].id);
    }
    lua_setfield(L, -2, "ids");
    lua_setiuservalue(L, -2, 1); /* [ud] */
    c->st = st;
}

void sift_lua_pushdoc(lua_State *L, int corpus_idx, int i)
{
    corpus_idx = lua_absindex(L, corpus_idx);
    lua_getiuservalue(L, corpus_idx, 1); /* [uv] */
    lua_rawgeti(L, -1, 1);               /* [uv, cache] */
    if (lua_rawgeti(L, -1, i) != LUA_TNIL) {
        lua_replace(L, -3);
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    ldoc *d = lua_newuserdatauv(L, sizeof *d, 1); /* [uv, cache, doc] */
    d->doc = i;
    luaL_setmetatable(L, SIFT_DOC);
    lua_pushvalue(L, corpus_idx);
    lua_setiuservalue(L, -2, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, i);
    lua_replace(L, -3);
    lua_pop(L, 1); /* [doc] */
}

static int documents(lua_State *L)
{
    lcorpus *c = sift_lua_checkcorpus(L, 1);
    sift_lua_newlist(L, (int)c->st->ndocs);
    for (size_t i = 0; i < c->st->ndocs; i++) {
        sift_lua_pushdoc(L, 1, (int)i);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int document(lua_State *L)
{
    sift_lua_checkcorpus(L, 1);
    luaL_checkstring(L, 2);
    lua_getiuservalue(L, 1, 1);
    lua_getfield(L, -1, "ids");
    lua_pushvalue(L, 2);
    if (lua_rawget(L, -2) == LUA_TNIL) return 1;
    sift_lua_pushdoc(L, 1, (int)lua_tointeger(L, -1));
    return 1;
}

static void pushstrs(lua_State *L, char **v, size_t n)
{
    sift_lua_newlist(L, (int)n);
    for (size_t i = 0; i < n; i++) {
        lua_pushstring(L, v[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* Push the store's sides as a list of plain tables: {id=, label=, aliases={..}, party=bool}. */
void sift_lua_pushsides(lua_State *L, const sift_store *st)
{
    sift_lua_newlist(L, (int)st->nsides);
    for (size_t i = 0; i < st->nsides; i++) {
        const sift_side *s = &st->sides[i];
        lua_createtable(L, 0, 4);
        lua_pushstring(L, s->id);
        lua_setfield(L, -2, "id");
        lua_pushstring(L, s->label);
        lua_setfield(L, -2, "label");
        lua_pushboolean(L, s->party);
        lua_setfield(L, -2, "party");
        pushstrs(L, s->aliases, s->naliases);
        lua_setfield(L, -2, "aliases");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* Push the manifest's entities as a list of plain tables {name=, kind=, side=, in=, aliases=}. */
void sift_lua_pushdecls(lua_State *L, const sift_store *st)
{
    sift_lua_newlist(L, (int)st->ndecls);
    for (size_t i = 0; i < st->ndecls; i++) {
        const sift_decl *d = &st->decls[i];
        lua_createtable(L, 0, 4);
        lua_pushstring(L, d->name);
        lua_setfield(L, -2, "name");
        lua_pushstring(L, d->kind);
        lua_setfield(L, -2, "kind");
        sift_lua_pushstr(L, d->side);
        lua_setfield(L, -2, "side");
        sift_lua_pushstr(L, d->in);
        lua_setfield(L, -2, "in");
        pushstrs(L, d->aliases, d->naliases);
        lua_setfield(L, -2, "aliases");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

static int sides(lua_State *L)
{
    sift_lua_pushsides(L, sift_lua_checkcorpus(L, 1)->st);
    return 1;
}

static int declared(lua_State *L)
{
    sift_lua_pushdecls(L, sift_lua_checkcorpus(L, 1)->st);
    return 1;
}

/* corpus:_entities() -- {name, kind, side, aliases} per entity, in resolution order. */
static int entities(lua_State *L)
{
    sift_store *st = sift_lua_checkcorpus(L, 1)->st;
    if (!st->extracted && sift_extract_run(st, &sift_host_get(L)->opts) != 0)
        return luaL_error(L, "extraction failed (see the messages above)");
    sift_lua_newlist(L, (int)st->nentities);
    for (size_t i = 0; i < st->nentities; i++) {
        const sift_entity *e = &st->entities[i];
        lua_createtable(L, 0, 5);
        lua_pushinteger(L, (lua_Integer)i + 1);
        lua_setfield(L, -2, "id");
        lua_pushstring(L, e->name);
        lua_setfield(L, -2, "name");
        sift_lua_pushstr(L, e->kind);
        lua_setfield(L, -2, "kind");
        sift_lua_pushstr(L, e->side);
        lua_setfield(L, -2, "side");
        pushstrs(L, e->aliases, e->naliases);
        lua_setfield(L, -2, "aliases");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int c_index(lua_State *L)
{
    lcorpus *c = sift_lua_checkcorpus(L, 1);
    const char *k = lua_tostring(L, 2);
    if (k && lua_type(L, 2) == LUA_TSTRING && !strcmp(k, "name")) {
        sift_lua_pushstr(L, c->st->name);
        return 1;
    }
    return sift_lua_method_or_error(L, SIFT_CORPUS, FIELDS);
}

static int c_len(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)sift_lua_checkcorpus(L, 1)->st->ndocs);
    return 1;
}

static int c_tostring(lua_State *L)
{
    lcorpus *c = luaL_checkudata(L, 1, SIFT_CORPUS);
    if (!c->st) {
        lua_pushliteral(L, "corpus (closed)");
        return 1;
    }
    size_t ns = 0;
    for (size_t i = 0; i < c->st->ndocs; i++) ns += c->st->docs[i].nsents;
    lua_pushfstring(L, "corpus %s (%I document%s, %I sentence%s)", c->st->name,
                    (lua_Integer)c->st->ndocs, c->st->ndocs == 1 ? "" : "s", (lua_Integer)ns,
                    ns == 1 ? "" : "s");
    return 1;
}

static int c_gc(lua_State *L)
{
    lcorpus *c = luaL_checkudata(L, 1, SIFT_CORPUS);
    sift_store_free(c->st);
    c->st = NULL;
    return 0;
}

void sift_lua_open_corpus(lua_State *L)
{
    static const luaL_Reg meta[] = {{"__len", c_len},
                                    {"__tostring", c_tostring},
                                    {"__gc", c_gc},
                                    {"__close", c_gc},
                                    {NULL, NULL}};
    static const luaL_Reg methods[] = {{"documents", documents}, {"document", document},
                                       {"sides", sides},         {"declared", declared},
                                       {"_entities", entities},  {NULL, NULL}};
    sift_lua_newclass(L, SIFT_CORPUS, meta, methods, c_index, FIELDS);
}
