/* market_cmd.c: `alvh market PRESET [--seed N] [--days N]`: a synthetic market as CSV on stdout
 * (alvh/market.h). The columns are the ones `alvh backtest` reads:
 *   date,spx,vix,fut_30,fut_60,fut_90,fut_120,fut_150,fut_180,advancers,decliners
 * date is ISO (YYYY-MM-DD); fut_N is the VIX future N calendar days ahead (constant maturity). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/dates.h"
#include "alvh/market.h"
#include "cli.h"

/* The most rows one call writes: ~800 years of weekdays (each row is simulated in memory). */
#define MARKET_MAX_DAYS 200000

static int parse_count(const char *text, unsigned long long lo, unsigned long long hi,
                       unsigned long long *out)
{
    if (!text || !*text || *text == '-' || *text == '+')
        return -1;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static void market_usage(FILE *f)
{
    fprintf(f, "usage: alvh market PRESET [--seed N] [--days N]\n  PRESET: ");
    for (size_t i = 0; alvh_market_preset_name(i); ++i)
        fprintf(f, "%s%s", i ? ", " : "", alvh_market_preset_name(i));
    fprintf(f, "\n  Writes a synthetic market (not history) as CSV to stdout.\n");
}

int alvh_cli_market(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "--help") == 0) {
        market_usage(argc < 1 ? stderr : stdout);
        return argc < 1 ? 2 : 0;
    }
    alvh_market_params p;
    if (alvh_market_preset(argv[0], &p) != ALVH_OK) {
        fprintf(stderr, "alvh market: unknown preset \"%s\"\n", argv[0]);
        market_usage(stderr);
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        unsigned long long v = 0;
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            if (parse_count(argv[++i], 0, 0xffffffffffffffffULL, &v) != 0) {
                fprintf(stderr, "alvh market: --seed must be a whole number from 0 to "
                                "18446744073709551615, got \"%s\"\n", argv[i]);
                return 2;
            }
            p.seed = (uint64_t)v;
        } else if (strcmp(argv[i], "--days") == 0 && i + 1 < argc) {
            if (parse_count(argv[++i], 2, MARKET_MAX_DAYS, &v) != 0) {
                fprintf(stderr, "alvh market: --days must be a whole number from 2 to %d, got "
                                "\"%s\"\n", MARKET_MAX_DAYS, argv[i]);
                return 2;
            }
            p.days = (size_t)v;
        } else {
            fprintf(stderr, "alvh market: unexpected argument \"%s\"\n", argv[i]);
            market_usage(stderr);
            return 2;
        }
    }
    alvh_market_row *rows = malloc(p.days * sizeof *rows);
    if (!rows) {
        fprintf(stderr, "alvh market: out of memory\n");
        return 1;
    }
    alvh_status st = alvh_market_generate(&p, rows);
    if (st != ALVH_OK) {
        fprintf(stderr, "alvh market: %s: %s\n", alvh_status_name(st), alvh_status_message(st));
        free(rows);
        return 1;
    }
    printf("date,spx,vix");
    for (size_t k = 0; k < ALVH_MARKET_FUTURES; ++k)
        printf(",fut_%.0f", alvh_market_future_days[k]);
    printf(",advancers,decliners\n");
    for (size_t i = 0; i < p.days; ++i) {
        const alvh_market_row *r = &rows[i];
        int y = 0, m = 0, d = 0;
        if (alvh_ymd_from_serial(r->date, &y, &m, &d) != ALVH_OK) {
            fprintf(stderr, "alvh market: row %zu: date out of range\n", i + 1);
            free(rows);
            return 1;
        }
        printf("%04d-%02d-%02d,%.4f,%.4f", y, m, d, r->spx, r->vix);
        for (size_t k = 0; k < ALVH_MARKET_FUTURES; ++k)
            printf(",%.4f", r->futures[k]);
        printf(",%.0f,%.0f\n", r->advancers, r->decliners);
    }
    free(rows);
    return fflush(stdout) == 0 ? 0 : 1;
}
