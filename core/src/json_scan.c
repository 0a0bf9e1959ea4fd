/* json_scan.c: a strict RFC 8259 syntax check (json_scan.h). A recursive descent over the
 * grammar of RFC 8259 section 2-7 that only advances a position: it builds nothing, so the
 * position where it stops is the first byte that cannot continue the document. */
#include "json_scan.h"

#include <string.h>

typedef struct {
    const char *s;
    size_t len, pos;
} json_scan;

static void scan_blanks(json_scan *j)
{
    while (j->pos < j->len && (j->s[j->pos] == ' ' || j->s[j->pos] == '\t' ||
                               j->s[j->pos] == '\n' || j->s[j->pos] == '\r'))
        ++j->pos;
}

static int scan_is_digit(const json_scan *j)
{
    return j->pos < j->len && j->s[j->pos] >= '0' && j->s[j->pos] <= '9';
}

static int scan_value(json_scan *j, int depth);

static int scan_string(json_scan *j)
{
    if (j->pos >= j->len || j->s[j->pos] != '"')
        return 0;
    ++j->pos;
    while (j->pos < j->len) {
        unsigned char c = (unsigned char)j->s[j->pos];
        if (c == '"') {
            ++j->pos;
            return 1;
        }
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            ++j->pos;
            if (j->pos >= j->len)
                return 0;
            char e = j->s[j->pos];
            if (e == 'u') {
                for (int k = 0; k < 4; ++k) {
                    ++j->pos;
                    char h = j->pos < j->len ? j->s[j->pos] : '\0';
                    if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F')))
                        return 0;
                }
            } else if (!strchr("\"\\/bfnrt", e) || e == '\0') {
                return 0;
            }
        }
        ++j->pos;
    }
    return 0;
}

static int scan_number(json_scan *j)
{
    if (j->pos < j->len && j->s[j->pos] == '-')
        ++j->pos;
    if (!scan_is_digit(j))
        return 0;
    if (j->s[j->pos] == '0') {
        ++j->pos;
    } else {
        while (scan_is_digit(j))
            ++j->pos;
    }
    if (j->pos < j->len && j->s[j->pos] == '.') {
        ++j->pos;
        if (!scan_is_digit(j))
            return 0;
        while (scan_is_digit(j))
            ++j->pos;
    }
    if (j->pos < j->len && (j->s[j->pos] == 'e' || j->s[j->pos] == 'E')) {
        ++j->pos;
        if (j->pos < j->len && (j->s[j->pos] == '+' || j->s[j->pos] == '-'))
            ++j->pos;
        if (!scan_is_digit(j))
            return 0;
        while (scan_is_digit(j))
            ++j->pos;
    }
    return 1;
}

static int scan_word(json_scan *j, const char *w)
{
    for (; *w; ++w, ++j->pos)
        if (j->pos >= j->len || j->s[j->pos] != *w)
            return 0;
    return 1;
}

/* Object or array after its opening byte. */
static int scan_container(json_scan *j, int depth, char close)
{
    ++j->pos;
    scan_blanks(j);
    if (j->pos < j->len && j->s[j->pos] == close) {
        ++j->pos;
        return 1;
    }
    for (;;) {
        if (close == '}') {
            if (!scan_string(j))
                return 0;
            scan_blanks(j);
            if (j->pos >= j->len || j->s[j->pos] != ':')
                return 0;
            ++j->pos;
            scan_blanks(j);
        }
        if (!scan_value(j, depth + 1))
            return 0;
        scan_blanks(j);
        if (j->pos >= j->len)
            return 0;
        if (j->s[j->pos] == close) {
            ++j->pos;
            return 1;
        }
        if (j->s[j->pos] != ',')
            return 0;
        ++j->pos;
        scan_blanks(j);
    }
}

static int scan_value(json_scan *j, int depth)
{
    if (j->pos >= j->len)
        return 0;
    switch (j->s[j->pos]) {
    case '{':
    case '[':
        if (depth >= ALVH_JSON_MAX_DEPTH)
            return 0;
        return scan_container(j, depth, j->s[j->pos] == '{' ? '}' : ']');
    case '"': return scan_string(j);
    case 't': return scan_word(j, "true");
    case 'f': return scan_word(j, "false");
    case 'n': return scan_word(j, "null");
    default: return scan_number(j);
    }
}

int alvh_json_check_syntax(const char *text, size_t len, size_t *bad)
{
    json_scan j = {text, len, 0};
    scan_blanks(&j);
    int ok = scan_value(&j, 0);
    if (ok) {
        scan_blanks(&j);
        ok = j.pos == len;
    }
    *bad = j.pos < len ? j.pos : len;
    return ok;
}

void alvh_json_locate(const char *text, size_t offset, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && text[i]; ++i) {
        if (text[i] == '\n') {
            ++*line;
            *col = 1;
        } else {
            ++*col;
        }
    }
}
