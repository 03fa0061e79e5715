#!/usr/bin/env bash
# Builds the Temporal CLI (dev server with SQLite persistence and the Web UI) from the Go
# module proxy into tools/bin. Does nothing when the pinned version is already there.
# Tags after v1.5.1 carry a `replace` directive and cannot be built with `go install`.
set -euo pipefail

TEMPORAL_CLI_VERSION="1.5.1"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin_dir="$root/tools/bin"
binary="$bin_dir/temporal"

if [ -x "$binary" ] && "$binary" --version 2>/dev/null | grep -q "temporal version $TEMPORAL_CLI_VERSION "; then
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "install-temporal: Go is needed to build the Temporal CLI (https://go.dev/dl/)," >&2
  echo "or set TEMPORAL_ADDRESS to use an existing Temporal server." >&2
  exit 1
fi

echo "install-temporal: building Temporal CLI v$TEMPORAL_CLI_VERSION into tools/bin (first time only, a few minutes)..."
mkdir -p "$bin_dir"
started=$(date +%s)
GOBIN="$bin_dir" go install -trimpath \
  -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$TEMPORAL_CLI_VERSION" \
  "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION"
echo "install-temporal: $("$binary" --version) built in $(($(date +%s) - started)) s"
