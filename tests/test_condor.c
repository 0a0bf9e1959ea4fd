/* test_condor.c: iron condors (IC_*) and books of legs (BOOK_*), core and through the table.
 *
 * Expected values: tests/data/condor_*.csv from tests/gen_condor_golden.py (mpmath, 40 digits:
 * strikes by bisection on the BSM delta, prices from the BSM formula, greeks by numerical
 * differentiation), and hand derivations written out below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "alvh/condor.h"
#include "check.h"
#include "golden.h"
#include "internal.h"

/* ---- the golden files' headers (the columns the tests index) ------------------------------ */

#define STRIKES_HEADER                                                                      \
    "spot,years,vol,short_delta,wing,step,rate,div_yield,long_put,short_put,short_call,"    \
    "long_call"
#define VALUES_HEADER                                                                       \
    "long_put,short_put,short_call,long_call,spot,years,vol,skew,rate,div_yield,vol0,vol1," \
    "vol2,vol3,credit,max_loss,lower,upper,pop"
#define BOOK_LEGS_HEADER "book,type,strike,quantity,years,vol"
#define BOOK_VALUES_HEADER                                                                  \
    "book,spot,rate,div_yield,multiplier,days_forward,pnl_spot,value,delta,gamma,vega,"     \
    "theta,rho,pnl"

/* ---- table helpers ------------------------------------------------------------------------------ */

static alvh_value N(double x)
{
    return (alvh_value){.kind = ALVH_NUMBER, .number = x};
}

static alvh_value T(const char *s)
{
    return (alvh_value){.kind = ALVH_TEXT, .text = s};
}

static alvh_value R(const alvh_value *cells, size_t rows, size_t cols)
{
    return (alvh_value){.kind = ALVH_RANGE, .rows = rows, .cols = cols, .cells = cells};
}

static const alvh_value E = {.kind = ALVH_EMPTY};

static alvh_status call(const char *name, const alvh_value *args, size_t n, alvh_result *r)
{
    return alvh_call_by_name(name, args, n, r);
}

static double cell(const alvh_result *r, size_t row, size_t col)
{
    if (r->status != ALVH_OK || row >= r->rows || col >= r->cols ||
        r->cells[row * r->cols + col].kind != ALVH_NUMBER)
        return (double)NAN;
    return r->cells[row * r->cols + col].number;
}

/* ---- strikes -------------------------------------------------------------------------------------- */

static void strikes_match_an_independent_strike_from_delta(void)
{
    golden_file g;
    if (!golden_load(&g, "condor_strikes.csv", STRIKES_HEADER))
        return;
    alvh_result r;
    alvh_result_init(&r);
    for (size_t i = 0; i < g.rows; ++i) {
        double v[12];
        golden_nums(&g, i, 0, 12, v);
        double spot = v[0], years = v[1], vol = v[2], delta = v[3];
        double wing = v[4], step = v[5], rate = v[6], q = v[7];
        double k[4];
        alvh_status st = alvh_condor_strikes(spot, years, vol, delta, wing, step, rate, q, k);
        CHECK_STATUS(st, ALVH_OK, "strikes row");
        alvh_value args[8] = {N(spot), N(years), N(vol), N(delta), N(wing), N(step), N(rate), N(q)};
        CHECK_STATUS(call("IC_STRIKES", args, 8, &r), ALVH_OK, "IC_STRIKES");
        CHECK(r.rows == 1 && r.cols == 4, "IC_STRIKES is a row of 4");
        for (size_t j = 0; j < 4; ++j) {
            double want = v[8 + j];
            char what[96];
            snprintf(what, sizeof what, "row %zu strike %zu (step %g)", i + 2, j, step);
            if (step > 0) {
                /* Grid strikes are exact multiples of step. */
                CHECK(k[j] == want, "%s: got %.17g, want %.17g", what, k[j], want);
                CHECK(cell(&r, 0, j) == want, "%s through the table", what);
            } else {
                CHECK_CLOSE(k[j], want, 1e-9, 1e-11, what);
                CHECK_CLOSE(cell(&r, 0, j), want, 1e-9, 1e-11, what);
            }
        }
    }
    alvh_result_free(&r);
    golden_free(&g);
}

static void rounded_short_strikes_never_exceed_the_target_delta(void)
{
    golden_file g;
    if (!golden_load(&g, "condor_strikes.csv", STRIKES_HEADER))
        return;
    for (size_t i = 0; i < g.rows; ++i) {
        double v[12];
        golden_nums(&g, i, 0, 12, v);
        double spot = v[0], years = v[1], vol = v[2], delta = v[3];
        double step = v[5], rate = v[6], q = v[7];
        alvh_greeks gp, gc;
        CHECK_STATUS(alvh_bsm_greeks(ALVH_PUT, spot, v[9], years, vol, rate, q, &gp), ALVH_OK,
                     "put delta");
        CHECK_STATUS(alvh_bsm_greeks(ALVH_CALL, spot, v[10], years, vol, rate, q, &gc), ALVH_OK,
                     "call delta");
        double slack = step > 0 ? 0.0 : 1e-12;
        CHECK(-gp.delta <= delta + slack, "row %zu: short put |delta| %.6f > %.2f", i + 2,
              -gp.delta, delta);
        CHECK(gc.delta <= delta + slack, "row %zu: short call delta %.6f > %.2f", i + 2,
              gc.delta, delta);
        if (step > 0) {
            /* One grid step closer to spot would exceed it (the rounding moves at most one step). */
            alvh_greeks gp2, gc2;
            alvh_bsm_greeks(ALVH_PUT, spot, v[9] + step, years, vol, rate, q, &gp2);
            alvh_bsm_greeks(ALVH_CALL, spot, v[10] - step, years, vol, rate, q, &gc2);
            CHECK(-gp2.delta > delta, "row %zu: put one step up is still within target", i + 2);
            CHECK(gc2.delta > delta, "row %zu: call one step down is still within target", i + 2);
        }
    }
    golden_free(&g);
}

static void strikes_reject_bad_wing_step_delta_and_market_inputs(void)
{
    /* The wing must be a whole number of steps; each input outside its domain is a status. */
    double k[4];
    CHECK_STATUS(alvh_condor_strikes(5000, 30.0 / 365, 0.15, 0.16, 52, 5, 0, 0, k), ALVH_E_WING,
                 "wing 52 is not a multiple of 5");
    CHECK_STATUS(alvh_condor_strikes(5000, 30.0 / 365, 0.15, 0.16, 50, 0, 0, 0, k), ALVH_OK,
                 "step 0: any wing");
    CHECK_CLOSE(k[1] - k[0], 50, 1e-9, 0, "step 0: wing exact");
    CHECK_STATUS(alvh_condor_strikes(100, 30.0 / 365, 0.15, 0.16, 200, 5, 0, 0, k), ALVH_E_STRIKES,
                 "wing wider than the index");
    CHECK_STATUS(alvh_condor_strikes(5000, 30.0 / 365, 0.15, 0.5, 50, 5, 0, 0, k),
                 ALVH_E_SHORT_DELTA, "0.5 delta shorts are not a condor");
    CHECK_STATUS(alvh_condor_strikes(5000, 30.0 / 365, 0.15, 0, 50, 5, 0, 0, k),
                 ALVH_E_SHORT_DELTA, "zero delta");
    CHECK_STATUS(alvh_condor_strikes(5000, 30.0 / 365, 0.15, 0.16, 50, -5, 0, 0, k), ALVH_E_STEP,
                 "negative step");
    CHECK_STATUS(alvh_condor_strikes(5000, 0, 0.15, 0.16, 50, 5, 0, 0, k), ALVH_E_YEARS,
                 "zero years");
    CHECK_STATUS(alvh_condor_strikes(5000, 0.1, 0, 0.16, 50, 5, 0, 0, k), ALVH_E_VOL, "zero vol");
    CHECK_STATUS(alvh_condor_strikes(-1, 0.1, 0.2, 0.16, 50, 5, 0, 0, k), ALVH_E_SPOT, "spot");
    CHECK_STATUS(alvh_condor_strikes(5000, 0.1, 0.2, 0.16, 50, 5, (double)NAN, 0, k), ALVH_E_RATE, "rate");
}

/* ---- credit, max loss, break-evens, POP ----------------------------------------------------------- */

static void credit_max_loss_breakevens_and_pop_match_mpmath(void)
{
    golden_file g;
    if (!golden_load(&g, "condor_values.csv", VALUES_HEADER))
        return;
    alvh_result r;
    alvh_result_init(&r);
    for (size_t i = 0; i < g.rows; ++i) {
        double v[19];
        golden_nums(&g, i, 0, 19, v);
        const double *ks = v, *want_vols = v + 10;
        double spot = v[4], years = v[5], vol = v[6], skew = v[7], rate = v[8], q = v[9];
        double credit = v[14], maxloss = v[15], lower = v[16], upper = v[17], pop = v[18];
        char what[64];
        snprintf(what, sizeof what, "condor_values row %zu", i + 2);

        double vols[4], got;
        CHECK_STATUS(alvh_condor_skew_vols(ks, spot, vol, skew, vols), ALVH_OK, what);
        for (int j = 0; j < 4; ++j)
            CHECK_CLOSE(vols[j], want_vols[j], 1e-15, 1e-13, "skew vols");
        CHECK_STATUS(alvh_condor_credit(ks, spot, years, vols, rate, q, &got), ALVH_OK, what);
        CHECK_CLOSE(got, credit, 1e-9, 1e-10, "core credit");

        alvh_value strikes[4] = {N(ks[0]), N(ks[1]), N(ks[2]), N(ks[3])};
        alvh_value args[9] = {R(strikes, 1, 4), N(spot), N(years), N(vol), N(rate), N(q),
                              N(skew), N(1)};
        CHECK_STATUS(call("IC_CREDIT", args, 8, &r), ALVH_OK, "IC_CREDIT");
        CHECK_CLOSE(cell(&r, 0, 0), credit, 1e-9, 1e-10, "IC_CREDIT in points (multiplier 1)");
        args[7] = E; /* multiplier defaults to 100 dollars per point */
        CHECK_STATUS(call("IC_CREDIT", args, 8, &r), ALVH_OK, "IC_CREDIT dollars");
        CHECK_CLOSE(cell(&r, 0, 0), credit * 100, 1e-7, 1e-10, "IC_CREDIT in dollars");
        CHECK_STATUS(call("IC_MAXLOSS", args, 8, &r), ALVH_OK, "IC_MAXLOSS");
        CHECK_CLOSE(cell(&r, 0, 0), maxloss * 100, 1e-7, 1e-10, "IC_MAXLOSS in dollars");
        CHECK_STATUS(call("IC_POP", args, 7, &r), ALVH_OK, "IC_POP");
        CHECK_CLOSE(cell(&r, 0, 0), pop, 1e-12, 1e-10, "IC_POP");

        alvh_value bargs[8] = {T("LOWER"), R(strikes, 4, 1), N(spot), N(years), N(vol), N(rate),
                               N(q), N(skew)};
        CHECK_STATUS(call("IC_BREAKEVEN", bargs, 8, &r), ALVH_OK, "IC_BREAKEVEN lower");
        CHECK_CLOSE(cell(&r, 0, 0), lower, 1e-9, 1e-12, "lower break-even");
        bargs[0] = N(1);
        CHECK_STATUS(call("IC_BREAKEVEN", bargs, 8, &r), ALVH_OK, "IC_BREAKEVEN upper");
        CHECK_CLOSE(cell(&r, 0, 0), upper, 1e-9, 1e-12, "upper break-even");

        /* The same condor with the 4 vols given as a range instead of a skew. */
        alvh_value vr[4] = {N(want_vols[0]), N(want_vols[1]), N(want_vols[2]), N(want_vols[3])};
        alvh_value args4[8] = {R(strikes, 1, 4), N(spot), N(years), R(vr, 4, 1), N(rate), N(q),
                               E, N(1)};
        CHECK_STATUS(call("IC_CREDIT", args4, 8, &r), ALVH_OK, "IC_CREDIT 4 vols");
        CHECK_CLOSE(cell(&r, 0, 0), credit, 1e-9, 1e-10, "IC_CREDIT with 4 vols");
    }
    alvh_result_free(&r);
    golden_free(&g);
}

static void breakevens_and_max_loss_derived_by_hand(void)
{
    /* Condor 90/95/105/110, credit 2.5 points. At expiry the short condor pays the put spread
     * max(95 - S, 0) - max(90 - S, 0) and the call spread max(S - 105, 0) - max(S - 110, 0).
     * P&L = 2.5 - payoff. Lower side: 2.5 - (95 - S) = 0 at S = 92.5. Upper side:
     * 2.5 - (S - 105) = 0 at S = 107.5. Worst case: a full wing, 5 - 2.5 = 2.5 points. */
    const double k[4] = {90, 95, 105, 110};
    double x;
    CHECK_STATUS(alvh_condor_breakeven(k, 2.5, -1, &x), ALVH_OK, "lower");
    CHECK(x == 92.5, "lower break-even 92.5, got %.17g", x);
    CHECK_STATUS(alvh_condor_breakeven(k, 2.5, 1, &x), ALVH_OK, "upper");
    CHECK(x == 107.5, "upper break-even 107.5, got %.17g", x);
    CHECK_STATUS(alvh_condor_max_loss(k, 2.5, &x), ALVH_OK, "max loss");
    CHECK(x == 2.5, "max loss 2.5, got %.17g", x);

    /* Asymmetric wings 90/95/105/115 with credit 6: the put wing is 5 wide, so below 90 the
     * P&L is 6 - 5 = +1: it never crosses zero (no lower break-even). Upper: 6 - (S - 105) = 0
     * at 111, inside the 10-wide call wing. Worst case: the call wing, 10 - 6 = 4. */
    const double a[4] = {90, 95, 105, 115};
    CHECK_STATUS(alvh_condor_breakeven(a, 6, -1, &x), ALVH_E_NO_BREAKEVEN, "no lower");
    CHECK_STATUS(alvh_condor_breakeven(a, 6, 1, &x), ALVH_OK, "upper");
    CHECK(x == 111, "upper break-even 111, got %.17g", x);
    CHECK_STATUS(alvh_condor_max_loss(a, 6, &x), ALVH_OK, "max loss");
    CHECK(x == 4, "max loss 4, got %.17g", x);

    /* No credit, or a credit equal to the wing: no break-even either side. */
    CHECK_STATUS(alvh_condor_breakeven(k, 0, -1, &x), ALVH_E_NO_BREAKEVEN, "zero credit");
    CHECK_STATUS(alvh_condor_breakeven(k, 5, 1, &x), ALVH_E_NO_BREAKEVEN, "credit = wing");
    CHECK_STATUS(alvh_condor_breakeven(k, -1, 1, &x), ALVH_E_NO_BREAKEVEN, "debit");
    CHECK_STATUS(alvh_condor_breakeven(k, 2.5, 0, &x), ALVH_E_SIDE, "side 0");
    const double bad[4] = {95, 90, 105, 110};
    CHECK_STATUS(alvh_condor_breakeven(bad, 2.5, 1, &x), ALVH_E_STRIKES, "unordered strikes");

    /* Through the table, in dollars: SPX 4750/4800/5225/5275 at the mpmath credit 13.597195...
     * points (condor_values.csv row 2): max loss = 50 - 13.597195219244126 = 36.402804780755874
     * points = 3640.2804780755874 dollars. */
    alvh_result r;
    alvh_result_init(&r);
    alvh_value s[4] = {N(4750), N(4800), N(5225), N(5275)};
    alvh_value args[8] = {R(s, 1, 4), N(5000), N(30.0 / 365), N(0.15), E, E, E, E};
    CHECK_STATUS(call("IC_MAXLOSS", args, 8, &r), ALVH_OK, "IC_MAXLOSS");
    CHECK_CLOSE(cell(&r, 0, 0), 3640.2804780755874, 1e-7, 1e-11, "IC_MAXLOSS dollars");
    alvh_result_free(&r);
}

static void the_smile_is_floored_at_a_quarter_of_the_atm_vol(void)
{
    /* 1 - 9 ln(5500/5000) = 0.1422 < 0.25: floored. 1 - 9 ln(4500/5000) = 1.9482: not. */
    CHECK(alvh_smile_factor(5500, 5000, 9) == 0.25, "floor");
    CHECK_CLOSE(alvh_smile_factor(4500, 5000, 9), 1 - 9 * log(0.9), 1e-15, 1e-15, "no floor");
    CHECK(alvh_smile_factor(5500, 5000, 0) == 1.0, "flat");
    double k[4] = {4500, 4600, 5400, 5500}, v[4];
    CHECK_STATUS(alvh_condor_skew_vols(k, 5000, 0.2, 9, v), ALVH_OK, "skew vols");
    CHECK(v[3] == 0.05, "long call vol floored at 0.25 x 0.2, got %.17g", v[3]);
    CHECK_STATUS(alvh_condor_skew_vols(k, 5000, 0.2, (double)INFINITY, v), ALVH_E_SKEW, "skew inf");
}

static void pop_is_zero_or_one_without_randomness(void)
{
    double p;
    /* Forward 100 e^{0.05 x 1} = 105.13 lies in (100, 110): certain profit. */
    CHECK_STATUS(alvh_condor_pop(100, 110, 100, 1, 0, 0.05, 0, &p), ALVH_OK, "vol 0");
    CHECK(p == 1.0, "forward inside: 1, got %g", p);
    CHECK_STATUS(alvh_condor_pop(90, 100, 100, 1, 0, 0.05, 0, &p), ALVH_OK, "vol 0 outside");
    CHECK(p == 0.0, "forward outside: 0, got %g", p);
    CHECK_STATUS(alvh_condor_pop(90, 110, 100, 0, 0.2, 0, 0, &p), ALVH_OK, "years 0");
    CHECK(p == 1.0, "years 0 inside: 1, got %g", p);
    /* Symmetric in log space with zero drift m = -vol^2 T / 2 ... hand value: L = U = spot is
     * rejected (L < U required). */
    CHECK_STATUS(alvh_condor_pop(100, 100, 100, 1, 0.2, 0, 0, &p), ALVH_E_STRIKES, "L = U");
    CHECK_STATUS(alvh_condor_pop(90, 110, 100, 1, -0.2, 0, 0, &p), ALVH_E_VOL, "negative vol");
}

/* ---- IC_LEGS -------------------------------------------------------------------------------------- */

static void ic_legs_lays_out_the_four_legs_and_feeds_the_book_functions(void)
{
    golden_file g;
    if (!golden_load(&g, "condor_values.csv", VALUES_HEADER))
        return;
    double v[19]; /* row 1: SPX 4750/4800/5225/5275, skew 3, rate 4.5%, div 1.3% */
    golden_nums(&g, 1, 0, 19, v);
    golden_free(&g);
    double spot = v[4], years = v[5], vol = v[6], skew = v[7];
    double rate = v[8], q = v[9], credit = v[14];
    alvh_value s[4] = {N(v[0]), N(v[1]), N(v[2]), N(v[3])};
    alvh_value args[7] = {R(s, 1, 4), N(spot), N(years), N(vol), N(rate), N(q), N(skew)};
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(call("IC_LEGS", args, 7, &r), ALVH_OK, "IC_LEGS");
    CHECK(r.rows == 4 && r.cols == 10, "4x10, got %zux%zu", r.rows, r.cols);
    if (r.rows != 4 || r.cols != 10) {
        alvh_result_free(&r);
        return;
    }
    static const char *types[4] = {"P", "P", "C", "C"};
    static const double qty[4] = {1, -1, -1, 1};
    double sum = 0;
    for (size_t j = 0; j < 4; ++j) {
        const alvh_value *row = &r.cells[j * 10];
        CHECK(row[0].kind == ALVH_TEXT && strcmp(row[0].text, types[j]) == 0, "leg %zu type", j);
        CHECK(row[1].number == v[j], "leg %zu strike", j);
        CHECK(row[2].number == qty[j], "leg %zu quantity", j);
        CHECK(row[3].number == years, "leg %zu years", j);
        CHECK_CLOSE(row[4].number, v[10 + j], 1e-15, 1e-13, "leg vol from the skew");
        sum += row[2].number * row[5].number;
        /* Greeks' signs for one long option: put delta < 0 < call delta; gamma, vega > 0. */
        CHECK(types[j][0] == 'P' ? row[6].number < 0 : row[6].number > 0, "leg %zu delta sign", j);
        CHECK(row[7].number > 0 && row[8].number > 0, "leg %zu gamma, vega > 0", j);
    }
    CHECK_CLOSE(-sum, credit, 1e-9, 1e-10, "the legs' prices add up to the mpmath credit");

    /* The 4x10 output is a legs range: BOOK_VALUE of it is -credit x 100 dollars. */
    alvh_result book;
    alvh_result_init(&book);
    alvh_value bargs[5] = {R(r.cells, 4, 10), N(spot), N(rate), N(q), E};
    CHECK_STATUS(call("BOOK_VALUE", bargs, 5, &book), ALVH_OK, "BOOK_VALUE of IC_LEGS");
    CHECK_CLOSE(cell(&book, 0, 0), -credit * 100, 1e-7, 1e-10, "BOOK_VALUE of IC_LEGS");
    alvh_result_free(&book);
    alvh_result_free(&r);
}

/* ---- books ----------------------------------------------------------------------------------------- */

typedef struct {
    alvh_value cells[16 * 5];
    char types[16][4];
    size_t rows;
} book_range;

/* Book b of condor_book_legs.csv as a legs range. */
static int load_book(int b, book_range *out)
{
    golden_file g;
    if (!golden_load(&g, "condor_book_legs.csv", BOOK_LEGS_HEADER))
        return 0;
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < g.rows && out->rows < 16; ++i) {
        if ((int)golden_num(&g, i, 0) != b)
            continue;
        size_t k = out->rows++;
        snprintf(out->types[k], sizeof out->types[k], "%.3s", golden_text(&g, i, 1));
        out->cells[k * 5] = T(out->types[k]);
        for (size_t c = 1; c < 5; ++c)
            out->cells[k * 5 + c] = N(golden_num(&g, i, c + 1));
    }
    golden_free(&g);
    return out->rows > 0;
}

static void book_value_greeks_and_pnl_match_mpmath(void)
{
    golden_file values;
    if (!golden_load(&values, "condor_book_values.csv", BOOK_VALUES_HEADER))
        return;
    static const char *greeks[5] = {"delta", "gamma", "vega", "theta", "rho"};
    alvh_result r;
    alvh_result_init(&r);
    for (size_t i = 0; i < values.rows; ++i) {
        book_range br;
        int b = atoi(golden_text(&values, i, 0));
        if (!load_book(b, &br))
            continue;
        double v[8];
        golden_nums(&values, i, 0, 8, v); /* book .. value */
        double spot = v[1], rate = v[2], q = v[3], mult = v[4], days = v[5], pnl_spot = v[6];
        double value = v[7], pnl = golden_num(&values, i, 13);
        alvh_value legs = R(br.cells, br.rows, 5);
        alvh_value args[5] = {legs, N(spot), N(rate), N(q), N(mult)};
        CHECK_STATUS(call("BOOK_VALUE", args, 5, &r), ALVH_OK, "BOOK_VALUE");
        CHECK_CLOSE(cell(&r, 0, 0), value, 1e-8, 1e-11, "BOOK_VALUE vs mpmath");
        for (size_t g = 0; g < 5; ++g) {
            if (golden_text(&values, i, 8 + g)[0] == '\0')
                continue; /* theta of a book with an expired leg: a convention, not compared */
            double want = golden_num(&values, i, 8 + g);
            alvh_value gargs[6] = {T(greeks[g]), legs, N(spot), N(rate), N(q), N(mult)};
            char what[64];
            snprintf(what, sizeof what, "book %d row %zu BOOK_GREEK %s", b, i + 2, greeks[g]);
            CHECK_STATUS(call("BOOK_GREEK", gargs, 6, &r), ALVH_OK, what);
            CHECK_CLOSE(cell(&r, 0, 0), want, 1e-8, 1e-8, what);
        }
        alvh_value sp[1] = {N(pnl_spot)};
        alvh_value pargs[8] = {legs, R(sp, 1, 1), N(spot), N(days), N(rate), N(q), N(mult), E};
        CHECK_STATUS(call("BOOK_PNL", pargs, 8, &r), ALVH_OK, "BOOK_PNL");
        CHECK(r.rows == 1 && r.cols == 2, "BOOK_PNL 1x2");
        CHECK_CLOSE(cell(&r, 0, 1), pnl, 1e-7, 1e-10, "BOOK_PNL days_forward vs mpmath");
    }
    alvh_result_free(&r);
    golden_free(&values);
}

static void book_pnl_at_expiry_equals_the_payoff_minus_the_entry(void)
{
    book_range br;
    if (!load_book(1, &br)) /* the SPX condor: one expiry */
        return;
    const double spots[9] = {4500, 4750, 4760.5, 4800, 5000, 5225, 5250, 5275, 5600};
    alvh_value sr[9];
    for (int i = 0; i < 9; ++i)
        sr[i] = N(spots[i]);
    alvh_result r;
    alvh_result_init(&r);
    for (int with_entry = 0; with_entry < 2; ++with_entry) {
        double entry = -1234.5; /* a credit of 12.345 points received, in dollars */
        alvh_value args[8] = {R(br.cells, br.rows, 5), R(sr, 9, 1), N(5000), N(3), N(0.045),
                              N(0.013), E, with_entry ? N(entry) : E};
        alvh_result v;
        alvh_result_init(&v);
        alvh_value vargs[5] = {R(br.cells, br.rows, 5), N(5000), N(0.045), N(0.013), E};
        CHECK_STATUS(call("BOOK_VALUE", vargs, 5, &v), ALVH_OK, "entry at model value");
        if (!with_entry)
            entry = cell(&v, 0, 0);
        alvh_result_free(&v);
        CHECK_STATUS(call("BOOK_PNL", args, 8, &r), ALVH_OK, "BOOK_PNL");
        CHECK(r.rows == 9 && r.cols == 2, "9x2");
        for (int i = 0; i < 9 && r.rows == 9; ++i) {
            /* Payoff of the legs laid out by hand: +P4750 -P4800 -C5225 +C5275, x100. */
            double s = spots[i];
            double payoff = 100 * (fmax(4750 - s, 0) - fmax(4800 - s, 0) - fmax(s - 5225, 0) +
                                   fmax(s - 5275, 0));
            CHECK_CLOSE(cell(&r, (size_t)i, 0), payoff - entry, 1e-9, 1e-12,
                        "P&L at expiry = payoff - entry");
        }
    }
    /* Today at today's spot with the model entry: exactly zero. */
    alvh_value one[1] = {N(5000)};
    alvh_value args[8] = {R(br.cells, br.rows, 5), R(one, 1, 1), N(5000), E, N(0.045), N(0.013),
                          E, E};
    CHECK_STATUS(call("BOOK_PNL", args, 8, &r), ALVH_OK, "BOOK_PNL today");
    CHECK(cell(&r, 0, 1) == 0.0, "T+0 P&L at spot is exactly 0, got %.17g", cell(&r, 0, 1));
    alvh_result_free(&r);
}

static void book_pnl_at_the_first_expiry_values_later_legs_by_bsm(void)
{
    book_range br;
    if (!load_book(2, &br)) /* legs expire at 14, 45, 30, 30 days */
        return;
    alvh_value sp[1] = {N(4950)};
    alvh_value args[8] = {R(br.cells, br.rows, 5), R(sp, 1, 1), N(5000), E, N(0.045), N(0.013),
                          E, N(0)};
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(call("BOOK_PNL", args, 8, &r), ALVH_OK, "BOOK_PNL");
    /* By hand: at 14 days the short 4900 puts pay max(4900-4950,0) = 0; the others keep
     * 31, 16, 16 days, priced with the pricer directly. Entry 0: the P&L is that value. */
    double t0 = 14.0 / 365, p1, c1, c2;
    alvh_bsm_price(ALVH_PUT, 4950, 4900, 45.0 / 365 - t0, 0.18, 0.045, 0.013, &p1);
    alvh_bsm_price(ALVH_CALL, 4950, 5100, 30.0 / 365 - t0, 0.14, 0.045, 0.013, &c1);
    alvh_bsm_price(ALVH_CALL, 4950, 5200, 30.0 / 365 - t0, 0.13, 0.045, 0.013, &c2);
    double want = 100 * (2 * p1 + c1 - 2.5 * c2);
    CHECK_CLOSE(cell(&r, 0, 0), want, 1e-9, 1e-12, "first-expiry P&L of a mixed-expiry book");
    alvh_result_free(&r);
}

/* ---- errors -------------------------------------------------------------------------------------- */

static void expect_error(const char *name, const alvh_value *args, size_t n, alvh_status want,
                         const char *fragment)
{
    alvh_result r;
    alvh_result_init(&r);
    alvh_status st = call(name, args, n, &r);
    CHECK_STATUS(st, want, name);
    CHECK(strstr(r.message, fragment) != NULL, "%s: message \"%s\" should contain \"%s\"", name,
          r.message, fragment);
    CHECK(r.cells == NULL, "%s: no cells on failure", name);
    alvh_result_free(&r);
}

static void bad_inputs_are_errors_that_name_the_argument(void)
{
    alvh_value s4[4] = {N(4750), N(4800), N(5225), N(5275)};
    alvh_value s3[3] = {N(4750), N(4800), N(5225)};
    alvh_value sbad[4] = {N(4800), N(4750), N(5225), N(5275)};
    double y = 30.0 / 365;

    alvh_value a1[3] = {N(5000), N(y), N(0.15)};
    a1[1] = N(0);
    expect_error("IC_STRIKES", a1, 3, ALVH_E_YEARS, "years must be positive");
    alvh_value a2[8] = {N(5000), N(y), N(0.15), N(0.6), E, E, E, E};
    expect_error("IC_STRIKES", a2, 8, ALVH_E_SHORT_DELTA, "got 0.6");
    a2[3] = E;
    a2[4] = N(52);
    expect_error("IC_STRIKES", a2, 8, ALVH_E_WING, "multiple of step (5), got 52");
    a2[4] = E;
    a2[5] = N(-5);
    expect_error("IC_STRIKES", a2, 8, ALVH_E_STEP, "got -5");
    a2[5] = E;
    a2[0] = N(-5000);
    expect_error("IC_STRIKES", a2, 8, ALVH_E_SPOT, "got -5000");

    alvh_value c[8] = {R(s3, 3, 1), N(5000), N(y), N(0.15), E, E, E, E};
    expect_error("IC_CREDIT", c, 8, ALVH_E_STRIKES, "got 3");
    c[0] = R(sbad, 1, 4);
    expect_error("IC_CREDIT", c, 8, ALVH_E_STRIKES, "got 4800, 4750");
    c[0] = R(s4, 1, 4);
    c[3] = N(-0.15);
    expect_error("IC_CREDIT", c, 8, ALVH_E_VOL, "got -0.15");
    c[3] = N(0.15);
    c[6] = N((double)NAN);
    expect_error("IC_CREDIT", c, 8, ALVH_E_SKEW, "got nan");
    alvh_value v4[4] = {N(0.2), N(0.18), N(0.12), N(0.11)};
    c[3] = R(v4, 1, 4);
    c[6] = N(-1);
    expect_error("IC_CREDIT", c, 8, ALVH_E_SKEW, "not both");
    c[6] = E;
    c[3] = R(v4, 1, 3);
    expect_error("IC_CREDIT", c, 8, ALVH_E_RANGE_SHAPE, "got 3 values");
    c[3] = N(0.15);
    c[7] = N(0);
    expect_error("IC_CREDIT", c, 8, ALVH_E_MULTIPLIER, "got 0");
    c[7] = E;
    c[2] = N(-1);
    expect_error("IC_MAXLOSS", c, 8, ALVH_E_YEARS, "got -1");

    alvh_value be[5] = {T("MIDDLE"), R(s4, 1, 4), N(5000), N(y), N(0.15)};
    expect_error("IC_BREAKEVEN", be, 5, ALVH_E_SIDE, "got text \"MIDDLE\"");
    be[0] = N(0);
    expect_error("IC_BREAKEVEN", be, 5, ALVH_E_SIDE, "got 0");
    /* A condor whose short strikes are deep in the money on both sides at vol 0 and years 0
     * is worth its intrinsic: spot 5000 inside 4750-4800? no: spot 4000 below every strike
     * gives credit = put spread = 50 = wing, so no lower break-even. */
    alvh_value deep[5] = {T("LOWER"), R(s4, 1, 4), N(4000), N(0), N(0.15)};
    expect_error("IC_BREAKEVEN", deep, 5, ALVH_E_NO_BREAKEVEN, "no lower break-even");
    expect_error("IC_POP", deep + 1, 4, ALVH_E_NO_BREAKEVEN, "credit 50 points");

    /* Legs ranges. */
    alvh_value legs[3 * 5] = {T("P"), N(4800), N(-1), N(y), N(0.17),
                              E,      E,       E,     E,    E,
                              T("C"), N(5200), N(-1), N(y), N(0.13)};
    alvh_value b[5] = {R(legs, 3, 5), N(5000), E, E, E};
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(call("BOOK_VALUE", b, 5, &r), ALVH_OK, "a blank row is skipped");
    alvh_result_free(&r);
    b[0] = R(legs, 3, 4);
    expect_error("BOOK_VALUE", b, 5, ALVH_E_LEGS, "got 4 column(s)");
    legs[11] = T("5200");
    b[0] = R(legs, 3, 5);
    expect_error("BOOK_VALUE", b, 5, ALVH_E_LEGS, "legs row 3, column 2 (strike) must be a number");
    legs[11] = N(5200);
    legs[14] = N(-0.13);
    expect_error("BOOK_VALUE", b, 5, ALVH_E_VOL, "legs row 3, column 5 (vol)");
    legs[14] = N(0.13);
    legs[10] = T("X");
    expect_error("BOOK_VALUE", b, 5, ALVH_E_OPTION_TYPE, "legs row 3, column 1 (type)");
    legs[10] = T("C");
    legs[3] = N(-0.01);
    expect_error("BOOK_VALUE", b, 5, ALVH_E_YEARS, "legs row 1, column 4 (years)");
    legs[3] = N(y);
    legs[2] = E;
    expect_error("BOOK_VALUE", b, 5, ALVH_E_LEGS, "legs row 1, column 3 (quantity) must be a "
                 "number, got an empty cell");
    legs[2] = N(-1);
    alvh_value blank[5] = {E, E, E, E, E};
    b[0] = R(blank, 1, 5);
    expect_error("BOOK_VALUE", b, 5, ALVH_E_LEGS, "holds no legs");
    b[0] = R(legs, 3, 5);
    b[4] = N(-100);
    expect_error("BOOK_VALUE", b, 5, ALVH_E_MULTIPLIER, "got -100");
    b[4] = E;
    b[1] = N(0);
    expect_error("BOOK_VALUE", b, 5, ALVH_E_SPOT, "got 0");

    alvh_value g[3] = {T("charm"), R(legs, 3, 5), N(5000)};
    expect_error("BOOK_GREEK", g, 3, ALVH_E_GREEK, "got \"charm\"");

    alvh_value sr[2] = {N(4900), N(-1)};
    alvh_value p[8] = {R(legs, 3, 5), R(sr, 2, 1), N(5000), E, E, E, E, E};
    expect_error("BOOK_PNL", p, 8, ALVH_E_SPOT, "spot_range item 2");
    sr[1] = N(5100);
    p[3] = N(-1);
    expect_error("BOOK_PNL", p, 8, ALVH_E_DAYS, "got -1");
    p[3] = E;
    p[7] = T("lots");
    expect_error("BOOK_PNL", p, 8, ALVH_E_ARG_TYPE, "entry_value must be a number");
}

int main(void)
{
    strikes_match_an_independent_strike_from_delta();
    rounded_short_strikes_never_exceed_the_target_delta();
    strikes_reject_bad_wing_step_delta_and_market_inputs();
    credit_max_loss_breakevens_and_pop_match_mpmath();
    breakevens_and_max_loss_derived_by_hand();
    the_smile_is_floored_at_a_quarter_of_the_atm_vol();
    pop_is_zero_or_one_without_randomness();
    ic_legs_lays_out_the_four_legs_and_feeds_the_book_functions();
    book_value_greeks_and_pnl_match_mpmath();
    book_pnl_at_expiry_equals_the_payoff_minus_the_entry();
    book_pnl_at_the_first_expiry_values_later_legs_by_bsm();
    bad_inputs_are_errors_that_name_the_argument();
    return check_summary("test_condor");
}
