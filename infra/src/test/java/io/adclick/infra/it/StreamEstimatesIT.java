package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adclick.infra.it.CampaignMinuteTotals.CampaignMinute;
import io.adclick.infra.it.CampaignMinuteTotals.Totals;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.wire.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly once end to end: SDK traffic with transport duplicates, double clicks and expired tokens
 * goes through the edge while the stream job is killed ({@code kill -9}) twice mid-stream and
 * restarted from its latest checkpoint each time; the committed {@code rollups.minute}, latest
 * revision per key, then sum per campaign-minute to exactly the estimates computed here from what
 * the edge acknowledged, and no revision is written twice.
 */
@ExtendWith(EmbeddedStackExtension.class)
class StreamEstimatesIT {
    private static final int KILLS = 2;
    private static final int VIEWS = 3_000;
    private static final int REQUESTS_PER_SECOND = 8;

    @AfterAll
    static void stopTheJob(EmbeddedStack stack) {
        // the other tests crash the broker; they need no stream job reacting to it
        stack.stream().stop();
    }

    @Test
    void minuteRollupsEqualTheExpectedEstimatesExactlyAfterTheJobIsKilledTwiceMidStream(EmbeddedStack stack)
            throws InterruptedException {
        long startNanos = System.nanoTime();
        long seed = System.nanoTime();
        StreamEstimates job = stack.startedStream();
        EstimatesTraffic traffic = EstimatesTraffic.plan(seed, Instant.now(), VIEWS);

        StreamWithKills.Sent sent = StreamWithKills.send(stack, job, traffic, seed, KILLS, REQUESTS_PER_SECOND);
        List<SdkEvent> acknowledged = sent.acknowledged();
        List<String> restoredFrom = sent.restoredFrom();

        Map<CampaignMinute, Totals> expected = CampaignMinuteTotals.expected(acknowledged);
        try (RollupLog rollups = new RollupLog(stack.config().kafkaBootstrap())) {
            await("committed rollups of the closed minutes equal the expected estimates (seed %d)".formatted(seed))
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(
                            () -> assertThat(ours(rollups.poll(), traffic)).isEqualTo(expected));
            Instant equalAt = Instant.now();
            StreamWithKills.awaitCheckpointCompletedAfter(
                    job,
                    equalAt.plus(stack.config().stream().checkpointInterval().multipliedBy(2)));
            rollups.readToEnd(Duration.ofSeconds(60));

            assertThat(ours(rollups, traffic))
                    .as("totals after two more checkpoints (seed %d)", seed)
                    .isEqualTo(expected);
            assertThat(rollups.repeatedRevisions())
                    .as("revisions read more than once")
                    .isEmpty();
            System.out.printf(
                    "StreamEstimatesIT: %d requests, %d events acknowledged (%d distinct), %d campaign-minutes"
                            + " compared exactly (%d rollup keys, highest revision %d), %d %s records read;"
                            + " %d kills, restored from %s; %.1f s, seed %d%n",
                    traffic.requests(),
                    acknowledged.size(),
                    acknowledged.stream().map(SdkEvent::eventId).distinct().count(),
                    expected.size(),
                    rollups.latestRevisions().stream()
                            .filter(r -> traffic.isOurs(r.campaignId()))
                            .count(),
                    rollups.latestRevisions().stream()
                            .filter(r -> traffic.isOurs(r.campaignId()))
                            .mapToLong(MinuteRollup::revision)
                            .max()
                            .orElse(0),
                    rollups.records(),
                    Topics.ROLLUPS_MINUTE,
                    restoredFrom.size(),
                    restoredFrom,
                    (System.nanoTime() - startNanos) / 1e9,
                    seed);
        }
        assertThat(restoredFrom).hasSize(KILLS);
        assertThat(expected).as("campaign-minutes of the traffic").hasSizeGreaterThan(10);
        reconcilesWithTruthWithoutResidual(stack, traffic, expected, seed);
        assertThat(stack.unexpectedExits()).isEmpty();
    }

    /**
     * The same traffic, archived (raw events, and the rollups by their own connector) and billed by
     * the truth job: reconciliation of its hours finds the estimates above and explains the whole
     * drift by the clicks without impression (which the stream counts and the truth does not),
     * with no residual and no alert: expired tokens, double clicks and duplicates agree.
     */
    private static void reconcilesWithTruthWithoutResidual(
            EmbeddedStack stack, EstimatesTraffic traffic, Map<CampaignMinute, Totals> expected, long seed) {
        Map<String, Long> expectedEstimates = new TreeMap<>();
        expected.forEach((key, totals) -> expectedEstimates.merge(
                key.minute().truncatedTo(ChronoUnit.HOURS) + " " + key.campaignId(),
                totals.billableClicks(),
                Long::sum));
        Instant firstHour = traffic.start().truncatedTo(ChronoUnit.HOURS);
        Instant lastHour = traffic.end().minusMillis(1).truncatedTo(ChronoUnit.HOURS);
        try (ArchiveReader archive = stack.archive()) {
            await("the rollups of the traffic archived in rollups_minute (seed %d)".formatted(seed))
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> archivedEstimates(archive, EstimatesTraffic.NAMESPACE, traffic::isOurs)
                            .equals(expectedEstimates));
            long ourClicks =
                    expected.values().stream().mapToLong(Totals::clicks).sum();
            await("the clicks of the traffic archived in raw_events (seed %d)".formatted(seed))
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> archive
                                    .rows(
                                            AdclickTables.RAW_EVENTS,
                                            Expressions.and(
                                                    Expressions.startsWith("campaign_id", EstimatesTraffic.NAMESPACE),
                                                    Expressions.equal("event_type", "click")))
                                    .stream()
                                    .map(r -> r.getField("event_id"))
                                    .distinct()
                                    .count()
                            >= ourClicks);
            TruthRuns.billAndReconcile(stack, firstHour, lastHour);

            List<Record> lines = archive
                    .rows(
                            AdclickTables.RECONCILIATION,
                            Expressions.startsWith("campaign_id", EstimatesTraffic.NAMESPACE))
                    .stream()
                    .filter(line -> traffic.isOurs((String) line.getField("campaign_id")))
                    .toList();
            Map<String, Long> reconciledEstimates = new TreeMap<>();
            for (Record line : lines) {
                reconciledEstimates.put(
                        ((OffsetDateTime) line.getField("hour")).toInstant() + " " + line.getField("campaign_id"),
                        (Long) line.getField("estimate_clicks"));
            }
            assertThat(reconciledEstimates)
                    .as("estimates reconciled (seed %d)", seed)
                    .isEqualTo(expectedEstimates);
            assertThat(lines)
                    .as("reconciliation lines with a residual or an alert (seed %d)", seed)
                    .filteredOn(line -> (Long) line.getField("residual_clicks") != 0
                            || (Long) line.getField("residual_spend_micros") != 0
                            || (Boolean) line.getField("alert"))
                    .isEmpty();
            long drift = lines.stream()
                    .mapToLong(l -> (Long) l.getField("drift_clicks"))
                    .sum();
            long withoutImpression = lines.stream()
                    .mapToLong(l -> ((Map<?, ?>) l.getField("explained_clicks"))
                            .entrySet().stream()
                                    .filter(e -> e.getKey().toString().equals("no_impression"))
                                    .mapToLong(e -> (Long) e.getValue())
                                    .sum())
                    .sum();
            assertThat(withoutImpression)
                    .as("clicks without impression explained (seed %d)", seed)
                    .isPositive()
                    .isEqualTo(drift);
            System.out.printf(
                    "StreamEstimatesIT: %d hour-campaign lines reconciled, total drift %d clicks, all explained: %s%n",
                    lines.size(),
                    drift,
                    lines.stream().map(l -> l.getField("explained_clicks")).toList());
        }
    }

    /**
     * Latest-revision billable clicks per hour and campaign ({@code "<hour> <campaign>"}) in
     * rollups_minute, of the campaigns starting with {@code prefix} that {@code ours} accepts.
     */
    static Map<String, Long> archivedEstimates(ArchiveReader archive, String prefix, Predicate<String> ours) {
        Map<String, Record> latest = new HashMap<>();
        for (Record rollup :
                archive.rows(AdclickTables.ROLLUPS_MINUTE, Expressions.startsWith("campaign_id", prefix))) {
            if (!ours.test((String) rollup.getField("campaign_id"))) {
                continue;
            }
            String key = String.join(
                    "|",
                    String.valueOf(rollup.getField("minute")),
                    (String) rollup.getField("campaign_id"),
                    (String) rollup.getField("ad_id"),
                    (String) rollup.getField("publisher_id"),
                    (String) rollup.getField("country"),
                    (String) rollup.getField("device"));
            latest.merge(key, rollup, (a, b) -> (Long) a.getField("revision") >= (Long) b.getField("revision") ? a : b);
        }
        Map<String, Long> estimates = new TreeMap<>();
        for (Record rollup : latest.values()) {
            Instant minute = ((OffsetDateTime) rollup.getField("minute")).toInstant();
            estimates.merge(
                    minute.truncatedTo(ChronoUnit.HOURS) + " " + rollup.getField("campaign_id"),
                    (Long) rollup.getField("billable_clicks"),
                    Long::sum);
        }
        return estimates;
    }

    private static Map<CampaignMinute, Totals> ours(RollupLog rollups, EstimatesTraffic traffic) {
        return CampaignMinuteTotals.of(rollups.latestRevisions().stream()
                .filter(rollup -> traffic.isOurs(rollup.campaignId()))
                .toList());
    }
}
