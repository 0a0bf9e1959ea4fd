#!/usr/bin/python3
"""Option chains in real Calc (issue 17): each fixture quotedata.csv opened as a user opens the
download (File > Open, Text Import: comma, quote ", English (USA)), with "Detect special
numbers" off and on (on, Calc turns the expirations into dates), then CHAIN_SUMMARY,
CHAIN_SMILE and CHAIN_CONDOR typed over the sheet's used area as array formulas. Their cells
must equal `alvh call` on the same file laid out as a range by Python's csv module (what the
file holds, not what Calc made of it), and ALVH_ERROR must explain a broken cell by its row and
column.

usage: /usr/bin/python3 test_chain_calc.py --oxt alvh.oxt --alvh ALVH
Prints "N passed, N failed"; exit status 1 on any failure.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))  # the repository root: office/
sys.path.insert(0, os.path.join(HERE, ".."))        # tests/: clicheck, cli_chain_range
from clicheck import Checks  # noqa: E402
from cli_chain_range import DATA, as_range, serial  # noqa: E402
from office import CalcOffice, col_name, file_url, prop  # noqa: E402

FIXTURES = {  # file: (an expiry and root of its smile, a condor's dte, delta, wing)
    "chain_spx_20230914.csv": ("2023-10-20", "SPX", 35, 0.16, 50),
    "chain_spx_20240112.csv": ("2024-02-16", "SPX", 35, 0.16, 50),
    "chain_vix_20230914.csv": ("2023-10-18", "VIX", 35, 0.3, 5),
}
IMPORTS = {"special numbers off": "44,34,76,1,,1033,false,false",
           "special numbers on": "44,34,76,1,,1033,false,true"}


def cli(alvh, name, *args):
    line = name + "\t" + "\t".join(a if isinstance(a, str) else json.dumps(a) for a in args)
    out = subprocess.run([alvh, "call", "--batch"], input=line + "\n", capture_output=True,
                         text=True, timeout=60).stdout.strip()
    return json.loads(out) if out.startswith("[") else out


def read_block(sh, c0, r0, nr, nc):
    """Cells as the CLI prints them: numbers, text, None for #N/A."""
    got = []
    for r in range(nr):
        row = []
        for c in range(nc):
            cell = sh.getCellByPosition(c0 + c, r0 + r)
            err = cell.getError()
            if err == 32767 or (err and cell.getString() == "#N/A"):
                row.append(None)
            elif err:
                row.append(f"Err:{err}")
            elif cell.FormulaResultType2 == 2:
                row.append(cell.getString())
            else:
                row.append(cell.getValue())
        got.append(row)
    return got


def one_file(office, alvh, fx, options, checks):
    expiry, root, dte, delta, wing = FIXTURES[fx]
    path = os.path.join(DATA, fx)
    doc = office.desktop.loadComponentFromURL(file_url(path), "_blank", 0, (
        prop("Hidden", True), prop("FilterName", "Text - txt - csv (StarCalc)"),
        prop("FilterOptions", IMPORTS[options])))
    sh = doc.Sheets.getByIndex(0)
    cur = sh.createCursor()
    cur.gotoEndOfUsedArea(False)
    end = cur.RangeAddress
    chain = f"$A$1:${col_name(end.EndColumn)}${end.EndRow + 1}"
    col = end.EndColumn + 2
    rng = as_range(path)
    calls = [("CHAIN_SUMMARY", [], f"=CHAIN_SUMMARY({chain})"),
             ("CHAIN_SMILE", [repr(serial(expiry)), root],
              f'=CHAIN_SMILE({chain};DATE({expiry.replace("-", ";")});"{root}")'),
             ("CHAIN_CONDOR", [str(dte), str(delta), str(wing)],
              f"=CHAIN_CONDOR({chain};{dte};{delta};{wing})")]
    where = f"{fx} ({options})"
    for name, args, formula in calls:
        want = cli(alvh, name, rng, *args)
        if not isinstance(want, list):
            checks.check(False, f"{where}: {name} through the CLI: {want}")
            continue
        nr, nc = len(want), len(want[0])
        block = sh.getCellRangeByPosition(col, 0, col + nc - 1, nr - 1)
        block.setArrayFormula(formula)
        doc.calculateAll()
        got = read_block(sh, col, 0, nr, nc)
        checks.check(got == want, f"{where}: {name} in Calc equals the CLI on the file: "
                     f"got {str(got)[:240]}, want {str(want)[:240]}")
        col += nc + 1
    # A broken cell: the bid of line 6 (E6) as text; ALVH_ERROR names the row and the column.
    sh.getCellRangeByName("E6").setString("abc")
    err = sh.getCellByPosition(col, 0)
    err.setFormula(f'=ALVH_ERROR("CHAIN_SUMMARY";{chain})')
    doc.calculateAll()
    checks.check(err.getString().startswith("CHAIN_VALUE: chain: row 6, column 5 (Bid)"),
                 f"{where}: a broken cell explained: {err.getString()}")
    doc.close(True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--alvh", required=True)
    opts = ap.parse_args()
    checks = Checks()
    with CalcOffice(opts.oxt) as office:
        for fx in FIXTURES:
            for options in IMPORTS:
                one_file(office, opts.alvh, fx, options, checks)
        checks.check(office.alive(), "soffice is alive at the end")
    return checks.report("test_chain_calc")


if __name__ == "__main__":
    sys.exit(main())
