#!/usr/bin/env python3
"""CLI checks of the hedge engine: values against the mpmath golden data and hand derivations,
error lines naming the argument, key or byte offset, and `alvh policy`.

usage: cli_hedge.py ALVH_BINARY     (run by /usr/bin/python3; standard library only)
"""
import json
import os
import sys
import tempfile

from clicheck import check, close, report, rows, run


def call(name, *args):
    code, out, _ = run(["call", name] + [str(a) for a in args])
    return code, out.strip()


# ---- the sizing examples, exactly ----
check(call("ALVH_SIZE", 250000, 1) == (0, "10"), "ALVH_SIZE(250000; 1) = 10")
check(call("ALVH_SIZE", 250000, 3) == (0, "5"), "ALVH_SIZE(250000; 3) = 5")
check(call("ALVH_SIZE", 250000) == (0, "[[10,10,5]]"), "ALVH_SIZE(250000) row")
# 125000 is 1.25 units: layer 3 is 2.5 contracts -> nearest 3, down 2 (hand derivation)
check(call("ALVH_SIZE", 125000, 3) == (0, "3"), "halves round away from zero")
check(call("ALVH_SIZE", 125000, 3, '{"rounding":"down"}') == (0, "2"), "rounding down")
code, out = call("ALVH_SIZE", 250000, 4)
check(code == 1 and out.startswith("#ERR LAYER: ") and "got 4" in out, "layer 4: " + out)
code, out = call("ALVH_SIZE", -1)
check(code == 1 and out.startswith("#ERR NOTIONAL: ") and "got -1" in out, "notional: " + out)

# ---- model curve and beta against mpmath ----
for r in rows("hedge_vixfut.csv"):
    code, out = call("VIX_FUT", r["years"], r["vix_spot"], r["long_run"], r["speed"])
    check(code == 0 and close(float(out), float(r["future"]), 1e-13, 1e-14),
          "VIX_FUT %s: %s vs %s" % (r, out, r["future"]))
for r in rows("hedge_beta.csv"):
    params = "[%s,%s,%s]" % (r["weight"], r["fast"], r["slow"])
    code, out = call("VIX_BETA", r["years"], params)
    check(code == 0 and close(float(out), float(r["beta"]), 1e-15, 1e-13),
          "VIX_BETA %s: %s" % (r, out))
code, out = call("VIX_BETA", 1 / 12)
check(code == 0 and abs(float(out) - 0.4) < 0.005, "default one-month beta ~0.4: " + out)
code, out = call("VIX_BETA", 5 / 12)
check(code == 0 and abs(float(out) - 0.2) < 0.005, "default five-month beta ~0.2: " + out)
code, out = call("VIX_BETA", 0.25, "[2,1,1]")
check(code == 1 and out.startswith("#ERR BETA: ") and "weight" in out, "beta weight: " + out)

# ---- quoted curve, hand derivations: halfway between 17.2 and 18.4 is 17.8; flat ends ----
curve = ("[0.05,0.13,0.21]", "[17.2,18.4,19.1]")
code, out = call("VIX_FUT_CURVE", 0.09, *curve)
check(code == 0 and close(float(out), 17.8, 1e-12, 1e-14), "midpoint 17.8: " + out)
check(call("VIX_FUT_CURVE", 3, *curve) == (0, "19.100000000000001"), "flat after the last")
check(call("VIX_FUT_CURVE", 0, *curve) == (0, "17.199999999999999"), "flat before the first")
code, out = call("VIX_FUT_CURVE", 0.1, "[0.05,0.2,0.13]", "[17.2,18.4,19.1]")
check(code == 1 and out.startswith("#ERR CURVE: ") and "item 3" in out, "unsorted: " + out)
code, out = call("VIX_FUT_CURVE", 0.1, "[0.05,0.13]", "[17.2,18.4,19.1]")
check(code == 1 and out.startswith("#ERR RANGE_SHAPE: "), "lengths: " + out)

# ---- layer vega: contracts x 100 x (mpmath Black-76 delta) x beta ----
for r in rows("hedge_black76.csv"):
    code, out = call("VIX_LAYER_VEGA", 4, r["forward"], r["strike"], r["years"], r["vol"],
                     r["rate"], 0.4)
    want = 4 * 100 * float(r["delta"]) * 0.4
    check(code == 0 and close(float(out), want, 1e-9, 1e-10), "VIX_LAYER_VEGA %s: %s" % (r, out))
code, out = call("VIX_LAYER_VEGA", 4, 17.5, 19, 0.08, -0.9)
check(code == 1 and out.startswith("#ERR VOL: vol_of_vol") and "got -0.9" in out, "vov: " + out)

# ---- condor VIX vega and coverage (hand derivations in tests/test_hedge.c) ----
code, out = call("CONDOR_VIX_VEGA", "[3.1,-5.2,-4.6,2.4]")
check(code == 0 and close(float(out), -430, 1e-12, 1e-10), "parallel -430: " + out)
code, out = call("CONDOR_VIX_VEGA", "[3.1,-5.2,-4.6,2.4]", 2, 1, "[0.26,0.22,0.13,0.12]", 18)
check(code == 0 and close(float(out), -720, 1e-12, 1e-10), "skewed -720: " + out)
code, out = call("CONDOR_VIX_VEGA", "[3.1,-5.2,-4.6,2.4]", 2, 1, "[0.26,0.22,0.13,0.12]")
check(code == 1 and out.startswith("#ERR MISSING: vix_spot"), "skew needs spot: " + out)
check(call("ALVH_COVERAGE", 700, -1400) == (0, "0.5"), "coverage 0.5")
code, out = call("ALVH_COVERAGE", 700, 0)
check(code == 1 and out.startswith("#ERR VEGA: condor_vega"), "zero condor vega: " + out)

# ---- notional by basis: (5700+6300)/2 x 100 = 600000; (50-12.5) x 100 x 3 = 11250 ----
K = "[5650,5700,6300,6350]"
check(call("ALVH_NOTIONAL", K, 12.5) == (0, "600000"), "short strike notional")
check(call("ALVH_NOTIONAL", K, 12.5, 3, '{"notional_basis":"max_loss"}') == (0, "11250"),
      "max loss notional")
check(call("ALVH_NOTIONAL", K, 12.5, 3, '{"notional_basis":"margin"}') == (0, "15000"),
      "margin notional")

# ---- calibration: 18/11/7 per contract vs 1500: 24/24/12 covers 0.52 (test_hedge.c) ----
code, out = call("ALVH_CALIBRATE", -1500, "[18,11,7]")
v = json.loads(out)[0] if code == 0 else None
check(v and v[:3] == [24, 24, 12] and close(v[3], 0.52, 1e-12, 1e-10), "calibrate 24/24/12: " + out)
code, out = call("ALVH_CALIBRATE", -1000, "[100,50,50]")
check(code == 1 and out.startswith("#ERR NO_SOLUTION: ") and "2/2/1" in out and "0.35" in out,
      "no whole solution is a status: " + out)
code, out = call("ALVH_CALIBRATE", -1500, "[18,11,7]", 0.7)
check(code == 1 and out.startswith("#ERR ARGUMENT: target"), "target off band: " + out)

# ---- schedule and cost against the mpmath schedule ----
sched = rows("hedge_schedule.csv")
cols = ["layer", "expiry", "days", "strike", "contracts", "future", "price", "debit", "delta",
        "beta", "vega", "monthly_cost", "coverage"]
futures = "[[46043,16.9],[46071,18.1],[46099,18.9],[46127,19.5]]"
for case, extra in [("model_rule", []), ("curve_rule", ["", futures])]:
    code, out = call("ALVH_SCHEDULE", 46037, 16, 250000, -1500, *extra)
    got = json.loads(out) if code == 0 else []
    want = [r for r in sched if r["case"] == case]
    check(len(got) == 3 and all(len(g) == 13 for g in got), case + " shape: " + out[:80])
    for g, w in zip(got, want):
        for k, c in enumerate(cols):
            check(close(g[k], float(w[c]), 1e-10, 1e-9),
                  "%s layer %s %s: %r vs %s" % (case, w["layer"], c, g[k], w[c]))
    code, out = call("ALVH_COST", 46037, 16, 250000, -1500, *extra)
    total = sum(float(w["monthly_cost"]) for w in want)
    check(code == 0 and close(float(out), total, 1e-12, 1e-9),
          case + " cost = sum of layers: " + out)
code, out = call("ALVH_SCHEDULE", 46037, 16, 250000, -1500,
                 '{"layers":[{},{"max_days":31}]}')
check(code == 1 and out.startswith("#ERR NO_EXPIRY: layer 2") and "62.4" in out,
      "empty window names the layer: " + out)
code, out = call("ALVH_SCHEDULE", 46037, 16, 250000, -1500, "", "[[46043,16.9],[46071,-1]]")
check(code == 1 and out.startswith("#ERR CURVE: futures: row 2"), "bad quote row: " + out)

# ---- a blank futures block (every cell empty: JSON null, or "" as Calc 7.4 passes empty cells)
# is the omitted argument, bit for bit; a partly filled row stays an error naming futures ----
for name in ("ALVH_SCHEDULE", "ALVH_COST"):
    for policy in ("", '{"sizing":"vega"}'):
        omitted = call(name, 46037, 16, 250000, -1500, policy)
        check(omitted[0] == 0, "%s without futures: %s" % (name, omitted[1][:80]))
        for blank in ("[[null,null],[null,null],[null,null]]", '[["",""],["",null]]',
                      "[null,null]", "[[null]]"):
            got = call(name, 46037, 16, 250000, -1500, policy, blank)
            check(got == omitted, "%s policy %r futures %s equals futures omitted: %s vs %s"
                  % (name, policy, blank, got[1][:60], omitted[1][:60]))
    with_rows = call(name, 46037, 16, 250000, -1500, "", futures)
    padded = futures[:-1] + ',[null,null],["",""]]'
    check(call(name, 46037, 16, 250000, -1500, "", padded) == with_rows,
          name + ": blank rows after the quotes are skipped")
    for partial, row, col in (("[[46043,null],[null,null]]", 1, 2),
                              ('[[null,null],["",16.9]]', 2, 1),
                              ("[[46043,16.9],[46071,null]]", 2, 2)):
        code, out = call(name, 46037, 16, 250000, -1500, "", partial)
        check(code == 1 and out == "#ERR RANGE_VALUE: futures: row %d must hold an expiry date "
              "and a price (numbers), got an empty cell in column %d" % (row, col),
              "%s partly empty %s: %s" % (name, partial, out))

# ---- break-evens: net 12.5 - 450/100 = 8 -> 5692; 3 condors: 12.5 - 1.5 -> 6311 ----
check(call("ALVH_BREAKEVEN", "LOWER", K, 12.5, 450) == (0, "5692"), "lower 5692")
check(call("ALVH_BREAKEVEN", "upper", K, 12.5, 450, 3) == (0, "6311"), "upper 6311")
code, out = call("ALVH_BREAKEVEN", "LOWER", K, 12.5, 1250)
check(code == 1 and out.startswith("#ERR HEDGE_COST: "), "debit = credit: " + out)
code, out = call("ALVH_BREAKEVEN", "MIDDLE", K, 12.5, 450)
check(code == 1 and out.startswith("#ERR SIDE: "), "side: " + out)

# ---- policy errors name the key or the byte offset ----
code, out = call("ALVH_SIZE", 250000, 1, '{"layers":[{"contracts":"4"}]}')
check(code == 1 and out.startswith("#ERR POLICY_TYPE: ") and '"layers.1.contracts"' in out,
      "wrong type names the key: " + out)
code, out = call("ALVH_SIZE", 250000, 1, '{"layer":[]}')
check(code == 1 and out.startswith("#ERR POLICY_KEY: ") and '"layer"' in out, "unknown: " + out)
code, out = call("ALVH_SIZE", 250000, 1, '{"coverage_high":0}')
check(code == 1 and out.startswith("#ERR POLICY_VALUE: ") and '"coverage_high"' in out,
      "range: " + out)
# {"rate" 0}: '0' at offset 8 where ':' belongs
code, out = call("ALVH_SIZE", 250000, 1, '{"rate" 0}')
check(code == 1 and out.startswith("#ERR POLICY_JSON: ") and "byte offset 8" in out,
      "malformed names the offset: " + out)
code, out = call("ALVH_SIZE", 250000, 1, "/no/such/policy.json")
check(code == 1 and out.startswith("#ERR POLICY_FILE: ") and "does not exist" in out,
      "missing file: " + out)

# ---- ALVH_POLICY and `alvh policy` ----
check(call("ALVH_POLICY", "layers.1.contracts") == (0, "4"), "ALVH_POLICY layer 1")
check(call("ALVH_POLICY", "notional_basis") == (0, "short_strike"), "ALVH_POLICY word")
check(call("ALVH_POLICY", "signals.macd_slow") == (0, "26"), "ALVH_POLICY signals")
code, out = call("ALVH_POLICY", "*")
check(code == 0 and json.loads(out)["layers"][2]["contracts"] == 2, "ALVH_POLICY * is JSON")
code, out, _ = run(["policy"])
doc = json.loads(out) if code == 0 else {}
check(doc.get("notional_unit") == 100000 and [l["contracts"] for l in doc["layers"]] == [4, 4, 2]
      and doc["coverage_low"] == 0.4 and doc["signals"]["rsi_level"] == 70,
      "alvh policy prints the default")
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    f.write('{\n  "layers": [{}, {"contracts": 3}],\n  "coverage_target": 0.45\n}\n')
    path = f.name
try:
    check(call("ALVH_POLICY", "layers.2.contracts", path) == (0, "3"), "policy from a file")
    code, out, _ = run(["policy", path])
    check(code == 0 and json.loads(out)["coverage_target"] == 0.45, "alvh policy FILE")
    # `alvh policy` output is itself a policy that reproduces every value
    code, out2, _ = run(["policy", out])
    check(code == 0 and out2 == out, "alvh policy output reads back identically")
finally:
    os.unlink(path)
code, out, _ = run(["policy", '{"layers":[{},{},{},{}]}'])
check(code == 1 and out.startswith("#ERR POLICY_VALUE: ") and "at most 3" in out,
      "alvh policy error: " + out)
code, _, err = run(["policy", "a", "b"])
check(code == 2 and "usage" in err, "alvh policy usage")

sys.exit(report("cli_hedge"))
