/* iv_guess.h (internal): the table of impvol.c's small-t implied-vol guess, generated into
 * iv_guess_table.c by scripts/gen_iv_guess.py (the method is described there and in
 * impvol.c). */
#ifndef ALVH_IV_GUESS_H
#define ALVH_IV_GUESS_H

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

#endif
