#!/usr/bin/python3
"""Golden data for the small-t implied-vol guess (core/src/impvol.c, alvh_iv_small_t_guess):
normalised out-of-the-money prices beta = b(x, s) evaluated with mpmath at 50 digits, over the
guess's domain with a margin inside its edges: |h| = |x|/s log-uniform in [1.2e-3, 7.8] and
w = (s/2)^2 log-uniform in [1e-12, 0.24], fixed seed.

Writes tests/data/impvol_small_t.csv: x,s,beta as C99 hex floats (x and s exact doubles, beta the
double nearest to b(x, s)).

usage: /usr/bin/python3 tests/gen_iv_guess_golden.py
"""
import math
import os
import random

import mpmath as mp

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data", "impvol_small_t.csv")


def b(x, s):
    h, t = x / s, s / 2
    return mp.exp(x / 2) * mp.ncdf(h + t) - mp.exp(-x / 2) * mp.ncdf(h - t)


def main():
    mp.mp.dps = 50
    rnd = random.Random(26112026)
    with open(OUT, "w") as f:
        f.write("x,s,beta\n")
        for _ in range(3000):
            u = 10.0 ** rnd.uniform(math.log10(1.2e-3), math.log10(7.8))
            t = 10.0 ** rnd.uniform(-6.0, 0.5 * math.log10(0.24))
            s = 2.0 * t
            x = -u * s  # h = x/s = -u
            beta = float(b(mp.mpf(x), mp.mpf(s)))
            f.write(f"{x.hex()},{s.hex()},{beta.hex()}\n")


if __name__ == "__main__":
    main()
