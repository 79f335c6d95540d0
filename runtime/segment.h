/*
** segment.h -- paragraphs, headlines, sentences and tokens.
**
** Splits UTF-8 plain text into paragraphs and sentences (with headlines, short
** lines without final punctuation, kept as sentences of their own), and
** sentences into tokens on demand. All positions are byte offsets into the
** text given, end exclusive.
**
** Basic use:
**     sift_segs s;
**     if (sift_segment(text, len, &s) != 0) -> out of memory
**     for (i = 0; i < s.nsents; i++) ... s.sents[i].start, .end, .kind, .para
**     n = sift_tokenize(text, s.sents[i].start, s.sents[i].end, buf, cap);
**     sift_segs_free(&s);
**
** Sentence rules: no break after abbreviations (titles such as "Gen.",
** "Sgt.", "Dr.", "Sr.", "Mr.", "St.", "No." before a number, month
** abbreviations such as "Sept."), acronyms with dots ("U.S.", "U.N."), single
** initials ("J. R. Smith"), decimals ("3.5"), or inside an open quotation
** (a quotation left open at the end of a paragraph does not protect it);
** a break after "?", "!", "." or an ellipsis followed by space and a capital,
** digit or opening quote, after ".." runs ("failed.."), and after a closing
** quote or bracket that follows a full stop ("... win." Then). A paragraph
** break (blank line) always ends a sentence; so does a line that is a
** headline. Sentences never include leading or trailing white space.
**
** Ownership: sift_segs owns its arrays; sift_segs_free accepts a zeroed or
** freed struct. Thread safety: no global state.
*/
#ifndef SIFT_SEGMENT_H
#define SIFT_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

enum { SIFT_SENT_SENTENCE = 0, SIFT_SENT_HEADLINE = 1 };

typedef struct {
    uint32_t start, end;
} sift_para;

typedef struct {
    uint32_t start, end;
    uint32_t para; /* index into paras */
    uint8_t kind;  /* SIFT_SENT_* */
} sift_sent;

typedef struct {
    sift_para *paras;
    size_t nparas;
    sift_sent *sents;
    size_t nsents;
} sift_segs;

/* Token kinds and flags. */
enum { SIFT_TOK_WORD, SIFT_TOK_NUMBER, SIFT_TOK_PUNCT, SIFT_TOK_SYMBOL };
enum {
    SIFT_TOKF_CAP = 1,   /* word starts with an upper-case letter */
    SIFT_TOKF_UPPER = 2, /* word has two or more letters, all upper case */
    SIFT_TOKF_SPACE = 4  /* white space precedes the token */
};

typedef struct {
    uint32_t start, end;
    uint8_t kind, flags;
} sift_tok;

/* Returns 0, or -1 when memory runs out (then *out is zeroed). */
int sift_segment(const char *text, size_t len, sift_segs *out);
void sift_segs_free(sift_segs *s);

/*
** Tokens of text[start .. end): words (letters, digits, inner apostrophes and
** hyphens: "Jabul-Saraj", "don't", "AK-47"), numbers ("24,723", "3.5",
** "1,000"), punctuation (one token per mark; "..." is one token) and symbols
** ("%", "$", "°"). Writes up to cap tokens to toks and returns how many there
** are in all: when that exceeds cap, call again with a larger buffer.
*/
size_t sift_tokenize(const char *text, size_t start, size_t end, sift_tok *toks, size_t cap);

#endif
