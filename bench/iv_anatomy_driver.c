/* iv_anatomy_driver.c: CPU time per implied vol over bench_pricing's inputs, for one build of
 * impvol.c (bench/iv_anatomy.py builds this driver against the real impvol.c and against
 * truncated copies of it, to time the parts of an implied vol; see BENCHMARKS.md, Pricing).
 *
 *   iv_anatomy_driver [N] [REPS]     (default 1000000 options, best of 5 passes)
 *
 * The inputs are bench_pricing.cpp's (bench/pricing_inputs.h), on the forward
 * 100 e^{(r-q)T}; each price is the Black-76 price at the vol (alvh_black76_price), and the
 * implied vol is timed as in bench_pricing. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "alvh/black.h"
#include "alvh/impvol.h"
#include "pricing_inputs.h"

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    if (n == 0 || reps <= 0)
        return 2;
    double *in = malloc(n * 5 * sizeof *in);
    if (!in)
        return 1;
    uint64_t state = BENCH_SEED;
    for (size_t i = 0; i < n; ++i) {
        const bench_option x = bench_draw(&state, i);
        double *o = in + 5 * i;
        double fwd = x.spot * exp((x.rate - x.div) * x.years), price = 0.0;
        alvh_black76_price(x.kind, fwd, x.strike, x.years, x.vol, x.rate, &price);
        o[0] = price, o[1] = fwd, o[2] = x.strike, o[3] = x.years, o[4] = x.rate;
    }
    double best = 1e300, sink = 0.0;
    for (int rep = 0; rep < reps; ++rep) {
        double t0 = bench_cpu_now();
        for (size_t i = 0; i < n; ++i) {
            const double *o = in + 5 * i;
            double v = 0.0;
            alvh_black76_implied_vol((i & 1) ? ALVH_CALL : ALVH_PUT, o[0], o[1], o[2], o[3], o[4],
                                     &v);
            sink += v;
        }
        double t = bench_cpu_now() - t0;
        best = t < best ? t : best;
    }
    printf("%.1f ns (checksum %.6g)\n", 1e9 * best / (double)n, sink);
    free(in);
    return 0;
}
