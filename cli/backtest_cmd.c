/* backtest_cmd.c: `alvh backtest data.csv [--policy P] [--daily out.csv]`, a thin shell: the
 * options, alvh_marketfile_read() (the file's format is documented in alvh/marketfile.h, and
 * `alvh market` writes it), alvh_backtest_run(), and the printing. Row N in messages is line N of
 * the file. --policy: JSON text or a JSON file's path (alvh/policy.h). --daily: writes the daily
 * series (alvh_backtest_columns()). Prints the summary side by side: one line per measure, its
 * name and one value per book (unhedged, vix_calls, put_spread; n/a when undefined, - when not a
 * measure of that book). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/backtest.h"
#include "alvh/dates.h"
#include "alvh/marketfile.h"
#include "alvh/policy.h"
#include "cli.h"

static void put_date(FILE *f, double serial)
{
    int y = 0, m = 0, d = 0;
    if (serial > 0 && alvh_ymd_from_serial(serial, &y, &m, &d) == ALVH_OK)
        fprintf(f, "%04d-%02d-%02d", y, m, d);
    else if (serial > 0)
        fprintf(f, "%.15g", serial);
}

/* The daily series as CSV: date, spx, vix, then alvh_backtest_columns() (numbers with 15
 * significant digits). */
static int write_daily(const char *path, const alvh_market_series *t,
                       const alvh_backtest_day *days)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "alvh backtest: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t nc = 0;
    const alvh_backtest_column *col = alvh_backtest_columns(&nc);
    fprintf(f, "date,spx,vix");
    for (size_t k = 0; k < nc; ++k)
        fprintf(f, ",%s", col[k].name);
    fputc('\n', f);
    for (size_t i = 0; i < t->n; ++i) {
        put_date(f, t->date[i]);
        fprintf(f, ",%.15g,%.15g", t->spx[i], t->vix[i]);
        for (size_t k = 0; k < nc; ++k) {
            double x = alvh_backtest_column_value(&days[i], &col[k]);
            fputc(',', f);
            if (col[k].kind == ALVH_BT_COLUMN_DATE)
                put_date(f, x);
            else if (col[k].kind == ALVH_BT_COLUMN_EVENTS)
                fprintf(f, "%u", (unsigned)x);
            else
                fprintf(f, "%.15g", x);
        }
        fputc('\n', f);
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "alvh backtest: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

static void backtest_usage(FILE *f)
{
    fprintf(f, "usage: alvh backtest DATA.csv [--policy JSON_OR_FILE] [--daily OUT.csv]\n"
               "  DATA.csv: header date,spx,vix[,fut_<days>...][,advancers,decliners]; one row "
               "per trading day, oldest first\n"
               "  (`alvh market PRESET > DATA.csv` writes a synthetic market in this format)\n");
}

/* The file into *t; on failure prints why (a file that cannot be opened, or no memory: a plain
 * sentence; bad data: its status name first) and returns nonzero. */
static int read_market(const char *path, alvh_market_series *t)
{
    alvh_marketfile_error fe;
    alvh_status st = alvh_marketfile_read(path, t, &fe);
    if (st == ALVH_OK)
        return 0;
    if (fe.sys_errno != 0 || st == ALVH_E_NO_MEMORY)
        fprintf(stderr, "alvh backtest: %s\n", fe.text);
    else
        fprintf(stderr, "alvh backtest: %s: %s\n", alvh_status_name(st), fe.text);
    return 1;
}

/* One cell of the side-by-side summary: the value, "n/a" when undefined on the data, "-" when
 * the measure is not one of that book's. */
static void print_cell(const alvh_backtest_summary *s, const alvh_backtest_row *row,
                       alvh_backtest_book b)
{
    char cell[32] = "-";
    if (row->offset[b] != ALVH_BACKTEST_NONE) {
        double x = alvh_backtest_row_value(s, row, b);
        if (isfinite(x))
            snprintf(cell, sizeof cell, "%.10g", x);
        else
            snprintf(cell, sizeof cell, "n/a");
    }
    printf(b + 1 < ALVH_BACKTEST_BOOKS ? " %-17s" : " %s", cell);
}

/* The summary: two comment lines (the run, the books), then one line per measure with one
 * column per book (alvh_backtest_rows()). */
static void print_summary(const char *path, const alvh_market_series *t,
                          const alvh_backtest_summary *s)
{
    printf("# alvh backtest %s: %zu rows, ", path, t->n);
    put_date(stdout, t->date[0]);
    printf(" to ");
    put_date(stdout, t->date[t->n - 1]);
    printf("\n# %-27s", "measure");
    for (int b = 0; b < ALVH_BACKTEST_BOOKS; ++b)
        printf(b + 1 < ALVH_BACKTEST_BOOKS ? " %-17s" : " %s",
               alvh_backtest_book_name((alvh_backtest_book)b));
    printf("\n");
    size_t nr = 0;
    const alvh_backtest_row *rows = alvh_backtest_rows(&nr);
    for (size_t k = 0; k < nr; ++k) {
        printf("%-29s", rows[k].name);
        for (int b = 0; b < ALVH_BACKTEST_BOOKS; ++b)
            print_cell(s, &rows[k], (alvh_backtest_book)b);
        printf("\n");
    }
}

int alvh_cli_backtest(int argc, char **argv)
{
    const char *data = NULL, *policy_text = NULL, *daily = NULL;
    for (int i = 0; i < argc; ++i) {
        if (strcmp(argv[i], "--help") == 0) {
            backtest_usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc) {
            policy_text = argv[++i];
        } else if (strcmp(argv[i], "--daily") == 0 && i + 1 < argc) {
            daily = argv[++i];
        } else if (!data && argv[i][0] != '-') {
            data = argv[i];
        } else {
            fprintf(stderr, "alvh backtest: unexpected argument \"%s\"\n", argv[i]);
            backtest_usage(stderr);
            return 2;
        }
    }
    if (!data) {
        backtest_usage(stderr);
        return 2;
    }
    alvh_policy policy;
    char err[512];
    err[0] = '\0';
    alvh_status st = alvh_policy_parse(policy_text, &policy, err, sizeof err);
    if (st != ALVH_OK) {
        fprintf(stderr, "alvh backtest: %s: policy: %s\n", alvh_status_name(st),
                err[0] ? err : alvh_status_message(st));
        return 1;
    }
    alvh_market_series t;
    memset(&t, 0, sizeof t);
    alvh_backtest_day *days = NULL;
    alvh_backtest_summary s;
    int rc = read_market(data, &t);
    if (rc == 0 && !(days = malloc((t.n ? t.n : 1) * sizeof *days))) {
        fprintf(stderr, "alvh backtest: out of memory\n");
        rc = 1;
    }
    if (rc == 0) {
        alvh_backtest_data d = alvh_market_series_data(&t);
        err[0] = '\0';
        st = alvh_backtest_run(&d, &policy, 2, days, &s, err, sizeof err);
        if (st != ALVH_OK) {
            fprintf(stderr, "alvh backtest: %s: %s\n", alvh_status_name(st),
                    err[0] ? err : alvh_status_message(st));
            rc = 1;
        }
    }
    if (rc == 0) {
        if (daily && write_daily(daily, &t, days) != 0)
            rc = 1;
        print_summary(data, &t, &s);
        if (fflush(stdout) != 0)
            rc = 1;
    }
    free(days);
    alvh_market_series_free(&t);
    return rc;
}
