"""One policy in the forms a user gives it, for tests/cli_policy_forms.py and
tests/calc/test_policy_forms.py: key/value rows (the templates' input cells), the same as JSON,
and that JSON as Calc's AutoCorrect types it (typographic quotes by locale). Standard library."""
import json

# One policy touching every kind of key: numbers, a whole number, a true/false key, words, a
# layer of the array, the signals object.
ROWS = [
    ("sizing", "vega"),
    ("rounding", "down"),
    ("coverage_target", 0.45),
    ("distinct_expiries", False),
    ("layers.1.contracts", 5),
    ("layers.3.otm_points", 3),
    ("signals.rsi_level", 60),
    ("signals.rsi_period", 10),
    ("signals.vix_floor", 18),
]


def as_json(rows):
    """The rows as a JSON document: dotted paths become objects, layers.N the array's element."""
    doc = {}
    for key, value in rows:
        parts = key.split(".")
        if parts[0] == "layers":
            doc.setdefault("layers", [{}, {}, {}])[int(parts[1]) - 1][parts[2]] = value
        elif len(parts) == 2:
            doc.setdefault(parts[0], {})[parts[1]] = value
        else:
            doc[key] = value
    return json.dumps(doc)


def typographic(text, opening, closing, inside=""):
    """text with each JSON quote replaced as AutoCorrect types it: the opening glyph where a
    string starts, the closing one where it ends (inside: no-break spaces next to the word)."""
    out, in_string = [], False
    for c in text:
        if c == '"':
            out.append(inside + closing if in_string else opening + inside)
            in_string = not in_string
        else:
            out.append(c)
    return "".join(out)


def json_forms(rows):
    """The JSON text of rows, straight and as typed under English, German and French
    AutoCorrect, by name."""
    straight = as_json(rows)
    return {"JSON": straight,
            "JSON, English quotes": typographic(straight, "\u201c", "\u201d"),
            "JSON, German quotes": typographic(straight, "\u201e", "\u201c"),
            "JSON, French guillemets": typographic(straight, "\u00ab", "\u00bb", "\u00a0")}
