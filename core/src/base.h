/* base.h (internal): the core's ground floor. Small helpers and constants that every layer may
 * use: engines (pricing, dates, VIX curve, hedge, condor, scenario, indicators, backtest,
 * market, policy), the spreadsheet-argument layer (args.h) and the function table. It includes
 * nothing of the project but alvh/status.h, so nothing above it can leak down. Not installed.
 * docs/architecture.md draws the layers and what may include what. */
#ifndef ALVH_BASE_H
#define ALVH_BASE_H

#include <math.h>
#include <stddef.h>

#include "alvh/status.h"

/* ---- constants ------------------------------------------------------------------------------ */

/* Mathematical constants to 36 digits (more than a double holds: the compiler rounds once). */
#define ALVH_SQRT1_2 0.707106781186547524400844362104849039        /* 1/sqrt(2) */
#define ALVH_SQRT_2PI 2.50662827463100050241576528481104525        /* sqrt(2 pi) */
#define ALVH_INV_SQRT_2PI 0.398942280401432677939946059934381868   /* 1/sqrt(2 pi) */
#define ALVH_SQRT_PI_OVER_2 1.25331413731550025120788264240552263  /* sqrt(pi/2) */

/* Settlement times of day as fractions of a serial day (exchange local time, US/Eastern):
 * 09:30, the open (AM-settled SPX and VIX options: the special opening quotation), and 16:00,
 * the close (PM-settled SPXW). */
#define ALVH_TIME_AM (570.0 / 1440.0)
#define ALVH_TIME_PM (960.0 / 1440.0)

/* ---- helpers -------------------------------------------------------------------------------- */

/* ASCII case-insensitive equality; NULL-safe (NULL equals nothing). */
int alvh_strieq(const char *a, const char *b);

/*! alvh_format_number() : x as the user typed it: the shortest of %.15g that reads back
 *  exactly, else %.17g (messages and JSON text). */
void alvh_format_number(char *buf, size_t size, double x);

/*! alvh_format_distinct() : x and y for a sentence that compares them ("price 19.98 is below
 *  the intrinsic value 19.980000000000004"): both with the same number of significant digits
 *  (%.Ng, so trailing zeros go), the fewest from min_digits (1..17; 6 is printf's %g) up that
 *  give two different texts when x != y. Equal numbers, or ones that differ only in sign of
 *  zero, get min_digits. 17 digits always separate two different doubles; a NaN or infinity
 *  prints as %g does. Buffers of 32 bytes hold any result. */
void alvh_format_distinct(char *bx, size_t nx, char *by, size_t ny, double x, double y,
                          int min_digits);

/*! alvh_fail_text() : a printf-formatted sentence into err (size bytes; NULL or 0: none), for
 *  functions that report through an err buffer rather than an alvh_result.
 *  @return : st. */
alvh_status alvh_fail_text(char *err, size_t size, alvh_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* x is a positive, finite number. */
static inline int alvh_positive_finite(double x)
{
    return isfinite(x) && x > 0.0;
}

#endif
