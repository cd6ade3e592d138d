#!/usr/bin/env bash
# Summary quality and speed, side by side with the peers, measured in the same run.
#
# Usage: Benchmarks/summary/run.sh [SELARAS_BINARY] [DATA.jsonl]
#   SELARAS_BINARY  default .build/release/selaras (build it first: swift build -c release)
#   DATA.jsonl      IndoSum-style JSON lines, default ../shared/data/summarization/indosum_dev01.jsonl (beside the repository)
# Environment: PYTHON (default /tmp/peers/bin/python, with sumy and rouge-score), SUM_EVAL (default
# ../shared/eval/sum_eval.py), REPEAT (timed runs per system, default 3; the median articles/s is shown).
#
# Every system goes through the measuring harness (sum_eval.py: rouge-score F1, 3 sentences, whole
# command timed for cmd: systems, process start and JSON included). `lead` and `sumy-lexrank` are
# handed the corpus's own sentence split; the Selaras systems get the raw text and cut it themselves.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${1:-$ROOT/.build/release/selaras}
DATA=${2:-$ROOT/../shared/data/summarization/indosum_dev01.jsonl}
PYTHON=${PYTHON:-/tmp/peers/bin/python}
SUM_EVAL=${SUM_EVAL:-$ROOT/../shared/eval/sum_eval.py}
REPEAT=${REPEAT:-3}

[ -x "$BIN" ] || { echo "no selaras binary at $BIN (swift build -c release)" >&2; exit 2; }
[ -f "$DATA" ] || { echo "no data at $DATA" >&2; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

systems=(
  "lead"
  "sumy-lexrank"
  "cmd:$BIN summarize --jsonl --sentences 3 --method learned"
  "cmd:$BIN summarize --jsonl --sentences 3 --method lexrank"
  "cmd:$BIN summarize --jsonl --sentences 3 --method lead"
)
labels=("LEAD-3 (given sentences)" "sumy LexRank (given sentences)" "selaras learned" "selaras lexrank" "selaras lead (own segmentation)")

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for k in "${!systems[@]}"; do
  for ((r = 0; r < REPEAT; r++)); do
    line=$("$PYTHON" "$SUM_EVAL" "$DATA" --system "${systems[$k]}")
    printf '%s\t%s\n' "$k" "$line" >> "$results"
  done
done

"$PYTHON" - "$results" "$DATA" "$REPEAT" "${labels[@]}" <<'PY'
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
