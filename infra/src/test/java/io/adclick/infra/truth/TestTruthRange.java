package io.adclick.infra.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TestTruthRange {
    @Test
    void anHourIsAUtcHourKey() {
        assertThat(TruthRange.hour("2026-11-23T10")).isEqualTo("2026-11-23T10");
        assertThatThrownBy(() -> TruthRange.hour("2026-11-23T7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid --hour \"2026-11-23T7\": use a UTC hour like 2026-11-23T10");
    }

    @Test
    void aRangeGivesTheEarlierDayFirst() {
        TruthRange.days("2026-11-01", "2026-11-01");
        assertThatThrownBy(() -> TruthRange.days("2026-11-03", "2026-11-01"))
                .hasMessage("Invalid range: --from 2026-11-03 is after --to 2026-11-01 (give the earlier day first)");
        assertThatThrownBy(() -> TruthRange.days("2026-11-01", "November"))
                .hasMessage("Invalid --to \"November\": use a UTC day like 2026-11-23");
        assertThat(TruthRange.day("--day", " 2026-02-28 ")).isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
