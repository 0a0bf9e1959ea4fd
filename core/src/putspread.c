/* putspread.c: the SPX put spread hedge: set (expiry, strikes, prices, monthly cost, sizing) and
 * valued on the condor's vol surface. The rules are stated in alvh/putspread.h. */
#include "alvh/putspread.h"

#include <math.h>
#include <string.h>

#include "alvh/condor.h"
#include "alvh/dates.h"
#include "alvh/hedge.h"
#include "alvh/impvol.h"
#include "base.h"

/* A computed strike this close to a grid strike (in units of the step) is that strike: the
 * closed-form strike carries ~1e-13 relative rounding noise (the condor's rule, condor.c). */
#define GRID_SNAP 1e-9

double alvh_put_spread_vol(double strike, double spot, double vix, const alvh_policy *p)
{
    /* The order of operations is the backtest condor's (backtest.c, leg_vol), so a leg on the
     * same strike carries the same vol to the last bit. */
    double atm = p->backtest.vol_beta * vix / 100.0;
    return atm * alvh_smile_factor(strike, spot, p->backtest.skew);
}

static alvh_status check_market(const alvh_scenario_market *m)
{
    if (!alvh_positive_finite(m->spot) || !alvh_positive_finite(m->vix_spot))
        return ALVH_E_SPOT;
    if (!isfinite(m->rate))
        return ALVH_E_RATE;
    if (!isfinite(m->div_yield))
        return ALVH_E_DIV_YIELD;
    return ALVH_OK;
}

alvh_status alvh_put_spread_value(const double strikes[ALVH_SPREAD_LEGS], double years,
                                  const alvh_scenario_market *m, const alvh_policy *p,
                                  double *value)
{
    alvh_status st = check_market(m);
    if (st != ALVH_OK)
        return st;
    double px[ALVH_SPREAD_LEGS];
    for (int i = 0; i < ALVH_SPREAD_LEGS; ++i) {
        if (!alvh_positive_finite(strikes[i]))
            return ALVH_E_STRIKE;
        if (years <= 0.0) {
            px[i] = fmax(strikes[i] - m->spot, 0.0);
            continue;
        }
        double vol = alvh_put_spread_vol(strikes[i], m->spot, m->vix_spot, p);
        st = alvh_bsm_price(ALVH_PUT, m->spot, strikes[i], years, vol, m->rate, m->div_yield,
                            &px[i]);
        if (st != ALVH_OK)
            return st;
    }
    double v = px[ALVH_SPREAD_LONG] - px[ALVH_SPREAD_SHORT];
    if (!isfinite(v))
        return ALVH_E_NOT_FINITE;
    *value = v;
    return ALVH_OK;
}

/* The expiry: the first business day on or after the valuation's date + days, at 16:00. */
static alvh_status spread_expiry(double valuation, double days, double *expiry)
{
    double e = floor(valuation) + days;
    for (int guard = 0; guard < 10 && !alvh_is_business_day(e); ++guard)
        e += 1;
    if (!alvh_is_business_day(e))
        return ALVH_E_DATE;
    *expiry = e + ALVH_TIME_PM;
    return ALVH_OK;
}

/* The put at BSM delta -delta (at the at-the-money vol), moved down to the grid. */
static alvh_status strike_at(double delta, double years, double atm, const alvh_scenario_market *m,
                             double step, double *strike)
{
    double k = 0.0;
    alvh_status st = alvh_bsm_strike_from_delta(ALVH_PUT, -delta, m->spot, years, atm, m->rate,
                                                m->div_yield, &k);
    if (st != ALVH_OK)
        return st;
    double q = k / step, n = floor(q);
    if (q - n > 1.0 - GRID_SNAP)
        n += 1.0;
    *strike = n * step;
    return ALVH_OK;
}

/* Strikes, vols, prices, greeks and each leg's monthly cost of one put (out's leg fields). */
static alvh_status price_legs(const alvh_scenario_market *m, const alvh_policy *p,
                              alvh_put_spread *s)
{
    const alvh_put_spread_policy *ps = &p->put_spread;
    const double step = p->backtest.spx_strike_step;
    const double atm = p->backtest.vol_beta * m->vix_spot / 100.0;
    alvh_status st = strike_at(ps->long_delta, s->years, atm, m, step,
                               &s->strikes[ALVH_SPREAD_LONG]);
    if (st == ALVH_OK)
        st = strike_at(ps->short_delta, s->years, atm, m, step, &s->strikes[ALVH_SPREAD_SHORT]);
    if (st != ALVH_OK)
        return st;
    if (s->strikes[ALVH_SPREAD_SHORT] >= s->strikes[ALVH_SPREAD_LONG])
        s->strikes[ALVH_SPREAD_SHORT] = s->strikes[ALVH_SPREAD_LONG] - step;
    if (!(s->strikes[ALVH_SPREAD_SHORT] > 0.0))
        return ALVH_E_STRIKES;
    /* Held from now to the roll date: the cost is spread over those days (> 0: the policy keeps
     * roll_days below days, both whole, and the expiry is at least days - 1/3 away). */
    const double hold = s->days - ps->roll_days, roll_years = ps->roll_days / 365.0;
    for (int i = 0; i < ALVH_SPREAD_LEGS; ++i) {
        s->vols[i] = alvh_put_spread_vol(s->strikes[i], m->spot, m->vix_spot, p);
        st = alvh_bsm_greeks(ALVH_PUT, m->spot, s->strikes[i], s->years, s->vols[i], m->rate,
                             m->div_yield, &s->legs[i]);
        if (st != ALVH_OK)
            return st;
        double residual = 0.0; /* the put's value at the roll date, the market standing still */
        if (p->cost_method == ALVH_COST_CARRY) {
            if (roll_years > 0.0)
                st = alvh_bsm_price(ALVH_PUT, m->spot, s->strikes[i], roll_years, s->vols[i],
                                    m->rate, m->div_yield, &residual);
            else
                residual = fmax(s->strikes[i] - m->spot, 0.0);
            if (st != ALVH_OK)
                return st;
        }
        s->leg_cost[i] = (s->legs[i].price - residual) * p->spx_multiplier / hold *
                         ALVH_DAYS_PER_MONTH;
    }
    return ALVH_OK;
}

/* ONE spread's greeks: the long put's minus the short put's, member by member. */
static void spread_greeks(alvh_put_spread *s)
{
    const alvh_greeks *a = &s->legs[ALVH_SPREAD_LONG], *b = &s->legs[ALVH_SPREAD_SHORT];
    s->spread.price = a->price - b->price;
    s->spread.delta = a->delta - b->delta;
    s->spread.gamma = a->gamma - b->gamma;
    s->spread.vega = a->vega - b->vega;
    s->spread.theta = a->theta - b->theta;
    s->spread.rho = a->rho - b->rho;
    s->spread.vanna = a->vanna - b->vanna;
    s->spread.volga = a->volga - b->volga;
    s->unit_cost = s->leg_cost[ALVH_SPREAD_LONG] - s->leg_cost[ALVH_SPREAD_SHORT];
}

/* Whole spreads by the policy's sizing rule. */
static alvh_status size_spread(double notional, double budget, const alvh_policy *p,
                               alvh_put_spread *s)
{
    const alvh_put_spread_policy *ps = &p->put_spread;
    double x = 0.0;
    switch (ps->sizing) {
    case ALVH_SPREAD_NOTIONAL:
        if (!alvh_positive_finite(notional))
            return ALVH_E_NOTIONAL;
        x = ps->notional_ratio * notional /
            (s->strikes[ALVH_SPREAD_LONG] * p->spx_multiplier);
        break;
    case ALVH_SPREAD_CONTRACTS:
        x = ps->contracts;
        break;
    default: /* budget */
        if (!isfinite(budget))
            return ALVH_E_ARGUMENT;
        if (budget <= 0.0)
            break; /* nothing to spend: no spread */
        if (!(s->unit_cost > 0.0))
            return ALVH_E_NO_CARRY;
        x = budget / s->unit_cost;
        break;
    }
    s->contracts = fmax(alvh_hedge_round(x, p->rounding), 0.0);
    s->debit = s->contracts * s->spread.price * p->spx_multiplier;
    s->monthly_cost = s->contracts * s->unit_cost;
    return ALVH_OK;
}

alvh_status alvh_put_spread_set(double valuation, const alvh_scenario_market *m, double notional,
                                double budget, const alvh_policy *p, alvh_put_spread *out)
{
    alvh_status st = check_market(m);
    if (st != ALVH_OK)
        return st;
    if (!isfinite(valuation))
        return ALVH_E_DATE;
    alvh_put_spread s;
    memset(&s, 0, sizeof s);
    st = spread_expiry(valuation, p->put_spread.days, &s.expiry);
    if (st != ALVH_OK)
        return st;
    s.days = s.expiry - valuation;
    s.years = s.days / 365.0;
    st = price_legs(m, p, &s);
    if (st != ALVH_OK)
        return st;
    spread_greeks(&s);
    st = size_spread(notional, budget, p, &s);
    if (st != ALVH_OK)
        return st;
    const double check[] = {s.spread.price, s.spread.delta, s.spread.gamma, s.spread.vega,
                            s.spread.theta, s.spread.rho, s.spread.vanna, s.spread.volga,
                            s.unit_cost, s.debit, s.monthly_cost};
    for (size_t k = 0; k < sizeof check / sizeof check[0]; ++k)
        if (!isfinite(check[k]))
            return ALVH_E_NOT_FINITE;
    *out = s;
    return ALVH_OK;
}
