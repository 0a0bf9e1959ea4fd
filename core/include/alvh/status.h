/* alvh/status.h: status codes shared by every ALVH Calc core function.
 *
 * Every core function returns an alvh_status; results travel through pointers.
 * Codes are numbered explicitly, only ever appended, never reused or renumbered:
 * they are part of the CLI's output contract ("#ERR <name>: <message>").
 *
 * Blocks (append inside your block only):
 *     0 -  99  generic and pricing
 *   100 - 199  hedge engine and policy
 *   200 - 299  iron condors, books, scenarios
 *   300 - 399  indicators and signals
 *   400 - 499  backtest and market data
 *   500 - 599  option chains (quotes, put-call parity, the quote-priced hedge)
 */
#ifndef ALVH_STATUS_H
#define ALVH_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum alvh_status {
    ALVH_OK = 0,
    ALVH_E_ARGUMENT = 1,        /* generic invalid argument (message says which) */
    ALVH_E_OPTION_TYPE = 2,     /* option type not C/P/CALL/PUT/1/-1 */
    ALVH_E_SPOT = 3,            /* spot not positive and finite */
    ALVH_E_STRIKE = 4,          /* strike negative, zero for a put, or not finite */
    ALVH_E_YEARS = 5,           /* years negative or not finite */
    ALVH_E_VOL = 6,             /* vol negative or not finite */
    ALVH_E_RATE = 7,            /* rate not finite */
    ALVH_E_DIV_YIELD = 8,       /* div_yield not finite */
    ALVH_E_PRICE = 9,           /* option price negative or not finite */
    ALVH_E_BELOW_INTRINSIC = 10,/* implied vol: price below the (discounted) intrinsic value */
    ALVH_E_ABOVE_MAXIMUM = 11,  /* implied vol: price at or above the no-arbitrage maximum */
    ALVH_E_NO_CONVERGENCE = 12, /* an iteration did not converge */
    ALVH_E_DELTA = 13,          /* delta outside the attainable range */
    ALVH_E_GREEK = 14,          /* unknown greek name */
    ALVH_E_FORWARD = 15,        /* forward not positive and finite */
    ALVH_E_DATE = 16,           /* date or serial date-time out of range */
    ALVH_E_NOT_FINITE = 17,     /* a computed result was not finite (never shown as a number) */
    ALVH_E_NO_MEMORY = 18,      /* allocation failed */
    ALVH_E_RANGE_SHAPE = 19,    /* a range has the wrong shape or mismatched lengths */
    ALVH_E_RANGE_VALUE = 20,    /* a range holds text or an empty cell where a number belongs */
    ALVH_E_MISSING = 21,        /* a required argument is missing */
    ALVH_E_ARG_TYPE = 22,       /* text where a number belongs, or the reverse */
    ALVH_E_UNKNOWN_FUNCTION = 23,/* no function of that name in the table */
    ALVH_E_ARG_COUNT = 24,      /* too many arguments */
    ALVH_E_NO_TIME_VALUE = 25,  /* implied vol: years = 0 or price equals intrinsic; vol undefined */

    /* 100-199: hedge engine and policy */
    ALVH_E_POLICY_JSON = 100,   /* policy is not well-formed JSON */
    ALVH_E_POLICY_KEY = 101,    /* unknown policy key */
    ALVH_E_POLICY_TYPE = 102,   /* policy value of the wrong type */
    ALVH_E_POLICY_VALUE = 103,  /* policy value out of range */
    ALVH_E_POLICY_FILE = 104,   /* policy file cannot be read */
    ALVH_E_CURVE = 105,         /* futures curve: tenors not increasing, or a price not positive */
    ALVH_E_NO_SOLUTION = 106,   /* no whole-contract hedge in the layer proportions is in the band */
    ALVH_E_NO_EXPIRY = 107,     /* no VIX expiry in a layer's days-to-expiry window */
    ALVH_E_HEDGE_COST = 108,    /* the hedge debit uses up the condor's whole credit */
    ALVH_E_LAYER = 109,         /* layer not 1, 2 or 3 */
    ALVH_E_BETA = 110,          /* beta or beta-model parameters out of range */
    ALVH_E_NOTIONAL = 111,      /* notional not positive and finite */
    ALVH_E_VEGA = 112,          /* a vega is zero where it divides, or not finite */
    ALVH_E_NO_CARRY = 113,      /* a put spread costs nothing to carry: no budget sizes it */

    /* 200-299: iron condors, books, scenarios */
    ALVH_E_LEGS = 200,          /* a legs range is not type, strike, quantity, years, vol */
    ALVH_E_STRIKES = 201,       /* condor strikes not long put < short put <= short call < long call */
    ALVH_E_WING = 202,          /* wing not a positive multiple of the strike step */
    ALVH_E_STEP = 203,          /* strike step negative or not finite */
    ALVH_E_SIDE = 204,          /* side not LOWER/UPPER */
    ALVH_E_NO_BREAKEVEN = 205,  /* no break-even on that side (credit not in (0, wing width)) */
    ALVH_E_MULTIPLIER = 206,    /* multiplier not positive and finite */
    ALVH_E_DAYS = 207,          /* days negative or not finite */
    ALVH_E_MOVE = 208,          /* a scenario move out of range */
    ALVH_E_HEDGE = 209,         /* a hedge range is malformed */
    ALVH_E_SHORT_DELTA = 210,   /* short_delta not in (0, 0.5) */
    ALVH_E_SKEW = 211,          /* skew not finite, or it makes a leg's vol negative */
    ALVH_E_CREDIT = 212,        /* a condor's credit not in (0, its wider wing's width) */

    /* 300-399: indicators and signals */
    ALVH_E_PERIOD = 300,        /* an indicator period not a whole number in range */
    ALVH_E_SHORT_SERIES = 301,  /* fewer rows than the indicator's warm-up */
    ALVH_E_FAST_SLOW = 302,     /* MACD fast period not shorter than the slow period */
    ALVH_E_BREADTH = 303,       /* advancers/decliners negative or not finite */
    ALVH_E_VIX_LEVEL = 304,     /* a VIX close not positive and finite */

    /* 400-499: backtest and market data */
    ALVH_E_MARKET_PRESET = 400, /* unknown synthetic market preset */
    ALVH_E_MARKET_PARAM = 401,  /* synthetic market parameter out of its domain */
    ALVH_E_DATA_VALUE = 402,    /* market data: a missing, non-numeric or non-positive value */
    ALVH_E_DATA_ORDER = 403,    /* market data: dates not strictly increasing */
    ALVH_E_DATA_GAP = 404,      /* market data: missing days (a gap longer than allowed) */
    ALVH_E_DATA_FORMAT = 405,   /* market data: bad CSV header or column count */
    ALVH_E_DATA_SHORT = 406,    /* market data: too few rows for a backtest */

    /* 500-599: option chains */
    ALVH_E_CHAIN_FORMAT = 500,  /* chain file: not CBOE's quote table layout (lines, header, fields) */
    ALVH_E_CHAIN_VALUE = 501,   /* chain file: a value is not a number, date, time or symbol */
    ALVH_E_CHAIN_PAIRS = 502,   /* too few strikes with both sides quoted for the parity fit */
    ALVH_E_CHAIN_PARITY = 503,  /* parity gives no sensible forward/discount */
    ALVH_E_SETTLED = 504,       /* the expiry has settled at the quote time: no time left */
    ALVH_E_CHAIN_EXPIRY = 505,  /* no expiry (and root) in the chain as asked */
    ALVH_E_NO_QUOTE = 506,      /* an option has no two-sided quote (bid or ask 0) */
    ALVH_E_CROSSED_QUOTE = 507, /* an option's quote is crossed (ask below bid) */
    ALVH_E_NO_STRIKE = 508,     /* no listed, quoted strike meets the rule */
    ALVH_E_CHAIN_ROOT = 509,    /* several roots list that expiry: choose one */
    ALVH_E_CHAIN_STRIKES = 510, /* strikes not positive and strictly increasing */

    ALVH_STATUS_END_ /* not a status; keep last */
} alvh_status;

/*! alvh_status_message() :
 *  A sentence a spreadsheet user understands, for any status (unknown codes included).
 *  @return : a static, NUL-terminated English string; never NULL. */
const char *alvh_status_message(alvh_status status);

/*! alvh_status_name() :
 *  The stable identifier of a status ("OK", "VOL", "NO_CONVERGENCE", ...), as printed by the CLI.
 *  @return : a static string; "UNKNOWN" for a code that is not defined. */
const char *alvh_status_name(alvh_status status);

#ifdef __cplusplus
}
#endif
#endif
