package io.adclick.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.adclick.schemas.wire.Topics;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestContractTopics {
    private final Map<String, TopicSpec> topics =
            ContractTopics.all().stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));

    @Test
    void createsEveryTopicOfTheContract() {
        assertThat(topics)
                .containsOnlyKeys(
                        Topics.EVENTS_RAW, Topics.EVENTS_QUARANTINE, Topics.ROLLUPS_MINUTE, Topics.EVENTS_LATE);
    }

    @Test
    void rawEventsHaveSixPartitionsAndAWeekOfRetention() {
        TopicSpec raw = topics.get(Topics.EVENTS_RAW);

        assertThat(raw.partitions()).isEqualTo(6);
        assertThat(raw.configs())
                .contains(
                        entry("retention.ms", "604800000"),
                        entry("cleanup.policy", "delete"),
                        entry("min.insync.replicas", "1"),
                        entry("compression.type", "producer"));
    }

    @Test
    void quarantineKeepsAMonth() {
        assertThat(topics.get(Topics.EVENTS_QUARANTINE).partitions()).isEqualTo(2);
        assertThat(topics.get(Topics.EVENTS_QUARANTINE).configs()).contains(entry("retention.ms", "2592000000"));
    }

    @Test
    void rollupsAreCompactedAndStampedWithAppendTimeSoBackfillsAreNotDeletedAtOnce() {
        TopicSpec rollups = topics.get(Topics.ROLLUPS_MINUTE);

        assertThat(rollups.partitions()).isEqualTo(6);
        assertThat(rollups.configs())
                .contains(entry("cleanup.policy", "compact,delete"), entry("message.timestamp.type", "LogAppendTime"));
    }

    @Test
    void lateEventsHaveTwoPartitions() {
        assertThat(topics.get(Topics.EVENTS_LATE).partitions()).isEqualTo(2);
    }
}
