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
 *                          (kind*exp(-div_yield*years) in the money, 0 out, half at the money);
 *                          gamma, vega, vanna, volga are 0.
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
 *  continuous dividend yield. */
alvh_status alvh_bsm_price(int kind, double spot, double strike, double years, double vol,
                           double rate, double div_yield, double *price);

/*! alvh_bsm_greeks() : price and all greeks in one pass. */
alvh_status alvh_bsm_greeks(int kind, double spot, double strike, double years, double vol,
                            double rate, double div_yield, alvh_greeks *out);

/*! alvh_black76_price() : Black-76 price of a European option on a forward (VIX options on
 *  the VIX future of the same expiry, SPX futures options). Discounted at rate. */
alvh_status alvh_black76_price(int kind, double forward, double strike, double years, double vol,
                               double rate, double *price);

/*! alvh_black76_greeks() : price and greeks; delta/gamma with respect to the forward;
 *  rho holds the forward fixed (rho = -years * price * 0.01). */
alvh_status alvh_black76_greeks(int kind, double forward, double strike, double years,
                                double vol, double rate, alvh_greeks *out);

#ifdef __cplusplus
}
#endif
#endif
