package io.adclick.stream.serde;

import static io.adclick.stream.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.wire.JsonWire;
import io.adclick.schemas.wire.WireCodecs;
import io.adclick.schemas.wire.WireFormatException;
import io.adclick.stream.TestEvents;
import io.adclick.stream.model.StreamEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestStreamEventDecoder {
    static Stream<RawEvent> events() {
        RawEvent click = TestEvents.click("c1", "i1", T0.plusMillis(1_234), "u1");
        RawEvent withAttributesAndAddress = new RawEvent(
                1,
                click.eventType(),
                click.eventId(),
                click.eventTime(),
                click.receivedAt(),
                click.source(),
                click.userId(),
                "DE",
                click.device(),
                Map.of("placement", "top", "n", "{\"a\":[1,2]}"),
                click.token(),
                click.tokenKid(),
                click.tokenStatus(),
                click.impressionId(),
                click.advertiserId(),
                click.campaignId(),
                click.adId(),
                click.publisherId(),
                click.cpcMicros(),
                click.landingUrl(),
                click.tokenIssuedAt(),
                "198.51.100.7",
                "Mozilla/5.0");
        return Stream.of(
                click,
                TestEvents.impression("i2", T0, null),
                TestEvents.expiredClick("c2", "i3", T0, "u2"),
                TestEvents.event(EventType.CONVERSION, "cv1", "i1", T0, "u1", "cmp-1", TokenStatus.VALID),
                withAttributesAndAddress);
    }

    @ParameterizedTest
    @MethodSource("events")
    void readsTheFieldsTheJobNeedsAsTheRecordCodecDoes(RawEvent event) {
        byte[] record = WireCodecs.RAW_EVENT.encode(event);

        StreamEvent read = StreamEventDecoder.decode(record);

        assertThat(read)
                .usingRecursiveComparison()
                .ignoringFields("record")
                .isEqualTo(StreamEvent.of(WireCodecs.RAW_EVENT.decode(record)));
        assertThat(read.record).isSameAs(record);
    }

    @Test
    void readsANumberWhereItExpectsAStringAsItsTextAsTheRecordCodecDoes() {
        byte[] record = changed(json -> json.put("campaign_id", 7));

        assertThat(StreamEventDecoder.decode(record).campaignId)
                .isEqualTo("7")
                .isEqualTo(WireCodecs.RAW_EVENT.decode(record).campaignId());
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        StreamEvent read = StreamEventDecoder.decode(
                changed(json -> json.putObject("added_later").put("nested", true)));

        assertThat(read.eventId).isEqualTo("c1");
    }

    static Stream<Arguments> invalidRecords() {
        return Stream.of(
                Arguments.of(changed(json -> json.put("schema_version", 2)), "schema_version"),
                Arguments.of(changed(json -> json.remove("landing_url")), "landing_url"),
                Arguments.of(changed(json -> json.putNull("token")), "token"),
                Arguments.of(changed(json -> json.put("event_id", "not an id")), "event_id"),
                Arguments.of(changed(json -> json.putArray("campaign_id").add("cmp-1")), "campaign_id"),
                Arguments.of(changed(json -> json.put("country", "XX")), "country"),
                Arguments.of(changed(json -> json.put("device", "fridge")), "device"),
                Arguments.of(changed(json -> json.put("token_status", "forged")), "token_status"),
                Arguments.of(changed(json -> json.put("cpc_micros", -1)), "cpc_micros"),
                Arguments.of(changed(json -> json.put("event_time", "yesterday")), "yesterday"),
                Arguments.of(changed(json -> json.put("event_type", "view")), "event_type"),
                Arguments.of("[1, 2]".getBytes(StandardCharsets.UTF_8), "not a JSON object"),
                Arguments.of("{\"schema_version\":1".getBytes(StandardCharsets.UTF_8), "end-of-input"));
    }

    @ParameterizedTest
    @MethodSource("invalidRecords")
    void rejectsWhatTheRecordCodecRejectsNamingTheField(byte[] record, String named) {
        assertThatThrownBy(() -> WireCodecs.RAW_EVENT.decode(record)).isInstanceOf(WireFormatException.class);

        assertThatThrownBy(() -> StreamEventDecoder.decode(record))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("Not a valid RawEvent message: ")
                .hasMessageContaining(named);
    }

    /** The record of a click with {@code change} applied to its JSON. */
    private static byte[] changed(Consumer<ObjectNode> change) {
        try {
            byte[] record = WireCodecs.RAW_EVENT.encode(TestEvents.click("c1", "i1", T0, "u1"));
            ObjectNode json = (ObjectNode) JsonWire.mapper().readTree(record);
            change.accept(json);
            return JsonWire.mapper().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
