/* scenario.c: the condor and its hedge (VIX calls or SPX legs) repriced together under an SPX/VIX
 * shock.
 * The rules are stated in alvh/scenario.h (and docs/scenarios.md). */
#include "alvh/scenario.h"

#include <math.h>
#include <stdlib.h>

#include "alvh/black.h"
#include "alvh/vixcurve.h"
#include "base.h"

alvh_status alvh_vix_call_check(const alvh_vix_call *c)
{
    if (!(isfinite(c->future) && c->future > 0.0))
        return ALVH_E_FORWARD;
    if (!(isfinite(c->strike) && c->strike >= 0.0))
        return ALVH_E_STRIKE;
    if (!isfinite(c->contracts))
        return ALVH_E_HEDGE;
    if (!(isfinite(c->years) && c->years >= 0.0))
        return ALVH_E_YEARS;
    if (!(isfinite(c->vol_of_vol) && c->vol_of_vol >= 0.0))
        return ALVH_E_VOL;
    return ALVH_OK;
}

static alvh_status check_shock(const alvh_shock *s, const alvh_scenario_market *m)
{
    if (!(isfinite(m->spot) && m->spot > 0.0) || !(isfinite(m->vix_spot) && m->vix_spot > 0.0))
        return ALVH_E_SPOT;
    if (!isfinite(m->rate))
        return ALVH_E_RATE;
    if (!isfinite(m->div_yield))
        return ALVH_E_DIV_YIELD;
    if (!(isfinite(s->spx_move) && s->spx_move > -1.0) || !isfinite(s->vix_move) ||
        !(m->vix_spot + s->vix_move > 0.0) || !isfinite(s->vov_move))
        return ALVH_E_MOVE;
    if (!(isfinite(s->days) && s->days >= 0.0))
        return ALVH_E_DAYS;
    return ALVH_OK;
}

alvh_status alvh_scenario_leg_vol(double vol, double strike, const alvh_shock *shock,
                                  const alvh_scenario_market *m, const alvh_policy *p,
                                  double *shifted)
{
    double skew = p->backtest.skew, beta = p->backtest.vol_beta;
    double spot2 = m->spot * (1.0 + shock->spx_move);
    double vix2 = m->vix_spot + shock->vix_move;
    /* The policy's smile factor (backtest.skew), floored as the backtest floors it. */
    double f0 = alvh_smile_factor(strike, m->spot, skew);
    double f1 = alvh_smile_factor(strike, spot2, skew);
    double v = vol + beta / 100.0 * (vix2 * f1 - m->vix_spot * f0);
    if (!(isfinite(v) && v >= 0.0))
        return ALVH_E_MOVE;
    *shifted = v;
    return ALVH_OK;
}

/* Value of the VIX calls in dollars, elapsed years from now, each future moved by
 * beta(T) x vix_move and each vol of vol by vov_move. */
static alvh_status hedge_value(const alvh_vix_call *h, size_t nh, double vix_move,
                               double vov_move, double elapsed, const alvh_policy *p,
                               double *value)
{
    double sum = 0.0;
    for (size_t j = 0; j < nh; ++j) {
        alvh_status st = alvh_vix_call_check(&h[j]);
        if (st != ALVH_OK)
            return st;
        double beta = 0.0;
        st = alvh_vix_beta(h[j].years, p->beta_weight, p->beta_fast, p->beta_slow, &beta);
        if (st != ALVH_OK)
            return st;
        double fut = h[j].future + beta * vix_move;
        double vov = h[j].vol_of_vol + vov_move;
        if (!(isfinite(fut) && fut > 0.0) || !(isfinite(vov) && vov >= 0.0))
            return ALVH_E_MOVE;
        double remaining = h[j].years - elapsed;
        double price;
        if (remaining <= 0.0) {
            price = fmax(fut - h[j].strike, 0.0); /* settled */
        } else {
            st = alvh_black76_price(ALVH_CALL, fut, h[j].strike, remaining, vov, p->rate, &price);
            if (st != ALVH_OK)
                return st;
        }
        sum += h[j].contracts * price;
    }
    sum *= p->vix_multiplier;
    if (!isfinite(sum))
        return ALVH_E_NOT_FINITE;
    *value = sum;
    return ALVH_OK;
}

/* P&L of SPX legs in dollars under the shock (rule 1): after - before. n may be 0 (P&L 0). */
static alvh_status legs_pnl(const alvh_shock *shock, const alvh_leg *legs, size_t n,
                            const alvh_scenario_market *m, const alvh_policy *p, double *pnl)
{
    if (n == 0) {
        *pnl = 0.0;
        return ALVH_OK;
    }
    /* The shocked legs: same strikes and quantities, shifted vols. Their years stay as they
     * are; alvh_book_value advances the clock by `elapsed`. */
    alvh_leg *moved = malloc(n * sizeof *moved);
    if (!moved)
        return ALVH_E_NO_MEMORY;
    alvh_status st = ALVH_OK;
    for (size_t i = 0; i < n && st == ALVH_OK; ++i) {
        st = alvh_leg_check(&legs[i]);
        moved[i] = legs[i];
        if (st == ALVH_OK)
            st = alvh_scenario_leg_vol(legs[i].vol, legs[i].strike, shock, m, p, &moved[i].vol);
    }
    double elapsed = shock->days / 365.0;
    double spot2 = m->spot * (1.0 + shock->spx_move);
    double before = 0.0, after = 0.0;
    if (st == ALVH_OK)
        st = alvh_book_value(legs, n, m->spot, 0.0, m->rate, m->div_yield, p->spx_multiplier,
                             &before);
    if (st == ALVH_OK)
        st = alvh_book_value(moved, n, spot2, elapsed, m->rate, m->div_yield, p->spx_multiplier,
                             &after);
    free(moved);
    if (st == ALVH_OK)
        *pnl = after - before;
    return st;
}

/* P&L of the hedge in dollars under the shock, by its kind. */
static alvh_status hedge_pnl(const alvh_shock *shock, const alvh_scenario_hedge *h,
                             const alvh_scenario_market *m, const alvh_policy *p, double *pnl)
{
    switch (h->kind) {
    case ALVH_HEDGE_NONE:
        *pnl = 0.0;
        return ALVH_OK;
    case ALVH_HEDGE_SPX_PUT_SPREAD:
        return legs_pnl(shock, h->legs, h->nlegs, m, p, pnl);
    case ALVH_HEDGE_VIX_CALLS: {
        double h0 = 0.0, h1 = 0.0;
        alvh_status st = hedge_value(h->calls, h->ncalls, 0.0, 0.0, 0.0, p, &h0);
        if (st == ALVH_OK)
            st = hedge_value(h->calls, h->ncalls, shock->vix_move, shock->vov_move,
                             shock->days / 365.0, p, &h1);
        if (st == ALVH_OK)
            *pnl = h1 - h0;
        return st;
    }
    default:
        return ALVH_E_HEDGE;
    }
}

alvh_status alvh_scenario_hedged(const alvh_shock *shock, const alvh_leg *legs, size_t n,
                                 const alvh_scenario_hedge *hedge, const alvh_scenario_market *m,
                                 const alvh_policy *p, alvh_scenario_pnl *out)
{
    alvh_status st = check_shock(shock, m);
    if (st != ALVH_OK)
        return st;
    if (n == 0)
        return ALVH_E_LEGS;
    alvh_scenario_pnl r;
    st = legs_pnl(shock, legs, n, m, p, &r.condor);
    if (st == ALVH_OK)
        st = hedge_pnl(shock, hedge, m, p, &r.hedge);
    if (st != ALVH_OK)
        return st;
    r.net = r.condor + r.hedge;
    r.has_ratio = r.condor < 0.0;
    r.ratio = r.has_ratio ? r.hedge / -r.condor : 0.0;
    if (!isfinite(r.condor) || !isfinite(r.hedge) || !isfinite(r.net) || !isfinite(r.ratio))
        return ALVH_E_NOT_FINITE;
    *out = r;
    return ALVH_OK;
}

alvh_status alvh_scenario(const alvh_shock *shock, const alvh_leg *legs, size_t n,
                          const alvh_vix_call *hedge, size_t nh, const alvh_scenario_market *m,
                          const alvh_policy *p, alvh_scenario_pnl *out)
{
    alvh_scenario_hedge h = {ALVH_HEDGE_VIX_CALLS, hedge, nh, NULL, 0};
    return alvh_scenario_hedged(shock, legs, n, &h, m, p, out);
}
