/* alvh/market.h: a seeded synthetic market (SPX, VIX, VIX futures, breadth) from a stochastic
 * volatility model with jumps, for backtests and stress tests. SYNTHETIC: not history.
 *
 * Model (Bates 1996: Heston 1993 variance with Merton 1976 lognormal jumps in the index):
 *   dS/S = (mu - lambda*kbar) dt + sqrt(v) dW1 + (J - 1) dN      (real-world measure P)
 *   dv   = kappa (theta - v) dt + xi sqrt(v) dW2,   dW1 dW2 = rho dt
 *   N Poisson with intensity lambda per year; ln J ~ Normal(jump_mean, jump_std^2);
 *   kbar = E[J - 1] = exp(jump_mean + jump_std^2/2) - 1.
 * Pricing measure Q: Heston's market price of variance risk lambda_v v (Heston 1993, eq. 7)
 * changes the variance drift: kappa_q = kappa + lambda_v, theta_q = kappa theta / kappa_q
 * (lambda_v < 0 makes theta_q > theta), and jumps have their own Q law (q_jump_intensity,
 * q_jump_mean, q_jump_std): a jump risk premium, the larger part of the variance risk premium
 * in index options (Pan 2002, J. Fin. Econ. 63; Bates 2000). Together they put VIX a few points
 * above realised vol, as in real markets. P jumps move the index; Q jumps only price the VIX.
 *
 * VIX (derived in docs/backtest.md): the CBOE VIX squared is the Q-expectation of the 30-day
 * log-contract, VIX^2 = (2/tau) E_Q[ int dS/S - d ln S ], tau = 30/365. With the dynamics above,
 *   dS/S - d ln S = v/2 dt + (J - 1 - ln J) dN, and E_Q[v_s | v_t] = theta_q + (v_t - theta_q)
 *   exp(-kappa_q (s - t)), so, with the Q jump law (lambda_q, mean m_q, sd s_q,
 *   kbar_q = exp(m_q + s_q^2/2) - 1),
 *   VIX^2 / 100^2 = A + B v_t,  B = (1 - exp(-kappa_q tau)) / (kappa_q tau),
 *                               A = theta_q (1 - B) + 2 lambda_q (kbar_q - m_q).
 * VIX futures: F(T) = E_Q[VIX_{t+T}] = 100 E_Q[sqrt(A + B v_{t+T})] has no closed form. The
 * generator uses the lognormal two-moment approximation: with X = A + B v_{t+T},
 *   m = E_Q[X] = A + B (theta_q + (v_t - theta_q) e^{-kappa_q T}),
 *   s^2 = Var_Q[X] = B^2 (v_t xi^2 e^{-kq T} (1 - e^{-kq T}) / kq
 *                         + theta_q xi^2 (1 - e^{-kq T})^2 / (2 kq)),  kq = kappa_q
 *   (the CIR conditional variance), and for lognormal X, E[sqrt X] = sqrt(m) (1 + s^2/m^2)^(-1/8).
 * It is exact at T = 0, has the right convexity to first order in s^2 (Jensen: the future is
 * below sqrt of the forward variance), and tests/gen_market_data.py measures its error against
 * the exact expectation under the CIR (noncentral chi-squared) law: see tests/data.
 *
 * Simulation: variance by Andersen's Quadratic-Exponential scheme (L. Andersen, "Efficient
 * simulation of the Heston stochastic volatility model", J. Comp. Finance 11(3), 2008, eqs.
 * 23-29, psi_c = 1.5), which matches the exact conditional mean and variance of v at every step;
 * ln S by Andersen's eq. 33 with gamma1 = gamma2 = 1/2 (central integrated variance), plus the
 * Poisson sum of normal log jumps. One QE step per calendar day (a weekend is three steps).
 * Random numbers: xoshiro256** (Blackman and Vigna 2018) seeded through splitmix64; normals by
 * Marsaglia's polar method. The same seed gives the same series on every run.
 *
 * Calendar: rows are weekdays (Monday to Friday) from the preset's start date; exchange holidays
 * are not removed (a synthetic calendar). Dates are spreadsheet serials (days since 1899-12-30).
 * Scripted events (for the crash preset): on a given row the close is multiplied by
 * exp(log_return) and the variance jumps to a given level. The model's VIX and futures do not
 * anticipate events (they are surprises), so VIX = f(v) holds on every row.
 */
#ifndef ALVH_MARKET_H
#define ALVH_MARKET_H

#include <stddef.h>
#include <stdint.h>

#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Constant-maturity VIX futures written by the generator: tenors in calendar days. */
#define ALVH_MARKET_FUTURES 6
extern const double alvh_market_future_days[ALVH_MARKET_FUTURES]; /* 30,60,90,120,150,180 */

#define ALVH_MARKET_MAX_EVENTS 8
#define ALVH_MARKET_ISSUES 500 /* advancers + decliners on every row */

typedef struct alvh_market_event {
    size_t row;        /* 1 .. days-1: the row whose close carries the event */
    double log_return; /* added to ln SPX at that close (-0.12: a 11.3% fall) */
    double variance;   /* v after the event (annualised variance, 0.81 = 90% vol); 0 keeps v */
} alvh_market_event;

typedef struct alvh_market_params {
    double start;          /* serial date of the first row (moved forward to a weekday) */
    size_t days;           /* number of rows (trading days), >= 2 */
    uint64_t seed;         /* PRNG seed: the same seed gives the same series */
    double spot;           /* SPX on the first row, > 0 */
    double mu;             /* P drift of SPX per year (decimal; total, jumps compensated) */
    double v0;             /* variance on the first row, >= 0 (0.04 = 20% vol) */
    double kappa;          /* mean-reversion speed of v per year, > 0 */
    double theta;          /* long-run variance under P, > 0 */
    double xi;             /* vol of variance, > 0 */
    double rho;            /* correlation of index and variance shocks, in (-1, 1) */
    double lambda_v;       /* market price of variance risk; kappa + lambda_v > 0 */
    double jump_intensity; /* index jumps per year, >= 0 */
    double jump_mean;      /* mean of ln J */
    double jump_std;       /* standard deviation of ln J, >= 0 */
    double q_jump_intensity; /* jumps per year under Q (VIX pricing only), >= 0 */
    double q_jump_mean;      /* mean of ln J under Q */
    double q_jump_std;       /* standard deviation of ln J under Q, >= 0 */
    size_t nevents;        /* scripted events used, <= ALVH_MARKET_MAX_EVENTS */
    alvh_market_event events[ALVH_MARKET_MAX_EVENTS];
} alvh_market_params;

typedef struct alvh_market_row {
    double date;     /* serial date */
    double spx;      /* index close */
    double vix;      /* VIX close, index points (100 x vol) */
    double variance; /* the model's instantaneous variance v (not observable in a market) */
    double futures[ALVH_MARKET_FUTURES]; /* VIX futures at alvh_market_future_days, points */
    double advancers, decliners;         /* of ALVH_MARKET_ISSUES issues */
} alvh_market_row;

/*! alvh_market_preset() :
 *  The parameters of a named preset (ASCII case-insensitive), with its default seed and days:
 *    "calm"       a quiet year: VIX mostly 11-18, rising index.
 *    "bear2022"   shaped like 2022: a grinding bear market, VIX mostly between 20 and 35.
 *    "crash2020"  shaped like 2020: a quiet start, a crash with VIX above 80, then recovery.
 *  @return : ALVH_OK or ALVH_E_MARKET_PRESET. */
alvh_status alvh_market_preset(const char *name, alvh_market_params *p);

/*! alvh_market_preset_name() : the name of preset i (0, 1, 2), NULL past the end. */
const char *alvh_market_preset_name(size_t i);

/*! alvh_market_check() : validates p (domains above).
 *  @return : ALVH_OK or ALVH_E_MARKET_PARAM. */
alvh_status alvh_market_check(const alvh_market_params *p);

/*! alvh_market_vix_coefficients() : A and B of VIX^2/100^2 = A + B v (formula above). */
alvh_status alvh_market_vix_coefficients(const alvh_market_params *p, double *a, double *b);

/*! alvh_market_vix() : the model VIX (index points) when the variance is v >= 0. */
alvh_status alvh_market_vix(const alvh_market_params *p, double v, double *vix);

/*! alvh_market_future() : the model VIX future (points) of tenor years >= 0 when the variance
 *  is v, by the two-moment lognormal approximation above. */
alvh_status alvh_market_future(const alvh_market_params *p, double v, double years,
                               double *future);

/*! alvh_market_variance_moments() : exact mean and variance of v_{t+years} given v_t = v under
 *  the real-world measure P (the CIR law), without events. */
alvh_status alvh_market_variance_moments(const alvh_market_params *p, double v, double years,
                                         double *mean, double *var);

/*! alvh_market_generate() :
 *  Simulates p->days rows into rows (room for p->days rows, caller-owned; nothing allocated).
 *  @return : ALVH_OK, ALVH_E_MARKET_PARAM, ALVH_E_DATE (date past 9999), ALVH_E_NOT_FINITE. */
alvh_status alvh_market_generate(const alvh_market_params *p, alvh_market_row *rows);

/* The PRNG, public so tests can check it against the published algorithm. */
typedef struct alvh_rng {
    uint64_t s[4];
} alvh_rng;

/*! alvh_rng_seed() : state from seed through splitmix64 (Vigna), as the xoshiro authors advise. */
void alvh_rng_seed(alvh_rng *r, uint64_t seed);
/*! alvh_rng_next() : next 64-bit output of xoshiro256**. */
uint64_t alvh_rng_next(alvh_rng *r);
/*! alvh_rng_uniform() : uniform in (0, 1) (53 bits, never 0 or 1). */
double alvh_rng_uniform(alvh_rng *r);

#ifdef __cplusplus
}
#endif
#endif
