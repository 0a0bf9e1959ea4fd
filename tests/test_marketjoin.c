/* test_marketjoin.c: published files joined into one market series (alvh_market_join()), the
 * report of what was dropped, the series written in the market format and read back, and the
 * date window. The fixtures are tests/data/history (see its README); every expected futures
 * value is the interpolation written out here by hand from the settlements in the files. */
#include <stdio.h>
#include <string.h>

#include "alvh/marketfile.h"
#include "check.h"

#define HISTORY ALVH_TEST_DATA "/history/"

/* The fixtures, read once. */
static alvh_market_series g_spx, g_vix;
static alvh_vix_contract g_fut[3]; /* F (Jan 22), G (Feb 2022), H (Mar 2022) */

static int read_fixtures(void)
{
    alvh_marketfile_error err;
    static const char *const futures[3] = {HISTORY "CFE_F22_VX.csv", HISTORY "VX_2022-02-16.csv",
                                           HISTORY "VX_2022-03-15.csv"};
    alvh_status st = alvh_spx_history_read(HISTORY "spx_yahoo.csv", &g_spx, &err);
    if (st == ALVH_OK)
        st = alvh_vix_history_read(HISTORY "VIX_History.csv", &g_vix, &err);
    for (int j = 0; st == ALVH_OK && j < 3; ++j)
        st = alvh_cfe_futures_read(futures[j], &g_fut[j], &err);
    CHECK_STATUS(st, ALVH_OK, err.text);
    return st == ALVH_OK ? 0 : -1;
}

/* Serials of the fixture dates used below. */
enum { D0103 = 44564, D0105 = 44566, D0106 = 44567, D0107 = 44568, D0110 = 44571,
       D0111 = 44572, D0112 = 44573, D0114 = 44575 };

static void dates_on_one_side_only_are_dropped_and_reported(void)
{
    alvh_market_series out;
    alvh_join_report r;
    alvh_marketfile_error err;
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_vix, NULL, 0, NULL, &out, &r, &err), ALVH_OK,
                 err.text);
    /* SPX lacks 2022-01-12, VIX lacks 2022-01-06: 10 - 2 = 8 rows. */
    CHECK(out.n == 8 && r.rows == 8 && out.nfut == 0, "8 rows: %zu", out.n);
    CHECK(r.only_spx.count == 1 && r.only_spx.first[0] == D0106, "SPX only: %zu",
          r.only_spx.count);
    CHECK(r.only_vix.count == 1 && r.only_vix.first[0] == D0112, "VIX only: %zu",
          r.only_vix.count);
    CHECK(r.no_futures.count == 0 && r.ntenors == 0, "no futures asked for");
    if (out.n == 8) {
        CHECK(out.date[3] == D0107 && out.spx[3] == 4680.25 && out.vix[3] == 18.76,
              "row 4 is 2022-01-07");
        CHECK(out.date[7] == D0114 && out.spx[7] == 4665.5 && out.vix[7] == 19.19, "last row");
    }
    char text[1024];
    alvh_join_report_text(&r, text, sizeof text);
    CHECK(strcmp(text, "1 date with an SPX close but no VIX close, dropped: 2022-01-06\n"
                       "1 date with a VIX close but no SPX close, dropped: 2022-01-12\n") == 0,
          "report: %s", text);
    alvh_market_series_free(&out);
}

static void the_report_lists_the_first_five_dates(void)
{
    /* Seven SPX dates, one VIX date: six SPX-only dates, five listed. */
    double d[7] = {44564, 44565, 44566, 44567, 44568, 44571, 44572};
    double x[7] = {1, 2, 3, 4, 5, 6, 7};
    double vd[1] = {44568}, vx[1] = {20};
    alvh_market_series spx = {.n = 7, .date = d, .spx = x, .vix = x};
    alvh_market_series vix = {.n = 1, .date = vd, .spx = vx, .vix = vx};
    alvh_market_series out;
    alvh_join_report r;
    alvh_marketfile_error err;
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&spx, &vix, NULL, 0, NULL, &out, &r, &err), ALVH_OK, err.text);
    char text[1024];
    alvh_join_report_text(&r, text, sizeof text);
    CHECK(out.n == 1 && out.spx[0] == 5 && out.vix[0] == 20, "one row");
    CHECK(strcmp(text, "6 dates with an SPX close but no VIX close, dropped: 2022-01-03, "
                       "2022-01-04, 2022-01-05, 2022-01-06, 2022-01-10, ...\n") == 0,
          "report: %s", text);
    alvh_market_series_free(&out);
    /* Nothing in common: no row, an error. */
    double vd2[1] = {44600};
    vix.date = vd2;
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&spx, &vix, NULL, 0, NULL, &out, &r, &err), ALVH_E_DATA_SHORT,
                 "no common date");
    CHECK(strcmp(err.text, "no date has both an SPX close and a VIX close") == 0,
          "no common date: %s", err.text);
    alvh_market_series_free(&out);
}

static void futures_are_interpolated_linearly_in_days(void)
{
    alvh_join_options o = {.ntenors = 4, .tenors = {10, 30, 60, 90}};
    alvh_market_series out;
    alvh_join_report r;
    alvh_marketfile_error err;
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_vix, g_fut, 3, &o, &out, &r, &err), ALVH_OK,
                 err.text);
    /* Expiries: F 2022-01-19, G 2022-02-16, H 2022-03-15. On 2022-01-03 they are 16, 44 and 71
     * days out; 90 is beyond H on every date (H is 60 days out on 2022-01-14): fut_90 dropped. */
    CHECK(out.n == 8 && out.nfut == 3 && r.kept == 3, "8 rows, 3 tenors: %zu %zu", out.n,
          out.nfut);
    CHECK(out.fut_days[0] == 10 && out.fut_days[1] == 30 && out.fut_days[2] == 60, "tenors kept");
    CHECK(r.unbracketed[3].count == 8 && r.unbracketed[3].first[0] == D0103 && r.reach[3] == 71,
          "fut_90 beyond H: %zu dates, reach %g", r.unbracketed[3].count, r.reach[3]);
    if (out.n == 8 && out.nfut == 3) {
        /* 2022-01-03: VIX 16.6 at 0 days, F 17.35 at 16, G 21.025 at 44, H 22.5 at 71. */
        const double *f = &out.fut[0];
        CHECK_CLOSE(f[0], 16.6 + (17.35 - 16.6) * 10.0 / 16.0, 0, 1e-14, "01-03 fut_10");
        CHECK_CLOSE(f[1], 17.35 + (21.025 - 17.35) * (30.0 - 16.0) / (44.0 - 16.0), 0, 1e-14,
                    "01-03 fut_30");
        CHECK_CLOSE(f[2], 21.025 + (22.5 - 21.025) * (60.0 - 44.0) / (71.0 - 44.0), 0, 1e-14,
                    "01-03 fut_60");
        /* 2022-01-10 (row 5): F has Settle 0, so the curve is VIX 19.4, G 21.95 at 37, H 23.1
         * at 64 days. */
        f = &out.fut[4 * 3];
        CHECK(out.date[4] == D0110, "row 5 is 2022-01-10");
        CHECK_CLOSE(f[0], 19.4 + (21.95 - 19.4) * 10.0 / 37.0, 0, 1e-14, "01-10 fut_10");
        CHECK_CLOSE(f[1], 19.4 + (21.95 - 19.4) * 30.0 / 37.0, 0, 1e-14, "01-10 fut_30");
        CHECK_CLOSE(f[2], 21.95 + (23.1 - 21.95) * (60.0 - 37.0) / (64.0 - 37.0), 0, 1e-14,
                    "01-10 fut_60");
        /* 2022-01-14: H is exactly 60 days out: its settlement. */
        CHECK(out.fut[7 * 3 + 2] == 23.0, "01-14 fut_60 = H's settlement: %.17g",
              out.fut[7 * 3 + 2]);
    }
    char text[1024];
    alvh_join_report_text(&r, text, sizeof text);
    CHECK(strstr(text, "fut_90 dropped: beyond the farthest contract on 8 dates (first "
                       "2022-01-03, farthest 71 days)\n") != NULL,
          "report: %s", text);
    alvh_market_series_free(&out);
}

static void a_date_without_a_settlement_is_dropped(void)
{
    /* F alone: no settlement on 2022-01-10 (Settle 0), so that date has no futures. fut_5 is
     * bracketed on every other date (F is 5 days out on 2022-01-14). */
    alvh_join_options o = {.ntenors = 1, .tenors = {5}};
    alvh_market_series out;
    alvh_join_report r;
    alvh_marketfile_error err;
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_vix, g_fut, 1, &o, &out, &r, &err), ALVH_OK,
                 err.text);
    CHECK(out.n == 7 && r.no_futures.count == 1 && r.no_futures.first[0] == D0110 &&
              out.nfut == 1,
          "7 rows, 2022-01-10 dropped: %zu, %zu", out.n, r.no_futures.count);
    /* 2022-01-14: F (19.3) is 5 days out; 2022-01-03: 16 days, so 5/16 of the way from VIX. */
    if (out.n == 7) {
        CHECK(out.fut[6] == 19.3, "01-14 fut_5 = F: %.17g", out.fut[6]);
        CHECK_CLOSE(out.fut[0], 16.6 + (17.35 - 16.6) * 5.0 / 16.0, 0, 1e-14, "01-03 fut_5");
    }
    char text[1024];
    alvh_join_report_text(&r, text, sizeof text);
    CHECK(strstr(text, "1 date with SPX and VIX closes but no futures settlement, dropped: "
                       "2022-01-10\n") != NULL,
          "report: %s", text);
    alvh_market_series_free(&out);
}

static void the_window_and_bad_options(void)
{
    alvh_join_options o = {.from = D0105, .to = D0111};
    alvh_market_series out;
    alvh_join_report r;
    alvh_marketfile_error err;
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_vix, NULL, 0, &o, &out, &r, &err), ALVH_OK,
                 err.text);
    /* 01-05, 01-07, 01-10, 01-11 (01-06 has no VIX; 01-12 is outside). */
    CHECK(out.n == 4 && out.date[0] == D0105 && out.date[3] == D0111, "window: %zu rows", out.n);
    CHECK(r.only_spx.count == 1 && r.only_vix.count == 0, "window: drops inside it only");
    alvh_market_series_free(&out);
    /* Default tenors: 30 and 60 kept, 90 to 180 dropped. */
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_vix, g_fut, 3, NULL, &out, &r, &err), ALVH_OK,
                 err.text);
    CHECK(r.ntenors == 6 && r.tenors[0] == 30 && r.tenors[5] == 180 && out.nfut == 2,
          "default tenors: %zu asked, %zu kept", r.ntenors, out.nfut);
    alvh_market_series_free(&out);
    /* A contract given twice; tenors not increasing. */
    alvh_vix_contract twice[2] = {g_fut[0], g_fut[0]};
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_vix, twice, 2, NULL, &out, &r, &err),
                 ALVH_E_DATA_FORMAT, "twice");
    CHECK(strcmp(err.text, "the futures contract F (Jan 22) is given twice") == 0, "twice: %s",
          err.text);
    alvh_market_series_free(&out);
    /* The SPX series given as the VIX side: its VIX column is 0. */
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_spx, NULL, 0, NULL, &out, &r, &err),
                 ALVH_E_DATA_VALUE, "SPX as VIX");
    CHECK(strcmp(err.text, "the VIX close of row 1 is not a positive number") == 0,
          "SPX as VIX: %s", err.text);
    alvh_market_series_free(&out);
    /* A contract built by hand with a settlement of 0. */
    double cd[2] = {44564, 44565}, cs[2] = {17, 0};
    alvh_vix_contract zero = {.label = "F (Jan 22)", .year = 2022, .month = 1, .expiry = 44580,
                              .n = 2, .date = cd, .settle = cs};
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_vix, &zero, 1, NULL, &out, &r, &err),
                 ALVH_E_DATA_VALUE, "a zero settlement");
    CHECK(strcmp(err.text, "the futures contract F (Jan 22): settlement 2 is not positive, or "
                           "its date does not increase") == 0,
          "zero settlement: %s", err.text);
    alvh_market_series_free(&out);
    alvh_join_options bad = {.ntenors = 2, .tenors = {60, 30}};
    memset(&out, 0, sizeof out);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_vix, g_fut, 3, &bad, &out, &r, &err),
                 ALVH_E_ARGUMENT, "tenors down");
    CHECK(strcmp(err.text, "futures tenors must be whole days from 1 to 3650, increasing") == 0,
          "tenors: %s", err.text);
    alvh_market_series_free(&out);
}

static void the_written_series_reads_back_bit_for_bit(void)
{
    alvh_join_options o = {.ntenors = 3, .tenors = {10, 30, 60}};
    alvh_market_series out, back;
    alvh_join_report r;
    alvh_marketfile_error err;
    memset(&out, 0, sizeof out);
    memset(&back, 0, sizeof back);
    CHECK_STATUS(alvh_market_join(&g_spx, &g_vix, g_fut, 3, &o, &out, &r, &err), ALVH_OK,
                 err.text);
    const char *path = "test_marketjoin_written.csv";
    FILE *f = fopen(path, "wb");
    char line[2048];
    alvh_market_series_header(&out, line, sizeof line);
    CHECK(strcmp(line, "date,spx,vix,fut_10,fut_30,fut_60") == 0, "header: %s", line);
    fprintf(f, "%s\n", line);
    for (size_t i = 0; i < out.n; ++i) {
        alvh_market_series_row(&out, i, line, sizeof line);
        if (i == 0)
            CHECK(strcmp(line, "2022-01-03,4800.25,16.6,17.06875,19.1875,21.899074074074072") ==
                      0,
                  "row 1: %s", line);
        fprintf(f, "%s\n", line);
    }
    fclose(f);
    CHECK_STATUS(alvh_marketfile_read(path, &back, &err), ALVH_OK, err.text);
    remove(path);
    CHECK(back.n == out.n && back.nfut == out.nfut && !back.has_breadth, "same shape");
    if (back.n == out.n && back.nfut == out.nfut) {
        size_t n = out.n * sizeof(double);
        CHECK(memcmp(back.date, out.date, n) == 0 && memcmp(back.spx, out.spx, n) == 0 &&
                  memcmp(back.vix, out.vix, n) == 0 &&
                  memcmp(back.fut, out.fut, n * out.nfut) == 0 &&
                  memcmp(back.fut_days, out.fut_days, out.nfut * sizeof(double)) == 0,
              "every value reads back bit for bit");
    }
    /* A line cut to the buffer still reports its whole length. */
    char small[8];
    size_t len = alvh_market_series_row(&out, 0, small, sizeof small);
    CHECK(len == strlen("2022-01-03,4800.25,16.6,17.06875,19.1875,21.899074074074072") &&
              strcmp(small, "2022-01") == 0,
          "cut: %zu \"%s\"", len, small);
    /* The window: rows from 2022-01-07 on; the first kept row was index 3. */
    size_t first = 99;
    CHECK_STATUS(alvh_market_series_window(&back, D0107, 0, &first), ALVH_OK, "window");
    CHECK(first == 3 && back.n == 5 && back.date[0] == D0107 && back.fut[0] == out.fut[3 * 3],
          "window from 01-07: first %zu, %zu rows", first, back.n);
    CHECK_STATUS(alvh_market_series_window(&back, 0, D0110, &first), ALVH_OK, "window to");
    CHECK(first == 0 && back.n == 2 && back.date[1] == D0110, "window to 01-10: %zu rows",
          back.n);
    CHECK_STATUS(alvh_market_series_window(&back, D0114, 0, &first), ALVH_OK, "empty window");
    CHECK(back.n == 0, "an empty window: %zu rows", back.n);
    alvh_market_series_free(&back);
    alvh_market_series_free(&out);
}

int main(void)
{
    if (read_fixtures() == 0) {
        dates_on_one_side_only_are_dropped_and_reported();
        the_report_lists_the_first_five_dates();
        futures_are_interpolated_linearly_in_days();
        a_date_without_a_settlement_is_dropped();
        the_window_and_bad_options();
        the_written_series_reads_back_bit_for_bit();
    }
    alvh_market_series_free(&g_spx);
    alvh_market_series_free(&g_vix);
    for (int j = 0; j < 3; ++j)
        alvh_vix_contract_free(&g_fut[j]);
    return check_summary("test_marketjoin");
}
