/*
** lua_span.c -- spans: a range of a document's original bytes. Positions
** follow string.sub: doc.text:sub(span.start, span.stop) == span.text.
** The store keeps 0-based, end-exclusive offsets; the one conversion is here.
**
*** @field span.doc span.start span.stop span.text span.line span.col span.kind
*** @field span.offset span.length   0-based byte offset and length (as in JSON)
*** @method span:sentence()  the sentence that contains the span's start
*/
#include <string.h>

#include "lua_common.h"

static const char *const FIELDS[] = {"doc",  "start",  "stop",   "text",  "line", "col",
                                     "kind", "offset", "length", "index", NULL};
static const char *const KINDS[] = {"match", "sentence", "headline", "paragraph"};

lspan *sift_lua_checkspan(lua_State *L, int idx)
{
    return luaL_checkudata(L, idx, SIFT_SPAN);
}

void sift_lua_pushspan(lua_State *L, int corpus_idx, const lspan *s)
{
    corpus_idx = lua_absindex(L, corpus_idx);
    lspan *u = lua_newuserdatauv(L, sizeof *u, 1);
    *u = *s;
    luaL_setmetatable(L, SIFT_SPAN);
    lua_pushvalue(L, corpus_idx);
    lua_setiuservalue(L, -2, 1);
}

static sift_doc *spandoc(lua_State *L, int idx, lspan **sp)
{
    *sp = sift_lua_checkspan(L, idx);
    return &sift_lua_store(L, idx)->docs[(*sp)->doc];
}

/* Index of the sentence containing byte offset off, or -1. */
static long sentence_at(const sift_doc *d, uint32_t off)
{
    size_t lo = 0, hi = d->nsents;
    while (lo < hi) { /* first sentence ending after off */
        size_t mid = lo + (hi - lo) / 2;
        if (d->sents[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->nsents && d->sents[lo].start <= off) return (long)lo;
    return -1;
}

static int s_index(lua_State *L)
{
    lspan *s;
    sift_doc *d = spandoc(L, 1, &s);
    const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
    size_t line, col;
    if (!strcmp(k, "start"))
        lua_pushinteger(L, (lua_Integer)s->start + 1);
    else if (!strcmp(k, "stop"))
        lua_pushinteger(L, (lua_Integer)s->end);
    else if (!strcmp(k, "offset"))
        lua_pushinteger(L, (lua_Integer)s->start);
    else if (!strcmp(k, "length"))
        lua_pushinteger(L, (lua_Integer)(s->end - s->start));
    else if (!strcmp(k, "text"))
        lua_pushlstring(L, d->bytes + s->start, s->end - s->start);
    else if (!strcmp(k, "kind"))
        lua_pushstring(L, KINDS[s->kind]);
    else if (!strcmp(k, "index")) {
        if (s->index < 0)
            lua_pushnil(L);
        else
            lua_pushinteger(L, (lua_Integer)s->index + 1);
    } else if (!strcmp(k, "line") || !strcmp(k, "col")) {
        sift_doc_linecol(d, s->start, &line, &col);
        lua_pushinteger(L, (lua_Integer)(k[0] == 'l' ? line : col));
    } else if (!strcmp(k, "doc")) {
        lua_getiuservalue(L, 1, 1);
        sift_lua_pushdoc(L, -1, s->doc);
    } else
        return sift_lua_method_or_error(L, SIFT_SPAN, FIELDS);
    return 1;
}

static int sentence(lua_State *L)
{
    lspan *s;
    sift_doc *d = spandoc(L, 1, &s);
    long i = sentence_at(d, s->start);
    if (i < 0) {
        lua_pushnil(L);
        return 1;
    }
    lspan t = {s->doc, d->sents[i].start, d->sents[i].end, (int32_t)i,
               d->sents[i].kind == SIFT_SENT_HEADLINE ? SIFT_SPAN_HEADLINE : SIFT_SPAN_SENTENCE};
    lua_getiuservalue(L, 1, 1);
    sift_lua_pushspan(L, -1, &t);
    return 1;
}

static int s_tostring(lua_State *L)
{
    lspan *s;
    sift_doc *d = spandoc(L, 1, &s);
    size_t line, col;
    sift_doc_linecol(d, s->start, &line, &col);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushfstring(L, "%s:%I:%I \"", d->id, (lua_Integer)line, (lua_Integer)col);
    luaL_addvalue(&b);
    /* at most 60 bytes of text, cut at a character boundary, newlines shown as spaces */
    size_t n = s->end - s->start, shown = n > 60 ? 60 : n;
    while (shown < n && shown > 0 && ((unsigned char)d->bytes[s->start + shown] & 0xC0) == 0x80)
        shown--;
    for (size_t i = 0; i < shown; i++) {
        char c = d->bytes[s->start + i];
        if (c == '"' || c == '\\') luaL_addchar(&b, '\\');
        luaL_addchar(&b, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    luaL_addstring(&b, shown < n ? "…\"" : "\"");
    luaL_pushresult(&b);
    return 1;
}

static int s_eq(lua_State *L)
{
    lspan *a = sift_lua_checkspan(L, 1), *b = sift_lua_checkspan(L, 2);
    lua_pushboolean(L, a->doc == b->doc && a->start == b->start && a->end == b->end &&
                           sift_lua_store(L, 1) == sift_lua_store(L, 2));
    return 1;
}

/* Spans order by document, then start, then end: table.sort works on them. */
static int s_lt(lua_State *L)
{
    lspan *a = sift_lua_checkspan(L, 1), *b = sift_lua_checkspan(L, 2);
    int lt = a->doc != b->doc       ? a->doc < b->doc
             : a->start != b->start ? a->start < b->start
                                    : a->end < b->end;
    lua_pushboolean(L, lt);
    return 1;
}

static int s_len(lua_State *L)
{
    lspan *s = sift_lua_checkspan(L, 1);
    lua_pushinteger(L, (lua_Integer)(s->end - s->start));
    return 1;
}

void sift_lua_open_span(lua_State *L)
{
    static const luaL_Reg meta[] = {
        {"__tostring", s_tostring}, {"__eq", s_eq}, {"__lt", s_lt}, {"__len", s_len}, {NULL, NULL}};
    static const luaL_Reg methods[] = {{"sentence", sentence}, {NULL, NULL}};
    sift_lua_newclass(L, SIFT_SPAN, meta, methods, s_index, FIELDS);
}
