#!/usr/bin/env bash
# A 3-node RabbitMQ cluster on this host, beside the machine's broker (which keeps 5672), for the
# scale-out run (./cluster.sh) and for trying the services against a cluster by hand:
#
#   scripts/rabbitmq-cluster.sh start         starts tb1..tb3@localhost, joins 2 and 3 to 1, waits
#                                             for 3 running nodes, prints RABBITMQ_ADDRESSES=...
#   scripts/rabbitmq-cluster.sh stop          stops exactly those nodes, removes their directory
#   scripts/rabbitmq-cluster.sh status        cluster_status as node 1 sees it
#   scripts/rabbitmq-cluster.sh addresses     the AMQP addresses, host:port,host:port (for
#                                             RABBITMQ_ADDRESSES)
#   scripts/rabbitmq-cluster.sh stop-node N   stops node N's Erlang VM (a broker node gone)
#   scripts/rabbitmq-cluster.sh start-node N  starts node N again; it rejoins from its own data
#   scripts/rabbitmq-cluster.sh queues        every queue's type, leader, members and online
#                                             members, as JSON (asked of the first node that answers)
#
# The machine's rabbitmq.conf pins its listener and its rabbitmq-env.conf the node name, so every
# node gets files of its own: config (AMQP listener), enabled-plugins file (none: no management,
# to spare the 2 cores), env file, data (mnesia), log and pid under TB_RABBIT_CLUSTER_DIR. All
# share the rabbitmq user's Erlang cookie. Run as root (nodes then run as the rabbitmq user, as the
# machine's broker does) or as the rabbitmq user.
#
# Settings: TB_RABBIT_CLUSTER_DIR (/tmp/tb-rabbitmq-cluster; the rabbitmq user must be able to
# reach it), TB_RABBIT_CLUSTER_PORT (5680: node N listens for AMQP on 5680+N, its Erlang
# distribution on 25680+N), TB_RABBIT_CLUSTER_NODE (tb: nodes tb1@localhost..tb3@localhost).
set -euo pipefail

DIR=${TB_RABBIT_CLUSTER_DIR:-/tmp/tb-rabbitmq-cluster}
PORT_BASE=${TB_RABBIT_CLUSTER_PORT:-5680}
NODE_PREFIX=${TB_RABBIT_CLUSTER_NODE:-tb}
NODES=(1 2 3)
# The server and CLI scripts themselves, not Debian's wrappers (which drop our environment).
BIN=${RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}
[[ -x $BIN/rabbitmq-server ]] || BIN=$(dirname "$(command -v rabbitmq-server)")

say() { printf '[rabbitmq-cluster] %s\n' "$*" >&2; }
node_name() { echo "$NODE_PREFIX$1@localhost"; }
amqp_port() { echo $((PORT_BASE + $1)); }
node_dir() { echo "$DIR/$NODE_PREFIX$1"; }

# Runs a command as the rabbitmq user (its Erlang cookie, its file ownership) with HOME where the
# cookie is.
as_rabbitmq() {
  if [[ $(id -u) == 0 ]]; then
    runuser -u rabbitmq -- env HOME="$(getent passwd rabbitmq | cut -d: -f6)" "$@"
  else
    "$@"
  fi
}
ctl() { # node-number rabbitmqctl-arguments...
  local n=$1
  shift
  as_rabbitmq "$BIN/rabbitmqctl" -q -n "$(node_name "$n")" "$@"
}

write_files() { # node-number
  local n=$1 d
  d=$(node_dir "$n")
  mkdir -p "$d/mnesia" "$d/log"
  cat >"$d/rabbitmq.conf" <<EOF
listeners.tcp.local = 127.0.0.1:$(amqp_port "$n")
loopback_users = none
EOF
  echo '[].' >"$d/enabled_plugins"
  # Replaces the machine's rabbitmq-env.conf for this node: own name, epmd and distribution on
  # loopback only.
  cat >"$d/rabbitmq-env.conf" <<EOF
NODENAME=$(node_name "$n")
ERL_EPMD_ADDRESS=127.0.0.1
export ERL_FLAGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOF
  [[ $(id -u) == 0 ]] && chown -R rabbitmq:rabbitmq "$DIR"
  return 0
}

start_node() { # node-number
  local n=$1 d
  d=$(node_dir "$n")
  [[ -f $d/rabbitmq.conf ]] || write_files "$n"
  as_rabbitmq env \
    RABBITMQ_CONF_ENV_FILE="$d/rabbitmq-env.conf" \
    RABBITMQ_NODENAME="$(node_name "$n")" \
    RABBITMQ_CONFIG_FILE="$d/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$d/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$d/mnesia" \
    RABBITMQ_LOG_BASE="$d/log" \
    RABBITMQ_PID_FILE="$d/pid" \
    RABBITMQ_NODE_PORT="$(amqp_port "$n")" \
    RABBITMQ_DIST_PORT=$((20000 + $(amqp_port "$n"))) \
    "$BIN/rabbitmq-server" -detached >"$d/log/start.out" 2>&1
  await_node "$n"
}

# -detached returns before the node has registered with epmd; await_startup fails until it has.
await_node() { # node-number
  local n=$1
  for _ in $(seq 120); do
    ctl "$n" await_startup --timeout 5 >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  say "node $(node_name "$n") did not start; see $(node_dir "$n")/log"
  return 1
}

running() { ctl 1 status >/dev/null 2>&1; }

addresses() {
  local n out=()
  for n in "${NODES[@]}"; do out+=("127.0.0.1:$(amqp_port "$n")"); done
  (IFS=,; echo "${out[*]}")
}

start() {
  if running; then
    say "already running: $(addresses)"
    addresses
    return 0
  fi
  rm -rf "$DIR"
  local n pids=()
  for n in "${NODES[@]}"; do write_files "$n"; done
  # Side by side: each node takes ~10 s to boot.
  for n in "${NODES[@]}"; do
    start_node "$n" &
    pids+=($!)
  done
  for n in "${pids[@]}"; do wait "$n"; done
  for n in "${NODES[@]:1}"; do
    ctl "$n" stop_app
    ctl "$n" join_cluster "$(node_name 1)"
    ctl "$n" start_app
  done
  ctl 1 await_online_nodes "${#NODES[@]}" --timeout 120
  say "3 nodes running: $(addresses)"
  echo "RABBITMQ_ADDRESSES=$(addresses)"
}

stop() {
  local n
  for n in "${NODES[@]}"; do
    ctl "$n" stop >/dev/null 2>&1 && say "stopped $(node_name "$n")" || true
  done
  rm -rf "$DIR"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) ctl 1 cluster_status ;;
  addresses) addresses ;;
  stop-node) ctl "${2:?node number}" stop ;;
  queues)
    for n in "${NODES[@]}"; do
      ctl "$n" list_queues name type leader members online --formatter json 2>/dev/null && exit 0
    done
    exit 1
    ;;
  start-node) start_node "${2:?node number}" ;;
  *)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
