/* join_cmd.c: `alvh join --spx FILE --vix FILE [--futures FILE...] [--tenors LIST] [--from DATE]
 * [--to DATE]`: published files put together (alvh_market_join()) and written in the market
 * format on stdout, which `alvh backtest` reads back bit for bit; the dropped dates on stderr. */
#include <stdio.h>
#include <string.h>

#include "alvh/marketfile.h"
#include "cli.h"

static void join_usage(FILE *f)
{
    fprintf(f, "usage: alvh join --spx FILE --vix FILE [--futures FILE...] [--tenors DAYS,...] "
               "[--from DATE] [--to DATE]\n"
               "  --spx: an S&P 500 daily export (Date and Close columns); --vix: Cboe's "
               "VIX_History.csv\n"
               "  --futures: CFE VIX futures settlement files, one contract each; --tenors: the "
               "fut_<days> columns (default 30,60,90,120,150,180)\n"
               "  Writes date,spx,vix[,fut_<days>...] on stdout (the format `alvh backtest` "
               "reads); dates on one side only are dropped and listed on stderr.\n");
}

/* The joined series on stdout. */
static int write_series(const alvh_market_series *s)
{
    char line[2048];
    alvh_market_series_header(s, line, sizeof line);
    puts(line);
    for (size_t i = 0; i < s->n; ++i) {
        alvh_market_series_row(s, i, line, sizeof line);
        puts(line);
    }
    return fflush(stdout) == 0 ? 0 : 1;
}

int alvh_cli_join_files(int argc, char **argv)
{
    alvh_cli_sources src;
    if (alvh_cli_sources_init(&src, argc) != 0) {
        fprintf(stderr, "alvh join: out of memory\n");
        return 1;
    }
    int rc = 0;
    for (int i = 0; rc == 0 && i < argc; ++i) {
        if (strcmp(argv[i], "--help") == 0) {
            join_usage(stdout);
            alvh_cli_sources_free(&src);
            return 0;
        }
        int got = alvh_cli_source_option("join", argc, argv, &i, &src);
        if (got == 0) {
            fprintf(stderr, "alvh join: unexpected argument \"%s\"\n", argv[i]);
            join_usage(stderr);
        }
        rc = got == 1 ? 0 : 2;
    }
    if (rc == 0 && (!src.spx || !src.vix)) {
        join_usage(stderr);
        rc = 2;
    }
    alvh_market_series out;
    memset(&out, 0, sizeof out);
    if (rc == 0)
        rc = alvh_cli_join("join", &src, &out);
    if (rc == 0) {
        fprintf(stderr, "alvh join: %zu rows, ", out.n);
        alvh_cli_put_date(stderr, out.date[0]);
        fprintf(stderr, " to ");
        alvh_cli_put_date(stderr, out.date[out.n - 1]);
        fprintf(stderr, "\n");
        rc = write_series(&out);
    }
    alvh_market_series_free(&out);
    alvh_cli_sources_free(&src);
    return rc;
}
