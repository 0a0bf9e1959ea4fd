/* test_chain_csv.c: the reader of CBOE's quote table download (alvh_chain_read/_parse): the
 * quote time's variants and zones (serials derived by hand below), header synonyms, roots, and
 * every error naming its file, line and column. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alvh/chain.h"
#include "check.h"

#define HEADER                                                                                   \
    "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,"   \
    "Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest\n"
#define ROW(k, cb, ca, pb, pa)                                                                   \
    "Fri Oct 20 2023,SPX231020C0" k "000,0,0," cb "," ca ",0,0,0,0,0," k                        \
    ".00,SPX231020P0" k "000,0,0," pb "," pa ",0,0,0,0,0\n"
#define ROWS                                                                                     \
    ROW("4450", "91.5", "92.5", "21.5", "22.5")                                                   \
    ROW("4500", "53.5", "54.5", "33.5", "34.5") ROW("4550", "24.5", "25.5", "54.5", "55.5")

/* 2023-09-14 is serial 45183 (2023-01-01 = 44927, Sep 14 its 257th day). */
#define SEP14 45183.0

static alvh_status parse(const char *text, alvh_chain *c, alvh_marketfile_error *err)
{
    return alvh_chain_parse(text, strlen(text), "q.csv", c, err);
}

static void quote_time_variants(void)
{
    const struct {
        const char *line; /* line 2 of the file */
        double want;      /* serial date-time, US/Eastern */
    } cases[] = {
        {"\"Date: September 14, 2023 at 4:31 PM EDT\",Bid: 1,Ask: 2", SEP14 + 991.0 / 1440},
        {"Date: September 14, 2023 at 4:31 PM EDT,Bid: 1,Ask: 2", SEP14 + 991.0 / 1440},
        {"Date: 14 September 2023 at 16:31 EDT", SEP14 + 991.0 / 1440},
        {"\"Date: September 14, 2023 at 4:31 PM\",Bid: 1", SEP14 + 991.0 / 1440},
        {"\"Date: Sep 14, 2023 at 4:31PM ET\"", SEP14 + 991.0 / 1440},
        {"\"Date: Thursday, September 14, 2023 at 4:31 PM EDT\"", SEP14 + 991.0 / 1440},
        /* 2022-02-05: 2022-01-01 = 44927 - 365 = 44562, + 35 days; no "at", comma before */
        {"\"Date: February 5 2022, 8:09 PM EST\",Bid: 4420.5", 44597.0 + 1209.0 / 1440},
        /* other zones through UTC: in September Eastern is UTC-4 */
        {"\"Date: September 14, 2023 at 8:31 PM GMT\"", SEP14 + 991.0 / 1440},
        {"\"Date: September 14, 2023 at 1:31 PM PDT\"", SEP14 + 991.0 / 1440},
        {"\"Date: September 14, 2023 at 3:31 PM CDT\"", SEP14 + 991.0 / 1440},
        {"\"Date: September 14, 2023 at 10:31 PM GMT+2\"", SEP14 + 991.0 / 1440},
        {"\"Date: September 14, 2023 at 4:31 PM GMT-4\"", SEP14 + 991.0 / 1440},
        /* 2024-01-12 = 45292 + 11; in January Eastern is UTC-5: 15:15 UTC is 10:15 EST */
        {"\"Date: January 12, 2024 at 3:15 PM UTC\"", 45303.0 + 615.0 / 1440},
        {"\"Date: September 14, 2023 at 12:05 AM EDT\"", SEP14 + 5.0 / 1440},
        {"\"Date: September 14, 2023 at 12:05 PM EDT\"", SEP14 + 725.0 / 1440},
        /* US daylight time 2023: from Sunday March 12 07:00 UTC (2:00 EST) to Sunday November 5
         * 06:00 UTC (2:00 EDT); 2023-03-12 = 44927 + 70, 2023-11-05 = 44927 + 308. */
        {"\"Date: March 12, 2023 at 6:59 AM UTC\"", 44997.0 + 119.0 / 1440},
        {"\"Date: March 12, 2023 at 7:01 AM UTC\"", 44997.0 + 181.0 / 1440},
        {"\"Date: November 5, 2023 at 5:59 AM UTC\"", 45235.0 + 119.0 / 1440},
        {"\"Date: November 5, 2023 at 6:01 AM UTC\"", 45235.0 + 61.0 / 1440},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char text[2048];
        snprintf(text, sizeof text, "\nS&P 500 INDEX,Last: 4505.42,Change:  1\n%s\n" HEADER ROWS,
                 cases[i].line);
        alvh_chain c;
        alvh_marketfile_error err;
        alvh_status st = parse(text, &c, &err);
        CHECK_STATUS(st, ALVH_OK, cases[i].line);
        if (st != ALVH_OK) {
            fprintf(stderr, "  %s\n", err.text);
            continue;
        }
        CHECK_CLOSE(c.quote_time, cases[i].want, 1e-9, 0, cases[i].line);
        alvh_chain_free(&c);
    }
}

static void reads_roots_and_synonyms(void)
{
    /* Older downloads name two columns "Vol" and "Open Int"; no blank first line; CRLF. */
    const char *text =
        "SPDR S&P 500 ETF Trust,Last: 645.05,Change:  -3.87\r\n"
        "\"Date: September 1, 2025 at 6:50 PM EDT\",Bid: 644.93,Ask: 645.07,Size: 1*1,"
        "\"Volume: 74,482,292\"\r\n"
        "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Vol,IV,Delta,Gamma,Open Int,Strike,Puts,"
        "Last Sale,Net,Bid,Ask,Vol,IV,Delta,Gamma,Open Int\r\n"
        "Tue Sep 02 2025,SPY250902C00645000,1.68,-3.64,1.68,1.69,136040,0.0599,0.5167,0.0984,"
        "13881,645.00,SPY250902P00645000,1.57,0.795,1.57,1.59,56107,0.0596,-0.4978,0.1008,9324\r\n"
        "Tue Sep 02 2025,SPY1250902C00645000,1,0,1,1.1,0,0,0,0,0,645.00,SPY1250902P00645000,1,0,"
        "1,1.1,0,0,0,0,0\r\n\r\n";
    alvh_chain c;
    alvh_marketfile_error err;
    alvh_status st = parse(text, &c, &err);
    CHECK_STATUS(st, ALVH_OK, "SPY sample");
    if (st != ALVH_OK) {
        fprintf(stderr, "  %s\n", err.text);
        return;
    }
    CHECK(strcmp(c.underlying, "SPDR S&P 500 ETF Trust") == 0 && c.last == 645.05, "underlying");
    /* Roots sort by bytes: SPY < SPY1; SPY is PM (16:00), settling 2025-09-02. */
    CHECK(c.ngroups == 2 && strcmp(c.groups[0].root, "SPY") == 0 &&
              strcmp(c.groups[1].root, "SPY1") == 0 && !c.groups[0].am,
          "roots");
    CHECK(c.call.iv[0] == 0.0599 && c.put.open_interest[0] == 9324 && c.call.volume[0] == 136040,
          "columns by position");
    /* 2025-09-01 18:50 -> 2025-09-02 16:00: 21 h 10 min = 1270 minutes */
    CHECK_CLOSE(c.groups[0].years, 1270.0 / 1440 / 365, 1e-12, 0, "years to the close");
    alvh_chain_free(&c);
    int am = 0, fut = 0;
    alvh_chain_settlement("spx", &am, &fut);
    CHECK(am == 1 && fut == 0, "SPX is AM");
    alvh_chain_settlement("SPXW", &am, &fut);
    CHECK(am == 0 && fut == 0, "SPXW is PM");
    alvh_chain_settlement("VIXW", &am, &fut);
    CHECK(am == 1 && fut == 1, "VIXW is AM, on a future");
}

static void errors_name_the_place(void)
{
    const char *date = "\"Date: September 14, 2023 at 4:31 PM EDT\",Bid: 1\n";
    const char *under = "\nS&P 500 INDEX,Last: 4505.42,Change:  1\n";
    const struct {
        const char *header, *rows; /* NULL: the good ones */
        const char *date, *under;
        alvh_status want;
        const char *text; /* in the message */
    } cases[] = {
        {"Expiration Date,Calls,Last Sale,Net,Bidd,Ask,Volume,IV,Delta,Gamma,Open Interest,"
         "Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest\n",
         NULL, NULL, NULL, ALVH_E_CHAIN_FORMAT, "q.csv: line 4, column 5 (Bid): expected \"Bid\""},
        {"Expiration Date,Calls,Strike\n", NULL, NULL, NULL, ALVH_E_CHAIN_FORMAT,
         "q.csv: line 4: the header has 3 columns"},
        {NULL, ROW("4450", "abc", "92.5", "21.5", "22.5"), NULL, NULL, ALVH_E_CHAIN_VALUE,
         "q.csv: line 5, column 5 (Bid): \"abc\" is not a number"},
        {NULL, ROW("4450", "", "92.5", "21.5", "22.5"), NULL, NULL, ALVH_E_CHAIN_VALUE,
         "line 5, column 5 (Bid): empty (CBOE writes 0"},
        {NULL,
         "Fri Oct 20 2023,SPX231020C04400000,0,0,1,2,0,0,0,0,0,4450.00,SPX231020P04450000,0,0,1,"
         "2,0,0,0,0,0\n",
         NULL, NULL, ALVH_E_CHAIN_VALUE, "line 5, column 2 (Calls): symbol SPX231020C04400000"},
        {NULL,
         "Fri Oct 20 2023,SPX231020C04450000,0,0,1,2,0,0,0,0,0,4450.00,SPXW231020P04450000,0,0,"
         "1,2,0,0,0,0,0\n",
         NULL, NULL, ALVH_E_CHAIN_VALUE, "line 5, column 13 (Puts)"},
        {NULL,
         "Thu Oct 20 2023,SPX231020C04450000,0,0,1,2,0,0,0,0,0,4450.00,SPX231020P04450000,0,0,1,"
         "2,0,0,0,0,0\n",
         NULL, NULL, ALVH_E_CHAIN_VALUE, "line 5, column 1 (Expiration Date)"},
        {NULL, "Fri Oct 20 2023,SPX231020C04450000,0,0,1,2\n", NULL, NULL, ALVH_E_CHAIN_FORMAT,
         "line 5: 6 columns, the header has 22"},
        {NULL, ROW("4450", "1", "2", "1", "2") ROW("4450", "1", "2", "1", "2"), NULL, NULL,
         ALVH_E_CHAIN_FORMAT, "q.csv: line 6: strike 4450 of SPX is listed twice"},
        {NULL, ROW("4450", "1", "2", "1", "2") "\n" ROW("4500", "1", "2", "1", "2"), NULL, NULL,
         ALVH_E_CHAIN_FORMAT, "line 6: a blank line between rows"},
        {NULL, "", NULL, NULL, ALVH_E_CHAIN_FORMAT, "the table has no rows"},
        {NULL, NULL, "\"Date: 14 de setembro de 2023 16:31\"\n", NULL, ALVH_E_CHAIN_VALUE,
         "q.csv: line 3: the quote time must read"},
        {NULL, NULL, "\"Date: September 14, 2023 at 4:31 PM CEST\"\n", NULL, ALVH_E_CHAIN_VALUE,
         "unknown time zone \"CEST\""},
        {NULL, NULL, "\"Date: September 14, 2023\"\n", NULL, ALVH_E_CHAIN_VALUE,
         "no time of day"},
        {NULL, NULL, NULL, "S&P 500 INDEX,Close: 4505\n", ALVH_E_CHAIN_FORMAT,
         "q.csv: line 1: the underlying's line must read \"<name>,Last: <price>,...\""},
        {NULL, NULL, NULL, "S&P 500 INDEX,Last: 0,Change: 1\n", ALVH_E_CHAIN_VALUE,
         "the underlying's Last \"0\" is not a positive price"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char text[4096];
        snprintf(text, sizeof text, "%s%s%s%s", cases[i].under ? cases[i].under : under,
                 cases[i].date ? cases[i].date : date, cases[i].header ? cases[i].header : HEADER,
                 cases[i].rows ? cases[i].rows : ROWS);
        alvh_chain c;
        alvh_marketfile_error err;
        alvh_status st = parse(text, &c, &err);
        CHECK_STATUS(st, cases[i].want, cases[i].text);
        CHECK(strstr(err.text, cases[i].text) != NULL, "case %zu: message \"%s\", want \"%s\"", i,
              err.text, cases[i].text);
        CHECK(c.nrows == 0 && c.groups == NULL, "case %zu: a failed read leaves an empty chain",
              i);
    }
    alvh_chain c;
    alvh_marketfile_error err;
    alvh_status st = alvh_chain_read(ALVH_TEST_DATA "/no_such_chain.csv", &c, &err);
    CHECK_STATUS(st, ALVH_E_DATA_FORMAT, "missing file");
    CHECK(err.sys_errno != 0 && strstr(err.text, "no_such_chain.csv") != NULL, "missing: %s",
          err.text);
    st = parse("", &c, &err);
    CHECK_STATUS(st, ALVH_E_CHAIN_FORMAT, "empty file");
}

/* A chain built from columns (the spreadsheet's way) equals the file's. */
static void builds_from_columns(void)
{
    double expiry[3] = {45219, 45219, 45219}, strike[3] = {4550, 4450, 4500};
    double cb[3] = {24.5, 91.5, 53.5}, ca[3] = {25.5, 92.5, 54.5};
    double pb[3] = {54.5, 21.5, 33.5}, pa[3] = {55.5, 22.5, 34.5};
    const char *roots[3] = {"SPX", "SPX", "SPX"};
    alvh_chain_input in = {.n = 3, .expiry = expiry, .root = roots, .strike = strike,
                           .call_bid = cb, .call_ask = ca, .put_bid = pb, .put_ask = pa};
    alvh_chain built, read;
    alvh_marketfile_error err;
    CHECK_STATUS(alvh_chain_build(&in, SEP14 + 991.0 / 1440, 4505.42, "S&P 500 INDEX", &built,
                                  &err),
                 ALVH_OK, "build");
    char text[2048];
    snprintf(text, sizeof text,
             "S&P 500 INDEX,Last: 4505.42\n\"Date: September 14, 2023 at 4:31 PM EDT\"\n" HEADER
                 ROWS);
    CHECK_STATUS(parse(text, &read, &err), ALVH_OK, "parse");
    CHECK(built.ngroups == 1 && read.ngroups == 1 && built.nrows == 3, "one group");
    for (size_t i = 0; i < 3; ++i)
        CHECK(built.strike[i] == read.strike[i] && built.call.bid[i] == read.call.bid[i] &&
                  built.put.ask[i] == read.put.ask[i],
              "row %zu sorted by strike", i);
    CHECK(built.groups[0].years == read.groups[0].years && built.groups[0].am == 1,
          "settlement 09:30");
    alvh_chain_free(&built);
    alvh_chain_free(&read);
    double big[1] = {HUGE_VAL};
    in.n = 1;
    in.call_bid = big;
    CHECK_STATUS(alvh_chain_build(&in, SEP14, 4505, "", &built, &err), ALVH_E_CHAIN_VALUE,
                 "infinite bid");
    CHECK(strstr(err.text, "row 1:") != NULL, "build message: %s", err.text);
}

/* The parsers adapters use on a pasted chain, and the years to settlement. */
static void parses_symbols_dates_years(void)
{
    char root[ALVH_CHAIN_ROOT_SIZE];
    double expiry = 0, strike = 0, serial = 0, years = 0;
    int kind = 0;
    CHECK_STATUS(alvh_chain_parse_symbol("SPXW231020P04512500", root, &expiry, &kind, &strike),
                 ALVH_OK, "SPXW put");
    /* 2023-10-20 = 45183 + 36 = 45219 */
    CHECK(strcmp(root, "SPXW") == 0 && expiry == 45219 && kind == -1 && strike == 4512.5,
          "SPXW put: %s %g %d %g", root, expiry, kind, strike);
    CHECK_STATUS(alvh_chain_parse_symbol("VIX231018C00032500", root, &expiry, &kind, &strike),
                 ALVH_OK, "VIX call");
    CHECK(strcmp(root, "VIX") == 0 && expiry == 45217 && kind == 1 && strike == 32.5, "VIX call");
    const char *bad[] = {"SPX231020X04500000", "SPX2310", "231020C04500000", "SPX231320C04500000",
                         "LONGROOT231020C04500000", "SPX231020C0450000x", NULL};
    for (int i = 0; bad[i]; ++i)
        CHECK_STATUS(alvh_chain_parse_symbol(bad[i], root, &expiry, &kind, &strike),
                     ALVH_E_CHAIN_VALUE, bad[i]);
    CHECK_STATUS(alvh_chain_parse_expiration("Fri Oct 20 2023", &serial), ALVH_OK, "expiration");
    CHECK(serial == 45219, "Fri Oct 20 2023 = %g", serial);
    CHECK_STATUS(alvh_chain_parse_expiration("Sat Oct 20 2023", &serial), ALVH_E_CHAIN_VALUE,
                 "wrong weekday");
    char why[256];
    CHECK_STATUS(alvh_chain_parse_quote_time("Date: 2023-09-14 16:31", &serial, why, sizeof why),
                 ALVH_E_CHAIN_VALUE, "ISO date");
    CHECK(strstr(why, "English date") != NULL, "why: %s", why);
    /* From 16:31 on Sep 14 to Oct 20: 09:30 (SPX) is 36 days less 421 minutes, 16:00 (SPXW)
     * 36 days less 31 minutes. */
    const double q = SEP14 + 991.0 / 1440;
    CHECK_STATUS(alvh_chain_years("SPX", 45219, q, &years), ALVH_OK, "SPX years");
    CHECK_CLOSE(years, (36.0 - 421.0 / 1440) / 365, 1e-13, 0, "SPX to 09:30");
    CHECK_STATUS(alvh_chain_years("SPXW", 45219.7, q, &years), ALVH_OK, "SPXW years");
    CHECK_CLOSE(years, (36.0 - 31.0 / 1440) / 365, 1e-13, 0, "SPXW to 16:00 (time of day dropped)");
    CHECK_STATUS(alvh_chain_years("SPX", (double)NAN, q, &years), ALVH_E_DATE, "NaN expiry");
}

int main(void)
{
    parses_symbols_dates_years();
    quote_time_variants();
    reads_roots_and_synonyms();
    errors_name_the_place();
    builds_from_columns();
    return check_summary("test_chain_csv");
}
