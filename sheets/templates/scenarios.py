"""Template 4, alvh-scenarios: a condor and its hedge repriced together: the net P&L heat map
over SPX moves x VIX moves (colour scale) and the spike-day table with the hedge gain / condor
loss ratio, for the hedge the settings choose (hedge_kind: the ALVH VIX call layers, an SPX put
spread of the same monthly cost, or none); beside the spike days, the net P&L with each of the
two hedges of equal cost (issue 18).

First screen (1366x768): the inputs (A:C), the heat map (E:O) and the spike days under it with
the side-by-side; the condor, its notional and VIX vega, the VIX layers and the put spread
below."""
from office import col_name

from .checks import date, inputs_checks, number, percent, quiet, status_formula
from .document import Input, new_template
from .policy import catalogue, settings_block, settings_checks
from .shared import LEGS_FORMATS, Template, notional_unit, schedule_formats

SPX_MOVES = [-0.10, -0.08, -0.06, -0.05, -0.04, -0.03, -0.02, -0.01, 0.0, 0.01, 0.02, 0.03]
VIX_MOVES = [-4, -2, 0, 2, 4, 8, 12, 16, 20, 30]
SPIKES = [(-0.01, 2), (-0.03, 8), (-0.06, 20)]
SETTINGS = catalogue("hedge_kind", "notional_basis", "sizing", "rounding", "backtest.vol_beta", "backtest.skew",
                     "layers.1.contracts", "layers.2.contracts", "layers.3.contracts",
                     "layers.1.vol_of_vol", "layers.2.vol_of_vol", "layers.3.vol_of_vol",
                     "vix_long_run", "vix_speed")
SETTINGS_ROW = 58  # 0-based row of the settings' header, under the hedges
KIND = 0  # the hedge_kind setting's index in SETTINGS

INPUTS = [  # rows 6-18
    Input("Valuation date", 46037, "date", "YYYY-MM-DD",
          "The trading day of the position. Type it as year-month-day, e.g. 2026-01-15.",
          date("the valuation date")),
    Input("SPX spot", 6000, "index points", "#,##0.00",
          "SPX index level now, in index points. Typical: 5000-6500.",
          number(100, 100000, "the SPX level", "index points", "6000")),
    Input("Spot VIX", 16, "index points", "0.00",
          "Spot VIX in index points. Typical: 12-35.",
          number(5, 150, "spot VIX", "index points", "16")),
    Input("Condor days to expiry", 30, "calendar days", "0",
          "Calendar days until the condor expires. The method uses 30-45.",
          number(1, 730, "the days to expiry", "calendar days", "30", whole=True)),
    Input("At-the-money implied vol", 0.15, "% a year", "0.00%",
          "SPX implied volatility at the money, in percent: type 15 for 15%.",
          percent(0.01, 3, "the at-the-money vol", 15)),
    Input("Skew (smile slope)", 2, "0 = flat smile", "0.00",
          "Relative smile slope: leg vol = vol x (1 - skew x ln(strike/spot)); SPX 30-day "
          "options typically 2-7.",
          number(0, 20, "the smile slope", "relative units (0 = flat)", "2")),
    Input("Short strike delta", 0.16, "decimal, unsigned", "0.00",
          "Delta of the short strikes, unsigned, as a decimal: 0.16 is the 16-delta strike; the "
          "method uses 0.15-0.25.",
          number(0.01, 0.49, "the short strikes' delta", "decimal (0.16 = 16 delta)", "0.16")),
    Input("Wing width", 50, "index points", "0",
          "Distance from each short strike to its long strike, index points (SPX: 25-100), a "
          "multiple of 5 (the strike step).",
          number(5, 2000, "the wing width", "index points", "50")),
    Input("Contracts", 2, "condors", "0",
          "Number of iron condors sold; SPX options are 100 dollars per point.",
          number(1, 100000, "the number of condors", "contracts", "2", whole=True)),
    Input("Risk-free rate", 0.045, "% a year", "0.00%",
          "Risk-free rate, continuously compounded, in percent: type 4.5 for 4.5%.",
          percent(-0.05, 0.25, "the risk-free rate", 4.5)),
    Input("Dividend yield", 0.013, "% a year", "0.00%",
          "SPX dividend yield, continuously compounded, in percent: type 1.3 for 1.3%.",
          percent(0, 0.1, "the dividend yield", 1.3)),
    Input("Days the shock takes", 1, "calendar days", "0",
          "Calendar days that pass with the shock: 1 is a spike day, 0 instantaneous.",
          number(0, 365, "the days the shock takes", "calendar days", "1")),
    Input("Vol-of-vol move", 0, "decimal (0.3 = +30 points)", "0.00",
          "Change of the VIX options' vol of vol in the shock, decimal: 0.3 adds 30 vol points "
          "(VIX option vols rise in spikes); 0 holds it.",
          number(-0.9, 5, "the vol-of-vol move", "decimal (0.3 = +30 vol points)", "0.3")),
]


def build(office, alvh):
    book, s = new_template(
        office, "Scenarios", "Scenarios",
        "ALVH Calc - Spike-day scenarios: the condor and its hedge repriced together",
        "set the condor and market inputs; the hedge is the ALVH schedule for that condor, or "
        "the SPX put spread of the same monthly cost (Hedge, in the settings below); read the "
        "net P&L for every SPX move (rows) and VIX move (columns), the spike days, and the net "
        "with each hedge beside them.")
    cells = s.inputs(5, INPUTS)
    (val, spot, vix, days, vol, skew, delta, wing, n, rate, div, shock, vov) = cells
    years = s.output(18, "Years to expiry", f"=IFERROR({days}/365;\"\")", "years (ACT/365)",
                     "0.000000", style="ALVH Value")
    s.put(0, SETTINGS_ROW - 1, "Settings (the policy)", "ALVH Section")
    pol, values = settings_block(s, SETTINGS_ROW, SETTINGS, alvh)
    checks = inputs_checks(INPUTS, cells) + settings_checks(SETTINGS, values)

    # The condor (rows 27-37): strikes, the legs of all contracts, credit, notional, VIX vega.
    c0 = 26
    s.section(0, c0, "The condor (IC_STRIKES, IC_LEGS)")
    ic = f"{spot};{years};{vol};{delta};{wing};5;{rate};{div}"
    h0 = SETTINGS_ROW + len(SETTINGS) + 3  # IC_LEGS for one condor: the helper at the bottom
    mk = f"$B${c0 + 4}:$E${c0 + 4};{spot};{years};{vol};{rate};{div};{skew}"
    condor_ok = s.status(0, c0 + 1, status_formula(checks, calls=[("IC_STRIKES", ic),
                                                                   ("IC_LEGS", mk)]),
                         span=10, lines=1)
    s.header(1, c0 + 2, ["Long put", "Short put", "Short call", "Long call"])
    s.put(0, c0 + 3, "Strike (index points)")
    s.array(1, c0 + 3, 4, c0 + 3, "=" + quiet(f"IC_STRIKES({ic})"), fmt="#,##0")
    strikes = f"$B${c0 + 4}:$E${c0 + 4}"
    s.header(0, c0 + 5, ["Type", "Strike (points)", "Quantity (all condors)", "Years",
                         "Vol (%)", "Price (points)", "Vega (points per vol point)"])
    for i in range(4):
        r, h = c0 + 6 + i, h0 + 3 + i  # h: 1-based, the helper's row
        for j, (src, fmt) in enumerate([(f"A{h}", None), (f"B{h}", "#,##0"),
                                        (f"C{h}*{n}", "+0;-0"), (f"D{h}", "0.0000"),
                                        (f"E{h}", "0.00%"), (f"F{h}", "0.00"),
                                        (f"C{h}*I{h}", "0.000")]):
            s.put(j, r, "=" + quiet(src), "ALVH Output", fmt)
    legs = f"$A${c0 + 7}:$E${c0 + 10}"
    vegas = f"$G${c0 + 7}:$G${c0 + 10}"
    pts_f = f"IC_CREDIT({mk};1)"
    pts = s.output(c0 + 11, "Credit per condor", "=" + quiet(pts_f), "index points", "0.00")
    notional = s.output(c0 + 12, "Condor notional", "=" + quiet(
        f"ALVH_NOTIONAL({strikes};{pts};{n};{pol})"), "", "#,##0")
    s.put(2, c0 + 12, notional_unit(pol), "ALVH Unit")
    s.note(0, c0 + 12, "The notional the hedge is sized on, on the policy's notional_basis "
           "(ALVH_NOTIONAL): short strike (the default) is the mean short strike x 100 x "
           "contracts, the same definition as the Condor legs and Layer schedule templates.")
    cvega = s.output(c0 + 13, "Condor VIX vega", "=" + quiet(f"CONDOR_VIX_VEGA({vegas};{n})"),
                     "dollars per VIX point (vol beta 1)", "#,##0.00")
    figures_ok = s.status(0, c0 + 14, status_formula(upstream=[condor_ok], calls=[
        ("IC_CREDIT", f"{mk};1"), ("ALVH_NOTIONAL", f"{strikes};{pts};{n};{pol}"),
        ("CONDOR_VIX_VEGA", f"{vegas};{n}")]), span=10, lines=1)

    # The hedge (rows 43-47): the ALVH schedule for this condor.
    k0 = c0 + 16
    s.section(0, k0, "The hedge (ALVH_SCHEDULE for this condor)")
    sched = f"{val};{vix};{notional};{cvega};{pol}"
    s.header(0, k0 + 2, ["Layer", "Expiry (date)", "Days", "Strike (VIX points)", "Contracts",
                         "Future (points)", "Call (VIX points)", "Debit (dollars)", "Delta",
                         "Beta", "Vega (dollars per VIX point)", "Cost (% of notional a month)",
                         "Coverage (share)"])
    s.array(0, k0 + 3, 12, k0 + 5, "=" + quiet(f"ALVH_SCHEDULE({sched})"),
            runs=schedule_formats("#,##0"))
    layers = f"$A${k0 + 4}:$M${k0 + 6}"

    # The put spread of the same monthly cost (rows 50-56): ALVH_PUT_SPREAD on the layers' cost.
    p0 = k0 + 7
    s.section(0, p0, "The SPX put spread of the same monthly cost (ALVH_PUT_SPREAD)")
    cost_args = f"{val};{vix};{notional};{cvega};{pol}"
    budget = s.output(p0 + 2, "Monthly cost to match", "=" + quiet(f"ALVH_COST({cost_args})"),
                      "of notional a month (the VIX layers' ALVH_COST)", "0.000%")
    put_args = f"{val};{spot};{vix};{notional};{budget};{pol};{rate};{div}"
    put_ok = s.status(0, p0 + 1, status_formula(upstream=[figures_ok], calls=[
        ("ALVH_COST", cost_args), ("ALVH_PUT_SPREAD", put_args)]), span=12, lines=1)
    s.header(0, p0 + 3, ["Type", "Strike (points)", "Quantity (spreads)", "Years", "Vol (%)",
                         "Price (points, one put)", "Delta", "Gamma",
                         "Vega (points per vol point)", "Theta (points per day)",
                         "Debit (dollars)", "Cost (% of notional a month)"])
    s.array(0, p0 + 4, 11, p0 + 5, "=" + quiet(f"ALVH_PUT_SPREAD({put_args})"),
            runs=[(0, 0, None), (1, 1, "#,##0"), (2, 2, "+0;-0"), (3, 3, "0.0000"),
                  (4, 4, "0.00%"), (5, 5, "0.00"), (6, 9, "0.0000"), (10, 10, "#,##0"),
                  (11, 11, "0.000%")])
    puts = f"$A${p0 + 5}:$L${p0 + 6}"
    s.output(p0 + 6, "Spread debit", "=" + quiet(f"SUM($K${p0 + 5}:$K${p0 + 6})"), "dollars",
             "#,##0")
    s.put(3, p0 + 6, "Spread cost", "ALVH Header")
    s.put(4, p0 + 6, "=" + quiet(f"SUM($L${p0 + 5}:$L${p0 + 6})"), "ALVH Output", "0.000%")
    s.put(5, p0 + 6, "of notional a month", "ALVH Unit")

    # The hedge the scenarios reprice: the settings' choice (an empty Hedge: the VIX layers).
    kind = values[KIND]
    hedge = f'IF({kind}="spx_put_spread";{puts};{layers})'
    tail = f"{legs};{hedge};{spot};{vix};{pol};{vov};{rate};{div}"
    hedge_ok = s.status(0, k0 + 1, status_formula(upstream=[figures_ok], calls=[
        ("ALVH_SCHEDULE", sched)]), span=12, lines=1)

    # Heat map (E5:O17): SPX moves down column E, VIX moves along row 5.
    g0, gc0 = 4, 4
    gr = g0 + len(SPX_MOVES)
    gc = gc0 + len(VIX_MOVES)
    s.put(gc0, g0, "SPX move / VIX move (points)", "ALVH Header")
    s.rng(gc0 + 1, g0, gc, g0).setDataArray((tuple(VIX_MOVES),))
    s.input_cells(gc0 + 1, g0, gc, g0, "+0;-0;0",
                  number(-50, 200, "a VIX move", "VIX points", "8"))
    s.rng(gc0, g0 + 1, gc0, gr).setDataArray(tuple((m,) for m in SPX_MOVES))
    s.input_cells(gc0, g0 + 1, gc0, gr, "+0%;-0%;0%",
                  percent(-0.9, 1, "an SPX move", -3))
    s.note(gc0 + 1, g0, "VIX moves in index points for the heat map columns, e.g. 8 is VIX 16 "
           "-> 24. Edit freely.")
    s.note(gc0, g0, "SPX moves in percent for the heat map rows (column E): type -3 for down "
           "3%. Edit freely.")
    spx_rng = f"${col_name(gc0)}${g0 + 2}:${col_name(gc0)}${gr + 1}"
    vix_rng = f"${col_name(gc0 + 1)}${g0 + 1}:${col_name(gc)}${g0 + 1}"
    grid = f"{spx_rng};{vix_rng};{shock};{tail}"
    s.array(gc0 + 1, g0 + 1, gc, gr, "=" + quiet(f"ALVH_SCENARIO_GRID({grid})"),
            style="ALVH Value", fmt="#,##0")
    s.color_scale(gc0 + 1, g0 + 1, gc, gr)
    s.put(gc0, gr + 1, "Net P&L of condor + hedge after the shock, dollars", "ALVH Unit")
    s.status(gc0, gr + 2, status_formula(upstream=[hedge_ok],
                                         calls=[("ALVH_SCENARIO_GRID", grid)]),
             "Status", span=gc, lines=1)

    # Spike days (E20:K24).
    k1 = gr + 4
    s.header(gc0, k1, ["Spike day", "SPX move (%)", "VIX move (points)",
                       "Condor P&L (dollars)", "Hedge P&L (dollars)", "Net P&L (dollars)",
                       "Hedge gain / condor loss"])
    spx_col, vix_col = col_name(gc0 + 1), col_name(gc0 + 2)
    s.rng(gc0 + 1, k1 + 1, gc0 + 2, k1 + len(SPIKES)).setDataArray(tuple(SPIKES))
    s.input_cells(gc0 + 1, k1 + 1, gc0 + 1, k1 + len(SPIKES), "+0.0%;-0.0%",
                  percent(-0.9, 1, "the spike day's SPX move", -3))
    s.input_cells(gc0 + 2, k1 + 1, gc0 + 2, k1 + len(SPIKES), "+0;-0",
                  number(-50, 200, "the spike day's VIX move", "VIX points", "8"))
    # Beside them (L:M), the net P&L with each hedge of the same monthly cost: the settings
    # with hedge_kind set to each (the helper blocks at the bottom).
    q0 = h0 + 8
    forced = {k: _forced_policy(s, q0 + j * (len(SETTINGS) + 3), k)
              for j, k in enumerate(("vix_calls", "spx_put_spread"))}
    s.header(gc0 + 7, k1, ["Net with the VIX layers (dollars)",
                           "Net with the put spread (dollars)"])
    s.note(gc0 + 7, k1, "The spike day's net P&L (condor + hedge) with the ALVH VIX call "
           "layers and with the SPX put spread of the same monthly cost (the blocks below the "
           "condor), whichever hedge the settings choose for the table on the left.")
    calls = []
    for i in range(len(SPIKES)):
        r = k1 + 1 + i
        s.put(gc0, r, f"Spike {i + 1}")
        args = f"{spx_col}{r + 1};{vix_col}{r + 1};{shock};{tail}"
        calls.append(("ALVH_SCENARIO", args))
        s.array(gc0 + 3, r, gc0 + 6, r, "=" + quiet(f"ALVH_SCENARIO({args})"))
        s.style(gc0 + 3, r, gc0 + 5, r, fmt="#,##0")
        s.style(gc0 + 6, r, gc0 + 6, r, fmt="0.00\"x\"")
        for j, (k, held) in enumerate((("vix_calls", layers), ("spx_put_spread", puts))):
            each = (f"{spx_col}{r + 1};{vix_col}{r + 1};{shock};{legs};{held};{spot};{vix};"
                    f"{forced[k]};{vov};{rate};{div}")
            calls.append(("ALVH_SCENARIO", each))
            s.put(gc0 + 7 + j, r, "=" + quiet(f"INDEX(ALVH_SCENARIO({each});1;3)"),
                  "ALVH Output", "#,##0")
    s.note(gc0 + 1, k1, "SPX move of the spike day in percent: type -3 for down 3%.")
    s.note(gc0 + 2, k1, "Spot VIX move of the spike day in points: 8 is VIX 16 -> 24.")
    s.status(gc0, k1 + len(SPIKES) + 1, status_formula(upstream=[hedge_ok, put_ok],
                                                       calls=calls),
             "Status", span=gc, lines=1)

    s.section(0, h0, "Helper: IC_LEGS for one condor (prices and greeks per option, index "
              "points)")
    s.header(0, h0 + 1, ["Type", "Strike (points)", "Quantity", "Years", "Vol (%)",
                         "Price (points)", "Delta", "Gamma", "Vega (points per vol point)",
                         "Theta (points per day)"])
    s.array(0, h0 + 2, 9, h0 + 5, "=" + quiet(f"IC_LEGS({mk})"), style="ALVH Value",
            runs=LEGS_FORMATS)
    s.widths([44, 22, 26, 20, 28] + [19] * 6 + [24, 24] + [19] * 2)
    s.fit_rows(4, c0 + 2, c0 + 5, k0 + 2, p0 + 3, k1, h0 + 1, SETTINGS_ROW)
    s.protect()
    return book


TEMPLATE = Template("scenarios", "alvh-scenarios",
                    ("IC_STRIKES", "IC_LEGS", "CONDOR_VIX_VEGA", "ALVH_NOTIONAL", "ALVH_SCHEDULE",
                     "ALVH_COST", "ALVH_PUT_SPREAD", "ALVH_SCENARIO", "ALVH_SCENARIO_GRID",
                     "ALVH_ERROR"), build)


def _forced_policy(s, row, kind):
    """A helper block at row: the settings' key/value rows (the same keys and values, an empty
    value still the default) with hedge_kind set to kind. Returns its range."""
    first = SETTINGS_ROW + 1
    s.section(0, row, f"Helper: the settings with hedge_kind {kind} (for the side-by-side)")
    for i, x in enumerate(SETTINGS):
        r = row + 1 + i
        if i == KIND:
            s.put(1, r, "hedge_kind", "ALVH Key")
            s.put(2, r, kind, "ALVH Value")
        else:
            s.put(1, r, f"=$B${first + i + 1}", "ALVH Key")
            s.put(2, r, f'=IF(ISBLANK($C${first + i + 1});"";$C${first + i + 1})', "ALVH Value")
    return f"$B${row + 2}:$C${row + 1 + len(SETTINGS)}"
