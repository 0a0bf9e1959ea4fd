"""Policy settings as input cells (issue 15): the keys a template uses, each a row of a two-column
key/value range that the template passes as its functions' [policy] argument (every [policy]
argument reads such a range: keys as ALVH_POLICY names them, dotted paths such as
signals.rsi_level, blank rows skipped).

A row: label | policy key (grey) | value (yellow, with its validity rule) | unit. The key cell is
a formula that shows the key while the value cell holds something and nothing when it is empty,
so an emptied value is a blank row (skipped): the policy's default. The values start at the
defaults (ALVH_POLICY of the default policy, read when the template is built)."""
import json
import subprocess
from typing import NamedTuple, Optional

from .checks import choice, number, percent
from .document import Validity, addr


class Setting(NamedTuple):
    label: str                   # what it is, in words
    key: str                     # the policy key, a dotted path (signals.rsi_level)
    unit: str
    fmt: Optional[str]           # number format of the value cell (None: the default)
    valid: Validity
    note: str


def defaults(alvh, keys):
    """{key: default value} from the CLI (`alvh call ALVH_POLICY key`): numbers as floats,
    words as text, true/false as booleans."""
    out = {}
    for key in keys:
        text = subprocess.run([alvh, "call", "ALVH_POLICY", key], check=True,
                              capture_output=True, text=True).stdout.strip()
        try:
            out[key] = json.loads(text)
        except ValueError:
            out[key] = text
    return out


YES_NO = "TRUE();FALSE()"


def yes_no(what):
    """TRUE or FALSE from a dropdown (Calc's logical values, which the policy reads as
    true/false)."""
    return Validity("LIST", "EQUAL", YES_NO, "",
                    f"Pick {what} from the list: TRUE or FALSE.",
                    f"{what[0].upper() + what[1:]} must be TRUE or FALSE: pick it from the list.")


def settings_block(s, row, settings, alvh, col=0):
    """The settings from row on (a header row first): returns the key/value range for the
    functions' [policy] argument and the value cells, as references with the sheet's name
    (other sheets' formulas read them too)."""
    sheet = f"${s.sh.Name}."
    s.header(col, row, ["Setting", "Policy key", "Value", "Unit"])
    s.note(col + 2, row, "The policy these functions read, as key/value rows (the key column "
           "and this one). Change a value; empty a value for the policy's default. Point at a "
           "setting's label for what it does.")
    start = row + 1
    values = defaults(alvh, [x.key for x in settings])
    cells = []
    for i, x in enumerate(settings):
        r = start + i
        value_cell = addr(col + 2, r)
        s.put(col, r, x.label)
        s.put(col + 1, r, f"=IF(ISBLANK({value_cell});\"\";\"{x.key}\")", "ALVH Key")
        v = values[x.key]
        cell = s.put(col + 2, r, None)
        if x.valid.formula1 == YES_NO:
            v = bool(v)
            cell.setFormula("TRUE" if v else "FALSE")  # a logical value, as typed
        elif isinstance(v, (int, float)):
            cell.setValue(float(v))
        else:
            cell.setString(str(v))
        s.input_cells(col + 2, r, col + 2, r, "BOOLEAN" if x.valid.formula1 == YES_NO else x.fmt,
                      x.valid)
        s.put(col + 3, r, x.unit, "ALVH Unit")
        s.note(col, r, f"{x.note} Policy key {x.key}; empty: the default ({_shown(v)}).")
        cells.append(sheet + value_cell)
    last = start + len(settings) - 1
    return f"{sheet}{addr(col + 1, start)}:{addr(col + 2, last)}", cells


def _shown(v):
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _layer_settings(i):
    return [
        Setting(f"Layer {i} calls per $100,000", f"layers.{i}.contracts", "contracts", "0.##",
                number(0, 1000, f"layer {i}'s contracts", "contracts per notional unit",
                       "4" if i < 3 else "2"),
                f"VIX calls of layer {i} per notional unit ($100,000) under the rule."),
        Setting(f"Layer {i} strike above its future", f"layers.{i}.otm_points", "VIX points",
                "0.0", number(-100, 100, f"layer {i}'s distance", "VIX points", str(i)),
                f"Layer {i}'s strike: its VIX future plus this many points, rounded up."),
        Setting(f"Layer {i} vol of vol", f"layers.{i}.vol_of_vol", "% a year", "0%",
                percent(0.01, 10, f"layer {i}'s vol of vol", 90 - 10 * (i - 1)),
                f"The implied vol of layer {i}'s VIX options (VIX options trade near 80-100%)."),
    ]


# The policy keys the templates show, each written once (label, key, unit, format, rule, note).
CATALOGUE = {x.key: x for x in [
    Setting("Notional basis", "notional_basis", "word", None,
            choice(["short_strike", "max_loss", "margin"], "the notional basis"),
            "What 'notional' measures: short strike (mean short strike x 100 x contracts), max "
            "loss, or margin (docs/hedge.md). The 4/4/2 rule is per $100,000 of it."),
    Setting("Hedge", "hedge_kind", "word", None,
            choice(["vix_calls", "spx_put_spread", "none"], "the hedge"),
            "Which hedge the scenarios reprice with the condor: vix_calls (the three ALVH "
            "layers), spx_put_spread (an SPX put spread of the same monthly cost, "
            "ALVH_PUT_SPREAD) or none (the condor alone)."),
    Setting("Sizing", "sizing", "word", None, choice(["rule", "vega"], "the sizing method"),
            "rule: 4/4/2 calls per $100,000 of notional; vega: as many calls, in the same "
            "proportions, as bring the coverage nearest the target."),
    Setting("Rounding of contracts", "rounding", "word", None,
            choice(["nearest", "down", "up"], "the rounding"),
            "How the rule's contract counts are rounded to whole contracts."),
    Setting("Coverage target", "coverage_target", "of the condor's VIX loss", "0%",
            percent(0.01, 10, "the coverage target", 50),
            "The share of the condor's VIX loss the vega sizing aims for."),
    Setting("Coverage band, low", "coverage_low", "of the condor's VIX loss", "0%",
            percent(0, 10, "the band's low end", 40), "The coverage check's lower bound."),
    Setting("Coverage band, high", "coverage_high", "of the condor's VIX loss", "0%",
            percent(0.01, 10, "the band's high end", 60), "The coverage check's upper bound."),
    Setting("Cost method", "cost_method", "word", None,
            choice(["carry", "debit"], "the cost method"),
            "carry: each layer's debit minus its value at the roll date; debit: the whole debit "
            "spread over the holding."),
    Setting("Layers on different expiries", "distinct_expiries", "TRUE or FALSE", None,
            yes_no("whether layers take different expiries"),
            "TRUE: each layer takes an expiry after the previous layer's."),
    Setting("VIX long-run level", "vix_long_run", "VIX points", "0.0",
            number(1, 200, "the long-run VIX level", "VIX points", "20"),
            "The model VIX curve's level far out (used without quoted futures)."),
    Setting("VIX mean-reversion speed", "vix_speed", "per year", "0.0",
            number(0, 100, "the mean-reversion speed", "per year", "4.3"),
            "How fast the model VIX curve moves from spot toward the long-run level."),
    Setting("SPX vol per VIX point", "backtest.vol_beta", "vol points per VIX point", "0.00",
            number(0, 10, "the vol beta", "vol points per VIX point", "1"),
            "How many points the condor's implied vols move per VIX point in a shock."),
    Setting("Smile slope in a shock", "backtest.skew", "0 = flat smile", "0.00",
            number(-20, 20, "the smile slope", "relative units", "2"),
            "The relative smile slope the shocked legs' vols follow."),
] + _layer_settings(1) + _layer_settings(2) + _layer_settings(3)}


def catalogue(*keys):
    """The catalogue's settings for keys, in that order."""
    return [CATALOGUE[k] for k in keys]


def settings_checks(settings, cells):
    """The status lines' checks of settings blocks' value cells (an empty value is fine: the
    policy's default)."""
    from .checks import inputs_checks
    from .document import Input
    return inputs_checks([Input(x.label, None, x.unit, x.fmt, x.note, x.valid, False)
                          for x in settings], cells)
