"""Shared plumbing of the CLI test scripts (tests/cli_*.py, tests/test_cli.py and
tests/calc/check_oxt.py) and the check counter of the Calc tests (tests/calc, tests/sheets).

Each script is run as `/usr/bin/python3 tests/<script>.py ALVH_BINARY ...`; Python puts the
script's directory on sys.path, so `import clicheck` finds this file. Standard library only.

    Checks()               a check counter: .check(cond, what), .report(suite), .passed, .failed
    check(cond, what)      count a check; print "FAIL <what>" when cond is false; return cond
    report(suite)          print "<suite>: N passed, N failed"; return the exit code (1: failures)
    run(args, stdin)       run the alvh binary (argv[1]): (exit code, stdout, stderr)
    batch(lines)           `alvh call --batch`, one call per line: (exit code, output lines)
    close(got, want, abs_tol, rel_tol)   |got - want| <= max(abs_tol, rel_tol |want|)
    rows(name)             a CSV file in tests/data as a list of dicts (header row = keys)
"""
import csv
import os
import subprocess
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

class Checks:
    """A count of checks: check() prints "FAIL <what>" for each failure as it happens (the first
    fail_print_limit of them, None: all; the counts always include every check) and report()
    the totals. The Calc tests keep one per run; check() and report() below use one per script."""

    def __init__(self, fail_print_limit=None):
        self.passed = 0
        self.failed = 0
        self.fail_print_limit = fail_print_limit

    def check(self, cond, what):
        """Count one check; on failure print "FAIL <what>". Returns cond."""
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            if self.fail_print_limit is None or self.failed <= self.fail_print_limit:
                print("FAIL", what, flush=True)
        return cond

    def report(self, suite):
        """Print "<suite>: N passed, N failed" and return the exit code: 1 if any check failed."""
        print(f"{suite}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


_script_checks = Checks()
# Print at most this many FAIL lines (None: all of them); the counts always include every check.
fail_print_limit = None


def check(cond, what):
    """Count one check of the script; on failure print "FAIL <what>". Returns cond."""
    _script_checks.fail_print_limit = fail_print_limit
    return _script_checks.check(cond, what)


def report(suite):
    """Print the script's "<suite>: N passed, N failed"; return the exit code (1: failures)."""
    return _script_checks.report(suite)


def run(args, stdin=None, timeout=60, binary=None):
    """Run `alvh ARGS` (binary: default sys.argv[1]) with text stdin.
    Returns (returncode, stdout, stderr)."""
    p = subprocess.run([binary or sys.argv[1]] + list(args), input=stdin, capture_output=True,
                       text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def batch(lines, timeout=120):
    """`alvh call --batch` with one call per line. A line is a string (tab-separated already) or a
    sequence of arguments (joined by tabs after str()). Checks that every line got an answer;
    returns (returncode, list of output lines)."""
    text = "".join((line if isinstance(line, str) else "\t".join(str(a) for a in line)) + "\n"
                   for line in lines)
    code, out, _ = run(["call", "--batch"], text, timeout)
    out = out.splitlines()
    check(len(out) == len(lines), f"batch returned {len(out)} lines for {len(lines)}")
    return code, out


def close(got, want, abs_tol, rel_tol):
    """|got - want| <= max(abs_tol, rel_tol * |want|); a missing value (None) is never close."""
    return got is not None and abs(got - want) <= max(abs_tol, rel_tol * abs(want))


def rows(name, comments=False):
    """The CSV file tests/data/NAME as a list of dicts keyed by its header row. comments=True
    skips lines starting with "#" (a generator's note above the header)."""
    with open(os.path.join(DATA, name), newline="", encoding="utf-8") as f:
        lines = (l for l in f if not l.startswith("#")) if comments else f
        return list(csv.DictReader(lines))
