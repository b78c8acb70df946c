package io.adclick.stream.function;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.Device;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.MinuteRow;
import io.adclick.stream.model.MinuteRowSerializer;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.UniqueUsers;
import io.adclick.stream.serde.StringKeySerializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The keyed phase of the minute rollups, keyed by {@link MinuteBuckets} (a minute and a bucket of
 * its rollup keys): adds the deltas of every {@link MinutePreAggregator} subtask to the totals of
 * their rollup key and minute and emits them as the revisions of the {@link MinuteRollup}: a
 * 1-minute tumbling event-time window with allowed lateness, built on keyed state and timers so
 * that updates are <b>coalesced</b>.
 *
 * <ul>
 *   <li>The minute is emitted once when the watermark passes its end.
 *   <li>After that, changes (late events within the lateness) are emitted at most once per watermark
 *       advance, or after {@code updateMaxDelayMillis} of processing time if no advance comes first
 *       (after a quiet period the watermark may not move for a long time).
 *   <li>While the minute is open, its totals are emitted at the next early firing if they changed
 *       since the last revision (see {@link EarlyFirings}; half an interval after the pre-aggregators
 *       flush, so the deltas of one flush make one revision). A provisional revision that nothing
 *       changed since is already the final one: the watermark does not emit it again.
 *   <li>The minute closes when the watermark passes its end plus the lateness: its totals are
 *       dropped, and later deltas of it are dropped and counted ({@code droppedEventsOfClosedMinutes}).
 * </ul>
 *
 * <p>Each rollup key's state is one {@link MinuteRow} in the bucket's map, read and written once per
 * delta or emission. The bucket lists the rollup keys that changed since its last firing, so a
 * firing reads only those; only the closing iterates the bucket's rows. Timers are per bucket and
 * minute. When the minute closes only a row's revision number stays, for {@code closedMinutesTtl}: a
 * delta of a rollup key with a revision and no totals is of a closed minute and is dropped, even
 * right after a restore, when the watermark starts over from its minimum (fresh totals would start
 * over at revision 1 and never replace the full row downstream). A rollup key and minute never seen,
 * however old, is counted as usual (back-dated traffic after a restart).
 */
public final class MinuteAggregator extends KeyedProcessFunction<Long, PartialRollup, MinuteRollup> {
    private final long allowedLatenessMillis;
    private final int sketchLgNominalEntries;
    private final long updateMaxDelayMillis;
    private final Duration closedMinutesTtl;
    private final EarlyFirings earlyFirings;
    private final Clock clock;

    private transient MapState<String, MinuteRow> rows;
    private transient ListState<String> changedKeys;

    private transient Counter droppedClosedMinute;

    /**
     * @param closedMinutesTtl how long (processing time) a rollup key remembers that its minute
     *     closed; the pipeline uses the dedup TTL, as long as it remembers event ids
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
        MapStateDescriptor<String, MinuteRow> rowsDescriptor =
                new MapStateDescriptor<>("rows", StringKeySerializer.INSTANCE, MinuteRowSerializer.INSTANCE);
        rowsDescriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(closedMinutesTtl).build());
        rows = getRuntimeContext().getMapState(rowsDescriptor);
        changedKeys = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("changed-keys", StringKeySerializer.INSTANCE));
        droppedClosedMinute = getRuntimeContext().getMetricGroup().counter("droppedEventsOfClosedMinutes");
    }

    @Override
    public void processElement(PartialRollup delta, Context ctx, Collector<MinuteRollup> out) throws Exception {
        String rollupKey = delta.dimensionKey();
        MinuteRow row = rows.get(rollupKey);
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
        rows.put(rollupKey, row);
        if (wasChanged) {
            return;
        }
        changedKeys.add(rollupKey);
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
        long minute = MinuteBuckets.minuteOf(ctx.getCurrentKey());
        boolean ended = Minutes.maxTimestamp(minute) <= ctx.timerService().currentWatermark();
        boolean early = ctx.timeDomain() == TimeDomain.PROCESSING_TIME && earlyFirings.isFiring(timestamp);
        // an early firing emits open minutes only; updates of ended ones keep their own timers
        if (!early || !ended) {
            emitChanged(out);
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME && Minutes.closesAt(minute, allowedLatenessMillis) <= timestamp) {
            closeRows();
        }
    }

    private void emitChanged(Collector<MinuteRollup> out) throws Exception {
        Iterable<String> changed = changedKeys.get();
        if (changed == null) {
            return;
        }
        for (String rollupKey : changed) {
            MinuteRow row = rows.get(rollupKey);
            if (row != null && row.changed) {
                emit(row, out);
                rows.put(rollupKey, row);
            }
        }
        changedKeys.clear();
    }

    /** Drops the totals of every row of the bucket, keeping their revisions. */
    private void closeRows() throws Exception {
        Map<String, Long> revisionsOfOpenRows = new HashMap<>();
        for (Map.Entry<String, MinuteRow> entry : rows.entries()) {
            if (!entry.getValue().isClosed()) {
                revisionsOfOpenRows.put(entry.getKey(), entry.getValue().revision);
            }
        }
        for (Map.Entry<String, Long> open : revisionsOfOpenRows.entrySet()) {
            rows.put(open.getKey(), MinuteRow.closed(open.getValue()));
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
