#!/usr/bin/env bash
# Runs every test: starts (or installs) PostgreSQL and RabbitMQ when they are down, installs Debian's
# Chromium for the console's browser test when it is missing, then the whole Maven build on Java 25
# (scripts/java-home.sh finds it) — formatting check, unit, integration and system tests.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/java-home.sh
bash scripts/ensure-servers.sh
bash scripts/ensure-browser.sh
exec ./mvnw -B verify "$@"
