package io.adclick.stream.function;

import static io.adclick.stream.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.stream.TestEvents;
import io.adclick.stream.model.HashedId;
import io.adclick.stream.model.HashedIdTypeInfo;
import io.adclick.stream.model.StreamEvent;
import java.time.Duration;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestFirstClickMarker {
    KeyedOneInputStreamOperatorTestHarness<HashedId, StreamEvent, StreamEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new FirstClickMarker(Duration.ofHours(25)), FirstClickMarker.KEY, HashedIdTypeInfo.INSTANCE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void onlyTheFirstClickOfAnImpressionIsBillable() throws Exception {
        harness.processElement(StreamEvent.of(TestEvents.click("e1", "i1", T0, "u1")), 1);
        harness.processElement(StreamEvent.of(TestEvents.click("e2", "i1", T0, "u1")), 2);
        harness.processElement(StreamEvent.of(TestEvents.click("e3", "i2", T0, "u1")), 3);

        assertThat(harness.extractOutputValues())
                .extracting(e -> e.eventId + ":" + e.billable)
                .containsExactly("e1:true", "e2:false", "e3:true");
    }
}
