#!/usr/bin/python3
"""The three-day backtest example of tests/test_backtest.c, worked independently with mpmath.

Run with the system python (it has python3-mpmath):
    /usr/bin/python3 tests/gen_backtest_data.py > tests/data/backtest_three_day.csv

This re-implements, from the rules written in core/include/alvh/backtest.h and
core/include/alvh/hedge.h (not from the C code), one condor opened on Monday 2024-01-08 and the
three VIX call layers bought the same day, then marked on Tuesday and Wednesday, with the
default policy (alvh/policy.h): capital 100,000; one 16-delta condor, 45 days, 50-point wings,
5-point grid (put strike down, call strike up); ATM vol = VIX/100, leg vol = atm (1 - 2 ln(K/S));
rate 0, no dividends; $1.50 per SPX option, $1 per VIX option; layers 4/4/2 per $100,000 of
short-strike notional (K1 + K2)/2 x 100, rounded to nearest; condor expiry 45 days on
(2024-02-22, a business day) at 16:00; VIX expiries (published Cboe
calendar for 2024) Jan 17, Feb 14, Mar 20 at 09:30; future F = 20 + (VIX - 20) e^{-4.3 T};
strike = F + 1/2/3 points rounded up to whole points; Black-76 at vol of vol 0.9/0.8/0.7.
Rows are closes at 16:00. Every number is carried at 40 digits and printed with 17.
"""
import mpmath as mp

mp.mp.dps = 40

SERIAL_2024_01_08 = 45299  # days since 1899-12-30
ROWS = [  # serial date, SPX, VIX
    (SERIAL_2024_01_08, mp.mpf("4700"), mp.mpf("14")),
    (SERIAL_2024_01_08 + 1, mp.mpf("4650"), mp.mpf("17.5")),
    (SERIAL_2024_01_08 + 2, mp.mpf("4725"), mp.mpf("15")),
]
CLOSE = mp.mpf(16) / 24
OPEN_0930 = mp.mpf("9.5") / 24
VIX_EXPIRIES = [45308 + OPEN_0930, 45336 + OPEN_0930, 45371 + OPEN_0930]  # Jan 17, Feb 14, Mar 20
LAYER_CONTRACTS = [4, 4, 2]
LAYER_OTM = [1, 2, 3]
LAYER_VOV = [mp.mpf("0.9"), mp.mpf("0.8"), mp.mpf("0.7")]
CAPITAL, M, VM = mp.mpf(100000), 100, 100
COST_SPX, COST_VIX = mp.mpf("1.5"), mp.mpf(1)


def ncdf(x):
    return mp.ncdf(x)


def ninv(p):
    return mp.sqrt(2) * mp.erfinv(2 * p - 1)


def bsm(kind, s, k, t, vol):  # rate 0, no dividends
    d1 = (mp.log(s / k) + vol * vol / 2 * t) / (vol * mp.sqrt(t))
    d2 = d1 - vol * mp.sqrt(t)
    if kind > 0:
        return s * ncdf(d1) - k * ncdf(d2)
    return k * ncdf(-d2) - s * ncdf(-d1)


def black76_call(f, k, t, vol):  # rate 0
    d1 = (mp.log(f / k) + vol * vol / 2 * t) / (vol * mp.sqrt(t))
    return f * ncdf(d1) - k * ncdf(d1 - vol * mp.sqrt(t))


def leg_vol(atm, k, s):
    return max(atm * (1 - 2 * mp.log(k / s)), atm / 4)


def condor_value(strikes, s, vix, t):
    atm = vix / 100
    kinds = [-1, -1, 1, 1]
    qty = [1, -1, -1, 1]
    return -sum(q * bsm(kd, s, k, t, leg_vol(atm, k, s)) for q, kd, k in zip(qty, kinds, strikes))


def future(vix, years):
    return 20 + (vix - 20) * mp.exp(-mp.mpf("4.3") * years)


def main():
    d0, s0, v0 = ROWS[0]
    t0 = d0 + CLOSE
    years = mp.mpf(45) / 365
    vol = v0 / 100
    z = ninv(mp.mpf("0.16"))
    drift = vol * vol / 2 * years
    put = s0 * mp.exp(z * vol * mp.sqrt(years) + drift)
    call = s0 * mp.exp(-z * vol * mp.sqrt(years) + drift)
    k1, k2 = mp.floor(put / 5) * 5, mp.ceil(call / 5) * 5
    strikes = [k1 - 50, k1, k2, k2 + 50]
    expiry = t0 + 45  # 2024-02-22, a Thursday: already a business day
    credit = condor_value(strikes, s0, v0, years)
    cash_u = CAPITAL + credit * M - 4 * COST_SPX
    notional = (k1 + k2) / 2 * M
    layers = []
    hedge_cash = mp.mpf(0)
    for i in range(3):
        c = mp.floor(notional / 100000 * LAYER_CONTRACTS[i] + mp.mpf("0.5"))
        ty = (VIX_EXPIRIES[i] - t0) / 365
        f = future(v0, ty)
        strike = mp.ceil(f + LAYER_OTM[i])
        price = black76_call(f, strike, ty, LAYER_VOV[i])
        hedge_cash -= price * VM * c + c * COST_VIX
        layers.append((c, strike))
    print("# row,spx,vix,equity_unhedged,equity_hedged,cash_unhedged,condor_mark,cash_hedged,"
          "hedge_mark,k0,k1,k2,k3,c1,k_l1,c2,k_l2,c3,k_l3")
    for r, (d, s, v) in enumerate(ROWS):
        t = d + CLOSE
        cm = -condor_value(strikes, s, v, (expiry - t) / 365) * M
        hm = mp.mpf(0)
        for i, (c, strike) in enumerate(layers):
            ty = (VIX_EXPIRIES[i] - t) / 365
            hm += black76_call(future(v, ty), strike, ty, LAYER_VOV[i]) * VM * c
        cash_h = cash_u + hedge_cash
        vals = [r + 1, s, v, cash_u + cm, cash_h + cm + hm, cash_u, cm, cash_h, hm] + strikes
        for c, strike in layers:
            vals += [c, strike]
        print(",".join(mp.nstr(x, 17, strip_zeros=False) if isinstance(x, mp.mpf) else str(x)
                       for x in vals))


if __name__ == "__main__":
    main()
