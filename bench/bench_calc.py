#!/usr/bin/python3
"""Recalculation benchmark: N cells of BS_PRICE (the add-in) against the same Black-Scholes-Merton
price written with native Calc functions (NORMSDIST/LN/EXP/SQRT), with Calc's threaded formula
group calculation off and on. Results and the command go to BENCHMARKS.md (never a test).

usage: /usr/bin/python3 bench/bench_calc.py --oxt BUILD/addin/alvh.oxt
           --functions BUILD/addin/gen/functions.json [--core BUILD/bench/bench_calc_core]
           [--n 100000] [--reps 3]
       /usr/bin/python3 bench/bench_calc.py --oxt BUILD/addin/alvh.oxt --alvh BUILD/cli/alvh
           --templates sheets [--rows 252,1260,5040,10080] [--reps 5]

Each sheet: inputs in A:G (spot, strike, years, vol, rate, div_yield, "C"), the formula in H1
filled down to row N. Times are wall-clock seconds of XCalculatable.calculateAll() (a hard
recalculation of every formula), best of --reps, after one warm-up. Also timed: one VIX_RSI
array formula over an N-row column (what a call over a whole range costs per cell) and
LibreOffice's own Analysis add-in DELTA (the floor of Calc's add-in call path), and one
BS_PRICES array formula over the same N rows (types 1 in column I, the rate and dividend yield
held at 3% and 1% since BS_PRICES takes them as single values; its result is then checked bit
for bit against per-cell BS_PRICE formulas on the same rows). --core runs
bench_calc_core on the same inputs and reports the add-in's per-call overhead over the core's
alvh_call time.

--templates: the backtest and signals templates (sheets/alvh-backtest.fods, alvh-signals.fods)
with R rows of a synthetic market (`alvh market calm --days 10080`, its first R rows) pasted into
their Data tab as the published files are laid out; the wall-clock time of a full recalculation
(calculateAll), best of --reps after one warm-up, for each R. For the backtest, also the pieces:
one ALVH_BACKTEST array formula over the same R rows on a bare sheet (the add-in's argument
conversion, the core and the result's 10 columns written to cells) and one
ALVH_BACKTEST_SUMMARY (the same conversion, 29 values back).
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))  # the repository root: office/
from office import CalcOffice, prop  # noqa: E402

# Input columns; BS_PRICE's arguments are matched to them by their table names.
COLUMNS = {"spot": "A", "strike": "B", "years": "C", "vol": "D", "rate": "E", "div_yield": "F",
           "type": "G", "option_type": "G", "kind": "G"}
NATIVE = ("=A{r}*EXP(-F{r}*C{r})*NORMSDIST((LN(A{r}/B{r})+(E{r}-F{r}+D{r}^2/2)*C{r})"
          "/(D{r}*SQRT(C{r})))-B{r}*EXP(-E{r}*C{r})*NORMSDIST((LN(A{r}/B{r})"
          "+(E{r}-F{r}-D{r}^2/2)*C{r})/(D{r}*SQRT(C{r})))")


def inputs(i):
    """The same rows as bench_calc_core.c."""
    return (50.0 + (i % 1000) * 0.1, 100.0, 0.25 + (i % 8) * 0.25, 0.1 + (i % 9) * 0.05,
            0.01 + (i % 5) * 0.01, (i % 3) * 0.01, "C")


def addin_template(functions):
    f = next((f for f in functions if f["name"] == "BS_PRICE"), None)
    if f is None:
        sys.exit("bench_calc: BS_PRICE is not in the function table")
    cols = []
    for a in f["args"]:
        if a["name"] in COLUMNS:
            cols.append(COLUMNS[a["name"]] + "{r}")
        elif a["optional"]:
            cols.append("")
        else:
            sys.exit(f"bench_calc: no input column for BS_PRICE argument {a['name']}")
    while cols and cols[-1] == "":
        cols.pop()
    return "=BS_PRICE(" + ";".join(cols) + ")"


def set_threading(office, enabled):
    cp = office.service("com.sun.star.configuration.ConfigurationProvider")
    ua = cp.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.Office.Calc/Formula/Calculation"),))
    ua.setPropertyValue("UseThreadedCalculationForFormulaGroups", enabled)
    ua.commitChanges()


def build(office, template, n):
    import uno
    doc = office.new_calc()
    doc.enableAutomaticCalculation(False)
    sh = doc.Sheets.getByIndex(0)
    sh.getCellRangeByName(f"A1:G{n}").setDataArray(tuple(inputs(i) for i in range(n)))
    # One formula filled down: setFormulaArray with N distinct strings is very slow.
    sh.getCellRangeByName("H1").setFormula(template.format(r=1))
    sh.getCellRangeByName(f"H1:H{n}").fillAuto(
        uno.Enum("com.sun.star.sheet.FillDirection", "TO_BOTTOM"), 1)
    return doc, sh


def timed_recalcs(doc, reps):
    doc.calculateAll()  # warm-up
    times = []
    for _ in range(reps):
        t = time.monotonic()
        doc.calculateAll()
        times.append(time.monotonic() - t)
    return times


# The templates' Data tab: each file's header-line cell (the paste point) and its columns.
PASTE = {"alvh-backtest": {"vix": ("A14", 5), "spx": ("G14", 7)},
         "alvh-signals": {"vix": ("A15", 5), "spx": ("G15", 7), "breadth": ("O15", 3)}}


def market_rows(alvh, days):
    out = subprocess.run([alvh, "market", "calm", "--days", str(days)], check=True,
                         capture_output=True, text=True).stdout.splitlines()
    head = out[0].split(",")
    return [dict(zip(head, line.split(","))) for line in out[1:]]


def file_rows(key, rows):
    """The rows of one published file (header line first), as a paste gives them."""
    import datetime
    day0 = datetime.date(1899, 12, 30)

    def serial(iso):
        return float((datetime.date.fromisoformat(iso) - day0).days)
    if key == "vix":
        return [("DATE", "OPEN", "HIGH", "LOW", "CLOSE")] + [
            (serial(r["date"]), "", "", "", float(r["vix"])) for r in rows]
    if key == "spx":
        return [("Date", "Open", "High", "Low", "Close", "Adj Close", "Volume")] + [
            (serial(r["date"]), "", "", "", float(r["spx"]), "", "") for r in rows]
    return [("Date", "Advancers", "Decliners")] + [
        (serial(r["date"]), float(r["advancers"]), float(r["decliners"])) for r in rows]


def paste(doc, name, rows):
    data = doc.Sheets.getByName("Data")
    for key, (a1, width) in PASTE[name].items():
        top = data.getCellRangeByName(a1).CellAddress
        data.getCellRangeByPosition(top.Column, top.Row, top.Column + width - 1,
                                    top.Row + 10100).clearContents(1 | 2 | 4)
        block = file_rows(key, rows)
        data.getCellRangeByPosition(top.Column, top.Row, top.Column + width - 1,
                                    top.Row + len(block) - 1).setDataArray(tuple(block))


def bench_templates(office, opts):
    """The table of BENCHMARKS.md's template section."""
    from office import error_cells
    sizes = [int(x) for x in opts.rows.split(",")]
    market = market_rows(opts.alvh, max(sizes))
    results = []
    for name in ("alvh-backtest", "alvh-signals"):
        for n in sizes:
            # A copy: the committed template is never opened (a lock file left by an office
            # that died would keep the next run from opening it).
            copy = office.temp_path(name + ".fods")
            shutil.copy(os.path.join(opts.templates, name + ".fods"), copy)
            doc = office.load(copy)
            doc.enableAutomaticCalculation(False)
            paste(doc, name, market[:n])
            times = timed_recalcs(doc, opts.reps)
            bad = error_cells(doc)
            status = doc.Sheets.getByIndex(0).getCellRangeByName("B6").getString()
            doc.close(True)
            results.append((name, "full recalculation", n, min(times)))
            print(f"  {name:14s} {n:6d} rows  {min(times) * 1000:7.1f} ms  (status {status}, "
                  f"{len(bad)} error ranges; runs " + " ".join(f"{t * 1000:.0f}" for t in times)
                  + ")", flush=True)
        if name != "alvh-backtest":
            continue
        for n in sizes:
            doc = office.new_calc()
            doc.enableAutomaticCalculation(False)
            sh = doc.Sheets.getByIndex(0)
            rows = file_rows("vix", market[:n])[1:]
            sh.getCellRangeByName(f"A1:C{n}").setDataArray(tuple(
                (r[0], float(m["spx"]), r[4]) for r, m in zip(rows, market)))
            cols = f"A1:A{n};B1:B{n};C1:C{n}"
            for label, rng, formula in (
                    ("one ALVH_BACKTEST", f"E1:N{n}", f"=ALVH_BACKTEST({cols})"),
                    ("one ALVH_BACKTEST_SUMMARY", "P1:Q29",
                     f"=ALVH_BACKTEST_SUMMARY({cols})")):
                sh.getCellRangeByName(rng).setArrayFormula(formula)
                times = timed_recalcs(doc, opts.reps)
                sh.getCellRangeByName(rng).setArrayFormula("")
                results.append((name, label, n, min(times)))
                print(f"  {label:28s} {n:6d} rows  {min(times) * 1000:7.1f} ms", flush=True)
            doc.close(True)
    print(f"\nResults ({os.cpu_count()} CPUs, ms per calculateAll, best of {opts.reps}):")
    print("| template | what | " + " | ".join(f"{n:,} rows" for n in sizes) + " |")
    print("|---|---|" + "---:|" * len(sizes))
    for name in ("alvh-backtest", "alvh-signals"):
        for what in ("full recalculation", "one ALVH_BACKTEST", "one ALVH_BACKTEST_SUMMARY"):
            got = {n: t for nm, w, n, t in results if nm == name and w == what}
            if got:
                print(f"| {name} | {what} | "
                      + " | ".join(f"{got[n] * 1000:.0f}" for n in sizes) + " |")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--functions")
    ap.add_argument("--alvh", help="with --templates: the alvh CLI (the synthetic market)")
    ap.add_argument("--templates", help="the directory of the .fods templates: time them")
    ap.add_argument("--rows", default="252,1260,5040,10080")
    ap.add_argument("--core")
    ap.add_argument("--n", type=int, default=100000)
    ap.add_argument("--reps", type=int, default=3)
    opts = ap.parse_args()
    if opts.templates:
        if not opts.alvh:
            ap.error("--templates needs --alvh")
        with CalcOffice(opts.oxt, label="alvh-bench", watchdog_seconds=3600) as office:
            return bench_templates(office, opts)
    if not opts.functions:
        ap.error("--functions is required (or --templates)")
    with open(opts.functions, encoding="utf-8") as fh:
        functions = json.load(fh)["functions"]
    n = opts.n
    results = {}
    with CalcOffice(opts.oxt, label="alvh-bench", watchdog_seconds=3600) as office:
        print(f"soffice up in {office.start_seconds:.1f}s; N={n}, best of {opts.reps}",
              flush=True)
        values = {}
        for label, template in (("add-in BS_PRICE", addin_template(functions)),
                                ("native NORMSDIST/LN/EXP/SQRT", NATIVE)):
            doc, sh = build(office, template, n)
            for threaded in (False, True):
                set_threading(office, threaded)
                times = timed_recalcs(doc, opts.reps)
                results[(label, threaded)] = min(times)
                print(f"  {label:30s} threaded={'on ' if threaded else 'off'} "
                      + " ".join(f"{t:.3f}s" for t in times), flush=True)
            values[label] = [row[0] for row in sh.getCellRangeByName(f"H1:H{n}").getDataArray()]
            doc.close(True)
        if any(f["name"] == "VIX_RSI" for f in functions):
            # What one call over a whole range costs per cell: a column of N closes in, a
            # column of N results out (the shape a range-evaluating BS_PRICE would have).
            import uno  # noqa: F401
            doc = office.new_calc()
            doc.enableAutomaticCalculation(False)
            sh = doc.Sheets.getByIndex(0)
            sh.getCellRangeByName(f"A1:A{n}").setDataArray(
                tuple((20.0 + (i % 37) * 0.5,) for i in range(n)))
            sh.getCellRangeByName(f"B1:B{n}").setArrayFormula(f"=VIX_RSI(A1:A{n};14)")
            times = timed_recalcs(doc, opts.reps)
            results[("one VIX_RSI array formula", False)] = min(times)
            print("  one VIX_RSI array formula over the column "
                  + " ".join(f"{t:.3f}s" for t in times), flush=True)
            doc.close(True)
        if any(f["name"] == "BS_PRICES" for f in functions):
            # One call over whole columns: the columns are double arrays (NUMBER_ARRAY arguments).
            doc = office.new_calc()
            doc.enableAutomaticCalculation(False)
            sh = doc.Sheets.getByIndex(0)
            rows = tuple(inputs(i)[:4] + (0.03, 0.01, "C", 1.0) for i in range(n))
            sh.getCellRangeByName(f"A1:G{n}").setDataArray(tuple(r[:7] for r in rows))
            sh.getCellRangeByName(f"I1:I{n}").setDataArray(tuple((r[7],) for r in rows))
            sh.getCellRangeByName(f"H1:H{n}").setArrayFormula(
                f"=BS_PRICES(I1:I{n};A1:A{n};B1:B{n};C1:C{n};D1:D{n};E1;F1)")
            for threaded in (False, True):
                set_threading(office, threaded)
                times = timed_recalcs(doc, opts.reps)
                results[("one BS_PRICES array formula", threaded)] = min(times)
                print(f"  one BS_PRICES array formula    threaded={'on ' if threaded else 'off'} "
                      + " ".join(f"{t:.3f}s" for t in times), flush=True)
            import uno
            sh.getCellRangeByName("J1").setFormula(addin_template(functions).format(r=1))
            sh.getCellRangeByName(f"J1:J{n}").fillAuto(
                uno.Enum("com.sun.star.sheet.FillDirection", "TO_BOTTOM"), 1)
            doc.calculateAll()
            got = sh.getCellRangeByName(f"H1:J{n}").getDataArray()
            same = sum(1 for row in got if isinstance(row[0], float) and row[0] == row[2])
            print(f"  BS_PRICES equals per-cell BS_PRICE bit for bit on {same} of {n} rows",
                  flush=True)
            doc.close(True)
        # The floor of Calc's add-in call path: LibreOffice's own Analysis add-in (C++, same
        # UNO mechanism) with a trivial function, DELTA(x; y) = (x == y).
        doc, sh = build(office, "=DELTA(A{r};B{r})", n)
        set_threading(office, False)
        times = timed_recalcs(doc, opts.reps)
        results[("LibreOffice add-in DELTA (floor)", False)] = min(times)
        print("  LibreOffice Analysis add-in DELTA " + " ".join(f"{t:.3f}s" for t in times),
              flush=True)
        doc.close(True)
        a, b = values["add-in BS_PRICE"], values["native NORMSDIST/LN/EXP/SQRT"]
        bad = sum(1 for x in a + b if not isinstance(x, float))
        diff = max(abs(x - y) / max(1.0, abs(y)) for x, y in zip(a, b)
                   if isinstance(x, float) and isinstance(y, float))
        print(f"  add-in vs native: max relative difference {diff:.2e}, non-numeric cells {bad}")
    cpu = os.cpu_count()
    print(f"\nResults (N={n}, {cpu} CPUs, seconds per calculateAll, best of {opts.reps}):")
    for (label, threaded), t in results.items():
        print(f"  {label:30s} threaded {'on ' if threaded else 'off'}  {t:7.3f}s  "
              f"{t / n * 1e6:6.2f} us/cell")
    if opts.core:
        out = subprocess.run([opts.core, str(n)], capture_output=True, text=True, timeout=600)
        print(out.stdout, end="")
        per_call = None
        for line in out.stdout.splitlines():
            if line.strip().startswith("alvh_call"):
                per_call = float(line.split()[-2]) * 1e-9
        if per_call is not None:
            addin = results[("add-in BS_PRICE", False)] / n
            print(f"  add-in overhead over alvh_call: {(addin - per_call) * 1e6:.2f} us/cell "
                  f"({addin * 1e6:.2f} us/cell in Calc, {per_call * 1e6:.3f} us in the core)")
    if not math.isfinite(sum(results.values())):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
