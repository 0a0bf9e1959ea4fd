/* alvh/condor.h: iron condors (construction, credit, maximum loss, break-evens, probability of
 * profit) and books of European option legs (value, greeks, profit and loss over spot).
 *
 * Conventions (as everywhere in ALVH Calc; see alvh/black.h):
 *   kind        ALVH_CALL (+1) or ALVH_PUT (-1).
 *   spot, strike  index points; years ACT/365; vol, rate, div_yield continuous decimals.
 *   Pricing     Black-Scholes-Merton on the spot with a continuous dividend yield
 *               (alvh_bsm_price / alvh_bsm_greeks).
 *   Dollars     a result in dollars is points x quantity x multiplier (SPX: 100 dollars per
 *               point, the default of every spreadsheet function that takes one).
 *
 * An iron condor is four legs on one expiry, in this order (the order of every strikes array):
 *   [0] long put (quantity +1), [1] short put (-1), [2] short call (-1), [3] long call (+1),
 * with strikes 0 < K0 < K1 <= K2 < K3 (K1 == K2 is an iron butterfly). The position is short:
 * it collects a credit now and pays the put spread or the call spread at expiry.
 *
 * Per-leg vols: a condor's legs may each carry their own vol (a smile). Either four vols are
 * given, or one at-the-money vol and a relative skew, the policy's smile rule (backtest.skew,
 * the rule the backtest and the scenarios price with):
 *   vol_i = vol * max(1 - skew * ln(K_i / spot), ALVH_SMILE_FLOOR)
 * skew = 0 is a flat smile; skew > 0 puts more vol on lower strikes. SPX index options at 30
 * days show roughly 2-7 (a put 5% below spot carrying 10-35% more vol than at the money). The
 * floor (25% of the at-the-money vol) keeps the linear smile from turning negative far out.
 *
 * A book is any list of legs (type, strike, quantity, years, vol), so verticals, calendars and
 * ratio spreads work as well as condors; a leg with years = 0 is worth its payoff.
 *
 * Threading: every function is pure and reentrant.
 */
#ifndef ALVH_CONDOR_H
#define ALVH_CONDOR_H

#include <stddef.h>

#include "alvh/black.h"
#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The smile factor never goes below this share of the at-the-money vol (as the backtest). */
#define ALVH_SMILE_FLOOR 0.25

/* Default short-strike delta, wing width (points) and SPX strike spacing (points). */
#define ALVH_CONDOR_SHORT_DELTA 0.16
#define ALVH_CONDOR_WING 50.0
#define ALVH_CONDOR_STEP 5.0

/* One European option position. */
typedef struct alvh_leg {
    int kind;        /* ALVH_CALL or ALVH_PUT */
    double strike;   /* index points */
    double quantity; /* contracts: + long, - short (fractions allowed) */
    double years;    /* time to expiry, ACT/365, >= 0 */
    double vol;      /* implied vol of this leg, decimal, >= 0 */
} alvh_leg;

/*! alvh_condor_strikes() :
 *  The four strikes of an iron condor whose short strikes sit at the given BSM spot delta.
 *  Method: the short put's strike is the strike with put delta -short_delta, the short call's
 *  the strike with call delta +short_delta (alvh_bsm_strike_from_delta, flat vol).
 *  Rounding rule (step > 0): each short strike is moved AWAY from spot to the strike grid
 *    (multiples of step): the short put down (floor), the short call up (ceil), so the shorts'
 *    |delta| never exceeds short_delta; a computed strike within 1e-9 x step of a grid strike
 *    is that grid strike (no spurious step from rounding noise). step = 0: no rounding.
 *  The long put is wing points below the short put, the long call wing points above the short
 *  call; with step > 0, wing must be a whole multiple of step (to 1e-9).
 *  @param spot        index level, > 0
 *  @param years       > 0;  vol > 0 (the one vol used to place both shorts)
 *  @param short_delta in (0, 0.5), e.g. 0.16
 *  @param wing        points, > 0; step >= 0 points (SPX: 5)
 *  @param strikes     out: long put, short put, short call, long call
 *  @return : ALVH_OK, ALVH_E_SPOT, ALVH_E_YEARS, ALVH_E_VOL (years or vol not positive),
 *            ALVH_E_RATE, ALVH_E_DIV_YIELD, ALVH_E_SHORT_DELTA, ALVH_E_STEP, ALVH_E_WING,
 *            ALVH_E_DELTA (unattainable with this div_yield), ALVH_E_STRIKES (the shorts cross,
 *            or the long put's strike is not positive), ALVH_E_NOT_FINITE. */
alvh_status alvh_condor_strikes(double spot, double years, double vol, double short_delta,
                                double wing, double step, double rate, double div_yield,
                                double strikes[4]);

/*! alvh_condor_check_strikes() : ALVH_OK when 0 < K0 < K1 <= K2 < K3, all finite,
 *  else ALVH_E_STRIKES. */
alvh_status alvh_condor_check_strikes(const double strikes[4]);

/*! alvh_smile_factor() : max(1 - skew * ln(strike / spot), ALVH_SMILE_FLOOR); 1 when skew is 0
 *  or strike is 0. strike >= 0, spot > 0 and skew finite are the caller's to check. */
double alvh_smile_factor(double strike, double spot, double skew);

/*! alvh_condor_skew_vols() : vols[i] = vol * alvh_smile_factor(strikes[i], spot, skew).
 *  @return : ALVH_OK, ALVH_E_STRIKES, ALVH_E_SPOT, ALVH_E_VOL (vol < 0 or not finite),
 *            ALVH_E_SKEW (skew not finite). */
alvh_status alvh_condor_skew_vols(const double strikes[4], double spot, double vol, double skew,
                                  double vols[4]);

/*! alvh_condor_legs() : the condor as four book legs (long put, short put, short call, long
 *  call; quantities +1, -1, -1, +1), all expiring in years, leg i with vols[i].
 *  @return : ALVH_OK, ALVH_E_STRIKES, ALVH_E_YEARS, ALVH_E_VOL. */
alvh_status alvh_condor_legs(const double strikes[4], double years, const double vols[4],
                             alvh_leg legs[4]);

/*! alvh_condor_credit() :
 *  The credit of one short iron condor in index points: P(K1) - P(K0) + C(K2) - C(K3), the
 *  model (BSM) prices of the legs with their own vols. Positive for any sane smile.
 *  @return : ALVH_OK or the statuses of alvh_condor_legs() and alvh_bsm_price(). */
alvh_status alvh_condor_credit(const double strikes[4], double spot, double years,
                               const double vols[4], double rate, double div_yield,
                               double *credit);

/*! alvh_condor_check_credit() :
 *  ALVH_OK when 0 < credit < max(K1 - K0, K3 - K2), the wider wing's width: the most a short
 *  condor pays at expiry (only one of its spreads can finish in the money). A credit at or above
 *  it is an arbitrage (the position cannot lose: model prices from a smile too steep for the
 *  wings), and a credit at or below 0 is no credit (a debit, or an expired condor worth its
 *  payoff); either way no condor function has a meaningful answer. Undiscounted, as
 *  alvh_condor_max_loss compares them. With uneven wings a credit between the two widths is
 *  valid: the narrower side then has no break-even (alvh_condor_breakeven).
 *  @return : ALVH_OK, ALVH_E_STRIKES, ALVH_E_PRICE (credit not finite), ALVH_E_CREDIT. */
alvh_status alvh_condor_check_credit(const double strikes[4], double credit);

/*! alvh_condor_max_loss() :
 *  Maximum loss at expiry of one short condor, index points:
 *    max(K1 - K0, K3 - K2) - credit, positive for a credit alvh_condor_check_credit accepts.
 *  The credit is compared undiscounted with the expiry payoff (no interest on the credit, as
 *  brokers and strategy analyzers show it).
 *  @return : ALVH_OK, ALVH_E_STRIKES, ALVH_E_PRICE (credit not finite), ALVH_E_CREDIT (credit
 *            not in (0, the wider wing's width): never a negative maximum loss). */
alvh_status alvh_condor_max_loss(const double strikes[4], double credit, double *max_loss);

/*! alvh_condor_breakeven() :
 *  Break-even of a short condor at expiry: side -1 (lower) K1 - credit, side +1 (upper)
 *  K2 + credit, where the expiry P&L (credit minus payoff) crosses zero. Exists only when
 *  0 < credit < that side's wing width (K1 - K0, resp. K3 - K2).
 *  @return : ALVH_OK, ALVH_E_STRIKES, ALVH_E_SIDE (side not +-1), ALVH_E_PRICE,
 *            ALVH_E_NO_BREAKEVEN. */
alvh_status alvh_condor_breakeven(const double strikes[4], double credit, int side,
                                  double *level);

/*! alvh_condor_pop() :
 *  Probability of profit at expiry: the risk-neutral probability that the index finishes
 *  strictly between the two break-evens L < U, for a lognormal terminal index with drift
 *  rate - div_yield and volatility dist_vol:
 *    P = N(d2(L)) - N(d2(U)),  d2(K) = (ln(spot/K) + (rate - div_yield - dist_vol^2/2) years)
 *                                     / (dist_vol sqrt(years))
 *  (Hull, Options, Futures and Other Derivatives, 10th ed., section 15.8: N(d2) is the
 *  risk-neutral probability of finishing above K). Not a real-world probability: it carries
 *  no risk premium and no smile. dist_vol = 0 or years = 0 give the degenerate 0/1 answer for
 *  the forward spot*exp((rate-div_yield)*years).
 *  @return : ALVH_OK, ALVH_E_SPOT, ALVH_E_YEARS, ALVH_E_VOL, ALVH_E_RATE, ALVH_E_DIV_YIELD,
 *            ALVH_E_STRIKES (L >= U or not positive). */
alvh_status alvh_condor_pop(double lower, double upper, double spot, double years,
                            double dist_vol, double rate, double div_yield, double *pop);

/* ---- books --------------------------------------------------------------------------------- */

/*! alvh_leg_check() : ALVH_OK for a valid leg; ALVH_E_OPTION_TYPE, ALVH_E_STRIKE (negative,
 *  zero for a put, not finite), ALVH_E_ARGUMENT (quantity not finite), ALVH_E_YEARS, ALVH_E_VOL. */
alvh_status alvh_leg_check(const alvh_leg *leg);

/*! alvh_book_value() :
 *  Value of the book in dollars: sum of quantity x BSM price x multiplier, each leg with its
 *  own years and vol, elapsed years later (elapsed >= 0; a leg whose remaining time
 *  years - elapsed is <= 0 counts at its payoff max(kind*(spot-K), 0)). elapsed = 0 is now.
 *  @return : ALVH_OK, ALVH_E_SPOT, ALVH_E_RATE, ALVH_E_DIV_YIELD, ALVH_E_MULTIPLIER,
 *            ALVH_E_DAYS (elapsed negative or not finite), a leg status, ALVH_E_NOT_FINITE. */
alvh_status alvh_book_value(const alvh_leg *legs, size_t n, double spot, double elapsed,
                            double rate, double div_yield, double multiplier, double *value);

/*! alvh_book_greek() :
 *  One greek of the book in dollars: sum of quantity x greek x multiplier (greeks per
 *  alvh/black.h: delta in dollars per 1.00 index point, gamma the change of that per point,
 *  vega per vol point, theta per calendar day, rho per rate point, vanna and volga per vol
 *  point). ALVH_GREEK_* other than price.
 *  @return : as alvh_book_value(), and ALVH_E_GREEK. */
alvh_status alvh_book_greek(const alvh_leg *legs, size_t n, alvh_greek greek, double spot,
                            double rate, double div_yield, double multiplier, double *value);

/*! alvh_book_first_expiry() : the smallest years of the legs (n >= 1). */
double alvh_book_first_expiry(const alvh_leg *legs, size_t n);

#ifdef __cplusplus
}
#endif
#endif
