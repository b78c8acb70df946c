#!/usr/bin/env bash
# Stream job benchmark (docs/benchmarks.md, issue: the stream job at production scale). Each run
# starts only Kafka and the stream job (`./adclick up --only kafka,stream`) in a fresh state
# directory, records the load average, writes a backlog of raw events drawn from the seed to
# events.raw (StreamBacklog: Zipf-like campaigns, a tenth clicked, 1% sent twice, event time
# advancing --event-rate events per second, 5,000 by default) and follows the offsets the job commits with its
# checkpoints until it has consumed them all (StreamBenchmark), reading the job JVM's CPU time at
# each commit. Per run it prints events per CPU-second of the job's JVM (checkpoints included,
# start-up excluded), wall throughput, the latest checkpoint's state size and the JVM's RSS.
# The last line is "figure: stream events_per_cpu_second=N state_bytes=M rss_mib=R" (medians).
# Take no figures while anything else runs on the machine. --profile DIR records a JFR profile of
# the job's JVM per run (DIR/run-N.jfr, `jfr print --events jdk.ExecutionSample`); the recording
# costs a few percent, so profiled runs are for finding costs, not for the figure.
# The event rate sets how many events each rollup key and minute gets, and so how many deltas and
# rollups the job writes per event (at 5,000 about 0.8 rollups per event; a production stream has
# far more events per minute over the same catalog).
#   benchmarks/stream-benchmark.sh [--runs N] [--events N] [--seed N] [--state-backend hashmap|rocksdb]
#                                  [--parallelism N] [--heap SIZE] [--event-rate N] [--profile DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 events=2000000 seed=12 backend=hashmap parallelism=2 heap=1g rate=5000 profile=
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2 ;;
    --events) events=$2 ;;
    --seed) seed=$2 ;;
    --state-backend) backend=$2 ;;
    --parallelism) parallelism=$2 ;;
    --heap) heap=$2 ;;
    --event-rate) rate=$2 ;;
    --profile) profile=$(mkdir -p "$2" && cd "$2" && pwd) ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift 2
done

if [[ ! -f benchmarks/target/benchmarks-0.1.0.jar ]]; then
  ./mvnw -q -B -DskipTests package
fi
cp="benchmarks/target/benchmarks-0.1.0.jar:$(cat benchmarks/target/classpath.txt)"
timeout_s=$((events / 2000 + 300))

state= launcher=
stop_stack() {
  if [[ -n $launcher ]]; then
    ADCLICK_STATE_DIR=$state ./adclick down >/dev/null 2>&1 || true
    wait "$launcher" 2>/dev/null || true
    rm -rf "$state"
    launcher=
  fi
}
trap stop_stack EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
rates=() sizes=() rss=()
for run in $(seq 1 "$runs"); do
  state=$(mktemp -d /tmp/adclick-streambench.XXXXXX)
  log=$state/up.log
  ADCLICK_STATE_DIR=$state ADCLICK_STREAM_STATE_BACKEND=$backend ADCLICK_STREAM_PARALLELISM=$parallelism \
    ADCLICK_STREAM_HEAP=$heap ./adclick up --no-traffic --only kafka,stream >"$log" 2>&1 &
  launcher=$!
  for _ in $(seq 1 120); do
    grep -q 'adclick is up' "$log" && break
    kill -0 "$launcher" 2>/dev/null || { cat "$log"; echo "adclick up failed" >&2; exit 1; }
    sleep 2
  done
  grep -q 'adclick is up' "$log" || { tail -20 "$log"; echo "adclick up did not finish in 4 minutes" >&2; exit 1; }
  stream_pid=$(sed -n '/"name" : "stream"/,/pid/p' "$state/run/stack.json" | sed -n 's/.*"pid" : \([0-9]*\).*/\1/p' | head -1)
  rest_port=${ADCLICK_STREAM_REST_PORT:-8088}
  if [[ -n $profile ]]; then
    jcmd "$stream_pid" JFR.start name=stream-benchmark settings=profile filename="$profile/run-$run.jfr" >/dev/null
  fi
  echo "== run $run of $runs: $events events, seed $seed, $rate events/s of event time, $backend state," \
    "parallelism $parallelism, heap $heap," \
    "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) =="
  java -Xmx2g -cp "$cp" io.adclick.benchmarks.StreamBenchmark 127.0.0.1:9092 "$events" "$seed" \
    "$stream_pid" "http://127.0.0.1:$rest_port" "$timeout_s" "$rate" 2>&1 | grep -v SLF4J | tee "$state/bench.out" || true
  if [[ -n $profile ]]; then
    jcmd "$stream_pid" JFR.stop name=stream-benchmark >/dev/null || true
  fi
  result=$(grep '^result:' "$state/bench.out") || { tail -5 "$state/logs/stream.log"; echo "run $run failed" >&2; exit 1; }
  rates+=("$(sed 's/.*events_per_cpu_second=\([0-9]*\).*/\1/' <<<"$result")")
  sizes+=("$(sed 's/.* state_bytes=\([0-9-]*\).*/\1/' <<<"$result")")
  rss+=("$(sed 's/.* rss_mib=\([0-9]*\).*/\1/' <<<"$result")")
  stop_stack
done
echo "figure: stream events_per_cpu_second=$(printf '%s\n' "${rates[@]}" | median)" \
  "state_bytes=$(printf '%s\n' "${sizes[@]}" | median) rss_mib=$(printf '%s\n' "${rss[@]}" | median)"
