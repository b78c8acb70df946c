package io.adclick.stream.model;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Totals of one rollup key and minute: what one subtask of
 * {@link io.adclick.stream.function.MinutePreAggregator} counted since its last flush (a delta), and
 * the running totals that {@link io.adclick.stream.function.MinuteAggregator} keeps in keyed state.
 * Serialized by {@link PartialRollupSerializer}.
 */
@TypeInfo(PartialRollupTypeInfo.Factory.class)
public class PartialRollup {
    public String campaignId;
    public String adId;
    public String publisherId;
    public String country;
    public String device;
    public String advertiserId;
    public long minute;
    public long impressions;
    public long clicks;
    public long billableClicks;
    public long spendMicros;
    /** A serialized compact Theta sketch of the users. */
    public byte[] usersSketch;

    public PartialRollup() {}

    /** Adds {@code other}'s totals and users to these. */
    public void add(PartialRollup other, int sketchLgNominalEntries) {
        impressions += other.impressions;
        clicks += other.clicks;
        billableClicks += other.billableClicks;
        spendMicros += other.spendMicros;
        usersSketch = UniqueUsers.union(List.of(usersSketch, other.usersSketch), sketchLgNominalEntries)
                .toByteArray();
    }

    /** How many events these totals count. */
    public long events() {
        return impressions + clicks;
    }

    /** {@code campaign|ad|publisher|country|device}: the rollup key without its minute. */
    public String dimensionKey() {
        return dimensionKey(campaignId, adId, publisherId, country, device);
    }

    /** The rollup key without its minute, of these dimensions (device by its wire name). */
    public static String dimensionKey(
            String campaignId, String adId, String publisherId, String country, String device) {
        return String.join("|", campaignId, adId, publisherId, country, device);
    }

    /** A hash of the dimensions, the same in every JVM, without building {@link #dimensionKey()}. */
    public int dimensionKeyHash() {
        int hash = campaignId.hashCode();
        hash = 31 * hash + adId.hashCode();
        hash = 31 * hash + publisherId.hashCode();
        hash = 31 * hash + country.hashCode();
        return 31 * hash + device.hashCode();
    }
}
