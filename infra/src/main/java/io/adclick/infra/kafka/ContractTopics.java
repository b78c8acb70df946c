package io.adclick.infra.kafka;

import io.adclick.schemas.wire.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.TopicConfig;

/** The topics of the contract (section 5) as the embedded stack creates them. */
public final class ContractTopics {
    /** Raw events are replayable for a week: the archive keeps them for good. */
    public static final Duration RAW_RETENTION = Duration.ofDays(7);
    /** Rejected events stay a month so that a client's bug can be found and the events replayed. */
    public static final Duration QUARANTINE_RETENTION = Duration.ofDays(30);

    private ContractTopics() {}

    /** All of them, in creation order. */
    public static List<TopicSpec> all() {
        return List.of(
                TopicSpec.deleteAfter(Topics.EVENTS_RAW, 6, RAW_RETENTION),
                TopicSpec.deleteAfter(Topics.EVENTS_QUARANTINE, 2, QUARANTINE_RETENTION),
                // Backfilled rollups carry old event times: append time keeps retention from deleting them at once.
                TopicSpec.deleteAfter(Topics.ROLLUPS_MINUTE, 6, RAW_RETENTION)
                        .with(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
                        .with(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"),
                TopicSpec.deleteAfter(Topics.EVENTS_LATE, 2, RAW_RETENTION));
    }
}
