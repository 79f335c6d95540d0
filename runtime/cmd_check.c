/*
** cmd_check.c -- `sift check`: the stock rules (plus --rules files) over a
** corpus, for CI. Options become a table for stdlib/sift/check.lua, which
** runs the rules and renders the reports; this file writes them (atomically)
** and turns the outcome into the exit code.
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
    "usage: sift check [OPTIONS] CORPUS...\n"
    "\n"
    "Run the stock rules (and --rules files) over the corpus and report the\n"
    "findings. The CI entry point: the exit code says whether findings at or\n"
    "above --fail-on were found.\n"
    "\n"
    "options:\n"
    "  --rules PATH          more rules: a .lua file, or a folder of them (repeatable)\n"
    "  --no-stock            only the --rules rules\n"
    "  --only ID|TAG,...     run only these rules\n"
    "  --skip ID|TAG,...     do not run these rules\n"
    "  --format FORMAT       text (default), json, jsonl or sarif\n"
    "  -o FILE               write the report to FILE (atomically)\n"
    "  --sarif-output FILE   also write SARIF 2.1.0 to FILE\n"
    "  --json-output FILE    also write the JSON report to FILE\n"
    "  --baseline REPORT     report only findings absent from an earlier JSON or SARIF report\n"
    "  --fail-on LEVEL       error (default), warning, note or none\n"
    "  --color WHEN          auto (default; honours NO_COLOR), always, never\n"
    "  -j N, --config FILE, --lenient, --unsafe, --timeout S, --max-memory MB, -q\n"
    "\n"
    "stock rules (one page each in docs/rules/):\n"
    "  control-conflict      sides claim the same place at the same time\n"
    "  count-mismatch        a stated count and the list that follows disagree\n"
    "  date-conflict         sources date one event (a capture, a withdrawal) differently\n"
    "  figure-conflict       figures for one measure or casualty count that cannot both hold\n"
    "  name-variants         one entity spelt differently across sources\n"
    "  one-sided-casualty    a casualty figure only one party gives\n"
    "  single-source         a hedged claim one origin alone carries\n"
    "\n"
    "examples:\n"
    "  sift check corpus/panjshir-2021\n"
    "  sift check corpus/ --format sarif -o sift.sarif --fail-on warning\n"
    "  sift check corpus/ --baseline last.json --json-output this.json\n"
    "\n"
    "exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
    "2 usage or input error, 3 a rule raised an error (the report is still written)\n";

typedef struct {
    const char **rules;
    int nrules;
    const char *only, *skip, *baseline, *sarif, *json;
    int nostock;
} checkopts;

static checkopts copts;

static int checkopt(int argc, char **argv, int i, sift_opts *o)
{
    static const char *const WITH[] = {"--rules",    "--only",         "--skip",
                                       "--baseline", "--sarif-output", "--json-output"};
    if (!strcmp(argv[i], "--no-stock")) {
        copts.nostock = 1;
        return 1;
    }
    for (int k = 0; k < 6; k++) {
        size_t n = strlen(WITH[k]);
        const char *v = NULL;
        int used = 0;
        if (!strcmp(argv[i], WITH[k])) {
            if (i + 1 >= argc) {
                sift_errorf("option '%s' needs a value (see 'sift check --help')", WITH[k]);
                return -1;
            }
            v = argv[i + 1];
            used = 2;
        } else if (!strncmp(argv[i], WITH[k], n) && argv[i][n] == '=') {
            v = argv[i] + n + 1;
            used = 1;
        } else {
            continue;
        }
        switch (k) {
        case 0:
            copts.rules[copts.nrules++] = v;
            break;
        case 1:
            copts.only = v;
            break;
        case 2:
            copts.skip = v;
            break;
        case 3:
            copts.baseline = v;
            break;
        case 4:
            copts.sarif = v;
            break;
        default:
            copts.json = v;
            break;
        }
        return used;
    }
    return 0;
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Push the .lua files of --rules paths (folders expanded, sorted) as a list. */
static int pushrules(lua_State *L)
{
    lua_newtable(L);
    int n = 0;
    for (int i = 0; i < copts.nrules; i++) {
        struct stat sb;
        if (stat(copts.rules[i], &sb) != 0) {
            sift_errorf("--rules %s: %s", copts.rules[i], strerror(errno));
            return -1;
        }
        if (!S_ISDIR(sb.st_mode)) {
            lua_pushstring(L, copts.rules[i]);
            lua_rawseti(L, -2, ++n);
            continue;
        }
        DIR *d = opendir(copts.rules[i]);
        char *names[4096];
        int k = 0;
        struct dirent *e;
        while (d && (e = readdir(d)) && k < 4096) {
            size_t len = strlen(e->d_name);
            if (e->d_name[0] != '.' && len > 4 && !strcmp(e->d_name + len - 4, ".lua"))
                names[k++] = strdup(e->d_name);
        }
        if (d) closedir(d);
        if (k) qsort(names, (size_t)k, sizeof *names, cmpstr);
        for (int j = 0; j < k; j++) {
            lua_pushfstring(L, "%s/%s", copts.rules[i], names[j]);
            lua_rawseti(L, -2, ++n);
            free(names[j]);
        }
    }
    return 0;
}

/* Read a whole file into a Lua string (for --baseline). */
static int pushfile(lua_State *L, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sift_errorf("--baseline %s: %s", path, strerror(errno));
        return -1;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) luaL_addlstring(&b, buf, n);
    fclose(f);
    luaL_pushresult(&b);
    return 0;
}

static int writeout(const char *path, const char *s, size_t len)
{
    char *tmp;
    FILE *f = sift_out_open(path, &tmp);
    if (!f) return -1;
    int ok = fwrite(s, 1, len, f) == len;
    return sift_out_close(f, path, tmp, ok);
}

/* Write the field `k` of the result table at idx to path (or stdout). */
static int emit(lua_State *L, int idx, const char *k, const char *path)
{
    size_t len;
    lua_getfield(L, idx, k);
    const char *s = lua_tolstring(L, -1, &len);
    int rc = 0;
    if (s && path)
        rc = writeout(path, s, len);
    else if (s && (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0))
        rc = -1;
    lua_pop(L, 1);
    return rc;
}

int sift_cmd_check(int argc, char **argv)
{
    sift_opts o;
    memset(&copts, 0, sizeof copts);
    copts.rules = calloc((size_t)argc + 1, sizeof(char *));
    int done,
        rc = copts.rules ? sift_opts_parse(argc, argv, &o, HELP, checkopt, &done) : SIFT_EXIT_INPUT;
    if (rc || done) goto out;
    for (int i = 0; i < o.nscripts; i++) copts.rules[copts.nrules++] = o.scripts[i];
    if (o.npaths == 0) {
        sift_errorf("no corpus given (see 'sift check --help')");
        rc = SIFT_EXIT_INPUT;
        goto out;
    }
    lua_State *L;
    if ((rc = sift_host_open(&o, &L)) != SIFT_EXIT_OK) goto out;
    lua_getglobal(L, "require");
    lua_pushliteral(L, "sift.check");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "main");
    lua_createtable(L, 0, 12); /* [check, main, opts] */
    lua_getglobal(L, "corpus");
    lua_setfield(L, -2, "corpus");
    lua_pushboolean(L, !copts.nostock);
    lua_setfield(L, -2, "stock");
    if (pushrules(L) != 0) {
        rc = SIFT_EXIT_INPUT;
        goto close;
    }
    lua_setfield(L, -2, "rules");
    const char *strs[][2] = {
        {"only", copts.only}, {"skip", copts.skip}, {"format", o.format}, {"fail_on", o.fail_on}};
    for (int i = 0; i < 4; i++) {
        if (!strs[i][1]) continue;
        lua_pushstring(L, strs[i][1]);
        lua_setfield(L, -2, strs[i][0]);
    }
    lua_pushboolean(L, o.color);
    lua_setfield(L, -2, "color");
    lua_pushboolean(L, copts.sarif != NULL);
    lua_setfield(L, -2, "sarif");
    lua_pushboolean(L, copts.json != NULL);
    lua_setfield(L, -2, "json");
    if (copts.baseline) {
        if (pushfile(L, copts.baseline) != 0) {
            rc = SIFT_EXIT_INPUT;
            goto close;
        }
        lua_setfield(L, -2, "baseline");
    }
    sift_host_strict(L);
    sift_host_arm(L);
    if (sift_host_docall(L, 1, 1) != LUA_OK) {
        sift_host_report(L);
        rc = SIFT_EXIT_SCRIPT;
        goto close;
    }
    int res = lua_gettop(L);
    if (lua_getfield(L, res, "usage") == LUA_TSTRING) {
        sift_errorf("%s", lua_tostring(L, -1));
        rc = SIFT_EXIT_INPUT;
        goto close;
    }
    lua_pop(L, 1);
    /* rule errors: reported after the others ran, the report still written */
    lua_getfield(L, res, "errors");
    sift_host_rule_errors(L, -1);
    lua_pop(L, 1);
    int bad = emit(L, res, "main", o.output);
    if (copts.sarif) bad |= emit(L, res, "sarif", copts.sarif);
    if (copts.json) bad |= emit(L, res, "json", copts.json);
    lua_getfield(L, res, "exit");
    rc = bad ? SIFT_EXIT_INPUT : (int)lua_tointeger(L, -1);
close:
    sift_host_close(L);
out:
    free(copts.rules);
    sift_opts_free(&o);
    return rc;
}
