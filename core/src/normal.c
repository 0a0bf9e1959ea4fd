/* normal.c: the standard normal CDF, density and inverse, and erfcx, to full double precision.
 *
 * Phi(x) = erfc(-x/sqrt2)/2 loses accuracy in the lower tail if computed naively: the argument
 * z = -x/sqrt2 is rounded (relative error u = 2^-53), and d ln erfc(z)/dz ~ -2z, so the result
 * carries a relative error ~ 2 z^2 u (1.6e-13 at x = -38). Here the tail is evaluated as
 *     Phi(x) = erfcx(z)/2 * exp(-x^2/2),         x < -1/sqrt2 (z >= 1/2),
 * where erfcx varies slowly (d ln erfcx/dz ~ -1/z: the rounding of z no longer matters) and
 * exp(-x^2/2) is taken from the exact double-double square of x. erfcx and erf are W. J.
 * Cody's rational Chebyshev approximations (1969), which need no exponential for erfcx:
 * Phi costs one exp and one rational function anywhere.
 * The inverse CDF is Wichura's algorithm AS 241 (PPND16), Applied Statistics 37 (1988)
 * 477-484, ~1e-16 relative, polished by one Halley step on the accurate Phi. */
#include "elementary.h"
#include "normal.h"

#include <math.h>


/* exp(-S/2) where S = a^2 + b^2 held as a double-double (hi + lo). */
double alvh_exp_mhalf_sumsq(double a, double b)
{
    double a2 = a * a, b2 = b * b;
    double s = a2 + b2;
    /* exp(-745) is below the smallest subnormal: 0 for any larger sum (an infinite one too,
     * whose error terms below would be NaN); a NaN falls through and stays NaN. */
    if (s > 1490.0)
        return 0.0;
    /* here |a|, |b| < 39: the exact squares' errors need no fma */
    double a2e = alvh_square_err(a, a2), b2e = alvh_square_err(b, b2);
    double lo = alvh_sum_err(a2, b2, s) + a2e + b2e;
    /* exp(-(s + lo)/2) = exp(-s/2) * (1 - lo/2): |lo| <= 2^-52 s, so the neglected
     * (lo/2)^2/2 is far below the rounding of exp itself. -s/2 is exact. */
    return alvh_exp(-0.5 * s) * (1.0 - 0.5 * lo);
}

/* W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23
 * (1969) 631-637, tables II-IV (the coefficients of his CALERF): maximal relative errors
 * below 1e-17, so the results are rounding-limited. */
static double cody_erf_small(double z) /* erf(z), |z| <= 0.5 */
{
    double y = z * z;
    double num = (((1.85777706184603152673e-1 * y + 3.161123743870565596947e0) * y +
                   1.138641541510501556495e2) * y + 3.774852376853020208137e2) * y +
                 3.209377589138469472562e3;
    double den = (((y + 2.360129095234412093499e1) * y + 2.440246379344441733056e2) * y +
                  1.282616526077372275645e3) * y + 2.844236833439170622273e3;
    return z * num / den;
}

static double cody_erfcx_large(double z) /* erfcx(z), z >= 0.5 */
{
    if (z < 4.0) {
        /* Estrin's scheme (the degree-8 numerator and denominator as sums of pairs in z, z^2,
         * z^4, z^8): half the dependency chain of Horner's; every coefficient and z are
         * positive here, so the order of the sums costs no accuracy. */
        const double z2 = z * z, z4 = z2 * z2, z8 = z4 * z4;
        double num = ((1.23033935479799725272e3 + 2.05107837782607146532e3 * z) +
                      z2 * (1.71204761263407058314e3 + 8.81952221241769090411e2 * z)) +
                     z4 * ((2.98635138197400131132e2 + 6.61191906371416294775e1 * z) +
                           z2 * (8.88314979438837594118e0 + 5.64188496988670089180e-1 * z)) +
                     z8 * 2.15311535474403846343e-8;
        double den = ((1.23033935480374942043e3 + 3.43936767414372163696e3 * z) +
                      z2 * (4.36261909014324715820e3 + 3.29079923573345962678e3 * z)) +
                     z4 * ((1.62138957456669018874e3 + 5.37181101862009857509e2 * z) +
                           z2 * (1.17693950891312499305e2 + 1.57449261107098347253e1 * z)) +
                     z8;
        return num / den;
    }
    /* erfcx(z) = (1/sqrt(pi) - w R(w)) / z, w = 1/z^2 */
    double w = 1.0 / (z * z);
    double num = ((((1.63153871373020978498e-2 * w + 3.05326634961232344035e-1) * w +
                    3.60344899949804439429e-1) * w + 1.25781726111229246204e-1) * w +
                  1.60837851487422766278e-2) * w + 6.58749161529837803157e-4;
    double den = ((((w + 2.56852019228982242072e0) * w + 1.87295284992346047209e0) * w +
                   5.27905102951428412248e-1) * w + 6.05183413124413191178e-2) * w +
                 2.33520497626869185443e-3;
    return (0.564189583547756286948079451560772586 - w * num / den) / z;
}

/* exp(z^2) with the square carried to double-double. */
static double exp_sq(double z)
{
    double z2 = z * z;
    if (!(z2 < 746.0))
        return alvh_exp(z2); /* overflows to inf (and a NaN stays NaN) */
    double z2e = alvh_square_err(z, z2); /* |z| < 27.4: exact */
    return alvh_exp(z2) * (1.0 + z2e);
}

double alvh_erfcx(double z)
{
    if (isnan(z))
        return z;
    if (z >= 0.5)
        return cody_erfcx_large(z);
    if (z > -0.5)
        return exp_sq(z) * (1.0 - cody_erf_small(z));
    return 2.0 * exp_sq(z) - cody_erfcx_large(-z); /* inf for z < -26.6: exp(z^2) overflows */
}

double alvh_one_minus_erfcx_sqrt(double z2)
{
    /* z = sqrt(z2). erfcx(z) <= erfcx(1/2) = 0.62 for z >= 1/2: 1 - erfcx is benign there.
     * Below, erfcx(z) = e^{z^2} (1 - erf z) gives 1 - erfcx(z) = e^{z^2} erf(z) - (e^{z^2} - 1),
     * two positive terms whose ratio stays below 1.8 (erf z >= 2z/sqrt(pi) (1 - z^2/3) against
     * expm1(z^2) <= 1.14 z^2 for z <= 1/2), so a few ulps either way; e^{z^2} = 1 + expm1(z^2)
     * costs one rounding (u relative). z2 itself, not the rounded z^2, is the exponent. */
    const double z = sqrt(z2);
    if (z >= 0.5)
        return 1.0 - cody_erfcx_large(z);
    const double em1 = alvh_expm1(z2);
    return (1.0 + em1) * cody_erf_small(z) - em1;
}

double alvh_norm_cdf(double x)
{
    if (isnan(x))
        return x;
    double z = -x * ALVH_SQRT1_2;
    if (z >= 0.5) {
        if (x < -40.0)
            return 0.0; /* Phi(-40) = 3.7e-350: below the smallest subnormal */
        /* Phi(x) = erfcx(z)/2 exp(-x^2/2): erfcx varies slowly, so the rounding of z does not
         * matter, and exp(-x^2/2) comes from the exact double-double square of x. */
        return 0.5 * cody_erfcx_large(z) * alvh_exp_mhalf_sumsq(x, 0.0);
    }
    if (z > -0.5)
        return 0.5 - 0.5 * cody_erf_small(z);
    return 1.0 - 0.5 * cody_erfcx_large(-z) * alvh_exp_mhalf_sumsq(x, 0.0);
}

double alvh_norm_cdf_scaled(double x, double scale, double scaled_pdf)
{
    /* scale Phi(x) = sqrt(pi/2) erfcx(-x/sqrt2) scale phi(x) in the lower tail, as
     * alvh_norm_cdf; scale (1/2 - erf(z)/2) and scale - (the tail form) elsewhere. */
    double z = -x * ALVH_SQRT1_2;
    if (isnan(x))
        return x;
    if (z >= 0.5)
        return ALVH_SQRT_PI_OVER_2 * cody_erfcx_large(z) * scaled_pdf;
    if (z > -0.5)
        return scale * (0.5 - 0.5 * cody_erf_small(z));
    return scale - ALVH_SQRT_PI_OVER_2 * cody_erfcx_large(-z) * scaled_pdf;
}

double alvh_norm_pdf(double x)
{
    return ALVH_INV_SQRT_2PI * alvh_exp_mhalf_sumsq(x, 0.0);
}

/* AS 241 PPND16 for the lower half, 0 < p <= 0.5. Coefficients from Wichura (1988), Table. */
static double ppnd16_lower(double p)
{
    double q = p - 0.5;
    if (fabs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        return q *
               (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r +
                     6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r +
                   1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r +
                 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0) /
               (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r +
                     3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r +
                   5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r +
                 4.2313330701600911252e+1) * r + 1.0);
    }
    double r = sqrt(-alvh_log(p)), x;
    if (r <= 5.0) {
        r -= 1.6;
        x = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r +
                  2.41780725177450611770e-1) * r + 1.27045825245236838258e+0) * r +
                3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r +
              4.63033784615654529590e+0) * r + 1.42343711074968357734e+0) /
            (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r +
                  1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r +
                6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r +
              2.05319162663775882187e+0) * r + 1.0);
    } else {
        r -= 5.0;
        x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
                  1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r +
                2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r +
              5.46378491116411436990e+0) * r + 6.65790464350110377720e+0) /
            (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r +
                  1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r +
                1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r +
              5.99832206555887937690e-1) * r + 1.0);
    }
    return -x;
}

double alvh_norm_inv(double p)
{
    if (!(p >= 0.0 && p <= 1.0))
        return (double)NAN;
    if (p == 0.0)
        return -(double)INFINITY;
    if (p == 1.0)
        return (double)INFINITY;
    /* Work in the lower half, where Phi has full relative accuracy: 1 - p is exact for p >= 0.5
     * (Sterbenz). */
    int upper = p > 0.5;
    double q = upper ? 1.0 - p : p;
    double x = ppnd16_lower(q);
    /* One Halley step on f(x) = Phi(x) - q: with r = f/phi, x -= r / (1 + x r / 2). AS 241 is
     * good to ~1e-16, so the step only removes the last rounding. */
    double d = alvh_norm_pdf(x);
    if (d > 0.0) {
        double r = (alvh_norm_cdf(x) - q) / d;
        x -= r / (1.0 + 0.5 * x * r);
    }
    return upper ? -x : x;
}

double alvh_norm_inv_fast(double p)
{
    if (!(p > 0.0 && p < 1.0))
        return alvh_norm_inv(p);
    return p > 0.5 ? -ppnd16_lower(1.0 - p) : ppnd16_lower(p);
}

double alvh_log_ratio(double a, double b)
{
    double q = a / b;
    if (!(q > 0x1p-400 && q < 0x1p400))
        return alvh_log(a) - alvh_log(b); /* |ln(a/b)| > 277: the absolute error is small */
    /* scale by a power of two (exact) so that the products below neither overflow nor
     * underflow: |a|, |b| in [2^-450, 2^450] then */
    if (b > 0x1p450) {
        a *= 0x1p-600;
        b *= 0x1p-600;
    } else if (b < 0x1p-450) {
        a *= 0x1p600;
        b *= 0x1p600;
    }
    /* a/b = q + rem/b exactly, rem = a - q b = (a - p) - (q b - p) with p = fl(q b): a - p is
     * exact (Sterbenz: p is within 2 ulps of a), q b - p is the product's exact rounding error;
     * ln(a/b) = ln q + ln(1 + rem/(q b)), and |rem/(q b)| <= 2^-53, so ln(1 + e) = e to full
     * precision. */
    double p = q * b;
    double rem = (a - p) - alvh_prod_err(q, b, p);
    return alvh_log(q) + rem / (q * b);
}
