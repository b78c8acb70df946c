package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.launcher.PrometheusText;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.schemas.wire.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A slow Kafka is backpressure, not an outage. The broker is frozen ({@code SIGSTOP}) for a second
 * at a time, so that acknowledgements take seconds as on a saturated broker, while a burst of
 * clients far above the edge's concurrency limit arrives at once. The edge keeps sending to Kafka
 * (it never switches to its spool, so nothing reaches the log twice), refuses what it cannot take
 * with {@code 503} and {@code Retry-After}, and every event a client got acknowledged, after the
 * retries it was asked for, is in {@code events.raw} exactly once.
 */
@ExtendWith(EmbeddedStackExtension.class)
class EdgeUnderSlowKafkaIT {
    /** Above the batch lane's largest concurrency limit (128), so that refusals are certain. */
    private static final int BATCHES_AT_ONCE = 160;

    private static final int EVENTS_PER_BATCH = 20;
    private static final int CLICKS_AT_ONCE = 40;
    /** Shorter than the edge's stall timeout (2 s): a frozen broker of this length is slow, not down. */
    private static final Duration FREEZE = Duration.ofMillis(1_000);

    private static final Duration THAW = Duration.ofMillis(400);

    @Test
    void aBrokerThatAnswersSlowlyMakesTheEdgeRefuseTheExcessButNeverSpool(EmbeddedStack stack) throws Exception {
        long seed = System.nanoTime();
        FaultTraffic traffic = FaultTraffic.plan(seed, BATCHES_AT_ONCE, EVENTS_PER_BATCH, CLICKS_AT_ONCE);
        double switchesBefore = edgeMetric(stack, "adclick_edge_spooling_switches_total");
        long brokerPid = stack.broker().record().map(ComponentRecord::pid).orElseThrow();

        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger freezes = new AtomicInteger();
        Thread freezer = new Thread(
                () -> {
                    try {
                        while (sending.get() && freezes.get() < 60) {
                            signal(brokerPid, "STOP");
                            freezes.incrementAndGet();
                            Thread.sleep(FREEZE.toMillis());
                            signal(brokerPid, "CONT");
                            Thread.sleep(THAW.toMillis());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        signal(brokerPid, "CONT");
                    }
                },
                "broker-freezer");
        freezer.start();
        FaultTraffic.Retried sent;
        try {
            sent = traffic.sendAllAtOnceRetrying(stack, 30);
        } finally {
            sending.set(false);
            freezer.join(10_000);
            signal(brokerPid, "CONT");
        }

        List<EdgeResponse> refused =
                sent.answers().stream().filter(r -> r.status() == 503).toList();
        long duplicates = FaultTraffic.assertEveryAcknowledgedEventInRawLog(stack, sent.acknowledged(), "seed " + seed);
        double switches = edgeMetric(stack, "adclick_edge_spooling_switches_total") - switchesBefore;
        System.out.printf(
                "EdgeUnderSlowKafkaIT: %d requests at once, broker frozen %d times for %d ms; %d answers, %d refused"
                        + " (503), %d events acknowledged, all on %s, %d duplicate copies, %.0f switches to the spool;"
                        + " seed %d%n",
                traffic.size(),
                freezes.get(),
                FREEZE.toMillis(),
                sent.answers().size(),
                refused.size(),
                sent.acknowledged().size(),
                Topics.EVENTS_RAW,
                duplicates,
                switches,
                seed);

        assertThat(freezes.get())
                .as("the broker was frozen while the burst was served")
                .isGreaterThanOrEqualTo(2);
        assertThat(refused).as("refusals beyond the concurrency limit").isNotEmpty();
        assertThat(refused)
                .allSatisfy(r -> assertThat(r.retryAfter()).as("Retry-After").contains(Duration.ofSeconds(1)));
        assertThat(sent.answers())
                .as("answers other than acknowledgements and refusals (seed %d)", seed)
                .allSatisfy(r -> assertThat(r.acknowledged() || r.status() == 503)
                        .as("status %d %s", r.status(), r.error().orElse(""))
                        .isTrue());
        assertThat(sent.acknowledged())
                .as("every event of the burst acknowledged after its retries (seed %d)", seed)
                .hasSize(BATCHES_AT_ONCE * EVENTS_PER_BATCH + CLICKS_AT_ONCE);
        assertThat(switches)
                .as("switches to the spool: a slow broker is not an outage")
                .isZero();
        assertThat(duplicates).as("copies of an event in the log").isZero();
        assertThat(stack.unexpectedExits()).isEmpty();
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot send SIG%s to the broker (pid %d)".formatted(signal, pid), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double edgeMetric(EmbeddedStack stack, String series) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.config().edgeUrl() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return PrometheusText.parse(response.body()).series(series).orElse(0.0);
    }
}
