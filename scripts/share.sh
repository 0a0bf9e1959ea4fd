#!/bin/bash
# Writes a shared copy of a Calc document, readable without the ALVH Calc add-in: every ALVH
# formula (and every formula depending on one) holds its value, each sheet gets a banner.
#   scripts/share.sh INPUT OUTPUT [--oxt alvh.oxt]     OUTPUT: .ods, .xlsx or .pdf
# Runs the add-in's own "Save a copy for sharing" command headless (scripts/share.py says how).
# Exit status 0 only when OUTPUT was written.
exec /usr/bin/python3 "$(dirname "$0")/share.py" "$@"
