#!/usr/bin/env bash
# Runs the whole test command N times in a row (default 5) on a clean clone of HEAD, the way CI
# runs it, and stops at the first failure: a test that fails by chance shows up here before CI.
# Usage: scripts/test-repeatedly.sh [N]
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
clone="$(mktemp -d "${TMPDIR:-/tmp}/pishkhan-repeat-XXXXXX")"
git clone --quiet "$root" "$clone"
echo "test-repeatedly: $(git -C "$clone" log -1 --format='%h %s') in $clone"

for run in $(seq 1 "$runs"); do
  started=$(date +%s)
  if (cd "$clone" && .ci/run >"$clone/run-$run.log" 2>&1); then
    echo "test-repeatedly: run $run of $runs passed in $(($(date +%s) - started)) s"
  else
    echo "test-repeatedly: run $run of $runs FAILED after $(($(date +%s) - started)) s; log: $clone/run-$run.log" >&2
    grep -E '^(FAIL|  ●)' "$clone/run-$run.log" | head -20 >&2 || true
    exit 1
  fi
done
echo "test-repeatedly: $runs of $runs runs passed"
rm -rf "$clone"
