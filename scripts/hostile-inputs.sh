#!/usr/bin/env bash
# Hostile-input campaign against a built quarry-cli (issue 19): damaged and malicious input files in every
# format, damaged project archives, damaged model folders, signals and kills, concurrent processes and a
# full disk. Every case is generated here, in a temporary folder deleted at the end.
#
# Usage: scripts/hostile-inputs.sh [build-dir] [work-dir]
#   build-dir  the CMake build folder holding app/quarry-cli (default: build), or the quarry-cli binary
#   work-dir   where to make the temporary folder (default: $TMPDIR or /tmp)
# Environment: HOSTILE_JOBS (parallel cases, default: the number of CPUs, at most 4),
#   HOSTILE_TIMEOUT (seconds before a case counts as hung, default 120),
#   QUARRY_SHARED_DIR (holds fixtures/ with the tiny Hugging Face models; default ../shared beside the checkout).
#
# Needs bash, coreutils, grep and sed only. zip/unzip make the rebuilt-archive cases, sqlite3 the
# corrupted-database and integrity cases, root the 1 MiB tmpfs cases; each is skipped (and said so)
# where missing.
#
# Each case ends in exactly one of:
#   clear error   exit 1 with a message naming the file (and the line or field where one applies); for
#                 signals: the process ended as it should (cancelled with exit 3, or killed as sent)
#   valid         exit 0 on input that is legitimately valid (a prefix ending on a record boundary, a
#                 BOM, CRLF, an unnamed junk entry in an archive ...) or a listed --policy repair
#   crash         exit > 128 not asked for (a signal), or sanitizer / glibc heap / terminate output
#   other         anything else: exit 0 on invalid input (accepted silently), exit 1 without naming the
#                 file or field, another exit code, a hang
# and independently may be marked "data changed or lost": the project (sha256, then stats --json), an
# earlier export or prediction file, or a model folder differs after a failed or read-only command, or
# an interrupted run lost what it must keep. Exits 1 if any case crashed or changed/lost data.

set -u -o pipefail
export LC_ALL=C

T_START=$(date +%s)
BUILD=${1:-build}
if [ -f "$BUILD" ]; then CLI=$BUILD; else CLI=$BUILD/app/quarry-cli; fi
CLI=$(readlink -f "$CLI" 2>/dev/null || echo "$CLI")
if [ ! -x "$CLI" ]; then
  echo "hostile-inputs: no executable quarry-cli at $CLI (usage: $0 [build-dir] [work-dir])" >&2
  exit 2
fi
WORK_PARENT=${2:-${TMPDIR:-/tmp}}
mkdir -p "$WORK_PARENT" || exit 2
W=$(mktemp -d "$WORK_PARENT/quarry-hostile.XXXXXX") || exit 2
W=$(readlink -f "$W")
FIX=${QUARRY_SHARED_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/shared}/fixtures
JOBS=${HOSTILE_JOBS:-$(( 2 * $(nproc 2>/dev/null || echo 1) ))}   # start-up is partly I/O: oversubscribe a little
(( JOBS > 4 )) && JOBS=4
(( JOBS < 1 )) && JOBS=1
TIMEOUT=${HOSTILE_TIMEOUT:-120}
MOUNTED=()

cleanup() {
  local p
  for p in $(jobs -p 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  for p in "${MOUNTED[@]}"; do umount -l "$p" 2>/dev/null; done
  rm -rf "$W"
}
trap cleanup EXIT
trap 'echo "hostile-inputs: interrupted" >&2; exit 130' INT TERM

want() { [ -z "${HOSTILE_ONLY:-}" ] || [[ " $HOSTILE_ONLY " == *" $1 "* ]]; }  # HOSTILE_ONLY="formats disk": those sections only
have() { command -v "$1" >/dev/null 2>&1; }
HAVE_ZIP=0; have zip && have unzip && HAVE_ZIP=1
HAVE_SQLITE=0; have sqlite3 && HAVE_SQLITE=1
ENV_DEFSIG=0; env --default-signal=INT true 2>/dev/null && ENV_DEFSIG=1
SKIPPED=()
log() { printf '%s\n' "$*" >&2; }

mkdir -p "$W/r" "$W/c" "$W/in"
# Run a private copy, so that a rebuild of the build folder during the campaign cannot disturb it.
ORIG_CLI=$CLI; cp "$CLI" "$W/quarry-cli" && CLI=$W/quarry-cli
IN=$W/in
CRASH_RE='AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|terminate called|Segmentation fault|corrupted size|double free|free\(\): invalid|malloc\(\): |malloc_consolidate|stack smashing|Aborted \(core|core dumped'
PROGRESS_RE='elapsed [0-9]+:[0-9]+'

# ---------------------------------------------------------------- small byte and hash helpers
sha() { if [ -f "$1" ]; then sha256sum <"$1" | cut -c1-64; else echo absent; fi; }
tree_sha() {  # names and bytes of every file under a folder (or one file)
  if [ -d "$1" ]; then (cd "$1" && find . \( -type f -o -type l \) -print0 | sort -z | xargs -0 -r sha256sum | sha256sum | cut -c1-64)
  else sha "$1"; fi
}
size() { stat -c %s "$1"; }
truncate_to() { head -c "$2" "$1" >"$3"; }                  # src n dst
put_byte() {  # src offset octal-byte dst: replace one byte
  { head -c "$2" "$1"; printf "\\$3"; tail -c +$(($2 + 2)) "$1"; } >"$4"
}
flip_byte() {  # src offset dst: xor one byte with 0x5a
  local v; v=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
  put_byte "$1" "$2" "$(printf %03o $(( (v ^ 0x5a) & 255 )))" "$3"
}
deep() { head -c "$1" /dev/zero | tr '\0' '['; head -c "$1" /dev/zero | tr '\0' ']'; }
le64() { local n=$1 i; for ((i = 0; i < 8; i++)); do printf "\\$(printf %03o $(( (n >> (8 * i)) & 255 )))"; done; }
u16le() { od -An -tu2 -j "$2" -N2 "$1" | tr -d ' '; }
u32le() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }
inject_key() {  # file(json object) fragment-file: put "hostile": <fragment> first in the object
  { printf '{"hostile": '; cat "$2"; printf ', '; tail -c +2 "$1"; } >"$1.new" && mv "$1.new" "$1"
}
st_header_edit() {  # safetensors-file sed-expression: edit the JSON header, keep the data
  local f=$1 len hdr
  len=$(od -An -tu8 -N8 "$f" | tr -d ' ')
  hdr=$(tail -c +9 "$f" | head -c "$len" | sed -E "$2")
  { le64 "${#hdr}"; printf '%s' "$hdr"; tail -c +$((9 + len)) "$f"; } >"$f.new" && mv "$f.new" "$f"
}

# ---------------------------------------------------------------- running and classifying one case
cli() {  # runs quarry-cli in the case folder $CD; sets RC, HUNG
  local s=$SECONDS
  (cd "$CD" && exec timeout -k 5 "$TIMEOUT" "$CLI" "$@") >"$CD/out" 2>"$CD/err" </dev/null
  RC=$?
  HUNG=0; (( SECONDS - s >= TIMEOUT )) && HUNG=1
}
cli_fsize() {  # kib args...: the same under ulimit -f (SIGXFSZ at its default action)
  local kib=$1 s=$SECONDS; shift
  (cd "$CD" && trap - XFSZ && ulimit -f "$kib" && exec timeout -k 5 "$TIMEOUT" "$CLI" "$@") >"$CD/out" 2>"$CD/err" </dev/null
  RC=$?
  HUNG=0; (( SECONDS - s >= TIMEOUT )) && HUNG=1
}
# Guards: what must not change. mode "always" (read-only command) or "onfail" (only when RC != 0).
guard_file() { GUARDS+=("$2|$1|$(tree_sha "$1")"); }             # path mode
guard_proj() { PGUARDS+=("$1|$2|$3|${4:-bytes}"); }  # project ref-sha ref-stats [bytes|stats: train records its runs]
must_not_exist() { NOEXIST+=("$1"); }

first_msg() { grep -v -E "$PROGRESS_RE" "$CD/err" 2>/dev/null | grep -m1 . | cut -c1-220; }

classify() {  # expect needle field-regex -> OUTCOME MSG
  local expect=$1 needle=$2 fre=$3
  MSG=$(first_msg)
  if (( HUNG )); then OUTCOME=other; MSG="hung: no exit within ${TIMEOUT}s"; return; fi
  if grep -Eq "$CRASH_RE" "$CD/err" 2>/dev/null || (( RC > 128 )); then
    OUTCOME=crash; MSG="exit $RC: $(grep -E -m1 "$CRASH_RE" "$CD/err" | cut -c1-200) $MSG"; return
  fi
  local named=1
  [ -n "$needle" ] && ! grep -qF -- "$needle" "$CD/err" && named=0
  [ -n "$fre" ] && ! grep -Eq -- "$fre" "$CD/err" && named=0
  if (( RC == 0 )); then
    case $expect in
      ok|any) OUTCOME=valid ;;
      repair) if (( named )); then OUTCOME=clear; MSG="repaired, listed: $MSG"
              else OUTCOME=other; MSG="exit 0, repair not listed (needs '$needle' / /$fre/): $MSG"; fi ;;
      *) OUTCOME=other; MSG="exit 0: accepted silently; stdout: $(head -c 160 "$CD/out" | tr '\n' ' ')" ;;
    esac
  elif (( RC == 1 )) || { (( RC == 2 )) && [ "$expect" = uerr ]; }; then  # 2: a usage error, for option cases
    if [ "$expect" = ok ]; then OUTCOME=other; MSG="valid input rejected: $MSG"
    elif [ -z "$MSG" ]; then OUTCOME=other; MSG="exit 1 with no message"
    elif (( named )); then OUTCOME=clear
    else OUTCOME=other; MSG="exit 1, message lacks '$needle' / /$fre/: $MSG"; fi
  else
    OUTCOME=other; MSG="exit $RC: $MSG"
  fi
}

check_guards() {  # -> DATA DMSG
  local g mode path ref now p rsha rstats
  for g in "${GUARDS[@]+"${GUARDS[@]}"}"; do
    mode=${g%%|*}; g=${g#*|}; path=${g%|*}; ref=${g##*|}
    [ "$mode" = onfail ] && (( RC == 0 )) && continue
    now=$(tree_sha "$path")
    if [ "$now" != "$ref" ]; then DATA=1; DMSG+="${path#"$W"/} changed; "; fi
  done
  for g in "${PGUARDS[@]+"${PGUARDS[@]}"}"; do
    (( RC == 0 )) && continue
    p=${g%%|*}; g=${g#*|}; rsha=${g%%|*}; g=${g#*|}; rstats=${g%%|*}; local pmode=${g#*|}
    if [ "$(sha "$p")" != "$rsha" ] || [ -s "$p-wal" ] || [ -e "$p-journal" ]; then
      if ! timeout 60 "$CLI" stats --json "$p" 2>/dev/null | cmp -s - "$rstats"; then
        DATA=1; DMSG+="project content (stats --json) changed after a failed command; "
      elif [ "$pmode" = bytes ]; then
        DATA=1; DMSG+="project file bytes changed after a failed command (stats equal); "
      fi
    fi
  done
  for p in "${NOEXIST[@]+"${NOEXIST[@]}"}"; do
    (( RC == 0 )) && continue
    if [ -e "$p" ]; then OUTCOME_DOWNGRADE="failed but left ${p#"$W"/} behind"; fi
  done
}

record() {  # id cat outcome data name rc msg
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$2" "$3" "$4" "$5" "$6" "$(printf '%s' "$7" | tr '\t\n' '  ')" >"$W/r/$1"
}

run_case() {  # id cat name expect needle field-regex fn args...
  local id=$1 cat=$2 name=$3 expect=$4 needle=$5 fre=$6
  shift 6
  CD=$W/c/$id; mkdir -p "$CD"
  RC=0; HUNG=0; GUARDS=(); PGUARDS=(); NOEXIST=(); DATA=0; DMSG=""; OUTCOME_DOWNGRADE=""
  "$@"
  classify "$expect" "$needle" "$fre"
  check_guards
  if [ -n "$OUTCOME_DOWNGRADE" ] && [ "$OUTCOME" != crash ]; then OUTCOME=other; MSG="$OUTCOME_DOWNGRADE; $MSG"; fi
  (( DATA )) && MSG="DATA: $DMSG| $MSG"
  record "$id" "$cat" "$OUTCOME" "$DATA" "$name" "$RC" "$MSG"
  rm -rf "$CD"
}

N=0
spawn() {  # cat name expect needle field-regex fn args...: one case, in the background pool
  N=$((N + 1))
  while (( $(jobs -rp | wc -l) >= JOBS )); do wait -n 2>/dev/null || break; done
  run_case "$N" "$@" &
}
next_id() { N=$((N + 1)); ID=$N; CD=$W/c/$ID; mkdir -p "$CD"; }
drain() { wait; }

# ---------------------------------------------------------------- the command bodies used by cases
# Project P0 (two documents, entities, a relation, a label) is copied for every import.
do_import() {  # input [options...]
  cp "$P0" "$CD/p.quarry"; guard_proj "$CD/p.quarry" "$P0_SHA" "$P0_STATS"; guard_file "$1" always
  cli import "$CD/p.quarry" "$@"
}
do_validate() { guard_file "$1" always; cli validate "$@"; cat "$CD/out" >>"$CD/err"; }  # problems go to stdout
do_restore() {  # zip: init --from-archive, must leave nothing behind when it fails
  guard_file "$1" always; must_not_exist "$CD/new.quarry"; cli init "$CD/new.quarry" --from-archive "$1"
}
do_schema() { guard_file "$1" always; must_not_exist "$CD/s.quarry"; cli init "$CD/s.quarry" --schema "$1"; }
do_train_cfg() {  # train on the tiny project with options; the project must not change
  cp "$TP" "$CD/t.quarry"; guard_proj "$CD/t.quarry" "$TP_SHA" "$TP_STATS" stats
  cli train --project "$CD/t.quarry" --from-scratch --threads 1 --output "$CD/run" --set max_steps=1 "$@"
}
do_cli() { cli "$@"; }
# Model folder cases: copy `src` to $CD/m, damage it with `mutation... $CD/m`, run `cmd` on it.
do_model() {  # src cmd mutation args...
  local src=$1 cmd=$2; shift 2
  cp -r "$src" "$CD/m" && "$@" "$CD/m"
  guard_file "$CD/m" always
  case $cmd in
    predict)
      cp "$GOOD_PRED" "$CD/o.jsonl"; guard_file "$CD/o.jsonl" onfail
      cli predict "$CD/m" "$NOTE_TXT" --output "$CD/o.jsonl" --threads 1 ;;
    evaluate) cli evaluate "$CD/m" --data "$DEV_CONLL" --threads 1 ;;
    train)
      cp "$TP" "$CD/t.quarry"; guard_proj "$CD/t.quarry" "$TP_SHA" "$TP_STATS" stats
      cli train --project "$CD/t.quarry" --model "$CD/m" --threads 1 --output "$CD/run" \
        --set epochs=1 --set max_length=32 --set stride=8 ;;
  esac
}
# mutations: each takes its arguments, then the model folder last
m_none() { :; }
m_rm() { rm -rf "$2/$1"; }
m_empty() { : >"$2/$1"; }
m_dir() { rm -f "$2/$1"; mkdir "$2/$1"; }
m_trunc() { truncate_to "$3/$1" "$2" "$3/$1.t" && mv "$3/$1.t" "$3/$1"; }
m_ff() { put_byte "$3/$1" "$2" 377 "$3/$1.t" && mv "$3/$1.t" "$3/$1"; }
m_flip() { flip_byte "$3/$1" "$2" "$3/$1.t" && mv "$3/$1.t" "$3/$1"; }
m_sed() { sed -E "$2" "$3/$1" >"$3/$1.t" && mv "$3/$1.t" "$3/$1"; }
m_append() { printf "$2" >>"$3/$1"; }
m_prepend() { { printf "$2"; cat "$3/$1"; } >"$3/$1.t" && mv "$3/$1.t" "$3/$1"; }
m_deep() { deep "$2" >"$3/deep.frag"; inject_key "$3/$1" "$3/deep.frag"; rm -f "$3/deep.frag"; }
m_write() { printf '%s' "$2" >"$3/$1"; }
m_st() { st_header_edit "$2/model.safetensors" "$1"; }
m_st_len() { { le64 "$1"; tail -c +9 "$2/model.safetensors"; } >"$2/x" && mv "$2/x" "$2/model.safetensors"; }
m_index() { mv "$2/model.safetensors" "$2/shard.safetensors"; printf '%s' "$1" >"$2/model.safetensors.index.json"; }  # sharded weights
m_copy() { cp -r "$1" "$3/$2"; }
m_bin() {  # replace model.safetensors by the fixture's pytorch_model.bin, then apply a mutation to it
  rm -f "$2/model.safetensors"; cp "$FIX/models/bert-token-classification/pytorch_model.bin" "$2/"
  [ -n "$1" ] && eval "$1 \"\$2\""
}
m_tokjson() {  # a folder read through tokenizer.json (vocab.txt removed), then a sed edit of it
  rm -f "$2/vocab.txt"; cp "$FIX/tokenizers/bert-base-uncased/tokenizer.json" "$2/"
  [ -n "$1" ] && { sed -E "$1" "$2/tokenizer.json" >"$2/t.json" && mv "$2/t.json" "$2/tokenizer.json"; }
}

# ================================================================= setup
log "hostile-inputs: quarry-cli $CLI, work folder $W, $JOBS parallel cases"
"$CLI" --help >/dev/null 2>&1 || { echo "hostile-inputs: $CLI --help fails" >&2; exit 2; }
setup_fail() { echo "hostile-inputs: setup failed: $*" >&2; [ -f "$W/setup.err" ] && tail -5 "$W/setup.err" >&2; exit 2; }
S() { "$CLI" "$@" >"$W/setup.out" 2>"$W/setup.err" </dev/null || setup_fail "quarry-cli $*"; }

# Two documents with entities (with concept ids), a relation and a label: exportable to every format.
cat >"$IN/s.jsonl" <<'EOF'
{"text": "Aspirin treats headache and Ibuprofen helps", "spans": [{"start": 0, "end": 7, "label": "DRUG", "id": "T1", "concept_id": "D001241"}, {"start": 15, "end": 23, "label": "DISEASE", "id": "T2", "concept_id": "D006261"}, {"start": 28, "end": 37, "label": "DRUG", "id": "T3", "concept_id": "D007052"}], "relations": [{"head": "T1", "child": "T2", "label": "TREATS"}], "cats": {"pos": 1.0}, "meta": {"name": "d1", "split": "train"}}
{"text": "Naloxone reverses clonidine hypotension", "spans": [{"start": 0, "end": 8, "label": "DRUG", "concept_id": "D009270"}, {"start": 28, "end": 39, "label": "DISEASE", "concept_id": "D007022"}], "meta": {"name": "d2", "split": "dev"}}
EOF
SP0=$W/s0.quarry
S init "$SP0"; S import "$SP0" "$IN/s.jsonl"
# The project every import case starts from: other documents, so that valid inputs import cleanly.
sed "s/\"name\": \"d/\"name\": \"base-d/" "$IN/s.jsonl" >"$W/p0.jsonl"
P0=$W/p0.quarry
S init "$P0"; S import "$P0" "$W/p0.jsonl"
P0_SHA=$(sha "$P0"); P0_STATS=$W/p0.stats; "$CLI" stats --json "$P0" >"$P0_STATS" 2>/dev/null
for f in conll csv pubtator; do S export "$SP0" "$IN/s.$f" --format $f; done
S export "$SP0" "$IN/brat" --format brat
S export "$SP0" "$IN/s.zip"
mkdir -p "$IN/txt"; S export "$SP0" "$IN/txt" --format text
NOTE_TXT=$IN/txt/d1.txt
deep 100000 >"$IN/deep.frag"   # a 100,000-deep JSON array, injected under unknown keys

# A tiny NER project (train + dev) for training and evaluation.
{
  words=(Aspirin Ibuprofen Naloxone Clonidine Heparin Warfarin Insulin Morphine)
  dis=(headache migraine hypotension fever asthma nausea anemia gout)
  for ((i = 0; i < 40; i++)); do
    printf '%s\tB-DRUG\ntreats\tO\nsevere\tO\n%s\tB-DISEASE\nin\tO\npatient\tO\n%s\tO\n.\tO\n\n' \
      "${words[i % 8]}" "${dis[(i * 3) % 8]}" "$i"
  done
} >"$IN/train.conll"
head -n 45 "$IN/train.conll" >"$IN/dev.conll"
DEV_CONLL=$IN/dev.conll
TP=$W/tp.quarry
S init "$TP"; S import "$TP" "$IN/train.conll" --split train; S import "$TP" "$IN/dev.conll" --split dev
TP_SHA=$(sha "$TP"); TP_STATS=$W/tp.stats; "$CLI" stats --json "$TP" >"$TP_STATS" 2>/dev/null

log "hostile-inputs: training the tiny models"
TINY=(--set epochs=2 --set word_dim=8 --set char_dim=4 --set char_filters=4 --set lstm_hidden=8)
S train --project "$TP" --from-scratch --threads 1 --output "$W/bl" "${TINY[@]}"
BL=$W/bl/best
[ -f "$BL/model.safetensors" ] || setup_fail "no BiLSTM best/"
TF=""
if [ -d "$FIX/models/bert-token-classification" ]; then
  S train --project "$TP" --model "$FIX/models/bert-token-classification" --threads 1 --output "$W/tf" \
    --set epochs=1 --set max_length=32 --set stride=8
  TF=$W/tf/best
else
  SKIPPED+=("transformer model folders: no fixtures at $FIX")
fi
TP_SHA=$(sha "$TP"); "$CLI" stats --json "$TP" >"$TP_STATS" 2>/dev/null   # runs are recorded in it
GOOD_PRED=$W/good-pred.jsonl
S predict "$BL" "$NOTE_TXT" --output "$GOOD_PRED" --threads 1

# ================================================================= formats
log "hostile-inputs: formats"
FMT=formats
if want formats; then
jsonl_trunc_expect() {  # file offset -> ok when the cut ends on a record boundary
  local f=$1 o=$2 before after
  (( o == 0 )) && { echo ok; return; }
  before=$(tail -c +"$o" "$f" | head -c 1)
  after=$(tail -c +$((o + 1)) "$f" | head -c 1)
  # $(...) strips a newline: an empty byte here is a newline (or the end of the file)
  if [ -z "$before" ] || [ -z "$after" ]; then echo ok; else echo err; fi
}
J=$IN/s.jsonl; JSIZE=$(size "$J")
for ((o = 0; o < JSIZE; o += 60)); do
  f=$IN/jt$o.jsonl; truncate_to "$J" "$o" "$f"
  spawn $FMT "jsonl truncated at byte $o" "$(jsonl_trunc_expect "$J" "$o")" jt$o.jsonl ':[0-9]+:' do_import "$f"
done
L1=$(head -n 1 "$J" | wc -c)
for o in $((L1 - 2)) $((L1 - 1)) $L1 $((L1 + 1)) $((JSIZE - 3)); do  # around the line boundary
  f=$IN/jt$o.jsonl; truncate_to "$J" "$o" "$f"
  spawn $FMT "jsonl truncated at byte $o" "$(jsonl_trunc_expect "$J" "$o")" jt$o.jsonl ':[0-9]+:' do_import "$f"
done
for o in 0 9 77 300 460 $((JSIZE - 2)); do
  f=$IN/jff$o.jsonl; put_byte "$J" "$o" 377 "$f"
  spawn $FMT "jsonl 0xFF at byte $o" err jff$o.jsonl ':[0-9]+' do_import "$f"
  (( o % 2 )) && spawn $FMT "validate jsonl 0xFF at byte $o" err jff$o.jsonl ':[0-9]+' do_validate "$f"
done
# One-line documents, each with one hostile change; expect err unless said.
{ printf '{"text": "a", "meta": {"x": '; cat "$IN/deep.frag"; printf '}}\n'; } >"$IN/jdeep.jsonl"
{ printf '{"text": "a", "spans": '; deep 50000; printf '}\n'; } >"$IN/jdeep2.jsonl"
{ head -c 200000 /dev/zero | tr '\0' '{'; printf '\n'; } >"$IN/jdeep3.jsonl"
JL=(
  'err|start-1e400|{"text": "Aspirin x", "spans": [{"start": 1e400, "end": 7, "label": "DRUG"}]}'
  'err|start-huge-int|{"text": "Aspirin x", "spans": [{"start": 99999999999999999999, "end": 7, "label": "DRUG"}]}'
  'err|start-2^63|{"text": "Aspirin x", "spans": [{"start": 9223372036854775808, "end": 7, "label": "DRUG"}]}'
  'err|start-negative|{"text": "Aspirin x", "spans": [{"start": -1, "end": 7, "label": "DRUG"}]}'
  'err|start-fraction|{"text": "Aspirin x", "spans": [{"start": 0.5, "end": 7, "label": "DRUG"}]}'
  'err|start-string|{"text": "Aspirin x", "spans": [{"start": "0", "end": 7, "label": "DRUG"}]}'
  'err|start-null|{"text": "Aspirin x", "spans": [{"start": null, "end": 7, "label": "DRUG"}]}'
  'err|start-bool|{"text": "Aspirin x", "spans": [{"start": true, "end": 7, "label": "DRUG"}]}'
  'err|end-before-start|{"text": "Aspirin x", "spans": [{"start": 5, "end": 2, "label": "DRUG"}]}'
  'err|end-past-text|{"text": "Aspirin x", "spans": [{"start": 0, "end": 1000, "label": "DRUG"}]}'
  'err|label-number|{"text": "Aspirin x", "spans": [{"start": 0, "end": 7, "label": 5}]}'
  'err|label-empty|{"text": "Aspirin x", "spans": [{"start": 0, "end": 7, "label": ""}]}'
  'err|label-null|{"text": "Aspirin x", "spans": [{"start": 0, "end": 7, "label": null}]}'
  'err|spans-object|{"text": "Aspirin x", "spans": {"start": 0}}'
  'err|spans-string|{"text": "Aspirin x", "spans": "0-7 DRUG"}'
  'err|span-not-object|{"text": "Aspirin x", "spans": [17]}'
  'err|text-number|{"text": 5}'
  'err|text-null|{"text": null}'
  'err|text-missing|{"spans": []}'
  'err|relation-unknown-id|{"text": "Aspirin x", "spans": [{"start": 0, "end": 7, "label": "DRUG", "id": "T1"}], "relations": [{"head": "T1", "child": "T9", "label": "R"}]}'
  'err|cats-string|{"text": "Aspirin x", "cats": {"pos": "yes"}}'
  'err|cats-array|{"text": "Aspirin x", "cats": [1, 2]}'
  'err|split-bogus|{"text": "Aspirin x", "meta": {"split": "bogus"}}'
  'err|name-number|{"text": "Aspirin x", "meta": {"name": 5}}'
  'err|meta-array|{"text": "Aspirin x", "meta": []}'
  'err|top-array|["Aspirin", 0, 7]'
  'err|top-string|"Aspirin x"'
  'err|top-number|42'
  'err|NaN-literal|{"text": "Aspirin x", "spans": [{"start": NaN, "end": 7, "label": "DRUG"}]}'
  'err|trailing-garbage|{"text": "Aspirin x"} xyz'
  'err|two-objects-one-line|{"text": "a"}{"text": "b"}'
  'err|unterminated-string|{"text": "Aspirin x}'
  'err|bad-escape|{"text": "Aspirin \x41"}'
  'err|lone-high-surrogate-end|{"text": "end\ud83d"}'
  'err|lone-high-surrogate-mid|{"text": "ab\ud83dcd"}'
  'err|lone-low-surrogate|{"text": "ab\udc00cd"}'
  'err|reversed-surrogates|{"text": "ab\ude00\ud83dcd"}'
  'err|duplicate-span-ids|{"text": "Aspirin x", "spans": [{"start": 0, "end": 7, "label": "DRUG", "id": "T1"}, {"start": 8, "end": 9, "label": "DRUG", "id": "T1"}]}'
)
i=0
for spec in "${JL[@]}"; do
  i=$((i + 1)); exp=${spec%%|*}; rest=${spec#*|}; nm=${rest%%|*}; line=${rest#*|}
  f=$IN/jl-$nm.jsonl; printf '%s\n' "$line" >"$f"
  spawn $FMT "jsonl $nm" "$exp" "jl-$nm.jsonl" ':[0-9]+' do_import "$f"
  (( i % 3 == 1 )) && spawn $FMT "validate jsonl $nm" "$exp" "jl-$nm.jsonl" ':[0-9]+' do_validate "$f"
done
for nm in lone-high-surrogate-end lone-high-surrogate-mid lone-low-surrogate; do
  spawn $FMT "jsonl $nm --policy repair" repair "jl-$nm.jsonl" 'U\+FFFD|replac|repair' do_import "$IN/jl-$nm.jsonl" --policy repair
done
# raw bytes: invalid UTF-8 of several kinds, control characters, NUL
JB=('overlong|\xc0\xaf' 'utf16-surrogate|\xed\xa0\x80' 'five-byte|\xf8\x88\x80\x80\x80' 'cut-multibyte|\xe2\x82'
    'lone-continuation|\x80' 'above-U+10FFFF|\xf4\x90\x80\x80' 'raw-control|\x01' 'raw-NUL|\x00' 'raw-newline-in-string|\n')
for spec in "${JB[@]}"; do
  nm=${spec%%|*}; b=${spec#*|}; f=$IN/jb-$nm.jsonl
  { printf '{"text": "Aspirin '; printf "$b"; printf ' x"}\n'; } >"$f"
  spawn $FMT "jsonl $nm in a string" err "jb-$nm.jsonl" ':[0-9]+' do_import "$f"
done
for nm in overlong five-byte cut-multibyte; do
  spawn $FMT "jsonl $nm --policy repair" any "jb-$nm.jsonl" '' do_import "$IN/jb-$nm.jsonl" --policy repair
done
spawn $FMT "jsonl 100,000-deep array in meta" err jdeep.jsonl ':1' do_import "$IN/jdeep.jsonl"
spawn $FMT "jsonl 50,000-deep spans" err jdeep2.jsonl ':1' do_import "$IN/jdeep2.jsonl"
spawn $FMT "jsonl 200,000 open braces" err jdeep3.jsonl ':1' do_import "$IN/jdeep3.jsonl"
spawn $FMT "validate jsonl 100,000-deep" err jdeep.jsonl ':1' do_validate "$IN/jdeep.jsonl"
# legitimately valid variants
{ printf '\xef\xbb\xbf'; cat "$J"; } >"$IN/jbom.jsonl"
sed 's/$/\r/' "$J" >"$IN/jcrlf.jsonl"
{ printf '\n\n'; sed 'G' "$J"; } >"$IN/jblank.jsonl"
spawn $FMT "jsonl with a BOM (valid)" ok jbom.jsonl '' do_import "$IN/jbom.jsonl"
spawn $FMT "jsonl with CRLF (valid)" ok jcrlf.jsonl '' do_import "$IN/jcrlf.jsonl"
spawn $FMT "jsonl with blank lines (valid)" any jblank.jsonl '' do_import "$IN/jblank.jsonl"
: >"$IN/empty.jsonl"
spawn $FMT "empty jsonl (valid: nothing to import)" any empty.jsonl '' do_import "$IN/empty.jsonl"
mkdir -p "$IN/adir.jsonl"
spawn $FMT "a directory named .jsonl" err adir.jsonl '' do_import "$IN/adir.jsonl" --format jsonl
spawn $FMT "a missing file" err nosuch.jsonl '' do_import "$IN/nosuch.jsonl"
ln -sf loop2.jsonl "$IN/loop1.jsonl"; ln -sf loop1.jsonl "$IN/loop2.jsonl"
spawn $FMT "a symlink loop" err loop1.jsonl '' do_import "$IN/loop1.jsonl"
do_short() { TIMEOUT=30; do_import "$@"; }
spawn $FMT "/dev/zero as jsonl (endless NULs; 30 s limit)" err "/dev/zero" "" do_short /dev/zero --format jsonl
spawn $FMT "/dev/zero as conll (endless NULs; 30 s limit)" err "/dev/zero" "" do_short /dev/zero --format conll
spawn $FMT "/dev/urandom head as text" err rand.txt '' do_import "$(head -c 65536 /dev/urandom >"$IN/rand.txt"; echo "$IN/rand.txt")" --format text
spawn $FMT "a binary (ELF) as text" err "$(basename "$CLI")" '' do_import "$CLI" --format text
# a FIFO with a writer that sends garbage
do_fifo() { mkfifo "$CD/pipe.jsonl"; (printf 'not json\n' >"$CD/pipe.jsonl" &) ; do_import "$CD/pipe.jsonl"; }
spawn $FMT "a FIFO sending garbage" err pipe.jsonl ':1' do_fifo

# --- CoNLL
C=$IN/s.conll; CSIZE=$(size "$C")
conll_trunc_expect() {  # the partial last line decides: none, or a token and a well-formed tag
  local f=$1 o=$2 pre last tag
  pre=$(head -c "$o" "$f"; printf x); pre=${pre%x}
  last=${pre##*$'\n'}
  [ -z "$last" ] && { echo ok; return; }
  case $last in *$'\t'*) tag=${last#*$'\t'} ;; *) echo err; return ;; esac
  if [[ $tag == O || $tag =~ ^B-.+$ ]]; then echo ok; else echo err; fi
}
for ((o = 1; o < CSIZE; o += 17)); do
  f=$IN/ct$o.conll; truncate_to "$C" "$o" "$f"
  spawn $FMT "conll truncated at byte $o" "$(conll_trunc_expect "$C" "$o")" ct$o.conll ':[0-9]+' do_import "$f"
done
for o in 0 8 40 100; do
  f=$IN/cff$o.conll; put_byte "$C" "$o" 377 "$f"
  spawn $FMT "conll 0xFF at byte $o" err cff$o.conll ':[0-9]+' do_import "$f"
done
CL=('err|tag-X-FOO|Aspirin\tX-FOO\n' 'any|I-after-O-valid-IOB1|Aspirin\tO\ntreats\tI-DRUG\n' 'err|tag-B-|Aspirin\tB-\n'
    'any|only-tab-is-a-blank-line|\t\n' 'err|token-no-tag|Aspirin\n' 'any|I-other-type-valid-IOB1|Aspirin\tB-DRUG\ntreats\tI-DISEASE\n'
    'err|NUL-in-tag|Aspirin\tB-\x00DRUG\n' 'ok|docstart|-DOCSTART- -X- O O\n\nAspirin\tB-DRUG\n\n'
    'ok|bom-crlf|\xef\xbb\xbfAspirin\tB-DRUG\r\ntreats\tO\r\n\r\n' 'any|four-columns|Aspirin NNP B-NP B-DRUG\n')
for spec in "${CL[@]}"; do
  exp=${spec%%|*}; rest=${spec#*|}; nm=${rest%%|*}; body=${rest#*|}
  f=$IN/cl-$nm.conll; printf -- "$body" >"$f"
  spawn $FMT "conll $nm" "$exp" "cl-$nm.conll" ':[0-9]+' do_import "$f"
done
printf 'Aspirin\tB-DRUG\ntreats\tO\n' >"$IN/cl-bioes.conll"
spawn $FMT "conll I- after O under --tag-scheme iob2" err cl-I-after-O-valid-IOB1.conll ':[0-9]+' do_import "$IN/cl-I-after-O-valid-IOB1.conll" --tag-scheme iob2
spawn $FMT "conll I-DISEASE after B-DRUG under --tag-scheme iob2" err cl-I-other-type-valid-IOB1.conll ':[0-9]+' do_import "$IN/cl-I-other-type-valid-IOB1.conll" --tag-scheme iob2
spawn $FMT "conll B- without E- under --tag-scheme bioes" err cl-bioes.conll ':[0-9]+' do_import "$IN/cl-bioes.conll" --tag-scheme bioes
{ printf 'Aspirin\tB-'; head -c 100000 /dev/zero | tr '\0' 'X'; printf '\n'; } >"$IN/cl-longtag.conll"
spawn $FMT "conll 100,000-character label (valid, if odd)" any cl-longtag.conll '' do_import "$IN/cl-longtag.conll"

# --- CSV
CS=$IN/s.csv
printf 'name,text,label\nq1,"Aspirin, with a comma\nand a newline",pos\nq2,"unterminated quote,pos\n' >"$IN/cs-unterminated.csv"
printf 'name,body\nq1,Aspirin\n' >"$IN/cs-notext.csv"
printf 'name,text,label\nq1,Aspirin,pos,extra,fields\n' >"$IN/cs-extra.csv"
printf 'name,text,label\nq1,"Aspirin "x" quoted",pos\n' >"$IN/cs-badquote.csv"
printf '\xef\xbb\xbfname,text,label\r\nq1,Aspirin,pos\r\n' >"$IN/cs-bomcrlf.csv"
printf 'name,text,label\nq1,Aspi\xffrin,pos\n' >"$IN/cs-ff.csv"
printf 'name,text,label\nq1,Aspirin,pos\n' >"$IN/cs-ok.csv"
spawn $FMT "csv unterminated quote" err cs-unterminated.csv ':[0-9]+' do_import "$IN/cs-unterminated.csv"
spawn $FMT "csv without a text column" err cs-notext.csv 'text' do_import "$IN/cs-notext.csv"
spawn $FMT "csv row with extra fields" err cs-extra.csv ':[0-9]+' do_import "$IN/cs-extra.csv"
spawn $FMT "csv stray quote in a field" err cs-badquote.csv ':[0-9]+' do_import "$IN/cs-badquote.csv"
spawn $FMT "csv BOM + CRLF (valid)" ok cs-bomcrlf.csv '' do_import "$IN/cs-bomcrlf.csv"
spawn $FMT "csv invalid UTF-8" err cs-ff.csv ':[0-9]+' do_import "$IN/cs-ff.csv"
spawn $FMT "csv --text-column that does not exist" err nosuch '' do_import "$IN/cs-ok.csv" --text-column nosuch
for o in 22 35 50; do  # truncated inside a quoted multi-line field
  truncate_to "$IN/cs-unterminated.csv" "$o" "$IN/cst$o.csv"
  spawn $FMT "csv truncated inside quotes at byte $o" err cst$o.csv ':[0-9]+' do_import "$IN/cst$o.csv"
done
for o in 0 5 25 60; do
  put_byte "$CS" "$o" 377 "$IN/csff$o.csv"
  spawn $FMT "csv 0xFF at byte $o" err csff$o.csv ':[0-9]+' do_import "$IN/csff$o.csv"
done

# --- PubTator
PT=$IN/s.pubtator
PTL=('err|offset-past-text|d1|t|Aspirin treats\nd1|a|\nd1\t0\t700\tAspirin\tDRUG\tD1\n\n'
     'err|start-after-end|d1|t|Aspirin treats\nd1|a|\nd1\t5\t2\tAspirin\tDRUG\tD1\n\n'
     'err|offset-not-number|d1|t|Aspirin treats\nd1|a|\nd1\tzero\t7\tAspirin\tDRUG\tD1\n\n'
     'err|offset-huge|d1|t|Aspirin treats\nd1|a|\nd1\t0\t99999999999999999999\tAspirin\tDRUG\tD1\n\n'
     'err|mention-mismatch|d1|t|Aspirin treats\nd1|a|\nd1\t0\t7\tIbuprof\tDRUG\tD1\n\n'
     'err|pmid-mismatch|d1|t|Aspirin treats\nd1|a|\nd9\t0\t7\tAspirin\tDRUG\tD1\n\n'
     'err|title-without-pipes|d1 Aspirin treats\n\n'
     'err|annotation-3-fields|d1|t|Aspirin treats\nd1|a|\nd1\t0\t7\n\n'
     'err|invalid-utf8-title|d1|t|Aspi\xffrin treats\nd1|a|\n\n'
     'err|invalid-utf8-abstract|d1|t|Aspirin\nd1|a|tre\xc0\xafats\n\n'
     'ok|crlf|d1|t|Aspirin treats\r\nd1|a|\r\nd1\t0\t7\tAspirin\tDRUG\tD1\r\n\r\n')
for spec in "${PTL[@]}"; do
  exp=${spec%%|*}; rest=${spec#*|}; nm=${rest%%|*}; body=${rest#*|}
  f=$IN/pt-$nm.pubtator; printf -- "$body" >"$f"
  spawn $FMT "pubtator $nm" "$exp" "pt-$nm.pubtator" ':[0-9]+' do_import "$f"
done
spawn $FMT "validate pubtator invalid-utf8-title" err pt-invalid-utf8-title.pubtator ':[0-9]+' do_validate "$IN/pt-invalid-utf8-title.pubtator"
# truncated on line boundaries: each prefix is a shorter, valid PubTator file
o=0; ln=0
while IFS= read -r l; do
  o=$((o + ${#l} + 1)); ln=$((ln + 1))
  (( ln % 3 == 1 )) || continue
  truncate_to "$PT" "$o" "$IN/ptt$o.pubtator"
  spawn $FMT "pubtator cut after line $ln (valid prefix)" any "ptt$o.pubtator" ':[0-9]+' do_import "$IN/ptt$o.pubtator"
done <"$PT"

# --- brat (a folder: annotation.conf, dN.txt, dN.ann)
brat_case() {  # name expect field-regex needle edit-command...
  local nm=$1 exp=$2 fre=$3 needle=$4; shift 4
  local d=$IN/brat-$nm; cp -r "$IN/brat" "$d"; (cd "$d" && eval "$*")
  spawn $FMT "brat $nm" "$exp" "$needle" "$fre" do_import "$d" --format brat
}
brat_case offset-past-text err ':[0-9]+' d1.ann "printf 'T9\tDRUG 0 900\tAspirin\n' >>d1.ann"
brat_case negative-offset err ':[0-9]+' d1.ann "printf 'T9\tDRUG -4 7\tAspirin\n' >>d1.ann"
brat_case huge-offset err ':[0-9]+' d1.ann "printf 'T9\tDRUG 0 99999999999999999999\tAspirin\n' >>d1.ann"
brat_case malformed-line err ':[0-9]+' d1.ann "printf 'T9 DRUG\n' >>d1.ann"
brat_case relation-unknown-arg err ':[0-9]+' d1.ann "printf 'R9\tTREATS Arg1:T1 Arg2:T77\n' >>d1.ann"
brat_case mention-mismatch err ':[0-9]+' d1.ann "printf 'T9\tDRUG 0 7\tNaloxon\n' >>d1.ann"
brat_case duplicate-id err ':[0-9]+' d1.ann "printf 'T1\tDRUG 0 7\tAspirin\n' >>d1.ann"
brat_case invalid-utf8-txt err '' d1.txt "printf 'Aspirin treats head\xffache and Ibuprofen helps' >d1.txt"
brat_case invalid-utf8-ann err ':[0-9]+' d1.ann "printf 'T9\tDRUG 0 7\tAsp\xffrin\n' >>d1.ann"
brat_case ann-without-txt err '' d1 "rm d1.txt"
brat_case txt-is-a-directory err '' d1.txt "rm d1.txt; mkdir d1.txt"
brat_case ann-missing-valid any '' d1 "rm d1.ann"
brat_case conf-garbage any '' annotation.conf "printf '\xff\xfe[[[[\n' >annotation.conf"
brat_case crlf-ann ok '' d1.ann "sed 's/\$/\r/' d1.ann >x && mv x d1.ann"
for o in 3 10 25 40; do
  brat_case "ann-0xFF-at-$o" err ':[0-9]+' d1.ann "head -c $o d1.ann >x; printf '\377' >>x; tail -c +$((o + 2)) d1.ann >>x; mv x d1.ann"
done

# --- SQuAD
SQ=$IN/s.squad.json
printf '%s' '{"version": "v2.0", "data": [{"title": "t", "paragraphs": [{"context": "Aspirin treats headache", "qas": [{"id": "q1", "question": "What treats headache?", "answers": [{"text": "Aspirin", "answer_start": 0}], "is_impossible": false}]}]}]}' >"$SQ"
spawn $FMT "squad intact (valid)" ok s.squad.json '' do_import "$SQ" --format squad
SQSIZE=$(size "$SQ")
for ((o = 0; o < SQSIZE; o += 37)); do
  truncate_to "$SQ" "$o" "$IN/sqt$o.json"
  [ "$o" = 0 ] && exp=any || exp=err
  spawn $FMT "squad truncated at byte $o" "$exp" "sqt$o.json" '' do_import "$IN/sqt$o.json" --format squad
done
sq_case() {  # name sed-expression [expect]
  sed -E "$2" "$SQ" >"$IN/sq-$1.json"
  spawn $FMT "squad $1" "${3:-err}" "sq-$1.json" '' do_import "$IN/sq-$1.json" --format squad
}
sq_case answer-start-past 's/"answer_start": 0/"answer_start": 5000/'
sq_case answer-start-1e400 's/"answer_start": 0/"answer_start": 1e400/'
sq_case answer-start-negative 's/"answer_start": 0/"answer_start": -3/'
sq_case answer-start-string 's/"answer_start": 0/"answer_start": "0"/'
sq_case answer-text-mismatch 's/"text": "Aspirin"/"text": "Ibuprofen"/'
sq_case data-object 's/"data": \[/"data": {"x": [/; s/\]\}$/]}}/'
sq_case context-number 's/"context": "Aspirin treats headache"/"context": 17/'
sq_case lone-surrogate 's/"What treats headache\?"/"What \\ud83d treats?"/'
sq_case answers-string 's/"answers": \[[^]]*\]/"answers": "Aspirin"/'
{ printf '{"version": "v2.0", "data": '; deep 100000; printf '}'; } >"$IN/sq-deep.json"
spawn $FMT "squad 100,000-deep data" err sq-deep.json '' do_import "$IN/sq-deep.json" --format squad
put_byte "$SQ" 80 377 "$IN/sq-ff.json"
spawn $FMT "squad 0xFF in the context" err sq-ff.json '' do_import "$IN/sq-ff.json" --format squad

# --- schema files (init --schema) and training options (train --config / --set)
SCH=$IN/schema.json
printf '%s' '{"entity_types": [{"name": "DRUG", "colour": "#ff0000", "hotkey": "d"}], "relation_types": [{"name": "TREATS", "directed": true, "head_types": ["DRUG"], "tail_types": []}], "categories": [{"name": "clinical"}]}' >"$SCH"
spawn $FMT "schema intact (valid)" ok schema.json '' do_schema "$SCH"
sch_case() { sed -E "$2" "$SCH" >"$IN/sch-$1.json"; spawn $FMT "schema $1" "${3:-err}" "sch-$1.json" "${4:-}" do_schema "$IN/sch-$1.json"; }
sch_case entity-types-object 's/"entity_types": \[(.*)\], "relation_types"/"entity_types": {"a": 1}, "relation_types"/' err entity_types
sch_case name-number 's/"name": "DRUG"/"name": 5/' err name
sch_case directed-string 's/"directed": true/"directed": "yes"/' err directed
sch_case head-type-unknown 's/"head_types": \["DRUG"\]/"head_types": ["NOPE"]/' err NOPE
sch_case name-empty 's/"name": "DRUG"/"name": ""/' err name
sch_case lone-surrogate 's/"name": "DRUG"/"name": "DR\\udc00UG"/' err ''
cp "$SCH" "$IN/sch-deep.json"; inject_key "$IN/sch-deep.json" "$IN/deep.frag"
spawn $FMT "schema 100,000-deep array" err sch-deep.json '' do_schema "$IN/sch-deep.json"
truncate_to "$SCH" 60 "$IN/sch-trunc.json"
spawn $FMT "schema truncated" err sch-trunc.json '' do_schema "$IN/sch-trunc.json"
: >"$IN/sch-empty.json"
spawn $FMT "schema empty file" err sch-empty.json '' do_schema "$IN/sch-empty.json"
cfg_case() {  # name json [needle] [expect]
  printf '%s' "$2" >"$IN/cfg-$1.json"
  spawn $FMT "train --config $1" "${4:-err}" "cfg-$1.json" "${3:-}" do_train_cfg --config "$IN/cfg-$1.json"
}
cfg_case epochs-string '{"epochs": "ten"}' epochs
cfg_case epochs-1e400 '{"epochs": 1e400}' epochs
cfg_case epochs-negative '{"epochs": -1}' epochs
cfg_case random-hidden-1e6 '{"model": "transformer", "random_hidden": 1000000}' random_hidden
cfg_case batch-size-zero '{"batch_size": 0}' batch_size
cfg_case dropout-2 '{"dropout": 2.0}' dropout
cfg_case not-an-object '[1, 2, 3]'
cfg_case unknown-key '{"epochz": 3}' epochz
cfg_case model-unknown '{"model": "gpt-9"}' model
cfg_case truncated '{"epochs": 3, "batch'
{ printf '{"epochs": 1, "x": '; deep 100000; printf '}'; } >"$IN/cfg-deep.json"
spawn $FMT "train --config 100,000-deep array" err cfg-deep.json '' do_train_cfg --config "$IN/cfg-deep.json"
set_case() { spawn $FMT "train --set $1" uerr "${2:-${1%%=*}}" '' do_train_cfg --set "$1"; }
set_case epochs=abc; set_case epochs=-1; set_case nosuch=1; set_case batch_size=0
set_case learning_rate=nan; set_case epochs=99999999999999999999; set_case lstm_hidden=1000000000
set_case tag_encoding=bilou; set_case device=tpu
# predict inputs
printf 'Aspirin \xff\xfe treats' >"$IN/bad.txt"
spawn $FMT "predict: invalid UTF-8 text file" err bad.txt '' do_cli predict "$BL" "$IN/bad.txt" --output "$W/c/pred-bad.jsonl" --threads 1
spawn $FMT "predict: a directory as a text file" err adir.jsonl '' do_cli predict "$BL" "$IN/adir.jsonl" --output "$W/c/pred-dir.jsonl" --threads 1
spawn $FMT "predict: a missing text file" err nosuch.txt '' do_cli predict "$BL" "$IN/nosuch.txt" --output "$W/c/pred-missing.jsonl" --threads 1
: >"$IN/empty.txt"
spawn $FMT "predict: an empty text file (valid)" any empty.txt '' do_cli predict "$BL" "$IN/empty.txt" --output "$W/c/pred-empty.jsonl" --threads 1
spawn $FMT "predict: --min-confidence 7" uerr min-confidence '' do_cli predict "$BL" "$NOTE_TXT" --output "$W/c/pred-mc.jsonl" --min-confidence 7

fi

# ================================================================= archives
log "hostile-inputs: archives"
ARC=archives
if want archives; then
Z=$IN/s.zip; ZSIZE=$(size "$Z")
for o in 0 4 30 1000 $((ZSIZE / 2)) $((ZSIZE - 200)) $((ZSIZE - 22)) $((ZSIZE - 1)); do
  (( o < ZSIZE )) || continue
  truncate_to "$Z" "$o" "$IN/zt$o.zip"
  # the last byte is the high byte of the end record's comment length: everything is still there
  exp=err; (( o == ZSIZE - 1 )) && exp=any
  spawn $ARC "archive truncated at byte $o: import" "$exp" "zt$o.zip" '' do_import "$IN/zt$o.zip"
  spawn $ARC "archive truncated at byte $o: init --from-archive" "$exp" "zt$o.zip" '' do_restore "$IN/zt$o.zip"
done
# byte flips inside the first entry's compressed data (CRC or inflate must catch each)
nl=$(u16le "$Z" 26); xl=$(u16le "$Z" 28); cs=$(u32le "$Z" 18); ds=$((30 + nl + xl))
(( cs < 64 || ds + cs > ZSIZE )) && cs=$((ZSIZE / 2))
for k in 1 2 3 4 5 6; do
  o=$((ds + 16 + (cs - 32) * k / 7))
  flip_byte "$Z" "$o" "$IN/zf$o.zip"
  spawn $ARC "archive byte flipped at $o (database data): import" err "zf$o.zip" '' do_import "$IN/zf$o.zip"
  (( k % 2 )) && spawn $ARC "archive byte flipped at $o: init --from-archive" err "zf$o.zip" '' do_restore "$IN/zf$o.zip"
done
printf 'this is not a zip\n' >"$IN/notzip.zip"; : >"$IN/empty.zip"; mkdir -p "$IN/dir.zip"
{ printf 'PK\005\006'; head -c 18 /dev/zero; } >"$IN/noentries.zip"
for z in notzip empty dir noentries; do
  spawn $ARC "$z.zip: import" err "$z.zip" '' do_import "$IN/$z.zip"
  spawn $ARC "$z.zip: init --from-archive" err "$z.zip" '' do_restore "$IN/$z.zip"
done
if (( HAVE_ZIP )); then
  X=$IN/zx; mkdir -p "$X"; (cd "$X" && unzip -q "$Z")
  DBSHA=$(sha "$X/project.quarry")
  mkzip() {  # name, then entries as path=source pairs (source "-" for none)
    local name=$1 d=$IN/mk-$1; shift; mkdir -p "$d"
    local e; for e in "$@"; do mkdir -p "$d/$(dirname "${e%%=*}")"; cp -P "${e#*=}" "$d/${e%%=*}"; done
    (cd "$d" && zip -q -X -y -r "$IN/$name.zip" .)
  }
  manifest_with() { sed -E "$1" "$X/manifest.json" >"$IN/$2"; }
  arc_both() {  # name expect needle
    spawn $ARC "$1: import" "$2" "${3:-$1.zip}" '' do_import "$IN/$1.zip"
    spawn $ARC "$1: init --from-archive" "$2" "${3:-$1.zip}" '' do_restore "$IN/$1.zip"
  }
  manifest_with "s/\"database_sha256\": \"[0-9a-f]*\"/\"database_sha256\": \"$(printf %064d 0)\"/" m-sha.json
  mkzip arc-sha-mismatch project.quarry="$X/project.quarry" manifest.json="$IN/m-sha.json"; arc_both arc-sha-mismatch err
  mkzip arc-no-manifest project.quarry="$X/project.quarry"; arc_both arc-no-manifest err
  mkzip arc-no-database manifest.json="$X/manifest.json"; arc_both arc-no-database err
  manifest_with 's/"documents": [0-9]+/"documents": 999/' m-count.json
  mkzip arc-count-mismatch project.quarry="$X/project.quarry" manifest.json="$IN/m-count.json"; arc_both arc-count-mismatch err
  manifest_with 's/"format_version": [0-9]+/"format_version": 999/' m-ver.json
  mkzip arc-format-999 project.quarry="$X/project.quarry" manifest.json="$IN/m-ver.json"; arc_both arc-format-999 err
  manifest_with 's/"documents": [0-9]+/"documents": "two"/' m-type.json
  mkzip arc-count-string project.quarry="$X/project.quarry" manifest.json="$IN/m-type.json"; arc_both arc-count-string err
  manifest_with 's/"database_file": "[^"]*"/"database_file": "nosuch.quarry"/' m-nofile.json
  mkzip arc-database-file-missing project.quarry="$X/project.quarry" manifest.json="$IN/m-nofile.json"; arc_both arc-database-file-missing err
  cp "$X/manifest.json" "$IN/m-deep.json"; inject_key "$IN/m-deep.json" "$IN/deep.frag"
  mkzip arc-manifest-deep project.quarry="$X/project.quarry" manifest.json="$IN/m-deep.json"; arc_both arc-manifest-deep err
  printf 'not json' >"$IN/m-notjson.json"
  mkzip arc-manifest-not-json project.quarry="$X/project.quarry" manifest.json="$IN/m-notjson.json"; arc_both arc-manifest-not-json err
  put_byte "$X/manifest.json" 10 377 "$IN/m-ff.json"
  mkzip arc-manifest-0xFF project.quarry="$X/project.quarry" manifest.json="$IN/m-ff.json"; arc_both arc-manifest-0xFF err
  # a database that is not a database, with a matching sha256
  printf 'SQLite format 3\000 but nothing else' >"$IN/fake.db"
  manifest_with "s/\"database_sha256\": \"[0-9a-f]*\"/\"database_sha256\": \"$(sha "$IN/fake.db")\"/" m-fake.json
  mkzip arc-fake-database project.quarry="$IN/fake.db" manifest.json="$IN/m-fake.json"; arc_both arc-fake-database err
  # the database as a symlink, and zip-slip / absolute names for an extra entry and for the database
  ln -sf /etc/hostname "$IN/link.quarry"
  mkzip arc-db-symlink project.quarry="$IN/link.quarry" manifest.json="$X/manifest.json"; arc_both arc-db-symlink err
  printf 'evil\n' >"$IN/evil.txt"
  slipname="hostile-slip-$$.txt"
  mkzip arc-slip project.quarry="$X/project.quarry" manifest.json="$X/manifest.json" "aa/aa/$slipname=$IN/evil.txt"
  sed -i "s#aa/aa/$slipname#../../$slipname#g" "$IN/arc-slip.zip"   # same length: headers stay valid
  mkzip arc-abs project.quarry="$X/project.quarry" manifest.json="$X/manifest.json" "Xtmp/$slipname=$IN/evil.txt"
  sed -i "s#Xtmp/$slipname#/tmp/$slipname#g" "$IN/arc-abs.zip"
  do_slip() { do_import "$1"; local p; for p in "$CD/../../$slipname" "$CD/../$slipname" "/tmp/$slipname" "$W/$slipname" "$(dirname "$W")/$slipname"; do
      [ -e "$p" ] && { OUTCOME_DOWNGRADE="wrote $p outside the extraction folder"; rm -f "$p"; }; done; }
  do_slip_restore() { do_restore "$1"; local p; for p in "$CD/../../$slipname" "$CD/../$slipname" "/tmp/$slipname" "$W/$slipname"; do
      [ -e "$p" ] && { OUTCOME_DOWNGRADE="wrote $p outside the extraction folder"; rm -f "$p"; }; done; }
  # An unnamed extra entry may be refused or ignored (the manifest does not name it); writing it is not allowed.
  spawn $ARC "zip-slip ../../ entry (refused or ignored)" any arc-slip.zip '' do_slip "$IN/arc-slip.zip"
  spawn $ARC "zip-slip ../../ entry: init --from-archive" any arc-slip.zip '' do_slip_restore "$IN/arc-slip.zip"
  spawn $ARC "absolute /tmp entry (refused or ignored)" any arc-abs.zip '' do_slip "$IN/arc-abs.zip"
  spawn $ARC "absolute /tmp entry: init --from-archive" any arc-abs.zip '' do_slip_restore "$IN/arc-abs.zip"
  manifest_with 's/"database_file": "[^"]*"/"database_file": "..\/..\/p.quarry"/' m-dbslip.json
  mkzip arc-db-slip "aa/aa/p.quarry=$X/project.quarry" manifest.json="$IN/m-dbslip.json"
  sed -i 's#aa/aa/p.quarry#../../p.quarry#g' "$IN/arc-db-slip.zip"; arc_both arc-db-slip err
  manifest_with 's/"database_file": "[^"]*"/"database_file": "\/etc\/passwd"/' m-dbabs.json
  mkzip arc-db-absolute project.quarry="$X/project.quarry" manifest.json="$IN/m-dbabs.json"; arc_both arc-db-absolute err
  # junk entry of 128 MiB zeros beside a sound database: valid, and must not be inflated to disk
  head -c 134217728 /dev/zero >"$IN/junk.bin"
  mkzip arc-junk project.quarry="$X/project.quarry" manifest.json="$X/manifest.json" junk.bin="$IN/junk.bin"
  rm -f "$IN/junk.bin" "$IN/mk-arc-junk/junk.bin"
  do_junk() { cp "$P0" "$CD/p.quarry"; cli_fsize 32768 import "$CD/p.quarry" "$1"; }
  do_junk_restore() { cli_fsize 32768 init "$CD/new.quarry" --from-archive "$1"; }
  spawn $ARC "128 MiB junk entry under ulimit -f 32 MiB (valid, never inflated)" ok arc-junk.zip '' do_junk "$IN/arc-junk.zip"
  spawn $ARC "128 MiB junk entry: init --from-archive under ulimit -f 32 MiB" ok arc-junk.zip '' do_junk_restore "$IN/arc-junk.zip"
  # zip bomb: the database itself is 256 MiB of zeros, its sha256 in the manifest
  head -c 268435456 /dev/zero >"$IN/bomb.db"
  manifest_with "s/\"database_sha256\": \"[0-9a-f]*\"/\"database_sha256\": \"$(sha "$IN/bomb.db")\"/" m-bomb.json
  mkzip arc-bomb project.quarry="$IN/bomb.db" manifest.json="$IN/m-bomb.json"; rm -f "$IN/bomb.db" "$IN/mk-arc-bomb/project.quarry"
  do_bomb() { cp "$P0" "$CD/p.quarry"; guard_proj "$CD/p.quarry" "$P0_SHA" "$P0_STATS"; cli_fsize 32768 import "$CD/p.quarry" "$1"; }
  spawn $ARC "zip bomb: 256 MiB database (import, ulimit -f 32 MiB)" err arc-bomb.zip '' do_bomb "$IN/arc-bomb.zip"
  spawn $ARC "zip bomb: 256 MiB database (init --from-archive)" err arc-bomb.zip '' do_restore "$IN/arc-bomb.zip"
  if (( HAVE_SQLITE )); then
    pages=$(( $(size "$X/project.quarry") / 4096 ))
    for pg in 2 7 13 21 29 $((pages - 1)); do
      (( pg >= pages )) && continue
      db=$IN/page$pg.db
      { head -c $((pg * 4096)) "$X/project.quarry"; head -c 4096 /dev/zero; tail -c +$(( (pg + 1) * 4096 + 1 )) "$X/project.quarry"; } >"$db"
      # a zeroed free page is harmless; the expectation follows SQLite's own integrity_check
      if [ "$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | head -1)" = ok ]; then exp=any; else exp=err; fi
      manifest_with "s/\"database_sha256\": \"[0-9a-f]*\"/\"database_sha256\": \"$(sha "$db")\"/" m-page$pg.json
      mkzip arc-page$pg project.quarry="$db" manifest.json="$IN/m-page$pg.json"
      spawn $ARC "database page $pg zeroed, sha256 matching: import" "$exp" "arc-page$pg.zip" '' do_import "$IN/arc-page$pg.zip"
      spawn $ARC "database page $pg zeroed, sha256 matching: init --from-archive" "$exp" "arc-page$pg.zip" '' do_restore "$IN/arc-page$pg.zip"
    done
    sqledit() {  # name sql
      cp "$X/project.quarry" "$IN/$1.db"; sqlite3 "$IN/$1.db" "$2" >/dev/null 2>&1
      manifest_with "s/\"database_sha256\": \"[0-9a-f]*\"/\"database_sha256\": \"$(sha "$IN/$1.db")\"/" m-$1.json
      mkzip "arc-$1" project.quarry="$IN/$1.db" manifest.json="$IN/m-$1.json"; arc_both "arc-$1" err
    }
    sqledit fk-violation 'UPDATE entity_spans SET document_id = 999 WHERE id = (SELECT MIN(id) FROM entity_spans)'
    sqledit fk-relation 'UPDATE relations SET head_id = 12345'
    sqledit counts-differ 'DELETE FROM relations'
    sqledit invalid-utf8-text "UPDATE documents SET text = CAST(X'41FF42' AS TEXT) WHERE id = (SELECT MIN(id) FROM documents)"
    sqledit offsets-past-text 'UPDATE entity_spans SET end_cp = 100000 WHERE id = (SELECT MIN(id) FROM entity_spans)'
    sqledit dropped-table 'DROP TABLE edit_log'
  else
    SKIPPED+=("corrupted-SQLite-page and foreign-key archive cases: no sqlite3")
  fi
else
  SKIPPED+=("rebuilt-archive cases (manifest tricks, zip-slip, bombs, SQLite pages): no zip/unzip")
fi

fi

# ================================================================= model folders
log "hostile-inputs: model folders"
MOD=models
if want models; then
mc() { local src=$1 cmd=$2 nm=$3 exp=$4 needle=$5 fre=$6; shift 6; spawn $MOD "$nm [$cmd]" "$exp" "$needle" "$fre" do_model "$src" "$cmd" "$@"; }
# BiLSTM-CRF folder trained above
mc "$BL" predict "bilstm intact (valid)" ok '' '' m_none
for f in config.json model.safetensors quarry_ner.json vocab.json; do
  mc "$BL" predict "bilstm $f deleted" err "$f" '' m_rm "$f"
  mc "$BL" predict "bilstm $f empty" err "$f" '' m_empty "$f"
  mc "$BL" predict "bilstm $f a directory" err "$f" '' m_dir "$f"
done
for f in config.json quarry_ner.json vocab.json; do
  mc "$BL" predict "bilstm $f 100,000-deep array" err "$f" 'hostile|nest' m_deep "$f" 100000
  mc "$BL" predict "bilstm $f truncated" err "$f" '' m_trunc "$f" 40
  mc "$BL" predict "bilstm $f 0xFF" err "$f" '' m_ff "$f" 12
done
STS=$(size "$BL/model.safetensors")
for o in 8 $((STS / 2)) $((STS - 1)); do
  mc "$BL" predict "bilstm model.safetensors truncated at $o" err model.safetensors '' m_trunc model.safetensors "$o"
done
mc "$BL" predict "bilstm config word_vocab_size 10^12" err config.json word_vocab_size m_sed config.json 's/"word_vocab_size": [0-9]+/"word_vocab_size": 1000000000000/'
mc "$BL" predict "bilstm config lstm_hidden 10^9" err config.json lstm_hidden m_sed config.json 's/"lstm_hidden": [0-9]+/"lstm_hidden": 1000000000/'
mc "$BL" predict "bilstm config num_tags 0" err '' num_tags m_sed config.json 's/"num_tags": [0-9]+/"num_tags": 0/'
mc "$BL" predict "bilstm config num_tags 99" err '' num_tags m_sed config.json 's/"num_tags": [0-9]+/"num_tags": 99/'
mc "$BL" predict "bilstm config char_kernel -1" err config.json char_kernel m_sed config.json 's/"char_kernel": [0-9]+/"char_kernel": -1/'
mc "$BL" predict "bilstm config dropout string" err config.json dropout m_sed config.json 's/"dropout": [0-9.]+/"dropout": "half"/'
mc "$BL" predict "bilstm config model_type gpt2" err config.json model_type m_sed config.json 's/"model_type": "[^"]*"/"model_type": "gpt2"/'
mc "$BL" predict "bilstm config word_dim 1e400" err config.json word_dim m_sed config.json 's/"word_dim": [0-9]+/"word_dim": 1e400/'
mc "$BL" predict "bilstm vocab words not an array" err vocab.json words m_sed vocab.json 's/"words": \[/"words": 5, "w": [/'
mc "$BL" predict "bilstm vocab extra words" err vocab.json '' m_sed vocab.json 's/"words": \[/"words": ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", /'
mc "$BL" predict "bilstm vocab invalid UTF-8 word" err vocab.json '' m_sed vocab.json 's/"aspirin"/"asp\xffirin"/'
mc "$BL" predict "bilstm vocab format wrong" err vocab.json format m_sed vocab.json 's/"format": "[^"]*"/"format": "nope"/'
mc "$BL" predict "bilstm quarry_ner kind 5" err quarry_ner.json kind m_sed quarry_ner.json 's/"kind": "[^"]*"/"kind": 5/'
mc "$BL" predict "bilstm quarry_ner format_version 999" err quarry_ner.json format_version m_sed quarry_ner.json 's/"format_version": [0-9]+/"format_version": 999/'
mc "$BL" predict "bilstm quarry_ner tags dropped" err '' 'tag' m_sed quarry_ner.json 's/"B-DRUG",//'
mc "$BL" predict "bilstm quarry_ner encoding bilou" err quarry_ner.json encoding m_sed quarry_ner.json 's/"encoding": "[^"]*"/"encoding": "bilou"/'
mc "$BL" predict "bilstm tensor missing (crf.end_transitions)" err model.safetensors 'crf\.|data_offsets|missing' m_st 's/"crf\.end_transitions":\{[^}]*\},?//'
mc "$BL" predict "bilstm tensor F32 declared I32" err model.safetensors char_conv.bias m_st 's/("char_conv\.bias":\{"dtype":")F32/\1I32/'
mc "$BL" predict "bilstm tensor shape changed" err model.safetensors char_conv.bias m_st 's/("char_conv\.bias":\{"dtype":"F32","shape":\[)([0-9]+)/\1999/'
mc "$BL" predict "bilstm data_offsets past the file" err model.safetensors '' m_st 's/("char_conv\.bias":\{[^}]*"data_offsets":\[)([0-9]+),[0-9]+/\1\2,99999999/'
mc "$BL" predict "bilstm overlapping data_offsets" err model.safetensors '' m_st 's/("char_conv\.bias":\{[^}]*"data_offsets":\[)[0-9]+,[0-9]+/\10,16/'
mc "$BL" predict "bilstm safetensors header length 2^63" err model.safetensors '' m_st_len 9223372036854775807
mc "$BL" predict "bilstm safetensors header length 0" err model.safetensors '' m_st_len 0
mc "$BL" predict "bilstm safetensors __metadata__ 2,000 deep" err model.safetensors '' m_st "s/^\\{/{\"__metadata__\":$(deep 2000),/"
mc "$BL" evaluate "bilstm config num_tags 99" err '' num_tags m_sed config.json 's/"num_tags": [0-9]+/"num_tags": 99/'
mc "$BL" evaluate "bilstm tensor missing" err model.safetensors 'crf\.|data_offsets|missing' m_st 's/"crf\.end_transitions":\{[^}]*\},?//'
mc "$BL" evaluate "bilstm vocab.json deleted" err vocab.json '' m_rm vocab.json
spawn $MOD "predict: a model folder that does not exist" err nosuch-model '' do_cli predict "$W/nosuch-model" "$NOTE_TXT" --output "$W/c/nm.jsonl"
spawn $MOD "predict: a file as the model folder" err s.jsonl '' do_cli predict "$IN/s.jsonl" "$NOTE_TXT" --output "$W/c/nm2.jsonl"
spawn $MOD "predict: an empty folder as the model" err adir.jsonl '' do_cli predict "$IN/adir.jsonl" "$NOTE_TXT" --output "$W/c/nm3.jsonl"

if [ -n "$TF" ]; then
  mc "$TF" predict "bert intact (valid)" ok '' '' m_none
  for f in config.json model.safetensors quarry_ner.json vocab.txt; do
    mc "$TF" predict "bert $f deleted" err "${f%.txt}" '' m_rm "$f"
  done
  mc "$TF" predict "bert model.safetensors empty" err model.safetensors '' m_empty model.safetensors
  mc "$TF" predict "bert tokenizer_config.json deleted (BERT defaults: valid)" any '' '' m_rm tokenizer_config.json
  for f in config.json quarry_ner.json tokenizer_config.json; do
    mc "$TF" predict "bert $f 100,000-deep array" err "$f" 'hostile|nest' m_deep "$f" 100000
    mc "$TF" predict "bert $f truncated" err "$f" '' m_trunc "$f" 50
  done
  cfg_sed() { mc "$TF" "$1" "bert config $2" err config.json "$3" m_sed config.json "$4"; }
  cfg_sed predict "hidden_size 10^12" hidden_size 's/"hidden_size": [0-9]+/"hidden_size": 1000000000000/'
  cfg_sed predict "num_hidden_layers 10^7" num_hidden_layers 's/"num_hidden_layers": [0-9]+/"num_hidden_layers": 10000000/'
  cfg_sed predict "num_hidden_layers 6 (beyond the weights)" num_hidden_layers 's/"num_hidden_layers": [0-9]+/"num_hidden_layers": 6/'
  cfg_sed predict "num_attention_heads 5 (does not divide 12)" num_attention_heads 's/"num_attention_heads": [0-9]+/"num_attention_heads": 5/'
  cfg_sed predict "num_attention_heads 0" num_attention_heads 's/"num_attention_heads": [0-9]+/"num_attention_heads": 0/'
  cfg_sed predict "type_vocab_size 0" type_vocab_size 's/"type_vocab_size": [0-9]+/"type_vocab_size": 0/'
  cfg_sed predict "hidden_act unknown" hidden_act 's/"hidden_act": "[^"]*"/"hidden_act": "swish-9"/'
  cfg_sed predict "layer_norm_eps string" layer_norm_eps 's/"layer_norm_eps": [0-9.e-]+/"layer_norm_eps": "tiny"/'
  cfg_sed predict "max_position_embeddings 1e400" max_position_embeddings 's/"max_position_embeddings": [0-9]+/"max_position_embeddings": 1e400/'
  cfg_sed predict "model_type gpt2" model_type 's/"model_type": "[^"]*"/"model_type": "gpt2"/'
  cfg_sed predict "vocab_size 5000000" '' 's/"vocab_size": [0-9]+/"vocab_size": 5000000/'
  cfg_sed predict "id2label an array" '' 's/"id2label": \{/"id2label": [{/; s/"4": "I-DRUG"$/"4": "I-DRUG"}/'
  cfg_sed evaluate "hidden_size 10^12" hidden_size 's/"hidden_size": [0-9]+/"hidden_size": 1000000000000/'
  cfg_sed evaluate "num_hidden_layers 10^7" num_hidden_layers 's/"num_hidden_layers": [0-9]+/"num_hidden_layers": 10000000/'
  cfg_sed train "hidden_size 10^12" hidden_size 's/"hidden_size": [0-9]+/"hidden_size": 1000000000000/'
  cfg_sed train "type_vocab_size 0" type_vocab_size 's/"type_vocab_size": [0-9]+/"type_vocab_size": 0/'
  mc "$TF" predict "bert tokenizer_config model_max_length 1e400" err tokenizer_config.json model_max_length m_sed tokenizer_config.json 's/"model_max_length": [0-9]+/"model_max_length": 1e400/'
  mc "$TF" predict "bert tokenizer_config do_lower_case string" err tokenizer_config.json do_lower_case m_sed tokenizer_config.json 's/"do_lower_case": true/"do_lower_case": "yes"/'
  mc "$TF" predict "bert tokenizer_config tokenizer_class 5" err tokenizer_config.json tokenizer_class m_sed tokenizer_config.json 's/"tokenizer_class": "[^"]*"/"tokenizer_class": 5/'
  mc "$TF" predict "bert tokenizer_config tokenizer_class unknown" err tokenizer_config.json tokenizer_class m_sed tokenizer_config.json 's/"tokenizer_class": "[^"]*"/"tokenizer_class": "FooTokenizer"/'
  mc "$TF" predict "bert vocab.txt longer than the embedding" err vocab.txt '' m_append vocab.txt 'extra1\nextra2\nextra3\n'
  mc "$TF" predict "bert vocab.txt invalid UTF-8" err vocab.txt '' m_sed vocab.txt '7s/.*/\xff\xfe/'
  mc "$TF" predict "bert vocab.txt [UNK] removed" err vocab.txt 'UNK' m_sed vocab.txt '/^\[UNK\]$/d'
  mc "$TF" evaluate "bert vocab.txt longer than the embedding" err vocab.txt '' m_append vocab.txt 'extra1\nextra2\nextra3\n'
  mc "$TF" train "bert vocab.txt longer than the embedding" err vocab.txt '' m_append vocab.txt 'extra1\nextra2\nextra3\n'
  mc "$TF" predict "bert encoder tensor missing" err model.safetensors 'bert\.encoder\.layer|data_offsets|missing' m_st 's/"bert\.encoder\.layer\.0\.output\.dense\.weight":\{[^}]*\},?//'
  mc "$TF" evaluate "bert classifier missing" err model.safetensors 'classifier\.|data_offsets|missing' m_st 's/"classifier\.weight":\{[^}]*\},?//'
  mc "$TF" predict "bert classifier missing" err model.safetensors 'classifier\.|data_offsets|missing' m_st 's/"classifier\.weight":\{[^}]*\},?//'
  mc "$TF" train "bert encoder tensor missing" err model.safetensors 'bert\.encoder\.layer|data_offsets|missing' m_st 's/"bert\.encoder\.layer\.0\.output\.dense\.weight":\{[^}]*\},?//'
  mc "$TF" predict "bert tensor F32 declared I32" err model.safetensors 'query.weight' m_st 's/("bert\.encoder\.layer\.0\.attention\.self\.query\.weight":\{"dtype":")F32/\1I32/'
  mc "$TF" predict "bert tensor F32 declared F16" err model.safetensors 'query.weight' m_st 's/("bert\.encoder\.layer\.0\.attention\.self\.query\.weight":\{"dtype":")F32/\1F16/'
  mc "$TF" predict "bert extra tensor of layer 7" err model.safetensors 'layer' m_st 's/"bert\.encoder\.layer\.0\.output\.dense\.bias"/"bert.encoder.layer.7.output.dense.bias"/'
  TFS=$(size "$TF/model.safetensors")
  for o in 0 7 500 $((TFS / 3)) $((TFS - 4)); do
    mc "$TF" predict "bert model.safetensors truncated at $o" err model.safetensors '' m_trunc model.safetensors "$o"
  done
  mc "$TF" predict "bert safetensors header 0xFF" err model.safetensors '' m_ff model.safetensors 40
  mc "$TF" predict "bert safetensors index.json 100,000 deep" err model.safetensors.index.json 'metadata|nest' \
    m_index "{\"metadata\": $(deep 100000), \"weight_map\": {}}"
  mc "$TF" predict "bert quarry_ner kind transformer->bilstm-crf" err '' '' m_sed quarry_ner.json 's/"kind": "transformer"/"kind": "bilstm-crf"/'
  mc "$TF" predict "bert quarry_ner max_length string" err quarry_ner.json max_length m_sed quarry_ner.json 's/"max_length": [0-9]+/"max_length": "long"/'
  mc "$TF" predict "bert quarry_ner stride -3" err quarry_ner.json stride m_sed quarry_ner.json 's/"stride": [0-9]+/"stride": -3/'
  mc "$TF" predict "bert quarry_ner crf 1" err quarry_ner.json crf m_sed quarry_ner.json 's/"crf": false/"crf": 1/'
  # through pytorch_model.bin (the fixture's weights: same shapes, so the intact one is valid)
  mc "$TF" predict "bert pytorch_model.bin instead of safetensors (valid)" ok '' '' m_bin ''
  BINS=$(size "$FIX/models/bert-token-classification/pytorch_model.bin")
  for o in 0 100 2000 $((BINS / 2)) $((BINS - 30)); do
    mc "$TF" predict "bert pytorch_model.bin truncated at $o" err pytorch_model.bin '' m_bin "m_trunc pytorch_model.bin $o"
  done
  for k in 3 5 7; do
    mc "$TF" predict "bert pytorch_model.bin byte flipped at ${k}/10" err pytorch_model.bin '' m_bin "m_flip pytorch_model.bin $((BINS * k / 10))"
  done
  mc "$TF" predict "bert pytorch_model.bin a text file" err pytorch_model.bin '' m_bin "m_write pytorch_model.bin 'not a zip'"
  # through tokenizer.json (vocab.txt removed)
  mc "$TF" predict "bert tokenizer.json intact (valid)" ok '' '' m_tokjson ''
  tj() { mc "$TF" predict "bert tokenizer.json $1" err tokenizer.json "$2" m_tokjson "$3"; }
  tj "added_tokens[0].rstrip \"yes\"" 'rstrip' '0,/"rstrip": false/s//"rstrip": "yes"/'
  tj "added_tokens[0].special 2" 'special' '0,/"special": true/s//"special": 2/'
  tj "added_tokens[0].id -5" 'id' '0,/"id": 0,/s//"id": -5,/'
  tj "normalizer.lowercase \"no\"" 'lowercase' 's/"lowercase": true/"lowercase": "no"/'
  tj "model.type Foo" 'type' 's/"type": "WordPiece"/"type": "Foo"/'
  tj "max_input_chars_per_word 1e400" 'max_input_chars_per_word' 's/"max_input_chars_per_word": [0-9]+/"max_input_chars_per_word": 1e400/'
  tj "vocab id a string" 'vocab' '0,/"\[PAD\]": 0/s//"[PAD]": "zero"/'
  tj "truncated" '' '$d'
  tj "added_tokens an object" 'added_tokens' 's/"added_tokens": \[/"added_tokens": {"x": [/; 0,/^  \],/s//  ]},/'
  # the fixture folders themselves: not Quarry folders for predict; fine-tuning a damaged one
  spawn $MOD "predict: a Hugging Face folder that is not a Quarry model" err quarry_ner.json '' do_cli predict "$FIX/models/bert-token-classification" "$NOTE_TXT" --output "$W/c/hf.jsonl"
  mc "$FIX/models/bert-token-classification" train "fixture bert: config hidden_size 10^12" err config.json hidden_size m_sed config.json 's/"hidden_size": [0-9]+/"hidden_size": 1000000000000/'
  mc "$FIX/models/bert-token-classification" train "fixture bert: vocab.txt deleted" err vocab '' m_rm vocab.txt
  mc "$FIX/models/bert-token-classification" train "fixture bert: safetensors truncated" err model.safetensors '' m_trunc model.safetensors 5000
  [ -d "$FIX/models/roberta" ] && {
    mc "$FIX/models/roberta" train "fixture roberta: merges.txt truncated mid-line" any merges.txt '' m_trunc merges.txt 1000
    mc "$FIX/models/roberta" train "fixture roberta: vocab.json 0xFF" err vocab.json '' m_ff vocab.json 100
    mc "$FIX/models/roberta" train "fixture roberta: vocab.json deleted" err '' '' m_rm vocab.json
  }
fi
fi
drain

# ================================================================= signals and kills (serial: timing matters)
log "hostile-inputs: signals and kills"
SIG=signals
start_bg() {  # args...: quarry-cli in the background with SIGINT/SIGTERM at their default action
  if (( ENV_DEFSIG )); then
    env --default-signal=INT,TERM "$CLI" "$@" >"$CD/out" 2>"$CD/err" </dev/null &
  else
    set -m; "$CLI" "$@" >"$CD/out" 2>"$CD/err" </dev/null & set +m
  fi
  BGPID=$!
}
wait_bg() {  # limit-seconds -> RC, HUNG
  local s=$SECONDS; HUNG=0
  while kill -0 "$BGPID" 2>/dev/null; do
    if (( SECONDS - s > $1 )); then HUNG=1; kill -9 "$BGPID" 2>/dev/null; break; fi
    sleep 0.1
  done
  wait "$BGPID" 2>/dev/null; RC=$?
}
rand_sleep() { local ms=$(( $1 + RANDOM % ($2 - $1 + 1) )); sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"; echo "$ms"; }
integrity() {  # project -> "" when sound, else what is wrong
  local p=$1 r
  if (( HAVE_SQLITE )); then
    r=$(sqlite3 "$p" 'PRAGMA integrity_check; PRAGMA foreign_key_check;' 2>&1 | tr '\n' ' ')
    [ "$r" = "ok " ] || { echo "integrity_check: $r"; return; }
  fi
  timeout 60 "$CLI" stats --json "$p" >/dev/null 2>&1 || echo "stats fails"
}
docs_of() { timeout 60 "$CLI" stats --json "$1" 2>/dev/null | grep -m1 '"documents"' | tr -dc 0-9; }

# A larger NER project whose training runs long enough to interrupt, and a big JSONL import.
{
  words=(Aspirin Ibuprofen Naloxone Clonidine Heparin Warfarin Insulin Morphine)
  dis=(headache migraine hypotension fever asthma nausea anemia gout)
  for ((i = 0; i < 300; i++)); do
    printf '%s\tB-DRUG\nwas\tO\ngiven\tO\nfor\tO\n%s\tB-DISEASE\nin\tO\ncase\tO\nw%d\tO\n.\tO\n\n' \
      "${words[i % 8]}" "${dis[(i * 5) % 8]}" "$i"
  done
} >"$IN/sig-train.conll"
SP=$W/sig.quarry
S init "$SP"; S import "$SP" "$IN/sig-train.conll" --split train; S import "$SP" "$IN/dev.conll" --split dev
SIGTRAIN=(train --project "$SP" --from-scratch --threads 1 --set epochs=400 --set batch_size=8 --set lstm_hidden=64 --set word_dim=32 --set patience=0)
a=(); for ((i = 0; i < 40000; i++)); do s=train; ((i % 10 == 0)) && s=dev; a+=($i $((i % 97)) $i $s); done
printf '{"text": "Aspirin treats headache in patient %d of ward %d", "spans": [{"start": 0, "end": 7, "label": "DRUG"}, {"start": 15, "end": 23, "label": "DISEASE"}], "meta": {"name": "b%d", "split": "%s"}}\n' "${a[@]}" >"$IN/big.jsonl"
unset a
BIG=$W/big.quarry
S init "$BIG"
t0=$(date +%s%N); S import "$BIG" "$IN/big.jsonl"; t1=$(date +%s%N)
IMPORT_MS=$(( (t1 - t0) / 1000000 ))
BIG_DOCS=$(docs_of "$BIG")
log "hostile-inputs: a 40,000-document import takes ${IMPORT_MS} ms here"
P0_DOCS=$(docs_of "$P0")

sig_train() {  # signal when(early|started)
  next_id; local sig=$1 when=$2 out=$CD/run ms=150 started=0 msg="" outcome data=0 s
  start_bg "${SIGTRAIN[@]}" --output "$out"
  if [ "$when" = started ]; then
    s=$SECONDS
    while ! grep -q 'train 1/' "$CD/err" 2>/dev/null && kill -0 "$BGPID" 2>/dev/null && (( SECONDS - s < 90 )); do sleep 0.05; done
    ms=$(rand_sleep 0 2500)
  else
    sleep 0.15
  fi
  kill -s "$sig" "$BGPID" 2>/dev/null
  wait_bg 120
  grep -q 'train [0-9]*/' "$CD/err" && started=1
  local signum; signum=$(kill -l "$sig" 2>/dev/null)
  msg="SIG$sig after ${ms} ms ($when), exit $RC"
  if (( HUNG )); then outcome=other; msg+=": hung after the signal"
  elif grep -Eq "$CRASH_RE" "$CD/err" || { (( RC > 128 )) && (( RC != 128 + signum )); }; then
    outcome=crash; msg+=": $(grep -E -m1 "$CRASH_RE" "$CD/err")"
  elif (( RC == 3 )); then
    outcome=clear
    if ! grep -q cancelled "$CD/out"; then outcome=other; msg+=": exit 3 without 'cancelled'"; fi
    if [ ! -d "$out/last" ] || ! grep -q '"cancelled"' "$out/run.json" 2>/dev/null; then
      data=1; msg+=": DATA: cancelled run left no last/ or no run.json marked cancelled"
    fi
  elif (( RC == 128 + signum )); then
    if (( started == 0 )) && [ ! -e "$out" ]; then outcome=clear; msg+=": ended by the signal before setup finished, nothing written"
    else outcome=other; msg+=": died by the signal after training began"; [ -d "$out/last" ] || { data=1; msg+="; DATA: no last/"; }; fi
  elif (( RC == 0 )); then outcome=valid; msg+=": finished before the signal"
  else outcome=other; msg+=": $(first_msg)"; fi
  local bad; bad=$(integrity "$SP"); [ -n "$bad" ] && { data=1; msg+="; DATA: project $bad"; }
  record "$ID" $SIG "$outcome" "$data" "train, SIG$sig $when" "$RC" "$msg"
  rm -rf "$CD"
}
sig_train_kill9() {  # kill -9 during training: whatever best/ exists must load
  next_id; local out=$CD/run msg outcome=clear data=0 s
  start_bg "${SIGTRAIN[@]}" --output "$out"
  s=$SECONDS
  while ! grep -q 'train 1/' "$CD/err" 2>/dev/null && kill -0 "$BGPID" 2>/dev/null && (( SECONDS - s < 90 )); do sleep 0.05; done
  local ms; ms=$(rand_sleep 200 3000)
  kill -9 "$BGPID" 2>/dev/null; wait_bg 30
  msg="kill -9 ${ms} ms into training, exit $RC"
  if grep -Eq "$CRASH_RE" "$CD/err" || { (( RC != 137 )) && (( RC > 128 )); }; then outcome=crash; fi
  (( RC == 0 )) && outcome=valid
  if [ -d "$out/best" ]; then
    if ! timeout 120 "$CLI" evaluate "$out/best" --data "$DEV_CONLL" --threads 1 >/dev/null 2>"$CD/ev.err"; then
      data=1; msg+="; DATA: best/ left by the kill does not load: $(grep -v -E "$PROGRESS_RE" "$CD/ev.err" | head -1)"
    fi
  fi
  if [ -d "$out/last" ]; then
    CD2=$CD; timeout 240 "$CLI" "${SIGTRAIN[@]}" --output "$out" --resume --set epochs=1 >/dev/null 2>"$CD/res.err"; local rr=$?
    # resuming with other options may be refused; it must not crash
    if (( rr > 128 )) || grep -Eq "$CRASH_RE" "$CD/res.err"; then outcome=crash; msg+="; --resume crashed (exit $rr)"; else msg+="; --resume exit $rr"; fi
  fi
  local bad; bad=$(integrity "$SP"); [ -n "$bad" ] && { data=1; msg+="; DATA: project $bad"; }
  record "$ID" $SIG "$outcome" "$data" "train, kill -9" "$RC" "$msg"
  rm -rf "$CD"
}
sig_import() {  # signal
  next_id; local sig=$1 msg outcome data=0 p=$CD/p.quarry n
  cp "$P0" "$p"
  start_bg import "$p" "$IN/big.jsonl"
  local hi=$(( IMPORT_MS * 9 / 10 )); (( hi < 300 )) && hi=300
  local ms; ms=$(rand_sleep 100 "$hi")
  kill -s "$sig" "$BGPID" 2>/dev/null
  wait_bg 120
  local signum; signum=$(kill -l "$sig" 2>/dev/null)
  msg="SIG$sig ${ms} ms into a ${IMPORT_MS} ms import, exit $RC"
  if (( HUNG )); then outcome=other; msg+=": hung"
  elif grep -Eq "$CRASH_RE" "$CD/err" || { (( RC > 128 )) && (( RC != 128 + signum )); }; then outcome=crash
  elif (( RC == 0 )); then outcome=valid; msg+=": finished before the signal"
  else outcome=clear; msg+=": $(first_msg)"; fi
  n=$(docs_of "$p")
  if [ "$n" != "$P0_DOCS" ] && [ "$n" != "$((P0_DOCS + BIG_DOCS))" ]; then
    data=1; msg+="; DATA: $n documents, neither $P0_DOCS nor $((P0_DOCS + BIG_DOCS)) (not all or nothing)"
  else msg+="; $n documents"; fi
  if (( RC != 0 )) && [ "$n" != "$P0_DOCS" ]; then
    # SIGKILL landing between the commit and the exit: nothing can prevent it, and the import is whole
    if [ "$sig" = KILL ] && [ "$n" = "$((P0_DOCS + BIG_DOCS))" ]; then outcome=valid; msg+=" (killed after the commit: the import is complete)"
    else data=1; msg+="; DATA: failed import changed the project"; fi
  fi
  (( RC == 3 )) && ! grep -q cancelled "$CD/err" && { outcome=other; msg+="; exit 3 without 'cancelled'"; }
  local bad; bad=$(integrity "$p"); [ -n "$bad" ] && { data=1; msg+="; DATA: $bad"; }
  record "$ID" $SIG "$outcome" "$data" "import, SIG$sig" "$RC" "$msg"
  rm -rf "$CD"
}
sig_export_kill9() {
  next_id; local t=$CD/out.jsonl msg outcome=clear data=0 old
  timeout 60 "$CLI" export "$P0" "$t" >/dev/null 2>&1; old=$(sha "$t")
  start_bg export "$BIG" "$t"
  local ms; ms=$(rand_sleep 50 1500)
  kill -9 "$BGPID" 2>/dev/null; wait_bg 30
  msg="kill -9 ${ms} ms into an export over an earlier one, exit $RC"
  (( RC == 0 )) && outcome=valid
  (( RC != 137 && RC > 128 )) && outcome=crash
  local now; now=$(sha "$t")
  if [ "$now" != "$old" ] && [ "$now" != "$BIG_EXPORT_SHA" ]; then data=1; msg+="; DATA: the target is neither the earlier export nor a complete new one"; fi
  record "$ID" $SIG "$outcome" "$data" "export, kill -9" "$RC" "$msg"
  rm -rf "$CD"
}
timeout 120 "$CLI" export "$BIG" "$W/big-ref.jsonl" >/dev/null 2>&1; BIG_EXPORT_SHA=$(sha "$W/big-ref.jsonl"); rm -f "$W/big-ref.jsonl"
if want signals; then
sig_train INT early; sig_train TERM early
for k in 1 2 3; do sig_train INT started; done
for k in 1 2; do sig_train TERM started; done
sig_train_kill9
for k in 1 2 3; do sig_import INT; sig_import TERM; done
for k in 1 2 3 4; do sig_import KILL; done
for k in 1 2 3; do sig_export_kill9; done
fi

# ================================================================= concurrency
log "hostile-inputs: concurrency"
CON=concurrency
if want concurrency; then
for w in 0 1 2 3; do
  a=(); for ((i = 0; i < 300; i++)); do a+=("$i" "w$w-$i"); done
  printf '{"text": "Aspirin treats headache number %s", "meta": {"name": "%s"}}\n' "${a[@]}" >"$IN/con$w.jsonl"
  sed "s/\"name\": \"w/\"name\": \"bad-w/" "$IN/con$w.jsonl" >"$IN/conbad$w.jsonl"; printf '{"text": "bad \xff"}\n' >>"$IN/conbad$w.jsonl"
done
unset a
conc_round() {  # label good-writers bad-writers readers
  local label=$1 good=$2 bad=$3 readers=$4 i
  next_id; local base=$CD p=$CD/busy.quarry
  timeout 60 "$CLI" init "$p" >/dev/null 2>&1
  local pids=() kinds=() outs=()
  for ((i = 0; i < good; i++)); do timeout "$TIMEOUT" "$CLI" import "$p" "$IN/con$i.jsonl" >"$base/o$i" 2>"$base/e$i" </dev/null & pids+=($!); kinds+=("import $i"); done
  for ((i = 0; i < bad; i++)); do timeout "$TIMEOUT" "$CLI" import "$p" "$IN/conbad$i.jsonl" >"$base/ob$i" 2>"$base/eb$i" </dev/null & pids+=($!); kinds+=("bad import $i"); done
  for ((i = 0; i < readers; i++)); do
    if (( i % 3 == 2 )); then timeout "$TIMEOUT" "$CLI" stats --json "$p" >"$base/or$i" 2>"$base/er$i" </dev/null &
    elif (( i % 3 == 1 )); then timeout "$TIMEOUT" "$CLI" export "$p" "$base/x$i.zip" >"$base/or$i" 2>"$base/er$i" </dev/null &
    else timeout "$TIMEOUT" "$CLI" export "$p" "$base/x$i.jsonl" >"$base/or$i" 2>"$base/er$i" </dev/null &
    fi
    pids+=($!); kinds+=("reader $i")
  done
  local k rc e outcome msg
  for k in "${!pids[@]}"; do
    wait "${pids[k]}"; rc=$?
    case ${kinds[k]} in
      "import "*) e=$base/e${kinds[k]#import }; ;;
      "bad import "*) e=$base/eb${kinds[k]#bad import }; ;;
      *) e=$base/er${kinds[k]#reader }; ;;
    esac
    msg="$label: ${kinds[k]} exit $rc $(grep -v -E "$PROGRESS_RE" "$e" | head -1 | cut -c1-160)"
    if grep -Eq "$CRASH_RE" "$e" || (( rc > 128 )); then outcome=crash
    elif [[ ${kinds[k]} == bad* ]]; then
      if (( rc == 1 )) && grep -q conbad "$e"; then outcome=clear; else outcome=other; fi
    elif (( rc == 0 )); then outcome=valid
    else outcome=other; fi
    grep -qi locked "$e" && { outcome=other; msg+=" (database is locked)"; }
    N=$((N + 1)); record "$N" $CON "$outcome" 0 "$label: ${kinds[k]}" "$rc" "$msg"
  done
  local n; n=$(docs_of "$p"); local expected=$((good * 300)) data=0 m
  m="$label: $n documents after all, $expected expected"
  [ "$n" = "$expected" ] || { data=1; m+="; DATA: lost or extra documents"; }
  local bad; bad=$(integrity "$p"); [ -n "$bad" ] && { data=1; m+="; DATA: $bad"; }
  for f in "$base"/x*.jsonl; do
    [ -f "$f" ] || continue
    if [ -s "$f" ] && [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" != '\n' ]; then data=1; m+="; DATA: $(basename "$f") ends mid-line"; fi
  done
  record "$ID" $CON "$([ $data = 0 ] && echo valid || echo other)" "$data" "$label: final project check" 0 "$m"
  rm -rf "$base"
}
conc_round "4 imports + 6 readers" 4 0 6
conc_round "4 imports + 6 readers (again)" 4 0 6
conc_round "3 good + 3 failing imports" 3 3 2
# the same target written by four exports at once: the result is one complete export
next_id; t=$CD/same.jsonl; pids=()
for i in 1 2 3 4; do timeout "$TIMEOUT" "$CLI" export "$BIG" "$t" >/dev/null 2>"$CD/e$i" </dev/null & pids+=($!); done
for i in 1 2 3 4; do
  wait "${pids[i - 1]}"; rc=$?; o=valid; (( rc > 128 )) || grep -Eq "$CRASH_RE" "$CD/e$i" && o=crash
  (( rc == 1 )) && o=clear; (( rc != 0 && rc != 1 && rc <= 128 )) && o=other
  N=$((N + 1)); record "$N" $CON "$o" 0 "export to one target, writer $i" "$rc" "exit $rc $(grep -v -E "$PROGRESS_RE" "$CD/e$i" | head -1)"
done
d=0; [ "$(sha "$t")" = "$BIG_EXPORT_SHA" ] || d=1
leftover=$(find "$CD" -maxdepth 1 -name '*same*' ! -name same.jsonl | wc -l)
record "$ID" $CON "$([ $d = 0 ] && echo valid || echo other)" "$d" "export to one target: result" 0 \
  "$([ $d = 0 ] && echo 'the target is one complete export' || echo 'DATA: the target is not a complete export'); $leftover temporary files left"
rm -rf "$CD"
# four inits of the same path: one project, the others refused
next_id; pids=()
for i in 1 2 3 4; do timeout 60 "$CLI" init "$CD/one.quarry" >/dev/null 2>"$CD/e$i" </dev/null & pids+=($!); done
ok=0
for i in 1 2 3 4; do
  wait "${pids[i - 1]}"; rc=$?
  if (( rc > 128 )) || grep -Eq "$CRASH_RE" "$CD/e$i"; then o=crash; elif (( rc == 0 )); then o=valid; ok=$((ok + 1))
  elif (( rc == 1 )) && grep -q one.quarry "$CD/e$i"; then o=clear; else o=other; fi
  N=$((N + 1)); record "$N" $CON "$o" 0 "init of one path, process $i" "$rc" "exit $rc $(head -1 "$CD/e$i")"
done
bad=$(integrity "$CD/one.quarry")
record "$ID" $CON "$([ "$ok" = 1 ] && [ -z "$bad" ] && echo valid || echo other)" "$([ -z "$bad" ] && echo 0 || echo 1)" \
  "init of one path: result" 0 "$ok of 4 inits succeeded; ${bad:-project sound}"
rm -rf "$CD"

fi

# ================================================================= full disk
log "hostile-inputs: full disk"
DISK=disk
if want disk; then
fill() { dd if=/dev/zero of="$1/filler" bs=4096 2>/dev/null; sync; }
disk_case() {  # where(tmpfs|fsize) format target-name
  next_id; local where=$1 fmt=$2 tgt=$3 dir msg outcome data=0 before after fargs=()
  if [ "$where" = tmpfs ]; then dir=$FULL; rm -rf "${FULL:?}"/*; else dir=$CD/disk; mkdir -p "$dir"; fi
  [ "$fmt" = archive ] || fargs=(--format "$fmt")
  if [ "$fmt" = archive ]; then timeout 60 "$CLI" export "$P0" "$dir/$tgt" >/dev/null 2>&1
  else timeout 60 "$CLI" export "$P0" "$dir/$tgt" "${fargs[@]}" >/dev/null 2>&1; fi
  [ -e "$dir/$tgt" ] || msg="(no earlier export could be made) "
  [ "$where" = tmpfs ] && fill "$dir"
  before=$(tree_sha "$dir"); local list_before; list_before=$(cd "$dir" && find . | sort)
  if [ "$where" = tmpfs ]; then cli export "$BIG" "$dir/$tgt" "${fargs[@]}"
  else cli_fsize 1024 export "$BIG" "$dir/$tgt" "${fargs[@]}"; fi
  local want='No space left|File too large'
  classify err "$tgt" "$want"
  [ "$fmt" = archive ] && [ "$OUTCOME" = other ] && (( RC == 1 )) && OUTCOME=clear   # named in SQLite's words
  after=$(tree_sha "$dir")
  if (( RC != 0 )) && [ "$after" != "$before" ]; then
    data=1; MSG="DATA: the earlier export or its folder changed: $(diff <(echo "$list_before") <(cd "$dir" && find . | sort) | head -3 | tr '\n' ' ')| $MSG"
  fi
  record "$ID" $DISK "$OUTCOME" "$data" "$fmt export onto a full $where" "$RC" "$MSG"
  rm -rf "$CD"; [ "$where" = tmpfs ] && rm -rf "${FULL:?}"/*
}
disk_other() {  # where kind(predict|train|import)
  next_id; local where=$1 kind=$2 dir data=0 before after
  if [ "$where" = tmpfs ]; then dir=$FULL; rm -rf "${FULL:?}"/*; else dir=$CD/disk; mkdir -p "$dir"; fi
  case $kind in
    predict) cp "$GOOD_PRED" "$dir/pred.jsonl" ;;
    train) timeout 120 "$CLI" train --project "$TP" --from-scratch --threads 1 --output "$dir/run" "${TINY[@]}" >/dev/null 2>&1 ;;
    import) cp "$P0" "$dir/p.quarry" ;;
  esac
  before=$(tree_sha "$dir")   # before the filler: it is removed again before the comparison
  [ "$where" = tmpfs ] && fill "$dir"
  local run=cli; [ "$where" = tmpfs ] || run="cli_fsize 256"
  case $kind in
    predict) $run predict --project "$BIG" --split train --no-store "$BL" --output "$dir/pred.jsonl" --threads 1 ;;
    train) $run train --project "$TP" --from-scratch --threads 1 --output "$dir/run" "${TINY[@]}" --set word_dim=64 --set lstm_hidden=128 ;;
    import) $run import "$dir/p.quarry" "$IN/big.jsonl" ;;
  esac
  classify err "$([ "$kind" = import ] && echo '' || echo "$dir")" 'No space left|File too large|disk|space'
  rm -f "$dir/filler"   # SQLite needs room to open the project for the checks below
  if [ "$kind" = import ]; then
    # the project file itself must be untouched (SQLite may leave an empty -wal and a -shm beside it)
    if (( RC != 0 )); then
      [ "$(sha "$dir/p.quarry")" = "$P0_SHA" ] || { data=1; MSG="DATA: project file changed| $MSG"; }
      local n; n=$(docs_of "$dir/p.quarry"); [ "$n" = "$P0_DOCS" ] || { data=1; MSG="DATA: project has $n documents| $MSG"; }
      local bad; bad=$(integrity "$dir/p.quarry"); [ -z "$bad" ] || { data=1; MSG="DATA: $bad| $MSG"; }
    fi
  else
    after=$(tree_sha "$dir")
    if (( RC != 0 )) && [ "$after" != "$before" ]; then data=1; MSG="DATA: earlier files changed after the failure| $MSG"; fi
  fi
  record "$ID" $DISK "$OUTCOME" "$data" "$kind onto a full $where" "$RC" "$MSG"
  rm -rf "$CD"; [ "$where" = tmpfs ] && rm -rf "${FULL:?}"/*
}
FULL=$W/full; mkdir -p "$FULL"
TMPFS=0
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1m tmpfs "$FULL" 2>/dev/null; then MOUNTED+=("$FULL"); TMPFS=1
else SKIPPED+=("1 MiB tmpfs cases: not root or mount refused")
fi
for spec in jsonl:out.jsonl conll:out.conll csv:out.csv pubtator:out.pubtator brat:out-brat squad:out.squad.json text:out-text archive:out.zip; do
  (( TMPFS )) && disk_case tmpfs "${spec%%:*}" "${spec#*:}"
  # brat and text write one small file per document: a per-file size limit legitimately never trips
  case $spec in brat:*|text:*) continue ;; esac
  disk_case fsize "${spec%%:*}" "${spec#*:}"
done
for kind in predict train import; do
  (( TMPFS )) && disk_other tmpfs "$kind"
  disk_other fsize "$kind"
done
(( TMPFS )) && { umount -l "$FULL" 2>/dev/null; MOUNTED=(); }

fi

# ================================================================= the table
T_END=$(date +%s)
cat "$W"/r/* >"$W/all.tsv" 2>/dev/null
printf '\nQuarry hostile-input campaign: %s\n' "$ORIG_CLI"
printf '%-14s %7s %8s %7s %8s %10s %7s\n' category cases "clear" valid crashes "data lost" other
printf '%-14s %7s %8s %7s %8s %10s %7s\n' "" "" errors "" "" "/changed" ""
TOT=(0 0 0 0 0 0)
for cat in formats archives models signals concurrency disk; do
  label=$cat
  case $cat in models) label="model folders" ;; signals) label="signals+kills" ;; disk) label="full disk" ;; esac
  c=(0 0 0 0 0 0)
  while IFS=$'\t' read -r k o d _; do
    [ "$k" = "$cat" ] || continue
    c[0]=$((c[0] + 1))
    case $o in clear) c[1]=$((c[1] + 1)) ;; valid) c[2]=$((c[2] + 1)) ;; crash) c[3]=$((c[3] + 1)) ;; *) c[5]=$((c[5] + 1)) ;; esac
    [ "$d" = 1 ] && c[4]=$((c[4] + 1))
  done <"$W/all.tsv"
  printf '%-14s %7d %8d %7d %8d %10d %7d\n' "$label" "${c[@]}"
  for i in 0 1 2 3 4 5; do TOT[i]=$((TOT[i] + c[i])); done
done
printf '%-14s %7d %8d %7d %8d %10d %7d\n' total "${TOT[@]}"
printf '\nclear errors: exit 1 naming the file (and line/field where one applies); for signals, the run\n'
printf 'ended as it should. valid: exit 0 on input that is legitimately valid. Runtime %d s, %d parallel cases.\n' \
  $((T_END - T_START)) "$JOBS"
for s in "${SKIPPED[@]+"${SKIPPED[@]}"}"; do printf 'skipped: %s\n' "$s"; done
show() {  # title filter-awk-free: outcome or data
  local title=$1 what=$2 n=0
  while IFS=$'\t' read -r k o d name rc msg; do
    if { [ "$what" = data ] && [ "$d" = 1 ]; } || [ "$o" = "$what" ]; then
      (( n == 0 )) && printf '\n%s:\n' "$title"
      n=$((n + 1)); printf '  [%s] %s (exit %s): %s\n' "$k" "$name" "$rc" "$msg"
    fi
  done <"$W/all.tsv"
}
show "CRASHES" crash
show "DATA CHANGED OR LOST" data
show "OTHER (accepted silently, unclear message, hang, unexpected exit)" other
if [ -n "${HOSTILE_LIST_ALL:-}" ]; then show "VALID" valid; show "CLEAR" clear; fi
if (( TOT[3] > 0 || TOT[4] > 0 )); then exit 1; fi
exit 0
