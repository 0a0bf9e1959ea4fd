#!/usr/bin/env python3
"""Packs a flat ODF spreadsheet (.fods) as a Calc template (.ots), standard library only.

usage: fods_to_ots.py IN.fods OUT.ots

The build runs it so the extension can ship the committed templates as real Calc templates
(File > New > Templates recognises .ots, not .fods). ODF 1.3 part 2 (packages) and part 3
(schema): a flat document is the office:document root holding meta, settings, scripts,
font-face-decls, styles, automatic-styles, master-styles and body; a package splits them into
content.xml (scripts, font faces, automatic styles, body), styles.xml (font faces, styles,
automatic styles, master styles), meta.xml and settings.xml, with an uncompressed `mimetype`
first and META-INF/manifest.xml. Automatic styles go to both content.xml and styles.xml (each
part may use them; unused ones are ignored). An embedded chart, inline in a flat file
(draw:object holding an office:document), becomes a sub-document "Object N/" of the package
(content.xml, styles.xml) that the draw:object points at with xlink:href (part 2, 3.5).
"""
import os
import re
import sys
import zipfile

TEMPLATE_MIME = "application/vnd.oasis.opendocument.spreadsheet-template"


def top_level(text, tag, last_end=False):
    """The first <office:tag ...>...</office:tag> element (to the last closing tag when
    last_end, for the body that holds inline chart documents with bodies of their own)."""
    m = re.search(r"<office:%s[\s>/]" % tag, text)
    if not m:
        return ""
    start = m.start()
    head_end = text.index(">", start)
    if text[head_end - 1] == "/":
        return text[start:head_end + 1]
    close = "</office:%s>" % tag
    end = text.rindex(close) if last_end else text.index(close, start)
    return text[start:end + len(close)]


def split_document(text):
    """(namespace declarations, version, parts, media type) of a flat office:document; None
    when text has no office:document root."""
    m = re.search(r"<office:document\s([^>]*)>", text)
    if not m:
        return None
    attrs = m.group(1)
    ns = " ".join(re.findall(r'xmlns:[\w.-]+="[^"]*"', attrs))
    version = re.search(r'office:version="([^"]*)"', attrs)
    version = version.group(1) if version else "1.3"
    mime = re.search(r'office:mimetype="([^"]*)"', attrs)
    rest = text[m.end():]
    part = {t: top_level(rest, t) for t in ("meta", "settings", "scripts", "font-face-decls",
                                            "styles", "automatic-styles", "master-styles")}
    part["body"] = top_level(rest, "body", last_end=True)
    return ns, version, part, mime.group(1) if mime else ""


def package_doc(ns, version, part, root, *names):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:{root} {ns} office:version="{version}">'
            + "".join(part[n] for n in names) + f"</office:{root}>\n")


def extract_objects(text):
    """Moves every inline embedded document out of draw:object elements. Returns the new text
    and [(folder, media type, {file: xml})]."""
    objects = []
    out, pos = [], 0
    # LibreOffice writes an empty <loext:p/> before the inline document.
    pattern = re.compile(r"<draw:object(\s[^>]*)?>\s*(?:<loext:p/>\s*)?(<office:document\s)")
    while True:
        m = pattern.search(text, pos)
        if not m:
            break
        start = m.start(2)
        end = text.index("</office:document>", start) + len("</office:document>")
        inner = text[start:end]
        close = text.index("</draw:object>", end)
        folder = f"Object {len(objects) + 1}"
        ns, version, part, mime = split_document(inner)
        files = {"content.xml": package_doc(ns, version, part, "document-content",
                                            "automatic-styles", "body"),
                 "styles.xml": package_doc(ns, version, part, "document-styles", "styles")}
        objects.append((folder, mime or "application/vnd.oasis.opendocument.chart", files))
        attrs = (m.group(1) or "")
        out.append(text[pos:m.start()])
        out.append(f'<draw:object{attrs} xlink:href="./{folder}" xlink:type="simple" '
                   'xlink:show="embed" xlink:actuate="onLoad"/>')
        pos = close + len("</draw:object>")
    out.append(text[pos:])
    return "".join(out), objects


def convert(src, dst):
    text = open(src, encoding="utf-8").read()
    doc = split_document(text)
    if doc is None:
        raise SystemExit(f"{src}: not a flat ODF document (no office:document root)")
    ns, version, part, _ = doc
    part["body"], objects = extract_objects(part["body"])
    if not part["body"]:
        raise SystemExit(f"{src}: no office:body")
    files = {
        "content.xml": package_doc(ns, version, part, "document-content", "scripts",
                                   "font-face-decls", "automatic-styles", "body"),
        "styles.xml": package_doc(ns, version, part, "document-styles", "font-face-decls",
                                  "styles", "automatic-styles", "master-styles"),
        "meta.xml": package_doc(ns, version, part, "document-meta", "meta"),
        "settings.xml": package_doc(ns, version, part, "document-settings", "settings"),
    }
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                f'manifest:1.0" manifest:version="{version}">\n'
                f' <manifest:file-entry manifest:full-path="/" manifest:version="{version}" '
                f'manifest:media-type="{TEMPLATE_MIME}"/>\n'
                + "".join(f' <manifest:file-entry manifest:full-path="{n}" '
                          'manifest:media-type="text/xml"/>\n' for n in files)
                + "".join(f' <manifest:file-entry manifest:full-path="{folder}/" '
                          f'manifest:version="{version}" manifest:media-type="{mime}"/>\n'
                          + "".join(f' <manifest:file-entry manifest:full-path="{folder}/{n}" '
                                    'manifest:media-type="text/xml"/>\n' for n in parts)
                          for folder, mime, parts in objects)
                + "</manifest:manifest>\n")
    os.makedirs(os.path.dirname(os.path.abspath(dst)), exist_ok=True)
    with zipfile.ZipFile(dst, "w") as z:
        # The mimetype entry comes first and is stored uncompressed (ODF 1.3 part 2, 3.3).
        z.writestr(zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)), TEMPLATE_MIME,
                   compress_type=zipfile.ZIP_STORED)
        entries = list(files.items())
        for folder, _, parts in objects:
            entries += [(f"{folder}/{n}", body) for n, body in parts.items()]
        for name, body in entries + [("META-INF/manifest.xml", manifest)]:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), body.encode("utf-8"),
                       compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[1])
    convert(sys.argv[1], sys.argv[2])
