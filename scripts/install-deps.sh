#!/usr/bin/env bash
# Installs every package Quarry needs to build, test and run on Debian 12 (bookworm) or newer.
# Idempotent: installs only what is missing. Needs root or sudo.
#   scripts/install-deps.sh --list   prints the package names, one a line, and installs nothing
# CTest's test_build_dependencies checks that every Debian package the configured build uses is listed
# here or pulled in by a listed package.
set -euo pipefail

packages=(
  build-essential cmake ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6opengl6-dev libqt6sql6-sqlite libgl-dev
  # A team's shared project on PostgreSQL: Qt's QPSQL driver, and the server the store tests start on a
  # private socket (tests/core/PostgresTestServer).
  libqt6sql6-psql postgresql
  # Qt's own translations (qtbase_de.qm: the buttons of Qt's dialogs in the German interface); data
  # files the program loads at run time, which test_build_dependencies cannot see in the build.
  qt6-translations-l10n
  libtorch-dev libopenblas0-pthread
  # c10d data-parallel training: ProcessGroupGloo.hpp includes gloo's headers (libtorch links libgloo0).
  libgloo-dev
  # Data quality checks (core/quality): xxHash for word and shingle hashes.
  libxxhash-dev
  libquazip1-qt6-dev libspdlog-dev libsqlite3-dev
  nlohmann-json3-dev libutf8proc-dev libsentencepiece-dev zlib1g-dev
  # The Debian package (packaging/) and its test (tests/package/test_debian_package.sh): icons rendered
  # from the SVG, dpkg-shlibdeps and file for CPack, and the checkers.
  librsvg2-bin dpkg-dev file lintian appstream desktop-file-utils shared-mime-info man-db
)

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
