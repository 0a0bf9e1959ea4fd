#!/usr/bin/env python3
"""CLI checks for the SPX put spread hedge (issue 18): ALVH_PUT_SPREAD, ALVH_SCENARIO with the
policy's hedge_kind, ALVH_BACKTEST_COMPARE against `alvh backtest`, `alvh policy`.

usage: cli_putspread.py ALVH_BINARY
Expected values: tests/data/putspread_golden.csv and putspread_scenario.csv (mpmath,
tests/gen_putspread_golden.py); the equal-budget rule written out here (docs/hedge.md); the
summary printed by `alvh backtest` against the table function cell by cell.
"""
import json
import math
import os
import tempfile

import clicheck
from clicheck import check, report, rows

VAL, SPOT, VIX, RATE, DIV, NOTIONAL, CONDOR_VEGA = 46037, 5000, 16, 0.045, 0.013, 5022500, -1499


def call(*args):
    code, out, _ = clicheck.run(["call"] + [str(a) for a in args])
    if code != 0:
        return None, out.strip()
    return json.loads(out) if out.startswith("[") else float(out), out.strip()


def close(a, b, tol):
    return a is not None and abs(a - b) <= tol * max(1.0, abs(b))


# ---- ALVH_PUT_SPREAD against mpmath (the golden default case) -------------------------------
g = next(r for r in rows("putspread_golden.csv") if r["case"] == "default_2026_01_15")
n = float(g["contracts"])
spread, out = call("ALVH_PUT_SPREAD", VAL, SPOT, VIX, NOTIONAL, float(g["budget"]) / NOTIONAL, "",
                   RATE, DIV)
check(spread is not None and len(spread) == 2 and len(spread[0]) == 12, "2 x 12: " + out[:80])
if spread:
    long_leg, short_leg = spread
    check(long_leg[:3] == ["P", float(g["strike_long"]), n] and
          short_leg[:3] == ["P", float(g["strike_short"]), -n], f"legs: {long_leg[:3]} "
          f"{short_leg[:3]}, want strikes {g['strike_long']}/{g['strike_short']} x {n}")
    for leg, side in ((long_leg, "long"), (short_leg, "short")):
        check(close(leg[3], float(g["years"]), 1e-13) and close(leg[4], float(g[f"vol_{side}"]),
                                                                 1e-13), f"{side}: years, vol")
        for col, name in ((5, "price"), (6, "delta"), (7, "gamma"), (8, "vega"), (9, "theta")):
            check(close(leg[col], float(g[f"{side}_{name}"]), 1e-11), f"{side} {name}: {leg[col]}")
    total = (long_leg[11] + short_leg[11]) * NOTIONAL
    check(close(total, n * float(g["unit_cost"]), 1e-10), f"monthly cost {total}")
    check(close(long_leg[10] + short_leg[10], n * float(g["spread_price"]) * 100, 1e-11),
          "debit: spreads x spread price x 100")

# ---- equal budget: ALVH_COST -> ALVH_PUT_SPREAD -----------------------------------------------
for vix in (12, 16, 25):
    cost, _ = call("ALVH_COST", VAL, vix, NOTIONAL, CONDOR_VEGA)
    sp, out = call("ALVH_PUT_SPREAD", VAL, SPOT, vix, NOTIONAL, cost)
    if cost is None or sp is None:
        check(False, "ALVH_COST / ALVH_PUT_SPREAD: " + out)
        continue
    spreads = sp[0][2]
    monthly = (sp[0][11] + sp[1][11]) * NOTIONAL
    one = monthly / spreads
    check(spreads > 0 and abs(monthly - cost * NOTIONAL) <= one / 2 * (1 + 1e-12),
          f"VIX {vix}: {spreads:g} spreads cost {monthly:.2f} a month, the layers "
          f"{cost * NOTIONAL:.2f} (one spread {one:.2f})")

# ---- scenarios: the policy's hedge kind ---------------------------------------------------------
legs = json.dumps([["P", 4740, 10, 30 / 365, 0.1771], ["P", 4790, -10, 30 / 365, 0.1737],
                   ["C", 5255, -10, 30 / 365, 0.1441], ["C", 5305, 10, 30 / 365, 0.1411]])
put = '{"hedge_kind": "spx_put_spread"}'
sched, _ = call("ALVH_SCHEDULE", VAL, VIX, NOTIONAL, CONDOR_VEGA)
for shock in (r for r in rows("putspread_scenario.csv") if r["case"] == "default_2026_01_15"):
    m, dv, days = float(shock["spx_move"]), float(shock["vix_move"]), float(shock["days"])
    got, out = call("ALVH_SCENARIO", m, dv, days, legs, json.dumps(spread), SPOT, VIX, put, 0,
                    RATE, DIV)
    vix_h, _ = call("ALVH_SCENARIO", m, dv, days, legs, json.dumps(sched), SPOT, VIX, "", 0,
                    RATE, DIV)
    none, _ = call("ALVH_SCENARIO", m, dv, days, legs, 0, SPOT, VIX, '{"hedge_kind": "none"}',
                   0, RATE, DIV)
    want = n * float(shock["pnl_per_spread"])
    ok = got is not None and vix_h is not None and none is not None
    check(ok and abs(got[0][1] - want) <= 1e-7 * n * float(g["long_price"]) * 100,
          f"shock {m} {dv} {days}: put spread P&L {got[0][1] if ok else out}, want {want}")
    check(ok and got[0][0] == vix_h[0][0] == none[0][0], "the condor's P&L ignores the hedge")
    check(ok and none[0][1] == 0 and none[0][2] == none[0][0], "none hedges nothing")
got, out = call("ALVH_SCENARIO_GRID", "[-0.03,0]", "[[8,0]]", 1, legs, json.dumps(spread), SPOT,
                VIX, put, 0, RATE, DIV)
one, _ = call("ALVH_SCENARIO", -0.03, 8, 1, legs, json.dumps(spread), SPOT, VIX, put, 0, RATE,
              DIV)
check(got is not None and one is not None and got[0][0] == one[0][2], "grid = scenario net")
got, out = call("ALVH_SCENARIO", -0.03, 8, 1, legs, json.dumps(sched), SPOT, VIX, put)
check(got is None and out.startswith("#ERR HEDGE: hedge has ALVH_SCHEDULE's 13 columns"),
      "the schedule as a put spread: " + out)
got, out = call("ALVH_SCENARIO", -0.03, 8, 1, legs, json.dumps(spread), SPOT, VIX, "")
check(got is None and out.startswith("#ERR HEDGE"), "the put spread as VIX calls: " + out)

# ---- errors -----------------------------------------------------------------------------------
for args, want in [
    ((VAL, SPOT, VIX, NOTIONAL), "#ERR MISSING: budget is required"),
    ((VAL, SPOT, VIX, NOTIONAL, "x"), "#ERR ARG_TYPE: budget must be a number"),
    ((VAL, 0, VIX, NOTIONAL, 0.01), "#ERR SPOT"),
    ((VAL, SPOT, 0, NOTIONAL, 0.01), "#ERR SPOT: vix_spot must be"),
    ((VAL, SPOT, VIX, -1, 0.01), "#ERR NOTIONAL"),
    ((VAL, SPOT, VIX, NOTIONAL, 0.01, '{"put_spread": {"short_delta": 0.3}}'),
     "#ERR POLICY_VALUE: policy key \"put_spread.short_delta\" (0.3) must be below"),
    ((VAL, SPOT, VIX, NOTIONAL, 0.01, "", 1.0, 0), "#ERR NO_CARRY"),
]:
    _, out = call("ALVH_PUT_SPREAD", *args)
    check(out.startswith(want), f"{args}: {out}, want {want}")

# ---- alvh backtest prints what ALVH_BACKTEST_COMPARE returns ----------------------------------
dates = [45299, 45300, 45301, 45302, 45303, 45306, 45307, 45308]
spx = [4700, 4690, 4620, 4455, 4450, 4500, 4540, 4560]
vix = [14, 15, 19, 31.5, 32, 27, 24, 22]
path = os.path.join(tempfile.mkdtemp(prefix="alvh_cli_putspread_"), "plain.csv")
with open(path, "w", encoding="utf-8") as f:
    f.write("date,spx,vix\n" + "".join(f"{d},{s},{v}\n" for d, s, v in zip(dates, spx, vix)))
code, out, err = clicheck.run(["backtest", path])
table, tout = call("ALVH_BACKTEST_COMPARE", json.dumps(dates), json.dumps(spx), json.dumps(vix))
check(code == 0 and table is not None, "backtest and ALVH_BACKTEST_COMPARE: " + err + tout)
if code == 0 and table is not None:
    printed = [line.split() for line in out.splitlines() if line and line[0] != "#"]
    same = len(printed) == len(table)
    for p, t in zip(printed, table):
        same &= p[0] == t[0]
        for cell, value in zip(p[1:], t[1:]):
            if value is None:
                same &= cell in ("-", "n/a")
            else:
                same &= cell not in ("-", "n/a") and close(float(cell), value, 1e-9)
    check(same, "the printed summary is ALVH_BACKTEST_COMPARE's, row by row")
    names = [t[0] for t in table]
    check(names[:3] == ["rows", "years", "total_return"] and "spike_ratio_hedge" in names,
          "rows: " + ", ".join(names[:4]))
code, out, _ = clicheck.run(["backtest", path, "--policy", '{"hedge_kind": "none"}'])
lines = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line and line[0] != "#"}
check(code == 0 and lines["total_return"][0] == lines["total_return"][1] ==
      lines["total_return"][2] and lines["hedge_premium"][1:] == ["0", "0"],
      "hedge_kind none: the three columns are the unhedged book")

# ---- the policy ---------------------------------------------------------------------------------
code, out, _ = clicheck.run(["policy"])
pol = json.loads(out) if code == 0 else {}
check(pol.get("hedge_kind") == "vix_calls" and pol.get("put_spread", {}).get("long_delta") == 0.25
      and pol.get("backtest", {}).get("compare_hedges") is True, "alvh policy prints the new keys")
code, out, _ = clicheck.run(["call", "ALVH_POLICY", "put_spread.sizing"])
check(code == 0 and out.strip() == "budget", "ALVH_POLICY put_spread.sizing: " + out)

raise SystemExit(report("cli_putspread"))
