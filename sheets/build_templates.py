#!/usr/bin/python3
"""Builds the ALVH Calc template worksheets (sheets/*.fods) through the UNO API.

usage: /usr/bin/python3 sheets/build_templates.py --oxt build/addin/alvh.oxt --alvh build/cli/alvh
                                                  [--out sheets] [--only condor,schedule,...]
                                                  [--compare-with sheets]

Run by hand when a template changes; the .fods it writes are committed (flat XML, so they diff
in review). It starts a throwaway headless office with the add-in installed (office/), builds
each template (sheets/templates/: one module per template over a small document toolkit),
recalculates, refuses to save a template that shows an error cell, and saves .fods.
A build is reproducible (no dates are written), so --compare-with DIR can check that the
committed templates are what this script builds: it fails when a built .fods differs from
DIR's, byte for byte (CTest templates_are_current).
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))  # the repository root: office/, sheets/
from office import CalcOffice, error_cells  # noqa: E402
from sheets.templates import TEMPLATES  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--alvh", required=True)
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--only", default="", help="comma-separated template keys (default: all): "
                    + ",".join(t.key for t in TEMPLATES))
    ap.add_argument("--compare-with", default=None,
                    help="fail when a built template differs from the one in this directory")
    args = ap.parse_args()
    by_key = {t.key: t for t in TEMPLATES}
    only = [n for n in args.only.split(",") if n]
    unknown = [n for n in only if n not in by_key]
    if unknown:
        ap.error(f"--only: no template {', '.join(unknown)} (there are {', '.join(by_key)})")
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    available = set(subprocess.run([os.path.abspath(args.alvh), "list"], check=True,
                                   capture_output=True, text=True).stdout.split())
    failed = 0
    # en-US whatever the environment says: the locale decides units, formats and the default
    # paper (US Letter, the product's market) in the saved file, and the committed templates
    # must not depend on who built them (a de_DE environment changed 7000 lines).
    with CalcOffice(args.oxt, label="alvh-templates", locale="en-US") as office:
        for t in [by_key[n] for n in only] if only else TEMPLATES:
            missing = [f for f in t.needs if f not in available]
            if missing:
                print(f"skip {t.key}: the add-in lacks {', '.join(missing)}")
                continue
            book = t.build(office, os.path.abspath(args.alvh))
            book.finish(t.pages_tall)
            bad = error_cells(book.doc)
            if bad:
                failed += 1
                print(f"FAIL {t.key}: {len(bad)} error cells, first {bad[:8]}")
            name = t.file + (".fods" if not bad else ".fods.broken")
            path = os.path.join(out_dir, name)
            book.save(path)
            book.doc.close(True)
            print(f"wrote {path}")
            if args.compare_with and not bad:
                failed += not same_file(path, os.path.join(args.compare_with, t.file + ".fods"))
    return 1 if failed else 0


def same_file(built, committed):
    """True when built equals committed byte for byte; else says where they first differ."""
    try:
        with open(built, "rb") as f:
            a = f.read().splitlines()
        with open(committed, "rb") as f:
            b = f.read().splitlines()
    except OSError as e:
        print(f"FAIL compare: {e}")
        return False
    if a == b:
        print(f"ok {os.path.basename(committed)} is what the builder builds")
        return True
    line = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    print(f"FAIL {committed} is not what sheets/build_templates.py builds (first difference at "
          f"line {line + 1}): rebuild the templates and commit them")
    return False


if __name__ == "__main__":
    sys.exit(main())
