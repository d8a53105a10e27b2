#!/usr/bin/env bash
# The demo, end to end: set up, start a local ClinicalTrials.gov serving the project's reconstructed
# records of the Table 2 trials, import Table 2 as the baseline, sync "April 2024", sync "today",
# and show what changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/setup.sh

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
tw() { pnpm --silent trialwatch "$@"; }

export MONGODB_URI="${DEMO_MONGODB_URI:-mongodb://127.0.0.1:27017/trialwatch_demo}"
export TRIALWATCH_PREFIX="${DEMO_PREFIX:-trialwatch-demo}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
# The local registry is ours: no need for the real API's 50 requests a minute.
export CTGOV_REQUESTS_PER_MINUTE=600

registry_dir="$(mktemp -d)"
replay_log="$registry_dir.log"
cleanup() {
  [[ -n "${replay_pid:-}" ]] && kill "$replay_pid" 2>/dev/null || true
  rm -rf "$registry_dir" "$replay_log"
}
trap cleanup EXIT

say "starting from an empty demo database ($MONGODB_URI)"
tw reset --yes

say "a local ClinicalTrials.gov, serving the registry as it stood in April 2024 (reconstructed records)"
cp "$(tw demo-data --snapshot 2024-04 --path)"/*.json "$registry_dir/"
node --import tsx services/cli/src/main.ts replay-server --data "$registry_dir" --port 0 >"$replay_log" 2>&1 &
replay_pid=$!
for _ in $(seq 1 100); do grep -q 'listening on' "$replay_log" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*/api/v2' "$replay_log" | head -n 1)"
[[ -n "$url" ]] || { cat "$replay_log" >&2; echo "replay server did not start" >&2; exit 1; }
export CTGOV_BASE_URL="$url"
echo "registry: $CTGOV_BASE_URL"

table2="$root/../shared/domain/table2.tsv"
if [[ -f "$table2" ]]; then
  say "importing Table 2 of the review as the published baseline"
  tw baseline import "$table2" --json | tail -n 2
else
  echo "(../shared/domain/table2.tsv not found: skipping the baseline import)"
fi

say "night 1: the PRRT cohort (Table 2's 19 ids + a vocabulary query), as of April 2024"
tw sync --once | tail -n 2

say "the registry moves on: serving the records as they stand today"
for file in "$(tw demo-data --path)"/*.json; do
  cp "$file" "$registry_dir/.incoming" && mv "$registry_dir/.incoming" "$registry_dir/$(basename "$file")"
done

say "night 2: an incremental sync"
tw sync --once | tail -n 2

say "what changed overnight"
tw changes --since "$(date -u -d '-10 minutes' +%Y-%m-%dT%H:%M:%SZ)" --type status_changed why_stopped_changed date_changed \
  enrollment_changed phase_changed results_posted sites_changed countries_changed interventions_changed combination_changed trial_removed

if [[ -f "$table2" ]]; then
  say "Table 2 as printed against the registry today (* = changed)"
  tw changes --baseline table2
fi

say "done"
cat <<HINT
The demo data stays in $MONGODB_URI. To browse it:
  TRIALWATCH_API_TOKEN=\$(openssl rand -hex 16) MONGODB_URI=$MONGODB_URI pnpm --silent trialwatch api --port 8080
  then open http://127.0.0.1:8080/cohorts/prrt/table with the bearer token.
HINT
