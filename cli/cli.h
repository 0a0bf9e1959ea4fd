/* cli.h: the alvh CLI's command registry, so commands beyond the function table (policy,
 * backtest) live in their own files. */
#ifndef ALVH_CLI_H
#define ALVH_CLI_H

#include <stdio.h>

#include "alvh/table.h"

typedef struct alvh_cli_command {
    const char *name;  /* "policy" */
    const char *usage; /* "policy" shown in the usage line */
    int (*run)(int argc, char **argv); /* argv after the command name; returns the exit code */
} alvh_cli_command;

/* Defined in commands.c: the extra commands, ended by a {NULL} entry. */
extern const alvh_cli_command alvh_cli_extra_commands[];

/* Synthetic markets and backtests (market_cmd.c, backtest_cmd.c). */
int alvh_cli_market(int argc, char **argv);
int alvh_cli_backtest(int argc, char **argv);

/* The policy as JSON (policy_cmd.c). */
int alvh_cli_policy(int argc, char **argv);

/* Option chains: CBOE's quote table download (chain_cmd.c). */
int alvh_cli_chain(int argc, char **argv);

/* Prints a result the way `alvh call` does (one line). */
void alvh_cli_print_result(FILE *f, const alvh_result *r);

#endif
