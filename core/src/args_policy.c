/* args_policy.c: the [policy] argument in its three forms (args.h, alvh_arg_policy): JSON text,
 * a JSON file's path, or a two-column range of key/value rows, the form a template shows as
 * input cells. Every form ends in the policy engine's own setter and checks (alvh/policy.h), so
 * a key means the same and is refused with the same sentence whichever way it is given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"

/* What one key/value row of the range reads as. */
typedef struct {
    char path[96];           /* the key's canonical dotted path */
    alvh_policy_scalar value;
    char *text;              /* a copy of the key, trimmed (owned) */
} policy_row;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A key as typed, without surrounding blanks (a cell's stray space), as a malloc'ed string. */
static char *trimmed(const char *s)
{
    while (is_space(*s))
        ++s;
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        --n;
    char *t = malloc(n + 1);
    if (t) {
        memcpy(t, s, n);
        t[n] = '\0';
    }
    return t;
}

/* The value cell of a row as the scalar its key takes: a number for number keys (a number
 * cell, or text holding exactly a number); TRUE/FALSE for true/false keys (Calc's TRUE and FALSE
 * arrive as 1 and 0; the words "true"/"false" in any case too); a word for word keys. Anything
 * else goes to alvh_policy_set as what it is, for the reader's own type sentence. */
static void value_of(const alvh_value *cell, alvh_policy_kind kind, alvh_policy_scalar *v)
{
    if (cell->kind == ALVH_NUMBER) {
        int boolean = kind == ALVH_POLICY_BOOL && (cell->number == 0.0 || cell->number == 1.0);
        *v = (alvh_policy_scalar){boolean ? ALVH_POLICY_BOOL : ALVH_POLICY_NUMBER, cell->number,
                                  NULL};
        return;
    }
    const char *t = cell->text ? cell->text : "";
    if (kind == ALVH_POLICY_BOOL && (alvh_strieq(t, "true") || alvh_strieq(t, "false"))) {
        *v = (alvh_policy_scalar){ALVH_POLICY_BOOL, alvh_strieq(t, "true") ? 1.0 : 0.0, NULL};
        return;
    }
    if (kind == ALVH_POLICY_NUMBER) {
        char *end;
        double x = strtod(t, &end);
        while (is_space(*end))
            ++end;
        if (end != t && *end == '\0' && !is_space(t[0])) {
            *v = (alvh_policy_scalar){ALVH_POLICY_NUMBER, x, NULL};
            return;
        }
    }
    *v = (alvh_policy_scalar){ALVH_POLICY_TEXT, 0.0, t};
}

/* Row r (0-based) of the range: its key and value, or a sentence naming the row. *skip: a
 * blank row. */
static alvh_status read_row(const alvh_value *range, size_t r, policy_row *row, int *skip,
                            alvh_result *out)
{
    const alvh_value *key = &range->cells[r * 2], *cell = &range->cells[r * 2 + 1];
    char got[96], err[ALVH_MESSAGE_SIZE];
    *skip = alvh_cell_blank(key) && alvh_cell_blank(cell);
    if (*skip)
        return ALVH_OK;
    if (alvh_cell_blank(key))
        return alvh_fail(out, ALVH_E_POLICY_KEY, "policy row %zu: the value has no key (column "
                         "1 holds keys such as signals.rsi_level)", r + 1);
    if (key->kind != ALVH_TEXT) {
        alvh_describe_value(key, got, sizeof got);
        return alvh_fail(out, ALVH_E_POLICY_KEY, "policy row %zu: a key is text such as "
                         "signals.rsi_level, got %s", r + 1, got);
    }
    row->text = trimmed(key->text);
    if (!row->text)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    alvh_policy_kind kind;
    alvh_status st = alvh_policy_key_kind(row->text, &kind, row->path, sizeof row->path, err,
                                          sizeof err);
    if (st != ALVH_OK)
        return alvh_fail(out, st, "policy row %zu: %s", r + 1, err);
    if (alvh_cell_blank(cell))
        return alvh_fail(out, ALVH_E_POLICY_TYPE, "policy row %zu: key \"%s\" has no value",
                         r + 1, row->path);
    value_of(cell, kind, &row->value);
    return ALVH_OK;
}

/* The key/value rows of range (rows x 2) applied to the default policy. */
static alvh_status read_range(const alvh_value *range, alvh_policy *p, alvh_result *out)
{
    policy_row *rows = calloc(range->rows, sizeof *rows);
    if (!rows)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    alvh_policy tmp;
    alvh_policy_default(&tmp);
    char err[ALVH_MESSAGE_SIZE];
    alvh_status st = ALVH_OK;
    for (size_t r = 0; st == ALVH_OK && r < range->rows; ++r) {
        int skip = 0;
        st = read_row(range, r, &rows[r], &skip, out);
        for (size_t q = 0; st == ALVH_OK && !skip && q < r; ++q)
            if (rows[q].text && strcmp(rows[q].path, rows[r].path) == 0)
                st = alvh_fail(out, ALVH_E_POLICY_KEY, "policy rows %zu and %zu both give key "
                               "\"%s\": give each key once", q + 1, r + 1, rows[r].path);
        if (st == ALVH_OK && !skip) {
            st = alvh_policy_set(&tmp, rows[r].text, &rows[r].value, err, sizeof err);
            if (st != ALVH_OK)
                alvh_fail(out, st, "policy row %zu: %s", r + 1, err);
        }
    }
    if (st == ALVH_OK) {
        st = alvh_policy_check(&tmp, err, sizeof err);
        if (st != ALVH_OK)
            alvh_fail(out, st, "%s", err);
    }
    if (st == ALVH_OK)
        memcpy(p, &tmp, sizeof tmp); /* padding too: policies compare byte for byte */
    for (size_t r = 0; r < range->rows; ++r)
        free(rows[r].text);
    free(rows);
    return st;
}

static alvh_status read_text(const char *text, alvh_policy *p, alvh_result *out)
{
    char err[ALVH_MESSAGE_SIZE];
    alvh_status st = alvh_policy_parse(text, p, err, sizeof err);
    if (st != ALVH_OK)
        return alvh_fail(out, st, "%s", err);
    return ALVH_OK;
}

alvh_status alvh_arg_policy(const alvh_value *v, alvh_policy *p, alvh_result *out)
{
    if (alvh_arg_blank(v)) {
        alvh_policy_default(p);
        return ALVH_OK;
    }
    const alvh_value *one = v->kind == ALVH_RANGE && v->rows * v->cols == 1 ? &v->cells[0] : v;
    if (one->kind == ALVH_TEXT)
        return read_text(one->text, p, out);
    if (v->kind == ALVH_RANGE && v->cols == 2)
        return read_range(v, p, out);
    char got[96];
    alvh_describe_value(one, got, sizeof got);
    return alvh_fail(out, one->kind == ALVH_RANGE ? ALVH_E_RANGE_SHAPE : ALVH_E_ARG_TYPE,
                     "policy must be JSON text, a JSON file path, or a range of two columns "
                     "(key, value) such as signals.rsi_level | 75, got %s", got);
}

alvh_status alvh_arg_policy_named(const alvh_value *v, const char *argname, alvh_policy *p,
                                  alvh_result *out)
{
    alvh_status st = alvh_arg_policy(v, p, out);
    if (st != ALVH_OK) {
        char why[ALVH_MESSAGE_SIZE];
        snprintf(why, sizeof why, "%s", out->message);
        alvh_fail(out, st, "%s: %s", argname, why);
    }
    return st;
}

int alvh_arg_is_policy_range(const alvh_value *v)
{
    if (v->kind != ALVH_RANGE || v->cols != 2)
        return 0;
    for (size_t i = 0; i < v->rows * v->cols; ++i)
        if (!alvh_cell_blank(&v->cells[i]))
            return v->cells[i].kind == ALVH_TEXT;
    return 0;
}
