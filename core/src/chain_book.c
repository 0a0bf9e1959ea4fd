/* chain_book.c: a whole chain (alvh/chain.h): rows grouped by expiry and root, settlement times,
 * look-ups, and the per-expiry summary (parity, carry, at-the-money vol). The CBOE reader
 * (chain_csv.c) and the spreadsheet adapters both build chains here. */
#include "alvh/chain.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/dates.h"
#include "base.h"
#include "marketfile_csv.h"

/* The double columns of a chain, in the one block they share (strike first). */
enum { SIDE_COLS = 9, CHAIN_COLS = 1 + 2 * SIDE_COLS };

void alvh_chain_settlement(const char *root, int *am, int *on_future)
{
    static const char *const am_roots[] = {"SPX", "VIX", "VIXW", "NDX", "RUT"};
    *am = 0;
    for (size_t i = 0; i < sizeof am_roots / sizeof am_roots[0]; ++i)
        if (alvh_strieq(root, am_roots[i]))
            *am = 1;
    *on_future = alvh_strieq(root, "VIX") || alvh_strieq(root, "VIXW");
}

alvh_status alvh_chain_years(const char *root, double expiry, double quote_time, double *years)
{
    int am, on_future;
    alvh_chain_settlement(root, &am, &on_future);
    if (!isfinite(expiry))
        return ALVH_E_DATE;
    return alvh_years_between(quote_time, floor(expiry) + (am ? ALVH_TIME_AM : ALVH_TIME_PM),
                              years);
}

void alvh_chain_free(alvh_chain *chain)
{
    if (!chain)
        return;
    free(chain->strike); /* the block of every double column */
    free(chain->line);
    free(chain->groups);
    memset(chain, 0, sizeof *chain);
}

/* ---- building -------------------------------------------------------------------------------- */

/* Row order: expiry date, root (bytes), strike. qsort has no context argument, so the rows
 * are sorted as (key, index) records. */
typedef struct row_key {
    double expiry, strike;
    const char *root;
    size_t index;
} row_key;

static int cmp_row(const void *a, const void *b)
{
    const row_key *x = a, *y = b;
    if (x->expiry != y->expiry)
        return (x->expiry > y->expiry) - (x->expiry < y->expiry);
    int c = strcmp(x->root, y->root);
    if (c != 0)
        return c;
    if (x->strike != y->strike)
        return (x->strike > y->strike) - (x->strike < y->strike);
    return (x->index > y->index) - (x->index < y->index);
}

static double opt(const double *col, size_t i)
{
    return col ? col[i] : 0.0;
}

static size_t line_of(const alvh_chain_input *in, size_t i)
{
    return in->line ? in->line[i] : 0;
}

static alvh_status build_fail(alvh_marketfile_error *err, alvh_status st,
                              const alvh_chain_input *in, size_t i, const char *what)
{
    size_t line = line_of(in, i);
    if (line)
        return alvh_csv_fail(err, st, line, 0, "line %zu: %s", line, what);
    return alvh_csv_fail(err, st, 0, 0, "row %zu: %s", i + 1, what);
}

/* Checks row i's values; fills its sort key. */
static alvh_status check_row(const alvh_chain_input *in, size_t i, row_key *key,
                             alvh_marketfile_error *err)
{
    const char *root = in->root && in->root[i] ? in->root[i] : "";
    int y, m, d;
    if (alvh_ymd_from_serial(in->expiry[i], &y, &m, &d) != ALVH_OK)
        return build_fail(err, ALVH_E_DATE, in, i, "the expiration date is out of range");
    if (strlen(root) >= ALVH_CHAIN_ROOT_SIZE)
        return build_fail(err, ALVH_E_CHAIN_VALUE, in, i, "the option root is longer than 7 "
                                                           "characters");
    if (!alvh_positive_finite(in->strike[i]))
        return build_fail(err, ALVH_E_CHAIN_VALUE, in, i, "the strike must be positive");
    const double *cols[] = {in->call_bid, in->call_ask, in->put_bid, in->put_ask,
                            in->call_last, in->call_net, in->call_volume, in->call_iv,
                            in->call_delta, in->call_gamma, in->call_open_interest,
                            in->put_last, in->put_net, in->put_volume, in->put_iv,
                            in->put_delta, in->put_gamma, in->put_open_interest};
    for (size_t c = 0; c < sizeof cols / sizeof cols[0]; ++c)
        if (!isfinite(opt(cols[c], i)))
            return build_fail(err, ALVH_E_CHAIN_VALUE, in, i, "a value is not a finite number");
    key->expiry = floor(in->expiry[i]);
    key->strike = in->strike[i];
    key->root = root;
    key->index = i;
    return ALVH_OK;
}

/* The columns of row k from input row i. */
static void copy_row(alvh_chain *c, size_t k, const alvh_chain_input *in, size_t i)
{
    c->strike[k] = in->strike[i];
    c->line[k] = line_of(in, i);
    const double *src[2][SIDE_COLS] = {
        {in->call_last, in->call_net, in->call_bid, in->call_ask, in->call_volume, in->call_iv,
         in->call_delta, in->call_gamma, in->call_open_interest},
        {in->put_last, in->put_net, in->put_bid, in->put_ask, in->put_volume, in->put_iv,
         in->put_delta, in->put_gamma, in->put_open_interest}};
    alvh_chain_side *side[2] = {&c->call, &c->put};
    for (int s = 0; s < 2; ++s) {
        double *dst[SIDE_COLS] = {side[s]->last, side[s]->net, side[s]->bid, side[s]->ask,
                                  side[s]->volume, side[s]->iv, side[s]->delta, side[s]->gamma,
                                  side[s]->open_interest};
        for (int j = 0; j < SIDE_COLS; ++j)
            dst[j][k] = opt(src[s][j], i);
    }
}

static alvh_status alloc_columns(alvh_chain *c, size_t n)
{
    double *block = calloc(n * CHAIN_COLS, sizeof *block);
    c->line = calloc(n, sizeof *c->line);
    c->groups = calloc(n, sizeof *c->groups); /* at most one group per row */
    if (!block || !c->line || !c->groups) {
        free(block);
        return ALVH_E_NO_MEMORY;
    }
    c->strike = block;
    double **cols[] = {&c->call.last, &c->call.net, &c->call.bid, &c->call.ask,
                       &c->call.volume, &c->call.iv, &c->call.delta, &c->call.gamma,
                       &c->call.open_interest, &c->put.last, &c->put.net, &c->put.bid,
                       &c->put.ask, &c->put.volume, &c->put.iv, &c->put.delta, &c->put.gamma,
                       &c->put.open_interest};
    for (size_t j = 0; j < sizeof cols / sizeof cols[0]; ++j)
        *cols[j] = block + (j + 1) * n;
    c->nrows = n;
    return ALVH_OK;
}

/* Groups of the sorted rows, with their settlement and years. */
static alvh_status make_groups(alvh_chain *c, const row_key *keys, alvh_marketfile_error *err,
                               const alvh_chain_input *in)
{
    for (size_t k = 0; k < c->nrows; ++k) {
        if (k > 0 && keys[k].expiry == keys[k - 1].expiry &&
            strcmp(keys[k].root, keys[k - 1].root) == 0) {
            if (keys[k].strike == keys[k - 1].strike) {
                char what[160];
                snprintf(what, sizeof what, "strike %.15g of %s is listed twice for that expiry%s",
                         keys[k].strike, keys[k].root[0] ? keys[k].root : "the chain",
                         line_of(in, keys[k - 1].index) ? " (also on an earlier line)" : "");
                return build_fail(err, ALVH_E_CHAIN_FORMAT, in, keys[k].index, what);
            }
            c->groups[c->ngroups - 1].count++;
            continue;
        }
        alvh_chain_group *g = &c->groups[c->ngroups++];
        snprintf(g->root, sizeof g->root, "%s", keys[k].root);
        g->expiry = keys[k].expiry;
        alvh_chain_settlement(g->root, &g->am, &g->on_future);
        g->settlement = g->expiry + (g->am ? ALVH_TIME_AM : ALVH_TIME_PM);
        alvh_status st = alvh_chain_years(g->root, g->expiry, c->quote_time, &g->years);
        if (st != ALVH_OK)
            return build_fail(err, st, in, keys[k].index, "the expiry is out of range");
        g->first = k;
        g->count = 1;
    }
    return ALVH_OK;
}

alvh_status alvh_chain_build(const alvh_chain_input *in, double quote_time, double last,
                             const char *underlying, alvh_chain *chain,
                             alvh_marketfile_error *err)
{
    memset(chain, 0, sizeof *chain);
    int y, m, d;
    if (alvh_ymd_from_serial(quote_time, &y, &m, &d) != ALVH_OK)
        return alvh_csv_fail(err, ALVH_E_DATE, 0, 0, "the quote time is out of range");
    if (!alvh_positive_finite(last))
        return alvh_csv_fail(err, ALVH_E_SPOT, 0, 0,
                                  "the underlying's Last must be a positive price");
    if (!in || !in->expiry || !in->strike || !in->call_bid || !in->call_ask || !in->put_bid ||
        !in->put_ask || in->n == 0)
        return alvh_csv_fail(err, ALVH_E_CHAIN_FORMAT, 0, 0, "the chain has no rows");
    row_key *keys = malloc(in->n * sizeof *keys);
    if (!keys)
        return alvh_csv_fail(err, ALVH_E_NO_MEMORY, 0, 0, "out of memory");
    alvh_status st = ALVH_OK;
    for (size_t i = 0; i < in->n && st == ALVH_OK; ++i)
        st = check_row(in, i, &keys[i], err);
    if (st == ALVH_OK)
        st = alloc_columns(chain, in->n);
    if (st == ALVH_OK) {
        snprintf(chain->underlying, sizeof chain->underlying, "%s", underlying ? underlying : "");
        chain->last = last;
        chain->quote_time = quote_time;
        qsort(keys, in->n, sizeof *keys, cmp_row);
        for (size_t k = 0; k < in->n; ++k)
            copy_row(chain, k, in, keys[k].index);
        st = make_groups(chain, keys, err, in);
    } else if (st == ALVH_E_NO_MEMORY) {
        alvh_csv_fail(err, st, 0, 0, "out of memory");
    }
    free(keys);
    if (st != ALVH_OK)
        alvh_chain_free(chain);
    return st;
}

/* ---- look-ups -------------------------------------------------------------------------------- */

alvh_quotes alvh_chain_quotes(const alvh_chain *c, size_t g)
{
    if (g >= c->ngroups) {
        alvh_quotes none = {0, NULL, NULL, NULL, NULL, NULL};
        return none;
    }
    const alvh_chain_group *x = &c->groups[g];
    alvh_quotes q = {x->count,        c->strike + x->first,  c->call.bid + x->first,
                     c->call.ask + x->first, c->put.bid + x->first, c->put.ask + x->first};
    return q;
}

alvh_status alvh_chain_find(const alvh_chain *chain, double expiry, const char *root, size_t *g)
{
    size_t found = 0, first = 0;
    double day = floor(expiry);
    for (size_t i = 0; i < chain->ngroups; ++i) {
        const alvh_chain_group *x = &chain->groups[i];
        if (x->expiry != day || (root && root[0] && !alvh_strieq(root, x->root)))
            continue;
        if (found++ == 0)
            first = i;
    }
    if (found == 0)
        return ALVH_E_CHAIN_EXPIRY;
    if (found > 1)
        return ALVH_E_CHAIN_ROOT;
    *g = first;
    return ALVH_OK;
}

alvh_status alvh_chain_nearest(const alvh_chain *chain, double days, const char *root,
                               size_t *g)
{
    size_t best = chain->ngroups;
    double best_d = HUGE_VAL;
    for (size_t i = 0; i < chain->ngroups; ++i) {
        const alvh_chain_group *x = &chain->groups[i];
        if (!(x->years > 0.0) || (root && root[0] && !alvh_strieq(root, x->root)))
            continue;
        double d = fabs(x->years * 365.0 - days);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    if (best == chain->ngroups)
        return ALVH_E_CHAIN_EXPIRY;
    *g = best;
    return ALVH_OK;
}

alvh_status alvh_chain_summarize(const alvh_chain *chain, size_t g, alvh_chain_summary *out)
{
    memset(out, 0, sizeof *out);
    out->atm_status = ALVH_E_NO_QUOTE;
    if (g >= chain->ngroups)
        return ALVH_E_CHAIN_EXPIRY;
    const alvh_chain_group *x = &chain->groups[g];
    if (!(x->years > 0.0))
        return ALVH_E_SETTLED;
    alvh_quotes q = alvh_chain_quotes(chain, g);
    alvh_status st = alvh_parity_fit(&q, &out->parity);
    if (st != ALVH_OK)
        return st;
    st = alvh_parity_carry(out->parity.forward, out->parity.discount, x->years, chain->last,
                           &out->rate, &out->div_yield);
    if (st != ALVH_OK)
        return st;
    alvh_smile_point *s = malloc(q.n * sizeof *s);
    if (!s)
        return ALVH_E_NO_MEMORY;
    st = alvh_chain_smile(&q, out->parity.forward, out->parity.discount, x->years, s);
    if (st == ALVH_OK)
        out->atm_status = alvh_smile_atm_vol(s, q.n, out->parity.forward, &out->atm_vol);
    free(s);
    return st;
}
