"""What test_sheets.py checks of the templates that read downloaded files (signals, backtest):
  - one blank VIX close at a row of the Data tab: the status line names that row, the rows
    before it keep their values, and no cell shows an error (issue 15);
  - a day missing in the S&P 500 file: the status line names the rows where the files part;
  - 5,040 rows of a synthetic market written as the published files (CBOE's VIX_History.csv
    with MM/DD/YYYY dates; an S&P 500 export with Adj Close and Volume), opened by Calc's own
    CSV import and pasted as they are: no error cell, the status OK, 5,040 rows used, and the
    results equal the CLI's on the same rows: ALVH_BACKTEST_SUMMARY and ALVH_SIGNAL bit for
    bit, and `alvh backtest` (its printed summary, 10 significant digits) (issue 16)."""
import csv
import io
import os
import subprocess

from office import date_serial, error_cells, file_url, prop

# Per template: the main sheet, its status line, the Data tab's paste cells (each file's header
# line), and the first row of the daily table with the column checked there.
PASTED = {
    "alvh-backtest": ("Backtest", "B6", {"vix": "A14", "spx": "G14"}, 70, "D"),
    "alvh-signals": ("Signals", "B6", {"vix": "A15", "spx": "G15", "breadth": "O15"}, 33, "F"),
}
ROWS = 5040


def _rc(a1):
    col = "".join(ch for ch in a1 if ch.isalpha())
    n = 0
    for ch in col:
        n = n * 26 + ord(ch) - 64
    return n - 1, int(a1[len(col):]) - 1


def check_gap(name, doc, checks):
    """One blank VIX close at the 100th data row."""
    if name not in PASTED:
        return
    sheet, status, at, d0, col = PASTED[name]
    data, main = doc.Sheets.getByName("Data"), doc.Sheets.getByName(sheet)
    c, r = _rc(at["vix"])
    row = r + 1 + 100            # 1-based sheet row of the 100th data row
    cell = data.getCellByPosition(c + 4, row - 1)
    kept = cell.getValue()
    cell.setString("")
    doc.calculateAll()
    said = main.getCellRangeByName(status).getString()
    checks.check(f"row {row} " in said and "CLOSE is blank" in said,
                 f"{name}: a blank VIX close at Data row {row}: the status names the row ({said!r})")
    before = main.getCellRangeByName(f"{col}{d0 + 98}").getString()
    at_gap = main.getCellRangeByName(f"{col}{d0 + 99}").getString()
    checks.check(before != "" and at_gap == "", f"{name}: the rows before the gap keep their "
                 f"values ({before!r}), the gap row shows nothing ({at_gap!r})")
    bad = error_cells(doc)
    checks.check(not bad, f"{name}: a blank VIX close: no error cell ({bad[:6]})")
    cell.setValue(kept)
    doc.calculateAll()
    checks.check(main.getCellRangeByName(status).getString() == "OK",
                 f"{name}: the status line says OK again once the close is back")


def check_missing_day(name, doc, checks):
    """The S&P 500 file without its 50th data row: the files part there."""
    if name not in PASTED:
        return
    sheet, status, at, d0, col = PASTED[name]
    data, main = doc.Sheets.getByName("Data"), doc.Sheets.getByName(sheet)
    c, r = _rc(at["spx"])
    block = data.getCellRangeByPosition(c, r + 1, c + 6, r + 300)
    kept = block.getDataArray()
    rows = list(kept)
    del rows[49]
    rows.append(("",) * 7)
    block.setDataArray(tuple(rows))
    doc.calculateAll()
    said = main.getCellRangeByName(status).getString()
    vix_row, spx_row = r + 1 + 50, r + 1 + 50
    checks.check(f"Row {vix_row}:" in said and f"row {spx_row} of the S&P 500 file" in said and
                 "a day is missing" in said,
                 f"{name}: a day missing in the S&P 500 file: the status names the rows ({said!r})")
    checks.check(not error_cells(doc), f"{name}: a missing day: no error cell")
    block.setDataArray(kept)
    doc.calculateAll()
    checks.check(main.getCellRangeByName(status).getString() == "OK",
                 f"{name}: the status line says OK again with the day back")


def published_files(alvh, tmp):
    """The synthetic market written as the published files, and as the CLI's date,spx,vix."""
    out = subprocess.run([alvh, "market", "bear2022", "--days", str(ROWS)], check=True,
                         capture_output=True, text=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    paths = {k: os.path.join(tmp, k + ".csv") for k in ("vix", "spx", "breadth", "merged")}

    def us(iso):
        y, m, d = iso.split("-")
        return f"{m}/{d}/{y}"
    with open(paths["vix"], "w", newline="") as f:
        f.write("DATE,OPEN,HIGH,LOW,CLOSE\n")
        for r in rows:
            f.write(f"{us(r['date'])},{r['vix']},{r['vix']},{r['vix']},{r['vix']}\n")
    with open(paths["spx"], "w", newline="") as f:
        f.write("Date,Open,High,Low,Close,Adj Close,Volume\n")
        for r in rows:
            f.write(f"{r['date']},{r['spx']},{r['spx']},{r['spx']},{r['spx']},1,1000\n")
    with open(paths["breadth"], "w", newline="") as f:
        f.write("Date,Advancers,Decliners\n")
        for r in rows:
            f.write(f"{r['date']},{r['advancers']},{r['decliners']}\n")
    with open(paths["merged"], "w", newline="") as f:
        f.write("date,spx,vix\n")
        for r in rows:
            f.write(f"{r['date']},{r['spx']},{r['vix']}\n")
    return paths


def opened_csv(office, path):
    """A CSV file as Calc's Text Import reads it (comma, UTF-8, English (USA)): rows of values."""
    doc = office.desktop.loadComponentFromURL(file_url(path), "_blank", 0, (
        prop("Hidden", True), prop("FilterName", "Text - txt - csv (StarCalc)"),
        prop("FilterOptions", "44,34,76,1,,1033")))
    sh = doc.Sheets.getByIndex(0)
    cur = sh.createCursor()
    cur.gotoEndOfUsedArea(False)
    end = cur.RangeAddress
    rows = sh.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()
    doc.close(True)
    return rows


def check_published(name, doc, office, cli, checks):
    """5,040 rows pasted as the files are published: the CLI's numbers."""
    if name not in PASTED:
        return
    sheet, status, at, d0, col = PASTED[name]
    paths = published_files(cli.path, office.temp_path(""))
    data, main = doc.Sheets.getByName("Data"), doc.Sheets.getByName(sheet)
    for key, a1 in at.items():
        rows = opened_csv(office, paths[key])
        checks.check(isinstance(rows[1][0], float), f"{name}: Calc reads the {key} file's "
                     f"dates as dates ({rows[1][0]!r})")
        c, r = _rc(a1)
        old = data.getCellRangeByPosition(c, r, c + len(rows[0]) - 1, r + 400)
        old.clearContents(1 | 2 | 4)  # values, dates, text: the sample
        data.getCellRangeByPosition(c, r, c + len(rows[0]) - 1, r + len(rows) - 1) \
            .setDataArray(rows)
    doc.calculateAll()
    bad = error_cells(doc)
    checks.check(not bad, f"{name}: {ROWS} pasted rows: no error cell ({bad[:6]})")
    checks.check(main.getCellRangeByName(status).getString() == "OK",
                 f"{name}: {ROWS} pasted rows: status OK "
                 f"({main.getCellRangeByName(status).getString()!r})")
    first, last = d0, d0 + ROWS - 1
    dates = [r[0] for r in main.getCellRangeByName(f"A{first}:A{last + 1}").getDataArray()]
    checks.check(all(isinstance(x, float) for x in dates[:-1]) and dates[-1] == "",
                 f"{name}: {ROWS} rows used, nothing after them")
    merged = list(csv.DictReader(open(paths["merged"])))
    cols = [[[_serial(r["date"])] for r in merged],
            [[float(r["spx"])] for r in merged], [[float(r["vix"])] for r in merged]]
    if name == "alvh-backtest":
        summary = cli.call("ALVH_BACKTEST_SUMMARY", *cols)
        got = main.getCellRangeByName(f"C37:C{36 + len(summary)}").getDataArray()
        same = all(g[0] == (w[1] if w[1] is not None else "") for g, w in zip(got, summary))
        checks.check(same, f"{name}: the summary of {ROWS} pasted rows equals ALVH_BACKTEST_"
                     "SUMMARY through the CLI, bit for bit")
        printed = subprocess.run([cli.path, "backtest", paths["merged"]], check=True,
                                 capture_output=True, text=True).stdout
        # The CLI prints the books side by side (name, unhedged, vix_calls, put_spread); the
        # summary's flat names are name_unhedged / name_hedged for a measure of every book and
        # the name alone for the VIX book's (docs/backtest.md, the flat naming rule).
        want = {}
        for ln in printed.splitlines():
            f = ln.split()
            if len(f) != 4 or ln.startswith("#"):
                continue
            for key, cell in ((f[0], f[2]), (f[0] + "_unhedged", f[1]),
                              (f[0] + "_hedged", f[2])):
                if cell not in ("-", "n/a"):
                    want[key] = float(cell)
        off = [(n, v, want[n]) for (n, _), (v,) in zip(summary, got)
               if n in want and abs(v - want[n]) > 1e-9 * max(1.0, abs(want[n]))]
        checks.check(len(want) > 20 and not off, f"{name}: the summary equals `alvh backtest` "
                     f"on the same rows ({len(want)} measures; differing: {off[:3]})")
    else:
        sig = cli.call("ALVH_SIGNAL", cols[2], cli.call("AD_LINE", *_breadth(paths)), cols[1])
        got = main.getCellRangeByName(f"L{first}:L{last}").getDataArray()
        same = all((g[0] or None) == w[0] for g, w in zip(got, sig))
        checks.check(same, f"{name}: the triggers of {ROWS} pasted rows equal ALVH_SIGNAL "
                     "through the CLI")


def _serial(iso):
    return float(date_serial(iso))


def _breadth(paths):
    rows = list(csv.DictReader(open(paths["breadth"])))
    return ([[float(r["Advancers"])] for r in rows], [[float(r["Decliners"])] for r in rows])
