/* test_putspread.c: the SPX put spread (alvh/putspread.h), its scenarios (alvh/scenario.h rule
 * 4) and ALVH_PUT_SPREAD through the table.
 *
 * Expected values: tests/data/putspread_golden.csv and putspread_scenario.csv
 * (gen_putspread_golden.py: the rules of docs/hedge.md evaluated in mpmath at 50 digits, each
 * leg's price and greeks from the closed forms cross-checked against numerical derivatives, the
 * spread as the exact difference of its legs); hand derivations written out below; the equal
 * budget property against the VIX layers' cost from the hedge engine's schedule (whose values
 * tests/test_hedge.c checks against mpmath). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "alvh/hedge.h"
#include "alvh/putspread.h"
#include "alvh/scenario.h"
#include "check.h"
#include "golden.h"
#include "internal.h"

/* The golden file's columns (gen_putspread_golden.py, HEADER). */
enum { G_CASE, G_VALUATION, G_SPOT, G_VIX, G_RATE, G_DIV, G_LONG_DELTA, G_SHORT_DELTA, G_DAYS,
       G_ROLL, G_VOL_BETA, G_SKEW, G_STEP, G_METHOD, G_BUDGET, G_EXPIRY, G_YEARS, G_K_LONG,
       G_K_SHORT, G_VOL_LONG, G_VOL_SHORT, G_LONG, G_SHORT = G_LONG + 8, G_SPREAD = G_SHORT + 8,
       G_COST_LONG = G_SPREAD + 8, G_COST_SHORT, G_UNIT_COST, G_CONTRACTS, G_COLS };

#define GOLDEN_HEADER                                                                            \
    "case,valuation,spot,vix,rate,div_yield,long_delta,short_delta,days,roll_days,vol_beta,skew," \
    "strike_step,cost_method,budget,expiry,years,strike_long,strike_short,vol_long,vol_short,"   \
    "long_price,long_delta,long_gamma,long_vega,long_theta,long_rho,long_vanna,long_volga,"      \
    "short_price,short_delta,short_gamma,short_vega,short_theta,short_rho,short_vanna,"          \
    "short_volga,spread_price,spread_delta,spread_gamma,spread_vega,spread_theta,spread_rho,"    \
    "spread_vanna,spread_volga,cost_long,cost_short,unit_cost,contracts"

static const char *const k_values[8] = {"price", "delta", "gamma", "vega",
                                        "theta", "rho",   "vanna", "volga"};

static double greek_at(const alvh_greeks *g, int k)
{
    const double v[8] = {g->price, g->delta, g->gamma, g->vega,
                         g->theta, g->rho,   g->vanna, g->volga};
    return v[k];
}

/* The policy and market of golden row i. */
static void golden_setup(const golden_file *g, size_t i, alvh_policy *p, alvh_scenario_market *m)
{
    alvh_policy_default(p);
    p->put_spread.long_delta = golden_num(g, i, G_LONG_DELTA);
    p->put_spread.short_delta = golden_num(g, i, G_SHORT_DELTA);
    p->put_spread.days = golden_num(g, i, G_DAYS);
    p->put_spread.roll_days = golden_num(g, i, G_ROLL);
    p->backtest.vol_beta = golden_num(g, i, G_VOL_BETA);
    p->backtest.skew = golden_num(g, i, G_SKEW);
    p->backtest.spx_strike_step = golden_num(g, i, G_STEP);
    p->cost_method = strcmp(golden_text(g, i, G_METHOD), "debit") == 0 ? ALVH_COST_DEBIT
                                                                         : ALVH_COST_CARRY;
    m->spot = golden_num(g, i, G_SPOT);
    m->vix_spot = golden_num(g, i, G_VIX);
    m->rate = golden_num(g, i, G_RATE);
    m->div_yield = golden_num(g, i, G_DIV);
}

/* ---- the spread against mpmath ------------------------------------------------------------- */

static void spread_and_legs_match_mpmath(void)
{
    golden_file g;
    if (!golden_load(&g, "putspread_golden.csv", GOLDEN_HEADER))
        return;
    for (size_t i = 0; i < g.rows; ++i) {
        const char *name = golden_text(&g, i, G_CASE);
        CHECK(golden_cols(&g, i) == G_COLS, "%s: %zu columns", name, golden_cols(&g, i));
        alvh_policy p;
        alvh_scenario_market m;
        golden_setup(&g, i, &p, &m);
        alvh_put_spread s;
        alvh_status st = alvh_put_spread_set(golden_num(&g, i, G_VALUATION), &m, 1e6,
                                             golden_num(&g, i, G_BUDGET), &p, &s);
        CHECK_STATUS(st, ALVH_OK, name);
        if (st != ALVH_OK)
            continue;
        CHECK_CLOSE(s.expiry, golden_num(&g, i, G_EXPIRY), 1e-9, 0, name);
        CHECK_CLOSE(s.years, golden_num(&g, i, G_YEARS), 0, 1e-13, name);
        CHECK(s.strikes[ALVH_SPREAD_LONG] == golden_num(&g, i, G_K_LONG) &&
                  s.strikes[ALVH_SPREAD_SHORT] == golden_num(&g, i, G_K_SHORT),
              "%s: strikes %g/%g", name, s.strikes[0], s.strikes[1]);
        CHECK_CLOSE(s.vols[ALVH_SPREAD_LONG], golden_num(&g, i, G_VOL_LONG), 0, 1e-13, name);
        CHECK_CLOSE(s.vols[ALVH_SPREAD_SHORT], golden_num(&g, i, G_VOL_SHORT), 0, 1e-13, name);
        for (int k = 0; k < 8; ++k) {
            double want_l = golden_num(&g, i, G_LONG + (size_t)k);
            double want_s = golden_num(&g, i, G_SHORT + (size_t)k);
            double want = golden_num(&g, i, G_SPREAD + (size_t)k);
            char what[96];
            snprintf(what, sizeof what, "%s: %s", name, k_values[k]);
            CHECK_CLOSE(greek_at(&s.legs[ALVH_SPREAD_LONG], k), want_l, 1e-13, 1e-11, what);
            CHECK_CLOSE(greek_at(&s.legs[ALVH_SPREAD_SHORT], k), want_s, 1e-13, 1e-11, what);
            /* The spread is its legs' difference: within the legs' own accuracy. */
            double scale = fmax(fabs(want_l), fabs(want_s));
            CHECK_CLOSE(greek_at(&s.spread, k), want, 1e-11 * scale + 1e-13, 0, what);
        }
        double cl = golden_num(&g, i, G_COST_LONG), cs = golden_num(&g, i, G_COST_SHORT);
        CHECK_CLOSE(s.leg_cost[ALVH_SPREAD_LONG], cl, 1e-9, 1e-10, name);
        CHECK_CLOSE(s.leg_cost[ALVH_SPREAD_SHORT], cs, 1e-9, 1e-10, name);
        CHECK_CLOSE(s.unit_cost, golden_num(&g, i, G_UNIT_COST), 1e-10 * fmax(cl, cs), 0, name);
        CHECK(s.contracts == golden_num(&g, i, G_CONTRACTS), "%s: %g spreads, want %g", name,
              s.contracts, golden_num(&g, i, G_CONTRACTS));
        CHECK(s.debit == s.contracts * s.spread.price * 100 &&
                  s.monthly_cost == s.contracts * s.unit_cost,
              "%s: debit and monthly cost are per spread x spreads", name);
        /* Valued again at the same moment: the price it was bought at, to the bit. */
        double v = 0;
        CHECK_STATUS(alvh_put_spread_value(s.strikes, s.years, &m, &p, &v), ALVH_OK, name);
        CHECK(v == s.spread.price, "%s: value now %.17g = price %.17g", name, v, s.spread.price);
    }
    golden_free(&g);
}

/* ---- sizing ---------------------------------------------------------------------------------- */

static const alvh_scenario_market k_market = {5000, 16, 0.045, 0.013};

/* At equal budget (the VIX layers' ALVH_COST x notional from the hedge engine's schedule), the
 * spread's monthly cost is the budget to within half a spread's (nearest), and on the budget's
 * side of it by less than one spread's with rounding down / up. Several days and VIX levels. */
static void equal_budget_within_the_rounding_to_whole_spreads(void)
{
    const double valuations[] = {46037, 46050.5, 46100, 46200};
    const double vix[] = {12, 16, 22, 28};
    const double notional = 5022500, condor_vega = -1499;
    int cases = 0;
    for (size_t a = 0; a < 4; ++a)
        for (size_t b = 0; b < 4; ++b)
            for (int rounding = 0; rounding < 3; ++rounding) {
                alvh_policy p;
                alvh_policy_default(&p);
                p.rounding = (alvh_rounding)rounding;
                alvh_layer_row rows[ALVH_LAYERS];
                int bad = 0;
                alvh_status st = alvh_hedge_schedule(valuations[a], vix[b], notional,
                                                     condor_vega, &p, NULL, rows, &bad);
                CHECK_STATUS(st, ALVH_OK, "schedule");
                double budget = 0;
                for (int l = 0; l < ALVH_LAYERS; ++l)
                    budget += rows[l].monthly_cost;
                budget *= notional;
                alvh_scenario_market m = k_market;
                m.vix_spot = vix[b];
                alvh_put_spread s;
                st = alvh_put_spread_set(valuations[a], &m, notional, budget, &p, &s);
                CHECK_STATUS(st, ALVH_OK, "spread");
                if (st != ALVH_OK || !(budget > 0))
                    continue;
                double gap = s.monthly_cost - budget, unit = s.unit_cost;
                int ok = rounding == ALVH_ROUND_NEAREST ? fabs(gap) <= 0.5 * unit * (1 + 1e-12)
                       : rounding == ALVH_ROUND_DOWN    ? gap <= 0 && -gap < unit
                                                        : gap >= 0 && gap < unit;
                CHECK(ok, "valuation %g VIX %g rounding %d: %g spreads cost %g a month, budget "
                      "%g, one spread %g", valuations[a], vix[b], rounding, s.contracts,
                      s.monthly_cost, budget, unit);
                ++cases;
            }
    CHECK(cases == 48, "every case had a positive budget (%d)", cases);
}

static void other_sizings_and_failures(void)
{
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_put_spread s;
    /* Notional: round(1 x 5,022,500 / (4820 x 100)) = round(10.42) = 10 (golden long strike). */
    p.put_spread.sizing = ALVH_SPREAD_NOTIONAL;
    const double nan = (double)NAN;
    CHECK_STATUS(alvh_put_spread_set(46037, &k_market, 5022500, nan, &p, &s), ALVH_OK, "notional");
    CHECK(s.strikes[ALVH_SPREAD_LONG] == 4820 && s.contracts == 10, "10 spreads, got %g",
          s.contracts);
    p.put_spread.notional_ratio = 0.5; /* 5.21 -> 5 */
    CHECK_STATUS(alvh_put_spread_set(46037, &k_market, 5022500, 0, &p, &s), ALVH_OK, "ratio");
    CHECK(s.contracts == 5, "5 spreads, got %g", s.contracts);
    CHECK_STATUS(alvh_put_spread_set(46037, &k_market, 0, 0, &p, &s), ALVH_E_NOTIONAL, "0");
    /* Contracts: what the policy says, whatever the budget. */
    p.put_spread.sizing = ALVH_SPREAD_CONTRACTS;
    p.put_spread.contracts = 7;
    CHECK_STATUS(alvh_put_spread_set(46037, &k_market, 1, -1, &p, &s), ALVH_OK, "contracts");
    CHECK(s.contracts == 7 && s.debit == 7 * s.spread.price * 100, "7 spreads");
    /* Budget: not finite is an argument error; no budget, no spread. */
    p.put_spread.sizing = ALVH_SPREAD_BUDGET;
    CHECK_STATUS(alvh_put_spread_set(46037, &k_market, 1, nan, &p, &s), ALVH_E_ARGUMENT, "NaN");
    CHECK_STATUS(alvh_put_spread_set(46037, &k_market, 1, 0, &p, &s), ALVH_OK, "zero");
    CHECK(s.contracts == 0 && s.debit == 0 && s.monthly_cost == 0, "no budget buys none");
    /* A spread that gains value as time passes (a 100% rate puts both strikes above spot: the
     * forward drifts up, so at the roll date the puts are worth more): no budget sizes it. */
    alvh_scenario_market hot = {5000, 16, 1.0, 0.0};
    CHECK_STATUS(alvh_put_spread_set(46037, &hot, 1, 1000, &p, &s), ALVH_E_NO_CARRY, "no carry");
    /* Bad market data. */
    alvh_scenario_market bad = k_market;
    bad.spot = 0;
    CHECK_STATUS(alvh_put_spread_set(46037, &bad, 1, 1, &p, &s), ALVH_E_SPOT, "spot");
    bad = k_market;
    bad.vix_spot = -3;
    CHECK_STATUS(alvh_put_spread_set(46037, &bad, 1, 1, &p, &s), ALVH_E_SPOT, "vix");
    bad = k_market;
    bad.rate = nan;
    CHECK_STATUS(alvh_put_spread_set(46037, &bad, 1, 1, &p, &s), ALVH_E_RATE, "rate");
    CHECK_STATUS(alvh_put_spread_set(nan, &k_market, 1, 1, &p, &s), ALVH_E_DATE, "valuation");
    /* At or after expiry a spread is worth its payoff: 4820/4630 at 4700 pays 120; at 4500
     * the width, 190; above the long strike nothing. */
    const double k[2] = {4820, 4630};
    const double spots[3] = {4700, 4500, 4900}, want[3] = {120, 190, 0};
    for (int i = 0; i < 3; ++i) {
        alvh_scenario_market at = k_market;
        at.spot = spots[i];
        double v = -1;
        CHECK_STATUS(alvh_put_spread_value(k, 0.0, &at, &p, &v), ALVH_OK, "payoff");
        CHECK(v == want[i], "payoff at %g: %g, want %g", spots[i], v, want[i]);
    }
}

/* ---- scenarios ---------------------------------------------------------------------------- */

/* One spread of a golden case, shocked: the hedge P&L of kind "spx_put_spread" against mpmath;
 * the condor's P&L does not depend on the hedge; "none" is no hedge. */
static void scenario_reprices_the_spread_like_the_condor_legs(void)
{
    golden_file g, sc;
    if (!golden_load(&g, "putspread_golden.csv", GOLDEN_HEADER))
        return;
    if (!golden_load(&sc, "putspread_scenario.csv", "case,spx_move,vix_move,days,pnl_per_spread")) {
        golden_free(&g);
        return;
    }
    const alvh_leg condor[4] = {{ALVH_PUT, 4750, 10, 30.0 / 365, 0.19},
                                {ALVH_PUT, 4800, -10, 30.0 / 365, 0.175},
                                {ALVH_CALL, 5225, -10, 30.0 / 365, 0.12},
                                {ALVH_CALL, 5275, 10, 30.0 / 365, 0.115}};
    for (size_t j = 0; j < sc.rows; ++j) {
        const char *name = golden_text(&sc, j, 0);
        size_t i = 0;
        while (i < g.rows && strcmp(golden_text(&g, i, G_CASE), name) != 0)
            ++i;
        CHECK(i < g.rows, "%s: no such case", name);
        if (i == g.rows)
            continue;
        alvh_policy p;
        alvh_scenario_market m;
        golden_setup(&g, i, &p, &m);
        const double years = golden_num(&g, i, G_YEARS);
        const alvh_leg spread[2] = {
            {ALVH_PUT, golden_num(&g, i, G_K_LONG), 1, years, golden_num(&g, i, G_VOL_LONG)},
            {ALVH_PUT, golden_num(&g, i, G_K_SHORT), -1, years, golden_num(&g, i, G_VOL_SHORT)}};
        alvh_shock shock = {golden_num(&sc, j, 1), golden_num(&sc, j, 2), golden_num(&sc, j, 3),
                            0};
        alvh_scenario_hedge put = {ALVH_HEDGE_SPX_PUT_SPREAD, NULL, 0, spread, 2};
        alvh_scenario_hedge none = {ALVH_HEDGE_NONE, NULL, 0, spread, 2};
        alvh_scenario_pnl a, b, c;
        CHECK_STATUS(alvh_scenario_hedged(&shock, condor, 4, &put, &m, &p, &a), ALVH_OK, name);
        CHECK_STATUS(alvh_scenario_hedged(&shock, condor, 4, &none, &m, &p, &b), ALVH_OK, name);
        CHECK_STATUS(alvh_scenario(&shock, condor, 4, NULL, 0, &m, &p, &c), ALVH_OK, name);
        double want = golden_num(&sc, j, 4);
        /* The legs' years and vols are the golden doubles (rounded inputs): 1e-9 of the
         * spread's value in dollars is far above that and far below any real error. */
        CHECK_CLOSE(a.hedge, want, 1e-9 * 100 * golden_num(&g, i, G_LONG), 0, name);
        CHECK(a.condor == c.condor && b.condor == c.condor, "%s: the condor's P&L ignores the "
              "hedge", name);
        CHECK(b.hedge == 0 && b.net == b.condor, "%s: none hedges nothing", name);
        CHECK(a.net == a.condor + a.hedge, "%s: net", name);
        /* The spread as the book: the same repricing, so the same P&L to the bit. */
        alvh_scenario_pnl d;
        CHECK_STATUS(alvh_scenario(&shock, spread, 2, NULL, 0, &m, &p, &d), ALVH_OK, name);
        CHECK(d.condor == a.hedge, "%s: hedge legs priced as book legs", name);
    }
    golden_free(&sc);
    golden_free(&g);
}

/* ---- through the table ----------------------------------------------------------------------- */

static alvh_value N(double x)
{
    return (alvh_value){.kind = ALVH_NUMBER, .number = x};
}

static alvh_value T(const char *s)
{
    return (alvh_value){.kind = ALVH_TEXT, .text = s};
}

/* ALVH_PUT_SPREAD lays out the engine's spread: legs range, greeks, debit and monthly cost. */
static void the_table_row_lays_out_the_engine_spread(void)
{
    alvh_value args[8] = {N(46037), N(5000), N(16), N(5022500), N(0.00949), {.kind = ALVH_EMPTY},
                          N(0.045), N(0.013)};
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(alvh_call_by_name("ALVH_PUT_SPREAD", args, 8, &r), ALVH_OK, r.message);
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_put_spread s;
    CHECK_STATUS(alvh_put_spread_set(46037, &k_market, 5022500, 0.00949 * 5022500, &p, &s),
                 ALVH_OK, "engine");
    if (r.status == ALVH_OK && r.rows == 2 && r.cols == 12) {
        double total = 0;
        for (size_t i = 0; i < 2; ++i) {
            const alvh_value *row = &r.cells[i * 12];
            double q = i == 0 ? s.contracts : -s.contracts;
            CHECK(row[0].kind == ALVH_TEXT && strcmp(row[0].text, "P") == 0, "type P");
            CHECK(row[1].number == s.strikes[i] && row[2].number == q &&
                      row[3].number == s.years && row[4].number == s.vols[i],
                  "leg %zu: the legs range", i);
            CHECK(row[5].number == s.legs[i].price && row[6].number == s.legs[i].delta &&
                      row[8].number == s.legs[i].vega && row[9].number == s.legs[i].theta,
                  "leg %zu: one put's price and greeks", i);
            CHECK(row[10].number == q * s.legs[i].price * 100, "leg %zu: debit", i);
            total += row[11].number;
        }
        CHECK_CLOSE(total * 5022500, s.monthly_cost, 1e-6, 1e-12, "monthly cost column sums");
    } else {
        CHECK(0, "2 x 12, got %zu x %zu (%s)", r.rows, r.cols, r.message);
    }
    /* Sizing "budget" needs a budget; the others do not read it. */
    args[4] = (alvh_value){.kind = ALVH_EMPTY};
    CHECK_STATUS(alvh_call_by_name("ALVH_PUT_SPREAD", args, 8, &r), ALVH_E_MISSING, "budget");
    CHECK(strstr(r.message, "ALVH_COST") != NULL, "%s", r.message);
    args[5] = T("{\"put_spread\": {\"sizing\": \"contracts\", \"contracts\": 3}}");
    CHECK_STATUS(alvh_call_by_name("ALVH_PUT_SPREAD", args, 8, &r), ALVH_OK, r.message);
    CHECK(r.status == ALVH_OK && r.cells[2].number == 3 && r.cells[12 + 2].number == -3,
          "3 spreads: +3 / -3");
    alvh_result_free(&r);
}

int main(void)
{
    spread_and_legs_match_mpmath();
    equal_budget_within_the_rounding_to_whole_spreads();
    other_sizings_and_failures();
    scenario_reprices_the_spread_like_the_condor_legs();
    the_table_row_lays_out_the_engine_spread();
    return check_summary("test_putspread");
}
