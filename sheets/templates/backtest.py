"""Template 5, alvh-backtest: pasted SPX and VIX closes: ALVH_BACKTEST_SUMMARY (its measures with
units), the daily equity and drawdowns without and with the hedge, and their two charts."""
import json
import subprocess

from office import date_serial

from .checks import date, number, status_formula
from .document import column, new_template
from .shared import Template, sample_market


ROWS = 252
FIRST = 40  # 0-based row of the first data row


def summary_unit(name):
    """Unit and number format of a summary measure, from its name (ALVH_BACKTEST_SUMMARY's
    result_doc: decimals for returns, drawdowns and ratios; dollars for P&L, premium, costs)."""
    if name in ("rows", "high_vix_days", "spike_days", "condors", "condor_wins"):
        return "count", "0"
    if name == "years":
        return "years", "0.00"
    if name.startswith("spike_ratio"):
        return "hedge gain / condor loss", "0.00\"x\""
    if name.endswith("_pct_month"):
        return "% of notional per month", "0.000%"
    if any(k in name for k in ("pnl", "premium", "notional", "costs", "loss_unhedged",
                               "loss_hedged")):
        return "dollars", "#,##0"
    return "decimal (shown as %)", "0.00%"


def build(office, alvh):
    book, s = new_template(
        office, "Backtest", "Backtest",
        "ALVH Calc - Backtest: short SPX iron condors without and with the layered VIX hedge",
        f"paste daily closes (oldest first, up to {ROWS} rows) into the yellow columns "
        "date, SPX and VIX; read the summary (returns, drawdowns, high-VIX days, hedge cost) "
        "and the equity and drawdown charts.", inputs=False)
    pol = s.policy_input(3, "Optional ALVH policy as JSON text, e.g. {\"backtest\":"
                         "{\"condor_days\":30}}, or a JSON file path. Empty: the default "
                         "(16-delta 45-day condors opened every 28 days, 4/4/2 hedge layers per "
                         "$100,000, high VIX above 30).")
    s.put(3, 3, "Sample data: a synthetic market (alvh market bear2022 --days 252), not history.",
          "ALVH Howto")
    rows = sample_market(alvh, ROWS)
    data = [(date_serial(r["date"]), float(r["spx"]), float(r["vix"])) for r in rows]
    first, last = FIRST, FIRST + ROWS - 1
    args = ";".join([column(c, first, last) for c in "ABC"] + [pol])

    # Summary (rows 6-): its row names come from the function itself.
    names = [r[0] for r in json.loads(subprocess.run(
        [alvh, "call", "ALVH_BACKTEST_SUMMARY"] + [json.dumps([[d[k]] for d in data])
                                                   for k in range(3)],
        check=True, capture_output=True, text=True).stdout)]
    s.section(0, 5, "Summary (ALVH_BACKTEST_SUMMARY)", ["Measure", "Value", "Unit"])
    s0 = 7
    s.array(0, s0, 1, s0 + len(names) - 1, f"=IFNA(ALVH_BACKTEST_SUMMARY({args});\"\")")
    for i, n in enumerate(names):
        unit, fmt = summary_unit(n)
        s.put(2, s0 + i, unit, "ALVH Unit")
        s.style(1, s0 + i, 1, s0 + i, fmt=fmt)

    s.header(0, first - 1, ["Date", "SPX close (points)", "VIX close (points)",
                            "Equity unhedged (dollars)", "Equity hedged (dollars)",
                            "Drawdown unhedged (decimal)", "Drawdown hedged (decimal)"])
    s.pasted_columns(first, last, data, [(0, 0, "YYYY-MM-DD"), (1, 2, "0.00")], [
        "Trading date of the row (a date), oldest first, no gaps over 7 days.",
        "SPX daily close in index points, e.g. 4750.",
        "VIX daily close in index points, e.g. 21.5."],
        [date("the trading date"), number(1, 1e6, "the SPX close", "index points", "4750"),
         number(1, 200, "the VIX close", "index points", "21.5")])
    s.status(0, 4, status_formula(calls=[("ALVH_BACKTEST_SUMMARY", args)],
                                  when=f"ISERROR(SUM($B${s0 + 1}:$B${s0 + len(names)}))"))
    for i in range(ROWS):
        r = first + i + 1
        for j, col in enumerate((1, 2, 4, 5)):
            s.put(3 + j, r - 1, f"=IF($C{r}=\"\";\"\";INDEX(ALVH_BACKTEST({args});{i + 1};{col}))")
    s.style(3, first, 4, last, "ALVH Value", "#,##0")
    s.style(5, first, 6, last, "ALVH Value", "0.00%")
    s.widths([62, 26, 40, 26, 26, 26, 26])
    s.heights({first - 1: 1300})
    ch = s.chart("Equity", (4, 5), (150, 75), [(0, first - 1, 0, last), (3, first - 1, 4, last)],
                 "com.sun.star.chart.LineDiagram", "Equity without and with the hedge (dollars)",
                 None, None, True, True)
    ch.Diagram.YAxis.AutoMin = True
    ch = s.chart("Drawdown", (4, 22), (150, 70), [(0, first - 1, 0, last),
                                                  (5, first - 1, 6, last)],
                 "com.sun.star.chart.LineDiagram", "Drawdown without and with the hedge "
                 "(decimal)", None, None, True, True)
    # Drawdowns are <= 0: the dates go below the plot, not along its zero line.
    import uno
    ch.Diagram.XAxis.LabelPosition = uno.Enum("com.sun.star.chart.ChartAxisLabelPosition",
                                              "OUTSIDE_START")
    s.protect()
    return book


TEMPLATE = Template("backtest", "alvh-backtest",
                    ("ALVH_BACKTEST", "ALVH_BACKTEST_SUMMARY", "ALVH_ERROR"), build,
                    pages_tall=0)
