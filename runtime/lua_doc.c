/*
** lua_doc.c -- the document class. A doc is a handle (document index, user
** value: the corpus); fields are read from the store on access.
**
*** @field doc.id doc.source doc.published doc.kind doc.title doc.language doc.url doc.path
*** @field doc.text    the original bytes (positions of spans index this string)
*** @field doc.plain   the text with markup removed (what extraction reads)
*** @field doc.bytes   #doc.text
*** @field doc.meta    other manifest or record fields, as a table
*** @method doc:sentences()  sentences and headlines, as spans
*** @method doc:paragraphs() paragraphs, as spans
*** @method doc:span(i, j)   the span of doc.text:sub(i, j)
*** @method doc:quantities() the figures found in it (sift.quantity tables)
*** @method doc:times()      the dates and durations found in it (sift.time tables)
*/
#include <cJSON.h>
#include <math.h>
#include <string.h>

#include "extract.h"
#include "host.h"
#include "lua_common.h"

static const char *const FIELDS[] = {"id",       "source", "published", "kind", "title",
                                     "language", "url",    "path",      "text", "plain",
                                     "bytes",    "meta",   "corpus",    NULL};

ldoc *sift_lua_checkdoc(lua_State *L, int idx)
{
    return luaL_checkudata(L, idx, SIFT_DOC);
}

static sift_doc *getdoc(lua_State *L, int idx)
{
    ldoc *d = sift_lua_checkdoc(L, idx);
    return &sift_lua_store(L, idx)->docs[d->doc];
}

/* JSON value -> Lua value (objects to tables, arrays to sequences). */
static void pushjson(lua_State *L, const cJSON *v)
{
    if (cJSON_IsString(v))
        lua_pushstring(L, v->valuestring);
    else if (cJSON_IsNumber(v)) {
        double x = v->valuedouble;
        if (x == (double)(lua_Integer)x)
            lua_pushinteger(L, (lua_Integer)x);
        else
            lua_pushnumber(L, x);
    } else if (cJSON_IsBool(v))
        lua_pushboolean(L, cJSON_IsTrue(v));
    else if (cJSON_IsArray(v)) {
        lua_newtable(L);
        int i = 0;
        for (const cJSON *c = v->child; c; c = c->next) {
            pushjson(L, c);
            lua_rawseti(L, -2, ++i);
        }
    } else if (cJSON_IsObject(v)) {
        lua_newtable(L);
        for (const cJSON *c = v->child; c; c = c->next) {
            pushjson(L, c);
            lua_setfield(L, -2, c->string);
        }
    } else
        lua_pushnil(L);
}

static int d_index(lua_State *L)
{
    sift_doc *d = getdoc(L, 1);
    const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
    size_t plen;
    if (!strcmp(k, "id"))
        sift_lua_pushstr(L, d->id);
    else if (!strcmp(k, "source"))
        sift_lua_pushstr(L, d->source);
    else if (!strcmp(k, "published"))
        sift_lua_pushstr(L, d->published);
    else if (!strcmp(k, "kind"))
        sift_lua_pushstr(L, d->kind);
    else if (!strcmp(k, "title"))
        sift_lua_pushstr(L, d->title);
    else if (!strcmp(k, "language"))
        sift_lua_pushstr(L, d->language);
    else if (!strcmp(k, "url"))
        sift_lua_pushstr(L, d->url);
    else if (!strcmp(k, "path"))
        sift_lua_pushstr(L, d->path);
    else if (!strcmp(k, "text"))
        lua_pushlstring(L, d->bytes, d->len);
    else if (!strcmp(k, "plain")) {
        const char *p = sift_doc_plain(d, &plen);
        lua_pushlstring(L, p, plen);
    } else if (!strcmp(k, "bytes"))
        lua_pushinteger(L, (lua_Integer)d->len);
    else if (!strcmp(k, "meta")) {
        cJSON *m = d->meta ? cJSON_Parse(d->meta) : NULL;
        if (m)
            pushjson(L, m);
        else
            lua_newtable(L);
        cJSON_Delete(m);
    } else if (!strcmp(k, "corpus"))
        lua_getiuservalue(L, 1, 1);
    else
        return sift_lua_method_or_error(L, SIFT_DOC, FIELDS);
    return 1;
}

static int sentences(lua_State *L)
{
    sift_doc *d = getdoc(L, 1);
    int doc = sift_lua_checkdoc(L, 1)->doc;
    lua_getiuservalue(L, 1, 1); /* [corpus] */
    int corpus = lua_gettop(L);
    sift_lua_newlist(L, (int)d->nsents);
    for (size_t i = 0; i < d->nsents; i++) {
        lspan s = {doc, d->sents[i].start, d->sents[i].end, (int32_t)i,
                   d->sents[i].kind == SIFT_SENT_HEADLINE ? SIFT_SPAN_HEADLINE
                                                          : SIFT_SPAN_SENTENCE};
        sift_lua_pushspan(L, corpus, &s);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int paragraphs(lua_State *L)
{
    sift_doc *d = getdoc(L, 1);
    int doc = sift_lua_checkdoc(L, 1)->doc;
    lua_getiuservalue(L, 1, 1);
    int corpus = lua_gettop(L);
    sift_lua_newlist(L, (int)d->nparas);
    for (size_t i = 0; i < d->nparas; i++) {
        lspan s = {doc, d->paras[i].start, d->paras[i].end, (int32_t)i, SIFT_SPAN_PARAGRAPH};
        sift_lua_pushspan(L, corpus, &s);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static void setnum(lua_State *L, const char *k, double v)
{
    if (isnan(v)) return;
    if (v == floor(v) && fabs(v) < 9.0e15)
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

static void setstr(lua_State *L, const char *k, const char *v)
{
    if (!v || !*v) return;
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

static void setbool(lua_State *L, const char *k, int v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

/* Fields every record table shares: doc, start, stop (Lua positions), text. */
static void setspan(lua_State *L, int docidx, const sift_doc *d, uint32_t start, uint32_t end)
{
    lua_pushvalue(L, docidx);
    lua_setfield(L, -2, "doc");
    lua_pushinteger(L, (lua_Integer)start + 1);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)end);
    lua_setfield(L, -2, "stop");
    lua_pushlstring(L, d->bytes + start, end - start);
    lua_setfield(L, -2, "text");
}

/*
** The records of a store, extracted on first use: the whole corpus in one
** parallel pass (extract.c), so a script that never asks pays nothing.
*/
static void need_records(lua_State *L, int idx)
{
    sift_store *st = sift_lua_store(L, idx);
    if (!st->extracted && sift_extract_run(st, &sift_host_get(L)->opts) != 0)
        luaL_error(L, "extraction failed (see the messages above)");
}

/* doc:quantities() -- the figures in the document, as plain tables (sift.quantity). */
static int quantities(lua_State *L)
{
    need_records(L, 1);
    sift_doc *d = getdoc(L, 1);
    sift_lua_newlist(L, (int)d->nquantities);
    for (size_t i = 0; i < d->nquantities; i++) {
        const sift_quantity *q = &d->quantities[i];
        lua_createtable(L, 0, 12);
        setspan(L, 1, d, q->start, q->end);
        setnum(L, "value", q->value);
        setnum(L, "min", q->min);
        setnum(L, "max", q->max);
        setnum(L, "coded", q->coded);
        setstr(L, "unit", q->unit);
        setbool(L, "approx", q->approx);
        setbool(L, "vague", q->vague);
        if (q->ordinal) setbool(L, "ordinal", 1);
        if (!isnan(q->base)) {
            lua_createtable(L, 0, 2);
            setnum(L, "value", q->base);
            setstr(L, "unit", q->base_unit);
            lua_setfield(L, -2, "base");
        }
        if (!isnan(q->alt)) {
            lua_createtable(L, 0, 5);
            setnum(L, "value", q->alt);
            setstr(L, "unit", q->alt_unit);
            lua_pushinteger(L, (lua_Integer)q->alt_start + 1);
            lua_setfield(L, -2, "start");
            lua_pushinteger(L, (lua_Integer)q->alt_end);
            lua_setfield(L, -2, "stop");
            lua_pushlstring(L, d->bytes + q->alt_start, q->alt_end - q->alt_start);
            lua_setfield(L, -2, "text");
            lua_setfield(L, -2, "alt");
        }
        sift_lua_setmeta(L, SIFT_QUANTITY);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* doc:times() -- the dates and durations in the document (sift.time). */
static int times(lua_State *L)
{
    static const char *const ANCHORS[] = {"none", "published", "dateline", "text"};
    need_records(L, 1);
    sift_doc *d = getdoc(L, 1);
    char buf[32];
    sift_lua_newlist(L, (int)d->ntimes);
    for (size_t i = 0; i < d->ntimes; i++) {
        const sift_time *t = &d->times[i];
        lua_createtable(L, 0, 12);
        setspan(L, 1, d, t->start, t->end);
        setstr(L, "value", t->value);
        setstr(L, "kind", t->kind == SIFT_TIME_DURATION ? "duration" : "date");
        setstr(L, "precision", t->precision);
        setstr(L, "mod", t->mod);
        if (t->earliest != SIFT_NO_DAY) {
            sift_fmt_day(t->earliest, buf);
            setstr(L, "earliest", buf);
        }
        if (t->latest != SIFT_NO_DAY) {
            sift_fmt_day(t->latest, buf);
            setstr(L, "latest", buf);
        }
        setbool(L, "relative", t->relative);
        setstr(L, "anchor", ANCHORS[t->anchor]);
        sift_lua_setmeta(L, SIFT_TIME);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* doc:_mentions() -- {start, stop, text, entity (1-based or nil), kind, side, cue, role, title,
 * why}. */
static int mentions(lua_State *L)
{
    need_records(L, 1);
    sift_doc *d = getdoc(L, 1);
    const sift_store *st = sift_lua_store(L, 1);
    sift_lua_newlist(L, (int)d->nmentions);
    for (size_t i = 0; i < d->nmentions; i++) {
        const sift_mention *m = &d->mentions[i];
        lua_createtable(L, 0, 10);
        setspan(L, 1, d, m->start, m->end);
        if (m->entity >= 0) {
            lua_pushinteger(L, (lua_Integer)m->entity + 1);
            lua_setfield(L, -2, "entity");
        }
        setstr(L, "kind", sift_store_str(st, m->kind));
        setstr(L, "side", sift_store_str(st, m->side));
        setstr(L, "cue", sift_store_str(st, m->cue));
        setstr(L, "role", sift_store_str(st, m->role));
        setstr(L, "title", sift_store_str(st, m->title));
        setstr(L, "decl", sift_store_str(st, m->decl));
        setstr(L, "why", sift_store_str(st, m->why));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* doc:_claims() -- the claims as plain tables; the stdlib gives them their class. */
static int claims(lua_State *L)
{
    need_records(L, 1);
    sift_doc *d = getdoc(L, 1);
    sift_lua_newlist(L, (int)d->nclaims);
    for (size_t i = 0; i < d->nclaims; i++) {
        const sift_claim *c = &d->claims[i];
        lua_createtable(L, 0, 24);
        setspan(L, 1, d, c->start, c->end);
        lua_pushinteger(L, (lua_Integer)c->id);
        lua_setfield(L, -2, "id");
        setstr(L, "kind", c->kind);
        setstr(L, "category", c->category);
        if (c->quantity >= 0 && (size_t)c->quantity < d->nquantities) {
            lua_pushinteger(L, (lua_Integer)c->quantity + 1);
            lua_setfield(L, -2, "quantity_index");
        }
        if (c->time >= 0 && (size_t)c->time < d->ntimes) {
            lua_pushinteger(L, (lua_Integer)c->time + 1);
            lua_setfield(L, -2, "time_index");
        }
        setnum(L, "value", c->value);
        setnum(L, "min", c->min);
        setnum(L, "max", c->max);
        setbool(L, "vague", c->vague);
        setbool(L, "hedged", c->hedged);
        setstr(L, "polarity", c->deny ? "deny" : "affirm");
        setstr(L, "subject", c->subject);
        setstr(L, "subject_side", c->subject_side);
        setstr(L, "claimant", c->claimant);
        setstr(L, "claimant_side", c->claimant_side);
        setstr(L, "holder_side", c->holder_side);
        setstr(L, "cue", c->cue);
        setstr(L, "action", c->action);
        setstr(L, "place", c->place);
        setstr(L, "extent", c->extent);
        if (c->claimant_entity >= 0) {
            lua_pushinteger(L, (lua_Integer)c->claimant_entity + 1);
            lua_setfield(L, -2, "claimant_entity");
        }
        if (c->place_entity >= 0) {
            lua_pushinteger(L, (lua_Integer)c->place_entity + 1);
            lua_setfield(L, -2, "place_entity");
        }
        setstr(L, "source", d->source);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* Push a document's sentences as {s=, e=, kind=} in plain-text positions (1-based). */
void sift_lua_pushplainsents(lua_State *L, const sift_doc *d)
{
    lua_createtable(L, (int)d->nsents, 0);
    for (size_t i = 0; i < d->nsents; i++) {
        lua_createtable(L, 0, 3);
        lua_pushinteger(L, (lua_Integer)d->sents[i].pstart + 1);
        lua_setfield(L, -2, "s");
        lua_pushinteger(L, (lua_Integer)d->sents[i].pend);
        lua_setfield(L, -2, "e");
        lua_pushstring(L, d->sents[i].kind == SIFT_SENT_HEADLINE ? "headline" : "sentence");
        lua_setfield(L, -2, "kind");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* doc:_plainsentences() -- the sentences extractors see (sift.extract.context). */
static int plainsentences(lua_State *L)
{
    sift_lua_pushplainsents(L, getdoc(L, 1));
    return 1;
}

/*
** Lua positions to a byte range, following string.sub: negative positions
** count from the end, out-of-range ones are clamped.
*/
static void subrange(lua_Integer i, lua_Integer j, size_t len, uint32_t *start, uint32_t *end)
{
    lua_Integer n = (lua_Integer)len;
    if (i < 0)
        i = i < -n ? 1 : n + i + 1;
    else if (i == 0)
        i = 1;
    if (j < 0)
        j = j < -n ? 0 : n + j + 1;
    else if (j > n)
        j = n;
    if (i > j) { /* empty: sits at i (clamped to the end) */
        if (i > n + 1) i = n + 1;
        *start = *end = (uint32_t)(i - 1);
        return;
    }
    *start = (uint32_t)(i - 1);
    *end = (uint32_t)j;
}

/* doc:span(i [, j]) -- the span of doc.text:sub(i, j). */
static int span(lua_State *L)
{
    sift_doc *d = getdoc(L, 1);
    int doc = sift_lua_checkdoc(L, 1)->doc;
    lua_Integer i = luaL_checkinteger(L, 2), j = luaL_optinteger(L, 3, -1);
    lspan s = {doc, 0, 0, -1, SIFT_SPAN_MATCH};
    subrange(i, j, d->len, &s.start, &s.end);
    lua_getiuservalue(L, 1, 1);
    sift_lua_pushspan(L, lua_gettop(L), &s);
    return 1;
}

/* doc:_plainspan(i, j) -- a span for plain-text positions (1-based, inclusive). */
static int plainspan(lua_State *L)
{
    sift_doc *d = getdoc(L, 1);
    int doc = sift_lua_checkdoc(L, 1)->doc;
    size_t plen;
    sift_doc_plain(d, &plen);
    uint32_t a, b;
    subrange(luaL_checkinteger(L, 2), luaL_checkinteger(L, 3), plen, &a, &b);
    lspan s = {doc, (uint32_t)sift_doc_src_start(d, a), 0, -1, SIFT_SPAN_MATCH};
    s.end = a == b ? s.start : (uint32_t)sift_doc_src_end(d, b);
    lua_getiuservalue(L, 1, 1);
    sift_lua_pushspan(L, lua_gettop(L), &s);
    return 1;
}

static int d_tostring(lua_State *L)
{
    sift_doc *d = getdoc(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushfstring(L, "doc %s (", d->id);
    luaL_addvalue(&b);
    if (d->source) {
        luaL_addstring(&b, d->source);
        luaL_addstring(&b, ", ");
    }
    if (d->published) {
        luaL_addstring(&b, d->published);
        luaL_addstring(&b, ", ");
    }
    lua_pushfstring(L, "%I sentence%s, %I bytes)", (lua_Integer)d->nsents,
                    d->nsents == 1 ? "" : "s", (lua_Integer)d->len);
    luaL_addvalue(&b);
    luaL_pushresult(&b);
    return 1;
}

static int d_lt(lua_State *L)
{
    lua_pushboolean(L, sift_lua_checkdoc(L, 1)->doc < sift_lua_checkdoc(L, 2)->doc);
    return 1;
}

void sift_lua_open_doc(lua_State *L)
{
    static const luaL_Reg meta[] = {{"__tostring", d_tostring}, {"__lt", d_lt}, {NULL, NULL}};
    static const luaL_Reg methods[] = {{"sentences", sentences},
                                       {"paragraphs", paragraphs},
                                       {"span", span},
                                       {"quantities", quantities},
                                       {"times", times},
                                       {"_plainspan", plainspan},
                                       {"_plainsentences", plainsentences},
                                       {"_mentions", mentions},
                                       {"_claims", claims},
                                       {NULL, NULL}};
    sift_lua_newclass(L, SIFT_DOC, meta, methods, d_index, FIELDS);
}
