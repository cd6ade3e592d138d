#!/usr/bin/env bash
# Runs the default pipeline on the samples and validates every file it writes against its schema.
# Usage: scripts/conformance.sh [SELARAS_BINARY] [SHARED_DIR]
set -euo pipefail
bin=${1:-.build/release/selaras}
shared=${2:-../shared}
schemas="$shared/schemas"
out=$(mktemp -d /tmp/selaras-conformance.XXXXXX)
trap 'rm -rf "$out"' EXIT
command -v xmllint >/dev/null || { echo "xmllint is missing (apt-get install libxml2-utils)"; exit 1; }

fail=0
for p in Pipelines/*.yaml; do "$bin" validate "$p" || fail=1; done
"$bin" run Pipelines/news-brief.yaml --output "$out" --force
"$bin" run Pipelines/translator-pack.yaml --output "$out" --force
# The default pipeline with machine translation (a command provider that marks each line) and
# XLIFF 2.0 too: MT targets, QA notes and needs-review states must be valid XLIFF as well.
sed -e "s#\.\./out/tm\.sqlite#$out/mt-tm.sqlite#" -e "s#\.\./#$PWD/#g" \
    -e "s#provider: none#provider: command\n      command: sed 's/^/EN /'#" -e "s#formats: \[#formats: [xlf2, #" \
    Pipelines/news-brief.yaml > "$out/mt-pipeline.yaml"
"$bin" run "$out/mt-pipeline.yaml" --output "$out/mt" --force
grep -q 'from="selaras-qa"' "$out"/mt/*.xlf || { echo "the MT run wrote no QA note"; fail=1; }
check() { # FILE SCHEMA-ARGS...
  if ! xmllint --noout --nonet "$@" >/dev/null 2>"$out/.xmllint.log"; then
    echo "INVALID: $1"; cat "$out/.xmllint.log"; fail=1
  fi
}
n=0
for f in "$out"/*.tmx "$out"/mt/*.tmx; do [ -e "$f" ] || continue; check "$f" --dtdvalid "$schemas/tmx14.dtd"; n=$((n+1)); done
for f in "$out"/*.xlf "$out"/mt/*.xlf; do
  [ -e "$f" ] || continue
  case "$f" in
    *.xlf2.xlf) check "$f" --schema "$schemas/xliff2-with-modules.xsd" ;;
    *) check "$f" --schema "$schemas/xliff-core-1.2-strict.xsd" ;;
  esac
  n=$((n+1))
done
"$bin" glossary convert Glossaries/politik.tsv "$out/politik.tbx"
check "$out/politik.tbx" --schema "$schemas/tbx.xsd"; n=$((n+1))
for f in "$out"/*.json "$out"/mt/*.json; do [ -e "$f" ] || continue; python3 -m json.tool "$f" >/dev/null || { echo "INVALID JSON: $f"; fail=1; }; n=$((n+1)); done
echo "conformance: $n files checked, $([ $fail = 0 ] && echo all valid || echo SOME INVALID)"
exit $fail
