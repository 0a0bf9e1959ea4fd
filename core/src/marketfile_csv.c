/* marketfile_csv.c: the helpers every market-file reader shares (marketfile_csv.h). */
#include "marketfile_csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/dates.h"
#include "base.h"

/* ---- the file as text ----------------------------------------------------------------------- */

/* Why a file cannot be opened, in the C library's English words (the core reads no locale,
 * so not strerror()). */
static const char *open_reason(int e)
{
    switch (e) {
    case ENOENT: return "No such file or directory";
    case EACCES: return "Permission denied";
    case EISDIR: return "Is a directory";
    case ENOTDIR: return "Not a directory";
    case ELOOP: return "Too many levels of symbolic links";
    case ENAMETOOLONG: return "File name too long";
    case EMFILE: return "Too many open files";
    case ENFILE: return "Too many open files in system";
    case ENOMEM: return "Cannot allocate memory";
    case EIO: return "Input/output error";
    default: return NULL;
    }
}

alvh_status alvh_csv_load(const char *path, alvh_csv_text *t, alvh_marketfile_error *err)
{
    memset(t, 0, sizeof *t);
    errno = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        const char *why = open_reason(e);
        alvh_status st = why ? alvh_csv_fail(err, ALVH_E_DATA_FORMAT, 0, 0, "cannot open %s: %s",
                                             path, why)
                             : alvh_csv_fail(err, ALVH_E_DATA_FORMAT, 0, 0,
                                             "cannot open %s: system error %d", path, e);
        if (err)
            err->sys_errno = e;
        return st;
    }
    size_t cap = 0;
    for (;;) {
        if (cap - t->len < 4096) {
            size_t grown = cap ? 2 * cap : 65536;
            char *p = realloc(t->buf, grown + 1);
            if (!p) {
                fclose(f);
                alvh_csv_free(t);
                return alvh_csv_fail(err, ALVH_E_NO_MEMORY, 0, 0, "out of memory");
            }
            t->buf = p;
            cap = grown;
        }
        size_t got = fread(t->buf + t->len, 1, cap - t->len, f);
        t->len += got;
        if (got == 0)
            break; /* end of file, or a read error: the text ends here */
    }
    fclose(f);
    t->buf[t->len] = '\0';
    return ALVH_OK;
}

void alvh_csv_free(alvh_csv_text *t)
{
    free(t->buf);
    memset(t, 0, sizeof *t);
}

alvh_status alvh_csv_read(const char *path, const void *output, const char *what,
                          alvh_csv_body body, void *ctx, alvh_marketfile_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!path || !output)
        return alvh_csv_fail(err, ALVH_E_ARGUMENT, 0, 0, "no file or no %s given", what);
    alvh_csv_text t;
    alvh_status st = alvh_csv_load(path, &t, err);
    if (st != ALVH_OK)
        return st;
    st = body(&t, ctx, err);
    alvh_csv_free(&t);
    return st;
}

char *alvh_csv_next_line(alvh_csv_text *t)
{
    if (t->pos >= t->len)
        return NULL;
    char *line = t->buf + t->pos;
    char *nl = memchr(line, '\n', t->len - t->pos);
    if (nl) {
        *nl = '\0';
        t->pos = (size_t)(nl - t->buf) + 1;
    } else {
        t->pos = t->len;
    }
    if (++t->line == 1 && (unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
        (unsigned char)line[2] == 0xBF)
        line += 3; /* UTF-8 byte order mark */
    return line;
}

/* ---- fields --------------------------------------------------------------------------------- */

char *alvh_csv_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        ++s;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
                       s[len - 1] == '\n'))
        s[--len] = '\0';
    return s;
}

size_t alvh_csv_split(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (n < max)
            fields[n] = alvh_csv_trim(p);
        ++n;
        if (!comma)
            break;
        p = comma + 1;
    }
    return n;
}

int alvh_csv_number(const char *s, double *x)
{
    if (!*s)
        return -1;
    char *end = NULL;
    errno = 0;
    *x = strtod(s, &end);
    return (*end == '\0' && errno != ERANGE) ? 0 : -1;
}

/* YYYY-MM-DD. @return : 0, or -1. */
static int iso_date(const char *s, double *serial)
{
    int y, m, d;
    char extra;
    if (strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 && s[4] == '-' &&
        s[7] == '-')
        return alvh_serial_from_ymd(y, m, d, serial) == ALVH_OK ? 0 : -1;
    return -1;
}

/* Up to `most` decimal digits at *s (at least one): their value, *s moved past them; -1 if
 * none or more. */
static int digits(const char **s, int most)
{
    int v = 0, k = 0;
    while (**s >= '0' && **s <= '9' && k < most) {
        v = 10 * v + (**s - '0');
        ++*s;
        ++k;
    }
    return (k == 0 || (**s >= '0' && **s <= '9')) ? -1 : v;
}

/* M/D/YYYY: month and day of one or two digits, a four-digit year. @return : 0, or -1. */
static int us_date(const char *s, double *serial)
{
    int m = digits(&s, 2);
    if (m < 0 || *s++ != '/')
        return -1;
    int d = digits(&s, 2);
    if (d < 0 || *s++ != '/')
        return -1;
    const char *y0 = s;
    int y = digits(&s, 4);
    if (y < 0 || s - y0 != 4 || *s != '\0')
        return -1;
    return alvh_serial_from_ymd(y, m, d, serial) == ALVH_OK ? 0 : -1;
}

int alvh_csv_date(const char *s, double *serial)
{
    return iso_date(s, serial) == 0 ? 0 : alvh_csv_number(s, serial);
}

alvh_status alvh_marketfile_date(const char *text, double *serial)
{
    if (!text || !serial)
        return ALVH_E_ARGUMENT;
    return (iso_date(text, serial) == 0 || us_date(text, serial) == 0) ? ALVH_OK
                                                                         : ALVH_E_DATE;
}

size_t alvh_csv_column(char *const *fields, size_t nf, const char *const *names)
{
    for (size_t k = 0; k < nf; ++k)
        for (size_t j = 0; names[j]; ++j)
            if (alvh_strieq(fields[k], names[j]))
                return k;
    return ALVH_CSV_NONE;
}

size_t alvh_csv_next_fields(alvh_csv_text *t, char **fields, size_t max)
{
    char *line;
    while ((line = alvh_csv_next_line(t)) != NULL) {
        line = alvh_csv_trim(line);
        if (*line == '\0')
            continue;
        size_t nf = alvh_csv_split(line, fields, max);
        return nf < max ? nf : max;
    }
    return 0;
}

alvh_status alvh_csv_find_header(alvh_csv_text *t, const char *path, const char *key,
                                 const char *shown, char **fields, size_t max, size_t *nf,
                                 size_t *line, alvh_marketfile_error *err)
{
    const char *names[] = {key, NULL};
    while ((*nf = alvh_csv_next_fields(t, fields, max)) > 0)
        if (alvh_csv_column(fields, *nf, names) != ALVH_CSV_NONE) {
            *line = t->line;
            return ALVH_OK;
        }
    return alvh_csv_fail_in(err, ALVH_E_DATA_FORMAT, path, 0, 0, NULL,
                            "no header line with a %s column", shown);
}

alvh_status alvh_csv_check_width(const char *path, size_t line, char *const *fields, size_t nf,
                                 size_t width, alvh_marketfile_error *err)
{
    for (size_t k = width; k < nf; ++k)
        if (fields[k][0] != '\0')
            return alvh_csv_fail_in(err, ALVH_E_DATA_FORMAT, path, line, 0, NULL,
                                    "more fields than the header's %zu (a comma inside a "
                                    "value?)",
                                    width);
    return ALVH_OK;
}

/* ---- errors and rows ------------------------------------------------------------------------ */

alvh_status alvh_csv_fail(alvh_marketfile_error *err, alvh_status st, size_t line, size_t column,
                          const char *fmt, ...)
{
    if (err) {
        err->line = line;
        err->column = column;
        err->sys_errno = 0;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->text, sizeof err->text, fmt, ap);
        va_end(ap);
    }
    return st;
}

alvh_status alvh_csv_fail_in(alvh_marketfile_error *err, alvh_status st, const char *path,
                             size_t line, size_t column, const char *name, const char *fmt, ...)
{
    if (err) {
        int k;
        if (line == 0)
            k = snprintf(err->text, sizeof err->text, "%s: ", path);
        else if (column == 0)
            k = snprintf(err->text, sizeof err->text, "%s: line %zu: ", path, line);
        else
            k = snprintf(err->text, sizeof err->text, "%s: line %zu, column %zu (%.40s): ", path,
                         line, column, name);
        size_t used = k < 0 ? 0 : (size_t)k < sizeof err->text ? (size_t)k : sizeof err->text - 1;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->text + used, sizeof err->text - used, fmt, ap);
        va_end(ap);
        err->line = line;
        err->column = column;
        err->sys_errno = 0;
    }
    return st;
}

alvh_status alvh_market_series_grow(alvh_market_series *s)
{
    if (s->n < s->cap)
        return ALVH_OK;
    size_t cap = s->cap ? 2 * s->cap : 256;
    double **cols[] = {&s->date, &s->spx, &s->vix, &s->advancers, &s->decliners};
    size_t ncols = s->has_breadth ? 5 : 3;
    for (size_t k = 0; k < ncols; ++k) {
        double *p = realloc(*cols[k], cap * sizeof(double));
        if (!p)
            return ALVH_E_NO_MEMORY;
        *cols[k] = p;
    }
    if (s->nfut > 0) {
        double *p = realloc(s->fut, cap * s->nfut * sizeof(double));
        if (!p)
            return ALVH_E_NO_MEMORY;
        s->fut = p;
    }
    s->cap = cap;
    return ALVH_OK;
}
