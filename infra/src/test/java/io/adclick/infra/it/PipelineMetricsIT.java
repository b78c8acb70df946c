package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adclick.infra.launcher.PrometheusText;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.SdkEvent;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline monitor's {@code /metrics} against what was sent: the stream job's decoded,
 * duplicate and late counts move by exactly the events sent, transport duplicates and late events
 * among them; with the job stopped, its consumer lag is exactly the events sent meanwhile, and it
 * returns to 0 once the job is back.
 */
@ExtendWith(EmbeddedStackExtension.class)
class PipelineMetricsIT {
    private static final String STREAM_GROUP = StreamEstimates.CONSUMER_GROUP;
    private static final String ARCHIVE_GROUP = "connect-raw-events-archive";
    private static final int VIEWS = 400;
    private static final int LATE = 25;
    private static final int WHILE_STOPPED = 50;
    private static final Duration LATE_BY = Duration.ofMinutes(15);

    @AfterAll
    static void stopTheJob(EmbeddedStack stack) {
        // the other tests crash the broker; they need no stream job reacting to it
        stack.stream().stop();
    }

    @Test
    void streamCountsMoveByExactlyTheEventsSentAndLagIsExactWhileTheJobIsStopped(EmbeddedStack stack)
            throws IOException, InterruptedException {
        long seed = System.nanoTime();
        StreamEstimates job = stack.startedStream();
        Scrape before = awaitCaughtUp(stack, "the job caught up before the test");

        EstimatesTraffic traffic = EstimatesTraffic.plan("metrics-it-", seed, Instant.now(), VIEWS);
        List<SdkEvent> acknowledged = new ArrayList<>();
        traffic.parts(1).get(0).forEach(batch -> acknowledged.addAll(send(stack, batch)));
        acknowledged.addAll(send(stack, EstimatesTraffic.watermarkAdvance(seed, Instant.now())));
        awaitCaughtUp(stack, "the job read the traffic and the watermark advance");
        List<SdkEvent> late = send(
                stack,
                EstimatesTraffic.impressions(
                        "metrics-it-late-", seed + 1, Instant.now().minus(LATE_BY), LATE));
        assertThat(late).as("late events acknowledged").hasSize(LATE);
        acknowledged.addAll(late);

        long duplicates = acknowledged.size()
                - acknowledged.stream().map(SdkEvent::eventId).distinct().count();
        assertThat(duplicates).as("the traffic resends batches").isPositive();
        Map<String, Double> expected = Map.of(
                "decoded", before.events("decoded") + acknowledged.size(),
                "duplicate", before.events("duplicate") + duplicates,
                "late", before.events("late") + LATE);
        await("stream counts moved by the events sent (seed %d)".formatted(seed))
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Scrape now = scrape(stack);
                    assertThat(Map.of(
                                    "decoded", now.events("decoded"),
                                    "duplicate", now.events("duplicate"),
                                    "late", now.events("late")))
                            .isEqualTo(expected);
                });
        Scrape counted = scrape(stack);
        assertThat(counted.value("adclick_stream_up", "")).isEqualTo(1.0);
        assertThat(counted.value("adclick_stream_checkpoint_duration_seconds", ""))
                .isPositive();
        assertThat(counted.value("adclick_stream_checkpoint_size_bytes", "")).isPositive();
        assertThat(counted.value("adclick_stream_checkpoints_completed", "")).isGreaterThanOrEqualTo(1);
        assertThat(counted.value("adclick_stream_checkpoint_age_seconds", "")).isBetween(0.0, 60.0);
        await("the archive committed everything sent")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () -> assertThat(scrape(stack).lag(ARCHIVE_GROUP)).isZero());
        Scrape archived = scrape(stack);
        double commitAge = archived.value("adclick_archive_commit_age_seconds", "");
        assertThat(commitAge).isBetween(0.0, 120.0);
        assertThat(archived.value("adclick_archive_valid_through_age_seconds", ""))
                .as("the sink's valid-through timestamp precedes its commit")
                .isFinite()
                .isGreaterThanOrEqualTo(commitAge - 1.0);
        assertThat(archived.value("adclick_monitor_source_up", "source=\"catalog\""))
                .isEqualTo(1.0);

        awaitCaughtUp(stack, "the job committed the offsets of everything sent");
        job.stop();
        await("the monitor sees the job gone")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(scrape(stack).value("adclick_monitor_source_up", "source=\"flink\""))
                        .isZero());
        assertThat(scrape(stack).value("adclick_stream_up", "")).isNaN();
        List<SdkEvent> meanwhile = send(
                stack, EstimatesTraffic.impressions("metrics-it-stopped-", seed + 2, Instant.now(), WHILE_STOPPED));
        assertThat(meanwhile).hasSize(WHILE_STOPPED);
        await("lag of the stopped job is the events sent meanwhile")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(scrape(stack).lag(STREAM_GROUP)).isEqualTo(WHILE_STOPPED));

        stack.startedStream();
        awaitCaughtUp(stack, "the restarted job caught up");
        System.out.printf(
                "PipelineMetricsIT: %d events sent (%d transport duplicates, %d late) counted exactly; lag %d while"
                        + " stopped, 0 after the restart; checkpoint %.3f s, %.0f bytes; archive committed %.1f s"
                        + " ago, valid through %.1f s ago; seed %d%n",
                acknowledged.size(),
                duplicates,
                LATE,
                WHILE_STOPPED,
                counted.value("adclick_stream_checkpoint_duration_seconds", ""),
                counted.value("adclick_stream_checkpoint_size_bytes", ""),
                archived.value("adclick_archive_commit_age_seconds", ""),
                archived.value("adclick_archive_valid_through_age_seconds", ""),
                seed);
    }

    /** Waits until the job runs, its lag is 0 and its counters stand still; that scrape. */
    private static Scrape awaitCaughtUp(EmbeddedStack stack, String what) {
        List<Scrape> last = new ArrayList<>();
        // the first wait may include catching up on every earlier test's events (a few per millisecond)
        await(what)
                .atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Scrape now = scrape(stack);
                    last.add(now);
                    if (last.size() < 2) {
                        return false;
                    }
                    Scrape previous = last.get(last.size() - 2);
                    return now.value("adclick_stream_up", "") == 1.0
                            && now.lag(STREAM_GROUP) == 0
                            && now.events("decoded") == previous.events("decoded")
                            && now.events("late") == previous.events("late")
                            && now.events("duplicate") == previous.events("duplicate");
                });
        return last.get(last.size() - 1);
    }

    private static List<SdkEvent> send(EmbeddedStack stack, SdkBatch batch) {
        EdgeResponse response = stack.client().send(batch);
        List<SdkEvent> events = new ArrayList<>();
        for (int i = 0; i < batch.events().size(); i++) {
            if (response.acknowledged(i)) {
                events.add(batch.events().get(i));
            }
        }
        return events;
    }

    private static Scrape scrape(EmbeddedStack stack) throws IOException, InterruptedException {
        return new Scrape(PrometheusText.fetch(URI.create(stack.monitor().url() + "/metrics"), Duration.ofSeconds(5)));
    }

    /** One {@code /metrics} answer. */
    private record Scrape(PrometheusText text) {
        /** The value of the one sample named {@code name} whose labels contain {@code label}. */
        double value(String name, String label) {
            List<PrometheusText.Sample> matching = text.samples().stream()
                    .filter(s -> s.name().equals(name) && s.labels().contains(label))
                    .toList();
            assertThat(matching).as("%s{%s} in %s", name, label, names()).hasSize(1);
            return matching.get(0).value();
        }

        double events(String outcome) {
            return value("adclick_stream_events_total", "outcome=\"" + outcome + "\"");
        }

        double lag(String group) {
            return value("adclick_consumer_lag_records", "group=\"" + group + "\"");
        }

        private String names() {
            return text.samples().stream()
                    .map(PrometheusText.Sample::name)
                    .distinct()
                    .collect(Collectors.joining(", "));
        }
    }
}
