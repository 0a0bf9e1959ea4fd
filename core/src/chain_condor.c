/* chain_condor.c: a short iron condor picked from one expiry's listed, quoted strikes
 * (alvh_chain_condor_pick in alvh/chain.h): short strikes by delta at each strike's own implied
 * vol, wings by listed strike, credits at mid and at natural, the expiry payoff's maximum loss
 * and break-evens (alvh/condor.h), the position's greeks (alvh_book_greek). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/chain.h"
#include "alvh/condor.h"
#include "base.h"

/* The short put (side -1) or call (+1): the out-of-the-money strike with a mid vol whose
 * |delta| is nearest short_delta; ties go to the strike farther from the forward. */
static size_t pick_short(const alvh_smile_point *s, size_t n, int side, double short_delta)
{
    size_t best = n;
    double best_d = HUGE_VAL;
    for (size_t i = 0; i < n; ++i) {
        if (s[i].status != ALVH_OK || s[i].kind != (side < 0 ? ALVH_PUT : ALVH_CALL))
            continue;
        double d = fabs(fabs(s[i].delta) - short_delta);
        if (side < 0 ? d < best_d : d <= best_d) { /* puts: the lowest; calls: the highest */
            best_d = d;
            best = i;
        }
    }
    return best;
}

/* The long leg beyond short strike index k: the strike with a mid vol nearest target; ties go
 * to the wider wing. */
static size_t pick_long(const alvh_smile_point *s, size_t n, size_t k, int side, double target)
{
    size_t best = n;
    double best_d = HUGE_VAL;
    for (size_t i = 0; i < n; ++i) {
        if (s[i].status != ALVH_OK || (side < 0 ? !(i < k) : !(i > k)))
            continue;
        double d = fabs(s[i].strike - target);
        if (side < 0 ? d < best_d : d <= best_d) {
            best_d = d;
            best = i;
        }
    }
    return best;
}

static alvh_status condor_greeks(const double strikes[4], const double vols[4], double forward,
                                 double rate, double years, alvh_chain_condor *out)
{
    alvh_leg legs[4];
    alvh_status st = alvh_condor_legs(strikes, years, vols, legs);
    const alvh_greek which[4] = {ALVH_GREEK_DELTA, ALVH_GREEK_GAMMA, ALVH_GREEK_VEGA,
                                 ALVH_GREEK_THETA};
    double *dst[4] = {&out->pos_delta, &out->pos_gamma, &out->pos_vega, &out->pos_theta};
    /* BSM on "spot" F with div_yield = rate is Black-76 on the forward F. */
    for (int k = 0; k < 4 && st == ALVH_OK; ++k)
        st = alvh_book_greek(legs, 4, which[k], forward, rate, rate, 1.0, dst[k]);
    return st;
}

/* Credits, maximum losses and break-evens of the legs in out. */
static alvh_status condor_values(alvh_chain_condor *out)
{
    out->put_wing = out->strikes[1] - out->strikes[0];
    out->call_wing = out->strikes[3] - out->strikes[2];
    out->credit_mid = out->mid[1] - out->mid[0] + out->mid[2] - out->mid[3];
    out->credit_natural = out->bid[1] - out->ask[0] + out->bid[2] - out->ask[3];
    alvh_status st = alvh_condor_max_loss(out->strikes, out->credit_mid, &out->max_loss);
    if (st == ALVH_OK)
        st = alvh_condor_max_loss(out->strikes, out->credit_natural, &out->max_loss_natural);
    if (st != ALVH_OK)
        return st;
    if (alvh_condor_breakeven(out->strikes, out->credit_mid, -1, &out->breakeven_lower) !=
        ALVH_OK)
        out->breakeven_lower = 0.0;
    if (alvh_condor_breakeven(out->strikes, out->credit_mid, 1, &out->breakeven_upper) !=
        ALVH_OK)
        out->breakeven_upper = 0.0;
    return ALVH_OK;
}

alvh_status alvh_chain_condor_pick(const alvh_quotes *q, double forward, double discount,
                                   double years, double short_delta, double wing,
                                   alvh_chain_condor *out)
{
    memset(out, 0, sizeof *out);
    if (!isfinite(short_delta) || !(short_delta > 0.0 && short_delta < 0.5))
        return ALVH_E_SHORT_DELTA;
    if (!alvh_positive_finite(wing))
        return ALVH_E_WING;
    size_t bad;
    alvh_status st = alvh_quotes_check(q, &bad);
    if (st != ALVH_OK)
        return st;
    alvh_smile_point *s = malloc(q->n * sizeof *s);
    if (!s)
        return ALVH_E_NO_MEMORY;
    st = alvh_chain_smile(q, forward, discount, years, s);
    size_t n = q->n, idx[4] = {n, n, n, n};
    if (st == ALVH_OK) {
        idx[1] = pick_short(s, n, -1, short_delta);
        idx[2] = pick_short(s, n, 1, short_delta);
        if (idx[1] < n && idx[2] < n) {
            idx[0] = pick_long(s, n, idx[1], -1, s[idx[1]].strike - wing);
            idx[3] = pick_long(s, n, idx[2], 1, s[idx[2]].strike + wing);
        }
        for (int k = 0; k < 4; ++k)
            if (idx[k] >= n)
                st = ALVH_E_NO_STRIKE;
    }
    double vols[4] = {0};
    for (int k = 0; k < 4 && st == ALVH_OK; ++k) {
        const alvh_smile_point *p = &s[idx[k]];
        out->strikes[k] = p->strike;
        out->bid[k] = p->bid;
        out->ask[k] = p->ask;
        out->mid[k] = p->mid;
        out->vol[k] = vols[k] = p->iv;
        out->delta[k] = p->delta;
    }
    free(s);
    if (st == ALVH_OK)
        st = condor_values(out);
    if (st == ALVH_OK)
        st = condor_greeks(out->strikes, vols, forward, -log(discount) / years, years, out);
    return st;
}
