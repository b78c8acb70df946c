#!/usr/bin/env bash
# Ingest edge benchmark (docs/benchmarks.md): batch API events/s into Kafka with acks=all, /c
# latency at a fixed request rate (wrk), and edge memory. Starts its own stack on the default
# ports and stops it at the end. Take no figures while anything else runs on the machine.
#   benchmarks/edge-benchmark.sh [BATCH_SECONDS] [CLICK_RATE] [CLICK_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
batch_seconds=${1:-30}
click_rate=${2:-5000}
click_seconds=${3:-30}

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package) for the /c latency run ..."
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
if [[ ! -f benchmarks/target/benchmarks-0.1.0.jar ]]; then
  ./mvnw -q -B -DskipTests package
fi
cp="benchmarks/target/benchmarks-0.1.0.jar:$(cat benchmarks/target/classpath.txt)"

log=$(mktemp)
./adclick up --no-traffic >"$log" 2>&1 &
launcher=$!
trap './adclick down >/dev/null 2>&1 || true; wait $launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q 'adclick is up' "$log" && break
  kill -0 $launcher 2>/dev/null || { cat "$log"; echo "adclick up failed" >&2; exit 1; }
  sleep 2
done
state=${ADCLICK_STATE_DIR:-.adclick}
pid_of() { sed -n "/\"name\" : \"$1\"/,/pid/p" "$state/run/stack.json" | sed -n 's/.*"pid" : \([0-9]*\).*/\1/p' | head -1; }
edge_pid=$(pid_of edge)
kafka_pid=$(pid_of kafka)

echo "== batch API: POST /v1/events, 1,000 events per request, acks=all =="
java -Xmx1g -cp "$cp" io.adclick.benchmarks.IngestBenchmark http://127.0.0.1:8080 127.0.0.1:9092 "$batch_seconds" 4 "$edge_pid" "$kafka_pid" 2>&1 | grep -v SLF4J
echo
echo "== /c at a fixed rate =="
java -Xmx256m -cp "$cp" io.adclick.benchmarks.ClickLatencyBenchmark http://127.0.0.1:8080 "$click_rate" "$click_seconds" "$edge_pid" 2>&1 | grep -v SLF4J
