#!/bin/sh
# Sentence alignment: strict bead F1 and sentences per second of `selaras align --jsonl` side by side
# with Gale-Church and hunalign (without and with the same FreeDict dictionary), on documents built
# by ../shared/eval/make_align.py from PANL-BPPT news (and TALPCo) and scored by align_eval.py, in the
# same run; then concordance over a 200,000-unit store (../shared/eval/make_tmx.py).
# hunalign is built from its public repository (danielvarga/hunalign, or HUNALIGN_GIT, a local git
# directory of it) into .build/peers/hunalign.
# Usage: Benchmarks/align/run.sh [SELARAS_BINARY]   (default .build/release/selaras; builds nothing)
set -eu
. "$(dirname "$0")/../common.sh"
eval=$shared/eval
need "$eval/align_eval.py" "set SHARED"

hun=$root/.build/peers/hunalign/src/hunalign/hunalign
if [ ! -x "$hun" ]; then
    echo "building hunalign (danielvarga/hunalign) in .build/peers/hunalign"
    rm -rf "$root/.build/peers/hunalign"
    mkdir -p "$root/.build/peers"
    # HUNALIGN_GIT: a local git directory of hunalign to use instead of cloning it from GitHub.
    if [ -n "${HUNALIGN_GIT:-}" ] && [ -d "$HUNALIGN_GIT" ]; then
        mkdir -p "$root/.build/peers/hunalign"
        git --git-dir="$HUNALIGN_GIT" archive HEAD src | tar -x -C "$root/.build/peers/hunalign"
    else
        git clone -q --depth 1 https://github.com/danielvarga/hunalign "$root/.build/peers/hunalign"
    fi
    (cd "$root/.build/peers/hunalign/src/hunalign" && make -s >/dev/null 2>&1)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dict=/usr/share/dictd/freedict-eng-ind.dict.dz
[ -f "$dict" ] || { echo "no $dict (make deps installs dict-freedict-eng-ind)" >&2; exit 2; }
"$py" "$here/freedict_to_hunalign.py" "$dict" "$tmp/hunalign.dic"

for set in panl talpco; do
    case $set in
        panl) src=$shared/data/parallel/panl_bppt_int_id_en.tsv ;;
        talpco) src=$shared/data/parallel/talpco_id_en.tsv ;;
    esac
    [ -f "$src" ] || continue
    "$py" "$eval/make_align.py" "$tmp/$set.jsonl" "$src" 2>/dev/null
    echo "== $set: $(wc -l < "$tmp/$set.jsonl") documents from $(basename "$src") (make_align.py defaults: 30 pairs, merges 0.12, drops 0.05)"
    "$py" "$eval/align_eval.py" "$tmp/$set.jsonl" --system gale-church | cut -f1,2,4
    # hunalign writes a log, translate.txt, into its working folder: run it in the scratch folder.
    (cd "$tmp" && "$py" "$eval/align_eval.py" "$tmp/$set.jsonl" --system "hunalign:$hun") | cut -f2,4 | sed 's/^/hunalign (no dictionary, -realign)\t/'
    (cd "$tmp" && "$py" "$eval/align_eval.py" "$tmp/$set.jsonl" --system "hunalign:$hun" --dict "$tmp/hunalign.dic") | cut -f2,4 | sed 's/^/hunalign (FreeDict)\t/'
    "$py" "$eval/align_eval.py" "$tmp/$set.jsonl" --system "cmd:$bin align --jsonl" | cut -f2,4 | sed 's/^/selaras (FreeDict)\t/'
    "$py" "$eval/align_eval.py" "$tmp/$set.jsonl" --system "cmd:$bin align --jsonl --no-dictionary" | cut -f2,4 | sed 's/^/selaras (no dictionary)\t/'
done

tsv=$shared/data/parallel/panl_bppt_int_id_en.tsv
if [ -f "$eval/make_tmx.py" ] && [ -f "$tsv" ]; then
    echo
    echo "== concordance over a 200,000-unit store"
    "$py" "$eval/make_tmx.py" "$tmp/big.tmx" --scale 200000 "$tsv" 2>/dev/null
    "$bin" tm import "$tmp/big.tmx" --store "$tmp/big.sqlite" >/dev/null 2>&1
    start=$(date +%s.%N)
    "$bin" tm concordance awal --store "$tmp/big.sqlite" >/dev/null 2>&1 || true
    echo "index build (once per change of the TM): $(echo "$(date +%s.%N) - $start" | bc) s"
    "$py" "$here/concordance_time.py" "$bin" "$tmp/big.sqlite"
fi
