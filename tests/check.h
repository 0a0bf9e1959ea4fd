/* check.h: the minimal table-driven test harness of the ALVH Calc unit tests.
 *
 *   CHECK(cond, fmt, ...)                       any condition
 *   CHECK_STATUS(got, want, what)               an alvh_status
 *   CHECK_CLOSE(got, want, abs_tol, rel_tol, what)  |got-want| <= max(abs_tol, rel_tol*|want|)
 *   return check_summary("suite");              prints "N passed, N failed" and the exit code
 */
#ifndef ALVH_TESTS_CHECK_H
#define ALVH_TESTS_CHECK_H

#include <math.h>
#include <stdio.h>

static int check_passed_;
static int check_failed_;

#define CHECK(cond, ...)                                                  \
    do {                                                                  \
        if (cond) {                                                       \
            ++check_passed_;                                              \
        } else {                                                          \
            ++check_failed_;                                              \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);          \
            fprintf(stderr, __VA_ARGS__);                                 \
            fputc('\n', stderr);                                          \
        }                                                                 \
    } while (0)

#define CHECK_STATUS(got, want, what)                                              \
    CHECK((got) == (want), "%s: status %s (%d), want %s (%d)", (what),            \
          alvh_status_name(got), (int)(got), alvh_status_name(want), (int)(want))

static inline int check_close_(double got, double want, double abs_tol, double rel_tol)
{
    if (isnan(want))
        return isnan(got);
    if (isinf(want))
        return got == want;
    double tol = fmax(abs_tol, rel_tol * fabs(want));
    return fabs(got - want) <= tol;
}

#define CHECK_CLOSE(got, want, abs_tol, rel_tol, what)                                    \
    CHECK(check_close_((got), (want), (abs_tol), (rel_tol)),                              \
          "%s: got %.17g, want %.17g (diff %.3g, rel %.3g)", (what), (double)(got),        \
          (double)(want), (double)(got) - (double)(want),                                  \
          fabs(((double)(got) - (double)(want)) / (double)(want)))

static inline int check_summary(const char *suite)
{
    printf("%s: %d passed, %d failed\n", suite, check_passed_, check_failed_);
    return check_failed_ == 0 ? 0 : 1;
}

#endif
