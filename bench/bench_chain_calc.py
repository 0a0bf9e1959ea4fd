#!/usr/bin/python3
"""Option chains in Calc (issue 17): a chain of R quote rows in CBOE's layout (quotedata.csv as
Calc shows it: line 1, the quote time, the header, one row per expiry and strike) on a sheet,
and the wall-clock seconds of one calculateAll() of a sheet holding, each alone:
  - CHAIN_SUMMARY over the whole chain (every expiry's parity fit and at-the-money vol);
  - CHAIN_SMILE of one expiry (the reader runs on the whole range, the vols on that expiry);
  - B76_IVS over R rows: the mid of each row's out-of-the-money option, its strike, one
    forward and years per expiry (the vols of the whole chain in one array formula);
best of --reps after one warm-up. Results and the command go to BENCHMARKS.md (never a test).

The chain is synthetic: 20 expiries 7 to 140 days out (quote time 2023-09-14 16:00), R / 20
strikes each, 5 points apart around 4500, Black-76 mids on a smile with a spread of a few
ticks (no market data).

usage: /usr/bin/python3 bench/bench_chain_calc.py --oxt build/addin/alvh.oxt
           [--rows 1000,5000,10000] [--reps 5]
"""
import argparse
import datetime
import math
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))  # the repository root: office/
from office import CalcOffice, col_name  # noqa: E402

EXPIRIES = 20
QUOTE = datetime.datetime(2023, 9, 14, 16, 0)
EPOCH = datetime.date(1899, 12, 30)


def ncdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def black(call, f, k, t, v, d):
    s = v * math.sqrt(t)
    d1 = (math.log(f / k) + 0.5 * s * s) / s
    c = d * (f * ncdf(d1) - k * ncdf(d1 - s))
    return c if call else c - d * (f - k)


def chain(rows):
    """The chain's cells (rows of 22 values) and, per quote row, (type, mid, strike, forward,
    years) of its out-of-the-money side, for B76_IVS."""
    per = max(rows // EXPIRIES, 2)
    head = ["Expiration Date", "Calls", "Last Sale", "Net", "Bid", "Ask", "Volume", "IV",
            "Delta", "Gamma", "Open Interest", "Strike", "Puts", "Last Sale", "Net", "Bid",
            "Ask", "Volume", "IV", "Delta", "Gamma", "Open Interest"]
    cells = [["S&P 500 INDEX", "Last: 4500"] + [""] * 20,
             ["Date: September 14, 2023 at 4:00 PM EDT"] + [""] * 21, head]
    ivs = []
    day = datetime.date(2023, 9, 14)
    for e in range(EXPIRIES):
        day += datetime.timedelta(days=7)
        t = ((datetime.datetime.combine(day, datetime.time(16, 0)) - QUOTE).total_seconds()
             / 86400.0 / 365.0)
        d = math.exp(-0.05 * t)
        f = 4500.0 * math.exp(0.035 * t)
        code = day.strftime("%y%m%d")
        for i in range(per):
            k = 4500.0 + 5.0 * (i - per // 2)
            v = 0.14 - 0.3 * math.log(k / f)
            c, p = black(True, f, k, t, max(v, 0.05), d), black(False, f, k, t, max(v, 0.05), d)
            q = [max(round(x / 0.05) * 0.05, 0.05) for x in (c * 0.99, c * 1.01, p * 0.99,
                                                            p * 1.01)]
            sym = f"{int(k * 1000):08d}"
            cells.append([day.strftime("%a %b %d %Y"), f"SPXW{code}C{sym}", 0, 0, q[0], q[1], 0,
                          0, 0, 0, 0, k, f"SPXW{code}P{sym}", 0, 0, q[2], q[3], 0, 0, 0, 0, 0])
            call = k >= f
            ivs.append((1.0 if call else -1.0, (q[0] + q[1]) / 2 if call else (q[2] + q[3]) / 2,
                        k, f, t))
    return cells, ivs, day


def timed(doc, reps):
    doc.calculateAll()
    best = None
    for _ in range(reps):
        t0 = time.perf_counter()
        doc.calculateAll()
        dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--rows", default="1000,5000,10000")
    ap.add_argument("--reps", type=int, default=5)
    opts = ap.parse_args()
    results = []
    with CalcOffice(opts.oxt, label="alvh-bench-chain") as office:
        for rows in (int(x) for x in opts.rows.split(",")):
            cells, ivs, last_day = chain(rows)
            n = len(cells)
            chain_rng = f"$A$1:$V${n}"
            mid_day = (datetime.date(2023, 9, 14) + datetime.timedelta(days=70) - EPOCH).days
            cases = [
                ("CHAIN_SUMMARY (every expiry)", EXPIRIES, 12, f"=CHAIN_SUMMARY({chain_rng})"),
                ("CHAIN_SMILE (one expiry)", len(ivs) // EXPIRIES, 11,
                 f"=CHAIN_SMILE({chain_rng};{mid_day})"),
                (f"B76_IVS ({len(ivs)} rows)", len(ivs), 1,
                 f"=B76_IVS(X1:X{len(ivs)};Y1:Y{len(ivs)};AA1:AA{len(ivs)};"
                 f"Z1:Z{len(ivs)};AB1:AB{len(ivs)};0.05)"),
            ]
            for what, nr, nc, formula in cases:
                doc = office.new_calc()
                sh = doc.Sheets.getByIndex(0)
                sh.getCellRangeByPosition(0, 0, 21, n - 1).setDataArray(
                    tuple(tuple(r) for r in cells))
                sh.getCellRangeByPosition(23, 0, 27, len(ivs) - 1).setDataArray(
                    tuple(tuple(r) for r in ivs))
                out = sh.getCellRangeByPosition(30, 0, 30 + nc - 1, nr - 1)
                out.setArrayFormula(formula)
                seconds = timed(doc, opts.reps)
                first = sh.getCellByPosition(30, 0)
                ok = first.getError() == 0
                results.append((what, len(ivs), seconds, ok))
                print(f"{what:34s} {len(ivs):6d} quote rows  {seconds * 1000:8.1f} ms"
                      f"{'' if ok else '  (error in the first cell: ' + str(first.getError()) + ')'}",
                      flush=True)
                doc.close(True)
    return 0 if all(ok for *_, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
