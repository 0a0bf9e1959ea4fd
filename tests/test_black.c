/* test_black.c: Black-Scholes-Merton and Black-76 prices and greeks, and the normal
 * distribution underneath them.
 *
 * Expected values:
 *   - tests/data/pricing_golden.csv: mpmath at 50+ digits (tests/gen_pricing_golden.py), whose
 *     closed-form greeks are themselves cross-checked there against mpmath.diff of the price;
 *   - tests/data/pricing_extreme.csv: the same closed forms by mpmath on huge strikes and
 *     forwards, where b = price/sqrt(F K) is subnormal but the price is not;
 *   - tests/data/pricing_random.csv: the same on 2000 options drawn over the whole domain;
 *   - tests/data/pricing_normal.csv: Phi, erfcx and Phi^-1 by mpmath (same generator);
 *   - tests/data/pricing_normalised.csv: the normalised Black function b(x, s) by mpmath on
 *     both sides of each of its region boundaries (same generator);
 *   - invariants on seeded random inputs: put-call parity, greeks against central differences
 *     of our own price (a derivative identity, independent of the greek formulas);
 *   - degenerate cases derived by hand in the test. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "check.h"
#include "golden.h"
#include "normal.h"

#define REL_TOL 1e-12
#define ABS_TOL 1e-14

static const char *const k_greeks[] = {"price", "delta", "gamma", "vega",
                                       "theta", "rho",   "vanna", "volga"};

static double field(const alvh_greeks *g, int i)
{
    return i == 0 ? g->price : alvh_greek_value(g, (alvh_greek)(i - 1));
}

/* ---- golden data ----------------------------------------------------------------------------- */

#define PRICING_GOLDEN_HEADER                                                                 \
    "model,type,underlying,strike,years,vol,rate,div_yield,price,delta,gamma,vega,theta,rho," \
    "vanna,volga"

static void prices_and_greeks_match_mpmath_golden(void)
{
    golden_file gf;
    if (!golden_load(&gf, "pricing_golden.csv", PRICING_GOLDEN_HEADER))
        return;
    int rows = 0;
    double worst_rel[8] = {0}, worst_price_rel = 0.0;
    for (size_t row = 0; row < gf.rows; ++row) {
        char line[96];
        snprintf(line, sizeof line, "%s", golden_where(&gf, row));
        CHECK(golden_cols(&gf, row) == 16, "parse: %s", line);
        if (golden_cols(&gf, row) != 16)
            continue;
        const char *model = golden_text(&gf, row, 0), *type = golden_text(&gf, row, 1);
        double x[14];
        golden_nums(&gf, row, 2, 14, x);
        double u = x[0], k = x[1], t = x[2], v = x[3], r = x[4], q = x[5];
        const double *want = x + 6;
        int kind = type[0] == 'C' ? ALVH_CALL : ALVH_PUT;
        alvh_greeks g;
        alvh_status st = strcmp(model, "BSM") == 0
                             ? alvh_bsm_greeks(kind, u, k, t, v, r, q, &g)
                             : alvh_black76_greeks(kind, u, k, t, v, r, &g);
        CHECK_STATUS(st, ALVH_OK, line);
        if (st != ALVH_OK)
            continue;
        ++rows;
        /* the price alone (the _price entry points) must equal the greeks' price */
        double p = -1.0;
        if (strcmp(model, "BSM") == 0)
            alvh_bsm_price(kind, u, k, t, v, r, q, &p);
        else
            alvh_black76_price(kind, u, k, t, v, r, &p);
        CHECK(p == g.price, "price entry point equals greeks price: %.17g vs %.17g", p, g.price);
        for (int i = 0; i < 8; ++i) {
            double got = field(&g, i);
            char what[160];
            snprintf(what, sizeof what, "%s %s row: %s", k_greeks[i], model, line);
            CHECK_CLOSE(got, want[i], ABS_TOL, REL_TOL, what);
            if (want[i] != 0.0 && fabs(want[i]) > 1e-300) {
                double rel = fabs(got - want[i]) / fabs(want[i]);
                if (fabs(got - want[i]) > ABS_TOL && rel > worst_rel[i])
                    worst_rel[i] = rel;
                if (i == 0 && rel > worst_price_rel)
                    worst_price_rel = rel;
            }
        }
        /* Prices keep their relative accuracy however small they are (the reason for the
         * normalised Black function): 1e-12 relative for every price that is a normal double. */
        if (want[0] > 1e-300)
            CHECK_CLOSE(g.price, want[0], 0.0, REL_TOL, "price relative");
    }
    golden_free(&gf);
    CHECK(rows > 3000, "golden rows read: %d", rows);
    printf("golden: %d rows; worst relative error beyond 1e-14 absolute:", rows);
    for (int i = 0; i < 8; ++i)
        printf(" %s %.2g", k_greeks[i], worst_rel[i]);
    printf("; price (any size) %.2g\n", worst_price_rel);
}

/* Every row of a golden file (PRICING_GOLDEN_HEADER) to 1e-12 relative wherever the expected
 * value is a normal double, with no absolute floor except vv_abs for vanna and volga (which
 * carry d2 = d1 - s, cancelling near d1 = s); values below the normal range to 1e-300
 * absolute. Prints and returns nothing; reports the worst relative error per column. */
static void check_golden_relative(const char *name, size_t min_rows, double vv_abs)
{
    golden_file gf;
    if (!golden_load(&gf, name, PRICING_GOLDEN_HEADER))
        return;
    double worst[8] = {0};
    for (size_t row = 0; row < gf.rows; ++row) {
        char line[96];
        snprintf(line, sizeof line, "%s", golden_where(&gf, row));
        const char *model = golden_text(&gf, row, 0), *type = golden_text(&gf, row, 1);
        double x[14];
        golden_nums(&gf, row, 2, 14, x);
        int kind = type[0] == 'C' ? ALVH_CALL : ALVH_PUT;
        alvh_greeks g;
        alvh_status st = strcmp(model, "BSM") == 0
                             ? alvh_bsm_greeks(kind, x[0], x[1], x[2], x[3], x[4], x[5], &g)
                             : alvh_black76_greeks(kind, x[0], x[1], x[2], x[3], x[4], &g);
        CHECK_STATUS(st, ALVH_OK, line);
        if (st != ALVH_OK)
            continue;
        for (int i = 0; i < 8; ++i) {
            double want = x[6 + i], got = field(&g, i), abs_tol = i >= 6 ? vv_abs : 0.0;
            char what[160];
            snprintf(what, sizeof what, "%s %s row: %s", k_greeks[i], model, line);
            if (!(fabs(want) >= 0x1p-1022)) {
                CHECK_CLOSE(got, want, 1e-300, 0.0, what);
                continue;
            }
            CHECK_CLOSE(got, want, abs_tol, REL_TOL, what);
            double rel = fabs(got - want) / fabs(want);
            if (fabs(got - want) > abs_tol && rel > worst[i])
                worst[i] = rel;
        }
    }
    CHECK(gf.rows >= min_rows, "%s: %zu rows read", name, gf.rows);
    printf("%s: %zu rows; worst relative error:", name, gf.rows);
    for (int i = 0; i < 8; ++i)
        printf(" %s %.2g", k_greeks[i], worst[i]);
    printf("\n");
    golden_free(&gf);
}

/* Out-of-the-money options on strikes or forwards up to 1e279 away from each other, whose
 * normalised price b = (price - intrinsic)/sqrt(F K) is below 2^-1000 (often subnormal) while the
 * price and greeks are normal doubles: every value to 1e-12 relative, with no absolute floor
 * (these prices are all below 1e-14). Before the pricer scaled such prices in logs, they came
 * out up to 2% off, or 0, and theta/rho as 0. */
static void huge_strikes_and_forwards_keep_relative_accuracy(void)
{
    check_golden_relative("pricing_extreme.csv", 60, 0.0);
}

/* 2000 options drawn at random over the whole domain (spot/forward 1e-3..1e6, 1e-4..10 years,
 * vol 0.1%..2000%, strikes to +-40 standard deviations): price, delta, gamma, vega, theta and
 * rho to 1e-12 relative wherever the expected value is a normal double (no absolute floor);
 * vanna and volga to 1e-12 relative or 1e-14 absolute. */
static void random_options_over_the_whole_domain_match_mpmath(void)
{
    check_golden_relative("pricing_random.csv", 2000, ABS_TOL);
}

static void normal_distribution_matches_mpmath(void)
{
    golden_file gf; /* function,argument,value */
    if (!golden_load(&gf, "pricing_normal.csv", NULL))
        return;
    int rows = 0;
    for (size_t row = 0; row < gf.rows; ++row) {
        const char *fn = golden_text(&gf, row, 0);
        double arg = golden_num(&gf, row, 1), want = golden_num(&gf, row, 2);
        if (fabs(want) < 2.3e-308)
            continue; /* subnormal results carry no relative accuracy */
        ++rows;
        double got = strcmp(fn, "cdf") == 0 ? alvh_norm_cdf(arg)
                     : strcmp(fn, "erfcx") == 0 ? alvh_erfcx(arg)
                                                : alvh_norm_inv(arg);
        char what[300];
        snprintf(what, sizeof what, "%s(%.17g)", fn, arg);
        /* a few ulps, relative, tails included */
        CHECK_CLOSE(got, want, 0.0, 2e-15, what);
    }
    golden_free(&gf);
    CHECK(rows > 100, "normal rows read: %d", rows);
}

static void normalised_black_matches_mpmath_across_its_regions(void)
{
    /* b(x, s) on both sides of every region boundary of black.c (asymptotic h < -10, small
     * t < 0.2102, dominant h + t > 0.85, erfcx otherwise); 1e-13 relative. Measured worst:
     * 5e-14 at h = -30 (b ~ 1e-200), the rounding of h = x/s itself (d ln b / d ln h ~ h^2);
     * 3e-14 in the small-t region at h = -10, where a = 1 + hY cancels. */
    golden_file gf; /* x,s,b(x,s) */
    if (!golden_load(&gf, "pricing_normalised.csv", NULL))
        return;
    int rows = 0;
    double worst = 0.0;
    for (size_t row = 0; row < gf.rows; ++row) {
        double x = golden_num(&gf, row, 0), s = golden_num(&gf, row, 1);
        double want = golden_num(&gf, row, 2);
        ++rows;
        double got = alvh_black_otm(x, s);
        char what[300];
        snprintf(what, sizeof what, "b(%.17g, %.17g)", x, s);
        if (want < 2.3e-308) {
            CHECK(got < 1e-300, "%s underflows: got %.17g", what, got);
            continue;
        }
        CHECK_CLOSE(got, want, 0.0, 1e-13, what);
        if (fabs(got - want) / want > worst)
            worst = fabs(got - want) / want;
    }
    golden_free(&gf);
    CHECK(rows > 300, "normalised rows read: %d", rows);
    printf("normalised Black: %d rows, worst relative error %.2g\n", rows, worst);
}

/* ---- degenerate inputs ---------------------------------------------------------------------- */

static void zero_years_and_zero_vol_give_discounted_intrinsic_and_a_step_delta(void)
{
    alvh_greeks g;
    /* years = 0: intrinsic, no discounting */
    CHECK_STATUS(alvh_bsm_greeks(ALVH_CALL, 105, 100, 0, 0.2, 0.05, 0.02, &g), ALVH_OK, "T=0");
    CHECK(g.price == 5.0 && g.delta == 1.0 && g.gamma == 0 && g.vega == 0 && g.vanna == 0 &&
              g.volga == 0 && g.rho == 0,
          "T=0 ITM call: price %g delta %g", g.price, g.delta);
    /* theta at T=0 ITM: -(d/dT)(S e^{-qT} - K e^{-rT})/365 = (qS - rK)/365 */
    CHECK_CLOSE(g.theta, (0.02 * 105 - 0.05 * 100) / 365.0, 1e-16, 1e-14, "T=0 theta");
    CHECK_STATUS(alvh_bsm_greeks(ALVH_PUT, 105, 100, 0, 0.2, 0.05, 0.02, &g), ALVH_OK, "T=0 P");
    CHECK(g.price == 0.0 && g.delta == 0.0 && g.theta == 0.0, "T=0 OTM put is worthless");
    CHECK_STATUS(alvh_bsm_greeks(ALVH_PUT, 100, 100, 0, 0.2, 0, 0, &g), ALVH_OK, "T=0 ATM");
    CHECK(g.price == 0.0 && g.delta == -0.5, "at the money the step is half: delta %g", g.delta);
    CHECK_STATUS(alvh_black76_greeks(ALVH_CALL, 20, 20, 0, 0.9, 0.04, &g), ALVH_OK, "B76 ATM");
    CHECK(g.price == 0.0 && g.delta == 0.5, "B76 at the money delta %g", g.delta);

    /* vol = 0, T = 1: discounted intrinsic of the forward F = 100 e^{0.03} = 103.045 */
    double df = exp(-0.05);
    CHECK_STATUS(alvh_bsm_greeks(ALVH_CALL, 100, 102, 1, 0, 0.05, 0.02, &g), ALVH_OK, "vol 0");
    CHECK_CLOSE(g.price, df * (-2 + 100 * expm1(0.03)), 1e-14, 1e-14, "vol 0 price");
    CHECK_CLOSE(g.delta, exp(-0.02), 0, 1e-15, "vol 0 delta is e^{-qT}");
    CHECK_CLOSE(g.rho, 102 * df * 0.01, 0, 1e-14, "vol 0 rho = K T DF / 100");
    CHECK(g.gamma == 0 && g.vega == 0, "vol 0 gamma, vega");
    CHECK_STATUS(alvh_bsm_greeks(ALVH_PUT, 100, 102, 1, 0, 0.05, 0.02, &g), ALVH_OK, "vol 0 P");
    CHECK(g.price == 0.0 && g.delta == 0.0, "vol 0 OTM put (F > K)");
    CHECK_STATUS(alvh_black76_greeks(ALVH_PUT, 18, 20, 0.5, 0, 0.04, &g), ALVH_OK, "B76 vol 0");
    CHECK_CLOSE(g.price, exp(-0.02) * 2, 0, 1e-15, "B76 vol 0 put");
    CHECK_CLOSE(g.delta, -exp(-0.02), 0, 1e-15, "B76 vol 0 delta");
    CHECK_CLOSE(g.rho, -0.5 * g.price * 0.01, 0, 1e-15, "B76 rho = -T V / 100");
}

static void zero_strike_call_is_the_discounted_forward_and_zero_strike_put_is_an_error(void)
{
    alvh_greeks g;
    double p;
    CHECK_STATUS(alvh_bsm_greeks(ALVH_CALL, 100, 0, 2, 0.3, 0.05, 0.01, &g), ALVH_OK, "K=0");
    CHECK_CLOSE(g.price, 100 * exp(-0.02), 0, 1e-15, "K=0 call = S e^{-qT}");
    CHECK_CLOSE(g.delta, exp(-0.02), 0, 1e-15, "K=0 delta");
    CHECK(g.gamma == 0 && g.vega == 0 && g.rho == 0, "K=0 gamma vega rho");
    CHECK_CLOSE(g.theta, 0.01 * 100 * exp(-0.02) / 365, 0, 1e-14, "K=0 theta = q S e^{-qT}/365");
    CHECK_STATUS(alvh_black76_price(ALVH_CALL, 20, 0, 1, 0.5, 0.04, &p), ALVH_OK, "B76 K=0");
    CHECK_CLOSE(p, 20 * exp(-0.04), 0, 1e-15, "B76 K=0 call = DF F");
    CHECK_STATUS(alvh_bsm_price(ALVH_PUT, 100, 0, 1, 0.2, 0, 0, &p), ALVH_E_STRIKE, "K=0 put");
    CHECK_STATUS(alvh_black76_price(ALVH_PUT, 20, 0, 1, 0.2, 0, &p), ALVH_E_STRIKE, "B76 K=0 put");
}

/* As vol -> inf, d1 -> +inf and d2 -> -inf: a call tends to its maximum S e^{-qT} (DF F for
 * Black-76), a put to K e^{-rT}, and vega, gamma, vanna and volga to 0. With s = vol sqrt(T)
 * beyond 1e10, Phi(d2) < 1e-10^20 (d2 < -s/2 + |x|/s): the limits hold to the last digit. The
 * main line once returned 0 for these (the double-double square of s/2 overflowed to NaN in
 * exp(-(h^2 + t^2)/2), and the NaN was clamped to a zero time value). */
static void huge_vols_give_the_price_limits_not_zero(void)
{
    const double vols[] = {1e10, 1e100, 1e160, 1e200, 1e300};
    for (size_t i = 0; i < sizeof vols / sizeof vols[0]; ++i) {
        const double v = vols[i];
        char what[64];
        alvh_greeks g;
        double p;
        snprintf(what, sizeof what, "call, vol %g", v);
        CHECK_STATUS(alvh_bsm_greeks(ALVH_CALL, 100, 100, 1, v, 0.05, 0.02, &g), ALVH_OK, what);
        CHECK_CLOSE(g.price, 100 * exp(-0.02), 0, 1e-15, what);
        CHECK_CLOSE(g.delta, exp(-0.02), 0, 1e-15, what);
        CHECK(g.gamma == 0 && g.vega == 0 && g.vanna == 0 && g.volga == 0,
              "%s: gamma %g vega %g vanna %g volga %g", what, g.gamma, g.vega, g.vanna, g.volga);
        snprintf(what, sizeof what, "put, vol %g", v);
        CHECK_STATUS(alvh_bsm_greeks(ALVH_PUT, 100, 120, 2, v, 0.05, 0.02, &g), ALVH_OK, what);
        CHECK_CLOSE(g.price, 120 * exp(-0.1), 0, 1e-15, what);
        snprintf(what, sizeof what, "Black-76 call, vol %g", v);
        CHECK_STATUS(alvh_black76_price(ALVH_CALL, 18, 25, 0.1, v, 0.04, &p), ALVH_OK, what);
        CHECK_CLOSE(p, 18 * exp(-0.004), 0, 1e-15, what);
    }
}

static void bad_inputs_are_statuses_never_numbers(void)
{
    const double bad[] = {(double)NAN, (double)INFINITY, -(double)INFINITY};
    double p = 12345.0;
    for (int i = 0; i < 3; ++i) {
        double b = bad[i];
        CHECK_STATUS(alvh_bsm_price(1, b, 100, 1, 0.2, 0, 0, &p), ALVH_E_SPOT, "spot");
        CHECK_STATUS(alvh_bsm_price(1, 100, b, 1, 0.2, 0, 0, &p), ALVH_E_STRIKE, "strike");
        CHECK_STATUS(alvh_bsm_price(1, 100, 100, b, 0.2, 0, 0, &p), ALVH_E_YEARS, "years");
        CHECK_STATUS(alvh_bsm_price(1, 100, 100, 1, b, 0, 0, &p), ALVH_E_VOL, "vol");
        CHECK_STATUS(alvh_bsm_price(1, 100, 100, 1, 0.2, b, 0, &p), ALVH_E_RATE, "rate");
        CHECK_STATUS(alvh_bsm_price(1, 100, 100, 1, 0.2, 0, b, &p), ALVH_E_DIV_YIELD, "div");
        CHECK_STATUS(alvh_black76_price(-1, b, 100, 1, 0.2, 0, &p), ALVH_E_FORWARD, "forward");
        CHECK_STATUS(alvh_black76_price(-1, 20, b, 1, 0.2, 0, &p), ALVH_E_STRIKE, "B76 strike");
        CHECK_STATUS(alvh_black76_price(-1, 20, 20, 1, 0.2, b, &p), ALVH_E_RATE, "B76 rate");
    }
    CHECK(p == 12345.0, "no output written on error");
    CHECK_STATUS(alvh_bsm_price(0, 100, 100, 1, 0.2, 0, 0, &p), ALVH_E_OPTION_TYPE, "kind 0");
    CHECK_STATUS(alvh_bsm_price(1, -100, 100, 1, 0.2, 0, 0, &p), ALVH_E_SPOT, "negative spot");
    CHECK_STATUS(alvh_bsm_price(1, 0, 100, 1, 0.2, 0, 0, &p), ALVH_E_SPOT, "zero spot");
    CHECK_STATUS(alvh_bsm_price(1, 100, -1, 1, 0.2, 0, 0, &p), ALVH_E_STRIKE, "negative strike");
    CHECK_STATUS(alvh_bsm_price(1, 100, 100, -1, 0.2, 0, 0, &p), ALVH_E_YEARS, "negative years");
    CHECK_STATUS(alvh_bsm_price(1, 100, 100, 1, -0.2, 0, 0, &p), ALVH_E_VOL, "negative vol");
    /* overflow is a status, not inf */
    alvh_greeks g;
    CHECK_STATUS(alvh_bsm_greeks(1, 1e300, 1, 1, 0.2, 900, 0, &g), ALVH_E_NOT_FINITE,
                 "overflowing forward");
}

/* A put struck at 1.7e308 on a spot of 1 with a 500% rate: theta = -dV/dT carries r K e^{-rT},
 * which overflows, while the delta is -e^{-qT} Phi(-d1) = -1 to the last bit (d1 ~ -2e4). The
 * full set is NOT_FINITE (and leaves *out alone); one greek fails only if it is itself not
 * finite. */
static void one_greek_is_not_failed_by_another_overflowing(void)
{
    alvh_greeks g = {.price = 42.0};
    CHECK_STATUS(alvh_bsm_greeks(ALVH_PUT, 1.0, 1.7e308, 0.001, 0.2, 5.0, 0.0, &g),
                 ALVH_E_NOT_FINITE, "all greeks with theta overflowing");
    CHECK(g.price == 42.0, "greeks not written on failure");
    double v = 7.0;
    CHECK_STATUS(alvh_bsm_greek(ALVH_GREEK_DELTA, ALVH_PUT, 1.0, 1.7e308, 0.001, 0.2, 5.0, 0.0, &v),
                 ALVH_OK, "delta alone");
    CHECK_CLOSE(v, -1.0, 0.0, 2.3e-16, "deep in-the-money put delta");
    v = 7.0;
    CHECK_STATUS(alvh_bsm_greek(ALVH_GREEK_THETA, ALVH_PUT, 1.0, 1.7e308, 0.001, 0.2, 5.0, 0.0, &v),
                 ALVH_E_NOT_FINITE, "theta alone overflows");
    CHECK(v == 7.0, "no greek written on failure");
    CHECK_STATUS(alvh_bsm_greek((alvh_greek)99, ALVH_CALL, 100, 100, 1, 0.2, 0, 0, &v),
                 ALVH_E_GREEK, "unknown greek");
    /* Black-76 on the same put: rho = -T V / 100 is finite, theta = (r V - ...)/365 is not */
    CHECK_STATUS(alvh_black76_greek(ALVH_GREEK_RHO, ALVH_PUT, 1.0, 1.7e308, 0.001, 0.2, 5.0, &v),
                 ALVH_OK, "B76 rho alone");
    CHECK_STATUS(alvh_black76_greek(ALVH_GREEK_THETA, ALVH_PUT, 1.0, 1.7e308, 0.001, 0.2, 5.0, &v),
                 ALVH_E_NOT_FINITE, "B76 theta alone");
    /* and where nothing overflows, one greek is the same number as in the full set */
    alvh_bsm_greeks(ALVH_CALL, 5000, 5100, 0.0822, 0.18, 0.045, 0.013, &g);
    for (int k = 0; k < ALVH_GREEK_COUNT_; ++k) {
        CHECK_STATUS(alvh_bsm_greek((alvh_greek)k, ALVH_CALL, 5000, 5100, 0.0822, 0.18, 0.045,
                                    0.013, &v),
                     ALVH_OK, k_greeks[k + 1]);
        CHECK(v == alvh_greek_value(&g, (alvh_greek)k), "%s equals the full set's",
              k_greeks[k + 1]);
    }
}

static void greek_names_parse_case_insensitively(void)
{
    alvh_greek g;
    const char *names[] = {"delta", "GAMMA", "Vega", "theta", "rho", "vanna", "VolGa"};
    for (int i = 0; i < 7; ++i) {
        CHECK_STATUS(alvh_greek_parse(names[i], &g), ALVH_OK, names[i]);
        CHECK(g == (alvh_greek)i, "%s parses to %d", names[i], (int)g);
    }
    CHECK_STATUS(alvh_greek_parse("charm", &g), ALVH_E_GREEK, "unknown greek");
    CHECK_STATUS(alvh_greek_parse("delt", &g), ALVH_E_GREEK, "prefix is not a greek");
    CHECK_STATUS(alvh_greek_parse("", &g), ALVH_E_GREEK, "empty");
    CHECK_STATUS(alvh_greek_parse(NULL, &g), ALVH_E_GREEK, "NULL");
}

/* ---- invariants on random inputs ------------------------------------------------------------- */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static double uniform(void) /* xorshift64*, fixed seed: reproducible */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (double)((rng_state * 2685821657736338717u) >> 11) * 0x1p-53;
}

typedef struct {
    double s, k, t, v, r, q;
} inputs;

static inputs random_inputs(void)
{
    inputs in;
    in.s = 100.0;
    in.t = exp(log(1.0 / 8760.0) + uniform() * log(5.0 * 8760.0)); /* 1 hour .. 5 years */
    in.v = exp(log(0.01) + uniform() * log(500.0));                   /* 1% .. 500% */
    double sd = in.v * sqrt(in.t);
    in.k = in.s * exp((uniform() * 6.0 - 3.0) * sd);                  /* +-3 sd */
    in.r = uniform() * 0.1 - 0.02;
    in.q = uniform() * 0.05;
    return in;
}

static void put_call_parity_holds_on_random_inputs(void)
{
    for (int i = 0; i < 20000; ++i) {
        inputs x = random_inputs();
        double c, p, c76, p76;
        alvh_bsm_price(ALVH_CALL, x.s, x.k, x.t, x.v, x.r, x.q, &c);
        alvh_bsm_price(ALVH_PUT, x.s, x.k, x.t, x.v, x.r, x.q, &p);
        /* C - P = S e^{-qT} - K e^{-rT} */
        double want = x.s * exp(-x.q * x.t) - x.k * exp(-x.r * x.t);
        double scale = fmax(x.s, x.k);
        CHECK(fabs((c - p) - want) <= 4e-15 * scale, "BSM parity: %.17g vs %.17g (S %g K %g T %g"
              " v %g)", c - p, want, x.s, x.k, x.t, x.v);
        alvh_black76_price(ALVH_CALL, x.s, x.k, x.t, x.v, x.r, &c76);
        alvh_black76_price(ALVH_PUT, x.s, x.k, x.t, x.v, x.r, &p76);
        want = exp(-x.r * x.t) * (x.s - x.k);
        CHECK(fabs((c76 - p76) - want) <= 4e-15 * scale, "B76 parity: %.17g vs %.17g", c76 - p76,
              want);
    }
}

/* Central differences: each greek against the difference of the quantity it differentiates
 * (delta, vega, theta, rho: the price; gamma: delta; vanna: delta in vol; volga: vega), with
 * steps scaled to the option's own standard deviation. This checks that each closed form is
 * the derivative it claims to be (sign, units, convention); the golden data checks the digits.
 * Truncation ~ h^2 f'''/6 and rounding ~ u f / h bound the tolerance: 1e-5 relative plus a
 * small absolute floor. */
static alvh_greeks bsm_at(int kind, inputs x)
{
    alvh_greeks g;
    alvh_bsm_greeks(kind, x.s, x.k, x.t, x.v, x.r, x.q, &g);
    return g;
}

static void greeks_match_central_differences_on_random_inputs(void)
{
    for (int i = 0; i < 3000; ++i) {
        inputs x = random_inputs();
        if (x.t < 2.0 / 365.0)
            continue; /* theta's difference would cross T = 0 */
        int kind = (i & 1) ? ALVH_CALL : ALVH_PUT;
        alvh_greeks g = bsm_at(kind, x);
        double sd = x.v * sqrt(x.t);
        double hs = 1e-4 * x.s * fmin(sd, 0.2), hv = 1e-4 * x.v, ht = 1e-4 * x.t, hr = 1e-5;
        inputs a = x, b = x;
        a.s += hs;
        b.s -= hs;
        alvh_greeks ga = bsm_at(kind, a), gb = bsm_at(kind, b);
        double delta = (ga.price - gb.price) / (2 * hs);
        double gamma = (ga.delta - gb.delta) / (2 * hs);
        a = x;
        b = x;
        a.v += hv;
        b.v -= hv;
        ga = bsm_at(kind, a);
        gb = bsm_at(kind, b);
        double vega = (ga.price - gb.price) / (2 * hv) * 0.01;
        double vanna = (ga.delta - gb.delta) / (2 * hv) * 0.01;
        double volga = (ga.vega - gb.vega) / (2 * hv) * 0.01;
        a = x;
        b = x;
        a.t += ht;
        b.t -= ht;
        double theta = -(bsm_at(kind, a).price - bsm_at(kind, b).price) / (2 * ht) / 365.0;
        a = x;
        b = x;
        a.r += hr;
        b.r -= hr;
        double rho = (bsm_at(kind, a).price - bsm_at(kind, b).price) / (2 * hr) * 0.01;
        char what[200];
        snprintf(what, sizeof what, "kind %d S %g K %.6g T %.4g v %.4g r %.4g q %.4g", kind, x.s,
                 x.k, x.t, x.v, x.r, x.q);
        const double rel = 1e-5, price_floor = 1e-9 * fmax(x.s, x.k);
        CHECK_CLOSE(g.delta, delta, price_floor / hs, rel, what);
        CHECK_CLOSE(g.gamma, gamma, 1e-12 / hs, rel, what);
        CHECK_CLOSE(g.vega, vega, price_floor / hv * 0.01, rel, what);
        CHECK_CLOSE(g.vanna, vanna, 1e-12 / hv, rel, what);
        CHECK_CLOSE(g.volga, volga, 1e-12 * fmax(x.s, x.k) / hv, rel, what);
        CHECK_CLOSE(g.theta, theta, price_floor / ht / 365.0, rel, what);
        CHECK_CLOSE(g.rho, rho, price_floor / hr * 0.01, rel, what);
    }
}

int main(void)
{
    prices_and_greeks_match_mpmath_golden();
    huge_strikes_and_forwards_keep_relative_accuracy();
    random_options_over_the_whole_domain_match_mpmath();
    normal_distribution_matches_mpmath();
    normalised_black_matches_mpmath_across_its_regions();
    zero_years_and_zero_vol_give_discounted_intrinsic_and_a_step_delta();
    zero_strike_call_is_the_discounted_forward_and_zero_strike_put_is_an_error();
    huge_vols_give_the_price_limits_not_zero();
    bad_inputs_are_statuses_never_numbers();
    greek_names_parse_case_insensitively();
    one_greek_is_not_failed_by_another_overflowing();
    put_call_parity_holds_on_random_inputs();
    greeks_match_central_differences_on_random_inputs();
    return check_summary("test_black");
}
