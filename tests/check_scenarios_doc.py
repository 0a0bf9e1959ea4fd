#!/usr/bin/env python3
"""Fails when docs/scenarios.md, or the spike-day table README.md copies from it, differs from
what the build computes (tests/gen_condor_scenarios.py through the alvh CLI).

usage: check_scenarios_doc.py ALVH_BINARY REPO_ROOT [--update]
"""
import os
import subprocess
import sys

from docblocks import check_generated

BEGIN = "<!-- BEGIN SCENARIO TABLE (docs/scenarios.md, default hedge; do not edit) -->"
END = "<!-- END SCENARIO TABLE -->"
SECTION = "## Hedge sized by the default policy"


def main():
    alvh, root = sys.argv[1], sys.argv[2]
    gen = os.path.join(root, "tests", "gen_condor_scenarios.py")
    doc = subprocess.run([sys.executable, gen, alvh], check=True, capture_output=True,
                         text=True).stdout
    # The README copies the default-hedge section's body (heading excluded).
    body = doc.split(SECTION, 1)[1].split("\n## ", 1)[0]
    body = body.split("\n", 1)[1].strip("\n")
    return check_generated([(os.path.join(root, "docs", "scenarios.md"), doc)],
                           [(os.path.join(root, "README.md"), BEGIN, END, body)],
                           "--update" in sys.argv,
                           f"/usr/bin/python3 {sys.argv[0]} {alvh} {root} --update",
                           "scenarios doc")


if __name__ == "__main__":
    sys.exit(main())
