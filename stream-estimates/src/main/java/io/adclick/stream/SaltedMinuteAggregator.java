package io.adclick.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The first, salted phase of the minute rollups, keyed by {@link SaltedKey}: 1-minute tumbling
 * event-time windows with allowed lateness, built on keyed state and timers so that updates are
 * <b>coalesced</b>. A minute's partial is emitted once when the watermark passes its end, then at
 * most once per watermark advance while late events (within the lateness) change it, never once
 * per late event.
 *
 * <p>The minutes closed so far are remembered in checkpointed state, so an event of a closed
 * minute is dropped (and counted) even right after a restore, when the watermark starts over from
 * its minimum; a fresh partial would otherwise replace the minute's full totals downstream.
 */
public final class SaltedMinuteAggregator extends KeyedProcessFunction<String, StreamEvent, PartialRollup> {
    private final long allowedLatenessMillis;
    private final int sketchLgNominalEntries;

    private transient MapState<Long, MinuteAccumulator> openMinutes;
    private transient ValueState<Long> closedThrough;
    private transient Counter droppedClosedMinute;

    public SaltedMinuteAggregator(long allowedLatenessMillis, int sketchLgNominalEntries) {
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.sketchLgNominalEntries = sketchLgNominalEntries;
    }

    @Override
    public void open(OpenContext openContext) {
        openMinutes = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("open-minutes", Types.LONG, MinuteAccumulatorTypeInfo.INSTANCE));
        closedThrough = getRuntimeContext().getState(new ValueStateDescriptor<>("closed-through", Types.LONG));
        droppedClosedMinute = getRuntimeContext().getMetricGroup().counter("droppedEventsOfClosedMinutes");
    }

    @Override
    public void processElement(StreamEvent event, Context ctx, Collector<PartialRollup> out) throws Exception {
        long minute = Minutes.start(event.eventTime);
        long watermark = ctx.timerService().currentWatermark();
        Long closed = closedThrough.value();
        if (Minutes.isBeyondLateness(event.eventTime, watermark, allowedLatenessMillis)
                || (closed != null && minute <= closed)) {
            droppedClosedMinute.inc();
            return;
        }
        MinuteAccumulator accumulator = openMinutes.get(minute);
        if (accumulator == null) {
            accumulator = new MinuteAccumulator(UniqueUsers.newSketch(sketchLgNominalEntries));
            ctx.timerService().registerEventTimeTimer(Minutes.closesAt(minute, allowedLatenessMillis));
        }
        if (!accumulator.dirty) {
            ctx.timerService().registerEventTimeTimer(nextFiring(minute, watermark));
        }
        accumulator.add(event);
        openMinutes.put(minute, accumulator);
    }

    /** When an update of {@code minute} is emitted: at its end, or at the next watermark if it ended. */
    private static long nextFiring(long minute, long watermark) {
        long end = Minutes.maxTimestamp(minute);
        return end > watermark ? end : watermark + 1;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PartialRollup> out) throws Exception {
        int salt = SaltedKey.saltOf(ctx.getCurrentKey());
        List<Long> toClose = new ArrayList<>();
        List<Map.Entry<Long, MinuteAccumulator>> toEmit = new ArrayList<>();
        for (Map.Entry<Long, MinuteAccumulator> entry : openMinutes.entries()) {
            long minute = entry.getKey();
            if (entry.getValue().dirty && Minutes.maxTimestamp(minute) <= timestamp) {
                toEmit.add(entry);
            }
            if (Minutes.closesAt(minute, allowedLatenessMillis) <= timestamp) {
                toClose.add(minute);
            }
        }
        for (Map.Entry<Long, MinuteAccumulator> entry : toEmit) {
            MinuteAccumulator accumulator = entry.getValue();
            out.collect(accumulator.toPartial(entry.getKey(), salt));
            accumulator.dirty = false;
            openMinutes.put(entry.getKey(), accumulator);
        }
        for (long minute : toClose) {
            openMinutes.remove(minute);
            Long closed = closedThrough.value();
            if (closed == null || minute > closed) {
                closedThrough.update(minute);
            }
        }
    }
}
