#!/usr/bin/env bash
# The README's test command: installs and starts what the tests need (scripts/setup.sh), builds
# the solution with warnings as errors, runs every test project, and ends with one line
# "N passed, N failed" (", N skipped" if any). Exit 0 only if something ran and nothing failed.
# Services this run had to start are stopped again at the end; ones already running stay up.
#
#   scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Kafka]
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"
cd "$ROOT"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

already_running=false
for pidfile in "$RUN"/*.pid; do
  [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null && already_running=true
done
"$ROOT/scripts/setup.sh" || { echo "0 passed, 1 failed"; echo "setup failed: test services are not available" >&2; exit 1; }
$already_running || trap '"$ROOT/scripts/stop.sh" >/dev/null 2>&1' EXIT
set -a; source "$STATE/services.env"; set +a

if ! dotnet build Force12.Queues.sln -warnaserror -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"; echo "build failed" >&2; exit 1
fi

RESULTS="$STATE/test-results"
rm -rf "$RESULTS"
# Projects run one after another: several share the machine's 2 cores and time-sensitive services.
dotnet test Force12.Queues.sln --no-build -m:1 --logger trx --results-directory "$RESULTS" \
  --blame-hang-timeout 10m "$@"
test_exit=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$RESULTS"/*.trx; do
  [[ -f $trx ]] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  skipped=$((skipped + $(attr notExecuted)))
done
# A crashed test host or an unreadable result must not read as success.
if ((test_exit != 0 && failed == 0)); then failed=1; echo "dotnet test exited with $test_exit" >&2; fi

summary="$passed passed, $failed failed"
((skipped)) && summary+=", $skipped skipped"
echo "$summary"
((failed == 0 && passed > 0))
