/* test_impvol.c: implied volatility (BSM, Black-76) and the strike from a delta.
 *
 * Expected values:
 *   - tests/data/pricing_golden.csv (mpmath, 50+ digits): the implied vol of each golden price
 *     must be the vol that produced it, to 1e-12 relative wherever the price carries that
 *     information. The information limit is the condition number kappa = price / (vol dV/dvol):
 *     a price known to u = 2^-53 relative pins the vol to ~kappa u, so the tolerance is
 *     1e-13 + 8 kappa u (kappa < 100 for most of the grid: tighter than the required 1e-12);
 *   - tests/data/impvol_small_t.csv (mpmath, 50 digits; tests/gen_iv_guess_golden.py): the
 *     small-t guess that replaces LBR's branches for most options must be within 1e-5 of the
 *     s that produced each normalised price (one Householder step then reaches full
 *     precision; what the implied vol returns is checked by the round trips below);
 *   - invariants on seeded random inputs: price -> IV -> price, delta -> strike -> delta;
 *   - statuses derived by hand (intrinsic, maximum, zero time). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "alvh/alvh.h"
#include "check.h"
#include "golden.h"
#include "iv_guess.h"

#define U 0x1p-53
#define ALVH_TEST_INV_SQRT_2PI 0.398942280401432677939946059934381868

#define PRICING_GOLDEN_HEADER                                                                 \
    "model,type,underlying,strike,years,vol,rate,div_yield,price,delta,gamma,vega,theta,rho," \
    "vanna,volga"

static void implied_vol_recovers_the_golden_vol(void)
{
    golden_file gf;
    if (!golden_load(&gf, "pricing_golden.csv", PRICING_GOLDEN_HEADER))
        return;
    int rows = 0, strict = 0;
    double worst_strict = 0.0;
    for (size_t row = 0; row < gf.rows; ++row) {
        const char *model = golden_text(&gf, row, 0), *type = golden_text(&gf, row, 1);
        double x[14];
        golden_nums(&gf, row, 2, 14, x);
        double u = x[0], k = x[1], t = x[2], v = x[3], r = x[4], q = x[5];
        const double *g = x + 6;
        char line[96];
        snprintf(line, sizeof line, "%s", golden_where(&gf, row));
        int kind = type[0] == 'C' ? ALVH_CALL : ALVH_PUT;
        double price = g[0], vega1 = g[3] * 100.0; /* dV/dvol */
        if (!(price > 1e-300) || !(vega1 > 0.0))
            continue; /* no time value left in a double: NO_TIME_VALUE, checked below */
        double kappa = price / (vega1 * v);
        double iv = -1.0;
        alvh_status st = strcmp(model, "BSM") == 0
                             ? alvh_bsm_implied_vol(kind, price, u, k, t, r, q, &iv)
                             : alvh_black76_implied_vol(kind, price, u, k, t, r, &iv);
        if (kappa > 1e10) {
            /* The price is all intrinsic (or all maximum) to double precision: a vol, or the
             * status saying the price is at a bound. */
            CHECK(st == ALVH_OK || st == ALVH_E_NO_TIME_VALUE || st == ALVH_E_BELOW_INTRINSIC ||
                      st == ALVH_E_ABOVE_MAXIMUM,
                  "intrinsic-only price: status %s, %s", alvh_status_name(st), line);
            continue;
        }
        ++rows;
        CHECK_STATUS(st, ALVH_OK, line);
        double tol = 1e-13 + 8.0 * kappa * U;
        char what[1100];
        snprintf(what, sizeof what, "IV (kappa %.3g) of %s", kappa, line);
        CHECK_CLOSE(iv, v, 0.0, tol, what);
        if (kappa < 100.0) {
            ++strict;
            double rel = fabs(iv - v) / v;
            if (rel > worst_strict)
                worst_strict = rel;
        }
    }
    golden_free(&gf);
    CHECK(rows > 2000, "golden IV rows: %d", rows);
    printf("golden IV: %d rows, %d with kappa < 100: worst relative vol error %.2g\n", rows,
           strict, worst_strict);
}

static uint64_t rng_state = 0x2545F4914F6CDD1Du;
static double uniform(void) /* xorshift64*, fixed seed */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (double)((rng_state * 2685821657736338717u) >> 11) * 0x1p-53;
}

static void price_to_iv_to_price_round_trips_on_random_inputs(void)
{
    double worst_vol = 0.0;
    int n = 0;
    for (int i = 0; i < 50000; ++i) {
        double s = 100.0;
        double t = exp(log(1.0 / 8760.0) + uniform() * log(5.0 * 8760.0));
        double v = exp(log(0.01) + uniform() * log(500.0));
        double sd = v * sqrt(t);
        double k = s * exp((uniform() * 16.0 - 8.0) * sd); /* +-8 sd */
        double r = uniform() * 0.1 - 0.02, q = uniform() * 0.05;
        int kind = (i & 1) ? ALVH_CALL : ALVH_PUT;
        alvh_greeks g;
        alvh_bsm_greeks(kind, s, k, t, v, r, q, &g);
        if (!(g.price > 1e-280))
            continue;
        double iv = -1.0, p2 = -1.0;
        alvh_status st = alvh_bsm_implied_vol(kind, g.price, s, k, t, r, q, &iv);
        double kappa = g.price / (g.vega * 100.0 * v);
        if (st == ALVH_E_NO_TIME_VALUE && kappa > 1e10)
            continue; /* all intrinsic to double precision */
        double maximum = kind == ALVH_CALL ? s * exp(-q * t) : k * exp(-r * t);
        if (st == ALVH_E_ABOVE_MAXIMUM && g.price >= maximum)
            continue; /* a huge vol's price rounded to the bound itself */
        CHECK_STATUS(st, ALVH_OK, "random IV");
        if (st != ALVH_OK)
            continue;
        ++n;
        alvh_bsm_price(kind, s, k, t, iv, r, q, &p2);
        char what[200];
        snprintf(what, sizeof what, "kind %d K %.17g T %.17g v %.17g r %.17g q %.17g kappa %.3g",
                 kind, k, t, v, r, q, kappa);
        /* The price comes back to its own rounding, amplified by d ln V / d ln vol = 1/kappa
         * (the vol itself is only known to ~u). */
        CHECK_CLOSE(p2, g.price, 0.0, 1e-14 + 32.0 * U / kappa, what);
        CHECK_CLOSE(iv, v, 0.0, 1e-13 + 8.0 * kappa * U, what);
        if (kappa < 100.0 && fabs(iv - v) / v > worst_vol)
            worst_vol = fabs(iv - v) / v;
    }
    CHECK(n > 40000, "random IV cases: %d", n);
    printf("random IV: %d cases, worst relative vol error (kappa < 100) %.2g\n", n, worst_vol);
}

/* The whole domain, not just the market's: |ln(K/F)| from 1e-10 to 1000 (strikes up to e^1000
 * times the forward, or as far below), vol 0.1% to 2000%, 1e-4 to 10 years, calls and puts,
 * Black-76 on F = 1 and BSM on spot 1e250 or 1e-250. Every vol whose price is a nonzero double
 * must come back to the precision the price carries: kappa u_p with u_p = max(u, 2^-1074/price),
 * the relative spacing of the price itself (a subnormal price pins its vol less tightly).
 * This found the pricer's loss of accuracy on huge strikes, where b = price/sqrt(FK) was formed
 * as a subnormal. */
static void implied_vol_round_trips_over_the_whole_domain(void)
{
    int n = 0;
    double worst = 0.0;
    for (int i = 0; i < 300000; ++i) {
        int kind = (i & 1) ? ALVH_CALL : ALVH_PUT;
        int bsm = (i & 2) != 0;
        double ax = uniform() < 0.05 ? 0.0 : exp(log(1e-10) + uniform() * log(1e13));
        double u = bsm ? ((i & 4) ? 1e250 : 1e-250) : 1.0;
        double k = u * exp(uniform() < 0.5 ? ax : -ax);
        double v = exp(log(1e-3) + uniform() * log(2e4));
        double t = exp(log(1e-4) + uniform() * log(1e5));
        double r = bsm ? 0.03 : 0.0, q = bsm ? 0.01 : 0.0;
        alvh_greeks g;
        alvh_status st = bsm ? alvh_bsm_greeks(kind, u, k, t, v, r, q, &g)
                             : alvh_black76_greeks(kind, u, k, t, v, r, &g);
        if (st != ALVH_OK || !(g.price > 0.0) || !(g.vega > 0.0))
            continue; /* no price to invert (K = 0 after rounding, or the price underflows) */
        double kappa = g.price / (g.vega * 100.0 * v);
        if (!(kappa < 1e10))
            continue; /* all intrinsic (or all maximum) to double precision */
        double iv = -1.0;
        st = bsm ? alvh_bsm_implied_vol(kind, g.price, u, k, t, r, q, &iv)
                 : alvh_black76_implied_vol(kind, g.price, u, k, t, r, &iv);
        char what[200];
        snprintf(what, sizeof what, "%s kind %d u %g K %.17g T %.17g v %.17g price %.17g",
                 bsm ? "BSM" : "B76", kind, u, k, t, v, g.price);
        CHECK_STATUS(st, ALVH_OK, what);
        if (st != ALVH_OK)
            continue;
        ++n;
        double u_p = fmax(U, 0x1p-1074 / g.price);
        CHECK_CLOSE(iv, v, 0.0, 1e-13 + 8.0 * kappa * u_p, what);
        if (kappa < 100.0 && g.price > 0x1p-1000 && fabs(iv - v) / v > worst)
            worst = fabs(iv - v) / v;
    }
    CHECK(n > 150000, "whole-domain IV cases: %d", n);
    printf("whole-domain IV: %d cases, worst relative vol error (kappa < 100, normal prices) "
           "%.2g\n", n, worst);
}

static void black76_implied_vol_round_trips(void)
{
    for (int i = 0; i < 20000; ++i) {
        double f = 5.0 + uniform() * 60.0;
        double t = exp(log(1.0 / 8760.0) + uniform() * log(5.0 * 8760.0));
        double v = exp(log(0.01) + uniform() * log(500.0));
        double sd = v * sqrt(t);
        double k = f * exp((uniform() * 12.0 - 6.0) * sd);
        double r = uniform() * 0.06;
        int kind = (i & 1) ? ALVH_CALL : ALVH_PUT;
        alvh_greeks g;
        alvh_black76_greeks(kind, f, k, t, v, r, &g);
        double kappa = g.price / (g.vega * 100.0 * v), iv = -1.0;
        alvh_status st = alvh_black76_implied_vol(kind, g.price, f, k, t, r, &iv);
        if (kappa > 1e10)
            continue;
        CHECK_STATUS(st, ALVH_OK, "B76 random IV");
        char what[200];
        snprintf(what, sizeof what, "B76 kind %d F %.17g K %.17g T %.17g v %.17g kappa %.3g",
                 kind, f, k, t, v, kappa);
        CHECK_CLOSE(iv, v, 0.0, 1e-13 + 8.0 * kappa * U, what);
    }
}

static void implied_vol_statuses_say_why_no_vol_fits(void)
{
    double iv = 123.0;
    double df = exp(-0.05);
    /* call on F = 100 e^{0.05} (BSM S=100, r=5%, q=0, T=1): intrinsic DF(F-K) = 100 - 90 DF */
    double intrinsic = 100.0 - 90.0 * df;
    CHECK_STATUS(alvh_bsm_implied_vol(1, intrinsic * (1 - 1e-9), 100, 90, 1, 0.05, 0, &iv),
                 ALVH_E_BELOW_INTRINSIC, "below intrinsic");
    CHECK_STATUS(alvh_bsm_implied_vol(1, 100.0, 100, 90, 1, 0.05, 0, &iv), ALVH_E_ABOVE_MAXIMUM,
                 "call at the spot (its maximum)");
    CHECK_STATUS(alvh_bsm_implied_vol(1, 150.0, 100, 90, 1, 0.05, 0, &iv), ALVH_E_ABOVE_MAXIMUM,
                 "call above the spot");
    CHECK_STATUS(alvh_bsm_implied_vol(-1, 90.0 * df, 100, 90, 1, 0.05, 0, &iv),
                 ALVH_E_ABOVE_MAXIMUM, "put at the discounted strike");
    CHECK_STATUS(alvh_bsm_implied_vol(-1, 0.0, 100, 90, 1, 0.05, 0, &iv), ALVH_E_NO_TIME_VALUE,
                 "OTM put worth 0");
    CHECK_STATUS(alvh_black76_implied_vol(1, 5.0, 20, 15, 0, 0.0, &iv), ALVH_E_NO_TIME_VALUE,
                 "zero years: no vol");
    CHECK_STATUS(alvh_black76_implied_vol(1, 4.0, 20, 15, 0, 0.0, &iv), ALVH_E_BELOW_INTRINSIC,
                 "zero years below intrinsic");
    CHECK_STATUS(alvh_black76_implied_vol(1, 5.0, 20, 15, 1, 0.0, &iv), ALVH_E_NO_TIME_VALUE,
                 "price equal to intrinsic");
    CHECK_STATUS(alvh_bsm_implied_vol(1, -1.0, 100, 90, 1, 0, 0, &iv), ALVH_E_PRICE, "negative");
    const double nan = (double)NAN, inf = (double)INFINITY;
    CHECK_STATUS(alvh_bsm_implied_vol(1, nan, 100, 90, 1, 0, 0, &iv), ALVH_E_PRICE, "NaN price");
    CHECK_STATUS(alvh_bsm_implied_vol(1, inf, 100, 90, 1, 0, 0, &iv), ALVH_E_PRICE, "inf");
    CHECK_STATUS(alvh_bsm_implied_vol(1, 5.0, nan, 90, 1, 0, 0, &iv), ALVH_E_SPOT, "NaN spot");
    CHECK_STATUS(alvh_bsm_implied_vol(1, 5.0, 100, nan, 1, 0, 0, &iv), ALVH_E_STRIKE, "NaN K");
    CHECK_STATUS(alvh_bsm_implied_vol(1, 5.0, 100, 90, nan, 0, 0, &iv), ALVH_E_YEARS, "NaN T");
    CHECK_STATUS(alvh_bsm_implied_vol(1, 5.0, 100, 90, 1, nan, 0, &iv), ALVH_E_RATE, "NaN r");
    CHECK_STATUS(alvh_bsm_implied_vol(1, 5.0, 100, 90, 1, 0, nan, &iv), ALVH_E_DIV_YIELD, "NaN q");
    CHECK_STATUS(alvh_bsm_implied_vol(-1, 5.0, 100, 0, 1, 0, 0, &iv), ALVH_E_STRIKE, "put K=0");
    CHECK_STATUS(alvh_black76_implied_vol(2, 5.0, 100, 90, 1, 0, &iv), ALVH_E_OPTION_TYPE, "kind");
    CHECK(iv == 123.0, "no vol written on error");
}

static void at_the_money_forward_implied_vol_is_exact(void)
{
    /* F = K exactly (x = 0): the branch point s_c = sqrt(2|x|) is 0 and its slope the limit
     * 1/sqrt(2 pi); from 1 hour at 1% to 5 years at 500%. */
    const double years[] = {1.0 / 8760.0, 0.25, 5.0};
    const double vols[] = {0.01, 0.2, 5.0};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int kind = -1; kind <= 1; kind += 2) {
                double iv = -1.0;
                alvh_greeks g;
                alvh_black76_greeks(kind, 100.0, 100.0, years[i], vols[j], 0.03, &g);
                double kappa = g.price / (g.vega * 100.0 * vols[j]); /* 1e6 at 500%, 5 years */
                CHECK_STATUS(alvh_black76_implied_vol(kind, g.price, 100.0, 100.0, years[i], 0.03,
                                                      &iv),
                             ALVH_OK, "ATM IV");
                CHECK_CLOSE(iv, vols[j], 0.0, 1e-14 + 8.0 * kappa * U, "ATM forward IV");
            }
}

static void deep_out_of_the_money_prices_keep_their_vol(void)
{
    /* A 1e-30 price: QuantLib's solver returns 0 below ~1e-28; the vol is well defined
     * (kappa ~ 1/(d1^2) small). Our price of the found vol must reproduce it. */
    const double prices[] = {1e-10, 1e-30, 1e-100, 1e-250};
    for (int i = 0; i < 4; ++i) {
        double iv = -1.0, p2 = -1.0;
        CHECK_STATUS(alvh_bsm_implied_vol(1, prices[i], 100, 150, 0.25, 0.03, 0.01, &iv),
                     ALVH_OK, "deep OTM IV");
        alvh_bsm_price(1, 100, 150, 0.25, iv, 0.03, 0.01, &p2);
        /* d ln V / d ln vol ~ h^2 ~ 1100 at 1e-250: the vol's last bit moves the price by
         * ~1e-13 relative */
        CHECK_CLOSE(p2, prices[i], 0.0, 1e-12, "deep OTM price round trip");
    }
}

static void subnormal_prices_still_have_a_vol(void)
{
    /* A 6.245e-321 call (found by the Calc tests' random search; it used to give
     * NO_CONVERGENCE): beta = price / sqrt(F K) underflows, the lowest branch works with ln b.
     * The vol, by mpmath (60 digits; findroot on ln BS(vol) = ln 6.245e-321 from 0.29):
     * 0.29288416468896159. A subnormal price carries ~10 bits, d ln V / d ln vol ~ h^2 ~ 1500:
     * the vol is determined to ~1e-6. */
    double iv = -1.0;
    CHECK_STATUS(alvh_bsm_implied_vol(1, 6.245e-321, 320.65150447688825, 1247.2230559348607,
                                      0.014671841443439752, 0.05, 0.0, &iv),
                 ALVH_OK, "subnormal price IV");
    CHECK_CLOSE(iv, 0.29288416468896159, 0.0, 1e-6, "subnormal price IV");
    CHECK_STATUS(alvh_bsm_implied_vol(1, 4.9406564584124654e-324, 320.65150447688825,
                                      1247.2230559348607, 0.014671841443439752, 0.05, 0.0, &iv),
                 ALVH_OK, "smallest subnormal price IV");
    CHECK(iv > 0.28 && iv < 0.2928, "the smallest price has a slightly smaller vol: %.17g", iv);
}

static void strike_from_delta_round_trips(void)
{
    double worst = 0.0;
    for (int i = 0; i < 20000; ++i) {
        double s = 5000.0;
        double t = exp(log(1.0 / 365.0) + uniform() * log(5.0 * 365.0));
        double v = 0.05 + uniform() * 1.0;
        double r = uniform() * 0.06, q = uniform() * 0.03;
        double dq = exp(-q * t);
        double mag = (0.01 + 0.98 * uniform()) * dq;
        int kind = (i & 1) ? ALVH_CALL : ALVH_PUT;
        double delta = kind * mag, k = -1.0, k2 = -1.0;
        CHECK_STATUS(alvh_bsm_strike_from_delta(kind, delta, s, t, v, r, q, &k), ALVH_OK, "strike");
        alvh_greeks g;
        alvh_bsm_greeks(kind, s, k, t, v, r, q, &g);
        char what[160];
        snprintf(what, sizeof what, "kind %d delta %.17g T %.6g v %.6g -> K %.17g", kind, delta, t,
                 v, k);
        CHECK_CLOSE(g.delta, delta, 1e-12, 0.0, what);
        if (fabs(g.delta - delta) > worst)
            worst = fabs(g.delta - delta);
        if (kind == ALVH_PUT) {
            CHECK_STATUS(alvh_bsm_strike_from_delta(kind, mag, s, t, v, r, q, &k2), ALVH_OK,
                         "put magnitude");
            CHECK(k2 == k, "a put's delta signed or as magnitude gives one strike");
        }
    }
    printf("strike round trip: worst |delta error| %.2g\n", worst);
    /* Hand check: r = q = 0, T = 1, vol = 0.2, call delta 0.5 -> d1 = 0 -> K = S e^{0.02} */
    double k;
    alvh_bsm_strike_from_delta(1, 0.5, 100, 1, 0.2, 0, 0, &k);
    CHECK_CLOSE(k, 100 * exp(0.02), 0, 1e-15, "ATM-delta strike is S e^{vol^2 T/2}");
}

/* The whole domain: spot 1e-3 to 1e6, 0.0001 to 10 years, vol 0.1% to 2000%, deltas from
 * 1e-12 to within 1e-12 of their bound e^{-qT}. The strike is a double, so the delta at it can
 * only be as exact as K's rounding allows: d delta / d ln K = e^{-qT} phi(d1) / s, so the round
 * trip is held to 1e-12 + 4 phi(d1) u / s (below 1e-12 wherever s = vol sqrt(T) > 2e-4, e.g. a
 * 1-hour option at 2% vol). Statuses other than OK (a strike beyond the doubles, a delta whose
 * ratio to e^{-qT} rounds to 0 or 1) are allowed; their count is bounded. */
static void strike_from_delta_round_trips_over_the_whole_domain(void)
{
    int ok = 0, other = 0;
    double worst = 0.0;
    for (int i = 0; i < 200000; ++i) {
        int kind = (i & 1) ? ALVH_CALL : ALVH_PUT;
        double s = pow(10.0, -3.0 + 9.0 * uniform()), t = pow(10.0, -4.0 + 5.0 * uniform());
        double v = pow(10.0, -3.0 + 4.3 * uniform());
        double r = -0.02 + 0.12 * uniform(), q = 0.05 * uniform();
        double dq = exp(-q * t), e = pow(10.0, -12.0 * uniform());
        double delta = kind * dq * (uniform() < 0.5 ? e : 1.0 - e), k = -1.0;
        alvh_status st = alvh_bsm_strike_from_delta(kind, delta, s, t, v, r, q, &k);
        if (st != ALVH_OK) {
            ++other;
            continue;
        }
        alvh_greeks g;
        st = alvh_bsm_greeks(kind, s, k, t, v, r, q, &g);
        CHECK_STATUS(st, ALVH_OK, "greeks at the returned strike");
        if (st != ALVH_OK)
            continue;
        ++ok;
        double sd = v * sqrt(t), d1 = (log(s / k) + (r - q) * t) / sd + 0.5 * sd;
        double tol = 1e-12 + 4.0 * ALVH_TEST_INV_SQRT_2PI * exp(-0.5 * d1 * d1) * U / sd;
        char what[200];
        snprintf(what, sizeof what, "kind %d S %.17g T %.17g v %.17g delta %.17g -> K %.17g", kind,
                 s, t, v, delta, k);
        CHECK_CLOSE(g.delta, delta, tol, 0.0, what);
        if (fabs(g.delta - delta) / tol > worst)
            worst = fabs(g.delta - delta) / tol;
    }
    CHECK(ok > 190000 && other < 2000, "whole-domain strikes: %d found, %d statuses", ok, other);
    printf("whole-domain strike round trip: %d cases, worst error / tolerance %.2g\n", ok, worst);
}

static void strike_from_delta_rejects_unattainable_deltas(void)
{
    double k = 7.0;
    CHECK_STATUS(alvh_bsm_strike_from_delta(1, 0.0, 100, 1, 0.2, 0, 0, &k), ALVH_E_DELTA, "0");
    CHECK_STATUS(alvh_bsm_strike_from_delta(1, 1.0, 100, 1, 0.2, 0, 0, &k), ALVH_E_DELTA, "1");
    CHECK_STATUS(alvh_bsm_strike_from_delta(1, -0.3, 100, 1, 0.2, 0, 0, &k), ALVH_E_DELTA,
                 "negative call delta");
    CHECK_STATUS(alvh_bsm_strike_from_delta(-1, -0.995, 100, 1, 0.2, 0, 0.01, &k), ALVH_E_DELTA,
                 "put delta beyond e^{-qT}");
    CHECK_STATUS(alvh_bsm_strike_from_delta(1, (double)NAN, 100, 1, 0.2, 0, 0, &k), ALVH_E_DELTA,
                 "NaN");
    CHECK_STATUS(alvh_bsm_strike_from_delta(1, 0.2, 100, 0, 0.2, 0, 0, &k), ALVH_E_YEARS, "T 0");
    CHECK_STATUS(alvh_bsm_strike_from_delta(1, 0.2, 100, 1, 0, 0, 0, &k), ALVH_E_VOL, "vol 0");
    CHECK_STATUS(alvh_bsm_strike_from_delta(1, 0.2, -5, 1, 0.2, 0, 0, &k), ALVH_E_SPOT, "spot");
    CHECK(k == 7.0, "no strike written on error");
}

/* The guess is within 3e-6 by construction (impvol.c: table interpolation 4e-8, truncation of
 * the expansion in w below 0.002 w^5); 1e-5 leaves room and still makes one step enough. Every
 * row is inside the guess's domain (|h| in [1.2e-3, 7.8], w < 0.24), so 0 is a failure too. */
static void small_t_guess_is_within_1e_5_of_mpmath(void)
{
    golden_file g;
    if (!golden_load(&g, "impvol_small_t.csv", "x,s,beta"))
        return;
    double worst = 0.0;
    for (size_t i = 0; i < g.rows; ++i) {
        double x = golden_num(&g, i, 0), s = golden_num(&g, i, 1), beta = golden_num(&g, i, 2);
        double guess = alvh_iv_small_t_guess(x, beta);
        double err = fabs(guess / s - 1.0);
        worst = fmax(worst, err);
        CHECK(guess > 0.0 && err <= 1e-5, "%s: x %a s %a: guess %a, relative error %.2g",
              golden_where(&g, i), x, s, guess, err);
    }
    printf("small-t guess: %zu rows, worst relative error %.2g\n", g.rows, worst);
    golden_free(&g);
}

/* The small-t path accepts its vol after one Householder step when the step is below 1e-5
 * relative, on the strength of the step's fourth-order convergence from a guess within ~3e-6.
 * Checked here against LBR's own path (its branches and two or more steps) on the same
 * normalised prices: across the guess's domain and beyond its edges (|h| from 2e-4 to 12,
 * t from 1e-7 to 0.8), both give the same status and the same s to 1e-13 relative. (The
 * guess's own accuracy is checked against mpmath above; this checks what is done with it.) */
static void small_t_path_agrees_with_lbr_s_path(void)
{
    double worst = 0.0;
    int compared = 0;
    for (int i = 0; i < 200000; ++i) {
        double u = exp(log(2e-4) + uniform() * log(12.0 / 2e-4));
        double t = exp(log(1e-7) + uniform() * log(0.8 / 1e-7));
        double s = 2.0 * t, x = -u * s, price = 0.0;
        /* a normalised price near b(x, s): the Black-76 call at F = 1, K = e^{-x} (rounded),
         * times e^{x/2} (price = sqrt(F K) b); both paths invert the same beta */
        if (alvh_black76_price(ALVH_CALL, 1.0, exp(-x), 1.0, s, 0.0, &price) != ALVH_OK)
            continue;
        double beta = price * exp(0.5 * x);
        double s1 = 0.0, s2 = 0.0;
        alvh_status a = alvh_iv_solve_normalised(x, beta, 1, &s1);
        alvh_status b = alvh_iv_solve_normalised(x, beta, 0, &s2);
        CHECK(a == b, "x %a beta %a: status %d with the small-t guess, %d without", x, beta, a, b);
        if (a != ALVH_OK || b != ALVH_OK)
            continue;
        double d = fabs(s1 - s2) / s2;
        worst = fmax(worst, d);
        ++compared;
        CHECK(d <= 1e-13, "x %a beta %a: s %.17g with the small-t guess, %.17g without", x, beta,
              s1, s2);
    }
    CHECK(compared > 150000, "only %d of 200000 normalised prices compared", compared);
    printf("small-t path against LBR's: %d prices, worst relative difference %.2g\n", compared,
           worst);
}

int main(void)
{
    small_t_guess_is_within_1e_5_of_mpmath();
    small_t_path_agrees_with_lbr_s_path();
    implied_vol_recovers_the_golden_vol();
    price_to_iv_to_price_round_trips_on_random_inputs();
    implied_vol_round_trips_over_the_whole_domain();
    black76_implied_vol_round_trips();
    implied_vol_statuses_say_why_no_vol_fits();
    at_the_money_forward_implied_vol_is_exact();
    deep_out_of_the_money_prices_keep_their_vol();
    subnormal_prices_still_have_a_vol();
    strike_from_delta_round_trips();
    strike_from_delta_round_trips_over_the_whole_domain();
    strike_from_delta_rejects_unattainable_deltas();
    return check_summary("test_impvol");
}
