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
