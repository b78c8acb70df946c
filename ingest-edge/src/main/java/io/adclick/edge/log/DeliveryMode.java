package io.adclick.edge.log;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where new records go: straight to Kafka ({@code direct}), or to the spool ({@code spooling})
 * while Kafka is away or the spool still holds older records. The edge starts spooling; the
 * drainer switches to direct once Kafka answers and the spool is empty.
 */
public final class DeliveryMode {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryMode.class);

    private final AtomicBoolean spooling = new AtomicBoolean(true);

    /** Whether new records go to the spool. */
    public boolean isSpooling() {
        return spooling.get();
    }

    /** Sends new records to the spool, because a send to Kafka failed with {@code cause}. */
    void switchToSpooling(Throwable cause) {
        if (spooling.compareAndSet(false, true)) {
            LOG.warn("Kafka did not acknowledge in time ({}): spooling new events locally", cause.toString());
        }
    }

    /** Sends new records to Kafka again. */
    void switchToDirect() {
        if (spooling.compareAndSet(true, false)) {
            LOG.info("Spool drained and Kafka reachable: sending events to Kafka directly");
        }
    }
}
