#!/usr/bin/python3
"""Golden prices and greeks for BS_PRICE/BS_GREEK/B76_PRICE/B76_GREEK (and IV round trips),
evaluated with mpmath at 50+ significant digits from the exact double inputs.

The closed forms (Black-Scholes-Merton with a continuous dividend yield, Black-76) are evaluated
at a working precision raised by the number of digits the call/put formula cancels, so even a
1e-200 far out-of-the-money price is right to 50 digits. Every greek is then cross-checked
against mpmath's numerical differentiation of the price (mpmath.diff at high precision) on a
sample of rows, so a typo in a closed form cannot slip into the golden data.

Conventions (as the library): theta per calendar day (-dV/dyears / 365), vega and rho per point
(x 0.01), vanna = d(delta)/d(vol) x 0.01, volga = d(vega)/d(vol) x 0.01 = d2V/dvol2 x 1e-4.
Black-76 rho holds the forward fixed.

Also writes tests/data/pricing_extreme.csv: out-of-the-money options on huge strikes or
forwards (strike/forward up to 1e279) whose normalised price b = price / sqrt(F K) is subnormal
or below 2^-1000 while the price itself is a normal double, the region where sqrt(F K) b must not
be formed from a subnormal b.

And tests/data/pricing_random.csv: 2000 options drawn at random (fixed seed) over the whole
domain, not a grid: spot/forward 1e-3 to 1e6, 1e-4 to 10 years, vol 0.1% to 2000%, strikes
within +-6 standard deviations (a third within +-40), rate -2% to 10%, dividend yield 0-5%.

usage: /usr/bin/python3 tests/gen_pricing_golden.py   (writes tests/data/pricing_golden.csv)
       /usr/bin/python3 tests/gen_pricing_golden.py --extreme-only
       /usr/bin/python3 tests/gen_pricing_golden.py --random-only
"""
import os
import random

import mpmath as mp

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data", "pricing_golden.csv")
OUT_EXTREME = os.path.join(HERE, "data", "pricing_extreme.csv")
OUT_RANDOM = os.path.join(HERE, "data", "pricing_random.csv")
HEADER = ("model,type,underlying,strike,years,vol,rate,div_yield,price,delta,gamma,vega,theta,"
          "rho,vanna,volga\n")
BASE_DPS = 50

YEARS = [1.0 / 8760.0, 1.0 / 365.0, 30.0 / 365.0, 0.5, 2.0, 5.0]
VOLS = [0.01, 0.1, 0.3, 1.0, 5.0]
# strikes as standard deviations from the spot (K = S exp(m vol sqrt(T))), plus fixed ones
MONEYNESS = [-30.0, -8.0, -3.0, -1.0, -0.2, 0.0, 0.5, 2.0, 6.0, 20.0]
FIXED_STRIKES = [0.8, 1.0, 1.25]  # times the underlying
BSM_CARRY = [(0.0, 0.0), (0.05, 0.015), (-0.005, 0.03)]
B76_RATES = [0.0, 0.04]
UNDERLYINGS = {"BSM": [100.0, 4500.0], "B76": [100.0, 18.0]}


def model_price(model, kind, u, k, t, v, r, q):
    """V(u, k, t, v, r, q) at the current mp precision; u = spot (BSM) or forward (B76)."""
    if model == "BSM":
        fwd = u * mp.exp((r - q) * t)
    else:
        fwd = u
    df = mp.exp(-r * t)
    if t == 0 or v == 0:
        return df * max(kind * (fwd - k), 0)
    s = v * mp.sqrt(t)
    d1 = (mp.log(fwd / k)) / s + s / 2
    d2 = d1 - s
    return df * kind * (fwd * mp.ncdf(kind * d1) - k * mp.ncdf(kind * d2))


def closed_forms(model, kind, u, k, t, v, r, q):
    """price and greeks from the textbook closed forms, at the current precision."""
    fwd = u * mp.exp((r - q) * t) if model == "BSM" else u
    df = mp.exp(-r * t)
    dq = mp.exp(-q * t) if model == "BSM" else df
    s = v * mp.sqrt(t)
    d1 = mp.log(fwd / k) / s + s / 2
    d2 = d1 - s
    n1, n2 = mp.ncdf(kind * d1), mp.ncdf(kind * d2)
    pdf1 = mp.npdf(d1)
    price = df * kind * (fwd * n1 - k * n2)
    delta = kind * dq * n1
    gamma = dq * pdf1 / (u * s)
    vega = u * dq * pdf1 * mp.sqrt(t)  # per unit vol
    if model == "BSM":
        dvdt = (u * dq * pdf1 * v / (2 * mp.sqrt(t)) + kind * r * k * df * n2
                - kind * q * u * dq * n1)
        rho = kind * k * t * df * n2
    else:
        dvdt = -r * price + df * fwd * pdf1 * v / (2 * mp.sqrt(t))
        rho = -t * price
    vanna = -dq * pdf1 * d2 / v
    volga = vega * d1 * d2 / v
    return [price, delta, gamma, vega * mp.mpf("0.01"), -dvdt / 365, rho * mp.mpf("0.01"),
            vanna * mp.mpf("0.01"), volga * mp.mpf("0.0001")]


def evaluate(model, kind, u, k, t, v, r, q):
    """closed_forms() at a precision raised until the digits the call/put formula cancels
    (the size of its terms over the result) leave BASE_DPS digits standing."""
    args = [mp.mpf(a) for a in (u, k, t, v, r, q)]
    with mp.workdps(30):
        # Out of the money by more than 40 standard deviations: the price and every greek are
        # below e^-800 (their common factor phi(d1) or Phi(-|d|)), i.e. 0 as doubles; assert
        # that bound and write zeros rather than evaluate with millions of digits.
        fwd = args[0] * mp.exp((args[4] - args[5]) * args[2]) if model == "BSM" else args[0]
        sd = args[3] * mp.sqrt(args[2])
        d1 = mp.log(fwd / args[1]) / sd + sd / 2
        d2 = d1 - sd
        if kind * d1 < -40 and kind * d2 < -40:
            bound = (fwd + args[1]) * mp.npdf(min(abs(d1), abs(d2))) * (1 + 1 / sd) ** 2 * 1e4
            assert bound < mp.mpf("1e-320"), (model, kind, u, k, t, v, r, q, bound)
            return [mp.mpf(0)] * 8
    dps = BASE_DPS + 20
    while True:
        with mp.workdps(dps):
            vals = closed_forms(model, kind, *args)
            fwd = args[0] * mp.exp((args[4] - args[5]) * args[2]) if model == "BSM" else args[0]
            lost = 0
            if vals[0] != 0:
                lost = max(0, int(mp.log10((fwd + args[1]) / abs(vals[0]))))
        if dps >= lost + BASE_DPS + 20:
            return vals
        dps = lost + BASE_DPS + 40


def numeric_greeks(model, kind, u, k, t, v, r, q, dps):
    """The greeks by mpmath.diff of the price (independent of the closed forms)."""
    with mp.workdps(dps):
        u, k, t, v, r, q = [mp.mpf(a) for a in (u, k, t, v, r, q)]
        p = lambda uu=u, tt=t, vv=v, rr=r: model_price(model, kind, uu, k, tt, vv, rr, q)
        delta = mp.diff(lambda z: p(uu=z), u)
        gamma = mp.diff(lambda z: p(uu=z), u, 2)
        vega = mp.diff(lambda z: p(vv=z), v) / 100
        theta = -mp.diff(lambda z: p(tt=z), t) / 365
        if model == "BSM":
            rho = mp.diff(lambda z: p(rr=z), r) / 100
        else:
            rho = mp.diff(lambda z: p(rr=z), r) / 100  # forward fixed: u is the forward
        vanna = mp.diff(lambda a, b: p(uu=a, vv=b), (u, v), (1, 1)) / 100
        volga = mp.diff(lambda z: p(vv=z), v, 2) / 10000
        return [delta, gamma, vega, theta, rho, vanna, volga]


def rows():
    for model in ("BSM", "B76"):
        carries = BSM_CARRY if model == "BSM" else [(r, 0.0) for r in B76_RATES]
        for u in UNDERLYINGS[model]:
            for t in YEARS:
                for v in VOLS:
                    s = v * t ** 0.5
                    strikes = [u * mp_float_exp(m * s) for m in MONEYNESS]
                    strikes += [u * f for f in FIXED_STRIKES]
                    for k in strikes:
                        for (r, q) in carries:
                            for kind in (1, -1):
                                yield model, kind, u, k, t, v, r, q


def mp_float_exp(z):
    return float(mp.exp(z))


def norm_inv(p):
    """Phi^-1(p) by a root search on mpmath's ncdf (in the lower half, where it is exact)."""
    if p > 0.5:
        return -norm_inv(1 - p)
    x = -mp.sqrt(2 * mp.log(1 / p)) if p < 0.1 else mp.mpf(0)
    # on the log scale: an absolute tolerance on ncdf(z) - p would be met at once in the tail
    return mp.findroot(lambda z: mp.log(mp.ncdf(z)) - mp.log(p), x,
                       tol=mp.mpf(10) ** (-2 * mp.mp.dps + 10))


def write_normal():
    """Phi(x), erfcx(z) and Phi^-1(p) at 50 digits, for tests/test_black.c."""
    path = os.path.join(HERE, "data", "pricing_normal.csv")
    lines = []
    with mp.workdps(60):
        xs = [-38.4, -37.5, -30.0, -26.1, -20.0, -12.5, -10.0, -8.3, -5.0, -3.3, -2.0, -1.5,
              -1.0000001, -1.0, -0.99, -0.5, -0.1, -1e-8, 0.0, 1e-8, 0.3, 0.9, 1.7, 3.0, 5.5, 8.0]
        xs += [-40.0 * (i + 0.5) / 64 for i in range(64)]
        for x in xs:
            lines.append("cdf,%r,%r" % (x, float(mp.ncdf(mp.mpf(x)))))
        zs = [-5.0, -2.0, -0.7, -0.3, 0.0, 0.2, 0.5, 0.9, 1.3, 2.0, 4.0, 6.5, 10.0, 25.9, 26.0,
              26.1, 30.0, 100.0, 1e4, 1e10, 1e100]
        zs += [0.45 * i for i in range(1, 60)]
        for z in zs:
            zm = mp.mpf(z)
            lines.append("erfcx,%r,%r" % (z, float(mp.exp(zm * zm) * mp.erfc(zm))))
        ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.02, 0.0749, 0.075, 0.1, 0.3, 0.49,
              0.5, 0.51, 0.7, 0.925, 0.9251, 0.99, 0.999999, 1 - 2.0 ** -40]
        ps += [2.0 ** -e for e in range(1, 1000, 37)]
        for p in ps:
            if p == 0.5:
                continue  # Phi^-1(0.5) = 0: relative error undefined, checked exactly elsewhere
            lines.append("inv,%r,%r" % (p, float(norm_inv(mp.mpf(p)))))
    with open(path, "w") as f:
        f.write("# generated by tests/gen_pricing_golden.py (mpmath); function,argument,value\n")
        f.write("\n".join(lines) + "\n")
    print("%d rows -> %s" % (len(lines), path))


def write_normalised():
    """b(x, s) = e^{x/2} Phi(x/s + s/2) - e^{-x/2} Phi(x/s - s/2), x <= 0, on both sides of every
    region boundary of black.c (h = x/s = -10, t = s/2 = 0.2102, h + t = 0.85 and -9.79), at
    precision raised until the cancellation leaves 50 digits."""
    path = os.path.join(HERE, "data", "pricing_normalised.csv")
    hs = [-40.0, -30.0, -20.0, -12.0, -10.4, -10.01, -10.0, -9.99, -9.8, -9.5, -8.0, -5.0, -3.0,
          -2.0, -1.0, -0.6, -0.3, -0.1, -0.01, 0.0]
    ts = [1e-6, 1e-4, 0.003, 0.03, 0.1, 0.2, 0.2102, 0.2103, 0.25, 0.4, 0.6, 0.85, 1.0, 1.5, 3.0,
          6.0, 12.0]
    lines = []
    for h in hs:
        for t in ts:
            s_ = 2.0 * t
            x = h * s_
            if x > 0:
                continue
            X, S = mp.mpf(x), mp.mpf(s_)
            dps = 60
            while True:
                with mp.workdps(dps):
                    hh, tt = X / S, S / 2
                    first = mp.exp(X / 2) * mp.ncdf(hh + tt)
                    b = first - mp.exp(-X / 2) * mp.ncdf(hh - tt)
                    lost = int(mp.log10(first / b)) if b > 0 else 0
                if dps >= lost + 55 or b == 0:
                    break
                dps = lost + 70
            lines.append("%r,%r,%r" % (x, s_, float(b)))
    with open(path, "w") as f:
        f.write("# generated by tests/gen_pricing_golden.py (mpmath); x,s,b(x,s)\n")
        f.write("\n".join(lines) + "\n")
    print("%d rows -> %s" % (len(lines), path))


def main():
    write_normal()
    write_normalised()
    rng = random.Random(20261126)
    out = []
    checked = 0
    for model, kind, u, k, t, v, r, q in rows():
        vals = evaluate(model, kind, u, k, t, v, r, q)
        # cross-check the closed forms on a sample of rows where the price is not negligible
        if rng.random() < 0.02 and vals[0] > mp.mpf("1e-30"):
            num = numeric_greeks(model, kind, u, k, t, v, r, q, 120)
            for name, a, b in zip(("delta", "gamma", "vega", "theta", "rho", "vanna", "volga"),
                                  vals[1:], num):
                scale = max(abs(b), mp.mpf("1e-40"))
                assert abs(a - b) <= mp.mpf("1e-25") * scale, (model, kind, u, k, t, v, r, q,
                                                               name, a, b)
            checked += 1
        if len(out) % 500 == 0:
            import sys
            print(len(out), "rows", file=sys.stderr, flush=True)
        out.append([model, "C" if kind > 0 else "P", repr(u), repr(k), repr(t), repr(v), repr(r),
                    repr(q)] + [repr(float(x)) for x in vals])
    with open(OUT, "w") as f:
        f.write("# generated by tests/gen_pricing_golden.py (mpmath %s, %d+ digits); "
                "do not edit\n" % (mp.__version__, BASE_DPS))
        f.write("model,type,underlying,strike,years,vol,rate,div_yield,price,delta,gamma,vega,"
                "theta,rho,vanna,volga\n")
        for row in out:
            f.write(",".join(row) + "\n")
    print("%d rows, %d cross-checked by numerical differentiation -> %s" % (len(out), checked,
                                                                          OUT))


def extreme_rows():
    """Options whose b = (price - intrinsic) / sqrt(F K) lies below 2^-1000 while the price is
    a normal double: d1 and d2 both beyond -36 standard deviations on huge strikes/forwards."""
    for model, u, r, q, kind, exps in (("B76", 1.0, 0.0, 0.0, 1, (17, 30, 53, 120, 236, 279)),
                                       ("B76", 1.0, 0.03, 0.0, 1, (30, 120)),
                                       ("BSM", 1.0, 0.02, 0.01, 1, (17, 53, 236)),
                                       ("B76", 1e300, 0.0, 0.0, -1, (17, 53, 120)),
                                       ("BSM", 1e250, 0.01, 0.0, -1, (30, 100))):
        for e in exps:
            k = 10.0 ** e if kind > 0 else u / 10.0 ** e
            x = abs(mp.log(mp.mpf(u) / k))
            for h in (36.0, 38.0, 40.0):
                for t in (0.25, 2.0):
                    v = float(x / h / mp.sqrt(t))
                    yield model, kind, u, k, t, v, r, q


def write_rows(path, flag, rows, keep=lambda vals: True):
    """Evaluates rows (model, kind, u, k, t, v, r, q) and writes those whose values keep accepts,
    with HEADER, to path."""
    out = []
    for model, kind, u, k, t, v, r, q in rows:
        vals = evaluate(model, kind, u, k, t, v, r, q)
        if not keep(vals):
            continue
        out.append([model, "C" if kind > 0 else "P", repr(u), repr(k), repr(t), repr(v), repr(r),
                    repr(q)] + [repr(float(x)) for x in vals])
    with open(path, "w") as f:
        f.write("# generated by tests/gen_pricing_golden.py %s (mpmath %s, %d+ digits); do not "
                "edit\n" % (flag, mp.__version__, BASE_DPS))
        f.write(HEADER)
        for row in out:
            f.write(",".join(row) + "\n")
    print("%d rows -> %s" % (len(out), path))


def write_extreme():
    # keep the rows whose price is a normal double: there is something to scale
    write_rows(OUT_EXTREME, "--extreme-only", extreme_rows(),
               keep=lambda vals: mp.mpf(2) ** -1000 < abs(vals[0]) < mp.mpf(2) ** 1000)


def random_rows(n, seed=20261126):
    rng = random.Random(seed)
    while n > 0:
        model = rng.choice(["BSM", "B76"])
        kind = rng.choice([1, -1])
        u = 10.0 ** rng.uniform(-3, 6)
        t = 10.0 ** rng.uniform(-4, 1)
        v = 10.0 ** rng.uniform(-3, 1.3)
        m = rng.uniform(-40, 40) if rng.random() < 1 / 3 else rng.uniform(-6, 6)
        z = m * v * t ** 0.5
        if abs(z) > 600:
            continue  # a strike beyond the doubles
        k = u * float(mp.exp(z))
        r = rng.uniform(-0.02, 0.1)
        q = rng.uniform(0.0, 0.05) if model == "BSM" else 0.0
        n -= 1
        yield model, kind, u, k, t, v, r, q


def write_random():
    write_rows(OUT_RANDOM, "--random-only", random_rows(2000))


if __name__ == "__main__":
    import sys
    if sys.argv[1:] == ["--normal-only"]:
        write_normal()
        write_normalised()
    elif sys.argv[1:] == ["--extreme-only"]:
        write_extreme()
    elif sys.argv[1:] == ["--random-only"]:
        write_random()
    else:
        main()
        write_extreme()
        write_random()
