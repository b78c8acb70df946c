package io.adclick.stream.function;

import io.adclick.stream.model.StreamEvent;
import org.apache.flink.api.java.functions.KeySelector;

/** The key of the first aggregation phase: {@code campaign|ad|publisher|country|device#salt}. */
public final class SaltedKey implements KeySelector<StreamEvent, String> {
    private final int saltBuckets;

    public SaltedKey(int saltBuckets) {
        this.saltBuckets = saltBuckets;
    }

    @Override
    public String getKey(StreamEvent event) {
        return event.dimensionKey() + "#" + Salts.of(event.eventId, saltBuckets);
    }

    /** The salt part of a key made by this selector. */
    static int saltOf(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('#') + 1));
    }
}
