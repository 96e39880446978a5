#!/usr/bin/env bash
# The benchmark (README, "Benchmarks"): builds the bench module and what it needs, then runs it.
#   ./bench.sh [--quick] [--scenarios 1,3] [--compare <git-rev>] [--rates 100,300,600]
# Needs the machine's PostgreSQL and RabbitMQ; writes bench/target/results/<timestamp>.json and
# docs/benchmarks.md with its plots in docs/benchmarks/.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
./mvnw -B -q -o package -DskipTests -Dspotless.check.skip=true -pl bench -am
exec "$JAVA_HOME/bin/java" -Dbench.root="$PWD" -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
  com.ticketbounty.bench.Bench "$@"
