/* backtest_cmd.c: `alvh backtest data.csv [--policy P] [--daily out.csv]`.
 *
 * data.csv: a header line, then one row per trading day, oldest first. Columns, any order
 * (names in any case):
 *   date       YYYY-MM-DD or a spreadsheet serial number (required)
 *   spx, vix   closes, index points (required)
 *   fut_<N>    optional: the VIX future N calendar days ahead (constant maturity), any number
 *   advancers, decliners   optional, together: breadth counts (the A/D divergence trigger)
 * `alvh market PRESET` writes this format. Row N in messages is line N of the file.
 * --policy: JSON text or a JSON file's path (alvh/policy.h). --daily: writes the daily series.
 * Prints the summary: one line per measure, "name value" (n/a when undefined). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/backtest.h"
#include "alvh/dates.h"
#include "alvh/policy.h"
#include "cli.h"

enum { COL_DATE, COL_SPX, COL_VIX, COL_FUT, COL_ADV, COL_DEC, COL_UNKNOWN };

typedef struct {
    size_t n, cap, nfut;
    double *date, *spx, *vix, *fut, *adv, *dec;
    double fut_days[ALVH_BACKTEST_MAX_FUTURES];
    int has_breadth;
} table;

static void table_free(table *t)
{
    free(t->date);
    free(t->spx);
    free(t->vix);
    free(t->fut);
    free(t->adv);
    free(t->dec);
}

static int grow(table *t)
{
    size_t cap = t->cap ? 2 * t->cap : 256;
    double **cols[] = {&t->date, &t->spx, &t->vix, &t->adv, &t->dec};
    for (size_t k = 0; k < sizeof cols / sizeof cols[0]; ++k) {
        double *p = realloc(*cols[k], cap * sizeof(double));
        if (!p)
            return -1;
        *cols[k] = p;
    }
    if (t->nfut > 0) {
        double *p = realloc(t->fut, cap * t->nfut * sizeof(double));
        if (!p)
            return -1;
        t->fut = p;
    }
    t->cap = cap;
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        ++s;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
                       s[len - 1] == '\n'))
        s[--len] = '\0';
    return s;
}

/* ASCII case-insensitive equality of a header name and a known column name. */
static int same_name(const char *a, const char *b)
{
    for (; *a && *b; ++a, ++b) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* Splits line at commas in place; returns the field count (at most max). */
static size_t split(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (n < max)
            fields[n] = trim(p);
        ++n;
        if (!comma)
            break;
        p = comma + 1;
    }
    return n;
}

static int parse_number(const char *s, double *x)
{
    if (!*s)
        return -1;
    char *end = NULL;
    errno = 0;
    *x = strtod(s, &end);
    return (*end == '\0' && errno != ERANGE) ? 0 : -1;
}

/* YYYY-MM-DD, or a serial number. */
static int parse_date(const char *s, double *serial)
{
    int y, m, d;
    char extra;
    if (strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 && s[4] == '-' &&
        s[7] == '-')
        return alvh_serial_from_ymd(y, m, d, serial) == ALVH_OK ? 0 : -1;
    return parse_number(s, serial);
}

#define MAX_COLS 64

/* Reads the CSV into t; on failure prints the reason and returns the status. */
static alvh_status read_csv(const char *path, table *t)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "alvh backtest: cannot open %s: %s\n", path, strerror(errno));
        return ALVH_E_DATA_FORMAT;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    size_t lineno = 0, ncols = 0, blank_at = 0;
    int kinds[MAX_COLS];
    size_t fut_index[MAX_COLS];
    char *fields[MAX_COLS];
    char names[MAX_COLS][24];
    alvh_status st = ALVH_OK;
    while ((len = getline(&line, &cap, f)) >= 0) {
        ++lineno;
        char *text = line;
        if (lineno == 1 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
            (unsigned char)text[2] == 0xBF)
            text += 3; /* UTF-8 byte order mark */
        if (*trim(text) == '\0') {
            if (!blank_at)
                blank_at = lineno;
            continue;
        }
        if (blank_at && ncols > 0) {
            fprintf(stderr, "alvh backtest: DATA_FORMAT: row %zu is empty (rows must be "
                            "consecutive)\n", blank_at);
            st = ALVH_E_DATA_FORMAT;
            break;
        }
        size_t nf = split(text, fields, MAX_COLS);
        if (nf > MAX_COLS) {
            fprintf(stderr, "alvh backtest: DATA_FORMAT: row %zu has %zu columns; at most %d are "
                            "read\n", lineno, nf, MAX_COLS);
            st = ALVH_E_DATA_FORMAT;
            break;
        }
        if (ncols == 0) { /* the header */
            int seen[COL_UNKNOWN] = {0};
            for (size_t k = 0; k < nf && st == ALVH_OK; ++k) {
                const char *h = fields[k];
                snprintf(names[k], sizeof names[k], "%s", h);
                double days = 0;
                kinds[k] = COL_UNKNOWN;
                if (same_name(h, "date"))
                    kinds[k] = COL_DATE;
                else if (same_name(h, "spx"))
                    kinds[k] = COL_SPX;
                else if (same_name(h, "vix"))
                    kinds[k] = COL_VIX;
                else if (same_name(h, "advancers"))
                    kinds[k] = COL_ADV;
                else if (same_name(h, "decliners"))
                    kinds[k] = COL_DEC;
                else if ((strncmp(h, "fut_", 4) == 0 || strncmp(h, "FUT_", 4) == 0) &&
                         parse_number(h + 4, &days) == 0) {
                    if (t->nfut == ALVH_BACKTEST_MAX_FUTURES || !(days > 0) ||
                        (t->nfut > 0 && days <= t->fut_days[t->nfut - 1])) {
                        fprintf(stderr, "alvh backtest: DATA_FORMAT: row 1: column \"%s\": "
                                        "futures columns need increasing positive days, at "
                                        "most %d of them\n", h, ALVH_BACKTEST_MAX_FUTURES);
                        st = ALVH_E_DATA_FORMAT;
                        break;
                    }
                    kinds[k] = COL_FUT;
                    fut_index[k] = t->nfut;
                    t->fut_days[t->nfut++] = days;
                    continue;
                }
                if (kinds[k] == COL_UNKNOWN) {
                    fprintf(stderr, "alvh backtest: DATA_FORMAT: row 1: unknown column \"%.40s\" "
                                    "(known: date, spx, vix, fut_<days>, advancers, "
                                    "decliners)\n", h);
                    st = ALVH_E_DATA_FORMAT;
                } else if (seen[kinds[k]]++) {
                    fprintf(stderr, "alvh backtest: DATA_FORMAT: row 1: column \"%s\" appears "
                                    "twice\n", h);
                    st = ALVH_E_DATA_FORMAT;
                }
            }
            if (st != ALVH_OK)
                break;
            if (!seen[COL_DATE] || !seen[COL_SPX] || !seen[COL_VIX] ||
                seen[COL_ADV] != seen[COL_DEC]) {
                fprintf(stderr, "alvh backtest: DATA_FORMAT: row 1: the header needs date, spx "
                                "and vix (advancers and decliners only together), got \"%s\"\n",
                        nf ? fields[0] : "");
                st = ALVH_E_DATA_FORMAT;
                break;
            }
            t->has_breadth = seen[COL_ADV];
            ncols = nf;
            continue;
        }
        if (nf != ncols) {
            fprintf(stderr, "alvh backtest: DATA_FORMAT: row %zu has %zu columns, the header "
                            "has %zu\n", lineno, nf, ncols);
            st = ALVH_E_DATA_FORMAT;
            break;
        }
        if (t->n == t->cap && grow(t) != 0) {
            fprintf(stderr, "alvh backtest: out of memory\n");
            st = ALVH_E_NO_MEMORY;
            break;
        }
        size_t i = t->n;
        for (size_t k = 0; k < nf; ++k) {
            double x = 0;
            int bad = kinds[k] == COL_DATE ? parse_date(fields[k], &x)
                                           : parse_number(fields[k], &x);
            if (bad) {
                const char *what = kinds[k] == COL_DATE ? "a date (YYYY-MM-DD or a serial number)"
                                                        : "a number";
                if (fields[k][0] == '\0')
                    fprintf(stderr, "alvh backtest: DATA_VALUE: row %zu: %s is missing\n",
                            lineno, names[k]);
                else
                    fprintf(stderr, "alvh backtest: DATA_VALUE: row %zu: %s \"%.40s\" is not "
                                    "%s\n", lineno, names[k], fields[k], what);
                st = ALVH_E_DATA_VALUE;
                break;
            }
            switch (kinds[k]) {
            case COL_DATE: t->date[i] = x; break;
            case COL_SPX: t->spx[i] = x; break;
            case COL_VIX: t->vix[i] = x; break;
            case COL_ADV: t->adv[i] = x; break;
            case COL_DEC: t->dec[i] = x; break;
            default: t->fut[i * t->nfut + fut_index[k]] = x; break;
            }
        }
        if (st != ALVH_OK)
            break;
        t->n++;
    }
    free(line);
    fclose(f);
    if (st == ALVH_OK && ncols == 0) {
        fprintf(stderr, "alvh backtest: DATA_FORMAT: %s is empty (it needs a header line)\n",
                path);
        st = ALVH_E_DATA_FORMAT;
    }
    return st;
}

static void print_value(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, "%.10g", x);
    else
        fputs("n/a", f);
}

static void put_date(FILE *f, double serial)
{
    int y = 0, m = 0, d = 0;
    if (serial > 0 && alvh_ymd_from_serial(serial, &y, &m, &d) == ALVH_OK)
        fprintf(f, "%04d-%02d-%02d", y, m, d);
    else if (serial > 0)
        fprintf(f, "%.15g", serial);
}

/* The daily series as CSV (numbers with 15 significant digits). */
static int write_daily(const char *path, const table *t, const alvh_backtest_day *days)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "alvh backtest: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    fprintf(f, "date,spx,vix,equity_unhedged,equity_hedged,hedge_pnl,drawdown_unhedged,"
               "drawdown_hedged,cash_unhedged,condor_mark,cash_hedged,hedge_mark,condor_pnl,"
               "front_pnl,hedge_day_pnl,long_put,short_put,short_call,long_call,condor_expiry");
    for (int l = 1; l <= 3; ++l)
        fprintf(f, ",layer%d_contracts,layer%d_strike,layer%d_expiry", l, l, l);
    fprintf(f, ",events\n");
    for (size_t i = 0; i < t->n; ++i) {
        const alvh_backtest_day *d = &days[i];
        put_date(f, t->date[i]);
        const double cols[] = {t->spx[i], t->vix[i], d->equity_unhedged, d->equity_hedged,
                               d->hedge_pnl, d->drawdown_unhedged, d->drawdown_hedged,
                               d->cash_unhedged, d->condor_mark, d->cash_hedged, d->hedge_mark,
                               d->condor_pnl, d->front_pnl, d->hedge_day_pnl,
                               d->condor_strikes[0], d->condor_strikes[1], d->condor_strikes[2],
                               d->condor_strikes[3]};
        for (size_t k = 0; k < sizeof cols / sizeof cols[0]; ++k)
            fprintf(f, ",%.15g", cols[k]);
        fputc(',', f);
        put_date(f, d->condor_expiry);
        for (int l = 0; l < 3; ++l) {
            fprintf(f, ",%.15g,%.15g,", d->layer_contracts[l], d->layer_strike[l]);
            put_date(f, d->layer_expiry[l]);
        }
        fprintf(f, ",%u\n", d->events);
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
    table t;
    memset(&t, 0, sizeof t);
    st = read_csv(data, &t);
    if (st != ALVH_OK) {
        table_free(&t);
        return 1;
    }
    alvh_backtest_data d = {.n = t.n, .date = t.date, .spx = t.spx, .vix = t.vix,
                            .nfut = t.nfut, .fut_days = t.fut_days,
                            .fut = t.nfut ? t.fut : NULL,
                            .advancers = t.has_breadth ? t.adv : NULL,
                            .decliners = t.has_breadth ? t.dec : NULL};
    alvh_backtest_day *days = malloc((t.n ? t.n : 1) * sizeof *days);
    alvh_backtest_summary s;
    if (!days) {
        fprintf(stderr, "alvh backtest: out of memory\n");
        table_free(&t);
        return 1;
    }
    err[0] = '\0';
    st = alvh_backtest_run(&d, &policy, 2, days, &s, err, sizeof err);
    if (st != ALVH_OK) {
        fprintf(stderr, "alvh backtest: %s: %s\n", alvh_status_name(st),
                err[0] ? err : alvh_status_message(st));
        free(days);
        table_free(&t);
        return 1;
    }
    int rc = 0;
    if (daily && write_daily(daily, &t, days) != 0)
        rc = 1;
    printf("# alvh backtest %s: %zu rows, ", data, t.n);
    put_date(stdout, t.date[0]);
    printf(" to ");
    put_date(stdout, t.date[t.n - 1]);
    printf("\n");
    size_t nm = 0;
    const alvh_backtest_measure *m = alvh_backtest_measures(&nm);
    for (size_t k = 0; k < nm; ++k) {
        printf("%-28s ", m[k].name);
        print_value(stdout, *(const double *)((const char *)&s + m[k].offset));
        putchar('\n');
    }
    free(days);
    table_free(&t);
    return fflush(stdout) == 0 ? rc : 1;
}
