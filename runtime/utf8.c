/*
** utf8.c -- UTF-8 validation, repair, counting and normalisation keys.
** Uses utf8proc for normalisation; everything else is hand-written, because
** validation runs over every byte of every document and must be fast.
*/
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/*
** Length of the valid sequence at s[i] (1..4), or 0 when it is invalid:
** overlong forms, surrogates and code points past U+10FFFF are invalid, as
** RFC 3629 says.
*/
static size_t seqlen(const unsigned char *s, size_t i, size_t len)
{
    unsigned c = s[i];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (n == 0 || i + n > len) return 0;
    unsigned c1 = s[i + 1];
    if ((c1 & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && c1 < 0xA0) return 0; /* overlong */
    if (c == 0xED && c1 > 0x9F) return 0; /* surrogate */
    if (c == 0xF0 && c1 < 0x90) return 0; /* overlong */
    if (c == 0xF4 && c1 > 0x8F) return 0; /* past U+10FFFF */
    for (size_t k = 2; k < n; k++)
        if ((s[i + k] & 0xC0) != 0x80) return 0;
    return n;
}

int sift_utf8_check(const char *s, size_t len, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* ASCII fast path, eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= len) break;
        size_t n = seqlen(u, i, len);
        if (n == 0) {
            if (bad) *bad = i;
            return 0;
        }
        i += n;
    }
    return 1;
}

char *sift_utf8_repair(const char *s, size_t len, size_t *outlen, size_t *nrepl)
{
    const unsigned char *u = (const unsigned char *)s;
    char *out = malloc(len * 3 + 1); /* each bad byte may become 3 */
    if (!out) return NULL;
    size_t o = 0, r = 0;
    for (size_t i = 0; i < len;) {
        size_t n = seqlen(u, i, len);
        if (n) {
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            r++;
            i++;
        }
    }
    out[o] = 0;
    *outlen = o;
    if (nrepl) *nrepl = r;
    return out;
}

size_t sift_utf8_count(const char *s, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The key as utf8proc makes it: NFKC, case folded, marks stripped (the
   tests compare it with the ASCII path below). */
static char *keyutf8proc(const char *s, size_t len, size_t *keylen)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                     UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    if (n < 0) return NULL;
    if (keylen) *keylen = (size_t)n;
    return (char *)out;
}

/*
** ASCII is its own NFKC form, has no marks, and folds A-Z to a-z only, so an
** ASCII string's key is the string in lower case: most names are ASCII, and
** utf8proc_map costs thousands of instructions a call (decoding to a
** buffer of code points, decomposing, composing, encoding).
*/
char *sift_utf8_key(const char *s, size_t len, size_t *keylen)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++)
        if (u[i] >= 0x80) return keyutf8proc(s, len, keylen);
    char *out = malloc(len + 1);
    if (!out) return NULL;
    for (size_t i = 0; i < len; i++) out[i] = (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 : u[i]);
    out[len] = 0;
    if (keylen) *keylen = len;
    return out;
}
