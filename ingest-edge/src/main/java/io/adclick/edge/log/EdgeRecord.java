package io.adclick.edge.log;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One message for the raw log: the Kafka topic, the key (may be null) and the encoded value,
 * exactly as they will be sent. The spool stores these bytes unchanged, so a replay sends an
 * exact copy.
 */
public record EdgeRecord(String topic, @Nullable byte[] key, byte[] value) {
    public EdgeRecord {
        requireNonNull(topic, "topic is null");
        requireNonNull(value, "value is null");
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("Invalid topic: empty");
        }
    }

    /** A record whose key is the UTF-8 text {@code key}, or no key when it is null. */
    public static EdgeRecord of(String topic, @Nullable String key, byte[] value) {
        return new EdgeRecord(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EdgeRecord that
                && topic.equals(that.topic)
                && Arrays.equals(key, that.key)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * topic.hashCode() + Arrays.hashCode(key)) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "EdgeRecord[topic=%s, key=%s, %d value bytes]"
                .formatted(topic, key == null ? null : new String(key, StandardCharsets.UTF_8), value.length);
    }
}
