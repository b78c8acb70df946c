package io.adclick.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.stream.config.JobSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestKafkaConnectors {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void exactlyOnceSinksPassTheConnectorsSanityChecks() {
        assertThat(KafkaConnectors.minuteRollups(JobSettings.defaults(), CLOCK)).isNotNull();
        assertThat(KafkaConnectors.lateEvents(JobSettings.defaults(), CLOCK)).isNotNull();
        assertThat(KafkaConnectors.rawEvents(JobSettings.defaults()).getBoundedness())
                .isEqualTo(org.apache.flink.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED);
    }
}
