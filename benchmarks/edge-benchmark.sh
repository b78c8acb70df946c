#!/usr/bin/env bash
# Ingest edge benchmark (docs/benchmarks.md). Each run starts a stack in a fresh state directory,
# records the load average, then measures on the same broker:
#   1. the batch API (IngestBenchmark: POST /v1/events, 1,000 events per request, acks=all),
#   2. Kafka's own ProducerPerformance with the edge's producer settings and record payloads, on a
#      topic shaped like events.raw (the ceiling the edge is compared with),
#   3. /c latency at a fixed request rate (wrk) with the edge's server-side histogram.
# Modes: "edge" starts only Kafka and the edge; "full" starts the whole stack (stream job, archive,
# Pinot, Trino ... consuming the same broker), as a user's `./adclick up --no-traffic` does.
# The last line is "figure: edge mode=M events_per_s=N producer_ceiling=C ratio=R" (medians of the runs).
# Take no figures while anything else runs on the machine.
#   benchmarks/edge-benchmark.sh [--mode edge|full] [--runs N] [--seconds S] [--concurrency C]
#                                [--click-rate R] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=edge runs=3 seconds=30 concurrency=16 click_rate=5000 seed=11
while [[ $# -gt 0 ]]; do
  case $1 in
    --mode) mode=$2 ;;
    --runs) runs=$2 ;;
    --seconds) seconds=$2 ;;
    --concurrency) concurrency=$2 ;;
    --click-rate) click_rate=$2 ;;
    --seed) seed=$2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift 2
done
case $mode in
  edge) only=(--only kafka,edge) ;;
  full) only=() ;;
  *) echo "--mode must be edge or full, not $mode" >&2; exit 2 ;;
esac

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package) for the /c latency run ..."
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
if [[ ! -f benchmarks/target/benchmarks-0.1.0.jar ]]; then
  ./mvnw -q -B -DskipTests package
fi
cp="benchmarks/target/benchmarks-0.1.0.jar:$(cat benchmarks/target/classpath.txt)"
bootstrap=127.0.0.1:9092
payloads=$(mktemp --suffix=.payloads)
record_bytes=$(java -cp "$cp" io.adclick.benchmarks.RawRecordPayloads "$payloads" 20000 "$seed" 2>/dev/null)
ceiling_records=$((seconds * 100000))

state= launcher=
stop_stack() {
  if [[ -n $launcher ]]; then
    ADCLICK_STATE_DIR=$state ./adclick down >/dev/null 2>&1 || true
    wait "$launcher" 2>/dev/null || true
    rm -rf "$state"
    launcher=
  fi
}
trap 'stop_stack; rm -f "$payloads"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
rates=() ceilings=()
for run in $(seq 1 "$runs"); do
  state=$(mktemp -d /tmp/adclick-edgebench.XXXXXX)
  log=$state/up.log
  ADCLICK_STATE_DIR=$state ./adclick up --no-traffic "${only[@]}" >"$log" 2>&1 &
  launcher=$!
  for _ in $(seq 1 180); do
    grep -q 'adclick is up' "$log" && break
    kill -0 "$launcher" 2>/dev/null || { cat "$log"; echo "adclick up failed" >&2; exit 1; }
    sleep 2
  done
  grep -q 'adclick is up' "$log" || { tail -20 "$log"; echo "adclick up did not finish in 6 minutes" >&2; exit 1; }
  pid_of() { sed -n "/\"name\" : \"$1\"/,/pid/p" "$state/run/stack.json" | sed -n 's/.*"pid" : \([0-9]*\).*/\1/p' | head -1; }
  edge_pid=$(pid_of edge)
  kafka_pid=$(pid_of kafka)
  echo "== run $run of $runs, mode $mode, seed $seed, load average at start: $(cut -d' ' -f1-3 /proc/loadavg) =="

  echo "-- batch API: POST /v1/events, 1,000 events per request, $concurrency requests in flight, acks=all --"
  ingest=$(java -Xmx1g -cp "$cp" io.adclick.benchmarks.IngestBenchmark http://127.0.0.1:8080 "$bootstrap" \
    "$seconds" "$concurrency" "$edge_pid" "$kafka_pid" "$seed" 2>&1 | grep -v SLF4J)
  echo "$ingest"
  rate=$(sed -n 's/^events acknowledged: .* = \([0-9,]*\) events\/s$/\1/p' <<<"$ingest" | tr -d ,)

  echo "-- Kafka ProducerPerformance: the edge's producer settings, $record_bytes-byte raw records --"
  partitions=$(java -cp "$cp" org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --describe \
    --topic events.raw 2>/dev/null | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' | head -1)
  java -cp "$cp" org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create \
    --topic bench.producer-ceiling --partitions "$partitions" --replication-factor 1 >/dev/null 2>&1
  perf=$(java -Xmx1g -cp "$cp" org.apache.kafka.tools.ProducerPerformance --topic bench.producer-ceiling \
    --num-records "$ceiling_records" --throughput -1 --payload-file "$payloads" \
    --producer-props bootstrap.servers=$bootstrap acks=all enable.idempotence=true compression.type=lz4 \
    linger.ms=0 batch.size=131072 buffer.memory=67108864 2>/dev/null | tail -1)
  echo "$perf"
  ceiling=$(sed -n 's/.* records sent, \([0-9.]*\) records\/sec.*/\1/p' <<<"$perf")

  echo "-- /c at $click_rate requests/s --"
  java -Xmx256m -cp "$cp" io.adclick.benchmarks.ClickLatencyBenchmark http://127.0.0.1:8080 "$click_rate" \
    "$seconds" "$edge_pid" 2>&1 | grep -v SLF4J
  echo "-- edge after the run (spooling switches, rejections by reason, concurrency limits):"
  curl -s http://127.0.0.1:8080/metrics \
    | grep -E '^adclick_edge_(spooling_switches|rejections|concurrency_limit)' | sed 's/^/   /'

  echo "result: run=$run events_per_s=$rate producer_ceiling=${ceiling%.*}"
  rates+=("$rate") ceilings+=("${ceiling%.*}")
  stop_stack
done
rate=$(printf '%s\n' "${rates[@]}" | median)
ceiling=$(printf '%s\n' "${ceilings[@]}" | median)
echo "figure: edge mode=$mode events_per_s=${rate%.*} producer_ceiling=${ceiling%.*} ratio=$(awk -v a="$rate" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}')"
