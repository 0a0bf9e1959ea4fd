#!/usr/bin/python3
"""The demo's office part (scripts/demo.sh runs it): opens each template in a headless Calc with
the add-in installed, recalculates it with its sample inputs, exports one PDF report of every
sheet, and prints the layer schedule and the key figures as the sheets computed them.

usage: /usr/bin/python3 sheets/demo.py --oxt alvh.oxt --out build/demo TEMPLATE.ots...

Writes OUT/alvh-demo.pdf (and one PDF per template next to it). Exit status 1 when a template
shows an error cell or the PDF is not written.
"""
import argparse
import datetime
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))  # office/
from office import PDF, CalcOffice, file_url, prop, recalculate, store  # noqa: E402


def table(title, headers, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    line = "  ".join("-" * w for w in widths)
    print(f"\n{title}")
    print("  ".join(h.rjust(w) for h, w in zip(headers, widths)))
    print(line)
    for r in rows:
        print("  ".join(str(x).rjust(w) for x, w in zip(r, widths)))


def cell(doc, sheet, a1):
    return doc.Sheets.getByName(sheet).getCellRangeByName(a1)


def s(doc, sheet, a1):
    return cell(doc, sheet, a1).getString()


def report(name, doc):
    """Key figures of each template, read from its cells (as Calc shows them)."""
    if name == "alvh-condor-legs":
        rows = [[s(doc, "Condor", f"{c}{r}") for c in "DEF"] for r in range(6, 19)]
        strikes = " / ".join(s(doc, "Condor", a) for a in ("B24", "C24", "D24", "E24"))
        table(f"Iron condor (SPX {s(doc, 'Condor', 'B6')}, {s(doc, 'Condor', 'B7')} days, "
              f"{s(doc, 'Condor', 'B13')} contracts; strikes {strikes})",
              ["figure", "value", "unit"], rows)
    elif name == "alvh-layer-schedule":
        rows = [[s(doc, "Schedule", f"{c}{r}") for c in "ABCDEFGHKLM"] for r in range(13, 16)]
        table(f"ALVH layer schedule (valuation {s(doc, 'Schedule', 'B6')}, VIX "
              f"{s(doc, 'Schedule', 'B7')}, notional ${s(doc, 'Schedule', 'B8')}, condor VIX vega "
              f"${s(doc, 'Schedule', 'B9')} per point)",
              ["layer", "expiry", "days", "strike", "contracts", "future (pts)", "call (pts)",
               "debit ($)", "vega ($/VIX pt)", "cost (%/month)", "coverage"], rows)
        rows = [[s(doc, "Schedule", f"{c}{r}") for c in "ABCDE"] for r in (28, 29)]
        table("Sizing: rule vs vega calibration", ["sizing", "layer 1", "layer 2", "layer 3",
                                                   "coverage"], rows)
        rows = [[s(doc, "Schedule", f"{c}{r}") for c in "ABCDE"] for r in range(19, 23)]
        table("Checks", ["figure", "value", "unit", "target", "verdict"], rows)
    elif name == "alvh-signals":
        sh = doc.Sheets.getByName("Signals")
        trig = []
        for row in sh.getCellRangeByName(f"A{DAILY_SIGNALS}:L{DAILY_SIGNALS + 400}") \
                .getDataArray():
            if row[11] not in ("", "NONE"):
                trig.append([row[0], row[1], row[5], row[6], row[7], row[10], row[11]])
        day0 = datetime.date(1899, 12, 30)  # Calc's day 0
        shown = [[str(day0 + datetime.timedelta(days=int(r[0])))]
                 + [f"{x:.2f}" if isinstance(x, float) else x for x in r[1:]] for r in trig]
        table("Signals: rows where an ALVH trigger fires (synthetic bear2022 sample; REBALANCE is"
              " RSI crossing above 70 or an A/D divergence starting, ARM is MACD crossing above"
              " its signal with VIX above 25)",
              ["date", "VIX", "RSI", "MACD", "signal", "A/D div.", "trigger"], shown)
    elif name == "alvh-backtest":
        rows = [[s(doc, "Backtest", f"{c}{r}") for c in "ACD"] for r in range(7, 16)]
        table("Backtest on the sample (a synthetic bear2022 market, not history)",
              ["measure", "value", "unit"], rows)
    elif name == "alvh-scenarios":
        rows = [[s(doc, "Scenarios", f"{c}{r}") for c in "EFGHIJK"] for r in range(22, 25)]
        table("Spike days: condor and hedge repriced together (dollars)",
              ["spike day", "SPX move", "VIX move", "condor P&L", "hedge P&L", "net P&L",
               "hedge gain / condor loss"], rows)


DAILY_SIGNALS = 33  # 1-based first row of the signals template's daily table


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("templates", nargs="+")
    args = ap.parse_args()
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    pdfs, failed = [], 0
    order = ["alvh-condor-legs", "alvh-layer-schedule", "alvh-scenarios", "alvh-signals",
             "alvh-backtest"]

    def rank(path):
        base = os.path.basename(path)
        return next((i for i, n in enumerate(order) if n in base), len(order)), base
    with CalcOffice(args.oxt, label="alvh-demo") as office:
        for path in sorted(args.templates, key=rank):
            name = os.path.basename(path).split(".")[0]
            # As File > New from a template does: an untitled copy of the .ots.
            doc = office.desktop.loadComponentFromURL(file_url(path), "_blank", 0, (
                prop("Hidden", True), prop("AsTemplate", True)))
            if doc is None:
                print(f"FAIL {name}: Calc could not open {path}")
                failed += 1
                continue
            bad = recalculate(doc)
            if bad:
                failed += 1
                print(f"FAIL {name}: error cells {bad[:10]}")
            pdf = os.path.join(out_dir, name + ".pdf")
            store(doc, pdf, PDF)
            pdfs.append(pdf)
            report(name, doc)
            doc.close(True)
    combined = os.path.join(out_dir, "alvh-demo.pdf")
    if pdfs:
        subprocess.run(["pdfunite"] + pdfs + [combined], check=True)
    if not os.path.isfile(combined):
        print("FAIL: no PDF written")
        return 1
    print(f"\nPDF report of every sheet: {combined}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
