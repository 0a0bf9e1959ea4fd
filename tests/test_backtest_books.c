/* test_backtest_books.c: the backtest's three books (alvh/backtest.h, alvh_backtest_book): the
 * put spread's book, which books trade (hedge_kind, backtest.compare_hedges), and the summary
 * side by side (alvh_backtest_rows) against the flat measures.
 *
 * Expected values: separate runs of the engine with one hedge forced alone (a book's numbers
 * must not depend on the other books: bit for bit); the accounting identities recomputed from
 * the daily rows; the put spread's first trade repriced with the put spread engine
 * (alvh_put_spread_value, checked against mpmath in test_putspread.c); the naming rule of the
 * flat measures written out here from docs/backtest.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "alvh/backtest.h"
#include "alvh/putspread.h"
#include "check.h"
#include "market_data.h"

static const char *const k_presets[3] = {"calm", "bear2022", "crash2020"};
enum { U = ALVH_BOOK_UNHEDGED, V = ALVH_BOOK_VIX_CALLS, P = ALVH_BOOK_PUT_SPREAD };

typedef struct {
    alvh_backtest_day *days;
    alvh_backtest_summary s;
} run_out;

static run_out run(const market_data *m, const char *json)
{
    run_out r;
    memset(&r, 0, sizeof r);
    alvh_policy p;
    char err[256];
    CHECK_STATUS(alvh_policy_parse(json, &p, err, sizeof err), ALVH_OK, err);
    r.days = malloc(m->d.n * sizeof *r.days);
    alvh_status st = alvh_backtest_run(&m->d, &p, 2, r.days, &r.s, err, sizeof err);
    CHECK_STATUS(st, ALVH_OK, err);
    return r;
}

/* Equal, or both NAN (an undefined measure). */
static int same_value(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

/* Book b of run x and book c of run y: every row's values and the summary's, bit for bit. */
static int same_book(const run_out *x, int b, const run_out *y, int c, size_t n)
{
    int same = 1;
    for (size_t i = 0; i < n; ++i) {
        const alvh_backtest_day *a = &x->days[i], *d = &y->days[i];
        same &= a->book_equity[b] == d->book_equity[c] && a->book_cash[b] == d->book_cash[c] &&
                a->book_drawdown[b] == d->book_drawdown[c] &&
                a->book_hedge_mark[b] == d->book_hedge_mark[c] &&
                a->book_premium[b] == d->book_premium[c];
    }
    const alvh_backtest_summary *s = &x->s, *t = &y->s;
    same &= s->total_return[b] == t->total_return[c] && s->max_drawdown[b] == t->max_drawdown[c] &&
            s->high_vix_loss[b] == t->high_vix_loss[c] && s->costs[b] == t->costs[c] &&
            same_value(s->high_vix_drawdown[b], t->high_vix_drawdown[c]) &&
            same_value(s->worst_day[b], t->worst_day[c]) &&
            same_value(s->book_spike_ratio[b], t->book_spike_ratio[c]) &&
            s->book_hedge_pnl[b] == t->book_hedge_pnl[c] &&
            s->book_hedge_premium[b] == t->book_hedge_premium[c];
    return same;
}

/* The test: the three books of one run agree with three separate runs, each with one
 * hedge alone; a book whose hedge does not trade is the unhedged book; hedge_kind "none" makes
 * both hedged books the unhedged one. */
static void three_books_agree_with_separate_runs(void)
{
    for (int k = 0; k < 3; ++k) {
        market_data m = make_market(k_presets[k], 0);
        size_t n = m.d.n;
        run_out all = run(&m, "");
        run_out vix = run(&m, "{\"backtest\": {\"compare_hedges\": false}}");
        run_out put = run(&m, "{\"hedge_kind\": \"spx_put_spread\", \"backtest\": "
                              "{\"compare_hedges\": false}}");
        run_out none = run(&m, "{\"hedge_kind\": \"none\"}");
        const char *name = k_presets[k];
        CHECK(same_book(&all, V, &vix, V, n), "%s: the VIX book alone", name);
        CHECK(same_book(&all, P, &put, P, n), "%s: the put spread book alone", name);
        CHECK(same_book(&all, U, &none, U, n) && same_book(&all, U, &vix, U, n) &&
                  same_book(&all, U, &put, U, n), "%s: the unhedged book in every run", name);
        CHECK(same_book(&vix, P, &vix, U, n) && same_book(&put, V, &put, U, n),
              "%s: a book whose hedge does not trade is the unhedged book", name);
        CHECK(same_book(&none, V, &none, U, n) && same_book(&none, P, &none, U, n),
              "%s: none: both hedged books are the unhedged one", name);
        CHECK(none.s.book_hedge_premium[V] == 0 && none.s.book_hedge_premium[P] == 0 &&
                  none.s.hedge_pnl == 0 && none.s.book_hedge_pnl[P] == 0,
              "%s: none pays no premium", name);
        /* The legacy columns are the VIX book's. */
        int legacy = 1;
        for (size_t i = 0; i < n; ++i)
            legacy &= all.days[i].equity_hedged == all.days[i].book_equity[V] &&
                      all.days[i].equity_unhedged == all.days[i].book_equity[U] &&
                      all.days[i].hedge_mark == all.days[i].book_hedge_mark[V] &&
                      all.days[i].cash_hedged == all.days[i].book_cash[V];
        CHECK(legacy && all.s.hedge_pnl == all.s.book_hedge_pnl[V] &&
                  same_value(all.s.spike_ratio_hedge, all.s.book_spike_ratio[V]) &&
                  same_value(all.s.high_vix_reduction, all.s.book_high_vix_reduction[V]) &&
                  all.s.hedge_cost_month == all.s.book_hedge_cost_month[V],
              "%s: the named fields are the VIX book's entries", name);
        CHECK(all.s.book_hedge_premium[P] > 0, "%s: the put spread was bought", name);
        free(all.days);
        free(vix.days);
        free(put.days);
        free(none.days);
        free_market(&m);
    }
}

/* The put spread's book: the identities of docs/backtest.md on every row, its positions, and
 * its first trade repriced with the put spread engine. */
static void the_put_spread_book_keeps_its_accounts(void)
{
    for (int k = 0; k < 3; ++k) {
        market_data m = make_market(k_presets[k], 0);
        alvh_policy p;
        alvh_policy_default(&p);
        run_out r = run(&m, "");
        const double tol = 1e-9 * p.backtest.capital;
        int bad = 0, trades = 0, bad_trade = 0;
        double peak = p.backtest.capital, sum_day = 0, last_trade = -1;
        for (size_t i = 0; i < m.d.n; ++i) {
            const alvh_backtest_day *d = &r.days[i];
            bad += fabs(d->book_equity[P] - (d->book_cash[P] + d->condor_mark +
                                             d->book_hedge_mark[P])) > tol;
            bad += fabs(d->book_hedge_pnl[P] - (d->book_equity[P] - d->equity_unhedged)) > tol;
            peak = fmax(peak, d->book_equity[P]);
            bad += d->book_drawdown[P] != d->book_equity[P] / peak - 1.0;
            bad += d->book_hedge_mark[P] < 0 || d->put_contracts != floor(d->put_contracts);
            bad += d->put_contracts > 0 &&
                   !(d->put_long_strike > d->put_short_strike &&
                     fmod(d->put_long_strike, 5) == 0 && fmod(d->put_short_strike, 5) == 0);
            sum_day += d->book_hedge_day_pnl[P];
            if (d->put_events & ALVH_BT_PUT_TRADE) {
                ++trades;
                /* Rolled 21 days before a 60-day expiry: 39-44 days apart (weekends, holidays). */
                double gap = m.d.date[i] - last_trade;
                bad_trade += last_trade >= 0 && !(gap >= 39 && gap <= 44);
                last_trade = m.d.date[i];
            }
        }
        CHECK(bad == 0, "%s: the put spread book's identities (%d bad)", k_presets[k], bad);
        CHECK(bad_trade == 0 && trades >= 6, "%s: %d trades, %d off the roll rule", k_presets[k],
              trades, bad_trade);
        CHECK(fabs(sum_day - r.s.book_hedge_pnl[P]) < tol, "%s: daily hedge P&L sums to the "
              "book's hedge P&L", k_presets[k]);
        /* Row 0: bought at the close at the engine's price, two SPX options a spread in fees. */
        const alvh_backtest_day *d0 = &r.days[0];
        alvh_scenario_market mk = {m.d.spx[0], m.d.vix[0], p.rate, p.backtest.div_yield};
        double strikes[2] = {d0->put_long_strike, d0->put_short_strike}, px = 0;
        double years = (d0->put_expiry - (m.d.date[0] + 16.0 / 24.0)) / 365.0;
        CHECK_STATUS(alvh_put_spread_value(strikes, years, &mk, &p, &px), ALVH_OK, "price");
        double fee = 2 * d0->put_contracts * p.backtest.cost_spx;
        CHECK(d0->put_contracts > 0 &&
                  fabs(d0->book_premium[P] - (px * 100 * d0->put_contracts + fee)) <
                      1e-9 * px * 100,
              "%s: first premium %g, want %g", k_presets[k], d0->book_premium[P],
              px * 100 * d0->put_contracts + fee);
        CHECK(fabs(d0->book_hedge_day_pnl[P] + fee) < 1e-6, "%s: the first day costs the fee",
              k_presets[k]);
        free(r.days);
        free_market(&m);
    }
}

/* The flat measures (ALVH_BACKTEST_SUMMARY) are the cells of the side-by-side rows' unhedged
 * and VIX columns, with the names docs/backtest.md gives them: a run measure its row's name;
 * the unhedged book's + "_unhedged", the VIX book's + "_hedged" when the row has an unhedged
 * cell and bare when it has not; every such cell is one flat measure, in row order. */
static void flat_measures_are_the_side_by_side_cells(void)
{
    size_t nm = 0, nr = 0;
    const alvh_backtest_measure *m = alvh_backtest_measures(&nm);
    const alvh_backtest_row *rows = alvh_backtest_rows(&nr);
    size_t cells = 0, found = 0;
    for (size_t r = 0; r < nr; ++r) {
        const size_t *o = rows[r].offset;
        int run_measure = o[U] == o[V] && o[V] == o[P];
        CHECK(o[P] != ALVH_BACKTEST_NONE || o[V] == ALVH_BACKTEST_NONE ||
                  strcmp(rows[r].name, "spike_ratio_front") == 0,
              "%s: a hedge measure has a put spread cell", rows[r].name);
        for (int b = U; b <= V; ++b) {
            if (o[b] == ALVH_BACKTEST_NONE || (run_measure && b > 0))
                continue;
            char want[96];
            const char *suffix = run_measure                  ? ""
                                 : b == U                     ? "_unhedged"
                                 : o[U] != ALVH_BACKTEST_NONE ? "_hedged"
                                                              : "";
            snprintf(want, sizeof want, "%s%s", rows[r].name, suffix);
            int hit = cells < nm && strcmp(m[cells].name, want) == 0 && m[cells].offset == o[b];
            CHECK(hit, "measure %zu is %s, reading the same field", cells, want);
            ++cells;
            if (hit)
                ++found;
        }
    }
    CHECK(cells == nm && found == nm, "%zu cells, %zu measures", cells, nm);
    CHECK(strcmp(alvh_backtest_book_name(ALVH_BOOK_PUT_SPREAD), "put_spread") == 0 &&
              strcmp(alvh_backtest_book_name(ALVH_BACKTEST_BOOKS), "") == 0,
          "book names");
    alvh_backtest_summary s;
    memset(&s, 0, sizeof s);
    s.book_spike_ratio[P] = 2.5;
    for (size_t r = 0; r < nr; ++r)
        if (strcmp(rows[r].name, "spike_ratio_hedge") == 0)
            CHECK(alvh_backtest_row_value(&s, &rows[r], ALVH_BOOK_PUT_SPREAD) == 2.5 &&
                      isnan(alvh_backtest_row_value(&s, &rows[r], ALVH_BOOK_UNHEDGED)),
                  "a cell reads its field; no measure of a book is NAN");
}

/* ALVH_BACKTEST_COMPARE: name, then the three books, as the engine's summary. */
static void the_compare_function_lays_out_the_rows(void)
{
    double dates[5] = {45299, 45300, 45301, 45302, 45303};
    double spx[5] = {4700, 4600, 4450, 4500, 4520}, vix[5] = {14, 19, 31.5, 27, 24};
    alvh_value cd[5], cs[5], cv[5];
    for (int i = 0; i < 5; ++i) {
        cd[i] = (alvh_value){.kind = ALVH_NUMBER, .number = dates[i]};
        cs[i] = (alvh_value){.kind = ALVH_NUMBER, .number = spx[i]};
        cv[i] = (alvh_value){.kind = ALVH_NUMBER, .number = vix[i]};
    }
    alvh_value args[3] = {{.kind = ALVH_RANGE, .rows = 5, .cols = 1, .cells = cd},
                          {.kind = ALVH_RANGE, .rows = 5, .cols = 1, .cells = cs},
                          {.kind = ALVH_RANGE, .rows = 5, .cols = 1, .cells = cv}};
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(alvh_call_by_name("ALVH_BACKTEST_COMPARE", args, 3, &r), ALVH_OK, r.message);
    alvh_backtest_data d = {.n = 5, .date = dates, .spx = spx, .vix = vix};
    alvh_backtest_day days[5];
    alvh_backtest_summary s;
    alvh_policy p;
    alvh_policy_default(&p);
    char err[256];
    CHECK_STATUS(alvh_backtest_run(&d, &p, 1, days, &s, err, sizeof err), ALVH_OK, err);
    size_t nr = 0;
    const alvh_backtest_row *rows = alvh_backtest_rows(&nr);
    if (r.status == ALVH_OK && r.rows == nr && r.cols == 4) {
        int bad = 0;
        for (size_t k = 0; k < nr; ++k) {
            bad += r.cells[k * 4].kind != ALVH_TEXT || strcmp(r.cells[k * 4].text, rows[k].name);
            for (int b = 0; b < 3; ++b) {
                double want = alvh_backtest_row_value(&s, &rows[k], (alvh_backtest_book)b);
                const alvh_value *c = &r.cells[k * 4 + 1 + (size_t)b];
                bad += isfinite(want) ? c->kind != ALVH_NUMBER || c->number != want
                                      : c->kind != ALVH_EMPTY;
            }
        }
        CHECK(bad == 0, "%d cells differ from the engine's summary", bad);
    } else {
        CHECK(0, "%zu x 4, got %zu x %zu: %s", nr, r.rows, r.cols, r.message);
    }
    alvh_result_free(&r);
}

/* A roll on which one spread costs nothing to carry (a 100% rate: the puts gain value as time
 * passes, ALVH_PUT_SPREAD's NO_CARRY) buys no spread; the run goes on. */
static void a_spread_without_carry_is_not_bought(void)
{
    market_data m = make_market("calm", 60);
    run_out r = run(&m, "{\"rate\": 1}");
    int trades = 0, held = 0;
    for (size_t i = 0; i < m.d.n; ++i) {
        trades += (r.days[i].put_events & ALVH_BT_PUT_TRADE) != 0;
        held += r.days[i].put_contracts != 0;
    }
    CHECK(trades >= 1 && held == 0 && r.s.book_hedge_premium[P] == 0,
          "%d rolls, %d rows holding spreads", trades, held);
    free(r.days);
    free_market(&m);
}

int main(void)
{
    three_books_agree_with_separate_runs();
    the_put_spread_book_keeps_its_accounts();
    flat_measures_are_the_side_by_side_cells();
    the_compare_function_lays_out_the_rows();
    a_spread_without_carry_is_not_bought();
    return check_summary("test_backtest_books");
}
