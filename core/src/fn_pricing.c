/* fn_pricing.c: table rows of the pricing functions (Black-Scholes-Merton, Black-76, implied
 * vol, strike from delta). Adapters only unpack arguments and call black.c / impvol.c; a bare
 * status from core gets its "<sentence>, got <value>" from table.c. */
#include <math.h>
#include <stdio.h>

#include "alvh/black.h"
#include "alvh/impvol.h"
#include "internal.h"

static alvh_status parse_greek(const alvh_value *v, alvh_greek *greek, alvh_result *out)
{
    if (v->kind == ALVH_TEXT && alvh_greek_parse(v->text, greek) == ALVH_OK)
        return ALVH_OK;
    if (v->kind == ALVH_TEXT)
        return alvh_fail(out, ALVH_E_GREEK,
                         "greek must be one of delta, gamma, vega, theta, rho, vanna, volga, "
                         "got \"%.60s\"", v->text);
    return alvh_fail(out, ALVH_E_GREEK,
                     "greek must be one of delta, gamma, vega, theta, rho, vanna, volga "
                     "(as text)");
}

/* The two models differ only in the core call. x[] are the arguments after the option type:
 * Black-Scholes-Merton spot, strike, years, vol, rate, div_yield; Black-76 forward, strike,
 * years, vol, rate. */
typedef enum { MODEL_BSM, MODEL_B76 } model;

/* The core call: the price (PRICE_ONLY) or one greek, of which only that one must be finite. */
#define PRICE_ONLY (-1)
static alvh_status model_eval(model m, int kind, const alvh_value *x, int greek, double *value)
{
    double u = x[0].number, k = x[1].number, t = x[2].number, v = x[3].number, r = x[4].number;
    if (greek == PRICE_ONLY)
        return m == MODEL_BSM ? alvh_bsm_price(kind, u, k, t, v, r, x[5].number, value)
                              : alvh_black76_price(kind, u, k, t, v, r, value);
    alvh_greek g = (alvh_greek)greek;
    return m == MODEL_BSM ? alvh_bsm_greek(g, kind, u, k, t, v, r, x[5].number, value)
                          : alvh_black76_greek(g, kind, u, k, t, v, r, value);
}

/* PRICE(type; ...) */
static alvh_status eval_price(model m, const alvh_value *a, alvh_result *out)
{
    int kind;
    alvh_status st = alvh_arg_option_type(&a[0], "type", &kind, out);
    double price = 0.0;
    if (st == ALVH_OK)
        st = model_eval(m, kind, &a[1], PRICE_ONLY, &price);
    return alvh_result_number_if(out, st, price);
}

/* GREEK(greek; type; ...): only the greek asked for must be finite. */
static alvh_status eval_greek(model m, const alvh_value *a, alvh_result *out)
{
    alvh_greek greek;
    int kind;
    alvh_status st = parse_greek(&a[0], &greek, out);
    if (st == ALVH_OK)
        st = alvh_arg_option_type(&a[1], "type", &kind, out);
    double value = 0.0;
    if (st == ALVH_OK)
        st = model_eval(m, kind, &a[2], (int)greek, &value);
    return alvh_result_number_if(out, st, value);
}

/* The table's adapters: one model, one shape each. */
#define MODEL_ADAPTER(name, shape, m)                                                          \
    static alvh_status name(const alvh_value *a, size_t n, alvh_result *out)                    \
    {                                                                                           \
        (void)n;                                                                                \
        return shape(m, a, out);                                                                \
    }
MODEL_ADAPTER(eval_bs_price, eval_price, MODEL_BSM)
MODEL_ADAPTER(eval_bs_greek, eval_greek, MODEL_BSM)
MODEL_ADAPTER(eval_b76_price, eval_price, MODEL_B76)
MODEL_ADAPTER(eval_b76_greek, eval_greek, MODEL_B76)

/* Why no vol fits, with the numbers: the bound the price crossed. und is the discounted
 * underlying the call is worth at most (S e^{-qT} or F e^{-rT}), dstrike = K e^{-rT}. */
static alvh_status explain_iv(alvh_status st, int kind, double price, double und, double dstrike,
                              double years, alvh_result *out)
{
    double intrinsic = kind == ALVH_CALL ? und - dstrike : dstrike - und;
    double maximum = kind == ALVH_CALL ? und : dstrike;
    switch (st) {
    case ALVH_E_BELOW_INTRINSIC:
        return alvh_fail(out, st,
                         "price %.15g is below the option's intrinsic value %.15g (discounted), "
                         "so no volatility produces it",
                         price, intrinsic > 0.0 ? intrinsic : 0.0);
    case ALVH_E_ABOVE_MAXIMUM:
        return alvh_fail(out, st,
                         "price %.15g is at or above the %s's maximum value %.15g (the discounted "
                         "%s), so no volatility produces it",
                         price, kind == ALVH_CALL ? "call" : "put", maximum,
                         kind == ALVH_CALL ? "underlying" : "strike");
    case ALVH_E_NO_TIME_VALUE:
        if (years == 0.0)
            return alvh_fail(out, st, "years is 0: at expiry an option has no time value, so "
                                      "its volatility is undefined");
        return alvh_fail(out, st,
                         "price %.15g has no time value over the intrinsic value %.15g, so the "
                         "volatility is undefined",
                         price, intrinsic > 0.0 ? intrinsic : 0.0);
    default:
        return st; /* the bare status: table.c names the argument and value */
    }
}

/* IV(type; price; ...): an error explains the bound the price crossed, with the discounted
 * underlying (S e^{-qT} or F e^{-rT}) and strike (K e^{-rT}). */
static alvh_status eval_iv(model m, const alvh_value *a, alvh_result *out)
{
    int kind;
    alvh_status st = alvh_arg_option_type(&a[0], "type", &kind, out);
    double vol = 0.0, price = a[1].number, years = a[4].number, rate = a[5].number;
    if (st == ALVH_OK && m == MODEL_BSM)
        st = alvh_bsm_implied_vol(kind, price, a[2].number, a[3].number, years, rate,
                                  a[6].number, &vol);
    else if (st == ALVH_OK)
        st = alvh_black76_implied_vol(kind, price, a[2].number, a[3].number, years, rate, &vol);
    if (st == ALVH_OK) {
        alvh_result_number(out, vol);
    } else if (st != ALVH_E_OPTION_TYPE) {
        double carry = m == MODEL_BSM ? a[6].number : rate;
        st = explain_iv(st, kind, price, a[2].number * exp(-carry * years),
                        a[3].number * exp(-rate * years), years, out);
    }
    return st;
}

MODEL_ADAPTER(eval_bs_iv, eval_iv, MODEL_BSM)
MODEL_ADAPTER(eval_b76_iv, eval_iv, MODEL_B76)

static alvh_status eval_bs_strike(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    int kind;
    alvh_status st = alvh_arg_option_type(&a[0], "type", &kind, out);
    double strike = 0.0;
    if (st == ALVH_OK)
        st = alvh_bsm_strike_from_delta(kind, a[1].number, a[2].number, a[3].number,
                                        a[4].number, a[5].number, a[6].number, &strike);
    if (st == ALVH_OK) {
        alvh_result_number(out, strike);
    } else if (st == ALVH_E_DELTA) {
        /* the attainable range: 0 < |delta| < e^{-q T} */
        double dq = exp(-a[6].number * a[3].number);
        if (kind == ALVH_CALL)
            st = alvh_fail(out, st,
                           "delta must be between 0 and %.15g (e^(-div_yield*years)) for a call, "
                           "got %.15g",
                           isfinite(dq) ? dq : 1.0, a[1].number);
        else
            st = alvh_fail(out, st,
                           "delta must be between -%.15g and 0 for a put (or its magnitude "
                           "between 0 and %.15g), got %.15g",
                           isfinite(dq) ? dq : 1.0, isfinite(dq) ? dq : 1.0, a[1].number);
    }
    return st;
}

/* ---- BS_PRICES: one call over whole columns ------------------------------------------------
 * The columns are NUMBER_ARRAY arguments: Calc hands them over as double arrays in which empty
 * and text cells are already 0 (the generic path reads them as 0 too), so 0 is rejected wherever
 * it is not a meaningful value: a type must be 1 or -1, spot, strike, years and vol > 0. */

#define BSP_COLUMNS 5

static const char *const k_bsp_names[BSP_COLUMNS] = {"types", "spots", "strikes", "years",
                                                     "vols"};
static const alvh_status k_bsp_status[BSP_COLUMNS] = {ALVH_E_OPTION_TYPE, ALVH_E_SPOT,
                                                      ALVH_E_STRIKE, ALVH_E_YEARS, ALVH_E_VOL};

/* Row r of column c (a 1-cell column is used for every row). */
static double bsp_cell(const alvh_value *col, size_t r)
{
    return col->rows == 1 ? col->cells[0].number : col->cells[r].number;
}

/* The error for a bad value x in row r (1-based) of column c. */
static alvh_status bsp_bad(size_t c, size_t r, double x, alvh_result *out)
{
    char got[32];
    alvh_format_number(got, sizeof got, x);
    if (c == 0 && x == 0.0)
        return alvh_fail(out, ALVH_E_OPTION_TYPE,
                         "types: row %zu is 0, an empty or text cell (empty and text cells read "
                         "as 0 here); BS_PRICES takes 1 for a call and -1 for a put, not text "
                         "\"C\"/\"P\"", r);
    if (c == 0)
        return alvh_fail(out, ALVH_E_OPTION_TYPE,
                         "types: row %zu must be 1 (call) or -1 (put), got %s", r, got);
    if (x == 0.0)
        return alvh_fail(out, k_bsp_status[c],
                         "%s: row %zu is 0, which may be an empty or text cell (empty and text "
                         "cells read as 0 here); it must be a number > 0", k_bsp_names[c], r);
    return alvh_fail(out, k_bsp_status[c], "%s: row %zu must be a finite number > 0, got %s",
                     k_bsp_names[c], r, got);
}

static alvh_status eval_bs_prices(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    size_t rows = 1;
    for (size_t c = 0; c < BSP_COLUMNS; ++c) {
        if (a[c].cols != 1 || a[c].rows == 0)
            return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                             "%s must be a single column (or a single value), got a %zux%zu range",
                             k_bsp_names[c], a[c].rows, a[c].cols);
        if (a[c].rows > rows)
            rows = a[c].rows;
    }
    for (size_t c = 0; c < BSP_COLUMNS; ++c)
        if (a[c].rows != 1 && a[c].rows != rows)
            return alvh_fail(out, ALVH_E_RANGE_SHAPE,
                             "%s has %zu rows where another column has %zu: the columns must "
                             "have the same length (or be a single value, used for every row)",
                             k_bsp_names[c], a[c].rows, rows);
    double rate = a[5].number, div_yield = a[6].number;
    alvh_status st = alvh_result_alloc(out, rows, 1);
    if (st != ALVH_OK)
        return st;
    for (size_t r = 0; r < rows; ++r) {
        double x[BSP_COLUMNS];
        for (size_t c = 0; c < BSP_COLUMNS; ++c)
            x[c] = bsp_cell(&a[c], r);
        if (x[0] != 1.0 && x[0] != -1.0)
            return bsp_bad(0, r + 1, x[0], out);
        for (size_t c = 1; c < BSP_COLUMNS; ++c)
            if (!(x[c] > 0.0 && isfinite(x[c])))
                return bsp_bad(c, r + 1, x[c], out);
        double price = 0.0;
        st = alvh_bsm_price(x[0] > 0.0 ? ALVH_CALL : ALVH_PUT, x[1], x[2], x[3], x[4], rate,
                            div_yield, &price);
        if (st == ALVH_E_RATE || st == ALVH_E_DIV_YIELD)
            return st; /* the scalar argument: table.c names it and its value */
        if (st != ALVH_OK)
            return alvh_fail(out, st, "row %zu: %s", r + 1, alvh_status_message(st));
        alvh_result_set_number(out, r, 0, price);
    }
    return ALVH_OK;
}

/* ---- argument specs ------------------------------------------------------------------------ */

#define ARG_TYPE                                                                              \
    {"type", "Option type: \"C\" or \"P\" (any case, \"CALL\"/\"PUT\" too) or 1 / -1",       \
     ALVH_ARG_SCALAR, 0, 0, NULL}
#define ARG_GREEK                                                                             \
    {"greek",                                                                                 \
     "Which greek, as text: delta, gamma (per 1.00 of the underlying), vega, rho (per point), " \
     "theta (per calendar day), vanna, volga (per vol point)",                                \
     ALVH_ARG_TEXT, 0, 0, NULL}
#define ARG_SPOT                                                                              \
    {"spot", "Spot price of the underlying, > 0, e.g. 5000 (SPX index points)", ALVH_ARG_NUMBER, \
     0, 0, NULL}
#define ARG_FORWARD                                                                           \
    {"forward", "Forward / futures price of the same expiry, > 0, e.g. 18.5 (VIX future)",    \
     ALVH_ARG_NUMBER, 0, 0, NULL}
#define ARG_STRIKE                                                                            \
    {"strike", "Strike price, in the underlying's units, > 0 (0 allowed for a call), e.g. 4500", \
     ALVH_ARG_NUMBER, 0, 0, NULL}
#define ARG_YEARS                                                                             \
    {"years", "Time to expiry in years, ACT/365 (1 day = 1/365), >= 0, e.g. 0.0822",         \
     ALVH_ARG_NUMBER, 0, 0, NULL}
#define ARG_VOL                                                                               \
    {"vol", "Volatility, annualised decimal (0.20 = 20%), >= 0, e.g. 0.18", ALVH_ARG_NUMBER, 0, 0,   \
     NULL}
#define ARG_RATE                                                                              \
    {"rate", "Risk-free rate, continuously compounded decimal, e.g. 0.045 (4.5%)",     \
     ALVH_ARG_NUMBER, 1, 0.0, NULL}
#define ARG_DIV                                                                               \
    {"div_yield",                                                                             \
     "Dividend yield, continuously compounded decimal, e.g. 0.013 (1.3%)",                    \
     ALVH_ARG_NUMBER, 1, 0.0, NULL}

#define ARG_PRICE                                                                             \
    {"price", "Option price per 1 unit of the underlying (not x100), >= 0, e.g. 42.5",       \
     ALVH_ARG_NUMBER, 0, 0, NULL}
#define ARG_DELTA                                                                             \
    {"delta",                                                                                 \
     "Spot delta per 1.00 of the underlying, e.g. 0.16; a put's may be signed (-0.16) or its " \
     "magnitude (0.16)",                                                                      \
     ALVH_ARG_NUMBER, 0, 0, NULL}

static const alvh_arg_spec k_bs_price_args[] = {ARG_TYPE, ARG_SPOT, ARG_STRIKE, ARG_YEARS,
                                                ARG_VOL,  ARG_RATE, ARG_DIV};
static const alvh_arg_spec k_bs_greek_args[] = {ARG_GREEK, ARG_TYPE, ARG_SPOT, ARG_STRIKE,
                                                ARG_YEARS, ARG_VOL,  ARG_RATE, ARG_DIV};
static const alvh_arg_spec k_b76_price_args[] = {ARG_TYPE, ARG_FORWARD, ARG_STRIKE,
                                                 ARG_YEARS, ARG_VOL, ARG_RATE};
static const alvh_arg_spec k_b76_greek_args[] = {ARG_GREEK, ARG_TYPE, ARG_FORWARD, ARG_STRIKE,
                                                 ARG_YEARS, ARG_VOL,   ARG_RATE};

static const alvh_arg_spec k_bs_iv_args[] = {ARG_TYPE,  ARG_PRICE, ARG_SPOT, ARG_STRIKE,
                                             ARG_YEARS, ARG_RATE,  ARG_DIV};
static const alvh_arg_spec k_b76_iv_args[] = {ARG_TYPE,  ARG_PRICE, ARG_FORWARD,
                                              ARG_STRIKE, ARG_YEARS, ARG_RATE};
static const alvh_arg_spec k_bs_strike_args[] = {ARG_TYPE, ARG_DELTA, ARG_SPOT, ARG_YEARS,
                                                 ARG_VOL,  ARG_RATE,  ARG_DIV};

static const alvh_arg_spec k_bs_prices_args[] = {
    {"types", "Option types, a column of 1 (call) or -1 (put); text \"C\"/\"P\" is not accepted "
     "here (it reads as 0, an error)", ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},
    {"spots", "Spot prices, a column, each > 0, e.g. 5000 (SPX index points)",
     ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},
    {"strikes", "Strike prices, a column, each > 0, in the underlying's units, e.g. 4500",
     ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},
    {"years", "Times to expiry in years, ACT/365 (1 day = 1/365), a column, each > 0, e.g. "
     "0.0822", ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},
    {"vols", "Volatilities, annualised decimals (0.20 = 20%), a column, each > 0, e.g. 0.18",
     ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},
    ARG_RATE,
    ARG_DIV};

#define NARGS(a) (sizeof(a) / sizeof((a)[0]))

const alvh_func alvh_fn_pricing[] = {
    {"BS_PRICE", "Pricing",
     "Black-Scholes-Merton price of a European option on a spot with a continuous dividend yield",
     "Option price, in the underlying's units per 1 unit of underlying (x100 for one SPX contract)",
     ALVH_SHAPE_SCALAR, NARGS(k_bs_price_args), k_bs_price_args, eval_bs_price,
     "C\t5000\t5100\t0.0822\t0.15\t0.045\t0.013\n"
     "P\t100\t80\t0.25\t0.35\n"},
    {"BS_GREEK", "Pricing",
     "One Black-Scholes-Merton greek: delta, gamma, vega, theta, rho, vanna or volga",
     "The greek: delta/gamma per 1.00 of the spot, vega and rho per point (x0.01), theta per "
     "calendar day, vanna and volga per vol point; per 1 unit of underlying",
     ALVH_SHAPE_SCALAR, NARGS(k_bs_greek_args), k_bs_greek_args, eval_bs_greek,
     "delta\tP\t5000\t4700\t0.0822\t0.18\t0.045\t0.013\n"
     "vega\tC\t100\t105\t0.5\t0.25\n"
     "theta\tC\t100\t100\t0.25\t0.2\t0.05\n"},
    {"BS_PRICES", "Pricing",
     "Black-Scholes-Merton prices of a whole column of European options in one array formula "
     "(fast; numbers only, types 1/-1; any bad row fails the whole call)",
     "A column of option prices, row for row with the inputs, each equal to BS_PRICE of its row "
     "(underlying's units per 1 unit of underlying)",
     ALVH_SHAPE_COLUMN, NARGS(k_bs_prices_args), k_bs_prices_args, eval_bs_prices,
     "[[1],[-1],[1]]\t[[5000],[5000],[100]]\t[[5100],[4700],[80]]\t[[0.0822],[0.0822],[0.25]]\t"
     "[[0.15],[0.18],[0.35]]\t0.045\t0.013\n"
     "[[-1],[1]]\t[[100],[100]]\t[[80],[105]]\t[[0.25],[0.5]]\t[[0.35],[0.25]]\n"
     "-1\t100\t[[80],[90],[100]]\t0.25\t0.35\t0.03\n"},
    {"B76_PRICE", "Pricing",
     "Black-76 price of a European option on a forward (VIX options on the VIX future of the "
     "same expiry, SPX futures options)",
     "Option price, in the forward's units per 1 unit (x100 for one VIX option contract)",
     ALVH_SHAPE_SCALAR, NARGS(k_b76_price_args), k_b76_price_args, eval_b76_price,
     "C\t18.5\t25\t0.0822\t0.95\t0.045\n"
     "P\t18.5\t16\t0.0822\t0.8\n"},
    {"B76_GREEK", "Pricing",
     "One Black-76 greek (delta and gamma with respect to the forward; rho holds the forward "
     "fixed)",
     "The greek: delta/gamma per 1.00 of the forward, vega and rho per point (x0.01), theta per "
     "calendar day, vanna and volga per vol point; per 1 unit of the forward",
     ALVH_SHAPE_SCALAR, NARGS(k_b76_greek_args), k_b76_greek_args, eval_b76_greek,
     "delta\tC\t18.5\t25\t0.0822\t0.95\t0.045\n"
     "gamma\tP\t18.5\t16\t0.0822\t0.8\n"},
    {"BS_IV", "Pricing",
     "Black-Scholes-Merton implied volatility of a European option price (Jaeckel's \"Let's Be "
     "Rational\" method)",
     "Volatility, annualised decimal (0.20 = 20%); an error says why when no vol fits: below "
     "intrinsic, above maximum, no time value",
     ALVH_SHAPE_SCALAR, NARGS(k_bs_iv_args), k_bs_iv_args, eval_bs_iv,
     "C\t61.5\t5000\t5100\t0.0822\t0.045\t0.013\n"
     "P\t1.25\t100\t80\t0.25\n"},
    {"B76_IV", "Pricing",
     "Black-76 implied volatility of a European option on a forward (VIX options on the VIX "
     "future)",
     "Volatility, annualised decimal (0.95 = 95%); an error says why when no vol fits",
     ALVH_SHAPE_SCALAR, NARGS(k_b76_iv_args), k_b76_iv_args, eval_b76_iv,
     "C\t0.85\t18.5\t25\t0.0822\t0.045\n"
     "P\t0.4\t18.5\t16\t0.0822\n"},
    {"BS_STRIKE", "Pricing",
     "The strike whose Black-Scholes-Merton spot delta (with the dividend discount) equals "
     "delta: how 15-25 delta condor shorts are placed",
     "Strike, in the underlying's units (not rounded to a listed strike)",
     ALVH_SHAPE_SCALAR, NARGS(k_bs_strike_args), k_bs_strike_args, eval_bs_strike,
     "P\t-0.16\t5000\t0.0822\t0.18\t0.045\t0.013\n"
     "C\t0.2\t5000\t0.0822\t0.15\n"},
};
ALVH_DEFINE_GROUP_COUNT(pricing);
