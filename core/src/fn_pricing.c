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

/* The two models differ only in the core call. Their inputs follow the option type in this
 * order: Black-Scholes-Merton spot, strike, years, vol, rate, div_yield; Black-76 forward,
 * strike, years, vol, rate. */
typedef enum { MODEL_BSM, MODEL_B76 } model;
enum { IN_UNDERLYING, IN_STRIKE, IN_YEARS, IN_VOL, IN_RATE, IN_DIV_YIELD, BSM_INPUTS,
       B76_INPUTS = IN_DIV_YIELD };

/* PRICE(type; inputs...) and GREEK(greek; type; inputs...): where each argument sits. */
enum { PRICE_TYPE, PRICE_INPUTS };
enum { GREEK_GREEK, GREEK_TYPE, GREEK_INPUTS };

/* The core call: the price (PRICE_ONLY) or one greek, of which only that one must be finite. */
#define PRICE_ONLY (-1)
static alvh_status model_eval(model m, int kind, const alvh_value *x, int greek, double *value)
{
    double u = x[IN_UNDERLYING].number, k = x[IN_STRIKE].number, t = x[IN_YEARS].number;
    double v = x[IN_VOL].number, r = x[IN_RATE].number;
    if (greek == PRICE_ONLY)
        return m == MODEL_BSM ? alvh_bsm_price(kind, u, k, t, v, r, x[IN_DIV_YIELD].number, value)
                              : alvh_black76_price(kind, u, k, t, v, r, value);
    alvh_greek g = (alvh_greek)greek;
    return m == MODEL_BSM ? alvh_bsm_greek(g, kind, u, k, t, v, r, x[IN_DIV_YIELD].number, value)
                          : alvh_black76_greek(g, kind, u, k, t, v, r, value);
}

/* PRICE(type; ...) */
static alvh_status eval_price(model m, const alvh_value *a, alvh_result *out)
{
    int kind;
    alvh_status st = alvh_arg_option_type(&a[PRICE_TYPE], "type", &kind, out);
    double price = 0.0;
    if (st == ALVH_OK)
        st = model_eval(m, kind, &a[PRICE_INPUTS], PRICE_ONLY, &price);
    return alvh_result_number_if(out, st, price);
}

/* GREEK(greek; type; ...): only the greek asked for must be finite. */
static alvh_status eval_greek(model m, const alvh_value *a, alvh_result *out)
{
    alvh_greek greek;
    int kind;
    alvh_status st = parse_greek(&a[GREEK_GREEK], &greek, out);
    if (st == ALVH_OK)
        st = alvh_arg_option_type(&a[GREEK_TYPE], "type", &kind, out);
    double value = 0.0;
    if (st == ALVH_OK)
        st = model_eval(m, kind, &a[GREEK_INPUTS], (int)greek, &value);
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
 * underlying the call is worth at most (S e^{-qT} or F e^{-rT}), dstrike = K e^{-rT}; inputs
 * names the arguments the bound comes from ("spot 100, strike 90, years 1, ..."). */
static alvh_status explain_iv(alvh_status st, int kind, double price, double und, double dstrike,
                              double years, const char *inputs, alvh_result *out)
{
    double intrinsic = kind == ALVH_CALL ? und - dstrike : dstrike - und;
    double maximum = kind == ALVH_CALL ? und : dstrike;
    /* The price and the bound it crossed, with enough digits to show they differ. */
    char p[32], b[32];
    alvh_format_distinct(p, sizeof p, b, sizeof b, price,
                         st == ALVH_E_ABOVE_MAXIMUM ? maximum : fmax(intrinsic, 0.0), 15);
    switch (st) {
    case ALVH_E_BELOW_INTRINSIC:
        return alvh_fail(out, st,
                         "price %s is below the option's intrinsic value %s (discounted), so no "
                         "volatility produces it (%s)",
                         p, b, inputs);
    case ALVH_E_ABOVE_MAXIMUM:
        return alvh_fail(out, st,
                         "price %s is at or above the %s's maximum value %s (the discounted "
                         "%s), so no volatility produces it (%s)",
                         p, kind == ALVH_CALL ? "call" : "put", b,
                         kind == ALVH_CALL ? "underlying" : "strike", inputs);
    case ALVH_E_NO_TIME_VALUE:
        if (years == 0.0)
            return alvh_fail(out, st, "years is 0: at expiry an option has no time value, so "
                                      "its volatility is undefined");
        return alvh_fail(out, st,
                         "price %s has no time value over the intrinsic value %s, so the "
                         "volatility is undefined (%s)",
                         p, b, inputs);
    default:
        return st; /* the bare status: table.c names the argument and value */
    }
}

/* "spot 100, strike 90, years 1, rate 0, div_yield 0": arguments from..to of a call, named as
 * the specs name them, for a sentence about a bound they set. */
static void name_inputs(const alvh_arg_spec *specs, const alvh_value *a, size_t from, size_t to,
                        char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = from; i < to && used < size; ++i) {
        char x[32];
        alvh_format_number(x, sizeof x, a[i].number);
        int k = snprintf(buf + used, size - used, "%s%s %s", used ? ", " : "", specs[i].name, x);
        used += k > 0 ? (size_t)k : 0;
    }
}

/* IV(type; price; underlying; strike; years; [rate]; [div_yield]), Black-76 without
 * div_yield: an error explains the bound the price crossed, with the discounted underlying
 * (S e^{-qT} or F e^{-rT}) and strike (K e^{-rT}). */
enum { IV_TYPE, IV_PRICE, IV_UNDERLYING, IV_STRIKE, IV_YEARS, IV_RATE, IV_DIV_YIELD, BS_IV_NARGS,
       B76_IV_NARGS = IV_DIV_YIELD };

static const alvh_arg_spec k_bs_iv_args[BS_IV_NARGS], k_b76_iv_args[B76_IV_NARGS];

static alvh_status eval_iv(model m, const alvh_value *a, alvh_result *out)
{
    int kind;
    alvh_status st = alvh_arg_option_type(&a[IV_TYPE], "type", &kind, out);
    double vol = 0.0, price = a[IV_PRICE].number, years = a[IV_YEARS].number;
    double und = a[IV_UNDERLYING].number, strike = a[IV_STRIKE].number, rate = a[IV_RATE].number;
    if (st == ALVH_OK && m == MODEL_BSM)
        st = alvh_bsm_implied_vol(kind, price, und, strike, years, rate, a[IV_DIV_YIELD].number,
                                  &vol);
    else if (st == ALVH_OK)
        st = alvh_black76_implied_vol(kind, price, und, strike, years, rate, &vol);
    if (st == ALVH_OK) {
        alvh_result_number(out, vol);
    } else if (st != ALVH_E_OPTION_TYPE) {
        double carry = m == MODEL_BSM ? a[IV_DIV_YIELD].number : rate;
        char inputs[240], type[96];
        alvh_describe_value(&a[IV_TYPE], type, sizeof type);
        size_t used = (size_t)snprintf(inputs, sizeof inputs, "type %s, ", type);
        name_inputs(m == MODEL_BSM ? k_bs_iv_args : k_b76_iv_args, a, IV_UNDERLYING,
                    m == MODEL_BSM ? BS_IV_NARGS : B76_IV_NARGS, inputs + used,
                    sizeof inputs - used);
        st = explain_iv(st, kind, price, und * exp(-carry * years), strike * exp(-rate * years),
                        years, inputs, out);
    }
    return st;
}

MODEL_ADAPTER(eval_bs_iv, eval_iv, MODEL_BSM)
MODEL_ADAPTER(eval_b76_iv, eval_iv, MODEL_B76)

/* BS_STRIKE(type; delta; spot; years; vol; [rate]; [div_yield]) */
enum { STK_TYPE, STK_DELTA, STK_SPOT, STK_YEARS, STK_VOL, STK_RATE, STK_DIV_YIELD, STK_NARGS };

static alvh_status eval_bs_strike(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    int kind;
    alvh_status st = alvh_arg_option_type(&a[STK_TYPE], "type", &kind, out);
    double strike = 0.0, delta = a[STK_DELTA].number;
    if (st == ALVH_OK)
        st = alvh_bsm_strike_from_delta(kind, delta, a[STK_SPOT].number, a[STK_YEARS].number,
                                        a[STK_VOL].number, a[STK_RATE].number,
                                        a[STK_DIV_YIELD].number, &strike);
    if (st == ALVH_OK) {
        alvh_result_number(out, strike);
    } else if (st == ALVH_E_DELTA) {
        /* the attainable range: 0 < |delta| < e^{-q T} */
        double dq = exp(-a[STK_DIV_YIELD].number * a[STK_YEARS].number);
        char q[32], t[32];
        alvh_format_number(q, sizeof q, a[STK_DIV_YIELD].number);
        alvh_format_number(t, sizeof t, a[STK_YEARS].number);
        if (kind == ALVH_CALL)
            st = alvh_fail(out, st,
                           "delta must be between 0 and %.15g (e^(-div_yield*years)) for a call, "
                           "got %.15g (div_yield %s, years %s)",
                           isfinite(dq) ? dq : 1.0, delta, q, t);
        else
            st = alvh_fail(out, st,
                           "delta must be between -%.15g and 0 for a put (or its magnitude "
                           "between 0 and %.15g), got %.15g (div_yield %s, years %s)",
                           isfinite(dq) ? dq : 1.0, isfinite(dq) ? dq : 1.0, delta, q, t);
    }
    return st;
}

/* ---- BS_PRICES: one call over whole columns ------------------------------------------------
 * The columns are NUMBER_ARRAY arguments: Calc hands them over as double arrays in which empty
 * and text cells are already 0 (the generic path reads them as 0 too), so 0 is rejected wherever
 * it is not a meaningful value: a type must be 1 or -1, spot, strike, years and vol > 0. */

/* BS_PRICES(types; spots; strikes; years; vols; [rate]; [div_yield]): the five columns come
 * first, so a column's index is its argument's. */
enum { BSP_TYPES, BSP_SPOTS, BSP_STRIKES, BSP_YEARS, BSP_VOLS, BSP_COLUMNS,
       BSP_RATE = BSP_COLUMNS, BSP_DIV_YIELD, BSP_NARGS };

static const char *const k_bsp_names[BSP_COLUMNS] = {
    [BSP_TYPES] = "types", [BSP_SPOTS] = "spots", [BSP_STRIKES] = "strikes",
    [BSP_YEARS] = "years", [BSP_VOLS] = "vols"};
static const alvh_status k_bsp_status[BSP_COLUMNS] = {
    [BSP_TYPES] = ALVH_E_OPTION_TYPE, [BSP_SPOTS] = ALVH_E_SPOT, [BSP_STRIKES] = ALVH_E_STRIKE,
    [BSP_YEARS] = ALVH_E_YEARS, [BSP_VOLS] = ALVH_E_VOL};

/* The error for a bad value x in row r (1-based) of column c. */
static alvh_status bsp_bad(size_t c, size_t r, double x, alvh_result *out)
{
    char got[32];
    alvh_format_number(got, sizeof got, x);
    if (c == BSP_TYPES && x == 0.0)
        return alvh_fail(out, ALVH_E_OPTION_TYPE,
                         "types: row %zu is 0, an empty or text cell (empty and text cells read "
                         "as 0 here); BS_PRICES takes 1 for a call and -1 for a put, not text "
                         "\"C\"/\"P\"", r);
    if (c == BSP_TYPES)
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
    alvh_status st = alvh_arg_columns(a, k_bsp_names, BSP_COLUMNS, &rows, out);
    if (st != ALVH_OK)
        return st;
    double rate = a[BSP_RATE].number, div_yield = a[BSP_DIV_YIELD].number;
    st = alvh_result_alloc(out, rows, 1);
    if (st != ALVH_OK)
        return st;
    for (size_t r = 0; r < rows; ++r) {
        double x[BSP_COLUMNS];
        for (size_t c = 0; c < BSP_COLUMNS; ++c)
            x[c] = alvh_arg_column_cell(&a[c], r);
        if (x[BSP_TYPES] != 1.0 && x[BSP_TYPES] != -1.0)
            return bsp_bad(BSP_TYPES, r + 1, x[BSP_TYPES], out);
        for (size_t c = BSP_SPOTS; c < BSP_COLUMNS; ++c)
            if (!(x[c] > 0.0 && isfinite(x[c])))
                return bsp_bad(c, r + 1, x[c], out);
        double price = 0.0;
        st = alvh_bsm_price(x[BSP_TYPES] > 0.0 ? ALVH_CALL : ALVH_PUT, x[BSP_SPOTS],
                            x[BSP_STRIKES], x[BSP_YEARS], x[BSP_VOLS], rate, div_yield, &price);
        if (st == ALVH_E_RATE || st == ALVH_E_DIV_YIELD)
            return st; /* the scalar argument: table.c names it and its value */
        if (st != ALVH_OK) {
            char in[5][32], rt[32], dq[32];
            for (size_t c = 0; c < BSP_COLUMNS; ++c)
                alvh_format_number(in[c], sizeof in[c], x[c]);
            alvh_format_number(rt, sizeof rt, rate);
            alvh_format_number(dq, sizeof dq, div_yield);
            return alvh_fail(out, st, "row %zu (types %s, spots %s, strikes %s, years %s, vols "
                             "%s; rate %s, div_yield %s): %s", r + 1, in[0], in[1], in[2], in[3],
                             in[4], rt, dq, alvh_status_message(st));
        }
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

/* A model's inputs at position at (PRICE_INPUTS or GREEK_INPUTS): Black-76's, and BSM's with
 * the spot for the forward and a div_yield after the rate. */
#define B76_INPUT_SPECS(at, underlying)                                                       \
    [(at) + IN_UNDERLYING] = underlying, [(at) + IN_STRIKE] = ARG_STRIKE,                     \
    [(at) + IN_YEARS] = ARG_YEARS, [(at) + IN_VOL] = ARG_VOL, [(at) + IN_RATE] = ARG_RATE
#define BSM_INPUT_SPECS(at) B76_INPUT_SPECS(at, ARG_SPOT), [(at) + IN_DIV_YIELD] = ARG_DIV

static const alvh_arg_spec k_bs_price_args[] = {[PRICE_TYPE] = ARG_TYPE,
                                                BSM_INPUT_SPECS(PRICE_INPUTS)};
ALVH_CHECK_ARGS(k_bs_price_args, PRICE_INPUTS + BSM_INPUTS);
static const alvh_arg_spec k_bs_greek_args[] = {[GREEK_GREEK] = ARG_GREEK, [GREEK_TYPE] = ARG_TYPE,
                                                BSM_INPUT_SPECS(GREEK_INPUTS)};
ALVH_CHECK_ARGS(k_bs_greek_args, GREEK_INPUTS + BSM_INPUTS);
static const alvh_arg_spec k_b76_price_args[] = {[PRICE_TYPE] = ARG_TYPE,
                                                 B76_INPUT_SPECS(PRICE_INPUTS, ARG_FORWARD)};
ALVH_CHECK_ARGS(k_b76_price_args, PRICE_INPUTS + B76_INPUTS);
static const alvh_arg_spec k_b76_greek_args[] = {[GREEK_GREEK] = ARG_GREEK,
                                                 [GREEK_TYPE] = ARG_TYPE,
                                                 B76_INPUT_SPECS(GREEK_INPUTS, ARG_FORWARD)};
ALVH_CHECK_ARGS(k_b76_greek_args, GREEK_INPUTS + B76_INPUTS);

/* The implied vols' arguments up to the rate (BS_IV adds the div_yield). */
#define IV_SPECS(underlying)                                                                  \
    [IV_TYPE] = ARG_TYPE, [IV_PRICE] = ARG_PRICE, [IV_UNDERLYING] = underlying,               \
    [IV_STRIKE] = ARG_STRIKE, [IV_YEARS] = ARG_YEARS, [IV_RATE] = ARG_RATE

static const alvh_arg_spec k_bs_iv_args[] = {IV_SPECS(ARG_SPOT), [IV_DIV_YIELD] = ARG_DIV};
ALVH_CHECK_ARGS(k_bs_iv_args, BS_IV_NARGS);
static const alvh_arg_spec k_b76_iv_args[] = {IV_SPECS(ARG_FORWARD)};
ALVH_CHECK_ARGS(k_b76_iv_args, B76_IV_NARGS);
static const alvh_arg_spec k_bs_strike_args[] = {
    [STK_TYPE] = ARG_TYPE,   [STK_DELTA] = ARG_DELTA, [STK_SPOT] = ARG_SPOT,
    [STK_YEARS] = ARG_YEARS, [STK_VOL] = ARG_VOL,     [STK_RATE] = ARG_RATE,
    [STK_DIV_YIELD] = ARG_DIV};
ALVH_CHECK_ARGS(k_bs_strike_args, STK_NARGS);

static const alvh_arg_spec k_bs_prices_args[] = {
    [BSP_TYPES] = {"types", "Option types, a column of 1 (call) or -1 (put); text \"C\"/\"P\" is "
                   "not accepted here (it reads as 0, an error)", ALVH_ARG_NUMBER_ARRAY, 0, 0,
                   NULL},
    [BSP_SPOTS] = {"spots", "Spot prices, a column, each > 0, e.g. 5000 (SPX index points)",
                   ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},
    [BSP_STRIKES] = {"strikes", "Strike prices, a column, each > 0, in the underlying's units, "
                     "e.g. 4500", ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},
    [BSP_YEARS] = {"years", "Times to expiry in years, ACT/365 (1 day = 1/365), a column, each > "
                   "0, e.g. 0.0822", ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},
    [BSP_VOLS] = {"vols", "Volatilities, annualised decimals (0.20 = 20%), a column, each > 0, "
                  "e.g. 0.18", ALVH_ARG_NUMBER_ARRAY, 0, 0, NULL},
    [BSP_RATE] = ARG_RATE,
    [BSP_DIV_YIELD] = ARG_DIV};
ALVH_CHECK_ARGS(k_bs_prices_args, BSP_NARGS);

const alvh_func alvh_fn_pricing[] = {
    {"BS_PRICE", "Pricing",
     "Black-Scholes-Merton price of a European option on a spot with a continuous dividend yield",
     "Option price, in the underlying's units per 1 unit of underlying (x100 for one SPX contract)",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_bs_price_args), eval_bs_price,
     "C\t5000\t5100\t0.0822\t0.15\t0.045\t0.013\n"
     "P\t100\t80\t0.25\t0.35\n"},
    {"BS_GREEK", "Pricing",
     "One Black-Scholes-Merton greek: delta, gamma, vega, theta, rho, vanna or volga",
     "The greek: delta/gamma per 1.00 of the spot, vega and rho per point (x0.01), theta per "
     "calendar day, vanna and volga per vol point; per 1 unit of underlying",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_bs_greek_args), eval_bs_greek,
     "delta\tP\t5000\t4700\t0.0822\t0.18\t0.045\t0.013\n"
     "vega\tC\t100\t105\t0.5\t0.25\n"
     "theta\tC\t100\t100\t0.25\t0.2\t0.05\n"},
    {"BS_PRICES", "Pricing",
     "Black-Scholes-Merton prices of a whole column of European options in one array formula "
     "(fast; numbers only, types 1/-1; any bad row fails the whole call)",
     "A column of option prices, row for row with the inputs, each equal to BS_PRICE of its row "
     "(underlying's units per 1 unit of underlying)",
     ALVH_SHAPE_COLUMN, ALVH_ROW_ARGS(k_bs_prices_args), eval_bs_prices,
     "[[1],[-1],[1]]\t[[5000],[5000],[100]]\t[[5100],[4700],[80]]\t[[0.0822],[0.0822],[0.25]]\t"
     "[[0.15],[0.18],[0.35]]\t0.045\t0.013\n"
     "[[-1],[1]]\t[[100],[100]]\t[[80],[105]]\t[[0.25],[0.5]]\t[[0.35],[0.25]]\n"
     "-1\t100\t[[80],[90],[100]]\t0.25\t0.35\t0.03\n"},
    {"B76_PRICE", "Pricing",
     "Black-76 price of a European option on a forward (VIX options on the VIX future of the "
     "same expiry, SPX futures options)",
     "Option price, in the forward's units per 1 unit (x100 for one VIX option contract)",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_b76_price_args), eval_b76_price,
     "C\t18.5\t25\t0.0822\t0.95\t0.045\n"
     "P\t18.5\t16\t0.0822\t0.8\n"},
    {"B76_GREEK", "Pricing",
     "One Black-76 greek (delta and gamma with respect to the forward; rho holds the forward "
     "fixed)",
     "The greek: delta/gamma per 1.00 of the forward, vega and rho per point (x0.01), theta per "
     "calendar day, vanna and volga per vol point; per 1 unit of the forward",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_b76_greek_args), eval_b76_greek,
     "delta\tC\t18.5\t25\t0.0822\t0.95\t0.045\n"
     "gamma\tP\t18.5\t16\t0.0822\t0.8\n"},
    {"BS_IV", "Pricing",
     "Black-Scholes-Merton implied volatility of a European option price (Jaeckel's \"Let's Be "
     "Rational\" method)",
     "Volatility, annualised decimal (0.20 = 20%); an error says why when no vol fits: below "
     "intrinsic, above maximum, no time value",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_bs_iv_args), eval_bs_iv,
     "C\t61.5\t5000\t5100\t0.0822\t0.045\t0.013\n"
     "P\t1.25\t100\t80\t0.25\n"},
    {"B76_IV", "Pricing",
     "Black-76 implied volatility of a European option on a forward (VIX options on the VIX "
     "future)",
     "Volatility, annualised decimal (0.95 = 95%); an error says why when no vol fits",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_b76_iv_args), eval_b76_iv,
     "C\t0.85\t18.5\t25\t0.0822\t0.045\n"
     "P\t0.4\t18.5\t16\t0.0822\n"},
    {"BS_STRIKE", "Pricing",
     "The strike whose Black-Scholes-Merton spot delta (with the dividend discount) equals "
     "delta: how 15-25 delta condor shorts are placed",
     "Strike, in the underlying's units (not rounded to a listed strike)",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_bs_strike_args), eval_bs_strike,
     "P\t-0.16\t5000\t0.0822\t0.18\t0.045\t0.013\n"
     "C\t0.2\t5000\t0.0822\t0.15\n"},
};
ALVH_DEFINE_GROUP_COUNT(pricing);
