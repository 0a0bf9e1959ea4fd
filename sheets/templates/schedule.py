"""Template 2, alvh-layer-schedule: the three VIX call layers (ALVH_SCHEDULE) from a date, spot VIX
or pasted futures, the condor's notional and VIX vega; contracts by the rule and by vega
calibration; coverage against the 40-60% band and monthly cost against 0.35-0.65%, flagged, with
a line that explains a negative cost (the carry of an inverted curve); the coverage-by-layer
chart.

First screen (1366x768): the inputs (A:C), the quoted futures (E:F), the chart (H:), the layer
table and the checks; the sizing comparison and the chart's table below."""
from .checks import date, inputs_checks, number, quiet, status_formula
from .document import Input, new_template
from .policy import catalogue, settings_block, settings_checks
from .shared import Template, notional_unit, schedule_formats

INPUTS = [  # rows 6-9
    Input("Valuation date", 46037, "date", "YYYY-MM-DD",
          "The trading day the schedule is built for. Layers pick VIX expiries by days from "
          "this date. Type it as year-month-day, e.g. 2026-01-15.",
          date("the valuation date")),
    Input("Spot VIX", 16, "index points", "0.00",
          "Spot VIX index level in points. Typical: 12-35 (long-run mean about 19-20).",
          number(5, 150, "spot VIX", "index points", "16")),
    Input("Condor notional", 1205000, "dollars", "#,##0",
          "The condor position's notional in dollars on the policy's basis (notional_basis): "
          "short strike (the default) is the mean short strike x 100 x contracts, as the "
          "Condor legs template's Notional shows it (2 condors at 5765/6285: 1,205,000). The "
          "rule sizes 4/4/2 calls per $100,000 of it.",
          number(1, 1e10, "the condor notional", "dollars", "1205000")),
    Input("Condor VIX vega", -321.38, "dollars per VIX point", "#,##0.00",
          "Dollars the condor position changes for +1 point of VIX (CONDOR_VIX_VEGA; the Condor "
          "legs template's Position VIX vega). Negative for short condors. Typical: -200 to "
          "-3000.",
          number(-1e8, 0, "the condor's VIX vega", "dollars per VIX point (negative)", "-321")),
]

SETTINGS = catalogue("sizing", "notional_basis", "rounding", "coverage_target", "coverage_low",
                     "coverage_high", "cost_method", "distinct_expiries", "layers.1.contracts",
                     "layers.2.contracts", "layers.3.contracts", "layers.1.otm_points",
                     "layers.2.otm_points", "layers.3.otm_points", "layers.1.vol_of_vol",
                     "layers.2.vol_of_vol", "layers.3.vol_of_vol", "vix_long_run", "vix_speed")
SETTINGS_ROW = 39  # 0-based row of the settings' header

HEADERS = ["Layer", "Expiry (date)", "Days to expiry", "Strike (VIX points)",
           "Contracts (by the policy's sizing)", "VIX future (points)", "Call price (VIX points)",
           "Debit (dollars)", "Delta (per VIX future point)", "Beta (future per spot VIX point)",
           "Layer vega (dollars per VIX point)", "Monthly cost (% of notional)",
           "Coverage (share of VIX loss)", "Vega of 1 contract (dollars per VIX point)"]


def build(office, alvh):
    book, s = new_template(
        office, "Layer schedule", "Schedule", "ALVH Calc - VIX call hedge: the three layers",
        "enter the date, spot VIX (or quoted VIX futures in E:F), the condor's notional and "
        "VIX vega (settings below); read the layers, the coverage against 40-60% and the cost "
        "against 0.35-0.65% a month.")
    cells = s.inputs(5, INPUTS)
    val, vix, notional, cvega = cells
    # The settings (the policy every call reads) at the bottom, rows 40-): key/value rows.
    s.put(0, SETTINGS_ROW - 1, "Settings (the policy)", "ALVH Section")
    pol, values = settings_block(s, SETTINGS_ROW, SETTINGS, alvh)
    s.put(2, 7, notional_unit(pol), "ALVH Unit")
    checks = inputs_checks(INPUTS, cells) + settings_checks(SETTINGS, values)

    # Quoted futures (E5:F11, optional).
    s.header(4, 4, ["Future expiry (date)", "Price (VIX points)"])
    s.input_cells(4, 5, 4, 10, "YYYY-MM-DD", date("a future's expiry", "2026-02-18"))
    s.input_cells(5, 5, 5, 10, "0.00", number(1, 200, "a future's price", "VIX points", "16.9"))
    s.note(4, 4, "Optional: paste quoted VIX futures, one per row: expiry date and price in VIX "
           "points, nearest expiry first (e.g. 2026-02-18, 16.9). Leave the block empty to use "
           "the mean-reverting model curve (VIX_FUT). Expired rows are skipped.")
    futures = "$E$6:$F$11"
    sched = f"{val};{vix};{notional};{cvega};{pol}"

    def both(fn):
        """fn's call without the futures when the block is empty (the model curve), else with."""
        return (f"IF(COUNT({futures})=0;{fn}({sched});{fn}({sched};{futures}))",
                (fn, f"{sched};IF(COUNT({futures})=0;\"\";{futures})"))

    # The layers (rows 12-17): L0 is the first layer's row (0-based).
    L0 = 12
    col = {h: f"${c}${L0 + 1}:${c}${L0 + 3}" for h, c in
           (("future", "F"), ("debit", "H"), ("cost", "L"), ("coverage", "M"), ("unit", "N"))}
    formula, call = both("ALVH_SCHEDULE")
    layers_ok = s.status(0, L0 - 2, status_formula(checks, calls=[call]),
                         "Status of the layers", span=13, lines=1)
    s.header(0, L0 - 1, HEADERS)
    s.array(0, L0, 12, L0 + 2, "=" + quiet(formula), runs=schedule_formats("#,##0.00"))
    for i in range(3):
        r = L0 + i + 1
        s.put(13, L0 + i, "=" + quiet(f"VIX_LAYER_VEGA(1;F{r};D{r};C{r}/365;ALVH_POLICY("
                                       f"\"layers.{i + 1}.vol_of_vol\";{pol});0;J{r})"),
              "ALVH Output", "#,##0.00")
    s.note(11, L0 - 1, "Monthly cost: each layer's carry from now to its roll date (its debit "
           "minus its Black-76 value at the roll, on today's VIX curve standing still) per month "
           "of 365/12 days, as a share of the notional (cost_method carry). On an inverted curve "
           "the roll gains and the cost is negative: the line under the table says so.")
    # The carry of an inverted curve, said in words when it shows (issue 15).
    fut = col["future"]
    s.put(0, L0 + 3, f"=IFERROR(IF(OR(MIN({fut})<{vix};MIN({col['cost']})<0);\"Inverted VIX "
          f"curve: spot VIX \"&TEXT({vix};\"0.00\")&\" is above the layers' futures (\"&TEXT("
          f"MIN({fut});\"0.00\")&\" to \"&TEXT(MAX({fut});\"0.00\")&\"), so the carry shows "
          "rolling up the curve as a gain: a negative monthly cost. It assumes the curve stands "
          "still, while after a spike it usually falls back: read it as no roll-down cost, not "
          "as income (the debit is still paid).\";\"\");\"\")", "ALVH Howto")
    r = s.rng(0, L0 + 3, 13, L0 + 3)
    r.merge(True)
    r.IsTextWrapped = True
    s.heights({L0 + 3: 1000})

    # Checks (rows 18-23).
    C0 = L0 + 5
    s.header(0, C0, ["Check", "Value", "Unit", "Target", "Verdict"])
    cost_formula, cost_call = both("ALVH_COST")
    cov = s.output(C0 + 1, "Coverage of the VIX loss", "=" + quiet(f"SUM({col['coverage']})"),
                   "share", "0.0%")
    s.put(3, C0 + 1, "=" + quiet("TEXT(ALVH_POLICY(\"coverage_low\";" + pol + ");\"0%\")&"
          "\" - \"&TEXT(ALVH_POLICY(\"coverage_high\";" + pol + ");\"0%\")"), "ALVH Value")
    s.put(4, C0 + 1, "=" + quiet(f"IF(AND({cov}>=ALVH_POLICY(\"coverage_low\";{pol});{cov}<="
          f"ALVH_POLICY(\"coverage_high\";{pol}));\"IN BAND\";\"OUT OF BAND\")"),
          "ALVH Output")
    cost = s.output(C0 + 2, "Monthly cost", "=" + quiet(cost_formula), "of notional",
                    "0.000%")
    s.put(3, C0 + 2, "0.35-0.65%", "ALVH Value")
    s.put(4, C0 + 2, "=" + quiet(f"IF({cost}<0.0035;\"BELOW RANGE\";IF({cost}>0.0065;"
                                 "\"ABOVE RANGE\";\"IN RANGE\"))"), "ALVH Output")
    s.output(C0 + 3, "Monthly cost", "=" + quiet(f"{cost}*{notional}"), "dollars", "#,##0.00")
    s.output(C0 + 4, "Debit of the three layers", "=" + quiet(f"SUM({col['debit']})"),
             "dollars", "#,##0.00")
    s.note(0, C0 + 1, "The share of the condor's loss per VIX point that the layers offset "
           "(their vega over the condor's): the method aims for 40-60%.")
    s.note(0, C0 + 2, "ALVH_COST: the three layers' monthly carry as a share of the notional; "
           "the method quotes 0.35-0.65% a month.")
    s.conditional(4, C0 + 1, 4, C0 + 2, [("EQUAL", "\"IN BAND\"", "ALVH Good"),
                                         ("EQUAL", "\"IN RANGE\"", "ALVH Good"),
                                         ("NOT_EQUAL", "\"\"", "ALVH Bad")])
    s.status(0, C0 + 5, status_formula(upstream=[layers_ok], calls=[
        cost_call, ("ALVH_POLICY", f"\"coverage_low\";{pol}")]), "Status of the checks",
        span=13, lines=1)

    # Sizing: the rule against the vega calibration (rows 25-30).
    S0 = C0 + 7
    unit = col["unit"]
    s.section(0, S0, "Sizing: by the rule and by vega calibration")
    sizing_ok = s.status(0, S0 + 1, status_formula(upstream=[layers_ok], calls=[
        ("ALVH_SIZE", f"{notional};;{pol}"), ("ALVH_CALIBRATE", f"{cvega};{unit};;{pol}")]),
        span=13, lines=1)
    s.header(0, S0 + 2, ["Sizing", "Layer 1 (contracts)", "Layer 2 (contracts)",
                         "Layer 3 (contracts)", "Coverage (share)"])
    rule, calib = S0 + 3, S0 + 4
    s.put(0, rule, "Per-notional rule (ALVH_SIZE)")
    s.array(1, rule, 3, rule, "=" + quiet(f"ALVH_SIZE({notional};;{pol})"), fmt="0")
    s.put(4, rule, "=" + quiet(f"SUMPRODUCT(B{rule + 1}:D{rule + 1};TRANSPOSE({unit}))/"
                               f"ABS({cvega})"), "ALVH Output", "0.0%")
    s.put(0, calib, "Vega calibration (ALVH_CALIBRATE)")
    s.array(1, calib, 4, calib, "=" + quiet(f"ALVH_CALIBRATE({cvega};{unit};;{pol})"))
    s.style(1, calib, 3, calib, fmt="0")
    s.style(4, calib, 4, calib, fmt="0.0%")
    s.put(0, calib + 1, "Rule / calibration (contracts)")
    s.put(1, calib + 1, "=" + quiet(f"SUM(B{rule + 1}:D{rule + 1})/SUM(B{calib + 1}:"
                                    f"D{calib + 1})"), "ALVH Output", "0.00\"x\"")

    # Coverage by layer, rule and calibration: the chart's table.
    T0 = S0 + 7
    s.section(0, T0, "Coverage by layer (the chart's data)")
    s.header(0, T0 + 1, ["Layer", "By the policy's sizing (share)",
                         "By vega calibration (share)"])
    for i in range(3):
        r = T0 + 2 + i
        s.put(0, r, f"Layer {i + 1}", "ALVH Value")
        s.put(1, r, f"=IF(ISNUMBER(M{L0 + 1 + i});M{L0 + 1 + i};\"\")", "ALVH Output", "0.0%")
        s.put(2, r, "=" + quiet(f"INDEX($B${calib + 1}:$D${calib + 1};1;{i + 1})*"
                                f"N{L0 + 1 + i}/ABS({cvega})"), "ALVH Output", "0.0%")
    s.status(0, T0 + 5, status_formula(upstream=[sizing_ok]), span=13, lines=1)
    s.widths([46, 24, 22, 22, 26, 22, 20, 22, 20, 20, 24, 22, 22, 24])
    s.fit_rows(4, L0 - 1, S0 + 2, T0 + 1, SETTINGS_ROW)
    ch = s.chart("CoverageByLayer", (7, 4), (150, 40), [(0, T0 + 1, 2, T0 + 4)],
                 "com.sun.star.chart.BarDiagram", "Coverage of the condor's VIX loss by layer",
                 None, None, True, True)
    ch.Diagram.Vertical = True  # horizontal bars: a wide, short chart beside the inputs
    ch.Diagram.YAxis.AutoMin = False
    ch.Diagram.YAxis.Min = 0.0
    ch.Diagram.YAxis.LinkNumberFormatToSource = False
    ch.Diagram.YAxis.NumberFormat = book.fmt("0%")
    import uno
    ch.Legend.Alignment = uno.Enum("com.sun.star.chart.ChartLegendPosition", "RIGHT")
    s.protect()
    return book


TEMPLATE = Template("schedule", "alvh-layer-schedule",
                    ("ALVH_SCHEDULE", "ALVH_CALIBRATE", "ALVH_COST", "ALVH_POLICY",
                     "VIX_LAYER_VEGA", "ALVH_SIZE", "ALVH_ERROR"), build)
