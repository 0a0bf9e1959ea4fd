#!/usr/bin/python3
"""Golden values for the SPX put spread (alvh/putspread.h), evaluated independently with mpmath
(50 digits) from the rules as docs/hedge.md states them, not from the C code.

Writes tests/data/putspread_golden.csv and tests/data/putspread_scenario.csv; --check compares
the committed files with what this script computes now (the CTest putspread_golden_is_current).

usage: /usr/bin/python3 tests/gen_putspread_golden.py [--check]

The rules, written out here:
  expiry       the first business day on or after the valuation's date + days, at 16:00. Business
               days are Monday-Friday except NYSE holidays; the cases below meet weekends,
               Washington's Birthday 2026 (February 16) and Good Friday 2026 (April 3), listed
               by hand with the other 2026 holidays they could reach.
  vol surface  atm = vol_beta x VIX / 100; vol(K) = atm x max(1 - skew ln(K / S), 0.25)
  strikes      the put with BSM delta -d at the at-the-money vol: -e^{-qT} N(-d1) = -d gives
               d1 = -N^-1(d e^{qT}) and K = S exp(N^-1(d e^{qT}) atm sqrt(T) + (r - q + atm^2/2) T),
               floored to the strike grid (the cases sit well away from grid boundaries); a short
               strike on or above the long one is one grid step below it.
  BSM put      P = K e^{-rT} N(-d2) - S e^{-qT} N(-d1), d1 = (ln(S/K) + (r - q + v^2/2) T) / (v sqrt T)
               greeks as the library states them (alvh/black.h): delta -e^{-qT} N(-d1), gamma
               e^{-qT} n(d1) / (S v sqrt T), vega S e^{-qT} n(d1) sqrt(T) x 0.01, theta
               -dP/dT / 365, rho -K T e^{-rT} N(-d2) x 0.01, vanna -e^{-qT} n(d1) d2 / v x 0.01,
               volga vega d1 d2 / v x 0.0001 (per unit-vol vega); each is cross-checked below
               against mpmath's numerical derivative of the price.
  spread       the long put minus the short put, every value.
  monthly cost one put's (price - value at the roll date) x 100 / (days held) x 365/12, the value
               at the roll date being the same put with roll_days/365 years left at the same spot
               and vol ("carry"), or 0 ("debit"); days held = expiry - valuation - roll_days.
  contracts    budget / (the long put's cost - the short put's), to the nearest whole number
               (halves away from zero), at least 0; a budget at or below zero buys none.
  scenario     (alvh/scenario.h rules 1 and 4) one spread of a case after a shock (spx_move m,
               vix_move dv, days t): spot' = S (1 + m); each leg's vol' = vol + vol_beta/100 x
               ((VIX + dv) f(K, S') - VIX f(K, S)), f(K, S) = max(1 - skew ln(K/S), 0.25); T' =
               T - t/365; P&L = 100 x (spread value after - spread value before), dollars.
"""
import datetime
import os
import sys

import mpmath as mp

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data", "putspread_golden.csv")
OUT_SCENARIO = os.path.join(HERE, "data", "putspread_scenario.csv")
EPOCH = datetime.date(1899, 12, 30)
# NYSE holidays of 2026 the cases can meet, by hand: Washington's Birthday (third Monday of
# February), Good Friday, Memorial Day (last Monday of May), Juneteenth.
HOLIDAYS = {datetime.date(2026, 2, 16), datetime.date(2026, 4, 3), datetime.date(2026, 5, 25),
            datetime.date(2026, 6, 19)}

# case, valuation serial, spot, vix, rate, div_yield, long_delta, short_delta, days, roll_days,
# vol_beta, skew, strike_step, cost_method, budget (dollars per month)
CASES = [
    ("default_2026_01_15", 46037, 5000, 16, 0.045, 0.013, 0.25, 0.10, 60, 21, 1, 2, 5, "carry",
     47662.6),
    ("lands_on_saturday", 46037, 5000, 16, 0.045, 0.013, 0.25, 0.10, 58, 21, 1, 2, 5, "carry",
     20000),
    ("lands_on_good_friday", 46055, 6000, 18, 0.04, 0.012, 0.25, 0.10, 60, 21, 1, 2, 5, "carry",
     15000),
    ("high_vix_steep_skew_debit", 46037, 4200, 30, 0.0, 0.0, 0.30, 0.15, 45, 14, 1.2, 4, 25,
     "debit", 10000),
    ("after_the_close", 46037.7, 5000, 16, 0.045, 0.013, 0.25, 0.10, 60, 21, 1, 2, 5, "carry",
     9000),
    ("crash_vix_80", 46100, 2500, 80, 0.01, 0.02, 0.20, 0.05, 90, 30, 1, 2, 5, "carry", 4000),
    ("short_meets_long_on_grid", 46037, 5000, 16, 0.045, 0.013, 0.12, 0.11, 60, 21, 1, 2, 50,
     "carry", 3000),
    ("roll_at_expiry_after_a_holiday", 46037, 5000, 16, 0.045, 0.013, 0.25, 0.10, 30, 0, 1, 2, 5, "carry", 12345),
    ("no_budget", 46037, 5000, 16, 0.045, 0.013, 0.25, 0.10, 60, 21, 1, 2, 5, "carry", -500),
]

# case (of CASES), spx_move, vix_move, days
SHOCKS = [
    ("default_2026_01_15", 0.01, -1.5, 1),
    ("default_2026_01_15", -0.03, 8, 1),
    ("default_2026_01_15", -0.06, 20, 1),
    ("default_2026_01_15", -0.10, 40, 1),
    ("default_2026_01_15", 0, 0, 0),
    ("default_2026_01_15", 0, 0, 7),
    ("high_vix_steep_skew_debit", -0.05, 15, 2),
    ("crash_vix_80", 0.04, -20, 1),
]
SCENARIO_HEADER = "case,spx_move,vix_move,days,pnl_per_spread"

LEG_VALUES = ("price", "delta", "gamma", "vega", "theta", "rho", "vanna", "volga")
HEADER = ("case,valuation,spot,vix,rate,div_yield,long_delta,short_delta,days,roll_days,vol_beta,"
          "skew,strike_step,cost_method,budget,expiry,years,strike_long,strike_short,vol_long,"
          "vol_short," + ",".join(f"{w}_{v}" for w in ("long", "short", "spread")
                                  for v in LEG_VALUES)
          + ",cost_long,cost_short,unit_cost,contracts")


def expiry_of(valuation, days):
    d = EPOCH + datetime.timedelta(days=int(mp.floor(valuation)) + days)
    while d.weekday() >= 5 or d in HOLIDAYS:
        d += datetime.timedelta(days=1)
    return mp.mpf((d - EPOCH).days) + mp.mpf(960) / 1440


def put_price(S, K, T, v, r, q):
    if T <= 0:
        return max(K - S, 0)
    s = v * mp.sqrt(T)
    d1 = (mp.log(S / K) + (r - q + v * v / 2) * T) / s
    d2 = d1 - s
    return K * mp.e ** (-r * T) * mp.ncdf(-d2) - S * mp.e ** (-q * T) * mp.ncdf(-d1)


def put_greeks(S, K, T, v, r, q):
    s = v * mp.sqrt(T)
    d1 = (mp.log(S / K) + (r - q + v * v / 2) * T) / s
    d2 = d1 - s
    dq, df, pdf = mp.e ** (-q * T), mp.e ** (-r * T), mp.npdf(d1)
    price = K * df * mp.ncdf(-d2) - S * dq * mp.ncdf(-d1)
    vega = S * dq * pdf * mp.sqrt(T)
    dpdt = -S * dq * pdf * v / (2 * mp.sqrt(T)) + r * K * df * mp.ncdf(-d2) - q * S * dq * mp.ncdf(-d1)
    return [price, -dq * mp.ncdf(-d1), dq * pdf / (S * s), vega / 100, dpdt / 365,
            -K * T * df * mp.ncdf(-d2) / 100, -dq * pdf * d2 / v / 100,
            vega * d1 * d2 / v / 10000]


def cross_check(S, K, T, v, r, q, g):
    """Every closed-form greek against mpmath's numerical derivative of the price."""
    f = put_price
    num = [f(S, K, T, v, r, q),
           mp.diff(lambda x: f(x, K, T, v, r, q), S),
           mp.diff(lambda x: f(x, K, T, v, r, q), S, 2),
           mp.diff(lambda x: f(S, K, T, x, r, q), v) / 100,
           -mp.diff(lambda x: f(S, K, x, v, r, q), T) / 365,
           mp.diff(lambda x: f(S, K, T, v, x, q), r) / 100,
           mp.diff(lambda x: mp.diff(lambda y: f(y, K, T, x, r, q), S), v) / 100,
           mp.diff(lambda x: f(S, K, T, x, r, q), v, 2) / 10000]
    for a, b in zip(g, num):
        assert abs(a - b) <= mp.mpf("1e-25") * max(1, abs(b)), (a, b)


def strike_at(delta, S, T, atm, r, q, step):
    k = S * mp.e ** (mp.sqrt(2) * mp.erfinv(2 * delta * mp.e ** (q * T) - 1) * atm * mp.sqrt(T)
                     + (r - q + atm * atm / 2) * T)
    n = mp.floor(k / step)
    assert k / step - n > mp.mpf("1e-6") and n + 1 - k / step > mp.mpf("1e-6"), "near the grid"
    return n * step


def fmt(x):
    return mp.nstr(mp.mpf(x), 20, min_fixed=-30, max_fixed=30)


def smile(K, S, skew):
    return max(1 - mp.mpf(skew) * mp.log(K / S), mp.mpf("0.25"))


def scenario_row(shock, rows):
    name, m, dv, t = shock
    c = next(c for c in CASES if c[0] == name)
    r = rows[name]
    S, vix, rate, q, vb, skew = (mp.mpf(x) for x in (c[2], c[3], c[4], c[5], c[10], c[11]))
    S2 = S * (1 + mp.mpf(m))
    T, T2 = r["years"], r["years"] - mp.mpf(t) / 365
    value = [mp.mpf(0), mp.mpf(0)]
    for sign, K, v in ((1, r["k_long"], r["vols"][0]), (-1, r["k_short"], r["vols"][1])):
        v2 = v + vb / 100 * ((vix + mp.mpf(dv)) * smile(K, S2, skew) - vix * smile(K, S, skew))
        value[0] += sign * put_price(S, K, T, v, rate, q)
        value[1] += sign * put_price(S2, K, T2, v2, rate, q)
    return ",".join([name] + [fmt(x) for x in (m, dv, t, 100 * (value[1] - value[0]))])


def case_row(c, keep):
    (name, val, S, vix, r, q, ld, sd, days, roll, vb, skew, step, method, budget) = c
    val, S, vix, r, q = (mp.mpf(x) for x in (val, S, vix, r, q))
    expiry = expiry_of(val, days)
    T = (expiry - val) / 365
    atm = mp.mpf(vb) * vix / 100
    k_long = strike_at(mp.mpf(ld), S, T, atm, r, q, step)
    k_short = strike_at(mp.mpf(sd), S, T, atm, r, q, step)
    if k_short >= k_long:
        k_short = k_long - step
    vols, legs, costs = [], [], []
    hold = expiry - val - roll
    for K in (k_long, k_short):
        v = atm * smile(K, S, skew)
        g = put_greeks(S, K, T, v, r, q)
        cross_check(S, K, T, v, r, q, g)
        residual = put_price(S, K, mp.mpf(roll) / 365, v, r, q) if method == "carry" else 0
        vols.append(v)
        legs.append(g)
        costs.append((g[0] - residual) * 100 / hold * 365 / 12)
    spread = [a - b for a, b in zip(legs[0], legs[1])]
    unit = costs[0] - costs[1]
    x = mp.mpf(budget) / unit if budget > 0 else mp.mpf(0)
    contracts = max(mp.floor(x + mp.mpf("0.5")), 0)
    assert abs(x - mp.floor(x) - mp.mpf("0.5")) > mp.mpf("1e-6"), "a tie: pick another budget"
    keep[name] = {"years": T, "k_long": k_long, "k_short": k_short, "vols": vols}
    values = ([name, c[1], c[2], c[3], c[4], c[5], ld, sd, days, roll, vb, skew, step, method,
               budget, expiry, T, k_long, k_short] + vols + legs[0] + legs[1] + spread
              + costs + [unit, contracts])
    return ",".join(v if isinstance(v, str) else fmt(v) for v in values)


def main():
    keep = {}
    text = HEADER + "\n" + "\n".join(case_row(c, keep) for c in CASES) + "\n"
    scen = (SCENARIO_HEADER + "\n" + "\n".join(scenario_row(s, keep) for s in SHOCKS) + "\n")
    files = ((OUT, text), (OUT_SCENARIO, scen))
    if "--check" in sys.argv:
        stale = []
        for path, want in files:
            with open(path, encoding="utf-8") as f:
                if f.read() != want:
                    stale.append(path)
        print(f"putspread golden data is current{': stale ' + ', '.join(stale) if stale else ''}: "
              f"{0 if stale else 1} passed, {1 if stale else 0} failed")
        return 1 if stale else 0
    for path, want in files:
        with open(path, "w", encoding="utf-8") as f:
            f.write(want)
    print(f"wrote {OUT} ({len(CASES)} cases) and {OUT_SCENARIO} ({len(SHOCKS)} shocks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
