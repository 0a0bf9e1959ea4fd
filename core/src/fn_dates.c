/* fn_dates.c: table rows for year fractions and SPX/VIX expiry dates (core: dates.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "alvh/dates.h"
#include "internal.h"

/* The supported serial range, as the user reads it in messages. */
#define RANGE_TEXT "a date-time serial from 2 (1900-01-01) to 2958465 (9999-12-31)"

/* A whole-number argument in lo..hi; anything else (fractions, NaN) is ALVH_E_DATE naming it. */
static alvh_status arg_whole(const alvh_value *v, const char *name, int lo, int hi, int *value,
                             alvh_result *out)
{
    double x = v->number;
    if (isfinite(x) && x == floor(x) && x >= (double)lo && x <= (double)hi) {
        *value = (int)x;
        return ALVH_OK;
    }
    char got[32];
    alvh_format_number(got, sizeof got, x);
    return alvh_fail(out, ALVH_E_DATE, "%s must be a whole number from %d to %d, got %s", name,
                     lo, hi, got);
}

/* SPX_EXPIRY(year; month; [style]) and VIX_EXPIRY(year; month): both start with year, month. */
enum { YM_YEAR, YM_MONTH, YM_NARGS };
enum { SPX_STYLE = YM_NARGS, SPX_NARGS };

/* The year and month arguments of SPX_EXPIRY and VIX_EXPIRY. */
static alvh_status arg_year_month(const alvh_value *args, int *year, int *month, alvh_result *out)
{
    alvh_status st = arg_whole(&args[YM_YEAR], "year", 1900, 9999, year, out);
    if (st == ALVH_OK)
        st = arg_whole(&args[YM_MONTH], "month", 1, 12, month, out);
    return st;
}

/* The style argument of SPX_EXPIRY: "AM" or "PM", any case. */
static alvh_status arg_style(const alvh_value *v, alvh_settlement *style, alvh_result *out)
{
    if (alvh_strieq(v->text, "AM"))
        *style = ALVH_SETTLE_AM;
    else if (alvh_strieq(v->text, "PM"))
        *style = ALVH_SETTLE_PM;
    else
        return alvh_fail(out, ALVH_E_ARGUMENT,
                         "style must be \"AM\" (09:30 settlement) or \"PM\" (16:00), got \"%.60s\"",
                         v->text);
    return ALVH_OK;
}

/* ALVH_YEARS(from; to) */
enum { YRS_FROM, YRS_TO, YRS_NARGS };

static alvh_status eval_years(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    static const char *const names[YRS_NARGS] = {[YRS_FROM] = "from", [YRS_TO] = "to"};
    for (int i = YRS_FROM; i <= YRS_TO; ++i) {
        int y, m, d;
        if (alvh_ymd_from_serial(args[i].number, &y, &m, &d) != ALVH_OK) {
            char got[32];
            alvh_format_number(got, sizeof got, args[i].number);
            return alvh_fail(out, ALVH_E_DATE, "%s must be " RANGE_TEXT ", got %s", names[i],
                             got);
        }
    }
    double years = 0.0;
    alvh_status st = alvh_years_between(args[YRS_FROM].number, args[YRS_TO].number, &years);
    return alvh_result_number_if(out, st, years);
}

/* SPX_EXPIRY(year; month; [style]) */
static alvh_status eval_spx_expiry(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    int year = 0, month = 0;
    alvh_settlement style = ALVH_SETTLE_AM;
    double serial = 0.0;
    alvh_status st = arg_year_month(args, &year, &month, out);
    if (st == ALVH_OK)
        st = arg_style(&args[SPX_STYLE], &style, out);
    if (st == ALVH_OK)
        st = alvh_spx_expiry(year, month, style, &serial);
    return alvh_result_number_if(out, st, serial);
}

/* VIX_EXPIRY(year; month) */
static alvh_status eval_vix_expiry(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    int year = 0, month = 0;
    double serial = 0.0;
    alvh_status st = arg_year_month(args, &year, &month, out);
    if (st == ALVH_OK) {
        st = alvh_vix_expiry(year, month, &serial);
        if (st != ALVH_OK)
            st = alvh_fail(out, st, "VIX_EXPIRY of %d-%02d needs the third Friday of the "
                           "following month, which is past 9999-12-31", year, month);
    }
    return alvh_result_number_if(out, st, serial);
}

static const alvh_arg_spec k_years_args[] = {
    [YRS_FROM] = {"from", "Start as a serial date-time (days since 1899-12-30, time of day as the "
                  "fraction), e.g. 45658.5 is 2025-01-01 12:00", ALVH_ARG_NUMBER, 0, 0, NULL},
    [YRS_TO] = {"to", "End as a serial date-time, e.g. an expiry from SPX_EXPIRY or VIX_EXPIRY",
                ALVH_ARG_NUMBER, 0, 0, NULL},
};
ALVH_CHECK_ARGS(k_years_args, YRS_NARGS);

static const alvh_arg_spec k_spx_args[] = {
    [YM_YEAR] = {"year", "Calendar year, a whole number 1900-9999, e.g. 2025", ALVH_ARG_NUMBER,
                 0, 0, NULL},
    [YM_MONTH] = {"month", "Expiry month, a whole number 1-12, e.g. 4 for April",
                  ALVH_ARG_NUMBER, 0, 0, NULL},
    [SPX_STYLE] = {"style", "Settlement: \"AM\" (09:30, the standard AM-settled SPX) or \"PM\" "
                   "(16:00, SPXW); any case", ALVH_ARG_TEXT, 1, 0, "AM"},
};
ALVH_CHECK_ARGS(k_spx_args, SPX_NARGS);

static const alvh_arg_spec k_vix_args[] = {
    [YM_YEAR] = {"year", "Calendar year, a whole number 1900-9999, e.g. 2025", ALVH_ARG_NUMBER,
                 0, 0, NULL},
    [YM_MONTH] = {"month", "Expiry month, a whole number 1-12, e.g. 3 for March",
                  ALVH_ARG_NUMBER, 0, 0, NULL},
};
ALVH_CHECK_ARGS(k_vix_args, YM_NARGS);

const alvh_func alvh_fn_dates[] = {
    {"ALVH_YEARS", "Dates",
     "Year fraction between two serial date-times, ACT/365: the years argument of the pricers",
     "Years (ACT/365): (to - from) / 365 days, intraday fractions included; negative when to is "
     "before from", ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_years_args), eval_years,
     "45658.5\t45764.395833333336\n"
     "45658\t46023\n"},
    {"SPX_EXPIRY", "Dates",
     "Standard monthly SPX expiry: the third Friday, moved to the previous business day on a US "
     "exchange holiday",
     "Serial date-time (days since 1899-12-30, US/Eastern) of the expiry: 09:30 for AM, 16:00 "
     "for PM; format the cell as a date-time",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_spx_args), eval_spx_expiry,
     "2025\t4\n"
     "2025\t4\tPM\n"
     "2026\t6\tam\n"},
    {"VIX_EXPIRY", "Dates",
     "VIX future/option expiry: the Wednesday 30 days before the next month's third Friday, "
     "earlier on a holiday",
     "Serial date-time (days since 1899-12-30, US/Eastern) of the settlement, 09:30; the "
     "business day before the Wednesday when that Wednesday or the Friday is a holiday",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_vix_args), eval_vix_expiry,
     "2024\t6\n"
     "2025\t3\n"
     "2026\t1\n"},
};
ALVH_DEFINE_GROUP_COUNT(dates);
