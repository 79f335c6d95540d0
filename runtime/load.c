/*
** load.c -- corpus loading: turns command-line corpus arguments into a store.
**
** Owns: argument dispatch (folder, manifest, document file, JSON records,
** "-" for JSON Lines on stdin), the folder walk (sorted, loop-safe), manifest
** parsing and validation with file:line:col messages, and the parallel
** read-validate-segment pass. Uses cJSON for parsing, store for documents,
** pool for threads.
**
** cJSON keeps no positions, so a small scanner records the offset of every
** JSON value in document order; walking the parsed tree in the same order
** finds any node's offset, which is how semantic errors ("'published' must be
** a date") get their line and column.
*/
#include "load.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "limits.h"
#include "pool.h"
#include "utf8.h"

/* ---------------------------------------------------------------- messages */

typedef struct {
    sift_store *st;
    const sift_load_opts *o;
    int errors;
    /* while a file is read line by line: text[hint_off] starts line hint_line,
       so positions on that line are found without counting from the top */
    const char *hint_text;
    size_t hint_off, hint_line;
} loader;

void sift_text_linecol(const char *text, size_t len, size_t off, size_t *line, size_t *col)
{
    size_t l = 1, start = 0;
    if (off > len) off = len;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = sift_utf8_count(text, start, off) + 1;
}

/* sift_text_linecol, counting from the line hint when off lies at or after it. */
static void linecol(const loader *L, const char *text, size_t len, size_t off, size_t *line,
                    size_t *col)
{
    if (text != L->hint_text || off < L->hint_off || L->hint_off > len) {
        sift_text_linecol(text, len, off, line, col);
        return;
    }
    size_t l = L->hint_line, start = L->hint_off;
    if (off > len) off = len;
    for (const char *p = text + start; (p = memchr(p, '\n', off - (size_t)(p - text))); p++) {
        l++;
        start = (size_t)(p - text) + 1;
    }
    *line = l;
    *col = sift_utf8_count(text, start, off) + 1;
}

/*
** Print one message. With text, the location is file:line:col of offset off
** in it; with only a file, file:; with neither, the plain "sift:" prefix.
*/
static void vdiag(loader *L, int error, const char *file, const char *text, size_t len, size_t off,
                  const char *fmt, va_list ap)
{
    if (error)
        L->errors++;
    else if (L->o->quiet)
        return;
    if (file && text) {
        size_t line, col;
        linecol(L, text, len, off, &line, &col);
        fprintf(stderr, "%s:%zu:%zu: ", file, line, col);
    } else if (file) {
        fprintf(stderr, "%s: ", file);
    } else {
        fprintf(stderr, "sift: ");
    }
    fprintf(stderr, "%s: ", error ? "error" : "warning");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

static void errat(loader *L, const char *file, const char *text, size_t len, size_t off,
                  const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void errat(loader *L, const char *file, const char *text, size_t len, size_t off,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(L, 1, file, text, len, off, fmt, ap);
    va_end(ap);
}

static void warnat(loader *L, const char *file, const char *text, size_t len, size_t off,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void warnat(loader *L, const char *file, const char *text, size_t len, size_t off,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(L, 0, file, text, len, off, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ files */

/*
** Read a whole file (or stdin for "-") into a NUL-terminated buffer. On
** failure returns NULL with *why set to a static description.
*/
static char *readall(const char *path, size_t max, size_t *len, const char **why)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        *why = strerror(errno);
        return NULL;
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        if (f != stdin) fclose(f);
        *why = "is a directory";
        return NULL;
    }
    size_t cap = (sb.st_size > 0 && S_ISREG(sb.st_mode)) ? (size_t)sb.st_size + 1 : 65536;
    size_t n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            /* full: grow only when there is more to read (a regular file
               ends here, and its buffer keeps the size stat gave) */
            int c = getc(f);
            if (c == EOF) {
                if (ferror(f)) {
                    *why = strerror(errno ? errno : EIO);
                    free(buf);
                    buf = NULL;
                }
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
            buf[n++] = (char)c;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n > max) {
            *why = "file too large";
            free(buf);
            buf = NULL;
            break;
        }
        if (got == 0) {
            if (ferror(f)) {
                *why = strerror(errno ? errno : EIO);
                free(buf);
                buf = NULL;
            }
            break;
        }
    }
    if (f != stdin) fclose(f);
    if (!buf) {
        if (!*why) *why = "out of memory";
        return NULL;
    }
    if (cap - n > 65536) { /* a stream read in doubling steps: give back the slack */
        char *nb = realloc(buf, n + 1);
        if (nb) buf = nb;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static const char *ext(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    return dot ? dot : "";
}

enum { K_NONE, K_DOC, K_JSON, K_JSONL };

/* What a file is by its extension: a document, JSON records, or nothing we read. */
static int filekind(const char *path, sift_fmt *fmt)
{
    const char *e = ext(path);
    *fmt = SIFT_FMT_TEXT;
    if (!strcmp(e, ".txt") || !strcmp(e, ".text")) return K_DOC;
    if (!strcmp(e, ".md") || !strcmp(e, ".markdown") || !strcmp(e, ".wiki") ||
        !strcmp(e, ".mediawiki") || !strcmp(e, ".html") || !strcmp(e, ".htm")) {
        *fmt = sift_fmt_from_path(path);
        return K_DOC;
    }
    if (!strcmp(e, ".json")) return K_JSON;
    if (!strcmp(e, ".jsonl") || !strcmp(e, ".ndjson")) return K_JSONL;
    return K_NONE;
}

static char *joinpath(const char *dir, const char *rel)
{
    if (rel[0] == '/' || !dir || !*dir || !strcmp(dir, ".")) return strdup(rel);
    size_t a = strlen(dir), b = strlen(rel);
    char *p = malloc(a + b + 2);
    if (!p) return NULL;
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, rel, b + 1);
    return p;
}

static char *dirof(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup(".");
    if (slash == path) return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* The id of a document file: its path relative to the corpus root, without extension. */
static char *idof(const char *rel)
{
    const char *e = ext(rel);
    return strndup(rel, (size_t)(e - rel));
}

/* ------------------------------------------------------------------- JSON */

typedef struct {
    const char *path, *text;
    size_t len;
    cJSON *root;
    size_t *voff, *koff; /* offset of each value and of its key, in document order */
    size_t n, cap;
    /* node -> document-order index, built on the first lookup (open addressing) */
    const cJSON **hkeys;
    size_t *hvals, hcap;
    /* line cursor for wherestr: offsets asked for mostly increase */
    size_t cur_off, cur_line, cur_start;
} jfile;

static size_t skipws(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    return i;
}

static size_t skipstr(const char *s, size_t len, size_t i)
{
    for (i++; i < len && s[i] != '"'; i++)
        if (s[i] == '\\') i++;
    return i + 1;
}

/* Record the offsets of the value at i and everything inside it; return its end. */
static size_t scan(jfile *jf, size_t i, size_t key)
{
    const char *s = jf->text;
    size_t len = jf->len;
    if (jf->n == jf->cap) {
        size_t cap = jf->cap ? jf->cap * 2 : 256;
        size_t *v = realloc(jf->voff, cap * sizeof *v);
        if (v) jf->voff = v;
        size_t *k = realloc(jf->koff, cap * sizeof *k);
        if (k) jf->koff = k;
        if (!v || !k) return len;
        jf->cap = cap;
    }
    jf->voff[jf->n] = i;
    jf->koff[jf->n++] = key;
    if (i >= len) return len;
    if (s[i] == '"') return skipstr(s, len, i);
    if (s[i] != '{' && s[i] != '[') {
        while (i < len && !strchr(",]} \t\r\n", s[i])) i++;
        return i;
    }
    char close = s[i] == '{' ? '}' : ']';
    i = skipws(s, len, i + 1);
    if (i < len && s[i] == close) return i + 1;
    while (i < len) {
        size_t k = i;
        if (close == '}') {
            i = skipws(s, len, skipstr(s, len, i));
            i = skipws(s, len, i + 1); /* ':' */
        }
        i = skipws(s, len, scan(jf, i, k));
        if (i < len && s[i] == ',')
            i = skipws(s, len, i + 1);
        else
            return i + 1;
    }
    return len;
}

static size_t hslot(const jfile *jf, const cJSON *node)
{
    uintptr_t h = (uintptr_t)node;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7) & (jf->hcap - 1);
}

/* Number every node in document order (the order the scanner saw values). */
static void number(jfile *jf, const cJSON *node, size_t *k)
{
    size_t i = hslot(jf, node);
    while (jf->hkeys[i]) i = (i + 1) & (jf->hcap - 1);
    jf->hkeys[i] = node;
    jf->hvals[i] = (*k)++;
    for (const cJSON *c = node->child; c; c = c->next) number(jf, c, k);
}

/*
** Offset of a node's value (key = 0) or of its key (key = 1) in the text.
** The first call numbers the whole tree into a hash table, so each lookup
** is O(1) and a manifest of any size is checked in linear time.
*/
static size_t jpos(jfile *jf, const cJSON *node, int key)
{
    if (!node) return 0;
    if (!jf->hkeys) {
        size_t cap = 64;
        while (cap < jf->n * 2 + 2) cap *= 2;
        jf->hkeys = calloc(cap, sizeof *jf->hkeys);
        jf->hvals = calloc(cap, sizeof *jf->hvals);
        if (!jf->hkeys || !jf->hvals) {
            free(jf->hkeys);
            free(jf->hvals);
            jf->hkeys = NULL;
            jf->hvals = NULL;
            return 0;
        }
        jf->hcap = cap;
        size_t k = 0;
        number(jf, jf->root, &k);
    }
    for (size_t i = hslot(jf, node); jf->hkeys[i]; i = (i + 1) & (jf->hcap - 1))
        if (jf->hkeys[i] == node) {
            size_t k = jf->hvals[i];
            return k >= jf->n ? 0 : key ? jf->koff[k] : jf->voff[k];
        }
    return 0;
}

/*
** Parse the JSON value in text[start..len); on a syntax error print file:line:col and what was
** expected, and return -1. Trailing non-space text is an error too.
*/
static int jparse(loader *L, jfile *jf, const char *path, const char *text, size_t start,
                  size_t len)
{
    memset(jf, 0, sizeof *jf);
    jf->path = path;
    jf->text = text;
    jf->len = len;
    if (text == L->hint_text && start >= L->hint_off) { /* a line of a larger file */
        jf->cur_off = jf->cur_start = L->hint_off;
        jf->cur_line = L->hint_line;
    }
    if (len - start >= 3 && !memcmp(text + start, "\xEF\xBB\xBF", 3)) start += 3; /* BOM */
    size_t bad;
    if (!sift_utf8_check(text + start, len - start, &bad)) {
        bad += start;
        errat(L, path, text, len, bad, "invalid UTF-8 (byte 0x%02X)", (unsigned char)text[bad]);
        return -1;
    }
    const char *end = NULL;
    jf->root = cJSON_ParseWithLengthOpts(text + start, len - start, &end, 0);
    size_t off = end ? (size_t)(end - text) : len;
    if (!jf->root) {
        const char *what = off >= len ? "unexpected end of input" : "invalid JSON";
        errat(L, path, text, len, off, "%s (expected a value, ',' , ':' or a closing bracket)",
              what);
        return -1;
    }
    off = skipws(text, len, off);
    if (off < len) {
        errat(L, path, text, len, off, "unexpected text after the JSON value");
        cJSON_Delete(jf->root);
        jf->root = NULL;
        return -1;
    }
    scan(jf, skipws(text, len, start), skipws(text, len, start));
    return 0;
}

static void jfree(jfile *jf)
{
    cJSON_Delete(jf->root);
    free(jf->voff);
    free(jf->koff);
    free(jf->hkeys);
    free(jf->hvals);
    memset(jf, 0, sizeof *jf);
}

#define JERR(L, jf, node, ...)                                                                     \
    errat(L, (jf)->path, (jf)->text, (jf)->len, jpos(jf, node, 0), __VA_ARGS__)

static const char *jtype(const cJSON *v)
{
    if (cJSON_IsString(v)) return "a string";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return "a boolean";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "an array";
    return "an object";
}

/* Warn about every key of obj not in the NULL-terminated list `known`. */
static void checkkeys(loader *L, jfile *jf, const cJSON *obj, const char *what,
                      const char *const *known)
{
    for (const cJSON *c = obj->child; c; c = c->next) {
        int ok = 0;
        for (const char *const *k = known; *k && !ok; k++) ok = !strcmp(c->string, *k);
        if (ok) continue;
        char list[512] = "";
        for (const char *const *k = known; *k; k++) {
            strncat(list, *k, sizeof list - strlen(list) - 1);
            if (k[1]) strncat(list, ", ", sizeof list - strlen(list) - 1);
        }
        warnat(L, jf->path, jf->text, jf->len, jpos(jf, c, 1),
               "unknown key '%s' in %s (expected one of: %s)", c->string, what, list);
    }
}

/*
** A string member: returns a malloc'd copy, NULL when absent (or null). A
** member of the wrong type is an error (*bad set).
*/
static char *jstr(loader *L, jfile *jf, const cJSON *obj, const char *key, int *bad)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v)) return NULL;
    if (!cJSON_IsString(v)) {
        JERR(L, jf, v, "'%s' must be a string (got %s)", key, jtype(v));
        *bad = 1;
        return NULL;
    }
    return strdup(v->valuestring);
}

/* A list of strings: "aliases": ["a", "b"]. */
static int jstrs(loader *L, jfile *jf, const cJSON *obj, const char *key, char ***out, size_t *n)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v)) return 0;
    if (!cJSON_IsArray(v)) {
        JERR(L, jf, v, "'%s' must be an array of strings (got %s)", key, jtype(v));
        return -1;
    }
    for (const cJSON *c = v->child; c; c = c->next) {
        if (!cJSON_IsString(c)) {
            JERR(L, jf, c, "'%s' must hold strings only (got %s)", key, jtype(c));
            return -1;
        }
        int dup = 0;
        for (size_t i = 0; i < *n && !dup; i++) dup = !strcmp((*out)[i], c->valuestring);
        if (dup) continue;
        char **nv = realloc(*out, (*n + 1) * sizeof *nv);
        if (!nv) return -1;
        *out = nv;
        (*out)[(*n)++] = strdup(c->valuestring);
    }
    return 0;
}

/* YYYY-MM-DD naming a real day. */
static int isdate(const char *s)
{
    int y, m, d;
    char tail;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return 0;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    return 1;
}

/* ------------------------------------------------------- sides, entities */

static const char *const SIDE_KEYS[] = {"label", "aliases", "party", "description", NULL};
static const char *const DECL_KEYS[] = {"name", "kind",        "side", "aliases",
                                        "in",   "description", "url",  NULL};
static const char *const KINDS[] = {"person", "org", "place", "group", "other", NULL};

static sift_side *getside(sift_store *st, const char *id)
{
    for (size_t i = 0; i < st->nsides; i++)
        if (!strcmp(st->sides[i].id, id)) return &st->sides[i];
    return NULL;
}

/* Merge "sides": a later definition of the same id adds aliases and overrides the rest. */
static void loadsides(loader *L, jfile *jf, const cJSON *sides)
{
    if (!cJSON_IsObject(sides)) {
        JERR(L, jf, sides, "'sides' must be an object of side ids (got %s)", jtype(sides));
        return;
    }
    for (const cJSON *s = sides->child; s; s = s->next) {
        if (!cJSON_IsObject(s)) {
            JERR(L, jf, s, "side '%s' must be an object (got %s)", s->string, jtype(s));
            continue;
        }
        checkkeys(L, jf, s, "a side", SIDE_KEYS);
        sift_side *sd = getside(L->st, s->string);
        if (!sd) {
            sift_side *n = realloc(L->st->sides, (L->st->nsides + 1) * sizeof *n);
            if (!n) return;
            L->st->sides = n;
            sd = &n[L->st->nsides++];
            memset(sd, 0, sizeof *sd);
            sd->id = strdup(s->string);
        }
        int bad = 0;
        char *label = jstr(L, jf, s, "label", &bad);
        if (label) {
            free(sd->label);
            sd->label = label;
        }
        if (!sd->label) sd->label = strdup(sd->id);
        const cJSON *party = cJSON_GetObjectItemCaseSensitive(s, "party");
        if (party && !cJSON_IsBool(party))
            JERR(L, jf, party, "'party' must be true or false (got %s)", jtype(party));
        else if (party)
            sd->party = cJSON_IsTrue(party);
        jstrs(L, jf, s, "aliases", &sd->aliases, &sd->naliases);
    }
}

static void loaddecls(loader *L, jfile *jf, const cJSON *ents)
{
    if (!cJSON_IsArray(ents)) {
        JERR(L, jf, ents, "'entities' must be an array (got %s)", jtype(ents));
        return;
    }
    for (const cJSON *e = ents->child; e; e = e->next) {
        if (!cJSON_IsObject(e)) {
            JERR(L, jf, e, "an entity must be an object (got %s)", jtype(e));
            continue;
        }
        checkkeys(L, jf, e, "an entity", DECL_KEYS);
        int bad = 0;
        char *name = jstr(L, jf, e, "name", &bad);
        char *kind = jstr(L, jf, e, "kind", &bad);
        char *side = jstr(L, jf, e, "side", &bad);
        char *in = jstr(L, jf, e, "in", &bad);
        if (!name && !bad) {
            JERR(L, jf, e, "an entity needs a 'name'");
            bad = 1;
        }
        if (kind) {
            int ok = 0;
            for (const char *const *k = KINDS; *k; k++) ok |= !strcmp(kind, *k);
            if (!ok) {
                JERR(L, jf, cJSON_GetObjectItemCaseSensitive(e, "kind"),
                     "unknown entity kind '%s' (expected one of: person, org, place, group, "
                     "other)",
                     kind);
                bad = 1;
            }
        }
        if (side && !getside(L->st, side)) {
            JERR(L, jf, cJSON_GetObjectItemCaseSensitive(e, "side"),
                 "entity '%s' names side '%s', which no 'sides' entry declares", name ? name : "?",
                 side);
            bad = 1;
        }
        if (bad) {
            free(name);
            free(kind);
            free(side);
            free(in);
            continue;
        }
        sift_decl *d = NULL;
        for (size_t i = 0; i < L->st->ndecls && !d; i++)
            if (!strcmp(L->st->decls[i].name, name)) d = &L->st->decls[i];
        if (d) {
            free(name);
            if (kind) free(d->kind), d->kind = kind;
            if (side) free(d->side), d->side = side;
            if (in) free(d->in), d->in = in;
        } else {
            sift_decl *n = realloc(L->st->decls, (L->st->ndecls + 1) * sizeof *n);
            if (!n) return;
            L->st->decls = n;
            d = &n[L->st->ndecls++];
            *d = (sift_decl){
                .name = name, .kind = kind ? kind : strdup("other"), .side = side, .in = in};
        }
        jstrs(L, jf, e, "aliases", &d->aliases, &d->naliases);
    }
}

/* ------------------------------------------------------------- documents */

static const char *const DOC_FIELDS[] = {"id",    "path",     "source", "published", "kind",
                                         "title", "language", "url",    "text",      NULL};
static const char *const DOC_KEYS[] = {"id",     "path",     "source", "published",   "kind",
                                       "title",  "language", "url",    "text",        "based_on",
                                       "author", "dateline", "notes",  "description", NULL};

/*
** "file:line:col" of a node, for messages about a document later on. The
** cursor moves forward from the last position asked for (or from the start
** of the line jparse was given, in a file read line by line), so naming every
** document of a large manifest or JSON Lines file stays linear.
*/
static char *wherestr(jfile *jf, const cJSON *node)
{
    size_t off = jpos(jf, node, 0);
    if (off < jf->cur_off || jf->cur_line == 0) {
        jf->cur_off = jf->cur_start = 0;
        jf->cur_line = 1;
    }
    for (const char *p = jf->text + jf->cur_off;
         (p = memchr(p, '\n', off - (size_t)(p - jf->text))); p++) {
        jf->cur_line++;
        jf->cur_start = (size_t)(p - jf->text) + 1;
    }
    jf->cur_off = off;
    size_t col = sift_utf8_count(jf->text, jf->cur_start, off) + 1;
    char *w = malloc(strlen(jf->path) + 48);
    if (w) sprintf(w, "%s:%zu:%zu", jf->path, jf->cur_line, col);
    return w;
}

/* Metadata other than the core fields, kept as a JSON object for Lua (doc.meta). */
static char *extrameta(const cJSON *rec)
{
    cJSON *m = NULL;
    for (const cJSON *c = rec->child; c; c = c->next) {
        int core = 0;
        for (const char *const *k = DOC_FIELDS; *k && !core; k++) core = !strcmp(c->string, *k);
        if (core) continue;
        if (!m) m = cJSON_CreateObject();
        cJSON_AddItemToObject(m, c->string, cJSON_Duplicate(c, 1));
    }
    char *s = m ? cJSON_PrintUnformatted(m) : NULL;
    cJSON_Delete(m);
    return s;
}

/*
** One document from a JSON object: a manifest entry (path relative to dir,
** or inline "text") or a record with "text". defid is the id to use when
** the object has none (NULL: "id" is required).
*/
static void adddoc(loader *L, jfile *jf, const cJSON *rec, const char *dir, const char *defid,
                   int manifest)
{
    if (!cJSON_IsObject(rec)) {
        JERR(L, jf, rec, "a document must be an object (got %s)", jtype(rec));
        return;
    }
    if (manifest) checkkeys(L, jf, rec, "a document", DOC_KEYS);
    int bad = 0;
    char *f[8];
    for (int i = 0; i < 8; i++) f[i] = jstr(L, jf, rec, DOC_FIELDS[i], &bad);
    char *text = jstr(L, jf, rec, "text", &bad);
    if (f[3] && !isdate(f[3])) {
        JERR(L, jf, cJSON_GetObjectItemCaseSensitive(rec, "published"),
             "'published' must be a date YYYY-MM-DD (got \"%s\")", f[3]);
        bad = 1;
    }
    if (!f[0] && defid) f[0] = strdup(defid);
    if (!f[0] && !bad) {
        JERR(L, jf, rec, "a document needs an 'id'");
        bad = 1;
    }
    if (!text && !f[1] && !bad) {
        JERR(L, jf, rec,
             manifest ? "document '%s' needs a 'path' or a 'text'"
                      : "record '%s' has no 'text' string",
             f[0]);
        bad = 1;
    }
    sift_doc *d = bad ? NULL : sift_store_add_doc(L->st);
    if (!d) {
        for (int i = 0; i < 8; i++) free(f[i]);
        free(text);
        return;
    }
    d->id = f[0];
    d->source = f[2];
    d->published = f[3];
    d->kind = f[4];
    d->title = f[5];
    d->language = f[6];
    d->url = f[7];
    d->where = wherestr(jf, rec);
    d->meta = extrameta(rec);
    if (text) {
        d->bytes = text;
        d->len = strlen(text);
        d->inline_text = 1;
        d->path = f[1] ? joinpath(dir, f[1]) : strdup(jf->path);
        d->fmt = f[1] ? sift_fmt_from_path(f[1]) : SIFT_FMT_TEXT;
        if (f[1] && filekind(f[1], &d->fmt) != K_DOC) d->fmt = SIFT_FMT_TEXT;
    } else {
        d->path = joinpath(dir, f[1]);
        sift_fmt fmt;
        filekind(f[1], &fmt);
        d->fmt = fmt;
    }
    free(f[1]);
}

static void loadfile(loader *L, const char *path, const char *rel, int named);
static void loaddir(loader *L, const char *path);

/*
** "extractors": ["path.lua", ...] -- files of user extractors, relative to
** the manifest; each keeps where it was named ("corpus.json:4:17") for the
** messages of extract.c, which loads them (sift_extract_check).
*/
static void loadxfiles(loader *L, jfile *jf, const cJSON *v, const char *dir)
{
    if (!cJSON_IsArray(v)) {
        JERR(L, jf, v, "'extractors' must be an array of Lua file paths (got %s)", jtype(v));
        return;
    }
    for (const cJSON *c = v->child; c; c = c->next) {
        if (!cJSON_IsString(c) || !*c->valuestring) {
            JERR(L, jf, c, "'extractors' must hold paths of Lua files (got %s)", jtype(c));
            continue;
        }
        char *p = joinpath(dir, c->valuestring);
        if (!p) continue;
        if (access(p, R_OK) != 0) {
            JERR(L, jf, c, "cannot read extractor '%s': %s", p, strerror(errno));
            free(p);
            continue;
        }
        size_t line, col;
        sift_text_linecol(jf->text, jf->len, jpos(jf, c, 0), &line, &col);
        char where[4096];
        snprintf(where, sizeof where, "%s:%zu:%zu", jf->path, line, col);
        sift_xfile *x = realloc(L->st->xfiles, (L->st->nxfiles + 1) * sizeof *x);
        if (!x) {
            free(p);
            return;
        }
        L->st->xfiles = x;
        x[L->st->nxfiles++] = (sift_xfile){p, strdup(where), 0};
    }
}

/*
** A manifest: sides and entities always; documents only when want_docs
** (not for include and --config). depth bounds include chains.
*/
static void loadmanifest(loader *L, const char *path, int want_docs, int depth)
{
    if (depth > SIFT_MAX_INCLUDE_DEPTH) {
        errat(L, path, NULL, 0, 0, "includes nested more than %d deep (an include cycle?)",
              SIFT_MAX_INCLUDE_DEPTH);
        return;
    }
    size_t len;
    const char *why = NULL;
    char *text = readall(path, SIFT_MAX_JSON_BYTES, &len, &why);
    if (!text) {
        errat(L, path, NULL, 0, 0, "cannot read manifest: %s", why);
        return;
    }
    char *dir = dirof(path);
    jfile jf;
    if (jparse(L, &jf, path, text, 0, len) == 0) {
        if (!cJSON_IsObject(jf.root)) {
            JERR(L, &jf, jf.root, "a manifest must be a JSON object (got %s)", jtype(jf.root));
        } else {
            static const char *const TOP[] = {"name",     "description", "include",    "sides",
                                              "entities", "documents",   "extractors", "fictional",
                                              "license",  "notes",       NULL};
            checkkeys(L, &jf, jf.root, "the manifest", TOP);
            const cJSON *inc = cJSON_GetObjectItemCaseSensitive(jf.root, "include");
            if (inc && !cJSON_IsArray(inc))
                JERR(L, &jf, inc, "'include' must be an array of paths (got %s)", jtype(inc));
            else if (inc)
                for (const cJSON *c = inc->child; c; c = c->next) {
                    if (!cJSON_IsString(c)) {
                        JERR(L, &jf, c, "'include' must hold paths (got %s)", jtype(c));
                        continue;
                    }
                    char *p = joinpath(dir, c->valuestring);
                    if (access(p, R_OK) != 0)
                        JERR(L, &jf, c, "cannot read included manifest '%s': %s", p,
                             strerror(errno));
                    else
                        loadmanifest(L, p, 0, depth + 1);
                    free(p);
                }
            const cJSON *v;
            if ((v = cJSON_GetObjectItemCaseSensitive(jf.root, "sides"))) loadsides(L, &jf, v);
            if ((v = cJSON_GetObjectItemCaseSensitive(jf.root, "entities"))) loaddecls(L, &jf, v);
            int bad = 0;
            char *name = jstr(L, &jf, jf.root, "name", &bad);
            if (want_docs && name && !L->st->name)
                L->st->name = name;
            else
                free(name);
            v = cJSON_GetObjectItemCaseSensitive(jf.root, "documents");
            if (want_docs && v && !cJSON_IsArray(v))
                JERR(L, &jf, v, "'documents' must be an array (got %s)", jtype(v));
            else if (want_docs && v)
                for (const cJSON *c = v->child; c; c = c->next) adddoc(L, &jf, c, dir, NULL, 1);
            else if (want_docs && depth == 0)
                warnat(L, path, NULL, 0, 0, "the manifest lists no 'documents'");
            v = cJSON_GetObjectItemCaseSensitive(jf.root, "extractors");
            if (want_docs && v) loadxfiles(L, &jf, v, dir);
        }
    }
    jfree(&jf);
    free(dir);
    free(text);
}

static double jnum(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static void jcopy(const cJSON *o, const char *k, char *buf, size_t n)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    snprintf(buf, n, "%s", cJSON_IsString(v) ? v->valuestring : "");
}

/* A string member as the id of the store's shared copy ("" when absent or out of memory). */
static uint32_t jintern(sift_store *st, const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    uint32_t r = cJSON_IsString(v)
                     ? sift_store_intern_id(st, v->valuestring, strlen(v->valuestring))
                     : SIFT_STR_EMPTY;
    return r != SIFT_STR_NONE ? r : SIFT_STR_EMPTY;
}

static int32_t jday(const cJSON *o, const char *k)
{
    char b[16];
    int y, m, d;
    jcopy(o, k, b, sizeof b);
    return sscanf(b, "%4d-%2d-%2d", &y, &m, &d) == 3 ? sift_days(y, m, d) : SIFT_NO_DAY;
}

/* Grow an array of records by one zeroed slot; NULL when memory runs out. */
static void *grow(void **v, size_t *n, size_t size)
{
    if ((*n & (*n - 1)) == 0) { /* capacity doubles at powers of two */
        void *nv = realloc(*v, (*n ? *n * 2 : 8) * size);
        if (!nv) return NULL;
        *v = nv;
    }
    void *slot = (char *)*v + *n * size;
    memset(slot, 0, size);
    (*n)++;
    return slot;
}

static char *jdup(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? strdup(v->valuestring) : NULL;
}

/* Index of the quantity (time) of d that starts and ends where `o` says, or -1. */
static int32_t findquantity(const sift_doc *d, const cJSON *o)
{
    double a = jnum(o, "start"), b = jnum(o, "end");
    for (size_t i = 0; i < d->nquantities; i++)
        if (d->quantities[i].start == a && d->quantities[i].end == b) return (int32_t)i;
    return -1;
}

static int32_t findtime(const sift_doc *d, const cJSON *o)
{
    double a = jnum(o, "start"), b = jnum(o, "end");
    for (size_t i = 0; i < d->ntimes; i++)
        if (d->times[i].start == a && d->times[i].end == b) return (int32_t)i;
    return -1;
}

/*
** The documents one extract file introduced, by id: an open-addressing table,
** at most half full, of the first and the last document with each id (ids
** should be unique, but duplicates are only reported after loading).
*/
typedef struct {
    struct dxslot {
        size_t first, last; /* indexes in the store; first == SIZE_MAX: free */
    } * slot;
    size_t cap, n;
} docindex;

static size_t idhash(const char *s)
{
    size_t h = 14695981039346656037u; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The slot of id (a free one when the table does not hold it). */
static struct dxslot *dxslot(const docindex *x, const sift_store *st, const char *id)
{
    size_t i = idhash(id) & (x->cap - 1);
    while (x->slot[i].first != SIZE_MAX && strcmp(st->docs[x->slot[i].first].id, id) != 0)
        i = (i + 1) & (x->cap - 1);
    return &x->slot[i];
}

/* Add document i of st (which has an id); -1 when out of memory. */
static int dxadd(docindex *x, const sift_store *st, size_t i)
{
    if ((x->n + 1) * 2 > x->cap) {
        docindex g = {malloc((x->cap ? x->cap * 2 : 256) * sizeof *g.slot),
                      x->cap ? x->cap * 2 : 256, x->n};
        if (!g.slot) return -1;
        for (size_t k = 0; k < g.cap; k++) g.slot[k].first = SIZE_MAX;
        for (size_t k = 0; k < x->cap; k++)
            if (x->slot[k].first != SIZE_MAX)
                *dxslot(&g, st, st->docs[x->slot[k].first].id) = x->slot[k];
        free(x->slot);
        *x = g;
    }
    struct dxslot *e = dxslot(x, st, st->docs[i].id);
    if (e->first == SIZE_MAX) {
        e->first = i;
        x->n++;
    }
    e->last = i;
    return 0;
}

/* The first (last) document with the id that docid holds, or NULL. */
static sift_doc *dxfind(const docindex *x, sift_store *st, const cJSON *docid, int last)
{
    if (!x->n || !cJSON_IsString(docid)) return NULL;
    const struct dxslot *e = dxslot(x, st, docid->valuestring);
    return e->first == SIZE_MAX ? NULL : &st->docs[last ? e->last : e->first];
}

static void dxfree(docindex *x)
{
    free(x->slot);
    memset(x, 0, sizeof *x);
}

/* A claim record of `sift extract` output, for the last document of this file with its id. */
static void loadclaim(loader *L, jfile *jf, const cJSON *r, const docindex *dx)
{
    const cJSON *docid = cJSON_GetObjectItemCaseSensitive(r, "doc");
    sift_doc *d = dxfind(dx, L->st, docid, 1);
    double a = jnum(r, "start"), b = jnum(r, "end");
    if (!d || isnan(a) || isnan(b) || b < a) {
        JERR(L, jf, r, "a claim record needs a document this file introduced, 'start' and 'end'");
        return;
    }
    sift_claim *c = grow((void **)&d->claims, &d->nclaims, sizeof *c);
    if (!c) return;
    char k[16];
    c->start = (uint32_t)a;
    c->end = (uint32_t)b;
    jcopy(r, "kind", c->kind, sizeof c->kind);
    jcopy(r, "category", c->category, sizeof c->category);
    const cJSON *q = cJSON_GetObjectItemCaseSensitive(r, "quantity");
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(r, "time");
    c->quantity = cJSON_IsObject(q) ? findquantity(d, q) : -1;
    c->time = cJSON_IsObject(t) ? findtime(d, t) : -1;
    c->value = jnum(r, "value");
    c->min = jnum(r, "min");
    c->max = jnum(r, "max");
    c->vague = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "vague"));
    c->hedged = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "hedged"));
    jcopy(r, "polarity", k, sizeof k);
    c->deny = !strcmp(k, "deny");
    c->subject = jdup(r, "subject");
    c->claimant = jdup(r, "claimant");
    c->place = jdup(r, "place");
    c->extent = jdup(r, "extent");
    jcopy(r, "subject_side", c->subject_side, sizeof c->subject_side);
    jcopy(r, "claimant_side", c->claimant_side, sizeof c->claimant_side);
    jcopy(r, "holder_side", c->holder_side, sizeof c->holder_side);
    jcopy(r, "cue", c->cue, sizeof c->cue);
    jcopy(r, "action", c->action, sizeof c->action);
    double cs = jnum(r, "claimant_start"), ce = jnum(r, "claimant_end");
    double ps = jnum(r, "place_start"), pe = jnum(r, "place_end");
    if (!isnan(cs) && !isnan(ce)) c->claimant_start = (uint32_t)cs, c->claimant_end = (uint32_t)ce;
    if (!isnan(ps) && !isnan(pe)) c->place_start = (uint32_t)ps, c->place_end = (uint32_t)pe;
    c->claimant_entity = c->place_entity = -1;
}

/* What reading `sift extract` output keeps from line to line. */
typedef struct {
    docindex dx;
    long cur; /* the store index of the last document record, or -1 */
    int warned;
} xstate;

/*
** `sift extract` output (schema sift-extract/1): documents with their
** records, loaded without extracting again ("extract once, check many").
** A document's text comes from its record ("text") or from its path, and
** must still have the size the extraction saw (checked after reading).
** Each line comes here on its own, text[s..end) holding its record.
*/
/* Whether quantity record r (at a..b) is the bracketed reading of the
** document's last quantity ("90 miles (144 km)"), which sift extract writes
** as a record of its own after the quantity that carries it as alt. */
static int isconversion(const sift_doc *d, const cJSON *r, double a, double b)
{
    const sift_quantity *p = d->nquantities ? &d->quantities[d->nquantities - 1] : NULL;
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "conversion")) && p && !isnan(p->alt) &&
           p->alt_start == (uint32_t)a && p->alt_end == (uint32_t)b;
}

static void extractline(loader *L, xstate *xs, const char *shown, const char *text, size_t s,
                        size_t end)
{
    static const char *const ANCHORS[] = {"none", "published", "dateline", "text"};
    jfile jf;
    if (jparse(L, &jf, shown, text, s, end) != 0) {
        jfree(&jf);
        return;
    }
    const cJSON *r = jf.root, *t = cJSON_GetObjectItemCaseSensitive(r, "type");
    const char *type = cJSON_IsString(t) ? t->valuestring : "";
    const cJSON *docid = cJSON_GetObjectItemCaseSensitive(r, "doc");
    if (!strcmp(type, "meta")) {
        const cJSON *sc = cJSON_GetObjectItemCaseSensitive(r, "schema");
        const cJSON *nm = cJSON_GetObjectItemCaseSensitive(r, "corpus");
        if (!cJSON_IsString(sc) || strcmp(sc->valuestring, "sift-extract/1") != 0)
            JERR(L, &jf, r, "unsupported extract schema (this version reads sift-extract/1)");
        else if (cJSON_IsString(nm) && !L->st->name)
            L->st->name = strdup(nm->valuestring);
    } else if (!strcmp(type, "document")) {
        int bad = 0;
        char *id = jstr(L, &jf, r, "id", &bad), *path = jstr(L, &jf, r, "path", &bad);
        char *body = jstr(L, &jf, r, "text", &bad);
        double bytes = jnum(r, "bytes");
        sift_doc *d = !bad && id && (path || body) ? sift_store_add_doc(L->st) : NULL;
        if (!d) {
            if (!bad) JERR(L, &jf, r, "a document record needs an 'id' and a 'path' or 'text'");
            free(id);
            free(path);
            free(body);
        } else {
            d->id = id;
            d->path = path ? path : strdup(shown);
            static const char *const META[] = {"source", "published", "kind", "title", "language"};
            char **dst[] = {&d->source, &d->published, &d->kind, &d->title, &d->language};
            for (int k = 0; k < 5; k++) *dst[k] = jstr(L, &jf, r, META[k], &bad);
            d->where = wherestr(&jf, r);
            if (body) {
                d->bytes = body;
                d->len = strlen(body);
                d->inline_text = 1;
            } else {
                filekind(path, &d->fmt);
            }
            d->has_records = 1;
            d->expect_len = isnan(bytes) ? (size_t)-1 : (size_t)bytes;
            xs->cur = (long)L->st->ndocs - 1;
            if (dxadd(&xs->dx, L->st, (size_t)xs->cur) != 0)
                errat(L, shown, NULL, 0, 0, "out of memory");
        }
    } else if (!strcmp(type, "claim")) {
        loadclaim(L, &jf, r, &xs->dx);
    } else if (!strcmp(type, "quantity") || !strcmp(type, "time") || !strcmp(type, "mention")) {
        sift_doc *d = NULL;
        if (xs->cur >= 0 && cJSON_IsString(docid) &&
            !strcmp(L->st->docs[xs->cur].id, docid->valuestring))
            d = &L->st->docs[xs->cur];
        if (!d) d = dxfind(&xs->dx, L->st, docid, 0);
        double a = jnum(r, "start"), b = jnum(r, "end");
        if (!d) {
            JERR(L, &jf, r, "a %s record for a document this file has not introduced", type);
        } else if (isnan(a) || isnan(b) || a < 0 || b < a) {
            JERR(L, &jf, r, "a %s record needs 'start' and 'end' offsets", type);
        } else if (type[0] == 'm') {
            /* kind, side and cue are kept: loading parts resolves entities again */
            sift_mention *m = grow((void **)&d->mentions, &d->nmentions, sizeof *m);
            if (m) {
                m->start = (uint32_t)a;
                m->end = (uint32_t)b;
                m->entity = -1;
                m->kind = jintern(L->st, r, "kind");
                m->side = jintern(L->st, r, "side");
                m->cue = jintern(L->st, r, "cue");
                m->role = jintern(L->st, r, "role");
                m->title = jintern(L->st, r, "title");
                const cJSON *dc = cJSON_GetObjectItemCaseSensitive(r, "decl");
                if (cJSON_IsString(dc)) m->decl = jintern(L->st, r, "decl");
            }
        } else if (type[0] == 'q' && isconversion(d, r, a, b)) {
            /* loaded with the quantity before it, as its alt */
        } else if (type[0] == 'q') {
            sift_quantity *q = grow((void **)&d->quantities, &d->nquantities, sizeof *q);
            if (q) {
                q->start = (uint32_t)a;
                q->end = (uint32_t)b;
                q->value = jnum(r, "value");
                q->min = jnum(r, "min");
                q->max = jnum(r, "max");
                q->coded = jnum(r, "coded");
                q->approx = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "approx"));
                q->vague = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "vague"));
                jcopy(r, "unit", q->unit, sizeof q->unit);
                q->base = q->alt = NAN;
                const cJSON *alt = cJSON_GetObjectItemCaseSensitive(r, "alt");
                if (cJSON_IsObject(alt)) {
                    q->alt = jnum(alt, "value");
                    jcopy(alt, "unit", q->alt_unit, sizeof q->alt_unit);
                    q->alt_start = (uint32_t)jnum(alt, "start");
                    q->alt_end = (uint32_t)jnum(alt, "end");
                }
            }
        } else {
            sift_time *x = grow((void **)&d->times, &d->ntimes, sizeof *x);
            if (x) {
                x->start = (uint32_t)a;
                x->end = (uint32_t)b;
                jcopy(r, "value", x->value, sizeof x->value);
                jcopy(r, "precision", x->precision, sizeof x->precision);
                jcopy(r, "mod", x->mod, sizeof x->mod);
                x->earliest = jday(r, "earliest");
                x->latest = jday(r, "latest");
                char k[16];
                jcopy(r, "kind", k, sizeof k);
                x->kind = !strcmp(k, "duration") ? SIFT_TIME_DURATION : SIFT_TIME_DATE;
                jcopy(r, "anchor", k, sizeof k);
                for (uint8_t an = 0; an < 4; an++)
                    if (!strcmp(k, ANCHORS[an])) x->anchor = an;
                x->relative = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "relative"));
            }
        }
    } else if (!strcmp(type, "side")) {
        /* as a manifest's "sides": {"<id>": {...}} */
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(r, "id");
        if (!cJSON_IsString(id)) {
            JERR(L, &jf, r, "a side record needs an 'id'");
        } else {
            cJSON *wrap = cJSON_CreateObject(), *copy = cJSON_Duplicate(r, 1);
            cJSON_DeleteItemFromObjectCaseSensitive(copy, "type");
            cJSON_DeleteItemFromObjectCaseSensitive(copy, "id");
            cJSON_AddItemToObject(wrap, id->valuestring, copy);
            jfile tmp = jf;
            loadsides(L, &tmp, wrap);
            cJSON_Delete(wrap);
        }
    } else if (!strcmp(type, "declared")) {
        cJSON *arr = cJSON_CreateArray(), *copy = cJSON_Duplicate(r, 1);
        cJSON_DeleteItemFromObjectCaseSensitive(copy, "type");
        cJSON_AddItemToArray(arr, copy);
        jfile tmp = jf;
        loaddecls(L, &tmp, arr);
        cJSON_Delete(arr);
    } else if (!strcmp(type, "entity")) {
        /* entity ids are local to a part: entities are resolved again from the mentions */
    } else if (!xs->warned) {
        warnat(L, shown, text, end, s, "records of type '%s' are not loaded by this version", type);
        xs->warned = 1;
    }
    jfree(&jf);
}

/*
** JSON Lines: a document per line, or `sift extract` output when the first
** line says so. Read a line at a time, so memory holds the longest line of
** the file rather than all of it; positions in messages are counted from the
** start of their line (the loader's line hint).
*/
static void loadlines(loader *L, const char *path, const char *shown, const char *base)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    const char *why = NULL;
    struct stat sb;
    if (!f)
        why = strerror(errno);
    else if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode))
        why = "is a directory";
    if (why) {
        if (f && f != stdin) fclose(f);
        errat(L, shown, NULL, 0, 0, "cannot read: %s", why);
        return;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    int extract = 0;
    xstate x = {.cur = -1};
    ssize_t got;
    while ((got = getline(&line, &cap, f)) > 0) {
        size_t end = (size_t)got - (line[got - 1] == '\n');
        lineno++;
        if (end > SIFT_MAX_DOC_BYTES) {
            why = "a line longer than the largest document";
            break;
        }
        L->hint_text = line;
        L->hint_off = 0;
        L->hint_line = lineno;
        size_t s = skipws(line, end, 0);
        if (s >= end) continue;
        if (lineno == 1 && memmem(line + s, end - s, "\"sift-extract/", 14)) extract = 1;
        if (extract) {
            extractline(L, &x, shown, line, s, end);
            continue;
        }
        jfile jf;
        if (jparse(L, &jf, shown, line, s, end) == 0) {
            char id[64 + PATH_MAX];
            snprintf(id, sizeof id, "%s#%zu", base, lineno);
            adddoc(L, &jf, jf.root, NULL, id, 0);
        }
        jfree(&jf);
    }
    if (!why && !feof(f)) why = ferror(f) ? strerror(errno ? errno : EIO) : "out of memory";
    if (why) errat(L, shown, NULL, 0, 0, "cannot read: %s", why);
    L->hint_text = NULL;
    dxfree(&x.dx);
    free(line);
    if (f != stdin) fclose(f);
}

/* JSON records: one object (or an array of objects) per .json file, one per line in .jsonl. */
static void loadrecords(loader *L, const char *path, const char *rel, int lines)
{
    size_t len;
    const char *why = NULL;
    const char *shown = strcmp(path, "-") ? path : "<stdin>";
    char *base = strcmp(path, "-") ? idof(rel) : strdup("stdin");
    if (lines) {
        loadlines(L, path, shown, base);
        free(base);
        return;
    }
    char *text = readall(path, SIFT_MAX_JSON_BYTES, &len, &why);
    if (!text) {
        free(base);
        errat(L, shown, NULL, 0, 0, "cannot read: %s", why);
        return;
    }
    jfile jf;
    if (jparse(L, &jf, shown, text, 0, len) == 0) {
        if (cJSON_IsObject(jf.root) && cJSON_GetObjectItemCaseSensitive(jf.root, "documents")) {
            jfree(&jf);
            free(text);
            free(base);
            loadmanifest(L, path, 1, 0);
            return;
        }
        if (cJSON_IsArray(jf.root)) {
            size_t k = 0;
            for (const cJSON *c = jf.root->child; c; c = c->next) {
                char id[64 + PATH_MAX];
                snprintf(id, sizeof id, "%s#%zu", base, ++k);
                adddoc(L, &jf, c, NULL, id, 0);
            }
        } else {
            adddoc(L, &jf, jf.root, NULL, base, 0);
        }
    }
    jfree(&jf);
    free(base);
    free(text);
}

/* A document file: read later, on a worker thread. */
static void loaddocfile(loader *L, const char *path, const char *rel, sift_fmt fmt)
{
    sift_doc *d = sift_store_add_doc(L->st);
    if (!d) return;
    d->id = idof(rel);
    d->path = strdup(path);
    d->fmt = fmt;
}

/*
** A path named on the command line (named = 1) or met in a folder walk.
** rel is the path relative to the corpus root, for ids.
*/
static void loadfile(loader *L, const char *path, const char *rel, int named)
{
    sift_fmt fmt;
    int k = filekind(path, &fmt);
    if (k == K_JSON)
        loadrecords(L, path, rel, 0);
    else if (k == K_JSONL)
        loadrecords(L, path, rel, 1);
    else if (k == K_DOC || named)
        loaddocfile(L, path, rel, fmt);
}

typedef struct {
    char **v;
    size_t n, cap;
} strlist;

static int push(strlist *l, char *s)
{
    if (!s) return -1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **nv = realloc(l->v, cap * sizeof *nv);
        if (!nv) {
            free(s);
            return -1;
        }
        l->v = nv;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    return 0;
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
    dev_t dev;
    ino_t ino;
} dirid;

/*
** Collect the readable files under root/rel (relative paths in *out), skipping
** dot files. A sub-folder with its own corpus.json is a corpus: its manifest
** path is collected instead of its files. Loops through links are errors.
*/
static void walk(loader *L, const char *root, const char *rel, dirid *stack, int depth,
                 strlist *out)
{
    char *path = rel ? joinpath(root, rel) : strdup(root);
    struct stat sb;
    if (!path || stat(path, &sb) != 0) {
        errat(L, path ? path : root, NULL, 0, 0, "cannot read: %s", strerror(errno));
        free(path);
        return;
    }
    for (int i = 0; i < depth; i++)
        if (stack[i].dev == sb.st_dev && stack[i].ino == sb.st_ino) {
            errat(L, path, NULL, 0, 0,
                  "directory loop (this folder contains itself through a link)");
            free(path);
            return;
        }
    if (depth >= SIFT_MAX_DIR_DEPTH) {
        errat(L, path, NULL, 0, 0, "folders nested more than %d deep", SIFT_MAX_DIR_DEPTH);
        free(path);
        return;
    }
    stack[depth] = (dirid){sb.st_dev, sb.st_ino};
    DIR *dh = opendir(path);
    if (!dh) {
        errat(L, path, NULL, 0, 0, "cannot open folder: %s", strerror(errno));
        free(path);
        return;
    }
    strlist names = {0};
    struct dirent *e;
    while ((e = readdir(dh))) {
        if (e->d_name[0] == '.') continue;
        push(&names, strdup(e->d_name));
    }
    closedir(dh);
    if (names.n) qsort(names.v, names.n, sizeof *names.v, cmpstr);
    for (size_t i = 0; i < names.n; i++) {
        char *r = rel ? joinpath(rel, names.v[i]) : strdup(names.v[i]);
        char *full = joinpath(root, r);
        struct stat fb;
        if (!r || !full) {
            errat(L, root, NULL, 0, 0, "out of memory");
        } else if (stat(full, &fb) != 0) {
            errat(L, full, NULL, 0, 0, "cannot read: %s", strerror(errno));
        } else if (S_ISDIR(fb.st_mode)) {
            char *man = joinpath(full, "corpus.json");
            if (man && access(man, F_OK) == 0)
                push(out, joinpath(r, "corpus.json"));
            else
                walk(L, root, r, stack, depth + 1, out);
            free(man);
        } else if (S_ISREG(fb.st_mode)) {
            sift_fmt fmt;
            if (filekind(r, &fmt) != K_NONE) push(out, strdup(r));
        }
        free(r);
        free(full);
        free(names.v[i]);
    }
    free(names.v);
    free(path);
}

/* The last component of a path, trailing slashes ignored ("corpus/x/" -> "x"). */
static char *basename_of(const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    size_t start = n;
    while (start > 0 && path[start - 1] != '/') start--;
    return strndup(path + start, n - start);
}

static void loaddir(loader *L, const char *path)
{
    char *man = joinpath(path, "corpus.json");
    if (man && access(man, F_OK) == 0) {
        loadmanifest(L, man, 1, 0);
        free(man);
        return;
    }
    free(man);
    dirid stack[SIFT_MAX_DIR_DEPTH + 1];
    strlist files = {0};
    walk(L, path, NULL, stack, 0, &files);
    for (size_t i = 0; i < files.n; i++) {
        char *full = joinpath(path, files.v[i]);
        const char *base = strrchr(files.v[i], '/');
        if (full && !strcmp(base ? base + 1 : files.v[i], "corpus.json"))
            loadmanifest(L, full, 1, 0);
        else if (full)
            loadfile(L, full, files.v[i], 0);
        free(full);
        free(files.v[i]);
    }
    free(files.v);
    if (!L->st->name) L->st->name = basename_of(path);
}

/* --------------------------------------------------------- parallel pass */

typedef struct {
    sift_store *st;
    int lenient;
    char **errs;
    int progress;       /* show progress on stderr (a terminal) */
    atomic_size_t done; /* documents prepared so far */
    double last;        /* when progress was last shown (worker 0 only) */
} prep;

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Worker 0 redraws "reading documents N/M" at most five times a second. */
static void showprogress(prep *p, int worker)
{
    size_t n = atomic_fetch_add(&p->done, 1) + 1;
    if (!p->progress || worker != 0) return;
    double t = seconds();
    if (t - p->last < 0.2) return;
    p->last = t;
    fprintf(stderr, "\rsift: reading documents %zu/%zu", n, p->st->ndocs);
    fflush(stderr);
}

static void prepone1(prep *p, size_t i);

static void prepone(void *ctx, size_t i, int worker)
{
    prep *p = ctx;
    prepone1(p, i);
    showprogress(p, worker);
}

static void prepone1(prep *p, size_t i)
{
    sift_doc *d = &p->st->docs[i];
    char *err = NULL;
    if (!d->bytes) {
        const char *why = NULL;
        d->bytes = readall(d->path, SIFT_MAX_DOC_BYTES, &d->len, &why);
        if (!d->bytes) {
            size_t n = strlen(why) + strlen(d->path) + (d->where ? strlen(d->where) : 0) + 64;
            if ((err = malloc(n)))
                snprintf(err, n, "%s: error: cannot read document: %s%s%s", d->path, why,
                         d->where ? " (listed at " : "", d->where ? d->where : "");
            if (err && d->where) strcat(err, ")");
            p->errs[i] = err;
            return;
        }
    }
    if (d->len == 0) {
        size_t n = strlen(d->path) + 64;
        if ((err = malloc(n))) snprintf(err, n, "%s: error: empty document", d->path);
        p->errs[i] = err;
        return;
    }
    char *why = NULL;
    if (sift_doc_prepare(d, p->lenient, &why) != 0) {
        size_t n = strlen(d->path) + strlen(why ? why : "") + 32;
        if ((err = malloc(n))) snprintf(err, n, "%s:%s", d->path, why ? why : "1:1: failed");
        /* turn "file:L:C: what" into "file:L:C: error: what" */
        char *colon = err ? strstr(err + strlen(d->path) + 1, ": ") : NULL;
        if (colon) {
            size_t head = (size_t)(colon - err) + 2;
            char *e2 = malloc(strlen(err) + 8);
            if (e2) {
                memcpy(e2, err, head);
                strcpy(e2 + head, "error: ");
                strcat(e2, err + head);
                free(err);
                err = e2;
            }
        }
        free(why);
        p->errs[i] = err;
    }
}

typedef struct {
    const char *id;
    size_t i;
} idref;

static int cmpidref(const void *pa, const void *pb)
{
    const idref *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

/*
** Read and prepare every document; then report duplicate ids. Messages come
** out in document order whatever the threads did.
*/
static void prepare_all(loader *L)
{
    sift_store *st = L->st;
    prep p = {st, L->o->lenient, calloc(st->ndocs ? st->ndocs : 1, sizeof(char *)), 0, 0, 0};
    if (!p.errs) {
        L->errors++;
        return;
    }
    p.progress = !L->o->quiet && st->ndocs >= 100 && isatty(STDERR_FILENO);
    p.last = seconds();
    sift_pool_run(L->o->jobs, st->ndocs, prepone, &p);
    if (p.progress) fprintf(stderr, "\r\033[K");
    for (size_t i = 0; i < st->ndocs; i++) {
        if (p.errs[i]) {
            fprintf(stderr, "%s\n", p.errs[i]);
            L->errors++;
            free(p.errs[i]);
        } else if (st->docs[i].repaired && !L->o->quiet) {
            fprintf(stderr, "%s: warning: replaced %zu invalid UTF-8 sequence%s with U+FFFD\n",
                    st->docs[i].path, st->docs[i].repaired, st->docs[i].repaired == 1 ? "" : "s");
        }
    }
    free(p.errs);
    /* records from `sift extract` output must still fit their documents */
    for (size_t i = 0; i < st->ndocs; i++) {
        sift_doc *d = &st->docs[i];
        if (!d->has_records || !d->bytes) continue;
        int fits = d->expect_len == (size_t)-1 || d->expect_len == d->len;
        for (size_t k = 0; fits && k < d->nquantities; k++) fits = d->quantities[k].end <= d->len;
        for (size_t k = 0; fits && k < d->ntimes; k++) fits = d->times[k].end <= d->len;
        for (size_t k = 0; fits && k < d->nmentions; k++) fits = d->mentions[k].end <= d->len;
        for (size_t k = 0; fits && k < d->nclaims; k++) fits = d->claims[k].end <= d->len;
        if (!fits) {
            fprintf(stderr,
                    "%s: error: the document changed since it was extracted (%zu bytes now, "
                    "%zu then); extract it again\n",
                    d->path, d->len, d->expect_len);
            L->errors++;
        }
    }
    /* duplicate ids: sort by id, then by place in the store */
    idref *ix = malloc((st->ndocs ? st->ndocs : 1) * sizeof *ix);
    if (!ix) return;
    for (size_t i = 0; i < st->ndocs; i++) ix[i] = (idref){st->docs[i].id, i};
    qsort(ix, st->ndocs, sizeof *ix, cmpidref);
    for (size_t i = 1; i < st->ndocs; i++) {
        sift_doc *a = &st->docs[ix[i - 1].i], *b = &st->docs[ix[i].i]; /* a comes first */
        if (strcmp(a->id, b->id) == 0) {
            fprintf(stderr, "sift: error: duplicate document id '%s': %s and %s\n", a->id,
                    a->where ? a->where : a->path, b->where ? b->where : b->path);
            L->errors++;
        }
    }
    free(ix);
}

/* Prepare what was listed even after errors, so one run reports every problem. */
static sift_store *finish(loader *L)
{
    prepare_all(L);
    if (L->errors) {
        sift_store_free(L->st);
        return NULL;
    }
    if (!L->st->name) L->st->name = strdup("corpus");
    return L->st;
}

sift_store *sift_load(const char *const *paths, int npaths, const sift_load_opts *o)
{
    loader L = {.st = sift_store_new(), .o = o};
    if (!L.st) return NULL;
    if (o->config) loadmanifest(&L, o->config, 0, 0);
    for (int i = 0; i < npaths; i++) {
        const char *p = paths[i];
        struct stat sb;
        if (!strcmp(p, "-")) {
            loadrecords(&L, "-", "stdin", 1);
        } else if (stat(p, &sb) != 0) {
            errat(&L, p, NULL, 0, 0, "%s", strerror(errno));
        } else if (S_ISDIR(sb.st_mode)) {
            loaddir(&L, p);
        } else {
            const char *slash = strrchr(p, '/');
            loadfile(&L, p, slash ? slash + 1 : p, 1);
        }
    }
    if (!L.errors && L.st->ndocs == 0 && npaths > 0) {
        errat(&L, NULL, NULL, 0, 0,
              "no documents found in %s%s (documents are .txt, .md, "
              ".wiki, .html, .json or .jsonl files)",
              paths[0], npaths > 1 ? " and the other paths" : "");
    }
    if (npaths > 1 || !L.st->name) {
        free(L.st->name);
        L.st->name = NULL;
    }
    return finish(&L);
}

sift_store *sift_load_manifest_text(const char *text, size_t len, const char *name, const char *dir,
                                    const sift_load_opts *o)
{
    loader L = {.st = sift_store_new(), .o = o};
    if (!L.st) return NULL;
    jfile jf;
    if (jparse(&L, &jf, name, text, 0, len) == 0) {
        const cJSON *v;
        if ((v = cJSON_GetObjectItemCaseSensitive(jf.root, "sides"))) loadsides(&L, &jf, v);
        if ((v = cJSON_GetObjectItemCaseSensitive(jf.root, "entities"))) loaddecls(&L, &jf, v);
        if ((v = cJSON_GetObjectItemCaseSensitive(jf.root, "name")) && cJSON_IsString(v))
            L.st->name = strdup(v->valuestring);
        v = cJSON_GetObjectItemCaseSensitive(jf.root, "documents");
        size_t k = 0;
        for (const cJSON *c = v ? v->child : NULL; c; c = c->next) {
            char id[32];
            snprintf(id, sizeof id, "doc%zu", ++k);
            adddoc(&L, &jf, c, dir, id, 1);
        }
    }
    jfree(&jf);
    return finish(&L);
}
