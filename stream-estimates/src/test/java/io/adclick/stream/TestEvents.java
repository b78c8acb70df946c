package io.adclick.stream;

import io.adclick.schemas.event.Device;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.IngestSource;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.wire.WireCodecs;
import io.adclick.stream.model.StreamEvent;
import io.adclick.stream.serde.StreamEventDecoder;
import java.time.Instant;
import java.util.Map;

/** Raw events for tests: one campaign, ad and publisher unless told otherwise. */
public final class TestEvents {
    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TestEvents() {}

    public static RawEvent impression(String impressionId, Instant time, String userId) {
        return event(
                EventType.IMPRESSION, "imp:" + impressionId, impressionId, time, userId, "cmp-1", TokenStatus.VALID);
    }

    public static RawEvent click(String eventId, String impressionId, Instant time, String userId) {
        return event(EventType.CLICK, eventId, impressionId, time, userId, "cmp-1", TokenStatus.VALID);
    }

    public static RawEvent expiredClick(String eventId, String impressionId, Instant time, String userId) {
        return event(EventType.CLICK, eventId, impressionId, time, userId, "cmp-1", TokenStatus.EXPIRED);
    }

    public static RawEvent event(
            EventType type,
            String eventId,
            String impressionId,
            Instant time,
            String userId,
            String campaignId,
            TokenStatus tokenStatus) {
        return new RawEvent(
                1,
                type,
                eventId,
                time,
                time.plusMillis(20),
                IngestSource.SDK,
                userId,
                "US",
                Device.MOBILE,
                Map.of(),
                "payload.signature",
                "dev",
                tokenStatus,
                impressionId,
                "adv-1",
                campaignId,
                "ad-1",
                "pub-1",
                cpcOf(impressionId),
                "https://l.example/",
                time.minusSeconds(60),
                null,
                null);
    }

    /** A cost per click that differs between impressions, so that spend checks which clicks billed. */
    /** {@code event} as the job's source reads it from {@code events.raw}: with its record. */
    public static StreamEvent asRead(RawEvent event) {
        return StreamEventDecoder.decode(WireCodecs.RAW_EVENT.encode(event));
    }

    public static long cpcOf(String impressionId) {
        return 100_000 + Math.floorMod(impressionId.hashCode(), 50) * 1_000L;
    }
}
