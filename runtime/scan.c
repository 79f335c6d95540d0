/*
** scan.c -- the candidate search of the number and date grammars (see
** scan.h). Uses nothing but the C library.
*/
#include <stdint.h>
#include <string.h>

#include "scan.h"

static int isdigit_(unsigned c)
{
    return c - '0' < 10;
}

static int isalpha_(unsigned c)
{
    return (c | 32) - 'a' < 26;
}

static int iscont(unsigned c)
{
    return c >= 0x80 && c <= 0xBF;
}

/* Word bytes of the number grammar (sift.grammar.unit's wordch): ASCII
   letters and digits, UTF-8 continuation bytes, lead bytes C3-E1, E3-EF. */
static int numword(unsigned c)
{
    return isalpha_(c) || isdigit_(c) || iscont(c) || (c >= 0xC3 && c <= 0xE1) ||
           (c >= 0xE3 && c <= 0xEF);
}

/* Bytes that start or continue a word in the date grammar (its wc):
   ASCII letters and digits, lead bytes C3-E1 and E3-F4. */
static int dateword(unsigned c)
{
    return isalpha_(c) || isdigit_(c) || (c >= 0xC3 && c <= 0xE1) || (c >= 0xE3 && c <= 0xF4);
}

/* The slot of a key (SIFT_SCAN_WORDLEN + 1 bytes, zero padded): a
   multiplicative hash of its three 8-byte words. */
static unsigned hash(const char *key)
{
    uint64_t a, b, c;
    memcpy(&a, key, 8);
    memcpy(&b, key + 8, 8);
    memcpy(&c, key + 16, 8);
    uint64_t h = a * 0x9E3779B97F4A7C15u ^ b * 0xC2B2AE3D27D4EB4Fu ^ c * 0x165667B19E3779F9u;
    return (unsigned)(h >> 40) & (SIFT_SCAN_SLOTS - 1);
}

/* True when the keys a and b are equal. */
static int same(const char *a, const char *b)
{
    uint64_t x[3], y[3];
    memcpy(x, a, sizeof x);
    memcpy(y, b, sizeof y);
    return ((x[0] ^ y[0]) | (x[1] ^ y[1]) | (x[2] ^ y[2])) == 0;
}

void sift_scan_words_init(sift_scan_words *set)
{
    memset(set, 0, sizeof *set);
    for (unsigned c = 0; c < 256; c++) {
        unsigned char k = 0;
        if (isdigit_(c)) k |= SIFT_SCAN_CDIGIT;
        if (isalpha_(c)) k |= SIFT_SCAN_CALPHA;
        if (numword(c)) k |= SIFT_SCAN_CNUMWORD;
        if (dateword(c)) k |= SIFT_SCAN_CDATEWORD;
        if (!numword(c) && c != '$' && c != '#' && c != '\n' && c != 0xC2 && c != 0xE2 &&
            !(c >= 0xF0 && c <= 0xF4))
            k |= SIFT_SCAN_CNUMSKIP;
        if (!isdigit_(c) && !dateword(c) && c != 0xC2) k |= SIFT_SCAN_CDATESKIP;
        if (dateword(c) || iscont(c)) k |= SIFT_SCAN_CDATEREST;
        set->cls[c] = k;
    }
}

/* The filter index of a word of len >= 1 lower-case letters. */
static unsigned lenindex(const char *w, size_t len)
{
    return (unsigned)(w[0] - 'a') * 27 + (len > 1 ? (unsigned)(w[1] - 'a') : 26);
}

/* the kinds a start-word walk looks up (its filter: lens) */
#define MAINKINDS (SIFT_SCAN_WORD | SIFT_SCAN_FIRST | SIFT_SCAN_MONTH | SIFT_SCAN_NEED)

/* Put key (len bytes, zero padded) into the set with kind. */
static int put(sift_scan_words *set, const char *key, size_t len, int kind)
{
    unsigned h = hash(key);
    while (set->slot[h][0] && !same(set->slot[h], key)) h = (h + 1) & (SIFT_SCAN_SLOTS - 1);
    if (!set->slot[h][0]) {
        if (set->n >= SIFT_SCAN_SLOTS / 2) return -1;
        memcpy(set->slot[h], key, SIFT_SCAN_WORDLEN + 1);
        set->n++;
    }
    set->kind[h] |= (unsigned short)kind;
    const char *blank = memchr(key, ' ', len);
    if (!blank) {
        set->lensall[lenindex(key, len)] |= 1u << len;
        if (kind & MAINKINDS) set->lens[lenindex(key, len)] |= 1u << len;
    } else {
        size_t l2 = len - (size_t)(blank + 1 - key);
        set->lens2[lenindex(blank + 1, l2)] |= 1u << l2;
    }
    return 0;
}

int sift_scan_words_add(sift_scan_words *set, const char *w, size_t len)
{
    char key[SIFT_SCAN_WORDLEN + 1] = {0};
    size_t blank = 0;
    if (len == 0 || len > SIFT_SCAN_WORDLEN) return -1;
    for (size_t i = 0; i < len; i++) {
        if (w[i] == ' ' && !blank && i > 0 && i + 1 < len) {
            blank = i;
            key[i] = ' ';
            continue;
        }
        if (!isalpha_((unsigned char)w[i])) return -1;
        key[i] = (char)(w[i] | 32);
    }
    if (!blank) return put(set, key, len, SIFT_SCAN_WORD);
    if (put(set, key, len, SIFT_SCAN_PAIR) != 0) return -1;
    char first[SIFT_SCAN_WORDLEN + 1] = {0};
    memcpy(first, key, blank);
    return put(set, first, blank, SIFT_SCAN_FIRST);
}

int sift_scan_words_mark(sift_scan_words *set, const char *w, size_t len, int kind)
{
    char key[SIFT_SCAN_WORDLEN + 1] = {0};
    int blank = 0;
    if (len == 0 || len > SIFT_SCAN_WORDLEN) return -1;
    for (size_t i = 0; i < len; i++) {
        if (w[i] == ' ' && !blank && i > 0 && i + 1 < len && (kind & SIFT_SCAN_NEED)) {
            blank = 1;
            key[i] = ' ';
            continue;
        }
        if (!isalpha_((unsigned char)w[i])) return -1;
        key[i] = (char)(w[i] | 32);
    }
    return put(set, key, len, kind);
}

int sift_scan_words_after(sift_scan_words *set, const char *w, size_t len)
{
    return sift_scan_words_mark(set, w, len, SIFT_SCAN_AFTER);
}

/*
** The kind of the run of letters (or pair) s[0, len) in the set (0: not in
** it); avail bytes from s may be read.
*/
static int lookup(const sift_scan_words *set, const unsigned char *s, size_t len, size_t avail)
{
    if (len > SIFT_SCAN_WORDLEN) return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (len <= 8) {
        /* (most words: the key is its first 8-byte word, the others zero, so
           the hash is that word's term and no key is copied) */
        uint64_t a = 0;
        if (avail >= 8) {
            uint64_t mask = len == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * len)) - 1;
            memcpy(&a, s, 8);
            a = (a | 0x2020202020202020u) & mask;
        } else {
            for (size_t i = len; i-- > 0;) a = a << 8 | (uint64_t)(s[i] | 32);
        }
        for (unsigned h = (unsigned)(a * 0x9E3779B97F4A7C15u >> 40) & (SIFT_SCAN_SLOTS - 1);
             set->slot[h][0]; h = (h + 1) & (SIFT_SCAN_SLOTS - 1)) {
            uint64_t x[3];
            memcpy(x, set->slot[h], sizeof x);
            if (x[0] == a && (x[1] | x[2]) == 0) return set->kind[h];
        }
        return 0;
    }
#endif
    char key[SIFT_SCAN_WORDLEN + 1] = {0};
    for (size_t i = 0; i < len; i++) key[i] = (char)(s[i] | 32);
    for (unsigned h = hash(key); set->slot[h][0]; h = (h + 1) & (SIFT_SCAN_SLOTS - 1))
        if (same(set->slot[h], key)) return set->kind[h];
    return 0;
}

/*
** The filter of the start words: false when no start word (nor a word
** marked SIFT_SCAN_MONTH or _NEED) has the first letters and the length of
** the run of letters s[0, len), as for most words of a text.
*/
static inline int maybe(const sift_scan_words *set, const unsigned char *s, size_t len)
{
    if (len > SIFT_SCAN_WORDLEN) return 0;
    unsigned a = (s[0] | 32) - 'a', b = len > 1 ? (s[1] | 32) - 'a' : 26;
    return set->lens[a * 27 + b] >> len & 1;
}

/* The kind of the run of letters s[0, len) in the set, through the filter
   of all its words. */
static int lookup_word(const sift_scan_words *set, const unsigned char *s, size_t len)
{
    if (len > SIFT_SCAN_WORDLEN) return 0;
    unsigned a = (s[0] | 32) - 'a', b = len > 1 ? (s[1] | 32) - 'a' : 26;
    return set->lensall[a * 27 + b] >> len & 1 ? lookup(set, s, len, 0) : 0;
}

/*
** The end of the run of ASCII letters from j. Eight bytes at a time where
** eight are left (on a little-endian machine): a byte is a letter when it
** is ASCII and, with bit 5 set, from 'a' to 'z'; the lowest byte that is
** not marks the end.
** Inlined: it runs once for nearly every word of a text.
*/
static inline __attribute__((always_inline)) size_t letters(const unsigned char *s, size_t len,
                                                            size_t j)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (j + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + j, 8);
        uint64_t low7 = (w | 0x2020202020202020u) & ~high;
        uint64_t ge_a = low7 + ones * (0x80 - 'a'), gt_z = low7 + ones * (0x80 - 'z' - 1);
        uint64_t other = (~ge_a | gt_z | w) & high;
        if (other) return j + (size_t)(__builtin_ctzll(other) >> 3);
        j += 8;
    }
#endif
    while (j < len && isalpha_(s[j])) j++;
    return j;
}

/* Blanks of the number grammar (sift.grammar.unit's hs) from k: blank,
   tab, no-break, thin and narrow no-break spaces. */
static size_t numblanks(const unsigned char *s, size_t len, size_t k)
{
    for (;;) {
        if (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        else if (k + 1 < len && s[k] == 0xC2 && s[k + 1] == 0xA0)
            k += 2;
        else if (k + 2 < len && s[k] == 0xE2 && s[k + 1] == 0x80 &&
                 (s[k + 2] == 0x89 || s[k + 2] == 0xAF))
            k += 3;
        else
            return k;
    }
}

/*
** The kind of the pair of the word s[i, j) and the run of letters at k
** (after the word's blanks: ASCII blanks, no-break, thin and narrow no-break
** spaces; s[k] is a letter), and in *end where that run ends; 0 when the
** pair is not in the set.
*/
static int pairat(const sift_scan_words *set, const unsigned char *s, size_t len, size_t i,
                  size_t j, size_t k, size_t *end)
{
    /* no pair has a second word with these first letters (as for most words) */
    unsigned a0 = (s[k] | 32) - 'a',
             b0 = k + 1 < len && isalpha_(s[k + 1]) ? (s[k + 1] | 32) - 'a' : 26;
    if (!set->lens2[a0 * 27 + b0]) return 0;
    size_t m = letters(s, len, k);
    if ((j - i) + 1 + (m - k) > SIFT_SCAN_WORDLEN) return 0;
    unsigned a = (s[k] | 32) - 'a', b = m - k > 1 ? (s[k + 1] | 32) - 'a' : 26;
    if (!(set->lens2[a * 27 + b] >> (m - k) & 1)) return 0; /* no pair has that second word */
    unsigned char pair[SIFT_SCAN_WORDLEN + 1];
    memcpy(pair, s + i, j - i);
    pair[j - i] = ' ';
    memcpy(pair + (j - i) + 1, s + k, m - k);
    *end = m;
    return lookup(set, pair, (j - i) + 1 + (m - k), 0);
}

/* The same for the run of letters after the blanks after j; 0 too when no
   letter follows the blanks. */
static int pairkind(const sift_scan_words *set, const unsigned char *s, size_t len, size_t i,
                    size_t j, size_t *end)
{
    size_t k = numblanks(s, len, j);
    if (k == j || k >= len || !isalpha_(s[k])) return 0;
    return pairat(set, s, len, i, j, k, end);
}

/*
** True when the word s[i, j) of the given kind (its lookup) starts a
** candidate: it is in the set alone; or it starts a pair and what follows
** its blanks is no letter, or is the second word of one of its pairs.
*/
static int member(const sift_scan_words *set, const unsigned char *s, size_t len, size_t i,
                  size_t j, int kind)
{
    kind &= SIFT_SCAN_WORD | SIFT_SCAN_FIRST;
    if (kind & SIFT_SCAN_WORD) return 1;
    if (!kind) return 0;
    size_t k = numblanks(s, len, j), end;
    if (k == j || k >= len || !isalpha_(s[k])) return 1;
    return pairat(set, s, len, i, j, k, &end) != 0;
}

/*
** True when the digits s[i, j) (a whole run) are a year the number grammar
** skips with no record (its date_digits): 19xx or 20xx followed by no word
** byte, by no digit after ",", ".", a hyphen or a blank (a number, a range,
** a phone number), and, after blanks, by neither "%" nor a word of the
** set's after-words (the first words of the units and the count nouns).
*/
static int numyear(const unsigned char *s, size_t len, size_t i, size_t j,
                   const sift_scan_words *set)
{
    if (j - i != 4 || !((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')))
        return 0;
    if (j >= len) return 1;
    unsigned c = s[j];
    if (numword(c)) return 0;
    if (j + 1 < len && isdigit_(s[j + 1]) && (c == ',' || c == '.' || c == '-' || c == ' '))
        return 0;
    if (c == 0xE2 && j + 3 < len && s[j + 1] == 0x80 && s[j + 2] == 0x91 && isdigit_(s[j + 3]))
        return 0;
    size_t k = numblanks(s, len, j);
    if (k >= len || s[k] == '%') return k >= len;
    if (!isalpha_(s[k])) return 1;
    size_t m = k;
    while (m < len && isalpha_(s[m])) m++;
    return !(lookup_word(set, s + k, m - k) & SIFT_SCAN_AFTER);
}

/*
** The end of the number grammar's day (number.lua): one or two digits at k,
** "st", "nd", "rd" or "th" (any case) not followed by a word byte, and no
** word byte after that; 0 when there is none.
*/
static size_t dayend(const unsigned char *s, size_t len, size_t k)
{
    if (k >= len || !isdigit_(s[k])) return 0;
    size_t e = k + 1;
    if (e < len && isdigit_(s[e])) e++;
    if (e + 1 < len && (e + 2 >= len || !numword(s[e + 2]))) {
        unsigned a = s[e] | 32, b = s[e + 1] | 32;
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h'))
            e += 2;
    }
    if (e < len && numword(s[e])) return 0;
    return e;
}

/*
** The end of the step the number grammar takes at the month word s[i, j)
** of the given kind (a phrase whose pattern is month_day, reading no
** record): the word, its period when its form with one is a phrase too,
** then blanks, a day and perhaps a year after "," or blanks ("Sept. 6,
** 2021"); the word (or the word and its period) and the word bytes after
** it when one follows.
*/
static size_t monthstep(const unsigned char *s, size_t len, size_t j, int kind)
{
    if (j < len && numword(s[j])) {
        while (j < len && numword(s[j])) j++;
        return j;
    }
    size_t e = j;
    if ((kind & SIFT_SCAN_MONTHDOT) && e < len && s[e] == '.') {
        e++;
        if (e < len && numword(s[e])) {
            while (e < len && numword(s[e])) e++;
            return e;
        }
    }
    size_t k = numblanks(s, len, e);
    size_t d = k > e ? dayend(s, len, k) : 0;
    if (!d) return e;
    size_t p = d;
    if (p < len && s[p] == ',')
        p = numblanks(s, len, p + 1);
    else if ((p = numblanks(s, len, d)) == d)
        return d;
    if (p + 4 <= len && isdigit_(s[p]) && isdigit_(s[p + 1]) && isdigit_(s[p + 2]) &&
        isdigit_(s[p + 3]) && (p + 4 == len || !numword(s[p + 4])))
        return p + 4;
    return d;
}

/*
** True when what follows the bound word ending at j may start what the
** grammar reads after one (a number, money, a vague word, "a year"):
** blanks, then digits, "$", a non-ASCII byte or a word marked
** SIFT_SCAN_NEXT. Otherwise the word's phrase fails and the grammar skips
** the word.
*/
static int boundnext(const unsigned char *s, size_t len, size_t j, const sift_scan_words *set)
{
    size_t k = numblanks(s, len, j);
    if (k == j || k >= len) return 0;
    unsigned c = s[k];
    if (isdigit_(c) || c == '$' || c >= 0x80) return 1;
    if (!isalpha_(c)) return 0;
    size_t m = k;
    while (m < len && isalpha_(s[m])) m++;
    return (lookup_word(set, s + k, m - k) & SIFT_SCAN_NEXT) != 0;
}

/*
** The end of the number grammar's day before a month at the digits s[i, j)
** (date_digits: "5 September", "5th of Sept."): a day, blanks, "of" and
** blanks perhaps, a capitalised word marked SIFT_SCAN_DAYMONTH with no
** word byte after it, and a period perhaps; 0 when there is none.
*/
static size_t daymonth(const unsigned char *s, size_t len, size_t i, size_t j,
                       const sift_scan_words *set)
{
    if (j - i > 2) return 0;
    size_t d = dayend(s, len, i);
    if (!d) return 0;
    size_t k = numblanks(s, len, d);
    if (k == d) return 0;
    if (k + 2 <= len && (s[k] | 32) == 'o' && (s[k + 1] | 32) == 'f' &&
        (k + 2 == len || !numword(s[k + 2]))) {
        size_t m = numblanks(s, len, k + 2);
        if (m > k + 2) k = m;
    }
    if (k >= len || s[k] < 'A' || s[k] > 'Z') return 0;
    size_t m = k;
    while (m < len && isalpha_(s[m])) m++;
    if (m < len && numword(s[m])) return 0;
    if (!(lookup_word(set, s + k, m - k) & SIFT_SCAN_DAYMONTH)) return 0;
    return m < len && s[m] == '.' ? m + 1 : m;
}

/*
** The end of the number grammar's token from k: word bytes, then any
** number of "-/_.:@#,+'" each followed by word bytes ("1990s-era").
*/
static size_t tokenend(const unsigned char *s, size_t len, size_t k)
{
    for (;;) {
        while (k < len && numword(s[k])) k++;
        if (k + 1 >= len || !numword(s[k + 1])) return k;
        switch (s[k]) {
        case '-':
        case '/':
        case '_':
        case '.':
        case ':':
        case '@':
        case '#':
        case ',':
        case '+':
        case '\'':
            k++;
            break;
        default:
            return k;
        }
    }
}

/*
** The number grammar's steps (number.lua, "Skipping"): bytes that are no
** word byte and none of $ # \n C2 E2 F0-F4 are skipped one by one; a word
** that starts with a letter and whose letters are no start word is
** consumed to the end of its word bytes, as is one that starts with another
** word byte; "#" takes the digits after it; a sequence led by C2, E2 or
** F0-F4 takes its continuation bytes (one, two, three) unless it is a
** currency sign (pound, euro); a newline is taken alone unless blanks and a
** digit follow (a list number or a counter); a year that makes no record
** (numyear) is taken to the end of its digits; a day before a month
** (daymonth) and a decade ("1990s": the token it starts, when "s" is no
** after-word) are taken whole; a month word is taken with its day and
** year (monthstep), a bound word not followed by what may follow one
** (boundnext) like a word. Other digits, "$", a start word, a currency sign
** and a newline before a digit are candidates.
*/
static size_t find_number(const unsigned char *s, size_t len, size_t i, const sift_scan_words *set)
{
    const unsigned char *cls = set->cls;
    while (i < len) {
        unsigned c = s[i];
        if (cls[c] & SIFT_SCAN_CNUMSKIP) {
            i++;
            continue;
        }
        if (isdigit_(c)) {
            size_t j = i + 1;
            while (j < len && isdigit_(s[j])) j++;
            if (numyear(s, len, i, j, set)) {
                i = j;
                continue;
            }
            size_t e = daymonth(s, len, i, j, set);
            if (e) {
                i = e;
                continue;
            }
            if (j < len && (s[j] | 32) == 's' && (j + 1 == len || !numword(s[j + 1])) &&
                !(lookup_word(set, s + j, 1) & SIFT_SCAN_AFTER)) {
                i = tokenend(s, len, j + 1);
                continue;
            }
            return i;
        }
        if (isalpha_(c)) {
            size_t j = letters(s, len, i + 1);
            int kind = maybe(set, s + i, j - i) ? lookup(set, s + i, j - i, len - i) : 0;
            if (kind & SIFT_SCAN_MONTH) {
                i = monthstep(s, len, j, kind);
                continue;
            }
            if (kind & SIFT_SCAN_NEED) {
                /* the word alone, then what follows a bound word; or a pair,
                   then that (a pair marked too: a whole phrase) or anything */
                size_t end;
                if ((kind & SIFT_SCAN_WORD) && boundnext(s, len, j, set)) return i;
                int pk = pairkind(set, s, len, i, j, &end);
                if (pk && (!(pk & SIFT_SCAN_NEED) || boundnext(s, len, end, set))) return i;
            } else if (kind && member(set, s, len, i, j, kind)) {
                return i;
            }
            i = j;
            while (i < len && (cls[s[i]] & SIFT_SCAN_CNUMWORD)) i++;
            continue;
        }
        if (cls[c] & SIFT_SCAN_CNUMWORD) {
            while (i < len && (cls[s[i]] & SIFT_SCAN_CNUMWORD)) i++;
            continue;
        }
        switch (c) {
        case '$':
            return i;
        case '\n': {
            size_t j = i + 1;
            while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == 0xC2 || s[j] == 0xA0 ||
                               s[j] == 0xE2 || s[j] == 0x80 || s[j] == 0x89 || s[j] == 0xAF))
                j++;
            if (j < len && isdigit_(s[j])) return i;
            i++;
            break;
        }
        case '#':
            i++;
            while (i < len && isdigit_(s[i])) i++;
            break;
        case 0xC2:
            if (i + 1 < len && s[i + 1] == 0xA3) return i;
            i++;
            if (i < len && iscont(s[i])) i++;
            break;
        case 0xE2:
            if (i + 2 < len && s[i + 1] == 0x82 && s[i + 2] == 0xAC) return i;
            i++;
            for (int k = 0; k < 2 && i < len && iscont(s[i]); k++) i++;
            break;
        case 0xF0:
        case 0xF1:
        case 0xF2:
        case 0xF3:
        case 0xF4:
            i++;
            for (int k = 0; k < 3 && i < len && iscont(s[i]); k++) i++;
            break;
        default:
            i++;
        }
    }
    return len;
}

/* Blanks of the date grammar (its hs): blank, tab, no-break space. */
size_t sift_scan_dateblanks(const unsigned char *s, size_t len, size_t k)
{
    for (;;) {
        if (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        else if (k + 1 < len && s[k] == 0xC2 && s[k + 1] == 0xA0)
            k += 2;
        else
            return k;
    }
}

/*
** False when no date can start at the digits s[i, j) (a whole run of
** digits), by what follows them; true when one may. A date led by one or
** two digits goes on with "/", ".", "-", ",", a dash, "st", "nd", "rd",
** "th" or blanks; a count ("3 days", "5-day") with a dash, ",", "." or
** blanks. After blanks only "," a dash or a word of the set's after-words
** can follow (a month, "of", "and", "to", a unit, ...). Four digits may be
** a year whatever follows.
*/
static int datedigits(const unsigned char *s, size_t len, size_t i, size_t j,
                      const sift_scan_words *set)
{
    if (j - i == 4 || j >= len) return j - i == 4;
    unsigned c = s[j];
    if (c == '/' || c == '.' || c == '-' || c == ',' || c == 0xE2) return 1;
    if (isalpha_(c)) {
        if (j - i > 2 || j + 1 >= len) return 0;
        unsigned a = c | 32, b = s[j + 1] | 32;
        return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
               (a == 't' && b == 'h');
    }
    size_t k = sift_scan_dateblanks(s, len, j);
    if (k == j || k >= len) return 0;
    c = s[k];
    if (c == ',' || c == '-' || c == 0xE2) return 1;
    if (!isalpha_(c)) return 0;
    size_t m = k;
    while (m < len && isalpha_(s[m])) m++;
    return (lookup_word(set, s + k, m - k) & SIFT_SCAN_AFTER) != 0;
}

/*
** The date grammar's steps (date.lua, "Words are skipped whole"): bytes
** that start no word are skipped; a word whose leading letters are no start
** word, or that starts with a multi-byte letter, is consumed with its
** continuation bytes, and so are digits that start no date (datedigits) and
** a word marked SIFT_SCAN_DASH not followed by a hyphen. Other digits, a
** start word and the copyright sign are candidates.
*/
static size_t find_date(const unsigned char *s, size_t len, size_t i, const sift_scan_words *set)
{
    const unsigned char *cls = set->cls;
    while (i < len) {
        unsigned c = s[i];
        if (cls[c] & SIFT_SCAN_CDATESKIP) {
            i++;
            continue;
        }
        if (isdigit_(c)) {
            size_t j = i + 1;
            while (j < len && isdigit_(s[j])) j++;
            if (datedigits(s, len, i, j, set)) return i;
            i = j;
            while (i < len && (cls[s[i]] & SIFT_SCAN_CDATEREST)) i++;
            continue;
        }
        if (dateword(c)) {
            size_t j = letters(s, len, i);
            if (j > i && maybe(set, s + i, j - i)) {
                int kind = lookup(set, s + i, j - i, len - i);
                if (!(kind & SIFT_SCAN_DASH) || (j < len && s[j] == '-')) {
                    if (member(set, s, len, i, j, kind)) return i;
                }
            }
            i = j > i ? j : i + 1;
            while (i < len && (cls[s[i]] & SIFT_SCAN_CDATEREST)) i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA9) return i;
        i++;
    }
    return len;
}

size_t sift_scan_find(const char *s, size_t len, size_t pos, const sift_scan_words *set, int mode)
{
    const unsigned char *u = (const unsigned char *)s;
    if (pos >= len) return len;
    return mode == SIFT_SCAN_DATE ? find_date(u, len, pos, set) : find_number(u, len, pos, set);
}
