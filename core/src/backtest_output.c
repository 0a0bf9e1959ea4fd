/* backtest_output.c: what a backtest returns, described once: the summary's measures and the
 * daily columns in output order (alvh/backtest.h). The CLI (`alvh backtest`, its --daily file)
 * and the table functions (ALVH_BACKTEST, ALVH_BACKTEST_SUMMARY) both lay out the results
 * through these descriptors. */
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
#undef UNHEDGED
#undef HEDGED

const alvh_backtest_measure *alvh_backtest_measures(size_t *n)
{
    *n = sizeof k_measures / sizeof k_measures[0];
    return k_measures;
}

double alvh_backtest_measure_value(const alvh_backtest_summary *s, const alvh_backtest_measure *m)
{
    return *(const double *)((const char *)s + m->offset);
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
