package io.adclick.schemas.wire;

/** The Kafka topics of the contract (section 5). */
public final class Topics {
    /** Every accepted event, keyed by {@code event_id}: the raw log. */
    public static final String EVENTS_RAW = "events.raw";
    /** Every rejected event with its reason and original payload. */
    public static final String EVENTS_QUARANTINE = "events.quarantine";
    /** Minute rollups from the stream job (estimates). */
    public static final String ROLLUPS_MINUTE = "rollups.minute";
    /** Events later than the stream job's allowed lateness. */
    public static final String EVENTS_LATE = "events.late";

    private Topics() {}
}
