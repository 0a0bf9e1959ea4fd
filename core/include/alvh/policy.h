/* alvh/policy.h: the ALVH policy, every rule of the method as a field with a built-in default.
 *
 * A policy is read from JSON (cJSON): a document holding any subset of the keys below, e.g.
 *   {"notional_unit": 100000, "layers": [{"contracts": 4}, {}, {"contracts": 3}],
 *    "signals": {"rsi_level": 75}}
 * Keys not given keep their defaults. Unknown keys, wrong types and out-of-range values are
 * errors that name the key; a malformed document names the byte offset.
 *
 * Two more ways in go through the same checks: alvh_policy_set gives one key (a dotted path) a
 * number, a boolean or a word, and alvh_policy_check applies the rules between keys.
 *
 * Owner: the hedge engine (core/src/policy.c). Fields are appended, never renamed: the JSON
 * key of a field is its C name (nested objects for the sub-structs, "layers" an array of 3).
 * Each field has one descriptor line in core/src/policy_fields.c (type, range, JSON order),
 * which reading, writing, key lookup and validation all walk.
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

/* How per-notional contract counts become whole contracts (ALVH_SIZE). */
typedef enum alvh_rounding {
    ALVH_ROUND_NEAREST = 0, /* to the nearest whole contract, halves away from zero (default) */
    ALVH_ROUND_DOWN = 1,    /* floor: never more than the rule */
    ALVH_ROUND_UP = 2       /* ceil: never less than the rule */
} alvh_rounding;

/* How ALVH_SCHEDULE / ALVH_COST size the layers. */
typedef enum alvh_sizing {
    ALVH_SIZING_RULE = 0, /* contracts per notional_unit of notional (the 4/4/2 rule, default) */
    ALVH_SIZING_VEGA = 1  /* ALVH_CALIBRATE: layer proportions kept, coverage near the target */
} alvh_sizing;

/* What ALVH_COST charges per month for a layer held from now to its roll date. */
typedef enum alvh_cost_method {
    ALVH_COST_CARRY = 0, /* debit minus the option's model value at the roll date (default) */
    ALVH_COST_DEBIT = 1  /* the whole debit (the option is assumed worthless at the roll) */
} alvh_cost_method;

typedef struct alvh_layer_policy {
    double contracts;     /* contracts per notional_unit (4, 4, 2) */
    double min_days;      /* expiry chosen inside [min_days, max_days] calendar days */
    double max_days;
    double otm_points;    /* strike = future + otm_points, rounded to the strike grid */
    double roll_days;     /* roll when days to expiry <= roll_days */
    /* -- appended by the hedge engine -- */
    double vol_of_vol;    /* Black-76 implied vol of this layer's VIX calls, decimal */
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

/* Backtest rules (alvh/backtest.h; docs/backtest.md defines each). JSON object "backtest".
 * Owner: the backtest (core/src/backtest.c). */
typedef struct alvh_backtest_policy {
    double capital;          /* 100000 dollars: starting equity of both strategies */
    double condor_contracts; /* 1: iron condors per opening */
    double condor_delta;     /* 0.16: |delta| of the short put and the short call at the open */
    double condor_days;      /* 45: calendar days to expiry at the open */
    double wing_points;      /* 50: SPX points from each short strike to its long strike */
    double spx_strike_step;  /* 5: SPX strike grid, points */
    double open_every_days;  /* 28: open when flat and this many days after the last open */
    double take_profit;      /* 0.5: close when it can be bought back for (1-0.5) x credit; 0 off */
    double close_days;       /* 21: close when days to expiry <= this; 0: hold to expiry */
    double vol_beta;         /* 1: at-the-money implied vol = vol_beta x VIX / 100 */
    double skew;             /* 2: vol(K) = atm vol x (1 - skew x ln(K / spot)), floored */
    double div_yield;        /* 0: SPX dividend yield, continuous decimal */
    double cost_spx;         /* 1.5 dollars per SPX option contract bought or sold */
    double cost_vix;         /* 1 dollar per VIX option contract bought or sold */
    double high_vix;         /* 30: a high-VIX day closes with VIX above this */
    double spike_rise;       /* 0.15: a spike day closes VIX at least 15% above the day before */
    double max_gap_days;     /* 7: calendar days between rows above this are missing days */
    int use_signals;         /* true: REBALANCE / ARM re-strike the front layer */
} alvh_backtest_policy;

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
    /* -- appended by the hedge engine (docs/hedge.md explains each choice) -- */
    alvh_rounding rounding;             /* JSON: "nearest" (half away from zero) | "down" | "up" */
    alvh_sizing sizing;                 /* JSON: "rule" (per notional) | "vega" (calibrated) */
    double vix_long_run;                /* 20: VIX_FUT's long-run level, VIX points */
    double vix_speed;                   /* 4.3 per year: VIX_FUT's mean-reversion speed */
    double beta_weight;                 /* 0.65: VIX_BETA fast component's weight, [0, 1] */
    double beta_fast;                   /* 24 per year: fast decay rate */
    double beta_slow;                   /* 1.35 per year: slow decay rate */
    double rate;                        /* 0: discount rate for VIX option prices, decimal */
    double strike_step;                 /* 1: VIX strike grid spacing below strike_high_from */
    double strike_high_from;            /* 50: from this strike on the grid is strike_step_high */
    double strike_step_high;            /* 5 */
    alvh_cost_method cost_method;       /* JSON: "carry" | "debit" (ALVH_COST) */
    int distinct_expiries;              /* JSON bool, true: each layer later than the last */
    /* Other owners append their sub-structs below this line (one line each). */
    alvh_backtest_policy backtest;      /* JSON object "backtest" (owner: backtest.c) */
} alvh_policy;

/*! alvh_policy_default() : the built-in policy (the values in the comments above). */
void alvh_policy_default(alvh_policy *p);

/*! alvh_policy_parse() :
 *  Starts from the default policy and applies text: JSON (first non-blank character '{') or
 *  the path of a JSON file. Empty or NULL text gives the default.
 *  @return : ALVH_OK, or ALVH_E_POLICY_JSON / _KEY / _TYPE / _VALUE / _FILE with a sentence in
 *            err (size errsize) naming the key or byte offset. */
alvh_status alvh_policy_parse(const char *text, alvh_policy *p, char *err, size_t errsize);

/*! alvh_policy_to_json() :
 *  The policy as a JSON document (every key, in the descriptor order of policy_fields.c: the
 *  declaration order, with the sub-objects after spx_multiplier; numbers as the shortest text
 *  that reads back exactly). indent nonzero: pretty-printed.
 *  @return : a malloc'ed NUL-terminated string (free with free()), or NULL when out of memory. */
char *alvh_policy_to_json(const alvh_policy *p, int indent);

/* The value of one policy key, for ALVH_POLICY. */
typedef struct alvh_policy_value {
    int is_text;     /* 1: text holds it (an enum word, or JSON for an object/array) */
    double number;   /* is_text == 0: the number (booleans are 1 / 0) */
    char *text;      /* is_text == 1: malloc'ed, free with free() */
} alvh_policy_value;

/*! alvh_policy_get() :
 *  Reads one key of p. key is a dotted path of JSON keys with layers numbered 1-3:
 *  "coverage_target", "layers.2.contracts", "signals.rsi_level"; "layers" or "signals" give
 *  that part as JSON text, and "" gives the whole policy as JSON text.
 *  @return : ALVH_OK, ALVH_E_POLICY_KEY (err names the key), ALVH_E_NO_MEMORY. */
alvh_status alvh_policy_get(const alvh_policy *p, const char *key, alvh_policy_value *out,
                            char *err, size_t errsize);

/* A value for one policy key (alvh_policy_set): what a JSON scalar or a spreadsheet cell holds. */
typedef enum alvh_policy_kind {
    ALVH_POLICY_NUMBER = 0, /* number: for number keys */
    ALVH_POLICY_BOOL = 1,   /* number: 0 is false, anything else true (JSON true/false) */
    ALVH_POLICY_TEXT = 2    /* text: a word for enum keys, e.g. "vega" */
} alvh_policy_kind;

typedef struct alvh_policy_scalar {
    alvh_policy_kind kind;
    double number;    /* ALVH_POLICY_NUMBER and ALVH_POLICY_BOOL */
    const char *text; /* ALVH_POLICY_TEXT: NUL-terminated (NULL reads as ""); not kept */
} alvh_policy_scalar;

/*! alvh_policy_set() :
 *  Gives one key of p a value, with the checks and sentences of the JSON reader: the type (a
 *  number key takes ALVH_POLICY_NUMBER, a true/false key ALVH_POLICY_BOOL, a word key
 *  ALVH_POLICY_TEXT), whole numbers where a count belongs, the key's range, the enum's words
 *  (case-sensitive, as in JSON). key is a dotted path as alvh_policy_get reads it (layers numbered
 *  1-3, keys case-insensitive); sentences name it canonically ("layers.2.contracts"). Rules
 *  between keys are not checked (the next key may restore them): call alvh_policy_check once
 *  every key is set. value NULL stands for no value (an empty cell): a type error.
 *  @return : ALVH_OK; ALVH_E_POLICY_KEY (unknown key), ALVH_E_POLICY_TYPE (wrong kind of value, or
 *            key names an object or array), ALVH_E_POLICY_VALUE (out of range, not whole, not one
 *            of the words), each with a sentence in err (size errsize). p is unchanged on failure. */
alvh_status alvh_policy_set(alvh_policy *p, const char *key, const alvh_policy_scalar *value,
                            char *err, size_t errsize);

/*! alvh_policy_key_kind() :
 *  The kind of value key (a dotted path, as alvh_policy_set reads it) takes: ALVH_POLICY_NUMBER
 *  for number keys (whole numbers included), ALVH_POLICY_BOOL for true/false keys,
 *  ALVH_POLICY_TEXT for word keys; and, when path is not NULL, the key's canonical dotted path
 *  (path, size pathsize: "layers.2.contracts" for "Layers.2.Contracts"). For readers whose
 *  values carry no JSON type: a spreadsheet cell's TRUE arrives as the number 1.
 *  @return : ALVH_OK; ALVH_E_POLICY_KEY (unknown key), ALVH_E_POLICY_TYPE (key names an object
 *            or array, which holds no single value), with a sentence in err (size errsize). */
alvh_status alvh_policy_key_kind(const char *key, alvh_policy_kind *kind, char *path,
                                 size_t pathsize, char *err, size_t errsize);

/*! alvh_policy_check() :
 *  Checks every value of p against its key's range, then the rules between keys
 *  (coverage_low <= coverage_target <= coverage_high, min_days <= max_days, roll_days < min_days,
 *  macd_fast < macd_slow, some layer with contracts), as alvh_policy_parse does after reading.
 *  @return : ALVH_OK or ALVH_E_POLICY_VALUE with a sentence in err (size errsize) naming the key. */
alvh_status alvh_policy_check(const alvh_policy *p, char *err, size_t errsize);

#ifdef __cplusplus
}
#endif
#endif
