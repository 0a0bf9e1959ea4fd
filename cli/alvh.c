/* alvh: the ALVH Calc command line. Evaluates the spreadsheet functions from the same table
 * the Calc add-in uses, so a formula and a script give the same number, bit for bit.
 *
 *   alvh list [--json]             one line per function (--json: names, arguments, examples)
 *   alvh describe NAME             a function's help
 *   alvh call NAME [ARG...]        evaluate one call
 *   alvh call --batch              one call per stdin line: NAME<TAB>ARG<TAB>...
 *   alvh reference                 the Markdown function reference (README.md embeds it)
 *
 * Arguments: a number is a number (strtod syntax, "nan" and "inf" included); "" is an omitted
 * argument; text starting with '[' is a range as JSON, [[1,2],[3,4]] (rows of cells; a flat
 * [1,2,3] is one column; null is an empty cell); anything else is text.
 * Results: numbers with 17 significant digits; arrays as JSON rows (null for #N/A cells);
 * errors as "#ERR <STATUS>: <sentence>". Exit status: 0 when every call succeeded, 1 when
 * any failed, 2 on a usage error.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "cli.h"

/* ---- argument parsing --------------------------------------------------------------------- */

/* One more argument than a call may pass, so that the table says "at most 255". */
#define CLI_MAX_ARGS (ALVH_MAX_CALL_ARGS + 1)

typedef struct {
    alvh_value values[CLI_MAX_ARGS];
    alvh_value *cells[CLI_MAX_ARGS]; /* owned range storage per argument */
    cJSON *json[CLI_MAX_ARGS];       /* owned: range text cells point into these */
    size_t count;
} arg_list;

static void args_free(arg_list *a)
{
    for (size_t i = 0; i < a->count; ++i) {
        free(a->cells[i]);
        cJSON_Delete(a->json[i]);
    }
    memset(a, 0, sizeof *a);
}

static int json_cell(const cJSON *item, alvh_value *cell)
{
    memset(cell, 0, sizeof *cell);
    if (cJSON_IsNumber(item)) {
        cell->kind = ALVH_NUMBER;
        cell->number = item->valuedouble;
    } else if (cJSON_IsString(item)) {
        cell->kind = ALVH_TEXT;
        cell->text = item->valuestring;
    } else if (cJSON_IsBool(item)) {
        cell->kind = ALVH_NUMBER;
        cell->number = cJSON_IsTrue(item) ? 1.0 : 0.0;
    } else if (!cJSON_IsNull(item)) {
        return -1;
    }
    return 0;
}

/* A JSON range: [[r0c0, r0c1], [r1c0, r1c1]] or a flat [a, b, c] (one column). */
static const char *parse_range(const char *text, arg_list *a, size_t i)
{
    cJSON *root = cJSON_Parse(text);
    if (!cJSON_IsArray(root) || cJSON_GetArraySize(root) == 0) {
        cJSON_Delete(root);
        return "a range must be a non-empty JSON array, e.g. [[1,2],[3,4]] or [1,2,3]";
    }
    a->json[i] = root;
    size_t rows = (size_t)cJSON_GetArraySize(root), cols = 1;
    int nested = cJSON_IsArray(cJSON_GetArrayItem(root, 0));
    if (nested) {
        cols = (size_t)cJSON_GetArraySize(cJSON_GetArrayItem(root, 0));
        if (cols == 0)
            return "a range row must not be empty";
    }
    alvh_value *cells = calloc(rows * cols, sizeof *cells);
    if (!cells)
        return "out of memory";
    a->cells[i] = cells;
    size_t r = 0;
    for (const cJSON *row = root->child; row; row = row->next, ++r) {
        if (!nested) {
            if (json_cell(row, &cells[r]) != 0)
                return "range cells must be numbers, text or null";
            continue;
        }
        if (!cJSON_IsArray(row) || (size_t)cJSON_GetArraySize(row) != cols)
            return "every row of a range must have the same number of cells";
        size_t c = 0;
        for (const cJSON *item = row->child; item; item = item->next, ++c)
            if (json_cell(item, &cells[r * cols + c]) != 0)
                return "range cells must be numbers, text or null";
    }
    a->values[i] = (alvh_value){.kind = ALVH_RANGE, .rows = rows, .cols = cols, .cells = cells};
    return NULL;
}

static const char *parse_arg(const char *text, arg_list *a)
{
    if (a->count >= CLI_MAX_ARGS)
        return "too many arguments";
    size_t i = a->count++;
    alvh_value *v = &a->values[i];
    memset(v, 0, sizeof *v);
    if (text[0] == '\0')
        return NULL; /* omitted */
    if (text[0] == '[')
        return parse_range(text, a, i);
    char *end = NULL;
    double x = strtod(text, &end);
    if (end != text && *end == '\0') {
        v->kind = ALVH_NUMBER;
        v->number = x;
    } else {
        v->kind = ALVH_TEXT;
        v->text = text;
    }
    return NULL;
}

/* ---- output ------------------------------------------------------------------------------- */

static void print_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; ++s) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void print_cell(FILE *f, const alvh_value *c, int in_array)
{
    switch (c->kind) {
    case ALVH_NUMBER: fprintf(f, "%.17g", c->number); break;
    case ALVH_TEXT:
        if (in_array)
            print_json_string(f, c->text);
        else
            fputs(c->text, f);
        break;
    default: fputs(in_array ? "null" : "#N/A", f); break;
    }
}

void alvh_cli_print_result(FILE *f, const alvh_result *r)
{
    if (r->status != ALVH_OK) {
        fprintf(f, "#ERR %s: %s\n", alvh_status_name(r->status), r->message);
        return;
    }
    if (r->warning != ALVH_OK) /* on stderr: stdout keeps one line per call */
        fprintf(stderr, "#WARN %s: %s\n", alvh_status_name(r->warning), r->message);
    if (r->rows == 1 && r->cols == 1) {
        print_cell(f, &r->cells[0], 0);
        fputc('\n', f);
        return;
    }
    fputc('[', f);
    for (size_t i = 0; i < r->rows; ++i) {
        fputs(i ? ",[" : "[", f);
        for (size_t j = 0; j < r->cols; ++j) {
            if (j)
                fputc(',', f);
            print_cell(f, &r->cells[i * r->cols + j], 1);
        }
        fputc(']', f);
    }
    fputs("]\n", f);
}

/* Evaluates one call given as strings; prints its result line to f. Returns the status. */
static alvh_status call_strings(FILE *f, const char *name, char **argv, size_t argc,
                                alvh_result *res)
{
    arg_list a;
    memset(&a, 0, sizeof a);
    const char *err = NULL;
    for (size_t i = 0; i < argc && !err; ++i)
        err = parse_arg(argv[i], &a);
    alvh_status st;
    if (err) {
        alvh_result_free(res);
        st = alvh_fail(res, ALVH_E_ARGUMENT, "argument %zu: %s", a.count, err);
    } else {
        st = alvh_call_by_name(name, a.values, a.count, res);
    }
    alvh_cli_print_result(f, res);
    alvh_result_free(res);
    args_free(&a);
    return st;
}

static int cmd_call(int argc, char **argv)
{
    alvh_result res;
    alvh_result_init(&res);
    if (argc >= 1 && strcmp(argv[0], "--batch") == 0) {
        int failed = 0;
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        char *fields[CLI_MAX_ARGS + 1];
        while ((len = getline(&line, &cap, stdin)) >= 0) {
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = '\0';
            size_t n = 0;
            char *p = line;
            fields[n++] = p;
            while ((p = strchr(p, '\t')) != NULL) {
                *p++ = '\0';
                if (n == sizeof fields / sizeof fields[0])
                    break;
                fields[n++] = p;
            }
            if (p != NULL) { /* more fields than any function takes */
                alvh_fail(&res, ALVH_E_ARG_COUNT, "too many arguments");
                alvh_cli_print_result(stdout, &res);
                failed = 1;
                continue;
            }
            if (call_strings(stdout, fields[0], fields + 1, n - 1, &res) != ALVH_OK)
                failed = 1;
        }
        free(line);
        return failed;
    }
    if (argc < 1) {
        fprintf(stderr, "usage: alvh call NAME [ARG...] | alvh call --batch\n");
        return 2;
    }
    return call_strings(stdout, argv[0], argv + 1, (size_t)argc - 1, &res) == ALVH_OK ? 0 : 1;
}

/* ---- help --------------------------------------------------------------------------------- */

static const char *type_word(alvh_arg_type t)
{
    switch (t) {
    case ALVH_ARG_NUMBER: return "number";
    case ALVH_ARG_TEXT: return "text";
    case ALVH_ARG_SCALAR: return "number or text";
    case ALVH_ARG_RANGE: return "range";
    case ALVH_ARG_NUMBER_ARRAY: return "range of numbers";
    case ALVH_ARG_ANY: return "any value";
    default: return "values";
    }
}

/* The signature as Calc shows it: NAME(a; b; [c]). */
static void print_signature(FILE *f, const alvh_func *fn)
{
    fprintf(f, "%s(", fn->name);
    for (size_t i = 0; i < fn->nargs; ++i) {
        const alvh_arg_spec *s = &fn->args[i];
        fprintf(f, "%s%s%s%s%s", i ? "; " : "", s->optional ? "[" : "", s->name,
                s->type == ALVH_ARG_VARARGS ? "; ..." : "", s->optional ? "]" : "");
    }
    fputc(')', f);
}

static void print_default(FILE *f, const alvh_arg_spec *s)
{
    if (!s->optional || s->type == ALVH_ARG_VARARGS)
        return;
    if (s->default_text)
        fprintf(f, " Default: %s.", s->default_text);
    else if (s->type == ALVH_ARG_NUMBER)
        fprintf(f, " Default: %.15g.", s->default_number);
}

/* The table as JSON, for test programs: [{"name", "category", "args": [{"name", "type",
 * "optional"}], "examples"}] (types as in the add-in's functions.json). */
static int list_json(void)
{
    cJSON *all = cJSON_CreateArray();
    size_t n = alvh_table_size();
    for (size_t i = 0; all && i < n; ++i) {
        const alvh_func *f = alvh_table_get(i);
        cJSON *fn = cJSON_CreateObject(), *args = cJSON_CreateArray();
        cJSON_AddItemToArray(all, fn);
        cJSON_AddStringToObject(fn, "name", f->name);
        cJSON_AddStringToObject(fn, "category", f->category);
        cJSON_AddItemToObject(fn, "args", args);
        for (size_t j = 0; j < f->nargs; ++j) {
            cJSON *a = cJSON_CreateObject();
            cJSON_AddItemToArray(args, a);
            cJSON_AddStringToObject(a, "name", f->args[j].name);
            cJSON_AddStringToObject(a, "type", alvh_arg_type_key(f->args[j].type));
            cJSON_AddBoolToObject(a, "optional", f->args[j].optional);
        }
        cJSON_AddStringToObject(fn, "examples", f->examples ? f->examples : "");
    }
    char *text = all ? cJSON_Print(all) : NULL;
    cJSON_Delete(all);
    if (!text) {
        fputs("alvh: out of memory\n", stderr);
        return 1;
    }
    puts(text);
    free(text);
    return 0;
}

static int cmd_list(int argc, char **argv)
{
    if (argc == 1 && strcmp(argv[0], "--json") == 0)
        return list_json();
    if (argc != 0) {
        fprintf(stderr, "usage: alvh list [--json]\n");
        return 2;
    }
    size_t n = alvh_table_size();
    for (size_t i = 0; i < n; ++i) {
        const alvh_func *f = alvh_table_get(i);
        printf("%-22s %-9s %s\n", f->name, f->category, f->summary);
    }
    return 0;
}

static int cmd_describe(int argc, char **argv)
{
    if (argc != 1) {
        fprintf(stderr, "usage: alvh describe NAME\n");
        return 2;
    }
    const alvh_func *f = alvh_table_find(argv[0]);
    if (!f) {
        fprintf(stderr, "alvh: there is no function named %s (see `alvh list`)\n", argv[0]);
        return 1;
    }
    print_signature(stdout, f);
    printf("\n  %s.\n  Category: %s\n  Returns: %s\n", f->summary, f->category, f->result_doc);
    for (size_t i = 0; i < f->nargs; ++i) {
        const alvh_arg_spec *s = &f->args[i];
        printf("  %-12s %s%s. %s.", s->name, type_word(s->type), s->optional ? ", optional" : "",
               s->description);
        print_default(stdout, s);
        putchar('\n');
    }
    return 0;
}

/* Splits a tab-separated example line in place; returns the number of fields. */
static size_t split_tabs(char *line, char **fields, size_t cap)
{
    size_t n = 0;
    char *p = line;
    fields[n++] = p;
    while (n < cap && (p = strchr(p, '\t')) != NULL) {
        *p++ = '\0';
        fields[n++] = p;
    }
    return n;
}

/* The examples of f as Markdown lines: `NAME(arg; ...)` -> result, as the CLI prints it. */
static void print_examples(FILE *f, const alvh_func *fn)
{
    if (!fn->examples)
        return;
    char buf[8192];
    const char *p = fn->examples;
    alvh_result res;
    alvh_result_init(&res);
    fprintf(f, "\nExamples (ranges as JSON rows; the result as `alvh call` prints it):\n\n");
    while (*p) {
        size_t len = strcspn(p, "\n");
        if (len >= sizeof buf)
            len = sizeof buf - 1;
        memcpy(buf, p, len);
        buf[len] = '\0';
        p += len + (p[len] == '\n');
        char *args[ALVH_MAX_ARGS + 1];
        size_t n = buf[0] ? split_tabs(buf, args, ALVH_MAX_ARGS + 1) : 0;
        fprintf(f, "- `%s(", fn->name);
        for (size_t i = 0; i < n; ++i) {
            char *end = NULL;
            strtod(args[i], &end);
            int number = end != args[i] && *end == '\0';
            int quote = !number && args[i][0] != '[' && args[i][0] != '\0';
            fprintf(f, "%s%s%s%s", i ? "; " : "", quote ? "\"" : "", args[i], quote ? "\"" : "");
        }
        fprintf(f, ")` -> `");
        char out[16384];
        FILE *mem = fmemopen(out, sizeof out, "w");
        if (mem) {
            call_strings(mem, fn->name, args, n, &res);
            fclose(mem);
            out[sizeof out - 1] = '\0';
            out[strcspn(out, "\n")] = '\0';
            fputs(out, f);
        }
        fprintf(f, "`\n");
    }
}

static int cmd_reference(void)
{
    size_t n = alvh_table_size();
    const char *category = NULL;
    for (size_t i = 0; i < n; ++i) {
        const alvh_func *f = alvh_table_get(i);
        if (!category || strcmp(category, f->category) != 0) {
            category = f->category;
            printf("\n### %s\n", category);
        }
        printf("\n#### `");
        print_signature(stdout, f);
        printf("`\n\n%s. Returns: %s.\n\n", f->summary, f->result_doc);
        for (size_t j = 0; j < f->nargs; ++j) {
            const alvh_arg_spec *s = &f->args[j];
            printf("- `%s` (%s%s): %s.", s->name, type_word(s->type),
                   s->optional ? ", optional" : "", s->description);
            print_default(stdout, s);
            putchar('\n');
        }
        print_examples(stdout, f);
    }
    return 0;
}

/* ---- main --------------------------------------------------------------------------------- */

static void usage(FILE *f)
{
    fprintf(f, "usage: alvh list [--json] | describe NAME | call NAME [ARG...] | call --batch | "
               "reference");
    for (const alvh_cli_command *c = alvh_cli_extra_commands; c && c->name; ++c)
        fprintf(f, " | %s", c->usage);
    fputc('\n', f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "list") == 0)
        return cmd_list(argc - 2, argv + 2);
    if (strcmp(cmd, "describe") == 0)
        return cmd_describe(argc - 2, argv + 2);
    if (strcmp(cmd, "call") == 0)
        return cmd_call(argc - 2, argv + 2);
    if (strcmp(cmd, "reference") == 0)
        return cmd_reference();
    for (const alvh_cli_command *c = alvh_cli_extra_commands; c && c->name; ++c)
        if (strcmp(cmd, c->name) == 0)
            return c->run(argc - 2, argv + 2);
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return 0;
    }
    usage(stderr);
    return 2;
}
