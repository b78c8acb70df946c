package io.adclick.infra.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic as the stack creates it: partitions, replication and the topic-level configuration.
 *
 * @param configs topic configuration, e.g. {@code retention.ms}
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {
    public TopicSpec {
        requireNonNull(name, "name is null");
        if (partitions < 1) {
            throw new IllegalArgumentException("Invalid partition count for " + name + ": " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("Invalid replication factor for " + name + ": " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }

    /** A single-replica topic with time-based retention ({@code cleanup.policy=delete}). */
    public static TopicSpec deleteAfter(String name, int partitions, Duration retention) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
        configs.put(TopicConfig.COMPRESSION_TYPE_CONFIG, "producer");
        return new TopicSpec(name, partitions, (short) 1, configs);
    }

    /** This spec with one more topic configuration entry. */
    public TopicSpec with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(configs);
        copy.put(key, value);
        return new TopicSpec(name, partitions, replicationFactor, copy);
    }

    /**
     * This spec on a cluster: {@code replicas} copies of each partition and
     * {@code min.insync.replicas} one less (at least 1), so that an {@code acks=all} write survives
     * the loss of one broker and is refused rather than under-replicated when two are down.
     */
    public TopicSpec withReplication(short replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("Invalid replication factor for " + name + ": " + replicas);
        }
        Map<String, String> copy = new LinkedHashMap<>(configs);
        copy.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.max(1, replicas - 1)));
        return new TopicSpec(name, partitions, replicas, copy);
    }

    /** This spec with {@code factor} times the partitions (for a cluster sized for more traffic). */
    public TopicSpec withPartitionsScaledBy(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("Invalid partition scale for " + name + ": " + factor);
        }
        return new TopicSpec(name, partitions * factor, replicationFactor, configs);
    }

    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
