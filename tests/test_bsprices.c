/* test_bsprices.c: BS_PRICES, Black-Scholes-Merton prices of whole columns in one call, and the
 * NUMBER_ARRAY argument type it takes (empty and text cells read as 0, and 0 is rejected).
 *
 * Expected values: BS_PRICE of each row through the same table (BS_PRICE itself is checked
 * against mpmath in test_black.c); BS_PRICES must equal it bit for bit, since both call
 * alvh_bsm_price with the same doubles. Errors: the statuses and row numbers derived by hand
 * from the rule (types 1/-1; spot, strike, years, vol > 0; equal lengths or a single value). */
#include <stdint.h>
#include <string.h>

#include "alvh/alvh.h"
#include "check.h"

#define ROWS 64

static alvh_value num(double x) { return (alvh_value){.kind = ALVH_NUMBER, .number = x}; }
static alvh_value text(const char *s) { return (alvh_value){.kind = ALVH_TEXT, .text = s}; }
static alvh_value empty(void) { return (alvh_value){.kind = ALVH_EMPTY}; }
static alvh_value column(const alvh_value *cells, size_t n)
{
    return (alvh_value){.kind = ALVH_RANGE, .rows = n, .cols = 1, .cells = cells};
}

/* A fixed-seed LCG (Knuth's MMIX constants): uniform in [lo, hi). */
static uint64_t g_seed = 20261126u;
static double uniform(double lo, double hi)
{
    g_seed = g_seed * 6364136223846793005u + 1442695040888963407u;
    return lo + (hi - lo) * (double)(g_seed >> 11) / 9007199254740992.0;
}

typedef struct {
    alvh_value col[5][ROWS]; /* types, spots, strikes, years, vols */
} inputs;

static void fill(inputs *in)
{
    for (size_t r = 0; r < ROWS; ++r) {
        in->col[0][r] = num(r % 3 == 0 ? -1.0 : 1.0);
        in->col[1][r] = num(uniform(50.0, 150.0));
        in->col[2][r] = num(uniform(40.0, 160.0));
        in->col[3][r] = num(uniform(1.0 / 365.0, 3.0));
        in->col[4][r] = num(uniform(0.05, 1.0));
    }
}

static alvh_status call_prices(inputs *in, size_t rows, alvh_value rate, alvh_value div,
                               size_t nargs, alvh_result *out)
{
    alvh_value args[7];
    for (int c = 0; c < 5; ++c)
        args[c] = column(in->col[c], rows);
    args[5] = rate;
    args[6] = div;
    return alvh_call_by_name("BS_PRICES", args, nargs, out);
}

static double bs_price(double type, double s, double k, double t, double v, alvh_value rate,
                       alvh_value div, size_t nargs, alvh_status *st)
{
    alvh_value args[7] = {num(type), num(s), num(k), num(t), num(v), rate, div};
    alvh_result r;
    alvh_result_init(&r);
    *st = alvh_call_by_name("BS_PRICE", args, nargs, &r);
    double x = *st == ALVH_OK ? r.cells[0].number : 0.0;
    alvh_result_free(&r);
    return x;
}

static void prices_equal_bs_price_row_by_row_bit_for_bit(void)
{
    static inputs in;
    fill(&in);
    /* with rate and div_yield, and with both omitted (defaults 0) */
    for (int variant = 0; variant < 2; ++variant) {
        size_t nargs = variant == 0 ? 7 : 5;
        alvh_value rate = num(0.045), div = num(0.013);
        alvh_result r;
        alvh_result_init(&r);
        alvh_status st = call_prices(&in, ROWS, rate, div, nargs, &r);
        CHECK_STATUS(st, ALVH_OK, "BS_PRICES over 64 rows");
        CHECK(st != ALVH_OK || (r.rows == ROWS && r.cols == 1), "a 64x1 column, got %zux%zu",
              r.rows, r.cols);
        for (size_t i = 0; st == ALVH_OK && i < ROWS; ++i) {
            alvh_status st1;
            double want = bs_price(in.col[0][i].number, in.col[1][i].number, in.col[2][i].number,
                                   in.col[3][i].number, in.col[4][i].number, rate, div, nargs,
                                   &st1);
            CHECK_STATUS(st1, ALVH_OK, "BS_PRICE of the row");
            CHECK(memcmp(&r.cells[i].number, &want, sizeof want) == 0,
                  "row %zu (%d args): BS_PRICES %.17g, BS_PRICE %.17g", i + 1, (int)nargs,
                  r.cells[i].number, want);
        }
        alvh_result_free(&r);
    }
}

static void a_single_value_is_used_for_every_row(void)
{
    static inputs in;
    fill(&in);
    alvh_value args[7];
    args[0] = num(-1.0);                        /* a bare number */
    args[1] = column(in.col[1], ROWS);
    alvh_value strike_1x1 = num(100.0);
    args[2] = column(&strike_1x1, 1);           /* a 1x1 range */
    args[3] = column(in.col[3], ROWS);
    args[4] = num(0.2);
    args[5] = num(0.03);
    args[6] = num(0.0);
    alvh_result r;
    alvh_result_init(&r);
    alvh_status st = alvh_call_by_name("BS_PRICES", args, 7, &r);
    CHECK_STATUS(st, ALVH_OK, "broadcast");
    for (size_t i = 0; st == ALVH_OK && i < ROWS; ++i) {
        alvh_status st1;
        double want = bs_price(-1.0, in.col[1][i].number, 100.0, in.col[3][i].number, 0.2,
                               num(0.03), num(0.0), 7, &st1);
        CHECK(st1 == ALVH_OK && r.cells[i].number == want, "broadcast row %zu: %.17g vs %.17g",
              i + 1, r.cells[i].number, want);
    }
    alvh_result_free(&r);
}

typedef struct {
    const char *what;
    int col;             /* 0..4, the column to spoil */
    size_t row;          /* 0-based */
    alvh_value cell;
    alvh_status want;
    const char *words[3]; /* the message must hold each */
} bad_case;

static void a_bad_row_fails_the_whole_call_naming_it(void)
{
    const bad_case cases[] = {
        {"empty type cell", 0, 1, empty(), ALVH_E_OPTION_TYPE,
         {"types: row 2", "empty or text", "1 for a call"}},
        {"text \"C\" type cell", 0, 4, text("C"), ALVH_E_OPTION_TYPE,
         {"types: row 5", "not text \"C\"/\"P\"", "-1 for a put"}},
        {"type 0", 0, 0, num(0.0), ALVH_E_OPTION_TYPE, {"types: row 1", "empty or text", ""}},
        {"type 2", 0, 9, num(2.0), ALVH_E_OPTION_TYPE, {"types: row 10", "got 2", ""}},
        {"empty spot cell", 1, 63, empty(), ALVH_E_SPOT, {"spots: row 64", "empty or text", "> 0"}},
        {"text spot cell", 1, 2, text("abc"), ALVH_E_SPOT, {"spots: row 3", "empty or text", ""}},
        {"negative spot", 1, 2, num(-5.0), ALVH_E_SPOT, {"spots: row 3", "got -5", ""}},
        {"empty strike cell", 2, 7, empty(), ALVH_E_STRIKE, {"strikes: row 8", "empty or text", ""}},
        {"text years cell", 3, 0, text("1y"), ALVH_E_YEARS, {"years: row 1", "empty or text", ""}},
        {"zero years", 3, 5, num(0.0), ALVH_E_YEARS, {"years: row 6", "empty or text", ""}},
        {"empty vol cell", 4, 30, empty(), ALVH_E_VOL, {"vols: row 31", "empty or text", ""}},
        {"negative vol", 4, 30, num(-0.2), ALVH_E_VOL, {"vols: row 31", "got -0.2", ""}},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; ++k) {
        const bad_case *c = &cases[k];
        static inputs in;
        fill(&in);
        in.col[c->col][c->row] = c->cell;
        alvh_result r;
        alvh_result_init(&r);
        alvh_status st = call_prices(&in, ROWS, num(0.045), num(0.013), 7, &r);
        CHECK_STATUS(st, c->want, c->what);
        CHECK(r.cells == NULL, "%s: no cells on failure", c->what);
        for (int w = 0; w < 3; ++w)
            CHECK(strstr(r.message, c->words[w]) != NULL, "%s: message %s lacks \"%s\"", c->what,
                  r.message, c->words[w]);
        /* the caller's cells are untouched (the 0 reading is a copy) */
        CHECK(in.col[c->col][c->row].kind == c->cell.kind, "%s: input cell unchanged", c->what);
        alvh_result_free(&r);
    }
}

static void shapes_and_scalar_arguments_are_checked(void)
{
    static inputs in;
    fill(&in);
    alvh_value args[7];
    alvh_result r;
    alvh_result_init(&r);
    for (int c = 0; c < 5; ++c)
        args[c] = column(in.col[c], ROWS);
    args[5] = num(0.045);
    args[6] = num(0.0);

    args[2] = column(in.col[2], ROWS - 1); /* strikes one row short */
    CHECK_STATUS(alvh_call_by_name("BS_PRICES", args, 7, &r), ALVH_E_RANGE_SHAPE, "lengths");
    CHECK(strstr(r.message, "strikes has 63 rows") && strstr(r.message, "64"),
          "lengths message: %s", r.message);
    args[2] = column(in.col[2], ROWS);

    args[4] = (alvh_value){.kind = ALVH_RANGE, .rows = 32, .cols = 2, .cells = in.col[4]};
    CHECK_STATUS(alvh_call_by_name("BS_PRICES", args, 7, &r), ALVH_E_RANGE_SHAPE, "two columns");
    CHECK(strstr(r.message, "vols must be a single column") != NULL, "message: %s", r.message);
    args[4] = column(in.col[4], ROWS);

    args[0] = text("C"); /* text as the whole argument: not read as 0 */
    CHECK_STATUS(alvh_call_by_name("BS_PRICES", args, 7, &r), ALVH_E_ARG_TYPE, "text types");
    CHECK(strstr(r.message, "types must be a range of numbers") != NULL, "message: %s",
          r.message);
    args[0] = column(in.col[0], ROWS);

    args[5] = text("4.5%"); /* rate is a scalar NUMBER: text is an error, never 0 */
    CHECK_STATUS(alvh_call_by_name("BS_PRICES", args, 7, &r), ALVH_E_ARG_TYPE, "text rate");
    args[5] = (alvh_value){.kind = ALVH_RANGE, .rows = 2, .cols = 1, .cells = in.col[1]};
    CHECK_STATUS(alvh_call_by_name("BS_PRICES", args, 7, &r), ALVH_E_RANGE_SHAPE, "range rate");
    args[5] = num(0.045);

    args[1] = empty(); /* a required column omitted */
    CHECK_STATUS(alvh_call_by_name("BS_PRICES", args, 7, &r), ALVH_E_MISSING, "spots omitted");
    alvh_result_free(&r);
}

/* The NUMBER_ARRAY handling in the call path leaves other argument types as they were: an omitted
 * optional RANGE stays omitted (VIX_BETA's params: its default curve), not a 1x1 empty range. */
static void omitted_optional_ranges_stay_omitted(void)
{
    alvh_value args[2] = {num(0.25), empty()};
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(alvh_call_by_name("VIX_BETA", args, 2, &r), ALVH_OK, "VIX_BETA, params omitted");
    CHECK_STATUS(alvh_call_by_name("VIX_BETA", args, 1, &r), ALVH_OK, "VIX_BETA, one argument");
    alvh_result_free(&r);
}

int main(void)
{
    omitted_optional_ranges_stay_omitted();
    prices_equal_bs_price_row_by_row_bit_for_bit();
    a_single_value_is_used_for_every_row();
    a_bad_row_fails_the_whole_call_naming_it();
    shapes_and_scalar_arguments_are_checked();
    return check_summary("test_bsprices");
}
