/* backtest_output.c: what a backtest returns, described once: the summary's measures in output
 * order (alvh_backtest_measures(), alvh/backtest.h). The CLI and the table functions both read
 * the results through these descriptors. */
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
