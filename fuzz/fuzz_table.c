/* fuzz_table.c: libFuzzer target for every spreadsheet function through alvh_call(), the path
 * Calc and the CLI take. Calc runs this code in its own process: a crash loses the user's work.
 *
 * Build and run (clang):
 *   CC=clang cmake -S . -B build-fuzz -DALVH_FUZZ=ON -DALVH_SANITIZE=ON -DALVH_BUILD_ADDIN=OFF
 *   cmake --build build-fuzz --target fuzz_table
 *   build-fuzz/fuzz/fuzz_table -max_total_time=600 -timeout=5 fuzz/corpus_table
 *
 * An input is byte 0: the function (index into the table), byte 1: which of its documented
 * examples to start from, then mutations of three bytes each + payload: the argument to
 * replace (or, beyond the last, one to append) and what to put there: omitted, a number (one of
 * a list of edge values, or 8 raw bytes: NaNs, infinities and subnormals included), a text (one
 * of the words the functions know, a fragment of a policy, or raw bytes) or a small range of
 * such cells. Starting from the examples keeps most arguments valid, so the mutations reach the
 * checks deep inside each function, not only the first one.
 * Properties checked beyond "no crash, leak, hang or sanitizer report":
 *   - success: at least one cell, every number finite, every text non-NULL;
 *   - failure: a non-empty message and no cells;
 *   - the same call twice gives the same result, bit for bit (no uninitialised reads). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_CELLS 4096 /* every range cell of one call, examples' ranges included */
#define MAX_TEXT 64

typedef struct {
    alvh_value args[ALVH_MAX_ARGS];
    size_t nargs;
    alvh_value cells[MAX_CELLS];
    size_t ncells;
    char text[MAX_CELLS][MAX_TEXT]; /* storage for texts: one slot per cell or argument */
    size_t ntext;
} call;

static const char *store_text(call *c, const char *s, size_t n)
{
    if (c->ntext >= MAX_CELLS)
        return "";
    char *t = c->text[c->ntext++];
    if (n >= MAX_TEXT)
        n = MAX_TEXT - 1;
    memcpy(t, s, n);
    t[n] = '\0';
    return t;
}

/* One scalar from JSON (a range cell) or from example text. */
static alvh_value scalar_from_text(call *c, const char *s, size_t n)
{
    alvh_value v = {0};
    char buf[MAX_TEXT], *end;
    if (n == 0)
        return v; /* EMPTY */
    if (n < sizeof buf) {
        memcpy(buf, s, n);
        buf[n] = '\0';
        double x = strtod(buf, &end);
        if (end != buf && *end == '\0') {
            v.kind = ALVH_NUMBER;
            v.number = x;
            return v;
        }
    }
    v.kind = ALVH_TEXT;
    v.text = store_text(c, s, n);
    return v;
}

static alvh_value range_from_json(call *c, const char *s, size_t n)
{
    alvh_value v = {0};
    cJSON *root = cJSON_ParseWithLength(s, n);
    if (!cJSON_IsArray(root)) {
        cJSON_Delete(root);
        return scalar_from_text(c, s, n);
    }
    size_t rows = (size_t)cJSON_GetArraySize(root), cols = 1;
    const cJSON *row;
    cJSON_ArrayForEach(row, root)
    {
        if (cJSON_IsArray(row) && (size_t)cJSON_GetArraySize(row) > cols)
            cols = (size_t)cJSON_GetArraySize(row);
    }
    if (rows == 0 || rows * cols > MAX_CELLS - c->ncells) {
        cJSON_Delete(root);
        return v;
    }
    alvh_value *cells = c->cells + c->ncells;
    c->ncells += rows * cols;
    memset(cells, 0, rows * cols * sizeof *cells);
    size_t i = 0;
    cJSON_ArrayForEach(row, root)
    {
        const cJSON *cell = row;
        size_t j = 0;
        if (cJSON_IsArray(row))
            cell = row->child;
        for (; cell && j < cols; ++j, cell = cJSON_IsArray(row) ? cell->next : NULL) {
            alvh_value *out = &cells[i * cols + j];
            if (cJSON_IsNumber(cell)) {
                out->kind = ALVH_NUMBER;
                out->number = cell->valuedouble;
            } else if (cJSON_IsString(cell)) {
                out->kind = ALVH_TEXT;
                out->text = store_text(c, cell->valuestring, strlen(cell->valuestring));
            }
        }
        ++i;
    }
    cJSON_Delete(root);
    v.kind = ALVH_RANGE;
    v.rows = rows;
    v.cols = cols;
    v.cells = cells;
    return v;
}

/* Example number `which` of f (one call per line, tab-separated, "" omits). */
static void load_example(call *c, const alvh_func *f, unsigned which)
{
    const char *ex = f->examples ? f->examples : "";
    size_t lines = 1;
    for (const char *p = ex; *p; ++p)
        lines += *p == '\n' && p[1] != '\0';
    which %= (unsigned)lines;
    while (which-- > 0 && strchr(ex, '\n'))
        ex = strchr(ex, '\n') + 1;
    const char *end = strchr(ex, '\n');
    if (!end)
        end = ex + strlen(ex);
    c->nargs = 0;
    while (ex <= end && c->nargs < ALVH_MAX_ARGS) {
        const char *tab = memchr(ex, '\t', (size_t)(end - ex));
        const char *stop = tab ? tab : end;
        size_t n = (size_t)(stop - ex);
        if (n == 2 && ex[0] == '"' && ex[1] == '"')
            c->args[c->nargs++] = (alvh_value){0};
        else if (n > 0 && ex[0] == '[')
            c->args[c->nargs++] = range_from_json(c, ex, n);
        else
            c->args[c->nargs++] = scalar_from_text(c, ex, n);
        if (!tab)
            break;
        ex = tab + 1;
    }
}

static const double k_numbers[] = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 14.0, 100.0, 1e-300,
                                   -1e-300, 1e300, -1e300, 4.9e-324, 1e-8, 45000.0, 46000.5,
                                   2958465.0, 2958466.0, -693594.0, 1e15, 0.999999999999,
                                   1.000000000001, 2147483648.0, 1e9, 252.0, 4096.0};
static const char *const k_words[] = {
    "C", "P", "call", "PUT", "x", "", "delta", "gamma", "vega", "theta", "rho", "vanna", "volga",
    "AM", "PM", "nearest", "down", "up", "carry", "debit", "short_strike", "max_loss", "margin",
    "rule", "vega", "layers", "layers.0.contracts", "signals.rsi_level", "backtest.capital",
    "{}", "{\"layers\":[]}", "{\"notional_basis\":\"margin\"}", "{\"backtest\":{\"capital\":0}}",
    "{\"layers\":[{\"contracts\":0},{},{}]}", "{\"signals\":{\"macd_fast\":30}}", "[", "{",
    "\"", "/nonexistent/policy.json", "BS_PRICE", "ALVH_ERROR", "bear2022", "crash2020"};

/* One scalar decoded from the input at *p; advances *p. */
static alvh_value decode_scalar(call *c, const uint8_t **p, const uint8_t *end)
{
    alvh_value v = {0};
    if (*p >= end)
        return v;
    uint8_t tag = *(*p)++;
    switch (tag % 5) {
    case 0: /* omitted / empty */
        return v;
    case 1:
        v.kind = ALVH_NUMBER;
        v.number = k_numbers[(size_t)(tag / 5) % (sizeof k_numbers / sizeof k_numbers[0])];
        return v;
    case 2: { /* 8 raw bytes: any double */
        uint64_t bits = 0;
        for (int i = 0; i < 8 && *p < end; ++i)
            bits = bits << 8 | *(*p)++;
        v.kind = ALVH_NUMBER;
        memcpy(&v.number, &bits, sizeof v.number);
        return v;
    }
    case 3:
        v.kind = ALVH_TEXT;
        v.text = k_words[(size_t)(tag / 5) % (sizeof k_words / sizeof k_words[0])];
        return v;
    default: { /* raw text, up to 15 bytes */
        size_t n = (size_t)(tag / 5) % 16;
        if (n > (size_t)(end - *p))
            n = (size_t)(end - *p);
        v.kind = ALVH_TEXT;
        v.text = store_text(c, (const char *)*p, n);
        *p += n;
        return v;
    }
    }
}

static alvh_value decode_value(call *c, const uint8_t **p, const uint8_t *end)
{
    if (*p >= end)
        return (alvh_value){0};
    if ((**p & 7) != 7)
        return decode_scalar(c, p, end);
    ++*p; /* a range: rows and cols 1..8 */
    size_t rows = 1, cols = 1;
    if (*p < end) {
        rows = 1 + (**p & 7);
        cols = 1 + (**p >> 3 & 7);
        ++*p;
    }
    alvh_value v = {0};
    if (rows * cols > MAX_CELLS - c->ncells)
        return v;
    alvh_value *cells = c->cells + c->ncells;
    c->ncells += rows * cols;
    for (size_t i = 0; i < rows * cols; ++i)
        cells[i] = decode_scalar(c, p, end);
    v.kind = ALVH_RANGE;
    v.rows = rows;
    v.cols = cols;
    v.cells = cells;
    return v;
}

static int same_value(const alvh_value *a, const alvh_value *b)
{
    if (a->kind != b->kind)
        return 0;
    if (a->kind == ALVH_NUMBER)
        return memcmp(&a->number, &b->number, sizeof a->number) == 0;
    if (a->kind == ALVH_TEXT)
        return strcmp(a->text, b->text) == 0;
    return 1;
}

static void check_result(const alvh_result *r)
{
    if (r->status == ALVH_OK) {
        if (r->rows == 0 || r->cols == 0 || !r->cells)
            abort();
        for (size_t i = 0; i < r->rows * r->cols; ++i) {
            const alvh_value *v = &r->cells[i];
            if ((v->kind == ALVH_NUMBER && !isfinite(v->number)) ||
                (v->kind == ALVH_TEXT && !v->text) || v->kind == ALVH_RANGE)
                abort();
        }
    } else if (r->message[0] == '\0' || (r->rows * r->cols != 0)) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const alvh_func *f = alvh_table_get(data[0] % alvh_table_size());
    if (!f)
        return 0;
    call *c = calloc(1, sizeof *c);
    if (!c)
        return 0;
    load_example(c, f, data[1]);
    const uint8_t *p = data + 2, *end = data + size;
    while (p < end) {
        size_t at = *p++ % (ALVH_MAX_ARGS + 1);
        alvh_value v = decode_value(c, &p, end);
        if (at < c->nargs)
            c->args[at] = v;
        else if (c->nargs < ALVH_MAX_ARGS)
            c->args[c->nargs++] = v;
    }
    alvh_result r1, r2;
    alvh_result_init(&r1);
    alvh_result_init(&r2);
    alvh_call(f, c->args, c->nargs, &r1);
    alvh_call(f, c->args, c->nargs, &r2);
    check_result(&r1);
    if (r1.status != r2.status || r1.rows != r2.rows || r1.cols != r2.cols ||
        strcmp(r1.message, r2.message) != 0)
        abort();
    for (size_t i = 0; i < r1.rows * r1.cols; ++i)
        if (!same_value(&r1.cells[i], &r2.cells[i]))
            abort();
    alvh_result_free(&r1);
    alvh_result_free(&r2);
    free(c);
    return 0;
}
