#!/usr/bin/env bash
# Fuzzing with libFuzzer (`make fuzz`): builds each target of Fuzz/FuzzTargets.swift with
# `swiftc -sanitize=fuzzer,address` (SelarasCore and SelarasFormats compiled with coverage and
# AddressSanitizer) and runs it for SECONDS (default 60) on a corpus seeded from the test fixtures.
# Prints each target's executions and findings; crash inputs are kept in .build/fuzz/TARGET/.
#
#   scripts/fuzz.sh [TARGET ...]     (default: tmx xliff tbx xmlguard jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${SECONDS_PER_TARGET:-60}"
out=.build/fuzz
mkdir -p "$out/modules"
flags=(-O -sanitize=fuzzer,address -parse-as-library -package-name selaras -I "$out/modules" -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2)
if [ ! -f "$out/modules/libSelarasFormats.a" ] || [ ! -f "$out/modules/libSelarasJSONLines.a" ] || [ -n "$(find Sources/SelarasCore Sources/SelarasFormats Sources/SelarasJSONLines -newer "$out/modules/libSelarasFormats.a" -name '*.swift' | head -1)" ]; then
  echo "building SelarasCore and SelarasFormats with coverage and AddressSanitizer"
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name SelarasCore -o "$out/modules/libSelarasCore.a" \
    -emit-module-path "$out/modules/SelarasCore.swiftmodule" $(find Sources/SelarasCore -name '*.swift')
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name SelarasFormats -o "$out/modules/libSelarasFormats.a" \
    -emit-module-path "$out/modules/SelarasFormats.swiftmodule" $(find Sources/SelarasFormats -name '*.swift')
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name SelarasJSONLines -o "$out/modules/libSelarasJSONLines.a" \
    -emit-module-path "$out/modules/SelarasJSONLines.swiftmodule" $(find Sources/SelarasJSONLines -name '*.swift')
fi
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(tmx xliff tbx xmlguard jsonl)
for t in "${targets[@]}"; do
  T=$(echo "$t" | tr a-z A-Z)
  bin="$out/fuzz-$t"
  # (ld.gold warns about every AddressSanitizer helper it cannot export; the warnings are harmless.)
  swiftc "${flags[@]}" -D "FUZZ_$T" Fuzz/FuzzTargets.swift -L "$out/modules" -lSelarasFormats -lSelarasJSONLines -lSelarasCore -lxml2 -o "$bin" 2>"$out/link-$t.log" \
    || { cat "$out/link-$t.log" >&2; exit 1; }
  corpus="$out/$t/corpus"; mkdir -p "$corpus" "$out/$t/crashes"
  case $t in
    tmx|xmlguard) for f in TMX/*.tmx; do cp "$f" "$corpus/"; done ;;
    xliff) find Tests -name '*.xlf' -exec cp {} "$corpus/" \; 2>/dev/null || true ;;
    tbx) find Tests Glossaries -name '*.tbx' -exec cp {} "$corpus/" \; 2>/dev/null || true ;;
    jsonl) n=0; while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" > "$corpus/line$n.json"; [ $n -ge 50 ] && break; done < Samples/batch/articles.jsonl ;;
  esac
  [ -n "$(ls "$corpus")" ] || echo '<?xml version="1.0"?><x/>' > "$corpus/seed.xml"
  echo "== fuzz-$t for ${seconds} s"
  "$bin" "$corpus" -max_total_time="$seconds" -max_len="${MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/$t/crashes/" -print_final_stats=1 2>"$out/$t/log.txt" || true
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$t/log.txt" | grep -o '[0-9]*$' || echo 0)
  crashes=$(ls "$out/$t/crashes" | wc -l)
  echo "   executions: $runs; findings: $crashes (log $out/$t/log.txt)"
done
