package io.adclick.stream;

import static io.adclick.stream.TestEvents.T0;

import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic traffic over three minutes: one campaign carries {@link #HOT_SHARE} of the
 * events, nine others share the rest; about 10% clicks (some double clicks, some with expired
 * tokens, each in the minute of its impression) and 5% transport duplicates.
 */
final class TrafficWithAHotKey {
    static final String HOT_CAMPAIGN = "cmp-hot";
    static final double HOT_SHARE = 0.3;

    private TrafficWithAHotKey() {}

    static List<RawEvent> generate(long seed, int count) {
        Random random = new Random(seed);
        List<RawEvent> events = new ArrayList<>(count);
        List<RawEvent> impressions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = T0.plusMillis(i * 180_000L / count);
            double roll = random.nextDouble();
            if (roll < 0.05 && !events.isEmpty()) {
                events.add(events.get(random.nextInt(events.size())));
            } else if (roll < 0.15 && !impressions.isEmpty()) {
                RawEvent shown =
                        impressions.get(impressions.size() - 1 - random.nextInt(Math.min(50, impressions.size())));
                // one token per impression: all its clicks are expired or none
                TokenStatus status = Math.floorMod(shown.impressionId().hashCode(), 20) == 0
                        ? TokenStatus.EXPIRED
                        : TokenStatus.VALID;
                events.add(TestEvents.event(
                        EventType.CLICK,
                        "clk-" + i,
                        shown.impressionId(),
                        time,
                        shown.userId(),
                        shown.campaignId(),
                        status));
            } else {
                String campaign = random.nextDouble() < HOT_SHARE ? HOT_CAMPAIGN : "cmp-" + random.nextInt(9);
                RawEvent shown = TestEvents.event(
                        EventType.IMPRESSION,
                        "imp:i" + i,
                        "i" + i,
                        time,
                        "u" + random.nextInt(400),
                        campaign,
                        TokenStatus.VALID);
                impressions.add(shown);
                events.add(shown);
            }
        }
        return events;
    }

    /**
     * Clicks of one impression stay in its minute: which click of a double click bills depends on
     * arrival order across parallel subtasks, and so would the minute it bills in.
     */
    private static boolean sameMinute(Instant a, Instant b) {
        return a.truncatedTo(ChronoUnit.MINUTES).equals(b.truncatedTo(ChronoUnit.MINUTES));
    }
}
