package io.adclick.batch.iceberg;

import static java.util.Objects.requireNonNull;

import io.adclick.batch.config.CatalogConfig;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.BillingDailyTable;
import io.adclick.schemas.table.BillingHourlyTable;
import io.adclick.schemas.table.ClickDecisionsTable;
import io.adclick.schemas.table.FraudDecisionsTable;
import io.adclick.schemas.table.JobRunsTable;
import io.adclick.schemas.table.ReconciliationTable;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Iceberg tables of billing truth in one catalog: reads {@code raw_events} at a pinned
 * snapshot, creates the output tables from their {@code schemas} definitions, and writes each
 * output as one atomic commit tagged with the job run's id.
 */
public final class TruthTables {
    /** Snapshot summary key that names the job run that committed the snapshot. */
    public static final String RUN_ID_PROPERTY = "adclick.job-run-id";
    /** Table property: days a row is kept, by its partition time (read by maintenance). */
    public static final String DATA_RETENTION_DAYS = "adclick.retention.data-days";

    private static final Map<TableIdentifier, TableDefinition> OUTPUTS = outputs();

    private final SparkSession spark;
    private final CatalogConfig catalog;

    public TruthTables(SparkSession spark, CatalogConfig catalog) {
        this.spark = requireNonNull(spark, "spark is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        catalog.sparkConf().forEach((key, value) -> spark.conf().set(key, value));
    }

    private record TableDefinition(Schema schema, PartitionSpec spec, Map<String, String> properties) {}

    private static Map<TableIdentifier, TableDefinition> outputs() {
        Map<String, String> plain = Map.of("format-version", "2");
        Map<String, String> audit = Map.of("format-version", "2", DATA_RETENTION_DAYS, "730");
        Map<TableIdentifier, TableDefinition> outputs = new LinkedHashMap<>();
        outputs.put(
                AdclickTables.BILLING_HOURLY,
                new TableDefinition(BillingHourlyTable.SCHEMA, BillingHourlyTable.PARTITION_SPEC, plain));
        outputs.put(
                AdclickTables.BILLING_DAILY,
                new TableDefinition(BillingDailyTable.SCHEMA, BillingDailyTable.PARTITION_SPEC, plain));
        outputs.put(
                AdclickTables.FRAUD_DECISIONS,
                new TableDefinition(FraudDecisionsTable.SCHEMA, FraudDecisionsTable.PARTITION_SPEC, audit));
        outputs.put(
                AdclickTables.CLICK_DECISIONS,
                new TableDefinition(ClickDecisionsTable.SCHEMA, ClickDecisionsTable.PARTITION_SPEC, audit));
        outputs.put(
                AdclickTables.RECONCILIATION,
                new TableDefinition(ReconciliationTable.SCHEMA, ReconciliationTable.PARTITION_SPEC, audit));
        outputs.put(
                AdclickTables.JOB_RUNS, new TableDefinition(JobRunsTable.SCHEMA, JobRunsTable.PARTITION_SPEC, plain));
        return outputs;
    }

    /** The Spark SQL name of {@code table} in this catalog, e.g. {@code iceberg.adclick.billing_hourly}. */
    public String sqlName(TableIdentifier table) {
        return catalog.name() + "." + table;
    }

    /** The Spark catalog name, e.g. {@code iceberg}. */
    public String catalogName() {
        return catalog.name();
    }

    /** The session this catalog is registered in. */
    public SparkSession spark() {
        return spark;
    }

    /** The Iceberg catalog behind the Spark catalog. */
    public Catalog icebergCatalog() {
        return ((SparkCatalog) spark.sessionState().catalogManager().catalog(catalog.name())).icebergCatalog();
    }

    /** Creates the output tables (and the namespace) that do not exist yet. */
    public void createMissing() {
        Catalog iceberg = icebergCatalog();
        if (iceberg instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(AdclickTables.NAMESPACE)) {
            try {
                namespaces.createNamespace(AdclickTables.NAMESPACE);
            } catch (AlreadyExistsException raced) {
                // another job created it first
            }
        }
        OUTPUTS.forEach((id, definition) -> {
            if (!iceberg.tableExists(id)) {
                try {
                    iceberg.createTable(id, definition.schema(), definition.spec(), definition.properties());
                } catch (AlreadyExistsException raced) {
                    // another job created it first
                }
            }
        });
    }

    /** The table {@code id}, freshly loaded. */
    public Table load(TableIdentifier id) {
        try {
            return icebergCatalog().loadTable(id);
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(
                    "Table %s does not exist in catalog %s (%s %s): start the archive with ./adclick up, or point adclick.catalog.uri at the right catalog"
                            .formatted(id, catalog.name(), catalog.type(), catalog.uri()),
                    e);
        }
    }

    /** The current snapshot of {@code raw_events}, null when it has none yet. */
    public Long currentRawSnapshotId() {
        Snapshot current = load(AdclickTables.RAW_EVENTS).currentSnapshot();
        return current == null ? null : current.snapshotId();
    }

    /**
     * The raw events with {@code event_time} in {@code [from, to)} as of {@code snapshotId} (none
     * when null), with the data file of each row as {@code raw_file}.
     */
    public Dataset<Row> readRaw(Long snapshotId, Timestamp from, Timestamp to) {
        String raw = sqlName(AdclickTables.RAW_EVENTS);
        if (snapshotId == null) {
            return spark.table(raw)
                    .withColumn(
                            "raw_file", org.apache.spark.sql.functions.lit(null).cast("string"))
                    .limit(0);
        }
        return spark.sql(
                "SELECT *, _file AS raw_file FROM %s VERSION AS OF %d WHERE event_time >= :from AND event_time < :to"
                        .formatted(raw, snapshotId),
                Map.of("from", from, "to", to));
    }

    /**
     * Replaces the rows of {@code table} matching {@code partitionFilter} (whole partitions) with
     * {@code rows}, in one commit; returns the new snapshot id.
     */
    public long overwrite(TableIdentifier table, Dataset<Row> rows, Column partitionFilter, String runId) {
        try {
            rows.writeTo(sqlName(table))
                    .option("snapshot-property." + RUN_ID_PROPERTY, runId)
                    .overwrite(partitionFilter);
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException("Table %s disappeared while writing".formatted(table), e);
        }
        return snapshotOf(table, runId);
    }

    /** Appends {@code rows} to {@code table} in one commit; returns the new snapshot id. */
    public long append(TableIdentifier table, Dataset<Row> rows, String runId) {
        try {
            rows.writeTo(sqlName(table))
                    .option("snapshot-property." + RUN_ID_PROPERTY, runId)
                    .append();
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException("Table %s disappeared while writing".formatted(table), e);
        }
        return snapshotOf(table, runId);
    }

    private long snapshotOf(TableIdentifier table, String runId) {
        Table loaded = load(table);
        return java.util.stream.StreamSupport.stream(loaded.snapshots().spliterator(), false)
                .filter(snapshot -> runId.equals(snapshot.summary().get(RUN_ID_PROPERTY)))
                .max(Comparator.comparingLong(Snapshot::sequenceNumber))
                .map(Snapshot::snapshotId)
                .orElseThrow(() -> new IllegalStateException(
                        "Cannot find the snapshot of run %s in %s after committing it".formatted(runId, table)));
    }
}
