/* market_data.h: a synthetic market (alvh/market.h) as backtest data, for the backtest's C
 * tests (test_backtest.c, test_backtest_books.c). Include it after check.h. Header-only (static)
 * because check.h's counters are per test executable. */
#ifndef ALVH_TESTS_MARKET_DATA_H
#define ALVH_TESTS_MARKET_DATA_H

#include <stdlib.h>
#include <string.h>

#include "alvh/backtest.h"
#include "alvh/market.h"
#include "check.h"

/* A synthetic market as backtest data (arrays owned by the struct below). */
typedef struct {
    alvh_market_row *rows;
    double *date, *spx, *vix, *fut, *adv, *dec;
    alvh_backtest_data d;
} market_data;

static inline market_data make_market(const char *preset, size_t days)
{
    market_data m;
    memset(&m, 0, sizeof m);
    alvh_market_params p;
    alvh_market_preset(preset, &p);
    if (days)
        p.days = days;
    size_t n = p.days;
    m.rows = malloc(n * sizeof *m.rows);
    m.date = malloc(n * sizeof(double));
    m.spx = malloc(n * sizeof(double));
    m.vix = malloc(n * sizeof(double));
    m.adv = malloc(n * sizeof(double));
    m.dec = malloc(n * sizeof(double));
    m.fut = malloc(n * ALVH_MARKET_FUTURES * sizeof(double));
    CHECK(alvh_market_generate(&p, m.rows) == ALVH_OK, "generate %s", preset);
    for (size_t i = 0; i < n; ++i) {
        m.date[i] = m.rows[i].date;
        m.spx[i] = m.rows[i].spx;
        m.vix[i] = m.rows[i].vix;
        m.adv[i] = m.rows[i].advancers;
        m.dec[i] = m.rows[i].decliners;
        for (size_t k = 0; k < ALVH_MARKET_FUTURES; ++k)
            m.fut[i * ALVH_MARKET_FUTURES + k] = m.rows[i].futures[k];
    }
    m.d = (alvh_backtest_data){.n = n, .date = m.date, .spx = m.spx, .vix = m.vix,
                               .nfut = ALVH_MARKET_FUTURES, .fut_days = alvh_market_future_days,
                               .fut = m.fut, .advancers = m.adv, .decliners = m.dec};
    return m;
}

static inline void free_market(market_data *m)
{
    free(m->rows);
    free(m->date);
    free(m->spx);
    free(m->vix);
    free(m->fut);
    free(m->adv);
    free(m->dec);
}

#endif
