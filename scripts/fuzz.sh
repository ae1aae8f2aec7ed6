#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz, every fuzz_* target the build defines) into build-fuzz with
# Clang, AddressSanitizer and UBSan, and runs each for a while on its corpus, one at a time.
#
#   scripts/fuzz.sh [seconds-per-harness] [names...]     e.g. scripts/fuzz.sh 300 safetensors pytorch_bin
#
# The corpus in tests/fuzz/corpus/<name>/ is only read; inputs libFuzzer finds interesting go to
# build-fuzz/fuzz-new/<name>/ and crashing inputs to build-fuzz/fuzz-crashes/<name>/ (copy a crasher into
# the corpus once it is fixed, so that fuzz_replay_<name> keeps it fixed). Prints the executions per
# harness and exits non-zero when any harness crashed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
if [ $# -gt 0 ]; then shift; fi
build=${QUARRY_FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${QUARRY_JOBS:-2}
export CCACHE_BASEDIR="$root"

mkdir -p "$build"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DQUARRY_FUZZ=ON -DQUARRY_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo > "$build/configure.log" 2>&1 || {
  cat "$build/configure.log"
  exit 1
}

# Every libFuzzer program the build knows (fuzz_<name>, not the fuzz_replay_<name> replayers).
mapfile -t all < <(cmake --build "$build" --target help | grep -o 'fuzz_[A-Za-z0-9_]*' | grep -v -e '^fuzz_replay_' -e '_autogen' | sed 's/^fuzz_//' | sort -u)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then names=("${all[@]}"); fi
if [ ${#names[@]} -eq 0 ]; then
  echo "no fuzz_* targets in $build" >&2
  exit 1
fi
targets=()
for n in "${names[@]}"; do
  if ! printf '%s\n' "${all[@]}" | grep -qx "$n"; then
    echo "no harness named '$n' (known: ${all[*]})" >&2
    exit 1
  fi
  targets+=("fuzz_$n")
done
cmake --build "$build" -j"$jobs" --target "${targets[@]}"

# LibTorch and Qt are not instrumented (see cmake/QuarrySanitize.cmake).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:detect_container_overflow=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE

summary=()
failed=0
for n in "${names[@]}"; do
  program=$(find "$build" -type f -name "fuzz_$n" -perm -u+x | head -n 1)
  corpus="$root/tests/fuzz/corpus/$n"
  fresh="$build/fuzz-new/$n"
  crashes="$build/fuzz-crashes/$n"
  mkdir -p "$fresh" "$crashes"
  if [ ! -d "$corpus" ]; then
    echo "no corpus folder $corpus (each harness keeps its seeds there)" >&2
    summary+=("$(printf '%-20s not run: no corpus folder' "$n")")
    failed=1
    continue
  fi
  log="$build/fuzz-$n.log"
  echo "== fuzz_$n for ${seconds}s (log: $log)"
  set +e
  "$program" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 -detect_leaks=0 \
    -artifact_prefix="$crashes/" "$fresh" "$corpus" > "$log" 2>&1
  status=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)
  found=$(find "$crashes" -type f ! -name 'slow-unit-*' | wc -l)
  if [ "$status" -ne 0 ]; then
    failed=1
    tail -n 40 "$log"
  fi
  summary+=("$(printf '%-20s %12s executions  exit %d  %d crash file(s) in %s' "$n" "${runs:-?}" "$status" "$found" "$crashes")")
done
echo
echo "== executions per harness (${seconds}s each)"
printf '%s\n' "${summary[@]}"
exit $failed
