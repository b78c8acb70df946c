package io.adclick.infra.it;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.traffic.AdServe.ExpectedToken;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.rollup.MinuteRollup;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The stream's estimate figures summed per campaign and minute. */
final class CampaignMinuteTotals {
    /** One campaign's minute. */
    record CampaignMinute(String campaignId, Instant minute) implements Comparable<CampaignMinute> {
        CampaignMinute {
            requireNonNull(campaignId, "campaignId is null");
            requireNonNull(minute, "minute is null");
        }

        @Override
        public int compareTo(CampaignMinute other) {
            int byMinute = minute.compareTo(other.minute);
            return byMinute != 0 ? byMinute : campaignId.compareTo(other.campaignId);
        }
    }

    /** The figures of one campaign-minute. */
    record Totals(long impressions, long clicks, long billableClicks, long spendMicros) {
        static final Totals ZERO = new Totals(0, 0, 0, 0);

        Totals plus(Totals other) {
            return new Totals(
                    impressions + other.impressions,
                    clicks + other.clicks,
                    billableClicks + other.billableClicks,
                    spendMicros + other.spendMicros);
        }
    }

    private CampaignMinuteTotals() {}

    /**
     * The estimates the stream must reach, computed here from the acknowledged events alone: one
     * event per {@code event_id}; a click is billable when it is the first of its impression and its
     * token was not expired; spend is the sum of the billable clicks' price.
     */
    static Map<CampaignMinute, Totals> expected(Collection<SdkEvent> acknowledged) {
        Map<String, SdkEvent> byEventId = new LinkedHashMap<>();
        acknowledged.forEach(event -> byEventId.putIfAbsent(event.eventId(), event));
        Set<String> billedImpressions = new HashSet<>();
        Map<CampaignMinute, Totals> totals = new TreeMap<>();
        for (SdkEvent event : byEventId.values()) {
            Totals figures;
            if (event.type() == EventType.IMPRESSION) {
                figures = new Totals(1, 0, 0, 0);
            } else if (event.type() == EventType.CLICK) {
                boolean billable = event.serve().expectedStatus() == ExpectedToken.VALID
                        && billedImpressions.add(event.serve().impressionId());
                figures =
                        billable ? new Totals(0, 1, 1, event.serve().campaign().cpcMicros()) : new Totals(0, 1, 0, 0);
            } else {
                continue;
            }
            CampaignMinute key = new CampaignMinute(
                    event.serve().campaign().id(), event.eventTime().truncatedTo(ChronoUnit.MINUTES));
            totals.merge(key, figures, Totals::plus);
        }
        return totals;
    }

    /** The sums over the latest revision of each rollup key. */
    static Map<CampaignMinute, Totals> of(Collection<MinuteRollup> latestRevisions) {
        Map<CampaignMinute, Totals> totals = new TreeMap<>();
        for (MinuteRollup rollup : latestRevisions) {
            totals.merge(
                    new CampaignMinute(rollup.campaignId(), rollup.minute()),
                    new Totals(rollup.impressions(), rollup.clicks(), rollup.billableClicks(), rollup.spendMicros()),
                    Totals::plus);
        }
        return totals;
    }
}
