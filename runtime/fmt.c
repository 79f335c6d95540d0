/*
** fmt.c -- markup stripping with an exact offset map.
**
** Owns sift_fmt_strip and its helpers: turning Markdown, MediaWiki and HTML
** into plain analysis text, the piece map from every plain byte back to the
** source bytes that produced it, the heading list and the document title.
** Uses only the C library (no Lua, no other runtime module).
**
** Each format is one forward scanner feeding one output sink. The sink
** appends copied runs (merged into one piece while they stay contiguous in the
** source) and replacement runs (decoded entities, newlines standing for
** markup). Structure is deferred: block ends, collapsible white space and word
** separators are recorded as pending and only materialise when more text
** follows, which bounds blank-line runs and keeps trailing markup free.
** Constructs that may stay unclosed (brackets, templates, comments, quoted
** attributes, code spans) are resolved by linear pre-passes or by searches
** whose results are cached, so no input makes a scanner rescan: the run time
** is linear in the input length.
*/
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

/* Tests redefine this to inject allocation failures. */
#ifndef FMT_REALLOC
#define FMT_REALLOC(p, n) realloc((p), (n))
#endif

#define U(c) ((unsigned char)(c))
#define NONE SIZE_MAX
#define NIL  UINT32_MAX

/* ---------------------------------------------------------------- helpers */

/*
** Grows an array so it holds at least need elements of size elem, doubling so
** that appends cost amortised O(1). Returns the new block, or NULL (the old
** block untouched) when the size overflows or memory runs out.
*/
static void *grow(void *p, size_t *cap, size_t need, size_t elem)
{
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2) return NULL;
        c *= 2;
    }
    if (c > SIZE_MAX / elem) return NULL;
    void *q = FMT_REALLOC(p, c * elem);
    if (q) *cap = c;
    return q;
}

/* Character classes, ASCII only so they do not depend on the locale. */
static int isws(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int isblank_(int c)
{
    return c == ' ' || c == '\t';
}

static int isalpha_(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int isdigit_(int c)
{
    return c >= '0' && c <= '9';
}

static int isalnum_(int c)
{
    return isalpha_(c) || isdigit_(c);
}

static int ispunct_(int c)
{
    return c > ' ' && c < 127 && !isalnum_(c);
}

/* A byte that can be part of a word: ASCII letters and digits, any non-ASCII. */
static int isword(int c)
{
    return isalnum_(c) || c >= 0x80;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Whether s[p ..] starts with the lower-case ASCII string w, ignoring case. */
static int startsci(const char *s, size_t n, size_t p, const char *w)
{
    size_t k = strlen(w);
    if (p > n || n - p < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (lower(U(s[p + i])) != w[i]) return 0;
    return 1;
}

/* Encodes code point c (<= 0x10FFFF) into b; returns the byte count. */
static size_t utf8(uint32_t c, char *b)
{
    if (c < 0x80) {
        b[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | (c >> 18));
    b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    b[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/*
** A cached forward search for a short pattern. The cache remembers an
** interval [lo, hi] with no match starting in [lo, hi) and a match (or the
** end) at hi, so repeated searches from increasing positions (a scanner
** retrying after each unclosed construct) cost linear time in total instead
** of quadratic. The pattern's first byte must not be a letter when ci is set.
*/
typedef struct {
    char pat[24];
    size_t plen;
    int ci, init;
    size_t lo, hi;
} finder;

static void finit(finder *f, const char *pat, int ci)
{
    size_t k = strlen(pat);
    if (k >= sizeof f->pat) k = sizeof f->pat - 1;
    memcpy(f->pat, pat, k);
    f->pat[k] = 0;
    f->plen = k;
    f->ci = ci;
    f->init = 1;
    f->lo = 1;
    f->hi = 0;
}

static void freset(finder *f)
{
    f->lo = 1;
    f->hi = 0;
}

/* Position of the first match starting at or after p, or n when none. */
static size_t find(finder *f, const char *s, size_t n, size_t p)
{
    if (p >= f->lo && p <= f->hi) return f->hi;
    size_t q = p;
    for (;;) {
        const char *c = q < n ? memchr(s + q, f->pat[0], n - q) : NULL;
        if (!c) {
            q = n;
            break;
        }
        q = (size_t)(c - s);
        if (n - q >= f->plen) {
            size_t i = 1;
            if (f->ci)
                while (i < f->plen && lower(U(s[q + i])) == f->pat[i]) i++;
            else
                while (i < f->plen && s[q + i] == f->pat[i]) i++;
            if (i == f->plen) break;
        }
        q++;
    }
    f->lo = p;
    f->hi = q;
    return q;
}

/* ------------------------------------------------------------------- sink */

/*
** The output being built. Pending structure: brk is a block end waiting for
** more text (1 = line end, 2 = blank line) standing for the source run
** [bs, be); ws is collapsible white space [ws_s, ws_e) (HTML); sep marks
** dropped markup [ss, se) that must not glue two words together.
*/
typedef struct {
    const char *src;
    size_t n;
    char *t;
    size_t tl, tc;
    sift_piece *pc;
    size_t np, pcap;
    size_t lastend; /* source end of the last piece */
    sift_heading *hd;
    size_t nh, hcap;
    char *title;
    int oom;
    int brk;
    size_t bs, be;
    int ws;
    size_t ws_s, ws_e;
    int sep;
    size_t ss, se;
    int hopen;
    uint8_t hlevel;
    size_t hstart;
} sink;

/*
** Appends txt[0 .. n) standing for src[s .. s + sl). A copy (copy set, txt
** pointing into src) extends the previous piece when both stay contiguous.
** Source runs never go backwards: the part of a run before the end of the
** previous piece is cut off, which keeps the map monotonic whatever a
** scanner asks for.
*/
static void emit(sink *o, const char *txt, size_t n, size_t s, size_t sl, int copy)
{
    if (o->oom || n == 0) return;
    if (s < o->lastend) {
        size_t cut = o->lastend - s;
        if (copy) {
            if (cut >= n) return;
            txt += cut;
            n -= cut;
            sl -= cut;
            s += cut;
        } else {
            if (cut >= sl) return;
            s += cut;
            sl -= cut;
            if (sl == n) {
                copy = memcmp(txt, o->src + s, n) == 0;
                if (!copy) sl--;
                if (!sl) return;
            }
        }
    }
    if (n > UINT32_MAX - o->tl) {
        o->oom = 1;
        return;
    }
    if (o->tl + n + 1 > o->tc) {
        char *t = grow(o->t, &o->tc, o->tl + n + 1, 1);
        if (!t) {
            o->oom = 1;
            return;
        }
        o->t = t;
    }
    sift_piece *l = o->np ? &o->pc[o->np - 1] : NULL;
    if (copy && l && l->plain_len == l->src_len && (size_t)l->src + l->src_len == s) {
        l->plain_len += (uint32_t)n;
        l->src_len += (uint32_t)n;
    } else {
        if (o->np == o->pcap) {
            sift_piece *pc = grow(o->pc, &o->pcap, o->np + 1, sizeof *pc);
            if (!pc) {
                o->oom = 1;
                return;
            }
            o->pc = pc;
        }
        o->pc[o->np++] = (sift_piece){(uint32_t)o->tl, (uint32_t)s, (uint32_t)n, (uint32_t)sl};
    }
    memcpy(o->t + o->tl, txt, n);
    o->tl += n;
    o->lastend = s + sl;
}

/*
** Appends synthetic text for the source run [s, e). A piece whose plain and
** source lengths are equal reads as a copy, so when they would be equal with
** different bytes the run is adjusted: shortened, widened over an unmapped
** byte before it, or (never in practice) the text doubled.
*/
static void put(sink *o, const char *txt, size_t n, size_t s, size_t e)
{
    size_t sl = e - s;
    if (n == sl) {
        if (memcmp(txt, o->src + s, n) == 0) {
            emit(o, txt, n, s, sl, 1);
            return;
        }
        if (sl > 1) {
            sl--;
        } else if (isws(U(txt[0])) && isws(U(o->src[s]))) {
            emit(o, o->src + s, 1, s, 1, 1);
            return;
        } else if (s > o->lastend) {
            s--;
            sl = 2;
        } else {
            char d[2] = {txt[0], txt[0]};
            emit(o, d, 2, s, 1, 0);
            return;
        }
    }
    emit(o, txt, n, s, sl, 0);
}

/* Removes trailing blanks that were copied (never synthetic text). */
static void trim(sink *o)
{
    while (o->tl && o->np) {
        sift_piece *l = &o->pc[o->np - 1];
        int c = U(o->t[o->tl - 1]);
        if (l->plain_len != l->src_len || !(isws(c) && c != '\n')) break;
        l->plain_len--;
        l->src_len--;
        o->tl--;
        o->lastend--;
        if (!l->plain_len) o->np--;
    }
    if (o->hopen && o->hstart != NONE && o->hstart > o->tl) o->hstart = o->tl;
}

/*
** Materialises pending structure before text beginning with byte next: the
** block end (topping up the newlines already at the end of the text, never
** more than one blank line), else one collapsed space, else a word separator
** when the text would otherwise glue two words. Nothing is emitted at the
** very start of the text. A collapsed run is a copied ' ' when it has one;
** a lone newline or tab becomes two spaces, as one byte replacing one byte
** would read as a copy.
*/
static void flush(sink *o, int next)
{
    if (o->brk) {
        int want = o->brk;
        o->brk = o->ws = o->sep = 0;
        if (!o->tl) return;
        trim(o);
        if (!o->tl) return;
        int have = 0;
        while (have < 2 && (size_t)have < o->tl && o->t[o->tl - 1 - have] == '\n') have++;
        if (want > have) {
            size_t need = (size_t)(want - have), k = 0;
            while (k < need && o->bs + k < o->be && o->src[o->bs + k] == '\n') k++;
            if (k == need)
                emit(o, o->src + o->bs, need, o->bs, need, 1);
            else
                put(o, "\n\n", need, o->bs, o->be);
        }
        return;
    }
    if (o->ws) {
        o->ws = o->sep = 0;
        if (o->tl && !isws(U(o->t[o->tl - 1])) && !isws(next)) {
            const char *sp = memchr(o->src + o->ws_s, ' ', o->ws_e - o->ws_s);
            if (sp)
                emit(o, sp, 1, (size_t)(sp - o->src), 1, 1);
            else if (o->ws_e - o->ws_s > 1)
                put(o, " ", 1, o->ws_s, o->ws_e);
            else
                emit(o, "  ", 2, o->ws_s, 1, 0);
        }
        return;
    }
    if (o->sep) {
        o->sep = 0;
        if (o->tl && isword(U(o->t[o->tl - 1])) && isword(next)) put(o, " ", 1, o->ss, o->se);
    }
}

/* Prepares for text starting with byte next; opens a pending heading's range. */
static void content(sink *o, int next)
{
    if (o->brk || o->ws || o->sep) flush(o, next);
    if (o->hopen && o->hstart == NONE) o->hstart = o->tl;
}

/* Copies src[s .. e) into the text. */
static void copy(sink *o, size_t s, size_t e)
{
    if (s >= e) return;
    content(o, U(o->src[s]));
    emit(o, o->src + s, e - s, s, e - s, 1);
}

/* Appends txt[0 .. n) as the replacement of src[s .. e). */
static void repl(sink *o, const char *txt, size_t n, size_t s, size_t e)
{
    content(o, U(txt[0]));
    put(o, txt, n, s, e);
}

/*
** Records a block end of the given level for the markup src[s .. e); add
** makes consecutive ends add up (<br><br>) instead of merging.
*/
static void brk(sink *o, int level, int add, size_t s, size_t e)
{
    if (s < o->lastend) s = o->lastend;
    if (s >= e) return;
    if (!o->brk) {
        o->bs = s;
        o->be = e;
    } else if (e > o->be) {
        o->be = e;
    }
    int l = add ? o->brk + level : (level > o->brk ? level : o->brk);
    o->brk = l > 2 ? 2 : l;
}

/* Records dropped markup src[s .. e) that must not glue two words. */
static void sepr(sink *o, size_t s, size_t e)
{
    if (s < o->lastend) s = o->lastend;
    if (s >= e) return;
    if (!o->sep) {
        o->sep = 1;
        o->ss = s;
        o->se = e;
    } else if (e > o->se) {
        o->se = e;
    }
}

/* Records collapsible white space src[s .. e) (the first run wins). */
static void wsp(sink *o, size_t s, size_t e)
{
    if (s < o->lastend) s = o->lastend;
    if (s >= e || o->ws) return;
    o->ws = 1;
    o->ws_s = s;
    o->ws_e = e;
}

/* Copies src[s .. e) keeping its line structure: each newline is a block end. */
static void rawcopy(sink *o, size_t s, size_t e)
{
    const char *src = o->src;
    while (s < e && !o->oom) {
        if (src[s] == '\n') {
            brk(o, 1, 1, s, s + 1);
            s++;
        } else if (src[s] == '\r') {
            s++;
        } else {
            size_t r = s;
            while (r < e && src[r] != '\n' && src[r] != '\r') r++;
            copy(o, s, r);
            s = r;
        }
    }
}

/* Opens a heading; its range starts with the next text. */
static void hbegin(sink *o, int level)
{
    if (o->hopen) return;
    o->hopen = 1;
    o->hlevel = (uint8_t)level;
    o->hstart = NONE;
}

/* Closes the open heading, recording its text without surrounding space. */
static void hend(sink *o)
{
    if (!o->hopen) return;
    o->hopen = 0;
    if (o->hstart == NONE || o->oom) return;
    size_t a = o->hstart, z = o->tl;
    while (a < z && isws(U(o->t[a]))) a++;
    while (z > a && isws(U(o->t[z - 1]))) z--;
    if (a == z) return;
    if (o->nh == o->hcap) {
        sift_heading *h = grow(o->hd, &o->hcap, o->nh + 1, sizeof *h);
        if (!h) {
            o->oom = 1;
            return;
        }
        o->hd = h;
    }
    o->hd[o->nh++] = (sift_heading){(uint32_t)a, (uint32_t)z, o->hlevel};
}

/* A NUL-terminated copy of s[0 .. n) with white space collapsed and trimmed,
** or NULL when nothing is left (or memory runs out, which sets oom). */
static char *cleandup(sink *o, const char *s, size_t n)
{
    char *d = FMT_REALLOC(NULL, n + 1);
    if (!d) {
        o->oom = 1;
        return NULL;
    }
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        if (isws(U(s[i]))) {
            space = 1;
            continue;
        }
        if (space && k) d[k++] = ' ';
        space = 0;
        d[k++] = s[i];
    }
    d[k] = 0;
    if (!k) {
        free(d);
        return NULL;
    }
    return d;
}

/*
** Ends the text: trailing blanks go (markup only: plain text stays a copy), a
** pending block end becomes at most one newline, the title falls back to the
** first level-1 heading, and everything moves into *p. On failure everything
** is released and *p zeroed.
*/
static int finish(sink *o, int markup, sift_plain *p)
{
    hend(o);
    if (markup) trim(o);
    if (o->brk && o->tl) {
        o->brk = 1;
        flush(o, '\n');
    }
    o->brk = o->ws = o->sep = 0;
    if (!o->oom && o->tl + 1 > o->tc) {
        char *t = grow(o->t, &o->tc, o->tl + 1, 1);
        if (t)
            o->t = t;
        else
            o->oom = 1;
    }
    if (!o->oom) o->t[o->tl] = 0;
    if (!o->oom && !o->title) {
        for (size_t i = 0; i < o->nh; i++) {
            if (o->hd[i].level != 1) continue;
            o->title = cleandup(o, o->t + o->hd[i].start, o->hd[i].end - o->hd[i].start);
            break;
        }
    }
    if (o->oom) {
        free(o->t);
        free(o->pc);
        free(o->hd);
        free(o->title);
        memset(p, 0, sizeof *p);
        return -1;
    }
    p->text = o->t;
    p->len = o->tl;
    p->pieces = o->pc;
    p->npieces = o->np;
    p->headings = o->hd;
    p->nheadings = o->nh;
    p->title = o->title;
    return 0;
}

/* --------------------------------------------------------------- entities */

typedef struct {
    const char *name;
    uint32_t cp;
} entname;

/* Named character references, sorted by strcmp for binary search. */
static const entname enttab[] = {
    {"AElig", 198},    {"AMP", 38},       {"Aacute", 193},  {"Acirc", 194},   {"Agrave", 192},
    {"Alpha", 913},    {"Aring", 197},    {"Atilde", 195},  {"Auml", 196},    {"Beta", 914},
    {"COPY", 169},     {"Ccedil", 199},   {"Chi", 935},     {"Dagger", 8225}, {"Delta", 916},
    {"ETH", 208},      {"Eacute", 201},   {"Ecirc", 202},   {"Egrave", 200},  {"Epsilon", 917},
    {"Eta", 919},      {"Euml", 203},     {"GT", 62},       {"Gamma", 915},   {"Iacute", 205},
    {"Icirc", 206},    {"Igrave", 204},   {"Iota", 921},    {"Iuml", 207},    {"Kappa", 922},
    {"LT", 60},        {"Lambda", 923},   {"Mu", 924},      {"Ntilde", 209},  {"Nu", 925},
    {"OElig", 338},    {"Oacute", 211},   {"Ocirc", 212},   {"Ograve", 210},  {"Omega", 937},
    {"Omicron", 927},  {"Oslash", 216},   {"Otilde", 213},  {"Ouml", 214},    {"Phi", 934},
    {"Pi", 928},       {"Prime", 8243},   {"Psi", 936},     {"QUOT", 34},     {"REG", 174},
    {"Rho", 929},      {"Scaron", 352},   {"Sigma", 931},   {"THORN", 222},   {"TRADE", 8482},
    {"Tau", 932},      {"Theta", 920},    {"Uacute", 218},  {"Ucirc", 219},   {"Ugrave", 217},
    {"Upsilon", 933},  {"Uuml", 220},     {"Xi", 926},      {"Yacute", 221},  {"Yuml", 376},
    {"Zeta", 918},     {"aacute", 225},   {"acirc", 226},   {"acute", 180},   {"aelig", 230},
    {"agrave", 224},   {"alefsym", 8501}, {"alpha", 945},   {"amp", 38},      {"and", 8743},
    {"ang", 8736},     {"apos", 39},      {"aring", 229},   {"ast", 42},      {"asymp", 8776},
    {"atilde", 227},   {"auml", 228},     {"bdquo", 8222},  {"beta", 946},    {"brvbar", 166},
    {"bsol", 92},      {"bull", 8226},    {"bullet", 8226}, {"cap", 8745},    {"ccedil", 231},
    {"cedil", 184},    {"cent", 162},     {"check", 10003}, {"chi", 967},     {"circ", 710},
    {"clubs", 9827},   {"colon", 58},     {"comma", 44},    {"commat", 64},   {"cong", 8773},
    {"copy", 169},     {"copysr", 8471},  {"crarr", 8629},  {"cross", 10007}, {"cup", 8746},
    {"curren", 164},   {"dArr", 8659},    {"dagger", 8224}, {"darr", 8595},   {"dash", 8208},
    {"deg", 176},      {"delta", 948},    {"diams", 9830},  {"divide", 247},  {"dollar", 36},
    {"eacute", 233},   {"ecirc", 234},    {"egrave", 232},  {"empty", 8709},  {"emsp", 8195},
    {"ensp", 8194},    {"epsilon", 949},  {"equals", 61},   {"equiv", 8801},  {"eta", 951},
    {"eth", 240},      {"euml", 235},     {"euro", 8364},   {"excl", 33},     {"exist", 8707},
    {"fnof", 402},     {"forall", 8704},  {"frac12", 189},  {"frac14", 188},  {"frac34", 190},
    {"frasl", 8260},   {"gamma", 947},    {"ge", 8805},     {"grave", 96},    {"gt", 62},
    {"hArr", 8660},    {"half", 189},     {"harr", 8596},   {"hearts", 9829}, {"hellip", 8230},
    {"horbar", 8213},  {"hyphen", 8208},  {"iacute", 237},  {"icirc", 238},   {"iexcl", 161},
    {"igrave", 236},   {"image", 8465},   {"infin", 8734},  {"int", 8747},    {"iota", 953},
    {"iquest", 191},   {"isin", 8712},    {"iuml", 239},    {"kappa", 954},   {"lArr", 8656},
    {"lambda", 955},   {"lang", 10216},   {"laquo", 171},   {"larr", 8592},   {"lceil", 8968},
    {"lcub", 123},     {"ldquo", 8220},   {"le", 8804},     {"lfloor", 8970}, {"lowast", 8727},
    {"lowbar", 95},    {"loz", 9674},     {"lpar", 40},     {"lrm", 8206},    {"lsaquo", 8249},
    {"lsqb", 91},      {"lsquo", 8216},   {"lt", 60},       {"macr", 175},    {"mdash", 8212},
    {"micro", 181},    {"middot", 183},   {"minus", 8722},  {"mldr", 8230},   {"mu", 956},
    {"nabla", 8711},   {"nbsp", 160},     {"ndash", 8211},  {"ne", 8800},     {"ni", 8715},
    {"nldr", 8229},    {"not", 172},      {"notin", 8713},  {"nsub", 8836},   {"ntilde", 241},
    {"nu", 957},       {"num", 35},       {"numero", 8470}, {"oacute", 243},  {"ocirc", 244},
    {"oelig", 339},    {"ograve", 242},   {"oline", 8254},  {"omega", 969},   {"omicron", 959},
    {"oplus", 8853},   {"or", 8744},      {"ordf", 170},    {"ordm", 186},    {"oslash", 248},
    {"otilde", 245},   {"otimes", 8855},  {"ouml", 246},    {"para", 182},    {"part", 8706},
    {"percnt", 37},    {"period", 46},    {"permil", 8240}, {"perp", 8869},   {"phi", 966},
    {"pi", 960},       {"piv", 982},      {"plus", 43},     {"plusmn", 177},  {"pound", 163},
    {"prime", 8242},   {"prod", 8719},    {"prop", 8733},   {"psi", 968},     {"quest", 63},
    {"quot", 34},      {"rArr", 8658},    {"radic", 8730},  {"rang", 10217},  {"raquo", 187},
    {"rarr", 8594},    {"rceil", 8969},   {"rcub", 125},    {"rdquo", 8221},  {"rdquor", 8221},
    {"real", 8476},    {"reg", 174},      {"rfloor", 8971}, {"rho", 961},     {"rlm", 8207},
    {"rpar", 41},      {"rsaquo", 8250},  {"rsqb", 93},     {"rsquo", 8217},  {"rsquor", 8217},
    {"sbquo", 8218},   {"scaron", 353},   {"sdot", 8901},   {"sect", 167},    {"semi", 59},
    {"shy", 173},      {"sigma", 963},    {"sigmaf", 962},  {"sim", 8764},    {"sol", 47},
    {"spades", 9824},  {"star", 9734},    {"starf", 9733},  {"sub", 8834},    {"sube", 8838},
    {"sum", 8721},     {"sup", 8835},     {"sup1", 185},    {"sup2", 178},    {"sup3", 179},
    {"supe", 8839},    {"szlig", 223},    {"tau", 964},     {"there4", 8756}, {"theta", 952},
    {"thetasym", 977}, {"thinsp", 8201},  {"thorn", 254},   {"tilde", 732},   {"times", 215},
    {"trade", 8482},   {"uArr", 8657},    {"uacute", 250},  {"uarr", 8593},   {"ucirc", 251},
    {"ugrave", 249},   {"uml", 168},      {"upsih", 978},   {"upsilon", 965}, {"uuml", 252},
    {"verbar", 124},   {"weierp", 8472},  {"xi", 958},      {"yacute", 253},  {"yen", 165},
    {"yuml", 255},     {"zeta", 950},     {"zwj", 8205},    {"zwnj", 8204},
};

/* Names also recognised without the final ';', as browsers do. */
static const char *const legacy[] = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg",
                                     "AMP", "LT", "GT", "QUOT", "COPY", "REG"};

/* HTML maps references to C1 controls to the Windows-1252 characters. */
static const uint16_t cp1252[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

/* strcmp of a[0 .. n) against the NUL-terminated b. */
static int namecmp(const char *a, size_t n, const char *b)
{
    size_t i = 0;
    for (; i < n && b[i]; i++)
        if (a[i] != b[i]) return U(a[i]) < U(b[i]) ? -1 : 1;
    if (i < n) return 1;
    return b[i] ? -1 : 0;
}

/* The code point named a[0 .. n), or 0 when the name is unknown. */
static uint32_t entlookup(const char *a, size_t n)
{
    size_t lo = 0, hi = sizeof enttab / sizeof enttab[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = namecmp(a, n, enttab[mid].name);
        if (!c) return enttab[mid].cp;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/*
** Decodes the character reference at s[p] == '&' within s[0 .. n): numeric
** forms (decimal or hex, ';' optional; invalid code points become U+FFFD)
** and the named ones in enttab. Returns the bytes consumed and sets *cp, or
** returns 0 when there is no known reference (the '&' is then literal).
*/
static size_t entity(const char *s, size_t n, size_t p, uint32_t *cp)
{
    size_t q = p + 1;
    if (q < n && s[q] == '#') {
        int hex = 0;
        q++;
        if (q < n && (s[q] == 'x' || s[q] == 'X')) {
            hex = 1;
            q++;
        }
        size_t d = q;
        uint32_t v = 0;
        int big = 0;
        for (; q < n; q++) {
            int c = U(s[q]), k;
            if (isdigit_(c))
                k = c - '0';
            else if (hex && lower(c) >= 'a' && lower(c) <= 'f')
                k = lower(c) - 'a' + 10;
            else
                break;
            if (!big) {
                v = v * (hex ? 16u : 10u) + (uint32_t)k;
                if (v > 0x10FFFF) big = 1;
            }
        }
        if (q == d) return 0;
        if (q < n && s[q] == ';') q++;
        if (big || v == 0 || (v >= 0xD800 && v <= 0xDFFF))
            v = 0xFFFD;
        else if (v >= 0x80 && v <= 0x9F)
            v = cp1252[v - 0x80];
        *cp = v;
        return q - p;
    }
    size_t a = q;
    while (q < n && q - a < 32 && isalnum_(U(s[q]))) q++;
    if (q == a || (q < n && isalnum_(U(s[q])))) return 0;
    uint32_t v = entlookup(s + a, q - a);
    if (!v) return 0;
    if (q < n && s[q] == ';') {
        *cp = v;
        return q + 1 - p;
    }
    if (q < n && s[q] == '=') return 0;
    for (size_t i = 0; i < sizeof legacy / sizeof legacy[0]; i++) {
        if (!namecmp(s + a, q - a, legacy[i])) {
            *cp = v;
            return q - p;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------- tags */

/* What a tag does to the text. */
enum {
    T_NONE,   /* unknown name */
    T_INLINE, /* formatting inside a line: dropped, words stay glued */
    T_BR,     /* line break */
    T_BLK1,   /* block ending a line */
    T_BLK2,   /* block ending a paragraph */
    T_H,      /* h1 .. h6 */
    T_PRE,    /* preformatted block */
    T_RAW,    /* script, style: raw text, dropped */
    T_SKIP,   /* content dropped up to the closing tag */
    T_TITLE,  /* <title> */
    T_HEAD,   /* <head> */
    T_BODY,   /* <body>, <html> */
    T_SEP,    /* void or replaced element: dropped, separates words */
    T_REF,    /* MediaWiki <ref> */
    T_REFS,   /* MediaWiki <references> */
    T_NOWIKI, /* MediaWiki <nowiki> */
    T_WRAW    /* MediaWiki <syntaxhighlight>, <source>: literal block */
};

typedef struct {
    const char *name;
    uint8_t cls;
} tagname;

/* Known element names (HTML and MediaWiki extensions), sorted for bsearch. */
static const tagname tagtab[] = {
    {"a", T_INLINE},
    {"abbr", T_INLINE},
    {"acronym", T_INLINE},
    {"address", T_BLK2},
    {"area", T_SEP},
    {"article", T_BLK2},
    {"aside", T_BLK2},
    {"audio", T_SKIP},
    {"b", T_INLINE},
    {"base", T_SEP},
    {"bdi", T_INLINE},
    {"bdo", T_INLINE},
    {"big", T_INLINE},
    {"blockquote", T_BLK2},
    {"body", T_BODY},
    {"br", T_BR},
    {"button", T_SEP},
    {"canvas", T_SKIP},
    {"caption", T_BLK1},
    {"categorytree", T_SKIP},
    {"ce", T_SKIP},
    {"center", T_BLK1},
    {"chem", T_SKIP},
    {"cite", T_INLINE},
    {"code", T_INLINE},
    {"col", T_SEP},
    {"colgroup", T_SEP},
    {"data", T_INLINE},
    {"dd", T_BLK1},
    {"del", T_INLINE},
    {"details", T_BLK2},
    {"dfn", T_INLINE},
    {"dir", T_BLK2},
    {"div", T_BLK1},
    {"dl", T_BLK2},
    {"dt", T_BLK1},
    {"em", T_INLINE},
    {"embed", T_SEP},
    {"fieldset", T_BLK2},
    {"figcaption", T_BLK1},
    {"figure", T_BLK2},
    {"font", T_INLINE},
    {"footer", T_BLK2},
    {"form", T_BLK2},
    {"gallery", T_SKIP},
    {"graph", T_SKIP},
    {"h1", T_H},
    {"h2", T_H},
    {"h3", T_H},
    {"h4", T_H},
    {"h5", T_H},
    {"h6", T_H},
    {"head", T_HEAD},
    {"header", T_BLK2},
    {"hgroup", T_BLK2},
    {"hiero", T_SKIP},
    {"hr", T_BLK2},
    {"html", T_BODY},
    {"i", T_INLINE},
    {"iframe", T_SKIP},
    {"imagemap", T_SKIP},
    {"img", T_SEP},
    {"includeonly", T_SKIP},
    {"indicator", T_SKIP},
    {"input", T_SEP},
    {"inputbox", T_SKIP},
    {"ins", T_INLINE},
    {"kbd", T_INLINE},
    {"label", T_INLINE},
    {"legend", T_BLK1},
    {"li", T_BLK1},
    {"link", T_SEP},
    {"listing", T_PRE},
    {"main", T_BLK2},
    {"mapframe", T_SKIP},
    {"maplink", T_SKIP},
    {"mark", T_INLINE},
    {"math", T_SKIP},
    {"menu", T_BLK2},
    {"meta", T_SEP},
    {"nav", T_BLK2},
    {"nobr", T_INLINE},
    {"noinclude", T_INLINE},
    {"noscript", T_SKIP},
    {"nowiki", T_NOWIKI},
    {"object", T_SKIP},
    {"ol", T_BLK2},
    {"onlyinclude", T_INLINE},
    {"option", T_BLK1},
    {"p", T_BLK2},
    {"param", T_SEP},
    {"picture", T_SEP},
    {"poem", T_INLINE},
    {"pre", T_PRE},
    {"q", T_INLINE},
    {"ref", T_REF},
    {"references", T_REFS},
    {"rp", T_INLINE},
    {"rt", T_INLINE},
    {"ruby", T_INLINE},
    {"s", T_INLINE},
    {"samp", T_INLINE},
    {"score", T_SKIP},
    {"script", T_RAW},
    {"section", T_BLK2},
    {"select", T_SKIP},
    {"small", T_INLINE},
    {"source", T_WRAW},
    {"span", T_INLINE},
    {"strike", T_INLINE},
    {"strong", T_INLINE},
    {"style", T_RAW},
    {"sub", T_INLINE},
    {"summary", T_BLK1},
    {"sup", T_INLINE},
    {"svg", T_SKIP},
    {"syntaxhighlight", T_WRAW},
    {"table", T_BLK2},
    {"tbody", T_BLK1},
    {"td", T_BLK1},
    {"template", T_SKIP},
    {"templatedata", T_SKIP},
    {"textarea", T_SKIP},
    {"tfoot", T_BLK1},
    {"th", T_BLK1},
    {"thead", T_BLK1},
    {"time", T_INLINE},
    {"timeline", T_SKIP},
    {"title", T_TITLE},
    {"tr", T_BLK1},
    {"track", T_SEP},
    {"tt", T_INLINE},
    {"u", T_INLINE},
    {"ul", T_BLK2},
    {"var", T_INLINE},
    {"video", T_SKIP},
    {"wbr", T_INLINE},
    {"xmp", T_RAW},
};

#define NTAGS (sizeof tagtab / sizeof tagtab[0])

typedef struct {
    size_t end; /* one past the closing '>' */
    int close, selfclose;
    int idx; /* index in tagtab, or -1 */
    int cls;
    int level; /* 1 .. 6 for h1 .. h6 */
} tag;

/* Looks the name a[0 .. n) up (ignoring case); returns whether it is known. */
static int settag(tag *t, const char *a, size_t n)
{
    char low[16];
    t->idx = -1;
    t->cls = T_NONE;
    if (n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++) low[i] = (char)lower(U(a[i]));
    size_t lo = 0, hi = NTAGS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = namecmp(low, n, tagtab[mid].name);
        if (!c) {
            t->idx = (int)mid;
            t->cls = tagtab[mid].cls;
            if (t->cls == T_H) t->level = low[1] - '0';
            return 1;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/*
** Parses a tag at s[p] == '<' the way a browser does: any name, attributes
** with quoted values that may hold '>'. A quoted value left open ends the tag
** at the next '>'. Returns 0 when there is no tag; *eof is set when the tag
** runs to the end of the input (the rest of the input is then markup).
*/
static int taglenient(const char *s, size_t n, size_t p, tag *t, int *eof)
{
    size_t q = p + 1;
    memset(t, 0, sizeof *t);
    t->idx = -1;
    *eof = 0;
    if (q < n && s[q] == '/') {
        t->close = 1;
        q++;
    }
    if (q >= n || !isalpha_(U(s[q]))) return 0;
    size_t a = q;
    while (q < n && !isws(U(s[q])) && s[q] != '/' && s[q] != '>') q++;
    settag(t, s + a, q - a);
    while (q < n) {
        int c = U(s[q]);
        if (c == '>') {
            t->end = q + 1;
            return 1;
        }
        if (isws(c) || c == '/') {
            if (c == '/' && q + 1 < n && s[q + 1] == '>') t->selfclose = 1;
            q++;
            continue;
        }
        q++;
        while (q < n && !isws(U(s[q])) && s[q] != '/' && s[q] != '>' && s[q] != '=') q++;
        size_t r = q;
        while (r < n && isws(U(s[r]))) r++;
        if (r >= n || s[r] != '=') continue;
        r++;
        while (r < n && isws(U(s[r]))) r++;
        if (r < n && (s[r] == '"' || s[r] == '\'')) {
            const char *z = memchr(s + r + 1, s[r], n - r - 1);
            if (!z) {
                const char *g = memchr(s + r + 1, '>', n - r - 1);
                if (!g) break;
                t->end = (size_t)(g - s) + 1;
                return 1;
            }
            q = (size_t)(z - s) + 1;
        } else {
            while (r < n && !isws(U(s[r])) && s[r] != '>') r++;
            q = r;
        }
    }
    *eof = 1;
    return 0;
}

/*
** Parses a well-formed tag with a known name at s[p] == '<' (for HTML inside
** Markdown and MediaWiki, where a stray '<' is common text). Attribute names
** and unquoted values cannot contain '<', so a failed parse never walks over
** another tag's start. Returns 0 when there is no such tag.
*/
static int tagstrict(const char *s, size_t n, size_t p, tag *t)
{
    size_t q = p + 1;
    memset(t, 0, sizeof *t);
    t->idx = -1;
    if (q < n && s[q] == '/') {
        t->close = 1;
        q++;
    }
    size_t a = q;
    while (q < n && q - a < 16 && (isalnum_(U(s[q])) || s[q] == '-')) q++;
    if (q == a || !isalpha_(U(s[a])) || !settag(t, s + a, q - a)) return 0;
    if (t->close) {
        while (q < n && isws(U(s[q]))) q++;
        if (q < n && s[q] == '>') {
            t->end = q + 1;
            return 1;
        }
        return 0;
    }
    for (;;) {
        size_t w = q;
        while (q < n && isws(U(s[q]))) q++;
        if (q >= n) return 0;
        if (s[q] == '>') {
            t->end = q + 1;
            return 1;
        }
        if (s[q] == '/') {
            if (q + 1 < n && s[q + 1] == '>') {
                t->selfclose = 1;
                t->end = q + 2;
                return 1;
            }
            return 0;
        }
        int c = U(s[q]);
        if (q == w || !(isalpha_(c) || c == '_' || c == ':')) return 0;
        while (q < n &&
               (isalnum_(U(s[q])) || s[q] == '_' || s[q] == '.' || s[q] == ':' || s[q] == '-'))
            q++;
        size_t r = q;
        while (r < n && isws(U(s[r]))) r++;
        if (r >= n || s[r] != '=') continue;
        r++;
        while (r < n && isws(U(s[r]))) r++;
        if (r >= n) return 0;
        if (s[r] == '"' || s[r] == '\'') {
            const char *z = memchr(s + r + 1, s[r], n - r - 1);
            if (!z) return 0;
            q = (size_t)(z - s) + 1;
        } else {
            size_t v = r;
            while (r < n && !isws(U(s[r])) && s[r] != '"' && s[r] != '\'' && s[r] != '=' &&
                   s[r] != '<' && s[r] != '>' && s[r] != '`')
                r++;
            if (r == v) return 0;
            q = r;
        }
    }
}

/*
** Finds the closing tag of element idx at or after p ("</name" followed by
** space, '/' or '>'), using and filling the per-element finder fs[idx].
** Returns its position, or n when there is none.
*/
static size_t findclose(finder *fs, int idx, const char *s, size_t n, size_t p)
{
    finder *f = &fs[idx];
    if (!f->init) {
        char pat[24] = "</";
        strncat(pat, tagtab[idx].name, sizeof pat - 3);
        finit(f, pat, 1);
    }
    for (;;) {
        size_t z = find(f, s, n, p);
        if (z >= n) return n;
        size_t k = z + f->plen;
        if (k >= n || isws(U(s[k])) || s[k] == '>' || s[k] == '/') return z;
        p = z + 1;
    }
}

/* One past the '>' ending the closing tag at z, or n. */
static size_t closeend(const char *s, size_t n, size_t z)
{
    const char *g = memchr(s + z, '>', n - z);
    return g ? (size_t)(g - s) + 1 : n;
}

/* A NUL-terminated, entity-decoded, space-collapsed copy of s[a .. z). */
static char *titledup(sink *o, const char *s, size_t a, size_t z)
{
    char *d = FMT_REALLOC(NULL, z - a + 4);
    if (!d) {
        o->oom = 1;
        return NULL;
    }
    size_t k = 0;
    for (size_t p = a; p < z;) {
        uint32_t cp;
        size_t m = s[p] == '&' ? entity(s, z, p, &cp) : 0;
        if (m) {
            k += utf8(cp, d + k);
            p += m;
        } else {
            d[k++] = s[p++];
        }
    }
    char *r = cleandup(o, d, k);
    free(d);
    return r;
}

/* ------------------------------------------------------------------- HTML */

/*
** HTML is one forward scan over text and tags, parsed as browsers do
** (lenient tags, raw text in script and style, comments running to the end
** of an unclosed input). head and pre count the open <head> and <pre>.
*/
typedef struct {
    sink *o;
    const char *s;
    size_t n;
    finder lt, gt, cmt, cdata;
    finder cf[NTAGS];
    int head, pre;
} html;

/* Text of src[p .. e): white space collapses (kept in <pre>), entities
** decode when decode is set, everything is dropped inside <head>. */
static void h_text(html *h, size_t p, size_t e, int decode)
{
    sink *o = h->o;
    const char *s = h->s;
    while (p < e && !o->oom) {
        int c = U(s[p]);
        if (isws(c)) {
            size_t q = p + 1;
            while (q < e && isws(U(s[q]))) q++;
            if (!h->head && h->pre)
                rawcopy(o, p, q);
            else if (!h->head)
                wsp(o, p, q);
            p = q;
        } else if (c == '&' && decode) {
            uint32_t cp;
            size_t k = entity(s, e, p, &cp);
            if (!k) {
                if (!h->head) copy(o, p, p + 1);
                p++;
            } else {
                char u[4];
                if (!h->head) repl(o, u, utf8(cp, u), p, p + k);
                p += k;
            }
        } else {
            size_t q = p + 1;
            while (q < e && !isws(U(s[q])) && s[q] != '&') q++;
            if (!h->head) copy(o, p, q);
            p = q;
        }
    }
}

/* Whether element idx may appear in <head> without ending it. */
static int headish(int idx)
{
    static const char *const names[] = {"base",   "link",  "meta",     "noscript",
                                        "script", "style", "template", "title"};
    if (idx < 0) return 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(tagtab[idx].name, names[i])) return 1;
    return 0;
}

/* Applies the tag t spanning src[p .. t->end); returns where scanning resumes. */
static size_t h_tag(html *h, size_t p, const tag *t)
{
    sink *o = h->o;
    const char *s = h->s;
    size_t n = h->n, e = t->end, z;
    if (h->head && !t->close && t->cls != T_HEAD && !headish(t->idx)) h->head = 0;
    switch (t->cls) {
    case T_HEAD:
        h->head = !t->close;
        return e;
    case T_BODY:
        if (!t->close) h->head = 0;
        return e;
    case T_TITLE:
        if (t->close) return e;
        z = findclose(h->cf, t->idx, s, n, e);
        if (z >= n) return e;
        if (!o->title && !o->oom) o->title = titledup(o, s, e, z);
        return closeend(s, n, z);
    case T_RAW:
        if (t->close) return e;
        z = findclose(h->cf, t->idx, s, n, e);
        if (z >= n) return n;
        z = closeend(s, n, z);
        sepr(o, p, z);
        return z;
    case T_SKIP:
        if (!t->close && !t->selfclose) {
            z = findclose(h->cf, t->idx, s, n, e);
            if (z < n) e = closeend(s, n, z);
        }
        sepr(o, p, e);
        return e;
    case T_BR:
        brk(o, 1, 1, p, e);
        return e;
    case T_BLK1:
        brk(o, 1, 0, p, e);
        return e;
    case T_BLK2:
        brk(o, 2, 0, p, e);
        return e;
    case T_H:
        if (t->close) hend(o);
        brk(o, 2, 0, p, e);
        if (!t->close) hbegin(o, t->level);
        return e;
    case T_PRE:
        brk(o, 2, 0, p, e);
        if (!t->close)
            h->pre++;
        else if (h->pre)
            h->pre--;
        return e;
    case T_INLINE:
        return e;
    default:
        sepr(o, p, e);
        return e;
    }
}

/* Handles the markup starting at src[p] == '<'; returns where scanning resumes. */
static size_t h_markup(html *h, size_t p)
{
    sink *o = h->o;
    const char *s = h->s;
    size_t n = h->n, z;
    int c = p + 1 < n ? U(s[p + 1]) : 0;
    if (c == '!' && startsci(s, n, p, "<!--")) {
        if (p + 4 < n && s[p + 4] == '>')
            z = p + 5;
        else if (startsci(s, n, p + 4, "->"))
            z = p + 6;
        else {
            z = find(&h->cmt, s, n, p + 4);
            z = z < n ? z + 3 : n;
        }
        sepr(o, p, z);
        return z;
    }
    if (c == '!' && startsci(s, n, p, "<![cdata[")) {
        z = find(&h->cdata, s, n, p + 9);
        h_text(h, p + 9, z, 0);
        return z < n ? z + 3 : n;
    }
    if (c == '!' || c == '?' || (c == '/' && p + 2 < n && !isalpha_(U(s[p + 2])))) {
        z = find(&h->gt, s, n, p + 1);
        if (z >= n) return n;
        sepr(o, p, z + 1);
        return z + 1;
    }
    tag t;
    int eof = 0;
    if ((isalpha_(c) || c == '/') && find(&h->gt, s, n, p + 1) < n) {
        if (taglenient(s, n, p, &t, &eof)) return h_tag(h, p, &t);
        if (eof) return n;
    }
    if (!h->head) copy(o, p, p + 1);
    return p + 1;
}

/* Strips HTML: text runs between '<' are decoded, each '<' is markup or literal. */
static void strip_html(sink *o)
{
    html h;
    memset(&h, 0, sizeof h);
    h.o = o;
    h.s = o->src;
    h.n = o->n;
    finit(&h.lt, "<", 0);
    finit(&h.gt, ">", 0);
    finit(&h.cmt, "-->", 0);
    finit(&h.cdata, "]]>", 0);
    size_t p = 0;
    while (p < h.n && !o->oom) {
        size_t lt = find(&h.lt, h.s, h.n, p);
        if (lt > p) h_text(&h, p, lt, 1);
        if (lt >= h.n) break;
        p = h_markup(&h, lt);
    }
}

/* --------------------------------------------------------------- Markdown */

/*
** Markdown is handled per block: lines are classified (blank, heading, rule,
** fence, list item, quote, reference definition, paragraph text) and the
** lines of a paragraph are joined into one buffer (or used in place when the
** paragraph is a single line). Inline markup is then found in two passes over
** that buffer: the first records edits (bytes to drop, entities, breaks) and
** matches emphasis with CommonMark's delimiter algorithm; the second emits the
** text between edits, mapping buffer offsets back to the source through the
** segment list.
*/

typedef struct {
    uint32_t b, s, n; /* buffer offset, source offset, length */
    uint8_t nl;       /* the line break between two lines */
} seg;

enum { E_DROP, E_SEP, E_ENT, E_BR, E_BLK1, E_BLK2 };

typedef struct {
    uint32_t s, e, aux;
    uint8_t k;
} edit;

typedef struct {
    uint32_t s, e, prev, next; /* remaining marks [s, e); list links */
    uint8_t c, open, close;
} delim;

typedef struct {
    uint32_t pos, dbot; /* '[' or '!' position; delimiter stack size at push */
} opener;

/*
** Markdown state: the paragraph being collected (segments sg, open flags,
** its quote depth and last line break), the inline buffer with the edits,
** delimiter and bracket stacks of its passes, and the defined link labels.
*/
typedef struct {
    sink *o;
    const char *s;
    size_t n;
    seg *sg;
    size_t nsg, sgcap;
    char *buf;
    size_t bufcap;
    const char *b; /* current inline buffer */
    size_t bn;
    edit *ed;
    size_t ned, edcap;
    delim *dl;
    size_t ndl, dlcap;
    opener *op;
    size_t nop, opcap, inactive;
    uint64_t *defs;
    size_t ndefs, defcap;
    uint32_t runs[33]; /* start of the last backtick run of each length */
    int haveruns;
    size_t destfail;
    finder bcmt, bdq, bsq, bpar, dcmt;
    finder bcf[NTAGS], dcf[NTAGS];
    int used[NTAGS];
    size_t nused;
    int popen, plist, pdepth, lastdepth;
    size_t plastnl;
} md;

/* Bytes that may start inline Markdown markup. */
static int mdspecial(int c)
{
    return c && strchr("\\`*_~![]<&", c) != NULL;
}

static void addedit(md *m, size_t s, size_t e, int k, uint32_t aux)
{
    if (m->ned == m->edcap) {
        edit *ed = grow(m->ed, &m->edcap, m->ned + 1, sizeof *ed);
        if (!ed) {
            m->o->oom = 1;
            return;
        }
        m->ed = ed;
    }
    m->ed[m->ned++] = (edit){(uint32_t)s, (uint32_t)e, aux, (uint8_t)k};
}

static void addseg(md *m, size_t s, size_t n, int nl)
{
    if (m->nsg == m->sgcap) {
        seg *sg = grow(m->sg, &m->sgcap, m->nsg + 1, sizeof *sg);
        if (!sg) {
            m->o->oom = 1;
            return;
        }
        m->sg = sg;
    }
    uint32_t b = m->nsg ? m->sg[m->nsg - 1].b + m->sg[m->nsg - 1].n : 0;
    m->sg[m->nsg++] = (seg){b, (uint32_t)s, (uint32_t)n, (uint8_t)nl};
}

/* Index of the segment holding buffer offset i. */
static size_t segat(const md *m, size_t i)
{
    size_t lo = 0, hi = m->nsg;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->sg[mid].b <= i)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Source offset of buffer offset i. */
static size_t bsrc(const md *m, size_t i)
{
    const seg *g = &m->sg[segat(m, i)];
    return g->s + (i - g->b);
}

/*
** Hash of a link label: ASCII case folded, white space runs collapsed and
** trimmed, so that "[Foo  Bar]" finds the definition "[foo bar]: ...".
*/
static uint64_t labelhash(const char *s, size_t a, size_t z)
{
    uint64_t h = 1469598103934665603u;
    int space = 0, any = 0;
    for (size_t i = a; i < z; i++) {
        int c = U(s[i]);
        if (isws(c)) {
            space = 1;
            continue;
        }
        if (space && any) h = (h ^ ' ') * 1099511628211u;
        space = 0;
        any = 1;
        h = (h ^ (uint64_t)lower(c)) * 1099511628211u;
    }
    return h;
}

static int cmpu64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Whether s[a .. z) is a label with a reference definition. */
static int isdef(const md *m, const char *s, size_t a, size_t z)
{
    if (!m->ndefs || z - a > 999) return 0;
    int any = 0;
    for (size_t i = a; i < z; i++) {
        if (s[i] == '[' || s[i] == ']') return 0;
        if (!isws(U(s[i]))) any = 1;
    }
    if (!any) return 0;
    uint64_t h = labelhash(s, a, z);
    return bsearch(&h, m->defs, m->ndefs, sizeof h, cmpu64) != NULL;
}

/*
** Whether the line content s[q .. le) (s[q] == '[') is a link reference
** definition "[label]: destination ...". Sets [*a, *z) to the label.
*/
static int defline(const char *s, size_t q, size_t le, size_t *a, size_t *z)
{
    size_t k = q + 1;
    if (k < le && s[k] == '^') return 0;
    while (k < le && k - q <= 1000 && s[k] != ']' && s[k] != '[') {
        if (s[k] == '\\' && k + 1 < le) k++;
        k++;
    }
    if (k + 1 >= le || s[k] != ']' || s[k + 1] != ':') return 0;
    size_t d = k + 2;
    while (d < le && isblank_(U(s[d]))) d++;
    if (d >= le) return 0;
    for (size_t i = q + 1; i < k; i++) {
        if (!isws(U(s[i]))) {
            *a = q + 1;
            *z = k;
            return 1;
        }
    }
    return 0;
}

/* Skips up to three spaces of indentation and any '>' quote markers. */
static size_t mdprefix(const char *s, size_t q, size_t le, int *depth)
{
    while (q < le && isblank_(U(s[q]))) q++;
    *depth = 0;
    while (q < le && s[q] == '>') {
        (*depth)++;
        q++;
        while (q < le && isblank_(U(s[q]))) q++;
    }
    return q;
}

/* Collects the labels of all reference definitions (they may follow their use). */
static void md_defs(md *m)
{
    const char *s = m->s;
    size_t n = m->n, p = 0;
    while (p < n && !m->o->oom) {
        const char *nl = memchr(s + p, '\n', n - p);
        size_t e = nl ? (size_t)(nl - s) : n, a, z;
        int depth;
        size_t q = mdprefix(s, p, e, &depth);
        if (q < e && s[q] == '[' && defline(s, q, e, &a, &z)) {
            if (m->ndefs == m->defcap) {
                uint64_t *d = grow(m->defs, &m->defcap, m->ndefs + 1, sizeof *d);
                if (!d) {
                    m->o->oom = 1;
                    return;
                }
                m->defs = d;
            }
            m->defs[m->ndefs++] = labelhash(s, a, z);
        }
        p = nl ? e + 1 : n;
    }
    if (m->ndefs) qsort(m->defs, m->ndefs, sizeof *m->defs, cmpu64);
}

/* Skips a YAML front matter block ("---" ... "---"); returns where text starts. */
static size_t md_front(const md *m)
{
    const char *s = m->s;
    size_t n = m->n, q = 3;
    if (n < 4 || memcmp(s, "---", 3) != 0) return 0;
    while (q < n && (isblank_(U(s[q])) || s[q] == '\r')) q++;
    if (q >= n || s[q] != '\n') return 0;
    size_t p = q + 1, k = p;
    while (k < n && (isalnum_(U(s[k])) || s[k] == '_' || s[k] == '-')) k++;
    if (k == p || k >= n || s[k] != ':') return 0;
    while (p < n) {
        const char *nl = memchr(s + p, '\n', n - p);
        size_t e = nl ? (size_t)(nl - s) : n, le = e;
        while (le > p && isws(U(s[le - 1]))) le--;
        if (le - p == 3 && (!memcmp(s + p, "---", 3) || !memcmp(s + p, "...", 3)))
            return nl ? e + 1 : n;
        p = nl ? e + 1 : n;
    }
    return 0;
}

static void pushop(md *m, size_t pos)
{
    if (m->nop == m->opcap) {
        opener *op = grow(m->op, &m->opcap, m->nop + 1, sizeof *op);
        if (!op) {
            m->o->oom = 1;
            return;
        }
        m->op = op;
    }
    m->op[m->nop++] = (opener){(uint32_t)pos, (uint32_t)m->ndl};
}

static void unlink_(delim *d, uint32_t i)
{
    if (d[i].prev != NIL) d[d[i].prev].next = d[i].next;
    if (d[i].next != NIL) d[d[i].next].prev = d[i].prev;
}

/*
** Matches the emphasis delimiters above bot (CommonMark's "process
** emphasis", without the rule of three): each closer takes the nearest
** opener of its kind, two marks when both have two, and the delimiters in
** between can no longer match. openers_bottom per kind keeps it linear.
*/
static void emph(md *m, size_t bot)
{
    delim *d = m->dl;
    size_t top = m->ndl;
    if (bot >= top) return;
    for (size_t i = bot; i < top; i++) {
        d[i].prev = i > bot ? (uint32_t)(i - 1) : NIL;
        d[i].next = i + 1 < top ? (uint32_t)(i + 1) : NIL;
    }
    long long ob[3] = {-1, -1, -1};
    uint32_t c = (uint32_t)bot;
    while (c != NIL && !m->o->oom) {
        delim *cl = &d[c];
        if (!cl->close || cl->s == cl->e) {
            c = cl->next;
            continue;
        }
        int k = cl->c == '*' ? 0 : cl->c == '_' ? 1 : 2;
        uint32_t f = NIL;
        for (uint32_t j = cl->prev; j != NIL && (long long)j > ob[k]; j = d[j].prev) {
            if (d[j].c == cl->c && d[j].open && d[j].s < d[j].e) {
                f = j;
                break;
            }
        }
        if (f == NIL) {
            ob[k] = cl->prev == NIL ? -1 : (long long)cl->prev;
            uint32_t nx = cl->next;
            if (!cl->open) unlink_(d, c);
            c = nx;
            continue;
        }
        delim *op = &d[f];
        uint32_t use = cl->c == '~' ? 2 : (cl->e - cl->s >= 2 && op->e - op->s >= 2) ? 2 : 1;
        addedit(m, op->e - use, op->e, E_DROP, 0);
        op->e -= use;
        addedit(m, cl->s, cl->s + use, E_DROP, 0);
        cl->s += use;
        op->next = c;
        cl->prev = f;
        if (op->s == op->e) unlink_(d, f);
        if (cl->s == cl->e) {
            uint32_t nx = cl->next;
            unlink_(d, c);
            c = nx;
        }
    }
}

/* A run of '*', '_' or '~' at i: pushed as a delimiter when it can open or close. */
static size_t md_delim(md *m, size_t i)
{
    const char *b = m->b;
    size_t n = m->bn, k = i;
    int ch = U(b[i]);
    while (k < n && b[k] == b[i]) k++;
    if (ch == '~' && k - i != 2) return k;
    int pv = i ? U(b[i - 1]) : '\n', nx = k < n ? U(b[k]) : '\n';
    int lf = !isws(nx) && (!ispunct_(nx) || isws(pv) || ispunct_(pv));
    int rf = !isws(pv) && (!ispunct_(pv) || isws(nx) || ispunct_(nx));
    int open = lf, close = rf;
    if (ch == '_') {
        open = lf && (!rf || ispunct_(pv));
        close = rf && (!lf || ispunct_(nx));
    }
    if (!open && !close) return k;
    if (m->ndl == m->dlcap) {
        delim *dl = grow(m->dl, &m->dlcap, m->ndl + 1, sizeof *dl);
        if (!dl) {
            m->o->oom = 1;
            return k;
        }
        m->dl = dl;
    }
    m->dl[m->ndl++] =
        (delim){(uint32_t)i, (uint32_t)k, NIL, NIL, (uint8_t)ch, (uint8_t)open, (uint8_t)close};
    return k;
}

/*
** A backtick run at i: a code span when a run of the same length follows
** (known from the per-length table, so an unmatched run costs nothing).
** The backticks go, the code stays, unprocessed.
*/
static size_t md_code(md *m, size_t i)
{
    const char *b = m->b;
    size_t n = m->bn, k = i;
    while (k < n && b[k] == '`') k++;
    size_t len = k - i;
    if (len > 32) return k;
    if (!m->haveruns) {
        for (int j = 0; j <= 32; j++) m->runs[j] = NIL;
        for (size_t q = 0; q < n;) {
            const char *z = memchr(b + q, '`', n - q);
            if (!z) break;
            size_t a = (size_t)(z - b), r = a;
            while (r < n && b[r] == '`') r++;
            if (r - a <= 32) m->runs[r - a] = (uint32_t)a;
            q = r;
        }
        m->haveruns = 1;
    }
    if (m->runs[len] == NIL || m->runs[len] <= i) return k;
    for (size_t j = k; j < n;) {
        const char *z = memchr(b + j, '`', n - j);
        if (!z) break;
        size_t a = (size_t)(z - b), r = a;
        while (r < n && b[r] == '`') r++;
        if (r - a == len) {
            size_t cs = k, ce = a;
            if (ce - cs >= 2 && (b[cs] == ' ' || b[cs] == '\n') &&
                (b[ce - 1] == ' ' || b[ce - 1] == '\n')) {
                cs++;
                ce--;
            }
            addedit(m, i, cs, E_DROP, 0);
            addedit(m, ce, r, E_DROP, 0);
            return r;
        }
        j = r;
    }
    return k;
}

/* Skips spaces and tabs and at most one line break. */
static size_t skipsp(const char *b, size_t n, size_t k)
{
    while (k < n && isblank_(U(b[k]))) k++;
    if (k < n && b[k] == '\n') k++;
    while (k < n && isblank_(U(b[k]))) k++;
    return k;
}

/*
** An inline link tail "(destination "title")" at b[j] == '('. Returns the
** offset after ')' or 0. A failure remembers how far it read, and a later
** tail starting before that point fails at once: this keeps runs of
** unclosed "](" linear at the cost of rare nested cases.
*/
static size_t md_dest(md *m, size_t j)
{
    const char *b = m->b;
    size_t n = m->bn, k;
    if (j < m->destfail) return 0;
    k = skipsp(b, n, j + 1);
    if (k < n && b[k] == '<') {
        size_t q = k + 1;
        while (q < n && b[q] != '>' && b[q] != '\n' && b[q] != '<') {
            if (b[q] == '\\' && q + 1 < n) q++;
            q++;
        }
        if (q >= n || b[q] != '>') {
            k = q;
            goto fail;
        }
        k = q + 1;
    } else {
        int depth = 0;
        while (k < n) {
            int c = U(b[k]);
            if (c == '\\' && k + 1 < n && ispunct_(U(b[k + 1]))) {
                k += 2;
                continue;
            }
            if (c == '(') {
                if (++depth > 32) goto fail;
            } else if (c == ')') {
                if (!depth) break;
                depth--;
            } else if (c <= ' ') {
                break;
            }
            k++;
        }
        if (depth) goto fail;
    }
    size_t t = skipsp(b, n, k);
    if (t > k && t < n && (b[t] == '"' || b[t] == '\'' || b[t] == '(')) {
        finder *f = b[t] == '"' ? &m->bdq : b[t] == '\'' ? &m->bsq : &m->bpar;
        size_t z = find(f, b, n, t + 1);
        if (z >= n) {
            k = t;
            goto fail;
        }
        k = skipsp(b, n, z + 1);
    } else {
        k = t;
    }
    if (k < n && b[k] == ')') return k + 1;
fail:
    if (k > m->destfail) m->destfail = k;
    return 0;
}

/* '[' at i: a footnote reference "[^x]" is dropped, else a link opener. */
static size_t md_open(md *m, size_t i)
{
    const char *b = m->b;
    size_t n = m->bn;
    if (i + 1 < n && b[i + 1] == '^') {
        size_t k = i + 2;
        while (k < n && k - i < 100 && b[k] != ']' && b[k] != '[' && !isws(U(b[k]))) k++;
        if (k < n && b[k] == ']' && k > i + 2) {
            addedit(m, i, k + 1, E_SEP, 0);
            return k + 1;
        }
    }
    pushop(m, i);
    return i + 1;
}

/*
** ']' at i: closes the nearest opener as an inline link, a full, collapsed
** or shortcut reference (when the label is defined), or an image. Links keep
** their text; images go entirely. A link deactivates the '[' openers below
** it (no links in links).
*/
static size_t md_close(md *m, size_t i)
{
    const char *b = m->b;
    size_t n = m->bn, end = 0;
    if (!m->nop) return i + 1;
    opener ob = m->op[m->nop - 1];
    int img = b[ob.pos] == '!';
    if (!img && m->nop - 1 < m->inactive) {
        m->nop--;
        m->inactive = m->nop;
        return i + 1;
    }
    size_t ts = ob.pos + (img ? 2 : 1);
    if (i + 1 < n && b[i + 1] == '(') end = md_dest(m, i + 1);
    if (!end && i + 1 < n && b[i + 1] == '[') {
        size_t k = i + 2;
        while (k < n && k - i < 1001 && b[k] != ']' && b[k] != '[') {
            if (b[k] == '\\' && k + 1 < n) k++;
            k++;
        }
        if (k < n && b[k] == ']') {
            if (k == i + 2 ? isdef(m, b, ts, i) : isdef(m, b, i + 2, k)) end = k + 1;
        }
    }
    if (!end && isdef(m, b, ts, i)) end = i + 1;
    m->nop--;
    if (m->inactive > m->nop) m->inactive = m->nop;
    if (!end) return i + 1;
    if (img) {
        addedit(m, ob.pos, end, E_SEP, 0);
        m->ndl = ob.dbot;
    } else {
        addedit(m, ob.pos, ob.pos + 1, E_DROP, 0);
        addedit(m, i, end, E_DROP, 0);
        emph(m, ob.dbot);
        m->ndl = ob.dbot;
        m->inactive = m->nop;
    }
    return end;
}

static int isemailc(int c)
{
    return isalnum_(c) || (c && strchr(".!#$%&'*+/=?^_`{|}~-", c));
}

/* '<' at i: comment, autolink (brackets dropped, address kept) or HTML tag. */
static size_t md_angle(md *m, size_t i)
{
    const char *b = m->b;
    size_t n = m->bn;
    if (startsci(b, n, i, "<!--")) {
        size_t z = find(&m->bcmt, b, n, i + 4);
        if (z >= n) return i + 1;
        addedit(m, i, z + 3, E_SEP, 0);
        return z + 3;
    }
    if (i + 1 < n && isalpha_(U(b[i + 1]))) {
        size_t k = i + 1;
        while (k < n && k - i <= 33 &&
               (isalnum_(U(b[k])) || b[k] == '+' || b[k] == '.' || b[k] == '-'))
            k++;
        if (k < n && b[k] == ':' && k - i - 1 >= 2) {
            size_t z = k + 1;
            while (z < n && b[z] != '>' && b[z] != '<' && U(b[z]) > ' ') z++;
            if (z < n && b[z] == '>') {
                addedit(m, i, i + 1, E_DROP, 0);
                addedit(m, z, z + 1, E_DROP, 0);
                return z + 1;
            }
        }
        k = i + 1;
        while (k < n && isemailc(U(b[k]))) k++;
        if (k < n && b[k] == '@') {
            size_t z = k + 1;
            while (z < n && (isalnum_(U(b[z])) || b[z] == '-' || b[z] == '.')) z++;
            if (z < n && b[z] == '>' && z > k + 1) {
                addedit(m, i, i + 1, E_DROP, 0);
                addedit(m, z, z + 1, E_DROP, 0);
                return z + 1;
            }
        }
    }
    tag t;
    if (!tagstrict(b, n, i, &t)) return i + 1;
    switch (t.cls) {
    case T_RAW:
    case T_SKIP:
    case T_TITLE:
        if (!t.close && !t.selfclose) {
            if (!m->bcf[t.idx].init) m->used[m->nused++] = t.idx;
            size_t z = findclose(m->bcf, t.idx, b, n, t.end);
            if (z < n) t.end = closeend(b, n, z);
        }
        addedit(m, i, t.end, E_SEP, 0);
        break;
    case T_BR:
        addedit(m, i, t.end, E_BR, 0);
        break;
    case T_BLK1:
        addedit(m, i, t.end, E_BLK1, 0);
        break;
    case T_BLK2:
    case T_H:
    case T_PRE:
        addedit(m, i, t.end, E_BLK2, 0);
        break;
    case T_INLINE:
    case T_BODY:
    case T_HEAD:
    case T_NOWIKI:
        addedit(m, i, t.end, E_DROP, 0);
        break;
    default:
        addedit(m, i, t.end, E_SEP, 0);
        break;
    }
    return t.end;
}

/* First inline pass: records edits and delimiters over the buffer. */
static void md_scan(md *m)
{
    const char *b = m->b;
    size_t n = m->bn, i = 0;
    while (i < n && !m->o->oom) {
        int c = U(b[i]);
        switch (c) {
        case '\\':
            if (i + 1 < n && (ispunct_(U(b[i + 1])) || b[i + 1] == '\n')) {
                addedit(m, i, i + 1, E_DROP, 0);
                i += 2;
            } else {
                i++;
            }
            break;
        case '`':
            i = md_code(m, i);
            break;
        case '*':
        case '_':
        case '~':
            i = md_delim(m, i);
            break;
        case '!':
            if (i + 1 < n && b[i + 1] == '[') {
                pushop(m, i);
                i += 2;
            } else {
                i++;
            }
            break;
        case '[':
            i = md_open(m, i);
            break;
        case ']':
            i = md_close(m, i);
            break;
        case '<':
            i = md_angle(m, i);
            break;
        case '&': {
            uint32_t cp;
            size_t k = entity(b, n, i, &cp);
            if (k) addedit(m, i, i + k, E_ENT, cp);
            i += k ? k : 1;
            break;
        }
        default:
            i++;
            while (i < n && !mdspecial(U(b[i]))) i++;
        }
    }
}

/* Emits buffer bytes [i, j) as copies; line breaks become line ends. */
static void btext(md *m, size_t i, size_t j)
{
    if (i >= j) return;
    for (size_t k = segat(m, i); i < j && k < m->nsg; k++) {
        const seg *g = &m->sg[k];
        size_t z = (size_t)g->b + g->n < j ? (size_t)g->b + g->n : j;
        if (g->nl)
            brk(m->o, 1, 0, g->s, g->s + 1);
        else
            copy(m->o, g->s + (i - g->b), g->s + (z - g->b));
        i = z;
    }
}

static int cmpedit(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->e != y->e) return x->e > y->e ? -1 : 1;
    return 0;
}

/* Second inline pass: the text between edits, then each edit's effect. */
static void md_emit(md *m)
{
    sink *o = m->o;
    size_t cur = 0;
    if (m->ned) qsort(m->ed, m->ned, sizeof *m->ed, cmpedit);
    for (size_t i = 0; i < m->ned && !o->oom; i++) {
        const edit *e = &m->ed[i];
        size_t a = e->s;
        if (e->e <= cur) continue;
        if (a < cur) {
            if (e->k != E_DROP && e->k != E_SEP) continue;
            a = cur;
        }
        btext(m, cur, a);
        size_t s = bsrc(m, a), z = bsrc(m, e->e - 1) + 1;
        switch (e->k) {
        case E_SEP:
            sepr(o, s, z);
            break;
        case E_ENT: {
            char u[4];
            repl(o, u, utf8(e->aux, u), s, z);
            break;
        }
        case E_BR:
            brk(o, 1, 1, s, z);
            break;
        case E_BLK1:
            brk(o, 1, 0, s, z);
            break;
        case E_BLK2:
            brk(o, 2, 0, s, z);
            break;
        default:
            break;
        }
        cur = e->e;
    }
    btext(m, cur, m->bn);
}

/* Emits the collected segments as inline text; level > 0 makes it a heading. */
static void md_inline(md *m, int level)
{
    if (!m->nsg || m->o->oom) return;
    if (m->nsg == 1) {
        m->b = m->s + m->sg[0].s;
        m->bn = m->sg[0].n;
    } else {
        const seg *l = &m->sg[m->nsg - 1];
        size_t total = (size_t)l->b + l->n;
        if (total > m->bufcap) {
            char *nb = grow(m->buf, &m->bufcap, total, 1);
            if (!nb) {
                m->o->oom = 1;
                return;
            }
            m->buf = nb;
        }
        for (size_t i = 0; i < m->nsg; i++) {
            const seg *g = &m->sg[i];
            if (g->nl)
                m->buf[g->b] = '\n';
            else
                memcpy(m->buf + g->b, m->s + g->s, g->n);
        }
        m->b = m->buf;
        m->bn = total;
    }
    m->ned = m->ndl = m->nop = m->inactive = 0;
    m->haveruns = 0;
    m->destfail = 0;
    freset(&m->bcmt);
    freset(&m->bdq);
    freset(&m->bsq);
    freset(&m->bpar);
    for (size_t i = 0; i < m->nused; i++) m->bcf[m->used[i]].init = 0;
    m->nused = 0;
    md_scan(m);
    emph(m, 0);
    if (level) hbegin(m->o, level);
    md_emit(m);
    if (level) hend(m->o);
    m->nsg = 0;
}

/* Emits the open paragraph and ends its last line. */
static void para_close(md *m)
{
    if (!m->popen) return;
    m->popen = 0;
    md_inline(m, 0);
    if (m->plastnl < m->n) brk(m->o, 1, 0, m->plastnl, m->plastnl + 1);
}

/* Whether s[q .. le) is a thematic break: three or more of one of "*-_". */
static int ishr(const char *s, size_t q, size_t le)
{
    int c = U(s[q]), k = 0;
    if (c != '*' && c != '-' && c != '_') return 0;
    for (; q < le; q++) {
        if (U(s[q]) == c)
            k++;
        else if (!isblank_(U(s[q])))
            return 0;
    }
    return k >= 3;
}

/*
** A list marker at s[q] ("- ", "* ", "+ ", "1. ", "1) "): returns where the
** item's content starts, le for an empty item, or q when there is none. In
** the middle of a paragraph only non-empty bullets and "1." may start a list.
*/
static size_t listmark(const char *s, size_t q, size_t le, int inpara)
{
    size_t k = q;
    if (s[q] == '-' || s[q] == '*' || s[q] == '+') {
        k = q + 1;
    } else {
        while (k < le && isdigit_(U(s[k])) && k - q < 9) k++;
        if (k == q || k >= le || (s[k] != '.' && s[k] != ')')) return q;
        if (inpara && !(k - q == 1 && s[q] == '1')) return q;
        k++;
    }
    if (k >= le) return inpara ? q : le;
    if (!isblank_(U(s[k]))) return q;
    while (k < le && isblank_(U(s[k]))) k++;
    return k;
}

/*
** An HTML block at s[q] == '<' whose content goes: a comment or a script or
** style element (to its end, or the end of the input when unclosed). Returns
** the end of the block, or 0 when there is none.
*/
static size_t md_htmlblock(md *m, size_t q)
{
    const char *s = m->s;
    size_t n = m->n;
    if (startsci(s, n, q, "<!--")) {
        size_t z = find(&m->dcmt, s, n, q + 4);
        return z < n ? z + 3 : n;
    }
    tag t;
    if (!tagstrict(s, n, q, &t) || t.close || t.cls != T_RAW) return 0;
    size_t z = findclose(m->dcf, t.idx, s, n, t.end);
    return z < n ? closeend(s, n, z) : n;
}

/* Block structure: classifies each line and emits blocks as they end. */
static void md_blocks(md *m)
{
    sink *o = m->o;
    const char *s = m->s;
    size_t n = m->n, p = md_front(m), flen = 0;
    int fence = 0, fdepth = 0;
    char fch = 0;
    while (p < n && !o->oom) {
        const char *nl = memchr(s + p, '\n', n - p);
        size_t e = nl ? (size_t)(nl - s) : n, next = nl ? e + 1 : n, le = e;
        while (le > p && isws(U(s[le - 1]))) le--;
        int depth;
        if (fence) {
            size_t q = p, r;
            int d = 0;
            while (q < le && isblank_(U(s[q])) && q - p < 3) q++;
            while (d < fdepth && q < le && s[q] == '>') {
                d++;
                q++;
                if (q < le && s[q] == ' ') q++;
            }
            r = q;
            while (r < le && isblank_(U(s[r])) && r - q < 3) r++;
            size_t k = r;
            while (k < le && s[k] == fch) k++;
            if (k - r >= flen && k == le) {
                fence = 0;
                brk(o, 2, 0, p, next);
            } else {
                size_t ce = e;
                if (ce > q && s[ce - 1] == '\r') ce--;
                copy(o, q, ce);
                if (nl) brk(o, 1, 1, e, next);
            }
            p = next;
            continue;
        }
        size_t q = mdprefix(s, p, le, &depth);
        if (q >= le) {
            para_close(m);
            brk(o, 2, 0, p, next);
            m->lastdepth = depth;
            p = next;
            continue;
        }
        if (m->popen && !m->plist && depth == m->pdepth && (s[q] == '=' || s[q] == '-')) {
            size_t k = q;
            while (k < le && s[k] == s[q]) k++;
            if (k == le) {
                size_t last = m->plastnl;
                m->popen = 0;
                md_inline(m, s[q] == '=' ? 1 : 2);
                brk(o, 2, 0, last, next);
                p = next;
                continue;
            }
        }
        if (ishr(s, q, le)) {
            para_close(m);
            brk(o, 2, 0, p, next);
            p = next;
            continue;
        }
        int list = 0;
        size_t r = listmark(s, q, le, m->popen && !m->plist);
        if (r != q) {
            list = 1;
            q = r;
            if (q >= le) {
                para_close(m);
                brk(o, 1, 0, p, next);
                p = next;
                continue;
            }
        }
        if (s[q] == '#') {
            size_t k = q;
            while (k < le && s[k] == '#') k++;
            if (k - q <= 6 && (k == le || isblank_(U(s[k])))) {
                int level = (int)(k - q);
                size_t cs = k, ce = le, z = le;
                while (cs < le && isblank_(U(s[cs]))) cs++;
                while (z > cs && s[z - 1] == '#') z--;
                if (z < ce && (z == cs || isblank_(U(s[z - 1])))) {
                    ce = z;
                    while (ce > cs && isblank_(U(s[ce - 1]))) ce--;
                }
                para_close(m);
                brk(o, 2, 0, p, cs);
                if (ce > cs) {
                    m->nsg = 0;
                    addseg(m, cs, ce - cs, 0);
                    md_inline(m, level);
                }
                brk(o, 2, 0, ce, next);
                m->lastdepth = depth;
                p = next;
                continue;
            }
        }
        if (s[q] == '`' || s[q] == '~') {
            size_t k = q;
            while (k < le && s[k] == s[q]) k++;
            if (k - q >= 3 && (s[q] == '~' || !memchr(s + k, '`', le - k))) {
                para_close(m);
                fence = 1;
                fch = s[q];
                flen = k - q;
                fdepth = depth;
                brk(o, 2, 0, p, next);
                p = next;
                continue;
            }
        }
        if (s[q] == '<') {
            size_t z = md_htmlblock(m, q);
            if (z) {
                para_close(m);
                brk(o, 2, 0, p, z);
                p = z;
                continue;
            }
        }
        int fresh = !m->popen || list || depth > m->pdepth;
        if (fresh && s[q] == '[') {
            size_t a, z;
            if (defline(s, q, le, &a, &z)) {
                para_close(m);
                brk(o, 1, 0, p, next);
                p = next;
                continue;
            }
            if (q + 1 < le && s[q + 1] == '^') {
                size_t k = q + 2;
                while (k < le && k - q < 100 && s[k] != ']' && !isws(U(s[k]))) k++;
                if (k + 1 < le && s[k] == ']' && s[k + 1] == ':') {
                    list = 1;
                    q = k + 2;
                    while (q < le && isblank_(U(s[q]))) q++;
                    if (q >= le) {
                        para_close(m);
                        brk(o, 1, 0, p, next);
                        p = next;
                        continue;
                    }
                }
            }
        }
        if (m->popen && (list || depth > m->pdepth)) para_close(m);
        if (!m->popen) {
            if (list)
                brk(o, 1, 0, p, q);
            else if (depth != m->lastdepth)
                brk(o, 2, 0, p, q);
            m->popen = 1;
            m->plist = list;
            m->pdepth = depth;
            m->nsg = 0;
        } else {
            addseg(m, m->plastnl, 1, 1);
        }
        addseg(m, q, le - q, 0);
        m->plastnl = e;
        m->lastdepth = depth;
        p = next;
    }
    para_close(m);
}

/* Strips Markdown: definitions first (they may follow their use), then blocks. */
static void strip_md(sink *o)
{
    md *m = FMT_REALLOC(NULL, sizeof *m);
    if (!m) {
        o->oom = 1;
        return;
    }
    memset(m, 0, sizeof *m);
    m->o = o;
    m->s = o->src;
    m->n = o->n;
    finit(&m->bcmt, "-->", 0);
    finit(&m->bdq, "\"", 0);
    finit(&m->bsq, "'", 0);
    finit(&m->bpar, ")", 0);
    finit(&m->dcmt, "-->", 0);
    md_defs(m);
    md_blocks(m);
    free(m->sg);
    free(m->buf);
    free(m->ed);
    free(m->dl);
    free(m->op);
    free(m->defs);
    free(m);
}

/* -------------------------------------------------------------- MediaWiki */

/*
** MediaWiki is one forward scan. Templates "{{ }}" and links "[[ ]]" nest, so
** a pre-pass pairs them with two stacks (skipping comments and literal
** elements the way the main scan does); the main scan then looks each opener
** up instead of searching. Kept link labels and headings are scanned as
** ordinary text: what ends them (the "]]", the closing "==") is pushed on a
** stack of pending closes, innermost on top, and dropped when reached.
*/

typedef struct {
    uint32_t pos, end; /* opener position; one past the matching closer, 0 if none */
    uint8_t w;         /* opener width */
} pair;

enum { P_LINK, P_HEAD };

typedef struct {
    uint32_t pos, len;
    int kind;
} pend;

typedef struct {
    sink *o;
    const char *s;
    size_t n;
    pair *cu, *br; /* "{{" and "[[" openers in source order */
    size_t ncu, nbr, cucap, brcap, icu, ibr;
    uint32_t *stc, *stb;
    size_t nstc, nstb, stccap, stbcap;
    pend *pd;
    size_t npd, pdcap;
    finder cmt, rb, nl;
    finder cf[NTAGS];
    int tdepth, cell;
} wk;

/* Bytes that may start MediaWiki markup (or end a line). */
static int wkspecial(int c)
{
    return c && strchr("\n{['<&_|!", c) != NULL;
}

/* Appends an opener at pos to the list a and pushes its index on the stack st. */
static void pushpair(wk *w, pair **a, size_t *na, size_t *cap, uint32_t **st, size_t *nst,
                     size_t *stcap, size_t pos, int width)
{
    if (*na == *cap) {
        pair *x = grow(*a, cap, *na + 1, sizeof *x);
        if (!x) {
            w->o->oom = 1;
            return;
        }
        *a = x;
    }
    if (*nst == *stcap) {
        uint32_t *x = grow(*st, stcap, *nst + 1, sizeof *x);
        if (!x) {
            w->o->oom = 1;
            return;
        }
        *st = x;
    }
    (*a)[*na] = (pair){(uint32_t)pos, 0, (uint8_t)width};
    (*st)[(*nst)++] = (uint32_t)(*na)++;
}

/*
** At s[p] == '<': the end of a region whose content is not wiki markup
** (comment, <nowiki>, <pre>, <ref>, dropped extension content), up to the
** start of its closing tag; p + 1 when there is none.
*/
static size_t wk_literal(wk *w, size_t p)
{
    const char *s = w->s;
    size_t n = w->n;
    if (startsci(s, n, p, "<!--")) {
        size_t z = find(&w->cmt, s, n, p + 4);
        return z < n ? z + 3 : n;
    }
    tag t;
    if (!tagstrict(s, n, p, &t) || t.close || t.selfclose) return p + 1;
    switch (t.cls) {
    case T_NOWIKI:
    case T_PRE:
    case T_WRAW:
    case T_SKIP:
    case T_RAW:
    case T_REF:
    case T_REFS:
    case T_TITLE: {
        size_t z = findclose(w->cf, t.idx, s, n, t.end);
        return z < n ? z : t.end;
    }
    default:
        return t.end;
    }
}

/* Pairs "{{"/"{{{" with "}}"/"}}}" and "[[" with "]]" over the whole input. */
static void wk_pairs(wk *w)
{
    const char *s = w->s;
    size_t n = w->n, p = 0;
    while (p < n && !w->o->oom) {
        int c = U(s[p]);
        if (c == '<') {
            p = wk_literal(w, p);
            continue;
        }
        if (c != '{' && c != '}' && c != '[' && c != ']') {
            p++;
            while (p < n && s[p] != '<' && s[p] != '{' && s[p] != '}' && s[p] != '[' && s[p] != ']')
                p++;
            continue;
        }
        size_t k = p, off = 0;
        while (k < n && U(s[k]) == c) k++;
        size_t run = k - p;
        if (c == '{') {
            while (run - off >= 2) {
                int wd = run - off == 3 ? 3 : 2;
                pushpair(w, &w->cu, &w->ncu, &w->cucap, &w->stc, &w->nstc, &w->stccap, p + off, wd);
                off += (size_t)wd;
            }
        } else if (c == '}') {
            while (run - off >= 2 && w->nstc) {
                pair *x = &w->cu[w->stc[--w->nstc]];
                size_t wd = x->w == 3 && run - off >= 3 ? 3 : 2;
                x->end = (uint32_t)(p + off + wd);
                off += wd;
            }
        } else if (c == '[') {
            if (run >= 2)
                pushpair(w, &w->br, &w->nbr, &w->brcap, &w->stb, &w->nstb, &w->stbcap, k - 2, 2);
        } else {
            while (run - off >= 2 && w->nstb) {
                w->br[w->stb[--w->nstb]].end = (uint32_t)(p + off + 2);
                off += 2;
            }
        }
        p = k;
    }
}

/* The opener recorded at pos, advancing the cursor *i (positions only grow). */
static const pair *pairnext(const pair *a, size_t na, size_t *i, size_t pos)
{
    while (*i < na && a[*i].pos < pos) (*i)++;
    return *i < na && a[*i].pos == pos ? &a[*i] : NULL;
}

/* The opener recorded at pos, by binary search. */
static const pair *pairat(const pair *a, size_t na, size_t pos)
{
    size_t lo = 0, hi = na;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid].pos == pos) return &a[mid];
        if (a[mid].pos < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Pushes a pending close; refuses one that would not nest inside the top. */
static int pushpend(wk *w, size_t pos, size_t len, int kind)
{
    if (w->npd && pos >= w->pd[w->npd - 1].pos) return 0;
    if (w->npd == w->pdcap) {
        pend *x = grow(w->pd, &w->pdcap, w->npd + 1, sizeof *x);
        if (!x) {
            w->o->oom = 1;
            return 0;
        }
        w->pd = x;
    }
    w->pd[w->npd++] = (pend){(uint32_t)pos, (uint32_t)len, kind};
    return 1;
}

static size_t lineend(wk *w, size_t p)
{
    return find(&w->nl, w->s, w->n, p);
}

/*
** Skips a table cell's attributes ("style=x | text"): the part before a
** single '|' on the cell's line, unless a link, template or tag comes first;
** then the blanks that start the cell's text.
*/
static size_t wk_attrs(wk *w, size_t a)
{
    const char *s = w->s;
    size_t n = w->n;
    size_t q = a;
    for (size_t r = a; r < n; r++) {
        int c = U(s[r]);
        if (c == '\n' || c == '[' || c == '{' || c == '<') break;
        if (c == '!' && w->cell == 2 && r + 1 < n && s[r + 1] == '!') break;
        if (c == '|') {
            if (r + 1 >= n || s[r + 1] != '|') q = r + 1;
            break;
        }
    }
    while (q < n && isblank_(U(s[q]))) q++;
    return q;
}

/* "== Title ==" at line start p: opens a heading; returns p when there is none. */
static size_t wk_heading(wk *w, size_t p)
{
    const char *s = w->s;
    size_t e = lineend(w, p), le = e, l = 0, r = 0;
    while (le > p && isws(U(s[le - 1]))) le--;
    while (p + l < le && s[p + l] == '=') l++;
    while (r < le - p && s[le - 1 - r] == '=') r++;
    size_t lv = l < r ? l : r;
    if (lv > 6) lv = 6;
    if (!lv || le - p <= 2 * lv) return p;
    if (!pushpend(w, le - lv, e - (le - lv), P_HEAD)) return p;
    brk(w->o, 2, 0, p, p + lv);
    hbegin(w->o, (int)lv);
    p += lv;
    while (isblank_(U(s[p]))) p++;
    return p;
}

/* Line-start syntax at p (tables, headings, list markers, rules); returns
** where scanning resumes, p when there is none. */
static size_t wk_bol(wk *w, size_t p)
{
    sink *o = w->o;
    const char *s = w->s;
    size_t n = w->n, q = p;
    w->cell = 0;
    while (q < n && isblank_(U(s[q]))) q++;
    if (q + 1 < n && s[q] == '{' && s[q + 1] == '|') {
        size_t e = lineend(w, q);
        w->tdepth++;
        brk(o, 2, 0, p, e);
        return e;
    }
    if (w->tdepth && q < n && (s[q] == '|' || s[q] == '!')) {
        int c2 = q + 1 < n ? U(s[q + 1]) : 0;
        if (s[q] == '|' && c2 == '}') {
            w->tdepth--;
            brk(o, 2, 0, p, q + 2);
            return q + 2;
        }
        if (s[q] == '|' && c2 == '-') {
            size_t e = lineend(w, q);
            brk(o, 1, 0, p, e);
            return e;
        }
        size_t a = q + 1 + (s[q] == '|' && c2 == '+');
        w->cell = s[q] == '!' ? 2 : 1;
        brk(o, 1, 0, p, a);
        return wk_attrs(w, a);
    }
    if (s[p] == '=') {
        size_t r = wk_heading(w, p);
        if (r != p) return r;
    }
    if (s[p] == '*' || s[p] == '#' || s[p] == ':' || s[p] == ';') {
        size_t r = p;
        while (r < n && (s[r] == '*' || s[r] == '#' || s[r] == ':' || s[r] == ';')) r++;
        while (r < n && isblank_(U(s[r]))) r++;
        return r;
    }
    if (n - p >= 4 && !memcmp(s + p, "----", 4)) {
        size_t r = p;
        while (r < n && s[r] == '-') r++;
        brk(o, 2, 0, p, r);
        return r;
    }
    return p;
}

/* Whether s[a .. z) starts with the namespace name ns followed by ':'. */
static int nsis(const char *s, size_t a, size_t z, const char *ns)
{
    if (!startsci(s, z, a, ns)) return 0;
    a += strlen(ns);
    while (a < z && isblank_(U(s[a]))) a++;
    return a < z && s[a] == ':';
}

/*
** The link "[[...]]" at q ending at end: files, images and categories go
** entirely; otherwise the label (or the target) stays as text and the tail
** becomes a pending close. Returns where scanning resumes, 0 to keep the
** brackets literally.
*/
static size_t wk_link(wk *w, size_t q, size_t end)
{
    const char *s = w->s;
    size_t a = q + 2, z = end - 2, r;
    while (a < z && isblank_(U(s[a]))) a++;
    int colon = a < z && s[a] == ':';
    if (!colon && (nsis(s, a, z, "file") || nsis(s, a, z, "image") || nsis(s, a, z, "category"))) {
        sepr(w->o, q, end);
        return end;
    }
    if (colon) a++;
    for (r = a; r < z && s[r] != '|';) {
        const pair *x = NULL;
        if (s[r] == '[')
            x = pairat(w->br, w->nbr, r);
        else if (s[r] == '{')
            x = pairat(w->cu, w->ncu, r);
        r = x && x->end > r ? x->end : r + 1;
    }
    if (r < z) {
        if (r + 1 == z) return pushpend(w, r, end - r, P_LINK) ? a : 0;
        return pushpend(w, z, 2, P_LINK) ? r + 1 : 0;
    }
    return pushpend(w, z, 2, P_LINK) ? a : 0;
}

/* Whether an external URL starts at s[p]. */
static int urlstart(const char *s, size_t n, size_t p)
{
    static const char *const schemes[] = {"http://",   "https://", "ftp://", "ftps://", "sftp://",
                                          "//",        "mailto:",  "news:",  "irc://",  "ircs://",
                                          "gopher://", "git://",   "svn://", "ssh://",  "telnet://",
                                          "nntp://",   "urn:",     "xmpp:",  "sip:",    "sips:",
                                          "sms:",      "tel:",     "geo:",   "magnet:", "mms://",
                                          "bitcoin:"};
    for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
        if (startsci(s, n, p, schemes[i])) return 1;
    return 0;
}

/* '[' at p: "[url label]" keeps the label, "[url]" goes; 0 when not a link. */
static size_t wk_extlink(wk *w, size_t p)
{
    const char *s = w->s;
    size_t n = w->n;
    if (!urlstart(s, n, p + 1)) return 0;
    size_t z = find(&w->rb, s, n, p + 1);
    if (z >= n || z > lineend(w, p + 1)) return 0;
    size_t r = p + 1;
    while (r < z && !isblank_(U(s[r]))) r++;
    if (r == z) {
        sepr(w->o, p, z + 1);
        return z + 1;
    }
    if (!pushpend(w, z, 1, P_LINK)) return 0;
    while (r < z && isblank_(U(s[r]))) r++;
    return r;
}

/* A run of '{' at p: templates (matched by the pre-pass) go, other braces stay. */
static size_t wk_curly(wk *w, size_t p)
{
    const char *s = w->s;
    size_t n = w->n, k = p, q = p;
    while (k < n && s[k] == '{') k++;
    while (q < k) {
        const pair *x = pairnext(w->cu, w->ncu, &w->icu, q);
        if (x && x->end) {
            copy(w->o, p, q);
            sepr(w->o, q, x->end);
            return x->end;
        }
        q += x ? x->w : 1;
    }
    copy(w->o, p, k);
    return k;
}

/* A run of '[' at p: a wiki link on its last two, else an external link. */
static size_t wk_square(wk *w, size_t p)
{
    const char *s = w->s;
    size_t n = w->n, k = p;
    while (k < n && s[k] == '[') k++;
    if (k - p >= 2) {
        size_t q = k - 2;
        const pair *x = pairnext(w->br, w->nbr, &w->ibr, q);
        if (x && x->end) {
            copy(w->o, p, q);
            size_t r = wk_link(w, q, x->end);
            if (r) return r;
            copy(w->o, q, k);
            return k;
        }
        copy(w->o, p, k);
        return k;
    }
    size_t r = wk_extlink(w, p);
    if (r) return r;
    copy(w->o, p, p + 1);
    return p + 1;
}

/* '<' at p: comments, references and literal elements, other tags. */
static size_t wk_angle(wk *w, size_t p)
{
    sink *o = w->o;
    const char *s = w->s;
    size_t n = w->n, z;
    if (startsci(s, n, p, "<!--")) {
        z = find(&w->cmt, s, n, p + 4);
        z = z < n ? z + 3 : n;
        sepr(o, p, z);
        return z;
    }
    tag t;
    if (!tagstrict(s, n, p, &t)) {
        copy(o, p, p + 1);
        return p + 1;
    }
    size_t e = t.end;
    switch (t.cls) {
    case T_REF:
    case T_REFS:
    case T_SKIP:
    case T_RAW:
    case T_TITLE:
        if (!t.close && !t.selfclose) {
            z = findclose(w->cf, t.idx, s, n, e);
            if (z < n) e = closeend(s, n, z);
        }
        sepr(o, p, e);
        return e;
    case T_NOWIKI:
        if (t.close || t.selfclose) return e;
        z = findclose(w->cf, t.idx, s, n, e);
        if (z >= n) return e;
        rawcopy(o, e, z);
        return closeend(s, n, z);
    case T_PRE:
    case T_WRAW:
        brk(o, 2, 0, p, e);
        if (t.close || t.selfclose) return e;
        z = findclose(w->cf, t.idx, s, n, e);
        if (z >= n) return e;
        rawcopy(o, e, z);
        e = closeend(s, n, z);
        brk(o, 2, 0, z, e);
        return e;
    case T_BR:
        brk(o, 1, 1, p, e);
        return e;
    case T_BLK1:
        brk(o, 1, 0, p, e);
        return e;
    case T_BLK2:
    case T_H:
        brk(o, 2, 0, p, e);
        return e;
    case T_INLINE:
    case T_BODY:
    case T_HEAD:
        return e;
    default:
        sepr(o, p, e);
        return e;
    }
}

/* A pending close reached exactly at its position: drops it, ends a heading. */
static size_t wk_close(wk *w, const pend *d)
{
    size_t e = (size_t)d->pos + d->len;
    if (d->kind == P_HEAD) {
        hend(w->o);
        brk(w->o, 2, 0, d->pos, e);
    }
    return e;
}

/* A pending close that was skipped over (inside dropped markup) at p. */
static void wk_stale(wk *w, const pend *d, size_t p)
{
    if (d->kind == P_HEAD) {
        hend(w->o);
        brk(w->o, 2, 0, d->pos, p);
    }
}

/*
** The main MediaWiki scan: pending closes first (reached or skipped over),
** then line-start syntax, then one construct per byte class; plain runs are
** copied up to the next special byte or pending close.
*/
static void wk_scan(wk *w)
{
    sink *o = w->o;
    const char *s = w->s;
    size_t n = w->n, p = 0;
    int bol = 1;
    while (p < n && !o->oom) {
        if (w->npd) {
            pend d = w->pd[w->npd - 1];
            if (d.pos < p) {
                w->npd--;
                wk_stale(w, &d, p);
                continue;
            }
            if (d.pos == p) {
                w->npd--;
                p = wk_close(w, &d);
                bol = 0;
                continue;
            }
        }
        if (bol) {
            bol = 0;
            size_t r = wk_bol(w, p);
            if (r != p) {
                p = r;
                continue;
            }
        }
        size_t lim = w->npd ? w->pd[w->npd - 1].pos : n, r;
        int c = U(s[p]);
        switch (c) {
        case '\n':
            r = p + 1;
            while (r < n && (isblank_(U(s[r])) || s[r] == '\r')) r++;
            if (r < n && s[r] == '\n') {
                brk(o, 2, 0, p, r + 1);
                p = r + 1;
            } else {
                brk(o, 1, 0, p, p + 1);
                p++;
            }
            bol = 1;
            w->cell = 0;
            break;
        case '{':
            p = wk_curly(w, p);
            break;
        case '[':
            p = wk_square(w, p);
            break;
        case '\'':
            r = p;
            while (r < n && s[r] == '\'') r++;
            if (r - p == 1)
                copy(o, p, r);
            else if (r - p == 4)
                copy(o, p, p + 1);
            else if (r - p > 5)
                copy(o, p, r - 5);
            p = r;
            break;
        case '<':
            p = wk_angle(w, p);
            break;
        case '&': {
            uint32_t cp;
            size_t k = entity(s, n, p, &cp);
            if (k) {
                char u[4];
                repl(o, u, utf8(cp, u), p, p + k);
                p += k;
            } else {
                copy(o, p, p + 1);
                p++;
            }
            break;
        }
        case '_':
            r = p + 2;
            if (r <= n && s[p + 1] == '_') {
                while (r < n && r - p < 40 && s[r] >= 'A' && s[r] <= 'Z') r++;
                if (r > p + 2 && r + 1 < n && s[r] == '_' && s[r + 1] == '_') {
                    sepr(o, p, r + 2);
                    p = r + 2;
                    break;
                }
            }
            copy(o, p, p + 1);
            p++;
            break;
        case '|':
        case '!':
            if (w->cell && p + 1 < n && s[p + 1] == c && (c == '|' || w->cell == 2)) {
                brk(o, 1, 0, p, p + 2);
                p = wk_attrs(w, p + 2);
            } else {
                copy(o, p, p + 1);
                p++;
            }
            break;
        default:
            r = p + 1;
            while (r < lim && !wkspecial(U(s[r]))) r++;
            copy(o, p, r);
            p = r;
        }
    }
    while (w->npd) {
        pend d = w->pd[--w->npd];
        wk_stale(w, &d, n);
    }
}

/* Strips MediaWiki: the pairing pre-pass, then the main scan. */
static void strip_wiki(sink *o)
{
    wk *w = FMT_REALLOC(NULL, sizeof *w);
    if (!w) {
        o->oom = 1;
        return;
    }
    memset(w, 0, sizeof *w);
    w->o = o;
    w->s = o->src;
    w->n = o->n;
    finit(&w->cmt, "-->", 0);
    finit(&w->rb, "]", 0);
    finit(&w->nl, "\n", 0);
    wk_pairs(w);
    free(w->stc);
    free(w->stb);
    w->stc = w->stb = NULL;
    freset(&w->cmt);
    for (size_t i = 0; i < NTAGS; i++) freset(&w->cf[i]);
    wk_scan(w);
    free(w->cu);
    free(w->br);
    free(w->pd);
    free(w);
}

/* -------------------------------------------------------------------- API */

/* By the extension of the last path component, ignoring case; else plain text. */
sift_fmt sift_fmt_from_path(const char *path)
{
    static const struct {
        const char *ext;
        sift_fmt fmt;
    } exts[] = {{"md", SIFT_FMT_MARKDOWN},    {"markdown", SIFT_FMT_MARKDOWN},
                {"mdown", SIFT_FMT_MARKDOWN}, {"mkd", SIFT_FMT_MARKDOWN},
                {"wiki", SIFT_FMT_WIKI},      {"mediawiki", SIFT_FMT_WIKI},
                {"wikitext", SIFT_FMT_WIKI},  {"html", SIFT_FMT_HTML},
                {"htm", SIFT_FMT_HTML},       {"xhtml", SIFT_FMT_HTML}};
    if (!path) return SIFT_FMT_TEXT;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) return SIFT_FMT_TEXT;
    dot++;
    size_t k = strlen(dot);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strlen(exts[i].ext) == k && startsci(dot, k, 0, exts[i].ext)) return exts[i].fmt;
    return SIFT_FMT_TEXT;
}

/*
** Dispatches on the format. Plain text (and any unknown format value) is one
** copied piece; the markup scanners share the sink and its finishing.
*/
int sift_fmt_strip(sift_fmt fmt, const char *src, size_t len, sift_plain *out)
{
    if (!out) return -1;
    memset(out, 0, sizeof *out);
    if (len > UINT32_MAX || (!src && len)) return -1;
    sink o;
    memset(&o, 0, sizeof o);
    o.src = src ? src : "";
    o.n = len;
    o.hstart = NONE;
    int markup = 1;
    switch (fmt) {
    case SIFT_FMT_MARKDOWN:
        strip_md(&o);
        break;
    case SIFT_FMT_WIKI:
        strip_wiki(&o);
        break;
    case SIFT_FMT_HTML:
        strip_html(&o);
        break;
    default:
        markup = 0;
        emit(&o, o.src, len, 0, len, 1);
        break;
    }
    return finish(&o, markup, out);
}

void sift_plain_free(sift_plain *p)
{
    if (!p) return;
    free(p->text);
    free(p->pieces);
    free(p->headings);
    free(p->title);
    memset(p, 0, sizeof *p);
}

/* Index of the piece holding plain byte off (< len): binary search. */
static size_t pieceat(const sift_plain *p, size_t off)
{
    size_t lo = 0, hi = p->npieces;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->pieces[mid].plain <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Inside a replacement piece every offset maps to the start of its source run. */
size_t sift_plain_src_start(const sift_plain *p, size_t plain_off)
{
    if (!p || !p->npieces) return 0;
    if (plain_off >= p->len) {
        const sift_piece *l = &p->pieces[p->npieces - 1];
        return (size_t)l->src + l->src_len;
    }
    const sift_piece *c = &p->pieces[pieceat(p, plain_off)];
    if (c->plain_len == c->src_len) return (size_t)c->src + (plain_off - c->plain);
    return c->src;
}

/* Inside a replacement piece every end maps to the end of its source run. */
size_t sift_plain_src_end(const sift_plain *p, size_t plain_end)
{
    if (!p || !p->npieces) return 0;
    if (!plain_end) return p->pieces[0].src;
    if (plain_end > p->len) plain_end = p->len;
    const sift_piece *c = &p->pieces[pieceat(p, plain_end - 1)];
    if (c->plain_len == c->src_len) return (size_t)c->src + (plain_end - c->plain);
    return (size_t)c->src + c->src_len;
}
