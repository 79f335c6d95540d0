/*
** extract.h -- the extraction stage: runs the Lua extractors of the stdlib
** (sift.extract: quantities and times for now) over every document, one Lua
** state per worker thread, and stores the records in the documents.
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

/* Runs once per store (later calls return 0 at once); 0, or -1 after printing errors. */
int sift_extract_run(sift_store *st, const sift_opts *o);

#endif
