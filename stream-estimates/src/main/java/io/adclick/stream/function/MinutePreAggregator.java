package io.adclick.stream.function;

import io.adclick.stream.model.MinuteAccumulator;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.StreamEvent;
import io.adclick.stream.model.UniqueUsers;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The local phase of the minute rollups, before any shuffle: each subtask counts its events per
 * rollup key and minute on the heap and sends the totals on as {@link PartialRollup} deltas, so the
 * keyed {@link MinuteAggregator} touches its state once per key and flush instead of once per event,
 * and a hot key is spread over every subtask (the work the salted keys did before).
 *
 * <p>It keeps nothing in state: before every checkpoint barrier it flushes all it holds, so a
 * checkpoint never contains counted events that have not reached the keyed phase. It also flushes
 * <ul>
 *   <li>the minutes that ended before forwarding a watermark past their end, so that they reach the
 *       keyed phase ahead of the watermark that emits them (an open minute stays on the heap);
 *   <li>everything, every {@code flushIntervalMillis} of processing time (aligned instants, see
 *       {@link EarlyFirings}), so that early firings and late updates see the latest counts;
 *   <li>everything, once it holds {@code maxKeys} keys, to bound the heap;
 *   <li>everything, at the end of a bounded input.
 * </ul>
 */
public final class MinutePreAggregator extends AbstractStreamOperator<PartialRollup>
        implements OneInputStreamOperator<StreamEvent, PartialRollup>, BoundedOneInput {
    private final int sketchLgNominalEntries;
    private final EarlyFirings flushes;
    private final int maxKeys;

    private transient Map<MinuteSlot, MinuteAccumulator> buffer;
    private transient Counter flushedPartials;

    /**
     * @param flushIntervalMillis how often everything is flushed, 0 for only at watermarks, barriers
     *     and a full buffer
     * @param maxKeys how many rollup keys and minutes a subtask holds before it flushes
     */
    public MinutePreAggregator(int sketchLgNominalEntries, long flushIntervalMillis, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
        this.sketchLgNominalEntries = sketchLgNominalEntries;
        this.flushes = new EarlyFirings(flushIntervalMillis, 0);
        this.maxKeys = maxKeys;
    }

    @Override
    public void open() throws Exception {
        super.open();
        buffer = new HashMap<>();
        flushedPartials = getMetricGroup().counter("preAggregatedPartials");
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (flushes.enabled()) {
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(flushes.next(now), time -> {
                flushAll();
                scheduleFlush();
            });
        }
    }

    @Override
    public void processElement(StreamRecord<StreamEvent> element) {
        StreamEvent event = element.getValue();
        MinuteSlot slot = new MinuteSlot(event.dimensionKey(), Minutes.start(event.eventTime));
        buffer.computeIfAbsent(slot, s -> new MinuteAccumulator(UniqueUsers.newSketch(sketchLgNominalEntries)))
                .add(event);
        if (buffer.size() >= maxKeys) {
            flushAll();
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flushEndedBy(mark.getTimestamp());
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flushAll();
    }

    @Override
    public void endInput() {
        flushAll();
    }

    private void flushEndedBy(long watermark) {
        buffer.entrySet().removeIf(entry -> {
            boolean ended = Minutes.maxTimestamp(entry.getKey().minute()) <= watermark;
            if (ended) {
                emit(entry.getKey(), entry.getValue());
            }
            return ended;
        });
    }

    private void flushAll() {
        buffer.forEach(this::emit);
        buffer.clear();
    }

    private void emit(MinuteSlot slot, MinuteAccumulator accumulator) {
        output.collect(new StreamRecord<>(accumulator.toPartial(slot.minute())));
        flushedPartials.inc();
    }

    /** A rollup key without its minute, and the minute's start. */
    private record MinuteSlot(String dimensionKey, long minute) {}
}
