package io.adclick.stream.function;

import static io.adclick.stream.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.event.RawEvent;
import io.adclick.stream.TestEvents;
import io.adclick.stream.model.PartialRollup;
import io.adclick.stream.model.StreamEvent;
import io.adclick.stream.model.UniqueUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestMinutePreAggregator {
    static final long MINUTE_END = T0.toEpochMilli() + 59_999;
    static final long FLUSH_INTERVAL = 2_000;

    OneInputStreamOperatorTestHarness<StreamEvent, PartialRollup> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void sendsEachKeyAndMinuteOnceAheadOfTheWatermarkThatEndsTheMinute() throws Exception {
        open(0, 100);
        harness.processElement(impression("a", T0.plusSeconds(1), "u1"));
        harness.processElement(impression("b", T0.plusSeconds(2), "u2"));
        harness.processElement(click("c", "a", T0.plusSeconds(3), true));
        harness.processElement(click("d", "a", T0.plusSeconds(4), false));
        harness.processElement(impression("e", T0.plusSeconds(61), "u3"));
        harness.processWatermark(MINUTE_END - 1);
        harness.processWatermark(MINUTE_END);

        assertThat(outputInOrder())
                .as("the open minute waits; the ended one goes out before the watermark that ended it")
                .containsExactly("watermark " + (MINUTE_END - 1), "partial of minute 0", "watermark " + MINUTE_END);
        PartialRollup partial = harness.extractOutputValues().get(0);
        assertThat(partial.impressions).isEqualTo(2);
        assertThat(partial.clicks).isEqualTo(2);
        assertThat(partial.billableClicks).isEqualTo(1);
        assertThat(partial.spendMicros).isEqualTo(TestEvents.cpcOf("a"));
        assertThat(UniqueUsers.estimate(UniqueUsers.wrap(partial.usersSketch))).isEqualTo(2);
    }

    @Test
    void sendsEverythingItHoldsBeforeACheckpointBarrier() throws Exception {
        open(0, 100);
        harness.processElement(impression("a", T0.plusSeconds(1), "u1"));
        harness.processElement(impression("b", T0.plusSeconds(61), "u2"));

        harness.prepareSnapshotPreBarrier(1);

        assertThat(harness.extractOutputValues())
                .extracting(p -> p.minute - T0.toEpochMilli())
                .containsExactlyInAnyOrder(0L, 60_000L);
        harness.getOutput().clear();
        harness.prepareSnapshotPreBarrier(2);
        assertThat(harness.extractOutputValues()).as("nothing is sent twice").isEmpty();
    }

    @Test
    void sendsEverythingEveryFlushIntervalOfProcessingTime() throws Exception {
        open(FLUSH_INTERVAL, 100);
        harness.setProcessingTime(100);
        harness.processElement(impression("a", T0.plusSeconds(1), "u1"));
        harness.setProcessingTime(FLUSH_INTERVAL - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(FLUSH_INTERVAL);
        harness.processElement(impression("b", T0.plusSeconds(2), "u2"));
        harness.processElement(impression("c", T0.plusSeconds(3), "u3"));
        harness.setProcessingTime(2 * FLUSH_INTERVAL);

        assertThat(harness.extractOutputValues())
                .as("one delta per flush, never the totals so far")
                .extracting(p -> p.impressions)
                .containsExactly(1L, 2L);
    }

    @Test
    void sendsEverythingOnceItHoldsTheMostKeysItMay() throws Exception {
        open(0, 2);
        harness.processElement(impression("a", T0.plusSeconds(1), "u1"));
        harness.processElement(impression("b", T0.plusSeconds(2), "u2"));
        assertThat(harness.extractOutputValues()).as("one key").isEmpty();

        harness.processElement(impression("c", T0.plusSeconds(61), "u3"));

        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void sendsWhatItHoldsAtTheEndOfABoundedInput() throws Exception {
        open(0, 100);
        harness.processElement(impression("a", T0.plusSeconds(1), "u1"));

        harness.endInput();

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> assertThat(p.impressions)
                .isEqualTo(1));
    }

    private void open(long flushInterval, int maxKeys) throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new MinutePreAggregator(12, flushInterval, maxKeys));
        harness.open();
    }

    private List<String> outputInOrder() {
        List<String> described = new ArrayList<>();
        for (Object element : harness.getOutput()) {
            if (element instanceof Watermark watermark) {
                described.add("watermark " + watermark.getTimestamp());
            } else if (element instanceof StreamRecord<?> record && record.getValue() instanceof PartialRollup p) {
                described.add("partial of minute " + (p.minute - T0.toEpochMilli()) / 60_000);
            }
        }
        return described;
    }

    static StreamRecord<StreamEvent> impression(String impressionId, Instant time, String userId) {
        return record(TestEvents.impression(impressionId, time, userId), false);
    }

    static StreamRecord<StreamEvent> click(String eventId, String impressionId, Instant time, boolean billable) {
        return record(TestEvents.click(eventId, impressionId, time, "u1"), billable);
    }

    private static StreamRecord<StreamEvent> record(RawEvent raw, boolean billable) {
        StreamEvent event = StreamEvent.of(raw);
        event.billable = billable;
        return new StreamRecord<>(event, raw.eventTime().toEpochMilli());
    }
}
