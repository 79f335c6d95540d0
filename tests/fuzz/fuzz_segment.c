/*
** fuzz_segment.c -- segmentation and tokenisation of any valid UTF-8 (the
** input is repaired first, as --lenient would): sentences are ordered,
** trimmed, inside their paragraph; tokens lie inside their sentence.
*/
#include <stdint.h>
#include <stdlib.h>

#include "segment.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len, nrepl;
    char *text = sift_utf8_repair((const char *)data, size, &len, &nrepl);
    if (!text) return 0;
    sift_segs s;
    if (sift_segment(text, len, &s) == 0) {
        uint32_t prev = 0;
        sift_tok toks[256];
        for (size_t i = 0; i < s.nsents; i++) {
            const sift_sent *x = &s.sents[i];
            if (x->start >= x->end || x->end > len || x->start < prev) abort();
            if (space(text[x->start]) || space(text[x->end - 1])) abort();
            if (x->para >= s.nparas || x->start < s.paras[x->para].start ||
                x->end > s.paras[x->para].end)
                abort();
            size_t n = sift_tokenize(text, x->start, x->end, toks, 256);
            for (size_t k = 0; k < n && k < 256; k++)
                if (toks[k].start < x->start || toks[k].end > x->end ||
                    toks[k].start >= toks[k].end)
                    abort();
            prev = x->end;
        }
        sift_segs_free(&s);
    }
    free(text);
    return 0;
}
