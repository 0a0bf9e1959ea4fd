"""What the template modules share besides the document toolkit: the record each one declares
(Template), the number formats of the ALVH functions' array results that several templates show,
and the sample market the pasted-data templates come with."""
import csv
import io
import subprocess
from typing import Callable, NamedTuple, Tuple


class Template(NamedTuple):
    """One template, as its module declares it (TEMPLATE = Template(...))."""
    key: str                  # its name for build_templates.py --only
    file: str                 # sheets/<file>.fods
    needs: Tuple[str, ...]    # the functions it calls: built only when the add-in has them all
    build: Callable           # build(office, alvh) -> document.Book; alvh: the CLI's path
    pages_tall: int = 1       # printed one page wide and this many pages tall (0: as needed)


# Number formats of the columns of a function's array result, as (first, last column, format)
# relative to the result's first column.
# IC_LEGS: type, strike, quantity, years, vol, price, delta, gamma, vega, theta.
LEGS_FORMATS = [(1, 1, "#,##0"), (2, 2, "+0;-0"), (3, 3, "0.0000"), (4, 4, "0.00%"),
                (5, 5, "0.00"), (6, 6, "0.0000"), (7, 7, "0.000000"), (8, 9, "0.000")]


def schedule_formats(debit):
    """ALVH_SCHEDULE: layer, expiry, days, strike, contracts, future, price, debit (in format
    debit), delta, beta, vega, monthly cost, coverage."""
    return [(0, 0, "0"), (1, 1, "YYYY-MM-DD"), (2, 2, "0.0"), (3, 4, "0"), (5, 6, "0.00"),
            (7, 7, debit), (8, 9, "0.000"), (10, 10, "#,##0.00"), (11, 12, "0.00%")]


def notional_unit(pol):
    """The unit of a condor notional, with the basis the policy pol measures it on: "dollars,
    short-strike basis" (the same words wherever a template shows or asks for a notional)."""
    return (f"=\"dollars, \"&SUBSTITUTE(IFERROR(ALVH_POLICY(\"notional_basis\";{pol});"
            f"\"short_strike\");\"_\";\"-\")&\" basis\"")


def sample_market(alvh, days, *options):
    """The rows (dicts keyed by the CSV header: date, spx, vix, ...) of the synthetic market
    `alvh market bear2022 [options] --days N`: sample data, not history."""
    out = subprocess.run([alvh, "market", "bear2022", *options, "--days", str(days)],
                         check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))
