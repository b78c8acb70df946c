package io.adclick.stream.model;

import org.apache.datasketches.theta.UpdateSketch;

/**
 * The totals of one rollup key and minute that a subtask of
 * {@link io.adclick.stream.function.MinutePreAggregator} counts on its heap between flushes.
 */
public final class MinuteAccumulator {
    String campaignId;
    String adId;
    String publisherId;
    String country;
    String device;
    String advertiserId;
    long impressions;
    long clicks;
    long billableClicks;
    long spendMicros;
    UpdateSketch users;

    /** Empty totals that count their users in {@code users}. */
    public MinuteAccumulator(UpdateSketch users) {
        this.users = users;
    }

    /** Counts {@code event} in the totals. */
    public void add(StreamEvent event) {
        if (campaignId == null) {
            campaignId = event.campaignId;
            adId = event.adId;
            publisherId = event.publisherId;
            country = event.country;
            device = event.device;
            advertiserId = event.advertiserId;
        }
        if (event.isClick()) {
            clicks++;
            if (event.billable) {
                billableClicks++;
                spendMicros += event.cpcMicros;
            }
        } else {
            impressions++;
        }
        if (event.userId != null) {
            users.update(event.userId);
        }
    }

    /** The totals as the partial of the minute starting at {@code minute}. */
    public PartialRollup toPartial(long minute) {
        PartialRollup partial = new PartialRollup();
        partial.campaignId = campaignId;
        partial.adId = adId;
        partial.publisherId = publisherId;
        partial.country = country;
        partial.device = device;
        partial.advertiserId = advertiserId;
        partial.minute = minute;
        partial.impressions = impressions;
        partial.clicks = clicks;
        partial.billableClicks = billableClicks;
        partial.spendMicros = spendMicros;
        partial.usersSketch = UniqueUsers.compact(users);
        return partial;
    }
}
