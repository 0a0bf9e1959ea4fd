"""Downloaded files pasted as they are (issue 16): the "Data" sheet of the signals and backtest
templates, and the rows those files share, which the templates' functions read.

The Data sheet holds one paste block per file, side by side, each as the file is published
(CBOE's VIX_History.csv: DATE, OPEN, HIGH, LOW, CLOSE; an S&P 500 export: Date, Open, High, Low,
Close, Adj Close, Volume, or the same without Adj Close: Close is the fifth column in every one),
header line included: a header line, a disclaimer line or an empty row simply has no date. Next
to each block, "Date as read": the row's date as a number (a date cell; ISO text; US MM/DD/YYYY
text, as a CSV opened under another locale leaves it), or nothing.

The files need not start or end on the same day: the rows used start at the later first date and
run while every file has the same date on the same row; a day missing in one file, a blank or
text close, a file sorted newest first or more rows than the sheet reads is said in words by the
data's status line, naming the file, its row on the Data sheet and the date. The aligned rows go
to a results sheet as array formulas (one per column, OFFSET windows on the pasted columns, no
per-row formulas), blank after the last row used: that is what the functions read.
"""
from typing import Dict, NamedTuple, Tuple

from office import col_name

from .checks import date, first_of, number, quote, text_ok
from .document import Validity, addr

CAP = 10080   # data rows each block reads (40 years of trading days); the aligned rows as many
BIG = "1E+9"  # "no problem found" in the searches for the first problem row
PRINTED = 60  # data rows the Data and Daily tabs print (Format > Print Ranges for more)
LAST_ROW = 1048575  # the paste blocks are input cells to the sheet's end: a longer file pastes


class PastedFile(NamedTuple):
    key: str                      # "vix", "spx", "breadth": the name formulas use
    name: str                     # "VIX file", in sentences
    title: str                    # the block's title
    headers: Tuple[str, ...]      # the published header line
    series: Dict[str, int]        # series name -> its column in the file (0-based)
    rules: Tuple[Validity, ...]   # one per column, for the data rows
    note: str
    required: bool = True


VIX_FILE = PastedFile(
    "vix", "VIX file", "CBOE VIX history (VIX_History.csv)",
    ("DATE", "OPEN", "HIGH", "LOW", "CLOSE"), {"vix": 4},
    (date("the date"),) + tuple(number(0.01, 1000, f"the VIX {w}", "index points", "18.5")
                                for w in ("open", "high", "low", "close")),
    "Paste CBOE's VIX_History.csv here as it is, header line included (DATE, OPEN, HIGH, LOW, "
    "CLOSE; dates as dates or MM/DD/YYYY), oldest first. Only DATE and CLOSE are used.")

SPX_FILE = PastedFile(
    "spx", "S&P 500 file", "S&P 500 daily history",
    ("Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"), {"spx": 4},
    (date("the date"),) + tuple(number(0.01, 1e7, f"the S&P 500 {w}", "index points", "4750")
                                for w in ("open", "high", "low", "close", "adjusted close"))
    + (number(0, 1e16, "the volume", "shares", "3500000000"),),
    "Paste an S&P 500 daily export here as it is, header line included (Date, Open, High, "
    "Low, Close, then Adj Close and Volume or Volume alone; ISO or MM/DD/YYYY dates), oldest "
    "first. Only Date and Close are used (Close, not Adj Close).")

BREADTH_FILE = PastedFile(
    "breadth", "breadth file", "NYSE breadth (optional)",
    ("Date", "Advancers", "Decliners"), {"advancers": 1, "decliners": 2},
    (date("the date"), number(0, 100000, "the advancing issues", "issues", "1850", whole=True),
     number(0, 100000, "the declining issues", "issues", "1320", whole=True)),
    "Optional: NYSE advancing and declining issues per day (Date, Advancers, Decliners), "
    "oldest first. With the S&P 500 file they enable the A/D divergence trigger.",
    required=False)


class DataSheet:
    """The Data sheet: the reading table and the data's status line on top, the paste blocks
    under them; and the formulas of the aligned rows (for the results sheet)."""

    def __init__(self, book, files, samples):
        self.files = files
        self.s = s = book.sheet("Data")
        self.p0 = 5 + len(files) + 6   # 0-based row of the blocks' first row (a header line)
        self.cols = {}
        c = 0
        for f in files:
            self.cols[f.key] = c
            c += len(f.headers) + 1
        where = ", ".join(f"the {f.name} into {self.at(f)}" for f in files)
        s.title("ALVH Calc - Data: paste the downloaded files here",
                f"open each file in Calc, copy its columns and paste them here as they are, "
                f"header line included, oldest first: {where} (up to {CAP:,} rows each). The "
                "status line says what was read.")
        for f in files:
            self._block(f, self.cols[f.key], samples.get(f.key, []))
        self._reading()

    def at(self, f):
        """The cell a file is pasted at (its header line's first cell), as A1."""
        return f"{col_name(self.cols[f.key])}{self.p0 + 1}"

    def keys(self, f):
        """File f's date column, its header line and every data row."""
        c = col_name(self.cols[f.key])
        return f"$Data.${c}${self.p0 + 1}:${c}${self.p0 + CAP + 1}"

    def _block(self, f, c0, sample):
        s, p0 = self.s, self.p0
        s.section(c0, p0 - 1, f.title)
        s.rng(c0, p0, c0 + len(f.headers) - 1, p0).setDataArray((f.headers,))
        s.input_cells(c0, p0, c0 + len(f.headers) - 1, p0,
                      valid=text_ok("the file's header line, or its first row"))
        for k, rule in enumerate(f.rules):
            fmt = "YYYY-MM-DD" if k == 0 else ("0" if rule.kind == "WHOLE" else "0.00")
            s.input_cells(c0 + k, p0 + 1, c0 + k, LAST_ROW, fmt, rule)
        if sample:
            s.rng(c0, p0 + 1, c0 + len(f.headers) - 1, p0 + len(sample)).setDataArray(
                tuple(sample))
        s.note(c0, p0 - 1, f.note)

    def _reading(self):
        """The reading table: per file the rows with a date, the first and last date and the
        first row used (from the first date every file has); the first shared date."""
        s = self.s
        s.header(0, 4, ["File", "", "Rows with a date", "First date", "Last date",
                        "First row used"])
        self.cell = {}
        for i, f in enumerate(self.files):
            r = 5 + i
            k = self.keys(f)
            s.put(0, r, f.name[0].upper() + f.name[1:])
            s.put(2, r, f"=COUNT({k})", "ALVH Value", "#,##0")
            first = s.rng(3, r, 3, r)
            first.setArrayFormula(f"=IFERROR(INDEX({k};MATCH(1;ISNUMBER({k})*1;0));\"\")")
            s.style(3, r, 3, r, "ALVH Value", "YYYY-MM-DD")
            s.put(4, r, f"=IF(COUNT({k})=0;\"\";MAX({k}))", "ALVH Value", "YYYY-MM-DD")
            self.cell[f.key] = {k2: "$Data." + addr(c, r) for k2, c in
                                (("n", 2), ("first", 3), ("last", 4), ("off", 5))}
        r = 5 + len(self.files)
        s.put(0, r, "First date all files have")
        firsts = [f"IF({self.cell[f.key]['n']}>0;{self.cell[f.key]['first']};0)"
                  for f in self.files]
        s.put(3, r, f"=IF({self.cell[self.files[0].key]['n']}=0;\"\";MAX({';'.join(firsts)}))",
              "ALVH Value", "YYYY-MM-DD")
        self.d0 = "$Data." + addr(3, r)
        for i, f in enumerate(self.files):
            ce = self.cell[f.key]
            s.put(5, 5 + i, f"=IF(OR({ce['n']}=0;{self.d0}=\"\");\"\";IFNA(MATCH({self.d0};"
                  f"{self.keys(f)};0)+{self.p0};\"\"))", "ALVH Value", "0")
        self.status_row = r + 1

    # -- the aligned rows (on the results sheet) --
    def window(self, f, col):
        """The pasted column col of file f from the first shared date on, CAP rows (an OFFSET
        window: a range, no per-row formula)."""
        ce = self.cell[f.key]
        c = col_name(self.cols[f.key] + col)
        return f"OFFSET($Data.${c}$1;{ce['off']}-1;0;{CAP};1)"

    def key_window(self, f):
        return self.window(f, 0)

    def present(self, f):
        """TRUE when file f is pasted and has the first shared date."""
        return f"AND({self.cell[f.key]['n']}>0;ISNUMBER({self.cell[f.key]['off']}))"

    def date_formula(self):
        """The aligned dates: the first file's date where every present file has that date on
        the same row, else blank (so the rows used end at the first difference)."""
        first = self.files[0]
        same = "*".join(f"IF({self.present(f)};({self.key_window(f)})=({self.key_window(first)});1)"
                        for f in self.files[1:])
        cond = f"ISNUMBER({self.key_window(first)})" + (f"*{same}" if same else "")
        return (f"=IF(ISNUMBER({self.cell[first.key]['off']});IF({cond};"
                f"{self.key_window(first)};\"\");\"\")")

    def series_formula(self, f, name, dates):
        """The aligned values of a series (name) of file f: a number on a row used, else blank;
        blank in every row when f is an optional file left empty."""
        w = self.window(f, f.series[name])
        return (f"=IF({self.present(f)};IF(ISNUMBER({dates})*ISNUMBER({w});{w};\"\");\"\")")

    def status(self, dates, series):
        """The data's status line on the Data sheet: "OK" or the first problem in words; dates:
        the aligned dates' range; series: [(file, series name)] the functions read."""
        s, r, p0 = self.s, self.status_row, self.p0
        problems = []
        for f in self.files:
            ce = self.cell[f.key]
            name = f.name[0].upper() + f.name[1:]
            if f.required:
                problems.append((f"{ce['n']}=0", quote(
                    f"Paste the {f.name} ({', '.join(f.headers[:5])}, ...) as it is, header line "
                    f"included, into cell {self.at(f)} of this Data tab.")))
            problems.append((f"AND({ce['n']}=0;COUNTA({self.keys(f)})>1)", quote(
                f"{name}: its dates are text, not dates. Open the CSV file in Calc with the "
                "language English (USA) in the Text Import dialog, then copy and paste it "
                "again.")))
            problems.append((f"AND({ce['n']}>1;{ce['first']}={ce['last']})", quote(
                f"{name} is newest first: sort it oldest first (by date, ascending) and paste "
                "it again.")))
            c = col_name(self.cols[f.key])
            problems.append((f"NOT(ISBLANK($Data.${c}${p0 + CAP + 2}))", quote(
                f"{name} has more rows than the sheet reads ({CAP:,}): paste its last {CAP:,} "
                "rows (or fewer).")))
        first = self.files[0]
        c1 = self.cell[first.key]
        for f in self.files[1:]:
            ce = self.cell[f.key]
            problems.append((f"AND({ce['n']}>0;{self.d0}<>\"\";{ce['off']}=\"\")",
                             f"\"The {f.name} has no row for \"&TEXT({self.d0};\"YYYY-MM-DD\")"
                             f"&\", the first date the files share (the {first.name} covers \"&"
                             f"TEXT({c1['first']};\"YYYY-MM-DD\")&\" to \"&TEXT({c1['last']};"
                             f"\"YYYY-MM-DD\")&\", the {f.name} \"&TEXT({ce['first']};"
                             f"\"YYYY-MM-DD\")&\" to \"&TEXT({ce['last']};\"YYYY-MM-DD\")&\").\""))
        # The first row that stops the data: a date that differs between the files, or a value
        # that is blank or not a number on a row whose dates agree.
        searches = []
        kw0 = self.key_window(first)
        for f in self.files[1:]:
            kw = self.key_window(f)
            where = (f"IFERROR(MATCH(1;ISNUMBER({kw0})*ISNUMBER({kw})*(({kw0})<>({kw}));0);"
                     f"{BIG})")
            say = (f"\"Row \"&{{k}}+{c1['off']}-1&\": the {first.name} has \"&TEXT(INDEX("
                   f"{kw0};{{k}});\"YYYY-MM-DD\")&\", row \"&{{k}}+{self.cell[f.key]['off']}-1&"
                   f"\" of the {f.name} \"&TEXT(INDEX({kw};{{k}});\"YYYY-MM-DD\")&\": a day is "
                   f"missing in one of them. The rows before are used: delete the extra day's "
                   f"row, or paste files that cover the same days.\"")
            searches.append((where, say))
        for f, name in series:
            w = self.window(f, f.series[name])
            where = f"IFERROR(MATCH(1;ISNUMBER({dates})*NOT(ISNUMBER({w}));0);{BIG})"
            col = f.headers[f.series[name]]
            say = (f"\"{f.name[0].upper() + f.name[1:]}, row \"&{{k}}+"
                   f"{self.cell[f.key]['off']}-1&\" (\"&TEXT(INDEX({dates};{{k}});"
                   f"\"YYYY-MM-DD\")&\"): {col} is blank or not a number. The rows before "
                   "are used: type the number there, or delete the row.\"")
            searches.append((where, say))
        s.put(0, r + 2, "Stopping rows", "ALVH Unit")
        found = []
        for i, (where, say) in enumerate(searches):
            s.rng(2 + i, r + 2, 2 + i, r + 2).setArrayFormula("=" + where)
            s.style(2 + i, r + 2, 2 + i, r + 2, "ALVH Unit", f'[>={BIG}]"none";0')
            found.append(("$Data." + addr(2 + i, r + 2), say))
        k_min = f"MIN({';'.join(a for a, _ in found)})"
        problems += [(f"AND({a}<{BIG};{a}={k_min})", say.replace("{k}", a)) for a, say in found]
        self.ok = "$Data." + s.status(0, r, "=" + first_of(problems, '"OK"'),
                                      "Status", span=12, lines=2)
        s.put(0, r + 1, "Rows used")
        s.put(2, r + 1, f"=COUNT({dates})", "ALVH Output", "#,##0")
        s.put(3, r + 1, f"=IF(COUNT({dates})=0;\"\";MIN({dates}))", "ALVH Output",
              "YYYY-MM-DD")
        s.put(4, r + 1, f"=IF(COUNT({dates})=0;\"\";MAX({dates}))", "ALVH Output",
              "YYYY-MM-DD")
        widths = []
        for f in self.files:
            widths += [24] + [20] * (len(f.headers) - 1) + [22]
        s.widths(widths)
        s.fit_rows(4)
        s.print_area(len(widths) - 1, self.p0 + PRINTED)
        return self.ok

    def daily(self, sheet, d0, series):
        """The aligned rows on sheet (a Sheet) from row d0 (0-based; the header row above):
        the date and each series [(file, series name, header, number format)] as array formulas
        over CAP rows. Returns the aligned ranges by name ("dates" and each series name), as
        sheet-qualified references. (The charts that plot them live on the same sheet: a flat
        ODF file loses a chart's link to a sheet that comes after the chart's.)"""
        name = sheet.sh.Name
        last = d0 + CAP - 1
        ranges = {}
        for c, key in enumerate(["dates"] + [x[1] for x in series]):
            col = col_name(c)
            ranges[key] = f"${name}.${col}${d0 + 1}:${col}${last + 1}"
        sheet.header(0, d0 - 1, ["Date"] + [x[2] for x in series])
        sheet.style(0, d0, 0, last, "ALVH Value", "YYYY-MM-DD")
        sheet.array(0, d0, 0, last, self.date_formula(), "ALVH Value")
        for c, (f, key, _, fmt) in enumerate(series, start=1):
            sheet.style(c, d0, c, last, "ALVH Value", fmt)
            sheet.array(c, d0, c, last, self.series_formula(f, key, ranges["dates"]),
                        "ALVH Value")
        sheet.print_area(len(series) + 12, d0 + PRINTED)
        return ranges
