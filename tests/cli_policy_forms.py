#!/usr/bin/env python3
"""A [policy] argument in its three forms gives the same results, bit for bit: JSON text, JSON
typed with typographic quotes (as Calc's AutoCorrect writes it: English, German and French
forms), and a two-column range of key/value rows (the form the templates show as input cells).
Checked on ALVH_POLICY (every key of the policy), ALVH_SCHEDULE, ALVH_SIGNAL and ALVH_SIZE, and
on the range form's errors (each names the row).
usage: cli_policy_forms.py ALVH_BINARY
"""
import datetime
import json
import sys

from clicheck import check, report, run
from policy_forms import ROWS, json_forms


def forms(rows):
    """The policy of rows in every form, by name."""
    return dict(json_forms(rows), **{
        "key/value range": json.dumps([[k, v] for k, v in rows]),
        "key/value range, blank rows, TRUE/FALSE as words, keys in any case":
            json.dumps([["", ""]] + [[k.upper() if k == "rounding" else k,
                                      "FALSE" if v is False else v] for k, v in rows]
                       + [["", ""]]),
    })


FORMS = forms(ROWS)
# The backtest sizes layers by the rule only: its policy sets backtest keys instead of sizing.
BACKTEST_FORMS = forms([r for r in ROWS if r[0] != "sizing"] +
                       [("backtest.take_profit", 0.3), ("backtest.use_signals", False),
                        ("backtest.condor_delta", 0.2)])

# Calls whose result depends on the policy: (function, arguments before the policy, after).
# 150 VIX closes of the synthetic bear2022 market: long enough for the MACD and the RSI.
_code, _market, _ = run(["market", "bear2022"])
VIX = [float(line.split(",")[2]) for line in _market.splitlines()[1:151]]
CALLS = [
    ("ALVH_SCHEDULE", ["46037", "16", "250000", "-1500"], []),
    ("ALVH_SCHEDULE", ["46037", "30", "250000", "-1500"], []),
    ("ALVH_SIGNAL", [json.dumps(VIX), "", ""], []),
    ("ALVH_SIZE", ["250000", "1"], []),
    ("ALVH_POLICY", ["*"], []),  # the whole policy as JSON: every key
    ("ALVH_BACKTEST_SUMMARY", None, []),  # arguments filled in below
]


def serial(iso):
    """A spreadsheet serial date (days since 1899-12-30) from YYYY-MM-DD."""
    return (datetime.date.fromisoformat(iso) - datetime.date(1899, 12, 30)).days


# The whole synthetic year for the backtest: dates, SPX and VIX columns.
_bt = [r.split(",") for r in _market.splitlines()[1:]]
CALLS[-1] = ("ALVH_BACKTEST_SUMMARY", [json.dumps([serial(r[0]) for r in _bt]),
                                       json.dumps([float(r[1]) for r in _bt]),
                                       json.dumps([float(r[2]) for r in _bt])], [])


def call(name, before, policy, after):
    return run(["call", name] + before + [policy] + after)


for name, before, after in CALLS:
    these = BACKTEST_FORMS if name.startswith("ALVH_BACKTEST") else FORMS
    code, want, _ = call(name, before, these["JSON"], after)
    check(code == 0, f"{name} with the JSON policy succeeds: {want}")
    _, default, _ = call(name, before, "", after)
    check(default != want, f"{name}: the policy changes the result (else this proves nothing)")
    for form, policy in these.items():
        code, got, err = call(name, before, policy, after)
        check(code == 0 and got == want, f"{name}: {form} gives the JSON form's result:\n"
              f"  got  {got.strip()[:300]} {err.strip()}\n  want {want.strip()[:300]}")

# The policy really applied: the keys read back through ALVH_POLICY, from the range form.
RANGE = FORMS["key/value range"]
for key, value in ROWS:
    code, out, _ = run(["call", "ALVH_POLICY", key, RANGE])
    got = out.strip()
    if isinstance(value, str):
        ok = got == value
    else:
        ok = float(got) == float(value)  # False is 0: a true/false key reads back as 0 or 1
    check(code == 0 and ok, f"ALVH_POLICY {key} from the range is {value!r}: {got!r}")

# Errors of the range form name the row (1-based within the range) and say what to do.
BAD = [
    ([["sizing", "vega"], ["coverage_target", "abc"]],
     '#ERR POLICY_TYPE: policy row 2: policy key "coverage_target" must be a number, got text'),
    ([["sizing", "vega"], ["sizng", "vega"]],
     '#ERR POLICY_KEY: policy row 2: unknown policy key "sizng"'),
    ([["signals.rsi_level", 75], ["Signals.RSI_level", 80]],
     '#ERR POLICY_KEY: policy rows 1 and 2 both give key "signals.rsi_level": give each key once'),
    ([["signals.rsi_level", ""]],
     '#ERR POLICY_TYPE: policy row 1: key "signals.rsi_level" has no value'),
    ([["", 75]], "#ERR POLICY_KEY: policy row 1: the value has no key"),
    ([[75, "signals.rsi_level"]], "#ERR POLICY_KEY: policy row 1: a key is text such as "
                                  "signals.rsi_level, got 75"),
    ([["distinct_expiries", 2]],
     '#ERR POLICY_TYPE: policy row 1: policy key "distinct_expiries" must be true or false'),
    ([["signals", 75]], '#ERR POLICY_TYPE: policy row 1: policy key "signals" is a group of keys'),
    ([["coverage_low", 0.7]], '#ERR POLICY_VALUE: policy keys "coverage_low" <= '
                              '"coverage_target" <= "coverage_high" must hold'),
    ([["sizing", "vega", "x"]], "#ERR RANGE_SHAPE: policy must be JSON text, a JSON file path, "
                                "or a range of two columns (key, value)"),
]
for rows, want in BAD:
    code, out, _ = run(["call", "ALVH_POLICY", "sizing", json.dumps(rows)])
    check(code == 1 and out.startswith(want), f"{rows}: {out.strip()!r} should start {want!r}")

# A blank range is the default policy, like an omitted argument.
code, out, _ = run(["call", "ALVH_POLICY", "sizing", '[["",""],["",""]]'])
check(code == 0 and out.strip() == "rule", "an empty key/value block is the default: " + out)

sys.exit(report("cli_policy_forms"))
