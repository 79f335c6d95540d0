/*
** cli.c -- the options every command shares, and the one voice for messages.
*/
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "limits.h"

void sift_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("sift: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void sift_warnf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("sift: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int endswith(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

/* The value of an option: "--opt=value", or the next argument. */
static const char *value(int argc, char **argv, int *i, const char *opt)
{
    const char *eq = strchr(argv[*i], '=');
    if (argv[*i][1] == '-' && eq) return eq + 1;
    if (*i + 1 >= argc) {
        sift_errorf("option '%s' needs a value (see 'sift %s --help')", opt, argv[0]);
        return NULL;
    }
    return argv[++*i];
}

static int is(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return !strncmp(arg, name, n) && (arg[n] == 0 || (arg[n] == '=' && name[1] == '-'));
}

static int number(const char *opt, const char *v, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double x = strtod(v, &end);
    if (errno || end == v || *end || x < lo || x > hi) {
        sift_errorf("option '%s' takes a number from %g to %g (got '%s')", opt, lo, hi, v);
        return -1;
    }
    *out = x;
    return 0;
}

static int oneof(const char *opt, const char *v, const char *const *allowed)
{
    for (const char *const *a = allowed; *a; a++)
        if (!strcmp(v, *a)) return 0;
    char list[256] = "";
    for (const char *const *a = allowed; *a; a++) {
        strcat(list, *a);
        if (a[1]) strcat(list, ", ");
    }
    sift_errorf("option '%s' takes one of: %s (got '%s')", opt, list, v);
    return -1;
}

int sift_opts_parse(int argc, char **argv, sift_opts *o, const char *help, sift_optfn extra,
                    int *done)
{
    static const char *const COLORS[] = {"auto", "always", "never", NULL};
    static const char *const LEVELS[] = {"error", "warning", "note", "none", NULL};
    static const char *const FORMATS[] = {"text", "json", "jsonl", "sarif", NULL};
    memset(o, 0, sizeof *o);
    *done = 0;
    o->scripts = calloc((size_t)argc + 1, sizeof(char *));
    o->paths = calloc((size_t)argc + 1, sizeof(char *));
    o->rest = calloc((size_t)argc + 1, sizeof(char *));
    if (!o->scripts || !o->paths || !o->rest) return SIFT_EXIT_INPUT;
    const char *color = "auto";
    int dashdash = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        double x;
        if (dashdash || a[0] != '-' || !strcmp(a, "-")) {
            if (endswith(a, ".lua"))
                o->scripts[o->nscripts++] = a;
            else
                o->paths[o->npaths++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            dashdash = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(help, stdout);
            *done = 1;
            return 0;
        } else if (is(a, "-j") || is(a, "--jobs")) {
            if (!(v = value(argc, argv, &i, "-j")) || number("-j", v, 0, SIFT_MAX_JOBS, &x))
                return SIFT_EXIT_INPUT;
            o->jobs = (int)x;
        } else if (!strncmp(a, "-j", 2) && a[2]) { /* -j4 */
            if (number("-j", a + 2, 0, SIFT_MAX_JOBS, &x)) return SIFT_EXIT_INPUT;
            o->jobs = (int)x;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "--unsafe")) {
            o->unsafe = 1;
        } else if (!strcmp(a, "--lenient")) {
            o->lenient = 1;
        } else if (is(a, "--color")) {
            if (!(color = value(argc, argv, &i, "--color")) || oneof("--color", color, COLORS))
                return SIFT_EXIT_INPUT;
        } else if (is(a, "--max-memory")) {
            if (!(v = value(argc, argv, &i, "--max-memory")) ||
                number("--max-memory", v, 1, 1 << 20, &x))
                return SIFT_EXIT_INPUT;
            o->max_memory = (long)(x * 1024 * 1024);
        } else if (is(a, "--timeout")) {
            if (!(v = value(argc, argv, &i, "--timeout")) ||
                number("--timeout", v, 0.001, 1e6, &o->timeout))
                return SIFT_EXIT_INPUT;
        } else if (is(a, "-o") || is(a, "--output")) {
            if (!(o->output = value(argc, argv, &i, "-o"))) return SIFT_EXIT_INPUT;
        } else if (is(a, "--format")) {
            if (!(o->format = value(argc, argv, &i, "--format")) ||
                oneof("--format", o->format, FORMATS))
                return SIFT_EXIT_INPUT;
        } else if (is(a, "--fail-on")) {
            if (!(o->fail_on = value(argc, argv, &i, "--fail-on")) ||
                oneof("--fail-on", o->fail_on, LEVELS))
                return SIFT_EXIT_INPUT;
        } else if (is(a, "--config")) {
            if (!(o->config = value(argc, argv, &i, "--config"))) return SIFT_EXIT_INPUT;
        } else {
            int used = extra ? extra(argc, argv, i, o) : 0;
            if (used < 0) return SIFT_EXIT_INPUT;
            if (used == 0) {
                sift_errorf("unknown option '%s' (see 'sift %s --help')", a, argv[0]);
                return SIFT_EXIT_INPUT;
            }
            i += used - 1;
        }
    }
    if (!strcmp(color, "always"))
        o->color = 1;
    else if (!strcmp(color, "never"))
        o->color = 0;
    else
        o->color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    return 0;
}

void sift_opts_free(sift_opts *o)
{
    free(o->scripts);
    free(o->paths);
    free(o->rest);
}

FILE *sift_out_open(const char *path, char **tmp)
{
    struct stat sb;
    *tmp = NULL;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        FILE *f = fopen(path, "w");
        if (!f) sift_errorf("cannot write %s: %s", path, strerror(errno));
        return f;
    }
    size_t n = strlen(path) + 32;
    if (!(*tmp = malloc(n))) return NULL;
    snprintf(*tmp, n, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(*tmp, "w");
    if (!f) {
        sift_errorf("cannot write %s: %s", path, strerror(errno));
        free(*tmp);
        *tmp = NULL;
    }
    return f;
}

int sift_out_close(FILE *f, const char *path, char *tmp, int ok)
{
    int bad = fflush(f) != 0 || ferror(f);
    int err = errno;
    bad |= fclose(f) != 0;
    if (!bad && tmp && rename(tmp, path) != 0) {
        err = errno;
        bad = 1;
    }
    if (bad) sift_errorf("cannot write %s: %s", path, strerror(err ? err : EIO));
    if (tmp && (bad || !ok)) unlink(tmp);
    free(tmp);
    return bad ? -1 : 0;
}

size_t sift_peak_rss(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? (size_t)ru.ru_maxrss * 1024 : 0;
}

double sift_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
