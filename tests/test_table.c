/* test_table.c: the function table's invariants and the generic call path. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "check.h"
#include "internal.h"

static void every_row_is_documented_and_unique(void)
{
    size_t n = alvh_table_size();
    CHECK(n > 0, "the table is empty");
    for (size_t i = 0; i < n; ++i) {
        const alvh_func *f = alvh_table_get(i);
        CHECK(f && f->name && f->eval, "row %zu incomplete", i);
        for (const char *p = f->name; *p; ++p)
            CHECK(isupper((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_',
                  "%s: names are upper case ASCII", f->name);
        CHECK(f->summary && strlen(f->summary) > 10, "%s: summary", f->name);
        CHECK(f->result_doc && strlen(f->result_doc) > 3, "%s: result_doc", f->name);
        CHECK(f->category && *f->category, "%s: category", f->name);
        CHECK(f->nargs <= ALVH_MAX_ARGS, "%s: too many args", f->name);
        for (size_t j = 0; j < f->nargs; ++j) {
            const alvh_arg_spec *s = &f->args[j];
            CHECK(s->name && *s->name && s->description && strlen(s->description) > 3,
                  "%s: argument %zu undocumented", f->name, j);
            CHECK(s->type != ALVH_ARG_VARARGS || j + 1 == f->nargs,
                  "%s: varargs must be last", f->name);
        }
        /* Examples: at least two calls, none with more arguments than the function takes. */
        size_t calls = 0;
        int varargs = f->nargs > 0 && f->args[f->nargs - 1].type == ALVH_ARG_VARARGS;
        for (const char *p = f->examples; p && *p;) {
            size_t len = strcspn(p, "\n"), fields = 1;
            for (size_t c = 0; c < len; ++c)
                fields += p[c] == '\t';
            CHECK(varargs || fields <= f->nargs, "%s: example %zu has %zu arguments", f->name,
                  calls + 1, fields);
            ++calls;
            p += len + (p[len] == '\n');
        }
        CHECK(calls >= 2, "%s: needs at least two examples, has %zu", f->name, calls);
        for (size_t k = i + 1; k < n; ++k)
            CHECK(!alvh_strieq(f->name, alvh_table_get(k)->name), "%s listed twice", f->name);
        CHECK(alvh_table_find(f->name) == f, "%s: find", f->name);
    }
    CHECK(alvh_table_get(n) == NULL, "past the end is NULL");
    CHECK(alvh_table_find("alvh_error") == alvh_table_find("ALVH_ERROR"), "case-insensitive");
}

static void unknown_function_is_a_status(void)
{
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(alvh_call_by_name("NO_SUCH_FN", NULL, 0, &r), ALVH_E_UNKNOWN_FUNCTION, "unknown");
    CHECK(strstr(r.message, "NO_SUCH_FN") != NULL, "message names it: %s", r.message);
    alvh_result_free(&r);
}

static void alvh_error_explains_a_failing_call(void)
{
    alvh_result r;
    alvh_result_init(&r);
    alvh_value args[2] = {{.kind = ALVH_TEXT, .text = "NOPE"}, {.kind = ALVH_NUMBER, .number = 1}};
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", args, 2, &r), ALVH_OK, "ALVH_ERROR");
    CHECK(r.rows == 1 && r.cols == 1 && r.cells[0].kind == ALVH_TEXT &&
              strncmp(r.cells[0].text, "UNKNOWN_FUNCTION:", 17) == 0,
          "ALVH_ERROR text");
    /* ALVH_ERROR of ALVH_ERROR succeeds: "OK". */
    alvh_value nested[3] = {{.kind = ALVH_TEXT, .text = "ALVH_ERROR"},
                            {.kind = ALVH_TEXT, .text = "NOPE"}};
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", nested, 2, &r), ALVH_OK, "nested");
    CHECK(strcmp(r.cells[0].text, "OK") == 0, "nested OK, got %s", r.cells[0].text);
    /* ALVH_ERROR never fails on what a user can type (issue 19): a missing, non-text or
     * multi-cell function name is explained in its text, with the status it would have had. */
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", NULL, 0, &r), ALVH_OK, "missing");
    CHECK(strcmp(r.cells[0].text, "MISSING: function is required: the name of an ALVH Calc "
                                  "function as text, e.g. \"BS_PRICE\", got nothing") == 0,
          "missing: %s", r.cells[0].text);
    alvh_value num = {.kind = ALVH_NUMBER, .number = 3};
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", &num, 1, &r), ALVH_OK, "type");
    CHECK(strcmp(r.cells[0].text, "ARG_TYPE: function must be the name of an ALVH Calc function "
                                  "as text, e.g. \"BS_PRICE\", got 3") == 0,
          "type: %s", r.cells[0].text);
    /* A 1x1 range is its cell; a 2x1 range is not one name. */
    alvh_value cells[2] = {{.kind = ALVH_TEXT, .text = "NOPE"}, {.kind = ALVH_TEXT, .text = "X"}};
    alvh_value one = {.kind = ALVH_RANGE, .rows = 1, .cols = 1, .cells = cells};
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", &one, 1, &r), ALVH_OK, "1x1 range");
    CHECK(strncmp(r.cells[0].text, "UNKNOWN_FUNCTION:", 17) == 0, "1x1: %s", r.cells[0].text);
    alvh_value two = {.kind = ALVH_RANGE, .rows = 2, .cols = 1, .cells = cells};
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", &two, 1, &r), ALVH_OK, "2x1 range");
    CHECK(strcmp(r.cells[0].text, "RANGE_SHAPE: function must be the name of an ALVH Calc "
                                  "function as text, e.g. \"BS_PRICE\", got a 2x1 range") == 0,
          "2x1: %s", r.cells[0].text);
    alvh_value empty_text = {.kind = ALVH_TEXT, .text = ""};
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", &empty_text, 1, &r), ALVH_OK, "empty text");
    CHECK(strstr(r.cells[0].text, "MISSING: function is required") == r.cells[0].text &&
              strstr(r.cells[0].text, "got empty text"),
          "empty text: %s", r.cells[0].text);
    alvh_result_free(&r);
}

/* Calc lets a user type up to 255 arguments: ALVH_ERROR takes them all and explains the inner
 * call's count; a fixed-argument function, or a call past 255, is an ARG_COUNT error. */
static void too_many_arguments_is_a_status(void)
{
    alvh_value args[ALVH_MAX_CALL_ARGS + 1];
    args[0] = (alvh_value){.kind = ALVH_TEXT, .text = "BS_PRICE"};
    for (size_t i = 1; i < ALVH_MAX_CALL_ARGS + 1; ++i)
        args[i] = (alvh_value){.kind = ALVH_NUMBER, .number = 1.0};
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", args, ALVH_MAX_CALL_ARGS, &r), ALVH_OK, "255");
    CHECK(r.cells && strcmp(r.cells[0].text,
                            "ARG_COUNT: BS_PRICE takes at most 7 arguments, got 254") == 0,
          "255 arguments: %s", r.cells ? r.cells[0].text : r.message);
    CHECK_STATUS(alvh_call_by_name("ALVH_ERROR", args, ALVH_MAX_CALL_ARGS + 1, &r),
                 ALVH_E_ARG_COUNT, "256");
    CHECK(strcmp(r.message, "ALVH_ERROR takes at most 255 arguments, got 256") == 0, "256: %s",
          r.message);
    CHECK_STATUS(alvh_call_by_name("BS_PRICE", args + 1, 8, &r), ALVH_E_ARG_COUNT, "8");
    CHECK(strcmp(r.message, "BS_PRICE takes at most 7 arguments, got 8") == 0, "8: %s",
          r.message);
    alvh_result_free(&r);
}

static void fail_text_is_bounded(void)
{
    char err[8] = "xxxxxxx";
    CHECK_STATUS(alvh_fail_text(err, sizeof err, ALVH_E_POLICY_KEY, "key %s", "abcdef"),
                 ALVH_E_POLICY_KEY, "returns the status");
    CHECK(strcmp(err, "key abc") == 0, "truncated to the buffer: %s", err);
    CHECK_STATUS(alvh_fail_text(NULL, 0, ALVH_E_DATA_GAP, "row %d", 3), ALVH_E_DATA_GAP,
                 "no buffer");
}

static void results_hold_text_and_numbers(void)
{
    alvh_result r;
    alvh_result_init(&r);
    CHECK_STATUS(alvh_result_alloc(&r, 2, 3), ALVH_OK, "alloc");
    CHECK(r.cells[5].kind == ALVH_EMPTY, "cells start empty");
    alvh_result_set_number(&r, 1, 2, 4.5);
    CHECK_STATUS(alvh_result_set_text(&r, 0, 1, "ARM"), ALVH_OK, "text");
    alvh_result_set_number(&r, 0, 1, 1.0); /* replacing text frees it (checked by ASan) */
    CHECK(r.cells[5].number == 4.5 && r.cells[1].number == 1.0, "cells");
    alvh_result_number(&r, 7.0);
    CHECK(r.rows == 1 && r.cells == &r.inline_cell, "scalars are inline");
    CHECK_STATUS(alvh_result_alloc(&r, 0, 3), ALVH_E_RANGE_SHAPE, "empty result");
    alvh_result_free(&r);
}

static void every_status_has_a_sentence(void)
{
    for (int s = 0; s < ALVH_STATUS_END_; ++s) {
        const char *name = alvh_status_name((alvh_status)s);
        if (strcmp(name, "UNKNOWN") == 0)
            continue; /* a gap in the numbering */
        CHECK(strlen(alvh_status_message((alvh_status)s)) > 5, "status %d message", s);
    }
    CHECK(strcmp(alvh_status_name((alvh_status)9999), "UNKNOWN") == 0, "unknown name");
    CHECK(strcmp(alvh_status_name(ALVH_E_NO_CONVERGENCE), "NO_CONVERGENCE") == 0, "stable");
}

int main(void)
{
    every_row_is_documented_and_unique();
    unknown_function_is_a_status();
    alvh_error_explains_a_failing_call();
    too_many_arguments_is_a_status();
    fail_text_is_bounded();
    results_hold_text_and_numbers();
    every_status_has_a_sentence();
    return check_summary("test_table");
}
