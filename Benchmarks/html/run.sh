#!/bin/sh
# Article-body extraction from saved pages: `selaras extract --jsonl` beside trafilatura,
# readability-lxml and jusText, each scored by ../shared/eval/html_eval.py on ../shared/data/html (the
# article-extraction benchmark's scoring: token 4-gram shingles, precision and recall averaged over
# pages) in the same run; pages per second are for the whole run (process start included for
# Selaras), and the speed ratio to trafilatura is printed.
# Usage: Benchmarks/html/run.sh [SELARAS_BINARY]   (default .build/release/selaras; builds nothing)
set -eu
. "$(dirname "$0")/../common.sh"
data=$shared/data/html
need "$shared/eval/html_eval.py" "set SHARED"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for system in trafilatura readability justext "cmd:$bin extract --jsonl"; do
    "$py" "$shared/eval/html_eval.py" "$data" --system "$system" 2>/dev/null | tee -a "$out"
done
awk -F'\t' '{ for (i = 1; i <= NF; i++) if ($i ~ /^pages\/s=/) { split($i, a, "="); s[NR] = a[2] } }
    END { if (s[1] > 0) printf "selaras / trafilatura pages per second: %.1fx\n", s[4] / s[1] }' "$out"

# What bounds the ratio: html_eval.py times its own JSON encoding of the 23 MB of pages and the
# pipe with the command. The same steps with `cat > /dev/null` as the command give the harness's
# ceiling (no command can be faster); the command alone is timed on the same records, read from a
# file.
"$py" - "$data" "$bin" <<'PY'
import gzip, json, os, subprocess, sys, tempfile, time
d, binary = sys.argv[1], sys.argv[2]
gt = json.load(open(os.path.join(d, 'ground-truth.json'), encoding='utf-8'))
pages = {k: gzip.open(os.path.join(d, 'pages', k + '.html.gz')).read().decode('utf-8', 'replace') for k in gt}
best_ceiling = best_command = float('inf')
for _ in range(3):
    t = time.perf_counter()
    inp = ''.join(json.dumps({'id': k, 'html': h, 'url': gt[k].get('url', '')}, ensure_ascii=False) + '\n' for k, h in pages.items())
    subprocess.run('cat > /dev/null', shell=True, input=inp.encode(), capture_output=True)
    best_ceiling = min(best_ceiling, time.perf_counter() - t)
with tempfile.NamedTemporaryFile('wb', suffix='.jsonl') as f:
    f.write(inp.encode()); f.flush()
    for _ in range(3):
        t = time.perf_counter()
        with open(f.name, 'rb') as src:
            subprocess.run([binary, 'extract', '--jsonl'], stdin=src, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best_command = min(best_command, time.perf_counter() - t)
n = len(gt)
print(f"harness ceiling (html_eval's encoding and pipe, command `cat`): {n / best_ceiling:.0f} pages/s (best of 3)")
print(f"selaras extract --jsonl alone, records from a file: {n / best_command:.0f} pages/s (best of 3)")
PY
