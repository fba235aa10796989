/* The whole unit-test framework: each TEST is a function; CHECK records a
 * failure with its line and goes on; main() runs the tests listed in it and
 * prints one "PASS name" / "FAIL name" / "SKIP name: why" line per test,
 * which tests/run.sh counts. Tests run from the repository root. */
#ifndef NF_TEST_H
#define NF_TEST_H
#include <stdio.h>
#include <string.h>

static int test_failed_, test_skipped_, tests_failed_total_;
static char test_skip_why_[256];

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);    \
            test_failed_ = 1;                                                              \
        }                                                                                  \
    } while (0)

#define CHECK_STR(got, want)                                                               \
    do {                                                                                   \
        const char *g_ = (got), *w_ = (want);                                              \
        if (!g_ || strcmp(g_, w_) != 0) {                                                  \
            fprintf(stderr, "  %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,     \
                    g_ ? g_ : "(null)", w_);                                               \
            test_failed_ = 1;                                                              \
        }                                                                                  \
    } while (0)

#define CHECK_NEAR(got, want, tol)                                                         \
    do {                                                                                   \
        double g_ = (got), w_ = (want);                                                    \
        if (!(g_ - w_ <= (tol) && w_ - g_ <= (tol))) {                                     \
            fprintf(stderr, "  %s:%d: got %.10g, want %.10g\n", __FILE__, __LINE__, g_, w_); \
            test_failed_ = 1;                                                              \
        }                                                                                  \
    } while (0)

/* Marks the running test skipped (when outside data is absent). */
#define SKIP(why)                                                                          \
    do {                                                                                   \
        snprintf(test_skip_why_, sizeof test_skip_why_, "%s", why);                        \
        test_skipped_ = 1;                                                                 \
        return;                                                                            \
    } while (0)

#define TEST(name) static void name(void)

#define RUN(name)                                                                          \
    do {                                                                                   \
        test_failed_ = test_skipped_ = 0;                                                  \
        name();                                                                            \
        if (test_failed_) {                                                                \
            printf("FAIL %s\n", #name);                                                    \
            tests_failed_total_++;                                                         \
        } else if (test_skipped_)                                                          \
            printf("SKIP %s: %s\n", #name, test_skip_why_);                                \
        else                                                                               \
            printf("PASS %s\n", #name);                                                    \
        fflush(stdout);                                                                    \
    } while (0)

#define TEST_EXIT() return tests_failed_total_ ? 1 : 0

#endif
