package io.adclick.stream;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.StreamEvent;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The outputs of the {@link EstimatesPipeline}.
 *
 * @param rollups the revisions of the minute rollups, for {@code rollups.minute}
 * @param late the events beyond the allowed lateness, with their records, for {@code events.late}
 */
public record EstimatesStreams(DataStream<MinuteRollup> rollups, DataStream<StreamEvent> late) {
    public EstimatesStreams {
        requireNonNull(rollups, "rollups is null");
        requireNonNull(late, "late is null");
    }

    /** Writes both outputs to their sinks. */
    public void sinkTo(Sink<MinuteRollup> rollupSink, Sink<StreamEvent> lateSink) {
        rollups.sinkTo(requireNonNull(rollupSink, "rollupSink is null"))
                .name("rollups.minute")
                .uid("rollups-minute-sink");
        late.sinkTo(requireNonNull(lateSink, "lateSink is null"))
                .name("events.late")
                .uid("events-late-sink");
    }
}
