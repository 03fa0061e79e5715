#!/usr/bin/env bash
# Installs whatever is missing for the start and test commands: node modules (the root's and
# the web app's) and, unless TEMPORAL_ADDRESS points at an existing server, the Temporal CLI;
# with --tests, also the time-skipping test server, Debian's Chromium and PostgreSQL, and
# schemathesis (PyPI, for the API's fuzzing test) the tests use.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
"$here/ensure-node-modules.sh"
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  "$here/install-temporal.sh"
fi
if [ "${1:-}" = "--tests" ]; then
  "$here/install-test-server.sh"
  "$here/install-chromium.sh"
  if [ "${PK_TEST_POSTGRES:-}" != "off" ]; then
    "$here/install-postgres.sh"
  fi
  "$here/install-schemathesis.sh"
fi
