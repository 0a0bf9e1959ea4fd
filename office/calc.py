"""Calc documents and cells over UNO: the small helpers every script that drives Calc needs.

`import uno` (python3-uno) happens inside the functions that need it, so a script that imports
this module still answers --help without LibreOffice.
"""
import datetime
import os

# Filter names for store().
FLAT_ODS = "OpenDocument Spreadsheet Flat XML"
ODS = "calc8"
PDF = "calc_pdf_Export"


def prop(name, value):
    """A com.sun.star.beans.PropertyValue."""
    import uno  # noqa: F401  (python3-uno; makes the com.sun.star modules importable)
    from com.sun.star.beans import PropertyValue
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def file_url(path):
    """The file:// URL of a local path (made absolute)."""
    import uno
    return uno.systemPathToFileUrl(os.path.abspath(path))


def store(doc, path, filter_name):
    """Writes doc to path with a filter (FLAT_ODS, ODS, PDF); the document keeps its location."""
    doc.storeToURL(file_url(path), (prop("FilterName", filter_name),))


def col_name(c):
    """Column letters of 0-based column c: 0 -> A, 25 -> Z, 26 -> AA."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def range_a1(addr):
    """"B2:C3" of a com.sun.star.table.CellRangeAddress."""
    return (f"{col_name(addr.StartColumn)}{addr.StartRow + 1}:"
            f"{col_name(addr.EndColumn)}{addr.EndRow + 1}")


def error_cells(doc):
    """"Sheet!B2:C3" of every formula cell range showing an error, in every sheet of doc (one
    query per sheet)."""
    from com.sun.star.sheet.FormulaResult import ERROR
    bad = []
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        for a in sh.queryFormulaCells(ERROR).RangeAddresses:
            bad.append(f"{sh.Name}!{range_a1(a)}")
    return bad


def recalculate(doc):
    """Recalculates every formula of doc (a hard recalculation); returns error_cells(doc)."""
    doc.calculateAll()
    return error_cells(doc)


def used_range(sheet):
    """The cell range from A1 to the end of the sheet's used area."""
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    end = cur.RangeAddress
    return sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)


def cell_values(cell_range):
    """A range's cells as rows of float / str / None (an empty cell)."""
    return [[None if x == "" else x for x in row] for row in cell_range.getDataArray()]


def date_serial(iso):
    """Calc's serial number of an ISO date ("2022-01-03"): days since 1899-12-30."""
    return (datetime.date.fromisoformat(iso) - datetime.date(1899, 12, 30)).days
