package io.adclick.stream.function;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.Device;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.PartialRollupTypeInfo;
import io.adclick.stream.model.UniqueUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
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
 * RocksDB an iteration is a seek. When the minute closes only its revision number stays, for
 * {@code closedMinutesTtl}: a delta of a key with a revision and no totals is of a closed minute and
 * is dropped, even right after a restore, when the watermark starts over from its minimum (fresh
 * totals would start over at revision 1 and never replace the full row downstream). A minute never
 * seen by its key, however old, is counted as usual (back-dated traffic after a restart).
 */
public final class MinuteAggregator extends KeyedProcessFunction<String, PartialRollup, MinuteRollup> {
    private final long allowedLatenessMillis;
    private final int sketchLgNominalEntries;
    private final long updateMaxDelayMillis;
    private final Duration closedMinutesTtl;
    private final EarlyFirings earlyFirings;
    private final Clock clock;

    private transient ValueState<PartialRollup> totals;
    /** The latest revision emitted; after the minute closed, the mark that it did. */
    private transient ValueState<Long> revision;
    /** Set while the totals changed since their latest revision. */
    private transient ValueState<Boolean> changed;
    /** Set while the latest revision is provisional: the watermark's firing owes the final one. */
    private transient ValueState<Boolean> provisional;

    private transient Counter droppedClosedMinute;

    /**
     * @param closedMinutesTtl how long (processing time) a key remembers that its minute closed; the
     *     pipeline uses the dedup TTL, as long as it remembers event ids
     * @param earlyFireIntervalMillis how often open minutes are emitted, 0 for never
     */
    public MinuteAggregator(
            long allowedLatenessMillis,
            int sketchLgNominalEntries,
            long updateMaxDelayMillis,
            Duration closedMinutesTtl,
            long earlyFireIntervalMillis,
            Clock clock) {
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.sketchLgNominalEntries = sketchLgNominalEntries;
        this.updateMaxDelayMillis = updateMaxDelayMillis;
        this.closedMinutesTtl = requireNonNull(closedMinutesTtl, "closedMinutesTtl is null");
        this.earlyFirings = new EarlyFirings(earlyFireIntervalMillis, earlyFireIntervalMillis / 2);
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void open(OpenContext openContext) {
        totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals", PartialRollupTypeInfo.INSTANCE));
        ValueStateDescriptor<Long> revisions = new ValueStateDescriptor<>("revision", Types.LONG);
        revisions.enableTimeToLive(StateTtlConfig.newBuilder(closedMinutesTtl).build());
        revision = getRuntimeContext().getState(revisions);
        changed = getRuntimeContext().getState(new ValueStateDescriptor<>("changed", Types.BOOLEAN));
        provisional = getRuntimeContext().getState(new ValueStateDescriptor<>("provisional", Types.BOOLEAN));
        droppedClosedMinute = getRuntimeContext().getMetricGroup().counter("droppedEventsOfClosedMinutes");
    }

    @Override
    public void processElement(PartialRollup delta, Context ctx, Collector<MinuteRollup> out) throws Exception {
        PartialRollup current = totals.value();
        if (current == null && revision.value() != null) {
            droppedClosedMinute.inc(delta.events());
            return;
        }
        if (current == null) {
            current = delta;
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
        long watermark = ctx.timerService().currentWatermark();
        if (Minutes.maxTimestamp(delta.minute) <= watermark) {
            // a late update: at the next watermark advance, or after the delay if none comes
            ctx.timerService().registerEventTimeTimer(watermark + 1);
            ctx.timerService().registerProcessingTimeTimer(earlyFirings.notAFiring(now + updateMaxDelayMillis));
        } else {
            // also after a restore, when the watermark starts over below a minute whose end already fired
            ctx.timerService().registerEventTimeTimer(Minutes.maxTimestamp(delta.minute));
            if (earlyFirings.enabled()) {
                ctx.timerService().registerProcessingTimeTimer(earlyFirings.next(now));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MinuteRollup> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
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
            changed.clear();
            provisional.clear();
        }
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
