/* args_series.c: pasted series with gaps (args.h). A blank or text cell inside a pasted column
 * (a holiday row left empty, a bad paste) must not take a whole sheet down: the functions over
 * series compute the rows before the first gap, leave the rest without a value, and say which
 * row (and date) stopped them and what to do, in one sentence (ALVH_ERROR, the CLI's #WARN). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "alvh/dates.h"
#include "args.h"

void alvh_series_gap_init(alvh_series_gap *gap)
{
    gap->at = SIZE_MAX;
    gap->argname = NULL;
    gap->cell = (alvh_value){0};
}

size_t alvh_series_usable(const alvh_series_gap *gap, size_t n)
{
    return gap->at < n ? gap->at : n;
}

alvh_status alvh_arg_series(const alvh_value *v, const char *argname, double **data, size_t *n,
                            alvh_series_gap *gap, alvh_result *out)
{
    *data = NULL;
    *n = 0;
    const alvh_value *cells = NULL;
    size_t len = 0;
    alvh_status st = alvh_arg_line(v, argname, &cells, &len, out);
    if (st != ALVH_OK)
        return st;
    if (len == 1 && cells[0].kind == ALVH_TEXT && !alvh_cell_blank(&cells[0]))
        return alvh_fail(out, ALVH_E_RANGE_VALUE, /* text given for the whole series */
                         "%s: item 1 must be a number, got text \"%.60s\"", argname,
                         cells[0].text);
    while (len > 0 && alvh_cell_blank(&cells[len - 1]))
        --len;
    if (len == 0)
        return alvh_fail(out, ALVH_E_RANGE_SHAPE, "%s is empty", argname);
    double *d = malloc(len * sizeof *d);
    if (!d)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    size_t i = 0;
    for (; i < len && cells[i].kind == ALVH_NUMBER; ++i)
        d[i] = cells[i].number;
    if (i < len && i < gap->at) {
        gap->at = i;
        gap->argname = argname;
        gap->cell = cells[i];
    }
    for (; i < len; ++i)
        d[i] = (double)NAN;
    *data = d;
    *n = len;
    return ALVH_OK;
}

void alvh_series_gap_text(const alvh_series_gap *gap, size_t n, const double *dates,
                          alvh_gap_effect effect, char *buf, size_t size)
{
    char when[48] = "", what[96];
    int y, m, d;
    /* The gap's own date; a gap in the dates names the date before it. */
    if (dates && gap->at < n && isfinite(dates[gap->at]) &&
        alvh_ymd_from_serial(dates[gap->at], &y, &m, &d) == ALVH_OK)
        snprintf(when, sizeof when, " (%04d-%02d-%02d)", y, m, d);
    else if (dates && gap->at > 0 && gap->at <= n &&
             alvh_ymd_from_serial(dates[gap->at - 1], &y, &m, &d) == ALVH_OK)
        snprintf(when, sizeof when, " (the day after %04d-%02d-%02d)", y, m, d);
    if (gap->cell.kind == ALVH_TEXT && gap->cell.text && gap->cell.text[0])
        snprintf(what, sizeof what, "holds text \"%.40s\"", gap->cell.text);
    else
        snprintf(what, sizeof what, "is blank");
    char effect_text[64] = "";
    if (effect == ALVH_GAP_PARTIAL)
        snprintf(effect_text, sizeof effect_text, ", so rows %zu to %zu show no value",
                 gap->at + 1, n);
    else if (effect == ALVH_GAP_WHOLE)
        snprintf(effect_text, sizeof effect_text, ", and this result needs every row");
    snprintf(buf, size, "%s: row %zu of the range%s %s%s: paste a number there, or delete the row",
             gap->argname ? gap->argname : "series", gap->at + 1, when, what, effect_text);
}

void alvh_series_gap_warn(const alvh_series_gap *gap, size_t n, const double *dates,
                          alvh_result *out)
{
    if (gap->at >= n)
        return;
    char text[ALVH_MESSAGE_SIZE];
    alvh_series_gap_text(gap, n, dates, ALVH_GAP_PARTIAL, text, sizeof text);
    alvh_result_warn(out, ALVH_E_RANGE_VALUE, "%s", text);
}
