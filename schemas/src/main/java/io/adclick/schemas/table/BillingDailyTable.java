package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * {@code adclick.billing_daily}: billing truth per UTC event day and (advertiser, campaign, ad,
 * publisher, country, device), see {@link BillingColumns}. Partitioned by day; a recompute replaces
 * one day partition atomically. Field ids are stable: never reuse or renumber one.
 */
public final class BillingDailyTable {
    public static final Schema SCHEMA = new Schema(columns());

    public static final PartitionSpec PARTITION_SPEC =
            PartitionSpec.builderFor(SCHEMA).identity("day").build();

    private static List<NestedField> columns() {
        List<NestedField> columns = new ArrayList<>();
        columns.add(required(1, "day", Types.DateType.get(), "the UTC event day"));
        columns.addAll(BillingColumns.dimensionsAndMeasures());
        return columns;
    }

    private BillingDailyTable() {}
}
