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

class TestEventDeduplicator {
    static final Duration TTL = Duration.ofHours(25);

    KeyedOneInputStreamOperatorTestHarness<HashedId, StreamEvent, StreamEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new EventDeduplicator(TTL), EventDeduplicator.KEY, HashedIdTypeInfo.INSTANCE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesTheFirstEventOfAnIdAndDropsItsDuplicates() throws Exception {
        harness.processElement(event("e1"), 1);
        harness.processElement(event("e1"), 2);
        harness.processElement(event("e2"), 3);
        harness.processElement(event("e1"), 4);

        assertThat(harness.extractOutputValues()).extracting(e -> e.eventId).containsExactly("e1", "e2");
    }

    @Test
    void forgetsAnIdAfterTheTtl() throws Exception {
        harness.setStateTtlProcessingTime(0);
        harness.processElement(event("e1"), 1);
        harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
        harness.processElement(event("e1"), 2);
        harness.setStateTtlProcessingTime(TTL.toMillis());
        harness.processElement(event("e1"), 3);

        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    private static StreamEvent event(String eventId) {
        return StreamEvent.of(TestEvents.click(eventId, "i1", T0, "u1"));
    }
}
