package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code adclick.invoices}: every version of every advertiser-month invoice the query router
 * issued, one row per invoice line (one row with null line fields for an invoice without lines),
 * partitioned by month. Rows are only appended: a regenerated invoice is a new version that names
 * the one it supersedes. Field ids are stable: never reuse or renumber one.
 */
public final class InvoicesTable {
    public static final Schema SCHEMA = new Schema(
            required(1, "invoice_id", Types.StringType.get(), "INV-<yyyyMM>-<advertiser hash>-v<version>"),
            required(2, "version", Types.IntegerType.get(), "1, 2, ... per advertiser-month"),
            optional(3, "supersedes", Types.StringType.get(), "the invoice_id of the previous version"),
            required(4, "advertiser_id", Types.StringType.get()),
            required(5, "month", Types.StringType.get(), "YYYY-MM"),
            required(
                    6,
                    "truth_snapshot_id",
                    Types.LongType.get(),
                    "the adclick.billing_daily snapshot the invoice was computed from"),
            required(7, "created_at", Types.TimestampType.withZone()),
            optional(8, "line_id", Types.StringType.get(), "<invoice_id>-L<nnn>"),
            optional(9, "campaign_id", Types.StringType.get()),
            optional(10, "billable_clicks", Types.LongType.get()),
            optional(11, "spend_micros", Types.LongType.get()));

    public static final PartitionSpec PARTITION_SPEC =
            PartitionSpec.builderFor(SCHEMA).identity("month").build();

    private InvoicesTable() {}
}
