#!/usr/bin/env bash
# The shared TM on PostgreSQL and sharded runs (issue 15's bars), measured in one run against the
# embedded SQLite store. Builds nothing; starts its own PostgreSQL (scripts/pg-test-server.sh)
# unless PG_URL names a server, and works in a database of its own.
#
#   Benchmarks/shared-tm/run.sh [SELARAS_BIN]     (default .build/release/selaras)
#
#   1. four concurrent `tm import`s (four TMX files from PANL, make_tmx.py) into one PostgreSQL
#      store hold exactly the units one SQLite import of the same files holds (tm export, compared);
#   2. 500 lookups (make_queries.py) as the whole `tm lookup --jsonl` command: the same matches
#      as the SQLite store's, and the time ratio (replica cold: built from PostgreSQL; warm: tailed);
#   3. three shards run at once against the PostgreSQL store give the same documents as one run;
#      a shard killed mid-way and run again writes nothing twice and leaves no temporary file;
#   4. a reviewed unit added by `tm update` on one machine is matched exactly by a run on another.
# Environment: SHARED (default ../shared), WORK (default /tmp/selaras-shared-tm), PG_URL, UNITS
# (units per TMX file, default 25000), ARTICLES (articles for the kill test, default 600).
set -euo pipefail
. "$(dirname "$0")/../common.sh"
work="${WORK:-/tmp/selaras-shared-tm}"
units="${UNITS:-25000}"
articles="${ARTICLES:-600}"
panl="$shared/data/parallel/panl_bppt_int_id_en.tsv"
need "$panl" "set SHARED"
server="${PG_URL:-$("$root/scripts/pg-test-server.sh" start)}"
db="selaras_bench_$$"
psql "$server" -qc "CREATE DATABASE $db" >/dev/null
pg="${server%/*}/$db"
trap 'psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
rm -rf "$work"; mkdir -p "$work"
pass=0; fail=0
check() { if [ "$1" = ok ]; then pass=$((pass + 1)); echo "  PASS  $2"; else fail=$((fail + 1)); echo "  FAIL  $2"; fi; }
now() { python3 -c 'import time; print(time.perf_counter())'; }

echo "== 1. four concurrent imports =="
split -n l/4 -d "$panl" "$work/panl."
for i in 0 1 2 3; do python3 "$shared/eval/make_tmx.py" "$work/berkas$i.tmx" --scale "$units" "$work/panl.0$i" >/dev/null; done
t0=$(now)
for i in 0 1 2 3; do SELARAS_CACHE_DIR="$work/cache-import$i" "$bin" tm import "$work/berkas$i.tmx" --store "$pg" 2>"$work/import$i.log" & done
wait
t1=$(now)
"$bin" tm import "$work"/berkas{0,1,2,3}.tmx --store "$work/alone.sqlite" 2>"$work/import-sqlite.log"
t2=$(now)
SELARAS_CACHE_DIR="$work/cache-reader" "$bin" tm export --store "$pg" --output "$work/pg.tmx" 2>/dev/null
"$bin" tm export --store "$work/alone.sqlite" --output "$work/sqlite.tmx" 2>/dev/null
norm() { grep -o '<tu[ >].*' "$1" | sed -E 's/ (creationdate|changedate)="[^"]*"//g' | sort; }
n_pg=$(norm "$work/pg.tmx" | wc -l); n_sq=$(norm "$work/sqlite.tmx" | wc -l)
printf '  4 concurrent PostgreSQL imports %.2f s; one SQLite import of the 4 files %.2f s; units %s vs %s\n' \
  "$(python3 -c "print($t1-$t0)")" "$(python3 -c "print($t2-$t1)")" "$n_pg" "$n_sq"
cmp -s <(norm "$work/pg.tmx") <(norm "$work/sqlite.tmx") && check ok "the PostgreSQL store holds exactly the SQLite store's units" \
  || check no "the PostgreSQL store holds exactly the SQLite store's units"

echo "== 2. 500 lookups, whole command =="
python3 "$shared/eval/make_queries.py" "$work/queries.jsonl" 500 7 "$panl"
best() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "$@"; }
sq_times=(); cold_times=(); warm_times=()
for round in 1 2 3; do
  a=$(now); "$bin" tm lookup --jsonl --store "$work/alone.sqlite" < "$work/queries.jsonl" > "$work/sqlite.out"; b=$(now)
  rm -rf "$work/cache-cold"
  SELARAS_CACHE_DIR="$work/cache-cold" "$bin" tm lookup --jsonl --store "$pg" < "$work/queries.jsonl" > "$work/pg-cold.out"; c=$(now)
  SELARAS_CACHE_DIR="$work/cache-cold" "$bin" tm lookup --jsonl --store "$pg" < "$work/queries.jsonl" > "$work/pg.out"; d=$(now)
  sq_times+=("$(python3 -c "print($b-$a)")"); cold_times+=("$(python3 -c "print($c-$b)")"); warm_times+=("$(python3 -c "print($d-$c)")")
done
sq=$(best "${sq_times[@]}"); cold=$(best "${cold_times[@]}"); warm=$(best "${warm_times[@]}")
# A new machine's first lookup against building a SQLite store from the same TMX files first.
fresh_times=()
for round in 1 2 3; do
  rm -f "$work/fresh.sqlite"; a=$(now)
  "$bin" tm import "$work"/berkas{0,1,2,3}.tmx --store "$work/fresh.sqlite" 2>/dev/null
  "$bin" tm lookup --jsonl --store "$work/fresh.sqlite" < "$work/queries.jsonl" > /dev/null; b=$(now)
  fresh_times+=("$(python3 -c "print($b-$a)")")
done
fresh=$(best "${fresh_times[@]}")
printf '  SQLite %.3f s; PostgreSQL warm replica (tailed, nothing new) %.3f s = %.2fx; cold replica (built from PostgreSQL) %.3f s = %.2fx (best of 3; bar 1.5x)\n' \
  "$sq" "$warm" "$(python3 -c "print($warm/$sq)")" "$cold" "$(python3 -c "print($cold/$sq)")"
printf '  a new machine: cold replica %.3f s against SQLite import + lookup of the same files %.3f s = %.2fx\n' "$cold" "$fresh" "$(python3 -c "print($cold/$fresh)")"
cmp -s "$work/sqlite.out" "$work/pg.out" && cmp -s "$work/sqlite.out" "$work/pg-cold.out" \
  && check ok "500 lookups: the same matches as the SQLite store" || check no "500 lookups: the same matches as the SQLite store"
python3 -c "import sys; sys.exit(0 if $warm <= 1.5 * $sq else 1)" && check ok "lookups within 1.5x of SQLite (warm replica)" \
  || check no "lookups within 1.5x of SQLite (warm replica)"

echo "== 3. three shards at once, and a killed shard =="
mkdir -p "$work/articles"
cp "$root"/Samples/articles/* "$work/articles/"
cat > "$work/pipeline.yaml" <<YAML
version: 1
inputs: [articles]
output: out-one
resources:
  translation_memories: [$root/TMX/politik-berita.tmx]
  glossaries: [$root/Glossaries/politik.tsv]
stages: [segment, terms, match, summarize, translate, {write: {formats: [json, tmx, xlf]}}]
YAML
SELARAS_CACHE_DIR="$work/cache-one" "$bin" run "$work/pipeline.yaml" --tm-store "$pg" 2>/dev/null
for k in 1 2 3; do SELARAS_CACHE_DIR="$work/cache-shard$k" "$bin" run "$work/pipeline.yaml" --output "$work/out-shards" --shard "$k/3" --tm-store "$pg" 2>/dev/null & done
wait
"$bin" report merge "$work/out-shards" 2>/dev/null
same=1
for f in "$work"/out-one/*.json; do
  b=$(basename "$f"); [ "$b" = run.json ] && continue
  cmp -s "$f" "$work/out-shards/$b" || { same=0; echo "  differs: $b"; }
done
[ "$same" = 1 ] && [ -f "$work/out-shards/index.html" ] && [ -f "$work/out-shards/run.tmx" ] \
  && check ok "three shards give the same documents as one run (plus index.html and run.tmx from report merge)" \
  || check no "three shards give the same documents as one run"
# The kill test: many articles, shard 1/2 killed part-way, then run again.
python3 - "$work/big.jsonl" "$articles" "$root/Samples/articles" <<'PY'
import json, os, sys
out, n, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
texts = [open(os.path.join(folder, f), encoding='utf-8').read() for f in sorted(os.listdir(folder)) if f.endswith('.txt')]
with open(out, 'w', encoding='utf-8') as f:
    for i in range(n):
        t = texts[i % len(texts)].split('\n', 1)
        f.write(json.dumps({"id": f"a{i:05d}", "title": t[0], "text": t[1] + f"\n\nCatatan {i}."}, ensure_ascii=False) + "\n")
PY
rm -rf "$work/out-kill"
SELARAS_CACHE_DIR="$work/cache-kill" "$bin" run "$work/pipeline.yaml" --input "$work/big.jsonl" --output "$work/out-kill" --shard 1/2 --tm-store "$pg" --jobs 2 2>/dev/null &
pid=$!
for _ in $(seq 200); do sleep 0.1; [ "$(ls "$work/out-kill" 2>/dev/null | grep -c '\.json$')" -ge 60 ] && break; done
kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
before=$(cd "$work/out-kill" && find . -name 'a*' -type f -printf '%P %T@\n' | sort)
n_before=$(grep -c . <<<"$before" || true)
SELARAS_CACHE_DIR="$work/cache-kill" "$bin" run "$work/pipeline.yaml" --input "$work/big.jsonl" --output "$work/out-kill" --shard 1/2 --tm-store "$pg" 2>"$work/resume.log" || true
after=$(cd "$work/out-kill" && find . -name 'a*' -type f -printf '%P %T@\n' | sort)
# Articles the killed run had finished (all three files there) must not be written again; one
# caught mid-way by the kill is redone, as it should be.
rewritten=$(python3 - <<PY2
from collections import defaultdict
def parse(t):
    d = {}
    for line in t.strip().splitlines():
        name, m = line.rsplit(' ', 1); d[name] = m
    return d
before, after = parse("""$before"""), parse("""$after""")
files = defaultdict(list)
for name in before: files[name.split('.')[0]].append(name)
print(sum(1 for names in files.values() if len(names) == 3 for n in names if after.get(n) != before[n]))
PY2
)
complete=$(cd "$work/out-kill" && grep -c . < <(ls | grep -E '^a[0-9]+\.json$'))
expected=$(python3 -c "
import json
def b(s):
    h=0xcbf29ce484222325
    for c in s.encode(): h=((h^c)*0x100000001b3)%(1<<64)
    return h%2
print(sum(1 for l in open('$work/big.jsonl') if b(json.loads(l)['id'])==0))")
temps=$(find "$work/out-kill" -name '*.selaras-tmp' | wc -l)
echo "  killed after $n_before files; resumed: $(tail -1 "$work/resume.log")"
echo "  files of finished articles rewritten by the second run: $rewritten; articles complete: $complete of $expected; temporary files left: $temps"
[ "$rewritten" = 0 ] && [ "$complete" = "$expected" ] && [ "$temps" = 0 ] && check ok "a killed shard resumes with nothing written twice and no temporary file" \
  || check no "a killed shard resumes with nothing written twice and no temporary file"

echo "== 4. a reviewed unit from one machine, matched on another =="
cat > "$work/reviewed.xlf" <<'XLF'
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="ulasan" source-language="id" target-language="en" datatype="plaintext"><body>
<trans-unit id="r1"><source>Panitia khusus DPR menunda rapat dengar pendapat hingga pekan depan.</source>
<target state="final">The House special committee postponed the hearing until next week.</target></trans-unit>
</body></file></xliff>
XLF
SELARAS_CACHE_DIR="$work/cache-machineA" "$bin" tm update --store "$pg" --from "$work/reviewed.xlf" 2>/dev/null
mkdir -p "$work/articles-b"
printf 'Rapat Ditunda\n\nPanitia khusus DPR menunda rapat dengar pendapat hingga pekan depan.\n' > "$work/articles-b/ditunda.txt"
SELARAS_CACHE_DIR="$work/cache-machineB" "$bin" run "$work/pipeline.yaml" --input "$work/articles-b" --output "$work/out-b" --tm-store "$pg" 2>/dev/null
python3 - "$work/out-b/ditunda.json" <<'PY' && check ok "a run on machine B matches machine A's reviewed unit exactly" || check no "a run on machine B matches machine A's reviewed unit exactly"
import json, sys
d = json.load(open(sys.argv[1]))
t = [x for x in d["targets"] if x.get("text") == "The House special committee postponed the hearing until next week."]
sys.exit(0 if t and "tm" in json.dumps(t[0]).lower() else 1)
PY
echo
echo "cases tried $((pass + fail)), passed $pass"
[ "$fail" = 0 ]
