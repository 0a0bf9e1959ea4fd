// formula_tokens.hxx: what a Calc formula's tokens (XFormulaTokens) say, for "Save a copy for
// sharing" (snapshot.cxx): whether it calls an ALVH function, which cells it refers to, and the
// =ALVH_ERROR(...) formula that explains one of its calls.
//
// An ALVH call is an external-function token named org.alvhcalc.Functions.<NAME> (how Calc hands
// an add-in call to the API). References are SingleReference / ComplexReference tokens whose
// Relative* fields count from the formula's cell; the cells of an array formula other than its
// first hold one matrix-reference token to the first. A named expression is read through its
// own tokens (recursively). Op-codes are Calc's internal numbers: they are asked from the
// document (FormulaOpCodeMapper), never written down here.
#ifndef ALVH_ADDIN_FORMULA_TOKENS_HXX
#define ALVH_ADDIN_FORMULA_TOKENS_HXX

#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include <rtl/ustring.hxx>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/FormulaToken.hpp>
#include <com/sun/star/uno/Sequence.hxx>

namespace alvh_share
{
// A cell: sheet index, column, row (0-based); ordered sheet by sheet, row by row.
struct Pos
{
    sal_Int32 sheet, col, row;
    bool operator<(const Pos& o) const
    {
        return std::tie(sheet, row, col) < std::tie(o.sheet, o.row, o.col);
    }
    bool operator==(const Pos& o) const
    {
        return sheet == o.sheet && col == o.col && row == o.row;
    }
};

// A block of cells, possibly over several sheets (inclusive bounds).
struct Box
{
    sal_Int32 s0, s1, c0, c1, r0, r1;
    bool holds(const Pos& p) const
    {
        return p.sheet >= s0 && p.sheet <= s1 && p.col >= c0 && p.col <= c1 && p.row >= r0
               && p.row <= r1;
    }
};

// What a formula's tokens say about it.
struct FormulaFacts
{
    bool direct = false; // calls an ALVH function (itself or through a named expression)
    bool opaque = false; // refers to cells that cannot be known without evaluating it:
                         // INDIRECT, OFFSET, a database range, a label, an unknown name
    std::vector<Box> refs; // the cells it refers to
};

// One ALVH call inside a formula: its function name and its argument tokens [first, last).
struct Call
{
    rtl::OUString name;
    sal_Int32 first, last;
};

class FormulaReader
{
public:
    // Reads the document's op-codes and named expressions (global and per sheet).
    explicit FormulaReader(const css::uno::Reference<css::frame::XModel>& doc);

    FormulaFacts facts(const css::uno::Sequence<css::sheet::FormulaToken>& tokens,
                       const Pos& at) const;

    // The ALVH calls of a formula, innermost first (the order Calc evaluates them).
    std::vector<Call> alvh_calls(const css::uno::Sequence<css::sheet::FormulaToken>& tokens) const;

    // The call alone, =<NAME>(<its argument tokens>), or with explain its explanation,
    // =ALVH_ERROR("<NAME>"; <its argument tokens>); references made absolute and
    // three-dimensional so that it means the same in any cell of any sheet.
    css::uno::Sequence<css::sheet::FormulaToken>
    call_formula(const Call& call, const css::uno::Sequence<css::sheet::FormulaToken>& tokens,
                 const Pos& at, bool explain) const;

private:
    struct OpCodes
    {
        sal_Int32 push, external, name, db_area, col_row_name, spaces, whitespace;
        sal_Int32 open, close, sep, indirect, offset;
    };
    OpCodes m_op;
    std::map<std::pair<sal_Int32, sal_Int32>, css::uno::Sequence<css::sheet::FormulaToken>>
        m_names; // (sheet, or -1 for a global name; token index) -> the name's tokens

    void read_opcodes(const css::uno::Reference<css::frame::XModel>& doc);
    void read_names(const css::uno::Reference<css::frame::XModel>& doc);
    void analyse(const css::uno::Sequence<css::sheet::FormulaToken>& tokens, const Pos& at,
                 FormulaFacts& f, int depth) const;
};

} // namespace alvh_share

#endif
