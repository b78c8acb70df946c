package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.EventType;
import io.adclick.schemas.token.TokenSigner;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Adversarial SDK traffic sent back in time: events of the {@link #SPAN} before {@code end},
 * through {@code POST /v1/events}, in three phases that decide how the stream job sees each event
 * (the ground truth records the phase of every event):
 *
 * <ol>
 *   <li>{@link Phase#IN_ORDER}: in batches in event-time order, so the stream's watermark follows
 *       them and none is late; transport duplicates are resent right after their batch;
 *   <li>{@link Phase#REORDERED}: the earlier clicks of some impressions whose later click was sent in
 *       order, all within the allowed lateness of the newest events: the stream sees the later click
 *       first, the truth bills by event time (across an hour boundary when one lies there, a token
 *       that expired by age between the clicks, a token issued too far in the future for the first);
 *   <li>{@link Phase#BEYOND_LATENESS}: events at least {@link #LATE_MARGIN} behind the newest, sent
 *       last, so the stream routes them to {@code events.late}: offline apps, the first click of a
 *       double click whose second was sent in order, and retries of batches sent in order.
 * </ol>
 *
 * <p>Between phases the sender awaits a {@link PhaseBarrier}: the stream must have read every event
 * of a phase before the next one starts, or the order it saw them in is not the one planned. The
 * traffic also holds double clicks, clicks without impressions, expired and tampered tokens, bot
 * bursts and one campaign with about 30% of the occurrences. The stream must not have seen newer
 * event times before (a fresh stack, or a stream job just restarted, whose watermark starts over).
 */
public final class BackdatedTraffic {
    /** How far back the traffic reaches from its end. */
    public static final Duration SPAN = Duration.ofHours(2);
    /** Beyond-lateness events are at least this far behind the newest event (the allowed lateness is 10 min). */
    public static final Duration LATE_MARGIN = Duration.ofMinutes(25);
    /** Reordered clicks lie within this of the end, well inside the allowed lateness. */
    static final Duration REORDER_WINDOW = Duration.ofMinutes(7);

    private static final int BATCH_SIZE = 40;
    private static final int MAX_ATTEMPTS = 5;

    /** When an event is sent, and so how the stream sees it. */
    public enum Phase {
        IN_ORDER,
        REORDERED,
        BEYOND_LATENESS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Awaited before each phase after the first. */
    @FunctionalInterface
    public interface PhaseBarrier {
        void await(Phase next) throws InterruptedException;
    }

    /** One request of the plan. */
    public record Batch(Phase phase, Scenario scenario, List<SdkEvent> events) {
        public Batch {
            requireNonNull(phase, "phase is null");
            requireNonNull(scenario, "scenario is null");
            events = List.copyOf(events);
        }
    }

    /** What was sent: requests, events acknowledged and requests that failed for good. */
    public record Sent(long requests, long acknowledged, long failed) {}

    private final List<Batch> batches;
    private final Instant start;
    private final Instant end;

    private BackdatedTraffic(List<Batch> batches, Instant start, Instant end) {
        this.batches = List.copyOf(batches);
        this.start = start;
        this.end = end;
    }

    /**
     * The ad server of back-dated traffic: 3 advertisers, 8 campaigns (2 ads each), 10 publishers,
     * every id prefixed by {@code namespace}; the first campaign draws about 30% of the occurrences.
     */
    public static AdServer adServer(long seed, String namespace, TokenSigner signer) {
        AdCatalog catalog = AdCatalog.generate(3, 8, 2, 10, seed).withNamespace(namespace);
        return new AdServer(catalog, ZipfCampaigns.standard(catalog.campaigns().size()), signer);
    }

    /**
     * Plans {@code occurrences} occurrences of user behaviour between {@code end - SPAN} and {@code
     * end}, drawn with {@code seed} from {@code adServer}'s catalog.
     */
    public static BackdatedTraffic plan(AdServer adServer, long seed, Instant end, int occurrences) {
        requireNonNull(adServer, "adServer is null");
        requireNonNull(end, "end is null");
        if (occurrences < 1) {
            throw new IllegalArgumentException("Invalid occurrences: " + occurrences + " (must be at least 1)");
        }
        return new Planner(adServer, new SplittableRandom(seed), end.truncatedTo(ChronoUnit.MILLIS)).plan(occurrences);
    }

    public List<Batch> batches() {
        return batches;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    /** How many requests the plan sends. */
    public int requests() {
        return batches.size();
    }

    /**
     * Sends the plan phase by phase, retrying a request the edge could not take (no answer, 429,
     * 5xx) a few times, and writes each event's ground truth with its phase.
     */
    public Sent send(EdgeClient client, Optional<GroundTruthWriter> truth, PhaseBarrier barrier, Runnable onRequest)
            throws InterruptedException {
        requireNonNull(client, "client is null");
        requireNonNull(truth, "truth is null");
        requireNonNull(barrier, "barrier is null");
        requireNonNull(onRequest, "onRequest is null");
        long requests = 0;
        long acknowledged = 0;
        long failed = 0;
        Phase phase = Phase.IN_ORDER;
        for (Batch batch : batches) {
            if (batch.phase() != phase) {
                phase = batch.phase();
                barrier.await(phase);
            }
            EdgeRequest.SdkBatch request = new EdgeRequest.SdkBatch(batch.scenario(), batch.events());
            Instant sentAt = Instant.now();
            EdgeResponse response = client.send(request);
            for (int attempt = 1; attempt < MAX_ATTEMPTS && retryable(response); attempt++) {
                Thread.sleep(1000L * attempt);
                sentAt = Instant.now();
                response = client.send(request);
            }
            requests++;
            if (retryable(response)) {
                failed++;
            }
            String phaseName = batch.phase().wireName();
            List<GroundTruthRecord> records = GroundTruthRecord.of(request, response, sentAt).stream()
                    .map(record -> record.inPhase(phaseName))
                    .toList();
            acknowledged +=
                    records.stream().filter(GroundTruthRecord::acknowledged).count();
            truth.ifPresent(writer -> writer.write(records));
            onRequest.run();
        }
        return new Sent(requests, acknowledged, failed);
    }

    private static boolean retryable(EdgeResponse response) {
        return response.status() == 0 || response.status() == 429 || response.status() >= 500;
    }

    /** Draws the occurrences and sorts their events into the phases' batches. */
    private static final class Planner {
        private final AdServer adServer;
        private final SplittableRandom random;
        private final Instant start;
        private final Instant end;
        private final List<SdkEvent> inOrder = new ArrayList<>();
        private final List<SdkEvent> resentInOrder = new ArrayList<>();
        private final List<SdkEvent> reordered = new ArrayList<>();
        private final List<SdkEvent> beyondLateness = new ArrayList<>();

        Planner(AdServer adServer, SplittableRandom random, Instant end) {
            this.adServer = adServer;
            this.random = random;
            this.start = end.minus(SPAN);
            this.end = end;
        }

        BackdatedTraffic plan(int occurrences) {
            long spanMillis = SPAN.minus(REORDER_WINDOW).toMillis();
            List<Instant> times = new ArrayList<>(occurrences);
            for (int i = 0; i < occurrences; i++) {
                times.add(start.plusMillis(random.nextLong(spanMillis)));
            }
            times.sort(Comparator.naturalOrder());
            for (Instant time : times) {
                occurrence(time);
            }
            reorderedPairs();

            List<Batch> batches = new ArrayList<>();
            inOrder.sort(Comparator.comparing(SdkEvent::eventTime));
            for (int from = 0; from < inOrder.size(); from += BATCH_SIZE) {
                List<SdkEvent> chunk = inOrder.subList(from, Math.min(inOrder.size(), from + BATCH_SIZE));
                batches.add(new Batch(Phase.IN_ORDER, Scenario.SDK_BATCH, chunk));
                List<SdkEvent> retried =
                        chunk.stream().filter(resentInOrder::contains).toList();
                if (!retried.isEmpty()) {
                    batches.add(new Batch(Phase.IN_ORDER, Scenario.TRANSPORT_DUPLICATE, retried));
                }
            }
            reordered.sort(Comparator.comparing(SdkEvent::eventTime));
            batches.add(new Batch(Phase.REORDERED, Scenario.DOUBLE_CLICK, reordered));
            beyondLateness.sort(Comparator.comparing(SdkEvent::eventTime));
            for (int from = 0; from < beyondLateness.size(); from += BATCH_SIZE) {
                batches.add(new Batch(
                        Phase.BEYOND_LATENESS,
                        Scenario.LATE_EVENTS,
                        beyondLateness.subList(from, Math.min(beyondLateness.size(), from + BATCH_SIZE))));
            }
            return new BackdatedTraffic(batches, start, end);
        }

        private void occurrence(Instant t) {
            boolean canBeLate = t.isBefore(end.minus(LATE_MARGIN));
            double draw = random.nextDouble();
            Visitor visitor = Visitors.human(random);
            AdServe serve = serve(t);
            if (draw < 0.35) {
                inOrder.add(impression(serve, visitor, t));
            } else if (draw < 0.60) {
                inOrder.add(impression(serve, visitor, t.minusMillis(1000 + random.nextInt(19_000))));
                inOrder.add(click(serve, visitor, t));
            } else if (draw < 0.68) {
                Instant first = withinItsHour(t, Duration.ofMillis(400));
                inOrder.add(impression(serve, visitor, first.minusSeconds(5)));
                inOrder.add(click(serve, visitor, first));
                inOrder.add(click(serve, visitor, first.plusMillis(400)));
            } else if (draw < 0.73) {
                inOrder.add(click(serve, visitor, t));
            } else if (draw < 0.77) {
                AdServe old = AdServer.expectExpired(
                        adServer.serve(random, t.minus(Duration.ofHours(25)).minusSeconds(random.nextLong(47 * 3600))));
                inOrder.add(impression(old, visitor, t.minusSeconds(2)));
                inOrder.add(click(old, visitor, t));
            } else if (draw < 0.80) {
                inOrder.add(click(AdServer.tampered(serve), visitor, t));
            } else if (draw < 0.85) {
                SdkEvent impression = impression(serve, visitor, t.minusSeconds(3));
                SdkEvent click = click(serve, visitor, t);
                inOrder.add(impression);
                inOrder.add(click);
                resentInOrder.add(impression);
                resentInOrder.add(click);
            } else if (draw < 0.87) {
                botBurst(t);
            } else if (draw < 0.92 && canBeLate) {
                beyondLateness.add(impression(serve, visitor, t.minusSeconds(4)));
                beyondLateness.add(click(serve, visitor, t));
            } else if (draw < 0.96 && canBeLate) {
                inOrder.add(impression(serve, visitor, t.minusSeconds(3)));
                beyondLateness.add(click(serve, visitor, t));
                inOrder.add(click(serve, visitor, t.plusSeconds(6)));
            } else if (canBeLate) {
                SdkEvent impression = impression(serve, visitor, t.minusSeconds(2));
                SdkEvent click = click(serve, visitor, t);
                inOrder.add(impression);
                inOrder.add(click);
                beyondLateness.add(impression);
                beyondLateness.add(click);
            } else {
                inOrder.add(impression(serve, visitor, t.minusSeconds(1)));
                inOrder.add(click(serve, visitor, t));
            }
        }

        /**
         * Impressions whose later click is sent in order and whose earlier click is sent after
         * them, within the allowed lateness: across the last hour boundary of the reorder window if
         * there is one, with a token that expires by age between the clicks, and with a token issued
         * too far in the future for the first click.
         */
        private void reorderedPairs() {
            Instant windowStart = end.minus(REORDER_WINDOW);
            Instant boundary = end.minusSeconds(30).truncatedTo(ChronoUnit.HOURS);
            if (boundary.isAfter(windowStart.plusSeconds(30))) {
                reversedDoubleClick(boundary.minusSeconds(2), boundary.plusSeconds(2));
            }
            for (int i = 0; i < 3; i++) {
                Instant first = withinItsHour(inReorderWindow(), Duration.ofSeconds(3));
                reversedDoubleClick(first, first.plusSeconds(3));
            }
            for (int i = 0; i < 2; i++) {
                Instant first = withinItsHour(inReorderWindow(), Duration.ofSeconds(40));
                Visitor visitor = Visitors.human(random);
                Instant issued = first.minus(Duration.ofHours(24)).plusSeconds(20);
                AdServe serve = adServer.serve(random, issued);
                inOrder.add(impression(serve, visitor, first.minusSeconds(5)));
                reordered.add(click(serve, visitor, first));
                inOrder.add(click(AdServer.expectExpired(serve), visitor, first.plusSeconds(40)));
            }
            for (int i = 0; i < 2; i++) {
                Instant first = withinItsHour(
                        end.minus(REORDER_WINDOW).plusSeconds(random.nextLong(180)), Duration.ofMinutes(3));
                Visitor visitor = Visitors.human(random);
                AdServe serve = adServer.serve(random, first.plus(Duration.ofMinutes(7)));
                inOrder.add(impression(AdServer.expectExpired(serve), visitor, first.minusSeconds(5)));
                reordered.add(click(AdServer.expectExpired(serve), visitor, first));
                inOrder.add(click(serve, visitor, first.plus(Duration.ofMinutes(3))));
            }
        }

        private void reversedDoubleClick(Instant first, Instant second) {
            Visitor visitor = Visitors.human(random);
            AdServe serve = serve(first);
            inOrder.add(impression(serve, visitor, first.minusSeconds(5)));
            reordered.add(click(serve, visitor, first));
            inOrder.add(click(serve, visitor, second));
        }

        private void botBurst(Instant t) {
            Visitor bot = Visitors.bot(random);
            Campaign target = serve(t).campaign();
            int clicks = 6 + random.nextInt(7);
            for (int i = 0; i < clicks; i++) {
                Instant at = t.plusMillis(i * 1500L);
                AdServe serve = adServer.serve(target, random, at.minusSeconds(random.nextLong(60)));
                inOrder.add(impression(serve, bot, at.minusMillis(500)));
                inOrder.add(click(serve, bot, at));
            }
        }

        private Instant inReorderWindow() {
            return end.minus(REORDER_WINDOW).plusSeconds(30 + random.nextLong(REORDER_WINDOW.toSeconds() - 120));
        }

        /** {@code t}, or earlier so that {@code t + length} still lies in the same hour. */
        private static Instant withinItsHour(Instant t, Duration length) {
            Instant hourEnd = t.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            Instant latest = hourEnd.minus(length).minusMillis(1);
            return t.isAfter(latest) ? latest : t;
        }

        private AdServe serve(Instant t) {
            return adServer.serve(random, t.minusSeconds(30 + random.nextLong(600)));
        }

        private SdkEvent impression(AdServe serve, Visitor visitor, Instant at) {
            return new SdkEvent(eventId(), EventType.IMPRESSION, at, serve, visitor);
        }

        private SdkEvent click(AdServe serve, Visitor visitor, Instant at) {
            return new SdkEvent(eventId(), EventType.CLICK, at, serve, visitor);
        }

        private String eventId() {
            return "bkd-%016x%08x".formatted(random.nextLong(), random.nextInt());
        }
    }
}
