package io.adclick.infra.monitor;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.archive.ArchiveFigures.TableFigures;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One sample of the pipeline's figures, taken by {@link PipelineSampler}. A source that did not
 * answer leaves its figures empty and its {@code ...Up} flag false.
 *
 * @param sampledAt when the sample was taken
 * @param kafkaUp whether the brokers answered
 * @param lags records behind each consumer's committed offsets
 * @param flinkUp whether Flink's REST API answered
 * @param stream the stream job's figures; empty when Flink runs no such job (or did not answer)
 * @param catalogUp whether the Iceberg REST catalog answered
 * @param archive {@code raw_events}' figures
 */
public record PipelineSample(
        Instant sampledAt,
        boolean kafkaUp,
        Map<ConsumerLag, Long> lags,
        boolean flinkUp,
        Optional<FlinkJobFigures> stream,
        boolean catalogUp,
        Optional<TableFigures> archive) {

    public PipelineSample {
        requireNonNull(sampledAt, "sampledAt is null");
        lags = Map.copyOf(lags);
        requireNonNull(stream, "stream is null");
        requireNonNull(archive, "archive is null");
    }

    /** Before the first sample: nothing known. */
    public static PipelineSample none(Instant now) {
        return new PipelineSample(now, false, Map.of(), false, Optional.empty(), false, Optional.empty());
    }
}
