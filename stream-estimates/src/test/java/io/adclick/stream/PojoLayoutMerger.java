package io.adclick.stream;

import io.adclick.schemas.rollup.MinuteRollup;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Writes the {@link RollupMerger}'s {@code partials} state as the merger did before
 * {@link PartialRollupSerializer}: with Flink's POJO serializer. For tests of the restore.
 */
final class PojoLayoutMerger extends KeyedProcessFunction<String, PartialRollup, MinuteRollup> {
    static final TypeInformation<PartialRollup> POJO_TYPE = Types.POJO(
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

    private transient MapState<Integer, PartialRollup> partials;

    @Override
    public void open(OpenContext openContext) {
        partials = getRuntimeContext().getMapState(new MapStateDescriptor<>("partials", Types.INT, POJO_TYPE));
    }

    @Override
    public void processElement(PartialRollup partial, Context ctx, Collector<MinuteRollup> out) throws Exception {
        partials.put(partial.salt, partial);
    }
}
