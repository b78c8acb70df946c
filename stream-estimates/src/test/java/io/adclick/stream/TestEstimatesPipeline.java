package io.adclick.stream;

import static io.adclick.stream.TestEvents.T0;
import static io.adclick.stream.TestEvents.click;
import static io.adclick.stream.TestEvents.expiredClick;
import static io.adclick.stream.TestEvents.impression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.stream.config.EstimatesConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Union;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestEstimatesPipeline {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** Without early firings, so that the revisions do not depend on timing. */
    static final EstimatesConfig CONFIG = EstimatesConfig.defaults().withEarlyFireInterval(Duration.ZERO);

    static final Duration EARLY_FIRE_INTERVAL = Duration.ofMillis(200);

    @Test
    void transportDuplicatesCountOnce() throws Exception {
        RawEvent imp = impression("i1", T0.plusSeconds(1), "u1");
        RawEvent clk = click("c1", "i1", T0.plusSeconds(2), "u1");
        List<RawEvent> events = List.of(imp, imp, clk, imp, clk, impression("i2", T0.plusSeconds(3), "u2"));

        MinuteRollup rollup = onlyRollup(PipelineRun.of(CONFIG, 2, events));

        assertThat(rollup.impressions()).isEqualTo(2);
        assertThat(rollup.clicks()).isEqualTo(1);
        assertThat(rollup.billableClicks()).isEqualTo(1);
        assertThat(rollup.spendMicros()).isEqualTo(TestEvents.cpcOf("i1"));
        assertThat(rollup.uniqueUsers()).isEqualTo(2);
        assertThat(rollup.revision()).isEqualTo(1);
    }

    @Test
    void aDoubleClickIsAClickButBillsOnce() throws Exception {
        List<RawEvent> events = List.of(
                impression("i1", T0.plusSeconds(1), "u1"),
                click("c1", "i1", T0.plusSeconds(2), "u1"),
                click("c2", "i1", T0.plusSeconds(3), "u1"),
                click("c3", "i1", T0.plusSeconds(4), "u1"));

        MinuteRollup rollup = onlyRollup(PipelineRun.of(CONFIG, 2, events));

        assertThat(rollup.clicks()).isEqualTo(3);
        assertThat(rollup.billableClicks()).isEqualTo(1);
        assertThat(rollup.spendMicros()).isEqualTo(TestEvents.cpcOf("i1"));
    }

    @Test
    void clicksWithAnExpiredTokenAreNotBillable() throws Exception {
        List<RawEvent> events = List.of(
                click("c1", "i1", T0.plusSeconds(2), "u1"),
                expiredClick("c2", "i2", T0.plusSeconds(3), "u2"),
                expiredClick("c3", "i3", T0.plusSeconds(4), "u3"));

        MinuteRollup rollup = onlyRollup(PipelineRun.of(CONFIG, 2, events));

        assertThat(rollup.clicks()).isEqualTo(3);
        assertThat(rollup.billableClicks()).isEqualTo(1);
        assertThat(rollup.spendMicros()).isEqualTo(TestEvents.cpcOf("i1"));
    }

    @Test
    void eventsWithinTheLatenessProduceALaterRevisionAndLaterOnesGoToTheLateOutput() throws Exception {
        // updates wait for the watermark only (never for processing time), so the revisions are deterministic
        EstimatesConfig config = CONFIG.withMaxOutOfOrderness(Duration.ZERO)
                .withAllowedLateness(Duration.ofMinutes(1))
                .withUpdateMaxDelay(Duration.ofHours(1));
        RawEvent tooLate = impression("late", T0.plusSeconds(30), "u9");
        List<RawEvent> events = new ArrayList<>(List.of(
                impression("a", T0.plusSeconds(1), "u1"),
                impression("b", T0.plusSeconds(2), "u2"),
                click("c1", "a", T0.plusSeconds(3), "u1"),
                // the watermark passes 10:00:59.999: revision 1 of 10:00
                impression("d", T0.plusSeconds(90), "u4"),
                // late for 10:00 but within the lateness: coalesced into revision 2
                impression("e", T0.plusSeconds(20), "u5"),
                click("c2", "b", T0.plusSeconds(21), "u2"),
                impression("f", T0.plusSeconds(22), "u6"),
                impression("g", T0.plusSeconds(100), "u7"),
                // the watermark passes 10:01:59.999: 10:00 closes
                impression("h", T0.plusSeconds(180), "u8"),
                tooLate));

        PipelineRun run = PipelineRun.of(config, 1, events);

        String minute0 = ExpectedRollups.key(events.get(0));
        List<MinuteRollup> revisions = run.revisionsOf(minute0);
        assertThat(revisions).extracting(MinuteRollup::revision).containsExactly(1L, 2L);
        assertThat(revisions.get(0).impressions()).isEqualTo(2);
        assertThat(revisions.get(0).billableClicks()).isEqualTo(1);
        assertThat(revisions.get(1).impressions()).isEqualTo(4);
        assertThat(revisions.get(1).clicks()).isEqualTo(2);
        assertThat(revisions.get(1).billableClicks()).isEqualTo(2);
        assertThat(revisions.get(1).spendMicros()).isEqualTo(TestEvents.cpcOf("a") + TestEvents.cpcOf("b"));
        assertThat(revisions.get(1).uniqueUsers()).isEqualTo(4);
        assertThat(run.late()).containsExactly(tooLate);
        assertMatchesExpected(run, events.subList(0, events.size() - 1));
    }

    @Test
    void aHotKeyCountedInPiecesOnEverySubtaskGivesExactlyTheTotalsOfOneSubtask() throws Exception {
        List<RawEvent> events = TrafficWithAHotKey.generate(7, 6_000);
        Map<String, ExpectedRollups.Totals> expected = ExpectedRollups.of(events);
        long hot = expected.entrySet().stream()
                .filter(e -> e.getKey().startsWith(TrafficWithAHotKey.HOT_CAMPAIGN + "|"))
                .mapToLong(e -> e.getValue().impressions + e.getValue().clicks)
                .sum();
        long all = expected.values().stream()
                .mapToLong(t -> t.impressions + t.clicks)
                .sum();
        assertThat((double) hot / all).isBetween(0.25, 0.35);

        PipelineRun unsplit = PipelineRun.of(CONFIG, 1, events);
        PipelineRun split = PipelineRun.of(CONFIG.withPreAggregationMaxKeys(3), 2, events);

        assertMatchesExpected(unsplit, events);
        assertMatchesExpected(split, events);
        assertThat(totalsOf(split)).isEqualTo(totalsOf(unsplit));
    }

    @Test
    void earlyRevisionsShowAnOpenMinuteAndTheFinalOneEqualsTheRunWithoutEarlyFirings() throws Exception {
        EstimatesConfig config = CONFIG.withMaxOutOfOrderness(Duration.ZERO).withUpdateMaxDelay(Duration.ofHours(1));
        List<RawEvent> events = List.of(
                impression("a", T0.plusSeconds(1), "u1"),
                impression("b", T0.plusSeconds(2), "u2"),
                click("c1", "a", T0.plusSeconds(3), "u1"),
                // processing time passes: early firings while 10:00 is open
                impression("d", T0.plusSeconds(40), "u3"),
                click("c2", "b", T0.plusSeconds(41), "u2"),
                impression("e", T0.plusSeconds(90), "u4"));
        PipelineRun.PauseBefore pause =
                new PipelineRun.PauseBefore(Set.of("imp:d"), 15 * EARLY_FIRE_INTERVAL.toMillis());

        PipelineRun early = PipelineRun.of(config.withEarlyFireInterval(EARLY_FIRE_INTERVAL), 2, events, pause);
        PipelineRun onlyFinal = PipelineRun.of(config, 2, events, pause);

        String minute0 = ExpectedRollups.key(events.get(0));
        List<MinuteRollup> revisions = early.revisionsOf(minute0);
        assertThat(early.revisionsStrictlyIncreasePerKey()).isTrue();
        assertThat(revisions)
                .as("a provisional revision with the events before the pause")
                .anySatisfy(r -> {
                    assertThat(r.impressions()).isEqualTo(2);
                    assertThat(r.clicks()).isEqualTo(1);
                    assertThat(r.spendMicros()).isEqualTo(TestEvents.cpcOf("a"));
                });
        MinuteRollup last = revisions.get(revisions.size() - 1);
        assertThat(last.revision()).isGreaterThan(1);
        assertThat(onlyFinal.revisionsOf(minute0)).singleElement().satisfies(r -> assertThat(r)
                .usingRecursiveComparison()
                .ignoringFields("revision", "emittedAt")
                .isEqualTo(last));
        assertMatchesExpected(early, events);
    }

    @Test
    void aHotKeyCountedInPiecesWithEarlyFiringsGivesExactlyTheTotalsOfOneSubtask() throws Exception {
        List<RawEvent> events = TrafficWithAHotKey.generate(7, 6_000);
        EstimatesConfig early = CONFIG.withEarlyFireInterval(EstimatesConfig.MIN_EARLY_FIRE_INTERVAL);

        PipelineRun unsplit = PipelineRun.of(CONFIG, 1, events);
        PipelineRun split =
                PipelineRun.of(early.withPreAggregationMaxKeys(3), 2, events, new PipelineRun.PauseEvery(200, 20));

        assertThat(split.revisionsStrictlyIncreasePerKey()).isTrue();
        assertThat(split.rollups().size())
                .as("early revisions besides the final ones")
                .isGreaterThan(unsplit.rollups().size());
        assertMatchesExpected(split, events);
        assertThat(totalsOf(split)).isEqualTo(totalsOf(unsplit));
    }

    @Test
    void uniqueUsersAreThetaSketchesWithinTheirErrorBoundThatMergeAcrossMinutes() throws Exception {
        int lgK = 10;
        double threeStandardErrors = 3 / Math.sqrt(1 << lgK);
        Random random = new Random(11);
        List<RawEvent> events = new ArrayList<>();
        for (int i = 0; i < 15_000; i++) {
            events.add(impression("i" + i, T0.plusMillis(i * 12L), "u" + random.nextInt(6_000)));
        }

        PipelineRun run = PipelineRun.of(CONFIG.withSketchLgNominalEntries(lgK), 2, events);

        Map<String, ExpectedRollups.Totals> expected = ExpectedRollups.of(events);
        Map<String, MinuteRollup> actual = run.latest();
        assertThat(actual).hasSize(3);
        expected.forEach((key, totals) -> {
            assertThat(totals.users.size()).isGreaterThan(1 << lgK);
            assertThat((double) actual.get(key).uniqueUsers())
                    .as(key)
                    .isCloseTo(totals.users.size(), withinPercentage(100 * threeStandardErrors));
        });
        Union union = SetOperation.builder().setNominalEntries(1 << lgK).buildUnion();
        actual.values()
                .forEach(r -> union.union(
                        CompactSketch.heapify(Memory.wrap(Base64.getDecoder().decode(r.uniqueUsersSketch())))));
        long distinctOverAllMinutes =
                events.stream().map(RawEvent::userId).distinct().count();
        assertThat(union.getResult().getEstimate())
                .isCloseTo(distinctOverAllMinutes, withinPercentage(100 * threeStandardErrors));
    }

    private static Map<String, List<Long>> totalsOf(PipelineRun run) {
        Map<String, List<Long>> totals = new TreeMap<>();
        run.latest()
                .forEach((key, r) -> totals.put(
                        key,
                        List.of(r.impressions(), r.clicks(), r.billableClicks(), r.spendMicros(), r.uniqueUsers())));
        return totals;
    }

    private static void assertMatchesExpected(PipelineRun run, List<RawEvent> events) {
        Map<String, ExpectedRollups.Totals> expected = ExpectedRollups.of(events);
        Map<String, MinuteRollup> actual = run.latest();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, totals) -> {
            MinuteRollup rollup = actual.get(key);
            assertThat(rollup.impressions()).as(key).isEqualTo(totals.impressions);
            assertThat(rollup.clicks()).as(key).isEqualTo(totals.clicks);
            assertThat(rollup.billableClicks()).as(key).isEqualTo(totals.billableClicks);
            assertThat(rollup.spendMicros()).as(key).isEqualTo(totals.spendMicros);
        });
    }

    private static MinuteRollup onlyRollup(PipelineRun run) {
        assertThat(run.rollups()).hasSize(1);
        assertThat(run.late()).isEmpty();
        return run.rollups().get(0);
    }
}
