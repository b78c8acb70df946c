package io.adclick.catalog;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.CampaignsTable;
import io.adclick.schemas.table.InvoicesTable;
import io.adclick.schemas.table.RawEventsTable;
import io.adclick.schemas.table.RollupsMinuteTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.exceptions.AlreadyExistsException;

/**
 * Makes sure the namespace {@code adclick} and the tables {@code adclick.raw_events} and {@code
 * adclick.invoices} exist with our schemas and partition specs, and that the raw table's retention
 * properties match the configuration.
 */
public final class ArchiveTables {
    private final Catalog catalog;
    private final SupportsNamespaces namespaces;

    /** @param catalog a catalog that also manages namespaces */
    public ArchiveTables(Catalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        if (!(catalog instanceof SupportsNamespaces supportsNamespaces)) {
            throw new IllegalArgumentException("Catalog %s cannot create namespaces".formatted(catalog.name()));
        }
        this.namespaces = supportsNamespaces;
    }

    /** The properties {@code raw_events} is created with: format v2, Parquet, tidy metadata, the tier. */
    public static Map<String, String> rawEventsProperties(RetentionTier tier) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(TableProperties.FORMAT_VERSION, "2");
        p.put(TableProperties.DEFAULT_FILE_FORMAT, "parquet");
        p.put(TableProperties.PARQUET_COMPRESSION, "zstd");
        p.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
        p.put(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "100");
        p.putAll(tier.tableProperties());
        return p;
    }

    /**
     * Creates what is missing; on an existing table, brings the retention properties up to date.
     *
     * @return the {@code raw_events} table
     */
    public Table ensureRawEvents(RetentionTier tier) {
        requireNonNull(tier, "tier is null");
        if (!namespaces.namespaceExists(AdclickTables.NAMESPACE)) {
            try {
                namespaces.createNamespace(AdclickTables.NAMESPACE);
            } catch (AlreadyExistsException e) {
                // created concurrently: fine
            }
        }
        ensureStreamArchive(tier);
        if (!catalog.tableExists(AdclickTables.RAW_EVENTS)) {
            return catalog.buildTable(AdclickTables.RAW_EVENTS, RawEventsTable.SCHEMA)
                    .withPartitionSpec(RawEventsTable.PARTITION_SPEC)
                    .withProperties(rawEventsProperties(tier))
                    .create();
        }
        Table table = catalog.loadTable(AdclickTables.RAW_EVENTS);
        Map<String, String> wanted = tier.tableProperties();
        if (!table.properties().entrySet().containsAll(wanted.entrySet())) {
            UpdateProperties update = table.updateProperties();
            wanted.forEach(update::set);
            update.commit();
        }
        return table;
    }

    /**
     * Creates the stream's archive tables that are missing: {@code rollups_minute} (every rollup
     * revision) and {@code late_events} (events the stream received too late), which Kafka Connect
     * fills and reconciliation reads.
     */
    private void ensureStreamArchive(RetentionTier tier) {
        if (!catalog.tableExists(AdclickTables.ROLLUPS_MINUTE)) {
            catalog.buildTable(AdclickTables.ROLLUPS_MINUTE, RollupsMinuteTable.SCHEMA)
                    .withPartitionSpec(RollupsMinuteTable.PARTITION_SPEC)
                    .withProperties(rawEventsProperties(tier))
                    .create();
        }
        if (!catalog.tableExists(AdclickTables.LATE_EVENTS)) {
            catalog.buildTable(AdclickTables.LATE_EVENTS, RawEventsTable.SCHEMA)
                    .withPartitionSpec(RawEventsTable.PARTITION_SPEC)
                    .withProperties(rawEventsProperties(tier))
                    .create();
        }
    }

    /** Creates {@code adclick.invoices} (the query router appends to it) when it does not exist. */
    public void ensureInvoices() {
        if (!catalog.tableExists(AdclickTables.INVOICES)) {
            try {
                Map<String, String> p = new LinkedHashMap<>();
                p.put(TableProperties.FORMAT_VERSION, "2");
                p.put(TableProperties.DEFAULT_FILE_FORMAT, "parquet");
                p.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
                catalog.buildTable(AdclickTables.INVOICES, InvoicesTable.SCHEMA)
                        .withPartitionSpec(InvoicesTable.PARTITION_SPEC)
                        .withProperties(p)
                        .create();
            } catch (AlreadyExistsException e) {
                // created concurrently: fine
            }
        }
    }

    /** Creates {@code adclick.campaigns} (budgets; the query router appends to it) when it does not exist. */
    public void ensureCampaigns() {
        if (!catalog.tableExists(AdclickTables.CAMPAIGNS)) {
            try {
                Map<String, String> p = new LinkedHashMap<>();
                p.put(TableProperties.FORMAT_VERSION, "2");
                p.put(TableProperties.DEFAULT_FILE_FORMAT, "parquet");
                p.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
                catalog.buildTable(AdclickTables.CAMPAIGNS, CampaignsTable.SCHEMA)
                        .withPartitionSpec(CampaignsTable.PARTITION_SPEC)
                        .withProperties(p)
                        .create();
            } catch (AlreadyExistsException e) {
                // created concurrently: fine
            }
        }
    }
}
