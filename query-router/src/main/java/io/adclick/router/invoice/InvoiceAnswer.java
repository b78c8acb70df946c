package io.adclick.router.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/invoices}.
 *
 * @param supersedes the invoice this version replaces, null for version 1
 * @param supersededBy the newer version's id when truth changed and the invoice was regenerated
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InvoiceAnswer(
        @JsonProperty("invoice_id") String invoiceId,
        @JsonProperty("version") int version,
        @JsonProperty("supersedes") String supersedes,
        @JsonProperty("superseded_by") String supersededBy,
        @JsonProperty("advertiser_id") String advertiserId,
        @JsonProperty("month") String month,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("complete_through") Instant completeThrough,
        @JsonProperty("truth_snapshot_id") long truthSnapshotId,
        @JsonProperty("lines") List<InvoiceLine> lines,
        @JsonProperty("totals") Totals totals) {

    /** The invoice's totals. */
    public record Totals(
            @JsonProperty("billable_clicks") long billableClicks, @JsonProperty("spend_micros") long spendMicros) {}

    public static InvoiceAnswer of(Invoice invoice, String supersededBy, Instant completeThrough) {
        return new InvoiceAnswer(
                invoice.invoiceId(),
                invoice.version(),
                invoice.supersedes().orElse(null),
                supersededBy,
                invoice.advertiserId(),
                invoice.month().toString(),
                invoice.createdAt(),
                completeThrough,
                invoice.truthSnapshotId(),
                invoice.lines(),
                new Totals(invoice.totalBillableClicks(), invoice.totalSpendMicros()));
    }
}
