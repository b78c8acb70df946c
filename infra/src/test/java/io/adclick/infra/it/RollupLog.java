package io.adclick.infra.it;

import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.schemas.wire.Topics;
import io.adclick.schemas.wire.WireCodecs;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code rollups.minute} as a {@code read_committed} reader sees it, read from the beginning: the
 * highest revision per rollup key (what the Pinot upsert table keeps) and the copies of each
 * revision (exactly once means one).
 */
final class RollupLog implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, MinuteRollup> latest = new HashMap<>();
    private final Map<String, Integer> copiesOfRevision = new HashMap<>();
    private long records;

    RollupLog(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(properties);
        partitions = consumer.partitionsFor(Topics.ROLLUPS_MINUTE, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(Topics.ROLLUPS_MINUTE, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what is there now (one poll). */
    RollupLog poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            MinuteRollup rollup = WireCodecs.MINUTE_ROLLUP.decode(record.value());
            records++;
            copiesOfRevision.merge(rollup.rollupKey() + "#" + rollup.revision(), 1, Integer::sum);
            latest.merge(rollup.rollupKey(), rollup, (a, b) -> b.revision() > a.revision() ? b : a);
        }
        return this;
    }

    /** Reads on until the committed end of every partition as of now. */
    RollupLog readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "%s not read to its end offsets %s within %s".formatted(Topics.ROLLUPS_MINUTE, end, timeout));
            }
            poll();
        }
        return this;
    }

    Collection<MinuteRollup> latestRevisions() {
        return latest.values();
    }

    /** {@code key#revision} of every revision read more than once, with its count. */
    Map<String, Integer> repeatedRevisions() {
        Map<String, Integer> repeated = new HashMap<>();
        copiesOfRevision.forEach((revision, copies) -> {
            if (copies > 1) {
                repeated.put(revision, copies);
            }
        });
        return repeated;
    }

    long records() {
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
