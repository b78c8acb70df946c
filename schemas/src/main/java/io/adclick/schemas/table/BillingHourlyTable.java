package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * {@code adclick.billing_hourly}: billing truth per event hour and (advertiser, campaign, ad,
 * publisher, country, device), see {@link BillingColumns}. Partitioned by hour; a recompute
 * replaces one hour partition atomically. Field ids are stable: never reuse or renumber one.
 */
public final class BillingHourlyTable {
    public static final Schema SCHEMA = new Schema(columns());

    public static final PartitionSpec PARTITION_SPEC =
            PartitionSpec.builderFor(SCHEMA).hour("hour").build();

    private static List<NestedField> columns() {
        List<NestedField> columns = new ArrayList<>();
        columns.add(required(1, "hour", Types.TimestampType.withZone(), "start of the event hour (UTC)"));
        columns.addAll(BillingColumns.dimensionsAndMeasures());
        return columns;
    }

    private BillingHourlyTable() {}
}
