#!/usr/bin/env python3
"""Writes and checks docs/hedge-comparison.md, the VIX call layers against the SPX put spread of
the same monthly cost (issue 18): the spike-day scenarios of docs/scenarios.md and the backtests
of docs/backtest.md side by side, every number from the build's CLI, and the README's summary of
it. Fails when either copy differs from what the build computes.

usage: check_hedge_comparison.py ALVH_BINARY REPO_ROOT [--update]
"""
import csv
import os
import subprocess
import sys
import tempfile

import gen_condor_scenarios as scen
from check_backtest_doc import MAXLOSS, PRESETS, preset_files
from docblocks import check_generated

POLICIES = (("default", "", "The default policy (4/4/2 on short-strike notional, 1 condor, "
                            "$100,000)"),
            ("max-loss notional", MAXLOSS,
             "The max-loss notional policy of docs/backtest.md's table 2 (20 condors, "
             "$1,000,000)"))
BOOKS = ("unhedged", "vix_calls", "put_spread")
BOOK_LABEL = {"unhedged": "unhedged", "vix_calls": "VIX calls", "put_spread": "put spread"}
BEGIN = "<!-- BEGIN HEDGE COMPARISON (docs/hedge-comparison.md; do not edit) -->"
END = "<!-- END HEDGE COMPARISON -->"


def money(x):
    return f"{x:,.0f}"


def pct(x, digits=1):
    return "n/a" if x is None else f"{100 * x:.{digits}f}%"


def ratio(x):
    return "n/a" if x is None else f"{x:.2f}x"


# ---- the backtests -----------------------------------------------------------------------------

def parse(text):
    """`alvh backtest`'s side-by-side summary: {row: {book: value or None}} ("-" rows left out)."""
    out = {}
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        row, *cells = line.split()
        out[row] = {b: (None if c in ("n/a", "-") else float(c)) for b, c in zip(BOOKS, cells)}
    return out


def backtests(alvh):
    """{(policy key, preset): (summary, zero-spread purchases, purchases)}."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for preset, data in preset_files(alvh, tmp).items():
            for key, policy, _ in POLICIES:
                daily = os.path.join(tmp, "daily.csv")
                args = [alvh, "backtest", data, "--daily", daily]
                text = subprocess.run(args + (["--policy", policy] if policy else []), check=True,
                                      capture_output=True, text=True).stdout
                with open(daily, encoding="utf-8") as f:
                    buys = [r for r in csv.DictReader(f) if int(r["put_events"]) & 1]
                zero = sum(1 for r in buys if float(r["put_contracts"]) == 0)
                out[(key, preset)] = (parse(text), zero, len(buys))
    return out


def backtest_table(bt, key):
    lines = ["| preset | book | total return | max drawdown | high-VIX drawdown | high-VIX losses $ "
             "| premium / month | net cost / month | spike-day gain / condor loss |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for preset in PRESETS:
        s = bt[(key, preset)][0]
        for b in BOOKS:
            hedged = b != "unhedged"
            lines.append(
                f"| `{preset}` | {BOOK_LABEL[b]} | {pct(s['total_return'][b])} | "
                f"{pct(s['max_drawdown'][b])} | {pct(s['high_vix_drawdown'][b])} | "
                f"{money(s['high_vix_loss'][b])} | "
                f"{pct(s['hedge_premium_pct_month'][b], 2) if hedged else '-'} | "
                f"{pct(s['hedge_cost_pct_month'][b], 2) if hedged else '-'} | "
                f"{ratio(s['spike_ratio_hedge'][b]) if hedged else '-'} |")
    return lines


def better(a, b, higher=True):
    """Which of two values is better, as a word for the prose."""
    if a is None or b is None or a == b:
        return "neither"
    return "VIX calls" if (a > b) == higher else "put spread"


def backtest_findings(bt, key):
    out = []
    for preset in PRESETS:
        s, zero, buys = bt[(key, preset)]
        hvd = s["high_vix_drawdown"]
        if hvd["unhedged"] is None:
            dd = "no high-VIX day"
        else:
            dd = (f"high-VIX drawdown {pct(hvd['unhedged'])} unhedged, {pct(hvd['vix_calls'])} "
                  f"with VIX calls, {pct(hvd['put_spread'])} with the put spread (shallower: "
                  f"{better(hvd['vix_calls'], hvd['put_spread'])})")
        tr, mdd = s["total_return"], s["max_drawdown"]
        cost = s["hedge_cost_pct_month"]
        zeros = (f"; {zero} of the put spread's {buys} purchases bought no spread (the layers' "
                 f"carry was at or below zero that day)" if zero else "")
        out.append(f"- `{preset}`: {dd}; total return {pct(tr['unhedged'])} / "
                   f"{pct(tr['vix_calls'])} / {pct(tr['put_spread'])} and maximum drawdown "
                   f"{pct(mdd['unhedged'])} / {pct(mdd['vix_calls'])} / {pct(mdd['put_spread'])} "
                   f"(unhedged / VIX calls / put spread); net hedge cost "
                   f"{pct(cost['vix_calls'], 2)} (VIX calls) and {pct(cost['put_spread'], 2)} "
                   f"(put spread) of notional a month, negative when the hedge paid{zeros}.")
    return out


def verdict(bt):
    """Counts over every run: where the put spread's book had the higher total return and,
    on runs with high-VIX days, the shallower high-VIX drawdown."""
    runs = [bt[(key, preset)][0] for key, _, _ in POLICIES for preset in PRESETS]
    ret = sum(1 for s in runs if s["total_return"]["put_spread"] > s["total_return"]["vix_calls"])
    high = [s for s in runs if s["high_vix_drawdown"]["unhedged"] is not None]
    dd = sum(1 for s in high
             if s["high_vix_drawdown"]["put_spread"] > s["high_vix_drawdown"]["vix_calls"])
    text = (f"Over the {len(runs)} backtests the put spread's book had the higher total return in "
            f"{ret} and, of the {len(high)} with high-VIX days, the shallower high-VIX drawdown in "
            f"{dd}; the VIX calls' book in the others.")
    if 0 < ret < len(runs) or 0 < dd < len(high):
        text += " Neither hedge is better everywhere."
    return text


# ---- the scenarios -------------------------------------------------------------------------------

def scenario_table(t):
    lines = ["| shock (1 day) | condor $ | VIX layers $ | put spread $ | net with VIX calls $ | "
             "net with put spread $ | VIX gain / condor loss | put gain / condor loss |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label, _, _, v, p in t["rows"]:
        lines.append(f"| {label} | {money(v[0])} | {money(v[1])} | {money(p[1])} | {money(v[2])} "
                     f"| {money(p[2])} | {ratio(v[3])} | {ratio(p[3])} |")
    return lines


def hedge_line(t):
    sched = t["sched"]
    n, k_long, k_short, days, debit, monthly, _, layers = scen.spread_summary(t, t["notional"])
    calls = "/".join(f"{r[4]:g}" for r in sched)
    return (f"VIX layers: {calls} calls, debit {money(sum(r[7] for r in sched))} dollars, "
            f"monthly cost {money(layers)} dollars. Put spread: {n:g} x {k_long:g}/{k_short:g} "
            f"({days:.0f} days), debit {money(debit)} dollars, monthly cost {money(monthly)} "
            f"dollars.")


def scenario_findings(t):
    sells = [r for r in t["rows"] if r[3][3] is not None]
    put_more = [r[0] for r in sells if r[4][1] > r[3][1]]
    vix_more = [r[0] for r in sells if r[4][1] <= r[3][1]]
    calm = t["rows"][0]
    name = "rule-sized" if t["key"] == "rule" else "vega-sized"
    parts = []
    if put_more:
        parts.append(f"the put spread gains more on {len(put_more)} of the {len(sells)} sell-off "
                     f"rows ({'; '.join(put_more)})")
    if vix_more:
        parts.append(f"the VIX layers on {len(vix_more)} ({'; '.join(vix_more)})")
    return (f"- {name.capitalize()} budget: {'; '.join(parts)}. On the calm up day the put spread "
            f"loses {money(-calm[4][1])} dollars and the layers {money(-calm[3][1])}.")


# ---- the documents -----------------------------------------------------------------------------

def document(alvh):
    commands = []
    pos = scen.position(commands)
    tables = scen.hedges(pos, commands)
    bt = backtests(alvh)
    lines = []
    out = lines.append
    out("# VIX calls or an SPX put spread? The two hedges at the same monthly cost")
    out("")
    out("Generated by `/usr/bin/python3 tests/check_hedge_comparison.py build/cli/alvh . --update`;")
    out("every number comes from the `alvh` CLI (the CTest `hedge_comparison_is_current` fails when")
    out("this file or the README's summary differs from what the build computes). The scenarios")
    out("are made-up round numbers and the backtests run on synthetic markets: model results, not")
    out("history.")
    out("")
    out("## The two hedges, and what \"the same cost\" means")
    out("")
    out("- **VIX calls** (policy `hedge_kind` \"vix_calls\", the default): the three layers of")
    out("  docs/hedge.md, sized by the 4/4/2 rule (or by vega).")
    out("- **SPX put spread** (\"spx_put_spread\"): long a put at 25 delta, short a put at 10 delta")
    out("  (|BSM delta| at the at-the-money vol, strikes moved down to the 5-point grid), 60 days to")
    out("  expiry, sold and re-bought at 21 days, priced with BSM on the condor's vol surface")
    out("  (at-the-money vol = VIX / 100, a strike's vol = atm x max(1 - 2 ln(K/S), 0.25)). Policy")
    out("  keys `put_spread.*`; docs/hedge.md, \"The SPX put spread\".")
    out("- **Cost per month**, the same measure for both (ALVH_COST's): a position is held from")
    out("  purchase to its roll date and charged its debit minus its model value at the roll date")
    out("  with the market standing still (`cost_method` \"carry\", the default; \"debit\" charges the")
    out("  whole debit), spread over the days held, per month (365/12 days). For the VIX calls the")
    out("  market standing still is today's futures curve; for the put spread it is today's SPX,")
    out("  VIX and smile.")
    out("- **Equal budget** (`put_spread.sizing` \"budget\", the default): spreads = round(the")
    out("  layers' monthly cost in dollars / one spread's monthly cost), by the policy's `rounding`")
    out("  (nearest, halves away from zero), so the spread's monthly cost is the layers' to within")
    out("  half of one spread's. A budget at or below zero buys no spread: with an inverted VIX")
    out("  curve the carry measure books the layers' roll up the curve as a gain. In the backtest")
    out("  the budget is the layers' monthly cost on the day the spread is bought (the schedule the")
    out("  VIX book would set that day, on the latest condor); each hedge then rolls on its own")
    out("  dates, so the premium actually paid differs.")
    out("")
    out("## Spike days")
    out("")
    out("docs/scenarios.md's position: 10 short 16-delta, 30-day SPX iron condors (SPX 5000, VIX 16,")
    out("50-point wings), one day after each shock; the hedges repriced by ALVH_SCENARIO with the")
    out("policy's hedge_kind.")
    for t in tables:
        out("")
        out("### The budget of " + ("the default (rule-sized) layers" if t["key"] == "rule"
                                     else "the vega-sized layers (`\"sizing\": \"vega\"`)"))
        out("")
        out(hedge_line(t))
        out("")
        for line in scenario_table(t):
            out(line)
    out("")
    out("## Backtests")
    out("")
    out("docs/backtest.md's synthetic presets (252 rows each, default seeds) and policies; one")
    out("run, three books trading the same condors (`alvh backtest`, ALVH_BACKTEST_COMPARE).")
    out("Premium and net cost are decimals of the average notional per month (docs/backtest.md,")
    out("\"Summary measures\").")
    for key, _, what in POLICIES:
        out("")
        out(f"### {what}")
        out("")
        for line in backtest_table(bt, key):
            out(line)
    out("")
    out("## What the numbers show")
    out("")
    out("Scenarios (one day, sell-off rows):")
    out("")
    for t in tables:
        out(scenario_findings(t))
    for key, _, what in POLICIES:
        out("")
        out(f"Backtests, {what[0].lower() + what[1:]}:")
        out("")
        for line in backtest_findings(bt, key):
            out(line)
    out("")
    out(verdict(bt) + " The put spread's payoff is capped at its strike width and")
    out("follows the SPX move (it carries delta: it loses on an up day), the VIX calls' is")
    out("uncapped and follows VIX; at the same monthly cost the comparison turns on the size of")
    out("the move, on whether VIX spikes or grinds, and on how either hedge is sized against the")
    out("condor (rule-sized, both hedges dwarf one condor and drive the book's drawdowns). The")
    out("numbers above are one made-up position and three synthetic paths; run the same")
    out("functions on your own data.")
    out("")
    out("## Reproduce")
    out("")
    out("```")
    for c in commands:
        out(c)
    out("alvh market calm > calm.csv     # likewise bear2022, crash2020")
    out("alvh backtest calm.csv")
    out(f"alvh backtest calm.csv --policy '{POLICIES[1][1]}'")
    out("```")
    return "\n".join(lines) + "\n", readme_block(tables, bt)


def readme_block(tables, bt):
    t = tables[0]
    lines = [hedge_line(t), "",
             "| shock (1 day) | net with VIX calls $ | net with put spread $ |",
             "|---|---:|---:|"]
    for label, _, _, v, p in t["rows"]:
        lines.append(f"| {label} | {money(v[2])} | {money(p[2])} |")
    lines += ["", "| preset (default policy) | high-VIX drawdown unhedged / VIX calls / put "
              "spread | total return unhedged / VIX calls / put spread |", "| --- | --- | --- |"]
    for preset in PRESETS:
        s = bt[("default", preset)][0]
        hvd, tr = s["high_vix_drawdown"], s["total_return"]
        dd = ("no high-VIX day" if hvd["unhedged"] is None
              else " / ".join(pct(hvd[b]) for b in BOOKS))
        lines.append(f"| `{preset}` | {dd} | {' / '.join(pct(tr[b]) for b in BOOKS)} |")
    return "\n".join(lines)


def main():
    alvh, root = sys.argv[1], sys.argv[2]
    doc, block = document(alvh)
    return check_generated([(os.path.join(root, "docs", "hedge-comparison.md"), doc)],
                           [(os.path.join(root, "README.md"), BEGIN, END, block)],
                           "--update" in sys.argv,
                           f"/usr/bin/python3 {sys.argv[0]} {alvh} {root} --update",
                           "hedge comparison")


if __name__ == "__main__":
    sys.exit(main())
