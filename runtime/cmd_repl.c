/*
** cmd_repl.c -- `sift repl`: an interactive Lua session with `corpus` loaded.
**
** On a terminal: libedit line editing, history in
** $XDG_STATE_HOME/sift/history (default ~/.local/state/sift/history), tab
** completion of globals, fields and methods (stdlib/sift/repl.lua decides
** the candidates). When stdin is not a terminal it reads the same input
** without prompts, so it can be driven from a pipe and tested; an error
** there makes the exit code 3.
**
** Input handling follows lua.c: a line is tried as "return <line>" first
** (values are printed), then as a statement; a chunk whose error ends at
** <eof> is incomplete and continues on the next line.
*/
#include <editline/readline.h>
#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "host.h"

static const char HELP[] =
    "usage: sift repl [OPTIONS] [CORPUS...]\n"
    "\n"
    "An interactive Lua session with the global `corpus` set to the loaded corpus.\n"
    "Expressions print their values; statements run; an unfinished chunk continues\n"
    "on the next line. Tab completes globals, fields and methods.\n"
    "\n"
    "commands inside the REPL:\n"
    "  :help [name]   help (name: corpus, doc, span, sift, or e.g. doc:find)\n"
    "  :load FILE     run a Lua file in the session\n"
    "  :quit          leave (also Ctrl-D)\n"
    "\n"
    "options:\n"
    "  -j N  --config FILE  --lenient  --unsafe  --max-memory MB  --timeout S  -q\n"
    "  (as for 'sift run')\n"
    "\n"
    "History is kept in $XDG_STATE_HOME/sift/history (~/.local/state/sift/history).\n"
    "With stdin not a terminal, input is read without prompts (for pipes and tests).\n";

/* The one state completion needs; readline's callbacks carry no user data. */
static lua_State *complete_L;

static char *history_path(void)
{
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    char base[4096];
    if (state && *state)
        snprintf(base, sizeof base, "%s/sift", state);
    else if (home && *home)
        snprintf(base, sizeof base, "%s/.local/state/sift", home);
    else
        return NULL;
    /* mkdir -p */
    for (char *p = base + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(base, 0700);
            *p = '/';
        }
    if (mkdir(base, 0700) != 0 && errno != EEXIST) return NULL;
    size_t n = strlen(base) + 16;
    char *path = malloc(n);
    if (path) snprintf(path, n, "%s/history", base);
    return path;
}

/*
** Candidates from sift.repl.complete, handed to readline one by one: the
** first call (state 0) computes the list into the registry, later calls
** walk it. readline's callbacks carry no user data, hence the statics.
*/
static char *generator(const char *text, int state)
{
    static int idx;
    lua_State *L = complete_L;
    int top = lua_gettop(L);
    if (!state) {
        idx = 0;
        lua_pushnil(L);
        lua_setfield(L, LUA_REGISTRYINDEX, "sift.repl.candidates");
        lua_getglobal(L, "require");
        lua_pushliteral(L, "sift.repl");
        if (lua_pcall(L, 1, 1, 0) == LUA_OK) {
            lua_getfield(L, -1, "complete");
            lua_pushstring(L, text);
            lua_pushglobaltable(L);
            if (lua_pcall(L, 2, 1, 0) == LUA_OK && lua_istable(L, -1))
                lua_setfield(L, LUA_REGISTRYINDEX, "sift.repl.candidates");
        }
        lua_settop(L, top);
    }
    char *out = NULL;
    if (lua_getfield(L, LUA_REGISTRYINDEX, "sift.repl.candidates") == LUA_TTABLE &&
        lua_rawgeti(L, -1, ++idx) == LUA_TSTRING)
        out = strdup(lua_tostring(L, -1));
    lua_settop(L, top);
    return out;
}

static char **completion(const char *text, int start, int end)
{
    rl_attempted_completion_over = 1;
    return rl_completion_matches(text, generator);
}

/* Is the error at the top an incomplete chunk (ends at <eof>)? */
static int incomplete(lua_State *L, int status)
{
    if (status != LUA_ERRSYNTAX) return 0;
    size_t len;
    const char *msg = lua_tolstring(L, -1, &len);
    return len >= 5 && !strcmp(msg + len - 5, "<eof>");
}

/*
** Compile `chunk`: "return chunk" first, then as statements. Returns the
** load status; on success the function is on the stack.
*/
static int compile(lua_State *L, const char *chunk, size_t len)
{
    const char *ret = lua_pushfstring(L, "return %s;", chunk);
    int st = luaL_loadbufferx(L, ret, strlen(ret), "=stdin", "t");
    lua_remove(L, -2);
    if (st == LUA_OK) return st;
    lua_pop(L, 1);
    return luaL_loadbufferx(L, chunk, len, "=stdin", "t");
}

/* Run a compiled chunk and print its values. Returns 1 on error. */
static int execute(lua_State *L)
{
    int base = lua_gettop(L);
    sift_host_arm(L);
    if (sift_host_docall(L, 0, LUA_MULTRET) != LUA_OK) {
        sift_host_report(L);
        return 1;
    }
    sift_host_show(L, base);
    lua_settop(L, base - 1);
    return 0;
}

/* ":help x", ":load f", ":quit". Returns -1 to quit, 1 on error, 0 otherwise. */
static int command(lua_State *L, const char *line)
{
    while (*line == ' ') line++;
    char cmd[32] = "";
    sscanf(line, ":%31s", cmd);
    const char *arg = line + 1 + strlen(cmd);
    while (*arg == ' ') arg++;
    char argbuf[4096];
    snprintf(argbuf, sizeof argbuf, "%s", arg);
    size_t n = strlen(argbuf);
    while (n && (argbuf[n - 1] == ' ' || argbuf[n - 1] == '\n' || argbuf[n - 1] == '\r'))
        argbuf[--n] = 0;
    if (!strcmp(cmd, "q") || !strcmp(cmd, "quit") || !strcmp(cmd, "exit")) return -1;
    if (!strcmp(cmd, "help") || !strcmp(cmd, "h")) {
        if (!n) {
            lua_getglobal(L, "require");
            lua_pushliteral(L, "sift.repl");
            lua_call(L, 1, 1);
            lua_getfield(L, -1, "HELP");
            puts(lua_tostring(L, -1));
            lua_pop(L, 2);
        }
        lua_getglobal(L, "sift");
        lua_getfield(L, -1, "help");
        if (n)
            lua_pushstring(L, argbuf);
        else
            lua_pushnil(L);
        int st = sift_host_docall(L, 1, 0);
        if (st != LUA_OK) sift_host_report(L);
        lua_pop(L, 1);
        return st != LUA_OK;
    }
    if (!strcmp(cmd, "load") || !strcmp(cmd, "l")) {
        if (!n) {
            fprintf(stderr, "usage: :load FILE\n");
            return 1;
        }
        sift_host_arm(L);
        if (sift_host_dofile(L, argbuf) != LUA_OK) {
            sift_host_report(L);
            return 1;
        }
        return 0;
    }
    fprintf(stderr, "unknown command ':%s' (commands: :help, :load FILE, :quit)\n", cmd);
    return 1;
}

/* Read one line without a prompt (pipe mode); any length. */
static char *readplain(void)
{
    size_t cap = 256, n = 0;
    char *buf = malloc(cap);
    int c;
    while (buf && (c = getchar()) != EOF) {
        if (n + 2 >= cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        if (c == '\n') break;
        buf[n++] = (char)c;
    }
    if (!buf || (n == 0 && c == EOF)) {
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    return buf;
}

static int loop(lua_State *L, int tty)
{
    int errors = 0;
    char *pending = NULL; /* an incomplete chunk so far */
    size_t plen = 0;
    for (;;) {
        char *line = tty ? readline(pending ? "...> " : "sift> ") : readplain();
        if (!line) break;
        if (!pending && line[0] == ':') {
            if (tty && *line) add_history(line);
            int r = command(L, line);
            free(line);
            if (r < 0) break;
            errors += r;
            continue;
        }
        size_t llen = strlen(line);
        char *chunk = malloc(plen + llen + 2);
        if (!chunk) {
            free(line);
            break;
        }
        if (pending) {
            memcpy(chunk, pending, plen);
            chunk[plen++] = '\n';
        }
        memcpy(chunk + plen, line, llen + 1);
        plen += llen;
        free(pending);
        pending = NULL;
        free(line);
        int st = compile(L, chunk, plen);
        if (incomplete(L, st)) {
            lua_pop(L, 1);
            pending = chunk;
            continue;
        }
        if (tty && plen) add_history(chunk);
        if (st != LUA_OK) {
            sift_host_report(L);
            errors++;
        } else {
            errors += execute(L);
        }
        fflush(stdout);
        free(chunk);
        plen = 0;
    }
    if (pending) {
        fprintf(stderr, "stdin: unfinished chunk at end of input\n");
        free(pending);
        errors++;
    }
    if (tty) putchar('\n');
    return errors;
}

int sift_cmd_repl(int argc, char **argv)
{
    sift_opts o;
    int done, rc = sift_opts_parse(argc, argv, &o, HELP, NULL, &done);
    if (rc || done) goto out;
    if (o.nscripts) {
        sift_errorf("the REPL takes corpus paths, not scripts (load one inside with :load %s)",
                    o.scripts[0]);
        rc = SIFT_EXIT_INPUT;
        goto out;
    }
    lua_State *L;
    if ((rc = sift_host_open(&o, &L)) != SIFT_EXIT_OK) goto out;
    sift_host_strict(L);
    int tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    char *hist = NULL;
    if (tty) {
        complete_L = L;
        rl_readline_name = "sift";
        rl_attempted_completion_function = completion;
        rl_basic_word_break_characters = " \t\n\"'`><=;|&{(,+-*/%^#[";
        hist = history_path();
        if (hist) read_history(hist);
        lua_getglobal(L, "corpus");
        if (!lua_isnil(L, -1))
            printf("sift %s  %s\n", SIFT_VERSION, luaL_tolstring(L, -1, NULL));
        else
            printf("sift %s  (no corpus loaded)\n", SIFT_VERSION);
        lua_settop(L, 0);
        puts("Type :help for help, :quit to leave.");
    }
    int errors = loop(L, tty);
    if (hist) {
        write_history(hist);
        free(hist);
    }
    sift_host_close(L);
    rc = (!tty && errors) ? SIFT_EXIT_SCRIPT : SIFT_EXIT_OK;
out:
    sift_opts_free(&o);
    return rc;
}
