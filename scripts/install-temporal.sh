#!/usr/bin/env bash
# Builds the Temporal CLI (dev server with SQLite persistence and the Web UI) from the Go
# module proxy into tools/bin. Does nothing when the pinned version is already there.
# Tags after v1.5.1 carry a `replace` directive and cannot be built with `go install`.
# The build takes minutes the first time and Go says little meanwhile: this shows the time taken
# and how far it is (modules downloaded, packages compiled of those this version needs, linking).
set -euo pipefail

TEMPORAL_CLI_VERSION="1.5.1"
# What v1.5.1 needs, counted with `go list -deps` in its module: the bar's end points.
MODULES_NEEDED=160
PACKAGES_NEEDED=1300
MAIN_PACKAGE="github.com/temporalio/cli/cmd/temporal"

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

echo "install-temporal: building Temporal CLI v$TEMPORAL_CLI_VERSION into tools/bin (first time only, a few minutes)"
mkdir -p "$bin_dir"
started=$(date +%s)
output="$(mktemp)"
trap 'rm -f "$output"' EXIT

# `go install -v` names each package as it compiles it, after a `go: downloading` line per module.
GOBIN="$bin_dir" go install -v -trimpath \
  -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$TEMPORAL_CLI_VERSION" \
  "$MAIN_PACKAGE@v$TEMPORAL_CLI_VERSION" >"$output" 2>&1 &
go_pid=$!

elapsed() {
  local seconds=$(($(date +%s) - started))
  printf '%d min %02d s' $((seconds / 60)) $((seconds % 60))
}

# Where the build is, from what go has printed so far.
stage() {
  local downloaded compiled
  downloaded=$(grep -c '^go: downloading' "$output" || true)
  compiled=$(grep -vc '^go: ' "$output" || true)
  if grep -qx "$MAIN_PACKAGE" "$output"; then
    echo "linking the binary"
  elif [ "$compiled" -gt 0 ]; then
    echo "compiling: $compiled of about $PACKAGES_NEEDED packages"
  elif [ "$downloaded" -gt 0 ]; then
    echo "downloading: $downloaded of about $MODULES_NEEDED modules"
  else
    echo "resolving the version"
  fi
}

# On a terminal one line redrawn each second; in a log a line every 15 seconds.
if [ -t 1 ]; then every=1; else every=15; fi
tick=0
while kill -0 "$go_pid" 2>/dev/null; do
  if [ $((tick % every)) -eq 0 ] && [ "$tick" -gt 0 ]; then
    if [ -t 1 ]; then
      printf '\r\033[Kinstall-temporal: %s, %s' "$(elapsed)" "$(stage)"
    else
      echo "install-temporal: $(elapsed), $(stage)"
    fi
  fi
  sleep 1
  tick=$((tick + 1))
done
if [ -t 1 ]; then printf '\r\033[K'; fi

if ! wait "$go_pid"; then
  echo "install-temporal: go install failed after $(elapsed); its last lines:" >&2
  grep -v '^go: downloading' "$output" | tail -n 30 >&2
  exit 1
fi
echo "install-temporal: $("$binary" --version) built in $(elapsed)"
