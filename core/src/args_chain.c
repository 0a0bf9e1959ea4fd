/* args_chain.c: an option chain given as a spreadsheet range (args.h, alvh_arg_chain): CBOE's
 * delayed quotes download (quotedata.csv, docs/chains.md) opened in Calc or pasted into a
 * sheet. The range's rows are the file's lines and its cells the fields, so the range is
 * written back as the file's text and read by the chain engine's own reader
 * (alvh_chain_parse): every rule of the layout, every check and every sentence is the file's,
 * and row N of the range is line N in them. What Calc's import changes is undone first: a
 * number cell is written with the digits that read back as the same double, and an expiration
 * that Calc recognised as a date ("Fri Oct 20 2023" -> a date serial) is written as CBOE
 * writes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/chain.h"
#include "alvh/dates.h"
#include "args.h"

/* A growing text. */
typedef struct {
    char *buf;
    size_t len, cap;
    int failed;
} text_buf;

static void append(text_buf *t, const char *s, size_t n)
{
    if (t->failed)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *b = realloc(t->buf, cap);
        if (!b) {
            t->failed = 1;
            return;
        }
        t->buf = b;
        t->cap = cap;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
}

/* A number with the fewest digits (15 or 17) that read back as the same double. */
static void append_number(text_buf *t, double x)
{
    char s[40];
    snprintf(s, sizeof s, "%.15g", x);
    if (strtod(s, NULL) != x)
        snprintf(s, sizeof s, "%.17g", x);
    append(t, s, strlen(s));
}

/* Text as a CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line end. */
static void append_text(text_buf *t, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        append(t, s, strlen(s));
        return;
    }
    append(t, "\"", 1);
    for (const char *p = s; *p; ++p) {
        append(t, p, 1);
        if (*p == '"')
            append(t, "\"", 1); /* doubled */
    }
    append(t, "\"", 1);
}

/* A date serial as CBOE writes an expiration: "Fri Oct 20 2023". 0 when not a whole date. */
static int append_expiration(text_buf *t, double serial)
{
    static const char *const wd[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const mo[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y = 0, m = 0, d = 0;
    if (serial != (double)(long long)serial || alvh_ymd_from_serial(serial, &y, &m, &d) != ALVH_OK)
        return 0;
    /* Serial 0 (1899-12-30) was a Saturday; the serial day count is continuous from there. */
    long long w = (((long long)serial + 6) % 7 + 7) % 7;
    char s[32];
    snprintf(s, sizeof s, "%s %s %02d %04d", wd[w], mo[m - 1], d, y);
    append(t, s, strlen(s));
    return 1;
}

/* The range's rows as the file's lines: trailing blank rows and each row's trailing blank
 * cells left out; row r >= 4 (a quote row) with a number in its first cell: an expiration. */
static void range_text(const alvh_value *v, text_buf *t)
{
    size_t rows = v->rows;
    while (rows > 0) {
        size_t c = 0;
        while (c < v->cols && alvh_cell_blank(&v->cells[(rows - 1) * v->cols + c]))
            ++c;
        if (c < v->cols)
            break;
        --rows;
    }
    for (size_t r = 0; r < rows; ++r) {
        const alvh_value *row = &v->cells[r * v->cols];
        size_t n = v->cols;
        while (n > 0 && alvh_cell_blank(&row[n - 1]))
            --n;
        for (size_t c = 0; c < n; ++c) {
            if (c > 0)
                append(t, ",", 1);
            if (row[c].kind == ALVH_TEXT)
                append_text(t, row[c].text);
            else if (row[c].kind == ALVH_NUMBER &&
                     !(c == 0 && r >= 3 && append_expiration(t, row[c].number)))
                append_number(t, row[c].number);
        }
        append(t, "\n", 1);
    }
}

alvh_status alvh_arg_chain(const alvh_value *v, const char *argname, alvh_chain *chain,
                           alvh_result *out)
{
    memset(chain, 0, sizeof *chain);
    if (v->kind != ALVH_RANGE || !v->cells || v->rows * v->cols == 0 || alvh_arg_blank(v))
        return alvh_fail(out, ALVH_E_MISSING, "%s is required: the range holding CBOE's quote "
                         "table download (quotedata.csv) as opened or pasted, from its first "
                         "line (the underlying and Last) to its last quote row", argname);
    text_buf t = {0};
    range_text(v, &t);
    if (t.failed || !t.buf) {
        free(t.buf);
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    }
    alvh_marketfile_error err;
    alvh_status st = alvh_chain_parse(t.buf, t.len, argname, chain, &err);
    free(t.buf);
    if (st == ALVH_OK)
        return ALVH_OK;
    alvh_chain_free(chain);
    /* The reader says "<argname>: line N, ...": here the line is the range's row. */
    size_t n = strlen(argname);
    if (err.line > 0 && strncmp(err.text, argname, n) == 0 &&
        strncmp(err.text + n, ": line ", 7) == 0)
        return alvh_fail(out, st, "%s: row %s", argname, err.text + n + 7);
    return alvh_fail(out, st, "%s", err.text);
}
