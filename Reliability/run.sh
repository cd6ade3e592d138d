#!/usr/bin/env bash
# Fault injection and resource limits (`make reliability`, part of .ci/run): hostile inputs,
# kill -9 at random moments, concurrent writers, hanging or flooding servers, Ctrl-C during a
# batch. Each case runs real commands of the release (or given) binary on files written here, in
# bounded time (timeout) and memory (prlimit), and is PASS or FAIL; a summary per category at the
# end, exit 1 if any failed.
#
#   Reliability/run.sh [SELARAS_BIN]     (default .build/release/selaras)
#
# Environment: WORK (default a temporary folder), KILLS (kill -9 rounds per command, default 6),
# TINY (articles in the many-tiny-articles case, default 100000).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
bin="${1:-$repo/.build/release/selaras}"
[ -x "$bin" ] || { echo "no selaras binary at $bin (swift build -c release)" >&2; exit 2; }
work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/selaras-reliability.XXXXXX")}"
kills="${KILLS:-6}"
tiny="${TINY:-100000}"
mkdir -p "$work"
declare -A tried passed
cat=""
category() { cat="$1"; echo; echo "== $1"; tried[$cat]=${tried[$cat]:-0}; passed[$cat]=${passed[$cat]:-0}; }
result() {  # result ok|no DESCRIPTION
  tried[$cat]=$((tried[$cat] + 1))
  if [ "$1" = ok ]; then passed[$cat]=$((passed[$cat] + 1)); echo "  PASS  $2"; else echo "  FAIL  $2"; fi
}
# bounded SECONDS MEGABYTES CMD...: runs CMD with a time and address-space limit; sets $rc, $secs.
bounded() {
  local limit="$1" mb="$2"; shift 2
  local a b
  a=$(date +%s.%N)
  timeout "$limit" prlimit --as=$((mb * 1024 * 1024)) -- "$@" >"$work/out.txt" 2>"$work/err.txt"
  rc=$?
  b=$(date +%s.%N)
  secs=$(python3 -c "print(f'{$b-$a:.2f}')")
}
# refused FILE: a clean refusal (exit 1 or 2, within the limits) whose message names FILE.
refused() { [ "$rc" = 1 -o "$rc" = 2 ] && grep -q "$(basename "$1")" "$work/err.txt"; }

hdr='<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>'
printf 'Presiden Tiba\n\nPresiden tiba di Jakarta. Ia langsung rapat.\n' > "$work/t.txt"

# ---------------------------------------------------------------------------------------------
category "XML and YAML limits"
python3 - "$work" "$hdr" <<'PY'
import sys
w, hdr = sys.argv[1], sys.argv[2]
big = "x" * 200_000; refs = "&big;" * 20000
ent = f'<!DOCTYPE x [<!ENTITY big "{big}">]>'
lol = '<!ENTITY lol0 "lol">' + ''.join(f'<!ENTITY lol{i} "{("&lol%d;" % (i-1))*10}">' for i in range(1, 10))
tu = '<tu><tuv xml:lang="id"><seg>Baik.</seg></tuv><tuv xml:lang="en"><seg>Good.</seg></tuv></tu>'
def tmx(doctype, seg): return f'<?xml version="1.0"?>\n{doctype}\n<tmx version="1.4">{hdr}<body><tu><tuv xml:lang="id"><seg>{seg}</seg></tuv><tuv xml:lang="en"><seg>a</seg></tuv></tu>{tu}</body></tmx>\n'
open(f'{w}/blowup.tmx', 'w').write(tmx(ent, refs))
open(f'{w}/laughs.tmx', 'w').write(tmx(f'<!DOCTYPE tmx [{lol}]>', '&lol9;'))
open(f'{w}/deep.tmx', 'w').write(tmx('', '<bpt i="1">' * 100000 + 'x' + '</bpt>' * 100000))
open(f'{w}/external.tmx', 'w').write(tmx('<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">', 'Halo.'))
with open(f'{w}/hugetext.tmx', 'w') as f:
    f.write(f'<?xml version="1.0"?>\n<tmx version="1.4">{hdr}<body><tu><tuv xml:lang="id"><seg>')
    chunk = 'kata ' * 200000
    for _ in range(200): f.write(chunk)
    f.write(f'</seg></tuv></tu>{tu}</body></tmx>\n')
open(f'{w}/blowup.xlf', 'w').write(f'<?xml version="1.0"?>\n{ent}\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="id" target-language="en" datatype="plaintext"><body><trans-unit id="1"><source>{refs}</source><target state="final">a</target></trans-unit></body></file></xliff>\n')
open(f'{w}/blowup.tbx', 'w').write(f'<?xml version="1.0"?>\n{ent}\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1"><langSec xml:lang="id"><termSec><term>{refs}</term></termSec></langSec></conceptEntry></body></text></tbx>\n')
open(f'{w}/laughs.tbx', 'w').write(f'<?xml version="1.0"?>\n<!DOCTYPE tbx [{lol}]>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1"><langSec xml:lang="id"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>\n')
open(f'{w}/blowup.srx', 'w').write(f'<?xml version="1.0"?>\n{ent}\n<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="no"/><body><languagerules><languagerule languagerulename="a"><rule break="yes"><beforebreak>{refs}</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="a"/></maprules></body></srx>\n')
open(f'{w}/deep.srx', 'w').write('<?xml version="1.0"?>\n<srx xmlns="http://www.lisa.org/srx20" version="2.0">' + '<x>' * 100000 + '</x>' * 100000 + '</srx>\n')
lines = ['version: 1', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for i in range(1, 10): lines.append(f'a{i}: &a{i} [' + ','.join([f'*a{i-1}'] * 9) + ']')
lines.append('stages: [segment]')
open(f'{w}/bomb.yaml', 'w').write('\n'.join(lines) + '\n')
nested = 'version: 1\nstages:\n  - segment: ' + '[' * 100000 + ']' * 100000 + '\n'
open(f'{w}/deep.yaml', 'w').write(nested)
# Duplicated mapping keys that are mappings nesting mappings as keys, 30 deep (found by fuzzing:
# Yams's duplicate check sorts such keys in time exponential in the depth).
key = 'a'
for _ in range(30): key = '{' + key + ': 1, b: 1}'
keys = 'version: 1\nstages: [segment]\n' + ''.join(f'? {{{key}: 1, {t}: 1}}\n: {n}\n' for n, t in enumerate('ppqq'))
open(f'{w}/keys.yaml', 'w').write(keys)
PY
for f in blowup laughs deep hugetext; do
  rm -f "$work/s.sqlite"
  bounded 30 2048 "$bin" tm import "$work/$f.tmx" --store "$work/s.sqlite"
  refused "$work/$f.tmx" && result ok "tm import $f.tmx: refused in ${secs} s ($(head -c 110 "$work/err.txt" | tr '\n' ' '))" \
    || result no "tm import $f.tmx: exit $rc in ${secs} s: $(head -c 200 "$work/err.txt")"
done
rm -f "$work/s.sqlite"
bounded 30 2048 "$bin" tm import "$work/external.tmx" --store "$work/s.sqlite"
[ "$rc" = 0 ] && grep -q "not fetched" "$work/err.txt" && result ok "tm import external.tmx: the DTD URL is not fetched, with a note; the units load" \
  || result no "tm import external.tmx: exit $rc: $(head -c 200 "$work/err.txt")"
bounded 30 2048 "$bin" tm update --store "$work/s.sqlite" --from "$work/blowup.xlf"
refused "$work/blowup.xlf" && result ok "tm update blowup.xlf: refused in ${secs} s" || result no "tm update blowup.xlf: exit $rc: $(head -c 200 "$work/err.txt")"
for f in blowup laughs; do
  bounded 30 2048 "$bin" glossary match "$work/t.txt" --glossary "$work/$f.tbx"
  refused "$work/$f.tbx" && result ok "glossary match with $f.tbx: refused in ${secs} s" || result no "glossary match $f.tbx: exit $rc: $(head -c 200 "$work/err.txt")"
done
for f in blowup deep; do
  bounded 30 2048 "$bin" segment --rules "$work/$f.srx" "$work/t.txt"
  refused "$work/$f.srx" && result ok "segment --rules $f.srx: refused in ${secs} s" || result no "segment --rules $f.srx: exit $rc: $(head -c 200 "$work/err.txt")"
done
for f in bomb deep keys; do
  bounded 30 2048 "$bin" validate "$work/$f.yaml"
  refused "$work/$f.yaml" && result ok "validate $f.yaml: refused in ${secs} s" || result no "validate $f.yaml: exit $rc in ${secs} s: $(head -c 200 "$work/err.txt")"
done

# ---------------------------------------------------------------------------------------------
category "crash consistency (kill -9)"
panl_like() {  # panl_like OUT N: a TMX of N units
  python3 - "$1" "$2" "$hdr" <<'PY'
import sys
out, n, hdr = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(out, 'w') as f:
    f.write(f'<?xml version="1.0"?>\n<tmx version="1.4">{hdr}<body>\n')
    for i in range(n):
        f.write(f'<tu><tuv xml:lang="id"><seg>Kalimat ke-{i} tentang anggaran negara dan rapat DPR nomor {i * 7}.</seg></tuv><tuv xml:lang="en"><seg>Sentence {i} about the state budget and House meeting number {i * 7}.</seg></tuv></tu>\n')
    f.write('</body></tmx>\n')
PY
}
panl_like "$work/a.tmx" 60000
panl_like "$work/b.tmx" 90000
units_of() { "$bin" tm stats --store "$1" 2>/dev/null | sed -n 's/^units: \([0-9]*\).*/\1/p'; }
rm -f "$work/k.sqlite"*
"$bin" tm import "$work/a.tmx" --store "$work/k.sqlite" 2>/dev/null
old=$(units_of "$work/k.sqlite")
ok=1
for round in $(seq "$kills"); do
  cp "$work/b.tmx" "$work/a2.tmx"; [ $((round % 2)) = 0 ] && cp "$work/a.tmx" "$work/a2.tmx"
  "$bin" tm import "$work/a.tmx" "$work/a2.tmx" --store "$work/k.sqlite" 2>/dev/null &
  pid=$!; sleep "0.$((RANDOM % 9 + 1))"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  now=$(units_of "$work/k.sqlite")
  [ -n "$now" ] || { ok=0; echo "  round $round: the store does not open"; continue; }
  [ "$now" = "$old" ] || [ "$now" = 120000 ] || [ "$now" = 150000 ] || { ok=0; echo "  round $round: $now units (old $old)"; }
  old=$now
done
[ "$ok" = 1 ] && result ok "tm import killed $kills times: the store opens with its old or new units every time" || result no "tm import under kill -9"
# tm update: an XLIFF of reviewed units, killed part-way
python3 - "$work/review.xlf" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="id" target-language="en" datatype="plaintext"><body>\n')
    for i in range(40000):
        f.write(f'<trans-unit id="u{i}"><source>Ulasan nomor {i} tentang sidang.</source><target state="final">Review number {i} about the session.</target></trans-unit>\n')
    f.write('</body></file></xliff>\n')
PY
before=$(units_of "$work/k.sqlite"); ok=1
for round in $(seq "$kills"); do
  "$bin" tm update --store "$work/k.sqlite" --from "$work/review.xlf" 2>/dev/null &
  pid=$!; sleep "0.$((RANDOM % 9 + 1))"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  now=$(units_of "$work/k.sqlite")
  [ "$now" = "$before" ] || [ "$now" = $((before + 40000)) ] || { ok=0; echo "  round $round: $now units (before $before)"; }
done
[ "$ok" = 1 ] && result ok "tm update killed $kills times: all 40,000 reviewed units or none, every time" || result no "tm update under kill -9"
# glossary merge: the output is complete or absent
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
for name, n in (("g1.tsv", 30000), ("g2.tsv", 30000)):
    with open(f"{w}/{name}", "w") as f:
        f.write("term\ttranslation\n")
        for i in range(n): f.write(f"istilah{name[1]}x{i}\tterm{name[1]}x{i}\n")
PY
ok=1
for round in $(seq "$kills"); do
  rm -f "$work/merged.tsv"
  "$bin" glossary merge "$work/g1.tsv" "$work/g2.tsv" --output "$work/merged.tsv" 2>/dev/null &
  pid=$!; sleep "0.0$((RANDOM % 9 + 1))"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  if [ -f "$work/merged.tsv" ]; then
    n=$(wc -l < "$work/merged.tsv"); [ "$n" -ge 60000 ] || { ok=0; echo "  round $round: merged.tsv has $n lines"; }
  fi
done
[ "$ok" = 1 ] && result ok "glossary merge killed $kills times: merged.tsv complete or absent" || result no "glossary merge under kill -9"
# run: every output complete, then the next run cleans up and completes
python3 - "$work/batch.jsonl" 400 <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        f.write(json.dumps({"id": f"b{i:04d}", "title": f"Berita {i}", "text": f"Presiden membuka sidang kabinet ke-{i} di Jakarta. Para menteri hadir sejak pagi. Rapat membahas anggaran {i}."}) + "\n")
PY
cat > "$work/p.yaml" <<YAML
version: 1
output: out
resources:
  translation_memories: [$repo/TMX/politik-berita.tmx]
  glossaries: [$repo/Glossaries/politik.tsv]
stages: [segment, terms, match, summarize, translate, {write: {formats: [json, tmx, xlf, md]}}]
YAML
ok=1
for round in $(seq "$kills"); do
  "$bin" run "$work/p.yaml" --input "$work/batch.jsonl" --force 2>/dev/null &
  pid=$!; sleep "0.$((RANDOM % 9 + 1))"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  for j in "$work"/out/b*.json; do [ -e "$j" ] || continue; python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$j" 2>/dev/null || { ok=0; echo "  round $round: $j is not complete JSON"; break; }; done
done
"$bin" run "$work/p.yaml" --input "$work/batch.jsonl" >/dev/null 2>"$work/err.txt"; rc=$?
temps=$(find "$work/out" -name '*.selaras-tmp' | wc -l); n=$(ls "$work/out" | grep -c '^b.*\.json$')
[ "$ok" = 1 ] && [ "$rc" = 0 ] && [ "$temps" = 0 ] && [ "$n" = 400 ] && result ok "run killed $kills times: every written file complete; the next run finishes all 400 and leaves no temporary file" \
  || result no "run under kill -9 (rc $rc, $temps temporary files, $n of 400)"

# ---------------------------------------------------------------------------------------------
category "concurrency"
rm -rf "$work/out"
"$bin" run "$work/p.yaml" --input "$work/batch.jsonl" --force >/dev/null 2>"$work/r1.err" & p1=$!
sleep 0.3
"$bin" run "$work/p.yaml" --input "$work/batch.jsonl" --force >/dev/null 2>"$work/r2.err"; r2=$?
wait "$p1"; r1=$?
[ "$r1" = 0 ] && [ "$r2" = 2 ] && grep -q "another selaras run" "$work/r2.err" && result ok "two runs on one output folder: the second is refused with a clear message, the first completes" \
  || result no "two runs on one output folder: exits $r1 and $r2: $(head -c 200 "$work/r2.err")"
rm -f "$work/c.sqlite"*
"$bin" tm import "$work/a.tmx" --store "$work/c.sqlite" 2>/dev/null & p1=$!
"$bin" tm import "$work/b.tmx" --store "$work/c.sqlite" 2>/dev/null & p2=$!
wait "$p1"; r1=$?; wait "$p2"; r2=$?
n=$(units_of "$work/c.sqlite")
[ "$r1" = 0 ] && [ "$r2" = 0 ] && [ "$n" = 150000 ] && result ok "two imports into one store at once: both complete, 150,000 units" \
  || result no "two imports into one store: exits $r1 $r2, $n units"
rm -f "$work/d.sqlite"*
sed "s|^output: out|output: out-d|" "$work/p.yaml" > "$work/pd.yaml"
"$bin" run "$work/pd.yaml" --input "$work/batch.jsonl" --tm-store "$work/d.sqlite" >/dev/null 2>&1
before=$(units_of "$work/d.sqlite")
"$bin" run "$work/pd.yaml" --input "$work/batch.jsonl" --tm-store "$work/d.sqlite" --force >/dev/null 2>"$work/r1.err" & p1=$!
sleep 0.2
"$bin" tm update --store "$work/d.sqlite" --from "$work/review.xlf" 2>"$work/u.err"; r2=$?
wait "$p1"; r1=$?
n=$(units_of "$work/d.sqlite")
[ "$r1" = 0 ] && [ "$r2" = 0 ] && [ "$n" = $((before + 40000)) ] && result ok "tm update while a run reads the store: both complete, no reviewed unit lost ($before + 40,000 units)" \
  || result no "tm update during a run: exits $r1 $r2, $n units (before $before): $(head -c 200 "$work/u.err")"

# ---------------------------------------------------------------------------------------------
category "bounded input and MT"
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('Satu Baris Panjang\n\n')
    s = 'Presiden membuka sidang kabinet di Jakarta dan para menteri hadir sejak pagi, '
    for _ in range(100_000_000 // len(s)): f.write(s)
    f.write('selesai.\n')" "$work/huge.txt"
mkdir -p "$work/in-huge"; mv "$work/huge.txt" "$work/in-huge/"; cp "$work/t.txt" "$work/in-huge/kecil.txt"
bounded 300 6144 "$bin" run "$work/p.yaml" --input "$work/in-huge" --output "$work/out-huge"
[ -f "$work/out-huge/kecil.json" ] && [ "$rc" = 1 ] && grep -q "huge.txt.*max_article_bytes" "$work/err.txt" && result ok "a 100 MB one-line article: refused (max_article_bytes) in ${secs} s; the rest of the batch written" \
  || result no "a 100 MB one-line article: exit $rc in ${secs} s: $(tail -c 200 "$work/err.txt")"
python3 -c "
import json, sys
with open(sys.argv[1], 'w') as f:
    for i in range(int(sys.argv[2])): f.write(json.dumps({'id': f't{i}', 'text': f'Rapat ke-{i} dimulai.'}) + '\n')" "$work/tiny.jsonl" "$tiny"
cat > "$work/tiny.yaml" <<YAML
version: 1
output: out-tiny
stages: [segment, {write: {formats: [json]}}]
YAML
bounded 900 4096 "$bin" run "$work/tiny.yaml" --input "$work/tiny.jsonl"
n=$(ls "$work/out-tiny" | grep -c '^t.*\.json$')
[ "$rc" = 0 ] && [ "$n" = "$tiny" ] && result ok "$tiny tiny articles: all written in ${secs} s within 4 GB" || result no "$tiny tiny articles: exit $rc, $n written in ${secs} s"
mkdir -p "$work/in-odd/sub"; cp "$work/t.txt" "$work/in-odd/baik.txt"
ln -sfn "$work/in-odd" "$work/in-odd/sub/loop"; mkfifo "$work/in-odd/pipa.txt" 2>/dev/null || true
bounded 60 2048 "$bin" run "$work/p.yaml" --input "$work/in-odd" --output "$work/out-odd"
[ -f "$work/out-odd/baik.json" ] && [ "$rc" -lt 124 ] && result ok "a symlink loop and a FIFO in the input folder: exit $rc in ${secs} s, the rest written ($(head -c 140 "$work/err.txt" | tr '\n' ' '))" \
  || result no "symlink loop and FIFO: exit $rc in ${secs} s: $(head -c 200 "$work/err.txt")"
# MT stand-ins on loopback: one that never answers, one that floods.
python3 - "$work" <<'PY' &
import http.server, socketserver, sys, threading, time
class Hang(http.server.BaseHTTPRequestHandler):
    def do_POST(self): time.sleep(3600)
    def log_message(self, *a): pass
class Flood(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.end_headers()
        self.wfile.write(b'{"translatedText": "')
        chunk = b"a" * (1 << 20)
        try:
            for _ in range(2048): self.wfile.write(chunk)
        except Exception: pass
    def log_message(self, *a): pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
for port, h in ((18731, Hang), (18732, Flood)):
    threading.Thread(target=S(("127.0.0.1", port), h).serve_forever, daemon=True).start()
time.sleep(600)
PY
mt=$!
sleep 1
for kind in hang:18731 flood:18732; do
  name=${kind%%:*}; port=${kind##*:}
  cat > "$work/mt-$name.yaml" <<YAML
version: 1
output: out-mt-$name
stages: [segment, {translate: {provider: libretranslate, url: "http://127.0.0.1:$port", timeout: 5, retries: 0, cache: false}}, {write: {formats: [json]}}]
YAML
  bounded 120 4096 "$bin" run "$work/mt-$name.yaml" --input "$work/t.txt"
  [ -f "$work/out-mt-$name/t.json" ] && [ "$rc" = 1 ] && result ok "an MT server that ${name}s: exit 1 in ${secs} s, the article written without English ($(grep -o 'timed out[^;]*\|larger than[^;]*' "$work/err.txt" | head -1))" \
    || result no "an MT server that ${name}s: exit $rc in ${secs} s: $(head -c 200 "$work/err.txt")"
done
kill "$mt" 2>/dev/null

# ---------------------------------------------------------------------------------------------
category "Ctrl-C during a batch"
rm -rf "$work/out"
"$bin" run "$work/p.yaml" --input "$work/batch.jsonl" --force >/dev/null 2>"$work/int.err" &
pid=$!
for _ in $(seq 100); do sleep 0.05; [ "$(ls "$work/out" 2>/dev/null | grep -c '^b.*\.json$')" -ge 20 ] && break; done
kill -INT "$pid"; wait "$pid"; rc=$?
report_ok=$(python3 -c "import json; r=json.load(open('$work/out/run.json')); print('yes' if r['interrupted'] and r['totals']['not_run'] > 0 else 'no')" 2>/dev/null)
temps=$(find "$work/out" -name '*.selaras-tmp' | wc -l)
"$bin" run "$work/p.yaml" --input "$work/batch.jsonl" >/dev/null 2>&1; rc2=$?
n=$(ls "$work/out" | grep -c '^b.*\.json$')
[ "$rc" = 130 ] && [ "$report_ok" = yes ] && [ "$temps" = 0 ] && [ "$rc2" = 0 ] && [ "$n" = 400 ] \
  && result ok "Ctrl-C part-way: exit 130, run.json says interrupted, no temporary file; the next run finishes the 400" \
  || result no "Ctrl-C part-way: exit $rc, report $report_ok, $temps temporary files, next run $rc2 with $n of 400"

# ---------------------------------------------------------------------------------------------
echo
echo "== summary"
total_t=0; total_p=0
for c in "XML and YAML limits" "crash consistency (kill -9)" "concurrency" "bounded input and MT" "Ctrl-C during a batch"; do
  printf '  %-30s %2d tried, %2d passed\n' "$c" "${tried[$c]:-0}" "${passed[$c]:-0}"
  total_t=$((total_t + ${tried[$c]:-0})); total_p=$((total_p + ${passed[$c]:-0}))
done
echo "  all: $total_t tried, $total_p passed"
[ -z "${WORK:-}" ] && rm -rf "$work"
[ "$total_t" = "$total_p" ]
