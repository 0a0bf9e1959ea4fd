/* internal.h: the one include of the table's adapters (core/src/fn_<concept>.c) and of the
 * registry (table.c): the function table's types (alvh/table.h), the spreadsheet-argument
 * layer (args.h, which brings base.h and alvh/value.h), and the macros that define a group of
 * rows. Engines never include it; docs/architecture.md draws the layers. Not installed. */
#ifndef ALVH_INTERNAL_H
#define ALVH_INTERNAL_H

#include <math.h>
#include <stddef.h>

#include "alvh/table.h"
#include "args.h"

/* Each concept's adapters live in core/src/fn_<concept>.c and export one group of table rows.
 * table.c lists the groups; adding a function is one row in its group plus its core function. */
#define ALVH_DECLARE_GROUP(g)                 \
    extern const alvh_func alvh_fn_##g[];     \
    extern const size_t alvh_fn_##g##_count
#define ALVH_DEFINE_GROUP_COUNT(g) \
    const size_t alvh_fn_##g##_count = ALVH_ARRAY_SIZE(alvh_fn_##g)

/* The number of elements of an array (an array, not a pointer: -Wall warns on a pointer). */
#define ALVH_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A row's nargs and args from one name, so a row counts its arguments itself:
 *   {"BS_PRICE", "Pricing", summary, result_doc, ALVH_SHAPE_SCALAR,
 *    ALVH_ROW_ARGS(k_bs_price_args), eval_bs_price, examples} */
#define ALVH_ROW_ARGS(specs) ALVH_ARRAY_SIZE(specs), (specs)

/* Named argument indices. Each function (or each argument list several functions share) names
 * its argument positions in an enum ending in a count, builds its spec array with designated
 * initialisers on those names, and checks the array's length against the count:
 *   enum { STK_TYPE, STK_DELTA, ..., STK_NARGS };
 *   static const alvh_arg_spec k_bs_strike_args[] = {[STK_TYPE] = ARG_TYPE, [STK_DELTA] = ...};
 *   ALVH_CHECK_ARGS(k_bs_strike_args, STK_NARGS);
 * and the adapter reads a[STK_DELTA].number. A spec given twice fails to compile (GCC's
 * -Woverride-init, Clang's -Winitializer-overrides, with -Werror), an array longer or shorter
 * than the enum fails the assertion, and a name skipped in the middle leaves a spec without a
 * name, which test_table rejects. */
#define ALVH_CHECK_ARGS(specs, count) \
    _Static_assert(ALVH_ARRAY_SIZE(specs) == (count), #specs ": one spec per argument index")

/* How a policy argument's help names a policy file (the rules: alvh_policy_parse, alvh_call). */
#define ALVH_POLICY_FILE_HELP                                                                  \
    "a .json file's path (a relative path is read from the document's folder; the CLI's, from " \
    "its working directory)"

#endif
