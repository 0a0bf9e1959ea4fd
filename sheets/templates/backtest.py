"""Template 5, alvh-backtest: short SPX iron condors without a hedge, with the layered VIX hedge
and with the SPX put spread of the same monthly cost (issue 18), on the VIX and S&P 500 files
pasted as they are published (Data tab, up to 10,080 rows each: 40 years): the key results and
the equity and drawdown charts of the three books beside the settings (a key/value policy), the
whole summary with labels in words, the three books side by side, and every day's backtest below.

Each function runs once: ALVH_BACKTEST is one array formula over the daily rows,
ALVH_BACKTEST_SUMMARY one over the summary's values and ALVH_BACKTEST_COMPARE one over the side
by side; blank rows after the data show nothing, and the charts (XY, dates across) plot only the
rows that hold data."""
from office import date_serial

from .checks import number, percent, status_formula
from .document import addr, new_template
from .pasted import CAP, SPX_FILE, VIX_FILE, DataSheet
from .policy import Setting, catalogue, settings_block, settings_checks, yes_no
from .shared import Template, notional_unit, sample_market

ROWS = 252      # sample rows (a synthetic year)
D0 = 69         # 0-based row of the daily table's first row (under the summary)
HELPER = 20     # 0-based column of the side-by-side's helper block (U)
DAILY = ["Equity unhedged (dollars)", "Equity hedged (dollars)",
         "Hedge P&L (hedged - unhedged, dollars)", "Drawdown unhedged", "Drawdown hedged",
         "Cash unhedged (dollars)", "Condor mark (dollars)", "Cash hedged (dollars)",
         "Hedge mark (dollars)", "Events (bit flags)", "Equity, put spread (dollars)",
         "Put spread P&L (put spread - unhedged, dollars)", "Drawdown, put spread",
         "Cash, put spread (dollars)", "Put spread mark (dollars)"]

# The side-by-side rows (ALVH_BACKTEST_COMPARE) in words: name -> (label, unit, number format).
SIDE = {
    "rows": ("Rows (trading days)", "days", "#,##0"),
    "years": ("Years", "years", "0.00"),
    "total_return": ("Total return", "of the capital", "0.00%"),
    "max_drawdown": ("Maximum drawdown", "from a peak", "0.00%"),
    "worst_day": ("Worst day", "change of equity", "0.00%"),
    "high_vix_days": ("High-VIX days", "days with VIX above the level", "#,##0"),
    "high_vix_drawdown": ("Drawdown on high-VIX days", "deepest", "0.00%"),
    "high_vix_drawdown_reduction": ("Drawdown reduction on high-VIX days",
                                    "> 0: shallower than unhedged", "0.0%"),
    "high_vix_pnl": ("P&L on high-VIX days", "dollars", "#,##0"),
    "high_vix_loss": ("Losses on high-VIX days", "dollars", "#,##0"),
    "high_vix_loss_reduction": ("Loss reduction on high-VIX days", "share of the losses",
                                "0.0%"),
    "hedge_pnl": ("Hedge P&L (book - unhedged)", "dollars", "#,##0"),
    "hedge_premium": ("Hedge premium paid", "dollars, fees included", "#,##0"),
    "average_notional": ("Average notional", "dollars", "#,##0"),
    "hedge_premium_pct_month": ("Hedge premium per month", "of the notional", "0.000%"),
    "hedge_cost_pct_month": ("Net hedge cost per month", "of notional (< 0: it paid)",
                             "0.000%"),
    "spike_days": ("Spike days", "VIX up 15% or more in a day", "#,##0"),
    "spike_ratio_front": ("Front layer gain / condor loss, spike days", "ratio", "0.00\"x\""),
    "spike_ratio_hedge": ("Hedge gain / condor loss, spike days", "ratio", "0.00\"x\""),
    "condors": ("Condors opened", "condors", "#,##0"),
    "condor_wins": ("Condors that made money", "condors", "#,##0"),
    "costs": ("Trading costs", "dollars", "#,##0"),
}

# The summary's measures in words: name -> (label, unit, number format); the unit None: the
# notional's (with its basis).
MEASURES = {
    "rows": ("Rows (trading days)", "days", "#,##0"),
    "years": ("Years", "years", "0.00"),
    "total_return_unhedged": ("Total return, unhedged", "of the capital", "0.00%"),
    "total_return_hedged": ("Total return, hedged", "of the capital", "0.00%"),
    "max_drawdown_unhedged": ("Maximum drawdown, unhedged", "from a peak", "0.00%"),
    "max_drawdown_hedged": ("Maximum drawdown, hedged", "from a peak", "0.00%"),
    "worst_day_unhedged": ("Worst day, unhedged", "change of equity", "0.00%"),
    "worst_day_hedged": ("Worst day, hedged", "change of equity", "0.00%"),
    "high_vix_days": ("High-VIX days", "days with VIX above the level", "#,##0"),
    "high_vix_drawdown_unhedged": ("Drawdown on high-VIX days, unhedged", "deepest", "0.00%"),
    "high_vix_drawdown_hedged": ("Drawdown on high-VIX days, hedged", "deepest", "0.00%"),
    "high_vix_drawdown_reduction": ("Drawdown reduction on high-VIX days",
                                    "> 0: hedged is shallower", "0.0%"),
    "high_vix_pnl_unhedged": ("P&L on high-VIX days, unhedged", "dollars", "#,##0"),
    "high_vix_pnl_hedged": ("P&L on high-VIX days, hedged", "dollars", "#,##0"),
    "high_vix_loss_unhedged": ("Losses on high-VIX days, unhedged", "dollars", "#,##0"),
    "high_vix_loss_hedged": ("Losses on high-VIX days, hedged", "dollars", "#,##0"),
    "high_vix_loss_reduction": ("Loss reduction on high-VIX days", "share of the losses",
                                "0.0%"),
    "hedge_pnl": ("Hedge P&L (hedged - unhedged)", "dollars", "#,##0"),
    "hedge_premium": ("Hedge premium paid", "dollars, fees included", "#,##0"),
    "average_notional": ("Average notional", None, "#,##0"),
    "hedge_premium_pct_month": ("Hedge premium per month", "of the notional", "0.000%"),
    "hedge_cost_pct_month": ("Net hedge cost per month", "of notional (< 0: it paid)",
                             "0.000%"),
    "spike_days": ("Spike days", "VIX up 15% or more in a day", "#,##0"),
    "spike_ratio_front": ("Front layer gain / condor loss, spike days", "ratio", "0.00\"x\""),
    "spike_ratio_hedge": ("Hedge gain / condor loss, spike days", "ratio", "0.00\"x\""),
    "condors": ("Condors opened", "condors", "#,##0"),
    "condor_wins": ("Condors that made money", "condors", "#,##0"),
    "costs_unhedged": ("Trading costs, unhedged", "dollars", "#,##0"),
    "costs_hedged": ("Trading costs, hedged", "dollars", "#,##0"),
}
KEY_RESULTS = ["high_vix_drawdown_reduction", "high_vix_drawdown_unhedged",
               "high_vix_drawdown_hedged", "max_drawdown_unhedged", "max_drawdown_hedged",
               "total_return_unhedged", "total_return_hedged", "hedge_cost_pct_month"]

SETTINGS = [
    Setting("Short strike delta", "backtest.condor_delta", "decimal", "0.00",
            number(0.01, 0.49, "the short strikes' delta", "decimal (0.16 = 16 delta)", "0.16"),
            "The condor's short strikes at this delta."),
    Setting("Days to expiry at opening", "backtest.condor_days", "calendar days", "0",
            number(1, 365, "the days to expiry", "calendar days", "45", whole=True),
            "Each condor expires this many calendar days after it opens."),
    Setting("Wing width", "backtest.wing_points", "index points", "0",
            number(1, 2000, "the wing width", "index points", "50"),
            "Long strikes this far beyond the short strikes."),
    Setting("Days between openings", "backtest.open_every_days", "calendar days", "0",
            number(0, 365, "the days between openings", "calendar days", "28"),
            "A new condor opens when none is open and this many days have passed."),
    Setting("Take profit at", "backtest.take_profit", "of the credit", "0%",
            percent(0, 0.99, "the take-profit level", 50),
            "Bought back once it has kept this share of its credit (0: held)."),
    Setting("Close at days to expiry", "backtest.close_days", "calendar days", "0",
            number(0, 365, "the closing days", "calendar days", "21"),
            "Bought back at this many days to expiry (0: held to expiry)."),
    Setting("High-VIX level", "backtest.high_vix", "VIX points", "0.0",
            number(1, 200, "the high-VIX level", "VIX points", "30"),
            "A day with the VIX close above this counts as a high-VIX day."),
    Setting("Re-strike layer 1 on a signal", "backtest.use_signals", "TRUE or FALSE", None,
            yes_no("whether signals re-strike layer 1"),
            "TRUE: an ALVH_SIGNAL trigger re-strikes the front layer."),
    Setting("Condors per opening", "backtest.condor_contracts", "condors", "0",
            number(1, 100000, "the condors per opening", "condors", "1", whole=True),
            "How many condors each opening sells."),
    Setting("Cost per SPX option", "backtest.cost_spx", "dollars", "0.00",
            number(0, 1000, "the cost per SPX option", "dollars", "1.50"),
            "Commission and fees per SPX option contract traded."),
    Setting("Cost per VIX option", "backtest.cost_vix", "dollars", "0.00",
            number(0, 1000, "the cost per VIX option", "dollars", "1"),
            "Commission and fees per VIX option contract traded."),
] + catalogue("notional_basis", "layers.1.contracts", "layers.2.contracts", "layers.3.contracts")


def samples(alvh):
    """The sample rows of each file: a synthetic market's dates and closes (open, high, low,
    adjusted close and volume left empty: the sheet reads only dates and closes)."""
    rows = sample_market(alvh, ROWS)
    return {"vix": [(date_serial(r["date"]), "", "", "", float(r["vix"])) for r in rows],
            "spx": [(date_serial(r["date"]), "", "", "", float(r["spx"]), "", "")
                    for r in rows]}


def build(office, alvh):
    book, s = new_template(
        office, "Backtest", "Backtest",
        "ALVH Calc - Backtest: SPX iron condors unhedged, with VIX layers, with a put spread",
        "paste CBOE's VIX_History.csv and an S&P 500 daily file as they are on the Data tab "
        "(header lines included, oldest first); change the settings; read the results and the "
        "charts, and below them the whole summary, the three books side by side and each day.",
        inputs=False)
    data = DataSheet(book, [VIX_FILE, SPX_FILE], samples(alvh))
    s.put(0, D0 - 3, "Every day: the days both files share, and the backtest of each",
          "ALVH Section")
    rng = data.daily(s, D0, [(SPX_FILE, "spx", "S&P 500 close (points)", "#,##0.00"),
                             (VIX_FILE, "vix", "VIX close (points)", "0.00")])
    last = D0 + CAP - 1
    dates, spx, vix = rng["dates"], rng["spx"], rng["vix"]
    s.header(3, D0 - 1, DAILY)
    data_ok = data.status(dates, [(VIX_FILE, "vix"), (SPX_FILE, "spx")])

    # The settings (rows 17-32), the policy every call reads.
    s.put(0, 15, "Settings (the policy)", "ALVH Section")
    pol, cells = settings_block(s, 16, SETTINGS, alvh)
    checks = settings_checks(SETTINGS, cells)
    args = f"{dates};{spx};{vix};{pol}"

    # Every day: one ALVH_BACKTEST over the rows; blank (not #N/A) where there is no row.
    # (Number formats first: a formula cell created under "General" takes the format of its
    # first result, over a format set later.)
    s.formats(3, D0, last, [(0, 2, "#,##0"), (3, 4, "0.00%"), (5, 8, "#,##0"),
                                (9, 9, "0"), (10, 11, "#,##0"), (12, 12, "0.00%"),
                                (13, 14, "#,##0")])
    s.array(3, D0, 17, last, f"=IFERROR(IF(ISNUMBER({vix});ALVH_BACKTEST({args});\"\");"
                "\"\")", "ALVH Value")
    s.status(0, D0 - 2, status_formula(checks, upstream=[data_ok], calls=[
        ("ALVH_BACKTEST", args)], when=f"COUNT($D${D0 + 1}:$D${last + 1})=0"),
        span=12, lines=1)

    # The whole summary (rows 36-): one array formula over its values, the labels in words.
    names = [n for n, _ in _summary_names(alvh)]
    s0 = 36
    s.put(0, s0 - 2, "Summary (ALVH_BACKTEST_SUMMARY)", "ALVH Section")
    s.header(0, s0 - 1, ["Measure", "", "Value", "Unit"])
    where = {}
    for i, n in enumerate(names):  # the formats first (see the daily table's)
        label, unit, fmt = MEASURES.get(n, (n.replace("_", " ").capitalize(), "", "General"))
        s.put(0, s0 + i, label)
        s.put(3, s0 + i, unit if unit is not None else notional_unit(pol), "ALVH Unit")
        s.style(2, s0 + i, 2, s0 + i, "ALVH Output", fmt=fmt)
        where[n] = (addr(2, s0 + i), label, unit, fmt)
    s.array(2, s0, 2, s0 + len(names) - 1,
            f"=IFERROR(INDEX(ALVH_BACKTEST_SUMMARY({args});0;2);\"\")", None)
    s.status(0, 5, status_formula(checks, upstream=[data_ok], calls=[
        ("ALVH_BACKTEST_SUMMARY", args)], when=f"COUNT($C${s0 + 1}:$C${s0 + len(names)})=0"),
        span=3)

    # The three books side by side (columns F-J, rows 36-): one ALVH_BACKTEST_COMPARE.
    side = _compare_names(alvh)
    b0 = 5
    s.put(b0, s0 - 2, "Side by side: unhedged, VIX call layers, SPX put spread of the same "
          "monthly cost (ALVH_BACKTEST_COMPARE)", "ALVH Section")
    s.header(b0, s0 - 1, ["Measure", "Unhedged", "VIX calls", "Put spread", "Unit"])
    # (ALVH_BACKTEST_COMPARE's four columns, names first, evaluated once in a helper block at
    # the right, HELPER; the cells here read its three value columns.)
    s.put(HELPER, s0 - 2, "Helper: ALVH_BACKTEST_COMPARE as it returns", "ALVH Section")
    s.array(HELPER, s0, HELPER + 3, s0 + len(side) - 1,
            f"=IFERROR(ALVH_BACKTEST_COMPARE({args});\"\")", "ALVH Value")
    for i, n in enumerate(side):
        label, unit, fmt = SIDE.get(n, (n.replace("_", " ").capitalize(), "", "General"))
        s.put(b0, s0 + i, label)
        for k in range(3):
            s.put(b0 + 1 + k, s0 + i, f"={addr(HELPER + 1 + k, s0 + i)}", "ALVH Output", fmt)
        s.put(b0 + 4, s0 + i, unit, "ALVH Unit")
    s.note(b0 + 3, s0 - 1, "The same condors with an SPX put spread instead of the VIX layers: "
           "long and short puts at the policy's put_spread deltas, bought each month for the "
           "VIX layers' monthly cost that day (docs/hedge-comparison.md). An empty cell: not a "
           "measure of that book (the unhedged book has no hedge).")
    s.status(b0, s0 + len(side), status_formula(checks, upstream=[data_ok], calls=[
        ("ALVH_BACKTEST_COMPARE", args)],
        when=f"COUNT(${_col(b0 + 1)}${s0 + 1}:${_col(b0 + 1)}${s0 + len(side)})=0"),
        span=b0 + 4, lines=1)

    # The first screen: the status, the rows used and the key results (rows 5-15).
    s.header(0, 4, ["Result", "", "Value", "Unit"])
    s.put(0, 6, "Rows used")
    s.put(2, 6, f"=COUNT({dates})", "ALVH Output", "#,##0")
    s.put(3, 6, f"=IF(COUNT({dates})=0;\"\";TEXT(MIN({dates});\"YYYY-MM-DD\")&\" to \"&"
          f"TEXT(MAX({dates});\"YYYY-MM-DD\"))", "ALVH Unit")
    for i, n in enumerate(KEY_RESULTS):
        cell, label, unit, fmt = where[n]
        s.put(0, 7 + i, label)
        s.put(2, 7 + i, f"={cell}", "ALVH Output", fmt)
        s.put(3, 7 + i, unit, "ALVH Unit")
    s.note(0, 7, "1 - hedged / unhedged drawdown on high-VIX days: 37% means the hedged "
           "drawdown is 37% shallower; negative: deeper (docs/backtest.md). The article "
           "credits the hedge with 37% in 2022.")
    s.widths([54, 38, 22, 44, 24, 66, 24, 24, 24, 44] + [24] * 10)
    _charts(s, last)
    s.fit_rows(4, 16, s0 - 1, D0 - 1)
    for sh in (s, data.s):
        sh.protect()
    return book


def _charts(s, last):
    """Equity and drawdowns over the dates (XY charts: rows without data are not plotted, so
    the charts follow the pasted length)."""
    s.doc.calculateAll()  # a chart finds its series in the values its ranges hold
    for name, anchor, cols, title, fmt in (
            ("Equity", (4, 4), (3, 4, 13), "Equity: unhedged, VIX calls, put spread (dollars)",
             "#,##0"),
            ("Drawdown", (4, 17), (6, 7, 15), "Drawdown: unhedged, VIX calls, put spread",
             "0%")):
        ch = s.chart(name, anchor, (168, 60), [(0, D0 - 1, 0, last)] +
                     [(c, D0 - 1, c, last) for c in cols],
                     "com.sun.star.chart.XYDiagram", title, None, None, True, False)
        d = ch.Diagram
        d.SymbolType = -3  # lines only
        d.Lines = True
        d.XAxis.LinkNumberFormatToSource = False
        d.XAxis.NumberFormat = s.book.fmt("YYYY-MM")
        d.YAxis.LinkNumberFormatToSource = False
        d.YAxis.NumberFormat = s.book.fmt(fmt)


def _summary_names(alvh):
    """The summary's measures in order, from the function itself (a three-row call)."""
    import json
    import subprocess
    rows = sample_market(alvh, 40)
    cols = [json.dumps([[date_serial(r["date"])] for r in rows]),
            json.dumps([[float(r["spx"])] for r in rows]),
            json.dumps([[float(r["vix"])] for r in rows])]
    out = subprocess.run([alvh, "call", "ALVH_BACKTEST_SUMMARY"] + cols, check=True,
                         capture_output=True, text=True).stdout
    return [(r[0], r[1]) for r in json.loads(out)]


def _compare_names(alvh):
    """ALVH_BACKTEST_COMPARE's rows in order, from the function itself (a short call)."""
    import json
    import subprocess
    rows = sample_market(alvh, 40)
    cols = [json.dumps([[date_serial(r["date"])] for r in rows]),
            json.dumps([[float(r["spx"])] for r in rows]),
            json.dumps([[float(r["vix"])] for r in rows])]
    out = subprocess.run([alvh, "call", "ALVH_BACKTEST_COMPARE"] + cols, check=True,
                         capture_output=True, text=True).stdout
    return [r[0] for r in json.loads(out)]


def _col(c):
    from office import col_name
    return col_name(c)


TEMPLATE = Template("backtest", "alvh-backtest",
                    ("ALVH_BACKTEST", "ALVH_BACKTEST_SUMMARY", "ALVH_BACKTEST_COMPARE",
                     "ALVH_POLICY", "ALVH_ERROR"),
                    build, pages_tall=0)
