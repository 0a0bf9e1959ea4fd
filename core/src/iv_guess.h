/* iv_guess.h (internal): the table of impvol.c's small-t implied-vol guess, generated into
 * iv_guess_table.c by scripts/gen_iv_guess.py (the method is described there and in
 * impvol.c). */
#ifndef ALVH_IV_GUESS_H
#define ALVH_IV_GUESS_H

#include "alvh/status.h"

#define ALVH_IV_GUESS_PIECES 32
/* per piece: u0 (8 coefficients), D1 (6), D2 (5), D3 (4), D4 (3), lowest power first */
#define ALVH_IV_GUESS_COEFFS 26

/* z = ln(beta/|x|) of piece j: [z_lo + j / inv_width, z_lo + (j + 1) / inv_width) */
extern const double alvh_iv_guess_z_lo;
extern const double alvh_iv_guess_inv_width;
extern const double alvh_iv_guess_coeffs[ALVH_IV_GUESS_PIECES][ALVH_IV_GUESS_COEFFS];

/* The small-t guess of s = vol sqrt(T) for the normalised out-of-the-money price beta at
 * x = ln(F/K) < 0 (impvol.c, where the method is): within ~3e-6 of the solution where it
 * applies (|x/s| in [1e-3, 8], s < 1), 0 where it does not. */
double alvh_iv_small_t_guess(double x, double beta);

/* For the tests: s with b(x, s) = beta, x <= 0, 0 < beta < e^{x/2} (else ALVH_E_PRICE), as the
 * implied vol solves it, with the small-t guess (small_t = 1) or with LBR's branches only (0). */
alvh_status alvh_iv_solve_normalised(double x, double beta, int small_t, double *s);

#endif
