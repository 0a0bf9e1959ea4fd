#!/usr/bin/env python3
"""Fails when docs/scenarios.md, or the spike-day table README.md copies from it, differs from
what the build computes (tests/gen_condor_scenarios.py through the alvh CLI).

usage: check_scenarios_doc.py ALVH_BINARY REPO_ROOT [--update]
"""
import os
import subprocess
import sys

from docblocks import splice

BEGIN = "<!-- BEGIN SCENARIO TABLE (docs/scenarios.md, default hedge; do not edit) -->"
END = "<!-- END SCENARIO TABLE -->"
SECTION = "## Hedge sized by the default policy"


def main():
    alvh, root = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv
    gen = os.path.join(root, "tests", "gen_condor_scenarios.py")
    doc = subprocess.run([sys.executable, gen, alvh], check=True, capture_output=True,
                         text=True).stdout
    # The README copies the default-hedge section's body (heading excluded).
    body = doc.split(SECTION, 1)[1].split("\n## ", 1)[0]
    body = body.split("\n", 1)[1].strip("\n")
    stale = []
    doc_path = os.path.join(root, "docs", "scenarios.md")
    if open(doc_path, encoding="utf-8").read() != doc:
        stale.append(doc_path)
        if update:
            open(doc_path, "w", encoding="utf-8").write(doc)
    readme_path = os.path.join(root, "README.md")
    readme = open(readme_path, encoding="utf-8").read()
    new, good = splice(readme, BEGIN, END, body, readme_path, update)
    if not good and update:
        return 1  # the markers are missing (splice said so)
    if not good or new != readme:
        stale.append(readme_path)
        if update:
            open(readme_path, "w", encoding="utf-8").write(new)
    if stale and not update:
        print("stale: " + ", ".join(stale) + f"\nrun: /usr/bin/python3 {sys.argv[0]} {alvh} {root} --update")
        print("scenarios doc: 0 passed, 1 failed")
        return 1
    print("scenarios doc: 1 passed, 0 failed" if not stale else "updated: " + ", ".join(stale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
