package io.adclick.edge.log;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where new records go: straight to Kafka ({@code direct}), or to the spool ({@code spooling})
 * while Kafka is away or the spool still holds older records. The edge starts spooling; the
 * drainer switches to direct once Kafka answers and the spool is empty; the writer switches to
 * spooling only when Kafka stalls or fails, never because it is slow.
 */
public final class DeliveryMode {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryMode.class);

    private final AtomicBoolean spooling = new AtomicBoolean(true);
    private final AtomicLong switchesToSpooling = new AtomicLong();

    /** Whether new records go to the spool. */
    public boolean isSpooling() {
        return spooling.get();
    }

    /** How often the edge went from direct to spooling since it started. */
    public long switchesToSpooling() {
        return switchesToSpooling.get();
    }

    /** Sends new records to the spool, because Kafka stalled or failed ({@code reason}). */
    void switchToSpooling(String reason) {
        if (spooling.compareAndSet(false, true)) {
            switchesToSpooling.incrementAndGet();
            LOG.warn("Kafka is not taking events ({}): spooling new events locally", reason);
        }
    }

    /** Sends new records to Kafka again. */
    void switchToDirect() {
        if (spooling.compareAndSet(true, false)) {
            LOG.info("Spool drained and Kafka reachable: sending events to Kafka directly");
        }
    }
}
