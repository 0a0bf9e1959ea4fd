/* pricing_inputs.h: the random European options of the pricing benchmarks, drawn the same way
 * by bench_pricing.cpp and iv_anatomy_driver.c (so their timings are of the same inputs), and
 * the process CPU clock they both time with. Header-only; C and C++.
 *
 * Option i: calls and puts alternating, spot 100, years 1 day .. 2 years and vol 5% .. 100%
 * (log-uniform), rate 0 .. 5%, dividend yield 0 .. 3%, strike 100 exp(m sd) with m uniform in
 * [-3, 3] standard deviations; drawn from xorshift64* with a fixed seed, in that order. */
#ifndef ALVH_BENCH_PRICING_INPUTS_H
#define ALVH_BENCH_PRICING_INPUTS_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "alvh/black.h"

typedef struct {
    int kind;
    double spot, strike, years, vol, rate, div;
} bench_option;

#define BENCH_SEED 0x9E3779B97F4A7C15u

static inline double bench_uniform(uint64_t *state) /* xorshift64* */
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return (double)((*state * 2685821657736338717u) >> 11) * 0x1p-53;
}

/* Option i of the sequence; state starts at BENCH_SEED and advances by five draws. */
static inline bench_option bench_draw(uint64_t *state, size_t i)
{
    bench_option x;
    x.kind = (i & 1) ? ALVH_CALL : ALVH_PUT;
    x.spot = 100.0;
    x.years = exp(log(1.0 / 365.0) + bench_uniform(state) * log(730.0));
    x.vol = exp(log(0.05) + bench_uniform(state) * log(20.0));
    x.rate = 0.05 * bench_uniform(state);
    x.div = 0.03 * bench_uniform(state);
    const double sd = x.vol * sqrt(x.years);
    x.strike = x.spot * exp((6.0 * bench_uniform(state) - 3.0) * sd);
    return x;
}

/* CPU time of this process, seconds: on a shared machine, wall time also counts other jobs'. */
static inline double bench_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

#endif
