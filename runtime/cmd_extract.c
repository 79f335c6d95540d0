/*
** cmd_extract.c -- `sift extract`: write everything extracted as JSON Lines
** (schema sift-extract/1 of design.md): a meta record, then per document
** its document record and its quantity and time records, in corpus order
** and text order, so identical input gives byte-identical output.
*/
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "extract.h"
#include "limits.h"
#include "load.h"

static const char HELP[] =
    "usage: sift extract [OPTIONS] CORPUS...\n"
    "\n"
    "Write everything extracted from the corpus as JSON Lines, one record a line,\n"
    "\"type\" first: meta, the manifest's sides and declared entities; per document its\n"
    "document, quantity, time and mention records; then the claims and the entities.\n"
    "Offsets are 0-based byte offsets into each document's original bytes, end\n"
    "exclusive. Records wait in a temporary file in $TMPDIR (default /tmp) until\n"
    "entities are resolved.\n"
    "\n"
    "options:\n"
    "  -o FILE        write to FILE (atomically: temp file + rename) instead of stdout\n"
    "  -j N           worker threads (default: all cores); output is the same for any N\n"
    "  --config FILE  merge sides and entities from another manifest\n"
    "  --lenient      replace invalid UTF-8 with U+FFFD instead of failing\n"
    "  --explain      say why each mention joined its entity (\"why\" on mention records)\n"
    "  --stats        print timings, counts and peak memory to stderr\n"
    "  -q, --quiet    no warnings\n"
    "\n"
    "examples:\n"
    "  sift extract corpus/panjshir-2021 -o panjshir.jsonl\n"
    "  cat docs.jsonl | sift extract - > records.jsonl     (a map step)\n";

/*
** A JSON Lines writer: records are written field by field, in schema order,
** straight to the stream (no tree per record: there are hundreds of
** thousands). Strings are escaped as JSON requires; UTF-8 passes through.
**
** With `holes`, what resolution decides later is written as a hole: one
** byte that rendered JSON never holds (every byte below 0x20 is escaped),
** filled in when the spill is copied to the output (fill, below). The
** claimant's hole is followed by 4 bytes, little-endian: the index of the
** mention the claimant's span overlaps, or all ones for none.
*/
enum { H_ENTITY = 1, H_WHY, H_ID, H_CLAIMANT, H_CSIDE, H_END };

/*
** Records go out through a buffer of the writer's own (ob), emptied into
** its stdio stream with one unlocked call: a record is tens of small
** pieces, and stdio's calls cost a hundred instructions or more each (a
** lock, a virtual call), tens of millions of them over a large corpus. A
** stream is only ever written by one thread (a worker its spill file, the
** main thread the output). The small pieces (keys, punctuation, literals)
** are written in place by inline functions; strings are copied in runs.
*/
typedef struct {
    FILE *f;
    off_t out;     /* bytes emptied into f so far */
    char *p, *end; /* the free part of buf */
    char buf[16384];
} ob;

static void obinit(ob *o, FILE *f)
{
    o->f = f;
    o->out = 0;
    o->p = o->buf;
    o->end = o->buf + sizeof o->buf;
}

/* The bytes put so far. */
static off_t obput(const ob *o)
{
    return o->out + (o->p - o->buf);
}

/* Empty the buffer into the stream (whose errors ferror reports). */
static void obflush(ob *o)
{
    size_t n = (size_t)(o->p - o->buf);
    if (n) fwrite_unlocked(o->buf, 1, n, o->f);
    o->out += (off_t)n;
    o->p = o->buf;
}

/* Room for n more bytes at o->p (n at most the buffer's size). */
static inline char *obroom(ob *o, size_t n)
{
    if ((size_t)(o->end - o->p) < n) obflush(o);
    return o->p;
}

/* The slow path of outn: a piece larger than the buffer goes straight out. */
static void outbig(const void *s, size_t n, ob *o)
{
    obflush(o);
    fwrite_unlocked(s, 1, n, o->f);
    o->out += (off_t)n;
}

static inline void outn(const void *s, size_t n, ob *o)
{
    if (n > sizeof o->buf) {
        outbig(s, n, o);
        return;
    }
    memcpy(obroom(o, n), s, n);
    o->p += n;
}

static inline void outc(int c, ob *o)
{
    *obroom(o, 1) = (char)c;
    o->p++;
}

/* A C string; for a literal, strlen is a constant. */
static inline void outs(const char *s, ob *o)
{
    outn(s, strlen(s), o);
}

/* An integer, two digits at a time. */
static void outi(long long v, ob *o)
{
    static const char DIGITS[] = "00010203040506070809101112131415161718192021222324"
                                 "25262728293031323334353637383940414243444546474849"
                                 "50515253545556575859606162636465666768697071727374"
                                 "75767778798081828384858687888990919293949596979899";
    char b[24], *p = b + sizeof b;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    for (; u >= 100; u /= 100) memcpy(p -= 2, DIGITS + u % 100 * 2, 2);
    if (u >= 10)
        memcpy(p -= 2, DIGITS + u * 2, 2);
    else
        *--p = (char)('0' + u);
    if (v < 0) *--p = '-';
    outn(p, (size_t)(b + sizeof b - p), o);
}

typedef struct {
    ob *o;
    int n;     /* fields written in the current record */
    int holes; /* write holes for the mention's entity and why, and the claim's id,
                  claimant_entity and (when the text gave none) claimant_side */
} jw;

/*
** How JSON writes each byte in a string: 0, as it is; else the letter after
** its backslash, 'u' for \u00XX (every byte below 0x20 but \t, \n and \r).
*/
static const char ESC[256] = {
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',         't',           'n', 'u',
    'u', 'r', 'u', 'u', 'u', 'u', 'u', 'u', 'u',         'u',           'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', ['"'] = '"', ['\\'] = '\\',
};

/*
** Whether any of the eight bytes of x needs escaping: one below 0x20, a '"'
** or a '\\'. (The classic test for a byte below n: (x - n*0x01..01) & ~x &
** 0x80..80 is nonzero; a byte equal to c is one below 1 in x ^ c*0x01..01.)
*/
static inline int escword(uint64_t x)
{
    const uint64_t ONES = 0x0101010101010101u;
    uint64_t q = x ^ ONES * '"', b = x ^ ONES * '\\';
    return ((((x - ONES * 0x20) & ~x) | ((q - ONES) & ~q) | ((b - ONES) & ~b)) & ONES * 0x80) != 0;
}

/* A JSON string: runs that need no escaping, found eight bytes at a time, are copied whole. */
static void jesc(ob *o, const char *s, size_t len)
{
    static const char HEX[] = "0123456789abcdef";
    outc('"', o);
    size_t run = 0, i = 0;
    while (i < len) {
        uint64_t x;
        if (len - i >= 8 && (memcpy(&x, s + i, 8), !escword(x))) {
            i += 8;
            continue;
        }
        for (size_t stop = len - i >= 8 ? i + 8 : len; i < stop; i++) {
            unsigned char c = (unsigned char)s[i];
            if (!ESC[c]) continue;
            outn(s + run, i - run, o);
            run = i + 1;
            char *p = obroom(o, 6);
            p[0] = '\\';
            p[1] = ESC[c];
            if (ESC[c] == 'u') {
                memcpy(p + 2, "00", 2);
                p[4] = HEX[c >> 4];
                p[5] = HEX[c & 15];
                o->p += 6;
            } else {
                o->p += 2;
            }
        }
    }
    outn(s + run, len - run, o);
    outc('"', o);
}

/* A field's key (a literal that needs no escaping), after '{' or ','. */
static inline void jkey(jw *w, const char *k)
{
    size_t n = strlen(k);
    char *p = obroom(w->o, n + 4);
    p[0] = w->n++ ? ',' : '{';
    p[1] = '"';
    memcpy(p + 2, k, n);
    p[n + 2] = '"';
    p[n + 3] = ':';
    w->o->p = p + n + 4;
}

/* A string field; NULL or "" is null. */
static inline void jstrf(jw *w, const char *k, const char *v)
{
    jkey(w, k);
    if (v && *v)
        jesc(w->o, v, strlen(v));
    else
        outs("null", w->o);
}

/* A string field whose value is a literal that needs no escaping. */
static inline void jlitf(jw *w, const char *k, const char *v)
{
    jkey(w, k);
    outc('"', w->o);
    outs(v, w->o);
    outc('"', w->o);
}

/* An integer field. */
static inline void jintf(jw *w, const char *k, long long v)
{
    jkey(w, k);
    outi(v, w->o);
}

/* A number; NAN is null. Integers print without a fraction. */
static void outnum(double v, ob *o)
{
    if (isnan(v)) {
        outs("null", o);
    } else if (v == floor(v) && fabs(v) < 9.0e15) {
        outi((long long)v, o);
    } else {
        char buf[32];
        snprintf(buf, sizeof buf, "%.15g", v);
        if (strtod(buf, NULL) != v) snprintf(buf, sizeof buf, "%.17g", v);
        outs(buf, o);
    }
}

static inline void jnumf(jw *w, const char *k, double v)
{
    jkey(w, k);
    outnum(v, w->o);
}

static inline void jboolf(jw *w, const char *k, int v)
{
    jkey(w, k);
    if (v)
        outs("true", w->o);
    else
        outs("false", w->o);
}

static void jstrs(jw *w, const char *k, char **v, size_t n)
{
    jkey(w, k);
    outc('[', w->o);
    for (size_t i = 0; i < n; i++) {
        if (i) outc(',', w->o);
        jesc(w->o, v[i], strlen(v[i]));
    }
    outc(']', w->o);
}

static void jend(jw *w)
{
    outs("}\n", w->o);
    w->n = 0;
}

/* The fields every span record starts with. */
static void spanrec(jw *w, const char *type, const sift_doc *d, uint32_t start, uint32_t end)
{
    jlitf(w, "type", type);
    jstrf(w, "doc", d->id);
    jintf(w, "start", start);
    jintf(w, "end", end);
    jkey(w, "text");
    jesc(w->o, d->bytes + start, end - start);
}

/* The document's record, then its quantity, time and mention records. */
static void docrecs(jw *w, const sift_store *st, const sift_doc *d, int explain)
{
    static const char *const ANCHORS[] = {"none", "published", "dateline", "text"};
    ob *out = w->o;
    jlitf(w, "type", "document");
    jstrf(w, "id", d->id);
    jstrf(w, "path", d->path);
    jstrf(w, "source", d->source);
    jstrf(w, "published", d->published);
    jstrf(w, "kind", d->kind);
    jstrf(w, "title", d->title);
    jstrf(w, "language", d->language);
    jintf(w, "bytes", (long long)d->len);
    /* a document with no file of its own carries its text, so the records
       can be checked elsewhere (the reduce step of a map-reduce run) */
    if (d->inline_text) {
        jkey(w, "text");
        jesc(out, d->bytes, d->len);
    }
    jend(w);
    for (size_t k = 0; k < d->nquantities; k++) {
        const sift_quantity *q = &d->quantities[k];
        spanrec(w, "quantity", d, q->start, q->end);
        jnumf(w, "value", q->value);
        jnumf(w, "min", q->min);
        jnumf(w, "max", q->max);
        jstrf(w, "unit", q->unit);
        jboolf(w, "approx", q->approx);
        jboolf(w, "vague", q->vague);
        jnumf(w, "coded", q->coded);
        if (!isnan(q->alt)) { /* the bracketed other reading: "90 miles (144 km)" */
            jkey(w, "alt");
            jw a = {out, 0, 0};
            jnumf(&a, "value", q->alt);
            jstrf(&a, "unit", q->alt_unit);
            jintf(&a, "start", q->alt_start);
            jintf(&a, "end", q->alt_end);
            outc('}', out);
        }
        jend(w);
        if (!isnan(q->alt)) { /* and the bracketed reading as a quantity of its own */
            spanrec(w, "quantity", d, q->alt_start, q->alt_end);
            jnumf(w, "value", q->alt);
            jnumf(w, "min", isnan(q->min) ? NAN : q->alt); /* bounds as exact as the quantity's */
            jnumf(w, "max", isnan(q->max) ? NAN : q->alt);
            jstrf(w, "unit", q->alt_unit);
            jboolf(w, "approx", q->approx);
            jboolf(w, "vague", 0);
            jnumf(w, "coded", NAN);
            jboolf(w, "conversion", 1);
            jend(w);
        }
    }
    for (size_t k = 0; k < d->ntimes; k++) {
        const sift_time *t = &d->times[k];
        char day[32];
        spanrec(w, "time", d, t->start, t->end);
        jstrf(w, "value", t->value);
        jstrf(w, "precision", t->precision);
        jstrf(w, "mod", t->mod);
        if (t->earliest != SIFT_NO_DAY) sift_fmt_day(t->earliest, day);
        jstrf(w, "earliest", t->earliest != SIFT_NO_DAY ? day : NULL);
        if (t->latest != SIFT_NO_DAY) sift_fmt_day(t->latest, day);
        jstrf(w, "latest", t->latest != SIFT_NO_DAY ? day : NULL);
        jboolf(w, "relative", t->relative);
        jlitf(w, "anchor", ANCHORS[t->anchor]);
        jlitf(w, "kind", t->kind == SIFT_TIME_DURATION ? "duration" : "date");
        jend(w);
    }
    for (size_t k = 0; k < d->nmentions; k++) {
        const sift_mention *m = &d->mentions[k];
        jlitf(w, "type", "mention");
        jstrf(w, "doc", d->id);
        jkey(w, "entity");
        if (w->holes)
            outc(H_ENTITY, out);
        else if (m->entity >= 0)
            outi(m->entity + 1, out);
        else
            outs("null", out);
        jintf(w, "start", m->start);
        jintf(w, "end", m->end);
        jkey(w, "text");
        jesc(out, d->bytes + m->start, m->end - m->start);
        jstrf(w, "kind", sift_store_str(st, m->kind));
        jstrf(w, "side", sift_store_str(st, m->side));
        jstrf(w, "cue", sift_store_str(st, m->cue));
        if (m->role > SIFT_STR_EMPTY) jstrf(w, "role", sift_store_str(st, m->role));
        if (m->title > SIFT_STR_EMPTY) jstrf(w, "title", sift_store_str(st, m->title));
        if (m->decl != SIFT_STR_NONE) jstrf(w, "decl", sift_store_str(st, m->decl));
        if (explain && w->holes) {
            jkey(w, "why");
            outc(H_WHY, out);
        } else if (explain) {
            jstrf(w, "why", sift_store_str(st, m->why));
        }
        jend(w);
    }
}

/* A claim record; `id` is its number in corpus order, then text order. */
static void claimrec(jw *w, const sift_doc *d, const sift_claim *c, uint32_t id)
{
    ob *out = w->o;
    jlitf(w, "type", "claim");
    jkey(w, "id");
    if (w->holes)
        outc(H_ID, out);
    else
        outi(id, out);
    jstrf(w, "doc", d->id);
    jstrf(w, "kind", c->kind);
    jstrf(w, "category", c->category);
    jintf(w, "start", c->start);
    jintf(w, "end", c->end);
    jkey(w, "text");
    jesc(out, d->bytes + c->start, c->end - c->start);
    jkey(w, "quantity");
    if (c->quantity >= 0 && (size_t)c->quantity < d->nquantities) {
        const sift_quantity *q = &d->quantities[c->quantity];
        jw o = {out, 0, 0};
        jintf(&o, "start", q->start);
        jintf(&o, "end", q->end);
        jnumf(&o, "value", q->value);
        jnumf(&o, "min", q->min);
        jnumf(&o, "max", q->max);
        jstrf(&o, "unit", q->unit);
        outc('}', out);
    } else {
        outs("null", out);
    }
    jkey(w, "time");
    if (c->time >= 0 && (size_t)c->time < d->ntimes) {
        const sift_time *t = &d->times[c->time];
        jw o = {out, 0, 0};
        jintf(&o, "start", t->start);
        jintf(&o, "end", t->end);
        jstrf(&o, "value", t->value);
        outc('}', out);
    } else {
        outs("null", out);
    }
    jnumf(w, "value", c->value);
    jnumf(w, "min", c->min);
    jnumf(w, "max", c->max);
    jboolf(w, "vague", c->vague);
    jstrf(w, "subject", c->subject);
    jstrf(w, "subject_side", c->subject_side);
    jstrf(w, "claimant", c->claimant);
    jkey(w, "claimant_entity");
    if (w->holes) {
        uint32_t m = (uint32_t)sift_doc_mention_at(d, c->claimant_start, c->claimant_end);
        outc(H_CLAIMANT, out);
        for (int b = 0; b < 4; b++) outc((int)(m >> 8 * b & 0xff), out);
    } else if (c->claimant_entity >= 0)
        outi(c->claimant_entity + 1, out);
    else
        outs("null", out);
    if (w->holes && !c->claimant_side[0]) { /* its entity's, when it has one */
        jkey(w, "claimant_side");
        outc(H_CSIDE, out);
    } else {
        jstrf(w, "claimant_side", c->claimant_side);
    }
    jstrf(w, "cue", c->cue);
    jstrf(w, "place", c->place);
    jboolf(w, "hedged", c->hedged);
    jlitf(w, "polarity", c->deny ? "deny" : "affirm");
    jstrf(w, "source", d->source);
    jstrf(w, "action", c->action);
    jstrf(w, "extent", c->extent);
    jstrf(w, "holder_side", c->holder_side);
    if (c->claimant_end > c->claimant_start) {
        jintf(w, "claimant_start", c->claimant_start);
        jintf(w, "claimant_end", c->claimant_end);
    }
    if (c->place_end > c->place_start) {
        jintf(w, "place_start", c->place_start);
        jintf(w, "place_end", c->place_end);
    }
    jend(w);
}

/*
** The spill. A corpus's records, held as C structs until resolution has
** run, take about three times the corpus's bytes; the rendered JSON, more.
** So each worker writes a document's records to a temporary file of its
** own as soon as they are stored, with holes for what resolution decides,
** and frees them with the document's text and metadata: only its id and
** mentions stay, for resolution, with their texts (sift_doc_spilled).
** Nothing new is kept a document: what is allocated between its records
** would pin their pages once they are freed (a C library heap does not
** move what it holds). Writing the output copies each document's part of
** the spill in corpus order, filling the holes. A document the spill could
** not take (no temporary file, a full disk) keeps its records
** in memory and is written from them, as without a spill.
*/
typedef struct {
    off_t off;         /* where its records start in its worker's file */
    size_t alen, blen; /* document..mention records, then the claim records */
    size_t nq, nt;     /* for --stats */
    uint8_t file;      /* its worker + 1; 0: not spilled */
} spilldoc;

typedef struct {
    const sift_store *st;
    int explain;
    FILE *f[SIFT_MAX_JOBS];
    int err[SIFT_MAX_JOBS]; /* errno of the worker's spill failure, or 0 */
    spilldoc *docs;
} spill;

static const char *tmpdir(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

/* A new anonymous temporary file (removed at once: it lives while it is open). */
static FILE *tmpspill(void)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/sift-extract-XXXXXX", tmpdir()) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    int fd = mkstemp(path);
    if (fd < 0) return NULL;
    unlink(path);
    FILE *f = fdopen(fd, "w+");
    if (!f) close(fd);
    return f;
}

/* sift_extract_sink: write document i's records to the worker's file and free them. */
static void spillone(void *ctx, sift_doc *d, size_t i, int worker)
{
    spill *sp = ctx;
    spilldoc *sd = &sp->docs[i];
    if (sp->err[worker]) return;
    FILE *f = sp->f[worker];
    if (!f && !(f = sp->f[worker] = tmpspill())) {
        sp->err[worker] = errno ? errno : EIO;
        return;
    }
    ob o;
    obinit(&o, f);
    jw w = {&o, 0, 1};
    off_t at = ftello(f);
    docrecs(&w, sp->st, d, sp->explain);
    off_t mid = at + obput(&o);
    for (size_t k = 0; k < d->nclaims; k++) claimrec(&w, d, &d->claims[k], 0);
    off_t end = at + obput(&o);
    obflush(&o);
    if (at < 0 || fflush(f) != 0 || ferror(f)) {
        sp->err[worker] = errno ? errno : EIO; /* this worker spills no more */
        return;
    }
    spilldoc done = {at,        (size_t)(mid - at),   (size_t)(end - mid), d->nquantities,
                     d->ntimes, (uint8_t)(worker + 1)};
    if (sift_doc_spilled(d) == 0) *sd = done;
}

/* Fills the holes of a document's part of the spill as it is copied. */
typedef struct {
    const sift_store *st;
    const sift_doc *d;
    size_t base;    /* the number of the document's first mention in corpus order */
    size_t mention; /* the next mention of the document */
    int32_t entity; /* the entity of the claimant of the claim being copied, or -1 */
    uint32_t *id;   /* the last claim id written */
} filler;

/* What resolution decided for the document's k-th mention. */
static sift_resolved fillres(const filler *h, size_t k)
{
    const sift_doc *d = h->d;
    if (k < d->nmentions && d->mentions)
        return (sift_resolved){d->mentions[k].entity, d->mentions[k].why};
    if (k < d->nmentions && h->base + k < h->st->nresolved) return h->st->resolved[h->base + k];
    return (sift_resolved){-1, SIFT_STR_NONE};
}

static void fillstr(ob *out, const char *s)
{
    if (s && *s)
        jesc(out, s, strlen(s));
    else
        outs("null", out);
}

static void fillint(ob *out, int32_t e)
{
    if (e >= 0)
        outi(e + 1, out);
    else
        outs("null", out);
}

/* Fill the hole at p[0] (the part ends at end); returns the bytes it took. */
static size_t fill(ob *out, filler *h, const unsigned char *p, const unsigned char *end)
{
    switch (*p) {
    case H_ENTITY:
        fillint(out, fillres(h, h->mention++).entity);
        return 1;
    case H_WHY: /* after its mention's entity */
        fillstr(out, sift_store_str(h->st, fillres(h, h->mention - 1).why));
        return 1;
    case H_ID:
        outi(++*h->id, out);
        return 1;
    case H_CLAIMANT: {
        uint32_t m = 0;
        for (int b = 0; b < 4 && p + 1 + b < end; b++) m |= (uint32_t)p[1 + b] << 8 * b;
        h->entity = m == UINT32_MAX ? -1 : fillres(h, m).entity;
        fillint(out, h->entity);
        return end - p < 5 ? (size_t)(end - p) : 5;
    }
    default: /* H_CSIDE, after its claim's claimant */
        fillstr(out, h->entity >= 0 && (size_t)h->entity < h->st->nentities
                         ? h->st->entities[h->entity].side
                         : NULL);
        return 1;
    }
}

/* Copy len bytes at off of file f to out, filling the holes; *buf is reused. */
static int copyspill(ob *out, FILE *f, off_t off, size_t len, filler *h, char **buf, size_t *cap)
{
    if (len > *cap) {
        char *nb = realloc(*buf, len);
        if (!nb) {
            sift_errorf("out of memory reading back the temporary file");
            return -1;
        }
        *buf = nb;
        *cap = len;
    }
    for (size_t got = 0; got < len;) {
        ssize_t r = pread(fileno(f), *buf + got, len - got, off + (off_t)got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            sift_errorf("cannot read back the temporary file: %s",
                        r ? strerror(errno) : "it is short");
            return -1;
        }
        got += (size_t)r;
    }
    const unsigned char *p = (const unsigned char *)*buf, *end = p + len, *run = p;
    /* eight bytes at a time while none is below H_END (the classic test
       for a byte below n: (x - n*0x01..01) & ~x & 0x80..80) */
    const uint64_t ONES = 0x0101010101010101u, HIGHS = 0x8080808080808080u;
    while (p < end) {
        uint64_t x;
        if (end - p >= 8 && (memcpy(&x, p, 8), ((x - ONES * H_END) & ~x & HIGHS) == 0)) {
            p += 8;
            continue;
        }
        if (*p >= H_END || *p == 0) {
            p++;
            continue;
        }
        outn(run, (size_t)(p - run), out);
        p += fill(out, h, p, end);
        run = p;
    }
    outn(run, (size_t)(end - run), out);
    return 0;
}

static void spillfree(spill *sp)
{
    for (int w = 0; w < SIFT_MAX_JOBS; w++)
        if (sp->f[w]) fclose(sp->f[w]);
    free(sp->docs);
}

static int writeall(FILE *f, const sift_store *st, int explain, const spill *sp)
{
    ob *out = malloc(sizeof *out);
    if (!out) {
        sift_errorf("out of memory writing the records");
        return -1;
    }
    obinit(out, f);
    jw w = {out, 0, 0};
    jlitf(&w, "type", "meta");
    jlitf(&w, "schema", "sift-extract/1");
    jstrf(&w, "version", SIFT_VERSION);
    jstrf(&w, "corpus", st->name);
    jend(&w);
    /* the manifest's sides and entities: the reduce step resolves and rules with them */
    for (size_t i = 0; i < st->nsides; i++) {
        const sift_side *sd = &st->sides[i];
        jlitf(&w, "type", "side");
        jstrf(&w, "id", sd->id);
        jstrf(&w, "label", sd->label);
        jstrs(&w, "aliases", sd->aliases, sd->naliases);
        jboolf(&w, "party", sd->party);
        jend(&w);
    }
    for (size_t i = 0; i < st->ndecls; i++) {
        const sift_decl *dc = &st->decls[i];
        jlitf(&w, "type", "declared");
        jstrf(&w, "name", dc->name);
        jstrf(&w, "kind", dc->kind);
        jstrf(&w, "side", dc->side);
        if (dc->in) jstrf(&w, "in", dc->in);
        jstrs(&w, "aliases", dc->aliases, dc->naliases);
        jend(&w);
    }
    uint32_t id = 0; /* claim ids: corpus order, then text order */
    char *buf = NULL;
    size_t cap = 0;
    int rc = 0;
    for (int part = 0; part < 2; part++) { /* claims last: they refer to entities */
        size_t base = 0;
        for (size_t i = 0; i < st->ndocs && !rc; base += st->docs[i++].nmentions) {
            const sift_doc *d = &st->docs[i];
            const spilldoc *sd = sp ? &sp->docs[i] : NULL;
            if (sd && sd->file) { /* (a spilled document has nothing else to write from) */
                filler h = {st, d, base, 0, -1, &id};
                off_t off = sd->off + (part ? (off_t)sd->alen : 0);
                rc = copyspill(out, sp->f[sd->file - 1], off, part ? sd->blen : sd->alen, &h, &buf,
                               &cap);
            } else if (part == 0) {
                docrecs(&w, st, d, explain);
            } else {
                for (size_t k = 0; k < d->nclaims; k++) claimrec(&w, d, &d->claims[k], ++id);
            }
        }
    }
    for (size_t e = 0; e < st->nentities; e++) {
        const sift_entity *en = &st->entities[e];
        jlitf(&w, "type", "entity");
        jintf(&w, "id", (long long)e + 1);
        jstrf(&w, "kind", en->kind);
        jstrf(&w, "name", en->name);
        jstrs(&w, "aliases", en->aliases, en->naliases);
        jstrf(&w, "side", en->side);
        jend(&w);
    }
    obflush(out);
    free(out);
    free(buf);
    return rc || ferror(f) ? -1 : 0;
}

static int stats, explain;

static int extractopt(int argc, char **argv, int i, sift_opts *o)
{
    if (!strcmp(argv[i], "--explain")) {
        explain = 1;
        return 1;
    }
    if (!strcmp(argv[i], "--stats")) {
        stats = 1;
        return 1;
    }
    return 0;
}

int sift_cmd_extract(int argc, char **argv)
{
    sift_opts o;
    stats = explain = 0;
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
    if (st) st->records_only = 1; /* writeall reads the records and the text only */
    spill sp = {st, explain, {0}, {0}, NULL};
    if (st) sp.docs = calloc(st->ndocs ? st->ndocs : 1, sizeof *sp.docs);
    int xrc = -1;
    if (st && sift_extract_check(st, &o) == 0)
        xrc = sp.docs ? sift_extract_run_sink(st, &o, spillone, &sp) : sift_extract_run(st, &o);
    for (int w = 0; w < SIFT_MAX_JOBS && !o.quiet; w++)
        if (sp.err[w]) {
            sift_warnf("cannot write a temporary file in %s (%s): records kept in memory", tmpdir(),
                       strerror(sp.err[w]));
            break;
        }
    if (xrc == -1) {
        spillfree(&sp);
        sift_store_free(st);
        rc = SIFT_EXIT_INPUT;
        goto out;
    }
    if (xrc == -2) rc = SIFT_EXIT_SCRIPT; /* a user extractor raised: the rest is still written */
    double t2 = sift_now();
    char *tmp = NULL;
    FILE *f = o.output ? sift_out_open(o.output, &tmp) : stdout;
    if (!f) {
        spillfree(&sp);
        sift_store_free(st);
        rc = SIFT_EXIT_INPUT;
        goto out;
    }
    int bad = writeall(f, st, explain, &sp);
    if (o.output)
        bad |= sift_out_close(f, o.output, tmp, !bad) != 0;
    else if ((bad |= fflush(stdout) != 0))
        sift_errorf("cannot write the output: %s", strerror(errno ? errno : EIO));
    double t3 = sift_now();
    if (stats) {
        size_t bytes = 0, nq = 0, nt = 0;
        for (size_t i = 0; i < st->ndocs; i++) {
            bytes += st->docs[i].len;
            nq += sp.docs && sp.docs[i].file ? sp.docs[i].nq : st->docs[i].nquantities;
            nt += sp.docs && sp.docs[i].file ? sp.docs[i].nt : st->docs[i].ntimes;
        }
        double mb = (double)bytes / 1e6;
        fprintf(stderr,
                "%zu documents, %.1f MB; %zu quantities, %zu times\n"
                "load+segment %.2f s (%.1f MB/s), extract %.2f s (%.1f MB/s; of which resolution "
                "%.2f s), write %.2f s\n"
                "peak memory %.1f MB\n",
                st->ndocs, mb, nq, nt, t1 - t0, mb / (t1 - t0), t2 - t1, mb / (t2 - t1),
                st->resolve_seconds, t3 - t2, (double)sift_peak_rss() / 1e6);
    }
    spillfree(&sp);
    sift_store_free(st);
    rc = bad ? SIFT_EXIT_INPUT : rc;
out:
    sift_opts_free(&o);
    return rc;
}
