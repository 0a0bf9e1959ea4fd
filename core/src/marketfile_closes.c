/* marketfile_closes.c: a daily index history as exchanges and data sites publish it, read into
 * the SPX or the VIX column of a market series (alvh/marketfile.h): Cboe's VIX_History.csv
 * (DATE,OPEN,HIGH,LOW,CLOSE, dates MM/DD/YYYY) and S&P 500 daily exports (Date,Open,High,Low,
 * Close[,Adj Close],Volume in any case and order, ISO or MM/DD/YYYY dates). One format: a date
 * column and a close column found by name, the other columns ignored. */
#include "alvh/marketfile.h"

#include <string.h>

#include "marketfile_csv.h"

/* The most fields a line may have (more are not looked at). */
#define MAX_FIELDS 64

/* The header's names: the date, and the close (Nasdaq writes "Close/Last"). "Adj Close" is
 * another column and never read: it moves past dividends, the index does not. */
static const char *const k_date_names[] = {"date", NULL};
static const char *const k_close_names[] = {"close", "close/last", NULL};

/* Where the columns are, and the file's name for messages. */
typedef struct {
    const char *path;
    size_t date_col, close_col;
    size_t width;                     /* the header's fields */
    const char *date_name, *close_name;
    int want_vix;                     /* fill vix (else spx) */
    alvh_market_series *s;            /* the series filled */
} layout;

/* One row: its date and close appended to s (the other index 0). */
static alvh_status read_row(const layout *lo, char **fields, size_t nf, size_t line,
                            alvh_market_series *s, alvh_marketfile_error *err)
{
    const size_t cols[2] = {lo->date_col, lo->close_col};
    const char *names[2] = {lo->date_name, lo->close_name};
    for (int k = 0; k < 2; ++k)
        if (cols[k] >= nf || fields[cols[k]][0] == '\0')
            return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, cols[k] + 1,
                                    names[k], "missing");
    double date = 0, close = 0;
    const char *dt = fields[lo->date_col], *cl = fields[lo->close_col];
    if (alvh_marketfile_date(dt, &date) != ALVH_OK)
        return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, lo->date_col + 1,
                                lo->date_name, "\"%.40s\" is not a date (YYYY-MM-DD or "
                                "MM/DD/YYYY)", dt);
    if (alvh_csv_number(cl, &close) != 0)
        return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, lo->close_col + 1,
                                lo->close_name, "\"%.40s\" is not a number", cl);
    if (!(close > 0))
        return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, lo->close_col + 1,
                                lo->close_name, "%.40s is not a positive price", cl);
    if (alvh_market_series_grow(s) != ALVH_OK)
        return alvh_csv_fail_in(err, ALVH_E_NO_MEMORY, lo->path, line, 0, NULL, "out of memory");
    s->date[s->n] = date;
    s->spx[s->n] = lo->want_vix ? 0.0 : close;
    s->vix[s->n] = lo->want_vix ? close : 0.0;
    s->n++;
    return ALVH_OK;
}

/* Dates run one way: strictly up (oldest first) or strictly down (newest first, as some sites
 * write them), set by the first two rows. *dir: 0 until then, then +1 or -1. */
static alvh_status check_order(const layout *lo, const alvh_market_series *s, size_t line,
                               size_t prev_line, int *dir, alvh_marketfile_error *err)
{
    if (s->n < 2)
        return ALVH_OK;
    double a = s->date[s->n - 2], b = s->date[s->n - 1];
    int step = b > a ? 1 : b < a ? -1 : 0;
    if (*dir == 0)
        *dir = step;
    if (step == 0 || step != *dir)
        return alvh_csv_fail_in(err, ALVH_E_DATA_ORDER, lo->path, line, lo->date_col + 1,
                                lo->date_name,
                                "the date %s line %zu's (rows must run oldest first or newest "
                                "first, one row a date)",
                                step == 0 ? "repeats" : *dir > 0 ? "is before" : "is after",
                                prev_line);
    return ALVH_OK;
}

/* Newest first: turn the rows around. */
static void reverse(alvh_market_series *s)
{
    for (size_t i = 0, j = s->n - 1; i < j; ++i, --j) {
        double *cols[3] = {s->date, s->spx, s->vix};
        for (int k = 0; k < 3; ++k) {
            double x = cols[k][i];
            cols[k][i] = cols[k][j];
            cols[k][j] = x;
        }
    }
}

/* The header, then the rows (an alvh_csv_body: ctx is the layout, its series in lo->s). */
static alvh_status read_closes(alvh_csv_text *t, void *ctx, alvh_marketfile_error *err)
{
    layout *lo = ctx;
    alvh_market_series *s = lo->s;
    char *fields[MAX_FIELDS];
    size_t nf = 0, hline = 0;
    alvh_status hs = alvh_csv_find_header(t, lo->path, "date", "Date", fields, MAX_FIELDS, &nf,
                                          &hline, err);
    if (hs != ALVH_OK)
        return hs;
    lo->date_col = alvh_csv_column(fields, nf, k_date_names);
    lo->close_col = alvh_csv_column(fields, nf, k_close_names);
    if (lo->close_col == ALVH_CSV_NONE)
        return alvh_csv_fail_in(err, ALVH_E_DATA_FORMAT, lo->path, hline, 0, NULL,
                                "the header has no Close column (Adj Close is not read)");
    lo->width = nf;
    lo->date_name = fields[lo->date_col];
    lo->close_name = fields[lo->close_col];
    int dir = 0;
    size_t prev_line = 0;
    while ((nf = alvh_csv_next_fields(t, fields, MAX_FIELDS)) > 0) {
        alvh_status st = alvh_csv_check_width(lo->path, t->line, fields, nf, lo->width, err);
        if (st == ALVH_OK)
            st = read_row(lo, fields, nf, t->line, s, err);
        if (st == ALVH_OK)
            st = check_order(lo, s, t->line, prev_line, &dir, err);
        if (st != ALVH_OK)
            return st;
        prev_line = t->line;
    }
    if (s->n == 0)
        return alvh_csv_fail_in(err, ALVH_E_DATA_SHORT, lo->path, 0, 0, NULL,
                                "no rows after the header (line %zu)", hline);
    if (dir < 0)
        reverse(s);
    return ALVH_OK;
}

static alvh_status read_history(const char *path, int want_vix, alvh_market_series *s,
                                alvh_marketfile_error *err)
{
    layout lo = {.path = path, .want_vix = want_vix, .s = s};
    return alvh_csv_read(path, s, "series", read_closes, &lo, err);
}

alvh_status alvh_spx_history_read(const char *path, alvh_market_series *series,
                                  alvh_marketfile_error *err)
{
    return read_history(path, 0, series, err);
}

alvh_status alvh_vix_history_read(const char *path, alvh_market_series *series,
                                  alvh_marketfile_error *err)
{
    return read_history(path, 1, series, err);
}
