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
 * The edge's promise: an event it acknowledged is never lost, even when Kafka is down and the
 * edge is killed with {@code kill -9} before its spool drained.
 */
@ExtendWith(EmbeddedStackExtension.class)
class EdgeSpoolSurvivesKillIT {
    @Test
    void everyAcknowledgedEventReachesTheRawLogAfterKafkaOutageAndEdgeKill(EmbeddedStack stack) throws Exception {
        long seed = System.nanoTime();
        FaultTraffic traffic = FaultTraffic.plan(seed, 20, 50, 1_000);
        int killAfter = traffic.size() * 3 / 10 + new Random(seed).nextInt(traffic.size() / 2);
        AtomicBoolean killed = new AtomicBoolean();

        stack.broker().stop();
        Set<String> acknowledged = traffic.sendInjecting(stack, Map.of(killAfter, () -> {
            killed.set(true);
            stack.edge().kill();
        }));
        stack.broker().start();
        stack.edge().start();
        stack.restartArchiveWorker();
        long duplicates = FaultTraffic.assertEveryAcknowledgedEventInRawLog(stack, acknowledged, "seed " + seed);

        System.out.printf(
                "EdgeSpoolSurvivesKillIT: %d requests, Kafka down throughout, edge killed after %d answers,"
                        + " %d events acknowledged, all found on %s, %d duplicate copies (exact), seed %d%n",
                traffic.size(), killAfter, acknowledged.size(), Topics.EVENTS_RAW, duplicates, seed);
        assertThat(killed).isTrue();
        assertThat(acknowledged).as("acknowledged events (seed %d)", seed).hasSizeGreaterThan(100);
        assertThat(stack.unexpectedExits()).isEmpty();
    }
}
