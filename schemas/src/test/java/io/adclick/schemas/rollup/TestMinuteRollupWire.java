package io.adclick.schemas.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.schemas.InvalidFieldException;
import io.adclick.schemas.event.Device;
import io.adclick.schemas.wire.JsonWire;
import io.adclick.schemas.wire.WireCodecs;
import io.adclick.schemas.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestMinuteRollupWire {
    static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");
    static final MinuteRollup ROLLUP = rollup(MINUTE, 3, 2);

    static MinuteRollup rollup(Instant minute, long clicks, long billableClicks) {
        return new MinuteRollup(
                1,
                minute,
                "cmp-1",
                "ad-1",
                "pub-1",
                "US",
                Device.MOBILE,
                "adv-1",
                100,
                clicks,
                billableClicks,
                500_000,
                42,
                "AgMDAAAazJM=",
                7,
                Instant.parse("2026-11-23T10:16:05.500Z"));
    }

    @Test
    void roundTrips() {
        assertThat(WireCodecs.MINUTE_ROLLUP.decode(WireCodecs.MINUTE_ROLLUP.encode(ROLLUP)))
                .isEqualTo(ROLLUP);
    }

    @Test
    void isSnakeCaseJsonWithTheRollupKey() throws Exception {
        JsonNode json = JsonWire.mapper().readTree(WireCodecs.MINUTE_ROLLUP.encode(ROLLUP));

        assertThat(json.get("rollup_key").asText()).isEqualTo("cmp-1|ad-1|pub-1|US|mobile|2026-11-23T10:15:00Z");
        assertThat(json.get("minute").asText()).isEqualTo("2026-11-23T10:15:00Z");
        assertThat(json.get("device").asText()).isEqualTo("mobile");
        assertThat(json.get("billable_clicks").asLong()).isEqualTo(2);
        assertThat(json.get("spend_micros").asLong()).isEqualTo(500_000);
        assertThat(json.get("unique_users").asLong()).isEqualTo(42);
        assertThat(json.get("unique_users_sketch").asText()).isEqualTo("AgMDAAAazJM=");
        assertThat(json.get("revision").asLong()).isEqualTo(7);
        assertThat(json.get("emitted_at").asText()).isEqualTo("2026-11-23T10:16:05.500Z");
    }

    @Test
    void keyIsTheSameForEveryRevisionOfAMinute() {
        assertThat(rollup(MINUTE, 5, 5).rollupKey()).isEqualTo(ROLLUP.rollupKey());
        assertThat(rollup(MINUTE.plusSeconds(60), 3, 2).rollupKey()).isNotEqualTo(ROLLUP.rollupKey());
    }

    @Test
    void minuteMustBeTheStartOfAMinute() {
        assertThatThrownBy(() -> rollup(MINUTE.plusSeconds(1), 3, 2))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("minute");
    }

    @Test
    void billableClicksNeverExceedClicks() {
        assertThatThrownBy(() -> rollup(MINUTE, 1, 2))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("billable_clicks");
    }

    @Test
    void unknownVersionIsRefusedNamingTheField() {
        String json = new String(WireCodecs.MINUTE_ROLLUP.encode(ROLLUP), StandardCharsets.UTF_8)
                .replace("\"schema_version\":1", "\"schema_version\":2");

        assertThatThrownBy(() -> WireCodecs.MINUTE_ROLLUP.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("schema_version");
    }
}
