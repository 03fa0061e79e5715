#!/usr/bin/env bash
# Runs `npm ci` where node_modules is missing or was installed from another package-lock.json:
# at the root, and in web/ (the web app is its own npm project).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"

for project in "$root" "$root/web"; do
  stamp="$project/node_modules/.pishkhan-lock-hash"
  wanted="$(sha256sum "$project/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    continue
  fi
  echo "setup: installing node modules in ${project#"$root"/} (npm ci)..."
  (cd "$project" && npm ci --no-audit --no-fund)
  echo "$wanted" >"$stamp"
done
