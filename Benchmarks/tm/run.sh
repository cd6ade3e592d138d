#!/usr/bin/env bash
# Translation-memory benchmarks (docs/translation-memory.md, "Figures"). Builds nothing.
#
#   Benchmarks/tm/run.sh [SELARAS_BIN]          (default: .build/release/selaras)
#
# In one run, side by side:
#   1. import of a 200,000-unit TMX (make_tmx.py --scale 200000, PANL) into a fresh store, against
#      `xmllint --stream --noout` on the same file: time (median of RUNS) and peak memory;
#   2. lookup of 500 queries (make_queries.py) as the whole `selaras tm lookup --jsonl` command,
#      against an exhaustive rapidfuzz scan in Python (Levenshtein.normalized_similarity over every
#      source, score_cutoff 0.75; timed on PEER_QUERIES queries, loading not timed); top-3 recall of
#      the original sentence; index vs --exhaustive agreement on EXHAUSTIVE_QUERIES queries;
#   3. the same lookup at 1,000,000 units (bar: under 10 ms per query);
#   4. match repair on PANL pairs whose numbers were changed (repair_eval.py).
#
# Environment: SHARED (default ../shared beside the repository), WORK (default /tmp/selaras-tm-bench),
# PEER_PYTHON or PYTHON (default .build/peers/bin/python, from `make peers`), RUNS (default 3), PEER_QUERIES (default 100),
# EXHAUSTIVE_QUERIES (default 40), SKIP_MILLION=1 to leave out step 3.
set -euo pipefail

. "$(dirname "$0")/../common.sh"
work="${WORK:-/tmp/selaras-tm-bench}"
py="${PEER_PYTHON:-$py}"
runs="${RUNS:-3}"
peer_queries="${PEER_QUERIES:-100}"
exhaustive_queries="${EXHAUSTIVE_QUERIES:-40}"
panl="$shared/data/parallel/panl_bppt_int_id_en.tsv"

need "$panl" "set SHARED"
command -v xmllint >/dev/null || { echo "xmllint is needed (libxml2-utils)" >&2; exit 2; }
command -v "$py" >/dev/null || { echo "no peer Python at $py (make peers, or set PEER_PYTHON)" >&2; exit 2; }
mkdir -p "$work"

# --- data -------------------------------------------------------------------------------------
[ -s "$work/tm200k.tmx" ] || python3 "$shared/eval/make_tmx.py" "$work/tm200k.tmx" --scale 200000 "$panl"
[ -s "$work/queries.jsonl" ] || python3 "$shared/eval/make_queries.py" "$work/queries.jsonl" 500 7 "$panl"
if [ "${SKIP_MILLION:-0}" != 1 ]; then
  [ -s "$work/tm1m.tmx" ] || python3 "$shared/eval/make_tmx.py" "$work/tm1m.tmx" --scale 1000000 "$panl"
fi

# measure OUT CMD...: runs CMD, writes "seconds peak_kb" to OUT.
measure() {
  local out="$1"; shift
  /usr/bin/time -f "%e %M" -o "$out" "$@"
}
fresh() { rm -f "$1" "$1-wal" "$1-shm"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f MB", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

echo "selaras: $bin"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# --- 1. import --------------------------------------------------------------------------------
size=$(stat -c %s "$work/tm200k.tmx")
: > "$work/xmllint.times"; : > "$work/import.times"; : > "$work/import.mem"; : > "$work/xmllint.mem"
for r in $(seq "$runs"); do
  measure "$work/t" xmllint --stream --noout "$work/tm200k.tmx"
  read -r s k < "$work/t"; echo "$s" >> "$work/xmllint.times"; echo "$k" >> "$work/xmllint.mem"
  fresh "$work/s200.sqlite"
  measure "$work/t" "$bin" tm import "$work/tm200k.tmx" --store "$work/s200.sqlite" 2> "$work/import.log" || true
  read -r s k < "$work/t"; echo "$s" >> "$work/import.times"; echo "$k" >> "$work/import.mem"
done
x=$(median < "$work/xmllint.times"); i=$(median < "$work/import.times")
xm=$(sort -n "$work/xmllint.mem" | tail -1); im=$(sort -n "$work/import.mem" | tail -1)
echo "1. import: 200,000 units, $(awk -v b="$size" 'BEGIN {printf "%.1f MB", b/1e6}') TMX (median of $runs runs)"
printf "   %-34s %7.2f s   peak %s\n" "xmllint --stream --noout" "$x" "$(mb "$xm")"
printf "   %-34s %7.2f s   peak %s   ratio %sx (bar: <= 3x)\n" "selaras tm import (parse+index)" "$i" "$(mb "$im")" "$(ratio "$i" "$x")"
printf "   store: %s\n" "$(du -h "$work/s200.sqlite" | cut -f1)"
echo

# --- 2. lookup --------------------------------------------------------------------------------
n=$(grep -c . "$work/queries.jsonl")
: > "$work/lookup.times"
for r in $(seq "$runs"); do
  measure "$work/t" "$bin" tm lookup --store "$work/s200.sqlite" --jsonl < "$work/queries.jsonl" > "$work/lookup.jsonl"
  read -r s k < "$work/t"; echo "$s" >> "$work/lookup.times"; lm=$k
done
l=$(median < "$work/lookup.times")
ours=$(awk -v s="$l" -v n="$n" 'BEGIN {printf "%.3f", 1000*s/n}')
recall=$(python3 "$here/recall.py" "$work/queries.jsonl" "$work/lookup.jsonl" 3)
peer=$("$py" "$here/rapidfuzz_scan.py" "$work/tm200k.tmx" "$work/queries.jsonl" --limit "$peer_queries")
peer_ms=$(echo "$peer" | python3 -c 'import json,sys; print("%.3f" % (1000*json.load(sys.stdin)["seconds_per_query"]))')
echo "2. lookup: $n queries against the 200,000-unit store (whole command, median of $runs runs)"
printf "   %-34s %9s ms/query   (%s queries, scan only)\n" "rapidfuzz exhaustive scan" "$peer_ms" "$peer_queries"
printf "   %-34s %9s ms/query   peak %s   %sx faster (bar: >= 50x)\n" "selaras tm lookup --jsonl" "$ours" "$(mb "$lm")" "$(ratio "$peer_ms" "$ours")"
echo "   top-3 recall: $recall (bar: >= 0.99)"
echo "   peer: $peer"
head -n "$exhaustive_queries" "$work/queries.jsonl" > "$work/queries-ex.jsonl"
"$bin" tm lookup --store "$work/s200.sqlite" --jsonl < "$work/queries-ex.jsonl" > "$work/indexed-ex.jsonl"
measure "$work/t" "$bin" tm lookup --store "$work/s200.sqlite" --jsonl --exhaustive < "$work/queries-ex.jsonl" > "$work/exhaustive-ex.jsonl"
read -r s k < "$work/t"
if cmp -s "$work/indexed-ex.jsonl" "$work/exhaustive-ex.jsonl"; then agree="identical"; else agree="DIFFERENT"; fi
echo "   index vs --exhaustive on $exhaustive_queries queries: $agree results (exhaustive: $(awk -v s="$s" -v n="$exhaustive_queries" 'BEGIN {printf "%.1f", 1000*s/n}') ms/query)"
echo

# --- 3. one million units ---------------------------------------------------------------------
if [ "${SKIP_MILLION:-0}" != 1 ]; then
  fresh "$work/s1m.sqlite"
  measure "$work/t" "$bin" tm import "$work/tm1m.tmx" --store "$work/s1m.sqlite" 2> "$work/import1m.log" || true
  read -r s k < "$work/t"
  measure "$work/t2" xmllint --stream --noout "$work/tm1m.tmx"
  read -r xs xk < "$work/t2"
  : > "$work/lookup1m.times"
  for r in $(seq "$runs"); do
    measure "$work/t" "$bin" tm lookup --store "$work/s1m.sqlite" --jsonl < "$work/queries.jsonl" > "$work/lookup1m.jsonl"
    read -r ls lk < "$work/t"; echo "$ls" >> "$work/lookup1m.times"
  done
  l1=$(median < "$work/lookup1m.times")
  echo "3. one million units"
  printf "   %-34s %7.2f s   peak %s   (xmllint --stream: %.2f s, ratio %sx)\n" "selaras tm import" "$s" "$(mb "$k")" "$xs" "$(ratio "$s" "$xs")"
  printf "   %-34s %9s ms/query   peak %s (bar: < 10 ms)\n" "selaras tm lookup --jsonl" "$(awk -v s="$l1" -v n="$n" 'BEGIN {printf "%.3f", 1000*s/n}')" "$(mb "$lk")"
  echo "   top-3 recall: $(python3 "$here/recall.py" "$work/queries.jsonl" "$work/lookup1m.jsonl" 3)"
  echo
fi

# --- 4. repair --------------------------------------------------------------------------------
echo "4. repair: PANL pairs with a changed number (bar: >= 90% exact)"
python3 "$here/repair_eval.py" --selaras "$bin" --tsv "$panl" --work "$work/repair" --show 3 2>&1 | sed 's/^/   /'
