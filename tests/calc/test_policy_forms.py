#!/usr/bin/python3
"""A [policy] argument in real Calc, in the three forms a user gives it: a two-column key/value
block of cells (what the templates show), JSON typed into a cell with AutoCorrect's typographic
quotes (English, German, French), and JSON with straight quotes. On ALVH_POLICY (the whole
policy), ALVH_SCHEDULE and ALVH_SIGNAL the three give the same cells, and those equal the CLI's
`alvh call` with the JSON text. Also: the errors of a key/value block name the row.

usage: /usr/bin/python3 test_policy_forms.py --oxt alvh.oxt --alvh ALVH
Prints "N passed, N failed"; exit status 1 on any failure.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))  # the repository root: office/
sys.path.insert(0, os.path.join(HERE, ".."))        # tests/: clicheck
from clicheck import Checks  # noqa: E402
from policy_forms import ROWS, json_forms  # noqa: E402
from office import CalcOffice  # noqa: E402

def cli(alvh, *args):
    out = subprocess.run([alvh, "call", *args], capture_output=True, text=True, timeout=60)
    return out.returncode, out.stdout.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--alvh", required=True)
    opts = ap.parse_args()
    checks = Checks()
    texts = json_forms(ROWS)
    straight = texts["JSON"]
    market = subprocess.run([opts.alvh, "market", "bear2022"], capture_output=True, text=True,
                            check=True).stdout.splitlines()[1:151]
    vix = [float(line.split(",")[2]) for line in market]
    with CalcOffice(opts.oxt) as office:
        doc = office.new_calc()
        sh = doc.Sheets.getByIndex(0)
        # The key/value block A1:B12 (blank rows after the keys, as on a template).
        for r, (key, value) in enumerate(ROWS):
            sh.getCellByPosition(0, r).setString(key)
            v = sh.getCellByPosition(1, r)
            if isinstance(value, bool):
                v.setFormula("=TRUE()" if value else "=FALSE()")
            elif isinstance(value, str):
                v.setString(value)
            else:
                v.setValue(value)
        # Each JSON form typed into a cell (setString: the text AutoCorrect leaves in the cell).
        forms = {"key/value block": "$A$1:$B$12"}
        for k, (name, text) in enumerate(texts.items()):
            sh.getCellByPosition(3, k).setString(text)
            forms[name] = f"$D${k + 1}"
        for r, x in enumerate(vix):
            sh.getCellByPosition(5, r).setValue(x)
        calls = {  # name: (formula with {p} for the policy, result rows, columns, CLI args)
            "ALVH_POLICY": ('=ALVH_POLICY("*";{p})', 1, 1, ["ALVH_POLICY", "*"]),
            "ALVH_SCHEDULE": ("=ALVH_SCHEDULE(46037;16;250000;-1500;{p})", 3, 13,
                              ["ALVH_SCHEDULE", "46037", "16", "250000", "-1500"]),
            "ALVH_SIGNAL": (f'=ALVH_SIGNAL($F$1:$F${len(vix)};;;{{p}})', len(vix), 1,
                            ["ALVH_SIGNAL", json.dumps(vix), "", ""]),
        }
        col = 8
        results = {}
        for name, (formula, nrows, ncols, _) in calls.items():
            for form, ref in forms.items():
                block = sh.getCellRangeByPosition(col, 0, col + ncols - 1, nrows - 1)
                block.setArrayFormula(formula.format(p=ref))
                results[(name, form)] = (block, col, nrows, ncols)
                col += ncols + 1
        doc.calculateAll()
        for name, (formula, nrows, ncols, args) in calls.items():
            code, want = cli(opts.alvh, *args, straight)
            want_rows = json.loads(want) if want.startswith("[") else [[want]]
            default = json.loads(cli(opts.alvh, *args, "")[1]) if name != "ALVH_POLICY" \
                else None
            checks.check(code == 0, f"{name}: the CLI with the JSON policy: {want[:200]}")
            if default is not None:
                checks.check(default != want_rows, f"{name}: the policy changes the result")
            for form in forms:
                block, c0, nr, nc = results[(name, form)]
                got = []
                for r in range(nr):
                    row = []
                    for c in range(nc):
                        cell = sh.getCellByPosition(c0 + c, r)
                        err = cell.getError()
                        if err == 32767 or (err and cell.getString() == "#N/A"):
                            row.append(None)
                        elif err:
                            row.append(f"Err:{err}")
                        elif cell.FormulaResultType2 == 2:  # text
                            row.append(cell.getString())
                        else:
                            row.append(cell.getValue())
                    got.append(row)
                if name == "ALVH_POLICY":
                    same = json.loads(got[0][0]) == json.loads(want_rows[0][0]) \
                        if isinstance(got[0][0], str) and got[0][0].startswith("{") else False
                else:
                    same = got == want_rows
                checks.check(same, f"{name} with the {form} in Calc equals the CLI's JSON "
                                   f"result: got {str(got)[:200]}, want {str(want_rows)[:200]}")
        # A key/value block's errors name the row, through ALVH_ERROR.
        sh.getCellRangeByName("A20").setString("sizing")
        sh.getCellRangeByName("B20").setString("vega")
        sh.getCellRangeByName("A21").setString("sizng")
        sh.getCellRangeByName("B21").setString("rule")
        err = sh.getCellRangeByName("A23")
        err.setFormula('=ALVH_ERROR("ALVH_POLICY";"sizing";A20:B22)')
        bad = sh.getCellRangeByName("A24")
        bad.setFormula('=ALVH_POLICY("sizing";A20:B22)')
        doc.calculateAll()
        checks.check(err.getString().startswith('POLICY_KEY: policy row 2: unknown policy key '
                                                '"sizng"'), "row named: " + err.getString())
        checks.check(bad.getError() == 502, f"the bad block's cell is Err:502: {bad.getError()}")
        doc.close(True)
        checks.check(office.alive(), "soffice is alive at the end")
    return checks.report("test_policy_forms")


if __name__ == "__main__":
    sys.exit(main())
