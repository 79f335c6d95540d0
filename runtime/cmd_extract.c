/*
** cmd_extract.c -- `sift extract`: write everything extracted as JSON Lines
** (schema sift-extract/1 of design.md): a meta record, then per document
** its document record and its quantity and time records, in corpus order
** and text order, so identical input gives byte-identical output.
*/
#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "extract.h"
#include "load.h"

static const char HELP[] =
    "usage: sift extract [OPTIONS] CORPUS...\n"
    "\n"
    "Write everything extracted from the corpus as JSON Lines, one record a line,\n"
    "\"type\" first: meta, document, quantity, time. Offsets are 0-based byte\n"
    "offsets into each document's original bytes, end exclusive.\n"
    "\n"
    "options:\n"
    "  -o FILE        write to FILE (atomically: temp file + rename) instead of stdout\n"
    "  -j N           worker threads (default: all cores); output is the same for any N\n"
    "  --config FILE  merge sides and entities from another manifest\n"
    "  --lenient      replace invalid UTF-8 with U+FFFD instead of failing\n"
    "  --stats        print timings, counts and peak memory to stderr\n"
    "  -q, --quiet    no warnings\n"
    "\n"
    "examples:\n"
    "  sift extract corpus/panjshir-2021 -o panjshir.jsonl\n"
    "  cat docs.jsonl | sift extract - > records.jsonl     (a map step)\n";

static void addnum(cJSON *o, const char *k, double v)
{
    if (isnan(v))
        cJSON_AddNullToObject(o, k);
    else
        cJSON_AddNumberToObject(o, k, v);
}

static void addstr(cJSON *o, const char *k, const char *v)
{
    if (v && *v)
        cJSON_AddStringToObject(o, k, v);
    else
        cJSON_AddNullToObject(o, k);
}

static int emit(FILE *out, cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s) return -1;
    int rc = fputs(s, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
    free(s);
    return rc;
}

/* A record with the fields every span record shares. */
static cJSON *spanrec(const char *type, const sift_doc *d, uint32_t start, uint32_t end)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", type);
    cJSON_AddStringToObject(o, "doc", d->id);
    cJSON_AddNumberToObject(o, "start", start);
    cJSON_AddNumberToObject(o, "end", end);
    char *t = strndup(d->bytes + start, end - start);
    cJSON_AddStringToObject(o, "text", t ? t : "");
    free(t);
    return o;
}

static int writeall(FILE *out, const sift_store *st)
{
    static const char *const ANCHORS[] = {"none", "published", "dateline", "text"};
    int rc = 0;
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "meta");
    cJSON_AddStringToObject(m, "schema", "sift-extract/1");
    cJSON_AddStringToObject(m, "version", SIFT_VERSION);
    addstr(m, "corpus", st->name);
    rc |= emit(out, m);
    for (size_t i = 0; i < st->ndocs; i++) {
        const sift_doc *d = &st->docs[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "type", "document");
        cJSON_AddStringToObject(o, "id", d->id);
        addstr(o, "path", d->path);
        addstr(o, "source", d->source);
        addstr(o, "published", d->published);
        addstr(o, "kind", d->kind);
        addstr(o, "title", d->title);
        addstr(o, "language", d->language);
        cJSON_AddNumberToObject(o, "bytes", (double)d->len);
        /* a document with no file of its own carries its text, so the records
           can be checked elsewhere (the reduce step of a map-reduce run) */
        if (d->inline_text) cJSON_AddStringToObject(o, "text", d->bytes);
        rc |= emit(out, o);
        for (size_t k = 0; k < d->nquantities; k++) {
            const sift_quantity *q = &d->quantities[k];
            o = spanrec("quantity", d, q->start, q->end);
            addnum(o, "value", q->value);
            addnum(o, "min", q->min);
            addnum(o, "max", q->max);
            addstr(o, "unit", q->unit);
            cJSON_AddBoolToObject(o, "approx", q->approx);
            cJSON_AddBoolToObject(o, "vague", q->vague);
            addnum(o, "coded", q->coded);
            if (!isnan(q->alt)) { /* the bracketed other reading: "90 miles (144 km)" */
                cJSON *a = cJSON_CreateObject();
                cJSON_AddNumberToObject(a, "value", q->alt);
                addstr(a, "unit", q->alt_unit);
                cJSON_AddNumberToObject(a, "start", q->alt_start);
                cJSON_AddNumberToObject(a, "end", q->alt_end);
                cJSON_AddItemToObject(o, "alt", a);
            }
            rc |= emit(out, o);
        }
        for (size_t k = 0; k < d->ntimes; k++) {
            const sift_time *t = &d->times[k];
            char day[32];
            o = spanrec("time", d, t->start, t->end);
            addstr(o, "value", t->value);
            addstr(o, "precision", t->precision);
            addstr(o, "mod", t->mod);
            if (t->earliest != SIFT_NO_DAY) sift_fmt_day(t->earliest, day);
            addstr(o, "earliest", t->earliest != SIFT_NO_DAY ? day : NULL);
            if (t->latest != SIFT_NO_DAY) sift_fmt_day(t->latest, day);
            addstr(o, "latest", t->latest != SIFT_NO_DAY ? day : NULL);
            cJSON_AddBoolToObject(o, "relative", t->relative);
            cJSON_AddStringToObject(o, "anchor", ANCHORS[t->anchor]);
            cJSON_AddStringToObject(o, "kind", t->kind == SIFT_TIME_DURATION ? "duration" : "date");
            rc |= emit(out, o);
        }
    }
    return rc;
}

static int stats;

static int extractopt(int argc, char **argv, int i, sift_opts *o)
{
    if (!strcmp(argv[i], "--stats")) {
        stats = 1;
        return 1;
    }
    return 0;
}

int sift_cmd_extract(int argc, char **argv)
{
    sift_opts o;
    stats = 0;
    int done, rc = sift_opts_parse(argc, argv, &o, HELP, extractopt, &done);
    if (rc || done) goto out;
    if (o.npaths == 0 || o.nscripts) {
        sift_errorf(o.nscripts ? "extract takes corpus paths, not scripts ('%s')"
                               : "no corpus given (see 'sift extract --help')%s",
                    o.nscripts ? o.scripts[0] : "");
        rc = SIFT_EXIT_INPUT;
        goto out;
    }
    if (o.format && strcmp(o.format, "jsonl") != 0) {
        sift_errorf("extract writes JSON Lines only (got --format %s)", o.format);
        rc = SIFT_EXIT_INPUT;
        goto out;
    }
    double t0 = sift_now();
    sift_load_opts lo = {o.jobs, o.lenient, o.quiet, o.config};
    sift_store *st = sift_load(o.paths, o.npaths, &lo);
    double t1 = sift_now();
    if (!st || sift_extract_run(st, &o) != 0) {
        sift_store_free(st);
        rc = SIFT_EXIT_INPUT;
        goto out;
    }
    double t2 = sift_now();
    char *tmp = NULL;
    FILE *f = o.output ? sift_out_open(o.output, &tmp) : stdout;
    if (!f) {
        sift_store_free(st);
        rc = SIFT_EXIT_INPUT;
        goto out;
    }
    int bad = writeall(f, st);
    if (o.output)
        bad |= sift_out_close(f, o.output, tmp, !bad) != 0;
    else if ((bad |= fflush(stdout) != 0))
        sift_errorf("cannot write the output: %s", strerror(errno ? errno : EIO));
    double t3 = sift_now();
    if (stats) {
        size_t bytes = 0, nq = 0, nt = 0;
        for (size_t i = 0; i < st->ndocs; i++) {
            bytes += st->docs[i].len;
            nq += st->docs[i].nquantities;
            nt += st->docs[i].ntimes;
        }
        double mb = (double)bytes / 1e6;
        fprintf(stderr,
                "%zu documents, %.1f MB; %zu quantities, %zu times\n"
                "load+segment %.2f s (%.1f MB/s), extract %.2f s (%.1f MB/s), write %.2f s\n"
                "peak memory %.1f MB\n",
                st->ndocs, mb, nq, nt, t1 - t0, mb / (t1 - t0), t2 - t1, mb / (t2 - t1), t3 - t2,
                (double)sift_peak_rss() / 1e6);
    }
    sift_store_free(st);
    rc = bad ? SIFT_EXIT_INPUT : SIFT_EXIT_OK;
out:
    sift_opts_free(&o);
    return rc;
}
