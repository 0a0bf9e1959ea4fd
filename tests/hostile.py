"""Hostile calls of every function, generated from the function table (issue 19): each argument of
a function's richest example replaced in turn by values a careless or hostile cell can hold, so
a function added to the table is swept without anyone remembering to add it.

Used by tests/test_error_sentences.py (through the CLI: every failing call's sentence names an
argument and the value it got) and tests/calc/test_sweep.py (the same calls in a real Calc).
Standard library only.

The table comes as `alvh list --json` or the add-in's functions.json prints it: a list of
{"name", "args": [{"name", "type", "optional"}], "examples"}, types number, text, scalar, range,
number_array, varargs, any.

A value is a float, a str, None (an empty cell), OMIT (the argument left out), ERROR (a cell
holding an error, Calc only) or a Range (rows of such cells). The CLI reads each as
`alvh call --batch` does (cli_field); the Calc sweep places them in cells or inline.
"""
import json

OMIT = object()    # the argument left out (;; in a formula, "" for the CLI)
ERROR = object()   # a cell holding an error value (=0/0): Calc answers before the add-in


class Range:
    """A block of cells: rows of float / str / None (an empty cell) / ERROR. inline: written
    into the formula as an inline array ({1|2|3}) instead of cells."""

    def __init__(self, rows, label=None, inline=False):
        self.rows = rows
        self.label = label
        self.inline = inline

    @property
    def shape(self):
        return len(self.rows), max(len(r) for r in self.rows)

    @property
    def size(self):
        r, c = self.shape
        return r * c


def cli_field(v):
    """The `alvh call --batch` field for a value (None where the CLI cannot say it: ERROR)."""
    if v is OMIT or v is None:
        return ""
    if v is ERROR:
        return None
    if isinstance(v, Range):
        if any(c is ERROR for r in v.rows for c in r):
            return None
        return json.dumps(v.rows, separators=(",", ":"))
    if isinstance(v, float):
        return repr(v)
    if v.startswith("["):
        return None  # the CLI reads a field starting with '[' as a range
    return v


def parse_field(text):
    """An `examples` field as a value, read as `alvh call` reads it."""
    if text == "":
        return OMIT
    if text.startswith("["):
        data = json.loads(text)
        if data and not isinstance(data[0], list):
            data = [[c] for c in data]  # a flat list is one column
        return Range([[float(c) if isinstance(c, (int, float)) and not isinstance(c, bool) else c
                       for c in row] for row in data])
    try:
        return float(text)
    except ValueError:
        return text


def examples(func):
    """The example calls of a function: lists of values."""
    return [[parse_field(t) for t in line.split("\t")]
            for line in func["examples"].split("\n") if line.strip()]


def richest_example(func):
    """The example with the most arguments given, padded with OMIT to every declared one."""
    best = max(examples(func), key=lambda fs: sum(1 for x in fs if x is not OMIT))
    fixed = [a for a in func["args"] if a["type"] != "varargs"]
    return list(best) + [OMIT] * max(0, len(fixed) - len(best))


# ---- the hostile values ------------------------------------------------------------------------

SUBNORMAL = 5e-324
FAR_DATES = (2958466.0, -693594.0, 1e7)   # past 9999-12-31, before year 1, year ~29,000
LONG_TEXT = "x" * 10000


def nested_json(depth):
    return "[" * depth + "]" * depth


# Short form: a few values per argument (CI); full form adds the rest.
NUMBERS_SHORT = (-1.0, 0.0, 1e308, "abc", None, OMIT)
NUMBERS_FULL = NUMBERS_SHORT + (-1e308, SUBNORMAL, -SUBNORMAL, 1.0, True) + FAR_DATES + (
    LONG_TEXT, ERROR)
TEXTS_SHORT = ("abc", 0.0, None, OMIT)
TEXTS_FULL = TEXTS_SHORT + (-1.0, 1e308, "", LONG_TEXT, "{", nested_json(5000),
                            "{\"layers\": [" * 200, "/nonexistent/policy.json", "policy.json",
                            "/dev/zero", ERROR, True)


# The big ranges, one object each (a Calc sweep writes each once and refers to it again).
HUNDRED_K = Range([[float(i % 97 + 1)] for i in range(100000)], "100k rows")
MILLION = Range([[1.0] * 1000 for _ in range(1000)], "1000x1000")


def cell_values(full):
    """What a single cell inside a range is replaced by."""
    base = (-1.0, 0.0, 1e308, "abc", None)
    return base + ((-1e308, SUBNORMAL, ERROR, LONG_TEXT) if full else ())


def range_variants(rng, full):
    """(label, Range) for a range argument: one cell changed, other shapes, huge ranges."""
    rows = rng.rows
    out = []
    flat = [(r, c) for r in range(len(rows)) for c in range(len(rows[r]))
            if isinstance(rows[r][c], float)]
    for pos in flat[:1] + (flat[-1:] if full and len(flat) > 1 else []):
        for v in cell_values(full):
            new = [list(r) for r in rows]
            new[pos[0]][pos[1]] = v
            out.append((f"cell {pos} = {short(v)}", Range(new)))
    r, c = rng.shape
    out.append(("one more column", Range([row + [row[-1]] for row in rows])))
    out.append(("transposed", Range([list(t) for t in zip(*rows)]) if len(rows) > 1 or c > 1
                else Range(rows)))
    out.append(("mixed", Range([[1.0, "abc"], [None, -1.0]])))
    out.append(("100k rows", HUNDRED_K))
    if full:
        out.append(("1000x1000", MILLION))
        out.append(("inline", Range(rows, "inline " + "%dx%d" % rng.shape, inline=True)))
    return out


def short(v):
    """A value for a label."""
    if v is OMIT:
        return "omitted"
    if v is ERROR:
        return "#DIV/0!"
    if v is None:
        return "empty"
    if isinstance(v, Range):
        return v.label or "%dx%d range" % v.shape
    if isinstance(v, str) and len(v) > 20:
        return repr(v[:12] + "...") + f"({len(v)} chars)"
    return repr(v)


def argument_variants(func, pos, base, full):
    """(label, value) hostile replacements for argument pos of func, whose example value is
    base. A varargs position gets extra arguments instead (see count_variants)."""
    spec = func["args"][pos] if pos < len(func["args"]) else func["args"][-1]
    kind = spec["type"]
    out = []
    if isinstance(base, Range) and kind in ("range", "number_array", "varargs", "any"):
        out += range_variants(base, full)
        out += [(short(v), v) for v in (0.0, "abc", None, OMIT)]
        return out
    values = NUMBERS_FULL if full else NUMBERS_SHORT
    if kind in ("text", "scalar", "any") or isinstance(base, str):
        values = TEXTS_FULL if full else TEXTS_SHORT
    for v in values:
        out.append((short(v), 1.0 if v is True else v))
    if kind in ("range", "number_array"):
        out.append(("100k rows", HUNDRED_K))
    return out


def count_variants(func, base):
    """(label, values) too few and too many arguments."""
    out = [("no arguments", [])]
    nfixed = len([a for a in func["args"] if a["type"] != "varargs"])
    if nfixed > 1:
        out.append(("one argument", base[:1]))
    out.append(("one too many", list(base) + [1.0] * (max(0, nfixed - len(base)) + 1)))
    # The most a user can type (Calc allows 255 arguments): ALVH_ERROR(name; 254 arguments).
    out.append(("254 arguments", (list(base) + [1.0] * 254)[:254]))
    return out


def regression_calls(table):
    """The calls issue 19 found slow, as (function, label, values, None): ALVH_ERROR with an
    inline array beside a long range (Calc once repeated such a call per row)."""
    funcs = {f["name"]: f for f in table}
    if "ALVH_ERROR" not in funcs:
        return []
    rows = [[float(i % 97 + 1)] for i in range(8000)]
    return [(funcs["ALVH_ERROR"], f"ALVH_ERROR inline array beside {len(r)} rows",
             ["VIX_FUT_CURVE", 0.1, Range(a, "inline", inline=True), Range(r, f"{len(r)} rows")],
             None)
            for a in ([[1.0], [2.0], [3.0]], [[1.0, 2.0, 3.0]]) for r in (rows[:4000], rows)]


def hostile_calls(table, full=False, max_cells=None):
    """Every hostile call of every function: (function, label, values, mutated position or
    None). max_cells: leave out calls whose ranges hold more cells (a quick run)."""
    calls = []
    for func in table:
        base = richest_example(func)
        for pos, b in enumerate(base):
            spec = func["args"][pos] if pos < len(func["args"]) else func["args"][-1]
            for label, v in argument_variants(func, pos, b, full):
                if max_cells and isinstance(v, Range) and v.size > max_cells:
                    continue
                new = list(base)
                new[pos] = v
                calls.append((func, f"{func['name']} {spec['name']} = {label}", new, pos))
        for label, values in count_variants(func, base):
            calls.append((func, f"{func['name']} {label}", values, None))
    return calls
