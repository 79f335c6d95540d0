/*
** store.c -- the corpus store: documents, their plain text, sentences and
** line index. Uses fmt (markup), segment (sentences) and utf8 (validation).
*/
#include "store.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limits.h"
#include "utf8.h"

/*
** The interned strings: an open-addressing set of ids, at most half full,
** and the strings by id. Strings sit in chunks that never move (chunk k holds
** 256 << k ids, the ids from 256 * (2^k - 1) on), so reading a string needs
** no lock while other threads add to the set.
*/
#define STRCHUNKS 25

struct sift_strpool {
    pthread_mutex_t lock;
    uint32_t *slot; /* ids; SIFT_STR_NONE is free */
    size_t cap;
    uint32_t next; /* the next id to give */
    char **chunk[STRCHUNKS];
};

sift_store *sift_store_new(void)
{
    sift_store *st = calloc(1, sizeof *st);
    struct sift_strpool *p = calloc(1, sizeof *p);
    if (!st || !p || pthread_mutex_init(&p->lock, NULL) != 0) {
        free(st);
        free(p);
        return NULL;
    }
    p->next = SIFT_STR_EMPTY + 1;
    st->strs = p;
    return st;
}

/* Where the string of id lives: its chunk (*k) and its place in it. */
static size_t strat(uint32_t id, int *k)
{
    uint64_t j = (uint64_t)id / 256 + 1;
    *k = 63 - __builtin_clzll(j);
    return id - ((size_t)256 << *k) + 256;
}

static char *strof(const struct sift_strpool *p, uint32_t id)
{
    int k;
    size_t i = strat(id, &k);
    return p->chunk[k][i];
}

const char *sift_store_str(const sift_store *st, uint32_t id)
{
    if (id == SIFT_STR_NONE) return NULL;
    if (id == SIFT_STR_EMPTY) return "";
    return strof(st->strs, id);
}

static size_t strhash(const char *s, size_t len)
{
    size_t h = 14695981039346656037u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* The slot of s in p (SIFT_STR_NONE when it is free). */
static uint32_t *strslot(struct sift_strpool *p, const char *s, size_t len)
{
    size_t i = strhash(s, len) & (p->cap - 1);
    for (;;) {
        const char *t = p->slot[i] ? strof(p, p->slot[i]) : NULL;
        if (!t || (strncmp(t, s, len) == 0 && t[len] == 0)) return &p->slot[i];
        i = (i + 1) & (p->cap - 1);
    }
}

static int strgrow(struct sift_strpool *p)
{
    size_t cap = p->cap ? p->cap * 2 : 256;
    uint32_t *old = p->slot, *slot = calloc(cap, sizeof *slot);
    if (!slot) return -1;
    size_t oldcap = p->cap;
    p->slot = slot;
    p->cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i]) {
            const char *t = strof(p, old[i]);
            *strslot(p, t, strlen(t)) = old[i];
        }
    free(old);
    return 0;
}

/* A new id for a copy of s, or SIFT_STR_NONE when out of memory. */
static uint32_t stradd(struct sift_strpool *p, const char *s, size_t len)
{
    if (p->next == UINT32_MAX) return SIFT_STR_NONE;
    int k;
    size_t i = strat(p->next, &k);
    if (!p->chunk[k] && !(p->chunk[k] = calloc((size_t)256 << k, sizeof(char *))))
        return SIFT_STR_NONE;
    if (!(p->chunk[k][i] = strndup(s, len))) return SIFT_STR_NONE;
    return p->next++;
}

uint32_t sift_store_intern_id(sift_store *st, const char *s, size_t len)
{
    len = strnlen(s, len); /* a C string ends at its first NUL */
    if (len == 0) return SIFT_STR_EMPTY;
    struct sift_strpool *p = st->strs;
    pthread_mutex_lock(&p->lock);
    uint32_t r = SIFT_STR_NONE;
    if ((size_t)(p->next - SIFT_STR_EMPTY) * 2 <= p->cap || strgrow(p) == 0) {
        uint32_t *at = strslot(p, s, len);
        if (!*at) *at = stradd(p, s, len);
        r = *at;
    }
    pthread_mutex_unlock(&p->lock);
    return r;
}

uint32_t sift_store_intern_cached(sift_store *st, sift_strcache *c, const char *s, size_t len)
{
    size_t h = ((uintptr_t)s >> 3 ^ len) % SIFT_STRCACHE;
    if (c->s[h] == s && c->len[h] == len) {
        /* the pool's copy is s up to its first NUL (sift_store_intern_id) */
        const char *t = sift_store_str(st, c->id[h]);
        size_t tl = strlen(t);
        if (tl <= len && memcmp(t, s, tl) == 0 && (tl == len || s[tl] == 0)) return c->id[h];
    }
    uint32_t id = sift_store_intern_id(st, s, len);
    if (id != SIFT_STR_NONE) {
        c->s[h] = s;
        c->len[h] = len;
        c->id[h] = id;
    }
    return id;
}

const char *sift_store_intern(sift_store *st, const char *s, size_t len)
{
    return sift_store_str(st, sift_store_intern_id(st, s, len));
}

static void strpool_free(struct sift_strpool *p)
{
    if (!p) return;
    for (uint32_t id = SIFT_STR_EMPTY + 1; id < p->next; id++) free(strof(p, id));
    for (int k = 0; k < STRCHUNKS; k++) free(p->chunk[k]);
    free(p->slot);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

static void freestrs(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

void sift_doc_clear(sift_doc *d)
{
    free(d->id);
    free(d->path);
    free(d->source);
    free(d->published);
    free(d->kind);
    free(d->title);
    free(d->language);
    free(d->url);
    free(d->where);
    free(d->meta);
    free(d->bytes);
    sift_plain_free(&d->plain);
    free(d->sents);
    free(d->paras);
    free(d->lines);
    free(d->quantities);
    free(d->times);
    free(d->mentions); /* its strings are the store's */
    for (size_t i = 0; i < d->nclaims; i++) {
        free(d->claims[i].subject);
        free(d->claims[i].claimant);
        free(d->claims[i].place);
        free(d->claims[i].extent);
    }
    free(d->claims);
    memset(d, 0, sizeof *d);
}

int sift_doc_spilled(sift_doc *d)
{
    size_t total = 0;
    for (size_t k = 0; k < d->nmentions; k++) total += d->mentions[k].end - d->mentions[k].start;
    char *t = malloc(total + 1);
    if (!t) return -1;
    size_t at = 0;
    for (size_t k = 0; k < d->nmentions; k++) {
        sift_mention *m = &d->mentions[k];
        memcpy(t + at, d->bytes + m->start, m->end - m->start);
        m->end = (uint32_t)(at + m->end - m->start);
        m->start = (uint32_t)at;
        at = m->end;
    }
    t[at] = 0;
    char *id = d->id;
    size_t n = d->nmentions, len = d->len;
    sift_mention *ms = d->mentions;
    d->mentions = NULL;
    d->id = NULL;
    sift_doc_clear(d);
    *d = (sift_doc){.id = id, .bytes = t, .len = len, .mentions = ms, .nmentions = n, .spilled = 1};
    return 0;
}

long sift_doc_mention_at(const sift_doc *d, uint32_t a, uint32_t b)
{
    for (size_t i = 0; a < b && d->mentions && i < d->nmentions; i++)
        if (d->mentions[i].start < b && a < d->mentions[i].end) return (long)i;
    return -1;
}

void sift_store_free(sift_store *st)
{
    if (!st) return;
    for (size_t i = 0; i < st->ndocs; i++) sift_doc_clear(&st->docs[i]);
    free(st->docs);
    for (size_t i = 0; i < st->nsides; i++) {
        free(st->sides[i].id);
        free(st->sides[i].label);
        freestrs(st->sides[i].aliases, st->sides[i].naliases);
    }
    free(st->sides);
    for (size_t i = 0; i < st->ndecls; i++) {
        free(st->decls[i].name);
        free(st->decls[i].kind);
        free(st->decls[i].side);
        free(st->decls[i].in);
        freestrs(st->decls[i].aliases, st->decls[i].naliases);
    }
    free(st->decls);
    for (size_t i = 0; i < st->nentities; i++) {
        free(st->entities[i].name);
        free(st->entities[i].kind);
        free(st->entities[i].side);
        freestrs(st->entities[i].aliases, st->entities[i].naliases);
    }
    free(st->entities);
    free(st->resolved);
    for (size_t i = 0; i < st->nxfiles; i++) {
        free(st->xfiles[i].path);
        free(st->xfiles[i].where);
    }
    free(st->xfiles);
    strpool_free(st->strs);
    free(st->name);
    free(st);
}

sift_doc *sift_store_add_doc(sift_store *st)
{
    if (st->ndocs == st->capdocs) {
        size_t cap = st->capdocs ? st->capdocs * 2 : 64;
        sift_doc *n = realloc(st->docs, cap * sizeof *n);
        if (!n) return NULL;
        st->docs = n;
        st->capdocs = cap;
    }
    sift_doc *d = &st->docs[st->ndocs++];
    memset(d, 0, sizeof *d);
    return d;
}

void sift_store_truncate(sift_store *st, size_t n)
{
    while (st->ndocs > n) sift_doc_clear(&st->docs[--st->ndocs]);
}

long sift_store_find_doc(const sift_store *st, const char *id)
{
    for (size_t i = 0; i < st->ndocs; i++)
        if (st->docs[i].id && strcmp(st->docs[i].id, id) == 0) return (long)i;
    return -1;
}

const char *sift_doc_plain(const sift_doc *d, size_t *len)
{
    if (d->fmt == SIFT_FMT_TEXT) {
        *len = d->len;
        return d->bytes;
    }
    *len = d->plain.len;
    return d->plain.text;
}

size_t sift_doc_src_start(const sift_doc *d, size_t off)
{
    return d->fmt == SIFT_FMT_TEXT ? off : sift_plain_src_start(&d->plain, off);
}

size_t sift_doc_src_end(const sift_doc *d, size_t end)
{
    return d->fmt == SIFT_FMT_TEXT ? end : sift_plain_src_end(&d->plain, end);
}

void sift_doc_linecol(const sift_doc *d, size_t off, size_t *line, size_t *col)
{
    if (off > d->len) off = d->len;
    size_t lo = 0, hi = d->nlines; /* last line start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo + 1;
    *col = sift_utf8_count(d->bytes, d->lines[lo], off) + 1;
}

/* Line starts of the original bytes ("\n" ends a line; "\r\n" too). */
static int index_lines(sift_doc *d)
{
    size_t n = 1;
    for (const char *p = d->bytes; (p = memchr(p, '\n', (size_t)(d->bytes + d->len - p))); p++) n++;
    d->lines = malloc(n * sizeof *d->lines);
    if (!d->lines) return -1;
    d->lines[0] = 0;
    d->nlines = 1;
    for (const char *p = d->bytes; (p = memchr(p, '\n', (size_t)(d->bytes + d->len - p))); p++)
        d->lines[d->nlines++] = (uint32_t)(p - d->bytes + 1);
    return 0;
}

static char *msgf(const char *fmt, size_t a, size_t b, const char *what)
{
    char *m = malloc(strlen(fmt) + (what ? strlen(what) : 0) + 64);
    if (m) sprintf(m, fmt, a, b, what ? what : "");
    return m;
}

int sift_doc_prepare(sift_doc *d, int lenient, char **err)
{
    *err = NULL;
    if (d->len > SIFT_MAX_DOC_BYTES) {
        *err = msgf("1:1: document too large (%zu bytes; the limit is %zu bytes)%s", d->len,
                    SIFT_MAX_DOC_BYTES, NULL);
        return -1;
    }
    if (index_lines(d) != 0) goto oom;
    const char *nul = memchr(d->bytes, 0, d->len);
    if (nul) {
        size_t line, col;
        sift_doc_linecol(d, (size_t)(nul - d->bytes), &line, &col);
        *err =
            msgf("%zu:%zu: NUL byte: this looks like a binary file, not text%s", line, col, NULL);
        return -1;
    }
    size_t bad;
    if (!sift_utf8_check(d->bytes, d->len, &bad)) {
        if (!lenient) {
            size_t line, col;
            sift_doc_linecol(d, bad, &line, &col);
            char what[64];
            snprintf(what, sizeof what, "byte 0x%02X", (unsigned char)d->bytes[bad]);
            *err = msgf("%zu:%zu: invalid UTF-8 (%s); use --lenient to replace invalid bytes "
                        "with U+FFFD",
                        line, col, what);
            return -1;
        }
        size_t n, r;
        char *fixed = sift_utf8_repair(d->bytes, d->len, &n, &r);
        if (!fixed) goto oom;
        free(d->bytes);
        free(d->lines);
        d->lines = NULL;
        d->bytes = fixed;
        d->len = n;
        d->repaired = r;
        if (index_lines(d) != 0) goto oom;
    }
    if (d->fmt != SIFT_FMT_TEXT && sift_fmt_strip(d->fmt, d->bytes, d->len, &d->plain) != 0)
        goto oom;

    size_t plen;
    const char *ptext = sift_doc_plain(d, &plen);
    sift_segs segs;
    if (sift_segment(ptext, plen, &segs) != 0) goto oom;
    d->sents = malloc((segs.nsents ? segs.nsents : 1) * sizeof *d->sents);
    d->paras = malloc((segs.nparas ? segs.nparas : 1) * sizeof *d->paras);
    if (!d->sents || !d->paras) {
        sift_segs_free(&segs);
        goto oom;
    }
    for (size_t i = 0; i < segs.nsents; i++) {
        sift_sent *s = &segs.sents[i];
        d->sents[i] = (sift_sentence){.start = (uint32_t)sift_doc_src_start(d, s->start),
                                      .end = (uint32_t)sift_doc_src_end(d, s->end),
                                      .pstart = s->start,
                                      .pend = s->end,
                                      .para = s->para,
                                      .kind = s->kind};
    }
    for (size_t i = 0; i < segs.nparas; i++)
        d->paras[i] = (sift_para){(uint32_t)sift_doc_src_start(d, segs.paras[i].start),
                                  (uint32_t)sift_doc_src_end(d, segs.paras[i].end)};
    d->nsents = segs.nsents;
    d->nparas = segs.nparas;
    sift_segs_free(&segs);
    /* a title: the manifest's, else the markup's, else an opening headline */
    if (!d->title && d->plain.title) d->title = strdup(d->plain.title);
    if (!d->title && d->nsents && d->sents[0].kind == SIFT_SENT_HEADLINE)
        d->title = strndup(ptext + d->sents[0].pstart, d->sents[0].pend - d->sents[0].pstart);
    return 0;
oom:
    *err = msgf("%zu:%zu: out of memory%s", (size_t)1, (size_t)1, NULL);
    return -1;
}

/*
** Civil date <-> day number (days since 1970-01-01), proleptic Gregorian,
** by the usual era arithmetic (400-year cycles of 146097 days).
*/
int32_t sift_days(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void sift_fmt_day(int32_t z, char *buf)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    if (y < 0 || y > 9999) { /* (snprintf costs a thousand instructions and more) */
        snprintf(buf, 32, "%04d-%02d-%02d", y, m, d);
        return;
    }
    const int v[] = {y / 1000, y / 100 % 10, y / 10 % 10, y % 10, m / 10, m % 10, d / 10, d % 10};
    char *p = buf;
    for (int i = 0; i < 8; i++) {
        if (i == 4 || i == 6) *p++ = '-';
        *p++ = (char)('0' + v[i]);
    }
    *p = 0;
}
