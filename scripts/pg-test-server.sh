#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests and benchmarks, from Debian's packages
# (installed when missing), and prints its URL on standard output:
#
#   url=$(scripts/pg-test-server.sh start)     # postgres://selaras@127.0.0.1:55432/selaras_test
#   scripts/pg-test-server.sh stop
#   scripts/pg-test-server.sh status           # exit 0 when the server is running
#
# The cluster lives in ${SELARAS_PG_DIR:-${TMPDIR:-/tmp}/selaras-pg}, listens on 127.0.0.1 only
# (port ${SELARAS_PG_PORT:-55432}) and trusts local connections: it is for tests, never for data.
set -euo pipefail
dir="${SELARAS_PG_DIR:-${TMPDIR:-/tmp}/selaras-pg}"
port="${SELARAS_PG_PORT:-55432}"
url="postgres://selaras@127.0.0.1:$port/selaras_test"
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null && dirname "$(command -v initdb)" && return
  return 1
}

# as_owner CMD...: runs CMD as the cluster's owner (postgres refuses to run as root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-start}" in
  start)
    if ! bin=$(bindir); then
      echo "installing postgresql" >&2
      $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
      bin=$(bindir)
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --home-dir "$dir" postgres; fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      if [ ! -f "$dir/data/PG_VERSION" ]; then
        mkdir -p "$dir"
        [ "$(id -u)" = 0 ] && chown postgres "$dir"
        as_owner "$bin/initdb" -D "$dir/data" -U selaras --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
          || as_owner "$bin/initdb" -D "$dir/data" -U selaras --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
          || { cat "$dir/initdb.log" >&2; exit 1; }
      fi
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=100" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    fi
    if ! psql "postgres://selaras@127.0.0.1:$port/postgres" -Atqc "SELECT 1 FROM pg_database WHERE datname = 'selaras_test'" | grep -q 1; then
      psql "postgres://selaras@127.0.0.1:$port/postgres" -qc "CREATE DATABASE selaras_test" >/dev/null
    fi
    echo "$url"
    ;;
  stop)
    bin=$(bindir) && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  status)
    bin=$(bindir) && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2; exit 2
    ;;
esac
