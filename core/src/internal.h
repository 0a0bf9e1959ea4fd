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
    const size_t alvh_fn_##g##_count = sizeof alvh_fn_##g / sizeof alvh_fn_##g[0]

#endif
