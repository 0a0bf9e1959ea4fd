/* alvh/chain.h: option chains as traders download them (CBOE's delayed quotes, quotedata.csv):
 * the chain as columns, the forward and discount of each expiry from put-call parity, the
 * implied vols of the quotes, a condor picked from listed strikes, and the ALVH hedge priced
 * from VIX option quotes. docs/chains.md has the file format, the methods and the caveats.
 *
 * Conventions (as everywhere in ALVH Calc; alvh/black.h):
 *   - Prices, strikes and forwards in index points (VIX options: VIX points), per option.
 *   - A quote side is (bid, ask); 0 means "none" (CBOE writes 0 for a missing value). A side
 *     is two-sided when bid > 0 and ask >= bid; its mid is (bid + ask) / 2. ask < bid is a
 *     crossed quote (ALVH_E_CROSSED_QUOTE), a 0 on either side no quote (ALVH_E_NO_QUOTE).
 *   - Put-call parity on one expiry: C - P = D (F - K), F the forward of the expiry's
 *     underlying (SPX: the index forward; VIX: the VIX future of that expiry), D the discount
 *     factor to settlement. Prices are Black-76 on that forward: C = D Black(F, K, T, vol).
 *   - Time: serial date-times in US/Eastern wall clock (alvh/dates.h); years ACT/365 from the
 *     quote time to settlement: SPX, VIX and VIXW (AM, 09:30 of the expiration date: the
 *     special opening quotation), every other root at the close (PM, 16:00: SPXW).
 *   - Greeks are Black-76 greeks on the forward (alvh_black76_greeks): delta per 1.00 of the
 *     forward, gamma per point squared, vega per vol point, theta per calendar day, forward
 *     held fixed.
 *   - Columns: an expiry's quotes are parallel arrays (alvh_quotes), so a spreadsheet range
 *     of strikes, bids and asks is a view without copying.
 *
 * Threading: pure functions, reentrant; a chain is written only by alvh_chain_read/_parse/_build
 * and alvh_chain_free.
 */
#ifndef ALVH_CHAIN_H
#define ALVH_CHAIN_H

#include <stddef.h>

#include "alvh/hedge.h"
#include "alvh/marketfile.h"
#include "alvh/policy.h"
#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- quotes of one expiry -------------------------------------------------------------------- */

/* One expiry's quotes as columns, n rows, strikes strictly increasing. */
typedef struct alvh_quotes {
    size_t n;
    const double *strike;              /* index points, > 0, increasing */
    const double *call_bid, *call_ask; /* 0: no bid / no ask */
    const double *put_bid, *put_ask;
} alvh_quotes;

/*! alvh_quote_check() : ALVH_OK when bid > 0 and ask >= bid (finite); ALVH_E_CROSSED_QUOTE when
 *  both are positive and ask < bid; ALVH_E_NO_QUOTE otherwise (a 0, a negative or a NaN). */
alvh_status alvh_quote_check(double bid, double ask);

/*! alvh_quotes_check() : n >= 1, every strike positive, finite and above the previous one, and
 *  no quote NaN or infinite (0 is "none"; negative is "none" too).
 *  @return : ALVH_OK, ALVH_E_CHAIN_STRIKES (*bad: the 0-based row), ALVH_E_PRICE (*bad). */
alvh_status alvh_quotes_check(const alvh_quotes *q, size_t *bad);

/* ---- put-call parity ------------------------------------------------------------------------- */

/* The forward and discount of one expiry, from its quotes (alvh_parity_fit). */
typedef struct alvh_parity {
    double forward;   /* index points */
    double discount;  /* D, the factor to settlement */
    double reference; /* the preliminary forward: K + C - P at the strike where |C - P| is
                         smallest (Cboe's VIX method, step 1) */
    size_t pairs;     /* strikes in the window with both sides two-sided */
    size_t used;      /* pairs kept after the outlier rule; the final fit's */
    size_t outliers;  /* pairs - used */
} alvh_parity;

/* The window of the fit: strikes within this share of the preliminary forward (10%), and at
 * least this many pairs (the nearest to it) when fewer lie inside. */
#define ALVH_PARITY_WINDOW 0.10
#define ALVH_PARITY_MIN_PAIRS 5

/*! alvh_parity_fit() :
 *  Forward F and discount D of one expiry from put-call parity, C - P = D (F - K) = a - D K,
 *  a straight line in K, fitted robustly over the strikes near the money with both sides
 *  two-sided (mids):
 *   1. reference F0 = K* + (C - P)(K*) at the strike K* where |C - P| is smallest;
 *   2. the pairs within ALVH_PARITY_WINDOW of F0 (at least the ALVH_PARITY_MIN_PAIRS nearest);
 *   3. a robust line: the slope is the weighted median of the pairwise slopes, weights the
 *      strike distances (Sievers 1978; Theil 1950 and Sen 1968 unweighted), the intercept the
 *      median of y + D K;
 *   4. a pair is an outlier (a stale or off-market quote) when its residual exceeds both its
 *      own half-spreads (call + put) and 3 x 1.4826 x the median absolute residual;
 *   5. weighted least squares on the rest, weights 1 / (s_call^2 + s_put^2), s the half-spread
 *      (at least 0.005 points).
 *  Two pairs give the exact line through them (no outlier rule).
 *  @return : ALVH_OK; ALVH_E_CHAIN_STRIKES, ALVH_E_PRICE (alvh_quotes_check); ALVH_E_CHAIN_PAIRS
 *            (fewer than 2 pairs, out->pairs the count); ALVH_E_CHAIN_PARITY (D not in (0, 2)
 *            or F <= 0: out holds them); ALVH_E_NO_MEMORY. */
alvh_status alvh_parity_fit(const alvh_quotes *q, alvh_parity *out);

/*! alvh_parity_carry() : the continuous rate r = -ln(D)/T and the dividend yield q that makes
 *  F = spot e^{(r-q) T}: q = r - ln(F/spot)/T (for options on a future, such as VIX, q is the
 *  future's basis to the spot index, not a dividend). div_yield may be NULL (spot unused).
 *  @return : ALVH_OK, ALVH_E_FORWARD, ALVH_E_ARGUMENT (discount not in (0, 2)), ALVH_E_YEARS
 *            (not positive), ALVH_E_SPOT, ALVH_E_NOT_FINITE. */
alvh_status alvh_parity_carry(double forward, double discount, double years, double spot,
                              double *rate, double *div_yield);

/*! alvh_parity_forward() : the forward one strike's pair implies, F = K + (C - P) / D.
 *  call, put >= 0 (prices); strike > 0; discount in (0, 2).
 *  @return : ALVH_OK, ALVH_E_PRICE, ALVH_E_STRIKE, ALVH_E_ARGUMENT, ALVH_E_CHAIN_PARITY
 *            (F <= 0). */
alvh_status alvh_parity_forward(double call, double put, double strike, double discount,
                                double *forward);

/*! alvh_parity_conversion() :
 *  The value of a conversion at one strike: long the underlying, long the put, short the call.
 *  The package pays exactly K at expiry; it costs S e^{-qT} - C + P today (e^{-qT} units of
 *  the underlying grow to one with the dividends reinvested). Its value is what it earns over
 *  the strike's present value:
 *      conversion = K e^{-rT} - S e^{-qT} + C - P        (index points per unit)
 *  Positive: the calls are rich against the puts (sell the call, buy put and stock); a
 *  reversal (short underlying, short put, long call) is worth -conversion. Zero when parity
 *  holds. spot > 0, strike > 0, years >= 0, call/put >= 0, rate/div_yield finite.
 *  @return : ALVH_OK, ALVH_E_PRICE, ALVH_E_SPOT, ALVH_E_STRIKE, ALVH_E_YEARS, ALVH_E_RATE,
 *            ALVH_E_DIV_YIELD, ALVH_E_NOT_FINITE. */
alvh_status alvh_parity_conversion(double call, double put, double spot, double strike,
                                   double years, double rate, double div_yield, double *value);

/* ---- implied vols of the quotes -------------------------------------------------------------- */

/* One strike of the smile: its out-of-the-money side (puts below the forward, calls at or
 * above) and that side's implied vols. A vol that does not exist is 0 with its status. */
typedef struct alvh_smile_point {
    double strike;
    int kind;                     /* ALVH_PUT or ALVH_CALL: the side used */
    double bid, ask, mid;         /* that side's quote; mid 0 unless two-sided */
    double iv;                    /* from the mid, decimal */
    double iv_bid, iv_ask;        /* from the bid and from the ask */
    alvh_status status;           /* of iv: ALVH_OK, ALVH_E_NO_QUOTE, ALVH_E_CROSSED_QUOTE, or
                                     alvh_black76_implied_vol's (ALVH_E_BELOW_INTRINSIC,
                                     ALVH_E_ABOVE_MAXIMUM, ALVH_E_NO_TIME_VALUE, ...) */
    alvh_status status_bid, status_ask; /* ALVH_E_NO_QUOTE when that price is 0 */
    double delta;                 /* Black-76 delta at iv (0 unless status is ALVH_OK) */
} alvh_smile_point;

/*! alvh_option_ivs() : the implied vols of one option's bid, mid and ask on the forward:
 *  price = D Black(F, K, T, vol), rate -ln(D)/T in alvh_black76_implied_vol. The point's
 *  strike, kind, quote, vols, statuses and delta (at the mid's vol) are written.
 *  bid/ask: 0 is none. forward > 0, strike > 0, discount in (0, 2), years > 0.
 *  @return : ALVH_OK (the point's own statuses say which vols exist), ALVH_E_OPTION_TYPE,
 *            ALVH_E_FORWARD, ALVH_E_STRIKE, ALVH_E_ARGUMENT (discount), ALVH_E_SETTLED
 *            (years <= 0), ALVH_E_YEARS (not finite). */
alvh_status alvh_option_ivs(int kind, double bid, double ask, double forward, double strike,
                            double discount, double years, alvh_smile_point *out);

/*! alvh_chain_smile() : alvh_option_ivs() of every strike's out-of-the-money side, into
 *  out[q->n]: the put below the forward, the call at or above it.
 *  @return : ALVH_OK, alvh_quotes_check()'s statuses, alvh_option_ivs()'s. */
alvh_status alvh_chain_smile(const alvh_quotes *q, double forward, double discount,
                             double years, alvh_smile_point *out);

/*! alvh_smile_atm_vol() : the at-the-money vol: the mid vols of the two strikes around the
 *  forward, linear in strike (both must exist); else the vol of the strike nearest the
 *  forward that has one; the strikes are s[0..n) in increasing order.
 *  @return : ALVH_OK, ALVH_E_NO_QUOTE (no strike has a mid vol). */
alvh_status alvh_smile_atm_vol(const alvh_smile_point *s, size_t n, double forward, double *vol);

/* ---- a condor from the quotes ---------------------------------------------------------------- */

/* A short iron condor picked from one expiry's listed strikes, per condor in index points.
 * Legs in the order of alvh/condor.h: [0] long put, [1] short put, [2] short call,
 * [3] long call. */
typedef struct alvh_chain_condor {
    double strikes[4];
    double bid[4], ask[4], mid[4]; /* each leg's quote */
    double vol[4];                 /* each leg's own mid implied vol */
    double delta[4];               /* each leg's Black-76 delta at its vol (one long option) */
    double put_wing, call_wing;    /* K1 - K0 and K3 - K2 as listed */
    double credit_mid;             /* sell and buy at the mids */
    double credit_natural;         /* sell at the bids, buy at the asks */
    double max_loss;               /* max wing - credit_mid (alvh_condor_max_loss) */
    double max_loss_natural;       /* max wing - credit_natural */
    double breakeven_lower, breakeven_upper; /* K1 - credit_mid, K2 + credit_mid (0: none) */
    double pos_delta, pos_gamma, pos_vega, pos_theta; /* the short condor's greeks */
} alvh_chain_condor;

/*! alvh_chain_condor_pick() :
 *  Short strikes: of the listed strikes whose out-of-the-money option (puts below the
 *  forward, calls at or above) has a mid vol, the put whose |delta| and the call whose delta
 *  is nearest short_delta, each at its own vol (ties: the strike farther from the forward).
 *  Wings: the long put is the listed strike nearest K_short_put - wing, the long call the one
 *  nearest K_short_call + wing, among strikes beyond the short whose option on that side has
 *  a mid vol (so a two-sided quote); when that strike is not listed (or not quoted) the nearest
 *  that is (ties: the wider wing), and put_wing/call_wing report the widths obtained.
 *  Greeks: one short condor (+1, -1, -1, +1), each leg at its own vol, through
 *  alvh_book_greek (BSM on spot F with div_yield = rate = -ln(D)/T, which is Black-76 on F).
 *  @param short_delta in (0, 0.5);  wing > 0 points
 *  @return : ALVH_OK; alvh_quotes_check()'s statuses; ALVH_E_FORWARD, ALVH_E_ARGUMENT,
 *            ALVH_E_SETTLED, ALVH_E_YEARS; ALVH_E_SHORT_DELTA; ALVH_E_WING; ALVH_E_NO_STRIKE
 *            (no short or no long strike qualifies); ALVH_E_STRIKES (shorts cross);
 *            ALVH_E_NO_MEMORY. */
alvh_status alvh_chain_condor_pick(const alvh_quotes *q, double forward, double discount,
                                   double years, double short_delta, double wing,
                                   alvh_chain_condor *out);

/* ---- a whole chain (one file: several expiries and roots) ------------------------------------ */

/* The longest root kept ("SPXW" and the like; longer roots are an error). */
#define ALVH_CHAIN_ROOT_SIZE 8
#define ALVH_CHAIN_NAME_SIZE 128

/* One side's columns, one entry per row of the chain (0 where CBOE has none). */
typedef struct alvh_chain_side {
    double *last, *net, *bid, *ask, *volume, *iv, *delta, *gamma, *open_interest;
} alvh_chain_side;

/* One expiry and root: rows first .. first + count - 1, strikes increasing. */
typedef struct alvh_chain_group {
    char root[ALVH_CHAIN_ROOT_SIZE]; /* "SPX", "SPXW", "VIX" ... */
    double expiry;                   /* serial date of the expiration date (00:00) */
    double settlement;               /* serial date-time: expiry + 09:30 (AM) or 16:00 (PM) */
    double years;                    /* ACT/365 quote time -> settlement; <= 0: settled */
    int am;                          /* 1: AM-settled (SPX, VIX, VIXW) */
    int on_future;                   /* 1: options on a future (VIX, VIXW) */
    size_t first, count;
} alvh_chain_group;

/* A chain: zero it before the first read or build; alvh_chain_free() releases it. Rows are
 * sorted by expiry, root (byte order) and strike; groups in the same order. */
typedef struct alvh_chain {
    char underlying[ALVH_CHAIN_NAME_SIZE]; /* line 1's name, e.g. "S&P 500 INDEX" */
    double last;                           /* the underlying's Last (spot; VIX: spot VIX) */
    double quote_time;                     /* serial date-time, US/Eastern wall clock */
    size_t nrows;
    double *strike;
    size_t *line;                          /* the file line of each row (0 when built) */
    alvh_chain_side call, put;
    size_t ngroups;
    alvh_chain_group *groups;
} alvh_chain;

/* Rows for alvh_chain_build(): parallel columns, any order. Optional columns may be NULL
 * (read as 0); line may be NULL. */
typedef struct alvh_chain_input {
    size_t n;
    const double *expiry;        /* serial dates (the time of day is dropped) */
    const char *const *root;     /* per row, e.g. "SPXW"; NULL: "" for every row */
    const double *strike;
    const double *call_bid, *call_ask, *put_bid, *put_ask;
    const double *call_last, *call_net, *call_volume, *call_iv, *call_delta, *call_gamma,
        *call_open_interest;
    const double *put_last, *put_net, *put_volume, *put_iv, *put_delta, *put_gamma,
        *put_open_interest;
    const size_t *line;          /* for messages: the file line of each row */
} alvh_chain_input;

/*! alvh_chain_settlement() : how a root settles: AM (*am = 1: SPX, VIX, VIXW, NDX, RUT: the
 *  opening quotation, 09:30) or PM (16:00, every other root: SPXW, equity and ETF options);
 *  *on_future = 1 for VIX and VIXW (the options are on the VIX future of their expiry).
 *  Roots compare ASCII case-insensitively. */
void alvh_chain_settlement(const char *root, int *am, int *on_future);

/*! alvh_chain_build() : a chain from rows: grouped by expiry and root, each group's strikes
 *  sorted, settlement and years from quote_time. chain must be zeroed or freed first.
 *  @param quote_time  serial date-time (US/Eastern);  last > 0 (the underlying's Last)
 *  @return : ALVH_OK; ALVH_E_DATE (quote_time or an expiry out of range); ALVH_E_CHAIN_VALUE
 *            (a root longer than 7 bytes, a strike not positive, a value not finite);
 *            ALVH_E_CHAIN_FORMAT (a strike listed twice for one expiry and root);
 *            ALVH_E_SPOT; ALVH_E_NO_MEMORY. err (may be NULL): the sentence, err->line the
 *            row's line (input->line) or 0. */
alvh_status alvh_chain_build(const alvh_chain_input *in, double quote_time, double last,
                             const char *underlying, alvh_chain *chain,
                             alvh_marketfile_error *err);

/*! alvh_chain_read() :
 *  Reads CBOE's delayed quotes download (quotedata.csv; the layout is in docs/chains.md):
 *  an optional empty first line; the underlying's name and "Last: <price>"; the quote time
 *  ("Date: September 14, 2023 at 4:31 PM EDT", quoted or not, with or without "at" and the
 *  comma after the year; EDT/EST/ET as the Eastern wall clock, GMT/UTC offsets and the US zones
 *  converted to it); the 22-column header read by position; one row per expiry and strike.
 *  Roots from the option symbols (SPX231020C04500000 -> SPX), checked against the expiry,
 *  the side and the strike of their row.
 *  @return : ALVH_OK; ALVH_E_DATA_FORMAT (cannot open: err->sys_errno); ALVH_E_CHAIN_FORMAT;
 *            ALVH_E_CHAIN_VALUE; ALVH_E_DATE; ALVH_E_NO_MEMORY. err (may be NULL): a sentence
 *            naming the file, the line and the column, and err->line/column. */
alvh_status alvh_chain_read(const char *path, alvh_chain *chain, alvh_marketfile_error *err);

/*! alvh_chain_parse() : alvh_chain_read() of text already in memory (len bytes, need not be
 *  NUL-terminated); name is the file name used in messages. */
alvh_status alvh_chain_parse(const char *text, size_t len, const char *name, alvh_chain *chain,
                             alvh_marketfile_error *err);

/*! alvh_chain_parse_quote_time() : the quote time of line 2 ("Date: September 14, 2023 at
 *  4:31 PM EDT", with the variants of alvh_chain_read; text may hold the whole line, quotes and
 *  the fields after the zone) -> serial date-time, US/Eastern wall clock.
 *  @return : ALVH_OK, ALVH_E_CHAIN_VALUE (err, may be NULL: the sentence saying what is wrong). */
alvh_status alvh_chain_parse_quote_time(const char *text, double *serial, char *err,
                                        size_t errsize);

/*! alvh_chain_parse_expiration() : "Fri Oct 20 2023" (the weekday must be that date's) ->
 *  serial date. @return : ALVH_OK or ALVH_E_CHAIN_VALUE. */
alvh_status alvh_chain_parse_expiration(const char *text, double *serial);

/*! alvh_chain_parse_symbol() : SPX231020C04500000 -> root "SPX" (the text before the last 15
 *  characters: 1 to 7 letters or digits), expiry (serial date of 2023-10-20), kind (ALVH_CALL),
 *  strike 4500 (the 8 digits / 1000). @return : ALVH_OK or ALVH_E_CHAIN_VALUE. */
alvh_status alvh_chain_parse_symbol(const char *symbol, char root[ALVH_CHAIN_ROOT_SIZE],
                                    double *expiry, int *kind, double *strike);

/*! alvh_chain_years() : years from quote_time to the settlement of root's options expiring on
 *  the date of expiry (alvh_chain_settlement: 09:30 or 16:00), ACT/365; negative when settled.
 *  @return : ALVH_OK, ALVH_E_DATE. */
alvh_status alvh_chain_years(const char *root, double expiry, double quote_time, double *years);

/*! alvh_chain_free() : frees the chain's columns and zeroes it (NULL: nothing). */
void alvh_chain_free(alvh_chain *chain);

/*! alvh_chain_quotes() : the quotes of group g as a view into the chain (n = 0 when g is not
 *  below chain->ngroups). */
alvh_quotes alvh_chain_quotes(const alvh_chain *chain, size_t g);

/*! alvh_chain_find() : the group of expiry date (serial; the time of day is dropped) and root
 *  (NULL or "": any root, which must then be the only one on that date).
 *  @return : ALVH_OK (*g), ALVH_E_CHAIN_EXPIRY, ALVH_E_CHAIN_ROOT. */
alvh_status alvh_chain_find(const alvh_chain *chain, double expiry, const char *root, size_t *g);

/*! alvh_chain_nearest() : the unsettled group (years > 0) whose days to settlement
 *  (years x 365) are nearest days, of root (NULL or "": any); ties: the first in chain order.
 *  @return : ALVH_OK (*g), ALVH_E_CHAIN_EXPIRY. */
alvh_status alvh_chain_nearest(const alvh_chain *chain, double days, const char *root,
                               size_t *g);

/* One expiry and root summarised: parity, carry, at-the-money vol. */
typedef struct alvh_chain_summary {
    alvh_parity parity;
    double rate, div_yield; /* alvh_parity_carry() against the chain's Last */
    double atm_vol;         /* alvh_smile_atm_vol(), 0 when its status is not ALVH_OK */
    alvh_status atm_status;
} alvh_chain_summary;

/*! alvh_chain_summarize() : alvh_parity_fit(), alvh_parity_carry() and the at-the-money vol
 *  of group g.
 *  @return : ALVH_OK; ALVH_E_CHAIN_EXPIRY (g not below chain->ngroups); ALVH_E_SETTLED (years
 *            <= 0); alvh_parity_fit()'s statuses (out->parity holds the pair count);
 *            alvh_parity_carry()'s; ALVH_E_NO_MEMORY. */
alvh_status alvh_chain_summarize(const alvh_chain *chain, size_t g, alvh_chain_summary *out);

/* ---- the hedge priced from VIX option quotes ------------------------------------------------- */

/* Which quote prices a layer's option. */
typedef enum alvh_quote_price { ALVH_QUOTE_MID = 0, ALVH_QUOTE_ASK = 1 } alvh_quote_price;

/* What the quotes said for one layer. */
typedef struct alvh_quoted_layer {
    double bid, ask; /* the call's quote at the layer's strike */
    double vol;      /* Black-76 implied vol of the price used, decimal */
    double rate;     /* -ln(D)/T of the layer's expiry (parity), continuous */
} alvh_quoted_layer;

/*! alvh_chain_hedge_schedule() :
 *  The layer schedule of alvh_hedge_schedule() (same expiries, sizing, columns and cost
 *  rule), valued at the chain's quote time, with each layer's option read from a VIX chain:
 *    future   the futures settlements curve at the expiry when futures is given (tenors in
 *             years from the quote time), else the layer expiry's parity forward;
 *    strike   the smallest listed strike >= future + otm_points whose call is two-sided
 *             (listed strikes replace the policy's strike grid);
 *    price    that call's mid or ask (price); delta at the price's implied vol;
 *    carry    (cost "carry") Black-76 at the roll date with the quoted vol, the future read
 *             from the curve (futures, else spot VIX at tenor 0 and every VIX expiry's parity
 *             forward) at the remaining tenor, the layer's rate: a model residual, stated.
 *  Only root VIX (the standard monthly options) serves layers.
 *  @param vix    a chain read from CBOE's VIX quotes (underlying Last = spot VIX)
 *  @param futures  VIX futures settlements (may be NULL or n == 0)
 *  @return : ALVH_OK; ALVH_E_CHAIN_EXPIRY (the chain has no VIX options on a layer's expiry:
 *            *bad_layer); ALVH_E_NO_STRIKE (*bad_layer); ALVH_E_NO_QUOTE/statuses of the
 *            implied vol (*bad_layer); alvh_hedge_schedule()'s statuses; ALVH_E_NO_MEMORY. */
alvh_status alvh_chain_hedge_schedule(const alvh_chain *vix, const alvh_curve *futures,
                                      alvh_quote_price price, double notional,
                                      double condor_vega, const alvh_policy *p,
                                      alvh_layer_row rows[ALVH_LAYERS],
                                      alvh_quoted_layer quotes[ALVH_LAYERS], int *bad_layer);

#ifdef __cplusplus
}
#endif
#endif
