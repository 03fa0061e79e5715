#!/usr/bin/env bash
# Installs the Temporal time-skipping test server (part of the Java SDK, from Maven Central)
# into tools/test-server, with tools/bin/temporal-test-server to start it. Tests use it to let
# SLAs of days pass in seconds. Does nothing when the pinned version is already there.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
pom="$root/scripts/test-server/pom.xml"
version="$(sed -n 's:.*<temporal.version>\(.*\)</temporal.version>.*:\1:p' "$pom")"
dir="$root/tools/test-server"
launcher="$root/tools/bin/temporal-test-server"

if [ -x "$launcher" ] && [ -f "$dir/VERSION" ] && [ "$(cat "$dir/VERSION")" = "$version" ]; then
  exit 0
fi

for tool in java mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-test-server: $tool is needed for the time-skipping test server (Java 11+ and Maven)." >&2
    exit 1
  fi
done

echo "install-test-server: resolving io.temporal:temporal-test-server:$version from Maven Central..."
rm -rf "$dir"
mkdir -p "$dir/lib" "$root/tools/bin"
mvn -B -q -f "$pom" dependency:copy-dependencies -DoutputDirectory="$dir/lib" -DincludeScope=runtime
cat >"$launcher" <<'LAUNCHER'
#!/usr/bin/env bash
# Starts the Temporal time-skipping test server: temporal-test-server <port> [--enable-time-skipping]
lib="$(cd "$(dirname "$0")/../test-server/lib" && pwd)"
exec java -cp "$lib/*" io.temporal.testserver.TestServer "$@"
LAUNCHER
chmod +x "$launcher"
echo "$version" >"$dir/VERSION"
echo "install-test-server: installed version $version"
