package io.adclick.stream.function;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.Device;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.PartialRollupTypeInfo;
import io.adclick.stream.model.UniqueUsers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The second phase, keyed by {@link PartialRollup#mergeKey()}: keeps the latest partial of every
 * salt and emits their sum as the next revision of the {@link MinuteRollup}. Partials carry the
 * event time at which their salt fired; the merged row is emitted when the watermark reaches it,
 * that is after every salted subtask has fired for that watermark, so all salts of a firing make
 * one revision. A partial that arrives after its firing's watermark has passed (a late update, or
 * an input that was idle) is emitted at the next watermark advance, or after
 * {@code updateMaxDelayMillis} of processing time if none comes. The state is dropped when the
 * minute closes.
 *
 * <p>Provisional partials (early firings of open minutes) are merged at the merger's own early
 * firings, half an interval after the salted phase's (see {@link EarlyFirings}), so the salts of
 * one early firing make one provisional revision, at most one per interval per key, and only for
 * keys that received a partial since their last revision. A minute that had a provisional revision
 * always gets a revision when the watermark passes its end, even if no salt changed since: the
 * final revision is the one a job without early firings emits, under a later revision number.
 */
public final class RollupMerger extends KeyedProcessFunction<String, PartialRollup, MinuteRollup> {
    private final long allowedLatenessMillis;
    private final int sketchLgNominalEntries;
    private final long updateMaxDelayMillis;
    private final EarlyFirings earlyFirings;
    private final Clock clock;

    private transient MapState<Integer, PartialRollup> partials;
    private transient ValueState<Long> revision;
    private transient ValueState<Boolean> pending;
    /** Set while the latest revision is provisional: the watermark's firing owes the final one. */
    private transient ValueState<Boolean> provisional;

    /** @param earlyFireIntervalMillis the salted phase's early-fire interval, 0 for none */
    public RollupMerger(
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
    public void open(OpenContext openContext) {
        partials = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("partials", Types.INT, PartialRollupTypeInfo.INSTANCE));
        revision = getRuntimeContext().getState(new ValueStateDescriptor<>("revision", Types.LONG));
        pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending", Types.BOOLEAN));
        provisional = getRuntimeContext().getState(new ValueStateDescriptor<>("provisional", Types.BOOLEAN));
    }

    @Override
    public void processElement(PartialRollup partial, Context ctx, Collector<MinuteRollup> out) throws Exception {
        if (partials.isEmpty()) {
            ctx.timerService().registerEventTimeTimer(Minutes.closesAt(partial.minute, allowedLatenessMillis));
        }
        partials.put(partial.salt, partial);
        if (partial.provisional) {
            pending.update(Boolean.TRUE);
            ctx.timerService().registerEventTimeTimer(Minutes.maxTimestamp(partial.minute));
            ctx.timerService()
                    .registerProcessingTimeTimer(
                            earlyFirings.next(ctx.timerService().currentProcessingTime()));
            return;
        }
        if (pending.value() == null) {
            pending.update(Boolean.TRUE);
            long watermark = ctx.timerService().currentWatermark();
            Long firedAt = ctx.timestamp();
            if (firedAt != null && firedAt > watermark) {
                ctx.timerService().registerEventTimeTimer(firedAt);
            } else {
                // The watermark of this partial's firing has passed (a late update, or its input was idle):
                // emit at the next advance, or after the delay if none comes.
                ctx.timerService().registerEventTimeTimer(watermark + 1);
                ctx.timerService()
                        .registerProcessingTimeTimer(earlyFirings.notAFiring(
                                ctx.timerService().currentProcessingTime() + updateMaxDelayMillis));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MinuteRollup> out) throws Exception {
        List<PartialRollup> all = new ArrayList<>();
        partials.values().forEach(all::add);
        if (all.isEmpty()) {
            return;
        }
        boolean ended =
                Minutes.maxTimestamp(all.get(0).minute) <= ctx.timerService().currentWatermark();
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME && earlyFirings.isFiring(timestamp)) {
            // an early firing merges open minutes only; updates of ended ones keep their own timers
            if (!ended && pending.value() != null) {
                emit(all, out);
                provisional.update(Boolean.TRUE);
            }
            return;
        }
        if (pending.value() != null || (ended && provisional.value() != null)) {
            emit(all, out);
            provisional.clear();
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME
                && Minutes.closesAt(all.get(0).minute, allowedLatenessMillis) <= timestamp) {
            partials.clear();
            revision.clear();
            provisional.clear();
        }
    }

    private void emit(List<PartialRollup> all, Collector<MinuteRollup> out) throws Exception {
        pending.clear();
        long next = revision.value() == null ? 1 : revision.value() + 1;
        revision.update(next);
        out.collect(merge(all, next));
    }

    private MinuteRollup merge(List<PartialRollup> all, long revision) {
        PartialRollup first = all.get(0);
        long impressions = 0;
        long clicks = 0;
        long billableClicks = 0;
        long spendMicros = 0;
        List<byte[]> sketches = new ArrayList<>(all.size());
        for (PartialRollup partial : all) {
            impressions += partial.impressions;
            clicks += partial.clicks;
            billableClicks += partial.billableClicks;
            spendMicros += partial.spendMicros;
            sketches.add(partial.usersSketch);
        }
        CompactSketch users = UniqueUsers.union(sketches, sketchLgNominalEntries);
        return new MinuteRollup(
                MinuteRollup.CURRENT_SCHEMA_VERSION,
                Instant.ofEpochMilli(first.minute),
                first.campaignId,
                first.adId,
                first.publisherId,
                first.country,
                Device.fromWire(first.device),
                first.advertiserId,
                impressions,
                clicks,
                billableClicks,
                spendMicros,
                UniqueUsers.estimate(users),
                UniqueUsers.base64(users),
                revision,
                clock.instant());
    }
}
