/* fn_putspread.c: the table row of the SPX put spread hedge (ALVH_PUT_SPREAD, category Hedge):
 * the spread the policy's put_spread keys buy, as two legs with their prices, greeks, debit and
 * monthly cost. The engine is putspread.c (alvh/putspread.h states the rules). */
#include <math.h>

#include "alvh/dates.h"
#include "alvh/policy.h"
#include "alvh/putspread.h"
#include "internal.h"

/* ALVH_PUT_SPREAD(valuation; spot; vix_spot; notional; [budget]; [policy]; [rate]; [div_yield]) */
enum { PS_VALUATION, PS_SPOT, PS_VIX_SPOT, PS_NOTIONAL, PS_BUDGET, PS_POLICY, PS_RATE,
       PS_DIV_YIELD, PS_NARGS };

/* The output's columns: the first five are a legs range (ALVH_SCENARIO's hedge, BOOK_*). */
enum { PSC_TYPE, PSC_STRIKE, PSC_QUANTITY, PSC_YEARS, PSC_VOL, PSC_PRICE, PSC_DELTA, PSC_GAMMA,
       PSC_VEGA, PSC_THETA, PSC_DEBIT, PSC_MONTHLY_COST, PSC_COLS };

/* The budget argument: a decimal of notional per month (ALVH_COST's unit), required with sizing
 * "budget" and read only then. Into *dollars: budget x notional. */
static alvh_status arg_budget(const alvh_value *v, const alvh_policy *p, double notional,
                              double *dollars, alvh_result *out)
{
    *dollars = 0.0;
    if (p->put_spread.sizing != ALVH_SPREAD_BUDGET)
        return ALVH_OK;
    if (v->kind == ALVH_EMPTY)
        return alvh_fail(out, ALVH_E_MISSING, "budget is required when the policy's "
                         "put_spread.sizing is \"budget\" (the default): the VIX layers' monthly "
                         "cost as a decimal of notional, ALVH_COST(...)");
    if (v->kind != ALVH_NUMBER)
        return alvh_fail(out, ALVH_E_ARG_TYPE, "budget must be a number, got text \"%.60s\"",
                         v->text);
    if (!isfinite(v->number))
        return alvh_fail_rule(out, ALVH_E_ARGUMENT, "budget",
                              "a finite decimal of notional per month", v->number);
    *dollars = v->number * notional;
    return ALVH_OK;
}

/* The engine's failures as sentences naming the policy keys involved. */
static alvh_status fail_spread(alvh_status st, const alvh_policy *p, double div_yield,
                               alvh_result *out)
{
    char ld[32], sd[32], q[32];
    alvh_format_number(ld, sizeof ld, p->put_spread.long_delta);
    alvh_format_number(sd, sizeof sd, p->put_spread.short_delta);
    alvh_format_number(q, sizeof q, div_yield);
    switch (st) {
    case ALVH_E_NO_CARRY:
        return alvh_fail(out, st, "the put spread loses no value to its roll date (put_spread."
                         "roll_days, cost_method), so no number of spreads matches the budget");
    case ALVH_E_DELTA:
        return alvh_fail(out, st, "a put delta of put_spread.long_delta %s or short_delta %s "
                         "cannot be reached with div_yield %s", ld, sd, q);
    case ALVH_E_STRIKES:
        return alvh_fail(out, st, "the short put's strike falls to zero or below (put_spread."
                         "short_delta %s, backtest.spx_strike_step)", sd);
    default:
        return st;
    }
}

/* One leg's row: a legs range's five columns, one option's price and greeks, and the leg's
 * share of the debit (dollars) and of the monthly cost (decimal of notional), signed. */
static void put_leg_row(alvh_result *out, size_t i, const alvh_put_spread *s, double mult,
                        double notional)
{
    const double qty = i == ALVH_SPREAD_LONG ? s->contracts : -s->contracts;
    const alvh_greeks *g = &s->legs[i];
    const double v[PSC_COLS] = {
        [PSC_STRIKE] = s->strikes[i], [PSC_QUANTITY] = qty, [PSC_YEARS] = s->years,
        [PSC_VOL] = s->vols[i], [PSC_PRICE] = g->price, [PSC_DELTA] = g->delta,
        [PSC_GAMMA] = g->gamma, [PSC_VEGA] = g->vega, [PSC_THETA] = g->theta,
        [PSC_DEBIT] = qty * g->price * mult,
        [PSC_MONTHLY_COST] = qty * s->leg_cost[i] / notional,
    };
    for (size_t c = PSC_STRIKE; c < PSC_COLS; ++c)
        alvh_result_set_number(out, i, c, v[c]);
}

static alvh_status eval_put_spread(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double val = a[PS_VALUATION].number, notional = a[PS_NOTIONAL].number, budget = 0.0;
    alvh_scenario_market m = {a[PS_SPOT].number, a[PS_VIX_SPOT].number, a[PS_RATE].number,
                              a[PS_DIV_YIELD].number};
    int y, mo, d;
    if (!isfinite(val) || alvh_ymd_from_serial(val, &y, &mo, &d) != ALVH_OK)
        return alvh_fail_rule(out, ALVH_E_DATE, "valuation", "a date (spreadsheet serial)", val);
    if (!alvh_positive_finite(m.spot))
        return alvh_fail_value(out, ALVH_E_SPOT, m.spot);
    if (!alvh_positive_finite(m.vix_spot))
        return alvh_fail_rule(out, ALVH_E_SPOT, "vix_spot", "a positive VIX level in points",
                              m.vix_spot);
    if (!alvh_positive_finite(notional))
        return alvh_fail_value(out, ALVH_E_NOTIONAL, notional);
    if (!isfinite(m.rate))
        return alvh_fail_value(out, ALVH_E_RATE, m.rate);
    if (!isfinite(m.div_yield))
        return alvh_fail_value(out, ALVH_E_DIV_YIELD, m.div_yield);
    alvh_policy p;
    alvh_status st = alvh_arg_policy(&a[PS_POLICY], &p, out);
    if (st == ALVH_OK)
        st = arg_budget(&a[PS_BUDGET], &p, notional, &budget, out);
    if (st != ALVH_OK)
        return st;
    alvh_put_spread s;
    st = alvh_put_spread_set(val, &m, notional, budget, &p, &s);
    if (st != ALVH_OK)
        return fail_spread(st, &p, m.div_yield, out);
    st = alvh_result_alloc(out, ALVH_SPREAD_LEGS, PSC_COLS);
    for (size_t i = 0; st == ALVH_OK && i < ALVH_SPREAD_LEGS; ++i) {
        st = alvh_result_set_text(out, i, PSC_TYPE, "P");
        put_leg_row(out, i, &s, p.spx_multiplier, notional);
    }
    return st;
}

static const alvh_arg_spec k_put_spread_args[] = {
    [PS_VALUATION] = {"valuation", "Valuation date-time, spreadsheet serial (US/Eastern), e.g. "
                      "46037 for 2026-01-15", ALVH_ARG_NUMBER, 0, 0, NULL},
    [PS_SPOT] = {"spot", "SPX now, points, e.g. 5000", ALVH_ARG_NUMBER, 0, 0, NULL},
    [PS_VIX_SPOT] = {"vix_spot", "Spot VIX in points, e.g. 16: the at-the-money vol is "
                     "backtest.vol_beta x VIX / 100", ALVH_ARG_NUMBER, 0, 0, NULL},
    [PS_NOTIONAL] = {"notional", "Condor notional in dollars as the policy's notional_basis "
                     "measures it (ALVH_NOTIONAL), e.g. 250000", ALVH_ARG_NUMBER, 0, 0, NULL},
    [PS_BUDGET] = {"budget", "Monthly cost to match, decimal of notional: the VIX layers' "
                   "ALVH_COST(...) for equal cost (sizing \"budget\", the default); unused with "
                   "sizing \"notional\" or \"contracts\"", ALVH_ARG_SCALAR, 1, 0, NULL},
    [PS_POLICY] = {"policy", "Policy: JSON text, " ALVH_POLICY_FILE_HELP ", or a 2-column "
                   "range of key/value rows (put_spread: deltas, days, roll_days, sizing; "
                   "backtest.vol_beta, skew and spx_strike_step; cost_method; rounding)",
                   ALVH_ARG_RANGE, 1, 0, NULL},
    [PS_RATE] = {"rate", "Risk-free rate, continuous decimal (0.045)", ALVH_ARG_NUMBER, 1, 0,
                 NULL},
    [PS_DIV_YIELD] = {"div_yield", "SPX dividend yield, continuous decimal (0.013)",
                      ALVH_ARG_NUMBER, 1, 0, NULL},
};
ALVH_CHECK_ARGS(k_put_spread_args, PS_NARGS);

const alvh_func alvh_fn_putspread[] = {
    {"ALVH_PUT_SPREAD", "Hedge",
     "The SPX put spread that may replace the VIX layers: long and short put at the policy's "
     "deltas on the condor's vol surface, sized by default to the layers' monthly cost",
     "2 rows (long put, short put) x 12 columns: type (\"P\"), strike, quantity (+ long, - "
     "short), years, vol (a legs range for ALVH_SCENARIO's hedge), then per ONE put: price "
     "(points), delta, gamma, vega, theta; then the leg's debit ($, negative for the short) and "
     "monthly cost (decimal of notional); SUM the last column for the spread's, as ALVH_COST",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_put_spread_args), eval_put_spread,
     "46037\t5000\t16\t5022500\t0.00949\n"
     "46037\t5000\t16\t5022500\t\t{\"put_spread\":{\"sizing\":\"contracts\",\"contracts\":10}}\t"
     "0.045\t0.013\n"
     "46037\t5000\t16\t250000\t\t{\"put_spread\":{\"sizing\":\"notional\",\"days\":45,"
     "\"roll_days\":14}}\n"},
};
ALVH_DEFINE_GROUP_COUNT(putspread);
