// snapshot.hxx: turns a loaded copy of a Calc document into its shareable snapshot.
//
// Used by share.cxx ("Save a copy for sharing"); it never sees the user's own document, only a
// hidden copy loaded from a temporary file, so a failure here cannot touch the original.
#ifndef ALVH_ADDIN_SNAPSHOT_HXX
#define ALVH_ADDIN_SNAPSHOT_HXX

#include <cstddef>

#include <rtl/ustring.hxx>

#include <com/sun/star/frame/XModel.hpp>

namespace alvh_share
{
// What make_snapshot() did, for the success message and the tests.
struct SnapshotCounts
{
    std::size_t values = 0;  // cells that now hold a number or a text
    std::size_t errors = 0;  // error cells that now hold their sentence as text
    std::size_t empties = 0; // "no value" (#N/A) and empty-text cells, now empty
    std::size_t sheets = 0;  // sheets that got the banner
};

// The snapshot, in place, of doc (a spreadsheet document):
//   1. recalculates every formula (with the add-in present: it runs inside the office);
//   2. finds the formula cells that call an ALVH function (directly, nested, in an array
//      formula, through a named expression) and every formula that depends on one of them
//      through references, following references across sheets until nothing changes; a formula
//      whose references cannot be followed statically (INDIRECT, OFFSET, database ranges, label
//      references) counts as dependent;
//   3. replaces each of these cells by what it showed: a number, a text, nothing for #N/A and
//      empty texts, and for an error the sentence ALVH_ERROR gives for the first failing ALVH
//      call of its formula (innermost first), or the sentence of the first failing cell it
//      refers to, or else the error as Calc shows it ("#DIV/0!"), as text;
//   4. inserts a row at the top of every sheet holding banner (styled, the sheet's page-anchored
//      drawings moved down with the cells, print ranges starting on row 1 extended to it).
// Formats, notes, conditional formats, validity, protection and charts stay (a number whose
// formula gave it a format of its own, TRUE or a date in a "General" cell, gets the standard
// format that shows it the same way). Sheets protected
// without a password are unprotected for the change and protected again; a password-protected
// sheet or document structure is refused. Throws css::uno::RuntimeException with a sentence a
// user understands.
SnapshotCounts make_snapshot(const css::uno::Reference<css::frame::XModel>& doc,
                             const rtl::OUString& banner);

// The banner line: "Snapshot computed by ALVH Calc <version> on <YYYY-MM-DD>: ...".
rtl::OUString banner_text();

} // namespace alvh_share

#endif
