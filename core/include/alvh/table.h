/* alvh/table.h: the function table, the single source of truth for every spreadsheet function.
 *
 * Each row names a Calc function (BS_PRICE, ALVH_SIZE, ...), documents it and its arguments,
 * and holds the adapter that evaluates it from generic arguments. The UNO add-in, the `alvh`
 * CLI and the README's function reference all read this table; none of them knows a function
 * by hand, so a function behaves identically everywhere.
 *
 * Conventions shared by every function (stated once here, repeated in the README):
 *   - Option type: text "C"/"P" (any case, "CALL"/"PUT" too) or the numbers 1 / -1.
 *   - years: time to expiry in years, ACT/365 calendar time (intraday fractions allowed).
 *   - vol, rate, div_yield: decimals (0.20 is 20%), continuously compounded.
 *   - Greeks: delta, gamma per 1.00 of the underlying; vega per vol point (dV/dvol x 0.01);
 *     theta per calendar day (-dV/dyears / 365); rho per rate point (dV/drate x 0.01);
 *     vanna = d(delta)/d(vol) per vol point; volga = d(vega)/d(vol) per vol point.
 *   - Dates: spreadsheet serial date-times (days since 1899-12-30; the fraction is the time of
 *     day, exchange local time, US/Eastern).
 *
 * Arguments and results are the generic values of alvh/value.h (included here).
 *
 * Threading: the table is immutable; alvh_call() is reentrant and keeps no state.
 */
#ifndef ALVH_TABLE_H
#define ALVH_TABLE_H

#include <stddef.h>

#include "alvh/status.h"
#include "alvh/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most arguments a function declares (its varargs argument counted once). */
#define ALVH_MAX_ARGS 16

/* The most arguments one call may pass: LibreOffice Calc's limit for a function call. A varargs
 * function (ALVH_ERROR) takes up to this many; a call with more is an ALVH_E_ARG_COUNT error. */
#define ALVH_MAX_CALL_ARGS 255

typedef enum alvh_arg_type {
    ALVH_ARG_NUMBER = 0,  /* one number, a scalar (a 1x1 range is taken as its cell) */
    ALVH_ARG_TEXT = 1,    /* text */
    ALVH_ARG_SCALAR = 2,  /* a number or text, e.g. an option type "C" or 1 */
    ALVH_ARG_RANGE = 3,   /* a range (a single number is taken as a 1x1 range) */
    ALVH_ARG_VARARGS = 4, /* last argument only: zero or more values of any kind */
    /* A whole range of numbers, not a scalar: for fast whole-column functions (a single
     * number is taken as a 1x1 range). The add-in receives it as a double array, in which Calc turns empty and text
     * cells into 0; the generic path does the same (EMPTY and TEXT cells read as 0) so Calc
     * and the CLI agree. Text given as the whole argument is an ALVH_E_ARG_TYPE error. A
     * function taking NUMBER_ARRAY must reject 0 wherever 0 is not a meaningful value. */
    ALVH_ARG_NUMBER_ARRAY = 5,
    /* Any value, handed to the adapter exactly as given (EMPTY when omitted, ranges of any
     * shape, no default): for an adapter that explains every value itself, as ALVH_ERROR does
     * for its function name. "optional" only documents it; the table checks nothing. */
    ALVH_ARG_ANY = 6
} alvh_arg_type;

typedef struct alvh_arg_spec {
    const char *name;         /* a finance word: "spot", "vol", "legs" */
    const char *description;  /* Function Wizard text; states the unit */
    alvh_arg_type type;
    int optional;             /* nonzero: may be omitted */
    double default_number;    /* NUMBER arguments: the value used when omitted */
    const char *default_text; /* TEXT/SCALAR: the value used when omitted (NULL: stays EMPTY);
                                 NUMBER: how the default reads in help (NULL: the number) */
} alvh_arg_spec;

typedef enum alvh_shape {
    ALVH_SHAPE_SCALAR = 0,
    ALVH_SHAPE_ROW = 1,     /* 1 x n */
    ALVH_SHAPE_COLUMN = 2,  /* n x 1, aligned row for row with an input column */
    ALVH_SHAPE_MATRIX = 3   /* n x m */
} alvh_shape;

/* An adapter: unpacks normalised arguments, calls core, fills out. nargs is the number of
 * entries in args (the table's nargs, or more for a varargs function). */
typedef alvh_status (*alvh_eval_fn)(const alvh_value *args, size_t nargs, alvh_result *out);

typedef struct alvh_func {
    const char *name;       /* Calc name, upper case ASCII: "BS_PRICE" */
    const char *category;   /* "Pricing", "Dates", "VIX", "Hedge", "Condor", "Signals", ... */
    const char *summary;    /* one line: what it computes */
    const char *result_doc; /* the result: unit, and layout for arrays */
    alvh_shape shape;
    size_t nargs;
    const alvh_arg_spec *args;
    alvh_eval_fn eval;
    /* Example calls, the arguments only, in `alvh call --batch` syntax: one call per line,
     * arguments separated by tabs ("" omits one; [[...]] JSON is a range). At least two,
     * one of them leaving the optional arguments out. The README shows them and the Calc
     * tests evaluate each in a cell and against the CLI. */
    const char *examples;
} alvh_func;

/*! alvh_arg_type_key() : an argument type as one word, for machine-readable listings (the
 *  add-in's functions.json, `alvh list --json`): "number", "text", "scalar", "range",
 *  "number_array", "varargs", "any". */
const char *alvh_arg_type_key(alvh_arg_type type);

/*! alvh_table_size() : number of functions in the table. */
size_t alvh_table_size(void);

/*! alvh_table_get() : the function at index (0 <= index < size), else NULL. Order is stable
 *  within a build (by category, then as declared), not across versions. */
const alvh_func *alvh_table_get(size_t index);

/*! alvh_table_find() : the function named name (ASCII case-insensitive), else NULL. */
const alvh_func *alvh_table_find(const char *name);

/*! alvh_call() :
 *  Validates args against f's specs (count, required, types), fills the defaults of omitted
 *  optional arguments, evaluates, and checks that every numeric result cell is finite.
 *  args[i].kind == ALVH_EMPTY means argument i was omitted (or an empty cell). nargs is at
 *  most f's nargs, or ALVH_MAX_CALL_ARGS for a varargs function.
 *  out must have been initialised with alvh_result_init(); it is reset first, its context kept.
 *  With out->context set (the add-in), a text argument (or a single-cell range of text) naming
 *  a relative policy file (alvh_policy_relative_file) is read from the context's folder, and
 *  is an ALVH_E_POLICY_FILE error when there is none; without one (the CLI) it stays relative
 *  to the working directory.
 *  @return : out->status; on failure out->message explains it and out holds no cells. */
alvh_status alvh_call(const alvh_func *f, const alvh_value *args, size_t nargs, alvh_result *out);

/*! alvh_call_by_name() : alvh_call() on alvh_table_find(name); ALVH_E_UNKNOWN_FUNCTION if absent. */
alvh_status alvh_call_by_name(const char *name, const alvh_value *args, size_t nargs,
                              alvh_result *out);

#ifdef __cplusplus
}
#endif
#endif
