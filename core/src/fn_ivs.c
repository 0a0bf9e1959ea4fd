/* fn_ivs.c: implied vols of whole columns in one call (category Pricing): BS_IVS and B76_IVS,
 * the column forms of BS_IV and B76_IV for a chain's thousands of rows in one array formula.
 * A row whose price admits no vol (a 0 bid, a price below intrinsic or above the maximum, a
 * bad strike) shows no value (#N/A) and the result warns how many rows and why the first one
 * (ALVH_ERROR returns the sentence); the other rows are exactly BS_IV's / B76_IV's. The engine
 * is impvol.c (Jaeckel's "Let's Be Rational", alvh/impvol.h). */
#include <math.h>

#include "alvh/black.h"
#include "alvh/impvol.h"
#include "internal.h"

/* BS_IVS(types; prices; spots; strikes; years; [rate]; [div_yield]) and
 * B76_IVS(types; prices; forwards; strikes; years; [rate]): the columns first. */
enum { IVS_TYPES, IVS_PRICES, IVS_UNDERLYINGS, IVS_STRIKES, IVS_YEARS, IVS_COLUMNS,
       IVS_RATE = IVS_COLUMNS, IVS_DIV_YIELD, BS_IVS_NARGS, B76_IVS_NARGS = IVS_DIV_YIELD };

typedef enum { IVS_BSM, IVS_B76 } ivs_model;

/* Why row r has no vol, kept for the warning (the first such row). */
typedef struct {
    size_t count, row;
    alvh_status status;
    double x[IVS_COLUMNS];
} ivs_missing;

static void note_missing(ivs_missing *m, size_t r, alvh_status st, const double *x)
{
    if (m->count++ == 0) {
        m->row = r + 1;
        m->status = st;
        for (size_t c = 0; c < IVS_COLUMNS; ++c)
            m->x[c] = x[c];
    }
}

static alvh_status eval_ivs(ivs_model m, const alvh_value *a, alvh_result *out)
{
    static const char *const bs_names[IVS_COLUMNS] = {"types", "prices", "spots", "strikes",
                                                      "years"};
    static const char *const b76_names[IVS_COLUMNS] = {"types", "prices", "forwards",
                                                       "strikes", "years"};
    const char *const *names = m == IVS_BSM ? bs_names : b76_names;
    size_t rows = 1;
    alvh_status st = alvh_arg_columns(a, names, IVS_COLUMNS, &rows, out);
    const double rate = a[IVS_RATE].number;
    const double q = m == IVS_BSM ? a[IVS_DIV_YIELD].number : 0.0;
    if (st == ALVH_OK && !isfinite(rate))
        return alvh_fail_value(out, ALVH_E_RATE, rate);
    if (st == ALVH_OK && !isfinite(q))
        return alvh_fail_value(out, ALVH_E_DIV_YIELD, q);
    if (st == ALVH_OK)
        st = alvh_result_alloc(out, rows, 1);
    ivs_missing miss = {0};
    for (size_t r = 0; st == ALVH_OK && r < rows; ++r) {
        double x[IVS_COLUMNS], vol = 0.0;
        for (size_t c = 0; c < IVS_COLUMNS; ++c)
            x[c] = alvh_arg_column_cell(&a[c], r);
        const int kind = x[IVS_TYPES] == 1.0 ? ALVH_CALL : ALVH_PUT;
        alvh_status rs = x[IVS_TYPES] != 1.0 && x[IVS_TYPES] != -1.0 ? ALVH_E_OPTION_TYPE
                         : m == IVS_BSM
                             ? alvh_bsm_implied_vol(kind, x[IVS_PRICES], x[IVS_UNDERLYINGS],
                                                    x[IVS_STRIKES], x[IVS_YEARS], rate, q, &vol)
                             : alvh_black76_implied_vol(kind, x[IVS_PRICES], x[IVS_UNDERLYINGS],
                                                        x[IVS_STRIKES], x[IVS_YEARS], rate,
                                                        &vol);
        if (rs == ALVH_OK)
            alvh_result_set_number(out, r, 0, vol);
        else
            note_missing(&miss, r, rs, x);
    }
    if (st == ALVH_OK && miss.count > 0) {
        char v[IVS_COLUMNS][32];
        for (size_t c = 0; c < IVS_COLUMNS; ++c)
            alvh_format_number(v[c], sizeof v[c], miss.x[c]);
        alvh_result_warn(out, miss.status,
                         "%zu of %zu rows have no implied vol (shown empty); the first, row %zu "
                         "(types %s, prices %s, %s %s, strikes %s, years %s): %s%s", miss.count,
                         rows, miss.row, v[0], v[1], names[IVS_UNDERLYINGS], v[2], v[3], v[4],
                         alvh_status_message(miss.status),
                         miss.status == ALVH_E_OPTION_TYPE
                             ? " (types: 1 for a call, -1 for a put; an empty or text cell "
                               "reads as 0)"
                             : "");
    }
    return st;
}

static alvh_status eval_bs_ivs(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    return eval_ivs(IVS_BSM, a, out);
}

static alvh_status eval_b76_ivs(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    return eval_ivs(IVS_B76, a, out);
}

#define IVS_COLUMN_SPECS(underlying, what)                                                    \
    [IVS_TYPES] = {"types", "Option types, a column of 1 (call) or -1 (put)",                 \
                   ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},                                        \
    [IVS_PRICES] = {"prices", "Option prices, a column, in the underlying's units, e.g. the "  \
                    "mids of a chain", ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},                    \
    [IVS_UNDERLYINGS] = {underlying, what, ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},                 \
    [IVS_STRIKES] = {"strikes", "Strike prices, a column, e.g. 4500", ALVH_ARG_NUMBER_ARRAY,   \
                     0, 0, NULL},                                                             \
    [IVS_YEARS] = {"years", "Times to expiry in years, ACT/365, a column (or one value for "   \
                   "all), e.g. 0.0822", ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},                   \
    [IVS_RATE] = {"rate", "Risk-free rate, continuous decimal (0.045)", ALVH_ARG_NUMBER, 1,    \
                  0, NULL}

static const alvh_arg_spec k_bs_ivs_args[] = {
    IVS_COLUMN_SPECS("spots", "Spot prices, a column (or one value for all), e.g. 5000"),
    [IVS_DIV_YIELD] = {"div_yield", "Dividend yield, continuous decimal (0.013)",
                       ALVH_ARG_NUMBER, 1, 0, NULL},
};
ALVH_CHECK_ARGS(k_bs_ivs_args, BS_IVS_NARGS);

static const alvh_arg_spec k_b76_ivs_args[] = {
    IVS_COLUMN_SPECS("forwards", "Forward prices, a column (or one value for all), e.g. the "
                     "parity forward of a chain's expiry (CHAIN_SUMMARY)"),
};
ALVH_CHECK_ARGS(k_b76_ivs_args, B76_IVS_NARGS);

const alvh_func alvh_fn_ivs[] = {
    {"BS_IVS", "Pricing",
     "Black-Scholes-Merton implied vols of a whole column of option prices in one call (BS_IV "
     "for each row)",
     "One column: each row's vol (annualised decimal); empty (#N/A) where no vol fits the "
     "price, and ALVH_ERROR of the call says how many rows and why the first",
     ALVH_SHAPE_COLUMN, ALVH_ROW_ARGS(k_bs_ivs_args), eval_bs_ivs,
     "[[1],[-1],[1]]\t[[61.5],[12.4],[0]]\t5000\t[[5100],[4700],[5200]]\t0.0822\t0.045\t0.013\n"
     "[[-1],[1]]\t[[1.25],[9.1]]\t[[100],[100]]\t[[80],[105]]\t[[0.25],[0.5]]\n"},
    {"B76_IVS", "Pricing",
     "Black-76 implied vols of a whole column of option prices on forwards in one call (B76_IV "
     "for each row): a chain's smile in one array formula",
     "One column: each row's vol (annualised decimal); empty (#N/A) where no vol fits the "
     "price, and ALVH_ERROR of the call says how many rows and why the first",
     ALVH_SHAPE_COLUMN, ALVH_ROW_ARGS(k_b76_ivs_args), eval_b76_ivs,
     "[[-1],[-1],[1],[1]]\t[[10.15],[34.45],[39.4],[7.95]]\t4514.99\t[[4250],[4400],[4600],"
     "[4750]]\t0.0979\t0.0457\n"
     "[[1],[1]]\t[[0.85],[0.4]]\t18.5\t[[25],[30]]\t0.0822\n"},
};
ALVH_DEFINE_GROUP_COUNT(ivs);
