/* backtest_cmd.c: `alvh backtest DATA.csv [OPTIONS]` and `alvh backtest --spx FILE --vix FILE
 * [--futures FILE...] [OPTIONS]`, a thin shell: the options, the market (alvh_marketfile_read()
 * of a file in the market format, which `alvh market` and `alvh join` write, or the published
 * files joined as `alvh join` does: history.c), alvh_backtest_run(), and the printing. Row N in
 * messages is line N of DATA.csv (of the file `alvh join` would write for --spx/--vix).
 * --from/--to keep the rows between two dates; --policy: JSON text or a JSON file's path
 * (alvh/policy.h); --daily: writes the daily series (alvh_backtest_columns()). Prints the
 * summary side by side: one line per measure, its name and one value per book (unhedged,
 * vix_calls, put_spread; n/a when undefined, - when not a measure of that book); --by-year adds
 * a table of the measures per calendar year (alvh_backtest_years()). */
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
        alvh_cli_put_date(f, t->date[i]);
        fprintf(f, ",%.15g,%.15g", t->spx[i], t->vix[i]);
        for (size_t k = 0; k < nc; ++k) {
            double x = alvh_backtest_column_value(&days[i], &col[k]);
            fputc(',', f);
            if (col[k].kind == ALVH_BT_COLUMN_DATE)
                alvh_cli_put_date(f, x);
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
    fprintf(f, "usage: alvh backtest DATA.csv [OPTIONS]\n"
               "       alvh backtest --spx FILE --vix FILE [--futures FILE...] [--tenors DAYS,...] "
               "[OPTIONS]\n"
               "  OPTIONS: [--from DATE] [--to DATE] [--policy JSON_OR_FILE] [--daily OUT.csv] "
               "[--by-year]\n"
               "  DATA.csv: header date,spx,vix[,fut_<days>...][,advancers,decliners]; one row "
               "per trading day, oldest first\n"
               "  (`alvh market PRESET > DATA.csv` writes a synthetic market in this format)\n"
               "  --spx, --vix, --futures: files as published, joined as `alvh join` does\n"
               "  --by-year: the measures per calendar year after the summary\n");
}

/* The market: DATA.csv (cut to --from/--to), or the published files joined. *first_row: the
 * number messages give the series' first row (its line in the file). */
static int read_market(const char *data, const alvh_cli_sources *src, alvh_market_series *t,
                       size_t *first_row)
{
    *first_row = 2;
    if (!data)
        return alvh_cli_join("backtest", src, t);
    alvh_marketfile_error fe;
    alvh_status st = alvh_marketfile_read(data, t, &fe);
    if (st != ALVH_OK) {
        alvh_cli_file_error("backtest", data, st, &fe);
        return 1;
    }
    size_t first = 0;
    if (src->join.from > 0 || src->join.to > 0) {
        alvh_market_series_window(t, src->join.from, src->join.to, &first);
        *first_row += first;
    }
    return 0;
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
static void print_summary(const char *label, const alvh_market_series *t,
                          const alvh_backtest_summary *s)
{
    printf("# alvh backtest %s: %zu rows, ", label, t->n);
    alvh_cli_put_date(stdout, t->date[0]);
    printf(" to ");
    alvh_cli_put_date(stdout, t->date[t->n - 1]);
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

/* A column of the year table: the year 4 wide, the others as wide as their name and at least
 * 12 (a number in %.7g such as -0.001602938). */
static int year_width(const alvh_backtest_measure *m)
{
    size_t w = strlen(m->name);
    return strcmp(m->name, "year") == 0 ? 4 : (int)(w > 12 ? w : 12);
}

/* --by-year: a blank line, a comment, then a table with a row per calendar year
 * (alvh_backtest_years(); columns alvh_backtest_year_measures(), 7 significant digits). */
static int print_years(const alvh_market_series *t, const alvh_backtest_day *days,
                       double capital)
{
    alvh_backtest_data d = alvh_market_series_data(t);
    size_t ny = 0;
    alvh_status st = alvh_backtest_years(&d, days, capital, NULL, 0, &ny);
    alvh_backtest_year *y = st == ALVH_OK ? malloc(ny * sizeof *y) : NULL;
    if (y)
        st = alvh_backtest_years(&d, days, capital, y, ny, &ny);
    if (!y || st != ALVH_OK) {
        fprintf(stderr, "alvh backtest: --by-year: %s\n",
                y ? alvh_status_message(st) : "out of memory");
        free(y);
        return 1;
    }
    size_t nm = 0;
    const alvh_backtest_measure *m = alvh_backtest_year_measures(&nm);
    printf("\n# per calendar year: drawdowns from the year's running peak (docs/backtest.md)\n");
    for (size_t k = 0; k < nm; ++k)
        printf("%s%*s", k ? " " : "", year_width(&m[k]), m[k].name);
    putchar('\n');
    for (size_t i = 0; i < ny; ++i) {
        for (size_t k = 0; k < nm; ++k) {
            char cell[32] = "n/a";
            double x = alvh_backtest_year_value(&y[i], &m[k]);
            if (isfinite(x))
                snprintf(cell, sizeof cell, "%.7g", x);
            printf("%s%*s", k ? " " : "", year_width(&m[k]), cell);
        }
        putchar('\n');
    }
    free(y);
    return 0;
}

/* The command line. @return : -1 to go on, else the exit code. */
static int parse_args(int argc, char **argv, const char **data, const char **policy,
                      const char **daily, int *by_year, alvh_cli_sources *src)
{
    for (int i = 0; i < argc; ++i) {
        int got = alvh_cli_source_option("backtest", argc, argv, &i, src);
        if (got < 0)
            return 2;
        if (got > 0)
            continue;
        if (strcmp(argv[i], "--help") == 0) {
            backtest_usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc) {
            *policy = argv[++i];
        } else if (strcmp(argv[i], "--daily") == 0 && i + 1 < argc) {
            *daily = argv[++i];
        } else if (strcmp(argv[i], "--by-year") == 0) {
            *by_year = 1;
        } else if (!*data && argv[i][0] != '-') {
            *data = argv[i];
        } else {
            fprintf(stderr, "alvh backtest: unexpected argument \"%s\"\n", argv[i]);
            backtest_usage(stderr);
            return 2;
        }
    }
    int files = src->spx || src->vix || src->nfutures > 0 || src->join.ntenors > 0;
    if ((!*data && !files) || (*data && files) || (files && (!src->spx || !src->vix))) {
        if (files)
            fprintf(stderr, "alvh backtest: give DATA.csv, or --spx and --vix\n");
        backtest_usage(stderr);
        return 2;
    }
    return -1;
}

/* Runs the backtest on t and prints it. */
static int run(const char *label, const alvh_market_series *t, size_t first_row,
               const alvh_policy *policy, const char *daily, int by_year)
{
    alvh_backtest_day *days = malloc((t->n ? t->n : 1) * sizeof *days);
    if (!days) {
        fprintf(stderr, "alvh backtest: out of memory\n");
        return 1;
    }
    alvh_backtest_data d = alvh_market_series_data(t);
    alvh_backtest_summary s;
    char err[512];
    err[0] = '\0';
    alvh_status st = alvh_backtest_run(&d, policy, first_row, days, &s, err, sizeof err);
    int rc = 0;
    if (st != ALVH_OK) {
        fprintf(stderr, "alvh backtest: %s: %s\n", alvh_status_name(st),
                err[0] ? err : alvh_status_message(st));
        rc = 1;
    }
    if (rc == 0 && daily && write_daily(daily, t, days) != 0)
        rc = 1;
    if (rc == 0) {
        print_summary(label, t, &s);
        if (by_year)
            rc = print_years(t, days, policy->backtest.capital);
    }
    if (fflush(stdout) != 0)
        rc = 1;
    free(days);
    return rc;
}

int alvh_cli_backtest(int argc, char **argv)
{
    const char *data = NULL, *policy_text = NULL, *daily = NULL;
    int by_year = 0;
    alvh_cli_sources src;
    if (alvh_cli_sources_init(&src, argc) != 0) {
        fprintf(stderr, "alvh backtest: out of memory\n");
        return 1;
    }
    int rc = parse_args(argc, argv, &data, &policy_text, &daily, &by_year, &src);
    alvh_policy policy;
    if (rc < 0) {
        char err[512];
        err[0] = '\0';
        alvh_status st = alvh_policy_parse(policy_text, &policy, err, sizeof err);
        if (st != ALVH_OK) {
            fprintf(stderr, "alvh backtest: %s: policy: %s\n", alvh_status_name(st),
                    err[0] ? err : alvh_status_message(st));
            rc = 1;
        }
    }
    alvh_market_series t;
    memset(&t, 0, sizeof t);
    size_t first_row = 2;
    if (rc < 0) {
        int got = read_market(data, &src, &t, &first_row);
        rc = got != 0 ? got : -1;
    }
    if (rc < 0) {
        char label[512];
        if (data)
            snprintf(label, sizeof label, "%s", data);
        else
            snprintf(label, sizeof label, "--spx %s --vix %s", src.spx, src.vix);
        rc = run(label, &t, first_row, &policy, daily, by_year);
    }
    alvh_market_series_free(&t);
    alvh_cli_sources_free(&src);
    return rc;
}
