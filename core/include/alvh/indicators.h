/* alvh/indicators.h: the ALVH signals' technical indicators on daily closes.
 *
 * Wilder's RSI and the MACD with exactly the conventions of TA-Lib's TA_RSI and TA_MACD
 * (TA-Lib 0.6, default compatibility, no unstable period), so values agree with TA-Lib and the
 * charting platforms that use it; the cumulative advance-decline line; its divergence from SPX;
 * and the ALVH triggers built on them (rebalance when the VIX's RSI crosses above a level or a
 * divergence starts, arm when the VIX's MACD crosses above its signal line with VIX above a floor).
 *
 * Conventions shared by every function here:
 *   - Series are arrays of n daily values, oldest first (index 0 is the first row).
 *   - Outputs are arrays of n entries aligned with the input, index for index. An indicator has
 *     no value before its warm-up: entries before the index its *_lookback() function returns
 *     are NOT WRITTEN (the spreadsheet functions show those rows as empty cells, #N/A). Every
 *     entry that is written is finite.
 *   - Periods and lookbacks are whole numbers of rows, ALVH_PERIOD_MIN .. ALVH_PERIOD_MAX
 *     (TA-Lib's ranges; the MACD signal period may also be 1).
 *   - Inputs must be finite: a NaN or infinite input is ALVH_E_RANGE_VALUE, never propagated.
 *   - Every function is linear in n, keeps no state and allocates at most one work buffer per
 *     call (never per row).
 */
#ifndef ALVH_INDICATORS_H
#define ALVH_INDICATORS_H

#include <stddef.h>

#include "alvh/policy.h"
#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ALVH_PERIOD_MIN 2
#define ALVH_PERIOD_MAX 100000

/*! alvh_rsi_lookback() : index of the first RSI value: period (row period+1 counting from 1). */
size_t alvh_rsi_lookback(size_t period);

/*! alvh_rsi() :
 *  Wilder's Relative Strength Index, 0..100, with TA-Lib TA_RSI's conventions:
 *  the first value (index period) averages the first `period` close-to-close gains and losses
 *  simply; each later one smooths them as avg = (avg*(period-1) + today)/period, in that order;
 *  RSI = 100*avg_gain/(avg_gain + avg_loss). An unchanged close counts as a zero gain.
 *  A flat window (avg_gain + avg_loss below 1e-14: no gains and no losses) has RSI 0, as in
 *  TA-Lib (TA_IS_ZERO; not 50).
 *  closes : n finite values (any sign: the RSI of a spread or of an A/D line is allowed).
 *  period : ALVH_PERIOD_MIN..ALVH_PERIOD_MAX rows; 14 is the usual choice.
 *  rsi    : n entries; rsi[i] is written for i >= period only.
 *  @return : ALVH_OK; ALVH_E_PERIOD; ALVH_E_SHORT_SERIES (n <= period: no value at all);
 *            ALVH_E_RANGE_VALUE (a close not finite); ALVH_E_NOT_FINITE (overflow, e.g. closes
 *            near 1e308); ALVH_E_ARGUMENT (a NULL pointer). */
alvh_status alvh_rsi(const double *closes, size_t n, size_t period, double *rsi);

/*! alvh_macd_lookback() : index of the first MACD-line value: slow-1 (row slow). */
size_t alvh_macd_lookback(size_t slow);

/*! alvh_macd_signal_lookback() : index of the first signal and histogram value:
 *  slow+signal-2 (row slow+signal-1). */
size_t alvh_macd_signal_lookback(size_t slow, size_t signal);

/*! alvh_macd() :
 *  Moving Average Convergence/Divergence with TA-Lib TA_MACD's conventions:
 *    EMA_k(today) = (close - EMA_k(yesterday))*k + EMA_k(yesterday), k = 2/(period+1);
 *    the slow and fast EMAs are seeded at index slow-1 with the simple averages of the `slow`
 *    and `fast` closes ending there; MACD = fast EMA - slow EMA from index slow-1;
 *    the signal line is the `signal`-period EMA of the MACD line, seeded with the simple average
 *    of its first `signal` values (index slow+signal-2); histogram = MACD - signal.
 *  Where TA-Lib's output starts (index slow+signal-2) the three columns equal TA_MACD's; the
 *  MACD line's earlier values (slow-1 .. slow+signal-3) are the ones TA-Lib computes internally
 *  (TA_MACD with signal period 1 outputs them).
 *  Unlike TA-Lib, fast >= slow is an error (TA-Lib swaps them silently).
 *  closes : n finite values. fast, slow : ALVH_PERIOD_MIN..ALVH_PERIOD_MAX, fast < slow
 *  (usually 12 and 26). signal : 1..ALVH_PERIOD_MAX (usually 9).
 *  macd, signal_line, hist : n entries each; macd[i] written for i >= slow-1, signal_line[i]
 *  and hist[i] for i >= slow+signal-2. Units: those of closes (VIX points for the VIX).
 *  @return : ALVH_OK; ALVH_E_PERIOD; ALVH_E_FAST_SLOW; ALVH_E_SHORT_SERIES (n < slow+signal-1:
 *            the signal line would have no value); ALVH_E_RANGE_VALUE; ALVH_E_NOT_FINITE;
 *            ALVH_E_ARGUMENT (a NULL pointer). */
alvh_status alvh_macd(const double *closes, size_t n, size_t fast, size_t slow, size_t signal,
                      double *macd, double *signal_line, double *hist);

/*! alvh_ad_line() :
 *  The cumulative advance-decline line (market breadth, not Chaikin's volume A/D):
 *  ad[i] = sum over j <= i of (advancers[j] - decliners[j]), summed in row order, so the first
 *  row is that day's net advances.
 *  advancers, decliners : n values each, counts of issues (>= 0, finite; fractions allowed).
 *  ad : n entries, all written.
 *  @return : ALVH_OK; ALVH_E_BREADTH; ALVH_E_SHORT_SERIES (n == 0); ALVH_E_NOT_FINITE;
 *            ALVH_E_ARGUMENT (a NULL pointer). */
alvh_status alvh_ad_line(const double *advancers, const double *decliners, size_t n, double *ad);

/*! alvh_ad_divergence() :
 *  Divergence of the advance-decline line from SPX, per row i >= lookback:
 *    -1 (bearish): spx[i] is a new lookback-day high, above every one of the previous
 *       `lookback` closes spx[i-lookback..i-1], while ad_line[i] is not above every one of
 *       ad_line[i-lookback..i-1];
 *    +1 (bullish): the mirror, spx[i] below every previous `lookback` close while ad_line[i] is
 *       not below every one of its previous `lookback` values;
 *     0 otherwise.
 *  Sliding maxima and minima with monotonic deques: linear time, one work buffer per call.
 *  ad_line, spx : n finite values each (any units). lookback : ALVH_PERIOD_MIN..ALVH_PERIOD_MAX
 *  rows (20 is the policy default).
 *  divergence : n entries; written for i >= lookback.
 *  @return : ALVH_OK; ALVH_E_PERIOD; ALVH_E_SHORT_SERIES (n <= lookback); ALVH_E_RANGE_VALUE;
 *            ALVH_E_NO_MEMORY; ALVH_E_ARGUMENT (a NULL pointer). */
alvh_status alvh_ad_divergence(const double *ad_line, const double *spx, size_t n,
                               size_t lookback, int *divergence);

/* Trigger flags of alvh_signal(), OR-ed. */
#define ALVH_TRIGGER_REBALANCE 1u
#define ALVH_TRIGGER_ARM 2u

/*! alvh_signal_first() :
 *  Index of the first row where every trigger in use can be evaluated: the largest of
 *  rsi_period+1 (two RSI values), macd_slow+macd_signal-1 (two histogram values) and, when the
 *  divergence is in use, ad_lookback+1 (two divergence values). The policy must be valid. */
size_t alvh_signal_first(const alvh_signal_policy *policy, int use_divergence);

/*! alvh_signal() :
 *  The ALVH triggers per row i >= alvh_signal_first():
 *    ALVH_TRIGGER_REBALANCE when the VIX's RSI(rsi_period) crosses above rsi_level
 *      (rsi[i-1] <= rsi_level < rsi[i]) or, when ad_line and spx are given, a divergence starts
 *      (divergence[i] != 0 and divergence[i] != divergence[i-1]; either direction);
 *    ALVH_TRIGGER_ARM when the VIX's MACD(macd_fast, macd_slow, macd_signal) crosses above its
 *      signal line (hist[i-1] <= 0 < hist[i]) while vix[i] > vix_floor.
 *  Earlier rows are not written (some trigger could not be evaluated there yet).
 *  vix : n VIX closes, index points, each > 0 and finite.
 *  ad_line, spx : both NULL (no divergence trigger) or both n finite values.
 *  policy : the signals part of an alvh_policy (periods whole numbers in range, macd_fast <
 *           macd_slow, rsi_level in [0, 100], vix_floor >= 0, all finite).
 *  triggers : n entries; triggers[i] = 0 or an OR of ALVH_TRIGGER_* for i >= first.
 *  first : receives alvh_signal_first().
 *  @return : ALVH_OK; ALVH_E_VIX_LEVEL; ALVH_E_RANGE_VALUE; ALVH_E_POLICY_VALUE (a signals field
 *            out of range); ALVH_E_SHORT_SERIES (n <= first); ALVH_E_NO_MEMORY; ALVH_E_NOT_FINITE;
 *            ALVH_E_ARGUMENT (a NULL pointer, or only one of ad_line and spx). */
alvh_status alvh_signal(const double *vix, const double *ad_line, const double *spx, size_t n,
                        const alvh_signal_policy *policy, unsigned *triggers, size_t *first);

/*! alvh_signal_policy_check() :
 *  ALVH_OK when the signals fields are usable by alvh_signal(), else ALVH_E_POLICY_VALUE with
 *  *bad_field (when bad_field is not NULL) set to the first offending field's JSON key,
 *  e.g. "signals.rsi_period". */
alvh_status alvh_signal_policy_check(const alvh_signal_policy *policy, const char **bad_field);

#ifdef __cplusplus
}
#endif
#endif
