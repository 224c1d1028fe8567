#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: the package with its test extra,
# and Debian's Chromium for the browser tests (Playwright drives it; its own download cannot work).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi
python3 -m pip install -q -e ".[test]"
