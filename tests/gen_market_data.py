#!/usr/bin/python3
"""Independent reference values for the synthetic market (tests/test_market.c).

Run with the system python (it has python3-mpmath):
    /usr/bin/python3 tests/gen_market_data.py > tests/data/market_reference.csv

Nothing here calls ALVH Calc. Each value comes from the model's definition, evaluated at
50 significant digits by numerical integration rather than by the closed forms the C code uses:
  rng      xoshiro256** outputs seeded by splitmix64, re-implemented from the published
           reference code (prng.di.unimi.it, Blackman and Vigna 2018) with Python integers.
  vix      100 * sqrt( (1/tau) int_0^tau E_Q[v_s] ds + 2 lambda_Q E_Q[J - 1 - ln J] ),
           tau = 30/365: the integral by quadrature of the CIR mean, the jump term by
           quadrature against the Q normal density of ln J (not the lognormal closed form).
  future   100 * E_Q[ sqrt(A + B v_T) ] under the exact CIR law of v_T (a scaled noncentral
           chi-squared: v_T = X / (2c), c = 2 kappa / (xi^2 (1 - e^{-kappa T})),
           X ~ chi'^2(4 kappa theta / xi^2, 2 c v e^{-kappa T})), by quadrature of its density.
           The C code uses a two-moment lognormal approximation; the test bounds its error.
  vmean / vvar  mean and variance of v_T under P by quadrature of the same density.
Presets' parameters are copied from core/src/market.c (alvh_market_preset) by hand.
"""
import mpmath as mp

mp.mp.dps = 50
MASK = (1 << 64) - 1

PRESETS = {
    # name: (kappa, theta, xi, lambda_v, Q jump intensity, Q jump mean, Q jump std)
    "calm": (4.0, 0.014, 0.2, -2.0, 2.0, -0.05, 0.04),
    "bear2022": (5.0, 0.058, 0.5, -1.5, 2.0, -0.05, 0.04),
    "crash2020": (15.0, 0.035, 0.9, -3.0, 2.0, -0.05, 0.04),
}
TAU = mp.mpf(30) / 365


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & MASK
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return x, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def xoshiro_outputs(seed, n):
    s, x = [], seed
    for _ in range(4):
        x, z = splitmix64(x)
        s.append(z)
    out = []
    for _ in range(n):
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        out.append(result)
    return out


def q_params(p):
    kappa, theta, xi, lam_v = p[0], p[1], p[2], p[3]
    kq = mp.mpf(kappa) + lam_v
    return kq, mp.mpf(kappa) * theta / kq


def jump_term(p):
    lam, mj, sj = mp.mpf(p[4]), mp.mpf(p[5]), mp.mpf(p[6])
    dens = lambda y: mp.npdf(y, mj, sj)
    e = mp.quad(lambda y: (mp.exp(y) - 1 - y) * dens(y), [mj - 20 * sj, mj, mj + 20 * sj])
    return 2 * lam * e


def vix_squared(p, v):
    kq, tq = q_params(p)
    mean_v = lambda s: tq + (v - tq) * mp.exp(-kq * s)
    return mp.quad(mean_v, [0, TAU]) / TAU + jump_term(p)


def cir_density(kappa, theta, xi, v, t):
    """Density of v_t given v_0 = v for dv = kappa (theta - v) dt + xi sqrt(v) dW."""
    kappa, theta, xi, v, t = map(mp.mpf, (kappa, theta, xi, v, t))
    c = 2 * kappa / (xi ** 2 * (1 - mp.exp(-kappa * t)))
    df = 4 * kappa * theta / xi ** 2
    nc = 2 * c * v * mp.exp(-kappa * t)

    def chi2nc(x):
        if x <= 0:
            return mp.mpf(0)
        return (mp.mpf(1) / 2 * mp.exp(-(x + nc) / 2) * (x / nc) ** (df / 4 - mp.mpf(1) / 2)
                * mp.besseli(df / 2 - 1, mp.sqrt(nc * x)))

    return lambda y: 2 * c * chi2nc(2 * c * y), c, df, nc


def expectation(kappa, theta, xi, v, t, g):
    dens, c, df, nc = cir_density(kappa, theta, xi, v, t)
    mean = (df + nc) / (2 * c)
    sd = mp.sqrt(2 * (df + 2 * nc)) / (2 * c)
    hi = mean + 40 * sd
    pts = [0, mean / 4, mean / 2, mean, mean + sd, mean + 4 * sd, mean + 10 * sd, hi]
    pts = sorted(set(pts))
    return mp.quad(lambda y: g(y) * dens(y), pts)


def main():
    print("# kind,preset,x,years,value  (see tests/gen_market_data.py for each kind)")
    for seed in (0, 1, 46, 12345678901234567):
        for i, o in enumerate(xoshiro_outputs(seed, 5)):
            print(f"rng,{seed},{i},0,{o}")
    for name, p in PRESETS.items():
        for v in ("0", "0.01", "0.04", "0.09", "0.25", "1.0"):
            v = mp.mpf(v)
            print(f"vix,{name},{mp.nstr(v, 6)},0,{mp.nstr(100 * mp.sqrt(vix_squared(p, v)), 20)}")
        kq, tq = q_params(p)
        # A and B from two evaluations of the integral: VIX^2 is affine in v.
        a = vix_squared(p, mp.mpf(0))
        b = vix_squared(p, mp.mpf(1)) - a
        for v in ("0.01", "0.04", "0.25", "1.0"):
            v = mp.mpf(v)
            for days in (30, 90, 180):
                t = mp.mpf(days) / 365
                f = 100 * expectation(kq, tq, p[2], v, t, lambda y: mp.sqrt(a + b * y))
                print(f"future,{name},{mp.nstr(v, 6)},{days},{mp.nstr(f, 20)}")
        for v in ("0.02", "0.3"):
            v = mp.mpf(v)
            t = mp.mpf(21) / 365
            m1 = expectation(p[0], p[1], p[2], v, t, lambda y: y)
            m2 = expectation(p[0], p[1], p[2], v, t, lambda y: (y - m1) ** 2)
            print(f"vmean,{name},{mp.nstr(v, 6)},21,{mp.nstr(m1, 20)}")
            print(f"vvar,{name},{mp.nstr(v, 6)},21,{mp.nstr(m2, 20)}")


if __name__ == "__main__":
    main()
