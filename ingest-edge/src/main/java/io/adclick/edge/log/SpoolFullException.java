package io.adclick.edge.log;

/** The spool has no room for a record: Kafka has been away for too long, or the spool is too small. */
public final class SpoolFullException extends RuntimeException {
    public SpoolFullException(long maxBytes) {
        super("The edge's spool is full (%d bytes wait for Kafka): retry later, and check that Kafka is reachable"
                .formatted(maxBytes));
    }
}
