package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adclick.infra.it.CampaignMinuteTotals.CampaignMinute;
import io.adclick.infra.it.CampaignMinuteTotals.Totals;
import io.adclick.infra.pinot.Pinot;
import io.adclick.infra.pinot.RollupQueries;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.schemas.pinot.PinotBroker;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly once from the edge to Pinot: SDK traffic with transport duplicates, double clicks and
 * expired tokens goes through the edge, Kafka and the stream job, which is killed ({@code kill -9})
 * twice mid-stream and restarted from its latest checkpoint; Pinot's {@code rollups_minute} totals
 * per campaign-minute must then equal exactly the estimates computed here from what the edge
 * acknowledged, and its merged unique users the DataSketches union of the committed rollups.
 *
 * <p>The traffic lies in the three whole minutes before the test; events of another campaign at
 * the current time then move the job's watermark past them, so every compared minute is closed.
 * The current minute of that clock campaign never closes (nothing later arrives) and is not
 * compared.
 */
@ExtendWith(EmbeddedStackExtension.class)
class PinotExactlyOnceIT {
    private static final String NAMESPACE = "pinot-e2e-";
    private static final int KILLS = 2;
    private static final int VIEWS = 3_000;
    private static final int REQUESTS_PER_SECOND = 8;

    @AfterAll
    static void stopTheJob(EmbeddedStack stack) {
        // the other tests crash the broker; they need no stream job reacting to it
        stack.stream().stop();
    }

    @Test
    void pinotTotalsEqualTheExpectedEstimatesExactlyAfterTheJobIsKilledTwiceMidStream(EmbeddedStack stack)
            throws InterruptedException {
        long startNanos = System.nanoTime();
        long seed = System.nanoTime();
        Pinot pinot = stack.startedPinot();
        StreamEstimates job = stack.startedStream();
        EstimatesTraffic traffic = EstimatesTraffic.plan(NAMESPACE, seed, Instant.now(), VIEWS);

        StreamWithKills.Sent sent = StreamWithKills.send(stack, job, traffic, seed, KILLS, REQUESTS_PER_SECOND);
        List<SdkEvent> acknowledged = sent.acknowledged();
        List<String> restoredFrom = sent.restoredFrom();
        Instant clockSent = sent.watermarkAdvancedAt();

        Map<CampaignMinute, Totals> expected = CampaignMinuteTotals.expected(acknowledged);
        Set<String> campaigns =
                expected.keySet().stream().map(CampaignMinute::campaignId).collect(Collectors.toSet());
        Instant from = expected.keySet().iterator().next().minute();
        RollupQueries queries = new RollupQueries(new PinotBroker(URI.create(pinot.brokerUrl())));
        await("Pinot's totals of the closed minutes equal the expected estimates (seed %d)".formatted(seed))
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(PinotTotals.of(queries.campaignMinutes(campaigns, from, traffic.end())))
                        .isEqualTo(expected));
        long equalNanos = System.nanoTime();
        Instant settled = Instant.now();
        StreamWithKills.awaitCheckpointCompletedAfter(
                job, settled.plus(stack.config().stream().checkpointInterval().multipliedBy(2)));
        try (RollupLog rollups = new RollupLog(stack.config().kafkaBootstrap())) {
            rollups.readToEnd(Duration.ofSeconds(60));
            List<io.adclick.schemas.rollup.MinuteRollup> ours = rollups.latestRevisions().stream()
                    .filter(rollup -> traffic.isOurs(rollup.campaignId()))
                    .toList();
            var answer = queries.campaignMinutes(campaigns, from, traffic.end());
            assertThat(PinotTotals.of(answer))
                    .as("Pinot's totals after two more checkpoints (seed %d)", seed)
                    .isEqualTo(expected);
            assertThat(PinotTotals.users(answer))
                    .as("Pinot's merged unique users equal the DataSketches union of the committed rollups")
                    .isEqualTo(PinotTotals.mergedUsers(ours));
            System.out.printf(
                    "PinotExactlyOnceIT: %d requests, %d events acknowledged (%d distinct), %d campaign-minutes"
                            + " equal in Pinot (%d rollup keys); %d kills, restored from %s; equal %.1f s after"
                            + " the watermark advance was sent, %.1f s after the test began; seed %d%n",
                    traffic.requests(),
                    acknowledged.size(),
                    acknowledged.stream().map(SdkEvent::eventId).distinct().count(),
                    expected.size(),
                    ours.size(),
                    restoredFrom.size(),
                    restoredFrom,
                    Duration.between(clockSent, settled).toMillis() / 1e3,
                    (equalNanos - startNanos) / 1e9,
                    seed);
        }
        assertThat(restoredFrom).hasSize(KILLS);
        assertThat(expected).as("campaign-minutes of the traffic").hasSizeGreaterThan(10);
        assertThat(stack.unexpectedExits()).isEmpty();
    }
}
