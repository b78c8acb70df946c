package io.adclick.batch.reconcile;

import static java.util.Objects.requireNonNull;

import io.adclick.batch.config.ReconcileConfig;
import io.adclick.batch.iceberg.TruthTables;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.ClickDecisions;
import io.adclick.schemas.table.ReconciliationTable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Reconciles the stream's estimates ({@code rollups_minute}, the latest revision of each rollup
 * key) with billing truth ({@code billing_hourly}) per event hour and campaign, and explains the
 * drift click by click from {@code click_decisions} and {@code late_events}: a click counts in
 * the estimate as the stream job decides it, in the order the job saw the events: it arrived in
 * time (not in {@code late_events}), its token had not expired, and it is the first copy of its
 * {@code event_id} and the first click of its impression to arrive of those that arrived in time,
 * unless the first one had left the stream's state (received more than the state TTL before). It
 * counts in the truth when its decision is {@code billable} (first by {@code event_time}). Each
 * click where the two differ is attributed to a category; what remains is the residual. Every input is read at one
 * snapshot, recorded in the output, and the hours are replaced in one commit.
 */
public final class Reconciler {
    private final TruthTables tables;
    private final ReconcileConfig config;
    private final Clock clock;

    public Reconciler(TruthTables tables, ReconcileConfig config, Clock clock) {
        this.tables = requireNonNull(tables, "tables is null");
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What one run wrote. */
    public record Result(String runId, Instant from, Instant to, List<ReconciliationLine> lines, long snapshotId) {
        public long alerts() {
            return lines.stream().filter(ReconciliationLine::alert).count();
        }
    }

    /** Reconciles the hours in {@code [from, to)} (whole UTC hours) and replaces them in {@code reconciliation}. */
    public Result reconcile(Instant from, Instant to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (!from.truncatedTo(ChronoUnit.HOURS).equals(from)
                || !to.truncatedTo(ChronoUnit.HOURS).equals(to)) {
            throw new IllegalArgumentException("Reconcile whole hours: %s to %s".formatted(from, to));
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("Empty range: %s is not before %s".formatted(from, to));
        }
        tables.createMissing();
        String runId = UUID.randomUUID().toString();
        Long truthSnapshot = currentSnapshot(AdclickTables.BILLING_HOURLY);
        Long estimateSnapshot = currentSnapshot(AdclickTables.ROLLUPS_MINUTE);
        Long decisionsSnapshot = currentSnapshot(AdclickTables.CLICK_DECISIONS);
        Long lateSnapshot = currentSnapshot(AdclickTables.LATE_EVENTS);

        Map<ReconciliationKey, Amount> estimates =
                amounts(estimates(estimateSnapshot, from, to), "estimate_clicks", "estimate_spend");
        Map<ReconciliationKey, Amount> truth = amounts(truth(truthSnapshot, from, to), "truth_clicks", "truth_spend");
        Map<ReconciliationKey, Map<String, Amount>> explained =
                explained(contributions(decisionsSnapshot, lateSnapshot, from, to));

        TreeSet<ReconciliationKey> keys = new TreeSet<>(ReconciliationKey.ORDER);
        keys.addAll(estimates.keySet());
        keys.addAll(truth.keySet());
        keys.addAll(explained.keySet());
        List<ReconciliationLine> lines = new ArrayList<>();
        for (ReconciliationKey key : keys) {
            lines.add(new ReconciliationLine(
                    key,
                    estimates.getOrDefault(key, Amount.ZERO),
                    truth.getOrDefault(key, Amount.ZERO),
                    explained.getOrDefault(key, Map.of()),
                    config.residualAlertClicks()));
        }
        Dataset<Row> rows = tables.spark()
                .createDataFrame(
                        lines.stream()
                                .map(line -> toRow(line, runId, truthSnapshot, estimateSnapshot))
                                .toList(),
                        schema());
        long snapshot = tables.overwrite(
                AdclickTables.RECONCILIATION,
                rows,
                functions
                        .col("hour")
                        .geq(functions.lit(Timestamp.from(from)))
                        .and(functions.col("hour").lt(functions.lit(Timestamp.from(to)))),
                runId);
        return new Result(runId, from, to, lines, snapshot);
    }

    private Long currentSnapshot(TableIdentifier table) {
        Snapshot current = tables.load(table).currentSnapshot();
        return current == null ? null : current.snapshotId();
    }

    private String at(TableIdentifier table, Long snapshot) {
        return snapshot == null
                ? "(SELECT * FROM %s LIMIT 0)".formatted(tables.sqlName(table))
                : "%s VERSION AS OF %d".formatted(tables.sqlName(table), snapshot);
    }

    private Dataset<Row> estimates(Long snapshot, Instant from, Instant to) {
        return tables.spark()
                .sql(
                        """
                        SELECT hour, advertiser_id, campaign_id,
                               SUM(billable_clicks) AS estimate_clicks, SUM(spend_micros) AS estimate_spend
                        FROM (SELECT date_trunc('HOUR', minute) AS hour, advertiser_id, campaign_id,
                                     billable_clicks, spend_micros,
                                     row_number() OVER (PARTITION BY minute, campaign_id, ad_id, publisher_id,
                                                        country, device ORDER BY revision DESC) AS newest
                              FROM %s WHERE minute >= :from AND minute < :to)
                        WHERE newest = 1
                        GROUP BY hour, advertiser_id, campaign_id
                        """
                                .formatted(at(AdclickTables.ROLLUPS_MINUTE, snapshot)),
                        range(from, to));
    }

    private Dataset<Row> truth(Long snapshot, Instant from, Instant to) {
        return tables.spark()
                .sql(
                        """
                        SELECT hour, advertiser_id, campaign_id,
                               SUM(billable_clicks) AS truth_clicks, SUM(spend_micros) AS truth_spend
                        FROM %s WHERE hour >= :from AND hour < :to
                        GROUP BY hour, advertiser_id, campaign_id
                        """
                                .formatted(at(AdclickTables.BILLING_HOURLY, snapshot)),
                        range(from, to));
    }

    /**
     * One row per click of {@code [from, to)} whose estimate and truth differ: its hour and
     * campaign, its category (null: unexplained) and its signed clicks and spend.
     *
     * <p>The stream's side is modelled as the job decides, in the order the job saw the events
     * ({@code received_at}), not in the truth's order ({@code event_time}): a copy that arrived
     * beyond the allowed lateness ({@code late_events}) never reaches the deduplication or
     * first-click state; of the other copies of an {@code event_id} the first to arrive passes;
     * of the clicks that passed, the first of each impression to arrive counts unless its token
     * had expired. A later one passes again once the state has expired (TTL after the first).
     *
     * <p>The clicks read reach one state TTL before and after the hours: a click of an earlier
     * hour may still hold the state, and a click of a later hour that arrived first took it (a
     * double click across the hour boundary seen in reverse counts in the later hour only; with
     * the hours' clicks alone, the earlier click would be modelled as counted).
     */
    private Dataset<Row> contributions(Long decisionsSnapshot, Long lateSnapshot, Instant from, Instant to) {
        Duration lookback =
                config.dedupTtl().compareTo(config.firstClickTtl()) > 0 ? config.dedupTtl() : config.firstClickTtl();
        Map<String, Object> parameters = new LinkedHashMap<>(range(from, to));
        parameters.put("lookFrom", Timestamp.from(from.minus(lookback)));
        parameters.put("lookTo", Timestamp.from(to.plus(lookback)));
        parameters.put("dedupTtl", config.dedupTtl().toSeconds());
        parameters.put("firstClickTtl", config.firstClickTtl().toSeconds());
        parameters.put("billable", ClickDecisions.BILLABLE);
        parameters.put("expired", ClickDecisions.EXPIRED_TOKEN);
        parameters.put("noImpression", ClickDecisions.NO_IMPRESSION);
        parameters.put("fraudPattern", ClickDecisions.FRAUD_PREFIX + "%");
        parameters.put("late", ReconciliationTable.LATE);
        parameters.put("dedupExpiry", ReconciliationTable.DEDUP_EXPIRY);
        parameters.put("firstClickOrder", ReconciliationTable.FIRST_CLICK_ORDER);
        return tables.spark()
                .sql(
                        """
                        WITH late AS (
                          SELECT DISTINCT event_id, received_at FROM %s
                          WHERE event_type = 'click' AND event_time >= :lookFrom AND event_time < :lookTo),
                        clicks AS (
                          SELECT c.*, l.event_id IS NOT NULL AS late,
                                 MAX(c.decision = :expired) OVER (PARTITION BY c.event_id) AS token_expired,
                                 MAX(c.decision = :noImpression) OVER (PARTITION BY c.impression_id)
                                   AS impression_missing
                          FROM %s c LEFT JOIN late l ON c.event_id = l.event_id AND c.received_at = l.received_at
                          WHERE c.event_time >= :lookFrom AND c.event_time < :lookTo),
                        copies AS (
                          SELECT *,
                                 row_number() OVER (PARTITION BY event_id ORDER BY received_at) AS arrival,
                                 MIN(received_at) OVER (PARTITION BY event_id) AS first_copy_at
                          FROM clicks WHERE NOT late),
                        passed AS (
                          SELECT *, arrival > 1 AS after_dedup_expiry
                          FROM copies
                          WHERE arrival = 1 OR unix_seconds(received_at) > unix_seconds(first_copy_at) + :dedupTtl),
                        marked AS (
                          SELECT *,
                                 row_number() OVER (PARTITION BY impression_id
                                                    ORDER BY received_at, event_time, event_id) AS click_arrival,
                                 MIN(received_at) OVER (PARTITION BY impression_id) AS first_click_at
                          FROM passed),
                        streamed AS (
                          SELECT event_id, received_at,
                                 NOT token_expired
                                   AND (click_arrival = 1
                                        OR unix_seconds(received_at) > unix_seconds(first_click_at) + :firstClickTtl)
                                   AS estimated,
                                 after_dedup_expiry OR click_arrival > 1 AS after_state_expiry
                          FROM marked),
                        modelled AS (
                          SELECT date_trunc('HOUR', c.event_time) AS hour, c.advertiser_id, c.campaign_id, c.decision,
                                 c.late, c.impression_missing, c.cpc_micros, c.spend_micros,
                                 COALESCE(s.estimated, false) AS estimated,
                                 COALESCE(s.after_state_expiry, false) AS after_state_expiry,
                                 c.decision = :billable AS billed
                          FROM clicks c LEFT JOIN streamed s ON c.event_id = s.event_id AND c.received_at = s.received_at
                          WHERE c.event_time >= :from AND c.event_time < :to)
                        SELECT hour, advertiser_id, campaign_id,
                               CASE WHEN NOT estimated AND late THEN :late
                                    WHEN NOT estimated THEN :firstClickOrder
                                    WHEN decision LIKE :fraudPattern THEN decision
                                    WHEN decision = :noImpression OR impression_missing THEN :noImpression
                                    WHEN after_state_expiry THEN :dedupExpiry
                                    ELSE :firstClickOrder
                               END AS category,
                               IF(estimated, 1, 0) - IF(billed, 1, 0) AS clicks,
                               IF(estimated, cpc_micros, 0) - IF(billed, spend_micros, 0) AS spend
                        FROM modelled WHERE estimated <> billed
                        """
                                .formatted(
                                        at(AdclickTables.LATE_EVENTS, lateSnapshot),
                                        at(AdclickTables.CLICK_DECISIONS, decisionsSnapshot)),
                        parameters);
    }

    private static Map<String, Object> range(Instant from, Instant to) {
        return Map.of("from", Timestamp.from(from), "to", Timestamp.from(to));
    }

    private static Map<ReconciliationKey, Amount> amounts(Dataset<Row> rows, String clicks, String spend) {
        Map<ReconciliationKey, Amount> amounts = new HashMap<>();
        for (Row row : rows.collectAsList()) {
            amounts.put(key(row), new Amount(row.getAs(clicks), row.getAs(spend)));
        }
        return amounts;
    }

    /** Explained amounts per key and category; clicks without a category stay in the residual. */
    private static Map<ReconciliationKey, Map<String, Amount>> explained(Dataset<Row> contributions) {
        Dataset<Row> byCategory = contributions
                .where(functions.col("category").isNotNull())
                .groupBy("hour", "advertiser_id", "campaign_id", "category")
                .agg(
                        functions.sum("clicks").cast("bigint").as("clicks"),
                        functions.sum("spend").cast("bigint").as("spend"));
        Map<ReconciliationKey, Map<String, Amount>> explained = new HashMap<>();
        for (Row row : byCategory.collectAsList()) {
            Amount amount = new Amount(row.getAs("clicks"), row.getAs("spend"));
            if (!amount.isZero()) {
                explained.computeIfAbsent(key(row), k -> new HashMap<>()).put(row.getAs("category"), amount);
            }
        }
        return explained;
    }

    private static ReconciliationKey key(Row row) {
        Timestamp hour = row.getAs("hour");
        return new ReconciliationKey(hour.toInstant(), row.getAs("advertiser_id"), row.getAs("campaign_id"));
    }

    private Row toRow(ReconciliationLine line, String runId, Long truthSnapshot, Long estimateSnapshot) {
        Map<String, Long> clicks = new LinkedHashMap<>();
        Map<String, Long> spend = new LinkedHashMap<>();
        new TreeMap<>(line.explained()).forEach((category, amount) -> {
            clicks.put(category, amount.clicks());
            spend.put(category, amount.spendMicros());
        });
        return RowFactory.create(
                Timestamp.from(line.key().hour()),
                line.key().advertiserId(),
                line.key().campaignId(),
                line.estimate().clicks(),
                line.truth().clicks(),
                line.drift().clicks(),
                line.estimate().spendMicros(),
                line.truth().spendMicros(),
                line.drift().spendMicros(),
                clicks,
                spend,
                line.residual().clicks(),
                line.residual().spendMicros(),
                line.category(),
                line.alert(),
                runId,
                truthSnapshot,
                estimateSnapshot,
                Timestamp.from(clock.instant()));
    }

    private StructType schema() {
        return org.apache.iceberg.spark.SparkSchemaUtil.convert(ReconciliationTable.SCHEMA);
    }
}
