/* test_vixcurve.c: the VIX futures curve (model and quoted) and the beta model.
 *
 * Expected values: mpmath evaluations of the formulas in tests/gen_hedge_golden.py
 * (tests/data/hedge_vixfut.csv, hedge_beta.csv), special cases derived by hand below, the
 * calibration targets stated in issue 4 (beta ~0.4 at one month, ~0.2 at five), and invariants
 * (beta never increases with tenor; the curve passes through its quotes). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "alvh/vixcurve.h"
#include "check.h"
#include "golden.h"

static void vixfut_row(const double *v)
{
    double f = 0;
    CHECK_STATUS(alvh_vix_future_model(v[0], v[1], v[2], v[3], &f), ALVH_OK, "model");
    CHECK_CLOSE(f, v[4], 1e-13, 1e-14, "VIX_FUT vs mpmath");
}

static void model_curve_matches_mpmath(void)
{
    CHECK(golden_each("hedge_vixfut.csv", "years,vix_spot,long_run,speed,future", 5,
                      vixfut_row) >= 5,
          "vixfut rows");
}

static void model_curve_special_cases(void)
{
    double f;
    /* years 0: spot exactly; speed 0: spot at every tenor; spot at the long-run level: flat. */
    alvh_vix_future_model(0, 16, 20, 4.3, &f);
    CHECK(f == 16, "tenor 0 is spot, got %.17g", f);
    alvh_vix_future_model(3, 16, 20, 0, &f);
    CHECK(f == 16, "speed 0 is flat at spot, got %.17g", f);
    alvh_vix_future_model(0.7, 20, 20, 4.3, &f);
    CHECK(f == 20, "spot at long run is flat, got %.17g", f);
    /* At the half-life ln2/k the future is halfway: (16 + 20) / 2 = 18. */
    alvh_vix_future_model(log(2.0) / 4.3, 16, 20, 4.3, &f);
    CHECK_CLOSE(f, 18.0, 1e-13, 0, "half-life");
    /* Backwardation: spot 30 above 20 falls toward 20 and stays above it. */
    double f1, f2;
    alvh_vix_future_model(0.1, 30, 20, 4.3, &f1);
    alvh_vix_future_model(0.4, 30, 20, 4.3, &f2);
    CHECK(f1 > f2 && f2 > 20, "backwardation decays to the long run: %g %g", f1, f2);
    CHECK_STATUS(alvh_vix_future_model(-0.1, 16, 20, 4.3, &f), ALVH_E_YEARS, "negative years");
    CHECK_STATUS(alvh_vix_future_model(0.1, 0, 20, 4.3, &f), ALVH_E_SPOT, "zero spot");
    CHECK_STATUS(alvh_vix_future_model(0.1, 16, -1, 4.3, &f), ALVH_E_SPOT, "negative long run");
    CHECK_STATUS(alvh_vix_future_model(0.1, 16, 20, -1, &f), ALVH_E_ARGUMENT, "negative speed");
    CHECK_STATUS(alvh_vix_future_model((double)NAN, 16, 20, 4.3, &f), ALVH_E_YEARS, "NaN years");
}

static void quoted_curve_interpolates_linearly_and_is_flat_beyond_the_ends(void)
{
    const double t[] = {0.05, 0.13, 0.21};
    const double fq[] = {17.2, 18.4, 19.1};
    struct {
        double years, want;
    } cases[] = {
        {0.05, 17.2}, {0.13, 18.4}, {0.21, 19.1},  /* at the quotes */
        {0.0, 17.2},  {0.01, 17.2},                /* flat before the first */
        {0.5, 19.1},  {10.0, 19.1},                /* flat after the last */
        /* 0.09 is halfway from 0.05 to 0.13: (17.2 + 18.4) / 2 = 17.8 */
        {0.09, 17.8},
        /* 0.19 is 3/4 of the way from 0.13 to 0.21: 18.4 + 0.75 x 0.7 = 18.925 */
        {0.19, 18.925},
        {0.13 + 1e-12, 18.4}, /* within 1e-9 years of a quote: the quote */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        double f = 0;
        CHECK_STATUS(alvh_vix_future_curve(cases[i].years, t, fq, 3, &f), ALVH_OK, "curve");
        CHECK_CLOSE(f, cases[i].want, 1e-12, 1e-14, "curve value");
    }
    double one = 0;
    CHECK_STATUS(alvh_vix_future_curve(0.3, t, fq, 1, &one), ALVH_OK, "one quote");
    CHECK(one == 17.2, "one quote is flat");
}

static void quoted_curve_rejects_bad_quotes(void)
{
    double f;
    size_t bad;
    const double up[] = {0.1, 0.2, 0.2};
    const double prices[] = {17, 18, 19};
    CHECK_STATUS(alvh_vix_curve_check(up, prices, 3, &bad), ALVH_E_CURVE, "repeated tenor");
    CHECK(bad == 2, "names the third point, got %zu", bad);
    const double down[] = {0.3, 0.2};
    CHECK_STATUS(alvh_vix_future_curve(0.1, down, prices, 2, &f), ALVH_E_CURVE, "decreasing");
    const double ok[] = {0.1, 0.2, 0.3};
    const double neg[] = {17, -18, 19};
    CHECK_STATUS(alvh_vix_curve_check(ok, neg, 3, &bad), ALVH_E_CURVE, "negative price");
    CHECK(bad == 1, "names the second point, got %zu", bad);
    const double negt[] = {-0.1, 0.2};
    CHECK_STATUS(alvh_vix_curve_check(negt, prices, 2, &bad), ALVH_E_CURVE, "negative tenor");
    CHECK_STATUS(alvh_vix_future_curve(0.1, ok, prices, 0, &f), ALVH_E_CURVE, "empty curve");
    CHECK_STATUS(alvh_vix_future_curve(-1, ok, prices, 3, &f), ALVH_E_YEARS, "negative years");
}

static void beta_row(const double *v)
{
    double b = -1;
    CHECK_STATUS(alvh_vix_beta(v[0], v[1], v[2], v[3], &b), ALVH_OK, "beta");
    CHECK_CLOSE(b, v[4], 1e-15, 1e-14, "VIX_BETA vs mpmath");
}

static void beta_matches_mpmath(void)
{
    CHECK(golden_each("hedge_beta.csv", "years,weight,fast,slow,beta", 5, beta_row) >= 20,
          "beta rows");
}

static void default_beta_hits_the_practitioner_targets(void)
{
    double b1, b5, b0;
    alvh_vix_beta(0, ALVH_VIX_BETA_WEIGHT, ALVH_VIX_BETA_FAST, ALVH_VIX_BETA_SLOW, &b0);
    alvh_vix_beta(1.0 / 12, ALVH_VIX_BETA_WEIGHT, ALVH_VIX_BETA_FAST, ALVH_VIX_BETA_SLOW, &b1);
    alvh_vix_beta(5.0 / 12, ALVH_VIX_BETA_WEIGHT, ALVH_VIX_BETA_FAST, ALVH_VIX_BETA_SLOW, &b5);
    CHECK(b0 == 1.0, "beta(0) = 1, got %.17g", b0);
    CHECK_CLOSE(b1, 0.40, 0.005, 0, "one-month beta ~0.4");
    CHECK_CLOSE(b5, 0.20, 0.005, 0, "five-month beta ~0.2");
    /* A single exponential fitted to one target misses the other (vixcurve.c's argument). */
    double k1 = -12.0 * log(0.4), single5 = exp(-k1 * 5.0 / 12);
    CHECK(single5 < 0.05, "single exponential through 0.4 at 1m gives %.3g at 5m", single5);
}

static void longer_tenor_never_has_larger_beta(void)
{
    const double params[][3] = {{0.65, 24, 1.35}, {0.5, 20, 1}, {1, 11, 0}, {0, 0, 3.86},
                                {0.3, 0.5, 40}, {1, 0, 0}, {0.99, 100, 0.01}};
    for (size_t p = 0; p < sizeof params / sizeof params[0]; ++p) {
        double prev = 2.0;
        for (int d = 0; d <= 3650; d += 1) {
            double b = -1.0;
            alvh_status st = alvh_vix_beta(d / 365.0, params[p][0], params[p][1], params[p][2], &b);
            if (st != ALVH_OK || !(b <= prev && b >= 0.0 && b <= 1.0)) {
                CHECK(0, "params %zu: beta rises or leaves [0,1] at day %d: %.17g after %.17g", p,
                      d, b, prev);
                break;
            }
            prev = b;
        }
    }
    CHECK(1, "monotone");
}

static void beta_rejects_bad_parameters(void)
{
    double b;
    CHECK_STATUS(alvh_vix_beta(-0.1, 0.65, 24, 1.35, &b), ALVH_E_YEARS, "negative years");
    CHECK_STATUS(alvh_vix_beta(0.1, 1.2, 24, 1.35, &b), ALVH_E_BETA, "weight above 1");
    CHECK_STATUS(alvh_vix_beta(0.1, -0.1, 24, 1.35, &b), ALVH_E_BETA, "negative weight");
    CHECK_STATUS(alvh_vix_beta(0.1, 0.65, -24, 1.35, &b), ALVH_E_BETA, "negative fast");
    CHECK_STATUS(alvh_vix_beta(0.1, 0.65, 24, (double)NAN, &b), ALVH_E_BETA, "NaN slow");
}

int main(void)
{
    model_curve_matches_mpmath();
    model_curve_special_cases();
    quoted_curve_interpolates_linearly_and_is_flat_beyond_the_ends();
    quoted_curve_rejects_bad_quotes();
    beta_matches_mpmath();
    default_beta_hits_the_practitioner_targets();
    longer_tenor_never_has_larger_beta();
    beta_rejects_bad_parameters();
    return check_summary("test_vixcurve");
}
