#!/usr/bin/env bash
# Configures and builds Quarry into build/ (Release, two jobs: the CI machine has two cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${QUARRY_BUILD_DIR:-$root/build}
jobs=${QUARRY_JOBS:-2}
export CCACHE_BASEDIR="$root"
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=${QUARRY_BUILD_TYPE:-Release} "$@"
cmake --build "$build_dir" -j"$jobs"
