#!/usr/bin/env python3
"""CLI checks of `alvh chain`: the tables of the fixtures against the mpmath values of
tests/gen_chain_fixtures.py (chain_groups.csv, chain_strikes.csv, chain_condors.csv,
chain_hedge.csv), the header lines, and the error and usage lines.

usage: cli_chain.py ALVH_BINARY     (run by /usr/bin/python3; standard library only)
"""
import os
import sys
import tempfile

from clicheck import DATA, check, close, report, rows, run

SPX = os.path.join(DATA, "chain_spx_20230914.csv")
VIX = os.path.join(DATA, "chain_vix_20230914.csv")


def table(args):
    code, out, err = run(["chain"] + args)
    lines = out.splitlines()
    head = lines[0].split("\t") if lines else []
    return code, head, [dict(zip(head, l.split("\t"))) for l in lines[1:]], err


def num(text):
    return float(text) if text else None


# The CLI prints 10 significant digits.
def same(got, want, what):
    return check(got is not None and close(got, float(want), 1e-12, 2e-9), "%s: %s vs %s" %
                 (what, got, want))


# ---- one line per expiry and root ----
SUMMARY = ["expiry", "root", "days", "forward", "discount", "atm_iv", "quotes", "rate",
           "div_yield", "pairs", "outliers", "status"]
for name in ("chain_spx_20230914.csv", "chain_spx_20240112.csv", "chain_vix_20230914.csv"):
    code, head, got, _ = table([os.path.join(DATA, name)])
    check(code == 0 and head == SUMMARY, "%s: header %s" % (name, head))
    want = [r for r in rows("chain_groups.csv") if r["file"] == name]
    check(len(got) == len(want), "%s: %d lines" % (name, len(got)))
    for g, w in zip(got, want):
        where = "%s %s %s" % (name, w["expiry"], w["root"])
        check(g["expiry"] == w["expiry"] and g["root"] == w["root"] and
              g["status"] == w["status"], where + ": " + str(g))
        same(num(g["days"]), float(w["years"]) * 365, where + " days")
        if w["status"] != "OK":
            check(g["forward"] == "" and g["atm_iv"] == "", where + ": empty when " + w["status"])
            continue
        for key in ("forward", "discount", "atm_iv", "rate"):
            same(num(g[key]), w[key], where + " " + key)
        check(g["pairs"] == w["pairs"] and g["outliers"] == w["outliers"], where + " pairs")
        if w["root"].startswith("VIX"):
            check(g["div_yield"] == "", where + ": no dividend yield on a future")
        else:
            same(num(g["div_yield"]), w["div_yield"], where + " div_yield")

code, head, got, _ = table([SPX, "--root", "SPXW"])
check(code == 0 and [g["root"] for g in got] == ["SPXW"] * 3, "--root SPXW: %s" % got)

# ---- one expiry's smile ----
SMILE = ["strike", "side", "bid", "ask", "mid", "iv", "delta", "iv_bid", "iv_ask", "cboe_iv",
         "status"]
strikes = rows("chain_strikes.csv")
for expiry, root in (("2023-10-20", "SPXW"), ("2023-11-17", ""), ("2023-09-15", "SPX")):
    args = [SPX, "--expiry", expiry] + (["--root", root] if root else [])
    code, head, got, _ = table(args)
    check(code == 0 and head == SMILE, "smile %s %s: header %s" % (expiry, root, head))
    want = [r for r in strikes if r["file"] == "chain_spx_20230914.csv" and
            r["expiry"] == expiry and (not root or r["root"] == root)]
    check(len(got) == len(want) and len(want) > 20, "smile %s: %d rows" % (expiry, len(got)))
    for g, w in zip(got, want):
        where = "smile %s %s %s" % (expiry, root, w["strike"])
        check(float(g["strike"]) == float(w["strike"]) and g["side"] == w["side"] and
              g["status"] == w["status"], where + ": " + str(g))
        if w["status"] == "OK":
            for key in ("mid", "iv", "delta"):
                same(num(g[key]), w[key], where + " " + key)
        else:
            check(g["iv"] == "" and g["mid"] == "", where + ": no vol when " + w["status"])
        for key in ("iv_bid", "iv_ask"):
            if w["status_" + key[3:]] == "OK":
                same(num(g[key]), w[key], where + " " + key)
        check(num(g["cboe_iv"] or "0") == float(w["cboe_iv"]), where + " cboe_iv")
code, out, err = run(["chain", SPX, "--expiry", "2023-10-20"])
check(code == 1 and out == "" and err.startswith("alvh chain: CHAIN_ROOT: ") and "--root" in err,
      "two roots: " + err)
code, out, err = run(["chain", SPX, "--expiry", "2023-10-21"])
check(code == 1 and "CHAIN_EXPIRY" in err, "no such expiry: " + err)
code, out, err = run(["chain", SPX, "--expiry", "2023-09-14"])
check(code == 1 and "SETTLED" in err, "settled: " + err)
code, out, err = run(["chain", SPX, "--expiry", "20231020"])
check(code == 2 and "YYYY-MM-DD" in err, "bad date: " + err)

# ---- the condor ----
for c in rows("chain_condors.csv"):
    path = os.path.join(DATA, c["file"])
    args = [path, "--condor", "--dte", c["dte"], "--delta", c["short_delta"], "--wing",
            c["wing"]] + (["--root", c["root_arg"]] if c["root_arg"] else [])
    code, out, err = run(["chain"] + args)
    kv = dict(l.split("\t") for l in out.splitlines())
    where = "condor %s dte %s delta %s wing %s %s" % (c["file"], c["dte"], c["short_delta"],
                                                     c["wing"], c["root_arg"])
    check(code == 0 and list(kv)[:2] == ["expiry", "root"], where + ": " + err)
    check(kv.get("expiry") == c["expiry"] and kv.get("root") == c["root"], where + " expiry")
    for key in ("short_put", "long_put", "short_call", "long_call"):
        check(float(kv.get(key, "nan")) == float(c[key]), where + " " + key)
    for key in ("credit_mid", "credit_natural", "max_loss", "max_loss_natural",
                "breakeven_lower", "breakeven_upper", "delta", "gamma", "vega", "theta"):
        same(num(kv.get(key)), c[key], where + " " + key)
    check(float(kv["put_wing"]) == float(c["short_put"]) - float(c["long_put"]), where + " wing")
code, out, err = run(["chain", SPX, "--condor", "--dte", "35", "--delta", "0.16"])
check(code == 2 and "--wing" in err and "usage:" in err, "condor without wing: " + err)
code, out, err = run(["chain", SPX, "--condor", "--dte", "35", "--delta", "0.7", "--wing", "50"])
check(code == 1 and "SHORT_DELTA" in err, "delta 0.7: " + err)

# ---- the quote-priced hedge ----
HEDGE = ["layer", "expiry", "days", "strike", "contracts", "future", "price", "debit", "delta",
         "beta", "vega", "monthly_cost", "coverage", "bid", "ask", "iv", "rate"]
hedge = rows("chain_hedge.csv")
for case, which in (("mid", "mid"), ("ask", "ask")):
    code, out, err = run(["chain", VIX, "--hedge", "--notional", "250000", "--condor-vega",
                          "-1500", "--price", which])
    lines = out.splitlines()
    check(code == 0 and lines and lines[0].split("\t") == HEDGE, "hedge %s: %s" % (case, err))
    want = [r for r in hedge if r["case"] == case]
    got = [dict(zip(HEDGE, l.split("\t"))) for l in lines[1:4]]
    total = 0.0
    for g, w in zip(got, want):
        where = "hedge %s layer %s" % (case, w["layer"])
        check(g["expiry"] == "2023-%s" % {"1": "10-18", "2": "11-15", "3": "12-20"}[g["layer"]],
              where + " expiry " + g["expiry"])
        for key, wkey in (("days", "days"), ("strike", "strike"), ("contracts", "contracts"),
                          ("future", "future"), ("price", "price"), ("debit", "debit"),
                          ("delta", "delta"), ("beta", "beta"), ("vega", "vega"),
                          ("monthly_cost", "monthly_cost"), ("coverage", "coverage"),
                          ("bid", "bid"), ("ask", "ask"), ("iv", "vol"), ("rate", "rate")):
            same(num(g[key]), w[wkey], where + " " + key)
        total += float(w["monthly_cost"])
    tot = dict(zip(HEDGE, lines[4].split("\t"))) if len(lines) > 4 else {}
    check(tot.get("layer") == "total", "hedge %s: total line" % case)
    same(num(tot.get("monthly_cost")), total, "hedge %s total monthly cost" % case)
    check(len(lines) > 5 and lines[5] == "# monthly cost on the quotes: %.4f%% of notional per "
          "month" % (100 * total), "hedge %s: cost line %s" % (case, lines[5:]))
code, out, err = run(["chain", SPX, "--hedge", "--notional", "250000", "--condor-vega", "-1500"])
check(code == 1 and err.startswith("alvh chain: CHAIN_EXPIRY: layer 1"), "SPX chain: " + err)
code, out, err = run(["chain", VIX, "--hedge", "--notional", "250000"])
check(code == 2 and "--condor-vega" in err, "hedge without condor vega: " + err)
code, out, err = run(["chain", VIX, "--hedge", "--notional", "250000", "--condor-vega", "-1500",
                      "--price", "last"])
check(code == 2 and "--price mid or --price ask" in err, "price last: " + err)
# VIX futures from a market file: the quote date's row, fut_N N days ahead.
with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
    f.write("date,spx,vix,fut_30,fut_60,fut_90,fut_120\n"
            "2023-09-13,4467,13.5,15.3,16.4,17.1,17.7\n"
            "2023-09-14,4505,13.48,15.4,16.5,17.2,17.8\n")
code, out, err = run(["chain", VIX, "--hedge", "--notional", "250000", "--condor-vega", "-1500",
                      "--futures", f.name])
os.unlink(f.name)
lines = out.splitlines()
fut = [float(l.split("\t")[5]) for l in lines[1:4]] if code == 0 and len(lines) > 3 else []
# Layer 1 expires 33.718 days after the quote time (16:16); fut_30 sits (30 - 976/1440) days
# after it, fut_60 (60 - 976/1440): linear between them, 15.4 + 1.1 x 4.3958/30 = 15.5612.
check(len(fut) == 3 and abs(fut[0] - (15.4 + 1.1 * (33.718055555555556 - 30 + 976 / 1440) /
                                      30)) < 1e-8, "futures curve: %s %s" % (fut, err))

# ---- reading errors and usage ----
code, out, err = run(["chain", os.path.join(DATA, "no_such.csv")])
check(code == 1 and "DATA_FORMAT" in err and "no_such.csv" in err, "missing file: " + err)
with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
    f.write(open(SPX).read().replace("4505.92", "4505.92", 1).replace(
        "Fri Oct 20 2023,SPX231020C04150000,379.8", "Fri Oct 20 2023,SPX231020C04150000,x"))
code, out, err = run(["chain", f.name])
os.unlink(f.name)
check(code == 1 and "CHAIN_VALUE" in err and ", column 3 (Last Sale): \"x\" is not a number"
      in err, "bad number: " + err)
code, out, err = run(["chain"])
check(code == 2 and "usage: alvh chain FILE" in err, "no file: " + err)
code, out, err = run(["chain", "--help"])
check(code == 0 and "--hedge" in out, "help")
code, out, err = run(["chain", SPX, "--bogus"])
check(code == 2 and "unexpected argument" in err, "bogus: " + err)

# ---- the output blocks of docs/chains.md are what the CLI prints ----
DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "chains.md")
ROOT = os.path.dirname(DOC) + "/.."
text = open(DOC, encoding="utf-8").read()
blocks = text.split("<!-- chain-output:begin ")[1:]
check(len(blocks) == 2, "docs/chains.md has %d output blocks" % len(blocks))
for block in blocks:
    command, rest = block.split(" -->\n", 1)
    shown = rest.split("<!-- chain-output:end -->")[0].strip().strip("`").strip("\n")
    args = [a if not a.startswith("tests/") else os.path.join(ROOT, a) for a in command.split()]
    code, out, err = run(args)
    check(code == 0 and out.rstrip("\n") == shown, "docs/chains.md block `alvh %s` is stale: run "
          "it and paste its output" % command)

sys.exit(report("cli_chain"))
