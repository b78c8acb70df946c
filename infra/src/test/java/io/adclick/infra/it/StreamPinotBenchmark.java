package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adclick.infra.pinot.Pinot;
import io.adclick.infra.pinot.RollupQueries;
import io.adclick.infra.process.ChildProcessComponent;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.stream.StreamFigures;
import io.adclick.infra.traffic.AdCatalog;
import io.adclick.infra.traffic.AdServe;
import io.adclick.infra.traffic.AdServer;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.infra.traffic.Visitor;
import io.adclick.infra.traffic.Visitors;
import io.adclick.infra.traffic.ZipfCampaigns;
import io.adclick.schemas.event.Device;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.pinot.PinotResult;
import io.adclick.schemas.pinot.PinotSql;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import io.adclick.schemas.wire.Topics;
import io.adclick.schemas.wire.WireCodecs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.datasketches.theta.UpdateSketch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stream and Pinot figures of {@code docs/benchmarks.md}; not part of {@code verify} (run it
 * alone: {@code ./mvnw -B verify -pl infra -am -Dit.test=StreamPinotBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false}).
 *
 * <ol>
 *   <li>Flink events per CPU-second with exactly-once on: a backlog of SDK traffic (Zipf campaigns,
 *       the hottest ~30%) goes through the edge into {@code events.raw} with the job stopped; the job
 *       then catches up while its consumer lag and its process CPU time are sampled; the figure is
 *       events consumed per CPU-second of the Flink JVM between 10% and 100% of the backlog.
 *   <li>Pinot query latency: 24 hours of synthetic rollups (10 campaigns, 20 rollup keys per
 *       campaign-minute) written to {@code rollups.minute}; one campaign's 1,440 minutes queried
 *       through {@link RollupQueries}, client-side time.
 *   <li>RSS of the Flink and Pinot JVMs at the end.
 * </ol>
 */
@ExtendWith(EmbeddedStackExtension.class)
class StreamPinotBenchmark {
    private static final int EVENTS = Integer.getInteger("bench.events", 400_000);
    private static final int EVENTS_PER_REQUEST = 500;
    private static final int QUERY_CAMPAIGNS = 10;
    private static final int KEYS_PER_CAMPAIGN_MINUTE = 20;
    private static final int QUERIES = 300;

    @Test
    void measure(EmbeddedStack stack) throws Exception {
        long seed = System.nanoTime();
        System.out.printf("LOAD at start: %s", Files.readString(Path.of("/proc/loadavg")));
        // the archive sink would compete for the two cores while the job catches up
        stack.connect().stop();
        int sent = sendBacklog(stack, seed);
        StreamEstimates job = stack.startedStream();
        long flinkPid = pid(job);
        try (Admin admin = Admin.create(adminProperties(stack.config().kafkaBootstrap()))) {
            long backlog = StreamFigures.read(admin, Duration.ofSeconds(10)).lag();
            double startCpu = cpuSeconds(flinkPid);
            List<double[]> samples = new ArrayList<>(); // {nanos, lag, cpu}
            long lag = backlog;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (lag > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                lag = StreamFigures.read(admin, Duration.ofSeconds(10)).lag();
                samples.add(new double[] {System.nanoTime(), lag, cpuSeconds(flinkPid)});
            }
            assertThat(lag).as("lag after catching up").isZero();
            double[] first = samples.stream()
                    .filter(s -> s[1] <= backlog * 0.9)
                    .findFirst()
                    .orElseThrow();
            double[] last = samples.get(samples.size() - 1);
            double events = first[1] - last[1];
            double cpu = last[2] - first[2];
            double wall = (last[0] - first[0]) / 1e9;
            System.out.printf(
                    "FLINK: %,d events sent (%d per request), backlog %,d; steady window %.0f events in %.1f s wall,"
                            + " %.1f CPU-s of the Flink JVM: %.0f events/s wall, %.0f events per CPU-second"
                            + " (%.2f cores busy); start-up to first sample %.1f CPU-s%n",
                    sent,
                    EVENTS_PER_REQUEST,
                    backlog,
                    events,
                    wall,
                    cpu,
                    events / wall,
                    events / cpu,
                    cpu / wall,
                    first[2] - startCpu);
        }

        Pinot pinot = stack.startedPinot();
        long pinotPid = pid(pinot);
        String namespace = "bench-%08x-".formatted(new SplittableRandom(seed).nextInt());
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant from = to.minus(Duration.ofHours(24));
        long rollups = writeDay(stack.config().kafkaBootstrap(), namespace, from, seed);
        PinotBroker broker = new PinotBroker(URI.create(pinot.brokerUrl()));
        long writtenAt = System.nanoTime();
        String count =
                PinotSql.bind("SELECT COUNT(*) FROM rollups_minute WHERE campaign_id IN (?)", campaigns(namespace));
        await("Pinot holds the day of rollups")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> PinotResult.wholeNumber(
                                broker.query(count).rows().get(0).get(0))
                        >= rollups);
        System.out.printf(
                "PINOT INGEST: %,d rollups queryable %.1f s after the producer flushed%n",
                rollups, (System.nanoTime() - writtenAt) / 1e9);

        RollupQueries queries = new RollupQueries(broker);
        String campaign = namespace + "c0";
        for (int i = 0; i < 30; i++) {
            assertThat(queries.campaignMinutes(campaign, from, to)).hasSize(1440);
        }
        String sumsOnly = PinotSql.bind(
                "SELECT minute_millis, SUM(impressions), SUM(clicks), SUM(billable_clicks), SUM(spend_micros)"
                        + " FROM rollups_minute WHERE campaign_id IN (?) AND minute_millis >= ? AND minute_millis < ?"
                        + " GROUP BY minute_millis ORDER BY minute_millis LIMIT 1500",
                List.of(campaign),
                from.toEpochMilli(),
                to.toEpochMilli());
        measureQueries(
                "totals with unique users (RollupQueries)",
                () -> queries.campaignMinutes(campaign, from, to).size(),
                broker,
                null,
                rollups);
        measureQueries(
                "sums only, no sketch merge",
                () -> broker.query(sumsOnly).rows().size(),
                broker,
                sumsOnly,
                rollups);
        System.out.printf(
                "RSS: Flink %.0f MiB (peak %.0f, -Xmx%s), Pinot %.0f MiB (peak %.0f, -Xmx%s)%n",
                memoryMiB(flinkPid, "VmRSS"),
                memoryMiB(flinkPid, "VmHWM"),
                stack.config().stream().heap(),
                memoryMiB(pinotPid, "VmRSS"),
                memoryMiB(pinotPid, "VmHWM"),
                stack.config().pinot().heap());
        stack.stream().stop();
    }

    private static void measureQueries(
            String what, java.util.function.IntSupplier query, PinotBroker broker, String sql, long rollups) {
        List<Long> micros = new ArrayList<>();
        List<Long> brokerMillis = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            int rows = query.getAsInt();
            micros.add((System.nanoTime() - start) / 1_000);
            assertThat(rows).isEqualTo(1440);
            if (sql != null && i % 10 == 0) {
                brokerMillis.add(broker.query(sql).timeUsedMs());
            }
        }
        micros.sort(null);
        System.out.printf(
                "PINOT QUERY (%s): one campaign, 24 h by minute (1,440 rows; %,d rollups in the day, %d keys per"
                        + " campaign-minute), %d queries one at a time: p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n",
                what,
                rollups,
                KEYS_PER_CAMPAIGN_MINUTE,
                QUERIES,
                micros.get(QUERIES / 2) / 1e3,
                micros.get((int) Math.ceil(QUERIES * 0.99) - 1) / 1e3,
                micros.get(QUERIES - 1) / 1e3,
                brokerMillis.isEmpty() ? "" : "; broker timeUsedMs samples " + brokerMillis);
    }

    private static int sendBacklog(EmbeddedStack stack, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AdCatalog catalog = AdCatalog.generate(5, 20, 3, 10, seed).withNamespace("bench-traffic-");
        AdServer adServer =
                new AdServer(catalog, ZipfCampaigns.standard(20), new TokenSigner(SigningKeys.fromEnvironment()));
        Instant start = Instant.now().minus(Duration.ofMinutes(8));
        long spanMillis = Duration.ofMinutes(8).toMillis();
        List<SdkBatch> batches = new ArrayList<>();
        List<SdkEvent> events = new ArrayList<>();
        int made = 0;
        while (made < EVENTS) {
            Instant at = start.plusMillis(spanMillis * made / EVENTS);
            AdServe serve = adServer.serve(random, at.minusSeconds(30));
            Visitor visitor = Visitors.human(random);
            events.add(
                    new SdkEvent("bench-%016x".formatted(random.nextLong()), EventType.IMPRESSION, at, serve, visitor));
            made++;
            if (random.nextInt(3) == 0) {
                events.add(
                        new SdkEvent("bench-%016x".formatted(random.nextLong()), EventType.CLICK, at, serve, visitor));
                made++;
            }
            if (events.size() >= EVENTS_PER_REQUEST) {
                batches.add(new SdkBatch(Scenario.SDK_BATCH, events));
                events = new ArrayList<>();
            }
        }
        if (!events.isEmpty()) {
            batches.add(new SdkBatch(Scenario.SDK_BATCH, events));
        }
        long sendStart = System.nanoTime();
        List<EdgeResponse> responses = stack.sendAll(batches);
        assertThat(responses).allMatch(response -> response.status() == 200);
        System.out.printf(
                "BACKLOG: %,d events through the edge in %.1f s%n", made, (System.nanoTime() - sendStart) / 1e9);
        return made;
    }

    private static long writeDay(String bootstrap, String namespace, Instant from, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        long written = 0;
        Instant emittedAt = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (int minute = 0; minute < 1440; minute++) {
                Instant at = from.plus(Duration.ofMinutes(minute));
                for (int c = 0; c < QUERY_CAMPAIGNS; c++) {
                    for (int k = 0; k < KEYS_PER_CAMPAIGN_MINUTE; k++) {
                        UpdateSketch users =
                                UpdateSketch.builder().setNominalEntries(4096).build();
                        int distinct = 1 + random.nextInt(8);
                        for (int u = 0; u < distinct; u++) {
                            users.update("user-" + random.nextInt(50_000));
                        }
                        long impressions = 1 + random.nextInt(40);
                        long clicks = random.nextInt(3);
                        MinuteRollup rollup = new MinuteRollup(
                                MinuteRollup.CURRENT_SCHEMA_VERSION,
                                at,
                                namespace + "c" + c,
                                "ad-" + k % 4,
                                "pub-" + k / 4,
                                "US",
                                Device.values()[k % 3],
                                "adv-1",
                                impressions,
                                clicks,
                                clicks,
                                clicks * 300_000,
                                distinct,
                                Base64.getEncoder()
                                        .encodeToString(users.compact().toByteArray()),
                                1,
                                emittedAt);
                        producer.send(new ProducerRecord<>(
                                Topics.ROLLUPS_MINUTE, rollup.rollupKey(), WireCodecs.MINUTE_ROLLUP.encode(rollup)));
                        written++;
                    }
                }
            }
            producer.flush();
        }
        return written;
    }

    private static List<String> campaigns(String namespace) {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < QUERY_CAMPAIGNS; c++) {
            ids.add(namespace + "c" + c);
        }
        return ids;
    }

    private static long pid(ChildProcessComponent component) {
        return component.record().orElseThrow().pid();
    }

    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static double memoryMiB(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No " + key + " in /proc/" + pid + "/status");
    }

    private static Properties adminProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return properties;
    }
}
