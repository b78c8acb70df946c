package io.adclick.stream.function;

import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.RawEvent;
import io.adclick.stream.model.StreamEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The first step after the watermarks: impressions and clicks whose minute is beyond the allowed
 * lateness go to {@link #LATE} unchanged (for {@code events.late}); the others continue as
 * {@link StreamEvent}s. Conversions are not part of the rollups and stop here.
 *
 * <p>Deciding here, before any shuffle, keeps the whole raw event for the late topic; downstream
 * watermarks never run ahead of this operator's, so nothing that passes is too late further on.
 */
public final class LateEventRouter extends ProcessFunction<RawEvent, StreamEvent> {
    /** Events beyond the allowed lateness. */
    public static final OutputTag<RawEvent> LATE = new OutputTag<>("late-events") {};

    private final long allowedLatenessMillis;
    private transient Counter lateEvents;

    public LateEventRouter(long allowedLatenessMillis) {
        this.allowedLatenessMillis = allowedLatenessMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        lateEvents = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(RawEvent event, Context ctx, Collector<StreamEvent> out) {
        if (event.eventType() == EventType.CONVERSION) {
            return;
        }
        long timestamp = event.eventTime().toEpochMilli();
        if (Minutes.isBeyondLateness(timestamp, ctx.timerService().currentWatermark(), allowedLatenessMillis)) {
            lateEvents.inc();
            ctx.output(LATE, event);
            return;
        }
        out.collect(StreamEvent.of(event));
    }
}
