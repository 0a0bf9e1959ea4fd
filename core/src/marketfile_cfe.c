/* marketfile_cfe.c: a Cboe Futures Exchange (CFE) VIX futures settlement file, one contract per
 * file, read into an alvh_vix_contract (alvh/marketfile.h).
 *
 * The published variants (Cboe's historical data pages):
 *   - archive files (CFE_F13_VX.csv): a disclaimer line first, CRLF line ends, sometimes blank
 *     lines between rows, trade dates M/D/YYYY, the contract written "F (Jan 13)";
 *   - newer files (VX_2014-01-22.csv): no disclaimer, ISO trade dates, "F (Jan 2014)";
 * both with the header Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,EFP,
 * Open Interest (found by name), and rows whose Settle is 0 on days the contract had no
 * settlement (listed before its first trade): those rows are skipped. Until 2007-03-26 CFE
 * quoted VIX futures on ten times the index (VBI; the contract was rescaled to the VIX itself
 * with a $1,000 multiplier from that day), so settlements dated before it are divided by 10. */
#include "alvh/marketfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/dates.h"
#include "base.h"
#include "marketfile_csv.h"

#define MAX_FIELDS 64

/* The first trade date quoted on the VIX itself (39167 = 2007-03-26); earlier ones are x10. */
#define RESCALE_DATE 39167.0

/* Futures month codes, January to December, and the months' English abbreviations. */
static const char k_codes[] = "FGHJKMNQUVXZ";
static const char *const k_months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "F (Jan 13)" or "F (Jan 2013)": a month code and the month it stands for, a two-digit (20YY)
 * or four-digit year. @return : 0, or -1 (anything else, such as a weekly contract). */
static int parse_label(const char *s, int *year, int *month)
{
    const char *code = s[0] ? strchr(k_codes, s[0]) : NULL;
    if (!code || s[1] != ' ' || s[2] != '(')
        return -1;
    int m = (int)(code - k_codes) + 1;
    char name[4] = {s[3], s[3] ? s[4] : '\0', s[3] && s[4] ? s[5] : '\0', '\0'};
    if (!alvh_strieq(name, k_months[m - 1]) || s[6] != ' ')
        return -1;
    s += 7;
    int y = 0, k = 0;
    for (; s[k] >= '0' && s[k] <= '9'; ++k)
        y = 10 * y + (s[k] - '0');
    if ((k != 2 && k != 4) || s[k] != ')' || s[k + 1] != '\0')
        return -1;
    *year = k == 2 ? 2000 + y : y;
    *month = m;
    return 0;
}

/* The file's name and columns, and the last row seen. */
typedef struct {
    const char *path;
    size_t col[3];         /* trade date, futures, settle */
    size_t width;          /* the header's fields */
    const char *name[3];
    size_t label_line;     /* the first row's line (its label names the contract) */
    double last_date;      /* the last row's trade date (0: none yet) */
    size_t last_line;
    double last_settle;    /* its settlement after rescaling (0: none) */
    alvh_vix_contract *c;  /* the contract filled */
} layout;

enum { TRADE_DATE, FUTURES, SETTLE };

/* The contract from the first row's label. */
static alvh_status read_label(layout *lo, const char *label, size_t line, alvh_vix_contract *c,
                              alvh_marketfile_error *err)
{
    if (lo->label_line == 0) {
        double expiry = 0;
        if (parse_label(label, &c->year, &c->month) != 0 ||
            alvh_vix_expiry(c->year, c->month, &expiry) != ALVH_OK)
            return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, lo->col[FUTURES] + 1,
                                    lo->name[FUTURES],
                                    "\"%.40s\" is not a monthly VIX futures contract like "
                                    "\"F (Jan 13)\" or \"F (Jan 2013)\"",
                                    label);
        snprintf(c->label, sizeof c->label, "%s", label);
        c->expiry = floor(expiry);
        lo->label_line = line;
    } else if (strcmp(label, c->label) != 0) {
        return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, lo->col[FUTURES] + 1,
                                lo->name[FUTURES],
                                "\"%.40s\" is not the contract of line %zu, \"%s\" (one contract "
                                "a file)",
                                label, lo->label_line, c->label);
    }
    return ALVH_OK;
}

/* A row's trade date: after the last row's (or a repeat of it with the same settlement, which
 * is dropped: *dup), and not after the contract's expiry. */
static alvh_status check_date(layout *lo, double date, double settle, size_t line,
                              const alvh_vix_contract *c, int *dup, alvh_marketfile_error *err)
{
    const size_t col = lo->col[TRADE_DATE] + 1;
    const char *name = lo->name[TRADE_DATE];
    int y, m, d;
    *dup = 0;
    if (date > c->expiry && alvh_ymd_from_serial(c->expiry, &y, &m, &d) == ALVH_OK)
        return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, col, name,
                                "the trade date is after the contract's expiry %04d-%02d-%02d "
                                "(%s)",
                                y, m, d, c->label);
    if (lo->last_line && date < lo->last_date)
        return alvh_csv_fail_in(err, ALVH_E_DATA_ORDER, lo->path, line, col, name,
                                "the trade date is before line %zu's (rows run oldest first)",
                                lo->last_line);
    if (lo->last_line && date == lo->last_date) {
        if (settle != lo->last_settle)
            return alvh_csv_fail_in(err, ALVH_E_DATA_ORDER, lo->path, line, col, name,
                                    "the trade date repeats line %zu's with another settlement",
                                    lo->last_line);
        *dup = 1;
    }
    return ALVH_OK;
}

/* One row: its settlement appended to c (none when Settle is 0). */
static alvh_status read_row(layout *lo, char **fields, size_t nf, size_t line,
                            alvh_vix_contract *c, alvh_marketfile_error *err)
{
    for (int k = 0; k < 3; ++k)
        if (lo->col[k] >= nf || fields[lo->col[k]][0] == '\0')
            return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, lo->col[k] + 1,
                                    lo->name[k], "missing");
    const char *dt = fields[lo->col[TRADE_DATE]], *st = fields[lo->col[SETTLE]];
    double date = 0, settle = 0;
    if (alvh_marketfile_date(dt, &date) != ALVH_OK)
        return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, lo->col[TRADE_DATE] + 1,
                                lo->name[TRADE_DATE],
                                "\"%.40s\" is not a date (YYYY-MM-DD or MM/DD/YYYY)", dt);
    alvh_status s = read_label(lo, fields[lo->col[FUTURES]], line, c, err);
    if (s != ALVH_OK)
        return s;
    if (alvh_csv_number(st, &settle) != 0 || settle < 0)
        return alvh_csv_fail_in(err, ALVH_E_DATA_VALUE, lo->path, line, lo->col[SETTLE] + 1,
                                lo->name[SETTLE],
                                "\"%.40s\" is not a settlement price (a number, 0 when none)",
                                st);
    if (date < RESCALE_DATE)
        settle /= 10.0;
    int dup = 0;
    s = check_date(lo, date, settle, line, c, &dup, err);
    if (s != ALVH_OK)
        return s;
    lo->last_date = date;
    lo->last_line = line;
    lo->last_settle = settle;
    if (dup || settle == 0)
        return ALVH_OK;
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 256;
        double *a = realloc(c->date, cap * sizeof *a);
        if (a)
            c->date = a;
        double *b = a ? realloc(c->settle, cap * sizeof *b) : NULL;
        if (!b)
            return alvh_csv_fail_in(err, ALVH_E_NO_MEMORY, lo->path, line, 0, NULL,
                                    "out of memory");
        c->settle = b;
        c->cap = cap;
    }
    c->date[c->n] = date;
    c->settle[c->n] = settle;
    c->n++;
    return ALVH_OK;
}

/* The header (after the disclaimer), then the rows (an alvh_csv_body: ctx is the layout, its
 * contract in lo->c). */
static alvh_status read_contract(alvh_csv_text *t, void *ctx, alvh_marketfile_error *err)
{
    layout *lo = ctx;
    alvh_vix_contract *c = lo->c;
    static const char *const names[3][2] = {{"trade date", NULL}, {"futures", NULL},
                                            {"settle", NULL}};
    char *fields[MAX_FIELDS];
    size_t nf = 0, hline = 0;
    alvh_status hs = alvh_csv_find_header(t, lo->path, "trade date", "Trade Date", fields,
                                          MAX_FIELDS, &nf, &hline, err);
    if (hs != ALVH_OK)
        return hs;
    for (int k = 0; k < 3; ++k) {
        lo->col[k] = alvh_csv_column(fields, nf, names[k]);
        if (lo->col[k] == ALVH_CSV_NONE)
            return alvh_csv_fail_in(err, ALVH_E_DATA_FORMAT, lo->path, hline, 0, NULL,
                                    "the header needs Trade Date, Futures and Settle columns");
        lo->name[k] = fields[lo->col[k]];
    }
    lo->width = nf;
    while ((nf = alvh_csv_next_fields(t, fields, MAX_FIELDS)) > 0) {
        alvh_status st = alvh_csv_check_width(lo->path, t->line, fields, nf, lo->width, err);
        if (st == ALVH_OK)
            st = read_row(lo, fields, nf, t->line, c, err);
        if (st != ALVH_OK)
            return st;
    }
    if (c->n == 0)
        return alvh_csv_fail_in(err, ALVH_E_DATA_SHORT, lo->path, 0, 0, NULL,
                                "no settlement after the header (line %zu)", hline);
    return ALVH_OK;
}

alvh_status alvh_cfe_futures_read(const char *path, alvh_vix_contract *contract,
                                  alvh_marketfile_error *err)
{
    layout lo;
    memset(&lo, 0, sizeof lo);
    lo.path = path;
    lo.c = contract;
    return alvh_csv_read(path, contract, "contract", read_contract, &lo, err);
}

void alvh_vix_contract_free(alvh_vix_contract *c)
{
    if (!c)
        return;
    free(c->date);
    free(c->settle);
    memset(c, 0, sizeof *c);
}
