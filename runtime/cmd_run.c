/*
** cmd_run.c -- `sift run`: run Lua scripts (or one -e chunk) over a corpus.
** A script that raises is reported with file:line and a traceback; the other
** scripts still run, and the exit code is then 3.
*/
#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "host.h"

static const char HELP[] =
    "usage: sift run [OPTIONS] SCRIPT.lua... CORPUS...\n"
    "       sift run [OPTIONS] -e 'CODE' CORPUS...\n"
    "\n"
    "Run Lua scripts with the global `corpus` set to the loaded corpus. With -e,\n"
    "run one chunk; when it is an expression, its values are printed.\n"
    "\n"
    "options:\n"
    "  -e CODE            Lua code to run (instead of, or before, scripts)\n"
    "  -o FILE            write standard output to FILE (atomically: temp file + rename)\n"
    "  -j N               worker threads for loading (default: all cores)\n"
    "  --config FILE      merge sides and entities from another manifest\n"
    "  --lenient          replace invalid UTF-8 with U+FFFD (with a warning) instead of failing\n"
    "  --unsafe           open the full Lua standard library (os.execute, io.popen, ...)\n"
    "  --max-memory MB    memory limit for Lua\n"
    "  --timeout SECONDS  time limit for each script\n"
    "  --fail-on LEVEL    exit 1 when the scripts' rules find this or worse (default: none)\n"
    "  --format FORMAT    report of the scripts' rules: text (default), json, jsonl, sarif\n"
    "  -q, --quiet        no warnings\n"
    "  -h, --help         this help\n"
    "\n"
    "examples:\n"
    "  sift run -e '#corpus' corpus/panjshir-2021\n"
    "  sift run scripts/summary.lua corpus/panjshir-2021\n"
    "\n"
    "Rules a script defines with rule{...} are checked after the scripts ran.\n"
    "\n"
    "exit codes: 0 done, 1 findings at or above --fail-on, 2 usage or input error,\n"
    "3 a script or rule raised an error\n";

static int runopt(int argc, char **argv, int i, sift_opts *o)
{
    if (!strcmp(argv[i], "-e")) {
        if (i + 1 >= argc) {
            sift_errorf("option '-e' needs Lua code (see 'sift run --help')");
            return -1;
        }
        o->expr = argv[i + 1];
        return 2;
    }
    return 0;
}

/*
** Point stdout at -o FILE (see sift_out_open: temp file + rename, or direct
** for /dev/null and pipes); finish_output puts it in place.
*/
static FILE *begin_output(const char *path, char **tmp, int *saved)
{
    FILE *f = sift_out_open(path, tmp);
    if (!f) return NULL;
    fflush(stdout);
    *saved = dup(STDOUT_FILENO);
    if (*saved < 0 || dup2(fileno(f), STDOUT_FILENO) < 0) {
        sift_errorf("cannot write %s: %s", path, strerror(errno));
        sift_out_close(f, path, *tmp, 0);
        *tmp = NULL;
        return NULL;
    }
    return f;
}

static int finish_output(FILE *f, const char *path, char *tmp, int saved)
{
    int bad = fflush(stdout) != 0 || ferror(stdout);
    bad |= dup2(saved, STDOUT_FILENO) < 0;
    close(saved);
    clearerr(stdout);
    return sift_out_close(f, path, tmp, !bad) != 0 || bad ? -1 : 0;
}

/*
** Rules the scripts defined (rule{...}) are checked after them, on the same
** corpus; the report goes to standard output. Returns the exit code of the
** rule pass (--fail-on defaults to none for run).
*/
static int check_rules(lua_State *L, const sift_opts *o)
{
    sift_host_arm(L); /* a script that timed out leaves the hook firing on every line */
    lua_getglobal(L, "require");
    lua_pushliteral(L, "sift.rule");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "list");
    lua_call(L, 0, 1);
    int n = (int)lua_rawlen(L, -1);
    lua_pop(L, 2);
    if (n == 0) return SIFT_EXIT_OK;
    if (lua_getglobal(L, "corpus") == LUA_TNIL) {
        lua_pop(L, 1);
        sift_errorf("the scripts define rules but no corpus was given to check them on");
        return SIFT_EXIT_INPUT;
    }
    lua_pop(L, 1);
    lua_getglobal(L, "require");
    lua_pushliteral(L, "sift.check");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "main");
    lua_createtable(L, 0, 4);
    lua_getglobal(L, "corpus");
    lua_setfield(L, -2, "corpus");
    lua_pushstring(L, o->fail_on ? o->fail_on : "none");
    lua_setfield(L, -2, "fail_on");
    lua_pushstring(L, o->format ? o->format : "text");
    lua_setfield(L, -2, "format");
    lua_pushboolean(L, o->color);
    lua_setfield(L, -2, "color");
    sift_host_arm(L);
    if (sift_host_docall(L, 1, 1) != LUA_OK) {
        sift_host_report(L);
        lua_pop(L, 1);
        return SIFT_EXIT_SCRIPT;
    }
    int res = lua_gettop(L);
    lua_getfield(L, res, "errors");
    sift_host_rule_errors(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, res, "main");
    if (lua_isstring(L, -1)) fputs(lua_tostring(L, -1), stdout);
    lua_getfield(L, res, "exit");
    int rc = (int)lua_tointeger(L, -1);
    lua_settop(L, res - 2);
    return rc;
}

/* Run -e code: as an expression first ("return CODE"), else as statements. */
static int runexpr(lua_State *L, const char *code)
{
    const char *ret = lua_pushfstring(L, "return %s;", code);
    int base = lua_gettop(L);
    int st = luaL_loadbufferx(L, ret, strlen(ret), "=(command line)", "t");
    if (st != LUA_OK) {
        lua_pop(L, 1);
        st = luaL_loadbufferx(L, code, strlen(code), "=(command line)", "t");
    }
    if (st == LUA_OK) {
        sift_host_arm(L);
        st = sift_host_docall(L, 0, LUA_MULTRET);
    }
    if (st != LUA_OK) {
        sift_host_report(L);
        lua_settop(L, base - 1);
        return SIFT_EXIT_SCRIPT;
    }
    sift_host_show(L, base + 1);
    lua_settop(L, base - 1);
    return SIFT_EXIT_OK;
}

int sift_cmd_run(int argc, char **argv)
{
    sift_opts o;
    int done, rc = sift_opts_parse(argc, argv, &o, HELP, runopt, &done);
    if (rc || done) goto out;
    if (!o.expr && o.nscripts == 0) {
        sift_errorf("nothing to run: give SCRIPT.lua files or -e 'CODE' (see 'sift run --help')");
        rc = SIFT_EXIT_INPUT;
        goto out;
    }
    for (int i = 0; i < o.nscripts; i++)
        if (access(o.scripts[i], R_OK) != 0) {
            sift_errorf("cannot read script %s: %s", o.scripts[i], strerror(errno));
            rc = SIFT_EXIT_INPUT;
        }
    if (rc) goto out;
    lua_State *L;
    if ((rc = sift_host_open(&o, &L)) != SIFT_EXIT_OK) goto out;
    sift_host_strict(L);
    char *tmp = NULL;
    int saved = -1;
    FILE *outf = NULL;
    if (o.output && !(outf = begin_output(o.output, &tmp, &saved))) {
        rc = SIFT_EXIT_INPUT;
        sift_host_close(L);
        goto out;
    }
    if (o.expr) rc = runexpr(L, o.expr);
    for (int i = 0; i < o.nscripts; i++) {
        sift_host_arm(L);
        if (sift_host_dofile(L, o.scripts[i]) != LUA_OK) {
            sift_host_report(L);
            rc = SIFT_EXIT_SCRIPT;
        }
    }
    int checked = check_rules(L, &o);
    if (checked == SIFT_EXIT_SCRIPT || (checked != SIFT_EXIT_OK && rc == SIFT_EXIT_OK))
        rc = checked;
    fflush(stdout);
    if (outf && finish_output(outf, o.output, tmp, saved) != 0 && rc == SIFT_EXIT_OK)
        rc = SIFT_EXIT_INPUT;
    sift_host_close(L);
out:
    sift_opts_free(&o);
    return rc;
}
