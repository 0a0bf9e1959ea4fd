// formula_tokens.cxx: see formula_tokens.hxx.

#include "formula_tokens.hxx"

#include <algorithm>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/ComplexReference.hpp>
#include <com/sun/star/sheet/FormulaLanguage.hpp>
#include <com/sun/star/sheet/FormulaMapGroup.hpp>
#include <com/sun/star/sheet/FormulaMapGroupSpecialOffset.hpp>
#include <com/sun/star/sheet/NameToken.hpp>
#include <com/sun/star/sheet/ReferenceFlags.hpp>
#include <com/sun/star/sheet/SingleReference.hpp>
#include <com/sun/star/sheet/XFormulaOpCodeMapper.hpp>
#include <com/sun/star/sheet/XFormulaTokens.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

namespace alvh_share
{
namespace
{
using namespace css;
using rtl::OUString;

// The add-in's service as formula tokens name it: org.alvhcalc.Functions.<NAME>.
constexpr char k_alvh_prefix[] = "org.alvhcalc.Functions.";
constexpr int k_name_depth = 16; // named expressions using named expressions

[[noreturn]] void no_tokens()
{
    throw uno::RuntimeException("this LibreOffice does not describe its formula tokens");
}

bool is_alvh(const OUString& external_name)
{
    return external_name.startsWithIgnoreAsciiCase(OUString::createFromAscii(k_alvh_prefix));
}

Box box_of(const Pos& a, const Pos& b)
{
    return Box{std::min(a.sheet, b.sheet), std::max(a.sheet, b.sheet), std::min(a.col, b.col),
               std::max(a.col, b.col),     std::min(a.row, b.row),     std::max(a.row, b.row)};
}

// A reference token's cell, absolute, seen from the formula at position at. False for a
// reference to a deleted row, column or sheet (#REF!).
bool resolve(const sheet::SingleReference& r, const Pos& at, Pos& out)
{
    namespace rf = sheet::ReferenceFlags;
    if (r.Flags & (rf::COLUMN_DELETED | rf::ROW_DELETED | rf::SHEET_DELETED))
        return false;
    out.col = (r.Flags & rf::COLUMN_RELATIVE) ? at.col + r.RelativeColumn : r.Column;
    out.row = (r.Flags & rf::ROW_RELATIVE) ? at.row + r.RelativeRow : r.Row;
    out.sheet = (r.Flags & rf::SHEET_RELATIVE) ? at.sheet + r.RelativeSheet : r.Sheet;
    return true;
}

// The same reference written absolute and with its sheet, so it means the same from anywhere.
sheet::SingleReference absolute(const sheet::SingleReference& r, const Pos& at)
{
    namespace rf = sheet::ReferenceFlags;
    Pos p{};
    if (!resolve(r, at, p))
        return r;
    sheet::SingleReference a = r;
    a.Column = p.col;
    a.Row = p.row;
    a.Sheet = p.sheet;
    a.RelativeColumn = a.RelativeRow = a.RelativeSheet = 0;
    a.Flags = (r.Flags & ~(rf::COLUMN_RELATIVE | rf::ROW_RELATIVE | rf::SHEET_RELATIVE))
              | rf::SHEET_3D;
    return a;
}

sheet::FormulaToken token(sal_Int32 op, const uno::Any& data)
{
    sheet::FormulaToken t;
    t.OpCode = op;
    t.Data = data;
    return t;
}

} // namespace

FormulaReader::FormulaReader(const uno::Reference<frame::XModel>& doc) : m_op{}
{
    read_opcodes(doc);
    read_names(doc);
}

void FormulaReader::read_opcodes(const uno::Reference<frame::XModel>& doc)
{
    uno::Reference<sheet::XFormulaOpCodeMapper> mapper(
        uno::Reference<lang::XMultiServiceFactory>(doc, uno::UNO_QUERY_THROW)
            ->createInstance("com.sun.star.sheet.FormulaOpCodeMapper"),
        uno::UNO_QUERY_THROW);
    const uno::Sequence<sheet::FormulaOpCodeMapEntry> special = mapper->getAvailableMappings(
        sheet::FormulaLanguage::API, sheet::FormulaMapGroup::SPECIAL);
    auto at = [&](sal_Int32 offset) {
        if (offset >= special.getLength())
            no_tokens();
        return special[offset].Token.OpCode;
    };
    namespace off = sheet::FormulaMapGroupSpecialOffset;
    m_op.push = at(off::PUSH);
    m_op.external = mapper->getOpCodeExternal();
    m_op.name = at(off::NAME);
    m_op.db_area = at(off::DB_AREA);
    m_op.col_row_name = at(off::COL_ROW_NAME);
    m_op.spaces = at(off::SPACES);
    m_op.whitespace = at(off::WHITESPACE);
    const OUString names[] = {"(", ")", ";", "INDIRECT", "OFFSET"};
    const uno::Sequence<sheet::FormulaToken> t
        = mapper->getMappings(uno::Sequence<OUString>(names, 5), sheet::FormulaLanguage::API);
    if (t.getLength() != 5)
        no_tokens();
    m_op.open = t[0].OpCode;
    m_op.close = t[1].OpCode;
    m_op.sep = t[2].OpCode;
    m_op.indirect = t[3].OpCode;
    m_op.offset = t[4].OpCode;
}

// Named expressions, global (sheet -1) and per sheet, by the index their tokens use.
void FormulaReader::read_names(const uno::Reference<frame::XModel>& doc)
{
    auto add = [&](const uno::Reference<beans::XPropertySet>& owner, sal_Int32 sheet) {
        uno::Reference<container::XIndexAccess> names(owner->getPropertyValue("NamedRanges"),
                                                      uno::UNO_QUERY);
        for (sal_Int32 i = 0; names.is() && i < names->getCount(); ++i) {
            uno::Reference<beans::XPropertySet> props(names->getByIndex(i), uno::UNO_QUERY);
            uno::Reference<sheet::XFormulaTokens> tokens(props, uno::UNO_QUERY);
            sal_Int32 index = -1;
            if (props.is() && tokens.is() && (props->getPropertyValue("TokenIndex") >>= index))
                m_names[{sheet, index}] = tokens->getTokens();
        }
    };
    add(uno::Reference<beans::XPropertySet>(doc, uno::UNO_QUERY_THROW), -1);
    uno::Reference<container::XIndexAccess> sheets(
        uno::Reference<sheet::XSpreadsheetDocument>(doc, uno::UNO_QUERY_THROW)->getSheets(),
        uno::UNO_QUERY_THROW);
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s)
        add(uno::Reference<beans::XPropertySet>(sheets->getByIndex(s), uno::UNO_QUERY_THROW), s);
}

FormulaFacts FormulaReader::facts(const uno::Sequence<sheet::FormulaToken>& tokens,
                                  const Pos& at) const
{
    FormulaFacts f;
    analyse(tokens, at, f, 0);
    return f;
}

void FormulaReader::analyse(const uno::Sequence<sheet::FormulaToken>& tokens, const Pos& at,
                            FormulaFacts& f, int depth) const
{
    for (const sheet::FormulaToken& t : tokens) {
        if (t.OpCode == m_op.external) {
            OUString name;
            if ((t.Data >>= name) && is_alvh(name))
                f.direct = true;
            continue;
        }
        if (t.OpCode == m_op.name) {
            sheet::NameToken n;
            auto it = (t.Data >>= n) ? m_names.find({n.Sheet, n.Index}) : m_names.end();
            if (it == m_names.end() || depth >= k_name_depth)
                f.opaque = true;
            else
                analyse(it->second, at, f, depth + 1);
            continue;
        }
        if (t.OpCode == m_op.db_area || t.OpCode == m_op.col_row_name
            || t.OpCode == m_op.indirect || t.OpCode == m_op.offset) {
            f.opaque = true;
            continue;
        }
        sheet::SingleReference single;
        sheet::ComplexReference complex;
        Pos a{}, b{};
        if (t.Data >>= single) {
            if (resolve(single, at, a))
                f.refs.push_back(box_of(a, a));
        } else if (t.Data >>= complex) {
            if (resolve(complex.Reference1, at, a) && resolve(complex.Reference2, at, b))
                f.refs.push_back(box_of(a, b));
        }
    }
}

std::vector<Call> FormulaReader::alvh_calls(const uno::Sequence<sheet::FormulaToken>& tokens) const
{
    std::vector<std::pair<sal_Int32, Call>> found; // (index of the closing parenthesis, call)
    const sal_Int32 n = tokens.getLength();
    for (sal_Int32 i = 0; i < n; ++i) {
        OUString name;
        if (tokens[i].OpCode != m_op.external || !(tokens[i].Data >>= name) || !is_alvh(name))
            continue;
        sal_Int32 open = i + 1;
        while (open < n && (tokens[open].OpCode == m_op.spaces
                            || tokens[open].OpCode == m_op.whitespace))
            ++open;
        if (open >= n || tokens[open].OpCode != m_op.open)
            continue;
        sal_Int32 depth = 0, close = open;
        for (; close < n; ++close) {
            if (tokens[close].OpCode == m_op.open)
                ++depth;
            else if (tokens[close].OpCode == m_op.close && --depth == 0)
                break;
        }
        if (close >= n)
            continue;
        found.push_back({close, Call{name.copy(name.lastIndexOf('.') + 1), open + 1, close}});
    }
    // A call ends after the calls inside it: by closing parenthesis is innermost first.
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Call> calls;
    for (auto& c : found)
        calls.push_back(std::move(c.second));
    return calls;
}

uno::Sequence<sheet::FormulaToken>
FormulaReader::call_formula(const Call& call, const uno::Sequence<sheet::FormulaToken>& tokens,
                            const Pos& at, bool explain) const
{
    const OUString prefix = OUString::createFromAscii(k_alvh_prefix);
    std::vector<sheet::FormulaToken> out;
    out.push_back(token(m_op.external, uno::Any(prefix + (explain ? "ALVH_ERROR" : call.name))));
    out.push_back(token(m_op.open, uno::Any()));
    if (explain) {
        out.push_back(token(m_op.push, uno::Any(call.name)));
        if (call.first < call.last)
            out.push_back(token(m_op.sep, uno::Any()));
    }
    for (sal_Int32 i = call.first; i < call.last; ++i) {
        sheet::FormulaToken t = tokens[i];
        sheet::SingleReference single;
        sheet::ComplexReference complex;
        if (t.Data >>= single) {
            t.Data <<= absolute(single, at);
        } else if (t.Data >>= complex) {
            complex.Reference1 = absolute(complex.Reference1, at);
            complex.Reference2 = absolute(complex.Reference2, at);
            t.Data <<= complex;
        }
        out.push_back(t);
    }
    out.push_back(token(m_op.close, uno::Any()));
    return uno::Sequence<sheet::FormulaToken>(out.data(), static_cast<sal_Int32>(out.size()));
}

} // namespace alvh_share
