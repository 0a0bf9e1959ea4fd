/* alvh/marketfile.h: market files read into one market series, the backtest's input.
 *
 * Every reader of a market file fills an alvh_market_series (dates, SPX and VIX closes, optional
 * VIX futures and breadth), whose alvh_market_series_data() is the alvh_backtest_data the
 * engine runs on (alvh/backtest.h). Errors name the file's line and column in a sentence and
 * in alvh_marketfile_error's fields.
 *
 * The market format (what `alvh market` writes and `alvh backtest DATA.csv` reads):
 *   a header line, then one row per trading day, oldest first; fields separated by commas,
 *   spaces and tabs around a field ignored, LF or CRLF line ends, a UTF-8 byte order mark
 *   skipped. Columns in any order, names in any case:
 *     date        YYYY-MM-DD, or a spreadsheet serial number (required)
 *     spx, vix    closes, index points (required)
 *     fut_<N>     optional, any number up to ALVH_BACKTEST_MAX_FUTURES, N increasing left to
 *                 right: the VIX future N calendar days ahead (written fut_ or FUT_)
 *     advancers, decliners   optional, together: breadth counts
 *   Messages call line N of the file "row N" (the header is row 1). Blank lines after the
 *   last row are ignored; a blank line between rows is an error. Values are read as numbers
 *   here; alvh_backtest_check() (run by alvh_backtest_run()) checks their domain.
 *
 * Files as published (below): an index's daily history (Cboe's VIX_History.csv, an S&P 500
 * export) fills one index's column of a series; a CFE futures settlement file fills one
 * contract; alvh_market_join() puts them together by date into a series in the market format.
 * Each reader is a core/src/marketfile_<format>.c on the shared CSV helpers
 * (core/src/marketfile_csv.h); their sentences start with the file's name, then the line and
 * the column ("spx.csv: line 4, column 5 (Close): \"abc\" is not a number"). */
#ifndef ALVH_MARKETFILE_H
#define ALVH_MARKETFILE_H

#include <stddef.h>

#include "alvh/backtest.h"
#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A market series: n rows, owned by the series (alvh_market_series_free()). Zero it first. */
typedef struct alvh_market_series {
    size_t n;
    double *date;      /* serial dates (days since 1899-12-30) */
    double *spx, *vix; /* closes, index points */
    size_t nfut;       /* futures tenors, 0..ALVH_BACKTEST_MAX_FUTURES */
    double fut_days[ALVH_BACKTEST_MAX_FUTURES]; /* their tenors, calendar days */
    double *fut;       /* n x nfut row-major VIX futures (unused when nfut = 0) */
    int has_breadth;   /* advancers and decliners were given */
    double *advancers, *decliners; /* n counts each (read only when has_breadth) */
    size_t cap;        /* rows allocated */
} alvh_market_series;

/* The largest error sentence: a path of 4,096 bytes and the words around it. */
#define ALVH_MARKETFILE_MESSAGE_SIZE 4608

/* Why a file could not be read. */
typedef struct alvh_marketfile_error {
    size_t line;    /* 1-based line of the file; 0 when about the whole file */
    size_t column;  /* 1-based field of that line; 0 when about the whole line */
    int sys_errno;  /* the system's error number when the file cannot be opened, else 0 */
    char text[ALVH_MARKETFILE_MESSAGE_SIZE]; /* the sentence, e.g. `row 4: spx "abc" is not a
                                                number`; "" on success */
} alvh_marketfile_error;

/*! alvh_marketfile_read() :
 *  Reads a file in the market format (above) into *series (zeroed first by the caller; on
 *  failure it may hold rows read so far: free it either way).
 *  @return : ALVH_OK; ALVH_E_DATA_FORMAT (cannot open: err->sys_errno set; empty file, header,
 *            column count, blank line between rows); ALVH_E_DATA_VALUE (a missing value, or one
 *            that is not a number or a date); ALVH_E_NO_MEMORY. err (may be NULL) gets the
 *            sentence and where. */
alvh_status alvh_marketfile_read(const char *path, alvh_market_series *series,
                                 alvh_marketfile_error *err);

/*! alvh_market_series_data() : the series as the backtest's input (a view: the series keeps
 *  ownership). No futures: fut NULL; no breadth: advancers and decliners NULL. */
alvh_backtest_data alvh_market_series_data(const alvh_market_series *series);

/*! alvh_market_series_free() : frees the series' arrays and zeroes it (NULL: nothing). */
void alvh_market_series_free(alvh_market_series *series);

/*! alvh_market_series_header() / alvh_market_series_row() : the series in the market format,
 *  one line at a time without its '\n': the header (date,spx,vix[,fut_<days>...]
 *  [,advancers,decliners]), then row i (0-based): the date as YYYY-MM-DD (a serial number when
 *  it has a time of day), numbers in the fewest digits that read back to the same double
 *  (alvh_marketfile_read() gives the series back bit for bit).
 *  @return : the line's length; the line is cut to size - 1 bytes when longer (2,048 bytes
 *            always suffice). */
size_t alvh_market_series_header(const alvh_market_series *series, char *buf, size_t size);
size_t alvh_market_series_row(const alvh_market_series *series, size_t i, char *buf,
                              size_t size);

/*! alvh_market_series_window() : keeps the rows whose date (its day) lies from `from` to `to`
 *  (serial dates, both included; 0: no bound), in place; *first gets the index the first kept
 *  row had (so messages can still name the file's line). Rows out of order are kept between
 *  the first and the last in the window (alvh_backtest_check() reports them).
 *  @return : ALVH_OK (possibly 0 rows), ALVH_E_ARGUMENT (NULL). */
alvh_status alvh_market_series_window(alvh_market_series *series, double from, double to,
                                      size_t *first);

/* ---- files as published --------------------------------------------------------------------
 *
 * Dates in published files are YYYY-MM-DD or MM/DD/YYYY (US order; month and day of one or two
 * digits, a four-digit year). Lines may end in LF or CRLF; a UTF-8 byte order mark, blank lines
 * and any lines before the header (a disclaimer) are skipped; columns are found by name (any
 * case), other columns are ignored; a row may not have more fields than the header unless the
 * extra ones are empty (ALVH_E_DATA_FORMAT: a comma inside a value would shift the columns). */

/*! alvh_marketfile_date() : a date as published files write it (above), as a serial date.
 *  @return : ALVH_OK, ALVH_E_DATE (not a date in either form), ALVH_E_ARGUMENT (NULL). */
alvh_status alvh_marketfile_date(const char *text, double *serial);

/*! alvh_spx_history_read() / alvh_vix_history_read() :
 *  A daily index history as published: a header with a Date and a Close column (Close/Last
 *  too), then one row per day, oldest first or newest first (turned around). Read: Cboe's
 *  VIX_History.csv (DATE,OPEN,HIGH,LOW,CLOSE, MM/DD/YYYY) and S&P 500 exports
 *  (Date,Open,High,Low,Close,Adj Close,Volume; Date,Open,High,Low,Close,Volume;
 *  date,open,high,low,close,volume,adjclose; ISO or US dates). The Close is read, never the
 *  Adj Close. Fills series->date and series->spx (or ->vix; the other index is 0), oldest
 *  first; zero the series first, free it either way.
 *  @return : ALVH_OK; ALVH_E_DATA_FORMAT (cannot open: err->sys_errno set; no header with a
 *            Date column, or no Close column); ALVH_E_DATA_VALUE (a date, a close missing or
 *            not a number, a close not positive); ALVH_E_DATA_ORDER (dates repeated or out of
 *            order); ALVH_E_DATA_SHORT (no rows); ALVH_E_NO_MEMORY. */
alvh_status alvh_spx_history_read(const char *path, alvh_market_series *series,
                                  alvh_marketfile_error *err);
alvh_status alvh_vix_history_read(const char *path, alvh_market_series *series,
                                  alvh_marketfile_error *err);

/* One VIX futures contract's settlements (alvh_cfe_futures_read()). Zero it first. */
typedef struct alvh_vix_contract {
    char label[24];   /* as the file writes it: "F (Jan 13)" */
    int year, month;  /* the contract month */
    double expiry;    /* serial date of its final settlement (alvh_vix_expiry(), whole day) */
    size_t n, cap;
    double *date;     /* trade dates with a settlement, increasing, none after expiry */
    double *settle;   /* the settlements, index points, > 0 */
} alvh_vix_contract;

/*! alvh_cfe_futures_read() :
 *  A CFE VIX futures settlement file, one contract: any lines before the header (the archive's
 *  disclaimer), the header Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,
 *  EFP,Open Interest (Trade Date, Futures and Settle are read), rows oldest first. The contract
 *  is named on every row as "F (Jan 13)" or "F (Jan 2013)" (month code and month must agree,
 *  the same on every row); its expiry is the VIX rule's for that month (alvh_vix_expiry()).
 *  Rows whose Settle is 0 (no settlement that day) are skipped, a row repeated with the same
 *  settlement is read once, settlements dated before 2007-03-26 are divided by 10 (CFE quoted
 *  ten times the VIX until then).
 *  @return : ALVH_OK; ALVH_E_DATA_FORMAT (cannot open: err->sys_errno set; no header, or a
 *            column missing); ALVH_E_DATA_VALUE (a missing or bad date, contract or settlement;
 *            a trade date after the expiry); ALVH_E_DATA_ORDER (dates out of order, or repeated
 *            with another settlement); ALVH_E_DATA_SHORT (no settlement); ALVH_E_NO_MEMORY. */
alvh_status alvh_cfe_futures_read(const char *path, alvh_vix_contract *contract,
                                  alvh_marketfile_error *err);

/*! alvh_vix_contract_free() : frees the contract's arrays and zeroes it (NULL: nothing). */
void alvh_vix_contract_free(alvh_vix_contract *contract);

/* ---- the join ------------------------------------------------------------------------------ */

/* The dates a report lists of each kind. */
#define ALVH_JOIN_FIRST_DATES 5
/* The most contracts read on one date (the nearest ones; CFE lists about nine monthlies). */
#define ALVH_JOIN_MAX_CONTRACTS_A_DAY 32

/* Dates of one kind that were dropped: how many, and the first few. */
typedef struct alvh_join_dropped {
    size_t count;
    double first[ALVH_JOIN_FIRST_DATES]; /* serial dates, the first min(count, 5) */
} alvh_join_dropped;

/* What a join kept and dropped. */
typedef struct alvh_join_report {
    size_t rows;                   /* rows of the joined series */
    alvh_join_dropped only_spx;    /* dates with an SPX close and no VIX close */
    alvh_join_dropped only_vix;    /* dates with a VIX close and no SPX close */
    alvh_join_dropped no_futures;  /* dates with both closes and no contract settled */
    size_t ntenors;                /* futures tenors asked for (0 without contracts) */
    double tenors[ALVH_BACKTEST_MAX_FUTURES];       /* calendar days */
    alvh_join_dropped unbracketed[ALVH_BACKTEST_MAX_FUTURES]; /* per tenor: dates beyond the
                                                                farthest contract */
    double reach[ALVH_BACKTEST_MAX_FUTURES];        /* the farthest contract's days on the
                                                       first of them */
    size_t kept;                   /* tenors kept: those with no such date */
} alvh_join_report;

/* Options of a join (NULL: no date bounds, the default tenors). */
typedef struct alvh_join_options {
    double from, to;  /* serial dates, both included; 0: no bound */
    size_t ntenors;   /* 0: the default tenors, 30, 60, 90, 120, 150 and 180 days (those
                         `alvh market` writes) */
    double tenors[ALVH_BACKTEST_MAX_FUTURES]; /* whole calendar days, 1-3650, increasing */
} alvh_join_options;

/*! alvh_market_join() :
 *  SPX closes (spx->spx) and VIX closes (vix->vix) put together by date into *out (zeroed by
 *  the caller; free it either way), oldest first, within opt's dates. A date present on one
 *  side only is dropped, never filled, and counted in the report. With contracts, each date
 *  also needs a settlement of at least one contract expiring after it (else it is dropped and
 *  counted), and gets the constant-maturity futures fut_<N>: on each date the curve is spot
 *  VIX at 0 days and every contract settled that day at its calendar days to expiry, and the
 *  future N days ahead is the linear interpolation in days between the two points that bracket
 *  N (alvh_vix_future_curve(), as the backtest engine interpolates its own curve). A tenor
 *  beyond the farthest contract on some date is dropped for the whole join (a column is never
 *  filled) and reported with how many dates and the first one.
 *  @return : ALVH_OK; ALVH_E_DATA_SHORT (a side empty, no date joined, a contract without
 *            settlements); ALVH_E_DATA_ORDER (a side's dates not increasing);
 *            ALVH_E_DATA_VALUE (a close or a settlement not positive and finite, a contract's
 *            dates not increasing); ALVH_E_DATA_FORMAT (a contract given twice);
 *            ALVH_E_ARGUMENT (bad tenors, NULL outputs); ALVH_E_NO_MEMORY. err gets the
 *            sentence (line and column 0). */
alvh_status alvh_market_join(const alvh_market_series *spx, const alvh_market_series *vix,
                             const alvh_vix_contract *contracts, size_t ncontracts,
                             const alvh_join_options *opt, alvh_market_series *out,
                             alvh_join_report *report, alvh_marketfile_error *err);

/*! alvh_join_report_text() : the report's drops as sentences, one a line ending in '\n'
 *  ("" when nothing was dropped), e.g. "2 dates with an SPX close but no VIX close, dropped:
 *  2024-01-15, 2024-02-19"; cut to size - 1 bytes. */
void alvh_join_report_text(const alvh_join_report *report, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
