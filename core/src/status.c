/* status.c: names and user-facing sentences for alvh_status codes. */
#include "alvh/status.h"

#include <stddef.h>

typedef struct {
    alvh_status code;
    const char *name;
    const char *message;
} status_entry;

/* Keep in code order; the lookup is a linear scan (a few dozen entries, error path only). */
static const status_entry k_statuses[] = {
    {ALVH_OK, "OK", "no error"},
    {ALVH_E_ARGUMENT, "ARGUMENT", "an argument is invalid"},
    {ALVH_E_OPTION_TYPE, "OPTION_TYPE", "option type must be \"C\", \"P\", \"CALL\", \"PUT\", 1 or -1"},
    {ALVH_E_SPOT, "SPOT", "spot must be a positive, finite price"},
    {ALVH_E_STRIKE, "STRIKE", "strike must be positive and finite (zero is allowed for a call)"},
    {ALVH_E_YEARS, "YEARS", "years to expiry must be zero or positive and finite"},
    {ALVH_E_VOL, "VOL", "vol must be zero or positive and finite (a decimal: 0.20 is 20%)"},
    {ALVH_E_RATE, "RATE", "rate must be a finite decimal (0.05 is 5%)"},
    {ALVH_E_DIV_YIELD, "DIV_YIELD", "dividend yield must be a finite decimal (0.015 is 1.5%)"},
    {ALVH_E_PRICE, "PRICE", "option price must be zero or positive and finite"},
    {ALVH_E_BELOW_INTRINSIC, "BELOW_INTRINSIC",
     "the option price is below its intrinsic value, so no volatility produces it"},
    {ALVH_E_ABOVE_MAXIMUM, "ABOVE_MAXIMUM",
     "the option price is at or above its maximum possible value, so no volatility produces it"},
    {ALVH_E_NO_CONVERGENCE, "NO_CONVERGENCE", "the calculation did not converge"},
    {ALVH_E_DELTA, "DELTA", "delta is outside the range an option of this type can have"},
    {ALVH_E_GREEK, "GREEK",
     "greek must be one of delta, gamma, vega, theta, rho, vanna, volga"},
    {ALVH_E_FORWARD, "FORWARD", "forward must be a positive, finite price"},
    {ALVH_E_DATE, "DATE", "the date is out of range"},
    {ALVH_E_NOT_FINITE, "NOT_FINITE",
     "the result is not a finite number for these inputs (overflow or undefined)"},
    {ALVH_E_NO_MEMORY, "NO_MEMORY", "out of memory"},
    {ALVH_E_RANGE_SHAPE, "RANGE_SHAPE", "a range has the wrong shape"},
    {ALVH_E_RANGE_VALUE, "RANGE_VALUE", "a range holds text or an empty cell where a number belongs"},
    {ALVH_E_MISSING, "MISSING", "a required argument is missing"},
    {ALVH_E_ARG_TYPE, "ARG_TYPE", "an argument has the wrong type (text where a number belongs)"},
    {ALVH_E_UNKNOWN_FUNCTION, "UNKNOWN_FUNCTION", "there is no ALVH Calc function of that name"},
    {ALVH_E_ARG_COUNT, "ARG_COUNT", "too many arguments"},
    {ALVH_E_NO_TIME_VALUE, "NO_TIME_VALUE",
     "the price has no time value (zero years, or price equal to intrinsic), so volatility is undefined"},
    {ALVH_E_POLICY_JSON, "POLICY_JSON", "the policy is not valid JSON"},
    {ALVH_E_POLICY_KEY, "POLICY_KEY", "the policy has an unknown key"},
    {ALVH_E_POLICY_TYPE, "POLICY_TYPE", "a policy value has the wrong type"},
    {ALVH_E_POLICY_VALUE, "POLICY_VALUE", "a policy value is out of range"},
    {ALVH_E_POLICY_FILE, "POLICY_FILE", "the policy file cannot be read"},
    {ALVH_E_CURVE, "CURVE",
     "the futures curve is invalid: tenors must be zero or positive and increasing, prices positive"},
    {ALVH_E_NO_SOLUTION, "NO_SOLUTION",
     "no whole-contract hedge in the policy's layer proportions reaches the coverage band"},
    {ALVH_E_NO_EXPIRY, "NO_EXPIRY", "no VIX expiry lies in the layer's days-to-expiry window"},
    {ALVH_E_HEDGE_COST, "HEDGE_COST",
     "the hedge debit is at least the condor's credit, so the hedged condor has no break-even"},
    {ALVH_E_LAYER, "LAYER", "layer must be 1 (front), 2 (mid) or 3 (back)"},
    {ALVH_E_BETA, "BETA",
     "beta must be zero or positive and finite (model: weight in [0, 1], decay rates >= 0)"},
    {ALVH_E_NOTIONAL, "NOTIONAL", "notional must be a positive, finite dollar amount"},
    {ALVH_E_VEGA, "VEGA", "vega must be finite (and nonzero where coverage divides by it)"},
    {ALVH_E_NO_CARRY, "NO_CARRY",
     "the put spread loses no value to its roll date, so no number of spreads matches a budget"},
    /* 400-499: backtest and market data */
    {ALVH_E_MARKET_PRESET, "MARKET_PRESET",
     "the market preset must be one of calm, bear2022, crash2020"},
    {ALVH_E_MARKET_PARAM, "MARKET_PARAM", "a synthetic market parameter is out of its domain"},
    {ALVH_E_DATA_VALUE, "DATA_VALUE",
     "a market data value is missing, not a number, or not a positive price"},
    {ALVH_E_DATA_ORDER, "DATA_ORDER", "market data dates must be strictly increasing"},
    {ALVH_E_DATA_GAP, "DATA_GAP", "market data has missing days (a gap longer than allowed)"},
    {ALVH_E_DATA_FORMAT, "DATA_FORMAT", "the market data file has a bad header or row"},
    {ALVH_E_DATA_SHORT, "DATA_SHORT", "a backtest needs at least two rows of market data"},
    {ALVH_E_LEGS, "LEGS",
     "a legs range must have the columns type, strike, quantity, years, vol (one row per leg)"},
    {ALVH_E_STRIKES, "STRIKES",
     "strikes must be four increasing prices: long put < short put <= short call < long call"},
    {ALVH_E_WING, "WING", "wing must be a positive multiple of the strike step, in index points"},
    {ALVH_E_STEP, "STEP", "step must be zero (no rounding) or a positive strike spacing"},
    {ALVH_E_SIDE, "SIDE", "side must be \"LOWER\" (or -1) or \"UPPER\" (or 1)"},
    {ALVH_E_NO_BREAKEVEN, "NO_BREAKEVEN",
     "the condor has no break-even on that side: its credit is not between zero and that wing's width"},
    {ALVH_E_MULTIPLIER, "MULTIPLIER", "multiplier must be positive and finite (SPX: 100 dollars per point)"},
    {ALVH_E_DAYS, "DAYS", "days must be zero or positive and finite (calendar days)"},
    {ALVH_E_MOVE, "MOVE", "a scenario move is out of range"},
    {ALVH_E_HEDGE, "HEDGE", "a hedge range is not laid out as documented"},
    {ALVH_E_SHORT_DELTA, "SHORT_DELTA",
     "short_delta must be between 0 and 0.5 (0.16 is a 16-delta short strike)"},
    {ALVH_E_SKEW, "SKEW", "skew must be finite and must not make any leg's vol negative"},
    {ALVH_E_CREDIT, "CREDIT",
     "the condor's credit is not between zero and its wing width: the inputs do not describe a "
     "condor sold for a credit it can lose (check the vols and the skew)"},
    {ALVH_E_PERIOD, "PERIOD",
     "an indicator period must be a whole number of rows from 2 to 100000 (a MACD signal period may be 1)"},
    {ALVH_E_SHORT_SERIES, "SHORT_SERIES",
     "the range has fewer rows than the indicator needs before its first value"},
    {ALVH_E_FAST_SLOW, "FAST_SLOW", "the MACD fast period must be shorter than the slow period"},
    {ALVH_E_BREADTH, "BREADTH",
     "advancers and decliners must be zero or positive, finite counts of issues"},
    {ALVH_E_VIX_LEVEL, "VIX_LEVEL", "a VIX close must be a positive, finite index level"},
    /* 500-599: option chains */
    {ALVH_E_CHAIN_FORMAT, "CHAIN_FORMAT",
     "the option chain is not laid out as CBOE's quote table download (quotedata.csv)"},
    {ALVH_E_CHAIN_VALUE, "CHAIN_VALUE",
     "an option chain value is not a number, date, time or option symbol where one belongs"},
    {ALVH_E_CHAIN_PAIRS, "CHAIN_PAIRS",
     "too few strikes have both the call and the put quoted to fit the forward from put-call "
     "parity"},
    {ALVH_E_CHAIN_PARITY, "CHAIN_PARITY",
     "put-call parity gives no sensible forward and discount for these quotes (discount not "
     "between 0 and 2, or forward not positive)"},
    {ALVH_E_SETTLED, "SETTLED",
     "the options have settled by the quote time, so no time is left to expiry"},
    {ALVH_E_CHAIN_EXPIRY, "CHAIN_EXPIRY", "the chain lists no options for that expiry and root"},
    {ALVH_E_NO_QUOTE, "NO_QUOTE",
     "the option has no two-sided quote (a bid or an ask of 0 means none)"},
    {ALVH_E_CROSSED_QUOTE, "CROSSED_QUOTE",
     "the option's quote is crossed (ask below bid), so it gives no price"},
    {ALVH_E_NO_STRIKE, "NO_STRIKE",
     "no listed strike with a two-sided quote meets the rule"},
    {ALVH_E_CHAIN_ROOT, "CHAIN_ROOT",
     "several option roots list that expiry (e.g. SPX and SPXW): choose one"},
    {ALVH_E_CHAIN_STRIKES, "CHAIN_STRIKES",
     "strikes must be positive, finite and strictly increasing within one expiry"},
};

static const status_entry *find_status(alvh_status status)
{
    for (size_t i = 0; i < sizeof k_statuses / sizeof k_statuses[0]; ++i)
        if (k_statuses[i].code == status)
            return &k_statuses[i];
    return NULL;
}

const char *alvh_status_message(alvh_status status)
{
    const status_entry *e = find_status(status);
    return e ? e->message : "unknown error";
}

const char *alvh_status_name(alvh_status status)
{
    const status_entry *e = find_status(status);
    return e ? e->name : "UNKNOWN";
}
