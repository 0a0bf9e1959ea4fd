/* elementary.h (internal): exp, expm1, log and exact sums and products for the pricer's inner
 * loops, inline.
 *
 * Each price, greek and implied vol needs several exponentials; libm's exp is accurate but
 * costs a call, an errno wrapper and its own special-case tests (about 84 instructions a call
 * measured with callgrind on glibc 2.36, a quarter of a price with all greeks). alvh_exp is
 * the table-driven method of P. T. P. Tang, "Table-driven implementation of the exponential
 * function in IEEE floating-point arithmetic", ACM TOMS 15 (1989) 144-157, written from the
 * paper with a 32-entry table (Tang's own choice of N):
 *     x = (32 m + j) ln2/32 + r,  |r| <= ln2/64,  j = 0..31,
 *     exp(x) = 2^m 2^(j/32) exp(r),
 * with ln2/32 split in two (Cody-Waite: the high part has 38 significant bits, so k ln2_hi is
 * exact for |k| < 2^15, which |x| < 708 guarantees), 2^(j/32) from exp_table.c as the sum of
 * two doubles (mpmath, scripts/gen_exp_table.py), and exp(r) - 1 by its Taylor polynomial to
 * r^6 (truncation |r|^7/7! <= 3.5e-18 relative). Error: below 0.53 ulp (the final rounding,
 * the rounding of r, and |p| u from the product T p; 0.520 measured against 60-digit mpmath by
 * tests/test_elementary.c). Outside |x| < 708 (where the result is subnormal, overflows, or x
 * is not a number) libm's exp is called, so every special case is libm's. */
#ifndef ALVH_ELEMENTARY_H
#define ALVH_ELEMENTARY_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#define ALVH_EXP_TABLE_SIZE 32
/* 2^(j/32) = alvh_exp2_table[2 j] + alvh_exp2_table[2 j + 1] (elementary_tables.c) */
extern const double alvh_exp2_table[2 * ALVH_EXP_TABLE_SIZE];
#define ALVH_LOG_TABLE_SIZE 65
/* c_j, then -ln c_j as hi + lo: alvh_log_table[3 j .. 3 j + 2] (elementary_tables.c) */
extern const double alvh_log_table[3 * ALVH_LOG_TABLE_SIZE];

static inline double alvh_exp(double x)
{
    if (!(fabs(x) < 708.0))
        return exp(x);
    /* k = round(x 32/ln2) by the shift 1.5 2^52, whose bit pattern then holds k in its low bits */
    const double shift = 0x1.8p52;
    double kd = x * 0x1.71547652b82fep+5 + shift;
    uint64_t kbits;
    memcpy(&kbits, &kd, sizeof kbits);
    kd -= shift;
    const int64_t k = (int64_t)(kbits - 0x4338000000000000u);
    /* r = x - k ln2/32: the first product is exact, the second carries ln2/32's low part */
    const double r = (x - kd * 0x1.62e42fefa0000p-6) - kd * 0x1.cf79abc9e3b3ap-45;
    const double r2 = r * r;
    /* exp(r) - 1 = r + r^2/2 + ... + r^6/720 */
    const double p = r + r2 * ((0.5 + r * (1.0 / 6.0)) +
                               r2 * ((1.0 / 24.0 + r * (1.0 / 120.0)) + r2 * (1.0 / 720.0)));
    const int j = (int)(k & (ALVH_EXP_TABLE_SIZE - 1));
    const double t_hi = alvh_exp2_table[2 * j], t_lo = alvh_exp2_table[2 * j + 1];
    const double mant = t_hi + (t_lo + t_hi * p); /* 2^(j/32) (1 + p) */
    /* 2^m, m = (k - j)/32 (exact) in [-1022, 1021]: a normal double built from its exponent */
    const uint64_t scale_bits = (uint64_t)((k - j) / ALVH_EXP_TABLE_SIZE + 1023) << 52;
    double scale;
    memcpy(&scale, &scale_bits, sizeof scale);
    return mant * scale;
}

/* e^x - 1. For |x| < 1/4 (a cost of carry (r - q) T, the exponent of 1 - erfcx near 0) by its
 * Taylor series x + x^2 (1/2! + x/3! + ... + x^10/12!), truncated at |x|^13/13! / |x| <= 1e-17
 * relative, evaluated by Estrin's scheme (short dependency chains, no branch on x's sign or
 * size); elsewhere libm's expm1. Error: below 1 ulp (the sum's rounding; x is exact; 0.67
 * measured by tests/test_elementary.c). */
static inline double alvh_expm1(double x)
{
    if (!(fabs(x) < 0.25))
        return expm1(x);
    const double x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
    const double q0 = 1.0 / 2 + x * (1.0 / 6), q1 = 1.0 / 24 + x * (1.0 / 120);
    const double q2 = 1.0 / 720 + x * (1.0 / 5040), q3 = 1.0 / 40320 + x * (1.0 / 362880);
    const double q4 = 1.0 / 3628800 + x * (1.0 / 39916800), q5 = 1.0 / 479001600;
    const double p = (q0 + x2 * q1) + x4 * (q2 + x2 * q3) + x8 * (q4 + x2 * q5);
    return x + x2 * p;
}

/* The rounding error of a sum, a + b - s for s = fl(a + b), exactly (Knuth's TwoSum, D. E.
 * Knuth, TAOCP vol. 2, 4.2.2, theorem B; no ordering of |a| and |b| needed). */
static inline double alvh_sum_err(double a, double b, double s)
{
    const double bv = s - a;
    return (a - (s - bv)) + (b - bv);
}

/* ln x, the table-driven method of P. T. P. Tang, "Table-driven implementation of the
 * logarithm function in IEEE floating-point arithmetic", ACM TOMS 16 (1990) 378-400, written
 * from the paper with this layout:
 *     x = 2^k m, m in [3/4, 3/2) (k from the bits of x less those of 3/4, no branch),
 *     m c_j = 1 + r,   ln x = k ln2 - ln c_j + ln(1 + r),
 * j picking one of 65 intervals (width 1/128 below m = 1, 1/64 above, the one around 1 being
 * [1 - 1/256, 1 + 1/128) with c = 1 exactly, so that near x = 1 the result is ln(1 + r) with
 * r = x - 1 exact: full relative accuracy where ln x is tiny). c_j has 26 significant bits and
 * m is split into 26 + 27 bits, so m c_j - 1 is formed exactly but for one rounding (no fma);
 * |r| < 1/128, and ln(1 + r) = r + r^2 (-1/2 + r/3 - ... - r^6/8) (truncation |r|^8/9 < 2e-18
 * relative). ln2 has 42 significant bits in its high part: k ln2_hi is exact, and its sum with
 * -ln c_j carries its rounding error along. Error below 1 ulp: 0.93 measured against 60-digit
 * mpmath (tests/test_elementary.c), at x a little above 1 + 1/128 where -ln c_j and r partly
 * cancel; within [1 - 1/256, 1 + 1/128) it is ln(1 + r) alone. Zero, negative, subnormal,
 * infinite and NaN arguments go to libm. */
static inline double alvh_log(double x)
{
    if (!(x >= 0x1p-1022 && x <= 0x1.fffffffffffffp1023))
        return log(x);
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    const uint64_t tmp = bits - 0x3FE8000000000000u; /* less the bits of 3/4 */
    /* k: the top 12 bits of tmp as a signed number (x in [2^-1022, 2^1024): k in -1022..1024) */
    const int k = (int)(((tmp >> 52) & 0xFFFu) ^ 0x800u) - 0x800;
    const uint64_t frac = tmp & 0xFFFFFFFFFFFFFu;
    const int j = (int)((frac + ((uint64_t)1 << 45)) >> 46); /* nearest centre, 0..64 */
    const uint64_t mbits = bits - ((uint64_t)(int64_t)k << 52);
    double m, mh;
    memcpy(&m, &mbits, sizeof m);
    const uint64_t mhbits = mbits & ~(uint64_t)0x7FFFFFF; /* m's top 26 bits */
    memcpy(&mh, &mhbits, sizeof mh);
    const double *t = alvh_log_table + 3 * j;
    const double c = t[0];
    const double r = (mh * c - 1.0) + (m - mh) * c; /* both products exact */
    const double r2 = r * r, r4 = r2 * r2;
    const double p = ((-0.5 + r * (1.0 / 3)) + r2 * (-0.25 + r * 0.2)) +
                     r4 * ((-1.0 / 6 + r * (1.0 / 7)) + r2 * -0.125);
    const double kd = (double)k;
    /* k ln2_hi - ln c_j and its rounding error (Knuth's TwoSum), so that only the last sum
     * rounds at the scale of the result */
    const double a = kd * 0x1.62e42fefa3800p-1, b = t[1], hi = a + b;
    return hi + (r + ((kd * 0x1.ef35793c76730p-45 + t[2] + alvh_sum_err(a, b, hi)) + r2 * p));
}

/* The rounding error of a product, a b - fl(a b), exactly, without an fma instruction (x86-64
 * before Haswell has none, and libm's fma() is a call that spills every live register):
 * Dekker's TwoProduct with Veltkamp's splitting (T. J. Dekker, "A floating-point technique for
 * extending the available precision", Numer. Math. 18 (1971) 224-242, mul12). Exact when no
 * product overflows or underflows: |a|, |b| in [2^-450, 2^450] is ample; callers guarantee it. */
static inline double alvh_split_hi(double a)
{
    const double c = 134217729.0 * a; /* 2^27 + 1 */
    return c - (c - a);
}

static inline double alvh_prod_err(double a, double b, double p)
{
    const double ah = alvh_split_hi(a), al = a - ah;
    const double bh = alvh_split_hi(b), bl = b - bh;
    return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

static inline double alvh_square_err(double a, double p)
{
    const double ah = alvh_split_hi(a), al = a - ah;
    return ((ah * ah - p) + 2.0 * ah * al) + al * al;
}

#endif
