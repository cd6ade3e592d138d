#!/usr/bin/env bash
# Interoperability of Selaras's bilingual files with Translate Toolkit (a measuring peer, never a
# dependency):
#   1. XLIFF 1.2 written by Selaras loads in translate.storage.xliff with the units Selaras wrote
#      (ids, sources, targets, states, alt-trans match-quality/origin, glossary notes), and its run
#      TMX loads in translate.storage.tmx with the pairs Selaras wrote;
#   2. XLIFF written by Translate Toolkit loads in Selaras's XLIFFReader, which finds the units
#      Translate Toolkit considers translated or better, and its TMX in Selaras's TMXReader.
# The Swift side is the test entry Tests/SelarasOutputTests/InteropTests.swift (run through
# `swift test`, so no selaras binary is needed); the Python side is tt_side.py.
#
# Usage: scripts/interop/check.sh            (from the repository root)
# Environment:
#   INTEROP_PYTHON  a python with translate-toolkit (default: .build/peers/bin/python when it has it,
#                   else a venv in .build/interop-venv, created and pip-installed on first use)
#   INTEROP_DIR     where the exchanged files go (default: a fresh temporary folder)
# Exit status: 0 when every check passed, 1 otherwise. Ends with 'N passed, M failed'.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/interop

python="${INTEROP_PYTHON:-}"
if [[ -z "$python" ]]; then
  if [[ -x .build/peers/bin/python ]] && .build/peers/bin/python -c 'import translate.storage.xliff' 2>/dev/null; then
    python=.build/peers/bin/python
  else
    venv=.build/interop-venv
    if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import translate.storage.xliff' 2>/dev/null; then
      echo "creating $venv with translate-toolkit" >&2
      python3 -m venv "$venv"
      "$venv/bin/pip" install --quiet translate-toolkit lxml
    fi
    python="$venv/bin/python"
  fi
fi

dir="${INTEROP_DIR:-$(mktemp -d -t selaras-interop.XXXXXX)}"
mkdir -p "$dir"
echo "interop folder: $dir" >&2

passed=0; failed=0
tally() {  # reads 'N passed, M failed' from a log
  local line; line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1 || true)
  if [[ -n "$line" ]]; then
    passed=$((passed + $(echo "$line" | cut -d' ' -f1))); failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
  else
    failed=$((failed + 1))
  fi
}
swift_step() {  # runs one InteropTests test; counts it as one check
  local name=$1
  if SELARAS_INTEROP_DIR="$dir" swift test --filter "SelarasOutputTests.InteropTests/$name" >"$dir/$name.log" 2>&1 \
     && grep -q "Executed 1 test, with 0 failures" "$dir/$name.log" && ! grep -q "skipped" "$dir/$name.log"; then
    echo "ok   swift: $name"; passed=$((passed + 1))
  else
    echo "FAIL swift: $name (log: $dir/$name.log)"; grep -E "error|skipped" "$dir/$name.log" | head -20 || true
    failed=$((failed + 1))
  fi
}

swift build --build-tests >"$dir/build.log" 2>&1 || { echo "FAIL swift build (log: $dir/build.log)"; tail -20 "$dir/build.log"; echo "0 passed, 1 failed"; exit 1; }

# 1. Selaras writes, Translate Toolkit reads.
swift_step testInteropExport
"$python" "$here/tt_side.py" load "$dir" | tee "$dir/tt-load.log" || true
tally "$dir/tt-load.log"

# 2. Translate Toolkit writes, Selaras reads.
"$python" "$here/tt_side.py" write "$dir" | tee "$dir/tt-write.log" || true
tally "$dir/tt-write.log"
swift_step testInteropImport

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
