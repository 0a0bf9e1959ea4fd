"""The saved flat XML made compact: the templates' array formulas run over 10,080 rows, and Calc
writes every cell of an array formula's range with its cached value, one element per cell, even
an empty text ("") and even in rows that repeat the one above. That made a template tens of
megabytes. compact() drops the cached empty text of array-formula cells (an array's cell without
a cached value reads as empty, which is what "" shows, until the next recalculation computes it),
drops the rows of an embedded chart's cached data that hold no value, then writes runs of
identical cells once (table:number-columns-repeated) and runs of identical
rows once (table:number-rows-repeated), as ODF 1.3 part 3 (9.1.2, 9.1.3) allows; Calc itself
does the same for empty rows. Rows holding merged cells are left as they are."""
import re

# A cell whose only content is an empty paragraph: an array formula's cached "" (the origin
# cell, which holds the formula, is never matched: it has a table:formula attribute).
EMPTY_TEXT = re.compile(r'<table:table-cell((?: table:style-name="[^"]*")?)>\s*<text:p/>\s*'
                        r'</table:table-cell>')
CELL = re.compile(r'<table:table-cell((?: table:number-columns-repeated="(\d+)")?'
                  r'((?: table:[a-z-]+="[^"]*")*))/>')
# A row of an embedded chart's local table (its cached copy of the cells it plots) that holds no
# value: the row number as its label, then NaN for every series (a cell with no number). The
# chart reads its cell ranges again when the document opens; the copy is not needed for them.
CHART_NAN_ROW = re.compile(r'<table:table-row>\s*<table:table-cell office:value-type="string">'
                           r'\s*<text:p>\d+</text:p>\s*</table:table-cell>(?:\s*<table:table-cell '
                           r'office:value-type="float" office:value="NaN">\s*<text:p>NaN</text:p>'
                           r'\s*</table:table-cell>)+\s*</table:table-row>\s*')
ROW = re.compile(r'(<table:table-row[^>]*>)(.*?)(</table:table-row>)', re.S)
ROW_REPEAT = re.compile(r' table:number-rows-repeated="(\d+)"')


def _cells(row_body):
    """Runs of identical empty cells (<table:table-cell .../>) in a row's body written once."""
    out, last, count, pos = [], None, 0, 0
    pieces = []
    for m in CELL.finditer(row_body):
        gap = row_body[pos:m.start()]
        pos = m.end()
        attrs = m.group(3)
        n = int(m.group(2) or 1)
        if last is not None and not gap.strip() and attrs == last:
            count += n
            continue
        if last is not None:
            pieces.append((last, count))
        pieces.append(gap)
        last, count = attrs, n
    if last is not None:
        pieces.append((last, count))
    pieces.append(row_body[pos:])
    for p in pieces:
        if isinstance(p, tuple):
            attrs, n = p
            rep = f' table:number-columns-repeated="{n}"' if n > 1 else ""
            out.append(f"<table:table-cell{rep}{attrs}/>")
        else:
            out.append(p)
    return "".join(out)


def compact(text):
    text = CHART_NAN_ROW.sub("", text)
    text = EMPTY_TEXT.sub(r"<table:table-cell\1/>", text)
    out, pos = [], 0
    prev = None  # [head without repeat, body, tail, count]

    def flush():
        if prev:
            head, body, tail, n = prev
            if n > 1:
                head = head.replace("<table:table-row", f'<table:table-row '
                                    f'table:number-rows-repeated="{n}"', 1)
            out.append(head + body + tail)

    for m in ROW.finditer(text):
        gap = text[pos:m.start()]
        pos = m.end()
        head, body, tail = m.group(1), _cells(m.group(2)), m.group(3)
        rep = ROW_REPEAT.search(head)
        n = int(rep.group(1)) if rep else 1
        head = ROW_REPEAT.sub("", head)
        mergeable = "spanned" not in body and "covered-table-cell" not in body
        if (prev and not gap.strip() and mergeable and prev[0] == head and prev[1] == body):
            prev[3] += n
            continue
        flush()
        out.append(gap)
        prev = [head, body, tail, n] if mergeable else None
        if not mergeable:
            out.append(head.replace("<table:table-row", f'<table:table-row '
                                    f'table:number-rows-repeated="{n}"', 1) if n > 1 else head)
            out.append(body + tail)
    flush()
    out.append(text[pos:])
    return "".join(out)
