/*
** test.h -- the C unit-test harness: one header, no library.
**
** A test file includes the module under test (`#include "../../runtime/x.c"`
** to reach its statics), defines TEST(name) functions and lists them in main:
**
**     TEST(splits_at_full_stop) { CHECK_INT(n, 2); CHECK_STR(got, "A."); }
**     int main(void) { RUN(splits_at_full_stop); return test_done("segment"); }
**
** Each failed check prints "file:line: FAIL test: detail"; test_done prints
** "<suite>: N passed, N failed" and returns 1 when anything failed.
** tests/run adds the counts of every suite into the final summary line.
*/
#ifndef SIFT_TEST_H
#define SIFT_TEST_H

#include <stdio.h>
#include <string.h>

static int test_passed, test_failed, test_cur_failed;
static const char *test_cur;

#define TEST(name) static void name(void)

#define RUN(name)                                                                                  \
    do {                                                                                           \
        test_cur = #name;                                                                          \
        test_cur_failed = 0;                                                                       \
        name();                                                                                    \
        if (test_cur_failed)                                                                       \
            test_failed++;                                                                         \
        else                                                                                       \
            test_passed++;                                                                         \
    } while (0)

#define FAILF(...)                                                                                 \
    do {                                                                                           \
        fprintf(stderr, "%s:%d: FAIL %s: ", __FILE__, __LINE__, test_cur);                         \
        fprintf(stderr, __VA_ARGS__);                                                              \
        fputc('\n', stderr);                                                                       \
        test_cur_failed = 1;                                                                       \
    } while (0)

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) FAILF("%s", #cond);                                                           \
    } while (0)

#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ != w_) FAILF("%s is %lld, expected %lld", #got, g_, w_);                            \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (!g_ || strcmp(g_, w_) != 0)                                                            \
            FAILF("%s is \"%s\", expected \"%s\"", #got, g_ ? g_ : "(null)", w_);                  \
    } while (0)

/* Compare n bytes at p with a NUL-terminated string. */
#define CHECK_MEM(p, n, want)                                                                      \
    do {                                                                                           \
        const char *w_ = (want);                                                                   \
        size_t n_ = (size_t)(n);                                                                   \
        if (n_ != strlen(w_) || memcmp((p), w_, n_) != 0)                                          \
            FAILF("%s is \"%.*s\", expected \"%s\"", #p, (int)n_, (const char *)(p), w_);          \
    } while (0)

static int test_done(const char *suite)
{
    printf("%s: %d passed, %d failed\n", suite, test_passed, test_failed);
    return test_failed ? 1 : 0;
}

#endif
