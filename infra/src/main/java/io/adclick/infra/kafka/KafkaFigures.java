package io.adclick.infra.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Key figures of the broker for {@code adclick status} and the monitor: end offsets and consumer lag. */
public final class KafkaFigures {
    private KafkaFigures() {}

    /** The sum over partitions of each topic's end offset (records ever written, before retention). */
    public static Map<String, Long> endOffsets(Admin admin, List<String> topicNames, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        requireNonNull(admin, "admin is null");
        Map<String, Long> totals = new LinkedHashMap<>();
        var descriptions =
                admin.describeTopics(topicNames).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        descriptions.forEach((topic, description) -> description
                .partitions()
                .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        topicNames.forEach(topic -> totals.put(topic, 0L));
        offsets.forEach((partition, info) -> totals.merge(partition.topic(), info.offset(), Long::sum));
        return totals;
    }

    /**
     * Records of {@code topic} behind the offsets {@code group} committed: end offsets minus
     * committed offsets, summed over partitions (a partition without a committed offset counts whole).
     */
    public static long lag(Admin admin, String group, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        long end = endOffsets(admin, List.of(topic), timeout).get(topic);
        return Math.max(0, end - committed(admin, group, topic, timeout));
    }

    /** The offsets {@code group} committed on {@code topic}, summed over partitions. */
    public static long committed(Admin admin, String group, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .entrySet()
                .stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }
}
