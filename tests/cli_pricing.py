#!/usr/bin/env python3
"""The pricing functions through the alvh CLI (the same table the Calc add-in calls).

Expected values: tests/data/pricing_golden.csv (mpmath, 50+ digits; tests/gen_pricing_golden.py).
The CLI's 17-significant-digit output is compared with it: prices and greeks to 1e-12 relative
or 1e-14 absolute; implied vols to 1e-13 relative plus the information limit 8 kappa u
(kappa = price / (vol dV/dvol), u = 2^-53); BS_STRIKE by the round trip through BS_GREEK delta.
Errors: status names and the argument named in the sentence.
usage: cli_pricing.py ALVH_BINARY
"""
import sys

import clicheck
from clicheck import check, close, report

GREEKS = ["delta", "gamma", "vega", "theta", "rho", "vanna", "volga"]
U = 2.0 ** -53
clicheck.fail_print_limit = 40


def batch(lines):
    return clicheck.batch(lines, timeout=300)[1]


rows = clicheck.rows("pricing_golden.csv", comments=True)
sample = rows[::3]

# ---- prices and greeks ------------------------------------------------------------------------
lines, expect = [], []
for r in sample:
    args = [r["type"], r["underlying"], r["strike"], r["years"], r["vol"], r["rate"]]
    if r["model"] == "BSM":
        args.append(r["div_yield"])
    name = "BS" if r["model"] == "BSM" else "B76"
    lines.append("\t".join([name + "_PRICE"] + args))
    expect.append((float(r["price"]), "%s price %s" % (name, args)))
    for g in GREEKS:
        lines.append("\t".join([name + "_GREEK", g] + args))
        expect.append((float(r[g]), "%s %s %s" % (name, g, args)))
out = batch(lines)
for line, (want, what) in zip(out, expect):
    try:
        got = float(line)
    except ValueError:
        check(False, "%s: %s" % (what, line))
        continue
    check(close(got, want, 1e-14, 1e-12), "%s: got %r want %r" % (what, got, want))

# ---- implied vol ----------------------------------------------------------------------------------
lines, expect = [], []
for r in sample:
    price, vega, vol = float(r["price"]), float(r["vega"]) * 100.0, float(r["vol"])
    if not price > 1e-300 or not vega > 0:
        continue
    kappa = price / (vega * vol)
    if kappa > 100.0:
        continue
    if r["model"] == "BSM":
        lines.append("\t".join(["BS_IV", r["type"], r["price"], r["underlying"], r["strike"],
                                r["years"], r["rate"], r["div_yield"]]))
    else:
        lines.append("\t".join(["B76_IV", r["type"], r["price"], r["underlying"], r["strike"],
                                r["years"], r["rate"]]))
    expect.append((vol, 1e-13 + 8 * kappa * U, lines[-1]))
out = batch(lines)
check(len(expect) > 800, "IV cases: %d" % len(expect))
for line, (want, tol, what) in zip(out, expect):
    try:
        got = float(line)
    except ValueError:
        check(False, "%s: %s" % (what, line))
        continue
    check(close(got, want, 0.0, tol), "%s: got %r want %r" % (what, got, want))

# ---- strike from delta, round trip through BS_GREEK delta ---------------------------------------
cases = []
for kind, delta in (("P", "-0.16"), ("P", "0.16"), ("C", "0.25"), ("C", "0.05"), ("P", "-0.45"),
                    ("put", "-0.1"), ("CALL", "0.5"), ("-1", "-0.2"), ("1", "0.3")):
    for (spot, years, vol, rate, div) in (("5000", "0.0822", "0.18", "0.045", "0.013"),
                                          ("100", "1", "0.6", "0.01", "0"),
                                          ("4321.5", "0.0027", "0.12", "0.05", "0.015")):
        cases.append((kind, delta, spot, years, vol, rate, div))
out = batch(["\t".join(["BS_STRIKE"] + list(c)) for c in cases])
strikes = []
for c, line in zip(cases, out):
    try:
        strikes.append(float(line))
    except ValueError:
        check(False, "BS_STRIKE %s: %s" % (c, line))
        strikes.append(None)
lines = []
for c, k in zip(cases, strikes):
    if k is not None:
        kind, delta, spot, years, vol, rate, div = c
        lines.append("\t".join(["BS_GREEK", "delta", kind, spot, repr(k), years, vol, rate, div]))
back = iter(batch(lines))
for c, k in zip(cases, strikes):
    if k is None:
        continue
    kind, delta = c[0], float(c[1])
    want = -abs(delta) if kind.upper() in ("P", "PUT", "-1") else delta
    got = float(next(back))
    check(abs(got - want) <= 1e-12, "BS_STRIKE round trip %s: delta %r want %r" % (c, got, want))
check(strikes[0] == strikes[3], "a put delta signed or as magnitude gives one strike")

# ---- option type spellings agree ----------------------------------------------------------------
out = batch(["BS_PRICE\t%s\t100\t95\t0.5\t0.3\t0.02\t0.01" % t for t in ("C", "c", "CALL", "call",
                                                                        "1", "P", "PUT", "-1")])
check(len(set(out[:5])) == 1 and len(set(out[5:])) == 1 and out[0] != out[5],
      "C/c/CALL/call/1 and P/PUT/-1 spell the same options: %s" % out)

# ---- errors ------------------------------------------------------------------------------------
errors = [
    ("BS_PRICE\tC\t100\t100\t1\t-0.2", "#ERR VOL: ", "got -0.2"),
    ("BS_PRICE\tP\t100\t0\t1\t0.2", "#ERR STRIKE: ", "got 0"),
    ("BS_PRICE\tX\t100\t100\t1\t0.2", "#ERR OPTION_TYPE: ", "\"X\""),
    ("BS_PRICE\tC\t-5\t100\t1\t0.2", "#ERR SPOT: ", "got -5"),
    ("BS_PRICE\tC\t100\t100\t-1\t0.2", "#ERR YEARS: ", "got -1"),
    ("BS_PRICE\tC\t100\t100\t1\t0.2\tnan", "#ERR RATE: ", ""),
    ("BS_PRICE\tC\t100\t100\t1\t0.2\t0\tinf", "#ERR DIV_YIELD: ", ""),
    ("BS_PRICE\tC\t100\t100\t1\tabc", "#ERR ARG_TYPE: ", "vol"),
    ("BS_PRICE\tC\t100\t100\t1", "#ERR MISSING: ", "vol"),
    ("BS_GREEK\tcharm\tC\t100\t100\t1\t0.2", "#ERR GREEK: ", "\"charm\""),
    ("B76_PRICE\tC\t0\t20\t1\t0.9", "#ERR FORWARD: ", "got 0"),
    ("B76_GREEK\tvega\tP\t20\t0\t1\t0.9", "#ERR STRIKE: ", "got 0"),
    ("BS_IV\tC\t1\t100\t90\t1", "#ERR BELOW_INTRINSIC: ",
     "price 1 is below the option's intrinsic value 10 (discounted)"),
    ("BS_IV\tC\t100\t100\t90\t1", "#ERR ABOVE_MAXIMUM: ", "maximum value 100"),
    ("B76_IV\tP\t24\t20\t25\t1\t0.05", "#ERR ABOVE_MAXIMUM: ", "(the discounted strike)"),
    ("B76_IV\tC\t5\t20\t15\t0", "#ERR NO_TIME_VALUE: ", "years is 0"),
    ("B76_IV\tC\t5\t20\t15\t1", "#ERR NO_TIME_VALUE: ", "no time value over the intrinsic"),
    ("B76_IV\tP\t-1\t20\t15\t1", "#ERR PRICE: ", "got -1"),
    ("BS_STRIKE\tC\t1.5\t100\t1\t0.2", "#ERR DELTA: ", "between 0 and 1 (e^(-div_yield*years)) "
     "for a call, got 1.5"),
    ("BS_STRIKE\tP\t-0.99\t100\t1\t0.2\t0\t0.02", "#ERR DELTA: ",
     "between -0.980198673306755 and 0 for a put"),
    ("BS_STRIKE\tC\t-0.2\t100\t1\t0.2", "#ERR DELTA: ", "got -0.2"),
    ("BS_STRIKE\tP\t0.2\t100\t0\t0.2", "#ERR YEARS: ", "got 0"),
]
out = batch([e[0] for e in errors])
for (call, prefix, needle), line in zip(errors, out):
    check(line.startswith(prefix) and needle in line, "%s -> %s (want %s...%s)" % (call, line,
                                                                                 prefix, needle))

# ---- degenerate inputs ----------------------------------------------------------------------------
out = batch(["BS_PRICE\tC\t105\t100\t0\t0.2", "BS_GREEK\tdelta\tP\t100\t100\t0\t0.2",
             "B76_PRICE\tC\t20\t0\t1\t0.5\t0", "BS_GREEK\tgamma\tC\t105\t100\t0\t0.2"])
check(out == ["5", "-0.5", "20", "0"], "degenerate: %s" % out)

sys.exit(report("cli_pricing"))
