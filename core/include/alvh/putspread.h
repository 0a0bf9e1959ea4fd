/* alvh/putspread.h: the SPX put spread, the hedge that may replace the VIX call layers (policy
 * hedge_kind "spx_put_spread"): long a put, short a put further out of the money, one expiry,
 * set by the policy's put_spread keys and priced on the same SPX pricer and vol surface as the
 * condor it hedges.
 *
 * Conventions (docs/hedge.md, "The SPX put spread", states them with their reasons):
 *   - Vol surface: the backtest's and the scenarios' (alvh/backtest.h): at-the-money vol =
 *     backtest.vol_beta x VIX / 100, a strike's vol = atm x alvh_smile_factor(K, spot,
 *     backtest.skew) (the smile floored at a quarter of atm). Prices: BSM (alvh_bsm_greeks) with
 *     the market's rate and dividend yield.
 *   - Expiry: the first business day (alvh_is_business_day) on or after the valuation's date +
 *     put_spread.days, at 16:00 (SPX options list an expiry every business day), the rule of the
 *     backtest's condor. years = (expiry - valuation) / 365.
 *   - Strikes: the put whose BSM delta at the at-the-money vol and that expiry is -long_delta
 *     (-short_delta), moved DOWN (away from spot) to the backtest.spx_strike_step grid, as the
 *     condor's short put is, so neither |delta| exceeds its target at that vol; a computed strike
 *     within 1e-9 step of a grid strike is that strike. A short strike that lands on or above the
 *     long one is moved to one step below it.
 *   - Money: points per spread (one long put minus one short put); dollars = points x spreads x
 *     spx_multiplier.
 *   - Monthly cost, the measure the VIX layers' cost uses (alvh/hedge.h, ALVH_COST): a spread is
 *     held from the valuation to its roll date, roll_days before expiry, and its cost is spread
 *     over the days held (expiry - valuation - roll_days) and expressed per month (365/12
 *     days). The policy's cost_method says what is charged: "carry" (default) the debit minus
 *     the spread's value at the roll date with the market standing still (the same spot, VIX
 *     and smile; only time passes), "debit" the whole debit.
 *   - Sizing (put_spread.sizing), whole spreads by the policy's rounding (alvh_hedge_round):
 *       budget     spreads = round(budget / the monthly cost of one spread); budget is the
 *                  VIX layers' monthly cost in dollars (ALVH_COST x notional); a budget at or
 *                  below zero buys none
 *       notional   spreads = round(notional_ratio x notional / (long strike x spx_multiplier))
 *       contracts  spreads = put_spread.contracts
 *
 * Threading: pure functions, reentrant; the policy is read, never written.
 */
#ifndef ALVH_PUTSPREAD_H
#define ALVH_PUTSPREAD_H

#include "alvh/black.h"
#include "alvh/policy.h"
#include "alvh/scenario.h"
#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The legs of a put spread, in this order in every array. */
enum { ALVH_SPREAD_LONG = 0, ALVH_SPREAD_SHORT = 1, ALVH_SPREAD_LEGS = 2 };

/* A put spread as bought. */
typedef struct alvh_put_spread {
    double expiry;                       /* serial date-time, 16:00 of a business day */
    double days;                         /* calendar days from the valuation to expiry */
    double years;                        /* days / 365 */
    double strikes[ALVH_SPREAD_LEGS];    /* long put, short put (lower), index points */
    double vols[ALVH_SPREAD_LEGS];       /* the surface's vol at each strike, decimal */
    alvh_greeks legs[ALVH_SPREAD_LEGS];  /* BSM price and greeks of ONE put of each leg */
    alvh_greeks spread;                  /* of ONE spread: legs[LONG] - legs[SHORT], each member */
    double leg_cost[ALVH_SPREAD_LEGS];   /* monthly cost of ONE put of each leg, dollars */
    double unit_cost;                    /* of ONE spread: leg_cost[LONG] - leg_cost[SHORT] */
    double contracts;                    /* whole spreads, >= 0 */
    double debit;                        /* dollars: contracts x spread.price x spx_multiplier */
    double monthly_cost;                 /* dollars per month: contracts x unit_cost */
} alvh_put_spread;

/*! alvh_put_spread_vol() : the surface's vol at strike with the index at spot and VIX at vix:
 *  backtest.vol_beta x vix / 100 x alvh_smile_factor(strike, spot, backtest.skew). Arguments
 *  are the caller's to check (strike >= 0, spot > 0, vix > 0). */
double alvh_put_spread_vol(double strike, double spot, double vix, const alvh_policy *p);

/*! alvh_put_spread_set() :
 *  The put spread the policy buys at valuation (the rules above), priced and sized.
 *  @param valuation  serial date-time (US/Eastern)
 *  @param m          spot (SPX, > 0), vix_spot (> 0), rate and div_yield (finite)
 *  @param notional   dollars, > 0 for sizing "notional" (otherwise unused)
 *  @param budget     dollars per month, finite, for sizing "budget" (otherwise unused)
 *  @return : ALVH_OK; ALVH_E_DATE, ALVH_E_SPOT, ALVH_E_RATE, ALVH_E_DIV_YIELD,
 *            ALVH_E_NOTIONAL, ALVH_E_ARGUMENT (budget not finite), ALVH_E_DELTA (a delta
 *            unattainable with this dividend yield), ALVH_E_STRIKES (a strike not above zero),
 *            ALVH_E_NO_CARRY (sizing "budget" with a budget above zero, and one spread costs
 *            nothing per month), pricing statuses, ALVH_E_NOT_FINITE. *out is written only on
 *            success. */
alvh_status alvh_put_spread_set(double valuation, const alvh_scenario_market *m, double notional,
                                double budget, const alvh_policy *p, alvh_put_spread *out);

/*! alvh_put_spread_value() :
 *  The value of ONE spread in points: long put minus short put at strikes, `years` to expiry,
 *  on the surface with the index at m->spot and VIX at m->vix_spot (years <= 0: the payoff
 *  max(K_long - spot, 0) - max(K_short - spot, 0)).
 *  @return : ALVH_OK, ALVH_E_SPOT, ALVH_E_STRIKE, ALVH_E_RATE, ALVH_E_DIV_YIELD, pricing
 *            statuses, ALVH_E_NOT_FINITE. */
alvh_status alvh_put_spread_value(const double strikes[ALVH_SPREAD_LEGS], double years,
                                  const alvh_scenario_market *m, const alvh_policy *p,
                                  double *value);

#ifdef __cplusplus
}
#endif
#endif
