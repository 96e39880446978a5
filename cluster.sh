#!/usr/bin/env bash
# The scale-out run (docs/scaling.md): starts a 3-node RabbitMQ cluster beside the machine's broker
# (scripts/rabbitmq-cluster.sh), the whole system on it (run.sh with RABBITMQ_ADDRESSES), open-loop
# tickets and comments through the gateway, stops the broker node leading the most queues for a
# phase and starts it again, then counts every e-mail at the stub provider by idempotency key.
# Prints the figures and writes them to docs/scaling.md; stops the cluster afterwards.
#   ./cluster.sh [--quick]        (--quick: 10 s warm-up and 20 s phases instead of 20 s and 60 s)
# Settings: CLUSTER_TICKET_RATE, CLUSTER_COMMENT_RATE (requests/s, 4 each), CLUSTER_PHASE (60s),
# CLUSTER_WARMUP (20s). Exits 1 when a side effect was lost or doubled.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
phase=${CLUSTER_PHASE:-60s} warmup=${CLUSTER_WARMUP:-20s}
if [[ ${1:-} == --quick ]]; then phase=20s warmup=10s; fi

./mvnw -B -q -o package dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime -pl reliability -am

trap 'scripts/rabbitmq-cluster.sh stop' EXIT
addresses=$(scripts/rabbitmq-cluster.sh start | sed -n 's/^RABBITMQ_ADDRESSES=//p')
# run.sh (started by the run) passes these on to every service.
export RABBITMQ_ADDRESSES=$addresses
# One account posts every comment, far above the per-account limit meant for people.
export COMMENTSERVICE_RATELIMITS_COMMENTSPERMINUTE=1000000
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow \
  -Dcluster.root="$PWD" -Dcluster.phase="$phase" -Dcluster.warmup="$warmup" \
  -Dcluster.ticketRate="${CLUSTER_TICKET_RATE:-4}" -Dcluster.commentRate="${CLUSTER_COMMENT_RATE:-4}" \
  -cp "reliability/target/classes:$(cat reliability/target/classpath.txt)" \
  com.ticketbounty.reliability.cluster.BrokerNodeStop
