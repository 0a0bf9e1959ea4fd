/* commands.c: alvh CLI commands beyond list/describe/call/reference. Add a row per command. */
#include "cli.h"

const alvh_cli_command alvh_cli_extra_commands[] = {
    {"market", "market PRESET [--seed N] [--days N]", alvh_cli_market},
    {"backtest", "backtest DATA.csv [--policy P] [--daily OUT.csv]", alvh_cli_backtest},
    {"policy", "policy [POLICY]", alvh_cli_policy},
    {"chain", "chain FILE [--expiry DATE | --condor ... | --hedge ...]", alvh_cli_chain},
    {NULL, NULL, NULL},
};
