/* bench_calc_core: the core's own time for the cells of bench/bench_calc.py, so the add-in's
 * per-call overhead can be stated: (add-in recalculation time / N) - (alvh_call time per call).
 *
 *   bench_calc_core [N=100000] [REPS=5]
 *
 * Times, per call, over the same N input rows as bench_calc.py (see inputs()):
 *   adapter     BS_PRICE's table adapter called directly (f->eval: argument unpacking and
 *               the pricing function, no validation)
 *   alvh_call   the table path the add-in takes (argument checks, defaults, result check)
 * and prints the best of REPS runs. A checksum keeps the compiler from dropping the work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alvh/alvh.h"

/* The benchmark's input rows; bench_calc.py generates the same. */
static void inputs(size_t i, double *spot, double *strike, double *years, double *vol,
                   double *rate, double *div_yield)
{
    *spot = 50.0 + (double)(i % 1000) * 0.1;
    *strike = 100.0;
    *years = 0.25 + (double)(i % 8) * 0.25;
    *vol = 0.1 + (double)(i % 9) * 0.05;
    *rate = 0.01 + (double)(i % 5) * 0.01;
    *div_yield = (double)(i % 3) * 0.01;
}

/* Row i as BS_PRICE's arguments: "C", spot, strike, years, vol, rate, div_yield. */
static void make_args(size_t i, alvh_value a[7])
{
    double nums[6];
    inputs(i, &nums[0], &nums[1], &nums[2], &nums[3], &nums[4], &nums[5]);
    memset(a, 0, 7 * sizeof a[0]);
    a[0].kind = ALVH_TEXT;
    a[0].text = "C";
    for (int j = 0; j < 6; ++j) {
        a[j + 1].kind = ALVH_NUMBER;
        a[j + 1].number = nums[j];
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 100000;
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    const alvh_func *f = alvh_table_find("BS_PRICE");
    if (!f) {
        fprintf(stderr, "bench_calc_core: BS_PRICE is not in the function table\n");
        return 1;
    }
    if (f->nargs != 7) {
        fprintf(stderr, "bench_calc_core: BS_PRICE takes %zu arguments; this benchmark passes "
                        "type, spot, strike, years, vol, rate, div_yield\n", f->nargs);
        return 1;
    }
    double best_raw = 1e300, best_table = 1e300, sum = 0.0;
    alvh_result res;
    alvh_result_init(&res);
    for (int r = 0; r < reps; ++r) {
        double t0 = now();
        for (size_t i = 0; i < n; ++i) {
            alvh_value a[7];
            make_args(i, a);
            res.status = ALVH_OK;
            if (f->eval(a, 7, &res) == ALVH_OK)
                sum += res.cells[0].number;
        }
        double t1 = now();
        for (size_t i = 0; i < n; ++i) {
            alvh_value a[7];
            make_args(i, a);
            if (alvh_call(f, a, 7, &res) == ALVH_OK)
                sum += res.cells[0].number;
        }
        double t2 = now();
        if (t1 - t0 < best_raw)
            best_raw = t1 - t0;
        if (t2 - t1 < best_table)
            best_table = t2 - t1;
    }
    alvh_result_free(&res);
    printf("bench_calc_core: N=%zu, best of %d\n", n, reps);
    printf("  adapter         %8.3f ms total  %7.1f ns/call\n", best_raw * 1e3,
           best_raw / (double)n * 1e9);
    printf("  alvh_call       %8.3f ms total  %7.1f ns/call\n", best_table * 1e3,
           best_table / (double)n * 1e9);
    printf("  (checksum %.6g)\n", sum);
    return 0;
}
