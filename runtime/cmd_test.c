/*
** cmd_test.c -- `sift test`: run *_test.lua files. Each file runs in a fresh
** state with the sift.testing globals (test, eq, ok, raises, matches); the
** run ends with "N passed, N failed" and exits 1 when anything failed.
*/
#include <dirent.h>
#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "host.h"

static const char HELP[] =
    "usage: sift test [OPTIONS] [FILE_test.lua | DIR]...\n"
    "\n"
    "Run Lua test files (default: every *_test.lua under the current folder,\n"
    "sorted). Each file runs in a fresh Lua state with these globals:\n"
    "  test(name, fn)       register a test\n"
    "  eq(got, want)        deep equality     ok(v)   v is true\n"
    "  matches(s, pattern)  Lua pattern       raises(fn [, pattern])\n"
    "  testing.corpus{ {id=, source=, published=, text=}, ..., sides = {...} }\n"
    "                       a fixture corpus from inline documents\n"
    "  snapshot(name, v)    v equals __snapshots__/<file>.<name>.txt (--accept writes it)\n"
    "  testing.findings(corpus [, rules])  the report of the rules, to snapshot\n"
    "\n"
    "options:\n"
    "  --corpus PATH   load PATH as the global `corpus` for every file\n"
    "  -v, --verbose   a line for passing tests too, tracebacks for failures\n"
    "  --accept        write or update the snapshots the tests compare against\n"
    "  --junit FILE    also write the results as JUnit XML\n"
    "  --unsafe, --timeout S, --max-memory MB, -q   as for 'sift run'\n"
    "\n"
    "Output: a line per failing test (per test with -v), then 'N passed, N failed'.\n"
    "exit codes: 0 all passed, 1 a test failed, 2 usage error, 3 a file did not load\n";

typedef struct {
    int verbose, accept;
    const char *corpus, *junit;
} testopts;

/* A growing string, for the JUnit report. */
typedef struct {
    char *s;
    size_t n, cap;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->n + n + 1) cap *= 2;
        char *ns = realloc(b->s, cap);
        if (!ns) return;
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void puts_(sbuf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* XML text: the five special characters escaped, control characters dropped. */
static void putxml(sbuf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&':
            puts_(b, "&amp;");
            break;
        case '<':
            puts_(b, "&lt;");
            break;
        case '>':
            puts_(b, "&gt;");
            break;
        case '"':
            puts_(b, "&quot;");
            break;
        case '\'':
            puts_(b, "&apos;");
            break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\n' || *s == '\t') put(b, s, 1);
        }
    }
}

static sbuf junit;

static testopts topts;

static int testopt(int argc, char **argv, int i, sift_opts *o)
{
    if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) {
        topts.verbose = 1;
        return 1;
    }
    if (!strcmp(argv[i], "--accept")) {
        topts.accept = 1;
        return 1;
    }
    if (!strcmp(argv[i], "--junit")) {
        if (i + 1 >= argc) {
            sift_errorf("option '--junit' needs a file");
            return -1;
        }
        topts.junit = argv[i + 1];
        return 2;
    }
    if (!strcmp(argv[i], "--corpus")) {
        if (i + 1 >= argc) {
            sift_errorf("option '--corpus' needs a path");
            return -1;
        }
        topts.corpus = argv[i + 1];
        return 2;
    }
    return 0;
}

typedef struct {
    char **v;
    size_t n, cap;
} files;

static void add(files *f, const char *path)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 32;
        char **nv = realloc(f->v, f->cap * sizeof *nv);
        if (!nv) return;
        f->v = nv;
    }
    f->v[f->n++] = strdup(path);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *_test.lua below dir (dot folders skipped). */
static void collect(files *f, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 32) {
        if (d) closedir(d);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", strcmp(dir, ".") ? dir : ".", e->d_name);
        const char *shown = !strncmp(path, "./", 2) ? path + 2 : path;
        struct stat sb;
        if (stat(path, &sb) != 0) continue;
        size_t n = strlen(e->d_name);
        if (S_ISDIR(sb.st_mode))
            collect(f, shown, depth + 1);
        else if (n > 9 && !strcmp(e->d_name + n - 9, "_test.lua"))
            add(f, shown);
    }
    closedir(d);
}

/* Add a file's results ({name, ok, message, seconds}) to the JUnit report. */
static void record(lua_State *L, int results, const char *file, int tests, int failures)
{
    char num[64];
    double total = 0;
    for (lua_Integer i = 1; lua_rawgeti(L, results, i) == LUA_TTABLE; i++) {
        lua_getfield(L, -1, "seconds");
        total += lua_tonumber(L, -1);
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    puts_(&junit, "  <testsuite name=\"");
    putxml(&junit, file);
    snprintf(num, sizeof num, "\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">\n", tests, failures,
             total);
    puts_(&junit, num);
    for (lua_Integer i = 1; lua_rawgeti(L, results, i) == LUA_TTABLE; i++) {
        lua_getfield(L, -1, "name");
        lua_getfield(L, -2, "ok");
        lua_getfield(L, -3, "message");
        lua_getfield(L, -4, "seconds");
        puts_(&junit, "    <testcase classname=\"");
        putxml(&junit, file);
        puts_(&junit, "\" name=\"");
        putxml(&junit, lua_tostring(L, -4));
        snprintf(num, sizeof num, "\" time=\"%.3f\"", lua_tonumber(L, -1));
        puts_(&junit, num);
        if (lua_toboolean(L, -3)) {
            puts_(&junit, "/>\n");
        } else {
            const char *msg = lua_tostring(L, -2);
            puts_(&junit, ">\n      <failure message=\"");
            char first[200];
            snprintf(first, sizeof first, "%s", msg ? msg : "");
            first[strcspn(first, "\n")] = 0;
            putxml(&junit, first);
            puts_(&junit, "\">");
            putxml(&junit, msg);
            puts_(&junit, "</failure>\n    </testcase>\n");
        }
        lua_pop(L, 5);
    }
    lua_pop(L, 1);
    puts_(&junit, "  </testsuite>\n");
}

/* mkdir -p for the folder of a path. */
static void mkdirs(const char *path)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash) return;
    *slash = 0;
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(dir, 0755);
            *p = '/';
        }
    mkdir(dir, 0755);
}

/* Write the snapshots --accept collected ({path, text} records at idx). */
static int writesnaps(lua_State *L, int idx)
{
    int rc = 0;
    for (lua_Integer i = 1; lua_rawgeti(L, idx, i) == LUA_TTABLE; i++) {
        lua_getfield(L, -1, "path");
        lua_getfield(L, -2, "text");
        const char *path = lua_tostring(L, -2);
        size_t len;
        const char *text = lua_tolstring(L, -1, &len);
        if (path && text) {
            mkdirs(path);
            char *tmp;
            FILE *f = sift_out_open(path, &tmp);
            if (!f || sift_out_close(f, path, tmp, fwrite(text, 1, len, f) == len) != 0)
                rc = -1;
            else
                printf("wrote %s\n", path);
        }
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
    return rc;
}

/* One file: returns 0, or 1 when it did not load; adds to the counts. */
static int runfile(const sift_opts *o, const char *file, int *passed, int *failed)
{
    lua_State *L = sift_host_new(o);
    if (!L) return 1;
    int bad = 0;
    if (topts.corpus) {
        sift_opts co = *o;
        const char *p[1] = {topts.corpus};
        co.paths = p;
        co.npaths = 1;
        if (sift_host_load_corpus(L, &co) != SIFT_EXIT_OK) {
            sift_host_close(L);
            return 1;
        }
    }
    lua_getglobal(L, "require");
    lua_pushliteral(L, "sift.testing");
    lua_call(L, 1, 1);
    int testing = lua_gettop(L);
    lua_getfield(L, testing, "install");
    lua_pushglobaltable(L);
    lua_call(L, 1, 0);
    sift_host_strict(L);
    sift_host_arm(L);
    if (sift_host_dofile(L, file) != LUA_OK) {
        printf("FAIL %s: did not load\n     ", file);
        fflush(stdout);
        sift_host_report(L);
        (*failed)++;
        bad = 1;
    } else {
        lua_getfield(L, testing, "_run");
        lua_pushstring(L, file);
        lua_pushboolean(L, topts.verbose);
        lua_pushboolean(L, topts.accept);
        sift_host_arm(L);
        if (sift_host_docall(L, 3, 4) != LUA_OK) {
            sift_host_report(L);
            bad = 1;
        } else {
            int p = (int)lua_tointeger(L, -4), f = (int)lua_tointeger(L, -3);
            *passed += p;
            *failed += f;
            record(L, lua_gettop(L) - 1, file, p + f, f);
            if (writesnaps(L, lua_gettop(L)) != 0) bad = 1;
        }
    }
    fflush(stdout);
    sift_host_close(L);
    return bad;
}

int sift_cmd_test(int argc, char **argv)
{
    sift_opts o;
    memset(&topts, 0, sizeof topts);
    int done, rc = sift_opts_parse(argc, argv, &o, HELP, testopt, &done);
    if (rc || done) goto out;
    files f = {0};
    for (int i = 0; i < o.nscripts; i++) add(&f, o.scripts[i]);
    for (int i = 0; i < o.npaths; i++) {
        struct stat sb;
        if (stat(o.paths[i], &sb) != 0) {
            sift_errorf("%s: %s", o.paths[i], strerror(errno));
            rc = SIFT_EXIT_INPUT;
        } else if (S_ISDIR(sb.st_mode)) {
            files sub = {0};
            collect(&sub, o.paths[i], 0);
            if (sub.n) qsort(sub.v, sub.n, sizeof *sub.v, cmp);
            for (size_t k = 0; k < sub.n; k++) {
                add(&f, sub.v[k]);
                free(sub.v[k]);
            }
            free(sub.v);
        } else {
            sift_errorf("%s: not a test file (test files end in _test.lua)", o.paths[i]);
            rc = SIFT_EXIT_INPUT;
        }
    }
    if (!rc && o.nscripts == 0 && o.npaths == 0) {
        collect(&f, ".", 0);
        if (f.n) qsort(f.v, f.n, sizeof *f.v, cmp);
    }
    if (!rc && f.n == 0) {
        sift_errorf("no test files found (test files end in _test.lua)");
        rc = SIFT_EXIT_INPUT;
    }
    int passed = 0, failed = 0, broken = 0;
    for (size_t i = 0; !rc && i < f.n; i++) broken |= runfile(&o, f.v[i], &passed, &failed);
    if (!rc && topts.junit) {
        sbuf doc = {0};
        puts_(&doc,
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sift test\">\n");
        if (junit.s) puts_(&doc, junit.s);
        puts_(&doc, "</testsuites>\n");
        char *tmp;
        FILE *jf = sift_out_open(topts.junit, &tmp);
        if (!jf || sift_out_close(jf, topts.junit, tmp, fwrite(doc.s, 1, doc.n, jf) == doc.n) != 0)
            broken = 1;
        free(doc.s);
    }
    free(junit.s);
    memset(&junit, 0, sizeof junit);
    if (!rc) {
        printf("%d passed, %d failed\n", passed, failed);
        rc = broken ? SIFT_EXIT_SCRIPT : failed ? SIFT_EXIT_FINDINGS : SIFT_EXIT_OK;
    }
    for (size_t i = 0; i < f.n; i++) free(f.v[i]);
    free(f.v);
out:
    sift_opts_free(&o);
    return rc;
}
