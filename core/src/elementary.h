/* elementary.h (internal): exp, expm1 and exact products for the pricer's inner loops, inline.
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
 * tests/test_elementary.c). Outside |x| < 708 (where the result is subnormal, overflows, or x is not
 * a number) libm's exp is called, so every special case is libm's. */
#ifndef ALVH_ELEMENTARY_H
#define ALVH_ELEMENTARY_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#define ALVH_EXP_TABLE_SIZE 32
/* 2^(j/32) = alvh_exp2_table[2 j] + alvh_exp2_table[2 j + 1] */
extern const double alvh_exp2_table[2 * ALVH_EXP_TABLE_SIZE];

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
