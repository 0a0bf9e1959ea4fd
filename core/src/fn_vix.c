/* fn_vix.c: table rows for the VIX term structure and VIX option layers (group "vix"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/hedge.h"
#include "alvh/policy.h"
#include "alvh/vixcurve.h"
#include "internal.h"

/* ---- VIX_FUT ---------------------------------------------------------------------------------- */

/* VIX_FUT(years; vix_spot; [long_run]; [speed]) */
enum { FUT_YEARS, FUT_VIX_SPOT, FUT_LONG_RUN, FUT_SPEED, FUT_NARGS };

static alvh_status eval_vix_fut(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double years = a[FUT_YEARS].number, spot = a[FUT_VIX_SPOT].number;
    double lr = a[FUT_LONG_RUN].number, speed = a[FUT_SPEED].number;
    if (!alvh_positive_finite(spot))
        return alvh_fail_rule(out, ALVH_E_SPOT, "vix_spot", "a positive VIX level in points", spot);
    if (!alvh_positive_finite(lr))
        return alvh_fail_rule(out, ALVH_E_SPOT, "long_run", "a positive VIX level in points", lr);
    if (!isfinite(speed) || speed < 0.0)
        return alvh_fail_rule(out, ALVH_E_ARGUMENT, "speed", "zero or a positive rate per year", speed);
    double f;
    alvh_status st = alvh_vix_future_model(years, spot, lr, speed, &f);
    if (st != ALVH_OK)
        return st;
    alvh_result_number(out, f);
    return ALVH_OK;
}

static const alvh_arg_spec k_vix_fut_args[] = {
    [FUT_YEARS] = {"years", "Tenor of the future in years (ACT/365), e.g. 0.25", ALVH_ARG_NUMBER,
                   0, 0, NULL},
    [FUT_VIX_SPOT] = {"vix_spot", "Spot VIX in points, e.g. 16", ALVH_ARG_NUMBER, 0, 0, NULL},
    [FUT_LONG_RUN] = {"long_run", "Long-run VIX level the curve reverts to, points (about the "
                      "VIX average since 1990)", ALVH_ARG_NUMBER, 1, ALVH_VIX_LONG_RUN, NULL},
    [FUT_SPEED] = {"speed", "Mean-reversion speed per year (4.3: the 1-month future is 30% of the "
                   "way to long_run)", ALVH_ARG_NUMBER, 1, ALVH_VIX_SPEED, NULL},
};
ALVH_CHECK_ARGS(k_vix_fut_args, FUT_NARGS);

/* ---- VIX_FUT_CURVE ---------------------------------------------------------------------------- */

/* VIX_FUT_CURVE(years; tenors; futures) */
enum { CRV_YEARS, CRV_TENORS, CRV_FUTURES, CRV_NARGS };

static alvh_status eval_vix_fut_curve(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double *t = NULL, *f = NULL;
    size_t nt = 0, nf = 0;
    alvh_status st = alvh_arg_vector(&a[CRV_TENORS], "tenors", 1, &t, &nt, out);
    if (st == ALVH_OK)
        st = alvh_arg_vector(&a[CRV_FUTURES], "futures", 1, &f, &nf, out);
    if (st == ALVH_OK && nt != nf)
        st = alvh_fail(out, ALVH_E_RANGE_SHAPE,
                       "tenors and futures must have the same length, got %zu and %zu", nt, nf);
    if (st == ALVH_OK) {
        size_t bad;
        if (alvh_vix_curve_check(t, f, nt, &bad) != ALVH_OK) {
            if (!isfinite(t[bad]) || t[bad] < 0.0)
                st = alvh_fail(out, ALVH_E_CURVE, "tenors: item %zu must be zero or positive "
                               "years, got %.15g", bad + 1, t[bad]);
            else if (!alvh_positive_finite(f[bad]))
                st = alvh_fail(out, ALVH_E_CURVE, "futures: item %zu must be a positive price, "
                               "got %.15g", bad + 1, f[bad]);
            else
                st = alvh_fail(out, ALVH_E_CURVE, "tenors must increase: item %zu (%.15g) is not "
                               "after item %zu (%.15g)", bad + 1, t[bad], bad, t[bad - 1]);
        }
    }
    double v = 0.0;
    if (st == ALVH_OK)
        st = alvh_vix_future_curve(a[CRV_YEARS].number, t, f, nt, &v);
    free(t);
    free(f);
    if (st != ALVH_OK)
        return st;
    alvh_result_number(out, v);
    return ALVH_OK;
}

static const alvh_arg_spec k_vix_fut_curve_args[] = {
    [CRV_YEARS] = {"years", "Tenor to read the curve at, years (ACT/365), e.g. 0.2",
                   ALVH_ARG_NUMBER, 0, 0, NULL},
    [CRV_TENORS] = {"tenors", "Tenors of the quoted futures in years, increasing, e.g. 0.05; "
                    "0.13; 0.21", ALVH_ARG_RANGE, 0, 0, NULL},
    [CRV_FUTURES] = {"futures", "Quoted futures prices in VIX points, one per tenor, e.g. 17.2; "
                     "18.4; 19.1", ALVH_ARG_RANGE, 0, 0, NULL},
};
ALVH_CHECK_ARGS(k_vix_fut_curve_args, CRV_NARGS);

/* ---- VIX_BETA --------------------------------------------------------------------------------- */

/* VIX_BETA(years; [params]) */
enum { BETA_YEARS, BETA_PARAMS, BETA_NARGS };

static alvh_status eval_vix_beta(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double w = ALVH_VIX_BETA_WEIGHT, fast = ALVH_VIX_BETA_FAST, slow = ALVH_VIX_BETA_SLOW;
    const alvh_value *pv = &a[BETA_PARAMS];
    if ((pv->kind == ALVH_RANGE && pv->rows * pv->cols == 1 && pv->cells[0].kind == ALVH_TEXT) ||
        alvh_arg_is_policy_range(pv)) {
        alvh_policy p;
        alvh_status st = alvh_arg_policy_named(pv, "params", &p, out);
        if (st != ALVH_OK)
            return st;
        w = p.beta_weight;
        fast = p.beta_fast;
        slow = p.beta_slow;
    } else if (pv->kind == ALVH_RANGE) {
        double d[3];
        alvh_status st = alvh_arg_exact(pv, "params", 3, d, ALVH_E_BETA, "params must be 3 "
                                        "numbers (weight, fast, slow) or a policy, got %zu "
                                        "numbers", out);
        if (st != ALVH_OK)
            return st;
        w = d[0];
        fast = d[1];
        slow = d[2];
        if (!isfinite(w) || w < 0.0 || w > 1.0)
            return alvh_fail_rule(out, ALVH_E_BETA, "params weight", "between 0 and 1", w);
        if (!isfinite(fast) || fast < 0.0)
            return alvh_fail_rule(out, ALVH_E_BETA, "params fast", "zero or positive per year", fast);
        if (!isfinite(slow) || slow < 0.0)
            return alvh_fail_rule(out, ALVH_E_BETA, "params slow", "zero or positive per year", slow);
    }
    double b;
    alvh_status st = alvh_vix_beta(a[BETA_YEARS].number, w, fast, slow, &b);
    if (st != ALVH_OK)
        return st;
    alvh_result_number(out, b);
    return ALVH_OK;
}

static const alvh_arg_spec k_vix_beta_args[] = {
    [BETA_YEARS] = {"years", "Tenor of the VIX future in years (ACT/365), e.g. 0.0833 for one "
                    "month", ALVH_ARG_NUMBER, 0, 0, NULL},
    [BETA_PARAMS] = {"params", "Beta model: 3 numbers (weight of the fast part 0-1, fast and slow "
                     "decay per year) or a policy (JSON text or file path)", ALVH_ARG_RANGE, 1, 0,
                     "0.65; 24; 1.35"},
};
ALVH_CHECK_ARGS(k_vix_beta_args, BETA_NARGS);

/* ---- VIX_LAYER_VEGA --------------------------------------------------------------------------- */

/* VIX_LAYER_VEGA(contracts; vix_future; strike; years; vol_of_vol; [rate]; [beta]) */
enum { LV_CONTRACTS, LV_VIX_FUTURE, LV_STRIKE, LV_YEARS, LV_VOL_OF_VOL, LV_RATE, LV_BETA,
       LV_NARGS };

static alvh_status eval_vix_layer_vega(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double contracts = a[LV_CONTRACTS].number, fut = a[LV_VIX_FUTURE].number;
    double strike = a[LV_STRIKE].number, years = a[LV_YEARS].number;
    double vov = a[LV_VOL_OF_VOL].number, rate = a[LV_RATE].number, beta;
    const alvh_value *beta_arg = &a[LV_BETA];
    if (!isfinite(contracts) || contracts < 0.0)
        return alvh_fail_rule(out, ALVH_E_ARGUMENT, "contracts", "zero or a positive number of VIX calls",
                       contracts);
    if (!alvh_positive_finite(fut))
        return alvh_fail_rule(out, ALVH_E_FORWARD, "vix_future", "a positive VIX futures price in points",
                       fut);
    if (!isfinite(vov) || vov < 0.0)
        return alvh_fail_rule(out, ALVH_E_VOL, "vol_of_vol", "zero or a positive decimal (0.9 is 90%)",
                       vov);
    if (beta_arg->kind == ALVH_EMPTY) {
        alvh_status st = alvh_vix_beta(years, ALVH_VIX_BETA_WEIGHT, ALVH_VIX_BETA_FAST,
                                       ALVH_VIX_BETA_SLOW, &beta);
        if (st != ALVH_OK)
            return st;
    } else if (beta_arg->kind == ALVH_NUMBER) {
        beta = beta_arg->number;
        if (!isfinite(beta) || beta < 0.0)
            return alvh_fail_rule(out, ALVH_E_BETA, "beta", "zero or positive (points of future per "
                           "point of spot VIX)", beta);
    } else {
        return alvh_fail(out, ALVH_E_ARG_TYPE, "beta must be a number, got text \"%.60s\"",
                         beta_arg->text);
    }
    double vega;
    alvh_status st = alvh_layer_vega(contracts, fut, strike, years, vov, rate, beta, 100.0, &vega,
                                     NULL);
    if (st != ALVH_OK)
        return st;
    alvh_result_number(out, vega);
    return ALVH_OK;
}

static const alvh_arg_spec k_vix_layer_vega_args[] = {
    [LV_CONTRACTS] = {"contracts", "Number of VIX calls in the layer, e.g. 4", ALVH_ARG_NUMBER, 0,
                      0, NULL},
    [LV_VIX_FUTURE] = {"vix_future", "VIX future of the options' expiry, points, e.g. 17.5",
                       ALVH_ARG_NUMBER, 0, 0, NULL},
    [LV_STRIKE] = {"strike", "Strike of the VIX calls, points, e.g. 19", ALVH_ARG_NUMBER, 0, 0,
                   NULL},
    [LV_YEARS] = {"years", "Time to the options' expiry in years (ACT/365), e.g. 0.08",
                  ALVH_ARG_NUMBER, 0, 0, NULL},
    [LV_VOL_OF_VOL] = {"vol_of_vol", "Implied vol of the VIX options, decimal (0.9 is 90%)",
                       ALVH_ARG_NUMBER, 0, 0, NULL},
    [LV_RATE] = {"rate", "Discount rate, continuous decimal, e.g. 0.04", ALVH_ARG_NUMBER, 1, 0.0,
                 NULL},
    [LV_BETA] = {"beta", "Points the future moves per point of spot VIX; empty: VIX_BETA(years)",
                 ALVH_ARG_SCALAR, 1, 0, NULL},
};
ALVH_CHECK_ARGS(k_vix_layer_vega_args, LV_NARGS);

const alvh_func alvh_fn_vix[] = {
    {"VIX_FUT", "VIX",
     "Model VIX future at a tenor: long_run + (vix_spot - long_run) x exp(-speed x years)",
     "VIX points", ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_vix_fut_args), eval_vix_fut,
     "0.25\t16\n"
     "0.0833\t30\t20\t4.3\n"
     "0\t16\n"},
    {"VIX_FUT_CURVE", "VIX",
     "Quoted VIX futures curve read at a tenor: linear in tenor between quotes, flat beyond the "
     "first and last",
     "VIX points", ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_vix_fut_curve_args), eval_vix_fut_curve,
     "0.1\t[0.05,0.13,0.21]\t[17.2,18.4,19.1]\n"
     "0.5\t[0.05,0.13,0.21]\t[17.2,18.4,19.1]\n"},
    {"VIX_BETA", "VIX",
     "Beta of a VIX future to spot VIX: w exp(-fast T) + (1 - w) exp(-slow T), about 0.4 at one "
     "month and 0.2 at five",
     "Points of the future per point of spot VIX (1 at tenor 0, falling with tenor)",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_vix_beta_args), eval_vix_beta,
     "0.0833333333333333\n"
     "0.416666666666667\n"
     "0.25\t[0.5,20,1]\n"},
    {"VIX_LAYER_VEGA", "VIX",
     "Dollars a layer of VIX calls gains for +1 point of spot VIX: contracts x 100 x Black-76 "
     "delta x beta",
     "Dollars per VIX point",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_vix_layer_vega_args), eval_vix_layer_vega,
     "4\t17.5\t19\t0.08\t0.9\n"
     "4\t17.5\t19\t0.08\t0.9\t0.04\t0.5\n"},
};
ALVH_DEFINE_GROUP_COUNT(vix);
