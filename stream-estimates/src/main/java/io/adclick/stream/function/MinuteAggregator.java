package io.adclick.stream.function;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.Device;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.PartialRollupTypeInfo;
import io.adclick.stream.model.UniqueUsers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The keyed phase of the minute rollups, keyed by {@link PartialRollup#mergeKey()} (rollup key and
 * minute): adds the deltas of every {@link MinutePreAggregator} subtask to the minute's totals and
 * emits them as the revisions of the {@link MinuteRollup}: a 1-minute tumbling event-time window
 * with allowed lateness, built on keyed state and timers so that updates are <b>coalesced</b>.
 *
 * <ul>
 *   <li>The minute is emitted once when the watermark passes its end.
 *   <li>After that, changes (late events within the lateness) are emitted at most once per watermark
 *       advance, or after {@code updateMaxDelayMillis} of processing time if no advance comes first
 *       (after a quiet period the watermark may not move for a long time).
 *   <li>While the minute is open, its totals are emitted at the next early firing if they changed
 *       since the last revision (see {@link EarlyFirings}; half an interval after the pre-aggregators
 *       flush, so the deltas of one flush make one revision); a minute that had such a provisional
 *       revision always gets its final revision when the watermark passes its end.
 *   <li>The minute's state is dropped when the watermark passes its end plus the lateness; later
 *       deltas of it are dropped and counted ({@code droppedEventsOfClosedMinutes}).
 * </ul>
 *
 * <p>Each key's state is one row of totals, read and written once per delta, never iterated: on
 * RocksDB an iteration is a seek. The watermark that closed the minutes is kept in operator state,
 * so after a restore, when the watermark starts over from its minimum, a delta of a closed minute
 * is still dropped instead of starting fresh totals that would replace the full ones downstream.
 */
public final class MinuteAggregator extends KeyedProcessFunction<String, PartialRollup, MinuteRollup>
        implements CheckpointedFunction {
    private final long allowedLatenessMillis;
    private final int sketchLgNominalEntries;
    private final long updateMaxDelayMillis;
    private final EarlyFirings earlyFirings;
    private final Clock clock;

    private transient ValueState<PartialRollup> totals;
    private transient ValueState<Long> revision;
    /** Set while the totals changed since their latest revision. */
    private transient ValueState<Boolean> changed;
    /** Set while the latest revision is provisional: the watermark's firing owes the final one. */
    private transient ValueState<Boolean> provisional;

    private transient ListState<Long> closedThroughState;
    /** The highest watermark this subtask has seen: every minute that closes by it has been dropped. */
    private transient long closedThrough;

    private transient Counter droppedClosedMinute;

    /** @param earlyFireIntervalMillis how often open minutes are emitted, 0 for never */
    public MinuteAggregator(
            long allowedLatenessMillis,
            int sketchLgNominalEntries,
            long updateMaxDelayMillis,
            long earlyFireIntervalMillis,
            Clock clock) {
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.sketchLgNominalEntries = sketchLgNominalEntries;
        this.updateMaxDelayMillis = updateMaxDelayMillis;
        this.earlyFirings = new EarlyFirings(earlyFireIntervalMillis, earlyFireIntervalMillis / 2);
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        closedThroughState = context.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>("closed-through", Types.LONG));
        closedThrough = Long.MIN_VALUE;
        if (context.isRestored()) {
            // the lowest of the subtasks: a minute counts as closed only where every subtask closed it
            long lowest = Long.MAX_VALUE;
            for (long watermark : closedThroughState.get()) {
                lowest = Math.min(lowest, watermark);
            }
            closedThrough = lowest == Long.MAX_VALUE ? Long.MIN_VALUE : lowest;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        closedThroughState.update(List.of(closedThrough));
    }

    @Override
    public void open(OpenContext openContext) {
        totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals", PartialRollupTypeInfo.INSTANCE));
        revision = getRuntimeContext().getState(new ValueStateDescriptor<>("revision", Types.LONG));
        changed = getRuntimeContext().getState(new ValueStateDescriptor<>("changed", Types.BOOLEAN));
        provisional = getRuntimeContext().getState(new ValueStateDescriptor<>("provisional", Types.BOOLEAN));
        droppedClosedMinute = getRuntimeContext().getMetricGroup().counter("droppedEventsOfClosedMinutes");
    }

    @Override
    public void processElement(PartialRollup delta, Context ctx, Collector<MinuteRollup> out) throws Exception {
        long watermark = observe(ctx.timerService().currentWatermark());
        if (Minutes.closesAt(delta.minute, allowedLatenessMillis) <= closedThrough) {
            droppedClosedMinute.inc(delta.events());
            return;
        }
        PartialRollup current = totals.value();
        if (current == null) {
            current = delta;
            ctx.timerService().registerEventTimeTimer(Minutes.maxTimestamp(delta.minute));
            ctx.timerService().registerEventTimeTimer(Minutes.closesAt(delta.minute, allowedLatenessMillis));
        } else {
            current.add(delta, sketchLgNominalEntries);
        }
        totals.update(current);
        if (changed.value() != null) {
            return;
        }
        changed.update(Boolean.TRUE);
        long now = ctx.timerService().currentProcessingTime();
        if (Minutes.maxTimestamp(delta.minute) <= watermark) {
            // a late update: at the next watermark advance, or after the delay if none comes
            ctx.timerService().registerEventTimeTimer(watermark + 1);
            ctx.timerService().registerProcessingTimeTimer(earlyFirings.notAFiring(now + updateMaxDelayMillis));
        } else if (earlyFirings.enabled()) {
            ctx.timerService().registerProcessingTimeTimer(earlyFirings.next(now));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MinuteRollup> out) throws Exception {
        long watermark = observe(ctx.timerService().currentWatermark());
        PartialRollup current = totals.value();
        if (current == null) {
            return;
        }
        boolean ended = Minutes.maxTimestamp(current.minute) <= watermark;
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME && earlyFirings.isFiring(timestamp)) {
            // an early firing emits open minutes only; updates of ended ones keep their own timers
            if (!ended && changed.value() != null) {
                emit(current, out);
                provisional.update(Boolean.TRUE);
            }
            return;
        }
        if (changed.value() != null || (ended && provisional.value() != null)) {
            emit(current, out);
            provisional.clear();
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME
                && Minutes.closesAt(current.minute, allowedLatenessMillis) <= timestamp) {
            totals.clear();
            revision.clear();
            provisional.clear();
        }
    }

    private long observe(long watermark) {
        closedThrough = Math.max(closedThrough, watermark);
        return watermark;
    }

    private void emit(PartialRollup current, Collector<MinuteRollup> out) throws Exception {
        changed.clear();
        long next = revision.value() == null ? 1 : revision.value() + 1;
        revision.update(next);
        CompactSketch users = UniqueUsers.wrap(current.usersSketch);
        out.collect(new MinuteRollup(
                MinuteRollup.CURRENT_SCHEMA_VERSION,
                Instant.ofEpochMilli(current.minute),
                current.campaignId,
                current.adId,
                current.publisherId,
                current.country,
                Device.fromWire(current.device),
                current.advertiserId,
                current.impressions,
                current.clicks,
                current.billableClicks,
                current.spendMicros,
                UniqueUsers.estimate(users),
                UniqueUsers.base64(users),
                next,
                clock.instant()));
    }
}
