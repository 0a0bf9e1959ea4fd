/* fn_signals.c: table rows for the indicators and the ALVH triggers (category "Signals").
 * Math lives in indicators.c; these adapters read the ranges, validate the periods, and lay the
 * results out row for row with the input (rows before the first value stay empty: #N/A); a
 * one-row input gets the transposed layout. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "alvh/indicators.h"
#include "alvh/policy.h"
#include "internal.h"

/* ---- argument helpers --------------------------------------------------------------------- */

static alvh_status arg_period(const alvh_value *v, const char *name, size_t min, size_t *period,
                              alvh_result *out)
{
    double x = v->number;
    if (!(isfinite(x) && x == floor(x) && x >= (double)min && x <= (double)ALVH_PERIOD_MAX))
        return alvh_fail(out, ALVH_E_PERIOD,
                         "%s must be a whole number of rows from %zu to %d, got %.15g", name, min,
                         ALVH_PERIOD_MAX, x);
    *period = (size_t)x;
    return ALVH_OK;
}

/* A pasted series (alvh_arg_series: trailing empty cells ignored, a blank or text cell inside
 * is a gap, which gap records) whose rows before the gap are finite numbers. */
static alvh_status arg_series(const alvh_value *v, const char *name, double **data, size_t *n,
                              alvh_series_gap *gap, alvh_result *out)
{
    alvh_status st = alvh_arg_series(v, name, data, n, gap, out);
    if (st != ALVH_OK)
        return st;
    for (size_t i = 0; i < alvh_series_usable(gap, *n); ++i)
        if (!isfinite((*data)[i])) {
            double x = (*data)[i];
            free(*data);
            *data = NULL;
            return alvh_fail(out, ALVH_E_RANGE_VALUE, "%s: item %zu must be a finite number, got %g",
                             name, i + 1, x);
        }
    return ALVH_OK;
}

static alvh_status same_length(const char *a, size_t na, const char *b, size_t nb,
                               alvh_result *out)
{
    if (na == nb)
        return ALVH_OK;
    return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                     "%s and %s must have the same number of values, got %zu and %zu", a, b, na,
                     nb);
}

static alvh_status short_series(alvh_result *out, const char *name, size_t n, const char *what,
                                size_t need)
{
    return alvh_fail(out, ALVH_E_SHORT_SERIES,
                     "%s has %zu value%s; %s needs at least %zu (its first value is on row %zu)",
                     name, n, n == 1 ? "" : "s", what, need, need);
}

/* The rows before a gap are too few for what the function computes (need rows): with a gap, a
 * result of n rows x cols without values that says why (the gap is the thing to fix); without
 * one, the short-series error. */
static alvh_status too_short(alvh_result *out, const alvh_series_gap *gap, size_t n, size_t cols,
                             const char *name, size_t use, const char *what, size_t need)
{
    if (gap->at >= n)
        return short_series(out, name, use, what, need);
    alvh_status st = alvh_result_alloc(out, n, cols);
    if (st == ALVH_OK)
        alvh_series_gap_warn(gap, n, NULL, out);
    return st;
}

/* A core status without a message of its own: the sentence of its code. */
static alvh_status core_fail(alvh_result *out, alvh_status st)
{
    return alvh_fail(out, st, NULL);
}

/* Results are laid out row for row with a column input; a one-row input (1 x n) gets the
 * transposed layout, column for column (VIX_MACD: three rows instead of three columns). */
static alvh_status lay_out_like(const alvh_value *input, alvh_result *out, alvh_status st)
{
    if (st != ALVH_OK || input->kind != ALVH_RANGE || input->rows != 1 || input->cols < 2 ||
        out->rows * out->cols < 2)
        return st;
    size_t rows = out->rows, cols = out->cols;
    if (cols > 1) {
        alvh_value *t = malloc(rows * cols * sizeof *t);
        if (!t) {
            alvh_result_free(out);
            return core_fail(out, ALVH_E_NO_MEMORY);
        }
        for (size_t i = 0; i < rows; ++i)
            for (size_t j = 0; j < cols; ++j)
                t[j * rows + i] = out->cells[i * cols + j]; /* text ownership moves along */
        free(out->cells);
        out->cells = t;
    }
    out->rows = cols;
    out->cols = rows;
    return st;
}


/* The closes of VIX_RSI and VIX_MACD. */
#define ARG_CLOSES                                                                            \
    {"closes", "Daily closes, oldest first: one column (VIX index points, e.g. 18.5)",        \
     ALVH_ARG_RANGE, 0, 0, NULL}

/* ---- VIX_RSI ------------------------------------------------------------------------------ */

/* VIX_RSI(closes; [period]) */
enum { RSI_CLOSES, RSI_PERIOD, RSI_NARGS };

static alvh_status eval_rsi(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    size_t period = 0, n = 0;
    double *closes = NULL;
    alvh_series_gap gap;
    alvh_series_gap_init(&gap);
    alvh_status st = arg_period(&args[RSI_PERIOD], "period", ALVH_PERIOD_MIN, &period, out);
    if (st == ALVH_OK)
        st = arg_series(&args[RSI_CLOSES], "closes", &closes, &n, &gap, out);
    if (st != ALVH_OK)
        return st;
    size_t use = alvh_series_usable(&gap, n);
    char what[64];
    snprintf(what, sizeof what, "VIX_RSI with period %zu", period);
    if (use <= period) {
        free(closes);
        return lay_out_like(&args[RSI_CLOSES], out,
                            too_short(out, &gap, n, 1, "closes", use, what, period + 1));
    }
    double *rsi = malloc(n * sizeof *rsi);
    if (!rsi) {
        free(closes);
        return core_fail(out, ALVH_E_NO_MEMORY);
    }
    st = alvh_rsi(closes, use, period, rsi);
    if (st != ALVH_OK)
        core_fail(out, st);
    else
        st = alvh_result_alloc(out, n, 1);
    if (st == ALVH_OK) {
        for (size_t i = alvh_rsi_lookback(period); i < use; ++i)
            alvh_result_set_number(out, i, 0, rsi[i]);
        alvh_series_gap_warn(&gap, n, NULL, out);
    }
    free(rsi);
    free(closes);
    return lay_out_like(&args[RSI_CLOSES], out, st);
}

static const alvh_arg_spec k_rsi_args[] = {
    [RSI_CLOSES] = ARG_CLOSES,
    [RSI_PERIOD] = {"period", "RSI period in rows (trading days), a whole number 2..100000, e.g. "
                    "14", ALVH_ARG_NUMBER, 1, 14, NULL},
};
ALVH_CHECK_ARGS(k_rsi_args, RSI_NARGS);

/* ---- VIX_MACD ----------------------------------------------------------------------------- */

/* VIX_MACD(closes; [fast]; [slow]; [signal]) */
enum { MACD_CLOSES, MACD_FAST, MACD_SLOW, MACD_SIGNAL, MACD_NARGS };

static alvh_status eval_macd(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    size_t fast = 0, slow = 0, signal = 0, n = 0;
    double *closes = NULL;
    alvh_series_gap gap;
    alvh_series_gap_init(&gap);
    alvh_status st = arg_period(&args[MACD_FAST], "fast", ALVH_PERIOD_MIN, &fast, out);
    if (st == ALVH_OK)
        st = arg_period(&args[MACD_SLOW], "slow", ALVH_PERIOD_MIN, &slow, out);
    if (st == ALVH_OK)
        st = arg_period(&args[MACD_SIGNAL], "signal", 1, &signal, out);
    if (st == ALVH_OK && fast >= slow)
        st = alvh_fail(out, ALVH_E_FAST_SLOW,
                       "fast must be shorter than slow (they are not swapped), got fast %zu and "
                       "slow %zu",
                       fast, slow);
    if (st == ALVH_OK)
        st = arg_series(&args[MACD_CLOSES], "closes", &closes, &n, &gap, out);
    if (st != ALVH_OK)
        return st;
    size_t need = slow + signal - 1, use = alvh_series_usable(&gap, n);
    if (use < need) {
        char what[96];
        snprintf(what, sizeof what, "VIX_MACD with slow %zu and signal %zu", slow, signal);
        free(closes);
        return lay_out_like(&args[MACD_CLOSES], out,
                            too_short(out, &gap, n, 3, "closes", use, what, need));
    }
    double *work = malloc(3 * n * sizeof *work);
    if (!work) {
        free(closes);
        return core_fail(out, ALVH_E_NO_MEMORY);
    }
    double *macd = work, *sig = work + n, *hist = work + 2 * n;
    st = alvh_macd(closes, use, fast, slow, signal, macd, sig, hist);
    if (st != ALVH_OK)
        core_fail(out, st);
    else
        st = alvh_result_alloc(out, n, 3);
    if (st == ALVH_OK) {
        for (size_t i = alvh_macd_lookback(slow); i < use; ++i)
            alvh_result_set_number(out, i, 0, macd[i]);
        for (size_t i = alvh_macd_signal_lookback(slow, signal); i < use; ++i) {
            alvh_result_set_number(out, i, 1, sig[i]);
            alvh_result_set_number(out, i, 2, hist[i]);
        }
        alvh_series_gap_warn(&gap, n, NULL, out);
    }
    free(work);
    free(closes);
    return lay_out_like(&args[MACD_CLOSES], out, st);
}

static const alvh_arg_spec k_macd_args[] = {
    [MACD_CLOSES] = ARG_CLOSES,
    [MACD_FAST] = {"fast", "Fast EMA period in rows, a whole number 2..100000 below slow, e.g. 12",
                   ALVH_ARG_NUMBER, 1, 12, NULL},
    [MACD_SLOW] = {"slow", "Slow EMA period in rows, a whole number 2..100000 above fast, e.g. 26",
                   ALVH_ARG_NUMBER, 1, 26, NULL},
    [MACD_SIGNAL] = {"signal", "Signal-line EMA period in rows, a whole number 1..100000, e.g. 9",
                     ALVH_ARG_NUMBER, 1, 9, NULL},
};
ALVH_CHECK_ARGS(k_macd_args, MACD_NARGS);

/* ---- AD_LINE ------------------------------------------------------------------------------ */

/* AD_LINE(advancers; decliners) */
enum { ADL_ADVANCERS, ADL_DECLINERS, ADL_NARGS };

static alvh_status eval_ad_line(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    double *adv = NULL, *dec = NULL;
    size_t na = 0, nd = 0;
    alvh_series_gap gap;
    alvh_series_gap_init(&gap);
    alvh_status st = arg_series(&args[ADL_ADVANCERS], "advancers", &adv, &na, &gap, out);
    if (st == ALVH_OK)
        st = arg_series(&args[ADL_DECLINERS], "decliners", &dec, &nd, &gap, out);
    if (st == ALVH_OK)
        st = same_length("advancers", na, "decliners", nd, out);
    size_t use = alvh_series_usable(&gap, na);
    for (size_t i = 0; st == ALVH_OK && i < use; ++i) {
        if (adv[i] < 0)
            st = alvh_fail(out, ALVH_E_BREADTH,
                           "advancers: item %zu must be a count of issues, zero or more, got %.15g",
                           i + 1, adv[i]);
        else if (dec[i] < 0)
            st = alvh_fail(out, ALVH_E_BREADTH,
                           "decliners: item %zu must be a count of issues, zero or more, got %.15g",
                           i + 1, dec[i]);
    }
    double *ad = NULL;
    if (st == ALVH_OK) {
        ad = malloc(na * sizeof *ad);
        if (!ad)
            st = core_fail(out, ALVH_E_NO_MEMORY);
    }
    if (st == ALVH_OK && use > 0) {
        st = alvh_ad_line(adv, dec, use, ad);
        if (st != ALVH_OK)
            core_fail(out, st);
    }
    if (st == ALVH_OK)
        st = alvh_result_alloc(out, na, 1);
    if (st == ALVH_OK) {
        for (size_t i = 0; i < use; ++i)
            alvh_result_set_number(out, i, 0, ad[i]);
        alvh_series_gap_warn(&gap, na, NULL, out);
    }
    free(ad);
    free(adv);
    free(dec);
    return lay_out_like(&args[ADL_ADVANCERS], out, st);
}

static const alvh_arg_spec k_ad_line_args[] = {
    [ADL_ADVANCERS] = {"advancers", "Issues that closed up each day, oldest first: one column (a "
                       "count, e.g. 1850)", ALVH_ARG_RANGE, 0, 0, NULL},
    [ADL_DECLINERS] = {"decliners", "Issues that closed down each day, same rows as advancers (a "
                       "count, e.g. 1320)", ALVH_ARG_RANGE, 0, 0, NULL},
};
ALVH_CHECK_ARGS(k_ad_line_args, ADL_NARGS);

/* ---- AD_DIVERGENCE ------------------------------------------------------------------------ */

/* AD_DIVERGENCE(ad_line; spx; [lookback]) */
enum { ADD_AD_LINE, ADD_SPX, ADD_LOOKBACK, ADD_NARGS };

static alvh_status eval_ad_divergence(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    double *ad = NULL, *spx = NULL;
    size_t na = 0, ns = 0, lookback = 0;
    alvh_series_gap gap;
    alvh_series_gap_init(&gap);
    alvh_status st = arg_period(&args[ADD_LOOKBACK], "lookback", ALVH_PERIOD_MIN, &lookback, out);
    if (st == ALVH_OK)
        st = arg_series(&args[ADD_AD_LINE], "ad_line", &ad, &na, &gap, out);
    if (st == ALVH_OK)
        st = arg_series(&args[ADD_SPX], "spx", &spx, &ns, &gap, out);
    if (st == ALVH_OK)
        st = same_length("ad_line", na, "spx", ns, out);
    size_t use = alvh_series_usable(&gap, na);
    int short_done = 0;
    if (st == ALVH_OK && use <= lookback) {
        char what[64];
        snprintf(what, sizeof what, "AD_DIVERGENCE with lookback %zu", lookback);
        st = too_short(out, &gap, na, 1, "ad_line", use, what, lookback + 1);
        short_done = 1;
    }
    int *div = NULL;
    if (st == ALVH_OK && !short_done) {
        div = malloc(na * sizeof *div);
        if (!div)
            st = core_fail(out, ALVH_E_NO_MEMORY);
    }
    if (st == ALVH_OK) {
        st = alvh_ad_divergence(ad, spx, use, lookback, div);
        if (st != ALVH_OK)
            core_fail(out, st);
        else
            st = alvh_result_alloc(out, na, 1);
        if (st == ALVH_OK) {
            for (size_t i = lookback; i < use; ++i)
                alvh_result_set_number(out, i, 0, (double)div[i]);
            alvh_series_gap_warn(&gap, na, NULL, out);
        }
    }
    free(div);
    free(ad);
    free(spx);
    return lay_out_like(&args[ADD_AD_LINE], out, st);
}

static const alvh_arg_spec k_ad_divergence_args[] = {
    [ADD_AD_LINE] = {"ad_line", "Advance-decline line, oldest first: one column (e.g. AD_LINE's "
                     "result)", ALVH_ARG_RANGE, 0, 0, NULL},
    [ADD_SPX] = {"spx", "SPX closes, same rows as ad_line (index points, e.g. 5400)",
                 ALVH_ARG_RANGE, 0, 0, NULL},
    [ADD_LOOKBACK] = {"lookback", "Rows (trading days) a new high or low must exceed, a whole "
                      "number 2..100000, e.g. 20", ALVH_ARG_NUMBER, 1, 20, NULL},
};
ALVH_CHECK_ARGS(k_ad_divergence_args, ADD_NARGS);

/* ---- ALVH_SIGNAL -------------------------------------------------------------------------- */

static const char *trigger_text(unsigned t)
{
    switch (t) {
    case ALVH_TRIGGER_REBALANCE: return "REBALANCE";
    case ALVH_TRIGGER_ARM: return "ARM";
    case ALVH_TRIGGER_REBALANCE | ALVH_TRIGGER_ARM: return "REBALANCE+ARM";
    default: return "NONE";
    }
}

/* ALVH_SIGNAL(vix; [ad_line]; [spx]; [policy]) */
enum { SIG_VIX, SIG_AD_LINE, SIG_SPX, SIG_POLICY, SIG_NARGS };

static alvh_status eval_signal(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    alvh_policy policy;
    alvh_status st = alvh_arg_policy_named(&args[SIG_POLICY], "policy", &policy, out);
    if (st != ALVH_OK)
        return st;
    const char *bad = NULL;
    if (alvh_signal_policy_check(&policy.signals, &bad) != ALVH_OK)
        return alvh_fail(out, ALVH_E_POLICY_VALUE,
                         "policy key \"%s\" cannot be used by ALVH_SIGNAL: periods must be whole "
                         "numbers from 2 to 100000 with macd_fast below macd_slow (macd_signal may "
                         "be 1), rsi_level 0 to 100, vix_floor zero or more",
                         bad);
    const alvh_value *ad_arg = &args[SIG_AD_LINE], *spx_arg = &args[SIG_SPX];
    int use_div = ad_arg->kind != ALVH_EMPTY || spx_arg->kind != ALVH_EMPTY;
    if (use_div && (ad_arg->kind == ALVH_EMPTY || spx_arg->kind == ALVH_EMPTY))
        return alvh_fail(out, ALVH_E_MISSING,
                         "ad_line and spx go together: give both for the divergence trigger, or "
                         "neither");
    double *vix = NULL, *ad = NULL, *spx = NULL;
    size_t n = 0, na = 0, ns = 0;
    alvh_series_gap gap;
    alvh_series_gap_init(&gap);
    st = arg_series(&args[SIG_VIX], "vix", &vix, &n, &gap, out);
    if (st == ALVH_OK && use_div) {
        st = arg_series(ad_arg, "ad_line", &ad, &na, &gap, out);
        if (st == ALVH_OK)
            st = arg_series(spx_arg, "spx", &spx, &ns, &gap, out);
        if (st == ALVH_OK)
            st = same_length("vix", n, "ad_line", na, out);
        if (st == ALVH_OK)
            st = same_length("vix", n, "spx", ns, out);
    }
    size_t use = alvh_series_usable(&gap, n);
    for (size_t i = 0; st == ALVH_OK && i < use; ++i)
        if (!(vix[i] > 0))
            st = alvh_fail(out, ALVH_E_VIX_LEVEL,
                           "vix: item %zu must be a positive VIX close (index points), got %.15g",
                           i + 1, vix[i]);
    size_t first = alvh_signal_first(&policy.signals, use_div);
    unsigned *trig = NULL;
    if (st == ALVH_OK && use <= first) {
        st = too_short(out, &gap, n, 1, "vix", use, "ALVH_SIGNAL with this policy", first + 1);
    } else if (st == ALVH_OK) {
        trig = malloc(use * sizeof *trig);
        st = trig ? alvh_signal(vix, ad, spx, use, &policy.signals, trig, &first)
                  : ALVH_E_NO_MEMORY;
        if (st != ALVH_OK)
            core_fail(out, st);
        else
            st = alvh_result_alloc(out, n, 1);
        for (size_t i = first; st == ALVH_OK && i < use; ++i)
            st = alvh_result_set_text(out, i, 0, trigger_text(trig[i]));
        if (st == ALVH_OK)
            alvh_series_gap_warn(&gap, n, NULL, out);
    }
    free(trig);
    free(vix);
    free(ad);
    free(spx);
    return lay_out_like(&args[SIG_VIX], out, st);
}

static const alvh_arg_spec k_signal_args[] = {
    [SIG_VIX] = {"vix", "VIX daily closes, oldest first: one column (index points, e.g. 18.5)",
                 ALVH_ARG_RANGE, 0, 0, NULL},
    [SIG_AD_LINE] = {"ad_line", "Advance-decline line on the same rows (AD_LINE's result); with "
                     "spx, enables the divergence trigger; omit both to leave it out",
                     ALVH_ARG_RANGE, 1, 0, NULL},
    [SIG_SPX] = {"spx", "SPX closes on the same rows (index points, e.g. 5400); goes with ad_line",
                 ALVH_ARG_RANGE, 1, 0, NULL},
    [SIG_POLICY] = {"policy", "ALVH policy: JSON text, a JSON file's path, or a 2-column range of "
                    "key/value rows; its \"signals\" part sets the thresholds (default: RSI 14 "
                    "above 70, MACD 12/26/9, VIX above 25, lookback 20)", ALVH_ARG_RANGE, 1, 0,
                    NULL},
};
ALVH_CHECK_ARGS(k_signal_args, SIG_NARGS);

/* ---- the table rows ----------------------------------------------------------------------- */

const alvh_func alvh_fn_signals[] = {
    {"VIX_RSI", "Signals",
     "Wilder's RSI of daily closes, as TA-Lib's TA_RSI (the ALVH rebalances when the VIX's "
     "RSI(14) crosses above 70)",
     "Column aligned row for row with closes: RSI from 0 to 100; the first period rows are "
     "#N/A (first value on row period+1); a window with no gains and no losses is 0, as TA-Lib; "
     "a one-row input gives one row",
     ALVH_SHAPE_COLUMN, ALVH_ROW_ARGS(k_rsi_args), eval_rsi,
     "[16.2,17.1,16.8,18.4,19.9,21.3,20.7,22.5,24.1,23.6,25.8,27.2,26.4,28.9,31.5,29.8,33.1,"
     "35.6,32.4,30.2]\n"
     "[20,21,22,21,20,22,23]\t3\n"},
    {"VIX_MACD", "Signals",
     "MACD line, signal line and histogram of daily closes, as TA-Lib's TA_MACD (the ALVH arms "
     "when the VIX's MACD crosses above its signal line)",
     "Three columns aligned row for row with closes, in the closes' units (VIX points): MACD "
     "(fast EMA - slow EMA, from row slow), signal (EMA of MACD, from row slow+signal-1), "
     "histogram (MACD - signal, from row slow+signal-1); earlier rows #N/A; a one-row input "
     "gives three rows",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_macd_args), eval_macd,
     "[16.2,17.1,16.8,18.4,19.9,21.3,20.7,22.5,24.1,23.6,25.8,27.2,26.4,28.9,31.5,29.8,33.1,"
     "35.6,32.4,30.2,28.8,27.5,29.1,31.4,34.2,36.8,33.9,31.2,29.5,27.9,26.3,25.1,26.7,28.4,"
     "30.9]\n"
     "[20,21,23,22,24,27,26,25,28,30]\t3\t5\t4\n"},
    {"AD_LINE", "Signals",
     "Cumulative advance-decline line: running total of advancers minus decliners (breadth, "
     "not Chaikin's volume A/D)",
     "Column aligned row for row with the inputs: on each row the sum of advancers - decliners "
     "up to that row (issues); the first row is that day's net advances; a one-row input gives "
     "one row",
     ALVH_SHAPE_COLUMN, ALVH_ROW_ARGS(k_ad_line_args), eval_ad_line,
     "[1850,1620,1400,2010]\t[1320,1540,1800,1100]\n"
     "[1500,1480]\t[1500,1700]\n"},
    {"AD_DIVERGENCE", "Signals",
     "Divergence of the advance-decline line from SPX: -1 bearish, +1 bullish, 0 none, per row",
     "Column aligned row for row with the inputs: -1 when SPX closes above all of the previous "
     "lookback closes while the A/D line is not above all of its previous lookback values "
     "(bearish), +1 the mirror at a new low (bullish), else 0; the first lookback rows are #N/A; "
     "a one-row input gives one row",
     ALVH_SHAPE_COLUMN, ALVH_ROW_ARGS(k_ad_divergence_args), eval_ad_divergence,
     "[100,160,220,180,150,120,90]\t[5000,5050,5100,5120,5150,5080,5020]\t3\n"
     "[0,10,20,30,40,50,60,70,80,90,100,110,120,130,140,150,160,170,180,190,200,195,190]\t"
     "[5000,5010,5020,5030,5040,5050,5060,5070,5080,5090,5100,5110,5120,5130,5140,5150,5160,"
     "5170,5180,5190,5200,5210,5220]\n"},
    {"ALVH_SIGNAL", "Signals",
     "The ALVH triggers per row: REBALANCE when the VIX's RSI crosses above the policy level or "
     "an A/D divergence starts, ARM when the VIX's MACD crosses above its signal line with VIX "
     "above the policy floor",
     "Column of text aligned row for row with vix: \"REBALANCE\", \"ARM\", \"REBALANCE+ARM\" "
     "or \"NONE\"; #N/A until every trigger in use can be evaluated (row 35 with the default "
     "policy: two MACD histogram values); a one-row input gives one row",
     ALVH_SHAPE_COLUMN, ALVH_ROW_ARGS(k_signal_args), eval_signal,
     "[20,20,20,20,20,20,20,20,20,20,30,31,33,32,30,28,26,27,29,32,35,37,36,34,33]\t\t\t"
     "{\"signals\": {\"rsi_period\": 3, \"macd_fast\": 3, \"macd_slow\": 6, \"macd_signal\": 3}}\n"
     "[19.78,19.34,19.96,21.21,19.75,20.45,22.71,22.82,21.31,21.27,18.83,17.87,17.52,17.98,"
     "19,20.64,20.23,21.24,20.46,19.19,21.07,21.31,20.01,18.61,18.79,18.18,19,18.46,16.49,"
     "17.27,19,18.67,17.96,17.57,18.49,18.88,16.96,29.45,27.09]\n"},
};
ALVH_DEFINE_GROUP_COUNT(signals);
