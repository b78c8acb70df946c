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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Traffic for fault tests: a shuffled mix of SDK batches and clicks, sent while faults are
 * injected at chosen points, and the check that every acknowledged event reached the raw log.
 */
final class FaultTraffic {
    private final List<EdgeRequest> requests;

    private FaultTraffic(List<EdgeRequest> requests) {
        this.requests = List.copyOf(requests);
    }

    /** {@code batches} SDK batches of {@code eventsPerBatch} events and {@code clicks} clicks, shuffled. */
    static FaultTraffic plan(long seed, int batches, int eventsPerBatch, int clicks) {
        SplittableRandom random = new SplittableRandom(seed);
        AdServer adServer = new AdServer(
                AdCatalog.standard(11), ZipfCampaigns.standard(200), new TokenSigner(SigningKeys.fromEnvironment()));
        Instant now = Instant.now();
        List<EdgeRequest> requests = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<SdkEvent> events = new ArrayList<>();
            for (int e = 0; e < eventsPerBatch; e++) {
                AdServe serve = adServer.serve(random, now.minusSeconds(60));
                events.add(new SdkEvent(
                        "fault-%016x%04x".formatted(random.nextLong(), e),
                        e % 3 == 0 ? EventType.CLICK : EventType.IMPRESSION,
                        now.minusSeconds(10),
                        serve,
                        Visitors.human(random)));
            }
            requests.add(new SdkBatch(Scenario.SDK_BATCH, events));
        }
        for (int c = 0; c < clicks; c++) {
            requests.add(new Redirect(
                    Scenario.IMPRESSION_AND_CLICK,
                    adServer.serve(random, now.minusSeconds(60)),
                    Visitors.human(random)));
        }
        Collections.shuffle(requests, new Random(random.nextLong()));
        return new FaultTraffic(requests);
    }

    int size() {
        return requests.size();
    }

    /**
     * Sends every request from six threads; when the n-th answer arrives, runs {@code faults.get(n)}
     * (on the answering thread, so sending goes on meanwhile). Requests not answered (the edge was
     * killed) are not acknowledged.
     *
     * @return the ids of the events the edge acknowledged
     */
    Set<String> sendInjecting(EmbeddedStack stack, Map<Integer, Runnable> faults) throws InterruptedException {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(6);
        for (EdgeRequest request : requests) {
            senders.execute(() -> {
                EdgeResponse response = stack.client().send(request);
                record(request, response, acknowledged);
                Runnable fault = faults.get(answered.incrementAndGet());
                if (fault != null) {
                    fault.run();
                }
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(4, TimeUnit.MINUTES))
                .as("senders finished")
                .isTrue();
        return acknowledged;
    }

    /** What {@link #sendAllAtOnceRetrying} saw: the events acknowledged and every answer, refusals included. */
    record Retried(Set<String> acknowledged, List<EdgeResponse> answers) {}

    /**
     * Sends every request at the same moment, one thread each, as a well-behaved client under a
     * burst: a refusal ({@code 503} with {@code Retry-After}) is sent again after the delay it
     * asks for, up to {@code attempts} times.
     */
    Retried sendAllAtOnceRetrying(EmbeddedStack stack, int attempts) throws InterruptedException {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<EdgeResponse> answers = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(requests.size());
        for (EdgeRequest request : requests) {
            senders.execute(() -> {
                try {
                    start.await();
                    for (int attempt = 1; attempt <= attempts; attempt++) {
                        EdgeResponse response = stack.client().send(request);
                        answers.add(response);
                        if (response.status() != 503 || response.retryAfter().isEmpty()) {
                            record(request, response, acknowledged);
                            return;
                        }
                        Thread.sleep(response.retryAfter().get().toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        start.countDown();
        senders.shutdown();
        assertThat(senders.awaitTermination(4, TimeUnit.MINUTES))
                .as("senders finished")
                .isTrue();
        return new Retried(acknowledged, List.copyOf(answers));
    }

    /**
     * Reads {@code events.raw} until every acknowledged event is there, asserts that none is
     * missing and that repeated copies are byte-identical, and returns the number of extra copies.
     */
    static long assertEveryAcknowledgedEventInRawLog(EmbeddedStack stack, Set<String> acknowledged, String label) {
        List<ConsumerRecord<String, byte[]>> records = stack.reader()
                .readUntil(
                        Topics.EVENTS_RAW,
                        read -> read.stream()
                                .map(ConsumerRecord::key)
                                .collect(Collectors.toSet())
                                .containsAll(acknowledged),
                        Duration.ofSeconds(120));
        Map<String, List<byte[]>> copies = new HashMap<>();
        records.stream().filter(r -> acknowledged.contains(r.key())).forEach(r -> copies.computeIfAbsent(
                        r.key(), k -> new ArrayList<>())
                .add(r.value()));
        assertThat(acknowledged.stream().filter(id -> !copies.containsKey(id)))
                .as("acknowledged events missing from %s (%s)", Topics.EVENTS_RAW, label)
                .isEmpty();
        copies.forEach((id, values) -> assertThat(values)
                .as("copies of %s must be byte-identical (%s)", id, label)
                .allSatisfy(
                        value -> assertThat(Arrays.equals(value, values.get(0))).isTrue()));
        return copies.values().stream().mapToLong(c -> c.size() - 1).sum();
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
