#!/bin/sh
# Machine translation through the default pipeline (Pipelines/news-brief.yaml with the openai
# provider) against a stand-in that answers from PANL-BPPT reference translations and plants errors
# (a changed number, a cut to half the words, the source sent back). Measures: every sentence gets
# English, every request carries its sentences' glossary terms, a forced re-run sends no request,
# QA recall on planted errors and false flags on clean sentences side by side with Translate
# Toolkit's pofilter (numbers, unchanged, untranslated, short) on the same XLIFF, and that the API
# key appears in no output, report or log.
# Usage: Benchmarks/mt/run.sh [SELARAS_BINARY]   (default .build/release/selaras; builds nothing)
set -eu
. "$(dirname "$0")/../common.sh"
pofilter=$(dirname "$py")/pofilter
panl=${PANL:-$shared/data/parallel/panl_bppt_int_id_en.tsv}
need "$panl" "set PANL or SHARED"
[ -x "$pofilter" ] || { echo "no pofilter next to $py (make peers)" >&2; exit 2; }

tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
key="sk-bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

"$py" "$here/make_set.py" --tsv "$panl" --articles "$tmp/articles.jsonl" --refs "$tmp/refs.jsonl" ${LIMIT:+--limit $LIMIT}
"$py" "$here/standin.py" --refs "$tmp/refs.jsonl" --log "$tmp/requests.jsonl" --key "$key" > "$tmp/port" &
server=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$tmp/port" ] && break; sleep 0.3; done
port=$(head -1 "$tmp/port")

# The default pipeline, with the openai provider and the run's own TM store.
sed -e "s#\.\./out/tm\.sqlite#$tmp/tm.sqlite#" -e "s#\.\./#$root/#g" \
    -e "s#provider: none#provider: openai\n      url: http://127.0.0.1:$port/v1\n      model: standin\n      api_key_env: SELARAS_MT_BENCH_KEY#" \
    "$root/Pipelines/news-brief.yaml" > "$tmp/pipeline.yaml"

echo "== run 1: $(basename "$panl") as articles, openai stand-in on port $port"
start=$(date +%s.%N)
SELARAS_MT_BENCH_KEY=$key "$bin" run "$tmp/pipeline.yaml" --input "$tmp/articles.jsonl" --output "$tmp/out" \
    > "$tmp/run1.out" 2> "$tmp/run1.err" || echo "selaras run exited $?"
end=$(date +%s.%N)
tail -1 "$tmp/run1.err" || true
cp "$tmp/requests.jsonl" "$tmp/requests1.jsonl"
first=$(wc -l < "$tmp/requests1.jsonl")

echo "== run 2: the same, --force"
SELARAS_MT_BENCH_KEY=$key "$bin" run "$tmp/pipeline.yaml" --input "$tmp/articles.jsonl" --output "$tmp/out" --force \
    > "$tmp/run2.out" 2> "$tmp/run2.err" || echo "selaras run exited $?"
second=$(($(wc -l < "$tmp/requests.jsonl") - first))
echo "requests: first run $first, forced re-run $second"

echo "== pofilter -t numbers -t unchanged -t untranslated -t short on the same XLIFF"
mkdir -p "$tmp/xlf" "$tmp/pofilter"
cp "$tmp/out"/*.xlf "$tmp/xlf/"
rm -f "$tmp/xlf"/*.xlf2.xlf
pstart=$(date +%s.%N)
"$pofilter" --progress=none -t numbers -t unchanged -t untranslated -t short -i "$tmp/xlf" -o "$tmp/pofilter" 2> "$tmp/pofilter.err" || true
pend=$(date +%s.%N)

echo
"$py" "$here/evaluate.py" --out "$tmp/out" --log "$tmp/requests1.jsonl" --pofilter "$tmp/pofilter" ${EXAMPLES:+--examples $EXAMPLES} && bars=0 || bars=1
echo "time: selaras run (segment … write, $first requests) $(echo "$end - $start" | bc) s; pofilter $(echo "$pend - $pstart" | bc) s"

leaks=$(grep -rl -- "$key" "$tmp/out" "$tmp/run1.out" "$tmp/run1.err" "$tmp/run2.out" "$tmp/run2.err" "$tmp/tm.sqlite" 2>/dev/null | wc -l)
echo "the API key in outputs, report, store or logs: $leaks files"
[ "$second" -eq 0 ] && [ "$leaks" -eq 0 ] && [ "$bars" -eq 0 ]
