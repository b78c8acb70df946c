package io.adclick.stream;

import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The estimate rules written out plainly, independent of the job: per rollup key, distinct
 * impressions and clicks by event id, billable = first click of its impression (in input order)
 * with a valid token, spend = sum of their cpc, exact distinct users.
 */
final class ExpectedRollups {
    static final class Totals {
        long impressions;
        long clicks;
        long billableClicks;
        long spendMicros;
        final Set<String> users = new HashSet<>();

        @Override
        public String toString() {
            return "impressions=%d clicks=%d billable=%d spend=%d users=%d"
                    .formatted(impressions, clicks, billableClicks, spendMicros, users.size());
        }
    }

    private ExpectedRollups() {}

    static Map<String, Totals> of(Iterable<RawEvent> events) {
        Set<String> seenEvents = new HashSet<>();
        Set<String> clickedImpressions = new HashSet<>();
        Map<String, Totals> totals = new TreeMap<>();
        for (RawEvent e : events) {
            if (e.eventType() == EventType.CONVERSION || !seenEvents.add(e.eventId())) {
                continue;
            }
            Totals t = totals.computeIfAbsent(key(e), k -> new Totals());
            if (e.userId() != null) {
                t.users.add(e.userId());
            }
            if (e.eventType() == EventType.IMPRESSION) {
                t.impressions++;
                continue;
            }
            t.clicks++;
            if (clickedImpressions.add(e.impressionId()) && e.tokenStatus() == TokenStatus.VALID) {
                t.billableClicks++;
                t.spendMicros += e.cpcMicros();
            }
        }
        return totals;
    }

    static String key(RawEvent e) {
        Instant minute = e.eventTime().truncatedTo(ChronoUnit.MINUTES);
        return String.join(
                "|",
                e.campaignId(),
                e.adId(),
                e.publisherId(),
                e.country(),
                e.device().wireName(),
                minute.toString());
    }
}
