/*
** gencorpus.c -- the scale corpus: a deterministic synthetic news corpus
** with planted claims.
**
** Owns everything about the corpus `make corpus-large` writes: the invented
** regions, parties, outlets, monitors and people; the document templates
** (wire reports, follow-ups, party statements, monitors' weekly summaries,
** features, market reports); the plan of planted capture events and
** casualty claims; and the three outputs: OUTDIR/corpus.json (manifest),
** OUTDIR/docs/SSS/NNNNNN.txt (documents) and OUTDIR/gold.json (every planted
** record, and the findings the stock rules should make on them).
**
** Uses only libc and POSIX mkdir; standalone, not linked into sift. The
** output is a pure function of N and the seed: a private splitmix64
** generator, integer arithmetic only, no clock, no locale. Every write is
** checked; a failed one ends the program with a message and exit code 1.
** See tests/bench/README.md for what is planted and the rule semantics the
** gold findings assume.
*/
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define NELEM(a)       (sizeof(a) / sizeof((a)[0]))
#define DEFAULT_N      20000UL
#define MAX_N          10000000UL
#define NREGION        8
#define NGLOBAL_OUTLET 10
#define NOUTLET        (NGLOBAL_OUTLET + NREGION)
#define NMONITOR       (NREGION + 2)
#define MAX_INC        4
#define MAX_CLUSTER    (MAX_INC * 3)
#define MAX_CLAIM      (MAX_CLUSTER * 2)
#define MAX_EVENT      (MAX_INC * 2)
#define MAX_DOC        24
#define MAX_FINDING    (MAX_CLUSTER + MAX_INC)
#define NOMARK         ((size_t)-1)
#define SUBJ_CIV       2
#define PATH_LEN       4096

static const char USAGE[] =
    "usage: gencorpus [-n N] [-s SEED] OUTDIR\n"
    "\n"
    "Write a deterministic synthetic news corpus of N documents (default 20000,\n"
    "about 3 KB each) with planted casualty claims, capture events and the\n"
    "findings the stock rules should make on them:\n"
    "  OUTDIR/corpus.json        manifest (sides, organisations, documents)\n"
    "  OUTDIR/docs/SSS/NNNNNN.txt documents, 1000 to a folder\n"
    "  OUTDIR/gold.json          planted casualties, events and findings\n"
    "\n"
    "  -n N      number of documents (1 to 10000000)\n"
    "  -s SEED   generator seed, an unsigned 64-bit integer (default 1)\n"
    "  -h, --help  print this help\n"
    "\n"
    "The same N and SEED give byte-identical output on any machine.\n";

/* ---------------------------------------------------------------------- */
/* errors, buffers, files                                                  */

static void die(const char *fmt, ...)
{
    va_list ap;
    fputs("gencorpus: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

typedef struct {
    char *p;
    size_t len, cap;
} Buf;

static void buf_reserve(Buf *b, size_t extra)
{
    size_t cap = b->cap ? b->cap : 4096;
    char *p;
    if (b->len + extra + 1 <= b->cap) return;
    while (cap < b->len + extra + 1) cap *= 2;
    p = realloc(b->p, cap);
    if (!p) die("out of memory");
    b->p = p;
    b->cap = cap;
}

static void buf_add(Buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void buf_puts(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) die("internal error: bad format");
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/*
** Appends s[0..n) as a JSON string literal. The text is UTF-8 already, so
** only quotes, backslashes and control characters need escapes.
*/
static void buf_json(Buf *b, const char *s, size_t n)
{
    size_t i;
    buf_add(b, "\"", 1);
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\') {
            char esc[2] = {'\\', (char)ch};
            buf_add(b, esc, 2);
        } else if (ch < 0x20) {
            buf_printf(b, "\\u%04x", ch);
        } else {
            buf_add(b, s + i, 1);
        }
    }
    buf_add(b, "\"", 1);
}

static void buf_jstr(Buf *b, const char *s)
{
    if (s && *s)
        buf_json(b, s, strlen(s));
    else
        buf_puts(b, "null");
}

/* Formats into a fixed buffer; text that does not fit is a bug here. */
static void sfmt(char *dst, size_t n, const char *fmt, ...)
{
    va_list ap;
    int k;
    va_start(ap, fmt);
    k = vsnprintf(dst, n, fmt, ap);
    va_end(ap);
    if (k < 0 || (size_t)k >= n) die("internal error: text too long for its buffer");
}

typedef struct {
    FILE *f;
    char path[PATH_LEN];
} Out;

static void out_open(Out *o, const char *path, const char *mode)
{
    sfmt(o->path, sizeof o->path, "%s", path);
    o->f = fopen(path, mode);
    if (!o->f) die("cannot open %s: %s", path, strerror(errno));
}

static void out_write(Out *o, const void *p, size_t n)
{
    if (n && fwrite(p, 1, n, o->f) != n) die("cannot write %s: %s", o->path, strerror(errno));
}

static void out_buf(Out *o, Buf *b)
{
    out_write(o, b->p, b->len);
    b->len = 0;
}

static void out_close(Out *o)
{
    if (fclose(o->f) != 0) die("cannot write %s: %s", o->path, strerror(errno));
    o->f = NULL;
}

/* Creates a folder; an existing folder is fine. */
static void make_dir(const char *path)
{
    struct stat st;
    if (mkdir(path, 0777) == 0) return;
    if (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return;
    die("cannot create folder %s: %s", path, errno == EEXIST ? "not a folder" : strerror(errno));
}

/* Creates a folder and its missing parents, like mkdir -p. */
static void make_dirs(const char *path)
{
    char tmp[PATH_LEN];
    size_t i;
    sfmt(tmp, sizeof tmp, "%s", path);
    for (i = 1; tmp[i]; i++) {
        if (tmp[i] != '/') continue;
        tmp[i] = '\0';
        make_dir(tmp);
        tmp[i] = '/';
    }
    make_dir(tmp);
}

/* ---------------------------------------------------------------------- */
/* random numbers (splitmix64) and dates                                   */

typedef struct {
    uint64_t s;
} Rng;

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rng_next(Rng *r)
{
    r->s += 0x9e3779b97f4a7c15ULL;
    return mix64(r->s);
}

static int below(Rng *r, int n)
{
    return (int)(rng_next(r) % (uint64_t)n);
}

static int chance(Rng *r, int pct)
{
    return below(r, 100) < pct;
}

static int between(Rng *r, int lo, int hi)
{
    return lo + below(r, hi - lo + 1);
}

static int pick_weighted(Rng *r, const int *w, int n)
{
    int i, total = 0, x;
    for (i = 0; i < n; i++) total += w[i];
    x = below(r, total);
    for (i = 0; i < n; i++) {
        if (x < w[i]) return i;
        x -= w[i];
    }
    return n - 1;
}

#define PICK(r, a) ((a)[below((r), (int)NELEM(a))])

static const char *const MONTHS[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
static const char *const MONTH_ABBR[] = {"Jan.", "Feb.", "March", "April", "May",  "June",
                                         "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec."};
static const char *const WEEKDAYS[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long days_from_civil(long y, int m, int d)
{
    long era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    long era, doe, yoe, yy, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    yy = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* 0 is Monday; 1970-01-01 was a Thursday. */
static int weekday(long z)
{
    return (int)(((z % 7) + 7 + 3) % 7);
}

static void iso_date(char *out, size_t n, long z)
{
    int y, m, d;
    civil_from_days(z, &y, &m, &d);
    sfmt(out, n, "%04d-%02d-%02d", y, m, d);
}

static void long_date(char *out, size_t n, long z)
{
    int y, m, d;
    civil_from_days(z, &y, &m, &d);
    sfmt(out, n, "%d %s %d", d, MONTHS[m - 1], y);
}

/*
** Writes the date of day z as a document published on day pub would: "on
** 6 September 2021", "on September 6, 2021", "on 6 September", "on Sept.
** 6", "on Monday", "on Monday, 6 September" or "yesterday". Forms without
** a year need the same year as pub; weekday forms need z within the six
** days before pub, so that each resolves against the published date to
** exactly z. absolute allows only forms that name the day of the month.
*/
static void fmt_date(char *out, size_t n, long z, long pub, int absolute, Rng *r)
{
    enum { DMY, MDY, DM, MDA, WD, WDDM, YEST };
    int forms[8], nf = 0, y, m, d, py, pm, pd;
    long gap = pub - z;
    civil_from_days(z, &y, &m, &d);
    civil_from_days(pub, &py, &pm, &pd);
    forms[nf++] = DMY;
    forms[nf++] = MDY;
    if (y == py) {
        forms[nf++] = DM;
        forms[nf++] = MDA;
    }
    if (!absolute && gap >= 1 && gap <= 6) {
        forms[nf++] = WD;
        forms[nf++] = WD;
        if (y == py) forms[nf++] = WDDM;
    }
    if (!absolute && gap == 1) forms[nf++] = YEST;
    switch (forms[below(r, nf)]) {
    case DMY:
        sfmt(out, n, "on %d %s %d", d, MONTHS[m - 1], y);
        break;
    case MDY:
        sfmt(out, n, "on %s %d, %d", MONTHS[m - 1], d, y);
        break;
    case DM:
        sfmt(out, n, "on %d %s", d, MONTHS[m - 1]);
        break;
    case MDA:
        sfmt(out, n, "on %s %d", MONTH_ABBR[m - 1], d);
        break;
    case WD:
        sfmt(out, n, "on %s", WEEKDAYS[weekday(z)]);
        break;
    case WDDM:
        sfmt(out, n, "on %s, %d %s", WEEKDAYS[weekday(z)], d, MONTHS[m - 1]);
        break;
    default:
        sfmt(out, n, "yesterday");
        break;
    }
}

/* ---------------------------------------------------------------------- */
/* numbers                                                                 */

static const char *const ONES[] = {"zero",    "one",     "two",       "three",    "four",
                                   "five",    "six",     "seven",     "eight",    "nine",
                                   "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                   "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const TENS[] = {"",      "",      "twenty",  "thirty", "forty",
                                   "fifty", "sixty", "seventy", "eighty", "ninety"};

static int can_words(int v)
{
    return v >= 0 && (v < 100 || (v < 1000 && v % 100 == 0));
}

static void fmt_number(char *out, size_t n, int v, int words)
{
    if (words && can_words(v)) {
        if (v < 20)
            sfmt(out, n, "%s", ONES[v]);
        else if (v < 100 && v % 10)
            sfmt(out, n, "%s-%s", TENS[v / 10], ONES[v % 10]);
        else if (v < 100)
            sfmt(out, n, "%s", TENS[v / 10]);
        else
            sfmt(out, n, "%s hundred", ONES[v / 100]);
    } else if (v >= 1000000) {
        sfmt(out, n, "%d,%03d,%03d", v / 1000000, v / 1000 % 1000, v % 1000);
    } else if (v >= 1000) {
        sfmt(out, n, "%d,%03d", v / 1000, v % 1000);
    } else {
        sfmt(out, n, "%d", v);
    }
}

enum { MOD_PLAIN, MOD_MORE, MOD_ATLEAST, MOD_UPTO, MOD_ABOUT };

/* A casualty figure with its modifier: "40", "forty", "more than 40", ... */
static void fmt_figure(char *out, size_t n, int v, int mod, int words, Rng *r)
{
    static const char *const MORE[] = {"more than", "over"};
    static const char *const UPTO[] = {"up to", "as many as"};
    static const char *const ABOUT[] = {"about", "around", "some", "roughly"};
    char num[48];
    const char *m = NULL;
    fmt_number(num, sizeof num, v, words);
    switch (mod) {
    case MOD_MORE:
        m = PICK(r, MORE);
        break;
    case MOD_ATLEAST:
        m = "at least";
        break;
    case MOD_UPTO:
        m = PICK(r, UPTO);
        break;
    case MOD_ABOUT:
        m = PICK(r, ABOUT);
        break;
    default:
        break;
    }
    if (m)
        sfmt(out, n, "%s %s", m, num);
    else
        sfmt(out, n, "%s", num);
}

/* ---------------------------------------------------------------------- */
/* the invented world                                                      */

typedef struct {
    const char *names[3]; /* names[0] is the canonical spelling */
    int female;
} Person;

typedef struct {
    const char *id, *label, *acr, *shortname, *members, *media;
    Person people[3]; /* a spokesperson, a commander, a political official */
} Party;

typedef struct {
    const char *name, *capital, *river, *mountain;
    const char *landmarks[4];
    const char *onsets[16], *mids[6], *ends[10]; /* town-name syllables */
    const char *outlet, *monitor;                /* local outlet and monitor */
    Party party[2];
} Region;

static const Region REGIONS[NREGION] = {
    {"Tarsen Valley",
     "Korval",
     "Tarsa",
     "Hollin Pass",
     {"Ustrin", "Melkar", "Dashavan", "Pelgard"},
     {"Tar", "Kov", "Mesh", "Dal", "Sur", "Ban", "Hor", "Lak", "Zar", "Pir", "Gol", "Nav", "Shar",
      "Rud", "Ost", "Bel"},
     {"a", "e", "i", "o", "u", "ay"},
     {"vesh", "kand", "rud", "gar", "dun", "bast", "shir", "zan", "mak", "lor"},
     "Tarsen Courier",
     "Tarsen Valley Monitoring Group",
     {{"tpa",
       "Tarsen Provisional Authority",
       "TPA",
       "Provisional Authority",
       "troops",
       "TPA Press Office",
       {{{"Arvid Kostel", "Arvid Kostell", "Arvyd Kostel"}, 0},
        {{"Dmitar Velish", "Dimitar Velish", "Dmitar Veli\xc4\x87"}, 0},
        {{"Sorina Lavrent", "Sorina Lavrente", "Sorinna Lavrent"}, 1}}},
      {"rbm",
       "Red Banner Movement",
       "RBM",
       "Red Banner",
       "fighters",
       "Red Banner Media Centre",
       {{{"Yusuf Harmandi", "Yousef Harmandi", "Yusif Harmandy"}, 0},
        {{"Kamran Tolqin", "Kamran Tolkin", "Kamraan Tolqin"}, 0},
        {{"Nadira Suhrab", "Nadeera Suhrab", "Nadira Sohrab"}, 1}}}}},
    {"Velmora Basin",
     "Sastrel",
     "Velm",
     "Greyhorn Ridge",
     {"Quillon", "Matteya", "Norvik Ford", "Saltby"},
     {"Brem", "Kast", "Lind", "Mor", "Vell", "Sten", "Hald", "Ros", "Wend", "Tor", "Fels", "Gran",
      "Del", "Ask", "Nor", "Ulm"},
     {"a", "e", "i", "o", "ea", "y"},
     {"by", "stad", "holm", "mere", "vik", "dal", "berg", "lund", "sby", "thorp"},
     "Velmora Herald",
     "Velmora Civic Watch",
     {{"vdf",
       "Velmoran Defence Forces",
       "VDF",
       "Defence Forces",
       "troops",
       "VDF Information Service",
       {{{"Piet Vandermaal", "Pieter Vandermaal", "Piet van der Maal"}, 0},
        {{"Elsbet Korhonen", "Elsbeth Korhonen", "Elsbet Korhonnen"}, 1},
        {{"Marten Oosk", "Maarten Oosk", "M\xc3\xa5rten Oosk"}, 0}}},
      {"fvf",
       "Free Velmora Front",
       "FVF",
       "Free Front",
       "fighters",
       "Free Front Radio",
       {{{"Jurek Malanowicz", "Yurek Malanovich", "Jurek Malanovi\xc4\x87"}, 0},
        {{"Ilse Brandvik", "Ilze Brandvik", "Ilse Brandvick"}, 1},
        {{"Oskar Heyde", "Oscar Heyde", "Oskar Haide"}, 0}}}}},
    {"Qaranth Hills",
     "Hadrassa",
     "Sefir",
     "Anvar Heights",
     {"Telkoum", "Bir Nassa", "Ain Dulra", "Zafra"},
     {"Zaf", "Tal", "Qas", "Bir", "Mah", "Raf", "Nad", "Hasr", "Kaf", "Dun", "Sab", "Jal", "Mur",
      "Ghad", "Tum", "Wad"},
     {"a", "i", "u", "aa", "ou", "e"},
     {"ra", "sin", "mun", "dah", "lit", "kas", "nur", "rat", "bah", "zim"},
     "Hadrassa Voice",
     "Qaranth Documentation Centre",
     {{"qug",
       "Qaranthi Unity Government",
       "QUG",
       "Unity Government",
       "soldiers",
       "Unity Government Press Bureau",
       {{{"Faisal al-Mardini", "Faysal al-Mardini", "Faisal el-Mardini"}, 0},
        {{"Hamza Qutrani", "Hamza Koutrani", "Hamzah Qutrani"}, 0},
        {{"Layla Bassoumi", "Leila Bassoumi", "Layla Basumi"}, 1}}},
      {"shb",
       "Sable Hills Brigades",
       "SHB",
       "Sable Brigades",
       "fighters",
       "Sable Brigades Media Wing",
       {{{"Idris Abu Tahun", "Idriss Abou Tahoun", "Idris Abu Tahoun"}, 0},
        {{"Sami Kharrouf", "Sami Kharouf", "Sammy Kharruf"}, 0},
        {{"Rashid Mansali", "Rachid Mansali", "Rashid Mansaly"}, 0}}}}},
    {"Lower Ambrel",
     "Port Castellan",
     "Ambrel",
     "Marrow Downs",
     {"Fennick", "Oriel", "Gadsby Cross", "Marlow Quay"},
     {"Ash", "Brock", "Cran", "Dun", "Elm", "Fen", "Gar", "Hol", "Kes", "Lang", "Mar", "Bly", "Pen",
      "Rush", "Salt", "Wick"},
     {"a", "e", "i", "o", "en", "er"},
     {"ford", "ham", "ley", "wick", "stow", "combe", "bury", "field", "mouth", "wold"},
     "Ambrel Gazette",
     "Ambrel Peace Monitors",
     {{"ara",
       "Ambrel Republican Army",
       "ARA",
       "Republican Army",
       "soldiers",
       "ARA Public Affairs",
       {{{"Colm Fennimore", "Colm Fenimore", "Colum Fennimore"}, 0},
        {{"Bridget Achterberg", "Bridgette Achterberg", "Bridget Achterburg"}, 1},
        {{"Rory Haldane", "Rorie Haldane", "Rory Haldayne"}, 0}}},
      {"cfl",
       "Coastal Freedom League",
       "CFL",
       "Freedom League",
       "fighters",
       "Freedom League Voice",
       {{{"Ewan Marrick", "Euan Marrick", "Ewan Merrick"}, 0},
        {{"Siobhan Tarrant", "Shivaun Tarrant", "Siobh\xc3\xa1n Tarrant"}, 1},
        {{"Declan Moyle", "Deklan Moyle", "Declan Moile"}, 0}}}}},
    {"Dorvani Coast",
     "Ilvetsa",
     "Dorva",
     "Kalin Range",
     {"Branitsa", "Zorenka", "Pridvor", "Velko Polje"},
     {"Bran", "Drav", "Kos", "Lov", "Mir", "Nov", "Pol", "Rad", "Slav", "Tresh", "Vod", "Zel",
      "Grab", "Dub", "Kral", "Pet"},
     {"a", "e", "i", "o", "ov", "en"},
     {"nica", "vac", "vo", "lina", "drevo", "zane", "tija", "grad", "nik", "sko"},
     "Ilvetsa Morning News",
     "Dorvani Coast Observatory",
     {{"dng",
       "Dorvani National Guard",
       "DNG",
       "National Guard",
       "troops",
       "National Guard Press Service",
       {{{"Bogdan Radovanic", "Bogdan Radovanovi\xc4\x87", "Bohdan Radovanich"}, 0},
        {{"Vesna Kralj", "Vesna Kral", "Wesna Kralj"}, 1},
        {{"Zoran Petrelic", "Zoran Petreli\xc4\x87", "Zoran Petrelitch"}, 0}}},
      {"sta",
       "Seventh Tide Alliance",
       "STA",
       "Tide Alliance",
       "fighters",
       "Tide Alliance Communications",
       {{{"Luka Vranjes", "Luka Vranje\xc5\xa1", "Luca Vranyes"}, 0},
        {{"Tihana Mesic", "Tihana Mesi\xc4\x87", "Tijana Mesich"}, 1},
        {{"Drago Obradin", "Drago Obradine", "Dragho Obradin"}, 0}}}}},
    {"Mirvash Steppe",
     "Aktabar",
     "Shurek",
     "Burkut Hills",
     {"Esenkul", "Tobyrgan", "Zhansary", "Karamerge"},
     {"Ak", "Bal", "Kar", "Kyz", "Sar", "Tas", "Uzun", "Zhan", "Kok", "Bay", "Tem", "Esh", "Tur",
      "Ord", "Kum", "Alt"},
     {"a", "i", "y", "u", "ul", "an"},
     {"bek", "tobe", "kol", "su", "tau", "bulak", "kent", "shi", "tal", "zhar"},
     "Steppe Bulletin",
     "Steppe Conflict Watch",
     {{"msc",
       "Mirvash Steppe Command",
       "MSC",
       "Steppe Command",
       "troops",
       "Steppe Command Information Office",
       {{{"Nurlan Bekzhanov", "Nurlan Bekjanov",
          "Nourlan Bek\xc5\xbe"
          "anov"},
         0},
        {{"Aigerim Tasbolat", "Aygerim Tasbolat", "Aigerim Tasbulat"}, 1},
        {{"Yerlan Dossov", "Erlan Dossov", "Yerlan Dosov"}, 0}}},
      {"gwc",
       "Grey Wind Coalition",
       "GWC",
       "Grey Wind",
       "fighters",
       "Grey Wind Media",
       {{{"Timur Saktaganov", "Temir Saktaganov", "Timur Saqtaganov"}, 0},
        {{"Askar Zhumagul", "Asqar Zhumagul", "Askar Jumagul"}, 0},
        {{"Dana Orynbek", "Dana Orynbeck", "Dana Orinbek"}, 1}}}}},
    {"Islen Marches",
     "Caer Islen",
     "Wendle",
     "Harrow Fells",
     {"Aldermere", "Brackenholt", "Wythe Cross", "Linmouth"},
     {"Ald", "Brack", "Cold", "Ebb", "Fal", "Gorm", "Harl", "Ivy", "Kirk", "Lyd", "Moss", "Oak",
      "Ridd", "Stan", "Thorn", "Wyth"},
     {"e", "i", "o", "y", "en", "an"},
     {"moor", "dene", "hope", "garth", "side", "well", "croft", "brook", "ridge", "nook"},
     "Marches Observer",
     "Marches Monitoring Mission",
     {{"irf",
       "Islen Regency Forces",
       "IRF",
       "Regency Forces",
       "soldiers",
       "Regency Information Office",
       {{{"Hugh Penderel", "Hew Penderel", "Hugh Penderell"}, 0},
        {{"Margery Thwaite", "Marjorie Thwaite", "Margery Thwaites"}, 1},
        {{"Alaric Venn", "Alarik Venn", "Alaric Fenn"}, 0}}},
      {"mpf",
       "Marcher Popular Front",
       "MPF",
       "Popular Front",
       "fighters",
       "Popular Front Press",
       {{{"Gwilym Ashdown", "Gwillim Ashdown", "Gwilym Ashdowne"}, 0},
        {{"Rhosyn Caddell", "Rosyn Caddell", "Rhosyn Cadell"}, 1},
        {{"Tegwen Marle", "Tegwyn Marle", "Tegwen Marl"}, 1}}}}},
    {"Zhorvak Delta",
     "Nemanyi",
     "Zhorva",
     "Kerecs Hills",
     {"Kirrin Point", "Drassny", "Lobana", "Ost Velka"},
     {"Bar", "Dob", "Fer", "Gyor", "Hal", "Kis", "Lab", "Mez", "Nag", "Pal", "Rev", "Sar", "Tok",
      "Ujv", "Vas", "Zal"},
     {"a", "e", "o", "u", "ar", "ol"},
     {"szeg", "falva", "hely", "vara", "tosk", "nyi", "lak", "ret", "bany", "kut"},
     "Delta Telegraph",
     "Delta Incident Registry",
     {{"zia",
       "Zhorvak Interim Administration",
       "ZIA",
       "Interim Administration",
       "troops",
       "Interim Administration Press Office",
       {{{"Andrei Szolnoky", "Andrej Szolnoki", "Andrei Solnoky"}, 0},
        {{"Katalin Ferency", "Katalin Ferenczy", "Katalin Ferenci"}, 1},
        {{"Istvan Moharos", "Istv\xc3\xa1n Moharos", "Ishtvan Moharos"}, 0}}},
      {"rlu",
       "Reedland Liberation Union",
       "RLU",
       "Reedland Union",
       "fighters",
       "Reedland Union Media",
       {{{"Ferenc Dobrava", "Ferenz Dobrava", "Ferenc Dobravah"}, 0},
        {{"Zsofia Kurtag",
          "Zs\xc3\xb3"
          "fia Kurt\xc3\xa1g",
          "Sofia Kurtag"},
         1},
        {{"Miklos Varanyi", "Mikl\xc3\xb3s Var\xc3\xa1nyi", "Miklosh Varanyi"}, 0}}}}},
};

static const char *const GLOBAL_OUTLETS[NGLOBAL_OUTLET] = {
    "Meridian Wire",         "Northline Press Agency", "Continental News Service",
    "Atlas Dispatch",        "The Evening Lantern",    "Eastgate Radio",
    "Crossroads Television", "Harbourside Chronicle",  "Global Ledger",
    "Pelican Broadcasting"};

static const char *const GLOBAL_MONITORS[2] = {"Halden Conflict Observatory",
                                               "Lindqvist Institute for Conflict Data"};

static const char *const BYLINES[] = {
    "Imogen Salter",    "Tariq Hollis", "Maren Lund",     "Paulo Okafor",
    "Rhea Castellanos", "Jonas Weir",   "Amira Sollberg", "Kofi Arland",
    "Lena Marsh",       "Dario Pell",   "Hana Ostrova",   "Felix Amundsen",
    "Noor Calloway",    "Ines Barrow",  "Mateo Grell",    "Selin Varga"};

static const char *const TOWN_QUALIFIERS[] = {"Upper", "Lower", "Old", "New"};

/* Outlet o: 0..9 are the international outlets, 10..17 the regions' own. */
static const char *outlet_name(int o)
{
    return o < NGLOBAL_OUTLET ? GLOBAL_OUTLETS[o] : REGIONS[o - NGLOBAL_OUTLET].outlet;
}

/* Monitor m: 0..7 the regions' own, 8 and 9 international. */
static const char *monitor_name(int m)
{
    return m < NREGION ? REGIONS[m].monitor : GLOBAL_MONITORS[m - NREGION];
}

/*
** Names the idx-th town of a region from its syllables: first the 960
** two-part names (onset, vowel, ending), then 92,160 three-part ones, then
** the same with a qualifier ("Upper ..."). The index is scrambled so that
** consecutive towns do not look alike. Names repeat only after 465,600
** towns, that is some ten million documents.
*/
static void town_name(char *out, size_t n, const Region *rg, unsigned long idx)
{
    const unsigned long nshort = 16 * 6 * 10, nlong = 16 * 6 * 16 * 6 * 10;
    unsigned long q = idx / (nshort + nlong) % 5, k = idx % (nshort + nlong);
    char name[48], second[16];
    if (k < nshort) {
        k = k * 577 % nshort;
        sfmt(name, sizeof name, "%s%s%s", rg->onsets[k % 16], rg->mids[k / 16 % 6],
             rg->ends[k / 96]);
    } else {
        k = (k - nshort) * 7919 % nlong;
        sfmt(second, sizeof second, "%s", rg->onsets[k / 96 % 16]);
        second[0] = (char)(second[0] - 'A' + 'a');
        sfmt(name, sizeof name, "%s%s%s%s%s", rg->onsets[k % 16], rg->mids[k / 16 % 6], second,
             rg->mids[k / 1536 % 6], rg->ends[k / 9216]);
    }
    if (q)
        sfmt(out, n, "%s %s", TOWN_QUALIFIERS[q - 1], name);
    else
        sfmt(out, n, "%s", name);
}

/* ---------------------------------------------------------------------- */
/* the plan of a region-week                                               */

enum { CAT_KILLED, CAT_WOUNDED, CAT_CAPTURED };
static const char *const CATNAME[] = {"killed", "wounded", "captured"};

enum { SC_ONESIDED, SC_CORROB, SC_CONFLICT, SC_SINGLE };
static const char *const SCNAME[] = {"one-sided", "corroborated", "figure-conflict", "single"};

enum { EV_NONE, EV_SINGLE, EV_AGREE, EV_CONFLICT };
static const char *const EVNAME[] = {"none", "single", "agree", "date-conflict"};

/* who states a claim */
enum { CT_UNATTR, CT_OUTLET, CT_MEDIC, CT_MONITOR, CT_ORG, CT_PERSON, CT_ANON };

/* a document's part in an incident */
enum { R_STMT0, R_STMT1, R_WIRE1, R_WIRE2, R_ROUNDUP };

enum { D_STMT, D_WIRE, D_FOLLOW, D_ROUNDUP, D_FEATURE, D_POLSTMT, D_MARKET };

enum { RULE_ONESIDED, RULE_FIGURE, RULE_DATE };
static const char *const RULENAME[] = {"one-sided-casualty", "figure-conflict", "date-conflict"};

typedef struct {
    int incident, scen, cat, subject; /* subject: party 0/1 or SUBJ_CIV */
    int claims[2], nclaims;
} Cluster;

typedef struct {
    int cluster, incident, role, doc;
    int ctype, party, who, monitor; /* claimant: type, party, person, monitor */
    int value, mod, words, hedged, ack;
    /* set while the document is written */
    unsigned long id, docno;
    size_t s, e, fs, fe, ds, de;
    char fig[64], claimant[160];
    const char *source;
} Claim;

typedef struct {
    int incident, role, doc, ctype, who;
    long date;
    unsigned long id, docno;
    size_t s, e, ds, de;
    char datetext[64], claimant[160];
    const char *source;
} Event;

typedef struct {
    char town[64];
    long date;
    int att, evscen, out1, out2, misdated2;
    int used[4], doc[4];
} Incident;

typedef struct {
    int type, incident, role, party, outlet;
    long published;
} DocPlan;

typedef struct {
    unsigned long week;
    int region, ninc, ncl, nc, nev, nd, monitor, round_used, round_doc;
    long week_start;
    Rng rng;
    Incident inc[MAX_INC];
    Cluster cl[MAX_CLUSTER];
    Claim c[MAX_CLAIM];
    Event ev[MAX_EVENT];
    DocPlan d[MAX_DOC];
} Unit;

static int pick_outlet(Rng *r, int region, int other)
{
    int o;
    do {
        o = below(r, NGLOBAL_OUTLET + 1);
        if (o == NGLOBAL_OUTLET) o = NGLOBAL_OUTLET + region;
    } while (o == other);
    return o;
}

/* A party claimant: named person, unnamed official or the organisation. */
static void pick_party_claimant(Rng *r, int in_statement, int *ctype, int *who)
{
    static const int WHO[] = {60, 25, 15};
    *who = pick_weighted(r, WHO, 3);
    if (in_statement)
        *ctype = chance(r, 50) ? CT_ORG : CT_PERSON;
    else {
        static const int W[] = {50, 25, 25};
        static const int T[] = {CT_PERSON, CT_ANON, CT_ORG};
        *ctype = T[pick_weighted(r, W, 3)];
    }
}

static void add_event(Unit *u, int k, int role, long date, int party_voice)
{
    Event *e = &u->ev[u->nev++];
    memset(e, 0, sizeof *e);
    e->incident = k;
    e->role = role;
    e->date = date;
    e->ctype = CT_UNATTR;
    if (party_voice) pick_party_claimant(&u->rng, role <= R_STMT1, &e->ctype, &e->who);
    u->inc[k].used[role] = 1;
}

/*
** Plans who reports the capture of an incident's town: nobody, one
** source, two sources that agree (in different date forms), or two that
** give dates a day apart (a planted date-conflict). The misdated report is
** always a follow-up (WIRE2) in the outlet's own voice and carries nothing
** else about the incident, so its casualty dates cannot disagree too.
*/
static void plan_events(Unit *u, int k)
{
    static const int W[] = {15, 35, 30, 20};
    Incident *I = &u->inc[k];
    Rng *r = &u->rng;
    int stmt = R_STMT0 + I->att;
    I->evscen = pick_weighted(r, W, 4);
    switch (I->evscen) {
    case EV_SINGLE:
        if (chance(r, 45))
            add_event(u, k, stmt, I->date, 1);
        else
            add_event(u, k, R_WIRE1, I->date, chance(r, 35));
        break;
    case EV_AGREE:
        if (chance(r, 50)) {
            add_event(u, k, stmt, I->date, 1);
            add_event(u, k, R_WIRE1, I->date, 0);
        } else {
            add_event(u, k, R_WIRE1, I->date, chance(r, 35));
            add_event(u, k, R_WIRE2, I->date, 0);
        }
        break;
    case EV_CONFLICT:
        if (chance(r, 50))
            add_event(u, k, stmt, I->date, 1);
        else
            add_event(u, k, R_WIRE1, I->date, chance(r, 35));
        add_event(u, k, R_WIRE2, I->date + (chance(r, 60) ? 1 : -1), 0);
        I->misdated2 = 1;
        break;
    default:
        break;
    }
}

static int gen_value(Rng *r, int cat, int civ)
{
    static const int W[] = {35, 45, 20};
    static const int LO[3][3] = {{2, 20, 100}, {3, 30, 150}, {2, 16, 81}};
    static const int HI[3][3] = {{19, 99, 400}, {29, 149, 500}, {15, 80, 200}};
    int band = pick_weighted(r, W, 3), v;
    if (civ)
        v = between(r, 2, 41);
    else
        v = between(r, LO[cat][band], HI[cat][band]);
    if (v >= 50 && chance(r, 50)) v = v / 10 * 10;
    return v;
}

static int add_claim(Unit *u, int cluster, int role, int ctype, int party, int value, int mod)
{
    Cluster *cl = &u->cl[cluster];
    Claim *c = &u->c[u->nc];
    memset(c, 0, sizeof *c);
    c->cluster = cluster;
    c->incident = cl->incident;
    c->role = role;
    c->ctype = ctype;
    c->party = party;
    c->monitor = -1;
    c->value = value;
    c->mod = mod == MOD_ABOUT && value < 10 ? MOD_PLAIN : mod;
    c->words = can_words(value) && chance(&u->rng, 35);
    c->hedged = chance(&u->rng, party >= 0 ? 10 : 6);
    cl->claims[cl->nclaims++] = u->nc;
    if (role == R_ROUNDUP)
        u->round_used = 1;
    else
        u->inc[cl->incident].used[role] = 1;
    return u->nc++;
}

/* An independent claimant in a wire report; never the weekly monitor. */
static void indep_claimant(Unit *u, Claim *c, int avoid_ctype, int avoid_monitor)
{
    static const int W[] = {15, 20, 30, 35};
    Rng *r = &u->rng;
    int captured = u->cl[c->cluster].cat == CAT_CAPTURED;
    do c->ctype = pick_weighted(r, W, 4); /* CT_UNATTR .. CT_MONITOR */
    while (c->ctype == CT_MEDIC && (avoid_ctype == CT_MEDIC || captured));
    if (c->ctype == CT_MONITOR) {
        const int m[3] = {u->region, NREGION, NREGION + 1};
        do c->monitor = m[below(r, 3)];
        while (c->monitor == u->monitor || c->monitor == avoid_monitor);
    }
}

static int party_role(Unit *u, int party)
{
    return chance(&u->rng, 45) ? R_STMT0 + party : R_WIRE1;
}

/*
** Plans one to three casualty clusters for an incident: each a distinct
** (category, whose people) pair, and each one scenario: a party's figure
** nobody else gives (one-sided), a party's figure an independent source or
** the other party repeats (corroborated), two independent sources that
** disagree (figure-conflict), or one independent figure (single). Claims
** of one cluster always sit in different documents.
*/
static void plan_clusters(Unit *u, int k)
{
    static const int NW[] = {30, 45, 25};
    static const int SW[] = {35, 30, 15, 20};
    static const int PCAT[] = {60, 20, 20};
    static const int ICAT[] = {55, 30, 15};
    static const int CCAT[] = {60, 40, 0};
    static const int SUBJ[] = {40, 40, 20};
    static const int OMOD[] = {45, 20, 15, 8, 12};
    static const int CMOD[] = {55, 15, 15, 0, 15};
    static const int XMOD[] = {70, 0, 0, 0, 30};
    static const int IMOD[] = {60, 0, 20, 0, 20};
    Incident *I = &u->inc[k];
    Rng *r = &u->rng;
    int n = pick_weighted(r, NW, 3) + 1, j, tries, first = u->ncl;
    for (j = 0; j < n; j++) {
        int scen = 0, cat = 0, subj = 0, party = -1, ok = 0, i, a, b, v;
        Cluster *cl;
        for (tries = 0; tries < 10 && !ok; tries++) {
            scen = pick_weighted(r, SW, 4);
            if (scen == SC_ONESIDED || scen == SC_CORROB) {
                party = chance(r, 70) ? I->att : 1 - I->att;
                subj = 1 - party;
                cat = pick_weighted(r, PCAT, 3);
            } else {
                party = -1;
                subj = pick_weighted(r, SUBJ, 3);
                cat = pick_weighted(r, subj == SUBJ_CIV ? CCAT : ICAT, 3);
            }
            ok = 1;
            for (i = first; i < u->ncl; i++)
                if (u->cl[i].cat == cat && u->cl[i].subject == subj) ok = 0;
        }
        if (!ok) continue;
        cl = &u->cl[u->ncl];
        memset(cl, 0, sizeof *cl);
        cl->incident = k;
        cl->scen = scen;
        cl->cat = cat;
        cl->subject = subj;
        v = gen_value(r, cat, subj == SUBJ_CIV);
        switch (scen) {
        case SC_ONESIDED: {
            int role = party_role(u, party), ct, who;
            pick_party_claimant(r, role <= R_STMT1, &ct, &who);
            a = add_claim(u, u->ncl, role, ct, party, v, pick_weighted(r, OMOD, 5));
            u->c[a].who = who;
            break;
        }
        case SC_CORROB: {
            int role = party_role(u, party), ct, who, mod = pick_weighted(r, CMOD, 5);
            pick_party_claimant(r, role <= R_STMT1, &ct, &who);
            a = add_claim(u, u->ncl, role, ct, party, v, mod);
            u->c[a].who = who;
            if (chance(r, 35)) {
                /* the counted side itself confirms the figure */
                int role2 = role != R_WIRE1 && chance(r, 50) ? R_WIRE1 : R_STMT0 + subj;
                pick_party_claimant(r, role2 <= R_STMT1, &ct, &who);
                b = add_claim(u, u->ncl, role2, ct, subj, v, mod);
                u->c[b].who = who;
                u->c[b].ack = 1;
            } else if (role != R_WIRE1) {
                b = add_claim(u, u->ncl, R_WIRE1, CT_UNATTR, -1, v, mod);
                indep_claimant(u, &u->c[b], -1, -1);
            } else if (!I->misdated2 && chance(r, 40)) {
                b = add_claim(u, u->ncl, R_WIRE2, CT_UNATTR, -1, v, mod);
                indep_claimant(u, &u->c[b], -1, -1);
            } else {
                b = add_claim(u, u->ncl, R_ROUNDUP, CT_MONITOR, -1, v, mod);
                u->c[b].monitor = u->monitor;
            }
            u->c[b].words = can_words(v) && !u->c[a].words;
            u->c[b].hedged = 0;
            break;
        }
        case SC_CONFLICT: {
            /* one draw per statement: argument order is unspecified in C */
            int down = v >= 20 && chance(r, 50), f = between(r, 2, 4), v2 = down ? v / f : v * f;
            if (!down) v2 += below(r, 10);
            if (v2 < 2) v2 = v * 3;
            a = add_claim(u, u->ncl, R_WIRE1, CT_UNATTR, -1, v, pick_weighted(r, XMOD, 5));
            indep_claimant(u, &u->c[a], -1, -1);
            if (!I->misdated2 && chance(r, 40)) {
                b = add_claim(u, u->ncl, R_WIRE2, CT_UNATTR, -1, v2, pick_weighted(r, XMOD, 5));
                indep_claimant(u, &u->c[b], u->c[a].ctype, u->c[a].monitor);
            } else {
                b = add_claim(u, u->ncl, R_ROUNDUP, CT_MONITOR, -1, v2, pick_weighted(r, XMOD, 5));
                u->c[b].monitor = u->monitor;
            }
            break;
        }
        default: {
            int role =
                chance(r, 70) ? R_WIRE1 : (!I->misdated2 && chance(r, 40) ? R_WIRE2 : R_ROUNDUP);
            a = add_claim(u, u->ncl, role, CT_MONITOR, -1, v, pick_weighted(r, IMOD, 5));
            if (role == R_ROUNDUP)
                u->c[a].monitor = u->monitor;
            else
                indep_claimant(u, &u->c[a], -1, -1);
            break;
        }
        }
        u->ncl++;
    }
}

static void add_doc(Unit *u, int type, int incident, int role, int party, int outlet, long pub)
{
    DocPlan *d = &u->d[u->nd++];
    d->type = type;
    d->incident = incident;
    d->role = role;
    d->party = party;
    d->outlet = outlet;
    d->published = pub;
}

/*
** Plans the documents of one region in one week: two to four incidents
** (each a town fought over on its own day), their capture reports and
** casualty clusters, the documents that carry them, a weekly summary by a
** monitor when one is needed, and one to three documents with no claims.
*/
static void plan_unit(Unit *u, uint64_t seed, unsigned long week, int region, long day0)
{
    static const int FILL[] = {45, 25, 30};
    int days[6] = {0, 1, 2, 3, 4, 5}, i, k, nfill;
    Rng *r = &u->rng;
    memset(u, 0, sizeof *u);
    u->rng.s = mix64(seed ^ mix64(((uint64_t)week << 8) | (uint64_t)region));
    u->week = week;
    u->region = region;
    u->week_start = day0 + 7 * (long)week;
    u->monitor = chance(r, 70) ? region : NREGION + below(r, 2);
    u->ninc = between(r, 2, MAX_INC);
    for (i = 5; i > 0; i--) {
        int j = below(r, i + 1), t = days[i];
        days[i] = days[j];
        days[j] = t;
    }
    for (i = 1; i < u->ninc; i++) /* the incidents in date order */
        for (k = i; k > 0 && days[k] < days[k - 1]; k--) {
            int t = days[k];
            days[k] = days[k - 1];
            days[k - 1] = t;
        }
    for (k = 0; k < u->ninc; k++) {
        Incident *I = &u->inc[k];
        town_name(I->town, sizeof I->town, &REGIONS[region], week * MAX_INC + (unsigned long)k);
        I->date = u->week_start + days[k];
        I->att = below(r, 2);
        I->out1 = pick_outlet(r, region, -1);
        I->out2 = pick_outlet(r, region, I->out1);
        I->used[R_WIRE1] = 1;
        plan_events(u, k);
        plan_clusters(u, k);
    }
    for (k = 0; k < u->ninc; k++) {
        Incident *I = &u->inc[k];
        int order[4] = {R_STMT0 + I->att, R_WIRE1, R_STMT0 + (1 - I->att), R_WIRE2};
        for (i = 0; i < 4; i++) {
            int role = order[i];
            long pub;
            if (!I->used[role]) continue;
            if (role == R_WIRE1)
                pub = I->date + between(r, 1, 2);
            else if (role == R_WIRE2)
                pub = I->date + between(r, 2, 4);
            else if (role == R_STMT0 + I->att)
                pub = I->date + (chance(r, 70) ? 1 : 2);
            else
                pub = I->date + between(r, 1, 3);
            add_doc(u,
                    role <= R_STMT1   ? D_STMT
                    : role == R_WIRE1 ? D_WIRE
                                      : D_FOLLOW,
                    k, role, role <= R_STMT1 ? role - R_STMT0 : -1,
                    role == R_WIRE1   ? I->out1
                    : role == R_WIRE2 ? I->out2
                                      : -1,
                    pub);
        }
    }
    if (u->round_used)
        add_doc(u, D_ROUNDUP, -1, R_ROUNDUP, -1, -1, u->week_start + 7 + below(r, 3));
    nfill = between(r, 1, 3);
    for (i = 0; i < nfill; i++) {
        int pos = below(r, u->nd + 1), type = D_FEATURE + pick_weighted(r, FILL, 3);
        int party = below(r, 2), outlet = pick_outlet(r, region, -1);
        DocPlan tmp;
        add_doc(u, type, -1, -1, party, outlet, u->week_start + 1 + below(r, 7));
        tmp = u->d[u->nd - 1];
        memmove(&u->d[pos + 1], &u->d[pos], (size_t)(u->nd - 1 - pos) * sizeof tmp);
        u->d[pos] = tmp;
    }
    for (i = 0; i < u->nd; i++) {
        if (u->d[i].incident >= 0) u->inc[u->d[i].incident].doc[u->d[i].role] = i;
        if (u->d[i].type == D_ROUNDUP) u->round_doc = i;
    }
    for (i = 0; i < u->nc; i++)
        u->c[i].doc =
            u->c[i].role == R_ROUNDUP ? u->round_doc : u->inc[u->c[i].incident].doc[u->c[i].role];
    for (i = 0; i < u->nev; i++) u->ev[i].doc = u->inc[u->ev[i].incident].doc[u->ev[i].role];
}

/* ---------------------------------------------------------------------- */
/* templates                                                               */

/*
** Template language: {name} is a slot, {Name} the same slot with its first
** letter capitalised; [ and ] mark the span of a planted claim; {fig} and
** {date} also record their own spans. Filler templates never state a
** casualty figure or a capture: the planted ones are all there is.
*/

static const char *const T_BG[] = {
    "{R} stretches for {km} along the {riv}, from the foothills below the {mtn} to the "
    "plains east of {cap}.",
    "{Cap} has been the seat of the provincial administration since {dec}, and its covered market "
    "is among the oldest in the region.",
    "Farms cover {pct} of the land in {r}, most of it watered by canals fed from the {riv}.",
    "The road from {cap} to {twn} covers {km}, and the journey lasts {drive} in good weather.",
    "In winter the road over the {mtn} is often shut for {days} at a time, cutting {twn} off from "
    "the provincial centre.",
    "{Twn} is known for its orchards; growers say apricot yields have fallen by {pct} since {yr}.",
    "The province had a population of {pop} at the last census in {yr}, although officials say "
    "the figure is out of date.",
    "A hydroelectric dam on the {riv} was completed in {dec} and still supplies {pct} of the "
    "province{ap}s electricity.",
    "Local historians trace the rivalry between {pa} and {pb} to a land dispute in {dec}.",
    "A ceasefire signed on {hist} lasted {n} months before each side accused the other of "
    "breaking it.",
    "Most families in {r} depend on farming, herding or money sent home by relatives working "
    "abroad.",
    "The old caravan route over the {mtn} was paved in {dec} and widened again in {yr}.",
    "{Twn} lies {km} {dir} of {cap}, close to where a smaller stream joins the {riv}.",
    "Traders estimate that {prng} of the valley{ap}s wheat is sold in {cap}.",
    "The mountains around {r} rise to more than {height} metres, and several villages can only be "
    "reached on foot.",
    "Much of the fighting in {dec} followed the same roads that are contested today.",
    "The {riv} floods most springs, and in {yr} the water rose high enough to close the bridge at "
    "{twn} for {days}.",
    "{Cap}{ap}s university, founded in {dec}, has several thousand students and a small "
    "agricultural institute.",
    "{Rng} small hydro plants operate along the upper {riv}, according to the regional energy "
    "office.",
    "{Cap} sits at the junction of the {riv} valley road and the highway over the {mtn}.",
    "Census records from {dec} list {n} languages spoken in the province, though most residents "
    "today use two.",
    "The {riv} is navigable by small boats for {km} below {cap}.",
    "Copper was mined near {twn} until {dec}, and the spoil heaps are still visible from the "
    "road.",
    "Rainfall in {r} has been below average in {n} of the past ten years, according to the "
    "regional weather office.",
    "{Twn} was a staging post on the old salt road, and its caravanserai now serves as a school.",
    "The provincial budget for {yr} set aside {pct} of spending for roads and bridges.",
    "The province{ap}s border with its neighbours runs for {km}, much of it through high pasture.",
    "Since {midm}, the price of a bus ticket from {twn} to {cap} has roughly doubled.",
    "Older residents still remember the drought of {dec}, when the {riv} nearly ran dry.",
    "The regional museum in {cap} reopened in {yr} after a renovation that lasted {n} years.",
    "Wool from the high pastures around {twn} is sold at a market held every {weekday} in {cap}.",
};

static const char *const T_HUM[] = {
    "The price of {goods} in {cap} has risen by {pct} since {midm}, shopkeepers said.",
    "{Vag} trucks carrying {goods} and {goods} were waiting at the checkpoint outside {twn}, "
    "drivers said.",
    "Aid agencies say {pct} of households in {r} now rely on food assistance.",
    "A convoy of {rng} lorries reached {twn} after waiting {days} for permission to pass.",
    "Electricity in {cap} is available for only {hours} a day, residents said.",
    "The regional water board said {pct} of pumping stations along the {riv} were out of "
    "service.",
    "Fuel in {twn} now sells for about twice the price in {cap}, drivers said.",
    "Schools in {twn} reopened this week after being shut for {days}.",
    "{Out}{ap}s correspondent in {cap} saw {vag} people queueing outside bakeries early in the "
    "morning.",
    "Mobile networks in parts of {r} have been down for {days}, and landlines work only "
    "intermittently.",
    "Traders in {cap} said deliveries from {twn} had dropped to {rng} a week.",
    "{Vag} shops in the old market of {cap} have stayed shut since {midm}.",
    "A health official said vaccination teams in {r} had reached only {pct} of children this "
    "year.",
    "The bridge over the {riv} at {twn}, {km} upstream of {cap}, is open to light vehicles "
    "only.",
    "Farmers near {twn} say they have sold no more than {pct} of this year{ap}s harvest.",
    "The regional airport at {cap} handles {n} flights a week, down from {n2} in {yr}.",
    "{Vag} tonnes of {goods} are stored in warehouses in {cap}, waiting for the roads to reopen.",
    "A kilogram of {goods} costs {pct} more in {twn} than it did in {midm}.",
    "The aid coordinator for {r} said {vag} families in {twn} had received winter kits.",
    "Bakeries in {cap} have cut their opening hours to {hours} a day to save flour and fuel.",
    "The central bakery in {twn} said it had enough {goods} for {days}.",
    "Transport companies in {cap} have raised fares by {pct}, citing the cost of fuel.",
    "A cooperative of {n} villages near {twn} has started selling produce directly in {cap}.",
    "Queues at the fuel station on the {cap} ring road stretched for several hundred metres on "
    "some mornings.",
    "Clinics in {twn} report shortages of {goods} and basic painkillers.",
    "The regional grain board put this year{ap}s wheat harvest at {prng} below the five-year "
    "average.",
};

static const char *const T_POL[] = {
    "{Pa} and {pb} last held formal talks in {midm}, in a round hosted by {med}.",
    "Diplomats said a new round of talks could open {soon}, though no date has been set.",
    "{Med} has offered to host negotiations and said its envoy would visit {cap} {soon}.",
    "{Lq}We are ready to talk to anyone who respects the people of {r},{rq} {spk} said.",
    "{Lq}Nobody in {r} believes this can be settled by force,{rq} {anon} told {out}.",
    "{Spk} said the group would not attend talks while checkpoints on the {riv} road remained in "
    "place.",
    "{Lq}The roads must stay open to traders and to aid, whatever happens at the front,{rq} {spk} "
    "said.",
    "A regional envoy, speaking on condition of anonymity, described the mood in {cap} as "
    "{mood}.",
    "{Pa} has repeatedly called for international observers to be sent to {r}.",
    "The provincial assembly in {cap} has not met since {midm}, and several members have left the "
    "province.",
    "{Lq}We hear many promises and see very little,{rq} a shopkeeper in {twn} said.",
    "{Spk} accused {pb} of blocking deliveries of {goods} to {twn}, a charge {pb} rejected.",
    "Both {pa} and {pb} say they are open to a ceasefire but disagree on who should monitor it.",
    "{Spk} dismissed the idea of outside mediation as {lq}premature{rq}.",
    "In {yr}, a similar initiative by {med} collapsed after {n} weeks of meetings.",
    "The governor of the province has not been seen in public since {midm}, according to local "
    "journalists.",
    "{Lq}Every week without talks makes the next round harder,{rq} {anon} said.",
    "Officials in {med} said they were following events in {r} closely.",
    "{Spk} said {pa} wanted guarantees on the return of schools and clinics to civilian "
    "management.",
    "A delegation from {med} met elders in {twn} to discuss a local truce.",
    "{Lq}We are not against talks; we are against talks that go nowhere,{rq} {spk} said.",
    "Western governments have urged both sides to let aid convoys through the {mtn}.",
    "{Pa} published a list of {n} conditions for a ceasefire, including the reopening of the {riv} "
    "road.",
    "{Spk} told reporters in {cap} that the group{ap}s position had not changed since {midm}.",
    "Elections to the provincial council, last held in {yr}, have been postponed indefinitely.",
};

static const char *const T_HEDGE[] = {
    "The figures could not be independently verified.",
    "{Out} was unable to confirm the accounts, and both sides have exaggerated their gains in "
    "the past.",
    "Access to {t} is restricted, and reports from the area are difficult to check.",
    "Claims made by either side since {midm} have often proved hard to confirm.",
    "Neither side allows journalists to travel freely near the front line.",
    "Reports from {t} reach {cap} mainly through relatives who make the journey by road, a trip "
    "of {drive}.",
    "It was not clear whether the statement had been approved by the group{ap}s political "
    "leadership.",
    "Some details of the account appeared to contradict earlier statements by the same group.",
    "Phone lines to {t} were down for much of the day, and messages arrived with long delays.",
    "Independent observers have not been able to visit the area since {midm}.",
    "The accounts given by the two sides could not be reconciled.",
    "{Out} has asked both sides for evidence to support their statements.",
};

static const char *const T_INC[] = {
    "{T} is a market town of {pop} people on the road between {cap} and {twn}.",
    "{T} lies {km} {dir} of {cap}, at the entrance to several villages higher up the valley.",
    "Residents of {t} reached by telephone described a tense night, with gunfire audible until "
    "the early hours.",
    "Fighting around {t} has continued on and off for {days}, according to residents.",
    "Satellite images reviewed by {out} showed smoke rising over the eastern edge of {t}.",
    "The main road into {t} passes a grain store and a textile mill built in {dec}.",
    "Shops in {t} were closed and the streets largely empty, a resident said by phone.",
    "{T} has grown quickly since {yr}, when a new road linked it to {cap}.",
    "The bridge at {t} is one of only {n} crossings over the {riv} that can carry heavy trucks.",
    "Aid workers said they had not been able to reach {t} for {days}.",
    "{T}{ap}s water supply depends on a single pumping station on the {riv}.",
    "A teacher in {t} said classes had been suspended and most families were staying indoors.",
    "{T} sits on a low ridge above the {riv}, {km} from the nearest paved road.",
    "Before the fighting, {t} was best known for its weekly livestock market, which drew traders "
    "from across {r}.",
    "{T} was home to a small textile industry until {dec}.",
    "Most houses in {t} are built of mud brick and stone, and many have orchards behind them.",
    "A single road links {t} with the valley floor, and landslides often block it in spring.",
};

static const char *const T_STMT[] = {
    "{Self} calls on all sides to respect the safety of the residents of {r}.",
    "{Self} remains committed to a negotiated settlement that reflects the will of the people of "
    "{r}.",
    "We urge humanitarian organisations to coordinate with our representatives in {cap} so that "
    "aid reaches those who need it.",
    "{Self} rejects the false reports spread by {other} and its supporters.",
    "Our units remain ready to defend every village in {r}.",
    "{Self} will continue to inform the public through its official channels.",
    "Further details will be released in due course.",
    "{Self} thanks the elders of {twn} for their support and hospitality.",
    "We call on {other} to reopen the {riv} road to civilian traffic without conditions.",
    "{Self} holds {other} responsible for the hardship faced by families in {twn}.",
    "The leadership council of {self} will meet {soon} to review the situation.",
    "We welcome the offer by {med} to facilitate talks, provided that our conditions are "
    "respected.",
    "{Self} reminds all commanders of their duty to treat the population with respect.",
    "Traders and farmers in {r} can count on our protection on the roads to {cap} and {twn}.",
    "The people of {r} have endured enough since {dec}; it is time for a lasting peace.",
    "Our media office can be reached through the usual channels for further questions.",
    "{Self} denies any involvement in the closure of schools in {twn}.",
    "{Self} is grateful to the families of {r} for their patience in difficult times.",
    "Our representatives are ready to meet mediators from {med} at any time.",
    "{Self} calls on international organisations to send observers to {twn}.",
    "The so-called announcements by {other} are intended to mislead the public.",
    "We ask journalists to rely only on information published through our official channels.",
    "{Self} guarantees safe passage for aid convoys on the road from {cap} to {twn}.",
    "The people of {twn} deserve schools, clinics and clean water, not empty promises.",
    "{Self} reaffirms that it has no quarrel with the ordinary people of {r}.",
    "All commanders have been instructed to keep the {riv} road open for farmers during the "
    "harvest.",
    "Our political office in {cap} will meet community leaders {soon}.",
    "{Self} condemns attempts by {other} to divide the communities of {r}.",
    "We remind {other} that the eyes of the world are on {r}.",
};

static const char *const T_MON[] = {
    "The {mon} compiles its figures from local contacts, medical sources and statements.",
    "Figures in this summary are provisional and may change.",
    "The group said it had been unable to reach districts near the {mtn} since {midm}.",
    "Reports were received from {n} districts this week, compared with {n} the week before.",
    "Where sources disagree, the summary gives each account separately.",
    "The {mon} does not include unconfirmed reports circulated on social media.",
    "Field researchers in {cap} and {twn} contributed to this summary.",
    "The next summary is due in seven days.",
    "Where a figure is given as a range, the summary quotes it as reported.",
    "The {mon} shares its data with aid agencies working in {r}.",
    "This week{ap}s summary draws on {n2} separate reports.",
};

static const char *const H_WIRE[] = {
    "Fighting flares around {t} in {r}",
    "Heavy clashes reported near {t}",
    "{R}: battle for {t} enters a new phase",
    "Sides trade claims over {t}",
    "Residents describe tense days in {t}",
    "Conflicting accounts emerge from {t}",
    "Pressure grows on {t} as fighting spreads in {r}",
    "{Pa} and {pb} clash near {t}",
    "Front line shifts in {r} as talks stall",
    "Night of shelling around {t}",
};

static const char *const H_FOLLOW[] = {
    "Update: more details emerge from {t}",
    "After the battle: questions over events in {t}",
    "{T}: what the two sides say",
    "Follow-up: accounts from {t} still differ",
};

static const char *const H_FEATURE[] = {
    "Inside {cap}: a city waiting for news",
    "Analysis: why the {riv} valley matters",
    "Farmers near {twn} count the cost of a dry summer",
    "Road over the {mtn} closes early this year",
    "{Med} offers to host talks on {r}",
    "Traders on the {riv} road adapt to checkpoints",
    "{Pa} sets out conditions for talks",
    "Letter from {twn}",
    "In {r}, schools try to keep going",
    "The long road from {twn} to {cap}",
};

static const char *const H_MARKET[] = {
    "Flour prices climb in {cap} markets",
    "Aid convoy waits at {twn} checkpoint",
    "Power cuts lengthen in {cap}",
    "Fuel shortage hits {twn}",
    "Markets in {cap} reopen, but prices bite",
    "{R} harvest: what the numbers say",
};

static const char *const H_STMT[] = {
    "Statement of {self}",
    "Official statement by {self}",
    "{Self}: statement on the situation in {r}",
    "Communiqu\xc3\xa9 No. {n2}",
    "Press release",
};

static const char *const L_WIRE[] = {
    "Fighting around {t}, a town {km} {dir} of {cap}, has intensified in recent days, residents "
    "said.",
    "Both sides in {r} traded accusations this week over the fighting near {t}.",
    "The battle for {t} has become the focus of the conflict in {r}, with each side issuing its "
    "own account.",
    "Conflicting reports continued to arrive from {t}, where the two sides have been fighting for "
    "{days}.",
};

static const char *const L_FOLLOW[] = {
    "More details have emerged about the fighting for {t} in {r}.",
    "Accounts of last week{ap}s fighting around {t} continue to differ.",
    "A clearer picture is emerging of the fighting around {t}, {km} {dir} of {cap}.",
};

/* planted capture events */
static const char *const E_OWN[] = {
    "[{Force} took {t} {date}]{tail}.",
    "[{Force} captured the town of {t} {date}]{tail}.",
    "[{T} fell to the {label} {date}]{tail}.",
    "[{Date}, {force} seized {t}]{tail}.",
    "[{Force} entered {t} {date} and took control of the town].",
    "[{Force} took full control of {t} {date}]{tail}.",
};
static const char *const E_ATTR[] = {
    "{Cls} said [{force} took full control of {t} {date}].",
    "[{Force} seized {t} {date}], {cls} told {out}.",
    "According to {cl}, [{force} captured {t} {date}].",
    "{Cls} told {out} that [{force} had taken {t} {date}].",
};
static const char *const E_STMT_ORG[] = {
    "{Cls} announces that [its forces took full control of {t} {date}].",
    "[{Date}, units of the {label} liberated {t}]{tail}.",
};
static const char *const E_STMT_PERSON[] = {
    "{Cls} said [{force} had taken {t} {date}] after a short battle.",
    "{Cls} said [units of the {label} liberated {t} {date}].",
};
static const char *const E_TAIL[] = {
    "",
    "",
    " after several days of fighting",
    " following a push from the {dir}",
    " after a night of heavy shelling",
    ", ending a siege of several weeks",
};

/* planted casualty claims */
static const char *const C_PW[] = {
    "{Cls} said [{fig} {subj} {verb}] {where} {date}.",
    "{Date}, [{fig} {subj} {verb}] {where}, {cls} said.",
    "{Cls} told {out} that [{fig} {subj} {verb}] {where} {date}.",
    "According to {cl}, [{fig} {subj} {verb}] {where} {date}.",
    "In comments to {out}, {cl} said [{fig} {subj} {verb}] {where} {date}.",
    "Speaking by telephone, {cl} said [{fig} {subj} {verb}] {where} {date}.",
};
static const char *const C_PW_ACTIVE[] = {
    "{Cls} said [{agent} had {act} {fig} {subj}] {where} {date}.",
    "{Cls} told {out} that [{agent} {act} {fig} {subj}] {where} {date}.",
};
static const char *const C_PW_QUOTE[] = {
    "{Lq}[We {act} {fig} {subj}] {where} {date},{rq} {cls} told {out}.",
    "{Lq}[Our {members} {act} {fig} {subj}] {where} {date},{rq} {cls} said.",
};
static const char *const C_PS[] = {
    "{Cls} reports that [{fig} {subj} {verb}] {where} {date}.",
    "According to {cl}, [{fig} {subj} {verb}] {where} {date}.",
    "{Cls} can confirm that [{fig} {subj} {verb}] {where} {date}.",
    "{Date}, [{fig} {subj} {verb}] {where}, {cls} said.",
};
static const char *const C_PS_ACTIVE[] = {
    "{Date}, [{agent} {act} {fig} {subj}] {where}, {cls} said.",
    "{Cls} said [{agent} {act} {fig} {subj}] {where} {date}.",
};
static const char *const C_PS_QUOTE[] = {
    "{Lq}[Our {members} {act} {fig} {subj}] {where} {date},{rq} {cls} said.",
};
static const char *const C_ACK[] = {
    "{Cls} acknowledged that [{fig} {subj} {verb}] {where} {date}.",
    "{Cls} confirmed that [{fig} {subj} {verb}] {where} {date}.",
    "In a rare admission, {cl} said [{fig} {subj} {verb}] {where} {date}.",
};
static const char *const C_IW[] = {
    "{Cls} said [{fig} {subj} {verb}] {where} {date}.",
    "According to {cl}, [{fig} {subj} {verb}] {where} {date}.",
    "{Date}, [{fig} {subj} {verb}] {where}, {cls} said.",
    "{Cls} told {out} that [{fig} {subj} {verb}] {where} {date}.",
};
static const char *const C_IW_OUTLET[] = {
    "{Cls} reported that [{fig} {subj} {verb}] {where} {date}.",
    "{Cls} confirmed that [{fig} {subj} {verb}] {where} {date}.",
};
static const char *const C_IW_UNATTR[] = {
    "{Date}, [{fig} {subj} {verb}] {where}.",
    "{Where} {date}, [{fig} {subj} {verb}].",
};
static const char *const C_RU[] = {
    "{Date}, [{fig} {subj} {verb}] {where}, the {mon} recorded.",
    "The {mon} documented that [{fig} {subj} {verb}] {where} {date}.",
    "{Where} {date}, [{fig} {subj} {verb}], according to records kept by the {mon}.",
    "Field researchers for the {mon} confirmed that [{fig} {subj} {verb}] {where} {date}.",
};

static const char *const VERBS[3][2][4] = {
    {{"were killed", "had been killed", "died", "lost their lives"},
     {"were reportedly killed", "were believed to have been killed", "may have been killed",
      "were reportedly killed"}},
    {{"were wounded", "were injured", "had been wounded", "were wounded"},
     {"were reportedly wounded", "were believed to have been injured", "were reportedly injured",
      "may have been wounded"}},
    {{"were captured", "were taken prisoner", "had been taken prisoner", "were captured"},
     {"were reportedly captured", "were believed to have been taken prisoner",
      "were reportedly taken prisoner", "may have been captured"}},
};

/* ---------------------------------------------------------------------- */
/* expanding templates                                                     */

enum { F_BG, F_HUM, F_POL, F_HEDGE, F_INC, F_STMT, F_MON, F_NCAT };

/* the values of one planted sentence's slots */
typedef struct {
    char fig[64], subj[128], verb[64], where[128], date[64], cl[160], cls[160], force[128];
    char agent[128], label[64], members[24];
    const char *act, *tail;
} Slots;

typedef struct {
    Rng *rng;
    const Region *rg;
    int region;
    const char *town;   /* the incident's town, or a landmark */
    const char *outlet; /* the document's outlet, or NULL */
    const char *mon;    /* the document's monitor, or NULL */
    int outlet_idx;     /* chooses people's spellings; -1: canonical */
    int self;           /* a statement's party, or -1 */
    int pa;             /* party of {pa} and {spk} in this sentence */
    int curly, apos;    /* quotation mark and apostrophe styles */
    int last_person;    /* key of the last person named, or -1 */
    const char *last_goods;
    uint64_t introduced; /* people named in full already */
    uint64_t used[F_NCAT];
    const Slots *s;
    size_t open, close, fig_s, fig_e, date_s, date_e;
} Ctx;

static void expand(Buf *b, Ctx *c, const char *t);

static const char *person_name(const Ctx *c, int party, int who)
{
    int key = c->region * 6 + party * 3 + who;
    const Person *p = &c->rg->party[party].people[who];
    return c->outlet_idx < 0 ? p->names[0] : p->names[(c->outlet_idx * 7 + key) % 3];
}

static const char *surname(const char *name)
{
    const char *sp = strchr(name, ' ');
    return sp ? sp + 1 : name;
}

/*
** Introduces a party's person with their role: "Yusuf Harmandi, a
** spokesman for the Red Banner Movement" (cl) and the same with a closing
** comma for use before a verb (cls), or "Red Banner spokesman Yusuf
** Harmandi" (both).
*/
static void person_intro(Ctx *c, int party, int who, char *cl, char *cls, size_t n)
{
    const Party *p = &c->rg->party[party];
    const Person *pp = &p->people[who];
    const char *name = person_name(c, party, who), *org, *role, *title;
    char orgbuf[96];
    int key = c->region * 6 + party * 3 + who;
    if (chance(c->rng, 60))
        sfmt(orgbuf, sizeof orgbuf, "the %s", p->label);
    else
        sfmt(orgbuf, sizeof orgbuf, "the %s", p->acr);
    org = orgbuf;
    if (who == 0) {
        role = pp->female ? (chance(c->rng, 70) ? "a spokeswoman for" : "the chief spokeswoman of")
                          : (chance(c->rng, 70) ? "a spokesman for" : "the chief spokesman of");
        title = pp->female ? "spokeswoman" : "spokesman";
    } else if (who == 1) {
        role = chance(c->rng, 60) ? "a commander of" : "a senior field commander of";
        title = "commander";
    } else {
        role = chance(c->rng, 60) ? "a senior official of" : "the head of the political office of";
        title = "official";
    }
    if (chance(c->rng, 75)) {
        sfmt(cl, n, "%s, %s %s", name, role, org);
        sfmt(cls, n, "%s, %s %s,", name, role, org);
    } else {
        sfmt(cl, n, "%s %s %s", p->shortname, title, name);
        sfmt(cls, n, "%s", cl);
    }
    c->introduced |= (uint64_t)1 << key;
    c->last_person = key;
}

/* A person quoted in filler: in full the first time, then by surname. */
static void put_speaker(Buf *b, Ctx *c, int party)
{
    static const int WHO[] = {50, 25, 25};
    int who = pick_weighted(c->rng, WHO, 3), key = c->region * 6 + party * 3 + who;
    char cl[160], cls[160];
    if (c->introduced & ((uint64_t)1 << key)) {
        buf_puts(b, surname(person_name(c, party, who)));
        c->last_person = key;
        return;
    }
    person_intro(c, party, who, cl, cls, sizeof cl);
    buf_puts(b, cls);
}

static void put_party(Buf *b, Ctx *c, int party)
{
    const Party *p = &c->rg->party[party];
    buf_printf(b, "the %s", chance(c->rng, 65) ? p->label : p->acr);
}

/*
** Appends the value of one slot. Filler slots draw fresh values from the
** document's generator; planted slots come from c->s and record spans.
*/
static void slot(Buf *b, Ctx *c, const char *name)
{
    static const char *const VAG[] = {"dozens of",     "hundreds of",   "scores of",
                                      "several dozen", "a few hundred", "several hundred",
                                      "a handful of"};
    static const char *const DAYS[] = {"three days",    "more than a week", "two weeks",
                                       "ten days",      "several days",     "48 hours",
                                       "nearly a month"};
    static const char *const DRIVE[] = {"about two hours", "three to four hours", "most of a day",
                                        "around 90 minutes"};
    static const char *const HOURS[] = {"four hours", "six hours", "eight hours", "a few hours"};
    static const char *const DEC[] = {"the 1970s", "the 1980s", "the 1990s", "the early 2000s",
                                      "the late 1960s"};
    static const char *const DIR[] = {"north",      "south",      "east",       "west",
                                      "north-east", "north-west", "south-east", "south-west"};
    static const char *const GOODS[] = {"flour",       "fuel",         "cooking oil", "medicine",
                                        "rice",        "sugar",        "tea",         "soap",
                                        "animal feed", "seed potatoes"};
    static const char *const MOOD[] = {"tense but calm", "gloomy", "cautiously hopeful", "resigned",
                                       "uneasy"};
    static const char *const SOON[] = {"in the coming days", "next week",
                                       "before the end of the month", "within a fortnight"};
    static const char *const MED[] = {"Aldoria", "Santerra", "the Calder Islands", "Presk",
                                      "Valmont"};
    static const char *const ANON[] = {"a Western diplomat",
                                       "an aid official in {cap}",
                                       "a local elder",
                                       "a university lecturer in {cap}",
                                       "a trader who travels the {riv} road",
                                       "a former provincial official"};
    static const char *const FRAC[] = {"about a third", "roughly a quarter", "almost half",
                                       "about a fifth", "nearly two-thirds"};
    static const char *const MIDM[] = {"mid-%s", "early %s", "late %s", "the middle of %s",
                                       "the end of %s"};
    Rng *r = c->rng;
    const Region *rg = c->rg;
    const Slots *s = c->s;
    char tmp[64];
    int a, k;

    /* planted */
    if (!strcmp(name, "fig")) {
        c->fig_s = b->len;
        buf_puts(b, s->fig);
        c->fig_e = b->len;
    } else if (!strcmp(name, "date")) {
        c->date_s = b->len;
        buf_puts(b, s->date);
        c->date_e = b->len;
    } else if (!strcmp(name, "subj")) {
        buf_puts(b, s->subj);
    } else if (!strcmp(name, "verb")) {
        buf_puts(b, s->verb);
    } else if (!strcmp(name, "where")) {
        buf_puts(b, s->where);
    } else if (!strcmp(name, "cl")) {
        buf_puts(b, s->cl);
    } else if (!strcmp(name, "cls")) {
        buf_puts(b, s->cls);
    } else if (!strcmp(name, "force")) {
        buf_puts(b, s->force);
    } else if (!strcmp(name, "agent")) {
        buf_puts(b, s->agent);
    } else if (!strcmp(name, "act")) {
        buf_puts(b, s->act);
    } else if (!strcmp(name, "label")) {
        buf_puts(b, s->label);
    } else if (!strcmp(name, "members")) {
        buf_puts(b, s->members);
    } else if (!strcmp(name, "tail")) {
        expand(b, c, s->tail);
    }
    /* places and parties */
    else if (!strcmp(name, "r")) {
        buf_puts(b, rg->name);
    } else if (!strcmp(name, "cap")) {
        buf_puts(b, rg->capital);
    } else if (!strcmp(name, "riv")) {
        buf_puts(b, rg->river);
    } else if (!strcmp(name, "mtn")) {
        buf_puts(b, rg->mountain);
    } else if (!strcmp(name, "twn")) {
        const char *t;
        do t = PICK(r, rg->landmarks);
        while (t == c->town);
        buf_puts(b, t);
    } else if (!strcmp(name, "t")) {
        buf_puts(b, c->town);
    } else if (!strcmp(name, "pa")) {
        put_party(b, c, c->pa);
    } else if (!strcmp(name, "pb")) {
        put_party(b, c, 1 - c->pa);
    } else if (!strcmp(name, "self")) {
        put_party(b, c, c->self);
    } else if (!strcmp(name, "other")) {
        put_party(b, c, 1 - c->self);
    } else if (!strcmp(name, "spk")) {
        put_speaker(b, c, c->pa);
    } else if (!strcmp(name, "out")) {
        buf_puts(b, c->outlet ? c->outlet : PICK(r, GLOBAL_OUTLETS));
    } else if (!strcmp(name, "mon")) {
        buf_puts(b, c->mon ? c->mon : monitor_name(below(r, NMONITOR)));
    } else if (!strcmp(name, "med")) {
        buf_puts(b, PICK(r, MED));
    } else if (!strcmp(name, "anon")) {
        expand(b, c, PICK(r, ANON));
    }
    /* typography */
    else if (!strcmp(name, "lq")) {
        buf_puts(b, c->curly ? "\xe2\x80\x9c" : "\"");
    } else if (!strcmp(name, "rq")) {
        buf_puts(b, c->curly ? "\xe2\x80\x9d" : "\"");
    } else if (!strcmp(name, "ap")) {
        buf_puts(b, c->apos ? "\xe2\x80\x99" : "'");
    }
    /* quantities and times */
    else if (!strcmp(name, "km")) {
        int km = between(r, 8, 220), mi = (km * 621 + 500) / 1000;
        switch (below(r, 6)) {
        case 0:
            buf_printf(b, "%d km", km);
            break;
        case 1:
            buf_printf(b, "%d kilometres", km);
            break;
        case 2:
            buf_printf(b, "about %d km (%d miles)", km, mi);
            break;
        case 3:
            buf_printf(b, "%d miles", mi);
            break;
        case 4:
            buf_printf(b, "some %d miles (%d km)", mi, km);
            break;
        default:
            buf_printf(b, "roughly %d kilometres", km);
            break;
        }
    } else if (!strcmp(name, "pct")) {
        int p = between(r, 3, 85);
        switch (below(r, 5)) {
        case 0:
            buf_printf(b, "%d percent", p);
            break;
        case 1:
            buf_printf(b, "%d%%", p);
            break;
        case 2:
            buf_printf(b, "%d per cent", p);
            break;
        case 3:
            buf_printf(b, "nearly %d percent", p);
            break;
        default:
            buf_puts(b, PICK(r, FRAC));
            break;
        }
    } else if (!strcmp(name, "prng")) {
        a = between(r, 10, 60);
        k = a + between(r, 5, 20);
        switch (below(r, 3)) {
        case 0:
            buf_printf(b, "between %d and %d percent", a, k);
            break;
        case 1:
            buf_printf(b, "%d\xe2\x80\x93%d%%", a, k);
            break;
        default:
            buf_printf(b, "%d to %d per cent", a, k);
            break;
        }
    } else if (!strcmp(name, "rng")) {
        a = between(r, 5, 40);
        k = a + between(r, 3, 20);
        switch (below(r, 3)) {
        case 0:
            buf_printf(b, "between %d and %d", a, k);
            break;
        case 1:
            buf_printf(b, "%d to %d", a, k);
            break;
        default:
            buf_printf(b, "%d\xe2\x80\x93%d", a, k);
            break;
        }
    } else if (!strcmp(name, "vag")) {
        buf_puts(b, PICK(r, VAG));
    } else if (!strcmp(name, "n")) {
        buf_puts(b, ONES[between(r, 3, 12)]);
    } else if (!strcmp(name, "n2")) {
        buf_printf(b, "%d", between(r, 14, 60));
    } else if (!strcmp(name, "days")) {
        buf_puts(b, PICK(r, DAYS));
    } else if (!strcmp(name, "drive")) {
        buf_puts(b, PICK(r, DRIVE));
    } else if (!strcmp(name, "hours")) {
        buf_puts(b, PICK(r, HOURS));
    } else if (!strcmp(name, "dec")) {
        buf_puts(b, PICK(r, DEC));
    } else if (!strcmp(name, "dir")) {
        buf_puts(b, PICK(r, DIR));
    } else if (!strcmp(name, "goods")) {
        const char *g;
        do g = PICK(r, GOODS);
        while (g == c->last_goods);
        c->last_goods = g;
        buf_puts(b, g);
    } else if (!strcmp(name, "mood")) {
        buf_puts(b, PICK(r, MOOD));
    } else if (!strcmp(name, "soon")) {
        buf_puts(b, PICK(r, SOON));
    } else if (!strcmp(name, "weekday")) {
        buf_puts(b, WEEKDAYS[below(r, 7)]);
    } else if (!strcmp(name, "midm")) {
        const char *form = PICK(r, MIDM);
        buf_printf(b, form, MONTHS[below(r, 12)]);
    } else if (!strcmp(name, "hist")) {
        int y = between(r, 1995, 2016), m = below(r, 12), d = between(r, 1, 28);
        switch (below(r, 4)) {
        case 0:
            buf_printf(b, "%d %s %d", d, MONTHS[m], y);
            break;
        case 1:
            buf_printf(b, "%s %d, %d", MONTHS[m], d, y);
            break;
        case 2:
            buf_printf(b, "a spring day in %d", y);
            break;
        default:
            buf_printf(b, "the summer of %d", y);
            break;
        }
    } else if (!strcmp(name, "yr")) {
        buf_printf(b, "%d", between(r, 1998, 2016));
    } else if (!strcmp(name, "pop")) {
        static const char *const PRE[] = {"", "about ", "nearly ", "some "};
        fmt_number(tmp, sizeof tmp, between(r, 6, 360) * 500, 0);
        buf_printf(b, "%s%s", PICK(r, PRE), tmp);
    } else if (!strcmp(name, "height")) {
        fmt_number(tmp, sizeof tmp, between(r, 24, 52) * 100, 0);
        buf_puts(b, tmp);
    } else {
        die("internal error: unknown template slot {%s}", name);
    }
}

static void expand(Buf *b, Ctx *c, const char *t)
{
    while (*t) {
        if (*t == '[') {
            c->open = b->len;
            t++;
        } else if (*t == ']') {
            c->close = b->len;
            t++;
        } else if (*t == '{') {
            const char *e = strchr(t, '}');
            char name[16];
            size_t n = e ? (size_t)(e - t - 1) : sizeof name, at = b->len;
            int up;
            if (n >= sizeof name) die("internal error: bad template %s", t);
            memcpy(name, t + 1, n);
            name[n] = '\0';
            up = name[0] >= 'A' && name[0] <= 'Z';
            if (up) name[0] = (char)(name[0] - 'A' + 'a');
            slot(b, c, name);
            if (up && at < b->len && b->p[at] >= 'a' && b->p[at] <= 'z')
                b->p[at] = (char)(b->p[at] - 'a' + 'A');
            t = e + 1;
        } else {
            const char *e = t;
            while (*e && *e != '[' && *e != ']' && *e != '{') e++;
            buf_add(b, t, (size_t)(e - t));
            t = e;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* filler                                                                  */

/* FNV-1a: a stable number for a name. */
static uint64_t str_hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h;
}

static const char *const *filler_list(int cat, int *n)
{
    switch (cat) {
    case F_BG:
        *n = (int)NELEM(T_BG);
        return T_BG;
    case F_HUM:
        *n = (int)NELEM(T_HUM);
        return T_HUM;
    case F_POL:
        *n = (int)NELEM(T_POL);
        return T_POL;
    case F_HEDGE:
        *n = (int)NELEM(T_HEDGE);
        return T_HEDGE;
    case F_INC:
        *n = (int)NELEM(T_INC);
        return T_INC;
    case F_STMT:
        *n = (int)NELEM(T_STMT);
        return T_STMT;
    default:
        *n = (int)NELEM(T_MON);
        return T_MON;
    }
}

/*
** Appends one filler sentence of a category drawn from the weights, never
** repeating a sentence template within a document; when a category runs
** dry the background category stands in.
*/
static void add_filler(Buf *b, Ctx *c, const int *w)
{
    int cat = pick_weighted(c->rng, w, F_NCAT), n, i, j;
    const char *const *list = filler_list(cat, &n);
    i = below(c->rng, n);
    for (j = 0; j < n && (c->used[cat] >> ((i + j) % n) & 1); j++) continue;
    if (j == n) {
        cat = F_BG;
        list = filler_list(cat, &n);
        i = below(c->rng, n);
        for (j = 0; j < n && (c->used[cat] >> ((i + j) % n) & 1); j++) continue;
        if (j == n) c->used[cat] = 0, j = 0;
    }
    i = (i + j) % n;
    c->used[cat] |= (uint64_t)1 << i;
    c->pa = c->self >= 0 ? c->self : below(c->rng, 2);
    if (cat == F_INC) {
        /* facts about a town stay the same in every document about it */
        Rng *keep = c->rng, town = {mix64(str_hash(c->town) ^ (uint64_t)i)};
        c->rng = &town;
        expand(b, c, list[i]);
        c->rng = keep;
    } else {
        expand(b, c, list[i]);
    }
}

/* Appends paragraphs of two to four filler sentences until b holds target bytes. */
static void add_paragraphs(Buf *b, Ctx *c, const int *w, size_t target)
{
    while (b->len < target) {
        int k = between(c->rng, 2, 4), i;
        for (i = 0; i < k; i++) {
            if (i) buf_puts(b, " ");
            add_filler(b, c, w);
        }
        buf_puts(b, "\n\n");
    }
}

static const int W_WIRE[F_NCAT] = {30, 20, 25, 10, 15, 0, 0};
static const int W_WIRE_AFTER[F_NCAT] = {0, 0, 0, 50, 50, 0, 0};
static const int W_STMT[F_NCAT] = {20, 0, 0, 0, 0, 80, 0};
static const int W_ROUNDUP[F_NCAT] = {30, 30, 0, 0, 0, 0, 40};
static const int W_FEATURE[F_NCAT] = {40, 20, 30, 0, 10, 0, 0};
static const int W_MARKET[F_NCAT] = {30, 60, 10, 0, 0, 0, 0};

/* ---------------------------------------------------------------------- */
/* writing                                                                 */

typedef struct {
    int rule;
    unsigned long docno;
    size_t s, e;
    char text[64], why[400], ids[3][16];
    int nids;
} Finding;

/* everything main owns while writing: outputs, counters, scratch buffers */
typedef struct {
    const char *outdir;
    unsigned long docno, ncas, nevent, nfound, nfind[3], nscen[4], nevscen[4];
    unsigned long long bytes;
    int idw;
    long day0, last_shard;
    Out manifest, gold, events, findings;
    Buf doc, rec;
} Env;

static void doc_id(const Env *env, unsigned long docno, char *out, size_t n)
{
    sfmt(out, n, "%0*lu", env->idw, docno);
}

/* Writes env->rec as the next element of a JSON array in o. */
static void record(Env *env, Out *o, unsigned long *count)
{
    if (*count)
        out_write(o, ",\n    ", 6);
    else
        out_write(o, "\n    ", 5);
    out_buf(o, &env->rec);
    (*count)++;
}

/*
** Writes one document file (text in env->doc) under the next id and adds
** its manifest entry.
*/
static void emit_doc(Env *env, const char *source, const char *kind, long published)
{
    char id[24], rel[64], path[PATH_LEN], iso[16];
    long shard = (long)(env->docno / 1000);
    Out f;
    doc_id(env, env->docno, id, sizeof id);
    sfmt(rel, sizeof rel, "docs/%0*ld/%s.txt", env->idw - 3, shard, id);
    if (shard != env->last_shard) {
        sfmt(path, sizeof path, "%s/docs/%0*ld", env->outdir, env->idw - 3, shard);
        make_dir(path);
        env->last_shard = shard;
    }
    sfmt(path, sizeof path, "%s/%s", env->outdir, rel);
    out_open(&f, path, "wb");
    out_write(&f, env->doc.p, env->doc.len);
    out_close(&f);
    env->bytes += env->doc.len;

    iso_date(iso, sizeof iso, published);
    buf_printf(&env->rec, "{\"id\": \"%s\", \"path\": \"%s\", \"source\": ", id, rel);
    buf_jstr(&env->rec, source);
    buf_printf(&env->rec, ", \"published\": \"%s\", \"kind\": \"%s\", \"language\": \"en\"}", iso,
               kind);
    record(env, &env->manifest, &env->docno);
}

static void init_ctx(Ctx *c, Rng *r, int region, const char *town, int outlet, int self)
{
    memset(c, 0, sizeof *c);
    c->rng = r;
    c->region = region;
    c->rg = &REGIONS[region];
    c->town = town ? town : PICK(r, REGIONS[region].landmarks);
    c->outlet_idx = outlet;
    c->outlet = outlet >= 0 ? outlet_name(outlet) : NULL;
    c->self = self;
    c->curly = chance(r, 60);
    c->apos = chance(r, 60);
    c->last_person = -1;
}

static void reset_marks(Ctx *c)
{
    c->open = c->close = c->fig_s = c->fig_e = c->date_s = c->date_e = NOMARK;
}

static void put_dateline(Buf *b, Ctx *c, long pub)
{
    const char *loc = chance(c->rng, 80) ? c->rg->capital : PICK(c->rng, c->rg->landmarks);
    const char *dash = chance(c->rng, 70) ? " \xe2\x80\x94 " : " \xe2\x80\x93 ";
    int y, m, d;
    size_t at = b->len, i;
    civil_from_days(pub, &y, &m, &d);
    buf_puts(b, loc);
    for (i = at; i < b->len; i++)
        if (b->p[i] >= 'a' && b->p[i] <= 'z') b->p[i] = (char)(b->p[i] - 'a' + 'A');
    switch (below(c->rng, 3)) {
    case 0:
        buf_printf(b, ", %s %d (%s)%s", MONTH_ABBR[m - 1], d, c->outlet, dash);
        break;
    case 1:
        buf_printf(b, ", %d %s (%s)%s", d, MONTHS[m - 1], c->outlet, dash);
        break;
    default:
        buf_printf(b, " (%s)%s", c->outlet, dash);
        break;
    }
}

static void subject_phrase(char *out, size_t n, Rng *r, const Region *rg, int subj)
{
    static const char *const CIV[] = {"civilians", "local civilians", "unarmed civilians"};
    const Party *p;
    if (subj == SUBJ_CIV) {
        sfmt(out, n, "%s", PICK(r, CIV));
        return;
    }
    p = &rg->party[subj];
    switch (below(r, 4)) {
    case 0:
        sfmt(out, n, "%s %s", p->shortname, p->members);
        break;
    case 1:
        sfmt(out, n, "%s %s", p->acr, p->members);
        break;
    case 2:
        sfmt(out, n, "%s of the %s", p->members, p->label);
        break;
    default:
        sfmt(out, n, "members of the %s", p->acr);
        break;
    }
}

static void where_phrase(char *out, size_t n, Rng *r, const char *town, int civ)
{
    static const char *const MIL[] = {"in the fighting for %s",
                                      "near %s",
                                      "around %s",
                                      "in clashes near %s",
                                      "during the battle for %s",
                                      "on the outskirts of %s",
                                      "in and around %s"};
    static const char *const CIV[] = {"in shelling of %s", "when shells struck %s",
                                      "in the fighting for %s", "in %s"};
    sfmt(out, n, civ ? PICK(r, CIV) : PICK(r, MIL), town);
}

/*
** Fills the claimant slots for a party claimant and returns the gold
** claimant: the person's canonical name, or the organisation's label.
*/
static const char *party_claimant(Slots *s, Ctx *c, int party, int ctype, int who)
{
    const Party *p = &c->rg->party[party];
    if (ctype == CT_PERSON) {
        person_intro(c, party, who, s->cl, s->cls, sizeof s->cl);
        return p->people[who].names[0];
    }
    if (ctype == CT_ANON) {
        switch (below(c->rng, 4)) {
        case 0:
            sfmt(s->cl, sizeof s->cl, "a %s commander", p->shortname);
            break;
        case 1:
            sfmt(s->cl, sizeof s->cl, "a spokesman for the %s", p->label);
            break;
        case 2:
            sfmt(s->cl, sizeof s->cl, "an official of the %s", p->acr);
            break;
        default:
            sfmt(s->cl, sizeof s->cl, "a senior %s official", p->shortname);
            break;
        }
    } else if (c->outlet && chance(c->rng, 25)) {
        sfmt(s->cl, sizeof s->cl, "%s officials", p->shortname);
    } else {
        sfmt(s->cl, sizeof s->cl, "the %s", chance(c->rng, 60) ? p->label : p->acr);
    }
    sfmt(s->cls, sizeof s->cls, "%s", s->cl);
    return p->label;
}

static void force_phrase(char *out, size_t n, Rng *r, const Party *p)
{
    switch (strstr(p->label, "Forces") ? 2 * below(r, 2) : below(r, 3)) {
    case 0:
        sfmt(out, n, "%s %s", p->shortname, p->members);
        break;
    case 1:
        sfmt(out, n, "forces of the %s", p->label);
        break;
    default:
        sfmt(out, n, "%s units", p->acr);
        break;
    }
}

/* Writes a planted capture event into b and records its spans. */
static void render_event(Buf *b, Ctx *c, Unit *u, Event *e, int doctype)
{
    Slots s;
    Incident *I = &u->inc[e->incident];
    const Party *A = &c->rg->party[I->att];
    const char *tpl, *gold = NULL;
    memset(&s, 0, sizeof s);
    force_phrase(s.force, sizeof s.force, c->rng, A);
    sfmt(s.label, sizeof s.label, "%s", A->label);
    s.tail = PICK(c->rng, E_TAIL);
    fmt_date(s.date, sizeof s.date, e->date, u->d[e->doc].published, 0, c->rng);
    if (e->ctype == CT_UNATTR) {
        tpl = PICK(c->rng, E_OWN);
    } else {
        gold = party_claimant(&s, c, I->att, e->ctype, e->who);
        if (doctype == D_STMT)
            tpl = e->ctype == CT_PERSON ? PICK(c->rng, E_STMT_PERSON) : PICK(c->rng, E_STMT_ORG);
        else
            tpl = PICK(c->rng, E_ATTR);
    }
    c->s = &s;
    reset_marks(c);
    expand(b, c, tpl);
    c->s = NULL;
    if (c->open == NOMARK || c->close == NOMARK || c->date_s == NOMARK)
        die("internal error: event template without marks: %s", tpl);
    e->s = c->open;
    e->e = c->close;
    e->ds = c->date_s;
    e->de = c->date_e;
    sfmt(e->datetext, sizeof e->datetext, "%.*s", (int)(e->de - e->ds), b->p + e->ds);
    sfmt(e->claimant, sizeof e->claimant, "%s", gold ? gold : "");
}

/* Writes a planted casualty claim into b and records its spans. */
static void render_claim(Buf *b, Ctx *c, Unit *u, Claim *k, int doctype)
{
    Slots s;
    Cluster *cl = &u->cl[k->cluster];
    Incident *I = &u->inc[k->incident];
    Rng *r = c->rng;
    const char *tpl, *gold = "";
    memset(&s, 0, sizeof s);
    subject_phrase(s.subj, sizeof s.subj, r, c->rg, cl->subject);
    sfmt(s.verb, sizeof s.verb, "%s", VERBS[cl->cat][k->hedged][below(r, 4)]);
    where_phrase(s.where, sizeof s.where, r, I->town, cl->subject == SUBJ_CIV);
    fmt_date(s.date, sizeof s.date, I->date, u->d[k->doc].published, doctype == D_ROUNDUP, r);
    fmt_figure(s.fig, sizeof s.fig, k->value, k->mod, k->words, r);
    s.act = CATNAME[cl->cat];
    if (k->party >= 0) {
        const Party *p = &c->rg->party[k->party];
        int quote_ok = k->ctype == CT_PERSON && cl->cat != CAT_WOUNDED && !k->hedged;
        int form = below(r, 100);
        gold = party_claimant(&s, c, k->party, k->ctype, k->who);
        sfmt(s.members, sizeof s.members, "%s", p->members);
        switch (below(r, 3)) {
        case 0:
            sfmt(s.agent, sizeof s.agent, "%s units", p->shortname);
            break;
        case 1:
            sfmt(s.agent, sizeof s.agent, "%s %s", p->acr, p->members);
            break;
        default:
            sfmt(s.agent, sizeof s.agent, "forces loyal to the %s", p->label);
            break;
        }
        if (k->ack)
            tpl = PICK(r, C_ACK);
        else if (quote_ok && form < 15)
            tpl = doctype == D_STMT ? PICK(r, C_PS_QUOTE) : PICK(r, C_PW_QUOTE);
        else if (!k->hedged && form < 35)
            tpl = doctype == D_STMT ? PICK(r, C_PS_ACTIVE) : PICK(r, C_PW_ACTIVE);
        else
            tpl = doctype == D_STMT ? PICK(r, C_PS) : PICK(r, C_PW);
    } else if (doctype == D_ROUNDUP) {
        gold = c->mon;
        tpl = PICK(r, C_RU);
    } else if (k->ctype == CT_MONITOR) {
        gold = monitor_name(k->monitor);
        sfmt(s.cl, sizeof s.cl, "the %s", gold);
        sfmt(s.cls, sizeof s.cls, "%s", s.cl);
        tpl = PICK(r, C_IW);
    } else if (k->ctype == CT_MEDIC) {
        switch (below(r, 3)) {
        case 0:
            sfmt(s.cl, sizeof s.cl, "doctors at the main hospital in %s", c->rg->capital);
            break;
        case 1:
            sfmt(s.cl, sizeof s.cl, "staff at the %s district hospital", c->rg->capital);
            break;
        default:
            sfmt(s.cl, sizeof s.cl, "a surgeon at the general hospital in %s", c->rg->capital);
        }
        sfmt(s.cls, sizeof s.cls, "%s", s.cl);
        gold = s.cl;
        tpl = PICK(r, C_IW);
    } else if (k->ctype == CT_OUTLET) {
        sfmt(s.cl, sizeof s.cl, "%s%ss correspondent in %s", c->outlet,
             c->apos ? "\xe2\x80\x99" : "'", c->rg->capital);
        sfmt(s.cls, sizeof s.cls, "%s", s.cl);
        gold = c->outlet;
        tpl = PICK(r, C_IW_OUTLET);
    } else {
        tpl = PICK(r, C_IW_UNATTR);
    }
    sfmt(k->claimant, sizeof k->claimant, "%s", gold ? gold : "");
    c->s = &s;
    reset_marks(c);
    expand(b, c, tpl);
    c->s = NULL;
    if (c->open == NOMARK || c->close == NOMARK || c->fig_s == NOMARK || c->date_s == NOMARK)
        die("internal error: claim template without marks: %s", tpl);
    k->s = c->open;
    k->e = c->close;
    k->fs = c->fig_s;
    k->fe = c->fig_e;
    k->ds = c->date_s;
    k->de = c->date_e;
    sfmt(k->fig, sizeof k->fig, "%.*s", (int)(k->fe - k->fs), b->p + k->fs);
}

static const char *side_id(const Region *rg, int side)
{
    return side == SUBJ_CIV ? "civilian" : rg->party[side].id;
}

/* Writes the gold record of a casualty claim; text is its document. */
static void emit_claim(Env *env, Unit *u, Claim *k, const char *text, const char *source)
{
    const Region *rg = &REGIONS[u->region];
    Cluster *cl = &u->cl[k->cluster];
    Incident *I = &u->inc[k->incident];
    Buf *b = &env->rec;
    char id[24], iso[16];
    long min = k->value, max = k->value;
    int approx = 0;
    switch (k->mod) {
    case MOD_MORE:
        min = k->value + 1, max = -1;
        break;
    case MOD_ATLEAST:
        max = -1;
        break;
    case MOD_UPTO:
        min = -1;
        break;
    case MOD_ABOUT:
        min = max = -1, approx = 1;
        break;
    default:
        break;
    }
    k->id = env->ncas + 1;
    k->source = source;
    doc_id(env, k->docno, id, sizeof id);
    iso_date(iso, sizeof iso, I->date);
    buf_printf(b, "{\"id\": \"c%lu\", \"doc\": \"%s\", \"start\": %zu, \"end\": %zu, \"text\": ",
               k->id, id, k->s, k->e);
    buf_json(b, text + k->s, k->e - k->s);
    buf_puts(b, ", \"figure\": ");
    buf_jstr(b, k->fig);
    buf_printf(b,
               ", \"figure_start\": %zu, \"figure_end\": %zu, \"category\": \"%s\", \"value\": %d",
               k->fs, k->fe, CATNAME[cl->cat], k->value);
    if (min >= 0)
        buf_printf(b, ", \"min\": %ld", min);
    else
        buf_puts(b, ", \"min\": null");
    if (max >= 0)
        buf_printf(b, ", \"max\": %ld", max);
    else
        buf_puts(b, ", \"max\": null");
    buf_printf(b, ", \"approx\": %s, \"vague\": false, \"subject_side\": \"%s\", \"claimant\": ",
               approx ? "true" : "false", side_id(rg, cl->subject));
    buf_jstr(b, k->claimant);
    buf_puts(b, ", \"claimant_side\": ");
    buf_jstr(b, k->party >= 0 ? rg->party[k->party].id : NULL);
    buf_printf(
        b, ", \"hedged\": %s, \"polarity\": \"affirm\", \"place\": ", k->hedged ? "true" : "false");
    buf_jstr(b, I->town);
    buf_printf(b, ", \"date\": \"%s\", \"date_text\": ", iso);
    buf_json(b, text + k->ds, k->de - k->ds);
    buf_printf(b, ", \"date_start\": %zu, \"date_end\": %zu, \"source\": ", k->ds, k->de);
    buf_jstr(b, source);
    buf_printf(b, ", \"cluster\": \"w%lu-r%d-i%d-k%d\", \"scenario\": \"%s\"}", u->week, u->region,
               k->incident, k->cluster, SCNAME[cl->scen]);
    record(env, &env->gold, &env->ncas);
}

/* Writes the gold record of a capture report; text is its document. */
static void emit_event(Env *env, Unit *u, Event *e, const char *text, const char *source)
{
    const Region *rg = &REGIONS[u->region];
    Incident *I = &u->inc[e->incident];
    Buf *b = &env->rec;
    char id[24], iso[16];
    e->id = env->nevent + 1;
    e->source = source;
    doc_id(env, e->docno, id, sizeof id);
    iso_date(iso, sizeof iso, e->date);
    buf_printf(b, "{\"id\": \"e%lu\", \"doc\": \"%s\", \"start\": %zu, \"end\": %zu, \"text\": ",
               e->id, id, e->s, e->e);
    buf_json(b, text + e->s, e->e - e->s);
    buf_puts(b, ", \"event\": \"capture\", \"place\": ");
    buf_jstr(b, I->town);
    buf_printf(b, ", \"date\": \"%s\", \"date_text\": ", iso);
    buf_jstr(b, e->datetext);
    buf_printf(b,
               ", \"date_start\": %zu, \"date_end\": %zu, \"holder_side\": \"%s\", \"claimant\": ",
               e->ds, e->de, rg->party[I->att].id);
    buf_jstr(b, e->claimant);
    buf_puts(b, ", \"claimant_side\": ");
    buf_jstr(b, e->ctype != CT_UNATTR ? rg->party[I->att].id : NULL);
    buf_puts(b, ", \"source\": ");
    buf_jstr(b, source);
    buf_printf(b, ", \"cluster\": \"w%lu-r%d-i%d\", \"scenario\": \"%s\"}", u->week, u->region,
               e->incident, EVNAME[I->evscen]);
    record(env, &env->events, &env->nevent);
}

static int finding_before(const Finding *a, const Finding *b)
{
    if (a->docno != b->docno) return a->docno < b->docno;
    if (a->s != b->s) return a->s < b->s;
    return strcmp(RULENAME[a->rule], RULENAME[b->rule]) < 0;
}

static const char *voice(const char *claimant, const char *source)
{
    return claimant && *claimant ? claimant : source;
}

/*
** Adds the findings a unit's planted scenarios call for, in report order
** (document, offset, rule): one one-sided-casualty per one-sided claim,
** at its figure; one figure-conflict per conflicting pair, at the figure
** of the claim that comes first in the corpus; one date-conflict per
** misdated capture, at the date of the report that comes first.
*/
static void unit_findings(Env *env, Unit *u)
{
    const Region *rg = &REGIONS[u->region];
    Finding fs[MAX_FINDING], *f;
    int nf = 0, i, j;
    char iso[16], iso2[16], id[24];
    for (i = 0; i < u->ncl; i++) {
        Cluster *cl = &u->cl[i];
        Claim *a = &u->c[cl->claims[0]], *b;
        if (cl->scen != SC_ONESIDED && cl->scen != SC_CONFLICT) continue;
        f = &fs[nf++];
        memset(f, 0, sizeof *f);
        iso_date(iso, sizeof iso, u->inc[cl->incident].date);
        if (cl->scen == SC_ONESIDED) {
            f->rule = RULE_ONESIDED;
            sfmt(f->why, sizeof f->why, "%s figure %d (%s) at %s on %s reported only by %s",
                 CATNAME[cl->cat], a->value, side_id(rg, cl->subject), u->inc[cl->incident].town,
                 iso, rg->party[a->party].id);
        } else {
            b = &u->c[cl->claims[1]];
            if (b->docno < a->docno || (b->docno == a->docno && b->fs < a->fs)) {
                Claim *t = a;
                a = b;
                b = t;
            }
            f->rule = RULE_FIGURE;
            sfmt(f->why, sizeof f->why,
                 "%s figures for %s at %s on %s disagree: %s (%s) vs %s (%s)", CATNAME[cl->cat],
                 side_id(rg, cl->subject), u->inc[cl->incident].town, iso, a->fig,
                 voice(a->claimant, a->source), b->fig, voice(b->claimant, b->source));
            sfmt(f->ids[f->nids++], sizeof f->ids[0], "c%lu", b->id);
        }
        f->docno = a->docno;
        f->s = a->fs;
        f->e = a->fe;
        sfmt(f->text, sizeof f->text, "%s", a->fig);
        sfmt(f->ids[f->nids++], sizeof f->ids[0], "c%lu", a->id);
        if (f->nids == 2) { /* the anchor first */
            char t[16];
            memcpy(t, f->ids[0], sizeof t);
            memcpy(f->ids[0], f->ids[1], sizeof t);
            memcpy(f->ids[1], t, sizeof t);
        }
    }
    for (i = 0; i < u->ninc; i++) {
        Event *a = NULL, *b = NULL;
        if (u->inc[i].evscen != EV_CONFLICT) continue;
        for (j = 0; j < u->nev; j++) {
            Event *e = &u->ev[j];
            if (e->incident != i) continue;
            if (!a)
                a = e;
            else
                b = e;
        }
        if (!a || !b) die("internal error: date conflict without two reports");
        if (b->docno < a->docno) {
            Event *t = a;
            a = b;
            b = t;
        }
        f = &fs[nf++];
        memset(f, 0, sizeof *f);
        f->rule = RULE_DATE;
        f->docno = a->docno;
        f->s = a->ds;
        f->e = a->de;
        sfmt(f->text, sizeof f->text, "%s", a->datetext);
        iso_date(iso, sizeof iso, a->date);
        iso_date(iso2, sizeof iso2, b->date);
        sfmt(f->why, sizeof f->why, "capture of %s dated %s by %s and %s by %s", u->inc[i].town,
             iso, a->source, iso2, b->source);
        sfmt(f->ids[0], sizeof f->ids[0], "e%lu", a->id);
        sfmt(f->ids[1], sizeof f->ids[1], "e%lu", b->id);
        f->nids = 2;
    }
    for (i = 1; i < nf; i++) /* insertion sort: a handful of findings */
        for (j = i; j > 0 && finding_before(&fs[j], &fs[j - 1]); j--) {
            Finding t = fs[j];
            fs[j] = fs[j - 1];
            fs[j - 1] = t;
        }
    for (i = 0; i < nf; i++) {
        Buf *b = &env->rec;
        f = &fs[i];
        doc_id(env, f->docno, id, sizeof id);
        buf_printf(b,
                   "{\"rule\": \"%s\", \"doc\": \"%s\", \"start\": %zu, \"end\": %zu, \"text\": ",
                   RULENAME[f->rule], id, f->s, f->e);
        buf_jstr(b, f->text);
        buf_puts(b, ", \"why\": ");
        buf_jstr(b, f->why);
        buf_puts(b, ", \"claims\": [");
        for (j = 0; j < f->nids; j++) buf_printf(b, "%s\"%s\"", j ? ", " : "", f->ids[j]);
        buf_puts(b, "]}");
        env->nfind[f->rule]++;
        record(env, &env->findings, &env->nfound);
    }
}

/* Ends a document with exactly one newline. */
static void finish_text(Buf *b)
{
    while (b->len && (b->p[b->len - 1] == '\n' || b->p[b->len - 1] == ' ')) b->len--;
    buf_puts(b, "\n");
}

static void statement_head(Buf *b, Ctx *c, long pub)
{
    char d[40];
    expand(b, c, PICK(c->rng, H_STMT));
    buf_puts(b, "\n");
    long_date(d, sizeof d, pub);
    if (chance(c->rng, 60))
        buf_printf(b, "%s, %s\n\n", c->rg->capital, d);
    else
        buf_printf(b, "Issued on %s\n\n", d);
}

static void news_head(Buf *b, Ctx *c, const char *const *heads, int nheads, int byline, long pub)
{
    expand(b, c, heads[below(c->rng, nheads)]);
    buf_puts(b, "\n\n");
    if (chance(c->rng, byline)) buf_printf(b, "By %s\n\n", PICK(c->rng, BYLINES));
    put_dateline(b, c, pub);
}

/*
** Writes a document with no planted claims: a feature, a market report or
** a party statement about talks and aid.
*/
static void render_filler(Buf *b, Rng *r, int region, int type, int party, int outlet, long pub,
                          const char **source, const char **kind)
{
    Ctx c;
    b->len = 0;
    if (type == D_POLSTMT) {
        init_ctx(&c, r, region, NULL, -1, party);
        statement_head(b, &c, pub);
        add_paragraphs(b, &c, W_STMT, (size_t)between(r, 1300, 2500));
        buf_puts(b, REGIONS[region].party[party].media);
        *source = REGIONS[region].party[party].media;
        *kind = "statement";
    } else {
        const int *w = type == D_FEATURE ? W_FEATURE : W_MARKET;
        init_ctx(&c, r, region, NULL, outlet, -1);
        if (type == D_FEATURE)
            news_head(b, &c, H_FEATURE, (int)NELEM(H_FEATURE), 60, pub);
        else
            news_head(b, &c, H_MARKET, (int)NELEM(H_MARKET), 30, pub);
        add_filler(b, &c, w);
        buf_puts(b, " ");
        add_filler(b, &c, w);
        buf_puts(b, "\n\n");
        add_paragraphs(
            b, &c, w,
            (size_t)(type == D_FEATURE ? between(r, 2700, 4600) : between(r, 2000, 3600)));
        *source = c.outlet;
        *kind = "news";
    }
    finish_text(b);
}

/* Writes one planted item (an event or a claim) into b. */
static void render_item(Buf *b, Ctx *c, Unit *u, int item, int doctype)
{
    if (item < MAX_CLAIM)
        render_claim(b, c, u, &u->c[item], doctype);
    else
        render_event(b, c, u, &u->ev[item - MAX_CLAIM], doctype);
}

/*
** Writes a document that carries planted items: a wire report or
** follow-up, a party statement, or a monitor's weekly summary.
*/
static void render_planted(Env *env, Unit *u, int di, const char **source, const char **kind)
{
    DocPlan *d = &u->d[di];
    Incident *I = d->incident >= 0 ? &u->inc[d->incident] : NULL;
    const Region *rg = &REGIONS[u->region];
    Buf *b = &env->doc;
    Rng *r = &u->rng;
    Ctx c;
    int items[MAX_CLAIM + MAX_EVENT], ni = 0, i;
    for (i = 0; i < u->nev; i++)
        if (u->ev[i].doc == di) items[ni++] = MAX_CLAIM + i;
    for (i = 0; i < u->nc; i++)
        if (u->c[i].doc == di) items[ni++] = i;
    b->len = 0;
    if (d->type == D_WIRE || d->type == D_FOLLOW) {
        init_ctx(&c, r, u->region, I->town, d->outlet, -1);
        if (d->type == D_WIRE)
            news_head(b, &c, H_WIRE, (int)NELEM(H_WIRE), 40, d->published);
        else
            news_head(b, &c, H_FOLLOW, (int)NELEM(H_FOLLOW), 40, d->published);
        i = 0;
        if (ni && items[0] >= MAX_CLAIM)
            render_item(b, &c, u, items[i++], d->type);
        else if (d->type == D_WIRE)
            expand(b, &c, PICK(r, L_WIRE));
        else
            expand(b, &c, PICK(r, L_FOLLOW));
        if (chance(r, 50)) {
            buf_puts(b, " ");
            add_filler(b, &c, W_WIRE_AFTER);
        }
        buf_puts(b, "\n\n");
        for (; i < ni; i++) {
            render_item(b, &c, u, items[i], d->type);
            if (chance(r, 40)) {
                buf_puts(b, " ");
                add_filler(b, &c, W_WIRE_AFTER);
            }
            buf_puts(b, "\n\n");
        }
        add_paragraphs(
            b, &c, W_WIRE,
            (size_t)(d->type == D_WIRE ? between(r, 2500, 4400) : between(r, 2000, 3600)));
        *source = c.outlet;
        *kind = "news";
    } else if (d->type == D_STMT) {
        init_ctx(&c, r, u->region, I->town, -1, d->party);
        statement_head(b, &c, d->published);
        for (i = 0; i < ni; i++) {
            render_item(b, &c, u, items[i], D_STMT);
            if (chance(r, 40)) {
                buf_puts(b, " ");
                add_filler(b, &c, W_STMT);
            }
            buf_puts(b, "\n\n");
        }
        add_paragraphs(b, &c, W_STMT, (size_t)between(r, 1300, 2600));
        buf_puts(b, rg->party[d->party].media);
        *source = rg->party[d->party].media;
        *kind = "statement";
    } else {
        char d1[40], d2[40];
        long from = u->week_start, to = u->week_start + 6;
        int y1, m1, dd1, y2, m2, dd2;
        init_ctx(&c, r, u->region, NULL, -1, -1);
        c.mon = monitor_name(u->monitor);
        civil_from_days(from, &y1, &m1, &dd1);
        civil_from_days(to, &y2, &m2, &dd2);
        if (y1 != y2)
            buf_printf(b, "%s: weekly summary for %s, %d %s %d \xe2\x80\x93 %d %s %d\n\n", c.mon,
                       rg->name, dd1, MONTHS[m1 - 1], y1, dd2, MONTHS[m2 - 1], y2);
        else if (m1 != m2)
            buf_printf(b, "%s: weekly summary for %s, %d %s \xe2\x80\x93 %d %s %d\n\n", c.mon,
                       rg->name, dd1, MONTHS[m1 - 1], dd2, MONTHS[m2 - 1], y2);
        else
            buf_printf(b, "%s: weekly summary for %s, %d\xe2\x80\x93%d %s %d\n\n", c.mon, rg->name,
                       dd1, dd2, MONTHS[m2 - 1], y2);
        long_date(d1, sizeof d1, from);
        long_date(d2, sizeof d2, to);
        buf_printf(b, "This summary covers incidents in %s reported to the %s between %s and %s. ",
                   rg->name, c.mon, d1, d2);
        add_filler(b, &c, W_ROUNDUP);
        buf_puts(b, "\n\n");
        for (i = 0; i < ni; i++) {
            render_item(b, &c, u, items[i], D_ROUNDUP);
            buf_puts(b, "\n\n");
        }
        add_paragraphs(b, &c, W_ROUNDUP, (size_t)between(r, 1800, 3400));
        *source = c.mon;
        *kind = "report";
    }
    finish_text(b);
    for (i = 0; i < ni; i++) {
        if (items[i] >= MAX_CLAIM) {
            Event *e = &u->ev[items[i] - MAX_CLAIM];
            e->docno = env->docno;
            emit_event(env, u, e, b->p, *source);
        }
    }
    for (i = 0; i < ni; i++) {
        if (items[i] < MAX_CLAIM) {
            Claim *k = &u->c[items[i]];
            k->docno = env->docno;
            emit_claim(env, u, k, b->p, *source);
        }
    }
}

/* Writes a planned region-week: its documents, gold records and findings. */
static void write_unit(Env *env, Unit *u)
{
    int di, i;
    for (di = 0; di < u->nd; di++) {
        DocPlan *d = &u->d[di];
        const char *source, *kind;
        if (d->incident < 0 && d->type != D_ROUNDUP)
            render_filler(&env->doc, &u->rng, u->region, d->type, d->party, d->outlet, d->published,
                          &source, &kind);
        else
            render_planted(env, u, di, &source, &kind);
        emit_doc(env, source, kind, d->published);
    }
    for (i = 0; i < u->ncl; i++) env->nscen[u->cl[i].scen]++;
    for (i = 0; i < u->ninc; i++) env->nevscen[u->inc[i].evscen]++;
    unit_findings(env, u);
}

/* ---------------------------------------------------------------------- */
/* manifest, gold file, main                                               */

/* Writes the manifest up to its document list: sides and organisations. */
static void write_manifest_head(Env *env)
{
    Buf *b = &env->rec;
    int i, j;
    buf_puts(b, "{\n  \"name\": \"large\",\n  \"sides\": {");
    for (i = 0; i < NREGION; i++)
        for (j = 0; j < 2; j++) {
            const Party *p = &REGIONS[i].party[j];
            buf_printf(b, "%s\n    \"%s\": {\"label\": ", i || j ? "," : "", p->id);
            buf_jstr(b, p->label);
            buf_puts(b, ", \"aliases\": [");
            buf_jstr(b, p->label);
            buf_puts(b, ", ");
            buf_jstr(b, p->acr);
            buf_puts(b, ", ");
            buf_jstr(b, p->shortname);
            buf_puts(b, "], \"party\": true}");
        }
    buf_puts(b, "\n  },\n  \"entities\": [");
    for (i = 0; i < NREGION; i++)
        for (j = 0; j < 2; j++) {
            const Party *p = &REGIONS[i].party[j];
            buf_printf(b, "%s\n    {\"name\": ", i || j ? "," : "");
            buf_jstr(b, p->label);
            buf_printf(b, ", \"kind\": \"org\", \"side\": \"%s\", \"aliases\": [", p->id);
            buf_jstr(b, p->acr);
            buf_puts(b, ", ");
            buf_jstr(b, p->shortname);
            buf_puts(b, "]},\n    {\"name\": ");
            buf_jstr(b, p->media);
            buf_printf(b, ", \"kind\": \"org\", \"side\": \"%s\", \"aliases\": []}", p->id);
        }
    for (i = 0; i < NMONITOR; i++) {
        buf_puts(b, ",\n    {\"name\": ");
        buf_jstr(b, monitor_name(i));
        buf_puts(b, ", \"kind\": \"org\", \"side\": null, \"aliases\": []}");
    }
    for (i = 0; i < NOUTLET; i++) {
        buf_puts(b, ",\n    {\"name\": ");
        buf_jstr(b, outlet_name(i));
        buf_puts(b, ", \"kind\": \"org\", \"side\": null, \"aliases\": []}");
    }
    buf_puts(b, "\n  ],\n  \"documents\": [");
    out_buf(&env->manifest, b);
}

/* Appends a spool file to dst and removes it. */
static void append_spool(Out *dst, Out *spool)
{
    char buf[65536];
    size_t n;
    FILE *f;
    out_close(spool);
    f = fopen(spool->path, "rb");
    if (!f) die("cannot read %s: %s", spool->path, strerror(errno));
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) out_write(dst, buf, n);
    if (ferror(f)) die("cannot read %s: %s", spool->path, strerror(errno));
    fclose(f);
    if (remove(spool->path) != 0) die("cannot remove %s: %s", spool->path, strerror(errno));
}

static void usage_error(const char *fmt, const char *arg)
{
    fputs("gencorpus: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nusage: gencorpus [-n N] [-s SEED] OUTDIR   (gencorpus --help for more)\n", stderr);
    exit(2);
}

/* Parses a decimal unsigned integer; 0 when s is not one or overflows. */
static int parse_u64(const char *s, uint64_t *v)
{
    uint64_t x = 0;
    if (!*s) return 0;
    for (; *s; s++) {
        unsigned d = (unsigned)(*s - '0');
        if (*s < '0' || *s > '9' || x > (UINT64_MAX - d) / 10) return 0;
        x = x * 10 + d;
    }
    *v = x;
    return 1;
}

int main(int argc, char **argv)
{
    Env env;
    Unit *u;
    Rng tail;
    uint64_t v, seed = 1;
    unsigned long n = DEFAULT_N, week = 0;
    const char *outdir = NULL;
    char path[PATH_LEN];
    int i, region, stop = 0, positional = 0;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!positional && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
            fputs(USAGE, stdout);
            if (fflush(stdout) != 0) die("cannot write standard output: %s", strerror(errno));
            return 0;
        } else if (!positional && (!strcmp(a, "-n") || !strcmp(a, "-s"))) {
            if (i + 1 >= argc) usage_error("option %s needs a value", a);
            if (!parse_u64(argv[++i], &v)) usage_error("not an unsigned integer: '%s'", argv[i]);
            if (a[1] == 'n') {
                if (v < 1 || v > MAX_N)
                    usage_error("-n %s is out of range (1 to 10000000)", argv[i]);
                n = (unsigned long)v;
            } else {
                seed = v;
            }
        } else if (!positional && !strcmp(a, "--")) {
            positional = 1;
        } else if (!positional && a[0] == '-' && a[1]) {
            usage_error("unknown option '%s'", a);
        } else {
            if (outdir) usage_error("more than one OUTDIR ('%s' is extra)", a);
            outdir = a;
        }
    }
    if (!outdir) usage_error("missing OUTDIR%s", "");
    if (!*outdir || strlen(outdir) > PATH_LEN - 64)
        usage_error("OUTDIR is empty or too long%s", "");

    memset(&env, 0, sizeof env);
    env.outdir = outdir;
    env.idw = 6;
    for (v = 1000000; v < n; v *= 10) env.idw++;
    env.day0 = days_from_civil(2018, 1, 1); /* a Monday */
    env.last_shard = -1;

    make_dirs(outdir);
    sfmt(path, sizeof path, "%s/docs", outdir);
    make_dir(path);
    sfmt(path, sizeof path, "%s/corpus.json", outdir);
    out_open(&env.manifest, path, "wb");
    sfmt(path, sizeof path, "%s/gold.json", outdir);
    out_open(&env.gold, path, "wb");
    sfmt(path, sizeof path, "%s/.gold-events.part", outdir);
    out_open(&env.events, path, "wb");
    sfmt(path, sizeof path, "%s/.gold-findings.part", outdir);
    out_open(&env.findings, path, "wb");

    write_manifest_head(&env);
    buf_printf(&env.rec,
               "{\n  \"corpus\": \"large\",\n  \"generator\": {\"program\": \"gencorpus\", "
               "\"documents\": %lu, \"seed\": %llu},\n  \"casualties\": [",
               n, (unsigned long long)seed);
    out_buf(&env.gold, &env.rec);

    u = malloc(sizeof *u);
    if (!u) die("out of memory");
    while (!stop && env.docno < n) {
        for (region = 0; region < NREGION; region++) {
            plan_unit(u, seed, week, region, env.day0);
            if (env.docno + (unsigned long)u->nd > n) {
                stop = 1;
                break;
            }
            write_unit(&env, u);
        }
        if (!stop) week++;
    }
    tail.s = mix64(seed ^ 0x7461696c66696c6cULL);
    while (env.docno < n) { /* top up with documents that plant nothing */
        static const int FILL[] = {45, 25, 30};
        const char *source, *kind;
        int type = D_FEATURE + pick_weighted(&tail, FILL, 3);
        long pub = env.day0 + 7 * (long)week + 1 + below(&tail, 7);
        int party, outlet;
        region = below(&tail, NREGION);
        party = below(&tail, 2);
        outlet = pick_outlet(&tail, region, -1);
        render_filler(&env.doc, &tail, region, type, party, outlet, pub, &source, &kind);
        emit_doc(&env, source, kind, pub);
    }
    free(u);

    out_write(&env.manifest, "\n  ]\n}\n", 7);
    out_close(&env.manifest);
    buf_puts(&env.rec, "\n  ],\n  \"events\": [");
    out_buf(&env.gold, &env.rec);
    append_spool(&env.gold, &env.events);
    buf_puts(&env.rec, "\n  ],\n  \"findings\": [");
    out_buf(&env.gold, &env.rec);
    append_spool(&env.gold, &env.findings);
    buf_puts(&env.rec, "\n  ]\n}\n");
    out_buf(&env.gold, &env.rec);
    out_close(&env.gold);
    free(env.doc.p);
    free(env.rec.p);

    printf("gencorpus: wrote %lu documents (%llu bytes of text) to %s\n", env.docno, env.bytes,
           outdir);
    printf("  planted: %lu casualty claims in %lu clusters (%lu one-sided, %lu corroborated, "
           "%lu figure-conflict, %lu single)\n",
           env.ncas, env.nscen[0] + env.nscen[1] + env.nscen[2] + env.nscen[3], env.nscen[0],
           env.nscen[1], env.nscen[2], env.nscen[3]);
    printf("  planted: %lu capture reports for %lu captures (%lu single, %lu agreeing, "
           "%lu date-conflict)\n",
           env.nevent, env.nevscen[1] + env.nevscen[2] + env.nevscen[3], env.nevscen[1],
           env.nevscen[2], env.nevscen[3]);
    printf("  findings: %lu one-sided-casualty, %lu figure-conflict, %lu date-conflict\n",
           env.nfind[RULE_ONESIDED], env.nfind[RULE_FIGURE], env.nfind[RULE_DATE]);
    if (fflush(stdout) != 0) die("cannot write standard output: %s", strerror(errno));
    return 0;
}
