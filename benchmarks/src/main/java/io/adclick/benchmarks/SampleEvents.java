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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Realistic raw events (real signed tokens, browser user agents) for wire-format measurements. */
final class SampleEvents {
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"
    };
    private static final String[] COUNTRIES = {"US", "DE", "FR", "GB", "BR", "IN", "JP"};

    private SampleEvents() {}

    static List<RawEvent> generate(int count, long seed) {
        return generate(count, seed, Instant.parse("2026-11-23T10:00:00Z"));
    }

    /** {@code count} events in the hour after {@code base}, with tokens issued in the hour before it. */
    static List<RawEvent> generate(int count, long seed, Instant base) {
        Random random = new Random(seed);
        TokenSigner signer = new TokenSigner(SigningKeys.parse(SigningKeys.EMBEDDED_DEFAULT));
        List<RawEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int campaign = random.nextInt(1000);
            AdTokenPayload payload = new AdTokenPayload(
                    1,
                    "dev",
                    "imp-" + UUID.nameUUIDFromBytes(("i" + i).getBytes()),
                    "adv-" + campaign / 50,
                    "cmp-" + campaign,
                    "ad-" + campaign + "-" + random.nextInt(5),
                    "pub-" + random.nextInt(300),
                    10_000 + random.nextInt(2_000_000),
                    "https://landing.example/campaign/" + campaign + "?utm_source=adclick",
                    base.getEpochSecond() - random.nextInt(3600));
            Instant eventTime = base.plusMillis(random.nextInt(3_600_000));
            EventEnvelope envelope = new EventEnvelope(
                    1,
                    random.nextInt(10) == 0 ? EventType.CLICK : EventType.IMPRESSION,
                    "evt-" + UUID.nameUUIDFromBytes(("e" + i).getBytes()),
                    eventTime,
                    signer.sign(payload),
                    "u-" + random.nextInt(1_000_000),
                    COUNTRIES[random.nextInt(COUNTRIES.length)],
                    Device.values()[random.nextInt(4)],
                    Map.of("placement", "feed"));
            events.add(RawEvent.of(
                    envelope,
                    payload,
                    TokenStatus.VALID,
                    eventTime.plusMillis(random.nextInt(500)),
                    IngestSource.SDK,
                    "198.51.100." + random.nextInt(255),
                    USER_AGENTS[random.nextInt(USER_AGENTS.length)]));
        }
        return events;
    }
}
