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
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A known hour with one click of each drift cause, billed by the real truth job; the stream's
 * rollups are written as the stream would have emitted them (the estimate counts the fraud click,
 * the click without impression and a transport duplicate that arrived after the dedup TTL, and
 * misses a late click). Reconciliation must explain each category exactly, leave no residual, and
 * raise the alert once an unexplained difference is injected.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestReconciler {
    private static final Instant T10 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T11 = T10.plus(Duration.ofHours(1));
    private static final ReconcileConfig CONFIG = new ReconcileConfig(Duration.ofHours(1), Duration.ofHours(1), 0);

    private static TruthTables tables;
    private static Reconciler reconciler;
    private static RawEvents.Event lateClick;

    @BeforeAll
    static void billAnHourWithOneClickOfEachDriftCause() {
        tables = newReconcileTables();
        RawEvents.Event billed = click("k1", "i1", T10.plusSeconds(70)).user("u1");
        RawEvents.Event transportCopyWithinTtl = billed.receivedAt(T10.plusSeconds(75));
        RawEvents.Event doubleClick = click("k8", "i1", T10.plusSeconds(130)).user("u1");
        lateClick = click("k2", "i2", T10.plusSeconds(190)).user("u2");
        RawEvents.Event noImpression = click("k3", "i3", T10.plusSeconds(250)).user("u3");
        RawEvents.Event expired =
                click("k5", "i4", T10.plusSeconds(310)).user("u4").expired();
        RawEvents.Event botClick =
                click("k6", "i5", T10.plusSeconds(370)).user("bot").device("bot", "curl/8.5.0");
        RawEvents.Event billedThenReplayed =
                click("k7", "i7", T10.plusSeconds(430)).user("u7");
        RawEvents.Event replayAfterTtl =
                billedThenReplayed.receivedAt(T10.plusSeconds(430).plus(Duration.ofHours(2)));
        RawEvents.Event otherCampaign =
                click("m1", "j1", T10.plusSeconds(490)).campaign("c2").user("u9");
        append(
                tables,
                AdclickTables.RAW_EVENTS,
                impression("i1", T10.plusSeconds(60)).user("u1"),
                billed,
                transportCopyWithinTtl,
                doubleClick,
                impression("i2", T10.plusSeconds(180)).user("u2"),
                lateClick,
                noImpression,
                impression("i4", T10.plusSeconds(300)).user("u4"),
                expired,
                impression("i5", T10.plusSeconds(360)).user("bot").device("bot", "curl/8.5.0"),
                botClick,
                impression("i7", T10.plusSeconds(420)).user("u7"),
                billedThenReplayed,
                replayAfterTtl,
                impression("j1", T10.plusSeconds(480)).campaign("c2").user("u9"),
                otherCampaign);
        append(tables, AdclickTables.LATE_EVENTS, lateClick);
        new TruthJob(tables, BatchSettings.defaults().truth(), "test", Clock.systemUTC())
                .run(TruthPartition.hour("2026-11-23T10"));

        // What the stream emitted: c1 counted k1, k3 (no impression), k6 (bot) and the replay of k7
        // after the TTL, besides k7 itself; k2 arrived too late. A stale revision precedes each final one.
        appendRollups(
                tables,
                rollup(T10.plusSeconds(60), "c1", 1, 0),
                rollup(T10.plusSeconds(60), "c1", 2, 1),
                rollup(T10.plusSeconds(240), "c1", 1, 1),
                rollup(T10.plusSeconds(360), "c1", 1, 1),
                rollup(T10.plusSeconds(420), "c1", 1, 2),
                rollup(T10.plusSeconds(480), "c2", 1, 1));
        reconciler = new Reconciler(tables, CONFIG, Clock.systemUTC());
    }

    @Test
    @Order(1)
    void explainsEachDriftCategoryExactlyWithNoResidual() {
        Reconciler.Result result = reconciler.reconcile(T10, T11);

        ReconciliationLine c1 = line(result, "c1");
        assertThat(c1.estimate()).isEqualTo(new Amount(5, 5 * CPC));
        assertThat(c1.truth()).isEqualTo(new Amount(3, 3 * CPC));
        assertThat(c1.drift()).isEqualTo(new Amount(2, 2 * CPC));
        assertThat(c1.explained())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ReconciliationTable.LATE,
                        new Amount(-1, -CPC),
                        ReconciliationTable.NO_IMPRESSION,
                        new Amount(1, CPC),
                        ReconciliationTable.DEDUP_EXPIRY,
                        new Amount(1, CPC),
                        "fraud:bot_device",
                        new Amount(1, CPC)));
        assertThat(c1.residual()).isEqualTo(Amount.ZERO);
        assertThat(c1.alert()).isFalse();

        ReconciliationLine c2 = line(result, "c2");
        assertThat(c2.drift()).isEqualTo(Amount.ZERO);
        assertThat(c2.category()).isEqualTo(ReconciliationTable.NONE);
        assertThat(result.alerts()).isZero();
    }

    @Test
    @Order(2)
    void writesTheLinesToTheReconciliationTableWithTheSnapshotsRead() {
        Reconciler.Result result = reconciler.reconcile(T10, T11);

        List<Row> rows = tables.spark()
                .table(tables.sqlName(AdclickTables.RECONCILIATION))
                .orderBy("campaign_id")
                .collectAsList();
        assertThat(rows).hasSize(2);
        Row c1 = rows.get(0);
        assertThat((String) c1.getAs("campaign_id")).isEqualTo("c1");
        assertThat((long) c1.getAs("drift_clicks")).isEqualTo(2);
        assertThat((long) c1.getAs("residual_clicks")).isZero();
        assertThat(c1.<scala.collection.Map<String, Long>>getAs("explained_clicks")
                        .get("late"))
                .isEqualTo(scala.Option.apply(-1L));
        assertThat((String) c1.getAs("job_run_id")).isEqualTo(result.runId());
        assertThat((Long) c1.getAs("truth_snapshot_id"))
                .isEqualTo(tables.load(AdclickTables.BILLING_HOURLY)
                        .currentSnapshot()
                        .snapshotId());
        assertThat((Long) c1.getAs("estimate_snapshot_id"))
                .isEqualTo(tables.load(AdclickTables.ROLLUPS_MINUTE)
                        .currentSnapshot()
                        .snapshotId());
    }

    @Test
    @Order(3)
    void anUnexplainedDifferenceRaisesTheAlert() {
        appendRollups(tables, rollup(T10.plusSeconds(420), "c1", 3, 5));

        Reconciler.Result result = reconciler.reconcile(T10, T11);

        ReconciliationLine c1 = line(result, "c1");
        assertThat(c1.residual()).isEqualTo(new Amount(3, 3 * CPC));
        assertThat(c1.alert()).isTrue();
        assertThat(c1.category()).isEqualTo(ReconciliationTable.UNEXPLAINED);
        assertThat(result.alerts()).isEqualTo(1);
    }

    private static ReconciliationLine line(Reconciler.Result result, String campaign) {
        return result.lines().stream()
                .filter(line -> line.key().campaignId().equals(campaign))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + campaign + " in " + result.lines()));
    }
}
