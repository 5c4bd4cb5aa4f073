#!/usr/bin/env bash
# Installs (Debian, as root) and starts every service the test suite needs, each with a
# readiness wait. Idempotent: a service that already answers is left alone; a second run
# changes nothing. State, logs and pid files live under .force12/ in the repository.
#
#   scripts/setup.sh            install what is missing, start what is not running
#   scripts/setup.sh --check    only report what is missing or not running (exit 1 if any)
#   scripts/stop.sh             stop exactly the processes this script started (by pid)
#
# Endpoints (fixed, loopback only) are written to .force12/services.env for tests to read.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

CHECK_ONLY=false
case "${1:-}" in
  --check) CHECK_ONLY=true ;;
  -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "setup.sh: unknown argument '$1' (expected --check or --help)" >&2; exit 2 ;;
esac

APT_PACKAGES=(docker.io docker-compose rabbitmq-server prometheus chromium nodejs npm curl)
NPM_PACKAGES=(kinesalite@3.3.3 dynalite@4.0.0)

require_platform() {
  local problems=()
  [[ "$(id -u)" == 0 ]] || problems+=("must run as root (apt-get install and dockerd need it); you are $(id -un)")
  [[ -f /etc/debian_version ]] || problems+=("needs Debian (apt-get); /etc/debian_version not found")
  if ((${#problems[@]})); then
    printf 'setup.sh: cannot install the test services here:\n' >&2
    printf '  - %s\n' "${problems[@]}" >&2
    printf 'Install by hand instead: %s; npm: %s.\n' "${APT_PACKAGES[*]}" "${NPM_PACKAGES[*]}" >&2
    exit 1
  fi
}

install_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    # nodejs/npm may come from elsewhere (the machine image); accept any working binary.
    case "$pkg" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    $CHECK_ONLY && { echo "missing packages: ${missing[*]}"; return 1; }
    log "installing ${missing[*]}"
    apt-get update -qq
    # Package scripts must not start system-wide daemons: this script starts its own copies.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      >"$LOGS/apt.log" 2>&1 || { tail -20 "$LOGS/apt.log" >&2; die "apt-get install failed (log: $LOGS/apt.log)"; }
    rm -f /usr/sbin/policy-rc.d
  fi
  if [[ ! -x "$TOOLS/node_modules/.bin/kinesalite" || ! -x "$TOOLS/node_modules/.bin/dynalite" ]]; then
    $CHECK_ONLY && { echo "missing npm packages: ${NPM_PACKAGES[*]}"; return 1; }
    log "installing ${NPM_PACKAGES[*]} into $TOOLS"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "${NPM_PACKAGES[@]}" \
      >"$LOGS/npm.log" 2>&1 || { tail -20 "$LOGS/npm.log" >&2; die "npm install failed (log: $LOGS/npm.log)"; }
  fi
}

start_dockerd() {
  if docker_ready; then log "dockerd: already answering on /var/run/docker.sock"; return; fi
  $CHECK_ONLY && { echo "dockerd: not running"; return 1; }
  # A killed dockerd leaves its pid file; a new one refuses to start while that names a live process.
  if [[ -f /var/run/docker.pid ]] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  start_service dockerd dockerd --iptables=false --bridge=none --storage-driver=vfs
  wait_until dockerd 60 docker_ready
}

start_rabbitmq() {
  if rabbitmq_ready; then log "rabbitmq: already answering on 5672/15672"; return; fi
  $CHECK_ONLY && { echo "rabbitmq: not running"; return 1; }
  local dir="$STATE/rabbitmq"
  mkdir -p "$dir/mnesia" "$LOGS/rabbitmq"
  echo '[rabbitmq_management].' >"$dir/enabled_plugins"
  if ! epmd_ready; then
    start_service epmd epmd -address 127.0.0.1
    wait_until epmd 20 epmd_ready
  fi
  HOME="$dir" RABBITMQ_NODENAME=force12@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$LOGS/rabbitmq" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    start_service rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server
  wait_until rabbitmq 90 rabbitmq_ready
}

start_prometheus() {
  if http_ok "$PROMETHEUS_URL/-/ready"; then log "prometheus: already answering on $PROMETHEUS_URL"; return; fi
  $CHECK_ONLY && { echo "prometheus: not running"; return 1; }
  local dir="$STATE/prometheus"
  mkdir -p "$dir/data" "$dir/targets"
  # Tests register what to scrape by writing file_sd target files into $dir/targets.
  cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: force12
    file_sd_configs:
      - files: ['$dir/targets/*.json']
        refresh_interval: 1s
EOF
  start_service prometheus prometheus --config.file="$dir/prometheus.yml" \
    --storage.tsdb.path="$dir/data" --web.listen-address=127.0.0.1:9090 --web.enable-lifecycle
  wait_until prometheus 60 http_ok "$PROMETHEUS_URL/-/ready"
}

start_chromium() {
  if http_ok "$CHROMIUM_URL/json/version"; then log "chromium: already answering on $CHROMIUM_URL"; return; fi
  $CHECK_ONLY && { echo "chromium: not running"; return 1; }
  start_service chromium chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --remote-debugging-address=127.0.0.1 --remote-debugging-port=9222 \
    --user-data-dir="$STATE/chromium" about:blank
  wait_until chromium 60 http_ok "$CHROMIUM_URL/json/version"
}

start_node_service() { # name port
  local name=$1 port=$2
  if tcp_open "$port"; then log "$name: already listening on $port"; return; fi
  $CHECK_ONLY && { echo "$name: not running"; return 1; }
  local extra=()
  [[ $name == kinesalite ]] && extra=(--createStreamMs 0 --deleteStreamMs 0 --updateStreamMs 0 --shardLimit 1000)
  start_service "$name" node "$TOOLS/node_modules/.bin/$name" --port "$port" "${extra[@]}"
  wait_until "$name" 30 tcp_open "$port"
}

main() {
  require_platform
  mkdir -p "$STATE" "$RUN" "$LOGS"
  local failed=0
  install_packages || failed=1
  start_dockerd || failed=1
  start_rabbitmq || failed=1
  start_prometheus || failed=1
  start_chromium || failed=1
  start_node_service kinesalite "$KINESALITE_PORT" || failed=1
  start_node_service dynalite "$DYNALITE_PORT" || failed=1
  write_services_env
  if ((failed)); then
    echo "setup.sh --check: something is missing (see above); run scripts/setup.sh" >&2
    exit 1
  fi
  log "all services ready; endpoints in $STATE/services.env"
}

main
