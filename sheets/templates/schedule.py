"""Template 2, alvh-layer-schedule: the three VIX call layers (ALVH_SCHEDULE) from a date, spot VIX
or pasted futures, the condor's notional and VIX vega; contracts by the rule and by vega
calibration; coverage against the 40-60% band and monthly cost against 0.35-0.65%, flagged; the
coverage-by-layer chart."""
from .document import Input, new_template, text_arg
from .shared import Template, schedule_formats


INPUTS = [  # rows 6-10
    Input("Valuation date", 46037, "date (US/Eastern)", "YYYY-MM-DD",
          "The trading day the schedule is built for, as a date (a spreadsheet serial date). "
          "Layers pick VIX expiries by days from this date."),
    Input("Spot VIX", 16, "index points", "0.00",
          "Spot VIX index level in points. Typical: 12-35 (long-run mean about 19-20)."),
    Input("Condor notional", 250000, "dollars", "#,##0",
          "The condor position's notional in dollars, as the policy's notional_basis measures it "
          "(default: short strike x 100 x contracts; ALVH_NOTIONAL computes it). The rule sizes "
          "4/4/2 calls per $100,000."),
    Input("Condor VIX vega", -1500, "dollars per VIX point", "#,##0.00",
          "Dollars the condor position changes for a +1 point move in VIX (CONDOR_VIX_VEGA; the "
          "Condor legs template shows it). Negative for short condors. Typical: -200 to -3000."),
    Input("Policy (optional)", None, "JSON text or file path", None,
          "Optional ALVH policy as JSON text, e.g. {\"sizing\":\"vega\"} or "
          "{\"coverage_target\":0.45}, or the path of a JSON file. Empty: the built-in default "
          "policy."),
]


def build(office, alvh):
    book, s = new_template(
        office, "Layer schedule", "Schedule", "ALVH Calc - VIX call hedge: the three layers",
        "enter the valuation date, spot VIX (or paste quoted VIX futures on the right), the "
        "condor's notional and VIX vega; read the layer table, the coverage against the "
        "40-60% band and the monthly cost against 0.35-0.65%.")
    val, vix, notional, cvega, policy = s.inputs(5, INPUTS)
    pol = text_arg(policy)
    s.section(4, 4, "Quoted VIX futures (optional)", ["Expiry (date)", "Price (VIX points)"])
    s.input_cells(4, 6, 4, 13, "YYYY-MM-DD")
    s.input_cells(5, 6, 5, 13, "0.00")
    s.note(4, 6, "Optional: paste quoted VIX futures, one per row: expiry date (a date) and "
           "price in VIX points, nearest expiry first (e.g. 2026-01-21, 16.9). Leave the block "
           "empty to use the mean-reverting model curve (VIX_FUT). Expired rows are skipped.")
    futures = "$E$7:$F$14"

    s.section(0, 15, "The layers (ALVH_SCHEDULE)",
              ["Layer", "Expiry (date)", "Days to expiry", "Strike (VIX points)",
               "Contracts (by the policy's sizing)", "VIX future (points)",
               "Call price (VIX points)", "Debit (dollars)", "Delta (per VIX future point)",
               "Beta (future per spot VIX point)", "Layer vega (dollars per VIX point)",
               "Monthly cost (% of notional)", "Coverage (share of condor VIX loss)",
               "Vega of 1 contract (dollars per VIX point)"])
    # A blank futures block is "no futures" (the model curve): the function is called without it.
    sched = f"{val};{vix};{notional};{cvega};{pol}"
    s.array(0, 17, 12, 19, f"=IF(COUNT({futures})=0;ALVH_SCHEDULE({sched});"
            f"ALVH_SCHEDULE({sched};{futures}))")
    s.formats(0, 17, 19, schedule_formats("#,##0.00"))
    for i in range(3):
        r = 17 + i + 1
        s.put(13, 16 + i + 1,
              f"=VIX_LAYER_VEGA(1;F{r};D{r};C{r}/365;ALVH_POLICY(\"layers.{i + 1}.vol_of_vol\";"
              f"{pol});0;J{r})", "ALVH Output", "#,##0.00")

    s.section(0, 21, "Sizing: by the rule and by vega calibration",
              ["Sizing", "Layer 1 (contracts)", "Layer 2 (contracts)", "Layer 3 (contracts)",
               "Coverage (share)"])
    s.put(0, 23, "Per-notional rule (ALVH_SIZE)")
    s.array(1, 23, 3, 23, f"=ALVH_SIZE({notional};;{pol})", fmt="0")
    s.put(4, 23, f"=SUMPRODUCT(B24:D24;TRANSPOSE($N$18:$N$20))/ABS({cvega})", "ALVH Output",
          "0.0%")
    s.put(0, 24, "Vega calibration (ALVH_CALIBRATE)")
    s.array(1, 24, 4, 24, f"=ALVH_CALIBRATE({cvega};$N$18:$N$20;;{pol})")
    s.style(1, 24, 3, 24, fmt="0")
    s.style(4, 24, 4, 24, fmt="0.0%")
    s.put(0, 25, "Rule / calibration (contracts, all layers)")
    s.put(1, 25, "=SUM(B24:D24)/SUM(B25:D25)", "ALVH Output", "0.00\"x\"")

    s.section(0, 27, "Checks", ["Figure", "Value", "Unit", "Target", "Verdict"])
    cov = s.output(29, "Coverage of the schedule", "=SUM($M$18:$M$20)", "share of condor VIX loss",
                   "0.0%")
    s.put(3, 29, "=TEXT(ALVH_POLICY(\"coverage_low\";" + pol + ");\"0%\")&\" - \"&"
          "TEXT(ALVH_POLICY(\"coverage_high\";" + pol + ");\"0%\")", "ALVH Value")
    s.put(4, 29, f"=IF(AND({cov}>=ALVH_POLICY(\"coverage_low\";{pol});{cov}<="
          f"ALVH_POLICY(\"coverage_high\";{pol}));\"IN BAND\";\"OUT OF BAND\")", "ALVH Output")
    cost = s.output(30, "Monthly cost (ALVH_COST)",
                    f"=IF(COUNT({futures})=0;ALVH_COST({sched});ALVH_COST({sched};{futures}))",
                    "% of notional per month", "0.000%")
    s.put(3, 30, "0.35% - 0.65%", "ALVH Value")
    s.put(4, 30, f"=IF({cost}<0.0035;\"BELOW RANGE\";IF({cost}>0.0065;\"ABOVE RANGE\";"
          "\"IN RANGE\"))", "ALVH Output")
    s.output(31, "Monthly cost in dollars", f"={cost}*{notional}", "dollars per month",
             "#,##0.00")
    s.output(32, "Total debit of the three layers", "=SUM($H$18:$H$20)", "dollars", "#,##0.00")
    s.conditional(4, 29, 4, 30, [("EQUAL", "\"IN BAND\"", "ALVH Good"),
                                 ("EQUAL", "\"IN RANGE\"", "ALVH Good"),
                                 ("NOT_EQUAL", "\"\"", "ALVH Bad")])

    # Coverage by layer, rule and calibration, for the chart.
    s.section(0, 34, "Coverage by layer",
              ["Layer", "By the policy's sizing (share)", "By vega calibration (share)"])
    for i in range(3):
        r = 36 + i
        s.put(0, r, f"Layer {i + 1}", "ALVH Value")
        s.put(1, r, f"=M{18 + i}", "ALVH Output", "0.0%")
        s.put(2, r, f"=INDEX($B$25:$D$25;1;{i + 1})*N{18 + i}/ABS({cvega})", "ALVH Output",
              "0.0%")
    s.widths([58, 26, 24, 26, 30, 22, 22, 24, 22, 22, 26, 22, 24, 26])
    s.heights({16: 1500, 22: 900, 35: 900})
    ch = s.chart("CoverageByLayer", (4, 34), (150, 70), [(0, 35, 2, 38)],
                 "com.sun.star.chart.BarDiagram", "Coverage of the condor's VIX loss by layer",
                 None, "Share of the condor's loss per VIX point", True, True)
    ch.Diagram.YAxis.AutoMin = False
    ch.Diagram.YAxis.Min = 0.0
    s.protect()
    return book


TEMPLATE = Template("schedule", "alvh-layer-schedule",
                    ("ALVH_SCHEDULE", "ALVH_CALIBRATE", "ALVH_COST", "ALVH_POLICY",
                     "VIX_LAYER_VEGA", "ALVH_SIZE"), build)
