/*
** fuzz_fmt.c -- markup stripping on any bytes, in every format: no crash,
** and the piece map's invariants hold (contiguous pieces covering the plain
** text, source offsets in bounds and increasing, copied bytes equal).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int f = SIFT_FMT_TEXT; f <= SIFT_FMT_HTML; f++) {
        sift_plain p;
        if (sift_fmt_strip((sift_fmt)f, (const char *)data, size, &p) != 0) continue;
        size_t at = 0, last_src = 0;
        for (size_t i = 0; i < p.npieces; i++) {
            const sift_piece *pc = &p.pieces[i];
            if (pc->plain != at || pc->src + pc->src_len > size || pc->src < last_src) abort();
            if (pc->plain_len == pc->src_len &&
                memcmp(p.text + pc->plain, data + pc->src, pc->plain_len) != 0)
                abort();
            at += pc->plain_len;
            last_src = pc->src;
        }
        if (at != p.len || p.text[p.len] != 0) abort();
        for (size_t i = 0; i <= p.len; i += 1 + p.len / 64) {
            if (sift_plain_src_start(&p, i) > size || sift_plain_src_end(&p, i) > size) abort();
        }
        sift_plain_free(&p);
    }
    return 0;
}
