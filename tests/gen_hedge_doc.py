#!/usr/bin/env python3
"""Generates the worked example of docs/hedge.md by running the alvh CLI, so every number in the
document comes from a command the reader can run.

usage: gen_hedge_doc.py ALVH_BINARY [docs/hedge.md]
Prints the Markdown section; with a path, replaces the text between the markers
<!-- worked-example:begin --> and <!-- worked-example:end --> in that file.
"""
import json
import math
import shlex
import subprocess
import sys

ALVH = sys.argv[1]
lines = []


def out(s=""):
    lines.append(s)


def call(*args):
    args = [str(a) for a in args]
    p = subprocess.run([ALVH, "call"] + args, capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise SystemExit("alvh call %s failed: %s" % (" ".join(args), p.stdout))
    text = p.stdout.strip()
    return json.loads(text) if text.startswith("[") else float(text)


def cmd(*args):
    return "alvh call " + " ".join(shlex.quote(str(a)) for a in args)


# ---- the condor ----------------------------------------------------------------------------
VAL, SPX, VIX, DAYS, VOL, RATE, DIV, N = 46037, 6000, 16, 45, 0.16, 0.04, 0.013, 10
T = DAYS / 365
kp = call("BS_STRIKE", "P", -0.16, SPX, T, VOL, RATE, DIV)
kc = call("BS_STRIKE", "C", 0.16, SPX, T, VOL, RATE, DIV)
K1, K2 = 5 * math.floor(kp / 5), 5 * math.ceil(kc / 5)
K = [K1 - 50, K1, K2, K2 + 50]
kinds = ["P", "P", "C", "C"]
sign = [1, -1, -1, 1]
vegas = [call("BS_GREEK", "vega", k, SPX, x, T, VOL, RATE, DIV) for k, x in zip(kinds, K)]
prices = [call("BS_PRICE", k, SPX, x, T, VOL, RATE, DIV) for k, x in zip(kinds, K)]
credit = sum(-s * p for s, p in zip(sign, prices))
leg_vegas = "[%s]" % ",".join(repr(round(s * v, 4)) for s, v in zip(sign, vegas))
strikes = "[%s]" % ",".join(str(k) for k in K)
credit_r = round(credit, 2)
cv = call("CONDOR_VIX_VEGA", leg_vegas, N)

out("All numbers below are produced by the commands shown (regenerate with")
out("`/usr/bin/python3 tests/gen_hedge_doc.py build/cli/alvh docs/hedge.md`). Valuation 2026-01-15")
out("(serial %d), SPX %d, VIX %d, %d SPX iron condors expiring in %d days, flat 16%% implied vol" %
    (VAL, SPX, VIX, N, DAYS))
out("(no smile: the skew option of `CONDOR_VIX_VEGA` would weigh the put side more), rate 4%,")
out("dividend yield 1.3%. Hedge: the default policy (`alvh policy`), model VIX curve.")
out()
out("**1. The condor.** Short strikes at 16 delta, moved away from spot to the 5-point grid, wings")
out("of 50 points:")
out()
out("```")
out(cmd("BS_STRIKE", "P", -0.16, SPX, repr(T), VOL, RATE, DIV) + "   # %.2f -> %d" % (kp, K1))
out(cmd("BS_STRIKE", "C", 0.16, SPX, repr(T), VOL, RATE, DIV) + "    # %.2f -> %d" % (kc, K2))
for k, x, v, p in zip(kinds, K, vegas, prices):
    out(cmd("BS_GREEK", "vega", k, SPX, x, repr(T), VOL, RATE, DIV) + "   # %.4f" % v)
out("```")
out()
out("Strikes %s, credit %.2f points per condor (from `BS_PRICE` of the legs). Vega per vol point" %
    ("/".join(str(k) for k in K), credit))
out("of one condor: %.4f points, i.e. %.0f dollars for the %d condors. For +1 point of VIX, with" %
    (sum(s * v for s, v in zip(sign, vegas)), 100 * N * sum(s * v for s, v in zip(sign, vegas)), N))
out("the legs' vols moving one for one (vol_beta 1):")
out()
out("```")
out(cmd("CONDOR_VIX_VEGA", leg_vegas, N) + "   # %.2f dollars per VIX point" % cv)
out("```")
out()

# ---- the rule of thumb on each notional basis -------------------------------------------------
out("**2. The 4/4/2 rule on each notional basis.** The same condors measured three ways:")
out()
out("| basis | notional ($) | contracts (L1/L2/L3) | hedge vega ($/VIX pt) | coverage | "
    "monthly cost ($) | cost % of notional |")
out("|---|---:|---|---:|---:|---:|---:|")
rows = {}
cmds = []
for basis in ["short_strike", "max_loss", "margin"]:
    pol = '{"notional_basis":"%s"}' % basis
    notional = call("ALVH_NOTIONAL", strikes, credit_r, N, pol)
    sched = call("ALVH_SCHEDULE", VAL, VIX, notional, cv, pol)
    c = [r[4] for r in sched]
    vega = sum(r[10] for r in sched)
    cov = sum(r[12] for r in sched)
    cost = call("ALVH_COST", VAL, VIX, notional, cv, pol)
    rows[basis] = (notional, c, vega, cov, cost, sched)
    out("| %s | %s | %s | %.1f | %.1f%% | %.0f | %.3f%% |" % (
        basis, format(round(notional), ","), "/".join("%g" % x for x in c), vega, 100 * cov,
        cost * notional, 100 * cost))
    cmds.append(cmd("ALVH_NOTIONAL", strikes, credit_r, N, pol))
    cmds.append(cmd("ALVH_SCHEDULE", VAL, VIX, "%.10g" % notional, "%.10g" % cv, pol))
out()
out("```")
for c in cmds:
    out(c)
out("```")
out()
ss, ml = rows["short_strike"], rows["max_loss"]
out("On the short-strike basis (the default) the rule buys %s contracts and covers **%.0f%%** of" %
    ("/".join("%g" % x for x in ss[1]), 100 * ss[3]))
out("the condors' VIX loss; on the max-loss basis it buys %s and covers **%.1f%%**. The two" %
    ("/".join("%g" % x for x in ml[1]), 100 * ml[3]))
ratio = ss[3] / ml[3] if ml[3] > 0 else float("inf")
out("readings of the same sentence differ by a factor of about %.0f, and **neither lands in the" % ratio)
out("40-60% band**: the article's rule of thumb does not reach its own coverage target for this")
out("typical condor.")
out()

# ---- the vega calibration ----------------------------------------------------------------------
pol = '{"sizing":"vega"}'
notional = ss[0]
sched = call("ALVH_SCHEDULE", VAL, VIX, notional, cv, pol)
c = [r[4] for r in sched]
cov = sum(r[12] for r in sched)
debit = sum(r[7] for r in sched)
cost = call("ALVH_COST", VAL, VIX, notional, cv, pol)
unit = [r[10] / r[4] for r in sched]
cal = call("ALVH_CALIBRATE", "%.10g" % cv, "[%s]" % ",".join("%.6g" % u for u in unit))
out("**3. The vega calibration.** Sizing by vega keeps the 4:4:2 proportions (steps of 2/2/1")
out("contracts) and picks the step whose coverage is nearest 50% inside 40-60%:")
out()
out("```")
out(cmd("ALVH_SCHEDULE", VAL, VIX, "%.10g" % notional, "%.10g" % cv, pol))
out(cmd("ALVH_CALIBRATE", "%.10g" % cv, "[%s]" % ",".join("%.6g" % u for u in unit)) +
    "   # %s" % json.dumps(cal[0]))
out("```")
out()
out("| layer | expiry (days) | strike | future | contracts | price | debit ($) | delta | beta | "
    "vega ($/pt) | coverage | monthly cost |")
out("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in sched:
    out("| %d | %.1f | %g | %.2f | %g | %.3f | %.0f | %.3f | %.3f | %.1f | %.1f%% | %.3f%% |" % (
        r[0], r[2], r[3], r[5], r[4], r[6], r[7], r[8], r[9], r[10], 100 * r[12], 100 * r[11]))
out()
out("The calibrated hedge is %s contracts: %.1f%% coverage for a debit of %.0f dollars and a" %
    ("/".join("%g" % x for x in c), 100 * cov, debit))
out("monthly carry of %.0f dollars. Against the rule of thumb that is %.1f times fewer contracts" %
    (cost * notional, sum(ss[1]) / sum(c)))
out("than the short-strike reading and %.0f times more than the max-loss reading." %
    (sum(c) / max(sum(ml[1]), 1e-9)))
out()
out("Monthly cost as a share of notional depends on the basis too: %.0f dollars a month is" %
    (cost * notional))
out("%.3f%% of the short-strike notional (%s), %.1f%% of the max-loss notional (%s) and %.1f%% of" % (
    100 * cost, format(round(ss[0]), ","), 100 * cost * notional / ml[0],
    format(round(ml[0]), ","), 100 * cost * notional / rows["margin"][0]))
out("the margin (%s). The article's 0.35-0.65%% a month is reproduced on no basis here: the" %
    format(round(rows["margin"][0]), ","))
rule_costs = [100 * rows[b][4] for b in ["short_strike", "max_loss", "margin"]]
out("rule-sized hedge costs %.2f-%.2f%% a month (it is sized per notional, so its cost per" %
    (min(rule_costs), max(rule_costs)))
out("notional barely depends on the basis), and the calibrated hedge costs far less or far more")
out("depending on what the percentage is of. In plain dollars the calibrated hedge's monthly carry")
out("is %.0f%% of the condors' whole credit (%.0f dollars for the %d condors, collected over %d" %
    (100 * cost * notional / (credit * 100 * N), credit * 100 * N, N, DAYS))
out("days).")
out()
SUMMARY = {"rule_cov": (ss[3], ml[3]), "cal": (c, cov), "carry_share": cost * notional / (credit * 100 * N)}

# ---- break-evens -------------------------------------------------------------------------------
month = cost * notional
b_lo = call("ALVH_BREAKEVEN", "LOWER", strikes, credit_r, "%.2f" % month, N)
b_hi = call("ALVH_BREAKEVEN", "UPPER", strikes, credit_r, "%.2f" % month, N)
p = subprocess.run([ALVH, "call", "ALVH_BREAKEVEN", "LOWER", strikes, str(credit_r),
                    "%.2f" % debit, str(N)], capture_output=True, text=True)
out("**4. Break-evens.** Charging one month's carry (%.0f dollars) against the credit moves the" %
    month)
out("break-evens from %.2f / %.2f to %.2f / %.2f:" % (K1 - credit_r, K2 + credit_r, b_lo, b_hi))
out()
out("```")
out(cmd("ALVH_BREAKEVEN", "LOWER", strikes, credit_r, "%.2f" % month, N) + "   # %.2f" % b_lo)
out(cmd("ALVH_BREAKEVEN", "UPPER", strikes, credit_r, "%.2f" % month, N) + "   # %.2f" % b_hi)
out(cmd("ALVH_BREAKEVEN", "LOWER", strikes, credit_r, "%.2f" % debit, N))
out("# " + (p.stdout.strip() if p.returncode else "%.2f" % float(p.stdout)))
out("```")
out()
out("Charging the whole debit instead (the layers run 1-3 months, longer than one condor cycle):")
out("%s" % ("the hedged condor then has no break-even at all." if p.returncode != 0 else
            "the lower break-even moves to %.2f, the upper to %.2f." % (
                float(p.stdout), call("ALVH_BREAKEVEN", "UPPER", strikes, credit_r, "%.2f" % debit,
                                      N))))

# ---- the same comparison across VIX levels --------------------------------------------------
out()
out("**5. Across VIX levels.** The same construction (16-delta shorts, 50-point wings, 45 days,")
out("%d condors) with the legs' vol set to VIX/100, the model VIX curve from that spot and the" % N)
out("default policy; coverage of the 4/4/2 rule on the short-strike and max-loss bases, then the")
out("vega-calibrated hedge and its monthly carry against the condors' credit:")
out()
out("| VIX | strikes | condor $/VIX pt | rule cover, short strike | rule cover, max loss | "
    "calibrated L1/L2/L3 | calibrated cover | carry $/month | carry / credit |")
out("|---:|---|---:|---:|---:|---|---:|---:|---:|")
for vix in [12, 16, 20, 25, 35]:
    vol = vix / 100
    kp_ = call("BS_STRIKE", "P", -0.16, SPX, T, vol, RATE, DIV)
    kc_ = call("BS_STRIKE", "C", 0.16, SPX, T, vol, RATE, DIV)
    k1, k2 = 5 * math.floor(kp_ / 5), 5 * math.ceil(kc_ / 5)
    ks = [k1 - 50, k1, k2, k2 + 50]
    vg = [call("BS_GREEK", "vega", k, SPX, x, T, vol, RATE, DIV) for k, x in zip(kinds, ks)]
    pr = [call("BS_PRICE", k, SPX, x, T, vol, RATE, DIV) for k, x in zip(kinds, ks)]
    cr = round(sum(-sg * q for sg, q in zip(sign, pr)), 2)
    lv = "[%s]" % ",".join(repr(round(sg * v, 4)) for sg, v in zip(sign, vg))
    kstr = "[%s]" % ",".join(str(k) for k in ks)
    cvx = call("CONDOR_VIX_VEGA", lv, N)
    covs = []
    for basis in ["short_strike", "max_loss"]:
        pb = '{"notional_basis":"%s"}' % basis
        nb = call("ALVH_NOTIONAL", kstr, cr, N, pb)
        covs.append(sum(r[12] for r in call("ALVH_SCHEDULE", VAL, vix, nb, cvx, pb)))
    ns = call("ALVH_NOTIONAL", kstr, cr, N)
    pv = subprocess.run([ALVH, "call", "ALVH_SCHEDULE", str(VAL), str(vix), "%.10g" % ns,
                         "%.10g" % cvx, '{"sizing":"vega"}'], capture_output=True, text=True)
    if pv.returncode == 0:
        sv = json.loads(pv.stdout)
        cc = "/".join("%g" % r[4] for r in sv)
        ccov = "%.1f%%" % (100 * sum(r[12] for r in sv))
        carry = sum(r[11] for r in sv) * ns
        cs, share = "%.0f" % carry, "%.0f%%" % (100 * carry / (cr * 100 * N))
    else:
        cc, ccov, cs, share = pv.stdout.split(":")[0].replace("#ERR ", ""), "-", "-", "-"
    out("| %d | %s | %.0f | %.0f%% | %.1f%% | %s | %s | %s | %s |" % (
        vix, "/".join(str(k) for k in ks), cvx, 100 * covs[0], 100 * covs[1], cc, ccov, cs, share))
out()
out("At every level the rule over-covers on the short-strike basis (by more as VIX rises: the")
out("condors' vega falls while the notional does not) and barely covers on the max-loss basis; the")
out("calibrated hedge lands in the band. Its carry is largest in calm markets, where the VIX curve")
out("is in steep contango, and shrinks as VIX rises. Above the long-run level the model curve is")
out("inverted and the carry method books the roll up the inverted curve as a gain (negative carry):")
out("that rests on the curve standing still, while after a spike it usually falls back toward its")
out("long-run level, so read a negative carry as \"no roll-down cost\", not as income.")

text = "\n".join(lines) + "\n"
if len(sys.argv) > 2:
    path = sys.argv[2]
    doc = open(path).read()
    a, b = "<!-- worked-example:begin -->\n", "<!-- worked-example:end -->"
    i, j = doc.index(a) + len(a), doc.index(b)
    open(path, "w").write(doc[:i] + text + doc[j:])
else:
    sys.stdout.write(text)
