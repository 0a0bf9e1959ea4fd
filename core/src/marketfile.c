/* marketfile.c: the market format (alvh/marketfile.h), date,spx,vix[,fut_<days>...]
 * [,advancers,decliners], read into a market series and written from one; and the series
 * itself. */
#include "alvh/marketfile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/dates.h"
#include "base.h"
#include "marketfile_csv.h"

/* The most fields a line may have. */
#define MAX_COLS 64

enum { COL_DATE, COL_SPX, COL_VIX, COL_FUT, COL_ADV, COL_DEC, COL_UNKNOWN };

/* The named columns (fut_<days> is read apart). */
static const struct {
    const char *name;
    int kind;
} k_names[] = {
    {"date", COL_DATE}, {"spx", COL_SPX}, {"vix", COL_VIX},
    {"advancers", COL_ADV}, {"decliners", COL_DEC},
};

/* What the header says: each field's column, and its name for messages. */
typedef struct {
    size_t ncols;             /* 0 until the header is read */
    int kinds[MAX_COLS];
    size_t fut_index[MAX_COLS];
    char names[MAX_COLS][24]; /* as written, cut to 23 bytes */
} header;

/* A fut_<days> column: its tenor appended to s. */
static alvh_status read_future_column(const char *h, double days, size_t k, header *hd,
                                      alvh_market_series *s, alvh_marketfile_error *err)
{
    if (s->nfut == ALVH_BACKTEST_MAX_FUTURES || !(days > 0) ||
        (s->nfut > 0 && days <= s->fut_days[s->nfut - 1]))
        return alvh_csv_fail(err, ALVH_E_DATA_FORMAT, 1, k + 1,
                             "row 1: column \"%s\": futures columns need increasing positive "
                             "days, at most %d of them",
                             h, ALVH_BACKTEST_MAX_FUTURES);
    hd->kinds[k] = COL_FUT;
    hd->fut_index[k] = s->nfut;
    s->fut_days[s->nfut++] = days;
    return ALVH_OK;
}

/* The header line (line 1 after any blank lines): which column is which. */
static alvh_status read_header(char **fields, size_t nf, header *hd, alvh_market_series *s,
                               alvh_marketfile_error *err)
{
    int seen[COL_UNKNOWN] = {0};
    for (size_t k = 0; k < nf; ++k) {
        const char *h = fields[k];
        snprintf(hd->names[k], sizeof hd->names[k], "%s", h);
        double days = 0;
        hd->kinds[k] = COL_UNKNOWN;
        for (size_t j = 0; j < sizeof k_names / sizeof k_names[0]; ++j)
            if (alvh_strieq(h, k_names[j].name))
                hd->kinds[k] = k_names[j].kind;
        int fut = strncmp(h, "fut_", 4) == 0 || strncmp(h, "FUT_", 4) == 0;
        if (hd->kinds[k] == COL_UNKNOWN && fut && alvh_csv_number(h + 4, &days) == 0) {
            alvh_status st = read_future_column(h, days, k, hd, s, err);
            if (st != ALVH_OK)
                return st;
            continue;
        }
        if (hd->kinds[k] == COL_UNKNOWN)
            return alvh_csv_fail(err, ALVH_E_DATA_FORMAT, 1, k + 1,
                                 "row 1: unknown column \"%.40s\" (known: date, spx, vix, "
                                 "fut_<days>, advancers, decliners)",
                                 h);
        if (seen[hd->kinds[k]]++)
            return alvh_csv_fail(err, ALVH_E_DATA_FORMAT, 1, k + 1,
                                 "row 1: column \"%s\" appears twice", h);
    }
    if (!seen[COL_DATE] || !seen[COL_SPX] || !seen[COL_VIX] || seen[COL_ADV] != seen[COL_DEC])
        return alvh_csv_fail(err, ALVH_E_DATA_FORMAT, 1, 0,
                             "row 1: the header needs date, spx and vix (advancers and "
                             "decliners only together), got \"%s\"",
                             nf ? fields[0] : "");
    s->has_breadth = seen[COL_ADV];
    hd->ncols = nf;
    return ALVH_OK;
}

/* A row of values, appended to s. */
static alvh_status read_row(char **fields, size_t nf, size_t lineno, const header *hd,
                            alvh_market_series *s, alvh_marketfile_error *err)
{
    if (nf != hd->ncols)
        return alvh_csv_fail(err, ALVH_E_DATA_FORMAT, lineno, 0,
                             "row %zu has %zu columns, the header has %zu", lineno, nf,
                             hd->ncols);
    if (alvh_market_series_grow(s) != ALVH_OK)
        return alvh_csv_fail(err, ALVH_E_NO_MEMORY, lineno, 0, "out of memory");
    size_t i = s->n;
    for (size_t k = 0; k < nf; ++k) {
        double x = 0;
        int kind = hd->kinds[k];
        int bad = kind == COL_DATE ? alvh_csv_date(fields[k], &x) : alvh_csv_number(fields[k], &x);
        if (bad && fields[k][0] == '\0')
            return alvh_csv_fail(err, ALVH_E_DATA_VALUE, lineno, k + 1, "row %zu: %s is missing",
                                 lineno, hd->names[k]);
        if (bad)
            return alvh_csv_fail(err, ALVH_E_DATA_VALUE, lineno, k + 1,
                                 "row %zu: %s \"%.40s\" is not %s", lineno, hd->names[k],
                                 fields[k],
                                 kind == COL_DATE ? "a date (YYYY-MM-DD or a serial number)"
                                                  : "a number");
        switch (kind) {
        case COL_DATE: s->date[i] = x; break;
        case COL_SPX: s->spx[i] = x; break;
        case COL_VIX: s->vix[i] = x; break;
        case COL_ADV: s->advancers[i] = x; break;
        case COL_DEC: s->decliners[i] = x; break;
        default: s->fut[i * s->nfut + hd->fut_index[k]] = x; break;
        }
    }
    s->n++;
    return ALVH_OK;
}

/* The lines of the text: the header, then the rows. */
static alvh_status read_lines(alvh_csv_text *t, alvh_market_series *s, header *hd,
                              alvh_marketfile_error *err)
{
    char *fields[MAX_COLS];
    size_t blank_at = 0;
    char *line;
    while ((line = alvh_csv_next_line(t)) != NULL) {
        if (*alvh_csv_trim(line) == '\0') {
            if (!blank_at)
                blank_at = t->line;
            continue;
        }
        if (blank_at && hd->ncols > 0)
            return alvh_csv_fail(err, ALVH_E_DATA_FORMAT, blank_at, 0,
                                 "row %zu is empty (rows must be consecutive)", blank_at);
        size_t nf = alvh_csv_split(line, fields, MAX_COLS);
        if (nf > MAX_COLS)
            return alvh_csv_fail(err, ALVH_E_DATA_FORMAT, t->line, 0,
                                 "row %zu has %zu columns; at most %d are read", t->line, nf,
                                 MAX_COLS);
        alvh_status st = hd->ncols == 0 ? read_header(fields, nf, hd, s, err)
                                        : read_row(fields, nf, t->line, hd, s, err);
        if (st != ALVH_OK)
            return st;
    }
    return ALVH_OK;
}

/* The reader's state for alvh_csv_read(). */
typedef struct {
    const char *path;
    alvh_market_series *s;
} market_read;

static alvh_status read_market(alvh_csv_text *t, void *ctx, alvh_marketfile_error *err)
{
    const market_read *m = ctx;
    header hd;
    memset(&hd, 0, sizeof hd);
    alvh_status st = read_lines(t, m->s, &hd, err);
    if (st == ALVH_OK && hd.ncols == 0)
        st = alvh_csv_fail(err, ALVH_E_DATA_FORMAT, 0, 0,
                           "%s is empty (it needs a header line)", m->path);
    return st;
}

alvh_status alvh_marketfile_read(const char *path, alvh_market_series *series,
                                 alvh_marketfile_error *err)
{
    market_read m = {path, series};
    return alvh_csv_read(path, series, "series", read_market, &m, err);
}

alvh_backtest_data alvh_market_series_data(const alvh_market_series *s)
{
    alvh_backtest_data d = {.n = s->n, .date = s->date, .spx = s->spx, .vix = s->vix,
                            .nfut = s->nfut, .fut_days = s->fut_days,
                            .fut = s->nfut ? s->fut : NULL,
                            .advancers = s->has_breadth ? s->advancers : NULL,
                            .decliners = s->has_breadth ? s->decliners : NULL};
    return d;
}

void alvh_market_series_free(alvh_market_series *s)
{
    if (!s)
        return;
    free(s->date);
    free(s->spx);
    free(s->vix);
    free(s->fut);
    free(s->advancers);
    free(s->decliners);
    memset(s, 0, sizeof *s);
}

/* ---- the format written ---------------------------------------------------------------------- */

/* Appends text to buf (cut at size - 1); *len counts every byte, written or not. */
static void put(char *buf, size_t size, size_t *len, const char *text)
{
    size_t k = strlen(text);
    if (*len < size) {
        size_t room = size - 1 - *len;
        size_t n = k < room ? k : room;
        memcpy(buf + *len, text, n);
        buf[*len + n] = '\0';
    }
    *len += k;
}

static void put_number(char *buf, size_t size, size_t *len, double x)
{
    char num[40] = ",";
    alvh_format_number(num + 1, sizeof num - 1, x);
    put(buf, size, len, num);
}

size_t alvh_market_series_header(const alvh_market_series *s, char *buf, size_t size)
{
    size_t len = 0;
    if (size > 0)
        buf[0] = '\0';
    put(buf, size, &len, "date,spx,vix");
    for (size_t k = 0; k < s->nfut; ++k) {
        char days[40];
        alvh_format_number(days, sizeof days, s->fut_days[k]);
        put(buf, size, &len, ",fut_");
        put(buf, size, &len, days);
    }
    if (s->has_breadth)
        put(buf, size, &len, ",advancers,decliners");
    return len;
}

size_t alvh_market_series_row(const alvh_market_series *s, size_t i, char *buf, size_t size)
{
    size_t len = 0;
    if (size > 0)
        buf[0] = '\0';
    char day[40];
    int y = 0, m = 0, d = 0;
    double t = s->date[i];
    if (t == floor(t) && alvh_ymd_from_serial(t, &y, &m, &d) == ALVH_OK)
        snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
    else
        alvh_format_number(day, sizeof day, t);
    put(buf, size, &len, day);
    put_number(buf, size, &len, s->spx[i]);
    put_number(buf, size, &len, s->vix[i]);
    for (size_t k = 0; k < s->nfut; ++k)
        put_number(buf, size, &len, s->fut[i * s->nfut + k]);
    if (s->has_breadth) {
        put_number(buf, size, &len, s->advancers[i]);
        put_number(buf, size, &len, s->decliners[i]);
    }
    return len;
}
