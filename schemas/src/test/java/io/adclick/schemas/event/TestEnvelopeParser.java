package io.adclick.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.schemas.InvalidFieldException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestEnvelopeParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEveryContractField() {
        EventEnvelope envelope = parse("{\"schema_version\":1,\"event_type\":\"click\",\"event_id\":\"e-1\","
                + "\"event_time\":\"2026-11-23T10:15:30.123Z\",\"token\":\"t.s\",\"user_id\":\"u-1\","
                + "\"country\":\"US\",\"device\":\"mobile\",\"attributes\":{\"placement\":\"top\"}}");

        assertThat(envelope)
                .isEqualTo(new EventEnvelope(
                        1,
                        EventType.CLICK,
                        "e-1",
                        Instant.parse("2026-11-23T10:15:30.123Z"),
                        "t.s",
                        "u-1",
                        "US",
                        Device.MOBILE,
                        Map.of("placement", "top")));
    }

    @Test
    void unknownTopLevelFieldsAreKeptInAttributes() {
        EventEnvelope envelope = parse(minimal("\"sdk_version\":\"3.2\",\"screen\":{\"w\":390},\"retries\":2"));

        assertThat(envelope.attributes())
                .containsEntry("sdk_version", "3.2")
                .containsEntry("screen", "{\"w\":390}")
                .containsEntry("retries", "2");
    }

    @Test
    void missingCountryIsUnknownAndMissingDeviceIsTheDefault() {
        EventEnvelope envelope = parse(minimal(null));

        assertThat(envelope.country()).isEqualTo("ZZ");
        assertThat(envelope.device()).isEqualTo(Device.TABLET);
        assertThat(envelope.userId()).isNull();
    }

    @Test
    void badFieldsAreNamedWithTheirValue() {
        assertInvalid(
                minimal("\"event_id_x\":1").replace("\"event_id\":\"e-1\"", "\"event_id\":\"has space\""),
                "event_id",
                "has space");
        assertInvalid(minimal("\"country\":\"XX\""), "country", "XX");
        assertInvalid(minimal("\"device\":\"fridge\""), "device", "fridge");
        assertInvalid(minimal(null).replace("click", "view"), "event_type", "view");
        assertInvalid(minimal(null).replace("2026-11-23T10:15:30Z", "yesterday"), "event_time", "yesterday");
        assertInvalid(minimal(null).replace("\"schema_version\":1", "\"schema_version\":2"), "schema_version", "2");
        assertInvalid(minimal("\"user_id\":\"" + "u".repeat(65) + "\""), "user_id", "uuu");
        assertInvalid(minimal(null).replace(",\"token\":\"t.s\"", ""), "token", null);
        assertInvalid(minimal("\"attributes\":[1]"), "attributes", "[1]");
    }

    @Test
    void nonObjectIsRejected() {
        assertThatThrownBy(() -> EnvelopeParser.parse(JSON.readTree("[1,2]"), Device.OTHER))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("must be a JSON object");
    }

    private static void assertInvalid(String json, String field, String valueFragment) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            if (valueFragment == null) {
                assertThat(e.value()).isNull();
            } else {
                assertThat(e.value()).contains(valueFragment);
                assertThat(e.getMessage()).contains(field).contains(valueFragment);
            }
        });
    }

    private static String minimal(String extra) {
        return "{\"schema_version\":1,\"event_type\":\"click\",\"event_id\":\"e-1\","
                + "\"event_time\":\"2026-11-23T10:15:30Z\",\"token\":\"t.s\""
                + (extra == null ? "" : "," + extra) + "}";
    }

    private static EventEnvelope parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return EnvelopeParser.parse(node, Device.TABLET);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
