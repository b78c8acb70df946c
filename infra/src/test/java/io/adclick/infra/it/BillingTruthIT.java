package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.it.GroundTruthBilling.Key;
import io.adclick.infra.it.GroundTruthBilling.Row;
import io.adclick.infra.it.GroundTruthBilling.Stamp;
import io.adclick.infra.traffic.AdCatalog;
import io.adclick.infra.traffic.AdServe;
import io.adclick.infra.traffic.AdServer;
import io.adclick.infra.traffic.EdgeClient;
import io.adclick.infra.traffic.EdgeRequest;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.GroundTruthRecord;
import io.adclick.infra.traffic.GroundTruthWriter;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.ScenarioPlanner;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.infra.traffic.TrafficEngine;
import io.adclick.infra.traffic.TrafficMix;
import io.adclick.infra.traffic.Visitors;
import io.adclick.infra.traffic.ZipfCampaigns;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import io.adclick.schemas.wire.JsonWire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Billing truth end to end: the generator's adversarial traffic goes through the edge, Kafka,
 * Connect and Iceberg, the hourly Spark job computes its hour, and {@code billing_hourly} equals,
 * row for row and to the micro, the result {@link GroundTruthBilling} works out from the ground
 * truth; late events sent after that run are billed by the hour's next run, which replaces the
 * partition in one snapshot.
 */
@ExtendWith(EmbeddedStackExtension.class)
class BillingTruthIT {
    /** Prefix of every advertiser, campaign, ad and publisher id of this test's traffic. */
    private static final String NAMESPACE = "truth-it-";

    private static final long SEED = 23;
    private static final int RATE = 150;
    private static final Duration TRAFFIC = Duration.ofSeconds(20);
    private static final int LATE_IMPRESSIONS = 30;
    private static final Duration ARCHIVE_TIMEOUT = Duration.ofSeconds(120);
    private static final DateTimeFormatter HOUR_KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");
    private static final TrafficMix ADVERSARIAL = new TrafficMix(Map.of(
            Scenario.IMPRESSION, 0.30,
            Scenario.IMPRESSION_AND_CLICK, 0.25,
            Scenario.DOUBLE_CLICK, 0.08,
            Scenario.CLICK_WITHOUT_IMPRESSION, 0.06,
            Scenario.EXPIRED_TOKEN, 0.05,
            Scenario.TAMPERED_TOKEN, 0.04,
            Scenario.SDK_BATCH, 0.10,
            Scenario.TRANSPORT_DUPLICATE, 0.06,
            Scenario.LATE_EVENTS, 0.03,
            Scenario.BOT_BURST, 0.03));

    private final AdServer adServer = new AdServer(
            AdCatalog.standard(SEED).withNamespace(NAMESPACE),
            ZipfCampaigns.standard(200),
            new TokenSigner(SigningKeys.fromEnvironment()));

    @Test
    void billingHourlyEqualsTheGroundTruthAndARerunBillsLateEvents(EmbeddedStack stack, @TempDir Path dir)
            throws Exception {
        long startNanos = System.nanoTime();
        Instant started = Instant.now();
        stack.awaitArchiveRunning();
        Instant hour = hourWithRoomForTraffic();
        String hourKey = HOUR_KEY.format(hour.atOffset(ZoneOffset.UTC));
        List<GroundTruthRecord> sent = new ArrayList<>(sendAdversarialTraffic(stack, dir.resolve("truth.jsonl")));

        try (ArchiveReader archive = stack.archive()) {
            Map<String, Stamp> stamps = awaitArchived(archive, sent);
            TruthRuns.hour(stack, hourKey);
            Set<Row> expected = GroundTruthBilling.hourly(sent, stamps, hour);
            assertThat(billingRows(archive, hour))
                    .as("billing_hourly %s vs the ground truth", hourKey)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertShowsEveryKindOfTrouble(expected);
            JobRunRow first = onlySucceededRun(archive, hourKey, started);

            Table billing = archive.table(AdclickTables.BILLING_HOURLY);
            List<Long> snapshotsBefore = snapshotIds(billing);
            List<Record> otherHoursBefore = otherHours(archive, hour);
            List<GroundTruthRecord> late = sendLateEvents(stack, hour);
            sent.addAll(late);
            stamps = awaitArchived(archive, sent);
            TruthRuns.hour(stack, hourKey);

            Set<Row> expectedAfterLate = GroundTruthBilling.hourly(sent, stamps, hour);
            assertThat(billingRows(archive, hour))
                    .as("billing_hourly %s after the late events", hourKey)
                    .containsExactlyInAnyOrderElementsOf(expectedAfterLate);
            long lateClicks = late.stream()
                    .filter(r -> r.kind().equals("click") && r.acknowledged())
                    .map(GroundTruthRecord::eventId)
                    .distinct()
                    .count();
            assertThat(billable(expectedAfterLate) - billable(expected))
                    .as("late clicks billed by the rerun")
                    .isEqualTo(lateClicks)
                    .isPositive();

            billing.refresh();
            List<Long> newSnapshots = new ArrayList<>(snapshotIds(billing));
            newSnapshots.removeAll(snapshotsBefore);
            assertThat(newSnapshots)
                    .as("snapshots the rerun committed to billing_hourly")
                    .hasSize(1);
            Snapshot replaced = billing.snapshot(newSnapshots.get(0));
            assertThat(replaced.operation()).isEqualTo("overwrite");
            assertThat(otherHours(archive, hour)).as("other hours untouched").isEqualTo(otherHoursBefore);

            List<JobRunRow> runs = succeededRuns(archive, hourKey, started);
            assertThat(runs).hasSize(2);
            JobRunRow rerun = runs.get(1);
            assertThat(runs.get(0)).isEqualTo(first);
            assertThat(rerun.rawSnapshotId()).isNotEqualTo(first.rawSnapshotId());
            assertThat(rerun.outputSnapshotId()).isEqualTo(replaced.snapshotId());
            assertThat(replaced.summary()).containsEntry("adclick.job-run-id", rerun.runId());

            System.out.printf(
                    "BillingTruthIT: %d events sent (%d acknowledged), %d billing rows compared, %d billable clicks"
                            + " (%d micros); %d late events, %d late clicks billed by the rerun; %.0f s%n",
                    sent.size(),
                    sent.stream().filter(GroundTruthRecord::acknowledged).count(),
                    expectedAfterLate.size(),
                    billable(expectedAfterLate),
                    expectedAfterLate.stream().mapToLong(Row::spendMicros).sum(),
                    late.size(),
                    lateClicks,
                    (System.nanoTime() - startNanos) / 1e9);
        }
    }

    /** The current hour, or the next one when fewer than two minutes of this one remain. */
    private static Instant hourWithRoomForTraffic() {
        Instant now = Instant.now();
        Instant next = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        if (Duration.between(now, next).compareTo(Duration.ofMinutes(2)) < 0) {
            Awaitility.await("the next hour")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> !Instant.now().isBefore(next));
            return next;
        }
        return now.truncatedTo(ChronoUnit.HOURS);
    }

    private List<GroundTruthRecord> sendAdversarialTraffic(EmbeddedStack stack, Path truthFile) throws Exception {
        try (GroundTruthWriter truth = new GroundTruthWriter(truthFile)) {
            TrafficEngine engine = new TrafficEngine(
                    new EdgeClient(stack.edge().baseUrl()),
                    new ScenarioPlanner(adServer),
                    ADVERSARIAL,
                    new TrafficEngine.Settings(RATE, 8, SEED),
                    Optional.of(truth));
            engine.run(TRAFFIC, stats -> {});
        }
        List<GroundTruthRecord> records = new ArrayList<>();
        for (String line : Files.readAllLines(truthFile)) {
            records.add(JsonWire.mapper().readValue(line, GroundTruthRecord.class));
        }
        return records;
    }

    /**
     * SDK events that happened inside {@code hour} and arrive after its first run: impressions,
     * a click on each of every other one, sent twice (a retried batch).
     */
    private List<GroundTruthRecord> sendLateEvents(EmbeddedStack stack, Instant hour) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Instant happened = hour.plusSeconds(30);
        List<SdkEvent> events = new ArrayList<>();
        for (int i = 0; i < LATE_IMPRESSIONS; i++) {
            AdServe serve = adServer.serve(random, happened.minusSeconds(60));
            var visitor = Visitors.human(random);
            events.add(new SdkEvent(
                    "late-imp-%d-%02d".formatted(SEED, i), EventType.IMPRESSION, happened, serve, visitor));
            if (i % 2 == 0) {
                events.add(new SdkEvent(
                        "late-clk-%d-%02d".formatted(SEED, i),
                        EventType.CLICK,
                        happened.plusSeconds(5),
                        serve,
                        visitor));
            }
        }
        EdgeRequest.SdkBatch batch = new EdgeRequest.SdkBatch(Scenario.LATE_EVENTS, events);
        List<GroundTruthRecord> records = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            Instant sentAt = Instant.now();
            EdgeResponse response = stack.client().send(batch);
            assertThat(response.status()).as("late batch answer").isEqualTo(200);
            records.addAll(GroundTruthRecord.of(batch, response, sentAt));
        }
        assertThat(records).allMatch(GroundTruthRecord::acknowledged);
        return records;
    }

    /** Waits until every acknowledged copy is in raw_events; the edge's stamp of each event. */
    private static Map<String, Stamp> awaitArchived(ArchiveReader archive, List<GroundTruthRecord> sent) {
        Map<String, Long> copies = sent.stream()
                .filter(r -> r.acknowledged() && r.eventId() != null)
                .collect(Collectors.groupingBy(GroundTruthRecord::eventId, Collectors.counting()));
        List<Record> rows = Awaitility.await("every acknowledged event of the test in raw_events")
                .atMost(ARCHIVE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> archive.rows(
                                AdclickTables.RAW_EVENTS, Expressions.startsWith("advertiser_id", NAMESPACE)),
                        found -> found.size()
                                        >= copies.values().stream()
                                                .mapToLong(Long::longValue)
                                                .sum()
                                && found.stream()
                                        .map(r -> (String) r.getField("event_id"))
                                        .collect(Collectors.toSet())
                                        .containsAll(copies.keySet()));
        Map<String, Long> archivedCopies = rows.stream()
                .collect(Collectors.groupingBy(r -> (String) r.getField("event_id"), Collectors.counting()));
        assertThat(archivedCopies).as("archived copies per event_id").isEqualTo(copies);
        Map<String, Stamp> stamps = new HashMap<>();
        for (Record row : rows) {
            stamps.putIfAbsent(
                    (String) row.getField("event_id"),
                    new Stamp(
                            instant(row, "event_time"),
                            instant(row, "received_at"),
                            (String) row.getField("device"),
                            (String) row.getField("ip")));
        }
        for (GroundTruthRecord record : sent) {
            if (record.acknowledged() && record.eventTime() != null) {
                assertThat(stamps.get(record.eventId()).eventTime())
                        .as("event_time of SDK event %s (timestamptz keeps microseconds)", record.eventId())
                        .isEqualTo(record.eventTime().truncatedTo(ChronoUnit.MICROS));
            }
        }
        return stamps;
    }

    private static Set<Row> billingRows(ArchiveReader archive, Instant hour) {
        Set<Row> rows = new HashSet<>();
        for (Record r : archive.rows(
                AdclickTables.BILLING_HOURLY,
                Expressions.and(
                        Expressions.equal("hour", micros(hour)), Expressions.startsWith("advertiser_id", NAMESPACE)))) {
            @SuppressWarnings("unchecked")
            Map<String, Long> byRule = (Map<String, Long>) r.getField("fraud_removed_by_rule");
            rows.add(new Row(
                    new Key(
                            instant(r, "hour"),
                            (String) r.getField("advertiser_id"),
                            (String) r.getField("campaign_id"),
                            (String) r.getField("ad_id"),
                            (String) r.getField("publisher_id"),
                            (String) r.getField("country"),
                            (String) r.getField("device")),
                    (Long) r.getField("impressions"),
                    (Long) r.getField("clicks"),
                    (Long) r.getField("billable_clicks"),
                    (Long) r.getField("spend_micros"),
                    (Long) r.getField("unique_users"),
                    (Long) r.getField("duplicates_removed"),
                    (Long) r.getField("duplicate_events_removed"),
                    (Long) r.getField("double_clicks_removed"),
                    (Long) r.getField("expired_removed"),
                    (Long) r.getField("no_impression_removed"),
                    (Long) r.getField("fraud_removed"),
                    Map.copyOf(byRule)));
        }
        return rows;
    }

    private static void assertShowsEveryKindOfTrouble(Set<Row> expected) {
        assertThat(expected.stream().mapToLong(Row::billableClicks).sum())
                .as("billable")
                .isPositive();
        assertThat(expected.stream().mapToLong(Row::duplicateEventsRemoved).sum())
                .as("transport duplicates")
                .isPositive();
        assertThat(expected.stream().mapToLong(Row::doubleClicksRemoved).sum())
                .as("double clicks")
                .isPositive();
        assertThat(expected.stream().mapToLong(Row::expiredRemoved).sum())
                .as("expired")
                .isPositive();
        assertThat(expected.stream().mapToLong(Row::noImpressionRemoved).sum())
                .as("no impression")
                .isPositive();
        assertThat(expected.stream().mapToLong(Row::fraudRemoved).sum())
                .as("fraud")
                .isPositive();
    }

    private static List<Record> otherHours(ArchiveReader archive, Instant hour) {
        return archive.rows(AdclickTables.BILLING_HOURLY, Expressions.notEqual("hour", micros(hour))).stream()
                .sorted(java.util.Comparator.comparing(Record::toString))
                .toList();
    }

    /** The lineage of one job run. */
    record JobRunRow(String runId, Long rawSnapshotId, Long outputSnapshotId, Instant endedAt) {}

    /**
     * The succeeded hourly runs of {@code hourKey} that ended after {@code since}: those of this
     * test (another test on the shared stack may have billed the same hour before).
     */
    private static List<JobRunRow> succeededRuns(ArchiveReader archive, String hourKey, Instant since) {
        return archive
                .rows(
                        AdclickTables.JOB_RUNS,
                        Expressions.and(
                                Expressions.equal("partition_key", hourKey),
                                Expressions.equal("job", "hourly"),
                                Expressions.equal("status", "succeeded")))
                .stream()
                .map(r -> new JobRunRow(
                        (String) r.getField("run_id"),
                        (Long) r.getField("raw_snapshot_id"),
                        (Long) r.getField("output_snapshot_id"),
                        instant(r, "ended_at")))
                .filter(run -> run.endedAt().isAfter(since))
                .sorted(java.util.Comparator.comparing(JobRunRow::endedAt))
                .toList();
    }

    private static JobRunRow onlySucceededRun(ArchiveReader archive, String hourKey, Instant since) {
        List<JobRunRow> runs = succeededRuns(archive, hourKey, since);
        assertThat(runs).as("succeeded hourly runs of %s", hourKey).hasSize(1);
        return runs.get(0);
    }

    private static List<Long> snapshotIds(Table table) {
        List<Long> ids = new ArrayList<>();
        table.snapshots().forEach(s -> ids.add(s.snapshotId()));
        return ids;
    }

    private static long billable(Set<Row> rows) {
        return rows.stream().mapToLong(Row::billableClicks).sum();
    }

    private static Instant instant(Record row, String field) {
        return ((OffsetDateTime) row.getField(field)).toInstant();
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
