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

static alvh_status eval_bs_price(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    int kind;
    alvh_status st = alvh_arg_option_type(&a[0], "type", &kind, out);
    double price = 0.0;
    if (st == ALVH_OK)
        st = alvh_bsm_price(kind, a[1].number, a[2].number, a[3].number, a[4].number,
                            a[5].number, a[6].number, &price);
    if (st == ALVH_OK)
        alvh_result_number(out, price);
    return st;
}

static alvh_status eval_bs_greek(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    alvh_greek greek;
    int kind;
    alvh_greeks g;
    alvh_status st = parse_greek(&a[0], &greek, out);
    if (st == ALVH_OK)
        st = alvh_arg_option_type(&a[1], "type", &kind, out);
    if (st == ALVH_OK)
        st = alvh_bsm_greeks(kind, a[2].number, a[3].number, a[4].number, a[5].number,
                             a[6].number, a[7].number, &g);
    if (st == ALVH_OK)
        alvh_result_number(out, alvh_greek_value(&g, greek));
    return st;
}

static alvh_status eval_b76_price(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    int kind;
    alvh_status st = alvh_arg_option_type(&a[0], "type", &kind, out);
    double price = 0.0;
    if (st == ALVH_OK)
        st = alvh_black76_price(kind, a[1].number, a[2].number, a[3].number, a[4].number,
                                a[5].number, &price);
    if (st == ALVH_OK)
        alvh_result_number(out, price);
    return st;
}

static alvh_status eval_b76_greek(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    alvh_greek greek;
    int kind;
    alvh_greeks g;
    alvh_status st = parse_greek(&a[0], &greek, out);
    if (st == ALVH_OK)
        st = alvh_arg_option_type(&a[1], "type", &kind, out);
    if (st == ALVH_OK)
        st = alvh_black76_greeks(kind, a[2].number, a[3].number, a[4].number, a[5].number,
                                 a[6].number, &g);
    if (st == ALVH_OK)
        alvh_result_number(out, alvh_greek_value(&g, greek));
    return st;
}

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

static alvh_status eval_bs_iv(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    int kind;
    alvh_status st = alvh_arg_option_type(&a[0], "type", &kind, out);
    double vol = 0.0;
    if (st == ALVH_OK)
        st = alvh_bsm_implied_vol(kind, a[1].number, a[2].number, a[3].number, a[4].number,
                                  a[5].number, a[6].number, &vol);
    if (st == ALVH_OK)
        alvh_result_number(out, vol);
    else if (st != ALVH_E_OPTION_TYPE)
        st = explain_iv(st, kind, a[1].number, a[2].number * exp(-a[6].number * a[4].number),
                        a[3].number * exp(-a[5].number * a[4].number), a[4].number, out);
    return st;
}

static alvh_status eval_b76_iv(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    int kind;
    alvh_status st = alvh_arg_option_type(&a[0], "type", &kind, out);
    double vol = 0.0;
    if (st == ALVH_OK)
        st = alvh_black76_implied_vol(kind, a[1].number, a[2].number, a[3].number, a[4].number,
                                      a[5].number, &vol);
    if (st == ALVH_OK) {
        alvh_result_number(out, vol);
    } else if (st != ALVH_E_OPTION_TYPE) {
        double df = exp(-a[5].number * a[4].number);
        st = explain_iv(st, kind, a[1].number, a[2].number * df, a[3].number * df, a[4].number,
                        out);
    }
    return st;
}

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
