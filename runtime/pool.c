/*
** pool.c -- the parallel for-loop of pool.h, on POSIX threads with an atomic
** index counter.
*/
#include "pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "limits.h"

typedef struct {
    sift_pool_fn fn;
    void *ctx;
    size_t n;
    atomic_size_t next;
} job;

typedef struct {
    job *j;
    int worker;
} arg;

static void *work(void *p)
{
    arg *a = p;
    size_t i;
    while ((i = atomic_fetch_add(&a->j->next, 1)) < a->j->n) a->j->fn(a->j->ctx, i, a->worker);
    return NULL;
}

int sift_pool_size(int jobs)
{
    if (jobs <= 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = c > 0 ? (int)c : 1;
    }
    return jobs > SIFT_MAX_JOBS ? SIFT_MAX_JOBS : jobs;
}

int sift_pool_run(int jobs, size_t n, sift_pool_fn fn, void *ctx)
{
    jobs = sift_pool_size(jobs);
    if ((size_t)jobs > n) jobs = n ? (int)n : 1;
    job j = {fn, ctx, n, 0};
    arg args[SIFT_MAX_JOBS];
    pthread_t th[SIFT_MAX_JOBS];
    int started = 0;
    for (int w = 1; w < jobs; w++) {
        args[w] = (arg){&j, w};
        if (pthread_create(&th[w], NULL, work, &args[w]) != 0) break;
        started = w;
    }
    args[0] = (arg){&j, 0};
    work(&args[0]);
    for (int w = 1; w <= started; w++) pthread_join(th[w], NULL);
    return 0;
}
