#!/usr/bin/python3
"""Writes tests/data/compat_formulas.fods: formulas as LibreOffice stores add-in calls
(of:=ORG.ALVHCALC.FUNCTIONS.<NAME>), each with an independently derived expected value and a
pass flag. test_calc.py opens the committed file, recalculates, and requires every flag.

The formula names in it are the compatibility contract: regenerate only to add rows, never to
rename. Expected values: serial dates counted by hand (Python's datetime, days since 1899-12-30),
prices with mpmath at 50 digits from the closed forms (Black-Scholes-Merton, Black-76), the A/D
line summed by hand. Needs /usr/bin/python3 with python3-mpmath.

usage: /usr/bin/python3 tests/calc/make_compat_fods.py > tests/data/compat_formulas.fods
"""
import datetime
import sys

import mpmath

mpmath.mp.dps = 50
F = "ORG.ALVHCALC.FUNCTIONS."


def serial(y, m, d, hours=0.0):
    return float((datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days + mpmath.mpf(hours) / 24)


def ncdf(x):
    return (1 + mpmath.erf(x / mpmath.sqrt(2))) / 2


def bsm(kind, s, k, t, v, r, q):
    s, k, t, v, r, q = (mpmath.mpf(x) for x in (s, k, t, v, r, q))
    d1 = (mpmath.log(s / k) + (r - q + v * v / 2) * t) / (v * mpmath.sqrt(t))
    d2 = d1 - v * mpmath.sqrt(t)
    w = 1 if kind == "C" else -1
    return float(w * (s * mpmath.exp(-q * t) * ncdf(w * d1) - k * mpmath.exp(-r * t) * ncdf(w * d2)))


def black76(kind, f, k, t, v, r):
    f, k, t, v, r = (mpmath.mpf(x) for x in (f, k, t, v, r))
    d1 = (mpmath.log(f / k) + v * v / 2 * t) / (v * mpmath.sqrt(t))
    d2 = d1 - v * mpmath.sqrt(t)
    w = 1 if kind == "C" else -1
    return float(w * mpmath.exp(-r * t) * (f * ncdf(w * d1) - k * ncdf(w * d2)))


ROWS = [
    # label, ODF formula, expected, derivation
    ("ALVH_YEARS: one ACT/365 year", F + "ALVH_YEARS(45658;46023)", 1.0,
     "2025-01-01 to 2026-01-01: 365 days / 365"),
    ("ALVH_YEARS: intraday", F + "ALVH_YEARS(45658.5;45764.395833333336)",
     (45764.395833333336 - 45658.5) / 365, "(to - from) / 365"),
    ("SPX_EXPIRY: Good Friday 2025 moves to Thu 2025-04-17 09:30", F + "SPX_EXPIRY(2025;4)",
     serial(2025, 4, 17, 9.5), "2025-04-17 is serial 45764; 09:30 = 9.5/24"),
    ("SPX_EXPIRY: PM, Juneteenth 2026 moves to Thu 2026-06-18 16:00",
     F + 'SPX_EXPIRY(2026;6;"PM")', serial(2026, 6, 18, 16), "2026-06-18 is serial 46191"),
    ("VIX_EXPIRY: 2025-03 is Tue 2025-03-18 09:30", F + "VIX_EXPIRY(2025;3)",
     serial(2025, 3, 18, 9.5), "CFE rule: Good Friday 2025-04-18 -> Tue 2025-03-18"),
    ("BS_PRICE: textbook call", F + 'BS_PRICE("C";100;100;1;0.2;0.05)',
     bsm("C", 100, 100, 1, 0.2, 0.05, 0), "mpmath 50 digits: S N(d1) - K exp(-rT) N(d2)"),
    ("BS_PRICE: SPX put with dividend yield", F + 'BS_PRICE("P";5000;4700;0.0822;0.18;0.045;0.013)',
     bsm("P", 5000, 4700, 0.0822, 0.18, 0.045, 0.013), "mpmath 50 digits, Black-Scholes-Merton"),
    ("B76_PRICE: VIX call on the future", F + 'B76_PRICE("C";18.5;25;0.0822;0.95;0.045)',
     black76("C", 18.5, 25, 0.0822, 0.95, 0.045), "mpmath 50 digits, Black-76"),
    ("AD_LINE: last row of an array result", "INDEX(" + F
     + "AD_LINE({1850|1620|1400|2010};{1320|1540|1800|1100});4;1)", 1120.0,
     "530 + 80 - 400 + 910"),
    ("ALVH_ERROR: a call that succeeds", F + 'ALVH_ERROR("ALVH_ERROR";"X")', "OK", ""),
    ("ALVH_ERROR: names the missing argument",
     "LEFT(" + F + 'ALVH_ERROR("ALVH_YEARS";1);8)', "MISSING:", ""),
]


def esc(s):
    return s.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def text_cell(s):
    return f'<table:table-cell office:value-type="string"><text:p>{esc(s)}</text:p></table:table-cell>'


def main():
    out = sys.stdout
    out.write('''<?xml version="1.0" encoding="UTF-8"?>
<!-- ALVH Calc compatibility document, written by tests/calc/make_compat_fods.py: formulas as
     LibreOffice stores add-in calls (of:=ORG.ALVHCALC.FUNCTIONS.<NAME>). These names are a
     contract: tests/calc/test_calc.py opens this file, recalculates, and requires every pass
     flag (column D) to be 1. Column E says where each expected value comes from. Cached
     results are 0, so only a recalculation passes. -->
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Compat">
''')
    out.write("    <table:table-row>" + "".join(text_cell(h) for h in
              ("Case", "Formula", "Expected", "Pass", "Derivation")) + "</table:table-row>\n")
    for i, (label, formula, expected, derivation) in enumerate(ROWS):
        r = i + 2
        if isinstance(expected, float):
            fcell = (f'<table:table-cell table:formula="of:={esc(formula)}" '
                     f'office:value-type="float" office:value="0"><text:p>0</text:p>'
                     f'</table:table-cell>')
            ecell = (f'<table:table-cell office:value-type="float" office:value="{expected!r}">'
                     f'<text:p>{expected!r}</text:p></table:table-cell>')
            flag = (f"of:=IF(ISERROR([.B{r}]);0;IF(ABS([.B{r}]-[.C{r}])&lt;=1E-12*ABS([.C{r}]);"
                    f"1;0))")
        else:
            fcell = (f'<table:table-cell table:formula="of:={esc(formula)}" '
                     f'office:value-type="string" office:string-value=""><text:p></text:p>'
                     f'</table:table-cell>')
            ecell = text_cell(expected)
            flag = f"of:=IF(ISERROR([.B{r}]);0;IF([.B{r}]=[.C{r}];1;0))"
        flag_cell = (f'<table:table-cell table:formula="{flag}" office:value-type="float" '
                     f'office:value="0"><text:p>0</text:p></table:table-cell>')
        out.write(f"    <table:table-row>{text_cell(label)}{fcell}{ecell}{flag_cell}"
                  f"{text_cell(derivation)}</table:table-row>\n")
    n = len(ROWS)
    out.write(f'''    <table:table-row>{text_cell("All passed")}<table:table-cell/><table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell><table:table-cell table:formula="of:=SUM([.D2:.D{n + 1}])" office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell></table:table-row>
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
''')


if __name__ == "__main__":
    main()
