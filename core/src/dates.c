/* dates.c: spreadsheet serial date-times, US exchange holidays by rule, SPX and VIX expiries.
 *
 * Day arithmetic works on whole day numbers (serials as long) and converts to and from the
 * civil calendar with Howard Hinnant's era-based algorithms ("chrono-Compatible Low-Level Date
 * Algorithms", days_from_civil / civil_from_days), which are exact for the proleptic
 * Gregorian calendar. Easter is the anonymous Gregorian algorithm as given by Meeus,
 * "Astronomical Algorithms" (2nd ed., ch. 8). Holiday and expiry rules are cited where used.
 */
#include "alvh/dates.h"

#include <math.h>

#include "base.h" /* ALVH_TIME_AM, ALVH_TIME_PM */

/* Serial of 1970-01-01: days_from_civil counts from the Unix epoch, serials from 1899-12-30. */
#define SERIAL_UNIX_EPOCH 25569L
/* Supported range: 1900-01-01 (serial 2) to 9999-12-31 (serial 2958465). */
#define SERIAL_MIN 2L
#define SERIAL_MAX 2958465L
#define YEAR_MIN 1900
#define YEAR_MAX 9999

enum { MON = 0, TUE, WED, THU, FRI, SAT, SUN };

/* Days from 1970-01-01 to y-m-d (Hinnant, days_from_civil). Years here are >= 1900, so the
 * era arithmetic needs no negative-year branch. */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = y / 400;
    long yoe = y - era * 400;                                    /* [0, 399] */
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

/* Inverse of days_from_civil for days >= -719468 (Hinnant, civil_from_days). */
static void civil_from_days(long z, int *year, int *month, int *day)
{
    z += 719468;
    long era = z / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int k_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : k_days[m - 1];
}

/* Serial day number of y-m-d; the caller has validated the date. */
static long day_of(int y, int m, int d)
{
    return days_from_civil(y, m, d) + SERIAL_UNIX_EPOCH;
}

/* Monday = 0 ... Sunday = 6. Serial 2 (1900-01-01) was a Monday. */
static int weekday(long day)
{
    return (int)((day + 5) % 7);
}

/* The n-th (1-based) given weekday of y-m. */
static long nth_weekday(int y, int m, int wd, int n)
{
    long first = day_of(y, m, 1);
    return first + (wd - weekday(first) + 7) % 7 + 7L * (n - 1);
}

/* The last given weekday of y-m. */
static long last_weekday(int y, int m, int wd)
{
    long last = day_of(y, m, days_in_month(y, m));
    return last - (weekday(last) - wd + 7) % 7;
}

/* Weekend observance (NYSE Rule 7.2): Saturday -> the Friday before, Sunday -> the Monday after. */
static long observed(long day)
{
    int wd = weekday(day);
    return wd == SAT ? day - 1 : wd == SUN ? day + 1 : day;
}

/* Easter Sunday of year y: the anonymous Gregorian algorithm (Meeus, Astronomical Algorithms,
 * ch. 8; valid for every Gregorian year). */
static long easter_sunday(int y)
{
    int a = y % 19, b = y / 100, c = y % 100;
    int d = b / 4, e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return day_of(y, month, day);
}

#define MAX_HOLIDAYS 10

/* The observed exchange holidays that fall in year y (see dates.h for the rule set).
 * Returns how many were written to out (at most MAX_HOLIDAYS). */
static int holidays_of_year(int y, long out[MAX_HOLIDAYS])
{
    int n = 0;
    long ny = day_of(y, 1, 1);
    if (weekday(ny) != SAT) /* a Saturday New Year's Day is not moved into December */
        out[n++] = observed(ny);
    if (y >= 1998) /* the NYSE first closed for Martin Luther King Jr. Day in 1998 */
        out[n++] = nth_weekday(y, 1, MON, 3);
    out[n++] = nth_weekday(y, 2, MON, 3);  /* Washington's Birthday */
    out[n++] = easter_sunday(y) - 2;       /* Good Friday */
    out[n++] = last_weekday(y, 5, MON);    /* Memorial Day */
    if (y >= 2022) /* Juneteenth National Independence Day, first observed by the NYSE in 2022 */
        out[n++] = observed(day_of(y, 6, 19));
    out[n++] = observed(day_of(y, 7, 4));  /* Independence Day */
    out[n++] = nth_weekday(y, 9, MON, 1);  /* Labor Day */
    out[n++] = nth_weekday(y, 11, THU, 4); /* Thanksgiving */
    out[n++] = observed(day_of(y, 12, 25));/* Christmas */
    return n;
}

/* The whole day of a serial date-time, if it lies in the supported range. */
static int day_of_serial(double serial, long *day)
{
    if (!isfinite(serial))
        return 0;
    double f = floor(serial);
    if (f < (double)SERIAL_MIN || f > (double)SERIAL_MAX)
        return 0;
    *day = (long)f;
    return 1;
}

static int is_holiday_day(long day)
{
    int y, m, d;
    civil_from_days(day - SERIAL_UNIX_EPOCH, &y, &m, &d);
    long h[MAX_HOLIDAYS];
    int n = holidays_of_year(y, h);
    for (int i = 0; i < n; ++i)
        if (h[i] == day)
            return 1;
    return 0;
}

static int is_business(long day)
{
    return weekday(day) < SAT && !is_holiday_day(day);
}

/* The business day at or before day. Holidays never fall on more than two consecutive
 * weekdays, so this steps back at most a few days; the supported range starts on a Monday
 * (1900-01-01) that is a holiday, but expiries never come near it. */
static long business_at_or_before(long day)
{
    while (day > SERIAL_MIN && !is_business(day))
        --day;
    return day;
}

static int valid_year_month(int year, int month)
{
    return year >= YEAR_MIN && year <= YEAR_MAX && month >= 1 && month <= 12;
}

alvh_status alvh_serial_from_ymd(int year, int month, int day, double *serial)
{
    if (!valid_year_month(year, month) || day < 1 || day > days_in_month(year, month))
        return ALVH_E_DATE;
    *serial = (double)day_of(year, month, day);
    return ALVH_OK;
}

alvh_status alvh_ymd_from_serial(double serial, int *year, int *month, int *day)
{
    long d;
    if (!day_of_serial(serial, &d))
        return ALVH_E_DATE;
    civil_from_days(d - SERIAL_UNIX_EPOCH, year, month, day);
    return ALVH_OK;
}

alvh_status alvh_years_between(double from, double to, double *years)
{
    long d;
    if (!day_of_serial(from, &d) || !day_of_serial(to, &d))
        return ALVH_E_DATE;
    double y = (to - from) / 365.0;
    if (!isfinite(y))
        return ALVH_E_DATE;
    *years = y;
    return ALVH_OK;
}

int alvh_is_exchange_holiday(double serial)
{
    long d;
    return day_of_serial(serial, &d) && is_holiday_day(d);
}

int alvh_is_business_day(double serial)
{
    long d;
    return day_of_serial(serial, &d) && is_business(d);
}

alvh_status alvh_spx_expiry(int year, int month, alvh_settlement style, double *serial)
{
    if (!valid_year_month(year, month) || (style != ALVH_SETTLE_AM && style != ALVH_SETTLE_PM))
        return ALVH_E_DATE;
    long day = business_at_or_before(nth_weekday(year, month, FRI, 3));
    *serial = (double)day + (style == ALVH_SETTLE_PM ? ALVH_TIME_PM : ALVH_TIME_AM);
    return ALVH_OK;
}

alvh_status alvh_vix_expiry(int year, int month, double *serial)
{
    if (!valid_year_month(year, month))
        return ALVH_E_DATE;
    int ny = month == 12 ? year + 1 : year;
    int nm = month == 12 ? 1 : month + 1;
    if (ny > YEAR_MAX)
        return ALVH_E_DATE;
    /* CFE VX contract specification, Final Settlement Date: "the Wednesday that is 30 days
     * prior to the third Friday of the calendar month immediately following the month in which
     * the contract expires. ... If that Wednesday or the Friday that is 30 days following that
     * Wednesday is a Cboe Options holiday, the Final Settlement Date for the contract shall be
     * on the business day immediately preceding that Wednesday." The Friday is the unshifted
     * third Friday, not the SPX expiry moved for a holiday. */
    long friday = nth_weekday(ny, nm, FRI, 3);
    long wednesday = friday - 30;
    long day = wednesday;
    if (is_holiday_day(friday) || is_holiday_day(wednesday))
        day = business_at_or_before(wednesday - 1);
    *serial = (double)day + ALVH_TIME_AM;
    return ALVH_OK;
}
