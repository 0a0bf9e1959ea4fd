/* test_hostile_inputs.c: numbers where an error belongs (issue 19). A condor whose credit is not
 * strictly between 0 and its wing width is refused by every function that prices one, with a
 * sentence naming the credit and the wing; an optional argument no longer lets a bad value of
 * another argument through (BOOK_PNL's spot with entry_value, CONDOR_VIX_VEGA's vix_spot
 * without leg_vols). Expected credits come from Black-Scholes-Merton written out again below
 * (Hull, Options, Futures and Other Derivatives, 10th ed., eq. 15.20/15.21 with a continuous
 * dividend yield, section 17.4), not from the code under test. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "check.h"

static alvh_value N(double x)
{
    return (alvh_value){.kind = ALVH_NUMBER, .number = x};
}

static alvh_value T(const char *s)
{
    return (alvh_value){.kind = ALVH_TEXT, .text = s};
}

static double ncdf(double x)
{
    return 0.5 * erfc(-x / sqrt(2.0));
}

/* BSM price of a call (kind 1) or put (-1): S e^{-qT} N(k d1) k - K e^{-rT} N(k d2) k. */
static double bsm(int kind, double s, double k, double t, double v, double r, double q)
{
    double d1 = (log(s / k) + (r - q + 0.5 * v * v) * t) / (v * sqrt(t)), d2 = d1 - v * sqrt(t);
    return kind * (s * exp(-q * t) * ncdf(kind * d1) - k * exp(-r * t) * ncdf(kind * d2));
}

/* The issue's condor: 4750/4800/5225/5275, spot 5000, 30 days, vol 18.5 (1850%, a typing slip
 * for 18.5%), rate 0.045, div_yield 0.013, skew 3: leg vol_i = 18.5 x max(1 - 3 ln(K_i/5000),
 * 0.25) (condor.h's smile rule). */
static const double k_strikes[4] = {4750, 4800, 5225, 5275};
#define SPOT 5000.0
#define YEARS 0.0821917808219178
#define VOL 18.5
#define RATE 0.045
#define DIV 0.013
#define SKEW 3.0

static double issue_credit(void)
{
    double v[4];
    for (int i = 0; i < 4; ++i)
        v[i] = VOL * fmax(1.0 - SKEW * log(k_strikes[i] / SPOT), 0.25);
    return bsm(-1, SPOT, k_strikes[1], YEARS, v[1], RATE, DIV) -
           bsm(-1, SPOT, k_strikes[0], YEARS, v[0], RATE, DIV) +
           bsm(1, SPOT, k_strikes[2], YEARS, v[2], RATE, DIV) -
           bsm(1, SPOT, k_strikes[3], YEARS, v[3], RATE, DIV);
}

/* The number after prefix in text, or NAN. */
static double number_after(const char *text, const char *prefix)
{
    const char *p = strstr(text, prefix);
    return p ? strtod(p + strlen(prefix), NULL) : (double)NAN;
}

static void condor_functions_refuse_an_arbitrage_credit(void)
{
    double want = issue_credit();
    CHECK(want > 50.0, "the issue's credit exceeds the 50-point wing: %.17g", want);
    alvh_value cells[4] = {N(k_strikes[0]), N(k_strikes[1]), N(k_strikes[2]), N(k_strikes[3])};
    alvh_value strikes = {.kind = ALVH_RANGE, .rows = 4, .cols = 1, .cells = cells};
    alvh_value args[9] = {strikes, N(SPOT), N(YEARS), N(VOL), N(RATE), N(DIV), N(SKEW), N(100)};
    static const struct {
        const char *name;
        size_t nargs;
        size_t offset; /* IC_BREAKEVEN's side comes first */
        alvh_status status;
        const char *credit_prefix, *wing_text;
    } k_cases[] = {
        {"IC_MAXLOSS", 8, 0, ALVH_E_CREDIT, "the condor's credit, ", "its wing width, 50 points"},
        {"IC_CREDIT", 8, 0, ALVH_E_CREDIT, "the condor's credit, ", "its wing width, 50 points"},
        {"IC_LEGS", 7, 0, ALVH_E_CREDIT, "the condor's credit, ", "its wing width, 50 points"},
        {"IC_POP", 7, 0, ALVH_E_NO_BREAKEVEN, "its credit ", "the put wing's width 50"},
        {"IC_BREAKEVEN", 8, 1, ALVH_E_NO_BREAKEVEN, "its credit ", "the put wing's width 50"},
    };
    for (size_t i = 0; i < sizeof k_cases / sizeof k_cases[0]; ++i) {
        alvh_value a[9];
        a[0] = T("LOWER");
        memcpy(a + k_cases[i].offset, args, sizeof args - k_cases[i].offset * sizeof args[0]);
        alvh_result r;
        alvh_result_init(&r);
        CHECK_STATUS(alvh_call_by_name(k_cases[i].name, a, k_cases[i].nargs, &r),
                     k_cases[i].status, k_cases[i].name);
        double got = number_after(r.message, k_cases[i].credit_prefix);
        CHECK(fabs(got - want) <= 1e-9 * want, "%s names the credit %.17g with enough digits: %s",
              k_cases[i].name, want, r.message);
        CHECK(strstr(r.message, k_cases[i].wing_text) && strstr(r.message, "arbitrage") &&
                  strstr(r.message, "vol 18.5") && strstr(r.message, "skew 3"),
              "%s says why, naming the wing, vol and skew: %s", k_cases[i].name, r.message);
        CHECK(r.cells == NULL, "%s: no number", k_cases[i].name);
        alvh_result_free(&r);
    }
}

static void a_credit_must_be_between_zero_and_the_wider_wing(void)
{
    /* 90/95/105/110: wings 5 and 5; 90/95/105/115: wings 5 and 10 (a credit of 6 loses at most
     * 10 - 6 = 4 on the call side: valid, though the put side has no break-even). */
    const double even[4] = {90, 95, 105, 110}, uneven[4] = {90, 95, 105, 115};
    const struct {
        const double *k;
        double credit;
        alvh_status want;
    } k_cases[] = {
        {even, 2.5, ALVH_OK},          {even, 4.999999, ALVH_OK},  {even, 5.0, ALVH_E_CREDIT},
        {even, 70.0, ALVH_E_CREDIT},   {even, 0.0, ALVH_E_CREDIT}, {even, -1.0, ALVH_E_CREDIT},
        {even, (double)NAN, ALVH_E_PRICE}, {uneven, 6.0, ALVH_OK}, {uneven, 10.0, ALVH_E_CREDIT},
    };
    for (size_t i = 0; i < sizeof k_cases / sizeof k_cases[0]; ++i) {
        CHECK_STATUS(alvh_condor_check_credit(k_cases[i].k, k_cases[i].credit), k_cases[i].want,
                     "check_credit");
        double loss = -1.0;
        alvh_status st = alvh_condor_max_loss(k_cases[i].k, k_cases[i].credit, &loss);
        CHECK_STATUS(st, k_cases[i].want, "max_loss");
        if (st == ALVH_OK)
            CHECK(loss > 0.0, "a maximum loss is positive, got %.17g", loss);
    }
}

static void an_optional_argument_does_not_skip_a_check(void)
{
    alvh_value legs[10] = {T("P"), N(4750), N(1), N(YEARS), N(0.19),
                           T("C"), N(5275), N(1), N(YEARS), N(0.115)};
    alvh_value spots[2] = {N(4900), N(5000)};
    alvh_value a[8] = {{.kind = ALVH_RANGE, .rows = 2, .cols = 5, .cells = legs},
                       {.kind = ALVH_RANGE, .rows = 2, .cols = 1, .cells = spots},
                       N(5000), N(10), N(RATE), N(DIV), N(100), N(-2000)};
    static const double k_bad_spots[] = {-1.0, 0.0, -100000.0, -1e308};
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(alvh_call_by_name("BOOK_PNL", a, 8, &r), ALVH_OK, "BOOK_PNL with entry_value");
    for (size_t i = 0; i < sizeof k_bad_spots / sizeof k_bad_spots[0]; ++i) {
        char want[128];
        a[2] = N(k_bad_spots[i]);
        CHECK_STATUS(alvh_call_by_name("BOOK_PNL", a, 8, &r), ALVH_E_SPOT, "BOOK_PNL spot");
        snprintf(want, sizeof want, "spot must be a positive, finite price, got %.15g",
                 k_bad_spots[i]);
        CHECK(strcmp(r.message, want) == 0, "BOOK_PNL spot %g: %s", k_bad_spots[i], r.message);
    }
    a[2] = N(5000);
    a[3] = N(-1);
    CHECK_STATUS(alvh_call_by_name("BOOK_PNL", a, 8, &r), ALVH_E_DAYS, "days_forward");
    CHECK(strcmp(r.message, "days_forward must be zero or positive and finite (calendar days), "
                            "got -1") == 0,
          "days_forward is named: %s", r.message);

    /* CONDOR_VIX_VEGA(leg_vegas; contracts; vol_beta; [leg_vols]; [vix_spot]): vix_spot is used
     * only with leg_vols, and checked whenever given. */
    alvh_value vegas[4] = {N(3.1), N(-5.2), N(-4.6), N(2.4)};
    alvh_value c[5] = {{.kind = ALVH_RANGE, .rows = 4, .cols = 1, .cells = vegas}, N(2), N(1),
                       {.kind = ALVH_EMPTY}, N(-5)};
    CHECK_STATUS(alvh_call_by_name("CONDOR_VIX_VEGA", c, 5, &r), ALVH_E_SPOT, "vix_spot -5");
    CHECK(strcmp(r.message, "vix_spot must be a positive VIX level in points, got -5") == 0,
          "vix_spot: %s", r.message);
    c[4] = N(18);
    CHECK_STATUS(alvh_call_by_name("CONDOR_VIX_VEGA", c, 5, &r), ALVH_OK, "vix_spot 18");
    alvh_result_free(&r);
}

int main(void)
{
    condor_functions_refuse_an_arbitrage_credit();
    a_credit_must_be_between_zero_and_the_wider_wing();
    an_optional_argument_does_not_skip_a_check();
    return check_summary("test_hostile_inputs");
}
