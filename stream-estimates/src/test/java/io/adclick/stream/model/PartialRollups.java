package io.adclick.stream.model;

import static io.adclick.stream.TestEvents.T0;

import io.adclick.schemas.event.Device;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.theta.UpdateSketch;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Partial rollups for tests: one rollup key in the minute of {@code T0}. */
public final class PartialRollups {
    /** The POJO layout that Flink's POJO serializer wrote for {@link PartialRollup} before {@link PartialRollupSerializer}. */
    public static final TypeInformation<PartialRollup> POJO_TYPE = Types.POJO(
            PartialRollup.class,
            Map.ofEntries(
                    Map.entry("campaignId", Types.STRING),
                    Map.entry("adId", Types.STRING),
                    Map.entry("publisherId", Types.STRING),
                    Map.entry("country", Types.STRING),
                    Map.entry("device", Types.STRING),
                    Map.entry("advertiserId", Types.STRING),
                    Map.entry("minute", Types.LONG),
                    Map.entry("salt", Types.INT),
                    Map.entry("impressions", Types.LONG),
                    Map.entry("clicks", Types.LONG),
                    Map.entry("billableClicks", Types.LONG),
                    Map.entry("spendMicros", Types.LONG),
                    Map.entry("usersSketch", Types.PRIMITIVE_ARRAY(Types.BYTE)),
                    Map.entry("provisional", Types.BOOLEAN)));

    private PartialRollups() {}

    /** The partial of {@code salt} with these totals and a sketch of {@code users}. */
    public static PartialRollup partial(
            int salt, long impressions, long clicks, long billableClicks, long spendMicros, List<String> users) {
        PartialRollup p = new PartialRollup();
        p.campaignId = "cmp-1";
        p.adId = "ad-1";
        p.publisherId = "pub-1";
        p.country = "US";
        p.device = Device.MOBILE.wireName();
        p.advertiserId = "adv-1";
        p.minute = T0.toEpochMilli();
        p.salt = salt;
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
