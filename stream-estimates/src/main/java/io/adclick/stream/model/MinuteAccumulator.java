package io.adclick.stream.model;

import org.apache.datasketches.theta.UpdateSketch;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The running totals of one salt of one rollup key for one minute, kept in keyed state by
 * {@link io.adclick.stream.function.SaltedMinuteAggregator}; serialized by
 * {@link MinuteAccumulatorSerializer}.
 */
@TypeInfo(MinuteAccumulatorTypeInfo.Factory.class)
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
    /** Whether it changed since it was last emitted. */
    public boolean dirty;

    /** Empty totals that count their users in {@code users}. */
    public MinuteAccumulator(UpdateSketch users) {
        this.users = users;
    }

    /** Counts {@code event} in the totals and marks them changed. */
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
        dirty = true;
    }

    /** The totals as the partial of {@code salt} for the minute starting at {@code minute}. */
    public PartialRollup toPartial(long minute, int salt) {
        PartialRollup partial = new PartialRollup();
        partial.campaignId = campaignId;
        partial.adId = adId;
        partial.publisherId = publisherId;
        partial.country = country;
        partial.device = device;
        partial.advertiserId = advertiserId;
        partial.minute = minute;
        partial.salt = salt;
        partial.impressions = impressions;
        partial.clicks = clicks;
        partial.billableClicks = billableClicks;
        partial.spendMicros = spendMicros;
        partial.usersSketch = UniqueUsers.compact(users);
        return partial;
    }
}
