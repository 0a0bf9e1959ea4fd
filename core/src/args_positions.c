/* args_positions.c: the spreadsheet-argument layer's structured ranges (args.h): a condor's 4
 * strikes, a legs range (one row per option leg) and a hedge range (one row per VIX call layer,
 * or ALVH_SCHEDULE's output). Errors name the row and column the user got wrong. */
#include "args.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- a condor's strikes --------------------------------------------------------------------- */

alvh_status alvh_arg_condor_strikes(const alvh_value *v, double strikes[4], const char *count_fmt,
                                    alvh_result *out)
{
    alvh_status st = alvh_arg_exact(v, "strikes", 4, strikes, ALVH_E_STRIKES, count_fmt, out);
    if (st == ALVH_OK && alvh_condor_check_strikes(strikes) != ALVH_OK)
        st = alvh_fail(out, ALVH_E_STRIKES,
                       "strikes must be increasing, 0 < long put < short put <= short call < "
                       "long call, got %.15g, %.15g, %.15g, %.15g",
                       strikes[0], strikes[1], strikes[2], strikes[3]);
    return st;
}

/* ---- the legs range ------------------------------------------------------------------------- */

static const char *const k_leg_columns[5] = {"type", "strike", "quantity", "years", "vol"};

alvh_status alvh_arg_legs(const alvh_value *range, const char *argname, alvh_leg **legs,
                          size_t *n, alvh_result *out)
{
    *legs = NULL;
    *n = 0;
    if (range->kind != ALVH_RANGE || range->cols < 5 || range->rows == 0) {
        char got[96];
        alvh_describe_value(range, got, sizeof got);
        return alvh_fail(out, ALVH_E_LEGS,
                         "%s must be a range with the 5 columns type, strike, quantity, years, "
                         "vol (one row per leg), got %zu column(s): %s",
                         argname, range->kind == ALVH_RANGE ? range->cols : (size_t)1, got);
    }
    alvh_leg *l = malloc(range->rows * sizeof *l);
    if (!l)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    size_t count = 0;
    for (size_t r = 0; r < range->rows; ++r) {
        const alvh_value *row = &range->cells[r * range->cols];
        int empty = 1;
        for (int c = 0; c < 5; ++c)
            if (row[c].kind != ALVH_EMPTY)
                empty = 0;
        if (empty)
            continue; /* a blank line in the sheet */
        alvh_leg leg = {0, 0.0, 0.0, 0.0, 0.0};
        char what[64];
        snprintf(what, sizeof what, "%s row %zu, column 1 (type)", argname, r + 1);
        alvh_status st = alvh_arg_option_type(&row[0], what, &leg.kind, out);
        if (st != ALVH_OK) {
            free(l);
            return st;
        }
        double x[5] = {0.0, 0.0, 0.0, 0.0, 0.0};
        for (int c = 1; c < 5; ++c) {
            if (row[c].kind != ALVH_NUMBER) {
                char got[80];
                alvh_describe_value(&row[c], got, sizeof got);
                free(l);
                return alvh_fail(out, ALVH_E_LEGS, "%s row %zu, column %d (%s) must be a number, "
                                 "got %s", argname, r + 1, c + 1, k_leg_columns[c], got);
            }
            x[c] = row[c].number;
        }
        leg.strike = x[1];
        leg.quantity = x[2];
        leg.years = x[3];
        leg.vol = x[4];
        st = alvh_leg_check(&leg);
        if (st != ALVH_OK) {
            int col = st == ALVH_E_STRIKE ? 2 : st == ALVH_E_YEARS ? 4 : st == ALVH_E_VOL ? 5 : 3;
            free(l);
            if (st == ALVH_E_ARGUMENT)
                st = ALVH_E_LEGS;
            return alvh_fail(out, st, "%s row %zu, column %d (%s): %s, got %.15g", argname,
                             r + 1, col, k_leg_columns[col - 1],
                             st == ALVH_E_LEGS ? "quantity must be a finite number"
                                               : alvh_status_message(st),
                             x[col - 1]);
        }
        l[count++] = leg;
    }
    if (count == 0) {
        free(l);
        return alvh_fail(out, ALVH_E_LEGS, "%s holds no legs (every row is empty)", argname);
    }
    *legs = l;
    *n = count;
    return ALVH_OK;
}

/* ---- the hedge range ------------------------------------------------------------------------ */

static const char *const k_hedge_columns[5] = {"future", "strike", "contracts", "years",
                                               "vol_of_vol"};

/* Column indexes of ALVH_SCHEDULE's output (alvh/hedge.h, alvh_layer_row). */
enum { SCHED_COLS = 13, SCHED_LAYER = 0, SCHED_DAYS = 2, SCHED_STRIKE = 3, SCHED_CONTRACTS = 4,
       SCHED_FUTURE = 5 };

alvh_status alvh_arg_hedge(const alvh_value *range, const char *argname, const alvh_policy *p,
                           alvh_vix_call **calls, size_t *n, alvh_result *out)
{
    *calls = NULL;
    *n = 0;
    size_t cols = range->kind == ALVH_RANGE ? range->cols : 1;
    if (range->kind != ALVH_RANGE || range->rows == 0 || (cols != 5 && cols != SCHED_COLS)) {
        char got[96];
        alvh_describe_value(range, got, sizeof got);
        return alvh_fail(out, ALVH_E_HEDGE,
                         "%s must have 5 columns (future, strike, contracts, years, vol_of_vol; "
                         "one row per layer) or be ALVH_SCHEDULE's 13-column output, got %zu "
                         "column(s): %s",
                         argname, cols, got);
    }
    int sched = cols == SCHED_COLS;
    alvh_vix_call *c = malloc(range->rows * sizeof *c);
    if (!c)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    size_t count = 0;
    static const size_t sched_src[5] = {SCHED_FUTURE, SCHED_STRIKE, SCHED_CONTRACTS, SCHED_DAYS,
                                        SCHED_LAYER};
    static const char *const sched_names[5] = {"future", "strike", "contracts", "days", "layer"};
    for (size_t r = 0; r < range->rows; ++r) {
        const alvh_value *row = &range->cells[r * cols];
        int empty = 1;
        for (size_t k = 0; k < cols; ++k)
            if (row[k].kind != ALVH_EMPTY)
                empty = 0;
        if (empty)
            continue;
        double x[5];
        for (size_t k = 0; k < 5; ++k) {
            size_t src = sched ? sched_src[k] : k;
            if (row[src].kind != ALVH_NUMBER) {
                char got[80];
                alvh_describe_value(&row[src], got, sizeof got);
                free(c);
                return alvh_fail(out, ALVH_E_HEDGE, "%s row %zu, column %zu (%s) must be a number, "
                                 "got %s", argname, r + 1, src + 1,
                                 sched ? sched_names[k] : k_hedge_columns[k], got);
            }
            x[k] = row[src].number;
        }
        alvh_vix_call call = {x[0], x[1], x[2], x[3], x[4]};
        if (sched) {
            double layer = x[4];
            if (!(layer == 1.0 || layer == 2.0 || layer == 3.0)) {
                free(c);
                return alvh_fail(out, ALVH_E_HEDGE, "%s row %zu, column 1 (layer) must be 1, 2 or "
                                 "3, got %.15g", argname, r + 1, layer);
            }
            call.years = x[3] / 365.0;
            call.vol_of_vol = p->layers[(int)layer - 1].vol_of_vol;
        }
        alvh_status st = alvh_vix_call_check(&call);
        if (st != ALVH_OK) {
            size_t k = st == ALVH_E_FORWARD ? 0 : st == ALVH_E_STRIKE ? 1
                     : st == ALVH_E_HEDGE   ? 2 : st == ALVH_E_YEARS ? 3 : 4;
            static const char *const rule[5] = {
                "must be a positive VIX future price", "must be zero or positive",
                "must be a finite number", "must be zero or positive",
                ("must be zero or positive (a decimal: 0.9 is 90%)")};
            size_t col = sched ? sched_src[k] + 1 : k + 1;
            free(c);
            return alvh_fail(out, st, "%s row %zu, column %zu (%s) %s, got %.15g", argname, r + 1,
                             col, sched ? sched_names[k] : k_hedge_columns[k], rule[k],
                             sched && k == 3 ? x[3] : x[k]);
        }
        c[count++] = call;
    }
    if (count == 0) {
        free(c);
        return alvh_fail(out, ALVH_E_HEDGE, "%s holds no layers (every row is empty)", argname);
    }
    *calls = c;
    *n = count;
    return ALVH_OK;
}
