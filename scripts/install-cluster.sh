#!/usr/bin/env bash
# Installs what the production-shaped deployment (`npm run cluster`, test/cluster) needs and
# does not find: the Temporal server and its SQL schema tool, built from the Go module proxy
# into tools/bin, and PostgreSQL from Debian's packages. Does nothing when the pinned versions
# are there. The server is the version the Temporal CLI of scripts/install-temporal.sh embeds,
# so the dev server and the cluster run the same Temporal.
set -euo pipefail

TEMPORAL_SERVER_VERSION="1.29.1"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin_dir="$root/tools/bin"
stamp="$bin_dir/.temporal-server-version"

say() { echo "install-cluster: $*"; }

# PostgreSQL: any Debian major version will do; the deployment finds its binaries itself.
"$root/scripts/install-postgres.sh"

if [ -x "$bin_dir/temporal-server" ] && [ -x "$bin_dir/temporal-sql-tool" ] &&
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$TEMPORAL_SERVER_VERSION" ]; then
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  say "Go is needed to build the Temporal server (https://go.dev/dl/)." >&2
  exit 1
fi

say "building Temporal server v$TEMPORAL_SERVER_VERSION and its SQL tool into tools/bin (first time only, several minutes)..."
started=$(date +%s)
mkdir -p "$bin_dir"
build_dir="$(mktemp -d)"
trap 'rm -rf "$build_dir"' EXIT
# `go install` names the binaries after their folders (server, sql): built aside, then renamed.
GOBIN="$build_dir" nice go install -trimpath -ldflags "-s -w" \
  "go.temporal.io/server/cmd/server@v$TEMPORAL_SERVER_VERSION" \
  "go.temporal.io/server/cmd/tools/sql@v$TEMPORAL_SERVER_VERSION"
mv "$build_dir/server" "$bin_dir/temporal-server"
mv "$build_dir/sql" "$bin_dir/temporal-sql-tool"
echo "$TEMPORAL_SERVER_VERSION" >"$stamp"
say "$("$bin_dir/temporal-server" --version) built in $(($(date +%s) - started)) s"
