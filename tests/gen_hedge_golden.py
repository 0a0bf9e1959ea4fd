#!/usr/bin/python3
"""Golden values for the hedge engine, evaluated independently with mpmath (50 digits).

Writes tests/data/hedge_vixfut.csv, hedge_beta.csv, hedge_black76.csv and hedge_schedule.csv.
Run with the system python (it has python3-mpmath):  /usr/bin/python3 tests/gen_hedge_golden.py

Formulas (written here from their definitions, not from the C code):
  VIX model future   F = L + (S - L) exp(-k T)
  beta               w exp(-a T) + (1 - w) exp(-b T)
  Black-76 call      exp(-rT) (F N(d1) - K N(d2)), delta exp(-rT) N(d1),
                     d1 = (ln(F/K) + vol^2 T / 2) / (vol sqrt T), d2 = d1 - vol sqrt T
  ALVH schedule      docs/hedge.md: expiries given here from the Cboe rule by hand (the VIX
                     expiry is the Wednesday 30 days before the next month's third Friday):
                       2026-01-21, 2026-02-18, 2026-03-18, 2026-04-15, 2026-05-19
                     serials: 2026-01-01 is 46023, so Jan 21 = 46043, Feb 18 = 46071,
                     Mar 18 = 46099, Apr 15 = 46127; expiry time 09:30 = 570/1440 of a day.
"""
import csv
import os

import mpmath as mp

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def N(x):
    return mp.ncdf(x)


def black76_call(F, K, T, vol, r):
    F, K, T, vol, r = (mp.mpf(x) for x in (F, K, T, vol, r))
    df = mp.e ** (-r * T)
    if T == 0 or vol == 0:
        intr = max(F - K, 0)
        delta = df if F > K else (df / 2 if F == K else 0)
        return df * intr, delta
    s = vol * mp.sqrt(T)
    d1 = (mp.log(F / K) + s * s / 2) / s
    d2 = d1 - s
    return df * (F * N(d1) - K * N(d2)), df * N(d1)


def vix_fut(T, S, L, k):
    T, S, L, k = (mp.mpf(x) for x in (T, S, L, k))
    return L + (S - L) * mp.e ** (-k * T)


def beta(T, w, a, b):
    T, w, a, b = (mp.mpf(x) for x in (T, w, a, b))
    return w * mp.e ** (-a * T) + (1 - w) * mp.e ** (-b * T)


def s(x):
    return mp.nstr(x, 20, min_fixed=-30, max_fixed=30)


def write(name, header, rows):
    with open(os.path.join(DATA, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def main():
    rows = []
    for T, S, L, k in [(0.25, 16, 20, 4.3), (1 / 12, 30, 20, 4.3), (0, 16, 20, 4.3),
                       (2.0, 12, 20, 4.3), (0.5, 45, 19.5, 2.0), (0.1, 16, 20, 0)]:
        rows.append([repr(float(T)), S, L, k, s(vix_fut(repr(float(T)), S, L, k))])
    write("hedge_vixfut.csv", ["years", "vix_spot", "long_run", "speed", "future"], rows)

    rows = []
    for T in ["0", "0.0833333333333333", "0.1666666666666667", "0.25", "0.4166666666666667",
              "1", "3"]:
        for w, a, b in [(0.65, 24, 1.35), (0.5, 20, 1), (1, 11, 0), (0, 0, 3.86)]:
            rows.append([T, w, a, b, s(beta(T, w, a, b))])
    write("hedge_beta.csv", ["years", "weight", "fast", "slow", "beta"], rows)

    rows = []
    for F, K, T, vol, r in [(17.5, 19, 0.08, 0.9, 0), (17.5, 19, 0.08, 0.9, 0.04),
                            (16, 16, 0.25, 0.8, 0.03), (30, 25, 0.1, 1.2, 0.05),
                            (18.1, 20, 34.395833333333336 / 365, 0.9, 0),
                            (15, 22, 0.5, 0.6, 0.02), (20, 19, 0.02, 1.5, 0)]:
        price, delta = black76_call(F, K, T, vol, r)
        rows.append([F, K, repr(float(T)), vol, r, s(price), s(delta)])
    write("hedge_black76.csv", ["forward", "strike", "years", "vol", "rate", "price", "delta"],
          rows)

    # ALVH_SCHEDULE on 2026-01-15 00:00 (serial 46037), VIX 16, notional 250000, condor vega
    # -1500, default policy (4/4/2 per 100000, windows from 8/30/60 days, distinct expiries,
    # otm 1/2/3, roll 5/14/30, vol of vol 0.9/0.8/0.7, strike grid 1, model curve L=20 k=4.3,
    # beta 0.65/24/1.35, cost "carry", rate 0). Layer 1: Jan 21 is 6.4 days away (< 8) so Feb 18;
    # layer 2: first from 30 days after Feb 18 -> Mar 18; layer 3: first from 60 days -> Apr 15.
    am = mp.mpf(570) / 1440
    val = mp.mpf(46037)
    expiries = [46071 + am, 46099 + am, 46127 + am]
    layers = [(10, 1, 5, 0.9), (10, 2, 14, 0.8), (5, 3, 30, 0.7)]  # contracts, otm, roll, vov
    cases = []

    def schedule(curve, contracts_override=None, notional=250000, cv=-1500, spot=16):
        out = []
        for i, (e, (c, otm, roll, vov)) in enumerate(zip(expiries, layers)):
            if contracts_override:
                c = contracts_override[i]
            days = e - val
            T = days / 365
            F = curve(T)
            K = mp.ceil(F + otm)  # grid step 1, below 50
            price, delta = black76_call(F, K, T, vov, 0)
            b = beta(T, 0.65, 24, 1.35)
            Troll = mp.mpf(roll) / 365
            resid, _ = black76_call(curve(Troll), K, Troll, vov, 0)
            hold = days - roll
            vega = c * 100 * delta * b
            cost = c * (price - resid) * 100 / hold * (mp.mpf(365) / 12) / notional
            out.append([i + 1, e, days, K, c, F, price, price * c * 100, delta, b, vega, cost,
                        vega / abs(mp.mpf(cv))])
        return out

    model = lambda T: vix_fut(T, 16, 20, 4.3)
    for r in schedule(model):
        cases.append(["model_rule"] + [s(x) for x in r])
    # Quoted curve (expiry dates at 09:30), with spot 16 added at tenor 0 by the engine.
    quotes = [(46043 + am, 16.9), (46071 + am, 18.1), (46099 + am, 18.9), (46127 + am, 19.5)]
    qt = [mp.mpf(0)] + [(e - val) / 365 for e, _ in quotes]
    qf = [mp.mpf(16)] + [mp.mpf(str(p)) for _, p in quotes]

    def quoted(T):
        if T >= qt[-1]:
            return qf[-1]
        for j in range(1, len(qt)):
            if T <= qt[j]:
                w = (T - qt[j - 1]) / (qt[j] - qt[j - 1])
                return qf[j - 1] + w * (qf[j] - qf[j - 1])

    for r in schedule(quoted):
        cases.append(["curve_rule"] + [s(x) for x in r])
    write("hedge_schedule.csv", ["case", "layer", "expiry", "days", "strike", "contracts",
                                 "future", "price", "debit", "delta", "beta", "vega",
                                 "monthly_cost", "coverage"], cases)


if __name__ == "__main__":
    main()
