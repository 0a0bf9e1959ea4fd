/* backtest_vix.c: the backtest's VIX call hedge (the three ALVH layers) as a hedge kind of the
 * run (backtest_run.h): settle the layers at expiry, buy and roll them by the layer schedule
 * (alvh_hedge_schedule(), re-striking layer 1 on a signal), mark them at the close. The rules
 * are stated in alvh/backtest.h. */
#include <math.h>
#include <stdio.h>

#include "alvh/black.h"
#include "alvh/hedge.h"
#include "alvh/vixcurve.h"
#include "backtest_run.h"

#define LAYERS ALVH_LAYERS

/* The VIX future `years` ahead on the row's curve: the quotes with spot VIX at tenor 0, or the
 * policy's model curve without quotes. */
static alvh_status future_at(const alvh_bt_run *r, double years, double *future)
{
    if (r->d->nfut > 0)
        return alvh_vix_future_curve(years, r->tenors, r->quotes, r->d->nfut + 1, future);
    return alvh_vix_future_model(years, r->quotes[0], r->p->vix_long_run, r->p->vix_speed,
                                 future);
}

/* Layer i's call at the row's close, VIX points per option: Black-76 on the future, or the
 * payoff on spot VIX at or after expiry. */
static alvh_status layer_price(const alvh_bt_run *r, const alvh_bt_layer *l, int i,
                               double *price)
{
    double years = (l->expiry - r->t) / 365.0;
    if (years <= 0) {
        *price = fmax(r->quotes[0] - l->strike, 0.0);
        return ALVH_OK;
    }
    double f = 0;
    alvh_status st = future_at(r, years, &f);
    if (st != ALVH_OK)
        return st;
    return alvh_black76_price(ALVH_CALL, f, l->strike, years, r->p->layers[i].vol_of_vol,
                              r->p->rate, price);
}

/* Step 1: a layer still held at expiry pays max(VIX - strike, 0); it is re-bought in step 4. */
static void settle(alvh_bt_run *r, alvh_bt_book *book, alvh_backtest_day *day)
{
    alvh_bt_layer *lay = book->pos.layer;
    const double vm = r->p->vix_multiplier;
    for (int l = 0; l < LAYERS; ++l)
        if (lay[l].held && lay[l].contracts > 0 && r->t >= lay[l].expiry) {
            lay[l].cash += fmax(r->vix - lay[l].strike, 0.0) * vm * lay[l].contracts;
            lay[l].contracts = 0;
            lay[l].held = 0;
            day->events |= ALVH_BT_LAYER_EXPIRE;
        }
}

/* Sells what layer l holds (if anything) and buys the schedule's row in its place. */
static alvh_status trade_layer(alvh_bt_run *r, alvh_bt_book *book, int l,
                               const alvh_layer_row *row)
{
    alvh_bt_layer *lay = &book->pos.layer[l];
    const double vm = r->p->vix_multiplier, cost = r->b->cost_vix;
    if (lay->held && lay->contracts > 0) { /* sell what is held */
        double px = 0;
        alvh_status st = layer_price(r, lay, l, &px);
        if (st != ALVH_OK)
            return alvh_bt_price_fail(r, st);
        double fee = lay->contracts * cost;
        lay->cash += px * vm * lay->contracts - fee;
        r->s->costs[book->id] += fee;
    }
    lay->held = 1;
    lay->contracts = row->contracts;
    lay->strike = row->strike;
    lay->expiry = row->expiry;
    double fee = row->contracts * cost;
    double debit = row->price * vm * row->contracts;
    lay->cash -= debit + fee;
    book->premium += debit + fee;
    r->s->costs[book->id] += fee;
    return ALVH_OK;
}

/* Step 4: when a layer is missing, due to roll (days to expiry <= roll_days), or layer 1 is
 * re-struck on a signal, the schedule is set on the latest condor and those layers traded. */
static alvh_status roll(alvh_bt_run *r, alvh_bt_book *book, alvh_backtest_day *day)
{
    alvh_bt_layer *lay = book->pos.layer;
    const alvh_policy *p = r->p;
    int need = 0;
    for (int l = 0; l < LAYERS; ++l)
        need |= !lay[l].held || lay[l].expiry - r->t <= p->layers[l].roll_days ||
                (l == 0 && r->signal);
    if (!need || !(r->notional > 0))
        return ALVH_OK;
    alvh_layer_row rows[LAYERS];
    int bad = 0;
    alvh_curve curve = {r->tenors + 1, r->quotes + 1, r->d->nfut};
    alvh_status st =
        alvh_hedge_schedule(r->t, r->vix, r->notional, r->condor_vega, p, &curve, rows, &bad);
    if (st != ALVH_OK) {
        char what[64];
        snprintf(what, sizeof what, "the hedge layers cannot be set (layer %d)", bad);
        return alvh_bt_row_fail(r, st, what);
    }
    for (int l = 0; l < LAYERS; ++l) {
        int due = lay[l].held && lay[l].expiry - r->t <= p->layers[l].roll_days;
        int restrike = l == 0 && r->signal && lay[l].held;
        if (lay[l].held && !due && !restrike)
            continue;
        st = trade_layer(r, book, l, &rows[l]);
        if (st != ALVH_OK)
            return st;
        day->events |= ALVH_BT_LAYER_TRADE;
        if (restrike)
            day->events |= ALVH_BT_SIGNAL;
    }
    return ALVH_OK;
}

/* Step 5: the layers at the close; the day's P&L of layer 1 and of all layers. */
static alvh_status mark(alvh_bt_run *r, alvh_bt_book *book, alvh_backtest_day *day)
{
    alvh_bt_layer *lay = book->pos.layer;
    const double vm = r->p->vix_multiplier;
    double hedge_mark = 0, hedge_cash = 0, value[LAYERS];
    for (int l = 0; l < LAYERS; ++l) {
        lay[l].mark = 0;
        if (lay[l].held && lay[l].contracts > 0) {
            double px = 0;
            alvh_status st = layer_price(r, &lay[l], l, &px);
            if (st != ALVH_OK)
                return alvh_bt_price_fail(r, st);
            lay[l].mark = px * vm * lay[l].contracts;
        }
        hedge_mark += lay[l].mark;
        hedge_cash += lay[l].cash;
        value[l] = lay[l].cash + lay[l].mark;
        day->layer_contracts[l] = lay[l].contracts;
        day->layer_strike[l] = lay[l].held ? lay[l].strike : 0;
        day->layer_expiry[l] = lay[l].held ? lay[l].expiry : 0;
    }
    book->hedge_mark = hedge_mark;
    book->hedge_cash = hedge_cash;
    day->front_pnl = value[0] - lay[0].value;
    day->hedge_day_pnl = 0;
    for (int l = 0; l < LAYERS; ++l) {
        day->hedge_day_pnl += value[l] - lay[l].value;
        lay[l].value = value[l];
    }
    book->hedge_day_pnl = day->hedge_day_pnl;
    return ALVH_OK;
}

const alvh_bt_hedge_kind alvh_bt_vix_calls = {"vix_calls", settle, roll, mark,
                                                ALVH_HEDGE_VIX_CALLS};
