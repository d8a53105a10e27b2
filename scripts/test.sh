#!/usr/bin/env bash
# Run every test (unit and integration, on real Redis and a real FerretDB) from a fresh clone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/setup.sh

# The browser test drives Debian's chromium (not downloaded by playwright).
if ! command -v chromium >/dev/null 2>&1; then
  printf '\033[1m==> %s\033[0m\n' "installing chromium for the browser test" >&2
  if [[ $(id -u) -eq 0 ]]; then (apt-get install -y chromium >&2 || (apt-get update >&2 && apt-get install -y chromium >&2))
  else echo "chromium is missing: sudo apt-get install chromium" >&2; exit 1; fi
fi

# The Go side of infra/ferretdb (its log handler).
go_cmd="$(command -v go || echo /usr/local/go/bin/go)"
(cd infra/ferretdb && "$go_cmd" test ./... >&2)

pnpm --silent typecheck
pnpm --silent lint
pnpm test
