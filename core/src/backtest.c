/* backtest.c: the daily condor backtest with and without the layered VIX hedge. The rules and
 * the accounting identities are stated in alvh/backtest.h; docs/backtest.md has the reasons. */
#include "alvh/backtest.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/condor.h"
#include "alvh/dates.h"
#include "alvh/hedge.h"
#include "alvh/indicators.h"
#include "alvh/vixcurve.h"
#include "base.h"

/* Rows are closes: 16:00 US/Eastern of the row's date. */
static const double k_close = 16.0 / 24.0;
/* Latest serial date the data may hold: 9999-12-31. */
static const double k_last_serial = 2958465.0;

#define LAYERS ALVH_LAYERS

/* ---- messages ----------------------------------------------------------------------------- */

/* YYYY-MM-DD of a serial, or the number when out of range. */
static void iso(char *buf, size_t size, double serial)
{
    int y = 0, m = 0, d = 0;
    if (isfinite(serial) && alvh_ymd_from_serial(serial, &y, &m, &d) == ALVH_OK)
        snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
    else
        alvh_format_number(buf, size, serial);
}

/* ---- data check ----------------------------------------------------------------------------- */

alvh_status alvh_backtest_check(const alvh_backtest_data *d, double max_gap_days,
                                size_t first_row, char *err, size_t errsize)
{
    char a[40], b[40];
    if (!d || !d->date || !d->spx || !d->vix)
        return alvh_fail_text(err, errsize, ALVH_E_ARGUMENT, "market data is missing");
    if (d->n < ALVH_BACKTEST_MIN_ROWS)
        return alvh_fail_text(err, errsize, ALVH_E_DATA_SHORT,
                              "a backtest needs at least %d rows of market data, got %zu",
                              ALVH_BACKTEST_MIN_ROWS, d->n);
    if (d->nfut > ALVH_BACKTEST_MAX_FUTURES || (d->nfut > 0 && (!d->fut || !d->fut_days)))
        return alvh_fail_text(err, errsize, ALVH_E_DATA_FORMAT,
                              "at most %d futures tenors are read, got %zu",
                              ALVH_BACKTEST_MAX_FUTURES, d->nfut);
    for (size_t k = 0; k < d->nfut; ++k)
        if (!isfinite(d->fut_days[k]) || d->fut_days[k] <= 0 ||
            (k > 0 && d->fut_days[k] <= d->fut_days[k - 1])) {
            alvh_format_number(a, sizeof a, d->fut_days[k]);
            return alvh_fail_text(
                err, errsize, ALVH_E_DATA_FORMAT,
                "futures tenor %zu must be a positive number of days, larger than the "
                "one before, got %s",
                k + 1, a);
        }
    if ((d->advancers == NULL) != (d->decliners == NULL))
        return alvh_fail_text(err, errsize, ALVH_E_DATA_FORMAT,
                              "advancers and decliners must be given together");
    if (!isfinite(max_gap_days) || max_gap_days < 1)
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE, "max_gap_days must be at least 1");
    for (size_t i = 0; i < d->n; ++i) {
        size_t row = first_row + i;
        double t = d->date[i];
        if (!isfinite(t) || t < 1 || t > k_last_serial) {
            alvh_format_number(a, sizeof a, t);
            return alvh_fail_text(
                err, errsize, ALVH_E_DATA_VALUE,
                "row %zu: date must be a date (a serial from 1 to 2958465), got %s", row, a);
        }
        if (i > 0) {
            double prev = d->date[i - 1];
            if (t <= prev) {
                iso(a, sizeof a, t);
                iso(b, sizeof b, prev);
                return alvh_fail_text(
                    err, errsize, ALVH_E_DATA_ORDER,
                    "row %zu: date %s is not after the previous row's %s (dates must be "
                    "sorted, oldest first, without repeats)",
                    row, a, b);
            }
            if (t - prev > max_gap_days) {
                iso(a, sizeof a, prev);
                iso(b, sizeof b, t);
                char g[40], m[40];
                alvh_format_number(g, sizeof g, t - prev);
                alvh_format_number(m, sizeof m, max_gap_days);
                return alvh_fail_text(
                    err, errsize, ALVH_E_DATA_GAP,
                    "row %zu: %s days from %s to %s; gaps above %s days are missing days "
                    "(policy backtest.max_gap_days)",
                    row, g, a, b, m);
            }
        }
        if (!isfinite(d->spx[i]) || d->spx[i] <= 0) {
            alvh_format_number(a, sizeof a, d->spx[i]);
            return alvh_fail_text(err, errsize, ALVH_E_DATA_VALUE,
                                  "row %zu: spx must be a positive price, got %s", row, a);
        }
        if (!isfinite(d->vix[i]) || d->vix[i] <= 0) {
            alvh_format_number(a, sizeof a, d->vix[i]);
            return alvh_fail_text(err, errsize, ALVH_E_DATA_VALUE,
                                  "row %zu: vix must be a positive level, got %s", row, a);
        }
        for (size_t k = 0; k < d->nfut; ++k) {
            double f = d->fut[i * d->nfut + k];
            if (!isfinite(f) || f <= 0) {
                alvh_format_number(a, sizeof a, f);
                alvh_format_number(b, sizeof b, d->fut_days[k]);
                return alvh_fail_text(err, errsize, ALVH_E_DATA_VALUE,
                                      "row %zu: fut_%s must be a positive price, got %s", row, b,
                                      a);
            }
        }
        if (d->advancers) {
            const double *col[2] = {d->advancers, d->decliners};
            const char *name[2] = {"advancers", "decliners"};
            for (int c = 0; c < 2; ++c)
                if (!isfinite(col[c][i]) || col[c][i] < 0) {
                    alvh_format_number(a, sizeof a, col[c][i]);
                    return alvh_fail_text(err, errsize, ALVH_E_DATA_VALUE,
                                          "row %zu: %s must be a count, zero or more, got %s", row,
                                          name[c], a);
                }
        }
    }
    return ALVH_OK;
}

/* ---- summary measures ------------------------------------------------------------------------ */

#define M(name, doc, field) {name, doc, offsetof(alvh_backtest_summary, field)}
static const alvh_backtest_measure k_measures[] = {
    M("rows", "rows of market data", rows),
    M("years", "years from the first to the last date (ACT/365)", years),
    M("total_return_unhedged", "final equity / capital - 1, decimal", total_return[0]),
    M("total_return_hedged", "final equity / capital - 1, decimal", total_return[1]),
    M("max_drawdown_unhedged", "lowest equity / running peak - 1, decimal (<= 0)",
      max_drawdown[0]),
    M("max_drawdown_hedged", "lowest equity / running peak - 1, decimal (<= 0)", max_drawdown[1]),
    M("worst_day_unhedged", "lowest equity / previous equity - 1, decimal", worst_day[0]),
    M("worst_day_hedged", "lowest equity / previous equity - 1, decimal", worst_day[1]),
    M("high_vix_days", "rows with VIX above backtest.high_vix", high_vix_days),
    M("high_vix_drawdown_unhedged", "lowest drawdown on a high-VIX row, decimal (<= 0)",
      high_vix_drawdown[0]),
    M("high_vix_drawdown_hedged", "lowest drawdown on a high-VIX row, decimal (<= 0)",
      high_vix_drawdown[1]),
    M("high_vix_drawdown_reduction",
      "1 - hedged / unhedged high-VIX drawdown, decimal (0.37 = 37% shallower)",
      high_vix_reduction),
    M("high_vix_pnl_unhedged", "dollars: sum of equity changes on high-VIX rows",
      high_vix_pnl[0]),
    M("high_vix_pnl_hedged", "dollars: sum of equity changes on high-VIX rows", high_vix_pnl[1]),
    M("high_vix_loss_unhedged", "dollars: sum of daily losses on high-VIX rows (>= 0)",
      high_vix_loss[0]),
    M("high_vix_loss_hedged", "dollars: sum of daily losses on high-VIX rows (>= 0)",
      high_vix_loss[1]),
    M("high_vix_loss_reduction", "1 - hedged / unhedged high-VIX losses, decimal",
      high_vix_loss_reduction),
    M("hedge_pnl", "dollars: hedged minus unhedged equity at the last row", hedge_pnl),
    M("hedge_premium", "dollars paid for VIX calls, fees included", hedge_premium),
    M("average_notional", "dollars: mean hedge-sizing notional over the rows", average_notional),
    M("hedge_premium_pct_month", "premium per month / average notional, decimal",
      hedge_premium_month),
    M("hedge_cost_pct_month", "net hedge cost (-hedge_pnl) per month / average notional, decimal",
      hedge_cost_month),
    M("spike_days", "rows with VIX at least backtest.spike_rise above the previous close",
      spike_days),
    M("spike_ratio_front", "layer-1 gain / condor loss summed over spike rows", spike_ratio_front),
    M("spike_ratio_hedge", "all layers' gain / condor loss summed over spike rows",
      spike_ratio_hedge),
    M("condors", "condors opened", condors),
    M("condor_wins", "condors closed or settled for less than their credit", condor_wins),
    M("costs_unhedged", "dollars of transaction costs", costs[0]),
    M("costs_hedged", "dollars of transaction costs", costs[1]),
};
#undef M

const alvh_backtest_measure *alvh_backtest_measures(size_t *n)
{
    *n = sizeof k_measures / sizeof k_measures[0];
    return k_measures;
}

/* ---- positions ------------------------------------------------------------------------------ */

typedef struct {
    int open;
    double strikes[4]; /* long put, short put, short call, long call */
    double expiry;     /* serial date-time */
    double credit;     /* points per condor */
} condor_pos;

typedef struct {
    int held;          /* bought at least once (a position, possibly of 0 contracts) */
    double contracts, strike, expiry;
    double cash;       /* this layer's cumulative cash flow, dollars */
    double mark;       /* value at the last close, dollars */
} layer_pos;

typedef struct {
    const alvh_backtest_data *d;
    const alvh_policy *p;
    const alvh_backtest_policy *b;
    double tenors[ALVH_BACKTEST_MAX_FUTURES + 1]; /* years, with 0 first (spot VIX) */
    double quotes[ALVH_BACKTEST_MAX_FUTURES + 1]; /* the current row's curve */
    size_t row;
    size_t first_row;
    char *err;
    size_t errsize;
} ctx;

static alvh_status row_fail(const ctx *c, alvh_status st, const char *what)
{
    return alvh_fail_text(c->err, c->errsize, st, "row %zu: %s: %s", c->first_row + c->row, what,
                          alvh_status_message(st));
}

/* The row's futures curve: spot VIX at tenor 0, then the quotes. */
static void load_curve(ctx *c, size_t i)
{
    c->quotes[0] = c->d->vix[i];
    for (size_t k = 0; k < c->d->nfut; ++k)
        c->quotes[k + 1] = c->d->fut[i * c->d->nfut + k];
}

static alvh_status future_at(const ctx *c, double years, double *future)
{
    if (c->d->nfut > 0)
        return alvh_vix_future_curve(years, c->tenors, c->quotes, c->d->nfut + 1, future);
    return alvh_vix_future_model(years, c->quotes[0], c->p->vix_long_run, c->p->vix_speed,
                                 future);
}

/* The policy's relative smile, floored (alvh_smile_factor, condor.h). */
static double leg_vol(double atm, double skew, double strike, double spot)
{
    return atm * alvh_smile_factor(strike, spot, skew);
}

/* Value of one condor to buy back (points), and optionally its legs' vegas signed by position
 * (per vol point, points). years <= 0: the payoff. */
static alvh_status condor_value(const ctx *c, const condor_pos *cp, double spot, double vix,
                                double years, double *value, double vegas[4])
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
    double atm = c->b->vol_beta * vix / 100.0;
    for (int i = 0; i < 4; ++i) {
        double vol = leg_vol(atm, c->b->skew, cp->strikes[i], spot);
        alvh_greeks g;
        alvh_status st = alvh_bsm_greeks(kinds[i], spot, cp->strikes[i], years, vol, c->p->rate,
                                         c->b->div_yield, &g);
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
static alvh_status condor_strikes(const ctx *c, double spot, double vix, double years,
                                  double strikes[4])
{
    const alvh_backtest_policy *b = c->b;
    return alvh_condor_strikes(spot, years, b->vol_beta * vix / 100.0, b->condor_delta,
                               b->wing_points, b->spx_strike_step, c->p->rate, b->div_yield,
                               strikes);
}

static alvh_status layer_price(const ctx *c, const layer_pos *l, int i, double t_close,
                               double *price)
{
    double years = (l->expiry - t_close) / 365.0;
    if (years <= 0) {
        *price = fmax(c->quotes[0] - l->strike, 0.0);
        return ALVH_OK;
    }
    double f = 0;
    alvh_status st = future_at(c, years, &f);
    if (st != ALVH_OK)
        return st;
    return alvh_black76_price(ALVH_CALL, f, l->strike, years, c->p->layers[i].vol_of_vol,
                              c->p->rate, price);
}

/* ---- the run ----------------------------------------------------------------------------- */

alvh_status alvh_backtest_run(const alvh_backtest_data *d, const alvh_policy *p,
                              size_t first_row, alvh_backtest_day *days,
                              alvh_backtest_summary *s, char *err, size_t errsize)
{
    if (err && errsize)
        err[0] = '\0';
    if (!p || !days || !s)
        return alvh_fail_text(err, errsize, ALVH_E_ARGUMENT, "backtest: missing output");
    const alvh_backtest_policy *b = &p->backtest;
    alvh_status st = alvh_backtest_check(d, b->max_gap_days, first_row, err, errsize);
    if (st != ALVH_OK)
        return st;
    if (p->sizing != ALVH_SIZING_RULE)
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_VALUE,
            "the backtest sizes layers by the rule only: policy key \"sizing\" must be "
            "\"rule\"");

    ctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.p = p;
    c.b = b;
    c.first_row = first_row;
    c.err = err;
    c.errsize = errsize;
    c.tenors[0] = 0.0;
    for (size_t k = 0; k < d->nfut; ++k)
        c.tenors[k + 1] = d->fut_days[k] / 365.0;

    const size_t n = d->n;
    /* Signals, computed once for the whole series (the only allocation). */
    unsigned *triggers = NULL;
    double *ad = NULL;
    size_t first_signal = n;
    if (b->use_signals) {
        triggers = calloc(n, sizeof *triggers);
        if (d->advancers)
            ad = malloc(n * sizeof *ad);
        if (!triggers || (d->advancers && !ad)) {
            free(triggers);
            free(ad);
            return alvh_fail_text(err, errsize, ALVH_E_NO_MEMORY, "out of memory");
        }
        st = ALVH_OK;
        if (ad)
            st = alvh_ad_line(d->advancers, d->decliners, n, ad);
        if (st == ALVH_OK)
            st = alvh_signal(d->vix, ad, ad ? d->spx : NULL, n, &p->signals, triggers,
                             &first_signal);
        if (st == ALVH_E_SHORT_SERIES) {
            first_signal = n; /* too short for any trigger: none fires */
            st = ALVH_OK;
        }
        if (st != ALVH_OK) {
            free(triggers);
            free(ad);
            return alvh_fail_text(err, errsize, st, "signals: %s", alvh_status_message(st));
        }
    }

    const double m = p->spx_multiplier, vm = p->vix_multiplier, nc = b->condor_contracts;
    const double capital = b->capital;
    condor_pos cp;
    memset(&cp, 0, sizeof cp);
    layer_pos lay[LAYERS];
    memset(lay, 0, sizeof lay);
    double cash_u = capital;
    double notional = 0, condor_vega = 0, notional_sum = 0;
    double last_open = -1e300;
    int opened_any = 0;
    double prev_eq[2] = {capital, capital}, peak[2] = {capital, capital};
    double prev_layer_val[LAYERS] = {0, 0, 0};
    memset(s, 0, sizeof *s);
    s->worst_day[0] = s->worst_day[1] = (double)INFINITY;
    s->high_vix_drawdown[0] = s->high_vix_drawdown[1] = (double)INFINITY;
    double spike_condor_loss = 0, spike_front = 0, spike_hedge = 0;

    for (size_t i = 0; i < n; ++i) {
        c.row = i;
        load_curve(&c, i);
        const double t = floor(d->date[i]) + k_close;
        const double spot = d->spx[i], vix = d->vix[i];
        alvh_backtest_day *day = &days[i];
        memset(day, 0, sizeof *day);
        if (vix > b->high_vix)
            day->events |= ALVH_BT_HIGH_VIX;
        if (i > 0 && vix >= (1.0 + b->spike_rise) * d->vix[i - 1])
            day->events |= ALVH_BT_SPIKE;

        /* 1. Expiries: settle at the payoff. */
        if (cp.open && t >= cp.expiry) {
            double payoff = 0;
            condor_value(&c, &cp, spot, vix, 0.0, &payoff, NULL);
            cash_u -= payoff * m * nc;
            s->condor_wins += payoff < cp.credit;
            cp.open = 0;
            day->events |= ALVH_BT_CONDOR_EXPIRE;
        }
        for (int l = 0; l < LAYERS; ++l)
            if (lay[l].held && lay[l].contracts > 0 && t >= lay[l].expiry) {
                lay[l].cash += fmax(vix - lay[l].strike, 0.0) * vm * lay[l].contracts;
                lay[l].contracts = 0;
                lay[l].held = 0; /* re-bought below */
                day->events |= ALVH_BT_LAYER_EXPIRE;
            }

        /* 2. Manage the open condor. */
        double value = 0;
        if (cp.open) {
            double years = (cp.expiry - t) / 365.0;
            st = condor_value(&c, &cp, spot, vix, years, &value, NULL);
            if (st != ALVH_OK)
                goto fail_pricing;
            int take = b->take_profit > 0 && value <= (1.0 - b->take_profit) * cp.credit;
            int late = b->close_days > 0 && cp.expiry - t <= b->close_days;
            if (take || late) {
                double fee = 4.0 * nc * b->cost_spx;
                cash_u -= value * m * nc + fee;
                s->costs[0] += fee;
                s->costs[1] += fee;
                s->condor_wins += value < cp.credit;
                cp.open = 0;
                day->events |= ALVH_BT_CONDOR_CLOSE;
            }
        }

        /* 3. Open a condor. */
        if (!cp.open && (!opened_any || floor(d->date[i]) - last_open >= b->open_every_days)) {
            /* SPX options list an expiry every business day (SPXW): the first business day
             * on or after condor_days calendar days, at the close. */
            double e = floor(d->date[i]) + b->condor_days;
            for (int guard = 0; guard < 10 && !alvh_is_business_day(e); ++guard)
                e += 1;
            cp.expiry = e + k_close;
            st = condor_strikes(&c, spot, vix, (cp.expiry - t) / 365.0, cp.strikes);
            if (st != ALVH_OK) {
                free(triggers);
                free(ad);
                return alvh_fail_text(err, errsize, st,
                                      "row %zu: the condor's strikes cannot be placed "
                                      "(VIX %g, SPX %g): %s",
                                      first_row + i, vix, spot, alvh_status_message(st));
            }
            double vegas[4];
            st = condor_value(&c, &cp, spot, vix, (cp.expiry - t) / 365.0, &cp.credit, vegas);
            if (st != ALVH_OK)
                goto fail_pricing;
            double fee = 4.0 * nc * b->cost_spx;
            cash_u += cp.credit * m * nc - fee;
            s->costs[0] += fee;
            s->costs[1] += fee;
            cp.open = 1;
            opened_any = 1;
            last_open = floor(d->date[i]);
            s->condors += 1;
            day->events |= ALVH_BT_CONDOR_OPEN;
            value = cp.credit;
            st = alvh_hedge_notional(cp.strikes, cp.credit, nc, p, &notional);
            if (st == ALVH_OK)
                st = alvh_condor_vix_vega(vegas, 4, nc, b->vol_beta, NULL, vix, m, &condor_vega);
            if (st != ALVH_OK) {
                free(triggers);
                free(ad);
                return row_fail(&c, st, "the hedge cannot be sized on this condor");
            }
        }

        /* 4. Hedge layers: buy, roll, or re-strike the front layer on a signal. */
        int signal = b->use_signals && i >= first_signal && triggers[i] != 0;
        int need = 0;
        for (int l = 0; l < LAYERS; ++l)
            need |= !lay[l].held || lay[l].expiry - t <= p->layers[l].roll_days ||
                    (l == 0 && signal);
        if (need && notional > 0) {
            alvh_layer_row rows[LAYERS];
            int bad = 0;
            alvh_curve curve = {c.tenors + 1, c.quotes + 1, d->nfut};
            st = alvh_hedge_schedule(t, vix, notional, condor_vega, p, &curve, rows, &bad);
            if (st != ALVH_OK) {
                free(triggers);
                free(ad);
                char what[64];
                snprintf(what, sizeof what, "the hedge layers cannot be set (layer %d)", bad);
                return row_fail(&c, st, what);
            }
            for (int l = 0; l < LAYERS; ++l) {
                int roll = lay[l].held && lay[l].expiry - t <= p->layers[l].roll_days;
                int restrike = l == 0 && signal && lay[l].held;
                if (lay[l].held && !roll && !restrike)
                    continue;
                if (lay[l].held && lay[l].contracts > 0) { /* sell what is held */
                    double px = 0;
                    st = layer_price(&c, &lay[l], l, t, &px);
                    if (st != ALVH_OK)
                        goto fail_pricing;
                    double fee = lay[l].contracts * b->cost_vix;
                    lay[l].cash += px * vm * lay[l].contracts - fee;
                    s->costs[1] += fee;
                }
                lay[l].held = 1;
                lay[l].contracts = rows[l].contracts;
                lay[l].strike = rows[l].strike;
                lay[l].expiry = rows[l].expiry;
                double fee = rows[l].contracts * b->cost_vix;
                double debit = rows[l].price * vm * rows[l].contracts;
                lay[l].cash -= debit + fee;
                s->hedge_premium += debit + fee;
                s->costs[1] += fee;
                day->events |= ALVH_BT_LAYER_TRADE;
                if (restrike)
                    day->events |= ALVH_BT_SIGNAL;
            }
        }

        /* 5. Marks at the close. */
        double condor_mark = 0;
        if (cp.open) {
            condor_mark = -value * m * nc;
            memcpy(day->condor_strikes, cp.strikes, sizeof cp.strikes);
            day->condor_expiry = cp.expiry;
        }
        double hedge_mark = 0, hedge_cash = 0, layer_val[LAYERS];
        for (int l = 0; l < LAYERS; ++l) {
            lay[l].mark = 0;
            if (lay[l].held && lay[l].contracts > 0) {
                double px = 0;
                st = layer_price(&c, &lay[l], l, t, &px);
                if (st != ALVH_OK)
                    goto fail_pricing;
                lay[l].mark = px * vm * lay[l].contracts;
            }
            hedge_mark += lay[l].mark;
            hedge_cash += lay[l].cash;
            layer_val[l] = lay[l].cash + lay[l].mark;
            day->layer_contracts[l] = lay[l].contracts;
            day->layer_strike[l] = lay[l].held ? lay[l].strike : 0;
            day->layer_expiry[l] = lay[l].held ? lay[l].expiry : 0;
        }

        /* 6. Equity and measures. */
        double eq[2];
        eq[0] = cash_u + condor_mark;
        eq[1] = (cash_u + hedge_cash) + condor_mark + hedge_mark;
        day->cash_unhedged = cash_u;
        day->condor_mark = condor_mark;
        day->cash_hedged = cash_u + hedge_cash;
        day->hedge_mark = hedge_mark;
        day->equity_unhedged = eq[0];
        day->equity_hedged = eq[1];
        day->hedge_pnl = eq[1] - eq[0];
        day->condor_pnl = eq[0] - prev_eq[0];
        day->front_pnl = layer_val[0] - prev_layer_val[0];
        day->hedge_day_pnl = 0;
        for (int l = 0; l < LAYERS; ++l) {
            day->hedge_day_pnl += layer_val[l] - prev_layer_val[l];
            prev_layer_val[l] = layer_val[l];
        }
        double dd[2];
        for (int k = 0; k < 2; ++k) {
            if (!isfinite(eq[k])) {
                free(triggers);
                free(ad);
                return alvh_fail_text(err, errsize, ALVH_E_NOT_FINITE,
                                      "row %zu: the equity is not a finite number", first_row + i);
            }
            peak[k] = fmax(peak[k], eq[k]);
            dd[k] = peak[k] > 0 ? eq[k] / peak[k] - 1.0 : -1.0;
            s->max_drawdown[k] = fmin(s->max_drawdown[k], dd[k]);
            if (i > 0 && prev_eq[k] > 0)
                s->worst_day[k] = fmin(s->worst_day[k], eq[k] / prev_eq[k] - 1.0);
            if (day->events & ALVH_BT_HIGH_VIX) {
                s->high_vix_drawdown[k] = fmin(s->high_vix_drawdown[k], dd[k]);
                s->high_vix_pnl[k] += eq[k] - prev_eq[k];
                s->high_vix_loss[k] += fmax(prev_eq[k] - eq[k], 0.0);
            }
            prev_eq[k] = eq[k];
        }
        day->drawdown_unhedged = dd[0];
        day->drawdown_hedged = dd[1];
        if (day->events & ALVH_BT_HIGH_VIX)
            s->high_vix_days += 1;
        if (day->events & ALVH_BT_SPIKE) {
            s->spike_days += 1;
            spike_condor_loss -= day->condor_pnl;
            spike_front += day->front_pnl;
            spike_hedge += day->hedge_day_pnl;
        }
        notional_sum += notional;
    }
    free(triggers);
    free(ad);

    s->rows = (double)n;
    s->years = (floor(d->date[n - 1]) - floor(d->date[0])) / 365.0;
    for (int k = 0; k < 2; ++k) {
        s->total_return[k] = prev_eq[k] / capital - 1.0;
        if (!isfinite(s->worst_day[k]))
            s->worst_day[k] = (double)NAN;
        if (!isfinite(s->high_vix_drawdown[k]))
            s->high_vix_drawdown[k] = (double)NAN;
    }
    s->high_vix_reduction = s->high_vix_drawdown[0] < 0
                                ? 1.0 - s->high_vix_drawdown[1] / s->high_vix_drawdown[0]
                                : (double)NAN;
    s->high_vix_loss_reduction = s->high_vix_loss[0] > 0
                                     ? 1.0 - s->high_vix_loss[1] / s->high_vix_loss[0]
                                     : (double)NAN;
    s->hedge_pnl = prev_eq[1] - prev_eq[0];
    s->average_notional = notional_sum / (double)n;
    double months = s->years * 12.0;
    if (months > 0 && s->average_notional > 0) {
        s->hedge_premium_month = s->hedge_premium / months / s->average_notional;
        s->hedge_cost_month = (0.0 - s->hedge_pnl) / months / s->average_notional;
    } else {
        s->hedge_premium_month = s->hedge_cost_month = (double)NAN;
    }
    s->spike_ratio_front = spike_condor_loss > 0 ? spike_front / spike_condor_loss : (double)NAN;
    s->spike_ratio_hedge = spike_condor_loss > 0 ? spike_hedge / spike_condor_loss : (double)NAN;
    return ALVH_OK;

fail_pricing:
    free(triggers);
    free(ad);
    return row_fail(&c, st, "a position cannot be priced");
}
