#!/usr/bin/env bash
# Installs Debian's PostgreSQL server, which the tests start to run the store's SQL on a real
# server beside the embedded one, when no /usr/lib/postgresql/<version>/bin/postgres is there.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "setup: PostgreSQL is missing and there is no apt-get; install its server from your distribution (or run the tests with PK_TEST_POSTGRES=off)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing Debian's postgresql (apt-get)..."
$sudo apt-get update -qq
# The package's own cluster is not needed: the tests create theirs.
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
