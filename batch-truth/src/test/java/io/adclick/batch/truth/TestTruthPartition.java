package io.adclick.batch.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestTruthPartition {
    @Test
    void anHourIsTheHalfOpenUtcHour() {
        TruthPartition hour = TruthPartition.hour("2026-11-23T10");

        assertThat(hour.start()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(hour.end()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
        assertThat(hour.key()).isEqualTo("2026-11-23T10");
        assertThat(TruthPartition.hour("2026-11-23T10:00Z")).isEqualTo(hour);
    }

    @Test
    void aDayIsTheHalfOpenUtcDay() {
        TruthPartition day = TruthPartition.day("2026-11-23");

        assertThat(day.end()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(day.key()).isEqualTo("2026-11-23");
        assertThat(day.granularity().jobName()).isEqualTo("daily");
    }

    @Test
    void aBackfillRangeIncludesBothEnds() {
        assertThat(TruthPartition.days("2026-11-30", "2026-12-02"))
                .extracting(TruthPartition::key)
                .containsExactly("2026-11-30", "2026-12-01", "2026-12-02");
    }

    @Test
    void badInputSaysWhatToGive() {
        assertThatThrownBy(() -> TruthPartition.days("2026-11-25", "2026-11-20"))
                .hasMessage("--from 2026-11-25 is after --to 2026-11-20: give the earlier day first");
        assertThatThrownBy(() -> TruthPartition.hour("2026-11-23 10h"))
                .hasMessage("Invalid hour \"2026-11-23 10h\": use a UTC hour like 2026-11-23T10");
        assertThatThrownBy(() -> TruthPartition.day("23/11/2026"))
                .hasMessage("Invalid day \"23/11/2026\": use a UTC day like 2026-11-23");
    }
}
