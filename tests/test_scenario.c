/* test_scenario.c: ALVH_SCENARIO and ALVH_SCENARIO_GRID, core and through the table.
 *
 * Expected values: the shock rules written out again in this test and priced through the
 * table's BS_PRICE / B76_PRICE; tests/data/condor_scenarios.csv (gen_condor_golden.py: the same
 * rules and BSM/Black-76 in mpmath); exact identities (zero shock = 0, grid = scenarios). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "alvh/condor.h"
#include "alvh/scenario.h"
#include "check.h"
#include "golden.h"
#include "internal.h"

static alvh_value N(double x)
{
    return (alvh_value){.kind = ALVH_NUMBER, .number = x};
}

static alvh_value T(const char *s)
{
    return (alvh_value){.kind = ALVH_TEXT, .text = s};
}

static alvh_value R(const alvh_value *cells, size_t rows, size_t cols)
{
    return (alvh_value){.kind = ALVH_RANGE, .rows = rows, .cols = cols, .cells = cells};
}

static const alvh_value E = {.kind = ALVH_EMPTY};

static double cell(const alvh_result *r, size_t row, size_t col)
{
    if (r->status != ALVH_OK || row >= r->rows || col >= r->cols ||
        r->cells[row * r->cols + col].kind != ALVH_NUMBER)
        return (double)NAN;
    return r->cells[row * r->cols + col].number;
}

/* The test book: an SPX 4750/4800/5225/5275 condor, 30 days, with a smile (10 condors). */
#define Y30 (30.0 / 365)
static const struct {
    const char *type;
    double strike, qty, years, vol;
} k_legs[4] = {{"P", 4750, 10, Y30, 0.19},
               {"P", 4800, -10, Y30, 0.175},
               {"C", 5225, -10, Y30, 0.12},
               {"C", 5275, 10, Y30, 0.115}};
/* The hedge: three layers of VIX calls (future, strike, contracts, years, vol of vol). */
static const double k_hedge[3][5] = {{17.2, 18, 40, 20.0 / 365, 0.9},
                                     {18.4, 20, 40, 49.0 / 365, 0.8},
                                     {19.3, 22, 20, 77.0 / 365, 0.7}};

static alvh_value g_legs[4 * 5], g_hedge[3 * 5];

static void build_ranges(void)
{
    for (size_t i = 0; i < 4; ++i) {
        g_legs[i * 5] = T(k_legs[i].type);
        g_legs[i * 5 + 1] = N(k_legs[i].strike);
        g_legs[i * 5 + 2] = N(k_legs[i].qty);
        g_legs[i * 5 + 3] = N(k_legs[i].years);
        g_legs[i * 5 + 4] = N(k_legs[i].vol);
    }
    for (size_t i = 0; i < 3; ++i)
        for (size_t j = 0; j < 5; ++j)
            g_hedge[i * 5 + j] = N(k_hedge[i][j]);
}

/* ALVH_SCENARIO through the table: args spx, vix, days, legs, hedge, spot, vix, policy, vov,
 * rate, div. */
static alvh_status scenario(double m, double dv, double days, const char *policy, double vov,
                            double rate, double q, alvh_result *r)
{
    alvh_value a[11] = {N(m),      N(dv),  N(days), R(g_legs, 4, 5), R(g_hedge, 3, 5), N(5000),
                        N(16),     policy ? T(policy) : E, N(vov), N(rate), N(q)};
    return alvh_call_by_name("ALVH_SCENARIO", a, 11, r);
}

static double table_price(const char *fn, const alvh_value *args, size_t n)
{
    alvh_result r;
    alvh_result_init(&r);
    alvh_status st = alvh_call_by_name(fn, args, n, &r);
    CHECK_STATUS(st, ALVH_OK, fn);
    double x = cell(&r, 0, 0);
    alvh_result_free(&r);
    return x;
}

/* ---- exact identities ------------------------------------------------------------------------ */

static void zero_moves_and_zero_days_give_exactly_zero(void)
{
    static const char *policies[3] = {NULL, "{\"backtest\":{\"skew\":5,\"vol_beta\":1.3}}",
                                      "{\"rate\":0.04,\"beta_weight\":0.2}"};
    alvh_result r;
    alvh_result_init(&r);
    for (int p = 0; p < 3; ++p) {
        CHECK_STATUS(scenario(0, 0, 0, policies[p], 0, 0.045, 0.013, &r), ALVH_OK, "zero shock");
        CHECK(r.rows == 1 && r.cols == 4, "a row of 4");
        CHECK(cell(&r, 0, 0) == 0.0 && cell(&r, 0, 1) == 0.0 && cell(&r, 0, 2) == 0.0,
              "policy %d: condor %.17g hedge %.17g net %.17g, want exactly 0", p, cell(&r, 0, 0),
              cell(&r, 0, 1), cell(&r, 0, 2));
        CHECK(r.cols == 4 && r.cells[3].kind == ALVH_EMPTY, "no loss: the ratio is #N/A");
    }
    alvh_result_free(&r);
}

static void the_grid_is_the_scenarios_net_pnl(void)
{
    const double sx[3] = {-0.06, -0.01, 0.02}, vx[4] = {-2, 0, 8, 20};
    alvh_value sr[3], vr[4];
    for (int i = 0; i < 3; ++i)
        sr[i] = N(sx[i]);
    for (int j = 0; j < 4; ++j)
        vr[j] = N(vx[j]);
    alvh_value a[11] = {R(sr, 3, 1), R(vr, 1, 4), N(1),  R(g_legs, 4, 5), R(g_hedge, 3, 5), N(5000),
                        N(16),       E,           N(0.1), N(0.045), N(0.013)};
    alvh_result g, r;
    alvh_result_init(&g);
    alvh_result_init(&r);
    CHECK_STATUS(alvh_call_by_name("ALVH_SCENARIO_GRID", a, 11, &g), ALVH_OK, "grid");
    CHECK(g.rows == 3 && g.cols == 4, "3x4 grid, got %zux%zu", g.rows, g.cols);
    for (size_t i = 0; i < 3; ++i)
        for (size_t j = 0; j < 4; ++j) {
            CHECK_STATUS(scenario(sx[i], vx[j], 1, NULL, 0.1, 0.045, 0.013, &r), ALVH_OK, "cell");
            CHECK(cell(&g, i, j) == cell(&r, 0, 2), "grid[%zu][%zu] %.17g != scenario net %.17g",
                  i, j, cell(&g, i, j), cell(&r, 0, 2));
        }
    alvh_result_free(&g);
    alvh_result_free(&r);
}

/* ---- against pricing the shocked inputs directly -------------------------------------------- */

static void repricing_agrees_with_bs_price_and_b76_price_on_shocked_inputs(void)
{
    /* Policy: vol_beta 0.9, skew 3, beta 0.6 e^{-20T} + 0.4 e^{-1.5T}, VIX rate 2%. */
    const char *policy = "{\"backtest\":{\"vol_beta\":0.9,\"skew\":3},\"beta_weight\":0.6,"
                         "\"beta_fast\":20,\"beta_slow\":1.5,\"rate\":0.02}";
    const double shocks[4][4] = {/* spx_move, vix_move, days, vov_move */
                                 {-0.03, 8, 1, 0},
                                 {-0.06, 20, 2, 0.3},
                                 {0.015, -2.5, 5, -0.1},
                                 {0, 0, 10, 0}};
    const double S = 5000, V = 16, r = 0.045, q = 0.013;
    alvh_result res;
    alvh_result_init(&res);
    for (int s = 0; s < 4; ++s) {
        double m = shocks[s][0], dv = shocks[s][1], days = shocks[s][2], vov = shocks[s][3];
        CHECK_STATUS(scenario(m, dv, days, policy, vov, r, q, &res), ALVH_OK, "scenario");
        double S2 = S * (1 + m), el = days / 365;
        /* SPX legs: each priced before and after through BS_PRICE with
         *   vol' = vol + 0.9/100 x ((V + dv)(1 - 3 ln(K/S2)) - V (1 - 3 ln(K/S))). */
        double condor = 0;
        for (int i = 0; i < 4; ++i) {
            double K = k_legs[i].strike, vol = k_legs[i].vol;
            double vol2 = vol + 0.9 / 100 * ((V + dv) * (1 - 3 * log(K / S2)) -
                                             V * (1 - 3 * log(K / S)));
            alvh_value b[7] = {T(k_legs[i].type), N(S), N(K), N(k_legs[i].years), N(vol), N(r),
                               N(q)};
            alvh_value a[7] = {T(k_legs[i].type), N(S2), N(K), N(k_legs[i].years - el), N(vol2),
                               N(r), N(q)};
            condor += k_legs[i].qty * 100 * (table_price("BS_PRICE", a, 7) -
                                             table_price("BS_PRICE", b, 7));
        }
        /* VIX calls: future' = F + beta(T) dv, beta(T) = 0.6 e^{-20 T} + 0.4 e^{-1.5 T}. */
        double hedge = 0;
        for (int j = 0; j < 3; ++j) {
            double F = k_hedge[j][0], K = k_hedge[j][1], n = k_hedge[j][2], t = k_hedge[j][3];
            double vv = k_hedge[j][4];
            double beta = 0.6 * exp(-20 * t) + 0.4 * exp(-1.5 * t);
            alvh_value b[6] = {T("C"), N(F), N(K), N(t), N(vv), N(0.02)};
            alvh_value a[6] = {T("C"), N(F + beta * dv), N(K), N(t - el), N(vv + vov), N(0.02)};
            hedge += n * 100 * (table_price("B76_PRICE", a, 6) - table_price("B76_PRICE", b, 6));
        }
        char what[64];
        snprintf(what, sizeof what, "shock %d condor P&L", s);
        CHECK_CLOSE(cell(&res, 0, 0), condor, 1e-8, 1e-11, what);
        snprintf(what, sizeof what, "shock %d hedge P&L", s);
        CHECK_CLOSE(cell(&res, 0, 1), hedge, 1e-8, 1e-11, what);
        CHECK_CLOSE(cell(&res, 0, 2), condor + hedge, 1e-8, 1e-11, "net = condor + hedge");
        if (condor < 0)
            CHECK_CLOSE(cell(&res, 0, 3), hedge / -condor, 1e-12, 1e-10, "ratio = hedge / loss");
        else
            CHECK(res.cells && res.cells[3].kind == ALVH_EMPTY, "ratio #N/A without a loss");
    }
    alvh_result_free(&res);
}

static void scenarios_match_mpmath(void)
{
    golden_file g;
    if (!golden_load(&g, "condor_scenarios.csv",
                     "spx_move,vix_move,days,vov_move,vol_beta,skew,rate,div_yield,condor,hedge,net"))
        return;
    /* gen_condor_golden.py uses book 1 (one condor) and a 4/4/2 hedge: rebuild them here. */
    alvh_value legs[4 * 5], hedge[3 * 5];
    for (size_t i = 0; i < 4; ++i) {
        legs[i * 5] = T(k_legs[i].type);
        legs[i * 5 + 1] = N(k_legs[i].strike);
        legs[i * 5 + 2] = N(k_legs[i].qty / 10);
        legs[i * 5 + 3] = N(k_legs[i].years);
        legs[i * 5 + 4] = N(k_legs[i].vol);
    }
    const double contracts[3] = {4, 4, 2};
    for (size_t i = 0; i < 3; ++i) {
        for (size_t j = 0; j < 5; ++j)
            hedge[i * 5 + j] = N(k_hedge[i][j]);
        hedge[i * 5 + 2] = N(contracts[i]);
    }
    alvh_result r;
    alvh_result_init(&r);
    for (size_t i = 0; i < g.rows; ++i) {
        double x[11];
        golden_nums(&g, i, 0, 11, x);
        char policy[128];
        snprintf(policy, sizeof policy, "{\"backtest\":{\"vol_beta\":%.17g,\"skew\":%.17g}}", x[4],
                 x[5]);
        alvh_value a[11] = {N(x[0]),  N(x[1]),  N(x[2]), R(legs, 4, 5), R(hedge, 3, 5), N(5000),
                            N(16),    T(policy), N(x[3]), N(x[6]),       N(x[7])};
        CHECK_STATUS(alvh_call_by_name("ALVH_SCENARIO", a, 11, &r), ALVH_OK, "scenario row");
        CHECK_CLOSE(cell(&r, 0, 0), x[8], 1e-8, 1e-10, "condor P&L vs mpmath");
        CHECK_CLOSE(cell(&r, 0, 1), x[9], 1e-8, 1e-10, "hedge P&L vs mpmath");
        CHECK_CLOSE(cell(&r, 0, 2), x[10], 1e-8, 1e-10, "net P&L vs mpmath");
    }
    CHECK(g.rows >= 5, "scenario rows: %zu", g.rows);
    golden_free(&g);
    alvh_result_free(&r);
}

/* ---- sensitivities ----------------------------------------------------------------------------- */

static void a_small_vix_move_is_the_books_vega_and_the_layers_delta_times_beta(void)
{
    /* Flat smile (skew 0), vol_beta 1: every leg's vol moves 1 point per VIX point, so
     * d(condor P&L)/d(vix_move) = BOOK_GREEK("vega") (dollars per vol point). Each future moves
     * beta(T) per VIX point: d(hedge)/d(vix_move) = sum n x 100 x Black-76 delta x beta(T). */
    const char *policy = "{\"backtest\":{\"skew\":0}}";
    const double h = 1e-3;
    alvh_result up, dn, g;
    alvh_result_init(&up);
    alvh_result_init(&dn);
    alvh_result_init(&g);
    CHECK_STATUS(scenario(0, h, 0, policy, 0, 0.045, 0.013, &up), ALVH_OK, "+h");
    CHECK_STATUS(scenario(0, -h, 0, policy, 0, 0.045, 0.013, &dn), ALVH_OK, "-h");
    alvh_value ga[6] = {T("vega"), R(g_legs, 4, 5), N(5000), N(0.045), N(0.013), E};
    CHECK_STATUS(alvh_call_by_name("BOOK_GREEK", ga, 6, &g), ALVH_OK, "BOOK_GREEK vega");
    double dcondor = (cell(&up, 0, 0) - cell(&dn, 0, 0)) / (2 * h);
    CHECK_CLOSE(dcondor, cell(&g, 0, 0), 1e-6, 1e-6, "condor VIX sensitivity = book vega");
    double want = 0;
    for (int j = 0; j < 3; ++j) {
        alvh_greeks gk;
        alvh_black76_greeks(ALVH_CALL, k_hedge[j][0], k_hedge[j][1], k_hedge[j][3], k_hedge[j][4],
                            0, &gk);
        double t = k_hedge[j][3];
        want += k_hedge[j][2] * 100 * gk.delta * (0.65 * exp(-24 * t) + 0.35 * exp(-1.35 * t));
    }
    double dhedge = (cell(&up, 0, 1) - cell(&dn, 0, 1)) / (2 * h);
    CHECK_CLOSE(dhedge, want, 1e-6, 1e-6, "hedge VIX sensitivity = layers' delta x beta");
    /* The hedge engine's own measure agrees: sum of VIX_LAYER_VEGA (beta = VIX_BETA(years)). */
    double layers = 0;
    for (int j = 0; j < 3; ++j) {
        alvh_value la[7] = {N(k_hedge[j][2]), N(k_hedge[j][0]), N(k_hedge[j][1]), N(k_hedge[j][3]),
                            N(k_hedge[j][4]), E, E};
        layers += table_price("VIX_LAYER_VEGA", la, 7);
    }
    CHECK_CLOSE(dhedge, layers, 1e-6, 1e-6, "hedge VIX sensitivity = sum of VIX_LAYER_VEGA");
    alvh_result_free(&up);
    alvh_result_free(&dn);
    alvh_result_free(&g);
}

static void puts_gain_more_vol_than_calls_in_a_selloff(void)
{
    alvh_policy p;
    alvh_policy_default(&p); /* vol_beta 1, skew 2 */
    alvh_shock sh = {-0.03, 8, 1, 0};
    alvh_scenario_market m = {5000, 16, 0, 0};
    double put, call;
    CHECK_STATUS(alvh_scenario_leg_vol(0.175, 4800, &sh, &m, &p, &put), ALVH_OK, "put");
    CHECK_STATUS(alvh_scenario_leg_vol(0.12, 5225, &sh, &m, &p, &call), ALVH_OK, "call");
    /* By hand: put 0.175 + (24 (1 - 2 ln(4800/4850)) - 16 (1 - 2 ln(4800/5000)))/100,
     * call 0.12 + (24 (1 - 2 ln(5225/4850)) - 16 (1 - 2 ln(5225/5000)))/100. */
    double wp = 0.175 + (24 * (1 - 2 * log(4800.0 / 4850)) - 16 * (1 - 2 * log(4800.0 / 5000))) / 100;
    double wc = 0.12 + (24 * (1 - 2 * log(5225.0 / 4850)) - 16 * (1 - 2 * log(5225.0 / 5000))) / 100;
    CHECK_CLOSE(put, wp, 1e-15, 1e-13, "put vol after the shock");
    CHECK_CLOSE(call, wc, 1e-15, 1e-13, "call vol after the shock");
    CHECK(put - 0.175 > call - 0.12 && call - 0.12 > 0, "put +%.4f > call +%.4f > 0", put - 0.175,
          call - 0.12);
    /* A collapse of VIX that would push a vol below zero is an error, not a clamp. */
    alvh_shock crush = {0, -15, 0, 0};
    p.backtest.vol_beta = 3;
    CHECK_STATUS(alvh_scenario_leg_vol(0.12, 5225, &crush, &m, &p, &call), ALVH_E_MOVE, "crush");
}

/* ---- the hedge range ------------------------------------------------------------------------- */

static void alvh_schedule_output_is_a_hedge_range(void)
{
    /* A 13-column row in ALVH_SCHEDULE's layout: layer, expiry, days, strike, contracts,
     * future, price, debit, delta, beta, vega, monthly cost, coverage. Only layer, days,
     * strike, contracts and future are read; vol of vol comes from the policy's layer. */
    alvh_value sched[2 * 13];
    const double rows[2][13] = {{1, 46057.39, 20, 18, 40, 17.2, 0, 0, 0, 0, 0, 0, 0},
                                {3, 46114.39, 77, 22, 20, 19.3, 0, 0, 0, 0, 0, 0, 0}};
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 13; ++j)
            sched[i * 13 + j] = N(rows[i][j]);
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_value five[2 * 5] = {N(17.2), N(18), N(40), N(20.0 / 365), N(p.layers[0].vol_of_vol),
                              N(19.3), N(22), N(20), N(77.0 / 365), N(p.layers[2].vol_of_vol)};
    alvh_value a[11] = {N(-0.03), N(8), N(1), R(g_legs, 4, 5), R(sched, 2, 13), N(5000), N(16),
                        E,        E,    E,    E};
    alvh_result r1, r2;
    alvh_result_init(&r1);
    alvh_result_init(&r2);
    CHECK_STATUS(alvh_call_by_name("ALVH_SCENARIO", a, 11, &r1), ALVH_OK, "schedule layout");
    a[4] = R(five, 2, 5);
    CHECK_STATUS(alvh_call_by_name("ALVH_SCENARIO", a, 11, &r2), ALVH_OK, "5-column layout");
    CHECK(cell(&r1, 0, 1) == cell(&r2, 0, 1), "same hedge P&L: %.17g vs %.17g", cell(&r1, 0, 1),
          cell(&r2, 0, 1));
    /* Layer 4 does not exist. */
    sched[13] = N(4);
    a[4] = R(sched, 2, 13);
    CHECK_STATUS(alvh_call_by_name("ALVH_SCENARIO", a, 11, &r1), ALVH_E_HEDGE, "layer 4");
    CHECK(strstr(r1.message, "hedge row 2, column 1 (layer) must be 1, 2 or 3, got 4") != NULL,
          "message: %s", r1.message);
    alvh_result_free(&r1);
    alvh_result_free(&r2);
}

static void legs_that_expire_during_the_days_count_at_their_payoff(void)
{
    /* 40 days after a 30-day condor at SPX 4900 (-2%): the put spread pays 0 (4900 > 4800), the
     * call spread 0: the condor is worth 0 and the P&L is its credit, -BOOK_VALUE. */
    alvh_result r, v;
    alvh_result_init(&r);
    alvh_result_init(&v);
    CHECK_STATUS(scenario(-0.02, 5, 40, NULL, 0, 0.045, 0.013, &r), ALVH_OK, "40 days");
    alvh_value va[5] = {R(g_legs, 4, 5), N(5000), N(0.045), N(0.013), E};
    CHECK_STATUS(alvh_call_by_name("BOOK_VALUE", va, 5, &v), ALVH_OK, "value");
    CHECK_CLOSE(cell(&r, 0, 0), -cell(&v, 0, 0), 1e-9, 1e-12, "expired condor keeps its credit");
    alvh_result_free(&r);
    alvh_result_free(&v);
}

/* ---- errors ------------------------------------------------------------------------------------- */

static void expect_error(const alvh_value *a, alvh_status want, const char *fragment)
{
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(alvh_call_by_name("ALVH_SCENARIO", a, 11, &r), want, fragment);
    CHECK(strstr(r.message, fragment) != NULL, "message \"%s\" should contain \"%s\"", r.message,
          fragment);
    alvh_result_free(&r);
}

static void bad_shocks_and_ranges_are_errors_that_say_why(void)
{
    alvh_value a[11] = {N(-0.03), N(8), N(1), R(g_legs, 4, 5), R(g_hedge, 3, 5), N(5000), N(16),
                        E,        E,    E,    E};
    a[0] = N(-1);
    expect_error(a, ALVH_E_MOVE, "spx_move must be a fraction above -1");
    a[0] = N(-0.03);
    a[1] = N(-16);
    expect_error(a, ALVH_E_MOVE, "vix_move must leave VIX positive (vix_spot 16), got -16");
    a[1] = N(8);
    a[2] = N(-1);
    expect_error(a, ALVH_E_DAYS, "got -1");
    a[2] = N(1);
    a[6] = N(0);
    expect_error(a, ALVH_E_SPOT, "vix_spot must be a positive VIX level");
    a[6] = N(16);
    a[7] = T("{\"backtest\":{\"skew\":");
    expect_error(a, ALVH_E_POLICY_JSON, "offset");
    a[7] = T("{\"backtest\":{\"vol_beta\":5}}");
    a[1] = N(-14);
    expect_error(a, ALVH_E_MOVE, "makes a leg's vol");
    a[1] = N(8);
    a[7] = E;
    a[8] = N(-2);
    expect_error(a, ALVH_E_MOVE, "vol of vol negative");
    a[8] = E;
    a[4] = R(g_hedge, 5, 3);
    expect_error(a, ALVH_E_HEDGE, "got 3 column(s)");
    alvh_value bad[5] = {N(17), N(18), T("four"), N(0.1), N(0.9)};
    a[4] = R(bad, 1, 5);
    expect_error(a, ALVH_E_HEDGE, "hedge row 1, column 3 (contracts) must be a number");
    bad[2] = N(4);
    bad[0] = N(-17);
    expect_error(a, ALVH_E_FORWARD, "hedge row 1, column 1 (future) must be a positive VIX future");
    bad[0] = N(17);
    bad[4] = N(-0.9);
    expect_error(a, ALVH_E_VOL, "column 5 (vol_of_vol)");
    a[4] = R(g_hedge, 3, 5);
    a[3] = R(g_legs, 4, 4);
    expect_error(a, ALVH_E_LEGS, "legs must be a range with the 5 columns");
}

int main(void)
{
    build_ranges();
    zero_moves_and_zero_days_give_exactly_zero();
    the_grid_is_the_scenarios_net_pnl();
    repricing_agrees_with_bs_price_and_b76_price_on_shocked_inputs();
    scenarios_match_mpmath();
    a_small_vix_move_is_the_books_vega_and_the_layers_delta_times_beta();
    puts_gain_more_vol_than_calls_in_a_selloff();
    alvh_schedule_output_is_a_hedge_range();
    legs_that_expire_during_the_days_count_at_their_payoff();
    bad_shocks_and_ranges_are_errors_that_say_why();
    return check_summary("test_scenario");
}
