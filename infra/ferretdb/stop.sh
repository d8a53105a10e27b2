#!/usr/bin/env bash
# Stop the FerretDB started by start.sh, via its pid file (DIR.pid next to the data dir).
#   infra/ferretdb/stop.sh [--data-dir DIR]
# SIGTERM, waits up to 20 s, then SIGKILL. Exits 0 if it was not running.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data_dir="$root/.data/ferretdb"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --data-dir=*) data_dir="${1#*=}"; shift ;;
    --port|--port=*) [[ "$1" == --port ]] && shift; shift ;;  # accepted for symmetry, unused
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "stop.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

data_dir="${data_dir%/}"
[[ -d "$data_dir" ]] && data_dir="$(cd "$data_dir" && pwd)"
pidfile="$data_dir.pid"

if [[ ! -f "$pidfile" ]]; then
  echo "ferretdb: no pid file $pidfile, not running" >&2
  exit 0
fi
pid="$(cat "$pidfile")"
if ! kill -0 "$pid" 2>/dev/null || ! grep -q ferretdb "/proc/$pid/cmdline" 2>/dev/null; then
  echo "ferretdb: pid $pid not running" >&2
  rm -f "$pidfile"
  exit 0
fi

kill -TERM "$pid"
for _ in $(seq 1 200); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "ferretdb: pid $pid ignored SIGTERM for 20s, sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$pidfile"
echo "ferretdb: stopped pid $pid" >&2
