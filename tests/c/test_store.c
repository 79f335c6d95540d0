/* test_store.c -- documents: line index, line:col, preparation errors, titles;
** the store's shared strings. */
#include "../../runtime/store.c"

#include <pthread.h>
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

TEST(interned_strings_are_one_copy_each)
{
    sift_store *st = sift_store_new();
    CHECK(st != NULL);
    char a[] = "spokesman", b[] = "spokesman";
    const char *x = sift_store_intern(st, a, 9), *y = sift_store_intern(st, b, 9);
    CHECK(x == y && x != a && x != b);
    CHECK_STR(x, "spokesman");
    CHECK(sift_store_intern(st, "spokes", 6) != x); /* a prefix is another string */
    CHECK_STR(sift_store_intern(st, "spokesman", 6), "spokes");
    CHECK_STR(sift_store_intern(st, "", 0), "");
    CHECK_STR(sift_store_intern(st, "a\0b", 3), "a"); /* a C string ends at its NUL */
    a[0] = 'S';                                       /* the copy is the store's */
    CHECK_STR(x, "spokesman");
    /* past many growths every string keeps its one copy */
    const char *first[2000];
    char buf[16];
    for (int i = 0; i < 2000; i++) {
        int n = snprintf(buf, sizeof buf, "s%d", i);
        first[i] = sift_store_intern(st, buf, (size_t)n);
    }
    int same = 1;
    for (int i = 0; i < 2000; i++) {
        int n = snprintf(buf, sizeof buf, "s%d", i);
        same &= sift_store_intern(st, buf, (size_t)n) == first[i];
    }
    CHECK(same);
    sift_store_free(st);
}

TEST(interned_ids_give_their_strings)
{
    sift_store *st = sift_store_new();
    CHECK(st != NULL);
    CHECK(sift_store_str(st, SIFT_STR_NONE) == NULL);
    CHECK_STR(sift_store_str(st, SIFT_STR_EMPTY), "");
    CHECK(sift_store_intern_id(st, "", 0) == SIFT_STR_EMPTY);
    CHECK(sift_store_intern_id(st, "\0x", 2) == SIFT_STR_EMPTY);
    uint32_t a = sift_store_intern_id(st, "kind", 4), b = sift_store_intern_id(st, "side", 4);
    CHECK(a > SIFT_STR_EMPTY && b > SIFT_STR_EMPTY && a != b);
    CHECK(sift_store_intern_id(st, "kinds", 4) == a);
    CHECK_STR(sift_store_str(st, a), "kind");
    CHECK(sift_store_intern(st, "side", 4) == sift_store_str(st, b)); /* one copy for both */
    /* ids across several chunks, and the strings stay where they were */
    static uint32_t ids[20000];
    const char *at[20000];
    char buf[16];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(buf, sizeof buf, "t%d", i);
        ids[i] = sift_store_intern_id(st, buf, (size_t)n);
        at[i] = sift_store_str(st, ids[i]);
    }
    int ok = 1;
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(buf, sizeof buf, "t%d", i);
        ok &= sift_store_intern_id(st, buf, (size_t)n) == ids[i];
        ok &= sift_store_str(st, ids[i]) == at[i] && strcmp(at[i], buf) == 0;
        ok &= i == 0 || ids[i] == ids[i - 1] + 1; /* new strings take the next id */
    }
    CHECK(ok);
    sift_store_free(st);
}

/* The cache answers as the pool would: for one address written over with
   other bytes, for lengths past a NUL, and for strings that share a slot. */
TEST(cached_interning_gives_the_pools_ids)
{
    sift_store *st = sift_store_new();
    CHECK(st != NULL);
    sift_strcache c = {0};
    char buf[32] = "person";
    uint32_t person = sift_store_intern_cached(st, &c, buf, 6);
    CHECK(person == sift_store_intern_id(st, "person", 6));
    CHECK(sift_store_intern_cached(st, &c, buf, 6) == person);
    memcpy(buf, "places", 6); /* the same address and length, other bytes */
    CHECK(sift_store_intern_cached(st, &c, buf, 6) == sift_store_intern_id(st, "places", 6));
    memcpy(buf, "pl\0ces", 6); /* ... and a NUL inside */
    CHECK(sift_store_intern_cached(st, &c, buf, 6) == sift_store_intern_id(st, "pl", 2));
    CHECK(sift_store_intern_cached(st, &c, buf, 6) == sift_store_intern_id(st, "pl", 2));
    memcpy(buf, "plaNes", 6);
    CHECK(sift_store_intern_cached(st, &c, buf, 6) == sift_store_intern_id(st, "plaNes", 6));
    CHECK(sift_store_intern_cached(st, &c, buf, 0) == SIFT_STR_EMPTY);
    CHECK(sift_store_intern_cached(st, &c, "", 0) == SIFT_STR_EMPTY);
    /* many strings at many addresses, each asked twice */
    static char many[300][8];
    int ok = 1;
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 300; i++) {
            int n = snprintf(many[i], sizeof many[i], "s%d", i);
            ok &= sift_store_intern_cached(st, &c, many[i], (size_t)n) ==
                  sift_store_intern_id(st, many[i], (size_t)n);
        }
    CHECK(ok);
    sift_store_free(st);
}

typedef struct {
    sift_store *st;
    const char *got[500];
    uint32_t ids[500];
} internrun;

static void *intern_many(void *p)
{
    internrun *r = p;
    char buf[16];
    for (int i = 0; i < 500; i++) {
        int n = snprintf(buf, sizeof buf, "w%d", i % 250);
        r->got[i] = sift_store_intern(r->st, buf, (size_t)n);
        /* ids, and reading strings back while the others add (no lock) */
        n = snprintf(buf, sizeof buf, "v%d", i);
        r->ids[i] = sift_store_intern_id(r->st, buf, (size_t)n);
        if (strcmp(sift_store_str(r->st, r->ids[i]), buf) != 0) r->ids[i] = SIFT_STR_NONE;
    }
    return NULL;
}

TEST(workers_interning_together_get_the_same_copies)
{
    sift_store *st = sift_store_new();
    internrun r[4];
    pthread_t th[4];
    for (int t = 0; t < 4; t++) {
        r[t].st = st;
        CHECK(pthread_create(&th[t], NULL, intern_many, &r[t]) == 0);
    }
    for (int t = 0; t < 4; t++) pthread_join(th[t], NULL);
    int same = 1;
    for (int t = 1; t < 4; t++)
        for (int i = 0; i < 500; i++) same &= r[t].got[i] == r[0].got[i];
    for (int i = 0; i < 250; i++) same &= r[0].got[i] == r[0].got[i + 250];
    for (int t = 0; t < 4; t++)
        for (int i = 0; i < 500; i++) same &= r[t].ids[i] == r[0].ids[i] && r[t].ids[i] != 0;
    CHECK(same);
    sift_store_free(st);
}

/* Days from 1970-01-01 as ISO dates: known days, and every day of years
** 1 to 12000 against printf's rendering of the same civil date. */
TEST(days_format_as_iso_dates)
{
    char buf[32], want[32];
    sift_fmt_day(0, buf);
    CHECK_STR(buf, "1970-01-01");
    sift_fmt_day(18876, buf);
    CHECK_STR(buf, "2021-09-06");
    sift_fmt_day(18321, buf);
    CHECK_STR(buf, "2020-02-29");
    sift_fmt_day(-1, buf);
    CHECK_STR(buf, "1969-12-31");
    int y = 1, m = 1, d = 1, bad = 0;
    static const int LEN[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int32_t z = -719162; y <= 12000 && bad < 5; z++) { /* 0001-01-01 on */
        snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
        sift_fmt_day(z, buf);
        if (strcmp(buf, want) != 0) {
            FAILF("day %d is %s, expected %s", (int)z, buf, want);
            bad++;
        }
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (++d > LEN[m - 1] + (m == 2 && leap)) {
            d = 1;
            if (++m > 12) m = 1, y++;
        }
    }
}

int main(void)
{
    RUN(line_and_column_in_code_points);
    RUN(nul_byte_is_an_error_with_its_place);
    RUN(invalid_utf8_errors_or_is_repaired);
    RUN(sentences_map_to_original_bytes_through_markup);
    RUN(an_opening_headline_is_the_title);
    RUN(interned_strings_are_one_copy_each);
    RUN(interned_ids_give_their_strings);
    RUN(cached_interning_gives_the_pools_ids);
    RUN(workers_interning_together_get_the_same_copies);
    RUN(days_format_as_iso_dates);
    return test_done("store");
}
