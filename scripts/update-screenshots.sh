#!/usr/bin/env bash
# Refreshes packaging/screenshots/main-window.png, the AppStream screenshot, from the GUI test that grabs
# the main window on the demo project (tests/ui/test_main_window, offscreen). Build first; then check the
# image, and the width and height in packaging/io.github.quarry.Quarry.metainfo.xml (test_debian_package
# compares them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${QUARRY_BUILD_DIR:-$root/build}
artefacts=$(mktemp -d)
trap 'rm -rf "$artefacts"' EXIT
QT_QPA_PLATFORM=offscreen QUARRY_SOURCE_DIR="$root" QUARRY_TEST_ARTIFACTS_DIR="$artefacts" \
  "$build_dir/tests/ui/test_main_window" screenshotOfAnnotatedDocument
cp "$artefacts/main_window_demo.png" "$root/packaging/screenshots/main-window.png"
file "$root/packaging/screenshots/main-window.png"
