/*
** store.h -- the corpus store: documents with their text, markup map,
** sentences and line index, plus the sides and entities a manifest declares.
**
** Basic use:
**     sift_store *st = sift_store_new();
**     sift_doc *d = sift_store_add_doc(st);        -- zeroed slot; fill it
**     ... sift_doc_prepare(d, lenient, &err) ...     -- segment it (any thread)
**     sift_store_free(st);
**
** Positions: every offset the store gives out is a byte offset into the
** document's original bytes (`bytes`), end exclusive. Analysis runs on the
** plain text (markup removed; for plain-text documents the bytes themselves)
** and is mapped back with sift_doc_src_start / sift_doc_src_end.
**
** Ownership: the store owns every string and array reachable from it.
** Thread safety: read-only once loading has finished; during loading each
** document is prepared by one thread.
*/
#ifndef SIFT_STORE_H
#define SIFT_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "fmt.h"
#include "segment.h"

typedef struct {
    char *id, *label;
    char **aliases;
    size_t naliases;
    int party; /* 1 for a party to the conflict */
} sift_side;

/* An entity a manifest declares (organisations, places, ...). */
typedef struct {
    char *name, *kind, *side; /* side may be NULL */
    char *in;                 /* the place it lies in ("in"), or NULL */
    char **aliases;
    size_t naliases;
} sift_decl;

typedef struct {
    uint32_t start, end;   /* in the original bytes */
    uint32_t pstart, pend; /* in the plain text */
    uint32_t para;
    uint8_t kind; /* SIFT_SENT_SENTENCE or SIFT_SENT_HEADLINE */
} sift_sentence;

/* A quantity (sift.grammar.number): absent numbers are NAN. */
typedef struct {
    uint32_t start, end; /* in the original bytes */
    double value, min, max, coded;
    double base;                 /* value in the base unit of its dimension, or NAN */
    double alt;                  /* the bracketed other reading ("90 miles (144 km)"), or NAN */
    uint32_t alt_start, alt_end; /* where the other reading stands */
    char unit[12];               /* "" for a count */
    char base_unit[12];
    char alt_unit[12];
    uint8_t approx, vague, ordinal;
} sift_quantity;

enum { SIFT_TIME_DATE, SIFT_TIME_DURATION };
enum { SIFT_ANCHOR_NONE, SIFT_ANCHOR_PUBLISHED, SIFT_ANCHOR_DATELINE, SIFT_ANCHOR_TEXT };

/* A time (sift.grammar.date). Day bounds are days since 1970-01-01. */
typedef struct {
    uint32_t start, end;
    char value[24];           /* TIMEX3 */
    char precision[8];        /* day month year decade century */
    char mod[8];              /* START MID END APPROX BEFORE AFTER, or "" */
    int32_t earliest, latest; /* SIFT_NO_DAY when unknown */
    uint8_t kind, anchor, relative;
} sift_time;

#define SIFT_NO_DAY INT32_MIN

/*
** A mention of an entity (sift.grammar.name); entity set by resolution. A
** corpus has millions, so the strings are ids of the store's shared copies
** (sift_store_intern_id; sift_store_str gives the string): a mention is 40
** bytes, whatever its fields say.
*/
typedef struct {
    uint32_t start, end;  /* in the original bytes */
    int32_t entity;       /* index into the store's entities, -1 before resolution */
    uint32_t kind;        /* person org place group other */
    uint32_t side;        /* side id from the text or the manifest, or "" */
    uint32_t cue;         /* why it is a mention: declared, side, title, role, ... */
    uint32_t role, title; /* "spokesman", "General", ... or "" */
    uint32_t decl;        /* the declared entity it matched, or SIFT_STR_NONE */
    uint32_t why;         /* why it joined its entity (resolution), or SIFT_STR_NONE */
} sift_mention;

/* What resolution decided for a mention (as in sift_mention). */
typedef struct {
    int32_t entity;
    uint32_t why;
} sift_resolved;

/* An entity: one referent across the corpus, with its side. */
typedef struct {
    char *name, *kind, *side; /* side may be NULL */
    char **aliases;
    size_t naliases;
} sift_entity;

/*
** A claim (sift.grammar.claim, or a user extractor). Strings are owned;
** absent ones NULL or "". The stock kinds are casualty, control, event and
** measure; user extractors add their own (sift.extractor).
*/
typedef struct {
    uint32_t start, end;
    uint32_t id; /* 1-based, in corpus and text order */
    char kind[24];
    uint8_t hedged, deny, vague;
    char category[16];
    int32_t quantity, time; /* indexes into the document's records, -1 when none */
    double value, min, max; /* the figure; NAN when absent */
    char *subject, *claimant, *place, *extent;
    char subject_side[24], claimant_side[24], holder_side[24];
    char cue[24], action[8];
    uint32_t claimant_start, claimant_end, place_start, place_end; /* equal when absent */
    int32_t claimant_entity, place_entity;                         /* -1 when unresolved */
} sift_claim;

typedef struct {
    /* metadata; NULL when absent */
    char *id, *path, *source, *published, *kind, *title, *language, *url;
    char *where; /* where the document was named: "corpus.json:12:7" or NULL */
    char *meta;  /* other manifest or record fields as a JSON object, or NULL */
    /* text */
    char *bytes; /* original bytes, NUL-terminated (repaired under --lenient) */
    size_t len;
    sift_fmt fmt;
    sift_plain plain; /* zeroed for SIFT_FMT_TEXT */
    /* structure */
    sift_sentence *sents;
    size_t nsents;
    sift_para *paras; /* in the original bytes */
    size_t nparas;
    uint32_t *lines; /* offset where each line starts; lines[0] == 0 */
    size_t nlines;
    size_t repaired;     /* invalid sequences replaced under --lenient */
    uint8_t inline_text; /* the text came inside a JSON record, not from a file of its own */
    uint8_t has_records; /* records loaded from `sift extract` output: not extracted again */
    uint8_t spilled;     /* written out (sift extract) and freed but for the id and the
                            mentions, whose start/end now index `bytes`, which holds only
                            their texts (sift_doc_spilled); resolution frees those too
                            once read: then nmentions still counts them and the store's
                            `resolved` holds what became of them */
    size_t expect_len;   /* with has_records: the byte count the extraction saw */
    /* extraction (extract.c) */
    sift_quantity *quantities;
    size_t nquantities;
    sift_time *times;
    size_t ntimes;
    sift_mention *mentions;
    size_t nmentions;
    sift_claim *claims;
    size_t nclaims;
} sift_doc;

/*
** A Lua file that defines user extractors (sift.extractor): listed in the
** manifest (where is "corpus.json:LINE:COL") or registered by a script
** (where is NULL). Worker states load it up to its `count`-th
** sift.extractor call (0: the whole file).
*/
typedef struct {
    char *path, *where;
    int count;
} sift_xfile;

typedef struct {
    char *name;
    sift_side *sides;
    size_t nsides;
    sift_decl *decls;
    size_t ndecls;
    sift_doc *docs;
    size_t ndocs, capdocs;
    int extracted;          /* extraction has run (extract.c); records are filled */
    int records_only;       /* the caller reads only records and text after extraction (sift
                               extract): each document's sentences, paragraphs and plain text
                               are freed once its records are (extract.c) */
    double resolve_seconds; /* the time extraction spent resolving entities (--stats) */
    sift_entity *entities;  /* after resolution */
    size_t nentities;
    sift_resolved *resolved; /* each mention's entity and reason, by its number in corpus
                                order, when some document is spilled (its mentions freed
                                by resolution once read; extract.c), else NULL */
    size_t nresolved;
    sift_xfile *xfiles; /* user extractor files, in order (extract.c) */
    size_t nxfiles;
    struct sift_strpool *strs; /* the shared strings of sift_store_intern */
} sift_store;

sift_store *sift_store_new(void);
void sift_store_free(sift_store *st);

/*
** The store's one copy of the len bytes at s (NUL-terminated), kept until the
** store is freed: records that repeat a few strings millions of times hold
** pointers, or 4-byte ids, instead of copies. Safe to call from worker
** threads. "" for len 0; NULL when out of memory.
*/
const char *sift_store_intern(sift_store *st, const char *s, size_t len);

/* The ids of sift_store_intern_id: two fixed ones, then one a string. */
enum { SIFT_STR_NONE, SIFT_STR_EMPTY };

/*
** The id of the store's one copy of the len bytes at s, as sift_store_intern
** makes it: SIFT_STR_EMPTY for len 0, SIFT_STR_NONE when out of memory.
*/
uint32_t sift_store_intern_id(sift_store *st, const char *s, size_t len);

/*
** The string of an id: NULL for SIFT_STR_NONE, "" for SIFT_STR_EMPTY. Takes
** no lock: any thread may read an id it was given while others intern.
*/
const char *sift_store_str(const sift_store *st, uint32_t id);

/*
** One thread's memory of the strings it interned last, by address: a Lua
** string interned again and again (a mention's kind, a merge's reason)
** costs a compare instead of the pool's lock and hash. The bytes are
** compared too, so an address reused for another string is no hit. Zero it
** before the first use.
*/
enum { SIFT_STRCACHE = 32 };
typedef struct {
    const char *s[SIFT_STRCACHE];
    size_t len[SIFT_STRCACHE];
    uint32_t id[SIFT_STRCACHE];
} sift_strcache;

/* sift_store_intern_id(st, s, len), through the cache c. */
uint32_t sift_store_intern_cached(sift_store *st, sift_strcache *c, const char *s, size_t len);

/* A new zeroed document slot at the end (pointers to earlier slots may move). */
sift_doc *sift_store_add_doc(sift_store *st);
/* Index of the document with this id, or -1. Linear; callers index as needed. */
long sift_store_find_doc(const sift_store *st, const char *id);
/* Drop the documents from index n on (after a failed load). */
void sift_store_truncate(sift_store *st, size_t n);

/*
** Validate, strip markup and segment a document whose bytes are set. Returns
** 0, or -1 with *err a malloc'd message ("line:col: what") for the caller to
** prefix with the file name.
*/
int sift_doc_prepare(sift_doc *d, int lenient, char **err);
void sift_doc_clear(sift_doc *d);

/*
** Once the document and every record of it have been written out: keep only
** what resolution reads, its id and its mentions with their texts (end to
** end in `bytes`, each mention's start/end moved to its own; `len` stays the
** document's), and free the rest; sets `spilled`. 0, or -1 when out of
** memory (nothing changed).
*/
int sift_doc_spilled(sift_doc *d);
/* The first mention whose span overlaps [a, b), or -1. */
long sift_doc_mention_at(const sift_doc *d, uint32_t a, uint32_t b);

/* The text analysis runs on. */
const char *sift_doc_plain(const sift_doc *d, size_t *len);
/* Map plain positions to original bytes. */
size_t sift_doc_src_start(const sift_doc *d, size_t plain_off);
size_t sift_doc_src_end(const sift_doc *d, size_t plain_end);
/* Days since 1970-01-01 of a YYYY-MM-DD date, and back (buf holds 32 bytes). */
int32_t sift_days(int y, int m, int d);
void sift_fmt_day(int32_t days, char *buf);

/* 1-based line and column (in code points) of a byte offset. */
void sift_doc_linecol(const sift_doc *d, size_t off, size_t *line, size_t *col);

#endif
