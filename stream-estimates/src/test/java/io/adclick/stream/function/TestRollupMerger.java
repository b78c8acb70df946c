package io.adclick.stream.function;

import static io.adclick.stream.TestEvents.T0;
import static io.adclick.stream.model.PartialRollups.partial;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.PartialRollup;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestRollupMerger {
    static final long LATENESS = 60_000;
    static final long MINUTE_END = T0.toEpochMilli() + 59_999;
    static final long UPDATE_DELAY = 2_000;
    /** The salted phase fires early at 3 s, 6 s, ...; the merger half an interval later. */
    static final long EARLY = 3_000;

    static final long MERGER_EARLY = EARLY / 2;
    static final Instant NOW = Instant.parse("2026-11-23T10:01:07Z");

    KeyedOneInputStreamOperatorTestHarness<String, PartialRollup, MinuteRollup> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new RollupMerger(LATENESS, 12, UPDATE_DELAY, EARLY, Clock.fixed(NOW, ZoneOffset.UTC)),
                PartialRollup::mergeKey,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void sumsTheSaltsOfOneFiringIntoOneRevision() throws Exception {
        harness.processElement(partial(0, 10, 2, 1, 300_000, List.of("u1", "u2")), MINUTE_END);
        harness.processElement(partial(1, 20, 3, 2, 500_000, List.of("u2", "u3")), MINUTE_END);
        harness.processElement(partial(2, 5, 0, 0, 0, List.of("u4")), MINUTE_END);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(MINUTE_END);

        MinuteRollup rollup = single();
        assertThat(rollup.rollupKey()).isEqualTo("cmp-1|ad-1|pub-1|US|mobile|2026-11-23T10:00:00Z");
        assertThat(rollup.impressions()).isEqualTo(35);
        assertThat(rollup.clicks()).isEqualTo(5);
        assertThat(rollup.billableClicks()).isEqualTo(3);
        assertThat(rollup.spendMicros()).isEqualTo(800_000);
        assertThat(rollup.uniqueUsers()).isEqualTo(4);
        assertThat(rollup.revision()).isEqualTo(1);
        assertThat(rollup.emittedAt()).isEqualTo(NOW);
    }

    @Test
    void anUpdatedSaltReplacesItsPartialInTheNextRevision() throws Exception {
        harness.processElement(partial(0, 10, 0, 0, 0, List.of("u1")), MINUTE_END);
        harness.processElement(partial(1, 20, 0, 0, 0, List.of("u2")), MINUTE_END);
        harness.processWatermark(MINUTE_END);
        harness.getOutput().clear();

        harness.processElement(partial(1, 22, 1, 1, 400_000, List.of("u2", "u5")), MINUTE_END + 1);
        harness.processElement(partial(1, 23, 1, 1, 400_000, List.of("u2", "u5")), MINUTE_END + 1);
        harness.processWatermark(MINUTE_END + 1);

        MinuteRollup rollup = single();
        assertThat(rollup.revision()).isEqualTo(2);
        assertThat(rollup.impressions()).isEqualTo(33);
        assertThat(rollup.billableClicks()).isEqualTo(1);
        assertThat(rollup.uniqueUsers()).isEqualTo(3);
    }

    @Test
    void waitsForTheSlowestInputBeforeMerging() throws Exception {
        harness.processWatermark(T0.toEpochMilli() + 10_000);
        harness.processElement(partial(0, 10, 0, 0, 0, List.of("u1")), MINUTE_END);
        harness.processWatermark(T0.toEpochMilli() + 20_000);
        harness.processElement(partial(1, 20, 0, 0, 0, List.of("u2")), MINUTE_END);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(MINUTE_END);

        assertThat(single().impressions()).isEqualTo(30);
    }

    @Test
    void aPartialArrivingAfterItsWatermarkIsEmittedAfterTheDelayWhenNoWatermarkComes() throws Exception {
        harness.setProcessingTime(0);
        harness.processWatermark(MINUTE_END + 5_000);
        harness.processElement(partial(0, 10, 0, 0, 0, List.of("u1")), MINUTE_END);
        harness.setProcessingTime(UPDATE_DELAY - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(UPDATE_DELAY);

        assertThat(single().impressions()).isEqualTo(10);
    }

    @Test
    void forgetsTheMinuteWhenItCloses() throws Exception {
        harness.processElement(partial(0, 10, 0, 0, 0, List.of("u1")), MINUTE_END);
        harness.processWatermark(MINUTE_END + LATENESS);

        assertThat(single().revision()).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theProvisionalPartialsOfAnEarlyFiringMakeOneProvisionalRevision() throws Exception {
        harness.setProcessingTime(EARLY);
        harness.processElement(withoutTimestamp(provisional(partial(0, 10, 1, 1, 300_000, List.of("u1")))));
        harness.processElement(withoutTimestamp(provisional(partial(1, 20, 0, 0, 0, List.of("u2")))));
        harness.setProcessingTime(EARLY + MERGER_EARLY - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(EARLY + MERGER_EARLY);

        MinuteRollup rollup = single();
        assertThat(rollup.revision()).isEqualTo(1);
        assertThat(rollup.impressions()).isEqualTo(30);
        assertThat(rollup.spendMicros()).isEqualTo(300_000);
    }

    @Test
    void anEarlyFiringWithoutNewPartialsEmitsNothing() throws Exception {
        harness.setProcessingTime(EARLY);
        harness.processElement(withoutTimestamp(provisional(partial(0, 10, 0, 0, 0, List.of("u1")))));
        harness.setProcessingTime(EARLY + MERGER_EARLY);
        harness.getOutput().clear();

        harness.setProcessingTime(5 * EARLY + MERGER_EARLY);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void theWatermarkEmitsTheFinalRevisionAfterAProvisionalOneEvenIfNoSaltChanged() throws Exception {
        harness.setProcessingTime(EARLY);
        harness.processElement(withoutTimestamp(provisional(partial(0, 10, 0, 0, 0, List.of("u1")))));
        harness.processElement(withoutTimestamp(provisional(partial(1, 20, 0, 0, 0, List.of("u2")))));
        harness.setProcessingTime(EARLY + MERGER_EARLY);
        harness.getOutput().clear();
        harness.processElement(partial(1, 25, 0, 0, 0, List.of("u2", "u3")), MINUTE_END);

        harness.processWatermark(MINUTE_END);

        MinuteRollup rollup = single();
        assertThat(rollup.revision()).isEqualTo(2);
        assertThat(rollup.impressions()).isEqualTo(35);
        assertThat(rollup.uniqueUsers()).isEqualTo(3);
    }

    @Test
    void theFinalRevisionFollowsAProvisionalOneWithoutNewPartials() throws Exception {
        harness.setProcessingTime(EARLY);
        harness.processElement(withoutTimestamp(provisional(partial(0, 10, 0, 0, 0, List.of("u1")))));
        harness.setProcessingTime(EARLY + MERGER_EARLY);
        harness.getOutput().clear();

        harness.processWatermark(MINUTE_END);
        harness.processWatermark(MINUTE_END + 1_000);

        MinuteRollup rollup = single();
        assertThat(rollup.revision()).isEqualTo(2);
        assertThat(rollup.impressions()).isEqualTo(10);
    }

    @Test
    void aPendingEarlyFiringDoesNotHurryALateUpdate() throws Exception {
        harness.setProcessingTime(EARLY);
        harness.processElement(withoutTimestamp(provisional(partial(0, 10, 0, 0, 0, List.of("u1")))));
        harness.processWatermark(MINUTE_END + 1_000);
        harness.getOutput().clear();

        harness.processElement(withoutTimestamp(partial(0, 12, 0, 0, 0, List.of("u1"))));
        harness.setProcessingTime(EARLY + MERGER_EARLY);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.setProcessingTime(EARLY + UPDATE_DELAY);

        assertThat(single().impressions()).isEqualTo(12);
    }

    /** A partial of a processing-time firing: Flink erases the timestamp of timer output. */
    private static StreamRecord<PartialRollup> withoutTimestamp(PartialRollup partial) {
        return new StreamRecord<>(partial);
    }

    private static PartialRollup provisional(PartialRollup partial) {
        partial.provisional = true;
        return partial;
    }

    private MinuteRollup single() {
        List<MinuteRollup> output = harness.extractOutputValues();
        assertThat(output).hasSize(1);
        return output.get(0);
    }
}
