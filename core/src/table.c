/* table.c: the function table's registry (the groups of rows, alvh_table_*) and the generic
 * call path shared by the add-in and the CLI (alvh_call): argument validation, defaults,
 * result checks and error sentences. Results are value.c's; argument readers are args.c's. */
#include "alvh/table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* -- groups: one ALVH_DECLARE_GROUP line per fn_<concept>.c -- */
ALVH_DECLARE_GROUP(pricing);
ALVH_DECLARE_GROUP(ivs);
ALVH_DECLARE_GROUP(dates);
ALVH_DECLARE_GROUP(signals);
ALVH_DECLARE_GROUP(vix);
ALVH_DECLARE_GROUP(hedge);
ALVH_DECLARE_GROUP(putspread);
ALVH_DECLARE_GROUP(chain);
ALVH_DECLARE_GROUP(backtest);
ALVH_DECLARE_GROUP(condor);
ALVH_DECLARE_GROUP(scenario);
ALVH_DECLARE_GROUP(utility);

typedef struct {
    const alvh_func *rows;
    const size_t *count;
} group;

/* The order here is the order of `alvh list` and of the README reference. */
static const group k_groups[] = {
    /* -- one line per group, in display order; utility stays last -- */
    {alvh_fn_pricing, &alvh_fn_pricing_count},
    {alvh_fn_ivs, &alvh_fn_ivs_count},
    {alvh_fn_dates, &alvh_fn_dates_count},
    {alvh_fn_signals, &alvh_fn_signals_count},
    {alvh_fn_vix, &alvh_fn_vix_count},
    {alvh_fn_hedge, &alvh_fn_hedge_count},
    {alvh_fn_putspread, &alvh_fn_putspread_count},
    {alvh_fn_backtest, &alvh_fn_backtest_count},
    {alvh_fn_condor, &alvh_fn_condor_count},
    {alvh_fn_scenario, &alvh_fn_scenario_count},
    {alvh_fn_chain, &alvh_fn_chain_count},
    {alvh_fn_utility, &alvh_fn_utility_count},
};

const char *alvh_arg_type_key(alvh_arg_type type)
{
    switch (type) {
    case ALVH_ARG_NUMBER: return "number";
    case ALVH_ARG_TEXT: return "text";
    case ALVH_ARG_SCALAR: return "scalar";
    case ALVH_ARG_RANGE: return "range";
    case ALVH_ARG_NUMBER_ARRAY: return "number_array";
    case ALVH_ARG_ANY: return "any";
    default: return "varargs";
    }
}

size_t alvh_table_size(void)
{
    size_t n = 0;
    for (size_t g = 0; g < sizeof k_groups / sizeof k_groups[0]; ++g)
        n += *k_groups[g].count;
    return n;
}

const alvh_func *alvh_table_get(size_t index)
{
    for (size_t g = 0; g < sizeof k_groups / sizeof k_groups[0]; ++g) {
        if (index < *k_groups[g].count)
            return &k_groups[g].rows[index];
        index -= *k_groups[g].count;
    }
    return NULL;
}

const alvh_func *alvh_table_find(const char *name)
{
    size_t n = alvh_table_size();
    for (size_t i = 0; i < n; ++i) {
        const alvh_func *f = alvh_table_get(i);
        if (alvh_strieq(f->name, name))
            return f;
    }
    return NULL;
}

/* ---- the generic call path ------------------------------------------------------------------ */

/* The argument a status is about, to append ", got <value>" to a bare status sentence. */
static const char *status_argument(alvh_status s)
{
    switch (s) {
    case ALVH_E_SPOT: return "spot";
    case ALVH_E_STRIKE: return "strike";
    case ALVH_E_YEARS: return "years";
    case ALVH_E_VOL: return "vol";
    case ALVH_E_RATE: return "rate";
    case ALVH_E_DIV_YIELD: return "div_yield";
    case ALVH_E_PRICE: return "price";
    case ALVH_E_FORWARD: return "forward";
    case ALVH_E_DELTA: return "delta";
    default: return NULL;
    }
}

/* A NUMBER_ARRAY argument given as a range: the range itself when every cell is a number, else a
 * copy (in *owned, the caller frees it) whose EMPTY and TEXT cells read as 0, as Calc's double
 * arrays do. */
static alvh_status numbers_range(const alvh_arg_spec *s, alvh_value *v, alvh_value **owned,
                                 alvh_result *out)
{
    size_t n = v->rows * v->cols;
    if (n > 0 && !v->cells)
        return alvh_fail(out, ALVH_E_RANGE_SHAPE, "%s: the range has no cells", s->name);
    size_t i = 0;
    while (i < n && v->cells[i].kind == ALVH_NUMBER)
        ++i;
    if (i == n)
        return ALVH_OK;
    alvh_value *copy = malloc(n * sizeof *copy);
    if (!copy)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    for (size_t k = 0; k < n; ++k) {
        const alvh_value *c = &v->cells[k];
        if (c->kind == ALVH_NUMBER || c->kind == ALVH_EMPTY || c->kind == ALVH_TEXT) {
            copy[k] = (alvh_value){.kind = ALVH_NUMBER,
                                   .number = c->kind == ALVH_NUMBER ? c->number : 0.0};
        } else {
            free(copy);
            return alvh_fail(out, ALVH_E_RANGE_VALUE, "%s: item %zu must be a number", s->name,
                             k + 1);
        }
    }
    *owned = copy;
    v->cells = copy;
    return ALVH_OK;
}

/* The storage of one call's normalised arguments: the fixed arguments in place, a varargs tail
 * on the heap only when the call passes more than ALVH_MAX_ARGS arguments. */
typedef struct {
    alvh_value inline_norm[ALVH_MAX_ARGS];
    alvh_value *norm;                  /* inline_norm, or malloc'ed for a long varargs call */
    alvh_value wrapped[ALVH_MAX_ARGS]; /* a single value given for a range, as a 1x1 range */
    alvh_value cell[ALVH_MAX_ARGS];    /* a one-cell range whose text named a relative file */
    alvh_value *owned[ALVH_MAX_ARGS];  /* normalised copies of NUMBER_ARRAY ranges */
    char *paths[ALVH_MAX_ARGS];        /* relative file paths made absolute */
} call_args;

static void call_args_free(call_args *c)
{
    for (size_t i = 0; i < ALVH_MAX_ARGS; ++i) {
        free(c->owned[i]);
        free(c->paths[i]);
    }
    if (c->norm != c->inline_norm)
        free(c->norm);
}

/* Fixed argument i of f, given as v, checked against its spec and given its default. */
static alvh_status normalise_one(const alvh_arg_spec *s, alvh_value v, size_t i, call_args *c,
                                 alvh_result *out)
{
    if (s->type == ALVH_ARG_ANY) { /* the adapter explains whatever it gets */
        c->norm[i] = v;
        return ALVH_OK;
    }
    int ranged = s->type == ALVH_ARG_RANGE || s->type == ALVH_ARG_NUMBER_ARRAY;
    char got[96];
    if (v.kind == ALVH_RANGE && !ranged) {
        if (v.rows * v.cols != 1 || !v.cells)
            return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                             "%s must be a single value, got a %zux%zu range", s->name, v.rows,
                             v.cols);
        v = v.cells[0];
    }
    if (v.kind == ALVH_EMPTY) {
        if (!s->optional)
            return alvh_fail(out, ALVH_E_MISSING, "%s is required (%s)", s->name,
                             s->description);
        if (s->type == ALVH_ARG_NUMBER || s->type == ALVH_ARG_NUMBER_ARRAY) {
            v.kind = ALVH_NUMBER;
            v.number = s->default_number;
        } else if ((s->type == ALVH_ARG_TEXT || s->type == ALVH_ARG_SCALAR) && s->default_text) {
            v.kind = ALVH_TEXT;
            v.text = s->default_text;
        }
    } else if (s->type == ALVH_ARG_NUMBER && v.kind != ALVH_NUMBER) {
        return alvh_fail(out, ALVH_E_ARG_TYPE, "%s must be a number, got text \"%.60s\"",
                         s->name, v.text);
    } else if (s->type == ALVH_ARG_TEXT && v.kind != ALVH_TEXT) {
        alvh_describe_value(&v, got, sizeof got);
        return alvh_fail(out, ALVH_E_ARG_TYPE, "%s must be text (%s), got %s", s->name,
                         s->description, got);
    } else if (s->type == ALVH_ARG_NUMBER_ARRAY && v.kind == ALVH_TEXT) {
        return alvh_fail(out, ALVH_E_ARG_TYPE,
                         "%s must be a range of numbers, got text \"%.60s\"", s->name, v.text);
    } else if (s->type == ALVH_ARG_NUMBER_ARRAY && v.kind == ALVH_RANGE) {
        alvh_status st = numbers_range(s, &v, &c->owned[i], out);
        if (st != ALVH_OK)
            return st;
    }
    if (ranged && v.kind != ALVH_RANGE && v.kind != ALVH_EMPTY) {
        c->wrapped[i] = v; /* a single value is a 1x1 range */
        v = (alvh_value){.kind = ALVH_RANGE, .rows = 1, .cols = 1, .cells = &c->wrapped[i]};
    }
    c->norm[i] = v;
    /* A relative policy-file path reads from the calling document's folder. */
    return alvh_arg_locate_file(s->name, &c->norm[i], &c->cell[i], &c->paths[i], out);
}

static alvh_status normalise(const alvh_func *f, const alvh_value *args, size_t nargs,
                             call_args *c, size_t *nnorm, alvh_result *out)
{
    size_t nspec = f->nargs;
    int varargs = nspec > 0 && f->args[nspec - 1].type == ALVH_ARG_VARARGS;
    size_t most = varargs ? (size_t)ALVH_MAX_CALL_ARGS : nspec;
    if (nargs > most)
        return alvh_fail(out, ALVH_E_ARG_COUNT, "%s takes at most %zu argument%s, got %zu",
                         f->name, most, most == 1 ? "" : "s", nargs);
    size_t fixed = varargs ? nspec - 1 : nspec;
    size_t total = nargs > fixed ? nargs : fixed;
    if (total > ALVH_MAX_ARGS) {
        c->norm = malloc(total * sizeof *c->norm);
        if (!c->norm)
            return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    }
    for (size_t i = 0; i < fixed; ++i) {
        alvh_status st = normalise_one(&f->args[i], i < nargs ? args[i] : (alvh_value){0}, i, c,
                                       out);
        if (st != ALVH_OK)
            return st;
    }
    for (size_t i = fixed; i < nargs; ++i)
        c->norm[i] = args[i];
    *nnorm = total;
    return ALVH_OK;
}

/* "spot 5000, strike 4800, type text "C", legs a 4x5 range of 0.1 to 5275": the arguments of a
 * call as the Function Wizard names them, for a sentence about the call as a whole. Cut at
 * size. */
static void describe_args(const alvh_func *f, const alvh_value *norm, size_t n, char *buf,
                          size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && i < f->nargs && used + 1 < size; ++i) {
        const alvh_arg_spec *s = &f->args[i];
        if (s->type == ALVH_ARG_VARARGS || norm[i].kind == ALVH_EMPTY)
            continue;
        char got[128];
        alvh_describe_span(&norm[i], got, sizeof got);
        int k = snprintf(buf + used, size - used, "%s%s %s", used ? ", " : "", s->name, got);
        if (k < 0 || (size_t)k >= size - used) {
            buf[used] = '\0'; /* no half argument */
            break;
        }
        used += (size_t)k;
    }
}

/* NaN never escapes: every numeric result cell must be finite. */
static alvh_status check_finite(const alvh_func *f, const alvh_value *norm, size_t n,
                                alvh_result *out)
{
    size_t cells = out->rows * out->cols;
    for (size_t i = 0; i < cells; ++i)
        if (out->cells[i].kind == ALVH_NUMBER && !isfinite(out->cells[i].number)) {
            char args[320];
            describe_args(f, norm, n, args, sizeof args);
            return alvh_fail(out, ALVH_E_NOT_FINITE,
                             "the result is not a finite number (overflow or undefined) for "
                             "these inputs: %s", args[0] ? args : "none");
        }
    return ALVH_OK;
}

/* A bare status from an engine (no sentence): name the argument it is about and what it got, or
 * failing that, the arguments of the call. */
static void explain_bare_status(const alvh_func *f, const alvh_value *norm, size_t n,
                                alvh_status st, alvh_result *out)
{
    const char *arg = status_argument(st);
    for (size_t i = 0; arg && i < f->nargs && i < n; ++i)
        if (strcmp(f->args[i].name, arg) == 0 && norm[i].kind == ALVH_NUMBER) {
            alvh_fail_named(out, st, arg, norm[i].number);
            return;
        }
    char args[320];
    describe_args(f, norm, n, args, sizeof args);
    alvh_fail(out, st, "%s, for %s", alvh_status_message(st), args[0] ? args : "no arguments");
}

alvh_status alvh_call(const alvh_func *f, const alvh_value *args, size_t nargs, alvh_result *out)
{
    alvh_result_free(out);
    out->status = ALVH_OK;
    out->warning = ALVH_OK;
    out->message[0] = '\0';

    call_args c; /* only what call_args_free reads is cleared: this is every cell's path */
    c.norm = c.inline_norm;
    memset(c.owned, 0, sizeof c.owned);
    memset(c.paths, 0, sizeof c.paths);
    size_t nnorm = 0;
    alvh_status st = normalise(f, args, nargs, &c, &nnorm, out);
    if (st == ALVH_OK)
        st = f->eval(c.norm, nnorm, out);
    if (st == ALVH_OK && (!out->cells || out->rows * out->cols == 0))
        st = alvh_fail(out, ALVH_E_NOT_FINITE, "%s produced no result", f->name);
    if (st == ALVH_OK)
        st = check_finite(f, c.norm, nnorm, out);
    if (st == ALVH_OK && out->warning == ALVH_OK)
        out->message[0] = '\0'; /* a success says nothing unless it warns */
    if (st != ALVH_OK) {
        alvh_result_free(out);
        out->status = st;
        out->warning = ALVH_OK;
        if (out->message[0] == '\0')
            explain_bare_status(f, c.norm, nnorm, st, out);
    }
    call_args_free(&c);
    out->status = st;
    return st;
}

alvh_status alvh_call_by_name(const char *name, const alvh_value *args, size_t nargs,
                              alvh_result *out)
{
    const alvh_func *f = alvh_table_find(name);
    if (!f) {
        alvh_result_free(out);
        return alvh_fail(out, ALVH_E_UNKNOWN_FUNCTION,
                         "there is no ALVH Calc function named \"%.60s\"", name ? name : "");
    }
    return alvh_call(f, args, nargs, out);
}
