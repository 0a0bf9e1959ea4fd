#!/usr/bin/python3
"""Builds the ALVH Calc template worksheets (sheets/*.fods) through the UNO API.

usage: /usr/bin/python3 sheets/build_templates.py --oxt build/addin/alvh.oxt --alvh build/cli/alvh
                                                  [--out sheets] [--only condor,schedule,...]
                                                  [--compare-with sheets]

Run by hand when a template changes; the .fods it writes are committed (flat XML, so they diff
in review). It starts a throwaway headless office with the add-in installed (office/),
builds each template (values, formulas, cell styles, protection, notes, conditional formatting,
charts), recalculates, refuses to save a template that shows an error cell, and saves .fods.
A build is reproducible (no dates are written), so --compare-with DIR can check that the
committed templates are what this script builds: it fails when a built .fods differs from
DIR's, byte for byte (CTest templates_are_current).

Every template follows the same rules (issue 7):
  - input cells have the cell style "ALVH Input" (yellow) and are the only unlocked cells; every
    sheet is protected without a password (Tools > Protect Sheet unprotects it);
  - every input has a note (what, unit, typical value); every output header states its unit;
  - line 2 of every sheet says how to use it; the sample inputs give a realistic example.
Formulas are written with the API grammar (English names, ';' separators); ODF stores them
locale-independently, so the templates work under a decimal-comma locale too.
"""
import argparse
import csv
import io
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))  # the repository root: office/
from office import (FLAT_ODS, CalcOffice, col_name, error_cells, prop,  # noqa: E402
                    run_unprivileged_writing, store)

# Colours (RGB ints).
YELLOW = 0xFFF2A8
HEADER_BG = 0x1F4E79
HEADER_FG = 0xFFFFFF
OUTPUT_BG = 0xEEF3FA
TRIGGER_BG = 0xFFC78F
GOOD_BG = 0xC6EFCE
BAD_BG = 0xFFC7CE
GREY = 0x595959

MM = 100  # UNO lengths are 1/100 mm

# The heat map's colour scale as ODF stores it (LibreOffice's calcext namespace): minimum red,
# 0 white, maximum green.
COLOR_SCALE_XML = (
    '<calcext:color-scale>'
    '<calcext:color-scale-entry calcext:value="0" calcext:type="minimum" calcext:color="#f8696b"/>'
    '<calcext:color-scale-entry calcext:value="0" calcext:type="number" calcext:color="#ffffff"/>'
    '<calcext:color-scale-entry calcext:value="0" calcext:type="maximum" calcext:color="#63be7b"/>'
    '</calcext:color-scale>')

LEGEND = ("Yellow cells are the inputs and the only cells you can edit; point at a cell to read "
          "its note. Everything else is a formula, protected without a password "
          "(Tools > Protect Sheet to unlock).")

# The templates this generator knows, with the functions each needs (a template is built only
# when the add-in has all of them).
TEMPLATES = {
    "condor": ("alvh-condor-legs", ["IC_STRIKES", "IC_LEGS", "IC_CREDIT", "IC_MAXLOSS",
                                    "IC_BREAKEVEN", "IC_POP", "BOOK_GREEK", "BOOK_PNL",
                                    "ALVH_BREAKEVEN", "CONDOR_VIX_VEGA"]),
    "schedule": ("alvh-layer-schedule", ["ALVH_SCHEDULE", "ALVH_CALIBRATE", "ALVH_COST",
                                         "ALVH_POLICY", "VIX_LAYER_VEGA", "ALVH_SIZE"]),
    "signals": ("alvh-signals", ["VIX_RSI", "VIX_MACD", "AD_LINE", "AD_DIVERGENCE",
                                 "ALVH_SIGNAL", "ALVH_POLICY"]),
    "backtest": ("alvh-backtest", ["ALVH_BACKTEST", "ALVH_BACKTEST_SUMMARY"]),
    "scenarios": ("alvh-scenarios", ["IC_STRIKES", "IC_LEGS", "CONDOR_VIX_VEGA", "ALVH_NOTIONAL",
                                     "ALVH_SCHEDULE", "ALVH_SCENARIO", "ALVH_SCENARIO_GRID"]),
}


# ---- cell helpers ----------------------------------------------------------------------------

def addr(col, row, absolute=True):
    """A1 reference of 0-based (col, row)."""
    if absolute:
        return f"${col_name(col)}${row + 1}"
    return f"{col_name(col)}{row + 1}"


def column(c, first, last):
    """"$B$10:$B$261": column letter c, 0-based rows first..last."""
    return f"${c}${first + 1}:${c}${last + 1}"


# Number formats of the columns of a function's array result, as (first, last column, format)
# relative to the result's first column.
# IC_LEGS: type, strike, quantity, years, vol, price, delta, gamma, vega, theta.
LEGS_FORMATS = [(1, 1, "#,##0"), (2, 2, "+0;-0"), (3, 3, "0.0000"), (4, 4, "0.00%"),
                (5, 5, "0.00"), (6, 6, "0.0000"), (7, 7, "0.000000"), (8, 9, "0.000")]


def schedule_formats(debit):
    """ALVH_SCHEDULE: layer, expiry, days, strike, contracts, future, price, debit (in format
    debit), delta, beta, vega, monthly cost, coverage."""
    return [(0, 0, "0"), (1, 1, "YYYY-MM-DD"), (2, 2, "0.0"), (3, 4, "0"), (5, 6, "0.00"),
            (7, 7, debit), (8, 9, "0.000"), (10, 10, "#,##0.00"), (11, 12, "0.00%")]


def template(office, title, sheet, heading, howto, inputs=True):
    """A new template document "ALVH Calc - <title>" with one sheet: its title lines, and (when
    inputs) the "Input | Value | Unit" header on row 5 for s.input rows from row 6 on.
    Returns (book, sheet)."""
    book = Book(office, "ALVH Calc - " + title)
    s = book.sheet(sheet, 0)
    s.title(heading, howto)
    if inputs:
        s.header(0, 4, ["Input", "Value", "Unit"])
    return book, s


class Book:
    """One template document: styles, number formats and sheet helpers."""

    def __init__(self, office, title):
        import uno  # noqa: F401
        self.office = office
        self.doc = office.new_calc()
        self.doc.enableAutomaticCalculation(False)
        self.doc.DocumentProperties.Title = title
        self.doc.DocumentProperties.Description = (
            "ALVH Calc template. Needs the ALVH Calc add-in (alvh.oxt) installed.")
        self._formats = {}
        self._make_styles()

    # -- styles --
    def _make_styles(self):
        styles = self.doc.StyleFamilies.getByName("CellStyles")

        def make(name, parent="Default", **props):
            st = self.doc.createInstance("com.sun.star.style.CellStyle")
            styles.insertByName(name, st)
            st.ParentStyle = parent
            for k, v in props.items():
                setattr(st, k, v)
            return st

        self.protection = self._protection(True)
        unlocked = self._protection(False)
        border = self._border()
        make("ALVH Input", CellBackColor=YELLOW, CellProtection=unlocked, TopBorder=border,
             BottomBorder=border, LeftBorder=border, RightBorder=border)
        make("ALVH Output", CellBackColor=OUTPUT_BG, CharWeight=150.0)
        make("ALVH Value", CellBackColor=-1)
        make("ALVH Header", CellBackColor=HEADER_BG, CharColor=HEADER_FG, CharWeight=150.0,
             IsTextWrapped=True, VertJustify=self._enum("com.sun.star.table.CellVertJustify",
                                                       "CENTER"))
        make("ALVH Title", CharHeight=16.0, CharWeight=150.0, CharColor=HEADER_BG)
        make("ALVH Howto", CharPosture=self._enum("com.sun.star.awt.FontSlant", "ITALIC"),
             CharColor=GREY)
        make("ALVH Section", CharHeight=12.0, CharWeight=150.0, CharColor=HEADER_BG)
        make("ALVH Unit", CharColor=GREY)
        make("ALVH Trigger", CellBackColor=TRIGGER_BG, CharWeight=150.0)
        make("ALVH Good", CellBackColor=GOOD_BG, CharWeight=150.0)
        make("ALVH Bad", CellBackColor=BAD_BG, CharWeight=150.0)

    @staticmethod
    def _enum(typ, value):
        import uno
        return uno.Enum(typ, value)

    @staticmethod
    def _protection(locked):
        import uno
        p = uno.createUnoStruct("com.sun.star.util.CellProtection")
        p.IsLocked = locked
        p.IsFormulaHidden = False
        p.IsHidden = False
        p.IsPrintHidden = False
        return p

    @staticmethod
    def _border():
        import uno
        b = uno.createUnoStruct("com.sun.star.table.BorderLine2")
        b.Color = 0xB8A000
        b.OuterLineWidth = 18
        b.LineWidth = 18
        return b

    def fmt(self, code):
        """Number format key for a format code (English codes, as the generator runs under
        en-US; ODF stores them structurally, without a language)."""
        import uno
        if code not in self._formats:
            # An empty locale is "the system locale": the format then follows the user's
            # locale setting (a decimal comma under de-DE) instead of being pinned to en-US.
            loc = uno.createUnoStruct("com.sun.star.lang.Locale")
            nf = self.doc.NumberFormats
            key = nf.queryKey(code, loc, False)
            if key == -1:
                key = nf.addNew(code, loc)
            self._formats[code] = key
        return self._formats[code]

    def sheet(self, name, index=None):
        sheets = self.doc.Sheets
        if index == 0 or (index is None and sheets.Count == 1 and
                          sheets.getByIndex(0).Name in ("Sheet1", "Tabelle1")):
            sh = sheets.getByIndex(0)
            sh.Name = name
        else:
            sheets.insertNewByName(name, sheets.Count)
            sh = sheets.getByName(name)
        return Sheet(self, sh)

    def finish(self, pages_tall=0):
        """Page setup for printing and PDF (landscape US Letter, the en-US default the builder
        pins; every sheet one page wide and pages_tall pages tall, 0: as many as needed), then
        a full recalculation."""
        for name in ("Default",):
            ps = self.doc.StyleFamilies.getByName("PageStyles").getByName(name)
            w, h = ps.Width, ps.Height
            if w < h:
                ps.IsLandscape = True
                ps.Width, ps.Height = h, w
            for side in ("LeftMargin", "RightMargin", "TopMargin", "BottomMargin"):
                setattr(ps, side, 1000)
            ps.ScaleToPagesX = 1
            ps.ScaleToPagesY = pages_tall
            ps.CenterHorizontally = True
        # The document saves this switch: a template must recalculate as the user types (and
        # formula conditions of conditional formats are only evaluated with it on).
        self.doc.enableAutomaticCalculation(True)
        self.doc.calculateAll()

    def save(self, path):
        store(self.doc, path, FLAT_ODS)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("<calcext:color-scale/>", COLOR_SCALE_XML)
        # The same template builds to the same bytes: drop what records when it was built (the
        # document's and every note's dc:date, and the editing time), all optional in ODF.
        text = re.sub(r"\n[ \t]*<dc:date>[^<]*</dc:date>(?=\n)", "", text)  # a note's own line
        text = re.sub(r"<dc:date>[^<]*</dc:date>|<meta:editing-duration>[^<]*"
                      r"</meta:editing-duration>", "", text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


class Sheet:
    def __init__(self, book, sh):
        self.book = book
        self.sh = sh
        self.doc = book.doc

    def cell(self, col, row):
        return self.sh.getCellByPosition(col, row)

    def rng(self, c0, r0, c1, r1):
        return self.sh.getCellRangeByPosition(c0, r0, c1, r1)

    def put(self, col, row, value, style=None, fmt=None):
        c = self.cell(col, row)
        if isinstance(value, str) and value.startswith("="):
            c.setFormula(value)
        elif isinstance(value, str):
            c.setString(value)
        elif value is not None:
            c.setValue(float(value))
        if style:
            c.CellStyle = style
        if fmt:
            c.NumberFormat = self.book.fmt(fmt)
        return c

    def array(self, c0, r0, c1, r1, formula, style="ALVH Output", fmt=None):
        r = self.rng(c0, r0, c1, r1)
        r.setArrayFormula(formula)
        if style:
            r.CellStyle = style
        if fmt:
            r.NumberFormat = self.book.fmt(fmt)
        return r

    def style(self, c0, r0, c1, r1, style=None, fmt=None):
        r = self.rng(c0, r0, c1, r1)
        if style:
            r.CellStyle = style
        if fmt:
            r.NumberFormat = self.book.fmt(fmt)
        return r

    def note(self, col, row, text):
        self.sh.Annotations.insertNew(self.cell(col, row).CellAddress, text)

    def title(self, text, howto):
        self.put(0, 0, text, "ALVH Title")
        self.put(0, 1, "How to use: " + howto, "ALVH Howto")
        self.put(0, 2, LEGEND, "ALVH Howto")
        self.cell(0, 0).Rows.Height = 900

    def header(self, col, row, labels):
        for i, text in enumerate(labels):
            self.put(col + i, row, text, "ALVH Header")

    def section(self, col, row, title, labels=None):
        """A section title, and (labels) the header row under it."""
        self.put(col, row, title, "ALVH Section")
        if labels:
            self.header(col, row + 1, labels)

    def formats(self, col, r0, r1, runs):
        """Number formats by column: runs of (first, last column relative to col, format)."""
        for c0, c1, fmt in runs:
            self.style(col + c0, r0, col + c1, r1, fmt=fmt)

    def pasted_columns(self, first, last, data, runs, notes):
        """Yellow input columns from column A, rows first..last, that the user pastes into:
        filled with the sample rows data, number formats runs (see formats), and a note on the
        first cell of each column."""
        self.rng(0, first, len(notes) - 1, first + len(data) - 1).setDataArray(tuple(data))
        self.style(0, first, len(notes) - 1, last, "ALVH Input")
        self.formats(0, first, last, runs)
        for c, text in enumerate(notes):
            self.note(c, first, text)

    def policy_input(self, row, note):
        """"Policy (optional)" and its yellow cell in column B (a note says what goes there);
        returns the cell as the text argument the formulas pass on ("" when it is empty)."""
        self.put(0, row, "Policy (optional)")
        self.put(1, row, None, "ALVH Input")
        self.note(1, row, note)
        return f"$B${row + 1}&\"\""

    def heights(self, rows):
        """Row heights: {0-based row: height in 1/100 mm}, set in that order."""
        for row, height in rows.items():
            self.sh.Rows.getByIndex(row).Height = height

    def input(self, row, label, value, unit, note, fmt=None, col=0):
        """label | value (yellow) | unit, with a note on the value cell."""
        self.put(col, row, label)
        self.put(col + 1, row, value, "ALVH Input", fmt)
        self.put(col + 2, row, unit, "ALVH Unit")
        self.note(col + 1, row, note)
        return addr(col + 1, row)

    def output(self, row, label, formula, unit, fmt=None, col=0, style="ALVH Output"):
        self.put(col, row, label)
        self.put(col + 1, row, formula, style, fmt)
        self.put(col + 2, row, unit, "ALVH Unit")
        return addr(col + 1, row)

    def widths(self, widths_mm):
        cols = self.sh.Columns
        for i, w in enumerate(widths_mm):
            cols.getByIndex(i).Width = int(w * MM)

    def protect(self):
        self.sh.protect("")

    def conditional(self, c0, r0, c1, r1, rules):
        """rules: [(operator name, formula1, style)], the classic conditional format."""
        import uno
        r = self.rng(c0, r0, c1, r1)
        entries = r.ConditionalFormat
        base = self.cell(c0, r0).CellAddress  # relative references are relative to this cell
        for op, formula, style in rules:
            entries.addNew((prop("Operator", uno.Enum("com.sun.star.sheet.ConditionOperator", op)),
                            prop("Formula1", formula), prop("StyleName", style),
                            prop("SourcePosition", base)))
        r.ConditionalFormat = entries

    def color_scale(self, c0, r0, c1, r1):
        """A colour scale on the range (red below 0, white at 0, green above). LibreOffice 7.4's
        API creates a colour scale without entries and cannot add any (setting
        ColorScaleEntries indexes the missing ones), so the entry is created empty here and
        Book.save() writes its three points into the saved XML (COLOR_SCALE_XML)."""
        from com.sun.star.sheet.ConditionEntryType import COLORSCALE
        ranges = self.doc.createInstance("com.sun.star.sheet.SheetCellRanges")
        ranges.addRangeAddress(self.rng(c0, r0, c1, r1).RangeAddress, False)
        formats = self.sh.ConditionalFormats
        fid = formats.createByRange(ranges)
        fmt = [f for f in formats.ConditionalFormats if f.ID == fid][0]
        fmt.createEntry(COLORSCALE, 0)

    def chart(self, name, anchor, size_mm, ranges, diagram, title, x_title=None, y_title=None,
              col_headers=True, row_headers=False):
        """An embedded chart whose top left corner is cell anchor (col, row); ranges:
        [(c0, r0, c1, r1)] on this sheet; size_mm: width, height."""
        import uno
        rect = uno.createUnoStruct("com.sun.star.awt.Rectangle")
        pos = self.cell(*anchor).Position
        rect.X, rect.Y = pos.X, pos.Y
        rect.Width, rect.Height = (int(v * MM) for v in size_mm)
        addrs = tuple(self.rng(*r).RangeAddress for r in ranges)
        charts = self.sh.Charts
        charts.addNewByName(name, rect, addrs, col_headers, row_headers)
        ch = charts.getByName(name).EmbeddedObject
        ch.Diagram = ch.createInstance(diagram)
        ch.HasMainTitle = True
        ch.Title.String = title
        ch.HasLegend = True
        d = ch.Diagram
        if x_title:
            d.HasXAxisTitle = True
            d.XAxisTitle.String = x_title
        if y_title:
            d.HasYAxisTitle = True
            d.YAxisTitle.String = y_title
        return ch


# ---- template 1: condor legs -----------------------------------------------------------------

def build_condor(office, alvh):
    book, s = template(
        office, "Condor legs", "Condor", "ALVH Calc - Iron condor legs, risk and break-evens",
        "change the yellow inputs (spot, vol, days, delta, wings, contracts...); the legs, "
        "credit, max loss, break-evens (with and without the hedge debit), probability of "
        "profit and the risk profile chart update.")
    spot = s.input(5, "SPX spot", 6000, "index points",
                   "SPX index level now, in index points. Typical: 5000-6500.", "#,##0.00")
    days = s.input(6, "Days to expiry", 30, "calendar days",
                   "Calendar days until the condor expires (ACT/365). The method uses 30-45.",
                   "0")
    vol = s.input(7, "At-the-money implied vol", 0.15, "decimal (0.15 = 15%)",
                  "Implied volatility at the money, as a decimal: 0.15 is 15%. SPX typically "
                  "0.12-0.25.", "0.00%")
    skew = s.input(8, "Skew (smile slope)", 2, "relative slope, 0 = flat",
                   "Relative smile slope: each leg's vol = vol x (1 - skew x ln(strike/spot)). "
                   "0 is a flat smile; SPX 30-day options are typically 2-7.", "0.00")
    delta = s.input(9, "Short strike delta", 0.16, "decimal (unsigned)",
                    "Delta of the short put and the short call, unsigned decimal. The method "
                    "uses 0.15-0.25; 0.16 is about one standard deviation.", "0.00")
    wing = s.input(10, "Wing width", 50, "index points",
                   "Distance from each short strike to its long strike, in index points; a "
                   "multiple of the strike step. SPX typically 25-100.", "0")
    step = s.input(11, "Strike step", 5, "index points",
                   "Strike grid spacing in index points (SPX: 5). 0 leaves strikes unrounded.",
                   "0")
    contracts = s.input(12, "Contracts (condors)", 2, "condors",
                        "Number of iron condors sold. Each SPX option contract is 100 dollars "
                        "per index point.", "0")
    rate = s.input(13, "Risk-free rate", 0.045, "decimal, continuous",
                   "Risk-free interest rate, continuously compounded decimal: 0.045 is 4.5%.",
                   "0.00%")
    div = s.input(14, "Dividend yield", 0.013, "decimal, continuous",
                  "SPX dividend yield, continuously compounded decimal: about 0.013 (1.3%).",
                  "0.00%")
    debit = s.input(15, "Hedge debit", 900, "dollars",
                    "What the VIX call hedge costs, in dollars, charged against the condor's "
                    "credit: the Layer schedule template's monthly carry or its total debit. "
                    "Typical: 0.35-0.65% of notional per month.", "#,##0.00")
    years = s.output(16, "Years to expiry", f"={days}/365", "years (ACT/365)", "0.000000",
                     style="ALVH Value")

    # Strikes (row 19) and legs (rows 22-25).
    s.section(0, 18, "Strikes", ["", "Long put", "Short put", "Short call", "Long call"])
    s.put(0, 20, "Strike (index points)")
    s.array(1, 20, 4, 20, f"=IC_STRIKES({spot};{years};{vol};{delta};{wing};{step};{rate};{div})",
            fmt="#,##0")
    strikes = "$B$21:$E$21"
    s.section(0, 22, "Legs (one condor; prices and greeks per one option, in index points)",
              ["Type (P/C)", "Strike (points)", "Quantity (+1 long, -1 short)", "Years",
               "Vol (decimal)", "Price (points)", "Delta (per point)", "Gamma (per point)",
               "Vega (points per vol point)", "Theta (points per day)",
               "Position vega (points per vol point)"])
    s.array(0, 24, 9, 27, f"=IC_LEGS({strikes};{spot};{years};{vol};{rate};{div};{skew})")
    for r in range(24, 28):
        s.put(10, r, f"=C{r + 1}*I{r + 1}", "ALVH Output")
    s.formats(0, 24, 27, LEGS_FORMATS + [(10, 10, "0.000")])
    legs = "$A$25:$E$28"

    # Summary (rows 30-).
    mk = f"{strikes};{spot};{years};{vol};{rate};{div};{skew}"
    s.section(0, 29, "Position", ["Figure", "Value", "Unit"])
    credit1 = s.output(31, "Credit per condor", f"=IC_CREDIT({mk};100)", "dollars", "#,##0.00")
    s.output(32, "Credit, all contracts", f"={credit1}*{contracts}", "dollars", "#,##0.00")
    pts = s.output(33, "Credit per condor", f"=IC_CREDIT({mk};1)", "index points", "0.00")
    s.output(34, "Maximum loss, all contracts", f"=IC_MAXLOSS({mk};100)*{contracts}",
             "dollars", "#,##0.00")
    s.output(35, "Lower break-even at expiry", f"=IC_BREAKEVEN(\"LOWER\";{mk})", "index points",
             "#,##0.00")
    s.output(36, "Upper break-even at expiry", f"=IC_BREAKEVEN(\"UPPER\";{mk})", "index points",
             "#,##0.00")
    s.output(37, "Lower break-even with the hedge debit",
             f"=ALVH_BREAKEVEN(\"LOWER\";{strikes};{pts};{debit};{contracts};100)",
             "index points", "#,##0.00")
    s.output(38, "Upper break-even with the hedge debit",
             f"=ALVH_BREAKEVEN(\"UPPER\";{strikes};{pts};{debit};{contracts};100)",
             "index points", "#,##0.00")
    s.output(39, "Probability of profit (risk-neutral)", f"=IC_POP({mk})",
             "probability (lognormal, no smile)", "0.0%")
    s.output(40, "Position delta", f"=BOOK_GREEK(\"delta\";{legs};{spot};{rate};{div};100)"
             f"*{contracts}", "dollars per index point", "#,##0.00")
    s.output(41, "Position vega", f"=BOOK_GREEK(\"vega\";{legs};{spot};{rate};{div};100)"
             f"*{contracts}", "dollars per vol point", "#,##0.00")
    s.output(42, "Position theta", f"=BOOK_GREEK(\"theta\";{legs};{spot};{rate};{div};100)"
             f"*{contracts}", "dollars per calendar day", "#,##0.00")
    s.output(43, "Position VIX vega", f"=CONDOR_VIX_VEGA($K$25:$K$28;{contracts})",
             "dollars per VIX point (vol beta 1)", "#,##0.00")

    # Risk profile (columns M-O, rows 5-45) and its chart.
    s.section(12, 3, "Risk profile, all contracts",
              ["SPX (index points)", "P&L at expiry (dollars)", "P&L today (dollars)"])
    n = 41
    for i in range(n):
        s.put(12, 5 + i, f"=ROUND({spot}*(0.9+0.005*{i});0)", "ALVH Value", "#,##0")
    s.array(13, 5, 14, 5 + n - 1,
            f"=BOOK_PNL({legs};$M$6:$M${5 + n};{spot};0;{rate};{div};100)*{contracts}",
            fmt="#,##0")
    s.widths([62, 24, 42, 20, 20, 20, 20, 22, 26, 24, 28, 4, 26, 26, 26])
    s.heights({23: 1400, 4: 900})
    ch = s.chart("RiskProfile", (0, 45), (230, 105), [(12, 4, 14, 5 + n - 1)],
                 "com.sun.star.chart.XYDiagram", "Risk profile, all contracts: P&L at expiry "
                 "and today", "SPX (index points)", "P&L (dollars)")
    ch.Diagram.SymbolType = -3  # com.sun.star.chart.ChartSymbolType.NONE: lines only
    ch.Diagram.Lines = True
    s.protect()
    return book


# ---- template 2: layer schedule --------------------------------------------------------------

def build_schedule(office, alvh):
    book, s = template(
        office, "Layer schedule", "Schedule", "ALVH Calc - VIX call hedge: the three layers",
        "enter the valuation date, spot VIX (or paste quoted VIX futures on the right), the "
        "condor's notional and VIX vega; read the layer table, the coverage against the "
        "40-60% band and the monthly cost against 0.35-0.65%.")
    val = s.input(5, "Valuation date", 46037, "date (US/Eastern)",
                  "The trading day the schedule is built for, as a date (a spreadsheet serial "
                  "date). Layers pick VIX expiries by days from this date.", "YYYY-MM-DD")
    vix = s.input(6, "Spot VIX", 16, "index points",
                  "Spot VIX index level in points. Typical: 12-35 (long-run mean about 19-20).",
                  "0.00")
    notional = s.input(7, "Condor notional", 250000, "dollars",
                       "The condor position's notional in dollars, as the policy's "
                       "notional_basis measures it (default: short strike x 100 x contracts; "
                       "ALVH_NOTIONAL computes it). The rule sizes 4/4/2 calls per $100,000.",
                       "#,##0")
    cvega = s.input(8, "Condor VIX vega", -1500, "dollars per VIX point",
                    "Dollars the condor position changes for a +1 point move in VIX "
                    "(CONDOR_VIX_VEGA; the Condor legs template shows it). Negative for short "
                    "condors. Typical: -200 to -3000.", "#,##0.00")
    s.input(9, "Policy (optional)", None, "JSON text or file path",
            "Optional ALVH policy as JSON text, e.g. {\"sizing\":\"vega\"} or "
            "{\"coverage_target\":0.45}, or the path of a JSON file. Empty: the built-in "
            "default policy.")
    pol = "$B$10&\"\""
    s.section(4, 4, "Quoted VIX futures (optional)", ["Expiry (date)", "Price (VIX points)"])
    s.style(4, 6, 5, 13, "ALVH Input")
    s.style(4, 6, 4, 13, fmt="YYYY-MM-DD")
    s.style(5, 6, 5, 13, fmt="0.00")
    s.note(4, 6, "Optional: paste quoted VIX futures, one per row: expiry date (a date) and "
           "price in VIX points, nearest expiry first (e.g. 2026-01-21, 16.9). Leave the block "
           "empty to use the mean-reverting model curve (VIX_FUT). Expired rows are skipped.")
    futures = "$E$7:$F$14"

    s.section(0, 15, "The layers (ALVH_SCHEDULE)",
              ["Layer", "Expiry (date)", "Days to expiry", "Strike (VIX points)",
               "Contracts (by the policy's sizing)", "VIX future (points)",
               "Call price (VIX points)", "Debit (dollars)", "Delta (per VIX future point)",
               "Beta (future per spot VIX point)", "Layer vega (dollars per VIX point)",
               "Monthly cost (% of notional)", "Coverage (share of condor VIX loss)",
               "Vega of 1 contract (dollars per VIX point)"])
    # A blank futures block is "no futures" (the model curve): the function is called without it.
    sched = f"{val};{vix};{notional};{cvega};{pol}"
    s.array(0, 17, 12, 19, f"=IF(COUNT({futures})=0;ALVH_SCHEDULE({sched});"
            f"ALVH_SCHEDULE({sched};{futures}))")
    s.formats(0, 17, 19, schedule_formats("#,##0.00"))
    for i in range(3):
        r = 17 + i + 1
        s.put(13, 16 + i + 1,
              f"=VIX_LAYER_VEGA(1;F{r};D{r};C{r}/365;ALVH_POLICY(\"layers.{i + 1}.vol_of_vol\";"
              f"{pol});0;J{r})", "ALVH Output", "#,##0.00")

    s.section(0, 21, "Sizing: by the rule and by vega calibration",
              ["Sizing", "Layer 1 (contracts)", "Layer 2 (contracts)", "Layer 3 (contracts)",
               "Coverage (share)"])
    s.put(0, 23, "Per-notional rule (ALVH_SIZE)")
    s.array(1, 23, 3, 23, f"=ALVH_SIZE({notional};;{pol})", fmt="0")
    s.put(4, 23, f"=SUMPRODUCT(B24:D24;TRANSPOSE($N$18:$N$20))/ABS({cvega})", "ALVH Output",
          "0.0%")
    s.put(0, 24, "Vega calibration (ALVH_CALIBRATE)")
    s.array(1, 24, 4, 24, f"=ALVH_CALIBRATE({cvega};$N$18:$N$20;;{pol})")
    s.style(1, 24, 3, 24, fmt="0")
    s.style(4, 24, 4, 24, fmt="0.0%")
    s.put(0, 25, "Rule / calibration (contracts, all layers)")
    s.put(1, 25, "=SUM(B24:D24)/SUM(B25:D25)", "ALVH Output", "0.00\"x\"")

    s.section(0, 27, "Checks", ["Figure", "Value", "Unit", "Target", "Verdict"])
    cov = s.output(29, "Coverage of the schedule", "=SUM($M$18:$M$20)", "share of condor VIX loss",
                   "0.0%")
    s.put(3, 29, "=TEXT(ALVH_POLICY(\"coverage_low\";" + pol + ");\"0%\")&\" - \"&"
          "TEXT(ALVH_POLICY(\"coverage_high\";" + pol + ");\"0%\")", "ALVH Value")
    s.put(4, 29, f"=IF(AND({cov}>=ALVH_POLICY(\"coverage_low\";{pol});{cov}<="
          f"ALVH_POLICY(\"coverage_high\";{pol}));\"IN BAND\";\"OUT OF BAND\")", "ALVH Output")
    cost = s.output(30, "Monthly cost (ALVH_COST)",
                    f"=IF(COUNT({futures})=0;ALVH_COST({sched});ALVH_COST({sched};{futures}))",
                    "% of notional per month", "0.000%")
    s.put(3, 30, "0.35% - 0.65%", "ALVH Value")
    s.put(4, 30, f"=IF({cost}<0.0035;\"BELOW RANGE\";IF({cost}>0.0065;\"ABOVE RANGE\";"
          "\"IN RANGE\"))", "ALVH Output")
    s.output(31, "Monthly cost in dollars", f"={cost}*{notional}", "dollars per month",
             "#,##0.00")
    s.output(32, "Total debit of the three layers", "=SUM($H$18:$H$20)", "dollars", "#,##0.00")
    s.conditional(4, 29, 4, 30, [("EQUAL", "\"IN BAND\"", "ALVH Good"),
                                 ("EQUAL", "\"IN RANGE\"", "ALVH Good"),
                                 ("NOT_EQUAL", "\"\"", "ALVH Bad")])

    # Coverage by layer, rule and calibration, for the chart.
    s.section(0, 34, "Coverage by layer",
              ["Layer", "By the policy's sizing (share)", "By vega calibration (share)"])
    for i in range(3):
        r = 36 + i
        s.put(0, r, f"Layer {i + 1}", "ALVH Value")
        s.put(1, r, f"=M{18 + i}", "ALVH Output", "0.0%")
        s.put(2, r, f"=INDEX($B$25:$D$25;1;{i + 1})*N{18 + i}/ABS({cvega})", "ALVH Output",
              "0.0%")
    s.widths([58, 26, 24, 26, 30, 22, 22, 24, 22, 22, 26, 22, 24, 26])
    s.heights({16: 1500, 22: 900, 35: 900})
    ch = s.chart("CoverageByLayer", (4, 34), (150, 70), [(0, 35, 2, 38)],
                 "com.sun.star.chart.BarDiagram", "Coverage of the condor's VIX loss by layer",
                 None, "Share of the condor's loss per VIX point", True, True)
    ch.Diagram.YAxis.AutoMin = False
    ch.Diagram.YAxis.Min = 0.0
    s.protect()
    return book


# ---- template 3: signals ---------------------------------------------------------------------

SIGNAL_ROWS = 252
SIGNAL_FIRST = 9  # 0-based row of the first data row


def sample_market(alvh):
    out = subprocess.run([alvh, "market", "bear2022", "--seed", "7", "--days", str(SIGNAL_ROWS)],
                         check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def build_signals(office, alvh):
    book, s = template(
        office, "Signals", "Signals",
        "ALVH Calc - VIX RSI, MACD, advance-decline divergence and the ALVH triggers",
        f"paste daily rows (oldest first, up to {SIGNAL_ROWS}) into the yellow columns: date "
        "and VIX close; SPX close and advancers/decliners are optional (they enable the "
        "divergence trigger). Trigger rows are highlighted.", inputs=False)
    pol = s.policy_input(3, "Optional ALVH policy as JSON text, e.g. {\"signals\":{\"rsi_level\":"
                         "75}}, or a JSON file path. Empty: the default (RSI 14 above 70, MACD "
                         "12/26/9 with VIX above 25, divergence lookback 20).")
    s.header(0, 5, ["RSI period", "RSI level", "MACD fast", "MACD slow", "MACD signal",
                    "VIX floor (points)", "A/D lookback (days)"])
    keys = ["rsi_period", "rsi_level", "macd_fast", "macd_slow", "macd_signal", "vix_floor",
            "ad_lookback"]
    for i, k in enumerate(keys):
        s.put(i, 6, f"=ALVH_POLICY(\"signals.{k}\";{pol})", "ALVH Output", "0")
    s.put(8, 3, "Sample data: a synthetic market (alvh market bear2022 --seed 7), not history.",
          "ALVH Howto")

    first, n = SIGNAL_FIRST, SIGNAL_ROWS
    last = first + n - 1
    s.header(0, first - 1, ["Date", "VIX close (points)", "SPX close (points)",
                            "Advancers (issues)", "Decliners (issues)", "VIX RSI (0-100)",
                            "MACD (VIX points)", "MACD signal (VIX points)",
                            "MACD histogram (VIX points)", "A/D line (issues)",
                            "A/D divergence (-1, 0, +1)", "ALVH trigger"])
    rows = sample_market(alvh)
    data = []
    for r in rows[:n]:
        y, m, d = (int(x) for x in r["date"].split("-"))
        data.append((date_serial(y, m, d), float(r["vix"]), float(r["spx"]),
                     float(r["advancers"]), float(r["decliners"])))
    s.pasted_columns(first, last, data, [(0, 0, "YYYY-MM-DD"), (1, 2, "0.00"), (3, 4, "0")], [
        "Trading date of the row (a date), oldest first.",
        "VIX daily close in index points, e.g. 18.5. Required on every row.",
        "Optional: SPX daily close in index points, e.g. 5400. With advancers and decliners it "
        "enables the A/D divergence trigger.",
        "Optional: number of NYSE issues that advanced that day, e.g. 1850.",
        "Optional: number of NYSE issues that declined that day, e.g. 1320."])

    vix, spx, adv, dec, adl = (column(c, first, last) for c in "BCDEJ")
    have_ad = f"COUNT({adv})>0"
    for i in range(n):
        r = first + i + 1   # 1-based sheet row
        k = i + 1
        blank = f"$B{r}=\"\""
        s.put(5, r - 1, f"=IF({blank};\"\";IFNA(INDEX(VIX_RSI({vix};$A$7);{k};1);\"\"))")
        for j, c in enumerate("GHI"):
            s.put(6 + j, r - 1, f"=IF({blank};\"\";IFNA(INDEX(VIX_MACD({vix};$C$7;$D$7;$E$7);"
                  f"{k};{j + 1});\"\"))")
        s.put(9, r - 1, f"=IF(OR({blank};NOT({have_ad}));\"\";INDEX(AD_LINE({adv};{dec});{k};1))")
        s.put(10, r - 1, f"=IF(OR({blank};NOT({have_ad}));\"\";IFNA(INDEX(AD_DIVERGENCE({adl};"
              f"{spx};$G$7);{k};1);\"\"))")
        s.put(11, r - 1, f"=IF({blank};\"\";IFNA(INDEX(IF({have_ad};ALVH_SIGNAL({vix};{adl};{spx};"
              f"{pol});ALVH_SIGNAL({vix};;;{pol}));{k};1);\"\"))")
    s.style(5, first, 11, last, "ALVH Value")
    s.formats(5, first, last, [(0, 0, "0.00"), (1, 3, "0.000"), (4, 4, "#,##0"),
                               (5, 5, "+0;-0;0")])
    s.conditional(0, first, 11, last,
                  [("FORMULA", f"AND($L{first + 1}<>\"\";$L{first + 1}<>\"NONE\")",
                    "ALVH Trigger")])
    s.widths([26, 22, 22, 22, 22, 22, 22, 24, 24, 22, 24, 26])
    s.heights({first - 1: 1300})
    # The chart starts where the default RSI(14) does (data row 15): the rows before it hold ""
    # (no value yet), which a line chart would draw as 0.
    c0 = first + 14
    ch = s.chart("VixRsi", (13, first - 1), (240, 110), [(0, c0, 1, last), (5, c0, 5, last)],
                 "com.sun.star.chart.LineDiagram", "VIX close (blue, index points) and its "
                 "RSI (orange, 0-100)", None, None, False, True)
    ch.HasLegend = False
    s.protect()
    return book


# ---- template 4: scenarios -------------------------------------------------------------------

SPX_MOVES = [-0.10, -0.08, -0.06, -0.05, -0.04, -0.03, -0.02, -0.01, 0.0, 0.01, 0.02, 0.03]
VIX_MOVES = [-4, -2, 0, 2, 4, 8, 12, 16, 20, 30]
SPIKES = [(-0.01, 2), (-0.03, 8), (-0.06, 20)]


def build_scenarios(office, alvh):
    book, s = template(
        office, "Scenarios", "Scenarios",
        "ALVH Calc - Spike-day scenarios: the condor and its VIX hedge repriced together",
        "set the condor and market inputs; the hedge is the ALVH schedule for that condor. "
        "The heat map is the net P&L for every SPX move (rows) and VIX move (columns); the "
        "spike-day table shows the hedge gain against the condor loss.")
    val = s.input(5, "Valuation date", 46037, "date (US/Eastern)",
                  "The trading day of the position, as a date. Typical: today.", "YYYY-MM-DD")
    spot = s.input(6, "SPX spot", 6000, "index points",
                   "SPX index level now, in index points. Typical: 5000-6500.", "#,##0.00")
    vix = s.input(7, "Spot VIX", 16, "index points",
                  "Spot VIX in index points. Typical: 12-35.", "0.00")
    days = s.input(8, "Condor days to expiry", 30, "calendar days",
                   "Calendar days until the condor expires. The method uses 30-45.", "0")
    vol = s.input(9, "At-the-money implied vol", 0.15, "decimal (0.15 = 15%)",
                  "SPX implied volatility at the money, decimal: 0.15 is 15%.", "0.00%")
    skew = s.input(10, "Skew (smile slope)", 2, "relative slope, 0 = flat",
                   "Relative smile slope: leg vol = vol x (1 - skew x ln(strike/spot)); SPX "
                   "30-day options typically 2-7.", "0.00")
    delta = s.input(11, "Short strike delta", 0.16, "decimal (unsigned)",
                    "Delta of the short strikes, unsigned decimal; the method uses 0.15-0.25.",
                    "0.00")
    wing = s.input(12, "Wing width", 50, "index points",
                   "Distance from each short strike to its long strike, index points (SPX: "
                   "25-100).", "0")
    n = s.input(13, "Contracts (condors)", 2, "condors",
                "Number of iron condors sold; SPX options are 100 dollars per point.", "0")
    rate = s.input(14, "Risk-free rate", 0.045, "decimal, continuous",
                   "Risk-free rate, continuously compounded decimal: 0.045 is 4.5%.", "0.00%")
    div = s.input(15, "Dividend yield", 0.013, "decimal, continuous",
                  "SPX dividend yield, continuously compounded decimal: about 0.013.", "0.00%")
    shock = s.input(16, "Days the shock takes", 1, "calendar days",
                    "Calendar days that pass with the shock: 1 is a spike day, 0 instantaneous.",
                    "0")
    vov = s.input(17, "Vol-of-vol move", 0, "decimal (0.3 = +30 points)",
                  "Change of the VIX options' vol of vol in the shock, decimal: 0.3 adds 30 vol "
                  "points (VIX option vols rise in spikes); 0 holds it.", "0.00")
    s.input(18, "Policy (optional)", None, "JSON text or file path",
            "Optional ALVH policy as JSON text, e.g. {\"backtest\":{\"vol_beta\":1.2}}, or a JSON "
            "file path. Empty: the built-in default (vol beta 1, skew 2, layers 4/4/2 per "
            "$100,000).")
    pol = "$B$19&\"\""
    years = s.output(19, "Years to expiry", f"={days}/365", "years (ACT/365)", "0.000000",
                     style="ALVH Value")

    # The condor (E-O) and the hedge (E-Q), rows 5-20.
    s.section(4, 3, "The condor (IC_STRIKES, IC_LEGS), one condor",
              ["Long put", "Short put", "Short call", "Long call"])
    s.array(4, 5, 7, 5, f"=IC_STRIKES({spot};{years};{vol};{delta};{wing};5;{rate};{div})",
            fmt="#,##0")
    strikes = "$E$6:$H$6"
    s.header(4, 6, ["Type", "Strike (points)", "Quantity (all condors)", "Years",
                    "Vol (decimal)", "Price (points)", "Vega (points per vol point)"])
    # IC_LEGS' full output (one condor) sits below the spike-day table, rows 47-50.
    h0 = 46
    s.array(0, h0, 9, h0 + 3, f"=IC_LEGS({strikes};{spot};{years};{vol};{rate};{div};{skew})",
            style="ALVH Value")
    s.formats(0, h0, h0 + 3, LEGS_FORMATS)
    for i in range(4):
        r, h = 8 + i, h0 + 1 + i
        s.put(4, r - 1, f"=A{h}", "ALVH Output")
        s.put(5, r - 1, f"=B{h}", "ALVH Output", "#,##0")
        s.put(6, r - 1, f"=C{h}*{n}", "ALVH Output", "+0;-0")
        s.put(7, r - 1, f"=D{h}", "ALVH Output", "0.0000")
        s.put(8, r - 1, f"=E{h}", "ALVH Output", "0.00%")
        s.put(9, r - 1, f"=F{h}", "ALVH Output", "0.00")
        s.put(10, r - 1, f"=C{h}*I{h}", "ALVH Output", "0.000")
    legs = "$E$8:$I$11"
    def figure(row, label, formula, unit, fmt):
        s.put(4, row, label)
        s.put(7, row, formula, "ALVH Output", fmt)
        s.put(8, row, unit, "ALVH Unit")
        return addr(7, row)
    pts = figure(12, "Credit per condor", f"=IC_CREDIT({strikes};{spot};{years};{vol};{rate};"
                 f"{div};{skew};1)", "index points", "0.00")
    notional = figure(13, "Notional (the policy's basis)",
                      f"=ALVH_NOTIONAL({strikes};{pts};{n};{pol})", "dollars", "#,##0")
    cvega = figure(14, "Condor VIX vega (vol beta 1)", f"=CONDOR_VIX_VEGA($K$8:$K$11;{n})",
                   "dollars per VIX point", "#,##0.00")
    s.section(4, 16, "The hedge (ALVH_SCHEDULE for this condor)",
              ["Layer", "Expiry (date)", "Days", "Strike (VIX points)", "Contracts",
               "Future (points)", "Call (VIX points)", "Debit (dollars)", "Delta", "Beta",
               "Vega (dollars per VIX point)", "Cost (% of notional per month)",
               "Coverage (share)"])
    s.array(4, 18, 16, 20, f"=ALVH_SCHEDULE({val};{vix};{notional};{cvega};{pol})")
    s.formats(4, 18, 20, schedule_formats("#,##0"))
    hedge = "$E$19:$Q$21"
    tail = f"{legs};{hedge};{spot};{vix};{pol};{vov};{rate};{div}"

    # Heat map (rows 24-): SPX moves down column A, VIX moves along row 25.
    g0 = 23
    s.section(0, g0, "Net P&L heat map, dollars (condor + hedge), after the shock",
              ["SPX move (rows) / VIX move (columns, points)"])
    for j, m in enumerate(VIX_MOVES):
        s.put(1 + j, g0 + 1, m, "ALVH Input", "+0;-0;0")
    for i, m in enumerate(SPX_MOVES):
        s.put(0, g0 + 2 + i, m, "ALVH Input", "+0%;-0%;0%")
    s.note(1, g0 + 1, "VIX moves in index points for the heat map columns, e.g. 8 is VIX 16 -> "
           "24. Edit freely.")
    s.note(0, g0 + 2, "SPX moves as a fraction of spot for the heat map rows, e.g. -0.03 is "
           "down 3%. Edit freely.")
    gr = g0 + 2 + len(SPX_MOVES) - 1
    gc = len(VIX_MOVES)
    spx_rng = f"$A${g0 + 3}:$A${gr + 1}"
    vix_rng = f"$B${g0 + 2}:${col_name(gc)}${g0 + 2}"
    s.array(1, g0 + 2, gc, gr, f"=ALVH_SCENARIO_GRID({spx_rng};{vix_rng};{shock};{tail})",
            style="ALVH Value", fmt="#,##0")
    s.color_scale(1, g0 + 2, gc, gr)

    # Spike days.
    k0 = gr + 2
    s.section(0, k0, "Spike days: hedge gain against condor loss",
              ["Spike day", "SPX move (fraction)", "VIX move (points)", "Condor P&L (dollars)",
               "Hedge P&L (dollars)", "Net P&L (dollars)", "Hedge gain / condor loss (ratio)"])
    for i, (dm, dv) in enumerate(SPIKES):
        r = k0 + 2 + i
        s.put(0, r, f"Spike {i + 1}")
        s.put(1, r, dm, "ALVH Input", "+0.0%;-0.0%")
        s.put(2, r, dv, "ALVH Input", "+0;-0")
        s.array(3, r, 6, r, f"=IFNA(ALVH_SCENARIO(B{r + 1};C{r + 1};{shock};{tail});\"\")")
        s.style(3, r, 5, r, fmt="#,##0")
        s.style(6, r, 6, r, fmt="0.00\"x\"")
    s.note(1, k0 + 2, "SPX move of the spike day as a fraction of spot: -0.03 is down 3%.")
    s.note(2, k0 + 2, "Spot VIX move of the spike day in points: 8 is VIX 16 -> 24.")
    s.section(0, h0 - 2, "Helper: IC_LEGS for one condor (prices and greeks per option, index "
              "points)", ["Type", "Strike (points)", "Quantity", "Years", "Vol (decimal)",
                          "Price (points)", "Delta", "Gamma", "Vega (points per vol point)",
                          "Theta (points per day)"])
    s.widths([44, 22, 22, 22, 22, 22, 24, 22, 22, 22, 24, 22, 22, 22, 22, 22, 22])
    s.heights({g0 + 1: 900, k0 + 1: 1300, h0 - 1: 900, 17: 900, 6: 900})
    s.protect()
    return book


# ---- template 5: backtest --------------------------------------------------------------------

BT_ROWS = 252
BT_FIRST = 40  # 0-based row of the first data row


def bt_unit(name):
    """Unit and number format of a summary measure, from its name (ALVH_BACKTEST_SUMMARY's
    result_doc: decimals for returns, drawdowns and ratios; dollars for P&L, premium, costs)."""
    if name in ("rows", "high_vix_days", "spike_days", "condors", "condor_wins"):
        return "count", "0"
    if name == "years":
        return "years", "0.00"
    if name.startswith("spike_ratio"):
        return "hedge gain / condor loss", "0.00\"x\""
    if name.endswith("_pct_month"):
        return "% of notional per month", "0.000%"
    if any(k in name for k in ("pnl", "premium", "notional", "costs", "loss_unhedged",
                               "loss_hedged")):
        return "dollars", "#,##0"
    return "decimal (shown as %)", "0.00%"


def build_backtest(office, alvh):
    book, s = template(
        office, "Backtest", "Backtest",
        "ALVH Calc - Backtest: short SPX iron condors without and with the layered VIX hedge",
        f"paste daily closes (oldest first, up to {BT_ROWS} rows) into the yellow columns "
        "date, SPX and VIX; read the summary (returns, drawdowns, high-VIX days, hedge cost) "
        "and the equity and drawdown charts.", inputs=False)
    pol = s.policy_input(3, "Optional ALVH policy as JSON text, e.g. {\"backtest\":"
                         "{\"condor_days\":30}}, or a JSON file path. Empty: the default "
                         "(16-delta 45-day condors opened every 28 days, 4/4/2 hedge layers per "
                         "$100,000, high VIX above 30).")
    s.put(3, 3, "Sample data: a synthetic market (alvh market bear2022 --days 252), not history.",
          "ALVH Howto")
    out = subprocess.run([alvh, "market", "bear2022", "--days", str(BT_ROWS)], check=True,
                         capture_output=True, text=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    first, last = BT_FIRST, BT_FIRST + BT_ROWS - 1
    args = ";".join([column(c, first, last) for c in "ABC"] + [pol])

    # Summary (rows 6-): its row names come from the function itself.
    import json
    names = [r[0] for r in json.loads(subprocess.run(
        [alvh, "call", "ALVH_BACKTEST_SUMMARY", json.dumps([[date_serial(*map(int, r["date"].split("-")))]
                                                            for r in rows]),
         json.dumps([[float(r["spx"])] for r in rows]), json.dumps([[float(r["vix"])] for r in rows])],
        check=True, capture_output=True, text=True).stdout)]
    s.section(0, 5, "Summary (ALVH_BACKTEST_SUMMARY)", ["Measure", "Value", "Unit"])
    s0 = 7
    s.array(0, s0, 1, s0 + len(names) - 1, f"=IFNA(ALVH_BACKTEST_SUMMARY({args});\"\")")
    for i, n in enumerate(names):
        unit, fmt = bt_unit(n)
        s.put(2, s0 + i, unit, "ALVH Unit")
        s.style(1, s0 + i, 1, s0 + i, fmt=fmt)

    s.header(0, first - 1, ["Date", "SPX close (points)", "VIX close (points)",
                            "Equity unhedged (dollars)", "Equity hedged (dollars)",
                            "Drawdown unhedged (decimal)", "Drawdown hedged (decimal)"])
    data = [(date_serial(*map(int, r["date"].split("-"))), float(r["spx"]), float(r["vix"]))
            for r in rows]
    s.pasted_columns(first, last, data, [(0, 0, "YYYY-MM-DD"), (1, 2, "0.00")], [
        "Trading date of the row (a date), oldest first, no gaps over 7 days.",
        "SPX daily close in index points, e.g. 4750.",
        "VIX daily close in index points, e.g. 21.5."])
    for i in range(BT_ROWS):
        r = first + i + 1
        for j, col in enumerate((1, 2, 4, 5)):
            s.put(3 + j, r - 1, f"=IF($C{r}=\"\";\"\";INDEX(ALVH_BACKTEST({args});{i + 1};{col}))")
    s.style(3, first, 4, last, "ALVH Value", "#,##0")
    s.style(5, first, 6, last, "ALVH Value", "0.00%")
    s.widths([62, 26, 40, 26, 26, 26, 26])
    s.heights({first - 1: 1300})
    ch = s.chart("Equity", (4, 5), (150, 75), [(0, first - 1, 0, last), (3, first - 1, 4, last)],
                 "com.sun.star.chart.LineDiagram", "Equity without and with the hedge (dollars)",
                 None, None, True, True)
    ch.Diagram.YAxis.AutoMin = True
    ch = s.chart("Drawdown", (4, 22), (150, 70), [(0, first - 1, 0, last),
                                                  (5, first - 1, 6, last)],
                 "com.sun.star.chart.LineDiagram", "Drawdown without and with the hedge "
                 "(decimal)", None, None, True, True)
    # Drawdowns are <= 0: the dates go below the plot, not along its zero line.
    import uno
    ch.Diagram.XAxis.LabelPosition = uno.Enum("com.sun.star.chart.ChartAxisLabelPosition",
                                              "OUTSIDE_START")
    s.protect()
    return book


def date_serial(y, m, d):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days


BUILDERS = {"condor": build_condor, "schedule": build_schedule, "signals": build_signals,
            "scenarios": build_scenarios, "backtest": build_backtest}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--alvh", required=True)
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--only", default="")
    ap.add_argument("--compare-with", default=None,
                    help="fail when a built template differs from the one in this directory")
    args = ap.parse_args()
    # As root the office runs as an unprivileged uid, writing into a directory of its own that
    # is copied to --out when it is done.
    os.makedirs(os.path.abspath(args.out), exist_ok=True)
    out_dir = run_unprivileged_writing(os.path.abspath(args.out))
    available = set(subprocess.run([os.path.abspath(args.alvh), "list"], check=True,
                                   capture_output=True, text=True).stdout.split())
    names = [n for n in (args.only.split(",") if args.only else BUILDERS) if n]
    failed = 0
    # en-US whatever the environment says: the locale decides units, formats and the default
    # paper (US Letter, the product's market) in the saved file, and the committed templates
    # must not depend on who built them (a de_DE environment changed 7000 lines).
    with CalcOffice(args.oxt, label="alvh-templates", locale="en-US") as office:
        for name in names:
            fname, needs = TEMPLATES[name]
            missing = [f for f in needs if f not in available]
            if missing:
                print(f"skip {name}: the add-in lacks {', '.join(missing)}")
                continue
            book = BUILDERS[name](office, os.path.abspath(args.alvh))
            book.finish(0 if name in ("signals", "backtest") else 1)
            bad = error_cells(book.doc)
            if bad:
                failed += 1
                print(f"FAIL {name}: {len(bad)} error cells, first {bad[:8]}")
            path = os.path.join(out_dir, fname + ".fods")
            book.save(path if not bad else path + ".broken")
            book.doc.close(True)
            print(f"wrote {path}" if not bad else f"wrote {path}.broken")
            if args.compare_with and not bad:
                failed += not same_file(path, os.path.join(args.compare_with, fname + ".fods"))
    return 1 if failed else 0


def same_file(built, committed):
    """True when built equals committed byte for byte; else says where they first differ."""
    try:
        with open(built, "rb") as f:
            a = f.read().splitlines()
        with open(committed, "rb") as f:
            b = f.read().splitlines()
    except OSError as e:
        print(f"FAIL compare: {e}")
        return False
    if a == b:
        print(f"ok {os.path.basename(committed)} is what the builder builds")
        return True
    line = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    print(f"FAIL {committed} is not what sheets/build_templates.py builds (first difference at "
          f"line {line + 1}): rebuild the templates and commit them")
    return False


if __name__ == "__main__":
    sys.exit(main())
