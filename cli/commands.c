/* commands.c: alvh CLI commands beyond list/describe/call/reference. Add a row per command. */
#include "cli.h"

const alvh_cli_command alvh_cli_extra_commands[] = {
    {"market", "market PRESET [--seed N] [--days N]", alvh_cli_market},
    {"backtest",
     "backtest (DATA.csv or --spx FILE --vix FILE [--futures FILE...]) [--from DATE] [--to DATE] "
     "[--policy P] [--daily OUT.csv] [--by-year]",
     alvh_cli_backtest},
    {"join", "join --spx FILE --vix FILE [--futures FILE...] [--tenors DAYS,...] [--from DATE] "
             "[--to DATE]",
     alvh_cli_join_files},
    {"policy", "policy [POLICY]", alvh_cli_policy},
    {"chain", "chain FILE [--expiry DATE | --condor ... | --hedge ...]", alvh_cli_chain},
    {NULL, NULL, NULL},
};
