package io.adclick.edge.log;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the edge last learned about Kafka: up after an acknowledged send or a successful metadata
 * probe, down after a failed one. Starts down until proven up.
 */
public final class KafkaStatus {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStatus.class);

    private final AtomicBoolean up = new AtomicBoolean();

    /** Whether the last contact with Kafka succeeded. */
    public boolean isUp() {
        return up.get();
    }

    void markUp() {
        if (up.compareAndSet(false, true)) {
            LOG.info("Kafka is reachable");
        }
    }

    void markDown(Throwable cause) {
        if (up.compareAndSet(true, false)) {
            LOG.warn("Kafka is unreachable ({}); events go to the local spool", cause.toString());
        }
    }
}
