#!/usr/bin/env bash
# Sentence segmentation: quality and speed of `selaras segment` against its peers, measured in
# the same run with the shared harness (seg_eval.py).
#
#   Benchmarks/segmentation/run.sh [PATH_TO_SELARAS]      (default .build/release/selaras)
#
# Environment: PYTHON (default .build/peers/bin/python from `make peers`: spacy blingfire pysbd nltk),
# SHARED (default ../shared next to the repository), MB (size of the speed
# input, default 24), ROUNDS (speed rounds, default 5).
# Builds nothing; writes only under ${TMPDIR:-/tmp}.
set -euo pipefail

. "$(dirname "$0")/../common.sh"
mb="${MB:-24}"
rounds="${ROUNDS:-5}"
eval_py="$shared/eval/seg_eval.py"
data="$shared/data/segmentation"
work="$(mktemp -d "${TMPDIR:-/tmp}/selaras-segbench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

need "$eval_py" "set SHARED"
"$py" -c 'import blingfire, pysbd, nltk, spacy' 2>/dev/null || { echo "error: $py lacks the peers (spacy blingfire pysbd nltk)" >&2; exit 2; }

sets=(id_csui-train id_gsd-dev)
# A news check (not a bar): the IndoSum dev01 articles with their own sentence split, written
# to the harness's {"id","text","sentences"} layout in the scratch directory.
news="$shared/data/summarization/indosum_dev01.jsonl"
if [[ -f "$news" && "${NEWS:-1}" == 1 ]]; then
  "$py" - "$news" "$work/indosum-news.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        out.write(json.dumps({"id": r["id"], "text": r["text"],
                              "sentences": [s for p in r["paragraphs"] for s in p]}, ensure_ascii=False) + "\n")
PY
  data_of_indosum="$work/indosum-news.jsonl"
fi
# The news-with-furniture set written for Selaras (Tests/SelarasSegmentationTests/Fixtures), in
# the harness's layout: "## ID" starts a record, "¦" marks a boundary.
"$py" - "$root/Tests/SelarasSegmentationTests/Fixtures/news-furniture.txt" "$work/news-furniture.jsonl" <<'PY'
import json, sys
records, current = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("## "):
        current = {"id": line[3:].strip(), "lines": []}; records.append(current)
    elif current is not None:
        current["lines"].append(line)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in records:
        marked = "".join(r["lines"]).rstrip("\n")
        out.write(json.dumps({"id": r["id"], "text": marked.replace("¦", ""),
                              "sentences": [s.strip() for s in marked.split("¦") if s.strip()]}, ensure_ascii=False) + "\n")
PY
cmd="cmd:$bin segment --jsonl"
# Both quotation modes are measured on every set; the default (keep) is the bar's figure.
split_cmd="cmd:$bin segment --jsonl --quotes split"

# field NAME LINE: the value of NAME=... in a seg_eval output line
field() { sed -n "s|.*$1=\([0-9.]*\).*|\1|p" <<<"$2"; }

echo "== Boundary F1 (seg_eval.py; peers get para+ so line breaks count; indosum-news is a check, not a bar) =="
echo "   selaras segment = the default (--quotes keep); the --quotes split line is the other mode"
printf '%-16s %-28s %8s %8s %8s\n' "dev set" "system" "P" "R" "F1"
all_sets=("${sets[@]}" news-furniture)
[[ -n "${data_of_indosum:-}" ]] && all_sets+=(indosum-news)
for set in "${all_sets[@]}"; do
  gold="$data/$set.jsonl"
  [[ "$set" == indosum-news ]] && gold="$data_of_indosum"
  [[ "$set" == news-furniture ]] && gold="$work/news-furniture.jsonl"
  # Punkt is trained on the dev text itself, one paragraph per line.
  "$py" -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    if l.strip(): print(json.loads(l)["text"])' "$gold" > "$work/$set.train.txt"
  best_peer=0; best_name=""
  ours=""
  for sys in "$cmd" "$split_cmd" para+blingfire para+pysbd-en "para+punkt:$work/$set.train.txt" para+spacy; do
    line="$("$py" "$eval_py" "$gold" --system "$sys")"
    f1="$(field F1 "$line")"; p="$(field P "$line")"; r="$(field R "$line")"
    name="$sys"; [[ "$sys" == "$cmd" ]] && name="selaras segment"; [[ "$sys" == "$split_cmd" ]] && name="selaras --quotes split"; [[ "$sys" == *punkt:* ]] && name="para+punkt (trained on dev)"
    printf '%-16s %-28s %8s %8s %8s\n' "$set" "$name" "$p" "$r" "$f1"
    if [[ "$sys" == "$cmd" ]]; then ours="$f1"; elif [[ "$sys" == "$split_cmd" ]]; then :; elif "$py" -c "import sys; sys.exit(0 if $f1 > $best_peer else 1)"; then best_peer="$f1"; best_name="$name"; fi
  done
  "$py" -c "o=$ours; b=$best_peer; print(f'{\"$set\":<16} selaras F1 {o:.4f} vs best peer ($best_name) {b:.4f}: {\"+\" if o>=b else \"\"}{o-b:.4f}  -> {\"beats every peer\" if o>b else \"DOES NOT beat every peer\"}')"
done

echo
# speed INPUT LABEL ROUNDS: rounds alternate the two systems so both see the same machine load;
# the ratio is taken per round and the median reported, with the best of each.
speed() {
  local input="$1" label="$2" n="$3"
  local ratios=() best_ours=0 best_bf=0
  echo "-- $label"
  for round in $(seq "$n"); do
    local bf_line ours_line bf ours ratio
    bf_line="$("$py" "$eval_py" "$input" --system para+blingfire)"
    ours_line="$("$py" "$eval_py" "$input" --system "$cmd")"
    bf="$(field MB/s "$bf_line")"; ours="$(field MB/s "$ours_line")"
    ratio="$("$py" -c "print(f'{$ours/$bf:.1f}')")"
    ratios+=("$ratio")
    printf 'round %s  para+blingfire %8s MB/s   selaras segment %8s MB/s   ratio %sx\n' "$round" "$bf" "$ours" "$ratio"
    best_ours="$("$py" -c "print(max($best_ours, $ours))")"
    best_bf="$("$py" -c "print(max($best_bf, $bf))")"
  done
  "$py" -c "
import statistics
r = [float(x) for x in '${ratios[*]}'.split()]
o, b = $best_ours, $best_bf
print(f'median ratio {statistics.median(r):.1f}x over {len(r)} rounds; best of each: selaras segment {o:.2f} MB/s, para+blingfire {b:.2f} MB/s ({o/b:.1f}x); bar: 5x')"
}

echo "== Speed: MB/s of text, whole run (seg_eval.py, same run), inputs of ${mb} MB =="
# Input 1 (the bar): the dev texts repeated. Input 2 (a check): IndoSum news articles repeated,
# with their paragraphs and line breaks.
# repeat_texts OUT LABEL GOLD.jsonl...: the texts of the gold files, repeated to $mb MB, as seg_eval input.
repeat_texts() {
  "$py" - "$@" "$mb" <<'PY'
import json, sys
out, label, paths, mb = sys.argv[1], sys.argv[2], sys.argv[3:-1], float(sys.argv[-1])
texts = [json.loads(l)["text"] for p in paths for l in open(p, encoding="utf-8") if l.strip()]
size, i = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < mb * 1e6:
        for t in texts:
            f.write(json.dumps({"id": str(i), "text": t, "sentences": [t]}, ensure_ascii=False) + "\n")
            size += len(t.encode()); i += 1
print(f"{label}: {i} records, {size/1e6:.1f} MB of text")
PY
}
repeat_texts "$work/speed.jsonl" "input 1 (the dev texts, repeated)" "$data/id_csui-train.jsonl" "$data/id_gsd-dev.jsonl"
speed "$work/speed.jsonl" "input 1: dev texts" "$rounds"
if [[ -n "${data_of_indosum:-}" ]]; then
  repeat_texts "$work/speed-news.jsonl" "input 2 (IndoSum news articles, repeated)" "$data_of_indosum"
  speed "$work/speed-news.jsonl" "input 2: news articles (check)" 3
fi
