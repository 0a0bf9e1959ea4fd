// snapshot.cxx: the conversion behind "Save a copy for sharing" (see snapshot.hxx).
//
// Which cells: every formula cell's tokens are read once (formula_tokens.hxx: its ALVH calls and
// the cells it refers to). The dependents are then found by repeating "a formula that refers to
// a cell found so far is found too" over all sheets until nothing changes. Calc's own
// XFormulaQuery::queryDependents cannot do this: it looks at one sheet only and, given ranges on
// several sheets, mixes their sheets up (measured on LibreOffice 7.4).
//
// Error sentences: for an error cell whose formula calls ALVH functions, each call is written
// alone, =<NAME>(<the call's own argument tokens>), and as =ALVH_ERROR("<NAME>"; <the same>) in
// a scratch sheet (array formulas as 1x1 array formulas, so their arguments are evaluated the
// same way), its references made absolute and three-dimensional so they point where the
// original's did. The calls are tried innermost first; the first that fails alone gives the
// sentence ALVH_ERROR answers. A call whose arguments are errors is never made (Calc propagates
// the error, and ALVH_ERROR's cell shows it too), so the failing call itself is found, not a
// caller.

#include "snapshot.hxx"

#include "formula_tokens.hxx"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/drawing/XDrawPage.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaToken.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XArrayFormulaTokens.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XFormulaTokens.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include "alvh/table.h"

namespace alvh_share
{
namespace
{
using namespace css;
using rtl::OUString;

constexpr sal_Int32 k_not_available = 32767;    // FormulaError::NotAvailable: #N/A
constexpr sal_Int32 k_banner_height = 750;      // 1/100 mm
constexpr sal_Int32 k_banner_back = 0xFFE699;   // amber
constexpr sal_Int32 k_banner_text = 0x5C3A00;   // dark brown
constexpr sal_Int32 k_banner_char_width = 220; // 1/100 mm: a generous 11 pt bold character
constexpr sal_Int32 k_banner_max_cols = 60;     // the amber strip never spans more
const sal_Int32 k_content = sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME
                            | sheet::CellFlags::STRING | sheet::CellFlags::FORMULA;

[[noreturn]] void fail(const OUString& message) { throw uno::RuntimeException(message); }

// A sheet's drawing layer. XDrawPageSupplier is marked deprecated in favour of
// XDrawPagesSupplier, which a sheet does not offer: a sheet's one draw page comes from here.
uno::Reference<drawing::XDrawPage> draw_page(const uno::Reference<sheet::XSpreadsheet>& sheet)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    return uno::Reference<drawing::XDrawPageSupplier>(sheet, uno::UNO_QUERY_THROW)->getDrawPage();
#pragma GCC diagnostic pop
}

// What a frozen cell will hold.
struct Value
{
    enum Kind { Empty, Number, Text, Error } kind = Empty;
    double number = 0.0;
    OUString text; // Text: the text; Error: the sentence or the error as Calc shows it;
                   // Number: the number as the cell shows it
    bool sentence = false; // Error: text is an ALVH_ERROR sentence
};

struct Formula
{
    Pos pos;
    FormulaFacts facts;
    uno::Sequence<sheet::FormulaToken> tokens;
    bool tainted = false; // to be frozen
    Value value;
    int block = -1; // index in Snapshot::m_blocks when part of an array formula
};

struct Block // an array formula's cells
{
    Box box;
    Pos origin;
};

uno::Reference<sheet::XSpreadsheets> spreadsheets(const uno::Reference<frame::XModel>& model)
{
    uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY);
    if (!doc.is())
        fail("Save a copy for sharing works on Calc spreadsheets only");
    return doc->getSheets();
}

class Snapshot
{
public:
    explicit Snapshot(const uno::Reference<frame::XModel>& model);
    SnapshotCounts run(const OUString& banner);

private:
    uno::Reference<frame::XModel> m_model;
    uno::Reference<sheet::XSpreadsheets> m_sheets;
    uno::Reference<container::XIndexAccess> m_sheet_list;
    FormulaReader m_reader;
    std::vector<Formula> m_formulas;
    std::map<Pos, size_t> m_at;                                // position -> m_formulas index
    std::map<std::pair<sal_Int32, sal_Int32>, std::set<sal_Int32>> m_tainted_rows; // (sheet, col)
    std::vector<Block> m_blocks;
    std::vector<sal_Int32> m_protected; // sheets unprotected for the change
    SnapshotCounts m_counts;

    uno::Reference<sheet::XSpreadsheet> sheet_at(sal_Int32 index) const;
    uno::Reference<table::XCell> cell_at(const Pos& p) const;
    void unprotect();
    void protect_again();
    void scan();
    void taint();
    bool refers_to_tainted(const Formula& f) const;
    void read_values();
    int block_of(const uno::Reference<table::XCell>& cell, const Pos& p);
    void explain_errors();
    void borrow_sentences();
    void freeze();
    void keep_look(const uno::Reference<table::XCell>& cell, const OUString& shown) const;
    void add_banner(const OUString& banner);
};

Snapshot::Snapshot(const uno::Reference<frame::XModel>& model)
    : m_model(model), m_sheets(spreadsheets(model)), m_sheet_list(m_sheets, uno::UNO_QUERY_THROW),
      m_reader(model)
{
}

uno::Reference<sheet::XSpreadsheet> Snapshot::sheet_at(sal_Int32 index) const
{
    return uno::Reference<sheet::XSpreadsheet>(m_sheet_list->getByIndex(index),
                                               uno::UNO_QUERY_THROW);
}

uno::Reference<table::XCell> Snapshot::cell_at(const Pos& p) const
{
    return sheet_at(p.sheet)->getCellByPosition(p.col, p.row);
}

SnapshotCounts Snapshot::run(const OUString& banner)
{
    uno::Reference<sheet::XCalculatable> calc(m_model, uno::UNO_QUERY_THROW);
    const bool automatic = calc->isAutomaticCalculationEnabled();
    unprotect();
    calc->calculateAll(); // the values the snapshot keeps, computed by this add-in
    calc->enableAutomaticCalculation(false);
    scan();
    taint();
    read_values();
    explain_errors();
    borrow_sentences();
    freeze();
    add_banner(banner);
    calc->enableAutomaticCalculation(automatic);
    protect_again();
    return m_counts;
}

void Snapshot::unprotect()
{
    uno::Reference<util::XProtectable> doc(m_model, uno::UNO_QUERY);
    if (doc.is() && doc->isProtected()) {
        try {
            doc->unprotect(OUString());
        } catch (const lang::IllegalArgumentException&) {
            fail("the document's structure is protected with a password (Tools > Protect "
                 "Spreadsheet Structure): remove the protection and share again");
        }
        m_protected.push_back(-1);
    }
    for (sal_Int32 s = 0; s < m_sheet_list->getCount(); ++s) {
        uno::Reference<util::XProtectable> sheet(sheet_at(s), uno::UNO_QUERY_THROW);
        if (!sheet->isProtected())
            continue;
        try {
            sheet->unprotect(OUString());
        } catch (const lang::IllegalArgumentException&) {
            uno::Reference<container::XNamed> named(sheet, uno::UNO_QUERY_THROW);
            fail("sheet \"" + named->getName() + "\" is protected with a password (Tools > "
                 "Protect Sheet): remove the protection and share again");
        }
        m_protected.push_back(s);
    }
}

void Snapshot::protect_again()
{
    for (sal_Int32 s : m_protected) {
        uno::Reference<util::XProtectable> p(
            s < 0 ? uno::Reference<uno::XInterface>(m_model) : uno::Reference<uno::XInterface>(
                                                                   sheet_at(s)),
            uno::UNO_QUERY_THROW);
        p->protect(OUString());
    }
}

// Every formula cell of every sheet, its ALVH calls and references.
void Snapshot::scan()
{
    for (sal_Int32 s = 0; s < m_sheet_list->getCount(); ++s) {
        uno::Reference<sheet::XSpreadsheet> sheet = sheet_at(s);
        uno::Reference<sheet::XCellRangesQuery> query(sheet, uno::UNO_QUERY_THROW);
        const uno::Sequence<table::CellRangeAddress> ranges
            = query->queryContentCells(sheet::CellFlags::FORMULA)->getRangeAddresses();
        for (const table::CellRangeAddress& a : ranges)
            for (sal_Int32 r = a.StartRow; r <= a.EndRow; ++r)
                for (sal_Int32 c = a.StartColumn; c <= a.EndColumn; ++c) {
                    uno::Reference<sheet::XFormulaTokens> cell(sheet->getCellByPosition(c, r),
                                                               uno::UNO_QUERY_THROW);
                    Formula f;
                    f.pos = Pos{s, c, r};
                    f.tokens = cell->getTokens();
                    f.facts = m_reader.facts(f.tokens, f.pos);
                    m_formulas.push_back(std::move(f));
                }
    }
    std::sort(m_formulas.begin(), m_formulas.end(),
              [](const Formula& a, const Formula& b) { return a.pos < b.pos; });
    for (size_t i = 0; i < m_formulas.size(); ++i)
        m_at[m_formulas[i].pos] = i;
}

// The cells to freeze: ALVH calls, unfollowable references, and whatever refers to those,
// repeated until nothing changes (row order makes most chains settle in one pass).
void Snapshot::taint()
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (Formula& f : m_formulas) {
            if (f.tainted || !(f.facts.direct || f.facts.opaque || refers_to_tainted(f)))
                continue;
            f.tainted = true;
            m_tainted_rows[{f.pos.sheet, f.pos.col}].insert(f.pos.row);
            changed = true;
        }
    }
}

bool Snapshot::refers_to_tainted(const Formula& f) const
{
    for (const Box& b : f.facts.refs)
        for (sal_Int32 s = b.s0; s <= b.s1; ++s)
            for (auto it = m_tainted_rows.lower_bound({s, b.c0});
                 it != m_tainted_rows.end() && it->first.first == s && it->first.second <= b.c1;
                 ++it) {
                auto row = it->second.lower_bound(b.r0);
                if (row != it->second.end() && *row <= b.r1)
                    return true;
            }
    return false;
}

// What every cell to freeze shows now.
void Snapshot::read_values()
{
    for (Formula& f : m_formulas) {
        if (!f.tainted)
            continue;
        uno::Reference<table::XCell> cell = cell_at(f.pos);
        const sal_Int32 error = cell->getError();
        if (error == k_not_available) {
            f.value.kind = Value::Empty;
        } else if (error != 0) {
            f.value.kind = Value::Error;
            f.value.text = uno::Reference<text::XTextRange>(cell, uno::UNO_QUERY_THROW)->getString();
        } else {
            uno::Reference<sheet::XCellRangeData> data(cell, uno::UNO_QUERY_THROW);
            const uno::Any v = data->getDataArray()[0][0];
            OUString text;
            if (v >>= f.value.number) {
                f.value.kind = Value::Number;
                f.value.text
                    = uno::Reference<text::XTextRange>(cell, uno::UNO_QUERY_THROW)->getString();
            }
            else if ((v >>= text) && !text.isEmpty()) {
                f.value.kind = Value::Text;
                f.value.text = text;
            }
        }
        f.block = block_of(cell, f.pos);
    }
}

// The array formula the cell belongs to (index in m_blocks), or -1.
int Snapshot::block_of(const uno::Reference<table::XCell>& cell, const Pos& p)
{
    for (size_t i = 0; i < m_blocks.size(); ++i)
        if (m_blocks[i].box.holds(p))
            return static_cast<int>(i);
    uno::Reference<sheet::XArrayFormulaRange> array(cell, uno::UNO_QUERY);
    if (!array.is() || array->getArrayFormula().isEmpty())
        return -1;
    uno::Reference<sheet::XSheetCellCursor> cursor = sheet_at(p.sheet)->createCursorByRange(
        uno::Reference<sheet::XSheetCellRange>(cell, uno::UNO_QUERY_THROW));
    cursor->collapseToCurrentArray();
    const table::CellRangeAddress a
        = uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)
              ->getRangeAddress();
    Block b;
    b.box = Box{p.sheet, p.sheet, a.StartColumn, a.EndColumn, a.StartRow, a.EndRow};
    b.origin = Pos{p.sheet, a.StartColumn, a.StartRow};
    m_blocks.push_back(b);
    return static_cast<int>(m_blocks.size() - 1);
}

// The ALVH_ERROR sentence of every error cell that calls ALVH functions (see the top).
void Snapshot::explain_errors()
{
    // The formulas to explain: array formulas by their first cell, once.
    std::vector<size_t> todo;
    std::set<size_t> seen;
    for (const Formula& f : m_formulas) {
        if (!f.tainted || f.value.kind != Value::Error)
            continue;
        const Pos origin = f.block >= 0 ? m_blocks[static_cast<size_t>(f.block)].origin : f.pos;
        auto it = m_at.find(origin);
        if (it != m_at.end() && m_formulas[it->second].facts.direct
            && seen.insert(it->second).second)
            todo.push_back(it->second);
    }
    if (todo.empty())
        return;
    OUString name = "ALVH share scratch";
    uno::Reference<container::XNameContainer> names(m_sheets, uno::UNO_QUERY_THROW);
    for (int k = 2; names->hasByName(name); ++k)
        name = "ALVH share scratch " + OUString::number(k);
    const sal_Int32 index = m_sheet_list->getCount();
    m_sheets->insertNewByName(name, static_cast<sal_Int16>(index));
    uno::Reference<sheet::XSpreadsheet> scratch = sheet_at(index);
    // Column A: the call alone; column B: ALVH_ERROR of it. A call whose own cell shows an error
    // (not "no value") and whose ALVH_ERROR answers a text gives the sentence.
    std::vector<std::pair<size_t, sal_Int32>> placed; // (formula, scratch row)
    sal_Int32 row = 0;
    for (size_t i : todo) {
        const Formula& f = m_formulas[i];
        for (const Call& call : m_reader.alvh_calls(f.tokens)) {
            for (sal_Int32 col = 0; col < 2; ++col) {
                const uno::Sequence<sheet::FormulaToken> tokens
                    = m_reader.call_formula(call, f.tokens, f.pos, col == 1);
                if (f.block >= 0)
                    uno::Reference<sheet::XArrayFormulaTokens>(
                        scratch->getCellRangeByPosition(col, row, col, row), uno::UNO_QUERY_THROW)
                        ->setArrayTokens(tokens);
                else
                    uno::Reference<sheet::XFormulaTokens>(scratch->getCellByPosition(col, row),
                                                          uno::UNO_QUERY_THROW)
                        ->setTokens(tokens);
            }
            placed.push_back({i, row++});
        }
    }
    uno::Reference<sheet::XCalculatable>(m_model, uno::UNO_QUERY_THROW)->calculate();
    std::map<size_t, OUString> sentences;
    for (const auto& [i, r] : placed) {
        const sal_Int32 failed = scratch->getCellByPosition(0, r)->getError();
        uno::Reference<table::XCell> cell = scratch->getCellByPosition(1, r);
        if (sentences.count(i) || failed == 0 || failed == k_not_available
            || cell->getError() != 0)
            continue;
        OUString text;
        uno::Reference<sheet::XCellRangeData>(cell, uno::UNO_QUERY_THROW)->getDataArray()[0][0]
            >>= text;
        if (!text.isEmpty())
            sentences[i] = text;
    }
    names->removeByName(name);
    for (Formula& f : m_formulas) {
        if (!f.tainted || f.value.kind != Value::Error)
            continue;
        const Pos origin = f.block >= 0 ? m_blocks[static_cast<size_t>(f.block)].origin : f.pos;
        auto it = m_at.find(origin);
        auto s = it != m_at.end() ? sentences.find(it->second) : sentences.end();
        if (s != sentences.end()) {
            f.value.text = s->second;
            f.value.sentence = true;
        }
    }
}

// An error cell without a sentence of its own (it only refers to a failing cell) takes the
// sentence of the first failing cell it refers to, repeated along chains of references.
void Snapshot::borrow_sentences()
{
    std::vector<Formula*> errors;
    for (Formula& f : m_formulas)
        if (f.tainted && f.value.kind == Value::Error)
            errors.push_back(&f);
    bool changed = true;
    while (changed) {
        changed = false;
        for (Formula* f : errors) {
            if (f->value.sentence)
                continue;
            for (const Formula* g : errors) {
                if (g == f || !g->value.sentence
                    || std::none_of(f->facts.refs.begin(), f->facts.refs.end(),
                                    [&](const Box& b) { return b.holds(g->pos); }))
                    continue;
                f->value.text = g->value.text;
                f->value.sentence = true;
                changed = true;
                break;
            }
        }
    }
}

// Every tainted cell becomes what it showed. An array formula whose cells all show the same
// sentence keeps it once, in its first cell.
void Snapshot::freeze()
{
    std::vector<bool> one_sentence(m_blocks.size(), true);
    std::vector<OUString> block_text(m_blocks.size());
    for (const Formula& f : m_formulas) {
        if (!f.tainted || f.block < 0)
            continue;
        const size_t b = static_cast<size_t>(f.block);
        const bool first = block_text[b].isEmpty();
        if (f.value.kind != Value::Error || (!first && block_text[b] != f.value.text))
            one_sentence[b] = false;
        if (first)
            block_text[b] = f.value.text;
    }
    for (const Block& b : m_blocks)
        uno::Reference<sheet::XSheetOperation>(sheet_at(b.box.s0)->getCellRangeByPosition(
                                                   b.box.c0, b.box.r0, b.box.c1, b.box.r1),
                                               uno::UNO_QUERY_THROW)
            ->clearContents(k_content);
    for (const Formula& f : m_formulas) {
        if (!f.tainted)
            continue;
        uno::Reference<table::XCell> cell = cell_at(f.pos);
        Value::Kind kind = f.value.kind;
        if (f.block >= 0 && one_sentence[static_cast<size_t>(f.block)]
            && !(f.pos == m_blocks[static_cast<size_t>(f.block)].origin))
            kind = Value::Empty;
        switch (kind) {
        case Value::Number:
            cell->setValue(f.value.number);
            keep_look(cell, f.value.text);
            ++m_counts.values;
            break;
        case Value::Text:
        case Value::Error:
            uno::Reference<text::XTextRange>(cell, uno::UNO_QUERY_THROW)->setString(f.value.text);
            ++(kind == Value::Text ? m_counts.values : m_counts.errors);
            break;
        case Value::Empty:
            if (f.block < 0)
                uno::Reference<sheet::XSheetOperation>(cell, uno::UNO_QUERY_THROW)
                    ->clearContents(k_content);
            ++m_counts.empties;
            break;
        }
    }
}

// A formula's result can carry a number format of its own (a date from TODAY(), TRUE from a
// comparison, a percentage), which a "General" cell shows; the frozen value would show as a bare
// number. Then the standard format of each kind Calc infers is tried, in the cell's language,
// until the value shows as it did; none does: the cell's own format stays.
void Snapshot::keep_look(const uno::Reference<table::XCell>& cell, const OUString& shown) const
{
    uno::Reference<text::XTextRange> text(cell, uno::UNO_QUERY_THROW);
    if (text->getString() == shown)
        return;
    uno::Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY_THROW);
    const uno::Any own = props->getPropertyValue("NumberFormat");
    lang::Locale locale;
    props->getPropertyValue("CharLocale") >>= locale;
    uno::Reference<util::XNumberFormatTypes> types(
        uno::Reference<util::XNumberFormatsSupplier>(m_model, uno::UNO_QUERY_THROW)
            ->getNumberFormats(),
        uno::UNO_QUERY_THROW);
    namespace nf = util::NumberFormat;
    for (sal_Int16 kind : {nf::LOGICAL, nf::DATE, nf::DATETIME, nf::TIME, nf::PERCENT,
                           nf::CURRENCY, nf::SCIENTIFIC, nf::FRACTION}) {
        props->setPropertyValue("NumberFormat",
                                uno::Any(types->getStandardFormat(kind, locale)));
        if (text->getString() == shown)
            return;
    }
    props->setPropertyValue("NumberFormat", own);
}

// A styled row at the top of every sheet. Drawings anchored to the page stay where they are
// when rows are inserted: they move down with the cells here. A print range that started on
// the first row is extended to the banner.
void Snapshot::add_banner(const OUString& banner)
{
    for (sal_Int32 s = 0; s < m_sheet_list->getCount(); ++s) {
        uno::Reference<sheet::XSpreadsheet> sheet = sheet_at(s);
        uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
        uno::Reference<sheet::XUsedAreaCursor>(cursor, uno::UNO_QUERY_THROW)
            ->gotoEndOfUsedArea(false);
        // The amber strip: under the whole text, and at least as wide as the used area.
        sal_Int32 last_col = uno::Reference<sheet::XCellRangeAddressable>(cursor,
                                                                        uno::UNO_QUERY_THROW)
                                 ->getRangeAddress()
                                 .EndColumn;
        uno::Reference<table::XColumnRowRange> grid(sheet, uno::UNO_QUERY_THROW);
        uno::Reference<container::XIndexAccess> columns(grid->getColumns(), uno::UNO_QUERY_THROW);
        sal_Int32 width = 0, col = 0;
        for (; col < k_banner_max_cols && width < banner.getLength() * k_banner_char_width; ++col) {
            sal_Int32 w = 0;
            uno::Reference<beans::XPropertySet>(columns->getByIndex(col), uno::UNO_QUERY_THROW)
                    ->getPropertyValue("Width")
                >>= w;
            width += w;
        }
        last_col = std::min(std::max(last_col, col - 1), k_banner_max_cols - 1);
        uno::Reference<table::XTableRows> rows = grid->getRows();
        rows->insertByIndex(0, 1);
        uno::Reference<beans::XPropertySet> row(rows->getByIndex(0), uno::UNO_QUERY_THROW);
        row->setPropertyValue("Height", uno::Any(k_banner_height));
        uno::Reference<beans::XPropertySet> strip(
            sheet->getCellRangeByPosition(0, 0, last_col, 0), uno::UNO_QUERY_THROW);
        strip->setPropertyValue("CellBackColor", uno::Any(k_banner_back));
        strip->setPropertyValue("VertJustify", uno::Any(table::CellVertJustify2::CENTER));
        strip->setPropertyValue("CharColor", uno::Any(k_banner_text));
        strip->setPropertyValue("CharWeight", uno::Any(150.0f)); // awt::FontWeight::BOLD
        strip->setPropertyValue("CharHeight", uno::Any(11.0f));
        uno::Reference<text::XTextRange>(sheet->getCellByPosition(0, 0), uno::UNO_QUERY_THROW)
            ->setString(banner);
        uno::Reference<container::XIndexAccess> shapes(draw_page(sheet), uno::UNO_QUERY_THROW);
        for (sal_Int32 i = 0; i < shapes->getCount(); ++i) {
            uno::Reference<drawing::XShape> shape(shapes->getByIndex(i), uno::UNO_QUERY);
            uno::Reference<beans::XPropertySet> props(shape, uno::UNO_QUERY);
            uno::Reference<sheet::XSpreadsheet> page_anchor;
            if (!shape.is() || !props.is() || !(props->getPropertyValue("Anchor") >>= page_anchor)
                || !page_anchor.is())
                continue;
            awt::Point p = shape->getPosition();
            p.Y += k_banner_height;
            shape->setPosition(p);
        }
        uno::Reference<sheet::XPrintAreas> print(sheet, uno::UNO_QUERY_THROW);
        uno::Sequence<table::CellRangeAddress> areas = print->getPrintAreas();
        if (areas.getLength() > 0 && areas[0].StartRow == 1) {
            areas.getArray()[0].StartRow = 0;
            print->setPrintAreas(areas);
        }
        ++m_counts.sheets;
    }
}

} // namespace

SnapshotCounts make_snapshot(const uno::Reference<frame::XModel>& doc, const OUString& banner)
{
    Snapshot snapshot(doc);
    return snapshot.run(banner);
}

OUString banner_text()
{
    alvh_result r;
    alvh_result_init(&r);
    OUString version = "?";
    if (alvh_call_by_name("ALVH_VERSION", nullptr, 0, &r) == ALVH_OK && r.rows == 1
        && r.cols == 1 && r.cells[0].kind == ALVH_TEXT)
        version = OUString::createFromAscii(r.cells[0].text);
    alvh_result_free(&r);
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    char date[16] = "";
    if (localtime_r(&now, &local))
        std::strftime(date, sizeof date, "%Y-%m-%d", &local);
    return "Snapshot computed by ALVH Calc " + version + " on " + OUString::createFromAscii(date)
           + ": these are values, not live formulas. To recalculate, install the ALVH Calc "
             "add-in (alvh.oxt) and open the original sheet.";
}

} // namespace alvh_share
