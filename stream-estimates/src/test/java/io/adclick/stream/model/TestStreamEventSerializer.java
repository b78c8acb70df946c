package io.adclick.stream.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.event.EventType;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/** Flink's contract tests for serializers, on events with and without their optional fields. */
class TestStreamEventSerializer extends SerializerTestBase<StreamEvent> {
    /** {@link StreamEvent} has no {@code equals}: compare it field by field. */
    TestStreamEventSerializer() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof StreamEvent && b instanceof StreamEvent,
                        (a, b, checker) -> sameFields((StreamEvent) a, (StreamEvent) b)));
    }

    @Override
    protected TypeSerializer<StreamEvent> createSerializer() {
        return StreamEventSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<StreamEvent> getTypeClass() {
        return StreamEvent.class;
    }

    @Override
    protected StreamEvent[] getTestData() {
        StreamEvent impression = event(EventType.IMPRESSION, "u-1");
        StreamEvent billableClick = event(EventType.CLICK, "ü-2");
        billableClick.billable = true;
        billableClick.cpcMicros = Long.MAX_VALUE;
        StreamEvent anonymousExpiredClick = event(EventType.CLICK, null);
        anonymousExpiredClick.tokenExpired = true;
        anonymousExpiredClick.impressionId = null;
        anonymousExpiredClick.advertiserId = null;
        return new StreamEvent[] {impression, billableClick, anonymousExpiredClick};
    }

    @Test
    void flinkUsesThisSerializerForStreamEvents() {
        assertThat(TypeInformation.of(StreamEvent.class).createSerializer(new SerializerConfigImpl()))
                .isSameAs(StreamEventSerializer.INSTANCE);
    }

    private static StreamEvent event(EventType type, String userId) {
        StreamEvent e = new StreamEvent();
        e.eventId = "evt-" + type.wireName();
        e.eventType = type;
        e.eventTime = 1_764_000_000_000L;
        e.impressionId = "imp-1";
        e.advertiserId = "adv-1";
        e.campaignId = "cmp-1";
        e.adId = "ad-1";
        e.publisherId = "pub-1";
        e.country = "US";
        e.device = "mobile";
        e.userId = userId;
        e.cpcMicros = 1_250_000;
        return e;
    }

    private static boolean sameFields(StreamEvent a, StreamEvent b) {
        return Objects.equals(a.eventId, b.eventId)
                && a.eventType == b.eventType
                && a.eventTime == b.eventTime
                && a.tokenExpired == b.tokenExpired
                && Objects.equals(a.impressionId, b.impressionId)
                && Objects.equals(a.advertiserId, b.advertiserId)
                && Objects.equals(a.campaignId, b.campaignId)
                && Objects.equals(a.adId, b.adId)
                && Objects.equals(a.publisherId, b.publisherId)
                && Objects.equals(a.country, b.country)
                && Objects.equals(a.device, b.device)
                && Objects.equals(a.userId, b.userId)
                && a.cpcMicros == b.cpcMicros
                && a.billable == b.billable;
    }
}
