package io.adclick.stream;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.config.EstimatesConfig;
import io.adclick.stream.config.JobSettings;
import io.adclick.stream.function.EventDeduplicator;
import io.adclick.stream.function.FirstClickMarker;
import io.adclick.stream.function.LateEventRouter;
import io.adclick.stream.function.MinuteAggregator;
import io.adclick.stream.function.MinuteBuckets;
import io.adclick.stream.function.MinutePreAggregator;
import io.adclick.stream.model.HashedId;
import io.adclick.stream.model.HashedIdTypeInfo;
import io.adclick.stream.model.PartialRollupTypeInfo;
import io.adclick.stream.model.StreamEvent;
import java.time.Clock;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The estimates pipeline, from raw events with timestamps and watermarks to minute rollups and
 * late events:
 *
 * <ol>
 *   <li>{@link LateEventRouter}: events beyond the allowed lateness to the late output;
 *   <li>{@link EventDeduplicator} by {@code event_id};
 *   <li>{@link FirstClickMarker} by {@code impression_id};
 *   <li>{@link MinutePreAggregator}, chained to it without a shuffle: counts per rollup key and
 *       minute on the heap of each subtask (local aggregation, which also spreads hot keys);
 *   <li>{@link MinuteAggregator} by minute and bucket of rollup keys ({@link MinuteBuckets}): the
 *       revisions of {@code rollups.minute}.
 * </ol>
 *
 * <p>Open minutes that changed are also emitted early, every {@code earlyFireInterval} of processing
 * time: provisional revisions that a later one replaces when the minute changes again.
 */
public final class EstimatesPipeline {
    /**
     * The uids of the deduplication and first-click steps since their state is keyed by
     * {@link HashedId}. A new key type needs a new uid: Flink cannot restore keyed state under a
     * key serializer other than the one that wrote it.
     */
    static final String DEDUP_UID = "dedup-event-id-hashed";

    static final String FIRST_CLICK_UID = "first-click-per-impression-hashed";

    /**
     * The uids of steps whose state this pipeline no longer reads: the deduplication and first-click
     * steps keyed by the id strings, the salted aggregation and its merger, and the aggregation keyed
     * by rollup key and minute (one state row and three timers per key). A checkpoint of an
     * older job restores without them (see {@link JobSettings#flinkConfiguration}), and what they
     * held starts empty: the ids seen, and the totals of the minutes still open (stream-estimates
     * README, upgrading).
     */
    public static final List<String> RETIRED_UIDS = List.of(
            "dedup-event-id",
            "first-click-per-impression",
            "salted-minute-partials",
            "merge-minute-rollups",
            "aggregate-minute-rollups");

    /** The uid of the keyed aggregation by minute and bucket; it replaced the aggregations in {@link #RETIRED_UIDS}. */
    static final String AGGREGATE_UID = "aggregate-minute-buckets";

    private final EstimatesConfig config;
    private final Clock clock;

    public EstimatesPipeline(EstimatesConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Event time from {@code event_time}, bounded out-of-orderness, idle splits ignored. */
    public WatermarkStrategy<StreamEvent> watermarkStrategy() {
        return WatermarkStrategy.<StreamEvent>forBoundedOutOfOrderness(config.maxOutOfOrderness())
                .withTimestampAssigner((event, recordTimestamp) -> event.eventTime)
                .withIdleness(config.idleness());
    }

    /** Builds the pipeline on {@code events}, which must carry timestamps and watermarks. */
    public EstimatesStreams build(DataStream<StreamEvent> events) {
        requireNonNull(events, "events is null");
        long lateness = config.allowedLateness().toMillis();
        long updateDelay = config.updateMaxDelay().toMillis();
        long earlyFireInterval = config.earlyFireInterval().toMillis();

        SingleOutputStreamOperator<StreamEvent> inTime = events.process(new LateEventRouter(lateness))
                .name("route-late-events")
                .uid("route-late-events");
        DataStream<StreamEvent> late = inTime.getSideOutput(LateEventRouter.LATE);

        DataStream<StreamEvent> unique = inTime.keyBy(EventDeduplicator.KEY, HashedIdTypeInfo.INSTANCE)
                .process(new EventDeduplicator(config.dedupTtl()))
                .name("dedup-event-id")
                .uid(DEDUP_UID);
        // Impressions take this step too, although only clicks touch its state: with a single path
        // every event reaches the aggregation behind the watermarks it was sent with.
        DataStream<StreamEvent> marked = unique.keyBy(FirstClickMarker.KEY, HashedIdTypeInfo.INSTANCE)
                .process(new FirstClickMarker(config.firstClickTtl()))
                .name("first-click-per-impression")
                .uid(FIRST_CLICK_UID);

        // without early firings the pre-aggregators still flush within the update delay, so late updates do too
        long flushInterval = earlyFireInterval > 0 ? earlyFireInterval : updateDelay;
        DataStream<MinuteRollup> rollups = marked.transform(
                        "pre-aggregate-minutes",
                        PartialRollupTypeInfo.INSTANCE,
                        new MinutePreAggregator(
                                config.sketchLgNominalEntries(), flushInterval, config.preAggregationMaxKeys()))
                .uid("pre-aggregate-minutes")
                .keyBy(MinuteBuckets.KEY, Types.LONG)
                .process(new MinuteAggregator(
                        lateness,
                        config.sketchLgNominalEntries(),
                        updateDelay,
                        config.dedupTtl(),
                        earlyFireInterval,
                        clock))
                .name("aggregate-minute-rollups")
                .uid(AGGREGATE_UID);
        return new EstimatesStreams(rollups, late);
    }
}
