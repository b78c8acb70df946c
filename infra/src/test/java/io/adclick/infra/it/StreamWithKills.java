package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adclick.infra.stream.LatestCheckpoint;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.Pacer;
import io.adclick.infra.traffic.SdkEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stream tests' fault scenario: {@link EstimatesTraffic} goes through the edge in parts while
 * the stream job is killed ({@code kill -9}) once per part after a checkpoint completed, then
 * restarted from its latest checkpoint; afterwards a batch at the current time moves the job's
 * watermark past the traffic's minutes, so that every minute of the traffic is closed.
 */
final class StreamWithKills {
    private static final Pattern RESTORED = Pattern.compile("Restoring from checkpoint \\S+");

    /**
     * What the edge acknowledged and where the job restored from.
     *
     * @param watermarkAdvancedAt when the batch that closes the traffic's minutes was sent
     */
    record Sent(List<SdkEvent> acknowledged, List<String> restoredFrom, Instant watermarkAdvancedAt) {}

    private StreamWithKills() {}

    /** Sends {@code traffic} at {@code requestsPerSecond}, killing and restarting {@code job} {@code kills} times. */
    static Sent send(
            EmbeddedStack stack,
            StreamEstimates job,
            EstimatesTraffic traffic,
            long seed,
            int kills,
            int requestsPerSecond) {
        List<SdkEvent> acknowledged = new ArrayList<>();
        List<String> restoredFrom = new ArrayList<>();
        Pacer pacer = new Pacer(requestsPerSecond);
        for (List<SdkBatch> part : traffic.parts(kills + 1)) {
            boolean killHere = restoredFrom.size() < kills;
            Instant partStarted = Instant.now();
            for (int i = 0; i < part.size(); i++) {
                if (killHere && i == part.size() * 2 / 3) {
                    awaitCheckpointCompletedAfter(job, partStarted);
                    job.kill();
                }
                try {
                    pacer.acquire(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while sending the traffic", e);
                }
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
        Instant advancedAt = Instant.now();
        SdkBatch clock = EstimatesTraffic.watermarkAdvance(seed, advancedAt);
        assertThat(stack.client().send(clock).status()).as("watermark advance").isEqualTo(200);
        return new Sent(acknowledged, restoredFrom, advancedAt);
    }

    /** Waits until {@code job} completed a checkpoint after {@code after}. */
    static void awaitCheckpointCompletedAfter(StreamEstimates job, Instant after) {
        await("a checkpoint completed after " + after)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> job.latestCheckpoint()
                        .map(LatestCheckpoint::completedAt)
                        .filter(completed -> completed.isAfter(after))
                        .isPresent());
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
}
