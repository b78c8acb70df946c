package io.adclick.stream.function;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.Device;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.MinuteRow;
import io.adclick.stream.model.MinuteRowSerializer;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.UniqueUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
 *   <li>The minute closes when the watermark passes its end plus the lateness: its totals are
 *       dropped, and later deltas of it are dropped and counted ({@code droppedEventsOfClosedMinutes}).
 * </ul>
 *
 * <p>Each key's state is one {@link MinuteRow}, read and written once per delta or firing, never
 * iterated: on RocksDB every state access is a lookup, an iteration a seek. When the minute closes
 * only its revision number stays, for {@code closedMinutesTtl}: a delta of a key with a revision and
 * no totals is of a closed minute and is dropped, even right after a restore, when the watermark
 * starts over from its minimum (fresh totals would start over at revision 1 and never replace the
 * full row downstream). A minute never seen by its key, however old, is counted as usual
 * (back-dated traffic after a restart).
 */
public final class MinuteAggregator extends KeyedProcessFunction<String, PartialRollup, MinuteRollup> {
    private final long allowedLatenessMillis;
    private final int sketchLgNominalEntries;
    private final long updateMaxDelayMillis;
    private final Duration closedMinutesTtl;
    private final EarlyFirings earlyFirings;
    private final Clock clock;

    private transient ValueState<MinuteRow> rows;

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
        ValueStateDescriptor<MinuteRow> descriptor = new ValueStateDescriptor<>("minute", MinuteRowSerializer.INSTANCE);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(closedMinutesTtl).build());
        rows = getRuntimeContext().getState(descriptor);
        droppedClosedMinute = getRuntimeContext().getMetricGroup().counter("droppedEventsOfClosedMinutes");
    }

    @Override
    public void processElement(PartialRollup delta, Context ctx, Collector<MinuteRollup> out) throws Exception {
        MinuteRow row = rows.value();
        if (row != null && row.isClosed()) {
            droppedClosedMinute.inc(delta.events());
            return;
        }
        if (row == null) {
            row = MinuteRow.opened(delta);
            ctx.timerService().registerEventTimeTimer(Minutes.closesAt(delta.minute, allowedLatenessMillis));
        } else {
            row.totals.add(delta, sketchLgNominalEntries);
        }
        boolean wasChanged = row.changed;
        row.changed = true;
        rows.update(row);
        if (wasChanged) {
            return;
        }
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
        MinuteRow row = rows.value();
        if (row == null || row.isClosed()) {
            return;
        }
        long minute = row.totals.minute;
        boolean ended = Minutes.maxTimestamp(minute) <= ctx.timerService().currentWatermark();
        boolean early = ctx.timeDomain() == TimeDomain.PROCESSING_TIME && earlyFirings.isFiring(timestamp);
        boolean closes = ctx.timeDomain() == TimeDomain.EVENT_TIME
                && Minutes.closesAt(minute, allowedLatenessMillis) <= timestamp;
        boolean emitted = false;
        if (early) {
            // an early firing emits open minutes only; updates of ended ones keep their own timers
            if (!ended && row.changed) {
                emit(row, out);
                row.provisional = true;
                emitted = true;
            }
        } else if (row.changed || (ended && row.provisional)) {
            emit(row, out);
            row.provisional = false;
            emitted = true;
        }
        if (closes) {
            row.totals = null;
            row.changed = false;
            row.provisional = false;
        }
        if (emitted || closes) {
            rows.update(row);
        }
    }

    private void emit(MinuteRow row, Collector<MinuteRollup> out) {
        row.changed = false;
        row.revision++;
        PartialRollup current = row.totals;
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
                row.revision,
                clock.instant()));
    }
}
