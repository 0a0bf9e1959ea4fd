/* value.c: generic results (alvh/value.h): allocation, cells, failure sentences. */
#include "alvh/value.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void alvh_result_init(alvh_result *r)
{
    memset(r, 0, sizeof *r);
}

void alvh_result_free(alvh_result *r)
{
    if (r->cells) {
        size_t n = r->rows * r->cols;
        for (size_t i = 0; i < n; ++i)
            if (r->cells[i].kind == ALVH_TEXT)
                free((char *)r->cells[i].text);
        if (r->cells != &r->inline_cell)
            free(r->cells);
    }
    r->cells = NULL;
    r->rows = r->cols = 0;
}

void alvh_result_number(alvh_result *r, double x)
{
    alvh_result_free(r);
    memset(&r->inline_cell, 0, sizeof r->inline_cell);
    r->inline_cell.kind = ALVH_NUMBER;
    r->inline_cell.number = x;
    r->cells = &r->inline_cell;
    r->rows = r->cols = 1;
}

alvh_status alvh_result_alloc(alvh_result *r, size_t rows, size_t cols)
{
    alvh_result_free(r);
    if (rows == 0 || cols == 0)
        return alvh_fail(r, ALVH_E_RANGE_SHAPE, "the result would be empty");
    if (rows == 1 && cols == 1) {
        memset(&r->inline_cell, 0, sizeof r->inline_cell);
        r->cells = &r->inline_cell;
    } else {
        if (rows > ((size_t)-1) / sizeof(alvh_value) / cols)
            return alvh_fail(r, ALVH_E_NO_MEMORY, NULL);
        r->cells = calloc(rows * cols, sizeof(alvh_value)); /* calloc: every cell ALVH_EMPTY */
        if (!r->cells)
            return alvh_fail(r, ALVH_E_NO_MEMORY, NULL);
    }
    r->rows = rows;
    r->cols = cols;
    return ALVH_OK;
}

void alvh_result_set_number(alvh_result *r, size_t row, size_t col, double x)
{
    alvh_value *c = &r->cells[row * r->cols + col];
    if (c->kind == ALVH_TEXT)
        free((char *)c->text);
    c->kind = ALVH_NUMBER;
    c->number = x;
    c->text = NULL;
}

alvh_status alvh_result_set_text(alvh_result *r, size_t row, size_t col, const char *text)
{
    alvh_value *c = &r->cells[row * r->cols + col];
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (!copy)
        return alvh_fail(r, ALVH_E_NO_MEMORY, NULL);
    memcpy(copy, text, len + 1);
    if (c->kind == ALVH_TEXT)
        free((char *)c->text);
    c->kind = ALVH_TEXT;
    c->text = copy;
    return ALVH_OK;
}

void alvh_result_warn(alvh_result *r, alvh_status what, const char *fmt, ...)
{
    r->warning = what;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
}

alvh_status alvh_fail(alvh_result *r, alvh_status status, const char *fmt, ...)
{
    r->status = status;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->message, sizeof r->message, fmt, ap);
        va_end(ap);
    } else {
        snprintf(r->message, sizeof r->message, "%s", alvh_status_message(status));
    }
    return status;
}
