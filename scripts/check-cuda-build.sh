#!/usr/bin/env bash
# check-cuda-build.sh — compiles Quarry's engine and benches against a CUDA LibTorch 2.x on a machine
# without one (issue 17: "the CUDA paths compile against a CUDA LibTorch where one can be had").
#
#   scripts/check-cuda-build.sh [--build DIR] [--cache DIR] [--cuda-include DIR] [FILTER ...]
#
# Debian's LibTorch (bookworm, 1.13) has no CUDA; Debian trixie's contrib section has LibTorch 2.6 built
# with CUDA and NCCL (libtorch-cuda-dev). This downloads that package's .deb once into --cache (default
# ~/.cache/quarry-cuda-libtorch; about 2.4 MB: headers only), unpacks it with dpkg -x (nothing is
# installed), and runs scripts/check-cuda-compile.py on the configured build (--build, default ./build)
# with the CUDA toolkit's headers (--cuda-include, default /usr/local/cuda/include; the toolkit must have
# cuda_runtime.h and nccl.h). Nothing is linked or run: the GPU node (LibTorch 2.11 + CUDA) does that.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build="$here/../build"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/quarry-cuda-libtorch"
cuda_include=/usr/local/cuda/include
filters=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --cuda-include) cuda_include=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) filters+=("$1"); shift ;;
  esac
done

deb=libtorch-cuda-dev_2.6.0+dfsg-7+b1_amd64.deb
url=http://deb.debian.org/debian/pool/contrib/p/pytorch-cuda/$deb
if [ ! -f "$build/compile_commands.json" ]; then
  echo "check-cuda-build.sh: $build/compile_commands.json not found: configure Quarry first (scripts/build.sh)" >&2
  exit 2
fi
for header in cuda_runtime.h nccl.h; do
  if [ ! -f "$cuda_include/$header" ]; then
    echo "SKIP: $cuda_include/$header not found (a CUDA toolkit with NCCL headers is needed; --cuda-include DIR)"
    exit 0
  fi
done
mkdir -p "$cache"
if [ ! -d "$cache/root/usr/include/ATen" ]; then
  if [ ! -f "$cache/$deb" ]; then
    echo "downloading $url"
    curl -fsS -o "$cache/$deb.part" "$url" && mv "$cache/$deb.part" "$cache/$deb"
  fi
  dpkg -x "$cache/$deb" "$cache/root"
fi
exec python3 "$here/check-cuda-compile.py" --build "$build" --torch-include "$cache/root/usr/include" \
  --cuda-include "$cuda_include" "${filters[@]}"
