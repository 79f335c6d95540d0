/*
** host.h -- the lua_State lifecycle: a state with the sandbox (or, with
** --unsafe, the full standard library), the sift classes and stdlib loaded,
** memory and time limits, and the one error path to the terminal.
**
** Basic use:
**     lua_State *L = sift_host_new(&opts);        -- NULL: out of memory
**     int st = sift_host_dofile(L, "rules.lua");  -- LUA_OK or an error
**     if (st != LUA_OK) sift_host_report(L);      -- prints message + traceback
**     sift_host_close(L);
**
** One state per thread; states share nothing. The host struct lives in the
** state's extra space (sift_host_get).
*/
#ifndef SIFT_HOST_H
#define SIFT_HOST_H

#include <lua.h>
#include <stddef.h>

#include "cli.h"

#define SIFT_VERSION_STRING SIFT_VERSION

/* Small blocks by size class, for states made with sift_host_new_pooled. */
enum {
    SIFT_POOL_STEP = 16,
    SIFT_POOL_MAX = 256,
    SIFT_POOL_CLASSES = SIFT_POOL_MAX / SIFT_POOL_STEP
};

typedef struct {
    void *free[SIFT_POOL_CLASSES]; /* freed blocks of each class, linked through their first word */
    char *cur, *end;               /* the unused rest of the newest chunk */
    void *chunks;                  /* every chunk, linked through its first word */
} sift_pool;

typedef struct {
    sift_opts opts;
    size_t mem_used, mem_limit;
    double deadline; /* monotonic seconds; 0 = none */
    int timed_out;
    int pooled; /* blocks up to SIFT_POOL_MAX bytes come from pool */
    sift_pool pool;
} sift_host;

lua_State *sift_host_new(const sift_opts *o);
/* The same, with its small blocks (most of a state's: strings, tables,
   closures) carved from chunks of its own and kept for reuse when freed,
   until the state closes. For a state that makes and drops millions of
   them, such as an extraction worker's: C library malloc spends a tenth of
   extraction's time on them. Its memory does not shrink in between. */
lua_State *sift_host_new_pooled(const sift_opts *o);
void sift_host_close(lua_State *L);
sift_host *sift_host_get(lua_State *L);

/* Start the --timeout clock for the next script (a no-op without --timeout). */
void sift_host_arm(lua_State *L);

/* Call the function below nargs arguments with a traceback handler. */
int sift_host_docall(lua_State *L, int nargs, int nres);
/* Load a file as a text chunk named "@path" and run it. */
int sift_host_dofile(lua_State *L, const char *path);
/* Load a string chunk (text only) with the given chunk name and run it. */
int sift_host_dostring(lua_State *L, const char *s, size_t len, const char *name, int nres);
/* Make reading an undefined global an error (after the command set its globals). */
void sift_host_strict(lua_State *L);
/* Print the error message on top of the stack to stderr and pop it. */
void sift_host_report(lua_State *L);

/*
** Load the corpus arguments of o (if any) and set the global `corpus`.
** Returns SIFT_EXIT_OK, or SIFT_EXIT_INPUT after the loader printed why.
*/
int sift_host_load_corpus(lua_State *L, const sift_opts *o);

/*
** A state for a command: sift_host_new, then the corpus arguments of o
** loaded as `corpus`. Returns SIFT_EXIT_OK with *out set, or
** SIFT_EXIT_INPUT (and *out NULL) after saying why.
*/
int sift_host_open(const sift_opts *o, lua_State **out);

/* Print the errors of rules that raised: the {rule, message} list at idx. */
void sift_host_rule_errors(lua_State *L, int idx);

/* Print the values on the stack from index `first` with sift.inspect, tab-separated. */
void sift_host_show(lua_State *L, int first);

#endif
