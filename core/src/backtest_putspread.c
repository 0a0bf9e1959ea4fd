/* backtest_putspread.c: the backtest's SPX put spread hedge as a hedge kind of the run
 * (backtest_run.h): settle the spread at expiry, buy and roll it by the policy's put_spread keys
 * (alvh_put_spread_set(), sized by default on the VIX layers' monthly cost that day), mark it at
 * the close on the condor's vol surface. The rules are stated in alvh/backtest.h and
 * alvh/putspread.h. */
#include <math.h>
#include <stdio.h>

#include "alvh/hedge.h"
#include "alvh/putspread.h"
#include "backtest_run.h"

/* The row's market for SPX options: the closes, the policy's rate, backtest.div_yield. */
static alvh_scenario_market row_market(const alvh_bt_run *r)
{
    alvh_scenario_market m = {r->spot, r->vix, r->p->rate, r->b->div_yield};
    return m;
}

/* Dollars of one trade of n spreads: two SPX options each. */
static double spread_fee(const alvh_bt_run *r, double n)
{
    return 2.0 * n * r->b->cost_spx;
}

/* Step 1: a spread still held at expiry pays max(K_long - SPX, 0) - max(K_short - SPX, 0) on the
 * row's close; it is re-bought in step 4. */
static void settle(alvh_bt_run *r, alvh_bt_book *book, alvh_backtest_day *day)
{
    alvh_bt_spread *sp = &book->pos.spread;
    if (!(sp->held && sp->contracts > 0 && r->t >= sp->expiry))
        return;
    double payoff = fmax(sp->strikes[ALVH_SPREAD_LONG] - r->spot, 0.0) -
                    fmax(sp->strikes[ALVH_SPREAD_SHORT] - r->spot, 0.0);
    sp->cash += payoff * r->p->spx_multiplier * sp->contracts;
    sp->contracts = 0;
    sp->held = 0;
    day->put_events |= ALVH_BT_PUT_EXPIRE;
}

/* The VIX layers' monthly cost on this row in dollars, the budget of sizing "budget": the layer
 * schedule on the latest condor (as the VIX book would set it today), ALVH_COST x notional. */
static alvh_status vix_budget(const alvh_bt_run *r, double *budget)
{
    alvh_layer_row rows[ALVH_LAYERS];
    int bad = 0;
    alvh_curve curve = {r->tenors + 1, r->quotes + 1, r->d->nfut};
    alvh_status st = alvh_hedge_schedule(r->t, r->vix, r->notional, r->condor_vega, r->p, &curve,
                                         rows, &bad);
    if (st != ALVH_OK) {
        char what[96];
        snprintf(what, sizeof what, "the VIX layers' cost cannot be set for the put spread's "
                 "budget (layer %d)", bad);
        return alvh_bt_row_fail(r, st, what);
    }
    double cost = 0.0;
    for (int l = 0; l < ALVH_LAYERS; ++l)
        cost += rows[l].monthly_cost;
    *budget = cost * r->notional;
    return ALVH_OK;
}

/* Step 4: when no spread is held or it is due to roll (days to expiry <= roll_days), the one
 * held is sold at its model value and a new one bought. */
static alvh_status roll(alvh_bt_run *r, alvh_bt_book *book, alvh_backtest_day *day)
{
    alvh_bt_spread *sp = &book->pos.spread;
    const alvh_policy *p = r->p;
    const double mult = p->spx_multiplier;
    int due = !sp->held || sp->expiry - r->t <= p->put_spread.roll_days;
    if (!due || !(r->notional > 0))
        return ALVH_OK;
    double budget = 0.0;
    if (p->put_spread.sizing == ALVH_SPREAD_BUDGET) {
        alvh_status st = vix_budget(r, &budget);
        if (st != ALVH_OK)
            return st;
    }
    alvh_scenario_market m = row_market(r);
    alvh_put_spread ps;
    alvh_status st = alvh_put_spread_set(r->t, &m, r->notional, budget, p, &ps);
    if (st == ALVH_E_NO_CARRY) /* no budget sizes a spread that costs nothing: buy none */
        st = alvh_put_spread_set(r->t, &m, r->notional, 0.0, p, &ps);
    if (st != ALVH_OK)
        return alvh_bt_row_fail(r, st, "the put spread cannot be set");
    if (sp->held && sp->contracts > 0) { /* sell what is held */
        double px = 0;
        st = alvh_put_spread_value(sp->strikes, (sp->expiry - r->t) / 365.0, &m, p, &px);
        if (st != ALVH_OK)
            return alvh_bt_price_fail(r, st);
        double fee = spread_fee(r, sp->contracts);
        sp->cash += px * mult * sp->contracts - fee;
        r->s->costs[book->id] += fee;
    }
    sp->held = 1;
    sp->contracts = ps.contracts;
    sp->strikes[ALVH_SPREAD_LONG] = ps.strikes[ALVH_SPREAD_LONG];
    sp->strikes[ALVH_SPREAD_SHORT] = ps.strikes[ALVH_SPREAD_SHORT];
    sp->expiry = ps.expiry;
    double fee = spread_fee(r, ps.contracts);
    double debit = ps.spread.price * mult * ps.contracts;
    sp->cash -= debit + fee;
    book->premium += debit + fee;
    r->s->costs[book->id] += fee;
    day->put_events |= ALVH_BT_PUT_TRADE;
    return ALVH_OK;
}

/* Step 5: the spread at the close and the row's P&L of the hedge. */
static alvh_status mark(alvh_bt_run *r, alvh_bt_book *book, alvh_backtest_day *day)
{
    alvh_bt_spread *sp = &book->pos.spread;
    double mark = 0;
    if (sp->held && sp->contracts > 0) {
        alvh_scenario_market m = row_market(r);
        double px = 0;
        alvh_status st = alvh_put_spread_value(sp->strikes, (sp->expiry - r->t) / 365.0, &m, r->p,
                                               &px);
        if (st != ALVH_OK)
            return alvh_bt_price_fail(r, st);
        mark = px * r->p->spx_multiplier * sp->contracts;
    }
    book->hedge_mark = mark;
    book->hedge_cash = sp->cash;
    double value = sp->cash + mark;
    book->hedge_day_pnl = value - sp->value;
    sp->value = value;
    if (sp->held) {
        day->put_contracts = sp->contracts;
        day->put_long_strike = sp->strikes[ALVH_SPREAD_LONG];
        day->put_short_strike = sp->strikes[ALVH_SPREAD_SHORT];
        day->put_expiry = sp->expiry;
    }
    return ALVH_OK;
}

const alvh_bt_hedge_kind alvh_bt_put_spread = {"spx_put_spread", settle, roll, mark,
                                                ALVH_HEDGE_SPX_PUT_SPREAD};
