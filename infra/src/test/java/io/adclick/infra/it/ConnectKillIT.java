package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.archive.KafkaConnectWorker;
import io.adclick.infra.config.ArchiveConfig;
import io.adclick.infra.process.Waits;
import io.adclick.schemas.wire.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly once into the archive across crashes: while traffic flows, the Connect worker is killed
 * with {@code kill -9} three times (at a random moment, as a commit starts, and right after the
 * sink committed to the table) and restarted each time; afterwards {@code raw_events} holds every
 * acknowledged event exactly as often as {@code events.raw} does (the edge may log an event twice,
 * as byte-identical copies, and each copy is a record the sink must archive once).
 */
@ExtendWith(EmbeddedStackExtension.class)
class ConnectKillIT {
    private static final Pattern COMMIT_STARTED = Pattern.compile("Commit \\S+ initiated");
    private static final Pattern TABLE_COMMITTED = Pattern.compile("Commit complete to table \\S+, snapshot");
    /**
     * After a restart the first commit cycles may time out (STACK.md: 20-40 s); when the sink's
     * coordinator is stuck, the archive watchdog restarts the worker after its stall timeout (60 s),
     * and the new worker needs those cycles again (one CI run took more than 90 s in all).
     */
    private static final Duration COMMIT_WAIT = ArchiveConfig.DEFAULT_STALL_TIMEOUT.plus(Duration.ofSeconds(120));

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(180);

    @Test
    void rawEventsHoldsEveryAcknowledgedEventExactlyOnceAfterWorkerKills(EmbeddedStack stack) throws Exception {
        stack.awaitArchiveRunning();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        KafkaConnectWorker connect = stack.connect();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        long startNanos = System.nanoTime();
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> sendUntil(stack, seed, stop, acknowledged));
        List<String> kills = new ArrayList<>();

        LogWatcher firstCommit = LogWatcher.from(connect.log());
        firstCommit.await(TABLE_COMMITTED, COMMIT_WAIT);
        Waits.sleep(Duration.ofMillis(random.nextInt(4_000)));
        kills.add(killAndRestart(connect, "at a random moment mid-stream"));

        LogWatcher commitStart = LogWatcher.from(connect.log());
        commitStart.await(COMMIT_STARTED, COMMIT_WAIT);
        kills.add(killAndRestart(connect, "as a commit started (tasks flushing data files)"));

        LogWatcher tableCommit = LogWatcher.from(connect.log());
        tableCommit.await(TABLE_COMMITTED, COMMIT_WAIT);
        kills.add(killAndRestart(connect, "right after the sink committed a snapshot to the table"));

        Waits.sleep(Duration.ofSeconds(5)); // traffic goes on a while after the last restart
        stop.set(true);
        traffic.get(2, TimeUnit.MINUTES);
        Map<String, Long> logged = copiesOnRawLog(stack, acknowledged);

        try (ArchiveReader archive = stack.archive()) {
            // Tasks commit their source offsets with their data files; the table commit follows
            // within a few cycles (longer right after a restart), so wait for the rows themselves.
            Map<String, Long> archived = Awaitility.await("raw_events holds the acknowledged events")
                    .atMost(DRAIN_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> rowsPerEventId(archive, acknowledged), rows -> total(rows) >= total(logged));
            List<String> mismatches = logged.keySet().stream()
                    .filter(id -> !logged.get(id).equals(archived.getOrDefault(id, 0L)))
                    .map(id -> "%s: %d on the log, %d archived"
                            .formatted(id, logged.get(id), archived.getOrDefault(id, 0L)))
                    .toList();
            System.out.printf(
                    "ConnectKillIT: %d events acknowledged, %d records of them on %s (%d extra edge copies),"
                            + " %d rows of them archived, %d mismatches; kills: %s; %.0f s; seed %d%n",
                    acknowledged.size(),
                    total(logged),
                    Topics.EVENTS_RAW,
                    total(logged) - logged.size(),
                    total(archived),
                    mismatches.size(),
                    kills,
                    (System.nanoTime() - startNanos) / 1e9,
                    seed);

            assertThat(acknowledged).as("acknowledged events (seed %d)", seed).hasSizeGreaterThan(1_000);
            assertThat(mismatches.stream().limit(20))
                    .as(
                            "event ids whose row count in raw_events differs from their record count on %s (%d in all, seed %d)",
                            Topics.EVENTS_RAW, mismatches.size(), seed)
                    .isEmpty();
            assertThat(total(archived)).as("rows of acknowledged events").isEqualTo(total(logged));
        }
        assertThat(stack.unexpectedExits()).isEmpty();
    }

    private static Map<String, Long> rowsPerEventId(ArchiveReader archive, Set<String> ids) {
        return archive.rawEventRows().stream()
                .map(row -> (String) row.getField("event_id"))
                .filter(ids::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Kills the worker and starts it again (which waits until the connector's tasks run). */
    private static String killAndRestart(KafkaConnectWorker connect, String moment) {
        long restartNanos = System.nanoTime();
        connect.killAndRestart();
        String kill = "%s (restarted in %.1f s)".formatted(moment, (System.nanoTime() - restartNanos) / 1e9);
        System.out.println("ConnectKillIT: killed " + kill);
        return kill;
    }

    /** Rounds of SDK batches and clicks, a few hundred events a second, until {@code stop}. */
    private static void sendUntil(EmbeddedStack stack, long seed, AtomicBoolean stop, Set<String> acknowledged) {
        for (int round = 0; !stop.get(); round++) {
            try {
                acknowledged.addAll(FaultTraffic.plan(seed + round, 2, 50, 40).sendInjecting(stack, Map.of()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Waits.sleep(Duration.ofMillis(300));
        }
    }

    private static Map<String, Long> copiesOnRawLog(EmbeddedStack stack, Set<String> acknowledged) {
        List<ConsumerRecord<String, byte[]>> records = stack.reader()
                .readUntil(
                        Topics.EVENTS_RAW,
                        read -> read.stream()
                                .map(ConsumerRecord::key)
                                .collect(Collectors.toSet())
                                .containsAll(acknowledged),
                        Duration.ofSeconds(60));
        Map<String, Long> copies = records.stream()
                .map(ConsumerRecord::key)
                .filter(acknowledged::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.keySet())
                .as("acknowledged events on %s", Topics.EVENTS_RAW)
                .containsAll(acknowledged);
        return copies;
    }
}
