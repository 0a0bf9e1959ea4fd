/* bench_backtest.c: time the backtest on 20 years of daily rows of a synthetic market.
 *
 *   bench_backtest [years] [repeats]      (defaults 20 years = 5040 rows, 50 repeats)
 *
 * The market is the bear2022 preset (VIX mostly 20-35, frequent condor closes and layer rolls)
 * with its drift set to +7% a year (20 years of a -15% drift would take SPX below the condor's
 * wings) and stretched to the requested length with its default seed, with the six futures columns and
 * breadth, so every row reprices the condor's four legs (BSM) and the three VIX call layers
 * (Black-76 on the interpolated curve), and the signals run over the whole series. Prints the
 * median and fastest wall time of alvh_backtest_run() (core) and of the generator, in ms.
 * Results go to BENCHMARKS.md.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "alvh/backtest.h"
#include "alvh/market.h"
#include "alvh/policy.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int years = argc > 1 ? atoi(argv[1]) : 20;
    int repeats = argc > 2 ? atoi(argv[2]) : 50;
    if (years < 1 || repeats < 1) {
        fprintf(stderr, "usage: bench_backtest [years >= 1] [repeats >= 1]\n");
        return 2;
    }
    alvh_market_params mp;
    alvh_market_preset("bear2022", &mp);
    mp.days = (size_t)years * 252;
    mp.mu = 0.07;
    size_t n = mp.days;
    alvh_market_row *rows = malloc(n * sizeof *rows);
    double *date = malloc(n * sizeof *date), *spx = malloc(n * sizeof *spx);
    double *vix = malloc(n * sizeof *vix), *adv = malloc(n * sizeof *adv);
    double *dec = malloc(n * sizeof *dec), *fut = malloc(n * ALVH_MARKET_FUTURES * sizeof *fut);
    alvh_backtest_day *days = malloc(n * sizeof *days);
    double *gen = malloc((size_t)repeats * sizeof *gen), *run = malloc((size_t)repeats * sizeof *run);
    if (!rows || !date || !spx || !vix || !adv || !dec || !fut || !days || !gen || !run) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (int r = 0; r < repeats; ++r) {
        double t0 = now_ms();
        if (alvh_market_generate(&mp, rows) != ALVH_OK) {
            fprintf(stderr, "generate failed\n");
            return 1;
        }
        gen[r] = now_ms() - t0;
    }
    for (size_t i = 0; i < n; ++i) {
        date[i] = rows[i].date;
        spx[i] = rows[i].spx;
        vix[i] = rows[i].vix;
        adv[i] = rows[i].advancers;
        dec[i] = rows[i].decliners;
        for (size_t k = 0; k < ALVH_MARKET_FUTURES; ++k)
            fut[i * ALVH_MARKET_FUTURES + k] = rows[i].futures[k];
    }
    alvh_backtest_data d = {.n = n, .date = date, .spx = spx, .vix = vix,
                            .nfut = ALVH_MARKET_FUTURES, .fut_days = alvh_market_future_days,
                            .fut = fut, .advancers = adv, .decliners = dec};
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_backtest_summary s;
    char err[256];
    for (int r = 0; r < repeats; ++r) {
        double t0 = now_ms();
        alvh_status st = alvh_backtest_run(&d, &p, 2, days, &s, err, sizeof err);
        run[r] = now_ms() - t0;
        if (st != ALVH_OK) {
            fprintf(stderr, "backtest failed: %s\n", err);
            return 1;
        }
    }
    qsort(gen, (size_t)repeats, sizeof *gen, cmp_double);
    qsort(run, (size_t)repeats, sizeof *run, cmp_double);
    printf("ALVH backtest, %zu daily rows (%d years), %d runs each (wall time per run)\n", n, years,
           repeats);
    printf("core alvh_backtest_run (default policy)  median %8.3f ms   min %8.3f ms\n",
           run[repeats / 2], run[0]);
    printf("core alvh_market_generate (bear2022)     median %8.3f ms   min %8.3f ms\n",
           gen[repeats / 2], gen[0]);
    printf("(condors %g, layer premium %.0f dollars, final hedged equity %.2f)\n", s.condors,
           s.hedge_premium, days[n - 1].equity_hedged);
    free(rows);
    free(date);
    free(spx);
    free(vix);
    free(adv);
    free(dec);
    free(fut);
    free(days);
    free(gen);
    free(run);
    return 0;
}
