/* backtest_output.c: what a backtest returns, described once: the summary's measures and the
 * daily columns in output order (alvh/backtest.h). The CLI (`alvh backtest`, its --daily file)
 * and the table functions (ALVH_BACKTEST, ALVH_BACKTEST_SUMMARY) both lay out the results
 * through these descriptors; `alvh backtest` prints the books side by side (alvh_backtest_rows). */
#include <math.h>
#include <stddef.h>

#include "alvh/backtest.h"

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
