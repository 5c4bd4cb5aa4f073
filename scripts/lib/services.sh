# Shared by setup.sh, stop.sh and test.sh: where state lives, how a service is started and
# tracked by pid, and how readiness is checked. Sourced, not run.

STATE="${FORCE12_STATE_DIR:-$ROOT/.force12}"
RUN="$STATE/run"
LOGS="$STATE/logs"
TOOLS="$STATE/tools"

PROMETHEUS_URL="http://127.0.0.1:9090"
CHROMIUM_URL="http://127.0.0.1:9222"
KINESALITE_PORT=4567
DYNALITE_PORT=4568

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# Starts a command in its own session (so its pid is also its process-group id), logs to
# $LOGS/<name>.log and records the pid in $RUN/<name>.pid. stop.sh ends that group only.
start_service() {
  local name=$1; shift
  log "starting $name"
  setsid "$@" </dev/null >"$LOGS/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
}

# wait_until NAME SECONDS CMD...: polls CMD until it succeeds; fails naming the log on timeout.
wait_until() {
  local name=$1 timeout=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [[ -f "$RUN/$name.pid" ]] && ! kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
      tail -20 "$LOGS/$name.log" >&2 || true
      die "$name exited during start-up (log: $LOGS/$name.log)"
    fi
    ((SECONDS < deadline)) || { tail -20 "$LOGS/$name.log" >&2 || true; die "$name not ready after ${timeout}s (log: $LOGS/$name.log)"; }
    sleep 0.5
  done
  log "$name ready"
}

http_ok() { curl -fs -o /dev/null --max-time 2 "$@"; }
tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
docker_ready() { curl -fsS -o /dev/null --max-time 2 --unix-socket /var/run/docker.sock http://localhost/_ping; }
epmd_ready() { tcp_open 4369; }
rabbitmq_ready() { tcp_open 5672 && http_ok -u guest:guest http://127.0.0.1:15672/api/overview; }

write_services_env() {
  cat >"$STATE/services.env" <<EOF
FORCE12_DOCKER_HOST=unix:///var/run/docker.sock
FORCE12_RABBITMQ_URL=amqp://guest:guest@127.0.0.1:5672/
FORCE12_RABBITMQ_MANAGEMENT_URL=http://127.0.0.1:15672/
FORCE12_PROMETHEUS_URL=$PROMETHEUS_URL
FORCE12_PROMETHEUS_TARGETS_DIR=$STATE/prometheus/targets
FORCE12_CHROMIUM_URL=$CHROMIUM_URL
FORCE12_KINESIS_URL=http://127.0.0.1:$KINESALITE_PORT
FORCE12_DYNAMODB_URL=http://127.0.0.1:$DYNALITE_PORT
EOF
}
