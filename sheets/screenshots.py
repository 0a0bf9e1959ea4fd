#!/usr/bin/python3
"""The first screen of each template at 1366x768, as a user sees it: docs/screenshots/*.png.

usage: /usr/bin/python3 sheets/screenshots.py --oxt build/addin/alvh.oxt [--out docs/screenshots]
                                              [--size 1366x768] TEMPLATE.fods...

Opens each template in a real Calc window (not headless) under a virtual X display (Xvfb) with
the add-in installed, as File > New from a template does (an untitled copy), at 100% zoom with
the window filling the screen, and saves the whole screen as <template>.png. For the README and
for review: look at them after a layout change. Needs the test-only packages of
scripts/install-deps.sh --gui (xvfb, xdotool, imagemagick).
"""
import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))  # the repository root: office/
from office.gui import GuiCalcOffice, XDisplay  # noqa: E402


def first_input(sheet):
    """The first yellow input cell of a sheet (leftmost column first), as A1; A1 when there is
    none."""
    from office import col_name, used_range
    fmt = used_range(sheet).CellFormatRanges
    best = None
    for k in range(fmt.Count):
        r = fmt.getByIndex(k)
        if r.CellStyle == "ALVH Input":
            a = r.RangeAddress
            if best is None or (a.StartColumn, a.StartRow) < best:
                best = (a.StartColumn, a.StartRow)
    return f"{col_name(best[0])}{best[1] + 1}" if best else "A1"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--out", default=os.path.join(HERE, "..", "docs", "screenshots"))
    ap.add_argument("--size", default="1366x768")
    ap.add_argument("--cell", default=None,
                    help="the cell cursor's place (default: the sheet's first input cell)")
    ap.add_argument("--sheet", type=int, default=0, help="the sheet shown (0: the first)")
    ap.add_argument("templates", nargs="+")
    args = ap.parse_args()
    shown = os.path.abspath(args.out)
    os.makedirs(shown, exist_ok=True)
    out = shown
    width, height = (int(x) for x in args.size.split("x"))
    with XDisplay(width, height) as display, GuiCalcOffice(args.oxt, display) as office:
        for path in args.templates:
            name = os.path.basename(path).split(".")[0]
            doc = office.open(path, as_template=True)
            doc.CurrentController.ZoomValue = 100
            sheet = doc.Sheets.getByIndex(args.sheet)
            office.select(doc, sheet.Name, args.cell or first_input(sheet))
            time.sleep(2)  # charts draw after the cells
            name += f"-{args.sheet}" if args.sheet else ""
            png = os.path.join(out, name + ".png")
            display.screenshot(png)
            doc.close(True)
            print(f"wrote {os.path.join(shown, name + '.png')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
