#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, and open the workbench on the demo project.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
exec "${QUARRY_BUILD_DIR:-$root/build}/app/quarry" --demo "$@"
