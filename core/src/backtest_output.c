/* backtest_output.c: what a backtest returns, described once: the summary's measures and the
 * daily columns in output order (alvh/backtest.h). The CLI (`alvh backtest`, its --daily file)
 * and the table functions (ALVH_BACKTEST, ALVH_BACKTEST_SUMMARY) both lay out the results
 * through these descriptors; `alvh backtest` prints the books side by side (alvh_backtest_rows).
 * And the same measures per calendar year (alvh_backtest_years()), from the daily series. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "alvh/backtest.h"
#include "alvh/dates.h"

#define M(name, doc, field) {name, doc, offsetof(alvh_backtest_summary, field)}
#define UNHEDGED ALVH_BOOK_UNHEDGED
#define HEDGED ALVH_BOOK_VIX_CALLS
static const alvh_backtest_measure k_measures[] = {
    M("rows", "rows of market data", rows),
    M("years", "years from the first to the last date (ACT/365)", years),
    M("total_return_unhedged", "final equity / capital - 1, decimal", total_return[UNHEDGED]),
    M("total_return_hedged", "final equity / capital - 1, decimal", total_return[HEDGED]),
    M("max_drawdown_unhedged", "lowest equity / running peak - 1, decimal (<= 0)",
      max_drawdown[UNHEDGED]),
    M("max_drawdown_hedged", "lowest equity / running peak - 1, decimal (<= 0)",
      max_drawdown[HEDGED]),
    M("worst_day_unhedged", "lowest equity / previous equity - 1, decimal", worst_day[UNHEDGED]),
    M("worst_day_hedged", "lowest equity / previous equity - 1, decimal", worst_day[HEDGED]),
    M("high_vix_days", "rows with VIX above backtest.high_vix", high_vix_days),
    M("high_vix_drawdown_unhedged", "lowest drawdown on a high-VIX row, decimal (<= 0)",
      high_vix_drawdown[UNHEDGED]),
    M("high_vix_drawdown_hedged", "lowest drawdown on a high-VIX row, decimal (<= 0)",
      high_vix_drawdown[HEDGED]),
    M("high_vix_drawdown_reduction",
      "1 - hedged / unhedged high-VIX drawdown, decimal (0.37 = 37% shallower)",
      high_vix_reduction),
    M("high_vix_pnl_unhedged", "dollars: sum of equity changes on high-VIX rows",
      high_vix_pnl[UNHEDGED]),
    M("high_vix_pnl_hedged", "dollars: sum of equity changes on high-VIX rows",
      high_vix_pnl[HEDGED]),
    M("high_vix_loss_unhedged", "dollars: sum of daily losses on high-VIX rows (>= 0)",
      high_vix_loss[UNHEDGED]),
    M("high_vix_loss_hedged", "dollars: sum of daily losses on high-VIX rows (>= 0)",
      high_vix_loss[HEDGED]),
    M("high_vix_loss_reduction", "1 - hedged / unhedged high-VIX losses, decimal",
      high_vix_loss_reduction),
    M("hedge_pnl", "dollars: hedged minus unhedged equity at the last row", hedge_pnl),
    M("hedge_premium", "dollars paid for VIX calls, fees included", hedge_premium),
    M("average_notional", "dollars: mean hedge-sizing notional over the rows", average_notional),
    M("hedge_premium_pct_month", "premium per month / average notional, decimal",
      hedge_premium_month),
    M("hedge_cost_pct_month", "net hedge cost (-hedge_pnl) per month / average notional, decimal",
      hedge_cost_month),
    M("spike_days", "rows with VIX at least backtest.spike_rise above the previous close",
      spike_days),
    M("spike_ratio_front", "layer-1 gain / condor loss summed over spike rows", spike_ratio_front),
    M("spike_ratio_hedge", "all layers' gain / condor loss summed over spike rows",
      spike_ratio_hedge),
    M("condors", "condors opened", condors),
    M("condor_wins", "condors closed or settled for less than their credit", condor_wins),
    M("costs_unhedged", "dollars of transaction costs", costs[UNHEDGED]),
    M("costs_hedged", "dollars of transaction costs", costs[HEDGED]),
};
#undef M

const alvh_backtest_measure *alvh_backtest_measures(size_t *n)
{
    *n = sizeof k_measures / sizeof k_measures[0];
    return k_measures;
}

double alvh_backtest_measure_value(const alvh_backtest_summary *s, const alvh_backtest_measure *m)
{
    return *(const double *)((const char *)s + m->offset);
}

/* The side-by-side rows: a measure of the run (RUN), of every book (BOOKS), or of the hedged
 * books only (HEDGES: the VIX book's from its scalar, the put spread's from its array). The
 * flat measures above are the unhedged and VIX columns' cells; the put spread's column is
 * only here (ALVH_BACKTEST_SUMMARY keeps its layout; ALVH_BACKTEST_COMPARE has every book). */
#define OFF(field) offsetof(alvh_backtest_summary, field)
#define NONE ALVH_BACKTEST_NONE
#define RUN(name, doc, field) {name, doc, {OFF(field), OFF(field), OFF(field)}}
#define BOOKS(name, doc, field) \
    {name, doc, {OFF(field[UNHEDGED]), OFF(field[HEDGED]), OFF(field[PUT])}}
#define HEDGES(name, doc, vix, put) {name, doc, {NONE, OFF(vix), OFF(put)}}
#define PUT ALVH_BOOK_PUT_SPREAD
_Static_assert(ALVH_BACKTEST_BOOKS == 3, "a new book adds a column to k_rows");
static const alvh_backtest_row k_rows[] = {
    RUN("rows", "rows of market data", rows),
    RUN("years", "years from the first to the last date (ACT/365)", years),
    BOOKS("total_return", "final equity / capital - 1, decimal", total_return),
    BOOKS("max_drawdown", "lowest equity / running peak - 1, decimal (<= 0)", max_drawdown),
    BOOKS("worst_day", "lowest equity / previous equity - 1, decimal", worst_day),
    RUN("high_vix_days", "rows with VIX above backtest.high_vix", high_vix_days),
    BOOKS("high_vix_drawdown", "lowest drawdown on a high-VIX row, decimal (<= 0)",
          high_vix_drawdown),
    HEDGES("high_vix_drawdown_reduction", "1 - hedged / unhedged high-VIX drawdown, decimal",
           high_vix_reduction, book_high_vix_reduction[PUT]),
    BOOKS("high_vix_pnl", "dollars: sum of equity changes on high-VIX rows", high_vix_pnl),
    BOOKS("high_vix_loss", "dollars: sum of daily losses on high-VIX rows (>= 0)",
          high_vix_loss),
    HEDGES("high_vix_loss_reduction", "1 - hedged / unhedged high-VIX losses, decimal",
           high_vix_loss_reduction, book_high_vix_loss_reduction[PUT]),
    HEDGES("hedge_pnl", "dollars: hedged minus unhedged equity at the last row", hedge_pnl,
           book_hedge_pnl[PUT]),
    HEDGES("hedge_premium", "dollars paid for the hedge, fees included", hedge_premium,
           book_hedge_premium[PUT]),
    RUN("average_notional", "dollars: mean hedge-sizing notional over the rows",
        average_notional),
    HEDGES("hedge_premium_pct_month", "premium per month / average notional, decimal",
           hedge_premium_month, book_hedge_premium_month[PUT]),
    HEDGES("hedge_cost_pct_month", "net hedge cost (-hedge_pnl) per month / average notional",
           hedge_cost_month, book_hedge_cost_month[PUT]),
    RUN("spike_days", "rows with VIX at least backtest.spike_rise above the previous close",
        spike_days),
    {"spike_ratio_front", "layer-1 gain / condor loss summed over spike rows",
     {NONE, OFF(spike_ratio_front), NONE}},
    HEDGES("spike_ratio_hedge", "the hedge's gain / condor loss summed over spike rows",
           spike_ratio_hedge, book_spike_ratio[PUT]),
    RUN("condors", "condors opened", condors),
    RUN("condor_wins", "condors closed or settled for less than their credit", condor_wins),
    BOOKS("costs", "dollars of transaction costs", costs),
};
#undef RUN
#undef BOOKS
#undef HEDGES
#undef NONE
#undef OFF
#undef UNHEDGED
#undef HEDGED
#undef PUT

const alvh_backtest_row *alvh_backtest_rows(size_t *n)
{
    *n = sizeof k_rows / sizeof k_rows[0];
    return k_rows;
}

double alvh_backtest_row_value(const alvh_backtest_summary *s, const alvh_backtest_row *r,
                               alvh_backtest_book b)
{
    if ((int)b < 0 || b >= ALVH_BACKTEST_BOOKS || r->offset[b] == ALVH_BACKTEST_NONE)
        return (double)NAN;
    return *(const double *)(const void *)((const char *)s + r->offset[b]);
}

const char *alvh_backtest_book_name(alvh_backtest_book b)
{
    static const char *const names[ALVH_BACKTEST_BOOKS] = {
        [ALVH_BOOK_UNHEDGED] = "unhedged",
        [ALVH_BOOK_VIX_CALLS] = "vix_calls",
        [ALVH_BOOK_PUT_SPREAD] = "put_spread",
    };
    return (int)b >= 0 && b < ALVH_BACKTEST_BOOKS ? names[b] : "";
}

#define C(name, field, kind, in_table) \
    {name, offsetof(alvh_backtest_day, field), ALVH_BT_COLUMN_##kind, in_table}
#define LAYER(i) \
    C("layer" #i "_contracts", layer_contracts[i - 1], NUMBER, 0), \
    C("layer" #i "_strike", layer_strike[i - 1], NUMBER, 0), \
    C("layer" #i "_expiry", layer_expiry[i - 1], DATE, 0)
static const alvh_backtest_column k_columns[] = {
    C("equity_unhedged", equity_unhedged, NUMBER, 1),
    C("equity_hedged", equity_hedged, NUMBER, 1),
    C("hedge_pnl", hedge_pnl, NUMBER, 1),
    C("drawdown_unhedged", drawdown_unhedged, NUMBER, 1),
    C("drawdown_hedged", drawdown_hedged, NUMBER, 1),
    C("cash_unhedged", cash_unhedged, NUMBER, 1),
    C("condor_mark", condor_mark, NUMBER, 1),
    C("cash_hedged", cash_hedged, NUMBER, 1),
    C("hedge_mark", hedge_mark, NUMBER, 1),
    C("condor_pnl", condor_pnl, NUMBER, 0),
    C("front_pnl", front_pnl, NUMBER, 0),
    C("hedge_day_pnl", hedge_day_pnl, NUMBER, 0),
    C("long_put", condor_strikes[0], NUMBER, 0),
    C("short_put", condor_strikes[1], NUMBER, 0),
    C("short_call", condor_strikes[2], NUMBER, 0),
    C("long_call", condor_strikes[3], NUMBER, 0),
    C("condor_expiry", condor_expiry, DATE, 0),
    LAYER(1),
    LAYER(2),
    LAYER(3),
    C("events", events, EVENTS, 1),
    C("notional", notional, NUMBER, 0),
    C("hedge_premium", book_premium[ALVH_BOOK_VIX_CALLS], NUMBER, 0),
    /* -- appended (issue 18): the put spread's book; the first five are ALVH_BACKTEST's
     * columns 11-15 -- */
    C("equity_put_spread", book_equity[ALVH_BOOK_PUT_SPREAD], NUMBER, 1),
    C("hedge_pnl_put_spread", book_hedge_pnl[ALVH_BOOK_PUT_SPREAD], NUMBER, 1),
    C("drawdown_put_spread", book_drawdown[ALVH_BOOK_PUT_SPREAD], NUMBER, 1),
    C("cash_put_spread", book_cash[ALVH_BOOK_PUT_SPREAD], NUMBER, 1),
    C("put_spread_mark", book_hedge_mark[ALVH_BOOK_PUT_SPREAD], NUMBER, 1),
    C("put_spread_day_pnl", book_hedge_day_pnl[ALVH_BOOK_PUT_SPREAD], NUMBER, 0),
    C("put_contracts", put_contracts, NUMBER, 0),
    C("put_long_strike", put_long_strike, NUMBER, 0),
    C("put_short_strike", put_short_strike, NUMBER, 0),
    C("put_expiry", put_expiry, DATE, 0),
    C("put_events", put_events, EVENTS, 0),
    C("put_spread_premium", book_premium[ALVH_BOOK_PUT_SPREAD], NUMBER, 0),
};
#undef LAYER
#undef C

const alvh_backtest_column *alvh_backtest_columns(size_t *n)
{
    *n = sizeof k_columns / sizeof k_columns[0];
    return k_columns;
}

double alvh_backtest_column_value(const alvh_backtest_day *day, const alvh_backtest_column *c)
{
    const char *field = (const char *)day + c->offset;
    if (c->kind == ALVH_BT_COLUMN_EVENTS)
        return (double)*(const unsigned *)(const void *)field;
    return *(const double *)(const void *)field;
}

/* ---- per calendar year ------------------------------------------------------------------------ */

#define Y(name, doc, field) {name, doc, offsetof(alvh_backtest_year, field)}
#define UNHEDGED ALVH_BOOK_UNHEDGED
#define HEDGED ALVH_BOOK_VIX_CALLS
#define PUT ALVH_BOOK_PUT_SPREAD
static const alvh_backtest_measure k_year_measures[] = {
    Y("year", "calendar year", year),
    Y("rows", "rows dated in the year", rows),
    Y("hv_days", "high_vix_days: rows with VIX above backtest.high_vix", high_vix_days),
    Y("hv_dd_unhedged", "high_vix_drawdown_unhedged, from the year's running peak",
      high_vix_drawdown[UNHEDGED]),
    Y("hv_dd_hedged", "high_vix_drawdown_hedged, from the year's running peak",
      high_vix_drawdown[HEDGED]),
    Y("hv_dd_reduction", "high_vix_drawdown_reduction: 1 - hedged / unhedged", high_vix_reduction),
    Y("hv_loss_unhedged", "high_vix_loss_unhedged: dollars lost on the year's high-VIX rows",
      high_vix_loss[UNHEDGED]),
    Y("hv_loss_hedged", "high_vix_loss_hedged: dollars lost on the year's high-VIX rows",
      high_vix_loss[HEDGED]),
    Y("hv_loss_reduction", "high_vix_loss_reduction: 1 - hedged / unhedged",
      high_vix_loss_reduction),
    Y("return_unhedged", "total_return_unhedged over the year", total_return[UNHEDGED]),
    Y("return_hedged", "total_return_hedged over the year", total_return[HEDGED]),
    Y("max_dd_unhedged", "max_drawdown_unhedged, from the year's running peak",
      max_drawdown[UNHEDGED]),
    Y("max_dd_hedged", "max_drawdown_hedged, from the year's running peak", max_drawdown[HEDGED]),
    Y("hedge_pnl", "hedge_pnl: dollars the hedge added in the year", hedge_pnl),
    Y("premium_pct_month", "hedge_premium_pct_month: the year's premium / months / notional",
      hedge_premium_month),
    Y("cost_pct_month", "hedge_cost_pct_month: -the year's hedge_pnl / months / notional",
      hedge_cost_month),
    /* -- appended (issue 18): the put spread's book, the same measures -- */
    Y("hv_dd_put", "the put spread book's high_vix_drawdown, from the year's running peak",
      high_vix_drawdown[PUT]),
    Y("hv_dd_red_put", "1 - put spread / unhedged high-VIX drawdown",
      book_high_vix_reduction[PUT]),
    Y("hv_loss_put", "the put spread book's dollars lost on the year's high-VIX rows",
      high_vix_loss[PUT]),
    Y("return_put", "the put spread book's total return over the year", total_return[PUT]),
    Y("max_dd_put", "the put spread book's max drawdown, from the year's running peak",
      max_drawdown[PUT]),
    Y("hedge_pnl_put", "dollars the put spread added in the year", book_hedge_pnl[PUT]),
    Y("cost_pct_month_put", "-the put spread's hedge_pnl in the year / months / notional",
      book_hedge_cost_month[PUT]),
};
#undef Y

const alvh_backtest_measure *alvh_backtest_year_measures(size_t *n)
{
    *n = sizeof k_year_measures / sizeof k_year_measures[0];
    return k_year_measures;
}

double alvh_backtest_year_value(const alvh_backtest_year *y, const alvh_backtest_measure *m)
{
    return *(const double *)(const void *)((const char *)y + m->offset);
}

/* A year's running sums, between its first and its last row. */
typedef struct {
    double open[ALVH_BACKTEST_BOOKS], peak[ALVH_BACKTEST_BOOKS], last[ALVH_BACKTEST_BOOKS];
    double hedge_pnl_open[ALVH_BACKTEST_BOOKS], premium_open[ALVH_BACKTEST_BOOKS];
    double start_date;       /* the previous year's last date (the first year: its first) */
    double notional_sum;
} year_run;

/* Year y begins after row `prev` (SIZE_MAX: the run's first year). */
static void year_begin(alvh_backtest_year *y, year_run *w, int year, const alvh_backtest_data *d,
                       const alvh_backtest_day *days, size_t prev, double capital)
{
    memset(y, 0, sizeof *y);
    y->year = year;
    const int first = prev == SIZE_MAX;
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
        y->high_vix_drawdown[k] = (double)INFINITY;
        w->open[k] = first ? capital : days[prev].book_equity[k];
        w->peak[k] = w->last[k] = w->open[k];
        w->hedge_pnl_open[k] = first ? 0.0 : days[prev].book_hedge_pnl[k];
        w->premium_open[k] = first ? 0.0 : days[prev].book_premium[k];
    }
    w->start_date = floor(d->date[first ? 0 : prev]);
    w->notional_sum = 0;
}

/* Row i of the year: the drawdown from the year's peak and the high-VIX sums. */
static void year_row(alvh_backtest_year *y, year_run *w, const alvh_backtest_day *day)
{
    const int high = (day->events & ALVH_BT_HIGH_VIX) != 0;
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
        const double eq = day->book_equity[k];
        w->peak[k] = fmax(w->peak[k], eq);
        double dd = w->peak[k] > 0 ? eq / w->peak[k] - 1.0 : -1.0;
        y->max_drawdown[k] = fmin(y->max_drawdown[k], dd);
        if (high) {
            y->high_vix_drawdown[k] = fmin(y->high_vix_drawdown[k], dd);
            y->high_vix_loss[k] += fmax(w->last[k] - eq, 0.0);
        }
        w->last[k] = eq;
    }
    y->high_vix_days += high;
    y->rows += 1;
    w->notional_sum += day->notional;
}

/* Year y ends at row `last`: the ratios (in the summary's order of operations, finish_books()
 * in backtest.c). */
static void year_end(alvh_backtest_year *y, const year_run *w, const alvh_backtest_data *d,
                     const alvh_backtest_day *days, size_t last)
{
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
        y->total_return[k] = w->open[k] > 0 ? w->last[k] / w->open[k] - 1.0 : (double)NAN;
        if (!isfinite(y->high_vix_drawdown[k]))
            y->high_vix_drawdown[k] = (double)NAN;
    }
    y->months = (floor(d->date[last]) - w->start_date) / 365.0 * 12.0;
    y->average_notional = w->notional_sum / y->rows;
    const double hvd_u = y->high_vix_drawdown[UNHEDGED], loss_u = y->high_vix_loss[UNHEDGED];
    for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
        y->book_high_vix_reduction[k] =
            hvd_u < 0 ? 1.0 - y->high_vix_drawdown[k] / hvd_u : (double)NAN;
        y->book_high_vix_loss_reduction[k] =
            loss_u > 0 ? 1.0 - y->high_vix_loss[k] / loss_u : (double)NAN;
        y->book_hedge_pnl[k] = days[last].book_hedge_pnl[k] - w->hedge_pnl_open[k];
        y->book_hedge_premium[k] = days[last].book_premium[k] - w->premium_open[k];
        if (y->months > 0 && y->average_notional > 0) {
            y->book_hedge_premium_month[k] =
                y->book_hedge_premium[k] / y->months / y->average_notional;
            y->book_hedge_cost_month[k] =
                (0.0 - y->book_hedge_pnl[k]) / y->months / y->average_notional;
        } else {
            y->book_hedge_premium_month[k] = y->book_hedge_cost_month[k] = (double)NAN;
        }
    }
    y->high_vix_reduction = y->book_high_vix_reduction[HEDGED];
    y->high_vix_loss_reduction = y->book_high_vix_loss_reduction[HEDGED];
    y->hedge_pnl = y->book_hedge_pnl[HEDGED];
    y->hedge_premium = y->book_hedge_premium[HEDGED];
    y->hedge_premium_month = y->book_hedge_premium_month[HEDGED];
    y->hedge_cost_month = y->book_hedge_cost_month[HEDGED];
}
#undef UNHEDGED
#undef HEDGED
#undef PUT

/* The calendar year of row i. */
static int year_of(const alvh_backtest_data *d, size_t i, int *year)
{
    int m = 0, day = 0;
    return alvh_ymd_from_serial(floor(d->date[i]), year, &m, &day) == ALVH_OK ? 0 : -1;
}

alvh_status alvh_backtest_years(const alvh_backtest_data *d, const alvh_backtest_day *days,
                                double capital, alvh_backtest_year *years, size_t max,
                                size_t *count)
{
    if (!count)
        return ALVH_E_ARGUMENT;
    *count = 0;
    if (!d || !days || d->n == 0 || !d->date)
        return ALVH_E_ARGUMENT;
    size_t ny = 0;
    int cur = 0, year = 0;
    for (size_t i = 0; i < d->n; ++i) {
        if (year_of(d, i, &year) != 0)
            return ALVH_E_DATE;
        ny += i == 0 || year != cur;
        cur = year;
    }
    *count = ny;
    if (!years)
        return ALVH_OK;
    if (max < ny)
        return ALVH_E_ARGUMENT;
    year_run w;
    size_t iy = 0;
    for (size_t i = 0; i < d->n; ++i) {
        year_of(d, i, &year);
        if (i == 0 || year != cur) {
            if (i > 0)
                year_end(&years[iy++], &w, d, days, i - 1);
            year_begin(&years[iy], &w, year, d, days, i == 0 ? SIZE_MAX : i - 1, capital);
        }
        cur = year;
        year_row(&years[iy], &w, &days[i]);
    }
    year_end(&years[iy], &w, d, days, d->n - 1);
    return ALVH_OK;
}
