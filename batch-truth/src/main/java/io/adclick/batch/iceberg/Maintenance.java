package io.adclick.batch.iceberg;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.table.AdclickTables;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Row;

/**
 * Keeps the tables small and bounded: compacts {@code raw_events}' small files, deletes rows older
 * than a table's {@code adclick.retention.data-days}, and expires old snapshots by the table's
 * {@code history.expire.*} properties, except the snapshots job runs read or wrote, which are
 * tagged {@code job-run-<snapshot id>} first so that every recorded run stays reproducible.
 */
public final class Maintenance {
    /** The time column each table's retention applies to. */
    private static final Map<TableIdentifier, String> TIME_COLUMNS = timeColumns();

    private final TruthTables tables;
    private final Clock clock;

    public Maintenance(TruthTables tables, Clock clock) {
        this.tables = requireNonNull(tables, "tables is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What one maintenance pass did, per table. */
    public record Report(String table, String action, String result) {}

    private static Map<TableIdentifier, String> timeColumns() {
        Map<TableIdentifier, String> columns = new LinkedHashMap<>();
        columns.put(AdclickTables.RAW_EVENTS, "event_time");
        columns.put(AdclickTables.CLICK_DECISIONS, "event_time");
        columns.put(AdclickTables.FRAUD_DECISIONS, "event_time");
        columns.put(AdclickTables.BILLING_HOURLY, "hour");
        columns.put(AdclickTables.BILLING_DAILY, "day");
        return columns;
    }

    /** Compaction, retention and snapshot expiry, in that order. */
    public List<Report> run() {
        tables.createMissing();
        List<Report> reports = new ArrayList<>();
        reports.add(compactRawEvents());
        TIME_COLUMNS.forEach((table, column) -> retention(table, column).ifPresent(reports::add));
        Map<TableIdentifier, Map<Long, String>> referenced = referencedSnapshots();
        for (TableIdentifier table : TIME_COLUMNS.keySet()) {
            reports.add(expireSnapshots(table, referenced.getOrDefault(table, Map.of())));
        }
        return reports;
    }

    private Report compactRawEvents() {
        List<Row> result = tables.spark()
                .sql("CALL %s.system.rewrite_data_files(table => '%s', options => map('min-input-files', '2'))"
                        .formatted(tables.catalogName(), AdclickTables.RAW_EVENTS))
                .collectAsList();
        Row row = result.get(0);
        return new Report(
                AdclickTables.RAW_EVENTS.toString(),
                "rewrite_data_files",
                "%d files rewritten into %d".formatted(row.getInt(0), row.getInt(1)));
    }

    private java.util.Optional<Report> retention(TableIdentifier table, String column) {
        Table loaded = tables.load(table);
        String days = loaded.properties().get(TruthTables.DATA_RETENTION_DAYS);
        if (days == null) {
            return java.util.Optional.empty();
        }
        Instant cutoff = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Long.parseLong(days), ChronoUnit.DAYS);
        String literal = column.equals("day")
                ? "DATE '%s'".formatted(cutoff.toString().substring(0, 10))
                : "TIMESTAMP '%s'".formatted(cutoff);
        tables.spark().sql("DELETE FROM %s WHERE %s < %s".formatted(tables.sqlName(table), column, literal));
        return java.util.Optional.of(
                new Report(table.toString(), "retention", "rows before %s deleted (%s days)".formatted(cutoff, days)));
    }

    /**
     * The snapshots that must stay readable, with the tag that keeps each: those job runs read and
     * wrote ({@code job-run-<id>}), and the {@code billing_daily} snapshots invoices were computed
     * from ({@code invoice-<id>}), so that every run and every invoice can be reproduced.
     */
    private Map<TableIdentifier, Map<Long, String>> referencedSnapshots() {
        Map<TableIdentifier, Map<Long, String>> referenced = new LinkedHashMap<>();
        List<Row> runs = tables.spark()
                .sql("SELECT raw_snapshot_id, output_snapshots FROM %s WHERE status = 'succeeded'"
                        .formatted(tables.sqlName(AdclickTables.JOB_RUNS)))
                .collectAsList();
        for (Row run : runs) {
            if (!run.isNullAt(0)) {
                keep(referenced, AdclickTables.RAW_EVENTS, run.getLong(0), "job-run-");
            }
            Map<String, Long> outputs = run.getJavaMap(1);
            outputs.forEach((table, snapshot) -> keep(referenced, TableIdentifier.parse(table), snapshot, "job-run-"));
        }
        if (tables.icebergCatalog().tableExists(AdclickTables.INVOICES)) {
            tables.spark()
                    .sql("SELECT DISTINCT truth_snapshot_id FROM %s".formatted(tables.sqlName(AdclickTables.INVOICES)))
                    .collectAsList()
                    .forEach(row -> keep(referenced, AdclickTables.BILLING_DAILY, row.getLong(0), "invoice-"));
        }
        return referenced;
    }

    private static void keep(
            Map<TableIdentifier, Map<Long, String>> referenced, TableIdentifier table, long snapshot, String reason) {
        referenced.computeIfAbsent(table, t -> new LinkedHashMap<>()).putIfAbsent(snapshot, reason + snapshot);
    }

    private Report expireSnapshots(TableIdentifier table, Map<Long, String> keep) {
        Table loaded = tables.load(table);
        ManageSnapshots tags = loaded.manageSnapshots();
        int tagged = 0;
        for (Map.Entry<Long, String> kept : keep.entrySet()) {
            long snapshot = kept.getKey();
            String tag = kept.getValue();
            if (loaded.snapshot(snapshot) != null && !loaded.refs().containsKey(tag)) {
                tags.createTag(tag, snapshot);
                tagged++;
            }
        }
        if (tagged > 0) {
            tags.commit();
            loaded.refresh();
        }
        int before = size(loaded.snapshots());
        loaded.expireSnapshots().cleanExpiredFiles(true).commit();
        loaded.refresh();
        int after = size(loaded.snapshots());
        return new Report(
                table.toString(),
                "expire_snapshots",
                "%d expired, %d kept (%d newly tagged for job runs and invoices)"
                        .formatted(before - after, after, tagged));
    }

    private static int size(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) {
            n++;
        }
        return n;
    }
}
