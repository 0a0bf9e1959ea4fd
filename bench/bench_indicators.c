/* bench_indicators.c: time the indicators and the ALVH triggers on ten years of daily rows.
 *
 *   bench_indicators [rows] [repeats]      (defaults 2520 rows = 10 x 252, 2000 repeats)
 *
 * Prints, per function, the median and the fastest wall time of one call over `repeats` calls,
 * in microseconds, for the core function and for the table call (alvh_call: range unpacking,
 * validation and result cells, what Calc and the CLI pay). Results go to BENCHMARKS.md.
 * The series is a deterministic VIX-like path (log mean reversion with jumps, LCG noise).
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alvh/alvh.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static unsigned long long g_lcg = 88172645463325252ull;
static double uniform(void)
{
    g_lcg = g_lcg * 6364136223846793005ull + 1442695040888963407ull;
    return (double)(g_lcg >> 11) / 9007199254740992.0;
}

typedef struct {
    const double *vix, *adv, *dec, *ad, *spx;
    size_t n;
    double *o1, *o2, *o3;
    int *div;
    unsigned *trig;
    alvh_signal_policy policy;
} bench_data;

static double sink;

static void run_rsi(bench_data *d)
{
    alvh_rsi(d->vix, d->n, 14, d->o1);
    sink += d->o1[d->n - 1];
}
static void run_macd(bench_data *d)
{
    alvh_macd(d->vix, d->n, 12, 26, 9, d->o1, d->o2, d->o3);
    sink += d->o3[d->n - 1];
}
static void run_ad_line(bench_data *d)
{
    alvh_ad_line(d->adv, d->dec, d->n, d->o1);
    sink += d->o1[d->n - 1];
}
static void run_divergence(bench_data *d)
{
    alvh_ad_divergence(d->ad, d->spx, d->n, 20, d->div);
    sink += d->div[d->n - 1];
}
static void run_signal(bench_data *d)
{
    size_t first;
    alvh_signal(d->vix, d->ad, d->spx, d->n, &d->policy, d->trig, &first);
    sink += d->trig[d->n - 1];
}

static void report(const char *what, double *t, size_t reps)
{
    qsort(t, reps, sizeof *t, cmp_double);
    printf("%-34s median %8.2f us   min %8.2f us\n", what, t[reps / 2], t[0]);
}

static void time_core(const char *what, void (*fn)(bench_data *), bench_data *d, size_t reps)
{
    double *t = malloc(reps * sizeof *t);
    for (size_t r = 0; r < reps; ++r) {
        double t0 = now_us();
        fn(d);
        t[r] = now_us() - t0;
    }
    report(what, t, reps);
    free(t);
}

static void time_table(const char *what, const char *name, const alvh_value *args, size_t nargs,
                       size_t reps)
{
    double *t = malloc(reps * sizeof *t);
    alvh_result r;
    alvh_result_init(&r);
    for (size_t k = 0; k < reps; ++k) {
        double t0 = now_us();
        alvh_status st = alvh_call_by_name(name, args, nargs, &r);
        t[k] = now_us() - t0;
        if (st != ALVH_OK) {
            fprintf(stderr, "%s failed: %s\n", name, r.message);
            exit(1);
        }
    }
    alvh_result_free(&r);
    report(what, t, reps);
    free(t);
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 2520;
    size_t reps = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 2000;
    if (n < 100 || reps < 1) {
        fprintf(stderr, "usage: bench_indicators [rows >= 100] [repeats >= 1]\n");
        return 2;
    }
    double *buf = malloc(8 * n * sizeof *buf);
    double *vix = buf, *adv = buf + n, *dec = buf + 2 * n, *ad = buf + 3 * n, *spx = buf + 4 * n;
    bench_data d = {vix, adv, dec, ad, spx, n, buf + 5 * n, buf + 6 * n, buf + 7 * n,
                    malloc(n * sizeof(int)), malloc(n * sizeof(unsigned)),
                    {14, 70, 12, 26, 9, 25, 20}};
    double lv = log(17.0), s = 4800.0;
    for (size_t i = 0; i < n; ++i) {
        double z = uniform() + uniform() + uniform() - 1.5; /* roughly normal, sd 0.5 */
        double dlv = 0.04 * (log(18.0) - lv) + 0.13 * z + (uniform() < 0.02 ? 0.3 : 0.0);
        lv += dlv;
        s *= exp(0.0003 - 0.009 * dlv + 0.004 * (uniform() - 0.5));
        vix[i] = round(exp(lv) * 100) / 100;
        spx[i] = round(s * 100) / 100;
        adv[i] = round(1500 + 60000 * (0.0003 - 0.009 * dlv) + 400 * (uniform() - 0.5));
        dec[i] = 2950 - adv[i];
    }
    alvh_ad_line(adv, dec, n, ad);

    printf("ALVH indicators, %zu daily rows, %zu calls each (wall time per call)\n", n, reps);
    time_core("core alvh_rsi (14)", run_rsi, &d, reps);
    time_core("core alvh_macd (12/26/9)", run_macd, &d, reps);
    time_core("core alvh_ad_line", run_ad_line, &d, reps);
    time_core("core alvh_ad_divergence (20)", run_divergence, &d, reps);
    time_core("core alvh_signal (default, A/D)", run_signal, &d, reps);

    alvh_value *cells = malloc(3 * n * sizeof *cells);
    for (size_t i = 0; i < n; ++i) {
        cells[i] = (alvh_value){.kind = ALVH_NUMBER, .number = vix[i]};
        cells[n + i] = (alvh_value){.kind = ALVH_NUMBER, .number = ad[i]};
        cells[2 * n + i] = (alvh_value){.kind = ALVH_NUMBER, .number = spx[i]};
    }
    alvh_value args[4] = {
        {.kind = ALVH_RANGE, .rows = n, .cols = 1, .cells = cells},
        {.kind = ALVH_RANGE, .rows = n, .cols = 1, .cells = cells + n},
        {.kind = ALVH_RANGE, .rows = n, .cols = 1, .cells = cells + 2 * n},
        {.kind = ALVH_EMPTY},
    };
    time_table("table VIX_RSI", "VIX_RSI", args, 1, reps);
    time_table("table VIX_MACD", "VIX_MACD", args, 1, reps);
    time_table("table AD_DIVERGENCE", "AD_DIVERGENCE", args + 1, 2, reps);
    time_table("table ALVH_SIGNAL (with A/D)", "ALVH_SIGNAL", args, 3, reps);
    printf("(checksum %g)\n", sink);
    free(cells);
    free(d.div);
    free(d.trig);
    free(buf);
    return 0;
}
