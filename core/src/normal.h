/* normal.h (internal): the standard normal distribution to full double precision, and the
 * normalised Black function shared by black.c and impvol.c. Not installed.
 *
 * Accuracy (measured against 50-digit mpmath by tests/test_black.c and the golden data):
 *   alvh_norm_cdf   a few ulps relative everywhere its value is a normal double, tails included
 *   alvh_erfcx      a few ulps relative for every finite argument where it does not overflow
 *   alvh_norm_inv   a few ulps relative (one Halley step on AS241)
 */
#ifndef ALVH_NORMAL_H
#define ALVH_NORMAL_H

#include "alvh/status.h"
#include "base.h" /* ALVH_SQRT_2PI, ALVH_INV_SQRT_2PI, ALVH_SQRT_PI_OVER_2, ALVH_SQRT1_2 */

/* exp(-(a^2 + b^2)/2) with the squares and their sum carried to double-double, so that the
 * exponent's own rounding (up to 745 * 2^-53 relative) does not enter the result. */
double alvh_exp_mhalf_sumsq(double a, double b);

/* erfcx(z) = exp(z^2) erfc(z), the scaled complementary error function. */
double alvh_erfcx(double z);

/* 1 - erfcx(sqrt(z2)) for z2 >= 0, to a few ulps relative (no cancellation near 0). */
double alvh_one_minus_erfcx_sqrt(double z2);

/* Phi(x), the standard normal CDF, with full relative accuracy in the lower tail. */
double alvh_norm_cdf(double x);

/* scale * Phi(x) given scaled_pdf = scale * phi(x), scale > 0: the product without forming
 * Phi(x), which may underflow where the product does not. */
double alvh_norm_cdf_scaled(double x, double scale, double scaled_pdf);

/* phi(x) = exp(-x^2/2) / sqrt(2 pi). */
double alvh_norm_pdf(double x);

/* Phi^-1(p) for 0 < p < 1 (-inf at 0, +inf at 1, NaN outside). */
double alvh_norm_inv(double p);

/* Phi^-1(p) by AS 241 alone (~1e-16 relative, no polishing step): for initial guesses. */
double alvh_norm_inv_fast(double p);

/* The normalised Black function of P. Jaeckel, "Let's Be Rational" (2015), for an
 * out-of-the-money call: b(x, s) = e^{x/2} Phi(x/s + s/2) - e^{-x/2} Phi(x/s - s/2)
 * for x = ln(F/K) <= 0 and s = vol sqrt(years) > 0. The undiscounted Black price of either
 * kind is sqrt(F K) * (intrinsic + alvh_black_otm(-|x|, s)). */
double alvh_black_otm(double x, double s);

/* alvh_black_otm() and its derivative b'(x, s) = exp(-(x^2/s^2 + s^2/4)/2)/sqrt(2 pi) in one
 * pass (the exponential is shared). */
double alvh_black_otm_vega(double x, double s, double *vega);

/* b(x, s_c) at the inflection point s_c = sqrt(2|x|) of b(x, .) (x <= 0), given
 * bmax = e^{x/2}; b'(x, s_c) = bmax / sqrt(2 pi) there. No general evaluation of b needed. */
double alvh_black_otm_at_inflection(double x, double bmax);

/* ln b(x, s) (x <= 0, s > 0) and b'(x, s)/b(x, s), without forming b: for prices so small that
 * b underflows (implied vol of a subnormal price). */
double alvh_black_otm_log(double x, double s, double *vega_over_b);

/* The domain of a European option's arguments, in the order the statuses are reported: kind
 * (ALVH_CALL/ALVH_PUT), underlying (spot or forward, > 0; bad_underlying names which), strike
 * (>= 0, > 0 for a put), years (>= 0), vol (>= 0), rate and div (finite). ALVH_OK or the first
 * failing argument's status. */
alvh_status alvh_black_check_args(int kind, double underlying, alvh_status bad_underlying,
                                  double strike, double years, double vol, double rate,
                                  double div);

/* ln(a / b) for positive finite a, b, without the rounding of the quotient a / b. */
double alvh_log_ratio(double a, double b);

#endif
