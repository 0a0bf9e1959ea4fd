/* test_marketfile.c: the market-file reader (alvh/marketfile.h). Each case writes a small file in
 * the working directory, reads it, and compares with values and sentences written here. */
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

int main(void)
{
    a_good_file_is_read_row_by_row();
    futures_and_breadth_columns_in_any_order_and_case();
    a_missing_file_names_the_file_and_the_reason();
    errors_name_the_line_and_the_column();
    return check_summary("test_marketfile");
}
