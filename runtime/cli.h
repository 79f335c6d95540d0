/*
** cli.h -- what every command shares: exit codes, common options, messages.
**
** Exit codes are the contract of design.md: 0 done, 1 findings at or above
** --fail-on, 2 usage or input error (nothing analysed), 3 a script raised.
*/
#ifndef SIFT_CLI_H
#define SIFT_CLI_H

#include <stddef.h>

enum { SIFT_EXIT_OK = 0, SIFT_EXIT_FINDINGS = 1, SIFT_EXIT_INPUT = 2, SIFT_EXIT_SCRIPT = 3 };

#define SIFT_VERSION "0.1.0"

/* Options common to the commands; each command reads the ones it uses. */
typedef struct {
    int jobs;             /* -j N; 0 = all cores */
    int quiet;            /* --quiet */
    int unsafe;           /* --unsafe: full Lua standard library */
    int lenient;          /* --lenient: repair invalid UTF-8 with U+FFFD */
    int color;            /* resolved --color: 1 on, 0 off */
    long max_memory;      /* --max-memory, bytes; 0 = no limit */
    double timeout;       /* --timeout, seconds per script; 0 = none */
    const char *output;   /* -o FILE */
    const char *format;   /* --format */
    const char *fail_on;  /* --fail-on */
    const char *config;   /* --config FILE */
    const char *expr;     /* run -e */
    const char **scripts; /* .lua files named on the command line */
    int nscripts;
    const char **paths; /* corpus arguments */
    int npaths;
    const char **rest; /* command-specific leftovers */
    int nrest;
} sift_opts;

/* Messages to stderr in one voice: "sift: ..." ; warnings say "warning:". */
void sift_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sift_warnf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parse the options shared by commands. Unknown options are an error unless
** the command's `extra` callback accepts them (returns how many argv entries
** it consumed, 0 for unknown). Returns 0, or SIFT_EXIT_INPUT after printing
** what is wrong. `help` is printed for -h/--help (then *done is set). */
typedef int (*sift_optfn)(int argc, char **argv, int i, sift_opts *o);
int sift_opts_parse(int argc, char **argv, sift_opts *o, const char *help, sift_optfn extra,
                    int *done);
void sift_opts_free(sift_opts *o);

/*
** Output files are written atomically: into "FILE.tmp.PID" beside FILE, then
** renamed over it. A FILE that exists and is not a regular file (/dev/null,
** a pipe) is written directly. sift_out_open returns the stream (and sets
** *tmp, to pass to sift_out_close, which renames); NULL after printing why.
*/
#include <stdio.h>
FILE *sift_out_open(const char *path, char **tmp);
int sift_out_close(FILE *f, const char *path, char *tmp, int ok);

/* Peak resident memory of the process so far, in bytes. */
size_t sift_peak_rss(void);
/* Monotonic seconds. */
double sift_now(void);

/* Commands: argv[0] is the command name. */
int sift_cmd_run(int argc, char **argv);
int sift_cmd_repl(int argc, char **argv);
int sift_cmd_test(int argc, char **argv);
int sift_cmd_extract(int argc, char **argv);
int sift_cmd_check(int argc, char **argv);

#endif
