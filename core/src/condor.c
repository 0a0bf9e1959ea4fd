/* condor.c: iron condor construction and risk, and books of European option legs.
 * See alvh/condor.h for the conventions, formulas and rounding rules. */
#include "alvh/condor.h"

#include <math.h>

#include "alvh/black.h"
#include "alvh/impvol.h"
#include "base.h"

/* A computed strike this close to a grid strike (in units of step) is that grid strike: the
 * closed-form strike carries ~1e-13 relative rounding noise, far below 1e-9 step, while any
 * real distance to the grid a user could see is far above it. */
#define GRID_SNAP 1e-9

/* The largest grid strike <= k (within GRID_SNAP). */
static double grid_down(double k, double step)
{
    double q = k / step;
    double n = floor(q);
    if (q - n > 1.0 - GRID_SNAP)
        n += 1.0;
    return n * step;
}

/* The smallest grid strike >= k (within GRID_SNAP). */
static double grid_up(double k, double step)
{
    double q = k / step;
    double n = ceil(q);
    if (n - q > 1.0 - GRID_SNAP)
        n -= 1.0;
    return n * step;
}

alvh_status alvh_condor_check_strikes(const double strikes[4])
{
    for (int i = 0; i < 4; ++i)
        if (!isfinite(strikes[i]))
            return ALVH_E_STRIKES;
    if (!(strikes[0] > 0.0 && strikes[0] < strikes[1] && strikes[1] <= strikes[2] &&
          strikes[2] < strikes[3]))
        return ALVH_E_STRIKES;
    return ALVH_OK;
}

alvh_status alvh_condor_strikes(double spot, double years, double vol, double short_delta,
                                double wing, double step, double rate, double div_yield,
                                double strikes[4])
{
    if (!alvh_positive_finite(spot))
        return ALVH_E_SPOT;
    if (!alvh_positive_finite(years))
        return ALVH_E_YEARS;
    if (!alvh_positive_finite(vol))
        return ALVH_E_VOL;
    if (!isfinite(rate))
        return ALVH_E_RATE;
    if (!isfinite(div_yield))
        return ALVH_E_DIV_YIELD;
    if (!(isfinite(short_delta) && short_delta > 0.0 && short_delta < 0.5))
        return ALVH_E_SHORT_DELTA;
    if (!(isfinite(step) && step >= 0.0))
        return ALVH_E_STEP;
    if (!alvh_positive_finite(wing))
        return ALVH_E_WING;
    double w = wing;
    if (step > 0.0) {
        double r = wing / step;
        double n = nearbyint(r);
        if (!(n >= 1.0) || fabs(r - n) > GRID_SNAP)
            return ALVH_E_WING;
        w = n * step;
    }
    double kp = 0.0, kc = 0.0;
    alvh_status st = alvh_bsm_strike_from_delta(ALVH_PUT, -short_delta, spot, years, vol, rate,
                                                div_yield, &kp);
    if (st != ALVH_OK)
        return st;
    st = alvh_bsm_strike_from_delta(ALVH_CALL, short_delta, spot, years, vol, rate, div_yield,
                                    &kc);
    if (st != ALVH_OK)
        return st;
    if (!isfinite(kp) || !isfinite(kc))
        return ALVH_E_NOT_FINITE;
    if (step > 0.0) {
        kp = grid_down(kp, step);
        kc = grid_up(kc, step);
    }
    double k[4] = {kp - w, kp, kc, kc + w};
    st = alvh_condor_check_strikes(k);
    if (st != ALVH_OK)
        return st;
    for (int i = 0; i < 4; ++i)
        strikes[i] = k[i];
    return ALVH_OK;
}

double alvh_smile_factor(double strike, double spot, double skew)
{
    if (skew == 0.0 || strike <= 0.0)
        return 1.0;
    return fmax(1.0 - skew * log(strike / spot), ALVH_SMILE_FLOOR);
}

alvh_status alvh_condor_skew_vols(const double strikes[4], double spot, double vol, double skew,
                                  double vols[4])
{
    alvh_status st = alvh_condor_check_strikes(strikes);
    if (st != ALVH_OK)
        return st;
    if (!alvh_positive_finite(spot))
        return ALVH_E_SPOT;
    if (!(isfinite(vol) && vol >= 0.0))
        return ALVH_E_VOL;
    if (!isfinite(skew))
        return ALVH_E_SKEW;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        v[i] = vol * alvh_smile_factor(strikes[i], spot, skew);
        if (!(isfinite(v[i]) && v[i] >= 0.0))
            return ALVH_E_SKEW;
    }
    for (int i = 0; i < 4; ++i)
        vols[i] = v[i];
    return ALVH_OK;
}

alvh_status alvh_condor_legs(const double strikes[4], double years, const double vols[4],
                             alvh_leg legs[4])
{
    static const int kinds[4] = {ALVH_PUT, ALVH_PUT, ALVH_CALL, ALVH_CALL};
    static const double qty[4] = {1.0, -1.0, -1.0, 1.0};
    alvh_status st = alvh_condor_check_strikes(strikes);
    if (st != ALVH_OK)
        return st;
    if (!(isfinite(years) && years >= 0.0))
        return ALVH_E_YEARS;
    for (int i = 0; i < 4; ++i)
        if (!(isfinite(vols[i]) && vols[i] >= 0.0))
            return ALVH_E_VOL;
    for (int i = 0; i < 4; ++i)
        legs[i] = (alvh_leg){kinds[i], strikes[i], qty[i], years, vols[i]};
    return ALVH_OK;
}

alvh_status alvh_condor_credit(const double strikes[4], double spot, double years,
                               const double vols[4], double rate, double div_yield,
                               double *credit)
{
    alvh_leg legs[4];
    alvh_status st = alvh_condor_legs(strikes, years, vols, legs);
    if (st != ALVH_OK)
        return st;
    double value = 0.0;
    st = alvh_book_value(legs, 4, spot, 0.0, rate, div_yield, 1.0, &value);
    if (st != ALVH_OK)
        return st;
    /* The book of the short condor is worth -credit. */
    *credit = -value;
    return ALVH_OK;
}

alvh_status alvh_condor_check_credit(const double strikes[4], double credit)
{
    alvh_status st = alvh_condor_check_strikes(strikes);
    if (st != ALVH_OK)
        return st;
    if (!isfinite(credit))
        return ALVH_E_PRICE;
    double wing = fmax(strikes[1] - strikes[0], strikes[3] - strikes[2]);
    return credit > 0.0 && credit < wing ? ALVH_OK : ALVH_E_CREDIT;
}

alvh_status alvh_condor_max_loss(const double strikes[4], double credit, double *max_loss)
{
    alvh_status st = alvh_condor_check_credit(strikes, credit);
    if (st != ALVH_OK)
        return st;
    *max_loss = fmax(strikes[1] - strikes[0], strikes[3] - strikes[2]) - credit;
    return isfinite(*max_loss) ? ALVH_OK : ALVH_E_NOT_FINITE;
}

alvh_status alvh_condor_breakeven(const double strikes[4], double credit, int side,
                                  double *level)
{
    alvh_status st = alvh_condor_check_strikes(strikes);
    if (st != ALVH_OK)
        return st;
    if (side != -1 && side != 1)
        return ALVH_E_SIDE;
    if (!isfinite(credit))
        return ALVH_E_PRICE;
    double width = side < 0 ? strikes[1] - strikes[0] : strikes[3] - strikes[2];
    if (!(credit > 0.0 && credit < width))
        return ALVH_E_NO_BREAKEVEN;
    /* Below K1 the expiry P&L is credit - (K1 - S) until K0; above K2 it is credit - (S - K2). */
    *level = side < 0 ? strikes[1] - credit : strikes[2] + credit;
    return ALVH_OK;
}

static double norm_cdf(double x)
{
    return 0.5 * erfc(-x / sqrt(2.0));
}

alvh_status alvh_condor_pop(double lower, double upper, double spot, double years,
                            double dist_vol, double rate, double div_yield, double *pop)
{
    if (!alvh_positive_finite(spot))
        return ALVH_E_SPOT;
    if (!(isfinite(years) && years >= 0.0))
        return ALVH_E_YEARS;
    if (!(isfinite(dist_vol) && dist_vol >= 0.0))
        return ALVH_E_VOL;
    if (!isfinite(rate))
        return ALVH_E_RATE;
    if (!isfinite(div_yield))
        return ALVH_E_DIV_YIELD;
    if (!(alvh_positive_finite(lower) && isfinite(upper) && lower < upper))
        return ALVH_E_STRIKES;
    double p;
    double sd = dist_vol * sqrt(years);
    if (sd == 0.0) {
        /* No randomness: the index finishes at its forward. */
        double fwd = spot * exp((rate - div_yield) * years);
        p = lower < fwd && fwd < upper ? 1.0 : 0.0;
    } else {
        double m = (rate - div_yield - 0.5 * dist_vol * dist_vol) * years;
        double dl = (log(spot / lower) + m) / sd;
        double du = (log(spot / upper) + m) / sd;
        p = norm_cdf(dl) - norm_cdf(du);
        if (p < 0.0)
            p = 0.0; /* rounding when both tails vanish */
    }
    if (!isfinite(p))
        return ALVH_E_NOT_FINITE;
    *pop = p;
    return ALVH_OK;
}

/* ---- books ------------------------------------------------------------------------------------ */

alvh_status alvh_leg_check(const alvh_leg *leg)
{
    if (leg->kind != ALVH_CALL && leg->kind != ALVH_PUT)
        return ALVH_E_OPTION_TYPE;
    if (!(isfinite(leg->strike) &&
          (leg->strike > 0.0 || (leg->strike == 0.0 && leg->kind == ALVH_CALL))))
        return ALVH_E_STRIKE;
    if (!isfinite(leg->quantity))
        return ALVH_E_ARGUMENT;
    if (!(isfinite(leg->years) && leg->years >= 0.0))
        return ALVH_E_YEARS;
    if (!(isfinite(leg->vol) && leg->vol >= 0.0))
        return ALVH_E_VOL;
    return ALVH_OK;
}

static alvh_status check_market(double spot, double rate, double div_yield, double multiplier)
{
    if (!alvh_positive_finite(spot))
        return ALVH_E_SPOT;
    if (!isfinite(rate))
        return ALVH_E_RATE;
    if (!isfinite(div_yield))
        return ALVH_E_DIV_YIELD;
    if (!alvh_positive_finite(multiplier))
        return ALVH_E_MULTIPLIER;
    return ALVH_OK;
}

alvh_status alvh_book_value(const alvh_leg *legs, size_t n, double spot, double elapsed,
                            double rate, double div_yield, double multiplier, double *value)
{
    alvh_status st = check_market(spot, rate, div_yield, multiplier);
    if (st != ALVH_OK)
        return st;
    if (!(isfinite(elapsed) && elapsed >= 0.0))
        return ALVH_E_DAYS;
    double sum = 0.0;
    for (size_t i = 0; i < n; ++i) {
        st = alvh_leg_check(&legs[i]);
        if (st != ALVH_OK)
            return st;
        double remaining = legs[i].years - elapsed;
        double price;
        if (remaining <= 0.0) {
            price = fmax(legs[i].kind * (spot - legs[i].strike), 0.0); /* expired: payoff */
        } else {
            st = alvh_bsm_price(legs[i].kind, spot, legs[i].strike, remaining, legs[i].vol, rate,
                                div_yield, &price);
            if (st != ALVH_OK)
                return st;
        }
        sum += legs[i].quantity * price;
    }
    sum *= multiplier;
    if (!isfinite(sum))
        return ALVH_E_NOT_FINITE;
    *value = sum;
    return ALVH_OK;
}

alvh_status alvh_book_greek(const alvh_leg *legs, size_t n, alvh_greek greek, double spot,
                            double rate, double div_yield, double multiplier, double *value)
{
    alvh_status st = check_market(spot, rate, div_yield, multiplier);
    if (st != ALVH_OK)
        return st;
    if ((int)greek < 0 || greek >= ALVH_GREEK_COUNT_)
        return ALVH_E_GREEK;
    double sum = 0.0;
    for (size_t i = 0; i < n; ++i) {
        st = alvh_leg_check(&legs[i]);
        if (st != ALVH_OK)
            return st;
        alvh_greeks g;
        st = alvh_bsm_greeks(legs[i].kind, spot, legs[i].strike, legs[i].years, legs[i].vol,
                             rate, div_yield, &g);
        if (st != ALVH_OK)
            return st;
        sum += legs[i].quantity * alvh_greek_value(&g, greek);
    }
    sum *= multiplier;
    if (!isfinite(sum))
        return ALVH_E_NOT_FINITE;
    *value = sum;
    return ALVH_OK;
}

double alvh_book_first_expiry(const alvh_leg *legs, size_t n)
{
    double t = n > 0 ? legs[0].years : 0.0;
    for (size_t i = 1; i < n; ++i)
        if (legs[i].years < t)
            t = legs[i].years;
    return t;
}
