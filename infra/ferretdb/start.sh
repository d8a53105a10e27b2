#!/usr/bin/env bash
# Start the embedded FerretDB (SQLite backend) in the background.
#   infra/ferretdb/start.sh [--data-dir DIR] [--port N]
# Defaults: --data-dir $(repo root)/.data/ferretdb, --port 27017.
# Log: DIR.log, pid file: DIR.pid (next to the data dir).
# Idempotent: if something already answers on the port, just prints the URI.
# Last two lines of stdout: "ferretdb: running, pid ... " (or "... already answers ...")
# and then mongodb://127.0.0.1:PORT/
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

data_dir="$root/.data/ferretdb"
port=27017
host=127.0.0.1
timeout_s=60

while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --data-dir=*) data_dir="${1#*=}"; shift ;;
    --port) port="$2"; shift 2 ;;
    --port=*) port="${1#*=}"; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "start.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

[[ "$port" =~ ^[0-9]+$ ]] || { echo "start.sh: bad --port: $port" >&2; exit 2; }
mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"
log="$data_dir.log"
pidfile="$data_dir.pid"
uri="mongodb://$host:$port/"

answers() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }
alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

if answers; then
  echo "ferretdb: something already answers on $host:$port"
  echo "$uri"
  exit 0
fi

pid=""
if [[ -f "$pidfile" ]]; then
  old="$(cat "$pidfile" 2>/dev/null || true)"
  if alive "$old" && grep -q ferretdb "/proc/$old/cmdline" 2>/dev/null; then
    echo "ferretdb: pid $old (from $pidfile) is still starting, waiting for it" >&2
    pid="$old"
  else
    rm -f "$pidfile"
  fi
fi

if [[ -z "$pid" ]]; then
  bin="$("$here/build.sh" | tail -n 1)"
  [[ -f "$log" ]] && mv -f "$log" "$log.prev"
  nohup "$bin" --data-dir "$data_dir" --listen-addr "$host:$port" </dev/null >"$log" 2>&1 &
  pid=$!
  echo "$pid" >"$pidfile"
fi

deadline=$(( $(date +%s) + timeout_s ))
while :; do
  if grep -q "^ferretdb ready " "$log" 2>/dev/null || answers; then
    break
  fi
  if ! alive "$pid"; then
    echo "ferretdb: process $pid exited during start; log $log:" >&2
    tail -n 30 "$log" >&2 || true
    rm -f "$pidfile"
    exit 1
  fi
  if (( $(date +%s) >= deadline )); then
    echo "ferretdb: not ready after ${timeout_s}s (pid $pid); log $log:" >&2
    tail -n 30 "$log" >&2 || true
    exit 1
  fi
  sleep 0.1
done

echo "ferretdb: running, pid $pid, data $data_dir, log $log"
echo "$uri"
