"""Template 3, alvh-signals: pasted daily rows (date, VIX close; optionally SPX close, advancers,
decliners): VIX RSI, MACD, the A/D line and its divergence, and the ALVH trigger of each row
(trigger rows highlighted); the VIX and RSI chart."""
from office import date_serial

from .checks import date, number, status_formula
from .document import column, new_template
from .shared import Template, sample_market


ROWS = 252
FIRST = 9  # 0-based row of the first data row


def build(office, alvh):
    book, s = new_template(
        office, "Signals", "Signals",
        "ALVH Calc - VIX RSI, MACD, advance-decline divergence and the ALVH triggers",
        f"paste daily rows (oldest first, up to {ROWS}) into the yellow columns: date "
        "and VIX close; SPX close and advancers/decliners are optional (they enable the "
        "divergence trigger). Trigger rows are highlighted.", inputs=False)
    pol = s.policy_input(3, "Optional ALVH policy as JSON text, e.g. {\"signals\":{\"rsi_level\":"
                         "75}}, or a JSON file path. Empty: the default (RSI 14 above 70, MACD "
                         "12/26/9 with VIX above 25, divergence lookback 20).")
    s.header(0, 5, ["RSI period", "RSI level", "MACD fast", "MACD slow", "MACD signal",
                    "VIX floor (points)", "A/D lookback (days)"])
    keys = ["rsi_period", "rsi_level", "macd_fast", "macd_slow", "macd_signal", "vix_floor",
            "ad_lookback"]
    for i, k in enumerate(keys):
        s.put(i, 6, f"=ALVH_POLICY(\"signals.{k}\";{pol})", "ALVH Output", "0")
    s.put(8, 3, "Sample data: a synthetic market (alvh market bear2022 --seed 7), not history.",
          "ALVH Howto")

    first, n = FIRST, ROWS
    last = first + n - 1
    s.header(0, first - 1, ["Date", "VIX close (points)", "SPX close (points)",
                            "Advancers (issues)", "Decliners (issues)", "VIX RSI (0-100)",
                            "MACD (VIX points)", "MACD signal (VIX points)",
                            "MACD histogram (VIX points)", "A/D line (issues)",
                            "A/D divergence (-1, 0, +1)", "ALVH trigger"])
    rows = sample_market(alvh, ROWS, "--seed", "7")
    data = []
    for r in rows[:n]:
        data.append((date_serial(r["date"]), float(r["vix"]), float(r["spx"]),
                     float(r["advancers"]), float(r["decliners"])))
    s.pasted_columns(first, last, data, [(0, 0, "YYYY-MM-DD"), (1, 2, "0.00"), (3, 4, "0")], [
        "Trading date of the row (a date), oldest first.",
        "VIX daily close in index points, e.g. 18.5. Required on every row.",
        "Optional: SPX daily close in index points, e.g. 5400. With advancers and decliners it "
        "enables the A/D divergence trigger.",
        "Optional: number of NYSE issues that advanced that day, e.g. 1850.",
        "Optional: number of NYSE issues that declined that day, e.g. 1320."],
        [date("the trading date"), number(1, 200, "the VIX close", "index points", "18.5"),
         number(1, 1e6, "the SPX close", "index points", "5400"),
         number(0, 10000, "the advancing issues", "issues", "1850", whole=True),
         number(0, 10000, "the declining issues", "issues", "1320", whole=True)])

    vix, spx, adv, dec, adl = (column(c, first, last) for c in "BCDEJ")
    have_ad = f"COUNT({adv})>0"
    for i in range(n):
        r = first + i + 1   # 1-based sheet row
        k = i + 1
        blank = f"$B{r}=\"\""
        s.put(5, r - 1, f"=IF({blank};\"\";IFNA(INDEX(VIX_RSI({vix};$A$7);{k};1);\"\"))")
        for j, c in enumerate("GHI"):
            s.put(6 + j, r - 1, f"=IF({blank};\"\";IFNA(INDEX(VIX_MACD({vix};$C$7;$D$7;$E$7);"
                  f"{k};{j + 1});\"\"))")
        s.put(9, r - 1, f"=IF(OR({blank};NOT({have_ad}));\"\";INDEX(AD_LINE({adv};{dec});{k};1))")
        s.put(10, r - 1, f"=IF(OR({blank};NOT({have_ad}));\"\";IFNA(INDEX(AD_DIVERGENCE({adl};"
              f"{spx};$G$7);{k};1);\"\"))")
        s.put(11, r - 1, f"=IF({blank};\"\";IFNA(INDEX(IF({have_ad};ALVH_SIGNAL({vix};{adl};{spx};"
              f"{pol});ALVH_SIGNAL({vix};;;{pol}));{k};1);\"\"))")
    s.status(0, 7, status_formula(calls=[
        ("VIX_RSI", f"{vix};$A$7"), ("VIX_MACD", f"{vix};$C$7;$D$7;$E$7"),
        ("ALVH_SIGNAL", f"{vix};;;{pol}")]))
    s.style(5, first, 11, last, "ALVH Value")
    s.formats(5, first, last, [(0, 0, "0.00"), (1, 3, "0.000"), (4, 4, "#,##0"),
                               (5, 5, "+0;-0;0")])
    s.conditional(0, first, 11, last,
                  [("FORMULA", f"AND($L{first + 1}<>\"\";$L{first + 1}<>\"NONE\")",
                    "ALVH Trigger")])
    s.widths([26, 22, 22, 22, 22, 22, 22, 24, 24, 22, 24, 26])
    s.heights({first - 1: 1300})
    # The chart starts where the default RSI(14) does (data row 15): the rows before it hold ""
    # (no value yet), which a line chart would draw as 0.
    c0 = first + 14
    ch = s.chart("VixRsi", (13, first - 1), (240, 110), [(0, c0, 1, last), (5, c0, 5, last)],
                 "com.sun.star.chart.LineDiagram", "VIX close (blue, index points) and its "
                 "RSI (orange, 0-100)", None, None, False, True)
    ch.HasLegend = False
    s.protect()
    return book


TEMPLATE = Template("signals", "alvh-signals",
                    ("VIX_RSI", "VIX_MACD", "AD_LINE", "AD_DIVERGENCE", "ALVH_SIGNAL",
                     "ALVH_POLICY", "ALVH_ERROR"), build, pages_tall=0)
