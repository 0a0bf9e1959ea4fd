/* test_args.c: the spreadsheet-argument layer (core/src/args.h): option types, vectors of
 * numbers, blank ranges, ranges of an exact count. */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "check.h"

static void option_type_parsing(void)
{
    static const struct {
        alvh_value v;
        alvh_status want;
        int kind;
    } cases[] = {
        {{.kind = ALVH_TEXT, .text = "C"}, ALVH_OK, 1},
        {{.kind = ALVH_TEXT, .text = "call"}, ALVH_OK, 1},
        {{.kind = ALVH_TEXT, .text = "Put"}, ALVH_OK, -1},
        {{.kind = ALVH_TEXT, .text = "p"}, ALVH_OK, -1},
        {{.kind = ALVH_NUMBER, .number = 1}, ALVH_OK, 1},
        {{.kind = ALVH_NUMBER, .number = -1}, ALVH_OK, -1},
        {{.kind = ALVH_NUMBER, .number = 0}, ALVH_E_OPTION_TYPE, 0},
        {{.kind = ALVH_NUMBER, .number = 2}, ALVH_E_OPTION_TYPE, 0},
        {{.kind = ALVH_TEXT, .text = "CALLS"}, ALVH_E_OPTION_TYPE, 0},
        {{.kind = ALVH_TEXT, .text = ""}, ALVH_E_OPTION_TYPE, 0},
        {{.kind = ALVH_EMPTY}, ALVH_E_OPTION_TYPE, 0},
    };
    alvh_result r;
    alvh_result_init(&r);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        int kind = 0;
        alvh_status st = alvh_arg_option_type(&cases[i].v, "type", &kind, &r);
        CHECK_STATUS(st, cases[i].want, "option type case");
        if (st == ALVH_OK)
            CHECK(kind == cases[i].kind, "case %zu kind %d", i, kind);
    }
    alvh_result_free(&r);
}

static void vector_arguments(void)
{
    alvh_value col[4] = {{.kind = ALVH_NUMBER, .number = 1},
                         {.kind = ALVH_NUMBER, .number = 2},
                         {.kind = ALVH_EMPTY},
                         {.kind = ALVH_EMPTY}};
    alvh_value range = {.kind = ALVH_RANGE, .rows = 4, .cols = 1, .cells = col};
    alvh_result r;
    alvh_result_init(&r);
    double *d = NULL;
    size_t n = 0;
    CHECK_STATUS(alvh_arg_vector(&range, "closes", 1, &d, &n, &r), ALVH_OK, "tail dropped");
    CHECK(n == 2 && d[0] == 1 && d[1] == 2, "values");
    free(d);
    CHECK_STATUS(alvh_arg_vector(&range, "closes", 0, &d, &n, &r), ALVH_E_RANGE_VALUE, "empty");
    CHECK(strstr(r.message, "item 3") != NULL, "names the item: %s", r.message);
    alvh_value block = {.kind = ALVH_RANGE, .rows = 2, .cols = 2, .cells = col};
    CHECK_STATUS(alvh_arg_vector(&block, "closes", 1, &d, &n, &r), ALVH_E_RANGE_SHAPE, "2x2");
    alvh_result_free(&r);
}

static void blank_ranges_count_as_omitted(void)
{
    /* "" is how Calc 7.4 passes an empty cell inside a range. */
    const alvh_value empty = {.kind = ALVH_EMPTY}, blank_text = {.kind = ALVH_TEXT, .text = ""},
                     zero = {.kind = ALVH_NUMBER, .number = 0},
                     space = {.kind = ALVH_TEXT, .text = " "};
    const alvh_value all_blank[4] = {empty, blank_text, blank_text, empty};
    const alvh_value one_zero[4] = {empty, blank_text, zero, empty};
    const alvh_value one_space[4] = {empty, space, empty, empty};
    const struct {
        alvh_value v;
        int blank;
        const char *what;
    } cases[] = {
        {empty, 1, "an omitted argument"},
        {blank_text, 1, "empty text"},
        {zero, 0, "the number 0"},
        {space, 0, "text \" \""},
        {{.kind = ALVH_RANGE, .rows = 2, .cols = 2, .cells = all_blank}, 1, "a 2x2 blank range"},
        {{.kind = ALVH_RANGE, .rows = 2, .cols = 2, .cells = one_zero}, 0, "a range holding 0"},
        {{.kind = ALVH_RANGE, .rows = 4, .cols = 1, .cells = one_space}, 0,
         "a range holding \" \""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i)
        CHECK(alvh_arg_blank(&cases[i].v) == cases[i].blank, "alvh_arg_blank(%s) should be %d",
              cases[i].what, cases[i].blank);
}

static void exact_count_ranges(void)
{
    alvh_value cells[5] = {{.kind = ALVH_NUMBER, .number = 18},
                           {.kind = ALVH_NUMBER, .number = 11},
                           {.kind = ALVH_NUMBER, .number = 7},
                           {.kind = ALVH_EMPTY},
                           {.kind = ALVH_NUMBER, .number = 1}};
    alvh_result r;
    alvh_result_init(&r);
    double x[3] = {0, 0, 0};
    alvh_value row = {.kind = ALVH_RANGE, .rows = 1, .cols = 4, .cells = cells};
    CHECK_STATUS(alvh_arg_exact(&row, "vegas", 3, x, ALVH_E_BETA, "vegas: 3, got %zu", &r),
                 ALVH_OK, "3 numbers and a trailing empty cell");
    CHECK(x[0] == 18 && x[1] == 11 && x[2] == 7, "values in reading order");
    alvh_value five = {.kind = ALVH_RANGE, .rows = 5, .cols = 1, .cells = cells};
    CHECK_STATUS(alvh_arg_exact(&five, "vegas", 3, x, ALVH_E_BETA, "vegas: 3, got %zu", &r),
                 ALVH_E_RANGE_VALUE, "an empty cell inside");
    alvh_value two = {.kind = ALVH_RANGE, .rows = 2, .cols = 1, .cells = cells};
    CHECK_STATUS(alvh_arg_exact(&two, "vegas", 3, x, ALVH_E_BETA, "vegas: 3, got %zu", &r),
                 ALVH_E_BETA, "2 numbers");
    CHECK(strcmp(r.message, "vegas: 3, got 2") == 0, "the count sentence: %s", r.message);
    alvh_result_free(&r);
}

int main(void)
{
    option_type_parsing();
    vector_arguments();
    blank_ranges_count_as_omitted();
    exact_count_ranges();
    return check_summary("test_args");
}
