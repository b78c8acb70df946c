package io.adclick.stream;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.config.EstimatesConfig;
import io.adclick.stream.config.JobSettings;
import io.adclick.stream.function.EventDeduplicator;
import io.adclick.stream.function.FirstClickMarker;
import io.adclick.stream.function.LateEventRouter;
import io.adclick.stream.function.RollupMerger;
import io.adclick.stream.function.SaltedKey;
import io.adclick.stream.function.SaltedMinuteAggregator;
import io.adclick.stream.model.HashedId;
import io.adclick.stream.model.HashedIdTypeInfo;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.StreamEvent;
import io.adclick.stream.serde.StringKeyTypeInfo;
import java.time.Clock;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
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
 *   <li>{@link SaltedMinuteAggregator} by rollup key and salt (the hot-key split);
 *   <li>{@link RollupMerger} by rollup key and minute: the revisions of {@code rollups.minute}.
 * </ol>
 *
 * <p>Both aggregation steps also fire early, every {@code earlyFireInterval} of processing time, for
 * the open minutes that changed: provisional revisions that the final one at the watermark replaces.
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
     * The uids of steps whose state this pipeline no longer reads (keyed by the id strings): a
     * checkpoint of an older job restores without them, see {@link JobSettings#flinkConfiguration}.
     */
    public static final List<String> RETIRED_UIDS = List.of("dedup-event-id", "first-click-per-impression");

    private final EstimatesConfig config;
    private final Clock clock;

    public EstimatesPipeline(EstimatesConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Event time from {@code event_time}, bounded out-of-orderness, idle splits ignored. */
    public WatermarkStrategy<RawEvent> watermarkStrategy() {
        return WatermarkStrategy.<RawEvent>forBoundedOutOfOrderness(config.maxOutOfOrderness())
                .withTimestampAssigner(
                        (event, recordTimestamp) -> event.eventTime().toEpochMilli())
                .withIdleness(config.idleness());
    }

    /** Builds the pipeline on {@code events}, which must carry timestamps and watermarks. */
    public EstimatesStreams build(DataStream<RawEvent> events) {
        requireNonNull(events, "events is null");
        long lateness = config.allowedLateness().toMillis();
        long updateDelay = config.updateMaxDelay().toMillis();
        long earlyFireInterval = config.earlyFireInterval().toMillis();

        SingleOutputStreamOperator<StreamEvent> inTime = events.process(new LateEventRouter(lateness))
                .name("route-late-events")
                .uid("route-late-events");
        DataStream<RawEvent> late = inTime.getSideOutput(LateEventRouter.LATE);

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

        DataStream<MinuteRollup> rollups = marked.keyBy(new SaltedKey(config.saltBuckets()), StringKeyTypeInfo.INSTANCE)
                .process(new SaltedMinuteAggregator(
                        lateness, config.sketchLgNominalEntries(), updateDelay, config.dedupTtl(), earlyFireInterval))
                .name("salted-minute-partials")
                .uid("salted-minute-partials")
                .keyBy(PartialRollup::mergeKey, StringKeyTypeInfo.INSTANCE)
                .process(new RollupMerger(
                        lateness, config.sketchLgNominalEntries(), updateDelay, earlyFireInterval, clock))
                .name("merge-minute-rollups")
                .uid("merge-minute-rollups");
        return new EstimatesStreams(rollups, late);
    }
}
