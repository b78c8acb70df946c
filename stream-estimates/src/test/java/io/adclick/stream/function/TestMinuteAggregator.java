package io.adclick.stream.function;

import static io.adclick.stream.TestEvents.T0;
import static io.adclick.stream.model.PartialRollups.partial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.model.PartialRollup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestMinuteAggregator {
    static final long LATENESS = 60_000;
    static final long MINUTE_END = T0.toEpochMilli() + 59_999;
    static final long UPDATE_DELAY = 2_000;
    /** The pre-aggregators flush at 3 s, 6 s, ...; the aggregator fires early half an interval later. */
    static final long EARLY = 3_000;

    static final long AGGREGATOR_EARLY = EARLY / 2;
    static final Instant NOW = Instant.parse("2026-11-23T10:01:07Z");

    KeyedOneInputStreamOperatorTestHarness<Long, PartialRollup, MinuteRollup> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness(EARLY);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void sumsTheDeltasOfEverySubtaskIntoOneRevisionWhenTheWatermarkPassesTheMinute() throws Exception {
        harness.processElement(delta(partial(10, 2, 1, 300_000, List.of("u1", "u2"))));
        harness.processElement(delta(partial(20, 3, 2, 500_000, List.of("u2", "u3"))));
        harness.processElement(delta(partial(5, 0, 0, 0, List.of("u4"))));
        harness.processWatermark(MINUTE_END - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(MINUTE_END);
        harness.processWatermark(MINUTE_END + 5_000);

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
    void coalescesLateDeltasIntoOneRevisionPerWatermarkAdvance() throws Exception {
        harness.processElement(delta(partial(10, 0, 0, 0, List.of("u1"))));
        harness.processWatermark(MINUTE_END + 1_000);
        harness.getOutput().clear();

        harness.processElement(delta(partial(2, 1, 1, 400_000, List.of("u2", "u5"))));
        harness.processElement(delta(partial(1, 0, 0, 0, List.of("u2"))));
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(MINUTE_END + 2_000);
        harness.processWatermark(MINUTE_END + 3_000);

        MinuteRollup rollup = single();
        assertThat(rollup.revision()).isEqualTo(2);
        assertThat(rollup.impressions()).isEqualTo(13);
        assertThat(rollup.billableClicks()).isEqualTo(1);
        assertThat(rollup.uniqueUsers()).isEqualTo(3);
    }

    @Test
    void emitsALateUpdateAfterTheDelayWhenNoWatermarkComes() throws Exception {
        harness.setProcessingTime(0);
        harness.processWatermark(MINUTE_END + 5_000);
        harness.processElement(delta(partial(10, 0, 0, 0, List.of("u1"))));
        harness.setProcessingTime(UPDATE_DELAY - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(UPDATE_DELAY);

        assertThat(single().impressions()).isEqualTo(10);
    }

    @Test
    void keepsOnlyTheRevisionOfAClosedMinuteAndDropsItsLaterDeltas() throws Exception {
        harness.processElement(delta(partial(10, 0, 0, 0, List.of("u1"))));
        harness.processWatermark(MINUTE_END + LATENESS);
        assertThat(single().revision()).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries())
                .as("the revision, as the mark of the closed minute")
                .isOne();
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.getOutput().clear();

        harness.processElement(delta(partial(1, 0, 0, 0, List.of("u2"))));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void afterARestoreDropsDeltasOfTheKeysClosedMinuteButCountsAKeyItNeverSaw() throws Exception {
        harness.processElement(delta(partial(10, 0, 0, 0, List.of("u1"))));
        harness.processWatermark(MINUTE_END + LATENESS);
        restartFromASnapshot();
        harness.processElement(delta(partial(1, 0, 0, 0, List.of("u2"))));
        PartialRollup otherCampaign = partial(3, 0, 0, 0, List.of("u3"));
        otherCampaign.campaignId = "cmp-2";
        harness.processElement(delta(otherCampaign));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(single()).satisfies(rollup -> {
            assertThat(rollup.campaignId()).isEqualTo("cmp-2");
            assertThat(rollup.minute()).isEqualTo(T0);
            assertThat(rollup.impressions()).isEqualTo(3);
            assertThat(rollup.revision()).isEqualTo(1);
        });
    }

    @Test
    void afterARestoreADeltaOfAnEndedOpenMinuteGetsItsRevisionWhenTheWatermarkPassesTheEndAgain() throws Exception {
        harness.processElement(delta(partial(10, 0, 0, 0, List.of("u1"))));
        harness.processWatermark(MINUTE_END);
        assertThat(single().revision()).isEqualTo(1);
        restartFromASnapshot();
        harness.processElement(delta(partial(2, 0, 0, 0, List.of("u2"))));
        harness.processWatermark(MINUTE_END);

        assertThat(single()).satisfies(rollup -> {
            assertThat(rollup.impressions()).isEqualTo(12);
            assertThat(rollup.revision()).isEqualTo(2);
        });
    }

    @Test
    void anEarlyFiringEmitsTheChangedOpenMinuteAsAProvisionalRevision() throws Exception {
        harness.setProcessingTime(EARLY);
        harness.processElement(delta(partial(10, 1, 1, 300_000, List.of("u1"))));
        harness.processElement(delta(partial(20, 0, 0, 0, List.of("u2"))));
        harness.setProcessingTime(EARLY + AGGREGATOR_EARLY - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(EARLY + AGGREGATOR_EARLY);

        MinuteRollup rollup = single();
        assertThat(rollup.revision()).isEqualTo(1);
        assertThat(rollup.impressions()).isEqualTo(30);
        assertThat(rollup.spendMicros()).isEqualTo(300_000);
    }

    @Test
    void anEarlyFiringWithoutNewDeltasEmitsNothing() throws Exception {
        aProvisionalRevisionOfTenImpressions();

        harness.setProcessingTime(5 * EARLY + AGGREGATOR_EARLY);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void theWatermarkEmitsTheFinalRevisionAfterAProvisionalOne() throws Exception {
        aProvisionalRevisionOfTenImpressions();
        harness.processElement(delta(partial(5, 0, 0, 0, List.of("u3"))));

        harness.processWatermark(MINUTE_END);

        MinuteRollup rollup = single();
        assertThat(rollup.revision()).isEqualTo(2);
        assertThat(rollup.impressions()).isEqualTo(15);
        assertThat(rollup.uniqueUsers()).isEqualTo(2);
    }

    @Test
    void aProvisionalRevisionWithoutLaterDeltasIsAlsoTheFinalOne() throws Exception {
        aProvisionalRevisionOfTenImpressions();

        harness.processWatermark(MINUTE_END);
        harness.processWatermark(MINUTE_END + LATENESS);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void rollupKeysOfOneBucketAreEmittedOnlyWhenTheyChanged() throws Exception {
        PartialRollup first = partial(10, 0, 0, 0, List.of("u1"));
        PartialRollup sameBucket = otherCampaignInTheBucketOf(first);
        harness.setProcessingTime(EARLY);
        harness.processElement(delta(first));
        harness.processElement(delta(sameBucket));
        harness.setProcessingTime(EARLY + AGGREGATOR_EARLY);
        assertThat(harness.extractOutputValues()).hasSize(2);
        harness.getOutput().clear();

        harness.processElement(delta(partial(5, 0, 0, 0, List.of("u2"))));
        harness.processWatermark(MINUTE_END);

        assertThat(single()).satisfies(rollup -> {
            assertThat(rollup.campaignId()).isEqualTo(first.campaignId);
            assertThat(rollup.impressions()).isEqualTo(15);
            assertThat(rollup.revision()).isEqualTo(2);
        });
    }

    @Test
    void closingABucketKeepsTheRevisionOfEachOfItsRollupKeys() throws Exception {
        PartialRollup first = partial(10, 0, 0, 0, List.of("u1"));
        PartialRollup sameBucket = otherCampaignInTheBucketOf(first);
        harness.processElement(delta(first));
        harness.processWatermark(MINUTE_END);
        harness.processElement(delta(partial(1, 0, 0, 0, List.of("u2"))));
        harness.processElement(delta(sameBucket));
        harness.processWatermark(MINUTE_END + LATENESS);
        assertThat(harness.extractOutputValues())
                .extracting(MinuteRollup::campaignId, MinuteRollup::revision)
                .containsExactlyInAnyOrder(
                        tuple(first.campaignId, 1L), tuple(first.campaignId, 2L), tuple(sameBucket.campaignId, 1L));
        harness.getOutput().clear();

        restartFromASnapshot();
        harness.processElement(delta(partial(1, 0, 0, 0, List.of("u3"))));
        harness.processElement(delta(otherCampaignInTheBucketOf(first)));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void anEarlyFiringLeavesLateUpdatesToTheUpdateDelay() throws Exception {
        harness.setProcessingTime(EARLY);
        harness.processElement(delta(partial(10, 0, 0, 0, List.of("u1"))));
        harness.processWatermark(MINUTE_END + 1_000);
        harness.getOutput().clear();

        harness.processElement(delta(partial(2, 0, 0, 0, List.of("u1"))));
        harness.setProcessingTime(EARLY + AGGREGATOR_EARLY);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.setProcessingTime(EARLY + UPDATE_DELAY);

        assertThat(single().impressions()).isEqualTo(12);
    }

    @Test
    void withoutEarlyFiringsAnOpenMinuteWaitsForTheWatermark() throws Exception {
        harness.close();
        harness = newHarness(0);
        harness.open();
        harness.setProcessingTime(0);
        harness.processElement(delta(partial(10, 0, 0, 0, List.of("u1"))));

        harness.setProcessingTime(10 * EARLY);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    /** An open minute with 10 impressions, emitted by an early firing; the output cleared. */
    private void aProvisionalRevisionOfTenImpressions() throws Exception {
        harness.setProcessingTime(EARLY);
        harness.processElement(delta(partial(10, 0, 0, 0, List.of("u1"))));
        harness.setProcessingTime(EARLY + AGGREGATOR_EARLY);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(r -> assertThat(r.revision())
                .isEqualTo(1));
        harness.getOutput().clear();
    }

    /** A checkpoint, a crash and a restore: the same state and timers, the watermark back at its minimum. */
    private void restartFromASnapshot() throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        harness = newHarness(EARLY);
        harness.initializeState(snapshot);
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<Long, PartialRollup, MinuteRollup> newHarness(
            long earlyFireInterval) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MinuteAggregator(
                        LATENESS,
                        12,
                        UPDATE_DELAY,
                        Duration.ofHours(25),
                        earlyFireInterval,
                        Clock.fixed(NOW, ZoneOffset.UTC))),
                MinuteBuckets.KEY,
                Types.LONG);
    }

    /** A delta of 3 impressions of another campaign whose rollup key is in the same bucket as {@code partial}'s. */
    private static PartialRollup otherCampaignInTheBucketOf(PartialRollup partial) {
        long bucket = MinuteBuckets.of(partial);
        for (int campaign = 2; ; campaign++) {
            PartialRollup other = partial(3, 0, 0, 0, List.of("u9"));
            other.campaignId = "cmp-" + campaign;
            if (MinuteBuckets.of(other) == bucket) {
                return other;
            }
        }
    }

    /** A pre-aggregator's delta, as it sends them: without a timestamp. */
    private static StreamRecord<PartialRollup> delta(PartialRollup partial) {
        return new StreamRecord<>(partial);
    }

    private MinuteRollup single() {
        List<MinuteRollup> output = harness.extractOutputValues();
        assertThat(output).hasSize(1);
        return output.get(0);
    }
}
