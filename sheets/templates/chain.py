"""Template 6, alvh-chain: CBOE's option chain download (quotedata.csv) pasted or opened as it is
on the Quotes tab, read by the chain functions (issue 17): the expiries with their forward,
discount, rate and at-the-money vol from put-call parity (CHAIN_SUMMARY), one expiry's smile
with its chart (CHAIN_SMILE), and a short iron condor picked from the listed strikes at the
chosen delta and wing with its credit at mid and at natural and its risk profile at expiry
(CHAIN_CONDOR).

First screen (1366x768): the inputs and the condor's key figures (A:C), the smile chart and the
risk profile beside them; the condor's every figure, the expiries and the smile below. Each
function runs once, as one array formula over a block sized for the largest answer, blank
after the last row."""
import csv
import os

from .checks import date, inputs_checks, number, quiet, status_formula, text_ok
from .document import Input, new_template
from .shared import Template

CAP = 12000        # rows of the Quotes tab the functions read (a full SPX download: ~10,000)
EXPIRIES = 60      # rows of the expiries block
STRIKES = 600      # rows of the smile block
GRID = 41          # prices of the risk profile
SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "data",
                      "chain_spx_20230914.csv")
Q0 = 4             # 0-based row of the Quotes tab where the download's line 1 goes (A5)
CHAIN = f"$Quotes.$A${Q0 + 1}:$V${Q0 + CAP}"
PRINTED = 60       # rows of the Quotes tab that print (Format > Print Ranges for more)

INPUTS = [  # rows 6-11
    Input("Expiry of the smile", 45219, "date", "YYYY-MM-DD",
          "The expiration whose smile the chart shows, e.g. 2023-10-20 (the Expiries block "
          "below lists the chain's).", date("the expiry of the smile", "2023-10-20")),
    Input("Root", "SPX", "SPX, SPXW, VIX ...", "@",
          "The option root when two list the same date (SPX: AM-settled monthly; SPXW: PM); "
          "empty: the expiry's only root, and for the condor any root.",
          text_ok("the option root, e.g. SPX or SPXW", 7), False),
    Input("Condor days to expiry", 35, "calendar days", "0",
          "The condor uses the unsettled expiry nearest this many days.",
          number(1, 1000, "the days to expiry", "calendar days", "35", whole=True)),
    Input("Short strike delta", 0.16, "decimal, unsigned", "0.00",
          "Delta of the short strikes, unsigned, as a decimal: 0.16 is the 16-delta strike; "
          "each listed strike at its own implied vol.",
          number(0.01, 0.49, "the short strikes' delta", "decimal (0.16 = 16 delta)", "0.16")),
    Input("Wing width", 50, "index points", "0",
          "Long strikes this far beyond the shorts (the nearest listed strike).",
          number(1, 2000, "the wing width", "index points", "50")),
    Input("Contracts", 1, "condors", "0",
          "Number of condors; SPX options are 100 dollars per point.",
          number(1, 100000, "the number of condors", "contracts", "1", whole=True)),
]

# The condor's rows (CHAIN_CONDOR) shown on the first screen: key, label, unit, format.
KEY = [("short_put", "Short put", "strike", "#,##0"), ("long_put", "Long put", "strike", "#,##0"),
       ("short_call", "Short call", "strike", "#,##0"),
       ("long_call", "Long call", "strike", "#,##0"),
       ("credit_mid", "Credit at mid", "points per condor", "0.00"),
       ("credit_natural", "Credit at natural", "points (sell bid, buy ask)", "0.00"),
       ("max_loss", "Maximum loss", "points per condor, at mid", "0.00"),
       ("breakeven_lower", "Lower break-even", "index points", "#,##0.00"),
       ("breakeven_upper", "Upper break-even", "index points", "#,##0.00")]
# CHAIN_CONDOR's keys in the order it returns them (fn_chain.c, condor_rows).
ORDER = ["expiry", "root", "days", "forward", "discount", "short_put", "long_put", "short_call",
         "long_call", "put_wing", "call_wing", "credit_mid", "credit_natural", "max_loss",
         "max_loss_natural", "breakeven_lower", "breakeven_upper", "delta", "gamma", "vega",
         "theta", "short_put_iv", "short_put_delta", "long_put_iv", "long_put_delta",
         "short_call_iv", "short_call_delta", "long_call_iv", "long_call_delta"]
SUMMARY = ["Expiry (date)", "Root", "Days to settlement", "Forward (points)",
           "Discount factor", "At-the-money vol", "Strikes quoted", "Rate (continuous)",
           "Dividend yield (continuous)", "Pairs fitted", "Outliers", "Status"]
SMILE = ["Strike (points)", "Side", "Bid (points)", "Ask (points)", "Mid (points)",
         "Implied vol (mid)", "Delta", "Vol at bid", "Vol at ask", "CBOE's IV", "Status"]


def shaped(row, rows, call):
    """call's result over a block of rows rows from 0-based row: IF with a column of as many
    TRUEs gives the array formula the block's height (the rows the call does not return are
    #N/A, which quiet() empties); the call is evaluated once."""
    return f"IF(ROW($A${row + 1}:$A${row + rows})>0;{call})"


def sample():
    """The sample chain: a fixture in CBOE's layout (made-up quotes on the real calendar,
    tests/gen_chain_fixtures.py), as Calc's import reads it: numbers as numbers."""
    def cell(x):
        try:
            return float(x)
        except ValueError:
            return x
    with open(SAMPLE, encoding="utf-8", newline="") as f:
        rows = [[cell(x) for x in r] for r in csv.reader(f)]
    return [r + [""] * (22 - len(r)) for r in rows]


def quotes_tab(book):
    """The Quotes tab: its title lines, then the download from A5, as it is (the range's row N
    is the file's line N: line 1 on row 5)."""
    q = book.sheet("Quotes")
    q.title("ALVH Calc - Quotes: paste CBOE's option chain download here",
            "open quotedata.csv in Calc (or download it), copy all its cells and paste them at "
            f"A5 as they are, from its first line (up to {CAP:,} rows); the Chain tab reads "
            "them. A status line's \"row N\" is the download's line N (line 1 is row 5 here).")
    rows = sample()
    q.input_cells(0, Q0, 21, Q0 + CAP - 1, None,
                  text_ok("a field of the chain download", 200))
    q.rng(0, Q0, 21, Q0 + len(rows) - 1).setDataArray(tuple(tuple(r) for r in rows))
    q.note(0, Q0, "Paste CBOE's delayed quotes download (quotedata.csv) here as it is, from its "
           "first line: line 1 the underlying and Last, line 2 the quote time, line 3 the "
           "header, one row per expiry and strike. Clear the sample first (made-up quotes on "
           "the real calendar).")
    q.widths([30, 44, 16, 12, 14, 14, 14, 12, 12, 12, 16, 16, 44] + [14] * 9)
    q.print_area(21, Q0 + PRINTED)
    return q


def build(office, alvh):
    book, s = new_template(
        office, "Option chain", "Chain",
        "ALVH Calc - Option chain: forward, smile and a condor from CBOE's quotes",
        "paste or open CBOE's quotedata.csv on the Quotes tab as it is; choose the expiry of "
        "the smile and the condor's days, delta and wing; read the condor from the listed "
        "strikes, its credit and risk, the smile and each expiry's forward and rate below.")
    cells = s.inputs(5, INPUTS)
    expiry, root, dte, delta, wing, n = cells
    quotes = quotes_tab(book)
    checks = inputs_checks(INPUTS, cells)
    root_arg = f'IF({root}="";"";{root})'

    # Every figure of the condor (rows 28-56), the first screen reads it.
    c0 = 27
    s.section(0, c0, "The condor from the quotes (CHAIN_CONDOR)")
    condor_args = f"{CHAIN};{dte};{delta};{wing};{root_arg}"
    s.header(0, c0 + 1, ["Key", "Value"])
    rows = len(ORDER)
    s.array(0, c0 + 2, 1, c0 + 1 + rows, "=" + quiet(shaped(c0 + 2, rows,
                                                            f"CHAIN_CONDOR({condor_args})")),
            style="ALVH Value", fmt="General")
    block = f"$A${c0 + 3}:$B${c0 + 2 + rows}"

    def figure(key):
        # By position: CHAIN_CONDOR's rows come in a fixed order (ORDER); a lookup by the key
        # text would fail, as Calc 7.4 compares an add-in's array text unequal to typed text.
        return f"INDEX({block};{ORDER.index(key) + 1};2)"

    # The first screen: the condor's status and key figures (rows 13-25).
    k0 = 12
    s.status(0, k0, status_formula(checks, calls=[("CHAIN_CONDOR", condor_args)],
                                               when=f"COUNT($B${c0 + 3}:$B${c0 + 2 + rows})=0"),
                         "Condor", span=2, lines=2)
    s.header(0, k0 + 1, ["The condor", "Value", "Unit"])
    s.output(k0 + 2, "Expiry", "=" + quiet(figure("expiry")), "=" + quiet(
        f'{figure("root")}&", "&TEXT({figure("days")};"0")&" days"'), "YYYY-MM-DD")
    for i, (key, label, unit, fmt) in enumerate(KEY):
        s.output(k0 + 3 + i, label, "=" + quiet(figure(key)), unit, fmt)
    dollars = f"{figure('credit_mid')}*100*{n}"
    s.output(k0 + 3 + len(KEY), "Credit at mid, all condors", "=" + quiet(dollars), "dollars",
             "#,##0")
    s.note(0, k0 + 7, "Credit at mid: sell the shorts and buy the wings at the mid of each "
           "quote; at natural: sell at the bid and buy at the ask (what a market order gets).")

    # The expiries (rows 60-): one CHAIN_SUMMARY.
    e0 = c0 + rows + 4
    s.section(0, e0, "The expiries: forward and discount from put-call parity (CHAIN_SUMMARY)")
    s.status(0, e0 + 1, status_formula(checks, calls=[("CHAIN_SUMMARY", f"{CHAIN}")],
                                       when=f"COUNT($A${e0 + 4}:$A${e0 + 3 + EXPIRIES})=0"),
             span=11, lines=1)
    s.header(0, e0 + 2, SUMMARY)
    s.array(0, e0 + 3, 11, e0 + 2 + EXPIRIES, "=" + quiet(shaped(e0 + 3, EXPIRIES,
                                                                 f"CHAIN_SUMMARY({CHAIN})")),
            runs=[(0, 0, "YYYY-MM-DD"), (2, 2, "0.00"), (3, 3, "#,##0.00"), (4, 4, "0.000000"),
                  (5, 5, "0.00%"), (6, 6, "0"), (7, 8, "0.000%"), (9, 10, "0")])

    # The smile (rows 126-): one CHAIN_SMILE of the chosen expiry.
    m0 = e0 + EXPIRIES + 5
    smile_args = f"{CHAIN};{expiry};{root_arg}"
    s.section(0, m0, "The smile of the chosen expiry (CHAIN_SMILE): each strike's "
              "out-of-the-money option")
    s.status(0, m0 + 1, status_formula(checks, calls=[("CHAIN_SMILE", smile_args)],
                                       when=f"COUNT($A${m0 + 4}:$A${m0 + 3 + STRIKES})=0"),
             span=10, lines=1)
    s.header(0, m0 + 2, SMILE)
    s.array(0, m0 + 3, 10, m0 + 2 + STRIKES, "=" + quiet(shaped(m0 + 3, STRIKES,
                                                                f"CHAIN_SMILE({smile_args})")),
            runs=[(0, 0, "#,##0"), (2, 4, "0.00"), (5, 5, "0.00%"), (6, 6, "0.000"),
                  (7, 9, "0.00%")])

    # The risk profile at expiry (helper rows at the bottom): P&L of all condors in dollars.
    r0 = m0 + STRIKES + 5
    s.section(0, r0, "Risk profile at expiry (the chart's data): P&L of all condors, dollars")
    s.header(0, r0 + 1, ["SPX at expiry (points)", "P&L (dollars)"])
    lp, sp, sc, lc = (figure(k) for k in ("long_put", "short_put", "short_call", "long_call"))
    lo, hi = f"({lp}-({sp}-{lp}))", f"({lc}+({lc}-{sc}))"
    for i in range(GRID):
        r = r0 + 2 + i
        s.put(0, r, "=" + quiet(f"{lo}+({hi}-{lo})*{i}/{GRID - 1}"), "ALVH Output", "#,##0")
        x = f"A{r + 1}"
        s.put(1, r, "=" + quiet(f"({figure('credit_mid')}-MAX(0;{sp}-{x})+MAX(0;{lp}-{x})"
                                f"-MAX(0;{x}-{sc})+MAX(0;{x}-{lc}))*100*{n}"),
              "ALVH Output", "#,##0")

    s.widths([48, 26, 40, 22, 22, 20, 20, 20, 20, 20, 20, 24])
    s.fit_rows(4, k0 + 1, e0 + 2, m0 + 2, r0 + 1)
    s.print_area(11, e0 + 2 + 24)  # the charts, the condor and the first 24 expiries
    _charts(s, book, m0, r0)
    for sheet in (s, quotes):
        sheet.protect()
    return book


def _charts(s, book, m0, r0):
    s.doc.calculateAll()  # a chart finds its series in the values its ranges hold
    ch = s.chart("Smile", (4, 4), (120, 78), [(0, m0 + 2, 0, m0 + 2 + STRIKES),
                                              (5, m0 + 2, 5, m0 + 2 + STRIKES)],
                 "com.sun.star.chart.XYDiagram", "Smile of the chosen expiry (mid vols)",
                 "Strike (points)", "Implied vol", True, False)
    ch.Diagram.SymbolType = -3
    ch.Diagram.Lines = True
    ch.Diagram.YAxis.LinkNumberFormatToSource = False
    ch.Diagram.YAxis.NumberFormat = book.fmt("0%")
    ch = s.chart("RiskProfile", (9, 4), (110, 78), [(0, r0 + 1, 1, r0 + 1 + GRID)],
                 "com.sun.star.chart.XYDiagram", "The condor at expiry (dollars)",
                 "SPX at expiry (points)", "P&L (dollars)", True, False)
    ch.Diagram.SymbolType = -3
    ch.Diagram.Lines = True


TEMPLATE = Template("chain", "alvh-chain",
                    ("CHAIN_SUMMARY", "CHAIN_SMILE", "CHAIN_CONDOR", "ALVH_ERROR"), build,
                    pages_tall=0)
