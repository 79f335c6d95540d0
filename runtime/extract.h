/*
** extract.h -- the extraction stage: runs the Lua extractors of the stdlib
** (sift.extract) and the user's (sift.extractor) over every document, one
** Lua state per worker thread, and stores the records in the documents.
**
** Basic use:
**     if (sift_extract_run(st, &opts) != 0) -> errors were printed
**
** The host runs it lazily: on the first doc:quantities() or doc:times() of a
** corpus, or at once for `sift extract`, so scripts that need no records
** do not pay for them. Documents are independent, so the pass is parallel; each worker writes
** only its own documents, so the store comes out the same for any -j.
*/
#ifndef SIFT_EXTRACT_H
#define SIFT_EXTRACT_H

#include "cli.h"
#include "store.h"

/*
** Runs once per store (later calls return 0 at once). Returns 0; -1 after
** printing errors; -2 after printing errors of user extractors only (a
** script error: the records of the other extractors are stored).
*/
int sift_extract_run(sift_store *st, const sift_opts *o);

/*
** The same, handing each document to `sink` on the worker thread that
** stored its records (at once for records loaded from `sift extract`
** output; not for a document whose extraction failed), before
** resolution: sift extract writes them out there and frees them
** (sift_doc_spilled), so the corpus's records need not all be
** in memory at once. Resolution then records what became of the mentions
** of such a document in the store's `resolved`, by number in corpus order.
*/
typedef void (*sift_extract_sink)(void *ctx, sift_doc *d, size_t i, int worker);
int sift_extract_run_sink(sift_store *st, const sift_opts *o, sift_extract_sink sink, void *ctx);

/*
** User extractors (sift.extractor; stdlib/sift/extract.lua).
**
** sift_extract_check loads the extractor files the manifest listed into a
** scratch state, so one that does not load is an input error found at load
** time: 0, or -1 after printing "corpus.json:L:C: error: extractor F did not
** load: F:LINE: ...". Call it once after sift_load.
**
** sift_extract_lua_open adds core._extractor (the bookkeeping of
** sift.extractor) to the `sift.core` table at index `core`.
** sift_extract_adopt registers the corpus at idx with its state: the files
** the state's scripts defined extractors in join its store now, and later
** definitions join it too. Call it on every corpus a state makes.
*/
struct lua_State;
int sift_extract_check(sift_store *st, const sift_opts *o);
void sift_extract_lua_open(struct lua_State *L, int core);
void sift_extract_adopt(struct lua_State *L, int idx);

#endif
