package io.adclick.stream.function;

import io.adclick.stream.model.HashedId;
import io.adclick.stream.model.StreamEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@code impression_id} ({@link #KEY}, its {@link HashedId}): marks the first click of
 * each impression billable unless its token was expired; later clicks (double clicks) pass as not
 * billable, impressions pass as they are.
 */
public final class FirstClickMarker extends KeyedProcessFunction<HashedId, StreamEvent, StreamEvent> {
    /** The key: the 128-bit hash of {@code impression_id}, exact in practice (see {@link HashedId}). */
    public static final KeySelector<StreamEvent, HashedId> KEY = event -> HashedId.of(event.impressionId);

    private final Duration ttl;
    private transient ValueState<Boolean> clicked;

    public FirstClickMarker(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        clicked = getRuntimeContext().getState(RememberedFlag.descriptor("clicked", ttl));
    }

    @Override
    public void processElement(StreamEvent event, Context ctx, Collector<StreamEvent> out) throws Exception {
        if (!event.isClick()) {
            out.collect(event);
            return;
        }
        boolean first = clicked.value() == null;
        if (first) {
            clicked.update(Boolean.TRUE);
        }
        event.billable = first && !event.tokenExpired;
        out.collect(event);
    }
}
