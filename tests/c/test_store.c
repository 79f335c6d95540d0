/* test_store.c -- documents: line index, line:col, preparation errors, titles. */
#include "../../runtime/store.c"

#include <stdlib.h>

#include "test.h"

static sift_doc mkdoc(const char *text, size_t len, sift_fmt fmt)
{
    sift_doc d;
    memset(&d, 0, sizeof d);
    d.bytes = malloc(len + 1);
    memcpy(d.bytes, text, len);
    d.bytes[len] = 0;
    d.len = len;
    d.fmt = fmt;
    return d;
}

TEST(line_and_column_in_code_points)
{
    sift_doc d = mkdoc("ab\nB\xC4\x81z\r\nx", 10, SIFT_FMT_TEXT);
    char *err;
    CHECK_INT(sift_doc_prepare(&d, 0, &err), 0);
    size_t line, col;
    sift_doc_linecol(&d, 0, &line, &col);
    CHECK_INT(line, 1);
    CHECK_INT(col, 1);
    sift_doc_linecol(&d, 6, &line, &col); /* "z" after a two-byte letter */
    CHECK_INT(line, 2);
    CHECK_INT(col, 3);
    sift_doc_linecol(&d, 9, &line, &col);
    CHECK_INT(line, 3);
    CHECK_INT(col, 1);
    sift_doc_linecol(&d, 10, &line, &col); /* the end */
    CHECK_INT(line, 3);
    CHECK_INT(col, 2);
    sift_doc_clear(&d);
}

TEST(nul_byte_is_an_error_with_its_place)
{
    sift_doc d = mkdoc("line one\nab\0c", 13, SIFT_FMT_TEXT);
    char *err = NULL;
    CHECK_INT(sift_doc_prepare(&d, 0, &err), -1);
    CHECK(err && !strncmp(err, "2:3: NUL byte", 13));
    free(err);
    sift_doc_clear(&d);
}

TEST(invalid_utf8_errors_or_is_repaired)
{
    sift_doc d = mkdoc("ok\nbad \xC3( x", 11, SIFT_FMT_TEXT);
    char *err = NULL;
    CHECK_INT(sift_doc_prepare(&d, 0, &err), -1);
    CHECK(err && !strncmp(err, "2:5: invalid UTF-8 (byte 0xC3)", 30));
    free(err);
    sift_doc_clear(&d);
    d = mkdoc("ok\nbad \xC3( x", 11, SIFT_FMT_TEXT);
    CHECK_INT(sift_doc_prepare(&d, 1, &err), 0);
    CHECK_INT(d.repaired, 1);
    CHECK_STR(d.bytes, "ok\nbad \xEF\xBF\xBD( x");
    sift_doc_clear(&d);
}

TEST(sentences_map_to_original_bytes_through_markup)
{
    static const char md[] = "# Title here\n\nThe **bold** claim. Another one.\n";
    sift_doc d = mkdoc(md, strlen(md), SIFT_FMT_MARKDOWN);
    char *err;
    CHECK_INT(sift_doc_prepare(&d, 0, &err), 0);
    CHECK_STR(d.title, "Title here");
    CHECK(d.nsents >= 3);
    for (size_t i = 0; i < d.nsents; i++) {
        CHECK(d.sents[i].start <= d.sents[i].end && d.sents[i].end <= d.len);
    }
    if (d.nsents >= 3) {
        CHECK_MEM(d.bytes + d.sents[1].start, d.sents[1].end - d.sents[1].start,
                  "The **bold** claim.");
        size_t pl;
        const char *p = sift_doc_plain(&d, &pl);
        CHECK_MEM(p + d.sents[1].pstart, d.sents[1].pend - d.sents[1].pstart, "The bold claim.");
    }
    sift_doc_clear(&d);
}

TEST(an_opening_headline_is_the_title)
{
    static const char t[] = "Fighting ends in the valley\n\nKABUL - It ended on Monday.\n";
    sift_doc d = mkdoc(t, strlen(t), SIFT_FMT_TEXT);
    char *err;
    CHECK_INT(sift_doc_prepare(&d, 0, &err), 0);
    CHECK_STR(d.title, "Fighting ends in the valley");
    sift_doc_clear(&d);
}

int main(void)
{
    RUN(line_and_column_in_code_points);
    RUN(nul_byte_is_an_error_with_its_place);
    RUN(invalid_utf8_errors_or_is_repaired);
    RUN(sentences_map_to_original_bytes_through_markup);
    RUN(an_opening_headline_is_the_title);
    return test_done("store");
}
