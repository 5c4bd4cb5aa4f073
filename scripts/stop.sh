#!/usr/bin/env bash
# Stops exactly the services scripts/setup.sh started, by the pids it recorded in
# .force12/run/*.pid (each is the leader of its own process group). Never by name.
# SIGTERM first, then SIGKILL for the group after a grace period.
#
#   scripts/stop.sh [--grace SECONDS]   (default grace 30 s: dockerd stops its containers)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

GRACE=30
case "${1:-}" in
  --grace) GRACE=${2:?--grace needs a number of seconds} ;;
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "stop.sh: unknown argument '$1'" >&2; exit 2 ;;
esac

group_alive() { pgrep -g "$1" >/dev/null 2>&1; }

stop_one() {
  local pidfile=$1 name pid
  name=$(basename "$pidfile" .pid)
  pid=$(cat "$pidfile")
  if ! group_alive "$pid"; then
    echo "[stop] $name (pid $pid) was not running"
    rm -f "$pidfile"; return
  fi
  echo "[stop] $name: SIGTERM to pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + GRACE))
  while group_alive "$pid" && ((SECONDS < deadline)); do
    # Once the leader is gone, ask the rest of its group to go too.
    kill -0 "$pid" 2>/dev/null || kill -TERM -- "-$pid" 2>/dev/null || true
    sleep 0.2
  done
  if group_alive "$pid"; then
    echo "[stop] $name: still running after ${GRACE}s, SIGKILL to group $pid"
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

shopt -s nullglob
pidfiles=("$RUN"/*.pid)
# Dependants before what they need (rabbitmq before epmd), dockerd last so it can stop containers.
for name in chromium prometheus rabbitmq epmd kinesalite dynalite dockerd; do
  if [[ -f "$RUN/$name.pid" ]]; then stop_one "$RUN/$name.pid"; fi
done
for pidfile in "$RUN"/*.pid; do stop_one "$pidfile"; done
((${#pidfiles[@]})) || echo "[stop] nothing was started by scripts/setup.sh"
