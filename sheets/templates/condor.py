"""Template 1, alvh-condor-legs: an SPX iron condor from spot, vol, skew, days, delta and wings:
its four legs with prices and greeks, credit, maximum loss, break-evens with and without the hedge
debit, probability of profit, position greeks, notional, and the risk profile chart.

First screen (1366x768): the inputs (A:C), the position's key figures (D:F) with their status
line, and the risk profile chart (G:); strikes, legs and the chart's table below."""
from .checks import inputs_checks, number, percent, quiet, status_formula
from .document import Input, new_template
from .policy import catalogue, settings_block, settings_checks
from .shared import LEGS_FORMATS, Template, notional_unit

INPUTS = [  # rows 6-16
    Input("SPX spot", 6000, "index points", "#,##0.00",
          "SPX index level now, in index points. Typical: 5000-6500.",
          number(100, 100000, "the SPX level", "index points", "6000")),
    Input("Days to expiry", 30, "calendar days", "0",
          "Calendar days until the condor expires (ACT/365). The method uses 30-45.",
          number(1, 730, "the days to expiry", "calendar days", "30", whole=True)),
    Input("At-the-money implied vol", 0.15, "% a year", "0.00%",
          "Implied volatility at the money, in percent: type 15 for 15%. SPX typically 12-25%.",
          percent(0.01, 3, "the at-the-money vol", 15)),
    Input("Skew (smile slope)", 2, "0 = flat smile", "0.00",
          "Relative smile slope: each leg's vol = vol x (1 - skew x ln(strike/spot)). 0 is a "
          "flat smile; SPX 30-day options are typically 2-7.",
          number(0, 20, "the smile slope", "relative units (0 = flat)", "2")),
    Input("Short strike delta", 0.16, "decimal, unsigned", "0.00",
          "Delta of the short put and the short call, unsigned, as a decimal: 0.16 is the "
          "16-delta strike, about one standard deviation. The method uses 0.15-0.25.",
          number(0.01, 0.49, "the short strikes' delta", "decimal (0.16 = 16 delta)", "0.16")),
    Input("Wing width", 50, "index points", "0",
          "Distance from each short strike to its long strike, in index points; a multiple of "
          "the strike step. SPX typically 25-100.",
          number(1, 2000, "the wing width", "index points", "50")),
    Input("Strike step", 5, "index points", "0",
          "Strike grid spacing in index points (SPX: 5). 0 leaves strikes unrounded.",
          number(0, 100, "the strike step", "index points", "5")),
    Input("Contracts", 2, "condors", "0",
          "Number of iron condors sold. Each SPX option contract is 100 dollars per index point.",
          number(1, 100000, "the number of condors", "contracts", "2", whole=True)),
    Input("Risk-free rate", 0.045, "% a year", "0.00%",
          "Risk-free interest rate, continuously compounded, in percent: type 4.5 for 4.5%.",
          percent(-0.05, 0.25, "the risk-free rate", 4.5)),
    Input("Dividend yield", 0.013, "% a year", "0.00%",
          "SPX dividend yield, continuously compounded, in percent: type 1.3 for 1.3%.",
          percent(0, 0.1, "the dividend yield", 1.3)),
    Input("Hedge debit", 900, "dollars", "#,##0.00",
          "What the VIX call hedge costs, in dollars, charged against the condor's credit: the "
          "Layer schedule template's monthly cost in dollars or its total debit.",
          number(0, 1e8, "the hedge debit", "dollars", "900")),
]

N_PROFILE = 41  # rows of the risk profile: spot x 0.90, 0.905, ..., 1.10
SETTINGS = catalogue("notional_basis")
SETTINGS_ROW = 79  # 0-based row of the settings' header, under the risk profile


def build(office, alvh):
    book, s = new_template(
        office, "Condor legs", "Condor", "ALVH Calc - Iron condor legs, risk and break-evens",
        "change the yellow inputs (spot, vol, days, delta, wings, contracts...); the position "
        "figures, the risk profile chart, and the strikes and legs below update.")
    cells = s.inputs(5, INPUTS)
    spot, days, vol, skew, delta, wing, step, contracts, rate, div, debit = cells
    years = s.output(16, "Years to expiry", f"=IFERROR({days}/365;\"\")", "years (ACT/365)",
                     "0.000000", style="ALVH Value")
    # The one setting the template uses (the notional's basis), at the bottom (rows 80-81).
    s.put(0, SETTINGS_ROW - 1, "Settings (the policy)", "ALVH Section")
    pol, values = settings_block(s, SETTINGS_ROW, SETTINGS, alvh)
    checks = inputs_checks(INPUTS, cells) + settings_checks(SETTINGS, values)

    # Strikes (rows 21-24) and legs (rows 26-32).
    ic_args = f"{spot};{years};{vol};{delta};{wing};{step};{rate};{div}"
    s.section(0, 20, "Strikes")
    strikes_ok = s.status(0, 21, status_formula(checks, calls=[("IC_STRIKES", ic_args)]),
                          span=10, lines=1)
    s.header(1, 22, ["Long put", "Short put", "Short call", "Long call"])
    s.put(0, 23, "Strike (index points)")
    s.array(1, 23, 4, 23, "=" + quiet(f"IC_STRIKES({ic_args})"), fmt="#,##0")
    strikes = "$B$24:$E$24"
    mk = f"{strikes};{spot};{years};{vol};{rate};{div};{skew}"
    s.section(0, 25, "Legs of one condor: prices and greeks per option, in index points")
    legs_ok = s.status(0, 26, status_formula(upstream=[strikes_ok], calls=[("IC_LEGS", mk)]),
                       span=10, lines=1)
    s.header(0, 27, ["Type (P put, C call)", "Strike (points)", "Quantity (+1 long, -1 short)",
                     "Years", "Vol (%)", "Price (points)", "Delta (per point)",
                     "Gamma (per point)", "Vega (points per vol point)",
                     "Theta (points per day)", "Position vega (points per vol point)"])
    s.array(0, 28, 9, 31, "=" + quiet(f"IC_LEGS({mk})"), runs=LEGS_FORMATS)
    for r in range(28, 32):
        s.put(10, r, f"=IFERROR(C{r + 1}*I{r + 1};\"\")", "ALVH Output")
    s.formats(0, 28, 31, [(10, 10, "0.000")])
    legs = "$A$29:$E$32"

    # The position, all contracts (D5:F18): the first screen's answer.
    s.header(3, 4, ["Position, all contracts", "Value", "Unit"])
    figures = [
        ("Credit", f"IC_CREDIT({mk};100)*{contracts}", "dollars", "#,##0.00",
         ("IC_CREDIT", f"{mk};100")),
        ("Credit per condor", f"IC_CREDIT({mk};1)", "index points", "0.00",
         ("IC_CREDIT", f"{mk};1")),
        ("Maximum loss", f"IC_MAXLOSS({mk};100)*{contracts}", "dollars", "#,##0.00",
         ("IC_MAXLOSS", f"{mk};100")),
        ("Lower break-even", f"IC_BREAKEVEN(\"LOWER\";{mk})", "index points", "#,##0.00",
         ("IC_BREAKEVEN", f"\"LOWER\";{mk}")),
        ("Upper break-even", f"IC_BREAKEVEN(\"UPPER\";{mk})", "index points", "#,##0.00",
         ("IC_BREAKEVEN", f"\"UPPER\";{mk}")),
    ]
    pts = "$E$7"  # the credit per condor, points
    be = f"{strikes};{pts};{debit};{contracts};100"
    figures += [
        ("Lower break-even, hedged", f"ALVH_BREAKEVEN(\"LOWER\";{be})", "index points",
         "#,##0.00", ("ALVH_BREAKEVEN", f"\"LOWER\";{be}")),
        ("Upper break-even, hedged", f"ALVH_BREAKEVEN(\"UPPER\";{be})", "index points",
         "#,##0.00", ("ALVH_BREAKEVEN", f"\"UPPER\";{be}")),
        ("Probability of profit", f"IC_POP({mk})", "risk-neutral, no smile", "0.0%",
         ("IC_POP", mk)),
    ]
    for greek, unit in (("delta", "dollars per index point"), ("vega", "dollars per vol point"),
                        ("theta", "dollars per day")):
        g = f"\"{greek}\";{legs};{spot};{rate};{div};100"
        figures.append((f"Position {greek}", f"BOOK_GREEK({g})*{contracts}", unit, "#,##0.00",
                        ("BOOK_GREEK", g)))
    figures += [
        ("Position VIX vega", f"CONDOR_VIX_VEGA($K$29:$K$32;{contracts})",
         "dollars per VIX point", "#,##0.00", ("CONDOR_VIX_VEGA", f"$K$29:$K$32;{contracts}")),
        ("Notional", f"ALVH_NOTIONAL({strikes};{pts};{contracts};{pol})", notional_unit(pol),
         "#,##0", ("ALVH_NOTIONAL", f"{strikes};{pts};{contracts};{pol}")),
    ]
    for i, (label, formula, unit, fmt, _) in enumerate(figures):
        s.output(5 + i, label, "=" + quiet(formula), unit, fmt, col=3)
    s.note(3, 10, "Break-evens at expiry with the hedge debit charged against the credit "
           "(ALVH_BREAKEVEN): the hedged condor needs SPX to stay inside these.")
    s.note(3, 17, "Notional on the policy's basis (the setting at the bottom; short strike: the "
           "mean short strike x 100 x contracts), ALVH_NOTIONAL. The Layer schedule template "
           "sizes its hedge on this number.")
    s.status(0, 18, status_formula(upstream=[legs_ok], calls=[f[4] for f in figures]), span=5)

    # The risk profile (rows 35-76) and its chart beside the first screen's figures.
    s.section(0, 33, "Risk profile, all contracts (the chart's data)")
    n = N_PROFILE
    prof = f"{legs};$A$37:$A${36 + n};{spot};0;{rate};{div};100"
    s.status(0, 34, status_formula(upstream=[legs_ok], calls=[("BOOK_PNL", prof)]), span=10,
             lines=1)
    s.header(0, 35, ["SPX (index points)", "P&L at expiry (dollars)", "P&L today (dollars)"])
    for i in range(n):
        s.put(0, 36 + i, f"=IFERROR(ROUND({spot}*(0.9+0.005*{i});0);\"\")", "ALVH Value",
              "#,##0")
    s.array(1, 36, 2, 36 + n - 1, "=" + quiet(f"BOOK_PNL({prof})*{contracts}"), fmt="#,##0")
    s.widths([50, 24, 30, 48, 24, 42, 22, 22, 24, 22, 26])
    s.fit_rows(4, 22, 27, 35, SETTINGS_ROW)
    ch = s.chart("RiskProfile", (6, 4), (112, 92), [(0, 35, 2, 36 + n - 1)],
                 "com.sun.star.chart.XYDiagram", "Risk profile: P&L of all contracts",
                 "SPX (index points)", "P&L (dollars)")
    ch.Diagram.SymbolType = -3  # com.sun.star.chart.ChartSymbolType.NONE: lines only
    ch.Diagram.Lines = True
    s.protect()
    return book


TEMPLATE = Template("condor", "alvh-condor-legs",
                    ("IC_STRIKES", "IC_LEGS", "IC_CREDIT", "IC_MAXLOSS", "IC_BREAKEVEN", "IC_POP",
                     "BOOK_GREEK", "BOOK_PNL", "ALVH_BREAKEVEN", "CONDOR_VIX_VEGA",
                     "ALVH_NOTIONAL", "ALVH_ERROR"), build)
