"""The document toolkit of the template builder: a Book (one template document: its cell styles,
number formats, page setup and a reproducible flat-XML save) and its Sheets (values and formulas,
array formulas, styles, notes, input cells, conditional formats, colour scales, charts, column
widths and row heights, protection), over the office toolkit (office/).

Every template follows the same rules (issue 7):
  - input cells have the cell style "ALVH Input" (yellow) and are the only unlocked cells; every
    sheet is protected without a password (Tools > Protect Sheet unprotects it);
  - every input has a note (what, unit, typical value); every output header states its unit;
  - line 2 of every sheet says how to use it; the sample inputs give a realistic example.
Formulas are written with the API grammar (English names, ';' separators); ODF stores them
locale-independently, so the templates work under a decimal-comma locale too.

Positions are 0-based (col, row) as UNO counts them; formulas use A1 references (addr, column).
"""
import re
from typing import NamedTuple, Optional

from office import FLAT_ODS, col_name, prop, store

from .fods import compact
from .textfit import LINE_MM, text_lines

# Colours (RGB ints).
YELLOW = 0xFFF2A8
HEADER_BG = 0x1F4E79
HEADER_FG = 0xFFFFFF
OUTPUT_BG = 0xEEF3FA
TRIGGER_BG = 0xFFC78F
GOOD_BG = 0xC6EFCE
BAD_BG = 0xFFC7CE
BAD_INPUT_BG = 0xFF8F8F
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

# The title line of a template opened without the add-in (Sheet.title).
INSTALL_LINE = ("This sheet needs the ALVH Calc add-in (alvh.oxt): install it, or ask the sender "
                "for a shared copy")

LEGEND = ("Yellow cells are the inputs and the only cells you can edit; point at a cell to read "
          "its note. Everything else is a formula, protected without a password "
          "(Tools > Protect Sheet to unlock).")


def addr(col, row, absolute=True):
    """A1 reference of 0-based (col, row)."""
    if absolute:
        return f"${col_name(col)}${row + 1}"
    return f"{col_name(col)}{row + 1}"


class Validity(NamedTuple):
    """A Data > Validity rule (com.sun.star.sheet.TableValidation): what the cells accept, a help
    line shown while one is selected, and the sentence that refuses anything else."""
    kind: str                    # ValidationType: "DECIMAL", "WHOLE", "DATE", "LIST", "CUSTOM"...
    operator: str = "BETWEEN"    # ConditionOperator: "BETWEEN", "GREATER_EQUAL", ...
    formula1: str = ""           # bounds as formulas (API grammar); LIST: "\"a\";\"b\""
    formula2: str = ""
    help: str = ""               # the input help line ("": none)
    error: str = ""              # the refusal, in plain words with the unit


class Input(NamedTuple):
    """One input row of a template: label | value (yellow) | unit, a note on the value cell."""
    label: str
    value: object                # the sample value (None: left empty)
    unit: str
    fmt: Optional[str]           # number format code (None: the default)
    note: str
    valid: Optional[Validity] = None  # what the value cell accepts (None: anything)
    required: bool = True        # an empty value cell is a problem its status line names


def new_template(office, title, sheet, heading, howto, inputs=True):
    """A new template document "ALVH Calc - <title>" with one sheet: its title lines, and (when
    inputs) the "Input | Value | Unit" header on row 5 for the input rows from row 6 on.
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
        make("ALVH Key", CharColor=GREY, CharHeight=8.0)
        make("ALVH Trigger", CellBackColor=TRIGGER_BG, CharWeight=150.0)
        make("ALVH Good", CellBackColor=GOOD_BG, CharWeight=150.0)
        make("ALVH Bad", CellBackColor=BAD_BG, CharWeight=150.0)
        # A bad input stays an input (unlocked, yellow's border) with a red background.
        make("ALVH Bad input", "ALVH Input", CellBackColor=BAD_INPUT_BG)
        make("ALVH Status", CharWeight=150.0,
             VertJustify=self._enum("com.sun.star.table.CellVertJustify", "TOP"))

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
        """Saves the document as flat XML (.fods), the same template always to the same bytes."""
        store(self.doc, path, FLAT_ODS)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("<calcext:color-scale/>", COLOR_SCALE_XML)
        # The same template builds to the same bytes: drop what records when it was built (the
        # document's and every note's dc:date, and the editing time), all optional in ODF.
        text = re.sub(r"\n[ \t]*<dc:date>[^<]*</dc:date>(?=\n)", "", text)  # a note's own line
        text = re.sub(r"<dc:date>[^<]*</dc:date>|<meta:editing-duration>[^<]*"
                      r"</meta:editing-duration>", "", text)
        text = compact(text)
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
        return self._dress(c, style, fmt)

    def array(self, c0, r0, c1, r1, formula, style="ALVH Output", fmt=None, runs=None):
        """An array formula over the block, dressed first (style, format, or number formats by
        column runs as formats() takes them): a formula cell created under "General" takes
        the format of its first result, over a format set later."""
        r = self._dress(self.rng(c0, r0, c1, r1), style, fmt)
        if runs:
            self.formats(c0, r0, r1, runs)
        r.setArrayFormula(formula)
        return r

    def style(self, c0, r0, c1, r1, style=None, fmt=None):
        return self._dress(self.rng(c0, r0, c1, r1), style, fmt)

    def _dress(self, cells, style, fmt):
        """A cell style and a number format (each when given) on a cell or range."""
        if style:
            cells.CellStyle = style
        if fmt:
            cells.NumberFormat = self.book.fmt(fmt)
        return cells

    def note(self, col, row, text):
        self.sh.Annotations.insertNew(self.cell(col, row).CellAddress, text)

    def input_cells(self, c0, r0, c1, r1, fmt=None, valid=None, required=False):
        """Makes a block input cells: every input of a template passes here. The "ALVH Input"
        style (yellow, the only unlocked cells), a number format, and a validity rule (a
        Validity; None: any value) that also turns a refused value red when it got in anyway
        (pasted, or set through the API); required: an empty cell is red too."""
        r = self.style(c0, r0, c1, r1, "ALVH Input", fmt)
        if valid:
            from .checks import bad_expr
            self.validity(c0, r0, c1, r1, valid)
            self.conditional(c0, r0, c1, r1, [("FORMULA", bad_expr(valid, addr(c0, r0, False),
                                                                   required), "ALVH Bad input")])
        return r

    def validity(self, c0, r0, c1, r1, valid):
        """Data > Validity on a block: valid (a Validity) refuses other entries with its error
        sentence and shows its help line while a cell is selected (blank cells are allowed:
        emptying a required input is explained by its status line instead)."""
        import uno
        r = self.rng(c0, r0, c1, r1)
        v = r.Validation
        v.Type = uno.Enum("com.sun.star.sheet.ValidationType", valid.kind)
        v.setOperator(uno.Enum("com.sun.star.sheet.ConditionOperator", valid.operator))
        v.setFormula1(valid.formula1)
        v.setFormula2(valid.formula2)
        v.setSourcePosition(self.cell(c0, r0).CellAddress)
        v.IgnoreBlankCells = True
        if valid.kind == "LIST":
            v.ShowList = 1  # com.sun.star.sheet.TableValidationVisibility.UNSORTED: a dropdown
        v.ShowInputMessage = bool(valid.help)
        v.InputTitle = "ALVH Calc"
        v.InputMessage = valid.help
        v.ShowErrorMessage = True
        v.ErrorTitle = "ALVH Calc"
        v.ErrorMessage = valid.error
        v.ErrorAlertStyle = uno.Enum("com.sun.star.sheet.ValidationAlertStyle", "STOP")
        r.Validation = v

    def status(self, col, row, formula, label="Status", span=None, lines=2):
        """A status line: label, then formula's sentence ("OK" in green, anything else in red)
        in the next cell, merged and wrapped over the columns up to span (lines tall) or, without
        span, running over the empty cells to its right."""
        if label:
            self.put(col, row, label, "ALVH Status")
        c = col + (1 if label else 0)
        self.put(c, row, formula, "ALVH Status")
        self.conditional(c, row, c, row, [("EQUAL", '"OK"', "ALVH Good"),
                                          ("NOT_EQUAL", '""', "ALVH Bad")])
        if span:
            r = self.rng(c, row, span, row)
            r.merge(True)
            r.IsTextWrapped = True
            self.sh.Rows.getByIndex(row).Height = int(lines * LINE_MM * MM + 60)
        return addr(c, row)

    def title(self, text, howto, width_mm=330):
        """The title (row 1), "How to use: ..." (row 2) and the legend (row 3), each line merged
        over the first width_mm of columns (set by widths()) and wrapped there, so that nothing
        runs off a laptop's screen. Without the add-in the title line says so (INSTALL_LINE).
        T(NOW()) is "": it makes the formula volatile, so Calc recalculates it when the file opens
        instead of showing the title it saved (a cell whose add-in is missing shows its saved
        text otherwise)."""
        quoted = text.replace('"', '""')
        self.put(0, 0, f'=IF(ISERROR(ALVH_VERSION()&T(NOW()));"{INSTALL_LINE}";"{quoted}")',
                 "ALVH Title")
        self.put(0, 1, "How to use: " + howto, "ALVH Howto")
        self.put(0, 2, LEGEND, "ALVH Howto")
        self.cell(0, 0).Rows.Height = 900
        self._wrapped = [(1, width_mm), (2, width_mm)]

    def _wrap_title(self):
        """Merges and wraps the how-to lines over the columns that fit in their width, with a
        row height for the lines they take (Calc sizes no row for a merged cell's text)."""
        cols = self.sh.Columns
        for row, width_mm in getattr(self, "_wrapped", []):
            total, last = 0, 0
            while last < 60:
                w = cols.getByIndex(last).Width / MM
                if total + w > width_mm:
                    break
                total += w
                last += 1
            last = max(last - 1, 0)
            r = self.rng(0, row, last, row)
            r.merge(True)
            r.IsTextWrapped = True
            lines = text_lines(self.cell(0, row).getString(), total)
            self.sh.Rows.getByIndex(row).Height = int(lines * LINE_MM * MM + 60)

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

    def heights(self, rows):
        """Row heights: {0-based row: height in 1/100 mm}, set in that order."""
        for row, height in rows.items():
            self.sh.Rows.getByIndex(row).Height = height

    def input(self, row, label, value, unit, note, fmt=None, col=0, valid=None, required=True):
        """label | value (yellow) | unit, with a note on the label (a note's marker on the value
        cell would cover its last digit)."""
        self.put(col, row, label)
        self.put(col + 1, row, value)
        self.input_cells(col + 1, row, col + 1, row, fmt, valid, required)
        self.put(col + 2, row, unit, "ALVH Unit")
        self.note(col, row, note)
        return addr(col + 1, row)

    def inputs(self, row, inputs, col=0):
        """Input rows (a list of Input) from row on; returns their value cells' addresses."""
        return [self.input(row + i, x.label, x.value, x.unit, x.note, x.fmt, col, x.valid,
                           x.required)
                for i, x in enumerate(inputs)]

    def output(self, row, label, formula, unit, fmt=None, col=0, style="ALVH Output"):
        self.put(col, row, label)
        self.put(col + 1, row, formula, style, fmt)
        self.put(col + 2, row, unit, "ALVH Unit")
        return addr(col + 1, row)

    def widths(self, widths_mm):
        cols = self.sh.Columns
        for i, w in enumerate(widths_mm):
            cols.getByIndex(i).Width = int(w * MM)
        self._wrap_title()

    def fit_rows(self, *rows):
        """Rows as tall as the wrapped text of their header cells needs (text_lines)."""
        cols = self.sh.Columns
        for row in rows:
            lines = 1
            for c in range(40):
                text = self.cell(c, row).getString()
                if text:
                    lines = max(lines, text_lines(text, cols.getByIndex(c).Width / MM, True))
            self.sh.Rows.getByIndex(row).Height = int(lines * LINE_MM * MM + 100)

    def print_area(self, c1, r1):
        """Prints (and exports to PDF) only A1 to (c1, r1): a sheet of 10,080 formula rows would
        print hundreds of empty pages."""
        self.sh.setPrintAreas((self.rng(0, 0, c1, r1).RangeAddress,))

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
              col_headers=True, row_headers=False, source=None):
        """An embedded chart whose top left corner is cell anchor (col, row); ranges:
        [(c0, r0, c1, r1)] on this sheet, or on sheet source (a Sheet); size_mm: width,
        height."""
        import uno
        rect = uno.createUnoStruct("com.sun.star.awt.Rectangle")
        pos = self.cell(*anchor).Position
        rect.X, rect.Y = pos.X, pos.Y
        rect.Width, rect.Height = (int(v * MM) for v in size_mm)
        addrs = tuple((source or self).rng(*r).RangeAddress for r in ranges)
        charts = self.sh.Charts
        charts.addNewByName(name, rect, addrs, col_headers, row_headers)
        ch = charts.getByName(name).EmbeddedObject
        ch.Diagram = ch.createInstance(diagram)
        ch.HasMainTitle = True
        ch.Title.String = title
        ch.HasLegend = True
        ch.Legend.Alignment = uno.Enum("com.sun.star.chart.ChartLegendPosition", "BOTTOM")
        d = ch.Diagram
        # Axis labels at the plot's edge, not where the other axis crosses zero.
        d.XAxis.LabelPosition = uno.Enum("com.sun.star.chart.ChartAxisLabelPosition",
                                         "OUTSIDE_START")
        if x_title:
            d.HasXAxisTitle = True
            d.XAxisTitle.String = x_title
        if y_title:
            d.HasYAxisTitle = True
            d.YAxisTitle.String = y_title
        return ch

