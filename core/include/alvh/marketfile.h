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
 * Readers of other published formats (an exchange's VIX history, an index export, a futures
 * settlement file) belong beside this one: core/src/marketfile_<format>.c on the shared CSV
 * helpers (core/src/marketfile_csv.h), each declared here and filling the same series. */
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

#ifdef __cplusplus
}
#endif
#endif
