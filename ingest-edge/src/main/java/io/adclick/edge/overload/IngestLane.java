package io.adclick.edge.overload;

/** The kinds of ingest request that get a concurrency limit each. */
public enum IngestLane {
    /** {@code POST /v1/events}: up to a thousand events, one Kafka round trip for all. */
    BATCH,
    /** {@code GET /i/{token}} and {@code GET /c/{token}}: one event each. */
    TRACKING;

    /** The lane of a request path. */
    public static IngestLane of(String path) {
        return path.startsWith("/i/") || path.startsWith("/c/") ? TRACKING : BATCH;
    }

    /** The lane's name in metrics. */
    public String metricName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
