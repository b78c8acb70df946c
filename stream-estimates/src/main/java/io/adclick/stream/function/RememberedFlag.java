package io.adclick.stream.function;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/** A keyed "seen it" flag that is forgotten a TTL (processing time) after it was set. */
final class RememberedFlag {
    private RememberedFlag() {}

    static ValueStateDescriptor<Boolean> descriptor(String name, Duration ttl) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>(name, Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        return descriptor;
    }
}
