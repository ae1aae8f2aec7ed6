#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, and run every test through CTest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
export QT_QPA_PLATFORM=offscreen
cd "${QUARRY_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j2 "$@"
