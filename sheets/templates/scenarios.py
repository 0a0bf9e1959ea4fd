"""Template 4, alvh-scenarios: a condor and its ALVH hedge repriced together: the net P&L heat map
over SPX moves x VIX moves (colour scale) and the spike-day table with the hedge gain / condor
loss ratio."""
from office import col_name

from .document import Input, addr, new_template, text_arg
from .shared import LEGS_FORMATS, Template, schedule_formats


SPX_MOVES = [-0.10, -0.08, -0.06, -0.05, -0.04, -0.03, -0.02, -0.01, 0.0, 0.01, 0.02, 0.03]
VIX_MOVES = [-4, -2, 0, 2, 4, 8, 12, 16, 20, 30]
SPIKES = [(-0.01, 2), (-0.03, 8), (-0.06, 20)]


INPUTS = [  # rows 6-19
    Input("Valuation date", 46037, "date (US/Eastern)", "YYYY-MM-DD",
          "The trading day of the position, as a date. Typical: today."),
    Input("SPX spot", 6000, "index points", "#,##0.00",
          "SPX index level now, in index points. Typical: 5000-6500."),
    Input("Spot VIX", 16, "index points", "0.00",
          "Spot VIX in index points. Typical: 12-35."),
    Input("Condor days to expiry", 30, "calendar days", "0",
          "Calendar days until the condor expires. The method uses 30-45."),
    Input("At-the-money implied vol", 0.15, "decimal (0.15 = 15%)", "0.00%",
          "SPX implied volatility at the money, decimal: 0.15 is 15%."),
    Input("Skew (smile slope)", 2, "relative slope, 0 = flat", "0.00",
          "Relative smile slope: leg vol = vol x (1 - skew x ln(strike/spot)); SPX 30-day "
          "options typically 2-7."),
    Input("Short strike delta", 0.16, "decimal (unsigned)", "0.00",
          "Delta of the short strikes, unsigned decimal; the method uses 0.15-0.25."),
    Input("Wing width", 50, "index points", "0",
          "Distance from each short strike to its long strike, index points (SPX: 25-100)."),
    Input("Contracts (condors)", 2, "condors", "0",
          "Number of iron condors sold; SPX options are 100 dollars per point."),
    Input("Risk-free rate", 0.045, "decimal, continuous", "0.00%",
          "Risk-free rate, continuously compounded decimal: 0.045 is 4.5%."),
    Input("Dividend yield", 0.013, "decimal, continuous", "0.00%",
          "SPX dividend yield, continuously compounded decimal: about 0.013."),
    Input("Days the shock takes", 1, "calendar days", "0",
          "Calendar days that pass with the shock: 1 is a spike day, 0 instantaneous."),
    Input("Vol-of-vol move", 0, "decimal (0.3 = +30 points)", "0.00",
          "Change of the VIX options' vol of vol in the shock, decimal: 0.3 adds 30 vol points "
          "(VIX option vols rise in spikes); 0 holds it."),
    Input("Policy (optional)", None, "JSON text or file path", None,
          "Optional ALVH policy as JSON text, e.g. {\"backtest\":{\"vol_beta\":1.2}}, or a JSON "
          "file path. Empty: the built-in default (vol beta 1, skew 2, layers 4/4/2 per "
          "$100,000)."),
]


def build(office, alvh):
    book, s = new_template(
        office, "Scenarios", "Scenarios",
        "ALVH Calc - Spike-day scenarios: the condor and its VIX hedge repriced together",
        "set the condor and market inputs; the hedge is the ALVH schedule for that condor. "
        "The heat map is the net P&L for every SPX move (rows) and VIX move (columns); the "
        "spike-day table shows the hedge gain against the condor loss.")
    (val, spot, vix, days, vol, skew, delta, wing, n, rate, div, shock, vov,
     policy) = s.inputs(5, INPUTS)
    pol = text_arg(policy)
    years = s.output(19, "Years to expiry", f"={days}/365", "years (ACT/365)", "0.000000",
                     style="ALVH Value")

    # The condor (E-O) and the hedge (E-Q), rows 5-20.
    s.section(4, 3, "The condor (IC_STRIKES, IC_LEGS), one condor",
              ["Long put", "Short put", "Short call", "Long call"])
    s.array(4, 5, 7, 5, f"=IC_STRIKES({spot};{years};{vol};{delta};{wing};5;{rate};{div})",
            fmt="#,##0")
    strikes = "$E$6:$H$6"
    s.header(4, 6, ["Type", "Strike (points)", "Quantity (all condors)", "Years",
                    "Vol (decimal)", "Price (points)", "Vega (points per vol point)"])
    # IC_LEGS' full output (one condor) sits below the spike-day table, rows 47-50.
    h0 = 46
    s.array(0, h0, 9, h0 + 3, f"=IC_LEGS({strikes};{spot};{years};{vol};{rate};{div};{skew})",
            style="ALVH Value")
    s.formats(0, h0, h0 + 3, LEGS_FORMATS)
    for i in range(4):
        r, h = 8 + i, h0 + 1 + i
        s.put(4, r - 1, f"=A{h}", "ALVH Output")
        s.put(5, r - 1, f"=B{h}", "ALVH Output", "#,##0")
        s.put(6, r - 1, f"=C{h}*{n}", "ALVH Output", "+0;-0")
        s.put(7, r - 1, f"=D{h}", "ALVH Output", "0.0000")
        s.put(8, r - 1, f"=E{h}", "ALVH Output", "0.00%")
        s.put(9, r - 1, f"=F{h}", "ALVH Output", "0.00")
        s.put(10, r - 1, f"=C{h}*I{h}", "ALVH Output", "0.000")
    legs = "$E$8:$I$11"
    def figure(row, label, formula, unit, fmt):
        s.put(4, row, label)
        s.put(7, row, formula, "ALVH Output", fmt)
        s.put(8, row, unit, "ALVH Unit")
        return addr(7, row)
    pts = figure(12, "Credit per condor", f"=IC_CREDIT({strikes};{spot};{years};{vol};{rate};"
                 f"{div};{skew};1)", "index points", "0.00")
    notional = figure(13, "Notional (the policy's basis)",
                      f"=ALVH_NOTIONAL({strikes};{pts};{n};{pol})", "dollars", "#,##0")
    cvega = figure(14, "Condor VIX vega (vol beta 1)", f"=CONDOR_VIX_VEGA($K$8:$K$11;{n})",
                   "dollars per VIX point", "#,##0.00")
    s.section(4, 16, "The hedge (ALVH_SCHEDULE for this condor)",
              ["Layer", "Expiry (date)", "Days", "Strike (VIX points)", "Contracts",
               "Future (points)", "Call (VIX points)", "Debit (dollars)", "Delta", "Beta",
               "Vega (dollars per VIX point)", "Cost (% of notional per month)",
               "Coverage (share)"])
    s.array(4, 18, 16, 20, f"=ALVH_SCHEDULE({val};{vix};{notional};{cvega};{pol})")
    s.formats(4, 18, 20, schedule_formats("#,##0"))
    hedge = "$E$19:$Q$21"
    tail = f"{legs};{hedge};{spot};{vix};{pol};{vov};{rate};{div}"

    # Heat map (rows 24-): SPX moves down column A, VIX moves along row 25.
    g0 = 23
    s.section(0, g0, "Net P&L heat map, dollars (condor + hedge), after the shock",
              ["SPX move (rows) / VIX move (columns, points)"])
    gr = g0 + 2 + len(SPX_MOVES) - 1
    gc = len(VIX_MOVES)
    s.rng(1, g0 + 1, gc, g0 + 1).setDataArray((tuple(VIX_MOVES),))
    s.input_cells(1, g0 + 1, gc, g0 + 1, "+0;-0;0")
    s.rng(0, g0 + 2, 0, gr).setDataArray(tuple((m,) for m in SPX_MOVES))
    s.input_cells(0, g0 + 2, 0, gr, "+0%;-0%;0%")
    s.note(1, g0 + 1, "VIX moves in index points for the heat map columns, e.g. 8 is VIX 16 -> "
           "24. Edit freely.")
    s.note(0, g0 + 2, "SPX moves as a fraction of spot for the heat map rows, e.g. -0.03 is "
           "down 3%. Edit freely.")
    spx_rng = f"$A${g0 + 3}:$A${gr + 1}"
    vix_rng = f"$B${g0 + 2}:${col_name(gc)}${g0 + 2}"
    s.array(1, g0 + 2, gc, gr, f"=ALVH_SCENARIO_GRID({spx_rng};{vix_rng};{shock};{tail})",
            style="ALVH Value", fmt="#,##0")
    s.color_scale(1, g0 + 2, gc, gr)

    # Spike days.
    k0 = gr + 2
    s.section(0, k0, "Spike days: hedge gain against condor loss",
              ["Spike day", "SPX move (fraction)", "VIX move (points)", "Condor P&L (dollars)",
               "Hedge P&L (dollars)", "Net P&L (dollars)", "Hedge gain / condor loss (ratio)"])
    s.rng(1, k0 + 2, 2, k0 + 1 + len(SPIKES)).setDataArray(tuple(SPIKES))
    s.input_cells(1, k0 + 2, 1, k0 + 1 + len(SPIKES), "+0.0%;-0.0%")
    s.input_cells(2, k0 + 2, 2, k0 + 1 + len(SPIKES), "+0;-0")
    for i in range(len(SPIKES)):
        r = k0 + 2 + i
        s.put(0, r, f"Spike {i + 1}")
        s.array(3, r, 6, r, f"=IFNA(ALVH_SCENARIO(B{r + 1};C{r + 1};{shock};{tail});\"\")")
        s.style(3, r, 5, r, fmt="#,##0")
        s.style(6, r, 6, r, fmt="0.00\"x\"")
    s.note(1, k0 + 2, "SPX move of the spike day as a fraction of spot: -0.03 is down 3%.")
    s.note(2, k0 + 2, "Spot VIX move of the spike day in points: 8 is VIX 16 -> 24.")
    s.section(0, h0 - 2, "Helper: IC_LEGS for one condor (prices and greeks per option, index "
              "points)", ["Type", "Strike (points)", "Quantity", "Years", "Vol (decimal)",
                          "Price (points)", "Delta", "Gamma", "Vega (points per vol point)",
                          "Theta (points per day)"])
    s.widths([44, 22, 22, 22, 22, 22, 24, 22, 22, 22, 24, 22, 22, 22, 22, 22, 22])
    s.heights({g0 + 1: 900, k0 + 1: 1300, h0 - 1: 900, 17: 900, 6: 900})
    s.protect()
    return book


TEMPLATE = Template("scenarios", "alvh-scenarios",
                    ("IC_STRIKES", "IC_LEGS", "CONDOR_VIX_VEGA", "ALVH_NOTIONAL", "ALVH_SCHEDULE",
                     "ALVH_SCENARIO", "ALVH_SCENARIO_GRID"), build)
