#!/bin/sh
# Glossary term matching: precision/recall of `selaras glossary match` side by side with plain
# substring matching and with stemming every word (PySastrawi), on the project's own test set;
# then throughput on real news sentences when the development data is present.
# Usage: Benchmarks/glossary/run.sh [SELARAS_BINARY]   (default .build/release/selaras; builds nothing)
set -eu
. "$(dirname "$0")/../common.sh"
fixtures=$root/Tests/SelarasGlossaryTests/Fixtures/matching

echo "== matching: $fixtures/cases.jsonl"
"$py" "$here/score.py" --selaras "$bin" --glossary "$fixtures/glossary.tsv" --cases "$fixtures/cases.jsonl" ${ERRORS:+--errors}

echo
echo "== held-out set (written without reading the matcher): $here/heldout/cases.jsonl, shipped glossary"
for system in selaras substring sastrawi; do
    if [ "$system" = selaras ]; then which="--selaras $bin"; else which="--baseline $system"; fi
    printf '%-10s ' "$system"
    "$py" "$here/heldout/score.py" $which --glossary "$root/Glossaries/politik.tsv" \
        --cases "$here/heldout/cases.jsonl" | grep -E "^all "
done

panl=${PANL:-$root/../shared/data/parallel/panl_bppt_int_id_en.tsv}
glossary=${GLOSSARY:-$root/Glossaries/politik.tsv}
if [ -f "$panl" ] && [ -f "$glossary" ]; then
    tmp=$(mktemp)
    trap 'rm -f "$tmp"' EXIT
    cut -f1 "$panl" > "$tmp"
    echo
    echo "== speed: Indonesian side of $(basename "$panl") with $glossary"
    "$py" "$here/score.py" --selaras "$bin" --glossary "$glossary" --cases "$fixtures/cases.jsonl" --speed "$tmp" | sed -n '/throughput/,$p'
fi
