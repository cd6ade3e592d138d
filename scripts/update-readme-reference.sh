#!/usr/bin/env bash
# Replaces the config reference in README.md with the output of `selaras stages`.
set -euo pipefail
bin=${1:-.build/debug/selaras}
python3 - "$bin" <<'PY'
import subprocess, sys, re
ref = subprocess.run([sys.argv[1], 'stages'], capture_output=True, text=True, check=True).stdout
s = open('README.md', encoding='utf-8').read()
a = s.index('<!-- reference:start'); a = s.index('-->\n', a) + 4
b = s.index('<!-- reference:end -->')
open('README.md', 'w', encoding='utf-8').write(s[:a] + ref + s[b:])
PY
