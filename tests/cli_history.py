#!/usr/bin/env python3
"""CLI checks for files as published: `alvh join`, `alvh backtest --spx/--vix/--futures`,
--from/--to and --by-year, and the table functions on joined data.

usage: cli_history.py ALVH_BINARY
Expected values are computed here independently of the C code: the join from the fixtures
(tests/data/history, parsed with the csv module, the contracts' expiries written out), the
futures by the documented interpolation (linear in calendar days between the two curve points
around the tenor, spot VIX at 0 days), the per-year measures from the `--daily` file with the
formulas of docs/backtest.md ("Per calendar year").
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

H = os.path.join(DATA, "history")
SPX, VIX = os.path.join(H, "spx_yahoo.csv"), os.path.join(H, "VIX_History.csv")
SPX_NEWEST = os.path.join(H, "spx_lower_newest_first.csv")
FUT = [os.path.join(H, f) for f in ("CFE_F22_VX.csv", "VX_2022-02-16.csv", "VX_2022-03-15.csv")]
# Expiries by the VIX rule (the Wednesday 30 days before the next month's third Friday; March
# 2022 a day earlier, 2022-04-15 being Good Friday).
EXPIRY = {"F (Jan 22)": datetime.date(2022, 1, 19), "G (Feb 2022)": datetime.date(2022, 2, 16),
          "H (Mar 2022)": datetime.date(2022, 3, 15)}
EPOCH = datetime.date(1899, 12, 30)
tmp = tempfile.mkdtemp(prefix="alvh_cli_history_")


def run(args, stdin=None):
    return clicheck.run(args, stdin, timeout=120)


def path(name):
    return os.path.join(tmp, name)


def write(name, text):
    with open(path(name), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path(name)


def day(text):
    """ISO or M/D/YYYY as a date."""
    if "/" in text:
        m, d, y = text.split("/")
        return datetime.date(int(y), int(m), int(d))
    return datetime.date.fromisoformat(text)


def summary(text):
    """The side-by-side summary: {name: [unhedged, vix_calls, put_spread]}, "n/a" as NaN and
    "-" (not a measure of that book) as None (the comments and the year table left out)."""
    out = {}
    for line in text.split("\n\n")[0].splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, *cells = line.split()
        out[name] = [None if v == "-" else float("nan") if v == "n/a" else float(v)
                     for v in cells]
    return out


def same_cells(a, b):
    """Two summaries' cells equal, NaN equal to NaN."""
    return a.keys() == b.keys() and all(
        len(a[k]) == len(b[k]) and all(x is y is None or (x is not None and y is not None and
                                                          (x == y or (math.isnan(x) and math.isnan(y))))
                                       for x, y in zip(a[k], b[k])) for k in a)


def year_table(text):
    """The --by-year table: {year: {column: value}}."""
    if "\n\n" not in text:
        return {}
    lines = [l for l in text.split("\n\n", 1)[1].splitlines() if l and not l.startswith("#")]
    head = lines[0].split()
    return {int(r.split()[0]): {h: (float("nan") if v == "n/a" else float(v))
                                for h, v in zip(head, r.split())} for r in lines[1:]}


def same(a, b, rel):
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return b is not None and not math.isnan(b) and abs(a - b) <= rel * max(1.0, abs(b))


# ---- the join, computed here from the fixtures ------------------------------------------------
def closes(file, col):
    with open(file, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    key = next(k for k in rows[0] if k.lower() == col)
    return {day(r[next(k for k in r if k.lower() == "date")]): float(r[key]) for r in rows}


def settlements(file):
    """{date: (days to expiry, settle)} of one contract (Settle 0 rows and the expiry day out)."""
    with open(file, newline="", encoding="utf-8") as f:
        lines = [l for l in f.read().splitlines() if l.strip()]
    start = next(i for i, l in enumerate(lines) if l.startswith("Trade Date"))
    out = {}
    for r in csv.DictReader(lines[start:]):
        t, s = day(r["Trade Date"]), float(r["Settle"])
        e = EXPIRY[r["Futures"]]
        if s > 0 and t < e:
            out[t] = ((e - t).days, s)
    return out


def expected_join(tenors):
    spx, vix = closes(SPX, "close"), closes(VIX, "close")
    contracts = [settlements(f) for f in FUT]
    rows = []
    for t in sorted(set(spx) & set(vix)):
        curve = sorted([(0, vix[t])] + [c[t] for c in contracts if t in c])
        futs = []
        for n in tenors:
            (d0, f0), (d1, f1) = next((curve[i - 1], curve[i]) for i in range(1, len(curve))
                                      if curve[i][0] >= n)
            futs.append(f1 if d1 == n else f0 + (f1 - f0) * (n - d0) / (d1 - d0))
        rows.append((t, spx[t], vix[t], futs))
    return rows


def parse_market(text):
    r = list(csv.reader(io.StringIO(text)))
    return r[0], [(day(x[0]), float(x[1]), float(x[2]), [float(v) for v in x[3:]]) for x in r[1:]]


code, out, err = run(["join", "--spx", SPX, "--vix", VIX])
head, got = parse_market(out)
want = expected_join([])
check(code == 0 and head == ["date", "spx", "vix"] and got == want,
      f"join of the SPX export and Cboe's VIX history: exit {code} {err}")
check(err == "alvh join: 1 date with an SPX close but no VIX close, dropped: 2022-01-06\n"
             "alvh join: 1 date with a VIX close but no SPX close, dropped: 2022-01-12\n"
             "alvh join: 8 rows, 2022-01-03 to 2022-01-14\n", "the dropped dates on stderr: " + err)
code, out2, _ = run(["join", "--spx", SPX_NEWEST, "--vix", VIX])
check(code == 0 and out2 == out, "a lower-case, newest-first, CRLF, MM/DD/YYYY export joins the same")

tenors = [10, 30, 60]
code, out, err = run(["join", "--spx", SPX, "--vix", VIX, "--futures"] + FUT +
                     ["--tenors", "10,30,60,90"])
head, got = parse_market(out)
want = expected_join(tenors)
ok = code == 0 and head == ["date", "spx", "vix", "fut_10", "fut_30", "fut_60"] and \
    len(got) == len(want) and all(g[:3] == w[:3] and all(same(a, b, 1e-14) for a, b in zip(g[3], w[3]))
                                  for g, w in zip(got, want))
check(ok, f"futures: linear in days between the curve points around each tenor: exit {code} {err}")
check("alvh join: fut_90 dropped: beyond the farthest contract on 8 dates (first 2022-01-03, "
      "farthest 71 days)\n" in err, "a tenor beyond the farthest contract is dropped: " + err)
joined = write("joined.csv", out)

# ---- backtest --spx/--vix equals join then backtest, bit for bit ------------------------------
for extra in ([], ["--futures"] + FUT + ["--tenors", "10,30,60"]):
    args = ["--spx", SPX, "--vix", VIX] + extra
    code, m, _ = run(["join"] + args)
    m_csv = write("m.csv", m)
    a = run(["backtest"] + args + ["--by-year", "--daily", path("da.csv")])
    b = run(["backtest", m_csv, "--by-year", "--daily", path("db.csv")])
    body = lambda text: text.split("\n", 1)[1]
    with open(path("da.csv"), "rb") as fa, open(path("db.csv"), "rb") as fb:
        same_daily = fa.read() == fb.read()
    check(a[0] == 0 and b[0] == 0 and body(a[1]) == body(b[1]) and same_daily,
          f"backtest {' '.join(extra[:1]) or 'without futures'}: --spx/--vix equals join + "
          f"backtest (summary, year table, daily file): {a[2]} {b[2]}")
    check(a[1].startswith(f"# alvh backtest --spx {SPX} --vix {VIX}: 8 rows, 2022-01-03 to "
                          "2022-01-14\n") and "dropped: 2022-01-06" in a[2],
          "the comment names the files; the report is on stderr")

# ---- a synthetic market across a year end, written in the published layouts ---------------------
code, mk, _ = run(["market", "crash2020", "--days", "330", "--seed", "24"])
mrows = list(csv.DictReader(io.StringIO(mk)))
check(code == 0 and len(mrows) == 330, "330 synthetic rows")
drop_spx, drop_vix = {mrows[40]["date"], mrows[200]["date"]}, {mrows[100]["date"]}
spx_text = "Date,Open,High,Low,Close,Adj Close,Volume\n" + "".join(
    f"{r['date']},1,2,0.5,{r['spx']},{float(r['spx']) * 0.98:.4f},100\n"
    for r in mrows if r["date"] not in drop_spx)
vix_text = "DATE,OPEN,HIGH,LOW,CLOSE\n" + "".join(
    f"{day(r['date']).strftime('%m/%d/%Y')},1,2,0.5,{float(r['vix']):.6f}\n"
    for r in mrows if r["date"] not in drop_vix)
big_spx, big_vix = write("big_spx.csv", spx_text), write("big_vix.csv", vix_text)
kept = [r for r in mrows if r["date"] not in drop_spx | drop_vix]
plain = write("big_plain.csv", "date,spx,vix\n" + "".join(
    f"{r['date']},{r['spx']},{r['vix']}\n" for r in kept))
code, m, err = run(["join", "--spx", big_spx, "--vix", big_vix])
check(code == 0 and parse_market(m)[1] == parse_market(open(plain).read())[1],
      "the join of the published layouts gives the market's rows")
check(err.splitlines()[:2] == [
    f"alvh join: 1 date with an SPX close but no VIX close, dropped: {mrows[100]['date']}",
    f"alvh join: 2 dates with a VIX close but no SPX close, dropped: {mrows[40]['date']}, "
    f"{mrows[200]['date']}"], "each side's missing dates: " + err)
a = run(["backtest", "--spx", big_spx, "--vix", big_vix, "--by-year", "--daily", path("big.csv")])
b = run(["backtest", plain, "--by-year"])
check(a[0] == 0 and a[1].split("\n", 1)[1] == b[1].split("\n", 1)[1],
      "backtest --spx/--vix = backtest of the same rows in the market format: " + a[2])

# --by-year from the daily file, by the documented formulas.
pol = json.loads(run(["policy"])[1])["backtest"]
capital = pol["capital"]
with open(path("big.csv"), encoding="utf-8") as f:
    daily = list(csv.DictReader(f))
years = year_table(a[1])
check(sorted(years) == [2020, 2021], f"two calendar years: {sorted(years)}")
prev = None  # the previous row (the last of the previous year)
bad = []
for y in sorted(years):
    rows = [r for r in daily if int(r["date"][:4]) == y]
    books = ("unhedged", "hedged", "put_spread")
    opened = {b: capital if prev is None else float(prev["equity_" + b]) for b in books}
    peak, last = dict(opened), dict(opened)
    mdd, hvd, loss = {b: 0.0 for b in books}, {b: math.inf for b in books}, {b: 0.0 for b in books}
    hv = 0
    for r in rows:
        high = int(r["events"]) & 64
        hv += bool(high)
        for b in books:
            e = float(r["equity_" + b])
            peak[b] = max(peak[b], e)
            dd = e / peak[b] - 1 if peak[b] > 0 else -1.0
            mdd[b] = min(mdd[b], dd)
            if high:
                hvd[b] = min(hvd[b], dd)
                loss[b] += max(last[b] - e, 0.0)
            last[b] = e
    start = day(rows[0]["date"] if prev is None else prev["date"])
    months = 12 * (day(rows[-1]["date"]) - start).days / 365
    pnl = float(rows[-1]["hedge_pnl"]) - (0.0 if prev is None else float(prev["hedge_pnl"]))
    pnl_put = float(rows[-1]["hedge_pnl_put_spread"]) - (
        0.0 if prev is None else float(prev["hedge_pnl_put_spread"]))
    prem = float(rows[-1]["hedge_premium"]) - (0.0 if prev is None else float(prev["hedge_premium"]))
    notional = sum(float(r["notional"]) for r in rows) / len(rows)
    hvd = {b: (hvd[b] if hvd[b] < math.inf else float("nan")) for b in books}
    nan = float("nan")
    want = {
        "rows": len(rows), "hv_days": hv,
        "hv_dd_unhedged": hvd["unhedged"], "hv_dd_hedged": hvd["hedged"],
        "hv_dd_reduction": 1 - hvd["hedged"] / hvd["unhedged"] if hvd["unhedged"] < 0 else nan,
        "hv_loss_unhedged": loss["unhedged"], "hv_loss_hedged": loss["hedged"],
        "hv_loss_reduction": 1 - loss["hedged"] / loss["unhedged"] if loss["unhedged"] > 0 else nan,
        "return_unhedged": last["unhedged"] / opened["unhedged"] - 1,
        "return_hedged": last["hedged"] / opened["hedged"] - 1,
        "max_dd_unhedged": mdd["unhedged"], "max_dd_hedged": mdd["hedged"],
        "hedge_pnl": pnl,
        "premium_pct_month": prem / months / notional, "cost_pct_month": -pnl / months / notional,
        "hv_dd_put": hvd["put_spread"],
        "hv_dd_red_put": 1 - hvd["put_spread"] / hvd["unhedged"] if hvd["unhedged"] < 0 else nan,
        "hv_loss_put": loss["put_spread"],
        "return_put": last["put_spread"] / opened["put_spread"] - 1,
        "max_dd_put": mdd["put_spread"], "hedge_pnl_put": pnl_put,
        "cost_pct_month_put": -pnl_put / months / notional,
    }
    for k, v in want.items():
        if not same(v, years[y].get(k), 2e-6):
            bad.append(f"{y} {k}: table {years[y].get(k)}, daily file {v}")
    check(hv > 0 or y == 2021, f"{y}: high-VIX days {hv}")
    prev = rows[-1]
check(not bad, "the year table equals the measures recomputed from --daily: " + "; ".join(bad))

# ---- --from / --to -------------------------------------------------------------------------------
lo, hi = "2020-06-01", "12/31/2020"
cut = [r for r in kept if "2020-06-01" <= r["date"] <= "2020-12-31"]
cut_file = write("cut.csv", "date,spx,vix\n" + "".join(f"{r['date']},{r['spx']},{r['vix']}\n"
                                                      for r in cut))
a = run(["backtest", "--spx", big_spx, "--vix", big_vix, "--from", lo, "--to", hi])
b = run(["backtest", plain, "--from", lo, "--to", hi])
c = run(["backtest", cut_file])
check(a[0] == b[0] == c[0] == 0 and same_cells(summary(a[1]), summary(b[1])) and
      same_cells(summary(b[1]), summary(c[1])) and summary(c[1])["rows"][0] == len(cut), f"--from/--to: {len(cut)} rows, both forms agree with "
      f"the rows cut by hand: {a[2]} {b[2]}")
code, out, _ = run(["join", "--spx", big_spx, "--vix", big_vix, "--from", lo, "--to", hi])
check(code == 0 and len(out.splitlines()) == len(cut) + 1, "join --from/--to")
# Row numbers still name the file's line: a zero SPX on line 200, inside the window.
lines = open(plain).read().splitlines()
f = lines[199].split(",")
f[1] = "0"
lines[199] = ",".join(f)
zero = write("zero.csv", "\n".join(lines) + "\n")
code, _, err = run(["backtest", zero, "--from", lines[150].split(",")[0]])
check(code == 1 and f"DATA_VALUE: row 200: spx must be a positive price" in err,
      "--from keeps the file's row numbers: " + err)

# ---- the table functions on joined data (what the Calc templates call) -----------------------------
for name, m in (("the joined fixture with futures", joined), ("the joined synthetic market", plain)):
    rows = list(csv.reader(open(m, encoding="utf-8")))
    head, body = rows[0], rows[1:]
    nf = len(head) - 3
    dates = [(day(r[0]) - EPOCH).days for r in body]
    args = [json.dumps(dates), json.dumps([float(r[1]) for r in body]),
            json.dumps([float(r[2]) for r in body])]
    if nf:
        args += ["", json.dumps([[float(x) for x in r[3:]] for r in body]),
                 json.dumps([[float(h[4:]) for h in head[3:]]])]
    s = summary(run(["backtest", m, "--daily", path("calc_daily.csv")])[1])
    code, out, _ = run(["call", "ALVH_BACKTEST_COMPARE"] + args)
    table = json.loads(out) if code == 0 else []
    # The sheet's empty cell (#N/A) is the CLI's n/a (undefined) or - (not that book's).
    check(len(table) == len(s) and all(
        len(s[k]) == 3 and all((v is None and (w is None or math.isnan(w))) or
                               (v is not None and w is not None and same(v, w, 1e-9))
                               for v, w in zip(cells, s[k])) for k, *cells in table),
          f"{name}: ALVH_BACKTEST_COMPARE equals alvh backtest's summary, book by book")
    code, out, _ = run(["call", "ALVH_BACKTEST"] + args)
    grid = json.loads(out) if code == 0 else []
    with open(path("calc_daily.csv"), encoding="utf-8") as f:
        daily = list(csv.DictReader(f))
    cols = ["equity_unhedged", "equity_hedged", "hedge_pnl", "drawdown_unhedged",
            "drawdown_hedged", "cash_unhedged", "condor_mark", "cash_hedged", "hedge_mark",
            "events", "equity_put_spread", "hedge_pnl_put_spread", "drawdown_put_spread",
            "cash_put_spread", "put_spread_mark"]
    check(len(grid) == len(daily) and all(same(g[k], float(r[c]), 1e-12) for g, r in
                                          zip(grid, daily) for k, c in enumerate(cols)),
          f"{name}: ALVH_BACKTEST equals the --daily file")

# ---- errors name the file, the line and the column ------------------------------------------------
bad_spx = write("bad_spx.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                               "2022-01-03,1,2,3,4800.25,4798,9\n2022-01-04,1,2,3,abc,4790,9\n")
for cmd in (["join"], ["backtest"]):
    code, out, err = run(cmd + ["--spx", bad_spx, "--vix", VIX])
    check(code == 1 and out == "" and err == f"alvh {cmd[0]}: DATA_VALUE: {bad_spx}: line 3, "
          "column 5 (Close): \"abc\" is not a number\n", f"{cmd[0]}: a bad number: {err}")
bad_fut = write("bad_fut.csv", "CFE data is compiled\r\nTrade Date,Futures,Open,High,Low,Close,"
                               "Settle,Change,Total Volume,EFP,Open Interest\r\n"
                               "01/03/2022,F (Jan 22),1,2,0.5,1.5,x,0,10,0,20\r\n")
code, _, err = run(["join", "--spx", SPX, "--vix", VIX, "--futures", bad_fut])
check(code == 1 and err == f"alvh join: DATA_VALUE: {bad_fut}: line 3, column 7 (Settle): \"x\" "
      "is not a settlement price (a number, 0 when none)\n", "a bad settlement: " + err)
code, _, err = run(["join", "--spx", path("none.csv"), "--vix", VIX])
check(code == 1 and err == f"alvh join: cannot open {path('none.csv')}: No such file or "
      "directory\n", "a missing file: " + err)
# The market format's sentences now come with the file's name.
bad_market = write("bad_market.csv", "date,spx,vix\n2024-01-08,4700,14\n2024-01-09,abc,15\n")
code, _, err = run(["backtest", bad_market])
check(code == 1 and err == f"alvh backtest: DATA_VALUE: {bad_market}: row 3: spx \"abc\" is not "
      "a number\n", "DATA.csv errors name the file: " + err)
for bad in (["backtest", "--spx", SPX], ["backtest", joined, "--spx", SPX, "--vix", VIX],
            ["backtest", joined, "--from", "2022-13-01"], ["join"], ["join", "--vix", VIX],
            ["join", "--spx", SPX, "--vix", VIX, "--futures"],
            ["join", "--spx", SPX, "--vix", VIX, "--tenors", "30,"],
            ["join", "--spx", SPX, "--vix", VIX, "--nope"]):
    code, out, err = run(bad)
    check(code == 2 and out == "" and err, f"usage error {bad}: exit {code}")
code, _, err = run(["join", "--spx", SPX, "--vix", VIX, "--futures"] + FUT + ["--tenors", "60,30"])
check(code == 1 and "futures tenors must be whole days from 1 to 3650, increasing" in err,
      "tenors out of order: " + err)

sys.exit(report("cli_history"))
