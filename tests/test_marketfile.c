/* test_marketfile.c: the market-file readers (alvh/marketfile.h): the market format, and the
 * files as published (tests/data/history holds one of each layout, with its quirks). Each error
 * case writes a small file in the working directory, reads it, and compares with the values and
 * sentences written here. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "alvh/marketfile.h"
#include "check.h"

/* Writes text to a file named after the case; returns its path. */
static const char *write_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "test_marketfile_%s.csv", name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL, "cannot write %s", path);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

/* Reads text as a file; *err gets the error. */
static alvh_status read_text(const char *name, const char *text, alvh_market_series *s,
                             alvh_marketfile_error *err)
{
    memset(s, 0, sizeof *s);
    const char *path = write_file(name, text);
    alvh_status st = alvh_marketfile_read(path, s, err);
    remove(path);
    return st;
}

static void a_good_file_is_read_row_by_row(void)
{
    alvh_market_series s;
    alvh_marketfile_error err;
    alvh_status st = read_text("good", "date,spx,vix\n2024-01-08,4750.25,13.5\n45300,4765,13.2\n",
                               &s, &err);
    CHECK_STATUS(st, ALVH_OK, err.text);
    CHECK(err.text[0] == '\0', "no sentence on success: %s", err.text);
    CHECK(s.n == 2 && s.nfut == 0 && !s.has_breadth, "2 rows, no futures, no breadth: %zu", s.n);
    if (s.n == 2) {
        /* 2024-01-08 is serial 45299 (days since 1899-12-30); a serial is taken as it is. */
        CHECK(s.date[0] == 45299 && s.date[1] == 45300, "dates %g %g", s.date[0], s.date[1]);
        CHECK(s.spx[0] == 4750.25 && s.spx[1] == 4765, "spx");
        CHECK(s.vix[0] == 13.5 && s.vix[1] == 13.2, "vix");
    }
    alvh_backtest_data d = alvh_market_series_data(&s);
    CHECK(d.n == 2 && d.date == s.date && d.fut == NULL && d.advancers == NULL &&
              d.decliners == NULL,
          "the view: no futures, no breadth");
    alvh_market_series_free(&s);
    CHECK(s.n == 0 && s.date == NULL, "free zeroes the series");
}

static void futures_and_breadth_columns_in_any_order_and_case(void)
{
    alvh_market_series s;
    alvh_marketfile_error err;
    /* A byte order mark, CRLF line ends, names in any case, spaces around fields, blank lines at
     * the end. */
    const char *text = "\xEF\xBB\xBF"
                       "Decliners,DATE,fut_30, SPX ,FUT_90,Vix,advancers\r\n"
                       "200,2024-01-08,15.5,4750,17.25,14,300\r\n"
                       "310,2024-01-09,16,4700,17.5,15.5,190\r\n"
                       "\r\n\r\n";
    CHECK_STATUS(read_text("futures", text, &s, &err), ALVH_OK, err.text);
    CHECK(s.n == 2 && s.nfut == 2 && s.has_breadth, "2 rows, 2 tenors, breadth: %zu %zu", s.n,
          s.nfut);
    if (s.n == 2 && s.nfut == 2) {
        CHECK(s.fut_days[0] == 30 && s.fut_days[1] == 90, "tenors");
        CHECK(s.fut[0] == 15.5 && s.fut[1] == 17.25 && s.fut[2] == 16 && s.fut[3] == 17.5,
              "futures row-major");
        CHECK(s.date[1] == 45300 && s.spx[1] == 4700 && s.vix[1] == 15.5, "row 2");
        CHECK(s.advancers[0] == 300 && s.decliners[0] == 200 && s.advancers[1] == 190 &&
                  s.decliners[1] == 310,
              "breadth");
    }
    alvh_backtest_data d = alvh_market_series_data(&s);
    CHECK(d.nfut == 2 && d.fut == s.fut && d.fut_days == s.fut_days &&
              d.advancers == s.advancers && d.decliners == s.decliners,
          "the view holds the futures and breadth");
    alvh_market_series_free(&s);
}

static void a_missing_file_names_the_file_and_the_reason(void)
{
    const char *path = "test_marketfile_no_such_file.csv";
    remove(path);
    alvh_market_series s;
    memset(&s, 0, sizeof s);
    alvh_marketfile_error err;
    CHECK_STATUS(alvh_marketfile_read(path, &s, &err), ALVH_E_DATA_FORMAT, "missing file");
    CHECK(strcmp(err.text, "cannot open test_marketfile_no_such_file.csv: No such file or "
                           "directory") == 0,
          "missing file: %s", err.text);
    CHECK(err.sys_errno == ENOENT && err.line == 0, "errno %d, line %zu", err.sys_errno,
          err.line);
    alvh_market_series_free(&s);
}

/* Errors: the file, the status, the sentence and its place (line, column; 0: all of it). */
static const struct {
    const char *name, *text;
    alvh_status status;
    const char *sentence;
    size_t line, column;
} k_errors[] = {
    /* a bad value names its line and column */
    {"bad_number", "date,spx,vix\n2024-01-08,4700,14\n2024-01-09,abc,15\n", ALVH_E_DATA_VALUE,
     "row 3: spx \"abc\" is not a number", 3, 2},
    {"empty_value", "date,spx,vix\n2024-01-08,4700, \n", ALVH_E_DATA_VALUE,
     "row 2: vix is missing", 2, 3},
    {"bad_date", "date,spx,vix\n2024-02-30,4700,14\n", ALVH_E_DATA_VALUE,
     "row 2: date \"2024-02-30\" is not a date (YYYY-MM-DD or a serial number)", 2, 1},
    {"overflow", "date,vix,spx\n2024-01-08,14,1e999\n", ALVH_E_DATA_VALUE,
     "row 2: spx \"1e999\" is not a number", 2, 3},
    /* rows are consecutive and complete */
    {"blank_line", "date,spx,vix\n2024-01-08,4700,14\n\n2024-01-10,4690,15\n", ALVH_E_DATA_FORMAT,
     "row 3 is empty (rows must be consecutive)", 3, 0},
    {"short_row", "date,spx,vix\n2024-01-08,4700,14\n2024-01-09,4690\n", ALVH_E_DATA_FORMAT,
     "row 3 has 2 columns, the header has 3", 3, 0},
    /* the header names known columns, once */
    {"unknown", "date,spx,vix,foo\n", ALVH_E_DATA_FORMAT,
     "row 1: unknown column \"foo\" (known: date, spx, vix, fut_<days>, advancers, decliners)",
     1, 4},
    {"twice", "date,spx,vix,SPX\n", ALVH_E_DATA_FORMAT, "row 1: column \"SPX\" appears twice", 1,
     4},
    {"no_vix", "date,spx\n", ALVH_E_DATA_FORMAT,
     "row 1: the header needs date, spx and vix (advancers and decliners only together), got "
     "\"date\"",
     1, 0},
    {"tenors_down", "date,spx,vix,fut_60,fut_30\n", ALVH_E_DATA_FORMAT,
     "row 1: column \"fut_30\": futures columns need increasing positive days, at most 16 of "
     "them",
     1, 5},
    {"empty", "", ALVH_E_DATA_FORMAT,
     "test_marketfile_empty.csv is empty (it needs a header line)", 0, 0},
};

static void errors_name_the_line_and_the_column(void)
{
    for (size_t i = 0; i < sizeof k_errors / sizeof k_errors[0]; ++i) {
        const char *name = k_errors[i].name;
        alvh_market_series s;
        alvh_marketfile_error err;
        CHECK_STATUS(read_text(name, k_errors[i].text, &s, &err), k_errors[i].status, name);
        CHECK(strcmp(err.text, k_errors[i].sentence) == 0, "%s: got \"%s\", want \"%s\"", name,
              err.text, k_errors[i].sentence);
        CHECK(err.line == k_errors[i].line && err.column == k_errors[i].column,
              "%s: at line %zu column %zu, want %zu, %zu", name, err.line, err.column,
              k_errors[i].line, k_errors[i].column);
        CHECK(err.sys_errno == 0, "%s: no system error", name);
        alvh_market_series_free(&s);
    }
}

/* ---- files as published (tests/data/history: what each quirk is, in its README) ------------ */

#define HISTORY ALVH_TEST_DATA "/history/"

/* The fixtures' days (serials: 2022-01-03 is 44564) and closes, as written in the files. */
static const double k_days[10] = {44564, 44565, 44566, 44567, 44568,
                                  44571, 44572, 44573, 44574, 44575};
static const double k_spx[10] = {4800.25, 4790.5, 4705.75, 4698.0, 4680.25,
                                 4672.5, 4715.0, 4728.25, 4660.75, 4665.5};
static const double k_vix[10] = {16.6, 16.91, 19.73, 19.61, 18.76, 19.4, 18.41, 17.62, 20.31, 19.19};

/* Series s holds the fixture's rows but `skip` (an index of k_days), in column `vix` or spx. */
static void expect_closes(const alvh_market_series *s, size_t skip, int vix, const char *what)
{
    CHECK(s->n == 9 && s->nfut == 0 && !s->has_breadth, "%s: %zu rows", what, s->n);
    for (size_t i = 0, j = 0; i < s->n && j < 10; ++j) {
        if (j == skip)
            continue;
        CHECK(s->date[i] == k_days[j], "%s: row %zu date %g, want %g", what, i, s->date[i],
              k_days[j]);
        double got = vix ? s->vix[i] : s->spx[i], other = vix ? s->spx[i] : s->vix[i];
        CHECK(got == (vix ? k_vix[j] : k_spx[j]) && other == 0, "%s: row %zu close %.17g", what,
              i, got);
        ++i;
    }
}

static void published_dates_are_iso_or_us(void)
{
    static const struct {
        const char *text;
        double serial; /* 0: not a date */
    } cases[] = {
        {"2022-01-03", 44564}, {"01/03/2022", 44564}, {"1/3/2022", 44564},
        {"12/31/2021", 44561}, {"02/29/2024", 45351}, {"02/29/2023", 0},
        {"13/01/2022", 0},     {"01/03/22", 0},       {"2022-1-3", 0},
        {"1/3/2022x", 0},      {"001/3/2022", 0},     {"", 0},
        {"44564", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        double x = -1;
        alvh_status st = alvh_marketfile_date(cases[i].text, &x);
        if (cases[i].serial > 0)
            CHECK(st == ALVH_OK && x == cases[i].serial, "\"%s\": %g", cases[i].text, x);
        else
            CHECK(st == ALVH_E_DATE, "\"%s\" is not a date: %s", cases[i].text,
                  alvh_status_name(st));
    }
}

static void spx_exports_give_the_close_oldest_first(void)
{
    alvh_market_series s;
    alvh_marketfile_error err;
    /* Date,Open,High,Low,Close,Adj Close,Volume; ISO dates; 2022-01-12 missing; Adj Close is
     * Close - 1.5 throughout, so reading it would fail the values. */
    memset(&s, 0, sizeof s);
    CHECK_STATUS(alvh_spx_history_read(HISTORY "spx_yahoo.csv", &s, &err), ALVH_OK, err.text);
    expect_closes(&s, 7, 0, "spx_yahoo.csv");
    alvh_market_series_free(&s);
    /* date,open,high,low,close,volume,adjclose; MM/DD/YYYY; newest first; CRLF. */
    memset(&s, 0, sizeof s);
    CHECK_STATUS(alvh_spx_history_read(HISTORY "spx_lower_newest_first.csv", &s, &err), ALVH_OK,
                 err.text);
    expect_closes(&s, 7, 0, "spx_lower_newest_first.csv");
    alvh_market_series_free(&s);
    /* Nasdaq's Close/Last, a byte order mark, a title line before the header. */
    const char *path = write_file("nasdaq", "\xEF\xBB\xBFS&P 500 history\nDate,Close/Last,Open\n"
                                            "01/04/2022,4790.5,1\n01/03/2022,4800.25,1\n");
    memset(&s, 0, sizeof s);
    CHECK_STATUS(alvh_spx_history_read(path, &s, &err), ALVH_OK, err.text);
    CHECK(s.n == 2 && s.date[0] == 44564 && s.spx[0] == 4800.25 && s.spx[1] == 4790.5,
          "Close/Last, newest first: %zu rows", s.n);
    remove(path);
    alvh_market_series_free(&s);
}

static void the_cboe_vix_history_gives_the_close(void)
{
    alvh_market_series s;
    alvh_marketfile_error err;
    memset(&s, 0, sizeof s);
    /* DATE,OPEN,HIGH,LOW,CLOSE; MM/DD/YYYY; six decimals; 2022-01-06 missing. */
    CHECK_STATUS(alvh_vix_history_read(HISTORY "VIX_History.csv", &s, &err), ALVH_OK, err.text);
    expect_closes(&s, 3, 1, "VIX_History.csv");
    alvh_market_series_free(&s);
}

static void cfe_files_give_one_contract_s_settlements(void)
{
    alvh_vix_contract c;
    alvh_marketfile_error err;
    /* The archive layout: disclaimer, CRLF, US dates, "F (Jan 22)", a blank line, Settle 0 on
     * 2022-01-10 (skipped), 2022-01-05 written twice (read once), the expiry day's row. */
    memset(&c, 0, sizeof c);
    CHECK_STATUS(alvh_cfe_futures_read(HISTORY "CFE_F22_VX.csv", &c, &err), ALVH_OK, err.text);
    /* January 2022: the Wednesday 30 days before Friday 2022-02-18 is 2022-01-19 (44580). */
    CHECK(strcmp(c.label, "F (Jan 22)") == 0 && c.year == 2022 && c.month == 1 &&
              c.expiry == 44580,
          "F: %s %d-%d expiry %g", c.label, c.year, c.month, c.expiry);
    static const double f_days[10] = {44564, 44565, 44566, 44567, 44568,
                                      44572, 44573, 44574, 44575, 44580};
    static const double f_settle[10] = {17.35, 17.6, 20.1, 19.95, 19.05,
                                        18.6,  17.85, 20.4, 19.3, 22.79};
    CHECK(c.n == 10, "F: %zu settlements, want 10", c.n);
    for (size_t i = 0; i < c.n && i < 10; ++i)
        CHECK(c.date[i] == f_days[i] && c.settle[i] == f_settle[i], "F row %zu: %g %.17g", i,
              c.date[i], c.settle[i]);
    alvh_vix_contract_free(&c);
    CHECK(c.n == 0 && c.date == NULL, "free zeroes the contract");
    /* The newer layout: ISO dates, "G (Feb 2022)", a placeholder row with Settle 0 first. */
    memset(&c, 0, sizeof c);
    CHECK_STATUS(alvh_cfe_futures_read(HISTORY "VX_2022-02-16.csv", &c, &err), ALVH_OK, err.text);
    CHECK(c.year == 2022 && c.month == 2 && c.expiry == 44608 && c.n == 10 &&
              c.date[0] == 44564 && c.settle[0] == 21.025 && c.settle[9] == 21.8,
          "G: %d-%d expiry %g, %zu rows", c.year, c.month, c.expiry, c.n);
    alvh_vix_contract_free(&c);
    /* March 2022: Friday 2022-04-15 was Good Friday, so the Tuesday 2022-03-15 (44635). */
    memset(&c, 0, sizeof c);
    CHECK_STATUS(alvh_cfe_futures_read(HISTORY "VX_2022-03-15.csv", &c, &err), ALVH_OK, err.text);
    CHECK(c.expiry == 44635 && c.n == 10 && c.settle[0] == 22.5, "H: expiry %g", c.expiry);
    alvh_vix_contract_free(&c);
}

static void cfe_settlements_before_2007_03_26_are_divided_by_ten(void)
{
    /* CFE quoted VIX futures at ten times the index until 2007-03-26. April 2007 expired on
     * 2007-04-18 (the Wednesday 30 days before Friday 2007-05-18). The second row ends in a
     * comma, as some archive rows do: an empty field past the header is allowed. */
    const char *path = write_file("rescale",
                                  "Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total "
                                  "Volume,EFP,Open Interest\n"
                                  "03/23/2007,J (Apr 07),134.00,135.50,133.00,133.50,133.30,-0.30,"
                                  "369,0,10632\n"
                                  "03/26/2007,J (Apr 07),13.49,14.50,13.21,13.40,13.38,0.50,675,0,"
                                  "11006,\n");
    alvh_vix_contract c;
    alvh_marketfile_error err;
    memset(&c, 0, sizeof c);
    CHECK_STATUS(alvh_cfe_futures_read(path, &c, &err), ALVH_OK, err.text);
    /* 39164 = 2007-03-23; 133.30 / 10 = 13.33 (the division rounds once: 133.3 / 10). */
    CHECK(c.n == 2 && c.date[0] == 39164 && c.settle[0] == 133.30 / 10 && c.settle[1] == 13.38 &&
              c.expiry == 39190,
          "rescaled: %zu rows, %.17g %.17g, expiry %g", c.n, c.n ? c.settle[0] : 0,
          c.n > 1 ? c.settle[1] : 0, c.expiry);
    remove(path);
    alvh_vix_contract_free(&c);
}

enum { SPX, CFE };

#define CFE_HEAD "Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,EFP,Open " \
                 "Interest\n"
#define CFE_ROW(date, label, settle) date "," label ",1,2,0.5,1.5," settle ",0,10,0,20\n"
#define YAHOO_HEAD "Date,Open,High,Low,Close,Adj Close,Volume\n"

/* Errors of the published readers: the sentence names the file, the line and the column. */
static const struct {
    int reader;
    const char *name, *text;
    alvh_status status;
    const char *sentence;
    size_t line, column;
} k_published_errors[] = {
    {SPX, "pub_bad_number", YAHOO_HEAD "2022-01-03,1,2,3,4800.25,4798.75,9\n"
                            "2022-01-04,1,2,3,4790.50,4789,9\n"
                            "2022-01-05,1,2,3,abc,4704.25,9\n",
     ALVH_E_DATA_VALUE,
     "test_marketfile_pub_bad_number.csv: line 4, column 5 (Close): \"abc\" is not a number", 4,
     5},
    {SPX, "pub_thousands", YAHOO_HEAD "2022-01-03,1,2,3,4800.25,4798.75,9\n"
                           "2022-01-04,1,2,3,4,790.50,4789,9\n",
     ALVH_E_DATA_FORMAT,
     "test_marketfile_pub_thousands.csv: line 3: more fields than the header's 7 (a comma "
     "inside a value?)",
     3, 0},
    {SPX, "pub_missing", YAHOO_HEAD "2022-01-03,1,2,3,,4798.75,9\n", ALVH_E_DATA_VALUE,
     "test_marketfile_pub_missing.csv: line 2, column 5 (Close): missing", 2, 5},
    {SPX, "pub_short", "Date,Open,High,Low,Close\r\n01/03/2022,1,2\r\n", ALVH_E_DATA_VALUE,
     "test_marketfile_pub_short.csv: line 2, column 5 (Close): missing", 2, 5},
    {SPX, "pub_two_digit_year", "DATE,OPEN,HIGH,LOW,CLOSE\n01/03/22,1,2,3,4\n", ALVH_E_DATA_VALUE,
     "test_marketfile_pub_two_digit_year.csv: line 2, column 1 (DATE): \"01/03/22\" is not a "
     "date (YYYY-MM-DD or MM/DD/YYYY)",
     2, 1},
    {SPX, "pub_zero", "date,close\n2022-01-03,0\n", ALVH_E_DATA_VALUE,
     "test_marketfile_pub_zero.csv: line 2, column 2 (close): 0 is not a positive price", 2, 2},
    {SPX, "pub_order", "date,close\n2022-01-03,1\n2022-01-05,2\n2022-01-04,3\n",
     ALVH_E_DATA_ORDER,
     "test_marketfile_pub_order.csv: line 4, column 1 (date): the date is before line 3's (rows "
     "must run oldest first or newest first, one row a date)",
     4, 1},
    {SPX, "pub_repeat", "date,close\n2022-01-05,1\n2022-01-04,2\n\n2022-01-04,3\n",
     ALVH_E_DATA_ORDER,
     "test_marketfile_pub_repeat.csv: line 5, column 1 (date): the date repeats line 3's (rows "
     "must run oldest first or newest first, one row a date)",
     5, 1},
    {SPX, "pub_adj_only", "Date,Open,High,Low,Adj Close,Volume\n2022-01-03,1,2,3,4,5\n",
     ALVH_E_DATA_FORMAT,
     "test_marketfile_pub_adj_only.csv: line 1: the header has no Close column (Adj Close is "
     "not read)",
     1, 0},
    {SPX, "pub_no_header", "hello\n4800,1\n", ALVH_E_DATA_FORMAT,
     "test_marketfile_pub_no_header.csv: no header line with a Date column", 0, 0},
    {SPX, "pub_no_rows", "\nDate,Close\n\n", ALVH_E_DATA_SHORT,
     "test_marketfile_pub_no_rows.csv: no rows after the header (line 2)", 0, 0},
    {CFE, "cfe_bad_settle", "disclaimer\r\n" CFE_HEAD CFE_ROW("01/03/2022", "F (Jan 22)", "17.35")
                            CFE_ROW("01/04/2022", "F (Jan 22)", "17.6x"),
     ALVH_E_DATA_VALUE,
     "test_marketfile_cfe_bad_settle.csv: line 4, column 7 (Settle): \"17.6x\" is not a settlement "
     "price (a number, 0 when none)",
     4, 7},
    {CFE, "cfe_negative", CFE_HEAD CFE_ROW("2022-01-03", "F (Jan 2022)", "-1"), ALVH_E_DATA_VALUE,
     "test_marketfile_cfe_negative.csv: line 2, column 7 (Settle): \"-1\" is not a settlement "
     "price (a number, 0 when none)",
     2, 7},
    {CFE, "cfe_weekly", CFE_HEAD CFE_ROW("2015-07-01", "VX27 (Jul 15)", "14"), ALVH_E_DATA_VALUE,
     "test_marketfile_cfe_weekly.csv: line 2, column 2 (Futures): \"VX27 (Jul 15)\" is not a "
     "monthly VIX futures contract like \"F (Jan 13)\" or \"F (Jan 2013)\"",
     2, 2},
    {CFE, "cfe_code_month", CFE_HEAD CFE_ROW("2022-01-03", "F (Feb 22)", "14"), ALVH_E_DATA_VALUE,
     "test_marketfile_cfe_code_month.csv: line 2, column 2 (Futures): \"F (Feb 22)\" is not a "
     "monthly VIX futures contract like \"F (Jan 13)\" or \"F (Jan 2013)\"",
     2, 2},
    {CFE, "cfe_two_contracts", CFE_HEAD CFE_ROW("2022-01-03", "F (Jan 22)", "14")
                               CFE_ROW("2022-01-03", "G (Feb 22)", "15"),
     ALVH_E_DATA_VALUE,
     "test_marketfile_cfe_two_contracts.csv: line 3, column 2 (Futures): \"G (Feb 22)\" is not "
     "the contract of line 2, \"F (Jan 22)\" (one contract a file)",
     3, 2},
    {CFE, "cfe_after_expiry", CFE_HEAD CFE_ROW("01/19/2022", "F (Jan 22)", "22.79")
                              CFE_ROW("01/20/2022", "F (Jan 22)", "22.79"),
     ALVH_E_DATA_VALUE,
     "test_marketfile_cfe_after_expiry.csv: line 3, column 1 (Trade Date): the trade date is "
     "after the contract's expiry 2022-01-19 (F (Jan 22))",
     3, 1},
    {CFE, "cfe_order", CFE_HEAD CFE_ROW("2022-01-04", "F (Jan 22)", "14")
                       CFE_ROW("2022-01-03", "F (Jan 22)", "15"),
     ALVH_E_DATA_ORDER,
     "test_marketfile_cfe_order.csv: line 3, column 1 (Trade Date): the trade date is before "
     "line 2's (rows run oldest first)",
     3, 1},
    {CFE, "cfe_repeat", CFE_HEAD CFE_ROW("2022-01-04", "F (Jan 22)", "14")
                        CFE_ROW("2022-01-04", "F (Jan 22)", "15"),
     ALVH_E_DATA_ORDER,
     "test_marketfile_cfe_repeat.csv: line 3, column 1 (Trade Date): the trade date repeats line "
     "2's with another settlement",
     3, 1},
    {CFE, "cfe_bad_date", CFE_HEAD CFE_ROW("2022-01-32", "F (Jan 22)", "14"), ALVH_E_DATA_VALUE,
     "test_marketfile_cfe_bad_date.csv: line 2, column 1 (Trade Date): \"2022-01-32\" is not a "
     "date (YYYY-MM-DD or MM/DD/YYYY)",
     2, 1},
    {CFE, "cfe_no_settle", "Trade Date,Futures,Open,Close\n2022-01-03,F (Jan 22),1,2\n",
     ALVH_E_DATA_FORMAT,
     "test_marketfile_cfe_no_settle.csv: line 1: the header needs Trade Date, Futures and Settle "
     "columns",
     1, 0},
    {CFE, "cfe_no_header", "CFE data is compiled for the convenience of site visitors\n",
     ALVH_E_DATA_FORMAT,
     "test_marketfile_cfe_no_header.csv: no header line with a Trade Date column", 0, 0},
    {CFE, "cfe_all_zero", CFE_HEAD CFE_ROW("2022-01-03", "F (Jan 22)", "0.00"), ALVH_E_DATA_SHORT,
     "test_marketfile_cfe_all_zero.csv: no settlement after the header (line 1)", 0, 0},
};

static void published_errors_name_the_file_the_line_and_the_column(void)
{
    for (size_t i = 0; i < sizeof k_published_errors / sizeof k_published_errors[0]; ++i) {
        const char *name = k_published_errors[i].name;
        const char *path = write_file(name, k_published_errors[i].text);
        alvh_marketfile_error err;
        alvh_status st;
        if (k_published_errors[i].reader == SPX) {
            alvh_market_series s;
            memset(&s, 0, sizeof s);
            st = alvh_spx_history_read(path, &s, &err);
            alvh_market_series_free(&s);
        } else {
            alvh_vix_contract c;
            memset(&c, 0, sizeof c);
            st = alvh_cfe_futures_read(path, &c, &err);
            alvh_vix_contract_free(&c);
        }
        remove(path);
        CHECK_STATUS(st, k_published_errors[i].status, name);
        CHECK(strcmp(err.text, k_published_errors[i].sentence) == 0,
              "%s: got \"%s\", want \"%s\"", name, err.text, k_published_errors[i].sentence);
        CHECK(err.line == k_published_errors[i].line &&
                  err.column == k_published_errors[i].column,
              "%s: at line %zu column %zu", name, err.line, err.column);
    }
    /* A file that cannot be opened: the reason, and errno. */
    alvh_market_series s;
    memset(&s, 0, sizeof s);
    alvh_marketfile_error err;
    CHECK_STATUS(alvh_vix_history_read("test_marketfile_none.csv", &s, &err), ALVH_E_DATA_FORMAT,
                 "missing VIX file");
    CHECK(strcmp(err.text, "cannot open test_marketfile_none.csv: No such file or directory") ==
                  0 && err.sys_errno == ENOENT,
          "missing VIX file: %s", err.text);
    alvh_market_series_free(&s);
}

int main(void)
{
    a_good_file_is_read_row_by_row();
    futures_and_breadth_columns_in_any_order_and_case();
    a_missing_file_names_the_file_and_the_reason();
    errors_name_the_line_and_the_column();
    published_dates_are_iso_or_us();
    spx_exports_give_the_close_oldest_first();
    the_cboe_vix_history_gives_the_close();
    cfe_files_give_one_contract_s_settlements();
    cfe_settlements_before_2007_03_26_are_divided_by_ten();
    published_errors_name_the_file_the_line_and_the_column();
    return check_summary("test_marketfile");
}
