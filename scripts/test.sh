#!/bin/bash
# The README's test command: installs dependencies, builds everything with warnings as errors,
# and runs every test (unit, golden, and the calc tests that drive a real headless Calc).
#   scripts/test.sh [ctest args...]      e.g.  scripts/test.sh -L unit
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${ALVH_BUILD_DIR:-$ROOT/build}
"$ROOT/scripts/install-deps.sh" --gui   # --gui: the GUI test's Xvfb, xdotool, ImageMagick
cmake -S "$ROOT" -B "$BUILD" -DALVH_WERROR=ON -DALVH_BUILD_ADDIN=ON -DALVH_SANITIZE=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc)"
cd "$BUILD"
ctest --output-on-failure "$@"
