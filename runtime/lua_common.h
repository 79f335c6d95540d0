/*
** lua_common.h -- what every Lua binding shares: class names, handle
** layouts, and the helpers that make every class behave alike (strict field
** access, help text, one userdata per record).
**
** Handles are small userdata whose user value is the corpus userdata that
** owns the store, so a handle can never outlive its store. Documents are
** cached (one userdata per document, in a weak table) so they work as table
** keys; spans are made on demand and compare by value.
*/
#ifndef SIFT_LUA_COMMON_H
#define SIFT_LUA_COMMON_H

#include <lauxlib.h>
#include <lua.h>
#include <stdint.h>

#include "store.h"

#define SIFT_CORPUS    "sift.corpus"
#define SIFT_DOC       "sift.doc"
#define SIFT_SPAN      "sift.span"
#define SIFT_SCANWORDS "sift.scanwords" /* a start-word set of sift.scan */
/* metatables of plain tables, defined by the stdlib (sift._setmeta) */
#define SIFT_LIST     "sift.list"
#define SIFT_QUANTITY "sift.quantity"
#define SIFT_TIME     "sift.time"

/* span kinds */
enum { SIFT_SPAN_MATCH, SIFT_SPAN_SENTENCE, SIFT_SPAN_HEADLINE, SIFT_SPAN_PARAGRAPH };

typedef struct {
    sift_store *st; /* owned; NULL once closed */
} lcorpus;

typedef struct {
    int doc;
} ldoc;

typedef struct {
    int doc;
    uint32_t start, end; /* byte offsets into the original bytes, end exclusive */
    int32_t index;       /* sentence or paragraph index, -1 for a match */
    uint8_t kind;
} lspan;

/* Classes: each registers its metatable and methods table. */
void sift_lua_open_corpus(lua_State *L);
void sift_lua_open_doc(lua_State *L);
void sift_lua_open_span(lua_State *L);
int sift_lua_open_sift(lua_State *L);  /* the C half of the 'sift' module */
int sift_lua_open_scan(lua_State *L);  /* sift.scan, the grammars' candidate search */
int sift_lua_open_tok(lua_State *L);   /* sift.tok, the attribution grammar's tokenizer */
int sift_lua_open_cdate(lua_State *L); /* sift.cdate, C helpers of the date grammar */
int sift_lua_open_cname(lua_State *L); /* sift.cname, C helpers of the name grammar */

/* Push a new corpus userdata owning st (st is freed by its __gc). */
void sift_lua_pushcorpus(lua_State *L, sift_store *st);
lcorpus *sift_lua_checkcorpus(lua_State *L, int idx);
/* The store behind any handle (corpus, doc or span) at idx. */
sift_store *sift_lua_store(lua_State *L, int idx);
/* Push the doc handle for document i of the corpus at corpus_idx. */
void sift_lua_pushdoc(lua_State *L, int corpus_idx, int i);
ldoc *sift_lua_checkdoc(lua_State *L, int idx);
/* Push a span owned by the corpus at corpus_idx. */
void sift_lua_pushspan(lua_State *L, int corpus_idx, const lspan *s);
lspan *sift_lua_checkspan(lua_State *L, int idx);

/* The manifest's sides and entities as lists of plain tables (corpus:sides(),
** corpus:declared(), and the extractors' configuration). */
void sift_lua_pushsides(lua_State *L, const sift_store *st);
void sift_lua_pushdecls(lua_State *L, const sift_store *st);

/* A document's sentences as {s=, e=, kind=} in plain-text positions (1-based). */
void sift_lua_pushplainsents(lua_State *L, const sift_doc *d);

/* Push a new empty sequence with the sift.list metatable. */
void sift_lua_newlist(lua_State *L, int n);
/* Give the table on top the stdlib metatable `name`, when it is defined. */
void sift_lua_setmeta(lua_State *L, const char *name);

/*
** Create a class: metatable `name` with the given metamethods and a methods
** table (stored in the registry as "<name>.methods", where the stdlib adds
** Lua-written methods). `index` answers fields; unknown keys then fall to
** the methods table, and past it raise "unknown field 'x' on <what>
** (expected one of: ...)".
*/
void sift_lua_newclass(lua_State *L, const char *name, const luaL_Reg *meta,
                       const luaL_Reg *methods, lua_CFunction index, const char *const *fields);
/* Shared __index tail: look key (at 2) up in the class methods or raise. */
int sift_lua_method_or_error(lua_State *L, const char *cls, const char *const *fields);

/* Push a string or nil. */
void sift_lua_pushstr(lua_State *L, const char *s);

#endif
