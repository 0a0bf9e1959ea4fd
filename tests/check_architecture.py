#!/usr/bin/env python3
"""Fails when the code base breaks the architecture docs/architecture.md describes.

usage: check_architecture.py [REPO_ROOT]     check the tree (default: this script's repository)
       check_architecture.py --self-test     check that every rule fires on a tree that breaks it

Rules (each failure names the file, the line and the rule):
  layers     a core/ file includes only files of the layers its own layer may include (LAYERS,
             MAY_INCLUDE below: the table docs/architecture.md prints);
  cycles     no include cycle among core/ headers and sources;
  functions  no function in core/ or cli/ is longer than 120 lines, signature to closing `}`
             (generated tables aside); bodies open with `{` and close with `}` in column 0;
  policy     no file that replaces policy.c (core/src/policy*.c, core/src/json*.c) has 600 lines
             or more;
  sheets     no Python file in sheets/ has more than 500 lines;
  rows       a table adapter (core/src/fn_*.c) reads its arguments by named index (a[BS_SPOT]),
             never by number (a[5]), and a row's nargs is ALVH_ROW_ARGS(specs), never typed.
Standard library only.
"""
import fnmatch
import os
import re
import sys
import tempfile

# ---- the layers, bottom up ----------------------------------------------------------------------
# Each core/ file belongs to the first layer one of whose patterns matches its path (relative to
# the repository). Every other file under core/ is an engine: a new engine file needs no entry.
LAYERS = [
    ("status", ["core/include/alvh/status.h", "core/src/status.c"]),
    ("base", ["core/src/base.h", "core/src/base.c"]),
    ("value", ["core/include/alvh/value.h", "core/src/value.c"]),
    ("args", ["core/src/args.h", "core/src/args*.c"]),
    ("adapters", ["core/src/internal.h", "core/src/fn_*.c"]),
    ("table", ["core/include/alvh/table.h", "core/src/table.c"]),
    ("umbrella", ["core/include/alvh/alvh.h"]),
    ("engines", ["core/*"]),
]

# What a file of each layer may include (its own layer included). Engines: pricing, dates, VIX
# curve, hedge, condor, scenario, indicators, backtest, market, policy and their private
# headers (normal.h, elementary.h, iv_guess.h, ...).
MAY_INCLUDE = {
    "status": {"status"},
    "base": {"status", "base"},
    "engines": {"status", "base", "engines"},
    "value": {"status", "value"},
    "args": {"status", "base", "engines", "value", "args"},
    "adapters": {"status", "base", "engines", "value", "args", "table", "adapters"},
    "table": {"status", "base", "value", "args", "adapters", "table"},
    "umbrella": {"status", "value", "table", "engines", "umbrella"},
}

MAX_FUNCTION_LINES = 120
GENERATED = {"core/src/elementary_tables.c", "core/src/iv_guess_table.c"}
POLICY_FILES = ["core/src/policy*.c", "core/src/json*.c"]
MAX_POLICY_FILE_LINES = 599
MAX_SHEETS_PY_LINES = 500

# ---- known exceptions ---------------------------------------------------------------------------
# Issue 13 moves these in other branches; the lead empties this list after merging them. An
# entry that no longer matches anything fails too ("stale"), so the list cannot outlive them.
KNOWN_EXCEPTIONS = {
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def rel(root, path):
    return os.path.relpath(path, root).replace(os.sep, "/")


def files_under(root, top, exts):
    found = []
    for d, dirs, names in os.walk(os.path.join(root, top)):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        found += [os.path.join(d, n) for n in sorted(names) if n.endswith(exts)]
    return found


def read_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read().split("\n")


def layer_of(path):
    for layer, patterns in LAYERS:
        if any(fnmatch.fnmatchcase(path, p) for p in patterns):
            return layer
    return None


def resolve(root, src, quote, name):
    """The core/ file an include names, or None (a system or third-party header)."""
    dirs = ["core/include", "core/src"]
    if quote == '"':
        dirs.insert(0, os.path.dirname(src))
    for d in dirs:
        path = os.path.normpath(os.path.join(root, d, name))
        if os.path.isfile(path) and rel(root, path).startswith("core/"):
            return rel(root, path)
    return None


def include_graph(root):
    """{core file: [(line number, included core file), ...]}"""
    graph = {}
    for path in files_under(root, "core", (".c", ".h")):
        src = rel(root, path)
        edges = []
        for no, line in enumerate(read_lines(path), 1):
            m = INCLUDE.match(line)
            if m:
                target = resolve(root, src, m.group(1), m.group(2))
                if target:
                    edges.append((no, target))
        graph[src] = edges
    return graph


def check_layers(graph, fail):
    for src, edges in sorted(graph.items()):
        mine = layer_of(src)
        for no, target in edges:
            theirs = layer_of(target)
            if theirs not in MAY_INCLUDE[mine]:
                fail("layers", src, None,
                     f"{src}:{no}: includes {target}: the {mine} layer may include only "
                     f"{', '.join(sorted(MAY_INCLUDE[mine]))}, not {theirs} "
                     f"(docs/architecture.md)")


def check_cycles(graph, fail):
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for _, nxt in graph.get(node, []):
            if state.get(nxt) == "open":
                cycle = stack[stack.index(nxt):] + [nxt]
                fail("cycles", node, None, "include cycle: " + " -> ".join(cycle))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)


def functions(lines):
    """(name, first line, length) of each function: from its signature's first line to the `}`
    in column 0 that closes the body the `{` in column 0 opens."""
    i = 0
    while i < len(lines):
        if lines[i].startswith("{"):
            start = i
            first = i - 1
            while first > 0 and lines[first][:1] in (" ", "\t"):
                first -= 1
            m = re.search(r"(\w+)\s*\(", " ".join(lines[first:start]))
            end = start + 1
            while end < len(lines) and not lines[end].startswith("}"):
                end += 1
            if m:
                yield m.group(1), first + 1, end - first + 1
            i = end
        i += 1


def check_functions(root, fail):
    for top in ("core", "cli"):
        for path in files_under(root, top, (".c", ".h")):
            src = rel(root, path)
            if src in GENERATED:
                continue
            for name, line, length in functions(read_lines(path)):
                if length > MAX_FUNCTION_LINES:
                    fail("functions", src, name,
                         f"{src}:{line}: {name} is {length} lines, over {MAX_FUNCTION_LINES}: "
                         f"split it into named steps")


def line_count(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return sum(1 for _ in f)


def check_sizes(root, fail):
    for path in files_under(root, "core/src", (".c",)):
        src = rel(root, path)
        if any(fnmatch.fnmatchcase(src, p) for p in POLICY_FILES):
            n = line_count(path)
            if n > MAX_POLICY_FILE_LINES:
                fail("policy", src, None,
                     f"{src}: {n} lines; a file replacing policy.c stays under "
                     f"{MAX_POLICY_FILE_LINES + 1}")
    if os.path.isdir(os.path.join(root, "sheets")):
        for path in files_under(root, "sheets", (".py",)):
            src = rel(root, path)
            n = line_count(path)
            if n > MAX_SHEETS_PY_LINES:
                fail("sheets", src, None,
                     f"{src}: {n} lines, over {MAX_SHEETS_PY_LINES}: one module per template, "
                     f"shared code in the toolkit")


def check_rows(root, fail):
    numbered = re.compile(r"\b(a|args)\[\d+\]")
    typed = re.compile(r"ALVH_SHAPE_\w+,\s*\d+\s*,")
    for path in files_under(root, "core/src", (".c",)):
        src = rel(root, path)
        if not fnmatch.fnmatchcase(src, "core/src/fn_*.c"):
            continue
        text = "\n".join(read_lines(path))
        for m in numbered.finditer(text):
            no = text.count("\n", 0, m.start()) + 1
            fail("rows", src, None,
                 f"{src}:{no}: {m.group(0)} reads an argument by number: name the index in the "
                 f"function's enum (internal.h, ALVH_CHECK_ARGS)")
        for m in typed.finditer(text):
            no = text.count("\n", 0, m.start()) + 1
            fail("rows", src, None,
                 f"{src}:{no}: a row types its nargs by hand: write ALVH_ROW_ARGS(specs)")


def check(root, exceptions):
    failures, excused = [], set()

    def fail(rule, src, name, message):
        key = (rule, src, name)
        if key in exceptions:
            excused.add(key)
        else:
            failures.append((rule, message))

    graph = include_graph(root)
    check_layers(graph, fail)
    check_cycles(graph, fail)
    check_functions(root, fail)
    check_sizes(root, fail)
    check_rows(root, fail)
    for rule, src, name in sorted(exceptions - excused, key=str):
        failures.append(("stale", f"stale exception ({rule}, {src}, {name}): it no longer "
                                  f"occurs; remove it from KNOWN_EXCEPTIONS in "
                                  f"tests/check_architecture.py"))
    return failures, len(graph)


# ---- self-test: every rule fires on a tree that breaks it -------------------------------------

def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def self_test():
    body = lambda n: "int f(void)\n{\n" + "    x();\n" * (n - 3) + "}\n"  # noqa: E731 n lines
    clean = {
        "core/include/alvh/status.h": "",
        "core/include/alvh/value.h": '#include "alvh/status.h"\n',
        "core/include/alvh/table.h": '#include "alvh/value.h"\n',
        "core/include/alvh/black.h": '#include "alvh/status.h"\n',
        "core/src/base.h": '#include "alvh/status.h"\n',
        "core/src/black.c": '#include "alvh/black.h"\n#include "base.h"\n#include <math.h>\n'
                            + body(MAX_FUNCTION_LINES),
        "core/src/args.h": '#include "alvh/value.h"\n#include "alvh/black.h"\n',
        "core/src/internal.h": '#include "alvh/table.h"\n#include "args.h"\n',
        "core/src/fn_pricing.c": '#include "internal.h"\nx = a[BS_SPOT];\n'
                                 "{\"BS\", ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k), eval}\n",
        "core/src/table.c": '#include "alvh/table.h"\n#include "internal.h"\n',
        "core/src/policy.c": "\n" * MAX_POLICY_FILE_LINES,
        "sheets/build.py": "\n" * MAX_SHEETS_PY_LINES,
    }
    broken = {
        "layers": {"core/src/black.c": '#include "internal.h"\n'},
        "cycles": {"core/src/x.h": '#include "y.h"\n', "core/src/y.h": '#include "x.h"\n'},
        "functions": {"cli/cmd.c": body(MAX_FUNCTION_LINES + 1)},
        "policy": {"core/src/json_scan.c": "\n" * (MAX_POLICY_FILE_LINES + 1)},
        "sheets": {"sheets/templates/big.py": "\n" * (MAX_SHEETS_PY_LINES + 1)},
        "rows": {"core/src/fn_dates.c": "x = args[2];\n{\"Y\", ALVH_SHAPE_ROW, 3, k, eval}\n"},
    }
    ok = True
    with tempfile.TemporaryDirectory() as root:
        for path, text in clean.items():
            write(root, path, text)
        failures, _ = check(root, set())
        if failures:
            print("self-test: the clean tree fails:\n  " + "\n  ".join(m for _, m in failures))
            ok = False
        stale, _ = check(root, {("functions", "cli/gone.c", "f")})
        if [r for r, _ in stale] != ["stale"]:
            print("self-test: a stale exception passes")
            ok = False
    for rule, files in broken.items():
        with tempfile.TemporaryDirectory() as root:
            for path, text in {**clean, **files}.items():
                write(root, path, text)
            failures, _ = check(root, set())
            fired = [m for r, m in failures if r == rule]
            if not fired or len(fired) != len(failures):
                print(f"self-test: rule {rule} does not fire alone on a tree that breaks it: "
                      f"{failures}")
                ok = False
            else:
                print(f"self-test: rule {rule} fires: {fired[0]}")
    print(f"architecture check self-test: {'passed' if ok else 'FAILED'}")
    return 0 if ok else 1


def main():
    if "--self-test" in sys.argv[1:]:
        return self_test()
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    failures, nfiles = check(root, set(KNOWN_EXCEPTIONS))
    for rule, message in failures:
        print(f"FAIL [{rule}] {message}")
    print(f"architecture ({nfiles} core files, {len(KNOWN_EXCEPTIONS)} known exceptions): "
          f"{0 if failures else 1} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
