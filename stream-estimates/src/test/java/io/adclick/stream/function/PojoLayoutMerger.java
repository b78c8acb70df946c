package io.adclick.stream.function;

import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.PartialRollupSerializer;
import io.adclick.stream.model.PartialRollups;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Writes the {@link RollupMerger}'s {@code partials} state as the merger did before
 * {@link PartialRollupSerializer}: with Flink's POJO serializer. For tests of the restore.
 */
final class PojoLayoutMerger extends KeyedProcessFunction<String, PartialRollup, MinuteRollup> {
    private transient MapState<Integer, PartialRollup> partials;

    @Override
    public void open(OpenContext openContext) {
        partials = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("partials", Types.INT, PartialRollups.POJO_TYPE));
    }

    @Override
    public void processElement(PartialRollup partial, Context ctx, Collector<MinuteRollup> out) throws Exception {
        partials.put(partial.salt, partial);
    }
}
