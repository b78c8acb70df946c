package io.adclick.stream.function;

import io.adclick.schemas.event.EventType;
import io.adclick.stream.model.StreamEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The first step after the watermarks: impressions and clicks whose minute is beyond the allowed
 * lateness go to {@link #LATE} with their {@code events.raw} record (for {@code events.late}); the
 * others continue without it. Conversions are not part of the rollups and stop here.
 *
 * <p>Deciding here, before any shuffle, keeps the record for the late topic; downstream
 * watermarks never run ahead of this operator's, so nothing that passes is too late further on.
 */
public final class LateEventRouter extends ProcessFunction<StreamEvent, StreamEvent> {
    /** Events beyond the allowed lateness, with their records. */
    public static final OutputTag<StreamEvent> LATE = new OutputTag<>("late-events") {};

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
    public void processElement(StreamEvent event, Context ctx, Collector<StreamEvent> out) {
        if (event.eventType == EventType.CONVERSION) {
            return;
        }
        if (Minutes.isBeyondLateness(event.eventTime, ctx.timerService().currentWatermark(), allowedLatenessMillis)) {
            lateEvents.inc();
            ctx.output(LATE, event);
            return;
        }
        event.record = null;
        out.collect(event);
    }
}
