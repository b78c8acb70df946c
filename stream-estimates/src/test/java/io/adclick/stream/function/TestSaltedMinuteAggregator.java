package io.adclick.stream.function;

import static io.adclick.stream.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.event.RawEvent;
import io.adclick.stream.TestEvents;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.StreamEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestSaltedMinuteAggregator {
    static final long LATENESS = 60_000;
    static final long MINUTE_END = T0.toEpochMilli() + 59_999;
    static final long UPDATE_DELAY = 2_000;
    /** Early firings at 3 s, 6 s, ... of processing time: never at the update delay's instants. */
    static final long EARLY = 3_000;

    KeyedOneInputStreamOperatorTestHarness<String, StreamEvent, PartialRollup> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void emitsAMinuteOnceWhenTheWatermarkPassesItsEnd() throws Exception {
        harness.processElement(impression("a", T0.plusSeconds(1)));
        harness.processElement(impression("b", T0.plusSeconds(30)));
        harness.processWatermark(MINUTE_END - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(MINUTE_END);
        harness.processWatermark(MINUTE_END + 5_000);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> {
            assertThat(p.minute).isEqualTo(T0.toEpochMilli());
            assertThat(p.impressions).isEqualTo(2);
        });
    }

    @Test
    void coalescesLateEventsIntoOneFiringPerWatermarkAdvance() throws Exception {
        harness.processElement(impression("a", T0.plusSeconds(1)));
        harness.processWatermark(MINUTE_END + 1_000);
        harness.extractOutputValues();
        harness.getOutput().clear();

        harness.processElement(impression("b", T0.plusSeconds(2)));
        harness.processElement(impression("c", T0.plusSeconds(3)));
        harness.processElement(impression("d", T0.plusSeconds(4)));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(MINUTE_END + 2_000);
        harness.processWatermark(MINUTE_END + 3_000);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> assertThat(p.impressions)
                .isEqualTo(4));
    }

    @Test
    void emitsALateUpdateAfterTheDelayWhenNoWatermarkComes() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement(impression("a", T0.plusSeconds(1)));
        harness.processWatermark(MINUTE_END + 1_000);
        harness.getOutput().clear();

        harness.processElement(impression("b", T0.plusSeconds(2)));
        harness.setProcessingTime(UPDATE_DELAY - 1);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.setProcessingTime(UPDATE_DELAY);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> assertThat(p.impressions)
                .isEqualTo(2));
    }

    @Test
    void forgetsAMinuteWhenItClosesAndDropsItsLaterEvents() throws Exception {
        harness.processElement(impression("a", T0.plusSeconds(1)));
        harness.processWatermark(MINUTE_END + LATENESS);
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.getOutput().clear();

        harness.processElement(impression("b", T0.plusSeconds(2)));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void dropsEventsOfAClosedMinuteAfterARestoreAlthoughTheWatermarkStartsOver() throws Exception {
        harness.processElement(impression("a", T0.plusSeconds(1)));
        harness.processWatermark(MINUTE_END + LATENESS);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement(impression("b", T0.plusSeconds(2)));
        harness.processElement(impression("c", T0.plusSeconds(62)));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> {
            assertThat(p.minute).isEqualTo(T0.toEpochMilli() + 60_000);
            assertThat(p.impressions).isEqualTo(1);
        });
    }

    @Test
    void countsClicksBillableClicksAndTheirSpend() throws Exception {
        StreamRecord<StreamEvent> billable = click("c1", T0.plusSeconds(1), true);
        StreamRecord<StreamEvent> doubleClick = click("c2", T0.plusSeconds(2), false);
        harness.processElement(billable);
        harness.processElement(doubleClick);
        harness.processWatermark(MINUTE_END);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> {
            assertThat(p.clicks).isEqualTo(2);
            assertThat(p.billableClicks).isEqualTo(1);
            assertThat(p.spendMicros).isEqualTo(billable.getValue().cpcMicros);
        });
    }

    @Test
    void anEarlyFiringEmitsTheOpenMinuteAsAProvisionalPartial() throws Exception {
        harness.setProcessingTime(100);
        harness.processElement(impression("a", T0.plusSeconds(1)));
        harness.processElement(impression("b", T0.plusSeconds(2)));
        harness.processWatermark(T0.toEpochMilli() + 2_000);
        harness.setProcessingTime(EARLY - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(EARLY);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> {
            assertThat(p.provisional).isTrue();
            assertThat(p.impressions).isEqualTo(2);
        });
    }

    @Test
    void earlyFiringsEmitOnlyWhatChangedAtMostOncePerInterval() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement(impression("a", T0.plusSeconds(1)));
        harness.setProcessingTime(EARLY);
        harness.getOutput().clear();

        harness.setProcessingTime(2 * EARLY);
        assertThat(harness.extractOutputValues()).as("nothing changed").isEmpty();
        harness.processElement(impression("b", T0.plusSeconds(2)));
        harness.setProcessingTime(2 * EARLY + 500);
        harness.processElement(impression("c", T0.plusSeconds(3)));
        harness.setProcessingTime(3 * EARLY - 1);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.setProcessingTime(4 * EARLY);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> {
            assertThat(p.provisional).isTrue();
            assertThat(p.impressions).isEqualTo(3);
        });
    }

    @Test
    void theWatermarkEmitsTheFinalPartialOnlyIfItChangedSinceTheEarlyOne() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement(impression("a", T0.plusSeconds(1)));
        harness.setProcessingTime(EARLY);
        harness.getOutput().clear();
        harness.processWatermark(MINUTE_END);
        assertThat(harness.extractOutputValues())
                .as("unchanged since the early firing")
                .isEmpty();

        harness.processElement(impression("b", T0.plusSeconds(70)));
        harness.setProcessingTime(2 * EARLY);
        harness.processElement(impression("c", T0.plusSeconds(80)));
        harness.getOutput().clear();
        harness.processWatermark(MINUTE_END + 60_000);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> {
            assertThat(p.provisional).isFalse();
            assertThat(p.minute).isEqualTo(T0.toEpochMilli() + 60_000);
            assertThat(p.impressions).isEqualTo(2);
        });
    }

    @Test
    void anEarlyFiringLeavesLateUpdatesToTheUpdateDelay() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement(impression("a", T0.plusSeconds(1)));
        harness.processWatermark(MINUTE_END + 1_000);
        harness.setProcessingTime(EARLY - 100);
        harness.getOutput().clear();

        harness.processElement(impression("b", T0.plusSeconds(2)));
        harness.setProcessingTime(EARLY);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.setProcessingTime(EARLY - 100 + UPDATE_DELAY);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> {
            assertThat(p.provisional).isFalse();
            assertThat(p.impressions).isEqualTo(2);
        });
    }

    @Test
    void withoutEarlyFiringsAnOpenMinuteWaitsForTheWatermark() throws Exception {
        harness.close();
        harness = newHarness(0);
        harness.open();
        harness.setProcessingTime(0);
        harness.processElement(impression("a", T0.plusSeconds(1)));

        harness.setProcessingTime(10 * EARLY);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, StreamEvent, PartialRollup> newHarness()
            throws Exception {
        return newHarness(EARLY);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, StreamEvent, PartialRollup> newHarness(
            long earlyFireInterval) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SaltedMinuteAggregator(
                        LATENESS, 12, UPDATE_DELAY, Duration.ofHours(25), earlyFireInterval)),
                new SaltedKey(1),
                Types.STRING);
    }

    static StreamRecord<StreamEvent> impression(String impressionId, Instant time) {
        return record(TestEvents.impression(impressionId, time, "u-" + impressionId), false);
    }

    static StreamRecord<StreamEvent> click(String eventId, Instant time, boolean billable) {
        return record(TestEvents.click(eventId, "i1", time, "u1"), billable);
    }

    private static StreamRecord<StreamEvent> record(RawEvent raw, boolean billable) {
        StreamEvent event = StreamEvent.of(raw);
        event.billable = billable;
        return new StreamRecord<>(event, raw.eventTime().toEpochMilli());
    }
}
