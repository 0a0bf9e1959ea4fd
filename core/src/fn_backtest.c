/* fn_backtest.c: table rows for the backtest (category "Backtest"). The engine is backtest.c;
 * these adapters read the three columns and the policy, run it, and lay out the results. */
#include <math.h>
#include <stdlib.h>

#include "alvh/backtest.h"
#include "alvh/policy.h"
#include "internal.h"

/* ALVH_BACKTEST and ALVH_BACKTEST_SUMMARY(dates; spx; vix; [policy]; [futures]; [tenors]) */
enum { BT_DATES, BT_SPX, BT_VIX, BT_POLICY, BT_FUTURES, BT_TENORS, BT_NARGS };

typedef struct {
    double *date, *spx, *vix, *fut, *tenors;
    size_t n, nfut;
    size_t use;              /* rows before the first gap in dates, spx or vix (n: no gap) */
    alvh_series_gap gap;
    alvh_backtest_day *days;
    alvh_backtest_summary summary;
} bt_run;

static void bt_free(bt_run *r)
{
    free(r->date);
    free(r->spx);
    free(r->vix);
    free(r->fut);
    free(r->tenors);
    free(r->days);
}

/* The optional futures block (one row per date, one column per tenor) and its tenors. A range
 * whose cells are all empty counts as omitted (a blank block on a sheet). */
static alvh_status read_futures(const alvh_value *fut, const alvh_value *tenors, bt_run *r,
                                alvh_result *out)
{
    int has_fut = !alvh_arg_blank(fut), has_ten = !alvh_arg_blank(tenors);
    if (!has_fut && !has_ten)
        return ALVH_OK;
    if (!has_fut || !has_ten)
        return alvh_fail(out, ALVH_E_MISSING,
                         "futures and tenors go together: give both or neither");
    alvh_status st = alvh_arg_vector(tenors, "tenors", 1, &r->tenors, &r->nfut, out);
    if (st != ALVH_OK)
        return st;
    if (r->nfut > ALVH_BACKTEST_MAX_FUTURES)
        return alvh_fail(out, ALVH_E_RANGE_SHAPE, "tenors: at most %d futures tenors, got %zu",
                         ALVH_BACKTEST_MAX_FUTURES, r->nfut);
    /* A single number is a 1x1 range (normalise() wraps it). */
    if (fut->rows != r->n || fut->cols != r->nfut)
        return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                         "futures must have one row per date and one column per tenor (%zu x "
                         "%zu), got %zu x %zu", r->n, r->nfut, fut->rows, fut->cols);
    r->fut = malloc(r->n * r->nfut * sizeof *r->fut);
    if (!r->fut)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    for (size_t i = 0; i < r->n * r->nfut; ++i) {
        const alvh_value *c = &fut->cells[i];
        if (c->kind != ALVH_NUMBER)
            return alvh_fail(out, ALVH_E_RANGE_VALUE,
                             "futures: row %zu, column %zu must be a number", i / r->nfut + 1,
                             i % r->nfut + 1);
        r->fut[i] = c->number;
    }
    return ALVH_OK;
}

/* Reads dates, spx, vix, the policy and the futures, and runs the backtest into r: on the rows
 * before the first gap of the three columns (a blank or text cell), r->use of r->n. */
static alvh_status run(const alvh_value *args, bt_run *r, alvh_result *out)
{
    size_t nd = 0, ns = 0, nv = 0;
    alvh_series_gap_init(&r->gap);
    alvh_status st = alvh_arg_series(&args[BT_DATES], "dates", &r->date, &nd, &r->gap, out);
    if (st == ALVH_OK)
        st = alvh_arg_series(&args[BT_SPX], "spx", &r->spx, &ns, &r->gap, out);
    if (st == ALVH_OK)
        st = alvh_arg_series(&args[BT_VIX], "vix", &r->vix, &nv, &r->gap, out);
    if (st != ALVH_OK)
        return st;
    if (nd != ns || nd != nv)
        return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                         "dates, spx and vix must have the same number of rows, got %zu, %zu and "
                         "%zu", nd, ns, nv);
    r->n = nd;
    r->use = alvh_series_usable(&r->gap, nd);
    st = read_futures(&args[BT_FUTURES], &args[BT_TENORS], r, out);
    if (st != ALVH_OK)
        return st;
    alvh_policy policy;
    st = alvh_arg_policy_named(&args[BT_POLICY], "policy", &policy, out);
    if (st != ALVH_OK)
        return st;
    char err[ALVH_MESSAGE_SIZE];
    r->days = malloc(r->n * sizeof *r->days);
    if (!r->days)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    alvh_backtest_data d = {.n = r->use, .date = r->date, .spx = r->spx, .vix = r->vix,
                            .nfut = r->nfut, .fut_days = r->tenors, .fut = r->fut};
    err[0] = '\0';
    st = alvh_backtest_run(&d, &policy, 1, r->days, &r->summary, err, sizeof err);
    if (st != ALVH_OK && r->use < r->n) { /* the rows before a gap cannot be run: say both */
        char gap[ALVH_MESSAGE_SIZE];
        alvh_series_gap_text(&r->gap, r->n, r->date, ALVH_GAP_BARE, gap, sizeof gap);
        return alvh_fail(out, ALVH_E_RANGE_VALUE, "%s (the %zu row%s before it: %s)", gap,
                         r->use, r->use == 1 ? "" : "s", err[0] ? err : alvh_status_message(st));
    }
    if (st != ALVH_OK)
        return alvh_fail(out, st, "%s", err[0] ? err : alvh_status_message(st));
    return ALVH_OK;
}

static alvh_status eval_backtest(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    bt_run r = {0};
    size_t nc = 0, ncols = 0;
    const alvh_backtest_column *col = alvh_backtest_columns(&nc); /* ours: the in_table ones */
    for (size_t k = 0; k < nc; ++k)
        ncols += col[k].in_table != 0;
    alvh_status st = run(args, &r, out);
    if (st == ALVH_OK)
        st = alvh_result_alloc(out, r.n, ncols);
    for (size_t i = 0; st == ALVH_OK && i < r.use; ++i) /* rows from a gap on: no value */
        for (size_t k = 0, c = 0; k < nc; ++k)
            if (col[k].in_table)
                alvh_result_set_number(out, i, c++,
                                       alvh_backtest_column_value(&r.days[i], &col[k]));
    if (st == ALVH_OK)
        alvh_series_gap_warn(&r.gap, r.n, r.date, out);
    bt_free(&r);
    return st;
}

static alvh_status eval_summary(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    bt_run r = {0};
    size_t nm = 0;
    const alvh_backtest_measure *m = alvh_backtest_measures(&nm);
    alvh_status st = run(args, &r, out);
    if (st == ALVH_OK && r.use < r.n) { /* a summary of part of the rows would mislead */
        char gap[ALVH_MESSAGE_SIZE];
        alvh_series_gap_text(&r.gap, r.n, r.date, ALVH_GAP_WHOLE, gap, sizeof gap);
        st = alvh_fail(out, ALVH_E_RANGE_VALUE, "%s", gap);
    }
    if (st == ALVH_OK)
        st = alvh_result_alloc(out, nm, 2);
    for (size_t k = 0; st == ALVH_OK && k < nm; ++k) {
        st = alvh_result_set_text(out, k, 0, m[k].name);
        double x = alvh_backtest_measure_value(&r.summary, &m[k]);
        if (isfinite(x))
            alvh_result_set_number(out, k, 1, x); /* NAN (undefined) stays empty: #N/A */
    }
    bt_free(&r);
    return st;
}

static const alvh_arg_spec k_bt_args[] = {
    [BT_DATES] = {"dates", "Trading dates, oldest first, as spreadsheet dates (e.g. 45300 or "
                  "=DATE(2024;1;8))", ALVH_ARG_RANGE, 0, 0, NULL},
    [BT_SPX] = {"spx", "SPX closes on the same rows, index points (e.g. 4750)", ALVH_ARG_RANGE, 0,
                0, NULL},
    [BT_VIX] = {"vix", "VIX closes on the same rows, index points (e.g. 14.5)", ALVH_ARG_RANGE, 0,
                0, NULL},
    [BT_POLICY] = {"policy",
                   "ALVH policy: JSON text, a JSON file's path, or a 2-column range of key/value "
                   "rows; its \"backtest\" part sets the condor, costs and thresholds (default: "
                   "16-delta 45-day condors, 4/4/2 layers per $100,000)",
                   ALVH_ARG_RANGE, 1, 0, NULL},
    [BT_FUTURES] = {"futures",
                    "VIX futures prices, one row per date and one column per tenor (points); "
                    "omitted or all cells empty: the policy's model curve from spot VIX",
                    ALVH_ARG_RANGE, 1, 0, NULL},
    [BT_TENORS] = {"tenors", "The futures columns' tenors in calendar days, increasing (e.g. 30, "
                   "60, 90); omitted or all cells empty with futures",
                   ALVH_ARG_RANGE, 1, 0, NULL},
};
ALVH_CHECK_ARGS(k_bt_args, BT_NARGS);

#define BT_EXAMPLE_DATA                                                                       \
    "[45300,45301,45302,45303,45306,45307]\t[4750,4765,4700,4620,4680,4690]\t"                \
    "[13.5,13.2,15.8,21.4,18.2,17.9]"

const alvh_func alvh_fn_backtest[] = {
    {"ALVH_BACKTEST", "Backtest",
     "Daily backtest of short SPX iron condors without and with the layered VIX call hedge, on "
     "the given closes (VIX futures from the given curve or the policy's model curve)",
     "One row per input row, 10 columns: equity unhedged, equity hedged, hedge P&L (hedged - "
     "unhedged), drawdown unhedged, drawdown hedged (decimals <= 0), cash unhedged, condor mark, "
     "cash hedged, hedge mark (dollars), events (bit flags: 1 condor opened, 2 closed, 4 settled, "
     "8 layer traded, 16 signal, 32 layer settled, 64 high VIX, 128 spike)",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_bt_args), eval_backtest,
     BT_EXAMPLE_DATA "\n" BT_EXAMPLE_DATA
                     "\t{\"backtest\": {\"take_profit\": 0, \"capital\": 250000}}\n"},
    {"ALVH_BACKTEST_SUMMARY", "Backtest",
     "Summary of ALVH_BACKTEST: returns, drawdowns, drawdown and losses on high-VIX days with and "
     "without the hedge, hedge cost per month, spike-day ratio",
     "Two columns, one row per measure: name (text) and value (decimals for returns, drawdowns "
     "and ratios; dollars for P&L, premium and costs); empty (#N/A) when undefined on the data, "
     "e.g. no high-VIX day",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_bt_args), eval_summary,
     BT_EXAMPLE_DATA "\n" BT_EXAMPLE_DATA "\t{\"backtest\": {\"high_vix\": 15}}\n" BT_EXAMPLE_DATA
     "\t\t[[15,16],[14.6,15.8],[17,17],[21,19.5],[19.5,18.8],[19,18.6]]\t[[30,90]]\n"},
};
ALVH_DEFINE_GROUP_COUNT(backtest);
