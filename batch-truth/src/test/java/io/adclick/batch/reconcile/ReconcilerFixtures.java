package io.adclick.batch.reconcile;

import io.adclick.batch.RawEvents;
import io.adclick.batch.SharedSpark;
import io.adclick.batch.iceberg.TruthTables;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.RawEventsTable;
import io.adclick.schemas.table.RollupsMinuteTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;

/** Rows the reconciliation tests write: the stream's rollups and raw or late events. */
final class ReconcilerFixtures {
    /** The cost per click of every fixture click. */
    static final long CPC = 250_000;

    private ReconcilerFixtures() {}

    /** Fresh tables of the truth jobs plus the raw, late and rollup tables the reconciler reads. */
    static TruthTables newReconcileTables() {
        TruthTables tables = SharedSpark.newTables();
        tables.createMissing();
        tables.icebergCatalog()
                .createTable(AdclickTables.RAW_EVENTS, RawEventsTable.SCHEMA, RawEventsTable.PARTITION_SPEC);
        tables.icebergCatalog()
                .createTable(AdclickTables.LATE_EVENTS, RawEventsTable.SCHEMA, RawEventsTable.PARTITION_SPEC);
        tables.icebergCatalog()
                .createTable(
                        AdclickTables.ROLLUPS_MINUTE, RollupsMinuteTable.SCHEMA, RollupsMinuteTable.PARTITION_SPEC);
        return tables;
    }

    /** A {@code rollups_minute} revision of one campaign's minute with {@code billable} clicks. */
    static Row rollup(Instant minute, String campaign, long revision, long billable) {
        return RowFactory.create(
                1,
                Timestamp.from(minute),
                campaign,
                "a1",
                "p1",
                "US",
                "mobile",
                "adv1",
                billable,
                billable,
                billable,
                billable * CPC,
                billable,
                null,
                revision,
                Timestamp.from(minute.plusSeconds(60 + revision)));
    }

    static void appendRollups(TruthTables tables, Row... rows) {
        try {
            tables.spark()
                    .createDataFrame(List.of(rows), SparkSchemaUtil.convert(RollupsMinuteTable.SCHEMA))
                    .writeTo(tables.sqlName(AdclickTables.ROLLUPS_MINUTE))
                    .append();
        } catch (NoSuchTableException e) {
            throw new AssertionError(e);
        }
    }

    static void append(TruthTables tables, TableIdentifier table, RawEvents.Event... events) {
        try {
            new RawEvents()
                    .add(events)
                    .toDataFrame()
                    .writeTo(tables.sqlName(table))
                    .append();
        } catch (NoSuchTableException e) {
            throw new AssertionError(e);
        }
    }
}
