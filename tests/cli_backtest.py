#!/usr/bin/env python3
"""CLI checks for `alvh market`, `alvh backtest` and ALVH_BACKTEST / ALVH_BACKTEST_SUMMARY.

usage: cli_backtest.py ALVH_BINARY
Expected values: the accounting identities and measures are recomputed here from the daily CSV
by their definitions (docs/backtest.md); errors must name the status and the file's row (line).
tests/data/market_*.csv were written by `alvh market` (commands in docs/backtest.md): comparing
them is a determinism/regression check of the seeded generator, not a correctness check.
"""
import csv
import datetime
import io
import json
import math
import os
import sys
import tempfile

import clicheck
from clicheck import DATA, check, report


def run(args, stdin=None):
    return clicheck.run(args, stdin, timeout=120)


def close(a, b, tol):
    """|a - b| <= tol * max(1, |b|): relative above 1, absolute below."""
    return clicheck.close(a, b, tol, tol)


def summary(text):
    out = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, value = line.split()
        out[name] = float("nan") if value == "n/a" else float(value)
    return out


tmp = tempfile.mkdtemp(prefix="alvh_cli_backtest_")


def write(name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# ---- alvh market -------------------------------------------------------------------------------
for preset, days in (("crash2020", 80), ("bear2022", 60)):
    code, out, err = run(["market", preset, "--days", str(days)])
    with open(os.path.join(DATA, f"market_{preset}_{days}.csv"), encoding="utf-8") as f:
        committed = f.read()
    check(code == 0 and out == committed, f"market {preset} --days {days} reproduces the committed "
          f"data set (same seed, same series): {err}")
code, out, _ = run(["market", "calm", "--days", "30"])
rows = list(csv.DictReader(io.StringIO(out)))
check(code == 0 and len(rows) == 30, "calm --days 30 writes 30 rows")
check(list(rows[0].keys()) == ["date", "spx", "vix", "fut_30", "fut_60", "fut_90", "fut_120",
                               "fut_150", "fut_180", "advancers", "decliners"], "market header")
check(all(int(r["advancers"]) + int(r["decliners"]) == 500 for r in rows), "breadth sums to 500")
a = run(["market", "calm", "--days", "20", "--seed", "7"])[1]
b = run(["market", "calm", "--days", "20", "--seed", "7"])[1]
c = run(["market", "calm", "--days", "20", "--seed", "8"])[1]
check(a == b and a != c, "same seed same series, another seed another series")
for bad in (["market"], ["market", "bull"], ["market", "calm", "--days", "1"],
            ["market", "calm", "--days", "ten"], ["market", "calm", "--seed", "-3"],
            ["market", "calm", "--oops"]):
    code, out, err = run(bad)
    check(code == 2 and out == "" and err, f"usage error {bad}: exit {code}")

# ---- alvh backtest on the committed crash -----------------------------------------------------
crash = os.path.join(DATA, "market_crash2020_80.csv")
daily = os.path.join(tmp, "daily.csv")
code, out, err = run(["backtest", crash, "--daily", daily])
check(code == 0, f"backtest crash2020_80: exit {code} {err}")
s = summary(out)
check(s.get("rows") == 80, "80 rows")
check(s.get("high_vix_days", 0) > 0 and s.get("spike_days", 0) > 0, "the crash has high-VIX and "
      "spike days")
with open(daily, encoding="utf-8") as f:
    d = list(csv.DictReader(f))
with open(crash, encoding="utf-8") as f:
    src = list(csv.DictReader(f))
check(len(d) == 80 and [r["date"] for r in d] == [r["date"] for r in src], "daily rows = input")
capital = 100000.0
bad_id = 0
peak = [capital, capital]
mdd = [0.0, 0.0]
for r in d:
    x = {k: float(v) for k, v in r.items() if k not in ("date", "condor_expiry", "layer1_expiry",
                                                        "layer2_expiry", "layer3_expiry")
         and v != ""}
    # Dollar identities to 1e-9 of capital: the CSV holds 15 significant digits.
    eps = 1e-9 * capital
    if abs(x["equity_unhedged"] - (x["cash_unhedged"] + x["condor_mark"])) > eps:
        bad_id += 1
    if abs(x["equity_hedged"] - (x["cash_hedged"] + x["condor_mark"] + x["hedge_mark"])) > eps:
        bad_id += 1
    if abs(x["hedge_pnl"] - (x["equity_hedged"] - x["equity_unhedged"])) > eps:
        bad_id += 1
    for j, key in enumerate(("equity_unhedged", "equity_hedged")):
        peak[j] = max(peak[j], x[key])
        dd = x[key] / peak[j] - 1
        mdd[j] = min(mdd[j], dd)
        dkey = "drawdown_" + key.split("_")[1]
        if not close(x[dkey], dd, 1e-12) or x[dkey] > 0:
            bad_id += 1
check(bad_id == 0, f"identities and drawdowns on every daily row ({bad_id} bad)")
last = {k: float(v) for k, v in d[-1].items() if k in ("equity_unhedged", "equity_hedged")}
check(close(s["total_return_unhedged"], last["equity_unhedged"] / capital - 1, 1e-9),
      "total return unhedged from the last row")
check(close(s["total_return_hedged"], last["equity_hedged"] / capital - 1, 1e-9),
      "total return hedged from the last row")
check(close(s["max_drawdown_unhedged"], mdd[0], 1e-9) and close(s["max_drawdown_hedged"], mdd[1],
                                                                 1e-9), "max drawdowns")

# The policy changes the run; a bad policy is an error naming the key.
code, out2, _ = run(["backtest", crash, "--policy", '{"backtest": {"take_profit": 0}}'])
check(code == 0 and out2 != out, "a policy changes the result")
pfile = write("p.json", '{"backtest": {"take_profit": 0}}')
code, out3, _ = run(["backtest", crash, "--policy", pfile])
check(code == 0 and out3.split("\n", 1)[1] == out2.split("\n", 1)[1], "policy from a file")
code, out, err = run(["backtest", crash, "--policy", '{"backtest": {"nope": 1}}'])
check(code == 1 and "POLICY_KEY" in err and "backtest.nope" in err, "unknown key: " + err)

# ---- bad data names the row (the file's line) ------------------------------------------------
lines = open(os.path.join(DATA, "market_bear2022_60.csv"), encoding="utf-8").read().splitlines()
header, body = lines[0], lines[1:]


def with_rows(rows):
    return "\n".join([header] + rows) + "\n"


def edit(row, col, value):
    rows = list(body)
    f = rows[row - 2].split(",")
    f[col] = value
    rows[row - 2] = ",".join(f)
    return rows


cases = [
    ("unsorted", body[:4] + [body[5], body[4]] + body[6:], "DATA_ORDER", "row 7: date"),
    ("repeated date", body[:5] + [body[4]] + body[6:], "DATA_ORDER", "row 7: date"),
    ("missing days", body[:10] + body[20:], "DATA_GAP", "row 12: "),
    ("zero spx", edit(9, 1, "0"), "DATA_VALUE", "row 9: spx must be a positive price, got 0"),
    ("negative vix", edit(15, 2, "-12.5"), "DATA_VALUE",
     "row 15: vix must be a positive level, got -12.5"),
    ("text", edit(4, 1, "abc"), "DATA_VALUE", "row 4: spx \"abc\" is not a number"),
    ("empty cell", edit(6, 2, ""), "DATA_VALUE", "row 6: vix is missing"),
    ("bad date", edit(3, 0, "2022-13-01"), "DATA_VALUE", "row 3: date \"2022-13-01\" is not a date"),
    ("zero future", edit(8, 4, "0"), "DATA_VALUE", "row 8: fut_60 must be a positive price"),
    ("short row", body[:2] + [body[2].rsplit(",", 1)[0]] + body[3:], "DATA_FORMAT",
     "row 4 has 10 columns, the header has 11"),
    ("blank line", body[:3] + [""] + body[3:], "DATA_FORMAT", "row 5 is empty"),
]
for name, rows, status, text in cases:
    path = write(name.replace(" ", "_") + ".csv", with_rows(rows))
    code, out, err = run(["backtest", path])
    check(code == 1 and status in err and text in err and out == "",
          f"{name}: want {status} '{text}', got exit {code}: {err.strip()}")
for name, content, text in [
    ("unknown column", "date,spx,vix,foo\n2024-01-08,1,1,1\n", "unknown column \"foo\""),
    ("no vix", "date,spx\n2024-01-08,1\n", "the header needs date, spx and vix"),
    ("empty file", "", "is empty"),
    ("one row", "date,spx,vix\n2024-01-08,4700,14\n", "at least 2 rows"),
]:
    code, out, err = run(["backtest", write(name.replace(" ", "_") + ".csv", content)])
    check(code == 1 and text in err, f"{name}: exit {code}: {err.strip()}")
code, out, err = run(["backtest", write("case.csv", "Date,SPX,Vix\r\n2024-01-08,4700,14\r\n"
                                        "2024-01-09,4690,15\r\n")])
check(code == 0 and summary(out).get("rows") == 2, "header names in any case, CRLF lines: " + err)
code, _, err = run(["backtest", os.path.join(tmp, "missing.csv")])
check(code == 1 and "cannot open" in err, "missing file: " + err)
for bad in (["backtest"], ["backtest", crash, "--nope"], ["backtest", crash, "--policy"]):
    code, out, err = run(bad)
    check(code == 2 and err, f"usage error {bad}: exit {code}")

# ---- the table functions through the CLI agree with `alvh backtest` --------------------------
dates = "[45299,45300,45301,45302,45303,45306,45307,45308]"
spx = "[4700,4690,4620,4455,4450,4500,4540,4560]"
vix = "[14,15,19,31.5,32,27,24,22]"
plain = write("plain.csv", "date,spx,vix\n" + "\n".join(
    f"{dt},{sp},{vx}" for dt, sp, vx in zip(eval(dates), eval(spx), eval(vix))) + "\n")
code, out, err = run(["backtest", plain])
s = summary(out)
check(code == 0, "plain CSV: " + err)
code, out, _ = run(["call", "ALVH_BACKTEST_SUMMARY", dates, spx, vix])
check(code == 0 and out.startswith('[["rows",8]'), "ALVH_BACKTEST_SUMMARY: " + out[:60])
if code == 0:
    table = json.loads(out)
    agree = all((v is None and math.isnan(s[k])) or (v is not None and close(v, s[k], 1e-9))
                for k, v in table)
    check(agree and len(table) == len(s), "the function's summary equals `alvh backtest`'s")
code, out, _ = run(["call", "ALVH_BACKTEST", dates, spx, vix])
check(code == 0 and len(json.loads(out)) == 8 and len(json.loads(out)[0]) == 10,
      "ALVH_BACKTEST: 8 rows x 10 columns")
code, out, _ = run(["call", "ALVH_BACKTEST", dates, spx, "[14,15]"])
check(code == 1 and out.startswith("#ERR RANGE_SHAPE"), "mismatched lengths: " + out)
code, out, _ = run(["call", "ALVH_BACKTEST", dates, '[4700,"x",4620,4455,4450,4500,4540,4560]',
                    vix])
check(code == 1 and out.startswith('#ERR RANGE_VALUE: spx: row 2 of the range (2024-01-09) holds '
                                   'text "x": paste a number there, or delete the row (the 1 row '
                                   'before it: a backtest needs at least 2 rows'), "text cell: " + out)
# A blank cell later in a column (a holiday row, a bad paste): the rows before it are the
# backtest of the rows cut there, the rest have no value, and stderr names the row and its date;
# the summary refuses (a summary of part of the rows would mislead).
gapped_vix = "[14,15,19,31.5,null,27,24,22]"
code, out, err = run(["call", "ALVH_BACKTEST", dates, spx, gapped_vix])
_, cut, _ = run(["call", "ALVH_BACKTEST", dates[:dates.index(",45303")] + "]",
                 spx[:spx.index(",4450")] + "]", "[14,15,19,31.5]"])
rows = json.loads(out) if out.startswith("[") else []
check(code == 0 and len(rows) == 8 and rows[:4] == json.loads(cut) and
      all(c is None for r in rows[4:] for c in r), f"gap at row 5: {out[:200]!r}")
check(err.strip() == "#WARN RANGE_VALUE: vix: row 5 of the range (2024-01-12) is blank, so rows "
      "5 to 8 show no value: paste a number there, or delete the row", "gap warning: " + err)
code, out, _ = run(["call", "ALVH_BACKTEST_SUMMARY", dates, spx, gapped_vix])
check(code == 1 and out.strip() == "#ERR RANGE_VALUE: vix: row 5 of the range (2024-01-12) is "
      "blank, and this result needs every row: paste a number there, or delete the row",
      "summary with a gap: " + out)
code, out, _ = run(["call", "ALVH_BACKTEST", "[45299,45300,45320]", "[1,2,3]", "[1,2,3]"])
check(code == 1 and out.startswith("#ERR DATA_GAP: row 3"), "gap: " + out)

# Futures through the function (ranges) equal futures through the CSV reader.
src_rows = clicheck.rows("market_bear2022_60.csv")
fut_cols = [k for k in src_rows[0] if k.startswith("fut_")]
no_breadth = write("bear_no_breadth.csv", "date,spx,vix," + ",".join(fut_cols) + "\n" + "".join(
    ",".join([r["date"], r["spx"], r["vix"]] + [r[k] for k in fut_cols]) + "\n"
    for r in src_rows))
code, out, err = run(["backtest", no_breadth])
s = summary(out)
serial = [(datetime.date.fromisoformat(r["date"]) - datetime.date(1899, 12, 30)).days
          for r in src_rows]
args = [json.dumps(serial), json.dumps([float(r["spx"]) for r in src_rows]),
        json.dumps([float(r["vix"]) for r in src_rows]), "",
        json.dumps([[float(r[k]) for k in fut_cols] for r in src_rows]),
        json.dumps([[float(k[4:]) for k in fut_cols]])]
code2, out2, _ = run(["call", "ALVH_BACKTEST_SUMMARY"] + args)
ok = code == 0 and code2 == 0
if ok:
    table = json.loads(out2)
    ok = all((v is None and math.isnan(s[k])) or (v is not None and close(v, s[k], 1e-9))
             for k, v in table)
check(ok, "ALVH_BACKTEST_SUMMARY with futures ranges equals alvh backtest with fut_ columns")
code, out, _ = run(["call", "ALVH_BACKTEST_SUMMARY"] + args[:5])
check(code == 1 and out.startswith("#ERR MISSING: futures and tenors go together"),
      "futures without tenors: " + out)

# A blank futures block and blank tenors (every cell empty: null, or "" as Calc 7.4 passes empty
# cells) are the omitted arguments, bit for bit; partly empty stays an error naming futures.
blank_fut = json.dumps([[None, ""] for _ in serial])
for name in ("ALVH_BACKTEST", "ALVH_BACKTEST_SUMMARY"):
    omitted = run(["call", name] + args[:3])
    got = run(["call", name] + args[:3] + ["", blank_fut, '[["",null]]'])
    check(omitted[0] == 0 and got[:2] == omitted[:2],
          name + ": blank futures and tenors equal both omitted")
code, out, _ = run(["call", "ALVH_BACKTEST_SUMMARY"] + args[:3] + ["", blank_fut, args[5]])
check(code == 1 and out.startswith("#ERR MISSING: futures and tenors go together"),
      "blank futures with tenors: " + out)
partial = json.loads(args[4])
partial[3][1] = None
code, out, _ = run(["call", "ALVH_BACKTEST_SUMMARY"] + args[:4] + [json.dumps(partial), args[5]])
check(code == 1 and out.startswith("#ERR RANGE_VALUE: futures: row 4, column 2 must be a number"),
      "partly empty futures: " + out)

sys.exit(report("cli_backtest"))
