#!/usr/bin/env bash
# The fault suite (README, "Reliability" › "Fault suite"): builds the services and the reliability
# module, then starts the whole system service by service under a prefix of its own, drives steady
# load through the gateway, injects each fault in turn and reconciles after it.
#   ./faults.sh [--faults 1,3] [--minutes-per-fault N] [--rate R] [--recovery-limit-minutes M]
# Faults 1-7 by default. With fault 7 (a broker node stopped) among them, the system runs on the
# 3-node cluster of scripts/rabbitmq-cluster.sh, which the suite starts and stops; without it, on the
# machine's RabbitMQ. Needs the machine's PostgreSQL and RabbitMQ; prints the table and writes it to
# docs/reliability.md (section "faults"). Exits non-zero when a fault lost or doubled anything.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
./mvnw -B -q -o package -DskipTests -Dspotless.check.skip=true -pl reliability -am
exec "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Dfaults.root="$PWD" \
  -Dlogback.configurationFile=reliability/target/classes/faults-logback.xml \
  -cp "reliability/target/classes:$(cat reliability/target/reliability-classpath.txt)" \
  com.ticketbounty.reliability.faults.FaultSuite "$@"
