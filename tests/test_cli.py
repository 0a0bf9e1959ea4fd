#!/usr/bin/env python3
"""The alvh CLI's contract: argument parsing, output format, errors and exit codes.

Function values are checked by each concept's own tests; this checks the CLI's plumbing with
functions whose results are known without computation (ALVH_ERROR, errors).
usage: test_cli.py ALVH_BINARY
"""
import os
import re
import sys

from clicheck import check, report, run

code, out, _ = run(["list"])
check(code == 0 and "ALVH_ERROR" in out, "list names ALVH_ERROR")
code, out, _ = run(["describe", "alvh_error"])
check(code == 0 and out.startswith("ALVH_ERROR(function; [arguments; ...])"), "describe: " + out)
code, out, err = run(["describe", "NOPE"])
check(code == 1 and "no function" in err, "describe unknown")
code, out, _ = run(["call", "NOPE", "1"])
check(code == 1 and out.startswith("#ERR UNKNOWN_FUNCTION: "), "unknown function: " + out)
code, out, _ = run(["call", "ALVH_ERROR", "NOPE"])
check(code == 0 and out.startswith("UNKNOWN_FUNCTION: "), "ALVH_ERROR through the CLI: " + out)
code, out, _ = run(["call", "ALVH_ERROR", "ALVH_ERROR", "X"])
check(code == 0 and out == "OK\n", "nested ALVH_ERROR: " + out)
# ALVH_ERROR explains every call, its own bad function name included (issue 19): a sentence, never
# an error of its own.
code, out, _ = run(["call", "ALVH_ERROR"])
check(code == 0 and out == 'MISSING: function is required: the name of an ALVH Calc function as '
      'text, e.g. "BS_PRICE", got nothing\n', "missing: " + out)
code, out, _ = run(["call", "ALVH_ERROR", "2.5"])
check(code == 0 and out == 'ARG_TYPE: function must be the name of an ALVH Calc function as text, '
      'e.g. "BS_PRICE", got 2.5\n', "number is a number: " + out)
code, out, _ = run(["call", "ALVH_ERROR", "[[\"A\"],[\"B\"]]"])
check(code == 0 and out.startswith("RANGE_SHAPE: function must be the name of an ALVH Calc "
                                   "function as text") and "got a 2x1 range" in out,
      "two names: " + out)
code, out, _ = run(["call", "ALVH_ERROR", "BS_PRICE"] + ["1"] * 254)
check(code == 0 and out == "ARG_COUNT: BS_PRICE takes at most 7 arguments, got 254\n",
      "254 arguments are explained: " + out)
code, out, _ = run(["call", "ALVH_ERROR", '["NOPE"]'])
check(code == 0 and out.startswith("UNKNOWN_FUNCTION"), "1x1 JSON range is its cell: " + out)
code, out, _ = run(["call", "ALVH_ERROR", "[[1,2],[3]]"])
check(code == 1 and out.startswith("#ERR ARGUMENT: argument 1: every row"), "ragged: " + out)
code, out, _ = run(["call", "ALVH_ERROR", "[oops"])
check(code == 1 and out.startswith("#ERR ARGUMENT"), "bad JSON: " + out)
code, out, _ = run(["call"])
check(code == 2, "call without a name is a usage error")
code, out, _ = run(["frobnicate"])
check(code == 2, "unknown command is a usage error")
# Batch: one line out per line in, in order; the exit code says whether all succeeded.
code, out, _ = run(["call", "--batch"], "ALVH_ERROR\tNOPE\nALVH_ERROR\tALVH_ERROR\tX\n")
lines = out.splitlines()
check(code == 0 and len(lines) == 2 and lines[1] == "OK", "batch ok: " + out)
code, out, _ = run(["call", "--batch"], "ALVH_ERROR\tALVH_ERROR\tX\nNOPE\nALVH_ERROR\tALVH_ERROR\n")
lines = out.splitlines()
check(code == 1 and len(lines) == 3 and lines[1].startswith("#ERR UNKNOWN_FUNCTION")
      and lines[2] == "OK", "batch with a failure: " + out)
code, out, _ = run(["call", "--batch"], "X" + "\t1" * 300 + "\n")
check(code == 1 and out.startswith("#ERR ARG_COUNT"), "batch with too many fields: " + out)
# ALVH_VERSION is the project's version, as the top-level CMakeLists.txt declares it (the .oxt's
# description.xml is made from the same declaration; tests/calc/check_oxt.py checks that side).
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "CMakeLists.txt"),
          encoding="utf-8") as f:
    declared = re.search(r"project\(alvh_calc VERSION ([0-9.]+)", f.read()).group(1)
code, out, _ = run(["call", "ALVH_VERSION"])
check(code == 0 and out == declared + "\n", f"ALVH_VERSION is {declared}: " + out)
code, out, _ = run(["call", "ALVH_VERSION", "NAME"])
check(code == 0 and out == f"ALVH Calc {declared}\n", "ALVH_VERSION name: " + out)
code, out, _ = run(["call", "ALVH_VERSION", "build"])
check(code == 1 and out.startswith('#ERR ARGUMENT: what must be "number" or "name", got "build"'),
      "ALVH_VERSION refuses other words: " + out)

# A sentence that compares two numbers prints them with enough digits to differ (issue 17's
# example). Derivation: years 0, rate 0, so the call's intrinsic value is F - K = 79.98 - 60,
# which in doubles is 19.980000000000004 (Python computes the same IEEE subtraction), above the
# price 19.98: the sentence must show both, distinct, and each must read back as its double.
code, out, _ = run(["call", "B76_IV", "C", "19.98", "79.98", "60", "0", "0"])
m = re.search(r"price (\S+) is below the option's intrinsic value (\S+) ", out)
check(code == 1 and m and m.group(1) != m.group(2) and float(m.group(1)) == 19.98 and
      float(m.group(2)) == 79.98 - 60, "B76_IV below intrinsic, numbers distinct: " + out)
# Equal numbers stay short: a price equal to the intrinsic value (100 - 10) prints as 90 twice.
code, out, _ = run(["call", "BS_IV", "C", "90", "100", "10", "1", "0", "0"])
check(code == 1 and "price 90 has no time value over the intrinsic value 90," in out,
      "equal numbers print alike: " + out)

sys.exit(report("test_cli"))
