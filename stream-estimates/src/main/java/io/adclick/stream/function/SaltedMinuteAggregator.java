package io.adclick.stream.function;

import static java.util.Objects.requireNonNull;

import io.adclick.stream.model.MinuteAccumulator;
import io.adclick.stream.model.MinuteAccumulatorTypeInfo;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.StreamEvent;
import io.adclick.stream.model.UniqueUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The first, salted phase of the minute rollups, keyed by {@link SaltedKey}: 1-minute tumbling
 * event-time windows with allowed lateness, built on keyed state and timers so that updates are
 * <b>coalesced</b>. A minute's partial is emitted once when the watermark passes its end, then at
 * most once per watermark advance while late events (within the lateness) change it, never once
 * per late event.
 *
 * <p>An update also fires after {@code updateMaxDelayMillis} of processing time if no watermark
 * advance came first: after a quiet period (idle sources) the watermark may not move for a long
 * time, and a correction must not wait for the next traffic.
 *
 * <p>While a minute is open (the watermark has not passed its end), its partial is also emitted at
 * the key's next early firing (see {@link EarlyFirings}), marked provisional, if it changed since
 * it was last emitted: at most once per early-fire interval, and only for the keys with new events.
 * The firing at the watermark then emits the partial only if it changed since its early one; the
 * merger owes the final revision either way.
 *
 * <p>The minutes closed so far are remembered in checkpointed state, so an event of a closed
 * minute is dropped (and counted) even right after a restore, when the watermark starts over from
 * its minimum; a fresh partial would otherwise replace the minute's full totals downstream.
 */
public final class SaltedMinuteAggregator extends KeyedProcessFunction<String, StreamEvent, PartialRollup> {
    private final long allowedLatenessMillis;
    private final int sketchLgNominalEntries;
    private final long updateMaxDelayMillis;
    private final Duration closedMinutesTtl;
    private final EarlyFirings earlyFirings;

    private transient MapState<Long, MinuteAccumulator> openMinutes;
    private transient ValueState<Long> closedThrough;
    private transient Counter droppedClosedMinute;

    /**
     * @param closedMinutesTtl how long (processing time) a key remembers which minutes it closed; the
     *     pipeline uses the dedup TTL, as long as it remembers event ids
     * @param earlyFireIntervalMillis how often an open minute's changed partial is emitted, 0 for never
     */
    public SaltedMinuteAggregator(
            long allowedLatenessMillis,
            int sketchLgNominalEntries,
            long updateMaxDelayMillis,
            Duration closedMinutesTtl,
            long earlyFireIntervalMillis) {
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.sketchLgNominalEntries = sketchLgNominalEntries;
        this.updateMaxDelayMillis = updateMaxDelayMillis;
        this.closedMinutesTtl = requireNonNull(closedMinutesTtl, "closedMinutesTtl is null");
        this.earlyFirings = new EarlyFirings(earlyFireIntervalMillis, 0);
    }

    @Override
    public void open(OpenContext openContext) {
        openMinutes = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("open-minutes", Types.LONG, MinuteAccumulatorTypeInfo.INSTANCE));
        ValueStateDescriptor<Long> closed = new ValueStateDescriptor<>("closed-through", Types.LONG);
        closed.enableTimeToLive(StateTtlConfig.newBuilder(closedMinutesTtl).build());
        closedThrough = getRuntimeContext().getState(closed);
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
            long firing = nextFiring(minute, watermark);
            ctx.timerService().registerEventTimeTimer(firing);
            long now = ctx.timerService().currentProcessingTime();
            if (firing > Minutes.maxTimestamp(minute)) {
                ctx.timerService().registerProcessingTimeTimer(earlyFirings.notAFiring(now + updateMaxDelayMillis));
            } else if (earlyFirings.enabled()) {
                ctx.timerService().registerProcessingTimeTimer(earlyFirings.next(now));
            }
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
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            if (earlyFirings.isFiring(timestamp)) {
                emitOpenMinutes(ctx.timerService().currentWatermark(), ctx, out);
            } else {
                emitUpdates(ctx.timerService().currentWatermark(), ctx, out);
            }
            return;
        }
        emitUpdates(timestamp, ctx, out);
        closeMinutes(timestamp);
    }

    /** Emits every changed minute that ended by {@code time}. */
    private void emitUpdates(long time, OnTimerContext ctx, Collector<PartialRollup> out) throws Exception {
        emitChanged(true, time, ctx, out);
    }

    /** Emits every changed minute that has not ended at {@code watermark}, as provisional partials. */
    private void emitOpenMinutes(long watermark, OnTimerContext ctx, Collector<PartialRollup> out) throws Exception {
        emitChanged(false, watermark, ctx, out);
    }

    private void emitChanged(boolean ended, long time, OnTimerContext ctx, Collector<PartialRollup> out)
            throws Exception {
        int salt = SaltedKey.saltOf(ctx.getCurrentKey());
        List<Map.Entry<Long, MinuteAccumulator>> toEmit = new ArrayList<>();
        for (Map.Entry<Long, MinuteAccumulator> entry : openMinutes.entries()) {
            if (entry.getValue().dirty && (Minutes.maxTimestamp(entry.getKey()) <= time) == ended) {
                toEmit.add(entry);
            }
        }
        for (Map.Entry<Long, MinuteAccumulator> entry : toEmit) {
            MinuteAccumulator accumulator = entry.getValue();
            PartialRollup partial = accumulator.toPartial(entry.getKey(), salt);
            partial.provisional = !ended;
            out.collect(partial);
            accumulator.dirty = false;
            openMinutes.put(entry.getKey(), accumulator);
        }
    }

    /** Forgets the minutes that are beyond the allowed lateness at {@code watermark}. */
    private void closeMinutes(long watermark) throws Exception {
        List<Long> toClose = new ArrayList<>();
        for (long minute : openMinutes.keys()) {
            if (Minutes.closesAt(minute, allowedLatenessMillis) <= watermark) {
                toClose.add(minute);
            }
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
