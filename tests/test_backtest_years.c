/* test_backtest_years.c: the backtest's measures per calendar year (alvh_backtest_years()),
 * defined in alvh/backtest.h and docs/backtest.md ("Per calendar year").
 *   - a five-row series over a year end, every measure derived by hand below;
 *   - one calendar year: every year measure equals the summary's (the same definitions);
 *   - several years: the years add up to the run (rows, high-VIX days, losses, hedge P&L,
 *     premium, months; returns compound). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/backtest.h"
#include "alvh/marketfile.h"
#include "alvh/policy.h"
#include "check.h"

#define UN ALVH_BOOK_UNHEDGED
#define HE ALVH_BOOK_VIX_CALLS
#define PS ALVH_BOOK_PUT_SPREAD

static void five_rows_over_a_year_end_by_hand(void)
{
    /* Capital 100. Rows: date, equity unhedged / hedged, high-VIX, notional, premium so far.
     *   2021-12-30 (44560)  102 / 101   no   1000  2
     *   2021-12-31 (44561)   99 / 103   yes  1000  2
     *   2022-01-03 (44564)   97 / 104   yes  2000  5
     *   2022-01-04 (44565)  101 / 100   yes  2000  6
     *   2022-01-05 (44566)   98 /  99   no   3000  6 */
    static const double date[5] = {44560, 44561, 44564, 44565, 44566};
    static const double eu[5] = {102, 99, 97, 101, 98}, eh[5] = {101, 103, 104, 100, 99};
    static const int high[5] = {0, 1, 1, 1, 0};
    static const double notional[5] = {1000, 1000, 2000, 2000, 3000};
    static const double premium[5] = {2, 2, 5, 6, 6};
    alvh_backtest_day days[5];
    memset(days, 0, sizeof days);
    for (int i = 0; i < 5; ++i) {
        /* The put spread's book is the unhedged one here (a book that never traded). */
        days[i].book_equity[UN] = days[i].book_equity[PS] = eu[i];
        days[i].book_equity[HE] = eh[i];
        days[i].book_hedge_pnl[HE] = eh[i] - eu[i];
        days[i].events = high[i] ? ALVH_BT_HIGH_VIX : 0;
        days[i].notional = notional[i];
        days[i].book_premium[HE] = premium[i];
    }
    alvh_backtest_data d = {.n = 5, .date = date};
    alvh_backtest_year y[2];
    size_t ny = 0;
    CHECK_STATUS(alvh_backtest_years(&d, days, 100, NULL, 0, &ny), ALVH_OK, "count");
    CHECK(ny == 2, "two years: %zu", ny);
    CHECK_STATUS(alvh_backtest_years(&d, days, 100, y, 1, &ny), ALVH_E_ARGUMENT, "room for 1");
    CHECK_STATUS(alvh_backtest_years(&d, days, 100, y, 2, &ny), ALVH_OK, "years");
    const double tol = 1e-14;
    /* 2021: opens at 100 / 100. Unhedged peak 102 (row 1), then 99: DD = 99/102 - 1 = -3/102,
     * on a high-VIX row, losing 102 - 99 = 3. Hedged: 101, 103, new peaks, DD 0, no loss
     * (103 > 101). Reduction 1 - 0 / (-3/102) = 1; loss reduction 1 - 0/3 = 1. Hedge P&L
     * (103 - 99) - 0 = 4; premium 2; notional 1000; months 12 x 1/365. */
    const alvh_backtest_year *a = &y[0];
    CHECK(a->year == 2021 && a->rows == 2 && a->high_vix_days == 1, "2021: %g rows", a->rows);
    CHECK_CLOSE(a->months, 12.0 / 365.0, 0, tol, "2021 months");
    CHECK_CLOSE(a->total_return[UN], -0.01, 0, tol, "2021 return u");
    CHECK_CLOSE(a->total_return[HE], 0.03, 0, tol, "2021 return h");
    CHECK_CLOSE(a->max_drawdown[UN], -3.0 / 102.0, 0, tol, "2021 mdd u");
    CHECK(a->max_drawdown[HE] == 0, "2021 mdd h %g", a->max_drawdown[HE]);
    CHECK_CLOSE(a->high_vix_drawdown[UN], -3.0 / 102.0, 0, tol, "2021 hvd u");
    CHECK(a->high_vix_drawdown[HE] == 0 && a->high_vix_reduction == 1, "2021 hvd h, reduction");
    CHECK(a->high_vix_loss[UN] == 3 && a->high_vix_loss[HE] == 0 &&
              a->high_vix_loss_reduction == 1,
          "2021 losses");
    CHECK(a->hedge_pnl == 4 && a->hedge_premium == 2 && a->average_notional == 1000,
          "2021 hedge");
    CHECK_CLOSE(a->hedge_premium_month, 2.0 * 365.0 / 12.0 / 1000.0, 0, tol, "2021 premium/m");
    CHECK_CLOSE(a->hedge_cost_month, -4.0 * 365.0 / 12.0 / 1000.0, 0, tol, "2021 cost/m");
    /* 2022: opens at 99 / 103 (2021's last close), the year's peaks start there.
     *   01-03: u 97, peak 99, DD -2/99 (high, loss 99 - 97 = 2); h 104, new peak, DD 0 (high,
     *          no loss: 104 > 103).
     *   01-04: u 101, new peak, DD 0 (high, no loss); h 100, peak 104, DD -4/104 (high, loss 4).
     *   01-05: u 98, DD 98/101 - 1 = -3/101; h 99, DD -5/104 (not high).
     * hvd u -2/99, h -4/104: reduction 1 - (4/104)/(2/99) = 1 - 396/208; losses 2 and 4:
     * reduction 1 - 4/2 = -1. Returns 98/99 - 1, 99/103 - 1. Hedge P&L (99 - 98) - 4 = -3;
     * premium 6 - 2 = 4; notional (2000 + 2000 + 3000)/3; months 12 x (44566 - 44561)/365. */
    const alvh_backtest_year *b = &y[1];
    const double months = 12.0 * 5.0 / 365.0, avg = 7000.0 / 3.0;
    CHECK(b->year == 2022 && b->rows == 3 && b->high_vix_days == 2, "2022: %g rows", b->rows);
    CHECK_CLOSE(b->months, months, 0, tol, "2022 months");
    CHECK_CLOSE(b->total_return[UN], 98.0 / 99.0 - 1.0, 0, tol, "2022 return u");
    CHECK_CLOSE(b->total_return[HE], 99.0 / 103.0 - 1.0, 0, tol, "2022 return h");
    CHECK_CLOSE(b->max_drawdown[UN], -3.0 / 101.0, 0, tol, "2022 mdd u");
    CHECK_CLOSE(b->max_drawdown[HE], -5.0 / 104.0, 0, tol, "2022 mdd h");
    CHECK_CLOSE(b->high_vix_drawdown[UN], -2.0 / 99.0, 0, tol, "2022 hvd u");
    CHECK_CLOSE(b->high_vix_drawdown[HE], -4.0 / 104.0, 0, tol, "2022 hvd h");
    CHECK_CLOSE(b->high_vix_reduction, 1.0 - 396.0 / 208.0, 0, 1e-14, "2022 reduction");
    CHECK(b->high_vix_loss[UN] == 2 && b->high_vix_loss[HE] == 4 &&
              b->high_vix_loss_reduction == -1,
          "2022 losses");
    CHECK(b->hedge_pnl == -3 && b->hedge_premium == 4, "2022 hedge P&L, premium");
    CHECK_CLOSE(b->average_notional, avg, 0, tol, "2022 notional");
    CHECK_CLOSE(b->hedge_premium_month, 4.0 / months / avg, 0, 1e-14, "2022 premium/m");
    CHECK_CLOSE(b->hedge_cost_month, 3.0 / months / avg, 0, 1e-14, "2022 cost/m");
    /* The put spread's book equals the unhedged one: its measures are the unhedged book's,
     * its reduction 1 - hvd_u / hvd_u = 0, its hedge P&L, premium and cost 0. */
    for (int i = 0; i < 2; ++i) {
        const alvh_backtest_year *t = &y[i];
        CHECK(t->total_return[PS] == t->total_return[UN] &&
                  t->max_drawdown[PS] == t->max_drawdown[UN] &&
                  t->high_vix_loss[PS] == t->high_vix_loss[UN],
              "year %d: put book = unhedged", i);
        CHECK(t->book_high_vix_reduction[PS] == 0 && t->book_high_vix_loss_reduction[PS] == 0 &&
                  t->book_hedge_pnl[PS] == 0 && t->book_hedge_premium[PS] == 0 &&
                  t->book_hedge_cost_month[PS] == 0,
              "year %d: put book's hedge measures", i);
    }
    /* Without a high-VIX row the high-VIX measures are undefined; one row: no months. */
    days[0].events = 0;
    alvh_backtest_data one = {.n = 1, .date = date};
    CHECK_STATUS(alvh_backtest_years(&one, days, 100, y, 2, &ny), ALVH_OK, "one row");
    CHECK(ny == 1 && isnan(y[0].high_vix_drawdown[UN]) && isnan(y[0].high_vix_reduction) &&
              isnan(y[0].high_vix_loss_reduction) && isnan(y[0].hedge_premium_month) &&
              y[0].high_vix_days == 0,
          "undefined measures are NAN");
}

/* Runs the default policy on a file in the market format, its dates moved by shift days. */
static int run_file(const char *path, double shift, alvh_market_series *s,
                    alvh_backtest_day **days, alvh_backtest_summary *sum, alvh_policy *p)
{
    alvh_marketfile_error fe;
    char err[512];
    memset(s, 0, sizeof *s);
    alvh_policy_default(p);
    if (alvh_marketfile_read(path, s, &fe) != ALVH_OK) {
        CHECK(0, "%s: %s", path, fe.text);
        return -1;
    }
    for (size_t i = 0; i < s->n; ++i)
        s->date[i] += shift;
    *days = malloc(s->n * sizeof **days);
    alvh_backtest_data d = alvh_market_series_data(s);
    alvh_status st = alvh_backtest_run(&d, p, 2, *days, sum, err, sizeof err);
    CHECK_STATUS(st, ALVH_OK, err);
    return st == ALVH_OK ? 0 : -1;
}

/* Equal, NAN included. */
static int same(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

static void one_calendar_year_equals_the_summary(void)
{
    /* crash2020, 80 rows: all in 2020, with high-VIX rows. */
    alvh_market_series s;
    alvh_backtest_day *days = NULL;
    alvh_backtest_summary sum;
    alvh_policy p;
    if (run_file(ALVH_TEST_DATA "/market_crash2020_80.csv", 0, &s, &days, &sum, &p) == 0) {
        alvh_backtest_data d = alvh_market_series_data(&s);
        alvh_backtest_year y;
        size_t ny = 0;
        CHECK_STATUS(alvh_backtest_years(&d, days, p.backtest.capital, &y, 1, &ny), ALVH_OK,
                     "years");
        CHECK(ny == 1 && y.year == 2020 && y.rows == sum.rows, "one year");
        CHECK(sum.high_vix_days > 0, "the data has high-VIX rows");
        /* Same definitions, same order of operations: equal to the last bit. */
        CHECK(y.months == sum.years * 12.0, "months %.17g", y.months);
        for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
            CHECK(y.total_return[k] == sum.total_return[k], "return %d", k);
            CHECK(y.max_drawdown[k] == sum.max_drawdown[k], "max drawdown %d", k);
            CHECK(y.high_vix_drawdown[k] == sum.high_vix_drawdown[k], "hvd %d", k);
            CHECK(y.high_vix_loss[k] == sum.high_vix_loss[k], "hv loss %d", k);
        }
        CHECK(y.high_vix_days == sum.high_vix_days && y.high_vix_reduction == sum.high_vix_reduction &&
                  y.high_vix_loss_reduction == sum.high_vix_loss_reduction,
              "high-VIX days and reductions");
        CHECK(y.hedge_pnl == sum.hedge_pnl && y.hedge_premium == sum.hedge_premium &&
                  y.average_notional == sum.average_notional,
              "hedge P&L, premium, notional");
        CHECK(y.hedge_premium_month == sum.hedge_premium_month &&
                  y.hedge_cost_month == sum.hedge_cost_month,
              "premium and cost per month");
        for (int k = 0; k < ALVH_BACKTEST_BOOKS; ++k) {
            CHECK(same(y.book_high_vix_reduction[k], sum.book_high_vix_reduction[k]) &&
                      same(y.book_high_vix_loss_reduction[k],
                           sum.book_high_vix_loss_reduction[k]),
                  "book %d: reductions", k);
            CHECK(y.book_hedge_pnl[k] == sum.book_hedge_pnl[k] &&
                      y.book_hedge_premium[k] == sum.book_hedge_premium[k],
                  "book %d: hedge P&L and premium", k);
            CHECK(same(y.book_hedge_premium_month[k], sum.book_hedge_premium_month[k]) &&
                      same(y.book_hedge_cost_month[k], sum.book_hedge_cost_month[k]),
                  "book %d: premium and cost per month", k);
        }
    }
    free(days);
    alvh_market_series_free(&s);
}

static void years_add_up_to_the_run(void)
{
    /* crash2020, 80 weekday rows from 2020-01-02, moved back seven weeks (weekdays stay
     * weekdays): 2019-11-14 to early March 2020, two calendar years. */
    alvh_market_series s;
    alvh_backtest_day *days = NULL;
    alvh_backtest_summary sum;
    alvh_policy p;
    if (run_file(ALVH_TEST_DATA "/market_crash2020_80.csv", -49, &s, &days, &sum, &p) == 0) {
        alvh_backtest_data d = alvh_market_series_data(&s);
        alvh_backtest_year y[3];
        size_t ny = 0;
        CHECK_STATUS(alvh_backtest_years(&d, days, p.backtest.capital, y, 3, &ny), ALVH_OK,
                     "years");
        CHECK(ny == 2 && y[0].year == 2019 && y[1].year == 2020, "2019 and 2020: %zu", ny);
        double rows = 0, hv = 0, loss[2] = {0, 0}, pnl = 0, prem = 0, months = 0;
        double growth[2] = {1, 1};
        for (size_t i = 0; i < ny && i < 3; ++i) {
            rows += y[i].rows;
            hv += y[i].high_vix_days;
            pnl += y[i].hedge_pnl;
            prem += y[i].hedge_premium;
            months += y[i].months;
            for (int k = 0; k < 2; ++k) {
                loss[k] += y[i].high_vix_loss[k];
                growth[k] *= 1.0 + y[i].total_return[k];
                /* A year's peak is never above the run's: its drawdowns are never deeper. */
                CHECK(y[i].max_drawdown[k] >= sum.max_drawdown[k], "year %zu mdd %d", i, k);
            }
        }
        CHECK(rows == sum.rows && hv == sum.high_vix_days && hv > 0, "rows and high-VIX days");
        CHECK_CLOSE(months, sum.years * 12.0, 0, 1e-12, "months add up");
        CHECK_CLOSE(pnl, sum.hedge_pnl, 1e-6, 1e-12, "hedge P&L adds up");
        CHECK_CLOSE(prem, sum.hedge_premium, 1e-6, 1e-12, "premium adds up");
        for (int k = 0; k < 2; ++k) {
            CHECK_CLOSE(loss[k], sum.high_vix_loss[k], 1e-6, 1e-12, "high-VIX losses add up");
            CHECK_CLOSE(growth[k], 1.0 + sum.total_return[k], 0, 1e-12, "returns compound");
        }
    }
    free(days);
    alvh_market_series_free(&s);
}

int main(void)
{
    five_rows_over_a_year_end_by_hand();
    one_calendar_year_equals_the_summary();
    years_add_up_to_the_run();
    return check_summary("test_backtest_years");
}
