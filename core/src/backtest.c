/* backtest.c: the daily condor backtest, one row at a time through named steps, with one book
 * per hedge (alvh_backtest_book). The rules and the accounting identities are stated in
 * alvh/backtest.h (docs/backtest.md has the reasons); backtest_run.h lists the steps and the
 * seam a hedge kind plugs into (backtest_vix.c: the VIX call layers). */
#include "alvh/backtest.h"

#include <math.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/condor.h"
#include "alvh/dates.h"
#include "alvh/hedge.h"
#include "alvh/indicators.h"
#include "backtest_run.h"
#include "base.h"

/* Rows are closes: 16:00 US/Eastern of the row's date. */
static const double k_close = 16.0 / 24.0;

/* The hedge each book holds (NULL: none). A new hedge kind is one more book here. */
static const alvh_bt_hedge_kind *const k_book_hedge[ALVH_BACKTEST_BOOKS] = {
    [ALVH_BOOK_UNHEDGED] = NULL,
    [ALVH_BOOK_VIX_CALLS] = &alvh_bt_vix_calls,
    [ALVH_BOOK_PUT_SPREAD] = &alvh_bt_put_spread,
};

/* Whether a book's hedge trades (alvh/backtest.h, alvh_backtest_book): hedge_kind "none" stops
 * every hedge; otherwise all trade, or with compare_hedges false only hedge_kind's. */
static int hedge_trades(const alvh_policy *p, const alvh_bt_hedge_kind *kind)
{
    if (!kind || p->hedge_kind == ALVH_HEDGE_NONE)
        return 0;
    return p->backtest.compare_hedges || kind->kind == p->hedge_kind;
}

alvh_status alvh_bt_row_fail(const alvh_bt_run *r, alvh_status st, const char *what)
{
    /* The row's inputs: the value behind an overflow shows. */
    char in[160], a[32];
    size_t used = 0, i = r->row;
    alvh_format_number(a, sizeof a, r->d->spx[i]);
    int k = snprintf(in, sizeof in, "spx %s, vix ", a);
    used = k > 0 ? (size_t)k : 0;
    alvh_format_number(a, sizeof a, r->d->vix[i]);
    k = snprintf(in + used, sizeof in - used, "%s", a);
    used += k > 0 ? (size_t)k : 0;
    for (size_t f = 0; f < r->d->nfut && used < sizeof in; ++f) {
        alvh_format_number(a, sizeof a, r->d->fut[i * r->d->nfut + f]);
        k = snprintf(in + used, sizeof in - used, "%s%s", f ? ", " : ", futures ", a);
        used += k > 0 ? (size_t)k : 0;
    }
    return alvh_fail_text(r->err, r->errsize, st, "row %zu (%s): %s: %s", r->first_row + r->row,
                          in, what, alvh_status_message(st));
}

alvh_status alvh_bt_price_fail(const alvh_bt_run *r, alvh_status st)
{
    return alvh_bt_row_fail(r, st, "a position cannot be priced");
}

/* ---- the condor ----------------------------------------------------------------------------- */

/* The policy's relative smile, floored (alvh_smile_factor, condor.h). */
static double leg_vol(double atm, double skew, double strike, double spot)
{
    return atm * alvh_smile_factor(strike, spot, skew);
}

/* Value of one condor to buy back (points), and optionally its legs' vegas signed by position
 * (per vol point, points). years <= 0: the payoff. */
static alvh_status condor_value(const alvh_bt_run *r, const alvh_bt_condor *cp, double spot,
                                double vix, double years, double *value, double vegas[4])
{
    static const int kinds[4] = {ALVH_PUT, ALVH_PUT, ALVH_CALL, ALVH_CALL};
    static const double qty[4] = {+1, -1, -1, +1}; /* the condor as held: long wings */
    double v = 0;
    if (years <= 0) {
        for (int i = 0; i < 4; ++i) {
            v -= qty[i] * fmax(kinds[i] * (spot - cp->strikes[i]), 0.0);
            if (vegas)
                vegas[i] = 0;
        }
        *value = v;
        return ALVH_OK;
    }
    double atm = r->b->vol_beta * vix / 100.0;
    for (int i = 0; i < 4; ++i) {
        double vol = leg_vol(atm, r->b->skew, cp->strikes[i], spot);
        alvh_greeks g;
        alvh_status st = alvh_bsm_greeks(kinds[i], spot, cp->strikes[i], years, vol, r->p->rate,
                                         r->b->div_yield, &g);
        if (st != ALVH_OK)
            return st;
        v -= qty[i] * g.price; /* buying back: pay the shorts, receive the longs */
        if (vegas)
            vegas[i] = qty[i] * g.vega;
    }
    *value = v;
    return isfinite(v) ? ALVH_OK : ALVH_E_NOT_FINITE;
}

/* Strikes of a new condor: alvh_condor_strikes() (short strikes at the delta with the
 * at-the-money vol, moved away from spot to the grid, wings beyond). */
static alvh_status condor_strikes(const alvh_bt_run *r, double spot, double vix, double years,
                                  double strikes[4])
{
    const alvh_backtest_policy *b = r->b;
    return alvh_condor_strikes(spot, years, b->vol_beta * vix / 100.0, b->condor_delta,
                               b->wing_points, b->spx_strike_step, r->p->rate, b->div_yield,
                               strikes);
}

/* Fees of one condor trade (4 legs), charged to every book (they all trade it); dollars. */
static double condor_fee(alvh_bt_run *r)
{
    double fee = 4.0 * r->b->condor_contracts * r->b->cost_spx;
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k)
        r->s->costs[k] += fee;
    return fee;
}

/* Step 2: buy the condor back when it can be for at most (1 - take_profit) x its credit, or
 * when days to expiry <= close_days. Leaves its value at the close in r->condor.value. */
static alvh_status manage_condor(alvh_bt_run *r, alvh_backtest_day *day)
{
    const alvh_backtest_policy *b = r->b;
    alvh_bt_condor *cp = &r->condor;
    if (!cp->open)
        return ALVH_OK;
    double years = (cp->expiry - r->t) / 365.0;
    alvh_status st = condor_value(r, cp, r->spot, r->vix, years, &cp->value, NULL);
    if (st != ALVH_OK)
        return alvh_bt_price_fail(r, st);
    int take = b->take_profit > 0 && cp->value <= (1.0 - b->take_profit) * cp->credit;
    int late = b->close_days > 0 && cp->expiry - r->t <= b->close_days;
    if (take || late) {
        double fee = condor_fee(r);
        r->cash -= cp->value * r->p->spx_multiplier * b->condor_contracts + fee;
        r->s->condor_wins += cp->value < cp->credit;
        cp->open = 0;
        day->events |= ALVH_BT_CONDOR_CLOSE;
    }
    return ALVH_OK;
}

/* Step 3: open a condor on the first row, then when none is open and open_every_days have
 * passed; size the hedges on it (r->notional, r->condor_vega). */
static alvh_status open_condor(alvh_bt_run *r, alvh_backtest_day *day)
{
    const alvh_backtest_policy *b = r->b;
    const double m = r->p->spx_multiplier, nc = b->condor_contracts;
    alvh_bt_condor *cp = &r->condor;
    const double today = floor(r->d->date[r->row]);
    int due = !cp->open && (!cp->opened_any || today - cp->last_open >= b->open_every_days);
    if (!due)
        return ALVH_OK;
    /* SPX options list an expiry every business day (SPXW): the first business day on or after
     * condor_days calendar days, at the close. */
    double e = today + b->condor_days;
    for (int guard = 0; guard < 10 && !alvh_is_business_day(e); ++guard)
        e += 1;
    cp->expiry = e + k_close;
    alvh_status st = condor_strikes(r, r->spot, r->vix, (cp->expiry - r->t) / 365.0, cp->strikes);
    if (st != ALVH_OK)
        return alvh_bt_row_fail(r, st, "the condor's strikes cannot be placed");
    double vegas[4];
    st = condor_value(r, cp, r->spot, r->vix, (cp->expiry - r->t) / 365.0, &cp->credit, vegas);
    if (st != ALVH_OK)
        return alvh_bt_price_fail(r, st);
    double fee = condor_fee(r);
    r->cash += cp->credit * m * nc - fee;
    cp->open = 1;
    cp->opened_any = 1;
    cp->last_open = today;
    r->s->condors += 1;
    day->events |= ALVH_BT_CONDOR_OPEN;
    cp->value = cp->credit;
    st = alvh_hedge_notional(cp->strikes, cp->credit, nc, r->p, &r->notional);
    if (st == ALVH_OK)
        st = alvh_condor_vix_vega(vegas, 4, nc, b->vol_beta, NULL, r->vix, m, &r->condor_vega);
    if (st != ALVH_OK)
        return alvh_bt_row_fail(r, st, "the hedge cannot be sized on this condor");
    return ALVH_OK;
}

/* ---- the daily steps ------------------------------------------------------------------------ */

/* The row's market, curve, signal and events; the day cleared. */
static alvh_backtest_day *begin_row(alvh_bt_run *r, size_t i)
{
    const alvh_backtest_data *d = r->d;
    r->row = i;
    r->quotes[0] = d->vix[i]; /* the curve: spot VIX at tenor 0, then the quotes */
    for (size_t k = 0; k < d->nfut; ++k)
        r->quotes[k + 1] = d->fut[i * d->nfut + k];
    r->t = floor(d->date[i]) + k_close;
    r->spot = d->spx[i];
    r->vix = d->vix[i];
    r->signal = r->b->use_signals && i >= r->first_signal && r->triggers[i] != 0;
    r->condor.value = 0;
    alvh_backtest_day *day = &r->days[i];
    memset(day, 0, sizeof *day);
    if (r->vix > r->b->high_vix)
        day->events |= ALVH_BT_HIGH_VIX;
    if (i > 0 && r->vix >= (1.0 + r->b->spike_rise) * d->vix[i - 1])
        day->events |= ALVH_BT_SPIKE;
    return day;
}

/* Step 1: what expires by this close is settled at its payoff: the condor, then the hedges. */
static void settle_expiries(alvh_bt_run *r, alvh_backtest_day *day)
{
    alvh_bt_condor *cp = &r->condor;
    if (cp->open && r->t >= cp->expiry) {
        double payoff = 0;
        condor_value(r, cp, r->spot, r->vix, 0.0, &payoff, NULL);
        r->cash -= payoff * r->p->spx_multiplier * r->b->condor_contracts;
        r->s->condor_wins += payoff < cp->credit;
        cp->open = 0;
        day->events |= ALVH_BT_CONDOR_EXPIRE;
    }
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k)
        if (r->book[k].hedge)
            r->book[k].hedge->settle(r, &r->book[k], day);
}

/* Step 4: each book's hedge buys, rolls or re-strikes. */
static alvh_status roll_hedges(alvh_bt_run *r, alvh_backtest_day *day)
{
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k)
        if (r->book[k].hedge) {
            alvh_status st = r->book[k].hedge->roll(r, &r->book[k], day);
            if (st != ALVH_OK)
                return st;
        }
    return ALVH_OK;
}

/* Step 5a: the marks at the close: the condor (its value to buy back, as a liability) and each
 * book's hedge; *condor_mark in dollars, <= 0. */
static alvh_status mark_books(alvh_bt_run *r, alvh_backtest_day *day, double *condor_mark)
{
    const alvh_bt_condor *cp = &r->condor;
    *condor_mark = 0;
    if (cp->open) {
        *condor_mark = -cp->value * r->p->spx_multiplier * r->b->condor_contracts;
        memcpy(day->condor_strikes, cp->strikes, sizeof cp->strikes);
        day->condor_expiry = cp->expiry;
    }
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k)
        if (r->book[k].hedge) {
            alvh_status st = r->book[k].hedge->mark(r, &r->book[k], day);
            if (st != ALVH_OK)
                return st;
        }
    return ALVH_OK;
}

/* A book's equity: the condor's cash and mark, plus its hedge's cash and mark. */
static double book_equity(const alvh_bt_run *r, const alvh_bt_book *book, double condor_mark)
{
    if (!book->hedge)
        return r->cash + condor_mark;
    return (r->cash + book->hedge_cash) + condor_mark + book->hedge_mark;
}

/* Step 5b: each book's equity, drawdown and running measures; the day's columns. */
static alvh_status score_books(alvh_bt_run *r, alvh_backtest_day *day, double condor_mark)
{
    alvh_backtest_summary *s = r->s;
    alvh_bt_book *u = &r->book[ALVH_BOOK_UNHEDGED], *h = &r->book[ALVH_BOOK_VIX_CALLS];
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k)
        r->book[k].equity = book_equity(r, &r->book[k], condor_mark);
    day->cash_unhedged = r->cash;
    day->condor_mark = condor_mark;
    day->cash_hedged = r->cash + h->hedge_cash;
    day->hedge_mark = h->hedge_mark;
    day->equity_unhedged = u->equity;
    day->equity_hedged = h->equity;
    day->hedge_pnl = h->equity - u->equity;
    day->condor_pnl = u->equity - u->prev_equity;
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
        alvh_bt_book *bk = &r->book[k];
        if (!isfinite(bk->equity))
            return alvh_bt_row_fail(r, ALVH_E_NOT_FINITE, "the equity is not a finite number");
        bk->peak = fmax(bk->peak, bk->equity);
        bk->drawdown = bk->peak > 0 ? bk->equity / bk->peak - 1.0 : -1.0;
        s->max_drawdown[k] = fmin(s->max_drawdown[k], bk->drawdown);
        if (r->row > 0 && bk->prev_equity > 0)
            s->worst_day[k] = fmin(s->worst_day[k], bk->equity / bk->prev_equity - 1.0);
        if (day->events & ALVH_BT_HIGH_VIX) {
            s->high_vix_drawdown[k] = fmin(s->high_vix_drawdown[k], bk->drawdown);
            s->high_vix_pnl[k] += bk->equity - bk->prev_equity;
            s->high_vix_loss[k] += fmax(bk->prev_equity - bk->equity, 0.0);
        }
        bk->prev_equity = bk->equity;
        day->book_equity[k] = bk->equity;
        day->book_drawdown[k] = bk->drawdown;
        day->book_cash[k] = r->cash + bk->hedge_cash;
        day->book_hedge_mark[k] = bk->hedge_mark;
        day->book_hedge_pnl[k] = bk->equity - u->equity;
        day->book_hedge_day_pnl[k] = bk->hedge_day_pnl;
        day->book_premium[k] = bk->premium;
    }
    day->drawdown_unhedged = u->drawdown;
    day->drawdown_hedged = h->drawdown;
    if (day->events & ALVH_BT_HIGH_VIX)
        s->high_vix_days += 1;
    if (day->events & ALVH_BT_SPIKE) {
        s->spike_days += 1;
        r->spike_condor_loss -= day->condor_pnl;
        r->spike_front += day->front_pnl;
        for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k)
            r->spike_book[k] += r->book[k].hedge_day_pnl;
    }
    r->notional_sum += r->notional;
    day->notional = r->notional;
    return ALVH_OK;
}

/* One row: the steps in order. */
static alvh_status run_row(alvh_bt_run *r, size_t i)
{
    alvh_backtest_day *day = begin_row(r, i);
    settle_expiries(r, day);
    alvh_status st = manage_condor(r, day);
    if (st == ALVH_OK)
        st = open_condor(r, day);
    if (st == ALVH_OK)
        st = roll_hedges(r, day);
    double condor_mark = 0;
    if (st == ALVH_OK)
        st = mark_books(r, day, &condor_mark);
    if (st == ALVH_OK)
        st = score_books(r, day, condor_mark);
    return st;
}

/* ---- the run -------------------------------------------------------------------------------- */

/* The triggers for the whole series (alvh_signal(), with the A/D line when breadth is given);
 * none when use_signals is off or the series is too short for any. */
static alvh_status compute_signals(alvh_bt_run *r)
{
    const alvh_backtest_data *d = r->d;
    const size_t n = d->n;
    r->first_signal = n;
    if (!r->b->use_signals)
        return ALVH_OK;
    r->triggers = calloc(n, sizeof *r->triggers);
    if (d->advancers)
        r->ad = malloc(n * sizeof *r->ad);
    if (!r->triggers || (d->advancers && !r->ad))
        return alvh_fail_text(r->err, r->errsize, ALVH_E_NO_MEMORY, "out of memory");
    alvh_status st = ALVH_OK;
    if (r->ad)
        st = alvh_ad_line(d->advancers, d->decliners, n, r->ad);
    if (st == ALVH_OK)
        st = alvh_signal(d->vix, r->ad, r->ad ? d->spx : NULL, n, &r->p->signals, r->triggers,
                         &r->first_signal);
    if (st == ALVH_E_SHORT_SERIES) {
        r->first_signal = n; /* too short for any trigger: none fires */
        st = ALVH_OK;
    }
    if (st != ALVH_OK)
        return alvh_fail_text(r->err, r->errsize, st, "signals: %s", alvh_status_message(st));
    return ALVH_OK;
}

/* The books at the start (equity = capital) and the summary's running measures. */
static void start_books(alvh_bt_run *r)
{
    const double capital = r->b->capital;
    alvh_backtest_summary *s = r->s;
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
        alvh_bt_book *bk = &r->book[k];
        bk->id = (alvh_backtest_book)k;
        bk->hedge = hedge_trades(r->p, k_book_hedge[k]) ? k_book_hedge[k] : NULL;
        bk->prev_equity = bk->peak = capital;
    }
    r->cash = capital;
    r->condor.last_open = -1e300;
    memset(s, 0, sizeof *s);
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k)
        s->worst_day[k] = s->high_vix_drawdown[k] = (double)INFINITY;
}

/* Each book's hedge measures (the summary's book_* arrays), as the scalars define them for the
 * VIX book. */
static void finish_books(alvh_bt_run *r)
{
    alvh_backtest_summary *s = r->s;
    const alvh_bt_book *u = &r->book[ALVH_BOOK_UNHEDGED];
    const double hvd_u = s->high_vix_drawdown[u->id], loss_u = s->high_vix_loss[u->id];
    const double months = s->years * 12.0, loss = r->spike_condor_loss;
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
        const alvh_bt_book *bk = &r->book[k];
        s->book_high_vix_reduction[k] =
            hvd_u < 0 ? 1.0 - s->high_vix_drawdown[k] / hvd_u : (double)NAN;
        s->book_high_vix_loss_reduction[k] =
            loss_u > 0 ? 1.0 - s->high_vix_loss[k] / loss_u : (double)NAN;
        s->book_hedge_pnl[k] = bk->prev_equity - u->prev_equity;
        s->book_hedge_premium[k] = bk->premium;
        if (months > 0 && s->average_notional > 0) {
            s->book_hedge_premium_month[k] = bk->premium / months / s->average_notional;
            s->book_hedge_cost_month[k] =
                (0.0 - s->book_hedge_pnl[k]) / months / s->average_notional;
        } else {
            s->book_hedge_premium_month[k] = s->book_hedge_cost_month[k] = (double)NAN;
        }
        s->book_spike_ratio[k] = loss > 0 ? r->spike_book[k] / loss : (double)NAN;
    }
}

/* The summary from the books after the last row. The VIX book's scalars are its book_* entries
 * (the same operations, so the same bits). */
static void finish_summary(alvh_bt_run *r)
{
    alvh_backtest_summary *s = r->s;
    const alvh_backtest_data *d = r->d;
    const size_t n = d->n;
    s->rows = (double)n;
    s->years = (floor(d->date[n - 1]) - floor(d->date[0])) / 365.0;
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
        s->total_return[k] = r->book[k].prev_equity / r->b->capital - 1.0;
        if (!isfinite(s->worst_day[k]))
            s->worst_day[k] = (double)NAN;
        if (!isfinite(s->high_vix_drawdown[k]))
            s->high_vix_drawdown[k] = (double)NAN;
    }
    s->average_notional = r->notional_sum / (double)n;
    finish_books(r);
    const int h = ALVH_BOOK_VIX_CALLS;
    s->high_vix_reduction = s->book_high_vix_reduction[h];
    s->high_vix_loss_reduction = s->book_high_vix_loss_reduction[h];
    s->hedge_pnl = s->book_hedge_pnl[h];
    s->hedge_premium = s->book_hedge_premium[h];
    s->hedge_premium_month = s->book_hedge_premium_month[h];
    s->hedge_cost_month = s->book_hedge_cost_month[h];
    const double loss = r->spike_condor_loss;
    s->spike_ratio_front = loss > 0 ? r->spike_front / loss : (double)NAN;
    s->spike_ratio_hedge = s->book_spike_ratio[h];
}

alvh_status alvh_backtest_run(const alvh_backtest_data *d, const alvh_policy *p,
                              size_t first_row, alvh_backtest_day *days,
                              alvh_backtest_summary *s, char *err, size_t errsize)
{
    if (err && errsize)
        err[0] = '\0';
    if (!p || !days || !s)
        return alvh_fail_text(err, errsize, ALVH_E_ARGUMENT, "backtest: missing output");
    alvh_status st = alvh_backtest_check(d, p->backtest.max_gap_days, first_row, err, errsize);
    if (st != ALVH_OK)
        return st;
    if (p->sizing != ALVH_SIZING_RULE)
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_VALUE,
            "the backtest sizes layers by the rule only: policy key \"sizing\" must be "
            "\"rule\"");

    alvh_bt_run r;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.p = p;
    r.b = &p->backtest;
    r.days = days;
    r.s = s;
    r.first_row = first_row;
    r.err = err;
    r.errsize = errsize;
    r.tenors[0] = 0.0;
    for (size_t k = 0; k < d->nfut; ++k)
        r.tenors[k + 1] = d->fut_days[k] / 365.0;
    st = compute_signals(&r);
    if (st == ALVH_OK) {
        start_books(&r);
        for (size_t i = 0; st == ALVH_OK && i < d->n; ++i)
            st = run_row(&r, i);
    }
    free(r.triggers);
    free(r.ad);
    if (st == ALVH_OK)
        finish_summary(&r);
    return st;
}
