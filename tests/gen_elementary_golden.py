#!/usr/bin/python3
"""Golden values of exp and expm1 for alvh_exp/alvh_expm1 (core/src/elementary.h), evaluated
with mpmath at 60 digits from the exact double arguments.

Writes tests/data/elementary.csv: fn,x,hi,lo with x, hi and lo as C99 hex floats; hi is the
double nearest to the exact value and lo the double nearest to the remainder, so a test can
measure its error in ulps to a small fraction of one (no decimal rounding in between).
Arguments: exp on random x in [-745, 709.7] (the whole range, the libm fallback included) and in
[-2, 2], with the edges of the fast path; expm1 on random x in (-1/4, 1/4), tiny |x| down to
1e-300 of both signs, and points of the libm fallback. Fixed seed.

usage: /usr/bin/python3 tests/gen_elementary_golden.py
"""
import os
import random

import mpmath as mp

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data", "elementary.csv")


def row(fn, x):
    exact = mp.exp(mp.mpf(x)) if fn == "exp" else mp.expm1(mp.mpf(x))
    hi = float(exact)
    lo = float(exact - mp.mpf(hi))
    return f"{fn},{x.hex()},{hi.hex()},{lo.hex()}\n"


def main():
    mp.mp.dps = 60
    rnd = random.Random(20261126)
    xs_exp = [0.0, -0.0, 1e-300, -1e-300, 1e-20, -1e-20, 707.99, -707.99, 708.0, -708.0,
              709.7, -744.0, 0.5 * 0.6931471805599453, -0.5 * 0.6931471805599453]
    xs_exp += [rnd.uniform(-745.0, 709.7) for _ in range(3000)]
    xs_exp += [rnd.uniform(-2.0, 2.0) for _ in range(3000)]
    xs_m1 = [0.0, -0.0, 0.2499999, -0.2499999, 0.25, -0.25, 0.3, -0.3, 5.0, -5.0, 50.0, -800.0]
    xs_m1 += [rnd.uniform(-0.25, 0.25) for _ in range(3000)]
    xs_m1 += [rnd.choice((-1.0, 1.0)) * 10.0 ** rnd.uniform(-300.0, -3.0) for _ in range(500)]
    with open(OUT, "w") as f:
        f.write("fn,x,hi,lo\n")
        for x in xs_exp:
            f.write(row("exp", x))
        for x in xs_m1:
            f.write(row("expm1", x))


if __name__ == "__main__":
    main()
