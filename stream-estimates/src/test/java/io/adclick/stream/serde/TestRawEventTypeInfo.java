package io.adclick.stream.serde;

import static io.adclick.stream.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.event.RawEvent;
import io.adclick.stream.TestEvents;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class TestRawEventTypeInfo {
    @Test
    void rawEventsWithAttributesSurviveFlinksCopyAndSerialization() throws Exception {
        RawEvent plain = TestEvents.click("c1", "i1", T0, "u1");
        RawEvent event = new RawEvent(
                plain.schemaVersion(),
                plain.eventType(),
                plain.eventId(),
                plain.eventTime(),
                plain.receivedAt(),
                plain.source(),
                plain.userId(),
                plain.country(),
                plain.device(),
                Map.of("placement", "top", "campaign_tag", "winter"),
                plain.token(),
                plain.tokenKid(),
                plain.tokenStatus(),
                plain.impressionId(),
                plain.advertiserId(),
                plain.campaignId(),
                plain.adId(),
                plain.publisherId(),
                plain.cpcMicros(),
                plain.landingUrl(),
                plain.tokenIssuedAt(),
                "203.0.113.7",
                "Mozilla/5.0");
        TypeInformation<RawEvent> type = TypeInformation.of(RawEvent.class);
        TypeSerializer<RawEvent> serializer = type.createSerializer(new SerializerConfigImpl());

        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(event, out);
        RawEvent read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        assertThat(serializer.copy(event)).isEqualTo(event);
        assertThat(read).isEqualTo(event);
    }
}
