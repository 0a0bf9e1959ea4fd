/* alvh/dates.h: spreadsheet serial date-times, US exchange holidays, SPX and VIX expiries.
 *
 * A serial date-time counts days since 1899-12-30 (the spreadsheet epoch: serial 1 is
 * 1899-12-31, 45658 is 2025-01-01); the fraction is the time of day in exchange local time
 * (US/Eastern), so 09:30 is +0.395833... Supported years: 1900-9999.
 *
 * Holidays are computed by rule, never from a table that runs out: New Year's Day, Martin
 * Luther King Jr. Day (3rd Monday of January, from 1998), Washington's Birthday (3rd Monday of
 * February), Good Friday, Memorial Day (last Monday of May), Juneteenth (June 19, from 2022),
 * Independence Day, Labor Day (1st Monday of September), Thanksgiving (4th Thursday of
 * November), Christmas. A holiday on a Saturday is observed the Friday before, on a Sunday the
 * Monday after (NYSE rule 7.2; New Year's Day on a Saturday is not moved into December).
 */
#ifndef ALVH_DATES_H
#define ALVH_DATES_H

#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/*! alvh_serial_from_ymd() : the serial of 00:00 on year-month-day (proleptic Gregorian).
 *  @return : ALVH_OK or ALVH_E_DATE (year outside 1900-9999 or an invalid day). */
alvh_status alvh_serial_from_ymd(int year, int month, int day, double *serial);

/*! alvh_ymd_from_serial() : the calendar date of floor(serial). */
alvh_status alvh_ymd_from_serial(double serial, int *year, int *month, int *day);

/*! alvh_years_between() : ACT/365 year fraction (to - from) / 365 of two serial date-times;
 *  negative when to is before from. @return : ALVH_OK or ALVH_E_DATE (not finite). */
alvh_status alvh_years_between(double from, double to, double *years);

/*! alvh_is_exchange_holiday() : 1 when the day of serial is a US exchange holiday, else 0. */
int alvh_is_exchange_holiday(double serial);

/*! alvh_is_business_day() : 1 for a weekday that is not an exchange holiday, else 0. */
int alvh_is_business_day(double serial);

typedef enum alvh_settlement { ALVH_SETTLE_AM = 0, ALVH_SETTLE_PM = 1 } alvh_settlement;

/*! alvh_spx_expiry() : standard monthly SPX expiry of year/month: the third Friday, moved to
 *  the previous business day when it is a holiday; time 09:30 (AM, the SET settlement) or
 *  16:00 (PM). @return : ALVH_OK or ALVH_E_DATE. */
alvh_status alvh_spx_expiry(int year, int month, alvh_settlement style, double *serial);

/*! alvh_vix_expiry() : VIX future/option expiry of year/month: the Wednesday 30 days before
 *  the standard SPX expiry of the following month; when that Wednesday or that SPX date is an
 *  exchange holiday, the business day before the Wednesday. Time 09:30. */
alvh_status alvh_vix_expiry(int year, int month, double *serial);

#ifdef __cplusplus
}
#endif
#endif
