package io.adclick.infra.stream;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.kafka.KafkaFigures;
import io.adclick.schemas.wire.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Key figures of the stream job for {@code adclick status}.
 *
 * @param lag {@code events.raw} records behind the offsets the job committed with its last
 *     checkpoint (a partition without a committed offset counts whole)
 * @param rollups the end offsets of {@code rollups.minute} summed over partitions (rollup revisions
 *     written, including transaction markers)
 */
public record StreamFigures(long lag, long rollups) {

    /** Reads the figures through {@code admin}. */
    public static StreamFigures read(Admin admin, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        requireNonNull(admin, "admin is null");
        long rollups = KafkaFigures.endOffsets(admin, List.of(Topics.ROLLUPS_MINUTE), timeout)
                .get(Topics.ROLLUPS_MINUTE);
        return new StreamFigures(
                KafkaFigures.lag(admin, StreamEstimates.CONSUMER_GROUP, Topics.EVENTS_RAW, timeout), rollups);
    }

    /** e.g. {@code lag 120 events.raw records, rollups.minute end offsets 5,321}. */
    public String describe() {
        return "lag %,d events.raw records, %s end offsets %,d".formatted(lag, Topics.ROLLUPS_MINUTE, rollups);
    }
}
