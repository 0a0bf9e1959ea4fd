"""What an input accepts and what a block says when it fails (issue 15), over the document toolkit.

One rule per input, written once as a Validity: Data > Validity refuses other typed entries with
the rule's sentence, and the same rule, as a formula (valid_expr), marks a bad value that got in
anyway (pasted, or set from a macro or UNO, which validity does not see): the input turns red and
the status lines quote the sentence. A status line sits beside every output block: "OK", or the
first sentence that explains it: a failing input first, then the block above it (upstream), then
ALVH_ERROR of the block's own calls in order, with the same arguments as the block's formulas.

Percent inputs keep the % display: Calc reads a number typed into a %-formatted cell as percent
(15 -> 15%, 0.15 -> 0.15%) and adds the % sign itself as one types (so "15%" typed becomes
"15%%", text), so their notes and help say "type 15 for 15%" and their rule refuses values outside
a sane range with a sentence saying what to type.
"""
from .document import Validity


def _fmt(x):
    """A bound as a sentence writes it: 100000 -> "100,000", 0.5 -> "0.5"."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.10g}"


def _pct(x):
    return f"{_fmt(round(x * 100, 10))}%"


def number(lo, hi, what, unit, example, whole=False):
    """A number (whole: a whole number) from lo to hi, in unit; what is the thing typed."""
    kind = "a whole number" if whole else "a number"
    return Validity("WHOLE" if whole else "DECIMAL", "BETWEEN", repr(lo), repr(hi),
                    f"Type {what} in {unit}, e.g. {example}.",
                    f"{what[0].upper() + what[1:]} must be {kind} from {_fmt(lo)} to "
                    f"{_fmt(hi)} {unit}: type e.g. {example}.")


def percent(lo, hi, what, example):
    """A decimal shown as %, from lo to hi (decimals); example in percent points (15 -> 15%)."""
    return Validity("DECIMAL", "BETWEEN", repr(lo), repr(hi),
                    f"Type {what} as a number of percent: {_fmt(example)} for "
                    f"{_fmt(example)}% (the cell adds the % sign).",
                    f"{what[0].upper() + what[1:]} must be from {_pct(lo)} to {_pct(hi)}: type "
                    f"{_fmt(example)} for {_fmt(example)}% (the cell shows percent, so "
                    f"{_fmt(example / 100)} would mean {_fmt(example / 100)}%).")


def date(what, example="2026-01-15", lo="DATE(1950;1;1)", hi="DATE(2100;12;31)"):
    """A date between 1950 and 2100, typed as ISO year-month-day (read in every locale)."""
    return Validity("DATE", "BETWEEN", lo, hi,
                    f"Type {what} as year-month-day, e.g. {example}.",
                    f"{what[0].upper() + what[1:]} must be a date: type it as year-month-day, "
                    f"e.g. {example} (15.01.2026 is text under an English locale).")


def choice(words, what):
    """One of words (a dropdown list)."""
    listed = " or ".join(words) if len(words) < 3 else ", ".join(words[:-1]) + " or " + words[-1]
    return Validity("LIST", "EQUAL", ";".join(f'"{w}"' for w in words), "",
                    f"Pick {what} from the list: {listed}.",
                    f"{what[0].upper() + what[1:]} must be one of {listed}: pick it from the "
                    "list.")


def text_ok(what, longest=10000):
    """Any text up to longest characters (a policy, a note): the rule every input cell has."""
    return Validity("TEXT_LEN", "LESS_EQUAL", repr(longest), "",
                    f"Type {what}.", f"{what[0].upper() + what[1:]} is too long: at most "
                    f"{longest:,} characters.")


def valid_expr(valid, ref):
    """A formula that is TRUE when the cell ref holds a value valid accepts (blank: FALSE)."""
    if valid.kind == "LIST":
        return "OR(" + ";".join(f"{ref}={w}" for w in valid.formula1.split(";")) + ")"
    if valid.kind == "CUSTOM":
        return valid.formula1
    if valid.kind == "TEXT_LEN":
        return f"LEN({ref})<={valid.formula1}"
    f1, f2 = valid.formula1, valid.formula2
    bound = {"BETWEEN": f"{ref}>={f1};{ref}<={f2}",
             "NOT_BETWEEN": f"OR({ref}<{f1};{ref}>{f2})",
             "GREATER": f"{ref}>{f1}", "GREATER_EQUAL": f"{ref}>={f1}",
             "LESS": f"{ref}<{f1}", "LESS_EQUAL": f"{ref}<={f1}",
             "EQUAL": f"{ref}={f1}", "NOT_EQUAL": f"{ref}<>{f1}"}[valid.operator]
    whole = f";{ref}=INT({ref})" if valid.kind == "WHOLE" else ""
    # AND() evaluates every argument: a text cell compared with a number is an error, so the
    # comparison only happens for a number.
    return f"IF(ISNUMBER({ref});AND({bound}{whole});FALSE())"


def bad_expr(valid, ref, required=True):
    """TRUE when the cell ref holds what valid refuses (blank: bad only when required)."""
    ok = valid_expr(valid, ref)
    if required:
        return f"NOT({ok})"
    return f"AND(NOT(ISBLANK({ref}));NOT({ok}))"


def quote(text):
    """text as a formula's string literal."""
    return '"' + text.replace('"', '""') + '"'


def first_of(pairs, otherwise):
    """Nested IFs: the message of the first (condition, message formula) whose condition holds."""
    out = otherwise
    for cond, msg in reversed(pairs):
        out = f"IF({cond};{msg};{out})"
    return out


def inputs_checks(inputs, cells):
    """The (condition, message) pairs of input rows (document.Input) whose value cells are
    cells: a bad value (or an empty required one) gives "<label>: <the rule's sentence>"."""
    return [(bad_expr(x.valid, ref, x.required), quote(f"{x.label}: {x.valid.error}"))
            for x, ref in zip(inputs, cells) if x.valid]


def call_error(fn, args):
    """ALVH_ERROR of the call fn(args) (args: the formula's argument text, ';'-separated)."""
    return f'ALVH_ERROR("{fn}"' + (f";{args}" if args else "") + ")"


def status_formula(checks=(), upstream=(), calls=(), when=None):
    """A block's status line: the message of the first failing check (condition, message) (the
    inputs the block reads), then the first not-OK of the upstream status cells (the blocks it
    reads), then the first ALVH_ERROR of calls [(function, arguments)] that is not "OK" (each
    evaluated twice only when it fails); when (a condition): the calls are asked only when it
    holds (the block shows a problem), so that an expensive call is not run again on a sheet
    that is fine."""
    own = first_of([(f'{call_error(f, a)}<>"OK"', call_error(f, a)) for f, a in calls], '"OK"')
    if when:
        own = f'IF({when};{own};"OK")'
    # An argument that is itself an error (a cell of another block) makes ALVH_ERROR an error.
    own = f'IFERROR({own};"A cell this block reads shows an error: see the status lines above.")'
    return "=" + first_of(list(checks) + [(f'{u}<>"OK"', u) for u in upstream], own)


def quiet(expr):
    """expr showing nothing instead of an error code (its block's status line says why)."""
    return f'IFERROR({expr};"")'
