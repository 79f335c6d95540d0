/*
** pool.h -- a parallel for-loop over worker threads.
**
** sift_pool_run calls fn(ctx, i, worker) once for every i in [0, n), from
** `jobs` threads (the calling thread is worker 0), handing out indexes in
** order. Results must go to per-index slots so that the outcome does not
** depend on scheduling. jobs <= 0 means one thread per core.
*/
#ifndef SIFT_POOL_H
#define SIFT_POOL_H

#include <stddef.h>

typedef void (*sift_pool_fn)(void *ctx, size_t i, int worker);

/* Number of worker threads `jobs` stands for (resolves 0 to the core count). */
int sift_pool_size(int jobs);
/* Returns 0, or -1 when no thread could be started (then nothing ran). */
int sift_pool_run(int jobs, size_t n, sift_pool_fn fn, void *ctx);

#endif
