#!/usr/bin/env bash
# Builds the Debian package with CPack and checks it as a site that installs software only as packages
# would get it:
#   1. control fields: name, the version of CMake's project(VERSION), every run-time dependency;
#   2. lintian reports no error (its warnings are printed);
#   3. appstreamcli validate and desktop-file-validate pass on the files the package ships, and the
#      metainfo's newest release and the Debian changelog carry the package's version;
#   4. the package's MIME XML makes *.quarry an application/x-quarry-project (a sub-class of SQLite), in a
#      scratch shared-mime-info database read by Qt's QMimeDatabase as a file manager reads it;
#   5. unpacked with `dpkg -x` into a scratch root: quarry-cli init, import of the shipped demo corpus and
#      stats; with the shared fixtures ($QUARRY_SHARED_DIR), one epoch of the DeBERTa-v3 fixture folder
#      (its spm.model read through the package's SentencePiece shim, not the build tree's); `quarry
#      --help` with no display; the shipped manual pages equal what --man prints; quarry --demo
#      (offscreen) opens the demo project;
#   6. every shared object those runs loaded (plugins opened by name included, seen through LD_DEBUG) is
#      installed by the package's Depends on a machine that has nothing else: the Depends, their Depends
#      and so on, taking the first of "a | b" as apt does, plus the Essential and required packages.
#
#   test_debian_package.sh <build-dir> <source-dir> <version> <mime-probe>
set -euo pipefail

build=${1:?usage: test_debian_package.sh <build-dir> <source-dir> <version> <mime-probe>}
source_dir=${2:?}
version=${3:?}
mime_probe=${4:?}

if ! command -v dpkg-deb >/dev/null || ! command -v dpkg-query >/dev/null; then
  echo "SKIP: not a Debian system (no dpkg)"
  exit 77
fi
missing_tools=()
for tool in cpack:cmake dpkg-shlibdeps:dpkg-dev file:file lintian:lintian appstreamcli:appstream \
  desktop-file-validate:desktop-file-utils update-mime-database:shared-mime-info; do
  command -v "${tool%%:*}" >/dev/null || missing_tools+=("${tool#*:}")
done
if [ ${#missing_tools[@]} -gt 0 ]; then
  echo "FAIL: missing tools; scripts/install-deps.sh installs them: ${missing_tools[*]}" >&2
  exit 1
fi

tmp=$(mktemp -d)
gui_pid=
cleanup() {
  if [ -n "$gui_pid" ]; then kill "$gui_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
step() { echo; echo "== $* (at ${SECONDS}s)"; }

# ---- 1. The package and its control fields -----------------------------------------------------------
step "cpack -G DEB"
# CTest runs on a finished build. With the Makefile generator cpack first runs `make preinstall`, which
# re-checks every target (most of a minute on two cores); the Ninja generator has no such step, so naming
# it makes cpack install what is built, as it is (no ninja program is needed for that).
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" -D CPACK_CMAKE_GENERATOR=Ninja >"$tmp/cpack.log" 2>&1 || {
  cat "$tmp/cpack.log"
  echo "FAIL: cpack"
  exit 1
}
deb=$(find "$tmp/out" -maxdepth 1 -name 'quarry_*.deb' | head -n 1)
[ -n "$deb" ] || { cat "$tmp/cpack.log"; echo "FAIL: cpack made no quarry_*.deb"; exit 1; }
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "quarry_${version}_${arch}.deb" ] || fail "package file $(basename "$deb"), expected quarry_${version}_${arch}.deb"
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb -I "$deb"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = quarry ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), CMake's project version is $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends=$(field Depends)
# What the programs load by name, which dpkg-shlibdeps cannot see, and what they link.
for p in libqt6sql6-sqlite libopenblas0-pthread libqt6svg6 libqt6widgets6 libqt6sql6 libtorch1.13 libsentencepiece0; do
  grep -qE "(^|, )$p( |,|$)" <<<"$depends" || fail "Depends lacks $p"
done

# ---- 2. lintian ----------------------------------------------------------------------------------------
step "lintian"
lintian_rc=0
lintian --fail-on error --tag-display-limit 0 "$deb" >"$tmp/lintian.log" 2>&1 || lintian_rc=$?
cat "$tmp/lintian.log"
if [ "$lintian_rc" -ne 0 ] || grep -q '^E: ' "$tmp/lintian.log"; then fail "lintian reports errors"; fi
echo "lintian: $(grep -c '^E: ' "$tmp/lintian.log" || true) errors, $(grep -c '^W: ' "$tmp/lintian.log" || true) warnings"

# ---- 3. Desktop files --------------------------------------------------------------------------------
root=$tmp/root
dpkg -x "$deb" "$root"
share=$root/usr/share
app_id=io.github.quarry.Quarry
step "appstreamcli validate"
appstreamcli validate --no-net --explain "$share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
step "desktop-file-validate"
desktop-file-validate "$share/applications/$app_id.desktop" || fail "desktop-file-validate"

release=$(sed -n -E 's/.*<release version="([^"]+)".*/\1/p' "$share/metainfo/$app_id.metainfo.xml" | head -n 1)
[ "$release" = "$version" ] || fail "the metainfo's newest release is '$release', the package is $version"
changelog_version=$(zcat "$share/doc/quarry/changelog.gz" | sed -n -E '1s/^quarry \(([^)]+)\).*/\1/p')
[ "$changelog_version" = "$version" ] || fail "the changelog's newest entry is '$changelog_version', the package is $version"
# The screenshot the metainfo points at is the one the package ships, at the size the metainfo states.
shot=$share/doc/quarry/main-window.png
if [ -f "$shot" ]; then
  size=$(file -b "$shot" | sed -n -E 's/.*, ([0-9]+) x ([0-9]+),.*/width="\1" height="\2"/p')
  grep -q "<image type=\"source\" $size>" "$share/metainfo/$app_id.metainfo.xml" ||
    fail "the metainfo's screenshot size is not the shipped PNG's ($size)"
else
  fail "no screenshot in /usr/share/doc/quarry"
fi
for size in 16 22 24 32 48 64 128 256 512; do
  png=$share/icons/hicolor/${size}x${size}/apps/$app_id.png
  file -b "$png" 2>/dev/null | grep -q "PNG image data, $size x $size" || fail "no ${size}x${size} icon"
done
[ -f "$share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "no scalable icon"

# ---- 4. The MIME type ----------------------------------------------------------------------------------
step "MIME type"
grep -q '^MimeType=application/x-quarry-project;$' "$share/applications/$app_id.desktop" ||
  fail "the desktop file does not open application/x-quarry-project"
mkdir -p "$tmp/mime/mime/packages"
cp /usr/share/mime/packages/freedesktop.org.xml "$share/mime/packages/$app_id.xml" "$tmp/mime/mime/packages/"
XDG_DATA_DIRS=$tmp/mime update-mime-database "$tmp/mime/mime" >"$tmp/mime.log" 2>&1 || { cat "$tmp/mime.log"; fail "update-mime-database"; }
if [ -s "$tmp/mime.log" ]; then cat "$tmp/mime.log"; fail "update-mime-database complained"; fi

# ---- 5. The programs, run from the unpacked root -------------------------------------------------------
cli=$root/usr/bin/quarry-cli
gui=$root/usr/bin/quarry
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data XDG_CONFIG_HOME=$tmp/home/config XDG_CACHE_HOME=$tmp/home/cache
export XDG_RUNTIME_DIR=$tmp/home/runtime
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$tmp/ld"
chmod 700 "$XDG_RUNTIME_DIR"
unset QT_PLUGIN_PATH LD_LIBRARY_PATH DISPLAY WAYLAND_DISPLAY
export LC_ALL=C.UTF-8 LANGUAGE=
traced() {  # traced <name> <program> <args...>: runs it with the dynamic loader's file log under $tmp/ld
  local name=$1
  shift
  LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld/$name" "$@"
}

step "quarry-cli init / import / stats"
project=$tmp/work/demo.quarry
mkdir -p "$tmp/work"
traced init "$cli" init "$project" --schema "$share/quarry/demo/schema.json" || fail "quarry-cli init"
traced import "$cli" import "$project" "$share/quarry/demo/documents.jsonl" --format jsonl || fail "quarry-cli import"
traced stats "$cli" stats "$project" --json | tee "$tmp/stats.json" || fail "quarry-cli stats"
grep -qE '"documents": 60,' "$tmp/stats.json" || fail "stats: expected the demo's 60 documents"
grep -qE '"DISEASE": [1-9]' "$tmp/stats.json" || fail "stats: expected DISEASE spans"

step "quarry-cli reads a SentencePiece tokenizer"
shim=$(find "$root" -name libquarry_spm_shim.so | head -n 1)
[ -n "$shim" ] || fail "the package lacks libquarry_spm_shim.so"
deberta=${QUARRY_SHARED_DIR:-$source_dir/../shared}/fixtures/models/deberta-v3-sequence-classification
if [ -f "$deberta/spm.model" ]; then
  for i in 1 2 3 4 5 6; do
    printf '{"text": "the team won the match %s", "cats": {"sports": true, "finance": false}}\n' "$i"
    printf '{"text": "the bank lent money %s", "cats": {"sports": false, "finance": true}}\n' "$i"
  done >"$tmp/work/labels.jsonl"
  traced deberta "$cli" train --task classify --train "$tmp/work/labels.jsonl" --dev "$tmp/work/labels.jsonl" \
    --model "$deberta" --output "$tmp/work/deberta" --set epochs=1 >"$tmp/deberta.log" 2>&1 ||
    { cat "$tmp/deberta.log"; fail "quarry-cli train --model (DeBERTa-v3, spm.model)"; }
  grep -qF "file=$shim [0];  dynamically loaded by $cli" "$tmp"/ld/deberta* ||
    fail "quarry-cli did not load the package's $shim"
else
  echo "note: no DeBERTa-v3 fixture at $deberta (set QUARRY_SHARED_DIR): SentencePiece not exercised"
fi

step "MIME type of a project"
cp "$project" "$tmp/work/copy.db"
type_quarry=$(XDG_DATA_DIRS=$tmp/mime XDG_DATA_HOME=$tmp/none "$mime_probe" "$project")
type_db=$(XDG_DATA_DIRS=$tmp/mime XDG_DATA_HOME=$tmp/none "$mime_probe" "$tmp/work/copy.db")
echo "demo.quarry: $type_quarry"
echo "copy.db:     $type_db"
[ "$type_quarry" = "application/x-quarry-project < application/vnd.sqlite3" ] || fail "a .quarry file is $type_quarry"
[ "${type_db%% *}" = "application/vnd.sqlite3" ] || fail "an SQLite file not named .quarry is $type_db"

step "quarry --help / --version without a display"
"$gui" --help >"$tmp/gui-help.txt" 2>&1 || { cat "$tmp/gui-help.txt"; fail "quarry --help"; }
grep -q -- '--demo' "$tmp/gui-help.txt" || fail "quarry --help does not list --demo"
[ "$("$gui" --version 2>&1)" = "quarry $version" ] || fail "quarry --version: $("$gui" --version 2>&1)"
[ "$("$cli" --version 2>&1)" = "quarry-cli $version" ] || fail "quarry-cli --version"

step "manual pages"
for program in quarry quarry-cli; do
  page=$share/man/man1/$program.1.gz
  [ -f "$page" ] || { fail "no $page"; continue; }
  # The date line is the build's; everything else must be what the program prints now.
  diff <(zcat "$page" | sed 1d) <("$root/usr/bin/$program" --man | sed 1d) >/dev/null ||
    fail "$program.1 differs from $program --man"
done
if command -v man >/dev/null; then
  for program in quarry quarry-cli; do
    warnings=$(MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$share/man/man1/$program.1.gz" 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || { echo "$warnings"; fail "groff warns about $program.1"; }
  done
fi

step "quarry --demo (offscreen)"
QT_QPA_PLATFORM=offscreen LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld/gui" "$gui" --demo >"$tmp/gui.log" 2>&1 &
gui_pid=$!
for _ in $(seq 1 240); do
  grep -q 'opened project' "$tmp/gui.log" && break
  kill -0 "$gui_pid" 2>/dev/null || break
  sleep 0.25
done
# A moment for the first paint (fonts, icons) after the window shows.
sleep 1
kill "$gui_pid" 2>/dev/null || true
wait "$gui_pid" 2>/dev/null || true
gui_pid=
cat "$tmp/gui.log"
demo_project=$XDG_DATA_HOME/Quarry/quarry/demo/quarry-demo.quarry
grep -qF "opened project $demo_project" "$tmp/gui.log" || fail "quarry --demo did not open $demo_project"
"$cli" stats "$demo_project" --json | grep -qE '"documents": 60,' || fail "the GUI's demo project lacks the 60 documents"

# ---- 6. Everything loaded comes from the declared dependencies ------------------------------------------
step "what the programs loaded"
# Plugins and other objects opened by name (dlopen), then what they and the programs link. Qt also asks
# for CPU-specific variants (libqsqlite.so.avx2) that do not exist: only files that do count.
cat "$tmp"/ld/* | sed -n -E 's/.*file=(\/[^ ]+) \[[0-9]+\];  dynamically loaded by.*/\1/p' | sort -u |
  while IFS= read -r f; do if [ -f "$f" ]; then echo "$f"; fi; done >"$tmp/dlopened"
echo "opened by name:"
sed 's/^/  /' "$tmp/dlopened"
for object in "$cli" "$gui" $(cat "$tmp/dlopened"); do
  ldd "$object" | sed -n -E 's/.*=> (\/[^ ]+) .*/\1/p'
  case "$object" in "$root"/*) ;; *) echo "$object" ;; esac
done | sort -u >"$tmp/loaded"
echo "$(wc -l <"$tmp/loaded") shared objects"

# Each file's package: by its real path (libblas.so.3 is an alternatives link), else by the path itself,
# each also under its other merged-/usr name. One dpkg -S for all (it reads the whole file database).
while IFS= read -r f; do
  for c in "$(readlink -f "$f")" "$f"; do printf '%s\t%s\n%s\t%s\n%s\t%s\n' "$f" "$c" "$f" "${c#/usr}" "$f" "/usr$c"; done
done <"$tmp/loaded" >"$tmp/candidates"
cut -f2 "$tmp/candidates" | sort -u | xargs -r -d '\n' dpkg -S 2>/dev/null | grep -v '^diversion' >"$tmp/dpkg-S" || true
awk -F'\t' '
  FNR == NR { i = index($0, ": "); p = substr($0, 1, i - 1); sub(/,.*/, "", p); sub(/:[a-z0-9]+$/, "", p); owner[substr($0, i + 2)] = p; next }
  !($1 in done) && ($2 in owner) { done[$1] = 1; print owner[$2] " " $1 }
  { all[$1] = 1 }
  END { for (f in all) if (!(f in done)) print "? " f }' "$tmp/dpkg-S" "$tmp/candidates" >"$tmp/owned-all"
grep -v '^? ' "$tmp/owned-all" >"$tmp/owners" || true
while read -r _ f; do fail "$f is loaded but belongs to no Debian package"; done < <(grep '^? ' "$tmp/owned-all" || true)

# The closure of the Depends as apt installs them on a bare machine: the first alternative of each group
# (a virtual name: its installed providers), recursively, plus the Essential and required packages.
dpkg-query -W -f='${Package}\t${Provides}\t${Depends}, ${Pre-Depends}\t${Essential}\t${Priority}\t${db:Status-Abbrev}\n' >"$tmp/installed"
tr ',' '\n' <<<"$depends" | awk -F'\t' '
  FNR == NR { d = $0; sub(/\|.*/, "", d); sub(/\(.*\)/, "", d); sub(/:[a-z0-9]+/, "", d); gsub(/[ \t]/, "", d); if (d != "") queue[++tail] = d; next }
  $6 !~ /^ii/ { next }
  {
    pkg = $1; deps[pkg] = $3; provides[pkg] = pkg
    n = split($2, a, ",")
    for (i = 1; i <= n; i++) { x = a[i]; sub(/\(.*\)/, "", x); gsub(/ /, "", x); if (x != "") provides[x] = provides[x] " " pkg }
    if ($4 == "yes" || $5 == "required") closure[pkg] = 1
  }
  END {
    head = 1
    while (head <= tail) {
      name = queue[head++]
      if (!(name in provides)) { closure[name] = 1; continue }
      m = split(provides[name], ps, " ")
      for (j = 1; j <= m; j++) {
        p = ps[j]
        if (p == "" || (p in seen)) continue
        seen[p] = 1; closure[p] = 1
        k = split(deps[p], groups, ",")
        for (i = 1; i <= k; i++) {
          d = groups[i]; sub(/\|.*/, "", d); sub(/\(.*\)/, "", d); sub(/:[a-z0-9]+/, "", d); gsub(/[ \t]/, "", d)
          if (d != "") queue[++tail] = d
        }
      }
    }
    for (p in closure) print p
  }' - "$tmp/installed" | sort -u >"$tmp/closure"
awk 'NR == FNR { ok[$1] = 1; next } !($1 in ok)' "$tmp/closure" "$tmp/owners" >"$tmp/undeclared"
echo "the loaded objects come from $(cut -d' ' -f1 "$tmp/owners" | sort -u | wc -l) packages;" \
  "the Depends install $(wc -l <"$tmp/closure") (with the Essential and required ones)"
if [ -s "$tmp/undeclared" ]; then
  echo "loaded, but no declared dependency installs their package:"
  sed 's/^/  /' "$tmp/undeclared"
  fail "undeclared run-time dependencies"
fi
grep -q '^libqt6sql6-sqlite .*/sqldrivers/libqsqlite.so$' "$tmp/owners" || fail "the SQLite driver was not loaded from libqt6sql6-sqlite"
grep -q '^libopenblas0-pthread .*libblas.so.3$' "$tmp/owners" ||
  echo "note: this machine's libblas.so.3 is not OpenBLAS ($(grep 'libblas.so.3$' "$tmp/owners" || echo none))"

echo
if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "the package $(basename "$deb") passes"
