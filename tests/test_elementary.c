/* test_elementary.c: the inline exp, expm1, log and exact-product helpers of the pricer
 * (core/src/elementary.h).
 *
 * Expected values:
 *   - tests/data/elementary.csv: exp, expm1 and log by mpmath at 60 digits
 *     (tests/gen_elementary_golden.py), each as the nearest double plus the remainder, so the
 *     error is measured in ulps of the exact value;
 *   - the exact products against the identity a b = p + e, checked in exact arithmetic by
 *     splitting into 26-bit halves (a derivation in the test, not the code under test). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "elementary.h"
#include "golden.h"

/* |got - (hi + lo)| in units of the last place of hi; got and hi are within a few ulps, so
 * got - hi is exact (Sterbenz) and the subtraction of lo costs nothing measurable. */
static double ulps(double got, double hi, double lo)
{
    double ulp = nextafter(fabs(hi), (double)INFINITY) - fabs(hi);
    return fabs((got - hi) - lo) / ulp;
}

static void exp_expm1_and_log_are_within_an_ulp_of_mpmath(void)
{
    golden_file g;
    if (!golden_load(&g, "elementary.csv", "fn,x,hi,lo"))
        return;
    double worst_exp_fast = 0.0, worst_exp = 0.0, worst_m1_fast = 0.0, worst_m1 = 0.0;
    double worst_log = 0.0;
    size_t n_exp = 0, n_m1 = 0, n_log = 0;
    for (size_t i = 0; i < g.rows; ++i) {
        const char *fn = golden_text(&g, i, 0);
        double x = golden_num(&g, i, 1), hi = golden_num(&g, i, 2), lo = golden_num(&g, i, 3);
        if (strcmp(fn, "exp") == 0) {
            double e = ulps(alvh_exp(x), hi, lo);
            ++n_exp;
            if (fabs(x) < 708.0)
                worst_exp_fast = fmax(worst_exp_fast, e);
            worst_exp = fmax(worst_exp, e);
            CHECK(e <= (fabs(x) < 708.0 ? 0.53 : 1.0), "%s: exp(%a) = %a, %.3f ulps off",
                  golden_where(&g, i), x, alvh_exp(x), e);
        } else if (strcmp(fn, "log") == 0) {
            double got = alvh_log(x);
            double e = hi == 0.0 ? (got == 0.0 ? 0.0 : (double)INFINITY) : ulps(got, hi, lo);
            ++n_log;
            worst_log = fmax(worst_log, e);
            CHECK(e <= 1.0, "%s: log(%a) = %a, %.3f ulps off", golden_where(&g, i), x, got, e);
        } else {
            double got = alvh_expm1(x);
            double e = hi == 0.0 ? (got == 0.0 ? 0.0 : (double)INFINITY) : ulps(got, hi, lo);
            ++n_m1;
            if (fabs(x) < 0.25)
                worst_m1_fast = fmax(worst_m1_fast, e);
            worst_m1 = fmax(worst_m1, e);
            CHECK(e <= 1.0, "%s: expm1(%a) = %a, %.3f ulps off", golden_where(&g, i), x, got, e);
        }
    }
    CHECK(n_exp >= 6000 && n_m1 >= 3500 && n_log >= 4000,
          "elementary.csv: %zu exp, %zu expm1 and %zu log rows", n_exp, n_m1, n_log);
    printf("exp: %zu rows, worst %.3f ulp (%.3f where |x| < 708, the inline path); "
           "expm1: %zu rows, worst %.3f ulp (%.3f where |x| < 1/4); log: %zu rows, worst %.3f "
           "ulp\n",
           n_exp, worst_exp, worst_exp_fast, n_m1, worst_m1, worst_m1_fast, n_log, worst_log);
    golden_free(&g);
}

static void special_cases_are_libm_s(void)
{
    const double inf = (double)INFINITY;
    CHECK(alvh_exp(0.0) == 1.0 && alvh_exp(-0.0) == 1.0, "exp(0) = 1");
    CHECK(alvh_exp(710.0) == inf && alvh_exp(inf) == inf, "exp overflows to inf");
    CHECK(alvh_exp(-746.0) == 0.0 && alvh_exp(-(double)INFINITY) == 0.0, "exp underflows to 0");
    CHECK(isnan(alvh_exp((double)NAN)) && isnan(alvh_expm1((double)NAN)), "a NaN stays NaN");
    CHECK(alvh_exp(-740.0) > 0.0 && alvh_exp(-740.0) < 0x1p-1022, "subnormal results (libm)");
    CHECK(alvh_expm1(-inf) == -1.0 && alvh_expm1(inf) == inf, "expm1 limits");
    CHECK(alvh_expm1(0x1p-1074) == 0x1p-1074, "expm1 of the smallest subnormal is itself");
    CHECK(alvh_log(1.0) == 0.0 && alvh_log(0.0) == -(double)INFINITY, "log(1) = 0, log(0) = -inf");
    CHECK(isnan(alvh_log(-1.0)) && isnan(alvh_log((double)NAN)), "log of a negative is NaN");
    CHECK(alvh_log((double)INFINITY) == (double)INFINITY, "log(inf) = inf");
    CHECK(fabs(alvh_log(0x1p-1074) + 744.44007192138126) < 1e-12, "log of a subnormal (libm)");
}

/* a b exactly, as the unevaluated sum of products of 26-bit halves (each product then has at
 * most 52 bits: exact), compared with p + e by an exact two-term comparison: a b - p - e = 0
 * iff the four partial products, less p, less e, sum to zero, which is evaluated with every
 * intermediate exact for the magnitudes used here. */
static int product_identity_holds(double a, double b, double p, double e)
{
    /* halves by truncating the significand (exact): a = a1 + a2, |a2| < 2^-26 |a| */
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    bits &= ~(uint64_t)0x7FFFFFF;
    double a1;
    memcpy(&a1, &bits, sizeof a1);
    double a2 = a - a1;
    memcpy(&bits, &b, sizeof bits);
    bits &= ~(uint64_t)0x7FFFFFF;
    double b1;
    memcpy(&b1, &bits, sizeof b1);
    double b2 = b - b1;
    /* a1 b1 - p is exact (both near a b, Sterbenz), the rest are small exact products */
    double r = (a1 * b1 - p) + a1 * b2 + a2 * b1 + a2 * b2 - e;
    return fabs(r) <= 0x1p-100 * fabs(p);
}

static void exact_products_are_exact(void)
{
    uint64_t s = 0x243F6A8885A308D3u;
    int bad = 0;
    for (int i = 0; i < 200000; ++i) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        double a = ldexp((double)(s >> 11) * 0x1p-53 + 0.5, (int)(s % 200) - 100);
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        double b = ldexp((double)(s >> 11) * 0x1p-53 + 0.5, (int)(s % 200) - 100);
        if (s & 1)
            b = -b;
        double p = a * b, q = a * a;
        if (!product_identity_holds(a, b, p, alvh_prod_err(a, b, p)) ||
            !product_identity_holds(a, a, q, alvh_square_err(a, q)))
            ++bad;
    }
    CHECK(bad == 0, "a b = fl(a b) + err exactly: %d of 200000 random pairs failed", bad);
}

int main(void)
{
    exp_expm1_and_log_are_within_an_ulp_of_mpmath();
    special_cases_are_libm_s();
    exact_products_are_exact();
    return check_summary("test_elementary");
}
