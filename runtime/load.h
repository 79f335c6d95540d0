/*
** load.h -- corpus loading: folders, manifests (corpus.json and includes),
** single document files, JSON and JSON Lines records, standard input.
**
** Basic use:
**     sift_load_opts o = {.jobs = 0, .lenient = 0};
**     sift_store *st = sift_load(paths, npaths, &o);
**     if (!st) -> the errors were printed; exit SIFT_EXIT_INPUT
**
** Every problem is reported, not just the first, as "file:line:col: error:
** what" on stderr; any error fails the whole load (nothing is analysed from
** a half-read corpus). Warnings (unknown manifest keys, repaired bytes) do not.
** Documents are read, validated and segmented on `jobs` threads; the store
** keeps them in argument order, then manifest or sorted-path order, so the
** result is the same for any number of threads.
*/
#ifndef SIFT_LOAD_H
#define SIFT_LOAD_H

#include "store.h"

typedef struct {
    int jobs;
    int lenient;
    int quiet;
    const char *config; /* --config: merge sides and entities from this manifest */
} sift_load_opts;

sift_store *sift_load(const char *const *paths, int npaths, const sift_load_opts *o);

/*
** A store from manifest text held in memory (sift.testing.corpus builds one
** from a Lua table): documents may carry their "text" inline; paths are
** relative to `dir`. `name` stands for the file in messages. Returns NULL
** after printing errors.
*/
sift_store *sift_load_manifest_text(const char *text, size_t len, const char *name, const char *dir,
                                    const sift_load_opts *o);

/* 1-based line and column (code points) of offset off in text. */
void sift_text_linecol(const char *text, size_t len, size_t off, size_t *line, size_t *col);

#endif
