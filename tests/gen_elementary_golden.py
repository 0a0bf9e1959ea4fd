#!/usr/bin/python3
"""Golden values of exp, expm1 and log for alvh_exp/alvh_expm1/alvh_log (core/src/elementary.h),
evaluated with mpmath at 60 digits from the exact double arguments.

Writes tests/data/elementary.csv: fn,x,hi,lo with x, hi and lo as C99 hex floats; hi is the
double nearest to the exact value and lo the double nearest to the remainder, so a test can
measure its error in ulps to a small fraction of one (no decimal rounding in between).
Arguments: exp on random x in [-745, 709.7] (the whole range, the libm fallback included) and in
[-2, 2], with the edges of the fast path; expm1 on random x in (-1/4, 1/4), tiny |x| down to
1e-300 of both signs, and points of the libm fallback; log on x = e^y for random y in
[-708, 709], near 1 (within 5%, and 1 +- 10^-15 .. 10^-3), at the edges of its table's
intervals and powers of two, and at the smallest normal and the largest double. Fixed seed.

usage: /usr/bin/python3 tests/gen_elementary_golden.py
"""
import math
import os
import random

import mpmath as mp

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data", "elementary.csv")


def row(fn, x):
    exact = {"exp": mp.exp, "expm1": mp.expm1, "log": mp.log}[fn](mp.mpf(x))
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
    xs_log = [1.0, 2.0 ** -1022, 1.7976931348623157e308, 2.0, 0.5, 0.75, 1.5, 0.7499999999999999,
              1.4999999999999998, 1.0 - 2.0 ** -53, 1.0 + 2.0 ** -52]
    for j in range(65):  # interval edges of alvh_log's table, both sides
        edge = 0.75 + (j - 0.5) / 128 if j <= 32 else 1 + (j - 32.5) / 64
        for d in (-1e-16, 0.0, 1e-16):
            if 0.75 <= edge + d < 1.5:
                xs_log.append(edge + d)
    xs_log += [math.exp(rnd.uniform(-708.0, 709.0)) for _ in range(2000)]
    xs_log += [1.0 + rnd.uniform(-0.05, 0.05) for _ in range(1000)]
    xs_log += [1.0 + rnd.choice((-1.0, 1.0)) * 10.0 ** rnd.uniform(-15.0, -3.0) for _ in range(500)]
    xs_log += [math.ldexp(rnd.uniform(0.75, 1.5), rnd.randint(-1020, 1020)) for _ in range(500)]
    with open(OUT, "w") as f:
        f.write("fn,x,hi,lo\n")
        for x in xs_exp:
            f.write(row("exp", x))
        for x in xs_m1:
            f.write(row("expm1", x))
        for x in xs_log:
            f.write(row("log", x))


if __name__ == "__main__":
    main()
