#!/usr/bin/env bash
# Makes sure Debian's Chromium and its driver are installed for the browser test of the operations
# console (OperationsConsoleSystemTest): as root, installs them with apt when either is missing.
# The test drives /usr/bin/chromium through /usr/bin/chromedriver and downloads no browser.
set -euo pipefail

say() { printf '[browser] %s\n' "$*"; }
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
say "installing chromium and chromium-driver"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || { say "chromium did not install"; exit 1; }
