#!/usr/bin/python3
"""The templates typed into by hand, in a real Calc window (CTest gui_typing, label gui).

usage: /usr/bin/python3 tests/gui/test_typing.py --oxt alvh.oxt CONDOR.fods SCHEDULE.fods

A visible Calc (not headless) under Xvfb, English (USA) locale, AutoCorrect as it ships, the
add-in installed; each template opened as File > New opens it. xdotool types into the cells key by
key, as a user does, and UNO reads back what the cells hold and what the status lines say:
  - a percent cell (the condor's vol): 0.15 is refused with the rule's dialog (it would be
    0.15%), 15 gives 15% (0.15), 12.5 gives 12.5% (Calc adds the % sign as one types);
  - a date cell (the schedule's valuation date): 15.01.2026 (text under an English locale) is
    refused, 2026-01-20 gives that date;
  - a word setting (the schedule's sizing): vega, typed with AutoCorrect on, switches the layers
    to the vega calibration (fewer contracts) and the status line stays OK.
Needs xvfb, xdotool and imagemagick (scripts/install-deps.sh --gui). Prints "N passed, N failed".
"""
import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))  # the repository root: office/
sys.path.insert(0, os.path.join(HERE, ".."))  # tests/: clicheck
from clicheck import Checks  # noqa: E402
from office.gui import GuiCalcOffice, XDisplay  # noqa: E402

DIALOG = "^ALVH Calc$"  # the title of the templates' validity messages


def type_into(office, display, doc, sheet, a1, text):
    """Types text and Return into sheet!a1 as a user does. Returns the refusal dialog's window
    id when validity refused it (the dialog answered, the edit cancelled), else None."""
    office.select(doc, sheet, a1)
    display.type_text(text + "\n")
    dialog = display.wait_window(DIALOG, 3.0)
    if dialog:
        display.answer(dialog)          # OK: back to the cell, still editing
        office.settle(doc, 0.3)
        display.key("Escape")           # give up the edit: the cell keeps its value
    office.settle(doc, 0.5)
    return dialog


def value(doc, sheet, a1):
    return doc.Sheets.getByName(sheet).getCellRangeByName(a1)


def check_condor(office, display, path, checks):
    doc = office.open(path, as_template=True)
    vol, status = "B8", "B19"
    refused = type_into(office, display, doc, "Condor", vol, "0.15")
    checks.check(refused is not None, "condor: 0.15 typed into the % vol cell is refused")
    checks.check(value(doc, "Condor", vol).getValue() == 0.15,
                 f"condor: the vol keeps 15% ({value(doc, 'Condor', vol).getValue()})")
    type_into(office, display, doc, "Condor", vol, "15")
    checks.check(value(doc, "Condor", vol).getValue() == 0.15,
                 f"condor: 15 typed gives 15% ({value(doc, 'Condor', vol).getValue()})")
    type_into(office, display, doc, "Condor", vol, "12.5")
    checks.check(value(doc, "Condor", vol).getValue() == 0.125,
                 f"condor: 12.5 typed gives 12.5% ({value(doc, 'Condor', vol).getValue()})")
    said = value(doc, "Condor", status).getString()
    checks.check(said == "OK", f"condor: the status line says OK ({said!r})")
    doc.setModified(False)
    doc.close(True)


def check_schedule(office, display, path, checks):
    doc = office.open(path, as_template=True)
    date, sizing, status = "B6", "C41", "B11"
    kept = value(doc, "Schedule", date).getValue()
    refused = type_into(office, display, doc, "Schedule", date, "15.01.2026")
    checks.check(refused is not None, "schedule: 15.01.2026 typed under English (USA) is refused")
    checks.check(value(doc, "Schedule", date).getValue() == kept,
                 "schedule: the valuation date keeps its value")
    type_into(office, display, doc, "Schedule", date, "2026-01-20")
    checks.check(value(doc, "Schedule", date).getValue() == 46042.0,
                 f"schedule: 2026-01-20 typed gives that date "
                 f"({value(doc, 'Schedule', date).getValue()})")
    rule = [r[0] for r in value(doc, "Schedule", "E13:E15").getDataArray()]
    type_into(office, display, doc, "Schedule", sizing, "vega")
    typed = value(doc, "Schedule", sizing).getString()
    vega = [r[0] for r in value(doc, "Schedule", "E13:E15").getDataArray()]
    checks.check(typed.lower() == "vega", f"schedule: vega typed in the sizing cell ({typed!r})")
    checks.check(all(isinstance(x, float) for x in vega) and sum(vega) < sum(rule),
                 f"schedule: sizing vega calibrates the layers ({rule} -> {vega})")
    said = value(doc, "Schedule", status).getString()
    checks.check(said == "OK", f"schedule: the status line says OK ({said!r})")
    doc.setModified(False)
    doc.close(True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("condor")
    ap.add_argument("schedule")
    args = ap.parse_args()
    checks = Checks()
    t0 = time.monotonic()
    with XDisplay(1366, 768) as display, \
            GuiCalcOffice(args.oxt, display, locale="en-US") as office:
        check_condor(office, display, os.path.abspath(args.condor), checks)
        check_schedule(office, display, os.path.abspath(args.schedule), checks)
    print(f"{checks.passed} passed, {checks.failed} failed ({time.monotonic() - t0:.0f} s)")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
