#!/bin/bash
# Installs the Debian 12 packages ALVH Calc needs to build, test and run its demo.
# Runs apt-get through sudo when not root. Skips apt entirely when everything is present,
# unless --force (CI passes it, so a fresh machine always runs `apt-get update` first).
#   scripts/install-deps.sh [--force] [--ci] [--gui]
# --ci adds what only CI uses: clang and its compiler-rt (a -Werror build under clang, whose
# warnings differ from GCC's, and the libFuzzer corpus replay of fuzz/), and --gui's packages.
# --gui adds what the GUI test (label gui) and sheets/screenshots.py use: a virtual X display,
# xdotool to type, ImageMagick's import to capture (scripts/test.sh passes it).
set -euo pipefail
PACKAGES=(
  build-essential cmake pkg-config        # C11 core, C++ glue, CMake >= 3.20
  libcjson-dev                             # JSON: policies, CLI ranges
  python3 python3-uno                      # test scripts; python3-uno drives headless Calc
  python3-mpmath                           # the core's tables are checked against their generators
  libreoffice-calc libreoffice-dev         # the office the add-in runs in, and its SDK
  fonts-liberation2 fonts-dejavu-core      # the templates' fonts (Liberation Sans; DejaVu Sans, fontconfig's
                                           # default): LibreOffice only recommends them, and without them the
                                           # templates build differently (templates_are_current fails)
  poppler-utils                            # pdftoppm: demo/template PDF pages to PNG
  zip                                      # packaging alvh.oxt
)
GUI=(xvfb xdotool imagemagick)            # test-only: the GUI test and the screenshots
FORCE=0
for arg in "$@"; do
  case $arg in
    --force) FORCE=1 ;;
    --ci) PACKAGES+=(clang libclang-rt-dev "${GUI[@]}") ;;
    --gui) PACKAGES+=("${GUI[@]}") ;;
    *) echo "install-deps.sh: unknown option $arg (use --force, --ci, --gui)" >&2; exit 2 ;;
  esac
done
SUDO=()
[ "$(id -u)" = 0 ] || SUDO=(sudo)
if [ "$FORCE" = 0 ]; then
  have=$(dpkg-query -W -f='${Status}\n' "${PACKAGES[@]}" 2>/dev/null | grep -c '^install ok installed$' || true)
  [ "$have" = "${#PACKAGES[@]}" ] && exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
