package io.adclick.stream.model;

import static io.adclick.stream.TestEvents.T0;

import io.adclick.schemas.event.Device;
import java.util.List;
import org.apache.datasketches.theta.UpdateSketch;

/** Partial rollups for tests: one rollup key in the minute of {@code T0}. */
public final class PartialRollups {
    private PartialRollups() {}

    /** A partial with these totals and a sketch of {@code users}. */
    public static PartialRollup partial(
            long impressions, long clicks, long billableClicks, long spendMicros, List<String> users) {
        PartialRollup p = new PartialRollup();
        p.campaignId = "cmp-1";
        p.adId = "ad-1";
        p.publisherId = "pub-1";
        p.country = "US";
        p.device = Device.MOBILE.wireName();
        p.advertiserId = "adv-1";
        p.minute = T0.toEpochMilli();
        p.impressions = impressions;
        p.clicks = clicks;
        p.billableClicks = billableClicks;
        p.spendMicros = spendMicros;
        UpdateSketch sketch = UniqueUsers.newSketch(12);
        users.forEach(sketch::update);
        p.usersSketch = UniqueUsers.compact(sketch);
        return p;
    }
}
