/* impvol.c: implied volatility (Black-76, Black-Scholes-Merton) and the strike from a delta.
 *
 * Implied volatility after P. Jaeckel, "Let's Be Rational" (Wilmott, 2015), written from the
 * paper. The price is normalised to an out-of-the-money call: with x = -|ln(F/K)| <= 0,
 *     beta = (price/DF - intrinsic) / sqrt(F K),   solve  b(x, s) = beta  for s = vol sqrt(T),
 * b the normalised Black function (black.c).
 *
 * Most options (|x/s| in [1e-3, 8], s < 1: 99.4% of bench_pricing's) start from the small-t
 * guess below (alvh_iv_small_t_guess): the Bachelier inverse and the expansion of the solution
 * in t^2, tabulated with mpmath. It is within ~3e-6 of the solution without evaluating b, so one
 * Householder step on b - beta reaches full precision: one evaluation of b per vol.
 *
 * Elsewhere (and for subnormal beta) LBR's branches. b(x, .) rises from 0 to b_max = e^{x/2},
 * convex below its inflection point s_c = sqrt(2|x|) and concave above (LBR section 4). With
 * b_c = b(x, s_c), v_c = b'(x, s_c), the tangent at s_c meets 0 at s_l = s_c - b_c/v_c and
 * b_max at s_u = s_c + (b_max - b_c)/v_c, which cut the range of beta into four branches:
 *   1. beta < b_l = b(s_l): the lower map f_l(s) = 2 pi |x| / (3 sqrt 3) Phi(-|x|/(sqrt3 s))^3
 *      (LBR eq. 4.x) has the same leading asymptotics as b for s -> 0 and an explicit inverse;
 *      the guess inverts f_l at beta f_l(s_l)/b_l (exact at s_l). Objective 1/ln b - 1/ln beta,
 *      nearly linear in s there, so that Householder steps converge from far out in the tail.
 *      This branch works with ln beta, ln b and b'/b only (alvh_black_otm_log), so a price so
 *      small that beta underflows (a subnormal price) still has its vol.
 *   2. b_l <= beta < b_c and 3. b_c <= beta < b_u: rational cubic interpolation of the
 *      inverse s(beta) between the branch ends with end slopes 1/b' (the Delbourgo-Gregory
 *      form of LBR section 5; here with the monotone control parameter rather than the
 *      paper's curvature fit, which only costs part of an iteration); objective b - beta.
 *   4. beta >= b_u: the upper map f_u(s) = Phi(-s/2), which has b_max - b's asymptotics for
 *      s -> inf, inverted at (b_max - beta)/(b_max - b_u) f_u(s_u); objective
 *      ln((b_max - beta)/(b_max - b)), with b_max - b evaluated directly as a sum of two
 *      positive terms (no cancellation).
 * Each step is Householder's method of order 3 (LBR section 6):
 *     s += nu (1 + gamma nu / 2) / (1 + nu (gamma + delta nu / 6)),
 *     nu = -g/g', gamma = g''/g', delta = g'''/g',
 * with b'(s) = exp(-(x^2/s^2 + s^2/4)/2)/sqrt(2 pi), b''/b' = x^2/s^3 - s/4 =: A,
 * b'''/b' = A^2 - 3 x^2/s^4 - 1/4. From LBR's guesses two steps reach ~1e-15 relative for ~97%
 * of random inputs (one or three for the rest), from the small-t guess one step (see
 * tests/test_impvol.c for the accuracy); the loop allows up to IV_MAX_STEPS and stops after a
 * step below IV_STEP_TOL relative. */
#include "alvh/impvol.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "alvh/black.h"
#include "elementary.h"
#include "iv_guess.h"
#include "normal.h"

#define IV_MAX_STEPS 10
/* Householder's third-order method converges with order 4: after a step of relative size
 * 1e-5 the remaining error is ~C 1e-20, far below the rounding of the objective, so no further
 * evaluation is needed (tests/test_impvol.c gives identical worst errors with 1e-4 .. 1e-13). */
#define IV_STEP_TOL 1e-5

/* b_max - b(x, s) = e^{x/2} Phi(-(h+t)) + e^{-x/2} Phi(h-t), x <= 0, both terms positive. */
static double complement_normalised(double x, double s)
{
    double h = x / s, t = 0.5 * s;
    double first = alvh_exp(0.5 * x) * alvh_norm_cdf(-(h + t));
    double d2 = h - t, second;
    if (d2 < -1.0)
        second = 0.5 * alvh_erfcx(-d2 * ALVH_SQRT1_2) *
                 alvh_exp_mhalf_sumsq(h, t);
    else
        second = alvh_exp(-0.5 * x) * alvh_norm_cdf(d2);
    return first + second;
}

/* y^(1/3) for a positive normal y, for an initial guess: the exponent divided by 3 through the
 * bit pattern (bits/3 + (2/3) 1023 2^52, within ~10%), then three Halley steps
 * c <- c (c^3 + 2y)/(2c^3 + y) (cubic convergence: 1e-1, 1e-3, 1e-9, below rounding). A
 * fraction of libm's cbrt, which would also handle 0, subnormals, infinities and NaN. */
static double cube_root_normal(double y)
{
    uint64_t bits;
    memcpy(&bits, &y, sizeof bits);
    bits = bits / 3u + 0x2AA0000000000000u;
    double c;
    memcpy(&c, &bits, sizeof c);
    for (int i = 0; i < 3; ++i) {
        double c3 = c * c * c;
        c *= (c3 + 2.0 * y) / (2.0 * c3 + y);
    }
    return c;
}

/* The guess of branch 1: f_l(s) = beta f_l(s_l)/b_l solved for s. With f_l(s) =
 * 2 pi |x|/(3 sqrt3) p(s)^3, p(s) = Phi(-|x|/(sqrt3 s)), that is p(s) = p(s_l) (beta/b_l)^(1/3):
 * a cube root, no exp/log pair, while beta is a normal double; from ln beta (beta below the
 * smallest normal, a subnormal price) otherwise. */
static double lower_guess(double ax, double s_l, double b_l, double beta, double log_beta)
{
    double p_l = alvh_norm_cdf(-ax / (1.7320508075688772935 * s_l));
    double ratio =
        beta > 0x1p-900 ? cube_root_normal(beta / b_l)
                        : alvh_exp((log_beta - alvh_log(b_l)) / 3.0);
    double z = alvh_norm_inv_fast(p_l * ratio);
    return -ax / (1.7320508075688772935 * z);
}

/* A rational cubic interpolant (Delbourgo & Gregory 1985, as used in LBR section 5) of y(x) on
 * [xl, xr] with end values yl, yr and end slopes dl, dr; control parameter r (r = 3 is the
 * cubic Hermite; larger r pulls the curve towards the chord and preserves monotonicity). */
static double rational_cubic(double x, double xl, double xr, double yl, double yr, double dl,
                             double dr, double r)
{
    double hh = xr - xl;
    if (!(hh > 0.0))
        return 0.5 * (yl + yr);
    double t = (x - xl) / hh, omt = 1.0 - t;
    double t2 = t * t, omt2 = omt * omt;
    double num = yr * t2 * t + (r * yr - hh * dr) * t2 * omt + (r * yl + hh * dl) * t * omt2 +
                 yl * omt2 * omt;
    return num / (1.0 + (r - 3.0) * t * omt);
}

/* The control parameter: the cubic Hermite (r = 3) unless monotonicity needs more; Delbourgo
 * and Gregory's condition for a monotone interpolant is r >= (dl + dr) / slope. */
static double rational_cubic_r(double xl, double xr, double yl, double yr, double dl, double dr)
{
    double slope = (yr - yl) / (xr - xl);
    double r_min = slope > 0.0 ? (dl + dr) / slope : 3.0;
    return isfinite(r_min) ? fmin(fmax(3.0, r_min), 1e6) : 1e6;
}

/* ln beta, beta = tv / sqrt_fk: from the quotient while beta is a normal double (absolute error
 * ~u, as the difference of two logs), else from the two logs (beta underflows for subnormal
 * prices). Only the lowest branch and the final check need it. */
static double log_of_beta(double beta, double tv, double sqrt_fk)
{
    return beta > 0x1p-1000 ? alvh_log(beta) : alvh_log(tv) - alvh_log(sqrt_fk);
}

/* The small-t guess. With h = x/s, t = s/2, w = t^2 and S(h, w) the small-t series of black.c
 * (LBR section 3), the normalised price is
 *     rho := beta/|x| = G(h) e^{-w/2} S(h, w)/S(h, 0),   G(h) = (phi(h) + h Phi(h))/|h|,
 * to first order in w the Bachelier (normal-model) price per unit of |x|, a function of h alone.
 * The table (iv_guess_table.c, fitted with mpmath by scripts/gen_iv_guess.py) holds, on 32
 * pieces of z = ln rho, the Bachelier inverse u0 = |h0| (G(h0) = rho) and the coefficients of
 * the exact solution's expansion at fixed rho,
 *     h/h0 = 1 + D1 w0 + D2 w0^2 + D3 w0^3 + D4 w0^4,   w0 = x^2/(4 h0^2),
 * in which h is analytic (the D_k shrink by about half per order: at most -1/6, -0.031,
 * -0.010, -0.0043, then -0.0020 for the first one left out). Interpolation errors 4.3e-8 (u0)
 * and below 6e-6 for the D_k; truncation below 3e-6 for w0 < SMALL_T_GUESS_W (0.002 w0^5).
 * On bench_pricing's million options the guess is within 2.3e-6 of the solution (99.4% of
 * them are in the domain), so one Householder step reaches full precision: error ~ C eps^4.
 * Domain: |h0| in [1e-3, 8] (z inside the table) and w0 < SMALL_T_GUESS_W; 0 outside it, and
 * the caller takes LBR's branches. No evaluation of b. Declared in iv_guess.h for the tests. */
#define SMALL_T_GUESS_W 0.25 /* t < 0.5 */

double alvh_iv_small_t_guess(double x, double beta)
{
    const double y = (alvh_log(beta / -x) - alvh_iv_guess_z_lo) * alvh_iv_guess_inv_width;
    if (!(y >= 0.0 && y < (double)ALVH_IV_GUESS_PIECES))
        return 0.0;
    const int j = (int)y;
    const double m = 2.0 * (y - (double)j) - 1.0, m2 = m * m, m4 = m2 * m2;
    const double *c = alvh_iv_guess_coeffs[j];
    /* Estrin in m for u0 (degree 7), Horner for the short D_k */
    const double u0 = ((c[0] + c[1] * m) + m2 * (c[2] + c[3] * m)) +
                      m4 * ((c[4] + c[5] * m) + m2 * (c[6] + c[7] * m));
    const double d1 = ((c[8] + c[9] * m) + m2 * (c[10] + c[11] * m)) + m4 * (c[12] + c[13] * m);
    const double d2 = (c[14] + c[15] * m) + m2 * ((c[16] + c[17] * m) + m2 * c[18]);
    const double d3 = (c[19] + c[20] * m) + m2 * (c[21] + c[22] * m);
    const double d4 = c[23] + m * (c[24] + m * c[25]);
    const double w0 = x * x / (4.0 * u0 * u0);
    if (!(w0 < SMALL_T_GUESS_W))
        return 0.0;
    const double r = 1.0 + w0 * (d1 + w0 * (d2 + w0 * (d3 + w0 * d4)));
    return -x / (u0 * r);
}

/* LBR's initial guess (section 4, see the top of this file): the branch of beta, the guess s
 * in it, and ln beta where the branch needs it (branch 1). */
static int lbr_guess(double x, double bmax, double beta, double tv, double sqrt_fk, double *s_out,
                     double *log_beta)
{
    const double ax = -x;
    const double s_c = sqrt(2.0 * ax);
    /* b and b' at the inflection point in closed form (d1 = 0 there); at the money (x = 0)
     * these are the limits b(0, 0) = 0, b'(0, 0) = 1/sqrt(2 pi). */
    const double b_c = alvh_black_otm_at_inflection(x, bmax);
    const double v_c = ALVH_INV_SQRT_2PI * bmax;
    double s;
    int branch;
    /* Only the side of b_c that beta is on needs its tangent point evaluated. */
    if (beta < b_c) {
        double s_l = s_c - b_c / v_c, v_l = 0.0;
        /* b and b' at s_l in one evaluation (branch 2 needs the slope, and the exponential is
         * shared) */
        double b_l = s_l > 0.0 ? alvh_black_otm_vega(x, s_l, &v_l) : 0.0;
        if (beta < b_l) {
            branch = 1;
            *log_beta = log_of_beta(beta, tv, sqrt_fk);
            s = lower_guess(ax, s_l, b_l, beta, *log_beta);
        } else {
            branch = 2;
            double sl = fmax(s_l, 0.0), vl = sl > 0.0 ? v_l : 0.0;
            double dl = vl > 0.0 ? 1.0 / vl : 0.0, dr = 1.0 / v_c;
            double r = vl > 0.0 ? rational_cubic_r(b_l, b_c, sl, s_c, dl, dr) : 1e6;
            s = rational_cubic(beta, b_l, b_c, sl, s_c, dl, dr, r);
            if (!(s > 0.0) || !isfinite(s))
                s = sl + (s_c - sl) * (beta - b_l) / (b_c - b_l);
        }
    } else {
        double s_u = s_c + (bmax - b_c) / v_c, v_u;
        double b_u = alvh_black_otm_vega(x, s_u, &v_u);
        if (beta >= b_u) {
            branch = 4;
            double fu = complement_normalised(x, s_u);
            double f = (bmax - beta) / fu * alvh_norm_cdf(-0.5 * s_u);
            s = -2.0 * alvh_norm_inv_fast(f);
        } else {
            branch = 3;
            double dl = 1.0 / v_c, dr = 1.0 / v_u;
            double r = rational_cubic_r(b_c, b_u, s_c, s_u, dl, dr);
            s = rational_cubic(beta, b_c, b_u, s_c, s_u, dl, dr, r);
            if (!(s > 0.0) || !isfinite(s))
                s = s_c + (s_u - s_c) * (beta - b_c) / (b_u - b_c);
        }
    }
    if (!(s > 0.0) || !isfinite(s))
        s = s_c > 0.0 ? s_c : 1.0;
    *s_out = s;
    return branch;
}

/* Solve b(x, s) = beta for s > 0, x <= 0, 0 < beta < bmax = e^{x/2}, beta = tv / sqrt_fk
 * (tv and sqrt_fk give ln beta even where beta itself underflows). */
static alvh_status solve_normalised(double x, double bmax, double beta, double tv,
                                    double sqrt_fk, int small_t, double *s_out)
{
    const double ax = -x;
    double s, log_beta = (double)NAN;
    /* Small t and a normal beta (the objective b - beta needs it): the table's guess, with no
     * evaluation of b; otherwise LBR's branches. */
    s = small_t && x < 0.0 && beta > 0x1p-1000 ? alvh_iv_small_t_guess(x, beta) : 0.0;
    const int branch = s > 0.0 ? 2 : lbr_guess(x, bmax, beta, tv, sqrt_fk, &s, &log_beta);

    const double inv_log_beta = branch == 1 ? 1.0 / log_beta : 0.0;
    const double log_cbeta = branch == 4 ? alvh_log(bmax - beta) : 0.0;
    for (int it = 0; it < IV_MAX_STEPS; ++it) {
        /* the lowest branch works with ln b and b'/b, which do not underflow */
        double bp = 0.0, b = 0.0, L = 0.0, u = 0.0;
        if (branch == 1) {
            L = alvh_black_otm_log(x, s, &u);
            if (!isfinite(L) || !(u > 0.0) || !isfinite(u))
                break;
        } else {
            b = alvh_black_otm_vega(x, s, &bp);
            if (!(bp > 0.0) || !isfinite(b))
                break;
        }
        const double is = 1.0 / s, x2is3 = ax * ax * is * is * is;
        double a = x2is3 - 0.25 * s;          /* A = b''/b' */
        double a1 = -3.0 * x2is3 * is - 0.25; /* A' */
        double nu, gamma, delta;
        if (branch == 1) {
            /* g = 1/ln b - 1/ln beta; u = b'/b, L = ln b:
             * g' = -u/L^2, g''/g' = u'/u - 2u/L, g'''/g' = u''/u - 6u'/L + 6(u/L)^2,
             * u' = b''/b - u^2, u'' = b'''/b - (b''/b) u - 2 u u'. */
            double iL = 1.0 / L, iu = 1.0 / u;
            double b2 = u * a, b3 = u * (a * a + a1); /* b''/b, b'''/b */
            double up = b2 - u * u, upp = b3 - b2 * u - 2.0 * u * up;
            double g = iL - inv_log_beta;
            double uil = u * iL;
            nu = g * L * L * iu;
            gamma = up * iu - 2.0 * uil;
            delta = upp * iu - 6.0 * up * iL + 6.0 * uil * uil;
        } else if (branch == 4) {
            /* g = ln(bmax - beta) - ln(bmax - b); w = b'/(bmax - b):
             * g' = w, g''/g' = A + w, g'''/g' = (A + w)^2 + A' + w (A + w). */
            double c = complement_normalised(x, s);
            if (!(c > 0.0))
                break;
            double w = bp / c;
            double g = log_cbeta - alvh_log(c);
            nu = -g / w;
            gamma = a + w;
            delta = (a + w) * (a + w) + a1 + w * (a + w);
        } else {
            nu = -(b - beta) / bp;
            gamma = a;
            delta = a * a + a1;
        }
        double step = nu * (1.0 + 0.5 * gamma * nu) / (1.0 + nu * (gamma + delta * nu / 6.0));
        if (!isfinite(step) || s + step <= 0.0) {
            /* Householder overshoots only from a poor guess: fall back to a halved Newton step
             * that keeps s positive. */
            step = isfinite(nu) ? (s + nu > 0.0 ? nu : -0.5 * s) : 0.0;
        }
        s += step;
        if (fabs(step) <= IV_STEP_TOL * s) {
            *s_out = s;
            return ALVH_OK;
        }
    }
    /* Not converged by step size: accept if the price is reproduced to within its own
     * rounding, else say so. */
    if (branch != 1)
        log_beta = log_of_beta(beta, tv, sqrt_fk);
    double u, L = s > 0.0 && isfinite(s) ? alvh_black_otm_log(x, s, &u) : (double)NAN;
    if (fabs(L - log_beta) <= 1e-14 * fmax(1.0, fabs(log_beta))) {
        *s_out = s;
        return ALVH_OK;
    }
    return ALVH_E_NO_CONVERGENCE;
}

alvh_status alvh_iv_solve_normalised(double x, double beta, int small_t, double *s)
{
    const double bmax = alvh_exp(0.5 * x);
    if (!(x <= 0.0) || !(beta > 0.0) || !(beta < bmax))
        return ALVH_E_PRICE;
    return solve_normalised(x, bmax, beta, beta, 1.0, small_t, s);
}

/* The common path. price is discounted (as quoted), df = e^{-rT}; fmk = F - K and x = ln(F/K)
 * are computed exactly as black.c computes them, so that price -> vol -> price is the
 * identity to rounding; maximum is the discounted no-arbitrage bound (e^{-qT} S for a BSM call,
 * DF F for a Black-76 call, DF K for a put). */
static alvh_status implied(int th, double price, double df, double F, double K, double fmk,
                           double x, double maximum, double years, double *vol)
{
    double intrinsic = fmax(th * fmk, 0.0); /* undiscounted */
    if (price >= maximum)
        return ALVH_E_ABOVE_MAXIMUM;
    if (price < df * intrinsic)
        return ALVH_E_BELOW_INTRINSIC;
    if (price == df * intrinsic || years == 0.0 || K == 0.0)
        return ALVH_E_NO_TIME_VALUE;
    double sqrt_fk = sqrt(F) * sqrt(K);
    double time_value = price / df - intrinsic;
    if (!(time_value > 0.0))
        return ALVH_E_NO_TIME_VALUE; /* the time value is lost in the intrinsic's rounding */
    double beta = time_value / sqrt_fk;
    double xo = -fabs(x), bmax = alvh_exp(0.5 * xo);
    if (beta >= bmax)
        return ALVH_E_ABOVE_MAXIMUM;
    double s;
    alvh_status st = solve_normalised(xo, bmax, beta, time_value, sqrt_fk, 1, &s);
    if (st != ALVH_OK)
        return st;
    double v = s / sqrt(years);
    if (!isfinite(v) || !(v > 0.0))
        return ALVH_E_NOT_FINITE; /* overflow, or a positive vol below the smallest double */
    *vol = v;
    return ALVH_OK;
}

/* The arguments' domain, in the order of the pricing functions with the price after the kind
 * (the vol is what is solved for). */
static alvh_status check_args(int kind, double price, double underlying,
                              alvh_status bad_underlying, double strike, double years,
                              double rate, double div_yield)
{
    if (kind != ALVH_CALL && kind != ALVH_PUT)
        return ALVH_E_OPTION_TYPE;
    if (!isfinite(price) || !(price >= 0.0))
        return ALVH_E_PRICE;
    return alvh_black_check_args(kind, underlying, bad_underlying, strike, years, 0.0, rate,
                                 div_yield);
}

alvh_status alvh_black76_implied_vol(int kind, double price, double forward, double strike,
                                     double years, double rate, double *vol)
{
    alvh_status st = check_args(kind, price, forward, ALVH_E_FORWARD, strike, years, rate, 0.0);
    if (st != ALVH_OK)
        return st;
    double df = alvh_exp(-rate * years);
    double x = strike > 0.0 ? alvh_log_ratio(forward, strike) : (double)INFINITY;
    double maximum = df * (kind == ALVH_CALL ? forward : strike);
    return implied(kind, price, df, forward, strike, forward - strike, x, maximum, years, vol);
}

alvh_status alvh_bsm_implied_vol(int kind, double price, double spot, double strike,
                                 double years, double rate, double div_yield, double *vol)
{
    alvh_status st = check_args(kind, price, spot, ALVH_E_SPOT, strike, years, rate, div_yield);
    if (st != ALVH_OK)
        return st;
    /* F and F - K from one expm1, exactly as black.c forms them */
    double carry = (rate - div_yield) * years, em1 = alvh_expm1(carry);
    double F = spot + spot * em1;
    if (!isfinite(F))
        return ALVH_E_NOT_FINITE;
    double df = alvh_exp(-rate * years);
    double fmk = (spot - strike) + spot * em1;
    double x = strike > 0.0 ? alvh_log_ratio(spot, strike) + carry : (double)INFINITY;
    double maximum = kind == ALVH_CALL ? spot * alvh_exp(-div_yield * years) : df * strike;
    return implied(kind, price, df, F, strike, fmk, x, maximum, years, vol);
}

alvh_status alvh_bsm_strike_from_delta(int kind, double delta, double spot, double years,
                                       double vol, double rate, double div_yield, double *strike)
{
    if (kind != ALVH_CALL && kind != ALVH_PUT)
        return ALVH_E_OPTION_TYPE;
    if (!isfinite(delta))
        return ALVH_E_DELTA;
    if (!(spot > 0.0) || !isfinite(spot))
        return ALVH_E_SPOT;
    if (!(years > 0.0) || !isfinite(years))
        return ALVH_E_YEARS;
    if (!(vol > 0.0) || !isfinite(vol))
        return ALVH_E_VOL;
    if (!isfinite(rate))
        return ALVH_E_RATE;
    if (!isfinite(div_yield))
        return ALVH_E_DIV_YIELD;
    /* A call's delta is positive; a put's may be given signed (-0.16) or as its magnitude. */
    if (kind == ALVH_CALL && !(delta > 0.0))
        return ALVH_E_DELTA;
    double mag = fabs(delta);
    double dq = alvh_exp(-div_yield * years);
    /* delta = kind dq Phi(kind d1)  =>  Phi(kind d1) = |delta| / dq, in (0, 1) */
    double p = mag / dq;
    if (!(p > 0.0 && p < 1.0))
        return ALVH_E_DELTA;
    double d1 = kind * alvh_norm_inv(p);
    double s = vol * sqrt(years);
    /* d1 = (ln(S/K) + (r - q) T)/s + s/2  =>  K = S exp((r - q) T + s^2/2 - d1 s) */
    double k = spot * alvh_exp((rate - div_yield) * years + 0.5 * s * s - d1 * s);
    if (!isfinite(k) || !(k > 0.0))
        return ALVH_E_NOT_FINITE;
    *strike = k;
    return ALVH_OK;
}
