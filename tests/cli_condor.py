#!/usr/bin/env python3
"""IC_*, BOOK_* and ALVH_SCENARIO* through the alvh CLI: values against the mpmath golden data
(tests/data/condor_*.csv from gen_condor_golden.py) and hand derivations, output layout,
and error lines.

usage: cli_condor.py ALVH_BINARY
"""
import json
import sys

import clicheck
from clicheck import check, close, report, rows


def run(args, stdin=None):
    code, out, _ = clicheck.run(args, stdin)
    return code, out.strip()


# IC_STRIKES against strikes found by bisection on the BSM delta (mpmath).
for r in rows("condor_strikes.csv")[::5]:
    args = [r[k] for k in ("spot", "years", "vol", "short_delta", "wing", "step", "rate",
                           "div_yield")]
    code, out = run(["call", "IC_STRIKES"] + args)
    want = [float(r[k]) for k in ("long_put", "short_put", "short_call", "long_call")]
    try:
        got = json.loads(out)[0]
    except (ValueError, IndexError):
        got = []
    ok = code == 0 and len(got) == 4 and all(close(g, w, 1e-9, 1e-11) for g, w in zip(got, want))
    check(ok, f"IC_STRIKES {args}: {out} want {want}")

# IC_CREDIT / IC_MAXLOSS / IC_BREAKEVEN / IC_POP against mpmath; one batch for all rows.
lines, wants = [], []
for r in rows("condor_values.csv"):
    strikes = "[[%s,%s,%s,%s]]" % (r["long_put"], r["short_put"], r["short_call"], r["long_call"])
    common = [strikes, r["spot"], r["years"], r["vol"], r["rate"], r["div_yield"], r["skew"]]
    lines.append("\t".join(["IC_CREDIT"] + common + ["1"]))
    wants.append(("credit", float(r["credit"])))
    lines.append("\t".join(["IC_MAXLOSS"] + common))
    wants.append(("max loss $", 100 * float(r["max_loss"])))
    lines.append("\t".join(["IC_BREAKEVEN", "lower"] + common))
    wants.append(("lower", float(r["lower"])))
    lines.append("\t".join(["IC_BREAKEVEN", "1"] + common))
    wants.append(("upper", float(r["upper"])))
    lines.append("\t".join(["IC_POP"] + common))
    wants.append(("pop", float(r["pop"])))
code, out = run(["call", "--batch"], "\n".join(lines) + "\n")
outs = out.splitlines()
check(code == 0 and len(outs) == len(lines), f"batch of {len(lines)}: exit {code}")
for (what, want), got in zip(wants, outs):
    try:
        ok = close(float(got), want, 1e-7, 1e-10)
    except ValueError:
        ok = False
    check(ok, f"{what}: {got} want {want}")

# Break-evens by hand: condor 4750/4800/5225/5275 at years 0 with spot 5000 inside the body
# collects nothing (all legs expire worthless), so there is no break-even (credit 0).
code, out = run(["call", "IC_BREAKEVEN", "LOWER", "[4750,4800,5225,5275]", "5000", "0", "0.15"])
check(code == 1 and out.startswith("#ERR NO_BREAKEVEN: the condor has no lower break-even"),
      "no break-even at zero credit: " + out)

# IC_LEGS: a 4x10 array; its first five columns are a legs range for BOOK_VALUE.
code, out = run(["call", "IC_LEGS", "[4750,4800,5225,5275]", "5000", "0.0821917808219178",
                 "0.15"])
legs = json.loads(out) if code == 0 else []
check(len(legs) == 4 and all(len(row) == 10 for row in legs), "IC_LEGS is 4x10: " + out[:80])
check([row[0] for row in legs] == ["P", "P", "C", "C"] and [row[2] for row in legs] == [1, -1, -1, 1],
      "IC_LEGS types and quantities")
r0 = rows("condor_values.csv")[0]  # the same condor, flat 15% vol, rate 0
credit = float(r0["credit"])
check(len(legs) == 4 and close(-sum(row[2] * row[5] for row in legs), credit, 1e-9, 1e-10),
      "IC_LEGS prices add to the mpmath credit")
code, out = run(["call", "BOOK_VALUE", json.dumps(legs), "5000"])
check(code == 0 and close(float(out), -100 * credit, 1e-7, 1e-10),
      f"BOOK_VALUE(IC_LEGS(...)) = -credit x 100: {out}")

# Books against mpmath (value, greeks, P&L days forward).
book_legs = {}
for r in rows("condor_book_legs.csv"):
    book_legs.setdefault(r["book"], []).append(
        [r["type"], float(r["strike"]), float(r["quantity"]), float(r["years"]), float(r["vol"])])
for r in rows("condor_book_values.csv"):
    legs_json = json.dumps(book_legs[r["book"]])
    market = [r["spot"], r["rate"], r["div_yield"], r["multiplier"]]
    code, out = run(["call", "BOOK_VALUE", legs_json] + market)
    check(code == 0 and close(float(out), float(r["value"]), 1e-8, 1e-11),
          f"BOOK_VALUE book {r['book']}: {out} want {r['value']}")
    for greek in ("delta", "gamma", "vega", "theta", "rho"):
        if not r[greek]:
            continue
        code, out = run(["call", "BOOK_GREEK", greek, legs_json] + market)
        check(code == 0 and close(float(out), float(r[greek]), 1e-8, 1e-8),
              f"BOOK_GREEK {greek} book {r['book']}: {out} want {r[greek]}")
    code, out = run(["call", "BOOK_PNL", legs_json, f"[{r['pnl_spot']}]", r["spot"],
                     r["days_forward"], r["rate"], r["div_yield"], r["multiplier"]])
    got = json.loads(out) if code == 0 else [[None, None]]
    check(len(got) == 1 and close(got[0][1], float(r["pnl"]), 1e-7, 1e-10),
          f"BOOK_PNL book {r['book']}: {out} want {r['pnl']}")

# BOOK_PNL at expiry equals the payoff minus the entry (given: a 1234.5 dollar credit).
condor = json.dumps(book_legs["1"])
spots = [4500, 4775, 4800, 5000, 5250, 5600]
code, out = run(["call", "BOOK_PNL", condor, json.dumps(spots), "5000", "", "", "", "", "-1234.5"])
got = json.loads(out) if code == 0 else []
for s, row in zip(spots, got):
    payoff = 100 * (max(4750 - s, 0) - max(4800 - s, 0) - max(s - 5225, 0) + max(s - 5275, 0))
    check(close(row[0], payoff + 1234.5, 1e-9, 1e-12), f"P&L at expiry at {s}: {row[0]}")
check(len(got) == len(spots), "BOOK_PNL one row per spot")

# Errors: a status and a sentence naming the argument.
errors = [
    (["IC_STRIKES", "5000", "0", "0.15"], "#ERR YEARS: years must be positive"),
    (["IC_STRIKES", "5000", "0.08", "0.15", "0.7"], "#ERR SHORT_DELTA: short_delta must be between 0 and 0.5"),
    (["IC_STRIKES", "5000", "0.08", "0.15", "", "52"], "#ERR WING: wing must be a positive whole multiple of step (5), got 52"),
    (["IC_STRIKES", "5000", "0.08", "0.15", "", "", "-1"], "#ERR STEP: "),
    (["IC_STRIKES", "5000", "0.08", "cheap"], "#ERR ARG_TYPE: vol must be a number"),
    (["IC_CREDIT", "[4800,4750,5225,5275]", "5000", "0.08", "0.15"], "#ERR STRIKES: strikes must be increasing"),
    (["IC_CREDIT", "[4750,4800,5225]", "5000", "0.08", "0.15"], "#ERR STRIKES: strikes must be a range of 4 prices"),
    (["IC_CREDIT", "[4750,4800,5225,5275]", "5000", "0.08", "-0.15"], "#ERR VOL: vol must be"),
    (["IC_CREDIT", "[4750,4800,5225,5275]", "5000", "0.08", "0.15", "", "", "", "0"], "#ERR MULTIPLIER: "),
    (["IC_BREAKEVEN", "MIDDLE", "[4750,4800,5225,5275]", "5000", "0.08", "0.15"], "#ERR SIDE: "),
    (["BOOK_VALUE", '[["P",4800,-1,0.08]]', "5000"], "#ERR LEGS: legs must be a range with the 5 columns"),
    (["BOOK_VALUE", '[["Q",4800,-1,0.08,0.2]]', "5000"], "#ERR OPTION_TYPE: legs row 1, column 1 (type)"),
    (["BOOK_VALUE", '[["P",4800,-1,0.08,0.2],["C",5200,-1,0.08,"high"]]', "5000"], "#ERR LEGS: legs row 2, column 5 (vol) must be a number"),
    (["BOOK_GREEK", "charm", '[["P",4800,-1,0.08,0.2]]', "5000"], "#ERR GREEK: "),
    (["BOOK_PNL", '[["P",4800,-1,0.08,0.2]]', "[4800,0]", "5000"], "#ERR SPOT: spot_range item 2"),
    (["BOOK_PNL", '[["P",4800,-1,0.08,0.2]]', "[4800]", "5000", "-3"], "#ERR DAYS: "),
]
for args, prefix in errors:
    code, out = run(["call"] + args)
    check(code == 1 and out.startswith(prefix), f"{args[0]} error: {out!r} want {prefix!r}")

# ALVH_SCENARIO / ALVH_SCENARIO_GRID against mpmath (gen_condor_golden.py: book 1, a 4/4/2
# hedge, spot 5000, VIX 16), the exact zero of a zero shock, and the grid = the scenarios.
hedge = json.dumps([[float(r[k]) for k in ("future", "strike", "contracts", "years", "vol_of_vol")]
                    for r in rows("condor_scenario_hedge.csv")])
for r in rows("condor_scenarios.csv"):
    policy = json.dumps({"backtest": {"vol_beta": float(r["vol_beta"]), "skew": float(r["skew"])}})
    code, out = run(["call", "ALVH_SCENARIO", r["spx_move"], r["vix_move"], r["days"], condor,
                     hedge, "5000", "16", policy, r["vov_move"], r["rate"], r["div_yield"]])
    got = json.loads(out)[0] if code == 0 else [None] * 4
    ok = code == 0 and all(close(g, float(r[k]), 1e-8, 1e-10)
                           for g, k in zip(got, ("condor", "hedge", "net")))
    check(ok, f"ALVH_SCENARIO {r['spx_move']} {r['vix_move']}: {out} want {r['condor']}, "
              f"{r['hedge']}, {r['net']}")
    if ok and float(r["condor"]) < 0:
        check(close(got[3], float(r["hedge"]) / -float(r["condor"]), 1e-12, 1e-9), "ratio")
code, out = run(["call", "ALVH_SCENARIO", "0", "0", "0", condor, hedge, "5000", "16"])
check(code == 0 and out == "[[0,0,0,null]]", "zero shock is exactly zero, ratio #N/A: " + out)
code, grid = run(["call", "ALVH_SCENARIO_GRID", "[-0.05,0]", "[[0,10]]", "1", condor, hedge,
                  "5000", "16"])
grid = json.loads(grid) if code == 0 else []
for i, m in enumerate(("-0.05", "0")):
    for j, dv in enumerate(("0", "10")):
        code, out = run(["call", "ALVH_SCENARIO", m, dv, "1", condor, hedge, "5000", "16"])
        check(code == 0 and len(grid) == 2 and json.loads(out)[0][2] == grid[i][j],
              f"grid[{i}][{j}] = scenario net: {out}")
for args, prefix in [
        (["-1", "8", "1", condor, hedge, "5000", "16"], "#ERR MOVE: spx_move must be a fraction above -1"),
        (["-0.03", "-20", "1", condor, hedge, "5000", "16"], "#ERR MOVE: vix_move must leave VIX positive"),
        (["-0.03", "8", "1", condor, "[[17,18,4]]", "5000", "16"], "#ERR HEDGE: hedge must have 5 columns"),
        (["-0.03", "8", "1", condor, hedge, "5000", "16", "{\"nope\":1}"], "#ERR POLICY_KEY: "),
]:
    code, out = run(["call", "ALVH_SCENARIO"] + args)
    check(code == 1 and out.startswith(prefix), f"ALVH_SCENARIO error: {out!r} want {prefix!r}")

sys.exit(report("cli_condor"))
