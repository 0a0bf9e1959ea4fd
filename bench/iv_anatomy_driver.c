/* iv_anatomy_driver.c: CPU time per implied vol over bench_pricing's inputs, for one build of
 * impvol.c (bench/iv_anatomy.py builds this driver against the real impvol.c and against
 * truncated copies of it, to time the parts of an implied vol; see BENCHMARKS.md, Pricing).
 *
 *   iv_anatomy_driver [N] [REPS]     (default 1000000 options, best of 5 passes)
 *
 * The inputs are drawn exactly as bench/bench_pricing.cpp draws them (same generator, seed and
 * order): forward 100 e^{(r-q)T}, strikes within +-3 standard deviations, 1 day to 2 years,
 * vol 5% to 100%, rate 0-5%, calls and puts alternating; each price is the Black-76 price at
 * the vol (alvh_black76_price). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "alvh/black.h"
#include "alvh/impvol.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static double uniform(void) /* xorshift64*, as bench_pricing.cpp */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (double)((rng_state * 2685821657736338717u) >> 11) * 0x1p-53;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    if (n == 0 || reps <= 0)
        return 2;
    double *in = malloc(n * 5 * sizeof *in);
    if (!in)
        return 1;
    for (size_t i = 0; i < n; ++i) {
        double *o = in + 5 * i;
        int kind = (i & 1) ? ALVH_CALL : ALVH_PUT;
        double years = exp(log(1.0 / 365.0) + uniform() * log(730.0));
        double vol = exp(log(0.05) + uniform() * log(20.0));
        double rate = 0.05 * uniform(), div = 0.03 * uniform();
        double strike = 100.0 * exp((6.0 * uniform() - 3.0) * vol * sqrt(years));
        double fwd = 100.0 * exp((rate - div) * years), price = 0.0;
        alvh_black76_price(kind, fwd, strike, years, vol, rate, &price);
        o[0] = price, o[1] = fwd, o[2] = strike, o[3] = years, o[4] = rate;
    }
    double best = 1e300, sink = 0.0;
    for (int rep = 0; rep < reps; ++rep) {
        double t0 = cpu_now();
        for (size_t i = 0; i < n; ++i) {
            const double *o = in + 5 * i;
            double v = 0.0;
            alvh_black76_implied_vol((i & 1) ? ALVH_CALL : ALVH_PUT, o[0], o[1], o[2], o[3], o[4],
                                     &v);
            sink += v;
        }
        double t = cpu_now() - t0;
        best = t < best ? t : best;
    }
    printf("%.1f ns (checksum %.6g)\n", 1e9 * best / (double)n, sink);
    free(in);
    return 0;
}
