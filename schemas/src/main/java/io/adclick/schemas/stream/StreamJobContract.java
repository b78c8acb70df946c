package io.adclick.schemas.stream;

import java.time.Duration;

/**
 * What other parts of adclick rely on about the stream estimates job: the names the launcher and
 * the monitor find it and its Kafka clients by, and how long its state remembers what it has seen,
 * which the reconciliation's model of the job must share.
 */
public final class StreamJobContract {
    /** The job's name in Flink. */
    public static final String JOB_NAME = "adclick-stream-estimates";

    /** The consumer group of its Kafka source (offsets committed on checkpoints). */
    public static final String CONSUMER_GROUP = "adclick-stream-estimates";

    /** The transactional-id prefix of its exactly-once Kafka sinks; keep it stable across releases. */
    public static final String TRANSACTIONAL_ID_PREFIX = "adclick-stream-estimates";

    /**
     * How long an {@code event_id} stays in the dedup state (processing time): a day plus an hour,
     * so that SDK retries of the same day always meet.
     */
    public static final Duration DEDUP_TTL = Duration.ofHours(25);

    /** How long an impression's first click stays in the first-click state (processing time). */
    public static final Duration FIRST_CLICK_TTL = Duration.ofHours(25);

    private StreamJobContract() {}
}
