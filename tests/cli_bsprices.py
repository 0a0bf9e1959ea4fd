#!/usr/bin/python3
"""CLI checks of BS_PRICES (tests/CMakeLists.txt runs: cli_bsprices.py ALVH_BINARY).

Expected values: BS_PRICE of each row through the same CLI (BS_PRICE is checked against mpmath
elsewhere); BS_PRICES must print the same 17 digits. Errors: the NUMBER_ARRAY rule, derived by
hand: JSON null and text cells read as 0, which BS_PRICES rejects (types must be 1/-1; spot,
strike, years, vol > 0), naming the row; text as a whole column argument or as the rate is an
error.
"""
import json
import sys

import clicheck
from clicheck import check

ROWS = [  # type, spot, strike, years, vol
    (1, 5000, 5100, 0.0822, 0.15),
    (-1, 5000, 4700, 0.0822, 0.18),
    (1, 100, 80, 0.25, 0.35),
    (-1, 100, 120, 2.0, 0.6),
    (1, 18.5, 25, 1 / 365, 0.95),
]


def col(values):
    return json.dumps([[v] for v in values])


def prices_line(rows, extra=("0.045", "0.013")):
    cols = list(zip(*rows))
    return ["BS_PRICES"] + [col(c) for c in cols] + list(extra)


def main():
    # row by row against BS_PRICE, with and without the optional rate and div_yield
    for extra in (("0.045", "0.013"), ()):
        lines = [prices_line(ROWS, extra)]
        for t, s, k, y, v in ROWS:
            lines.append(["BS_PRICE", "C" if t == 1 else "P", repr(s), repr(k), repr(y), repr(v)]
                         + list(extra))
        _, out = clicheck.batch(lines)
        got = json.loads(out[0]) if out and out[0].startswith("[[") else None
        check(got is not None and len(got) == len(ROWS), f"BS_PRICES column: {out[:1]}")
        for i, line in enumerate(out[1:]):
            check(got is not None and repr(float(got[i][0])) == repr(float(line)),
                  f"row {i + 1} {extra}: BS_PRICES {got and got[i]} vs BS_PRICE {line}")

    # a single value is used for every row
    _, out = clicheck.batch([["BS_PRICES", "-1", "100", col([80, 90, 100]), "0.25", "0.35",
                              "0.03"]] +
                            [["BS_PRICE", "P", "100", str(k), "0.25", "0.35", "0.03"]
                             for k in (80, 90, 100)])
    got = json.loads(out[0]) if out[0].startswith("[[") else None
    check(got is not None and [repr(float(g[0])) for g in got] ==
          [repr(float(x)) for x in out[1:]], f"broadcast: {out}")

    # empty (null) and text cells read as 0 and are rejected, naming the row
    bad = [
        (0, 1, None, "#ERR OPTION_TYPE: types: row 2 is 0, an empty or text cell"),
        (0, 2, "C", "#ERR OPTION_TYPE: types: row 3 is 0, an empty or text cell"),
        (0, 0, 2, "#ERR OPTION_TYPE: types: row 1 must be 1 (call) or -1 (put), got 2"),
        (1, 4, None, "#ERR SPOT: spots: row 5 is 0, which may be an empty or text cell"),
        (2, 0, "abc", "#ERR STRIKE: strikes: row 1 is 0, which may be an empty or text cell"),
        (3, 3, 0, "#ERR YEARS: years: row 4 is 0, which may be an empty or text cell"),
        (4, 1, -0.2, "#ERR VOL: vols: row 2 must be a finite number > 0, got -0.2"),
    ]
    for c, r, value, want in bad:
        rows = [list(x) for x in ROWS]
        rows[r][c] = value
        _, out = clicheck.batch([prices_line(rows)])
        check(out[0].startswith(want), f"col {c} row {r + 1} = {value!r}: {out[0]!r}")
        check("BS_PRICES takes 1 for a call and -1 for a put" in out[0] if c == 0 and value != 2
              else True, f"type message says what to use: {out[0]!r}")

    # shapes and scalar arguments
    line = prices_line(ROWS)
    cases = [
        (4, col([0.25, 0.5]), "#ERR RANGE_SHAPE: years has 2 rows where another column has 5"),
        (5, json.dumps([[1, 2], [3, 4]]), "#ERR RANGE_SHAPE: vols must be a single column"),
        (1, "C", "#ERR ARG_TYPE: types must be a range of numbers, got text \"C\""),
        (6, "4.5%", "#ERR ARG_TYPE: rate must be a number"),
        (7, "", None),
        (2, "", "#ERR MISSING: spots is required"),
    ]
    for pos, field, want in cases:
        new = list(line)
        new[pos] = field
        _, out = clicheck.batch([new])
        if want is None:
            check(out[0].startswith("[["), f"div_yield omitted: {out[0]!r}")
        else:
            check(out[0].startswith(want), f"argument {pos} = {field!r}: {out[0]!r}")
    return clicheck.report("cli_bsprices")


if __name__ == "__main__":
    sys.exit(main())
