"""Template 3, alvh-signals: the VIX file pasted as CBOE publishes it (and optionally an S&P 500
file and NYSE breadth), on the Data tab, up to 10,080 rows: VIX RSI, MACD, the A/D line and its
divergence, and the ALVH trigger of each day (trigger rows highlighted); the latest values, the
triggers found and the VIX/RSI and MACD charts beside the settings (the policy's signals part as
key/value rows), the days below them.

Each function runs once, as one array formula over the daily rows; blank rows after the
data show nothing and the charts (XY, dates across) plot only the rows that hold data."""
from office import date_serial

from .checks import number, status_formula
from .document import new_template
from .pasted import BREADTH_FILE, CAP, SPX_FILE, VIX_FILE, DataSheet
from .policy import Setting, settings_block, settings_checks
from .shared import Template, sample_market

ROWS = 252   # sample rows (a synthetic year)
D0 = 32      # 0-based row of the daily table's first row (under the settings)

SETTINGS = [
    Setting("RSI period", "signals.rsi_period", "days", "0",
            number(2, 250, "the RSI period", "days", "14", whole=True),
            "Wilder's RSI of the VIX close over this many days."),
    Setting("RSI trigger level", "signals.rsi_level", "RSI points (0-100)", "0.0",
            number(1, 99, "the RSI level", "RSI points", "70"),
            "REBALANCE when the VIX's RSI crosses above this level."),
    Setting("MACD fast period", "signals.macd_fast", "days", "0",
            number(1, 250, "the MACD fast period", "days", "12", whole=True),
            "The fast EMA of the MACD (shorter than the slow one)."),
    Setting("MACD slow period", "signals.macd_slow", "days", "0",
            number(2, 500, "the MACD slow period", "days", "26", whole=True),
            "The slow EMA of the MACD."),
    Setting("MACD signal period", "signals.macd_signal", "days", "0",
            number(1, 250, "the MACD signal period", "days", "9", whole=True),
            "The EMA of the MACD line that it crosses."),
    Setting("VIX floor for ARM", "signals.vix_floor", "VIX points", "0.0",
            number(0, 200, "the VIX floor", "VIX points", "25"),
            "ARM when the MACD crosses above its signal line with the VIX above this level."),
    Setting("A/D divergence lookback", "signals.ad_lookback", "days", "0",
            number(2, 1000, "the divergence lookback", "days", "20", whole=True),
            "Days over which SPX and the A/D line are compared for a divergence."),
]
DAILY = ["VIX RSI (0-100)", "MACD (VIX points)", "MACD signal (VIX points)",
         "MACD histogram (VIX points)", "A/D line (issues)", "A/D divergence (-1, 0, +1)",
         "ALVH trigger"]


def samples(alvh):
    """The sample rows of each file: a synthetic market (open, high, low, adjusted close and
    volume left empty: the sheet reads dates, closes and breadth)."""
    rows = sample_market(alvh, ROWS, "--seed", "7")
    return {"vix": [(date_serial(r["date"]), "", "", "", float(r["vix"])) for r in rows],
            "spx": [(date_serial(r["date"]), "", "", "", float(r["spx"]), "", "")
                    for r in rows],
            "breadth": [(date_serial(r["date"]), float(r["advancers"]), float(r["decliners"]))
                        for r in rows]}


def build(office, alvh):
    book, s = new_template(
        office, "Signals", "Signals",
        "ALVH Calc - VIX RSI, MACD, advance-decline divergence and the ALVH triggers",
        "paste CBOE's VIX_History.csv as it is on the Data tab (an S&P 500 file and NYSE "
        "breadth too for the divergence trigger); change the settings; read the latest values, "
        "the triggers and the charts, and each day below.", inputs=False)
    data = DataSheet(book, [VIX_FILE, SPX_FILE, BREADTH_FILE], samples(alvh))
    s.put(0, D0 - 3, "Every day: the indicators and the trigger", "ALVH Section")
    rng = data.daily(s, D0, [(VIX_FILE, "vix", "VIX close (points)", "0.00"),
                             (SPX_FILE, "spx", "S&P 500 close (points)", "#,##0.00"),
                             (BREADTH_FILE, "advancers", "Advancers (issues)", "#,##0"),
                             (BREADTH_FILE, "decliners", "Decliners (issues)", "#,##0")])
    last = D0 + CAP - 1
    dates, vix, spx, adv, dec = (rng[k] for k in ("dates", "vix", "spx", "advancers",
                                                   "decliners"))
    data_ok = data.status(dates, [(VIX_FILE, "vix"), (SPX_FILE, "spx"),
                                  (BREADTH_FILE, "advancers"), (BREADTH_FILE, "decliners")])

    # The settings (rows 20-27).
    s.put(0, 18, "Settings (the policy's signals part)", "ALVH Section")
    pol, cells = settings_block(s, 19, SETTINGS, alvh)
    checks = settings_checks(SETTINGS, cells)

    # The periods in use (a setting left empty: its default), each in a cell of its own: inside
    # an array formula, ALVH_POLICY(key; range) would be repeated over the range's cells, and
    # the indicator with it.
    in_use = ["rsi_period", "macd_fast", "macd_slow", "macd_signal", "ad_lookback"]
    s.put(0, 27, "Periods in use (RSI, MACD fast, slow, signal, A/D lookback)", "ALVH Unit")
    for i, key in enumerate(in_use):
        s.put(1 + i, 27, f"=IFERROR(ALVH_POLICY(\"signals.{key}\";{pol});\"\")", "ALVH Unit",
              "0")

    def setting(key):
        return f"$Signals.${'BCDEF'[in_use.index(key)]}$28"

    # Every day: each function once, as one array formula over the rows.
    col = {k: f"$Signals.${c}${D0 + 1}:${c}${last + 1}" for k, c in
           (("rsi", "F"), ("macd", "G"), ("adl", "J"), ("div", "K"), ("trig", "L"))}
    rsi_args = f"{vix};{setting('rsi_period')}"
    macd_args = f"{vix};{setting('macd_fast')};{setting('macd_slow')};{setting('macd_signal')}"
    div_args = f"{col['adl']};{spx};{setting('ad_lookback')}"
    with_ad = f"{vix};{col['adl']};{spx};{pol}"
    without_ad = f"{vix};;;{pol}"
    have_ad = f"AND(COUNT({col['adl']})>0;COUNT({spx})>0)"
    s.header(5, D0 - 1, DAILY)
    s.formats(5, D0, last, [(0, 0, "0.00"), (1, 3, "0.000"), (4, 4, "#,##0"),
                                (5, 5, "+0;-0;0")])

    def every_day(c0, c1, cond, call):
        s.array(c0, D0, c1, last, f"=IFERROR(IF(ISNUMBER({cond});{call};\"\");\"\")",
                    "ALVH Value")

    every_day(5, 5, vix, f"VIX_RSI({rsi_args})")
    every_day(6, 8, vix, f"VIX_MACD({macd_args})")
    every_day(9, 9, adv, f"AD_LINE({adv};{dec})")
    every_day(10, 10, col["adl"], f"AD_DIVERGENCE({div_args})")
    # The choice with or without breadth outside the per-row IF: a condition inside it would be
    # evaluated again for every row (COUNT over the column each time).
    s.array(11, D0, 11, last, f"=IF({have_ad};IFERROR(IF(ISNUMBER({vix});ALVH_SIGNAL({with_ad});"
            f"\"\");\"\");IFERROR(IF(ISNUMBER({vix});ALVH_SIGNAL({without_ad});\"\");\"\"))",
            "ALVH Value")
    # (Text from an add-in's array result compares unequal to the same text in Calc 7.4 until
    # it is made again: hence the &"" in every comparison with the trigger column.)
    trig = f"({col['trig']}&\"\")"
    s.conditional(0, D0, 11, last, [("FORMULA", f"AND($L{D0 + 1}&\"\"<>\"\";"
                                         f"$L{D0 + 1}&\"\"<>\"NONE\")", "ALVH Trigger")])
    calls = [("VIX_RSI", rsi_args), ("VIX_MACD", macd_args), ("AD_LINE", f"{adv};{dec}"),
             ("AD_DIVERGENCE", div_args),
             ("ALVH_SIGNAL", f"{vix};IF({have_ad};{col['adl']};\"\");IF({have_ad};{spx};\"\");"
                             f"{pol}")]
    failing = f"SUMPRODUCT(LEN({col['trig']})>0)=0"
    s.status(0, D0 - 2, status_formula(checks, upstream=[data_ok], calls=calls,
                                           when=failing), span=11, lines=1)

    # The first screen: the status, the latest row, the triggers (rows 5-17).
    s.header(0, 4, ["Latest day", "", "Value", "Unit"])
    s.status(0, 5, status_formula(checks, upstream=[data_ok], calls=calls, when=failing),
             span=3)
    n = f"COUNT({dates})"

    def latest(r):
        return f"=IF({n}=0;\"\";IFERROR(INDEX({r};{n});\"\"))"

    rows = [("Rows used", f"={n}", "#,##0",
             f"=IF({n}=0;\"\";TEXT(MIN({dates});\"YYYY-MM-DD\")&\" to \"&TEXT(MAX({dates});"
             "\"YYYY-MM-DD\"))"),
            ("Date", latest(dates), "YYYY-MM-DD", "the last row used"),
            ("VIX close", latest(vix), "0.00", "index points"),
            ("VIX RSI", latest(col["rsi"]), "0.0", "0-100"),
            ("MACD", latest(col["macd"]), "0.000", "VIX points"),
            ("MACD signal", latest(col["macd"].replace("$G$", "$H$")), "0.000", "VIX points"),
            ("A/D divergence", latest(col["div"]), "+0;-0;0", "-1, 0, +1 (breadth needed)"),
            ("Trigger", latest(col["trig"]), None, "REBALANCE, ARM or NONE"),
            ("Triggers in the data", f"=SUMPRODUCT(({trig}<>\"\")*({trig}<>\"NONE\"))",
             "#,##0", "REBALANCE or ARM days"),
            ("Last trigger", f"=IFERROR(LOOKUP(2;1/(({trig}<>\"\")*({trig}<>\"NONE\"));"
             f"{dates});\"\")", "YYYY-MM-DD",
             f"=IFERROR(LOOKUP(2;1/(({trig}<>\"\")*({trig}<>\"NONE\"));{trig});\"none\")")]
    for i, (label, formula, fmt, unit) in enumerate(rows):
        s.put(0, 6 + i, label)
        s.put(2, 6 + i, formula, "ALVH Output", fmt)
        s.put(3, 6 + i, unit, "ALVH Unit")
    s.note(0, 13, "REBALANCE: the VIX's RSI crossed above the RSI level (or an A/D divergence "
           "started): take the front layer's gains and re-strike it. ARM: the VIX's MACD "
           "crossed above its signal line with the VIX above the floor.")
    s.widths([46, 36, 24, 46] + [24] * 8)
    s.fit_rows(4, 19, D0 - 1)
    _charts(s, last)
    for sh in (s, data.s):
        sh.protect()
    return book


def _charts(s, last):
    """VIX and its RSI, and the MACD with its signal line, over the dates (XY charts: rows
    without data are not plotted)."""
    s.doc.calculateAll()  # a chart finds its series in the values its ranges hold
    for name, anchor, cols, title in (
            ("VixRsi", (4, 4), [(1, 1), (5, 5)], "VIX close (left axis) and its RSI (right)"),
            ("Macd", (4, 17), [(6, 7)], "MACD and its signal line (VIX points)")):
        ranges = [(0, D0 - 1, 0, last)] + [(a, D0 - 1, b, last) for a, b in cols]
        ch = s.chart(name, anchor, (168, 60), ranges, "com.sun.star.chart.XYDiagram", title,
                     None, None, True, False)
        d = ch.Diagram
        d.SymbolType = -3  # lines only
        d.Lines = True
        d.XAxis.LinkNumberFormatToSource = False
        d.XAxis.NumberFormat = s.book.fmt("YYYY-MM")
        d.YAxis.LinkNumberFormatToSource = False
        d.YAxis.NumberFormat = s.book.fmt("0" if name == "VixRsi" else "0.0")
        if name == "VixRsi":
            d.HasSecondaryYAxis = True
            d.getDataRowProperties(1).Axis = 4  # com.sun.star.chart.ChartAxisAssign.SECONDARY_Y
            d.SecondaryYAxis.AutoMin = d.SecondaryYAxis.AutoMax = False
            d.SecondaryYAxis.Min, d.SecondaryYAxis.Max = 0.0, 100.0
            d.SecondaryYAxis.LinkNumberFormatToSource = False
            d.SecondaryYAxis.NumberFormat = s.book.fmt("0")


TEMPLATE = Template("signals", "alvh-signals",
                    ("VIX_RSI", "VIX_MACD", "AD_LINE", "AD_DIVERGENCE", "ALVH_SIGNAL",
                     "ALVH_POLICY", "ALVH_ERROR"), build, pages_tall=0)
