#!/bin/sh
# Article-body extraction from saved pages: `selaras extract --jsonl` beside trafilatura,
# readability-lxml and jusText, each scored by ../shared/eval/html_eval.py on ../shared/data/html (the
# article-extraction benchmark's scoring: token 4-gram shingles, precision and recall averaged over
# pages) in the same run; pages per second are for the whole run (process start included for
# Selaras), and the speed ratio to trafilatura is printed.
# Usage: Benchmarks/html/run.sh [SELARAS_BINARY]   (default .build/release/selaras; builds nothing)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/.build/release/selaras}
shared=${SHARED:-$root/../shared}
py=${PYTHON:-python3}
data=$shared/data/html
[ -x "$bin" ] || { echo "no selaras binary at $bin (build with: swift build -c release)" >&2; exit 2; }
[ -f "$shared/eval/html_eval.py" ] || { echo "no $shared/eval/html_eval.py (set SHARED)" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for system in trafilatura readability justext "cmd:$bin extract --jsonl"; do
    "$py" "$shared/eval/html_eval.py" "$data" --system "$system" 2>/dev/null | tee -a "$out"
done
awk -F'\t' '{ for (i = 1; i <= NF; i++) if ($i ~ /^pages\/s=/) { split($i, a, "="); s[NR] = a[2] } }
    END { if (s[1] > 0) printf "selaras / trafilatura pages per second: %.1fx\n", s[4] / s[1] }' "$out"
