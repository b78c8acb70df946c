package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.traffic.AdCatalog;
import io.adclick.infra.traffic.AdServe;
import io.adclick.infra.traffic.AdServer;
import io.adclick.infra.traffic.EdgeRequest;
import io.adclick.infra.traffic.EdgeRequest.Redirect;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.infra.traffic.Visitors;
import io.adclick.infra.traffic.ZipfCampaigns;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import io.adclick.schemas.wire.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edge's promise: an event it acknowledged is never lost, even when Kafka is down and the
 * edge is killed with {@code kill -9} before its spool drained.
 */
@ExtendWith(EmbeddedStackExtension.class)
class EdgeSpoolSurvivesKillIT {
    private static final int SDK_BATCHES = 20;
    private static final int EVENTS_PER_BATCH = 50;
    private static final int CLICKS = 1_000;

    @Test
    void everyAcknowledgedEventReachesTheRawLogAfterKafkaOutageAndEdgeKill(EmbeddedStack stack) throws Exception {
        long seed = System.nanoTime();
        System.out.println("EdgeSpoolSurvivesKillIT seed " + seed);
        Random random = new Random(seed);
        List<EdgeRequest> requests = plan(new SplittableRandom(seed));
        int killAfter = requests.size() * 3 / 10 + random.nextInt(requests.size() / 2);

        stack.broker().stop();
        Set<String> ackedIds = sendAndKillEdge(stack, requests, killAfter);
        stack.broker().start();
        stack.edge().start();

        List<ConsumerRecord<String, byte[]>> records = stack.reader()
                .readUntil(
                        Topics.EVENTS_RAW,
                        read -> read.stream()
                                .map(ConsumerRecord::key)
                                .collect(Collectors.toSet())
                                .containsAll(ackedIds),
                        Duration.ofSeconds(120));

        Map<String, List<byte[]>> copies = new HashMap<>();
        records.stream().filter(r -> ackedIds.contains(r.key())).forEach(r -> copies.computeIfAbsent(
                        r.key(), k -> new ArrayList<>())
                .add(r.value()));
        long duplicates = copies.values().stream().mapToLong(c -> c.size() - 1).sum();
        System.out.printf(
                "EdgeSpoolSurvivesKillIT: %d requests planned, edge killed after %d, %d events acknowledged,"
                        + " %d found on %s, %d duplicate copies (exact), seed %d%n",
                requests.size(), killAfter, ackedIds.size(), copies.size(), Topics.EVENTS_RAW, duplicates, seed);

        assertThat(ackedIds).as("acknowledged events (seed %d)", seed).hasSizeGreaterThan(100);
        assertThat(ackedIds.stream().filter(id -> !copies.containsKey(id)))
                .as("acknowledged events missing from %s (seed %d)", Topics.EVENTS_RAW, seed)
                .isEmpty();
        copies.forEach((id, values) -> assertThat(values)
                .as("copies of %s must be byte-identical (seed %d)", id, seed)
                .allSatisfy(
                        value -> assertThat(Arrays.equals(value, values.get(0))).isTrue()));
        assertThat(stack.unexpectedExits()).isEmpty();
    }

    /** SDK batches and clicks, interleaved. */
    private static List<EdgeRequest> plan(SplittableRandom random) {
        AdServer adServer = new AdServer(
                AdCatalog.standard(11), ZipfCampaigns.standard(200), new TokenSigner(SigningKeys.fromEnvironment()));
        Instant now = Instant.now();
        List<EdgeRequest> requests = new ArrayList<>();
        for (int b = 0; b < SDK_BATCHES; b++) {
            List<SdkEvent> events = new ArrayList<>();
            for (int e = 0; e < EVENTS_PER_BATCH; e++) {
                AdServe serve = adServer.serve(random, now.minusSeconds(60));
                events.add(new SdkEvent(
                        "kill-%016x%04x".formatted(random.nextLong(), e),
                        e % 3 == 0 ? EventType.CLICK : EventType.IMPRESSION,
                        now.minusSeconds(10),
                        serve,
                        Visitors.human(random)));
            }
            requests.add(new SdkBatch(Scenario.SDK_BATCH, events));
        }
        for (int c = 0; c < CLICKS; c++) {
            requests.add(new Redirect(
                    Scenario.IMPRESSION_AND_CLICK,
                    adServer.serve(random, now.minusSeconds(60)),
                    Visitors.human(random)));
        }
        Collections.shuffle(requests, new Random(random.nextLong()));
        return requests;
    }

    /**
     * Sends the requests from a few threads, kills the edge once {@code killAfter} have been
     * answered, and returns the ids of the events the edge acknowledged.
     */
    private static Set<String> sendAndKillEdge(EmbeddedStack stack, List<EdgeRequest> requests, int killAfter)
            throws InterruptedException {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(6);
        for (EdgeRequest request : requests) {
            senders.execute(() -> {
                if (killed.get()) {
                    return;
                }
                EdgeResponse response = stack.client().send(request);
                record(request, response, acknowledged);
                if (answered.incrementAndGet() == killAfter && killed.compareAndSet(false, true)) {
                    stack.edge().kill();
                }
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(3, TimeUnit.MINUTES))
                .as("senders finished")
                .isTrue();
        return acknowledged;
    }

    private static void record(EdgeRequest request, EdgeResponse response, Set<String> acknowledged) {
        if (request instanceof SdkBatch batch) {
            for (int i = 0; i < batch.events().size(); i++) {
                if (response.acknowledged(i)) {
                    acknowledged.add(batch.events().get(i).eventId());
                }
            }
        } else if (response.acknowledged()) {
            acknowledged.add(response.eventId().orElseThrow(() -> new AssertionError("302 without X-Event-Id")));
        }
    }
}
