"""What test_sheets.py checks of a template that a user cannot break (issue 15): every unlocked
cell has a validity rule; every status line says OK as shipped; every chart starts in the first
15 cm of its sheet; and for each input of the condor and schedule templates, a negative, a text,
an empty and an out-of-range value (set through UNO, as a paste would, past validity) is both
refused by the cell's validity rule (Calc's own detective circles it: Tools > Detective > Mark
Invalid Data) and explained by the block's status line, with no error cell anywhere."""
from office import col_name, error_cells, range_a1, used_range

CHART_TOP_MM = 150  # every chart's top edge within the first 15 cm of its sheet

# (sheet, the first screen's status line, [(input cell, its label, [bad values])]); None is an
# empty cell. Negative values are listed only where a negative is wrong (a short condor's VIX
# vega is negative), and the out-of-range values are the typing slips the rules are for (0.15
# typed into a % cell is 0.15%).
BAD_INPUTS = {
    "alvh-condor-legs": ("Condor", "B19", [
        ("B6", "SPX spot", [-6000.0, "abc", None, 1e9]),
        ("B7", "Days to expiry", [-30.0, "abc", None, 10000.0]),
        ("B8", "At-the-money implied vol", [-0.15, "abc", None, 0.0015, 15.0]),
        ("B9", "Skew (smile slope)", [-2.0, "abc", None, 50.0]),
        ("B10", "Short strike delta", [-0.16, "abc", None, 16.0]),
        ("B11", "Wing width", [-50.0, "abc", None, 1e6]),
        ("B12", "Strike step", [-5.0, "abc", None, 1000.0]),
        ("B13", "Contracts", [-2.0, "abc", None, 2.5]),
        ("B14", "Risk-free rate", [-0.5, "abc", None, 4.5]),
        ("B15", "Dividend yield", [-0.013, "abc", None, 1.3]),
        ("B16", "Hedge debit", [-900.0, "abc", None, 1e12]),
    ]),
    "alvh-layer-schedule": ("Schedule", "B11", [
        ("B6", "Valuation date", [-1.0, "15.01.2026", None, 1e7]),
        ("B7", "Spot VIX", [-16.0, "abc", None, 1000.0]),
        ("B8", "Condor notional", [-1205000.0, "abc", None, 1e13]),
        ("B9", "Condor VIX vega", ["abc", None, 321.38]),
    ]),
}


def format_ranges(sh):
    """The ranges of uniform formatting of a sheet's used area (style, protection and validity
    are read once per range)."""
    fmt = used_range(sh).CellFormatRanges
    return [fmt.getByIndex(k) for k in range(fmt.Count)]


def check_validity(name, doc, checks):
    """Every unlocked cell has a validity rule (Data > Validity: not "all values")."""
    from com.sun.star.sheet.ValidationType import ANY
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        bare = [range_a1(r.RangeAddress) for r in format_ranges(sh)
                if not r.CellProtection.IsLocked and r.Validation.Type == ANY]
        checks.check(not bare, f"{name}: every unlocked cell of {sh.Name} has a validity rule "
                     f"({bare[:8]})")


def status_cells(doc):
    """(sheet, A1, text) of every status line: the formula cells of style "ALVH Status" (found
    through the ranges of uniform formatting, not cell by cell)."""
    from com.sun.star.table.CellContentType import FORMULA
    out = []
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        for r in format_ranges(sh):
            if r.CellStyle != "ALVH Status":
                continue
            a = r.RangeAddress
            for row in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    cell = sh.getCellByPosition(c, row)
                    if cell.getType() == FORMULA:
                        out.append((sh.Name, f"{col_name(c)}{row + 1}", cell.getString()))
    return out


def check_status_ok(name, doc, checks):
    lines = status_cells(doc)
    checks.check(len(lines) > 0, f"{name}: has status lines")
    bad = [x for x in lines if x[2] != "OK"]
    checks.check(not bad, f"{name}: every status line says OK as shipped ({bad[:4]})")


def check_chart_tops(name, doc, checks):
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        dp = sh.DrawPage
        for k in range(dp.Count):
            shape = dp.getByIndex(k)
            if shape.ShapeType != "com.sun.star.drawing.OLE2Shape":
                continue
            top = shape.Position.Y / 100.0
            checks.check(top <= CHART_TOP_MM, f"{name}: the chart on {sh.Name} starts "
                         f"{top:.0f} mm from the top (at most {CHART_TOP_MM})")


def circled(sh, cell):
    """True when Calc's detective marks cell as invalid data (its validity refuses the value)."""
    sh.showInvalid()
    x, y = cell.Position.X, cell.Position.Y
    w, h = cell.Size.Width, cell.Size.Height
    found = False
    dp = sh.DrawPage
    for k in range(dp.Count):
        shape = dp.getByIndex(k)
        if shape.ShapeType == "com.sun.star.drawing.EllipseShape":
            p, s = shape.Position, shape.Size
            found = found or (p.X <= x + w and x <= p.X + s.Width and
                              p.Y <= y + h and y <= p.Y + s.Height)
    sh.clearArrows()
    return found


def set_value(cell, value):
    if value is None:
        cell.setString("")
    elif isinstance(value, str):
        cell.setString(value)
    else:
        cell.setValue(value)


def check_bad_inputs(name, doc, checks):
    """Each bad value of BAD_INPUTS: refused by validity and explained by the status line."""
    if name not in BAD_INPUTS:
        return
    sheet, status, inputs = BAD_INPUTS[name]
    sh = doc.Sheets.getByName(sheet)
    for a1, label, values in inputs:
        cell = sh.getCellRangeByName(a1)
        kept = cell.getFormula()
        for value in values:
            set_value(cell, value)
            doc.calculateAll()
            said = sh.getCellRangeByName(status).getString()
            bad = error_cells(doc)
            # (Emptying a cell is not typing: no validity rule sees it, the status line does.)
            checks.check(value is None or circled(sh, cell), f"{name}: {a1} ({label}) = "
                         f"{value!r} is refused by its validity rule")
            checks.check(said.startswith(label + ": "), f"{name}: {a1} = {value!r}: the status "
                         f"line {status} explains it ({said!r})")
            checks.check(not bad, f"{name}: {a1} = {value!r}: no error cell ({bad[:6]})")
        cell.setFormula(kept)
    doc.calculateAll()
    checks.check(sh.getCellRangeByName(status).getString() == "OK",
                 f"{name}: the status line says OK again after the inputs are restored")


def check_carry_line(name, doc, checks):
    """The layer schedule says in words why a cost is negative: at spot VIX 30 the model curve is
    inverted, layers 2-3 show a negative monthly cost and the line under the table explains the
    carry; at VIX 16 (contango) the line is empty (issue 15)."""
    if name != "alvh-layer-schedule":
        return
    sh = doc.Sheets.getByName("Schedule")
    vix = sh.getCellRangeByName("B7")
    kept = vix.getValue()
    vix.setValue(30.0)
    doc.calculateAll()
    line = sh.getCellRangeByName("A16").getString()
    costs = [r[0] for r in sh.getCellRangeByName("L14:L15").getDataArray()]
    checks.check(all(isinstance(c, float) and c < 0 for c in costs),
                 f"{name}: at VIX 30 layers 2-3 show a negative monthly cost ({costs})")
    checks.check(line.startswith("Inverted VIX curve: spot VIX 30.00") and "carry" in line,
                 f"{name}: at VIX 30 the line under the layers explains the carry ({line!r})")
    vix.setValue(16.0)
    doc.calculateAll()
    checks.check(sh.getCellRangeByName("A16").getString() == "",
                 f"{name}: in contango (VIX 16) the carry line is empty")
    vix.setValue(kept)
    doc.calculateAll()
