#!/usr/bin/env python3
"""Every error sentence names what went wrong (issue 19): for a generated set of failing calls of
every function (tests/hostile.py: each argument of the richest example replaced in turn by a
hostile value, too few and too many arguments), the sentence `alvh call` prints must contain

  - the name of an argument of that function, as the Function Wizard names it, as a whole word
    ("days" does not name days_forward), or the function's name for an ARG_COUNT error;
  - the value that was given: a number as the table prints numbers (15 significant digits, or
    17 when 15 do not read back), a text's first 40 characters, "required"/"empty"/"nothing"
    for an empty or omitted argument, the shape ("3x2") or the count of a range that has the
    wrong size, or the value of the range cell that was changed.

usage: test_error_sentences.py ALVH [--list] [--full]
  --list  print every failing call and its sentence (the audit list), then the verdicts
  --full  the sweep's full set of hostile values (slower)
Standard library only.
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile import OMIT, Range, cli_field, hostile_calls, richest_example  # noqa: E402


def number_forms(x):
    """How a sentence may print the number x: the table's %.15g (or %.17g when that does not
    read back), and Python's repr."""
    forms = {"%.15g" % x, "%.17g" % x, repr(x)}
    if x == int(x) and abs(x) < 1e15:
        forms.add(str(int(x)))
    return forms


# A single value where a range belongs is one cell, which a sentence names by its count.
COUNT_FORMS = ("got 1", "1 value", "1 column", "1 row", "1x1", "1 x 1", "1 number", "1 item",
               "and 1", "for 1", ", 1 and")
EMPTY_WORDS = ("required", "empty", "nothing", "missing", "blank")
NO_CELL = object()  # changed_cell(): not a single cell changed


def names_value(sentence, value, cell, kind):
    """True when the sentence names the value given: value replaced an argument of type kind;
    cell is the one range cell that changed (or NO_CELL)."""
    if isinstance(value, bool):
        value = float(value)
    if isinstance(value, Range):
        if cell is not NO_CELL:
            if cell is None and re.search(r"got \d+", sentence):
                return True  # an emptied cell at a range's end is dropped: the count shows it
            return names_value(sentence, cell, NO_CELL,
                               "number_array" if kind == "number_array" else None)
        rows, cols = value.shape
        forms = {f"{rows}x{cols}", f"got {rows * cols}", f"got {rows}", f"got {cols}",
                 f"{rows} rows", f"{cols} columns", f"{rows * cols} values", f"got {rows} and",
                 f"and {rows}"}
        return any(f in sentence for f in forms) or bool(re.search(r"\b(row|item|column) \d+",
                                                                   sentence))
    if kind in ("range", "number_array") and value is not OMIT and value is not None and \
            any(f in sentence for f in COUNT_FORMS):
        return True
    if kind == "number_array" and (value is None or isinstance(value, str)) and \
            names_value(sentence, 0.0, NO_CELL, None):
        return True  # Calc and the table read an empty or text cell of a number array as 0
    if value is OMIT or value is None or value == "":
        return any(w in sentence.lower() for w in EMPTY_WORDS)
    if isinstance(value, float):
        return any(f in sentence for f in number_forms(value))
    if isinstance(value, str):
        return value[:40] in sentence
    return True


def changed_cell(base, value):
    """The value of the one cell of a Range that differs from the example's range, else
    NO_CELL."""
    if not (isinstance(base, Range) and isinstance(value, Range) and base.shape == value.shape):
        return NO_CELL
    diff = [c2 for r1, r2 in zip(base.rows, value.rows) for c1, c2 in zip(r1, r2)
            if not (c1 == c2 or (c1 != c1 and c2 != c2))]
    return diff[0] if len(diff) == 1 else NO_CELL


def whole_word(name, sentence):
    return re.search(r"(?<![A-Za-z0-9_])" + re.escape(name) + r"(?![A-Za-z0-9_])",
                     sentence) is not None


def main():
    alvh = sys.argv[1]
    listing = "--list" in sys.argv
    full = "--full" in sys.argv
    table = json.loads(subprocess.run([alvh, "list", "--json"], capture_output=True, text=True,
                                      check=True).stdout)
    calls = []
    for func, label, values, pos in hostile_calls(table, full=full, max_cells=10000):
        fields = [cli_field(v) for v in values]
        if any(f is None for f in fields):
            continue  # an error value: only Calc can give one
        calls.append((func, label, values, pos, fields))
    text = "".join("\t".join([c[0]["name"]] + c[4]) + "\n" for c in calls)
    out = subprocess.run([alvh, "call", "--batch"], input=text, capture_output=True, text=True,
                         timeout=600).stdout.split("\n")
    failed = checked = 0
    bases = {}
    for (func, label, values, pos, _), line in zip(calls, out):
        if not line.startswith("#ERR "):
            continue
        status, _, sentence = line[5:].partition(": ")
        checked += 1
        if func["name"] not in bases:
            bases[func["name"]] = richest_example(func)
        base = bases[func["name"]]
        problems = []
        if status == "ARG_COUNT":
            if not whole_word(func["name"], sentence):
                problems.append("does not name the function")
        else:
            names = [a["name"] for a in func["args"]]
            if not any(whole_word(n, sentence) for n in names):
                problems.append("names no argument of " + func["name"])
            spec = func["args"][min(pos, len(func["args"]) - 1)] if pos is not None else None
            v = values[pos] if pos is not None else None
            # An optional argument left out takes its default: the sentence is then about
            # something else, which it must name (an argument), not about "nothing".
            defaulted = spec is not None and spec["optional"] and (v is None or v is OMIT or
                                                                   v == "")
            # A malformed JSON text is named by the place in it: a byte offset, line, column.
            located = status == "POLICY_JSON" and "byte offset" in sentence
            if pos is not None and not defaulted and not located:
                cell = changed_cell(base[pos] if pos < len(base) else None, v)
                if not names_value(sentence, v, cell, spec["type"]):
                    problems.append("does not name the value given")
        if listing:
            print(f"{'BAD ' if problems else 'ok  '}{label}: {status}: {sentence}"
                  + (f"   <- {'; '.join(problems)}" if problems else ""))
        if problems:
            failed += 1
            if not listing:
                print(f"FAIL {label}: #ERR {status}: {sentence} ({'; '.join(problems)})")
    print(f"test_error_sentences: {checked - failed} passed, {failed} failed "
          f"({checked} failing calls of {len(table)} functions checked, {len(calls)} calls)")
    return 1 if failed or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
