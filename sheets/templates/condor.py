"""Template 1, alvh-condor-legs: an SPX iron condor from spot, vol, skew, days, delta and wings:
its four legs with prices and greeks, credit, maximum loss, break-evens with and without the hedge
debit, probability of profit, position greeks, and the risk profile chart."""
from .document import Input, new_template
from .shared import LEGS_FORMATS, Template


INPUTS = [  # rows 6-16
    Input("SPX spot", 6000, "index points", "#,##0.00",
          "SPX index level now, in index points. Typical: 5000-6500."),
    Input("Days to expiry", 30, "calendar days", "0",
          "Calendar days until the condor expires (ACT/365). The method uses 30-45."),
    Input("At-the-money implied vol", 0.15, "decimal (0.15 = 15%)", "0.00%",
          "Implied volatility at the money, as a decimal: 0.15 is 15%. SPX typically 0.12-0.25."),
    Input("Skew (smile slope)", 2, "relative slope, 0 = flat", "0.00",
          "Relative smile slope: each leg's vol = vol x (1 - skew x ln(strike/spot)). 0 is a "
          "flat smile; SPX 30-day options are typically 2-7."),
    Input("Short strike delta", 0.16, "decimal (unsigned)", "0.00",
          "Delta of the short put and the short call, unsigned decimal. The method uses "
          "0.15-0.25; 0.16 is about one standard deviation."),
    Input("Wing width", 50, "index points", "0",
          "Distance from each short strike to its long strike, in index points; a multiple of "
          "the strike step. SPX typically 25-100."),
    Input("Strike step", 5, "index points", "0",
          "Strike grid spacing in index points (SPX: 5). 0 leaves strikes unrounded."),
    Input("Contracts (condors)", 2, "condors", "0",
          "Number of iron condors sold. Each SPX option contract is 100 dollars per index point."),
    Input("Risk-free rate", 0.045, "decimal, continuous", "0.00%",
          "Risk-free interest rate, continuously compounded decimal: 0.045 is 4.5%."),
    Input("Dividend yield", 0.013, "decimal, continuous", "0.00%",
          "SPX dividend yield, continuously compounded decimal: about 0.013 (1.3%)."),
    Input("Hedge debit", 900, "dollars", "#,##0.00",
          "What the VIX call hedge costs, in dollars, charged against the condor's credit: the "
          "Layer schedule template's monthly carry or its total debit. Typical: 0.35-0.65% of "
          "notional per month."),
]


def build(office, alvh):
    book, s = new_template(
        office, "Condor legs", "Condor", "ALVH Calc - Iron condor legs, risk and break-evens",
        "change the yellow inputs (spot, vol, days, delta, wings, contracts...); the legs, "
        "credit, max loss, break-evens (with and without the hedge debit), probability of "
        "profit and the risk profile chart update.")
    spot, days, vol, skew, delta, wing, step, contracts, rate, div, debit = s.inputs(5, INPUTS)
    years = s.output(16, "Years to expiry", f"={days}/365", "years (ACT/365)", "0.000000",
                     style="ALVH Value")

    # Strikes (row 19) and legs (rows 22-25).
    s.section(0, 18, "Strikes", ["", "Long put", "Short put", "Short call", "Long call"])
    s.put(0, 20, "Strike (index points)")
    s.array(1, 20, 4, 20, f"=IC_STRIKES({spot};{years};{vol};{delta};{wing};{step};{rate};{div})",
            fmt="#,##0")
    strikes = "$B$21:$E$21"
    s.section(0, 22, "Legs (one condor; prices and greeks per one option, in index points)",
              ["Type (P/C)", "Strike (points)", "Quantity (+1 long, -1 short)", "Years",
               "Vol (decimal)", "Price (points)", "Delta (per point)", "Gamma (per point)",
               "Vega (points per vol point)", "Theta (points per day)",
               "Position vega (points per vol point)"])
    s.array(0, 24, 9, 27, f"=IC_LEGS({strikes};{spot};{years};{vol};{rate};{div};{skew})")
    for r in range(24, 28):
        s.put(10, r, f"=C{r + 1}*I{r + 1}", "ALVH Output")
    s.formats(0, 24, 27, LEGS_FORMATS + [(10, 10, "0.000")])
    legs = "$A$25:$E$28"

    # Summary (rows 30-).
    mk = f"{strikes};{spot};{years};{vol};{rate};{div};{skew}"
    s.section(0, 29, "Position", ["Figure", "Value", "Unit"])
    credit1 = s.output(31, "Credit per condor", f"=IC_CREDIT({mk};100)", "dollars", "#,##0.00")
    s.output(32, "Credit, all contracts", f"={credit1}*{contracts}", "dollars", "#,##0.00")
    pts = s.output(33, "Credit per condor", f"=IC_CREDIT({mk};1)", "index points", "0.00")
    s.output(34, "Maximum loss, all contracts", f"=IC_MAXLOSS({mk};100)*{contracts}",
             "dollars", "#,##0.00")
    s.output(35, "Lower break-even at expiry", f"=IC_BREAKEVEN(\"LOWER\";{mk})", "index points",
             "#,##0.00")
    s.output(36, "Upper break-even at expiry", f"=IC_BREAKEVEN(\"UPPER\";{mk})", "index points",
             "#,##0.00")
    s.output(37, "Lower break-even with the hedge debit",
             f"=ALVH_BREAKEVEN(\"LOWER\";{strikes};{pts};{debit};{contracts};100)",
             "index points", "#,##0.00")
    s.output(38, "Upper break-even with the hedge debit",
             f"=ALVH_BREAKEVEN(\"UPPER\";{strikes};{pts};{debit};{contracts};100)",
             "index points", "#,##0.00")
    s.output(39, "Probability of profit (risk-neutral)", f"=IC_POP({mk})",
             "probability (lognormal, no smile)", "0.0%")
    s.output(40, "Position delta", f"=BOOK_GREEK(\"delta\";{legs};{spot};{rate};{div};100)"
             f"*{contracts}", "dollars per index point", "#,##0.00")
    s.output(41, "Position vega", f"=BOOK_GREEK(\"vega\";{legs};{spot};{rate};{div};100)"
             f"*{contracts}", "dollars per vol point", "#,##0.00")
    s.output(42, "Position theta", f"=BOOK_GREEK(\"theta\";{legs};{spot};{rate};{div};100)"
             f"*{contracts}", "dollars per calendar day", "#,##0.00")
    s.output(43, "Position VIX vega", f"=CONDOR_VIX_VEGA($K$25:$K$28;{contracts})",
             "dollars per VIX point (vol beta 1)", "#,##0.00")

    # Risk profile (columns M-O, rows 5-45) and its chart.
    s.section(12, 3, "Risk profile, all contracts",
              ["SPX (index points)", "P&L at expiry (dollars)", "P&L today (dollars)"])
    n = 41
    for i in range(n):
        s.put(12, 5 + i, f"=ROUND({spot}*(0.9+0.005*{i});0)", "ALVH Value", "#,##0")
    s.array(13, 5, 14, 5 + n - 1,
            f"=BOOK_PNL({legs};$M$6:$M${5 + n};{spot};0;{rate};{div};100)*{contracts}",
            fmt="#,##0")
    s.widths([62, 24, 42, 20, 20, 20, 20, 22, 26, 24, 28, 4, 26, 26, 26])
    s.heights({23: 1400, 4: 900})
    ch = s.chart("RiskProfile", (0, 45), (230, 105), [(12, 4, 14, 5 + n - 1)],
                 "com.sun.star.chart.XYDiagram", "Risk profile, all contracts: P&L at expiry "
                 "and today", "SPX (index points)", "P&L (dollars)")
    ch.Diagram.SymbolType = -3  # com.sun.star.chart.ChartSymbolType.NONE: lines only
    ch.Diagram.Lines = True
    s.protect()
    return book


TEMPLATE = Template("condor", "alvh-condor-legs",
                    ("IC_STRIKES", "IC_LEGS", "IC_CREDIT", "IC_MAXLOSS", "IC_BREAKEVEN", "IC_POP",
                     "BOOK_GREEK", "BOOK_PNL", "ALVH_BREAKEVEN", "CONDOR_VIX_VEGA"), build)
