#!/usr/bin/env python3
"""ALVH_YEARS, SPX_EXPIRY and VIX_EXPIRY through the alvh CLI.

Expected values come from Python's own calendar (datetime), independent of core/src/dates.c,
and from published expiry dates written out below (the same sources as tests/test_dates.c).
usage: cli_dates.py ALVH_BINARY
"""
import datetime as dt
import sys

from clicheck import batch, check, report

EPOCH = dt.date(1899, 12, 30)
AM = 570 / 1440  # 09:30
PM = 960 / 1440  # 16:00


def serial(d):
    return (d - EPOCH).days


def date_of(x):
    return EPOCH + dt.timedelta(days=int(x // 1))


def third_friday(y, m):
    d = dt.date(y, m, 15)
    return d + dt.timedelta(days=(4 - d.weekday()) % 7)


# Published and hand-derived dates (sources in tests/test_dates.c).
KNOWN = [
    ("SPX_EXPIRY", 2025, 4, dt.date(2025, 4, 17)),   # Good Friday 2025-04-18
    ("SPX_EXPIRY", 2019, 4, dt.date(2019, 4, 18)),   # Good Friday 2019-04-19
    ("SPX_EXPIRY", 2026, 6, dt.date(2026, 6, 18)),   # Juneteenth 2026-06-19
    ("SPX_EXPIRY", 2025, 1, dt.date(2025, 1, 17)),
    ("VIX_EXPIRY", 2024, 6, dt.date(2024, 6, 18)),   # Wednesday June 19 is Juneteenth
    ("VIX_EXPIRY", 2025, 3, dt.date(2025, 3, 18)),   # Friday 2025-04-18 is Good Friday
    ("VIX_EXPIRY", 2011, 12, dt.date(2011, 12, 21)),
    ("VIX_EXPIRY", 2018, 4, dt.date(2018, 4, 18)),
    ("VIX_EXPIRY", 2025, 12, dt.date(2025, 12, 17)),
    ("VIX_EXPIRY", 2026, 5, dt.date(2026, 5, 19)),   # Friday 2026-06-19 is Juneteenth
]
code, out = batch([(fn, y, m) for fn, y, m, _ in KNOWN])
check(code == 0, "known dates: exit status 0")
for (fn, y, m, want), line in zip(KNOWN, out):
    check(float(line) == serial(want) + AM, f"{fn}({y};{m}) = {line}, want {want} 09:30")

# The PM style and the case of the style text.
code, out = batch([("SPX_EXPIRY", 2025, 4, "PM"), ("SPX_EXPIRY", 2025, 4, "am"),
                   ("SPX_EXPIRY", 2025, 4, '')])
check(code == 0 and float(out[0]) == serial(dt.date(2025, 4, 17)) + PM, "PM: " + out[0])
check(float(out[2]) == serial(dt.date(2025, 4, 17)) + AM, "omitted style is AM: " + out[2])
check(float(out[1]) == serial(dt.date(2025, 4, 17)) + AM, "am: " + out[1])

# Every month 1990-2100: SPX is the third Friday (Python's calendar) or, when shifted, the
# Thursday before; VIX is the Wednesday 30 days before next month's third Friday, or the
# Tuesday before it exactly when that Friday is shifted (a holiday) or the Wednesday is
# Juneteenth (June 19, from 2022).
months = [(y, m) for y in range(1990, 2101) for m in range(1, 13)]
code_s, spx = batch([("SPX_EXPIRY", y, m) for y, m in months])
code_v, vix = batch([("VIX_EXPIRY", y, m) for y, m in months])
check(code_s == 0 and code_v == 0, "all months succeed")
spx_day = {}
for (y, m), line in zip(months, spx):
    x = float(line)
    d = date_of(x)
    f = third_friday(y, m)
    spx_day[(y, m)] = d
    check(x == serial(d) + AM, f"SPX {y}-{m}: 09:30")
    check(d == f or d == f - dt.timedelta(days=1), f"SPX {y}-{m}: {d}, third Friday {f}")
shifted = 0
for (y, m), line in zip(months, vix):
    x = float(line)
    d = date_of(x)
    ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
    wed = third_friday(ny, nm) - dt.timedelta(days=30)
    friday_holiday = (ny, nm) in spx_day and spx_day[(ny, nm)] != third_friday(ny, nm)
    juneteenth = wed.year >= 2022 and (wed.month, wed.day) == (6, 19)
    want = wed - dt.timedelta(days=1) if friday_holiday or juneteenth else wed
    shifted += want != wed
    check(wed.weekday() == 2 and d == want and x == serial(d) + AM,
          f"VIX {y}-{m}: {d}, want {want}")
check(shifted >= 5, f"some VIX expiries are shifted ({shifted})")

# ALVH_YEARS: ACT/365 from Python's day counts.
pairs = [(dt.date(2024, 1, 1), dt.date(2025, 1, 1), 0.0, 0.0),
         (dt.date(2025, 1, 1), dt.date(2025, 4, 17), 0.5, AM),
         (dt.date(2030, 6, 30), dt.date(2026, 11, 26), 0.25, 0.75)]
code, out = batch([("ALVH_YEARS", repr(serial(a) + fa), repr(serial(b) + fb))
                   for a, b, fa, fb in pairs])
check(code == 0, "ALVH_YEARS succeeds")
for (a, b, fa, fb), line in zip(pairs, out):
    want = ((b - a).days + fb - fa) / 365
    # A serial near 50000 carries its time of day to about 1e-11 days (double spacing 7e-12).
    check(abs(float(line) - want) <= 2e-11 / 365, f"ALVH_YEARS {a} {b}: {line}, want {want}")

# Errors: a status and a sentence naming the argument, and exit status 1.
ERRORS = [
    (("SPX_EXPIRY", 2025.5, 4), "#ERR DATE: year must be a whole number from 1900 to 9999, got 2025.5"),
    (("SPX_EXPIRY", 2025, 13), "#ERR DATE: month must be a whole number from 1 to 12, got 13"),
    (("SPX_EXPIRY", 1899, 12), "#ERR DATE: year must be a whole number from 1900 to 9999, got 1899"),
    (("SPX_EXPIRY", "nan", 1), "#ERR DATE: year must be a whole number"),
    (("SPX_EXPIRY", 2025, 4, "noon"), '#ERR ARGUMENT: style must be "AM"'),
    (("SPX_EXPIRY", 2025, 4, 1), "#ERR ARG_TYPE: style must be text"),
    (("VIX_EXPIRY", 2025, 0), "#ERR DATE: month must be a whole number from 1 to 12, got 0"),
    (("VIX_EXPIRY", 2025, -3), "#ERR DATE: month must be a whole number from 1 to 12, got -3"),
    (("VIX_EXPIRY", 9999, 12), "#ERR DATE: VIX_EXPIRY of 9999-12 needs"),
    (("VIX_EXPIRY", "March", 3), '#ERR ARG_TYPE: year must be a number, got text "March"'),
    (("VIX_EXPIRY", '', 3), "#ERR MISSING: year is required"),
    (("ALVH_YEARS", 0, 45658), "#ERR DATE: from must be a date-time serial from 2 (1900-01-01)"),
    (("ALVH_YEARS", 45658, 2958466), "#ERR DATE: to must be a date-time serial"),
    (("ALVH_YEARS", 45658, "inf"), "#ERR DATE: to must be a date-time serial"),
    (("ALVH_YEARS", 45658), "#ERR MISSING: to is required"),
]
for call, want in ERRORS:
    code, out = batch([call])
    check(code == 1 and out and out[0].startswith(want), f"{call}: {out} want {want}")

sys.exit(report("cli_dates"))
