package io.adclick.benchmarks;

import io.adclick.schemas.event.Device;
import io.adclick.schemas.event.EventEnvelope;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.IngestSource;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.token.AdTokenPayload;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The backlog of the stream benchmark, drawn from a seed: impressions over the catalog of
 * {@code adclick up}'s traffic (200 campaigns, Zipf-like, 3 ads each, 50 publishers), a tenth of
 * them clicked (one in twenty twice), one event in a hundred sent twice (the same event id), event
 * times advancing at {@code eventsPerSecond} of event time with up to 2 s of disorder, so that
 * minutes close as they would live.
 */
final class StreamBacklog {
    private static final String[] COUNTRIES = {"US", "DE", "FR", "GB", "BR", "IN", "JP"};
    private static final String USER_AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    private final Random random;
    private final TokenSigner signer = new TokenSigner(SigningKeys.parse(SigningKeys.EMBEDDED_DEFAULT));
    private final Instant start;
    private final double eventsPerSecond;
    private final String runId;
    private final ArrayDeque<RawEvent> queued = new ArrayDeque<>();
    private long sent;
    private long impressions;

    StreamBacklog(long seed, Instant start, double eventsPerSecond) {
        this.random = new Random(seed);
        this.start = start;
        this.eventsPerSecond = eventsPerSecond;
        this.runId = Long.toHexString(seed);
    }

    /** The next event of the backlog. */
    RawEvent next() {
        if (queued.isEmpty()) {
            RawEvent impression = impression();
            queued.add(impression);
            if (random.nextInt(10) == 0) {
                queued.add(click(impression));
                if (random.nextInt(20) == 0) {
                    queued.add(click(impression));
                }
            }
        }
        RawEvent event = queued.poll();
        if (random.nextInt(100) == 0) {
            queued.addFirst(event);
        }
        sent++;
        return event;
    }

    private RawEvent impression() {
        long n = impressions++;
        int campaign = zipfCampaign();
        AdTokenPayload payload = new AdTokenPayload(
                1,
                "dev",
                "imp-" + runId + "-" + n,
                "adv-" + campaign / 10,
                "cmp-" + campaign,
                "ad-" + campaign + "-" + random.nextInt(3),
                "pub-" + random.nextInt(50),
                10_000 + random.nextInt(2_000_000),
                "https://landing.example/campaign/" + campaign,
                start.getEpochSecond() - 60);
        return event(EventType.IMPRESSION, payload);
    }

    private RawEvent click(RawEvent impression) {
        AdTokenPayload payload = new AdTokenPayload(
                1,
                "dev",
                impression.impressionId(),
                impression.advertiserId(),
                impression.campaignId(),
                impression.adId(),
                impression.publisherId(),
                impression.cpcMicros(),
                impression.landingUrl(),
                start.getEpochSecond() - 60);
        return event(EventType.CLICK, payload);
    }

    private RawEvent event(EventType type, AdTokenPayload payload) {
        Instant eventTime = start.plusMillis((long) (sent * 1000 / eventsPerSecond) - random.nextInt(2_000));
        EventEnvelope envelope = new EventEnvelope(
                1,
                type,
                "evt-" + new UUID(random.nextLong(), random.nextLong()),
                eventTime,
                signer.sign(payload),
                "u-" + random.nextInt(2_000_000),
                COUNTRIES[random.nextInt(COUNTRIES.length)],
                Device.values()[random.nextInt(4)],
                Map.of());
        return RawEvent.of(
                envelope,
                payload,
                TokenStatus.VALID,
                eventTime.plusMillis(random.nextInt(500)),
                IngestSource.SDK,
                "198.51.100." + random.nextInt(255),
                USER_AGENT);
    }

    /** Campaign {@code k} with probability about proportional to {@code 1 / (k + 1)}, of 200. */
    private int zipfCampaign() {
        return (int) Math.min(199, Math.floor(Math.exp(random.nextDouble() * Math.log(201)) - 1));
    }
}
