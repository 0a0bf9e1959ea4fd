#!/usr/bin/python3
"""Writes a shared copy of a Calc document: every ALVH formula (and what depends on one) replaced
by its value, a banner on every sheet; readable without the ALVH Calc add-in.

usage: scripts/share.sh INPUT OUTPUT [--oxt alvh.oxt]

INPUT is any Calc document (.ods, .fods, .xlsx, the templates); OUTPUT's extension picks the
format: .ods, .xlsx or .pdf. A throwaway headless LibreOffice with alvh.oxt installed opens INPUT
read-only and runs the add-in's own "Save a copy for sharing" command (Tools > ALVH Calc) with
OUTPUT as its URL argument (office/share.py), so this script and the menu run the same code.
INPUT is never changed. The add-in is build/addin/alvh.oxt unless --oxt or $ALVH_OXT names another.
The office runs as the calling user, root included.

Exit status: 0 when OUTPUT was written; 1 when sharing failed (the reason on stderr); 2 for a
missing input, an unwritable output, an unknown extension or a missing add-in.
"""
import argparse
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)  # office/
from office import CalcOffice, OfficeError, file_url, prop  # noqa: E402
from office.share import share_copy  # noqa: E402

FORMATS = (".ods", ".xlsx", ".pdf")
PROG = "share.sh"


def refuse(message):
    print(f"{PROG}: {message}", file=sys.stderr)
    sys.exit(2)


def check_output_folder(out):
    """Refuses (exit 2) an output that cannot be written: a missing folder, or one where no file
    can be created (tried, not guessed from permission bits: root passes every access() check,
    also on /proc or a read-only mount)."""
    folder = os.path.dirname(out)
    if not os.path.isdir(folder):
        refuse(f"cannot write {out}: the folder {folder} does not exist")
    if os.path.exists(out) and not os.access(out, os.W_OK):
        refuse(f"cannot write {out}: permission denied")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".alvh-share-"):
            pass
    except OSError as e:
        refuse(f"cannot write {out}: {e.strerror or 'the folder is not writable'} (permission denied "
               "or a folder no file can be created in)")


def main():
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n")[0])
    ap.add_argument("input", help="a Calc document")
    ap.add_argument("output", help="the shared copy: .ods, .xlsx or .pdf")
    ap.add_argument("--oxt", default=os.environ.get("ALVH_OXT",
                                                    os.path.join(ROOT, "build", "addin",
                                                                 "alvh.oxt")),
                    help="the add-in (default: $ALVH_OXT or build/addin/alvh.oxt)")
    args = ap.parse_args()
    inp, out = os.path.abspath(args.input), os.path.abspath(args.output)
    if not os.path.isfile(inp):
        refuse(f"{args.input}: no such file")
    if not os.access(inp, os.R_OK):
        refuse(f"{args.input}: permission denied")
    if os.path.splitext(out)[1].lower() not in FORMATS:
        refuse(f"{args.output}: unknown format {os.path.splitext(out)[1] or '(no extension)'!r}:"
               f" the output must end in {', '.join(FORMATS)}")
    if os.path.isdir(out):
        refuse(f"{args.output} is a folder: give the shared copy's file name")
    if os.path.exists(out) and os.path.samefile(inp, out):
        refuse(f"{args.output}: the shared copy cannot replace the original")
    if not os.path.isfile(args.oxt):
        refuse(f"{args.oxt}: no add-in there: build it (cmake --build build --target oxt) or "
               "pass --oxt")
    check_output_folder(out)
    target = out
    try:
        with CalcOffice(args.oxt, label="alvh-share") as office:
            try:
                doc = office.desktop.loadComponentFromURL(
                    file_url(inp), "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
            except Exception:  # noqa: BLE001  (a UNO IllegalArgumentException or IOException)
                doc = None
            if doc is None:
                print(f"{PROG}: LibreOffice cannot open {args.input}", file=sys.stderr)
                return 1
            ok, message = share_copy(office, doc, target)
            doc.close(True)
    except OfficeError as e:
        print(f"{PROG}: {e}", file=sys.stderr)
        return 1
    if not ok:
        print(f"{PROG}: {message}", file=sys.stderr)
        return 1
    print(f"{PROG}: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
