/* test_base.c: the core's ground floor (core/src/base.h): alvh_format_distinct, the two numbers
 * of a comparison printed with the fewest digits that tell them apart. Expected texts are
 * written out by hand from printf's %.Ng rules. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "check.h"

static void distinct_numbers_differ_in_print(void)
{
    volatile double sixty = 60.0;
    const double intrinsic = 79.98 - sixty; /* 19.980000000000004 in binary */
    const struct {
        double x, y;
        int min_digits;
        const char *want_x, *want_y;
    } cases[] = {
        /* the sentence: %.15g shows 19.98 twice; 17 digits tell them apart */
        {19.98, intrinsic, 15, "19.98", "19.980000000000004"},
        {19.98, intrinsic, 6, "19.98", "19.980000000000004"},
        {1.5, 1.5, 6, "1.5", "1.5"},                       /* equal: min_digits */
        {0.1, 0.1000001, 6, "0.1", "0.1000001"},           /* 7 digits suffice */
        {100.0, 100.4, 3, "100", "100.4"},                 /* 3 give 100 twice; 4 do not */
        {2.0, 3.0, 1, "2", "3"},
        {1e300, 1.0000000000000002e300, 6, "1.0000000000000001e+300",
         "1.0000000000000002e+300"},
        {-0.0, 0.0, 6, "-0", "0"},                         /* equal numbers */
        /* min 0 is 1 digit; 4 digits differ (12345 rounds half to even) */
        {12345.0, 12346.0, 0, "1.234e+04", "1.235e+04"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char bx[32], by[32];
        alvh_format_distinct(bx, sizeof bx, by, sizeof by, cases[i].x, cases[i].y,
                             cases[i].min_digits);
        CHECK(strcmp(bx, cases[i].want_x) == 0 && strcmp(by, cases[i].want_y) == 0,
              "case %zu: got \"%s\" \"%s\", want \"%s\" \"%s\"", i, bx, by, cases[i].want_x,
              cases[i].want_y);
    }
    char bx[32], by[32];
    alvh_format_distinct(bx, sizeof bx, by, sizeof by, (double)NAN, 1.0, 6);
    CHECK(strcmp(bx, "nan") == 0 && strcmp(by, "1") == 0, "NaN: %s %s", bx, by);
    alvh_format_distinct(bx, sizeof bx, by, sizeof by, 1.0, 1.0 + 2.220446049250313e-16, 40);
    CHECK(strcmp(bx, "1") == 0 && strcmp(by, "1.0000000000000002") == 0, "min 40 is 17: %s %s",
          bx, by);
    /* Any two different doubles print differently: neighbours across magnitudes. */
    const double xs[] = {1e-300, 3.14159, 2.5e10, 123456789.123, 6.02214076e23};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; ++i) {
        double y = nextafter(xs[i], (double)INFINITY);
        alvh_format_distinct(bx, sizeof bx, by, sizeof by, xs[i], y, 6);
        CHECK(strcmp(bx, by) != 0 && strtod(bx, NULL) < strtod(by, NULL),
              "neighbours of %.17g: %s %s", xs[i], bx, by);
    }
}

int main(void)
{
    distinct_numbers_differ_in_print();
    return check_summary("test_base");
}
