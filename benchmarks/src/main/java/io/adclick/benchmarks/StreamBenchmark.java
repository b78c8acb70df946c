package io.adclick.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.stream.StreamJobContract;
import io.adclick.schemas.wire.Topics;
import io.adclick.schemas.wire.WireCodecs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The stream job's throughput per CPU-second of its JVM. Writes a backlog of {@code events} raw
 * events drawn from {@code seed} to {@code events.raw} (the job already running, consuming), then
 * follows the offsets the job commits with each checkpoint until it has consumed all of them, and
 * reads the job's CPU time from {@code /proc} at each commit. The figure is the events committed
 * per CPU-second between the first commit after the backlog is written (and at least 10% of it
 * consumed) and the last: checkpoints included, start-up excluded.
 *
 * <p>Usage: {@code StreamBenchmark BOOTSTRAP EVENTS SEED JOB_PID FLINK_REST_URL TIMEOUT_SECONDS
 * EVENT_RATE} (events per second of event time: how many events a minute, so a rollup key and
 * minute, gets).
 * The last line is {@code result: events=... events_per_cpu_second=... events_per_s=... cores=...
 * state_bytes=... checkpointed_bytes=... rss_mib=... hwm_mib=...}.
 */
public final class StreamBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STALL = Duration.ofMinutes(2);

    private record Sample(long nanos, long committed, double cpuSeconds, Map<String, Double> cpuByThread) {}

    private StreamBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println(
                    "usage: StreamBenchmark BOOTSTRAP EVENTS SEED JOB_PID FLINK_REST_URL TIMEOUT_SECONDS EVENT_RATE");
            System.exit(2);
        }
        String bootstrap = args[0];
        long events = Long.parseLong(args[1]);
        long seed = Long.parseLong(args[2]);
        ProcessCpu job = new ProcessCpu(Long.parseLong(args[3]));
        URI rest = URI.create(args[4]);
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[5]));
        double eventRate = Double.parseDouble(args[6]);

        try (Admin admin = Admin.create(adminProperties(bootstrap))) {
            long before = committed(admin);
            long rollupsBefore = endOffsets(admin, Topics.ROLLUPS_MINUTE);
            long loadStart = System.nanoTime();
            long written = load(bootstrap, events, seed, eventRate);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf(
                    "loaded %,d events in %.1f s (%,.0f events/s)%n", written, loadSeconds, written / loadSeconds);
            long loadedAt = System.nanoTime();
            long target = before + written;
            List<Sample> samples = follow(admin, job, target, timeout);
            report(samples, before, written, loadedAt, job, rest);
            long rollups = endOffsets(admin, Topics.ROLLUPS_MINUTE) - rollupsBefore;
            System.out.printf(
                    "  %s: %,d offsets written (%.2f per event; transaction markers included)%n",
                    Topics.ROLLUPS_MINUTE, rollups, (double) rollups / written);
        }
    }

    private static long load(String bootstrap, long events, long seed, double eventRate) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        StreamBacklog backlog = new StreamBacklog(seed, Instant.now().minusSeconds(5), eventRate);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < events; i++) {
                RawEvent event = backlog.next();
                producer.send(new ProducerRecord<>(
                        Topics.EVENTS_RAW,
                        event.eventId().getBytes(StandardCharsets.UTF_8),
                        WireCodecs.RAW_EVENT.encode(event)));
                if (i % 500_000 == 0 && i > 0) {
                    System.out.printf("  %,d written%n", i);
                }
            }
            producer.flush();
        }
        return events;
    }

    private static List<Sample> follow(Admin admin, ProcessCpu job, long target, Duration timeout) throws Exception {
        List<Sample> samples = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        long progressAt = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long committed = committed(admin);
            long now = System.nanoTime();
            if (committed != last) {
                samples.add(new Sample(now, committed, job.cpuSeconds(), job.cpuSecondsByThread()));
                last = committed;
                progressAt = now;
                if (committed >= target) {
                    return samples;
                }
            } else if (now - progressAt > STALL.toNanos()) {
                throw new IllegalStateException(
                        "The job committed no offsets for %s (at %,d of %,d): it is stuck or out of memory, see its log"
                                .formatted(STALL, last, target));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The job committed %,d of %,d offsets in %s: too slow or stuck (see its log)"
                .formatted(last, target, timeout));
    }

    private static void report(List<Sample> samples, long before, long written, long loadedAt, ProcessCpu job, URI rest)
            throws Exception {
        long tenPercent = before + written / 10;
        Sample first = samples.stream()
                .filter(s -> s.nanos() >= loadedAt && s.committed() >= tenPercent)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The job consumed 90% of the backlog before it was written: use more --events"));
        Sample end = samples.get(samples.size() - 1);
        long consumed = end.committed() - first.committed();
        double cpu = end.cpuSeconds() - first.cpuSeconds();
        double wall = (end.nanos() - first.nanos()) / 1e9;
        if (consumed <= 0 || cpu <= 0) {
            throw new IllegalStateException("Too few commits after the backlog was written: use more --events");
        }
        JsonNode checkpoint = latestCheckpoint(rest);
        printCpuByThread(first, end);
        System.out.printf(
                "measured %,d events in %.1f s wall, %.1f CPU-s of the job's JVM, from %.0f%% of the backlog%n",
                consumed, wall, cpu, 100.0 * (first.committed() - before) / written);
        System.out.printf(
                "result: events=%d events_per_cpu_second=%.0f events_per_s=%.0f cores=%.2f state_bytes=%d"
                        + " checkpointed_bytes=%d rss_mib=%.0f hwm_mib=%.0f%n",
                written,
                consumed / cpu,
                consumed / wall,
                cpu / wall,
                checkpoint.path("state_size").asLong(-1),
                checkpoint.path("checkpointed_size").asLong(-1),
                job.memoryMiB("VmRSS"),
                job.memoryMiB("VmHWM"));
    }

    /** Where the measured CPU went, by thread: the job's steps, GC, JIT, RocksDB, Kafka clients. */
    private static void printCpuByThread(Sample first, Sample end) {
        double total = end.cpuSeconds() - first.cpuSeconds();
        end.cpuByThread().entrySet().stream()
                .map(e ->
                        Map.entry(e.getKey(), e.getValue() - first.cpuByThread().getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= total / 100)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> System.out.printf(
                        "  cpu %5.1f%% %6.1f s  %s%n", 100 * e.getValue() / total, e.getValue(), e.getKey()));
    }

    /** The latest completed checkpoint's statistics, from the job's Flink REST API. */
    private static JsonNode latestCheckpoint(URI rest) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode jobs = JSON.readTree(get(http, rest.resolve("/jobs/overview")));
        String jid = jobs.path("jobs").path(0).path("jid").asText();
        JsonNode checkpoints = JSON.readTree(get(http, rest.resolve("/jobs/" + jid + "/checkpoints")));
        return checkpoints.path("latest").path("completed");
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET %s: HTTP %d".formatted(uri, response.statusCode()));
        }
        return response.body();
    }

    /** The offsets of {@code events.raw} the job has committed, summed over partitions. */
    private static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                        StreamJobContract.CONSUMER_GROUP)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.EVENTS_RAW) && e.getValue() != null)
                .collect(Collectors.summingLong(e -> e.getValue().offset()));
    }

    /** The end offsets of {@code topic}, summed over its partitions. */
    private static long endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
    }

    private static Properties adminProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return properties;
    }
}
