#!/usr/bin/env bash
# Fuzzing with libFuzzer (`make fuzz`). Builds Fuzz/SelarasFuzz (the package resolved with
# SELARAS_FUZZ=1, every module compiled with libFuzzer coverage and AddressSanitizer, release),
# seeds each target's corpus from the project's own fixtures, and runs each target for
# SECONDS_PER_TARGET (default 60; RUNS, if set, stops a target after that many executions first),
# as JOBS processes on one corpus (default 1; one per core is the fastest).
# Prints each target's executions and findings; crash, leak and timeout inputs are kept in
# .build/fuzz/TARGET/crashes/, the grown corpus in .build/fuzz/TARGET/corpus/ (reused by the next
# run), and every run is logged in .build/fuzz/history.txt.
#
#   scripts/fuzz.sh [TARGET ...]
#   targets: tmx xliff tbx srx regex glossary yaml jsonl html placeable xmlguard (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${SECONDS_PER_TARGET:-60}"
jobs="${JOBS:-1}"
# Allocation stacks are not recorded (about 12% more executions a second, measured on the
# placeable target); AddressSanitizer still detects everything. To see them for a finding, run the
# binary on the crash input with ASAN_OPTIONS=malloc_context_size=30.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}"
out=.build/fuzz
scratch=.build/fuzz-spm
all=(tmx xliff tbx srx regex glossary yaml jsonl html placeable xmlguard)
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

echo "building selaras-fuzz (libFuzzer + AddressSanitizer, release; the first build takes a few minutes)"
# (ld.gold warns about every AddressSanitizer helper it cannot export; the warnings are harmless.)
# Sanitizers as one swiftc flag: given `--sanitize fuzzer --sanitize address`, SwiftPM passes two
# `-sanitize=` flags and swiftc keeps only the last, so Swift code would get no coverage at all
# (libFuzzer then says "Is the code instrumented for coverage?"). Measured with swiftc 6.3.1.
build=(-c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address --scratch-path "$scratch")
mkdir -p "$out"
SELARAS_FUZZ=1 swift build "${build[@]}" --product selaras-fuzz >"$out/build.log" 2>&1 \
  || { grep -v 'Cannot export' "$out/build.log" | tail -30 >&2; exit 1; }
# Each run fuzzes a copy of the binary, so a rebuild (or a second fuzz.sh started for another
# target on the other core) does not replace the program under a running fuzzer.
bin="$out/selaras-fuzz.$$"
cp "$scratch/release/selaras-fuzz" "$bin"
trap 'rm -f "$bin"' EXIT

# seed TARGET DIR: the target's first corpus, from fixtures the project wrote.
seed() {
  local t="$1" c="$2" n=0 f
  case $t in
    tmx|xmlguard) find TMX Tests -name '*.tmx' -size -64k -exec cp {} "$c/" \; ;;
    xliff) find Tests -name '*.xlf' -size -64k -exec cp {} "$c/" \; ;;
    tbx) find Tests Glossaries -name '*.tbx' -exec cp {} "$c/" \; ;;
    srx) find Tests Sources -name '*.srx' -exec cp {} "$c/" \; ;;
    regex)
      # Each rule of the bundled SRX files as `before NEWLINE after NEWLINE text`.
      python3 - "$c" Sources/SelarasSegmentation/Resources/*.srx <<'PY'
import re, sys, html
out = sys.argv[1]
n = 0
for path in sys.argv[2:]:
    text = open(path, encoding='utf-8').read()
    for rule in re.findall(r'<rule\b.*?</rule>', text, re.S):
        b = re.search(r'<beforebreak>(.*?)</beforebreak>', rule, re.S)
        a = re.search(r'<afterbreak>(.*?)</afterbreak>', rule, re.S)
        n += 1
        with open(f'{out}/rule{n}.txt', 'w', encoding='utf-8') as f:
            f.write(html.unescape(b.group(1) if b else '') + '\n' + html.unescape(a.group(1) if a else '') + '\nDr. Budi tiba. Rapat dimulai pukul 10.30 WIB.')
        if n >= 300: break
PY
      ;;
    glossary)
      for f in Glossaries/*.tsv Tests/SelarasGlossaryTests/Fixtures/*/*.tsv Tests/SelarasGlossaryTests/Fixtures/*/*.csv; do
        [ -f "$f" ] || continue; n=$((n + 1))
        case $f in *.csv) p='\002' ;; *) p='\001' ;; esac
        { printf "$p"; head -c 4000 "$f"; } > "$c/g$n"
        { printf '\000'; head -c 4000 "$f"; } > "$c/o$n"
      done ;;
    yaml) cp Pipelines/*.yaml "$c/"; find Tests -name '*.yaml' -size -16k -exec cp {} "$c/" \; ;;
    jsonl) while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" > "$c/line$n.json"; [ $n -ge 50 ] && break; done < Samples/batch/articles.jsonl ;;
    html) find Samples Tests -name '*.html' -size -256k -exec cp {} "$c/" \; ;;
    placeable) for f in Samples/articles/*.txt; do split -b 2000 "$f" "$c/$(basename "$f" .txt)-"; done ;;
  esac
  [ -n "$(ls "$c")" ] || echo '<?xml version="1.0"?><x/>' > "$c/seed"
}

for t in "${targets[@]}"; do
  case " ${all[*]} " in *" $t "*) ;; *) echo "unknown fuzz target '$t' (targets: ${all[*]})" >&2; exit 2 ;; esac
  corpus="$out/$t/corpus"; crashes="$out/$t/crashes"
  mkdir -p "$corpus" "$crashes"
  [ -n "$(ls "$corpus")" ] || seed "$t" "$corpus"
  echo "== $t for ${seconds} s"
  # Patterns are short: regex inputs are capped lower, which keeps its (slow) executions useful.
  maxlen="${MAX_LEN:-4096}"; [ "$t" != regex ] || maxlen="${MAX_LEN:-512}"
  args=("$corpus" -max_total_time="$seconds" -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048
        -artifact_prefix="$crashes/" -print_final_stats=1)
  [ -z "${RUNS:-}" ] || args+=(-runs="$RUNS")
  # JOBS processes share the corpus (libFuzzer rereads what the others add); each is logged.
  pids=()
  for j in $(seq 1 "$jobs"); do
    log="$out/$t/log.txt"; [ "$jobs" -eq 1 ] || log="$out/$t/log$j.txt"
    SELARAS_FUZZ_TARGET=$t "$bin" "${args[@]}" >"$log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  total=0
  for j in $(seq 1 "$jobs"); do
    log="$out/$t/log.txt"; [ "$jobs" -eq 1 ] || log="$out/$t/log$j.txt"
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    found=$(ls "$crashes" | wc -l)
    echo "$(date -u +%FT%TZ) $t $runs $found" >> "$out/history.txt"
    total=$((total + runs))
  done
  echo "   executions: $total; findings: $found (log $out/$t/log*.txt)"
done
