#!/bin/bash
# ALVH Calc in one command: installs what is missing, builds, installs the add-in into a private
# LibreOffice profile (never your own), opens every template in sheets/ headless with its sample
# inputs, recalculates, exports one PDF report of all sheets (build/demo/alvh-demo.pdf) and
# prints the layer schedule and key figures to the terminal.
#
#   scripts/demo.sh            from the repository root (or anywhere: it finds the root)
#
# Works as root (the office runs as root too, the .oxt installed through its ExtensionManager)
# and as a normal user (apt-get through sudo only when a package is missing). Every office process it
# starts is stopped before it exits, also on failure or Ctrl-C.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${ALVH_BUILD_DIR:-$ROOT/build}
OUT=$BUILD/demo
JOBS=${ALVH_JOBS:-2}

step() { printf '\n== %s\n' "$*"; }

step "Dependencies (scripts/install-deps.sh)"
"$ROOT/scripts/install-deps.sh"

step "Build ($BUILD)"
# A demo does not stop at a compiler warning (scripts/test.sh builds with -Werror).
mkdir -p "$BUILD"
if ! { cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DALVH_WERROR=OFF \
                 -DALVH_BUILD_ADDIN=ON -DALVH_SANITIZE=OFF &&
       cmake --build "$BUILD" -j"$JOBS" --target alvh oxt; } >"$BUILD/demo-build.log" 2>&1; then
  tail -40 "$BUILD/demo-build.log" >&2
  echo "build failed; the whole log is $BUILD/demo-build.log" >&2
  exit 1
fi
echo "built $BUILD/cli/alvh and $BUILD/addin/alvh.oxt (log: $BUILD/demo-build.log)"

step "Templates in headless Calc (private profile, add-in installed with unopkg)"
mkdir -p "$OUT"
shopt -s nullglob
# The Calc templates (.ots) the build packs from sheets/*.fods, as alvh.oxt ships them.
templates=("$BUILD/addin/oxt/templates/ALVH Calc"/*.ots)
if [ ${#templates[@]} -eq 0 ]; then
  echo "no templates in $BUILD/addin/oxt/templates/ALVH Calc" >&2
  exit 1
fi
/usr/bin/python3 "$ROOT/sheets/demo.py" --oxt "$BUILD/addin/alvh.oxt" --out "$OUT" "${templates[@]}"

step "Done"
echo "Open a template yourself: install $BUILD/addin/alvh.oxt (Tools > Extension Manager), then"
echo "File > New > Templates > ALVH Calc (or open $BUILD/addin/oxt/templates/ALVH Calc/*.ots):"
echo "each opens as a new untitled document, saved as .ods."
