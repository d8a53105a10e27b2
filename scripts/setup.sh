#!/usr/bin/env bash
# Prepare a machine to run TrialWatch: Node.js check, pnpm 12.4.2, dependencies, the FerretDB build,
# and a local Redis + FerretDB (started only if they do not answer). Idempotent; sourced by demo.sh and
# test.sh (which .ci/run runs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

node_version="$(node -p 'process.versions.node' 2>/dev/null || true)"
[[ -n "$node_version" ]] || { echo "Node.js 20.19+ is required" >&2; exit 1; }
IFS=. read -r major minor _ <<<"$node_version"
if (( major < 20 || (major == 20 && minor < 19) )); then
  echo "Node.js 20.19+ is required (found $node_version)" >&2
  exit 1
fi

if [[ "$(pnpm --version 2>/dev/null || true)" != "12.4.2" ]]; then
  say "installing pnpm 12.4.2"
  npm install -g pnpm@12.4.2 >&2
fi

say "installing dependencies"
pnpm install --frozen-lockfile >&2

if ! command -v redis-server >/dev/null 2>&1 && ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  say "installing redis-server"
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y redis-server >&2 || (apt-get update >&2 && apt-get install -y redis-server >&2)
  else echo "redis-server is missing: install it (sudo apt-get install redis-server) or set REDIS_URL" >&2; exit 1; fi
fi

say "building FerretDB (embedded, SQLite backend)"
infra/ferretdb/build.sh >&2

say "starting local services"
pnpm --silent trialwatch services up >&2
