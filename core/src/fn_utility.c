/* fn_utility.c: table rows that are about the table itself. */
#include <stdio.h>

#include "internal.h"

#ifndef ALVH_VERSION_NUMBER
#error "ALVH_VERSION_NUMBER comes from core/CMakeLists.txt (the project's version)"
#endif

/* ALVH_ERROR(function; arg; ...): evaluates the named call and returns its error sentence,
 * "OK" when it succeeds. A spreadsheet user reads why a cell shows Err:502. The call's own
 * arguments start at ERR_ARGUMENTS (alvh_call gives at least ERR_FUNCTION). */
enum { ERR_FUNCTION, ERR_ARGUMENTS, ERR_NARGS };

static alvh_status eval_error(const alvh_value *args, size_t nargs, alvh_result *out)
{
    if (args[ERR_FUNCTION].kind != ALVH_TEXT)
        return alvh_fail(out, ALVH_E_ARG_TYPE, "function must be a function name as text");
    alvh_result inner;
    alvh_result_init(&inner);
    alvh_status st = alvh_call_by_name(args[ERR_FUNCTION].text, args + ERR_ARGUMENTS,
                                       nargs - ERR_ARGUMENTS, &inner);
    char text[ALVH_MESSAGE_SIZE + 64];
    if (st == ALVH_OK && inner.warning != ALVH_OK) /* a result that leaves rows out says why */
        snprintf(text, sizeof text, "%s: %s", alvh_status_name(inner.warning), inner.message);
    else if (st == ALVH_OK)
        snprintf(text, sizeof text, "OK");
    else
        snprintf(text, sizeof text, "%s: %s", alvh_status_name(st), inner.message);
    alvh_result_free(&inner);
    alvh_status s = alvh_result_alloc(out, 1, 1);
    if (s == ALVH_OK)
        s = alvh_result_set_text(out, 0, 0, text);
    return s;
}

static const alvh_arg_spec k_error_args[] = {
    [ERR_FUNCTION] = {"function", "Name of an ALVH Calc function, as text, e.g. \"BS_PRICE\"",
                      ALVH_ARG_TEXT, 0, 0, NULL},
    [ERR_ARGUMENTS] = {"arguments", "The same arguments as the failing cell's call",
                       ALVH_ARG_VARARGS, 1, 0, NULL},
};
ALVH_CHECK_ARGS(k_error_args, ERR_NARGS);

/* ALVH_VERSION([what]): the add-in's version, "0.1.0", or with what = "name" the product and
 * version, "ALVH Calc 0.1.0". A sheet tests for the add-in with ISERROR(ALVH_VERSION()): without
 * alvh.oxt the call is #NAME?. */
enum { VER_WHAT, VER_NARGS };

static alvh_status eval_version(const alvh_value *args, size_t nargs, alvh_result *out)
{
    (void)nargs;
    const alvh_value *what = &args[VER_WHAT];
    const char *text;
    if (what->kind == ALVH_EMPTY || alvh_strieq(what->text, "number"))
        text = ALVH_VERSION_NUMBER;
    else if (alvh_strieq(what->text, "name"))
        text = "ALVH Calc " ALVH_VERSION_NUMBER;
    else
        return alvh_fail(out, ALVH_E_ARGUMENT, "what must be \"number\" or \"name\", got \"%.60s\"",
                         what->text);
    alvh_status s = alvh_result_alloc(out, 1, 1);
    if (s == ALVH_OK)
        s = alvh_result_set_text(out, 0, 0, text);
    return s;
}

static const alvh_arg_spec k_version_args[] = {
    [VER_WHAT] = {"what", "\"number\" (the default): the version, e.g. 0.1.0; \"name\": the product "
                          "and version, e.g. ALVH Calc 0.1.0",
                  ALVH_ARG_TEXT, 1, 0, NULL},
};
ALVH_CHECK_ARGS(k_version_args, VER_NARGS);

const alvh_func alvh_fn_utility[] = {
    {"ALVH_ERROR", "Utility",
     "Explains an error cell: evaluates a call given by name and returns its error sentence",
     "Text: \"OK\", or \"<STATUS>: <sentence>\" saying what is wrong with which argument, or "
     "what a result computed only in part left out (a blank or text cell in a pasted series)",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_error_args), eval_error,
     "BS_PRICE\tC\t100\t100\t1\t-0.2\n"
     "NOPE\n"},
    {"ALVH_VERSION", "Utility",
     "The version of the ALVH Calc add-in; a sheet without the add-in shows #NAME? instead",
     "Text: the version number (\"0.1.0\"), or the product and version (\"ALVH Calc 0.1.0\")",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_version_args), eval_version,
     "\"\"\n"
     "name\n"},
};
ALVH_DEFINE_GROUP_COUNT(utility);
