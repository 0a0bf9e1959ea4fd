/* alvh/vixcurve.h: the VIX futures term structure and the beta of a VIX future to spot VIX.
 *
 * Units: VIX levels and futures prices in VIX points (index points, 20 = 20% vol); tenors and
 * years in ACT/365 years; speeds and decay rates per year.
 *
 * Three pieces (method and sources in core/src/vixcurve.c and docs/hedge.md):
 *   - a model curve, mean-reverting from spot VIX to a long-run level:
 *         F(T) = L + (S - L) exp(-k T)
 *   - a quoted curve: futures prices at given tenors, linear in tenor between quotes and flat
 *     beyond the first and last quote;
 *   - beta(T) = dF(T)/dS, the points a future of tenor T moves per point of spot VIX, as two
 *     exponentials  beta(T) = w exp(-a T) + (1 - w) exp(-b T).
 *
 * Threading: pure functions, reentrant.
 */
#ifndef ALVH_VIXCURVE_H
#define ALVH_VIXCURVE_H

#include <stddef.h>

#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Defaults (the policy's defaults; see vixcurve.c for their calibration). */
#define ALVH_VIX_LONG_RUN 20.0
#define ALVH_VIX_SPEED 4.3
#define ALVH_VIX_BETA_WEIGHT 0.65
#define ALVH_VIX_BETA_FAST 24.0
#define ALVH_VIX_BETA_SLOW 1.35

/*! alvh_vix_future_model() :
 *  F = long_run + (vix_spot - long_run) * exp(-speed * years): the expected VIX at years under
 *  a mean-reverting (Ornstein-Uhlenbeck) VIX, used as the futures price.
 *  @param years     tenor, >= 0 (0 gives vix_spot)
 *  @param vix_spot  > 0, VIX points;  long_run > 0, VIX points;  speed >= 0 per year
 *  @return : ALVH_OK, ALVH_E_YEARS, ALVH_E_SPOT (vix_spot or long_run not positive and finite),
 *            ALVH_E_ARGUMENT (speed negative or not finite). */
alvh_status alvh_vix_future_model(double years, double vix_spot, double long_run, double speed,
                                  double *future);

/*! alvh_vix_curve_check() :
 *  A quoted curve is n >= 1 points with 0 <= tenors[0] < tenors[1] < ... (years) and every
 *  future positive and finite.
 *  @return : ALVH_OK or ALVH_E_CURVE with *bad the 0-based index of the first bad point. */
alvh_status alvh_vix_curve_check(const double *tenors, const double *futures, size_t n,
                                 size_t *bad);

/*! alvh_vix_future_curve() :
 *  The futures price at years on a quoted curve: linear interpolation in tenor between the
 *  neighbouring quotes, the first quote for years before it, the last for years after it;
 *  years within 1e-9 (0.03 seconds) of a quote's tenor gives that quote exactly.
 *  @return : ALVH_OK, ALVH_E_YEARS (negative or not finite), ALVH_E_CURVE. */
alvh_status alvh_vix_future_curve(double years, const double *tenors, const double *futures,
                                  size_t n, double *future);

/*! alvh_vix_beta() :
 *  beta(T) = weight exp(-fast T) + (1 - weight) exp(-slow T): points a VIX future of tenor
 *  years moves for +1.00 point of spot VIX. beta(0) = 1; never increases with T.
 *  @param years  >= 0;  weight in [0, 1];  fast, slow >= 0 per year (finite)
 *  @return : ALVH_OK, ALVH_E_YEARS, ALVH_E_BETA. */
alvh_status alvh_vix_beta(double years, double weight, double fast, double slow, double *beta);

#ifdef __cplusplus
}
#endif
#endif
