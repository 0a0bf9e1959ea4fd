#!/usr/bin/python3
"""Where the time of one implied vol goes: builds bench/iv_anatomy_driver.c against the real
core/src/impvol.c and against three truncated copies of it, and times them alternately.

    /usr/bin/python3 bench/iv_anatomy.py [--n 1000000] [--rounds 3] [--cc cc]

Variants (the copies are made in a temporary directory; the tree is not touched):
  full       the real impvol.c
  one step   stops after the first Householder step (timing only: not accurate)
  guess      returns the initial guess: set-up and the small-t table's guess, or LBR's branch
             anchor (b at s_l or s_u) and guess map
  set-up     returns right after the normalisation (checks, discount, ln(F/K), beta, b_max)
Each edit is an exact text replacement; the script fails if its anchor is no longer in
impvol.c. Compiled like the Release build: cc -O3 -std=c11, no -march, no -ffast-math."""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORE = os.path.join(ROOT, "core")
SOURCES = ["black.c", "normal.c", "status.c", "elementary_tables.c", "iv_guess_table.c"]

EDITS = {
    "full": [],
    "one step": [("        if (fabs(step) <= IV_STEP_TOL * s) {", "        if (1) {")],
    "guess": [("    const double inv_log_beta = branch == 1 ? 1.0 / log_beta : 0.0;",
               "    *s_out = s;\n    return ALVH_OK;\n"
               "    const double inv_log_beta = branch == 1 ? 1.0 / log_beta : 0.0;")],
    "set-up": [("    double s;\n    alvh_status st = solve_normalised(",
                "    *vol = beta + bmax;\n    return ALVH_OK;\n"
                "    double s;\n    alvh_status st = solve_normalised(")],
}


def build(variant, edits, tmp, cc):
    with open(os.path.join(CORE, "src", "impvol.c")) as f:
        text = f.read()
    for old, new in edits:
        if text.count(old) != 1:
            sys.exit(f"iv_anatomy: the anchor for '{variant}' is not in impvol.c once: {old!r}")
        text = text.replace(old, new)
    src = os.path.join(tmp, variant.replace(" ", "_") + "_impvol.c")
    with open(src, "w") as f:
        f.write(text)
    exe = os.path.join(tmp, variant.replace(" ", "_"))
    cmd = [cc, "-O3", "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-w",
           "-I" + os.path.join(CORE, "include"), "-I" + os.path.join(CORE, "src"),
           "-I" + os.path.join(ROOT, "bench"),
           os.path.join(ROOT, "bench", "iv_anatomy_driver.c"), src]
    cmd += [os.path.join(CORE, "src", s) for s in SOURCES] + ["-lm", "-o", exe]
    subprocess.run(cmd, check=True)
    return exe


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cc", default="cc")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        exes = {v: build(v, e, tmp, a.cc) for v, e in EDITS.items()}
        best = {v: float("inf") for v in EDITS}
        for _ in range(a.rounds):
            for v, exe in exes.items():
                out = subprocess.run([exe, str(a.n), "5"], check=True, capture_output=True,
                                     text=True).stdout
                best[v] = min(best[v], float(out.split()[0]))
    print(f"implied vol anatomy, {a.n} options (bench_pricing's inputs), CPU time per vol, "
          f"best of {a.rounds} rounds x 5 passes")
    for v in EDITS:
        print(f"  {v:9s} {best[v]:7.1f} ns")
    print(f"  => second step {best['full'] - best['one step']:.1f} ns, first step "
          f"{best['one step'] - best['guess']:.1f} ns, anchor + guess "
          f"{best['guess'] - best['set-up']:.1f} ns, set-up {best['set-up']:.1f} ns")


if __name__ == "__main__":
    main()
