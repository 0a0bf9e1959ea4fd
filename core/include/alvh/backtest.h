/* alvh/backtest.h: a daily backtest of short SPX iron condors without a hedge, with the layered
 * VIX call hedge (ALVH) and with an SPX put spread (alvh/putspread.h), on market data a user
 * supplies or on a synthetic market (alvh/market.h).
 *
 * Every book (alvh_backtest_book) trades the SAME condors; the hedged ones also hold the three
 * VIX call layers ("hedged"), or the put spread. So, on every row, exactly:
 *     equity_unhedged = cash_unhedged + condor_mark
 *     equity_hedged   = cash_hedged + condor_mark + hedge_mark
 *     hedge_pnl       = equity_hedged - equity_unhedged
 *                     = (cash_hedged - cash_unhedged) + hedge_mark
 * and the same for the put spread's book (book_* arrays).
 * Cash earns no interest (so the identities hold without a financing term).
 *
 * Rules (every number from the policy, alvh/policy.h, "backtest" object and the hedge fields;
 * docs/backtest.md states them with their reasons):
 *   - Rows are daily closes, taken at 16:00 US/Eastern of the row's date.
 *   - Condor: opened on the first row, then on the first row when none is open and at least
 *     open_every_days have passed since the last opening. Expiry: the first business day
 *     (alvh_is_business_day) on or after condor_days calendar days later, 16:00 (SPX options
 *     expire every business day). Short strikes where the BSM delta at the at-the-money vol
 *     and that expiry is -/+ condor_delta, moved away from spot to the spx_strike_step grid
 *     (put down, call up), wings wing_points beyond (alvh_condor_strikes(), condor.h).
 *     Closed when it can be bought back for at most (1 - take_profit) x its credit, or when
 *     days to expiry <= close_days; otherwise settled at its payoff on the first row on or after
 *     its expiry.
 *   - Implied vols: at-the-money vol = vol_beta x VIX / 100; a leg's vol is
 *     atm x max(1 - skew x ln(K / spot), 0.25) (alvh_smile_factor(), condor.h). BSM with the
 *     policy's rate and backtest.div_yield.
 *   - Hedge layers (hedged strategy only), set by alvh_hedge_schedule(): layer i is bought at
 *     the first VIX expiry (Cboe rule, alvh_vix_expiry) at least layers[i].min_days away,
 *     strike = that expiry's future + otm_points rounded up to the policy's VIX strike grid,
 *     contracts by alvh_hedge_size() on the latest condor's notional (alvh_hedge_notional()),
 *     the future from the curve below. A layer is sold and re-bought (a
 *     roll) when its days to expiry <= roll_days; with use_signals, a REBALANCE or ARM trigger
 *     (alvh_signal()) on a row re-strikes layer 1 the same way. An option still held at expiry
 *     is settled at max(VIX - strike, 0) on the first row on or after expiry.
 *   - VIX futures: interpolated (linear in tenor) on the row's quoted curve, with spot VIX at
 *     tenor 0 and flat beyond the last quote; without quotes, the policy's model curve
 *     (alvh_vix_future_model(), vix_long_run, vix_speed). VIX calls: Black-76 on that future at
 *     the layer's vol_of_vol, discounted at the policy rate, multiplier vix_multiplier.
 *   - Put spread (its book): alvh_put_spread_set() on the row's SPX, VIX, the policy's rate and
 *     backtest.div_yield, bought on the first row with a condor; sold at its model value and
 *     re-bought when its days to expiry <= put_spread.roll_days; settled at its payoff with the
 *     row's SPX at expiry. Sizing "budget": the VIX layers' monthly cost that row (the schedule
 *     above on the latest condor: sum of monthly_cost x notional).
 *   - Costs: cost_spx dollars per SPX option contract per trade (4 legs a condor, 2 a put
 *     spread), cost_vix per VIX option contract; settlement at expiry costs nothing.
 * Sizing "vega" (calibration) is not supported by the backtest: ALVH_E_POLICY_VALUE.
 */
#ifndef ALVH_BACKTEST_H
#define ALVH_BACKTEST_H

#include <stddef.h>

#include "alvh/policy.h"
#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most quoted futures tenors per row. */
#define ALVH_BACKTEST_MAX_FUTURES 16
/* A backtest needs at least this many rows. */
#define ALVH_BACKTEST_MIN_ROWS 2

/* Market data: n rows, read-only, owned by the caller. */
typedef struct alvh_backtest_data {
    size_t n;
    const double *date;      /* serial dates (days since 1899-12-30), strictly increasing */
    const double *spx;       /* SPX closes, > 0 */
    const double *vix;       /* VIX closes, > 0, index points */
    size_t nfut;             /* number of quoted futures tenors, 0..ALVH_BACKTEST_MAX_FUTURES */
    const double *fut_days;  /* nfut tenors in calendar days, > 0, strictly increasing */
    const double *fut;       /* n x nfut row-major VIX futures, > 0 (NULL when nfut = 0) */
    const double *advancers; /* NULL, or n counts >= 0 (then decliners too): A/D divergence */
    const double *decliners;
} alvh_backtest_data;

/* Events of a row (OR-ed in alvh_backtest_day.events). */
#define ALVH_BT_CONDOR_OPEN 1u
#define ALVH_BT_CONDOR_CLOSE 2u   /* bought back: take profit or days-to-expiry rule */
#define ALVH_BT_CONDOR_EXPIRE 4u  /* settled at its payoff */
#define ALVH_BT_LAYER_TRADE 8u    /* a layer was bought, rolled or re-struck */
#define ALVH_BT_SIGNAL 16u        /* a REBALANCE or ARM trigger re-struck layer 1 */
#define ALVH_BT_LAYER_EXPIRE 32u  /* a layer was settled at expiry */
#define ALVH_BT_HIGH_VIX 64u      /* VIX closed above the policy's high_vix */
#define ALVH_BT_SPIKE 128u        /* VIX closed at least spike_rise above the previous close */

/* The books a run keeps. Every book trades the same condors; each holds its own hedge (none,
 * the VIX call layers, or the SPX put spread). The per-book arrays of the day and of the
 * summary are indexed by these. Which hedged books trade: all of them, unless the policy's
 * hedge_kind is "none" (then none does) or backtest.compare_hedges is false (then only the
 * book of hedge_kind does); a book that does not trade holds nothing and equals the unhedged
 * book bit for bit. */
typedef enum alvh_backtest_book {
    ALVH_BOOK_UNHEDGED = 0,   /* the condors alone */
    ALVH_BOOK_VIX_CALLS = 1,  /* the condors and the three VIX call layers ("hedged") */
    ALVH_BOOK_PUT_SPREAD = 2, /* the condors and the SPX put spread (alvh/putspread.h) */
    ALVH_BACKTEST_BOOKS       /* the number of books; keep last */
} alvh_backtest_book;

/* One row of the daily output. Dollars unless stated. */
typedef struct alvh_backtest_day {
    double equity_unhedged, equity_hedged;
    double hedge_pnl;                          /* equity_hedged - equity_unhedged */
    double drawdown_unhedged, drawdown_hedged; /* equity / running peak - 1, <= 0, decimals */
    double cash_unhedged, condor_mark;         /* condor_mark: -(value to buy back), <= 0 */
    double cash_hedged, hedge_mark;            /* hedge_mark: value of the VIX calls, >= 0 */
    double condor_pnl, front_pnl, hedge_day_pnl; /* this row's P&L: condor, layer 1, all layers */
    double condor_strikes[4];                  /* long put, short put, short call, long call;
                                                  0 when no condor is open at the close */
    double condor_expiry;                      /* serial date-time, 0 when none */
    double layer_contracts[3], layer_strike[3], layer_expiry[3]; /* at the close */
    unsigned events;
    double notional;                           /* the hedge-sizing notional at the close (of
                                                  the latest condor; 0 before the first) */
    /* -- appended (issue 18): every book by alvh_backtest_book ([UNHEDGED] and [VIX_CALLS]
     * equal the named fields above), and the put spread as held at the close -- */
    double book_equity[ALVH_BACKTEST_BOOKS];     /* cash + condor mark + hedge mark */
    double book_drawdown[ALVH_BACKTEST_BOOKS];   /* equity / running peak - 1, <= 0 */
    double book_cash[ALVH_BACKTEST_BOOKS];       /* the condor's cash + the hedge's cash */
    double book_hedge_mark[ALVH_BACKTEST_BOOKS]; /* the hedge's value (0 unhedged), >= 0 */
    double book_hedge_pnl[ALVH_BACKTEST_BOOKS];  /* equity - the unhedged book's equity */
    double book_hedge_day_pnl[ALVH_BACKTEST_BOOKS]; /* this row's P&L of the hedge */
    double book_premium[ALVH_BACKTEST_BOOKS];    /* premium paid so far, fees included */
    double put_contracts, put_long_strike, put_short_strike, put_expiry; /* 0 when none */
    unsigned put_events;                         /* ALVH_BT_PUT_* bit flags */
} alvh_backtest_day;

/* Events of the put spread (alvh_backtest_day.put_events). */
#define ALVH_BT_PUT_TRADE 1u  /* bought, or sold and re-bought (a roll) */
#define ALVH_BT_PUT_EXPIRE 2u /* settled at expiry */

/* The summary. Arrays [ALVH_BACKTEST_BOOKS] are per book (alvh_backtest_book: unhedged,
 * hedged with VIX calls, hedged with the put spread). NAN marks a measure that is undefined on
 * the data (shown as an empty cell / "n/a"). Decimals unless stated (0.05 is 5%). In the
 * formulas, u is the unhedged book and h the VIX book (the book_* arrays: any hedged book). */
typedef struct alvh_backtest_summary {
    double rows, years;              /* rows; (last date - first date) / 365 */
    double total_return[ALVH_BACKTEST_BOOKS];  /* final equity / capital - 1 */
    double max_drawdown[ALVH_BACKTEST_BOOKS];  /* min over rows of equity / running peak - 1 */
    double worst_day[ALVH_BACKTEST_BOOKS];     /* min over rows of equity / previous equity - 1 */
    double high_vix_days;                      /* rows with VIX > high_vix */
    double high_vix_drawdown[ALVH_BACKTEST_BOOKS]; /* min drawdown over high-VIX rows (<= 0) */
    double high_vix_reduction;       /* 1 - hvd[h] / hvd[u], when hvd[u] < 0 */
    double high_vix_pnl[ALVH_BACKTEST_BOOKS];  /* dollars: sum of equity changes, high-VIX rows */
    double high_vix_loss[ALVH_BACKTEST_BOOKS]; /* dollars >= 0: sum of daily LOSSES, same rows */
    double high_vix_loss_reduction;  /* 1 - loss[h] / loss[u], when loss[u] > 0 */
    double hedge_pnl;                /* dollars, at the last row */
    double hedge_premium;            /* dollars paid for VIX calls, fees included */
    double average_notional;         /* dollars: mean over rows of the hedge-sizing notional */
    double hedge_premium_month;      /* premium / months / average notional (months = years*12) */
    double hedge_cost_month;         /* -hedge_pnl / months / average notional (net cost) */
    double spike_days;               /* rows with VIX >= (1 + spike_rise) x previous VIX */
    double spike_ratio_front;        /* sum of layer-1 P&L / sum of condor loss, spike rows */
    double spike_ratio_hedge;        /* the same with all three layers */
    double condors;                  /* condors opened */
    double condor_wins;              /* closed or settled for less than their credit */
    double costs[ALVH_BACKTEST_BOOKS];         /* dollars of transaction costs */
    /* -- appended (issue 18): the hedge measures of every book, by alvh_backtest_book, as the
     * scalars above define them for the VIX book ([ALVH_BOOK_VIX_CALLS] equals the scalar;
     * the unhedged book's are 0) -- */
    double book_high_vix_reduction[ALVH_BACKTEST_BOOKS];      /* 1 - hvd[b] / hvd[u] */
    double book_high_vix_loss_reduction[ALVH_BACKTEST_BOOKS]; /* 1 - loss[b] / loss[u] */
    double book_hedge_pnl[ALVH_BACKTEST_BOOKS];               /* E_last[b] - E_last[u] */
    double book_hedge_premium[ALVH_BACKTEST_BOOKS];           /* dollars paid for the hedge */
    double book_hedge_premium_month[ALVH_BACKTEST_BOOKS];     /* premium / months / notional */
    double book_hedge_cost_month[ALVH_BACKTEST_BOOKS];        /* -hedge_pnl / months / notional */
    double book_spike_ratio[ALVH_BACKTEST_BOOKS];             /* the hedge's P&L / condor loss,
                                                                 summed over spike rows */
} alvh_backtest_summary;

/* The summary's measures in output order: name, and where in the struct. */
typedef struct alvh_backtest_measure {
    const char *name;  /* "total_return_unhedged" */
    const char *doc;   /* unit and meaning */
    size_t offset;     /* of the double within alvh_backtest_summary */
} alvh_backtest_measure;

/*! alvh_backtest_measures() : the summary's measures (count in *n), a static table. */
const alvh_backtest_measure *alvh_backtest_measures(size_t *n);

/*! alvh_backtest_measure_value() : measure m of summary s (NAN when undefined). */
double alvh_backtest_measure_value(const alvh_backtest_summary *s, const alvh_backtest_measure *m);

/* Not a measure of that book (alvh_backtest_row.offset). */
#define ALVH_BACKTEST_NONE ((size_t)-1)

/* The summary side by side, as `alvh backtest` prints it and ALVH_BACKTEST_COMPARE returns it:
 * one row per measure, one column per book (alvh_backtest_book order). A measure of the run
 * (rows, years, high_vix_days, ...) has the same offset in every column. */
typedef struct alvh_backtest_row {
    const char *name;                   /* "total_return": the measure without its book */
    const char *doc;                    /* unit and meaning */
    size_t offset[ALVH_BACKTEST_BOOKS]; /* of each book's double within alvh_backtest_summary;
                                           ALVH_BACKTEST_NONE: not a measure of that book */
} alvh_backtest_row;

/*! alvh_backtest_rows() : the side-by-side rows (count in *n), a static table, in the order of
 *  the measures (alvh_backtest_measures(): every measure is one cell of the unhedged and VIX
 *  columns; the put spread's column is only here). */
const alvh_backtest_row *alvh_backtest_rows(size_t *n);

/*! alvh_backtest_row_value() : row r's value for book b of summary s (NAN when undefined on the
 *  data, or not a measure of that book; b < ALVH_BACKTEST_BOOKS). */
double alvh_backtest_row_value(const alvh_backtest_summary *s, const alvh_backtest_row *r,
                               alvh_backtest_book b);

/*! alvh_backtest_book_name() : a book's column name: "unhedged", "vix_calls", "put_spread"
 *  ("" for a value that is no book). */
const char *alvh_backtest_book_name(alvh_backtest_book b);

/* How a daily column is written. */
typedef enum alvh_backtest_column_kind {
    ALVH_BT_COLUMN_NUMBER = 0, /* a double */
    ALVH_BT_COLUMN_DATE = 1,   /* a serial date-time, 0 for none */
    ALVH_BT_COLUMN_EVENTS = 2  /* the events bit flags (an unsigned) */
} alvh_backtest_column_kind;

/* One column of the daily output (alvh_backtest_day): name, and where in the struct. */
typedef struct alvh_backtest_column {
    const char *name;  /* "equity_unhedged": the `alvh backtest --daily` header */
    size_t offset;     /* of the field within alvh_backtest_day */
    alvh_backtest_column_kind kind;
    int in_table;      /* one of ALVH_BACKTEST's columns (which keep this order) */
} alvh_backtest_column;

/*! alvh_backtest_columns() : the daily columns (count in *n) in the order of the --daily file
 *  (which writes date, spx and vix first), a static table. */
const alvh_backtest_column *alvh_backtest_columns(size_t *n);

/*! alvh_backtest_column_value() : column c of day (events as a whole number). */
double alvh_backtest_column_value(const alvh_backtest_day *day, const alvh_backtest_column *c);

/* One calendar year of a run (alvh_backtest_years()), measured from the daily series alone.
 * Year y holds the rows dated in y; E_open is the equity at the close of the previous year's
 * last row (the capital for the first year), E_t the equity at row t's close, per book.
 *   drawdown in the year  DD_t = E_t / max(E_open, E of the year's rows up to t) - 1 (<= 0; -1
 *                         when that peak is not positive): from the running peak within the
 *                         year, the year's opening equity included
 *   months                12 x (last date - the previous year's last date) / 365 (the first
 *                         year: from its first date), so the years' months add up to the run's
 * For a run inside one calendar year every measure equals the summary's of the same name. */
typedef struct alvh_backtest_year {
    double year;                               /* e.g. 2022 */
    double rows;                               /* rows dated in the year */
    double months;                             /* as above */
    double total_return[ALVH_BACKTEST_BOOKS];  /* E_last / E_open - 1 */
    double max_drawdown[ALVH_BACKTEST_BOOKS];  /* min over the year's rows of DD_t */
    double high_vix_days;                      /* rows with the high-VIX event */
    double high_vix_drawdown[ALVH_BACKTEST_BOOKS]; /* min of DD_t over them (NAN: none) */
    double high_vix_loss[ALVH_BACKTEST_BOOKS]; /* dollars: sum of max(E_{t-1} - E_t, 0) over
                                                  them (E_{t-1} the previous row's, across the
                                                  year's start too) */
    double average_notional;                   /* mean notional over the year's rows */
    /* Each book's hedge measures, as the summary's book_* arrays define them over the year
     * (the unhedged entry: reductions 0 or NAN, P&L, premium and cost 0): */
    double book_high_vix_reduction[ALVH_BACKTEST_BOOKS];      /* 1 - hvd[b] / hvd[u], when
                                                                 hvd[u] < 0 */
    double book_high_vix_loss_reduction[ALVH_BACKTEST_BOOKS]; /* 1 - loss[b] / loss[u], when
                                                                 loss[u] > 0 */
    double book_hedge_pnl[ALVH_BACKTEST_BOOKS];     /* dollars: the change of the book's
                                                       hedge_pnl over the year */
    double book_hedge_premium[ALVH_BACKTEST_BOOKS]; /* dollars paid for the hedge in the year */
    double book_hedge_premium_month[ALVH_BACKTEST_BOOKS]; /* premium / months / avg notional */
    double book_hedge_cost_month[ALVH_BACKTEST_BOOKS];    /* -hedge_pnl / months / notional */
    /* The VIX book's entries, named as the summary's scalars: */
    double high_vix_reduction, high_vix_loss_reduction, hedge_pnl, hedge_premium;
    double hedge_premium_month, hedge_cost_month;
} alvh_backtest_year;

/*! alvh_backtest_years() :
 *  The per-year measures of a finished run: d its data, days its n = d->n daily rows,
 *  capital the policy's backtest.capital. Years are calendar years of the rows' dates, oldest
 *  first, one entry per year that has rows.
 *  years : room for max entries, or NULL to count them only; *count gets the number of years.
 *  @return : ALVH_OK; ALVH_E_ARGUMENT (no rows, NULL data, max too small: *count still set);
 *            ALVH_E_DATE (a date outside the supported range). */
alvh_status alvh_backtest_years(const alvh_backtest_data *d, const alvh_backtest_day *days,
                                double capital, alvh_backtest_year *years, size_t max,
                                size_t *count);

/*! alvh_backtest_year_measures() : the per-year measures in output order (count in *n), a
 *  static table (names shorter than the summary's, for a table with a row per year; doc gives
 *  the summary measure each matches). */
const alvh_backtest_measure *alvh_backtest_year_measures(size_t *n);

/*! alvh_backtest_year_value() : measure m (from alvh_backtest_year_measures()) of year y (NAN
 *  when undefined). */
double alvh_backtest_year_value(const alvh_backtest_year *y, const alvh_backtest_measure *m);

/*! alvh_backtest_check() :
 *  Validates market data: n >= 2, every date finite and strictly after the previous (no
 *  duplicates, sorted), gaps of at most max_gap_days calendar days (longer gaps are missing
 *  days), SPX, VIX and futures finite and > 0, breadth finite and >= 0, tenors valid.
 *  first_row: the number the first row is called in messages (1 for a range, 2 for a CSV file
 *  with a header line).
 *  @return : ALVH_OK, ALVH_E_DATA_SHORT, ALVH_E_DATA_VALUE, ALVH_E_DATA_ORDER, ALVH_E_DATA_GAP,
 *            ALVH_E_DATA_FORMAT (tenors); err gets a sentence naming the row and column. */
alvh_status alvh_backtest_check(const alvh_backtest_data *d, double max_gap_days,
                                size_t first_row, char *err, size_t errsize);

/*! alvh_backtest_run() :
 *  Runs every book over d (checked first, as above) under policy p.
 *  days : room for d->n rows (caller-owned); summary : filled at the end.
 *  Linear in d->n; allocates two work arrays of d->n entries (signals), nothing per row.
 *  @return : ALVH_OK, the statuses of alvh_backtest_check(), ALVH_E_POLICY_VALUE (sizing
 *            "vega", or a signals setting alvh_signal() rejects), ALVH_E_NO_MEMORY, a pricing
 *            status, ALVH_E_NOT_FINITE; err says what and on which row. */
alvh_status alvh_backtest_run(const alvh_backtest_data *d, const alvh_policy *p,
                              size_t first_row, alvh_backtest_day *days,
                              alvh_backtest_summary *summary, char *err, size_t errsize);

#ifdef __cplusplus
}
#endif
#endif
