/* internal.h: helpers shared by core sources and the table's adapters. Not installed. */
#ifndef ALVH_INTERNAL_H
#define ALVH_INTERNAL_H

#include <math.h>
#include <stddef.h>

#include "alvh/table.h"
#include "base.h"

/* Each concept's adapters live in core/src/fn_<concept>.c and export one group of table rows.
 * table.c lists the groups; adding a function is one row in its group plus its core function. */
#define ALVH_DECLARE_GROUP(g)                 \
    extern const alvh_func alvh_fn_##g[];     \
    extern const size_t alvh_fn_##g##_count
#define ALVH_DEFINE_GROUP_COUNT(g) \
    const size_t alvh_fn_##g##_count = sizeof alvh_fn_##g / sizeof alvh_fn_##g[0]

/*! alvh_arg_option_type() : "C"/"CALL"/1 -> ALVH_CALL, "P"/"PUT"/-1 -> ALVH_PUT.
 *  @return : ALVH_OK, or ALVH_E_OPTION_TYPE with out's message naming what was given. */
alvh_status alvh_arg_option_type(const alvh_value *v, const char *argname, int *kind,
                                 alvh_result *out);

/*! alvh_arg_vector() : a one-row or one-column range (or a single number) as a malloc'ed
 *  array of doubles, in reading order. Empty cells and text are errors naming the cell.
 *  allow_empty_tail: trailing empty cells are dropped (a column pasted into a longer range).
 *  @return : ALVH_OK (free *data with free()), ALVH_E_RANGE_SHAPE, ALVH_E_RANGE_VALUE,
 *            ALVH_E_NO_MEMORY; out's message says which argument and cell. */
alvh_status alvh_arg_vector(const alvh_value *v, const char *argname, int allow_empty_tail,
                            double **data, size_t *n, alvh_result *out);

/*! alvh_cell_blank() : c is an empty cell: ALVH_EMPTY, or empty text "" (Calc 7.4 passes the
 *  empty cells of a range as ""; the add-in reads them as EMPTY, the CLI reads a JSON "" as
 *  text). */
int alvh_cell_blank(const alvh_value *c);

/*! alvh_arg_blank() : v is omitted, or a range every cell of which is blank (alvh_cell_blank):
 *  an optional range left empty on a sheet, which functions treat as omitted. */
int alvh_arg_blank(const alvh_value *v);

/*! alvh_arg_exact() : a one-row or one-column range (or a single number) of exactly n numbers
 *  into x[0..n-1], read as alvh_arg_vector reads it (trailing empty cells dropped).
 *  count_status, count_fmt: the error when the count differs; count_fmt is a printf format
 *  whose one conversion, %zu, takes the count given.
 *  @return : ALVH_OK, alvh_arg_vector's statuses, or count_status. */
alvh_status alvh_arg_exact(const alvh_value *v, const char *argname, size_t n, double *x,
                           alvh_status count_status, const char *count_fmt, alvh_result *out)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 0)))
#endif
    ;

/*! alvh_arg_condor_strikes() : a condor's strikes argument, 4 prices (alvh_arg_exact) that
 *  alvh_condor_check_strikes accepts: 0 < long put < short put <= short call < long call.
 *  count_fmt: the sentence for a count other than 4 (one %zu, the count given).
 *  @return : ALVH_OK, ALVH_E_STRIKES, or alvh_arg_vector's statuses. */
alvh_status alvh_arg_condor_strikes(const alvh_value *v, double strikes[4], const char *count_fmt,
                                    alvh_result *out)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 0)))
#endif
    ;

/* An adapter's last step: when st is ALVH_OK, out becomes the number x. Returns st. */
static inline alvh_status alvh_result_number_if(alvh_result *out, alvh_status st, double x)
{
    if (st == ALVH_OK)
        alvh_result_number(out, x);
    return st;
}

/*! alvh_describe_value() : what the user gave, for messages: 0.2, text "abc", an empty cell,
 *  a 3x2 range. */
void alvh_describe_value(const alvh_value *v, char *buf, size_t size);

/*! alvh_arg_side() : "LOWER"/"L"/-1 -> -1, "UPPER"/"U"/1 -> 1 (break-even sides).
 *  @return : ALVH_OK or ALVH_E_SIDE with a sentence naming what was given. */
alvh_status alvh_arg_side(const alvh_value *v, int *side, alvh_result *out);

/*! alvh_arg_policy() : a [policy] argument: omitted -> the default policy; text -> JSON or the
 *  path of a JSON file (alvh_policy_parse). @return : ALVH_OK, ALVH_E_ARG_TYPE or a policy
 *  status with the parser's sentence. */
struct alvh_policy;
alvh_status alvh_arg_policy(const alvh_value *v, struct alvh_policy *p, alvh_result *out);

/*! alvh_fail_rule() : "<name> must be <rule>, got <got>", for an argument the generic path
 *  cannot name. */
alvh_status alvh_fail_rule(alvh_result *out, alvh_status status, const char *name,
                           const char *rule, double got);

/*! alvh_fail_value() : "<status sentence>, got <number>" naming what the user gave. */
alvh_status alvh_fail_value(alvh_result *out, alvh_status status, double got);

#endif
