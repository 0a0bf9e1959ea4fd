/* args.h (internal): the spreadsheet-argument layer. Readers that turn the generic values of a
 * call (alvh/value.h) into what an engine takes (an option type, a vector of numbers, a policy,
 * a condor's strikes, legs, VIX call layers), and the failure sentences that say which argument,
 * row or column was wrong and what the user gave.
 *
 * It sits between the engines and the function table: it includes engines' public headers and
 * alvh/value.h, never alvh/table.h (no registry, no argument specs), and no engine includes it.
 * The table's adapters (core/src/fn_<concept>.c) reach it through internal.h. Bodies: args.c
 * (values, vectors, the policy, sentences) and args_positions.c (strikes, legs, hedge ranges).
 * docs/architecture.md draws the layers. Not installed. */
#ifndef ALVH_ARGS_H
#define ALVH_ARGS_H

#include <math.h>
#include <stddef.h>

#include "alvh/condor.h"
#include "alvh/policy.h"
#include "alvh/scenario.h"
#include "alvh/status.h"
#include "alvh/value.h"
#include "base.h"

/* ---- failure sentences ---------------------------------------------------------------------- */

/*! alvh_describe_value() : what the user gave, for messages: 0.2, text "abc", an empty cell,
 *  a 3x2 range (a one-cell range as its cell). */
void alvh_describe_value(const alvh_value *v, char *buf, size_t size);

/*! alvh_describe_span() : alvh_describe_value(), a range with the span of its numbers: "a 4x5
 *  range of 0.08 to 5275", so that an extreme value inside it shows in a sentence. */
void alvh_describe_span(const alvh_value *v, char *buf, size_t size);

/*! alvh_fail_value() : "<status sentence>, got <number>" naming what the user gave. */
alvh_status alvh_fail_value(alvh_result *out, alvh_status status, double got);

/*! alvh_fail_named() : alvh_fail_value() about the argument name: "<status sentence>, got
 *  <number>" when the sentence starts with name, else "<name>: <status sentence>, got <number>"
 *  (the sentence of ALVH_E_DAYS says "days" where the argument is days_forward). */
alvh_status alvh_fail_named(alvh_result *out, alvh_status status, const char *name, double got);

/*! alvh_fail_rule() : "<name> must be <rule>, got <got>", for an argument the generic path
 *  cannot name. */
alvh_status alvh_fail_rule(alvh_result *out, alvh_status status, const char *name,
                           const char *rule, double got);

/* An adapter's last step: when st is ALVH_OK, out becomes the number x. Returns st. */
static inline alvh_status alvh_result_number_if(alvh_result *out, alvh_status st, double x)
{
    if (st == ALVH_OK)
        alvh_result_number(out, x);
    return st;
}

/* ---- blank cells and ranges ----------------------------------------------------------------- */

/*! alvh_cell_blank() : c is an empty cell: ALVH_EMPTY, or empty text "" (Calc 7.4 passes the
 *  empty cells of a range as ""; the add-in reads them as EMPTY, the CLI reads a JSON "" as
 *  text). */
int alvh_cell_blank(const alvh_value *c);

/*! alvh_arg_blank() : v is omitted, or a range every cell of which is blank (alvh_cell_blank):
 *  an optional range left empty on a sheet, which functions treat as omitted. */
int alvh_arg_blank(const alvh_value *v);

/* ---- scalars -------------------------------------------------------------------------------- */

/*! alvh_arg_option_type() : "C"/"CALL"/1 -> ALVH_CALL, "P"/"PUT"/-1 -> ALVH_PUT.
 *  @return : ALVH_OK, or ALVH_E_OPTION_TYPE with out's message naming what was given. */
alvh_status alvh_arg_option_type(const alvh_value *v, const char *argname, int *kind,
                                 alvh_result *out);

/*! alvh_arg_side() : "LOWER"/"L"/-1 -> -1, "UPPER"/"U"/1 -> 1 (break-even sides).
 *  @return : ALVH_OK or ALVH_E_SIDE with a sentence naming what was given. */
alvh_status alvh_arg_side(const alvh_value *v, int *side, alvh_result *out);

/* ---- rows and columns of numbers ------------------------------------------------------------ */

/*! alvh_arg_line() : a one-row or one-column range, or a single number (its own one cell): its
 *  cells in reading order (*cells, *len; not copied).
 *  @return : ALVH_OK or ALVH_E_RANGE_SHAPE naming argname. */
alvh_status alvh_arg_line(const alvh_value *v, const char *argname, const alvh_value **cells,
                          size_t *len, alvh_result *out);

/*! alvh_arg_vector() : a one-row or one-column range (or a single number) as a malloc'ed
 *  array of doubles, in reading order. Empty cells and text are errors naming the cell.
 *  allow_empty_tail: trailing empty cells are dropped (a column pasted into a longer range).
 *  @return : ALVH_OK (free *data with free()), ALVH_E_RANGE_SHAPE, ALVH_E_RANGE_VALUE,
 *            ALVH_E_NO_MEMORY; out's message says which argument and cell. */
alvh_status alvh_arg_vector(const alvh_value *v, const char *argname, int allow_empty_tail,
                            double **data, size_t *n, alvh_result *out);

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

/* ---- pasted series (args_series.c) --------------------------------------------------------- */

/* The first gap of a function's pasted series: a blank or text cell before the last filled one
 * (a holiday row left empty, a bad paste, a header pasted with the numbers). A function computes
 * the rows before it, leaves the rest without a value, and warns (alvh_series_gap_warn). */
typedef struct alvh_series_gap {
    size_t at;            /* the gap's row, 0-based (SIZE_MAX: no gap) */
    const char *argname;  /* the series it is in */
    alvh_value cell;      /* what that cell holds: EMPTY, or TEXT (text not owned) */
} alvh_series_gap;

/*! alvh_series_gap_init() : no gap yet. */
void alvh_series_gap_init(alvh_series_gap *gap);

/*! alvh_arg_series() : a pasted series: a one-row or one-column range (or a single number),
 *  trailing blank cells dropped (a column pasted into a longer range), as a malloc'ed array of
 *  *n doubles; a blank or text cell before the last filled one is no error but a gap: gap is
 *  updated when this series' first gap comes before the one it holds, and data[i] is NaN from
 *  there on. Numbers are taken as they are (the caller checks their domain on the usable rows).
 *  @return : ALVH_OK (free *data), ALVH_E_RANGE_SHAPE (not a row or column, or nothing filled),
 *            ALVH_E_NO_MEMORY; out's message names argname. */
alvh_status alvh_arg_series(const alvh_value *v, const char *argname, double **data, size_t *n,
                            alvh_series_gap *gap, alvh_result *out);

/*! alvh_series_usable() : the rows before the gap: gap->at, or n when there is none. */
size_t alvh_series_usable(const alvh_series_gap *gap, size_t n);

/* What a gap did to the result, for alvh_series_gap_text. */
typedef enum {
    ALVH_GAP_PARTIAL, /* the rows from the gap on show no value */
    ALVH_GAP_WHOLE,   /* the result needs every row (a summary): it failed */
    ALVH_GAP_BARE     /* nothing said: the caller adds what followed */
} alvh_gap_effect;

/*! alvh_series_gap_text() : the gap as a sentence into buf (size bytes): the series, the row
 *  (1-based within the range) and, when dates (n of them) are given, its date; what the cell
 *  holds; what it did to the result (effect; ALVH_GAP_PARTIAL counts the rows of n without a
 *  value); and what to do. */
void alvh_series_gap_text(const alvh_series_gap *gap, size_t n, const double *dates,
                          alvh_gap_effect effect, char *buf, size_t size);

/*! alvh_series_gap_warn() : out's warning (ALVH_E_RANGE_VALUE) with alvh_series_gap_text, when
 *  there is a gap; nothing otherwise. */
void alvh_series_gap_warn(const alvh_series_gap *gap, size_t n, const double *dates,
                          alvh_result *out);

/* ---- the policy ----------------------------------------------------------------------------- */

/*! alvh_arg_policy() (args_policy.c) : a [policy] argument, in any of its forms:
 *    - omitted, a blank cell, or a range every cell of which is blank: the default policy;
 *    - text: JSON (typographic quotes as AutoCorrect types them accepted) or the path of a JSON
 *      file (alvh_policy_parse);
 *    - a two-column range of key/value rows: keys as ALVH_POLICY names them (dotted paths such
 *      as "signals.rsi_level", layers numbered 1-3, any case), values a number, TRUE/FALSE (or
 *      the words) for true/false keys, or a word; blank rows skipped; each key once. Applied to
 *      the default policy through alvh_policy_set, then checked (alvh_policy_check): the same
 *      checks and sentences as JSON, each naming the range's row.
 *  The three forms of one policy give the same policy, byte for byte.
 *  @return : ALVH_OK, ALVH_E_ARG_TYPE, ALVH_E_RANGE_SHAPE, ALVH_E_NO_MEMORY or a policy status
 *            with a sentence. */
alvh_status alvh_arg_policy(const alvh_value *v, alvh_policy *p, alvh_result *out);

/*! alvh_arg_policy_named() : alvh_arg_policy() whose failure sentences start "<argname>: ", for
 *  functions that name the argument in their sentences (ALVH_SIGNAL, ALVH_BACKTEST, VIX_BETA). */
alvh_status alvh_arg_policy_named(const alvh_value *v, const char *argname, alvh_policy *p,
                                  alvh_result *out);

/*! alvh_arg_is_policy_range() : v is a two-column range whose first non-blank cell is text: a
 *  key/value policy, for arguments that take either numbers or a policy (VIX_BETA's params). */
int alvh_arg_is_policy_range(const alvh_value *v);

/* ---- columns of one call over whole ranges ------------------------------------------------- */

/*! alvh_arg_columns() : NUMBER_ARRAY arguments a[0..ncols) (names[c] in sentences) as columns of
 *  one length: each a single column (or a single value, used for every row); *rows gets the
 *  longest. Read row r of column c with alvh_arg_column_cell().
 *  @return : ALVH_OK, or ALVH_E_RANGE_SHAPE with a sentence naming the column. */
alvh_status alvh_arg_columns(const alvh_value *a, const char *const *names, size_t ncols,
                             size_t *rows, alvh_result *out);

/*! alvh_arg_column_cell() : row r of a column alvh_arg_columns() accepted. */
double alvh_arg_column_cell(const alvh_value *col, size_t r);

/* ---- an option chain (args_chain.c) ---------------------------------------------------------- */

struct alvh_chain;

/*! alvh_arg_chain() : a chain argument: CBOE's quote table download (quotedata.csv) as opened in
 *  or pasted into a sheet, from its first line (the underlying and "Last: ...") to its last
 *  quote row; row N of the range is line N of the file (a blank first line may be left out or
 *  kept). Read by the file's reader (alvh_chain_parse) on the range written back as the file's
 *  text: numbers with the digits that read back exactly, an expiration Calc turned into a date
 *  written as CBOE writes it. chain is zeroed first; on success free it (alvh_chain_free).
 *  @return : ALVH_OK; ALVH_E_MISSING (no range, or only blank cells); the reader's statuses with
 *            its sentence ("<argname>: row N, column M ...": the row is the line); ALVH_E_NO_MEMORY. */
alvh_status alvh_arg_chain(const alvh_value *v, const char *argname, struct alvh_chain *chain,
                           alvh_result *out);

/* ---- positions: a condor's strikes, legs, VIX call layers (args_positions.c) ---------------- */

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

/*! alvh_arg_legs() :
 *  A legs range as malloc'ed legs. Layout: one row per leg, columns type ("C"/"P"/"CALL"/
 *  "PUT"/1/-1), strike (points), quantity (+ long, - short), years, vol; columns beyond the
 *  fifth are ignored (so IC_LEGS's output is a legs range). Rows whose first five cells are all
 *  empty are skipped (blank lines in a sheet); at least one leg is required.
 *  @return : ALVH_OK (free *legs with free()), ALVH_E_LEGS (fewer than 5 columns, no legs, an
 *            empty or text cell where a number belongs), ALVH_E_OPTION_TYPE, ALVH_E_STRIKE,
 *            ALVH_E_YEARS, ALVH_E_VOL, ALVH_E_NO_MEMORY; out's message names row and column. */
alvh_status alvh_arg_legs(const alvh_value *range, const char *argname, alvh_leg **legs,
                          size_t *n, alvh_result *out);

/*! alvh_arg_hedge() :
 *  A hedge range as malloc'ed VIX call layers, in one of two layouts (told apart by the number
 *  of columns):
 *    5 columns   future, strike, contracts, years, vol_of_vol (one row per layer: the legs
 *                layout with the VIX future in place of the type; calls only);
 *    13 columns  ALVH_SCHEDULE's output (layer, expiry, days, strike, contracts, future, ...):
 *                years = days/365 and vol_of_vol = the policy's layers[layer].vol_of_vol.
 *  Rows whose cells are all empty are skipped; at least one layer is required.
 *  @return : ALVH_OK (free *calls), ALVH_E_HEDGE, layer statuses, ALVH_E_NO_MEMORY; out's
 *            message names the row and column. */
alvh_status alvh_arg_hedge(const alvh_value *range, const char *argname, const alvh_policy *p,
                           alvh_vix_call **calls, size_t *n, alvh_result *out);

/* ---- file paths (args_files.c) ------------------------------------------------------------- */

/*! alvh_arg_locate_file() :
 *  Reads a relative policy-file path in an argument from the calling document's folder: when
 *  out->context is set and v is text (or a one-cell range holding text) that names a relative
 *  .json file (alvh_policy_relative_file), v is changed to name "<folder>/<path>", stored in
 *  *store (free it with free() after the call; NULL when nothing changed) and, for a range, in
 *  *cell. Anything else is left as it is.
 *  @return : ALVH_OK; ALVH_E_POLICY_FILE when the document has no folder (never saved), with a
 *            sentence naming argname; ALVH_E_NO_MEMORY. */
alvh_status alvh_arg_locate_file(const char *argname, alvh_value *v, alvh_value *cell,
                                 char **store, alvh_result *out);

#endif
