/*
** segment.c -- paragraphs, headlines, sentences and tokens (see segment.h).
**
** Owns the rules that cut plain text into paragraphs, headline lines and
** sentences, and a sentence into tokens. Uses utf8proc to decode UTF-8 and to
** classify code points (letters of every script, case, digits, white space,
** punctuation); nothing else from the runtime.
**
** Every pass is a forward scan with bounded look-back and look-ahead, and no
** recursion, so the work is linear in the size of the text: one 50 MB line
** costs the same as 50 MB of short lines. A paragraph is read three times
** (its width, its lines, its sentences); a block is scanned a second time only
** when it leaves a quotation open.
**
** Lines end at "\n". "\r" is white space, like the Unicode spaces, so CRLF
** text segments exactly as LF text does and no range ever includes the "\r".
** A blank line holds only white space; runs of other lines are paragraphs.
** Inside a paragraph, headline lines (see isheadline) are sentences of their
** own; the other lines make blocks (a whole paragraph, or the part of one
** between headlines) in which a line break is plain white space and sentences
** end where breakhere says.
*/
#include "segment.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define HEAD_WORDS  12 /* a headline has at most this many words */
#define HEAD_CHARS  90 /* and at most this many code points */
#define WRAP_MIN    40 /* paragraphs narrower than this are never taken for wrapped prose */
#define WORD_MAX    32 /* longer words are never abbreviations */
#define CLOSERS_MAX 8  /* closing marks looked through at the end of a line */

#define ELLIPSIS 0x2026
#define LISTW    10 /* bytes per word-list entry: words of up to 9 letters */

/*
** Word lists, each sorted in byte order for match (upper case before lower).
** Abbreviations after which a full stop never ends a sentence:
*/
static const char titles[][LISTW] = {
    "Adm",    "Amb",  "Brig", "Capt",   "Cmdr", "Col",  "Cpl",  "Det", "Dr",   "Fr",
    "Ft",     "Gen",  "Gens", "Gov",    "Govs", "Hon",  "Insp", "Jr",  "Lt",   "Maj",
    "Messrs", "Mlle", "Mme",  "Mr",     "Mrs",  "Ms",   "Mt",   "Pfc", "Pres", "Prof",
    "Pvt",    "Rep",  "Reps", "Rev",    "Sen",  "Sens", "Sgt",  "Spc", "Sr",   "St",
    "Supt",   "Vol",  "Vols", "approx", "cf",   "viz",  "vs"};

/* Abbreviations that never end a sentence when a number follows ("No. 5", "Sept. 6"). */
static const char numbered[][LISTW] = {"Apr", "Art",  "Aug", "Dec", "Feb", "Fig", "Jan",
                                       "Jul", "Jun",  "Mar", "No",  "Nos", "Nov", "Oct",
                                       "Sep", "Sept", "fig", "no",  "nos", "p",   "pp"};

/*
** Words that begin sentences far more often than names do: after "U.S." or a
** single initial, a sentence ends only before one of these (or a quotation).
*/
static const char starters[][LISTW] = {"A",     "An",    "At",   "But",  "He",    "I",
                                       "In",    "It",    "On",   "She",  "That",  "The",
                                       "There", "These", "They", "This", "Those", "We"};

/* Words that go on a time of day: "at 9 a.m. Tuesday", "5 p.m. GMT". */
static const char clockwords[][LISTW] = {
    "AFT",      "April",     "August",   "BST",      "CDT",      "CEST",   "CET",
    "CST",      "December",  "EDT",      "EST",      "February", "Friday", "GMT",
    "IST",      "January",   "July",     "June",     "MDT",      "MST",    "March",
    "May",      "Monday",    "November", "October",  "PDT",      "PKT",    "PST",
    "Saturday", "September", "Sunday",   "Thursday", "Tuesday",  "UTC",    "Wednesday"};

/* Words a headline does not end with: a line ending in one runs on. */
static const char weak[][LISTW] = {"a",       "an",    "and", "are",   "as",   "at",  "because",
                                   "but",     "by",    "for", "from",  "his",  "if",  "into",
                                   "is",      "its",   "my",  "nor",   "of",   "or",  "our",
                                   "than",    "that",  "the", "their", "to",   "was", "were",
                                   "whether", "which", "who", "whose", "with", "your"};

typedef struct {
    const char *t;
    size_t len;
    sift_segs *out;
    size_t pcap, scap; /* capacities of out->paras and out->sents */
} seg;

/* One line of text, measured for the headline rule. */
typedef struct {
    size_t next;   /* start of the following line, or the text length */
    size_t cs, ce; /* the line without surrounding white space; cs == ce when blank */
    size_t width;  /* code points from the line start to ce */
    size_t chars;  /* code points in [cs, ce) */
    size_t words;  /* words, counted up to HEAD_WORDS + 1 */
    size_t fw;     /* code points in the first word */
    int32_t first; /* first code point of the content */
} line;

enum { END_WORD, END_STOP, END_JOIN };

/* ---------------------------------------------------------------- code points */

/*
** Decodes the code point at t[i] (i < e) into *cp and returns its length.
** ASCII takes a fast path; a malformed sequence (the text is validated, but
** this must not crash) reads as one byte of U+FFFD.
*/
static inline size_t dec(const char *t, size_t i, size_t e, int32_t *cp)
{
    unsigned char b = (unsigned char)t[i];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(e - i), &c);
    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)n;
}

/* Start of the code point that ends at t[i], not before lo (i > lo). */
static size_t back(const char *t, size_t lo, size_t i)
{
    size_t j = i - 1;
    while (j > lo && i - j < 4 && ((unsigned char)t[j] & 0xC0) == 0x80) j--;
    return j;
}

/* Unicode general category; ASCII is answered here, as utf8proc would. */
static inline int cat(int32_t cp)
{
    if (cp >= 0x80) return (int)utf8proc_category(cp);
    if (cp >= 'a' && cp <= 'z') return UTF8PROC_CATEGORY_LL;
    if (cp >= 'A' && cp <= 'Z') return UTF8PROC_CATEGORY_LU;
    if (cp >= '0' && cp <= '9') return UTF8PROC_CATEGORY_ND;
    if (cp < 0x20 || cp == 0x7F) return UTF8PROC_CATEGORY_CC;
    switch (cp) {
    case ' ':
        return UTF8PROC_CATEGORY_ZS;
    case '$':
        return UTF8PROC_CATEGORY_SC;
    case '+':
    case '<':
    case '=':
    case '>':
    case '|':
    case '~':
        return UTF8PROC_CATEGORY_SM;
    case '^':
    case '`':
        return UTF8PROC_CATEGORY_SK;
    case '_':
        return UTF8PROC_CATEGORY_PC;
    case '-':
        return UTF8PROC_CATEGORY_PD;
    case '(':
    case '[':
    case '{':
        return UTF8PROC_CATEGORY_PS;
    case ')':
    case ']':
    case '}':
        return UTF8PROC_CATEGORY_PE;
    default:
        return UTF8PROC_CATEGORY_PO;
    }
}

static inline int white(int32_t cp)
{
    if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return cp == 0x85 || cp == 0x200B || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
           cat(cp) == UTF8PROC_CATEGORY_ZS;
}

static inline int letter(int32_t cp)
{
    int c = cat(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static inline int upper(int32_t cp)
{
    int c = cat(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int lower(int32_t cp)
{
    return cat(cp) == UTF8PROC_CATEGORY_LL;
}

static int digit(int32_t cp)
{
    return cat(cp) == UTF8PROC_CATEGORY_ND;
}

static int asciidigit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Letters, marks and numbers: what words and numbers are made of. */
static inline int wordch(int32_t cp)
{
    int c = cat(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

/* Marks that can end a sentence. */
static inline int term(int32_t cp)
{
    return cp == '.' || cp == '?' || cp == '!' || cp == ELLIPSIS || cp == 0x061F /* ؟ */ ||
           cp == 0x203C /* ‼ */ || cp == 0x203D /* ‽ */;
}

static int opener(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == 0x201E ||
           cp == 0x201A || cp == 0x00AB || cp == 0x2039;
}

static int closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0x00BB ||
           cp == 0x203A || cp == ')' || cp == ']' || cp == '}';
}

static int dash(int32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015);
}

/*
** What may begin a sentence: a letter that is not lower case (upper case, or
** a script without case such as Arabic), a digit, an opening quotation mark,
** or Spanish opening "¿" and "¡".
*/
static int startlike(int32_t cp)
{
    int c = cat(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LO ||
           c == UTF8PROC_CATEGORY_ND || opener(cp) || cp == 0xBF || cp == 0xA1;
}

/*
** Whether the n bytes at s spell one of the words in list, which is sorted
** in byte order (a test checks). Entries are NUL-padded to LISTW bytes, so the
** comparison needs no strlen: this runs at every full stop followed by
** white space and must stay cheap.
*/
static int match(const char (*list)[LISTW], size_t count, const char *s, size_t n)
{
    size_t lo = 0, hi = count;
    if (n == 0 || n >= LISTW) return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, i = 0;
        const char *w = list[mid];
        while (i < n && w[i] == s[i]) i++;
        int c = i < n ? (unsigned char)w[i] - (unsigned char)s[i] : w[n] != '\0';
        if (c == 0) return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

#define MATCH(list, s, n) match(list, sizeof list / sizeof *list, s, n)

/* ---------------------------------------------------------------- output */

/*
** Makes room for element n of an array a with capacity *cap, doubling the
** capacity; returns the array (perhaps moved), or NULL when memory runs out,
** in which case a is untouched and still owned by the caller.
*/
static void *grow(void *a, size_t n, size_t *cap, size_t size)
{
    if (n < *cap) return a;
    size_t nc = *cap ? *cap * 2 : 16;
    if (nc > SIZE_MAX / size) return NULL;
    void *b = realloc(a, nc * size);
    if (b) *cap = nc;
    return b;
}

static int addpara(seg *g, size_t s, size_t e)
{
    sift_para *a = grow(g->out->paras, g->out->nparas, &g->pcap, sizeof *a);
    if (!a) return -1;
    g->out->paras = a;
    a[g->out->nparas++] = (sift_para){(uint32_t)s, (uint32_t)e};
    return 0;
}

/*
** Appends the sentence t[s .. e) without its surrounding white space; a range
** of nothing but white space adds nothing.
*/
static int addsent(seg *g, size_t s, size_t e, size_t para, int kind)
{
    int32_t cp;
    size_t n;
    while (s < e && (n = dec(g->t, s, e, &cp), white(cp))) s += n;
    while (e > s) {
        size_t j = back(g->t, s, e);
        dec(g->t, j, e, &cp);
        if (!white(cp)) break;
        e = j;
    }
    if (s >= e) return 0;
    sift_sent *a = grow(g->out->sents, g->out->nsents, &g->scap, sizeof *a);
    if (!a) return -1;
    g->out->sents = a;
    a[g->out->nsents++] = (sift_sent){(uint32_t)s, (uint32_t)e, (uint32_t)para, (uint8_t)kind};
    return 0;
}

/* ---------------------------------------------------------------- sentences */

/*
** Start of the run of letters and dots that ends at p, not before lo: the
** word a full stop at p follows ("Gen", "U.S", "a.m"). SIZE_MAX when the run
** is longer than any abbreviation, so that a huge word costs O(1) here.
*/
static size_t wordstart(const char *t, size_t lo, size_t p)
{
    size_t i = p;
    while (i > lo) {
        int32_t cp = (unsigned char)t[i - 1];
        size_t j = i - 1;
        if (cp >= 0x80) {
            j = back(t, lo, i);
            dec(t, j, i, &cp);
        }
        if (cp != '.' && !letter(cp)) break;
        if (p - j > WORD_MAX) return SIZE_MAX;
        i = j;
    }
    return i;
}

/*
** Length of the ASCII word at t[r] when it is a whole word short enough for
** the word lists ("The" in "The valley", but not in "Theodore"), else 0.
*/
static size_t nextword(const char *t, size_t r, size_t e)
{
    size_t i = r;
    while (i < e && i - r < LISTW && ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z')))
        i++;
    if (i - r >= LISTW) return 0;
    if (i < e) {
        int32_t cp;
        dec(t, i, e, &cp);
        if (wordch(cp)) return 0;
    }
    return i - r;
}

/*
** Whether the word at t[r] is a common sentence starter (see starters) or an
** opening quotation.
*/
static int starter(const char *t, size_t r, size_t e)
{
    int32_t cp;
    dec(t, r, e, &cp);
    if (opener(cp)) return 1;
    if (cp < 'A' || cp > 'Z') return 0;
    return MATCH(starters, t + r, nextword(t, r, e));
}

/*
** Whether a sentence ends after the terminators t[p .. stop), then closing
** marks if closed, then white space, given that the next visible character is
** at t[r] (r < e). lo bounds the look-back.
**
** "?", "!", "..", "...", "…" and any terminator followed by a closing quote or
** bracket ("win.” Then") end a sentence before a capital, a digit or an
** opening quote. A single full stop does too, unless the word before it says
** otherwise:
**  - titles ("Gen.", "Dr.", "vs.") never end one;
**  - numbered abbreviations ("No.", "Sept.") do not before a digit;
**  - "a.m."/"p.m." do, unless a weekday, a month or a time zone follows
**    ("9 a.m. Tuesday", "5 p.m. GMT");
**  - "e.g."/"i.e." never do;
**  - other dotted acronyms ("U.S.", "U.N.") and single initials ("J.") do
**    only before a common sentence starter ("U.S. The") or a quotation:
**    "U.S. Army" and "J. R. Smith" stay whole. This misses sentences that
**    end in an acronym and go on with a name, a rarer case than names after
**    acronyms in news text.
** Lower case after a full stop never starts a sentence ("5 p.m. local time",
** "etc. and").
*/
static int breakhere(const char *t, size_t lo, size_t p, size_t stop, int closed, size_t r,
                     size_t e)
{
    int32_t c;
    dec(t, r, e, &c);
    if (!startlike(c)) return 0;
    if (stop - p > 1 || closed || t[p] != '.') return 1;
    size_t w = wordstart(t, lo, p);
    if (w == SIZE_MAX || w == p) return 1;
    const char *s = t + w;
    size_t n = p - w;
    int32_t cp;
    if (memchr(s, '.', n)) {
        static const char ampm[][LISTW] = {"A.M", "P.M", "a.m", "p.m"};
        static const char eg[][LISTW] = {"E.g", "I.e", "e.g", "i.e"};
        if (n == 3 && MATCH(ampm, s, n)) return !MATCH(clockwords, t + r, nextword(t, r, e));
        if (n == 3 && MATCH(eg, s, n)) return 0;
        return starter(t, r, e);
    }
    if (dec(t, w, p, &cp) == n && upper(cp)) return starter(t, r, e);
    if (MATCH(titles, s, n)) return 0;
    if (MATCH(numbered, s, n)) return !digit(c);
    return 1;
}

/* Tracks double quotation marks: curly and guillemets nest, straight ones toggle. */
static void quote(int32_t cp, size_t *depth, int *straight)
{
    if (cp == 0x201C || cp == 0x00AB)
        (*depth)++;
    else if ((cp == 0x201D || cp == 0x00BB) && *depth > 0)
        (*depth)--;
    else if (cp == '"')
        *straight = !*straight;
}

/*
** The bytes of x that scan tracks (non-ASCII, '.', '?', '!' and '"'), as
** the high bit of each; the lowest set bit marks the first such byte
** exactly. (A byte of v is zero when (v - 0x01..01) & ~v sets its high bit;
** borrows mark bytes only above a zero one.)
*/
static inline uint64_t tracked(uint64_t x)
{
    const uint64_t ONES = 0x0101010101010101u;
    uint64_t d = x ^ ONES * '.', q = x ^ ONES * '?', e = x ^ ONES * '!', u = x ^ ONES * '"';
    return (x | ((d - ONES) & ~d) | ((q - ONES) & ~q) | ((e - ONES) & ~e) | ((u - ONES) & ~u)) &
           ONES * 0x80;
}

/*
** Adds the sentences of the block t[bs .. be) (trimmed, non-empty). With
** quotes set, no sentence ends inside an open double quotation. Returns -1
** when memory runs out, 1 when quotes was set and a quotation is still open
** at the end (the caller then splits again without protection), else 0.
** Single quotes are not tracked: "’" is far more often an apostrophe.
*/
static int scan(seg *g, size_t bs, size_t be, size_t para, int quotes)
{
    const char *t = g->t;
    size_t s = bs, p = bs, depth = 0;
    int straight = 0;
    while (p < be) {
        uint64_t x, m;
        if (be - p >= 8 && (memcpy(&x, t + p, 8), m = tracked(x)) == 0) {
            p += 8; /* the common case: nothing to track */
            continue;
        }
        if (be - p >= 8) {
            p += (size_t)__builtin_ctzll(m) >> 3; /* the first byte to track */
        } else {
            unsigned char b = (unsigned char)t[p];
            if (b < 0x80 && b != '.' && b != '?' && b != '!' && b != '"') {
                p++;
                continue;
            }
        }
        int32_t cp;
        size_t n = dec(t, p, be, &cp);
        if (!term(cp)) {
            quote(cp, &depth, &straight);
            p += n;
            continue;
        }
        size_t q = p + n, stop;
        while (q < be && (n = dec(t, q, be, &cp), term(cp))) q += n;
        stop = q;
        while (q < be && (n = dec(t, q, be, &cp), closer(cp))) {
            quote(cp, &depth, &straight);
            q += n;
        }
        if (q >= be) break;
        dec(t, q, be, &cp);
        if (!white(cp)) {
            p = q; /* "3.5", "U.S.", "e.g.," */
            continue;
        }
        size_t r = q;
        while (r < be && (n = dec(t, r, be, &cp), white(cp))) r += n;
        if (r >= be) break;
        if (!(quotes && (depth || straight)) && breakhere(t, bs, p, stop, q > stop, r, be)) {
            if (addsent(g, s, q, para, SIFT_SENT_SENTENCE)) return -1;
            s = r;
        }
        p = r;
    }
    if (addsent(g, s, be, para, SIFT_SENT_SENTENCE)) return -1;
    return quotes && (depth || straight);
}

/*
** Splits a block into sentences. A quotation left open at the end of the
** block protects nothing (it is usually a quote that runs on into the next
** paragraph, or a stray mark), so the block is split again without quote
** protection: two passes at most.
*/
static int splitblock(seg *g, size_t bs, size_t be, size_t para)
{
    size_t mark = g->out->nsents;
    int rc = scan(g, bs, be, para, 1);
    if (rc != 1) return rc;
    g->out->nsents = mark;
    return scan(g, bs, be, para, 0) < 0 ? -1 : 0;
}

/* ---------------------------------------------------------------- lines */

/*
** The code points of t[i .. e): its bytes but the continuation bytes
** (10xxxxxx), counted eight at a time.
*/
static size_t cpcount(const char *t, size_t i, size_t e)
{
    const uint64_t ONES = 0x0101010101010101u;
    size_t n = e - i;
    for (; e - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, t + i, 8);
        uint64_t cont = (x & ~(x << 1)) >> 7 & ONES; /* 1 in each byte 10xxxxxx */
        n -= (size_t)((cont * ONES) >> 56);          /* (the sum of the bytes) */
    }
    for (; i < e; i++) n -= ((unsigned char)t[i] & 0xC0) == 0x80;
    return n;
}

/*
** Measures the line that starts at pos. Code points are examined one by one
** only until the first word and HEAD_WORDS + 1 words are behind; the rest
** of a long line is found with memchr and counted eight bytes at a time.
*/
static void readline(const char *t, size_t len, size_t pos, line *l)
{
    size_t i = pos, cps = 0, lead = 0;
    int seen = 0, inword = 0, fwdone = 0;
    memset(l, 0, sizeof *l);
    l->cs = l->ce = pos;
    while (i < len && t[i] != '\n') {
        if (fwdone && l->words > HEAD_WORDS) {
            const char *nl = memchr(t + i, '\n', len - i);
            size_t le = nl ? (size_t)(nl - t) : len, e = le;
            while (e > i) {
                int32_t cp;
                size_t j = back(t, i, e);
                dec(t, j, e, &cp);
                if (!white(cp)) break;
                e = j;
            }
            if (e > i) {
                cps += cpcount(t, i, e);
                l->ce = e;
                l->width = cps;
            }
            i = le;
            break;
        }
        int32_t cp;
        size_t n = dec(t, i, len, &cp);
        cps++;
        if (white(cp)) {
            inword = 0;
            fwdone = seen;
        } else {
            if (!seen) {
                seen = 1;
                l->cs = i;
                l->first = cp;
                lead = cps - 1;
            }
            if (!inword && l->words <= HEAD_WORDS) l->words++;
            inword = 1;
            if (!fwdone) l->fw++;
            /* the ASCII rest of the word, all at once */
            size_t k = i + n;
            for (unsigned char b;
                 k < len && (b = (unsigned char)t[k]) < 0x80 && b != ' ' && (b < '\t' || b > '\r');)
                k++;
            cps += k - i - n;
            if (!fwdone) l->fw += k - i - n;
            l->ce = k;
            l->width = cps;
            n = k - i;
        }
        i += n;
    }
    l->chars = seen ? l->width - lead : 0;
    l->next = i < len ? i + 1 : len;
}

/*
** How the line t[cs .. ce) ends, looking through closing quotes and
** brackets: END_STOP after . ! ? … : ; ("said.", "win.”"), END_JOIN after a
** comma or a dash (the sentence runs on), END_WORD otherwise.
*/
static int endclass(const char *t, size_t cs, size_t ce)
{
    size_t i = ce;
    int32_t cp = 0;
    int k = 0;
    while (i > cs) {
        size_t j = back(t, cs, i);
        dec(t, j, i, &cp);
        if (!closer(cp) || k++ == CLOSERS_MAX) break;
        i = j;
    }
    if (closer(cp)) return END_WORD; /* nothing but closing marks */
    if (term(cp) || cp == ':' || cp == ';') return END_STOP;
    if (cp == ',' || dash(cp)) return END_JOIN;
    return END_WORD;
}

/* Whether the line t[cs .. ce) ends in a word that a headline never ends in. */
static int endsweak(const char *t, size_t cs, size_t ce)
{
    size_t i = ce;
    while (i > cs && ce - i < 8 && t[i - 1] >= 'a' && t[i - 1] <= 'z') i--;
    if (i > cs) {
        int32_t cp;
        dec(t, back(t, cs, i), i, &cp);
        if (wordch(cp) || cp == '\'' || cp == 0x2019 || dash(cp)) return 0;
    }
    return MATCH(weak, t + i, ce - i);
}

static int isshort(const line *l)
{
    return l->chars <= HEAD_CHARS && l->words <= HEAD_WORDS;
}

/*
** Whether the break between lines a and b is a soft one inside wrapped
** prose: b starts in lower case, or the paragraph is at least WRAP_MIN wide
** (w, its widest line) and b's first word would not have fitted at the end
** of a. Greedy wrapping moves a word to the next line only when it does not
** fit, so a line that had room for the next word ended on purpose.
**
** The width test needs prose around it: in a paragraph whose last line does
** not end a sentence (prose is 0: a stack of headlines, a list of links), a
** break after a short line is a hard one. Otherwise two stacked headlines
** ("... holds the northern valley\nFighters dig in ...") would read as one
** wrapped line, the first being the paragraph's widest.
*/
static int wrapped(const line *a, const line *b, size_t w, int prose)
{
    if (lower(b->first)) return 1;
    if (!prose && isshort(a)) return 0;
    return w >= WRAP_MIN && a->width + 1 + b->fw > w;
}

/*
** Whether line cur is a headline, given the previous and next lines of its
** paragraph (NULL at the paragraph's edges), w, the paragraph's width, and
** prose, whether its last line ends a sentence. A headline
**  - is short: at most HEAD_WORDS words and HEAD_CHARS code points;
**  - does not start in lower case;
**  - does not end in . ! ? … : ; , or a dash, even behind a closing quote
**    or bracket, nor in a word such as "the", "of" or "that";
**  - does not continue the line before: that line ended a sentence
**    (. ! ? : ;), or the break between them is not a wrap (see wrapped);
**  - is not continued by the line after: it ends the paragraph (a blank line
**    or the end of text follows), or the break after it is not a wrap.
** So "Taliban claim victory\nKABUL -- The ..." is a headline and a paragraph,
** while prose wrapped at 72 columns stays prose even where a line ends before
** a capital ("... said on Monday\nAhmad Massoud ..."). Lists of short lines
** ("Kabul\nHerat\nMazar") are lists of headlines.
*/
static int isheadline(const char *t, const line *prev, const line *cur, const line *next, size_t w,
                      int prose)
{
    if (!isshort(cur) || lower(cur->first)) return 0;
    if (endclass(t, cur->cs, cur->ce) != END_WORD || endsweak(t, cur->cs, cur->ce)) return 0;
    if (prev) {
        int e = endclass(t, prev->cs, prev->ce);
        if (e == END_JOIN || (e == END_WORD && wrapped(prev, cur, w, prose))) return 0;
    }
    return !next || !wrapped(cur, next, w, prose);
}

/*
** Adds the sentences of the paragraph whose first line is first: headline
** lines one by one, the runs of lines between them through splitblock.
*/
static int dopara(seg *g, const line *first, size_t w, int prose, size_t para)
{
    line win[3], *prev = NULL, *cur = &win[0], *next = &win[1], *spare = &win[2];
    size_t bs = SIZE_MAX, be = 0;
    *cur = *first;
    for (;;) {
        int last = cur->next >= g->len;
        if (!last) {
            readline(g->t, g->len, cur->next, next);
            last = next->cs == next->ce;
        }
        if (isheadline(g->t, prev, cur, last ? NULL : next, w, prose)) {
            if (bs != SIZE_MAX && splitblock(g, bs, be, para)) return -1;
            bs = SIZE_MAX;
            if (addsent(g, cur->cs, cur->ce, para, SIFT_SENT_HEADLINE)) return -1;
        } else {
            if (bs == SIZE_MAX) bs = cur->cs;
            be = cur->ce;
        }
        if (last) break;
        line *old = prev ? prev : spare;
        prev = cur;
        cur = next;
        next = old;
    }
    if (bs != SIZE_MAX && splitblock(g, bs, be, para)) return -1;
    return 0;
}

/* ---------------------------------------------------------------- exported */

/*
** Finds each paragraph, its width and whether it ends a sentence in one read
** of its lines, records it, then hands it to dopara. Texts over 4 GiB cannot
** be described with the header's 32-bit offsets and fail like an allocation
** would.
*/
int sift_segment(const char *text, size_t len, sift_segs *out)
{
    seg g = {text, len, out, 0, 0};
    size_t pos = 0;
    memset(out, 0, sizeof *out);
    if (len > UINT32_MAX) return -1;
    while (pos < len) {
        line first, l;
        readline(text, len, pos, &first);
        if (first.cs == first.ce) {
            pos = first.next;
            continue;
        }
        size_t w = first.width, pcs = first.cs, pend = first.ce;
        pos = first.next;
        while (pos < len) {
            readline(text, len, pos, &l);
            if (l.cs == l.ce) break;
            if (l.width > w) w = l.width;
            pcs = l.cs;
            pend = l.ce;
            pos = l.next;
        }
        int prose = endclass(text, pcs, pend) == END_STOP;
        if (addpara(&g, first.cs, pend) || dopara(&g, &first, w, prose, out->nparas - 1)) {
            sift_segs_free(out);
            return -1;
        }
    }
    return 0;
}

void sift_segs_free(sift_segs *s)
{
    free(s->paras);
    free(s->sents);
    memset(s, 0, sizeof *s);
}

/*
** Reads the word or number that starts at t[i] (a letter, mark or digit)
** into tk and returns its end. Inside, an apostrophe joins word characters
** ("don't", "Massoud’s"); a hyphen joins them once the token has a letter or
** when a letter follows ("AK-47", "19-year-old", but "2021" "-" "09");
** "." joins ASCII digits ("3.5"); "," joins a digits-only token to a group
** of exactly three digits ("24,723"); zero-width (non-)joiners and soft
** hyphens join letters (Persian "می‌خواهم").
*/
static size_t word(const char *t, size_t i, size_t end, sift_tok *tk)
{
    size_t letters = 0, uppers = 0, k;
    int alpha = 0;
    int32_t cp, prev;
    k = dec(t, i, end, &cp);
    if (upper(cp)) tk->flags |= SIFT_TOKF_CAP;
    for (;;) {
        if (cp >= 'a' && cp <= 'z') {
            letters++;
            alpha = 1;
        } else if (cp > '9') { /* not an ASCII digit or lower-case letter */
            int c = cat(cp);
            if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) {
                letters++;
                uppers += c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
            }
            if (c < UTF8PROC_CATEGORY_ND) alpha = 1;
        }
        prev = cp;
        i += k;
        if (i >= end) break;
        k = dec(t, i, end, &cp);
        if (wordch(cp)) continue;
        if (i + k >= end) break;
        int32_t nx;
        size_t k2 = dec(t, i + k, end, &nx);
        int join = 0;
        if (cp == '\'' || cp == 0x2019)
            join = wordch(nx);
        else if (cp == '-' || cp == 0x2010 || cp == 0x2011)
            join = wordch(nx) && (alpha || letter(nx));
        else if (cp == '.')
            join = asciidigit(prev) && asciidigit(nx);
        else if (cp == ',')
            join = !alpha && asciidigit(prev) && i + 4 <= end && asciidigit(t[i + 1]) &&
                   asciidigit(t[i + 2]) && asciidigit(t[i + 3]) &&
                   (i + 4 == end || !asciidigit(t[i + 4]));
        else if (cp == 0x200C || cp == 0x200D || cp == 0x00AD)
            join = wordch(nx);
        if (!join) break;
        i += k;
        cp = nx;
        k = k2;
    }
    tk->kind = alpha ? SIFT_TOK_WORD : SIFT_TOK_NUMBER;
    if (letters >= 2 && uppers == letters) tk->flags |= SIFT_TOKF_UPPER;
    return i;
}

/*
** Marks that count as symbols although Unicode files them as punctuation:
** per cent and per mille, "#", "&", "@", "*", daggers, section and
** paragraph signs, primes.
*/
static int symbolish(int32_t cp)
{
    return cp == '%' || cp == '#' || cp == '&' || cp == '@' || cp == '*' || cp == 0x2030 ||
           cp == 0x2031 || cp == 0x2020 || cp == 0x2021 || cp == 0xA7 || cp == 0xB6 ||
           cp == 0x2032 || cp == 0x2033;
}

/*
** One pass over t[start .. end). SIFT_TOKF_SPACE looks at the text itself,
** so the first token has it when white space precedes start. Punctuation is
** one token per mark except a run of three or more full stops; anything that
** is neither a word character, punctuation nor white space (symbols,
** controls, unassigned code points) is a one-code-point symbol.
*/
size_t sift_tokenize(const char *text, size_t start, size_t end, sift_tok *toks, size_t cap)
{
    size_t n = 0, i = start;
    int32_t cp;
    int sp = 0;
    if (start > 0) {
        dec(text, back(text, 0, start), start, &cp);
        sp = white(cp);
    }
    while (i < end) {
        size_t k = dec(text, i, end, &cp);
        if (white(cp)) {
            sp = 1;
            i += k;
            continue;
        }
        sift_tok tk = {(uint32_t)i, 0, SIFT_TOK_PUNCT, sp ? SIFT_TOKF_SPACE : 0};
        int c = cat(cp);
        if (wordch(cp)) {
            i = word(text, i, end, &tk);
        } else if (cp == '.') {
            size_t j = i;
            while (j < end && text[j] == '.') j++;
            i = j - i >= 3 ? j : i + 1;
        } else {
            if (symbolish(cp) || c < UTF8PROC_CATEGORY_PC || c > UTF8PROC_CATEGORY_PO)
                tk.kind = SIFT_TOK_SYMBOL;
            i += k;
        }
        tk.end = (uint32_t)i;
        if (n < cap) toks[n] = tk;
        n++;
        sp = 0;
    }
    return n;
}
