/* alvh/dates.h: spreadsheet serial date-times, US exchange holidays, SPX and VIX expiries.
 *
 * Serial date-times. A serial counts days since 1899-12-30 (the LibreOffice/Excel epoch:
 * 2 is 1900-01-01, 25569 is 1970-01-01, 45658 is 2025-01-01, 2958465 is 9999-12-31); the
 * fraction is the time of day in exchange local time (US/Eastern), so 09:30 is +0.3958333
 * (570/1440) and 16:00 is +0.6666667. Supported: 1900-01-01 to 9999-12-31 (serials 2 to
 * 2958465.999...); the proleptic Gregorian calendar throughout. Excel's fictitious
 * 1900-02-29 (its serial 60) does not exist here: serials below 61 are LibreOffice's.
 *
 * Holidays are computed by rule, never from a table that runs out: New Year's Day, Martin
 * Luther King Jr. Day (3rd Monday of January, from 1998), Washington's Birthday (3rd Monday of
 * February), Good Friday (Easter by the anonymous Gregorian algorithm, Meeus), Memorial Day
 * (last Monday of May), Juneteenth (June 19, from 2022), Independence Day (July 4), Labor Day
 * (1st Monday of September), Thanksgiving (4th Thursday of November), Christmas (December 25).
 * A holiday on a Saturday is observed the Friday before, on a Sunday the Monday after (NYSE
 * Rule 7.2); New Year's Day on a Saturday is not observed at all (the exchange stays open on
 * December 31). Caveats:
 *   - One-off closures are NOT modelled: national days of mourning (e.g. 2025-01-09, 2018-12-05),
 *     weather and emergency closures (e.g. 2012-10-29/30, 2001-09-11..14).
 *   - Early closes (13:00 on the day before Independence Day, after Thanksgiving, Christmas
 *     Eve) are not modelled: such days are ordinary business days.
 *   - The present rule set is applied to every year. Before 1998 the exchanges' calendars
 *     differed (fixed-date Washington's Birthday and Memorial Day before 1971, Election Day
 *     and other closures), so dates before 1998 are the modern rules projected back, not the
 *     historical calendar.
 *
 * Threading: every function is pure and reentrant.
 */
#ifndef ALVH_DATES_H
#define ALVH_DATES_H

#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/*! alvh_serial_from_ymd() : the serial of 00:00 on year-month-day (proleptic Gregorian).
 *  year 1900-9999, month 1-12, day 1 to the length of that month (February 29 in leap years).
 *  @return : ALVH_OK (*serial set, a whole number), or ALVH_E_DATE (no such date, or outside
 *            1900-9999; *serial untouched). */
alvh_status alvh_serial_from_ymd(int year, int month, int day, double *serial);

/*! alvh_ymd_from_serial() : the calendar date of floor(serial) (the time of day is dropped).
 *  @return : ALVH_OK, or ALVH_E_DATE (serial not finite or outside 2 .. 2958465.999...,
 *            i.e. 1900-01-01 .. 9999-12-31; outputs untouched). */
alvh_status alvh_ymd_from_serial(double serial, int *year, int *month, int *day);

/*! alvh_years_between() : ACT/365 year fraction (to - from) / 365 of two serial date-times,
 *  intraday fractions included; negative when to is before from. Wall-clock (US/Eastern)
 *  time: a daylight-saving change between the two is not corrected (at most 1 hour, 1/8760).
 *  @return : ALVH_OK, or ALVH_E_DATE (either serial not finite or outside the supported
 *            range 2 .. 2958465.999...). */
alvh_status alvh_years_between(double from, double to, double *years);

/*! alvh_is_exchange_holiday() : 1 when the day of serial (its floor) is an observed US
 *  exchange holiday by the rules above, else 0 (also 0 for a serial that is not finite or
 *  outside the supported range). */
int alvh_is_exchange_holiday(double serial);

/*! alvh_is_business_day() : 1 for a Monday-Friday that is not an exchange holiday, else 0
 *  (also 0 for a serial that is not finite or outside the supported range). */
int alvh_is_business_day(double serial);

typedef enum alvh_settlement { ALVH_SETTLE_AM = 0, ALVH_SETTLE_PM = 1 } alvh_settlement;

/*! alvh_spx_expiry() : standard monthly SPX expiry of year/month: the third Friday, moved to
 *  the previous business day when it is an exchange holiday (e.g. Good Friday 2025-04-18 ->
 *  Thursday 2025-04-17); time of day 09:30 (ALVH_SETTLE_AM, the SET opening settlement of the
 *  standard AM-settled SPX) or 16:00 (ALVH_SETTLE_PM, the close; PM-settled SPXW).
 *  year 1900-9999, month 1-12.
 *  @return : ALVH_OK (*serial a serial date-time), or ALVH_E_DATE (year, month or style out of
 *            range; *serial untouched). */
alvh_status alvh_spx_expiry(int year, int month, alvh_settlement style, double *serial);

/*! alvh_vix_expiry() : VIX future/option expiry (final settlement date) of year/month: the
 *  Wednesday 30 days before the third Friday of the following month (the standard SPX expiry
 *  date before any holiday shift). When that Wednesday or that Friday is an exchange holiday,
 *  the business day before the Wednesday (CFE VX contract specification; e.g. 2024-06: Wednesday
 *  June 19 is Juneteenth -> Tuesday 2024-06-18; 2025-03: Friday 2025-04-18 is Good Friday ->
 *  Tuesday 2025-03-18). Time of day 09:30 (the opening settlement, VRO). The expiry always lies
 *  in year/month itself. year 1900-9999, month 1-12, and not December 9999 (its rule needs
 *  January 10000).
 *  @return : ALVH_OK, or ALVH_E_DATE (*serial untouched). */
alvh_status alvh_vix_expiry(int year, int month, double *serial);

#ifdef __cplusplus
}
#endif
#endif
