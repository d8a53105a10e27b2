#!/usr/bin/env bash
# Build the embedded FerretDB server into $(repo root)/.data/bin/ferretdb.
# Skips the build when the binary is newer than every *.go file, go.mod and go.sum here.
# Last line of output: the binary path.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$root/.data/bin/ferretdb"

up_to_date() {
  [[ -x "$bin" ]] || return 1
  local f
  for f in "$here"/*.go "$here/go.mod" "$here/go.sum"; do
    [[ "$bin" -nt "$f" ]] || return 1
  done
}

if up_to_date; then
  echo "$bin"
  exit 0
fi

go_cmd="$(command -v go || true)"
if [[ -z "$go_cmd" && -x /usr/local/go/bin/go ]]; then
  go_cmd=/usr/local/go/bin/go
fi
if [[ -z "$go_cmd" ]]; then
  echo "build.sh: no Go toolchain found (PATH or /usr/local/go/bin/go)" >&2
  exit 1
fi

mkdir -p "$(dirname "$bin")"
tmp="$bin.tmp.$$"
trap 'rm -f "$tmp"' EXIT

echo "building ferretdb with $("$go_cmd" version) (first build downloads modules, takes a few minutes)..." >&2
start=$(date +%s)
(
  cd "$here"
  # modernc.org/sqlite is pure Go: no cgo needed.
  CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="${GOFLAGS:-} -buildvcs=false -mod=readonly" \
    "$go_cmd" build -trimpath -o "$tmp" .
)
mv -f "$tmp" "$bin"
echo "built in $(( $(date +%s) - start ))s" >&2
echo "$bin"
