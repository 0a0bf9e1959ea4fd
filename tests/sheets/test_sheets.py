#!/usr/bin/python3
"""The template worksheets (sheets/*.fods) in a real headless Calc with the add-in installed.

usage: /usr/bin/python3 test_sheets.py --oxt alvh.oxt --alvh ALVH TEMPLATE.fods...

For each template whose functions the add-in has (the others are reported as SKIP):
  - it opens, recalculates, and no cell of any sheet shows an error;
  - its key outputs equal the `alvh` CLI's values for the inputs the sheet holds, bit for bit
    (the CLI is the same table through its own front end, parsed and printed without UNO);
  - every sheet is protected (no password) and the only unlocked cells are the yellow
    "ALVH Input" cells; every input (or input block) has a note;
  - its charts exist and read the ranges they should;
  - changing an input and recalculating changes the outputs that depend on it (and they still
    equal the CLI);
  - its PDF export renders to PNG pages (pdftoppm) that are not blank;
  - under a German locale (decimal comma, ';' separators) it opens with no error cell and the
    same values, and numbers show a decimal comma.
And the .oxt ships every template as a Calc template (.ots under the extension's template path).
Prints "N passed, N failed"; exit status 1 on any failure.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile
from functools import partial

print = partial(print, flush=True)  # noqa: A001  (progress shows under ctest and setpriv)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))  # the repository root: office/, sheets/
sys.path.insert(0, os.path.join(HERE, ".."))  # tests/: clicheck
sys.path.insert(0, HERE)  # tests/sheets/: robustness
from clicheck import Checks  # noqa: E402
from office import (PDF, CalcOffice, cell_values, col_name, error_cells, prop,  # noqa: E402
                    range_a1, recalculate, store, used_range)
from sheets.templates import TEMPLATES  # noqa: E402
from pasted_check import check_gap, check_missing_day, check_published  # noqa: E402
from robustness import (check_bad_inputs, check_carry_line, check_chart_tops,  # noqa: E402
                        check_status_ok, check_validity)

# The functions each template needs (the builder's list: a template is built only with them).
NEEDS = {t.file: t.needs for t in TEMPLATES}


# ---- the CLI ---------------------------------------------------------------------------------

class Cli:
    def __init__(self, path):
        self.path = path

    def call(self, name, *args):
        """One call; args are floats, strings, None (omitted) or 2-D lists (ranges). Returns the
        parsed result (float, str, list of rows) or raises with the CLI's error line."""
        fields = []
        for a in args:
            if a is None:
                fields.append("")
            elif isinstance(a, float):
                fields.append(repr(a))
            elif isinstance(a, list):
                fields.append(json.dumps(a))
            else:
                fields.append(str(a))
        out = subprocess.run([self.path, "call", "--batch"], input=name + "\t" + "\t".join(fields)
                             + "\n", capture_output=True, text=True).stdout.strip()
        if out.startswith("#ERR"):
            raise ValueError(f"{name}: {out}")
        if out.startswith("["):
            return json.loads(out)
        try:
            return float(out)
        except ValueError:
            return out


# ---- reading a sheet -------------------------------------------------------------------------

def v(sh, a1):
    c = sh.getCellRangeByName(a1)
    return c.getValue()


def block(sh, a1):
    """A range's cells as rows of float / str / None (empty)."""
    return cell_values(sh.getCellRangeByName(a1))


def same(a, b):
    """Bit-for-bit equality of two cells' values (None = #N/A or empty on both sides)."""
    if isinstance(a, float) and isinstance(b, (int, float)):
        return a == float(b) or (math.isnan(a) and math.isnan(b))
    return a == b


def same_block(got, want):
    if len(got) != len(want):
        return False
    return all(len(g) == len(w) and all(same(x, y) for x, y in zip(g, w))
               for g, w in zip(got, want))


# ---- per-template expectations ---------------------------------------------------------------

def condor_expect(doc, cli):
    """[(what, range, expected rows)] for the condor template, from its input cells."""
    sh = doc.Sheets.getByName("Condor")
    spot, days, vol, skew = (v(sh, a) for a in ("B6", "B7", "B8", "B9"))
    delta, wing, step, n = (v(sh, a) for a in ("B10", "B11", "B12", "B13"))
    rate, div, debit = (v(sh, a) for a in ("B14", "B15", "B16"))
    years = v(sh, "B17")
    strikes = cli.call("IC_STRIKES", spot, years, vol, delta, wing, step, rate, div)
    legs = cli.call("IC_LEGS", strikes, spot, years, vol, rate, div, skew)
    mk = (strikes, spot, years, vol, rate, div, skew)
    credit = cli.call("IC_CREDIT", *mk, 100.0)
    pts = cli.call("IC_CREDIT", *mk, 1.0)
    spots = [[x] for x in (r[0] for r in block(sh, "A37:A77"))]
    legs5 = [r[:5] for r in legs]
    pnl = cli.call("BOOK_PNL", legs5, spots, spot, 0.0, rate, div, 100.0)
    pnl = [[x * n for x in r] for r in pnl]
    return [
        ("IC_STRIKES", "B24:E24", strikes),
        ("IC_LEGS", "A29:J32", legs),
        ("IC_CREDIT x contracts", "E6", [[credit * n]]),
        ("IC_CREDIT per condor, points", "E7", [[pts]]),
        ("IC_MAXLOSS x contracts", "E8", [[cli.call("IC_MAXLOSS", *mk, 100.0) * n]]),
        ("IC_BREAKEVEN lower", "E9", [[cli.call("IC_BREAKEVEN", "LOWER", *mk)]]),
        ("ALVH_BREAKEVEN upper", "E12",
         [[cli.call("ALVH_BREAKEVEN", "UPPER", strikes, pts, debit, n, 100.0)]]),
        ("IC_POP", "E13", [[cli.call("IC_POP", *mk)]]),
        ("BOOK_GREEK vega x contracts", "E15",
         [[cli.call("BOOK_GREEK", "vega", legs5, spot, rate, div, 100.0) * n]]),
        ("ALVH_NOTIONAL", "E18", [[cli.call("ALVH_NOTIONAL", strikes, pts, n,
                                            policy_rows(doc, "Condor", "B81:C81"))]]),
        ("BOOK_PNL x contracts", "B37:C77", pnl),
    ]


def schedule_expect(doc, cli):
    sh = doc.Sheets.getByName("Schedule")
    val, vix, notional, cvega = (v(sh, a) for a in ("B6", "B7", "B8", "B9"))
    policy = policy_rows(doc, "Schedule", "B41:C59")
    fut = [r for r in block(sh, "E6:F11") if r[0] is not None or r[1] is not None]
    args = (val, vix, notional, cvega, policy) + ((fut,) if fut else ())
    sched = cli.call("ALVH_SCHEDULE", *args)
    unit = [[cli.call("VIX_LAYER_VEGA", 1.0, r[5], r[3], r[2] / 365,
                      cli.call("ALVH_POLICY", f"layers.{i + 1}.vol_of_vol", policy), 0.0, r[9])]
            for i, r in enumerate(sched)]
    return [
        ("ALVH_SCHEDULE", "A13:M15", sched),
        ("VIX_LAYER_VEGA of one contract", "N13:N15", unit),
        ("ALVH_SIZE", "B28:D28", cli.call("ALVH_SIZE", notional, None, policy)),
        ("ALVH_CALIBRATE", "B29:E29", cli.call("ALVH_CALIBRATE", cvega, unit, None, policy)),
        ("ALVH_COST", "B20", [[cli.call("ALVH_COST", *args)]]),
    ]


def daily_rows(doc, sheet, first, cols):
    """The aligned rows of a pasted-data template's daily table (those with a date) from sheet
    row first, columns cols (A1 letters, e.g. "A:E"), and the number of them."""
    sh = doc.Sheets.getByName(sheet)
    rows = [r for r in block(sh, f"{cols[0]}{first}:{cols[-1]}{first + 10079}")
            if r[0] is not None]
    return rows, len(rows)


def policy_rows(doc, sheet, a1):
    """A key/value settings block as the rows a range argument gives (keys of emptied values are
    blank: skipped)."""
    return [[k if k is not None else "", v if v is not None else ""]
            for k, v in block(doc.Sheets.getByName(sheet), a1)]


def signals_expect(doc, cli):
    data, n = daily_rows(doc, "Signals", 33, "A:E")
    policy = policy_rows(doc, "Signals", SIGNALS_POLICY)
    vix = [[r[1]] for r in data]
    spx = [[r[2]] for r in data]
    adv, dec = [[r[3]] for r in data], [[r[4]] for r in data]
    setting = {k: cli.call("ALVH_POLICY", f"signals.{k}", policy)
               for k in ("rsi_period", "macd_fast", "macd_slow", "macd_signal", "ad_lookback")}
    rsi = cli.call("VIX_RSI", vix, setting["rsi_period"])
    macd = cli.call("VIX_MACD", vix, setting["macd_fast"], setting["macd_slow"],
                    setting["macd_signal"])
    adl = cli.call("AD_LINE", adv, dec)
    sig = cli.call("ALVH_SIGNAL", vix, adl, spx, policy)
    last = 32 + n
    return [
        ("VIX_RSI", f"F33:F{last}", rsi),
        ("VIX_MACD", f"G33:I{last}", macd),
        ("AD_LINE", f"J33:J{last}", adl),
        ("AD_DIVERGENCE", f"K33:K{last}",
         cli.call("AD_DIVERGENCE", adl, spx, setting["ad_lookback"])),
        ("ALVH_SIGNAL", f"L33:L{last}", sig),
        ("nothing after the last row", f"A{last + 1}:L{last + 40}", [[None] * 12] * 40),
    ]


def scenarios_expect(doc, cli):
    sh = doc.Sheets.getByName("Scenarios")
    val, spot, vix, days, vol, skew, delta, wing, n, rate, div, shock, vov = (
        v(sh, f"B{r}") for r in range(6, 19))
    policy = policy_rows(doc, "Scenarios", SCENARIOS_POLICY)
    years = v(sh, "B19")
    strikes = cli.call("IC_STRIKES", spot, years, vol, delta, wing, 5.0, rate, div)
    legs1 = cli.call("IC_LEGS", strikes, spot, years, vol, rate, div, skew)
    legs = [[r[0], r[1], r[2] * n, r[3], r[4]] for r in legs1]
    pts = cli.call("IC_CREDIT", strikes, spot, years, vol, rate, div, skew, 1.0)
    notional = cli.call("ALVH_NOTIONAL", strikes, pts, n, policy)
    cvega = cli.call("CONDOR_VIX_VEGA", [[r[2] * r[8]] for r in legs1], n)
    layers = cli.call("ALVH_SCHEDULE", val, vix, notional, cvega, policy)
    budget = cli.call("ALVH_COST", val, vix, notional, cvega, policy)
    puts = cli.call("ALVH_PUT_SPREAD", val, spot, vix, notional, budget, policy, rate, div)
    # The hedge the settings choose (an emptied Hedge: the default, the VIX layers).
    kind = dict((k, w) for k, w in policy).get("hedge_kind") or "vix_calls"
    hedge = puts if kind == "spx_put_spread" else layers
    tail = (legs, hedge, spot, vix, policy, vov, rate, div)
    spx_moves = [r for r in block(sh, "E6:E17")]
    vix_moves = block(sh, "F5:O5")
    grid = cli.call("ALVH_SCENARIO_GRID", spx_moves, vix_moves, shock, *tail)
    spikes = [cli.call("ALVH_SCENARIO", v(sh, f"F{r}"), v(sh, f"G{r}"), shock, *tail)[0]
              for r in (22, 23, 24)]

    def forced(k):  # the settings with hedge_kind k, whatever the sheet chose
        return [[key, k] if key == "hedge_kind" else [key, w] for key, w in policy] + (
            [] if any(key == "hedge_kind" for key, _ in policy) else [["hedge_kind", k]])
    side = [[cli.call("ALVH_SCENARIO", v(sh, f"F{r}"), v(sh, f"G{r}"), shock, legs, held, spot,
                      vix, forced(k), vov, rate, div)[0][2]
             for k, held in (("vix_calls", layers), ("spx_put_spread", puts))]
            for r in (22, 23, 24)]
    return [
        ("IC_STRIKES", "B30:E30", strikes),
        ("IC_LEGS", "A78:J81", legs1),
        ("the legs range (quantity x contracts)", "A33:E36", legs),
        ("ALVH_NOTIONAL", "B39", [[notional]]),
        ("CONDOR_VIX_VEGA", "B40", [[cvega]]),
        ("ALVH_SCHEDULE (the VIX layers)", "A46:M48", layers),
        ("ALVH_COST (the put spread's budget)", "B52", [[budget]]),
        ("ALVH_PUT_SPREAD", "A54:L55", puts),
        ("ALVH_SCENARIO_GRID (the chosen hedge: " + kind + ")", "F6:O17", grid),
        ("ALVH_SCENARIO spike days (the chosen hedge)", "H22:K24", spikes),
        ("the spike days' net with each hedge of equal cost", "L22:M24", side),
    ]


def backtest_expect(doc, cli):
    data, n = daily_rows(doc, "Backtest", 70, "A:C")
    cols = [[[r[k]] for r in data] for k in (0, 1, 2)]
    policy = policy_rows(doc, "Backtest", BACKTEST_POLICY)
    summary = cli.call("ALVH_BACKTEST_SUMMARY", *cols, policy)
    daily = cli.call("ALVH_BACKTEST", *cols, policy)
    side = cli.call("ALVH_BACKTEST_COMPARE", *cols, policy)
    last = 69 + n
    return [
        ("ALVH_BACKTEST_SUMMARY", f"C37:C{36 + len(summary)}", [[r[1]] for r in summary]),
        ("ALVH_BACKTEST, every column (the three books)", f"D70:R{last}", daily),
        ("nothing after the last row", f"A{last + 1}:R{last + 40}", [[None] * 18] * 40),
        # An undefined measure or one not of that book: an empty cell (the CLI's null).
        ("ALVH_BACKTEST_COMPARE side by side", f"G37:I{36 + len(side)}",
         [r[1:] for r in side]),
    ]


def chain_expect(doc, cli):
    """The chain template: its three functions against the CLI on the Quotes tab's cells."""
    sh = doc.Sheets.getByName("Chain")
    quotes = block(doc.Sheets.getByName("Quotes"), "A5:V600")
    while quotes and all(x is None for x in quotes[-1]):
        quotes.pop()
    rng = [[x if x is not None else "" for x in r] for r in quotes]
    expiry, root, dte, delta, wing = v(sh, "B6"), sh.getCellRangeByName("B7").getString(), \
        v(sh, "B8"), v(sh, "B9"), v(sh, "B10")
    condor = cli.call("CHAIN_CONDOR", rng, dte, delta, wing, root)
    summary = cli.call("CHAIN_SUMMARY", rng)
    smile = cli.call("CHAIN_SMILE", rng, expiry, root)
    figures = dict((k, x) for k, x in condor)
    return [
        ("CHAIN_CONDOR", f"A30:B{29 + len(condor)}", condor),
        ("the condor's key figures", "B16:B19", [[figures[k]] for k in
                                                 ("short_put", "long_put", "short_call",
                                                  "long_call")]),
        ("CHAIN_SUMMARY", f"A64:L{63 + len(summary)}", summary),
        ("nothing after the expiries", f"A{64 + len(summary)}:L123",
         [[None] * 12] * (60 - len(summary))),
        ("CHAIN_SMILE", f"A129:K{128 + len(smile)}", smile),
    ]


# The settings blocks (key/value ranges) of the templates the checks read them from.
SCENARIOS_POLICY = "B60:C73"
SIGNALS_POLICY = "B21:C27"
BACKTEST_POLICY = "B18:C32"


EXPECT = {"alvh-condor-legs": ("Condor", condor_expect),
          "alvh-layer-schedule": ("Schedule", schedule_expect),
          "alvh-signals": ("Signals", signals_expect),
          "alvh-scenarios": ("Scenarios", scenarios_expect),
          "alvh-backtest": ("Backtest", backtest_expect),
          "alvh-chain": ("Chain", chain_expect)}

# (input cell, new value, ranges that must change)
CHANGES = {"alvh-condor-legs": ("Condor", "B6", 6150.0, ["B24:E24", "E6", "B37:C77"]),
           "alvh-layer-schedule": ("Schedule", "B7", 24.0, ["A13:M15", "B20"]),
           "alvh-signals": ("Data", "E150", 45.0, ["Signals!F167:F172", "Signals!G167:I172"]),
           "alvh-scenarios": ("Scenarios", "B8", 20.0, ["A46:M48", "F6:O17", "H22:K24",
                                                        "A54:L55", "L22:M24"]),
           "alvh-chain": ("Chain", "B9", 0.25, ["A30:B58", "B16:B19", "B733:B773"]),
           "alvh-backtest": ("Data", "E150", 45.0, ["Backtest!C37:C65", "Backtest!D200:G210"])}

# A cell showing a number with decimals (under de-DE: a decimal comma).
DECIMAL_PROBE = {"alvh-condor-legs": "B8", "alvh-layer-schedule": "B7", "alvh-signals": "C9",
                 "alvh-scenarios": "B8", "alvh-backtest": "C9", "alvh-chain": "B9"}

# Conditional formats: (sheet, range) -> "colorscale" or (formula, style).
CONDITIONS = {"alvh-scenarios": [("Scenarios", "F6:O17", "colorscale")],
              "alvh-signals": [("Signals", "A33:L10112",
                                ('AND($L33&""<>"";$L33&""<>"NONE")', "ALVH Trigger"))],
              "alvh-layer-schedule": [("Schedule", "E19:E20", ('"IN BAND"', "ALVH Good"))]}

# Chart name -> the ranges it reads (sheet-relative A1).
CHARTS = {"alvh-condor-legs": {"RiskProfile": ["A36:C77"]},
          "alvh-layer-schedule": {"CoverageByLayer": ["A33:C36"]},
          "alvh-signals": {"VixRsi": ["A32:B10112", "F32:F10112"],
                           "Macd": ["A32:A10112", "G32:H10112"]},
          "alvh-scenarios": {},
          "alvh-chain": {"Smile": ["A128:A728", "F128:F728"], "RiskProfile": ["A732:B773"]},
          "alvh-backtest": {"Equity": ["A69:A10149", "D69:E10149", "N69:N10149"],
                            "Drawdown": ["A69:A10149", "G69:H10149", "P69:P10149"]}}


def check_values(name, doc, cli, checks, label):
    sheet, fn = EXPECT[name]
    for what, a1, want in fn(doc, cli):
        other, _, a1 = a1.rpartition("!")
        got = block(doc.Sheets.getByName(other or sheet), a1)
        if not isinstance(want, list):
            want = [[want]]
        elif want and not isinstance(want[0], list):
            want = [want]
        ok = same_block(got, want)
        checks.check(ok, f"{name} {label}: {what} in {a1} equals the CLI"
                     + ("" if ok else f"\n   sheet {str(got)[:300]}\n   cli   {str(want)[:300]}"))


def check_structure(name, doc, checks):
    """Protection, unlocked = input style, a note in every input block, the how-to line."""
    total_inputs = 0
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        checks.check(sh.isProtected(), f"{name}: sheet {sh.Name} is protected")
        notes = {(a.Position.Column, a.Position.Row) for a in sh.Annotations}
        used = used_range(sh)
        wrong, cells = [], set()
        # Ranges of uniform formatting: style and protection are read once per block.
        fmt = used.CellFormatRanges
        for k in range(fmt.Count):
            r = fmt.getByIndex(k)
            a = r.RangeAddress
            is_input = r.CellStyle == "ALVH Input"
            if r.CellProtection.IsLocked == is_input:
                wrong.append(range_a1(a))
            if is_input:
                cells.update((c, row) for c in range(a.StartColumn, a.EndColumn + 1)
                             for row in range(a.StartRow, a.EndRow + 1))
        inputs = len(cells)
        # Every block of adjoining input cells (an input, a pasted column, a grid axis) carries
        # a note: on one of its cells, on the label left of it or on the header above it (a
        # note's marker on a value cell would cover its last digit).
        unnoted, seen = [], set()
        for start in sorted(cells):
            if start in seen:
                continue
            block_cells, todo = [], [start]
            seen.add(start)
            while todo:
                c, row = todo.pop()
                block_cells.append((c, row))
                for nb in ((c + 1, row), (c - 1, row), (c, row + 1), (c, row - 1)):
                    if nb in cells and nb not in seen:
                        seen.add(nb)
                        todo.append(nb)
            around = set(block_cells) | {(c - 1, row) for c, row in block_cells} | {
                (c, row - 1) for c, row in block_cells}
            if not any(cr in notes for cr in around):
                unnoted.append(f"{col_name(start[0])}{start[1] + 1}")
        total_inputs += inputs
        checks.check(not wrong, f"{name}: only the yellow input cells are unlocked ({wrong[:8]})")
        checks.check(not unnoted, f"{name}: every input block has a note ({unnoted[:8]})")
        checks.check(sh.getCellByPosition(0, 1).getString().startswith("How to use:"),
                     f"{name}: sheet {sh.Name} says how to use it on line 2")
    checks.check(total_inputs > 0, f"{name}: has input cells")


def block_address(a1):
    """(c0, r0, c1, r1), 0-based, of an A1 range like "M5:O46"."""
    import re
    m = re.match(r"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$", a1)
    def col(s):
        n = 0
        for ch in s:
            n = n * 26 + ord(ch) - 64
        return n - 1
    c0, r0 = col(m.group(1)), int(m.group(2)) - 1
    if m.group(3):
        return c0, r0, col(m.group(3)), int(m.group(4)) - 1
    return c0, r0, c0, r0


def chart_ranges(emb):
    """The cell ranges a chart reads (A1, sheet names dropped), from its data model: every
    series' values, x values and label, and the categories (a chart over another sheet's cells
    has no ranges on its table chart object)."""
    import re
    reps = []
    for cs in emb.getFirstDiagram().getCoordinateSystems():
        cats = cs.getAxisByDimension(0, 0).getScaleData().Categories
        if cats is not None and cats.getValues() is not None:
            reps.append(cats.getValues().SourceRangeRepresentation)
        for ct in cs.getChartTypes():
            for series in ct.getDataSeries():
                for seq in series.getDataSequences():
                    for part in (seq.getValues(), seq.getLabel()):
                        if part is not None:
                            reps.append(part.SourceRangeRepresentation)
    out = []
    for rep in reps:
        for one in rep.split(";"):
            cells = [re.sub(r"^.*\.", "", c).replace("$", "") for c in one.split(":")]
            out.append(":".join(dict.fromkeys(cells)))
    return out


def check_charts(name, doc, checks):
    """Every expected chart exists (by the ranges it reads) and has a title."""
    found = []
    for sheet_i in range(doc.Sheets.Count):
        charts = doc.Sheets.getByIndex(sheet_i).Charts
        for k in range(charts.Count):
            ch = charts.getByIndex(k)
            emb = ch.EmbeddedObject
            title = emb.Title.String if emb.HasMainTitle else ""
            found.append((chart_ranges(emb), title))
    def cells(ranges):
        out = set()
        for a1 in ranges:
            a = block_address(a1)
            out.update((c, r) for c in range(a[0], a[2] + 1) for r in range(a[1], a[3] + 1))
        return out

    for chart_name, ranges in CHARTS.get(name, {}).items():
        # Calc may store a chart's block as its data and its label cells separately (and the
        # empty top-left corner not at all): compare the cells read, corners aside.
        want = cells(ranges)
        corners = {min(cells([a1])) for a1 in ranges}
        match = [t for r, t in found if want - corners <= cells(r) <= want]
        checks.check(bool(match), f"{name}: chart {chart_name} reads {ranges} (charts: {found})")
        checks.check(bool(match) and match[0] != "", f"{name}: chart {chart_name} has a title")


def check_conditions(name, doc, checks):
    for sheet, a1, want in CONDITIONS.get(name, []):
        sh = doc.Sheets.getByName(sheet)
        if want == "colorscale":
            from com.sun.star.sheet.ConditionEntryType import COLORSCALE
            scales = []
            for f in sh.ConditionalFormats.ConditionalFormats:
                ranges = [range_a1(a) for a in f.Range.RangeAddresses]
                for k in range(f.Count):
                    e = f.getByIndex(k)
                    if e.Type == COLORSCALE:
                        scales.append((ranges, len(e.ColorScaleEntries)))
            checks.check(([a1], 3) in scales,
                         f"{name}: a three-colour scale on {a1} (found {scales})")
        else:
            entries = sh.getCellRangeByName(a1).ConditionalFormat
            got = [(entries.getByIndex(k).Formula1, entries.getByIndex(k).StyleName)
                   for k in range(entries.Count)]
            checks.check(want in got, f"{name}: conditional format {want} on {a1} ({got})")


def check_change(name, doc, cli, checks):
    sheet, a1, value, outs = CHANGES[name]
    sh = doc.Sheets.getByName(sheet)

    def read(o):
        other, _, o = o.rpartition("!")
        return block(doc.Sheets.getByName(other or sheet), o)
    before = [read(o) for o in outs]
    sh.getCellRangeByName(a1).setValue(value)  # an input cell: allowed on a protected sheet
    doc.calculateAll()
    after = [read(o) for o in outs]
    for o, b, a in zip(outs, before, after):
        checks.check(not same_block(a, b), f"{name}: {o} changes when {a1} becomes {value}")
    checks.check(not error_cells(doc), f"{name}: no error cell after {a1} = {value}")
    check_values(name, doc, cli, checks, f"after {a1} = {value}")


# The hedge-kind dropdown (issue 18): (sheet, its value cell, the ranges that follow it, the
# side-by-side that does not, the spike days' hedge P&L column).
HEDGE_KIND = {"alvh-scenarios": ("Scenarios", "C60", ["F6:O17", "H22:K24"], "L22:M24",
                                 "I22:I24")}


def check_hedge_kind(name, doc, cli, checks):
    """Each word of the Hedge dropdown: the heat map and the spike days follow it (and equal
    the CLI with that hedge), the side-by-side of the two hedges does not; none: no hedge
    P&L."""
    if name not in HEDGE_KIND:
        return
    sheet, a1, follow, side, hedge_pnl = HEDGE_KIND[name]
    sh = doc.Sheets.getByName(sheet)
    cell = sh.getCellRangeByName(a1)
    shipped = cell.getString()
    before = [block(sh, o) for o in follow]
    side_before = block(sh, side)
    for kind in ("spx_put_spread", "none", "vix_calls"):
        cell.setString(kind)
        doc.calculateAll()
        checks.check(not error_cells(doc), f"{name}: no error cell with Hedge {kind}")
        after = [block(sh, o) for o in follow]
        for o, b, a in zip(follow, before, after):
            moved = not same_block(a, b)
            checks.check(moved == (kind != shipped), f"{name}: {o} "
                         f"{'changes' if kind != shipped else 'is back'} with Hedge {kind}")
        checks.check(same_block(block(sh, side), side_before),
                     f"{name}: {side} (each hedge of equal cost) is the same with Hedge {kind}")
        if kind == "none":
            checks.check(all(r[0] == 0 for r in block(sh, hedge_pnl)),
                         f"{name}: Hedge none: no hedge P&L in {hedge_pnl}")
        check_values(name, doc, cli, checks, f"with Hedge {kind}")
    cell.setString(shipped)
    doc.calculateAll()


def page_ink(png_dir, pdf):
    """Share of non-white pixels of each page of pdf, rendered by pdftoppm (grey PGM)."""
    prefix = os.path.join(png_dir, "page")
    subprocess.run(["pdftoppm", "-r", "40", "-gray", pdf, prefix], check=True)
    shares = []
    for f in sorted(os.listdir(png_dir)):
        if not f.startswith("page"):
            continue
        data = open(os.path.join(png_dir, f), "rb").read()
        # P5 header: magic, width, height, maxval, each separated by whitespace.
        parts = data.split(maxsplit=4)
        w, h = int(parts[1]), int(parts[2])
        pixels = parts[4][-w * h:]
        shares.append(sum(1 for p in pixels if p < 200) / float(w * h))
        os.unlink(os.path.join(png_dir, f))
    return shares


def check_pdf(name, doc, office, checks):
    pdf = office.temp_path(name + ".pdf")
    store(doc, pdf, PDF)
    if not checks.check(os.path.isfile(pdf) and os.path.getsize(pdf) > 1000,
                        f"{name}: PDF export writes a file"):
        return
    d = tempfile.mkdtemp(dir=office.temp_path(""))
    shares = page_ink(d, pdf)
    checks.check(len(shares) >= 1, f"{name}: the PDF has pages ({len(shares)})")
    blank = [i + 1 for i, s in enumerate(shares) if s < 0.005]
    checks.check(not blank, f"{name}: no blank PDF page (ink per page {shares}, blank {blank})")


def snapshot(doc):
    out = {}
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        out[sh.Name] = used_range(sh).getDataArray()
    return out


def template_name(path):
    """"alvh-condor-legs" of .../alvh-condor-legs.fods."""
    return os.path.basename(path).split(".")[0]


def check_oxt_templates(oxt, templates, checks):
    with zipfile.ZipFile(oxt) as z:
        names = z.namelist()
        manifest = z.read("META-INF/manifest.xml").decode()
        paths = z.read("Paths.xcu").decode() if "Paths.xcu" in names else ""
    checks.check("Paths.xcu" in manifest, "the .oxt manifest lists Paths.xcu")
    checks.check('oor:name="Template"' in paths and "%origin%/templates" in paths,
                 "Paths.xcu adds the extension's templates folder to the Template path")
    for t in templates:
        ots = f"templates/ALVH Calc/{template_name(t)}.ots"
        checks.check(ots in names, f"the .oxt ships {ots}")


def check_installed_templates(office, templates, checks):
    """The extension puts its templates folder on the office's Template path (the folders
    File > New > Templates lists; their subfolder "ALVH Calc" is the category), and each
    template there opens as a new untitled document that recalculates without errors."""
    import urllib.parse
    ps = office.service("com.sun.star.util.PathSettings")
    paths = ps.Template.split(";")
    ours = [p for p in paths if "alvh.oxt/templates" in p]
    if not checks.check(len(ours) == 1, f"the Template path has the extension's folder ({paths})"):
        return
    url = ours[0]
    prefix = "vnd.sun.star.expand:"
    if url.startswith(prefix):
        expander = office.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
        url = expander.expandMacros(urllib.parse.unquote(url[len(prefix):]))
    opened = []
    for t in templates:
        base = template_name(t)
        ots = url.rstrip("/") + "/ALVH%20Calc/" + base + ".ots"
        try:
            doc = office.desktop.loadComponentFromURL(ots, "_blank", 0, (
                prop("Hidden", True), prop("AsTemplate", True)))
        except Exception as e:  # noqa: BLE001  (reported as a failed check)
            doc = None
            print("   ", ots, e)
        if not checks.check(doc is not None, f"template {base}.ots opens from {ots}"):
            continue
        opened.append(base)
        bad = recalculate(doc)
        checks.check(not doc.hasLocation(), f"template {base}.ots opens as an untitled document")
        # A document made from a Calc template saves as ODF (.ods), the template filter's
        # document type, and never as flat XML.
        filt = {p.Name: p.Value for p in doc.getArgs()}.get("FilterName", "")
        checks.check(filt == "calc8_template",
                     f"template {base}.ots: a new document from the Calc template filter ({filt})")
        checks.check(not bad, f"template {base}.ots recalculates without errors ({bad[:8]})")
        charts = sum(doc.Sheets.getByIndex(i).Charts.Count for i in range(doc.Sheets.Count))
        checks.check(charts == len(CHARTS.get(base, {})),
                     f"template {base}.ots keeps its charts ({charts})")
        doc.close(True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--alvh", required=True)
    ap.add_argument("templates", nargs="+")
    args = ap.parse_args()
    cli = Cli(os.path.abspath(args.alvh))
    available = set(subprocess.run([cli.path, "list"], check=True, capture_output=True,
                                   text=True).stdout.split())
    checks = Checks()
    todo = []
    for t in args.templates:
        base = template_name(t)
        missing = [f for f in NEEDS.get(base, []) if f not in available]
        if missing:
            print(f"SKIP {base}: the add-in lacks {', '.join(missing)}")
        else:
            todo.append((base, os.path.abspath(t)))
    check_oxt_templates(args.oxt, [t for _, t in todo], checks)
    values = {}
    with CalcOffice(args.oxt, label="alvh-sheets") as office:
        for name, path in todo:
            doc = office.load(path)
            if not checks.check(doc is not None, f"{name}: opens"):
                continue
            checks.check(doc.isAutomaticCalculationEnabled(),
                         f"{name}: opens with automatic calculation on")
            bad = recalculate(doc)
            checks.check(not bad, f"{name}: no error cell after recalculation ({bad[:10]})")
            values[name] = snapshot(doc)
            if name in EXPECT:
                check_values(name, doc, cli, checks, "as shipped")
            check_structure(name, doc, checks)
            check_charts(name, doc, checks)
            check_conditions(name, doc, checks)
            check_pdf(name, doc, office, checks)
            check_validity(name, doc, checks)
            check_status_ok(name, doc, checks)
            check_chart_tops(name, doc, checks)
            check_hedge_kind(name, doc, cli, checks)
            if name in CHANGES:
                check_change(name, doc, cli, checks)
            check_bad_inputs(name, doc, checks)
            check_carry_line(name, doc, checks)
            check_gap(name, doc, checks)
            check_missing_day(name, doc, checks)
            check_published(name, doc, office, cli, checks)
            doc.close(True)
        check_installed_templates(office, [t for _, t in todo], checks)
    # A German locale: decimal comma, ';' separators.
    with CalcOffice(args.oxt, label="alvh-sheets-de", locale="de-DE") as office:
        for name, path in todo:
            doc = office.load(path)
            if not checks.check(doc is not None, f"{name} (de-DE): opens"):
                continue
            bad = recalculate(doc)
            checks.check(not bad, f"{name} (de-DE): no error cell ({bad[:10]})")
            checks.check(snapshot(doc) == values[name],
                         f"{name} (de-DE): every cell equals the en-US run")
            sh = doc.Sheets.getByIndex(0)
            shown = sh.getCellRangeByName(DECIMAL_PROBE.get(name, "B8")).getString()
            checks.check("," in shown, f"{name} (de-DE): numbers show a decimal comma ({shown!r})")
            doc.close(True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
