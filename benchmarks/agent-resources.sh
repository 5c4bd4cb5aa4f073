#!/usr/bin/env bash
# Resident memory and CPU of the agent (`force12-agent run`) at 1 s polling with 10 pipelines x 100 partitions
# (issue 8; targets: under 80 MB RSS and under 2% of one core).
#
#   benchmarks/agent-resources.sh [--build aot|jit] [--pipelines N] [--partitions N] [--warmup SECONDS] [--measure SECONDS]
#   benchmarks/agent-resources.sh --soak MINUTES [...]   (issue 17's soak: changing load, pods scaling, flat or not)
#
# --build aot (default; `agent` is the same): the shipped agent, the Native AOT publish of force12-agent
#   (dotnet publish src/Force12.Queues.Agent -c Release -r linux-x64), which the script runs first
#   (into src/Force12.Queues.Agent/bin/Release/net10.0/linux-x64/publish);
# --build jit: the agent is the ordinary Release build of force12-agent (JIT), the baseline.
# Kafka, the producers and the consumers always come from the ordinary Release build of the force12 tools.
#
# 1. Builds force12 and force12-agent (Release) and starts the embedded Kafka in a process of its own (`force12 kafka-mock`)
#    with one topic p<i> of --partitions partitions per pipeline.
# 2. Per pipeline: produces 2,000 events (`force12 loadgen`), lets a bulbs processor (consumer group g<i>)
#    consume and commit them, then produces 1,000 more, so every group has committed offsets and a backlog.
# 3. Writes a configuration (kafka sources with explicit topics, process orchestrator, pods a `sleep`,
#    minPods 1, maxPods 1), starts `force12-agent run -c FILE --stop-pods-on-exit`, waits --warmup seconds
#    (default 660: the status history behind /api/history and the live page fills in 600 ticks, so memory is at its
#    steady state only after that) and checks through /api/status that every pipeline collects.
# 4. Samples VmRSS of the agent process from /proc every second for --measure seconds (default 60) and
#    reads utime+stime before and after: prints peak and mean RSS and CPU as % of one core, and the peak RSS of the
#    whole run (sampled every second from the agent's start, so the start-up peak is reported too).
# With --soak MINUTES the load changes all the time: per pipeline a diurnal load generator (20 to 400 events/s, a
# 10-minute day, phases shifted per pipeline) and pods that really consume (force12-bulbs processors, 0 to 2 per
# pipeline at 300 events/s each), so the agent scales up and down for the whole run. After the warm-up it samples RSS,
# CPU, threads and open file descriptors every 10 s for MINUTES minutes and prints the growth of each from the first
# tenth of the run to the last (target: under 5%), and the tick duration p50/p99 from the agent's histogram.
# Everything it started is stopped at the end (by pid). Exit code 0 when measured (whether or not the
# targets were met), 1 on failure.
set -euo pipefail

build=aot pipelines=10 partitions=100 warmup=660 measure=60 soak=0
while (($#)); do
  case "$1" in
    --soak) soak=$2; measure=$((soak * 60)); shift 2 ;;
    --build) build=$2; shift 2 ;;
    --pipelines) pipelines=$2; shift 2 ;;
    --partitions) partitions=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --measure) measure=$2; shift 2 ;;
    *) echo "usage: $0 [--build aot|jit] [--pipelines N] [--partitions N] [--warmup SECONDS] [--measure SECONDS] [--soak MINUTES]" >&2; exit 2 ;;
  esac
done
[[ $build == agent ]] && build=aot
[[ $build == aot || $build == jit ]] || { echo "--build must be aot or jit" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/force12-agent-bench.XXXXXX)
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "building force12 and force12-agent (Release)..."
dotnet build "$root/src/Force12.Queues.Tools" -c Release -nologo -v quiet -clp:ErrorsOnly \
  >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; echo "the build failed" >&2; exit 1; }
bin="$root/src/Force12.Queues.Tools/bin/Release/net10.0"
force12="$bin/force12"
bulbs="$bin/samples/bulbs/force12-bulbs"
agent_bin="$root/src/Force12.Queues.Agent/bin/Release/net10.0/force12-agent"
if [[ $build == aot ]]; then
  command -v gcc >/dev/null || { echo "the Native AOT publish links with gcc, which is not installed (apt-get install gcc), or use --build jit" >&2; exit 1; }
  echo "publishing force12-agent (Native AOT, linux-x64)..."
  dotnet publish "$root/src/Force12.Queues.Agent" -c Release -r linux-x64 \
    -o "$root/src/Force12.Queues.Agent/bin/Release/net10.0/linux-x64/publish" -nologo -v quiet -clp:ErrorsOnly \
    >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; echo "the Native AOT publish failed" >&2; exit 1; }
  agent_bin="$root/src/Force12.Queues.Agent/bin/Release/net10.0/linux-x64/publish/force12-agent"
fi

topics=()
for ((i = 0; i < pipelines; i++)); do topics+=(--topic "p$i:$partitions"); done
"$force12" kafka-mock "${topics[@]}" >"$work/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q '^bootstrap: ' "$work/kafka.log" && break; sleep 0.1; done
bootstrap=$(sed -n 's/^bootstrap: //p' "$work/kafka.log")
[[ -n $bootstrap ]] || { cat "$work/kafka.log" >&2; echo "kafka-mock did not start" >&2; exit 1; }
echo "kafka-mock on $bootstrap: $pipelines topics x $partitions partitions"

echo "producing and committing (consumer group g<i> per topic)..."
consumers=()
for ((i = 0; i < pipelines; i++)); do
  "$force12" loadgen -b "$bootstrap" -t "p$i" -r 5000 -n 2000 --first-sequence $((i * 1000000)) >/dev/null
  BULBS_KAFKA=$bootstrap BULBS_TOPIC="p$i" BULBS_GROUP="g$i" BULBS_STATE_CACHE=none BULBS_WORK_MS=0 \
    "$bulbs" processor >"$work/consumer-$i.log" 2>&1 &
  consumers+=($!)
done
committed() { "$force12" lag --bootstrap-servers "$bootstrap" --group "g$1" --topic "p$1" --output json 2>/dev/null \
  | grep -o '"committedOffset":[0-9]*' | awk -F: '{ s += $2 } END { print s + 0 }'; }
for ((i = 0; i < pipelines; i++)); do
  for _ in $(seq 120); do (($(committed "$i") >= 2000)) && break; sleep 0.5; done
done
for pid in "${consumers[@]}"; do kill "$pid"; done
for pid in "${consumers[@]}"; do wait "$pid" || true; done
for ((i = 0; i < pipelines; i++)); do
  "$force12" loadgen -b "$bootstrap" -t "p$i" -r 5000 -n 1000 --first-sequence $((i * 1000000 + 2000)) >/dev/null
done

# The pod: a sleep (nothing consumes, the backlog stays put), or in a soak a bulbs processor that consumes and commits.
pod_container() {
  if ((soak > 0)); then
    cat <<YAML
        - name: processor
          command: $bulbs
          args: ["processor"]
          env:
            BULBS_KAFKA: "$bootstrap"
            BULBS_TOPIC: "p$1"
            BULBS_GROUP: "g$1"
            BULBS_STATE_CACHE: "none"
            BULBS_WORK_MS: "0"
YAML
  else
    printf '        - name: main\n          command: sleep\n          args: ["3600"]\n'
  fi
}
if ((soak > 0)); then
  for ((i = 0; i < pipelines; i++)); do
    # Phases shifted per pipeline (a different start of the day), so the pool is never all high or all low at once.
    (sleep $((i * 60)); exec "$force12" loadgen -b "$bootstrap" -t "p$i" -p diurnal --min-rate 20 --max-rate 400 --period 600s \
      --endless --first-sequence $(((i + 1) * 100000000)) --seed $((i + 1))) >"$work/load-$i.log" 2>&1 &
    pids+=($!)
  done
  echo "soak: $pipelines diurnal loads started (20 to 400 events/s, 10-minute day)"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18412)
config="$work/agent.yaml"
{
  echo "pollInterval: 1s"
  echo "http:"
  echo "  address: 127.0.0.1:$port"
  echo "capacity:"
  echo "  podSlots: $pipelines"
  echo "pipelines:"
  for ((i = 0; i < pipelines; i++)); do
    cat <<YAML
  p$i:
    sla: 10s
    minPods: $((soak > 0 ? 0 : 1))
    maxPods: $((soak > 0 ? 2 : 1))
    perPodThroughput: 300
    source:
      kind: kafka
      bootstrapServers: $bootstrap
      group: g$i
      topics: [p$i]
    orchestrator: process
    pod:
      stopGracePeriod: 2s
      containers:
$(pod_container "$i")
YAML
  done
} >"$config"

"$agent_bin" run -c "$config" --stop-pods-on-exit >"$work/agent.log" 2>&1 &
agent=$!
pids+=($agent)
echo "agent ($build build) pid $agent, http 127.0.0.1:$port; warming up ${warmup} s..."
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$agent/status"; }
# RSS is sampled through the warm-up too: the steady state is what the target is about, but the peak of the whole
# run (start-up included) is reported beside it.
run_peak=0
for ((s = 0; s < warmup; s++)); do
  sleep 1
  kill -0 "$agent" 2>/dev/null || { cat "$work/agent.log" >&2; echo "the agent exited" >&2; exit 1; }
  kb=$(rss_kb); ((kb > run_peak)) && run_peak=$kb
done
status=$(curl -fsS "http://127.0.0.1:$port/api/status")
collecting=$(grep -o '"backlogMessages":[0-9]*' <<<"$status" | wc -l)
running=$(grep -o '"runningPods":[0-9]*' <<<"$status" | awk -F: '{ s += $2 } END { print s + 0 }')
echo "pipelines with a measured backlog: $collecting of $pipelines; running pods: $running"
((collecting == pipelines)) || { echo "$status" >&2; echo "not every pipeline collects; the measurement would not be representative" >&2; exit 1; }

hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$agent/stat"; }
if ((soak > 0)); then
  # Tick-duration buckets of the agent's histogram (cumulative counts by upper bound), to take the window's share.
  buckets() { curl -fsS "http://127.0.0.1:$port/metrics" | awk -F'[{}" ]+' '/^force12_tick_duration_seconds_bucket/ { print $3, $NF }'; }
  buckets >"$work/buckets-start"
  samples="$work/soak.tsv"
  start=$(date +%s)
  echo "soak: sampling every 10 s for $soak minutes (minute, RSS MB, CPU % of one core, threads, fds, running pods)"
  last_ticks=$(cpu_ticks) last_t=$start
  while (($(date +%s) - start < measure)); do
    sleep 10
    kill -0 "$agent" 2>/dev/null || { tail -50 "$work/agent.log" >&2; echo "the agent exited during the soak" >&2; exit 1; }
    now=$(date +%s) ticks=$(cpu_ticks)
    running=$(curl -fsS "http://127.0.0.1:$port/api/status" | grep -o '"runningPods":[0-9]*' | awk -F: '{ s += $2 } END { print s + 0 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(((now - start) / 60))" "$(rss_kb)" \
      "$(awk -v c=$((ticks - last_ticks)) -v hz="$hz" -v s=$((now - last_t)) 'BEGIN { printf "%.3f", 100 * c / hz / s }')" \
      "$(awk '/^Threads:/ { print $2 }' "/proc/$agent/status")" "$(ls "/proc/$agent/fd" | wc -l)" "$running" >>"$samples"
    last_ticks=$ticks last_t=$now
    (( (now - start) % 300 < 10 )) && tail -1 "$samples" | awk -F'\t' '{ printf "  minute %d: RSS %.1f MB, CPU %.2f%%, threads %d, fds %d, pods %d\n", $1, $2 / 1024, $3, $4, $5, $6 }'
  done
  buckets >"$work/buckets-end"
  # Growth: the mean of the last tenth of the samples against the mean of the first tenth.
  awk -F'\t' -v pl="$pipelines" -v pa="$partitions" -v b="$build" -v m="$soak" '
    { rss[NR] = $2; cpu[NR] = $3; th[NR] = $4; fd[NR] = $5; pods[$6]++ }
    function mean(a, from, to,   i, t) { t = 0; for (i = from; i <= to; i++) t += a[i]; return t / (to - from + 1) }
    END {
      n = NR; k = int(n / 10); if (k < 1) k = 1
      printf "soak: agent (%s build), %d pipelines x %d partitions, %d minutes under a changing load, %d samples:\n", b, pl, pa, m, n
      r0 = mean(rss, 1, k); r1 = mean(rss, n - k + 1, n); c0 = mean(cpu, 1, k); c1 = mean(cpu, n - k + 1, n)
      printf "  RSS first tenth %.1f MB, last tenth %.1f MB: growth %+.1f%% (target < 5%%): %s\n", r0 / 1024, r1 / 1024, 100 * (r1 - r0) / r0, (r1 <= r0 * 1.05 ? "met" : "MISSED")
      printf "  CPU first tenth %.2f%%, last tenth %.2f%%, whole run %.2f%% of one core\n", c0, c1, mean(cpu, 1, n)
      printf "  threads first tenth %.1f, last tenth %.1f; fds first tenth %.1f, last tenth %.1f\n", mean(th, 1, k), mean(th, n - k + 1, n), mean(fd, 1, k), mean(fd, n - k + 1, n)
      for (p in pods) seen = seen " " p; printf "  running pods seen (sum over pipelines):%s\n", seen
    }' "$samples"
  paste -d' ' "$work/buckets-start" "$work/buckets-end" | awk '
    { le[NR] = $1; d[NR] = $4 - $2 }
    END {
      total = d[NR]; if (total <= 0) { print "  no ticks counted"; exit }
      for (i = 1; i <= NR; i++) { if (!p50 && d[i] >= total * 0.5) p50 = le[i]; if (!p99 && d[i] >= total * 0.99) p99 = le[i] }
      printf "  ticks %d; tick duration p50 <= %s s, p99 <= %s s (histogram bucket bounds)\n", total, p50, p99
    }'
  exit 0
fi
ticks0=$(cpu_ticks); t0=$(date +%s.%N)
peak=0 sum=0 samples=0
for ((s = 0; s < measure; s++)); do
  sleep 1
  kb=$(rss_kb); sum=$((sum + kb)); samples=$((samples + 1)); ((kb > peak)) && peak=$kb; ((kb > run_peak)) && run_peak=$kb
done
ticks1=$(cpu_ticks); t1=$(date +%s.%N)
threads=$(awk '/^Threads:/ { print $2 }' "/proc/$agent/status")
ticktime=$(curl -fsS "http://127.0.0.1:$port/metrics" | awk '/^force12_tick_duration_seconds_(sum|count) / { v[$1] = $2 } END { if (v["force12_tick_duration_seconds_count"] > 0) printf "%.1f", 1000 * v["force12_tick_duration_seconds_sum"] / v["force12_tick_duration_seconds_count"] }')
awk -v p="$peak" -v s="$sum" -v n="$samples" -v c=$((ticks1 - ticks0)) -v hz="$hz" -v t0="$t0" -v t1="$t1" \
  -v pl="$pipelines" -v pa="$partitions" -v th="$threads" -v b="$build" -v tt="$ticktime" -v rp="$run_peak" 'BEGIN {
  secs = t1 - t0; cpu = 100 * c / hz / secs
  printf "agent (%s build), %d pipelines x %d partitions, 1 s polling, measured over %.1f s after warm-up:\n", b, pl, pa, secs
  printf "  RSS peak %.1f MB, mean %.1f MB (target < 80 MB): %s\n", p / 1024, s / n / 1024, (p / 1024 < 80 ? "met" : "MISSED")
  printf "  RSS peak over the whole run, start-up included: %.1f MB\n", rp / 1024
  printf "  CPU %.2f%% of one core (%d ticks of 1/%d s; target < 2%%): %s\n", cpu, c, hz, (cpu < 2 ? "met" : "MISSED")
  printf "  threads %d, mean tick %s ms\n", th, tt
}'
# Where the resident memory is, at the end of the measurement: anonymous memory (heaps, stacks), JIT code
# (memfd:doublemapper) and the largest mapped files.
awk '/^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6 ? $6 : "[anonymous]"); sub(/ \(deleted\)$/, "", name) }
  /^Rss:/ { rss[name] += $2 }
  END {
    for (n in rss) { k = n; if (n ~ /^\[(anonymous|heap|stack)/) k = "[anonymous]"; if (n ~ /doublemapper/) k = "[JIT code]"; t[k] += rss[n] }
    for (k in t) printf "%d %s\n", t[k], k
  }' "/proc/$agent/smaps" | sort -rn | head -8 | awk '{ printf "  smaps %7.1f MB %s\n", $1 / 1024, $2 }'
