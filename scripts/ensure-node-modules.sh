#!/usr/bin/env bash
# Runs `npm ci` when node_modules is missing or was installed from another package-lock.json.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
stamp="$root/node_modules/.pishkhan-lock-hash"
wanted="$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  exit 0
fi

echo "setup: installing node modules (npm ci)..."
(cd "$root" && npm ci --no-audit --no-fund)
echo "$wanted" >"$stamp"
