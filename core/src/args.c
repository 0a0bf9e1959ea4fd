/* args.c: the spreadsheet-argument layer (args.h): readers of generic values (option types,
 * sides, vectors of numbers, blank ranges, the policy) and the failure sentences that name what
 * the user gave. The structured ranges (strikes, legs, hedge layers) are in args_positions.c. */
#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- failure sentences ---------------------------------------------------------------------- */

void alvh_describe_value(const alvh_value *v, char *buf, size_t size)
{
    switch (v->kind) {
    case ALVH_EMPTY: snprintf(buf, size, "an empty cell"); break;
    case ALVH_NUMBER: {
        char num[32];
        alvh_format_number(num, sizeof num, v->number);
        snprintf(buf, size, "%s", num);
        break;
    }
    case ALVH_TEXT:
        if (v->text[0] == '\0')
            snprintf(buf, size, "an empty cell"); /* Calc's empty cells of a range are "" */
        else
            snprintf(buf, size, "text \"%.60s\"", v->text);
        break;
    case ALVH_RANGE:
        if (v->rows * v->cols == 1 && v->cells && v->cells[0].kind != ALVH_RANGE)
            alvh_describe_value(&v->cells[0], buf, size); /* a single cell is its value */
        else
            snprintf(buf, size, "a %zux%zu range", v->rows, v->cols);
        break;
    }
}

void alvh_describe_span(const alvh_value *v, char *buf, size_t size)
{
    size_t n = v->kind == ALVH_RANGE && v->cells ? v->rows * v->cols : 0;
    double lo = (double)INFINITY, hi = -(double)INFINITY;
    for (size_t i = 0; i < n; ++i)
        if (v->cells[i].kind == ALVH_NUMBER) {
            lo = fmin(lo, v->cells[i].number);
            hi = fmax(hi, v->cells[i].number);
        }
    if (n < 2 || lo > hi) {
        alvh_describe_value(v, buf, size);
        return;
    }
    char a[32], b[32];
    alvh_format_number(a, sizeof a, lo);
    alvh_format_number(b, sizeof b, hi);
    snprintf(buf, size, "a %zux%zu range of %s to %s", v->rows, v->cols, a, b);
}

alvh_status alvh_fail_value(alvh_result *out, alvh_status status, double got)
{
    char num[32];
    alvh_format_number(num, sizeof num, got);
    return alvh_fail(out, status, "%s, got %s", alvh_status_message(status), num);
}

alvh_status alvh_fail_named(alvh_result *out, alvh_status status, const char *name, double got)
{
    const char *sentence = alvh_status_message(status);
    size_t n = strlen(name);
    /* The status sentence names a generic argument ("days", "dividend yield"): say which. */
    int named = strncmp(sentence, name, n) == 0 && (sentence[n] == ' ' || sentence[n] == ',');
    if (named)
        return alvh_fail_value(out, status, got);
    char num[32];
    alvh_format_number(num, sizeof num, got);
    return alvh_fail(out, status, "%s: %s, got %s", name, sentence, num);
}

alvh_status alvh_fail_rule(alvh_result *out, alvh_status status, const char *name,
                           const char *rule, double got)
{
    char num[32];
    alvh_format_number(num, sizeof num, got);
    return alvh_fail(out, status, "%s must be %s, got %s", name, rule, num);
}

/* ---- blank cells and ranges ----------------------------------------------------------------- */

int alvh_cell_blank(const alvh_value *c)
{
    return c->kind == ALVH_EMPTY || (c->kind == ALVH_TEXT && c->text && c->text[0] == '\0');
}

int alvh_arg_blank(const alvh_value *v)
{
    if (v->kind != ALVH_RANGE)
        return alvh_cell_blank(v);
    size_t n = v->rows * v->cols;
    for (size_t i = 0; i < n; ++i)
        if (!alvh_cell_blank(&v->cells[i]))
            return 0;
    return 1;
}

/* ---- scalars -------------------------------------------------------------------------------- */

/* A sign given as 1 or -1, or as one of two words for +1 or two words for -1 (any case).
 * Returns nonzero and sets *sign when v is one of them. */
static int read_sign(const alvh_value *v, const char *const plus[2], const char *const minus[2],
                     int *sign)
{
    if (v->kind == ALVH_NUMBER && (v->number == 1.0 || v->number == -1.0)) {
        *sign = v->number > 0 ? 1 : -1;
        return 1;
    }
    if (v->kind != ALVH_TEXT)
        return 0;
    if (alvh_strieq(v->text, plus[0]) || alvh_strieq(v->text, plus[1]))
        *sign = 1;
    else if (alvh_strieq(v->text, minus[0]) || alvh_strieq(v->text, minus[1]))
        *sign = -1;
    else
        return 0;
    return 1;
}

alvh_status alvh_arg_option_type(const alvh_value *v, const char *argname, int *kind,
                                 alvh_result *out)
{
    static const char *const call[2] = {"C", "CALL"}, *const put[2] = {"P", "PUT"};
    if (read_sign(v, call, put, kind))
        return ALVH_OK;
    char got[96];
    alvh_describe_value(v, got, sizeof got);
    return alvh_fail(out, ALVH_E_OPTION_TYPE, "%s: option type must be \"C\", \"P\", \"CALL\", "
                     "\"PUT\", 1 or -1, got %s", argname, got);
}

alvh_status alvh_arg_side(const alvh_value *v, int *side, alvh_result *out)
{
    static const char *const upper[2] = {"UPPER", "U"}, *const lower[2] = {"LOWER", "L"};
    if (read_sign(v, upper, lower, side))
        return ALVH_OK;
    char got[96];
    alvh_describe_value(v, got, sizeof got);
    return alvh_fail(out, ALVH_E_SIDE,
                     "side must be \"LOWER\" (or -1) or \"UPPER\" (or 1), got %s", got);
}

/* ---- rows and columns of numbers ------------------------------------------------------------ */

alvh_status alvh_arg_line(const alvh_value *v, const char *argname, const alvh_value **cells,
                          size_t *len, alvh_result *out)
{
    if (v->kind == ALVH_NUMBER) {
        *cells = v;
        *len = 1;
        return ALVH_OK;
    }
    if (v->kind != ALVH_RANGE || v->rows == 0 || v->cols == 0)
        return alvh_fail(out, ALVH_E_RANGE_SHAPE, "%s must be a range of numbers", argname);
    if (v->rows != 1 && v->cols != 1)
        return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                         "%s must be a single row or column, got a %zux%zu range", argname,
                         v->rows, v->cols);
    *cells = v->cells;
    *len = v->rows * v->cols;
    return ALVH_OK;
}

alvh_status alvh_arg_vector(const alvh_value *v, const char *argname, int allow_empty_tail,
                            double **data, size_t *n, alvh_result *out)
{
    *data = NULL;
    *n = 0;
    const alvh_value *cells = NULL;
    size_t len = 0;
    alvh_status st = alvh_arg_line(v, argname, &cells, &len, out);
    if (st != ALVH_OK)
        return st;
    if (allow_empty_tail)
        while (len > 0 && cells[len - 1].kind == ALVH_EMPTY)
            --len;
    if (len == 0)
        return alvh_fail(out, ALVH_E_RANGE_SHAPE, "%s is empty", argname);
    double *d = malloc(len * sizeof *d);
    if (!d)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    for (size_t i = 0; i < len; ++i) {
        const alvh_value *c = &cells[i];
        if (c->kind != ALVH_NUMBER) {
            char got[96];
            alvh_describe_value(c, got, sizeof got);
            free(d);
            return alvh_fail(out, ALVH_E_RANGE_VALUE, "%s: item %zu must be a number, got %s",
                             argname, i + 1, got);
        }
        d[i] = c->number;
    }
    *data = d;
    *n = len;
    return ALVH_OK;
}

alvh_status alvh_arg_exact(const alvh_value *v, const char *argname, size_t n, double *x,
                           alvh_status count_status, const char *count_fmt, alvh_result *out)
{
    double *d = NULL;
    size_t got = 0;
    alvh_status st = alvh_arg_vector(v, argname, 1, &d, &got, out);
    if (st != ALVH_OK)
        return st;
    if (got == n)
        memcpy(x, d, n * sizeof *x);
    else
        st = alvh_fail(out, count_status, count_fmt, got);
    free(d);
    return st;
}

/* ---- the policy ----------------------------------------------------------------------------- */


alvh_status alvh_arg_columns(const alvh_value *a, const char *const *names, size_t ncols,
                             size_t *rows, alvh_result *out)
{
    *rows = 1;
    for (size_t c = 0; c < ncols; ++c) {
        if (a[c].cols != 1 || a[c].rows == 0)
            return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                             "%s must be a single column (or a single value), got a %zux%zu range",
                             names[c], a[c].rows, a[c].cols);
        if (a[c].rows > *rows)
            *rows = a[c].rows;
    }
    for (size_t c = 0; c < ncols; ++c)
        if (a[c].rows != 1 && a[c].rows != *rows)
            return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                             "%s has %zu rows where another column has %zu: the columns must "
                             "have the same length (or be a single value, used for every row)",
                             names[c], a[c].rows, *rows);
    return ALVH_OK;
}

double alvh_arg_column_cell(const alvh_value *col, size_t r)
{
    return col->rows == 1 ? col->cells[0].number : col->cells[r].number;
}
