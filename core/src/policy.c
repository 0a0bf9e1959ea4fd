/* policy.c: the ALVH policy: built-in defaults, the JSON reader (cJSON) and writer.
 *
 * One descriptor table per JSON object (the top level, a layer, the signals) drives the
 * defaults' JSON, the reader's type and range checks, and ALVH_POLICY's key lookup, so a field
 * cannot be readable but not writable, or documented with a different range than enforced.
 *
 * Reading rules (docs/hedge.md, "Policy"):
 *   - Start from alvh_policy_default(); every key given replaces its default.
 *   - Unknown keys, duplicate keys, wrong JSON types, non-integers where a count belongs and
 *     out-of-range values are errors naming the key as a dotted path with layers numbered 1-3
 *     ("layers.2.min_days"); malformed JSON names the byte offset (0-based) and line:column.
 *   - Cross-field rules are checked after all keys are read (coverage_low <= coverage_target
 *     <= coverage_high, min_days <= max_days, roll_days < min_days, macd_fast < macd_slow,
 *     at least one layer with contracts).
 *   - The strict JSON syntax check (json_scan.c) runs before cJSON builds the tree.
 * Caveat: cJSON converts numbers with strtod(), which follows LC_NUMERIC; LibreOffice and the
 * CLI run with the "C" numeric locale, where '.' is the decimal point as JSON requires.
 */
#include "alvh/policy.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "json_scan.h"

/* ---- defaults ------------------------------------------------------------------------------- */

void alvh_policy_default(alvh_policy *p)
{
    memset(p, 0, sizeof *p);
    p->notional_unit = 100000.0;
    p->notional_basis = ALVH_NOTIONAL_SHORT_STRIKE;
    /* The article's 4/4/2 per $100,000: layer 1 front month ("trigger"), layer 2 mid month
     * ("stabiliser", the article's 30-45 days), layer 3 back month ("anchor", 60+ days).
     * Windows: VIX expiries are 28 or 35 days apart, so a 15-day window such as 30-45 holds
     * no expiry about half the time. Each default window is therefore "the first expiry from
     * min_days on" with max_days a guard wide enough that it always holds one (see
     * docs/hedge.md, "Expiry windows"). Rolls leave a week (layer 1) to a month (layer 3). */
    static const alvh_layer_policy layers[ALVH_LAYERS] = {
        /* contracts, min_days, max_days, otm_points, roll_days, vol_of_vol */
        {4.0, 8.0, 45.0, 1.0, 5.0, 0.90},
        {4.0, 30.0, 80.0, 2.0, 14.0, 0.80},
        {2.0, 60.0, 115.0, 3.0, 30.0, 0.70},
    };
    memcpy(p->layers, layers, sizeof layers);
    p->coverage_target = 0.50;
    p->coverage_low = 0.40;
    p->coverage_high = 0.60;
    p->vix_multiplier = 100.0;
    p->spx_multiplier = 100.0;
    p->signals.rsi_period = 14.0;
    p->signals.rsi_level = 70.0;
    p->signals.macd_fast = 12.0;
    p->signals.macd_slow = 26.0;
    p->signals.macd_signal = 9.0;
    p->signals.vix_floor = 25.0;
    p->signals.ad_lookback = 20.0;
    p->rounding = ALVH_ROUND_NEAREST;
    p->sizing = ALVH_SIZING_RULE;
    /* Term structure and beta: see core/src/vixcurve.c for the calibration and its sources. */
    p->vix_long_run = 20.0;
    p->vix_speed = 4.3;
    p->beta_weight = 0.65;
    p->beta_fast = 24.0;
    p->beta_slow = 1.35;
    p->rate = 0.0;
    /* Cboe lists VIX option strikes at 1-point intervals (0.5 near the money in the front
     * months) up to about 50, and at wider intervals above; 1 and 5 are the conservative
     * grid that is always listed. */
    p->strike_step = 1.0;
    p->strike_high_from = 50.0;
    p->strike_step_high = 5.0;
    p->cost_method = ALVH_COST_CARRY;
    p->distinct_expiries = 1;
    /* Backtest rules: docs/backtest.md says why each default. Field by field, not by assigning
     * a compound literal: that may copy the literal's padding (garbage at -O0 under clang),
     * and two default policies must be equal byte for byte (the fuzzer compares them). */
    alvh_backtest_policy *b = &p->backtest;
    b->capital = 100000.0;
    b->condor_contracts = 1.0;
    b->condor_delta = 0.16;
    b->condor_days = 45.0;
    b->wing_points = 50.0;
    b->spx_strike_step = 5.0;
    b->open_every_days = 28.0;
    b->take_profit = 0.5;
    b->close_days = 21.0;
    b->vol_beta = 1.0;
    b->skew = 2.0;
    b->div_yield = 0.0;
    b->cost_spx = 1.5;
    b->cost_vix = 1.0;
    b->high_vix = 30.0;
    b->spike_rise = 0.15;
    b->max_gap_days = 7.0;
    b->use_signals = 1;
}

/* ---- descriptors ---------------------------------------------------------------------------- */

typedef enum { F_NUMBER, F_INTEGER, F_BOOL, F_ENUM } field_type;

typedef struct {
    const char *key;
    field_type type;
    size_t offset;            /* within the object's C struct */
    double lo, hi;            /* F_NUMBER / F_INTEGER: allowed range */
    int lo_open, hi_open;     /* 1: the bound itself is excluded */
    const char *const *words; /* F_ENUM: names of 0, 1, 2, ... ended by NULL */
} field;

typedef struct {
    const char *key;     /* JSON key of the sub-object */
    size_t offset;       /* of the sub-struct within alvh_policy */
    const field *fields;
    size_t nfields;
} object_desc;

static const char *const k_basis_words[] = {"short_strike", "max_loss", "margin", NULL};
static const char *const k_rounding_words[] = {"nearest", "down", "up", NULL};
static const char *const k_sizing_words[] = {"rule", "vega", NULL};
static const char *const k_cost_words[] = {"carry", "debit", NULL};

#define NUM(s, m, lo, hi, lo_open, hi_open) \
    {#m, F_NUMBER, offsetof(s, m), lo, hi, lo_open, hi_open, NULL}
#define INT(s, m, lo, hi) {#m, F_INTEGER, offsetof(s, m), lo, hi, 0, 0, NULL}
#define BOOL(s, m) {#m, F_BOOL, offsetof(s, m), 0, 1, 0, 0, NULL}
#define ENUM(s, m, words) {#m, F_ENUM, offsetof(s, m), 0, 0, 0, 0, words}

static const field k_top_fields[] = {
    NUM(alvh_policy, notional_unit, 0, 1e12, 1, 0),
    ENUM(alvh_policy, notional_basis, k_basis_words),
    /* "layers" is handled by k_layer_fields */
    NUM(alvh_policy, coverage_target, 0, 10, 1, 0),
    NUM(alvh_policy, coverage_low, 0, 10, 0, 0),
    NUM(alvh_policy, coverage_high, 0, 10, 1, 0),
    NUM(alvh_policy, vix_multiplier, 0, 1e6, 1, 0),
    NUM(alvh_policy, spx_multiplier, 0, 1e6, 1, 0),
    /* "signals" and other sub-objects are handled by k_objects */
    ENUM(alvh_policy, rounding, k_rounding_words),
    ENUM(alvh_policy, sizing, k_sizing_words),
    NUM(alvh_policy, vix_long_run, 0, 1000, 1, 0),
    NUM(alvh_policy, vix_speed, 0, 1000, 0, 0),
    NUM(alvh_policy, beta_weight, 0, 1, 0, 0),
    NUM(alvh_policy, beta_fast, 0, 1000, 0, 0),
    NUM(alvh_policy, beta_slow, 0, 1000, 0, 0),
    NUM(alvh_policy, rate, -1, 1, 0, 0),
    NUM(alvh_policy, strike_step, 0, 100, 1, 0),
    NUM(alvh_policy, strike_high_from, 0, 1e6, 0, 0),
    NUM(alvh_policy, strike_step_high, 0, 100, 1, 0),
    ENUM(alvh_policy, cost_method, k_cost_words),
    BOOL(alvh_policy, distinct_expiries),
};

static const field k_layer_fields[] = {
    NUM(alvh_layer_policy, contracts, 0, 1e6, 0, 0),
    NUM(alvh_layer_policy, min_days, 0, 3650, 0, 0),
    NUM(alvh_layer_policy, max_days, 0, 3650, 0, 0),
    NUM(alvh_layer_policy, otm_points, -100, 100, 0, 0),
    NUM(alvh_layer_policy, roll_days, 0, 3650, 0, 0),
    NUM(alvh_layer_policy, vol_of_vol, 0, 10, 1, 0),
};

static const field k_signal_fields[] = {
    INT(alvh_signal_policy, rsi_period, 2, 1000),
    NUM(alvh_signal_policy, rsi_level, 0, 100, 1, 1),
    INT(alvh_signal_policy, macd_fast, 1, 1000),
    INT(alvh_signal_policy, macd_slow, 2, 1000),
    INT(alvh_signal_policy, macd_signal, 1, 1000),
    NUM(alvh_signal_policy, vix_floor, 0, 1000, 0, 0),
    INT(alvh_signal_policy, ad_lookback, 2, 10000),
};

static const field k_backtest_fields[] = {
    NUM(alvh_backtest_policy, capital, 0, 1e12, 1, 0),
    INT(alvh_backtest_policy, condor_contracts, 1, 100000),
    NUM(alvh_backtest_policy, condor_delta, 0, 0.5, 1, 1),
    INT(alvh_backtest_policy, condor_days, 1, 3650),
    NUM(alvh_backtest_policy, wing_points, 0, 1e5, 1, 0),
    NUM(alvh_backtest_policy, spx_strike_step, 0, 1000, 1, 0),
    NUM(alvh_backtest_policy, open_every_days, 0, 3650, 0, 0),
    NUM(alvh_backtest_policy, take_profit, 0, 1, 0, 1),
    NUM(alvh_backtest_policy, close_days, 0, 3650, 0, 0),
    NUM(alvh_backtest_policy, vol_beta, 0, 10, 1, 0),
    NUM(alvh_backtest_policy, skew, -20, 20, 0, 0),
    NUM(alvh_backtest_policy, div_yield, -1, 1, 0, 0),
    NUM(alvh_backtest_policy, cost_spx, 0, 1e4, 0, 0),
    NUM(alvh_backtest_policy, cost_vix, 0, 1e4, 0, 0),
    NUM(alvh_backtest_policy, high_vix, 0, 1000, 0, 0),
    NUM(alvh_backtest_policy, spike_rise, 0, 10, 1, 0),
    NUM(alvh_backtest_policy, max_gap_days, 1, 3650, 0, 0),
    BOOL(alvh_backtest_policy, use_signals),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Sub-objects of the policy, in JSON order after "layers". Other owners append one line. */
static const object_desc k_objects[] = {
    {"signals", offsetof(alvh_policy, signals), k_signal_fields, COUNT(k_signal_fields)},
    /* -- sub-objects: add yours here (one line each) -- */
    {"backtest", offsetof(alvh_policy, backtest), k_backtest_fields, COUNT(k_backtest_fields)},
};

/* ---- errors --------------------------------------------------------------------------------- */

static const char *json_type_name(const cJSON *v)
{
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsString(v)) return "text";
    if (cJSON_IsBool(v)) return "true/false";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsObject(v)) return "an object";
    return "an invalid value";
}

/* ---- reading -------------------------------------------------------------------------------- */

static const field *find_field(const field *fields, size_t n, const char *key)
{
    for (size_t i = 0; i < n; ++i)
        if (strcmp(fields[i].key, key) == 0)
            return &fields[i];
    return NULL;
}

static alvh_status set_field(const field *f, const cJSON *v, char *base, const char *path,
                             char *err, size_t errsize)
{
    switch (f->type) {
    case F_NUMBER:
    case F_INTEGER: {
        if (!cJSON_IsNumber(v))
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                                  "policy key \"%s\" must be a number, got %s", path,
                                  json_type_name(v));
        double x = v->valuedouble;
        char got[32], lo[32], hi[32];
        alvh_format_number(got, sizeof got, x);
        alvh_format_number(lo, sizeof lo, f->lo);
        alvh_format_number(hi, sizeof hi, f->hi);
        if (!isfinite(x))
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                                  "policy key \"%s\" must be a finite number, got %s", path, got);
        if (f->type == F_INTEGER && x != floor(x))
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                                  "policy key \"%s\" must be a whole number, got %s", path, got);
        if ((f->lo_open ? x <= f->lo : x < f->lo) || (f->hi_open ? x >= f->hi : x > f->hi))
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                                  "policy key \"%s\" must be %s %s and %s %s, got %s", path,
                                  f->lo_open ? "above" : "at least", lo,
                                  f->hi_open ? "below" : "at most", hi, got);
        memcpy(base + f->offset, &x, sizeof x);
        return ALVH_OK;
    }
    case F_BOOL: {
        if (!cJSON_IsBool(v))
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                                  "policy key \"%s\" must be true or false, got %s", path,
                                  json_type_name(v));
        int b = cJSON_IsTrue(v) ? 1 : 0;
        memcpy(base + f->offset, &b, sizeof b);
        return ALVH_OK;
    }
    case F_ENUM: {
        char words[160] = "";
        size_t used = 0;
        for (size_t i = 0; f->words[i]; ++i) {
            int n = snprintf(words + used, sizeof words - used, "%s\"%s\"", i ? ", " : "",
                             f->words[i]);
            if (n < 0 || (size_t)n >= sizeof words - used)
                break;
            used += (size_t)n;
        }
        if (!cJSON_IsString(v))
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                                  "policy key \"%s\" must be text, one of %s, got %s", path, words,
                                  json_type_name(v));
        for (int i = 0; f->words[i]; ++i)
            if (strcmp(f->words[i], v->valuestring) == 0) {
                /* Every enum of the policy is int-sized (checked below). */
                memcpy(base + f->offset, &i, sizeof i);
                return ALVH_OK;
            }
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                              "policy key \"%s\" must be one of %s, got \"%.60s\"", path, words,
                              v->valuestring);
    }
    }
    return ALVH_E_ARGUMENT;
}

_Static_assert(sizeof(alvh_notional_basis) == sizeof(int) && sizeof(alvh_rounding) == sizeof(int)
                   && sizeof(alvh_sizing) == sizeof(int) && sizeof(alvh_cost_method) == sizeof(int),
               "policy enums are stored as int");

/* A key given twice is an error (cJSON keeps both; the later one would silently win). */
static alvh_status check_duplicates(const cJSON *obj, const char *prefix, char *err,
                                    size_t errsize)
{
    for (const cJSON *a = obj->child; a; a = a->next)
        for (const cJSON *b = a->next; b; b = b->next)
            if (a->string && b->string && strcmp(a->string, b->string) == 0)
                return alvh_fail_text(err, errsize, ALVH_E_POLICY_KEY,
                                      "policy key \"%s%.60s\" is given twice", prefix, a->string);
    return ALVH_OK;
}

/* Applies the members of obj to the struct at base using fields. prefix ends in '.' or is "". */
static alvh_status apply_object(const cJSON *obj, const field *fields, size_t nfields, char *base,
                                const char *prefix, char *err, size_t errsize)
{
    alvh_status st = check_duplicates(obj, prefix, err, errsize);
    if (st != ALVH_OK)
        return st;
    for (const cJSON *m = obj->child; m; m = m->next) {
        char path[160];
        snprintf(path, sizeof path, "%s%.80s", prefix, m->string ? m->string : "");
        const field *f = find_field(fields, nfields, m->string ? m->string : "");
        if (!f)
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_KEY, "unknown policy key \"%s\"",
                                  path);
        st = set_field(f, m, base, path, err, errsize);
        if (st != ALVH_OK)
            return st;
    }
    return ALVH_OK;
}

static alvh_status apply_root(const cJSON *root, alvh_policy *p, char *err, size_t errsize)
{
    if (!cJSON_IsObject(root))
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                              "the policy must be a JSON object ({...}), got %s",
                              json_type_name(root));
    alvh_status st = check_duplicates(root, "", err, errsize);
    if (st != ALVH_OK)
        return st;
    for (const cJSON *m = root->child; m; m = m->next) {
        const char *key = m->string ? m->string : "";
        if (strcmp(key, "layers") == 0) {
            if (!cJSON_IsArray(m))
                return alvh_fail_text(
                    err, errsize, ALVH_E_POLICY_TYPE,
                    "policy key \"layers\" must be an array of up to %d objects (layers "
                    "1, 2, 3), got %s",
                    ALVH_LAYERS, json_type_name(m));
            int n = cJSON_GetArraySize(m);
            if (n > ALVH_LAYERS)
                return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                                      "policy key \"layers\" holds at most %d layers, got %d",
                                      ALVH_LAYERS, n);
            int i = 0;
            for (const cJSON *l = m->child; l; l = l->next, ++i) {
                char prefix[32];
                snprintf(prefix, sizeof prefix, "layers.%d.", i + 1);
                if (!cJSON_IsObject(l))
                    return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                                          "policy key \"layers.%d\" must be an object, got %s",
                                          i + 1, json_type_name(l));
                st = apply_object(l, k_layer_fields, COUNT(k_layer_fields),
                                  (char *)&p->layers[i], prefix, err, errsize);
                if (st != ALVH_OK)
                    return st;
            }
            continue;
        }
        const object_desc *od = NULL;
        for (size_t i = 0; i < COUNT(k_objects); ++i)
            if (strcmp(k_objects[i].key, key) == 0)
                od = &k_objects[i];
        if (od) {
            if (!cJSON_IsObject(m))
                return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                                      "policy key \"%s\" must be an object, got %s", key,
                                      json_type_name(m));
            char prefix[64];
            snprintf(prefix, sizeof prefix, "%s.", key);
            st = apply_object(m, od->fields, od->nfields, (char *)p + od->offset, prefix, err,
                              errsize);
            if (st != ALVH_OK)
                return st;
            continue;
        }
        const field *f = find_field(k_top_fields, COUNT(k_top_fields), key);
        if (!f)
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_KEY, "unknown policy key \"%.80s\"",
                                  key);
        st = set_field(f, m, (char *)p, key, err, errsize);
        if (st != ALVH_OK)
            return st;
    }
    return ALVH_OK;
}

/* Rules between fields, checked once every key is read. */
static alvh_status check_consistency(const alvh_policy *p, char *err, size_t errsize)
{
    char a[32], b[32];
    if (p->coverage_low > p->coverage_target || p->coverage_target > p->coverage_high) {
        char c[32];
        alvh_format_number(a, sizeof a, p->coverage_low);
        alvh_format_number(b, sizeof b, p->coverage_target);
        alvh_format_number(c, sizeof c, p->coverage_high);
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_VALUE,
            "policy keys \"coverage_low\" <= \"coverage_target\" <= \"coverage_high\" "
            "must hold, got %s, %s, %s",
            a, b, c);
    }
    double total = 0.0;
    for (int i = 0; i < ALVH_LAYERS; ++i) {
        const alvh_layer_policy *l = &p->layers[i];
        total += l->contracts;
        if (l->min_days > l->max_days) {
            alvh_format_number(a, sizeof a, l->min_days);
            alvh_format_number(b, sizeof b, l->max_days);
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                                  "policy key \"layers.%d.min_days\" (%s) must not exceed "
                                  "\"layers.%d.max_days\" (%s)", i + 1, a, i + 1, b);
        }
        if (l->roll_days >= l->min_days) {
            alvh_format_number(a, sizeof a, l->roll_days);
            alvh_format_number(b, sizeof b, l->min_days);
            return alvh_fail_text(
                err, errsize, ALVH_E_POLICY_VALUE,
                "policy key \"layers.%d.roll_days\" (%s) must be below "
                "\"layers.%d.min_days\" (%s): a layer is bought before its roll date",
                i + 1, a, i + 1, b);
        }
    }
    if (!(total > 0.0))
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_VALUE,
            "policy key \"layers\": at least one layer must have contracts above 0");
    if (p->signals.macd_fast >= p->signals.macd_slow) {
        alvh_format_number(a, sizeof a, p->signals.macd_fast);
        alvh_format_number(b, sizeof b, p->signals.macd_slow);
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_VALUE,
            "policy key \"signals.macd_fast\" (%s) must be below \"signals.macd_slow\" "
            "(%s)",
            a, b);
    }
    return ALVH_OK;
}

/* json is NUL-terminated at json[len]. */
static alvh_status parse_json(const char *json, size_t len, const char *source, alvh_policy *p,
                              char *err, size_t errsize)
{
    /* json[len] is the terminating NUL: cJSON's "require null terminated" looks for it inside
     * the length it is given, so the NUL is counted in. */
    size_t off = 0;
    int syntax_ok = alvh_json_check_syntax(json, len, &off);
    const char *end = NULL;
    cJSON *root = syntax_ok ? cJSON_ParseWithLengthOpts(json, len + 1, &end, 1) : NULL;
    if (syntax_ok && !root) /* e.g. an unpaired UTF-16 surrogate in a \u escape */
        off = (end && end >= json && end <= json + len) ? (size_t)(end - json) : 0;
    if (!root) {
        size_t line, col;
        alvh_json_locate(json, off, &line, &col);
        /* Calc's AutoCorrect turns typed " into typographic quotes (U+201C/U+201D, UTF-8
         * E2 80 9C/9D; single ones E2 80 98/99): say so, it is the usual cause in a cell. */
        const unsigned char *b = (const unsigned char *)json + off;
        int curly = off + 2 < len + 1 && b[0] == 0xE2 && b[1] == 0x80 && b[2] >= 0x98 &&
                    b[2] <= 0x9D;
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_JSON,
            "%s%sthe policy is not valid JSON at byte offset %zu (line %zu, column %zu)%s",
            source ? source : "", source ? ": " : "", off, line, col,
            curly ? ": typographic quotes are not JSON quotes (turn off AutoCorrect's "
                    "quote replacement, or write the text as a formula string)"
                  : "");
    }
    alvh_status st = apply_root(root, p, err, errsize);
    cJSON_Delete(root);
    if (st == ALVH_OK)
        st = check_consistency(p, err, errsize);
    if (st != ALVH_OK && source && err && errsize > 0) {
        /* Prefix the file name so the user knows which document is wrong. */
        char tmp[512];
        snprintf(tmp, sizeof tmp, "%s: %s", source, err);
        snprintf(err, errsize, "%s", tmp);
    }
    return st;
}

/* The largest policy file read: a policy is a few hundred bytes. */
#define POLICY_FILE_MAX (1u << 20)

static alvh_status parse_file(const char *path, alvh_policy *p, char *err, size_t errsize)
{
    errno = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        const char *why = errno == ENOENT ? "does not exist"
                          : errno == EACCES ? "is not readable (permission denied)"
                                            : "cannot be opened";
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_FILE,
            "policy \"%.200s\" is neither JSON text (starting with '{') nor a file that "
            "can be read: the file %s",
            path, why);
    }
    char *buf = malloc(POLICY_FILE_MAX + 1);
    if (!buf) {
        fclose(f);
        return alvh_fail_text(err, errsize, ALVH_E_NO_MEMORY,
                              "out of memory reading the policy file");
    }
    size_t n = fread(buf, 1, POLICY_FILE_MAX + 1, f);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_FILE,
                              "policy file \"%.200s\" cannot be read (is it a directory?)", path);
    }
    if (n > POLICY_FILE_MAX) {
        free(buf);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_FILE,
                              "policy file \"%.200s\" is larger than 1 MiB", path);
    }
    buf[n] = '\0';
    if (memchr(buf, '\0', n)) {
        free(buf);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_FILE,
                              "policy file \"%.200s\" is not text (it holds a NUL byte)", path);
    }
    char source[240];
    snprintf(source, sizeof source, "policy file \"%.200s\"", path);
    size_t start = 0;
    while (start < n && (buf[start] == ' ' || buf[start] == '\t' || buf[start] == '\r' ||
                         buf[start] == '\n'))
        ++start;
    alvh_status st;
    if (start == n)
        st = alvh_fail_text(err, errsize, ALVH_E_POLICY_JSON, "%s is empty", source);
    else
        st = parse_json(buf, n, source, p, err, errsize);
    free(buf);
    return st;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

alvh_status alvh_policy_parse(const char *text, alvh_policy *p, char *err, size_t errsize)
{
    if (err && errsize > 0)
        err[0] = '\0';
    alvh_policy_default(p);
    if (!text)
        return ALVH_OK;
    const char *s = text;
    while (is_blank(*s))
        ++s;
    if (*s == '\0')
        return ALVH_OK;
    alvh_policy tmp;
    memcpy(&tmp, p, sizeof tmp); /* padding too: policies compare byte for byte */
    alvh_status st;
    if (*s == '{' || *s == '[' || *s == '"') {
        /* JSON text; offsets count from the start of text as given. */
        st = parse_json(text, strlen(text), NULL, &tmp, err, errsize);
    } else {
        /* A file path; trailing blanks (a pasted newline) are not part of it. */
        size_t len = strlen(s);
        while (len > 0 && is_blank(s[len - 1]))
            --len;
        char *path = malloc(len + 1);
        if (!path)
            return alvh_fail_text(err, errsize, ALVH_E_NO_MEMORY, "out of memory");
        memcpy(path, s, len);
        path[len] = '\0';
        st = parse_file(path, &tmp, err, errsize);
        free(path);
    }
    if (st == ALVH_OK)
        memcpy(p, &tmp, sizeof *p); /* on failure p keeps the defaults, never a half-applied
                                       policy */
    return st;
}

/* ---- writing -------------------------------------------------------------------------------- */

/* raw_numbers: numbers as raw JSON text in the shortest form that reads back exactly (cJSON's
 * own printer accepts "%1.15g" when it reads back within an epsilon, which loses the last bits
 * of a value such as 5.566666666666661: a printed policy would not reproduce itself). */
static int add_fields(cJSON *obj, const field *fields, size_t n, const char *base,
                      int raw_numbers)
{
    for (size_t i = 0; i < n; ++i) {
        const field *f = &fields[i];
        cJSON *item = NULL;
        if (f->type == F_NUMBER || f->type == F_INTEGER) {
            double x;
            memcpy(&x, base + f->offset, sizeof x);
            if (raw_numbers) {
                char buf[32];
                alvh_format_number(buf, sizeof buf, x);
                item = cJSON_CreateRaw(buf);
            } else {
                item = cJSON_CreateNumber(x);
            }
        } else if (f->type == F_BOOL) {
            int b;
            memcpy(&b, base + f->offset, sizeof b);
            item = cJSON_CreateBool(b);
        } else {
            int e;
            memcpy(&e, base + f->offset, sizeof e);
            int count = 0;
            while (f->words[count])
                ++count;
            item = cJSON_CreateString(e >= 0 && e < count ? f->words[e] : "?");
        }
        if (!item)
            return -1;
        cJSON_AddItemToObject(obj, f->key, item);
    }
    return 0;
}

/* The policy as a cJSON tree, keys in declaration order. NULL when out of memory. */
static cJSON *policy_tree(const alvh_policy *p, int raw_numbers)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    /* notional_unit, notional_basis, then layers, then the rest of the top level. */
    if (add_fields(root, k_top_fields, 2, (const char *)p, raw_numbers) != 0)
        goto oom;
    cJSON *layers = cJSON_AddArrayToObject(root, "layers");
    if (!layers)
        goto oom;
    for (int i = 0; i < ALVH_LAYERS; ++i) {
        cJSON *l = cJSON_CreateObject();
        if (!l)
            goto oom;
        cJSON_AddItemToArray(layers, l);
        if (add_fields(l, k_layer_fields, COUNT(k_layer_fields), (const char *)&p->layers[i],
                       raw_numbers) != 0)
            goto oom;
    }
    if (add_fields(root, k_top_fields + 2, 5, (const char *)p, raw_numbers) != 0)
        goto oom;
    for (size_t i = 0; i < COUNT(k_objects); ++i) {
        cJSON *o = cJSON_AddObjectToObject(root, k_objects[i].key);
        if (!o || add_fields(o, k_objects[i].fields, k_objects[i].nfields,
                             (const char *)p + k_objects[i].offset, raw_numbers) != 0)
            goto oom;
    }
    if (add_fields(root, k_top_fields + 7, COUNT(k_top_fields) - 7, (const char *)p,
                   raw_numbers) != 0)
        goto oom;
    return root;
oom:
    cJSON_Delete(root);
    return NULL;
}

char *alvh_policy_to_json(const alvh_policy *p, int indent)
{
    cJSON *root = policy_tree(p, 1);
    if (!root)
        return NULL;
    char *s = indent ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!s)
        return NULL;
    /* cJSON allocates with malloc by default (no hooks installed): free() releases it. */
    return s;
}

alvh_status alvh_policy_get(const alvh_policy *p, const char *key, alvh_policy_value *out,
                            char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    if (!key)
        key = "";
    cJSON *root = policy_tree(p, 1); /* raw numbers: JSON parts keep every bit */
    if (!root)
        return alvh_fail_text(err, errsize, ALVH_E_NO_MEMORY, "out of memory");
    const cJSON *node = root;
    const char *s = key;
    while (*s) {
        const char *dot = strchr(s, '.');
        size_t len = dot ? (size_t)(dot - s) : strlen(s);
        char part[64];
        const cJSON *next = NULL;
        if (len > 0 && len < sizeof part) {
            memcpy(part, s, len);
            part[len] = '\0';
            if (cJSON_IsArray(node)) {
                char *e = NULL;
                long idx = strtol(part, &e, 10);
                if (*e == '\0' && idx >= 1 && idx <= cJSON_GetArraySize(node))
                    next = cJSON_GetArrayItem(node, (int)idx - 1);
            } else if (cJSON_IsObject(node)) {
                for (const cJSON *c = node->child; c && !next; c = c->next)
                    if (alvh_strieq(c->string, part))
                        next = c;
            }
        }
        if (!next) {
            cJSON_Delete(root);
            return alvh_fail_text(
                err, errsize, ALVH_E_POLICY_KEY,
                "unknown policy key \"%.80s\" (keys are dotted paths such as "
                "\"coverage_target\", \"layers.2.contracts\", \"signals.rsi_level\")",
                key);
        }
        node = next;
        s = dot ? dot + 1 : s + len;
        if (dot && *s == '\0') {
            cJSON_Delete(root);
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_KEY, "unknown policy key \"%.80s\"",
                                  key);
        }
    }
    alvh_status st = ALVH_OK;
    if (cJSON_IsRaw(node)) {
        out->number = strtod(node->valuestring, NULL); /* a number printed to read back exactly */
    } else if (cJSON_IsNumber(node)) {
        out->number = node->valuedouble;
    } else if (cJSON_IsBool(node)) {
        out->number = cJSON_IsTrue(node) ? 1.0 : 0.0;
    } else {
        const char *src = cJSON_IsString(node) ? node->valuestring : NULL;
        char *printed = src ? NULL : cJSON_PrintUnformatted(node);
        const char *t = src ? src : printed;
        if (t) {
            size_t n = strlen(t);
            out->text = malloc(n + 1);
            if (out->text) {
                memcpy(out->text, t, n + 1);
                out->is_text = 1;
            }
        }
        free(printed);
        if (!out->text)
            st = alvh_fail_text(err, errsize, ALVH_E_NO_MEMORY, "out of memory");
    }
    cJSON_Delete(root);
    return st;
}
