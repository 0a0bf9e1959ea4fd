/* alvh/black.h: Black-Scholes-Merton (spot, continuous dividend yield) and Black-76 (forward)
 * prices and greeks of European options.
 *
 * Conventions (the same in every ALVH Calc function):
 *   kind       ALVH_CALL (+1) or ALVH_PUT (-1), so that +-1 algebra works.
 *   spot, forward, strike  prices in the underlying's units; spot/forward > 0, strike >= 0
 *              (strike 0 only for a call: the option is then the underlying / discounted forward).
 *   years      time to expiry, ACT/365 calendar years, >= 0 (intraday fractions allowed).
 *   vol        annualised volatility as a decimal (0.20 = 20%), >= 0.
 *   rate, div_yield  continuously compounded decimals, any finite sign.
 * Greeks (alvh_greeks):
 *   delta, gamma  per 1.00 of the underlying (Black-76: of the forward)
 *   vega          per vol point: dV/dvol x 0.01
 *   theta         per calendar day: -dV/dyears / 365 (negative for a long option, usually)
 *   rho           per rate point: dV/drate x 0.01 (Black-76: forward held fixed)
 *   vanna         d(delta)/d(vol) x 0.01
 *   volga         d(vega)/d(vol) x 0.01   (vega already per point: d2V/dvol2 x 1e-4)
 * Degenerate cases are defined, not errors:
 *   years = 0 or vol = 0   the discounted intrinsic value of the forward,
 *                          max(kind*(F-K), 0)*exp(-rate*years); delta is a step
 *                          (kind*exp(-div_yield*years) in the money, 0 out, half at the money;
 *                          Black-76: kind*exp(-rate*years)); gamma, vega, vanna, volga are 0;
 *                          theta and rho are the derivatives of that price (the closed forms'
 *                          limits as vol -> 0, with the same half weight at the money), so an
 *                          in-the-money option keeps its carry: at years = 0 rho is 0 and theta
 *                          is kind*(div_yield*spot - rate*strike)/365 in the money.
 *   strike = 0 (calls only)  the option is the underlying: price spot*exp(-div_yield*years)
 *                          (Black-76: exp(-rate*years)*forward), delta exp(-div_yield*years),
 *                          the other greeks those of that price.
 * Accuracy: prices and greeks agree with 50-digit mpmath to 1e-12 relative or 1e-14 absolute
 *   on a grid of deep in/out-of-the-money strikes, 1 hour..5 years, vol 1%..500% (worst seen:
 *   2.8e-15 relative for prices, 1.2e-14 for greeks; tests/test_black.c). Far out of the money
 *   prices keep their relative accuracy however small (Jaeckel's normalised Black function);
 *   there the function itself is ill-conditioned (d ln V / d ln K ~ d1^2), so a 1e-250 price
 *   carries ~1e-13 relative from the rounding of its inputs.
 * Statuses: ALVH_OK, ALVH_E_OPTION_TYPE, ALVH_E_SPOT / ALVH_E_FORWARD, ALVH_E_STRIKE,
 *   ALVH_E_YEARS, ALVH_E_VOL, ALVH_E_RATE, ALVH_E_DIV_YIELD, ALVH_E_NOT_FINITE (overflow).
 * NaN or infinite inputs always give a status, never a number.
 */
#ifndef ALVH_BLACK_H
#define ALVH_BLACK_H

#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

enum { ALVH_CALL = 1, ALVH_PUT = -1 };

typedef enum alvh_greek {
    ALVH_GREEK_DELTA = 0,
    ALVH_GREEK_GAMMA,
    ALVH_GREEK_VEGA,
    ALVH_GREEK_THETA,
    ALVH_GREEK_RHO,
    ALVH_GREEK_VANNA,
    ALVH_GREEK_VOLGA,
    ALVH_GREEK_COUNT_
} alvh_greek;

typedef struct alvh_greeks {
    double price;
    double delta, gamma, vega, theta, rho, vanna, volga;
} alvh_greeks;

/*! alvh_greek_parse() : "delta" ... "volga" (ASCII case-insensitive) -> *greek.
 *  @return : ALVH_OK or ALVH_E_GREEK. */
alvh_status alvh_greek_parse(const char *name, alvh_greek *greek);

/*! alvh_greek_value() : the member of g named by greek. */
double alvh_greek_value(const alvh_greeks *g, alvh_greek greek);

/*! alvh_bsm_price() : Black-Scholes-Merton price of a European option on a spot with a
 *  continuous dividend yield: e^{-rT} [kind (F N(kind d1) - K N(kind d2))], F = spot e^{(r-q)T}.
 *  kind ALVH_CALL/ALVH_PUT; spot > 0; strike >= 0 (0 only for a call); years >= 0 (ACT/365);
 *  vol >= 0 (decimal); rate, div_yield finite (continuous decimals).
 *  *price (written only on success): in the underlying's units per 1 unit of underlying.
 *  @return : ALVH_OK, ALVH_E_OPTION_TYPE, ALVH_E_SPOT, ALVH_E_STRIKE, ALVH_E_YEARS, ALVH_E_VOL,
 *            ALVH_E_RATE, ALVH_E_DIV_YIELD, ALVH_E_NOT_FINITE (the forward overflows). */
alvh_status alvh_bsm_price(int kind, double spot, double strike, double years, double vol,
                           double rate, double div_yield, double *price);

/*! alvh_bsm_greeks() : price and all greeks in one pass (units in the header comment: delta,
 *  gamma per 1.00 of the spot; vega, rho per point; theta per calendar day; vanna, volga per
 *  vol point). Arguments and statuses as alvh_bsm_price(); *out written only on success. */
alvh_status alvh_bsm_greeks(int kind, double spot, double strike, double years, double vol,
                            double rate, double div_yield, alvh_greeks *out);

/*! alvh_bsm_greek() : one greek (greek, units and arguments as alvh_bsm_greeks()). Only that
 *  greek must be finite: on strikes near the largest double, theta or rho can overflow while
 *  delta is still -1, and asking for the delta then gives the delta.
 *  *value written only on success.
 *  @return : as alvh_bsm_price(), and ALVH_E_GREEK for an unknown greek; ALVH_E_NOT_FINITE
 *            when this greek is not a finite number. */
alvh_status alvh_bsm_greek(alvh_greek greek, int kind, double spot, double strike, double years,
                           double vol, double rate, double div_yield, double *value);

/*! alvh_black76_price() : Black-76 price of a European option on a forward (VIX options on
 *  the VIX future of the same expiry, SPX futures options), discounted at rate:
 *  e^{-rT} kind (F N(kind d1) - K N(kind d2)). forward > 0; other arguments as
 *  alvh_bsm_price() (no dividend yield).
 *  @return : ALVH_OK, ALVH_E_OPTION_TYPE, ALVH_E_FORWARD, ALVH_E_STRIKE, ALVH_E_YEARS,
 *            ALVH_E_VOL, ALVH_E_RATE, ALVH_E_NOT_FINITE. */
alvh_status alvh_black76_price(int kind, double forward, double strike, double years, double vol,
                               double rate, double *price);

/*! alvh_black76_greeks() : price and greeks; delta/gamma with respect to the forward;
 *  rho holds the forward fixed (rho = -years * price * 0.01); theta holds the forward fixed
 *  (-dV/dyears / 365 = (rate V - e^{-rT} F phi(d1) vol / (2 sqrt T)) / 365).
 *  Arguments and statuses as alvh_black76_price(). */
alvh_status alvh_black76_greeks(int kind, double forward, double strike, double years,
                                double vol, double rate, alvh_greeks *out);

/*! alvh_black76_greek() : one greek of alvh_black76_greeks(); only that greek must be finite
 *  (as alvh_bsm_greek()). *value written only on success.
 *  @return : as alvh_black76_price(), ALVH_E_GREEK, ALVH_E_NOT_FINITE. */
alvh_status alvh_black76_greek(alvh_greek greek, int kind, double forward, double strike,
                               double years, double vol, double rate, double *value);

#ifdef __cplusplus
}
#endif
#endif
