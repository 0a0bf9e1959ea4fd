#!/usr/bin/env python3
"""VIX_RSI, VIX_MACD, AD_LINE, AD_DIVERGENCE and ALVH_SIGNAL through the alvh CLI.

Expected values: hand derivations (written out in tests/test_indicators.c, repeated here), and
TA-Lib 0.6.0's own outputs plus brute-force definitions from tests/ref_indicators.js, committed
in tests/data/indicators_*.csv. Never this code's output.
usage: cli_signals.py ALVH_BINARY
"""
import json
import os
import sys

import clicheck
from clicheck import batch, check, report, run

TALIB_TOL = 1e-10


def rng(xs):
    return json.dumps(xs)


def close(got, want, tol):
    return clicheck.close(got, want, tol, 0.0)


# ---- hand-derived values (derivations in tests/test_indicators.c) ----
hand = [
    (["VIX_RSI", rng([1, 2, 3, 2, 1, 2]), 2], [None, None, 100, 50, 25, 62.5]),
    (["VIX_RSI", rng([20, 21, 22, 21, 20, 22, 23]), 3],
     [None, None, None, 200 / 3, 400 / 9, 650 / 9, 7900 / 99]),
    (["VIX_RSI", rng([17, 17, 17, 17, 17]), 2], [None, None, 0, 0, 0]),  # flat window: 0
    (["AD_LINE", rng([1850, 1620, 1400, 2010]), rng([1320, 1540, 1800, 1100])],
     [530, 610, 210, 1120]),
    (["AD_DIVERGENCE", rng([100, 160, 220, 180, 150, 120, 90]),
      rng([5000, 5050, 5100, 5120, 5150, 5080, 5020]), 3], [None, None, None, -1, -1, 0, 0]),
    (["AD_DIVERGENCE", rng([0, -40, 50, 70, 30, -100]), rng([5000, 4980, 4950, 4900, 4990, 4800]),
      2], [None, None, 1, 1, -1, 0]),
]
code, out = batch([c for c, _ in hand])
for (call, want), line in zip(hand, out):
    got = [row[0] for row in json.loads(line)] if line.startswith("[") else None
    ok = got is not None and len(got) == len(want) and all(
        (w is None and g is None) or (w is not None and close(g, w, 1e-12)) for g, w in zip(got, want))
    check(ok, f"{call[0]} hand case: {line} want {want}")

# MACD hand case: closes [1,2,4,3,5], 2/3/2 -> MACD 2/3, 1/3, 1/2; signal 1/2, 1/2; hist -1/6, 0.
code, out = batch([["VIX_MACD", rng([1, 2, 4, 3, 5]), 2, 3, 2]])
rows = json.loads(out[0]) if out and out[0].startswith("[") else []
want = [[None, None, None], [None, None, None], [2 / 3, None, None], [1 / 3, 0.5, -1 / 6],
        [0.5, 0.5, 0.0]]
check(len(rows) == 5 and all(len(r) == 3 for r in rows), f"VIX_MACD is 5x3: {out}")
for r, w in zip(rows, want):
    for g, x in zip(r, w):
        check((x is None and g is None) or (x is not None and close(g, x, 1e-14)),
              f"VIX_MACD hand row {r} want {w}")

# A one-row input gives a row (VIX_MACD: three rows).
code, out = batch([["VIX_RSI", "[[1,2,3,2,1,2]]", 2], ["VIX_MACD", "[[1,2,4,3,5]]", 2, 3, 2],
                   ["ALVH_SIGNAL", json.dumps([[20] * 40])]])
check(out[0] == "[[null,null,100,50,25,62.5]]", f"VIX_RSI of a row: {out[0]}")
rows = json.loads(out[1]) if out[1].startswith("[") else []
check(len(rows) == 3 and all(len(r) == 5 for r in rows) and rows[1][2] is None
      and close(rows[0][3], 1 / 3, 1e-14) and close(rows[1][3], 0.5, 1e-14)
      and close(rows[2][3], -1 / 6, 1e-14), f"VIX_MACD of a row: {out[1]}")
rows = json.loads(out[2]) if out[2].startswith("[") else []
check(len(rows) == 1 and rows[0] == [None] * 34 + ["NONE"] * 6, f"ALVH_SIGNAL of a row: {out[2]}")

# ---- TA-Lib references ----
inputs = {}
for row in clicheck.rows("indicators_input.csv"):
    inputs.setdefault(row["series"], []).append(float(row["value"]))

rsi_ref = {}
for row in clicheck.rows("indicators_rsi.csv"):
    rsi_ref.setdefault((row["series"], int(row["period"])), {})[int(row["index"])] = float(row["rsi"])
keys = sorted(rsi_ref)
code, out = batch([["VIX_RSI", rng(inputs[s]), p] for s, p in keys])
rows_checked = 0
for (s, p), line in zip(keys, out):
    got = [r[0] for r in json.loads(line)] if line.startswith("[") else []
    ref = rsi_ref[(s, p)]
    check(len(got) == len(inputs[s]), f"VIX_RSI {s} {p}: aligned with the input")
    for i, g in enumerate(got):
        if i in ref:
            check(close(g, ref[i], TALIB_TOL), f"VIX_RSI {s} p{p} row {i}: {g} vs TA-Lib {ref[i]}")
            rows_checked += 1
        else:
            check(g is None, f"VIX_RSI {s} p{p} row {i}: {g} where TA-Lib has no value")
check(rows_checked > 7000, f"RSI rows checked: {rows_checked}")

macd_ref = {}
for row in clicheck.rows("indicators_macd.csv"):
    key = (row["series"], int(row["fast"]), int(row["slow"]), int(row["signal"]))
    vals = [float(row["macd"])] + [float(row[k]) if row[k] else None
                                   for k in ("signal_line", "hist")]
    macd_ref.setdefault(key, {})[int(row["index"])] = vals
keys = sorted(macd_ref)
code, out = batch([["VIX_MACD", rng(inputs[k[0]]), k[1], k[2], k[3]] for k in keys])
rows_checked = 0
for key, line in zip(keys, out):
    got = json.loads(line) if line.startswith("[") else []
    ref = macd_ref[key]
    check(len(got) == len(inputs[key[0]]), f"VIX_MACD {key}: aligned with the input")
    for i, g in enumerate(got):
        w = ref.get(i, [None, None, None])
        ok = all((x is None and y is None) or (x is not None and close(y, x, TALIB_TOL))
                 for x, y in zip(w, g))
        check(ok, f"VIX_MACD {key} row {i}: {g} vs TA-Lib {w}")
        rows_checked += 1
check(rows_checked > 6000, f"MACD rows checked: {rows_checked}")

# A/D line and divergence of the long series against the brute-force reference.
adv, dec, spx = inputs["adv_long"], inputs["dec_long"], inputs["spx_long"]
div_ref = {}
ad_ref = {}
for row in clicheck.rows("indicators_divergence.csv"):
    div_ref.setdefault(int(row["lookback"]), {})[int(row["index"])] = int(row["divergence"])
    ad_ref[int(row["index"])] = float(row["ad_line"])
code, out = batch([["AD_LINE", rng(adv), rng(dec)]])
ad = [r[0] for r in json.loads(out[0])] if out and out[0].startswith("[") else []
check(len(ad) == len(adv) and all(ad[i] == v for i, v in ad_ref.items()), "AD_LINE long series")
looks = sorted(div_ref)
code, out = batch([["AD_DIVERGENCE", rng(ad), rng(spx), L] for L in looks])
for L, line in zip(looks, out):
    got = [r[0] for r in json.loads(line)] if line.startswith("[") else []
    ref = div_ref[L]
    check(len(got) == len(spx) and all((i in ref) == (g is not None) for i, g in enumerate(got))
          and all(got[i] == v for i, v in ref.items()), f"AD_DIVERGENCE lookback {L}")

# ALVH_SIGNAL against the reference triggers (policies as the generator gave them).
sig_ref = {}
for row in clicheck.rows("indicators_signal.csv"):
    sig_ref.setdefault(row["policy"], {})[int(row["index"])] = row["trigger"]
policies = []
with open(os.path.join(clicheck.DATA, "indicators_signal_policies.tsv")) as f:
    next(f)
    for line in f:
        parts = line.rstrip("\n").split("\t")
        policies.append((parts[0], parts[1] == "1", parts[2] if len(parts) > 2 else ""))
vix = inputs["vix_long"]
calls = [["ALVH_SIGNAL", rng(vix)] + ([rng(ad), rng(spx)] if div else ["", ""]) + [pol]
         for _, div, pol in policies]
code, out = batch(calls)
for (pid, _, _), line in zip(policies, out):
    got = [r[0] for r in json.loads(line)] if line.startswith("[") else []
    ref = sig_ref[pid]
    check(len(got) == len(vix) and all((i in ref) == (g is not None) for i, g in enumerate(got))
          and all(got[i] == v for i, v in ref.items()), f"ALVH_SIGNAL {pid}: {line[:200]}")

# ---- errors ----
errors = [
    (["VIX_RSI", rng([20, 21, 22]), 1], "#ERR PERIOD: period must be a whole number of rows"),
    (["VIX_RSI", rng([20, 21, 22]), 2.5], "#ERR PERIOD:"),
    (["VIX_RSI", rng([20, 21, 22])], "#ERR SHORT_SERIES: closes has 3 values; VIX_RSI with "
     "period 14 needs at least 15"),
    (["VIX_RSI", "[]"], "#ERR ARGUMENT"),
    (["VIX_RSI", "nan", 2], "#ERR RANGE_VALUE: closes: item 1 must be a finite number"),
    (["VIX_RSI", "text", 2], "#ERR RANGE_VALUE: closes: item 1 must be a number"),
    (["VIX_MACD", rng(list(range(40))), 26, 12, 9], "#ERR FAST_SLOW: fast must be shorter"),
    (["VIX_MACD", rng(list(range(30)))], "#ERR SHORT_SERIES: closes has 30 values; VIX_MACD with "
     "slow 26 and signal 9 needs at least 34"),
    (["AD_LINE", rng([1, 2, 3]), rng([1, 2])], "#ERR RANGE_SHAPE: advancers and decliners must "
     "have the same number of values, got 3 and 2"),
    (["AD_LINE", rng([1, -2]), rng([1, 2])], "#ERR BREADTH: advancers: item 2"),
    (["AD_DIVERGENCE", rng([1, 2, 3]), rng([1, 2, 3])], "#ERR SHORT_SERIES: ad_line has 3 values"),
    (["AD_DIVERGENCE", rng([1, 2, 3]), rng([1, 2, 3]), 0], "#ERR PERIOD: lookback"),
    (["ALVH_SIGNAL", rng([20] * 40), rng([1] * 40)], "#ERR MISSING: ad_line and spx go together"),
    (["ALVH_SIGNAL", rng([20] * 10)], "#ERR SHORT_SERIES: vix has 10 values"),
    (["ALVH_SIGNAL", rng([20] * 40 + [0])], "#ERR VIX_LEVEL: vix: item 41"),
    (["ALVH_SIGNAL", rng([20] * 40), "", "", '{"signals": {"rsi_period": 1}}'], "#ERR POLICY_VALUE"),
    (["ALVH_SIGNAL", rng([20] * 40), "", "", "{oops"], "#ERR POLICY_JSON: policy:"),
]
code, out = batch([c for c, _ in errors])
check(code == 1, "failing calls exit 1")
for (call, want), line in zip(errors, out):
    check(line.startswith(want), f"{call[0]} error: {line!r} should start {want!r}")

# A blank or text cell inside the series is no error: the rows before it are computed, the rest
# have no value, and stderr says which row stopped it (issue 15: a gap must not take a sheet down).
closes = [20, 21, 23, 22, 24, 25, 23, 22]
for gap, says in ((None, "is blank"), ("x", 'holds text "x"')):
    code, out, err = run(["call", "VIX_RSI", rng(closes[:5] + [gap] + closes[6:]), "2"])
    _, cut, _ = run(["call", "VIX_RSI", rng(closes[:5]), "2"])
    got = json.loads(out) if out.startswith("[") else None
    check(code == 0 and got is not None and got[:5] == json.loads(cut) and
          got[5:] == [[None]] * 3, f"VIX_RSI with a gap at row 6: {out!r} (cut: {cut!r})")
    check(err.strip() == f"#WARN RANGE_VALUE: closes: row 6 of the range {says}, so rows 6 to 8 "
          "show no value: paste a number there, or delete the row", f"the warning: {err!r}")

# The flat default-policy series gives NONE from row 35 on, #N/A before (never 0 or "").
code, out = batch([["ALVH_SIGNAL", rng([20] * 40)]])
got = [r[0] for r in json.loads(out[0])] if out and out[0].startswith("[") else []
check(got[:34] == [None] * 34 and got[34:] == ["NONE"] * 6, f"flat VIX: {got}")

sys.exit(report("cli_signals"))
