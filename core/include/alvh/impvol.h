/* alvh/impvol.h: implied volatility (Black-76 and Black-Scholes-Merton) and strike from delta.
 *
 * Implied volatility follows P. Jaeckel, "Let's Be Rational" (Wilmott, 2015): the normalised
 * Black function, rational initial guesses per branch, and third-order Householder steps, so
 * the vol that produced a price is recovered to ~1e-12 relative in at most a few iterations
 * wherever the price carries that information. Where vol sqrt(years) < 1 and the strike is
 * within 8 of those standard deviations (most quotes), a tabulated small-t guess replaces the
 * branches and one step suffices.
 *
 * Conventions as in alvh/black.h (kind +-1, years ACT/365, decimals for vol/rate/div_yield).
 * Statuses specific to implied vol:
 *   ALVH_E_BELOW_INTRINSIC  price < discounted intrinsic value
 *   ALVH_E_ABOVE_MAXIMUM    price >= discounted forward (call) / discounted strike (put)
 *   ALVH_E_NO_TIME_VALUE    price == intrinsic, or years == 0 (vol undefined)
 *   ALVH_E_NO_CONVERGENCE   the iteration failed to reach the tolerance
 */
#ifndef ALVH_IMPVOL_H
#define ALVH_IMPVOL_H

#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/*! alvh_black76_implied_vol() : the vol at which alvh_black76_price() equals price.
 *  price: the discounted option price per 1 unit of the forward (>= 0); forward > 0;
 *  strike >= 0 (0 only for a call); years >= 0; rate finite.
 *  Accuracy: the vol is recovered to ~1e-14 relative where the price determines it (condition
 *  number price / (vol dV/dvol) < 100; beyond, to that condition number times 2^-53).
 *  *vol (written only on success): annualised decimal.
 *  @return : ALVH_OK, ALVH_E_OPTION_TYPE, ALVH_E_PRICE, ALVH_E_FORWARD, ALVH_E_STRIKE,
 *            ALVH_E_YEARS, ALVH_E_RATE, ALVH_E_BELOW_INTRINSIC, ALVH_E_ABOVE_MAXIMUM,
 *            ALVH_E_NO_TIME_VALUE, ALVH_E_NO_CONVERGENCE, ALVH_E_NOT_FINITE. */
alvh_status alvh_black76_implied_vol(int kind, double price, double forward, double strike,
                                     double years, double rate, double *vol);

/*! alvh_bsm_implied_vol() : the vol at which alvh_bsm_price() equals price; spot > 0,
 *  div_yield finite (ALVH_E_SPOT, ALVH_E_DIV_YIELD), otherwise as alvh_black76_implied_vol()
 *  on the forward spot e^{(rate - div_yield) years}. */
alvh_status alvh_bsm_implied_vol(int kind, double price, double spot, double strike,
                                 double years, double rate, double div_yield, double *vol);

/*! alvh_bsm_strike_from_delta() :
 *  The strike whose BSM spot delta (with the dividend discount exp(-div_yield*years)) equals
 *  delta. A put's delta may be given signed (-0.16) or as its magnitude (0.16).
 *  Closed form: K = S exp(-(kind*N^-1(kind*delta*exp(q T)) * vol sqrt(T)) + (r - q + vol^2/2) T).
 *  Round trip: the BSM delta at the returned strike equals delta to ~1e-14 (tests/test_impvol.c).
 *  @return : ALVH_OK, ALVH_E_DELTA (|delta| not in (0, exp(-q T)), or a call's delta <= 0),
 *            ALVH_E_OPTION_TYPE, ALVH_E_SPOT, ALVH_E_YEARS and ALVH_E_VOL (both must be
 *            positive), ALVH_E_RATE, ALVH_E_DIV_YIELD, ALVH_E_NOT_FINITE. */
alvh_status alvh_bsm_strike_from_delta(int kind, double delta, double spot, double years,
                                       double vol, double rate, double div_yield, double *strike);

#ifdef __cplusplus
}
#endif
#endif
