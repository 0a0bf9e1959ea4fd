/* policy_fields.c: the descriptor tree of alvh_policy (policy_tree.h) and the rules between
 * its keys.
 *
 * One line per key: its type and range, in JSON order (alvh_policy_to_json writes the keys in
 * the order of these lists; a new key goes at the end of its list so every existing document
 * keeps its order). The JSON reader, the writer, ALVH_POLICY's lookup, alvh_policy_set and
 * alvh_policy_check all walk these lists, so a field cannot be readable but not writable, or
 * documented with a different range than enforced. docs/hedge.md ("Policy") lists the keys.
 */
#include <stddef.h>

#include "base.h"
#include "policy_tree.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The JSON types of the fields (policy_tree.h). lo_open / hi_open: 1 excludes the bound. */
#define NUM(s, m, lo_, hi_, lo_open_, hi_open_)                                            \
    {.key = #m, .kind = ALVH_FIELD_NUMBER, .offset = offsetof(s, m), .lo = (lo_), .hi = (hi_), \
     .lo_open = (lo_open_), .hi_open = (hi_open_)}
#define INT(s, m, lo_, hi_) \
    {.key = #m, .kind = ALVH_FIELD_INTEGER, .offset = offsetof(s, m), .lo = (lo_), .hi = (hi_)}
#define BOOL(s, m) {.key = #m, .kind = ALVH_FIELD_BOOL, .offset = offsetof(s, m), .hi = 1}
#define ENUM(s, m, words_) \
    {.key = #m, .kind = ALVH_FIELD_ENUM, .offset = offsetof(s, m), .words = (words_)}
#define OBJECT(s, m, node_) \
    {.key = #m, .kind = ALVH_FIELD_OBJECT, .offset = offsetof(s, m), .node = &(node_)}
/* An array member of s: its element count and stride come from the C declaration. */
#define ARRAY(s, m, node_, rule_)                                                            \
    {.key = #m, .kind = ALVH_FIELD_ARRAY, .offset = offsetof(s, m), .node = &(node_),        \
     .count = (int)COUNT(((s *)0)->m), .stride = sizeof(((s *)0)->m[0]), .rule = (rule_)}

_Static_assert(sizeof(alvh_notional_basis) == sizeof(int) && sizeof(alvh_rounding) == sizeof(int)
                   && sizeof(alvh_sizing) == sizeof(int) && sizeof(alvh_cost_method) == sizeof(int)
                   && sizeof(alvh_hedge_kind) == sizeof(int)
                   && sizeof(alvh_spread_sizing) == sizeof(int),
               "policy enums are stored as int");

static const char *const k_basis_words[] = {"short_strike", "max_loss", "margin", NULL};
static const char *const k_rounding_words[] = {"nearest", "down", "up", NULL};
static const char *const k_sizing_words[] = {"rule", "vega", NULL};
static const char *const k_cost_words[] = {"carry", "debit", NULL};
static const char *const k_hedge_kind_words[] = {"vix_calls", "spx_put_spread", "none", NULL};
static const char *const k_spread_sizing_words[] = {"budget", "notional", "contracts", NULL};

/* ---- rules between keys --------------------------------------------------------------------- */

/* The top level: the coverage band holds its target. */
static alvh_status coverage_rule(const void *at, const char *prefix, char *err, size_t errsize)
{
    const alvh_policy *p = at;
    if (p->coverage_low <= p->coverage_target && p->coverage_target <= p->coverage_high)
        return ALVH_OK;
    char a[32], b[32], c[32];
    alvh_format_number(a, sizeof a, p->coverage_low);
    alvh_format_number(b, sizeof b, p->coverage_target);
    alvh_format_number(c, sizeof c, p->coverage_high);
    return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                          "policy keys \"%scoverage_low\" <= \"%scoverage_target\" <= "
                          "\"%scoverage_high\" must hold, got %s, %s, %s",
                          prefix, prefix, prefix, a, b, c);
}

/* One layer: its expiry window is a window, and it is bought before its roll date. */
static alvh_status layer_rule(const void *at, const char *prefix, char *err, size_t errsize)
{
    const alvh_layer_policy *l = at;
    char a[32], b[32];
    if (l->min_days > l->max_days) {
        alvh_format_number(a, sizeof a, l->min_days);
        alvh_format_number(b, sizeof b, l->max_days);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                              "policy key \"%smin_days\" (%s) must not exceed "
                              "\"%smax_days\" (%s)", prefix, a, prefix, b);
    }
    if (l->roll_days >= l->min_days) {
        alvh_format_number(a, sizeof a, l->roll_days);
        alvh_format_number(b, sizeof b, l->min_days);
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_VALUE,
            "policy key \"%sroll_days\" (%s) must be below "
            "\"%smin_days\" (%s): a layer is bought before its roll date",
            prefix, a, prefix, b);
    }
    return ALVH_OK;
}

/* The layers together: some layer holds contracts. */
static alvh_status layers_rule(const void *at, const char *path, char *err, size_t errsize)
{
    const alvh_layer_policy *l = at;
    double total = 0.0;
    for (int i = 0; i < ALVH_LAYERS; ++i)
        total += l[i].contracts;
    if (total > 0.0)
        return ALVH_OK;
    return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                          "policy key \"%s\": at least one layer must have contracts above 0",
                          path);
}

/* The signals: MACD's fast average is the faster one. */
static alvh_status signals_rule(const void *at, const char *prefix, char *err, size_t errsize)
{
    const alvh_signal_policy *s = at;
    if (s->macd_fast < s->macd_slow)
        return ALVH_OK;
    char a[32], b[32];
    alvh_format_number(a, sizeof a, s->macd_fast);
    alvh_format_number(b, sizeof b, s->macd_slow);
    return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                          "policy key \"%smacd_fast\" (%s) must be below \"%smacd_slow\" (%s)",
                          prefix, a, prefix, b);
}

/* The put spread: the short put is further out of the money, and it is bought before its roll
 * date. */
static alvh_status put_spread_rule(const void *at, const char *prefix, char *err, size_t errsize)
{
    const alvh_put_spread_policy *ps = at;
    char a[32], b[32];
    if (!(ps->short_delta < ps->long_delta)) {
        alvh_format_number(a, sizeof a, ps->short_delta);
        alvh_format_number(b, sizeof b, ps->long_delta);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                              "policy key \"%sshort_delta\" (%s) must be below "
                              "\"%slong_delta\" (%s): the short put is the one further out of "
                              "the money", prefix, a, prefix, b);
    }
    if (!(ps->roll_days < ps->days)) {
        alvh_format_number(a, sizeof a, ps->roll_days);
        alvh_format_number(b, sizeof b, ps->days);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                              "policy key \"%sroll_days\" (%s) must be below \"%sdays\" (%s): "
                              "the spread is bought before its roll date", prefix, a, prefix, b);
    }
    return ALVH_OK;
}

/* ---- the objects ---------------------------------------------------------------------------- */

static const alvh_policy_field k_layer_fields[] = {
    NUM(alvh_layer_policy, contracts, 0, 1e6, 0, 0),
    NUM(alvh_layer_policy, min_days, 0, 3650, 0, 0),
    NUM(alvh_layer_policy, max_days, 0, 3650, 0, 0),
    NUM(alvh_layer_policy, otm_points, -100, 100, 0, 0),
    NUM(alvh_layer_policy, roll_days, 0, 3650, 0, 0),
    NUM(alvh_layer_policy, vol_of_vol, 0, 10, 1, 0),
};
static const alvh_policy_node k_layer = {k_layer_fields, COUNT(k_layer_fields), layer_rule};

static const alvh_policy_field k_signal_fields[] = {
    INT(alvh_signal_policy, rsi_period, 2, 1000),
    NUM(alvh_signal_policy, rsi_level, 0, 100, 1, 1),
    INT(alvh_signal_policy, macd_fast, 1, 1000),
    INT(alvh_signal_policy, macd_slow, 2, 1000),
    INT(alvh_signal_policy, macd_signal, 1, 1000),
    NUM(alvh_signal_policy, vix_floor, 0, 1000, 0, 0),
    INT(alvh_signal_policy, ad_lookback, 2, 10000),
};
static const alvh_policy_node k_signals = {k_signal_fields, COUNT(k_signal_fields), signals_rule};

/* Owner: the backtest (core/src/backtest.c; docs/backtest.md). */
static const alvh_policy_field k_backtest_fields[] = {
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
    BOOL(alvh_backtest_policy, compare_hedges),
};
static const alvh_policy_node k_backtest = {k_backtest_fields, COUNT(k_backtest_fields), NULL};

/* Owner: the put spread (core/src/putspread.c; docs/hedge.md, "The SPX put spread"). */
static const alvh_policy_field k_put_spread_fields[] = {
    NUM(alvh_put_spread_policy, long_delta, 0, 0.5, 1, 1),
    NUM(alvh_put_spread_policy, short_delta, 0, 0.5, 1, 1),
    INT(alvh_put_spread_policy, days, 1, 3650),
    INT(alvh_put_spread_policy, roll_days, 0, 3650),
    ENUM(alvh_put_spread_policy, sizing, k_spread_sizing_words),
    NUM(alvh_put_spread_policy, notional_ratio, 0, 1e6, 0, 0),
    INT(alvh_put_spread_policy, contracts, 0, 1000000),
};
static const alvh_policy_node k_put_spread = {k_put_spread_fields, COUNT(k_put_spread_fields),
                                              put_spread_rule};

/* The top level, in JSON order: the sub-objects come after spx_multiplier (they were written
 * there before the hedge engine appended its keys), not in struct order. */
static const alvh_policy_field k_root_fields[] = {
    NUM(alvh_policy, notional_unit, 0, 1e12, 1, 0),
    ENUM(alvh_policy, notional_basis, k_basis_words),
    ARRAY(alvh_policy, layers, k_layer, layers_rule),
    NUM(alvh_policy, coverage_target, 0, 10, 1, 0),
    NUM(alvh_policy, coverage_low, 0, 10, 0, 0),
    NUM(alvh_policy, coverage_high, 0, 10, 1, 0),
    NUM(alvh_policy, vix_multiplier, 0, 1e6, 1, 0),
    NUM(alvh_policy, spx_multiplier, 0, 1e6, 1, 0),
    OBJECT(alvh_policy, signals, k_signals),
    OBJECT(alvh_policy, backtest, k_backtest),
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
    ENUM(alvh_policy, hedge_kind, k_hedge_kind_words),
    OBJECT(alvh_policy, put_spread, k_put_spread),
    /* -- new keys and sub-objects: add yours here (one line each) -- */
};

const alvh_policy_node alvh_policy_root = {k_root_fields, COUNT(k_root_fields), coverage_rule};
