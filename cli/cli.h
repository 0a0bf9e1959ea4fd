/* cli.h: the alvh CLI's command registry, so commands beyond the function table (policy,
 * backtest) live in their own files. */
#ifndef ALVH_CLI_H
#define ALVH_CLI_H

#include <stdio.h>

#include "alvh/marketfile.h"
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

/* Published files joined into the market format (join_cmd.c). */
int alvh_cli_join_files(int argc, char **argv);

/* The options naming published files, shared by join and backtest (history.c). */
typedef struct alvh_cli_sources {
    const char *spx, *vix;   /* --spx FILE, --vix FILE */
    const char **futures;    /* --futures FILE...: argv pointers, room for argc */
    size_t nfutures;
    alvh_join_options join;  /* --from, --to, --tenors */
} alvh_cli_sources;

/* Zeroes *src with room for argc futures files; -1 when out of memory. */
int alvh_cli_sources_init(alvh_cli_sources *src, int argc);
void alvh_cli_sources_free(alvh_cli_sources *src);

/* argv[*i] if it is one of the options above (*i moved past its values): 1; not one: 0; a bad
 * value: -1 (the message printed, "alvh CMD: ..."). */
int alvh_cli_source_option(const char *cmd, int argc, char **argv, int *i, alvh_cli_sources *src);

/* Reads the files named and joins them into *out (zeroed by the caller), printing the dropped
 * dates on stderr. @return : 0, or the exit code (1: a file or the join failed, 2: usage). */
int alvh_cli_join(const char *cmd, const alvh_cli_sources *src, alvh_market_series *out);

/* A market file's error on stderr: "alvh CMD: STATUS: [PATH: ]sentence" (PATH when given and
 * the sentence names a line: the market format's sentences do not name their file). */
void alvh_cli_file_error(const char *cmd, const char *path, alvh_status st,
                         const alvh_marketfile_error *e);

/* A serial date as YYYY-MM-DD (nothing for 0). */
void alvh_cli_put_date(FILE *f, double serial);

/* The policy as JSON (policy_cmd.c). */
int alvh_cli_policy(int argc, char **argv);

/* Option chains: CBOE's quote table download (chain_cmd.c). */
int alvh_cli_chain(int argc, char **argv);

/* Prints a result the way `alvh call` does (one line). */
void alvh_cli_print_result(FILE *f, const alvh_result *r);

#endif
