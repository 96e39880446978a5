#!/usr/bin/env bash
# Makes sure the machine's PostgreSQL and RabbitMQ are running for the tests: starts them when
# they are down and, as root, installs them with apt when they are absent (STACK.md).
set -euo pipefail

reachable() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
say() { printf '[servers] %s\n' "$*"; }
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if ((apt_updated == 0)); then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! reachable 5432; then
  if ! compgen -G "/etc/postgresql/*/main" >/dev/null; then
    say "installing PostgreSQL"
    apt_install postgresql
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    # Tests connect as postgres over local TCP without a password, as on this machine kind.
    as_root sed -i -E 's#^(host\s+all\s+all\s+(127\.0\.0\.1/32|::1/128)\s+)\S+#\1trust#' \
      "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  say "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 60); do reachable 5432 && break; sleep 0.5; done
  reachable 5432 || { say "PostgreSQL did not start"; exit 1; }
fi

# The tests connect as postgres over TCP without a password, as this machine kind is set up.
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
  say "PostgreSQL refuses password-less local TCP connections for user postgres;"
  say "allow them (trust for 127.0.0.1/32 in pg_hba.conf) or set TEST_PG_HOST/TEST_PG_PORT/TEST_PG_USER/TEST_PG_PASSWORD"
  exit 1
fi

if ! reachable 5672; then
  if ! command -v rabbitmq-server >/dev/null; then
    say "installing RabbitMQ"
    apt_install rabbitmq-server
  fi
  say "starting RabbitMQ"
  as_root rabbitmq-server -detached
  # -detached returns before the node has registered; await_startup fails until it has.
  for _ in $(seq 60); do as_root rabbitmqctl -q await_startup 2>/dev/null && break; sleep 1; done
  as_root rabbitmqctl -q await_startup
fi
say "PostgreSQL and RabbitMQ are up"
