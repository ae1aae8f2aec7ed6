#!/usr/bin/env bash
# compare_hf.sh — Quarry's encoder speed beside Hugging Face transformers', in one run on this machine.
#
# For each shape (layers, hidden, heads, intermediate, batch, sequence) it runs Quarry's bench_encoder and
# the peer's bench_encoder.py (../shared/peer-hf, transformers 4.28.1 on the same Debian LibTorch)
# interleaved: Quarry, peer, Quarry, peer, ... (--pairs, default 3), each a fresh process with the same
# threads and OMP_WAIT_POLICY=PASSIVE. Both measure the same way: a training step is forward, backward,
# clipping to norm 1.0 and AdamW; tokens/s = batch * seq / the median step after warm-up; inference is the
# median pass under no_grad / InferenceMode. It then prints one table of the medians over the pairs: training
# and inference tokens/s of each, Quarry's dynamic int8 inference, the ratios (Quarry / peer, from the same
# run), the range of the per-pair ratios, and each program's peak RSS. Last, NER prediction end to end on
# real sentences (bench_ner_predict on NCBI-disease dev: text in, spans out).
#
#   bench/compare_hf.sh [--build DIR] [--peers-env FILE] [--pairs N] [--threads N] [--shapes "L,H,A,I,B,T ..."]
#                       [--no-ner]
#
# Set the peer up first (../shared/peer-hf/README.md: setup.sh writes PEERS/env.sh). Defaults: --build
# ./build, --peers-env $PEERS_DIR/env.sh or /tmp/peers/env.sh, 3 pairs, 2 threads, the four shapes of issue
# 20 (4 x 256 and 12 x 768 encoders, batches 16 x 128 and 32 x 64). Takes about 20 minutes on 2 cores.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build="$here/../build"
peers_env="${PEERS_DIR:-/tmp/peers}/env.sh"
pairs=3
threads=2
shapes="4,256,4,1024,16,128 4,256,4,1024,32,64 12,768,12,3072,16,128 12,768,12,3072,32,64"
ner=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --peers-env) peers_env=$2; shift 2 ;;
    --pairs) pairs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --shapes) shapes=$2; shift 2 ;;
    --no-ner) ner=0; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare_hf.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

quarry_bench="$build/bench/bench_encoder"
ner_bench="$build/bench/bench_ner_predict"
shared="${QUARRY_SHARED_DIR:-$here/../../shared}"
peer_bench="$shared/peer-hf/bench_encoder.py"
[ -x "$quarry_bench" ] || { echo "compare_hf.sh: $quarry_bench not built (cmake --build $build --target bench_encoder)" >&2; exit 2; }
[ -f "$peer_bench" ] || { echo "compare_hf.sh: the peer's bench is not at $peer_bench (set QUARRY_SHARED_DIR)" >&2; exit 2; }
[ -f "$peers_env" ] || { echo "compare_hf.sh: no $peers_env: set the peer up (see $shared/peer-hf/README.md)" >&2; exit 2; }
# shellcheck disable=SC1090
. "$peers_env"
export OMP_WAIT_POLICY=PASSIVE
export QUARRY_SHARED_DIR="$shared"

results=$(mktemp)
trap 'rm -f "$results"' EXIT
# The peer runs from a neutral folder (../fixtures holds a tokenizers/ folder that shadows the package).
work=$(mktemp -d)
trap 'rm -f "$results"; rm -rf "$work"' EXIT

echo "compare_hf: $(nproc) cores, $threads threads, $pairs interleaved pairs per shape; $(date -u '+%Y-%m-%d %H:%M UTC')"
for shape in $shapes; do
  IFS=, read -r layers hidden heads inter batch seq <<<"$shape"
  # Large encoders take seconds a step on a laptop CPU: fewer steps, as many for both programs.
  if [ "$hidden" -ge 512 ]; then steps=3; warmup=1; else steps=10; warmup=2; fi
  for pair in $(seq 1 "$pairs"); do
    echo "  $shape pair $pair/$pairs ..." >&2
    q=$("$quarry_bench" --layers "$layers" --hidden "$hidden" --heads "$heads" --intermediate "$inter" \
          --batch "$batch" --seq "$seq" --steps "$steps" --warmup "$warmup" --threads "$threads" --int8 --json |
        tail -n 1)
    p=$(cd "$work" && "$PEER_PYTHON" "$peer_bench" --layers "$layers" --hidden "$hidden" --heads "$heads" \
          --intermediate "$inter" --batch "$batch" --seq "$seq" --steps "$steps" --warmup "$warmup" \
          --infer-passes "$steps" --mode loop --threads "$threads" 2>/dev/null |
        "$PEER_PYTHON" -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"train_tokens_per_s": r["train_tokens_per_s"], "infer_tokens_per_s": r["infer_tokens_per_s"], "peak_rss_mib": r["peak_rss_mib"], "torch": r["environment"].get("torch", "")}))')
    printf '%s\t%s\t%s\t%s\n' "$shape" "$pair" "$q" "$p" >>"$results"
  done
done

python3 - "$results" <<'EOF'
import json, statistics, sys

rows = {}
for line in open(sys.argv[1]):
    shape, pair, q, p = line.rstrip("\n").split("\t")
    rows.setdefault(shape, []).append((json.loads(q), json.loads(p)))

def med(v):
    return statistics.median(v)

print()
print("Encoder tokens/s (median of the pairs; ratio = Quarry / transformers in the same pair, median [min-max])")
head = ("shape L x H, B x T", "train Q", "train HF", "ratio", "infer Q", "infer HF", "ratio", "int8 Q", "ratio",
        "peak Q MiB", "peak HF MiB")
print("%-22s %9s %9s %17s %9s %9s %17s %9s %7s %10s %11s" % head)
for shape, pairs in rows.items():
    L, H, A, I, B, T = shape.split(",")
    tr = [q["train_tokens_per_s"] / p["train_tokens_per_s"] for q, p in pairs]
    inf = [q["infer_tokens_per_s"] / p["infer_tokens_per_s"] for q, p in pairs]
    i8 = [q["int8_infer_tokens_per_s"] / p["infer_tokens_per_s"] for q, p in pairs]
    span = lambda r: "%.2f [%.2f-%.2f]" % (med(r), min(r), max(r))
    print("%-22s %9.0f %9.0f %17s %9.0f %9.0f %17s %9.0f %7.2f %10.0f %11.0f" % (
        "%s x %s, %s x %s" % (L, H, B, T),
        med([q["train_tokens_per_s"] for q, _ in pairs]), med([p["train_tokens_per_s"] for _, p in pairs]), span(tr),
        med([q["infer_tokens_per_s"] for q, _ in pairs]), med([p["infer_tokens_per_s"] for _, p in pairs]), span(inf),
        med([q["int8_infer_tokens_per_s"] for q, _ in pairs]), med(i8),
        med([q["peak_rss_mib"] for q, _ in pairs]), med([p["peak_rss_mib"] for _, p in pairs])))
print("Quarry: forward/backward/clip+optimizer split in bench_encoder's own lines; transformers on torch %s"
      % next(iter(rows.values()))[0][1].get("torch", "?"))
EOF

if [ "$ner" = 1 ]; then
  echo
  echo "NER prediction end to end (bench_ner_predict, NCBI-disease dev, $threads threads):"
  "$ner_bench" --threads "$threads"
fi
