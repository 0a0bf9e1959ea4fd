/* test_indicators.c: RSI, MACD, A/D line, divergence and the ALVH triggers.
 *
 * Expected values come from
 *   - hand derivations written out below (short series, exact fractions);
 *   - TA-Lib 0.6.0 itself (TA_RSI, TA_MACD, TA_EMA) and brute-force definitions, through
 *     tests/ref_indicators.js, whose output is committed in tests/data/indicators_*.csv.
 * Tolerance against TA-Lib: 1e-10 absolute (the contract); the test also counts rows that
 * are not bit-identical and reports them (the operations are TA-Lib's, in TA-Lib's order).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "check.h"
#include "golden.h"

#define TALIB_TOL 1e-10
#define MAX_N 2000

/* ---- the reference files ------------------------------------------------------------------ */

#define INPUT_HEADER "series,index,value"

/* Loads indicators_input.csv into in and the reference <name> into ref; on failure (already a
 * FAIL) frees both and returns 0. */
static int load_input_and(golden_file *in, golden_file *ref, const char *name, const char *header)
{
    int ok = golden_load(in, "indicators_input.csv", INPUT_HEADER) > 0;
    ok &= golden_load(ref, name, header) > 0;
    if (!ok) {
        golden_free(in);
        golden_free(ref);
    }
    return ok;
}

/* One input series from indicators_input.csv, in row order. */
static size_t load_series(const golden_file *in, const char *name, double *x)
{
    size_t n = 0;
    for (size_t i = 0; i < in->rows; ++i) {
        if (golden_cols(in, i) != 3 || strcmp(golden_text(in, i, 0), name) != 0)
            continue;
        size_t idx = (size_t)golden_num(in, i, 1);
        CHECK(idx == n && n < MAX_N, "%s: rows in order", name);
        if (idx != n || n >= MAX_N)
            break;
        x[n++] = golden_num(in, i, 2);
    }
    return n;
}

/* ---- hand-worked cases -------------------------------------------------------------------- */

typedef struct {
    const char *what;
    double closes[12];
    size_t n, period;
    double want[12]; /* from index period on */
} rsi_case;

/* Each row's values derived by hand:
 *  [1,2,3,2,1,2] p=2: moves +1 +1 -1 -1 +1. Seed (index 2): gain (1+1)/2 = 1, loss 0 -> 100.
 *    index 3: gain (1*1+0)/2 = 1/2, loss (0+1)/2 = 1/2 -> 50; index 4: 1/4, 3/4 -> 25;
 *    index 5: gain (1/4+1)/2 = 5/8, loss 3/8 -> 62.5.
 *  [20,21,22,21,20,22,23] p=3: moves +1 +1 -1 -1 +2 +1. Seed: gain 2/3, loss 1/3 -> 200/3;
 *    -1: gain (2/3*2)/3 = 4/9, loss (1/3*2+1)/3 = 5/9 -> 400/9;
 *    +2: gain (8/9+2)/3 = 26/27, loss (10/9)/3 = 10/27 -> 2600/36 = 650/9;
 *    +1: gain (52/27+1)/3 = 79/81, loss 20/81 -> 7900/99.
 *  Flat closes: no gains, no losses: TA-Lib's value 0 (TA_IS_ZERO branch), not 50.
 *  Rising closes: losses 0 -> 100. Falling closes: gains 0 -> 0.
 *  [5,5,5,6] p=2: seed window flat -> 0; then +1: gain (0+1)/2 = 1/2, loss 0 -> 100. */
static const rsi_case k_rsi_cases[] = {
    {"p2 up-down", {1, 2, 3, 2, 1, 2}, 6, 2, {100, 50, 25, 62.5}},
    {"p3 vix-like", {20, 21, 22, 21, 20, 22, 23}, 7, 3,
     {200.0 / 3, 400.0 / 9, 650.0 / 9, 7900.0 / 99}},
    {"flat is 0 as TA-Lib", {17, 17, 17, 17, 17}, 5, 2, {0, 0, 0}},
    {"rising is 100", {10, 11, 13, 14, 20}, 5, 3, {100, 100}},
    {"falling is 0", {30, 29, 27, 26, 20}, 5, 3, {0, 0}},
    {"flat window then a rise", {5, 5, 5, 6}, 4, 2, {0, 100}},
    {"shortest series: one value", {1, 3, 2}, 3, 2, {200.0 / 3}},
};

static void rsi_matches_hand_derivations(void)
{
    for (size_t c = 0; c < sizeof k_rsi_cases / sizeof k_rsi_cases[0]; ++c) {
        const rsi_case *k = &k_rsi_cases[c];
        double out[12];
        for (size_t i = 0; i < 12; ++i)
            out[i] = -12345.0; /* sentinel: rows before the first value stay untouched */
        CHECK_STATUS(alvh_rsi(k->closes, k->n, k->period, out), ALVH_OK, k->what);
        CHECK(alvh_rsi_lookback(k->period) == k->period, "%s: lookback", k->what);
        for (size_t i = 0; i < k->period; ++i)
            CHECK(out[i] == -12345.0, "%s: row %zu before the first value written", k->what, i);
        for (size_t i = k->period; i < k->n; ++i)
            CHECK_CLOSE(out[i], k->want[i - k->period], 1e-12, 1e-14, k->what);
    }
}

static void macd_matches_hand_derivations(void)
{
    /* closes [1,2,4,3,5], fast 2 (k 2/3), slow 3 (k 1/2), signal 2 (k 2/3):
     *  index 2: slow seed (1+2+4)/3 = 7/3, fast seed (2+4)/2 = 3 (windows end on index 2),
     *           MACD 2/3;
     *  index 3 (close 3): slow (3-7/3)/2 + 7/3 = 8/3, fast (3-3)*2/3 + 3 = 3, MACD 1/3;
     *           signal seed (2/3 + 1/3)/2 = 1/2, histogram 1/3 - 1/2 = -1/6;
     *  index 4 (close 5): slow (5-8/3)/2 + 8/3 = 23/6, fast (5-3)*2/3 + 3 = 13/3, MACD 1/2;
     *           signal (1/2-1/2)*2/3 + 1/2 = 1/2, histogram 0. */
    const double closes[] = {1, 2, 4, 3, 5};
    double m[5], s[5], h[5];
    for (size_t i = 0; i < 5; ++i)
        m[i] = s[i] = h[i] = -12345.0;
    CHECK_STATUS(alvh_macd(closes, 5, 2, 3, 2, m, s, h), ALVH_OK, "macd hand");
    CHECK(alvh_macd_lookback(3) == 2 && alvh_macd_signal_lookback(3, 2) == 3, "lookbacks");
    CHECK(m[0] == -12345.0 && m[1] == -12345.0, "MACD rows before row slow untouched");
    CHECK(s[2] == -12345.0 && h[2] == -12345.0, "signal rows before row slow+signal-1 untouched");
    const double wm[] = {2.0 / 3, 1.0 / 3, 0.5}, ws[] = {0.5, 0.5}, wh[] = {-1.0 / 6, 0.0};
    for (size_t i = 0; i < 3; ++i)
        CHECK_CLOSE(m[2 + i], wm[i], 1e-14, 1e-14, "macd hand line");
    for (size_t i = 0; i < 2; ++i) {
        CHECK_CLOSE(s[3 + i], ws[i], 1e-14, 1e-14, "macd hand signal");
        CHECK_CLOSE(h[3 + i], wh[i], 1e-14, 1e-14, "macd hand histogram");
    }
}

static void macd_of_a_straight_line_is_constant(void)
{
    /* For closes a + b*i, an EMA seeded with the SMA of a window lags the line by exactly
     * b*(period-1)/2, and the recursion keeps that lag: EMA = line - b*(period-1)/2 on every
     * row. So MACD = b*(slow-fast)/2 everywhere, its signal the same, histogram 0. */
    double x[200], m[200], s[200], h[200];
    for (size_t i = 0; i < 200; ++i)
        x[i] = 18.0 + 0.25 * (double)i;
    CHECK_STATUS(alvh_macd(x, 200, 12, 26, 9, m, s, h), ALVH_OK, "line");
    for (size_t i = 25; i < 200; ++i)
        CHECK_CLOSE(m[i], 0.25 * 14 / 2, 1e-12, 0, "MACD of a line");
    for (size_t i = 33; i < 200; ++i) {
        CHECK_CLOSE(s[i], 1.75, 1e-12, 0, "signal of a line");
        CHECK_CLOSE(h[i], 0.0, 1e-12, 0, "histogram of a line");
    }
}

/* ---- against TA-Lib ----------------------------------------------------------------------- */

static void rsi_matches_talib_on_every_reference_row(void)
{
    golden_file in, ref;
    if (!load_input_and(&in, &ref, "indicators_rsi.csv", "series,period,index,rsi"))
        return;
    static double x[MAX_N], out[MAX_N];
    char cur[64] = "";
    size_t n = 0, cur_period = 0, rows = 0, inexact = 0, checked_sets = 0;
    double worst = 0;
    for (size_t r = 0; r < ref.rows; ++r) {
        if (golden_cols(&ref, r) != 4)
            continue;
        const char *series = golden_text(&ref, r, 0);
        size_t period = (size_t)golden_num(&ref, r, 1);
        if (strcmp(cur, series) != 0 || period != cur_period) {
            snprintf(cur, sizeof cur, "%.63s", series);
            cur_period = period;
            n = load_series(&in, cur, x);
            CHECK_STATUS(alvh_rsi(x, n, period, out), ALVH_OK, cur);
            ++checked_sets;
        }
        size_t i = (size_t)golden_num(&ref, r, 2);
        double want = golden_num(&ref, r, 3);
        CHECK(i >= period && i < n, "%s p%zu: TA-Lib row %zu outside our defined rows", cur,
              period, i);
        if (i >= n)
            continue;
        CHECK(check_close_(out[i], want, TALIB_TOL, 0), "%s p%zu row %zu: %.17g vs TA-Lib %.17g",
              cur, period, i, out[i], want);
        worst = fmax(worst, fabs(out[i] - want));
        inexact += (size_t)(out[i] != want);
        ++rows;
    }
    CHECK(checked_sets >= 40 && rows > 7000, "RSI reference too small: %zu sets %zu rows",
          checked_sets, rows);
    printf("RSI vs TA-Lib: %zu rows in %zu series/periods, %zu not bit-identical, max |diff| %.3g\n",
           rows, checked_sets, inexact, worst);
    golden_free(&in);
    golden_free(&ref);
}

static void macd_matches_talib_on_every_reference_row(void)
{
    golden_file in, ref;
    if (!load_input_and(&in, &ref, "indicators_macd.csv",
                        "series,fast,slow,signal,index,macd,signal_line,hist"))
        return;
    static double x[MAX_N], m[MAX_N], s[MAX_N], h[MAX_N];
    char cur[64] = "";
    size_t n = 0, f = 0, sl = 0, sg = 0, rows = 0, inexact = 0, sets = 0;
    double worst = 0;
    for (size_t r = 0; r < ref.rows; ++r) {
        if (golden_cols(&ref, r) != 8)
            continue;
        const char *series = golden_text(&ref, r, 0), *signal = golden_text(&ref, r, 6);
        size_t f2 = (size_t)golden_num(&ref, r, 1), sl2 = (size_t)golden_num(&ref, r, 2),
               sg2 = (size_t)golden_num(&ref, r, 3);
        if (strcmp(cur, series) != 0 || f2 != f || sl2 != sl || sg2 != sg) {
            snprintf(cur, sizeof cur, "%.63s", series);
            f = f2, sl = sl2, sg = sg2;
            n = load_series(&in, cur, x);
            CHECK_STATUS(alvh_macd(x, n, f, sl, sg, m, s, h), ALVH_OK, cur);
            ++sets;
        }
        size_t i = (size_t)golden_num(&ref, r, 4);
        CHECK(i >= sl - 1 && i < n, "%s: TA-Lib MACD row %zu outside our rows", cur, i);
        if (i >= n)
            continue;
        double want = golden_num(&ref, r, 5);
        CHECK(check_close_(m[i], want, TALIB_TOL, 0), "%s %zu/%zu/%zu row %zu MACD %.17g vs %.17g",
              cur, f, sl, sg, i, m[i], want);
        worst = fmax(worst, fabs(m[i] - want));
        inexact += (size_t)(m[i] != want);
        ++rows;
        CHECK((signal[0] != '\0') == (i >= sl + sg - 2),
              "%s row %zu: signal starts at slow+signal-2", cur, i);
        if (signal[0] == '\0')
            continue;
        double ws = golden_num(&ref, r, 6), wh = golden_num(&ref, r, 7);
        CHECK(check_close_(s[i], ws, TALIB_TOL, 0), "%s %zu/%zu/%zu row %zu signal %.17g vs %.17g",
              cur, f, sl, sg, i, s[i], ws);
        CHECK(check_close_(h[i], wh, TALIB_TOL, 0), "%s %zu/%zu/%zu row %zu hist %.17g vs %.17g",
              cur, f, sl, sg, i, h[i], wh);
        worst = fmax(worst, fmax(fabs(s[i] - ws), fabs(h[i] - wh)));
        inexact += (size_t)(s[i] != ws) + (size_t)(h[i] != wh);
    }
    CHECK(sets >= 40 && rows > 6000, "MACD reference too small: %zu sets %zu rows", sets, rows);
    printf("MACD vs TA-Lib: %zu rows in %zu series/params, %zu values not bit-identical, "
           "max |diff| %.3g\n",
           rows, sets, inexact, worst);
    golden_free(&in);
    golden_free(&ref);
}

/* ---- A/D line and divergence -------------------------------------------------------------- */

static void ad_line_is_the_running_net_advances(void)
{
    const double adv[] = {1850, 1620, 1400, 2010}, dec[] = {1320, 1540, 1800, 1100};
    const double want[] = {530, 610, 210, 1120}; /* 530; +80; -400; +910 */
    double ad[4];
    CHECK_STATUS(alvh_ad_line(adv, dec, 4, ad), ALVH_OK, "ad line");
    for (size_t i = 0; i < 4; ++i)
        CHECK(ad[i] == want[i], "ad line row %zu: %g, want %g", i, ad[i], want[i]);
    const double neg[] = {-1};
    CHECK_STATUS(alvh_ad_line(neg, dec, 1, ad), ALVH_E_BREADTH, "negative advancers");
    const double nan_[] = {(double)NAN};
    CHECK_STATUS(alvh_ad_line(adv, nan_, 1, ad), ALVH_E_BREADTH, "NaN decliners");
    CHECK_STATUS(alvh_ad_line(adv, dec, 0, ad), ALVH_E_SHORT_SERIES, "no rows");
}

typedef struct {
    const char *what;
    double ad[8], spx[8];
    size_t n, lookback;
    int want[8]; /* from index lookback on */
} div_case;

/* Worked from the definition (window = the previous `lookback` rows):
 *  bearish: rows 3,4: SPX 5120 > max(5000,5050,5100) and A/D 180 <= max(100,160,220) -> -1;
 *    5150 > max(5050,5100,5120), 150 <= 220 -> -1; row 5: SPX 5080 < min(5100,5120,5150) but
 *    A/D 120 < min(220,180,150) too: confirmed, 0; row 6 likewise (90 < 120) -> 0.
 *  bullish: row 2: SPX 4950 < min(5000,4980), A/D 50 not below min(0,-40) -> +1; row 3: SPX
 *    4900 < min(4980,4950), A/D 70 not below min(-40,50) -> +1; row 4: SPX 4990 > max(4950,4900)
 *    is a new high, A/D 30 not above max(50,70) -> -1 (the sign flips); row 5: SPX 4800 <
 *    min(4900,4990) and A/D -100 < min(70,30): confirmed -> 0.
 *  ties: a close equal to the window's high (or low) is neither a new high nor a new low -> 0. */
static const div_case k_div_cases[] = {
    {"bearish", {100, 160, 220, 180, 150, 120, 90}, {5000, 5050, 5100, 5120, 5150, 5080, 5020}, 7,
     3, {-1, -1, 0, 0}},
    {"bullish", {0, -40, 50, 70, 30, -100}, {5000, 4980, 4950, 4900, 4990, 4800}, 6, 2,
     {1, 1, -1, 0}},
    {"ties are not new highs or lows", {10, 20, 5, 30}, {100, 110, 110, 110}, 4, 2, {0, 0}},
    {"both at new highs: confirmed", {1, 2, 3, 4, 5}, {10, 11, 12, 13, 14}, 5, 2, {0, 0, 0}},
};

static void divergence_matches_hand_derivations(void)
{
    for (size_t c = 0; c < sizeof k_div_cases / sizeof k_div_cases[0]; ++c) {
        const div_case *k = &k_div_cases[c];
        int out[8];
        for (size_t i = 0; i < 8; ++i)
            out[i] = 99;
        CHECK_STATUS(alvh_ad_divergence(k->ad, k->spx, k->n, k->lookback, out), ALVH_OK, k->what);
        for (size_t i = 0; i < k->lookback; ++i)
            CHECK(out[i] == 99, "%s: row %zu before the window is full written", k->what, i);
        for (size_t i = k->lookback; i < k->n; ++i)
            CHECK(out[i] == k->want[i - k->lookback], "%s row %zu: %d, want %d", k->what, i,
                  out[i], k->want[i - k->lookback]);
    }
}

static void divergence_matches_brute_force_reference(void)
{
    golden_file in, ref;
    if (!load_input_and(&in, &ref, "indicators_divergence.csv",
                        "lookback,index,ad_line,divergence"))
        return;
    static double adv[MAX_N], dec[MAX_N], spx[MAX_N], ad[MAX_N];
    static int div[MAX_N];
    size_t n = load_series(&in, "adv_long", adv);
    CHECK(load_series(&in, "dec_long", dec) == n && load_series(&in, "spx_long", spx) == n,
          "long series lengths");
    CHECK_STATUS(alvh_ad_line(adv, dec, n, ad), ALVH_OK, "ad long");
    size_t cur = 0, rows = 0, nonzero = 0;
    for (size_t r = 0; r < ref.rows; ++r) {
        if (golden_cols(&ref, r) != 4)
            continue;
        size_t lookback = (size_t)golden_num(&ref, r, 0), i = (size_t)golden_num(&ref, r, 1);
        if (lookback != cur) {
            cur = lookback;
            CHECK_STATUS(alvh_ad_divergence(ad, spx, n, lookback, div), ALVH_OK, "div long");
        }
        if (i >= n)
            continue;
        CHECK(ad[i] == golden_num(&ref, r, 2), "A/D line row %zu: %.17g vs %s", i, ad[i],
              golden_text(&ref, r, 2));
        int want = (int)golden_num(&ref, r, 3);
        CHECK(div[i] == want, "divergence L=%zu row %zu: %d, want %d", lookback, i, div[i], want);
        nonzero += (size_t)(want != 0);
        ++rows;
    }
    CHECK(rows > 4900 && nonzero > 500, "divergence reference too small: %zu rows, %zu nonzero",
          rows, nonzero);
    golden_free(&in);
    golden_free(&ref);
}

/* ---- the ALVH triggers -------------------------------------------------------------------- */

static alvh_signal_policy small_policy(void)
{
    alvh_signal_policy p = {.rsi_period = 2, .rsi_level = 70, .macd_fast = 2, .macd_slow = 3,
                            .macd_signal = 2, .vix_floor = 25, .ad_lookback = 2};
    return p;
}

static void triggers_fire_on_constructed_crossovers(void)
{
    /* VIX 20 for rows 0-5, 30 on rows 6-7, 20 on rows 8-13, 24 on rows 14-15; RSI(2), MACD
     * 2/3/2, level 70, floor 25. Worked in exact fractions (RSI: gain and loss halve and add
     * half the move; EMAs k = 1/2 slow, 2/3 fast and signal, seeds at rows 2 and 3):
     *   row  RSI      MACD      signal     histogram
     *   2-5  0 (flat) 0         0 (from 3) 0
     *   6    100      5/3       10/9       5/9            RSI 0 -> 100, hist 0 -> 5/9: both
     *   7    100      25/18     35/27      5/54           no new crossing
     *   8    20       -85/108   -5/54      -25/36
     *   9    20       -0.8873   -0.6224    -515/1944
     *   10   20       -0.6083   -0.6130    55/11664       hist crosses up, but VIX 20 <= 25
     *   11-13 20      rising    rising     > 0
     *   14   96.2756  0.6121    0.3537     0.2585         RSI crosses 70; hist was already > 0
     *   15   96.2756                       0.0580         nothing */
    double vix[16] = {20, 20, 20, 20, 20, 20, 30, 30, 20, 20, 20, 20, 20, 20, 24, 24};
    const unsigned R = ALVH_TRIGGER_REBALANCE, A = ALVH_TRIGGER_ARM;
    const unsigned want[16] = {0, 0, 0, 0, 0, 0, R | A, 0, 0, 0, 0, 0, 0, 0, R, 0};
    alvh_signal_policy p = small_policy();
    unsigned t[16];
    size_t first = 0;
    CHECK(alvh_signal_first(&p, 0) == 4, "first row: max(2+1, 3+2-1) = 4");
    for (size_t i = 0; i < 16; ++i)
        t[i] = 99;
    CHECK_STATUS(alvh_signal(vix, NULL, NULL, 16, &p, t, &first), ALVH_OK, "constructed");
    CHECK(first == 4, "first %zu", first);
    CHECK(t[3] == 99, "rows before the first are not written");
    for (size_t i = 4; i < 16; ++i)
        CHECK(t[i] == want[i], "row %zu: triggers %u, want %u", i, t[i], want[i]);
    /* A floor of 19 lets the row-10 MACD crossing (VIX 20) arm. */
    p.vix_floor = 19;
    CHECK_STATUS(alvh_signal(vix, NULL, NULL, 16, &p, t, &first), ALVH_OK, "floor 19");
    CHECK(t[10] == A && t[6] == (R | A), "floor 19: row 10 ARM (%u), row 6 both (%u)", t[10],
          t[6]);
    /* VIX exactly at the floor is not above it. */
    p.vix_floor = 20;
    CHECK_STATUS(alvh_signal(vix, NULL, NULL, 16, &p, t, &first), ALVH_OK, "floor 20");
    CHECK(t[10] == 0, "VIX 20 is not above a floor of 20 (%u)", t[10]);
    /* The level is strict too: RSI 100 is not above a level of 100; 96.28 is above 96. */
    p.vix_floor = 25;
    p.rsi_level = 100;
    CHECK_STATUS(alvh_signal(vix, NULL, NULL, 16, &p, t, &first), ALVH_OK, "level 100");
    CHECK(t[6] == A && t[14] == 0, "level 100: rows 6 (%u) and 14 (%u)", t[6], t[14]);
    p.rsi_level = 96;
    CHECK_STATUS(alvh_signal(vix, NULL, NULL, 16, &p, t, &first), ALVH_OK, "level 96");
    CHECK(t[14] == R, "level 96: row 14 (%u)", t[14]);
}

static void divergence_start_triggers_rebalance_once(void)
{
    /* VIX flat (no RSI or MACD crossings: RSI 0, histogram 0 throughout), divergence from the
     * "bearish" hand case, lookback 2: SPX makes new highs at rows 2,3,4 with the A/D line
     * below its window's high from row 3: divergence rows 2..: compute by hand:
     *  ad  = 100, 160, 220, 180, 150, 140, 130
     *  spx = 5000,5050,5100,5120,5150,5160,5100
     *  row 2: 5100 > 5050,5000; 220 > 160,100 (confirmed) -> 0
     *  row 3: 5120 > 5100,5050; 180 <= 220 -> -1 (starts: REBALANCE)
     *  row 4: 5150 > 5120,5100; 150 <= 220 -> -1 (continues: nothing)
     *  row 5: 5160 > 5150,5120; 140 <= 180 -> -1 (continues)
     *  row 6: 5100 not a new high; 5100 < min(5150,5160) new low, 130 < min(150,140) confirmed
     *         -> 0. */
    double vix[7] = {20, 20, 20, 20, 20, 20, 20};
    double ad[7] = {100, 160, 220, 180, 150, 140, 130};
    double spx[7] = {5000, 5050, 5100, 5120, 5150, 5160, 5100};
    alvh_signal_policy p = small_policy();
    unsigned t[7];
    size_t first = 0;
    CHECK_STATUS(alvh_signal(vix, ad, spx, 7, &p, t, &first), ALVH_OK, "divergence signal");
    CHECK(first == 4, "first with divergence: max(3, 4, 2+1) = 4, got %zu", first);
    /* Row 3 is before the first row (the MACD needs rows 3 and 4). Shift: with lookback 2 the
     * start at row 3 is not reported; rows 4 and 5 continue it: nothing. */
    CHECK(t[4] == 0 && t[5] == 0 && t[6] == 0, "continuing divergence fires nothing: %u %u %u",
          t[4], t[5], t[6]);
    /* Put the start later: prepend two flat rows so it begins at row 5. */
    double vix2[9] = {20, 20, 20, 20, 20, 20, 20, 20, 20};
    double ad2[9] = {100, 100, 100, 160, 220, 180, 150, 140, 130};
    double spx2[9] = {5000, 5000, 5000, 5050, 5100, 5120, 5150, 5160, 5100};
    unsigned t2[9];
    CHECK_STATUS(alvh_signal(vix2, ad2, spx2, 9, &p, t2, &first), ALVH_OK, "shifted");
    CHECK(t2[5] == ALVH_TRIGGER_REBALANCE, "divergence starts at row 5: %u", t2[5]);
    CHECK(t2[4] == 0 && t2[6] == 0 && t2[7] == 0 && t2[8] == 0, "only the start fires");
}

/* ALVH_SIGNAL through the table on the long series, against the reference triggers. */
static void alvh_signal_matches_reference_triggers(void)
{
    golden_file in, ref, pol;
    if (!golden_load(&pol, "indicators_signal_policies.tsv",
                     "policy_id\tuses_divergence\tpolicy_json"))
        return;
    if (!load_input_and(&in, &ref, "indicators_signal.csv", "policy,index,trigger")) {
        golden_free(&pol);
        return;
    }
    static double vix[MAX_N], adv[MAX_N], dec[MAX_N], spx[MAX_N], ad[MAX_N];
    static alvh_value cv[MAX_N], ca[MAX_N], cs[MAX_N];
    size_t n = load_series(&in, "vix_long", vix);
    load_series(&in, "adv_long", adv);
    load_series(&in, "dec_long", dec);
    load_series(&in, "spx_long", spx);
    alvh_ad_line(adv, dec, n, ad);
    for (size_t i = 0; i < n; ++i) {
        cv[i] = (alvh_value){.kind = ALVH_NUMBER, .number = vix[i]};
        ca[i] = (alvh_value){.kind = ALVH_NUMBER, .number = ad[i]};
        cs[i] = (alvh_value){.kind = ALVH_NUMBER, .number = spx[i]};
    }
    size_t checked = 0, fired = 0;
    for (size_t k = 0; k < pol.rows; ++k) {
        if (golden_cols(&pol, k) != 3)
            continue;
        const char *id = golden_text(&pol, k, 0), *json = golden_text(&pol, k, 2);
        int use_div = (int)golden_num(&pol, k, 1);
        alvh_value args[4] = {
            {.kind = ALVH_RANGE, .rows = n, .cols = 1, .cells = cv},
            {.kind = use_div ? ALVH_RANGE : ALVH_EMPTY, .rows = n, .cols = 1, .cells = ca},
            {.kind = use_div ? ALVH_RANGE : ALVH_EMPTY, .rows = n, .cols = 1, .cells = cs},
            {.kind = json[0] ? ALVH_TEXT : ALVH_EMPTY, .text = json},
        };
        alvh_result r;
        alvh_result_init(&r);
        CHECK_STATUS(alvh_call_by_name("ALVH_SIGNAL", args, 4, &r), ALVH_OK, id);
        CHECK(r.rows == n && r.cols == 1, "%s: %zux%zu result", id, r.rows, r.cols);
        size_t first = n;
        for (size_t i = 0; i < r.rows; ++i)
            if (r.cells[i].kind != ALVH_EMPTY) {
                first = i;
                break;
            }
        size_t ref_first = n;
        for (size_t j = 0; j < ref.rows; ++j) {
            if (golden_cols(&ref, j) != 3 || strcmp(golden_text(&ref, j, 0), id) != 0)
                continue;
            size_t i = (size_t)golden_num(&ref, j, 1);
            const char *want = golden_text(&ref, j, 2);
            if (ref_first == n)
                ref_first = i;
            CHECK(i < r.rows && r.cells[i].kind == ALVH_TEXT && strcmp(r.cells[i].text, want) == 0,
                  "%s row %zu: %s, want %s", id, i,
                  i < r.rows && r.cells[i].kind == ALVH_TEXT ? r.cells[i].text : "(empty)", want);
            fired += (size_t)(strcmp(want, "NONE") != 0);
            ++checked;
        }
        CHECK(first == ref_first, "%s: first row %zu, want %zu", id, first, ref_first);
        alvh_result_free(&r);
    }
    CHECK(checked > 3000 && fired > 300, "signal reference too small: %zu rows, %zu fired",
          checked, fired);
    golden_free(&in);
    golden_free(&ref);
    golden_free(&pol);
}

/* ---- through the table: layout and errors ------------------------------------------------- */

static alvh_value num(double x)
{
    return (alvh_value){.kind = ALVH_NUMBER, .number = x};
}

static alvh_value column(alvh_value *cells, size_t n)
{
    return (alvh_value){.kind = ALVH_RANGE, .rows = n, .cols = 1, .cells = cells};
}

static void table_rows_leave_warm_up_rows_empty(void)
{
    alvh_value c[7] = {num(20), num(21), num(22), num(21), num(20), num(22), num(23)};
    alvh_value args[4] = {column(c, 7), num(3)};
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(alvh_call_by_name("VIX_RSI", args, 2, &r), ALVH_OK, "VIX_RSI");
    CHECK(r.rows == 7 && r.cols == 1, "VIX_RSI is a column of 7");
    for (size_t i = 0; i < 3; ++i)
        CHECK(r.cells[i].kind == ALVH_EMPTY, "VIX_RSI row %zu empty (#N/A), never 0", i);
    CHECK(r.cells[3].kind == ALVH_NUMBER && fabs(r.cells[3].number - 200.0 / 3) < 1e-12,
          "VIX_RSI row 4 (period+1) is the first value");

    alvh_value m[5] = {num(1), num(2), num(4), num(3), num(5)};
    alvh_value margs[4] = {column(m, 5), num(2), num(3), num(2)};
    CHECK_STATUS(alvh_call_by_name("VIX_MACD", margs, 4, &r), ALVH_OK, "VIX_MACD");
    CHECK(r.rows == 5 && r.cols == 3, "VIX_MACD is 5x3");
    for (size_t i = 0; i < 5; ++i)
        for (size_t j = 0; j < 3; ++j) {
            int defined = j == 0 ? i >= 2 : i >= 3;
            CHECK((r.cells[i * 3 + j].kind == ALVH_NUMBER) == defined, "VIX_MACD cell %zu,%zu", i,
                  j);
        }
    CHECK(fabs(r.cells[3 * 3 + 2].number + 1.0 / 6) < 1e-14, "VIX_MACD histogram row 4");

    /* Trailing empty cells (a column pasted into a longer range) are ignored. */
    alvh_value tail[9] = {num(20), num(21), num(22), num(21), num(20), num(22), num(23)};
    alvh_value targs[2] = {column(tail, 9), num(3)};
    CHECK_STATUS(alvh_call_by_name("VIX_RSI", targs, 2, &r), ALVH_OK, "trailing empties");
    CHECK(r.rows == 7, "trailing empty cells dropped: %zu rows", r.rows);

    /* A one-row input gets the transposed layout: VIX_RSI 1x7, VIX_MACD 3x5. */
    alvh_value row_args[2] = {{.kind = ALVH_RANGE, .rows = 1, .cols = 7, .cells = c}, num(3)};
    CHECK_STATUS(alvh_call_by_name("VIX_RSI", row_args, 2, &r), ALVH_OK, "VIX_RSI row");
    CHECK(r.rows == 1 && r.cols == 7 && r.cells[2].kind == ALVH_EMPTY &&
              fabs(r.cells[3].number - 200.0 / 3) < 1e-12,
          "VIX_RSI of a row is a row: %zux%zu", r.rows, r.cols);
    alvh_value mrow[4] = {{.kind = ALVH_RANGE, .rows = 1, .cols = 5, .cells = m}, num(2), num(3),
                          num(2)};
    CHECK_STATUS(alvh_call_by_name("VIX_MACD", mrow, 4, &r), ALVH_OK, "VIX_MACD row");
    CHECK(r.rows == 3 && r.cols == 5, "VIX_MACD of a row is 3 rows: %zux%zu", r.rows, r.cols);
    CHECK(r.rows == 3 && r.cells[0 * 5 + 2].kind == ALVH_NUMBER &&
              r.cells[1 * 5 + 2].kind == ALVH_EMPTY &&
              fabs(r.cells[2 * 5 + 3].number + 1.0 / 6) < 1e-14 &&
              fabs(r.cells[0 * 5 + 4].number - 0.5) < 1e-14,
          "VIX_MACD row layout: MACD, signal, histogram rows");

    alvh_value d_ad[7] = {num(100), num(160), num(220), num(180), num(150), num(120), num(90)};
    alvh_value d_spx[7] = {num(5000), num(5050), num(5100), num(5120), num(5150), num(5080),
                           num(5020)};
    alvh_value dargs[3] = {column(d_ad, 7), column(d_spx, 7), num(3)};
    CHECK_STATUS(alvh_call_by_name("AD_DIVERGENCE", dargs, 3, &r), ALVH_OK, "AD_DIVERGENCE");
    CHECK(r.rows == 7 && r.cells[2].kind == ALVH_EMPTY && r.cells[3].kind == ALVH_NUMBER &&
              r.cells[3].number == -1,
          "AD_DIVERGENCE: first lookback rows #N/A, then -1");

    alvh_value adv[2] = {num(1500), num(1480)}, dec[2] = {num(1500), num(1700)};
    alvh_value aargs[2] = {column(adv, 2), column(dec, 2)};
    CHECK_STATUS(alvh_call_by_name("AD_LINE", aargs, 2, &r), ALVH_OK, "AD_LINE");
    CHECK(r.rows == 2 && r.cells[0].number == 0 && r.cells[1].number == -220, "AD_LINE 0, -220");
    alvh_result_free(&r);
}

typedef struct {
    const char *what, *fn;
    size_t nargs;
    alvh_value args[4];
    alvh_status want;
    const char *message_part;
} error_case;

static alvh_value k_five[5], k_three_a[3], k_two[2], k_text[3], k_hole[4], k_nan[3], k_negvix[40],
    k_big[40];

static void init_error_ranges(void)
{
    for (size_t i = 0; i < 5; ++i)
        k_five[i] = num(20 + (double)i);
    for (size_t i = 0; i < 3; ++i)
        k_three_a[i] = num(1500);
    k_two[0] = num(1500), k_two[1] = num(1400);
    k_text[0] = num(20), k_text[1] = (alvh_value){.kind = ALVH_TEXT, .text = "n/a"},
    k_text[2] = num(22);
    k_hole[0] = num(20), k_hole[1] = (alvh_value){.kind = ALVH_EMPTY}, k_hole[2] = num(21),
    k_hole[3] = num(22);
    k_nan[0] = num(20), k_nan[1] = num((double)INFINITY), k_nan[2] = num(21);
    for (size_t i = 0; i < 40; ++i) {
        k_negvix[i] = num(i == 30 ? -1 : 20);
        k_big[i] = num(i % 2 ? DBL_MAX : -DBL_MAX);
    }
}

static void bad_inputs_give_documented_errors(void)
{
    init_error_ranges();
    const alvh_value empty_range = {.kind = ALVH_RANGE, .rows = 0, .cols = 0, .cells = NULL};
    const alvh_value blank[1] = {{.kind = ALVH_EMPTY}};
    const error_case cases[] = {
        {"rsi period 1", "VIX_RSI", 2, {column(k_five, 5), num(1)}, ALVH_E_PERIOD,
         "period must be a whole number of rows from 2 to 100000, got 1"},
        {"rsi period 2.5", "VIX_RSI", 2, {column(k_five, 5), num(2.5)}, ALVH_E_PERIOD, "got 2.5"},
        {"rsi period 100001", "VIX_RSI", 2, {column(k_five, 5), num(100001)}, ALVH_E_PERIOD,
         "100000"},
        {"rsi period negative", "VIX_RSI", 2, {column(k_five, 5), num(-14)}, ALVH_E_PERIOD, "-14"},
        {"rsi period text", "VIX_RSI", 2,
         {column(k_five, 5), {.kind = ALVH_TEXT, .text = "x"}}, ALVH_E_ARG_TYPE, "period"},
        {"rsi short: period rows only", "VIX_RSI", 2, {column(k_five, 5), num(5)},
         ALVH_E_SHORT_SERIES, "closes has 5 values; VIX_RSI with period 5 needs at least 6"},
        {"rsi default period on 5 rows", "VIX_RSI", 1, {column(k_five, 5)}, ALVH_E_SHORT_SERIES,
         "needs at least 15"},
        {"rsi single number", "VIX_RSI", 1, {num(20)}, ALVH_E_SHORT_SERIES, "closes has 1 value"},
        {"rsi empty range", "VIX_RSI", 1, {empty_range}, ALVH_E_RANGE_SHAPE, "closes"},
        {"rsi all-blank range", "VIX_RSI", 1, {column((alvh_value *)blank, 1)},
         ALVH_E_RANGE_SHAPE, "closes is empty"},
        {"rsi missing closes", "VIX_RSI", 0, {{0}}, ALVH_E_MISSING, "closes is required"},
        {"rsi infinite close", "VIX_RSI", 2, {column(k_nan, 3), num(2)}, ALVH_E_RANGE_VALUE,
         "closes: item 2 must be a finite number"},
        {"rsi overflow", "VIX_RSI", 2, {column(k_big, 40), num(2)}, ALVH_E_NOT_FINITE, "finite"},
        {"macd fast = slow", "VIX_MACD", 4, {column(k_five, 5), num(3), num(3), num(1)},
         ALVH_E_FAST_SLOW, "got fast 3 and slow 3"},
        {"macd fast > slow not swapped", "VIX_MACD", 4, {column(k_five, 5), num(4), num(2), num(1)},
         ALVH_E_FAST_SLOW, "not swapped"},
        {"macd signal 0", "VIX_MACD", 4, {column(k_five, 5), num(2), num(3), num(0)},
         ALVH_E_PERIOD, "signal must be a whole number of rows from 1"},
        {"macd fast 1", "VIX_MACD", 4, {column(k_five, 5), num(1), num(3), num(1)}, ALVH_E_PERIOD,
         "fast must be"},
        {"macd short", "VIX_MACD", 4, {column(k_five, 5), num(2), num(4), num(3)},
         ALVH_E_SHORT_SERIES, "needs at least 6"},
        {"macd defaults on 5 rows", "VIX_MACD", 1, {column(k_five, 5)}, ALVH_E_SHORT_SERIES,
         "needs at least 34"},
        {"macd overflow", "VIX_MACD", 4, {column(k_big, 40), num(2), num(3), num(2)},
         ALVH_E_NOT_FINITE, "finite"},
        {"ad_line mismatched", "AD_LINE", 2, {column(k_three_a, 3), column(k_two, 2)},
         ALVH_E_RANGE_SHAPE, "advancers and decliners must have the same number of values, got 3 "
                             "and 2"},
        {"ad_line one decliner for two days", "AD_LINE", 2, {column(k_two, 2), num(-3)}, ALVH_E_RANGE_SHAPE,
         "same number"},
        {"ad_line negative count", "AD_LINE", 2, {num(5), num(-3)}, ALVH_E_BREADTH,
         "decliners: item 1 must be a count of issues, zero or more, got -3"},
        {"divergence mismatched", "AD_DIVERGENCE", 3, {column(k_five, 5), column(k_two, 2), num(2)},
         ALVH_E_RANGE_SHAPE, "ad_line and spx"},
        {"divergence short", "AD_DIVERGENCE", 3, {column(k_five, 5), column(k_five, 5), num(5)},
         ALVH_E_SHORT_SERIES, "needs at least 6"},
        {"divergence lookback 1", "AD_DIVERGENCE", 3,
         {column(k_five, 5), column(k_five, 5), num(1)}, ALVH_E_PERIOD, "lookback must be"},
        {"signal short", "ALVH_SIGNAL", 1, {column(k_five, 5)}, ALVH_E_SHORT_SERIES,
         "needs at least 35"},
        {"signal non-positive vix", "ALVH_SIGNAL", 1, {column(k_negvix, 40)}, ALVH_E_VIX_LEVEL,
         "vix: item 31 must be a positive VIX close"},
        {"signal ad_line without spx", "ALVH_SIGNAL", 2, {column(k_five, 5), column(k_five, 5)},
         ALVH_E_MISSING, "ad_line and spx go together"},
        {"signal spx mismatched", "ALVH_SIGNAL", 3,
         {column(k_five, 5), column(k_five, 5), column(k_two, 2)}, ALVH_E_RANGE_SHAPE,
         "vix and spx"},
        {"signal bad policy JSON", "ALVH_SIGNAL", 4,
         {column(k_five, 5), {0}, {0}, {.kind = ALVH_TEXT, .text = "{\"signals\": "}},
         ALVH_E_POLICY_JSON, "policy:"},
        {"signal policy level out of range", "ALVH_SIGNAL", 4,
         {column(k_five, 5), {0}, {0}, {.kind = ALVH_TEXT, .text = "{\"signals\": {\"rsi_level\": 150}}"}},
         ALVH_E_POLICY_VALUE, "signals.rsi_level"},
        {"signal policy fast 1", "ALVH_SIGNAL", 4,
         {column(k_five, 5), {0}, {0}, {.kind = ALVH_TEXT, .text = "{\"signals\": {\"macd_fast\": 1}}"}},
         ALVH_E_POLICY_VALUE, "signals.macd_fast"},
        {"signal policy a number", "ALVH_SIGNAL", 4, {column(k_five, 5), {0}, {0}, num(3)},
         ALVH_E_ARG_TYPE, "policy"},
    };
    alvh_result r;
    alvh_result_init(&r);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; ++c) {
        const error_case *k = &cases[c];
        alvh_status st = alvh_call_by_name(k->fn, k->args, k->nargs, &r);
        CHECK_STATUS(st, k->want, k->what);
        CHECK(strstr(r.message, k->message_part) != NULL, "%s: message \"%s\" lacks \"%s\"",
              k->what, r.message, k->message_part);
        CHECK(r.cells == NULL, "%s: no cells on failure", k->what);
    }
    alvh_result_free(&r);
}

/* A blank or text cell inside a pasted column (a holiday row, a bad paste) does not fail the
 * call: the rows before it are computed, and are those of the series cut at the gap (every
 * indicator here is causal: row i depends on rows 0..i only); the gap row and every row after
 * it have no value; the result warns (RANGE_VALUE) naming the series, the row and what to do.
 * (Before issue 15 these calls failed with RANGE_VALUE and no cells.) */
static void gaps_compute_the_rows_before_them(void)
{
    enum { N = 60, GAP = 44 };
    static alvh_value vix[N], cut[N], ad[N], spx[N], adv[N], dec[N];
    for (size_t i = 0; i < N; ++i) {
        double t = (double)i;
        vix[i] = num(20 + 6 * sin(t / 5) + (i % 7 == 3 ? 4 : 0));
        spx[i] = num(5000 + 40 * sin(t / 9) + 3 * t);
        ad[i] = num(1000 * cos(t / 8) - 5 * t);
        adv[i] = num(1500 + (double)(i % 11) * 30);
        dec[i] = num(1400 + (double)(i % 13) * 25);
    }
    /* each call: its series (NULL: a period argument, per[k]) and which one gets the gap */
    static const struct {
        const char *fn;
        size_t nargs, gap_arg, cols;
        const char *gap_name;
        alvh_value *series[4];
        double per[4];
    } calls[] = {
        {"VIX_RSI", 2, 0, 1, "closes", {vix, NULL}, {0, 14}},
        {"VIX_MACD", 4, 0, 3, "closes", {vix, NULL, NULL, NULL}, {0, 12, 26, 9}},
        {"AD_LINE", 2, 1, 1, "decliners", {adv, dec}, {0}},
        {"AD_DIVERGENCE", 3, 1, 1, "spx", {ad, spx, NULL}, {0, 0, 20}},
        {"ALVH_SIGNAL", 3, 0, 1, "vix", {vix, ad, spx}, {0}},
    };
    alvh_result whole, part;
    alvh_result_init(&whole);
    alvh_result_init(&part);
    for (size_t c = 0; c < sizeof calls / sizeof calls[0]; ++c) {
        alvh_value args[4];
        for (int text = 0; text < 2; ++text) {
            /* the gapped series: a copy with the gap at row GAP (0-based) */
            memcpy(cut, calls[c].series[calls[c].gap_arg], sizeof cut);
            cut[GAP] = text ? (alvh_value){.kind = ALVH_TEXT, .text = "n/a"}
                            : (alvh_value){.kind = ALVH_EMPTY};
            for (size_t k = 0; k < calls[c].nargs; ++k)
                args[k] = k == calls[c].gap_arg ? column(cut, N)
                          : calls[c].series[k]  ? column(calls[c].series[k], N)
                                                : num(calls[c].per[k]);
            CHECK_STATUS(alvh_call_by_name(calls[c].fn, args, calls[c].nargs, &whole), ALVH_OK,
                         calls[c].fn);
            CHECK(whole.warning == ALVH_E_RANGE_VALUE, "%s: warns RANGE_VALUE", calls[c].fn);
            char want[160];
            snprintf(want, sizeof want, "%s: row %d of the range %s, so rows %d to %d show no "
                     "value: paste a number there, or delete the row", calls[c].gap_name,
                     GAP + 1, text ? "holds text \"n/a\"" : "is blank", GAP + 1, N);
            CHECK(strcmp(whole.message, want) == 0, "%s: warning \"%s\", want \"%s\"",
                  calls[c].fn, whole.message, want);
            /* the same call on the series cut at the gap */
            alvh_value cargs[4];
            memcpy(cargs, args, sizeof cargs);
            for (size_t k = 0; k < calls[c].nargs; ++k)
                if (cargs[k].kind == ALVH_RANGE)
                    cargs[k].rows = GAP;
            CHECK_STATUS(alvh_call_by_name(calls[c].fn, cargs, calls[c].nargs, &part), ALVH_OK,
                         "cut");
            CHECK(part.warning == ALVH_OK && part.message[0] == '\0', "%s: no gap, no warning",
                  calls[c].fn);
            CHECK(whole.rows == N && whole.cols == calls[c].cols && part.rows == GAP,
                  "%s: %zux%zu rows, the cut %zu", calls[c].fn, whole.rows, whole.cols, part.rows);
            size_t defined = 0;
            for (size_t i = 0; whole.rows == N && part.rows == GAP && i < N; ++i)
                for (size_t j = 0; j < calls[c].cols; ++j) {
                    const alvh_value *w = &whole.cells[i * calls[c].cols + j];
                    if (i >= GAP) {
                        CHECK(w->kind == ALVH_EMPTY, "%s row %zu after the gap has no value",
                              calls[c].fn, i + 1);
                        continue;
                    }
                    const alvh_value *p = &part.cells[i * calls[c].cols + j];
                    defined += w->kind != ALVH_EMPTY;
                    CHECK(w->kind == p->kind &&
                              (w->kind != ALVH_NUMBER || memcmp(&w->number, &p->number,
                                                                sizeof w->number) == 0) &&
                              (w->kind != ALVH_TEXT || strcmp(w->text, p->text) == 0),
                          "%s row %zu col %zu equals the cut series' row", calls[c].fn, i + 1, j);
                }
            CHECK(defined > 0, "%s: some rows before the gap have values", calls[c].fn);
        }
    }
    /* A gap before the first value: no value anywhere, and the warning, not an error. */
    alvh_value early[5] = {num(20), {.kind = ALVH_TEXT, .text = "CLOSE"}, num(21), num(22),
                           num(23)};
    alvh_value eargs[2] = {column(early, 5), num(2)};
    CHECK_STATUS(alvh_call_by_name("VIX_RSI", eargs, 2, &whole), ALVH_OK, "early gap");
    CHECK(whole.rows == 5 && whole.cells[0].kind == ALVH_EMPTY &&
              whole.cells[4].kind == ALVH_EMPTY && whole.warning == ALVH_E_RANGE_VALUE &&
              strstr(whole.message, "closes: row 2 of the range holds text \"CLOSE\", so rows 2 "
                                    "to 5 show no value") != NULL,
          "early gap: %s", whole.message);
    /* ALVH_ERROR says it; a call without a gap says OK. */
    alvh_value err_args[3] = {{.kind = ALVH_TEXT, .text = "VIX_RSI"}, column(k_hole, 4), num(2)};
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", err_args, 3, &whole), ALVH_OK, "ALVH_ERROR");
    CHECK(strcmp(whole.cells[0].text, "RANGE_VALUE: closes: row 2 of the range is blank, so rows "
                                      "2 to 4 show no value: paste a number there, or delete the "
                                      "row") == 0,
          "ALVH_ERROR on a gap: %s", whole.cells[0].text);
    err_args[1] = column(k_five, 5);
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", err_args, 3, &whole), ALVH_OK, "ALVH_ERROR ok");
    CHECK(strcmp(whole.cells[0].text, "OK") == 0, "no gap: OK");
    alvh_result_free(&whole);
    alvh_result_free(&part);
}

static void core_rejects_bad_arguments_directly(void)
{
    double x[40], o[40], o2[40], o3[40];
    int d[40];
    unsigned t[40];
    size_t first;
    for (size_t i = 0; i < 40; ++i)
        x[i] = 20 + (double)(i % 3);
    CHECK_STATUS(alvh_rsi(x, 40, 1, o), ALVH_E_PERIOD, "rsi_rejects_period_below_two");
    CHECK_STATUS(alvh_rsi(x, 40, 100001, o), ALVH_E_PERIOD, "rsi_rejects_period_above_100000");
    CHECK_STATUS(alvh_rsi(x, 14, 14, o), ALVH_E_SHORT_SERIES, "rsi needs period+1 closes");
    CHECK_STATUS(alvh_rsi(NULL, 40, 14, o), ALVH_E_ARGUMENT, "rsi NULL");
    x[5] = (double)NAN;
    CHECK_STATUS(alvh_rsi(x, 40, 14, o), ALVH_E_RANGE_VALUE, "rsi NaN close");
    CHECK_STATUS(alvh_macd(x, 40, 12, 26, 9, o, o2, o3), ALVH_E_RANGE_VALUE, "macd NaN close");
    CHECK_STATUS(alvh_ad_divergence(x, x, 40, 5, d), ALVH_E_RANGE_VALUE, "divergence NaN");
    x[5] = 20;
    CHECK_STATUS(alvh_macd(x, 40, 26, 12, 9, o, o2, o3), ALVH_E_FAST_SLOW, "macd swapped");
    CHECK_STATUS(alvh_macd(x, 33, 12, 26, 9, o, o2, o3), ALVH_E_SHORT_SERIES, "macd 33 rows");
    CHECK_STATUS(alvh_macd(x, 34, 12, 26, 9, o, o2, o3), ALVH_OK, "macd 34 rows: one signal");
    CHECK_STATUS(alvh_macd(x, 40, 2, 3, 0, o, o2, o3), ALVH_E_PERIOD, "macd signal 0");
    CHECK_STATUS(alvh_ad_divergence(x, x, 5, 5, d), ALVH_E_SHORT_SERIES, "divergence short");
    alvh_signal_policy p = small_policy();
    CHECK_STATUS(alvh_signal(x, x, NULL, 40, &p, t, &first), ALVH_E_ARGUMENT, "ad without spx");
    p.macd_slow = 2;
    const char *bad = NULL;
    CHECK_STATUS(alvh_signal_policy_check(&p, &bad), ALVH_E_POLICY_VALUE, "slow <= fast");
    CHECK(bad && strcmp(bad, "signals.macd_slow") == 0, "names signals.macd_slow");
    CHECK_STATUS(alvh_signal(x, NULL, NULL, 40, &p, t, &first), ALVH_E_POLICY_VALUE, "policy");
}

int main(void)
{
    rsi_matches_hand_derivations();
    macd_matches_hand_derivations();
    macd_of_a_straight_line_is_constant();
    rsi_matches_talib_on_every_reference_row();
    macd_matches_talib_on_every_reference_row();
    ad_line_is_the_running_net_advances();
    divergence_matches_hand_derivations();
    divergence_matches_brute_force_reference();
    triggers_fire_on_constructed_crossovers();
    divergence_start_triggers_rebalance_once();
    alvh_signal_matches_reference_triggers();
    table_rows_leave_warm_up_rows_empty();
    bad_inputs_give_documented_errors();
    gaps_compute_the_rows_before_them();
    core_rejects_bad_arguments_directly();
    return check_summary("test_indicators");
}
