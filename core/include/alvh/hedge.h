/* alvh/hedge.h: the Adaptive Layered VIX Hedge: layer vega, condor VIX vega, coverage, sizing
 * by rule and by vega calibration, the layer schedule, its monthly cost, hedged break-evens.
 *
 * Units and conventions (docs/hedge.md has the method, the choices and a worked example):
 *   - Layers are numbered 1 (front month, "trigger"), 2 (mid, "stabiliser"), 3 (back, "anchor").
 *   - VIX options are European calls priced with Black-76 on the VIX future of the same expiry
 *     (alvh_black76_greeks), vol = the layer's vol of vol, multiplier = policy vix_multiplier.
 *   - "VIX vega" of a position: dollars it gains for +1.00 point of SPOT VIX.
 *       hedge layer:  contracts x vix_multiplier x Black-76 delta x beta(tenor)
 *       condor:       sum over legs of vega (per vol point) x vol change per VIX point x
 *                     contracts x spx_multiplier (negative for a short condor)
 *   - Coverage = hedge VIX vega / |condor VIX vega|, a decimal (0.5 = 50%).
 *   - Notional: dollars, measured as the policy's notional_basis says (alvh_hedge_notional).
 *   - Dates: spreadsheet serials (alvh/dates.h); days = calendar days; years = days / 365.
 *   - Costs: decimals of notional per month (0.0045 = 0.45%), a month = 365/12 days.
 *
 * Threading: pure functions, reentrant; the policy is read, never written.
 */
#ifndef ALVH_HEDGE_H
#define ALVH_HEDGE_H

#include <stddef.h>

#include "alvh/policy.h"
#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Days per month in monthly costs: 365 / 12. */
#define ALVH_DAYS_PER_MONTH (365.0 / 12.0)

/*! alvh_layer_vega() :
 *  Dollars a layer of VIX calls gains for +1.00 point of spot VIX:
 *      contracts x multiplier x delta x beta,  delta = exp(-rate years) N(d1) (Black-76).
 *  @param contracts  >= 0 (fractions allowed)
 *  @param future     VIX future of the option's expiry, > 0;  strike >= 0;  years >= 0
 *  @param vol_of_vol the option's implied vol, decimal (0.9 = 90%), >= 0
 *  @param beta       the future's beta to spot VIX (alvh_vix_beta), >= 0
 *  @param multiplier dollars per VIX point, > 0 (100)
 *  @param delta      out (may be NULL): the Black-76 call delta
 *  @return : ALVH_OK, ALVH_E_ARGUMENT (contracts), ALVH_E_FORWARD, ALVH_E_STRIKE, ALVH_E_YEARS,
 *            ALVH_E_VOL, ALVH_E_RATE, ALVH_E_BETA, ALVH_E_MULTIPLIER, ALVH_E_NOT_FINITE. */
alvh_status alvh_layer_vega(double contracts, double future, double strike, double years,
                            double vol_of_vol, double rate, double beta, double multiplier,
                            double *vega, double *delta);

/*! alvh_condor_vix_vega() :
 *  Dollars a condor position changes for +1.00 point of spot VIX:
 *      contracts x multiplier x sum_i leg_vegas[i] x vol_beta x w_i
 *  leg_vegas: the legs' vegas per vol point in index points, signed by position (short legs
 *  negative), for one condor (a single value may be the whole condor's vega).
 *  Skew option: leg_vols == NULL moves every leg's implied vol by vol_beta points per VIX point
 *  (w_i = 1, a parallel shift). With leg_vols (decimals) and vix_spot, each leg moves in
 *  proportion to its own vol: w_i = leg_vols[i] x 100 / vix_spot ("sticky ratio": a 25%-vol
 *  put moves 1.25 points when VIX moves 1 point at VIX 20), so steep put skew weighs more.
 *  @param n  >= 1;  contracts > 0;  vol_beta >= 0;  multiplier > 0;
 *            leg_vols[i] >= 0, vix_spot > 0 when leg_vols is given
 *  @return : ALVH_OK, ALVH_E_VEGA (a vega not finite), ALVH_E_ARGUMENT (contracts, vol_beta),
 *            ALVH_E_VOL, ALVH_E_SPOT, ALVH_E_MULTIPLIER, ALVH_E_NOT_FINITE. */
alvh_status alvh_condor_vix_vega(const double *leg_vegas, size_t n, double contracts,
                                 double vol_beta, const double *leg_vols, double vix_spot,
                                 double multiplier, double *dollars);

/*! alvh_coverage() : hedge_vega / |condor_vega|, the share of the condor's VIX loss covered.
 *  The sign of condor_vega is ignored (a short condor's is negative).
 *  @param hedge_vega >= 0 dollars per VIX point; condor_vega nonzero, finite
 *  @return : ALVH_OK or ALVH_E_VEGA. */
alvh_status alvh_coverage(double hedge_vega, double condor_vega, double *coverage);

/*! alvh_hedge_round() : x contracts made whole by the policy's rounding rule:
 *  nearest (halves away from zero: 2.5 -> 3), down (floor), up (ceil). A value within 1e-9 of
 *  a whole number is that number first, so 250000/100000 x 4 = 10 exactly however the
 *  quotient rounds in binary. */
double alvh_hedge_round(double x, alvh_rounding rounding);

/*! alvh_hedge_size() :
 *  Whole contracts per layer by the per-notional rule:
 *      contracts[i] = round(notional / notional_unit x layers[i].contracts).
 *  ALVH_SIZE(250000; 1) = round(2.5 x 4) = 10; ALVH_SIZE(250000; 3) = round(2.5 x 2) = 5.
 *  @param notional  dollars, > 0 (as the policy's notional_basis defines it)
 *  @return : ALVH_OK or ALVH_E_NOTIONAL. */
alvh_status alvh_hedge_size(double notional, const alvh_policy *p, double contracts[ALVH_LAYERS]);

/*! alvh_hedge_notional() :
 *  The notional of `contracts` short iron condors as the policy's notional_basis defines it:
 *    short_strike  (K1 + K2) / 2 x spx_multiplier x contracts (the index exposure of one side)
 *    max_loss      (max(K1 - K0, K3 - K2) - credit) x spx_multiplier x contracts
 *    margin        max(K1 - K0, K3 - K2) x spx_multiplier x contracts (Reg T for a condor)
 *  @param strikes  long put, short put, short call, long call (index points)
 *  @param credit   per condor, index points, >= 0 and below the wider wing
 *  @return : ALVH_OK, ALVH_E_STRIKES, ALVH_E_PRICE (credit), ALVH_E_ARGUMENT (contracts). */
alvh_status alvh_hedge_notional(const double strikes[4], double credit, double contracts,
                                const alvh_policy *p, double *notional);

/* The result of a vega calibration. */
typedef struct alvh_calibration {
    double contracts[ALVH_LAYERS]; /* whole contracts per layer */
    double coverage;               /* coverage they achieve (decimal) */
    double base[ALVH_LAYERS];      /* the smallest whole-number vector in the policy's
                                      proportions (4/4/2 -> 2/2/1); contracts = m x base */
    double step;                   /* coverage of one base vector */
} alvh_calibration;

/*! alvh_hedge_calibrate() :
 *  Whole-contract counts m x base (m = 1, 2, ...; base = the policy's layer proportions in
 *  smallest whole numbers) whose coverage m x step is as close as possible to target inside
 *  [coverage_low, coverage_high]; of two equally close, the smaller (cheaper) hedge.
 *  step = sum_i base[i] x unit_vegas[i] / |condor_vega|.
 *  @param condor_vega  dollars per VIX point, nonzero (sign ignored)
 *  @param unit_vegas   dollars per VIX point of ONE contract of each layer, >= 0
 *  @param target       in [coverage_low, coverage_high] of the policy
 *  @return : ALVH_OK; ALVH_E_NO_SOLUTION when no multiple lands in the band (out then holds the
 *            nearest multiple, out of band, for the message); ALVH_E_VEGA; ALVH_E_ARGUMENT
 *            (target outside the band); ALVH_E_POLICY_VALUE (proportions not a ratio of
 *            whole numbers up to 1000). */
alvh_status alvh_hedge_calibrate(double condor_vega, const double unit_vegas[ALVH_LAYERS],
                                 double target, const alvh_policy *p, alvh_calibration *out);

/* A quoted futures curve (tenors in years, increasing); n == 0 means "use the model curve". */
typedef struct alvh_curve {
    const double *tenors;
    const double *futures;
    size_t n;
} alvh_curve;

/* One row of the layer schedule (ALVH_SCHEDULE's columns, in this order). */
typedef struct alvh_layer_row {
    double layer;        /* 1, 2, 3 */
    double expiry;       /* serial date-time of the VIX expiry (09:30 US/Eastern) */
    double days;         /* calendar days from valuation to expiry */
    double strike;       /* VIX points, on the policy's strike grid */
    double contracts;    /* whole contracts */
    double future;       /* VIX future of that expiry, VIX points */
    double price;        /* Black-76 call price, VIX points per option */
    double debit;        /* dollars: price x contracts x vix_multiplier */
    double delta;        /* Black-76 call delta to the future */
    double beta;         /* the future's beta to spot VIX */
    double vega;         /* dollars per +1 spot VIX point: contracts x mult x delta x beta */
    double monthly_cost; /* decimal of notional per month */
    double coverage;     /* vega / |condor_vega| */
} alvh_layer_row;

#define ALVH_SCHEDULE_COLS 13

/*! alvh_layer_row_values() : the row's fields in column order into cols[ALVH_SCHEDULE_COLS]. */
void alvh_layer_row_values(const alvh_layer_row *row, double cols[ALVH_SCHEDULE_COLS]);

/*! alvh_hedge_schedule() :
 *  The layer table. For each layer, in order 1, 2, 3:
 *    expiry   the first VIX expiry (alvh_vix_expiry) at least min_days after valuation and,
 *             with distinct_expiries, after the previous layer's; more than max_days after
 *             valuation is ALVH_E_NO_EXPIRY (*bad_layer says which layer).
 *    future   the quoted curve at years = days/365 if curve->n > 0 (with spot VIX added at
 *             tenor 0 when the first quote is later: a future settles on the VIX, so tenors
 *             before the first quote interpolate from spot), else the model curve.
 *    strike   future + otm_points rounded UP to the strike grid (never nearer the money than
 *             the rule): multiples of strike_step below strike_high_from, strike_high_from +
 *             multiples of strike_step_high from there on.
 *    contracts  rule sizing (alvh_hedge_size) or, with sizing "vega", alvh_hedge_calibrate on
 *             the layers' one-contract vegas (ALVH_E_NO_SOLUTION when none is in the band).
 *    monthly_cost  carry over the life to the roll date (days - roll_days), per month, over
 *             notional: cost "debit" charges the whole debit; cost "carry" (default) charges
 *             the debit minus the option's Black-76 value at the roll date, with the future
 *             read from today's curve at the remaining tenor (the curve is assumed to stand
 *             still, so contango's roll-down is charged) and the same vol of vol.
 *  @param valuation  serial date-time;  vix_spot > 0;  notional > 0 dollars
 *  @param condor_vega  dollars per VIX point, nonzero (coverage column; vega sizing)
 *  @return : ALVH_OK, ALVH_E_DATE, ALVH_E_SPOT, ALVH_E_NOTIONAL, ALVH_E_VEGA, ALVH_E_CURVE,
 *            ALVH_E_NO_EXPIRY (rows[*bad_layer - 1].expiry/.days: the first expiry from
 *            min_days on), ALVH_E_NO_SOLUTION (rows[i].contracts: the nearest hedge,
 *            rows[0].coverage its coverage), pricing statuses. */
alvh_status alvh_hedge_schedule(double valuation, double vix_spot, double notional,
                                double condor_vega, const alvh_policy *p, const alvh_curve *curve,
                                alvh_layer_row rows[ALVH_LAYERS], int *bad_layer);

/* A layer's option as a pricing source gives it (alvh_hedge_schedule_priced). */
typedef struct alvh_layer_price {
    double future;   /* VIX future of the layer's expiry, VIX points */
    double strike;   /* the layer's strike, VIX points */
    double price;    /* the call's price, VIX points per option */
    double delta;    /* its Black-76 delta to the future */
    double residual; /* its value at the roll date, VIX points, charged against price under
                        cost "carry" (0 under "debit") */
} alvh_layer_price;

/* A pricing source: fills *out for layer (1..3) expiring at serial expiry, years (ACT/365)
 * after valuation; any status but ALVH_OK stops the schedule with that status. */
typedef alvh_status (*alvh_layer_pricer)(void *ctx, int layer, double valuation, double expiry,
                                         double years, const alvh_policy *p,
                                         alvh_layer_price *out);

typedef struct alvh_layer_source {
    alvh_layer_pricer price;
    void *ctx;
} alvh_layer_source;

/*! alvh_hedge_schedule_priced() :
 *  alvh_hedge_schedule() with the layers' options priced by src instead of the model: the same
 *  expiries (calendar, windows, distinct expiries), betas, sizing, debits, vegas, monthly costs
 *  and coverages; src gives each layer's future, strike, price, delta and roll-date residual.
 *  alvh_hedge_schedule() is this function with the model source (curve, strike grid, Black-76
 *  at the vol of vol), bit for bit. Another source: quotes (alvh/chain.h).
 *  @param valuation  serial date-time;  notional > 0;  condor_vega nonzero
 *  @return : ALVH_OK, ALVH_E_DATE, ALVH_E_NOTIONAL, ALVH_E_VEGA, ALVH_E_ARGUMENT (src NULL),
 *            ALVH_E_NO_EXPIRY (*bad_layer), ALVH_E_NO_SOLUTION, the source's statuses
 *            (*bad_layer 0), ALVH_E_NOT_FINITE. */
alvh_status alvh_hedge_schedule_priced(double valuation, double notional, double condor_vega,
                                       const alvh_policy *p, const alvh_layer_source *src,
                                       alvh_layer_row rows[ALVH_LAYERS], int *bad_layer);

/*! alvh_hedge_breakeven() :
 *  Break-even at expiry of `contracts` short condors with the hedge debit charged against the
 *  credit: net = credit - hedge_debit / (contracts x multiplier) points per condor; lower
 *  K1 - net (side -1), upper K2 + net (side +1).
 *  @param strikes     long put, short put, short call, long call
 *  @param credit      per condor, index points, > 0
 *  @param hedge_debit dollars, >= 0;  contracts > 0;  multiplier > 0 (100)
 *  @return : ALVH_OK, ALVH_E_STRIKES, ALVH_E_PRICE, ALVH_E_ARGUMENT, ALVH_E_MULTIPLIER,
 *            ALVH_E_SIDE, ALVH_E_HEDGE_COST (net <= 0: the hedged position loses at every
 *            level), ALVH_E_NO_BREAKEVEN (net at least that side's wing width). */
alvh_status alvh_hedge_breakeven(const double strikes[4], double credit, double hedge_debit,
                                 double contracts, double multiplier, int side, double *level);

#ifdef __cplusplus
}
#endif
#endif
