package io.adclick.stream.function;

import static io.adclick.stream.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.wire.WireCodecs;
import io.adclick.stream.TestEvents;
import io.adclick.stream.model.StreamEvent;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestLateEventRouter {
    static final long LATENESS = 60_000;
    static final long CLOSES_AT = T0.toEpochMilli() + 59_999 + LATENESS;

    OneInputStreamOperatorTestHarness<StreamEvent, StreamEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new LateEventRouter(LATENESS));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesAnEventWhileItsMinuteIsWithinTheLateness() throws Exception {
        harness.processWatermark(CLOSES_AT - 1);
        RawEvent event = TestEvents.impression("a", T0.plusSeconds(59), "u1");

        harness.processElement(
                new StreamRecord<>(TestEvents.asRead(event), event.eventTime().toEpochMilli()));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(e -> {
            assertThat(e.eventId).isEqualTo(event.eventId());
            assertThat(e.record).as("the record stays behind").isNull();
        });
        assertThat(harness.getSideOutput(LateEventRouter.LATE)).isNull();
    }

    @Test
    void sendsTheEventWithItsRecordToTheLateOutputOnceItsMinuteClosed() throws Exception {
        harness.processWatermark(CLOSES_AT);
        RawEvent event = TestEvents.click("c1", "a", T0.plusSeconds(59), "u1");

        harness.processElement(
                new StreamRecord<>(TestEvents.asRead(event), event.eventTime().toEpochMilli()));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(LateEventRouter.LATE))
                .extracting(StreamRecord::getValue)
                .singleElement()
                .satisfies(late ->
                        assertThat(WireCodecs.RAW_EVENT.decode(late.record)).isEqualTo(event));
    }

    @Test
    void dropsConversions() throws Exception {
        RawEvent conversion = TestEvents.event(EventType.CONVERSION, "cv1", "a", T0, "u1", "cmp-1", TokenStatus.VALID);

        harness.processElement(new StreamRecord<>(TestEvents.asRead(conversion), T0.toEpochMilli()));

        assertThat(harness.extractOutputValues()).isEmpty();
    }
}
