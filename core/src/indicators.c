/* indicators.c: RSI, MACD, advance-decline line and divergence, and the ALVH triggers.
 *
 * RSI and MACD follow TA-Lib 0.6's ta_RSI.c / ta_MACD.c / ta_EMA.c (default compatibility,
 * unstable period 0) operation for operation, written from their documented algorithm:
 * the order of the floating-point operations below is part of the contract (it is what makes
 * the results agree with TA-Lib to the last bits, not just to 1e-10), so do not "simplify" it.
 */
#include "alvh/indicators.h"

#include <math.h>
#include <stdlib.h>

/* TA-Lib's TA_IS_ZERO (ta_utility.h, TA_EPSILON = 1e-14): an RSI window whose average gain plus
 * average loss is below this is flat, and TA_RSI gives it the value 0. */
#define RSI_FLAT_EPSILON 1e-14

static int period_ok(size_t period, size_t min)
{
    return period >= min && period <= ALVH_PERIOD_MAX;
}

static int all_finite(const double *x, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (!isfinite(x[i]))
            return 0;
    return 1;
}

/* ---- RSI ---------------------------------------------------------------------------------- */

size_t alvh_rsi_lookback(size_t period)
{
    return period;
}

static double rsi_value(double avg_gain, double avg_loss)
{
    double sum = avg_gain + avg_loss;
    if (-RSI_FLAT_EPSILON < sum && sum < RSI_FLAT_EPSILON)
        return 0.0;
    return 100.0 * (avg_gain / sum); /* = 100 - 100/(1 + RS), RS = avg_gain/avg_loss */
}

alvh_status alvh_rsi(const double *closes, size_t n, size_t period, double *rsi)
{
    if (!closes || !rsi)
        return ALVH_E_ARGUMENT;
    if (!period_ok(period, ALVH_PERIOD_MIN))
        return ALVH_E_PERIOD;
    if (n <= period)
        return ALVH_E_SHORT_SERIES;
    if (!all_finite(closes, n))
        return ALVH_E_RANGE_VALUE;

    const double p = (double)period, pm1 = (double)(period - 1);
    /* Seed: simple averages of the first `period` gains and losses (Wilder 1978, ch. 6;
     * TA_RSI accumulates the sums in row order, then divides). */
    double gain = 0.0, loss = 0.0;
    for (size_t i = 1; i <= period; ++i) {
        double d = closes[i] - closes[i - 1];
        if (d < 0)
            loss -= d;
        else
            gain += d;
    }
    loss /= p;
    gain /= p;
    rsi[period] = rsi_value(gain, loss);
    if (!isfinite(rsi[period]))
        return ALVH_E_NOT_FINITE;
    /* Wilder smoothing, in TA_RSI's order: multiply by period-1, add today's move, divide. */
    for (size_t i = period + 1; i < n; ++i) {
        double d = closes[i] - closes[i - 1];
        loss *= pm1;
        gain *= pm1;
        if (d < 0)
            loss -= d;
        else
            gain += d;
        loss /= p;
        gain /= p;
        rsi[i] = rsi_value(gain, loss);
        if (!isfinite(rsi[i]))
            return ALVH_E_NOT_FINITE;
    }
    return ALVH_OK;
}

/* ---- MACD --------------------------------------------------------------------------------- */

size_t alvh_macd_lookback(size_t slow)
{
    return slow - 1;
}

size_t alvh_macd_signal_lookback(size_t slow, size_t signal)
{
    return slow + signal - 2;
}

alvh_status alvh_macd(const double *closes, size_t n, size_t fast, size_t slow, size_t signal,
                      double *macd, double *signal_line, double *hist)
{
    if (!closes || !macd || !signal_line || !hist)
        return ALVH_E_ARGUMENT;
    if (!period_ok(fast, ALVH_PERIOD_MIN) || !period_ok(slow, ALVH_PERIOD_MIN) ||
        !period_ok(signal, 1))
        return ALVH_E_PERIOD;
    if (fast >= slow)
        return ALVH_E_FAST_SLOW;
    if (n < slow + signal - 1)
        return ALVH_E_SHORT_SERIES;
    if (!all_finite(closes, n))
        return ALVH_E_RANGE_VALUE;

    /* k = 2/(n+1): TA-Lib's PER_TO_K, computed the same way. */
    const double k_slow = 2.0 / (double)(slow + 1);
    const double k_fast = 2.0 / (double)(fast + 1);
    const double k_signal = 2.0 / (double)(signal + 1);
    const size_t first = slow - 1;                 /* first MACD value */
    const size_t first_signal = slow + signal - 2; /* first signal and histogram value */

    /* Seeds (TA_INT_EMA, default compatibility): simple averages whose windows END on the same
     * row, index slow-1: the slow one over closes[0..slow-1], the fast one over
     * closes[slow-fast..slow-1]; each a sum in row order, then one division. */
    double slow_ema = 0.0, fast_ema = 0.0;
    for (size_t i = 0; i < slow; ++i)
        slow_ema += closes[i];
    slow_ema /= (double)slow;
    for (size_t i = slow - fast; i < slow; ++i)
        fast_ema += closes[i];
    fast_ema /= (double)fast;

    double signal_sum = 0.0, signal_ema = 0.0;
    for (size_t i = first; i < n; ++i) {
        if (i > first) {
            /* The EMA recursion exactly as TA_INT_EMA writes it: ((x - prev)*k) + prev. */
            slow_ema = ((closes[i] - slow_ema) * k_slow) + slow_ema;
            fast_ema = ((closes[i] - fast_ema) * k_fast) + fast_ema;
        }
        double m = fast_ema - slow_ema;
        if (!isfinite(m))
            return ALVH_E_NOT_FINITE;
        macd[i] = m;
        if (i < first_signal) {
            signal_sum += m;
            continue;
        }
        if (i == first_signal) {
            signal_sum += m;
            signal_ema = signal_sum / (double)signal; /* seed: SMA of the first `signal` MACDs */
        } else {
            signal_ema = ((m - signal_ema) * k_signal) + signal_ema;
        }
        double h = m - signal_ema;
        if (!isfinite(signal_ema) || !isfinite(h))
            return ALVH_E_NOT_FINITE;
        signal_line[i] = signal_ema;
        hist[i] = h;
    }
    return ALVH_OK;
}

/* ---- advance-decline line ----------------------------------------------------------------- */

alvh_status alvh_ad_line(const double *advancers, const double *decliners, size_t n, double *ad)
{
    if (!advancers || !decliners || !ad)
        return ALVH_E_ARGUMENT;
    if (n == 0)
        return ALVH_E_SHORT_SERIES;
    for (size_t i = 0; i < n; ++i)
        if (!(isfinite(advancers[i]) && advancers[i] >= 0 && isfinite(decliners[i]) &&
              decliners[i] >= 0))
            return ALVH_E_BREADTH;
    double sum = 0.0;
    for (size_t i = 0; i < n; ++i) {
        sum += advancers[i] - decliners[i];
        if (!isfinite(sum))
            return ALVH_E_NOT_FINITE;
        ad[i] = sum;
    }
    return ALVH_OK;
}

/* ---- divergence --------------------------------------------------------------------------- */

/* A monotonic deque of indices over a ring buffer of cap slots: the front holds the index of
 * the window's maximum (sign = +1) or minimum (sign = -1). Each index enters and leaves once,
 * so a pass over n rows is O(n) (the "ascending minima" sliding-window method). */
typedef struct {
    size_t *slot;
    size_t cap, head, count;
    double sign;
} deque;

static size_t dq_front(const deque *d)
{
    return d->slot[d->head];
}

/* Slot of the k-th entry from the front (k < cap): a wrap instead of a division. */
static size_t dq_slot(const deque *d, size_t k)
{
    size_t j = d->head + k;
    return j >= d->cap ? j - d->cap : j;
}

static void dq_push(deque *d, const double *x, size_t i)
{
    /* Drop the back while it can never again be the extreme: x[back] not beyond x[i]. */
    const double xi = d->sign * x[i];
    while (d->count > 0 && !(d->sign * x[d->slot[dq_slot(d, d->count - 1)]] > xi))
        --d->count;
    d->slot[dq_slot(d, d->count)] = i;
    ++d->count;
}

static void dq_expire(deque *d, size_t oldest_kept)
{
    while (d->count > 0 && dq_front(d) < oldest_kept) {
        d->head = d->head + 1 == d->cap ? 0 : d->head + 1;
        --d->count;
    }
}

alvh_status alvh_ad_divergence(const double *ad_line, const double *spx, size_t n,
                               size_t lookback, int *divergence)
{
    if (!ad_line || !spx || !divergence)
        return ALVH_E_ARGUMENT;
    if (!period_ok(lookback, ALVH_PERIOD_MIN))
        return ALVH_E_PERIOD;
    if (n <= lookback)
        return ALVH_E_SHORT_SERIES;
    if (!all_finite(ad_line, n) || !all_finite(spx, n))
        return ALVH_E_RANGE_VALUE;

    /* Window of row i: the previous `lookback` rows, i-lookback .. i-1 (at most lookback+1
     * indices are held between a push and the next expiry). */
    size_t cap = lookback + 1;
    size_t *buf = malloc(4 * cap * sizeof *buf);
    if (!buf)
        return ALVH_E_NO_MEMORY;
    deque spx_max = {buf, cap, 0, 0, 1.0}, spx_min = {buf + cap, cap, 0, 0, -1.0};
    deque ad_max = {buf + 2 * cap, cap, 0, 0, 1.0}, ad_min = {buf + 3 * cap, cap, 0, 0, -1.0};

    for (size_t i = 0; i < n; ++i) {
        if (i >= lookback) {
            int d = 0;
            if (spx[i] > spx[dq_front(&spx_max)] && !(ad_line[i] > ad_line[dq_front(&ad_max)]))
                d = -1; /* bearish: SPX at a new high, the A/D line not */
            else if (spx[i] < spx[dq_front(&spx_min)] &&
                     !(ad_line[i] < ad_line[dq_front(&ad_min)]))
                d = 1; /* bullish: SPX at a new low, the A/D line not */
            divergence[i] = d;
        }
        dq_push(&spx_max, spx, i);
        dq_push(&spx_min, spx, i);
        dq_push(&ad_max, ad_line, i);
        dq_push(&ad_min, ad_line, i);
        if (i + 1 >= lookback) { /* next row's window starts at i+1-lookback */
            size_t oldest = i + 1 - lookback;
            dq_expire(&spx_max, oldest);
            dq_expire(&spx_min, oldest);
            dq_expire(&ad_max, oldest);
            dq_expire(&ad_min, oldest);
        }
    }
    free(buf);
    return ALVH_OK;
}

/* ---- the ALVH triggers -------------------------------------------------------------------- */

static int whole_in(double x, double lo, double hi)
{
    return isfinite(x) && x == floor(x) && x >= lo && x <= hi;
}

alvh_status alvh_signal_policy_check(const alvh_signal_policy *p, const char **bad_field)
{
    const char *bad = NULL;
    if (!p)
        return ALVH_E_ARGUMENT;
    if (!whole_in(p->rsi_period, ALVH_PERIOD_MIN, ALVH_PERIOD_MAX))
        bad = "signals.rsi_period";
    else if (!(isfinite(p->rsi_level) && p->rsi_level >= 0 && p->rsi_level <= 100))
        bad = "signals.rsi_level";
    else if (!whole_in(p->macd_fast, ALVH_PERIOD_MIN, ALVH_PERIOD_MAX))
        bad = "signals.macd_fast";
    else if (!whole_in(p->macd_slow, ALVH_PERIOD_MIN, ALVH_PERIOD_MAX) ||
             p->macd_slow <= p->macd_fast)
        bad = "signals.macd_slow";
    else if (!whole_in(p->macd_signal, 1, ALVH_PERIOD_MAX))
        bad = "signals.macd_signal";
    else if (!(isfinite(p->vix_floor) && p->vix_floor >= 0))
        bad = "signals.vix_floor";
    else if (!whole_in(p->ad_lookback, ALVH_PERIOD_MIN, ALVH_PERIOD_MAX))
        bad = "signals.ad_lookback";
    if (bad_field)
        *bad_field = bad;
    return bad ? ALVH_E_POLICY_VALUE : ALVH_OK;
}

size_t alvh_signal_first(const alvh_signal_policy *p, int use_divergence)
{
    size_t rsi_first = (size_t)p->rsi_period + 1;
    size_t macd_first = (size_t)p->macd_slow + (size_t)p->macd_signal - 1;
    size_t first = rsi_first > macd_first ? rsi_first : macd_first;
    if (use_divergence && (size_t)p->ad_lookback + 1 > first)
        first = (size_t)p->ad_lookback + 1;
    return first;
}

alvh_status alvh_signal(const double *vix, const double *ad_line, const double *spx, size_t n,
                        const alvh_signal_policy *p, unsigned *triggers, size_t *first)
{
    if (!vix || !p || !triggers || !first || (!ad_line) != (!spx))
        return ALVH_E_ARGUMENT;
    alvh_status st = alvh_signal_policy_check(p, NULL);
    if (st != ALVH_OK)
        return st;
    for (size_t i = 0; i < n; ++i)
        if (!(isfinite(vix[i]) && vix[i] > 0))
            return ALVH_E_VIX_LEVEL;
    int use_div = ad_line != NULL;
    size_t f = alvh_signal_first(p, use_div);
    *first = f;
    if (n <= f)
        return ALVH_E_SHORT_SERIES;

    /* One work buffer per call: rsi, macd, signal line, histogram (n each), divergence. */
    double *work = malloc(4 * n * sizeof *work);
    int *div = use_div ? malloc(n * sizeof *div) : NULL;
    if (!work || (use_div && !div)) {
        free(work);
        free(div);
        return ALVH_E_NO_MEMORY;
    }
    double *rsi = work, *macd = work + n, *sig = work + 2 * n, *hist = work + 3 * n;
    st = alvh_rsi(vix, n, (size_t)p->rsi_period, rsi);
    if (st == ALVH_OK)
        st = alvh_macd(vix, n, (size_t)p->macd_fast, (size_t)p->macd_slow,
                       (size_t)p->macd_signal, macd, sig, hist);
    if (st == ALVH_OK && use_div)
        st = alvh_ad_divergence(ad_line, spx, n, (size_t)p->ad_lookback, div);
    if (st == ALVH_OK) {
        /* f >= every indicator's first index + 1, so i-1 is a defined row of each. */
        for (size_t i = f; i < n; ++i) {
            unsigned t = 0;
            if (rsi[i - 1] <= p->rsi_level && rsi[i] > p->rsi_level)
                t |= ALVH_TRIGGER_REBALANCE;
            if (use_div && div[i] != 0 && div[i] != div[i - 1])
                t |= ALVH_TRIGGER_REBALANCE;
            if (hist[i - 1] <= 0 && hist[i] > 0 && vix[i] > p->vix_floor)
                t |= ALVH_TRIGGER_ARM;
            triggers[i] = t;
        }
    }
    free(work);
    free(div);
    return st;
}
