#!/usr/bin/python3
"""The hostile sweep (issue 19): every argument of every function of the table replaced in turn by
values a careless or hostile cell can hold (tests/hostile.py: empty cells, text, 0, -1, +-1E308,
subnormals, TRUE, error values, far dates, 100k and 1000x1000 ranges, mixed ranges,
10k-character strings, malformed and deeply nested JSON, missing files, too few and too many
arguments), each call in a cell of one headless Calc, with a watchdog on every call. Generated
from functions.json, so a function added to the table is swept without anyone adding it here.

usage: /usr/bin/python3 test_sweep.py --oxt alvh.oxt --alvh ALVH --functions functions.json
                                      [--full] [--only REGEX] [--keep] [--limit SECONDS]

Short form (default, CTest calc_sweep): a few hostile values per argument, every call once as a
single-cell formula. --full: every hostile value, the 1000x1000 range, inline arrays, and every
call again as a 2x2 array formula (minutes; README "The hostile sweep").

Fails on:
  - soffice gone (a crash, or the watchdog killing a call that ran past --limit seconds);
  - a call over 2 s whose inputs hold under 10,000 cells;
  - memory that grows across repeated recalculations of the swept formulas (soffice's RSS from
    /proc, over ten recalculations after five to warm up);
  - a number where `alvh call` gives an error for the same arguments (as Calc passes them: a
    single empty cell is 0, TRUE is 1);
  - an error cell whose ALVH_ERROR is not a sentence ("STATUS: ..."), or is "OK" where Calc did
    not answer before the add-in was called (an error value among the arguments, #VALUE! for
    text where a number belongs, Err:504, an omitted number).
Also: FIFOs, a directory and a device named as policy files are refused at once. Prints the
numbers (calls, formulas, slowest call, RSS) and "N passed, N failed"; exit status 1 on failure.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))  # the repository root: office/
sys.path.insert(0, os.path.join(HERE, ".."))  # tests/: clicheck, hostile
from clicheck import Checks  # noqa: E402
from hostile import ERROR, OMIT, Range, hostile_calls, regression_calls  # noqa: E402
from office import CalcOffice, col_name  # noqa: E402
from office.watchdog import CallWatchdog  # noqa: E402

SLOW_SECONDS = 2.0        # a call on inputs under SMALL_CELLS cells must be faster
SMALL_CELLS = 10000
GROWTH_MIB = 2.0          # soffice's RSS over ten recalculations of the swept formulas
MEMORY_CELLS = 2000       # calls with bigger inputs stay out of the memory document
# Calc's error codes (FormulaError), and those Calc answers with before calling the add-in.
ERR_ILLEGAL_ARGUMENT, ERR_PARAMETER, ERR_VALUE, ERR_DIV0, ERR_NA = 502, 504, 519, 532, 32767
CALC_MAX_ARGS = 255
SENTENCE = re.compile(r"^[A-Z_]+: \S.{8,}")
VALUE, DATETIME, STRING, FORMULA = 1, 2, 4, 16  # com.sun.star.sheet.CellFlags


def literal(x):
    r = repr(float(x))
    return r[:-2] if r.endswith(".0") else r


def quote(s):
    return '"' + s.replace('"', '""') + '"'


def cell_count(values):
    return sum(v.size if isinstance(v, Range) else 1 for v in values)


def calc_cli_field(v):
    """The `alvh call --batch` field for a value as Calc passes it to the add-in: a single empty
    cell arrives as 0, TRUE as 1; None where the CLI cannot say it (an error value, text that
    starts with '[')."""
    if v is OMIT:
        return ""
    if v is None or v == "":
        return "0"
    if v is ERROR:
        return None
    if isinstance(v, bool):
        return "1"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, Range):
        if any(c is ERROR for r in v.rows for c in r):
            return None
        return json.dumps([[1.0 if c is True else c for c in r] for r in v.rows],
                          separators=(",", ":"))
    return None if v.startswith("[") else v


class Sheet:
    """The argument cells: scalars in rows of Data, ranges in blocks of Ranges (each Range object
    written once), and the formulas in column A of Calls."""

    MAX_COLS = 1024  # Calc 7.4's columns per sheet

    def __init__(self, office):
        self.doc = office.new_calc()
        sheets = self.doc.Sheets
        sheets.getByIndex(0).setName("Calls")
        sheets.insertNewByName("Data", 1)
        self.calls = sheets.getByName("Calls")
        self.data = sheets.getByName("Data")
        self.ranges = None
        self.ranges_name = None
        self.data_row = 0
        self.range_col = self.MAX_COLS
        self.placed = {}  # id(Range) -> its address

    def new_ranges_sheet(self):
        sheets = self.doc.Sheets
        self.ranges_name = f"Ranges{sheets.Count}"
        sheets.insertNewByName(self.ranges_name, sheets.Count)
        self.ranges = sheets.getByName(self.ranges_name)
        self.range_col = 0

    def place_range(self, rng):
        if id(rng) in self.placed:
            return self.placed[id(rng)]
        rows, cols = rng.shape
        if self.range_col + cols > self.MAX_COLS:
            self.new_ranges_sheet()
        c0 = self.range_col
        block = tuple(tuple("" if v is None or v is ERROR else (1.0 if v is True else v)
                            for v in list(r) + [None] * (cols - len(r))) for r in rng.rows)
        self.ranges.getCellRangeByPosition(c0, 0, c0 + cols - 1, rows - 1).setDataArray(block)
        for r, row in enumerate(rng.rows):
            for c, v in enumerate(row):
                if v is ERROR:
                    self.ranges.getCellByPosition(c0 + c, r).setFormula("=0/0")
        self.range_col += cols
        addr = f"${self.ranges_name}.${col_name(c0)}$1:${col_name(c0 + cols - 1)}${rows}"
        self.placed[id(rng)] = addr
        return addr

    def formula(self, name, values, fixed_count):
        """The formula text and its argument texts; scalars go to a fresh row of Data."""
        parts, row, scalars = [], self.data_row, []
        for v in values:
            if v is OMIT:
                parts.append("")
            elif isinstance(v, Range) and v.inline:
                parts.append("{" + "|".join(";".join(literal(c) if isinstance(c, float) else
                                                     quote(str(c)) for c in r)
                                            for r in v.rows) + "}")
            elif isinstance(v, Range):
                parts.append(self.place_range(v))
            else:
                col = len(scalars)
                scalars.append(v)
                parts.append(f"$Data.${col_name(col)}${row + 1}")
        if scalars:
            self.data.getCellRangeByPosition(0, row, len(scalars) - 1, row).setDataArray(
                (tuple("" if v is None or v is ERROR else (1.0 if v is True else v)
                       for v in scalars),))
            for col, v in enumerate(scalars):
                if v is ERROR:
                    self.data.getCellByPosition(col, row).setFormula("=0/0")
            self.data_row += 1
        while parts and len(parts) <= fixed_count and parts[-1] == "" and values[len(parts) - 1] \
                is OMIT:
            parts.pop()  # trailing omitted declared arguments are left out (Calc passes void)
        return "=" + name + "(" + ";".join(parts) + ")", parts


class Call:
    def __init__(self, func, label, values, pos):
        self.func = func
        self.label = label
        self.values = values
        self.pos = pos
        self.cells = cell_count(values)
        fields = [calc_cli_field(v) for v in values]
        self.cli_fields = None if any(f is None for f in fields) else fields
        self.cli = None
        self.formula = None
        self.parts = None


def fixed_count(func):
    return sum(1 for a in func["args"] if a["uno"] != "varargs")


def uno_of(func, pos):
    args = func["args"]
    return args[pos]["uno"] if pos < len(args) else "any"


def calc_answers_first(func, values, err):
    """True when Calc gives this error before the add-in is called (README of addin/)."""
    if any(v is ERROR or (isinstance(v, Range) and any(c is ERROR for r in v.rows for c in r))
           for v in values):
        return True
    if err in (ERR_PARAMETER, ERR_VALUE):
        return True
    if err == ERR_ILLEGAL_ARGUMENT:  # a void (omitted) argument into a double parameter
        return any(v is OMIT and uno_of(func, k) in ("double", "matrix", "doublematrix")
                   for k, v in enumerate(values))
    return False


def run_cli(alvh, calls):
    todo = [c for c in calls if c.cli_fields is not None]
    text = "".join("\t".join([c.func["name"]] + c.cli_fields) + "\n" for c in todo)
    out = subprocess.run([alvh, "call", "--batch"], input=text, capture_output=True, text=True,
                         timeout=900).stdout.split("\n")
    for c, line in zip(todo, out):
        c.cli = line


class Sweep:
    def __init__(self, office, checks, limit):
        self.office = office
        self.checks = checks
        self.limit = limit
        self.sheet = Sheet(office)
        self.row = 0
        self.slowest = (0.0, "")
        self.evaluated = 0
        self.restarts = 0

    def restart(self, why):
        self.checks.check(False, f"soffice gone: {why}")
        self.restarts += 1
        self.office.stop()
        self.office.start()
        self.sheet = Sheet(self.office)
        self.row = 0

    def evaluate(self, text, cells, label, array=False):
        """Sets a formula in a fresh cell of Calls and reads it: (error, value, string), or
        None when the office did not survive."""
        cell = self.sheet.calls.getCellByPosition(0, self.row)
        target = self.sheet.calls.getCellRangeByPosition(0, self.row, 1, self.row + 1)
        self.row += 2 if array else 1
        result = None
        dog = CallWatchdog(self.office, self.limit)
        t0 = time.monotonic()
        try:
            with dog:  # a call past the limit kills the office; the block then ends quietly
                if array:
                    target.setArrayFormula(text)
                else:
                    cell.setFormula(text)
                result = (cell.getError(), cell.getValue(), cell.getString())
        except Exception:  # the bridge died with the office
            if self.office.alive():
                raise
        seconds = time.monotonic() - t0
        self.evaluated += 1
        if seconds > self.slowest[0]:
            self.slowest = (seconds, label)
        if result is None:
            self.restart(f"{label}: {text[:200]} ran past {self.limit}s or crashed the office")
            return None
        # The formula is read: clear it, so that the document holds only the argument cells.
        (target if array else cell).clearContents(VALUE | DATETIME | STRING | FORMULA)
        if cells < SMALL_CELLS:
            self.checks.check(seconds <= SLOW_SECONDS, f"{label}: {seconds:.2f}s on {cells} "
                                                       f"input cells: {text[:200]}")
        return result

    def sweep(self, call, array=False):
        func = call.func
        call.formula, call.parts = self.sheet.formula(func["name"], call.values, fixed_count(func))
        label = call.label + (" (array formula)" if array else "")
        got = self.evaluate(call.formula, call.cells, label, array)
        if got is None:
            return
        err, value, text = got
        if err == 0 and not array and call.cli is not None:
            # A number where the CLI gives an error for the same arguments.
            self.checks.check(not call.cli.startswith("#ERR "),
                              f"{label}: Calc shows {text[:60]!r}, the CLI gives {call.cli!r}: "
                              f"{call.formula[:200]}")
        if err == 0 or (err == ERR_NA and call.cli is not None and
                        (call.cli == "#N/A" or call.cli.startswith("[[null"))):
            return  # a value, or a result whose first cell has no value (#N/A), like the CLI's
        if 1 + len(call.parts) > CALC_MAX_ARGS:
            return  # ALVH_ERROR cannot hold the call: Calc's limit on arguments
        # The error is explained: ALVH_ERROR with the same arguments is a sentence.
        if any(v is ERROR or (isinstance(v, Range) and any(c is ERROR for r in v.rows
                                                           for c in r)) for v in call.values):
            return  # an error value propagates into ALVH_ERROR as well (Calc)
        explain = "=ALVH_ERROR(" + ";".join([quote(func["name"])] + call.parts) + ")"
        got = self.evaluate(explain, call.cells, label + " via ALVH_ERROR")
        if got is None:
            return
        e2, _, why = got
        ok = e2 == 0 and (SENTENCE.match(why) is not None or
                          (why == "OK" and calc_answers_first(func, call.values, err)))
        self.checks.check(ok, f"{label}: Err:{err} is not explained: ALVH_ERROR gives "
                              f"{'Err:%d' % e2 if e2 else repr(why[:120])} for {explain[:200]}")


def file_policies(office, sweep, checks):
    """Policy paths that are not regular files: refused at once, in a cell (the FIFO would
    block Calc forever if it were opened for reading)."""
    d = office.temp_path("policies")
    os.makedirs(d, exist_ok=True)
    for name in ("fifo.json", "fifo"):
        path = os.path.join(d, name)
        if not os.path.exists(path):
            os.mkfifo(path)
    os.makedirs(os.path.join(d, "dir.json"), exist_ok=True)
    if not os.path.lexists(os.path.join(d, "zero.json")):
        os.symlink("/dev/zero", os.path.join(d, "zero.json"))
    for name, why in (("fifo.json", "is a FIFO"), ("fifo", "nor the name of a .json file"),
                      ("dir.json", "is a directory"), ("zero.json", "is a character device")):
        path = os.path.join(d, name)
        got = sweep.evaluate(f'=ALVH_ERROR("ALVH_POLICY";"coverage_target";{quote(path)})', 1,
                             f"policy {name}")
        checks.check(got is not None and got[0] == 0 and why in got[2],
                     f"ALVH_POLICY on {name} is refused at once ({why}): {got}")


def memory(office, calls, checks):
    """No growth over repeated recalculations of every swept formula with small inputs."""
    sheet = Sheet(office)
    sheet.doc.enableAutomaticCalculation(False)
    texts = [sheet.formula(c.func["name"], c.values, fixed_count(c.func))[0] for c in calls
             if c.cells <= MEMORY_CELLS and not any(v is ERROR for v in c.values)]
    if not texts:
        sheet.doc.close(True)
        return
    sheet.calls.getCellRangeByPosition(0, 0, 0, len(texts) - 1).setFormulaArray(
        tuple((t,) for t in texts))
    for _ in range(5):
        sheet.doc.calculateAll()
    before = office.rss_mib()
    t0 = time.monotonic()
    for _ in range(10):
        sheet.doc.calculateAll()
    after = office.rss_mib()
    checks.check(before is not None and after is not None and after - before < GROWTH_MIB,
                 f"soffice memory stays flat over 10 recalculations of {len(texts)} formulas: "
                 f"{before} -> {after} MiB")
    print(f"memory: {len(texts)} formulas, 10 recalculations in {time.monotonic() - t0:.1f}s, "
          f"RSS {before:.0f} -> {after:.0f} MiB", flush=True)
    sheet.doc.close(True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--alvh", required=True)
    ap.add_argument("--functions", required=True)
    ap.add_argument("--full", action="store_true", help="every hostile value, array formulas")
    ap.add_argument("--limit", type=float, default=60.0,
                    help="watchdog: seconds one call may take before the office is killed")
    ap.add_argument("--only", help="sweep only the calls whose label matches this regex")
    ap.add_argument("--keep", action="store_true", help="keep the run directory (debugging)")
    opts = ap.parse_args()
    with open(opts.functions, encoding="utf-8") as fh:
        table = json.load(fh)["functions"]
    checks = Checks(fail_print_limit=200)
    t0 = time.monotonic()
    calls = [Call(*c) for c in hostile_calls(table, full=opts.full) + regression_calls(table)
             if not opts.only or re.search(opts.only, c[1])]
    run_cli(opts.alvh, calls)
    with CalcOffice(opts.oxt, keep=opts.keep, watchdog_seconds=3 * 3600) as office:
        print(f"office up in {office.start_seconds:.1f}s; {len(table)} functions, "
              f"{len(calls)} hostile calls{' (full)' if opts.full else ''}", flush=True)
        sweep = Sweep(office, checks, opts.limit)
        rss0 = office.rss_mib()
        for k, call in enumerate(calls):
            sweep.sweep(call)
            if opts.full:
                sweep.sweep(call, array=True)
            if k % 500 == 499:
                print(f"  {k + 1} calls, {time.monotonic() - t0:.0f}s", flush=True)
        file_policies(office, sweep, checks)
        checks.check(office.alive(), "soffice is alive after the sweep")
        print(f"sweep: {sweep.evaluated} formulas evaluated, slowest {sweep.slowest[0]:.2f}s "
              f"({sweep.slowest[1]}), {sweep.restarts} office restarts, RSS {rss0:.0f} -> "
              f"{office.rss_mib():.0f} MiB", flush=True)
        memory(office, calls, checks)
        checks.check(office.alive(), "soffice is alive at the end")
    print(f"test_sweep ({'full' if opts.full else 'short'}): {checks.passed} passed, "
          f"{checks.failed} failed in {time.monotonic() - t0:.0f}s")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
