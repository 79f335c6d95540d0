/*
** scan.c -- the candidate search of the number and date grammars (see
** scan.h). Uses nothing but the C library.
*/
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

static unsigned hash(const char *w, size_t len)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
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

/* The filter entry of a word of len >= 1 lower-case letters. */
static unsigned *lenbits(sift_scan_words *set, const char *w, size_t len)
{
    return &set->lens[(w[0] - 'a') * 27 + (len > 1 ? w[1] - 'a' : 26)];
}

/* Put key (len bytes, zero padded) into the set with kind. */
static int put(sift_scan_words *set, const char *key, size_t len, int kind)
{
    unsigned h = hash(key, len) & (SIFT_SCAN_SLOTS - 1);
    while (set->slot[h][0] && memcmp(set->slot[h], key, SIFT_SCAN_WORDLEN + 1) != 0)
        h = (h + 1) & (SIFT_SCAN_SLOTS - 1);
    if (!set->slot[h][0]) {
        if (set->n >= SIFT_SCAN_SLOTS / 2) return -1;
        memcpy(set->slot[h], key, SIFT_SCAN_WORDLEN + 1);
        set->n++;
    }
    set->kind[h] |= (unsigned char)kind;
    if (!memchr(key, ' ', len)) *lenbits(set, key, len) |= 1u << len;
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

int sift_scan_words_after(sift_scan_words *set, const char *w, size_t len)
{
    char key[SIFT_SCAN_WORDLEN + 1] = {0};
    if (len == 0 || len > SIFT_SCAN_WORDLEN) return -1;
    for (size_t i = 0; i < len; i++) {
        if (!isalpha_((unsigned char)w[i])) return -1;
        key[i] = (char)(w[i] | 32);
    }
    return put(set, key, len, SIFT_SCAN_AFTER);
}

/*
** The kind of the run of letters (or pair) s[0, len) in the set (0: not in
** it).
*/
static int lookup(const sift_scan_words *set, const unsigned char *s, size_t len)
{
    char key[SIFT_SCAN_WORDLEN + 1] = {0};
    if (len > SIFT_SCAN_WORDLEN) return 0;
    for (size_t i = 0; i < len; i++) key[i] = (char)(s[i] | 32);
    unsigned h = hash(key, len) & (SIFT_SCAN_SLOTS - 1);
    while (set->slot[h][0]) {
        if (memcmp(set->slot[h], key, sizeof key) == 0) return set->kind[h];
        h = (h + 1) & (SIFT_SCAN_SLOTS - 1);
    }
    return 0;
}

/*
** The filter: false when no word of the set has the first letters and the
** length of the run of letters s[0, len), as for most words of a text.
*/
static inline int maybe(const sift_scan_words *set, const unsigned char *s, size_t len)
{
    if (len > SIFT_SCAN_WORDLEN) return 0;
    unsigned a = (s[0] | 32) - 'a', b = len > 1 ? (s[1] | 32) - 'a' : 26;
    return set->lens[a * 27 + b] >> len & 1;
}

/* The kind of the run of letters s[0, len) in the set, through the filter. */
static int lookup_word(const sift_scan_words *set, const unsigned char *s, size_t len)
{
    return maybe(set, s, len) ? lookup(set, s, len) : 0;
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
** True when the word s[i, j) (letters, through the filter: maybe) starts a
** candidate: it is in the set alone; or it starts a pair and what follows
** its blanks (ASCII blanks, no-break, thin and narrow no-break spaces) is no
** letter, or is the second word of one of its pairs.
*/
static int member(const sift_scan_words *set, const unsigned char *s, size_t len, size_t i,
                  size_t j)
{
    int kind = lookup(set, s + i, j - i) & (SIFT_SCAN_WORD | SIFT_SCAN_FIRST);
    if (kind & SIFT_SCAN_WORD) return 1;
    if (!kind) return 0;
    size_t k = numblanks(s, len, j);
    if (k == j || k >= len || !isalpha_(s[k])) return 1;
    size_t m = k;
    while (m < len && isalpha_(s[m])) m++;
    if ((j - i) + 1 + (m - k) > SIFT_SCAN_WORDLEN) return 0;
    unsigned char pair[SIFT_SCAN_WORDLEN + 1];
    memcpy(pair, s + i, j - i);
    pair[j - i] = ' ';
    memcpy(pair + (j - i) + 1, s + k, m - k);
    return lookup(set, pair, (j - i) + 1 + (m - k)) != 0;
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
** The number grammar's steps (number.lua, "Skipping"): bytes that are no
** word byte and none of $ # \n C2 E2 F0-F4 are skipped one by one; a word
** that starts with a letter and whose letters are no start word is
** consumed to the end of its word bytes, as is one that starts with another
** word byte; "#" takes the digits after it; a sequence led by C2, E2 or
** F0-F4 takes its continuation bytes (one, two, three) unless it is a
** currency sign (pound, euro); a newline is taken alone unless blanks and a
** digit follow (a list number or a counter); a year that makes no record
** (numyear) is taken to the end of its digits. Other digits, "$", a start
** word, a currency sign and a newline before a digit are candidates.
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
            if (!numyear(s, len, i, j, set)) return i;
            i = j;
            continue;
        }
        if (isalpha_(c)) {
            size_t j = i + 1;
            while (j < len && isalpha_(s[j])) j++;
            if (maybe(set, s + i, j - i) && member(set, s, len, i, j)) return i;
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
static size_t dateblanks(const unsigned char *s, size_t len, size_t k)
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
    size_t k = dateblanks(s, len, j);
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
** continuation bytes, and so are digits that start no date (datedigits).
** Other digits, a start word and the copyright sign are candidates.
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
            size_t j = i;
            while (j < len && isalpha_(s[j])) j++;
            if (j > i && maybe(set, s + i, j - i) && member(set, s, len, i, j)) return i;
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
