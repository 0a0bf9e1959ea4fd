/* golden.h: the one reader of the committed test data (the .csv and .tsv files in tests/data)
 * for the C tests. Include it after check.h.
 *
 *   golden_file g;
 *   if (!golden_load(&g, "hedge_vixfut.csv", "years,vix_spot,long_run,speed,future"))
 *       return;                                  the load has already reported a FAIL
 *   for (size_t i = 0; i < g.rows; ++i)        or, for rows of numbers only: golden_each()
 *       golden_row(&g, i, n, v), golden_num(&g, i, col), golden_nums(&g, i, col, n, v),
 *       golden_text(&g, i, col), golden_cols(&g, i), golden_where(&g, i) (for messages)
 *   golden_free(&g);
 *
 * A file is lines of fields separated by one character: '\t' in a .tsv file, ',' otherwise.
 * "\n" or "\r\n" ends a line; a line starting with '#' is a comment; an empty line is skipped.
 * When header is not NULL, the first other line must be exactly header and is not a row.
 * Fields stay text (empty ones included); golden_num parses one as a number.
 *
 * Nothing is read silently wrong: the load CHECKs that the file opens, that the header is the
 * one given, and that there is at least one row; golden_num FAILs on a missing, empty or
 * malformed number (and returns NaN). Header-only (static inline) because check.h's counters
 * are per test executable. */
#ifndef ALVH_TESTS_GOLDEN_H
#define ALVH_TESTS_GOLDEN_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

typedef struct {
    char name[64];  /* the file name, for messages */
    char *text;     /* the whole file; split in place */
    char **fields;  /* every row's fields, row after row */
    size_t *first;  /* row i's fields are fields[first[i]] .. fields[first[i + 1] - 1] */
    size_t *line;   /* row i's line number in the file (1-based), for messages */
    size_t rows;
} golden_file;

static inline void golden_free(golden_file *g)
{
    free(g->text);
    free(g->fields);
    free(g->first);
    free(g->line);
    memset(g, 0, sizeof *g);
}

/* Reads ALVH_TEST_DATA/<name>; returns its number of rows, 0 (after a FAIL) when it cannot be
 * read, its header is not header, or it has no rows. */
static inline size_t golden_load(golden_file *g, const char *name, const char *header)
{
    memset(g, 0, sizeof *g);
    snprintf(g->name, sizeof g->name, "%s", name);
    char path[512];
    snprintf(path, sizeof path, "%s/%s", ALVH_TEST_DATA, name);
    FILE *fp = fopen(path, "rb");
    CHECK(fp != NULL, "cannot open %s", path);
    if (!fp)
        return 0;
    size_t size = 0, cap = 4096;
    char *text = malloc(cap);
    for (size_t got; text && (got = fread(text + size, 1, cap - size - 1, fp)) > 0;) {
        size += got;
        if (size + 1 == cap) {
            char *bigger = realloc(text, cap *= 2);
            if (!bigger)
                free(text);
            text = bigger;
        }
    }
    fclose(fp);
    if (!text) {
        CHECK(0, "%s: out of memory", name);
        return 0;
    }
    text[size] = '\0';
    g->text = text;

    const char sep = strlen(name) > 4 && strcmp(name + strlen(name) - 4, ".tsv") == 0 ? '\t' : ',';
    size_t lines = 1, seps = 0;
    for (size_t i = 0; i < size; ++i) {
        lines += g->text[i] == '\n';
        seps += g->text[i] == sep;
    }
    g->fields = malloc((lines + seps) * sizeof *g->fields);
    g->first = malloc((lines + 1) * sizeof *g->first);
    g->line = malloc(lines * sizeof *g->line);
    if (!g->fields || !g->first || !g->line) {
        CHECK(0, "%s: out of memory", name);
        golden_free(g);
        return 0;
    }
    int want_header = header != NULL, header_ok = header == NULL;
    size_t nf = 0;
    char *p = g->text;
    for (size_t lineno = 1; *p; ++lineno) {
        char *end = strchr(p, '\n'), *next = end ? end + 1 : p + strlen(p);
        if (end && end > p && end[-1] == '\r')
            --end;
        if (end)
            *end = '\0';
        if (*p != '\0' && *p != '#') {
            if (want_header) {
                want_header = 0;
                header_ok = strcmp(p, header) == 0;
                CHECK(header_ok, "%s: header \"%s\", want \"%s\"", name, p, header);
            } else {
                g->first[g->rows] = nf;
                g->line[g->rows++] = lineno;
                for (char *f = p;; ++f) {
                    g->fields[nf++] = f;
                    if ((f = strchr(f, sep)) == NULL)
                        break;
                    *f = '\0';
                }
            }
        }
        p = next;
    }
    g->first[g->rows] = nf;
    CHECK(g->rows > 0, "%s has no rows", name);
    if (!header_ok || g->rows == 0) {
        golden_free(g);
        return 0;
    }
    return g->rows;
}

/* The number of fields of row i. */
static inline size_t golden_cols(const golden_file *g, size_t i)
{
    return i < g->rows ? g->first[i + 1] - g->first[i] : 0;
}

/* "<file> line <n>" of row i, for messages (a static buffer: the next call overwrites it). */
static inline const char *golden_where(const golden_file *g, size_t i)
{
    static char where[96];
    snprintf(where, sizeof where, "%s line %zu", g->name, i < g->rows ? g->line[i] : 0);
    return where;
}

/* Field c of row i as text; "" when the row has no field c. */
static inline const char *golden_text(const golden_file *g, size_t i, size_t c)
{
    return c < golden_cols(g, i) ? g->fields[g->first[i] + c] : "";
}

/* Field c of row i as a number (strtod, the whole field); NaN after a FAIL when it is missing,
 * empty or not a number. */
static inline double golden_num(const golden_file *g, size_t i, size_t c)
{
    const char *s = golden_text(g, i, c);
    char *end = NULL;
    double x = strtod(s, &end);
    if (*s != '\0' && *end == '\0')
        return x;
    CHECK(0, "%s column %zu: \"%s\" is not a number", golden_where(g, i), c + 1, s);
    return (double)NAN;
}

/* Row i as n numbers into v[0] .. v[n - 1], CHECKing that it has exactly n fields; returns
 * whether it has (v is all NaN when not). */
static inline int golden_row(const golden_file *g, size_t i, size_t n, double *v)
{
    size_t cols = golden_cols(g, i);
    CHECK(cols == n, "%s: %zu columns, want %zu", golden_where(g, i), cols, n);
    for (size_t k = 0; k < n; ++k)
        v[k] = cols == n ? golden_num(g, i, k) : (double)NAN;
    return cols == n;
}

/* Calls row(v) with each row of <name> as n numbers (golden_row); returns the number of rows,
 * 0 after a FAIL when the file cannot be loaded. */
static inline size_t golden_each(const char *name, const char *header, size_t n,
                                 void (*row)(const double *v))
{
    double v[32];
    golden_file g;
    if (n > sizeof v / sizeof v[0]) {
        CHECK(0, "%s: %zu columns is too many for golden_each", name, n);
        return 0;
    }
    if (!golden_load(&g, name, header))
        return 0;
    for (size_t i = 0; i < g.rows; ++i)
        if (golden_row(&g, i, n, v))
            row(v);
    size_t rows = g.rows;
    golden_free(&g);
    return rows;
}

/* Fields from .. from + n - 1 of row i as numbers into v[0] .. v[n - 1] (golden_num each). */
static inline void golden_nums(const golden_file *g, size_t i, size_t from, size_t n, double *v)
{
    for (size_t k = 0; k < n; ++k)
        v[k] = golden_num(g, i, from + k);
}

#endif
