// functions.cxx: the ALVH Calc add-in, the UNO component behind every spreadsheet function.
//
// Glue only, no mathematics: a generated method per table row (functions_methods.inc) hands its
// UNO arguments and its row index to call(), which converts them to alvh_values, runs
// alvh_call(), and converts the result back or maps the status to the exception Calc shows:
//   ALVH_E_NO_CONVERGENCE      -> sheet::NoConvergenceException   (cell shows Err:523)
//   every other failing status -> lang::IllegalArgumentException  (cell shows Err:502)
// Nothing else escapes: anything unexpected (bad_alloc, a foreign exception) becomes
// IllegalArgumentException, so a formula can never take the office down.
//
// Calc's Function Wizard text comes from the same table at run time (XAddIn below).
//
// Values: an any argument is void (omitted), a double (numbers, booleans, dates, and an empty
// cell, which Calc passes as 0), a string, or a sequence< sequence< any > > (a range or inline
// array). An empty string is an empty value, like the CLI's "" and JSON null: Calc 7.4 passes
// the empty cells of a range as "". Results: a 1x1 result is a scalar any (double or string;
// a "no value" cell is void, which Calc shows as #N/A); larger results are a
// sequence< sequence< any > > whose "no value" cells hold Calc's #N/A error value (see na()).
//
// Threading: stateless apart from the locale; alvh_call() is reentrant.

#include <cmath>
#include <cstdint>
#include <cstring>
#include <forward_list>
#include <initializer_list>
#include <new>
#include <vector>

#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>
#include <osl/thread.h>
#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/NoConvergenceException.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <org/alvhcalc/XFunctions.hpp>

#include "alvh/table.h"

namespace
{
using namespace css;
using rtl::OString;
using rtl::OUString;

// The names are a compatibility contract: files store ORG.ALVHCALC.FUNCTIONS.<NAME>.
constexpr char k_service_name[] = "org.alvhcalc.Functions";
constexpr char k_implementation_name[] = "org.alvhcalc.FunctionsImpl";
constexpr char k_addin_service[] = "com.sun.star.sheet.AddIn";
// Calc knows a fixed list of categories (sc/source/core/tool/addincol.cxx lcl_GetCategory) and
// puts any other name in "Add-In", which it shares with the Analysis add-in's engineering
// functions (BESSELJ, IMSUM, ...). A category of our own is impossible, so: Financial.
constexpr char k_category[] = "Financial";
// Calc's limit on the arguments of a call; a varargs argument is expanded to reach it
// (CALC_MAX_ARGS in alvh_addin_gen.c, which generated the methods).
constexpr size_t k_calc_max_args = ALVH_MAX_CALL_ARGS;

const char* const k_generated_names[] = {
#include "functions_names.inc"
};
constexpr size_t k_generated_count = sizeof k_generated_names / sizeof k_generated_names[0];

// True when the generated methods match the table this component links (they are generated
// from it in the same build; this guards against a stale build tree).
bool generated_matches_table()
{
    if (alvh_table_size() != k_generated_count)
        return false;
    for (size_t i = 0; i < k_generated_count; ++i)
        if (std::strcmp(alvh_table_get(i)->name, k_generated_names[i]) != 0)
            return false;
    return true;
}

// #N/A as a cell value inside an array result: Calc encodes an error in a matrix cell as a
// quiet NaN whose low 32 payload bits hold the FormulaError code (formula/errorcodes.hxx
// CreateDoubleError; NotAvailable = 0x7fff). A void element is worse than an empty cell: Calc
// shows it blank but COUNT counts it and arithmetic reads it as 0 (measured on 7.4).
double na()
{
    const std::uint64_t bits = UINT64_C(0x7ff8000000000000) | UINT64_C(0x7fff);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

// One argument as the generated method received it; no copy. An Item is one argument of a
// varargs function, declared as an any parameter of its own (see alvh_addin_gen.c: Calc
// repeats a call once per array element when an array sits past the declared parameters);
// VarArgs is the sequence< any > that takes any arguments past those.
class UnoArg
{
public:
    enum Kind { Double, AnyValue, Matrix, VarArgs, DoubleMatrix, VarArgItem };
    enum ItemTag { Item };
    UnoArg(double d) : m_kind(Double), m_number(d) {}
    UnoArg(const uno::Sequence<uno::Sequence<double>>& m) : m_kind(DoubleMatrix), m_doubles(&m) {}
    UnoArg(const uno::Any& a) : m_kind(AnyValue), m_any(&a) {}
    UnoArg(const uno::Any& a, ItemTag) : m_kind(VarArgItem), m_any(&a) {}
    UnoArg(const uno::Sequence<uno::Sequence<uno::Any>>& m) : m_kind(Matrix), m_matrix(&m) {}
    UnoArg(const uno::Sequence<uno::Any>& v) : m_kind(VarArgs), m_varargs(&v) {}

    Kind kind() const { return m_kind; }
    double number() const { return m_number; }
    const uno::Any& any() const { return *m_any; }
    const uno::Sequence<uno::Sequence<uno::Any>>& matrix() const { return *m_matrix; }
    const uno::Sequence<uno::Any>& varargs() const { return *m_varargs; }
    const uno::Sequence<uno::Sequence<double>>& doubles() const { return *m_doubles; }

private:
    Kind m_kind;
    union {
        double m_number;
        const uno::Any* m_any;
        const uno::Sequence<uno::Sequence<uno::Any>>* m_matrix;
        const uno::Sequence<uno::Any>* m_varargs;
        const uno::Sequence<uno::Sequence<double>>* m_doubles;
    };
};

// Storage for the text and range cells of one call's alvh_values. forward_list: stable
// addresses, and nothing is allocated for calls with numeric arguments only.
struct ArgStore
{
    std::forward_list<OString> texts;
    std::forward_list<std::vector<alvh_value>> ranges;
};

alvh_value empty_value()
{
    alvh_value v;
    std::memset(&v, 0, sizeof v);
    return v;
}

alvh_value number_value(double x)
{
    alvh_value v = empty_value();
    v.kind = ALVH_NUMBER;
    v.number = x;
    return v;
}

alvh_value text_value(const OUString& s, ArgStore& store)
{
    store.texts.push_front(OUStringToOString(s, RTL_TEXTENCODING_UTF8));
    alvh_value v = empty_value();
    v.kind = ALVH_TEXT;
    v.text = store.texts.front().getStr();
    return v;
}

// A scalar element: void, a number (any numeric type or boolean) or a string; an empty string
// is an empty value (Calc 7.4 passes the empty cells of a range as ""). Returns false for
// anything else.
bool scalar_value(const uno::Any& a, alvh_value& v, ArgStore& store)
{
    switch (a.getValueTypeClass()) {
    case uno::TypeClass_VOID:
        v = empty_value();
        return true;
    case uno::TypeClass_BOOLEAN:
        v = number_value(*static_cast<const sal_Bool*>(a.getValue()) ? 1.0 : 0.0);
        return true;
    case uno::TypeClass_HYPER:
        v = number_value(static_cast<double>(*static_cast<const sal_Int64*>(a.getValue())));
        return true;
    case uno::TypeClass_UNSIGNED_HYPER:
        v = number_value(static_cast<double>(*static_cast<const sal_uInt64*>(a.getValue())));
        return true;
    case uno::TypeClass_BYTE:
    case uno::TypeClass_SHORT:
    case uno::TypeClass_UNSIGNED_SHORT:
    case uno::TypeClass_LONG:
    case uno::TypeClass_UNSIGNED_LONG:
    case uno::TypeClass_FLOAT:
    case uno::TypeClass_DOUBLE: {
        double d = 0.0;
        if (!(a >>= d)) // lossless widening to double, defined for exactly these types
            return false;
        v = number_value(d);
        return true;
    }
    case uno::TypeClass_STRING: {
        const OUString& s = *static_cast<const OUString*>(a.getValue());
        v = s.isEmpty() ? empty_value() : text_value(s, store);
        return true;
    }
    default:
        return false;
    }
}

alvh_value range_value(const uno::Sequence<uno::Sequence<uno::Any>>& m, ArgStore& store,
                       bool& ok)
{
    size_t rows = static_cast<size_t>(m.getLength()), cols = 0;
    for (const auto& row : m)
        if (static_cast<size_t>(row.getLength()) > cols)
            cols = static_cast<size_t>(row.getLength());
    store.ranges.emplace_front(rows * cols, empty_value()); // ragged rows: missing cells empty
    std::vector<alvh_value>& cells = store.ranges.front();
    ok = true;
    for (size_t r = 0; r < rows; ++r) {
        const uno::Sequence<uno::Any>& row = m[static_cast<sal_Int32>(r)];
        for (size_t c = 0; c < static_cast<size_t>(row.getLength()); ++c)
            ok = scalar_value(row[static_cast<sal_Int32>(c)], cells[r * cols + c], store) && ok;
    }
    alvh_value v = empty_value();
    v.kind = ALVH_RANGE;
    v.rows = rows;
    v.cols = cols;
    v.cells = cells.data();
    return v;
}

// A double array (a NUMBER_ARRAY argument): every cell a number; Calc has already turned empty and
// text cells into 0, which is the table's NUMBER_ARRAY rule. Ragged rows: missing cells are 0 too.
alvh_value doubles_value(const uno::Sequence<uno::Sequence<double>>& m, ArgStore& store)
{
    size_t rows = static_cast<size_t>(m.getLength()), cols = 0;
    for (const auto& row : m)
        if (static_cast<size_t>(row.getLength()) > cols)
            cols = static_cast<size_t>(row.getLength());
    store.ranges.emplace_front(rows * cols, number_value(0.0));
    std::vector<alvh_value>& cells = store.ranges.front();
    for (size_t r = 0; r < rows; ++r) {
        const uno::Sequence<double>& row = m[static_cast<sal_Int32>(r)];
        const double* d = row.getConstArray();
        for (size_t c = 0; c < static_cast<size_t>(row.getLength()); ++c)
            cells[r * cols + c].number = d[c];
    }
    alvh_value v = empty_value();
    v.kind = ALVH_RANGE;
    v.rows = rows;
    v.cols = cols;
    v.cells = cells.data();
    return v;
}

// An any argument: a scalar ("" counts as omitted), or a range / inline array.
bool any_value(const uno::Any& a, alvh_value& v, ArgStore& store)
{
    if (scalar_value(a, v, store))
        return true;
    uno::Sequence<uno::Sequence<uno::Any>> m;
    if (!(a >>= m))
        return false;
    bool ok = true;
    v = range_value(m, store, ok);
    return ok;
}

uno::Any cell_any(const alvh_value& c, bool in_array)
{
    switch (c.kind) {
    case ALVH_NUMBER:
        return uno::Any(c.number);
    case ALVH_TEXT:
        return uno::Any(OUString(c.text, static_cast<sal_Int32>(std::strlen(c.text)),
                                 RTL_TEXTENCODING_UTF8));
    default:
        return in_array ? uno::Any(na()) : uno::Any();
    }
}

// The calling document's folder, for alvh_call_context: asked for only when an argument names a
// relative policy file. Calc passes the document's model as the hidden first parameter of every
// method (a parameter of type XPropertySet; sc/source/core/tool/addincol.cxx); its XModel URL
// is the document's location, empty until the document is saved.
class DocumentFolder
{
public:
    explicit DocumentFolder(const uno::Reference<beans::XPropertySet>& caller) : m_caller(caller)
    {
    }
    static const char* get(void* user)
    {
        return static_cast<DocumentFolder*>(user)->folder();
    }

private:
    const uno::Reference<beans::XPropertySet>& m_caller;
    OString m_folder;
    bool m_asked = false;

    const char* folder()
    {
        if (!m_asked) {
            m_asked = true;
            try {
                uno::Reference<frame::XModel> model(m_caller, uno::UNO_QUERY);
                OUString url = model.is() ? model->getURL() : OUString();
                OUString path;
                if (url.startsWithIgnoreAsciiCase("file:")
                    && osl::FileBase::getSystemPathFromFileURL(url, path)
                           == osl::FileBase::E_None) {
                    sal_Int32 slash = path.lastIndexOf('/');
                    if (slash >= 0)
                        m_folder = OUStringToOString(path.copy(0, slash > 0 ? slash : 1),
                                                     osl_getThreadTextEncoding());
                }
            } catch (...) {
                m_folder.clear(); // no document, no folder: a relative path is refused
            }
        }
        return m_folder.isEmpty() ? nullptr : m_folder.getStr();
    }
};

// Releases an alvh_result on every path out of call().
struct ResultGuard
{
    alvh_result r;
    ResultGuard() { alvh_result_init(&r); }
    ~ResultGuard() { alvh_result_free(&r); }
    ResultGuard(const ResultGuard&) = delete;
    ResultGuard& operator=(const ResultGuard&) = delete;
};

class FunctionsImpl : public cppu::WeakImplHelper4<org::alvhcalc::XFunctions, sheet::XAddIn,
                                                   lang::XServiceName, lang::XServiceInfo>
{
public:
    FunctionsImpl() : m_consistent(generated_matches_table()) {}

    // ---- XFunctions: one generated method per table row ------------------------------------
#include "functions_methods.inc"

    // ---- XAddIn: the Function Wizard reads the table --------------------------------------
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display) override
    {
        const alvh_func* f = find(display);
        return f ? ascii(f->name) : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& programmatic) override
    {
        const alvh_func* f = find(programmatic);
        return f ? ascii(f->name) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& programmatic) override
    {
        const alvh_func* f = find(programmatic);
        if (!f)
            return OUString();
        return sentence(f->summary) + " Returns: " + sentence(f->result_doc);
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& programmatic, sal_Int32 arg) override
    {
        sal_Int32 item = 0;
        const alvh_arg_spec* s = find_arg(programmatic, arg, item);
        if (!s)
            return OUString();
        if (s->type != ALVH_ARG_VARARGS)
            return utf8(s->name);
        // The items of a varargs argument, one parameter each; the sequence takes the rest.
        return item > 0 ? utf8(s->name) + " " + OUString::number(item) : "more " + utf8(s->name);
    }
    OUString SAL_CALL getArgumentDescription(const OUString& programmatic, sal_Int32 arg) override
    {
        sal_Int32 item = 0;
        const alvh_arg_spec* s = find_arg(programmatic, arg, item);
        if (!s)
            return OUString();
        OUString text = sentence(s->description);
        if (s->type == ALVH_ARG_VARARGS)
            return text;
        if (!s->optional)
            return s->type == ALVH_ARG_NUMBER || s->type == ALVH_ARG_RANGE
                           || s->type == ALVH_ARG_NUMBER_ARRAY
                       ? text
                       : text + " Required.";
        if (s->default_text)
            return text + " Optional; default " + utf8(s->default_text) + ".";
        if (s->type == ALVH_ARG_NUMBER)
            return text + " Optional; default " + OUString::number(s->default_number) + ".";
        return text + " Optional.";
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override
    {
        return ascii(k_category);
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override
    {
        return ascii(k_category);
    }

    // ---- XLocalizable (XAddIn's base): English only ----------------------------------------
    void SAL_CALL setLocale(const lang::Locale& locale) override { m_locale = locale; }
    lang::Locale SAL_CALL getLocale() override { return m_locale; }

    // ---- XServiceName, XServiceInfo ---------------------------------------------------------
    OUString SAL_CALL getServiceName() override { return ascii(k_service_name); }
    OUString SAL_CALL getImplementationName() override { return ascii(k_implementation_name); }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        uno::Sequence<OUString> names(2);
        names[0] = ascii(k_service_name);
        names[1] = ascii(k_addin_service);
        return names;
    }

private:
    lang::Locale m_locale;
    bool m_consistent;

    static OUString ascii(const char* s) { return OUString::createFromAscii(s); }
    static OUString utf8(const char* s)
    {
        return OUString(s, static_cast<sal_Int32>(std::strlen(s)), RTL_TEXTENCODING_UTF8);
    }

    // The table's texts without their final period; the wizard shows sentences.
    static OUString sentence(const char* s)
    {
        OUString text = utf8(s);
        return text.endsWith(".") ? text : text + ".";
    }

    static const alvh_func* find(const OUString& name)
    {
        OString ascii_name;
        if (!name.convertToString(&ascii_name, RTL_TEXTENCODING_ASCII_US,
                                  RTL_UNICODETOTEXT_FLAGS_UNDEFINED_ERROR
                                      | RTL_UNICODETOTEXT_FLAGS_INVALID_ERROR))
            return nullptr;
        return alvh_table_find(ascii_name.getStr());
    }
    // The argument spec of UNO parameter arg of a method (Calc counts the hidden caller, which
    // is parameter 0). A varargs argument spans many parameters (alvh_addin_gen.c): item is then
    // the item's number from 1, or 0 for the final sequence.
    static const alvh_arg_spec* find_arg(const OUString& programmatic, sal_Int32 arg,
                                         sal_Int32& item)
    {
        const alvh_func* f = find(programmatic);
        item = 0;
        if (!f || arg < 1)
            return nullptr;
        size_t j = static_cast<size_t>(arg - 1);
        if (j < f->nargs && f->args[j].type != ALVH_ARG_VARARGS)
            return &f->args[j];
        if (f->nargs == 0 || f->args[f->nargs - 1].type != ALVH_ARG_VARARGS || j < f->nargs - 1
            || j >= k_calc_max_args)
            return nullptr;
        // Parameters nargs-1 .. k_calc_max_args-2 are items; k_calc_max_args-1 the sequence.
        size_t k = j - (f->nargs - 1) + 1;
        if (j + 1 < k_calc_max_args)
            item = static_cast<sal_Int32>(k);
        return &f->args[f->nargs - 1];
    }

    [[noreturn]] void illegal(const OUString& message)
    {
        throw lang::IllegalArgumentException(message, static_cast<cppu::OWeakObject*>(this), 0);
    }

    // The one path every function takes: UNO arguments -> alvh_values -> alvh_call() -> result.
    uno::Any call(size_t row, const uno::Reference<beans::XPropertySet>& caller,
                  std::initializer_list<UnoArg> args)
    {
        try {
            const alvh_func* f = alvh_table_get(row);
            if (!f || !m_consistent)
                illegal("the ALVH Calc add-in does not match its function table; reinstall it");
            size_t total = 0;
            for (const UnoArg& a : args)
                total += a.kind() == UnoArg::VarArgs ? static_cast<size_t>(a.varargs().getLength())
                                                     : 1;
            ArgStore store;
            alvh_value fixed[ALVH_MAX_ARGS];
            std::vector<alvh_value> many; // only a varargs function passes more (ALVH_ERROR)
            if (total > ALVH_MAX_ARGS)
                many.resize(total);
            alvh_value* values = total > ALVH_MAX_ARGS ? many.data() : fixed;
            size_t count = 0, given = 0; // given: up to the last argument that is not void
            size_t position = 0;
            for (const UnoArg& a : args) {
                const char* name = position < f->nargs ? f->args[position].name : "arguments";
                if (a.kind() != UnoArg::VarArgItem)
                    ++position;
                alvh_value v = empty_value();
                switch (a.kind()) {
                case UnoArg::Double:
                    v = number_value(a.number());
                    break;
                case UnoArg::AnyValue:
                case UnoArg::VarArgItem:
                    if (!any_value(a.any(), v, store))
                        illegal(OUString::createFromAscii(name) + ": unsupported value");
                    break;
                case UnoArg::Matrix: {
                    bool ok = true;
                    v = range_value(a.matrix(), store, ok);
                    if (!ok)
                        illegal(OUString::createFromAscii(name) + ": unsupported value");
                    break;
                }
                case UnoArg::DoubleMatrix:
                    v = doubles_value(a.doubles(), store);
                    break;
                case UnoArg::VarArgs:
                    for (const uno::Any& item : a.varargs()) {
                        if (!any_value(item, v, store))
                            illegal(OUString::createFromAscii(name) + ": unsupported value");
                        values[count++] = v;
                        given = count;
                    }
                    continue;
                }
                values[count++] = v;
                // Calc passes the varargs items a call leaves out as void; they are not
                // arguments of the call (an empty string or an empty cell still is one).
                if (a.kind() != UnoArg::VarArgItem || a.any().hasValue())
                    given = count;
            }
            DocumentFolder folder(caller);
            alvh_call_context context = {&DocumentFolder::get, &folder};
            ResultGuard result;
            result.r.context = &context;
            alvh_status st = alvh_call(f, values, given, &result.r);
            if (st != ALVH_OK) {
                OUString message = utf8(result.r.message);
                if (st == ALVH_E_NO_CONVERGENCE)
                    throw sheet::NoConvergenceException(message,
                                                        static_cast<cppu::OWeakObject*>(this));
                illegal(message);
            }
            const alvh_result& r = result.r;
            if (r.rows == 1 && r.cols == 1)
                return cell_any(r.cells[0], false);
            uno::Sequence<uno::Sequence<uno::Any>> out(static_cast<sal_Int32>(r.rows));
            uno::Sequence<uno::Any>* out_rows = out.getArray();
            for (size_t i = 0; i < r.rows; ++i) {
                out_rows[i].realloc(static_cast<sal_Int32>(r.cols));
                uno::Any* cells = out_rows[i].getArray();
                for (size_t j = 0; j < r.cols; ++j)
                    cells[j] = cell_any(r.cells[i * r.cols + j], true);
            }
            return uno::Any(out);
        } catch (const lang::IllegalArgumentException&) {
            throw;
        } catch (const sheet::NoConvergenceException&) {
            throw;
        } catch (const std::bad_alloc&) {
            illegal("out of memory");
        } catch (...) {
            illegal("internal error in the ALVH Calc add-in");
        }
    }
};

} // namespace

// Registered by alvh.components: constructor="org_alvhcalc_FunctionsImpl_get_implementation".
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_alvhcalc_FunctionsImpl_get_implementation(uno::XComponentContext*,
                                              const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new FunctionsImpl);
}
