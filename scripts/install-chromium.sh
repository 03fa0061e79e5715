#!/usr/bin/env bash
# Installs Debian's Chromium, which the web app's tests drive, when /usr/bin/chromium is missing.
# No browser is downloaded from anywhere but the distribution's packages.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "setup: /usr/bin/chromium is missing and there is no apt-get; install Chromium from your distribution" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing Debian's chromium (apt-get)..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
