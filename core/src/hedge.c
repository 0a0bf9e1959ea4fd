/* hedge.c: the Adaptive Layered VIX Hedge engine (alvh/hedge.h has the conventions; the method,
 * the choices made where the article is silent and a worked example are in docs/hedge.md). */
#include "alvh/hedge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/dates.h"
#include "alvh/vixcurve.h"
#include "base.h"

/* Whole-number snapping tolerance, relative: products such as 2.5 x 4 and quotients such as
 * 250000 / 100000 are exact in decimal but may land an ulp off in binary. */
#define WHOLE_TOL 1e-9
/* Band and candidate comparisons of coverages allow this much (relative) so that a coverage
 * that is exactly 0.40 in decimal is inside a 40% band. */
#define BAND_TOL 1e-12

alvh_status alvh_layer_vega(double contracts, double future, double strike, double years,
                            double vol_of_vol, double rate, double beta, double multiplier,
                            double *vega, double *delta)
{
    if (!isfinite(contracts) || contracts < 0.0)
        return ALVH_E_ARGUMENT;
    if (!isfinite(beta) || beta < 0.0)
        return ALVH_E_BETA;
    if (!alvh_positive_finite(multiplier))
        return ALVH_E_MULTIPLIER;
    alvh_greeks g;
    alvh_status st = alvh_black76_greeks(ALVH_CALL, future, strike, years, vol_of_vol, rate, &g);
    if (st != ALVH_OK)
        return st;
    double v = contracts * multiplier * g.delta * beta;
    if (!isfinite(v))
        return ALVH_E_NOT_FINITE;
    *vega = v;
    if (delta)
        *delta = g.delta;
    return ALVH_OK;
}

alvh_status alvh_condor_vix_vega(const double *leg_vegas, size_t n, double contracts,
                                 double vol_beta, const double *leg_vols, double vix_spot,
                                 double multiplier, double *dollars)
{
    if (!leg_vegas || n == 0)
        return ALVH_E_VEGA;
    if (!alvh_positive_finite(contracts) || !isfinite(vol_beta) || vol_beta < 0.0)
        return ALVH_E_ARGUMENT;
    if (!alvh_positive_finite(multiplier))
        return ALVH_E_MULTIPLIER;
    if (leg_vols && !alvh_positive_finite(vix_spot))
        return ALVH_E_SPOT;
    double sum = 0.0;
    for (size_t i = 0; i < n; ++i) {
        if (!isfinite(leg_vegas[i]))
            return ALVH_E_VEGA;
        double w = 1.0;
        if (leg_vols) {
            if (!isfinite(leg_vols[i]) || leg_vols[i] < 0.0)
                return ALVH_E_VOL;
            w = leg_vols[i] * 100.0 / vix_spot;
        }
        sum += leg_vegas[i] * w;
    }
    double d = sum * vol_beta * contracts * multiplier;
    if (!isfinite(d))
        return ALVH_E_NOT_FINITE;
    *dollars = d;
    return ALVH_OK;
}

alvh_status alvh_coverage(double hedge_vega, double condor_vega, double *coverage)
{
    if (!isfinite(hedge_vega) || hedge_vega < 0.0 || !isfinite(condor_vega) || condor_vega == 0.0)
        return ALVH_E_VEGA;
    double c = hedge_vega / fabs(condor_vega);
    if (!isfinite(c))
        return ALVH_E_NOT_FINITE;
    *coverage = c;
    return ALVH_OK;
}

double alvh_hedge_round(double x, alvh_rounding rounding)
{
    double n = round(x);
    if (fabs(x - n) <= WHOLE_TOL * fmax(1.0, fabs(x)))
        return n;
    switch (rounding) {
    case ALVH_ROUND_DOWN: return floor(x);
    case ALVH_ROUND_UP: return ceil(x);
    default: return n; /* round(): halves away from zero */
    }
}

alvh_status alvh_hedge_size(double notional, const alvh_policy *p, double contracts[ALVH_LAYERS])
{
    if (!alvh_positive_finite(notional))
        return ALVH_E_NOTIONAL;
    double units = notional / p->notional_unit;
    for (int i = 0; i < ALVH_LAYERS; ++i) {
        double c = alvh_hedge_round(units * p->layers[i].contracts, p->rounding);
        if (!isfinite(c))
            return ALVH_E_NOT_FINITE;
        contracts[i] = c;
    }
    return ALVH_OK;
}

static int condor_strikes_ok(const double k[4])
{
    for (int i = 0; i < 4; ++i)
        if (!alvh_positive_finite(k[i]))
            return 0;
    return k[0] < k[1] && k[1] <= k[2] && k[2] < k[3];
}

alvh_status alvh_hedge_notional(const double strikes[4], double credit, double contracts,
                                const alvh_policy *p, double *notional)
{
    if (!condor_strikes_ok(strikes))
        return ALVH_E_STRIKES;
    double wing = fmax(strikes[1] - strikes[0], strikes[3] - strikes[2]);
    if (!isfinite(credit) || credit < 0.0 || credit >= wing)
        return ALVH_E_PRICE;
    if (!alvh_positive_finite(contracts))
        return ALVH_E_ARGUMENT;
    double per;
    switch (p->notional_basis) {
    case ALVH_NOTIONAL_MAX_LOSS: per = wing - credit; break;
    case ALVH_NOTIONAL_MARGIN: per = wing; break;
    default: per = 0.5 * (strikes[1] + strikes[2]); break;
    }
    double n = per * p->spx_multiplier * contracts;
    if (!isfinite(n))
        return ALVH_E_NOT_FINITE;
    *notional = n;
    return ALVH_OK;
}

static double gcd_whole(double a, double b)
{
    /* Euclid on whole numbers held in doubles (all <= 1e9 here, so exact). */
    while (b > 0.0) {
        double r = fmod(a, b);
        a = b;
        b = r;
    }
    return a;
}

/* The policy's layer proportions as the smallest whole-number vector. */
static alvh_status base_vector(const alvh_policy *p, double base[ALVH_LAYERS])
{
    for (int s = 1; s <= 1000; ++s) {
        double ints[ALVH_LAYERS];
        int whole = 1;
        for (int i = 0; i < ALVH_LAYERS && whole; ++i) {
            double x = s * p->layers[i].contracts;
            ints[i] = round(x);
            whole = fabs(x - ints[i]) <= WHOLE_TOL * fmax(1.0, x);
        }
        if (!whole)
            continue;
        double g = 0.0;
        for (int i = 0; i < ALVH_LAYERS; ++i)
            g = gcd_whole(g, ints[i]);
        if (!(g > 0.0))
            return ALVH_E_POLICY_VALUE;
        for (int i = 0; i < ALVH_LAYERS; ++i)
            base[i] = ints[i] / g;
        return ALVH_OK;
    }
    return ALVH_E_POLICY_VALUE;
}

alvh_status alvh_hedge_calibrate(double condor_vega, const double unit_vegas[ALVH_LAYERS],
                                 double target, const alvh_policy *p, alvh_calibration *out)
{
    memset(out, 0, sizeof *out);
    if (!isfinite(condor_vega) || condor_vega == 0.0)
        return ALVH_E_VEGA;
    for (int i = 0; i < ALVH_LAYERS; ++i)
        if (!isfinite(unit_vegas[i]) || unit_vegas[i] < 0.0)
            return ALVH_E_VEGA;
    double low = p->coverage_low, high = p->coverage_high;
    if (!isfinite(target) || target < low || target > high)
        return ALVH_E_ARGUMENT;
    alvh_status st = base_vector(p, out->base);
    if (st != ALVH_OK)
        return st;
    double v = fabs(condor_vega);
    double per = 0.0;
    for (int i = 0; i < ALVH_LAYERS; ++i)
        per += out->base[i] * unit_vegas[i];
    out->step = per / v;
    if (!isfinite(out->step))
        return ALVH_E_NOT_FINITE;
    if (!(out->step > 0.0))
        return ALVH_E_NO_SOLUTION; /* the layers used have no VIX vega at all */

    /* Coverage is linear in the multiple m: the candidates nearest the target are floor and
     * ceil of target / step (at least 1: no hedge is not a hedge). */
    double mstar = target / out->step;
    double cands[2] = {fmax(1.0, floor(mstar)), fmax(1.0, ceil(mstar))};
    double best_m = 0.0, best_d = HUGE_VAL;   /* in band, nearest the target */
    double near_m = 0.0, near_d = HUGE_VAL;   /* nearest the band, when none is in it */
    for (int c = 0; c < 2; ++c) {
        double m = cands[c];
        double cov = 0.0;
        for (int i = 0; i < ALVH_LAYERS; ++i)
            cov += m * out->base[i] * unit_vegas[i];
        cov /= v;
        double tol = BAND_TOL * fmax(1.0, high);
        if (cov >= low - tol && cov <= high + tol) {
            double d = fabs(cov - target);
            if (d < best_d - tol) { /* ties keep the smaller m (the first candidate) */
                best_d = d;
                best_m = m;
            }
        } else {
            double d = cov < low ? low - cov : cov - high;
            if (d < near_d) {
                near_d = d;
                near_m = m;
            }
        }
    }
    double m = best_m > 0.0 ? best_m : near_m;
    double cov = 0.0;
    for (int i = 0; i < ALVH_LAYERS; ++i) {
        out->contracts[i] = m * out->base[i];
        cov += out->contracts[i] * unit_vegas[i];
    }
    out->coverage = cov / v;
    if (!isfinite(out->coverage))
        return ALVH_E_NOT_FINITE;
    return best_m > 0.0 ? ALVH_OK : ALVH_E_NO_SOLUTION;
}

void alvh_layer_row_values(const alvh_layer_row *r, double c[ALVH_SCHEDULE_COLS])
{
    const double v[ALVH_SCHEDULE_COLS] = {r->layer, r->expiry, r->days, r->strike,
                                          r->contracts, r->future, r->price, r->debit,
                                          r->delta, r->beta, r->vega, r->monthly_cost,
                                          r->coverage};
    memcpy(c, v, sizeof v);
}

/* The smallest listed strike at or above x: multiples of step below high_from, high_from +
 * multiples of step_high from there. A value within WHOLE_TOL of a grid strike is that strike. */
static double strike_ceil(double x, const alvh_policy *p)
{
    double step = p->strike_step, from = p->strike_high_from, hstep = p->strike_step_high;
    if (x <= from) {
        double q = x / step, n = round(q);
        double k = (fabs(q - n) <= WHOLE_TOL * fmax(1.0, fabs(q)) ? n : ceil(q)) * step;
        if (k < step)
            k = step; /* the lowest strike listed */
        return k >= from ? from : k;
    }
    double q = (x - from) / hstep, n = round(q);
    return from + (fabs(q - n) <= WHOLE_TOL * fmax(1.0, q) ? n : ceil(q)) * hstep;
}

static alvh_status curve_future(double years, double vix_spot, const alvh_policy *p,
                                const alvh_curve *curve, double *future)
{
    if (curve && curve->n > 0)
        return alvh_vix_future_curve(years, curve->tenors, curve->futures, curve->n, future);
    return alvh_vix_future_model(years, vix_spot, p->vix_long_run, p->vix_speed, future);
}

/* The first VIX expiry at least min_days after valuation and after `after` (a serial). */
static alvh_status find_expiry(double valuation, double min_days, double after, double *expiry)
{
    int y, m, d;
    alvh_status st = alvh_ymd_from_serial(valuation, &y, &m, &d);
    if (st != ALVH_OK)
        return st;
    /* Start a month early: an expiry "of" a month falls in that month, but be safe. */
    if (--m == 0) {
        m = 12;
        --y;
    }
    for (int k = 0; k < 12 * 20; ++k) {
        double e;
        st = alvh_vix_expiry(y, m, &e);
        if (st != ALVH_OK)
            return st;
        if (e - valuation >= min_days && e > after && e > valuation) {
            *expiry = e;
            return ALVH_OK;
        }
        if (++m == 13) {
            m = 1;
            ++y;
        }
    }
    return ALVH_E_NO_EXPIRY;
}

/* The model's price of a layer (the source alvh_hedge_schedule() passes): the future from the
 * curve (quoted or model), the strike on the policy's grid, Black-76 with the layer's vol of
 * vol, and the value at the roll date from the same curve. */
typedef struct model_source {
    double vix_spot;
    const alvh_curve *curve;
} model_source;

static alvh_status model_price(void *ctx, int layer, double valuation, double expiry,
                               double years, const alvh_policy *p, alvh_layer_price *out)
{
    (void)valuation;
    (void)expiry;
    const model_source *m = ctx;
    const alvh_layer_policy *lp = &p->layers[layer - 1];
    alvh_status st = curve_future(years, m->vix_spot, p, m->curve, &out->future);
    if (st != ALVH_OK)
        return st;
    out->strike = strike_ceil(out->future + lp->otm_points, p);
    alvh_greeks g;
    st = alvh_black76_greeks(ALVH_CALL, out->future, out->strike, years, lp->vol_of_vol, p->rate,
                             &g);
    if (st != ALVH_OK)
        return st;
    out->price = g.price;
    out->delta = g.delta;
    /* Value at the roll date: roll_days before expiry, the future read from today's curve
     * at that remaining tenor (the curve stands still), the same vol of vol. */
    out->residual = 0.0;
    if (p->cost_method == ALVH_COST_CARRY) {
        double roll_years = lp->roll_days / 365.0, f_roll;
        st = curve_future(roll_years, m->vix_spot, p, m->curve, &f_roll);
        if (st == ALVH_OK)
            st = alvh_black76_price(ALVH_CALL, f_roll, out->strike, roll_years, lp->vol_of_vol,
                                    p->rate, &out->residual);
    }
    return st;
}

/* Contracts, debits, vegas, costs and coverages of rows[] whose prices are set. */
static alvh_status schedule_size(double notional, double condor_vega, const alvh_policy *p,
                                 const double unit_vega[ALVH_LAYERS],
                                 const double unit_carry[ALVH_LAYERS],
                                 alvh_layer_row rows[ALVH_LAYERS])
{
    double contracts[ALVH_LAYERS];
    if (p->sizing == ALVH_SIZING_VEGA) {
        alvh_calibration cal;
        alvh_status st = alvh_hedge_calibrate(condor_vega, unit_vega, p->coverage_target, p, &cal);
        for (int i = 0; i < ALVH_LAYERS; ++i)
            rows[i].contracts = cal.contracts[i]; /* the nearest, for the message on failure */
        rows[0].coverage = cal.coverage;          /* its total coverage, likewise */
        if (st != ALVH_OK)
            return st;
        memcpy(contracts, cal.contracts, sizeof contracts);
    } else {
        alvh_status st = alvh_hedge_size(notional, p, contracts);
        if (st != ALVH_OK)
            return st;
    }
    for (int i = 0; i < ALVH_LAYERS; ++i) {
        alvh_layer_row *r = &rows[i];
        double hold_days = r->days - p->layers[i].roll_days; /* > 0: roll_days < min_days */
        r->contracts = contracts[i];
        r->debit = r->price * contracts[i] * p->vix_multiplier;
        r->vega = contracts[i] * unit_vega[i];
        r->monthly_cost = contracts[i] * unit_carry[i] / hold_days * ALVH_DAYS_PER_MONTH / notional;
        r->coverage = r->vega / fabs(condor_vega);
        double c[ALVH_SCHEDULE_COLS];
        alvh_layer_row_values(r, c);
        for (int k = 0; k < ALVH_SCHEDULE_COLS; ++k)
            if (!isfinite(c[k]))
                return ALVH_E_NOT_FINITE;
    }
    return ALVH_OK;
}

/* The schedule's layers: expiries by the calendar, prices from src, then sizing and costs. */
static alvh_status schedule_layers(double valuation, double notional, double condor_vega,
                                   const alvh_policy *p, const alvh_layer_source *src,
                                   alvh_layer_row rows[ALVH_LAYERS], int *bad_layer)
{
    double unit_vega[ALVH_LAYERS];
    double unit_carry[ALVH_LAYERS]; /* dollars per contract charged over the holding period */
    double prev = -HUGE_VAL;
    for (int i = 0; i < ALVH_LAYERS; ++i) {
        const alvh_layer_policy *lp = &p->layers[i];
        alvh_layer_row *r = &rows[i];
        r->layer = i + 1;
        double e;
        alvh_status st = find_expiry(valuation, lp->min_days,
                                     p->distinct_expiries ? prev : -HUGE_VAL, &e);
        if (st != ALVH_OK) {
            *bad_layer = i + 1;
            return st;
        }
        r->expiry = e;
        r->days = e - valuation;
        if (r->days > lp->max_days) {
            *bad_layer = i + 1;
            return ALVH_E_NO_EXPIRY; /* rows[i].expiry/days hold the first candidate */
        }
        prev = e;
        double years;
        st = alvh_years_between(valuation, e, &years);
        if (st != ALVH_OK)
            return st;
        st = alvh_vix_beta(years, p->beta_weight, p->beta_fast, p->beta_slow, &r->beta);
        if (st != ALVH_OK)
            return st;
        alvh_layer_price lq;
        st = src->price(src->ctx, i + 1, valuation, e, years, p, &lq);
        if (st != ALVH_OK)
            return st; /* *bad_layer stays 0: a source that names layers says so itself */
        r->future = lq.future;
        r->strike = lq.strike;
        r->price = lq.price;
        r->delta = lq.delta;
        unit_vega[i] = p->vix_multiplier * lq.delta * r->beta;
        unit_carry[i] = (r->price - lq.residual) * p->vix_multiplier;
    }
    return schedule_size(notional, condor_vega, p, unit_vega, unit_carry, rows);
}

/* The model schedule. alvh_hedge_schedule() has checked the curve (and anchored it at spot). */
static alvh_status schedule_impl(double valuation, double vix_spot, double notional,
                                 double condor_vega, const alvh_policy *p, const alvh_curve *curve,
                                 alvh_layer_row rows[ALVH_LAYERS], int *bad_layer)
{
    *bad_layer = 0;
    memset(rows, 0, sizeof(alvh_layer_row) * ALVH_LAYERS);
    if (!isfinite(valuation))
        return ALVH_E_DATE;
    if (!alvh_positive_finite(vix_spot))
        return ALVH_E_SPOT;
    model_source m = {vix_spot, curve};
    alvh_layer_source src = {model_price, &m};
    return alvh_hedge_schedule_priced(valuation, notional, condor_vega, p, &src, rows, bad_layer);
}

alvh_status alvh_hedge_schedule_priced(double valuation, double notional, double condor_vega,
                                       const alvh_policy *p, const alvh_layer_source *src,
                                       alvh_layer_row rows[ALVH_LAYERS], int *bad_layer)
{
    *bad_layer = 0;
    memset(rows, 0, sizeof(alvh_layer_row) * ALVH_LAYERS);
    if (!isfinite(valuation))
        return ALVH_E_DATE;
    if (!alvh_positive_finite(notional))
        return ALVH_E_NOTIONAL;
    if (!isfinite(condor_vega) || condor_vega == 0.0)
        return ALVH_E_VEGA;
    if (!src || !src->price)
        return ALVH_E_ARGUMENT;
    return schedule_layers(valuation, notional, condor_vega, p, src, rows, bad_layer);
}

alvh_status alvh_hedge_schedule(double valuation, double vix_spot, double notional,
                                double condor_vega, const alvh_policy *p, const alvh_curve *curve,
                                alvh_layer_row rows[ALVH_LAYERS], int *bad_layer)
{
    *bad_layer = 0;
    memset(rows, 0, sizeof(alvh_layer_row) * ALVH_LAYERS);
    if (!curve || curve->n == 0 || !alvh_positive_finite(vix_spot))
        return schedule_impl(valuation, vix_spot, notional, condor_vega, p, NULL, rows, bad_layer);
    size_t bad;
    alvh_status st = alvh_vix_curve_check(curve->tenors, curve->futures, curve->n, &bad);
    if (st != ALVH_OK)
        return st;
    if (curve->tenors[0] == 0.0)
        return schedule_impl(valuation, vix_spot, notional, condor_vega, p, curve, rows, bad_layer);
    /* A future at expiry settles on the VIX: spot VIX is the curve at tenor 0, so a tenor
     * before the first quote (a roll date) interpolates from spot instead of staying flat. */
    double *t = malloc((curve->n + 1) * sizeof *t), *f = malloc((curve->n + 1) * sizeof *f);
    if (!t || !f) {
        free(t);
        free(f);
        return ALVH_E_NO_MEMORY;
    }
    t[0] = 0.0;
    f[0] = vix_spot;
    memcpy(t + 1, curve->tenors, curve->n * sizeof *t);
    memcpy(f + 1, curve->futures, curve->n * sizeof *f);
    alvh_curve anchored = {t, f, curve->n + 1};
    st = schedule_impl(valuation, vix_spot, notional, condor_vega, p, &anchored, rows, bad_layer);
    free(t);
    free(f);
    return st;
}

alvh_status alvh_hedge_breakeven(const double strikes[4], double credit, double hedge_debit,
                                 double contracts, double multiplier, int side, double *level)
{
    if (!condor_strikes_ok(strikes))
        return ALVH_E_STRIKES;
    if (!alvh_positive_finite(credit))
        return ALVH_E_PRICE;
    if (!isfinite(hedge_debit) || hedge_debit < 0.0 || !alvh_positive_finite(contracts))
        return ALVH_E_ARGUMENT;
    if (!alvh_positive_finite(multiplier))
        return ALVH_E_MULTIPLIER;
    if (side != -1 && side != 1)
        return ALVH_E_SIDE;
    double net = credit - hedge_debit / (contracts * multiplier);
    if (!(net > 0.0))
        return ALVH_E_HEDGE_COST;
    double wing = side < 0 ? strikes[1] - strikes[0] : strikes[3] - strikes[2];
    if (net >= wing)
        return ALVH_E_NO_BREAKEVEN;
    *level = side < 0 ? strikes[1] - net : strikes[2] + net;
    return ALVH_OK;
}
