#!/usr/bin/env bash
# Fails naming every Debian package that the configured build uses but scripts/install-deps.sh neither
# lists nor pulls in (through the Depends of a listed package). A package present on a developer machine
# by chance passes every other test; on a fresh machine it stops the build at configure.
#
#   check-build-dependencies.sh <build-dir> <install-deps.sh> [program ...]
#
# What the build uses:
#   - every file CMakeCache.txt records under /usr or /lib (package config folders, found libraries,
#     headers and programs, the compiler);
#   - every system library a target links (absolute paths and -l flags in the link commands);
#   - the shared libraries the named programs load (ldd).
# Each is mapped to its package with `dpkg -S`. Packages marked Essential or Priority required are on
# every Debian machine and count as present.
set -euo pipefail

build=${1:?usage: check-build-dependencies.sh <build-dir> <install-deps.sh> [program ...]}
install_deps=${2:?usage: check-build-dependencies.sh <build-dir> <install-deps.sh> [program ...]}
shift 2
programs=("$@")

if ! command -v dpkg-query >/dev/null || ! command -v dpkg >/dev/null; then
  echo "SKIP: not a Debian system (no dpkg)"
  exit 77
fi
cache="$build/CMakeCache.txt"
[ -f "$cache" ] || { echo "no CMakeCache.txt in $build: configure first" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---- 1. The files the build uses -------------------------------------------------------------------
: >"$tmp/files"
is_system() { case "$1" in /usr/local/*) return 1 ;; /usr/* | /lib/* | /lib64/* | /bin/* | /sbin/*) return 0 ;; esac; return 1; }
add_file() {
  local f=$1
  is_system "$f" || return 0
  [ -e "$f" ] || return 0
  if [ -d "$f" ]; then
    # A package config folder: the files in it say which package it is.
    find "$f" -maxdepth 1 -type f -name '*.cmake' -print -quit >>"$tmp/files"
  else
    echo "$f" >>"$tmp/files"
  fi
  # A link (libfoo.so -> libfoo.so.1.2, /usr/bin/c++ -> alternatives -> g++-12) belongs to one package and
  # its target to another: both must be installed.
  local real
  real=$(readlink -f "$f")
  if [ "$real" != "$f" ] && is_system "$real" && [ -f "$real" ]; then echo "$real" >>"$tmp/files"; fi
}

# CMakeCache.txt: the package configuration folders CMake loaded (KEY_DIR:PATH=/usr/...) and the
# compiler. Other cached paths may be optional finds (FindOpenGL records GLU and EGL whether or not a
# target uses them); what is linked is read from the link commands below.
while IFS= read -r value; do add_file "$value"; done < <(
  sed -n -E 's/^[A-Za-z0-9_.+-]+_DIR:PATH=(\/.*)$/\1/p; s/^CMAKE_CXX_COMPILER:[A-Z]+=(\/.*)$/\1/p' "$cache")

# Link commands: absolute library paths and -l flags.
compiler=$(sed -n -E 's/^CMAKE_CXX_COMPILER:[A-Z]+=(.*)$/\1/p' "$cache")
compiler=${compiler:-c++}
while IFS= read -r link; do
  for tok in $(tr ' ' '\n' <"$link" | sed -E 's/^-Wl,//' | tr ',' '\n'); do
    case "$tok" in
      /*.so | /*.so.* | /*.a) add_file "$tok" ;;
      -l*)
        name=${tok#-l}
        for cand in "lib$name.so" "lib$name.a"; do
          found=$("$compiler" -print-file-name="$cand" 2>/dev/null || true)
          if [ -n "$found" ] && [ "$found" != "$cand" ] && [ -e "$found" ]; then
            add_file "$(cd "$(dirname "$found")" && pwd)/$(basename "$found")"
            break
          fi
        done
        ;;
    esac
  done
done < <(find "$build" -name link.txt -path '*CMakeFiles*')

# Programs: the shared libraries they load.
for prog in "${programs[@]}"; do
  [ -x "$prog" ] || { echo "no program $prog" >&2; exit 1; }
  while IFS= read -r lib; do add_file "$lib"; done < <(ldd "$prog" | sed -n -E 's/.*=> (\/[^ ]+) .*/\1/p')
done

sort -u "$tmp/files" -o "$tmp/files"
nfiles=$(wc -l <"$tmp/files")

# ---- 2. The package owning each file ---------------------------------------------------------------
# dpkg records a file under the path its package shipped; with merged /usr that may be /lib/... for a
# file found as /usr/lib/..., so each file is tried under both names.
alt_name() {
  case "$1" in
    /usr/lib/*) echo "${1#/usr}" ;; /usr/bin/*) echo "${1#/usr}" ;; /usr/sbin/*) echo "${1#/usr}" ;;
    /lib/* | /bin/* | /sbin/*) echo "/usr$1" ;; *) echo "$1" ;;
  esac
}
: >"$tmp/owners"
: >"$tmp/unowned"
owners_of() {  # reads paths, writes "package path" for each owned one (one dpkg call for all)
  xargs -r -d '\n' dpkg -S 2>/dev/null | grep -v '^diversion' | while IFS= read -r line; do
    local pkgs=${line%%: /*} path=${line#*: }
    IFS=',' read -ra list <<<"$pkgs"
    for p in "${list[@]}"; do p=${p// /}; echo "${p%%:*} $path"; done
  done || true
}
owners_of <"$tmp/files" >"$tmp/owned1"
cut -d' ' -f2- "$tmp/owned1" | sort -u >"$tmp/found1"
comm -23 "$tmp/files" "$tmp/found1" >"$tmp/rest"
: >"$tmp/owned2"
if [ -s "$tmp/rest" ]; then
  while IFS= read -r f; do alt_name "$f"; done <"$tmp/rest" | owners_of >"$tmp/owned2"
fi
cat "$tmp/owned1" "$tmp/owned2" >"$tmp/owners"
cut -d' ' -f2- "$tmp/owned2" | while IFS= read -r f; do alt_name "$f"; done | sort -u >"$tmp/found2"
comm -23 "$tmp/rest" "$tmp/found2" >"$tmp/unowned"

# ---- 3. What install-deps.sh installs: its list and everything those packages depend on ------------
dpkg-query -W -f='${Package}\t${Provides}\t${Depends}, ${Pre-Depends}\t${Essential}\t${Priority}\t${db:Status-Abbrev}\n' \
  >"$tmp/installed"
listed_count=$("$install_deps" --list | grep -c .)
# Breadth-first over Depends/Pre-Depends of installed packages, alternatives and virtual names included.
"$install_deps" --list | awk -F'\t' '
  FNR == NR { if ($0 != "") queue[++tail] = $0; next }
  $6 !~ /^ii/ { next }
  {
    pkg = $1; deps[pkg] = $3
    provides[pkg] = pkg
    n = split($2, a, ",")
    for (i = 1; i <= n; i++) { x = a[i]; gsub(/^ +| +$/, "", x); sub(/ .*/, "", x); if (x != "") provides[x] = provides[x] " " pkg }
    if ($4 == "yes" || $5 == "required") base[pkg] = 1
  }
  END {
    head = 1
    while (head <= tail) {
      name = queue[head++]
      if (!(name in provides)) continue
      m = split(provides[name], ps, " ")
      for (j = 1; j <= m; j++) {
        p = ps[j]
        if (p == "" || (p in closure)) continue
        closure[p] = 1
        k = split(deps[p], items, /[,|]/)
        for (i = 1; i <= k; i++) {
          d = items[i]; sub(/\(.*\)/, "", d); sub(/:[a-z0-9]+/, "", d); gsub(/^ +| +$/, "", d)
          if (d != "" && !(d in closure)) queue[++tail] = d
        }
      }
    }
    for (p in base) closure[p] = 1
    for (p in closure) print p
  }' - "$tmp/installed" | sort -u >"$tmp/closure"

# ---- 4. The verdict ---------------------------------------------------------------------------------
sort -k1,1 -u "$tmp/owners" | awk 'NR == FNR { ok[$1] = 1; next } !($1 in ok) { print }' "$tmp/closure" - \
  >"$tmp/missing"
echo "checked $nfiles system files the build uses against $listed_count packages in $install_deps" \
     "($(wc -l <"$tmp/closure") with their dependencies and the essential ones)"
if [ -s "$tmp/unowned" ]; then
  echo "not from any Debian package (not checked):"
  sed 's/^/  /' "$tmp/unowned" | head -n 20
fi
if [ -s "$tmp/missing" ]; then
  echo "FAIL: the build uses these Debian packages, which $install_deps does not install:"
  awk '{ p = $1; $1 = ""; printf "  %s    (for%s)\n", p, $0 }' "$tmp/missing"
  exit 1
fi
echo "every package the build uses is installed by install-deps.sh"
