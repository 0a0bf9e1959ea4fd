/* backtest_run.h (internal): the state of one backtest run and the seam its hedge kinds plug
 * into. Not installed.
 *
 * backtest.c drives the run one row at a time through named steps (alvh/backtest.h states the
 * rules):
 *   1. settle expiries    the condor, then each book's hedge (hedge kind: settle)
 *   2. manage the condor  take profit, close days
 *   3. open a condor      and size the hedges on it (notional, condor vega)
 *   4. roll the hedges    buy, roll, re-strike on a signal (hedge kind: roll)
 *   5. mark and score     the condor, each book's hedge (hedge kind: mark), equity, drawdowns
 * Every book (alvh_backtest_book) trades the same condor, whose cash is shared; a book with a
 * hedge adds the hedge's cash and mark (backtest_vix.c: the VIX call layers; backtest_putspread.c:
 * the SPX put spread). A new hedge kind is one more alvh_bt_hedge_kind (its
 * positions in alvh_bt_hedge_state, its three steps in a backtest_<kind>.c) and one more book
 * in backtest.c's k_book_hedge; the loop does not change. */
#ifndef ALVH_BACKTEST_RUN_H
#define ALVH_BACKTEST_RUN_H

#include <stddef.h>

#include "alvh/backtest.h"
#include "alvh/policy.h"
#include "alvh/status.h"

typedef struct alvh_bt_run alvh_bt_run;
typedef struct alvh_bt_book alvh_bt_book;

/* ---- hedge kinds ---------------------------------------------------------------------------- */

/* A hedge kind: three steps over one book's hedge positions (book->pos). Fees go to
 * r->s->costs[book->id], debits and their fees to book->premium; a failure returns a status
 * with r->err set (alvh_bt_row_fail()). */
typedef struct alvh_bt_hedge_kind {
    const char *name; /* the policy's word for it: "vix_calls" */
    /* Step 1: settles the positions expired by the row's close at their payoff (no fees). */
    void (*settle)(alvh_bt_run *r, alvh_bt_book *book, alvh_backtest_day *day);
    /* Step 4: buys, rolls or re-strikes, on r->notional and r->condor_vega. */
    alvh_status (*roll)(alvh_bt_run *r, alvh_bt_book *book, alvh_backtest_day *day);
    /* Step 5: the value at the close: book->hedge_cash (cumulative cash flow, dollars),
     * book->hedge_mark (dollars, >= 0) and book->hedge_day_pnl (the change of their sum since
     * the last close); fills the kind's columns of day. */
    alvh_status (*mark)(alvh_bt_run *r, alvh_bt_book *book, alvh_backtest_day *day);
    alvh_hedge_kind kind; /* the policy's hedge_kind it is (which books trade: backtest.c) */
} alvh_bt_hedge_kind;

/* The VIX call layers (backtest_vix.c). */
extern const alvh_bt_hedge_kind alvh_bt_vix_calls;
/* The SPX put spread (backtest_putspread.c). */
extern const alvh_bt_hedge_kind alvh_bt_put_spread;

/* One VIX call layer as held. */
typedef struct alvh_bt_layer {
    int held;          /* bought at least once (a position, possibly of 0 contracts) */
    double contracts, strike, expiry;
    double cash;       /* this layer's cumulative cash flow, dollars */
    double mark;       /* value at the last close, dollars */
    double value;      /* cash + mark at the last close (the day's P&L is the change) */
} alvh_bt_layer;

/* The put spread as held. */
typedef struct alvh_bt_spread {
    int held;          /* bought at least once (a position, possibly of 0 spreads) */
    double contracts;  /* spreads */
    double strikes[2]; /* long put, short put */
    double expiry;     /* serial date-time */
    double cash;       /* cumulative cash flow, dollars */
    double value;      /* cash + mark at the last close */
} alvh_bt_spread;

/* The positions of each hedge kind (a book uses the member of its kind). */
typedef union alvh_bt_hedge_state {
    alvh_bt_layer layer[ALVH_LAYERS]; /* alvh_bt_vix_calls */
    alvh_bt_spread spread;            /* alvh_bt_put_spread */
} alvh_bt_hedge_state;

/* ---- the run -------------------------------------------------------------------------------- */

/* A book: the shared condor plus its own hedge, and its running equity. */
struct alvh_bt_book {
    alvh_backtest_book id;           /* its index in the summary's per-book arrays */
    const alvh_bt_hedge_kind *hedge; /* NULL: the unhedged book */
    alvh_bt_hedge_state pos;
    double hedge_cash, hedge_mark;   /* at the close (0 without a hedge) */
    double hedge_day_pnl;            /* the hedge's P&L on the row (set by its mark step) */
    double premium;                  /* dollars paid for the hedge, fees included */
    double equity, prev_equity, peak, drawdown;
};

/* The condor every book trades. */
typedef struct alvh_bt_condor {
    int open;
    double strikes[4]; /* long put, short put, short call, long call */
    double expiry;     /* serial date-time */
    double credit;     /* points per condor */
    double value;      /* to buy back at this row's close, points per condor (0: none) */
    int opened_any;
    double last_open;  /* serial date of the last opening */
} alvh_bt_condor;

struct alvh_bt_run {
    const alvh_backtest_data *d;
    const alvh_policy *p;
    const alvh_backtest_policy *b;
    alvh_backtest_day *days;
    alvh_backtest_summary *s;
    size_t first_row;
    char *err;
    size_t errsize;
    /* Signals, computed once for the whole series (the run's only allocations). */
    unsigned *triggers;
    double *ad;
    size_t first_signal;
    /* The row. */
    size_t row;
    double t;          /* the close: serial date-time */
    double spot, vix;  /* closes */
    int signal;        /* a REBALANCE or ARM trigger fires on this row */
    double tenors[ALVH_BACKTEST_MAX_FUTURES + 1]; /* years, with 0 first (spot VIX) */
    double quotes[ALVH_BACKTEST_MAX_FUTURES + 1]; /* the row's curve */
    /* The condor and what the hedges are sized on. */
    alvh_bt_condor condor;
    double cash;        /* the condor's cumulative cash, from the capital: the unhedged cash */
    double notional;    /* hedge-sizing notional of the latest condor, dollars */
    double condor_vega; /* its VIX vega (alvh_condor_vix_vega) */
    double notional_sum;
    alvh_bt_book book[ALVH_BACKTEST_BOOKS];
    double spike_condor_loss, spike_front;
    double spike_book[ALVH_BACKTEST_BOOKS]; /* each book's hedge P&L summed over spike rows */
};

/*! alvh_bt_row_fail() : "row N: what: <status message>" into r->err. @return : st. */
alvh_status alvh_bt_row_fail(const alvh_bt_run *r, alvh_status st, const char *what);

/*! alvh_bt_price_fail() : the failure of pricing a position on the row. @return : st. */
alvh_status alvh_bt_price_fail(const alvh_bt_run *r, alvh_status st);

#endif
