#!/usr/bin/env bash
# The fault suite (README, "Reliability" › "Fault suite"): builds the services and the reliability
# module, then starts the whole system service by service under a prefix of its own, drives steady
# load through the gateway, injects each fault in turn and reconciles after it.
#   ./faults.sh [--faults 1,3] [--minutes-per-fault N] [--rate R] [--recovery-limit-minutes M]
# Faults 1-7 by default. With fault 7 (a broker node stopped) among them, the system runs on the
# 3-node cluster of scripts/rabbitmq-cluster.sh, which the suite starts and stops; without it, on the
# machine's RabbitMQ. Needs the machine's PostgreSQL and RabbitMQ; prints the table and writes it to
# docs/reliability.md (section "faults"). Exits non-zero when a fault lost or doubled anything.
exec "$(dirname "$0")/scripts/reliability-main.sh" faults.FaultSuite "$@"
