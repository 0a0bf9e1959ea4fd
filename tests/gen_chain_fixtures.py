#!/usr/bin/python3
"""Option-chain fixtures in CBOE's delayed quotes layout (quotedata.csv) and the values the
chain engine must find in them, computed independently with mpmath (40 digits).

    /usr/bin/python3 tests/gen_chain_fixtures.py            write tests/data/chain_*.csv
    /usr/bin/python3 tests/gen_chain_fixtures.py --check    exit 1 if any file differs

How the fixtures are made: per expiry and root a true forward F = S e^{(r-q)T} and discount
D = e^{-rT} (T: ACT/365 from the quote time to the settlement, 09:30 for SPX and VIX, 16:00
for SPXW), a quadratic smile vol(x) = a + b x + c x^2 in x = ln(K/F), and Black-76 prices
D Black(F, K, T, vol) from which the quotes are made: half-spread 0.05 + 1% of the price
(capped), bid rounded down and ask up to the tick (0.05 below 3.00, 0.10 above; VIX options
0.01 below 3.00 and 0.05 above), bid 0 when nothing is left. Quirks written on purpose: an
empty first line (or not), the quote time quoted or unquoted, EDT and EST, SPX and SPXW rows on
the monthly dates, an expiry already settled, 0 for every missing value, a crossed quote, stale
quotes (a pair priced from another forward), a strike with no quote at all, VIX options on
the VIX future of each expiry, and a VIXW weekly.

The IV, Delta and Gamma columns follow CBOE's convention as far as a public sample shows it
(docs/chains.md): Black-Scholes on the underlying's Last with a rate and a dividend yield (here
the true ones), the mid price, and whole calendar days from the quote date to the expiration
date over 365; 0 where no vol exists.

Expected values (what tests/test_chain.c and tests/cli_chain.py compare with) are computed here
from the written quotes by the methods docs/chains.md states, written out from the method, not
from the C code: the parity fit (reference forward, window, Sievers-Theil-Sen line, outlier
rule, weighted least squares), Black-76 implied vols by root finding, the condor pick rules,
and the quote-priced layer schedule (docs/hedge.md's formulas). The true forward and discount
are written beside the fitted ones.
"""
import os
import sys
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import mpmath as mp

mp.mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
AM, PM = mp.mpf(570) / 1440, mp.mpf(960) / 1440
AM_ROOTS = {"SPX", "VIX", "VIXW", "NDX", "RUT"}
HALF_SPREAD_FLOOR = mp.mpf("0.005")
MAD_TO_SD = mp.mpf("1.482602218505602")


# ---- dates --------------------------------------------------------------------------------

def serial(y, m, d):
    """Days since 1899-12-30 (proleptic Gregorian), via the civil-from-days algorithm."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468 + 25569


def weekday(s):
    return (s + 6) % 7  # serial 0 is a Saturday; 0 = Sunday


def iso(s):
    # inverse of serial() by search around an estimate (small range of dates here)
    y = 1900 + int((s - 2) / 365.2425)
    for yy in (y - 1, y, y + 1):
        for m in range(1, 13):
            for d in range(1, 32):
                try:
                    if serial(yy, m, d) == s:
                        return "%04d-%02d-%02d" % (yy, m, d)
                except ValueError:
                    pass
    raise ValueError(s)


# ---- Black-76 ----------------------------------------------------------------------------

def b76(kind, F, K, T, v, D):
    s = v * mp.sqrt(T)
    d1 = (mp.log(F / K) + s * s / 2) / s
    return D * kind * (F * mp.ncdf(kind * d1) - K * mp.ncdf(kind * (d1 - s)))


def b76_greeks(kind, F, K, T, v, D):
    s = v * mp.sqrt(T)
    d1 = (mp.log(F / K) + s * s / 2) / s
    phi = mp.npdf(d1)
    price = b76(kind, F, K, T, v, D)
    rate = -mp.log(D) / T
    return {
        "price": price,
        "delta": D * mp.ncdf(d1) if kind == 1 else -D * mp.ncdf(-d1),
        "gamma": D * phi / (F * s),
        "vega": D * F * phi * mp.sqrt(T) / 100,
        "theta": (rate * price - D * F * phi * v / (2 * mp.sqrt(T))) / 365,
    }


def implied_vol(kind, price, F, K, T, D):
    """(status, vol) with the statuses of alvh_black76_implied_vol."""
    intrinsic = D * max(kind * (F - K), 0)
    upper = D * (F if kind == 1 else K)
    if price < intrinsic:
        return "BELOW_INTRINSIC", 0
    if price >= upper:
        return "ABOVE_MAXIMUM", 0
    if price == intrinsic:
        return "NO_TIME_VALUE", 0
    # Newton on the price with the analytic vega, kept inside a bisection bracket [lo, hi].
    lo, hi, v = mp.mpf("1e-6"), mp.mpf(20), mp.mpf("0.5")
    for _ in range(200):
        s = v * mp.sqrt(T)
        d1 = (mp.log(F / K) + s * s / 2) / s
        f = D * kind * (F * mp.ncdf(kind * d1) - K * mp.ncdf(kind * (d1 - s))) - price
        if f > 0:
            hi = v
        else:
            lo = v
        vega = D * F * mp.npdf(d1) * mp.sqrt(T)
        step = f / vega if vega > 0 else mp.inf
        nv = v - step
        if not (lo < nv < hi):
            nv = (lo + hi) / 2
        if abs(nv - v) <= mp.mpf(10) ** (-mp.mp.dps + 3) * v:
            return "OK", nv
        v = nv
    raise ArithmeticError("implied vol did not converge")


def bsm_iv_cboe(kind, price, S, K, days, r, q):
    """CBOE's IV column: BSM on the Last, r and q, whole days / 365 (0 when none)."""
    if days <= 0 or price <= 0:
        return 0, 0, 0
    T = mp.mpf(days) / 365
    F, D = S * mp.e ** ((r - q) * T), mp.e ** (-r * T)
    st, v = implied_vol(kind, price, F, K, T, D)
    if st != "OK":
        return 0, 0, 0
    g = b76_greeks(kind, F, K, T, v, D)
    dF = F / S  # dF/dS: spot delta and gamma
    return v, g["delta"] * dF, g["gamma"] * dF * dF


# ---- quotes ------------------------------------------------------------------------------

def dec(x, places=12):
    return Decimal(mp.nstr(x, 30, min_fixed=-40, max_fixed=40)).quantize(Decimal(10) ** -places)


def make_quote(price, ticks):
    """(bid, ask) as Decimals from a model price: half-spread 0.05 + 1% (cap 3), ticks."""
    small, large = ticks
    p = dec(price)
    h = min(Decimal("0.05") + p / 100, Decimal(3))
    tick = small if p < 3 else large
    bid = ((p - h) / tick).to_integral_value(ROUND_FLOOR) * tick
    ask = ((p + h) / tick).to_integral_value(ROUND_CEILING) * tick
    if bid <= 0:
        bid = Decimal(0)
    if ask < tick:
        ask = tick
    return bid, ask


def num(x):
    """A number as CBOE writes it: trailing zeros dropped, 0 as 0."""
    if isinstance(x, Decimal):
        s = format(x.normalize(), "f")
    else:
        s = mp.nstr(x, 6, min_fixed=-10, max_fixed=10)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def fmt(x):
    return mp.nstr(mp.mpf(x), 17, min_fixed=-30, max_fixed=30)


# ---- fixture definitions -----------------------------------------------------------------

class Group:
    def __init__(self, root, ymd, strikes, smile, special=None):
        self.root, self.expiry = root, serial(*ymd)
        self.strikes = [Decimal(k) for k in strikes]
        self.smile = smile
        self.special = dict(special or {})


def srange(lo, hi, step):
    out, k = [], Decimal(lo)
    while k <= Decimal(hi):
        out.append(str(k))
        k += Decimal(step)
    return out


SPX_SEP = {
    "name": "chain_spx_20230914.csv", "underlying": "S&P 500 INDEX", "spot": "4505.42",
    "change": "38.98", "quote": (2023, 9, 14, 16, 31), "zone": "EDT", "quoted": True,
    "blank_first": True, "r": "0.053", "q": "0.015", "ticks": (Decimal("0.05"), Decimal("0.1")),
    "groups": [
        Group("SPXW", (2023, 9, 14), srange(4480, 4530, 10), (0.10, -1.0, 6.0)),
        Group("SPX", (2023, 9, 15), srange(4350, 4650, 10), (0.105, -1.2, 8.0)),
        Group("SPXW", (2023, 9, 15), srange(4350, 4650, 10), (0.10, -1.2, 8.0)),
        Group("SPX", (2023, 10, 20), srange(3800, 5200, 25), (0.135, -0.55, 1.8),
              {"4550": ("stale_put", 10)}),
        Group("SPXW", (2023, 10, 20), srange(3800, 5200, 25), (0.134, -0.55, 1.8),
              {"4400": ("crossed_put", None), "4475": ("stale_call", -12),
               "5200": ("no_call", None)}),
        Group("SPX", (2023, 11, 17), srange(3800, 5200, 25), (0.145, -0.45, 1.2)),
    ],
}

SPX_JAN = {
    "name": "chain_spx_20240112.csv", "underlying": "S&P 500 INDEX", "spot": "4780.94",
    "change": "-2.89", "quote": (2024, 1, 12, 10, 15), "zone": "EST", "quoted": False,
    "blank_first": False, "r": "0.0535", "q": "0.0145",
    "ticks": (Decimal("0.05"), Decimal("0.1")),
    "groups": [
        Group("SPX", (2024, 1, 19), srange(4600, 4950, 10), (0.115, -0.9, 5.0)),
        Group("SPXW", (2024, 1, 19), srange(4600, 4950, 10), (0.113, -0.9, 5.0)),
        Group("SPX", (2024, 2, 16), srange(4200, 5300, 25), (0.13, -0.5, 1.5)),
    ],
}

VIX_STRIKES = srange(10, 30, 1) + ["32.5", "35", "37.5", "40", "45", "50"]
VIX_SEP = {
    "name": "chain_vix_20230914.csv", "underlying": "CBOE VOLATILITY INDEX", "spot": "13.48",
    "change": "-0.06", "quote": (2023, 9, 14, 16, 16), "zone": "EDT", "quoted": True,
    "blank_first": True, "r": "0.053", "q": None, "ticks": (Decimal("0.01"), Decimal("0.05")),
    "groups": [
        Group("VIX", (2023, 9, 20), VIX_STRIKES, (1.05, 0.55, 0.4), {"future": "13.95"}),
        Group("VIXW", (2023, 9, 27), VIX_STRIKES, (0.98, 0.55, 0.4), {"future": "14.6"}),
        Group("VIX", (2023, 10, 18), VIX_STRIKES, (0.92, 0.55, 0.4), {"future": "15.45"}),
        Group("VIX", (2023, 11, 15), VIX_STRIKES, (0.85, 0.5, 0.35), {"future": "16.55"}),
        Group("VIX", (2023, 12, 20), VIX_STRIKES, (0.80, 0.45, 0.3), {"future": "17.25"}),
        Group("VIX", (2024, 1, 17), VIX_STRIKES, (0.76, 0.4, 0.3), {"future": "17.85"}),
    ],
}

FIXTURES = [SPX_SEP, SPX_JAN, VIX_SEP]

HEADER = ("Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,"
          "Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest")


def quote_serial(fx):
    y, m, d, h, mi = fx["quote"]
    return serial(y, m, d) + mp.mpf(h * 60 + mi) / 1440


def settlement(g):
    return g.expiry + (AM if g.root in AM_ROOTS else PM)


def group_truth(fx, g):
    """(T, F, D) of a group; T <= 0 for a settled one."""
    Q = quote_serial(fx)
    T = (settlement(g) - Q) / 365
    S, r = mp.mpf(fx["spot"]), mp.mpf(fx["r"])
    if T <= 0:
        return T, S, mp.mpf(1)
    fut = g.special.get("future")
    F = mp.mpf(fut) if fut else S * mp.e ** ((r - mp.mpf(fx["q"])) * T)
    return T, F, mp.e ** (-r * T)


def smile_vol(g, F, K):
    a, b, c = (mp.mpf(v) for v in g.smile)
    x = mp.log(K / F)
    return max(a + b * x + c * x * x, a * mp.mpf("0.4"))


def side_quotes(fx, g, K):
    """{'C': (bid, ask), 'P': (bid, ask)} for strike K (a Decimal)."""
    T, F, D = group_truth(fx, g)
    k = mp.mpf(str(K))
    spec = g.special.get(format(K.normalize(), "f"))
    out = {}
    for side, kind in (("C", 1), ("P", -1)):
        if T <= 0:
            intrinsic = max(kind * (F - k), 0)
            out[side] = make_quote(intrinsic, fx["ticks"]) if intrinsic > 0 else (Decimal(0),) * 2
            continue
        f = F
        if spec and spec[0] == "stale_call" and side == "C":
            f = F + spec[1]
        if spec and spec[0] == "stale_put" and side == "P":
            f = F + spec[1]
        price = b76(kind, f, k, T, smile_vol(g, F, k), D)
        bid, ask = make_quote(price, fx["ticks"])
        if price < mp.mpf("0.005"):
            bid = Decimal(0)
        out[side] = (bid, ask)
    if spec and spec[0] == "crossed_put":
        b, a = out["P"]
        out["P"] = (a + fx["ticks"][1], b)  # ask below bid
    if spec and spec[0] == "no_call":
        out["C"] = (Decimal(0), Decimal(0))
    return out


def cboe_columns(fx, g, K, bid, ask, kind):
    """(iv, delta, gamma) as CBOE's columns show them (module docstring); 0 when none."""
    y, m, d = fx["quote"][:3]
    days = g.expiry - serial(y, m, d)
    if not (bid > 0 and ask >= bid) or days <= 0:
        return 0, 0, 0
    mid = (mp.mpf(str(bid)) + mp.mpf(str(ask))) / 2
    S, r = mp.mpf(fx["spot"]), mp.mpf(fx["r"])
    k = mp.mpf(str(K))
    if fx["q"] is None:  # VIX: Black-76 on the expiry's future
        _, F, _ = group_truth(fx, g)
        T = mp.mpf(days) / 365
        st, v = implied_vol(kind, mid, F, k, T, mp.e ** (-r * T))
        if st != "OK":
            return 0, 0, 0
        gk = b76_greeks(kind, F, k, T, v, mp.e ** (-r * T))
        return v, gk["delta"], gk["gamma"]
    return bsm_iv_cboe(kind, mid, S, k, days, r, mp.mpf(fx["q"]))


def symbol(root, expiry, side, K):
    iso_date = iso(expiry)
    return "%s%s%s%s%08d" % (root, iso_date[2:4], iso_date[5:7] + iso_date[8:10], side,
                             int(K * 1000))


def side_fields(fx, g, K, side, bid, ask):
    kind = 1 if side == "C" else -1
    iv, delta, gamma = cboe_columns(fx, g, K, bid, ask, kind)
    two_sided = bid > 0 and ask >= bid
    tick = fx["ticks"][0] if ask < 3 else fx["ticks"][1]
    last = ((bid + ask) / 2 / tick).to_integral_value() * tick if two_sided else Decimal(0)
    volume = int(K * 7) % 97 if two_sided else 0
    oi = int(K * 13) % 997
    return [symbol(g.root, g.expiry, side, K), num(last), "0", num(bid), num(ask), str(volume),
            num(mp.mpf(mp.nstr(iv, 4, min_fixed=-10, max_fixed=10)) if iv else 0),
            num(mp.mpf(mp.nstr(delta, 4, min_fixed=-10, max_fixed=10)) if iv else 0),
            num(mp.mpf(mp.nstr(gamma, 4, min_fixed=-10, max_fixed=10)) if iv else 0), str(oi)]


def expiration_text(s):
    y, m, d = (int(x) for x in iso(s).split("-"))
    return "%s %s %02d %d" % (WDAY[weekday(s)], MONTHS[m - 1][:3], d, y)


def fixture_rows(fx):
    """[(group, K, {'C': (bid, ask), 'P': ...}, fields)] in CBOE's order: expiry, strike, root."""
    rows = []
    for g in fx["groups"]:
        for K in g.strikes:
            q = side_quotes(fx, g, K)
            fields = ([expiration_text(g.expiry)] + side_fields(fx, g, K, "C", *q["C"]) +
                      ["%.2f" % K] + side_fields(fx, g, K, "P", *q["P"]))
            rows.append((g, K, q, fields))
    rows.sort(key=lambda r: (r[0].expiry, r[1], r[0].root))
    return rows


def fixture_text(fx, rows):
    y, m, d, h, mi = fx["quote"]
    spot = Decimal(fx["spot"])
    hour12 = h % 12 or 12
    date = "Date: %s %d, %d at %d:%02d %s %s" % (MONTHS[m - 1], d, y, hour12, mi,
                                                 "PM" if h >= 12 else "AM", fx["zone"])
    if fx["quoted"]:
        date = '"%s"' % date
    lines = [""] if fx["blank_first"] else []
    lines.append("%s,Last: %s,Change:  %s" % (fx["underlying"], fx["spot"], fx["change"]))
    lines.append("%s,Bid: %s,Ask: %s,Size: 1*1,Volume: 0" % (date, num(spot - Decimal("0.5")),
                                                             num(spot + Decimal("0.5"))))
    lines.append(HEADER)
    lines += [",".join(r[3]) for r in rows]
    eol = "\n" if fx["quoted"] else "\r\n"
    return eol.join(lines) + eol


# ---- the engine's methods, written from docs/chains.md --------------------------------------

def two_sided(bid, ask):
    return bid > 0 and ask > 0 and ask >= bid


def median(v):
    v = sorted(v)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def parity_fit(strikes, quotes):
    """docs/chains.md, "The forward and the discount": dict of the fit, or a status string."""
    pairs = []
    for K, q in zip(strikes, quotes):
        (cb, ca), (pb, pa) = q["C"], q["P"]
        if not (two_sided(cb, ca) and two_sided(pb, pa)):
            continue
        cb, ca, pb, pa = (mp.mpf(str(x)) for x in (cb, ca, pb, pa))
        pairs.append({"k": mp.mpf(str(K)), "y": (cb + ca) / 2 - (pb + pa) / 2,
                      "sc": max((ca - cb) / 2, HALF_SPREAD_FLOOR),
                      "sp": max((pa - pb) / 2, HALF_SPREAD_FLOOR)})
    if len(pairs) < 2:
        return "CHAIN_PAIRS"
    best = min(range(len(pairs)), key=lambda i: (abs(pairs[i]["y"]), i))
    ref = pairs[best]["k"] + pairs[best]["y"]
    for p in pairs:
        p["dist"] = abs(p["k"] - ref)
    pairs.sort(key=lambda p: (p["dist"], p["k"]))
    w = sum(1 for p in pairs if p["dist"] <= mp.mpf("0.1") * abs(ref))
    if w < 5:
        w = min(len(pairs), 5)
    w = min(w, 400)
    p = sorted(pairs[:w], key=lambda p: p["k"])
    n = len(p)
    if n == 2:
        b = (p[1]["y"] - p[0]["y"]) / (p[1]["k"] - p[0]["k"])
        a = p[0]["y"] - b * p[0]["k"]
        used = 2
    else:
        slopes = sorted(((p[j]["y"] - p[i]["y"]) / (p[j]["k"] - p[i]["k"]), p[j]["k"] - p[i]["k"])
                        for i in range(n) for j in range(i + 1, n))
        total, cum = sum(s[1] for s in slopes), 0
        for k, (s, wt) in enumerate(slopes):
            cum += wt
            if cum >= total / 2:
                b = (s + slopes[k + 1][0]) / 2 if cum == total / 2 and k + 1 < len(slopes) else s
                break
        a = median([q["y"] - b * q["k"] for q in p])
        mad = median([abs(q["y"] - (a + b * q["k"])) for q in p])
        keep = []
        for q in p:
            r = abs(q["y"] - (a + b * q["k"]))
            limit = max(q["sc"] + q["sp"], 3 * MAD_TO_SD * mad)
            assert abs(r - limit) > mp.mpf("1e-9") * limit, "a residual sits on its limit"
            keep.append(r <= limit)
        kept = [q for q, k in zip(p, keep) if k]
        wts = [1 / (q["sc"] ** 2 + q["sp"] ** 2) for q in kept]
        sw = sum(wts)
        kbar = sum(w_ * q["k"] for w_, q in zip(wts, kept)) / sw
        ybar = sum(w_ * q["y"] for w_, q in zip(wts, kept)) / sw
        sxy = sum(w_ * (q["k"] - kbar) * (q["y"] - ybar) for w_, q in zip(wts, kept))
        sxx = sum(w_ * (q["k"] - kbar) ** 2 for w_, q in zip(wts, kept))
        b = sxy / sxx
        a = ybar - b * kbar
        used = len(kept)
    D = -b
    F = a / D
    if not (0 < D < 2 and F > 0):
        return "CHAIN_PARITY"
    return {"forward": F, "discount": D, "reference": ref, "pairs": n, "used": used,
            "outliers": n - used}


def option_ivs(kind, bid, ask, F, K, D, T):
    """alvh_option_ivs: statuses and vols of the bid, the mid and the ask."""
    k = mp.mpf(str(K))
    out = {"kind": kind, "bid": bid, "ask": ask, "mid": 0}
    if bid > 0 and ask > 0:
        if ask >= bid:
            out["mid"] = (mp.mpf(str(bid)) + mp.mpf(str(ask))) / 2
            out["status"], out["iv"] = implied_vol(kind, out["mid"], F, k, T, D)
        else:
            out["status"], out["iv"] = "CROSSED_QUOTE", 0
    else:
        out["status"], out["iv"] = "NO_QUOTE", 0
    for name, x in (("bid", bid), ("ask", ask)):
        if x > 0:
            out["status_" + name], out["iv_" + name] = implied_vol(kind, mp.mpf(str(x)), F, k, T,
                                                                   D)
        else:
            out["status_" + name], out["iv_" + name] = "NO_QUOTE", 0
    out["delta"] = (b76_greeks(kind, F, k, T, out["iv"], D)["delta"]
                    if out["status"] == "OK" else 0)
    return out


def smile(strikes, quotes, F, D, T):
    pts = []
    for K, q in zip(strikes, quotes):
        side = "P" if mp.mpf(str(K)) < F else "C"
        pt = option_ivs(-1 if side == "P" else 1, *q[side], F, K, D, T)
        pt["strike"], pt["side"] = K, side
        pts.append(pt)
    return pts


def atm_vol(pts, F):
    for a, b in zip(pts, pts[1:]):
        ka, kb = mp.mpf(str(a["strike"])), mp.mpf(str(b["strike"]))
        if ka <= F < kb and a["status"] == "OK" and b["status"] == "OK":
            return a["iv"] + (F - ka) / (kb - ka) * (b["iv"] - a["iv"])
    ok = [p for p in pts if p["status"] == "OK"]
    if not ok:
        return None
    return min(ok, key=lambda p: abs(mp.mpf(str(p["strike"])) - F))["iv"]


def analyse(fx):
    """Each group in the engine's order (expiry, root bytes): truth, fit, smile."""
    rows = fixture_rows(fx)
    S = mp.mpf(fx["spot"])
    out = []
    for g in sorted(fx["groups"], key=lambda g: (g.expiry, g.root)):
        mine = sorted((r for r in rows if r[0] is g), key=lambda r: r[1])
        strikes, quotes = [r[1] for r in mine], [r[2] for r in mine]
        T, Ft, Dt = group_truth(fx, g)
        a = {"group": g, "years": T, "true_forward": Ft, "true_discount": Dt,
             "strikes": strikes, "quotes": quotes, "rows": mine}
        if T <= 0:
            a["status"] = "SETTLED"
        else:
            fit = parity_fit(strikes, quotes)
            if isinstance(fit, str):
                a["status"] = fit
            else:
                a.update(fit)
                a["status"] = "OK"
                a["rate"] = -mp.log(fit["discount"]) / T
                a["div_yield"] = a["rate"] - mp.log(fit["forward"] / S) / T
                a["smile"] = smile(strikes, quotes, fit["forward"], fit["discount"], T)
                a["atm_iv"] = atm_vol(a["smile"], fit["forward"])
        out.append(a)
    return rows, out


def nearest(groups, days, root):
    best, best_d = None, None
    for a in groups:
        if a["years"] <= 0 or (root and a["group"].root != root):
            continue
        d = abs(a["years"] * 365 - days)
        if best is None or d < best_d:
            best, best_d = a, d
    return best


def condor(a, short_delta, wing):
    """alvh_chain_condor_pick on group a (docs/chains.md, "A condor from the quotes")."""
    pts, F, D, T = a["smile"], a["forward"], a["discount"], a["years"]
    n = len(pts)
    sd = mp.mpf(short_delta)

    def pick_short(side):
        best, best_d = None, None
        for i, p in enumerate(pts):
            if p["status"] != "OK" or p["side"] != side:
                continue
            d = abs(abs(p["delta"]) - sd)
            if best is None or (d < best_d if side == "P" else d <= best_d):
                best, best_d = i, d
        return best

    def pick_long(k, side, target):
        best, best_d = None, None
        for i, p in enumerate(pts):
            if p["status"] != "OK" or (i >= k if side == "P" else i <= k):
                continue
            d = abs(mp.mpf(str(p["strike"])) - target)
            if best is None or (d < best_d if side == "P" else d <= best_d):
                best, best_d = i, d
        return best

    sp, sc = pick_short("P"), pick_short("C")
    lp = pick_long(sp, "P", mp.mpf(str(pts[sp]["strike"])) - mp.mpf(wing))
    lc = pick_long(sc, "C", mp.mpf(str(pts[sc]["strike"])) + mp.mpf(wing))
    legs = [pts[i] for i in (lp, sp, sc, lc)]
    K = [mp.mpf(str(p["strike"])) for p in legs]
    mid = [p["mid"] for p in legs]
    bid = [mp.mpf(str(p["bid"])) for p in legs]
    ask = [mp.mpf(str(p["ask"])) for p in legs]
    c = {"expiry": iso(a["group"].expiry), "root": a["group"].root, "strikes": K}
    c["credit_mid"] = mid[1] - mid[0] + mid[2] - mid[3]
    c["credit_natural"] = bid[1] - ask[0] + bid[2] - ask[3]
    wide = max(K[1] - K[0], K[3] - K[2])
    c["max_loss"] = wide - c["credit_mid"]
    c["max_loss_natural"] = wide - c["credit_natural"]
    cm = c["credit_mid"]
    c["breakeven_lower"] = K[1] - cm if 0 < cm < K[1] - K[0] else 0
    c["breakeven_upper"] = K[2] + cm if 0 < cm < K[3] - K[2] else 0
    qty = [1, -1, -1, 1]
    for greek in ("delta", "gamma", "vega", "theta"):
        c[greek] = sum(qn * b76_greeks(p["kind"], F, k, T, p["iv"], D)[greek]
                       for qn, p, k in zip(qty, legs, K))
    c["legs"] = legs
    return c


# ---- the quote-priced hedge (docs/hedge.md section 4, docs/chains.md) ---------------------

# The default policy's layers: contracts per 100,000, otm points, roll days.
LAYERS = [(4, 1, 5), (4, 2, 14), (2, 3, 30)]
# Layer expiries for the VIX fixture's quote time 2023-09-14 16:16, by the CFE rule (the
# Wednesday 30 days before the next month's third Friday) and the policy's windows: Sep 20 is
# 5.7 days away (< 8), so layer 1 is Oct 18 (33.7 days, <= 45); layer 2 the first from 30 days
# after Oct 18: Nov 15 (61.7, <= 80); layer 3 the first from 60 days after Nov 15: Dec 20
# (96.7, <= 115). All at 09:30.
HEDGE_EXPIRIES = [serial(2023, 10, 18), serial(2023, 11, 15), serial(2023, 12, 20)]


def curve_at(points, T):
    t = [p[0] for p in points]
    f = [p[1] for p in points]
    for tk, fk in points:
        if abs(T - tk) <= mp.mpf("1e-9"):
            return fk
    if T <= t[0]:
        return f[0]
    if T >= t[-1]:
        return f[-1]
    for j in range(1, len(t)):
        if T <= t[j]:
            return f[j - 1] + (T - t[j - 1]) / (t[j] - t[j - 1]) * (f[j] - f[j - 1])


def hedge(fx, groups, which, notional, condor_vega, settlements=None):
    Q = quote_serial(fx)
    spot = mp.mpf(fx["spot"])
    if settlements:
        points = ([] if settlements[0][0] == 0 else [(mp.mpf(0), spot)]) + settlements
    else:
        points = [(mp.mpf(0), spot)] + [(a["years"], a["forward"]) for a in groups
                                        if a["group"].root == "VIX" and a["status"] == "OK"]
    rows = []
    for i, ((per, otm, roll), e) in enumerate(zip(LAYERS, HEDGE_EXPIRIES)):
        a = next(x for x in groups if x["group"].root == "VIX" and x["group"].expiry == e)
        T = (e + AM - Q) / 365
        D = a["discount"]
        rate = -mp.log(D) / T
        F = curve_at(points, T) if settlements else a["forward"]
        k = next(j for j, K in enumerate(a["strikes"])
                 if mp.mpf(str(K)) >= F + otm and two_sided(*a["quotes"][j]["C"]))
        K = mp.mpf(str(a["strikes"][k]))
        bid, ask = (mp.mpf(str(x)) for x in a["quotes"][k]["C"])
        price = ask if which == "ask" else (bid + ask) / 2
        st, vol = implied_vol(1, price, F, K, T, mp.e ** (-rate * T))
        assert st == "OK"
        delta = b76_greeks(1, F, K, T, vol, mp.e ** (-rate * T))["delta"]
        beta = mp.mpf("0.65") * mp.e ** (-24 * T) + mp.mpf("0.35") * mp.e ** (-mp.mpf("1.35") * T)
        Tr = mp.mpf(roll) / 365
        residual = b76(1, curve_at(points, Tr), K, Tr, vol, mp.e ** (-rate * Tr))
        contracts = mp.floor(mp.mpf(notional) / 100000 * per + mp.mpf("0.5"))
        days = e + AM - Q
        vega = contracts * 100 * delta * beta
        cost = contracts * (price - residual) * 100 / (days - roll) * (mp.mpf(365) / 12) / notional
        rows.append([i + 1, e + AM, days, K, contracts, F, price, price * contracts * 100, delta,
                     beta, vega, cost, vega / abs(mp.mpf(condor_vega)), bid, ask, vol, rate])
    return rows


# ---- output ------------------------------------------------------------------------------

def csv_text(header, rows):
    return header + "\n" + "".join(",".join(str(x) for x in r) + "\n" for r in rows)


def opt_num(x):
    return "" if x is None else fmt(x)


CONDOR_CASES = [  # fixture, dte, short delta, wing, root ("" = nearest of any root)
    (SPX_SEP, 35, "0.16", "50", ""), (SPX_SEP, 35, "0.16", "50", "SPXW"),
    (SPX_SEP, 35, "0.16", "60", "SPXW"), (SPX_SEP, 60, "0.10", "100", ""),
    (SPX_JAN, 7, "0.20", "20", "SPXW"), (SPX_JAN, 30, "0.16", "50", ""),
]
HEDGE_CASES = [  # name, price, notional, condor vega, settlements (added to the true futures)
    ("mid", "mid", 250000, -1500, None), ("ask", "ask", 250000, -1500, None),
    ("settlements", "mid", 250000, -1500, "0.1"),
]


def outputs():
    files, groups_rows, strike_rows, condor_rows = {}, [], [], []
    analysed = {}
    for fx in FIXTURES:
        rows, groups = analyse(fx)
        analysed[fx["name"]] = groups
        files[fx["name"]] = fixture_text(fx, rows)
        y, m, d = fx["quote"][:3]
        for a in groups:
            g = a["group"]
            ok = a["status"] == "OK"
            groups_rows.append([fx["name"], iso(g.expiry), g.root, a["status"], fmt(a["years"])] +
                               [fmt(a[k]) if ok else "" for k in
                                ("forward", "discount", "reference")] +
                               [str(a[k]) if ok else "" for k in ("pairs", "used", "outliers")] +
                               [fmt(a[k]) if ok else "" for k in ("rate", "div_yield")] +
                               [opt_num(a.get("atm_iv")) if ok else "",
                                fmt(a["true_forward"]), fmt(a["true_discount"])])
            if not ok:
                continue
            cboe_years = mp.mpf(g.expiry - serial(y, m, d)) / 365
            for p, r in zip(a["smile"], a["rows"]):
                col = 7 if p["side"] == "C" else 18
                strike_rows.append(
                    [fx["name"], iso(g.expiry), g.root, num(p["strike"]), p["side"], num(p["bid"]),
                     num(p["ask"]), fmt(p["mid"]), p["status"], fmt(p["iv"]), p["status_bid"],
                     fmt(p["iv_bid"]), p["status_ask"], fmt(p["iv_ask"]), fmt(p["delta"]),
                     r[3][col], fmt(a["years"]), fmt(cboe_years),
                     int(two_sided(*r[2]["C"]) and two_sided(*r[2]["P"]))])
    for fx, dte, sd, wing, root in CONDOR_CASES:
        a = nearest(analysed[fx["name"]], dte, root)
        c = condor(a, sd, wing)
        condor_rows.append([fx["name"], dte, sd, wing, root, c["expiry"], c["root"]] +
                           [num(k) for k in c["strikes"]] +
                           [fmt(c[k]) for k in ("credit_mid", "credit_natural", "max_loss",
                                                "max_loss_natural", "breakeven_lower",
                                                "breakeven_upper", "delta", "gamma", "vega",
                                                "theta")] +
                           [fmt(p["iv"]) for p in c["legs"]])
    hedge_rows, curve_rows = [], []
    vix = analysed[VIX_SEP["name"]]
    for name, which, notional, cv, bump in HEDGE_CASES:
        settle = None
        if bump:
            settle = [(a["years"], a["true_forward"] + mp.mpf(bump)) for a in vix
                      if a["group"].root == "VIX" and a["years"] > 0]
            curve_rows += [[name, fmt(t), fmt(f)] for t, f in settle]
        for r in hedge(VIX_SEP, vix, which, notional, cv, settle):
            hedge_rows.append([name, which, notional, cv] + [fmt(x) for x in r])
    files["chain_groups.csv"] = csv_text(
        "file,expiry,root,status,years,forward,discount,reference,pairs,used,outliers,rate,"
        "div_yield,atm_iv,true_forward,true_discount", groups_rows)
    files["chain_strikes.csv"] = csv_text(
        "file,expiry,root,strike,side,bid,ask,mid,status,iv,status_bid,iv_bid,status_ask,iv_ask,"
        "delta,cboe_iv,years,cboe_years,both_sides", strike_rows)
    files["chain_condors.csv"] = csv_text(
        "file,dte,short_delta,wing,root_arg,expiry,root,long_put,short_put,short_call,long_call,"
        "credit_mid,credit_natural,max_loss,max_loss_natural,breakeven_lower,breakeven_upper,"
        "delta,gamma,vega,theta,vol_long_put,vol_short_put,vol_short_call,vol_long_call",
        condor_rows)
    files["chain_hedge.csv"] = csv_text(
        "case,which,notional,condor_vega,layer,expiry,days,strike,contracts,future,price,debit,"
        "delta,beta,vega,monthly_cost,coverage,bid,ask,vol,rate", hedge_rows)
    files["chain_hedge_curve.csv"] = csv_text("case,tenor,future", curve_rows)
    return files


def main():
    files = outputs()
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in files.items():
        path = os.path.join(DATA, name)
        if check:
            try:
                with open(path, newline="") as f:
                    if f.read() != text:
                        stale.append(name)
            except OSError:
                stale.append(name)
        else:
            with open(path, "w", newline="") as f:
                f.write(text)
    if check:
        print("chain fixtures: %d files, %d differ%s" % (len(files), len(stale),
                                                      (": " + ", ".join(stale)) if stale else ""))
        sys.exit(1 if stale else 0)
    print("wrote", ", ".join(sorted(files)))


if __name__ == "__main__":
    main()
