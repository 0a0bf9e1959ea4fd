#!/usr/bin/python3
"""The demo's office part (scripts/demo.sh runs it): opens each template in a headless Calc with
the add-in installed, recalculates it with its sample inputs, exports one PDF report of every
sheet, and prints the layer schedule and the key figures as the sheets computed them.

usage: /usr/bin/python3 sheets/demo.py --oxt alvh.oxt --out build/demo TEMPLATE.fods...

Writes OUT/alvh-demo.pdf (and one PDF per template next to it). Exit status 1 when a template
shows an error cell or the PDF is not written.
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))  # office/
from office import PDF, CalcOffice, recalculate, run_unprivileged_writing, store  # noqa: E402


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
        rows = [[s(doc, "Condor", f"A{r}"), s(doc, "Condor", f"B{r}"), s(doc, "Condor", f"C{r}")]
                for r in range(32, 45)]
        strikes = " / ".join(s(doc, "Condor", a) for a in ("B21", "C21", "D21", "E21"))
        table(f"Iron condor (SPX {s(doc, 'Condor', 'B6')}, {s(doc, 'Condor', 'B7')} days, "
              f"{s(doc, 'Condor', 'B13')} contracts; strikes {strikes})",
              ["figure", "value", "unit"], rows)
    elif name == "alvh-layer-schedule":
        rows = []
        for r in range(18, 21):
            rows.append([s(doc, "Schedule", f"{c}{r}") for c in "ABCDEFGHKLM"])
        table(f"ALVH layer schedule (valuation {s(doc, 'Schedule', 'B6')}, VIX "
              f"{s(doc, 'Schedule', 'B7')}, notional ${s(doc, 'Schedule', 'B8')}, condor VIX vega "
              f"${s(doc, 'Schedule', 'B9')} per point)",
              ["layer", "expiry", "days", "strike", "contracts", "future (pts)", "call (pts)",
               "debit ($)", "vega ($/VIX pt)", "cost (%/month)", "coverage"], rows)
        rows = [[s(doc, "Schedule", f"{c}{r}") for c in "ABCDE"] for r in (24, 25)]
        table("Sizing: rule vs vega calibration", ["sizing", "layer 1", "layer 2", "layer 3",
                                                   "coverage"], rows)
        rows = [[s(doc, "Schedule", f"{c}{r}") for c in "ABCDE"] for r in (30, 31)]
        rows += [[s(doc, "Schedule", f"{c}{r}") for c in "ABC"] + ["", ""] for r in (32, 33)]
        table("Checks", ["figure", "value", "unit", "target", "verdict"], rows)
    elif name == "alvh-signals":
        sh = doc.Sheets.getByName("Signals")
        trig = []
        for r in range(10, 10 + 252):
            t = sh.getCellRangeByName(f"L{r}").getString()
            if t not in ("", "NONE"):
                trig.append([sh.getCellRangeByName(f"{c}{r}").getString() for c in "ABFGHKL"])
        table("Signals: rows where an ALVH trigger fires (synthetic bear2022 sample; REBALANCE is"
              " RSI crossing above 70 or an A/D divergence starting, ARM is MACD crossing above"
              " its signal with VIX above 25)",
              ["date", "VIX", "RSI", "MACD", "signal", "A/D div.", "trigger"], trig)
    elif name == "alvh-backtest":
        keep = ("total_return_unhedged", "total_return_hedged", "max_drawdown_unhedged",
                "max_drawdown_hedged", "high_vix_days", "high_vix_drawdown_unhedged",
                "high_vix_drawdown_hedged", "high_vix_drawdown_reduction",
                "hedge_cost_pct_month", "spike_days", "spike_ratio_hedge")
        rows = [[s(doc, "Backtest", f"{c}{r}") for c in "ABC"] for r in range(8, 60)]
        table("Backtest on the sample (a synthetic bear2022 market, not history)",
              ["measure", "value", "unit"], [r for r in rows if r[0] in keep])
    elif name == "alvh-scenarios":
        rows = [[s(doc, "Scenarios", f"{c}{r}") for c in "ABCDEFG"] for r in range(
            SPIKE_FIRST_ROW, SPIKE_FIRST_ROW + 3)]
        table("Spike days: condor and hedge repriced together (dollars)",
              ["spike day", "SPX move", "VIX move", "condor P&L", "hedge P&L", "net P&L",
               "hedge gain / condor loss"], rows)


SPIKE_FIRST_ROW = 41  # 1-based first row of the scenario template's spike-day table


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("templates", nargs="+")
    args = ap.parse_args()
    shown_dir = os.path.abspath(args.out)
    os.makedirs(shown_dir, exist_ok=True)
    # as root the office runs unprivileged, writing into a scratch directory copied here after
    out_dir = run_unprivileged_writing(shown_dir)
    pdfs, failed = [], 0
    order = ["alvh-condor-legs", "alvh-layer-schedule", "alvh-scenarios", "alvh-signals",
             "alvh-backtest"]

    def rank(path):
        base = os.path.basename(path)
        return next((i for i, n in enumerate(order) if n in base), len(order)), base
    with CalcOffice(args.oxt, label="alvh-demo") as office:
        for path in sorted(args.templates, key=rank):
            name = os.path.basename(path).split(".")[0]
            doc = office.load(path)
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
    shown = os.path.join(shown_dir, "alvh-demo.pdf")
    if pdfs:
        subprocess.run(["pdfunite"] + pdfs + [combined], check=True)
    if not os.path.isfile(combined):
        print("FAIL: no PDF written")
        return 1
    print(f"\nPDF report of every sheet: {shown}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
