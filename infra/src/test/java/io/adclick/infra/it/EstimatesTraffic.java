package io.adclick.infra.it;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.traffic.AdCatalog;
import io.adclick.infra.traffic.AdServe;
import io.adclick.infra.traffic.AdServer;
import io.adclick.infra.traffic.Campaign;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.infra.traffic.Visitor;
import io.adclick.infra.traffic.Visitors;
import io.adclick.infra.traffic.ZipfCampaigns;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * SDK traffic of its own campaigns for the stream estimates test, in the {@code MINUTES} whole
 * minutes before the plan (closed by the wall clock, well inside the job's allowed lateness): views
 * with clicks, double clicks (a second click of the same impression, in the same minute, so that
 * "first click by arrival" decides which click is billable but never how many per campaign-minute),
 * tokens expired at the event, clicks whose impression never arrived (the stream counts them, the
 * truth does not), and batches sent twice (transport duplicates, byte for byte).
 */
final class EstimatesTraffic {
    static final String NAMESPACE = "stream-it-";
    static final int MINUTES = 3;
    private static final int EVENTS_PER_BATCH = 40;

    private final List<SdkBatch> batches;
    private final Set<String> campaignIds;
    private final Instant firstMinute;

    private EstimatesTraffic(List<SdkBatch> batches, Set<String> campaignIds, Instant firstMinute) {
        this.batches = List.copyOf(batches);
        this.campaignIds = Set.copyOf(campaignIds);
        this.firstMinute = requireNonNull(firstMinute, "firstMinute is null");
    }

    /** {@code views} ad views before {@code now}; a third clicked, a tenth of those twice, a tenth expired. */
    static EstimatesTraffic plan(long seed, Instant now, int views) {
        return plan(NAMESPACE, seed, now, views);
    }

    /** Like {@link #plan(long, Instant, int)}, with campaigns under {@code namespace} (tests sharing a stack differ). */
    static EstimatesTraffic plan(String namespace, long seed, Instant now, int views) {
        SplittableRandom random = new SplittableRandom(seed);
        AdCatalog catalog = AdCatalog.generate(4, 20, 2, 5, seed).withNamespace(namespace);
        AdServer adServer =
                new AdServer(catalog, ZipfCampaigns.standard(20), new TokenSigner(SigningKeys.fromEnvironment()));
        Instant firstMinute = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES));
        List<SdkEvent> events = new ArrayList<>();
        for (int v = 0; v < views; v++) {
            Instant viewedAt = firstMinute.plusMillis(random.nextLong(MINUTES * 60_000L - 10_000));
            boolean expired = random.nextInt(10) == 0;
            AdServe serve = expired
                    ? AdServer.expectExpired(adServer.serve(random, viewedAt.minus(Duration.ofHours(26))))
                    : adServer.serve(random, viewedAt.minusSeconds(30));
            Visitor visitor = Visitors.human(random);
            SdkEvent impression = event(random, EventType.IMPRESSION, viewedAt, serve, visitor);
            boolean clicked = random.nextInt(3) == 0;
            if (!clicked || random.nextInt(25) != 0) {
                events.add(impression); // else a click without its impression: the truth does not bill it
            }
            if (clicked) {
                Instant clickedAt = viewedAt.plusMillis(random.nextLong(4_000));
                events.add(event(random, EventType.CLICK, clickedAt, serve, visitor));
                if (random.nextInt(10) == 0) {
                    Instant minuteEnd =
                            clickedAt.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
                    Instant again = clickedAt.plusMillis(500);
                    events.add(event(
                            random, EventType.CLICK, again.isBefore(minuteEnd) ? again : clickedAt, serve, visitor));
                }
            }
        }
        Collections.shuffle(events, new Random(random.nextLong()));
        List<SdkBatch> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); from += EVENTS_PER_BATCH) {
            batches.add(new SdkBatch(
                    Scenario.SDK_BATCH, events.subList(from, Math.min(events.size(), from + EVENTS_PER_BATCH))));
        }
        List<SdkBatch> resent =
                batches.stream().filter(b -> random.nextInt(5) == 0).toList();
        batches.addAll(resent);
        Collections.shuffle(batches, new Random(random.nextLong()));
        Set<String> campaignIds = catalog.campaigns().stream().map(Campaign::id).collect(Collectors.toSet());
        return new EstimatesTraffic(batches, campaignIds, firstMinute);
    }

    /** The batches cut into {@code count} consecutive parts of about the same size. */
    List<List<SdkBatch>> parts(int count) {
        List<List<SdkBatch>> parts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            parts.add(batches.subList(p * batches.size() / count, (p + 1) * batches.size() / count));
        }
        return parts;
    }

    int requests() {
        return batches.size();
    }

    boolean isOurs(String campaignId) {
        return campaignIds.contains(campaignId);
    }

    /** When the first minute of the traffic starts. */
    Instant start() {
        return firstMinute;
    }

    /** When the last minute of the traffic ends. */
    Instant end() {
        return firstMinute.plus(Duration.ofMinutes(MINUTES));
    }

    /**
     * Impressions of another campaign happening now, with enough event ids to land on every
     * partition of {@code events.raw}: they move the job's watermark past the traffic's minutes,
     * as later traffic would, so those minutes close.
     */
    static SdkBatch watermarkAdvance(long seed, Instant now) {
        return impressions(NAMESPACE + "clock-", seed, now, 60);
    }

    /** {@code count} impressions of a campaign under {@code namespace}, all happening {@code at}, in one batch. */
    static SdkBatch impressions(String namespace, long seed, Instant at, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        AdCatalog catalog = AdCatalog.generate(1, 2, 1, 1, seed).withNamespace(namespace);
        AdServer adServer =
                new AdServer(catalog, ZipfCampaigns.standard(2), new TokenSigner(SigningKeys.fromEnvironment()));
        List<SdkEvent> events = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            events.add(event(
                    random,
                    EventType.IMPRESSION,
                    at,
                    adServer.serve(random, at.minusSeconds(30)),
                    Visitors.human(random)));
        }
        return new SdkBatch(Scenario.SDK_BATCH, events);
    }

    private static SdkEvent event(SplittableRandom random, EventType type, Instant at, AdServe serve, Visitor visitor) {
        return new SdkEvent("sit-%016x".formatted(random.nextLong()), type, at, serve, visitor);
    }
}
