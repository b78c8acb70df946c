package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adclick.infra.it.CampaignMinuteTotals.CampaignMinute;
import io.adclick.infra.it.CampaignMinuteTotals.Totals;
import io.adclick.infra.stream.LatestCheckpoint;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.Pacer;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.schemas.wire.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
    private static final Pattern RESTORED = Pattern.compile("Restoring from checkpoint \\S+");

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

        List<SdkEvent> acknowledged = new ArrayList<>();
        List<String> restoredFrom = new ArrayList<>();
        Pacer pacer = new Pacer(REQUESTS_PER_SECOND);
        for (List<SdkBatch> part : traffic.parts(KILLS + 1)) {
            boolean killHere = restoredFrom.size() < KILLS;
            Instant partStarted = Instant.now();
            for (int i = 0; i < part.size(); i++) {
                if (killHere && i == part.size() * 2 / 3) {
                    awaitCheckpointCompletedAfter(job, partStarted);
                    job.kill();
                }
                pacer.acquire(Long.MAX_VALUE);
                acknowledged.addAll(
                        acknowledgedEvents(part.get(i), stack.client().send(part.get(i))));
            }
            if (killHere) {
                LogWatcher restart = LogWatcher.from(job.log());
                job.start();
                restoredFrom.add(restart.await(RESTORED, Duration.ofSeconds(5)));
            }
        }
        await("the wall clock past the traffic's last minute")
                .atMost(Duration.ofSeconds(75))
                .until(() -> Instant.now().isAfter(traffic.end().plusSeconds(10)));
        SdkBatch clock = EstimatesTraffic.watermarkAdvance(seed, Instant.now());
        assertThat(stack.client().send(clock).status()).as("watermark advance").isEqualTo(200);

        Map<CampaignMinute, Totals> expected = CampaignMinuteTotals.expected(acknowledged);
        try (RollupLog rollups = new RollupLog(stack.config().kafkaBootstrap())) {
            await("committed rollups of the closed minutes equal the expected estimates (seed %d)".formatted(seed))
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(
                            () -> assertThat(ours(rollups.poll(), traffic)).isEqualTo(expected));
            Instant equalAt = Instant.now();
            awaitCheckpointCompletedAfter(
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
        assertThat(stack.unexpectedExits()).isEmpty();
    }

    private static Map<CampaignMinute, Totals> ours(RollupLog rollups, EstimatesTraffic traffic) {
        return CampaignMinuteTotals.of(rollups.latestRevisions().stream()
                .filter(rollup -> traffic.isOurs(rollup.campaignId()))
                .toList());
    }

    private static List<SdkEvent> acknowledgedEvents(SdkBatch batch, EdgeResponse response) {
        List<SdkEvent> events = new ArrayList<>();
        for (int i = 0; i < batch.events().size(); i++) {
            if (response.acknowledged(i)) {
                events.add(batch.events().get(i));
            }
        }
        return events;
    }

    private static void awaitCheckpointCompletedAfter(StreamEstimates job, Instant after) {
        await("a checkpoint completed after " + after)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> job.latestCheckpoint()
                        .map(LatestCheckpoint::completedAt)
                        .filter(completed -> completed.isAfter(after))
                        .isPresent());
    }
}
