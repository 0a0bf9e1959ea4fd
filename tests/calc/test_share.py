#!/usr/bin/python3
""""Save a copy for sharing" (addin/src/share.cxx, scripts/share.sh) in a real LibreOffice.

usage: /usr/bin/python3 test_share.py --oxt alvh.oxt --alvh ALVH TEMPLATE.fods...

One office with alvh.oxt installed (the sharer) and one fresh office without it (the recipient):
  - the extension's Addons.xcu puts the command in Tools > ALVH Calc for Calc, and the command
    URL resolves to a dispatch in a Calc frame;
  - each template: without the add-in its title line is the install line, with the add-in the
    title; shared headless (the command with a URL argument) to .ods, .xlsx and .pdf; the .ods
    and .xlsx opened without the add-in show no error cell and no ALVH formula, every number the
    original showed after a recalculation with the add-in is the same number (15 significant
    digits, what Calc stores) one row lower, every text the same text, the banner tops every
    sheet, every chart's data series read numbers, each sheet keeps its protection, notes and
    conditional formats; the PDF's pages render (pdftoppm) and are
    not blank;
  - a document of the hard cases: ALVH calls nested in native formulas, an array formula with
    "no value" warm-up rows, dependents through native formulas on the same and another sheet
    and through a named range, an ALVH error cell, a nested failing call, a formula whose second
    call fails, an IFERROR over an error cell, results Calc shows as TRUE and as a date, a
    native formula on inputs: the copy holds the values (shown as before), empty cells for #N/A,
    the sentence of `alvh call ALVH_ERROR ...` (the CLI) for the error cells, and keeps the
    native formula live;
  - the original file keeps its bytes and modification time after every share, also after a
    share that fails (an unwritable output), and its document is not modified;
  - scripts/share.sh: a missing input, an unknown extension and an unwritable output fail with
    exit status 2 and a sentence, without starting an office; a real run writes a copy (exit 0).
Prints "N passed, N failed"; exit status 1 on any failure.
"""
import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial

print = partial(print, flush=True)  # noqa: A001  (progress shows under ctest and setpriv)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, ROOT)  # office/, sheets/
sys.path.insert(0, os.path.join(HERE, ".."))  # tests/: clicheck
sys.path.insert(0, os.path.join(HERE, "..", "sheets"))  # test_sheets: page_ink
from clicheck import Checks  # noqa: E402
from office import CalcOffice, error_cells, prop, range_a1  # noqa: E402
from office import store, used_range  # noqa: E402
from office.share import SHARE_COMMAND, share_copy  # noqa: E402
from sheets.templates.document import INSTALL_LINE  # noqa: E402
from test_sheets import page_ink  # noqa: E402

BANNER = "Snapshot computed by ALVH Calc "
FORMATS = ("ods", "xlsx", "pdf")
XLSX_FILTER = "Calc MS Excel 2007 XML"


def same15(want, have):
    """have is want rounded to 15 significant digits, as Calc stores a number in a file: at most
    half a unit of the 15th digit away, give or take the binary representation of the two
    (Calc rounds a half-way case up from the decimal digits: 96137.13034248355 is stored as
    96137.1303424836, 5.0e-11 away, where Python's correctly rounded "%.15g" says ...835)."""
    if not isinstance(have, float):
        return False
    if want == have:
        return True
    unit = 10.0 ** (math.floor(math.log10(abs(want))) - 14)
    return abs(want - have) <= 0.5 * unit + 2 * (math.ulp(want) + math.ulp(have))


def sheet_cells(doc):
    """{sheet name: rows of float / str / None} over each sheet's used area."""
    out = {}
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        out[sh.Name] = [[None if x == "" else x for x in row]
                        for row in used_range(sh).getDataArray()]
    return out


def dressing(doc):
    """{sheet: (protected, notes, conditional formats)} of every sheet."""
    out = {}
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        out[sh.Name] = (sh.isProtected(), sh.Annotations.Count,
                        len(sh.ConditionalFormats.ConditionalFormats))
    return out


def file_state(path):
    st = os.stat(path)
    with open(path, "rb") as f:
        return f.read(), st.st_mtime_ns


# ---- the sharer's side -----------------------------------------------------------------------

def check_menu(office, doc, checks):
    """Addons.xcu's entry as the installed extension left it in the configuration, and the
    command URL resolving to a dispatch in the document's frame."""
    provider = office.service("com.sun.star.configuration.ConfigurationProvider")
    node = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        (prop("nodepath", "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging"),))
    entry = node.getByName("org.alvhcalc.share") if node.hasByName("org.alvhcalc.share") else None
    if not checks.check(entry is not None, "the extension adds an OfficeMenuBarMerging entry"):
        return
    merge = entry.getByName("M1")
    popup = merge.MenuItems.getByName("M1")
    item = popup.Submenu.getByName("M1")
    checks.check(merge.MergePoint.startswith(".uno:ToolsMenu\\")
                 and merge.MergeContext == "com.sun.star.sheet.SpreadsheetDocument",
                 f"merged into Calc's Tools menu ({merge.MergePoint}, {merge.MergeContext})")
    checks.check(popup.Title == "ALVH Calc" and item.Title == "Save a copy for sharing..."
                 and item.URL == SHARE_COMMAND,
                 f"Tools > {popup.Title} > {item.Title} dispatches {item.URL}")
    url = office.service("com.sun.star.util.URLTransformer")
    import uno
    u = uno.createUnoStruct("com.sun.star.util.URL")
    u.Complete = SHARE_COMMAND
    _, u = url.parseStrict(u)
    frame = doc.CurrentController.Frame
    checks.check(frame.queryDispatch(u, "", 0) is not None,
                 f"{SHARE_COMMAND} resolves to a dispatch in a Calc frame")


def share_all(office, src, out_dir, name, checks, failing=False):
    """Shares src to out_dir/<name>.{ods,xlsx,pdf} (and when failing, to an unwritable place and
    to an unknown format); the original keeps its bytes, modification time and unmodified
    state. Returns the values the original shows after a recalculation with the add-in, and
    its chart count."""
    before = file_state(src)
    doc = office.load(src)
    title = doc.Sheets.getByIndex(0).getCellByPosition(0, 0).getString()
    doc.calculateAll()
    after_recalc = doc.Sheets.getByIndex(0).getCellByPosition(0, 0).getString()
    checks.check(title != INSTALL_LINE and after_recalc == title and title,
                 f"{name}: with the add-in the title line is the title ({after_recalc!r})")
    values = sheet_cells(doc)
    values[None] = dressing(doc)
    charts = len(chart_series(doc))
    for ext in FORMATS:
        ok, message = share_copy(office, doc, os.path.join(out_dir, f"{name}.{ext}"))
        checks.check(ok and os.path.getsize(os.path.join(out_dir, f"{name}.{ext}")) > 1000,
                     f"{name}: shared to .{ext}: {message}")
    if failing:
        bad = os.path.join(src, f"{name}.ods")  # under a file: no folder can be made there
        ok, message = share_copy(office, doc, bad)
        checks.check(not ok and "cannot write" in message and not os.path.exists(bad),
                     f"{name}: a share to an unwritable place fails and says why ({message})")
        ok, message = share_copy(office, doc, os.path.join(out_dir, f"{name}.txt"))
        checks.check(not ok and ".ods, .xlsx or .pdf" in message,
                     f"{name}: a share to an unknown format fails and says why ({message})")
    checks.check(not doc.isModified(), f"{name}: the original document is not modified")
    doc.close(True)
    checks.check(file_state(src) == before,
                 f"{name}: the original file keeps its bytes and modification time")
    return values, charts


# ---- the recipient's side --------------------------------------------------------------------

def alvh_formulas(doc):
    """"Sheet!A1" of every formula that still names an ALVH function."""
    from com.sun.star.sheet.CellFlags import FORMULA
    found = []
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        for a in sh.queryContentCells(FORMULA).RangeAddresses:
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    if "ALVHCALC" in sh.getCellByPosition(c, r).getFormula().upper():
                        found.append(f"{sh.Name}!{range_a1(a)}")
    return found


def compare(original, copy, label, checks):
    """Every number of the original is the same number one row lower in the copy (15
    significant digits), every text the same text; #N/A cells (None) are empty or absent."""
    for sheet, rows in original.items():
        if sheet is None:  # dressing(), compared in check_copy
            continue
        got = copy.get(sheet)
        if not checks.check(got is not None, f"{label}: sheet {sheet} is in the copy"):
            continue
        wrong, numbers = [], 0
        for r, row in enumerate(rows):
            for c, want in enumerate(row):
                have = got[r + 1][c] if r + 1 < len(got) and c < len(got[r + 1]) else None
                if isinstance(want, float):
                    numbers += 1
                    if not same15(want, have):
                        wrong.append((r + 1, c + 1, want, have))
                elif want != have:
                    wrong.append((r + 1, c + 1, want, have))
        checks.check(not wrong, f"{label}: sheet {sheet}: {numbers} numbers and every text as "
                                f"the original shows them (row, column, original, copy: "
                                f"{wrong[:4]})")


def chart_series(doc):
    """(sheet, chart name, [(range, values)]) of every chart: the values each data series
    reads from the cells, as the chart itself sees them (chart2 data sequences)."""
    out = []
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        for k in range(sh.Charts.Count):
            ch = sh.Charts.getByIndex(k)
            seqs = []
            for cs in ch.EmbeddedObject.getFirstDiagram().getCoordinateSystems():
                for ct in cs.getChartTypes():
                    for series in ct.getDataSeries():
                        for labeled in series.getDataSequences():
                            v = labeled.getValues()
                            seqs.append((v.getSourceRangeRepresentation(), v.getData()))
            out.append((sh.Name, ch.Name, seqs))
    return out


def check_charts(doc, label, want_charts, checks):
    charts = chart_series(doc)
    checks.check(len(charts) == want_charts,
                 f"{label}: {len(charts)} charts (the original: {want_charts})")
    for sheet, name, seqs in charts:
        empty = [rng for rng, values in seqs
                 if not any(isinstance(x, float) and not math.isnan(x) for x in values)]
        checks.check(seqs and not empty, f"{label}: chart {name} on {sheet}: each of its "
                                          f"{len(seqs)} data series reads numbers ({empty})")


def check_copy(office, path, original, charts, label, checks):
    doc = office.load(path)
    if not checks.check(doc is not None, f"{label}: opens without the add-in"):
        return
    checks.check(not error_cells(doc), f"{label}: no error cell ({error_cells(doc)[:6]})")
    doc.calculateAll()
    checks.check(not error_cells(doc),
                 f"{label}: no error cell after a recalculation ({error_cells(doc)[:6]})")
    checks.check(not alvh_formulas(doc), f"{label}: no ALVH formula left ({alvh_formulas(doc)[:6]})")
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        banner = sh.getCellByPosition(0, 0).getString()
        checks.check(banner.startswith(BANNER) and "not live formulas" in banner,
                     f"{label}: sheet {sh.Name} starts with the banner ({banner[:60]!r})")
    compare(original, sheet_cells(doc), label, checks)
    checks.check(dressing(doc) == original[None],
                 f"{label}: protection, notes and conditional formats of every sheet as the "
                 f"original's (copy {dressing(doc)}, original {original[None]})")
    check_charts(doc, label, charts, checks)
    doc.close(True)


def check_pdf(path, work, label, checks):
    d = tempfile.mkdtemp(dir=work)
    shares = page_ink(d, path)
    blank = [i + 1 for i, s in enumerate(shares) if s < 0.005]
    checks.check(shares and not blank, f"{label}: {len(shares)} PDF pages, none blank ({blank})")


# ---- the hard cases --------------------------------------------------------------------------

HARD = {  # Sheet1 cell -> formula (B1:B20 hold VIX closes, C1:C3 inputs)
    "A1": '=ROUND(BS_PRICE("C";100;100;1;0.2);2)+1',     # nested in native formulas
    "A3": "=A1*2",                                        # depends through a native formula
    "A4": '=BS_PRICE("C";100;100;1;-0.2)',                # an ALVH error cell
    "A5": "=IFERROR(A4;0)",                               # a native formula over the error
    "A6": '=1+BS_PRICE("C";100;100;1;BS_PRICE("C";100;100;1;-0.3))',  # the inner call fails
    "A7": "=price*10",                                    # through a named range
    "A8": "=SUM(C1:C3)",                                  # native, on inputs: stays live
    "A9": "=A4*2",                                        # depends on the error cell
    "A10": "=A1>5",                                       # Calc shows TRUE: a format of its own
    "A11": "=DATE(2025;1;1)+ROUND(A1;0)",                 # Calc shows a date
    "A12": '=BS_PRICE("C";100;100;1;0.2)+BS_PRICE("C";100;100;1;-0.4)',  # the second call fails
}
ARRAY = ("D1:D20", "=VIX_RSI(B1:B20;5)")                  # warm-up rows are #N/A
OTHER = ("S2", "A1", "=$Sheet1.A3+1")                     # another sheet


def build_hard(office, path):
    doc = office.new_calc()
    sh = doc.Sheets.getByIndex(0)
    closes = [16.2, 17.1, 16.8, 18.4, 19.9, 21.3, 20.7, 22.5, 24.1, 23.6, 25.8, 27.2, 26.4,
              28.9, 31.5, 29.8, 33.1, 35.6, 32.4, 30.2]
    sh.getCellRangeByName("B1:B20").setDataArray(tuple((x,) for x in closes))
    sh.getCellRangeByName("C1:C3").setDataArray(((1.0,), (2.0,), (4.0,)))
    doc.NamedRanges.addNewByName("price", "$Sheet1.$A$1", sh.getCellByPosition(0, 0).CellAddress,
                                 0)
    for a1, f in HARD.items():
        sh.getCellRangeByName(a1).setFormula(f)
    sh.getCellRangeByName(ARRAY[0]).setArrayFormula(ARRAY[1])
    doc.Sheets.insertNewByName(OTHER[0], 1)
    doc.Sheets.getByName(OTHER[0]).getCellRangeByName(OTHER[1]).setFormula(OTHER[2])
    doc.calculateAll()
    store(doc, path, "calc8")
    doc.close(True)


def cli_sentence(alvh, *args):
    return subprocess.run([alvh, "call", "ALVH_ERROR", *args], capture_output=True, text=True,
                          check=True).stdout.strip()


def check_hard(office_without, original, path, alvh, checks):
    """The copy of the hard-cases document, opened without the add-in."""
    doc = office_without.load(path)
    sh = doc.Sheets.getByIndex(0)

    def cell(a1):  # one row lower: the banner
        a = sh.getCellRangeByName(a1).CellAddress
        return sh.getCellByPosition(a.Column, a.Row + 1)
    from com.sun.star.table.CellContentType import EMPTY, FORMULA, TEXT, VALUE
    vol = cli_sentence(alvh, "BS_PRICE", "C", "100", "100", "1", "-0.2")
    inner = cli_sentence(alvh, "BS_PRICE", "C", "100", "100", "1", "-0.3")
    second = cli_sentence(alvh, "BS_PRICE", "C", "100", "100", "1", "-0.4")
    checks.check(vol.startswith("VOL") or "vol" in vol, f"the CLI explains the error ({vol})")
    want = {"A1": (VALUE, original["A1"]), "A3": (VALUE, original["A3"]),
            "A4": (TEXT, vol), "A5": (VALUE, 0.0), "A6": (TEXT, inner),
            "A7": (VALUE, original["A7"]), "A8": (FORMULA, 7.0), "A9": (TEXT, vol),
            "A10": (VALUE, 1.0), "A11": (VALUE, original["A11"]), "A12": (TEXT, second)}
    for a1, (kind, value) in want.items():
        c = cell(a1)
        got = c.getString() if kind == TEXT else c.getValue()
        checks.check(c.Type == kind and (got == value or same15(value, got))
                     and (kind == TEXT or c.getString() == original["shown"][a1]),
                     f"hard cases: {a1} {HARD[a1]} -> {kind.value} {value!r} (shown as "
                     f"{original['shown'][a1]!r}; copy: {c.Type.value} {got!r} shown as "
                     f"{c.getString()!r}, {c.getFormula()!r})")
    rsi = original["D"]
    got = [sh.getCellByPosition(3, r + 1) for r in range(20)]
    checks.check(all((g.Type == EMPTY) if w is None else (g.Type == VALUE
                                                            and same15(w, g.getValue()))
                     for g, w in zip(got, rsi)) and rsi.count(None) > 0,
                 f"hard cases: the array formula's numbers are values, its #N/A rows empty "
                 f"({[g.getString() for g in got[:7]]} for {rsi[:7]})")
    other = doc.Sheets.getByName(OTHER[0]).getCellByPosition(0, 1)  # A1, one row lower
    checks.check(other.Type == VALUE and same15(original["S2"], other.getValue()),
                 f"hard cases: {OTHER[0]}.{OTHER[1]} (depends on another sheet) holds "
                 f"{original['S2']} ({other.getFormula()!r})")
    checks.check(not error_cells(doc), f"hard cases: no error cell ({error_cells(doc)})")
    doc.close(True)


def share_hard(office, work, checks):
    src = os.path.join(work, "hard.ods")
    build_hard(office, src)
    doc = office.load(src)
    doc.calculateAll()
    sh = doc.Sheets.getByIndex(0)
    original = {a1: sh.getCellRangeByName(a1).getValue() for a1 in HARD}
    original["shown"] = {a1: sh.getCellRangeByName(a1).getString() for a1 in HARD}
    original["D"] = [None if sh.getCellByPosition(3, r).getError() else
                     sh.getCellByPosition(3, r).getValue() for r in range(20)]
    original["S2"] = doc.Sheets.getByName(OTHER[0]).getCellRangeByName(OTHER[1]).getValue()
    ok, message = share_copy(office, doc, os.path.join(work, "hard (shared).ods"))
    checks.check(ok, f"hard cases: shared ({message})")
    doc.close(True)
    return original


# ---- scripts/share.sh ------------------------------------------------------------------------

def share_script():
    """The command line of scripts/share.sh (its Python, when run from copied sources)."""
    sh = os.path.join(ROOT, "scripts", "share.sh")
    if os.path.isfile(sh):
        return ["bash", sh]
    return [sys.executable, os.path.join(ROOT, "scripts", "share.py")]


def check_script(oxt, template, work, checks):
    cmd = share_script() + ["--oxt", oxt]
    cases = [("a missing input", [os.path.join(work, "nope.fods"), os.path.join(work, "x.ods")],
              "no such file"),
             ("an unknown extension", [template, os.path.join(work, "x.docx")], "unknown format"),
             ("an unwritable output", [template, "/proc/alvh-shared.ods"], "cannot write")]
    for what, args, says in cases:
        p = subprocess.run(cmd + args, capture_output=True, text=True, timeout=60)
        checks.check(p.returncode == 2 and says in p.stderr,
                     f"share.sh with {what}: exit 2, says so ({p.returncode}, {p.stderr.strip()})")
    before = file_state(template)
    out = os.path.join(work, "script (shared).xlsx")
    p = subprocess.run(cmd + [template, out], capture_output=True, text=True, timeout=600)
    checks.check(p.returncode == 0 and os.path.isfile(out) and "Saved" in p.stdout,
                 f"share.sh writes {os.path.basename(out)} (exit {p.returncode}: "
                 f"{p.stdout.strip()} {p.stderr.strip()[-300:]})")
    checks.check(file_state(template) == before,
                 "share.sh leaves the original's bytes and modification time")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--alvh", required=True)
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    ap.add_argument("templates", nargs="+")
    args = ap.parse_args()
    checks = Checks()
    work = tempfile.mkdtemp(prefix="alvh-share-test-")
    try:
        names = []
        for t in args.templates:  # copies: a share must leave them exactly as they are
            name = os.path.basename(t).split(".")[0]
            shutil.copy2(t, os.path.join(work, name + ".fods"))
            names.append(name)
        # The smallest template also goes through the failing shares and scripts/share.sh.
        small = min(names, key=lambda n: os.path.getsize(os.path.join(work, n + ".fods")))
        originals, charts = {}, {}
        with CalcOffice(args.oxt, label="alvh-share") as office:
            first = office.load(os.path.join(work, names[0] + ".fods"))
            check_menu(office, first, checks)
            first.close(True)
            for name in names:
                src = os.path.join(work, name + ".fods")
                t0 = time.monotonic()
                originals[name], charts[name] = share_all(office, src, work, name, checks,
                                                          failing=name == small)
                print(f"   {name}: shared in {time.monotonic() - t0:.1f} s")
            hard = share_hard(office, work, checks)
        with CalcOffice(None, label="alvh-share-recipient") as office:
            for name in names:
                t0 = time.monotonic()
                doc = office.load(os.path.join(work, name + ".fods"))
                shown = doc.Sheets.getByIndex(0).getCellByPosition(0, 0).getString()
                checks.check(shown == INSTALL_LINE,
                             f"{name}: without the add-in the title line says {shown!r}")
                doc.close(True)
                for ext in ("ods", "xlsx"):
                    check_copy(office, os.path.join(work, f"{name}.{ext}"), originals[name],
                               charts[name], f"{name}.{ext}", checks)
                check_pdf(os.path.join(work, f"{name}.pdf"), work, f"{name}.pdf", checks)
                print(f"   {name}: copies checked in {time.monotonic() - t0:.1f} s")
            check_hard(office, hard, os.path.join(work, "hard (shared).ods"), args.alvh, checks)
        check_script(args.oxt, os.path.join(work, small + ".fods"), work, checks)
    finally:
        if args.keep:
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
