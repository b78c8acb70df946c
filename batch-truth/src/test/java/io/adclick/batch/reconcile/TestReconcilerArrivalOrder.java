package io.adclick.batch.reconcile;

import static io.adclick.batch.RawEvents.click;
import static io.adclick.batch.RawEvents.impression;
import static io.adclick.batch.reconcile.ReconcilerFixtures.CPC;
import static io.adclick.batch.reconcile.ReconcilerFixtures.append;
import static io.adclick.batch.reconcile.ReconcilerFixtures.appendRollups;
import static io.adclick.batch.reconcile.ReconcilerFixtures.newReconcileTables;
import static io.adclick.batch.reconcile.ReconcilerFixtures.rollup;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.batch.RawEvents;
import io.adclick.batch.config.BatchSettings;
import io.adclick.batch.config.ReconcileConfig;
import io.adclick.batch.iceberg.TruthTables;
import io.adclick.batch.truth.TruthJob;
import io.adclick.batch.truth.TruthPartition;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.ReconciliationTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Back-dated traffic, where the order in which the stream saw the clicks of an impression is not
 * their order in event time: the truth bills the first click by event time, the stream counts the
 * first one to arrive among those it saw in time. Two hours billed by the real truth job and
 * reconciled one at a time, the rollups written as the stream job emitted them (so the hour
 * before a reversed double click must see the click of the next hour that arrived first);
 * every difference must be explained by the
 * category of its cause, with no residual (the model that took the truth's first click for the
 * stream's too left one click unexplained in four of these lines).
 */
class TestReconcilerArrivalOrder {
    private static final Instant T10 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T11 = T10.plus(Duration.ofHours(1));
    private static final ReconcileConfig CONFIG = new ReconcileConfig(Duration.ofHours(25), Duration.ofHours(25), 0);

    private static List<ReconciliationLine> lines;

    @BeforeAll
    static void billTwoHoursOfBackDatedClicks() {
        TruthTables tables = newReconcileTables();

        // c1: the first click (10:59:50) reached the stream beyond its lateness, the second (11:00:05) in time
        RawEvents.Event lateFirst =
                click("k1", "i1", T10.plusSeconds(3590)).user("u1").receivedAt(T11.plusSeconds(1800));
        RawEvents.Event inTimeSecond = click("k2", "i1", T11.plusSeconds(5)).user("u1");
        // c2: a double click across the hour whose second click arrived first
        RawEvents.Event reversedFirst = click("m1", "j1", T10.plusSeconds(3598))
                .campaign("c2")
                .user("u2")
                .receivedAt(T11.plusSeconds(20));
        RawEvents.Event reversedSecond =
                click("m2", "j1", T11.plusSeconds(2)).campaign("c2").user("u2");
        // c3: the second click, its token aged past 24 h, arrived before the first
        RawEvents.Event validFirst = click("x1", "n1", T10.plusSeconds(1200))
                .campaign("c3")
                .user("u3")
                .receivedAt(T10.plusSeconds(1800));
        RawEvents.Event expiredSecond = click("x2", "n1", T10.plusSeconds(1230))
                .campaign("c3")
                .user("u3")
                .expired()
                .receivedAt(T10.plusSeconds(1260));
        // c4: the first click, its token issued too far in the future, arrived after the second
        RawEvents.Event expiredFirst = click("y1", "p1", T10.plusSeconds(360))
                .campaign("c4")
                .user("u4")
                .expired()
                .receivedAt(T10.plusSeconds(2400));
        RawEvents.Event validSecond =
                click("y2", "p1", T10.plusSeconds(480)).campaign("c4").user("u4");
        append(
                tables,
                AdclickTables.RAW_EVENTS,
                impression("i1", T10.plusSeconds(3540)).user("u1"),
                lateFirst,
                inTimeSecond,
                impression("j1", T10.plusSeconds(3570)).campaign("c2").user("u2"),
                reversedFirst,
                reversedSecond,
                impression("n1", T10.plusSeconds(600)).campaign("c3").user("u3"),
                validFirst,
                expiredSecond,
                impression("p1", T10.plusSeconds(300)).campaign("c4").user("u4"),
                expiredFirst,
                validSecond);
        append(tables, AdclickTables.LATE_EVENTS, lateFirst);
        TruthJob truth = new TruthJob(tables, BatchSettings.defaults().truth(), "test", Clock.systemUTC());
        truth.run(TruthPartition.hour("2026-11-23T10"));
        truth.run(TruthPartition.hour("2026-11-23T11"));

        // What the stream counted: k2, m2 and y2, the first click of its impression to arrive in time
        appendRollups(
                tables,
                rollup(T11, "c1", 1, 1),
                rollup(T11, "c2", 1, 1),
                rollup(T10.plusSeconds(1200), "c3", 1, 0),
                rollup(T10.plusSeconds(480), "c4", 1, 1));
        // hour by hour, as `adclick reconcile` and the scheduler run it
        Reconciler reconciler = new Reconciler(tables, CONFIG, Clock.systemUTC());
        lines = Stream.of(T10, T11)
                .flatMap(hour -> reconciler.reconcile(hour, hour.plus(Duration.ofHours(1))).lines().stream())
                .toList();
    }

    @Test
    void aLateFirstClickIsLateInItsHourAndTheClickTheStreamCountedInsteadIsInItsOwn() {
        assertExplained(line(T10, "c1"), -1, Map.of(ReconciliationTable.LATE, -1L));
        assertExplained(line(T11, "c1"), 1, Map.of(ReconciliationTable.FIRST_CLICK_ORDER, 1L));
    }

    @Test
    void aDoubleClickAcrossTheHourThatArrivedInReverseMovesTheClickToTheLaterHour() {
        assertExplained(line(T10, "c2"), -1, Map.of(ReconciliationTable.FIRST_CLICK_ORDER, -1L));
        assertExplained(line(T11, "c2"), 1, Map.of(ReconciliationTable.FIRST_CLICK_ORDER, 1L));
    }

    @Test
    void anExpiredClickThatArrivedFirstLeavesTheImpressionUncounted() {
        assertExplained(line(T10, "c3"), -1, Map.of(ReconciliationTable.FIRST_CLICK_ORDER, -1L));
    }

    @Test
    void aValidClickThatArrivedBeforeAnExpiredFirstIsCounted() {
        assertExplained(line(T10, "c4"), 1, Map.of(ReconciliationTable.FIRST_CLICK_ORDER, 1L));
    }

    @Test
    void noLineIsLeftWithAResidual() {
        assertThat(lines).hasSize(6).allSatisfy(line -> {
            assertThat(line.residual()).isEqualTo(Amount.ZERO);
            assertThat(line.alert()).isFalse();
        });
    }

    private static void assertExplained(ReconciliationLine line, long drift, Map<String, Long> explainedClicks) {
        assertThat(line.drift()).isEqualTo(new Amount(drift, drift * CPC));
        assertThat(line.explained())
                .containsExactlyInAnyOrderEntriesOf(explainedClicks.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> new Amount(e.getValue(), e.getValue() * CPC))));
        assertThat(line.residual()).isEqualTo(Amount.ZERO);
    }

    private static ReconciliationLine line(Instant hour, String campaign) {
        return lines.stream()
                .filter(line -> line.key().hour().equals(hour)
                        && line.key().campaignId().equals(campaign))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + hour + " " + campaign + " in " + lines));
    }
}
