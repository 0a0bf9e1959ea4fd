#!/usr/bin/python3
"""ALVH_ERROR with an inline array among its arguments, against the length of a range beside it
(issue 19): =ALVH_ERROR("VIX_FUT_CURVE";0.1;{1|2|3};A1:An), and the same with the array as a
row ({1;2;3}) and as a cell range (C1:C3). Results and the command go to BENCHMARKS.md (never a
test: tests/calc/test_sweep.py checks the 2-second bound on inputs under 10,000 cells).

usage: /usr/bin/python3 bench/bench_alvh_error.py --oxt NAME=alvh.oxt [--oxt NAME=other.oxt]
           [--rows 4000,8000,100000] [--reps 3] [--limit 300]

For each .oxt (one headless office each) and each row count: the wall-clock seconds of one
calculateAll() of a sheet holding the one formula, best of --reps after one warm-up; a call
still running after --limit seconds is reported as "> limit" (the office is killed and
restarted, and the larger row counts of that formula are skipped).
"""
import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))  # the repository root: office/
from office import CalcOffice  # noqa: E402
from office.watchdog import CallWatchdog  # noqa: E402

FORMULAS = (
    ("inline column {1|2|3}", '=ALVH_ERROR("VIX_FUT_CURVE";0.1;{{1|2|3}};A1:A{n})'),
    ("inline row {1;2;3}", '=ALVH_ERROR("VIX_FUT_CURVE";0.1;{{1;2;3}};A1:A{n})'),
    ("cell range C1:C3", '=ALVH_ERROR("VIX_FUT_CURVE";0.1;C1:C3;A1:A{n})'),
)


def timed(office, sheet, doc, text, reps, limit):
    """Best seconds of reps recalculations, or None when one ran past limit."""
    best = None
    sheet.getCellRangeByName("B1").setFormula(text)
    for k in range(reps + 1):
        with CallWatchdog(office, limit) as dog:
            t0 = time.monotonic()
            try:
                doc.calculateAll()
            except Exception:
                if not dog.fired:
                    raise
        if dog.fired:
            return None
        if k > 0:  # the first is a warm-up
            best = min(best or 1e300, time.monotonic() - t0)
    return best


def bench(name, oxt, rows, reps, limit):
    results = {}
    office = CalcOffice(oxt, label="alvh-bench")
    office.prepare()
    try:
        for label, template in FORMULAS:
            skip = False
            for n in rows:
                if skip:
                    results[(label, n)] = None
                    continue
                if office.proc is None:
                    office.start()
                doc = office.new_calc()
                doc.enableAutomaticCalculation(False)
                sheet = doc.Sheets.getByIndex(0)
                sheet.getCellRangeByName(f"A1:A{n}").setDataArray(
                    tuple((float(i % 97 + 1),) for i in range(n)))
                sheet.getCellRangeByName("C1:C3").setDataArray(((1.0,), (2.0,), (3.0,)))
                s = timed(office, sheet, doc, template.format(n=n), reps, limit)
                results[(label, n)] = s
                print(f"{name:>8}  {label:<22} {n:>7} rows  "
                      f"{'> %g' % limit if s is None else '%.3f' % s} s", flush=True)
                if s is None:
                    office.stop()  # the watchdog killed it; longer ranges would only be slower
                    skip = True
                else:
                    doc.close(True)
    finally:
        office.close()
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", action="append", required=True, help="NAME=path of an alvh.oxt")
    ap.add_argument("--rows", default="4000,8000,100000")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--limit", type=float, default=300.0)
    opts = ap.parse_args()
    rows = [int(x) for x in opts.rows.split(",")]
    table = {}
    for spec in opts.oxt:
        name, _, path = spec.partition("=")
        table[name] = bench(name, path, rows, opts.reps, opts.limit)
    print("\nseconds per calculateAll, best of %d" % opts.reps)
    print(f"{'':<24}" + "".join(f"{name + ' ' + str(n):>16}" for name in table for n in rows))
    for label, _ in FORMULAS:
        cells = []
        for name in table:
            for n in rows:
                s = table[name][(label, n)]
                cells.append(f"{'> %g' % opts.limit if s is None else '%.3f' % s:>16}")
        print(f"{label:<24}" + "".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
