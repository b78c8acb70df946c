package io.adclick.infra.stream;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.kafka.KafkaFigures;
import io.adclick.schemas.wire.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

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
        Map<String, Long> ends =
                KafkaFigures.endOffsets(admin, List.of(Topics.EVENTS_RAW, Topics.ROLLUPS_MINUTE), timeout);
        long committed = admin
                .listConsumerGroupOffsets(StreamEstimates.CONSUMER_GROUP)
                .partitionsToOffsetAndMetadata()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .entrySet()
                .stream()
                .filter(e -> e.getKey().topic().equals(Topics.EVENTS_RAW) && e.getValue() != null)
                .mapToLong(e -> offset(e.getValue()))
                .sum();
        return new StreamFigures(Math.max(0, ends.get(Topics.EVENTS_RAW) - committed), ends.get(Topics.ROLLUPS_MINUTE));
    }

    /** e.g. {@code lag 120 events.raw records, rollups.minute end offsets 5,321}. */
    public String describe() {
        return "lag %,d events.raw records, %s end offsets %,d".formatted(lag, Topics.ROLLUPS_MINUTE, rollups);
    }

    private static long offset(OffsetAndMetadata metadata) {
        return metadata.offset();
    }
}
