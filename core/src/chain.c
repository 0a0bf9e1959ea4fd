/* chain.c: one expiry's quotes: the forward and discount from put-call parity, the implied vols
 * of the quotes (alvh/chain.h has the conventions; docs/chains.md the method and its sources).
 *
 * The parity fit. On one expiry C - P = D (F - K) = a - D K is a straight line in K whose
 * slope is -D and whose zero is the forward. Quotes are noisy (a mid is anywhere inside its
 * spread) and sometimes wrong (a stale quote left from before a move, a crossed quote), so the
 * line is fitted in three stages:
 *   - a reference forward F0 = K* + (C - P) at the strike where |C - P| is smallest: step 1 of
 *     the Cboe VIX Index method (Cboe, "VIX Mathematics Methodology", 2023, section 3.1);
 *   - a robust line through the pairs near F0: the slope is the weighted median of the slopes
 *     of all pairs of points, each weighted by its strike distance: the Sievers-Theil-Sen
 *     estimator (G. L. Sievers, "Weighted rank statistics for simple linear regression", JASA
 *     73 (1978) 628-631; unweighted: H. Theil 1950, P. K. Sen, JASA 63 (1968) 1379-1389). Its
 *     breakdown point is ~29%: a few bad pairs among a dozen do not move it; the weights make
 *     the wide pairs, which measure the slope best, count most;
 *   - outliers: residuals beyond both the pair's own quoted uncertainty (the call's and the
 *     put's half-spreads) and 3 robust standard deviations (1.4826 x the median absolute
 *     residual: F. R. Hampel, JASA 69 (1974) 383-393) are dropped;
 *   - weighted least squares on the rest, weights 1/(s_c^2 + s_p^2) (s: half-spreads, the
 *     scale of each mid's error), which is the efficient estimate once the outliers are gone.
 */
#include "alvh/chain.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/impvol.h"
#include "base.h"

/* The smallest half-spread a weight uses: half a cent, so a locked quote (bid == ask) is a
 * very precise but finite observation. */
#define HALF_SPREAD_FLOOR 0.005
/* Pairs beyond this many nearest the reference are left out of the robust fit (its cost is
 * quadratic; a 10% window on SPX holds ~200 strikes). */
#define PARITY_MAX_PAIRS 400
/* Outlier rule: 3 robust standard deviations; 1.4826 turns a median absolute deviation into
 * a normal standard deviation. */
#define OUTLIER_SIGMAS 3.0
#define MAD_TO_SD 1.482602218505602

alvh_status alvh_quote_check(double bid, double ask)
{
    if (!(isfinite(bid) && isfinite(ask) && bid > 0.0 && ask > 0.0))
        return ALVH_E_NO_QUOTE;
    return ask >= bid ? ALVH_OK : ALVH_E_CROSSED_QUOTE;
}

alvh_status alvh_quotes_check(const alvh_quotes *q, size_t *bad)
{
    *bad = 0;
    if (!q || q->n == 0 || !q->strike || !q->call_bid || !q->call_ask || !q->put_bid ||
        !q->put_ask)
        return ALVH_E_CHAIN_STRIKES;
    for (size_t i = 0; i < q->n; ++i) {
        *bad = i;
        if (!alvh_positive_finite(q->strike[i]) || (i > 0 && !(q->strike[i] > q->strike[i - 1])))
            return ALVH_E_CHAIN_STRIKES;
        if (!isfinite(q->call_bid[i]) || !isfinite(q->call_ask[i]) || !isfinite(q->put_bid[i]) ||
            !isfinite(q->put_ask[i]))
            return ALVH_E_PRICE;
    }
    *bad = 0;
    return ALVH_OK;
}

/* ---- the parity fit -------------------------------------------------------------------------- */

/* One strike with both sides two-sided: y = C - P (mids), s the half-spreads. */
typedef struct pair {
    double k, y, sc, sp;
    double dist; /* |k - reference| */
} pair;

typedef struct slope {
    double b, w;
} slope;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int cmp_slope(const void *a, const void *b)
{
    const slope *x = a, *y = b;
    if (x->b != y->b)
        return (x->b > y->b) - (x->b < y->b);
    return (x->w > y->w) - (x->w < y->w);
}

static int cmp_dist(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->dist != y->dist)
        return (x->dist > y->dist) - (x->dist < y->dist);
    return (x->k > y->k) - (x->k < y->k);
}

static int cmp_strike(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    return (x->k > y->k) - (x->k < y->k);
}

/* The median of v[0..n) (sorted in place); the mean of the middle two for even n. */
static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* The weighted median of the pairwise slopes of p[0..n), weights the strike distances: the
 * smallest slope at which the cumulated weight reaches half the total (the mean of it and the
 * next when it reaches exactly half). */
static alvh_status sievers_slope(const pair *p, size_t n, double *b)
{
    size_t m = n * (n - 1) / 2, k = 0;
    slope *s = malloc(m * sizeof *s);
    if (!s)
        return ALVH_E_NO_MEMORY;
    double total = 0.0;
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) {
            double w = p[j].k - p[i].k;
            s[k].b = (p[j].y - p[i].y) / w;
            s[k++].w = w;
            total += w;
        }
    qsort(s, m, sizeof *s, cmp_slope);
    double cum = 0.0;
    *b = s[m - 1].b;
    for (k = 0; k < m; ++k) {
        cum += s[k].w;
        if (cum >= 0.5 * total) {
            *b = (cum == 0.5 * total && k + 1 < m) ? 0.5 * (s[k].b + s[k + 1].b) : s[k].b;
            break;
        }
    }
    free(s);
    return ALVH_OK;
}

/* The robust line y = a + b K through p[0..n), n >= 3, then the outlier rule: keep[i]. */
static alvh_status robust_line(const pair *p, size_t n, int *keep, size_t *kept)
{
    double b;
    alvh_status st = sievers_slope(p, n, &b);
    if (st != ALVH_OK)
        return st;
    double *v = malloc(n * sizeof *v);
    if (!v)
        return ALVH_E_NO_MEMORY;
    for (size_t i = 0; i < n; ++i)
        v[i] = p[i].y - b * p[i].k;
    double a = median(v, n);
    for (size_t i = 0; i < n; ++i)
        v[i] = fabs(p[i].y - (a + b * p[i].k));
    double mad = median(v, n);
    *kept = 0;
    for (size_t i = 0; i < n; ++i) {
        double r = fabs(p[i].y - (a + b * p[i].k));
        double limit = fmax(p[i].sc + p[i].sp, OUTLIER_SIGMAS * MAD_TO_SD * mad);
        keep[i] = r <= limit;
        *kept += (size_t)keep[i];
    }
    free(v);
    return ALVH_OK;
}

/* Weighted least squares y = a + b K over the kept pairs, weights 1/(s_c^2 + s_p^2). */
static void wls_line(const pair *p, size_t n, const int *keep, double *a, double *b)
{
    double sw = 0.0, sk = 0.0, sy = 0.0;
    for (size_t i = 0; i < n; ++i)
        if (keep[i]) {
            double w = 1.0 / (p[i].sc * p[i].sc + p[i].sp * p[i].sp);
            sw += w;
            sk += w * p[i].k;
            sy += w * p[i].y;
        }
    double kbar = sk / sw, ybar = sy / sw, sxy = 0.0, sxx = 0.0;
    for (size_t i = 0; i < n; ++i)
        if (keep[i]) {
            double w = 1.0 / (p[i].sc * p[i].sc + p[i].sp * p[i].sp);
            double dk = p[i].k - kbar;
            sxy += w * dk * (p[i].y - ybar);
            sxx += w * dk * dk;
        }
    *b = sxy / sxx;
    *a = ybar - *b * kbar;
}

/* The pairs of q (both sides two-sided), and the reference forward. */
static size_t collect_pairs(const alvh_quotes *q, pair *p, double *reference)
{
    size_t n = 0, best = 0;
    for (size_t i = 0; i < q->n; ++i) {
        if (alvh_quote_check(q->call_bid[i], q->call_ask[i]) != ALVH_OK ||
            alvh_quote_check(q->put_bid[i], q->put_ask[i]) != ALVH_OK)
            continue;
        pair *x = &p[n];
        x->k = q->strike[i];
        x->y = 0.5 * (q->call_bid[i] + q->call_ask[i]) - 0.5 * (q->put_bid[i] + q->put_ask[i]);
        x->sc = fmax(0.5 * (q->call_ask[i] - q->call_bid[i]), HALF_SPREAD_FLOOR);
        x->sp = fmax(0.5 * (q->put_ask[i] - q->put_bid[i]), HALF_SPREAD_FLOOR);
        if (fabs(x->y) < fabs(p[best].y) || n == 0)
            best = n;
        ++n;
    }
    *reference = n ? p[best].k + p[best].y : 0.0;
    return n;
}

/* Keeps the pairs of the window (sorted by strike again); returns how many. */
static size_t window_pairs(pair *p, size_t n, double reference)
{
    for (size_t i = 0; i < n; ++i)
        p[i].dist = fabs(p[i].k - reference);
    qsort(p, n, sizeof *p, cmp_dist);
    size_t w = 0;
    while (w < n && p[w].dist <= ALVH_PARITY_WINDOW * fabs(reference))
        ++w;
    if (w < ALVH_PARITY_MIN_PAIRS)
        w = n < ALVH_PARITY_MIN_PAIRS ? n : ALVH_PARITY_MIN_PAIRS;
    if (w > PARITY_MAX_PAIRS)
        w = PARITY_MAX_PAIRS;
    qsort(p, w, sizeof *p, cmp_strike);
    return w;
}

alvh_status alvh_parity_fit(const alvh_quotes *q, alvh_parity *out)
{
    memset(out, 0, sizeof *out);
    size_t bad;
    alvh_status st = alvh_quotes_check(q, &bad);
    if (st != ALVH_OK)
        return st;
    pair *p = malloc(q->n * sizeof *p);
    int *keep = malloc(q->n * sizeof *keep);
    if (!p || !keep) {
        free(p);
        free(keep);
        return ALVH_E_NO_MEMORY;
    }
    size_t n = collect_pairs(q, p, &out->reference);
    if (n >= 2)
        n = window_pairs(p, n, out->reference);
    out->pairs = n;
    double a = 0.0, b = 0.0;
    if (n < 2) {
        st = ALVH_E_CHAIN_PAIRS;
    } else if (n == 2) {
        b = (p[1].y - p[0].y) / (p[1].k - p[0].k);
        a = p[0].y - b * p[0].k;
        out->used = 2;
    } else {
        st = robust_line(p, n, keep, &out->used);
        if (st == ALVH_OK)
            wls_line(p, n, keep, &a, &b);
    }
    free(p);
    free(keep);
    if (st != ALVH_OK)
        return st;
    out->outliers = out->pairs - out->used;
    out->discount = -b;
    out->forward = a / out->discount;
    if (!isfinite(out->discount) || !isfinite(out->forward))
        return ALVH_E_CHAIN_PARITY;
    if (!(out->discount > 0.0 && out->discount < 2.0) || !(out->forward > 0.0))
        return ALVH_E_CHAIN_PARITY;
    return ALVH_OK;
}

/* ---- single pairs and carry ------------------------------------------------------------------ */

static int discount_ok(double d)
{
    return isfinite(d) && d > 0.0 && d < 2.0;
}

static int prices_ok(double call, double put)
{
    return isfinite(call) && call >= 0.0 && isfinite(put) && put >= 0.0;
}

alvh_status alvh_parity_carry(double forward, double discount, double years, double spot,
                              double *rate, double *div_yield)
{
    if (!alvh_positive_finite(forward))
        return ALVH_E_FORWARD;
    if (!discount_ok(discount))
        return ALVH_E_ARGUMENT;
    if (!alvh_positive_finite(years))
        return ALVH_E_YEARS;
    if (div_yield && !alvh_positive_finite(spot))
        return ALVH_E_SPOT;
    double r = -log(discount) / years;
    double q = div_yield ? r - log(forward / spot) / years : 0.0;
    if (!isfinite(r) || !isfinite(q))
        return ALVH_E_NOT_FINITE;
    *rate = r;
    if (div_yield)
        *div_yield = q;
    return ALVH_OK;
}

alvh_status alvh_parity_forward(double call, double put, double strike, double discount,
                                double *forward)
{
    if (!prices_ok(call, put))
        return ALVH_E_PRICE;
    if (!alvh_positive_finite(strike))
        return ALVH_E_STRIKE;
    if (!discount_ok(discount))
        return ALVH_E_ARGUMENT;
    double f = strike + (call - put) / discount;
    if (!isfinite(f))
        return ALVH_E_NOT_FINITE;
    if (!(f > 0.0))
        return ALVH_E_CHAIN_PARITY;
    *forward = f;
    return ALVH_OK;
}

alvh_status alvh_parity_conversion(double call, double put, double spot, double strike,
                                   double years, double rate, double div_yield, double *value)
{
    if (!prices_ok(call, put))
        return ALVH_E_PRICE;
    if (!alvh_positive_finite(spot))
        return ALVH_E_SPOT;
    if (!alvh_positive_finite(strike))
        return ALVH_E_STRIKE;
    if (!isfinite(years) || years < 0.0)
        return ALVH_E_YEARS;
    if (!isfinite(rate))
        return ALVH_E_RATE;
    if (!isfinite(div_yield))
        return ALVH_E_DIV_YIELD;
    double v = strike * exp(-rate * years) - spot * exp(-div_yield * years) + call - put;
    if (!isfinite(v))
        return ALVH_E_NOT_FINITE;
    *value = v;
    return ALVH_OK;
}

/* ---- implied vols ---------------------------------------------------------------------------- */

alvh_status alvh_option_ivs(int kind, double bid, double ask, double forward, double strike,
                            double discount, double years, alvh_smile_point *out)
{
    memset(out, 0, sizeof *out);
    if (kind != ALVH_CALL && kind != ALVH_PUT)
        return ALVH_E_OPTION_TYPE;
    if (!alvh_positive_finite(forward))
        return ALVH_E_FORWARD;
    if (!alvh_positive_finite(strike))
        return ALVH_E_STRIKE;
    if (!discount_ok(discount))
        return ALVH_E_ARGUMENT;
    if (!isfinite(years))
        return ALVH_E_YEARS;
    if (!(years > 0.0))
        return ALVH_E_SETTLED;
    double rate = -log(discount) / years;
    out->strike = strike;
    out->kind = kind;
    out->bid = isfinite(bid) && bid > 0.0 ? bid : 0.0;
    out->ask = isfinite(ask) && ask > 0.0 ? ask : 0.0;
    out->status = alvh_quote_check(bid, ask);
    if (out->status == ALVH_OK) {
        out->mid = 0.5 * (bid + ask);
        out->status = alvh_black76_implied_vol(kind, out->mid, forward, strike, years, rate,
                                               &out->iv);
    }
    out->status_bid = out->bid > 0.0 ? alvh_black76_implied_vol(kind, out->bid, forward, strike,
                                                                years, rate, &out->iv_bid)
                                     : ALVH_E_NO_QUOTE;
    out->status_ask = out->ask > 0.0 ? alvh_black76_implied_vol(kind, out->ask, forward, strike,
                                                                years, rate, &out->iv_ask)
                                     : ALVH_E_NO_QUOTE;
    if (out->status != ALVH_OK)
        out->iv = 0.0;
    if (out->status_bid != ALVH_OK)
        out->iv_bid = 0.0;
    if (out->status_ask != ALVH_OK)
        out->iv_ask = 0.0;
    if (out->status == ALVH_OK) {
        alvh_greeks g;
        if (alvh_black76_greeks(kind, forward, strike, years, out->iv, rate, &g) == ALVH_OK)
            out->delta = g.delta;
    }
    return ALVH_OK;
}

alvh_status alvh_chain_smile(const alvh_quotes *q, double forward, double discount,
                             double years, alvh_smile_point *out)
{
    size_t bad;
    alvh_status st = alvh_quotes_check(q, &bad);
    if (st != ALVH_OK)
        return st;
    for (size_t i = 0; i < q->n; ++i) {
        int put = q->strike[i] < forward;
        st = alvh_option_ivs(put ? ALVH_PUT : ALVH_CALL, put ? q->put_bid[i] : q->call_bid[i],
                             put ? q->put_ask[i] : q->call_ask[i], forward, q->strike[i],
                             discount, years, &out[i]);
        if (st != ALVH_OK)
            return st;
    }
    return ALVH_OK;
}

alvh_status alvh_smile_atm_vol(const alvh_smile_point *s, size_t n, double forward, double *vol)
{
    for (size_t i = 0; i + 1 < n; ++i)
        if (s[i].strike <= forward && forward < s[i + 1].strike && s[i].status == ALVH_OK &&
            s[i + 1].status == ALVH_OK) {
            double w = (forward - s[i].strike) / (s[i + 1].strike - s[i].strike);
            *vol = s[i].iv + w * (s[i + 1].iv - s[i].iv);
            return ALVH_OK;
        }
    size_t best = n;
    for (size_t i = 0; i < n; ++i)
        if (s[i].status == ALVH_OK &&
            (best == n || fabs(s[i].strike - forward) < fabs(s[best].strike - forward)))
            best = i;
    if (best == n)
        return ALVH_E_NO_QUOTE;
    *vol = s[best].iv;
    return ALVH_OK;
}
