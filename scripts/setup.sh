#!/usr/bin/env bash
# Installs whatever is missing for the start and test commands: node modules and, unless
# TEMPORAL_ADDRESS points at an existing server, the Temporal CLI.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
"$here/ensure-node-modules.sh"
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  "$here/install-temporal.sh"
fi
