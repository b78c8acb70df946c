package io.adclick.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.schemas.event.Device;
import io.adclick.schemas.event.EventEnvelope;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.IngestSource;
import io.adclick.schemas.event.QuarantineRecord;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.token.AdTokenPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRawEventWire {
    static final RawEvent EVENT = RawEvent.of(
            new EventEnvelope(
                    1,
                    EventType.CLICK,
                    "clk-1",
                    Instant.parse("2026-11-23T10:15:30.123Z"),
                    "payload.signature",
                    "u-1",
                    "US",
                    Device.MOBILE,
                    Map.of("placement", "top")),
            new AdTokenPayload(
                    1,
                    "dev",
                    "imp-1",
                    "adv-1",
                    "cmp-1",
                    "ad-1",
                    "pub-1",
                    250_000,
                    "https://l.example/",
                    1_795_428_000L),
            TokenStatus.VALID,
            Instant.parse("2026-11-23T10:15:30.456Z"),
            IngestSource.REDIRECT,
            "203.0.113.7",
            "Mozilla/5.0");

    @Test
    void rawEventRoundTrips() {
        assertThat(WireCodecs.RAW_EVENT.decode(WireCodecs.RAW_EVENT.encode(EVENT)))
                .isEqualTo(EVENT);
    }

    @Test
    void rawEventIsSnakeCaseJsonWithIsoInstants() throws Exception {
        JsonNode json = JsonWire.mapper().readTree(WireCodecs.RAW_EVENT.encode(EVENT));

        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.get("event_type").asText()).isEqualTo("click");
        assertThat(json.get("event_time").asText()).isEqualTo("2026-11-23T10:15:30.123Z");
        assertThat(json.get("cpc_micros").asLong()).isEqualTo(250_000);
        assertThat(json.get("token_status").asText()).isEqualTo("valid");
        assertThat(json.get("source").asText()).isEqualTo("redirect");
        assertThat(json.get("attributes").get("placement").asText()).isEqualTo("top");
    }

    @Test
    void readersIgnoreFieldsAddedByANewerWriter() {
        String json = new String(WireCodecs.RAW_EVENT.encode(EVENT), StandardCharsets.UTF_8)
                .replace("{\"schema_version\":1,", "{\"schema_version\":1,\"future_field\":42,");

        assertThat(WireCodecs.RAW_EVENT.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(EVENT);
    }

    @Test
    void unknownSchemaVersionIsRefusedWithTheFieldNamed() {
        String json = new String(WireCodecs.RAW_EVENT.encode(EVENT), StandardCharsets.UTF_8)
                .replace("\"schema_version\":1", "\"schema_version\":9");

        assertThatThrownBy(() -> WireCodecs.RAW_EVENT.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("schema_version");
    }

    @Test
    void garbageIsAWireFormatError() {
        assertThatThrownBy(() -> WireCodecs.RAW_EVENT.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("RawEvent");
    }

    @Test
    void quarantineRecordRoundTripsWithTheOriginalPayload() {
        QuarantineRecord record = new QuarantineRecord(
                1,
                "bad_signature",
                "token signature does not match",
                Instant.parse("2026-11-23T10:15:30Z"),
                IngestSource.SDK,
                3,
                "e-3",
                "key:abc",
                "{\"event_id\":\"e-3\"}");

        assertThat(WireCodecs.QUARANTINE.decode(WireCodecs.QUARANTINE.encode(record)))
                .isEqualTo(record);
    }
}
