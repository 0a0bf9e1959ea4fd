/* backtest_check.c: the market-data check every backtest runs first (alvh_backtest_check(),
 * alvh/backtest.h): each failure is a sentence naming the row and the column. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include "alvh/backtest.h"
#include "alvh/dates.h"
#include "base.h"

/* Latest serial date the data may hold: 9999-12-31. */
static const double k_last_serial = 2958465.0;

/* YYYY-MM-DD of a serial, or the number when out of range. */
static void iso(char *buf, size_t size, double serial)
{
    int y = 0, m = 0, d = 0;
    if (isfinite(serial) && alvh_ymd_from_serial(serial, &y, &m, &d) == ALVH_OK)
        snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
    else
        alvh_format_number(buf, size, serial);
}

alvh_status alvh_backtest_check(const alvh_backtest_data *d, double max_gap_days,
                                size_t first_row, char *err, size_t errsize)
{
    char a[40], b[40];
    if (!d || !d->date || !d->spx || !d->vix)
        return alvh_fail_text(err, errsize, ALVH_E_ARGUMENT, "market data is missing");
    if (d->n < ALVH_BACKTEST_MIN_ROWS)
        return alvh_fail_text(err, errsize, ALVH_E_DATA_SHORT,
                              "a backtest needs at least %d rows of market data, got %zu",
                              ALVH_BACKTEST_MIN_ROWS, d->n);
    if (d->nfut > ALVH_BACKTEST_MAX_FUTURES || (d->nfut > 0 && (!d->fut || !d->fut_days)))
        return alvh_fail_text(err, errsize, ALVH_E_DATA_FORMAT,
                              "at most %d futures tenors are read, got %zu",
                              ALVH_BACKTEST_MAX_FUTURES, d->nfut);
    for (size_t k = 0; k < d->nfut; ++k)
        if (!isfinite(d->fut_days[k]) || d->fut_days[k] <= 0 ||
            (k > 0 && d->fut_days[k] <= d->fut_days[k - 1])) {
            alvh_format_number(a, sizeof a, d->fut_days[k]);
            return alvh_fail_text(
                err, errsize, ALVH_E_DATA_FORMAT,
                "futures tenor %zu must be a positive number of days, larger than the "
                "one before, got %s",
                k + 1, a);
        }
    if ((d->advancers == NULL) != (d->decliners == NULL))
        return alvh_fail_text(err, errsize, ALVH_E_DATA_FORMAT,
                              "advancers and decliners must be given together");
    if (!isfinite(max_gap_days) || max_gap_days < 1)
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE, "max_gap_days must be at least 1");
    for (size_t i = 0; i < d->n; ++i) {
        size_t row = first_row + i;
        double t = d->date[i];
        if (!isfinite(t) || t < 1 || t > k_last_serial) {
            alvh_format_number(a, sizeof a, t);
            return alvh_fail_text(
                err, errsize, ALVH_E_DATA_VALUE,
                "row %zu: date must be a date (a serial from 1 to 2958465), got %s", row, a);
        }
        if (i > 0) {
            double prev = d->date[i - 1];
            if (t <= prev) {
                iso(a, sizeof a, t);
                iso(b, sizeof b, prev);
                return alvh_fail_text(
                    err, errsize, ALVH_E_DATA_ORDER,
                    "row %zu: date %s is not after the previous row's %s (dates must be "
                    "sorted, oldest first, without repeats)",
                    row, a, b);
            }
            if (t - prev > max_gap_days) {
                iso(a, sizeof a, prev);
                iso(b, sizeof b, t);
                char g[40], m[40];
                alvh_format_number(g, sizeof g, t - prev);
                alvh_format_number(m, sizeof m, max_gap_days);
                return alvh_fail_text(
                    err, errsize, ALVH_E_DATA_GAP,
                    "row %zu: %s days from %s to %s; gaps above %s days are missing days "
                    "(policy backtest.max_gap_days)",
                    row, g, a, b, m);
            }
        }
        if (!isfinite(d->spx[i]) || d->spx[i] <= 0) {
            alvh_format_number(a, sizeof a, d->spx[i]);
            return alvh_fail_text(err, errsize, ALVH_E_DATA_VALUE,
                                  "row %zu: spx must be a positive price, got %s", row, a);
        }
        if (!isfinite(d->vix[i]) || d->vix[i] <= 0) {
            alvh_format_number(a, sizeof a, d->vix[i]);
            return alvh_fail_text(err, errsize, ALVH_E_DATA_VALUE,
                                  "row %zu: vix must be a positive level, got %s", row, a);
        }
        for (size_t k = 0; k < d->nfut; ++k) {
            double f = d->fut[i * d->nfut + k];
            if (!isfinite(f) || f <= 0) {
                alvh_format_number(a, sizeof a, f);
                alvh_format_number(b, sizeof b, d->fut_days[k]);
                return alvh_fail_text(err, errsize, ALVH_E_DATA_VALUE,
                                      "row %zu: fut_%s must be a positive price, got %s", row, b,
                                      a);
            }
        }
        if (d->advancers) {
            const double *col[2] = {d->advancers, d->decliners};
            const char *name[2] = {"advancers", "decliners"};
            for (int c = 0; c < 2; ++c)
                if (!isfinite(col[c][i]) || col[c][i] < 0) {
                    alvh_format_number(a, sizeof a, col[c][i]);
                    return alvh_fail_text(err, errsize, ALVH_E_DATA_VALUE,
                                          "row %zu: %s must be a count, zero or more, got %s", row,
                                          name[c], a);
                }
        }
    }
    return ALVH_OK;
}
