# The start every Benchmarks/*/run.sh shares; sourced, never run: `. "$(dirname "$0")/../common.sh"`.
# POSIX sh, so that both the sh and the bash scripts can source it. It sets
#   here    the benchmark's own folder
#   root    the repository
#   bin     the selaras binary: the script's first argument, default .build/release/selaras
#   shared  SHARED, default ../shared beside the repository (made absolute when it exists)
#   py      PYTHON; when unset, the peers' venv that `make peers` makes (.build/peers/bin/python),
#           else python3
# and stops (exit 2) when the binary is not there. `make bench` passes PYTHON and SHARED.
# need PATH WHAT: stops (exit 2) with a message naming PATH and what to do, when PATH is missing.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/.build/release/selaras}
shared=${SHARED:-$root/../shared}
[ -d "$shared" ] && shared=$(cd "$shared" && pwd)  # absolute, for scripts that change folder
if [ -n "${PYTHON:-}" ]; then
    py=$PYTHON
elif [ -x "$root/.build/peers/bin/python" ]; then
    py=$root/.build/peers/bin/python
else
    py=python3
fi
need() { [ -e "$1" ] || { echo "no $1 ($2)" >&2; exit 2; }; }
[ -x "$bin" ] || { echo "no selaras binary at $bin (build with: swift build -c release)" >&2; exit 2; }
