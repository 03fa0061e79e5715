#!/usr/bin/env bash
# Installs schemathesis from PyPI into a virtual environment under tools/, with
# tools/bin/schemathesis to run it. The API's fuzzing test (test/e2e/api-fuzz.test.ts) runs it
# against the OpenAPI document of a system it starts. Does nothing when the pinned version is
# already there.
set -euo pipefail

version="4.32.5"
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/tools/schemathesis"
launcher="$root/tools/bin/schemathesis"

if [ -x "$launcher" ] && [ -f "$venv/VERSION" ] && [ "$(cat "$venv/VERSION")" = "$version" ]; then
  exit 0
fi

usable() {
  command -v python3 >/dev/null &&
    python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 9))' 2>/dev/null
}
if ! usable; then
  if ! command -v apt-get >/dev/null; then
    echo "install-schemathesis: Python 3.9 or later with venv is needed; install it from your distribution" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "install-schemathesis: installing Debian's python3-venv (apt-get)..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
fi
python="$(command -v python3)"

echo "install-schemathesis: installing schemathesis $version from PyPI..."
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
mkdir -p "$root/tools/bin"
cat >"$launcher" <<'LAUNCHER'
#!/usr/bin/env bash
# Runs schemathesis from its virtual environment: schemathesis run <schema> [options]
exec "$(cd "$(dirname "$0")/../schemathesis/bin" && pwd)/schemathesis" "$@"
LAUNCHER
chmod +x "$launcher"
echo "$version" >"$venv/VERSION"
echo "install-schemathesis: installed version $version"
