/* alvh_addin_gen: writes the add-in's generated sources from the function table, so adding a
 * table row never means editing addin/ by hand.
 *
 *   alvh_addin_gen OUTDIR
 *
 * writes
 *   OUTDIR/idl/org/alvhcalc/XFunctions.idl   the interface: one method per table row
 *   OUTDIR/idl/org/alvhcalc/Functions.idl    the service (unoidl-write wants one entity per file)
 *   OUTDIR/functions_methods.inc             C++ method definitions, included in the class body
 *   OUTDIR/functions_names.inc               the table names in method order (checked at load)
 *   OUTDIR/functions.json                    the table as the Calc tests read it
 *
 * Each file is rewritten only when its content changes, so an unchanged table rebuilds nothing.
 *
 * UNO parameter types, per argument spec (what LibreOffice Calc 7.4 does with each, see
 * sc/source/core/tool/addincol.cxx lcl_GetArgType and ScInterpreter::ScExternal):
 *   required NUMBER       -> double: the wizard marks it required; an empty cell arrives as 0,
 *                            text gives #VALUE! before the add-in is called.
 *   required RANGE        -> sequence< sequence< any > >: empty cells arrive void (ALVH_EMPTY),
 *                            text as strings (ALVH_TEXT), a single value as a 1x1 block.
 *   required NUMBER_ARRAY -> sequence< sequence< double > >: Calc converts the range itself
 *                            (much faster than to anys), empty and text cells arrive as 0 (the
 *                            table's NUMBER_ARRAY rule: the generic path reads them as 0 too).
 *   VARARGS (last)        -> as many any parameters as Calc allows arguments in a call (255
 *                            visible ones in all), the last a sequence< any > (one any per
 *                            argument from the 255th on: none, in practice). Why not just the
 *                            sequence: Calc classifies an argument past a method's declared
 *                            parameters as a single value (sc/source/core/tool/parclass.cxx,
 *                            GetExternalParameterType: "we simply can't determine the type"),
 *                            and an inline array or array expression given there makes it
 *                            repeat the whole call once per element of the largest array or
 *                            range among the arguments (ScInterpreter::ConvertMatrixParameters,
 *                            a JumpMatrix): ALVH_ERROR("F"; 0.1; {1|2|3}; A1:A4000) was 4,001
 *                            calls of 4,003 cells each, 4.2 s. A declared any parameter is a
 *                            reference parameter, converted once. Omitted trailing arguments
 *                            arrive void and are not passed on (call() drops them).
 *   everything else       -> any (optional NUMBER/RANGE, SCALAR, TEXT): omitted arrives void.
 *                            Calc's wizard marks every any parameter optional, so the argument
 *                            description says "Required." where that is wrong.
 * Every method also takes the calling document first (XPropertySet xCaller, which Calc fills
 * in and never shows): a relative policy-file path is read from the document's folder.
 * Method names are the table names (BS_PRICE): unoidl accepts them, and Calc stores a formula
 * as ORG.ALVHCALC.FUNCTIONS.<NAME>. Parameter names cannot hold '_' or be IDL keywords, so a
 * parameter is "p" + the argument name in CamelCase (div_yield -> pDivYield); Calc never shows
 * these (the wizard reads the table through XAddIn).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alvh/table.h"

/* ---- a growable text buffer, written to disk only when it differs --------------------------- */

typedef struct {
    char *data;
    size_t len, cap;
    int failed; /* an allocation or format failed: the text is incomplete, write nothing */
} buffer;

static void bprintf(buffer *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void bprintf(buffer *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->data ? b->data + b->len : NULL, b->data ? b->cap - b->len : 0, fmt,
                          ap);
        va_end(ap);
        if (n < 0 || b->failed) {
            b->failed = 1;
            return;
        }
        if (b->data && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = (b->cap + (size_t)n + 1) * 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
}

static int write_if_changed(const char *path, const buffer *b)
{
    FILE *f = fopen(path, "rb");
    if (f) {
        char *old = malloc(b->len + 1);
        if (!old) {
            fclose(f);
            fputs("alvh_addin_gen: out of memory\n", stderr);
            return -1;
        }
        size_t n = fread(old, 1, b->len + 1, f);
        fclose(f);
        int same = n == b->len && memcmp(old, b->data, b->len) == 0;
        free(old);
        if (same)
            return 0;
    }
    f = fopen(path, "wb");
    if (!f || fwrite(b->data, 1, b->len, f) != b->len || fclose(f) != 0) {
        fprintf(stderr, "alvh_addin_gen: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

static int make_dirs(const char *path)
{
    char tmp[4096];
    if (strlen(path) >= sizeof tmp)
        return -1;
    strcpy(tmp, path);
    for (char *p = tmp + 1; *p; ++p) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(tmp, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

/* ---- names and types ------------------------------------------------------------------------ */

typedef enum { UNO_DOUBLE, UNO_ANY, UNO_MATRIX, UNO_VARARGS, UNO_DOUBLE_MATRIX } uno_type;

static uno_type arg_uno_type(const alvh_arg_spec *s)
{
    if (s->type == ALVH_ARG_VARARGS)
        return UNO_VARARGS;
    if (s->type == ALVH_ARG_NUMBER && !s->optional)
        return UNO_DOUBLE;
    if (s->type == ALVH_ARG_RANGE && !s->optional)
        return UNO_MATRIX;
    if (s->type == ALVH_ARG_NUMBER_ARRAY && !s->optional)
        return UNO_DOUBLE_MATRIX;
    return UNO_ANY;
}

static const char *idl_type(uno_type t)
{
    switch (t) {
    case UNO_DOUBLE: return "double";
    case UNO_MATRIX: return "sequence< sequence< any > >";
    case UNO_DOUBLE_MATRIX: return "sequence< sequence< double > >";
    case UNO_VARARGS: return "sequence< any >";
    default: return "any";
    }
}

static const char *cxx_type(uno_type t)
{
    switch (t) {
    case UNO_DOUBLE: return "double";
    case UNO_MATRIX: return "const css::uno::Sequence< css::uno::Sequence< css::uno::Any > >&";
    case UNO_DOUBLE_MATRIX:
        return "const css::uno::Sequence< css::uno::Sequence< double > >&";
    case UNO_VARARGS: return "const css::uno::Sequence< css::uno::Any >&";
    default: return "const css::uno::Any&";
    }
}

/* Calc's limit on the arguments of one function call (formula::FORMULA_MAXPARAMS, 255 in
 * LibreOffice 7.4); a VARARGS argument is expanded into enough parameters to reach it. */
#define CALC_MAX_ARGS ALVH_MAX_CALL_ARGS

/* The number of any parameters a VARARGS argument of f expands to, before the final
 * sequence< any >: the visible parameters then number CALC_MAX_ARGS. */
static size_t varargs_slots(const alvh_func *f)
{
    return f->nargs >= CALC_MAX_ARGS ? 0 : CALC_MAX_ARGS - f->nargs;
}

/* "div_yield" -> "pDivYield": a legal IDL identifier that is never a keyword. */
static void camel_name(const char *name, char *buf, size_t size)
{
    size_t n = 0;
    int upper = 1;
    buf[n++] = 'p';
    for (const char *c = name; *c && n + 1 < size; ++c) {
        if (!isalnum((unsigned char)*c)) {
            upper = 1;
            continue;
        }
        buf[n++] = upper ? (char)toupper((unsigned char)*c) : *c;
        upper = 0;
    }
    buf[n] = '\0';
}

/* The parameter name of argument j of f: camel_name(), made unique within the method by
 * appending the argument's position when two arguments would collide. */
static void param_name_of(const alvh_func *f, size_t j, char *buf, size_t size)
{
    char other[64];
    camel_name(f->args[j].name, buf, size);
    for (size_t k = 0; k < f->nargs; ++k) {
        if (k == j)
            continue;
        camel_name(f->args[k].name, other, sizeof other);
        if (strcmp(buf, other) == 0) {
            size_t len = strlen(buf);
            snprintf(buf + len, size - len, "%zu", j + 1);
            return;
        }
    }
}

static int valid_method_name(const char *name)
{
    if (!isupper((unsigned char)name[0]))
        return 0;
    for (const char *c = name; *c; ++c)
        if (!isupper((unsigned char)*c) && !isdigit((unsigned char)*c) && *c != '_')
            return 0;
    return 1;
}

/* ---- generated files ------------------------------------------------------------------------ */

static const char k_banner[] = "generated by alvh_addin_gen from the function table; do not edit";

/* The UNO parameters of f after the caller, as ", <type> <name>" (IDL or C++ types), or the
 * UnoArg expressions call() takes, separated by ", ". */
typedef enum { PARAMS_IDL, PARAMS_CXX, PARAMS_ARGS } params_form;

/* One parameter of gen_params: "<sep>[in] <type> <name><suffix>" or "<sep>UnoArg(...)". */
static void gen_param(buffer *b, params_form form, const char *sep, uno_type t, const char *pname,
                      const char *suffix, int item)
{
    if (form == PARAMS_ARGS)
        bprintf(b, "%sUnoArg(%s%s%s)", sep, pname, suffix, item ? ", UnoArg::Item" : "");
    else
        bprintf(b, "%s%s%s %s%s", sep, form == PARAMS_IDL ? "[in] " : "",
                form == PARAMS_IDL ? idl_type(t) : cxx_type(t), pname, suffix);
}

static void gen_params(buffer *b, const alvh_func *f, params_form form)
{
    const char *sep = form == PARAMS_ARGS ? "" : ", ";
    for (size_t j = 0; j < f->nargs; ++j) {
        char pname[64], suffix[24];
        param_name_of(f, j, pname, sizeof pname);
        uno_type t = arg_uno_type(&f->args[j]);
        if (t == UNO_VARARGS)
            for (size_t k = 1; k <= varargs_slots(f); ++k) {
                snprintf(suffix, sizeof suffix, "%zu", k);
                gen_param(b, form, sep, UNO_ANY, pname, suffix, 1);
                sep = ", ";
            }
        gen_param(b, form, sep, t, pname, t == UNO_VARARGS ? "Rest" : "", 0);
        sep = ", ";
    }
}

static void gen_interface(buffer *b)
{
    bprintf(b, "/* XFunctions.idl: %s. */\n", k_banner);
    bprintf(b, "#ifndef ORG_ALVHCALC_XFUNCTIONS_IDL\n#define ORG_ALVHCALC_XFUNCTIONS_IDL\n\n");
    bprintf(b, "#include <com/sun/star/beans/XPropertySet.idl>\n");
    bprintf(b, "#include <com/sun/star/uno/XInterface.idl>\n");
    bprintf(b, "#include <com/sun/star/lang/IllegalArgumentException.idl>\n");
    bprintf(b, "#include <com/sun/star/sheet/NoConvergenceException.idl>\n\n");
    bprintf(b, "module org { module alvhcalc {\n\n");
    bprintf(b, "/* Every ALVH Calc spreadsheet function, one method per table row. */\n");
    bprintf(b, "interface XFunctions : com::sun::star::uno::XInterface\n{\n");
    size_t n = alvh_table_size();
    for (size_t i = 0; i < n; ++i) {
        const alvh_func *f = alvh_table_get(i);
        bprintf(b, "    /* %s */\n    any %s( [in] com::sun::star::beans::XPropertySet xCaller",
                f->summary, f->name);
        gen_params(b, f, PARAMS_IDL);
        bprintf(b, " )\n        raises( com::sun::star::lang::IllegalArgumentException,\n"
                   "                com::sun::star::sheet::NoConvergenceException );\n");
    }
    bprintf(b, "};\n\n}; };\n\n#endif\n");
}

static void gen_service(buffer *b)
{
    bprintf(b, "/* Functions.idl: %s. */\n", k_banner);
    bprintf(b, "#ifndef ORG_ALVHCALC_FUNCTIONS_IDL\n#define ORG_ALVHCALC_FUNCTIONS_IDL\n\n");
    bprintf(b, "#include <org/alvhcalc/XFunctions.idl>\n\n");
    bprintf(b, "module org { module alvhcalc {\n\n");
    bprintf(b, "/* The Calc add-in service; Calc stores formulas as ORG.ALVHCALC.FUNCTIONS.<NAME>. */\n");
    bprintf(b, "service Functions : XFunctions;\n\n}; };\n\n#endif\n");
}

static void gen_methods(buffer *b)
{
    bprintf(b, "// functions_methods.inc: %s.\n", k_banner);
    bprintf(b, "// Included inside class FunctionsImpl; each method hands its arguments and its table\n");
    bprintf(b, "// row to call(), which holds every conversion.\n");
    size_t n = alvh_table_size();
    for (size_t i = 0; i < n; ++i) {
        const alvh_func *f = alvh_table_get(i);
        bprintf(b, "css::uno::Any SAL_CALL %s("
                   "const css::uno::Reference< css::beans::XPropertySet >& xCaller", f->name);
        gen_params(b, f, PARAMS_CXX);
        bprintf(b, ") override\n{\n    return call(%zu, xCaller, {", i);
        gen_params(b, f, PARAMS_ARGS);
        bprintf(b, "});\n}\n");
    }
}

static void gen_names(buffer *b)
{
    bprintf(b, "// functions_names.inc: %s.\n", k_banner);
    bprintf(b, "// The table names in method order; the component checks them against the table.\n");
    size_t n = alvh_table_size();
    for (size_t i = 0; i < n; ++i)
        bprintf(b, "\"%s\",\n", alvh_table_get(i)->name);
}

static void json_string(buffer *b, const char *s)
{
    bprintf(b, "\"");
    for (; s && *s; ++s) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            bprintf(b, "\\%c", c);
        else if (c < 0x20)
            bprintf(b, "\\u%04x", c);
        else
            bprintf(b, "%c", c);
    }
    bprintf(b, "\"");
}

static const char *uno_type_word(uno_type t)
{
    switch (t) {
    case UNO_DOUBLE: return "double";
    case UNO_MATRIX: return "matrix";
    case UNO_DOUBLE_MATRIX: return "doublematrix";
    case UNO_VARARGS: return "varargs";
    default: return "any";
    }
}

static const char *shape_word(alvh_shape s)
{
    switch (s) {
    case ALVH_SHAPE_ROW: return "row";
    case ALVH_SHAPE_COLUMN: return "column";
    case ALVH_SHAPE_MATRIX: return "matrix";
    default: return "scalar";
    }
}

static void gen_json(buffer *b)
{
    bprintf(b, "{\"service\": \"org.alvhcalc.Functions\", \"functions\": [\n");
    size_t n = alvh_table_size();
    for (size_t i = 0; i < n; ++i) {
        const alvh_func *f = alvh_table_get(i);
        bprintf(b, "%s{\"name\": ", i ? ",\n" : "");
        json_string(b, f->name);
        bprintf(b, ", \"category\": ");
        json_string(b, f->category);
        bprintf(b, ", \"shape\": \"%s\", \"args\": [", shape_word(f->shape));
        for (size_t j = 0; j < f->nargs; ++j) {
            const alvh_arg_spec *s = &f->args[j];
            bprintf(b, "%s{\"name\": ", j ? ", " : "");
            json_string(b, s->name);
            bprintf(b, ", \"type\": \"%s\", \"uno\": \"%s\", \"optional\": %s",
                    alvh_arg_type_key(s->type), uno_type_word(arg_uno_type(s)),
                    s->optional ? "true" : "false");
            if (arg_uno_type(s) == UNO_VARARGS) /* the any parameters before the sequence */
                bprintf(b, ", \"slots\": %zu", varargs_slots(f));
            bprintf(b, "}");
        }
        bprintf(b, "], \"examples\": ");
        json_string(b, f->examples);
        bprintf(b, "}");
    }
    bprintf(b, "\n]}\n");
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: alvh_addin_gen OUTDIR\n", stderr);
        return 2;
    }
    size_t n = alvh_table_size();
    for (size_t i = 0; i < n; ++i) {
        const alvh_func *f = alvh_table_get(i);
        if (!valid_method_name(f->name)) {
            fprintf(stderr, "alvh_addin_gen: table name %s is not UPPER_SNAKE\n", f->name);
            return 1;
        }
        for (size_t j = 0; j < f->nargs; ++j)
            if (f->args[j].type == ALVH_ARG_VARARGS && j + 1 != f->nargs) {
                fprintf(stderr, "alvh_addin_gen: %s: varargs must be the last argument\n",
                        f->name);
                return 1;
            }
    }
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/idl/org/alvhcalc", argv[1]);
    if (make_dirs(dir) != 0) {
        fprintf(stderr, "alvh_addin_gen: cannot create %s: %s\n", dir, strerror(errno));
        return 1;
    }
    struct {
        const char *name;
        void (*gen)(buffer *);
    } files[] = {
        {"idl/org/alvhcalc/XFunctions.idl", gen_interface},
        {"idl/org/alvhcalc/Functions.idl", gen_service},
        {"functions_methods.inc", gen_methods},
        {"functions_names.inc", gen_names},
        {"functions.json", gen_json},
    };
    for (size_t k = 0; k < sizeof files / sizeof files[0]; ++k) {
        buffer b = {NULL, 0, 0, 0};
        files[k].gen(&b);
        snprintf(path, sizeof path, "%s/%s", argv[1], files[k].name);
        int rc = -1;
        if (b.failed)
            fprintf(stderr, "alvh_addin_gen: out of memory writing %s\n", path);
        else
            rc = write_if_changed(path, &b);
        free(b.data);
        if (rc != 0)
            return 1;
    }
    return 0;
}
