#!/usr/bin/env python3
"""BS_IVS and B76_IVS (issue 17: implied vols of whole columns in one call) against
tests/data/pricing_golden.csv (mpmath, 50+ digits; tests/gen_pricing_golden.py): every golden
price whose vol is well conditioned (kappa = price / (vega x vol) < 100, as test_impvol.c
counts them), one call per model, rate and dividend yield holding all its rows, must give back
the golden vol within test_impvol.c's bound 1e-13 + 8 kappa u (relative). Rows with no vol
(a price of 0, a price above the maximum, a bad type) show null and the call warns with the
count and the first row; the other rows keep their vols.

usage: cli_ivs.py ALVH_BINARY
"""
import collections
import json
import math
import subprocess
import sys

from clicheck import check, report, rows

U = 2.0 ** -53


def call(name, *args):
    p = subprocess.run([sys.argv[1], "call", name] + [a if isinstance(a, str) else json.dumps(a)
                                                      for a in args],
                       capture_output=True, text=True, timeout=120)
    out = json.loads(p.stdout) if p.stdout.startswith("[") else p.stdout
    return out, p.stderr.strip()


def main():
    groups = collections.defaultdict(list)
    for g in rows("pricing_golden.csv", comments=True):
        price, vega, vol = float(g["price"]), float(g["vega"]) * 100.0, float(g["vol"])
        if not (price > 1e-300 and vega > 0.0):
            continue
        kappa = price / (vega * vol)
        if kappa >= 100.0:
            continue
        key = (g["model"], float(g["rate"]), float(g["div_yield"]))
        groups[key].append((1.0 if g["type"] == "C" else -1.0, price, float(g["underlying"]),
                            float(g["strike"]), float(g["years"]), vol, kappa))
    total = 0
    for (model, rate, q), rs in sorted(groups.items()):
        cols = [[[r[c]] for r in rs] for c in range(5)]
        name = "BS_IVS" if model == "BSM" else "B76_IVS"
        extra = [repr(rate), repr(q)] if model == "BSM" else [repr(rate)]
        got, warn = call(name, *cols, *extra)
        ok = isinstance(got, list) and len(got) == len(rs)
        bad = [] if ok else ["no result: " + str(got)[:200]]
        for (row, want) in zip(got if ok else [], rs):
            v, kappa = row[0], want[6]
            if v is None or abs(v - want[5]) > (1e-13 + 8.0 * kappa * U) * want[5]:
                bad.append((want[:5], v, want[5]))
        check(ok and not bad and not warn,
              f"{name} rate {rate} div_yield {q}: {len(rs)} golden vols in one call "
              f"(differing {bad[:2]}; warning {warn!r})")
        total += len(rs)
    check(total > 2000, f"golden rows checked: {total}")

    # Rows without a vol: null, a warning with the count and the first row; the rest unchanged.
    got, warn = call("B76_IVS", [[1], [1], [-1], [2]], [[0.85], [0], [30], [1]], "18.5",
                     [[25], [25], [20], [20]], "0.0822")
    alone = subprocess.run([sys.argv[1], "call", "B76_IV", "C", "0.85", "18.5", "25", "0.0822"],
                           capture_output=True, text=True).stdout.strip()
    check(isinstance(got, list) and got[0][0] == float(alone) and got[1] == [None] and
          got[2] == [None] and got[3] == [None],
          f"rows without a vol are empty, the others B76_IV's: {got}")
    check(warn.startswith("#WARN") and "3 of 4 rows have no implied vol" in warn and
          "row 2 (types 1, prices 0, forwards 18.5, strikes 25" in warn,
          "the warning counts them and names the first: " + warn)
    err, _ = call("ALVH_ERROR", "B76_IVS", [[1], [1]], [[0.85], [0]], "18.5", [[25], [25]],
                  "0.0822")
    check(isinstance(err, str) and "1 of 2 rows have no implied vol" in err,
          "ALVH_ERROR returns the warning: " + str(err))
    got, _ = call("BS_IVS", [[1], [1]], [[1], [2], [3]], "100", "100", "1")
    check(isinstance(got, str) and got.startswith("#ERR RANGE_SHAPE: types has 2 rows"),
          "columns of different lengths: " + str(got))
    return report("cli_ivs")


if __name__ == "__main__":
    sys.exit(main())
