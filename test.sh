#!/usr/bin/env bash
# Runs every test: starts (or installs) PostgreSQL and RabbitMQ when they are down, then the whole
# Maven build — formatting check, unit, integration and system tests.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-servers.sh
exec ./mvnw -B verify "$@"
