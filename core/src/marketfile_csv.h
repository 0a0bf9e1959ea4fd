/* marketfile_csv.h (internal): what the market-file readers share (alvh/marketfile.h): the
 * file as text, its lines and fields, numbers and dates, error sentences with their line and
 * column, and a growing series. marketfile.c reads the market format on these; a reader of
 * another published format is one more marketfile_<format>.c on the same helpers, shaped like
 * marketfile_closes.c and marketfile_cfe.c: its public function hands a body to
 * alvh_csv_read() (arguments, load, free), the body finds the header by name
 * (alvh_csv_find_header(), skipping a disclaimer), the columns by name (alvh_csv_column()),
 * then reads rows with alvh_csv_next_fields(), dates with alvh_marketfile_date(), and fails with
 * alvh_csv_fail_in() so the sentence names the file, the line and the column. Not installed. */
#ifndef ALVH_MARKETFILE_CSV_H
#define ALVH_MARKETFILE_CSV_H

#include <stddef.h>

#include "alvh/marketfile.h"
#include "alvh/status.h"

/* A whole file in memory, walked line by line. */
typedef struct alvh_csv_text {
    char *buf;   /* the file's bytes, NUL-terminated; lines are cut in place */
    size_t len;
    size_t pos;  /* where the next line starts */
    size_t line; /* the number of the line last returned, 1-based */
} alvh_csv_text;

/* Reads path into *t. Cannot open: ALVH_E_DATA_FORMAT, "cannot open PATH: <reason>" with
 * err->sys_errno; no memory: ALVH_E_NO_MEMORY, "out of memory". A read error ends the text
 * where it happened (as end of file). */
alvh_status alvh_csv_load(const char *path, alvh_csv_text *t, alvh_marketfile_error *err);

void alvh_csv_free(alvh_csv_text *t);

/* What a reader does with the loaded text (ctx: the reader's own). */
typedef alvh_status (*alvh_csv_body)(alvh_csv_text *t, void *ctx, alvh_marketfile_error *err);

/* Every reader's frame: err cleared; path and the reader's output (what: its name in the
 * message, "series") checked; the file loaded, body run on it, the text freed.
 * @return : alvh_csv_load()'s failure, ALVH_E_ARGUMENT, or body's status. */
alvh_status alvh_csv_read(const char *path, const void *output, const char *what,
                          alvh_csv_body body, void *ctx, alvh_marketfile_error *err);

/* The next line without its '\n', NUL-terminated in place (the first line without a UTF-8
 * byte order mark), t->line its number; NULL after the last line. */
char *alvh_csv_next_line(alvh_csv_text *t);

/* s without spaces and tabs before, nor spaces, tabs, CR and LF after (in place). */
char *alvh_csv_trim(char *s);

/* Cuts line at commas in place: fields[0..min(count, max)) are the trimmed fields.
 * @return : the number of fields (may exceed max: the rest are not stored). */
size_t alvh_csv_split(char *line, char **fields, size_t max);

/* A whole field as a number (strtod: no text after it, no overflow). @return : 0, or -1. */
int alvh_csv_number(const char *s, double *x);

/* YYYY-MM-DD, or a serial number, as a serial date. @return : 0, or -1. */
int alvh_csv_date(const char *s, double *serial);

/* The first field equal to one of names (ASCII case-insensitive; names ends with NULL).
 * @return : its 0-based index, or ALVH_CSV_NONE. */
#define ALVH_CSV_NONE ((size_t)-1)
size_t alvh_csv_column(char *const *fields, size_t nf, const char *const *names);

/* The next line that is not blank, split into fields (at most max stored: the count returned
 * is min(fields, max)); t->line its number. @return : 0 after the last line. */
size_t alvh_csv_next_fields(alvh_csv_text *t, char **fields, size_t max);

/* A row of the published file path with more fields than its header's width: allowed when the
 * extra ones are empty (a trailing comma), else ALVH_E_DATA_FORMAT "PATH: line L: more fields
 * than the header's W (a comma inside a value?)" (a thousands separator would shift the
 * columns). @return : ALVH_OK or that failure. */
alvh_status alvh_csv_check_width(const char *path, size_t line, char *const *fields, size_t nf,
                                 size_t width, alvh_marketfile_error *err);

/* The header of the published file path: the first line with a field equal to key
 * (case-insensitive), its fields in fields[0..*nf) as alvh_csv_next_fields() gives them, its
 * number in *line; the lines before it (a disclaimer, blank lines) are skipped.
 * @return : ALVH_OK, or ALVH_E_DATA_FORMAT "PATH: no header line with a <shown> column". */
alvh_status alvh_csv_find_header(alvh_csv_text *t, const char *path, const char *key,
                                 const char *shown, char **fields, size_t max, size_t *nf,
                                 size_t *line, alvh_marketfile_error *err);

/* The failure: st, the printf-formatted sentence and its place into err (may be NULL).
 * @return : st. */
alvh_status alvh_csv_fail(alvh_marketfile_error *err, alvh_status st, size_t line, size_t column,
                          const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The failure in a published file: "PATH: line L, column C (NAME): " and the sentence
 * (line 0: "PATH: "; column 0: "PATH: line L: "), at line and column in err. @return : st. */
alvh_status alvh_csv_fail_in(alvh_marketfile_error *err, alvh_status st, const char *path,
                             size_t line, size_t column, const char *name, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* Room for one more row in s (s->nfut and s->has_breadth fixed before the first row).
 * @return : ALVH_OK or ALVH_E_NO_MEMORY. */
alvh_status alvh_market_series_grow(alvh_market_series *s);

#endif
