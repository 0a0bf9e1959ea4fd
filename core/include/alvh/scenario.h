/* alvh/scenario.h: spike-day scenarios: an SPX options book (the condor) and its VIX call hedge
 * repriced together after a shock to SPX and VIX.
 *
 * A scenario is (spx_move, vix_move, days):
 *   spx_move  a fraction of spot: -0.05 is SPX down 5% (spot' = spot x (1 + spx_move)), > -1
 *   vix_move  points of spot VIX: +8 is VIX 20 -> 28 (vix_spot + vix_move > 0)
 *   days      calendar days that pass with the shock (0: an instantaneous shock), >= 0
 *
 * What moves (docs/scenarios.md states the same rules with a worked example):
 *   1. The SPX legs are repriced with BSM at spot', each with years - days/365 to expiry (a leg
 *      that has expired counts at its payoff), and its implied vol shifted by the policy's
 *      volatility surface rule (policy keys backtest.vol_beta and backtest.skew, the rule the
 *      backtest prices with): model vol(K; VIX, S) = vol_beta x VIX/100 x f(K, S), so
 *          vol_i' = vol_i + vol_beta/100 x [ (VIX + vix_move) f(K_i, spot') - VIX f(K_i, spot) ],
 *          f(K, S) = max(1 - skew ln(K / S), 0.25)   (alvh_smile_factor).
 *      The at-the-money vol moves vol_beta points per VIX point; with skew > 0 a lower strike
 *      moves more than a higher one, so puts rise more than calls in a sell-off; the smile
 *      slides with spot (sticky moneyness). The legs keep their own vol levels (the rule
 *      shifts them; it does not replace them), so a sheet's quoted vols are respected.
 *   2. Each VIX future moves by its tenor's beta: F_j' = F_j + beta(T_j) x vix_move, beta from
 *      alvh_vix_beta() with the policy's beta_weight, beta_fast, beta_slow (a tenor-T future
 *      moves beta(T) points per spot VIX point). The curve does not roll down over `days`.
 *   3. The VIX calls are repriced with Black-76 on F_j' with T_j - days/365 to expiry (expired:
 *      payoff max(F_j' - K_j, 0)) at the policy's rate, and vol of vol vov_j + vov_move
 *      (vov_move = 0 by default: sticky strike, the conservative rule, since a rising vol of
 *      vol would flatter the hedge).
 *   4. A hedge of SPX options (hedge kind "spx_put_spread": the put spread of alvh/putspread.h,
 *      or any legs) is repriced exactly as the condor's legs are (rule 1: BSM at spot', its vols
 *      shifted by the surface rule, days/365 less to expiry); kind "none" is no hedge (0).
 * P&L = value after - value before, in dollars: SPX legs x spx_multiplier, VIX calls x
 * vix_multiplier (both 100 in the default policy). A zero shock with zero days gives exactly 0.
 *
 * Threading: pure functions, reentrant.
 */
#ifndef ALVH_SCENARIO_H
#define ALVH_SCENARIO_H

#include <stddef.h>

#include "alvh/condor.h"
#include "alvh/policy.h"
#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One layer of VIX calls held as the hedge. */
typedef struct alvh_vix_call {
    double future;     /* VIX future of the option's expiry, VIX points, > 0 */
    double strike;     /* VIX points, >= 0 */
    double contracts;  /* + long (fractions allowed) */
    double years;      /* to expiry, ACT/365, >= 0 */
    double vol_of_vol; /* Black-76 implied vol, decimal (0.9 = 90%), >= 0 */
} alvh_vix_call;

/* The shock. */
typedef struct alvh_shock {
    double spx_move; /* fraction, > -1 */
    double vix_move; /* VIX points */
    double days;     /* calendar days, >= 0 */
    double vov_move; /* added to every layer's vol of vol, decimal (0 by default) */
} alvh_shock;

/* Market inputs that do not come from the policy. */
typedef struct alvh_scenario_market {
    double spot;      /* SPX now, points, > 0 */
    double vix_spot;  /* spot VIX now, points, > 0 */
    double rate;      /* SPX legs' risk-free rate, continuous decimal */
    double div_yield; /* SPX dividend yield, continuous decimal */
} alvh_scenario_market;

typedef struct alvh_scenario_pnl {
    double condor;   /* dollars: SPX legs' value after - before */
    double hedge;    /* dollars: VIX calls' value after - before */
    double net;      /* condor + hedge */
    double ratio;    /* hedge / -condor when the condor loses (condor < 0) */
    int has_ratio;   /* 1 when ratio is defined (the condor loses), else 0 and ratio 0 */
} alvh_scenario_pnl;

/* The hedge held against the legs, of one of the policy's hedge kinds. */
typedef struct alvh_scenario_hedge {
    alvh_hedge_kind kind;       /* which of the two below is the hedge (none: neither) */
    const alvh_vix_call *calls; /* ALVH_HEDGE_VIX_CALLS: ncalls >= 0 layers of VIX calls */
    size_t ncalls;
    const alvh_leg *legs;       /* ALVH_HEDGE_SPX_PUT_SPREAD: nlegs >= 0 SPX legs (+ long) */
    size_t nlegs;
} alvh_scenario_hedge;

/*! alvh_vix_call_check() : ALVH_OK, or ALVH_E_FORWARD, ALVH_E_STRIKE, ALVH_E_HEDGE (contracts
 *  not finite), ALVH_E_YEARS, ALVH_E_VOL. */
alvh_status alvh_vix_call_check(const alvh_vix_call *c);

/*! alvh_scenario_leg_vol() :
 *  Leg vol after the shock, rule 1 above: vol + vol_beta/100 x ((vix_spot + vix_move) x
 *  f(strike, spot x (1 + spx_move)) - vix_spot x f(strike, spot)).
 *  @return : ALVH_OK, or ALVH_E_MOVE when the shifted vol is negative or not finite. */
alvh_status alvh_scenario_leg_vol(double vol, double strike, const alvh_shock *shock,
                                  const alvh_scenario_market *m, const alvh_policy *p,
                                  double *shifted);

/*! alvh_scenario() :
 *  Profit and loss of the legs (n >= 1) and the hedge (nh >= 0 VIX call layers) under shock.
 *  @return : ALVH_OK; ALVH_E_MOVE (spx_move <= -1, vix_spot + vix_move <= 0, a move not
 *            finite, a shifted vol or future not positive); ALVH_E_DAYS; ALVH_E_SPOT
 *            (spot or vix_spot); ALVH_E_RATE; ALVH_E_DIV_YIELD; leg statuses
 *            (alvh_leg_check); ALVH_E_HEDGE and layer statuses (alvh_vix_call_check);
 *            ALVH_E_BETA (policy beta parameters); pricing statuses; ALVH_E_NOT_FINITE. */
alvh_status alvh_scenario(const alvh_shock *shock, const alvh_leg *legs, size_t n,
                          const alvh_vix_call *hedge, size_t nh, const alvh_scenario_market *m,
                          const alvh_policy *p, alvh_scenario_pnl *out);

/*! alvh_scenario_hedged() :
 *  As alvh_scenario(), with a hedge of any kind: VIX calls (rules 2 and 3), SPX legs (rule 4,
 *  the hedge's P&L computed exactly as the condor's), or none (hedge P&L 0). The condor's P&L
 *  does not depend on the hedge. alvh_scenario(shock, legs, n, calls, nh, ...) is this with
 *  {ALVH_HEDGE_VIX_CALLS, calls, nh}.
 *  @return : the statuses of alvh_scenario(); ALVH_E_HEDGE (an unknown kind); the hedge legs'
 *            statuses (alvh_leg_check). */
alvh_status alvh_scenario_hedged(const alvh_shock *shock, const alvh_leg *legs, size_t n,
                                 const alvh_scenario_hedge *hedge, const alvh_scenario_market *m,
                                 const alvh_policy *p, alvh_scenario_pnl *out);

#ifdef __cplusplus
}
#endif
#endif
