/* marketfile_csv.h (internal): what the market-file readers share (alvh/marketfile.h): the
 * file as text, its lines and fields, numbers and dates, error sentences with their line and
 * column, and a growing series. marketfile.c reads the market format on these; a reader of
 * another published format is one more marketfile_<format>.c on the same helpers. Not
 * installed. */
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

/* The failure: st, the printf-formatted sentence and its place into err (may be NULL).
 * @return : st. */
alvh_status alvh_csv_fail(alvh_marketfile_error *err, alvh_status st, size_t line, size_t column,
                          const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Room for one more row in s (s->nfut and s->has_breadth fixed before the first row).
 * @return : ALVH_OK or ALVH_E_NO_MEMORY. */
alvh_status alvh_market_series_grow(alvh_market_series *s);

#endif
