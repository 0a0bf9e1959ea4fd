#!/usr/bin/env python3
"""The chain table functions on a chain given as a spreadsheet range (issue 17): CHAIN_SUMMARY,
CHAIN_SMILE and CHAIN_CONDOR on each fixture quotedata.csv laid out as Calc shows the file
(rows = lines, numbers as numbers, the first line's blank row left out as a user selecting the
data would), against
  - the values tests/gen_chain_fixtures.py computed with mpmath (tests/data/chain_groups.csv,
    chain_strikes.csv, chain_condors.csv), to the tolerances of test_chain.c;
  - `alvh chain FILE` on the file itself (the same reader: the same numbers to the 10 digits
    the CLI prints);
  - Calc's import turning an expiration into a date: the same results;
and the range-form errors name the row (= the file's line) and the column.

usage: cli_chain_range.py ALVH_BINARY
"""
import csv
import datetime
import json
import os
import subprocess
import sys

from clicheck import Checks

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
FIXTURES = ["chain_spx_20230914.csv", "chain_spx_20240112.csv", "chain_vix_20230914.csv"]
EPOCH = datetime.date(1899, 12, 30)


def serial(iso):
    return float((datetime.date.fromisoformat(iso) - EPOCH).days)


def cell(field):
    """A CSV field as Calc's import (US English) gives it: a number, or text."""
    try:
        return float(field)
    except ValueError:
        return field


def as_range(path, dates=False):
    """The file as a rectangular range: blank leading lines dropped, rows padded with "".
    dates: the expiration column as date serials (Calc recognising "Fri Oct 20 2023")."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = [[cell(x) for x in r] for r in csv.reader(f)]
    while rows and not any(x != "" for x in rows[0]):
        rows.pop(0)
    if dates:
        for r in rows[3:]:
            r[0] = float((datetime.datetime.strptime(r[0], "%a %b %d %Y").date() - EPOCH).days)
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def call(alvh, name, *args):
    line = name + "\t" + "\t".join(a if isinstance(a, str) else json.dumps(a) for a in args)
    out = subprocess.run([alvh, "call", "--batch"], input=line + "\n", capture_output=True,
                         text=True).stdout.strip()
    if out.startswith("["):
        return json.loads(out)
    try:
        return float(out)
    except ValueError:
        return out


def golden(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def close(a, b, rel=0.0, abs_=0.0):
    """|a - b| within abs_ or rel x |b| (test_chain.c's tolerances); None is never close."""
    return a is not None and b is not None and abs(a - b) <= max(abs_, rel * abs(b))


def cli_table(alvh, args):
    out = subprocess.run([alvh, "chain"] + args, capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"))) for ln in lines[1:]]


def num(text):
    return float(text) if text not in ("", None) else None


def check_summary(alvh, checks, fx, rng):
    got = call(alvh, "CHAIN_SUMMARY", rng)
    if not isinstance(got, list):
        checks.check(False, f"{fx}: CHAIN_SUMMARY: {got}")
        return
    truth = [g for g in golden("chain_groups.csv") if g["file"] == fx]
    checks.check(len(got) == len(truth), f"{fx}: one row per expiry and root "
                 f"({len(got)} rows, the generator {len(truth)})")
    cols = ["expiry", "root", "days", "forward", "discount", "atm_iv", "quotes", "rate",
            "div_yield", "pairs", "outliers", "status"]
    for row, t in zip(got, truth):
        r = dict(zip(cols, row))
        where = f"{fx} {t['expiry']} {t['root']}"
        checks.check(r["expiry"] == serial(t["expiry"]) and r["root"] == t["root"] and
                     r["status"] == t["status"], f"{where}: expiry, root, status {r['status']}")
        checks.check(close(r["days"] / 365.0, float(t["years"]), 0, 1e-12),
                     f"{where}: days {r['days']}")
        if t["status"] != "OK":
            checks.check(r["forward"] is None and r["discount"] is None,
                         f"{where}: no forward when {t['status']}")
            continue
        checks.check(close(r["forward"], float(t["forward"]), 1e-11) and
                     close(r["discount"], float(t["discount"]), 0, 1e-11),
                     f"{where}: forward {r['forward']} and discount {r['discount']} (mpmath "
                     f"{t['forward']}, {t['discount']})")
        checks.check(close(r["rate"], float(t["rate"]), 0, 1e-8) and
                     close(r["atm_iv"], float(t["atm_iv"]), 0, 1e-10) and
                     r["pairs"] == float(t["pairs"]) and r["outliers"] == float(t["outliers"]),
                     f"{where}: rate, at-the-money vol, pairs and outliers")
        if t["root"] not in ("VIX", "VIXW"):  # options on a future: no dividend yield
            checks.check(close(r["div_yield"], float(t["div_yield"]), 0, 1e-8),
                         f"{where}: dividend yield")
    # The same reader as `alvh chain FILE`: the CLI's 10 digits.
    printed = cli_table(alvh, [os.path.join(DATA, fx)])
    same = len(printed) == len(got) and all(
        (num(p["forward"]) is None) == (r[3] is None) and
        (r[3] is None or close(r[3], num(p["forward"]), 1e-9)) and p["status"] == r[11]
        for p, r in zip(printed, got))
    checks.check(same, f"{fx}: CHAIN_SUMMARY on the range = `alvh chain` on the file")


def check_smiles(alvh, checks, fx, rng):
    truth = [s for s in golden("chain_strikes.csv") if s["file"] == fx]
    groups = sorted({(s["expiry"], s["root"]) for s in truth})
    for expiry, root in groups:
        got = call(alvh, "CHAIN_SMILE", rng, repr(serial(expiry)), root)
        want = [s for s in truth if s["expiry"] == expiry and s["root"] == root]
        where = f"{fx} {expiry} {root}"
        if not isinstance(got, list) or len(got) != len(want):
            checks.check(False, f"{where}: CHAIN_SMILE: {str(got)[:200]}")
            continue
        bad = []
        for g, w in zip(got, want):
            ok = g[0] == float(w["strike"]) and g[1] == w["side"] and g[10] == w["status"]
            if w["status"] == "OK":
                ok = ok and close(g[5], float(w["iv"]), 0, 1e-9) and \
                    close(g[6], float(w["delta"]), 0, 1e-9)
            else:
                ok = ok and g[5] is None
            if not ok:
                bad.append((w["strike"], g[5], w["iv"]))
        checks.check(not bad, f"{where}: every strike's side, status, vol and delta equal "
                     f"mpmath's ({len(want)} strikes; differing {bad[:3]})")


def check_condors(alvh, checks, fx, rng):
    for t in (t for t in golden("chain_condors.csv") if t["file"] == fx):
        args = [t["dte"], t["short_delta"], t["wing"]] + ([t["root_arg"]] if t["root_arg"] else [])
        got = call(alvh, "CHAIN_CONDOR", rng, *args)
        where = f"{fx} condor dte {t['dte']} delta {t['short_delta']} {t['root_arg']}"
        if not isinstance(got, list):
            checks.check(False, f"{where}: {got}")
            continue
        kv = dict((k, v) for k, v in got)
        keys = ["long_put", "short_put", "short_call", "long_call", "credit_mid",
                "credit_natural", "max_loss", "max_loss_natural", "delta", "gamma", "vega",
                "theta"]
        checks.check(kv["expiry"] == serial(t["expiry"]) and kv["root"] == t["root"] and
                     all(close(kv[k], float(t[k]), 1e-9, 1e-9) for k in keys),
                     f"{where}: strikes, credits, max losses and greeks equal mpmath's")


def main():
    alvh = sys.argv[1]
    checks = Checks()
    for fx in FIXTURES:
        rng = as_range(os.path.join(DATA, fx))
        check_summary(alvh, checks, fx, rng)
        check_smiles(alvh, checks, fx, rng)
        check_condors(alvh, checks, fx, rng)
        dated = as_range(os.path.join(DATA, fx), dates=True)
        checks.check(call(alvh, "CHAIN_SUMMARY", dated) == call(alvh, "CHAIN_SUMMARY", rng),
                     f"{fx}: expirations Calc turned into dates give the same summary")
    # Errors name the row (the file's line) and the column; a root the chain lacks is named.
    rng = as_range(os.path.join(DATA, FIXTURES[0]))
    rng[5][4] = "abc"
    out = call(alvh, "CHAIN_SUMMARY", rng)
    checks.check(isinstance(out, str) and out.startswith("#ERR CHAIN_VALUE: chain: row 6, column 5 "
                                                         "(Bid)") and '"abc"' in out,
                 "a bad cell: the row and the column: " + str(out))
    out = call(alvh, "CHAIN_SUMMARY", as_range(os.path.join(DATA, FIXTURES[0])), "NDX")
    checks.check(isinstance(out, str) and out.startswith("#ERR CHAIN_ROOT") and "NDX" in out,
                 "an absent root is named: " + str(out))
    out = call(alvh, "CHAIN_SUMMARY", [["", ""], ["", ""]])
    checks.check(isinstance(out, str) and out.startswith("#ERR MISSING: chain is required"),
                 "a blank range: " + str(out))
    # One strike's pair, against the formulas written out (docs/chains.md section 3).
    import math
    f = call(alvh, "PARITY_FORWARD", "83.95", "69.15", "4500", "0.99553")
    want = 4500 + (83.95 - 69.15) / 0.99553
    checks.check(isinstance(f, float) and abs(f - want) <= 1e-12 * want,
                 f"PARITY_FORWARD = K + (C - P) / D: {f}, {want}")
    v = call(alvh, "CONVERSION", "10", "5", "100", "100", "1", "0.05", "0.02")
    want = 100 * math.exp(-0.05) - 100 * math.exp(-0.02) + 10 - 5
    checks.check(isinstance(v, float) and abs(v - want) <= 1e-12,
                 f"CONVERSION = K e^-rT - S e^-qT + C - P: {v}, {want}")
    out = call(alvh, "PARITY_FORWARD", "1", "200", "100", "0.99")
    checks.check(isinstance(out, str) and "forward of -101.0101" in out,
                 "a pair implying no positive forward: " + str(out))
    return checks.report("cli_chain_range")


if __name__ == "__main__":
    sys.exit(main())
