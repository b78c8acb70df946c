package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectReader;
import io.adclick.infra.it.GroundTruthBilling.Stamp;
import io.adclick.infra.kafka.KafkaFigures;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.traffic.BackdatedTraffic;
import io.adclick.infra.traffic.BackdatedTraffic.Phase;
import io.adclick.infra.traffic.GroundTruthRecord;
import io.adclick.infra.traffic.GroundTruthWriter;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import io.adclick.schemas.wire.JsonWire;
import io.adclick.schemas.wire.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 end to end: {@code adclick generate --backdated} traffic (two hours back, three
 * advertisers, eight campaigns, one hot; transport duplicates, double clicks, clicks without
 * impressions, expired and tampered tokens, bot bursts, clicks the stream sees in reverse order and
 * events beyond its allowed lateness) goes through the edge to a stream job whose watermark starts
 * over; every hour is billed and reconciled. From the ground-truth file alone (what was sent, in
 * which phase, with which token) and the edge's stamps, this test works out what the stream counts,
 * what the truth bills and how much of each drift category every (hour, campaign) line must show:
 * the reconciliation must show exactly that, with no residual on any line.
 */
@ExtendWith(EmbeddedStackExtension.class)
class BackdatedReconciliationIT {
    private static final String NAMESPACE = "recon-it-";
    /** {@code -Dadclick.it.seed=...} replays another plan; the seed is printed with every run. */
    private static final long SEED = Long.getLong("adclick.it.seed", 1818L);

    private static final int OCCURRENCES = 900;
    private static final Duration ARCHIVE_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectReader TRUTH = JsonWire.mapper().readerFor(GroundTruthRecord.class);

    @AfterAll
    static void stopTheJob(EmbeddedStack stack) {
        stack.stream().stop();
    }

    @Test
    void everyDriftOfBackdatedAdversarialTrafficIsExplainedByTheCategoryTheGroundTruthGives(
            EmbeddedStack stack, @TempDir Path dir) throws Exception {
        Instant now = Instant.now();
        // the hour boundary lies in the reordered clicks' window, so one double click crosses it in reverse
        Instant end =
                now.minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(4));
        BackdatedTraffic traffic = BackdatedTraffic.plan(
                BackdatedTraffic.adServer(SEED, NAMESPACE, new TokenSigner(SigningKeys.fromEnvironment())),
                SEED,
                end,
                OCCURRENCES);
        Path truthFile = dir.resolve("truth.jsonl");
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrap()))) {
            StreamEstimates job = stack.startedStream();
            awaitStreamRead(admin, "the events of earlier tests");
            // the watermark is not checkpointed: after a restart it follows the back-dated events from their start
            job.stop();
            job.start();
            GroundTruthWriter writer = new GroundTruthWriter(truthFile);
            try {
                BackdatedTraffic.Sent sent = traffic.send(
                        stack.client(),
                        Optional.of(writer),
                        next -> awaitStreamRead(admin, "every event sent before " + next.wireName()),
                        () -> {});
                assertThat(sent.failed()).as("requests the edge never took").isZero();
            } finally {
                writer.close();
            }
            awaitStreamRead(admin, "every event sent");
        }
        List<GroundTruthRecord> sent = readTruth(truthFile);
        StreamModel model = new StreamModel(sent);

        try (ArchiveReader archive = stack.archive()) {
            Map<String, Stamp> stamps = awaitArchived(archive, sent);
            Set<String> lateClicks = model.lateClickIds();
            await("the clicks sent beyond the allowed lateness archived in late_events")
                    .atMost(ARCHIVE_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> ourLateClicks(archive), late -> late.containsAll(lateClicks));
            assertThat(ourLateClicks(archive))
                    .as("the clicks the stream found late are those sent beyond its lateness")
                    .isEqualTo(lateClicks);

            Map<String, Expected> expected = model.expected(stamps, traffic);
            Map<String, Long> expectedEstimates = new TreeMap<>();
            expected.forEach((line, e) -> {
                if (e.estimate() != 0) {
                    expectedEstimates.put(line, e.estimate());
                }
            });
            await("the stream's rollups of the traffic archived in rollups_minute")
                    .atMost(ARCHIVE_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(2))
                    .until(
                            () -> withoutZeros(StreamEstimatesIT.archivedEstimates(archive, NAMESPACE, c -> true)),
                            expectedEstimates::equals);

            Instant firstHour = traffic.start().truncatedTo(ChronoUnit.HOURS);
            Instant lastHour = traffic.end().minusMillis(1).truncatedTo(ChronoUnit.HOURS);
            TruthRuns.billAndReconcile(stack, firstHour, lastHour);

            Map<String, Expected> reconciled = new TreeMap<>();
            for (Record line :
                    archive.rows(AdclickTables.RECONCILIATION, Expressions.startsWith("campaign_id", NAMESPACE))) {
                reconciled.put(
                        lineKey(((OffsetDateTime) line.getField("hour")).toInstant(), (String)
                                line.getField("campaign_id")),
                        new Expected(
                                (Long) line.getField("estimate_clicks"),
                                (Long) line.getField("truth_clicks"),
                                (Long) line.getField("residual_clicks"),
                                amounts(line.getField("explained_clicks"))));
            }
            System.out.printf(
                    "BackdatedReconciliationIT: seed %d, %d events sent in %d requests, %d late clicks, %d lines: %s%n",
                    SEED, sent.size(), traffic.requests(), lateClicks.size(), reconciled.size(), reconciled);
            Map<String, Expected> withClicks = new TreeMap<>(reconciled);
            withClicks.values().removeIf(Expected::isEmpty);
            assertThat(withClicks)
                    .as(() -> "reconciliation per hour and campaign, seed %d (expected from the ground truth: %s)%n%s"
                            .formatted(SEED, expected, model.evidence(expected, withClicks)))
                    .isEqualTo(expected);
            assertThat(reconciled.values())
                    .as("lines with a residual, seed %d", SEED)
                    .allSatisfy(line -> assertThat(line.residual()).isZero());
            reconciled = withClicks;
            assertThat(reconciled).as("lines with clicks").hasSizeGreaterThan(16);
            Map<String, Long> byCategory = new TreeMap<>();
            reconciled.values().forEach(line -> line.explained().forEach((c, n) -> byCategory.merge(c, n, Long::sum)));
            assertThat(byCategory)
                    .as("every kind of drift the traffic holds is explained somewhere")
                    .containsKeys("late", "no_impression", "first_click_order", "fraud:bot_device");
        }
        assertThat(stack.unexpectedExits()).isEmpty();
    }

    /** One reconciliation line: estimate, truth, residual and the explained clicks per category. */
    record Expected(long estimate, long truth, long residual, Map<String, Long> explained) {
        /** A line of a campaign-hour without clicks on either side. */
        boolean isEmpty() {
            return estimate == 0 && truth == 0 && residual == 0 && explained.isEmpty();
        }
    }

    /**
     * What the stream job does with the clicks sent, from the ground truth: copies sent beyond the
     * lateness go to {@code events.late}; of the others, the first copy of an event id to arrive
     * passes, and the first click of an impression to arrive counts unless its token was expired.
     * Phases are sent one after the other (the stream read each before the next started); within a
     * phase, requests in the order sent; within a request, in event time (clicks of one impression
     * in one request lie in the same hour, so which of them counts does not change a line).
     */
    static final class StreamModel {
        private final List<GroundTruthRecord> sent;
        private final List<GroundTruthRecord> clicks;
        private final Map<GroundTruthRecord, String> explanations = new IdentityHashMap<>();

        StreamModel(List<GroundTruthRecord> sent) {
            this.sent = List.copyOf(sent);
            this.clicks = sent.stream()
                    .filter(r -> r.kind().equals("click") && r.acknowledged())
                    .sorted(Comparator.comparing((GroundTruthRecord r) ->
                                    Phase.valueOf(r.phase().toUpperCase()))
                            .thenComparing(GroundTruthRecord::sentAt)
                            .thenComparing(GroundTruthRecord::eventTime))
                    .toList();
        }

        Set<String> lateClickIds() {
            return clicks.stream()
                    .filter(StreamModel::late)
                    .map(GroundTruthRecord::eventId)
                    .collect(Collectors.toSet());
        }

        /** The click copies the stream counts, in arrival order. */
        private Set<GroundTruthRecord> counted() {
            Set<String> passedIds = new HashSet<>();
            Set<String> clickedImpressions = new HashSet<>();
            Set<GroundTruthRecord> counted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (GroundTruthRecord click : clicks) {
                if (late(click) || !passedIds.add(click.eventId())) {
                    continue;
                }
                if (clickedImpressions.add(click.impressionId())
                        && click.tokenStatus().equals("valid")) {
                    counted.add(click);
                }
            }
            return counted;
        }

        /** Every line's estimate, truth and explained clicks per category, by the category definitions. */
        Map<String, Expected> expected(Map<String, Stamp> stamps, BackdatedTraffic traffic) {
            Map<String, String> decisions = new HashMap<>();
            for (Instant hour = traffic.start().truncatedTo(ChronoUnit.HOURS);
                    hour.isBefore(traffic.end());
                    hour = hour.plus(Duration.ofHours(1))) {
                decisions.putAll(GroundTruthBilling.clickDecisions(sent, stamps, hour));
            }
            Set<String> missingImpressions = new HashSet<>();
            Set<String> billedCopySeen = new HashSet<>();
            Set<GroundTruthRecord> counted = counted();
            Map<String, long[]> totals = new TreeMap<>();
            Map<String, Map<String, Long>> explained = new TreeMap<>();
            for (GroundTruthRecord click : clicks) {
                if (GroundTruthBilling.NO_IMPRESSION.equals(decisions.get(click.eventId()))) {
                    missingImpressions.add(click.impressionId());
                }
            }
            List<GroundTruthRecord> byTruthOrder = new ArrayList<>(clicks);
            byTruthOrder.sort(Comparator.comparing(GroundTruthRecord::sentAt));
            for (GroundTruthRecord click : byTruthOrder) {
                String line = lineKey(click.eventTime().truncatedTo(ChronoUnit.HOURS), click.campaignId());
                long[] t = totals.computeIfAbsent(line, k -> new long[2]);
                explained.computeIfAbsent(line, k -> new TreeMap<>());
                // the truth's copy of an event id is its first to arrive (same event time, earlier received_at)
                String decision =
                        billedCopySeen.add(click.eventId()) ? decisions.get(click.eventId()) : "duplicate_event";
                boolean billed = GroundTruthBilling.BILLABLE.equals(decision);
                boolean estimated = counted.contains(click);
                t[0] += estimated ? 1 : 0;
                t[1] += billed ? 1 : 0;
                explanations.put(
                        click,
                        "%s, %s, %s"
                                .formatted(
                                        decision,
                                        estimated ? "estimated" : "not estimated",
                                        billed ? "billed" : "not billed"));
                if (estimated == billed) {
                    continue;
                }
                String category;
                if (!estimated) {
                    category = late(click) ? "late" : "first_click_order";
                } else if (decision.startsWith(GroundTruthBilling.FRAUD_PREFIX)) {
                    category = decision;
                } else if (decision.equals(GroundTruthBilling.NO_IMPRESSION)
                        || missingImpressions.contains(click.impressionId())) {
                    category = "no_impression";
                } else {
                    category = "first_click_order";
                }
                explained.get(line).merge(category, estimated ? 1L : -1L, Long::sum);
            }
            Map<String, Expected> expected = new TreeMap<>();
            totals.forEach((line, t) -> {
                Map<String, Long> nonZero = new TreeMap<>(explained.get(line));
                nonZero.values().removeIf(n -> n == 0);
                expected.put(line, new Expected(t[0], t[1], 0, nonZero));
            });
            expected.values().removeIf(Expected::isEmpty);
            return expected;
        }

        /**
         * Per-event evidence of the lines that differ: every click of an impression clicked in such
         * a line (wherever its other clicks lie), in the order the stream saw them, with what the
         * ground truth says the stream and the truth made of it.
         */
        String evidence(Map<String, Expected> expected, Map<String, Expected> reconciled) {
            Set<String> lines = new TreeSet<>(expected.keySet());
            lines.addAll(reconciled.keySet());
            lines.removeIf(line -> Objects.equals(expected.get(line), reconciled.get(line)));
            StringBuilder evidence = new StringBuilder();
            for (String line : lines) {
                Set<String> impressions = clicks.stream()
                        .filter(c -> line.equals(lineKey(c.eventTime().truncatedTo(ChronoUnit.HOURS), c.campaignId())))
                        .map(GroundTruthRecord::impressionId)
                        .collect(Collectors.toSet());
                evidence.append("line ")
                        .append(line)
                        .append(": reconciled ")
                        .append(reconciled.get(line))
                        .append(", expected ")
                        .append(expected.get(line))
                        .append(System.lineSeparator());
                clicks.stream()
                        .filter(c -> impressions.contains(c.impressionId()))
                        .forEach(c -> evidence.append("  %s sent %s event %s %s impression %s token %s: %s%n"
                                .formatted(
                                        c.phase(),
                                        c.sentAt(),
                                        c.eventTime(),
                                        c.eventId(),
                                        c.impressionId(),
                                        c.tokenStatus(),
                                        explanations.get(c))));
            }
            return evidence.toString();
        }

        private static boolean late(GroundTruthRecord click) {
            return click.phase().equals(Phase.BEYOND_LATENESS.wireName());
        }
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> estimates) {
        Map<String, Long> nonZero = new TreeMap<>(estimates);
        nonZero.values().removeIf(n -> n == 0);
        return nonZero;
    }

    private static String lineKey(Instant hour, String campaign) {
        return hour + " " + campaign;
    }

    private static Map<String, Long> amounts(Object map) {
        Map<String, Long> amounts = new TreeMap<>();
        ((Map<?, ?>) map).forEach((k, v) -> amounts.put(k.toString(), (Long) v));
        amounts.values().removeIf(n -> n == 0);
        return amounts;
    }

    private static Set<String> ourLateClicks(ArchiveReader archive) {
        return archive
                .rows(
                        AdclickTables.LATE_EVENTS,
                        Expressions.and(
                                Expressions.startsWith("campaign_id", NAMESPACE),
                                Expressions.equal("event_type", "click")))
                .stream()
                .map(r -> (String) r.getField("event_id"))
                .collect(Collectors.toSet());
    }

    /** Waits until the stream job has committed (so processed) every record of {@code events.raw}. */
    private static void awaitStreamRead(Admin admin, String what) {
        await("the stream job has read " + what)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> KafkaFigures.lag(
                                admin, StreamEstimates.CONSUMER_GROUP, Topics.EVENTS_RAW, Duration.ofSeconds(10))
                        == 0);
    }

    private static List<GroundTruthRecord> readTruth(Path file) throws IOException {
        List<GroundTruthRecord> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(TRUTH.readValue(line));
        }
        return records;
    }

    /** Waits until every acknowledged copy is in raw_events; the edge's stamp of each event. */
    private static Map<String, Stamp> awaitArchived(ArchiveReader archive, List<GroundTruthRecord> sent) {
        Map<String, Long> copies = sent.stream()
                .filter(r -> r.acknowledged() && r.eventId() != null)
                .collect(Collectors.groupingBy(GroundTruthRecord::eventId, Collectors.counting()));
        long total = copies.values().stream().mapToLong(Long::longValue).sum();
        List<Record> rows = await("every acknowledged event of the test in raw_events")
                .atMost(ARCHIVE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> archive.rows(
                                AdclickTables.RAW_EVENTS, Expressions.startsWith("advertiser_id", NAMESPACE)),
                        found -> found.size() >= total);
        Map<String, Stamp> stamps = new HashMap<>();
        for (Record row : rows) {
            stamps.merge(
                    (String) row.getField("event_id"),
                    new Stamp(
                            ((OffsetDateTime) row.getField("event_time")).toInstant(),
                            ((OffsetDateTime) row.getField("received_at")).toInstant(),
                            (String) row.getField("device"),
                            (String) row.getField("ip")),
                    (a, b) -> a.receivedAt().isBefore(b.receivedAt()) ? a : b);
        }
        assertThat(stamps.keySet()).as("archived event ids").isEqualTo(copies.keySet());
        return stamps;
    }
}
