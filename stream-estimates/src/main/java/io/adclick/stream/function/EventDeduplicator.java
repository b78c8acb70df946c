package io.adclick.stream.function;

import io.adclick.stream.model.HashedId;
import io.adclick.stream.model.StreamEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@code event_id} ({@link #KEY}, its {@link HashedId}): passes the first event of each id
 * and drops transport duplicates seen within the TTL (processing time, the only time Flink's state
 * TTL knows).
 */
public final class EventDeduplicator extends KeyedProcessFunction<HashedId, StreamEvent, StreamEvent> {
    /** The key: the 128-bit hash of {@code event_id}, exact in practice (see {@link HashedId}). */
    public static final KeySelector<StreamEvent, HashedId> KEY = event -> HashedId.of(event.eventId);

    private final Duration ttl;
    private transient ValueState<Boolean> seen;
    private transient Counter duplicates;

    public EventDeduplicator(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(RememberedFlag.descriptor("seen", ttl));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateEvents");
    }

    @Override
    public void processElement(StreamEvent event, Context ctx, Collector<StreamEvent> out) throws Exception {
        if (seen.value() != null) {
            duplicates.inc();
            return;
        }
        seen.update(Boolean.TRUE);
        out.collect(event);
    }
}
