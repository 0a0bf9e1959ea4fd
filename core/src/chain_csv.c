/* chain_csv.c: CBOE's delayed quotes download (quotedata.csv) read into a chain (alvh/chain.h;
 * the layout, with real samples, is in docs/chains.md):
 *
 *   [an empty line]
 *   S&P 500 INDEX,Last: 4505.42,Change:  -3.1,...              the underlying and its Last
 *   "Date: September 14, 2023 at 4:31 PM EDT",Bid: ...,Ask: ...   the quote time (quoted or
 *                                                                  not; variants below)
 *   Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,
 *   Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest          (read by position)
 *   Fri Oct 20 2023,SPX231020C04500000,...,4500.00,SPX231020P04500000,...    one row per strike
 *
 * Missing values are 0. The root of a row is its symbols' text before the last 15 characters
 * (YYMMDD, C/P, the strike x 1000 in 8 digits), checked against the row's expiry and strike.
 * Messages name the file, the line and the column. */
#include "alvh/chain.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/dates.h"
#include "base.h"
#include "marketfile_csv.h"

enum { NCOLS = 22, COL_STRIKE = 11, SIDE_FIRST_CALL = 1, SIDE_FIRST_PUT = 12 };

/* The header by position; a second name is an accepted synonym (older downloads). */
static const char *const k_header[NCOLS][2] = {
    {"Expiration Date", NULL}, {"Calls", NULL},  {"Last Sale", NULL}, {"Net", NULL},
    {"Bid", NULL},  {"Ask", NULL},   {"Volume", "Vol"}, {"IV", NULL},
    {"Delta", NULL}, {"Gamma", NULL}, {"Open Interest", "Open Int"}, {"Strike", NULL},
    {"Puts", NULL},  {"Last Sale", NULL}, {"Net", NULL}, {"Bid", NULL},
    {"Ask", NULL},   {"Volume", "Vol"}, {"IV", NULL}, {"Delta", NULL},
    {"Gamma", NULL}, {"Open Interest", "Open Int"}};

/* The numeric fields of a side, in column order after its symbol. */
enum { F_LAST, F_NET, F_BID, F_ASK, F_VOLUME, F_IV, F_DELTA, F_GAMMA, F_OI, SIDE_FIELDS };

static const char *const k_month[12] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
static const char *const k_wday[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

/* Rows as read, before alvh_chain_build() groups them. */
typedef struct rows {
    size_t n, cap;
    double *expiry, *strike;
    double *side[2][SIDE_FIELDS];
    char (*root)[ALVH_CHAIN_ROOT_SIZE];
    size_t *line;
} rows;

typedef struct reader {
    const char *name; /* the file, for messages */
    alvh_marketfile_error *err;
} reader;

/* "NAME: line L, column C (Header): sentence" into err. */
static alvh_status fail(const reader *r, alvh_status st, size_t line, size_t col,
                        const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static alvh_status fail(const reader *r, alvh_status st, size_t line, size_t col,
                        const char *fmt, ...)
{
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (line && col)
        return alvh_csv_fail(r->err, st, line, col, "%s: line %zu, column %zu (%s): %s", r->name,
                             line, col, col <= NCOLS ? k_header[col - 1][0] : "extra", what);
    if (line)
        return alvh_csv_fail(r->err, st, line, 0, "%s: line %zu: %s", r->name, line, what);
    return alvh_csv_fail(r->err, st, 0, 0, "%s: %s", r->name, what);
}

/* ---- rows storage ---------------------------------------------------------------------------- */

static void rows_free(rows *t)
{
    free(t->expiry);
    free(t->strike);
    for (int s = 0; s < 2; ++s)
        for (int f = 0; f < SIDE_FIELDS; ++f)
            free(t->side[s][f]);
    free(t->root);
    free(t->line);
    memset(t, 0, sizeof *t);
}

static int grow(void **p, size_t cap, size_t size)
{
    void *q = realloc(*p, cap * size);
    if (!q)
        return -1;
    *p = q;
    return 0;
}

static alvh_status rows_grow(rows *t)
{
    if (t->n < t->cap)
        return ALVH_OK;
    size_t cap = t->cap ? 2 * t->cap : 1024;
    int bad = grow((void **)&t->expiry, cap, sizeof(double)) |
              grow((void **)&t->strike, cap, sizeof(double)) |
              grow((void **)&t->root, cap, ALVH_CHAIN_ROOT_SIZE) |
              grow((void **)&t->line, cap, sizeof(size_t));
    for (int s = 0; s < 2; ++s)
        for (int f = 0; f < SIDE_FIELDS; ++f)
            bad |= grow((void **)&t->side[s][f], cap, sizeof(double));
    if (bad)
        return ALVH_E_NO_MEMORY;
    t->cap = cap;
    return ALVH_OK;
}

/* ---- words and numbers ----------------------------------------------------------------------- */

static int month_of(const char *w)
{
    size_t len = strlen(w);
    for (int m = 0; m < 12; ++m) {
        if (alvh_strieq(w, k_month[m]))
            return m + 1;
        char abbr[4] = {k_month[m][0], k_month[m][1], k_month[m][2], '\0'};
        if (len == 3 && alvh_strieq(w, abbr))
            return m + 1;
    }
    return 0;
}

/* A whole field as a decimal integer in [lo, hi]. */
static int whole(const char *s, long lo, long hi, long *v)
{
    if (!*s)
        return -1;
    char *end = NULL;
    long x = strtol(s, &end, 10);
    if (*end != '\0' || x < lo || x > hi)
        return -1;
    *v = x;
    return 0;
}

/* "Fri Oct 20 2023" -> serial; the weekday must be that date's. */
static int parse_expiration(const char *s, double *serial)
{
    char wd[8], mon[16], extra;
    int day, year;
    if (sscanf(s, "%7s %15s %d %d %c", wd, mon, &day, &year, &extra) != 4)
        return -1;
    int m = month_of(mon);
    if (m == 0 || alvh_serial_from_ymd(year, m, day, serial) != ALVH_OK)
        return -1;
    long w = ((long)*serial + 6) % 7; /* serial 0 (1899-12-30) is a Saturday */
    return alvh_strieq(wd, k_wday[w]) ? 0 : -1;
}

/* SPX231020C04500000: root (before the last 15 characters), date, C/P, strike x 1000. */
static int parse_symbol(const char *s, char root[ALVH_CHAIN_ROOT_SIZE], double *date, char *cp,
                        double *strike)
{
    size_t len = strlen(s);
    if (len < 16 || len - 15 >= ALVH_CHAIN_ROOT_SIZE)
        return -1;
    const char *tail = s + len - 15;
    for (const char *p = s; p < tail; ++p)
        if (!isalnum((unsigned char)*p))
            return -1;
    char digits[9];
    long yy, mm, dd, k;
    memcpy(digits, tail, 2), digits[2] = '\0';
    if (whole(digits, 0, 99, &yy) != 0)
        return -1;
    memcpy(digits, tail + 2, 2);
    if (whole(digits, 1, 12, &mm) != 0)
        return -1;
    memcpy(digits, tail + 4, 2);
    if (whole(digits, 1, 31, &dd) != 0)
        return -1;
    memcpy(digits, tail + 7, 8), digits[8] = '\0';
    if (!isdigit((unsigned char)digits[0]) || whole(digits, 0, 99999999, &k) != 0)
        return -1;
    *cp = tail[6];
    if ((*cp != 'C' && *cp != 'P') ||
        alvh_serial_from_ymd(2000 + (int)yy, (int)mm, (int)dd, date) != ALVH_OK)
        return -1;
    memcpy(root, s, (size_t)(tail - s));
    root[tail - s] = '\0';
    *strike = (double)k / 1000.0;
    return 0;
}

/* ---- the three lines before the table -------------------------------------------------------- */

/* Strips one pair of surrounding double quotes and the spaces inside. */
static char *unquote(char *s)
{
    s = alvh_csv_trim(s);
    size_t len = strlen(s);
    if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
        s[len - 1] = '\0';
        s = alvh_csv_trim(s + 1);
    }
    return s;
}

/* "S&P 500 INDEX,Last: 4505.42,Change: ..." -> name and Last. */
static alvh_status read_underlying(const reader *r, char *line, size_t lineno, alvh_chain *c,
                                   double *last)
{
    char *at = strstr(line, "Last:");
    if (!at)
        return fail(r, ALVH_E_CHAIN_FORMAT, lineno, 0,
                    "the underlying's line must read \"<name>,Last: <price>,...\", got "
                    "\"%.60s\"", line);
    char *num = at + 5, *comma = strchr(num, ',');
    if (comma)
        *comma = '\0';
    num = unquote(num);
    *at = '\0';
    char *name = alvh_csv_trim(line);
    size_t len = strlen(name);
    if (len > 0 && name[len - 1] == ',')
        name[len - 1] = '\0';
    snprintf(c->underlying, sizeof c->underlying, "%s", unquote(name));
    if (alvh_csv_number(num, last) != 0 || !alvh_positive_finite(*last))
        return fail(r, ALVH_E_CHAIN_VALUE, lineno, 0,
                    "the underlying's Last \"%.40s\" is not a positive price", num);
    return ALVH_OK;
}

/* ---- the quote time -------------------------------------------------------------------------- */

/* Offset of US/Eastern from UTC in hours at the UTC serial date-time u: -4 from the second
 * Sunday of March 07:00 UTC to the first Sunday of November 06:00 UTC (the Energy Policy Act
 * of 2005 rule, in force since 2007; applied to every year here), else -5. */
static double eastern_offset(double u)
{
    int y, m, d;
    if (alvh_ymd_from_serial(u, &y, &m, &d) != ALVH_OK)
        return -5.0;
    double mar1, nov1;
    if (alvh_serial_from_ymd(y, 3, 1, &mar1) != ALVH_OK ||
        alvh_serial_from_ymd(y, 11, 1, &nov1) != ALVH_OK)
        return -5.0;
    long wm = ((long)mar1 + 6) % 7, wn = ((long)nov1 + 6) % 7; /* 0: Sunday */
    double start = mar1 + (double)((7 - wm) % 7 + 7) + 7.0 / 24.0;
    double end = nov1 + (double)((7 - wn) % 7) + 6.0 / 24.0;
    return (u >= start && u < end) ? -4.0 : -5.0;
}

/* A zone word -> its offset from UTC in hours; *eastern = 1 for the Eastern clock itself. */
static int zone_offset(const char *z, double *hours, int *eastern)
{
    static const struct {
        const char *name;
        double hours;
    } k_zones[] = {{"CDT", -5}, {"CST", -6}, {"MDT", -6}, {"MST", -7}, {"PDT", -7},
                   {"PST", -8}, {"GMT", 0},  {"UTC", 0},  {"Z", 0}};
    *eastern = alvh_strieq(z, "EDT") || alvh_strieq(z, "EST") || alvh_strieq(z, "ET");
    *hours = 0.0;
    if (*eastern)
        return 0;
    for (size_t i = 0; i < sizeof k_zones / sizeof k_zones[0]; ++i)
        if (alvh_strieq(z, k_zones[i].name)) {
            *hours = k_zones[i].hours;
            return 0;
        }
    /* GMT-4, UTC+5:30, GMT+01:00 */
    if ((strncmp(z, "GMT", 3) == 0 || strncmp(z, "UTC", 3) == 0) && (z[3] == '+' || z[3] == '-')) {
        long h = 0, mi = 0;
        char hh[3] = {0}, mm[3] = {0};
        const char *p = z + 4;
        size_t nh = strspn(p, "0123456789");
        if (nh < 1 || nh > 2)
            return -1;
        memcpy(hh, p, nh);
        p += nh;
        if (*p == ':' && strlen(p + 1) == 2)
            memcpy(mm, p + 1, 2), p += 3;
        if (*p != '\0' || whole(hh, 0, 14, &h) != 0 || (mm[0] && whole(mm, 0, 59, &mi) != 0))
            return -1;
        *hours = (z[3] == '-' ? -1.0 : 1.0) * ((double)h + (double)mi / 60.0);
        return 0;
    }
    return -1;
}

/* "4:31", "16:31", "4:31:07", with "PM"/"AM" as the next word or attached -> day fraction. */
static int parse_clock(char **w, size_t n, size_t *used, double *fraction)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%s", w[0]);
    size_t len = strlen(buf);
    int half = 0; /* 1 AM, 2 PM */
    if (len > 2 && alvh_strieq(buf + len - 2, "AM"))
        half = 1, buf[len - 2] = '\0';
    else if (len > 2 && alvh_strieq(buf + len - 2, "PM"))
        half = 2, buf[len - 2] = '\0';
    *used = 1;
    if (!half && n > 1 && (alvh_strieq(w[1], "AM") || alvh_strieq(w[1], "PM")))
        half = alvh_strieq(w[1], "AM") ? 1 : 2, *used = 2;
    int h, m, sec = 0;
    char extra;
    int got = sscanf(buf, "%d:%d:%d%c", &h, &m, &sec, &extra);
    if (got != 2 && got != 3)
        return -1;
    if (m < 0 || m > 59 || sec < 0 || sec > 59 || h < 0 || h > (half ? 12 : 23) ||
        (half && h == 0))
        return -1;
    if (half)
        h = h % 12 + (half == 2 ? 12 : 0);
    *fraction = (h * 3600.0 + m * 60.0 + sec) / 86400.0;
    return 0;
}

/* The words of s: cut at spaces, tabs, commas and double quotes (in place). */
static size_t words(char *s, char **w, size_t max)
{
    static const char cut[] = " \t,\"";
    size_t n = 0;
    for (char *p = s + strspn(s, cut); *p && n < max; p += strspn(p, cut)) {
        w[n++] = p;
        p += strcspn(p, cut);
        if (*p)
            *p++ = '\0';
    }
    return n;
}

static int is_weekday(const char *w)
{
    static const char *const full[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
    for (int i = 0; i < 7; ++i)
        if (alvh_strieq(w, k_wday[i]) || alvh_strieq(w, full[i]))
            return 1;
    return 0;
}

alvh_status alvh_chain_parse_quote_time(const char *text, double *serial, char *err,
                                        size_t errsize)
{
    char copy[256];
    snprintf(copy, sizeof copy, "%s", text ? text : "");
    char *at = strstr(copy, "Date:");
    char *w[16], **v = w;
    size_t n = words(at ? at + 5 : copy, w, 16);
    if (n > 0 && is_weekday(w[0]))
        ++v, --n; /* "Thursday, September 14, 2023 ..." */
    int m = 0;
    long day = 0, year = 0;
    if (n >= 3 && (m = month_of(v[0])) != 0)
        m = whole(v[1], 1, 31, &day) == 0 ? m : 0;
    else if (n >= 3 && (m = month_of(v[1])) != 0)
        m = whole(v[0], 1, 31, &day) == 0 ? m : 0;
    size_t k = 3;
    double date = 0.0, clock = 0.0;
    if (m == 0 || whole(v[2], 1900, 9999, &year) != 0 ||
        alvh_serial_from_ymd((int)year, m, (int)day, &date) != ALVH_OK)
        return alvh_fail_text(err, errsize, ALVH_E_CHAIN_VALUE,
                              "the quote time must read \"Date: September 14, 2023 at 4:31 PM "
                              "EDT\" (an English date), got \"%.80s\"", copy);
    if (k < n && alvh_strieq(v[k], "at"))
        ++k;
    size_t used = 0;
    if (k >= n || parse_clock(v + k, n - k, &used, &clock) != 0)
        return alvh_fail_text(err, errsize, ALVH_E_CHAIN_VALUE,
                              "the quote time has no time of day such as \"4:31 PM\"");
    k += used;
    double hours = 0.0;
    int eastern = 1;
    if (k < n && v[k][strlen(v[k]) - 1] != ':' && zone_offset(v[k], &hours, &eastern) != 0)
        return alvh_fail_text(err, errsize, ALVH_E_CHAIN_VALUE,
                              "unknown time zone \"%.20s\" in the quote time (known: EDT, EST, "
                              "ET, CDT, CST, MDT, MST, PDT, PST, GMT, UTC, GMT+h, UTC-h)", v[k]);
    *serial = date + clock;
    if (!eastern) {
        double utc = *serial - hours / 24.0;
        *serial = utc + eastern_offset(utc) / 24.0;
    }
    return ALVH_OK;
}

/* The quote time line (alvh_chain_parse_quote_time), its error placed on its line. */
static alvh_status read_quote_time(const reader *r, const char *line, size_t lineno,
                                   double *serial)
{
    char why[256];
    alvh_status st = alvh_chain_parse_quote_time(line, serial, why, sizeof why);
    return st == ALVH_OK ? st : fail(r, st, lineno, 0, "%s", why);
}

alvh_status alvh_chain_parse_expiration(const char *text, double *serial)
{
    return text && parse_expiration(text, serial) == 0 ? ALVH_OK : ALVH_E_CHAIN_VALUE;
}

alvh_status alvh_chain_parse_symbol(const char *symbol, char root[ALVH_CHAIN_ROOT_SIZE],
                                    double *expiry, int *kind, double *strike)
{
    char cp;
    if (!symbol || parse_symbol(symbol, root, expiry, &cp, strike) != 0)
        return ALVH_E_CHAIN_VALUE;
    *kind = cp == 'C' ? ALVH_CALL : ALVH_PUT;
    return ALVH_OK;
}

/* ---- the table ------------------------------------------------------------------------------- */

static alvh_status read_header(const reader *r, char *line, size_t lineno)
{
    char *f[NCOLS + 1];
    size_t nf = alvh_csv_split(line, f, NCOLS + 1);
    if (nf != NCOLS)
        return fail(r, ALVH_E_CHAIN_FORMAT, lineno, 0,
                    "the header has %zu columns; CBOE's quote table has %d (Expiration Date, "
                    "the call side, Strike, the put side)", nf, NCOLS);
    for (size_t k = 0; k < NCOLS; ++k) {
        const char *got = unquote(f[k]);
        if (!alvh_strieq(got, k_header[k][0]) &&
            !(k_header[k][1] && alvh_strieq(got, k_header[k][1])))
            return fail(r, ALVH_E_CHAIN_FORMAT, lineno, k + 1, "expected \"%s\", got \"%.40s\"",
                        k_header[k][0], got);
    }
    return ALVH_OK;
}

/* One side's symbol and numbers (columns first .. first + 9, 0-based). */
static alvh_status read_side(const reader *r, char **f, size_t first, size_t lineno, rows *t,
                             char want, double expiry, double strike)
{
    char root[ALVH_CHAIN_ROOT_SIZE], cp;
    double date, k;
    if (parse_symbol(f[first], root, &date, &cp, &k) != 0)
        return fail(r, ALVH_E_CHAIN_VALUE, lineno, first + 1,
                    "\"%.40s\" is not an option symbol such as SPX231020C04500000", f[first]);
    if (cp != want || date != expiry || k != strike ||
        (want == 'P' && strcmp(root, t->root[t->n]) != 0))
        return fail(r, ALVH_E_CHAIN_VALUE, lineno, first + 1,
                    "symbol %s does not match its row (%s, expiry, strike %.15g%s)", f[first],
                    want == 'C' ? "a call" : "a put", strike,
                    want == 'P' ? ", the call's root" : "");
    if (want == 'C')
        memcpy(t->root[t->n], root, sizeof root);
    for (int j = 0; j < SIDE_FIELDS; ++j) {
        size_t col = first + 1 + (size_t)j;
        if (f[col][0] == '\0')
            return fail(r, ALVH_E_CHAIN_VALUE, lineno, col + 1,
                        "empty (CBOE writes 0 for a missing value)");
        if (alvh_csv_number(f[col], &t->side[want == 'P'][j][t->n]) != 0)
            return fail(r, ALVH_E_CHAIN_VALUE, lineno, col + 1, "\"%.40s\" is not a number",
                        f[col]);
    }
    return ALVH_OK;
}

static alvh_status read_row(const reader *r, char *line, size_t lineno, rows *t)
{
    if (strchr(line, '"'))
        return fail(r, ALVH_E_CHAIN_FORMAT, lineno, 0,
                    "quoted fields are not part of CBOE's quote table rows");
    char *f[NCOLS + 1];
    size_t nf = alvh_csv_split(line, f, NCOLS + 1);
    if (nf != NCOLS)
        return fail(r, ALVH_E_CHAIN_FORMAT, lineno, 0, "%zu columns, the header has %d", nf,
                    NCOLS);
    if (rows_grow(t) != ALVH_OK)
        return fail(r, ALVH_E_NO_MEMORY, 0, 0, "out of memory");
    double expiry, strike;
    if (parse_expiration(f[0], &expiry) != 0)
        return fail(r, ALVH_E_CHAIN_VALUE, lineno, 1,
                    "\"%.40s\" is not an expiration such as \"Fri Oct 20 2023\"", f[0]);
    if (alvh_csv_number(f[COL_STRIKE], &strike) != 0 || !alvh_positive_finite(strike))
        return fail(r, ALVH_E_CHAIN_VALUE, lineno, COL_STRIKE + 1,
                    "\"%.40s\" is not a positive strike", f[COL_STRIKE]);
    alvh_status st = read_side(r, f, SIDE_FIRST_CALL, lineno, t, 'C', expiry, strike);
    if (st == ALVH_OK)
        st = read_side(r, f, SIDE_FIRST_PUT, lineno, t, 'P', expiry, strike);
    if (st != ALVH_OK)
        return st;
    t->expiry[t->n] = expiry;
    t->strike[t->n] = strike;
    t->line[t->n] = lineno;
    ++t->n;
    return ALVH_OK;
}

/* ---- the file -------------------------------------------------------------------------------- */

/* The next line that is not blank (trailing blanks end the file); NULL at the end. */
static char *next_nonblank(alvh_csv_text *t, size_t *blank_before)
{
    char *line;
    *blank_before = 0;
    while ((line = alvh_csv_next_line(t)) != NULL) {
        if (*alvh_csv_trim(line) != '\0')
            return alvh_csv_trim(line);
        ++*blank_before;
    }
    return NULL;
}

/* "NAME: " before the sentence in text (size bytes), cutting its end if it must. */
static void prefix_name(char *text, size_t size, const char *name)
{
    size_t np = strlen(name) + 2, nt = strlen(text);
    if (np >= size)
        return;
    if (np + nt >= size)
        nt = size - np - 1;
    memmove(text + np, text, nt);
    text[np + nt] = '\0';
    memcpy(text, name, np - 2);
    memcpy(text + np - 2, ": ", 2);
}

/* The chain from its text: the three lines before the table, then the rows. */
static alvh_status read_text(const reader *r, alvh_csv_text *text, alvh_chain *chain)
{
    size_t blank = 0;
    char *line = next_nonblank(text, &blank);
    if (!line)
        return fail(r, ALVH_E_CHAIN_FORMAT, 0, 0, "the file is empty");
    double last = 0.0, quote_time = 0.0;
    alvh_status st = read_underlying(r, line, text->line, chain, &last);
    line = st == ALVH_OK ? alvh_csv_next_line(text) : NULL;
    if (st == ALVH_OK && !line)
        return fail(r, ALVH_E_CHAIN_FORMAT, text->line, 0, "the quote time line is missing");
    if (st == ALVH_OK)
        st = read_quote_time(r, line, text->line, &quote_time);
    line = st == ALVH_OK ? alvh_csv_next_line(text) : NULL;
    if (st == ALVH_OK && !line)
        return fail(r, ALVH_E_CHAIN_FORMAT, text->line, 0, "the header line is missing");
    if (st == ALVH_OK)
        st = read_header(r, line, text->line);
    if (st != ALVH_OK)
        return st;
    char name[ALVH_CHAIN_NAME_SIZE];
    snprintf(name, sizeof name, "%s", chain->underlying);
    rows t;
    memset(&t, 0, sizeof t);
    while (st == ALVH_OK && (line = next_nonblank(text, &blank)) != NULL)
        st = blank ? fail(r, ALVH_E_CHAIN_FORMAT, text->line - 1, 0,
                          "a blank line between rows")
                   : read_row(r, line, text->line, &t);
    if (st == ALVH_OK && t.n == 0)
        st = fail(r, ALVH_E_CHAIN_FORMAT, text->line, 0, "the table has no rows");
    if (st == ALVH_OK) {
        const char **roots = malloc(t.n * sizeof *roots);
        if (!roots) {
            st = fail(r, ALVH_E_NO_MEMORY, 0, 0, "out of memory");
        } else {
            for (size_t i = 0; i < t.n; ++i)
                roots[i] = t.root[i];
            alvh_chain_input in = {
                .n = t.n, .expiry = t.expiry, .root = roots, .strike = t.strike,
                .call_bid = t.side[0][F_BID], .call_ask = t.side[0][F_ASK],
                .put_bid = t.side[1][F_BID], .put_ask = t.side[1][F_ASK],
                .call_last = t.side[0][F_LAST], .call_net = t.side[0][F_NET],
                .call_volume = t.side[0][F_VOLUME], .call_iv = t.side[0][F_IV],
                .call_delta = t.side[0][F_DELTA], .call_gamma = t.side[0][F_GAMMA],
                .call_open_interest = t.side[0][F_OI], .put_last = t.side[1][F_LAST],
                .put_net = t.side[1][F_NET], .put_volume = t.side[1][F_VOLUME],
                .put_iv = t.side[1][F_IV], .put_delta = t.side[1][F_DELTA],
                .put_gamma = t.side[1][F_GAMMA], .put_open_interest = t.side[1][F_OI],
                .line = t.line};
            st = alvh_chain_build(&in, quote_time, last, name, chain, r->err);
            if (st != ALVH_OK && r->err)
                prefix_name(r->err->text, sizeof r->err->text, r->name);
            free(roots);
        }
    }
    rows_free(&t);
    return st;
}

static alvh_status read_loaded(const char *name, alvh_csv_text *text, alvh_chain *chain,
                               alvh_marketfile_error *err)
{
    memset(chain, 0, sizeof *chain);
    if (err)
        memset(err, 0, sizeof *err);
    reader r = {name ? name : "chain", err};
    alvh_status st = read_text(&r, text, chain);
    if (st != ALVH_OK)
        alvh_chain_free(chain);
    return st;
}

alvh_status alvh_chain_read(const char *path, alvh_chain *chain, alvh_marketfile_error *err)
{
    alvh_csv_text text;
    memset(chain, 0, sizeof *chain);
    alvh_status st = alvh_csv_load(path, &text, err);
    if (st != ALVH_OK)
        return st;
    st = read_loaded(path, &text, chain, err);
    alvh_csv_free(&text);
    return st;
}

alvh_status alvh_chain_parse(const char *data, size_t len, const char *name, alvh_chain *chain,
                             alvh_marketfile_error *err)
{
    memset(chain, 0, sizeof *chain);
    alvh_csv_text text;
    memset(&text, 0, sizeof text);
    text.buf = malloc(len + 1);
    if (!text.buf)
        return alvh_csv_fail(err, ALVH_E_NO_MEMORY, 0, 0, "out of memory");
    if (len)
        memcpy(text.buf, data, len);
    text.buf[len] = '\0';
    text.len = len;
    alvh_status st = read_loaded(name, &text, chain, err);
    alvh_csv_free(&text);
    return st;
}
