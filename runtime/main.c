/*
** main.c -- dispatch only: `sift COMMAND ...` to cmd_<verb>.c.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char USAGE[] =
    "usage: sift COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "sift loads a corpus of reports and lets Lua scripts compare what the sources say.\n"
    "\n"
    "commands:\n"
    "  run SCRIPT.lua... CORPUS...   run scripts over a corpus\n"
    "  run -e 'CODE' CORPUS...       run one line of Lua; an expression's value is printed\n"
    "  repl [CORPUS...]              interactive Lua session with `corpus` loaded\n"
    "  check CORPUS... [--rules P]   run the stock rules (and more): the CI entry point\n"
    "  extract CORPUS... [-o FILE]   write what was extracted as JSON Lines\n"
    "  test [FILE_test.lua|DIR...]   run Lua tests (default: *_test.lua under .)\n"
    "\n"
    "CORPUS is a folder (with or without corpus.json), a manifest, document files\n"
    "(.txt .md .wiki .html .json .jsonl), or - for JSON Lines documents on stdin.\n"
    "\n"
    "  sift COMMAND --help    options of a command\n"
    "  sift --version         print the version\n"
    "\n"
    "exit codes: 0 done, 1 findings or failed tests, 2 usage or input error,\n"
    "3 a script raised an error\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return SIFT_EXIT_INPUT;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(USAGE, stdout);
        return SIFT_EXIT_OK;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("sift %s\n", SIFT_VERSION);
        return SIFT_EXIT_OK;
    }
    if (!strcmp(cmd, "run")) return sift_cmd_run(argc - 1, argv + 1);
    if (!strcmp(cmd, "repl")) return sift_cmd_repl(argc - 1, argv + 1);
    if (!strcmp(cmd, "test")) return sift_cmd_test(argc - 1, argv + 1);
    if (!strcmp(cmd, "extract")) return sift_cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "check")) return sift_cmd_check(argc - 1, argv + 1);
    sift_errorf(
        "unknown command '%s' (commands: run, repl, check, extract, test; see 'sift --help')", cmd);
    return SIFT_EXIT_INPUT;
}
