#!/usr/bin/env python3
"""check-cuda-compile.py — compiles the engine and the benches against a CUDA LibTorch 2.x (issue 17).

  scripts/check-cuda-compile.py [--build DIR] [--torch-include DIR] [--cuda-include DIR] [--jobs N] [FILTER ...]

This machine's LibTorch is Debian's CPU-only 1.13; the GPU node's is a CUDA 2.x. This check takes the compile
commands of a configured Quarry build (--build, default ./build: compile_commands.json), swaps Debian's
LibTorch headers for a CUDA LibTorch's (--torch-include: the folder holding ATen/ and torch/, e.g. Debian
trixie's libtorch-cuda-dev unpacked with dpkg -x, as scripts/check-cuda-build.sh does), adds the CUDA
toolkit's headers (--cuda-include, default /usr/local/cuda/include: cuda_runtime.h, nccl.h) and the
definitions of a CUDA build (USE_C10D_NCCL, QUARRY_C10D_NCCL, QUARRY_WITH_CUDA), and compiles every
translation unit of the engine (core/common, text, model, train, eval, suggest, document) and of bench/ with
-fsyntax-only: every TORCH_VERSION guard, the CUDA branches (autocast, SDPA, fused AdamW, NCCL, the
caching allocator's statistics) and the 2.x API are compiled, nothing is linked or run. FILTER keeps the
files whose path contains one of them. Exit 1 when a file fails, naming it and its first errors.
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys

ENGINE = ("common", "text", "model", "train", "eval", "suggest", "document")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default="build")
    p.add_argument("--torch-include", required=True)
    p.add_argument("--cuda-include", default="/usr/local/cuda/include")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("filters", nargs="*")
    a = p.parse_args()
    commands = json.load(open(os.path.join(a.build, "compile_commands.json")))
    source = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    todo = []
    for c in commands:
        f = c["file"]
        rel = os.path.relpath(f, source)
        if not f.endswith(".cpp") or rel.startswith(".."):
            continue
        parts = rel.split(os.sep)
        engine = parts[0] == "core" and len(parts) > 2 and parts[1] in ENGINE
        if not (engine or parts[0] == "bench"):
            continue
        if a.filters and not any(x in rel for x in a.filters):
            continue
        if "Qt6" in c["command"]:  # a bench of the workbench (the GUI, the store): not engine code
            continue
        todo.append(c)
    torch_api = os.path.join(a.torch_include, "torch", "csrc", "api", "include")
    swap = "-isystem %s -isystem %s -isystem %s -DUSE_C10D_NCCL -DQUARRY_C10D_NCCL -DQUARRY_WITH_CUDA" % (
        torch_api, a.torch_include, a.cuda_include)

    def compile_one(c):
        cmd = c["command"]
        cmd = re.sub(r"-isystem /usr/include/torch/csrc/api/include", swap, cmd)
        if swap not in cmd:
            cmd = cmd.replace(" -c ", " " + swap + " -c ", 1)
        cmd = re.sub(r" -o \S+", "", cmd)
        cmd = re.sub(r" -c \S+", "", cmd) + " -fsyntax-only -c " + c["file"]
        r = subprocess.run(cmd, shell=True, cwd=c["directory"], capture_output=True, text=True)
        return c["file"], r.returncode, r.stderr

    failed = 0
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for f, rc, err in pool.map(compile_one, todo):
            if rc:
                failed += 1
                print("FAIL %s" % os.path.relpath(f, source))
                print("\n".join([l for l in err.splitlines() if "error" in l][:6]))
            sys.stdout.flush()
    print("%d translation units compiled against %s: %d failed" % (len(todo), a.torch_include, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
