package io.adclick.stream.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The totals of one salt of one rollup key and minute, as of one firing of
 * {@link io.adclick.stream.function.SaltedMinuteAggregator}: the whole partial so far, not a
 * delta, so that the merger can replace the salt's previous value. Serialized by
 * {@link PartialRollupSerializer}.
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
    public int salt;
    public long impressions;
    public long clicks;
    public long billableClicks;
    public long spendMicros;
    /** A serialized compact Theta sketch of the users. */
    public byte[] usersSketch;
    /** Emitted by an early firing, while the minute was open: not the salt's final partial. */
    public boolean provisional;

    public PartialRollup() {}

    /** The key of the merging phase: {@code campaign|ad|publisher|country|device|minute-millis}. */
    public String mergeKey() {
        return String.join("|", campaignId, adId, publisherId, country, device, Long.toString(minute));
    }
}
