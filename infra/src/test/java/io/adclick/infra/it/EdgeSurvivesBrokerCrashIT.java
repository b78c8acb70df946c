package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.wire.Topics;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edge's promise under the harder fault: Kafka crashes ({@code kill -9}) while the edge is
 * sending to it directly, with records in flight, and then the edge crashes too while it spools.
 * Records in flight when the broker died may reach the log twice, only as exact copies.
 */
@ExtendWith(EmbeddedStackExtension.class)
class EdgeSurvivesBrokerCrashIT {
    @Test
    void everyAcknowledgedEventReachesTheRawLogAfterBrokerAndEdgeCrashes(EmbeddedStack stack) throws Exception {
        long seed = System.nanoTime();
        FaultTraffic traffic = FaultTraffic.plan(seed, 30, 50, 1_500);
        Random random = new Random(seed);
        int brokerKilledAt = traffic.size() / 5 + random.nextInt(traffic.size() / 5);
        int edgeKilledAt = traffic.size() / 2 + random.nextInt(traffic.size() / 4);
        AtomicBoolean brokerKilled = new AtomicBoolean();
        AtomicBoolean edgeKilled = new AtomicBoolean();

        Set<String> acknowledged = traffic.sendInjecting(
                stack,
                Map.of(
                        brokerKilledAt,
                        () -> {
                            brokerKilled.set(true);
                            stack.broker().kill();
                        },
                        edgeKilledAt,
                        () -> {
                            edgeKilled.set(true);
                            stack.edge().kill();
                        }));
        stack.broker().start();
        stack.edge().start();
        stack.restartArchiveWorker();
        long duplicates = FaultTraffic.assertEveryAcknowledgedEventInRawLog(stack, acknowledged, "seed " + seed);

        System.out.printf(
                "EdgeSurvivesBrokerCrashIT: %d requests, broker killed after %d answers, edge after %d,"
                        + " %d events acknowledged, all found on %s, %d duplicate copies (exact), seed %d%n",
                traffic.size(), brokerKilledAt, edgeKilledAt, acknowledged.size(), Topics.EVENTS_RAW, duplicates, seed);
        assertThat(brokerKilled).isTrue();
        assertThat(edgeKilled).isTrue();
        assertThat(acknowledged).as("acknowledged events (seed %d)", seed).hasSizeGreaterThan(edgeKilledAt / 2);
        assertThat(stack.unexpectedExits()).isEmpty();
    }
}
