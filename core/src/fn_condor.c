/* fn_condor.c: table rows for iron condors (IC_*) and books of option legs (BOOK_*). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/condor.h"
#include "internal.h"

/* ---- shared argument helpers ------------------------------------------------------------------ */

/* A bare status of a condor/book-specific argument: "<sentence>, got <value>" naming it. */
static alvh_status explain(alvh_result *out, alvh_status st, const alvh_arg_spec *specs,
                           size_t nspecs, const alvh_value *args)
{
    const char *name = NULL;
    switch (st) {
    case ALVH_E_SHORT_DELTA: name = "short_delta"; break;
    case ALVH_E_STEP: name = "step"; break;
    case ALVH_E_MULTIPLIER: name = "multiplier"; break;
    case ALVH_E_SKEW: name = "skew"; break;
    case ALVH_E_DAYS: name = "days_forward"; break;
    default: return st; /* table.c names spot, years, vol, rate, div_yield, ... */
    }
    for (size_t i = 0; i < nspecs; ++i)
        if (strcmp(specs[i].name, name) == 0 && args[i].kind == ALVH_NUMBER)
            return alvh_fail_named(out, st, name, args[i].number);
    return alvh_fail(out, st, NULL);
}

/* The vol argument of the IC_* functions: one vol (with the skew slope) or 4 vols, one per
 * leg. *dist_vol is the vol of the lognormal used by IC_POP: the one vol given, or the mean of
 * the two short legs' vols. */
static alvh_status arg_leg_vols(const alvh_value *v, const double strikes[4], double spot,
                                double skew, double vols[4], double *dist_vol, size_t *nvol,
                                alvh_result *out)
{
    double *d = NULL;
    size_t n = 0;
    alvh_status st = alvh_arg_vector(v, "vol", 1, &d, &n, out);
    if (st != ALVH_OK)
        return st;
    *nvol = n;
    if (n != 1 && n != 4) {
        free(d);
        return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                         "vol must be one vol or a range of 4 vols (one per leg, in strike "
                         "order), got %zu values",
                         n);
    }
    for (size_t i = 0; i < n; ++i)
        if (!(isfinite(d[i]) && d[i] >= 0.0)) {
            double bad = d[i];
            free(d);
            if (n == 1)
                return alvh_fail_value(out, ALVH_E_VOL, bad);
            return alvh_fail(out, ALVH_E_VOL, "vol item %zu: %s, got %.15g", i + 1,
                             alvh_status_message(ALVH_E_VOL), bad);
        }
    if (!isfinite(skew)) {
        free(d);
        return alvh_fail_value(out, ALVH_E_SKEW, skew);
    }
    if (n == 4) {
        for (int i = 0; i < 4; ++i)
            vols[i] = d[i];
        free(d);
        if (skew != 0.0)
            return alvh_fail(out, ALVH_E_SKEW,
                             "give either 4 vols or one vol and a skew, not both (skew %.15g)",
                             skew);
        *dist_vol = 0.5 * (vols[1] + vols[2]);
        return ALVH_OK;
    }
    double vol = d[0];
    free(d);
    if (!(isfinite(spot) && spot > 0.0))
        return alvh_fail_value(out, ALVH_E_SPOT, spot);
    st = alvh_condor_skew_vols(strikes, spot, vol, skew, vols);
    if (st == ALVH_E_SKEW) {
        char x[7][32];
        alvh_format_number(x[0], sizeof x[0], skew);
        alvh_format_number(x[1], sizeof x[1], vol);
        alvh_format_number(x[2], sizeof x[2], spot);
        for (int i = 0; i < 4; ++i)
            alvh_format_number(x[3 + i], sizeof x[3 + i], strikes[i]);
        return alvh_fail(out, st, "skew %s with vol %s gives a leg a vol that is negative or not "
                         "finite (spot %s, strikes %s, %s, %s, %s)", x[0], x[1], x[2], x[3],
                         x[4], x[5], x[6]);
    }
    if (st != ALVH_OK)
        return alvh_fail(out, st, NULL);
    *dist_vol = vol;
    return ALVH_OK;
}

/* The common arguments of IC_LEGS, IC_CREDIT, IC_MAXLOSS, IC_BREAKEVEN, IC_POP, counted from
 * where they start (the first argument; IC_BREAKEVEN's after its side, at BE_CONDOR): strikes;
 * spot; years; vol; rate; div_yield; skew. IC_CREDIT and IC_MAXLOSS add the multiplier. */
enum { COND_STRIKES, COND_SPOT, COND_YEARS, COND_VOL, COND_RATE, COND_DIV_YIELD, COND_SKEW,
       COND_NARGS, COND_MULTIPLIER = COND_NARGS, COND_MULT_NARGS };

typedef struct {
    double strikes[4];
    double spot, years, rate, div_yield, skew;
    double vols[4];
    double dist_vol;
    size_t nvol; /* vols given: 1 (with skew) or 4 */
} condor_args;

static alvh_status arg_condor(const alvh_value *a, condor_args *c, alvh_result *out)
{
    alvh_status st = alvh_arg_condor_strikes(&a[COND_STRIKES], c->strikes, "strikes must be a "
                                             "range of 4 prices (long put, short put, short "
                                             "call, long call), got %zu", out);
    if (st != ALVH_OK)
        return st;
    c->spot = a[COND_SPOT].number;
    c->years = a[COND_YEARS].number;
    c->rate = a[COND_RATE].number;
    c->div_yield = a[COND_DIV_YIELD].number;
    c->skew = a[COND_SKEW].number;
    if (!(isfinite(c->spot) && c->spot > 0.0))
        return alvh_fail_value(out, ALVH_E_SPOT, c->spot);
    if (!(isfinite(c->years) && c->years >= 0.0))
        return alvh_fail_value(out, ALVH_E_YEARS, c->years);
    if (!isfinite(c->rate))
        return alvh_fail_value(out, ALVH_E_RATE, c->rate);
    if (!isfinite(c->div_yield))
        return alvh_fail_value(out, ALVH_E_DIV_YIELD, c->div_yield);
    return arg_leg_vols(&a[COND_VOL], c->strikes, c->spot, c->skew, c->vols, &c->dist_vol,
                        &c->nvol, out);
}

static alvh_status arg_multiplier(const alvh_value *v, double *m, alvh_result *out)
{
    *m = v->number;
    if (!(isfinite(*m) && *m > 0.0))
        return alvh_fail_value(out, ALVH_E_MULTIPLIER, *m);
    return ALVH_OK;
}

/* Why a condor's credit is refused (alvh_condor_check_credit): the credit and the wing width,
 * in points, and what they mean. */
static const char *credit_reason(double credit)
{
    return credit <= 0.0 ? "the condor would collect no credit (at 0 years its legs are worth "
                           "their payoff)"
                         : "at these vols the legs are priced as an arbitrage, a condor that "
                           "cannot lose (check vol and skew)";
}

/* "spot 5000, years 0.08, vol 0.15, skew 3": the arguments a condor's credit comes from. */
static void condor_inputs(const condor_args *c, char *buf, size_t size)
{
    char x[4][32];
    alvh_format_number(x[0], sizeof x[0], c->spot);
    alvh_format_number(x[1], sizeof x[1], c->years);
    alvh_format_number(x[2], sizeof x[2], c->skew);
    int k = snprintf(buf, size, "spot %s, years %s, skew %s, vol ", x[0], x[1], x[2]);
    size_t used = k > 0 ? (size_t)k : 0;
    for (size_t i = 0; i < (c->nvol == 4 ? 4u : 1u) && used < size; ++i) {
        alvh_format_number(x[3], sizeof x[3], c->nvol == 4 ? c->vols[i] : c->dist_vol);
        k = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", x[3]);
        used += k > 0 ? (size_t)k : 0;
    }
}

static alvh_status credit_refused(alvh_result *out, alvh_status st, const condor_args *ca,
                                  double credit)
{
    if (st != ALVH_E_CREDIT)
        return st;
    const double *k = ca->strikes;
    char c[32], w[32], in[200];
    alvh_format_number(c, sizeof c, credit == 0.0 ? 0.0 : credit); /* no "-0" */
    alvh_format_number(w, sizeof w, fmax(k[1] - k[0], k[3] - k[2]));
    condor_inputs(ca, in, sizeof in);
    return alvh_fail(out, st, "the condor's credit, %s points, is not between 0 and its wing "
                     "width, %s points (%s): %s", c, w, in, credit_reason(credit));
}

/* ---- argument specs several rows share -------------------------------------------------------- */

#define ARG_SPOT {"spot", "Index level now, points (SPX ~5000)", ALVH_ARG_NUMBER, 0, 0, NULL}
#define ARG_RATE {"rate", "Risk-free rate, continuous decimal (0.045)", ALVH_ARG_NUMBER, 1, 0, NULL}
#define ARG_DIV_YIELD                                                                            \
    {"div_yield", "Dividend yield, continuous decimal (SPX ~0.013)", ALVH_ARG_NUMBER, 1, 0, NULL}
#define ARG_MULTIPLIER                                                                           \
    {"multiplier", "Dollars per index point per contract (SPX: 100)", ALVH_ARG_NUMBER, 1, 100,    \
     NULL}

/* ---- IC_STRIKES --------------------------------------------------------------------------------- */

/* IC_STRIKES(spot; years; vol; [short_delta]; [wing]; [step]; [rate]; [div_yield]) */
enum { ICS_SPOT, ICS_YEARS, ICS_VOL, ICS_SHORT_DELTA, ICS_WING, ICS_STEP, ICS_RATE,
       ICS_DIV_YIELD, ICS_NARGS };

static const alvh_arg_spec k_strikes_args[] = {
    [ICS_SPOT] = {"spot", "Index level now, points (SPX ~5000)", ALVH_ARG_NUMBER, 0, 0, NULL},
    [ICS_YEARS] = {"years", "Time to expiry, ACT/365 years, > 0 (30 days: 30/365)",
                   ALVH_ARG_NUMBER, 0, 0, NULL},
    [ICS_VOL] = {"vol", "Implied vol used to place both short strikes, decimal, > 0 (0.15)",
                 ALVH_ARG_NUMBER, 0, 0, NULL},
    [ICS_SHORT_DELTA] = {"short_delta", "Delta of the short strikes, unsigned decimal in (0, 0.5) "
                         "(0.16; the method uses 0.15-0.25)", ALVH_ARG_NUMBER, 1,
                         ALVH_CONDOR_SHORT_DELTA, NULL},
    [ICS_WING] = {"wing", "Width of each wing, index points, a multiple of step (SPX: 25-100)",
                  ALVH_ARG_NUMBER, 1, ALVH_CONDOR_WING, NULL},
    [ICS_STEP] = {"step", "Strike grid spacing, points (SPX: 5); 0 leaves the strikes unrounded",
                  ALVH_ARG_NUMBER, 1, ALVH_CONDOR_STEP, NULL},
    [ICS_RATE] = ARG_RATE,
    [ICS_DIV_YIELD] = ARG_DIV_YIELD,
};
ALVH_CHECK_ARGS(k_strikes_args, ICS_NARGS);

static alvh_status eval_strikes(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    double spot = a[ICS_SPOT].number, years = a[ICS_YEARS].number, vol = a[ICS_VOL].number;
    double short_delta = a[ICS_SHORT_DELTA].number, wing = a[ICS_WING].number;
    double step = a[ICS_STEP].number;
    if (isfinite(years) && years <= 0.0)
        return alvh_fail(out, ALVH_E_YEARS,
                         "years must be positive: a strike at a delta needs time to expiry, got "
                         "%.15g",
                         years);
    if (isfinite(vol) && vol <= 0.0)
        return alvh_fail(out, ALVH_E_VOL,
                         "vol must be positive: a strike at a delta needs volatility, got %.15g",
                         vol);
    double k[4];
    alvh_status st = alvh_condor_strikes(spot, years, vol, short_delta, wing, step,
                                         a[ICS_RATE].number, a[ICS_DIV_YIELD].number, k);
    if (st == ALVH_E_WING)
        return alvh_fail(out, st, "wing must be a positive whole multiple of step (%.15g), got "
                         "%.15g", step, wing);
    if (st == ALVH_E_STRIKES)
        return alvh_fail(out, st,
                         "the condor's strikes would not satisfy 0 < long put < short put <= "
                         "short call < long call: wing %.15g is too wide for spot %.15g, or the "
                         "short strikes cross (step %.15g)", wing, spot, step);
    if (st == ALVH_E_DELTA) {
        char q[32], t[32];
        alvh_format_number(q, sizeof q, a[ICS_DIV_YIELD].number);
        alvh_format_number(t, sizeof t, years);
        return alvh_fail(out, st, "short_delta %.15g cannot be reached with div_yield %s and "
                         "years %s", short_delta, q, t);
    }
    if (st != ALVH_OK)
        return explain(out, st, k_strikes_args, ICS_NARGS, a);
    alvh_status s = alvh_result_alloc(out, 1, 4);
    if (s != ALVH_OK)
        return s;
    for (size_t i = 0; i < 4; ++i)
        alvh_result_set_number(out, 0, i, k[i]);
    return ALVH_OK;
}

/* ---- IC_LEGS, IC_CREDIT, IC_MAXLOSS, IC_BREAKEVEN, IC_POP ---------------------------------------- */

/* The condor's arguments (COND_*) from position at. */
#define CONDOR_SPECS(at)                                                                         \
    [(at) + COND_STRIKES] = {"strikes", "The 4 strikes, points: long put, short put, short call, " \
                             "long call (IC_STRIKES' output)", ALVH_ARG_RANGE, 0, 0, NULL},       \
    [(at) + COND_SPOT] = ARG_SPOT,                                                               \
    [(at) + COND_YEARS] = {"years", "Time to expiry, ACT/365 years (30 days: 30/365)",            \
                           ALVH_ARG_NUMBER, 0, 0, NULL},                                         \
    [(at) + COND_VOL] = {"vol", "Implied vol, decimal (0.15): one vol for every leg (the "        \
                         "at-the-money vol when skew is given), or a range of 4 vols, one per "  \
                         "leg in strike order", ALVH_ARG_RANGE, 0, 0, NULL},                     \
    [(at) + COND_RATE] = ARG_RATE,                                                               \
    [(at) + COND_DIV_YIELD] = ARG_DIV_YIELD,                                                     \
    [(at) + COND_SKEW] = {"skew", "Relative smile slope: leg vol = vol x max(1 - skew x "         \
                          "ln(strike/spot), 0.25) (SPX 30 days ~2-7; the policy's backtest.skew " \
                          "is 2); 0 is flat", ALVH_ARG_NUMBER, 1, 0, NULL}

static const alvh_arg_spec k_condor_args[] = {CONDOR_SPECS(0)};
ALVH_CHECK_ARGS(k_condor_args, COND_NARGS);
static const alvh_arg_spec k_condor_mult_args[] = {CONDOR_SPECS(0),
                                                   [COND_MULTIPLIER] = ARG_MULTIPLIER};
ALVH_CHECK_ARGS(k_condor_mult_args, COND_MULT_NARGS);

static alvh_status eval_legs(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    condor_args c;
    alvh_status st = arg_condor(a, &c, out);
    if (st != ALVH_OK)
        return st;
    alvh_leg legs[4];
    st = alvh_condor_legs(c.strikes, c.years, c.vols, legs);
    if (st != ALVH_OK)
        return st;
    alvh_greeks g[4];
    for (int i = 0; i < 4; ++i) {
        st = alvh_bsm_greeks(legs[i].kind, c.spot, legs[i].strike, legs[i].years, legs[i].vol,
                             c.rate, c.div_yield, &g[i]);
        if (st != ALVH_OK)
            return st;
    }
    /* The credit of the priced legs: the short put and call less the long ones. */
    double credit = g[1].price - g[0].price + g[2].price - g[3].price;
    st = credit_refused(out, alvh_condor_check_credit(c.strikes, credit), &c, credit);
    if (st == ALVH_OK)
        st = alvh_result_alloc(out, 4, 10);
    if (st != ALVH_OK)
        return st;
    for (size_t i = 0; i < 4; ++i) {
        st = alvh_result_set_text(out, i, 0, legs[i].kind == ALVH_CALL ? "C" : "P");
        if (st != ALVH_OK)
            return st;
        double row[9] = {legs[i].strike, legs[i].quantity, legs[i].years, legs[i].vol,
                         g[i].price,     g[i].delta,       g[i].gamma,    g[i].vega,
                         g[i].theta};
        for (size_t j = 0; j < 9; ++j)
            alvh_result_set_number(out, i, j + 1, row[j]);
    }
    return ALVH_OK;
}

/* The condor's arguments and its credit in points. check: refuse a credit outside (0, the wing
 * width) (IC_BREAKEVEN and IC_POP refuse it as a missing break-even instead). */
static alvh_status condor_credit(const alvh_value *a, condor_args *c, double *credit, int check,
                                 alvh_result *out)
{
    alvh_status st = arg_condor(a, c, out);
    if (st != ALVH_OK)
        return st;
    st = alvh_condor_credit(c->strikes, c->spot, c->years, c->vols, c->rate, c->div_yield,
                            credit);
    if (st == ALVH_OK && check)
        st = credit_refused(out, alvh_condor_check_credit(c->strikes, *credit), c, *credit);
    return st;
}

static alvh_status eval_credit(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    condor_args c;
    double credit, m;
    alvh_status st = condor_credit(a, &c, &credit, 1, out);
    if (st == ALVH_OK)
        st = arg_multiplier(&a[COND_MULTIPLIER], &m, out);
    if (st != ALVH_OK)
        return st;
    alvh_result_number(out, credit * m);
    return ALVH_OK;
}

static alvh_status eval_maxloss(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    condor_args c;
    double credit, m, loss;
    alvh_status st = condor_credit(a, &c, &credit, 1, out);
    if (st == ALVH_OK)
        st = arg_multiplier(&a[COND_MULTIPLIER], &m, out);
    if (st == ALVH_OK)
        st = credit_refused(out, alvh_condor_max_loss(c.strikes, credit, &loss), &c, credit);
    if (st != ALVH_OK)
        return st;
    alvh_result_number(out, loss * m);
    return ALVH_OK;
}

static alvh_status breakevens(const condor_args *c, double credit, double *lower, double *upper,
                              alvh_result *out)
{
    for (int side = -1; side <= 1; side += 2) {
        double *level = side < 0 ? lower : upper;
        if (!level)
            continue;
        alvh_status st = alvh_condor_breakeven(c->strikes, credit, side, level);
        if (st == ALVH_E_NO_BREAKEVEN) {
            const double *k = c->strikes;
            char cr[32], w[32];
            alvh_format_number(cr, sizeof cr, credit == 0.0 ? 0.0 : credit);
            alvh_format_number(w, sizeof w, side < 0 ? k[1] - k[0] : k[3] - k[2]);
            int refused = alvh_condor_check_credit(k, credit) == ALVH_E_CREDIT;
            char in[200];
            condor_inputs(c, in, sizeof in);
            return alvh_fail(out, st,
                             "the condor has no %s break-even: its credit %s points is not "
                             "between 0 and the %s wing's width %s (%s)%s%s",
                             side < 0 ? "lower" : "upper", cr, side < 0 ? "put" : "call", w, in,
                             refused ? ": " : "", refused ? credit_reason(credit) : "");
        }
        if (st != ALVH_OK)
            return st;
    }
    return ALVH_OK;
}

/* IC_BREAKEVEN(side; the condor's arguments) */
enum { BE_SIDE, BE_CONDOR, BE_NARGS = BE_CONDOR + COND_NARGS };

static alvh_status eval_breakeven(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    int side = 0;
    alvh_status st = alvh_arg_side(&a[BE_SIDE], &side, out);
    if (st != ALVH_OK)
        return st;
    condor_args c;
    double credit, level;
    st = condor_credit(&a[BE_CONDOR], &c, &credit, 0, out);
    if (st == ALVH_OK)
        st = breakevens(&c, credit, side < 0 ? &level : NULL, side > 0 ? &level : NULL, out);
    if (st != ALVH_OK)
        return st;
    alvh_result_number(out, level);
    return ALVH_OK;
}

static const alvh_arg_spec k_breakeven_args[] = {
    [BE_SIDE] = {"side", "\"LOWER\" (or -1) for the put side, \"UPPER\" (or 1) for the call side",
                 ALVH_ARG_SCALAR, 0, 0, NULL},
    CONDOR_SPECS(BE_CONDOR),
};
ALVH_CHECK_ARGS(k_breakeven_args, BE_NARGS);

static alvh_status eval_pop(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    condor_args c;
    double credit, lower, upper, pop;
    alvh_status st = condor_credit(a, &c, &credit, 0, out);
    if (st == ALVH_OK)
        st = breakevens(&c, credit, &lower, &upper, out);
    if (st == ALVH_OK)
        st = alvh_condor_pop(lower, upper, c.spot, c.years, c.dist_vol, c.rate, c.div_yield, &pop);
    if (st != ALVH_OK)
        return st;
    alvh_result_number(out, pop);
    return ALVH_OK;
}

/* ---- BOOK_VALUE, BOOK_GREEK, BOOK_PNL ----------------------------------------------------------- */

#define LEGS_ARG                                                                                 \
    {"legs", "Range of legs, one row per leg, columns type (\"C\"/\"P\"), strike (points), "      \
     "quantity (+ long, - short), years (ACT/365), vol (decimal); blank rows are skipped",        \
     ALVH_ARG_RANGE, 0, 0, NULL}

/* BOOK_VALUE(legs; spot; [rate]; [div_yield]; [multiplier]) */
enum { BV_LEGS, BV_SPOT, BV_RATE, BV_DIV_YIELD, BV_MULTIPLIER, BV_NARGS };

static const alvh_arg_spec k_book_value_args[] = {
    [BV_LEGS] = LEGS_ARG,           [BV_SPOT] = ARG_SPOT,
    [BV_RATE] = ARG_RATE,           [BV_DIV_YIELD] = ARG_DIV_YIELD,
    [BV_MULTIPLIER] = ARG_MULTIPLIER,
};
ALVH_CHECK_ARGS(k_book_value_args, BV_NARGS);

static alvh_status eval_book_value(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    alvh_leg *legs = NULL;
    size_t n = 0;
    alvh_status st = alvh_arg_legs(&a[BV_LEGS], "legs", &legs, &n, out);
    if (st != ALVH_OK)
        return st;
    double v = 0.0;
    st = alvh_book_value(legs, n, a[BV_SPOT].number, 0.0, a[BV_RATE].number,
                         a[BV_DIV_YIELD].number, a[BV_MULTIPLIER].number, &v);
    free(legs);
    if (st != ALVH_OK)
        return explain(out, st, k_book_value_args, BV_NARGS, a);
    alvh_result_number(out, v);
    return ALVH_OK;
}

/* BOOK_GREEK(greek; legs; spot; [rate]; [div_yield]; [multiplier]) */
enum { BG_GREEK, BG_LEGS, BG_SPOT, BG_RATE, BG_DIV_YIELD, BG_MULTIPLIER, BG_NARGS };

static const alvh_arg_spec k_book_greek_args[] = {
    [BG_GREEK] = {"greek", "Which greek: \"delta\", \"gamma\", \"vega\", \"theta\", \"rho\", "
                  "\"vanna\" or \"volga\"", ALVH_ARG_TEXT, 0, 0, NULL},
    [BG_LEGS] = LEGS_ARG,           [BG_SPOT] = ARG_SPOT,
    [BG_RATE] = ARG_RATE,           [BG_DIV_YIELD] = ARG_DIV_YIELD,
    [BG_MULTIPLIER] = ARG_MULTIPLIER,
};
ALVH_CHECK_ARGS(k_book_greek_args, BG_NARGS);

static alvh_status eval_book_greek(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    alvh_greek greek;
    if (alvh_greek_parse(a[BG_GREEK].text, &greek) != ALVH_OK)
        return alvh_fail(out, ALVH_E_GREEK, "%s, got \"%.40s\"", alvh_status_message(ALVH_E_GREEK),
                         a[BG_GREEK].text);
    alvh_leg *legs = NULL;
    size_t n = 0;
    alvh_status st = alvh_arg_legs(&a[BG_LEGS], "legs", &legs, &n, out);
    if (st != ALVH_OK)
        return st;
    double v = 0.0;
    st = alvh_book_greek(legs, n, greek, a[BG_SPOT].number, a[BG_RATE].number,
                         a[BG_DIV_YIELD].number, a[BG_MULTIPLIER].number, &v);
    free(legs);
    if (st != ALVH_OK)
        return explain(out, st, k_book_greek_args, BG_NARGS, a);
    alvh_result_number(out, v);
    return ALVH_OK;
}

/* BOOK_PNL(legs; spot_range; spot; [days_forward]; [rate]; [div_yield]; [multiplier];
 * [entry_value]) */
enum { BP_LEGS, BP_SPOT_RANGE, BP_SPOT, BP_DAYS_FORWARD, BP_RATE, BP_DIV_YIELD, BP_MULTIPLIER,
       BP_ENTRY_VALUE, BP_NARGS };

static const alvh_arg_spec k_book_pnl_args[] = {
    [BP_LEGS] = LEGS_ARG,
    [BP_SPOT_RANGE] = {"spot_range", "Index levels to evaluate, points: a row or column (e.g. "
                       "4500 to 5500 step 25)", ALVH_ARG_RANGE, 0, 0, NULL},
    [BP_SPOT] = {"spot", "Index level now, points: the book is entered at its value here",
                 ALVH_ARG_NUMBER, 0, 0, NULL},
    [BP_DAYS_FORWARD] = {"days_forward", "Calendar days from now for the second curve (0: "
                         "today, the T+0 line)", ALVH_ARG_NUMBER, 1, 0, NULL},
    [BP_RATE] = ARG_RATE,
    [BP_DIV_YIELD] = ARG_DIV_YIELD,
    [BP_MULTIPLIER] = ARG_MULTIPLIER,
    [BP_ENTRY_VALUE] = {"entry_value", "What the book cost, dollars (negative for a credit "
                        "received); omitted: its model value at spot now", ALVH_ARG_SCALAR, 1, 0,
                        NULL},
};
ALVH_CHECK_ARGS(k_book_pnl_args, BP_NARGS);

static alvh_status eval_book_pnl(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    double spot = a[BP_SPOT].number, days = a[BP_DAYS_FORWARD].number, rate = a[BP_RATE].number;
    double q = a[BP_DIV_YIELD].number, m = a[BP_MULTIPLIER].number;
    const alvh_value *entry_value = &a[BP_ENTRY_VALUE];
    /* spot is checked whether or not entry_value makes it unneeded: a spot of -1 is wrong input
     * either way (issue 19: a check skipped on an optional-argument path). */
    if (!alvh_positive_finite(spot))
        return alvh_fail_value(out, ALVH_E_SPOT, spot);
    if (!(isfinite(days) && days >= 0.0))
        return alvh_fail_rule(out, ALVH_E_DAYS, "days_forward",
                              "zero or positive and finite (calendar days)", days);
    if (entry_value->kind == ALVH_TEXT)
        return alvh_fail(out, ALVH_E_ARG_TYPE, "entry_value must be a number, got text \"%.40s\"",
                         entry_value->text);
    if (entry_value->kind == ALVH_NUMBER && !isfinite(entry_value->number))
        return alvh_fail(out, ALVH_E_PRICE, "entry_value must be a finite number of dollars, got "
                         "%.15g", entry_value->number);
    alvh_leg *legs = NULL;
    size_t n = 0;
    alvh_status st = alvh_arg_legs(&a[BP_LEGS], "legs", &legs, &n, out);
    if (st != ALVH_OK)
        return st;
    double *spots = NULL;
    size_t ns = 0;
    st = alvh_arg_vector(&a[BP_SPOT_RANGE], "spot_range", 1, &spots, &ns, out);
    if (st != ALVH_OK) {
        free(legs);
        return st;
    }
    for (size_t i = 0; i < ns && st == ALVH_OK; ++i)
        if (!(isfinite(spots[i]) && spots[i] > 0.0))
            st = alvh_fail(out, ALVH_E_SPOT, "spot_range item %zu: %s, got %.15g", i + 1,
                           alvh_status_message(ALVH_E_SPOT), spots[i]);
    double entry = 0.0;
    if (st == ALVH_OK) {
        if (entry_value->kind == ALVH_NUMBER)
            entry = entry_value->number;
        else
            st = alvh_book_value(legs, n, spot, 0.0, rate, q, m, &entry);
    }
    double t_expiry = alvh_book_first_expiry(legs, n);
    double elapsed = days / 365.0;
    if (st == ALVH_OK)
        st = alvh_result_alloc(out, ns, 2);
    for (size_t i = 0; i < ns && st == ALVH_OK; ++i) {
        double at_expiry = 0.0, at_date = 0.0;
        st = alvh_book_value(legs, n, spots[i], t_expiry, rate, q, m, &at_expiry);
        if (st == ALVH_OK)
            st = alvh_book_value(legs, n, spots[i], elapsed, rate, q, m, &at_date);
        if (st == ALVH_OK) {
            alvh_result_set_number(out, i, 0, at_expiry - entry);
            alvh_result_set_number(out, i, 1, at_date - entry);
        }
    }
    free(legs);
    free(spots);
    if (st != ALVH_OK && out->message[0] == '\0')
        return explain(out, st, k_book_pnl_args, BP_NARGS, a);
    return st;
}

/* ---- the rows ---------------------------------------------------------------------------------- */

#define LEGS_EXAMPLE                                                                             \
    "[[\"P\",4750,1,0.0821917808219178,0.19],[\"P\",4800,-1,0.0821917808219178,0.175],"          \
    "[\"C\",5225,-1,0.0821917808219178,0.12],[\"C\",5275,1,0.0821917808219178,0.115]]"

const alvh_func alvh_fn_condor[] = {
    {"IC_STRIKES", "Condor",
     "Iron condor strikes: shorts at a BSM delta, rounded away from spot to the strike grid, "
     "wings a fixed width beyond",
     "A row of 4 strikes in index points: long put, short put, short call, long call. The short "
     "put is rounded down and the short call up to a multiple of step, so neither short's delta "
     "exceeds short_delta",
     ALVH_SHAPE_ROW, ALVH_ROW_ARGS(k_strikes_args), eval_strikes,
     "5000\t0.0821917808219178\t0.15\n"
     "5000\t0.0821917808219178\t0.15\t0.2\t25\t5\t0.045\t0.013\n"
     "100\t0.25\t0.3\t0.25\t5\t0\n"},
    {"IC_LEGS", "Condor",
     "The four legs of an iron condor with their BSM prices and greeks, per-leg vols from a skew "
     "or a range",
     "A 4x10 array, one row per leg (long put, short put, short call, long call), columns: type "
     "(\"P\"/\"C\"), strike, quantity (+1 long, -1 short), years, vol, then per ONE long option: "
     "price (points), delta, gamma, vega (per vol point), theta (per calendar day). The first 5 "
     "columns are a legs range for the BOOK_ functions",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_condor_args), eval_legs,
     "[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\n"
     "[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\t0.045\t0.013\t3\n"
     "[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t[[0.19,0.175,0.12,0.115]]\n"},
    {"IC_CREDIT", "Condor",
     "Credit received for one short iron condor at BSM prices (per-leg vols from a skew or a "
     "range)",
     "Dollars per condor: (short put - long put + short call - long call prices) x multiplier",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_condor_mult_args), eval_credit,
     "[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\n"
     "[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\t0.045\t0.013\t3\t1\n"},
    {"IC_MAXLOSS", "Condor",
     "Maximum loss at expiry of one short iron condor: the wider wing minus the credit",
     "Dollars per condor: (max(short put - long put, long call - short call) - credit) x "
     "multiplier; the credit is not discounted",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_condor_mult_args), eval_maxloss,
     "[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\n"
     "[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\t0.045\t0.013\t3\t100\n"},
    {"IC_BREAKEVEN", "Condor",
     "Break-even index level at expiry of one short iron condor, on the put or the call side",
     "Index points: short put - credit (LOWER) or short call + credit (UPPER), credit in points; "
     "an error when the credit is not between 0 and that wing's width",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_breakeven_args), eval_breakeven,
     "LOWER\t[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\n"
     "UPPER\t[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\t0.045\t0.013\t3\n"},
    {"IC_POP", "Condor",
     "Probability that one short iron condor finishes between its break-evens: risk-neutral "
     "lognormal, not a real-world forecast",
     "Probability 0..1 = N(d2(lower)) - N(d2(upper)) with drift rate - div_yield and the vol "
     "given (with 4 vols: the mean of the two short legs' vols); no smile in the distribution",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_condor_args), eval_pop,
     "[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\n"
     "[[4750,4800,5225,5275]]\t5000\t0.0821917808219178\t0.15\t0.045\t0.013\t3\n"},
    {"BOOK_VALUE", "Condor",
     "Value of a book of European option legs (any structure laid out as a legs range), BSM",
     "Dollars: sum of quantity x BSM price x multiplier; negative for a net short (credit) book",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_book_value_args), eval_book_value,
     LEGS_EXAMPLE "\t5000\n" LEGS_EXAMPLE "\t5000\t0.045\t0.013\t100\n"},
    {"BOOK_GREEK", "Condor",
     "One greek of a book of option legs, in dollars (BSM, each leg with its own years and vol)",
     "Dollars: sum of quantity x greek x multiplier. delta: dollars per 1.00 index point; gamma: "
     "change of that per point; vega: per vol point; theta: per calendar day; rho: per rate "
     "point; vanna, volga: per vol point",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_book_greek_args), eval_book_greek,
     "vega\t" LEGS_EXAMPLE "\t5000\n"
     "delta\t" LEGS_EXAMPLE "\t5000\t0.045\t0.013\t100\n"
     "theta\t" LEGS_EXAMPLE "\t5000\t0.045\t0.013\t100\n"},
    {"BOOK_PNL", "Condor",
     "Profit and loss of a book over a range of index levels, at the first expiry and days_forward "
     "days from now: the two curves of a risk profile chart",
     "An n x 2 array in dollars, one row per spot_range item: column 1 the P&L when the first leg "
     "expires (later legs still valued by BSM, vols unchanged), column 2 the P&L days_forward "
     "calendar days from now (expired legs at their payoff); P&L = value - entry_value",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_book_pnl_args), eval_book_pnl,
     LEGS_EXAMPLE "\t[[4700,4800,4900,5000,5100,5200,5300]]\t5000\n"
     LEGS_EXAMPLE "\t[4700,4800,5000,5300]\t5000\t10\t0.045\t0.013\t100\t-2000\n"},
};
ALVH_DEFINE_GROUP_COUNT(condor);
