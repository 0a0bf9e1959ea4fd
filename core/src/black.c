/* black.c: Black-Scholes-Merton and Black-76 prices and greeks.
 *
 * Prices are built on the normalised Black function of P. Jaeckel, "Let's Be Rational"
 * (Wilmott, 2015), section 3: with x = ln(F/K), s = vol sqrt(years), h = x/s, t = s/2,
 *     B(F, K, vol, years) = sqrt(F K) * b(x, s),
 *     b(x, s) = e^{x/2} Phi(h + t) - e^{-x/2} Phi(h - t)                        (call).
 * In-the-money, b(x, s) = (e^{x/2} - e^{-x/2}) + b(-x, s) (in-out duality), and the intrinsic
 * part is taken as F - K directly; so only out-of-the-money values b(x <= 0, s) are ever
 * evaluated, where the two terms of the formula cancel catastrophically (QuantLib's
 * blackFormula is off by 1.5e-5 relative at a price of 1e-8). Writing Phi(z) = phi(z) Y(z)
 * with the Mills-type ratio Y(z) = Phi(z)/phi(z) = sqrt(pi/2) erfcx(-z/sqrt2) gives
 *     b(x, s) = exp(-(h^2 + t^2)/2) / sqrt(2 pi) * [Y(h + t) - Y(h - t)],       (LBR 3.x)
 * which moves the tiny common factor out of the difference. The bracket is then evaluated
 * on four regions, as in the paper:
 *   1. h < -10 and h + t < -10 + tau: the asymptotic expansion of Y for z -> -inf,
 *      Y(z) ~ sum_k (-1)^(k+1) (2k-1)!! z^-(2k+1); the difference of the two series is taken
 *      term by term without cancellation (derivation at asymptotic_sum()).
 *   2. t < tau: the Taylor series in t around h, Y(h+t) - Y(h-t) = 2 sum_{j odd} Y^(j)(h)
 *      t^j/j!, with Y' = 1 + hY, Y^(n+1) = h Y^(n) + n Y^(n-1), as fixed polynomials in h^2
 *      and a = Y' (the paper's form, carried here to at most t^15, fewer terms for smaller t
 *      under a proved truncation bound).
 *   3. h + t > 0.85: the first term dominates (b > 85% of its maximum), the plain formula is
 *      benign.
 *   4. otherwise: the erfcx form above, whose two terms differ by a bounded ratio there.
 * tau = 2 * 2^(-52/16) = 0.2102 is the paper's small-t threshold (t^16 below double epsilon).
 * Accuracy against 50-digit mpmath on the golden grid (1 hour..5 years, vol 1%..500%, strikes
 * from -30 to +20 standard deviations, 7800 rows; tests/test_black.c): prices 2.8e-15 relative
 * at worst where above 1e-14, 3.1e-13 for the smallest (1e-200) prices, where b itself is
 * ill-conditioned (d ln b / d ln K ~ h^2: the rounding of x = ln(F/K) alone moves it that much);
 * greeks 1.2e-14 relative at worst beyond 1e-14 absolute.
 *
 * Greeks are the closed forms, with phi(d1) F = phi(d2) K = sqrt(F K) exp(-(h^2+t^2)/2)/sqrt(2pi)
 * taken from the double-double exponent (shared with the price) and Phi(d) = Y(d) phi(d) from
 * normal.c (full relative accuracy in the tails, no further exponential), so small greeks far
 * out of the money keep their relative accuracy. */
#include "alvh/black.h"

#include <ctype.h>
#include <math.h>
#include <stddef.h>

#include "elementary.h"
#include "normal.h"

/* Region thresholds of "Let's Be Rational" (section 3, and its reference implementation's
 * named constants). */
#define ASYMPTOTIC_H (-10.0)
#define SMALL_T 0.21022410381342863 /* 2 * DBL_EPSILON^(1/16) */
#define DOMINANT_D1 0.85

/* Region 1. Y(z) ~ sum_k (-1)^(k+1) (2k-1)!! z^-(2k+1) for z -> -inf (A&S 26.2.12), so
 *   Y(a) - Y(c) = sum_k (-1)^(k+1) (2k-1)!! D_(2k+1),   D_n = a^-n - c^-n,
 * with a = h + t, c = h - t (both negative). D_n is built without cancellation from
 *   D_1 = (c - a)/(a c) = -2t / (h^2 - t^2),   D_(n+1) = D_n / a + D_1 / c^n,
 * in which both terms have the sign of D_(n+1) (a, c < 0). (This is the paper's expansion in
 * q = (h/r)^2, e = (t/h)^2 regrouped: D_(2k+1) = -2 t h^(2k)/r^(2k+1) P_(2k+1)(e).) The series
 * is asymptotic with term ratio ~ (2k+1)/a^2 <= (2k+1)/96; it is summed until a term is below
 * 1e-17 of the sum (about 20 terms at the region's edge, fewer further out) or starts to grow. */
static double asymptotic_sum(double h, double t)
{
    const double a = h + t, c = h - t;
    const double ia = 1.0 / a, ic = 1.0 / c;
    const double d1 = -2.0 * t / (a * c);
    double d = d1, icn = ic; /* D_n, c^-n for n = 1 */
    double sum = 0.0, dfact = 1.0, prev = (double)INFINITY;
    for (int k = 0; k < 60; ++k) {
        /* here d = D_(2k+1), icn = c^-(2k+1); term = (2k-1)!! |D_(2k+1)| */
        double term = -dfact * d;
        if (term > prev)
            break; /* the asymptotic series has started to diverge: stop at its smallest term */
        sum += (k & 1) ? -term : term;
        if (term < 1e-17 * sum)
            break;
        prev = term;
        d = d * ia + d1 * icn; /* D_(2k+2) */
        icn *= ic;
        d = d * ia + d1 * icn; /* D_(2k+3) */
        icn *= ic;
        dfact *= 2.0 * k + 1.0;
    }
    return sum;
}

/* Region 2. Y(h+t) - Y(h-t) = 2 sum_k Y^(2k+1)(h) t^(2k+1)/(2k+1)! = 2 t sum_k c_k w^k, w = t^2,
 * with Y^(2k+1)(h) = a P_k(h^2) + Q_k(h^2), a = Y'(h) = 1 + h Y(h): from Y^(n+1) = h Y^(n) +
 * n Y^(n-1), the even derivatives' Y eliminated with h Y = a - 1 (integer coefficients
 * generated exactly; the first three are LBR's small-t expansion). The c_k are independent
 * (instruction-level parallel), then one Horner pass in w. Cancellation inside a P + Q at
 * large |h| costs at most ~u h^2 (measured against mpmath: 3.3e-14 at h = -9.9, t = 0.21, where
 * a = 1 + hY has hY ~ -0.99; 2e-14 elsewhere in the region).
 *
 * Truncation, proved: Y(z) = Phi(z)/phi(z) = int_0^inf exp(z u - u^2/2) du, so
 * Y^(n)(h) = int_0^inf u^n exp(h u - u^2/2) du > 0 (every term of the series is positive, the
 * partial sums only grow) and Y^(n+2)(h)/Y^(n)(h) = E[u^2] under the weight
 * u^n exp(h u - u^2/2). That mean is nondecreasing in h (its h-derivative is Cov(u, u^2) >= 0
 * for u >= 0), and at h = 0 it is the half-normal moment ratio n + 1; here h = x/s <= 0, so
 * Y^(n+2)/Y^(n) <= n + 1 and c_(k+1)/c_k <= 1/(2k+3). Stopping after c_K leaves a tail below
 *     c_0 w^(K+1)/(2K+3)!! / (1 - w/(2K+5)) <= 1e-17 c_0 <= 1e-17 sum
 * when w < 6.5e-2 for K = 7, which covers the region's t < 0.2102, w < 0.0442. (Fewer terms
 * would do for smaller t, 4 below w = 3e-4, but choosing their number is a branch that random
 * inputs mispredict, and the extra terms cost no latency: see below.) */
static double small_t_sum(double h, double t)
{
    const double y = ALVH_SQRT_PI_OVER_2 * alvh_erfcx(-h * ALVH_SQRT1_2);
    const double a = 1.0 + h * y, h2 = h * h, w = t * t;
    const double c0 = a;
    const double p1 = h2 + 3.0;
    const double q1 = -1.0;
    const double c1 = (a * p1 + q1) * (1.0 / 6.0);
    const double p2 = (h2 + 10.0) * h2 + 15.0;
    const double q2 = -h2 - 7.0;
    const double c2 = (a * p2 + q2) * (1.0 / 120.0);
    const double p3 = ((h2 + 21.0) * h2 + 105.0) * h2 + 105.0;
    const double q3 = (-h2 - 18.0) * h2 - 57.0;
    const double c3 = (a * p3 + q3) * (1.0 / 5040.0);
    const double p4 = (((h2 + 36.0) * h2 + 378.0) * h2 + 1260.0) * h2 + 945.0;
    const double q4 = ((-h2 - 33.0) * h2 - 285.0) * h2 - 561.0;
    const double c4 = (a * p4 + q4) * (1.0 / 362880.0);
    const double p5 = ((((h2 + 55.0) * h2 + 990.0) * h2 + 6930.0) * h2 + 17325.0) * h2 + 10395.0;
    const double q5 = (((-h2 - 52.0) * h2 - 840.0) * h2 - 4680.0) * h2 - 6555.0;
    const double c5 = (a * p5 + q5) * (1.0 / 39916800.0);
    const double p6 = (((((h2 + 78.0) * h2 + 2145.0) * h2 + 25740.0) * h2 + 135135.0) * h2
                        + 270270.0) * h2 + 135135.0;
    const double q6 = ((((-h2 - 75.0) * h2 - 1926.0) * h2 - 20370.0) * h2 - 82845.0) * h2 - 89055.0;
    const double c6 = (a * p6 + q6) * (1.0 / 6227020800.0);
    const double p7 = ((((((h2 + 105.0) * h2 + 4095.0) * h2 + 75075.0) * h2 + 675675.0) * h2
                        + 2837835.0) * h2 + 4729725.0) * h2 + 2027025.0;
    const double q7 = (((((-h2 - 102.0) * h2 - 3795.0) * h2 - 64260.0) * h2 - 501795.0) * h2
                        - 1595790.0) * h2 - 1381905.0;
    const double c7 = (a * p7 + q7) * (1.0 / 1307674368000.0);
    /* All eight terms, always, summed by Estrin's scheme in w: the p_k and q_k depend on h
     * only and are ready while erfcx is still being evaluated, so what the price waits for
     * after a is one product per c_k and three levels of sums; no branch on t to mispredict
     * (the sum for small t only has terms far below its rounding). Every c_k and w is
     * positive: the order of the sums costs no accuracy. */
    const double w2 = w * w, w4 = w2 * w2;
    const double sum =
        ((c0 + c1 * w) + w2 * (c2 + c3 * w)) + w4 * ((c4 + c5 * w) + w2 * (c6 + c7 * w));
    return 2.0 * t * sum;
}

/* b(x, s) for x <= 0; *e (if not NULL) receives exp(-(h^2+t^2)/2), which the greeks need and
 * most regions compute anyway. */
static double black_otm_e(double x, double s, double *e)
{
    double h = x / s, t = 0.5 * s, ee = 0.0, b;
    if (h < -1e3) {
        b = 0.0; /* exp(-h^2/2) underflows long before: b < 1e-200000 */
    } else if (h < ASYMPTOTIC_H && h + t < ASYMPTOTIC_H + SMALL_T) {
        ee = alvh_exp_mhalf_sumsq(h, t);
        b = ALVH_INV_SQRT_2PI * ee * asymptotic_sum(h, t);
    } else if (t < SMALL_T) {
        ee = alvh_exp_mhalf_sumsq(h, t);
        b = ALVH_INV_SQRT_2PI * ee * small_t_sum(h, t);
    } else if (h + t > DOMINANT_D1) {
        /* e^{x/2} Phi(h+t) - e^{-x/2} Phi(h-t); the second term through erfcx when h - t is in
         * the tail (it is also where e^{-x/2} could overflow): e^{-x/2} phi(h-t) =
         * exp(-(h^2+t^2)/2)/sqrt(2pi). */
        double d2 = h - t, second;
        if (d2 < -1.0) {
            ee = alvh_exp_mhalf_sumsq(h, t);
            second = 0.5 * alvh_erfcx(-d2 * ALVH_SQRT1_2) * ee;
        } else {
            second = alvh_norm_cdf(d2) / alvh_exp(0.5 * x);
            if (e)
                ee = alvh_exp_mhalf_sumsq(h, t);
        }
        b = alvh_exp(0.5 * x) * alvh_norm_cdf(h + t) - second;
    } else {
        double e1 = alvh_erfcx(-(h + t) * ALVH_SQRT1_2);
        double e2 = alvh_erfcx(-(h - t) * ALVH_SQRT1_2);
        ee = alvh_exp_mhalf_sumsq(h, t);
        b = 0.5 * ee * (e1 - e2);
    }
    if (e)
        *e = ee;
    return b > 0.0 ? b : 0.0; /* as fmax(b, 0) (NaN gives 0), without the libm call */
}

double alvh_black_otm(double x, double s)
{
    if (!(s > 0.0))
        return 0.0;
    return black_otm_e(x, s, NULL);
}

double alvh_black_otm_vega(double x, double s, double *vega)
{
    double e = 0.0, b = s > 0.0 ? black_otm_e(x, s, &e) : 0.0;
    *vega = ALVH_INV_SQRT_2PI * e;
    return b;
}

double alvh_black_otm_log(double x, double s, double *vega_over_b)
{
    /* b = E r with E = exp(-(h^2+t^2)/2): ln b = -(h^2+t^2)/2 + ln r and b'/b = 1/(sqrt(2pi) r),
     * neither of which underflows however small b is. */
    double h = x / s, t = 0.5 * s, r;
    if (h < ASYMPTOTIC_H && h + t < ASYMPTOTIC_H + SMALL_T) {
        r = ALVH_INV_SQRT_2PI * asymptotic_sum(h, t);
    } else if (t < SMALL_T) {
        r = ALVH_INV_SQRT_2PI * small_t_sum(h, t);
    } else if (h + t > DOMINANT_D1) {
        double e, b = black_otm_e(x, s, &e); /* b > 0.1 e^{x/2} here: no underflow */
        *vega_over_b = ALVH_INV_SQRT_2PI * e / b;
        return alvh_log(b);
    } else {
        r = 0.5 * (alvh_erfcx(-(h + t) * ALVH_SQRT1_2) -
                   alvh_erfcx(-(h - t) * ALVH_SQRT1_2));
    }
    *vega_over_b = ALVH_INV_SQRT_2PI / r;
    return -0.5 * (h * h + t * t) + alvh_log(r);
}

double alvh_black_otm_at_inflection(double x, double bmax)
{
    /* At s_c = sqrt(2|x|): h = -sqrt(|x|/2) = -t, so d1 = h + t = 0, Phi(d1) = 1/2, and
     * d2 = -s_c: b = e^{x/2}/2 - e^{-x/2} Phi(-s_c), and with Phi(-s_c) = erfcx(z)/2
     * exp(-z^2), z = s_c/sqrt2 = sqrt|x|, e^{-x/2} exp(-|x|) = e^{x/2}:
     *     b(x, s_c) = e^{x/2} (1 - erfcx(z)) / 2.
     * (1 - erfcx(z) to a few ulps: normal.c). One rational function (and one expm1 near the
     * money) instead of a general evaluation of b. */
    return 0.5 * bmax * alvh_one_minus_erfcx_sqrt(-x);
}

/* ---- greeks ------------------------------------------------------------------------------- */

static const char *const k_greek_names[ALVH_GREEK_COUNT_] = {
    "delta", "gamma", "vega", "theta", "rho", "vanna", "volga"};

alvh_status alvh_greek_parse(const char *name, alvh_greek *greek)
{
    if (!name)
        return ALVH_E_GREEK;
    for (int g = 0; g < ALVH_GREEK_COUNT_; ++g) {
        const char *a = name, *b = k_greek_names[g];
        while (*a && *b && tolower((unsigned char)*a) == *b) {
            ++a;
            ++b;
        }
        if (*a == '\0' && *b == '\0') {
            *greek = (alvh_greek)g;
            return ALVH_OK;
        }
    }
    return ALVH_E_GREEK;
}

double alvh_greek_value(const alvh_greeks *g, alvh_greek greek)
{
    switch (greek) {
    case ALVH_GREEK_DELTA: return g->delta;
    case ALVH_GREEK_GAMMA: return g->gamma;
    case ALVH_GREEK_VEGA: return g->vega;
    case ALVH_GREEK_THETA: return g->theta;
    case ALVH_GREEK_RHO: return g->rho;
    case ALVH_GREEK_VANNA: return g->vanna;
    case ALVH_GREEK_VOLGA: return g->volga;
    default: return (double)NAN;
    }
}

/* ---- the common engine ---------------------------------------------------------------------- */

/* One European option in forward terms. spot_model: BSM (greeks w.r.t. the spot, dividend
 * yield q) or Black-76 (w.r.t. the forward, F fixed under rate changes). */
typedef struct {
    int kind;
    int bsm;
    double spot;   /* BSM spot; Black-76: the forward */
    double fwd;    /* F */
    double strike;
    double years, vol, rate, div;
    double x;      /* ln(F/K), computed without the rounding of F */
    double fmk;    /* F - K, computed without the rounding of F */
    double df;     /* e^{-rT} */
    double ddelta; /* the delta's discount: e^{-qT} (BSM), e^{-rT} (Black-76) */
} option;

alvh_status alvh_black_check_args(int kind, double underlying, alvh_status bad_underlying,
                                  double strike, double years, double vol, double rate,
                                  double div)
{
    if (kind != ALVH_CALL && kind != ALVH_PUT)
        return ALVH_E_OPTION_TYPE;
    if (!(underlying > 0.0) || !isfinite(underlying))
        return bad_underlying;
    if (!(strike >= 0.0) || !isfinite(strike) || (strike == 0.0 && kind == ALVH_PUT))
        return ALVH_E_STRIKE;
    if (!(years >= 0.0) || !isfinite(years))
        return ALVH_E_YEARS;
    if (!(vol >= 0.0) || !isfinite(vol))
        return ALVH_E_VOL;
    if (!isfinite(rate))
        return ALVH_E_RATE;
    if (!isfinite(div))
        return ALVH_E_DIV_YIELD;
    return ALVH_OK;
}

static int all_finite(const alvh_greeks *g)
{
    /* v * 0 is +-0 for finite v and NaN for an infinity or NaN, and a NaN survives the sum:
     * one comparison instead of eight classifications. */
    double z = (g->price * 0.0 + g->delta * 0.0) + (g->gamma * 0.0 + g->vega * 0.0) +
               (g->theta * 0.0 + g->rho * 0.0) + (g->vanna * 0.0 + g->volga * 0.0);
    return z == 0.0;
}

/* What evaluate() computes: the price only; price and greeks, all required finite; price and
 * greeks, each left for the caller to check (one greek asked for). */
enum { PRICE_ONLY = 0, ALL_GREEKS = 1, GREEKS_UNCHECKED = 2 };

/* *g = *out, unless a value that must be finite is not (*g is then left alone: the
 * public functions promise not to write on failure, and writing once saves a copy). */
static alvh_status deliver(const alvh_greeks *out, int want_greeks, alvh_greeks *g)
{
    if (want_greeks != GREEKS_UNCHECKED && !all_finite(out))
        return ALVH_E_NOT_FINITE;
    *g = *out;
    return ALVH_OK;
}

/* Price (and, unless PRICE_ONLY, all greeks) of o, into *g (see deliver()). */
static alvh_status evaluate(const option *o, int want_greeks, alvh_greeks *g)
{
    const int th = o->kind;
    const double F = o->fwd, K = o->strike, T = o->years, r = o->rate;
    const double df = o->df;
    const double sqrt_t = sqrt(T), s = o->vol * sqrt_t;
    const double ddelta = o->ddelta;
    alvh_greeks out = {0};

    if (!(s > 0.0) || K == 0.0) {
        /* Degenerate: the discounted intrinsic value of the forward. The delta is a step with
         * weight w (1 in the money, 1/2 at the money, 0 out); theta and rho are the derivatives
         * of this price (the closed forms' limits as vol -> 0), gamma/vega/vanna/volga are 0.
         * A zero-strike call is the discounted forward (w = 1). */
        double intrinsic = th * o->fmk;
        double w = intrinsic > 0.0 ? 1.0 : intrinsic == 0.0 ? 0.5 : 0.0;
        out.price = df * fmax(intrinsic, 0.0);
        if (want_greeks) {
            out.delta = th * w * ddelta;
            if (o->bsm) {
                out.theta = w * th * (o->div * o->spot * ddelta - r * K * df) / 365.0;
                out.rho = w * th * (T * 0.01) * (df * K);
            } else {
                out.theta = r * out.price / 365.0;
                out.rho = -(T * 0.01) * out.price;
            }
        }
        return deliver(&out, want_greeks, g);
    }

    const double x = o->x;
    /* one square root where F K is safely a normal double, else two (no overflow/underflow) */
    const double fk = F * K;
    const double sqrt_fk = fk > 0x1p-1000 && fk < 0x1p1000 ? sqrt(fk) : sqrt(F) * sqrt(K);
    double e_hh = 0.0; /* exp(-(h^2+t^2)/2) */
    double otm = sqrt_fk * black_otm_e(-fabs(x), s, want_greeks ? &e_hh : NULL);
    /* nu = F phi(d1) = K phi(d2) = sqrt(F K) b'(x, s) */
    double nu = sqrt_fk * ALVH_INV_SQRT_2PI * e_hh;
    if (otm < 0x1p-1000 * sqrt_fk && sqrt_fk > 1.0) {
        /* b itself is subnormal (or 0) while sqrt(F K) b need not be: huge strikes or forwards,
         * e.g. F = 1, K = 1e236, s = 14, where b ~ 1e-322 carries 2 digits and the price
         * 1.9e-204 is a normal double (measured: 2% off). Scale in logs: ln b and b'/b from
         * alvh_black_otm_log, which never forms b; sqrt(F K) b = exp(ln b + ln sqrt(F K)) to
         * ~(|ln b| + ln sqrt(F K)) u relative (3.9e-13 at worst, prices and greeks, on
         * tests/data/pricing_extreme.csv). */
        double vega_over_b;
        double log_otm = alvh_black_otm_log(-fabs(x), s, &vega_over_b) + alvh_log(sqrt_fk);
        otm = alvh_exp(log_otm);
        /* nu in logs too: otm may itself be subnormal while nu is not */
        nu = alvh_exp(log_otm + alvh_log(vega_over_b));
    }
    const int itm = th * x > 0.0;
    /* In the money: intrinsic F - K taken directly (not as sqrt(FK) 2 sinh(x/2)). */
    const double value = (itm ? th * o->fmk : 0.0) + otm; /* undiscounted */
    out.price = df * value;
    if (want_greeks) {
        /* Two divisions serve every greek (the divider, not the multiplier, is what a price
         * with all greeks waits for): 1/s, and 1/u for u the spot (BSM) or forward (Black-76);
         * 1/vol = sqrt(T)/s and 1/sqrt(T) = vol/s. */
        const double inv_s = 1.0 / s, u = o->spot, inv_u = 1.0 / u;
        const double h = x / s, t = 0.5 * s;
        const double d1 = h + t, d2 = h - t;
        /* F Phi(th d1) and K Phi(th d2) are what the price, the delta, theta and rho need,
         * formed as products without Phi(th d) itself, which may underflow where the product
         * does not (a huge F or K: a put on F = 1e250 worth 1e-116): from
         * F phi(d1) = K phi(d2) = nu (phi(d1) = e^{-x/2} E/sqrt(2pi), e^{x/2} = sqrt(F/K)), no
         * further exponential. */
        const double fn1 = alvh_norm_cdf_scaled(th * d1, F, nu);
        /* K Phi(th d2) from the price, value = th (F n1 - K n2), when that is benign:
         *   put:  K n2 = F n1 + value, two nonnegative terms: relative error <= e1 + e_v;
         *   call: K n2 = F n1 - value, and where F n1 >= 2 value (K n2 >= value) the error is
         *         <= e1 (F n1)/(K n2) + e_v value/(K n2) <= 2 e1 + e_v,
         * e1, e_v the few-ulp relative errors of F n1 and of the price. Otherwise (deep in the
         * money calls, high vol) and near underflow, K Phi(th d2) from its own rational
         * function. */
        double kn2;
        if (fn1 > 0x1p-900 && value > 0x1p-900 && (th < 0 || fn1 >= 2.0 * value))
            kn2 = fn1 - th * value;
        else
            kn2 = alvh_norm_cdf_scaled(th * d2, K, nu);
        /* delta = th ddelta Phi(th d1) with ddelta / F = df / u in both models (BSM:
         * ddelta = df e^{(r-q)T}, F = u e^{(r-q)T}; Black-76: ddelta = df, F = u) */
        const double df_nu_u = df * nu * inv_u; /* = ddelta phi(d1) */
        out.delta = th * (df * fn1) * inv_u;
        /* gamma = ddelta phi(d1) / (u s) (u^2 would overflow beyond 1.3e154) */
        out.gamma = df_nu_u * inv_u * inv_s;
        double vega1 = df * nu * sqrt_t; /* dV/dvol */
        out.vega = vega1 * 0.01;
        /* the diffusion part of -dV/dT: df nu vol / (2 sqrt(T)) */
        double decay = 0.5 * df * nu * o->vol * (o->vol * inv_s);
        if (o->bsm) {
            /* spot e^{-qT} Phi(th d1) = df F Phi(th d1) */
            out.theta = (-decay - th * r * df * kn2 + th * o->div * df * fn1) * (1.0 / 365.0);
            out.rho = th * (T * 0.01) * (df * kn2); /* no overflow before the 0.01 */
        } else {
            out.theta = (r * out.price - decay) * (1.0 / 365.0);
            out.rho = -(T * 0.01) * out.price;
        }
        /* vanna = ddelta phi(d1) (-d2/vol); volga = vega1 d1 d2 / vol (per point, per point^2) */
        const double inv_vol = sqrt_t * inv_s;
        out.vanna = -df_nu_u * d2 * inv_vol * 0.01;
        out.volga = vega1 * d1 * d2 * inv_vol * 1e-4;
    }
    return deliver(&out, want_greeks, g);
}

static alvh_status bsm(int kind, double spot, double strike, double years, double vol,
                       double rate, double div_yield, int want_greeks, alvh_greeks *g)
{
    alvh_status st =
        alvh_black_check_args(kind, spot, ALVH_E_SPOT, strike, years, vol, rate, div_yield);
    if (st != ALVH_OK)
        return st;
    option o = {kind, 1, spot, 0.0, strike, years, vol, rate, div_yield, 0.0, 0.0, 0.0, 0.0};
    double carry = (rate - div_yield) * years;
    /* One expm1 and one exp: F = S e^carry = S + S (e^carry - 1), e^{-qT} = e^{-rT} e^carry.
     * F - K = (S - K) + S (e^carry - 1): near the money F's own rounding (u F) would otherwise
     * be a large part of a small difference (2e-12 relative on a 1-hour SPX option). */
    double em1 = alvh_expm1(carry);
    o.fwd = spot + spot * em1;
    o.fmk = (spot - strike) + spot * em1;
    o.df = alvh_exp(-rate * years);
    o.ddelta = o.df * (1.0 + em1);
    if (strike > 0.0)
        o.x = alvh_log_ratio(spot, strike) + carry; /* ln(F/K) without F's rounding */
    if (!isfinite(o.fwd) || !isfinite(o.x))
        return ALVH_E_NOT_FINITE;
    return evaluate(&o, want_greeks, g);
}

static alvh_status black76(int kind, double forward, double strike, double years, double vol,
                           double rate, int want_greeks, alvh_greeks *g)
{
    alvh_status st =
        alvh_black_check_args(kind, forward, ALVH_E_FORWARD, strike, years, vol, rate, 0.0);
    if (st != ALVH_OK)
        return st;
    double df = alvh_exp(-rate * years);
    option o = {kind, 0, forward, forward, strike, years, vol, rate, 0.0, 0.0, forward - strike,
                df, df};
    if (strike > 0.0)
        o.x = alvh_log_ratio(forward, strike);
    return evaluate(&o, want_greeks, g);
}

alvh_status alvh_bsm_price(int kind, double spot, double strike, double years, double vol,
                           double rate, double div_yield, double *price)
{
    alvh_greeks g;
    alvh_status st = bsm(kind, spot, strike, years, vol, rate, div_yield, PRICE_ONLY, &g);
    if (st == ALVH_OK)
        *price = g.price;
    return st;
}

alvh_status alvh_bsm_greeks(int kind, double spot, double strike, double years, double vol,
                            double rate, double div_yield, alvh_greeks *out)
{
    return bsm(kind, spot, strike, years, vol, rate, div_yield, ALL_GREEKS, out);
}

/* One greek of g, which evaluate() left unchecked: only this one must be finite. */
static alvh_status one_greek(alvh_status st, const alvh_greeks *g, alvh_greek greek,
                             double *value)
{
    if (st != ALVH_OK)
        return st;
    double v = alvh_greek_value(g, greek);
    if (!isfinite(v))
        return ALVH_E_NOT_FINITE;
    *value = v;
    return ALVH_OK;
}

alvh_status alvh_bsm_greek(alvh_greek greek, int kind, double spot, double strike, double years,
                           double vol, double rate, double div_yield, double *value)
{
    if ((int)greek < 0 || greek >= ALVH_GREEK_COUNT_)
        return ALVH_E_GREEK;
    alvh_greeks g;
    alvh_status st = bsm(kind, spot, strike, years, vol, rate, div_yield, GREEKS_UNCHECKED, &g);
    return one_greek(st, &g, greek, value);
}

alvh_status alvh_black76_price(int kind, double forward, double strike, double years, double vol,
                               double rate, double *price)
{
    alvh_greeks g;
    alvh_status st = black76(kind, forward, strike, years, vol, rate, PRICE_ONLY, &g);
    if (st == ALVH_OK)
        *price = g.price;
    return st;
}

alvh_status alvh_black76_greeks(int kind, double forward, double strike, double years,
                                double vol, double rate, alvh_greeks *out)
{
    return black76(kind, forward, strike, years, vol, rate, ALL_GREEKS, out);
}

alvh_status alvh_black76_greek(alvh_greek greek, int kind, double forward, double strike,
                               double years, double vol, double rate, double *value)
{
    if ((int)greek < 0 || greek >= ALVH_GREEK_COUNT_)
        return ALVH_E_GREEK;
    alvh_greeks g;
    alvh_status st = black76(kind, forward, strike, years, vol, rate, GREEKS_UNCHECKED, &g);
    return one_greek(st, &g, greek, value);
}
