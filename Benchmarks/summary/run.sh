#!/usr/bin/env bash
# Summary quality and speed, side by side with the peers, measured in the same run.
#
# Usage: Benchmarks/summary/run.sh [SELARAS_BINARY] [DATA.jsonl]
#   SELARAS_BINARY  default .build/release/selaras (build it first: swift build -c release)
#   DATA.jsonl      IndoSum-style JSON lines, default $SHARED/data/summarization/indosum_dev01.jsonl
# Environment: PYTHON (default .build/peers/bin/python from `make peers`, with sumy and rouge-score),
# SHARED (default ../shared beside the repository), SUM_EVAL (default $SHARED/eval/sum_eval.py),
# REPEAT (timed runs per system, default 3; the median articles/s is shown).
#
# Every system goes through the measuring harness (sum_eval.py: rouge-score F1, 3 sentences, whole
# command timed for cmd: systems, process start and JSON included). `lead` and `sumy-lexrank` are
# handed the corpus's own sentence split; the Selaras systems get the raw text and cut it themselves.
set -euo pipefail
. "$(dirname "$0")/../common.sh"
DATA=${2:-$shared/data/summarization/indosum_dev01.jsonl}
SUM_EVAL=${SUM_EVAL:-$shared/eval/sum_eval.py}
REPEAT=${REPEAT:-3}

need "$DATA" "give DATA.jsonl, or set SHARED"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

systems=(
  "lead"
  "sumy-lexrank"
  "cmd:$bin summarize --jsonl --sentences 3 --method learned"
  "cmd:$bin summarize --jsonl --sentences 3 --method lexrank"
  "cmd:$bin summarize --jsonl --sentences 3 --method lead"
)
labels=("LEAD-3 (given sentences)" "sumy LexRank (given sentences)" "selaras learned" "selaras lexrank" "selaras lead (own segmentation)")

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for k in "${!systems[@]}"; do
  for ((r = 0; r < REPEAT; r++)); do
    line=$("$py" "$SUM_EVAL" "$DATA" --system "${systems[$k]}")
    printf '%s\t%s\n' "$k" "$line" >> "$results"
  done
done

"$py" - "$results" "$DATA" "$REPEAT" "${labels[@]}" <<'PY'
import sys, statistics, re
path, data, repeat, labels = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
rows = {}
for line in open(path):
    k, rest = line.rstrip("\n").split("\t", 1)
    f = dict(re.findall(r"(R1|R2|RL|art/s|n)=([0-9.]+)", rest))
    rows.setdefault(int(k), []).append(f)
def val(k, key): return float(rows[k][0][key])
def speed(k): return statistics.median(float(r["art/s"]) for r in rows[k])
lead3, sumy = 0, 1
print(f"{data}: {rows[0][0]['n']} articles, 3 sentences, ROUGE F1 x100 (rouge-score), articles/s median of {repeat} runs")
print(f"{'system':34s}{'R-1':>8s}{'R-2':>8s}{'R-L':>8s}{'dR-1 vs LEAD-3':>16s}{'articles/s':>12s}{'x sumy':>9s}")
for k in sorted(rows):
    sp = speed(k)
    print(f"{labels[k]:34s}{val(k,'R1'):8.2f}{val(k,'R2'):8.2f}{val(k,'RL'):8.2f}{val(k,'R1') - val(lead3,'R1'):+16.2f}"
          f"{sp:12.1f}" + (f"{sp / speed(sumy):9.1f}" if k != lead3 else f"{'-':>9s}"))
PY
