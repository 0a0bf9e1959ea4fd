/* json_scan.h (internal): a strict JSON syntax check that names the first bad byte.
 *
 * The policy reader runs it before cJSON parses, so a malformed document is reported at the exact
 * byte that cannot continue it (cJSON's own error position is one byte late for some errors, e.g.
 * a missing key after a comma) and cJSON's leniencies (leading zeros, "1.") are errors.
 * Pure: no allocation, no state; reentrant. Not installed. */
#ifndef ALVH_JSON_SCAN_H
#define ALVH_JSON_SCAN_H

#include <stddef.h>

/* Nesting deeper than this is an error: a policy is 3 levels deep, and the limit keeps the
 * recursion bounded on hostile input (the fuzzer feeds it). */
#define ALVH_JSON_MAX_DEPTH 64

/*! alvh_json_check_syntax() :
 *  Checks text[0..len) against RFC 8259: one JSON value with optional blanks (space, tab, CR,
 *  LF) around it. Bytes at and past len are never read.
 *  @return : 1 when it is one valid value; 0 otherwise, with *bad the 0-based offset of the first
 *            byte that cannot continue the document (len for a premature end). On success *bad
 *            is len. */
int alvh_json_check_syntax(const char *text, size_t len, size_t *bad);

/*! alvh_json_locate() :
 *  The 1-based line and column of byte offset in text (lines end at '\n'; a column counts bytes,
 *  not characters). Stops early at a NUL byte. */
void alvh_json_locate(const char *text, size_t offset, size_t *line, size_t *col);

#endif
