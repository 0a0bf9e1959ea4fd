/* test_json_scan.c: the strict JSON syntax check (core/src/json_scan.c) and the line/column of a
 * byte offset.
 *
 * Expected values come from RFC 8259's grammar and offsets counted by hand in the texts written
 * out below (0-based index of the first byte that cannot continue the document; the length for
 * a premature end). */
#include <string.h>

#include "check.h"
#include "json_scan.h"

typedef struct {
    const char *text;
    int ok;
    size_t bad; /* the offset reported (the length when ok) */
} scan_case;

static const scan_case k_cases[] = {
    /* valid documents: any value at the top, blanks around it */
    {"{}", 1, 2},
    {" \t\r\n{ } \n", 1, 9},
    {"[1, -0, 0.5, 1e3, 2E-2, -1.25e+10]", 1, 34},
    {"\"text\"", 1, 6},
    {"true", 1, 4},
    {"null", 1, 4},
    {"{\"a\": [true, false, null, {\"b\": \"\\u00e9\\n\\\"\"}]}", 1, 47},
    {"\"\xE2\x80\x9C\"", 1, 5}, /* UTF-8 inside a string is text */
    /* malformed: the first byte that cannot continue
     *   {"a" 1}     '1' where ':' belongs: index 5
     *   {"a": }     '}' where a value belongs: index 6
     *   {"a": 1,}   '}' where a key belongs: index 8
     *   {} x        trailing 'x': index 3
     *   [01]        leading zero: the '1' at index 2 cannot follow "0"
     *   [1.]        no digit after '.': the ']' at index 3
     *   [1e]        no digit in the exponent: index 3
     *   [-]         no digit after '-': index 2
     *   [tru]       "true" misspelt: the ']' at index 4
     *   ["a\x"]     unknown escape: the 'x' at index 4
     *   ["\u12g4"]  bad hex digit: the 'g' at index 6
     *   ["a<TAB>"]  control byte in a string: index 3
     *   {a: 1}      key without quotes: index 1
     *   {"a": 1     premature end: the length, 7
     *   ""          empty text: 0 */
    {"{\"a\" 1}", 0, 5},
    {"{\"a\": }", 0, 6},
    {"{\"a\": 1,}", 0, 8},
    {"{} x", 0, 3},
    {"[01]", 0, 2},
    {"[1.]", 0, 3},
    {"[1e]", 0, 3},
    {"[-]", 0, 2},
    {"[tru]", 0, 4},
    {"[\"a\\x\"]", 0, 4},
    {"[\"\\u12g4\"]", 0, 6},
    {"[\"a\t\"]", 0, 3},
    {"{a: 1}", 0, 1},
    {"{\"a\": 1", 0, 7},
    {"", 0, 0},
    /* Calc AutoCorrect's typographic quote where a key belongs: its first byte, index 1 */
    {"{\xE2\x80\x9C" "a\xE2\x80\x9D: 1}", 0, 1},
};

static void documents_pass_or_fail_at_the_first_bad_byte(void)
{
    for (size_t i = 0; i < sizeof k_cases / sizeof k_cases[0]; ++i) {
        const scan_case *c = &k_cases[i];
        size_t bad = 12345;
        int ok = alvh_json_check_syntax(c->text, strlen(c->text), &bad);
        CHECK(ok == c->ok && bad == c->bad, "%s: ok %d at %zu, want %d at %zu", c->text, ok, bad,
              c->ok, c->bad);
    }
}

static void bytes_past_the_length_are_not_read(void)
{
    size_t bad = 0;
    /* "{} trailing" cut after "{}": valid; "[1, 2]" cut after "[1,": a premature end at 3 */
    CHECK(alvh_json_check_syntax("{} trailing", 2, &bad) == 1 && bad == 2, "cut valid");
    CHECK(alvh_json_check_syntax("[1, 2]", 3, &bad) == 0 && bad == 3, "cut at %zu", bad);
}

static void nesting_deeper_than_the_limit_fails(void)
{
    char deep[2 * ALVH_JSON_MAX_DEPTH + 3];
    size_t bad = 0;
    /* ALVH_JSON_MAX_DEPTH nested arrays pass; one more fails at its opening bracket. */
    for (int extra = 0; extra <= 1; ++extra) {
        size_t n = ALVH_JSON_MAX_DEPTH + (size_t)extra;
        memset(deep, '[', n);
        memset(deep + n, ']', n);
        int ok = alvh_json_check_syntax(deep, 2 * n, &bad);
        CHECK(ok == !extra && bad == (extra ? ALVH_JSON_MAX_DEPTH : 2 * n),
              "depth %zu: ok %d at %zu", n, ok, bad);
    }
}

static void offsets_become_line_and_column(void)
{
    /* "{\n  \"rate\": 0.0,\n  }": offset 19 is the '}' on line 3 after two blanks */
    const char *text = "{\n  \"rate\": 0.0,\n  }";
    size_t line = 0, col = 0;
    alvh_json_locate(text, 19, &line, &col);
    CHECK(line == 3 && col == 3, "line %zu col %zu", line, col);
    alvh_json_locate(text, 0, &line, &col);
    CHECK(line == 1 && col == 1, "start: line %zu col %zu", line, col);
    alvh_json_locate(text, 1, &line, &col); /* the newline itself is on line 1 */
    CHECK(line == 1 && col == 2, "newline: line %zu col %zu", line, col);
    alvh_json_locate("ab", 10, &line, &col); /* stops at the NUL */
    CHECK(line == 1 && col == 3, "past the end: line %zu col %zu", line, col);
}

int main(void)
{
    documents_pass_or_fail_at_the_first_bad_byte();
    bytes_past_the_length_are_not_read();
    nesting_deeper_than_the_limit_fails();
    offsets_become_line_and_column();
    return check_summary("test_json_scan");
}
