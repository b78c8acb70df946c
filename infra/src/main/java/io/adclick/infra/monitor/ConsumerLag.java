package io.adclick.infra.monitor;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.archive.ArchiveConnector;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.schemas.wire.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * A consumer group and the topic it reads: one {@code adclick_consumer_lag_records} series.
 *
 * @param group the consumer group
 * @param topic the topic it consumes
 */
public record ConsumerLag(String group, String topic) {
    public ConsumerLag {
        requireNonNull(group, "group is null");
        requireNonNull(topic, "topic is null");
    }

    /** The pipeline's consumers: the stream job on {@code events.raw} and every archive connector on its topic. */
    public static List<ConsumerLag> pipeline() {
        List<ConsumerLag> consumers = new ArrayList<>();
        consumers.add(new ConsumerLag(StreamEstimates.CONSUMER_GROUP, Topics.EVENTS_RAW));
        ArchiveConnector.ALL.forEach(sink -> consumers.add(new ConsumerLag(sink.consumerGroup(), sink.topic())));
        return List.copyOf(consumers);
    }
}
