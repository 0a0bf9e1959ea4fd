/* fn_hedge.c: table rows of the ALVH hedge engine (group "hedge"): condor VIX vega, coverage,
 * notional, sizing, calibration, schedule, cost, hedged break-evens and the policy. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/dates.h"
#include "alvh/hedge.h"
#include "alvh/policy.h"
#include "alvh/vixcurve.h"
#include "internal.h"

/* ---- argument helpers ------------------------------------------------------------------------- */

/* An optional SCALAR argument that must be a number when given. */
static alvh_status arg_opt_number(const alvh_value *v, const char *name, int *given, double *x,
                                  alvh_result *out)
{
    *given = 0;
    if (v->kind == ALVH_EMPTY)
        return ALVH_OK;
    if (v->kind != ALVH_NUMBER)
        return alvh_fail(out, ALVH_E_ARG_TYPE, "%s must be a number, got text \"%.60s\"", name,
                         v->text);
    *given = 1;
    *x = v->number;
    return ALVH_OK;
}

/* The strikes argument: long put, short put, short call, long call. */
static alvh_status arg_strikes(const alvh_value *v, double k[4], alvh_result *out)
{
    return alvh_arg_condor_strikes(v, k, "strikes must be 4 prices (long put, short put, short "
                                   "call, long call), got %zu", out);
}

/* contracts: a positive number of condors. */
static alvh_status check_contracts(double contracts, alvh_result *out)
{
    if (!alvh_positive_finite(contracts))
        return alvh_fail_rule(out, ALVH_E_ARGUMENT, "contracts", "a positive number of condors",
                              contracts);
    return ALVH_OK;
}

/* multiplier: dollars per index point, positive. */
static alvh_status check_multiplier(double mult, alvh_result *out)
{
    if (!alvh_positive_finite(mult))
        return alvh_fail_rule(out, ALVH_E_MULTIPLIER, "multiplier",
                              "a positive dollar amount per point", mult);
    return ALVH_OK;
}

/* condor_vega: dollars per VIX point, nonzero (the sign is ignored). */
static alvh_status check_condor_vega(double cv, alvh_result *out)
{
    if (!isfinite(cv) || cv == 0.0)
        return alvh_fail_rule(out, ALVH_E_VEGA, "condor_vega", "nonzero dollars per VIX point", cv);
    return ALVH_OK;
}

/* Argument specs shared by several rows. */
#define ARG_CONTRACTS(example)                                                                \
    {"contracts", "Number of condors" example, ALVH_ARG_NUMBER, 1, 1.0, NULL}
#define ARG_MULTIPLIER                                                                        \
    {"multiplier", "Dollars per index point (SPX options: 100)", ALVH_ARG_NUMBER, 1, 100.0, NULL}
#define ARG_CREDIT                                                                            \
    {"credit", "Credit of one condor, index points, e.g. 12.5", ALVH_ARG_NUMBER, 0, 0, NULL}
#define ARG_POLICY(what)                                                                      \
    {"policy", "Policy: JSON text, " ALVH_POLICY_FILE_HELP ", or a 2-column range of key/value " \
               "rows (signals.rsi_level | 75)" what, ALVH_ARG_RANGE, 1, 0, NULL}
#define ARG_CONDOR_VEGA(example)                                                              \
    {"condor_vega",                                                                           \
     "Dollars the condor changes per +1 point of VIX (CONDOR_VIX_VEGA; the sign is ignored), " \
     "e.g. " example,                                                                         \
     ALVH_ARG_NUMBER, 0, 0, NULL}

/* ---- CONDOR_VIX_VEGA -------------------------------------------------------------------------- */

/* CONDOR_VIX_VEGA(leg_vegas; [contracts]; [vol_beta]; [leg_vols]; [vix_spot]; [multiplier]) */
enum { CVV_LEG_VEGAS, CVV_CONTRACTS, CVV_VOL_BETA, CVV_LEG_VOLS, CVV_VIX_SPOT, CVV_MULTIPLIER,
       CVV_NARGS };

static alvh_status eval_condor_vix_vega(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double contracts = a[CVV_CONTRACTS].number, vol_beta = a[CVV_VOL_BETA].number;
    double mult = a[CVV_MULTIPLIER].number, spot = 0.0;
    alvh_status st = check_contracts(contracts, out);
    if (st != ALVH_OK)
        return st;
    if (!isfinite(vol_beta) || vol_beta < 0.0)
        return alvh_fail_rule(out, ALVH_E_ARGUMENT, "vol_beta", "zero or positive (vol points per "
                              "VIX point)", vol_beta);
    int spot_given = 0;
    st = check_multiplier(mult, out);
    if (st == ALVH_OK)
        st = arg_opt_number(&a[CVV_VIX_SPOT], "vix_spot", &spot_given, &spot, out);
    /* Checked whenever given, used or not (without leg_vols it is not): a VIX of -5 is wrong
     * input either way (issue 19: a check skipped on an optional-argument path). */
    if (st == ALVH_OK && spot_given && !alvh_positive_finite(spot))
        st = alvh_fail_rule(out, ALVH_E_SPOT, "vix_spot", "a positive VIX level in points", spot);
    if (st != ALVH_OK)
        return st;
    double *vegas = NULL, *vols = NULL;
    size_t nv = 0, nvol = 0;
    st = alvh_arg_vector(&a[CVV_LEG_VEGAS], "leg_vegas", 1, &vegas, &nv, out);
    if (st == ALVH_OK && a[CVV_LEG_VOLS].kind != ALVH_EMPTY) {
        st = alvh_arg_vector(&a[CVV_LEG_VOLS], "leg_vols", 1, &vols, &nvol, out);
        if (st == ALVH_OK && nvol != nv)
            st = alvh_fail(out, ALVH_E_RANGE_SHAPE, "leg_vols must have one vol per leg vega: "
                           "got %zu value%s in leg_vols for %zu in leg_vegas", nvol,
                           nvol == 1 ? "" : "s", nv);
        if (st == ALVH_OK && !spot_given)
            st = alvh_fail(out, ALVH_E_MISSING, "vix_spot is required with leg_vols (each leg's "
                           "vol moves by leg vol x 100 / vix_spot points per VIX point)");
        for (size_t i = 0; st == ALVH_OK && i < nvol; ++i)
            if (!isfinite(vols[i]) || vols[i] < 0.0)
                st = alvh_fail(out, ALVH_E_VOL, "leg_vols: item %zu must be a vol (decimal, "
                               "zero or positive), got %.15g", i + 1, vols[i]);
    }
    for (size_t i = 0; st == ALVH_OK && i < nv; ++i)
        if (!isfinite(vegas[i]))
            st = alvh_fail(out, ALVH_E_VEGA, "leg_vegas: item %zu is not finite", i + 1);
    double d = 0.0;
    if (st == ALVH_OK)
        st = alvh_condor_vix_vega(vegas, nv, contracts, vol_beta, vols, spot, mult, &d);
    free(vegas);
    free(vols);
    return alvh_result_number_if(out, st, d);
}

static const alvh_arg_spec k_condor_vix_vega_args[] = {
    [CVV_LEG_VEGAS] = {"leg_vegas", "Vega per vol point of each leg of ONE condor, index points, "
                       "signed by position (short legs negative), e.g. 3.1; -5.2; -4.6; 2.4 (or "
                       "the condor's total)",
                       ALVH_ARG_RANGE, 0, 0, NULL},
    [CVV_CONTRACTS] = ARG_CONTRACTS(", e.g. 2"),
    [CVV_VOL_BETA] = {"vol_beta", "Vol points the legs' implied vols move per point of VIX (1: "
                      "one for one)", ALVH_ARG_NUMBER, 1, 1.0, NULL},
    [CVV_LEG_VOLS] = {"leg_vols", "Skew option: each leg's implied vol (decimals); each then "
                      "moves leg vol x 100 / vix_spot points per VIX point. Empty: all legs move "
                      "alike", ALVH_ARG_RANGE, 1, 0, NULL},
    [CVV_VIX_SPOT] = {"vix_spot", "Spot VIX in points, needed with leg_vols, e.g. 18",
                      ALVH_ARG_SCALAR, 1, 0, NULL},
    [CVV_MULTIPLIER] = ARG_MULTIPLIER,
};
ALVH_CHECK_ARGS(k_condor_vix_vega_args, CVV_NARGS);

/* ---- ALVH_COVERAGE ---------------------------------------------------------------------------- */

/* ALVH_COVERAGE(hedge_vega; condor_vega) */
enum { COV_HEDGE_VEGA, COV_CONDOR_VEGA, COV_NARGS };

static alvh_status eval_coverage(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double h = a[COV_HEDGE_VEGA].number, c = a[COV_CONDOR_VEGA].number, cov = 0.0;
    if (!isfinite(h) || h < 0.0)
        return alvh_fail_rule(out, ALVH_E_VEGA, "hedge_vega", "zero or positive dollars per VIX point",
                       h);
    alvh_status st = check_condor_vega(c, out);
    if (st == ALVH_OK)
        st = alvh_coverage(h, c, &cov);
    return alvh_result_number_if(out, st, cov);
}

static const alvh_arg_spec k_coverage_args[] = {
    [COV_HEDGE_VEGA] = {"hedge_vega", "Dollars the hedge gains per +1 point of spot VIX (sum of "
                        "VIX_LAYER_VEGA), e.g. 700", ALVH_ARG_NUMBER, 0, 0, NULL},
    [COV_CONDOR_VEGA] = ARG_CONDOR_VEGA("-1400"),
};
ALVH_CHECK_ARGS(k_coverage_args, COV_NARGS);

/* ---- ALVH_NOTIONAL ---------------------------------------------------------------------------- */

/* ALVH_NOTIONAL(strikes; credit; [contracts]; [policy]) */
enum { NTL_STRIKES, NTL_CREDIT, NTL_CONTRACTS, NTL_POLICY, NTL_NARGS };

static alvh_status eval_notional(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double k[4], credit = a[NTL_CREDIT].number, contracts = a[NTL_CONTRACTS].number, v = 0.0;
    alvh_policy p;
    alvh_status st = arg_strikes(&a[NTL_STRIKES], k, out);
    if (st == ALVH_OK)
        st = alvh_arg_policy(&a[NTL_POLICY], &p, out);
    if (st != ALVH_OK)
        return st;
    double wing = fmax(k[1] - k[0], k[3] - k[2]);
    if (!isfinite(credit) || credit < 0.0 || credit >= wing) {
        char w[32];
        alvh_format_number(w, sizeof w, wing);
        char rule[96];
        snprintf(rule, sizeof rule, "zero or positive points and below the wider wing (%s)", w);
        return alvh_fail_rule(out, ALVH_E_PRICE, "credit", rule, credit);
    }
    st = check_contracts(contracts, out);
    if (st == ALVH_OK)
        st = alvh_hedge_notional(k, credit, contracts, &p, &v);
    return alvh_result_number_if(out, st, v);
}

static const alvh_arg_spec k_notional_args[] = {
    [NTL_STRIKES] = {"strikes", "The condor's 4 strikes: long put, short put, short call, long "
                     "call, e.g. 5650; 5700; 6300; 6350", ALVH_ARG_RANGE, 0, 0, NULL},
    [NTL_CREDIT] = ARG_CREDIT,
    [NTL_CONTRACTS] = ARG_CONTRACTS(""),
    [NTL_POLICY] = ARG_POLICY("; its notional_basis (short_strike, max_loss, margin) picks the "
                              "measure"),
};
ALVH_CHECK_ARGS(k_notional_args, NTL_NARGS);

/* ---- ALVH_SIZE -------------------------------------------------------------------------------- */

static alvh_status arg_layer(const alvh_value *v, int *layer, alvh_result *out)
{
    *layer = 0;
    int given = 0;
    double x = 0.0;
    alvh_status st = arg_opt_number(v, "layer", &given, &x, out);
    if (st != ALVH_OK || !given)
        return st;
    if (x != 1.0 && x != 2.0 && x != 3.0)
        return alvh_fail_value(out, ALVH_E_LAYER, x);
    *layer = (int)x;
    return ALVH_OK;
}

/* ALVH_SIZE(notional; [layer]; [policy]) */
enum { SIZE_NOTIONAL, SIZE_LAYER, SIZE_POLICY, SIZE_NARGS };

static alvh_status eval_size(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double notional = a[SIZE_NOTIONAL].number, c[ALVH_LAYERS];
    int layer;
    alvh_policy p;
    if (!alvh_positive_finite(notional))
        return alvh_fail_value(out, ALVH_E_NOTIONAL, notional);
    alvh_status st = arg_layer(&a[SIZE_LAYER], &layer, out);
    if (st == ALVH_OK)
        st = alvh_arg_policy(&a[SIZE_POLICY], &p, out);
    if (st == ALVH_OK)
        st = alvh_hedge_size(notional, &p, c);
    if (st != ALVH_OK)
        return st;
    if (layer) {
        alvh_result_number(out, c[layer - 1]);
        return ALVH_OK;
    }
    st = alvh_result_alloc(out, 1, ALVH_LAYERS);
    if (st != ALVH_OK)
        return st;
    for (size_t i = 0; i < ALVH_LAYERS; ++i)
        alvh_result_set_number(out, 0, i, c[i]);
    return ALVH_OK;
}

static const alvh_arg_spec k_size_args[] = {
    [SIZE_NOTIONAL] = {"notional", "Condor notional in dollars, measured as the policy's "
                       "notional_basis says (ALVH_NOTIONAL), e.g. 250000", ALVH_ARG_NUMBER, 0, 0,
                       NULL},
    [SIZE_LAYER] = {"layer", "1 (front), 2 (mid) or 3 (back); empty: all three as a row",
                    ALVH_ARG_SCALAR, 1, 0, NULL},
    [SIZE_POLICY] = ARG_POLICY(" (layers.N.contracts per notional_unit, rounding)"),
};
ALVH_CHECK_ARGS(k_size_args, SIZE_NARGS);

/* ---- ALVH_CALIBRATE --------------------------------------------------------------------------- */

/* ALVH_CALIBRATE(condor_vega; layer_unit_vegas; [target]; [policy]) */
enum { CAL_CONDOR_VEGA, CAL_UNIT_VEGAS, CAL_TARGET, CAL_POLICY, CAL_NARGS };

/* The coverage band's edges and a coverage that missed it, for a sentence: the coverage with
 * enough digits (4 at least) to differ from the edge it missed (0.39996 is not "0.4" beside a
 * band from 0.4). Buffers of 32 bytes. */
static void band_text(const alvh_policy *p, double coverage, char *lo, char *hi, char *cov)
{
    char edge[32];
    const int below = coverage < p->coverage_low;
    alvh_format_number(lo, 32, p->coverage_low);
    alvh_format_number(hi, 32, p->coverage_high);
    alvh_format_distinct(cov, 32, edge, sizeof edge, coverage,
                         below ? p->coverage_low : p->coverage_high, 4);
}

static alvh_status eval_calibrate(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double cv = a[CAL_CONDOR_VEGA].number, target = 0.0, u[ALVH_LAYERS];
    int given = 0;
    alvh_policy p;
    alvh_status st = check_condor_vega(cv, out);
    if (st == ALVH_OK)
        st = arg_opt_number(&a[CAL_TARGET], "target", &given, &target, out);
    if (st == ALVH_OK)
        st = alvh_arg_policy(&a[CAL_POLICY], &p, out);
    if (st != ALVH_OK)
        return st;
    if (!given)
        target = p.coverage_target;
    if (!isfinite(target) || target < p.coverage_low || target > p.coverage_high) {
        char lo[32], hi[32], t[32];
        alvh_format_number(lo, sizeof lo, p.coverage_low);
        alvh_format_number(hi, sizeof hi, p.coverage_high);
        alvh_format_number(t, sizeof t, target);
        return alvh_fail(out, ALVH_E_ARGUMENT, "target must be inside the policy's coverage band "
                         "%s to %s (decimals), got %s", lo, hi, t);
    }
    st = alvh_arg_exact(&a[CAL_UNIT_VEGAS], "layer_unit_vegas", ALVH_LAYERS, u, ALVH_E_RANGE_SHAPE,
                        "layer_unit_vegas must be 3 values (dollars per VIX point of one "
                        "contract of layers 1, 2, 3), got %zu", out);
    if (st != ALVH_OK)
        return st;
    for (size_t i = 0; i < ALVH_LAYERS; ++i)
        if (!isfinite(u[i]) || u[i] < 0.0) {
            char num[32];
            alvh_format_number(num, sizeof num, u[i]);
            return alvh_fail(out, ALVH_E_VEGA, "layer_unit_vegas: item %zu must be zero or "
                             "positive dollars per VIX point, got %s", i + 1, num);
        }
    alvh_calibration cal;
    st = alvh_hedge_calibrate(cv, u, target, &p, &cal);
    if (st == ALVH_E_NO_SOLUTION) {
        if (!(cal.step > 0.0))
            return alvh_fail(out, st, "no whole-contract hedge can cover anything: the layers "
                             "with contracts in the policy have no VIX vega");
        char lo[32], hi[32], cov[32], c[32], v[3][32];
        band_text(&p, cal.coverage, lo, hi, cov);
        alvh_format_number(c, sizeof c, cv);
        for (int i = 0; i < ALVH_LAYERS; ++i)
            alvh_format_number(v[i], sizeof v[i], u[i]);
        return alvh_fail(out, st, "no whole-contract hedge in the proportions %g/%g/%g lands in "
                         "the coverage band %s to %s: each step of %g/%g/%g contracts covers "
                         "%.4g, and the nearest, %g/%g/%g, covers %s (condor_vega %s, "
                         "layer_unit_vegas %s, %s, %s)",
                         cal.base[0], cal.base[1], cal.base[2], lo, hi, cal.base[0],
                         cal.base[1], cal.base[2], cal.step, cal.contracts[0], cal.contracts[1],
                         cal.contracts[2], cov, c, v[0], v[1], v[2]);
    }
    if (st == ALVH_E_POLICY_VALUE)
        return alvh_fail(out, st, "the policy's layer contracts are not a ratio of whole numbers "
                         "(up to 1000), so their proportions cannot be kept in whole contracts");
    if (st != ALVH_OK)
        return st;
    st = alvh_result_alloc(out, 1, ALVH_LAYERS + 1);
    if (st != ALVH_OK)
        return st;
    for (size_t i = 0; i < ALVH_LAYERS; ++i)
        alvh_result_set_number(out, 0, i, cal.contracts[i]);
    alvh_result_set_number(out, 0, ALVH_LAYERS, cal.coverage);
    return ALVH_OK;
}

static const alvh_arg_spec k_calibrate_args[] = {
    [CAL_CONDOR_VEGA] = ARG_CONDOR_VEGA("-1500"),
    [CAL_UNIT_VEGAS] = {"layer_unit_vegas", "Dollars per VIX point of ONE contract of layers 1, "
                        "2, 3 (VIX_LAYER_VEGA with contracts 1), e.g. 18; 11; 7", ALVH_ARG_RANGE,
                        0, 0, NULL},
    [CAL_TARGET] = {"target", "Coverage to aim at, decimal inside the policy's band; empty: "
                    "coverage_target (0.5)", ALVH_ARG_SCALAR, 1, 0, NULL},
    [CAL_POLICY] = ARG_POLICY(" (layer proportions, coverage band)"),
};
ALVH_CHECK_ARGS(k_calibrate_args, CAL_NARGS);

/* ---- ALVH_SCHEDULE and ALVH_COST -------------------------------------------------------------- */

/* The futures argument: rows of (expiry serial, price); expiries at or before valuation are
 * dropped (expired contracts are not on the curve); the rest must increase. Omitted, or a
 * range whose cells are all empty (a blank quote block on a sheet): no quotes, *n = 0, the
 * model curve. Blank rows inside a filled range are skipped. */
static alvh_status arg_futures(const alvh_value *v, double valuation, double **tenors,
                               double **prices, size_t *n, alvh_result *out)
{
    *tenors = *prices = NULL;
    *n = 0;
    if (alvh_arg_blank(v))
        return ALVH_OK;
    if (v->kind != ALVH_RANGE || v->cols != 2) {
        char got[96];
        alvh_describe_value(v, got, sizeof got);
        return alvh_fail(out, ALVH_E_RANGE_SHAPE, "futures must be a range of 2 columns (expiry "
                         "date, price), got %zu columns (%s)",
                         v->kind == ALVH_RANGE ? v->cols : 1, got);
    }
    double *t = malloc(v->rows * sizeof *t), *f = malloc(v->rows * sizeof *f);
    if (!t || !f) {
        free(t);
        free(f);
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    }
    size_t k = 0;
    for (size_t r = 0; r < v->rows; ++r) {
        const alvh_value *e = &v->cells[2 * r], *pr = &v->cells[2 * r + 1];
        if (alvh_cell_blank(e) && alvh_cell_blank(pr))
            continue; /* a blank row in a longer range */
        alvh_status st = ALVH_OK;
        char got[96];
        alvh_describe_value(e->kind != ALVH_NUMBER ? e : pr, got, sizeof got);
        if (e->kind != ALVH_NUMBER || pr->kind != ALVH_NUMBER)
            st = alvh_fail(out, ALVH_E_RANGE_VALUE, "futures: row %zu must hold an expiry date "
                           "and a price (numbers), got %s in column %d", r + 1, got,
                           e->kind != ALVH_NUMBER ? 1 : 2);
        else if (!isfinite(e->number))
            st = alvh_fail(out, ALVH_E_DATE, "futures: row %zu: the expiry is not a date", r + 1);
        else if (e->number <= valuation)
            continue; /* expired */
        else if (!alvh_positive_finite(pr->number))
            st = alvh_fail(out, ALVH_E_CURVE, "futures: row %zu: the price must be positive, got "
                           "%.15g", r + 1, pr->number);
        else if (k > 0 && !((e->number + (e->number == floor(e->number) ? ALVH_TIME_AM : 0.0)
                              - valuation) / 365.0 > t[k - 1]))
            st = alvh_fail(out, ALVH_E_CURVE, "futures: row %zu: expiries must increase down "
                           "the range", r + 1);
        if (st != ALVH_OK) {
            free(t);
            free(f);
            return st;
        }
        /* A date without a time is the VIX settlement time, 09:30, as VIX_EXPIRY gives it,
         * so a quote typed as a plain date lands exactly on the layer's expiry. */
        double ex = e->number == floor(e->number) ? e->number + ALVH_TIME_AM : e->number;
        alvh_years_between(valuation, ex, &t[k]);
        f[k++] = pr->number;
    }
    if (k == 0) {
        free(t);
        free(f);
        return alvh_fail(out, ALVH_E_CURVE, "futures: no contract expires after the valuation "
                         "date");
    }
    *tenors = t;
    *prices = f;
    *n = k;
    return ALVH_OK;
}

/* ALVH_SCHEDULE and ALVH_COST(valuation; vix_spot; notional; condor_vega; [policy];
 * [futures]) */
enum { SCH_VALUATION, SCH_VIX_SPOT, SCH_NOTIONAL, SCH_CONDOR_VEGA, SCH_POLICY, SCH_FUTURES,
       SCH_NARGS };

/* Validates the arguments of ALVH_SCHEDULE and ALVH_COST (the same six) and builds the
 * schedule into rows. */
static alvh_status run_schedule(const alvh_value *a, alvh_layer_row rows[ALVH_LAYERS],
                                alvh_result *out)
{
    double val = a[SCH_VALUATION].number, spot = a[SCH_VIX_SPOT].number;
    double notional = a[SCH_NOTIONAL].number, cv = a[SCH_CONDOR_VEGA].number;
    alvh_policy p;
    int y, m, d;
    if (!isfinite(val) || alvh_ymd_from_serial(val, &y, &m, &d) != ALVH_OK)
        return alvh_fail_rule(out, ALVH_E_DATE, "valuation", "a date (spreadsheet serial)", val);
    if (!alvh_positive_finite(spot))
        return alvh_fail_rule(out, ALVH_E_SPOT, "vix_spot", "a positive VIX level in points", spot);
    if (!alvh_positive_finite(notional))
        return alvh_fail_value(out, ALVH_E_NOTIONAL, notional);
    alvh_status st = check_condor_vega(cv, out);
    if (st == ALVH_OK)
        st = alvh_arg_policy(&a[SCH_POLICY], &p, out);
    if (st != ALVH_OK)
        return st;
    double *t = NULL, *f = NULL;
    size_t nf = 0;
    st = arg_futures(&a[SCH_FUTURES], val, &t, &f, &nf, out);
    if (st != ALVH_OK)
        return st;
    alvh_curve curve = {t, f, nf};
    int bad = 0;
    st = alvh_hedge_schedule(val, spot, notional, cv, &p, &curve, rows, &bad);
    free(t);
    free(f);
    if (st == ALVH_E_NO_EXPIRY && bad >= 1 && bad <= ALVH_LAYERS) {
        const alvh_layer_policy *l = &p.layers[bad - 1];
        return alvh_fail(out, st, "layer %d: no VIX expiry from %g to %g days after the "
                         "valuation date%s; the first is %.4g days away (widen "
                         "layers.%d.max_days)", bad, l->min_days, l->max_days,
                         p.distinct_expiries && bad > 1 ? " and after the previous layer's" : "",
                         rows[bad - 1].days, bad);
    }
    if (st == ALVH_E_NO_SOLUTION) {
        char lo[32], hi[32], cov[32], c[32];
        band_text(&p, rows[0].coverage, lo, hi, cov);
        alvh_format_number(c, sizeof c, cv);
        return alvh_fail(out, st, "sizing \"vega\": no whole-contract hedge in the policy's "
                         "proportions lands in the coverage band %s to %s; the nearest, "
                         "%g/%g/%g contracts, covers %s of condor_vega %s", lo, hi,
                         rows[0].contracts, rows[1].contracts, rows[2].contracts, cov, c);
    }
    return st;
}

static alvh_status eval_schedule(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    alvh_layer_row rows[ALVH_LAYERS];
    alvh_status st = run_schedule(a, rows, out);
    if (st == ALVH_OK)
        st = alvh_result_alloc(out, ALVH_LAYERS, ALVH_SCHEDULE_COLS);
    for (size_t i = 0; st == ALVH_OK && i < ALVH_LAYERS; ++i) {
        double c[ALVH_SCHEDULE_COLS];
        alvh_layer_row_values(&rows[i], c);
        for (size_t k = 0; k < ALVH_SCHEDULE_COLS; ++k)
            alvh_result_set_number(out, i, k, c[k]);
    }
    return st;
}

static alvh_status eval_cost(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    alvh_layer_row rows[ALVH_LAYERS];
    double total = 0.0;
    alvh_status st = run_schedule(a, rows, out);
    for (size_t i = 0; st == ALVH_OK && i < ALVH_LAYERS; ++i)
        total += rows[i].monthly_cost;
    return alvh_result_number_if(out, st, total);
}

static const alvh_arg_spec k_schedule_args[] = {
    [SCH_VALUATION] = {"valuation", "Valuation date-time, spreadsheet serial (US/Eastern), e.g. "
                       "46037 for 2026-01-15", ALVH_ARG_NUMBER, 0, 0, NULL},
    [SCH_VIX_SPOT] = {"vix_spot", "Spot VIX in points, e.g. 16", ALVH_ARG_NUMBER, 0, 0, NULL},
    [SCH_NOTIONAL] = {"notional", "Condor notional in dollars as the policy's notional_basis "
                      "measures it (ALVH_NOTIONAL), e.g. 250000", ALVH_ARG_NUMBER, 0, 0, NULL},
    [SCH_CONDOR_VEGA] = {"condor_vega", "Dollars the condor changes per +1 point of VIX "
                         "(CONDOR_VIX_VEGA), e.g. -1500", ALVH_ARG_NUMBER, 0, 0, NULL},
    [SCH_POLICY] = ARG_POLICY(" (layers, windows, strikes, sizing, costs)"),
    [SCH_FUTURES] = {"futures", "Quoted VIX futures: 2 columns, expiry date (serial; a plain date "
                     "means 09:30) and price; expired rows are skipped. Omitted or all cells "
                     "empty: the model curve VIX_FUT", ALVH_ARG_RANGE, 1, 0, NULL},
};
ALVH_CHECK_ARGS(k_schedule_args, SCH_NARGS);

/* ---- ALVH_BREAKEVEN --------------------------------------------------------------------------- */

/* ALVH_BREAKEVEN(side; strikes; credit; hedge_debit; [contracts]; [multiplier]) */
enum { HBE_SIDE, HBE_STRIKES, HBE_CREDIT, HBE_HEDGE_DEBIT, HBE_CONTRACTS, HBE_MULTIPLIER,
       HBE_NARGS };

static alvh_status eval_breakeven(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    int side = 0;
    double k[4], credit = a[HBE_CREDIT].number, debit = a[HBE_HEDGE_DEBIT].number;
    double contracts = a[HBE_CONTRACTS].number, mult = a[HBE_MULTIPLIER].number, level = 0.0;
    alvh_status st = alvh_arg_side(&a[HBE_SIDE], &side, out);
    if (st == ALVH_OK)
        st = arg_strikes(&a[HBE_STRIKES], k, out);
    if (st != ALVH_OK)
        return st;
    if (!alvh_positive_finite(credit))
        return alvh_fail_rule(out, ALVH_E_PRICE, "credit", "a positive number of index points per "
                       "condor", credit);
    if (!isfinite(debit) || debit < 0.0)
        return alvh_fail_rule(out, ALVH_E_ARGUMENT, "hedge_debit", "zero or positive dollars", debit);
    st = check_contracts(contracts, out);
    if (st == ALVH_OK)
        st = check_multiplier(mult, out);
    if (st != ALVH_OK)
        return st;
    st = alvh_hedge_breakeven(k, credit, debit, contracts, mult, side, &level);
    double per = debit / (contracts * mult);
    if (st == ALVH_E_HEDGE_COST) {
        char d[32], pp[32], c[32];
        alvh_format_number(d, sizeof d, debit);
        alvh_format_number(pp, sizeof pp, per);
        alvh_format_number(c, sizeof c, credit);
        char nc[32], m[32];
        alvh_format_number(nc, sizeof nc, contracts);
        alvh_format_number(m, sizeof m, mult);
        return alvh_fail(out, st, "the hedge debit (hedge_debit %s dollars = %s points per "
                         "condor at contracts %s and multiplier %s) is at least the credit (%s "
                         "points): the hedged condor loses at every expiry level, so it has no "
                         "break-even", d, pp, nc, m, c);
    }
    if (st == ALVH_E_NO_BREAKEVEN) {
        char c[32], nc[32], w[32];
        alvh_format_number(c, sizeof c, credit);
        alvh_format_number(nc, sizeof nc, credit - per);
        alvh_format_number(w, sizeof w, side < 0 ? k[1] - k[0] : k[3] - k[2]);
        return alvh_fail(out, st, "no %s break-even: the net credit (%s points: credit %s less "
                         "the hedge) is at least the %s wing (%s points), so that side never "
                         "loses at expiry",
                         side < 0 ? "lower" : "upper", nc, c, side < 0 ? "put" : "call", w);
    }
    return alvh_result_number_if(out, st, level);
}

static const alvh_arg_spec k_breakeven_args[] = {
    [HBE_SIDE] = {"side", "\"LOWER\" (or -1) or \"UPPER\" (or 1)", ALVH_ARG_SCALAR, 0, 0, NULL},
    [HBE_STRIKES] = {"strikes", "The condor's 4 strikes: long put, short put, short call, long "
                     "call", ALVH_ARG_RANGE, 0, 0, NULL},
    [HBE_CREDIT] = ARG_CREDIT,
    [HBE_HEDGE_DEBIT] = {"hedge_debit", "Hedge cost charged against the credit, dollars (the "
                         "schedule's debits, or a month's carry), e.g. 450", ALVH_ARG_NUMBER, 0,
                         0, NULL},
    [HBE_CONTRACTS] = ARG_CONTRACTS(""),
    [HBE_MULTIPLIER] = ARG_MULTIPLIER,
};
ALVH_CHECK_ARGS(k_breakeven_args, HBE_NARGS);

/* ---- ALVH_POLICY ------------------------------------------------------------------------------ */

/* ALVH_POLICY(key; [policy]) */
enum { POL_KEY, POL_POLICY, POL_NARGS };

static alvh_status eval_policy(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    alvh_policy p;
    alvh_status st = alvh_arg_policy(&a[POL_POLICY], &p, out);
    if (st != ALVH_OK)
        return st;
    const char *key = a[POL_KEY].text;
    if (strcmp(key, "*") == 0)
        key = "";
    alvh_policy_value v;
    char err[ALVH_MESSAGE_SIZE];
    st = alvh_policy_get(&p, key, &v, err, sizeof err);
    if (st != ALVH_OK)
        return alvh_fail(out, st, "%s", err);
    if (!v.is_text) {
        alvh_result_number(out, v.number);
        return ALVH_OK;
    }
    st = alvh_result_alloc(out, 1, 1);
    if (st == ALVH_OK)
        st = alvh_result_set_text(out, 0, 0, v.text);
    free(v.text);
    return st;
}

static const alvh_arg_spec k_policy_args[] = {
    [POL_KEY] = {"key", "Policy key as a dotted path, layers numbered 1-3: \"coverage_target\", "
                 "\"layers.2.contracts\", \"signals.rsi_level\"; \"*\" for the whole policy",
                 ALVH_ARG_TEXT, 0, 0, NULL},
    [POL_POLICY] = ARG_POLICY("; empty: the built-in default"),
};
ALVH_CHECK_ARGS(k_policy_args, POL_NARGS);

const alvh_func alvh_fn_hedge[] = {
    {"CONDOR_VIX_VEGA", "Hedge",
     "Dollars a condor position changes for +1 point of VIX: leg vegas x vol_beta x contracts x "
     "multiplier (skew option: legs move with their own vol)",
     "Dollars per VIX point (negative for a short condor)",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_condor_vix_vega_args), eval_condor_vix_vega,
     "[3.1,-5.2,-4.6,2.4]\n"
     "[3.1,-5.2,-4.6,2.4]\t2\t1\t[0.26,0.22,0.13,0.12]\t18\n"
     "-4.3\t10\t0.8\n"},
    {"ALVH_COVERAGE", "Hedge",
     "Share of the condor's VIX loss the hedge covers: hedge_vega / |condor_vega| (the 40-60% "
     "rule)",
     "Decimal (0.5 = 50%)", ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_coverage_args), eval_coverage,
     "700\t-1400\n"
     "350\t1400\n"},
    {"ALVH_NOTIONAL", "Hedge",
     "Notional of short iron condors as the policy defines it: short_strike, max_loss or margin",
     "Dollars", ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_notional_args), eval_notional,
     "[5650,5700,6300,6350]\t12.5\n"
     "[5650,5700,6300,6350]\t12.5\t3\t{\"notional_basis\":\"max_loss\"}\n"
     "[5650,5700,6300,6350]\t12.5\t3\t{\"notional_basis\":\"margin\"}\n"},
    {"ALVH_SIZE", "Hedge",
     "VIX call contracts of a layer by the per-notional rule (4/4/2 per $100,000), rounded to "
     "whole contracts",
     "Contracts; without layer a row: layer 1, layer 2, layer 3",
     ALVH_SHAPE_ROW, ALVH_ROW_ARGS(k_size_args), eval_size,
     "250000\t1\n"
     "250000\t3\n"
     "250000\n"
     "125000\t3\t{\"rounding\":\"down\"}\n"},
    {"ALVH_CALIBRATE", "Hedge",
     "Whole contracts per layer in the policy's proportions (4:4:2) with coverage nearest the "
     "target inside the band",
     "Row: layer 1, layer 2, layer 3 contracts, coverage achieved (decimal)",
     ALVH_SHAPE_ROW, ALVH_ROW_ARGS(k_calibrate_args), eval_calibrate,
     "-1500\t[18,11,7]\n"
     "-1500\t[18,11,7]\t0.45\n"
     "-4000\t[18,11,7]\t0.5\t{\"layers\":[{\"contracts\":1},{\"contracts\":1},{\"contracts\":0}]}\n"},
    {"ALVH_SCHEDULE", "Hedge",
     "The ALVH layer table: expiry, strike, contracts, price, debit, delta, vega, monthly cost per "
     "layer",
     "3 rows (layers 1-3) x 13 columns: layer, expiry (serial), days to expiry, strike, "
     "contracts, future, option price (VIX points), debit ($), delta, beta, layer vega ($ per VIX "
     "point), monthly cost (decimal of notional), coverage (decimal)",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_schedule_args), eval_schedule,
     "46037\t16\t250000\t-1500\n"
     "46037\t16\t250000\t-1500\t{\"sizing\":\"vega\"}\t[[46043,16.9],[46071,18.1],[46099,18.9],"
     "[46127,19.5]]\n"},
    {"ALVH_COST", "Hedge",
     "Monthly carry of the ALVH hedge as a share of notional (each layer's cost to its roll date, "
     "per month)",
     "Decimal of notional per month (0.0045 = 0.45%)",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_schedule_args), eval_cost,
     "46037\t16\t250000\t-1500\n"
     "46037\t16\t250000\t-1500\t{\"cost_method\":\"debit\"}\n"},
    {"ALVH_BREAKEVEN", "Hedge",
     "Break-even of short condors at expiry with the hedge debit charged against the credit",
     "Index level", ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_breakeven_args), eval_breakeven,
     "LOWER\t[5650,5700,6300,6350]\t12.5\t450\n"
     "UPPER\t[5650,5700,6300,6350]\t12.5\t450\t3\t100\n"},
    {"ALVH_POLICY", "Hedge",
     "Reads one value of a policy (the built-in default, JSON text, or a JSON file)",
     "The value: a number (true/false as 1/0), or text for words and JSON parts",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_policy_args), eval_policy,
     "layers.1.contracts\n"
     "coverage_target\t{\"coverage_target\":0.45}\n"
     "notional_basis\n"},
};
ALVH_DEFINE_GROUP_COUNT(hedge);
