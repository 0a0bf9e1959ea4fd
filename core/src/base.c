/* base.c: the core's ground floor (base.h): text compare, number formatting, error sentences. */
#include "base.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int alvh_strieq(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    for (; *a && *b; ++a, ++b)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

void alvh_format_number(char *buf, size_t size, double x)
{
    snprintf(buf, size, "%.15g", x);
    if (strtod(buf, NULL) != x && isfinite(x))
        snprintf(buf, size, "%.17g", x);
}

void alvh_format_distinct(char *bx, size_t nx, char *by, size_t ny, double x, double y,
                          int min_digits)
{
    int p = min_digits < 1 ? 1 : (min_digits > 17 ? 17 : min_digits);
    for (;;) {
        snprintf(bx, nx, "%.*g", p, x);
        snprintf(by, ny, "%.*g", p, y);
        if (p == 17 || x == y || !(isfinite(x) && isfinite(y)) || strcmp(bx, by) != 0)
            return;
        ++p;
    }
}

alvh_status alvh_fail_text(char *err, size_t size, alvh_status st, const char *fmt, ...)
{
    if (err && size > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, size, fmt, ap);
        va_end(ap);
    }
    return st;
}
