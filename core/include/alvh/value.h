/* alvh/value.h: generic values and results, what a spreadsheet cell holds.
 *
 * An alvh_value is one argument, one cell of a range, or one cell of a result: a number, a
 * text, nothing (an empty cell; in results #N/A), or (arguments only) a 2-D range of scalars.
 * An alvh_result is what one call returns: a status with a sentence for the user, or a block
 * of result cells. The function table (alvh/table.h) passes arguments and results as these;
 * the spreadsheet-argument readers (core/src/args.h) read them. Neither knows a registry, and
 * no engine (pricing, dates, hedge, ...) knows them: docs/architecture.md draws the layers.
 *
 * Threading: no state; each result is owned by its caller.
 */
#ifndef ALVH_VALUE_H
#define ALVH_VALUE_H

#include <stddef.h>

#include "alvh/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Size of a result's message buffer, NUL included. */
#define ALVH_MESSAGE_SIZE 256

typedef enum alvh_kind {
    ALVH_EMPTY = 0,  /* an omitted argument, an empty cell, or (in results) "no value": #N/A */
    ALVH_NUMBER = 1,
    ALVH_TEXT = 2,
    ALVH_RANGE = 3   /* a 2-D block of scalar values (arguments only) */
} alvh_kind;

/* A generic value: one argument, one range cell, or one result cell. */
typedef struct alvh_value {
    alvh_kind kind;
    double number;                  /* ALVH_NUMBER */
    const char *text;               /* ALVH_TEXT: UTF-8, NUL-terminated */
    size_t rows, cols;              /* ALVH_RANGE */
    const struct alvh_value *cells; /* ALVH_RANGE: rows*cols scalars, row-major */
} alvh_value;

/* The result of one call. Initialise with alvh_result_init(), release with alvh_result_free(). */
typedef struct alvh_result {
    alvh_status status;
    char message[ALVH_MESSAGE_SIZE]; /* a sentence for the user when status != ALVH_OK */
    size_t rows, cols;
    alvh_value *cells;      /* rows*cols, row-major; NUMBER, TEXT (owned) or EMPTY (#N/A) */
    alvh_value inline_cell; /* storage for 1x1 results: scalars never allocate */
    /* A successful result that leaves something out says so: warning is then the status that
     * describes it (e.g. ALVH_E_RANGE_VALUE: a pasted series with a blank cell, computed up to
     * it) and message the sentence; ALVH_OK otherwise (message empty). ALVH_ERROR shows it,
     * the CLI prints it on stderr. */
    alvh_status warning;
} alvh_result;

/*! alvh_result_init() : r becomes an empty result (status ALVH_OK, no cells, no message). */
void alvh_result_init(alvh_result *r);

/*! alvh_result_free() : releases r's cells (and their texts); r stays usable, with no cells.
 *  Status and message are kept. */
void alvh_result_free(alvh_result *r);

/*! alvh_result_number() : make r a 1x1 numeric result. */
void alvh_result_number(alvh_result *r, double x);

/*! alvh_result_alloc() : make r a rows x cols result of EMPTY cells.
 *  @return : ALVH_OK, ALVH_E_RANGE_SHAPE (rows or cols 0), or ALVH_E_NO_MEMORY (r then has
 *            status and message set). */
alvh_status alvh_result_alloc(alvh_result *r, size_t rows, size_t cols);

/*! alvh_result_set_number() / alvh_result_set_text() : set cell (row, col); text is copied.
 *  @return : ALVH_OK or ALVH_E_NO_MEMORY. */
void alvh_result_set_number(alvh_result *r, size_t row, size_t col, double x);
alvh_status alvh_result_set_text(alvh_result *r, size_t row, size_t col, const char *text);

/*! alvh_result_warn() : a successful result's warning (see alvh_result.warning): what is the
 *  status that describes what was left out, the printf-formatted message the sentence. */
void alvh_result_warn(alvh_result *r, alvh_status what, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/*! alvh_fail() : set r's status and a printf-formatted message; returns status. Passing a
 *  NULL fmt uses alvh_status_message(status). */
alvh_status alvh_fail(alvh_result *r, alvh_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#ifdef __cplusplus
}
#endif
#endif
