/*
** utf8.h -- UTF-8 validation, repair, code-point columns and normalisation keys.
**
** Keys fold what a reader would not count as a difference: compatibility
** forms (NFKC), case, and combining marks, so "Bāzārak" and "BAZARAK" share
** the key "bazarak". Keys are malloc'd and NUL-terminated; the caller frees.
** Thread safety: no state; safe from any thread.
*/
#ifndef SIFT_UTF8_H
#define SIFT_UTF8_H

#include <stddef.h>

/* 1 when s[0..len) is valid UTF-8; otherwise 0 and *bad is the offset of the
** first byte of the first invalid sequence. */
int sift_utf8_check(const char *s, size_t len, size_t *bad);

/* A copy of s with every invalid sequence replaced by U+FFFD; *outlen and
** *nrepl (replacements made) are set. NULL when memory runs out. */
char *sift_utf8_repair(const char *s, size_t len, size_t *outlen, size_t *nrepl);

/* Code points in s[from..to) (invalid bytes count one each). */
size_t sift_utf8_count(const char *s, size_t from, size_t to);

/* Normalisation key of s[0..len) (NFKC, case folded, marks stripped), to
   free; NULL when memory runs out or s is invalid. */
char *sift_utf8_key(const char *s, size_t len, size_t *keylen);

#endif
