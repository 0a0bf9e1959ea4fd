/* test_chain.c: the chain engine (alvh/chain.h) on the fixtures of tests/gen_chain_fixtures.py
 * against the values that generator computes with mpmath (chain_groups.csv, chain_strikes.csv,
 * chain_condors.csv, chain_hedge.csv), against the true forwards and CBOE's IV column, and on
 * hand-derived cases: exact parity lines, a stale pair, single pairs, vol statuses. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/chain.h"
#include "alvh/dates.h"
#include "alvh/impvol.h"
#include "alvh/policy.h"
#include "check.h"
#include "golden.h"

#define NFIX 3
static const char *const k_fixtures[NFIX] = {"chain_spx_20230914.csv", "chain_spx_20240112.csv",
                                             "chain_vix_20230914.csv"};
static alvh_chain g_chain[NFIX];

static const alvh_chain *chain_of(const char *name)
{
    for (int i = 0; i < NFIX; ++i)
        if (strcmp(name, k_fixtures[i]) == 0)
            return &g_chain[i];
    return NULL;
}

static double iso_serial(const char *iso)
{
    int y = 0, m = 0, d = 0;
    double s = (double)NAN;
    if (sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3)
        alvh_serial_from_ymd(y, m, d, &s);
    return s;
}

static int group_of(const alvh_chain *c, const char *iso, const char *root, size_t *g)
{
    return alvh_chain_find(c, iso_serial(iso), root, g) == ALVH_OK;
}

/* ---- reading --------------------------------------------------------------------------------- */

static void reads_fixtures(void)
{
    /* Quote times by hand: 2023-01-01 is serial 44927 (2025-01-01 is 45658, dates.h), Sep 14
     * is day 257, so 45183; 2024-01-12 is 45292 + 11 = 45303. */
    const struct {
        const char *underlying;
        double last, quote_time;
        size_t groups, rows;
    } want[NFIX] = {{"S&P 500 INDEX", 4505.42, 45183 + 991.0 / 1440, 6, 6 + 31 + 31 + 57 * 3},
                    {"S&P 500 INDEX", 4780.94, 45303 + 615.0 / 1440, 3, 36 + 36 + 45},
                    {"CBOE VOLATILITY INDEX", 13.48, 45183 + 976.0 / 1440, 6, 6 * 27}};
    for (int i = 0; i < NFIX; ++i) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", ALVH_TEST_DATA, k_fixtures[i]);
        alvh_marketfile_error err;
        alvh_status st = alvh_chain_read(path, &g_chain[i], &err);
        CHECK_STATUS(st, ALVH_OK, k_fixtures[i]);
        if (st != ALVH_OK) {
            fprintf(stderr, "  %s\n", err.text);
            continue;
        }
        const alvh_chain *c = &g_chain[i];
        CHECK(strcmp(c->underlying, want[i].underlying) == 0, "%s: underlying \"%s\"",
              k_fixtures[i], c->underlying);
        CHECK(c->last == want[i].last, "%s: last %.17g", k_fixtures[i], c->last);
        CHECK_CLOSE(c->quote_time, want[i].quote_time, 1e-9, 0, k_fixtures[i]);
        CHECK(c->ngroups == want[i].groups && c->nrows == want[i].rows, "%s: %zu groups %zu rows",
              k_fixtures[i], c->ngroups, c->nrows);
    }
}

/* Each group against chain_groups.csv, in the engine's order (expiry, root). */
static void groups_match_mpmath(void)
{
    golden_file g;
    if (!golden_load(&g, "chain_groups.csv",
                     "file,expiry,root,status,years,forward,discount,reference,pairs,used,"
                     "outliers,rate,div_yield,atm_iv,true_forward,true_discount"))
        return;
    for (size_t i = 0; i < g.rows; ++i) {
        const alvh_chain *c = chain_of(golden_text(&g, i, 0));
        size_t k;
        if (!c || !group_of(c, golden_text(&g, i, 1), golden_text(&g, i, 2), &k)) {
            CHECK(0, "%s: no such group", golden_where(&g, i));
            continue;
        }
        alvh_chain_summary s;
        alvh_status st = alvh_chain_summarize(c, k, &s);
        CHECK(strcmp(alvh_status_name(st), golden_text(&g, i, 3)) == 0, "%s: status %s",
              golden_where(&g, i), alvh_status_name(st));
        CHECK_CLOSE(c->groups[k].years, golden_num(&g, i, 4), 1e-12, 0, golden_where(&g, i));
        if (st != ALVH_OK)
            continue;
        CHECK_CLOSE(s.parity.forward, golden_num(&g, i, 5), 0, 1e-11, golden_where(&g, i));
        CHECK_CLOSE(s.parity.discount, golden_num(&g, i, 6), 1e-11, 0, golden_where(&g, i));
        CHECK_CLOSE(s.parity.reference, golden_num(&g, i, 7), 1e-9, 0, golden_where(&g, i));
        CHECK(s.parity.pairs == (size_t)golden_num(&g, i, 8) &&
                  s.parity.used == (size_t)golden_num(&g, i, 9) &&
                  s.parity.outliers == (size_t)golden_num(&g, i, 10),
              "%s: pairs %zu used %zu outliers %zu", golden_where(&g, i), s.parity.pairs,
              s.parity.used, s.parity.outliers);
        CHECK_CLOSE(s.rate, golden_num(&g, i, 11), 1e-8, 0, golden_where(&g, i));
        CHECK_CLOSE(s.div_yield, golden_num(&g, i, 12), 1e-8, 0, golden_where(&g, i));
        CHECK_CLOSE(s.atm_vol, golden_num(&g, i, 13), 1e-10, 0, golden_where(&g, i));
        /* Against the truth the quotes were made from: they are rounded to 0.05/0.10 (VIX
         * 0.01/0.05) ticks, so the fit can only be as good as the rounding allows; over the
         * fixtures' 5-37 pairs the forward lands within 3e-6 (SPX) and 3e-4 (VIX, 5 pairs of
         * 1-point strikes) of the truth, the discount within 0.0016. */
        CHECK_CLOSE(s.parity.forward, golden_num(&g, i, 14), 0, 5e-4, golden_where(&g, i));
        CHECK_CLOSE(s.parity.discount, golden_num(&g, i, 15), 2e-3, 0, golden_where(&g, i));
    }
    golden_free(&g);
}

static void smiles_match_mpmath(void)
{
    golden_file g;
    if (!golden_load(&g, "chain_strikes.csv",
                     "file,expiry,root,strike,side,bid,ask,mid,status,iv,status_bid,iv_bid,"
                     "status_ask,iv_ask,delta,cboe_iv,years,cboe_years,both_sides"))
        return;
    int compared_cboe = 0;
    for (size_t i = 0; i < g.rows; ++i) {
        const char *where = golden_where(&g, i);
        const alvh_chain *c = chain_of(golden_text(&g, i, 0));
        size_t k;
        if (!c || !group_of(c, golden_text(&g, i, 1), golden_text(&g, i, 2), &k)) {
            CHECK(0, "%s: no such group", where);
            continue;
        }
        alvh_chain_summary s;
        alvh_chain_summarize(c, k, &s);
        alvh_quotes q = alvh_chain_quotes(c, k);
        double strike = golden_num(&g, i, 3);
        size_t j = 0;
        while (j < q.n && q.strike[j] != strike)
            ++j;
        if (j == q.n) {
            CHECK(0, "%s: strike not in the chain", where);
            continue;
        }
        int put = strcmp(golden_text(&g, i, 4), "P") == 0;
        alvh_smile_point p;
        alvh_status st = alvh_option_ivs(put ? ALVH_PUT : ALVH_CALL,
                                         put ? q.put_bid[j] : q.call_bid[j],
                                         put ? q.put_ask[j] : q.call_ask[j], s.parity.forward,
                                         strike, s.parity.discount, c->groups[k].years, &p);
        CHECK_STATUS(st, ALVH_OK, where);
        CHECK((strike < s.parity.forward) == put, "%s: side", where);
        CHECK(strcmp(alvh_status_name(p.status), golden_text(&g, i, 8)) == 0 &&
                  strcmp(alvh_status_name(p.status_bid), golden_text(&g, i, 10)) == 0 &&
                  strcmp(alvh_status_name(p.status_ask), golden_text(&g, i, 12)) == 0,
              "%s: statuses %s %s %s", where, alvh_status_name(p.status),
              alvh_status_name(p.status_bid), alvh_status_name(p.status_ask));
        CHECK_CLOSE(p.mid, golden_num(&g, i, 7), 1e-12, 0, where);
        CHECK_CLOSE(p.iv, golden_num(&g, i, 9), 1e-9, 0, where);
        CHECK_CLOSE(p.iv_bid, golden_num(&g, i, 11), 1e-9, 0, where);
        CHECK_CLOSE(p.iv_ask, golden_num(&g, i, 13), 1e-9, 0, where);
        CHECK_CLOSE(p.delta, golden_num(&g, i, 14), 1e-9, 0, where);
        /* CBOE's IV column (the fixture's, made under CBOE's convention as docs/chains.md
         * establishes it: spot, r and q, mid, whole days / 365; 4 decimals) where both sides
         * are quoted: on the same time basis the two agree within 0.15 vol points (the fit's
         * forward and discount differ from the true ones by the tick rounding; VIX vols are
         * ~90%); as printed, within 0.3 vol points for SPX expiries 7 days or more away (the
         * settlement time against whole days moves a 7-day vol by up to 1.8%). */
        double cboe = golden_num(&g, i, 15), t = golden_num(&g, i, 16), tc = golden_num(&g, i, 17);
        if (p.status == ALVH_OK && cboe > 0.0 && golden_num(&g, i, 18) == 1.0) {
            ++compared_cboe;
            CHECK_CLOSE(p.iv, cboe * sqrt(tc / t), 0.0015, 0, where);
            if (t >= 7.0 / 365 && strncmp(golden_text(&g, i, 2), "SPX", 3) == 0)
                CHECK_CLOSE(p.iv, cboe, 0.003, 0, where);
        }
    }
    CHECK(compared_cboe > 200, "only %d strikes compared with CBOE's IV", compared_cboe);
    golden_free(&g);
}

/* The smile of every group equals alvh_option_ivs of its out-of-the-money side. */
static void smile_uses_the_out_of_the_money_side(void)
{
    const alvh_chain *c = &g_chain[0];
    for (size_t k = 0; k < c->ngroups; ++k) {
        alvh_chain_summary s;
        if (alvh_chain_summarize(c, k, &s) != ALVH_OK)
            continue;
        alvh_quotes q = alvh_chain_quotes(c, k);
        alvh_smile_point pts[64];
        CHECK(q.n <= 64, "group %zu has %zu strikes", k, q.n);
        CHECK_STATUS(alvh_chain_smile(&q, s.parity.forward, s.parity.discount,
                                      c->groups[k].years, pts),
                     ALVH_OK, "smile");
        for (size_t j = 0; j < q.n; ++j)
            CHECK(pts[j].kind == (q.strike[j] < s.parity.forward ? ALVH_PUT : ALVH_CALL),
                  "group %zu strike %g: side", k, q.strike[j]);
    }
}

/* ---- condors and the hedge ------------------------------------------------------------------- */

static void condors_match_mpmath(void)
{
    golden_file g;
    if (!golden_load(&g, "chain_condors.csv",
                     "file,dte,short_delta,wing,root_arg,expiry,root,long_put,short_put,"
                     "short_call,long_call,credit_mid,credit_natural,max_loss,max_loss_natural,"
                     "breakeven_lower,breakeven_upper,delta,gamma,vega,theta,vol_long_put,"
                     "vol_short_put,vol_short_call,vol_long_call"))
        return;
    for (size_t i = 0; i < g.rows; ++i) {
        const char *where = golden_where(&g, i);
        const alvh_chain *c = chain_of(golden_text(&g, i, 0));
        size_t k;
        alvh_status st = alvh_chain_nearest(c, golden_num(&g, i, 1), golden_text(&g, i, 4), &k);
        CHECK_STATUS(st, ALVH_OK, where);
        if (st != ALVH_OK)
            continue;
        CHECK(c->groups[k].expiry == iso_serial(golden_text(&g, i, 5)) &&
                  strcmp(c->groups[k].root, golden_text(&g, i, 6)) == 0,
              "%s: picked %s", where, c->groups[k].root);
        alvh_chain_summary s;
        alvh_chain_summarize(c, k, &s);
        alvh_quotes q = alvh_chain_quotes(c, k);
        alvh_chain_condor x;
        st = alvh_chain_condor_pick(&q, s.parity.forward, s.parity.discount, c->groups[k].years,
                                    golden_num(&g, i, 2), golden_num(&g, i, 3), &x);
        CHECK_STATUS(st, ALVH_OK, where);
        for (int leg = 0; leg < 4; ++leg) {
            CHECK(x.strikes[leg] == golden_num(&g, i, 7 + (size_t)leg), "%s: leg %d strike %g",
                  where, leg, x.strikes[leg]);
            CHECK_CLOSE(x.vol[leg], golden_num(&g, i, 21 + (size_t)leg), 1e-9, 0, where);
        }
        const double got[10] = {x.credit_mid,      x.credit_natural,  x.max_loss,
                                x.max_loss_natural, x.breakeven_lower, x.breakeven_upper,
                                x.pos_delta,       x.pos_gamma,       x.pos_vega,
                                x.pos_theta};
        for (size_t m = 0; m < 10; ++m)
            CHECK_CLOSE(got[m], golden_num(&g, i, 11 + m), 1e-9, 1e-9, where);
    }
    golden_free(&g);
}

static void hedge_matches_mpmath(void)
{
    golden_file g, cv;
    if (!golden_load(&g, "chain_hedge.csv",
                     "case,which,notional,condor_vega,layer,expiry,days,strike,contracts,future,"
                     "price,debit,delta,beta,vega,monthly_cost,coverage,bid,ask,vol,rate"))
        return;
    if (!golden_load(&cv, "chain_hedge_curve.csv", "case,tenor,future")) {
        golden_free(&g);
        return;
    }
    double tenors[16], futures[16];
    size_t nc = 0;
    for (size_t i = 0; i < cv.rows && nc < 16; ++i, ++nc) {
        tenors[nc] = golden_num(&cv, i, 1);
        futures[nc] = golden_num(&cv, i, 2);
    }
    alvh_policy p;
    alvh_policy_default(&p);
    for (size_t i = 0; i + ALVH_LAYERS <= g.rows; i += ALVH_LAYERS) {
        const char *where = golden_where(&g, i);
        int settle = strcmp(golden_text(&g, i, 0), "settlements") == 0;
        alvh_curve curve = {tenors, futures, settle ? nc : 0};
        alvh_layer_row rows[ALVH_LAYERS];
        alvh_quoted_layer q[ALVH_LAYERS];
        int bad = -1;
        alvh_quote_price which = strcmp(golden_text(&g, i, 1), "ask") == 0 ? ALVH_QUOTE_ASK
                                                                          : ALVH_QUOTE_MID;
        alvh_status st = alvh_chain_hedge_schedule(chain_of("chain_vix_20230914.csv"), &curve,
                                                   which, golden_num(&g, i, 2),
                                                   golden_num(&g, i, 3), &p, rows, q, &bad);
        CHECK_STATUS(st, ALVH_OK, where);
        CHECK(bad == 0, "%s: bad layer %d", where, bad);
        for (int l = 0; l < ALVH_LAYERS; ++l) {
            double want[17], got[17];
            golden_nums(&g, i + (size_t)l, 4, 17, want);
            alvh_layer_row_values(&rows[l], got);
            got[13] = q[l].bid;
            got[14] = q[l].ask;
            got[15] = q[l].vol;
            got[16] = q[l].rate;
            for (int m = 0; m < 17; ++m)
                CHECK_CLOSE(got[m], want[m], 1e-10, 1e-9, golden_where(&g, i + (size_t)l));
        }
    }
    golden_free(&g);
    golden_free(&cv);
}

/* A layer expiry the chain does not list names that layer. */
static void hedge_names_the_layer_without_quotes(void)
{
    const alvh_chain *vix = chain_of("chain_vix_20230914.csv");
    alvh_chain cut = *vix;
    cut.ngroups = 3; /* Sep 20, Sep 27 (VIXW), Oct 18: no Nov 15 for layer 2 */
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_layer_row rows[ALVH_LAYERS];
    alvh_quoted_layer q[ALVH_LAYERS];
    int bad = 0;
    alvh_status st = alvh_chain_hedge_schedule(&cut, NULL, ALVH_QUOTE_MID, 250000, -1500, &p, rows,
                                               q, &bad);
    CHECK_STATUS(st, ALVH_E_CHAIN_EXPIRY, "missing layer 2 expiry");
    CHECK(bad == 2, "bad layer %d, want 2", bad);
    st = alvh_chain_hedge_schedule(&g_chain[0], NULL, ALVH_QUOTE_MID, 250000, -1500, &p, rows, q,
                                   &bad);
    CHECK_STATUS(st, ALVH_E_CHAIN_EXPIRY, "an SPX chain has no VIX options");
    CHECK(bad == 1, "bad layer %d, want 1", bad);
}

/* ---- hand-derived cases ---------------------------------------------------------------------- */

/* C - P = 0.99 (4500 - K) exactly at five strikes (puts 10 .. 110, calls = put + 0.99 (4500 -
 * K), each quoted mid +- 0.5): the fit must give D = 0.99 and F = 4500, with no outlier; a call
 * 5 points rich at 4450 (a stale quote) is the one outlier and the line stays exact: of the
 * pairwise slopes' total weight 1000, the 650 of the four clean strikes sit at -0.99 and the
 * cumulated weight crosses 500 there; the intercept's median and MAD ignore one point in five. */
static void parity_recovers_an_exact_line(void)
{
    double k[5] = {4400, 4450, 4500, 4550, 4600}, put[5] = {10, 20, 40, 70, 110};
    double cb[5], ca[5], pb[5], pa[5];
    for (int stale = 0; stale < 2; ++stale) {
        for (int i = 0; i < 5; ++i) {
            double call = put[i] + 0.99 * (4500 - k[i]) + (stale && i == 1 ? 5.0 : 0.0);
            cb[i] = call - 0.5, ca[i] = call + 0.5, pb[i] = put[i] - 0.5, pa[i] = put[i] + 0.5;
        }
        alvh_quotes q = {5, k, cb, ca, pb, pa};
        alvh_parity fit;
        CHECK_STATUS(alvh_parity_fit(&q, &fit), ALVH_OK, "exact line");
        CHECK_CLOSE(fit.discount, 0.99, 1e-13, 0, "discount");
        CHECK_CLOSE(fit.forward, 4500, 0, 1e-13, "forward");
        CHECK(fit.pairs == 5 && fit.used == (size_t)(5 - stale) && fit.outliers == (size_t)stale,
              "stale %d: pairs %zu used %zu", stale, fit.pairs, fit.used);
        CHECK(fit.reference == 4500, "reference %g (the strike where C - P is 0)", fit.reference);
    }
    /* Two pairs: the line through them. One pair: no fit. */
    double nb[5] = {0, 0, 0, 0, 0};
    alvh_quotes two = {5, k, cb, ca, pb, pa};
    cb[1] = cb[2] = cb[3] = 0; /* only 4400 and 4600 keep a call bid */
    alvh_parity fit;
    CHECK_STATUS(alvh_parity_fit(&two, &fit), ALVH_OK, "two pairs");
    CHECK_CLOSE(fit.discount, 0.99, 1e-13, 0, "two pairs: discount");
    CHECK(fit.pairs == 2 && fit.used == 2, "two pairs: %zu", fit.pairs);
    cb[0] = 0;
    CHECK_STATUS(alvh_parity_fit(&two, &fit), ALVH_E_CHAIN_PAIRS, "one pair");
    alvh_quotes none = {5, k, nb, nb, pb, pa};
    CHECK_STATUS(alvh_parity_fit(&none, &fit), ALVH_E_CHAIN_PAIRS, "no calls");
    /* C - P rising with K: a negative discount, which parity cannot give. */
    double up_cb[2] = {10, 60}, up_ca[2] = {11, 61}, p2b[2] = {10, 10}, p2a[2] = {11, 11};
    alvh_quotes up = {2, k, up_cb, up_ca, p2b, p2a};
    CHECK_STATUS(alvh_parity_fit(&up, &fit), ALVH_E_CHAIN_PARITY, "rising C - P");
    double bad_k[2] = {4500, 4500};
    alvh_quotes dup = {2, bad_k, up_cb, up_ca, p2b, p2a};
    CHECK_STATUS(alvh_parity_fit(&dup, &fit), ALVH_E_CHAIN_STRIKES, "strikes not increasing");
}

static void single_pairs(void)
{
    double f = 0;
    CHECK_STATUS(alvh_parity_forward(30, 20, 4500, 0.8, &f), ALVH_OK, "forward");
    CHECK(f == 4512.5, "F = 4500 + 10 / 0.8 = 4512.5, got %.17g", f);
    CHECK_STATUS(alvh_parity_forward(30, 20, 4500, 0, &f), ALVH_E_ARGUMENT, "discount 0");
    CHECK_STATUS(alvh_parity_forward(-1, 20, 4500, 1, &f), ALVH_E_PRICE, "negative call");
    /* r = q = 0: the conversion is worth K - S + C - P = 4400 - 4500 + 130 - 25 = 5. */
    double v = 0;
    CHECK_STATUS(alvh_parity_conversion(130, 25, 4500, 4400, 1, 0, 0, &v), ALVH_OK, "conversion");
    CHECK_CLOSE(v, 5, 1e-12, 0, "conversion K - S + C - P");
    /* Parity-consistent BSM prices: the conversion is worth nothing. */
    const double strikes[3] = {4000, 4500, 5000};
    for (int i = 0; i < 3; ++i) {
        double c = 0, p = 0;
        alvh_bsm_price(ALVH_CALL, 4500, strikes[i], 0.25, 0.2, 0.05, 0.015, &c);
        alvh_bsm_price(ALVH_PUT, 4500, strikes[i], 0.25, 0.2, 0.05, 0.015, &p);
        CHECK_STATUS(alvh_parity_conversion(c, p, 4500, strikes[i], 0.25, 0.05, 0.015, &v),
                     ALVH_OK, "conversion of BSM prices");
        CHECK_CLOSE(v, 0, 1e-9, 0, "parity holds: conversion 0");
    }
    double r = 0, q = 0;
    CHECK_STATUS(alvh_parity_carry(4545, exp(-0.05 * 0.5), 0.5, 4500, &r, &q), ALVH_OK, "carry");
    /* r = 0.05; q = r - ln(4545/4500)/0.5 = 0.05 - 2 ln(1.01) */
    CHECK_CLOSE(r, 0.05, 1e-15, 0, "rate");
    CHECK_CLOSE(q, 0.05 - 2 * log(1.01), 1e-15, 0, "dividend yield");
    CHECK_STATUS(alvh_parity_carry(4545, 0.99, 0, 4500, &r, &q), ALVH_E_YEARS, "no time");
}

static void vol_statuses(void)
{
    alvh_smile_point p;
    /* F 100, K 90, D 1: intrinsic 10; bid 5 is below it, ask 12 is not, mid 8.5 is below. */
    CHECK_STATUS(alvh_option_ivs(ALVH_CALL, 5, 12, 100, 90, 1, 0.5, &p), ALVH_OK, "ivs");
    CHECK(p.status == ALVH_E_BELOW_INTRINSIC && p.status_bid == ALVH_E_BELOW_INTRINSIC &&
              p.status_ask == ALVH_OK && p.iv == 0 && p.iv_ask > 0,
          "below intrinsic: %s %s %s", alvh_status_name(p.status), alvh_status_name(p.status_bid),
          alvh_status_name(p.status_ask));
    alvh_option_ivs(ALVH_PUT, 0, 0.5, 100, 90, 1, 0.5, &p);
    CHECK(p.status == ALVH_E_NO_QUOTE && p.status_bid == ALVH_E_NO_QUOTE &&
              p.status_ask == ALVH_OK, "no bid: %s", alvh_status_name(p.status));
    alvh_option_ivs(ALVH_PUT, 0.6, 0.5, 100, 90, 1, 0.5, &p);
    CHECK(p.status == ALVH_E_CROSSED_QUOTE && p.status_bid == ALVH_OK && p.status_ask == ALVH_OK,
          "crossed: %s", alvh_status_name(p.status));
    alvh_option_ivs(ALVH_CALL, 120, 130, 100, 90, 0.99, 0.5, &p);
    CHECK(p.status == ALVH_E_ABOVE_MAXIMUM, "above D F: %s", alvh_status_name(p.status));
    CHECK_STATUS(alvh_option_ivs(ALVH_CALL, 1, 2, 100, 90, 1, 0, &p), ALVH_E_SETTLED, "T = 0");
    /* Round trip: a quote straddling a Black-76 price at vol 0.25 gives 0.25 at its mid. */
    double px = 0;
    alvh_black76_price(ALVH_PUT, 4500, 4300, 0.1, 0.25, -log(0.995) / 0.1, &px);
    alvh_option_ivs(ALVH_PUT, px - 0.25, px + 0.25, 4500, 4300, 0.995, 0.1, &p);
    CHECK_CLOSE(p.iv, 0.25, 1e-12, 0, "round trip");
    CHECK(p.iv_bid < p.iv && p.iv < p.iv_ask, "bid vol < mid vol < ask vol");
    CHECK_STATUS(alvh_quote_check(1, 1), ALVH_OK, "locked quote");
    CHECK_STATUS(alvh_quote_check(0, 1), ALVH_E_NO_QUOTE, "no bid");
    CHECK_STATUS(alvh_quote_check((double)NAN, 1), ALVH_E_NO_QUOTE, "NaN bid");
}

static void condor_rejects_bad_rules(void)
{
    const alvh_chain *c = &g_chain[0];
    size_t k;
    alvh_chain_find(c, iso_serial("2023-10-20"), "SPX", &k);
    alvh_chain_summary s;
    alvh_chain_summarize(c, k, &s);
    alvh_quotes q = alvh_chain_quotes(c, k);
    alvh_chain_condor x;
    CHECK_STATUS(alvh_chain_condor_pick(&q, s.parity.forward, s.parity.discount,
                                        c->groups[k].years, 0.5, 50, &x),
                 ALVH_E_SHORT_DELTA, "delta 0.5");
    CHECK_STATUS(alvh_chain_condor_pick(&q, s.parity.forward, s.parity.discount,
                                        c->groups[k].years, 0.16, 0, &x),
                 ALVH_E_WING, "wing 0");
    /* A wing wider than the listed strikes: the widest listed strike is the nearest. */
    CHECK_STATUS(alvh_chain_condor_pick(&q, s.parity.forward, s.parity.discount,
                                        c->groups[k].years, 0.16, 5000, &x),
                 ALVH_OK, "wing 5000");
    CHECK(x.strikes[0] == q.strike[0], "long put at the lowest quoted strike: %g", x.strikes[0]);
    size_t g;
    CHECK_STATUS(alvh_chain_find(c, iso_serial("2023-10-20"), NULL, &g), ALVH_E_CHAIN_ROOT,
                 "two roots on Oct 20");
    CHECK_STATUS(alvh_chain_find(c, iso_serial("2023-10-21"), NULL, &g), ALVH_E_CHAIN_EXPIRY,
                 "no Oct 21");
    CHECK_STATUS(alvh_chain_nearest(c, 30, "VIX", &g), ALVH_E_CHAIN_EXPIRY, "no VIX root");
    alvh_chain_summary settled;
    CHECK_STATUS(alvh_chain_summarize(c, 0, &settled), ALVH_E_SETTLED, "Sep 14 SPXW settled");
}

int main(void)
{
    reads_fixtures();
    groups_match_mpmath();
    smiles_match_mpmath();
    smile_uses_the_out_of_the_money_side();
    condors_match_mpmath();
    hedge_matches_mpmath();
    hedge_names_the_layer_without_quotes();
    parity_recovers_an_exact_line();
    single_pairs();
    vol_statuses();
    condor_rejects_bad_rules();
    for (int i = 0; i < NFIX; ++i)
        alvh_chain_free(&g_chain[i]);
    return check_summary("test_chain");
}
