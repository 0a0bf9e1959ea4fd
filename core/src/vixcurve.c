/* vixcurve.c: VIX futures term structure (model and quoted) and the futures' beta to spot VIX.
 *
 * Model curve. Under a mean-reverting (Ornstein-Uhlenbeck) VIX, dV = k (L - V) dt + ..., the
 * expected VIX at T is L + (V0 - L) exp(-k T); the futures price is taken as that expectation
 * (no convexity or risk-premium term: a stylised curve for planning when no quotes are at hand).
 * Defaults, stylised rather than estimated:
 *   L = 20 VIX points: the long-run average of the VIX close (Cboe's VIX history since 1990
 *       averages about 19.5; rounded).
 *   k = 4.3 per year: the 1-month future sits 30% of the way from spot to L
 *       (1 - exp(-4.3/12) = 0.30), e.g. spot 15 -> 16.5 at 1 month, 19.2 at 5 months, the
 *       usual shape of a calm-market contango. Quote the real curve with VIX_FUT_CURVE.
 *
 * Quoted curve. Linear interpolation of the futures price in tenor between neighbouring quotes
 * and flat extrapolation beyond the first and last quote (no extrapolated slope: a curve's end
 * is the last thing the market told us). Linear in price, not in variance: VIX futures are
 * priced on the VIX level, and between two monthly quotes the difference is negligible.
 *
 * Beta. beta(T) = dF(T)/dV0 is the points a future of tenor T moves for +1 point of spot VIX.
 * The OU curve gives beta(T) = exp(-k T), a single exponential, and a single exponential
 * cannot match what practitioners report for the constant-maturity VIX futures indexes (the
 * S&P 500 VIX Short-Term Futures Index, 1 month, tracked by VXX; the Mid-Term Futures Index,
 * 5 months, tracked by VXZ): a beta of about 0.4 at 1 month and about 0.2 at 5 months
 * (targets as stated in issue 4; rules of thumb from regressions of daily moves, not a published
 * table, and strictly elasticities, which equal point betas when the future trades near spot):
 *   exp(-k/12) = 0.4  gives k = 11.0, and then exp(-11.0 * 5/12) = 0.010, not 0.2;
 *   exp(-k*5/12) = 0.2  gives k = 3.86, and then exp(-3.86/12) = 0.725, not 0.4.
 * Spikes in VIX decay fast while its level drifts slowly, so two exponentials fit:
 *   beta(T) = w exp(-a T) + (1 - w) exp(-b T),  beta(0) = 1.
 * Calibration: a = 24 per year is fixed (the fast part halves in ln 2 / 24 years = 10.5 days, the
 * typical decay of a spike's excess); w and b then solve beta(1/12) = 0.40, beta(5/12) = 0.20
 * (mpmath findroot: w = 0.65155, b = 1.33279), rounded to w = 0.65, b = 1.35, which give
 *   beta(1/12) = 0.4007,  beta(2/12) = 0.2914,  beta(3/12) = 0.2514,  beta(5/12) = 0.1995,
 *   beta(1) = 0.0907.
 * With w in [0, 1] and both rates >= 0, beta is a convex combination of non-increasing
 * functions: it never increases with tenor, and it stays in [0, 1].
 */
#include "alvh/vixcurve.h"

#include <math.h>

/* 1e-9 years = 0.03 seconds. */
#define QUOTE_SNAP 1e-9

alvh_status alvh_vix_future_model(double years, double vix_spot, double long_run, double speed,
                                  double *future)
{
    if (!isfinite(years) || years < 0.0)
        return ALVH_E_YEARS;
    if (!isfinite(vix_spot) || vix_spot <= 0.0 || !isfinite(long_run) || long_run <= 0.0)
        return ALVH_E_SPOT;
    if (!isfinite(speed) || speed < 0.0)
        return ALVH_E_ARGUMENT;
    double f = long_run + (vix_spot - long_run) * exp(-speed * years);
    if (!isfinite(f))
        return ALVH_E_NOT_FINITE;
    *future = f;
    return ALVH_OK;
}

alvh_status alvh_vix_curve_check(const double *tenors, const double *futures, size_t n,
                                 size_t *bad)
{
    *bad = 0;
    if (n == 0 || !tenors || !futures)
        return ALVH_E_CURVE;
    for (size_t i = 0; i < n; ++i) {
        *bad = i;
        if (!isfinite(tenors[i]) || tenors[i] < 0.0 || !isfinite(futures[i]) || futures[i] <= 0.0)
            return ALVH_E_CURVE;
        if (i > 0 && !(tenors[i] > tenors[i - 1]))
            return ALVH_E_CURVE;
    }
    *bad = 0;
    return ALVH_OK;
}

alvh_status alvh_vix_future_curve(double years, const double *tenors, const double *futures,
                                  size_t n, double *future)
{
    if (!isfinite(years) || years < 0.0)
        return ALVH_E_YEARS;
    size_t bad;
    alvh_status st = alvh_vix_curve_check(tenors, futures, n, &bad);
    if (st != ALVH_OK)
        return st;
    if (years <= tenors[0]) {
        *future = futures[0];
        return ALVH_OK;
    }
    if (years >= tenors[n - 1]) {
        *future = futures[n - 1];
        return ALVH_OK;
    }
    size_t i = 1;
    while (tenors[i] < years)
        ++i;
    /* A tenor within QUOTE_SNAP of a quote is that quote: a quote's date-time and an expiry
     * computed elsewhere may differ in the last bits of a serial. */
    if (tenors[i] - years <= QUOTE_SNAP) {
        *future = futures[i];
        return ALVH_OK;
    }
    if (years - tenors[i - 1] <= QUOTE_SNAP) {
        *future = futures[i - 1];
        return ALVH_OK;
    }
    /* tenors[i-1] < years <= tenors[i] */
    double w = (years - tenors[i - 1]) / (tenors[i] - tenors[i - 1]);
    *future = futures[i - 1] + w * (futures[i] - futures[i - 1]);
    return ALVH_OK;
}

alvh_status alvh_vix_beta(double years, double weight, double fast, double slow, double *beta)
{
    if (!isfinite(years) || years < 0.0)
        return ALVH_E_YEARS;
    if (!isfinite(weight) || weight < 0.0 || weight > 1.0 || !isfinite(fast) || fast < 0.0 ||
        !isfinite(slow) || slow < 0.0)
        return ALVH_E_BETA;
    *beta = weight * exp(-fast * years) + (1.0 - weight) * exp(-slow * years);
    return ALVH_OK;
}
