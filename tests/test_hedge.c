/* test_hedge.c: the ALVH hedge engine: layer vega, condor VIX vega, coverage, sizing,
 * calibration, schedule, cost, hedged break-evens, and the table rows.
 *
 * Expected values: Black-76 deltas and the full schedule from mpmath (tests/gen_hedge_golden.py
 * -> tests/data/hedge_black76.csv, hedge_schedule.csv), and hand derivations written out next
 * to each case below; invariants: coverage is linear in contracts, the "debit" cost is never
 * below the "carry" cost, a calibrated hedge is inside the band. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "alvh/hedge.h"
#include "alvh/policy.h"
#include "alvh/vixcurve.h"
#include "check.h"
#include "golden.h"

/* ---- layer vega ------------------------------------------------------------------------------- */

static void black76_row(const double *v)
{
    /* 4 contracts x 100 x delta x beta 0.4, with the mpmath delta. */
    double vega = 0, delta = 0;
    CHECK_STATUS(alvh_layer_vega(4, v[0], v[1], v[2], v[3], v[4], 0.4, 100, &vega, &delta),
                 ALVH_OK, "layer vega");
    CHECK_CLOSE(delta, v[6], 1e-12, 1e-10, "Black-76 delta vs mpmath");
    CHECK_CLOSE(vega, 4 * 100 * v[6] * 0.4, 1e-9, 1e-10, "layer vega = 4 x 100 x delta x 0.4");
}

static void layer_vega_is_contracts_x_100_x_delta_x_beta(void)
{
    CHECK(golden_each("hedge_black76.csv", "forward,strike,years,vol,rate,price,delta", 7,
                      black76_row) >= 6,
          "black76 rows");
}

static void coverage_is_linear_in_contracts(void)
{
    double v1, v3, v10, c1, c3, c10;
    alvh_layer_vega(1, 17.5, 19, 0.08, 0.9, 0, 0.4, 100, &v1, NULL);
    alvh_layer_vega(3, 17.5, 19, 0.08, 0.9, 0, 0.4, 100, &v3, NULL);
    alvh_layer_vega(10, 17.5, 19, 0.08, 0.9, 0, 0.4, 100, &v10, NULL);
    CHECK_CLOSE(v3, 3 * v1, 0, 1e-15, "3 contracts = 3 x 1");
    CHECK_CLOSE(v10, 10 * v1, 0, 1e-15, "10 contracts = 10 x 1");
    alvh_coverage(v1, -1400, &c1);
    alvh_coverage(v3, -1400, &c3);
    alvh_coverage(v10, 1400, &c10);
    CHECK_CLOSE(c3, 3 * c1, 0, 1e-15, "coverage 3x");
    CHECK_CLOSE(c10, 10 * c1, 0, 1e-15, "coverage 10x (the condor vega's sign is ignored)");
    double zero;
    CHECK_STATUS(alvh_layer_vega(0, 17.5, 19, 0.08, 0.9, 0, 0.4, 100, &zero, NULL), ALVH_OK, "0");
    CHECK(zero == 0, "no contracts, no vega");
}

static void layer_vega_rejects_bad_inputs(void)
{
    double v;
    CHECK_STATUS(alvh_layer_vega(-1, 17.5, 19, 0.08, 0.9, 0, 0.4, 100, &v, NULL), ALVH_E_ARGUMENT,
                 "negative contracts");
    CHECK_STATUS(alvh_layer_vega(4, 0, 19, 0.08, 0.9, 0, 0.4, 100, &v, NULL), ALVH_E_FORWARD,
                 "zero future");
    CHECK_STATUS(alvh_layer_vega(4, 17.5, 19, 0.08, -0.9, 0, 0.4, 100, &v, NULL), ALVH_E_VOL,
                 "negative vol of vol");
    CHECK_STATUS(alvh_layer_vega(4, 17.5, 19, 0.08, 0.9, 0, -0.4, 100, &v, NULL), ALVH_E_BETA,
                 "negative beta");
    CHECK_STATUS(alvh_layer_vega(4, 17.5, 19, 0.08, 0.9, 0, 0.4, 0, &v, NULL), ALVH_E_MULTIPLIER,
                 "zero multiplier");
    CHECK_STATUS(alvh_layer_vega(4, 17.5, 19, -0.08, 0.9, 0, 0.4, 100, &v, NULL), ALVH_E_YEARS,
                 "negative years");
}

/* ---- condor VIX vega and coverage ------------------------------------------------------------- */

static void condor_vix_vega_hand_examples(void)
{
    const double legs[4] = {3.1, -5.2, -4.6, 2.4};
    double d;
    /* Parallel: (3.1 - 5.2 - 4.6 + 2.4) = -4.3 points per vol point x 100 = -430 dollars. */
    CHECK_STATUS(alvh_condor_vix_vega(legs, 4, 1, 1, NULL, 0, 100, &d), ALVH_OK, "parallel");
    CHECK_CLOSE(d, -430, 1e-9, 0, "parallel condor VIX vega");
    /* vol_beta 0.8, 10 condors: -4.3 x 0.8 x 10 x 100 = -3440. */
    alvh_condor_vix_vega(legs, 4, 10, 0.8, NULL, 0, 100, &d);
    CHECK_CLOSE(d, -3440, 1e-9, 0, "vol beta and contracts");
    /* Skew ("sticky ratio"): leg vols 26/22/13/12%, VIX 18: weights vol x 100 / 18, so
     * sum = (3.1 x 26 - 5.2 x 22 - 4.6 x 13 + 2.4 x 12) / 18 = (80.6 - 114.4 - 59.8 + 28.8) / 18
     *     = -64.8 / 18 = -3.6; x 2 condors x 100 = -720. */
    const double vols[4] = {0.26, 0.22, 0.13, 0.12};
    CHECK_STATUS(alvh_condor_vix_vega(legs, 4, 2, 1, vols, 18, 100, &d), ALVH_OK, "skew");
    CHECK_CLOSE(d, -720, 1e-9, 0, "skewed condor VIX vega");
    CHECK_STATUS(alvh_condor_vix_vega(legs, 4, 0, 1, NULL, 0, 100, &d), ALVH_E_ARGUMENT,
                 "zero contracts");
    CHECK_STATUS(alvh_condor_vix_vega(legs, 4, 1, 1, vols, 0, 100, &d), ALVH_E_SPOT,
                 "skew without spot");
    const double bad[2] = {1, (double)NAN};
    CHECK_STATUS(alvh_condor_vix_vega(bad, 2, 1, 1, NULL, 0, 100, &d), ALVH_E_VEGA, "NaN vega");
}

static void coverage_hand_examples(void)
{
    double c;
    CHECK_STATUS(alvh_coverage(700, -1400, &c), ALVH_OK, "coverage");
    CHECK(c == 0.5, "700 / 1400 = 0.5, got %.17g", c);
    CHECK_STATUS(alvh_coverage(700, 0, &c), ALVH_E_VEGA, "zero condor vega");
    CHECK_STATUS(alvh_coverage(-1, -1400, &c), ALVH_E_VEGA, "negative hedge vega");
}

/* ---- sizing ----------------------------------------------------------------------------------- */

static void size_by_rule_hand_examples(void)
{
    alvh_policy p;
    alvh_policy_default(&p);
    double c[3];
    struct {
        double notional;
        alvh_rounding r;
        double want[3];
    } cases[] = {
        /* 250000 / 100000 = 2.5 units: 2.5 x 4 = 10, 2.5 x 2 = 5 (the issue's examples). */
        {250000, ALVH_ROUND_NEAREST, {10, 10, 5}},
        /* 125000: 1.25 x 4 = 5, 1.25 x 2 = 2.5 -> nearest 3 (half away from zero), down 2, up 3 */
        {125000, ALVH_ROUND_NEAREST, {5, 5, 3}},
        {125000, ALVH_ROUND_DOWN, {5, 5, 2}},
        {125000, ALVH_ROUND_UP, {5, 5, 3}},
        /* 60000: 2.4 and 1.2 -> nearest 2, 1; down 2, 1; up 3, 2 */
        {60000, ALVH_ROUND_NEAREST, {2, 2, 1}},
        {60000, ALVH_ROUND_UP, {3, 3, 2}},
        /* 10000: 0.4 and 0.2 -> no contracts by nearest: the rule says nothing at this size */
        {10000, ALVH_ROUND_NEAREST, {0, 0, 0}},
        {1e6, ALVH_ROUND_DOWN, {40, 40, 20}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        p.rounding = cases[i].r;
        CHECK_STATUS(alvh_hedge_size(cases[i].notional, &p, c), ALVH_OK, "size");
        for (int k = 0; k < 3; ++k)
            CHECK(c[k] == cases[i].want[k], "notional %g rounding %d layer %d: got %g want %g",
                  cases[i].notional, (int)cases[i].r, k + 1, c[k], cases[i].want[k]);
    }
    /* Binary noise never costs a contract: 0.7 / 0.1 is 6.999999999999999 in doubles. */
    p.notional_unit = 0.1;
    p.rounding = ALVH_ROUND_DOWN;
    p.layers[0].contracts = 1;
    alvh_hedge_size(0.7, &p, c);
    CHECK(c[0] == 7, "0.7 / 0.1 x 1 rounded down is 7, got %.17g", c[0]);
    CHECK_STATUS(alvh_hedge_size(0, &p, c), ALVH_E_NOTIONAL, "zero notional");
    CHECK_STATUS(alvh_hedge_size(-5, &p, c), ALVH_E_NOTIONAL, "negative notional");
    CHECK_STATUS(alvh_hedge_size(HUGE_VAL, &p, c), ALVH_E_NOTIONAL, "infinite notional");
}

static void notional_by_basis_hand_examples(void)
{
    const double k[4] = {5650, 5700, 6300, 6350};
    alvh_policy p;
    alvh_policy_default(&p);
    double n;
    /* short strike: (5700 + 6300) / 2 x 100 x 1 = 600000 */
    CHECK_STATUS(alvh_hedge_notional(k, 12.5, 1, &p, &n), ALVH_OK, "short strike");
    CHECK(n == 600000, "short strike notional, got %.17g", n);
    /* max loss: (50 - 12.5) x 100 x 3 = 11250 */
    p.notional_basis = ALVH_NOTIONAL_MAX_LOSS;
    alvh_hedge_notional(k, 12.5, 3, &p, &n);
    CHECK(n == 11250, "max loss notional, got %.17g", n);
    /* margin: 50 x 100 x 3 = 15000 */
    p.notional_basis = ALVH_NOTIONAL_MARGIN;
    alvh_hedge_notional(k, 12.5, 3, &p, &n);
    CHECK(n == 15000, "margin notional, got %.17g", n);
    const double bad[4] = {5700, 5650, 6300, 6350};
    CHECK_STATUS(alvh_hedge_notional(bad, 12.5, 1, &p, &n), ALVH_E_STRIKES, "crossed strikes");
    CHECK_STATUS(alvh_hedge_notional(k, 50, 1, &p, &n), ALVH_E_PRICE, "credit = wing");
}

/* ---- calibration ------------------------------------------------------------------------------ */

static void calibration_hand_examples(void)
{
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_calibration c;
    const double u[3] = {18, 11, 7};
    /* base 2/2/1 (4/4/2 over gcd 2); one base covers (36 + 22 + 7) / 1500 = 65/1500 = 0.04333;
     * target 0.5: m* = 11.54 -> m 11 covers 0.4767 (0.0233 off), m 12 covers 0.52 (0.02 off):
     * m = 12, 24/24/12, 0.52. */
    CHECK_STATUS(alvh_hedge_calibrate(-1500, u, 0.5, &p, &c), ALVH_OK, "calibrate");
    CHECK(c.base[0] == 2 && c.base[1] == 2 && c.base[2] == 1, "base 2/2/1");
    CHECK(c.contracts[0] == 24 && c.contracts[1] == 24 && c.contracts[2] == 12, "24/24/12, got "
          "%g/%g/%g", c.contracts[0], c.contracts[1], c.contracts[2]);
    CHECK_CLOSE(c.coverage, 0.52, 1e-15, 0, "coverage 0.52");
    /* target 0.45: m* = 10.38 -> m 10 covers 0.4333 (0.0167 off), m 11 0.4767 (0.0267 off). */
    alvh_hedge_calibrate(-1500, u, 0.45, &p, &c);
    CHECK(c.contracts[0] == 20 && c.contracts[2] == 10, "20/20/10");
    CHECK_CLOSE(c.coverage, 1300.0 / 3000.0, 1e-15, 0, "coverage 0.4333");
    /* Coverage equals the hedge's vega over the condor's (linear in contracts). */
    CHECK_CLOSE(c.coverage, (20 * 18 + 20 * 11 + 10 * 7) / 1500.0, 1e-15, 0, "coverage identity");
    /* A tie (step 0.2: m 2 covers 0.4, m 3 covers 0.6, both 0.1 off 0.5) takes the cheaper:
     * units 50/25/50 -> 2 x 50 + 2 x 25 + 50 = 200 per base over 1000. Edges count as inside. */
    const double tie[3] = {50, 25, 50};
    CHECK_STATUS(alvh_hedge_calibrate(-1000, tie, 0.5, &p, &c), ALVH_OK, "tie");
    CHECK(c.contracts[0] == 4 && c.contracts[2] == 2, "tie takes m = 2 (4/4/2), got %g",
          c.contracts[0]);
    CHECK_CLOSE(c.coverage, 0.4, 1e-15, 0, "tie coverage 0.4");
}

static void calibration_says_when_no_whole_hedge_is_in_the_band(void)
{
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_calibration c;
    /* step 0.35 (units 100/50/50: 350 per base over 1000): m 1 covers 0.35, m 2 0.70: neither
     * in 40-60%; the nearest to the band is m 1 (0.05 below). */
    const double u[3] = {100, 50, 50};
    CHECK_STATUS(alvh_hedge_calibrate(-1000, u, 0.5, &p, &c), ALVH_E_NO_SOLUTION, "gap");
    CHECK(c.contracts[0] == 2 && c.contracts[1] == 2 && c.contracts[2] == 1, "nearest 2/2/1");
    CHECK_CLOSE(c.coverage, 0.35, 1e-15, 0, "nearest covers 0.35");
    /* The smallest hedge already over-covers: 2/2/1 of 18/11/7 against a $100 condor: 0.65. */
    const double big[3] = {18, 11, 7};
    CHECK_STATUS(alvh_hedge_calibrate(-100, big, 0.5, &p, &c), ALVH_E_NO_SOLUTION, "too big");
    CHECK_CLOSE(c.coverage, 0.65, 1e-15, 0, "smallest hedge covers 0.65");
    /* No vega in the layers at all. */
    const double none[3] = {0, 0, 0};
    CHECK_STATUS(alvh_hedge_calibrate(-100, none, 0.5, &p, &c), ALVH_E_NO_SOLUTION, "no vega");
    CHECK_STATUS(alvh_hedge_calibrate(0, big, 0.5, &p, &c), ALVH_E_VEGA, "zero condor vega");
    CHECK_STATUS(alvh_hedge_calibrate(-100, big, 0.7, &p, &c), ALVH_E_ARGUMENT, "target off band");
}

static void calibration_keeps_fractional_proportions(void)
{
    alvh_policy p;
    alvh_policy_default(&p);
    /* 1.5/1.5/1 per unit is 3/3/2 in whole numbers. */
    p.layers[0].contracts = 1.5;
    p.layers[1].contracts = 1.5;
    p.layers[2].contracts = 1;
    alvh_calibration c;
    const double u[3] = {10, 10, 10};
    /* base 3/3/2 covers 80 / 800 = 0.1 per step: target 0.5 -> m = 5: 15/15/10, 0.5. */
    CHECK_STATUS(alvh_hedge_calibrate(-800, u, 0.5, &p, &c), ALVH_OK, "fractional");
    CHECK(c.base[0] == 3 && c.base[1] == 3 && c.base[2] == 2, "base 3/3/2");
    CHECK(c.contracts[0] == 15 && c.contracts[2] == 10, "15/15/10");
    CHECK_CLOSE(c.coverage, 0.5, 1e-15, 0, "coverage 0.5");
}

/* ---- schedule --------------------------------------------------------------------------------- */

static const char *const k_cols[ALVH_SCHEDULE_COLS] = {
    "layer", "expiry", "days", "strike", "contracts", "future", "price", "debit", "delta", "beta",
    "vega", "monthly_cost", "coverage"};

static void schedule_matches_mpmath(void)
{
    golden_file g;
    if (!golden_load(&g, "hedge_schedule.csv",
                     "case,layer,expiry,days,strike,contracts,future,price,debit,delta,beta,vega,"
                     "monthly_cost,coverage"))
        return;
    /* 2026-01-15 (46037), VIX 16, $250,000, condor -1500 $/VIX pt; the quoted curve is the
     * generator's: Jan 21 16.9, Feb 18 18.1, Mar 18 18.9, Apr 15 19.5 at 09:30. */
    const double am = 570.0 / 1440.0;
    const double tq[4] = {(46043 + am - 46037) / 365, (46071 + am - 46037) / 365,
                          (46099 + am - 46037) / 365, (46127 + am - 46037) / 365};
    const double fq[4] = {16.9, 18.1, 18.9, 19.5};
    alvh_curve curve = {tq, fq, 4};
    for (size_t i = 0; i < g.rows; ++i) {
        CHECK(golden_cols(&g, i) == 1 + ALVH_SCHEDULE_COLS, "schedule row has %d columns",
              1 + ALVH_SCHEDULE_COLS);
        const char *first = golden_text(&g, i, 0); /* the case */
        double want[ALVH_SCHEDULE_COLS];
        golden_nums(&g, i, 1, ALVH_SCHEDULE_COLS, want);
        alvh_policy p;
        alvh_policy_default(&p);
        alvh_layer_row rows[3];
        int bad;
        alvh_status st;
        if (strcmp(first, "model_rule") == 0)
            st = alvh_hedge_schedule(46037, 16, 250000, -1500, &p, NULL, rows, &bad);
        else
            st = alvh_hedge_schedule(46037, 16, 250000, -1500, &p, &curve, rows, &bad);
        CHECK_STATUS(st, ALVH_OK, first);
        int layer = (int)want[0];
        CHECK(layer >= 1 && layer <= 3, "layer");
        if (st != ALVH_OK || layer < 1 || layer > 3)
            continue;
        double got[ALVH_SCHEDULE_COLS];
        alvh_layer_row_values(&rows[layer - 1], got);
        for (int k = 0; k < ALVH_SCHEDULE_COLS; ++k) {
            char what[96];
            snprintf(what, sizeof what, "%s layer %d %s vs mpmath", first, layer, k_cols[k]);
            /* Serials carry ~1e-11 days of rounding; everything else follows at ~1e-12
             * relative. */
            CHECK_CLOSE(got[k], want[k], 1e-10, 1e-9, what);
        }
    }
    CHECK(g.rows == 6, "6 schedule rows");
    golden_free(&g);
}

static void schedule_invariants(void)
{
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_layer_row carry[3], debit[3], vega[3];
    int bad;
    CHECK_STATUS(alvh_hedge_schedule(46037, 16, 250000, -1500, &p, NULL, carry, &bad), ALVH_OK,
                 "carry");
    p.cost_method = ALVH_COST_DEBIT;
    CHECK_STATUS(alvh_hedge_schedule(46037, 16, 250000, -1500, &p, NULL, debit, &bad), ALVH_OK,
                 "debit");
    for (int i = 0; i < 3; ++i) {
        CHECK(debit[i].monthly_cost >= carry[i].monthly_cost, "debit cost >= carry cost");
        CHECK(carry[i].strike >= carry[i].future + p.layers[i].otm_points, "strike at least "
              "future + otm");
        CHECK(carry[i].strike - 1 < carry[i].future + p.layers[i].otm_points, "the nearest such "
              "strike on the 1-point grid");
        CHECK(carry[i].days >= p.layers[i].min_days && carry[i].days <= p.layers[i].max_days,
              "inside the window");
        CHECK(i == 0 || carry[i].expiry > carry[i - 1].expiry, "distinct expiries");
    }
    /* Sizing "vega": the schedule's coverage is inside the band and near the target. */
    p.cost_method = ALVH_COST_CARRY;
    p.sizing = ALVH_SIZING_VEGA;
    CHECK_STATUS(alvh_hedge_schedule(46037, 16, 250000, -1500, &p, NULL, vega, &bad), ALVH_OK,
                 "vega sizing");
    double cov = vega[0].coverage + vega[1].coverage + vega[2].coverage;
    CHECK(cov >= 0.4 && cov <= 0.6, "vega-sized coverage in band: %g", cov);
    CHECK(vega[0].contracts == 2 * vega[2].contracts && vega[1].contracts == vega[0].contracts,
          "vega sizing keeps 4:4:2");
    /* A window that holds no expiry: layer 2 from 30 to 31 days after a layer 1 of Feb 18
     * (34.4 days) finds Mar 18 at 62.4 days. */
    p.sizing = ALVH_SIZING_RULE;
    p.layers[1].max_days = 31;
    CHECK_STATUS(alvh_hedge_schedule(46037, 16, 250000, -1500, &p, NULL, vega, &bad),
                 ALVH_E_NO_EXPIRY, "empty window");
    CHECK(bad == 2, "layer 2 is named, got %d", bad);
    CHECK_CLOSE(vega[1].days, 62.0 + 570.0 / 1440.0, 1e-9, 0, "first candidate reported");
    alvh_policy_default(&p);
    /* Shared expiries allowed: layer 2's first expiry from 30 days is layer 1's Feb 18. */
    p.distinct_expiries = 0;
    CHECK_STATUS(alvh_hedge_schedule(46037, 16, 250000, -1500, &p, NULL, vega, &bad), ALVH_OK,
                 "shared expiries");
    CHECK(vega[1].expiry == vega[0].expiry && vega[2].expiry > vega[1].expiry,
          "layer 2 shares Feb 18, layer 3 is Mar 18 (first from 60 days: 62.4)");
    CHECK_CLOSE(vega[2].days, 62.0 + 570.0 / 1440.0, 1e-9, 0, "layer 3 at 62.4 days");
    /* A coarser grid from 20: 2.5-point steps. Futures (model, mpmath file): 17.33, 18.08,
     * 18.62; + otm 1/2/3 = 18.33 -> 19 (1-point grid below 20), 20.08 -> 22.5, 21.62 -> 22.5. */
    alvh_policy_default(&p);
    p.strike_high_from = 20;
    p.strike_step_high = 2.5;
    CHECK_STATUS(alvh_hedge_schedule(46037, 16, 250000, -1500, &p, NULL, vega, &bad), ALVH_OK,
                 "coarse grid");
    CHECK(vega[0].strike == 19 && vega[1].strike == 22.5 && vega[2].strike == 22.5,
          "grid strikes 19/22.5/22.5, got %g/%g/%g", vega[0].strike, vega[1].strike,
          vega[2].strike);
    alvh_policy_default(&p);
    CHECK_STATUS(alvh_hedge_schedule(46037, -16, 250000, -1500, &p, NULL, vega, &bad), ALVH_E_SPOT,
                 "negative VIX");
    CHECK_STATUS(alvh_hedge_schedule(46037, 16, 0, -1500, &p, NULL, vega, &bad), ALVH_E_NOTIONAL,
                 "zero notional");
    CHECK_STATUS(alvh_hedge_schedule(46037, 16, 250000, 0, &p, NULL, vega, &bad), ALVH_E_VEGA,
                 "zero condor vega");
}

/* ---- break-evens ------------------------------------------------------------------------------ */

static void breakeven_hand_examples(void)
{
    const double k[4] = {5650, 5700, 6300, 6350};
    double b;
    /* net = 12.5 - 450 / (1 x 100) = 8: lower 5700 - 8 = 5692, upper 6300 + 8 = 6308 */
    CHECK_STATUS(alvh_hedge_breakeven(k, 12.5, 450, 1, 100, -1, &b), ALVH_OK, "lower");
    CHECK(b == 5692, "lower 5692, got %.17g", b);
    alvh_hedge_breakeven(k, 12.5, 450, 1, 100, 1, &b);
    CHECK(b == 6308, "upper 6308, got %.17g", b);
    /* 3 condors share the debit: 450 / 300 = 1.5, net 11: upper 6311 */
    alvh_hedge_breakeven(k, 12.5, 450, 3, 100, 1, &b);
    CHECK(b == 6311, "upper 6311, got %.17g", b);
    /* No hedge: the plain condor's break-even 5700 - 12.5 */
    alvh_hedge_breakeven(k, 12.5, 0, 1, 100, -1, &b);
    CHECK(b == 5687.5, "unhedged lower 5687.5, got %.17g", b);
    CHECK_STATUS(alvh_hedge_breakeven(k, 12.5, 1250, 1, 100, -1, &b), ALVH_E_HEDGE_COST,
                 "debit equal to the credit");
    CHECK_STATUS(alvh_hedge_breakeven(k, 12.5, 2000, 1, 100, 1, &b), ALVH_E_HEDGE_COST,
                 "debit above the credit");
    CHECK_STATUS(alvh_hedge_breakeven(k, 60, 0, 1, 100, -1, &b), ALVH_E_NO_BREAKEVEN,
                 "credit above the wing");
    CHECK_STATUS(alvh_hedge_breakeven(k, 12.5, 0, 1, 100, 0, &b), ALVH_E_SIDE, "side 0");
    CHECK_STATUS(alvh_hedge_breakeven(k, -1, 0, 1, 100, 1, &b), ALVH_E_PRICE, "negative credit");
}

/* ---- through the table ------------------------------------------------------------------------ */

static alvh_value num(double x)
{
    return (alvh_value){.kind = ALVH_NUMBER, .number = x};
}

static alvh_value txt(const char *s)
{
    return (alvh_value){.kind = ALVH_TEXT, .text = s};
}

static void table_rows_give_the_issue_examples_and_clear_errors(void)
{
    alvh_result r;
    alvh_result_init(&r);
    alvh_value a[4] = {num(250000), num(1)};
    CHECK_STATUS(alvh_call_by_name("ALVH_SIZE", a, 2, &r), ALVH_OK, "ALVH_SIZE(250000; 1)");
    CHECK(r.cells[0].number == 10, "ALVH_SIZE(250000; 1) = 10 exactly");
    a[1] = num(3);
    alvh_call_by_name("ALVH_SIZE", a, 2, &r);
    CHECK(r.cells[0].number == 5, "ALVH_SIZE(250000; 3) = 5 exactly");
    alvh_call_by_name("ALVH_SIZE", a, 1, &r);
    CHECK(r.rows == 1 && r.cols == 3 && r.cells[2].number == 5, "ALVH_SIZE(250000) is a row");
    a[1] = num(4);
    CHECK_STATUS(alvh_call_by_name("ALVH_SIZE", a, 2, &r), ALVH_E_LAYER, "layer 4");
    CHECK(strstr(r.message, "got 4") != NULL, "%s", r.message);
    a[1] = num(1);
    a[2] = txt("{\"layers\": [{\"contracts\": \"4\"}]}");
    CHECK_STATUS(alvh_call_by_name("ALVH_SIZE", a, 3, &r), ALVH_E_POLICY_TYPE, "policy type");
    CHECK(strstr(r.message, "\"layers.1.contracts\"") != NULL, "%s", r.message);
    a[2] = txt("{\"layers\": [{\"contracts\": 4,}]}");
    CHECK_STATUS(alvh_call_by_name("ALVH_SIZE", a, 3, &r), ALVH_E_POLICY_JSON, "malformed");
    /* '{' 0, '"layers"' 1-8, ':' 9, ' ' 10, '[' 11, '{' 12, '"contracts"' 13-23, ':' 24,
     * ' ' 25, '4' 26, ',' 27, '}' 28: a key belongs where '}' stands, offset 28. */
    CHECK(strstr(r.message, "byte offset 28 (line 1, column 29)") != NULL, "%s", r.message);

    /* The calibration's failure message shows the numbers that make it fail. */
    alvh_value cells[3] = {num(100), num(50), num(50)};
    alvh_value u = {.kind = ALVH_RANGE, .rows = 1, .cols = 3, .cells = cells};
    alvh_value c[2] = {num(-1000), u};
    CHECK_STATUS(alvh_call_by_name("ALVH_CALIBRATE", c, 2, &r), ALVH_E_NO_SOLUTION, "no solution");
    CHECK(strstr(r.message, "2/2/1") && strstr(r.message, "0.35"), "%s", r.message);

    alvh_value pol[2] = {txt("layers.3.contracts")};
    CHECK_STATUS(alvh_call_by_name("ALVH_POLICY", pol, 1, &r), ALVH_OK, "ALVH_POLICY");
    CHECK(r.cells[0].number == 2, "layer 3 has 2 contracts per unit");
    pol[0] = txt("layers.3.contract");
    CHECK_STATUS(alvh_call_by_name("ALVH_POLICY", pol, 1, &r), ALVH_E_POLICY_KEY, "bad key");

    alvh_value be[4] = {txt("lower"), {0}, num(12.5), num(1300)};
    alvh_value ks[4] = {num(5650), num(5700), num(6300), num(6350)};
    be[1] = (alvh_value){.kind = ALVH_RANGE, .rows = 4, .cols = 1, .cells = ks};
    CHECK_STATUS(alvh_call_by_name("ALVH_BREAKEVEN", be, 4, &r), ALVH_E_HEDGE_COST, "hedge cost");
    CHECK(strstr(r.message, "no break-even") != NULL, "%s", r.message);

    alvh_value vs[2] = {num(0.25), txt("{\"beta_weight\": 1, \"beta_fast\": 4}")};
    CHECK_STATUS(alvh_call_by_name("VIX_BETA", vs, 2, &r), ALVH_OK, "VIX_BETA with a policy");
    CHECK_CLOSE(r.cells[0].number, exp(-1.0), 1e-15, 0, "weight 1, fast 4, 0.25 years: e^-1");
    alvh_result_free(&r);
}

int main(void)
{
    layer_vega_is_contracts_x_100_x_delta_x_beta();
    coverage_is_linear_in_contracts();
    layer_vega_rejects_bad_inputs();
    condor_vix_vega_hand_examples();
    coverage_hand_examples();
    size_by_rule_hand_examples();
    notional_by_basis_hand_examples();
    calibration_hand_examples();
    calibration_says_when_no_whole_hedge_is_in_the_band();
    calibration_keeps_fractional_proportions();
    schedule_matches_mpmath();
    schedule_invariants();
    breakeven_hand_examples();
    table_rows_give_the_issue_examples_and_clear_errors();
    return check_summary("test_hedge");
}
