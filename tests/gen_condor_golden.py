#!/usr/bin/python3
"""Golden values for the condor and book tests, computed with mpmath at 40 digits.

Independent of the C code under test:
  - strikes from delta by BISECTION on the BSM delta (not the closed form the C code uses),
    then the documented rounding rule (short put down, short call up to the step grid);
  - prices from the BSM formula in mpmath; greeks by mpmath numerical differentiation
    (mp.diff) of that price, not from closed-form greeks;
  - break-evens and the probability of profit from the credit and the lognormal CDF;
  - scenarios: the shock rules of alvh/scenario.h written out again here, BSM and Black-76 in
    mpmath.

usage: /usr/bin/python3 tests/gen_condor_golden.py   (writes tests/data/condor_*.csv)
"""
import csv
import os

from mpmath import mp, mpf, ncdf, log, exp, sqrt, diff

mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def bsm(kind, s, k, t, v, r, q):
    """Black-Scholes-Merton price; kind +1 call, -1 put."""
    s, k, t, v, r, q = map(mpf, (s, k, t, v, r, q))
    if t == 0:
        return max(kind * (s - k), mpf(0))
    sd = v * sqrt(t)
    d1 = (log(s / k) + (r - q + v * v / 2) * t) / sd
    d2 = d1 - sd
    return kind * (s * exp(-q * t) * ncdf(kind * d1) - k * exp(-r * t) * ncdf(kind * d2))


def bsm_delta_closed(kind, s, k, t, v, r, q):
    """Spot delta of BSM, used only as the function the bisection inverts."""
    s, k, t, v, r, q = map(mpf, (s, k, t, v, r, q))
    d1 = (log(s / k) + (r - q + v * v / 2) * t) / (v * sqrt(t))
    return kind * exp(-q * t) * ncdf(kind * d1)


def strike_from_delta(kind, delta, s, t, v, r, q):
    """The strike whose delta is kind*delta, by bisection in ln K (delta is monotone in K)."""
    target = kind * mpf(delta)
    lo, hi = log(mpf(s)) - 20 * mpf(v) * sqrt(mpf(t)) - 1, log(mpf(s)) + 20 * mpf(v) * sqrt(mpf(t)) + 1
    # call delta falls with K; put delta (negative) also falls with K (towards -e^{-qT}).
    for _ in range(300):
        mid = (lo + hi) / 2
        d = bsm_delta_closed(kind, s, exp(mid), t, v, r, q)
        if d > target:
            lo = mid
        else:
            hi = mid
    return exp((lo + hi) / 2)


def fmt(x):
    return repr(float(x))


def grid(k, step, up):
    q = k / step
    n = mp.ceil(q) if up else mp.floor(q)
    frac = abs(q - mp.nint(q))
    assert frac > mpf("1e-6"), "a case too close to the strike grid: pick another"
    return n * step


def strikes_cases():
    rows = []
    cases = []
    for spot, step in ((5000, 5), (5000, 0), (4321.37, 5), (100, 1), (100, 0), (18500, 25)):
        for years in (7 / 365, 30 / 365, 45 / 365):
            for vol in (0.12, 0.2, 0.35):
                cases.append((spot, years, vol, step))
    deltas = (0.10, 0.16, 0.20, 0.25)
    markets = ((0, 0), (0.045, 0.013), (0.05, 0))
    i = 0
    for spot, years, vol, step in cases:
        delta = deltas[i % len(deltas)]
        rate, div = markets[i % len(markets)]
        i += 1
        wing_steps = (2, 5, 10)[i % 3]
        wing = wing_steps * step if step > 0 else spot * 0.01 * wing_steps
        kp = strike_from_delta(-1, delta, spot, years, vol, rate, div)
        kc = strike_from_delta(1, delta, spot, years, vol, rate, div)
        if step > 0:
            try:
                kp, kc = grid(kp, step, False), grid(kc, step, True)
            except AssertionError:
                continue
        ks = (kp - wing, kp, kc, kc + wing)
        if ks[0] <= 0:
            continue
        rows.append([spot, fmt(years), vol, delta, wing, step, rate, div] + [fmt(k) for k in ks])
    with open(os.path.join(DATA, "condor_strikes.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["spot", "years", "vol", "short_delta", "wing", "step", "rate", "div_yield",
                    "long_put", "short_put", "short_call", "long_call"])
        w.writerows(rows)
    return len(rows)


def condor_values():
    """Credit, max loss, break-evens and probability of profit of condors with a skew."""
    cases = [
        # k0, k1, k2, k3, spot, years, vol, skew, rate, div
        (4750, 4800, 5225, 5275, 5000, 30 / 365, 0.15, 0, 0, 0),
        (4750, 4800, 5225, 5275, 5000, 30 / 365, 0.15, 3.0, 0.045, 0.013),
        (4700, 4800, 5200, 5250, 5000, 45 / 365, 0.18, 2.0, 0.05, 0.0),
        (4900, 4950, 5050, 5100, 5000, 7 / 365, 0.12, 0, 0.03, 0.01),
        (90, 95, 105, 110, 100, 0.25, 0.3, 1.5, 0.02, 0.0),
        (4950, 5000, 5000, 5050, 5000, 30 / 365, 0.16, 0, 0.04, 0.015),  # iron butterfly
        (4500, 4600, 5400, 5500, 5000, 60 / 365, 0.22, 5.0, 0.045, 0.013),
        (4500, 4600, 5400, 5500, 5000, 60 / 365, 0.22, 9.0, 0.045, 0.013),  # floor on the calls
    ]
    rows = []
    for k0, k1, k2, k3, s, t, v, skew, r, q in cases:
        ks = [mpf(k) for k in (k0, k1, k2, k3)]
        vols = [mpf(v) * max(1 - mpf(skew) * log(k / mpf(s)), mpf("0.25")) for k in ks]
        credit = (bsm(-1, s, ks[1], t, vols[1], r, q) - bsm(-1, s, ks[0], t, vols[0], r, q)
                  + bsm(1, s, ks[2], t, vols[2], r, q) - bsm(1, s, ks[3], t, vols[3], r, q))
        lower, upper = ks[1] - credit, ks[2] + credit
        maxloss = max(ks[1] - ks[0], ks[3] - ks[2]) - credit
        sd = mpf(v) * sqrt(mpf(t))
        m = (mpf(r) - mpf(q) - mpf(v) ** 2 / 2) * mpf(t)
        pop = ncdf((log(mpf(s) / lower) + m) / sd) - ncdf((log(mpf(s) / upper) + m) / sd)
        rows.append([k0, k1, k2, k3, s, fmt(t), v, skew, r, q]
                    + [fmt(x) for x in vols] + [fmt(credit), fmt(maxloss), fmt(lower),
                                                fmt(upper), fmt(pop)])
    with open(os.path.join(DATA, "condor_values.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["long_put", "short_put", "short_call", "long_call", "spot", "years", "vol",
                    "skew", "rate", "div_yield", "vol0", "vol1", "vol2", "vol3", "credit",
                    "max_loss", "lower", "upper", "pop"])
        w.writerows(rows)
    return len(rows)


BOOKS = {
    # A 16-delta-ish SPX condor with a smile.
    1: [(-1, 4750, 1, 30 / 365, 0.19), (-1, 4800, -1, 30 / 365, 0.175),
        (1, 5225, -1, 30 / 365, 0.12), (1, 5275, 1, 30 / 365, 0.115)],
    # A put calendar (short front, long back) and a call ratio spread: mixed expiries.
    2: [(-1, 4900, -2, 14 / 365, 0.17), (-1, 4900, 2, 45 / 365, 0.18),
        (1, 5100, 1, 30 / 365, 0.14), (1, 5200, -2.5, 30 / 365, 0.13)],
    # A single long call on a small index, with an expired leg (years 0).
    3: [(1, 95, 3, 0.5, 0.3), (-1, 105, -1, 0.0, 0.25)],
}
BOOK_MARKETS = [
    # book, spot, rate, div, multiplier, days_forward, pnl_spot
    (1, 5000, 0.0, 0.0, 100, 10, 4900),
    (1, 5000, 0.045, 0.013, 100, 0, 5000),
    (1, 4850, 0.045, 0.013, 50, 29, 4700),
    (2, 5000, 0.045, 0.013, 100, 20, 4950),
    (2, 5050, 0.02, 0.0, 1, 14, 5300),
    (3, 100, 0.03, 0.0, 100, 5, 110),
]


def book_value(legs, s, elapsed, r, q, mult):
    total = mpf(0)
    for kind, k, qty, t, v in legs:
        rem = mpf(t) - mpf(elapsed)
        if rem <= 0:
            total += qty * max(kind * (mpf(s) - k), mpf(0))
        else:
            total += qty * bsm(kind, s, k, rem, v, r, q)
    return total * mult


def book_greeks(legs, s, r, q, mult):
    """Greeks by numerical differentiation of the mpmath price (legs with years > 0)."""
    out = {"delta": mpf(0), "gamma": mpf(0), "vega": mpf(0), "theta": mpf(0), "rho": mpf(0)}
    for kind, k, qty, t, v in legs:
        if t == 0:
            if kind * (s - k) > 0:
                out["delta"] += qty * kind * mult
            continue
        out["delta"] += qty * mult * diff(lambda x: bsm(kind, x, k, t, v, r, q), mpf(s))
        out["gamma"] += qty * mult * diff(lambda x: bsm(kind, x, k, t, v, r, q), mpf(s), 2)
        out["vega"] += qty * mult * diff(lambda x: bsm(kind, s, k, t, x, r, q), mpf(v)) / 100
        out["theta"] += -qty * mult * diff(lambda x: bsm(kind, s, k, x, v, r, q), mpf(t)) / 365
        out["rho"] += qty * mult * diff(lambda x: bsm(kind, s, k, t, v, x, q), mpf(r)) / 100
    return out


def books():
    with open(os.path.join(DATA, "condor_book_legs.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["book", "type", "strike", "quantity", "years", "vol"])
        for b, legs in BOOKS.items():
            for kind, k, qty, t, v in legs:
                w.writerow([b, "C" if kind > 0 else "P", k, qty, fmt(t), v])
    rows = []
    for b, s, r, q, mult, days, pnl_spot in BOOK_MARKETS:
        legs = BOOKS[b]
        value = book_value(legs, s, 0, r, q, mult)
        g = book_greeks(legs, s, r, q, mult)
        pnl = book_value(legs, pnl_spot, mpf(days) / 365, r, q, mult) - value
        # theta of an expired leg (years 0) is a convention, not a derivative: left blank.
        theta = "" if any(leg[3] == 0 for leg in legs) else fmt(g["theta"])
        rows.append([b, s, r, q, mult, days, pnl_spot, fmt(value), fmt(g["delta"]),
                     fmt(g["gamma"]), fmt(g["vega"]), theta, fmt(g["rho"]), fmt(pnl)])
    with open(os.path.join(DATA, "condor_book_values.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["book", "spot", "rate", "div_yield", "multiplier", "days_forward",
                    "pnl_spot", "value", "delta", "gamma", "vega", "theta", "rho", "pnl"])
        w.writerows(rows)
    return len(rows)


def b76_call(f, k, t, v, r):
    f, k, t, v, r = map(mpf, (f, k, t, v, r))
    if t <= 0:
        return max(f - k, mpf(0))
    sd = v * sqrt(t)
    d1 = (log(f / k) + sd * sd / 2) / sd
    return exp(-r * t) * (f * ncdf(d1) - k * ncdf(d1 - sd))


# The default policy's scenario parameters, as documented in alvh/policy.h and alvh/scenario.h:
# backtest.vol_beta 1, backtest.skew 2; beta(T) = 0.65 e^{-24 T} + 0.35 e^{-1.35 T}; VIX option
# rate 0; multipliers 100 and 100.
SCEN_HEDGE = [  # future, strike, contracts, years, vol_of_vol
    (17.2, 18, 4, 20 / 365, 0.9), (18.4, 20, 4, 49 / 365, 0.8), (19.3, 22, 2, 77 / 365, 0.7)]
SCEN_SHOCKS = [  # spx_move, vix_move, days, vov_move, vol_beta, skew, rate, div
    (-0.03, 8, 1, 0, 1, 2, 0.045, 0.013),
    (-0.06, 20, 1, 0, 1, 2, 0.045, 0.013),
    (-0.01, 2, 1, 0, 1, 2, 0.045, 0.013),
    (0.02, -3, 3, 0, 1, 2, 0.0, 0.0),
    (-0.045, 12, 0, 0.25, 0.8, 4, 0.045, 0.013),
    (-0.05, 15, 1, 0, 1, 12, 0.045, 0.013),  # skew 12: the long call's factor hits the floor
    (-0.02, 5, 40, 0, 1, 0, 0.03, 0.0),  # past the condor's and layer 1's expiry
]


def scenario(legs, hedge, spot, vix, shock):
    m, dv, days, vov_move, vbeta, skew, r, q = [mpf(x) for x in shock]
    el = days / 365
    s2, v2 = mpf(spot) * (1 + m), mpf(vix) + dv

    def f(k, s):
        return max(1 - skew * log(mpf(k) / s), mpf("0.25"))

    before = after = mpf(0)
    for kind, k, qty, t, v in legs:
        before += qty * bsm(kind, spot, k, t, v, r, q)
        v_new = mpf(v) + vbeta / 100 * (v2 * f(k, s2) - mpf(vix) * f(k, mpf(spot)))
        rem = mpf(t) - el
        after += qty * (max(kind * (s2 - k), mpf(0)) if rem <= 0 else bsm(kind, s2, k, rem, v_new, r, q))
    h0 = h1 = mpf(0)
    for fut, k, n, t, vov in hedge:
        beta = mpf("0.65") * exp(-24 * mpf(t)) + mpf("0.35") * exp(-mpf("1.35") * mpf(t))
        h0 += n * b76_call(fut, k, t, vov, 0)
        h1 += n * b76_call(mpf(fut) + beta * dv, k, mpf(t) - el, mpf(vov) + vov_move, 0)
    return 100 * (after - before), 100 * (h1 - h0)


def scenarios():
    legs = BOOKS[1]
    rows = []
    for shock in SCEN_SHOCKS:
        condor, hedge = scenario(legs, SCEN_HEDGE, 5000, 16, shock)
        rows.append(list(shock) + [fmt(condor), fmt(hedge), fmt(condor + hedge)])
    with open(os.path.join(DATA, "condor_scenarios.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["spx_move", "vix_move", "days", "vov_move", "vol_beta", "skew", "rate",
                    "div_yield", "condor", "hedge", "net"])
        w.writerows(rows)
    with open(os.path.join(DATA, "condor_scenario_hedge.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["future", "strike", "contracts", "years", "vol_of_vol"])
        for fut, k, n, t, vov in SCEN_HEDGE:
            w.writerow([fut, k, n, fmt(t), vov])
    return len(rows)


if __name__ == "__main__":
    os.makedirs(DATA, exist_ok=True)
    print("condor_strikes.csv:", strikes_cases(), "rows")
    print("condor_values.csv:", condor_values(), "rows")
    print("condor_book_values.csv:", books(), "rows")
    print("condor_scenarios.csv:", scenarios(), "rows (book 1, spot 5000, VIX 16)")
