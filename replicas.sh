#!/usr/bin/env bash
# Two replicas of every service (README, "Scaling out"; docs/scaling.md): builds the
# services and the reliability module, starts two replicas of the gateway and of every service on one
# PostgreSQL of its own (max_connections 200) and the machine's RabbitMQ, drives steady load through
# both gateways, kills the second replica of everything with -9 while both hold runs, starts it again,
# and counts: nothing lost or doubled, the runs resumed after their leases expired, every minute's
# cron tick once, the concurrency limit across both, poison dead-lettered once per queue by two
# drainers, the connections against max_connections.
#   ./replicas.sh [--minutes 6] [--rate 4]
# Writes the section "replicas" of docs/scaling.md. Exits non-zero when anything did not hold.
exec "$(dirname "$0")/scripts/reliability-main.sh" faults.ReplicaRun "$@"
