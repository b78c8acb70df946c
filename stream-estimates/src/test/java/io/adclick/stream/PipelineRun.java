package io.adclick.stream;

import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.schemas.wire.WireCodecs;
import io.adclick.stream.config.EstimatesConfig;
import io.adclick.stream.model.StreamEvent;
import io.adclick.stream.serde.StreamEventDecoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs the pipeline on a bounded list of events in the test's MiniCluster. The watermark follows
 * every event at once (not periodically), so which events are late does not depend on timing. The
 * events are encoded and decoded as the job's source reads them; the late ones are decoded from
 * their records.
 */
record PipelineRun(List<MinuteRollup> rollups, List<RawEvent> late) {

    static PipelineRun of(EstimatesConfig config, int parallelism, List<RawEvent> events) throws Exception {
        return of(config, parallelism, events, event -> event);
    }

    /**
     * Runs the pipeline with {@code pacing} applied to the events before they get timestamps:
     * a function that pauses lets processing time pass between events, for early firings.
     */
    static PipelineRun of(
            EstimatesConfig config, int parallelism, List<RawEvent> events, MapFunction<RawEvent, RawEvent> pacing)
            throws Exception {
        Configuration configuration = new Configuration();
        // as in the job: a type (in flight or in state) that would fall back to Kryo fails the test
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(parallelism);
        long outOfOrderness = config.maxOutOfOrderness().toMillis();
        WatermarkStrategy<StreamEvent> perEvent = WatermarkStrategy.<StreamEvent>forGenerator(
                        context -> new PerEventWatermarks(outOfOrderness))
                .withTimestampAssigner((event, ts) -> event.eventTime);
        EstimatesStreams streams = new EstimatesPipeline(config, Clock.systemUTC())
                .build(env.fromData(events)
                        .map(pacing)
                        .setParallelism(1)
                        .map(new ReadAsFromKafka())
                        .setParallelism(1)
                        .assignTimestampsAndWatermarks(perEvent)
                        .setParallelism(1));
        try (CloseableIterator<MinuteRollup> rollups = streams.rollups().collectAsync();
                CloseableIterator<StreamEvent> late = streams.late().collectAsync()) {
            env.execute("estimates-pipeline-test");
            List<MinuteRollup> rollupList = new ArrayList<>();
            rollups.forEachRemaining(rollupList::add);
            List<RawEvent> lateList = new ArrayList<>();
            late.forEachRemaining(event -> lateList.add(WireCodecs.RAW_EVENT.decode(event.record)));
            return new PipelineRun(rollupList, lateList);
        }
    }

    /** The newest revision of every rollup key. */
    Map<String, MinuteRollup> latest() {
        BinaryOperator<MinuteRollup> newer = (a, b) -> a.revision() >= b.revision() ? a : b;
        return rollups.stream().collect(Collectors.toMap(MinuteRollup::rollupKey, r -> r, newer, TreeMap::new));
    }

    /** Every revision of one key, oldest first. */
    List<MinuteRollup> revisionsOf(String rollupKey) {
        return rollups.stream()
                .filter(r -> r.rollupKey().equals(rollupKey))
                .sorted(Comparator.comparingLong(MinuteRollup::revision))
                .toList();
    }

    /** Whether every key's revisions arrived in strictly increasing order. */
    boolean revisionsStrictlyIncreasePerKey() {
        Map<String, Long> last = new TreeMap<>();
        for (MinuteRollup rollup : rollups) {
            Long previous = last.put(rollup.rollupKey(), rollup.revision());
            if (previous != null && rollup.revision() <= previous) {
                return false;
            }
        }
        return true;
    }

    /** Pauses {@code millis} before each event whose {@code event_id} is in {@code eventIds}. */
    record PauseBefore(Set<String> eventIds, long millis) implements MapFunction<RawEvent, RawEvent> {
        @Override
        public RawEvent map(RawEvent event) throws InterruptedException {
            if (eventIds.contains(event.eventId())) {
                Thread.sleep(millis);
            }
            return event;
        }
    }

    /** Pauses {@code millis} before every {@code every}-th event, so processing time passes during a run. */
    static final class PauseEvery implements MapFunction<RawEvent, RawEvent> {
        private final int every;
        private final long millis;
        private int seen;

        PauseEvery(int every, long millis) {
            this.every = every;
            this.millis = millis;
        }

        @Override
        public RawEvent map(RawEvent event) throws InterruptedException {
            if (++seen % every == 0) {
                Thread.sleep(millis);
            }
            return event;
        }
    }

    /** The event as the job's source reads it: encoded as in {@code events.raw}, then decoded. */
    private static final class ReadAsFromKafka implements MapFunction<RawEvent, StreamEvent> {
        @Override
        public StreamEvent map(RawEvent event) {
            return StreamEventDecoder.decode(WireCodecs.RAW_EVENT.encode(event));
        }
    }

    private static final class PerEventWatermarks implements WatermarkGenerator<StreamEvent> {
        private final long outOfOrderness;
        private long maxTimestamp = Long.MIN_VALUE + 1;

        PerEventWatermarks(long outOfOrderness) {
            this.outOfOrderness = outOfOrderness;
        }

        @Override
        public void onEvent(StreamEvent event, long eventTimestamp, WatermarkOutput output) {
            maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
            output.emitWatermark(new Watermark(maxTimestamp - outOfOrderness - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
