#!/usr/bin/python3
"""Writes docs/scenarios.md: the spike-day table for a 16-delta 30-day SPX iron condor with the
default layered VIX hedge, computed entirely through the alvh CLI (the same table the Calc
functions use), so anyone can reproduce every number.

usage: /usr/bin/python3 tests/gen_condor_scenarios.py ALVH_BINARY > docs/scenarios.md
"""
import json
import subprocess
import sys

ALVH = sys.argv[1]

# The market and the trade (stated in the document).
VALUATION = 46037          # 2026-01-15, spreadsheet serial
SPOT, VIX = 5000, 16
YEARS = "0.0821917808219178"  # 30 / 365
RATE, DIV = 0.045, 0.013
CONDORS = 10
SHOCKS = [  # label, spx_move, vix_move
    ("calm up day", 0.01, -1.5),
    ("SPX -1%, VIX +2", -0.01, 2),
    ("SPX -2%, VIX +4", -0.02, 4),
    ("SPX -3%, VIX +8", -0.03, 8),
    ("SPX -4.5%, VIX +12", -0.045, 12),
    ("SPX -6%, VIX +20", -0.06, 20),
    ("SPX -10%, VIX +40", -0.10, 40),
]


def r10(x):
    """10 significant digits: the chain's intermediate values as the document prints them, so
    last-digit changes in the pricer do not change the document's commands."""
    return float(f"{x:.10g}")


def call(name, *args):
    p = subprocess.run([ALVH, "call", name] + [str(a) for a in args], capture_output=True,
                       text=True, timeout=60)
    out = p.stdout.strip()
    if p.returncode != 0:
        sys.exit(f"alvh call {name} failed: {out}")
    return json.loads(out) if out.startswith("[") else float(out)


def cmd(name, *args):
    """The command line as a reader would type it."""
    def q(a):
        if isinstance(a, float) and a.is_integer():
            a = int(a)
        a = str(a)
        if a.startswith("$("):
            return '"' + a + '"'

        return "'" + a + "'" if any(c in a for c in "[]{}\" ;") or a == "" else a
    return "alvh call " + name + " " + " ".join(q(a) for a in args)


def money(x):
    return f"{x:,.0f}"


PUT_KIND = {"hedge_kind": "spx_put_spread"}


def with_put_spread(policy):
    """The policy text with hedge_kind "spx_put_spread" added (the scenario reprices the spread)."""
    doc = json.loads(policy) if policy else {}
    doc.update(PUT_KIND)
    return json.dumps(doc, separators=(",", ":"))


def position(commands):
    """The market and the condor (stated in the document), through the CLI; commands gets the
    command lines that compute them."""
    policy_atm = 0.16  # at-the-money vol = backtest.vol_beta (1) x VIX / 100
    skew = 2           # the policy's backtest.skew
    strikes = call("IC_STRIKES", SPOT, YEARS, policy_atm, 0.16, 50, 5, RATE, DIV)[0]
    commands.append(cmd("IC_STRIKES", SPOT, YEARS, policy_atm, 0.16, 50, 5, RATE, DIV))
    s_json = json.dumps([strikes])
    legs = call("IC_LEGS", s_json, SPOT, YEARS, policy_atm, RATE, DIV, skew)
    commands.append(cmd("IC_LEGS", s_json, SPOT, YEARS, policy_atm, RATE, DIV, skew))
    credit = r10(call("IC_CREDIT", s_json, SPOT, YEARS, policy_atm, RATE, DIV, skew, 1))
    maxloss = call("IC_MAXLOSS", s_json, SPOT, YEARS, policy_atm, RATE, DIV, skew)
    book = [[r[0], r[1], r[2] * CONDORS, r[3], r10(r[4])] for r in legs]
    leg_vegas = json.dumps([r10(r[2] * r[8]) for r in legs])
    condor_vega = r10(call("CONDOR_VIX_VEGA", leg_vegas, CONDORS))
    commands.append(cmd("CONDOR_VIX_VEGA", leg_vegas, CONDORS))
    notional = call("ALVH_NOTIONAL", s_json, credit, CONDORS)
    commands.append(cmd("ALVH_NOTIONAL", s_json, credit, CONDORS))
    return {"atm": policy_atm, "strikes": strikes, "s_json": s_json, "legs": legs,
            "credit": credit, "maxloss": maxloss, "book_json": json.dumps(book),
            "condor_vega": condor_vega, "notional": notional}


VARIANTS = [("rule", "", "the default policy: 4/4/2 contracts per $100,000 of notional"),
            ("vega", '{"sizing":"vega"}',
             "sizing \"vega\": the 4:4:2 proportions scaled to 50% coverage")]


def hedges(pos, commands):
    """For each VARIANT: the VIX layers (ALVH_SCHEDULE), their monthly cost (ALVH_COST), the put
    spread of that cost (ALVH_PUT_SPREAD) and every shock with each hedge (ALVH_SCENARIO)."""
    out = []
    for key, policy, what in VARIANTS:
        args = (VALUATION, VIX, pos["notional"], pos["condor_vega"], policy)
        sched = call("ALVH_SCHEDULE", *args)
        commands.append(cmd("ALVH_SCHEDULE", *args))
        cost = call("ALVH_COST", *args)
        commands.append(cmd("ALVH_COST", *args))
        put_args = (VALUATION, SPOT, VIX, pos["notional"], r10(cost), policy, RATE, DIV)
        spread = call("ALVH_PUT_SPREAD", *put_args)
        commands.append(cmd("ALVH_PUT_SPREAD", *put_args))
        rows = []
        for label, m, dv in SHOCKS:
            r = call("ALVH_SCENARIO", m, dv, 1, pos["book_json"], json.dumps(sched), SPOT, VIX,
                     policy, 0, RATE, DIV)[0]
            p = call("ALVH_SCENARIO", m, dv, 1, pos["book_json"], json.dumps(spread), SPOT, VIX,
                     with_put_spread(policy), 0, RATE, DIV)[0]
            rows.append((label, m, dv, r, p))
        out.append({"key": key, "policy": policy, "what": what, "sched": sched, "cost": cost,
                    "spread": spread, "rows": rows, "notional": pos["notional"]})
    return out


def spread_summary(t, notional):
    """(spreads, long strike, short strike, days, debit $, monthly cost $, vega $ per vol point,
    the layers' monthly cost $) of a hedges() entry."""
    long_leg, short_leg = t["spread"]
    n = long_leg[2]
    debit = long_leg[10] + short_leg[10]
    monthly = (long_leg[11] + short_leg[11]) * notional
    vega = 100 * (long_leg[2] * long_leg[8] + short_leg[2] * short_leg[8])
    return (n, long_leg[1], short_leg[1], long_leg[3] * 365, debit, monthly, vega,
            t["cost"] * notional)


def sell_off_ratios(rows, which):
    """The hedge gain / condor loss ratios of the sell-off rows (which: 3 VIX layers, 4 put)."""
    return [r[which][3] for r in rows if r[which][3] is not None]


def put_section(out, t, credit):
    """docs/scenarios.md's section on the put spread of the same monthly cost as t's layers."""
    n, k_long, k_short, days, debit, monthly, vega, layers = spread_summary(t, t["notional"])
    name = "the default hedge" if t["key"] == "rule" else "the vega-sized hedge"
    out("")
    out(f"## The SPX put spread at the monthly cost of {name}")
    out("")
    out("The policy's put_spread (long 25-delta, short 10-delta puts at the at-the-money vol, 60 "
        "days, rolled at 21) sized to the layers' monthly cost: spreads = round(ALVH_COST x "
        "notional / one spread's monthly cost).")
    out("")
    out("| leg | strike | quantity | days | vol | price | debit $ | vega $/vol pt |")
    out("|---|---|---|---|---|---|---|---|")
    for label, leg in zip(("long put", "short put"), t["spread"]):
        out(f"| {label} | {leg[1]:g} | {leg[2]:g} | {leg[3] * 365:.2f} | {leg[4]:.4f} | "
            f"{leg[5]:.3f} | {money(leg[10])} | {money(100 * leg[2] * leg[8])} |")
    out("")
    out(f"{n:g} spreads of {k_long:g}/{k_short:g}: debit {money(debit)} dollars, monthly cost "
        f"{money(monthly)} dollars against the layers' {money(layers)} (within half of one "
        f"spread's {money(monthly / n if n else 0)}); vega {money(vega)} dollars per vol point.")
    out("")
    out("| shock (1 day) | condor P&L $ | put spread P&L $ | net P&L $ | hedge gain / condor loss |")
    out("|---|---:|---:|---:|---:|")
    for label, m, dv, _, p in t["rows"]:
        ratio = "n/a" if p[3] is None else f"{p[3]:.2f}x"
        out(f"| {label} | {money(p[0])} | {money(p[1])} | {money(p[2])} | {ratio} |")
    ratios = sell_off_ratios(t["rows"], 4)
    if ratios:
        out("")
        out(f"Across the sell-off rows the ratio runs from {min(ratios):.2f}x to "
            f"{max(ratios):.2f}x (the layers of the same cost: "
            f"{min(sell_off_ratios(t['rows'], 3)):.2f}x to "
            f"{max(sell_off_ratios(t['rows'], 3)):.2f}x). The spread's debit is "
            f"{debit / (credit * 100 * CONDORS):.1f} times the condors' credit.")


def main():
    lines = []
    commands = []
    pos = position(commands)
    strikes, legs, credit, maxloss = pos["strikes"], pos["legs"], pos["credit"], pos["maxloss"]
    condor_vega, notional, policy_atm = pos["condor_vega"], pos["notional"], pos["atm"]
    book_json = pos["book_json"]
    tables = hedges(pos, commands)
    m, dv = SHOCKS[3][1], SHOCKS[3][2]
    sched_cmd = cmd("ALVH_SCHEDULE", VALUATION, VIX, notional, condor_vega, "")
    commands.append(cmd("ALVH_SCENARIO", m, dv, 1, book_json, "$(" + sched_cmd + ")", SPOT, VIX,
                        "", 0, RATE, DIV))
    spread_cmd = cmd("ALVH_PUT_SPREAD", VALUATION, SPOT, VIX, notional, r10(tables[0]["cost"]),
                     "", RATE, DIV)
    commands.append(cmd("ALVH_SCENARIO", m, dv, 1, book_json, "$(" + spread_cmd + ")", SPOT, VIX,
                        with_put_spread(""), 0, RATE, DIV))

    out = lines.append
    out("# Spike-day scenarios: an iron condor and its hedge, repriced together")
    out("")
    out("Generated by `/usr/bin/python3 tests/gen_condor_scenarios.py build/cli/alvh >")
    out("docs/scenarios.md`; every number below comes from the `alvh` CLI, so the same formulas in")
    out("Calc give the same numbers. The market is made up (round numbers), not a historical day;")
    out("the shocks are \"historical-style\": sizes of the kind SPX and VIX have moved together on")
    out("sell-off days. They are model scenarios, not a backtest.")
    out("")
    out("## The position")
    out("")
    out(f"- Market: SPX {SPOT:g}, spot VIX {VIX:g}, rate {RATE}, dividend yield {DIV}, valuation "
        f"serial {VALUATION} (2026-01-15).")
    out(f"- Condor: {CONDORS} short iron condors, 30 days, shorts at 16 delta (BSM, vol "
        f"{policy_atm}), 50-point wings on the 5-point grid: strikes "
        f"{', '.join(f'{k:g}' for k in strikes)}.")
    out(f"  Leg vols from the policy's smile, vol x max(1 - 2 ln(K/S), 0.25): "
        f"{', '.join(f'{r[4]:.4f}' for r in legs)}.")
    out(f"  Credit {credit:.2f} points ({money(credit * 100 * CONDORS)} dollars), maximum loss "
        f"{money(maxloss * CONDORS)} dollars.")
    out(f"- Condor VIX vega (CONDOR_VIX_VEGA, legs move 1 vol point per VIX point): "
        f"{money(condor_vega)} dollars per VIX point.")
    out(f"- Notional (ALVH_NOTIONAL, the default basis \"short_strike\"): {money(notional)} dollars.")
    out("")
    out("## The rules (alvh/scenario.h)")
    out("")
    out("- SPX moves by `spx_move`; one calendar day passes (`days` = 1), so every row includes one")
    out("  day of time decay on both the condor (a gain) and the VIX calls (a cost).")
    out("- Each SPX leg's vol shifts by the policy's surface rule: at-the-money vol = vol_beta x "
        "VIX / 100, smile factor max(1 - skew ln(K/S), 0.25); a leg moves by the change of the model vol at its "
        "strike, with the smile sliding with spot (vol_beta 1, skew 2 by default). Puts gain more "
        "vol than calls.")
    out("- Each VIX future moves beta(T) x `vix_move` (VIX_BETA: 0.65 e^{-24T} + 0.35 e^{-1.35T}); "
        "the VIX calls are repriced with Black-76, vol of vol unchanged (vov_move 0: no credit "
        "taken for a vol-of-vol spike).")
    out("- Ratio = hedge gain / condor loss (the number the article's \"1.8-2.2x on spike days\" "
        "is about); n/a when the condor does not lose.")
    out("- The SPX put spread (policy hedge_kind \"spx_put_spread\", sections below) is repriced "
        "exactly as the condor's legs: BSM at the moved spot, each leg's vol shifted by the same "
        "surface rule, one day less to expiry.")
    for t in tables:
        key, policy, what, sched, rows = t["key"], t["policy"], t["what"], t["sched"], t["rows"]
        out("")
        out(f"## Hedge sized by {what}")
        out("")
        out("| layer | expiry (serial) | days | strike | contracts | future | price | debit $ | "
            "vega $/VIX pt |")
        out("|---|---|---|---|---|---|---|---|---|")
        debit = 0.0
        hedge_vega = 0.0
        for r in sched:
            debit += r[7]
            hedge_vega += r[10]
            out(f"| {r[0]:g} | {r[1]:.4f} | {r[2]:.2f} | {r[3]:g} | {r[4]:g} | {r[5]:.3f} | "
                f"{r[6]:.3f} | {money(r[7])} | {money(r[10])} |")
        out("")
        out(f"Hedge debit {money(debit)} dollars; coverage {hedge_vega / abs(condor_vega):.0%} "
            f"of the condor's VIX vega.")
        out("")
        out("| shock (1 day) | condor P&L $ | hedge P&L $ | net P&L $ | hedge gain / condor loss |")
        out("|---|---:|---:|---:|---:|")
        for label, m, dv, r, _ in rows:
            ratio = "n/a" if r[3] is None else f"{r[3]:.2f}x"
            out(f"| {label} | {money(r[0])} | {money(r[1])} | {money(r[2])} | {ratio} |")
        ratios = [r[3] for _, _, _, r, _ in rows if r[3] is not None]
        if ratios:
            inside = [label for label, _, _, r, _ in rows if r[3] is not None and 1.8 <= r[3] <= 2.2]
            out("")
            out(f"Across the sell-off rows the ratio runs from {min(ratios):.2f}x to "
                f"{max(ratios):.2f}x; the article's 1.8-2.2x band is met by "
                f"{', '.join(inside) if inside else 'none of them'}. The hedge's debit is "
                f"{debit / (credit * 100 * CONDORS):.1f} times the condors' credit.")
    for t in tables:
        put_section(out, t, credit)
    out("")
    out("## Conventions of the condor, book and scenario functions")
    out("")
    out("- Strikes (IC_STRIKES): the short put at BSM put delta -short_delta, the short call at call")
    out("  delta +short_delta (flat vol), then each short moved AWAY from spot to the `step` grid")
    out("  (put down, call up), so neither short's |delta| exceeds the target; a computed strike")
    out("  within 1e-9 step of a grid strike is that strike. Wings `wing` points beyond, a whole")
    out("  number of steps. `step` 0 leaves the strikes unrounded.")
    out("- Leg vols (IC_*): one vol for all legs, a range of 4 vols, or one at-the-money vol with the")
    out("  policy's relative smile, vol x max(1 - skew ln(K/spot), 0.25) (the backtest's rule).")
    out("- Legs range (BOOK_*, ALVH_SCENARIO): one row per leg, columns type (C/P), strike, quantity")
    out("  (+ long, - short), years, vol; columns after the fifth are ignored (IC_LEGS' 10-column")
    out("  output is a legs range); all-empty rows are skipped.")
    out("- Hedge range (ALVH_SCENARIO): columns future, strike, contracts, years, vol_of_vol (VIX calls)")
    out("  or ALVH_SCHEDULE's 13-column output (vol of vol from the policy's layer).")
    out("- Dollars: SPX legs x 100 (policy spx_multiplier), VIX calls x 100 (vix_multiplier); IC_CREDIT")
    out("  and IC_MAXLOSS per condor with `multiplier` (100; 1 gives index points). Max loss compares")
    out("  the undiscounted credit with the wider wing. IC_POP is risk-neutral lognormal (drift")
    out("  rate - div_yield, the at-the-money vol), not a real-world probability.")
    out("- BOOK_PNL: column 1 at the first leg's expiry (later legs by BSM, vols unchanged), column 2")
    out("  `days_forward` days from now; entry at the model value unless `entry_value` is given.")
    out("")
    out("## Reproduce")
    out("")
    out("```")
    for c in commands:
        out(c)
    out("```")
    out("")
    out("In Calc the same chain is `=IC_STRIKES(...)`, `=IC_LEGS(...)`, `=ALVH_SCHEDULE(...)` and")
    out("`=ALVH_SCENARIO(spx_move; vix_move; 1; legs; schedule; 5000; 16)`, with `legs` the first five")
    out("columns of IC_LEGS with the quantities multiplied by the number of condors. The put spread")
    out("of the same cost is `=ALVH_PUT_SPREAD(46037; 5000; 16; notional; ALVH_COST(...))` and")
    out("`=ALVH_SCENARIO(spx_move; vix_move; 1; legs; put_spread; 5000; 16; policy)` with a policy")
    out("whose hedge_kind is \"spx_put_spread\".")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
