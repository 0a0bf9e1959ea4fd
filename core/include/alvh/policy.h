/* alvh/policy.h: the ALVH policy, every rule of the method as a field with a built-in default.
 *
 * A policy is read from JSON (cJSON): a document holding any subset of the keys below, e.g.
 *   {"notional_unit": 100000, "layers": [{"contracts": 4}, {}, {"contracts": 3}],
 *    "signals": {"rsi_level": 75}}
 * Keys not given keep their defaults. Unknown keys, wrong types and out-of-range values are
 * errors that name the key; a malformed document names the byte offset.
 *
 * Owner: the hedge engine (core/src/policy.c). Fields are appended, never renamed: the JSON
 * key of a field is its C name (nested objects for the sub-structs, "layers" an array of 3).
 */
#ifndef ALVH_POLICY_H
#define ALVH_POLICY_H

#include <stddef.h>

#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ALVH_LAYERS 3

/* What the "per $100,000 of notional" of the 4/4/2 rule is measured on. */
typedef enum alvh_notional_basis {
    ALVH_NOTIONAL_SHORT_STRIKE = 0, /* short strikes x multiplier x contracts (default) */
    ALVH_NOTIONAL_MAX_LOSS = 1,     /* the condor's maximum loss */
    ALVH_NOTIONAL_MARGIN = 2        /* the margin (for a condor: max loss of the wider side) */
} alvh_notional_basis;

typedef struct alvh_layer_policy {
    double contracts;     /* contracts per notional_unit (4, 4, 2) */
    double min_days;      /* expiry chosen inside [min_days, max_days] calendar days */
    double max_days;
    double otm_points;    /* strike = future + otm_points, rounded to the strike grid */
    double roll_days;     /* roll when days to expiry <= roll_days */
} alvh_layer_policy;

typedef struct alvh_signal_policy {
    double rsi_period;    /* 14 */
    double rsi_level;     /* 70: REBALANCE when RSI crosses above */
    double macd_fast;     /* 12 */
    double macd_slow;     /* 26 */
    double macd_signal;   /* 9 */
    double vix_floor;     /* 25: ARM only when VIX is above */
    double ad_lookback;   /* 20: days for the A/D divergence's new-high test */
} alvh_signal_policy;

typedef struct alvh_policy {
    double notional_unit;               /* 100000 dollars */
    alvh_notional_basis notional_basis; /* JSON: "short_strike" | "max_loss" | "margin" */
    alvh_layer_policy layers[ALVH_LAYERS];
    double coverage_target;             /* 0.50 */
    double coverage_low;                /* 0.40 */
    double coverage_high;               /* 0.60 */
    double vix_multiplier;              /* 100 dollars per VIX option point */
    double spx_multiplier;              /* 100 dollars per SPX option point */
    alvh_signal_policy signals;
    /* The hedge engine appends its remaining fields here (term structure, beta model, vol
     * beta and skew, strike grid, rounding, costs, backtest rules). */
} alvh_policy;

/*! alvh_policy_default() : the built-in policy (the values in the comments above). */
void alvh_policy_default(alvh_policy *p);

/*! alvh_policy_parse() :
 *  Starts from the default policy and applies text: JSON (first non-blank character '{') or
 *  the path of a JSON file. Empty or NULL text gives the default.
 *  @return : ALVH_OK, or ALVH_E_POLICY_JSON / _KEY / _TYPE / _VALUE / _FILE with a sentence in
 *            err (size errsize) naming the key or byte offset. */
alvh_status alvh_policy_parse(const char *text, alvh_policy *p, char *err, size_t errsize);

#ifdef __cplusplus
}
#endif
#endif
