/* test_utf8.c -- validation, repair, counting and normalisation keys. */
#include "../../runtime/utf8.c"

#include <stdlib.h>
#include <string.h>

#include "test.h"

TEST(valid_text_passes)
{
    size_t bad = 99;
    CHECK(sift_utf8_check("plain ascii", 11, &bad));
    CHECK(sift_utf8_check("B\xC4\x81z\xC4\x81rak \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80", 22,
                          &bad));
    CHECK(sift_utf8_check("", 0, &bad));
    CHECK_INT(bad, 99); /* untouched when valid */
}

TEST(invalid_sequences_are_found_at_their_first_byte)
{
    static const struct {
        const char *s;
        size_t len, bad;
    } cases[] = {
        {"ab\xFF", 3, 2},            /* never valid */
        {"ab\xC3(", 4, 2},           /* bad continuation */
        {"\xC0\xAF", 2, 0},          /* overlong slash */
        {"x\xE0\x80\xAF", 4, 1},     /* overlong 3-byte */
        {"\xED\xA0\x80", 3, 0},      /* surrogate */
        {"\xF4\x90\x80\x80", 4, 0},  /* past U+10FFFF */
        {"12345678\xE2\x82", 10, 8}, /* truncated at the end, after the fast path */
        {"\x80", 1, 0},              /* lone continuation */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t bad = 99;
        CHECK(!sift_utf8_check(cases[i].s, cases[i].len, &bad));
        CHECK_INT(bad, cases[i].bad);
    }
}

TEST(repair_replaces_each_bad_byte)
{
    size_t n, r;
    char *s = sift_utf8_repair("a\xFF"
                               "b\xC3(",
                               5, &n, &r);
    CHECK_STR(s, "a\xEF\xBF\xBD"
                 "b\xEF\xBF\xBD(");
    CHECK_INT(r, 2);
    CHECK_INT(n, 9);
    size_t bad;
    CHECK(sift_utf8_check(s, n, &bad));
    free(s);
}

TEST(count_counts_code_points)
{
    CHECK_INT(sift_utf8_count("B\xC4\x81z", 0, 4), 3);
    CHECK_INT(sift_utf8_count("B\xC4\x81z", 1, 3), 1);
    CHECK_INT(sift_utf8_count("", 0, 0), 0);
}

TEST(keys_fold_case_marks_and_compatibility_forms)
{
    size_t n;
    char *a = sift_utf8_key("B\xC4\x81z\xC4\x81rak", 9, &n);
    char *b = sift_utf8_key("BAZARAK", 7, NULL);
    char *c = sift_utf8_key("\xEF\xAC\x81ve", 5, NULL); /* "ﬁve" ligature */
    CHECK_STR(a, "bazarak");
    CHECK_INT(n, 7);
    CHECK_STR(b, "bazarak");
    CHECK_STR(c, "five");
    free(a);
    free(b);
    free(c);
    CHECK(sift_utf8_key("\xFF", 1, NULL) == NULL);
}

/* ASCII keys are made without utf8proc: they must be the keys it makes,
   for every byte and for mixed strings. */
TEST(ascii_keys_are_utf8proc_keys)
{
    char one[2] = {0, 0};
    for (int c = 0; c < 128; c++) {
        one[0] = (char)c;
        size_t n1 = 99, n2 = 98;
        char *a = sift_utf8_key(one, 1, &n1);
        char *b = keyutf8proc(one, 1, &n2);
        CHECK(a != NULL && b != NULL);
        if (!a || !b) return;
        CHECK_INT(n1, n2);
        CHECK(n1 == n2 && memcmp(a, b, n1) == 0 && a[n1] == 0);
        free(a);
        free(b);
    }
    static const char *const S[] = {"Ahmad Shah MASSOUD", "al-Qaeda's", "U.S. Army (NRF)", "",
                                    "Mazar-i-Sharif 12 [x] {Y} ~`@^_|\\"};
    for (size_t i = 0; i < sizeof S / sizeof *S; i++) {
        size_t n1, n2;
        char *a = sift_utf8_key(S[i], strlen(S[i]), &n1);
        char *b = keyutf8proc(S[i], strlen(S[i]), &n2);
        CHECK(a && b && n1 == n2 && strcmp(a, b) == 0);
        free(a);
        free(b);
    }
    size_t n;
    char *k = sift_utf8_key("Ahmad Shah MASSOUD", 18, &n);
    CHECK_STR(k, "ahmad shah massoud");
    CHECK_INT(n, 18);
    free(k);
}

int main(void)
{
    RUN(valid_text_passes);
    RUN(invalid_sequences_are_found_at_their_first_byte);
    RUN(repair_replaces_each_bad_byte);
    RUN(count_counts_code_points);
    RUN(keys_fold_case_marks_and_compatibility_forms);
    RUN(ascii_keys_are_utf8proc_keys);
    return test_done("utf8");
}
