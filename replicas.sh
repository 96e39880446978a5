#!/usr/bin/env bash
# Two replicas of every service (README, "Reliability" › "Replicas"; docs/scaling.md): builds the
# services and the reliability module, starts two replicas of the gateway and of every service on one
# PostgreSQL of its own (max_connections 200) and the machine's RabbitMQ, drives steady load through
# both gateways, kills the second replica of everything with -9 while both hold runs, starts it again,
# and counts: nothing lost or doubled, the runs resumed after their leases expired, every minute's
# cron tick once, the concurrency limit across both, the connections against max_connections.
#   ./replicas.sh [--minutes 6] [--rate 4]
# Writes the section "replicas" of docs/scaling.md. Exits non-zero when anything did not hold.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
./mvnw -B -q -o package -DskipTests -Dspotless.check.skip=true -pl reliability -am
exec "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Dfaults.root="$PWD" \
  -Dlogback.configurationFile=reliability/target/classes/faults-logback.xml \
  -cp "reliability/target/classes:$(cat reliability/target/reliability-classpath.txt)" \
  com.ticketbounty.reliability.faults.ReplicaRun "$@"
