/*
** scan.h -- the candidate search of the number and date grammars.
**
** The grammars (stdlib/sift/grammar/number.lua, date.lua) walk a text a
** step at a time: most steps skip one word or a few bytes that cannot start
** a quantity or a date. sift_scan_find does those steps in C and stops where
** a step may do more (a digit, a word of the grammar's start set, a
** currency sign, a line that starts with a digit, ...), so LPeg runs only
** there. Each mode reproduces exactly what its grammar's skipping steps
** consume, so the grammar reaches the same positions as a walk of every
** step would.
**
** Basic use:
**     sift_scan_words set;
**     sift_scan_words_init(&set);
**     if (sift_scan_words_add(&set, "about", 5) != 0) -> too long or too many
**     pos = sift_scan_find(text, len, pos, &set, SIFT_SCAN_NUMBER);
**     (pos == len: no candidate left)
**
** Words are ASCII letters, compared without case; a word of the set starts
** a candidate when it is the whole run of letters at a word start. A pair
** "w1 w2" in the set makes w1 a candidate only before w2 (after blanks) or
** before anything but blanks and a letter, unless w1 is in the set alone.
** Words added with sift_scan_words_after start nothing: in the date mode
** they are the words that may follow a number in a date ("5 September",
** "3 days"); a number followed by none of them is skipped like a word. In
** the number mode they are the first words of units and the count nouns: a
** year (19xx, 20xx) followed by none of them, nor by "%", digits or a word
** byte, is skipped like a word.
**
** The number mode also takes steps that consume a word or digits without a
** record, by the marks of sift_scan_words_mark: a bound word
** (SIFT_SCAN_NEED: "over", "about", "close") is skipped like a word unless,
** after it (when it is in the set alone) or after a pair of it in the set
** ("close to": marked SIFT_SCAN_NEED too when a whole phrase; a pair not so
** marked is a candidate whatever follows), blanks and digits, "$", a
** non-ASCII byte or a word marked SIFT_SCAN_NEXT (a number word, a vague
** word, a currency code) follow; a month word
** (SIFT_SCAN_MONTH; SIFT_SCAN_MONTHDOT when its form with a period is a
** phrase too) is skipped with the day and year after it ("September 5,
** 2021"); one or two digits before a capitalised month word
** (SIFT_SCAN_DAYMONTH) are skipped with it ("5 September", "5th of
** Sept."); digits followed by "s" and no word byte (a decade, "1990s") are
** skipped with the token they start, unless "s" is an after-word. In the
** date mode a word alone marked SIFT_SCAN_DASH (every phrase of it is the
** word and a hyphen: "hours-long") is a candidate only before a hyphen.
** Ownership: the set is a plain struct, no allocation. Thread safety: no
** global state.
*/
#ifndef SIFT_SCAN_H
#define SIFT_SCAN_H

#include <stddef.h>

#define SIFT_SCAN_WORDLEN 23   /* longest word or pair in a set */
#define SIFT_SCAN_SLOTS   1024 /* a power of two: at most half of it is used */

typedef struct {
    char slot[SIFT_SCAN_SLOTS][SIFT_SCAN_WORDLEN + 1]; /* lower case, zero padded; "" is free */
    unsigned short kind[SIFT_SCAN_SLOTS]; /* SIFT_SCAN_WORD, _FIRST, _PAIR, _AFTER, ... */
    /* bit k of lens[a * 27 + b]: a start word (or one marked SIFT_SCAN_MONTH or _NEED) of k
       letters starting with the letters a, b (b = 26: a one-letter word) is in the set; most
       other words are rejected without hashing. lensall: the same for every word; lens2:
       the same for the second words of the pairs (most words after a pair's first word are
       none: no pair key is made for them). */
    unsigned lens[26 * 27], lensall[26 * 27], lens2[26 * 27];
    unsigned char cls[256]; /* the SIFT_SCAN_C* classes of each byte (set by init) */
    int n;
} sift_scan_words;

/* byte classes: digit, ASCII letter, a word byte of the number grammar, of
   the date grammar, a byte a skipping step of the number grammar takes
   alone (no word byte, nor $ # newline or a lead byte C2, E2, F0-F4), one
   the date grammar takes alone (no digit, date word byte or C2), a byte of
   a word the date grammar skips (a date word byte or a continuation byte) */
enum {
    SIFT_SCAN_CDIGIT = 1,
    SIFT_SCAN_CALPHA = 2,
    SIFT_SCAN_CNUMWORD = 4,
    SIFT_SCAN_CDATEWORD = 8,
    SIFT_SCAN_CNUMSKIP = 16,
    SIFT_SCAN_CDATESKIP = 32,
    SIFT_SCAN_CDATEREST = 64
};

/* what a slot holds: a word alone, the first word of a pair (or both), a
   pair, a word after a number; and the marks of the number mode's skipping
   steps (see above) */
enum {
    SIFT_SCAN_WORD = 1,
    SIFT_SCAN_FIRST = 2,
    SIFT_SCAN_PAIR = 4,
    SIFT_SCAN_AFTER = 8,
    SIFT_SCAN_NEED = 16,
    SIFT_SCAN_NEXT = 32,
    SIFT_SCAN_MONTH = 64,
    SIFT_SCAN_MONTHDOT = 128,
    SIFT_SCAN_DAYMONTH = 256,
    SIFT_SCAN_DASH = 512
};

/* the grammar whose steps are reproduced */
enum { SIFT_SCAN_NUMBER, SIFT_SCAN_DATE };

void sift_scan_words_init(sift_scan_words *set);
/* Add a word of ASCII letters, or a pair of them with one blank between: 0,
   or -1 when it is empty, too long, not that, or the set is full. */
int sift_scan_words_add(sift_scan_words *set, const char *w, size_t len);
/* Add a word of ASCII letters that may follow a number (a date's month or
   unit; a quantity's unit or count noun): 0, or -1 as above. */
int sift_scan_words_after(sift_scan_words *set, const char *w, size_t len);
/* Mark a word of ASCII letters with kind (SIFT_SCAN_AFTER, _NEED, _NEXT,
   _MONTH, _MONTHDOT, _DAYMONTH, _DASH; or several), or a pair with _NEED: 0, or -1
   as above. */
int sift_scan_words_mark(sift_scan_words *set, const char *w, size_t len, int kind);
/* The first candidate position at or after pos (0-based), or len. */
size_t sift_scan_find(const char *s, size_t len, size_t pos, const sift_scan_words *set, int mode);

/* The position after the date grammar's blanks (blank, tab, no-break space) at k. */
size_t sift_scan_dateblanks(const unsigned char *s, size_t len, size_t k);

#endif
