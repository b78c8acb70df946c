package io.adclick.infra.monitor;

import java.util.Arrays;
import java.util.Optional;

/** The stream job's own Flink counters, and the outcome label each one has in the monitor's metrics. */
public enum StreamCounter {
    /** Records of {@code events.raw} decoded. */
    DECODED("decodedRecords", "decoded"),
    /** Records of {@code events.raw} that were not a valid event, skipped. */
    UNDECODABLE("undecodableRecords", "undecodable"),
    /** Events dropped as a repeat of an {@code event_id} already seen (dedup state). */
    DUPLICATE("duplicateEvents", "duplicate"),
    /** Events beyond the allowed lateness, sent to {@code events.late}. */
    LATE("lateEvents", "late"),
    /** Events of a minute already closed when they reached the aggregation. */
    DROPPED_CLOSED_MINUTE("droppedEventsOfClosedMinutes", "dropped_closed_minute");

    private final String flinkName;
    private final String outcome;

    StreamCounter(String flinkName, String outcome) {
        this.flinkName = flinkName;
        this.outcome = outcome;
    }

    /** The counter's name in the job's metric group (the last part of its REST metric id). */
    public String flinkName() {
        return flinkName;
    }

    /** The {@code outcome} label of {@code adclick_stream_events_total}. */
    public String outcome() {
        return outcome;
    }

    /** The counter a REST metric id ({@code <operator>.<name>}) names, if it is one of ours. */
    public static Optional<StreamCounter> ofMetricId(String metricId) {
        String name = metricId.substring(metricId.lastIndexOf('.') + 1);
        return Arrays.stream(values())
                .filter(counter -> counter.flinkName.equals(name))
                .findFirst();
    }
}
