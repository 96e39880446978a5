#!/usr/bin/env bash
# The soak (README, "Reliability" → "Soak"): builds the reliability module and what it needs, then
# starts the whole system on run.sh's embedded PostgreSQL and offers steady open-loop load through
# the gateway, sampling throughput, p50/p99, heap after GC, connections, dead tuples and table sizes.
#   ./soak.sh [--minutes 10] [--rate 20]
# Needs the machine's RabbitMQ; writes the soak section of docs/reliability.md and its plots in
# docs/reliability/ (soak-*.png, soak-samples.csv).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
./mvnw -B -q -o package -DskipTests -Dspotless.check.skip=true -pl reliability -am
exec "$JAVA_HOME/bin/java" -Dsoak.root="$PWD" \
  -cp "reliability/target/classes:$(cat reliability/target/reliability-classpath.txt)" \
  com.ticketbounty.reliability.soak.Soak "$@"
