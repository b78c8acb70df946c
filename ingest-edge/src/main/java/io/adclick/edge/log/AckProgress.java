package io.adclick.edge.log;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether Kafka is making progress on the edge's sends. A slow broker still acknowledges something
 * every so often; a broker that is gone acknowledges nothing. The edge tells the two apart by the
 * time since the last acknowledgement while sends are outstanding, not by how long one send takes.
 */
public final class AckProgress {
    private final LongSupplier nanoClock;
    private final AtomicLong outstanding = new AtomicLong();
    private volatile long lastProgressNanos;

    public AckProgress() {
        this(System::nanoTime);
    }

    AckProgress(LongSupplier nanoClock) {
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
        this.lastProgressNanos = nanoClock.getAsLong();
    }

    /** A send was handed to the producer. */
    void sent() {
        if (outstanding.getAndIncrement() == 0) {
            lastProgressNanos = nanoClock.getAsLong();
        }
    }

    /** Kafka acknowledged a send. */
    void acknowledged() {
        lastProgressNanos = nanoClock.getAsLong();
        outstanding.decrementAndGet();
    }

    /** A send failed; a failure is not progress. */
    void failed() {
        outstanding.decrementAndGet();
    }

    /** Sends handed to the producer and neither acknowledged nor failed yet. */
    public long outstanding() {
        return outstanding.get();
    }

    /**
     * Whether sends are outstanding and Kafka has acknowledged nothing for {@code stallTimeout}
     * (counted from the last acknowledgement, or from when the first of them was sent).
     */
    public boolean isStalled(Duration stallTimeout) {
        return outstanding.get() > 0 && nanoClock.getAsLong() - lastProgressNanos >= stallTimeout.toNanos();
    }
}
