/* chain_hedge.c: the ALVH layer schedule priced from VIX option quotes
 * (alvh_chain_hedge_schedule in alvh/chain.h): a pricing source for alvh_hedge_schedule_priced
 * (alvh/hedge.h) that reads each layer's future, listed strike and call quote from a VIX chain.
 * The expiries, sizing and cost rule stay the schedule's own. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/chain.h"
#include "alvh/impvol.h"
#include "alvh/vixcurve.h"
#include "base.h"

typedef struct quote_source {
    const alvh_chain *vix;
    alvh_curve curve;         /* spot VIX at tenor 0, then settlements or parity forwards */
    int settlements;          /* 1: the curve is the futures settlements */
    alvh_quote_price which;
    alvh_quoted_layer *quotes;
    int failed_layer;         /* the layer whose pricing failed, for *bad_layer */
} quote_source;

/* The smallest listed strike >= floor_strike whose call is two-sided; n when none. */
static size_t listed_strike(const alvh_quotes *q, double floor_strike)
{
    for (size_t i = 0; i < q->n; ++i)
        if (q->strike[i] >= floor_strike &&
            alvh_quote_check(q->call_bid[i], q->call_ask[i]) == ALVH_OK)
            return i;
    return q->n;
}

static alvh_status quote_layer(quote_source *src, int layer, double expiry, double years,
                               const alvh_policy *p, alvh_layer_price *out)
{
    const alvh_layer_policy *lp = &p->layers[layer - 1];
    size_t g;
    alvh_status st = alvh_chain_find(src->vix, expiry, "VIX", &g);
    if (st != ALVH_OK)
        return st;
    alvh_quotes q = alvh_chain_quotes(src->vix, g);
    alvh_parity par;
    st = alvh_parity_fit(&q, &par);
    if (st != ALVH_OK)
        return st;
    double rate = -log(par.discount) / years;
    out->future = par.forward;
    if (src->settlements) {
        st = alvh_vix_future_curve(years, src->curve.tenors, src->curve.futures, src->curve.n,
                                   &out->future);
        if (st != ALVH_OK)
            return st;
    }
    size_t k = listed_strike(&q, out->future + lp->otm_points);
    if (k == q.n)
        return ALVH_E_NO_STRIKE;
    alvh_quoted_layer *ql = &src->quotes[layer - 1];
    ql->bid = q.call_bid[k];
    ql->ask = q.call_ask[k];
    ql->rate = rate;
    out->strike = q.strike[k];
    out->price = src->which == ALVH_QUOTE_ASK ? ql->ask : 0.5 * (ql->bid + ql->ask);
    st = alvh_black76_implied_vol(ALVH_CALL, out->price, out->future, out->strike, years, rate,
                                  &ql->vol);
    alvh_greeks gk;
    if (st == ALVH_OK)
        st = alvh_black76_greeks(ALVH_CALL, out->future, out->strike, years, ql->vol, rate, &gk);
    if (st != ALVH_OK)
        return st;
    out->delta = gk.delta;
    /* The value at the roll date: the curve read at the remaining tenor (it stands still, as
     * in the model schedule), the quoted vol, the layer's rate. */
    out->residual = 0.0;
    if (p->cost_method == ALVH_COST_CARRY) {
        double roll_years = lp->roll_days / 365.0, f_roll;
        st = alvh_vix_future_curve(roll_years, src->curve.tenors, src->curve.futures,
                                   src->curve.n, &f_roll);
        if (st == ALVH_OK)
            st = alvh_black76_price(ALVH_CALL, f_roll, out->strike, roll_years, ql->vol, rate,
                                    &out->residual);
    }
    return st;
}

static alvh_status quote_price(void *ctx, int layer, double valuation, double expiry,
                               double years, const alvh_policy *p, alvh_layer_price *out)
{
    (void)valuation;
    quote_source *src = ctx;
    alvh_status st = quote_layer(src, layer, expiry, years, p, out);
    if (st != ALVH_OK)
        src->failed_layer = layer;
    return st;
}

/* The curve: spot VIX at tenor 0, then the settlements, or else the parity forward of every
 * unsettled VIX expiry whose fit succeeds. t and f hold room for ngroups + n + 1 points. */
static alvh_status build_curve(const alvh_chain *vix, const alvh_curve *futures, double *t,
                               double *f, alvh_curve *curve)
{
    size_t n = 0;
    t[n] = 0.0;
    f[n++] = vix->last;
    if (futures && futures->n > 0) {
        size_t bad;
        alvh_status st = alvh_vix_curve_check(futures->tenors, futures->futures, futures->n, &bad);
        if (st != ALVH_OK)
            return st;
        size_t skip = futures->tenors[0] == 0.0; /* a quote at tenor 0 replaces spot */
        if (skip)
            n = 0;
        memcpy(t + n, futures->tenors, futures->n * sizeof *t);
        memcpy(f + n, futures->futures, futures->n * sizeof *f);
        n += futures->n;
    } else {
        for (size_t g = 0; g < vix->ngroups; ++g) {
            const alvh_chain_group *x = &vix->groups[g];
            alvh_parity par;
            alvh_quotes q = alvh_chain_quotes(vix, g);
            if (!(x->years > 0.0) || !alvh_strieq(x->root, "VIX") ||
                alvh_parity_fit(&q, &par) != ALVH_OK)
                continue;
            t[n] = x->years;
            f[n++] = par.forward;
        }
    }
    curve->tenors = t;
    curve->futures = f;
    curve->n = n;
    size_t bad;
    return alvh_vix_curve_check(t, f, n, &bad);
}

alvh_status alvh_chain_hedge_schedule(const alvh_chain *vix, const alvh_curve *futures,
                                      alvh_quote_price price, double notional,
                                      double condor_vega, const alvh_policy *p,
                                      alvh_layer_row rows[ALVH_LAYERS],
                                      alvh_quoted_layer quotes[ALVH_LAYERS], int *bad_layer)
{
    *bad_layer = 0;
    memset(rows, 0, sizeof(alvh_layer_row) * ALVH_LAYERS);
    memset(quotes, 0, sizeof(alvh_quoted_layer) * ALVH_LAYERS);
    if (!vix || vix->ngroups == 0)
        return ALVH_E_CHAIN_EXPIRY;
    if (!alvh_positive_finite(vix->last))
        return ALVH_E_SPOT;
    size_t room = vix->ngroups + (futures ? futures->n : 0) + 1;
    double *t = malloc(room * sizeof *t), *f = malloc(room * sizeof *f);
    if (!t || !f) {
        free(t);
        free(f);
        return ALVH_E_NO_MEMORY;
    }
    quote_source src = {vix, {NULL, NULL, 0}, futures && futures->n > 0, price, quotes, 0};
    alvh_status st = build_curve(vix, futures, t, f, &src.curve);
    if (st == ALVH_OK) {
        alvh_layer_source s = {quote_price, &src};
        st = alvh_hedge_schedule_priced(vix->quote_time, notional, condor_vega, p, &s, rows,
                                        bad_layer);
        if (st != ALVH_OK && src.failed_layer)
            *bad_layer = src.failed_layer;
    }
    free(t);
    free(f);
    return st;
}
