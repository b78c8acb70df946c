package io.adclick.stream;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.rollup.MinuteRollup;
import java.time.Clock;
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

        DataStream<StreamEvent> unique = inTime.keyBy(event -> event.eventId)
                .process(new EventDeduplicator(config.dedupTtl()))
                .name("dedup-event-id")
                .uid("dedup-event-id");
        // Impressions take this step too, although only clicks touch its state: with a single path
        // every event reaches the aggregation behind the watermarks it was sent with.
        DataStream<StreamEvent> marked = unique.keyBy(event -> event.impressionId)
                .process(new FirstClickMarker(config.firstClickTtl()))
                .name("first-click-per-impression")
                .uid("first-click-per-impression");

        DataStream<MinuteRollup> rollups = marked.keyBy(new SaltedKey(config.saltBuckets()))
                .process(new SaltedMinuteAggregator(
                        lateness, config.sketchLgNominalEntries(), updateDelay, config.dedupTtl(), earlyFireInterval))
                .name("salted-minute-partials")
                .uid("salted-minute-partials")
                .keyBy(PartialRollup::mergeKey)
                .process(new RollupMerger(
                        lateness, config.sketchLgNominalEntries(), updateDelay, earlyFireInterval, clock))
                .name("merge-minute-rollups")
                .uid("merge-minute-rollups");
        return new EstimatesStreams(rollups, late);
    }
}
