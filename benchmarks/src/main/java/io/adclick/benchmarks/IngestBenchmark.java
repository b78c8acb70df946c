package io.adclick.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.wire.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Batch API throughput: POSTs batches of signed events to a running edge for a fixed time with a
 * fixed number of requests in flight, then prints events/s acknowledged, the growth of
 * {@code events.raw} (what Kafka really holds), the requests' latency, and events per CPU-second of
 * the edge and broker. A request the edge sheds ({@code 503 overloaded}) is retried after its
 * {@code Retry-After}, as a well-behaved client does.
 *
 * <p>Usage: {@code IngestBenchmark EDGE_URL BOOTSTRAP SECONDS CONCURRENCY EDGE_PID BROKER_PID SEED}.
 */
public final class IngestBenchmark {
    private static final int BATCH_SIZE = 1_000;
    private static final int DISTINCT_BODIES = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println(
                    "usage: IngestBenchmark EDGE_URL BOOTSTRAP SECONDS CONCURRENCY EDGE_PID BROKER_PID SEED");
            System.exit(2);
        }
        URI endpoint = URI.create(args[0] + "/v1/events");
        String bootstrap = args[1];
        int seconds = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        ProcessCpu edge = new ProcessCpu(Long.parseLong(args[4]));
        ProcessCpu broker = new ProcessCpu(Long.parseLong(args[5]));

        List<byte[]> bodies = bodies(Long.parseLong(args[6]));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        System.out.printf(
                "warming up the edge for 10 s (%d requests in flight, %d events per request)%n",
                concurrency, BATCH_SIZE);
        run(client, endpoint, bodies, concurrency, Duration.ofSeconds(10));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long offsetsBefore = endOffsets(admin);
            double edgeCpuBefore = edge.cpuSeconds();
            double brokerCpuBefore = broker.cpuSeconds();
            long start = System.nanoTime();
            Result result = run(client, endpoint, bodies, concurrency, Duration.ofSeconds(seconds));
            double elapsed = (System.nanoTime() - start) / 1e9;
            double edgeCpu = edge.cpuSeconds() - edgeCpuBefore;
            double brokerCpu = broker.cpuSeconds() - brokerCpuBefore;
            Thread.sleep(2_000);
            long landed = endOffsets(admin) - offsetsBefore;

            System.out.printf(
                    "requests: %,d ok, %,d shed (503 overloaded), %,d failed%n",
                    result.okRequests(), result.shedRequests(), result.failedRequests());
            System.out.printf(
                    "request latency (ok): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    result.latencyMillis(0.50), result.latencyMillis(0.99), result.latencyMillis(1.0));
            System.out.printf(
                    "events acknowledged: %,d in %.1f s = %,.0f events/s%n",
                    result.accepted(), elapsed, result.accepted() / elapsed);
            System.out.printf("events.raw grew by: %,d records%n", landed);
            System.out.printf(
                    "edge CPU: %.1f s (%.2f cores) -> %,.0f events per edge CPU-second%n",
                    edgeCpu, edgeCpu / elapsed, result.accepted() / edgeCpu);
            System.out.printf(
                    "broker CPU: %.1f s (%.2f cores) -> %,.0f events per broker CPU-second%n",
                    brokerCpu, brokerCpu / elapsed, result.accepted() / brokerCpu);
            System.out.printf("edge+broker: %,.0f events per CPU-second%n", result.accepted() / (edgeCpu + brokerCpu));
            System.out.printf(
                    "edge RSS: %.0f MiB now, %.0f MiB peak; broker RSS: %.0f MiB%n",
                    edge.memoryMiB("VmRSS"), edge.memoryMiB("VmHWM"), broker.memoryMiB("VmRSS"));
        }
    }

    private record Result(long accepted, long okRequests, long shedRequests, long failedRequests, long[] latencies) {
        double latencyMillis(double quantile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(quantile * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    private static Result run(HttpClient client, URI endpoint, List<byte[]> bodies, int concurrency, Duration duration)
            throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong shed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.Queue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int first = w;
            workers.add(pool.submit(() -> {
                int i = first;
                while (System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json")
                            .header("X-Api-Key", "benchmark")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i++ % bodies.size())))
                            .build();
                    try {
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == 200) {
                            latencies.add(System.nanoTime() - sent);
                            ok.incrementAndGet();
                            accepted.addAndGet(JSON.readTree(response.body())
                                    .path("accepted")
                                    .asLong());
                        } else if (response.statusCode() == 503) {
                            shed.incrementAndGet();
                            long retryAfter = response.headers()
                                    .firstValueAsLong("Retry-After")
                                    .orElse(1);
                            Thread.sleep(Math.min(retryAfter, 5) * 1_000);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(accepted.get(), ok.get(), shed.get(), failed.get(), sorted);
    }

    private static List<byte[]> bodies(long seed) {
        Instant now = Instant.now();
        List<RawEvent> events = SampleEvents.generate(BATCH_SIZE * DISTINCT_BODIES, seed, now);
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < DISTINCT_BODIES; b++) {
            ArrayNode batch = JSON.createArrayNode();
            for (RawEvent event : events.subList(b * BATCH_SIZE, (b + 1) * BATCH_SIZE)) {
                ObjectNode envelope = batch.addObject();
                envelope.put("schema_version", 1);
                envelope.put("event_type", event.eventType().wireName());
                envelope.put("event_id", event.eventId());
                envelope.put("event_time", now.toString());
                envelope.put("token", event.token());
                envelope.put("user_id", event.userId());
                envelope.put("country", event.country());
                envelope.put("device", event.device().wireName());
            }
            bodies.add(batch.toString().getBytes(UTF_8));
        }
        return bodies;
    }

    private static long endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        admin.describeTopics(List.of(Topics.EVENTS_RAW))
                .allTopicNames()
                .get()
                .get(Topics.EVENTS_RAW)
                .partitions()
                .forEach(p -> request.put(new TopicPartition(Topics.EVENTS_RAW, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }
}
