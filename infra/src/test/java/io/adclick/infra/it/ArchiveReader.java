package io.adclick.infra.it;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.archive.IcebergCatalog;
import io.adclick.infra.config.ArchiveConfig;
import io.adclick.schemas.table.AdclickTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.rest.RESTCatalog;

/**
 * Reads {@code adclick.raw_events} as any Iceberg engine would: REST catalog, S3FileIO, Parquet.
 * Close it (the catalog client owns the tables' file IO).
 */
public final class ArchiveReader implements AutoCloseable {
    private final RESTCatalog catalog = new RESTCatalog();

    ArchiveReader(ArchiveConfig archive) {
        requireNonNull(archive, "archive is null");
        catalog.initialize("adclick", IcebergCatalog.clientProperties(archive));
    }

    /** The table as of its current snapshot. */
    public Table rawEvents() {
        return catalog.loadTable(AdclickTables.RAW_EVENTS);
    }

    /** Every row of the current snapshot. */
    public List<Record> rawEventRows() {
        Table table = rawEvents();
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            records.forEach(record -> rows.add(record.copy()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Any table of the catalog, as of its current snapshot. */
    public Table table(org.apache.iceberg.catalog.TableIdentifier id) {
        return catalog.loadTable(id);
    }

    /** The rows of {@code id}'s current snapshot that match {@code filter}. */
    public List<Record> rows(
            org.apache.iceberg.catalog.TableIdentifier id, org.apache.iceberg.expressions.Expression filter) {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(table(id)).where(filter).build()) {
            records.forEach(record -> rows.add(record.copy()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Creates {@code id} unless it exists (for benchmarks that write synthetic truth). */
    public void createTable(
            org.apache.iceberg.catalog.TableIdentifier id,
            org.apache.iceberg.Schema schema,
            org.apache.iceberg.PartitionSpec spec) {
        if (!catalog.tableExists(id)) {
            catalog.buildTable(id, schema).withPartitionSpec(spec).create();
        }
    }

    /** The rows of {@code id} as of {@code snapshotId} (time travel) that match {@code filter}. */
    public List<Record> rowsAt(
            org.apache.iceberg.catalog.TableIdentifier id,
            long snapshotId,
            org.apache.iceberg.expressions.Expression filter) {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table(id))
                .useSnapshot(snapshotId)
                .where(filter)
                .build()) {
            records.forEach(record -> rows.add(record.copy()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The number of rows in the current snapshot, from its summary (no data files read). */
    public long rawEventCount() {
        Snapshot snapshot = rawEvents().currentSnapshot();
        return snapshot == null ? 0 : Long.parseLong(snapshot.summary().getOrDefault("total-records", "0"));
    }

    @Override
    public void close() {
        try {
            catalog.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
